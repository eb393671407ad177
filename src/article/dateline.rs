//! Datelines: `PARIS (AFP) -`, `NEW YORK, Jan. 5, 2021 (AP) —`, `KABUL, Afghanistan (AP) —`,
//! `date 2017-04-14 STRASBOURG (France) •`, `TAGBILARAN, Philippines - Agence France-Presse`.
//!
//! The grammar, on one line:
//!
//! ```text
//! dateline  := [ ["date"] iso-date ] PLACE { "," (month-day | Country) } { "(" paren ")" } separator [agency]
//! PLACE     := words in capitals (`NEW YORK`, `ST. LOUIS`)
//! month-day := Month ["."] day [ [","] year ]          (Jan. 5, 2021 / March 3)
//! paren     := an agency from data/lexicons/agencies_dateline.txt, else a country
//! separator := "•" | "·" | "-" | "--" | "—" | "–", then white space or the end of the line
//! agency    := a known agency, alone on the rest of the line
//! ```
//!
//! After an ISO date, a month and day (`date 2019-09-24 GENEVA, Sept. 24 (AP) --`) is read and
//! the ISO date kept.
//!
//! NB: a place alone (`PARIS -`) is not taken as a dateline at the top of an article, since a
//! capitalised opening word followed by a dash (`NATO - the alliance…`) is too common in body
//! text; a date, a country or an agency must come with it. After a headline, byline or date
//! line a dateline is expected, and looser forms count ([`parse_dateline_in`]): a place alone
//! (`MIAMI —`), a place in title case with its country (`Taipei, Taiwan —`), and `CITY,
//! Country` alone on its line, without a separator.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

use jiff::civil::Date;

/// The agency lexicon, one entry per line, `#` comments.
const AGENCIES_TXT: &str = include_str!("../../data/lexicons/agencies_dateline.txt");

/// Lowercased agency names.
static AGENCIES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    AGENCIES_TXT
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_lowercase)
        .collect()
});

/// Whether `name` is a known news agency (case-insensitive).
pub(crate) fn is_agency(name: &str) -> bool {
    AGENCIES.contains(&name.trim().to_lowercase())
}

/// The state and province abbreviations of wire datelines, with the region each stands for.
const ABBREVIATIONS_TSV: &str = include_str!("../../data/lexicons/dateline_abbreviations.tsv");

/// Abbreviation (`Wash.`) to region name (`Washington`).
static REGION_ABBREVIATIONS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    ABBREVIATIONS_TSV
        .lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
        .map(|(abbreviation, region)| (abbreviation.trim(), region.trim()))
        .collect()
});

/// The region a state or province abbreviation of a dateline stands for (`Wash.` is
/// `Washington`, `N.Y.` is `New York`); `None` for anything else.
///
/// NB: only for datelines: in body text several abbreviations are ordinary words ("Miss.").
pub(crate) fn region_abbreviation(text: &str) -> Option<&'static str> {
    let text = text.trim();
    REGION_ABBREVIATIONS
        .iter()
        .find(|(abbreviation, _)| *abbreviation == text)
        .map(|(_, region)| *region)
}

/// A dateline found in the text, as absolute byte ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawDateline {
    /// The whole dateline, separator included.
    pub(crate) range: (usize, usize),
    /// The place in capitals.
    pub(crate) place: Option<(usize, usize)>,
    /// A country, after a comma or in parentheses.
    pub(crate) country: Option<(usize, usize)>,
    /// An agency in parentheses.
    pub(crate) agency: Option<(usize, usize)>,
    /// A full date (ISO, or month, day and year).
    pub(crate) date: Option<Date>,
}

/// The longest text accepted inside dateline parentheses, in bytes.
const MAX_PAREN_LEN: usize = 48;

/// The most words a country after a comma may have (`Democratic Republic of the Congo`).
const MAX_COUNTRY_WORDS: usize = 5;

/// Month names and abbreviations, lowercased, with their number.
pub(super) const MONTHS: &[(&str, i8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// A position in one line of text, with the line's offset in the whole text.
pub(super) struct Cursor<'a> {
    pub(super) line: &'a str,
    pub(super) base: usize,
    pub(super) position: usize,
}

impl<'a> Cursor<'a> {
    pub(super) fn rest(&self) -> &'a str {
        self.line.get(self.position..).unwrap_or_default()
    }

    pub(super) fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    pub(super) fn absolute(&self, relative: usize) -> usize {
        self.base + relative
    }

    pub(super) fn skip_spaces(&mut self) -> bool {
        let rest = self.rest();
        let skipped = rest.len() - rest.trim_start().len();
        self.position += skipped;
        skipped > 0
    }

    pub(super) fn eat(&mut self, literal: &str) -> bool {
        if self.rest().starts_with(literal) {
            self.position += literal.len();
            true
        } else {
            false
        }
    }

    /// Takes the longest prefix whose characters satisfy `predicate`; returns it (maybe empty).
    pub(super) fn take_while(&mut self, predicate: impl Fn(char) -> bool) -> &'a str {
        let rest = self.rest();
        let length = rest.find(|character: char| !predicate(character)).unwrap_or(rest.len());
        self.position += length;
        rest.get(..length).unwrap_or_default()
    }

    pub(super) fn number(&mut self, min_digits: usize, max_digits: usize) -> Option<i16> {
        let start = self.position;
        let digits = self.take_while(|character| character.is_ascii_digit());
        if (min_digits..=max_digits).contains(&digits.len()) {
            digits.parse().ok()
        } else {
            self.position = start;
            None
        }
    }

    /// `2017-04-14`.
    pub(super) fn iso_date(&mut self) -> Option<Date> {
        let start = self.position;
        let date = (|| {
            let year = self.number(4, 4)?;
            self.eat("-").then_some(())?;
            let month = self.number(2, 2)?;
            self.eat("-").then_some(())?;
            let day = self.number(2, 2)?;
            Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
        })();
        if date.is_none() {
            self.position = start;
        }
        date
    }

    /// `Jan. 5, 2021`, `March 3`, `Sept 1 2004`: returns the date when a year is given
    /// (and the date is valid), `Some(None)` for a day and month only.
    pub(super) fn month_day(&mut self) -> Option<Option<Date>> {
        let start = self.position;
        let parsed = (|| {
            let name = self.take_while(char::is_alphabetic).to_lowercase();
            let &(_, month) = MONTHS.iter().find(|(month_name, _)| *month_name == name)?;
            self.eat(".");
            self.skip_spaces().then_some(())?;
            let day = self.number(1, 2)?;
            let before_year = self.position;
            self.eat(",");
            let year = if self.skip_spaces() { self.number(4, 4) } else { None };
            let Some(year) = year else {
                self.position = before_year;
                return Some(None);
            };
            Some(Date::new(year, month, i8::try_from(day).ok()?).ok())
        })();
        if parsed.is_none() {
            self.position = start;
        }
        parsed
    }

    /// Words in capitals, separated by single spaces: `NEW YORK`, `ST. LOUIS`, `BEIJING`.
    pub(super) fn capital_words(&mut self) -> Option<(usize, usize)> {
        let start = self.position;
        let mut end = start;
        let mut n_letters = 0;
        loop {
            let word_start = self.position;
            let word = self.take_while(|character| {
                character.is_uppercase() || matches!(character, '-' | '.' | '\'' | '’')
            });
            let is_word = word.chars().next().is_some_and(char::is_uppercase)
                && self.peek().is_none_or(|next| !next.is_alphanumeric());
            if !is_word {
                self.position = word_start;
                break;
            }
            n_letters += word.chars().filter(|character| character.is_uppercase()).count();
            end = self.position;
            if !(self.eat(" ") && self.peek().is_some_and(char::is_uppercase)) {
                break;
            }
        }
        self.position = end;
        (n_letters >= 2).then_some((start, end))
    }

    /// Capitalised words (with `of`, `the`, `and` between them): `Afghanistan`, `South Korea`.
    pub(super) fn title_words(&mut self) -> Option<(usize, usize)> {
        let start = self.position;
        let mut end = start;
        for _ in 0..MAX_COUNTRY_WORDS {
            let word_start = self.position;
            let word = self.take_while(|character| {
                character.is_alphabetic() || matches!(character, '-' | '.' | '\'' | '’')
            });
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            let connector = matches!(word, "of" | "the" | "and");
            if !(capitalised || (connector && end > start)) {
                self.position = word_start;
                break;
            }
            if capitalised {
                end = self.position;
            }
            if !self.eat(" ") {
                break;
            }
        }
        self.position = end;
        (end > start).then_some((start, end))
    }

    /// `(AFP)` or `(France)`: the range of the text inside.
    pub(super) fn parenthesised(&mut self) -> Option<(usize, usize)> {
        let start = self.position;
        if !self.eat("(") {
            return None;
        }
        let inside_start = self.position;
        let inside = self.take_while(|character| !matches!(character, '(' | ')'));
        if inside.trim().is_empty() || inside.len() > MAX_PAREN_LEN || !self.eat(")") {
            self.position = start;
            return None;
        }
        let leading = inside.len() - inside.trim_start().len();
        Some((inside_start + leading, inside_start + inside.trim_end().len()))
    }

    pub(super) fn separator(&mut self) -> bool {
        let start = self.position;
        let found = ["--", "•", "·", "—", "–", "-"].iter().any(|separator| self.eat(separator));
        if found && self.peek().is_none_or(char::is_whitespace) {
            true
        } else {
            self.position = start;
            false
        }
    }
}

/// Parses a dateline at byte `start` of `text`, on that line only, in the strict form that
/// may open an article.
pub(crate) fn parse_dateline(text: &str, start: usize) -> Option<RawDateline> {
    parse_dateline_in(text, start, false)
}

/// Parses a dateline at byte `start` of `text`, on that line only.
///
/// `after_header` says that a headline, byline or date line came before: a dateline is then
/// expected, and looser forms count (see the module docs).
pub(crate) fn parse_dateline_in(
    text: &str,
    start: usize,
    after_header: bool,
) -> Option<RawDateline> {
    let rest = text.get(start..)?;
    let line = rest.split('\n').next().unwrap_or_default();
    let line = line.strip_suffix('\r').unwrap_or(line);
    let mut cursor = Cursor { line, base: start, position: 0 };

    let mut date = None;
    let mut has_date = false;
    let before_prefix = cursor.position;
    let keyword = cursor.take_while(char::is_alphabetic);
    if keyword.eq_ignore_ascii_case("date") {
        cursor.skip_spaces();
    } else {
        cursor.position = before_prefix;
    }
    if let Some(iso) = cursor.iso_date() {
        cursor.skip_spaces().then_some(())?;
        date = Some(iso);
        has_date = true;
    } else {
        cursor.position = before_prefix;
    }

    // A place in capitals; after a header, also a place in title case that a country follows
    // (`Taipei, Taiwan —`).
    let (place, title_case) = match cursor.capital_words() {
        Some(place) => (place, false),
        None if after_header => (cursor.title_words()?, true),
        None => return None,
    };
    let mut country = None;
    let mut agency = None;
    // `, Afghanistan`, `, March 3`, `, Jan. 5, 2021`, or a country then a date.
    for _ in 0..2 {
        let before_comma = cursor.position;
        if !(cursor.eat(",") && cursor.skip_spaces()) {
            cursor.position = before_comma;
            break;
        }
        if let Some(month_day) = cursor.month_day() {
            // After an ISO date (`date 2019-09-24 CITY, Sept. 24 (AP) --`) the first date stays.
            if !has_date {
                date = month_day;
                has_date = true;
            }
        } else if country.is_none()
            && let Some(words) = cursor.title_words()
        {
            country = Some(words);
        } else {
            cursor.position = before_comma;
            break;
        }
    }
    // `(AFP)`, `(France)`, or both.
    for _ in 0..2 {
        let before_paren = cursor.position;
        cursor.skip_spaces();
        let Some(inside) = cursor.parenthesised() else {
            cursor.position = before_paren;
            break;
        };
        let inside_text = line.get(inside.0..inside.1).unwrap_or_default();
        if agency.is_none() && is_agency(inside_text) {
            agency = Some(inside);
        } else if country.is_none() {
            country = Some(inside);
        } else {
            return None;
        }
    }
    let before_separator = cursor.position;
    cursor.skip_spaces();
    let at_line_end = cursor.rest().trim().is_empty();
    if cursor.separator() {
        // `TAGBILARAN, Philippines - Agence France-Presse`: an agency after the separator,
        // alone on the rest of the line.
        let after_separator = cursor.position;
        cursor.skip_spaces();
        let name_start = cursor.position;
        let name = cursor.rest().trim_end();
        if agency.is_none() && !name.is_empty() && is_agency(name) {
            agency = Some((name_start, name_start + name.len()));
            cursor.position = name_start + name.len();
        } else {
            cursor.position = after_separator;
        }
    } else if !(after_header && at_line_end && country.is_some()) {
        // Only `CITY, Country` alone on its line, after a header, goes without a separator.
        return None;
    } else {
        cursor.position = before_separator;
    }
    // A place alone (`PARIS -`) is a dateline only where one is expected; a place in title
    // case only with its country.
    let qualified = has_date || country.is_some() || agency.is_some();
    if !(qualified || after_header) || (title_case && country.is_none()) {
        return None;
    }
    let absolute = |(from, to): (usize, usize)| (cursor.absolute(from), cursor.absolute(to));
    Some(RawDateline {
        range: (start, cursor.absolute(cursor.position)),
        place: Some(absolute(place)),
        country: country.map(absolute),
        agency: agency.map(absolute),
        date,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dateline of `text` as (whole, place, country, agency, date), all as text.
    type Parts<'a> = (&'a str, &'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);

    fn check(text: &str, expected: Option<Parts<'_>>) {
        let start = text.len() - text.trim_start().len();
        let got = parse_dateline(text, start).map(|dateline| {
            let slice = |(from, to): (usize, usize)| text[from..to].to_owned();
            (
                slice(dateline.range),
                dateline.place.map(slice).unwrap_or_default(),
                dateline.country.map(slice),
                dateline.agency.map(slice),
                dateline.date.map(|date| date.to_string()),
            )
        });
        let expected = expected.map(|(whole, place, country, agency, date)| {
            (
                whole.to_owned(),
                place.to_owned(),
                country.map(str::to_owned),
                agency.map(str::to_owned),
                date.map(str::to_owned),
            )
        });
        assert_eq!(got, expected, "input {text:?}");
    }

    #[test]
    fn datelines_table() {
        let cases: &[(&str, Option<Parts<'_>>)] = &[
            (
                " date 2017-04-14 STRASBOURG (France) • The court ruled.",
                Some((
                    "date 2017-04-14 STRASBOURG (France) •",
                    "STRASBOURG",
                    Some("France"),
                    None,
                    Some("2017-04-14"),
                )),
            ),
            (
                "2017-04-14 LYON (France) - Text.",
                Some((
                    "2017-04-14 LYON (France) -",
                    "LYON",
                    Some("France"),
                    None,
                    Some("2017-04-14"),
                )),
            ),
            ("PARIS (AFP) - Text.", Some(("PARIS (AFP) -", "PARIS", None, Some("AFP"), None))),
            (
                "LONDON (Reuters) - Text.",
                Some(("LONDON (Reuters) -", "LONDON", None, Some("Reuters"), None)),
            ),
            (
                "WASHINGTON (AP) — Text.",
                Some(("WASHINGTON (AP) —", "WASHINGTON", None, Some("AP"), None)),
            ),
            (
                "BEIJING, March 3 (Xinhua) -- Text.",
                Some(("BEIJING, March 3 (Xinhua) --", "BEIJING", None, Some("Xinhua"), None)),
            ),
            (
                "MOSCOW, March 3 (Reuters) - Text.",
                Some(("MOSCOW, March 3 (Reuters) -", "MOSCOW", None, Some("Reuters"), None)),
            ),
            (
                "NEW YORK, Jan. 5, 2021 (AP) — Text.",
                Some((
                    "NEW YORK, Jan. 5, 2021 (AP) —",
                    "NEW YORK",
                    None,
                    Some("AP"),
                    Some("2021-01-05"),
                )),
            ),
            (
                "KABUL, Afghanistan (AP) — Text.",
                Some(("KABUL, Afghanistan (AP) —", "KABUL", Some("Afghanistan"), Some("AP"), None)),
            ),
            (
                "SEOUL, South Korea, Sept. 1 2004 (Yonhap) – Text.",
                Some((
                    "SEOUL, South Korea, Sept. 1 2004 (Yonhap) –",
                    "SEOUL",
                    Some("South Korea"),
                    Some("Yonhap"),
                    Some("2004-09-01"),
                )),
            ),
            (
                "ST. LOUIS (dpa) -\nText.",
                Some(("ST. LOUIS (dpa) -", "ST. LOUIS", None, Some("dpa"), None)),
            ),
            (
                "SÃO PAULO (Brazil) • Texto.",
                Some(("SÃO PAULO (Brazil) •", "SÃO PAULO", Some("Brazil"), None, None)),
            ),
            // An impossible date is no date, but still a dateline.
            (
                "ROME, Feb. 30, 2021 (ANSA) - Text.",
                Some(("ROME, Feb. 30, 2021 (ANSA) -", "ROME", None, Some("ANSA"), None)),
            ),
            // Not datelines.
            ("The court ruled (AFP) - yes.", None),
            ("PARIS - A place alone is not enough.", None),
            ("NATO - the alliance said.", None),
            ("US troops (AFP) - left.", None),
            ("PARIS (AFP)- Text.", Some(("PARIS (AFP)-", "PARIS", None, Some("AFP"), None))),
            ("PARIS (AFP) -Text.", None),
            ("A total of 185 children died.", None),
            ("PARIS (AFP)\n- Text.", None),
            (
                "date 2019-09-24 GENEVA, Sept. 24 (AP) -- Text.",
                Some((
                    "date 2019-09-24 GENEVA, Sept. 24 (AP) --",
                    "GENEVA",
                    None,
                    Some("AP"),
                    Some("2019-09-24"),
                )),
            ),
        ];
        for (input, expected) in cases {
            check(input, *expected);
        }
    }

    #[test]
    fn datelines_after_a_header() {
        // (line, strict, after a header), each as (whole, place, country, agency).
        type Found<'a> = Option<(&'a str, &'a str, Option<&'a str>, Option<&'a str>)>;
        let cases: &[(&str, Found<'_>, Found<'_>)] = &[
            ("MIAMI — The storm grew.", None, Some(("MIAMI —", "MIAMI", None, None))),
            ("NATO - the alliance said.", None, Some(("NATO -", "NATO", None, None))),
            (
                "Taipei, Taiwan — Lights shone.",
                None,
                Some(("Taipei, Taiwan —", "Taipei", Some("Taiwan"), None)),
            ),
            ("ACCRA, Ghana", None, Some(("ACCRA, Ghana", "ACCRA", Some("Ghana"), None))),
            (
                "TAGBILARAN, Philippines - Agence France-Presse",
                Some((
                    "TAGBILARAN, Philippines - Agence France-Presse",
                    "TAGBILARAN",
                    Some("Philippines"),
                    Some("Agence France-Presse"),
                )),
                Some((
                    "TAGBILARAN, Philippines - Agence France-Presse",
                    "TAGBILARAN",
                    Some("Philippines"),
                    Some("Agence France-Presse"),
                )),
            ),
            // Never datelines: a title-case place alone, a sentence, a place without a
            // separator or country.
            ("Taipei — Lights shone.", None, None),
            ("Officials said on Monday.", None, None),
            ("MIAMI", None, None),
            ("Wednesday, April 13, 2011", None, None),
        ];
        for (line, strict, loose) in cases {
            for (after_header, expected) in [(false, strict), (true, loose)] {
                let got = parse_dateline_in(line, 0, after_header).map(|dateline| {
                    let slice = |(from, to): (usize, usize)| &line[from..to];
                    (
                        slice(dateline.range),
                        dateline.place.map(slice).unwrap_or_default(),
                        dateline.country.map(slice),
                        dateline.agency.map(slice),
                    )
                });
                assert_eq!(got, *expected, "{line:?}, after a header: {after_header}");
            }
        }
    }

    #[test]
    fn agencies_lexicon() {
        for name in ["AFP", "reuters", "Xinhua", "dpa", "Agence France-Presse", "Kyodo"] {
            assert!(is_agency(name), "{name}");
        }
        for name in ["France", "Afghanistan", "# News agencies"] {
            assert!(!is_agency(name), "{name}");
        }
    }

    #[test]
    fn region_abbreviations() {
        let cases = [
            ("Wash.", Some("Washington")),
            ("N.Y.", Some("New York")),
            (" Calif. ", Some("California")),
            ("B.C.", Some("British Columbia")),
            // Not abbreviations: full names, the word without its period, other text.
            ("Washington", None),
            ("Wash", None),
            ("Texas", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(region_abbreviation(text), expected, "{text:?}");
        }
        let parsed = parse_dateline("SPOKANE, Wash. (AP) — Text.", 0);
        assert!(parsed.is_some_and(|dateline| dateline.country.is_some()));
    }
}
