//! [`KnowledgeGraph`]: the extracted graph, held in a petgraph [`StableDiGraph`].
//!
//! **Invariant:** knows nothing about RDF syntaxes or Graphviz; a node's identity is its
//! minted IRI (two nodes never share one), and every edge and attribute keeps its evidence.

mod query;

pub use query::{Fact, FactObject, FactSource};

use std::collections::BTreeMap;

use jiff::civil::Date;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};

use crate::article::Span;

/// What kind of thing a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum NodeKind {
    /// The article itself.
    Document,
    /// A person, organisation, place, legal instrument or other named thing.
    Entity,
    /// Something that happened.
    Event,
    /// A count or amount.
    Quantity,
    /// What a source says.
    Claim,
}

/// A typed literal value.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Literal {
    /// Plain text (`xsd:string`).
    Text(String),
    /// A calendar date (`xsd:date`).
    Date(Date),
    /// A year only (`xsd:gYear`).
    Year(i16),
    /// A year and month (`xsd:gYearMonth`).
    YearMonth(i16, i8),
    /// A whole number (`xsd:integer`).
    Integer(i64),
    /// A decimal number in its lexical form (`xsd:decimal`), such as `53.85`.
    Decimal(String),
    /// An ISO 8601 duration (`xsd:duration`), such as `P3D`.
    Duration(String),
    /// An identifier or an address, not prose: a plain `xsd:string` without a language tag
    /// (a record's id or URL), where [`Literal::Text`] is English prose (`@en`).
    Identifier(String),
}

/// Where a fact comes from: the sentence, the words, and the rule.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Evidence {
    /// Index of the sentence in [`Document::sentences`].
    pub sentence: usize,
    /// The words that state the fact (inside the sentence).
    pub span: Span,
    /// The identifier of the rule that produced the fact, such as `rel:title-person`.
    pub rule: std::sync::Arc<str>,
}

impl Evidence {
    /// The `sentence` of evidence from the dateline (`ACCRA, Ghana (AP) —`), which states
    /// facts but is no sentence of the body; its `span` is the dateline's.
    pub const DATELINE: usize = usize::MAX;

    /// Whether the fact is stated by the dateline rather than by a sentence.
    #[must_use]
    pub fn is_dateline(&self) -> bool {
        self.sentence == Self::DATELINE
    }
}

/// A literal-valued property of a node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute {
    /// Property IRI.
    pub predicate: String,
    /// The value.
    pub value: Literal,
    /// Where it was found; empty for values that come from a lexicon.
    pub evidence: Vec<Evidence>,
}

/// A node: an entity, event, quantity, claim or the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// The node's IRI: deterministic, and for entities the same across articles.
    pub iri: String,
    /// What it is.
    pub kind: NodeKind,
    /// Class IRIs (`rdf:type`), most specific first.
    pub classes: Vec<String>,
    /// A human-readable label (`rdfs:label`).
    pub label: String,
    /// Names used for it in the article, the label first (`schema:name`, `schema:alternateName`).
    pub names: Vec<String>,
    /// Common-noun phrases the article uses for a named entity, without their determiner
    /// ("court" and "Strasbourg-based court" for "the court", "the Strasbourg-based court").
    ///
    /// NB: they help find the entity by what the article calls it
    /// ([`find_by_name`](KnowledgeGraph::find_by_name)); they are no names, so the RDF mapping
    /// leaves them out.
    pub descriptions: Vec<String>,
    /// External identifiers (`owl:sameAs`), such as Wikidata entity IRIs.
    pub same_as: Vec<String>,
    /// Literal-valued properties.
    pub attributes: Vec<Attribute>,
}

impl Node {
    /// A node with an IRI, kind and label, and nothing else yet.
    #[must_use]
    pub fn new(iri: impl Into<String>, kind: NodeKind, label: impl Into<String>) -> Self {
        let label = label.into();
        Self {
            iri: iri.into(),
            kind,
            classes: Vec::new(),
            names: vec![label.clone()],
            descriptions: Vec::new(),
            label,
            same_as: Vec::new(),
            attributes: Vec::new(),
        }
    }

    /// Adds a class.
    #[must_use]
    pub fn with_class(mut self, class: impl Into<String>) -> Self {
        push_unique(&mut self.classes, class.into());
        self
    }

    /// The first value of a literal property.
    #[must_use]
    pub fn attribute(&self, predicate: &str) -> Option<&Literal> {
        self.attributes.iter().find(|attribute| attribute.predicate == predicate).map(|a| &a.value)
    }

    /// Whether the node has this class.
    #[must_use]
    pub fn has_class(&self, class: &str) -> bool {
        self.classes.iter().any(|own| own == class)
    }
}

/// A labelled edge: the predicate and the evidence for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// Property IRI.
    pub predicate: String,
    /// Where it was found; empty for facts that come from a lexicon.
    pub evidence: Vec<Evidence>,
}

/// A sentence of the source article, as the graph keeps it for evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceRecord {
    /// Where it is in the article.
    pub span: Span,
    /// Its text.
    pub text: String,
    /// Whether it belongs to a photo caption.
    pub in_caption: bool,
}

/// What the graph keeps of its source article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    /// The article's IRI; fragment identifiers of sentences and facts are appended to it.
    pub iri: String,
    /// The full article text (code point offsets index into it).
    pub text: String,
    /// The sentences, in order.
    pub sentences: Vec<SentenceRecord>,
}

/// Something the pipeline noticed but could not resolve: a missing dateline, an unknown name,
/// a pronoun without antecedent. Extraction never fails; it reports these instead.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// The stage that noticed it, such as `article` or `coref`.
    pub stage: &'static str,
    /// Where in the article, if anywhere in particular.
    pub span: Option<Span>,
    /// What it is, lowercase, no trailing period.
    pub message: String,
}

/// The knowledge graph of one article.
///
/// NB: node and edge iteration follows insertion order, which the pipeline keeps deterministic;
/// exporters sort on top of that, so the same article always gives the same bytes.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    graph: StableDiGraph<Node, Edge>,
    by_iri: BTreeMap<String, NodeIndex>,
    /// The edges between two nodes, so that adding an edge does not walk all the edges of a
    /// node (the document node has one per fact).
    edges_between: rustc_hash::FxHashMap<(NodeIndex, NodeIndex), Vec<EdgeIndex>>,
    document: Document,
    document_node: Option<NodeIndex>,
    diagnostics: Vec<Diagnostic>,
    mentions: Vec<(Span, NodeIndex)>,
}

impl KnowledgeGraph {
    /// An empty graph about a document.
    #[must_use]
    pub fn new(document: Document) -> Self {
        Self { document, ..Self::default() }
    }

    /// The source document.
    #[must_use]
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// What the pipeline noticed but could not resolve, in article order.
    #[must_use]
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Records a diagnostic.
    pub fn add_diagnostic(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// Records that the words at `span` of the article name `node` (a mention).
    ///
    /// Mentions are not part of the RDF output; they let a reader find every place the
    /// article names a node (the HTML report highlights them).
    pub fn add_mention(&mut self, span: Span, node: NodeIndex) {
        self.mentions.push((span, node));
    }

    /// Every mention of a node in the article, as `(span, node)`, sorted by start (longer
    /// mentions first when two start together).
    ///
    /// NB: mentions may nest ("Russian" inside "Russian security forces"), never cross.
    #[must_use]
    pub fn mentions(&self) -> Vec<(Span, &Node)> {
        let mut mentions: Vec<(Span, &Node)> = self
            .mentions
            .iter()
            .filter_map(|&(span, index)| self.graph.node_weight(index).map(|node| (span, node)))
            .collect();
        mentions.sort_by(|left, right| {
            (left.0.start, std::cmp::Reverse(left.0.end), &left.1.iri).cmp(&(
                right.0.start,
                std::cmp::Reverse(right.0.end),
                &right.1.iri,
            ))
        });
        mentions.dedup_by(|left, right| left.0 == right.0 && left.1.iri == right.1.iri);
        mentions
    }

    /// The node that stands for the article itself, once added.
    #[must_use]
    pub fn document_node(&self) -> Option<NodeIndex> {
        self.document_node
    }

    /// The underlying petgraph graph, for algorithms this API does not offer.
    #[must_use]
    pub fn petgraph(&self) -> &StableDiGraph<Node, Edge> {
        &self.graph
    }

    /// Adds a node, or merges it into the node that has the same IRI (classes, names,
    /// `sameAs` and attributes are united; the first label stays).
    pub fn add_node(&mut self, node: Node) -> NodeIndex {
        if let Some(&index) = self.by_iri.get(&node.iri) {
            if let Some(existing) = self.graph.node_weight_mut(index) {
                for class in node.classes {
                    push_unique(&mut existing.classes, class);
                }
                for name in node.names {
                    push_unique(&mut existing.names, name);
                }
                for description in node.descriptions {
                    push_unique(&mut existing.descriptions, description);
                }
                for same_as in node.same_as {
                    push_unique(&mut existing.same_as, same_as);
                }
                for attribute in node.attributes {
                    merge_attribute(&mut existing.attributes, attribute);
                }
            }
            return index;
        }
        let is_document = node.kind == NodeKind::Document;
        let iri = node.iri.clone();
        let index = self.graph.add_node(node);
        self.by_iri.insert(iri, index);
        if is_document {
            self.document_node = Some(index);
        }
        index
    }

    /// Adds `subject --predicate--> object`, or adds the evidence to the existing edge.
    pub fn add_edge(
        &mut self,
        subject: NodeIndex,
        predicate: &str,
        object: NodeIndex,
        evidence: Option<Evidence>,
    ) -> EdgeIndex {
        let existing = self.edges_between.get(&(subject, object)).and_then(|edges| {
            edges.iter().copied().find(|&edge| {
                self.graph.edge_weight(edge).is_some_and(|edge| edge.predicate == predicate)
            })
        });
        if let Some(edge_index) = existing {
            if let (Some(edge), Some(evidence)) = (self.graph.edge_weight_mut(edge_index), evidence)
            {
                push_unique(&mut edge.evidence, evidence);
            }
            return edge_index;
        }
        let edge =
            Edge { predicate: predicate.to_owned(), evidence: evidence.into_iter().collect() };
        let edge_index = self.graph.add_edge(subject, object, edge);
        self.edges_between.entry((subject, object)).or_default().push(edge_index);
        edge_index
    }

    /// Adds a literal property to a node (merging evidence if the same value is there).
    pub fn add_attribute(
        &mut self,
        node: NodeIndex,
        predicate: &str,
        value: Literal,
        evidence: Option<Evidence>,
    ) {
        if let Some(existing) = self.graph.node_weight_mut(node) {
            let attribute = Attribute {
                predicate: predicate.to_owned(),
                value,
                evidence: evidence.into_iter().collect(),
            };
            merge_attribute(&mut existing.attributes, attribute);
        }
    }

    /// Adds a name to a node.
    pub fn add_name(&mut self, node: NodeIndex, name: &str) {
        if let Some(existing) = self.graph.node_weight_mut(node) {
            push_unique(&mut existing.names, name.to_owned());
        }
    }

    /// Adds a description ("court") to a node; see [`Node::descriptions`].
    pub fn add_description(&mut self, node: NodeIndex, description: &str) {
        if let Some(existing) = self.graph.node_weight_mut(node) {
            push_unique(&mut existing.descriptions, description.to_owned());
        }
    }

    /// Adds a class to a node.
    pub fn add_class(&mut self, node: NodeIndex, class: &str) {
        if let Some(existing) = self.graph.node_weight_mut(node) {
            push_unique(&mut existing.classes, class.to_owned());
        }
    }

    /// The node at an index.
    #[must_use]
    pub fn node(&self, index: NodeIndex) -> Option<&Node> {
        self.graph.node_weight(index)
    }

    /// The index of the node with this IRI.
    #[must_use]
    pub fn node_by_iri(&self, iri: &str) -> Option<NodeIndex> {
        self.by_iri.get(iri).copied()
    }

    /// All nodes, sorted by IRI.
    pub fn nodes(&self) -> impl Iterator<Item = (NodeIndex, &Node)> + '_ {
        self.by_iri
            .values()
            .filter_map(|&index| self.graph.node_weight(index).map(|node| (index, node)))
    }

    /// All edges as `(subject, edge, object)`, in insertion order.
    pub fn edges(&self) -> impl Iterator<Item = (&Node, &Edge, &Node)> + '_ {
        self.graph.edge_indices().filter_map(|edge_index| {
            let (subject, object) = self.graph.edge_endpoints(edge_index)?;
            Some((
                self.graph.node_weight(subject)?,
                self.graph.edge_weight(edge_index)?,
                self.graph.node_weight(object)?,
            ))
        })
    }

    /// Number of nodes.
    #[must_use]
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    #[must_use]
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }
}

fn push_unique<T: PartialEq>(items: &mut Vec<T>, item: T) {
    if !items.contains(&item) {
        items.push(item);
    }
}

fn merge_attribute(attributes: &mut Vec<Attribute>, attribute: Attribute) {
    match attributes
        .iter_mut()
        .find(|own| own.predicate == attribute.predicate && own.value == attribute.value)
    {
        Some(own) => {
            for evidence in attribute.evidence {
                push_unique(&mut own.evidence, evidence);
            }
        }
        None => attributes.push(attribute),
    }
}
