//! Dates and durations: absolute ("Sept 1, 2004", "1 September 2004", "2004-09-01", "in 2004",
//! "March 2019") and relative to the article's date ("yesterday", "on Tuesday", "last year").
//!
//! NB: the reference date is the article's, never the clock's, so output is deterministic.

use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use regex::Regex;

use super::tokens::Token;
use super::{Annotations, Context, Mention, Tag};
use crate::article::Sentence;
use crate::graph::{Diagnostic, Literal};

const MONTH: &str = r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";

#[expect(clippy::expect_used, reason = "constant patterns, covered by tests")]
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"\b(?:{MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>1[89]\d\d|20\d\d))?|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>January|February|March|April|May|June|July|August|September|October|November|December)(?:,?\s+(?P<year2>1[89]\d\d|20\d\d))?|(?P<iso>(?:1[89]|20)\d\d-[01]\d-[0-3]\d)|(?P<month3>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?P<year3>1[89]\d\d|20\d\d)|(?P<relative>yesterday|today|tonight|(?:last|this|next)\s+(?:week|month|year)|earlier\s+this\s+(?:week|month|year))|(?:on\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?P<year4>1[89]\d\d|20\d\d))\b"
    );
    regex::RegexBuilder::new(&pattern).unicode(false).build().expect("valid date regex")
});

#[expect(clippy::expect_used, reason = "constant patterns, covered by tests")]
static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    regex::RegexBuilder::new(r"\b(?P<count>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several)\s+(?P<unit>hours?|days?|weeks?|months?|years?)\b")
        .unicode(false).build().expect("valid duration regex")
});

/// Finds the date and duration mentions of a sentence.
pub(crate) fn find(
    context: &Context<'_>,
    sentence: &Sentence,
    _tokens: &[Token<'_>],
    annotations: &mut Annotations,
) {
    let article = context.article;
    let text = article.slice(sentence.span);
    let base = sentence.span.start;
    for found in DURATION.captures_iter(text) {
        let (Some(whole), Some(count), Some(unit)) =
            (found.get(0), found.name("count"), found.name("unit"))
        else {
            continue;
        };
        // "two years ago" and "a year" as a date are not durations worth keeping.
        if text[whole.end()..].trim_start().starts_with("ago") {
            continue;
        }
        let Some(count) = small_number(count.as_str()) else { continue };
        let designator = match unit.as_str().trim_end_matches('s') {
            "hour" => "TH",
            "day" => "D",
            "week" => "W",
            "month" => "M",
            _ => "Y",
        };
        let duration = if designator == "TH" {
            format!("PT{count}H")
        } else {
            format!("P{count}{designator}")
        };
        annotations.push(Mention {
            sentence: sentence.index,
            span: article.span(base + whole.start(), base + whole.end()),
            tag: Some(Tag::Dur),
            class: "Duration".into(),
            text: whole.as_str().to_owned(),
            duration: Some(duration),
            ..Mention::default()
        });
    }
    for found in DATE.captures_iter(text) {
        let Some(whole) = found.get(0) else { continue };
        let (start, end) = (base + whole.start(), base + whole.end());
        if annotations.overlaps(sentence.index, start, end) {
            continue;
        }
        let value = if let Some(year) = found.name("year4") {
            // A bare four-digit number is a year unless it counts something ("2000 people")
            // or is part of a larger number ("1,2004").
            let after = text[whole.end()..].trim_start();
            let before = &text[..whole.start()];
            if before.ends_with([',', '.', '$']) || starts_with_count_noun(after) {
                continue;
            }
            year.as_str().parse().ok().map(Literal::Year)
        } else if let Some(relative) = found.name("relative") {
            match context.date {
                Some(today) => relative_date(relative.as_str(), today),
                None => {
                    annotations.diagnostics.push(Diagnostic {
                        stage: "dates",
                        span: Some(article.span(start, end)),
                        message: format!(
                            "{:?} is relative, but the article has no date to resolve it against",
                            relative.as_str()
                        ),
                    });
                    None
                }
            }
        } else if let Some(weekday) = found.name("weekday") {
            context.date.and_then(|today| last_weekday(weekday.as_str(), today)).map(Literal::Date)
        } else if let Some(iso) = found.name("iso") {
            iso.as_str().parse::<Date>().ok().map(Literal::Date)
        } else if let Some(month) = found.name("month3") {
            let year = found.name("year3").and_then(|y| y.as_str().parse().ok());
            month_number(month.as_str())
                .zip(year)
                .map(|(month, year)| Literal::YearMonth(year, month))
        } else {
            let month = found
                .name("month")
                .or_else(|| found.name("month2"))
                .and_then(|m| month_number(m.as_str()));
            let day: Option<i8> = found
                .name("day")
                .or_else(|| found.name("day2"))
                .and_then(|d| d.as_str().parse().ok());
            let year: Option<i16> = found
                .name("year")
                .or_else(|| found.name("year2"))
                .and_then(|y| y.as_str().parse().ok());
            // "May 5" and "March 3" without a year take the article's year, moved back a
            // year if that would put them well after the article.
            match (month, day, year) {
                (Some(month), Some(day), Some(year)) => {
                    Date::new(year, month, day).ok().map(Literal::Date)
                }
                (Some(month), Some(day), None) => context.date.and_then(|today| {
                    let this_year = Date::new(today.year(), month, day).ok()?;
                    let date = if this_year > today.checked_add(7.days()).ok()? {
                        Date::new(today.year() - 1, month, day).ok()?
                    } else {
                        this_year
                    };
                    Some(Literal::Date(date))
                }),
                _ => None,
            }
        };
        // "May" alone is a modal verb far more often than a month; such matches have no value.
        let Some(value) = value else { continue };
        let mention_start = if whole.as_str().starts_with("on ") { start + 3 } else { start };
        annotations.push(Mention {
            sentence: sentence.index,
            span: article.span(mention_start, end),
            tag: Some(Tag::Date),
            class: "Date".into(),
            text: article.text[mention_start..end].to_owned(),
            date: Some(value),
            ..Mention::default()
        });
    }
}

fn starts_with_count_noun(after: &str) -> bool {
    let word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    matches!(
        word.as_str(),
        "people"
            | "persons"
            | "children"
            | "dead"
            | "killed"
            | "deaths"
            | "soldiers"
            | "troops"
            | "votes"
            | "hostages"
    )
}

pub(crate) fn month_number(name: &str) -> Option<i8> {
    let lower = name.trim_end_matches('.').to_lowercase();
    let months = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    months
        .iter()
        .position(|month| {
            *month == lower || ((lower.len() == 3 || lower == "sept") && month.starts_with(&lower))
        })
        .and_then(|index| i8::try_from(index + 1).ok())
}

fn small_number(word: &str) -> Option<u32> {
    if let Ok(number) = word.parse() {
        return Some(number);
    }
    let words = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    match word {
        "a" | "an" => Some(1),
        "several" => None,
        _ => words.iter().position(|w| *w == word).and_then(|index| u32::try_from(index + 1).ok()),
    }
}

fn relative_date(expression: &str, today: Date) -> Option<Literal> {
    let words: Vec<&str> = expression.split_whitespace().collect();
    Some(match words.as_slice() {
        ["yesterday"] => Literal::Date(today.checked_sub(1.day()).ok()?),
        ["today"] | ["tonight"] => Literal::Date(today),
        [.., "year"] if words.first() == Some(&"last") => Literal::Year(today.year() - 1),
        [.., "year"] => Literal::Year(today.year()),
        [.., "month"] if words.first() == Some(&"last") => {
            let date = today.checked_sub(1.month()).ok()?;
            Literal::YearMonth(date.year(), date.month())
        }
        [.., "month"] => Literal::YearMonth(today.year(), today.month()),
        _ => return None,
    })
}

/// The most recent given weekday on or before `today` (news reports the past).
fn last_weekday(name: &str, today: Date) -> Option<Date> {
    let target = match name {
        "Monday" => Weekday::Monday,
        "Tuesday" => Weekday::Tuesday,
        "Wednesday" => Weekday::Wednesday,
        "Thursday" => Weekday::Thursday,
        "Friday" => Weekday::Friday,
        "Saturday" => Weekday::Saturday,
        _ => Weekday::Sunday,
    };
    let back =
        (today.weekday().to_monday_zero_offset() - target.to_monday_zero_offset()).rem_euclid(7);
    today.checked_sub(i64::from(back).days()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_dates_resolve_against_the_article() -> Result<(), jiff::Error> {
        let today: Date = "2017-04-14".parse()?;
        assert_eq!(relative_date("yesterday", today), Some(Literal::Date("2017-04-13".parse()?)));
        assert_eq!(relative_date("last year", today), Some(Literal::Year(2016)));
        assert_eq!(last_weekday("Tuesday", today), Some("2017-04-11".parse()?));
        assert_eq!(last_weekday("Friday", today), Some(today));
        Ok(())
    }

    #[test]
    fn month_names() {
        assert_eq!(month_number("Sept"), Some(9));
        assert_eq!(month_number("Jan."), Some(1));
        assert_eq!(month_number("December"), Some(12));
        assert_eq!(month_number("Maria"), None);
        assert_eq!(month_number("Marc"), None);
        assert_eq!(month_number("Sep"), Some(9));
    }
}
