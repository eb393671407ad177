//! Quantities ("over 330 people", "1,100 people", "twenty-three", "$1.5 billion") and legal
//! provisions ("Article 2"), whose numbers must not be read as counts.

use std::sync::LazyLock;

use regex::Regex;

use super::tokens::Token;
use super::{Annotations, Context, Mention, Quantity, Tag};
use crate::article::Sentence;
use crate::lexicon::NounCategory;
use crate::vocab::ng;

const NUMBER_WORD: &str = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds|hundred|thousands|thousand|dozens|dozen";

#[expect(clippy::expect_used, reason = "constant patterns, covered by tests")]
static QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?i:\b(?P<bound>more than|over|at least|nearly|almost|about|around|some|up to|fewer than|less than|roughly|an estimated|approximately|at most)\s+)?(?P<currency>\$|€|£)?(?P<number>\b\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\b\d+(?:\.\d+)?|\b(?i:(?:{NUMBER_WORD})(?:[\s-]+(?:and\s+)?(?:{NUMBER_WORD}))*))(?:\s+(?P<scale>million|billion|trillion|thousand|hundred))?(?P<percent>\s*%|\s+per\s?cent|\s+percent)?(?P<of>\s+of)?(?:\s+(?P<unit>[A-Za-z][A-Za-z-]*))?"
    );
    // ASCII classes and word boundaries: English numbers and units need no more, and the
    // automaton is far smaller than a Unicode-aware one.
    regex::RegexBuilder::new(&pattern).unicode(false).build().expect("valid quantity regex")
});

#[expect(clippy::expect_used, reason = "constant patterns, covered by tests")]
static PROVISION: LazyLock<Regex> = LazyLock::new(|| {
    regex::RegexBuilder::new(
        r"\b(?:Article|Section|Paragraph|Clause|Protocol|Chapter|Amendment) (?:No\. )?\d+[A-Za-z]?\b",
    )
    .unicode(false)
    .build()
    .expect("valid provision regex")
});

/// Finds legal provisions and quantities in a sentence.
pub(crate) fn find(
    context: &Context<'_>,
    sentence: &Sentence,
    _tokens: &[Token<'_>],
    annotations: &mut Annotations,
) {
    let article = context.article;
    let text = article.slice(sentence.span);
    let base = sentence.span.start;
    for found in PROVISION.find_iter(text) {
        let (start, end) = (base + found.start(), base + found.end());
        if annotations.overlaps(sentence.index, start, end) {
            continue;
        }
        annotations.push(Mention {
            sentence: sentence.index,
            span: article.span(start, end),
            tag: Some(Tag::Law),
            class: "LegalProvision".into(),
            class_iri: ng::LEGAL_PROVISION.to_owned(),
            text: found.as_str().to_owned(),
            proper: true,
            ..Mention::default()
        });
    }
    for found in QUANTITY.captures_iter(text) {
        let (Some(whole), Some(number)) = (found.get(0), found.name("number")) else { continue };
        // Clock times ("4:17 a.m.") and scores ("3:1") are not counts.
        if text[..number.start()].ends_with(':') || text[number.end()..].starts_with(':') {
            continue;
        }
        let Some((mut value, decimal)) = parse_number(number.as_str()) else { continue };
        let mut decimal = decimal;
        if let Some(scale) = found.name("scale") {
            let factor: i64 = match scale.as_str() {
                "hundred" => 100,
                "thousand" => 1_000,
                "million" => 1_000_000,
                "billion" => 1_000_000_000,
                _ => 1_000_000_000_000,
            };
            // "2.5 million" is 2,500,000: scale the fraction too, in integers.
            value = match decimal.take().and_then(|text| scaled_decimal(&text, factor)) {
                Some(scaled) => scaled,
                None => value.saturating_mul(factor),
            };
        }
        let mut end = whole.end();
        let mut quantity = Quantity::default();
        let unit = found.name("unit").map(|unit| unit.as_str());
        let mut unit_known = false;
        if let Some(unit_word) = unit {
            if let Some((noun, _)) = context.lexicon.noun(unit_word).filter(|(noun, _)| {
                // Only nouns that count people are units; "a 7.8 earthquake" is no count of quakes.
                matches!(
                    noun.category,
                    NounCategory::People
                        | NounCategory::Plaintiff
                        | NounCategory::Armed
                        | NounCategory::Security
                        | NounCategory::Member
                        | NounCategory::Toll
                        | NounCategory::Unit
                )
            }) {
                unit_known = true;
                quantity.unit_category = Some(noun.category);
                if noun.category == NounCategory::Toll {
                    quantity.toll = Some(noun.class.clone());
                }
            } else if let Some((place, true)) = context.lexicon.demonym(unit_word) {
                unit_known = true;
                quantity.nationality = Some(place);
                quantity.unit_category = Some(NounCategory::People);
            }
            if unit_known {
                quantity.unit = Some(unit_word.to_owned());
            }
        }
        if !unit_known {
            end = found.name("percent").or_else(|| found.name("scale")).unwrap_or(number).end();
            if found.name("percent").is_some() {
                quantity.unit = Some("percent".to_owned());
            } else if let Some(currency) = found.name("currency") {
                quantity.unit = Some(currency.as_str().to_owned());
            }
        }
        let start = found.name("bound").map_or(number.start(), |bound| bound.start());
        let start = found.name("currency").map_or(start, |currency| currency.start().min(start));
        let (abs_start, abs_end) = (base + start, base + end);
        if annotations.overlaps(sentence.index, abs_start, abs_end) {
            continue;
        }
        // Lone small number words ("one of the", "two sides") are not quantities worth a node.
        if !unit_known
            && quantity.unit.is_none()
            && !number.as_str().starts_with(|c: char| c.is_ascii_digit())
        {
            continue;
        }
        if !unit_known && quantity.unit.is_none() && value < 10 && decimal.is_none() {
            continue;
        }
        // "thousands of supporters", "dozens of people": at least one of the unit.
        let vague = number.as_str().to_lowercase().ends_with('s')
            && !number.as_str().starts_with(|c: char| c.is_ascii_digit());
        if vague {
            quantity.min = Some(value);
        } else {
            match found.name("bound").map(|bound| bound.as_str().to_lowercase()).as_deref() {
                Some("more than" | "over" | "at least") => quantity.min = Some(value),
                Some("up to" | "fewer than" | "less than" | "at most") => {
                    quantity.max = Some(value)
                }
                Some("nearly" | "almost") => {
                    quantity.max = Some(value);
                    quantity.value = None;
                }
                Some(_) => quantity.value = None,
                None => {
                    quantity.value = Some(value);
                    quantity.decimal = decimal;
                }
            }
        }
        // An approximate value ("about 300") keeps its number as an estimate.
        if quantity.value.is_none() && quantity.min.is_none() && quantity.max.is_none() {
            quantity.decimal = Some(value.to_string());
        }
        annotations.push(Mention {
            sentence: sentence.index,
            span: article.span(abs_start, abs_end),
            tag: Some(Tag::Qty),
            class: quantity.toll.clone().unwrap_or_else(|| "count".to_owned()),
            class_iri: ng::QUANTITY.to_owned(),
            text: text[start..end].to_owned(),
            quantity: Some(quantity),
            ..Mention::default()
        });
    }
}

/// `2.5` times 1,000,000 as an integer, when the result is whole.
fn scaled_decimal(text: &str, factor: i64) -> Option<i64> {
    let (whole, fraction) = text.split_once('.')?;
    let digits = u32::try_from(fraction.len()).ok()?;
    let divisor = 10_i64.checked_pow(digits)?;
    let numerator = format!("{whole}{fraction}").parse::<i64>().ok()?.checked_mul(factor)?;
    (numerator % divisor == 0).then_some(numerator / divisor)
}

/// Parses "1,100", "2.5", "twenty-three", "three hundred": the whole value and, for
/// fractions, the decimal text.
pub(crate) fn parse_number(text: &str) -> Option<(i64, Option<String>)> {
    let compact: String = text.chars().filter(|c| *c != ',').collect();
    if compact.starts_with(|c: char| c.is_ascii_digit()) {
        if let Some((whole, fraction)) = compact.split_once('.') {
            let whole: i64 = whole.parse().ok()?;
            let fraction = fraction.trim_end_matches('0');
            return Some((whole, (!fraction.is_empty()).then(|| format!("{whole}.{fraction}"))));
        }
        return compact.parse().ok().map(|value| (value, None));
    }
    let mut total: i64 = 0;
    let mut current: i64 = 0;
    for word in text.to_lowercase().split(|c: char| c.is_whitespace() || c == '-') {
        let small = match word {
            "" | "and" => continue,
            "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            "eleven" => 11,
            "twelve" => 12,
            "thirteen" => 13,
            "fourteen" => 14,
            "fifteen" => 15,
            "sixteen" => 16,
            "seventeen" => 17,
            "eighteen" => 18,
            "nineteen" => 19,
            "twenty" => 20,
            "thirty" => 30,
            "forty" => 40,
            "fifty" => 50,
            "sixty" => 60,
            "seventy" => 70,
            "eighty" => 80,
            "ninety" => 90,
            "dozen" | "dozens" => {
                current = current.max(1) * 12;
                continue;
            }
            "hundred" | "hundreds" => {
                current = current.max(1) * 100;
                continue;
            }
            "thousand" | "thousands" => {
                total += current.max(1) * 1000;
                current = 0;
                continue;
            }
            _ => return None,
        };
        current += small;
    }
    Some((total + current, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        let cases = [
            ("1,250", Some((1250, None))),
            ("335", Some((335, None))),
            ("2.5", Some((2, Some("2.5".to_owned())))),
            ("53.85", Some((53, Some("53.85".to_owned())))),
            ("twenty-three", Some((23, None))),
            ("three hundred", Some((300, None))),
            ("two thousand five hundred", Some((2500, None))),
            ("banana", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_number(text), expected, "{text}");
        }
    }
}
