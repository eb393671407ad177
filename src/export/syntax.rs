//! What the RDF serializers share: prefixes and the canonical quad order.

use std::cmp::Ordering;

use oxrdf::{GraphName, NamedOrBlankNode, Quad, Term};

use crate::vocab::{ng, nif, oa, owl, prov, rdf, rdfs, schema, wd, xsd};

/// The prefixes every serializer declares, besides the per-document `id:` and `doc:`.
pub(crate) const STANDARD_PREFIXES: &[(&str, &str)] = &[
    ("ng", ng::NS),
    ("schema", schema::NS),
    ("rdf", rdf::NS),
    ("rdfs", rdfs::NS),
    ("owl", owl::NS),
    ("prov", prov::NS),
    ("nif", nif::NS),
    ("oa", oa::NS),
    ("xsd", xsd::NS),
    ("wd", wd::NS),
];

/// The `id:` and `doc:` prefixes of a document `{base}doc/{hash}`: `{base}id/` and `{doc}#`.
pub(crate) fn document_prefixes(document_iri: &str) -> Vec<(String, String)> {
    let mut prefixes = Vec::new();
    if let Some((base, _)) = document_iri.rsplit_once("doc/") {
        prefixes.push(("id".to_owned(), format!("{base}id/")));
    }
    if !document_iri.is_empty() {
        prefixes.push(("doc".to_owned(), format!("{document_iri}#")));
    }
    prefixes
}

/// The prefixes to declare: the caller's, then the standard ones and the document's
/// (unless the caller already used the name).
pub(crate) fn merged_prefixes(
    custom: &[(String, String)],
    standard: bool,
    document_iri: Option<&str>,
) -> Vec<(String, String)> {
    let mut prefixes = custom.to_vec();
    let mut extra: Vec<(String, String)> = Vec::new();
    if standard {
        extra.extend(
            STANDARD_PREFIXES.iter().map(|(name, iri)| ((*name).to_owned(), (*iri).to_owned())),
        );
    }
    if let Some(document_iri) = document_iri {
        extra.extend(document_prefixes(document_iri));
    }
    for (name, iri) in extra {
        if !prefixes.iter().any(|(own, _)| *own == name) {
            prefixes.push((name, iri));
        }
    }
    prefixes
}

/// The quads of `dataset` in canonical order: graph name (default first), subject, predicate
/// (`rdf:type`, then `rdfs:label`, then by IRI), object. With `default_only`, named graphs are dropped.
pub(crate) fn sorted_quads(quads: &[Quad], default_only: bool) -> Vec<Quad> {
    let mut quads: Vec<(QuadKey, Quad)> = quads
        .iter()
        .filter(|quad| !default_only || quad.graph_name.is_default_graph())
        .map(|quad| (QuadKey::new(quad), quad.clone()))
        .collect();
    quads.sort_by(|(left, _), (right, _)| left.cmp(right));
    quads.dedup_by(|(left, _), (right, _)| left == right);
    quads.into_iter().map(|(_, quad)| quad).collect()
}

#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct QuadKey {
    graph: (u8, String),
    subject: String,
    predicate: (u8, String),
    object: (u8, String),
}

impl QuadKey {
    fn new(quad: &Quad) -> Self {
        let graph = match &quad.graph_name {
            GraphName::DefaultGraph => (0, String::new()),
            GraphName::NamedNode(node) => (1, node.as_str().to_owned()),
            GraphName::BlankNode(node) => (2, node.as_str().to_owned()),
        };
        let subject = match &quad.subject {
            NamedOrBlankNode::NamedNode(node) => node.as_str().to_owned(),
            NamedOrBlankNode::BlankNode(node) => format!("_:{}", node.as_str()),
        };
        let predicate = match quad.predicate.as_str() {
            rdf::TYPE => 0,
            rdfs::LABEL => 1,
            _ => 2,
        };
        let object = match &quad.object {
            Term::NamedNode(node) => (0, node.as_str().to_owned()),
            other => (1, other.to_string()),
        };
        Self { graph, subject, predicate: (predicate, quad.predicate.as_str().to_owned()), object }
    }
}

/// Compares IRIs by length, longest first, so the most specific prefix wins.
pub(crate) fn longest_first(left: &(String, String), right: &(String, String)) -> Ordering {
    right.1.len().cmp(&left.1.len()).then_with(|| left.0.cmp(&right.0))
}
