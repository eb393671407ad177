//! Descriptions: noun phrases headed by a common noun of `data/lexicons/nouns.tsv` ("the
//! court", "Russian security forces", "the Beslan-style school siege"), with the names, dates and
//! facilities nested inside them.

use super::names::FUNCTION_WORDS;
use super::tokens::Token;
use super::{Annotations, Context, Mention, Tag};
use crate::article::Sentence;
use crate::lexicon::{Noun, NounCategory};
use crate::vocab::{ng, schema};
use std::borrow::Cow;

const DETERMINERS: [&str; 13] = [
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "such",
];

/// Finds the descriptions of a sentence.
///
/// Heads are found left to right but described right to left, so that "the school siege"
/// makes one event phrase with a facility inside, not a facility followed by an event.
pub(crate) fn find(
    context: &Context<'_>,
    sentence: &Sentence,
    tokens: &[Token<'_>],
    annotations: &mut Annotations,
) {
    let lexicon = context.lexicon;
    let article = context.article;
    let mut heads: Vec<(usize, usize, Noun, bool)> = Vec::new();
    let mut index = 0;
    while index < tokens.len() {
        let Some(token) = tokens.get(index) else { break };
        let plural_demonym = matches!(lexicon.demonym(token.text), Some((_, true)));
        if annotations.overlaps(sentence.index, token.start, token.end)
            || (token.is_capitalized() && (!token.initial || plural_demonym))
        {
            // Plural demonyms as people ("Russians") are the exception to capitals.
            if let Some((place, true)) = lexicon.demonym(token.text)
                && !annotations.overlaps(sentence.index, token.start, token.end)
            {
                annotations.push(Mention {
                    sentence: sentence.index,
                    span: article.span(token.start, token.end),
                    tag: Some(Tag::Grp),
                    class: "PersonGroup".into(),
                    class_iri: ng::PERSON_GROUP.into(),
                    text: token.text.to_owned(),
                    head: Some(token.text.to_owned()),
                    category: Some(NounCategory::People),
                    plural: true,
                    nationality: Some(place),
                    ..Mention::default()
                });
            }
            index += 1;
            continue;
        }
        // Two-word nouns first ("security forces").
        let two_word = tokens.get(index + 1).and_then(|next| {
            (article.text.get(token.end..next.start) == Some(" "))
                .then(|| lexicon.noun(&article.text[token.start..next.end]))
                .flatten()
                .filter(|_| !annotations.overlaps(sentence.index, next.start, next.end))
                .map(|found| (found, next.end, index + 1))
        });
        let Some(((noun, plural), head_end, last_index)) =
            two_word.or_else(|| lexicon.noun(token.text).map(|found| (found, token.end, index)))
        else {
            index += 1;
            continue;
        };
        // "…, killing 12 people": an -ing form after a comma is a verb, not a noun.
        let participle = noun.singular.ends_with("ing")
            && article
                .text
                .get(sentence.span.start..token.start)
                .is_some_and(|before| before.trim_end().ends_with(','));
        // "jihadist gunmen", "hotel staff": a singular noun right before a plural group noun
        // modifies it and is no head of its own.
        let group_follows = !plural
            && last_index == index
            && tokens.get(index + 1).is_some_and(|next| {
                article.text.get(token.end..next.start) == Some(" ")
                    && lexicon.noun(next.text).is_some_and(|(next_noun, next_plural)| {
                        next_plural
                            && matches!(
                                next_noun.category,
                                NounCategory::People | NounCategory::Armed | NounCategory::Security
                            )
                    })
            });
        if !matches!(noun.category, NounCategory::Toll | NounCategory::Unit)
            && !participle
            && !group_follows
        {
            heads.push((index, head_end, noun.clone(), plural));
        }
        index = last_index + 1;
    }
    for (head_index, head_end, noun, plural) in heads.into_iter().rev() {
        let Some(token) = tokens.get(head_index) else { continue };
        if annotations.covered(sentence.index, token.start, head_end) {
            continue;
        }
        describe(
            context,
            sentence,
            tokens,
            head_index,
            token.start,
            head_end,
            &noun,
            plural,
            annotations,
        );
    }
}

#[expect(clippy::too_many_arguments, reason = "one private call site")]
fn describe(
    context: &Context<'_>,
    sentence: &Sentence,
    tokens: &[Token<'_>],
    head_index: usize,
    head_start: usize,
    head_end: usize,
    noun: &Noun,
    plural: bool,
    annotations: &mut Annotations,
) {
    let article = context.article;
    let lexicon = context.lexicon;
    let mut start = head_start;
    let mut nested: Vec<usize> = Vec::new();
    let mut nationality = None;
    let mut definite = false;
    let mut modifiers = 0;
    // A facility named inside an event phrase: "the [Beslan school] siege".
    let mut facility: Option<(usize, usize, Vec<usize>)> = None;
    let mut cursor = head_index;
    while cursor > 0 {
        let Some(token) = tokens.get(cursor - 1) else { break };
        let gap = article.text.get(token.end..start).unwrap_or("");
        if !gap.chars().all(char::is_whitespace) || gap.len() > 1 {
            // A nested mention may end right before us with a single space.
            break;
        }
        if let Some(mention_index) = annotations.mention_at(sentence.index, token.start) {
            let Some(mention) = annotations.mentions.get(mention_index) else { break };
            let absorbable = matches!(mention.tag(), Tag::Gpe | Tag::Date)
                || (mention.tag() == Tag::Org && noun.category == NounCategory::Event);
            let joined = article
                .text
                .get(mention.span.end..start)
                .is_some_and(|gap| gap.chars().all(char::is_whitespace));
            if !absorbable || mention.span.end > start || !joined {
                break;
            }
            start = mention.span.start;
            match &mut facility {
                Some((facility_start, _, facility_nested)) => {
                    *facility_start = start;
                    facility_nested.push(mention_index);
                }
                None => nested.push(mention_index),
            }
            cursor = tokens.iter().position(|t| t.start >= start).unwrap_or(0);
            continue;
        }
        let lower = crate::lexicon::lowercase(token.text);
        if let Some((place, false)) = lexicon.demonym(token.text) {
            nationality = Some(place);
            start = token.start;
            cursor -= 1;
            continue;
        }
        // "sheriff's deputies", "the president's guards": a title's possessive before a group
        // noun says whose the group is and is part of its name.
        let title_possessive = plural
            && matches!(
                noun.category,
                NounCategory::People | NounCategory::Armed | NounCategory::Security
            )
            && modifiers < 2
            && (lower.strip_suffix("'s").or_else(|| lower.strip_suffix("’s")))
                .is_some_and(|stem| lexicon.title(stem).is_some());
        if title_possessive {
            modifiers += 1;
            start = token.start;
            cursor -= 1;
            continue;
        }
        if DETERMINERS.contains(&&*lower) {
            definite = !matches!(&*lower, "a" | "an");
            start = token.start;
            break;
        }
        if FUNCTION_WORDS.contains(&*lower)
            || token.text.ends_with("-based")
            || !token.is_lowercase_word()
        {
            break;
        }
        if let Some((inner, false)) = lexicon.noun(&lower)
            && inner.category == NounCategory::Facility
            && matches!(
                noun.category,
                NounCategory::Event | NounCategory::Generic | NounCategory::Facility
            )
            && facility.is_none()
        {
            facility = Some((token.start, token.end, Vec::new()));
            start = token.start;
            cursor -= 1;
            continue;
        }
        // An adjective: a word shaped like one ("fruitless", "armed", "war-torn"), or any word
        // right after a determiner ("the best course"); verbs ("told", "prompted") stay out.
        let after_determiner =
            cursor.checked_sub(2).and_then(|p| tokens.get(p)).is_some_and(|previous| {
                DETERMINERS.contains(&&*crate::lexicon::lowercase(previous.text))
            });
        // A singular noun before a plural group noun: "jihadist gunmen", "hotel staff".
        let noun_modifier = plural
            && matches!(
                noun.category,
                NounCategory::People | NounCategory::Armed | NounCategory::Security
            )
            && lexicon.noun(&lower).is_some_and(|(_, inner_plural)| !inner_plural);
        if modifiers >= 2 || !(ends_like_adjective(&lower) || after_determiner || noun_modifier) {
            break;
        }
        modifiers += 1;
        start = token.start;
        cursor -= 1;
    }

    let facility_index = facility.map(|(facility_start, facility_end, facility_nested)| {
        for &inner in &facility_nested {
            if let Some(mention) = annotations.mentions.get_mut(inner) {
                mention.inner = true;
            }
        }
        let text = article.text[facility_start..facility_end].to_owned();
        let head = article.text[..facility_end].rsplit(' ').next().unwrap_or("").to_owned();
        annotations.push(Mention {
            sentence: sentence.index,
            span: article.span(facility_start, facility_end),
            tag: Some(Tag::Fac),
            class: "Facility".into(),
            class_iri: ng::FACILITY.into(),
            text,
            head: Some(head),
            category: Some(NounCategory::Facility),
            proper: !facility_nested.is_empty(),
            nested: facility_nested,
            inner: true,
            ..Mention::default()
        })
    });
    nested.extend(facility_index);
    // A kind of place after a name ("the Atacama region", "Assam state") makes no mention of
    // its own: the name stays a mention, visible to the rules.
    let no_mention = noun.category == NounCategory::PlaceType
        || (noun.category == NounCategory::SelfReference && nationality.is_none());
    for &inner in nested.iter().filter(|_| !no_mention) {
        if let Some(mention) = annotations.mentions.get_mut(inner) {
            mention.inner = true;
        }
    }

    let (tag, class, class_iri) = match noun.category {
        NounCategory::Org | NounCategory::Member => {
            let iri = crate::lexicon::organization_class(&noun.class)
                .unwrap_or_else(|| format!("{}{}", ng::NS, noun.class));
            (Tag::Org, Cow::Owned(noun.class.clone()), Cow::Owned(iri))
        }
        NounCategory::Security => {
            (Tag::Org, Cow::Borrowed("SecurityForce"), Cow::Borrowed(ng::SECURITY_FORCE))
        }
        NounCategory::Armed => {
            (Tag::Grp, Cow::Borrowed("ArmedGroup"), Cow::Borrowed(ng::ARMED_GROUP))
        }
        NounCategory::People | NounCategory::Plaintiff => {
            (Tag::Grp, Cow::Borrowed("PersonGroup"), Cow::Borrowed(ng::PERSON_GROUP))
        }
        NounCategory::Facility => {
            (Tag::Fac, Cow::Borrowed("Facility"), Cow::Borrowed(ng::FACILITY))
        }
        NounCategory::Event | NounCategory::Generic => (
            Tag::Evt,
            Cow::Owned(noun.class.clone()),
            Cow::Owned(format!("{}{}", ng::NS, noun.class)),
        ),
        NounCategory::PlaceType => {
            extend_place_apposition(context, sentence, start, head_end, annotations);
            return;
        }
        NounCategory::SelfReference => {
            let Some(place) = nationality else { return };
            let kind_class = if lexicon
                .entry(place)
                .is_some_and(|e| e.kind == crate::lexicon::EntryKind::Country)
            {
                ("Country", schema::COUNTRY)
            } else {
                ("AdministrativeArea", schema::ADMINISTRATIVE_AREA)
            };
            annotations.push(Mention {
                sentence: sentence.index,
                span: article.span(start, head_end),
                tag: Some(Tag::Gpe),
                class: kind_class.0.into(),
                class_iri: kind_class.1.into(),
                text: article.text[start..head_end].to_owned(),
                entry: Some(place),
                definite: true,
                ..Mention::default()
            });
            return;
        }
        NounCategory::Toll | NounCategory::Unit => return,
    };
    annotations.push(Mention {
        sentence: sentence.index,
        span: article.span(start, head_end),
        tag: Some(tag),
        class,
        class_iri,
        text: article.text[start..head_end].to_owned(),
        head: Some(article.text[head_start..head_end].to_lowercase()),
        category: Some(noun.category),
        plural,
        definite,
        nationality,
        nested,
        ..Mention::default()
    });
}

fn ends_like_adjective(word: &str) -> bool {
    // A hyphenated compound before a noun is a modifier ("counter-terrorism officers",
    // "low-income workers", "off-duty deputies").
    let compound = word.len() > 3
        && word.split('-').count() > 1
        && word
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase()));
    compound
        || ["ful", "less", "ous", "ive", "al", "ic", "ary", "-torn", "armed", "able"]
            .iter()
            .any(|suffix| word.ends_with(suffix))
}

/// "the war-torn republic of X": the place mention X grows to cover the description.
fn extend_place_apposition(
    context: &Context<'_>,
    sentence: &Sentence,
    start: usize,
    head_end: usize,
    annotations: &mut Annotations,
) {
    let article = context.article;
    let rest = article.text.get(head_end..sentence.span.end).unwrap_or("");
    let Some(after_of) = rest.strip_prefix(" of ") else { return };
    let place_start = head_end + (rest.len() - after_of.len());
    if let Some(place_index) = annotations.mention_at(sentence.index, place_start) {
        let span = annotations.mentions.get(place_index).map(|mention| mention.span);
        let is_place =
            annotations.mentions.get(place_index).is_some_and(|mention| mention.tag() == Tag::Gpe);
        if let (Some(span), true) = (span, is_place) {
            let new_span = article.span(start, span.end);
            if let Some(mention) = annotations.mentions.get_mut(place_index) {
                mention.span = new_span;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::labels_of_class;

    /// A singular noun before a plural group noun modifies it ("jihadist gunmen").
    #[test]
    fn noun_modifiers_of_groups() {
        let text = "Soldiers stormed the hotel where jihadist gunmen had been holding 47 hostages.";
        let groups = labels_of_class(text, "ArmedGroup");
        assert!(groups.iter().any(|label| label == "jihadist gunmen"), "{groups:?}");
        assert!(!groups.iter().any(|label| label == "jihadist"), "{groups:?}");
        // A title's possessive names whose the group is.
        let text = "Two off-duty sheriff's deputies tackled him.";
        let forces = labels_of_class(text, "SecurityForce");
        assert!(forces.iter().any(|label| label.ends_with("sheriff's deputies")), "{forces:?}");
        // A plural noun before a group noun is no modifier of it: two groups.
        let groups =
            labels_of_class("Villagers said soldiers and gunmen had fought.", "PersonGroup");
        assert!(!groups.iter().any(|label| label.contains(' ')), "{groups:?}");
    }
}
