//! Queries over a [`KnowledgeGraph`]: entities by class or name, facts by pattern, the
//! evidence of a fact, and how two nodes are connected.
//!
//! NB: every query returns its results in a deterministic order (by IRI, then predicate, then
//! object), so two runs over the same article list the same facts in the same order.

use std::cmp::Ordering;
use std::fmt;

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, UndirectedAdaptor};
use petgraph::Direction;

use super::{Evidence, KnowledgeGraph, Literal, Node, NodeKind};
use crate::vocab::schema;

/// The object of a fact: a node or a literal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactObject<'a> {
    /// Another node.
    Node(&'a Node),
    /// A literal value.
    Literal(&'a Literal),
}

impl FactObject<'_> {
    /// The node, if the object is one.
    #[must_use]
    pub fn as_node(&self) -> Option<&Node> {
        match self {
            FactObject::Node(node) => Some(node),
            FactObject::Literal(_) => None,
        }
    }

    /// The literal, if the object is one.
    #[must_use]
    pub fn as_literal(&self) -> Option<&Literal> {
        match self {
            FactObject::Node(_) => None,
            FactObject::Literal(literal) => Some(literal),
        }
    }
}

/// Writes a node's label, or a literal's lexical form (`2017-04-14`, `334`, `P3D`).
impl fmt::Display for FactObject<'_> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FactObject::Node(node) => formatter.write_str(&node.label),
            FactObject::Literal(literal) => write_literal(literal, formatter),
        }
    }
}

/// One fact of the graph: subject, predicate, object, and the evidence for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fact<'a> {
    /// The subject.
    pub subject: &'a Node,
    /// The predicate IRI.
    pub predicate: &'a str,
    /// The object.
    pub object: FactObject<'a>,
    /// Where the article states it.
    pub evidence: &'a [Evidence],
}

/// Where a fact comes from; see [`Fact::source`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum FactSource {
    /// A sentence of the article states it, or it is that the article mentions something.
    Text,
    /// The dateline states it (`ACCRA, Ghana (AP) —`: Accra is in Ghana), or it is the
    /// article's own date, place or agency, which the dateline gives.
    Dateline,
    /// Background knowledge from a lexicon (Beslan is in North Ossetia), which the article
    /// does not state.
    Lexicon,
}

impl FactSource {
    /// How the command line names the source: `text`, `dateline` or `lexicon`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Dateline => "dateline",
            Self::Lexicon => "lexicon",
        }
    }
}

impl Fact<'_> {
    /// The local name of the predicate: what follows its last `#` or `/` (`worksFor`).
    #[must_use]
    pub fn predicate_name(&self) -> &str {
        local_name(self.predicate)
    }

    /// Where the fact comes from.
    ///
    /// - [`Text`](FactSource::Text): some evidence is a sentence and its rule is not
    ///   `lexicon`; also the article's `schema:mentions` of what it names, which carry no
    ///   evidence of their own.
    /// - [`Dateline`](FactSource::Dateline): the evidence is the dateline; also the article's
    ///   other facts without evidence (date published, dateline, place, publisher).
    /// - [`Lexicon`](FactSource::Lexicon): no evidence, or only evidence of rule `lexicon`
    ///   (the words that name the entity the lexicon knows about).
    ///
    /// ```
    /// use newsgraph::graph::FactSource;
    ///
    /// let graph = newsgraph::extract("ACCRA, Ghana (AP) — Voters queued in Kumasi on Monday.\n")?;
    /// let sources: Vec<(String, FactSource)> =
    ///     graph.facts().map(|fact| (fact.predicate_name().to_owned(), fact.source())).collect();
    /// assert!(sources.contains(&("mentions".to_owned(), FactSource::Text)));
    /// assert!(sources.contains(&("containedInPlace".to_owned(), FactSource::Dateline)));
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn source(&self) -> FactSource {
        let in_text =
            |evidence: &&Evidence| !evidence.is_dateline() && &*evidence.rule != "lexicon";
        if self.evidence.iter().any(|evidence| in_text(&evidence)) {
            return FactSource::Text;
        }
        if self.evidence.iter().any(Evidence::is_dateline) {
            return FactSource::Dateline;
        }
        if !self.evidence.is_empty() || self.subject.kind != NodeKind::Document {
            return FactSource::Lexicon;
        }
        if self.predicate == schema::MENTIONS {
            FactSource::Text
        } else {
            FactSource::Dateline
        }
    }
}

/// Writes "subject label — predicate local name — object label".
///
/// ```
/// use newsgraph::{Fact, FactObject, Literal, Node, NodeKind};
///
/// let court = Node::new("https://example.org/id/court", NodeKind::Entity, "the court");
/// let count = Literal::Integer(400);
/// let fact = Fact {
///     subject: &court,
///     predicate: "https://example.org/ontology#claimants",
///     object: FactObject::Literal(&count),
///     evidence: &[],
/// };
/// assert_eq!(fact.to_string(), "the court — claimants — 400");
/// ```
impl fmt::Display for Fact<'_> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{} — {} — {}", self.subject.label, self.predicate_name(), self.object)
    }
}

/// The local name of an IRI: what follows its last `#` or `/`, or the whole IRI if that is empty.
fn local_name(iri: &str) -> &str {
    match iri.rfind(['#', '/']) {
        Some(position) if position + 1 < iri.len() => &iri[position + 1..],
        _ => iri,
    }
}

fn write_literal(literal: &Literal, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
    match literal {
        Literal::Text(text) | Literal::Identifier(text) => formatter.write_str(text),
        Literal::Date(date) => write!(formatter, "{date}"),
        Literal::Year(year) => write!(formatter, "{year:04}"),
        Literal::YearMonth(year, month) => write!(formatter, "{year:04}-{month:02}"),
        Literal::Integer(number) => write!(formatter, "{number}"),
        Literal::Decimal(lexical) | Literal::Duration(lexical) => formatter.write_str(lexical),
    }
}

/// Orders objects: nodes (by IRI) before literals (by value).
fn compare_objects(left: &FactObject<'_>, right: &FactObject<'_>) -> Ordering {
    match (left, right) {
        (FactObject::Node(left), FactObject::Node(right)) => left.iri.cmp(&right.iri),
        (FactObject::Node(_), FactObject::Literal(_)) => Ordering::Less,
        (FactObject::Literal(_), FactObject::Node(_)) => Ordering::Greater,
        (FactObject::Literal(left), FactObject::Literal(right)) => left.cmp(right),
    }
}

/// Orders facts by subject IRI, predicate, then object.
fn compare_facts(left: &Fact<'_>, right: &Fact<'_>) -> Ordering {
    left.subject
        .iri
        .cmp(&right.subject.iri)
        .then_with(|| left.predicate.cmp(right.predicate))
        .then_with(|| compare_objects(&left.object, &right.object))
}

/// How well a name matches a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameMatch {
    Exact,
    Partial,
}

/// How `wanted` (already [normalised](normalize_name)) matches a node's label, names and
/// descriptions. The article's node matches only by its whole label.
fn name_match(node: &Node, wanted: &str) -> Option<NameMatch> {
    if node.kind == NodeKind::Document {
        return (normalize_name(&node.label) == wanted).then_some(NameMatch::Exact);
    }
    let mut best = None;
    for candidate in std::iter::once(&node.label).chain(&node.names).chain(&node.descriptions) {
        let candidate = normalize_name(candidate);
        if candidate == wanted {
            return Some(NameMatch::Exact);
        }
        if candidate.contains(wanted) {
            best = Some(NameMatch::Partial);
        }
    }
    best
}

/// A name as names are compared: lowercase, runs of white space as one space, without a
/// leading article ("The  Court" → "court").
fn normalize_name(name: &str) -> String {
    let lower = name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    for article in ["the ", "a ", "an "] {
        if let Some(rest) = lower.strip_prefix(article)
            && !rest.is_empty()
        {
            return rest.to_owned();
        }
    }
    lower
}

impl KnowledgeGraph {
    /// The nodes that have a class (`rdf:type`), sorted by IRI.
    ///
    /// The class must match exactly; no subclass reasoning is done.
    #[must_use]
    pub fn entities_of_class(&self, class_iri: &str) -> Vec<NodeIndex> {
        self.nodes().filter(|(_, node)| node.has_class(class_iri)).map(|(index, _)| index).collect()
    }

    /// The nodes whose label, one of whose names or one of whose
    /// [descriptions](Node::descriptions) matches `name`, ignoring case, spacing and a leading
    /// article ("the court" and "Court" find the entity the article calls "the court").
    ///
    /// Exact matches come first, then nodes where `name` is part of a name ("Doe" finds
    /// "Jane Doe"); within each group, nodes are sorted by IRI.
    /// The article's own node matches only its whole label (its title), never a part of it.
    /// A blank `name` matches nothing.
    #[must_use]
    pub fn find_by_name(&self, name: &str) -> Vec<NodeIndex> {
        let wanted = normalize_name(name);
        if wanted.is_empty() {
            return Vec::new();
        }
        let mut exact = Vec::new();
        let mut partial = Vec::new();
        for (index, node) in self.nodes() {
            match name_match(node, &wanted) {
                Some(NameMatch::Exact) => exact.push(index),
                Some(NameMatch::Partial) => partial.push(index),
                None => {}
            }
        }
        exact.extend(partial);
        exact
    }

    /// Whether `name` is exactly one of the names of the node at `index` (its label, a name or
    /// a description, compared as [`find_by_name`](Self::find_by_name) does).
    #[must_use]
    pub fn is_named(&self, index: NodeIndex, name: &str) -> bool {
        let wanted = normalize_name(name);
        !wanted.is_empty()
            && self
                .node(index)
                .is_some_and(|node| name_match(node, &wanted) == Some(NameMatch::Exact))
    }

    /// Every fact of the graph: each edge, and each literal attribute of a node.
    ///
    /// NB: sorted by subject IRI, then predicate, then object (nodes by IRI before literals),
    /// so the order is the same on every run.
    /// Classes, labels, names and `sameAs` links are properties of [`Node`], not facts.
    pub fn facts(&self) -> impl Iterator<Item = Fact<'_>> + '_ {
        self.nodes().flat_map(move |(index, _)| self.facts_from(index))
    }

    /// The facts in which a node is the subject or the object, in the order of [`facts`](Self::facts).
    ///
    /// A fact of a node about itself is listed once.
    #[must_use]
    pub fn facts_about(&self, node: NodeIndex) -> Vec<Fact<'_>> {
        let mut facts = self.facts_from(node);
        // A self-loop is both outgoing and incoming; it is already among the outgoing facts.
        facts.extend(
            self.graph
                .edges_directed(node, Direction::Incoming)
                .filter(|edge| edge.source() != node)
                .filter_map(|edge| self.edge_fact(edge.source(), edge.weight(), edge.target())),
        );
        facts.sort_by(compare_facts);
        facts
    }

    /// The facts that match a pattern; `None` matches anything.
    ///
    /// `predicate` is a full IRI. An `object` pattern only matches node objects, never
    /// literals. Results are in the order of [`facts`](Self::facts).
    #[must_use]
    pub fn facts_matching(
        &self,
        subject: Option<NodeIndex>,
        predicate: Option<&str>,
        object: Option<NodeIndex>,
    ) -> Vec<Fact<'_>> {
        let mut facts = match (subject, object) {
            (Some(subject), _) => self.facts_from(subject),
            (None, Some(object)) => self.facts_to(object),
            (None, None) => self.facts().collect(),
        };
        let object_node = object.map(|object| self.graph.node_weight(object));
        facts.retain(|fact| {
            let predicate_matches = predicate.is_none_or(|predicate| fact.predicate == predicate);
            let object_matches = match object_node {
                None => true,
                Some(None) => false,
                Some(Some(wanted)) => {
                    fact.object.as_node().is_some_and(|node| std::ptr::eq(node, wanted))
                }
            };
            predicate_matches && object_matches
        });
        facts.sort_by(compare_facts);
        facts
    }

    /// The text of the sentence that a piece of evidence points to, or the words of its span
    /// when it points to no sentence (a fact the dateline states).
    ///
    /// Returns `""` if neither is in this graph's document.
    #[must_use]
    pub fn evidence_text(&self, evidence: &Evidence) -> &str {
        let document = self.document();
        match document.sentences.get(evidence.sentence) {
            Some(sentence) => &sentence.text,
            // Evidence outside the sentences (the dateline) is its own words.
            None => document.text.get(evidence.span.start..evidence.span.end).unwrap_or(""),
        }
    }

    /// How two nodes are connected: the facts along a shortest path between them, with edges
    /// followed in either direction.
    ///
    /// Each fact keeps its own direction, so consecutive facts may point either way.
    /// Returns `Some(vec![])` when `from == to`, and `None` when the nodes are not connected
    /// or either index is not in the graph.
    /// Between two adjacent nodes the fact with the smallest predicate IRI is chosen.
    ///
    /// # Complexity
    /// One A* search with unit costs and no heuristic (a breadth-first search):
    /// O(|E| log |V|).
    #[must_use]
    pub fn path(&self, from: NodeIndex, to: NodeIndex) -> Option<Vec<Fact<'_>>> {
        if !self.graph.contains_node(from) || !self.graph.contains_node(to) {
            return None;
        }
        let (_, nodes) = petgraph::algo::astar(
            UndirectedAdaptor(&self.graph),
            from,
            |node| node == to,
            |_| 1_usize,
            |_| 0_usize,
        )?;
        nodes.windows(2).map(|pair| self.fact_between(pair[0], pair[1])).collect()
    }

    /// The edge fact between two adjacent nodes (either direction) with the smallest predicate.
    fn fact_between(&self, left: NodeIndex, right: NodeIndex) -> Option<Fact<'_>> {
        let forward = self.graph.edges_connecting(left, right);
        let backward = self.graph.edges_connecting(right, left);
        forward
            .chain(backward)
            .filter_map(|edge| self.edge_fact(edge.source(), edge.weight(), edge.target()))
            .min_by(compare_facts)
    }

    fn edge_fact<'a>(
        &'a self,
        subject: NodeIndex,
        edge: &'a super::Edge,
        object: NodeIndex,
    ) -> Option<Fact<'a>> {
        Some(Fact {
            subject: self.graph.node_weight(subject)?,
            predicate: &edge.predicate,
            object: FactObject::Node(self.graph.node_weight(object)?),
            evidence: &edge.evidence,
        })
    }

    /// The facts whose subject is `node`, sorted.
    fn facts_from(&self, node: NodeIndex) -> Vec<Fact<'_>> {
        let Some(subject) = self.graph.node_weight(node) else {
            return Vec::new();
        };
        let mut facts: Vec<Fact<'_>> = subject
            .attributes
            .iter()
            .map(|attribute| Fact {
                subject,
                predicate: &attribute.predicate,
                object: FactObject::Literal(&attribute.value),
                evidence: &attribute.evidence,
            })
            .collect();
        facts.extend(
            self.graph
                .edges_directed(node, Direction::Outgoing)
                .filter_map(|edge| self.edge_fact(edge.source(), edge.weight(), edge.target())),
        );
        facts.sort_by(compare_facts);
        facts
    }

    /// The edge facts whose object is `node`, sorted.
    fn facts_to(&self, node: NodeIndex) -> Vec<Fact<'_>> {
        let mut facts: Vec<Fact<'_>> = self
            .graph
            .edges_directed(node, Direction::Incoming)
            .filter_map(|edge| self.edge_fact(edge.source(), edge.weight(), edge.target()))
            .collect();
        facts.sort_by(compare_facts);
        facts
    }
}
