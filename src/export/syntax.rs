//! What the RDF serializers share: prefixes (the canonical quad order is
//! [`QuadTable::sorted`](crate::rdf::QuadTable::sorted)).

use std::cmp::Ordering;

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

/// Compares IRIs by length, longest first, so the most specific prefix wins.
pub(crate) fn longest_first(left: &(String, String), right: &(String, String)) -> Ordering {
    right.1.len().cmp(&left.1.len()).then_with(|| left.0.cmp(&right.0))
}
