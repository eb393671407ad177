//! Dates and durations: absolute ("Sept 1, 2004", "1 September 2004", "2004-09-01", "in 2004",
//! "March 2019"), relative to the article's date ("yesterday", "on Tuesday", "last year", "two
//! weeks ago"), without a year ("March 3", "in June", "the end of May": the year is chosen by
//! [`choose_year`]), and counted from the latest date mentioned before them ("the following
//! day", "two days later").
//!
//! A date that cannot be resolved (no article date, nothing to count from) is still a date
//! mention, without a value, so that its day is not read as a count.
//! A year in a law's name ("the National Security Act 2023") is no date.
//!
//! NB: the reference date is the article's, never the clock's, so output is deterministic.

use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use regex::Regex;

use super::parse::SentenceParse;
use super::tokens::Token;
use super::{Annotations, Context, Mention, Tag};
use crate::article::Sentence;
use crate::graph::{Diagnostic, Literal};

const MONTH: &str = r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";

#[expect(clippy::expect_used, reason = "constant patterns, covered by tests")]
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"\b(?:{MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:(?:-|–)\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+(?P<year>1[89]\d\d|20\d\d))?|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?:(?:-|–)\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?P<month2>January|February|March|April|May|June|July|August|September|October|November|December)(?:,?\s+(?P<year2>1[89]\d\d|20\d\d))?|(?P<iso>(?:1[89]|20)\d\d-[01]\d-[0-3]\d)|(?P<month3>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?P<year3>1[89]\d\d|20\d\d)|(?P<relative>yesterday|today|tonight|(?:last|this|next)\s+(?:week|month|year)|earlier\s+this\s+(?:week|month|year))|(?:on\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?P<year4>1[89]\d\d|20\d\d)|(?P<month4>January|February|March|April|May|June|July|August|September|October|November|December))\b"
    );
    regex::RegexBuilder::new(&pattern).unicode(false).build().expect("valid date regex")
});

/// A full date with its weekday: "Wednesday, Aug. 16, 2023", "Friday 3 March 2023".
#[expect(clippy::expect_used, reason = "constant pattern, covered by tests")]
static DATED_WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    let months = MONTH.replace("?P<month>", "?P<month_first>");
    let pattern = format!(
        r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?:{months}\s+(?P<day_second>\d{{1,2}})(?:st|nd|rd|th)?,?|(?P<day_first>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month_second>January|February|March|April|May|June|July|August|September|October|November|December))\s+(?P<year>1[89]\d\d|20\d\d)\b"
    );
    regex::RegexBuilder::new(&pattern).unicode(false).build().expect("valid weekday date regex")
});

/// The most sentences read for a reference date in a story without a dateline.
const REFERENCE_SENTENCES: usize = 3;

/// The date that relative dates are resolved against: the dateline's; without one, a full
/// date that the story's opening sentences give with its weekday ("… said on Wednesday,
/// Aug. 16, 2023, that …"), when the weekday is right for the date. A date with its weekday
/// is the story's own "today" in most news writing; a date without one may be any date.
pub(crate) fn reference_date(article: &crate::Article) -> Option<Date> {
    if article.date.is_some() {
        return article.date;
    }
    article
        .sentences
        .iter()
        .filter(|sentence| !sentence.in_caption)
        .take(REFERENCE_SENTENCES)
        .find_map(|sentence| {
            DATED_WEEKDAY.captures_iter(article.slice(sentence.span)).find_map(|found| {
                let month = found.name("month_first").or_else(|| found.name("month_second"))?;
                let day = found.name("day_first").or_else(|| found.name("day_second"))?;
                let year: i16 = found.name("year")?.as_str().parse().ok()?;
                let date =
                    Date::new(year, month_number(month.as_str())?, day.as_str().parse().ok()?)
                        .ok()?;
                (date.weekday() == weekday(found.name("weekday")?.as_str())).then_some(date)
            })
        })
}

/// Dates counted from another date: "the following day", "two days later", "a week ago".
/// Kept out of `DATE`, whose scan every sentence pays for: these start with common words
/// ("the", "a"), and a sentence is only scanned for them when it has one of `ANCHORED_WORDS`.
#[expect(clippy::expect_used, reason = "constant patterns, covered by tests")]
static ANCHORED: LazyLock<Regex> = LazyLock::new(|| {
    regex::RegexBuilder::new(r"\b(?:(?P<anaphoric>[Tt]he\s+(?:following|next|previous|same)\s+day|[Tt]he\s+day\s+(?:before|after))|(?P<shift>\d{1,2}|[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve)\s+(?P<shift_unit>days?|weeks?|months?|years?)\s+(?P<shift_direction>ago|later|earlier))\b")
        .unicode(false)
        .build()
        .expect("valid anchored date regex")
});

/// Words one of which every match of `ANCHORED` contains.
const ANCHORED_WORDS: [&str; 4] = [" day", " ago", " later", " earlier"];

#[expect(clippy::expect_used, reason = "constant patterns, covered by tests")]
static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    regex::RegexBuilder::new(r"\b(?P<count>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several)(?P<joint>\s+)(?P<unit>hours?|days?|weeks?|months?|years?)\b")
        .unicode(false).build().expect("valid duration regex")
});

/// Compound durations ("a four-day siege"): a regex of their own, tried only on sentences
/// with a hyphenated unit (a hyphen in the duration regex makes every search far slower).
#[expect(clippy::expect_used, reason = "constant patterns, covered by tests")]
static COMPOUND_DURATION: LazyLock<Regex> = LazyLock::new(|| {
    regex::RegexBuilder::new(r"\b(?P<count>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several)(?P<joint>-)(?P<unit>hours?|days?|weeks?|months?|years?)\b")
        .unicode(false).build().expect("valid compound duration regex")
});

/// The hyphenated units a compound duration has one of.
#[expect(clippy::expect_used, reason = "constant patterns")]
static COMPOUND_UNITS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new(["-hour", "-day", "-week", "-month", "-year"])
        .expect("valid unit words")
});

/// Finds the date and duration mentions of a sentence.
pub(crate) fn find(
    context: &Context<'_>,
    sentence: &Sentence,
    _tokens: &[Token<'_>],
    parse: Option<&SentenceParse>,
    annotations: &mut Annotations,
) {
    let article = context.article;
    let text = article.slice(sentence.span);
    let base = sentence.span.start;
    let compound = COMPOUND_UNITS.is_match(text).then(|| COMPOUND_DURATION.captures_iter(text));
    for found in DURATION.captures_iter(text).chain(compound.into_iter().flatten()) {
        let (Some(whole), Some(count), Some(unit)) =
            (found.get(0), found.name("count"), found.name("unit"))
        else {
            continue;
        };
        // "two years ago" and "a day later" are dates, found below.
        let after = text[whole.end()..].trim_start();
        if ["ago", "later", "earlier"].iter().any(|word| {
            after.starts_with(word)
                && !after[word.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
        }) {
            continue;
        }
        // "a four-day siege", "a three-week trial": a compound adjective is the length of
        // what it qualifies; "a 61-year-old" and "a two-day-long" are ages and other words.
        if found.name("joint").is_some_and(|joint| joint.as_str() == "-")
            && (unit.as_str().ends_with('s')
                || matches!(count.as_str(), "a" | "an" | "several")
                || text[whole.end()..].starts_with('-'))
        {
            continue;
        }
        let Some(count) = small_number(count.as_str()) else { continue };
        let duration = canonical_duration(count, unit.as_str().trim_end_matches('s'));
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
    // Whether the sentence speaks of the future, read once and only when a date without a
    // year needs it.
    let mut future_cue: Option<bool> = None;
    // Dates counted from another come after the sentence's other dates, which they may count
    // from.
    let anchored = ANCHORED_WORDS
        .iter()
        .any(|word| text.contains(word))
        .then(|| ANCHORED.captures_iter(text))
        .into_iter()
        .flatten();
    for found in DATE.captures_iter(text).chain(anchored) {
        let Some(whole) = found.get(0) else { continue };
        let mut mention_end = whole.end();
        let mut mention_start =
            if whole.as_str().starts_with("on ") { whole.start() + 3 } else { whole.start() };
        let (start, end) = (base + whole.start(), base + whole.end());
        if annotations.overlaps(sentence.index, start, end) {
            continue;
        }
        let value = if let Some(year) = found.name("year4") {
            // A bare four-digit number is a year unless it counts something ("2000 people"),
            // is part of a larger number ("1,2004") or of a law's name ("the Data Act 2023").
            let after = text[whole.end()..].trim_start();
            let before = &text[..whole.start()];
            // After "in" or "since" it is a year all the same ("floods in 2021 killed 398").
            let temporal = matches!(
                before.split_whitespace().next_back(),
                Some("in" | "In" | "since" | "Since" | "until" | "till" | "during" | "During")
            );
            if before.ends_with([',', '.', '$'])
                || (starts_with_count_noun(after) && !temporal)
                || ends_with_law_name(before)
            {
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
            let before = &text[..whole.start()];
            // The words just before decide when they can; the parse when they cannot.
            let future = future_just_before(before).unwrap_or_else(|| {
                parse.is_some_and(|parse| future_in_parse(parse, base + mention_start))
            });
            context
                .date
                .and_then(|today| {
                    // "from Tuesday to Thursday": the end of a range comes after its start.
                    if let Some(start) = range_start_weekday(before) {
                        let start = if future {
                            next_weekday(start, today)?
                        } else {
                            last_weekday(start, today)?
                        };
                        return next_weekday(weekday.as_str(), start.checked_add(1.days()).ok()?);
                    }
                    if future {
                        next_weekday(weekday.as_str(), today)
                    } else {
                        last_weekday(weekday.as_str(), today)
                    }
                })
                .map(Literal::Date)
        } else if let Some(iso) = found.name("iso") {
            iso.as_str().parse::<Date>().ok().map(Literal::Date)
        } else if let Some(month) = found.name("month3") {
            let year = found.name("year3").and_then(|y| y.as_str().parse().ok());
            month_number(month.as_str())
                .zip(year)
                .map(|(month, year)| Literal::YearMonth(year, month))
        } else if let Some(anaphoric) = found.name("anaphoric") {
            // "the day before" and "the day after" end a phrase of their own; "the day after
            // the vote" counts from the vote, not from the last date.
            let phrase = anaphoric.as_str();
            if (phrase.ends_with("before") || phrase.ends_with("after"))
                && !text[whole.end()..].trim_start().starts_with(['.', ',', ';', ':', ')', '"'])
                && !text[whole.end()..].trim().is_empty()
            {
                continue;
            }
            let days = if phrase.ends_with("before") || phrase.contains("previous") {
                -1
            } else if phrase.contains("same") {
                0
            } else {
                1
            };
            match anchor_date(annotations, sentence.index, start) {
                Some(Literal::Date(anchor)) => {
                    anchor.checked_add(days.days()).ok().map(Literal::Date)
                }
                _ => None,
            }
        } else if let (Some(count), Some(unit), Some(direction)) =
            (found.name("shift"), found.name("shift_unit"), found.name("shift_direction"))
        {
            // "up 5% from a year earlier", "than a year ago": the basis of a comparison, not
            // the date of anything.
            if compares(&text[..whole.start()]) {
                continue;
            }
            let count = small_number(&count.as_str().to_lowercase()).map(i64::from);
            let reference = if direction.as_str() == "ago" {
                context.date.map(Literal::Date)
            } else {
                anchor_date(annotations, sentence.index, start)
            };
            let sign = if direction.as_str() == "later" { 1 } else { -1 };
            count.zip(reference).and_then(|(count, reference)| {
                shift_date(&reference, sign * count, unit.as_str().trim_end_matches('s'))
            })
        } else if let Some(month) = found.name("month4") {
            // A month alone: "in June", "since March", "the end of May", "mid-July", "last
            // August". A cue before it must say it is a time ("May" is a modal verb, "June" and
            // "August" are names), and a capitalised word after it makes it part of a name.
            // "in June and July 2026", "between May and June 2018": a month coordinated with
            // a month and year is a month, of that year.
            let after = &text[whole.end()..];
            let shared_year: Option<i16> = COORDINATED_MONTH_YEAR
                .captures(after)
                .and_then(|found| found.name("year")?.as_str().parse().ok());
            if shared_year.is_none()
                && after.starts_with(' ')
                && after.trim_start().starts_with(char::is_uppercase)
            {
                continue;
            }
            let (cue_start, intent) = match bare_month_cue(&text[..whole.start()], month.as_str()) {
                Some(cue) => cue,
                None if shared_year.is_some() => (whole.start(), Intent::Unknown),
                None => continue,
            };
            mention_start = cue_start;
            if let Some(year) = shared_year {
                month_number(month.as_str()).map(|month| Literal::YearMonth(year, month))
            } else if let Some((shift, length)) = relative_year_after(after) {
                // "in May last year".
                mention_end += length;
                month_number(month.as_str())
                    .zip(context.date)
                    .map(|(month, today)| Literal::YearMonth(today.year() + shift, month))
            } else {
                let intent = if intent == Intent::Unknown
                    && *future_cue.get_or_insert_with(|| FUTURE_CUE.is_match(text))
                {
                    Intent::Future
                } else {
                    intent
                };
                month_number(month.as_str()).zip(context.date).and_then(|(month, today)| {
                    let offsets: Vec<(i16, i64)> = (-1..=1)
                        .map(|shift| {
                            let year = today.year() + shift;
                            let offset =
                                i64::from(shift) * 12 + i64::from(month) - i64::from(today.month());
                            (year, offset)
                        })
                        .collect();
                    choose_year(&offsets, intent, 9).map(|year| Literal::YearMonth(year, month))
                })
            }
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
            match (month, day, year) {
                (Some(month), Some(day), Some(year)) => {
                    Date::new(year, month, day).ok().map(Literal::Date)
                }
                // "May 45 people" and "Feb. 30" are no dates.
                (Some(month), Some(day), None) if Date::new(2000, month, day).is_err() => continue,
                (Some(month), Some(day), None) => context.date.and_then(|today| {
                    // "on March 3 last year".
                    if let Some((shift, length)) = relative_year_after(&text[whole.end()..]) {
                        mention_end += length;
                        return Date::new(today.year() + shift, month, day).ok().map(Literal::Date);
                    }
                    let intent = if *future_cue.get_or_insert_with(|| FUTURE_CUE.is_match(text)) {
                        Intent::Future
                    } else {
                        Intent::Unknown
                    };
                    month_day_year(month, day, today, intent)
                        .and_then(|year| Date::new(year, month, day).ok())
                        .map(Literal::Date)
                }),
                _ => None,
            }
        };
        // A date that cannot be resolved (no article date to count from, no earlier date for
        // "the following day") is still a date mention: its day is no count, and rules see a
        // date. Malformed absolute dates ("2019-13-45", "Feb. 30, 2020") are not dates.
        if value.is_none()
            && (found.name("iso").is_some()
                || found.name("month3").is_some()
                || found.name("year").is_some()
                || found.name("year2").is_some())
        {
            continue;
        }
        let (mention_start, end) = (base + mention_start, base + mention_end);
        if (mention_start < start || end > base + whole.end())
            && annotations.overlaps(sentence.index, mention_start, end)
        {
            continue;
        }
        // A weekday, a day without its year or "two days ago" needs the article's date: without
        // one it stays unresolved, and says so (the clock is never asked).
        let needs_reference = found.name("weekday").is_some()
            || found.name("shift_direction").is_some_and(|direction| direction.as_str() == "ago")
            || (found.name("day").or_else(|| found.name("day2")).is_some()
                && found.name("year").or_else(|| found.name("year2")).is_none());
        if value.is_none() && context.date.is_none() && needs_reference {
            annotations.diagnostics.push(Diagnostic {
                stage: "dates",
                span: Some(article.span(mention_start, end)),
                message: format!(
                    "{:?} needs the article's date, but the article has none (no date line, dateline or publication date given)",
                    &article.text[mention_start..end]
                ),
            });
        }
        annotations.push(Mention {
            sentence: sentence.index,
            span: article.span(mention_start, end),
            tag: Some(Tag::Date),
            class: "Date".into(),
            text: article.text[mention_start..end].to_owned(),
            date: value,
            ..Mention::default()
        });
    }
}

/// What the words around a date without a year say about which year it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Intent {
    /// "last June": the latest one before the article's date.
    Last,
    /// "next June": the first one after the article's date.
    Next,
    /// The sentence speaks of the future ("will", "scheduled", "until").
    Future,
    /// Nothing says: the one nearest the article's date.
    Unknown,
}

/// Picks the year of a date given without one, from candidate years and their offsets from
/// the article's date (in days or months; negative is before).
///
/// The heuristic: wire style leaves the year out only for dates near the article's, and news
/// reports what happened more often than what will, so the candidate nearest the article's
/// date wins, a date after it counting twice its distance ("Dec. 20" in an article of
/// February 18 is last December; "talks collapsed on Aug. 10" is last August; "the vote is on
/// March 3" is this March). "last" and "next" before a month pick the latest one before or
/// the first one after. When the sentence speaks of the future ("will", "scheduled", "until";
/// see `FUTURE_CUE`), the first candidate on or after the article's date wins if it is at
/// most `horizon` away: "the talks will resume in July" in an article of January is this July,
/// and "a hearing has been scheduled for March 3" this year's March 3; a date further off is
/// the nearest ("the trial, which began on Feb. 10, will resume" is this February's).
fn choose_year(candidates: &[(i16, i64)], intent: Intent, horizon: i64) -> Option<i16> {
    // Distance from the article's date, the future counting double.
    let nearest = || {
        candidates
            .iter()
            .min_by_key(|(_, offset)| if *offset > 0 { offset.saturating_mul(2) } else { -offset })
            .map(|(year, _)| *year)
    };
    match intent {
        Intent::Last => candidates
            .iter()
            .filter(|(_, offset)| *offset < 0)
            .max_by_key(|(_, offset)| *offset)
            .map(|(year, _)| *year),
        Intent::Next => candidates
            .iter()
            .filter(|(_, offset)| *offset > 0)
            .min_by_key(|(_, offset)| *offset)
            .map(|(year, _)| *year),
        Intent::Future => candidates
            .iter()
            .filter(|(_, offset)| (0..=horizon).contains(offset))
            .min_by_key(|(_, offset)| *offset)
            .map(|(year, _)| *year)
            .or_else(nearest),
        Intent::Unknown => nearest(),
    }
}

/// The year of a month and day given without one ("March 3"), by [`choose_year`].
fn month_day_year(month: i8, day: i8, today: Date, intent: Intent) -> Option<i16> {
    let candidates: Vec<(i16, i64)> = (-1..=1)
        .filter_map(|shift| {
            let year = today.year() + shift;
            // February 29 exists in leap years only.
            let date = Date::new(year, month, day).ok()?;
            let offset = today.until(date).ok()?.get_days();
            Some((year, i64::from(offset)))
        })
        .collect();
    // Nine months, in days.
    choose_year(&candidates, intent, 274)
}

#[expect(clippy::expect_used, reason = "constant patterns, covered by tests")]
static FUTURE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    regex::RegexBuilder::new(
        r"(?i)\b(?:will|won't|shall|scheduled|due\s+(?:on|in|by|to\s+be)|expected|next|upcoming|deadline|until|set\s+(?:to|for)|plans?\s+to|is\s+to|are\s+to)\b|\w'll\b",
    )
    .unicode(false)
    .build()
    .expect("valid future cue regex")
});

/// Where a month named alone starts its date phrase ("the end of May", "mid-June", "last
/// August", or the month itself after "in"), and what the cue says about its year; `None`
/// when nothing before it says it is a time.
fn bare_month_cue(before: &str, month: &str) -> Option<(usize, Intent)> {
    let month_start = before.len();
    if let Some(rest) = before.strip_suffix("mid-").or_else(|| before.strip_suffix("Mid-"))
        && !rest.ends_with(|c: char| c.is_alphabetic())
    {
        return Some((rest.len(), Intent::Unknown));
    }
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() {
        return None;
    }
    for part in ["end of", "beginning of", "start of", "middle of"] {
        if let Some(rest) = trimmed.strip_suffix(part)
            && (rest.is_empty() || rest.ends_with(' '))
        {
            let part_start = rest.len();
            let rest = rest.trim_end();
            let phrase_start = match rest.strip_suffix("the").or_else(|| rest.strip_suffix("The")) {
                Some(without) if without.is_empty() || without.ends_with(' ') => without.len(),
                _ => part_start,
            };
            return Some((phrase_start, Intent::Unknown));
        }
    }
    let word_start = trimmed.trim_end_matches(|c: char| c.is_ascii_alphabetic()).len();
    let word = &trimmed[word_start..];
    let may = month == "May";
    let lowercase = word.to_ascii_lowercase();
    // "in January and February": a month coordinated with one before it.
    if matches!(lowercase.as_str(), "and" | "or" | "to" | "through")
        && month_number(last_word(&trimmed[..word_start])).is_some()
    {
        return Some((month_start, Intent::Unknown));
    }
    match lowercase.as_str() {
        "last" => Some((word_start, Intent::Last)),
        "next" => Some((word_start, Intent::Next)),
        "this" | "early" | "late" => Some((word_start, Intent::Unknown)),
        "in" | "since" | "until" | "till" | "during" => Some((month_start, Intent::Unknown)),
        "from" | "through" | "by" | "before" | "after" | "between" if !may => {
            Some((month_start, Intent::Unknown))
        }
        _ => None,
    }
}

/// "last year", "this year" or "next year" right after a month: the shift from the article's
/// year and the length of the text, spaces included.
fn relative_year_after(after: &str) -> Option<(i16, usize)> {
    let trimmed = after.trim_start_matches(' ');
    let lead = after.len() - trimmed.len();
    if lead == 0 {
        return None;
    }
    [("last year", -1), ("this year", 0), ("next year", 1)].into_iter().find_map(
        |(words, shift)| {
            let rest = trimmed.strip_prefix(words)?;
            (!rest.starts_with(|c: char| c.is_ascii_alphanumeric()))
                .then_some((shift, lead + words.len()))
        },
    )
}

/// The last word of a text (ASCII letters), or "".
fn last_word(text: &str) -> &str {
    let text = text.trim_end();
    let start = text.trim_end_matches(|c: char| c.is_ascii_alphabetic()).len();
    text.get(start..).unwrap_or("")
}

/// The latest date mentioned before a byte offset of a sentence, in this sentence or an
/// earlier one: what "the following day" and "two weeks later" count from.
fn anchor_date(annotations: &Annotations, sentence: usize, start: usize) -> Option<Literal> {
    annotations
        .mentions
        .iter()
        .filter(|mention| {
            mention.tag == Some(Tag::Date)
                && (mention.sentence, mention.span.start) < (sentence, start)
        })
        .max_by_key(|mention| (mention.sentence, mention.span.start))
        .and_then(|mention| mention.date.clone())
}

/// A date moved by a number of days, weeks, months or years, at the precision the unit allows
/// and the reference has: "two days later" needs a day, "three years ago" a year.
fn shift_date(reference: &Literal, count: i64, unit: &str) -> Option<Literal> {
    match (reference, unit) {
        (Literal::Date(date), "day") => date.checked_add(count.days()).ok().map(Literal::Date),
        (Literal::Date(date), "week") => date.checked_add(count.weeks()).ok().map(Literal::Date),
        (Literal::Date(date), "month") => {
            let moved = date.first_of_month().checked_add(count.months()).ok()?;
            Some(Literal::YearMonth(moved.year(), moved.month()))
        }
        (Literal::YearMonth(year, month), "month") => {
            let moved = Date::new(*year, *month, 1).ok()?.checked_add(count.months()).ok()?;
            Some(Literal::YearMonth(moved.year(), moved.month()))
        }
        (Literal::Date(date), "year") => year_plus(date.year(), count),
        (Literal::YearMonth(year, _) | Literal::Year(year), "year") => year_plus(*year, count),
        _ => None,
    }
}

/// Whether one of the last four words before a shifted date makes it the basis of a
/// comparison ("up from $1.9 billion a year earlier", "higher than a year ago").
fn compares(before: &str) -> bool {
    before.split_whitespace().rev().take(4).any(|word| {
        matches!(
            word.trim_matches(|c: char| !c.is_ascii_alphabetic()),
            "from" | "than" | "with" | "compared" | "versus" | "vs" | "over"
        )
    })
}

#[expect(clippy::expect_used, reason = "constant patterns, covered by tests")]
static COORDINATED_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    regex::RegexBuilder::new(
        r"^\s*(?:and|or|to|through|until|till|-|\x{2013}|\x{2014})\s*(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(?P<year>1[89]\d\d|20\d\d)\b",
    )
    .build()
    .expect("valid coordinated month regex")
});

fn year_plus(year: i16, count: i64) -> Option<Literal> {
    i16::try_from(i64::from(year) + count).ok().map(Literal::Year)
}

/// Whether the text before a year ends with the name of a law ("the National Security Act",
/// "the Civil Rights Act of", "the Information Technology Act,"): the year is then part of the
/// law's name, not a date.
pub(crate) fn ends_with_law_name(before: &str) -> bool {
    let mut rest = before.trim_end();
    rest = rest.strip_suffix(',').unwrap_or(rest).trim_end();
    if let Some(without) = rest.strip_suffix(" of") {
        rest = without.trim_end();
    }
    let word_start = rest.trim_end_matches(|c: char| c.is_ascii_alphabetic()).len();
    matches!(
        &rest[word_start..],
        "Act"
            | "Acts"
            | "Law"
            | "Code"
            | "Bill"
            | "Ordinance"
            | "Regulation"
            | "Regulations"
            | "Rules"
            | "Order"
            | "Decree"
            | "Directive"
            | "Statute"
            | "Amendment"
            | "Treaty"
            | "Convention"
    )
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
        ["last", "year"] => Literal::Year(today.year() - 1),
        ["next", "year"] => Literal::Year(today.year() + 1),
        [.., "year"] => Literal::Year(today.year()),
        ["last", "month"] => {
            let date = today.first_of_month().checked_sub(1.month()).ok()?;
            Literal::YearMonth(date.year(), date.month())
        }
        ["next", "month"] => {
            let date = today.first_of_month().checked_add(1.month()).ok()?;
            Literal::YearMonth(date.year(), date.month())
        }
        [.., "month"] => Literal::YearMonth(today.year(), today.month()),
        _ => return None,
    })
}

/// Whether the few words before a weekday put it in the future ("will meet on Tuesday", "is
/// scheduled to vote on Friday", "next Tuesday"). The look stops at a verb of saying and at
/// punctuation: in "said on Tuesday it will vote", Tuesday is when it was said. `None` when
/// the five words before say neither.
fn future_just_before(before: &str) -> Option<bool> {
    for word in before.split_whitespace().rev().take(5) {
        let bare = word.trim_matches(|c: char| !c.is_ascii_alphabetic() && c != '\'');
        if matches!(bare, "will" | "shall" | "scheduled" | "due" | "expected" | "next" | "upcoming")
            || bare.ends_with("'ll")
        {
            return Some(true);
        }
        if matches!(bare, "said" | "says" | "told" | "announced" | "added" | "last")
            || word.ends_with([',', '.', ';', ':', '"'])
        {
            return Some(false);
        }
    }
    None
}

/// Whether the parse puts a weekday in the future, however many words lie between it and the
/// verb's auxiliary: the verb the weekday modifies ("on Thursday", bare "Thursday") has the
/// auxiliary "will" or "shall", or "would" without "have" ("said it would announce its
/// position on Monday"), or is the complement of "due", "scheduled", "set", "expected" or of
/// "is to" ("is due to meet the foreign minister of X on Thursday"); a verb's conjunct shares
/// its auxiliary. The verb of saying keeps its own time: in "said on Tuesday it will vote",
/// Tuesday modifies "said".
fn future_in_parse(parse: &SentenceParse, byte: usize) -> bool {
    let Some(weekday) = (0..parse.len()).find(|&token| parse.range(token).0 == byte) else {
        return false;
    };
    // Up to the verb the phrase hangs on, through the noun phrase it may be attached to ("meet
    // the minister and his delegation on Tuesday").
    let mut verb = weekday;
    for _ in 0..6 {
        if matches!(parse.pos(verb), "VERB" | "AUX") {
            break;
        }
        if !matches!(
            parse.dep(verb),
            "pobj" | "prep" | "npadvmod" | "tmod" | "dobj" | "conj" | "appos"
        ) {
            return false;
        }
        verb = parse.head(verb);
    }
    for _ in 0..3 {
        if !matches!(parse.pos(verb), "VERB" | "AUX") {
            return false;
        }
        let auxiliaries: Vec<String> = parse
            .children_with(verb, &["aux"])
            .map(|aux| parse.lemma(aux).to_lowercase())
            .collect();
        if auxiliaries.iter().any(|aux| matches!(aux.as_str(), "will" | "shall"))
            || (auxiliaries.iter().any(|aux| aux == "would")
                && !auxiliaries.iter().any(|aux| aux == "have"))
        {
            return true;
        }
        let head = parse.head(verb);
        if head == verb {
            return false;
        }
        match parse.dep(verb) {
            "xcomp" => {
                return matches!(
                    parse.lemma(head).to_lowercase().as_str(),
                    "due" | "schedule" | "set" | "expect" | "be"
                );
            }
            "conj" => verb = head,
            _ => return false,
        }
    }
    false
}

/// A duration of `count` hours, days, weeks, months or years (`unit`, singular) as the
/// canonical `xsd:duration` a triple store would store it as: weeks as days ("three weeks" is
/// `P21D`: XSD has no weeks), whole years out of months ("18 months" is `P1Y6M`), whole days
/// out of hours ("48 hours" is `P2D`).
pub(crate) fn canonical_duration(count: u32, unit: &str) -> String {
    match unit {
        "hour" => match (count / 24, count % 24) {
            (0, hours) => format!("PT{hours}H"),
            (days, 0) => format!("P{days}D"),
            (days, hours) => format!("P{days}DT{hours}H"),
        },
        "day" => format!("P{count}D"),
        "week" => format!("P{}D", count.saturating_mul(7)),
        "month" => match (count / 12, count % 12) {
            (0, months) => format!("P{months}M"),
            (years, 0) => format!("P{years}Y"),
            (years, months) => format!("P{years}Y{months}M"),
        },
        _ => format!("P{count}Y"),
    }
}

/// The weekday that opens a range ending just after `before`: "from Tuesday to", "between
/// Monday and".
fn range_start_weekday(before: &str) -> Option<&str> {
    let mut words = before.split_whitespace().rev();
    let joint = words.next()?;
    let start = words.next()?;
    let opener = words.next()?;
    let opens = match joint {
        "to" | "through" | "until" | "till" => matches!(opener, "from" | "From"),
        "and" => matches!(opener, "between" | "Between"),
        _ => false,
    };
    (opens
        && matches!(
            start,
            "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
        ))
    .then_some(start)
}

/// The first given weekday on or after `today`.
fn next_weekday(name: &str, today: Date) -> Option<Date> {
    let target = weekday(name);
    let ahead =
        (target.to_monday_zero_offset() - today.weekday().to_monday_zero_offset()).rem_euclid(7);
    today.checked_add(i64::from(ahead).days()).ok()
}

/// The most recent given weekday on or before `today` (news reports the past).
fn last_weekday(name: &str, today: Date) -> Option<Date> {
    let target = weekday(name);
    let back =
        (today.weekday().to_monday_zero_offset() - target.to_monday_zero_offset()).rem_euclid(7);
    today.checked_sub(i64::from(back).days()).ok()
}

fn weekday(name: &str) -> Weekday {
    match name {
        "Monday" => Weekday::Monday,
        "Tuesday" => Weekday::Tuesday,
        "Wednesday" => Weekday::Wednesday,
        "Thursday" => Weekday::Thursday,
        "Friday" => Weekday::Friday,
        "Saturday" => Weekday::Saturday,
        _ => Weekday::Sunday,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn relative_dates_resolve_against_the_article() -> Result<(), jiff::Error> {
        let today: Date = "2017-04-14".parse()?;
        assert_eq!(relative_date("yesterday", today), Some(Literal::Date("2017-04-13".parse()?)));
        assert_eq!(relative_date("last year", today), Some(Literal::Year(2016)));
        assert_eq!(relative_date("next year", today), Some(Literal::Year(2018)));
        assert_eq!(relative_date("this year", today), Some(Literal::Year(2017)));
        assert_eq!(relative_date("last month", today), Some(Literal::YearMonth(2017, 3)));
        assert_eq!(relative_date("next month", today), Some(Literal::YearMonth(2017, 5)));
        assert_eq!(last_weekday("Tuesday", today), Some("2017-04-11".parse()?));
        assert_eq!(last_weekday("Friday", today), Some(today));
        assert_eq!(next_weekday("Tuesday", today), Some("2017-04-18".parse()?));
        assert_eq!(next_weekday("Friday", today), Some(today));
        Ok(())
    }

    /// (article date, text, expected (mention text, value) pairs).
    type Case = (&'static str, &'static str, &'static [(&'static str, &'static str)]);

    /// Checks each case: the date mentions of its text, as (text, value), in an article dated
    /// as it says.
    fn assert_dates(cases: &[Case]) {
        for (today, text, expected) in cases {
            let expected: Vec<(String, String)> =
                expected.iter().map(|(t, v)| ((*t).to_owned(), (*v).to_owned())).collect();
            assert_eq!(dates_in(text, today), expected, "{text}");
        }
    }

    /// The date mentions of `text`, as (text, value), in an article dated `today`.
    pub(crate) fn dates_in(text: &str, today: &str) -> Vec<(String, String)> {
        let annotations = annotate(text, today);
        annotations
            .mentions
            .iter()
            .filter(|mention| mention.tag == Some(Tag::Date))
            .filter_map(|mention| {
                let value = crate::graph::FactObject::Literal(mention.date.as_ref()?).to_string();
                Some((mention.text.clone(), value))
            })
            .collect()
    }

    /// Runs the value finders (dates, then numbers) over every sentence of `text`, in an
    /// article dated `today`.
    pub(crate) fn annotate(text: &str, today: &str) -> Annotations {
        let Ok(mut article) = crate::article::Article::parse(text) else {
            panic!("not an article: {text:?}");
        };
        // An empty `today` is an article without a date.
        article.date = today.parse().ok();
        let Ok(resources) = crate::pipeline::Resources::builtin() else {
            panic!("built-in data failed to load");
        };
        let context = Context {
            article: &article,
            lexicon: &resources.lexicon,
            rules: &resources.rules,
            frames: &resources.frames,
            date: reference_date(&article),
            published: None,
        };
        let mut annotations = Annotations {
            by_sentence: vec![Vec::new(); article.sentences.len()],
            ..Annotations::default()
        };
        let (parses, _) =
            super::super::parse::parse_sentences(&article, crate::syntax::Parser::english().ok());
        for sentence in &article.sentences {
            let tokens = super::super::tokens::tokenize(&article, sentence);
            find(&context, sentence, &tokens, parses.get(sentence.index), &mut annotations);
            super::super::numbers::find(&context, sentence, &tokens, &mut annotations);
        }
        annotations
    }

    #[test]
    fn dates_without_a_year() {
        // (article date, text, expected mentions)
        let cases: &[Case] = &[
            // A future cue puts a month and day in the coming months.
            (
                "2020-02-18",
                "A hearing has been scheduled for March 3.",
                &[("March 3", "2020-03-03")],
            ),
            ("2020-01-10", "The talks will resume on July 20.", &[("July 20", "2020-07-20")]),
            // Otherwise the nearest, the future counting double.
            ("2020-02-18", "The lawsuit was filed on Feb. 10.", &[("Feb. 10", "2020-02-10")]),
            ("2020-02-18", "Talks collapsed on Dec. 20.", &[("Dec. 20", "2019-12-20")]),
            ("2020-02-18", "Talks collapsed on Aug. 10.", &[("Aug. 10", "2019-08-10")]),
            ("2020-02-18", "The vote is on March 3.", &[("March 3", "2020-03-03")]),
            // A range of days is one date mention, of its first day.
            ("2020-02-18", "The Fed meets on March 17-18.", &[("March 17-18", "2020-03-17")]),
            (
                "2020-02-18",
                "The summit runs 9–11 March 2020.",
                &[("9–11 March 2020", "2020-03-09")],
            ),
            // A date far off stays the nearest even in a sentence about the future.
            (
                "2020-02-18",
                "The trial, which began on Feb. 10, will resume.",
                &[("Feb. 10", "2020-02-10")],
            ),
            // A month alone needs a cue before it.
            (
                "2019-03-12",
                "Croatia has until the end of May to begin the work.",
                &[("the end of May", "2019-05")],
            ),
            (
                "2022-08-14",
                "It came after flash floods in June affected millions.",
                &[("June", "2022-06")],
            ),
            ("2022-08-14", "Prices have risen since March.", &[("March", "2022-03")]),
            ("2022-08-14", "Rains began in mid-July.", &[("mid-July", "2022-07")]),
            ("2020-02-18", "He resigned last August.", &[("last August", "2019-08")]),
            ("2020-02-18", "He resigned last February.", &[("last February", "2019-02")]),
            ("2020-02-18", "Elections are due next June.", &[("next June", "2020-06")]),
            ("2020-01-10", "The vote will be held in July.", &[("July", "2020-07")]),
            ("2020-01-10", "The vote was held in November.", &[("November", "2019-11")]),
            (
                "2023-03-15",
                "Sales rose in January and February. It was amended in May last year.",
                &[("January", "2023-01"), ("February", "2023-02"), ("May last year", "2022-05")],
            ),
            (
                "2023-03-15",
                "It began on March 3 last year.",
                &[("March 3 last year", "2022-03-03")],
            ),
            ("2023-03-15", "Floods in 2021 killed 398 people.", &[("2021", "2021")]),
            // A month coordinated with a month and year shares the year.
            (
                "2024-01-09",
                "It will be held in June and July 2026.",
                &[("June", "2026-06"), ("July 2026", "2026-07")],
            ),
            (
                "2024-01-09",
                "Rates rose between May and June 2018.",
                &[("May", "2018-05"), ("June 2018", "2018-06")],
            ),
            // Not months.
            ("2020-02-18", "He may resign. Theresa May said no.", &[]),
            ("2020-02-18", "The plan was backed by May and her cabinet.", &[]),
            ("2020-02-18", "In April Ryan's words, it failed.", &[]),
            ("2020-02-18", "Thousands joined the March for Our Lives.", &[]),
            ("2020-02-18", "The march began at noon.", &[]),
        ];
        assert_dates(cases);
    }

    #[test]
    fn dates_relative_to_an_earlier_date() {
        let cases: &[Case] = &[
            (
                "2021-11-20",
                "Gunmen arrived on Tuesday. A group claimed the attack the following day.",
                &[("Tuesday", "2021-11-16"), ("the following day", "2021-11-17")],
            ),
            (
                "2021-11-20",
                "The vote was on Nov. 3, 2021. Results came the next day. Talks began the day before.",
                &[("Nov. 3, 2021", "2021-11-03"), ("the next day", "2021-11-04"), ("the day before", "2021-11-03")],
            ),
            (
                "2021-11-20",
                "He was arrested on Nov. 3, 2021. He was charged two days later.",
                &[("Nov. 3, 2021", "2021-11-03"), ("two days later", "2021-11-05")],
            ),
            (
                "2021-11-20",
                "The war began in 2012. Peace came two years later.",
                &[("2012", "2012"), ("two years later", "2014")],
            ),
            (
                "2021-11-20",
                "The plant opened three years ago. It closed a week ago.",
                &[("three years ago", "2018"), ("a week ago", "2021-11-13")],
            ),
            ("2021-11-20", "Elections are due next year.", &[("next year", "2022")]),
            // The basis of a comparison is no date.
            ("2021-11-20", "Profit rose 5% from a year earlier.", &[]),
            ("2021-11-20", "Sales were higher than a year ago.", &[]),
            ("2021-11-20", "Revenue was $2 billion, up from $1.9 billion a year earlier.", &[]),
            ("2021-11-20", "Prices rose last month.", &[("last month", "2021-10")]),
            // Nothing to count from, or counted from something that is not a date.
            ("2021-11-20", "A group claimed the attack the following day.", &[]),
            ("2021-11-20", "The war began in 2012. It ended two days later.", &[("2012", "2012")]),
            ("2021-11-20", "He was arrested on Tuesday. The day after the vote, he fled.", &[("Tuesday", "2021-11-16")]),
        ];
        assert_dates(cases);
    }

    // See: issue 12 (relative dates with no date anywhere get a diagnostic, never the clock).
    #[test]
    fn relative_dates_without_an_article_date_are_diagnosed() {
        let cases: &[(&str, &[&str])] = &[
            (
                "He left on Tuesday and returned yesterday.",
                &[
                    "\"Tuesday\" needs the article's date, but the article has none (no date line, dateline or publication date given)",
                    "\"yesterday\" is relative, but the article has no date to resolve it against",
                ],
            ),
            (
                "The vote is on March 3; talks began two weeks ago.",
                &[
                    "\"March 3\" needs the article's date, but the article has none (no date line, dateline or publication date given)",
                    "\"two weeks ago\" needs the article's date, but the article has none (no date line, dateline or publication date given)",
                ],
            ),
            // Absolute dates need nothing.
            ("The siege began on Sept. 1, 2004, and ended in 2004.", &[]),
        ];
        for (text, expected) in cases {
            let annotations = annotate(text, "");
            let mut messages: Vec<&str> = annotations
                .diagnostics
                .iter()
                .map(|diagnostic| diagnostic.message.as_str())
                .collect();
            messages.sort_unstable();
            let mut expected = expected.to_vec();
            expected.sort_unstable();
            assert_eq!(messages, expected, "{text:?}");
            // Each is still a date mention, without a value.
            let unresolved = annotations
                .mentions
                .iter()
                .filter(|mention| mention.tag == Some(Tag::Date) && mention.date.is_none())
                .count();
            assert_eq!(unresolved, expected.len(), "{text:?}");
        }
        // With a date, nothing to say.
        assert!(annotate("He left on Tuesday.", "2021-11-20").diagnostics.is_empty());
    }

    #[test]
    fn weekdays() {
        // 2021-11-20 is a Saturday.
        let cases: &[Case] = &[
            ("2021-11-20", "Gunmen stormed the hotel on Tuesday.", &[("Tuesday", "2021-11-16")]),
            ("2021-11-20", "The court will rule on Tuesday.", &[("Tuesday", "2021-11-23")]),
            ("2021-11-20", "A vote is scheduled for next Tuesday.", &[("Tuesday", "2021-11-23")]),
            ("2021-11-20", "He said on Tuesday it will vote.", &[("Tuesday", "2021-11-16")]),
            // The parse finds the auxiliary however far it is ("is due to", "would").
            (
                "2021-11-20",
                "The president is due to meet the foreign minister of Kenya and his delegation on Tuesday.",
                &[("Tuesday", "2021-11-23")],
            ),
            (
                "2021-11-20",
                "The party said it would announce its position on Monday.",
                &[("Monday", "2021-11-22")],
            ),
            ("2021-11-20", "It will vote, he said on Tuesday.", &[("Tuesday", "2021-11-16")]),
            (
                "2021-11-20",
                "Talks will resume, after a break last Tuesday.",
                &[("Tuesday", "2021-11-16")],
            ),
            // The end of a range comes after its start (2021-11-17 is a Wednesday).
            (
                "2021-11-17",
                "Power was cut from Tuesday to Thursday.",
                &[("Tuesday", "2021-11-16"), ("Thursday", "2021-11-18")],
            ),
            (
                "2021-11-17",
                "Talks ran between Monday and Wednesday.",
                &[("Monday", "2021-11-15"), ("Wednesday", "2021-11-17")],
            ),
            (
                "2021-11-17",
                "Schools will close from Friday through Tuesday.",
                &[("Friday", "2021-11-19"), ("Tuesday", "2021-11-23")],
            ),
        ];
        assert_dates(cases);
    }

    #[test]
    fn stories_without_dateline_take_a_date_given_with_its_weekday() {
        // An empty `today`: no dateline. 2023-08-16 is a Wednesday, 2023-08-15 a Tuesday.
        let cases: &[Case] = &[
            (
                "",
                "Officials said on Wednesday, Aug. 16, 2023, that the fire grew. It began on Monday.",
                &[("Wednesday", "2023-08-16"), ("Aug. 16, 2023", "2023-08-16"), ("Monday", "2023-08-14")],
            ),
            (
                "",
                "The vote was held on Tuesday 15 August 2023. Results came yesterday.",
                &[("Tuesday", "2023-08-15"), ("15 August 2023", "2023-08-15"), ("yesterday", "2023-08-14")],
            ),
            // A weekday that is wrong for the date gives no reference.
            (
                "",
                "Officials said on Friday, Aug. 16, 2023, that it grew. It began on Monday.",
                &[("Aug. 16, 2023", "2023-08-16")],
            ),
            // A full date without its weekday may be any date: no reference either.
            ("", "The law passed on Aug. 16, 2023. It took effect on Monday.", &[("Aug. 16, 2023", "2023-08-16")]),
        ];
        assert_dates(cases);
    }

    #[test]
    fn years_in_names_of_laws_are_not_dates() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("He was charged under the National Security Act 2023.", &[]),
            ("It violated the Civil Rights Act of 1964.", &[]),
            ("It breached the Information Technology Act, 2000.", &[]),
            ("The act was passed in 2023.", &[("2023", "2023")]),
            ("A new law took effect in 2023.", &[("2023", "2023")]),
        ];
        for (text, expected) in cases {
            let expected: Vec<(String, String)> =
                expected.iter().map(|(t, v)| ((*t).to_owned(), (*v).to_owned())).collect();
            assert_eq!(dates_in(text, "2024-03-15"), expected, "{text}");
        }
    }

    #[test]
    fn choosing_the_year() {
        let around = [(2019, -300), (2020, 20), (2021, 380)];
        assert_eq!(choose_year(&around, Intent::Unknown, 274), Some(2020));
        assert_eq!(choose_year(&around, Intent::Last, 274), Some(2019));
        assert_eq!(choose_year(&around, Intent::Next, 274), Some(2020));
        let ambiguous = [(2019, -190), (2020, 175), (2021, 540)];
        assert_eq!(choose_year(&ambiguous, Intent::Unknown, 274), Some(2019));
        assert_eq!(choose_year(&ambiguous, Intent::Future, 274), Some(2020));
        let same_month = [(2019, -12), (2020, 0), (2021, 12)];
        assert_eq!(choose_year(&same_month, Intent::Unknown, 9), Some(2020));
        assert_eq!(choose_year(&same_month, Intent::Last, 9), Some(2019));
        assert_eq!(choose_year(&same_month, Intent::Next, 9), Some(2021));
    }

    #[test]
    fn compound_durations() {
        // (text, durations found)
        let cases: &[(&str, &[&str])] = &[
            ("They ended a four-day siege.", &["P4D"]),
            ("He was convicted after a three-week trial.", &["P21D"]),
            ("She got an 18-month sentence.", &["P1Y6M"]),
            ("Rain is expected over the next 48 hours.", &["P2D"]),
            ("The talks lasted 30 hours.", &["P1DT6H"]),
            ("A 24-hour strike began.", &["P1D"]),
            ("The talks lasted two days.", &["P2D"]),
            // Ages, plural units and vague counts are no durations.
            ("A 61-year-old man was arrested.", &[]),
            ("A two-year-old girl was hurt.", &[]),
            ("A several-day delay followed.", &[]),
            ("It was a four-days affair.", &[]),
        ];
        for (text, expected) in cases {
            let annotations = annotate(text, "2021-11-20");
            let found: Vec<&str> =
                annotations.mentions.iter().filter_map(|m| m.duration.as_deref()).collect();
            assert_eq!(found, *expected, "{text}");
        }
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
