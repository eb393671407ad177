//! The story view of one or more graphs: who did what, as a reader wants to see it.
//!
//! The complete graph is made for machines: the article node mentions everything, facts carry
//! provenance, and the lexicon adds background facts ("Paris is in Île-de-France"). The story
//! view keeps what the article says:
//! - no article node (and none of its `mentions`, `publisher`, `locationCreated` edges);
//! - no fact without evidence in the text (background facts from the lexicon);
//! - one node per quote: a statement and the claim that reports the same words of the same
//!   speaker are one node, labelled with the words, drawn as `speaker -said-> quote`;
//! - quantities and places that only locate something become attribute lines of what they
//!   qualify (`killed: over 330 people (incl. 184 children)`, `in Beslan school`);
//! - one edge per pair of nodes, its labels joined (`agent, court`);
//! - entities that nothing in the story connects are left out; events and quotes stay.
//!
//! With several graphs, nodes with the same IRI (entities have global IRIs) are drawn once.
//!
//! NB: nodes are sorted by IRI and edges by their ends' IRIs, so the output is byte-stable.

use std::collections::{BTreeMap, BTreeSet};

use super::dot::{look, Look, QUOTE};
use crate::graph::{Evidence, Literal, Node, NodeKind};
use crate::vocab::{ng, schema};
use crate::KnowledgeGraph;

/// How many characters of a quote a node shows.
const QUOTE_CHARS: usize = 90;

/// The width, in characters, at which labels are wrapped.
pub(crate) const WRAP: usize = 28;

/// A node of the story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StoryNode {
    /// The node's IRI (the first one, for merged quotes).
    pub iri: String,
    /// How it is drawn.
    pub look: Look,
    /// The title (the label, or the words of a quote), not yet wrapped.
    pub title: String,
    /// Attribute lines: dates, folded places and quantities, titles.
    pub lines: Vec<String>,
}

/// An edge of the story: one per pair of nodes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StoryEdge {
    /// Index of the subject in [`Story::nodes`].
    pub from: usize,
    /// Index of the object in [`Story::nodes`].
    pub to: usize,
    /// The predicates' local names (or `said`), sorted, deduplicated.
    pub labels: Vec<String>,
    /// The sentences that state it, in article order, deduplicated.
    pub sentences: Vec<String>,
}

/// The story view of some graphs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Story {
    /// Nodes, sorted by IRI.
    pub nodes: Vec<StoryNode>,
    /// Edges, sorted by their ends.
    pub edges: Vec<StoryEdge>,
}

/// Predicates whose object, a place, can be shown as a line of the subject, with the word
/// that introduces it.
const PLACE_PREDICATES: &[(&str, &str)] = &[
    (ng::PLACE, "in"),
    (schema::LOCATION, "in"),
    (schema::CONTAINED_IN_PLACE, "in"),
    (schema::LOCATION_CREATED, "in"),
    (ng::FROM_PLACE, "from"),
    (ng::NATIONALITY, "nationality:"),
    (schema::NATIONALITY, "nationality:"),
];

/// One edge of a source graph, with the IRIs of its ends after quotes are merged.
struct RawEdge<'g> {
    subject: String,
    predicate: &'g str,
    object: String,
    sentences: Vec<String>,
}

impl Story {
    /// The story of `graphs`, drawn together.
    pub(crate) fn of(graphs: &[&KnowledgeGraph]) -> Self {
        let mut nodes: BTreeMap<String, &Node> = BTreeMap::new();
        let mut raw_edges: Vec<RawEdge<'_>> = Vec::new();
        // A claim merged into the statement that quotes the same words: claim IRI → statement IRI.
        let mut alias: BTreeMap<String, String> = BTreeMap::new();
        let mut quotes: BTreeSet<String> = BTreeSet::new();
        for graph in graphs {
            let document = graph.document();
            let sentence_text = |evidence: &Evidence| -> String {
                if evidence.is_dateline() {
                    "(dateline)".to_owned()
                } else {
                    document
                        .sentences
                        .get(evidence.sentence)
                        .map(|sentence| sentence.text.clone())
                        .unwrap_or_default()
                }
            };
            // Speakers and words of statements and claims.
            let mut said_by: BTreeMap<&str, &str> = BTreeMap::new();
            for (subject, edge, object) in graph.edges() {
                if edge.predicate == ng::SPEAKER || edge.predicate == ng::CLAIMED_BY {
                    said_by.entry(subject.iri.as_str()).or_insert(object.iri.as_str());
                }
            }
            let mut by_words: BTreeMap<(&str, String), &str> = BTreeMap::new();
            // Statements first, so that a claim joins the statement rather than the reverse.
            let mut speakers: Vec<(&str, &str)> = said_by.iter().map(|(&q, &s)| (q, s)).collect();
            speakers.sort_by_key(|&(quote, _)| {
                graph
                    .node_by_iri(quote)
                    .and_then(|index| graph.node(index))
                    .is_some_and(|node| node.kind == NodeKind::Claim)
            });
            for (quote_iri, speaker) in speakers {
                let Some(node) = graph.node_by_iri(quote_iri).and_then(|index| graph.node(index))
                else {
                    continue;
                };
                quotes.insert(quote_iri.to_owned());
                let Some(words) = quote_words(node) else { continue };
                let key = (speaker, normalise(&words));
                match by_words.get(&key) {
                    Some(&first) if first != quote_iri => {
                        alias.insert(quote_iri.to_owned(), first.to_owned());
                    }
                    _ => {
                        by_words.insert(key, quote_iri);
                    }
                }
            }
            for (_, node) in graph.nodes() {
                if node.kind != NodeKind::Document {
                    nodes.entry(node.iri.clone()).or_insert(node);
                }
            }
            for (subject, edge, object) in graph.edges() {
                if edge.evidence.is_empty()
                    || subject.kind == NodeKind::Document
                    || object.kind == NodeKind::Document
                {
                    continue;
                }
                let mut sentences: Vec<&Evidence> = edge.evidence.iter().collect();
                sentences.sort_by_key(|evidence| evidence.sentence);
                let mut texts: Vec<String> = Vec::new();
                for evidence in sentences {
                    let text = sentence_text(evidence);
                    if !texts.contains(&text) {
                        texts.push(text);
                    }
                }
                raw_edges.push(RawEdge {
                    subject: subject.iri.clone(),
                    predicate: edge.predicate.as_str(),
                    object: object.iri.clone(),
                    sentences: texts,
                });
            }
        }
        let resolve = |iri: &str| alias.get(iri).cloned().unwrap_or_else(|| iri.to_owned());
        for edge in &mut raw_edges {
            edge.subject = resolve(&edge.subject);
            edge.object = resolve(&edge.object);
        }
        raw_edges.retain(|edge| edge.subject != edge.object);
        let quotes: BTreeSet<String> = quotes.iter().map(|iri| resolve(iri)).collect();

        let node_of = |iri: &str| nodes.get(iri).copied();
        let is_quantity =
            |iri: &str| node_of(iri).is_some_and(|node| look(node) == super::dot::QUANTITY);
        let is_place = |iri: &str| node_of(iri).is_some_and(|node| look(node) == super::dot::PLACE);
        let place_word = |predicate: &str| {
            PLACE_PREDICATES.iter().find(|(known, _)| *known == predicate).map(|&(_, word)| word)
        };
        // The edges at each node, so that nothing below scans all edges per node (the story
        // of a corpus has tens of thousands).
        let mut outgoing: BTreeMap<&str, Vec<&RawEdge<'_>>> = BTreeMap::new();
        let mut incoming: BTreeMap<&str, Vec<&RawEdge<'_>>> = BTreeMap::new();
        for edge in &raw_edges {
            outgoing.entry(edge.subject.as_str()).or_default().push(edge);
            incoming.entry(edge.object.as_str()).or_default().push(edge);
        }
        fn edges_of<'m, 'e>(
            map: &'m BTreeMap<&str, Vec<&'e RawEdge<'e>>>,
            iri: &str,
        ) -> &'m [&'e RawEdge<'e>] {
            map.get(iri).map_or(&[], Vec::as_slice)
        }
        // A place is folded when every edge it has only locates something (or itself).
        let folded_places: BTreeSet<&str> = nodes
            .keys()
            .map(String::as_str)
            .filter(|&iri| is_place(iri))
            .filter(|&iri| {
                edges_of(&incoming, iri).iter().all(|edge| place_word(edge.predicate).is_some())
                    && edges_of(&outgoing, iri)
                        .iter()
                        .all(|edge| edge.predicate == schema::CONTAINED_IN_PLACE)
            })
            .collect();
        let place_name = |iri: &str| -> String {
            let Some(node) = node_of(iri) else { return String::new() };
            let parent = edges_of(&outgoing, iri)
                .iter()
                .find(|edge| edge.predicate == schema::CONTAINED_IN_PLACE)
                .and_then(|edge| node_of(&edge.object));
            match parent {
                Some(parent) => format!("{}, {}", node.label, parent.label),
                None => node.label.clone(),
            }
        };
        let quantity_name = |iri: &str| -> String {
            let Some(node) = node_of(iri) else { return String::new() };
            let parts: Vec<&str> = edges_of(&outgoing, iri)
                .iter()
                .filter(|edge| edge.predicate == ng::INCLUDES)
                .filter_map(|edge| node_of(&edge.object).map(|part| part.label.as_str()))
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            if parts.is_empty() {
                node.label.clone()
            } else {
                format!("{} (incl. {})", node.label, parts.join(", "))
            }
        };

        // Attribute lines gathered from folded objects, per subject.
        let mut extra_lines: BTreeMap<String, Vec<String>> = BTreeMap::new();
        // Edges kept: (subject, object) → labels, sentences.
        let mut kept: BTreeMap<(String, String), (BTreeSet<String>, Vec<String>)> = BTreeMap::new();
        for edge in &raw_edges {
            let subject_folded =
                is_quantity(&edge.subject) || folded_places.contains(edge.subject.as_str());
            if subject_folded {
                continue;
            }
            if is_quantity(&edge.object) {
                let line =
                    format!("{}: {}", local_name(edge.predicate), quantity_name(&edge.object));
                extra_lines.entry(edge.subject.clone()).or_default().push(line);
                continue;
            }
            if folded_places.contains(edge.object.as_str()) {
                let word = place_word(edge.predicate).unwrap_or("in");
                let line = format!("{word} {}", place_name(&edge.object));
                extra_lines.entry(edge.subject.clone()).or_default().push(line);
                continue;
            }
            // A quote is drawn from its speaker: "ECHR -said-> words".
            let (from, label, to) = if (edge.predicate == ng::SPEAKER
                || edge.predicate == ng::CLAIMED_BY)
                && quotes.contains(&edge.subject)
            {
                (edge.object.clone(), "said".to_owned(), edge.subject.clone())
            } else {
                (edge.subject.clone(), local_name(edge.predicate).to_owned(), edge.object.clone())
            };
            let entry = kept.entry((from, to)).or_default();
            entry.0.insert(label);
            for sentence in &edge.sentences {
                if !entry.1.contains(sentence) {
                    entry.1.push(sentence.clone());
                }
            }
        }

        // Which nodes are drawn: those an edge touches, and every event and quote.
        let mut drawn: BTreeSet<String> = BTreeSet::new();
        for (from, to) in kept.keys() {
            drawn.insert(from.clone());
            drawn.insert(to.clone());
        }
        for (iri, node) in &nodes {
            let folded = is_quantity(iri) || folded_places.contains(iri.as_str());
            let merged = alias.contains_key(iri);
            if !folded && !merged && (node.kind == NodeKind::Event || quotes.contains(iri)) {
                drawn.insert(iri.clone());
            }
        }
        let mut story = Story::default();
        let mut index_of: BTreeMap<String, usize> = BTreeMap::new();
        for iri in drawn {
            let Some(node) = node_of(&iri) else { continue };
            let is_quote = quotes.contains(&iri);
            let (node_look, title) = if is_quote {
                let words = quote_words(node).unwrap_or_else(|| node.label.clone());
                (QUOTE, format!("“{}”", truncate(&unquote(&words), QUOTE_CHARS)))
            } else {
                (look(node), node.label.clone())
            };
            let mut lines = attribute_lines(node);
            if let Some(extra) = extra_lines.remove(&iri) {
                for line in extra {
                    if !lines.contains(&line) {
                        lines.push(line);
                    }
                }
            }
            index_of.insert(iri.clone(), story.nodes.len());
            story.nodes.push(StoryNode { iri, look: node_look, title, lines });
        }
        for ((from, to), (labels, sentences)) in kept {
            if let (Some(&from), Some(&to)) = (index_of.get(&from), index_of.get(&to)) {
                story.edges.push(StoryEdge {
                    from,
                    to,
                    labels: labels.into_iter().collect(),
                    sentences,
                });
            }
        }
        story
    }
}

/// The words a statement or claim reports: `schema:text`, else `ng:quote`.
fn quote_words(node: &Node) -> Option<String> {
    [schema::TEXT, ng::QUOTE].iter().find_map(|predicate| match node.attribute(predicate) {
        Some(Literal::Text(text)) if !text.trim().is_empty() => Some(text.clone()),
        _ => None,
    })
}

/// Text for comparing two quotes: lowercase letters and digits only.
fn normalise(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The text without the quotation marks around it.
fn unquote(text: &str) -> String {
    let marks: &[char] = &['"', '“', '”', '\'', '‘', '’', '«', '»'];
    let inner = text.trim().trim_start_matches(marks).trim_end_matches(marks);
    inner.trim().to_owned()
}

/// At most `max` characters of `text`, cut at a word and ended with `…` when cut.
pub(crate) fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > max / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// `text` broken into lines of at most `width` characters, at spaces (a longer word stays whole).
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The part of an IRI after its last `#` or `/`.
pub(crate) fn local_name(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or(iri)
}

/// The text of a literal as a reader wants it.
pub(crate) fn literal_text(value: &Literal) -> String {
    match value {
        Literal::Text(text) | Literal::Identifier(text) => text.clone(),
        Literal::Date(date) => date.to_string(),
        Literal::Year(year) => year.to_string(),
        Literal::YearMonth(year, month) => format!("{year}-{month:02}"),
        Literal::Integer(number) => number.to_string(),
        Literal::Decimal(text) | Literal::Duration(text) => text.clone(),
        #[allow(unreachable_patterns, reason = "Literal is non_exhaustive")]
        _ => String::new(),
    }
}

/// Lines under a node's title: its job title and its dates.
fn attribute_lines(node: &Node) -> Vec<String> {
    let mut lines = Vec::new();
    for attribute in &node.attributes {
        let line = match attribute.predicate.as_str() {
            schema::JOB_TITLE => literal_text(&attribute.value),
            ng::DATE | schema::START_DATE => literal_text(&attribute.value),
            _ => continue,
        };
        if !line.is_empty() && !lines.contains(&line) && line != node.label {
            lines.push(line);
        }
    }
    // A year or month is dropped when a fuller date of it is there ("2004" beside "2004-09-01").
    let all = lines.clone();
    lines.retain(|line| !all.iter().any(|other| other != line && other.starts_with(line.as_str())));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_and_truncates() {
        assert_eq!(
            wrap("International Court of Justice", 14),
            ["International", "Court of", "Justice"]
        );
        assert_eq!(wrap("", 10), [""]);
        assert_eq!(wrap("unbreakablewordhere x", 5), ["unbreakablewordhere", "x"]);
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("one two three four five", 12), "one two…");
        assert_eq!(unquote("\"absolutely unacceptable\""), "absolutely unacceptable");
    }

    #[test]
    fn story_of_the_demo_has_no_hub_no_background_and_one_node_per_quote() {
        let graph = crate::extract(include_str!("../../data/articles/beslan-echr-2017.txt"))
            .unwrap_or_default();
        let story = Story::of(&[&graph]);
        let document = &graph.document().iri;
        assert!(story.nodes.iter().all(|node| &node.iri != document));
        assert!(story.edges.iter().all(|edge| !edge.labels.iter().any(|l| l == "mentions")));
        // Background facts of the lexicon ("Paris is in Île-de-France") are gone.
        assert!(!story.nodes.iter().any(|node| node.title == "Île-de-France"));
        // Titles are unique: no two nodes say the same thing.
        let mut titles: Vec<(&str, &[String])> =
            story.nodes.iter().map(|node| (node.title.as_str(), node.lines.as_slice())).collect();
        titles.sort();
        let n_titles = titles.len();
        titles.dedup();
        assert_eq!(titles.len(), n_titles, "{titles:#?}");
        assert!(story.edges.len() < 100, "{} edges", story.edges.len());
    }
}
