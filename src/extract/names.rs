//! Names: lexicon entries (places, organisations, instruments, named events), titles,
//! people, unknown capitalised names classified by context, and pronouns.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use super::tokens::Token;
use super::{Annotations, Context, Mention, Tag};
use crate::article::Sentence;
use crate::lexicon::{organization_class, EntryKind, Gender};
use crate::vocab::{ng, schema};

/// English closed-class words, from `data/lexicons/function_words.txt`.
pub(crate) static FUNCTION_WORDS: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| {
        include_str!("../../data/lexicons/function_words.txt")
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .collect()
    });

/// Last words that make an unknown name an organisation or facility, from
/// `data/lexicons/name_heads.tsv`.
static NAME_HEADS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    include_str!("../../data/lexicons/name_heads.tsv")
        .lines()
        .skip_while(|line| line.starts_with('#'))
        .skip(1)
        .filter_map(|line| line.split_once('\t'))
        .collect()
});

const HONORIFICS: [&str; 8] = ["Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Mr", "Mrs", "Ms"];

/// Finds the names of a sentence.
pub(crate) fn find(
    context: &Context<'_>,
    sentence: &Sentence,
    tokens: &[Token<'_>],
    annotations: &mut Annotations,
) {
    let article = context.article;
    let lexicon = context.lexicon;
    let text = article.slice(sentence.span);
    let base = sentence.span.start;

    for (start, end, entry_index) in lexicon.find_names(text) {
        let (abs_start, abs_end) = (base + start, base + end);
        if annotations.overlaps(sentence.index, abs_start, abs_end) {
            continue;
        }
        let Some(entry) = lexicon.entry(entry_index) else { continue };
        // A town or region name right after a capitalised word is the tail of a longer name
        // ("Abdikadir Farah", "Integrated Stabilization Mission"), not the place.
        if matches!(entry.kind, EntryKind::City | EntryKind::Region) {
            let previous = tokens.iter().rev().find(|token| token.end <= abs_start);
            let joined = previous.is_some_and(|token| {
                article.text.get(token.end..abs_start) == Some(" ")
                    && token.is_capitalized()
                    && !token.initial
                    && !FUNCTION_WORDS.contains(token.text.to_lowercase().as_str())
                    && lexicon.demonym(token.text).is_none()
                    && !lexicon.title_starts_with(token.text)
            });
            if joined {
                continue;
            }
        }
        let (tag, class) = match entry.kind {
            EntryKind::Country => (Tag::Gpe, "Country"),
            EntryKind::Region => (Tag::Gpe, "AdministrativeArea"),
            EntryKind::City => (Tag::Gpe, "City"),
            EntryKind::Organization => (Tag::Org, local_name(&entry.class)),
            EntryKind::Instrument => (Tag::Law, "LegalInstrument"),
            EntryKind::NamedEvent => (Tag::Evt, local_name(&entry.class)),
        };
        // A demonym-like lexicon hit is left to the description stage.
        annotations.push(Mention {
            sentence: sentence.index,
            span: article.span(abs_start, abs_end),
            tag: Some(tag),
            class: class.to_owned(),
            class_iri: entry.class.clone(),
            text: text[start..end].to_owned(),
            entry: Some(entry_index),
            proper: true,
            definite: true,
            ..Mention::default()
        });
    }

    // Titles: up to three lowercase words ("prime minister", "foreign minister").
    let mut index = 0;
    while index < tokens.len() {
        let mut matched = None;
        let starts_title =
            tokens.get(index).is_some_and(|token| lexicon.title_starts_with(token.text));
        for length in (1..=3).rev().filter(|_| starts_title) {
            let Some(last) = tokens.get(index + length - 1) else { continue };
            let Some(first) = tokens.get(index) else { continue };
            let phrase = text[first.start - base..last.end - base].to_lowercase();
            // Words that also describe groups ("militants", "judges") are descriptions.
            if let Some(title) = lexicon.title(&phrase).filter(|_| lexicon.noun(&phrase).is_none())
                && !annotations.overlaps(sentence.index, first.start, last.end)
            {
                matched = Some((length, first.start, last.end, title.gender));
                break;
            }
        }
        if let Some((length, start, end, gender)) = matched {
            annotations.push(Mention {
                sentence: sentence.index,
                span: article.span(start, end),
                tag: Some(Tag::Ttl),
                class: "Title".into(),
                text: article.text[start..end].to_owned(),
                gender,
                ..Mention::default()
            });
            index += length;
        } else {
            index += 1;
        }
    }

    // Capitalised runs not claimed yet: people, organisations and places by context.
    let mut index = 0;
    while index < tokens.len() {
        let Some(token) = tokens.get(index) else { break };
        if !is_name_token(token) || annotations.overlaps(sentence.index, token.start, token.end) {
            index += 1;
            continue;
        }
        let mut last = index;
        while let Some(next) = tokens.get(last + 1) {
            let gap = &article.text[tokens[last].end..next.start];
            if gap != " "
                || !is_name_token(next)
                || annotations.overlaps(sentence.index, next.start, next.end)
            {
                break;
            }
            last += 1;
        }
        // "Salar Minerals S.A.", "Acme PLC": a company suffix in capitals ends the name.
        while let Some(next) = tokens.get(last + 1) {
            let suffix = NAME_HEADS.get(next.text) == Some(&"Company") && !is_name_token(next);
            if !suffix || article.text.get(tokens[last].end..next.start) != Some(" ") {
                break;
            }
            last += 1;
        }
        // "Securities and Exchange Commission", "Court of Appeal for Ontario": connectors
        // join capitalised words when the name ends in an organisation or facility word.
        let mut extended = last;
        let mut probe = last;
        while let (Some(connector), Some(next)) = (tokens.get(probe + 1), tokens.get(probe + 2)) {
            let joined = matches!(connector.text, "and" | "of" | "for" | "on" | "de")
                && article.text.get(tokens[probe].end..connector.start) == Some(" ")
                && article.text.get(connector.end..next.start) == Some(" ")
                && is_name_token(next)
                && !annotations.overlaps(sentence.index, next.start, next.end);
            if !joined {
                break;
            }
            probe += 2;
            while let Some(following) = tokens.get(probe + 1) {
                if article.text.get(tokens[probe].end..following.start) != Some(" ")
                    || !is_name_token(following)
                    || annotations.overlaps(sentence.index, following.start, following.end)
                {
                    break;
                }
                probe += 1;
            }
            if tokens.get(probe).is_some_and(|token| NAME_HEADS.contains_key(token.text)) {
                extended = probe;
            }
        }
        let last = extended;
        let run = &tokens[index..=last];
        index = last + 1;
        classify_run(context, sentence, tokens, run, annotations);
    }

    acronyms(context, sentence, tokens, annotations);

    for token in tokens {
        let lower = token.text.to_lowercase();
        let (plural, gender) = match lower.as_str() {
            "he" | "him" => (false, Some(Gender::Male)),
            "she" => (false, Some(Gender::Female)),
            "it" => (false, None),
            "they" | "them" => (true, None),
            _ => continue,
        };
        if annotations.overlaps(sentence.index, token.start, token.end) {
            continue;
        }
        annotations.push(Mention {
            sentence: sentence.index,
            span: article.span(token.start, token.end),
            tag: Some(Tag::Pro),
            class: lower.clone(),
            text: token.text.to_owned(),
            plural,
            gender,
            ..Mention::default()
        });
    }
}

fn is_name_token(token: &Token<'_>) -> bool {
    token.is_capitalized()
        && token.text.chars().any(char::is_lowercase)
        && !token.text.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
}

fn classify_run(
    context: &Context<'_>,
    sentence: &Sentence,
    tokens: &[Token<'_>],
    run: &[Token<'_>],
    annotations: &mut Annotations,
) {
    let article = context.article;
    let lexicon = context.lexicon;
    let mut run = run;
    // Drop sentence-initial function words and demonyms ("The", "After", "Russian").
    while let Some(first) = run.first() {
        let lower = first.text.to_lowercase();
        let drop = (first.initial
            && (FUNCTION_WORDS.contains(lower.as_str()) || lexicon.noun(&lower).is_some()))
            || lexicon.demonym(first.text).is_some()
            || HONORIFICS.contains(&first.text)
            || super::dates::month_number(first.text).is_some()
            || is_weekday(first.text);
        if !drop {
            break;
        }
        run = &run[1..];
    }
    while let Some(last) = run.last() {
        if lexicon.demonym(last.text).is_some() {
            run = &run[..run.len() - 1];
        } else {
            break;
        }
    }
    let (Some(mut first), Some(last)) = (run.first(), run.last()) else { return };
    // A lexicon place right before a name that ends in an organisation or facility word is part
    // of that name ("Bani Palace Hotel", "Ghana Unity Congress"), and so is a city name before a
    // capitalised word ("Meridian Digital"): the place mention gives way.
    let mut absorbed_place = None;
    if let Some(place_index) = place_right_before(context, annotations, sentence, first) {
        let heads = NAME_HEADS.contains_key(last.text);
        let is_city = annotations
            .mentions
            .get(place_index)
            .and_then(|mention| mention.entry)
            .and_then(|entry| lexicon.entry(entry))
            .is_some_and(|entry| matches!(entry.kind, EntryKind::City | EntryKind::Region));
        if heads || is_city {
            absorbed_place = Some(place_index);
        }
    }
    let widened;
    if let Some(place) = absorbed_place.and_then(|index| annotations.mentions.get(index)) {
        widened = Token { start: place.span.start, ..*first };
        first = &widened;
    }
    if let Some(mention) = absorbed_place.and_then(|index| annotations.mentions.get_mut(index)) {
        mention.inner = true;
    }
    let position = tokens.iter().position(|token| token.start == first.start).unwrap_or(0);
    let previous = position.checked_sub(1).and_then(|p| tokens.get(p));
    let next = tokens.iter().find(|token| token.start >= last.end);
    let name = &article.text[first.start..last.end];
    let words: Vec<&str> = run.iter().map(|token| token.text).collect();

    // "Foo-based": a place.
    if run.len() == 1
        && let Some(place) = first.text.strip_suffix("-based")
    {
        push_kind(
            context,
            sentence,
            first.start,
            first.start + place.len(),
            Kind::Place,
            annotations,
        );
        return;
    }
    let honorific = previous.is_some_and(|token| HONORIFICS.contains(&token.text));
    let after_title = annotations
        .by_sentence
        .get(sentence.index)
        .into_iter()
        .flatten()
        .filter_map(|&index| annotations.mentions.get(index))
        .any(|mention| {
            mention.tag == Some(Tag::Ttl)
                && article
                    .text
                    .get(mention.span.end..first.start)
                    .is_some_and(|gap| gap.trim().is_empty())
        });
    let given = lexicon.given_name(first.text);
    if let Some(class) = NAME_HEADS.get(last.text)
        && (run.len() > 1 || !first.initial)
    {
        let (tag, class_iri, class_name) = if *class == "Facility" {
            (Tag::Fac, ng::FACILITY.to_owned(), "Facility".to_owned())
        } else if *class == "LegalInstrument" {
            (Tag::Law, ng::LEGAL_INSTRUMENT.to_owned(), "LegalInstrument".to_owned())
        } else {
            let iri = organization_class(class).unwrap_or_else(|| schema::ORGANIZATION.to_owned());
            (Tag::Org, iri, (*class).to_owned())
        };
        push_name(
            context,
            sentence,
            first.start,
            last.end,
            tag,
            &class_name,
            &class_iri,
            annotations,
        );
        return;
    }
    // "the monitoring group OVD-Info", "the company Acme": a name after an organisation noun.
    let after_org_noun = previous.is_some_and(|token| {
        matches!(
            token.text,
            "group"
                | "company"
                | "firm"
                | "party"
                | "agency"
                | "organisation"
                | "organization"
                | "movement"
                | "network"
                | "militia"
                | "charity"
                | "bank"
                | "newspaper"
                | "broadcaster"
                | "watchdog"
        )
    });
    if after_org_noun && !first.initial {
        push_kind(context, sentence, first.start, last.end, Kind::Organization, annotations);
        return;
    }
    if honorific || after_title || (given.is_some() && (run.len() > 1 || !first.initial)) {
        let gender = given.flatten().or(match previous.map(|token| token.text) {
            Some("Mr." | "Mr") => Some(Gender::Male),
            Some("Mrs." | "Mrs" | "Ms." | "Ms") => Some(Gender::Female),
            _ => None,
        });
        let index = push_kind(context, sentence, first.start, last.end, Kind::Person, annotations);
        if let Some(mention) = annotations.mentions.get_mut(index) {
            mention.gender = gender;
        }
        return;
    }
    if first.initial && run.len() == 1 {
        // A lone capitalised first word is usually an ordinary word; a later mention of a
        // known person's surname is resolved by coreference instead.
        if !is_known_surname(annotations, name) && !is_known_org_head(annotations, name) {
            return;
        }
    }
    // "the Commission" after "the European Commission": the last word of a known
    // organisation's name stands for it.
    if run.len() == 1 && is_known_org_head(annotations, name) {
        push_kind(context, sentence, first.start, last.end, Kind::Organization, annotations);
        return;
    }
    if is_known_surname(annotations, name) {
        push_kind(context, sentence, first.start, last.end, Kind::Person, annotations);
        return;
    }
    // "Zhou said", "said Nasima Akter": whoever says or tells something is a person,
    // unless a lexicon or an organisation word said otherwise above.
    let rest = article.text.get(last.end..sentence.span.end).unwrap_or("");
    let says_after =
        rest.starts_with(" said") || rest.starts_with(" told") || rest.starts_with(" says");
    let says_before = previous.is_some_and(|token| matches!(token.text, "said" | "says" | "told"));
    if (says_after || says_before)
        && run.len() <= 3
        && !run.iter().any(|t| t.text.ends_with("-based"))
    {
        push_kind(context, sentence, first.start, last.end, Kind::Person, annotations);
        return;
    }
    let preposition = previous.map(|token| token.text.to_lowercase());
    let place_context =
        matches!(preposition.as_deref(), Some("in" | "at" | "near" | "from" | "to" | "outside"))
            || next.is_some_and(|token| {
                lexicon.noun(token.text).is_some_and(|(noun, _)| {
                    matches!(
                        noun.category,
                        crate::lexicon::NounCategory::Facility
                            | crate::lexicon::NounCategory::Event
                    ) && token.is_lowercase_word()
                })
            });
    if place_context && words.len() <= 3 {
        push_kind(context, sentence, first.start, last.end, Kind::Place, annotations);
        return;
    }
    if let Some(place) = absorbed_place {
        // "Meridian Digital": a city name followed by a name is an organisation's name.
        let index =
            push_kind(context, sentence, first.start, last.end, Kind::Organization, annotations);
        if let Some(mention) = annotations.mentions.get_mut(index) {
            mention.nested.push(place);
        }
        if let Some(mention) = annotations.mentions.get_mut(place) {
            mention.inner = true;
        }
        return;
    }
    annotations.diagnostics.push(crate::graph::Diagnostic {
        stage: "names",
        span: Some(article.span(first.start, last.end)),
        message: format!(
            "unknown name {name:?} left out: no lexicon entry and no context that tells what it is"
        ),
    });
}

/// A lexicon place mention that ends one space before `token`.
fn place_right_before(
    context: &Context<'_>,
    annotations: &Annotations,
    sentence: &Sentence,
    token: &Token<'_>,
) -> Option<usize> {
    let before = token.start.checked_sub(1)?;
    if context.article.text.get(before..token.start) != Some(" ") {
        return None;
    }
    let index = annotations.mention_at(sentence.index, before.checked_sub(1)?)?;
    let mention = annotations.mentions.get(index)?;
    (mention.tag == Some(Tag::Gpe) && mention.entry.is_some() && mention.span.end == before)
        .then_some(index)
}

/// Acronyms: "the Securities and Exchange Commission (SEC)" defines SEC; later "SEC" (or
/// "the SEC") refers to the same thing.
fn acronyms(
    context: &Context<'_>,
    sentence: &Sentence,
    tokens: &[Token<'_>],
    annotations: &mut Annotations,
) {
    let article = context.article;
    for token in tokens {
        let is_acronym = token.text.len() >= 2
            && token.text.len() <= 8
            && token.text.chars().all(|c| c.is_ascii_uppercase())
            && !annotations.overlaps(sentence.index, token.start, token.end);
        if !is_acronym {
            continue;
        }
        let before = article.text.get(..token.start).unwrap_or("");
        let after = article.text.get(token.end..).unwrap_or("");
        let definition = if before.ends_with('(') && after.starts_with(')') {
            // The name right before " (": the mention that ends there.
            before
                .trim_end_matches('(')
                .trim_end()
                .len()
                .checked_sub(1)
                .and_then(|last| annotations.mention_at(sentence.index, last))
        } else {
            None
        };
        let Some(target) = definition.or_else(|| annotations.acronyms.get(token.text).copied())
        else {
            continue;
        };
        let Some(full) = annotations.mentions.get(target).cloned() else { continue };
        if !matches!(full.tag(), Tag::Org | Tag::Gpe | Tag::Law | Tag::Fac | Tag::Grp) {
            continue;
        }
        annotations.acronyms.entry(token.text.to_owned()).or_insert(target);
        annotations.push(Mention {
            sentence: sentence.index,
            span: article.span(token.start, token.end),
            tag: full.tag,
            class: full.class.clone(),
            class_iri: full.class_iri.clone(),
            text: token.text.to_owned(),
            entry: full.entry,
            proper: true,
            definite: true,
            alias_of: Some(target),
            ..Mention::default()
        });
    }
}

fn is_weekday(word: &str) -> bool {
    matches!(
        word,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

fn is_known_org_head(annotations: &Annotations, name: &str) -> bool {
    name.len() > 3
        && annotations.mentions.iter().any(|mention| {
            mention.tag == Some(Tag::Org)
                && mention.proper
                && mention.text != name
                && (mention.text.rsplit(' ').next() == Some(name)
                    // Companies go by their first word ("Huaxin" for "Huaxin New Energy Co").
                    || (mention.class == "Company" && mention.text.split(' ').next() == Some(name)))
        })
}

fn is_known_surname(annotations: &Annotations, name: &str) -> bool {
    annotations.mentions.iter().any(|mention| {
        mention.tag == Some(Tag::Per)
            && mention.text != name
            && mention.text.rsplit(' ').next() == Some(name)
    })
}

/// The kinds of name the context decides on, each with its tag and class.
#[derive(Clone, Copy)]
enum Kind {
    Person,
    Organization,
    Place,
}

/// Pushes a name mention of one of the kinds the context decides on.
fn push_kind(
    context: &Context<'_>,
    sentence: &Sentence,
    start: usize,
    end: usize,
    kind: Kind,
    annotations: &mut Annotations,
) -> usize {
    let (tag, class, class_iri) = match kind {
        Kind::Person => (Tag::Per, "Person", schema::PERSON),
        Kind::Organization => (Tag::Org, "Organization", schema::ORGANIZATION),
        Kind::Place => (Tag::Gpe, "Place", schema::PLACE),
    };
    push_name(context, sentence, start, end, tag, class, class_iri, annotations)
}

#[expect(clippy::too_many_arguments, reason = "a private constructor with one call shape")]
fn push_name(
    context: &Context<'_>,
    sentence: &Sentence,
    start: usize,
    end: usize,
    tag: Tag,
    class: &str,
    class_iri: &str,
    annotations: &mut Annotations,
) -> usize {
    annotations.push(Mention {
        sentence: sentence.index,
        span: context.article.span(start, end),
        tag: Some(tag),
        class: class.to_owned(),
        class_iri: class_iri.to_owned(),
        text: context.article.text[start..end].to_owned(),
        proper: true,
        definite: true,
        ..Mention::default()
    })
}

/// The part of an IRI after its last `#` or `/`.
pub(crate) fn local_name(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or(iri)
}
