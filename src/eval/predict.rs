//! What a graph predicts, category by category, in the shape the gold file uses.

use std::collections::{BTreeMap, BTreeSet};

use super::gold::EntityType;
use crate::article::Span;
use crate::graph::{Fact, FactObject, KnowledgeGraph, Literal, Node, NodeKind};
use crate::vocab::schema;

/// A predicted entity: a node the article mentions, its names and the gold types it may have.
pub(crate) struct PredictedEntity<'a> {
    pub(crate) node: &'a Node,
    /// Normalised names (see [`normalize_name`]).
    pub(crate) names: BTreeSet<String>,
    pub(crate) types: Vec<EntityType>,
}

/// A predicted date: a date-valued literal with evidence, once per sentence that states it.
pub(crate) struct PredictedDate {
    pub(crate) value: String,
    pub(crate) context: String,
}

/// A predicted quantity: the numbers one mention gives.
#[derive(Default)]
pub(crate) struct PredictedQuantity {
    pub(crate) value: Option<f64>,
    pub(crate) min: Option<f64>,
    pub(crate) max: Option<f64>,
    pub(crate) text: String,
}

/// Predicates that are not relations: bookkeeping, provenance, names and types.
const NOT_RELATIONS: &[&str] = &[
    "mentions",
    "mentionsDate",
    "claims",
    "claimedBy",
    "includes",
    "counts",
    "text",
    "description",
    "type",
    "label",
    "name",
    "alternateName",
    "sameAs",
];

/// Literal properties of a quantity node that the quantity category scores instead.
const QUANTITY_NUMBERS: &[&str] = &["value", "minValue", "maxValue", "unitText"];

/// The local name of an IRI: what follows its last `#` or `/`.
pub(crate) fn local_name(iri: &str) -> &str {
    match iri.rfind(['#', '/']) {
        Some(position) if position + 1 < iri.len() => iri.get(position + 1..).unwrap_or(iri),
        _ => iri,
    }
}

/// A name in a form that ignores case, punctuation and spacing: lowercase alphanumeric words
/// joined by one space, with `.` and apostrophes dropped (`U.S.` = `US`) and any other
/// punctuation splitting words (`Akufo-Addo` = `Akufo Addo`), and a leading "the" removed.
pub(crate) fn normalize_name(name: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for character in name.chars() {
        if character.is_alphanumeric() {
            word.extend(character.to_lowercase());
        } else if matches!(character, '.' | '\'' | '’') {
            // Dropped, not a word break: "U.S." is "US", "Xi'an" is "Xian".
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    if words.len() > 1 && words.first().is_some_and(|first| first == "the") {
        words.remove(0);
    }
    words.join(" ")
}

/// The gold types a class (by local name) stands for.
fn class_types(class: &str) -> &'static [EntityType] {
    match local_name(class) {
        "Person" => &[EntityType::Person],
        "Organization"
        | "GovernmentOrganization"
        | "NewsMediaOrganization"
        | "NewsAgency"
        | "Court"
        | "PoliticalParty"
        | "Company"
        | "IntergovernmentalOrganization" => &[EntityType::Organization],
        // Forces named by a common noun ("militants", "police") may be gold groups.
        "ArmedGroup" | "SecurityForce" => &[EntityType::Organization, EntityType::Group],
        "Place" | "Country" | "City" | "AdministrativeArea" => &[EntityType::Place],
        "Facility" => &[EntityType::Facility],
        "LegalInstrument" | "LegalProvision" | "Legislation" => &[EntityType::LegalInstrument],
        "PersonGroup" => &[EntityType::Group],
        _ => &[],
    }
}

/// The normalised names of a node: its label and every name.
pub(crate) fn node_names(node: &Node) -> BTreeSet<String> {
    std::iter::once(&node.label)
        .chain(&node.names)
        .map(|name| normalize_name(name))
        .filter(|name| !name.is_empty())
        .collect()
}

/// Entities: nodes of kind Entity that the document mentions or names in its dateline (place
/// and agency), and mentioned events that are named (linked to Wikidata, or minted outside the document like lexicon events).
pub(crate) fn entities(graph: &KnowledgeGraph) -> Vec<PredictedEntity<'_>> {
    let mentioned: BTreeSet<&str> = graph
        .edges()
        .filter(|(subject, edge, _)| {
            subject.kind == NodeKind::Document
                && [schema::MENTIONS, schema::LOCATION_CREATED, schema::PUBLISHER]
                    .contains(&edge.predicate.as_str())
        })
        .map(|(_, _, object)| object.iri.as_str())
        .collect();
    let document_prefix = format!("{}#", graph.document().iri);
    graph
        .nodes()
        .map(|(_, node)| node)
        .filter(|node| mentioned.contains(node.iri.as_str()))
        .filter_map(|node| {
            let types = match node.kind {
                NodeKind::Entity => {
                    let mut types: Vec<EntityType> =
                        node.classes.iter().flat_map(|class| class_types(class)).copied().collect();
                    types.sort_unstable();
                    types.dedup();
                    types
                }
                NodeKind::Event
                    if !node.same_as.is_empty() || !node.iri.starts_with(&document_prefix) =>
                {
                    vec![EntityType::Event]
                }
                _ => return None,
            };
            Some(PredictedEntity { node, names: node_names(node), types })
        })
        .collect()
}

/// The rule of facts that come from the lexicon, not from what the article says
/// ("Istanbul is in Turkey" whenever the article names Istanbul).
const BACKGROUND_RULE: &str = "lexicon";

/// Relations: facts the article states (with evidence from a rule over its text), except
/// bookkeeping predicates and a quantity's own numbers. Background knowledge from the lexicon
/// is in the graph but is not scored: a gold file lists what the article says.
pub(crate) fn relations(graph: &KnowledgeGraph) -> Vec<Fact<'_>> {
    graph
        .facts()
        .filter(|fact| fact.evidence.iter().any(|evidence| &*evidence.rule != BACKGROUND_RULE))
        .filter(|fact| !NOT_RELATIONS.contains(&fact.predicate_name()))
        .filter(|fact| {
            !(fact.subject.kind == NodeKind::Quantity
                && QUANTITY_NUMBERS.contains(&fact.predicate_name()))
        })
        .collect()
}

/// Dates: date, year-month and year literals with evidence, once per value and sentence, and
/// the publication date of the dateline.
pub(crate) fn dates(graph: &KnowledgeGraph) -> Vec<PredictedDate> {
    let mut seen: BTreeMap<(String, usize), String> = BTreeMap::new();
    for (_, node) in graph.nodes() {
        for attribute in &node.attributes {
            if !matches!(
                attribute.value,
                Literal::Date(_) | Literal::Year(_) | Literal::YearMonth(..)
            ) {
                continue;
            }
            let value = FactObject::Literal(&attribute.value).to_string();
            // The publication date comes from the dateline, which is article text.
            if node.kind == NodeKind::Document && attribute.predicate == schema::DATE_PUBLISHED {
                seen.entry((value, usize::MAX)).or_insert_with(|| "dateline".to_owned());
                continue;
            }
            for evidence in &attribute.evidence {
                seen.entry((value.clone(), evidence.sentence)).or_insert_with(|| {
                    format!(
                        "{} of {} (sentence {}: {})",
                        local_name(&attribute.predicate),
                        node.label,
                        evidence.sentence,
                        shorten(graph.evidence_text(evidence), 60)
                    )
                });
            }
        }
    }
    seen.into_iter().map(|((value, _), context)| PredictedDate { value, context }).collect()
}

/// Quantities: the numbers of each quantity node, one prediction per mention that gives them
/// (a node that merges "over 330" and "334" is two predictions, as the gold lists them).
pub(crate) fn quantities(graph: &KnowledgeGraph) -> Vec<PredictedQuantity> {
    let mut predictions = Vec::new();
    for (_, node) in graph.nodes().filter(|(_, node)| node.kind == NodeKind::Quantity) {
        let mut by_mention: BTreeMap<Option<(usize, Span)>, PredictedQuantity> = BTreeMap::new();
        for attribute in &node.attributes {
            let Some(number) = literal_number(&attribute.value) else { continue };
            let keys: Vec<Option<(usize, Span)>> = if attribute.evidence.is_empty() {
                vec![None]
            } else {
                attribute.evidence.iter().map(|e| Some((e.sentence, e.span))).collect()
            };
            for key in keys {
                let quantity = by_mention.entry(key).or_default();
                match local_name(&attribute.predicate) {
                    "value" => quantity.value = Some(number),
                    "minValue" => quantity.min = Some(number),
                    "maxValue" => quantity.max = Some(number),
                    _ => {}
                }
            }
        }
        for (key, mut quantity) in by_mention {
            if quantity.value.is_none() && quantity.min.is_none() && quantity.max.is_none() {
                continue;
            }
            quantity.text = key
                .and_then(|(_, span)| graph.document().text.get(span.start..span.end))
                .unwrap_or(&node.label)
                .to_owned();
            predictions.push(quantity);
        }
    }
    predictions
}

/// The number a literal holds, if it is a number.
pub(crate) fn literal_number(literal: &Literal) -> Option<f64> {
    match literal {
        // Counts are far below 2^52, so the conversion is exact.
        Literal::Integer(number) => Some(*number as f64),
        Literal::Decimal(lexical) => lexical.parse().ok(),
        _ => None,
    }
}

/// Reads a number as gold files write it ("334", "1,100", "53.85").
pub(crate) fn parse_number(text: &str) -> Option<f64> {
    text.trim().replace(',', "").parse().ok()
}

/// Whether two numbers are the same, allowing for decimal rounding.
pub(crate) fn same_number(left: f64, right: f64) -> bool {
    (left - right).abs() <= 1e-9 * left.abs().max(right.abs()).max(1.0)
}

/// A node as a report line shows it: `event:Ruling (Ruling by the court)` for events,
/// `334 (over 330 people)` for quantities, the label otherwise.
pub(crate) fn describe_node(node: &Node) -> String {
    match node.kind {
        NodeKind::Event => {
            let class = node
                .classes
                .iter()
                .map(|class| local_name(class))
                .find(|class| *class != "Event")
                .unwrap_or("Event");
            format!("event:{class} ({})", node.label)
        }
        NodeKind::Quantity => {
            let numbers: Vec<String> = ["value", "minValue", "maxValue"]
                .iter()
                .filter_map(|wanted| {
                    node.attributes
                        .iter()
                        .find(|attribute| local_name(&attribute.predicate) == *wanted)
                        .map(|attribute| {
                            let value = FactObject::Literal(&attribute.value);
                            match *wanted {
                                "minValue" => format!(">={value}"),
                                "maxValue" => format!("<={value}"),
                                _ => value.to_string(),
                            }
                        })
                })
                .collect();
            format!("{} ({})", numbers.join(" "), node.label)
        }
        _ => node.label.clone(),
    }
}

/// The first `limit` characters of a text, with `…` if cut.
pub(crate) fn shorten(text: &str, limit: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(limit) {
        Some((cut, _)) => format!("{}…", text.get(..cut).unwrap_or(text)),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::{local_name, normalize_name};

    #[test]
    fn normalized_names() {
        let cases = [
            ("Jane Doe", "jane doe"),
            ("  JANE   doe ", "jane doe"),
            ("U.S.", "us"),
            ("Akufo-Addo", "akufo addo"),
            ("the White House", "white house"),
            ("The", "the"),
            ("Côte d’Ivoire", "côte divoire"),
            ("New Patriotic Party (NPP)", "new patriotic party npp"),
            ("", ""),
        ];
        for (name, expected) in cases {
            assert_eq!(normalize_name(name), expected, "{name:?}");
        }
    }

    #[test]
    fn local_names() {
        let cases = [
            ("https://schema.org/worksFor", "worksFor"),
            ("https://w3id.org/newsgraph/ontology#agent", "agent"),
            ("agent", "agent"),
            ("https://example.org/", "https://example.org/"),
        ];
        for (iri, expected) in cases {
            assert_eq!(local_name(iri), expected, "{iri:?}");
        }
    }
}
