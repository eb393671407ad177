//! The RDF mapping of a [`KnowledgeGraph`]: facts, their evidence, and the article text.
//!
//! [`to_dataset`] turns a graph into an [`oxrdf::Dataset`]; the serializers in
//! [`export`](crate::export) write that dataset.
//!
//! # Mapping
//!
//! Every node `n` gives `n rdf:type` each class (or, when it has none, the class of its
//! [`NodeKind`]: `schema:NewsArticle`, `ng:Event`, `ng:Quantity`, `ng:Claim`), `rdfs:label`,
//! `schema:name` (the label), `schema:alternateName` (its other names), `owl:sameAs` (each
//! external identifier), and its attributes as typed literals
//! (`Date` → `xsd:date`, `Year` → `xsd:gYear`, `YearMonth` → `xsd:gYearMonth`,
//! `Integer` → `xsd:integer`, `Decimal` → `xsd:decimal`, `Duration` → `xsd:duration`,
//! `Text` → English prose tagged `@en`).
//! Labels, names, and text attributes (quotes, claims, job titles, descriptions, the dateline)
//! are English prose and carry the language tag `@en` (`rdf:langString`); the NIF strings
//! (`nif:isString`, `nif:anchorOf`) stay plain `xsd:string`, as NIF requires, and so do rule
//! identifiers (`ng:rule`).
//! Every edge `s p o` is the triple `s p o`.
//! All of these are in the **default graph**, which alone is the complete graph.
//!
//! # Provenance
//!
//! With `{doc}` the document IRI and all offsets in **Unicode code points** of the article text
//! (half-open, [`Span::start_char`](crate::Span::start_char)..[`Span::end_char`](crate::Span::end_char)):
//!
//! * `<{doc}> ng:context <{doc}#char=0,{len}>`, the [NIF](https://persistence.uni-leipzig.org/nlp2rdf/)
//!   context: `a nif:Context, nif:OffsetBasedString; nif:isString "full text"; nif:beginIndex 0; nif:endIndex len`.
//! * Sentence `n` (**1-based**, in article order) is `<{doc}#s{n}> a nif:Sentence` with
//!   `nif:anchorOf`, `nif:beginIndex`, `nif:endIndex`, `nif:referenceContext` and `nif:nextSentence`.
//! * Every edge or attribute with evidence gets a reified statement
//!   `<{doc}#fact-{h}> a rdf:Statement, ng:Fact; rdf:subject; rdf:predicate; rdf:object`, where `h` is
//!   16 hex digits of [`fnv1a`] over `subject|predicate|object` (IRIs bare,
//!   a literal object in its N-Triples form). Each evidence adds `prov:wasDerivedFrom <{doc}#s{n}>`,
//!   `ng:rule "rule-id"` and `ng:evidenceSpan <{doc}#char={b},{e}>`.
//! * A span node `<{doc}#char={b},{e}>` ([RFC 5147](https://www.rfc-editor.org/rfc/rfc5147) fragment)
//!   is `a nif:Phrase, oa:TextPositionSelector; nif:beginIndex b; oa:start b; nif:endIndex e; oa:end e;
//!   nif:anchorOf "words"; nif:referenceContext <context>; nif:sentence <{doc}#s{n}>`.
//! * Each fact triple is **also** written into the named graph `<{doc}#s{n}>` of every sentence
//!   that states it, so `GRAPH <{doc}#s3> { … }` is what sentence 3 says.
//! * A fact the dateline states (`ACCRA, Ghana (AP) —`: Accra is in Ghana, rule `dateline`)
//!   derives from `<{doc}#dateline> a nif:Sentence` (the dateline's words, offsets and context;
//!   NIF has no class for a dateline, which is a sentence-like unit outside the body), its
//!   evidence span is the dateline, and its triple is in the named graph `<{doc}#dateline>`.
//!
//! Offsets are `xsd:nonNegativeInteger`. There are no blank nodes: every resource has a minted
//! IRI, so the output is deterministic and two datasets compare with plain set equality.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use oxrdf::{
    Dataset, GraphNameRef, Literal as RdfLiteral, NamedNode, NamedOrBlankNodeRef, Quad, QuadRef,
    Term,
};
use rustc_hash::FxBuildHasher;

use crate::graph::{Evidence, KnowledgeGraph, Literal, Node, NodeKind};
use crate::mint::fnv1a;
use crate::vocab::{ng, nif, oa, owl, prov, rdf, rdfs, schema, xsd};

/// Maps a [`KnowledgeGraph`] to an RDF [`Dataset`] with provenance (see the
/// [module documentation](self) for the mapping).
///
/// NB: the dataset has no blank nodes, so the same graph always gives the same set of quads.
///
/// ```
/// let graph = newsgraph::extract("STRASBOURG (France) • The court ruled yesterday.\n")?;
/// let dataset = newsgraph::rdf::to_dataset(&graph);
/// assert!(dataset.iter().all(|quad| !quad.subject.is_blank_node()));
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn to_dataset(graph: &KnowledgeGraph) -> Dataset {
    to_quads(graph).into_iter().collect()
}

/// The quads of [`to_dataset`], in no particular order and possibly repeated; the exporters
/// sort them, which is much cheaper than building an indexed [`Dataset`].
#[must_use]
pub fn to_quads(graph: &KnowledgeGraph) -> Vec<Quad> {
    let mut table = QuadTable::default();
    table.add_graph(graph);
    table.quads.iter().filter_map(|quad| table.quad(*quad).map(QuadRef::into_owned)).collect()
}

/// The id of the default graph in a [`QuadTable`] quad.
const DEFAULT_GRAPH: u32 = u32::MAX;

/// The quads of graphs over a table of their distinct terms: each term is stored once and a
/// quad is four ids (subject, predicate, object, graph), so a long article's quads take a
/// fraction of the memory of [`Quad`]s, which own four strings each.
#[derive(Debug, Default)]
pub(crate) struct QuadTable {
    terms: Vec<Arc<Term>>,
    ids: HashMap<Arc<Term>, u32, FxBuildHasher>,
    quads: Vec<[u32; 4]>,
}

impl QuadTable {
    /// Adds the quads of [`to_dataset`] of a graph.
    pub(crate) fn add_graph(&mut self, graph: &KnowledgeGraph) {
        let doc = graph.document().iri.clone();
        let context = iri(&span_iri(&doc, 0, graph.document().text.chars().count()));
        self.quads.reserve(16 * graph.edge_count());
        let mut builder = Builder { table: self, doc, context };
        builder.document(graph);
        for (_, node) in graph.nodes() {
            builder.node(graph, node);
        }
        for (subject, edge, object) in graph.edges() {
            let object_term = Term::from(iri(&object.iri));
            builder.fact(graph, &subject.iri, &edge.predicate, &object_term, &edge.evidence);
        }
    }

    /// The id of a term, added if new.
    fn id(&mut self, term: Term) -> u32 {
        if let Some(&id) = self.ids.get(&term) {
            return id;
        }
        let id = u32::try_from(self.terms.len()).unwrap_or(DEFAULT_GRAPH - 1);
        let term = Arc::new(term);
        self.terms.push(Arc::clone(&term));
        self.ids.insert(term, id);
        id
    }

    fn push(&mut self, subject: Term, predicate: Term, object: Term, graph: Option<Term>) {
        let quad = [
            self.id(subject),
            self.id(predicate),
            self.id(object),
            graph.map_or(DEFAULT_GRAPH, |graph| self.id(graph)),
        ];
        self.quads.push(quad);
    }

    fn term(&self, id: u32) -> Option<&Term> {
        self.terms.get(id as usize).map(|term| &**term)
    }

    /// A quad of the table as an oxrdf quad (`None` for a malformed one, which `push` never
    /// makes: subjects and predicates are IRIs).
    fn quad(&self, [subject, predicate, object, graph]: [u32; 4]) -> Option<QuadRef<'_>> {
        let subject = match self.term(subject)? {
            Term::NamedNode(node) => NamedOrBlankNodeRef::from(node.as_ref()),
            Term::BlankNode(node) => NamedOrBlankNodeRef::from(node.as_ref()),
            _ => return None,
        };
        let Term::NamedNode(predicate) = self.term(predicate)? else { return None };
        let graph = match graph {
            DEFAULT_GRAPH => GraphNameRef::DefaultGraph,
            id => match self.term(id)? {
                Term::NamedNode(node) => GraphNameRef::from(node.as_ref()),
                Term::BlankNode(node) => GraphNameRef::from(node.as_ref()),
                _ => return None,
            },
        };
        Some(QuadRef::new(subject, predicate.as_ref(), self.term(object)?.as_ref(), graph))
    }

    /// The quads in canonical order: graph name (default first), subject, predicate
    /// (`rdf:type`, then `rdfs:label`, then by IRI), object (IRIs before literals), without
    /// duplicates; with `default_only`, the default graph alone.
    ///
    /// # Complexity
    /// O(n log n) in the quads: the distinct terms are ranked once by their written form
    /// (an IRI, `_:` and a blank node's id, a literal in N-Triples form), and a quad's sort key
    /// is seven small integers.
    pub(crate) fn sorted(&self, default_only: bool) -> Vec<QuadRef<'_>> {
        let written: Vec<std::borrow::Cow<'_, str>> = self
            .terms
            .iter()
            .map(|term| match &**term {
                Term::NamedNode(node) => node.as_str().into(),
                Term::BlankNode(node) => format!("_:{}", node.as_str()).into(),
                other => other.to_string().into(),
            })
            .collect();
        let mut by_text: Vec<u32> = (0..u32::try_from(written.len()).unwrap_or(0)).collect();
        by_text.sort_unstable_by(|&left, &right| {
            written.get(left as usize).cmp(&written.get(right as usize))
        });
        drop(written);
        let mut rank = vec![0_u32; by_text.len()];
        for (position, id) in by_text.into_iter().enumerate() {
            if let Some(slot) = rank.get_mut(id as usize) {
                *slot = u32::try_from(position).unwrap_or(u32::MAX);
            }
        }
        let rank_of = |id: u32| rank.get(id as usize).copied().unwrap_or_default();
        let is_literal = |id: u32| u32::from(matches!(self.term(id), Some(Term::Literal(_))));
        let predicate_kind = |id: u32| match self.term(id) {
            Some(Term::NamedNode(node)) if node.as_str() == rdf::TYPE => 0,
            Some(Term::NamedNode(node)) if node.as_str() == rdfs::LABEL => 1,
            _ => 2,
        };
        let keys: Vec<[u32; 7]> = self
            .quads
            .iter()
            .map(|&[subject, predicate, object, graph]| {
                let (graph_kind, graph_rank) = match graph {
                    DEFAULT_GRAPH => (0, 0),
                    id if matches!(self.term(id), Some(Term::BlankNode(_))) => (2, rank_of(id)),
                    id => (1, rank_of(id)),
                };
                [
                    graph_kind,
                    graph_rank,
                    rank_of(subject),
                    predicate_kind(predicate),
                    rank_of(predicate),
                    is_literal(object),
                    rank_of(object),
                ]
            })
            .collect();
        let mut order: Vec<usize> = (0..self.quads.len())
            .filter(|&index| {
                !default_only || self.quads.get(index).is_some_and(|quad| quad[3] == DEFAULT_GRAPH)
            })
            .collect();
        order.sort_unstable_by(|&left, &right| keys.get(left).cmp(&keys.get(right)));
        order.dedup_by(|left, right| self.quads.get(*left) == self.quads.get(*right));
        order
            .into_iter()
            .filter_map(|index| self.quads.get(index).and_then(|quad| self.quad(*quad)))
            .collect()
    }
}

impl KnowledgeGraph {
    /// The RDF dataset of this graph; see [`rdf::to_dataset`](to_dataset).
    #[must_use]
    pub fn to_dataset(&self) -> Dataset {
        to_dataset(self)
    }
}

/// The IRI of sentence `index` (0-based index, 1-based fragment `#s{index + 1}`).
#[must_use]
pub fn sentence_iri(document_iri: &str, index: usize) -> String {
    format!("{document_iri}#s{}", index + 1)
}

/// The IRI of the dateline (`ACCRA, Ghana (AP) —`), the source of the facts it states:
/// `{doc}#dateline`.
#[must_use]
pub fn dateline_iri(document_iri: &str) -> String {
    format!("{document_iri}#dateline")
}

/// The IRI of the stretch `begin..end` (code points) of the document text: `{doc}#char={begin},{end}`.
#[must_use]
pub fn span_iri(document_iri: &str, begin: usize, end: usize) -> String {
    format!("{document_iri}#char={begin},{end}")
}

/// The IRI of the reified statement of `subject predicate object`, where `object` is the
/// N-Triples form of the object term (`<iri>` or a literal).
#[must_use]
pub fn fact_iri(document_iri: &str, subject: &str, predicate: &str, object: &str) -> String {
    let key = format!("{subject}|{predicate}|{object}");
    format!("{document_iri}#fact-{:016x}", fnv1a(key.as_bytes()))
}

/// The RDF literal of a [`Literal`].
#[must_use]
pub fn literal(value: &Literal) -> RdfLiteral {
    match value {
        Literal::Text(text) => english(text),
        Literal::Identifier(value) => RdfLiteral::new_simple_literal(value),
        Literal::Date(date) => typed(date.to_string(), xsd::DATE),
        Literal::Year(year) => typed(format_year(*year), xsd::G_YEAR),
        Literal::YearMonth(year, month) => {
            typed(format!("{}-{month:02}", format_year(*year)), xsd::G_YEAR_MONTH)
        }
        Literal::Integer(number) => typed(number.to_string(), xsd::INTEGER),
        Literal::Decimal(lexical) => typed(lexical.clone(), xsd::DECIMAL),
        Literal::Duration(lexical) => typed(lexical.clone(), xsd::DURATION),
    }
}

/// An IRI as an [`oxrdf::NamedNode`]: validated, and percent-encoded where it holds characters
/// that IRIs cannot (spaces, quotes, angle brackets), so the output always parses.
#[must_use]
pub fn iri(value: &str) -> NamedNode {
    if let Ok(node) = NamedNode::new(value) {
        return node;
    }
    let mut encoded = String::with_capacity(value.len());
    for character in value.chars() {
        if character.is_control()
            || character.is_whitespace()
            || matches!(character, '<' | '>' | '"' | '{' | '}' | '|' | '^' | '`' | '\\')
        {
            let mut buffer = [0; 4];
            for byte in character.encode_utf8(&mut buffer).bytes() {
                encoded.push_str(&format!("%{byte:02X}"));
            }
        } else {
            encoded.push(character);
        }
    }
    // Unchecked because what is left (e.g. a missing scheme) is the caller's IRI minting bug,
    // and this function cannot fail; every IRI newsgraph mints is absolute.
    NamedNode::new_unchecked(encoded)
}

fn format_year(year: i16) -> String {
    if year < 0 {
        format!("-{:04}", -i32::from(year))
    } else {
        format!("{year:04}")
    }
}

fn typed(lexical: String, datatype: &str) -> RdfLiteral {
    RdfLiteral::new_typed_literal(lexical, iri(datatype))
}

fn offset(value: usize) -> Term {
    typed(value.to_string(), xsd::NON_NEGATIVE_INTEGER).into()
}

/// A plain `xsd:string`: the article's own strings as NIF requires them (`nif:isString`,
/// `nif:anchorOf`) and identifiers (`ng:rule`).
fn text(value: &str) -> Term {
    RdfLiteral::new_simple_literal(value).into()
}

/// English prose (labels, names, quotes, claims, titles): a literal tagged `@en`.
fn english(value: &str) -> RdfLiteral {
    // "en" is a well-formed BCP 47 tag, so the unchecked constructor is sound.
    RdfLiteral::new_language_tagged_literal_unchecked(value, "en")
}

struct Builder<'t> {
    table: &'t mut QuadTable,
    doc: String,
    /// The IRI of the document's NIF context (counted once: it needs the text's length).
    context: NamedNode,
}

impl Builder<'_> {
    fn add(&mut self, subject: &NamedNode, predicate: &str, object: impl Into<Term>) {
        self.table.push(subject.clone().into(), iri(predicate).into(), object.into(), None);
    }

    fn document(&mut self, graph: &KnowledgeGraph) {
        let document = graph.document();
        let doc = iri(&self.doc);
        let context = self.context.clone();
        let length = document.text.chars().count();
        self.add(&doc, ng::CONTEXT, context.clone());
        self.add(&context, rdf::TYPE, iri(nif::CONTEXT));
        self.add(&context, rdf::TYPE, iri(nif::OFFSET_BASED_STRING));
        self.add(&context, nif::IS_STRING, text(&document.text));
        self.add(&context, nif::BEGIN_INDEX, offset(0));
        self.add(&context, nif::END_INDEX, offset(length));
        for (index, sentence) in document.sentences.iter().enumerate() {
            let node = iri(&sentence_iri(&self.doc, index));
            self.add(&node, rdf::TYPE, iri(nif::SENTENCE));
            self.add(&node, nif::ANCHOR_OF, text(&sentence.text));
            self.add(&node, nif::BEGIN_INDEX, offset(sentence.span.start_char));
            self.add(&node, nif::END_INDEX, offset(sentence.span.end_char));
            self.add(&node, nif::REFERENCE_CONTEXT, context.clone());
            if index + 1 < document.sentences.len() {
                self.add(&node, nif::NEXT_SENTENCE, iri(&sentence_iri(&self.doc, index + 1)));
            }
        }
    }

    fn node(&mut self, graph: &KnowledgeGraph, node: &Node) {
        let subject = iri(&node.iri);
        if node.classes.is_empty() {
            let class = match node.kind {
                NodeKind::Document => Some(schema::NEWS_ARTICLE),
                NodeKind::Event => Some(ng::EVENT),
                NodeKind::Quantity => Some(ng::QUANTITY),
                NodeKind::Claim => Some(ng::CLAIM),
                _ => None,
            };
            if let Some(class) = class {
                self.add(&subject, rdf::TYPE, iri(class));
            }
        }
        for class in &node.classes {
            self.add(&subject, rdf::TYPE, iri(class));
        }
        self.add(&subject, rdfs::LABEL, english(&node.label));
        self.add(&subject, schema::NAME, english(&node.label));
        for name in node.names.iter().filter(|name| **name != node.label) {
            self.add(&subject, schema::ALTERNATE_NAME, english(name));
        }
        for same_as in &node.same_as {
            self.add(&subject, owl::SAME_AS, iri(same_as));
        }
        for attribute in &node.attributes {
            let object = Term::from(literal(&attribute.value));
            self.fact(graph, &node.iri, &attribute.predicate, &object, &attribute.evidence);
        }
    }

    /// Writes `subject predicate object` into the default graph and, with evidence, its
    /// reified statement and its copies in the sentences' named graphs.
    fn fact(
        &mut self,
        graph: &KnowledgeGraph,
        subject: &str,
        predicate: &str,
        object: &Term,
        evidence: &[Evidence],
    ) {
        let subject_node = iri(subject);
        let predicate_node = iri(predicate);
        self.add(&subject_node, predicate, object.clone());
        if evidence.is_empty() {
            return;
        }
        let document = graph.document();
        let fact = iri(&fact_iri(
            &self.doc,
            subject_node.as_str(),
            predicate_node.as_str(),
            &object.to_string(),
        ));
        self.add(&fact, rdf::TYPE, iri(rdf::STATEMENT));
        self.add(&fact, rdf::TYPE, iri(ng::FACT));
        self.add(&fact, rdf::SUBJECT, subject_node.clone());
        self.add(&fact, rdf::PREDICATE, predicate_node.clone());
        self.add(&fact, rdf::OBJECT, object.clone());
        let context = self.context.clone();
        let mut sentences = BTreeSet::new();
        for item in evidence {
            self.add(&fact, ng::RULE, text(&item.rule));
            let span = iri(&span_iri(&self.doc, item.span.start_char, item.span.end_char));
            self.add(&fact, ng::EVIDENCE_SPAN, span.clone());
            self.add(&span, rdf::TYPE, iri(nif::PHRASE));
            self.add(&span, rdf::TYPE, iri(oa::TEXT_POSITION_SELECTOR));
            self.add(&span, nif::BEGIN_INDEX, offset(item.span.start_char));
            self.add(&span, oa::START, offset(item.span.start_char));
            self.add(&span, nif::END_INDEX, offset(item.span.end_char));
            self.add(&span, oa::END, offset(item.span.end_char));
            if let Some(words) = document.text.get(item.span.start..item.span.end) {
                self.add(&span, nif::ANCHOR_OF, text(words));
            }
            self.add(&span, nif::REFERENCE_CONTEXT, context.clone());
            // A fact the dateline states derives from the dateline, a sentence-like string
            // of its own (`{doc}#dateline`, whose span is the evidence span); other evidence
            // that points past the sentence list has no sentence to derive from, and the span
            // still locates it in the text.
            let source = if item.is_dateline() {
                let dateline = iri(&dateline_iri(&self.doc));
                self.add(&dateline, rdf::TYPE, iri(nif::SENTENCE));
                if let Some(words) = document.text.get(item.span.start..item.span.end) {
                    self.add(&dateline, nif::ANCHOR_OF, text(words));
                }
                self.add(&dateline, nif::BEGIN_INDEX, offset(item.span.start_char));
                self.add(&dateline, nif::END_INDEX, offset(item.span.end_char));
                self.add(&dateline, nif::REFERENCE_CONTEXT, context.clone());
                Some(dateline)
            } else if item.sentence < document.sentences.len() {
                Some(iri(&sentence_iri(&self.doc, item.sentence)))
            } else {
                None
            };
            if let Some(sentence) = source {
                self.add(&fact, prov::WAS_DERIVED_FROM, sentence.clone());
                self.add(&span, nif::SENTENCE_PROP, sentence.clone());
                sentences.insert(sentence);
            }
        }
        for sentence in sentences {
            self.table.push(
                subject_node.clone().into(),
                predicate_node.clone().into(),
                object.clone(),
                Some(sentence.into()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use oxrdf::{GraphName, Quad, Term};

    use super::{dateline_iri, iri, to_quads};
    use crate::vocab::{ng, nif, prov, rdf, rdfs, schema};

    fn quads_of(text: &str) -> (String, Vec<Quad>) {
        let graph = crate::extract(text).unwrap_or_else(|error| panic!("{error}"));
        (graph.document().iri.clone(), to_quads(&graph))
    }

    /// See: issue 14 ("Language"): English prose carries `@en`, NIF strings and rule ids do not.
    #[test]
    fn english_prose_is_tagged_and_nif_strings_are_plain() {
        let (_, quads) = quads_of(
            "ACCRA, Ghana (AP) — Government spokesman Kofi Mensah said the vote was \"free and fair\".\n",
        );
        let english = [
            rdfs::LABEL,
            schema::NAME,
            schema::ALTERNATE_NAME,
            schema::TEXT,
            schema::JOB_TITLE,
            schema::DATELINE,
            ng::QUOTE,
            ng::DESCRIPTION,
            schema::UNIT_TEXT,
        ];
        let plain = [nif::IS_STRING, nif::ANCHOR_OF, ng::RULE];
        let mut seen = std::collections::BTreeSet::new();
        for quad in &quads {
            let Term::Literal(literal) = &quad.object else { continue };
            let predicate = quad.predicate.as_str();
            if english.contains(&predicate) {
                assert_eq!(literal.language(), Some("en"), "{quad}");
                seen.insert(predicate);
            } else if plain.contains(&predicate) {
                assert_eq!(literal.language(), None, "{quad}");
                assert_eq!(literal.datatype().as_str(), crate::vocab::xsd::STRING, "{quad}");
                seen.insert(predicate);
            }
        }
        for predicate in [
            rdfs::LABEL,
            schema::NAME,
            schema::DATELINE,
            ng::QUOTE,
            nif::IS_STRING,
            nif::ANCHOR_OF,
            ng::RULE,
        ] {
            assert!(seen.contains(predicate), "no {predicate} in the example");
        }
    }

    #[test]
    fn dateline_facts_derive_from_the_dateline() {
        let (doc, quads) = quads_of("ACCRA, Ghana (AP) — Voters queued on Monday.\n");
        let dateline = iri(&dateline_iri(&doc));
        let has = |subject: &Term, predicate: &str, object: &Term| {
            quads.iter().any(|quad| {
                Term::from(quad.subject.clone()) == *subject
                    && quad.predicate.as_str() == predicate
                    && quad.object == *object
            })
        };
        let dateline_term = Term::from(dateline.clone());
        assert!(has(&dateline_term, rdf::TYPE, &Term::from(iri(nif::SENTENCE))));
        assert!(quads.iter().any(|quad| quad.predicate.as_str() == prov::WAS_DERIVED_FROM
            && quad.object == dateline_term));
        // The dateline's named graph holds what it states.
        assert!(quads.iter().any(|quad| quad.graph_name == GraphName::NamedNode(dateline.clone())
            && quad.predicate.as_str() == schema::CONTAINED_IN_PLACE));
        // A dateline that states no fact is no source.
        let (doc, quads) = quads_of("LONDON (Reuters) - Voters queued on Monday.\n");
        let dateline = Term::from(iri(&dateline_iri(&doc)));
        assert!(!quads.iter().any(|quad| quad.object == dateline));
    }
}
