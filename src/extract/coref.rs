//! Coreference: mentions become entities. Names by lexicon entry or spelling, surnames to full
//! names, descriptions to the latest compatible entity, pronouns to the latest entity that agrees.

use rustc_hash::FxHashMap as HashMap;

use super::{Annotations, Context, Entity, Mention, Tag};
use crate::graph::Diagnostic;
use crate::lexicon::{EntryKind, NounCategory};

/// How far back (in sentences) a pronoun looks for its antecedent.
const PRONOUN_WINDOW: usize = 3;

/// How many of the mentions before a pronoun (within [`PRONOUN_WINDOW`]) it looks at, latest
/// first. Three sentences of news hold a few dozen; the cap bounds a pronoun's cost in a
/// stretch of text crowded with names.
const MAX_PRONOUN_CANDIDATES: usize = 100;

/// How many entities an antecedent search looks at: the ones introduced last. An article of
/// a few thousand words has well under a hundred; the cap keeps each search bounded in a very
/// long text, where an entity introduced earlier than that is not found again (a later
/// mention of it becomes an entity of its own). A diagnostic says when an article has more.
pub(crate) const MAX_ANTECEDENT_ENTITIES: usize = 400;

/// The entities an antecedent search looks at, latest first (see
/// [`MAX_ANTECEDENT_ENTITIES`]).
fn recent_entities(annotations: &Annotations) -> impl Iterator<Item = (usize, &Entity)> {
    let skip = annotations.entities.len().saturating_sub(MAX_ANTECEDENT_ENTITIES);
    annotations.entities.iter().enumerate().skip(skip).rev()
}

/// Indexes built once per article so that no mention scans all the others.
#[derive(Debug, Default)]
struct Index {
    /// Mentions already resolved to an entity (no pronouns), in text order, from the
    /// sentences a pronoun may look back at.
    recent: std::collections::VecDeque<usize>,
    /// Titles by their last word, lowercase ("judge"): where each is and the person mention
    /// right after it, in text order.
    titles: HashMap<String, Vec<TitledPerson>>,
}

/// A title right before a person's name ("Judge Richard Ashworth").
#[derive(Debug, Clone, Copy)]
struct TitledPerson {
    title_start: usize,
    title_end: usize,
    person: usize,
}

impl Index {
    fn new(annotations: &Annotations) -> Self {
        let mut persons: HashMap<(usize, usize), usize> = HashMap::default();
        for (index, mention) in annotations.mentions.iter().enumerate() {
            if mention.tag() == Tag::Per {
                persons.entry((mention.sentence, mention.span.start)).or_insert(index);
            }
        }
        let mut titles: HashMap<String, Vec<TitledPerson>> = HashMap::default();
        for title in annotations.mentions.iter().filter(|m| m.tag() == Tag::Ttl) {
            let Some(&person) = persons.get(&(title.sentence, title.span.end + 1)) else {
                continue;
            };
            let lower = title.text.to_lowercase();
            let head = lower.rsplit(' ').next().unwrap_or_default().to_owned();
            titles.entry(head).or_default().push(TitledPerson {
                title_start: title.span.start,
                title_end: title.span.end,
                person,
            });
        }
        for list in titles.values_mut() {
            list.sort_by_key(|titled| titled.title_start);
        }
        Self { recent: std::collections::VecDeque::new(), titles }
    }

    /// Records a resolved mention, and forgets those too far back for any pronoun from here.
    fn resolved(&mut self, annotations: &Annotations, mention_index: usize) {
        let Some(mention) = annotations.mentions.get(mention_index) else { return };
        while let Some(&front) = self.recent.front() {
            match annotations.mentions.get(front) {
                Some(old) if old.sentence + PRONOUN_WINDOW >= mention.sentence => break,
                _ => self.recent.pop_front(),
            };
        }
        if mention.entity.is_some() && mention.tag() != Tag::Pro {
            self.recent.push_back(mention_index);
        }
    }
}

/// What identifies a named entity within an article: its lexicon entry or its spelling.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Entry(usize),
    Name(String),
}

/// Groups mentions into entities.
pub(crate) fn resolve(context: &Context<'_>, annotations: &mut Annotations) {
    let mut order: Vec<usize> = (0..annotations.mentions.len())
        // A mention without a tag was given up for a longer name ("Bani" in "Bani Palace Hotel").
        .filter(|&index| {
            annotations.mentions.get(index).is_some_and(|m| m.tag.is_some_and(Tag::is_referential))
        })
        .collect();
    order.sort_by_key(|&index| annotations.mentions.get(index).map(|m| (m.span.start, m.span.end)));
    let mut by_key: HashMap<Key, usize> = HashMap::default();
    let mut index = Index::new(annotations);
    for mention_index in order {
        // The mention is moved out while it is resolved (and back after): cheaper than a clone.
        let Some(slot) = annotations.mentions.get_mut(mention_index) else { continue };
        let mention = std::mem::take(slot);
        let entity =
            resolve_mention(context, annotations, &mut by_key, &index, mention_index, &mention);
        if let Some(slot) = annotations.mentions.get_mut(mention_index) {
            *slot = mention;
            slot.entity = entity;
        }
        index.resolved(annotations, mention_index);
    }
    if annotations.entities.len() > MAX_ANTECEDENT_ENTITIES {
        annotations.diagnostics.push(Diagnostic {
            stage: "coref",
            span: None,
            message: format!(
                "the article has {} entities; antecedents were looked for among the {} \
                 introduced last only",
                annotations.entities.len(),
                MAX_ANTECEDENT_ENTITIES
            ),
        });
    }
    label_descriptions(annotations);
}

/// Finds or creates the entity of one mention, and records the mention on it.
fn resolve_mention(
    context: &Context<'_>,
    annotations: &mut Annotations,
    by_key: &mut HashMap<Key, usize>,
    index: &Index,
    mention_index: usize,
    mention: &Mention,
) -> Option<usize> {
    let aliased = mention
        .alias_of
        .and_then(|full| annotations.mentions.get(full))
        .and_then(|full| full.entity);
    let found = match mention.tag() {
        _ if aliased.is_some() => aliased,
        Tag::Pro => pronoun_antecedent(annotations, index, mention),
        _ if mention.entry.is_some() => mention
            .entry
            .and_then(|entry| by_key.get(&Key::Entry(entry)).copied())
            .or_else(|| described_before(annotations, mention)),
        _ if mention.proper => proper_antecedent(context.lexicon, annotations, by_key, mention),
        _ => description_antecedent(context, annotations, index, mention),
    };
    let entity_index = match found {
        Some(entity_index) => entity_index,
        None if mention.tag() == Tag::Pro => {
            annotations.diagnostics.push(Diagnostic {
                stage: "coref",
                span: Some(mention.span),
                message: format!("no antecedent for pronoun {:?}", mention.text),
            });
            return None;
        }
        None => {
            let entity_index = annotations.entities.len();
            annotations.entities.push(new_entity(context, mention));
            entity_index
        }
    };
    let key = match (mention.entry, mention.proper) {
        (Some(entry), _) => Some(Key::Entry(entry)),
        (None, true) => Some(Key::Name(mention.text.to_lowercase())),
        _ => None,
    };
    if let Some(key) = key {
        by_key.entry(key).or_insert(entity_index);
    }
    if let Some(entity) = annotations.entities.get_mut(entity_index) {
        entity.mentions.push(mention_index);
        if mention.proper && !entity.names.contains(&mention.text) {
            entity.names.push(mention.text.clone());
        }
        if entity.nationality.is_none() {
            entity.nationality = mention.nationality;
        }
        if entity.gender.is_none() {
            entity.gender = mention.gender;
        }
        // A named mention of a described entity gives it its name.
        if entity.entry.is_none() && mention.entry.is_some() && !entity.proper {
            entity.entry = mention.entry;
            if let Some(entry) = mention.entry.and_then(|entry| context.lexicon.entry(entry)) {
                entity.label = entry.name.clone();
                entity.class_iri = entry.class.clone().into();
                entity.names = vec![entry.name.clone()];
                entity.proper = true;
            }
        }
        if mention.proper && !entity.proper {
            entity.proper = true;
            entity.label = strip_determiner(&mention.text).to_owned();
        }
    }
    Some(entity_index)
}

/// A described entity is labelled with its fullest description ("Russian security forces"
/// rather than "security forces"); the earliest wins a tie.
fn label_descriptions(annotations: &mut Annotations) {
    let Annotations { entities, mentions, .. } = annotations;
    for entity in
        entities.iter_mut().filter(|entity| !entity.proper && entity.tag != Some(Tag::Evt))
    {
        let best = entity
            .mentions
            .iter()
            .filter_map(|&m| mentions.get(m))
            .filter(|mention| mention.tag() == entity.tag.unwrap_or(Tag::Pro))
            .map(|mention| strip_determiner(&mention.text))
            .fold(None::<&str>, |best, text| match best {
                Some(best) if best.split(' ').count() >= text.split(' ').count() => Some(best),
                _ => Some(text),
            });
        if let Some(best) = best {
            entity.label = best.to_owned();
        }
    }
}

fn new_entity(context: &Context<'_>, mention: &Mention) -> Entity {
    let entry = mention.entry.and_then(|entry| context.lexicon.entry(entry));
    let label = entry
        .map_or_else(|| strip_determiner(&mention.text).to_owned(), |entry| entry.name.clone());
    let class_iri =
        entry.map_or_else(|| mention.class_iri.clone(), |entry| entry.class.clone().into());
    Entity {
        tag: mention.tag,
        class: mention.class.clone(),
        class_iri,
        names: if mention.proper { vec![label.clone()] } else { Vec::new() },
        label,
        entry: mention.entry,
        mentions: Vec::new(),
        nationality: mention.nationality,
        gender: mention.gender,
        plural: mention.plural,
        head: mention.head.clone(),
        category: mention.category,
        proper: mention.proper || mention.entry.is_some(),
    }
}

pub(crate) fn strip_determiner(text: &str) -> &str {
    for determiner in ["the ", "The ", "a ", "A ", "an ", "An ", "this ", "This ", "its ", "their "]
    {
        if let Some(rest) = text.strip_prefix(determiner) {
            return rest;
        }
    }
    text
}

/// "The country's top court ruled … The Supreme Court said": a lexicon name right after a
/// description of the same class names the described entity.
fn described_before(annotations: &Annotations, mention: &Mention) -> Option<usize> {
    if mention.tag() != Tag::Org {
        return None;
    }
    recent_entities(annotations).find_map(|(index, entity)| {
        let first_sentence = entity
            .mentions
            .first()
            .and_then(|&m| annotations.mentions.get(m))
            .map(|m| m.sentence)?;
        (!entity.proper
            && entity.entry.is_none()
            && entity.tag == Some(Tag::Org)
            && entity.class_iri == mention.class_iri
            && first_sentence + 1 >= mention.sentence)
            .then_some(index)
    })
}

fn proper_antecedent(
    lexicon: &crate::lexicon::Lexicon,
    annotations: &Annotations,
    by_key: &HashMap<Key, usize>,
    mention: &Mention,
) -> Option<usize> {
    if let Some(&entity) = by_key.get(&Key::Name(mention.text.to_lowercase())) {
        return Some(entity);
    }
    if mention.tag() == Tag::Org && mention.text.contains(' ') {
        // "Salar Minerals" for "Salar Minerals S.A.".
        return recent_entities(annotations).find_map(|(index, entity)| {
            (entity.tag == Some(Tag::Org)
                && entity.class == "Company"
                && entity
                    .names
                    .iter()
                    .any(|name| super::names::is_company_prefix(name, &mention.text)))
            .then_some(index)
        });
    }
    if mention.tag() == Tag::Org && !mention.text.contains(' ') {
        // "the Commission" for "the European Commission".
        return recent_entities(annotations).find_map(|(index, entity)| {
            (entity.tag == Some(Tag::Org)
                && entity.names.iter().any(|name| {
                    name.len() > mention.text.len()
                        && (name.rsplit(' ').next() == Some(mention.text.as_str())
                            // Companies go by their first word ("Huaxin").
                            || (entity.class == "Company"
                                && name.split(' ').next() == Some(mention.text.as_str())))
                }))
            .then_some(index)
        });
    }
    if mention.tag() == Tag::Per && !mention.text.contains(' ') {
        // A surname alone: the latest person whose name ends with it.
        let by_surname = recent_entities(annotations).find_map(|(index, entity)| {
            (entity.tag == Some(Tag::Per)
                && entity
                    .names
                    .iter()
                    .any(|name| super::names::is_surname_of(lexicon, name, &mention.text)))
            .then_some(index)
        });
        // Else a given name alone, as features call people ("Ahmed" after "Ahmed Mohamed"): the
        // latest person of two or three words whose name starts with it.
        return by_surname.or_else(|| {
            recent_entities(annotations).find_map(|(index, entity)| {
                (entity.tag == Some(Tag::Per)
                    && entity.names.iter().any(|name| {
                        let mut words = name.split(' ');
                        words.next() == Some(mention.text.as_str())
                            && (1..=2).contains(&words.count())
                    }))
                .then_some(index)
            })
        });
    }
    None
}

/// What a description's head noun stands for: the lexicon noun it is a form of ("courts" and
/// "court" are one), or the word itself.
#[derive(Debug, PartialEq, Eq)]
enum Lemma<'a> {
    Noun { class: &'a str, singular: &'a str, plural: &'a str },
    Word(&'a str),
}

fn lemma<'a>(lexicon: &'a crate::lexicon::Lexicon, head: &'a str) -> Lemma<'a> {
    match lexicon.noun(head) {
        Some((noun, _)) => {
            Lemma::Noun { class: &noun.class, singular: &noun.singular, plural: &noun.plural }
        }
        None => Lemma::Word(head),
    }
}

fn description_antecedent(
    context: &Context<'_>,
    annotations: &Annotations,
    index: &Index,
    mention: &Mention,
) -> Option<usize> {
    let category = mention.category?;
    let head = mention.head.as_deref().unwrap_or("");
    let own_lemma = lemma(context.lexicon, head);
    let latest = |predicate: &dyn Fn(&Entity) -> bool| -> Option<usize> {
        recent_entities(annotations).find(|(_, entity)| predicate(entity)).map(|(index, _)| index)
    };
    let nationality_agrees = |entity: &Entity| {
        mention.nationality.is_none()
            || entity.nationality.is_none()
            || entity.nationality == mention.nationality
    };
    // "Judge Richard Ashworth … the judge told him": one member named by a title is that person,
    // not the body (the judges, plural, are the court).
    if category == NounCategory::Member
        && !mention.plural
        && let Some(person) = titled_person(annotations, index, mention, head)
    {
        return Some(person);
    }
    // "an analyst", "another firm": a singular indefinite person or organisation is someone
    // new, not the group or body named before ("analysts", "the company"); only a demonym
    // makes it one of a national group ("two French citizens … a French citizen").
    if matches!(category, NounCategory::People | NounCategory::Org)
        && !mention.plural
        && indefinite(context, mention)
    {
        // "Acme Holdings, a Danish shipping company, said": an apposition is its name's.
        if let Some(named) = apposition_antecedent(context, annotations, mention) {
            return Some(named);
        }
        // Only a demonym makes it one of a national group.
        mention.nationality?;
    }
    // "the company", "the firm": the story's topic company, the one named most so far, rather
    // than the company named last (a stock exchange, a customer).
    if category == NounCategory::Org
        && mention.class == "Company"
        && mention.definite
        && !mention.plural
        && mention.nationality.is_none()
        && let Some(topic) = topic_company(annotations)
    {
        return Some(topic);
    }
    match category {
        // "the court", "the judges": the latest organisation of the same class.
        // "the French authorities" are not an office never called French, and "the ministry"
        // is not a named body without "ministry" in its name (the class alone is enough only
        // for the general heads: "the government", "the company").
        NounCategory::Org | NounCategory::Member => latest(&|entity| {
            entity.tag == Some(Tag::Org)
                && nationality_agrees(entity)
                && (mention.nationality.is_none()
                    || entity.entry.is_some()
                    || entity.nationality == mention.nationality
                    // "the government … Somalia's government".
                    || (!entity.proper
                        && entity.head.as_deref().is_some_and(|other| {
                            lemma(context.lexicon, other) == own_lemma
                        })))
                && (!entity.proper
                    || entity.entry.is_some()
                    || category == NounCategory::Member
                    || GENERAL_ORG_HEADS.contains(&lemma_singular(context.lexicon, head))
                    || named_with(entity, lemma_singular(context.lexicon, head)))
                && (entity.class == mention.class
                    || entity
                        .head
                        .as_deref()
                        .is_some_and(|other| lemma(context.lexicon, other) == own_lemma))
        }),
        // Security forces of one country are one actor within an article.
        // A plural description with a modifier of its own ("our security forces", "riot
        // police") is a group apart from a named force.
        // Soldiers are not the army: a plural description ("troops", "soldiers") and a
        // singular one ("the army", "the military") are a group and an institution.
        NounCategory::Security => latest(&|entity| {
            entity.class == "SecurityForce"
                && nationality_agrees(entity)
                && (entity.proper || entity.plural == mention.plural)
                && !(entity.proper
                    && mention.plural
                    && strip_determiner(&mention.text).contains(' '))
        }),
        // So are the attackers of an incident, however the story calls them.
        NounCategory::Armed => latest(&|entity| entity.class == "ArmedGroup"),
        NounCategory::People | NounCategory::Plaintiff => latest(&|entity| {
            entity.tag == Some(Tag::Grp)
                && entity
                    .head
                    .as_deref()
                    .is_some_and(|other| lemma(context.lexicon, other) == own_lemma)
                && nationality_agrees(entity)
        }),
        NounCategory::Facility => {
            let generic = head == "building" || head == "buildings";
            latest(&|entity| {
                entity.tag == Some(Tag::Fac)
                    && (generic
                        || entity
                            .head
                            .as_deref()
                            .is_some_and(|other| lemma(context.lexicon, other) == own_lemma))
            })
        }
        NounCategory::Event => {
            let incident = is_incident(&mention.class);
            latest(&|entity| {
                entity.tag == Some(Tag::Evt)
                    && (entity.class == mention.class || (incident && is_incident(&entity.class)))
                    && (mention.definite || incident)
                    // "the Sept 11, 2001 attacks" with a date of its own is another event.
                    && !has_own_date(annotations, mention)
            })
        }
        NounCategory::Generic => {
            latest(&|entity| entity.tag == Some(Tag::Evt) && is_incident(&entity.class))
        }
        NounCategory::PlaceType
        | NounCategory::SelfReference
        | NounCategory::Toll
        | NounCategory::Unit => None,
    }
    .filter(|&entity| {
        // Lexicon places never absorb descriptions.
        annotations.entities.get(entity).is_some_and(|e| {
            e.entry
                .and_then(|entry| context.lexicon.entry(entry))
                .is_none_or(|entry| !entry.kind.is_place())
                || e.tag != Some(Tag::Gpe)
        })
    })
    .or_else(|| {
        // Named places described later stay separate.
        let _ = EntryKind::City;
        None
    })
}

/// Organisation heads general enough to describe a named body of their class whatever its
/// name ("the company" for "Acme Holdings", "the government" for "the Kenyan cabinet").
const GENERAL_ORG_HEADS: [&str; 8] = [
    "company",
    "firm",
    "government",
    "administration",
    "authorities",
    "party",
    "court",
    "parliament",
];

/// The singular form of a description's head, lowercase ("ministries" → "ministry").
fn lemma_singular<'a>(lexicon: &'a crate::lexicon::Lexicon, head: &'a str) -> &'a str {
    match lexicon.noun(head) {
        Some((noun, _)) if !noun.singular.is_empty() => &noun.singular,
        // Plural-only nouns ("authorities").
        Some((noun, _)) => &noun.plural,
        None => head,
    }
}

/// Whether one of an entity's names has this word ("Ministry of Health" for "ministry").
fn named_with(entity: &Entity, word: &str) -> bool {
    !word.is_empty()
        && entity.names.iter().any(|name| {
            name.split(|c: char| !c.is_alphanumeric()).any(|part| part.eq_ignore_ascii_case(word))
        })
}

/// Whether a description is indefinite: "a firm", "an analyst", "another analyst".
fn indefinite(context: &Context<'_>, mention: &Mention) -> bool {
    let lower = mention.text.to_lowercase();
    if lower.starts_with("a ") || lower.starts_with("an ") || lower.starts_with("another ") {
        return true;
    }
    // The article may stand a few modifiers before the mention: "a U.S. buyout firm".
    let before = context.article.text.get(..mention.span.start).unwrap_or("");
    for word in before.split(' ').rev().skip(1).take(3) {
        let word = word.to_lowercase();
        if matches!(&*word, "a" | "an" | "another") {
            return true;
        }
        if word.is_empty()
            || word.ends_with([',', ';', ':', '"', '('])
            || super::names::FUNCTION_WORDS.contains(&*word)
        {
            return false;
        }
    }
    false
}

/// The entity of a name right before an indefinite apposition ("Acme Holdings, a … company"),
/// when it has the description's tag.
fn apposition_antecedent(
    context: &Context<'_>,
    annotations: &Annotations,
    mention: &Mention,
) -> Option<usize> {
    let text = &context.article.text;
    let before = text.get(..mention.span.start)?;
    // Back to the article: at most three words ("a Danish shipping company").
    let mut article_start = None;
    let mut rest = before.trim_end_matches(' ');
    for _ in 0..4 {
        let (head, word) = rest.rsplit_once(' ')?;
        if matches!(word, "a" | "an" | "A" | "An") {
            article_start = Some(head.len());
            break;
        }
        rest = head;
    }
    let comma = text.get(..article_start?)?.strip_suffix(',')?;
    annotations
        .by_sentence
        .get(mention.sentence)?
        .iter()
        .filter_map(|&index| annotations.mentions.get(index))
        .find(|named| named.span.end == comma.len() && named.tag() == mention.tag())
        .and_then(|named| named.entity)
}

/// The story's topic company: the named company with the most mentions so far (the latest
/// of those on a tie).
fn topic_company(annotations: &Annotations) -> Option<usize> {
    recent_entities(annotations)
        .filter(|(_, entity)| {
            entity.proper && entity.tag == Some(Tag::Org) && entity.class == "Company"
        })
        .max_by_key(|(index, entity)| (entity.mentions.len(), *index))
        .map(|(index, _)| index)
}

/// The latest person before a mention whose name came right after a title ending in `head`
/// ("Judge Richard Ashworth" for "the judge").
///
/// Looks at the titles of the index, latest first, and at most [`MAX_PRONOUN_CANDIDATES`] of
/// them.
fn titled_person(
    annotations: &Annotations,
    index: &Index,
    mention: &Mention,
    head: &str,
) -> Option<usize> {
    if head.is_empty() {
        return None;
    }
    let titles = index.titles.get(&head.to_lowercase())?;
    let before = titles.partition_point(|titled| titled.title_start < mention.span.start);
    titles
        .get(..before)?
        .iter()
        .rev()
        .filter(|titled| titled.title_end < mention.span.start)
        .take(MAX_PRONOUN_CANDIDATES)
        .find_map(|titled| annotations.mentions.get(titled.person).and_then(|m| m.entity))
}

fn has_own_date(annotations: &Annotations, mention: &Mention) -> bool {
    mention
        .nested
        .iter()
        .any(|&inner| annotations.mentions.get(inner).is_some_and(|m| m.tag() == Tag::Date))
}

/// Violent incidents that a story usually reports one of: an attack that is also a siege.
pub(crate) fn is_incident(class: &str) -> bool {
    matches!(
        class,
        "Siege"
            | "Attack"
            | "HostageTaking"
            | "Bombing"
            | "Shooting"
            | "Killing"
            | "Event"
            | "Earthquake"
            | "Flood"
            | "Disaster"
            | "Accident"
    )
}

/// The entity of the latest mention before `pronoun` (within [`PRONOUN_WINDOW`] sentences,
/// at most [`MAX_PRONOUN_CANDIDATES`] mentions back) that agrees with it.
fn pronoun_antecedent(
    annotations: &Annotations,
    index: &Index,
    pronoun: &Mention,
) -> Option<usize> {
    let candidates = index
        .recent
        .iter()
        .rev()
        .filter_map(|&m| annotations.mentions.get(m))
        .filter(|m| {
            m.span.end <= pronoun.span.start && m.sentence + PRONOUN_WINDOW >= pronoun.sentence
        })
        .take(MAX_PRONOUN_CANDIDATES);
    candidates.into_iter().find_map(|candidate| {
        let entity = annotations.entities.get(candidate.entity?)?;
        let agrees = match &*pronoun.class {
            "he" | "him" | "she" => {
                entity.tag == Some(Tag::Per)
                    && (entity.gender.is_none() || entity.gender == pronoun.gender)
            }
            "they" | "them" => {
                entity.plural
                    || matches!(entity.category, Some(NounCategory::Security | NounCategory::Armed))
            }
            _ => !entity.plural && entity.tag != Some(Tag::Per) && entity.tag != Some(Tag::Grp),
        };
        agrees.then_some(candidate.entity?)
    })
}

#[cfg(test)]
mod tests {
    use super::super::testing::labels_of_class;

    /// Each entity of a text as `label [Class]: mention | mention`, from the explain dump.
    fn entities(text: &str) -> Vec<String> {
        let Ok(article) = crate::Article::parse(text) else { return Vec::new() };
        super::super::explain(&article)
            .lines()
            .filter_map(|line| line.strip_prefix("entity "))
            .filter_map(|line| line.split_once(": ").map(|(_, rest)| rest))
            .map(|rest| {
                let (head, mentions) = rest.split_once("] ").unwrap_or((rest, ""));
                let mentions: Vec<&str> = mentions.split('"').skip(1).step_by(2).collect();
                format!("{head}]: {}", mentions.join(" | "))
            })
            .collect()
    }

    /// Table-driven: what must and must not be one entity.
    #[test]
    fn descriptions_agree_with_their_antecedents() {
        let cases: [(&str, &[&str]); 6] = [
            // An indefinite apposition is its name's.
            (
                "Brelle Holdings, a Danish shipping company, said profits fell. The firm cut jobs.",
                &["Brelle Holdings [Company]: Brelle Holdings | company | The firm"],
            ),
            // A singular indefinite is someone new, not the plural group.
            (
                "Analysts said the shares were cheap. Another analyst said they were not.",
                &["Analysts [PersonGroup]: Analysts | they", "analyst [PersonGroup]: analyst"],
            ),
            // A demonym makes a singular one of a national group.
            (
                "Two Irish citizens were hurt. An Irish citizen later died.",
                &["Irish citizens [PersonGroup]: Irish citizens | An Irish citizen"],
            ),
            // "the company" is the story's topic company, not the exchange named last.
            (
                "Brelle Holdings said it would cut jobs. Brelle Holdings shares fell. The Oslo Stock Exchange suspended trading. The company said the move was unfair.",
                &["Brelle Holdings [Company]: Brelle Holdings | it | Brelle Holdings | The company"],
            ),
            // Soldiers are a group, the army an institution.
            (
                "Troops fired on the crowd. The army said the soldiers had been attacked.",
                &["Troops [SecurityForce]: Troops | the soldiers", "army [SecurityForce]: The army"],
            ),
            // A national description is not a named office never called so, and a ministry
            // is not a named body without "ministry" in its name.
            (
                "The Serious Fraud Office opened an inquiry. The ministry said it would help the French authorities.",
                &[
                    "Serious Fraud Office [GovernmentOrganization]: Serious Fraud Office",
                    "ministry [GovernmentOrganization]: The ministry | it",
                    "French authorities [GovernmentOrganization]: the French authorities",
                ],
            ),
        ];
        for (text, expected) in cases {
            let found = entities(text);
            for entity in expected {
                assert!(found.iter().any(|line| line == entity), "{text}: {entity} in {found:?}");
            }
        }
    }

    #[test]
    fn a_given_name_alone_is_the_person_named_in_full_before() {
        let found = entities(
            "Police arrested Daniel Okafor at his school. The officers told Daniel that he would be charged.",
        );
        assert!(
            found.iter().any(|line| line == "Daniel Okafor [Person]: Daniel Okafor | Daniel | he"),
            "{found:?}"
        );
    }

    /// A plural description with modifiers of its own is a group apart from a named force; a
    /// bare "the police" is that force.
    #[test]
    fn security_descriptions_and_named_forces() {
        let groups = labels_of_class(
            "Kenya Police Service spokesman John Reed said: \"Our security forces responded quickly.\"",
            "PersonGroup",
        );
        let forces = labels_of_class(
            "Kenya Police Service spokesman John Reed said: \"Our security forces responded quickly.\"",
            "SecurityForce",
        );
        assert!(
            groups.iter().chain(&forces).any(|label| label == "security forces"),
            "{groups:?} {forces:?}"
        );
        let forces = labels_of_class(
            "The Kenya Police Service arrested 20 people. The police said they were looters.",
            "SecurityForce",
        );
        assert!(!forces.iter().any(|label| label == "police"), "{forces:?}");
    }
}
