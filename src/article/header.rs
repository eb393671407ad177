//! The top of a news page: headline, byline, date lines and dateline, before the body.
//!
//! The header is read line by line from the first non-blank line, and stops at the first line
//! that is none of these:
//!
//! ```text
//! header    := [headline] { byline | date-line } [dateline]
//! headline  := the first line, without closing punctuation, that a blank line, a byline, a
//!              date line or a dateline follows (so a hard-wrapped first line is no headline)
//! date-line := [keyword [":"] ["on"]] [weekday [","]] date [time]      (a whole line)
//!            | (keyword | weekday) … date, then the body on the same line
//! keyword   := "date" | "published" | "updated" | "last updated" | "first published" | "posted" | "modified"
//! date      := 2011-04-13 | April 13, 2011 | Sept. 24, 2019 | May 13 2007 | 14 April 2017
//! time      := [","|"-"|"|"] ["at"] 10:02 [a.m.|PM] [BST|ET|UTC+1]
//! ```
//!
//! The dateline grammar is in [`super::dateline`]; after a headline, byline or date line its
//! looser forms count (a place alone, a place in title case with its country, `CITY, Country`
//! alone on its line).
//! Lines that follow none of these shapes start the body, so an article without a header reads
//! as before: a strict dateline on its first line, or none.
//! After a headline, a date line alone on its line within the next few lines still dates the
//! page when the header gave no date (a standfirst or a caption may come first), and a
//! dateline right after it is still the dateline; both are left out of the body.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use super::dateline::{parse_dateline, parse_dateline_in, Cursor, RawDateline, MONTHS};

/// The most header lines read after the headline (bylines and date lines; the dateline ends
/// the header).
const MAX_HEADER_LINES: usize = 6;

/// The most lines read for a date line below the header's first body line.
const MAX_DETACHED_LINES: usize = 6;

/// The most words in a headline.
const MAX_HEADLINE_WORDS: usize = 30;

/// The longest headline, in characters.
const MAX_HEADLINE_CHARS: usize = 250;

/// The words that may introduce a date line, lowercased, longest first.
const DATE_KEYWORDS: &[&str] = &[
    "first published",
    "last updated",
    "last modified",
    "published",
    "updated",
    "modified",
    "posted",
    "date",
];

/// Weekday names and abbreviations, lowercased.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// A time of day, as it follows a date on a date line: `10:02 BST`, `, 10:02 a.m. ET`,
/// `- 14:30 (UTC+1)`.
#[expect(clippy::expect_used, reason = "constant pattern, covered by tests")]
static TIME_TRAILER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:[,|•·–—-]\s*)?(?:at\s+)?\d{1,2}(?:[:.]\d{2}){1,2}\s*(?:[AaPp]\.?\s?[Mm]\.?)?(?:\s*\(?(?:[A-Z]{2,5})(?:\s?[+-]\s?\d{1,2}(?::?\d{2})?)?\)?)?\s*$",
    )
    .expect("valid time pattern")
});

/// A time of day before the date, after a keyword: `Updated 10:30 AM ET, Tue September 24, 2019`.
#[expect(clippy::expect_used, reason = "constant pattern, covered by tests")]
static LEADING_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?\s?[Mm]\.?)?(?:\s+[A-Z]{2,5})?\s*,?\s+")
        .expect("valid time pattern")
});

/// A date line found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct RawDateLine {
    /// The date line as byte range: the whole line, or only the date when the body follows it
    /// on the same line.
    pub(super) range: (usize, usize),
    /// The date it states.
    pub(super) date: Date,
    /// Whether it is an update time (`Updated …`, `Last modified …`) rather than the
    /// publication date.
    pub(super) updated: bool,
    /// Whether the body follows on the same line.
    pub(super) body_follows: bool,
}

/// What the header of an article holds, as byte ranges of the text.
#[derive(Debug, Default)]
pub(super) struct Header {
    /// The headline line.
    pub(super) headline: Option<(usize, usize)>,
    /// A byline (`By JANE DOE Associated Press`).
    pub(super) byline: Option<(usize, usize)>,
    /// The date lines, in reading order.
    pub(super) date_lines: Vec<RawDateLine>,
    /// The wire dateline, which ends the header.
    pub(super) dateline: Option<RawDateline>,
    /// Where the body starts: the end of the last header element (or the start of the text).
    pub(super) end: usize,
    /// Header parts found further down, after lines of the body (a date line below a
    /// standfirst or a caption, and a dateline right after it): ranges the body leaves out.
    pub(super) detached: Vec<(usize, usize)>,
}

impl Header {
    /// The date line that gives the publication date: the first that is no update time, else
    /// the first.
    pub(super) fn publication_line(&self) -> Option<&RawDateLine> {
        self.date_lines.iter().find(|line| !line.updated).or_else(|| self.date_lines.first())
    }
}

/// Reads the header of an article whose lines (without line ends) are `lines`.
///
/// `is_caption(start, end)` says whether a line is a photo caption with its credit, which is no
/// headline even without closing punctuation (`A man walks. PHOTO: AFP`).
pub(super) fn read_header(
    text: &str,
    lines: &[(usize, usize)],
    content_start: usize,
    is_caption: impl Fn(usize, usize) -> bool,
) -> Header {
    let mut header = Header { end: content_start, ..Header::default() };
    let trimmed = |index: usize| -> Option<(usize, usize)> {
        let &(start, end) = lines.get(index)?;
        let (start, end) = trim(text, start, end);
        (start < end).then_some((start, end))
    };
    let next_non_blank = |from: usize| (from..lines.len()).find(|&index| trimmed(index).is_some());

    let Some(first) = next_non_blank(0) else {
        return header;
    };
    let mut next_line = first;
    if let Some((start, end)) = trimmed(first)
        && is_headline(text, start, end)
        && !is_caption(start, end)
        && let Some(following) = next_non_blank(first + 1)
        && let Some((next_start, next_end)) = trimmed(following)
    {
        // A hard-wrapped first line has no closing punctuation either: the line right after a
        // headline is blank or part of the header in its strict forms.
        let blank_after = following > first + 1;
        let header_after = is_byline(text.get(next_start..next_end).unwrap_or_default())
            || parse_date_line(text, next_start, next_end).is_some()
            || parse_dateline(text, next_start).is_some();
        if blank_after || header_after {
            header.headline = Some((start, end));
            header.end = end;
            next_line = following;
        }
    }

    let mut after_header = header.headline.is_some();
    for _ in 0..MAX_HEADER_LINES {
        let Some(index) = next_non_blank(next_line) else {
            break;
        };
        let Some((start, end)) = trimmed(index) else {
            break;
        };
        let line = text.get(start..end).unwrap_or_default();
        if header.byline.is_none() && is_byline(line) {
            header.byline = Some((start, end));
            header.end = end;
        } else if let Some(dateline) = parse_dateline_in(text, start, after_header) {
            header.end = dateline.range.1;
            header.dateline = Some(dateline);
            break;
        } else if let Some(date_line) = parse_date_line(text, start, end) {
            header.end = date_line.range.1;
            let body_follows = date_line.body_follows;
            header.date_lines.push(date_line);
            if body_follows {
                // "Friday, July 21, 2017 WASHINGTON — …": a dateline may follow on the line.
                let rest = text.get(header.end..end).unwrap_or_default();
                let rest_start = header.end + (rest.len() - rest.trim_start().len());
                if let Some(dateline) = parse_dateline_in(text, rest_start, true) {
                    header.end = dateline.range.1;
                    header.dateline = Some(dateline);
                }
                break;
            }
        } else {
            break;
        }
        after_header = true;
        next_line = index + 1;
    }
    // A page may put a standfirst, a caption or a share line between its headline and its
    // date: a date line alone on its line in the first lines still dates the page.
    if header.headline.is_some() && header.date_lines.is_empty() && header.dateline.is_none() {
        for _ in 0..MAX_DETACHED_LINES {
            let Some(index) = next_non_blank(next_line) else {
                break;
            };
            next_line = index + 1;
            let Some((start, end)) = trimmed(index) else {
                break;
            };
            let Some(date_line) =
                parse_date_line(text, start, end).filter(|date_line| !date_line.body_follows)
            else {
                continue;
            };
            header.detached.push(date_line.range);
            header.date_lines.push(date_line);
            if let Some(following) = next_non_blank(next_line)
                && let Some((start, _)) = trimmed(following)
                && let Some(dateline) = parse_dateline_in(text, start, true)
            {
                header.detached.push(dateline.range);
                header.dateline = Some(dateline);
            }
            break;
        }
    }
    header
}

/// `start..end` without surrounding white space.
fn trim(text: &str, start: usize, end: usize) -> (usize, usize) {
    let Some(slice) = text.get(start..end) else {
        return (start, start);
    };
    let trimmed_start = start + (slice.len() - slice.trim_start().len());
    (trimmed_start, trimmed_start + slice.trim().len())
}

/// Whether the line `text[start..end]` has the shape of a headline: not too long, no closing
/// punctuation, and neither a byline, a date line nor a dateline.
fn is_headline(text: &str, start: usize, end: usize) -> bool {
    let Some(line) = text.get(start..end) else {
        return false;
    };
    let unquoted = line.trim_end_matches(['"', '\'', ')', ']', '”', '’', '»']);
    !unquoted.ends_with(['.', '!', '?', '…', ',', ';', ':'])
        && line.chars().count() <= MAX_HEADLINE_CHARS
        && line.split_whitespace().count() <= MAX_HEADLINE_WORDS
        && line.chars().any(char::is_alphabetic)
        && !is_byline(line)
        && parse_date_line(text, start, end).is_none()
        && parse_dateline(text, start).is_none()
}

/// The most words after "By" in a byline.
const MAX_BYLINE_WORDS: usize = 12;

/// The longest byline, in characters.
const MAX_BYLINE_CHARS: usize = 100;

/// Whether a line is a byline: "By" and a few capitalised words — names, "and", an agency
/// ("By JANE DOE Associated Press", "By Jane Doe and John Roe, Reuters"); not a sentence
/// ("By Monday, the army had left.").
pub(super) fn is_byline(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("By ").or_else(|| line.strip_prefix("BY ")) else {
        return false;
    };
    if line.chars().count() > MAX_BYLINE_CHARS || rest.ends_with(['.', '!', '?', ':', ';']) {
        return false;
    }
    let words: Vec<&str> = rest
        .split(|character: char| character.is_whitespace() || matches!(character, ',' | '|'))
        .filter(|word| !word.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= MAX_BYLINE_WORDS
        && words.iter().all(|word| {
            matches!(*word, "and" | "&" | "of" | "in" | "de" | "van" | "von" | "al" | "bin")
                || word.chars().next().is_some_and(char::is_uppercase)
        })
}

/// Reads `text[start..end]` (one trimmed line) as a date line.
pub(super) fn parse_date_line(text: &str, start: usize, end: usize) -> Option<RawDateLine> {
    let line = text.get(start..end)?;
    let mut cursor = Cursor { line, base: start, position: 0 };

    let keyword = DATE_KEYWORDS.iter().find(|keyword| {
        line.get(..keyword.len()).is_some_and(|prefix| prefix.eq_ignore_ascii_case(keyword))
            && !line[keyword.len()..].starts_with(|character: char| character.is_alphabetic())
    });
    if let Some(keyword) = keyword {
        cursor.position = keyword.len();
        cursor.eat(":");
        cursor.skip_spaces();
        let before_on = cursor.position;
        if !(cursor.eat("on") && cursor.skip_spaces()) {
            cursor.position = before_on;
        }
        if let Some(time) = LEADING_TIME.find(cursor.rest()) {
            cursor.position += time.end();
        }
    }
    let updated =
        keyword.is_some_and(|keyword| keyword.contains("updated") || keyword.contains("modified"));

    let before_weekday = cursor.position;
    let weekday_word = cursor.take_while(char::is_alphabetic).to_lowercase();
    let has_weekday = WEEKDAYS.contains(&weekday_word.as_str());
    if has_weekday {
        cursor.eat(".");
        cursor.eat(",");
        if !cursor.skip_spaces() {
            return None;
        }
    } else {
        cursor.position = before_weekday;
    }

    let date = cursor
        .iso_date()
        .or_else(|| cursor.month_day().flatten())
        .or_else(|| day_month_year(&mut cursor))?;
    let date_end = cursor.position;
    let rest = cursor.rest();
    if rest.trim().is_empty() || TIME_TRAILER.is_match(rest) {
        return Some(RawDateLine { range: (start, end), date, updated, body_follows: false });
    }
    // "Thursday, May 7, 2015 On Tuesday, …": the body on the line of the date, which a weekday
    // or a keyword marks as a date line (a bare date may begin a sentence: "Sept. 11, 2001
    // changed everything").
    let body = rest.trim_start();
    let body_starts = rest.len() > body.len()
        && body.starts_with(|character: char| {
            character.is_uppercase() || matches!(character, '"' | '“' | '\'' | '‘')
        });
    ((has_weekday || keyword.is_some()) && body_starts).then_some(RawDateLine {
        range: (start, cursor.absolute(date_end)),
        date,
        updated,
        body_follows: true,
    })
}

/// `14 April 2017`, `3 Sept. 2019`.
fn day_month_year(cursor: &mut Cursor<'_>) -> Option<Date> {
    let start = cursor.position;
    let parsed = (|| {
        let day = cursor.number(1, 2)?;
        cursor.skip_spaces().then_some(())?;
        let name = cursor.take_while(char::is_alphabetic).to_lowercase();
        let &(_, month) = MONTHS.iter().find(|(month_name, _)| *month_name == name)?;
        cursor.eat(".");
        cursor.eat(",");
        cursor.skip_spaces().then_some(())?;
        let year = cursor.number(4, 4)?;
        Date::new(year, month, i8::try_from(day).ok()?).ok()
    })();
    if parsed.is_none() {
        cursor.position = start;
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A date line as (text, date, updated, body follows).
    type Expected<'a> = Option<(&'a str, &'a str, bool, bool)>;

    #[test]
    fn date_lines_table() {
        let cases: &[(&str, Expected<'_>)] = &[
            (
                "Wednesday, April 13, 2011",
                Some(("Wednesday, April 13, 2011", "2011-04-13", false, false)),
            ),
            ("May 13 2007", Some(("May 13 2007", "2007-05-13", false, false))),
            ("Sept. 24, 2019", Some(("Sept. 24, 2019", "2019-09-24", false, false))),
            ("2025-02-18", Some(("2025-02-18", "2025-02-18", false, false))),
            ("date 2019-09-24", Some(("date 2019-09-24", "2019-09-24", false, false))),
            (
                "Published: 14 April 2017 10:02 BST",
                Some(("Published: 14 April 2017 10:02 BST", "2017-04-14", false, false)),
            ),
            (
                "Updated: Sept. 25, 2019, 8:15 a.m. ET",
                Some(("Updated: Sept. 25, 2019, 8:15 a.m. ET", "2019-09-25", true, false)),
            ),
            (
                "Updated 10:30 AM ET, Tue September 24, 2019",
                Some(("Updated 10:30 AM ET, Tue September 24, 2019", "2019-09-24", true, false)),
            ),
            (
                "Published on Friday 3 March 2023 - 14:30 (UTC+1)",
                Some((
                    "Published on Friday 3 March 2023 - 14:30 (UTC+1)",
                    "2023-03-03",
                    false,
                    false,
                )),
            ),
            (
                "Thursday, May 7, 2015 On Tuesday, the government announced a plan.",
                Some(("Thursday, May 7, 2015", "2015-05-07", false, true)),
            ),
            // Not date lines.
            ("Sept. 11, 2001 changed everything.", None),
            ("May 13", None),
            ("March 2019", None),
            ("Wednesday was quiet.", None),
            ("Monday, Feb. 30, 2021", None),
            ("Dated 2019-09-24", None),
            ("Updates follow", None),
        ];
        for (line, expected) in cases {
            let got = parse_date_line(line, 0, line.len()).map(|date_line| {
                (
                    &line[date_line.range.0..date_line.range.1],
                    date_line.date.to_string(),
                    date_line.updated,
                    date_line.body_follows,
                )
            });
            let expected =
                expected.map(|(text, date, updated, body)| (text, date.to_owned(), updated, body));
            assert_eq!(got, expected, "line {line:?}");
        }
    }

    #[test]
    fn headline_shape() {
        let cases = [
            ("Hundreds dead in Hajj stampede", true),
            ("Reports: 'streamlined' UK asylum process to replace interview", true),
            ("North Korea puts military in 'quasi-state of war'", true),
            ("The court ruled on Tuesday.", false),
            ("Is this the end?", false),
            ("By JANE DOE Associated Press", false),
            ("Wednesday, April 13, 2011", false),
            ("PARIS (AFP) - Text", false),
            ("2017", false),
        ];
        for (line, expected) in cases {
            assert_eq!(is_headline(line, 0, line.len()), expected, "{line:?}");
        }
    }
}
