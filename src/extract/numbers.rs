//! Quantities ("over 330 people", "1,100 people", "twenty-three", "$1.5 billion") and legal
//! provisions ("Article 2"), whose numbers must not be read as counts.
//!
//! Every number in digits is a quantity, unless it is part of a date, a provision, a clock
//! time ("10 p.m.") or a law's name; a duration in digits ("48 hours") is a quantity too,
//! nested in the duration mention. A number word, or a number in digits below ten, is a
//! quantity only when it counts something (see `count_context`): a plural noun ("two
//! explosions", "six Chinese engineers"), a partitive ("four of the wounded"), a verb ("five
//! were hostages", "killing eight"), or a count left out after an earlier one ("and eight in
//! Elazig"); never "one" alone, a set already known ("the two countries"), a modifier ("a
//! four-day siege") or a name ("the Big Four").

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use super::tokens::Token;
use super::{dates, Annotations, Context, Mention, Quantity, Tag};
use crate::article::{Article, Sentence};
use crate::lexicon::{Lexicon, NounCategory};
use crate::vocab::ng;

const NUMBER_WORD: &str = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds|hundred|thousands|thousand|dozens|dozen";

#[expect(clippy::expect_used, reason = "constant patterns, covered by tests")]
static QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?i:\b(?P<bound>more than|over|above|at least|nearly|almost|about|around|some|up to|under|below|fewer than|less than|roughly|an estimated|approximately|at most|as (?:many|much|high|few|little|low) as)\s+)?(?P<currency>\$|€|£)?(?P<number>\b\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\b\d+(?:\.\d+)?|\b(?i:(?:{NUMBER_WORD})\b(?:[\s-]+(?:and\s+)?(?:{NUMBER_WORD})\b)*))(?:(?:\s+|-)(?P<scale>million|billion|trillion|thousand|hundred)|(?P<short_scale>bn|m|tn)\b)?(?P<percent>\s*%|\s+per\s?cent|\s+percent)?(?P<or_more>\s+or\s+(?:more|fewer|less))?(?P<of>\s+of)?(?:\s+(?P<unit>[A-Za-z][A-Za-z-]*))?"
    );
    // ASCII classes and word boundaries: English numbers and units need no more, and the
    // automaton is far smaller than a Unicode-aware one.
    regex::RegexBuilder::new(&pattern).unicode(false).build().expect("valid quantity regex")
});

/// The indices of the named groups of [`QUANTITY`]: looking a group up by index spares
/// hashing its name for every number of every sentence.
struct QuantityGroups {
    number: usize,
    scale: usize,
    short_scale: usize,
    currency: usize,
    unit: usize,
    or_more: usize,
    percent: usize,
    bound: usize,
}

static QUANTITY_GROUPS: LazyLock<QuantityGroups> = LazyLock::new(|| {
    let names: Vec<Option<&str>> = QUANTITY.capture_names().collect();
    // A name missing from the pattern gives an index past its groups, which matches nothing.
    let index = |name: &str| names.iter().position(|n| *n == Some(name)).unwrap_or(names.len());
    QuantityGroups {
        number: index("number"),
        scale: index("scale"),
        short_scale: index("short_scale"),
        currency: index("currency"),
        unit: index("unit"),
        or_more: index("or_more"),
        percent: index("percent"),
        bound: index("bound"),
    }
});

#[expect(clippy::expect_used, reason = "constant patterns, covered by tests")]
static PROVISION: LazyLock<Regex> = LazyLock::new(|| {
    regex::RegexBuilder::new(
        r"\b(?:Article|Section|Paragraph|Clause|Protocol|Chapter|Amendment|Resolution) (?:No\. )?\d+(?:-\d+)*[A-Za-z]?\b",
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
            class_iri: ng::LEGAL_PROVISION.into(),
            text: found.as_str().to_owned(),
            proper: true,
            ..Mention::default()
        });
    }
    let groups = &*QUANTITY_GROUPS;
    for found in QUANTITY.captures_iter(text) {
        let (Some(whole), Some(number)) = (found.get(0), found.get(groups.number)) else {
            continue;
        };
        // Clock times ("4:17 a.m.", "10 p.m.") and scores ("3:1") are not counts, nor are
        // ordinals ("the 21st century"), names of models ("COVID-19", "F-16") and numbers
        // in slashes ("9/11", "Directive 2009/147/EC").
        let (before_number, after_number) = (&text[..number.start()], &text[number.end()..]);
        if before_number.ends_with([':', '/'])
            || after_number.starts_with([':', '/'])
            || starts_with_clock_suffix(after_number)
            || starts_with_ordinal_suffix(after_number)
            || before_number
                .strip_suffix('-')
                .is_some_and(|rest| rest.ends_with(|c: char| c.is_ascii_alphabetic()))
        {
            continue;
        }
        let digits = number.as_str().starts_with(|c: char| c.is_ascii_digit());
        // A year in a law's name ("the National Security Act 2023") is a name, not a count.
        if digits
            && number.as_str().len() == 4
            && dates::ends_with_law_name(&text[..number.start()])
        {
            continue;
        }
        let Some((mut value, decimal)) = parse_number(number.as_str()) else { continue };
        let mut decimal = decimal;
        // "£100m", "$2bn": a short scale counts after a currency only ("100m" alone may be
        // metres).
        let scale = found.get(groups.scale).or_else(|| {
            found.get(groups.short_scale).filter(|_| found.get(groups.currency).is_some())
        });
        if let Some(scale) = scale {
            let factor: i64 = match scale.as_str() {
                "hundred" => 100,
                "thousand" => 1_000,
                "million" | "m" => 1_000_000,
                "billion" | "bn" => 1_000_000_000,
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
        let unit = found.get(groups.unit).map(|unit| unit.as_str());
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
            end = found
                .get(groups.or_more)
                .or_else(|| found.get(groups.percent))
                .or(scale)
                .unwrap_or(number)
                .end();
            if found.get(groups.percent).is_some() {
                quantity.unit = Some("percent".to_owned());
            } else if let Some(currency) = found.get(groups.currency) {
                quantity.unit = Some(currency.as_str().to_owned());
            }
        }
        let start = found.get(groups.bound).map_or(number.start(), |bound| bound.start());
        let start =
            found.get(groups.currency).map_or(start, |currency| currency.start().min(start));
        let (abs_start, abs_end) = (base + start, base + end);
        // "48 hours" is a duration and, like every number written in digits, a quantity: it
        // goes inside the duration mention, which stays what rules see. Any other overlap
        // means the number is part of a mention found before.
        let overlapping = annotations.overlaps(sentence.index, abs_start, abs_end);
        if overlapping && !(digits && !unit_known && quantity.unit.is_none()) {
            continue;
        }
        // Numbers in digits are quantities (years, dates and provisions were taken before);
        // number words and digits below ten only when they count something.
        // "or more" makes a count of any number ("ten or more").
        if !overlapping
            && !unit_known
            && quantity.unit.is_none()
            && found.get(groups.or_more).is_none()
            && (!digits || (value < 10 && decimal.is_none()))
        {
            let earlier_count = annotations.by_sentence.get(sentence.index).is_some_and(|list| {
                list.iter()
                    .filter_map(|&index| annotations.mentions.get(index))
                    .any(|mention| mention.tag == Some(Tag::Qty) && mention.span.end <= abs_start)
            });
            let number_end = found.get(groups.scale).map_or(number.end(), |scale| scale.end());
            let large = value >= 100 || found.get(groups.scale).is_some();
            match count_context(
                context.lexicon,
                number.as_str(),
                large,
                &text[..start],
                &text[number_end..],
                earlier_count,
            ) {
                Some(noun) => quantity.unit = noun.map(str::to_owned),
                None => continue,
            }
        }
        // "thousands of supporters", "dozens of people": at least one of the unit.
        let vague = number.as_str().to_lowercase().ends_with('s') && !digits;
        let or_more = found.get(groups.or_more).map(|words| words.as_str().trim_end());
        if vague {
            quantity.min = Some(value);
        } else if let Some(or_more) = or_more {
            // "four or more people", "ten or fewer".
            if or_more.ends_with("more") {
                quantity.min = Some(value);
            } else {
                quantity.max = Some(value);
            }
        } else {
            match found.get(groups.bound).map(|bound| bound.as_str().to_lowercase()).as_deref() {
                Some(
                    "more than" | "over" | "above" | "at least" | "as few as" | "as little as"
                    | "as low as",
                ) => quantity.min = Some(value),
                Some(
                    "up to" | "under" | "below" | "fewer than" | "less than" | "at most"
                    | "as many as" | "as much as" | "as high as",
                ) => quantity.max = Some(value),
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
        if overlapping {
            // Pushed only if the mention it overlaps is a duration that starts with it.
            push_inside_duration(
                article,
                annotations,
                sentence.index,
                abs_start,
                base + number.start(),
                quantity,
            );
            continue;
        }
        annotations.push(Mention {
            sentence: sentence.index,
            span: article.span(abs_start, abs_end),
            tag: Some(Tag::Qty),
            class: quantity.toll.clone().map_or(Cow::Borrowed("count"), Cow::Owned),
            class_iri: ng::QUANTITY.into(),
            text: text[start..end].to_owned(),
            quantity: Some(Box::new(quantity)),
            ..Mention::default()
        });
    }
}

/// Whether the text after a number makes it an ordinal ("21st", "3rd").
fn starts_with_ordinal_suffix(after: &str) -> bool {
    ["st", "nd", "rd", "th"].iter().any(|suffix| {
        after
            .strip_prefix(suffix)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_alphanumeric()))
    })
}

/// Whether the text after a number makes it a clock time ("10 p.m.", "9 am", "1400 GMT").
fn starts_with_clock_suffix(after: &str) -> bool {
    let after = after.trim_start();
    let word_end = |rest: &str| !rest.starts_with(|c: char| c.is_ascii_alphanumeric());
    ["a.m.", "p.m.", "o'clock", "GMT", "UTC"].iter().any(|suffix| after.starts_with(suffix))
        || ["am", "pm", "AM", "PM"]
            .iter()
            .any(|suffix| after.strip_prefix(suffix).is_some_and(word_end))
}

/// Adds the number of a duration written in digits ("48 hours", "up to 10 years") as a
/// quantity nested in the duration mention that starts at `number_start`, if there is one;
/// the quantity's span runs from `start` (a bound word) to the end of the duration.
fn push_inside_duration(
    article: &Article,
    annotations: &mut Annotations,
    sentence: usize,
    start: usize,
    number_start: usize,
    mut quantity: Quantity,
) {
    let Some(duration) = annotations.mention_at(sentence, number_start) else { return };
    let Some(outer) = annotations.mentions.get(duration) else { return };
    if outer.tag != Some(Tag::Dur) || outer.span.start != number_start {
        return;
    }
    // "48 hours", "an 18-month sentence": the unit is the duration's last word.
    quantity.unit = outer.text.rsplit([' ', '-']).next().map(str::to_owned);
    // A bound ("up to") before the duration belongs to the quantity.
    let span = article.span(start.min(outer.span.start), outer.span.end);
    let text = article.text.get(span.start..span.end).unwrap_or_default().to_owned();
    let mention = Mention {
        sentence,
        span,
        tag: Some(Tag::Qty),
        class: "count".into(),
        class_iri: ng::QUANTITY.into(),
        text,
        quantity: Some(Box::new(quantity)),
        inner: true,
        ..Mention::default()
    };
    let inner = annotations.push(mention);
    if let Some(outer) = annotations.mentions.get_mut(duration) {
        outer.nested.push(inner);
    }
}

/// Whether a number word, or a number in digits below ten, counts something here, and the
/// plural noun it counts if one follows: `Some(Some("explosions"))` for "two explosions",
/// `Some(None)` for "four of the wounded", "five were hostages", "killing eight" and "eight in
/// Elazig" after an earlier count; `None` for "one of the", "the two countries", "two years", "a four-day
/// siege" and "the Big Four".
fn count_context<'t>(
    lexicon: &Lexicon,
    number: &str,
    large: bool,
    before: &str,
    after: &'t str,
    earlier_count: bool,
) -> Option<Option<&'t str>> {
    // "one" is a pronoun ("one of the largest", "no one") far more often than a count.
    if !large && (number.eq_ignore_ascii_case("one") || number == "1") {
        return None;
    }
    // An age is a quantity, as "34-year-old" is.
    if after.starts_with("-year-old") {
        return Some(None);
    }
    // "a four-day siege", "two-thirds": a modifier or a fraction, not a count.
    if after.starts_with(['-', '/']) {
        return None;
    }
    let before = before.trim_end();
    // A capitalised number word inside a sentence is a name ("the Big Four", "Group of Seven").
    if number.starts_with(|c: char| c.is_ascii_uppercase())
        && !before.is_empty()
        && !before.ends_with(['.', '"', '“', '(', ':', '‘', '\''])
    {
        return None;
    }
    // "three hundred", "thousands", "two million": large numbers are amounts wherever they are.
    if large {
        return Some(plural_noun_after(lexicon, after));
    }
    let previous = last_word(before);
    // "one in five", "two out of three": a ratio.
    if matches!(previous, "in" | "of")
        && before[..before.len() - previous.len()]
            .split_whitespace()
            .next_back()
            .is_some_and(|word| matches!(word, "out") || parse_number(word).is_some())
    {
        return None;
    }
    // "the two countries", "their three children": a set the article already knows.
    if matches!(
        previous.to_ascii_lowercase().as_str(),
        "the"
            | "these"
            | "those"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "your"
            | "my"
            | "whose"
            | "other"
            | "first"
            | "last"
            | "next"
            | "every"
            | "each"
            | "any"
            | "no"
    ) {
        return None;
    }
    let mut words = after.split_ascii_whitespace();
    let first = words.next().unwrap_or("");
    // "four of the wounded", "nine of them".
    if first == "of"
        && words.next().is_some_and(|word| {
            matches!(
                word.trim_end_matches([',', '.', ';']),
                "the"
                    | "them"
                    | "those"
                    | "these"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
                    | "whom"
                    | "which"
                    | "us"
                    | "you"
            )
        })
    {
        return Some(None);
    }
    // "five were hostages", "two died".
    if after.starts_with(' ')
        && matches!(first, "were" | "are" | "had" | "have" | "remain" | "remained" | "died")
    {
        return Some(None);
    }
    // "Nineteen of the dead were in Malatya and eight in Elazig": a count left out after an
    // earlier one.
    if earlier_count
        && (previous == "and" || before.ends_with(','))
        && matches!(first, "in" | "at" | "from")
    {
        return Some(None);
    }
    if let Some(noun) = plural_noun_after(lexicon, after) {
        return Some(Some(noun));
    }
    // "killing eight and wounding 20": the object of a verb that counts people.
    matches!(
        previous,
        "killed"
            | "killing"
            | "kills"
            | "wounded"
            | "wounding"
            | "injured"
            | "injuring"
            | "arrested"
            | "detained"
            | "rescued"
            | "freed"
            | "kidnapped"
            | "abducted"
            | "evacuated"
            | "hospitalised"
            | "hospitalized"
    )
    .then_some(None)
}

/// The plural noun a number counts, within the next four words ("two explosions", "six
/// Chinese engineers", "two off-duty sheriff's deputies"); `None` if a function word,
/// punctuation or a unit of time comes first.
fn plural_noun_after<'t>(lexicon: &Lexicon, after: &'t str) -> Option<&'t str> {
    let mut rest = after;
    for _ in 0..4 {
        // Words of one noun phrase are separated by single spaces.
        rest = rest.strip_prefix(' ')?;
        let length = rest
            .find(|c: char| !(c.is_alphabetic() || matches!(c, '-' | '\'' | '’')))
            .unwrap_or(rest.len());
        let word = rest.get(..length)?;
        rest = rest.get(length..)?;
        if word.is_empty() || word.starts_with(['-', '\'', '’']) {
            return None;
        }
        match word_role(lexicon, word) {
            WordRole::Counted => return Some(word),
            WordRole::Modifier => {}
            WordRole::Stop => return None,
        }
    }
    None
}

/// What a word after a number is to the count.
enum WordRole {
    /// A plural noun: what is counted.
    Counted,
    /// A word that may stand between the number and the noun ("powerful", "Chinese").
    Modifier,
    /// A word that ends the phrase without a count ("of", "years", "percent").
    Stop,
}

fn word_role(lexicon: &Lexicon, word: &str) -> WordRole {
    if let Some((_, plural)) = lexicon.noun(word) {
        return if plural { WordRole::Counted } else { WordRole::Modifier };
    }
    if let Some((_, plural)) = lexicon.demonym(word) {
        return if plural { WordRole::Counted } else { WordRole::Modifier };
    }
    if word.starts_with(|c: char| c.is_uppercase()) {
        return WordRole::Modifier;
    }
    match word {
        // Irregular plurals and nouns that count as plurals.
        "people" | "children" | "men" | "women" | "police" | "personnel" | "staff" | "dead"
        | "wounded" | "injured" | "cattle" | "livestock" | "aircraft" | "crew" => {
            return WordRole::Counted;
        }
        // Time is a duration, "times" a ratio, and fractions are no counts.
        "seconds" | "minutes" | "hours" | "days" | "nights" | "weeks" | "months" | "years"
        | "decades" | "centuries" | "times" | "halves" | "thirds" | "quarters" | "fifths"
        | "tenths" | "percent" => return WordRole::Stop,
        // Function words end the phrase.
        "the" | "a" | "an" | "of" | "in" | "on" | "at" | "to" | "for" | "with" | "by" | "from"
        | "and" | "or" | "but" | "nor" | "as" | "than" | "that" | "which" | "who" | "whom"
        | "whose" | "was" | "were" | "is" | "are" | "be" | "been" | "being" | "had" | "has"
        | "have" | "do" | "did" | "does" | "will" | "would" | "could" | "should" | "can"
        | "may" | "might" | "must" | "not" | "less" | "most" | "least" | "such" | "per"
        | "each" | "this" | "these" | "those" | "its" | "their" | "his" | "her" | "our"
        | "your" | "my" | "it" | "they" | "them" | "he" | "she" | "we" | "you" | "out" | "up"
        | "down" | "over" | "under" | "after" | "before" | "into" | "about" | "also" | "only"
        | "still" | "then" | "there" | "here" | "so" | "very" | "too" | "if" | "when" | "while"
        | "where" | "all" | "both" | "some" | "any" | "no" | "ago" | "later" | "earlier"
        | "apart" | "away" | "again" | "always" | "perhaps" | "sometimes" | "besides"
        | "towards" | "afterwards" | "nevertheless" | "whereas" | "ours" | "yours" | "theirs"
        | "hers" | "goes" | "says" | "makes" | "takes" | "seems" | "remains" => {
            return WordRole::Stop;
        }
        _ => {}
    }
    let regular_plural = word.len() >= 4
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
        && !word.ends_with("'s")
        && !word.ends_with("’s");
    if regular_plural {
        WordRole::Counted
    } else {
        WordRole::Modifier
    }
}

/// The last word of a text (letters only), or "".
fn last_word(text: &str) -> &str {
    let start = text.trim_end_matches(char::is_alphabetic).len();
    text.get(start..).unwrap_or("")
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
    fn quantity_groups_name_groups_of_the_pattern() {
        let groups = &*QUANTITY_GROUPS;
        let n_groups = QUANTITY.captures_len();
        for index in [
            groups.number,
            groups.scale,
            groups.short_scale,
            groups.currency,
            groups.unit,
            groups.or_more,
            groups.percent,
            groups.bound,
        ] {
            assert!(index < n_groups, "{index}");
        }
    }

    /// A quantity mention as (text, value, min, max, unit).
    type Found = (String, Option<i64>, Option<i64>, Option<i64>, Option<String>);

    /// (text, [(mention text, value, counted noun)]).
    type CountCase = (&'static str, &'static [(&'static str, i64, &'static str)]);

    /// (text, mention text, value, min, max).
    type BoundCase = (&'static str, &'static str, Option<i64>, Option<i64>, Option<i64>);

    /// The quantities of `text`.
    fn quantities_in(text: &str) -> Vec<Found> {
        let annotations = dates::tests::annotate(text, "2022-08-14");
        annotations
            .mentions
            .iter()
            .filter(|mention| mention.tag == Some(Tag::Qty))
            .filter_map(|mention| {
                let quantity = mention.quantity.as_ref()?;
                let value = quantity
                    .value
                    .or_else(|| quantity.decimal.as_deref().and_then(|d| d.parse().ok()));
                Some((
                    mention.text.clone(),
                    value,
                    quantity.min,
                    quantity.max,
                    quantity.unit.clone(),
                ))
            })
            .collect()
    }

    #[test]
    fn counts_of_plural_nouns() {
        // (text, [(mention text, value, counted noun)])
        let cases: &[CountCase] = &[
            ("The court listed two species.", &[("two", 2, "species")]),
            ("They held six Chinese engineers.", &[("six", 6, "engineers")]),
            ("Two off-duty sheriff's deputies fired.", &[("Two", 2, "deputies")]),
            ("It has two lithium brine projects.", &[("two", 2, "projects")]),
            (
                "After two explosions, two powerful tremors hit.",
                &[("two", 2, "explosions"), ("two", 2, "tremors")],
            ),
            ("Twenty-three other people were wounded.", &[("Twenty-three", 23, "people")]),
            ("He faces three counts of murder.", &[("three", 3, "counts")]),
            ("Ninety people died.", &[("Ninety people", 90, "people")]),
            ("Seventeen soldiers died.", &[("Seventeen soldiers", 17, "soldiers")]),
            ("They sent 2 helicopters.", &[("2", 2, "helicopters")]),
            ("Two more suspects were held.", &[("Two", 2, "suspects")]),
            ("Two Americans were freed.", &[("Two Americans", 2, "Americans")]),
        ];
        for (text, expected) in cases {
            let expected: Vec<_> = expected
                .iter()
                .map(|(t, v, u)| ((*t).to_owned(), Some(*v), None, None, Some((*u).to_owned())))
                .collect();
            assert_eq!(quantities_in(text), expected, "{text}");
        }
    }

    #[test]
    fn counts_without_a_noun() {
        let cases: &[(&str, &[(&str, i64)])] = &[
            ("Four of the wounded were in critical condition.", &[("Four", 4)]),
            ("The blast killed eight and wounded 20.", &[("eight", 8), ("20", 20)]),
            ("Some two million were displaced.", &[("Some two million", 2_000_000)]),
            ("A seven-year-old girl and a 34-year-old man died.", &[("seven", 7), ("34", 34)]),
            (
                "38 casualties were admitted, nine of them in critical condition.",
                &[("38", 38), ("nine", 9)],
            ),
            (
                "He said 11 of the dead were attackers and five were hostages.",
                &[("11", 11), ("five", 5)],
            ),
            (
                "Nineteen of the dead were in Malatya and eight in Elazig.",
                &[("Nineteen", 19), ("eight", 8)],
            ),
        ];
        for (text, expected) in cases {
            let expected: Vec<_> = expected
                .iter()
                .map(|(t, v)| ((*t).to_owned(), Some(*v), None, None, None))
                .collect();
            assert_eq!(quantities_in(text), expected, "{text}");
        }
    }

    #[test]
    fn bounds() {
        // (text, mention, value, min, max)
        let cases: &[BoundCase] = &[
            ("It counts four or more people shot.", "four or more people", None, Some(4), None),
            ("Ten or fewer were hurt.", "Ten or fewer", None, None, Some(10)),
            ("Shares fell as much as 35 percent.", "as much as 35 percent", None, None, Some(35)),
            ("As many as 100 people died.", "As many as 100 people", None, None, Some(100)),
            ("As few as 12 people voted.", "As few as 12 people", None, Some(12), None),
            ("More than 400 villages flooded.", "More than 400", None, Some(400), None),
            ("At least two attackers fled.", "At least two attackers", None, Some(2), None),
            ("At least two helicopters flew.", "At least two", None, Some(2), None),
            ("They face up to 10 years in prison.", "up to 10 years", None, None, Some(10)),
            ("Thousands marched.", "Thousands", None, Some(1000), None),
            ("It will spend £100m on it.", "£100m", Some(100_000_000), None, None),
            ("It lost $2.5bn.", "$2.5bn", Some(2_500_000_000), None, None),
            ("He won the 100m sprint.", "100", Some(100), None, None),
            ("It was above 100 degrees.", "above 100", None, Some(100), None),
            ("Turnout was below 40 percent.", "below 40 percent", None, None, Some(40)),
            ("Under 30 people came.", "Under 30 people", None, None, Some(30)),
            ("It won a 210-million-euro contract.", "210-million", Some(210_000_000), None, None),
        ];
        for (text, mention, value, min, max) in cases {
            let found = quantities_in(text);
            let Some(first) = found.first() else { panic!("no quantity in {text:?}") };
            assert_eq!(
                (first.0.as_str(), first.1, first.2, first.3),
                (*mention, *value, *min, *max),
                "{text}"
            );
        }
    }

    #[test]
    fn numbers_that_count_nothing() {
        let cases = [
            "It was one of the largest settlements.",
            "No one enjoys paying taxes.",
            "The two countries signed a deal.",
            "The two sides issued a statement. The two discussed trade.",
            "He was jailed for five years after a three-week trial.",
            "Rivers rose to their highest levels in nearly two decades.",
            "It ended a four-day siege.",
            "Two-thirds of voters agreed.",
            "The Big Four banks agreed.",
            "He walked in shortly after 10 p.m. carrying a rifle.",
            "The meeting starts at 9 am in the hall.",
            "He was convicted under the National Security Act 2023.",
            "The battle lasted nearly two hours.",
            "It was the second time in two weeks.",
            "It has three times the capacity.",
            "It took two more years and two more than planned.",
            "In the 21st century, COVID-19 spread and F-16 jets flew on the 2nd day.",
            "Resolution 2334 was adopted under Article 25.",
            "It is an offence under Article 435-3 of the Penal Code.",
            "The 9/11 attacks breached Directive 2009/147/EC.",
            "The Fed meets on March 17-18.",
            "One in five was unemployed, and two out of three said so.",
        ];
        for text in cases {
            assert_eq!(quantities_in(text), [], "{text}");
        }
    }

    #[test]
    fn days_of_dates_are_not_counts() {
        // Without an article date "July 21" has no value, but it is still a date.
        for today in ["", "2022-08-14"] {
            let annotations = dates::tests::annotate("A hearing has been set for July 21.", today);
            let tags: Vec<(Option<Tag>, &str)> =
                annotations.mentions.iter().map(|m| (m.tag, m.text.as_str())).collect();
            assert_eq!(tags, [(Some(Tag::Date), "July 21")], "{today}");
        }
        // "May 45" is no date.
        assert_eq!(
            quantities_in("In May 45 people died."),
            [("45 people".to_owned(), Some(45), None, None, Some("people".to_owned()))]
        );
    }

    #[test]
    fn durations_in_digits_are_quantities_too() {
        let annotations =
            dates::tests::annotate("More rain is expected over the next 48 hours.", "2022-08-14");
        let tags: Vec<(Option<Tag>, &str, bool)> = annotations
            .mentions
            .iter()
            .map(|mention| (mention.tag, mention.text.as_str(), mention.inner))
            .collect();
        assert_eq!(tags, [(Some(Tag::Dur), "48 hours", false), (Some(Tag::Qty), "48 hours", true)]);
        assert_eq!(
            quantities_in("More rain is expected over the next 48 hours."),
            [("48 hours".to_owned(), Some(48), None, None, Some("hours".to_owned()))]
        );
    }

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
