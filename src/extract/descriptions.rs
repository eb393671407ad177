//! Descriptions: noun phrases headed by a common noun of `data/lexicons/nouns.tsv` ("the
//! court", "Russian security forces", "the Beslan-style school siege"), with the names, dates and
//! facilities nested inside them.

use super::names::FUNCTION_WORDS;
use super::tokens::Token;
use super::{Annotations, Context, Mention, Tag};
use crate::article::Sentence;
use crate::lexicon::{Noun, NounCategory, TitleRole};
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
    retype_titles(context, sentence, tokens, annotations);
    let mut heads: Vec<(usize, usize, Noun, bool)> = Vec::new();
    let mut index = 0;
    while index < tokens.len() {
        let Some(token) = tokens.get(index) else { break };
        // Plural demonyms as people ("Russians", "urged Sudanese to …") are the exception to
        // capitals (demonyms are capitalised: other words need no lookup).
        let people = if token.is_capitalized() {
            match lexicon.demonym(token.text) {
                Some((place, true)) => Some(place),
                Some((place, false)) => {
                    demonym_as_noun(context, sentence, tokens, index, annotations, place)
                }
                None => None,
            }
        } else {
            None
        };
        if annotations.overlaps(sentence.index, token.start, token.end)
            || (token.is_capitalized() && (!token.initial || people.is_some()))
        {
            if let Some(place) = people
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
        // "presiding judge Anne Roy", "Nadia Roy, an analyst at …": a noun that is also a
        // title is a title where titles stand, before a personal name or in an apposition.
        if !plural
            && !participle
            && matches!(
                noun.category,
                NounCategory::People | NounCategory::Member | NounCategory::Security
            )
            && let Some(title_start) =
                title_position(context, sentence, tokens, index, head_end, annotations)
        {
            annotations.push(Mention {
                sentence: sentence.index,
                span: article.span(title_start, head_end),
                tag: Some(Tag::Ttl),
                class: "Title".into(),
                text: article.text[title_start..head_end].to_owned(),
                ..Mention::default()
            });
            index = last_index + 1;
            continue;
        }
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
        // "Gabon's health ministry": one noun before an organisation noun after a possessive
        // names its portfolio.
        let portfolio = noun.category == NounCategory::Org
            && noun.class == "GovernmentOrganization"
            && modifiers == 0
            && token.text.chars().all(char::is_alphabetic)
            && cursor.checked_sub(2).and_then(|p| tokens.get(p)).is_some_and(|previous| {
                previous.text.ends_with("'s") || previous.text.ends_with("’s")
            });
        if modifiers >= 2
            || !(ends_like_adjective(&lower) || after_determiner || noun_modifier || portfolio)
        {
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

    // "Gabon's health ministry": a country's possessive gives an organisation its nationality.
    // ("Somalia's government" is the state itself, not a body of its own.)
    if nationality.is_none()
        && noun.category == NounCategory::Org
        && !matches!(noun.singular.as_str(), "government" | "administration" | "")
    {
        nationality = possessive_country(context, sentence, start, annotations);
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

/// The country whose possessive ends right before a byte offset ("Gabon's ⟨here⟩").
fn possessive_country(
    context: &Context<'_>,
    sentence: &Sentence,
    start: usize,
    annotations: &Annotations,
) -> Option<usize> {
    let before = context.article.text.get(..start)?;
    let stem = before.strip_suffix("'s ").or_else(|| before.strip_suffix("’s "))?;
    let mention = annotations
        .mention_at(sentence.index, stem.len().checked_sub(1)?)
        .and_then(|index| annotations.mentions.get(index))?;
    let entry =
        mention.entry.filter(|_| mention.tag() == Tag::Gpe && mention.span.end == stem.len())?;
    context
        .lexicon
        .entry(entry)
        .is_some_and(|found| found.kind == crate::lexicon::EntryKind::Country)
        .then_some(entry)
}

/// Where a title made of the noun at `head_index` starts, if the noun stands where a title
/// does: right before a personal name ("judge Anne Roy", with one modifier shaped like an
/// adjective or participle: "presiding judge Anne Roy"), or as the head of an indefinite
/// apposition to a personal name ("Anne Roy, a 27-year-old student", "Anne Roy, an analyst at
/// …", "another analyst, Anne Roy"). Only nouns that `titles.tsv` also lists qualify.
fn title_position(
    context: &Context<'_>,
    sentence: &Sentence,
    tokens: &[Token<'_>],
    head_index: usize,
    head_end: usize,
    annotations: &Annotations,
) -> Option<usize> {
    let article = context.article;
    let head_start = tokens.get(head_index)?.start;
    let phrase = crate::lexicon::lowercase(article.text.get(head_start..head_end)?);
    context.lexicon.title(&phrase)?;
    let is_person = |byte: usize| {
        annotations
            .mention_at(sentence.index, byte)
            .and_then(|index| annotations.mentions.get(index))
            .is_some_and(|mention| mention.tag() == Tag::Per && mention.span.start == byte)
    };
    if article.text.get(head_end..head_end + 1) == Some(" ") && is_person(head_end + 1) {
        let modifier = head_index.checked_sub(1).and_then(|previous| tokens.get(previous)).filter(
            |previous| {
                let lower = crate::lexicon::lowercase(previous.text);
                article.text.get(previous.end..head_start) == Some(" ")
                    && previous.is_lowercase_word()
                    && !FUNCTION_WORDS.contains(&*lower)
                    && !DETERMINERS.contains(&&*lower)
                    && !annotations.covered(sentence.index, previous.start, previous.end)
                    && (lower.ends_with("ing") || ends_like_adjective(&lower))
            },
        );
        return Some(modifier.map_or(head_start, |previous| previous.start));
    }
    // The apposition: "NAME, a(n) [AGE-year-old] [modifier] NOUN", or before the name: "a
    // retired teacher, NAME", "another analyst, NAME".
    let name_follows =
        article.text.get(head_end..head_end + 2) == Some(", ") && is_person(head_end + 2);
    let mut cursor = head_index;
    let mut skipped = 0;
    loop {
        let previous = tokens.get(cursor.checked_sub(1)?)?;
        let lower = crate::lexicon::lowercase(previous.text);
        if matches!(&*lower, "a" | "an") || (name_follows && lower == "another") {
            if name_follows {
                return Some(head_start);
            }
            break;
        }
        let age = previous.text.ends_with("-year-old");
        if skipped >= 2
            || !(age || (previous.is_lowercase_word() && !FUNCTION_WORDS.contains(&*lower)))
        {
            return None;
        }
        skipped += 1;
        cursor -= 1;
    }
    let article_token = tokens.get(cursor - 1)?;
    let before = article.text.get(sentence.span.start..article_token.start)?;
    let comma = before.strip_suffix(", ")?;
    let person_end = sentence.span.start + comma.len();
    annotations
        .by_sentence
        .get(sentence.index)?
        .iter()
        .filter_map(|&index| annotations.mentions.get(index))
        .any(|mention| mention.tag() == Tag::Per && mention.span.end == person_end)
        .then_some(head_start)
}

/// "urged Sudanese to …", "Lebanese who fled": a demonym whose adjective is also its plural
/// noun (-ese, -ish, -ch, -ss), standing alone before a clause word, names the people of
/// `place` (the demonym's country). Not after "in" ("in Chinese" is a language), not before a noun or a
/// name, and not in "Sudanese and Egyptian officials".
fn demonym_as_noun(
    context: &Context<'_>,
    sentence: &Sentence,
    tokens: &[Token<'_>],
    index: usize,
    annotations: &Annotations,
    place: usize,
) -> Option<usize> {
    let token = tokens.get(index)?;
    if !["ese", "ish", "ch", "ss"].iter().any(|ending| token.text.ends_with(ending)) {
        return None;
    }
    let after = context.article.text.get(token.end..sentence.span.end)?;
    // Only a clause word after it: before punctuation it may be a language ("learned
    // Chinese.", "translated into English,").
    let clause_follows = tokens.get(index + 1).is_some_and(|next| {
        context.article.text.get(token.end..next.start) == Some(" ")
            && matches!(
                next.text,
                "to" | "who" | "were" | "are" | "have" | "had" | "living" | "fled" | "say" | "said"
            )
    });
    let previous_in = index
        .checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|previous| matches!(previous.text, "in" | "In" | "speak" | "spoke"));
    (clause_follows
        && !previous_in
        && !after.starts_with('-')
        && !annotations.overlaps(sentence.index, token.start, token.end))
    .then_some(place)
}

/// Titles found by the name finder that are something else here: a plural title with no name
/// after it names a group of people ("doctors said", "two senior officials in the ministry"),
/// and a military rank that is also an adjective, right before a lowercase word, is that
/// adjective ("a private equity firm", "a major company").
fn retype_titles(
    context: &Context<'_>,
    sentence: &Sentence,
    tokens: &[Token<'_>],
    annotations: &mut Annotations,
) {
    let article = context.article;
    let lexicon = context.lexicon;
    let Some(list) = annotations.by_sentence.get(sentence.index) else { return };
    let titles: Vec<usize> = list
        .iter()
        .copied()
        .filter(|&index| annotations.mentions.get(index).is_some_and(|m| m.tag() == Tag::Ttl))
        .collect();
    for title_index in titles {
        let Some(title) = annotations.mentions.get(title_index) else { continue };
        let (start, end) = (title.span.start, title.span.end);
        let lower = title.text.to_lowercase();
        let next = tokens.iter().find(|token| token.start > end);
        let joined = next.is_some_and(|next| article.text.get(end..next.start) == Some(" "));
        let person_follows = joined
            && next.is_some_and(|next| {
                annotations
                    .mention_at(sentence.index, next.start)
                    .and_then(|index| annotations.mentions.get(index))
                    .is_some_and(|mention| mention.tag() == Tag::Per)
            });
        if person_follows {
            continue;
        }
        let rank_as_adjective = title.text.chars().next().is_some_and(char::is_lowercase)
            && !lower.contains(' ')
            && lexicon.title(&lower).is_some_and(|found| found.role == TitleRole::Military)
            && joined
            && next.is_some_and(|next| {
                next.is_lowercase_word() && !FUNCTION_WORDS.contains(next.text)
            });
        if rank_as_adjective {
            if let Some(mention) = annotations.mentions.get_mut(title_index) {
                mention.tag = None;
                mention.inner = true;
            }
            continue;
        }
        // Leaders ("world leaders") and bare "officials" ("officials said") are the wire's
        // anonymous attributions, not a group the story is about.
        // The title may carry modifiers of its own ("two officials"): its last words decide.
        let Some(plural_title) = lower
            .match_indices(' ')
            .map(|(space, _)| &lower[space + 1..])
            .chain(std::iter::once(lower.as_str()))
            .filter(|suffix| is_plural_title(lexicon, suffix))
            .max_by_key(|suffix| suffix.len())
        else {
            continue;
        };
        if lexicon.title(plural_title).is_some_and(|found| found.role == TitleRole::Leader)
            || (lower == "officials" && !determined(context, sentence, tokens, start, annotations))
        {
            continue;
        }
        // "French diplomats": a demonym before the group gives its nationality.
        let previous = tokens.iter().rev().find(|token| token.end < start);
        let demonym = previous.and_then(|previous| {
            let (place, false) = lexicon.demonym(previous.text)? else { return None };
            (article.text.get(previous.end..start) == Some(" ")
                && !annotations.overlaps(sentence.index, previous.start, previous.end))
            .then_some((place, previous.start))
        });
        let group_start = demonym.map_or(start, |(_, demonym_start)| demonym_start);
        let head = lower.rsplit(' ').next().unwrap_or(&lower).to_owned();
        if let Some(mention) = annotations.mentions.get_mut(title_index) {
            mention.span = article.span(group_start, end);
            mention.text = article.text[group_start..end].to_owned();
            mention.tag = Some(Tag::Grp);
            mention.class = "PersonGroup".into();
            mention.class_iri = ng::PERSON_GROUP.into();
            mention.head = Some(head);
            mention.category = Some(NounCategory::People);
            mention.plural = true;
            mention.nationality = demonym.map(|(place, _)| place);
        }
    }
}

/// Whether a determiner, a number or a demonym comes right before a byte offset ("the two
/// officials", "French officials").
fn determined(
    context: &Context<'_>,
    sentence: &Sentence,
    tokens: &[Token<'_>],
    start: usize,
    annotations: &Annotations,
) -> bool {
    let Some(previous) = tokens.iter().rev().find(|token| token.end < start) else { return false };
    if context.article.text.get(previous.end..start) != Some(" ") {
        return false;
    }
    let lower = crate::lexicon::lowercase(previous.text);
    DETERMINERS.contains(&&*lower)
        || context.lexicon.demonym(previous.text).is_some()
        || annotations
            .mention_at(sentence.index, previous.start)
            .and_then(|index| annotations.mentions.get(index))
            .is_some_and(|mention| mention.tag() == Tag::Qty)
}

/// Whether a lowercase title is the plural of a title ("officials", "spokesmen", "deputies").
fn is_plural_title(lexicon: &crate::lexicon::Lexicon, lower: &str) -> bool {
    let singular = |stem: &str, ending: &str| lexicon.title(&format!("{stem}{ending}")).is_some();
    lower.strip_suffix("men").is_some_and(|stem| singular(stem, "man"))
        || lower.strip_suffix("ies").is_some_and(|stem| singular(stem, "y"))
        || lower.strip_suffix('s').is_some_and(|stem| singular(stem, ""))
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
    use super::super::testing::{fact_lines, labels_of_class};

    /// A plural title with no name after it is a group of people, with the nationality of a
    /// demonym before it; bare "officials" and "leaders" stay anonymous attributions.
    #[test]
    fn plural_titles_without_names_are_groups() {
        let cases: [(&str, &[&str]); 5] = [
            ("Witnesses and doctors said the clinic was shelled.", &["Witnesses", "doctors"]),
            ("Two senior officials in the ministry resigned.", &["senior officials"]),
            ("Italian diplomats said the talks had stalled.", &["Italian diplomats"]),
            ("Officials said the road was closed.", &[]),
            ("World leaders said the talks had stalled.", &[]),
        ];
        for (text, expected) in cases {
            let mut groups = labels_of_class(text, "PersonGroup");
            groups.sort();
            let mut expected: Vec<String> = expected.iter().map(|&l| l.to_owned()).collect();
            expected.sort();
            assert_eq!(groups, expected, "{text}");
        }
        assert!(fact_lines("Italian diplomats said the talks had stalled.")
            .contains(&"event:Statement — speaker — Italian diplomats".to_owned()));
    }

    /// A demonym whose adjective is its plural noun names the country's people when it stands
    /// alone; a language ("in Japanese") or an adjective before "and" does not.
    #[test]
    fn demonyms_used_as_nouns() {
        let cases: [(&str, &[&str]); 6] = [
            ("The party urged Lebanese to vote.", &["Lebanese"]),
            ("The French were furious.", &["French"]),
            ("She learned Chinese.", &[]),
            ("The book was translated into English.", &[]),
            ("She spoke in Japanese to the jury.", &[]),
            ("Sudanese and Chadian patrols met at the border.", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(labels_of_class(text, "PersonGroup"), expected, "{text}");
        }
    }

    /// A counted group keeps its noun: the group is a node, the count a quantity.
    #[test]
    fn counted_firefighters_are_a_group() {
        let groups =
            labels_of_class("More than 2,000 firefighters battled the blaze.", "PersonGroup");
        assert_eq!(groups, ["firefighters"]);
    }

    /// A noun that is also a title is a title before a personal name (with one modifier) and
    /// in an indefinite apposition; elsewhere it stays a description.
    #[test]
    fn title_nouns_before_names_and_in_appositions() {
        let cases: [(&str, &[&str], &[&str]); 4] = [
            (
                "\"We are done,\" presiding judge Anne Roy said.",
                &["Anne Roy — jobTitle — presiding judge"],
                &["Anne Roy — jobTitle — judge"],
            ),
            (
                "Tom Hale, an analyst at Quorum Bank, said prices would rise.",
                &["Tom Hale — jobTitle — analyst", "Tom Hale — worksFor — Quorum Bank"],
                &[],
            ),
            ("An analyst at Quorum Bank said prices would rise.", &[], &["jobTitle"]),
            (
                "Its former sales director, Nadia Roy, was fined.",
                &[],
                &["Nadia Roy — jobTitle — director"],
            ),
        ];
        for (text, present, absent) in cases {
            let facts = fact_lines(text);
            for fact in present {
                assert!(facts.iter().any(|line| line == fact), "{text}: {fact} in {facts:?}");
            }
            for fact in absent {
                assert!(
                    !facts.iter().any(|line| line.contains(fact)),
                    "{text}: {fact} in {facts:?}"
                );
            }
        }
        // The judge is a person's title, not a mention of a court.
        assert!(labels_of_class("Presiding judge Anne Roy adjourned.", "Court").is_empty());
        // Before a name after a comma, an indefinite noun is a title too.
        let shadow = |text: &str| {
            crate::Article::parse(text)
                .map(|article| super::super::explain(&article))
                .unwrap_or_default()
        };
        for (text, title) in [
            ("Another analyst, Anne Roy, said it was cheap.", "Another ⟨TTL/Title:"),
            ("Among the dead was a retired teacher, Anne Roy.", "a retired ⟨TTL/Title:"),
            ("Analysts said it was cheap.", "⟨GRP/PersonGr:"),
        ] {
            assert!(shadow(text).contains(title), "{text}: {}", shadow(text));
        }
    }

    /// A military rank that is also an adjective is that adjective before a lowercase word, so
    /// the country reaches the name ("a Canadian private equity firm"); before a name it is a rank.
    #[test]
    fn ranks_as_adjectives() {
        let facts = fact_lines("Private Tom Hale was wounded.");
        assert!(facts.contains(&"Tom Hale — jobTitle — private".to_owned()), "{facts:?}");
        let titles =
            fact_lines("A U.S. private equity firm, Nordcap Holdings, bought Brelle Holdings.");
        assert!(!titles.iter().any(|line| line.contains("jobTitle")), "{titles:?}");
    }

    /// A country's possessive before an organisation noun gives it its nationality and keeps
    /// the portfolio ("Peru's health ministry"), so another country's authorities are another
    /// body.
    #[test]
    fn possessive_countries_of_organisations() {
        let text =
            "Peru's health ministry said the outbreak was over. The French authorities agreed.";
        let mut bodies = labels_of_class(text, "GovernmentOrganization");
        bodies.sort();
        assert_eq!(bodies, ["French authorities", "health ministry"]);
    }

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
