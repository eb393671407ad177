//! What the RDF serializers share: prefixes and the canonical quad order.

use std::cmp::Ordering;

use oxrdf::{GraphName, NamedOrBlankNode, Quad, Term};

use crate::vocab::{rdf, rdfs};

/// The prefixes every serializer declares, besides the per-document `id:` and `doc:`.
pub(crate) const STANDARD_PREFIXES: &[(&str, &str)] = crate::vocab::PREFIXES;

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
    let kept: Vec<&Quad> =
        quads.iter().filter(|quad| !default_only || quad.graph_name.is_default_graph()).collect();
    let keys: Vec<QuadKey> = kept.iter().map(|quad| QuadKey::new(quad)).collect();
    // Sort positions, not the (large) keys and quads themselves; equal keys are equal quads.
    let mut order: Vec<usize> = (0..kept.len()).collect();
    order.sort_unstable_by(|&left, &right| keys[left].cmp(&keys[right]));
    order.dedup_by(|left, right| keys[*left] == keys[*right]);
    order.into_iter().filter_map(|index| kept.get(index).map(|quad| (*quad).clone())).collect()
}

/// A quad's sort key as one string: graph (default first), subject, predicate (`rdf:type`,
/// then `rdfs:label`, then by IRI), object (IRIs before literals), each part ended by a NUL,
/// which sorts below every character an IRI or a written literal contains. One contiguous
/// string per quad keeps the comparisons of a sort cheap.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct QuadKey(String);

impl QuadKey {
    fn new(quad: &Quad) -> Self {
        let mut key = String::with_capacity(160);
        match &quad.graph_name {
            GraphName::DefaultGraph => key.push('0'),
            GraphName::NamedNode(node) => {
                key.push('1');
                key.push_str(node.as_str());
            }
            GraphName::BlankNode(node) => {
                key.push('2');
                key.push_str(node.as_str());
            }
        }
        key.push('\0');
        match &quad.subject {
            NamedOrBlankNode::NamedNode(node) => key.push_str(node.as_str()),
            NamedOrBlankNode::BlankNode(node) => {
                key.push_str("_:");
                key.push_str(node.as_str());
            }
        }
        key.push('\0');
        key.push(match quad.predicate.as_str() {
            rdf::TYPE => '0',
            rdfs::LABEL => '1',
            _ => '2',
        });
        key.push_str(quad.predicate.as_str());
        key.push('\0');
        match &quad.object {
            Term::NamedNode(node) => {
                key.push('0');
                key.push_str(node.as_str());
            }
            other => {
                key.push('1');
                key.push_str(&other.to_string());
            }
        }
        Self(key)
    }
}

/// Compares IRIs by length, longest first, so the most specific prefix wins.
pub(crate) fn longest_first(left: &(String, String), right: &(String, String)) -> Ordering {
    right.1.len().cmp(&left.1.len()).then_with(|| left.0.cmp(&right.0))
}
