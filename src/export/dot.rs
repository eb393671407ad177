//! [Graphviz DOT](https://graphviz.org/doc/info/lang.html), written by hand.

use std::fmt::Write as _;
use std::io::Write;

use super::story::{literal_text, local_name, wrap, Story, StoryNode, WRAP};
use super::View;
use crate::graph::{Node, NodeKind};
use crate::vocab::{ng, schema};
use crate::{ExportError, KnowledgeGraph};

/// How a kind of node is drawn: legend label, shape and fill colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Look {
    /// What the legend calls it.
    pub legend: &'static str,
    /// The Graphviz shape.
    pub shape: &'static str,
    /// The fill colour, `#rrggbb`.
    pub fill: &'static str,
}

pub(crate) const PERSON: Look = Look { legend: "person", shape: "ellipse", fill: "#a8d5f2" };
pub(crate) const ORGANISATION: Look =
    Look { legend: "organisation", shape: "box", fill: "#ffd380" };
pub(crate) const PLACE: Look = Look { legend: "place", shape: "house", fill: "#b7e4a8" };
pub(crate) const EVENT: Look = Look { legend: "event", shape: "hexagon", fill: "#f4a6a6" };
pub(crate) const QUANTITY: Look =
    Look { legend: "quantity", shape: "parallelogram", fill: "#e0d4f5" };
pub(crate) const CLAIM: Look = Look { legend: "claim", shape: "note", fill: "#fff3b0" };
pub(crate) const DOCUMENT: Look = Look { legend: "document", shape: "tab", fill: "#d9d9d9" };
pub(crate) const LEGAL: Look = Look { legend: "legal", shape: "component", fill: "#c9f0e8" };
pub(crate) const OTHER: Look = Look { legend: "other", shape: "ellipse", fill: "#ffffff" };

/// A quote of the story view: a statement and the claims that report the same words.
pub(crate) const QUOTE: Look = Look { legend: "quote", shape: "note", fill: "#fff3b0" };

/// Every look of the full view, in legend order.
const LOOKS: &[Look] =
    &[PERSON, ORGANISATION, PLACE, EVENT, QUANTITY, CLAIM, DOCUMENT, LEGAL, OTHER];

/// Every look of the story view, in legend order.
const STORY_LOOKS: &[Look] = &[PERSON, ORGANISATION, PLACE, EVENT, QUOTE, LEGAL, OTHER];

const LEGAL_CLASSES: &[&str] =
    &[ng::LEGAL_INSTRUMENT, ng::LEGAL_PROVISION, ng::RIGHT, schema::LEGISLATION];
const PLACE_CLASSES: &[&str] =
    &[schema::PLACE, schema::COUNTRY, schema::CITY, schema::ADMINISTRATIVE_AREA, ng::FACILITY];
const ORGANISATION_CLASSES: &[&str] = &[
    schema::ORGANIZATION,
    schema::GOVERNMENT_ORGANIZATION,
    schema::NEWS_MEDIA_ORGANIZATION,
    ng::COURT,
    ng::ARMED_GROUP,
    ng::SECURITY_FORCE,
];
const PERSON_CLASSES: &[&str] = &[schema::PERSON, ng::PERSON_GROUP];

/// How a node of the complete graph is drawn.
pub(crate) fn look(node: &Node) -> Look {
    match node.kind {
        NodeKind::Document => return DOCUMENT,
        NodeKind::Event => return EVENT,
        NodeKind::Quantity => return QUANTITY,
        NodeKind::Claim => return CLAIM,
        _ => {}
    }
    let has_any = |classes: &[&str]| classes.iter().any(|class| node.has_class(class));
    // Classes in data/ (PoliticalParty, Company, …) end in "Party"/"Organization"/"Company".
    let named_like = |suffixes: &[&str]| {
        node.classes.iter().any(|class| suffixes.iter().any(|suffix| class.ends_with(suffix)))
    };
    if node.has_class(ng::EVENT) || node.has_class(schema::EVENT) {
        EVENT
    } else if node.has_class(ng::QUANTITY) || node.has_class(schema::QUANTITATIVE_VALUE) {
        QUANTITY
    } else if node.has_class(ng::CLAIM) || node.has_class(schema::CLAIM) {
        CLAIM
    } else if has_any(LEGAL_CLASSES) {
        LEGAL
    } else if has_any(PLACE_CLASSES) {
        PLACE
    } else if has_any(ORGANISATION_CLASSES) || named_like(&["Organization", "Party", "Company"]) {
        ORGANISATION
    } else if has_any(PERSON_CLASSES) {
        PERSON
    } else {
        OTHER
    }
}

/// Escapes text for a double-quoted DOT string: `"` and `\` are backslash-escaped and line
/// breaks become `\n` (centred lines), so Graphviz's own escapes (`\N`, `\G`, `\l`) never fire.
/// A tab becomes a space and every other control character (a BEL, a terminal escape) becomes
/// U+FFFD, so none reaches Graphviz (whose SVG would not be well-formed XML) or a terminal.
#[must_use]
pub(crate) fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '"' => escaped.push_str("\\\""),
            '\\' => escaped.push_str("\\\\"),
            '\n' => escaped.push_str("\\n"),
            '\r' => {}
            '\t' => escaped.push(' '),
            other if other.is_control() => escaped.push(char::REPLACEMENT_CHARACTER),
            other => escaped.push(other),
        }
    }
    escaped
}

/// The label: `rdfs:label`, plus the value for quantities and the date for events.
fn node_label(node: &Node) -> String {
    let mut lines = vec![node.label.clone()];
    let wanted: &[&str] = match node.kind {
        NodeKind::Quantity => &[schema::VALUE, schema::MIN_VALUE, schema::MAX_VALUE],
        _ => &[ng::DATE, schema::START_DATE, schema::DATE_PUBLISHED],
    };
    for predicate in wanted {
        if let Some(value) = node.attribute(predicate) {
            let value = literal_text(value);
            let line = match *predicate {
                schema::MIN_VALUE => format!("≥ {value}"),
                schema::MAX_VALUE => format!("≤ {value}"),
                _ => value,
            };
            if !lines.contains(&line) {
                lines.push(line);
            }
        }
    }
    lines.join("\n")
}

/// Serializes one or more [`KnowledgeGraph`]s as [Graphviz DOT](https://graphviz.org/doc/info/lang.html).
///
/// The [`View::Story`] (the default) draws what the articles say: events with their roles,
/// people and organisations, quotes by speaker, places and quantities as lines of what they
/// qualify; no article node, no provenance, no background facts from the lexicon; with several
/// graphs, an entity they share is drawn once. [`View::Full`] draws every node of each graph
/// (graphs side by side, node ids prefixed `g{n}_`) with every edge.
/// Nodes are shaped and coloured by kind with a legend; edges are labelled with the
/// predicate's local name and carry the evidence sentences as `tooltip`.
///
/// NB: nodes are sorted by IRI and edges by subject, predicate and object, so the output is
/// byte-stable. Control characters of the text never reach the output.
///
/// ```
/// use newsgraph::export::{DotSerializer, View};
/// let first = newsgraph::extract("STRASBOURG (France) • The European Court of Human Rights ruled against Russia.\n")?;
/// let second = newsgraph::extract("MOSCOW • Russia said the European Court of Human Rights was wrong.\n")?;
/// let mut serializer = DotSerializer::new().for_writer(Vec::new());
/// serializer.serialize_graph(&first)?;
/// serializer.serialize_graph(&second)?;
/// let dot = String::from_utf8(serializer.finish()?)?;
/// assert!(dot.starts_with("digraph newsgraph {"));
/// // Russia is drawn once, though both articles name it.
/// assert_eq!(dot.matches("label=\"Russia\"").count(), 1);
///
/// let full = DotSerializer::new().with_view(View::Full).for_writer(Vec::new());
/// # let _ = full;
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct DotSerializer {
    without_legend: bool,
    view: View,
}

impl DotSerializer {
    /// A serializer of the story view that draws a legend.
    pub fn new() -> Self {
        Self::default()
    }

    /// Leaves the legend out.
    pub fn without_legend(mut self) -> Self {
        self.without_legend = true;
        self
    }

    /// Draws this view of the graphs.
    pub fn with_view(mut self, view: View) -> Self {
        self.view = view;
        self
    }

    /// Writes to `writer`.
    pub fn for_writer<W: Write>(self, writer: W) -> WriterDotSerializer<W> {
        WriterDotSerializer {
            writer,
            options: self,
            graphs: Vec::new(),
            triples_body: String::new(),
            n_triple_sets: 0,
        }
    }
}

/// A [`DotSerializer`] bound to a writer; output is written by [`finish`](Self::finish).
#[must_use]
pub struct WriterDotSerializer<W: Write> {
    writer: W,
    options: DotSerializer,
    graphs: Vec<KnowledgeGraph>,
    /// Nodes and edges of sets of triples added with `serialize_triples`.
    triples_body: String,
    n_triple_sets: usize,
}

impl<W: Write> WriterDotSerializer<W> {
    /// Adds a graph; all graphs are drawn in one picture by [`finish`](Self::finish).
    ///
    /// # Errors
    /// None today; the signature matches the other serializers.
    pub fn serialize_graph(&mut self, graph: &KnowledgeGraph) -> Result<(), ExportError> {
        self.graphs.push(graph.clone());
        Ok(())
    }

    /// Adds a set of RDF triples, such as a `CONSTRUCT` result over a corpus stream: IRIs
    /// are nodes (labelled by `rdfs:label`, else their local name, and drawn by their
    /// `rdf:type`), triples between two IRIs are edges. Provenance (reified facts, NIF
    /// sentences and spans, `prov:`, `nif:`, `oa:` terms) and literals are not drawn.
    ///
    /// NB: nodes are sorted by IRI and edges by subject, predicate and object, so the output
    /// does not depend on the order of `triples`.
    ///
    /// # Errors
    /// None today; the signature matches the other serializers.
    pub fn serialize_triples(&mut self, triples: &[oxrdf::Triple]) -> Result<(), ExportError> {
        use crate::vocab::{nif, oa, prov, rdf, rdfs};
        use oxrdf::{NamedOrBlankNode, Term};
        use std::collections::{BTreeMap, BTreeSet};
        let is_provenance = |iri: &str| {
            [prov::NS, nif::NS, oa::NS].iter().any(|namespace| iri.starts_with(namespace))
                || matches!(iri, rdf::SUBJECT | rdf::PREDICATE | rdf::OBJECT)
        };
        let mut classes: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        let mut labels: BTreeMap<&str, &str> = BTreeMap::new();
        let mut edges: BTreeSet<(&str, &str, &str)> = BTreeSet::new();
        for triple in triples {
            let NamedOrBlankNode::NamedNode(subject) = &triple.subject else { continue };
            let (subject, predicate) = (subject.as_str(), triple.predicate.as_str());
            match &triple.object {
                Term::NamedNode(object) if predicate == rdf::TYPE => {
                    classes.entry(subject).or_default().push(object.as_str());
                }
                Term::NamedNode(object) if !is_provenance(predicate) => {
                    edges.insert((subject, predicate, object.as_str()));
                }
                Term::Literal(literal) if predicate == rdfs::LABEL => {
                    labels.entry(subject).or_insert(literal.value());
                }
                _ => {}
            }
        }
        let hidden = |iri: &str| {
            classes.get(iri).is_some_and(|classes| {
                classes.iter().any(|class| {
                    matches!(*class, rdf::STATEMENT | ng::FACT) || is_provenance(class)
                })
            })
        };
        edges.retain(|(subject, _, object)| !hidden(subject) && !hidden(object));
        let mut iris: BTreeSet<&str> = BTreeSet::new();
        for (subject, _, object) in &edges {
            iris.insert(subject);
            iris.insert(object);
        }
        for (iri, _) in labels.iter().filter(|(iri, _)| !hidden(iri)) {
            iris.insert(iri);
        }
        // Events are what has roles: an agent, a place, a toll.
        let event_roles = [ng::AGENT, ng::PLACE, ng::KILLED, ng::TARGET];
        let events: BTreeSet<&str> = edges
            .iter()
            .filter(|(_, predicate, _)| event_roles.contains(predicate))
            .map(|(subject, _, _)| *subject)
            .collect();
        let prefix = if self.n_triple_sets == 0 {
            "t_".to_owned()
        } else {
            format!("t{}_", self.n_triple_sets)
        };
        self.n_triple_sets += 1;
        let ids: BTreeMap<&str, usize> =
            iris.iter().enumerate().map(|(index, iri)| (*iri, index)).collect();
        for (iri, index) in &ids {
            let node_classes = classes.get(iri).cloned().unwrap_or_default();
            let kind = if node_classes.contains(&schema::NEWS_ARTICLE) {
                NodeKind::Document
            } else if events.contains(iri) {
                NodeKind::Event
            } else {
                NodeKind::Entity
            };
            let label = labels.get(iri).copied().unwrap_or_else(|| local_name(iri));
            let mut node = Node::new(*iri, kind, label);
            node.classes = node_classes.iter().map(|class| (*class).to_owned()).collect();
            let look = look(&node);
            let _ = writeln!(
                self.triples_body,
                "  {prefix}n{index} [label=\"{}\", shape={}, fillcolor=\"{}\", tooltip=\"{}\"];",
                escape(label),
                look.shape,
                look.fill,
                escape(iri),
            );
        }
        for (subject, predicate, object) in &edges {
            let (Some(subject_id), Some(object_id)) = (ids.get(subject), ids.get(object)) else {
                continue;
            };
            let _ = writeln!(
                self.triples_body,
                "  {prefix}n{subject_id} -> {prefix}n{object_id} [label=\"{}\", tooltip=\"{}\"];",
                escape(local_name(predicate)),
                escape(predicate),
            );
        }
        Ok(())
    }

    /// Writes the whole digraph and returns the writer.
    ///
    /// # Errors
    /// [`ExportError::Io`] when the writer fails.
    pub fn finish(mut self) -> Result<W, ExportError> {
        let mut output = String::from("digraph newsgraph {\n");
        output.push_str("  rankdir=LR;\n");
        let looks = match self.options.view {
            View::Full => {
                output.push_str("  node [style=filled, fontname=\"Helvetica\", fontsize=11];\n");
                output
                    .push_str("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n");
                for (n_graph, graph) in self.graphs.iter().enumerate() {
                    let prefix = if n_graph == 0 { String::new() } else { format!("g{n_graph}_") };
                    full_body(&mut output, graph, &prefix);
                }
                LOOKS.to_vec()
            }
            View::Story => {
                let graphs: Vec<&KnowledgeGraph> = self.graphs.iter().collect();
                let story = Story::of(&graphs);
                // Top to bottom fits a screen: left to right made the demo four times wider
                // than high.
                output.replace_range(
                    .."digraph newsgraph {\n  rankdir=LR;\n".len(),
                    "digraph newsgraph {\n  rankdir=TB;\n",
                );
                output.push_str(
                    "  graph [fontname=\"Helvetica\", nodesep=0.2, ranksep=0.5, pad=0.2];\n",
                );
                output.push_str(
                    "  node [style=filled, fontname=\"Helvetica\", fontsize=12, margin=\"0.08,0.04\"];\n",
                );
                output.push_str(
                    "  edge [fontname=\"Helvetica\", fontsize=10, color=\"#555555\", fontcolor=\"#333333\"];\n",
                );
                story_body(&mut output, &story);
                STORY_LOOKS
                    .iter()
                    .copied()
                    .filter(|wanted| story.nodes.iter().any(|node| node.look == *wanted))
                    .collect()
            }
        };
        output.push_str(&self.triples_body);
        if !self.options.without_legend && !looks.is_empty() {
            output.push_str("  subgraph cluster_legend {\n");
            output.push_str(
                "    label=\"Legend\";\n    style=dashed;\n    fontname=\"Helvetica\";\n",
            );
            for look in &looks {
                output.push_str(&format!(
                    "    legend_{0} [label=\"{0}\", shape={1}, fillcolor=\"{2}\"];\n",
                    look.legend, look.shape, look.fill
                ));
            }
            // Invisible edges stack the legend entries in one column.
            let chain: Vec<String> =
                looks.iter().map(|look| format!("legend_{}", look.legend)).collect();
            if chain.len() > 1 {
                output.push_str(&format!("    {} [style=invis];\n", chain.join(" -> ")));
            }
            output.push_str("  }\n");
        }
        output.push_str("}\n");
        self.writer.write_all(output.as_bytes())?;
        Ok(self.writer)
    }
}

/// The label of a story node: its title and lines, wrapped.
pub(crate) fn story_label(node: &StoryNode) -> Vec<String> {
    let mut lines = wrap(&node.title, WRAP);
    for line in &node.lines {
        lines.extend(wrap(line, WRAP + 8));
    }
    lines
}

/// The nodes and edges of the story view.
fn story_body(output: &mut String, story: &Story) {
    // `fmt::Write` for String cannot fail; the results are ignored for that reason.
    for (index, node) in story.nodes.iter().enumerate() {
        let _ = writeln!(
            output,
            "  n{index} [label=\"{}\", shape={}, fillcolor=\"{}\", tooltip=\"{}\"];",
            escape(&story_label(node).join("\n")),
            node.look.shape,
            node.look.fill,
            escape(&node.iri),
        );
    }
    for edge in &story.edges {
        let _ = writeln!(
            output,
            "  n{} -> n{} [label=\"{}\", tooltip=\"{}\"];",
            edge.from,
            edge.to,
            escape(&edge.labels.join(", ")),
            escape(&edge.sentences.join("\n")),
        );
    }
}

/// Every node and edge of one graph, node ids prefixed with `prefix`.
fn full_body(output: &mut String, graph: &KnowledgeGraph, prefix: &str) {
    let nodes: Vec<&Node> = graph.nodes().map(|(_, node)| node).collect();
    let id_of = |iri: &str| nodes.binary_search_by(|node| node.iri.as_str().cmp(iri)).ok();
    // `fmt::Write` for String cannot fail; the results are ignored for that reason.
    for (index, node) in nodes.iter().enumerate() {
        let look = look(node);
        let _ = writeln!(
            output,
            "  {prefix}n{index} [label=\"{}\", shape={}, fillcolor=\"{}\", tooltip=\"{}\"];",
            escape(&node_label(node)),
            look.shape,
            look.fill,
            escape(&node.iri),
        );
    }
    let document = graph.document();
    let mut edges: Vec<(usize, &str, usize, String)> = graph
        .edges()
        .filter_map(|(subject, edge, object)| {
            let subject_id = id_of(&subject.iri)?;
            let object_id = id_of(&object.iri)?;
            let mut sentences: Vec<usize> =
                edge.evidence.iter().map(|item| item.sentence).collect();
            sentences.sort_unstable();
            sentences.dedup();
            let tooltip = sentences
                .iter()
                .filter_map(|&sentence| document.sentences.get(sentence))
                .map(|sentence| sentence.text.as_str())
                .collect::<Vec<_>>()
                .join("\n");
            Some((subject_id, edge.predicate.as_str(), object_id, tooltip))
        })
        .collect();
    edges.sort_by(|left, right| {
        (nodes[left.0].iri.as_str(), left.1, nodes[left.2].iri.as_str()).cmp(&(
            nodes[right.0].iri.as_str(),
            right.1,
            nodes[right.2].iri.as_str(),
        ))
    });
    for (subject_id, predicate, object_id, tooltip) in edges {
        let tooltip = if tooltip.is_empty() { predicate.to_owned() } else { tooltip };
        let _ = writeln!(
            output,
            "  {prefix}n{subject_id} -> {prefix}n{object_id} [label=\"{}\", tooltip=\"{}\"];",
            escape(local_name(predicate)),
            escape(&tooltip),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        let cases = [
            ("plain", "plain"),
            ("say \"no\"", "say \\\"no\\\""),
            ("back\\slash \\N", "back\\\\slash \\\\N"),
            ("two\nlines", "two\\nlines"),
            ("crlf\r\n", "crlf\\n"),
            // See: issue 15 (a BEL made Graphviz write an SVG that is not well-formed XML).
            (
                "bell\u{7} escape\u{1b}[31m c1\u{9b} tab\t",
                "bell\u{fffd} escape\u{fffd}[31m c1\u{fffd} tab ",
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(escape(input), expected, "{input}");
        }
    }

    #[test]
    fn local_names() {
        assert_eq!(local_name("https://w3id.org/newsgraph/ontology#agent"), "agent");
        assert_eq!(local_name("https://schema.org/worksFor"), "worksFor");
    }
}
