//! Compact [JSON-LD 1.1](https://www.w3.org/TR/json-ld11/), written by hand.

use std::collections::BTreeMap;
use std::io::Write;

use oxrdf::{GraphNameRef, NamedOrBlankNodeRef, QuadRef, TermRef};
use serde_json::{Map, Value};

use super::syntax::{document_prefixes, longest_first};
use crate::rdf::QuadTable;
use crate::vocab::{rdf, xsd};
use crate::{ExportError, KnowledgeGraph};

/// The JSON-LD context newsgraph writes (`ontology/context.jsonld`): prefixes and a few terms.
pub const CONTEXT: &str = include_str!("../../ontology/context.jsonld");

/// Serializes a [`KnowledgeGraph`] as compact [JSON-LD 1.1](https://www.w3.org/TR/json-ld11/).
///
/// The output is one object: `"@context"` is the embedded [`CONTEXT`] followed by an object
/// with the document's `id` and `doc` prefixes (so it is self-contained, no remote context),
/// and `"@graph"` holds one node object per subject, sorted by `@id`, then one
/// `{"@id": "doc:s3", "@graph": [...]}` object per sentence named graph.
/// IRIs are written as compact IRIs (CURIEs) where a prefix fits; typed literals as
/// `{"@value": "2004-09-01", "@type": "xsd:date"}`; plain strings as JSON strings.
///
/// NB: keys and values are sorted, so the output is byte-stable across runs.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct JsonLdSerializer {
    prefixes: Vec<(String, String)>,
}

impl JsonLdSerializer {
    /// A serializer with the context of [`CONTEXT`].
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a prefix to the inline part of the context.
    pub fn with_prefix(mut self, name: impl Into<String>, iri: impl Into<String>) -> Self {
        let name = name.into();
        self.prefixes.retain(|(own, _)| *own != name);
        self.prefixes.push((name, iri.into()));
        self
    }

    /// Writes to `writer`.
    pub fn for_writer<W: Write>(self, writer: W) -> WriterJsonLdSerializer<W> {
        WriterJsonLdSerializer {
            writer,
            prefixes: self.prefixes,
            table: QuadTable::default(),
            document_iri: None,
        }
    }
}

/// A [`JsonLdSerializer`] bound to a writer; output is written by [`finish`](Self::finish).
#[must_use]
pub struct WriterJsonLdSerializer<W: Write> {
    writer: W,
    prefixes: Vec<(String, String)>,
    table: QuadTable,
    document_iri: Option<String>,
}

impl<W: Write> WriterJsonLdSerializer<W> {
    /// Adds the dataset of a graph (see [`rdf::to_dataset`](crate::rdf::to_dataset)).
    ///
    /// # Errors
    /// None today; the signature matches the other serializers.
    pub fn serialize_graph(&mut self, graph: &KnowledgeGraph) -> Result<(), ExportError> {
        if self.document_iri.is_none() {
            self.document_iri = Some(graph.document().iri.clone());
        }
        self.table.add_graph(graph);
        Ok(())
    }

    /// Writes the document (pretty-printed, ending in a newline) and returns the writer.
    ///
    /// # Errors
    /// [`ExportError::Io`] when the writer fails; [`ExportError::Unsupported`] if the
    /// embedded context is not JSON (a build defect that the tests catch).
    pub fn finish(mut self) -> Result<W, ExportError> {
        let document = self.document()?;
        serde_json::to_writer_pretty(&mut self.writer, &document)
            .map_err(|error| ExportError::Io(error.into()))?;
        self.writer.write_all(b"\n")?;
        Ok(self.writer)
    }

    fn document(&self) -> Result<Value, ExportError> {
        let embedded: Value = serde_json::from_str(CONTEXT).map_err(|error| {
            ExportError::Unsupported(format!("ontology/context.jsonld: {error}"))
        })?;
        let static_context = embedded.get("@context").cloned().unwrap_or(Value::Object(Map::new()));

        let mut local = self.prefixes.clone();
        if let Some(document_iri) = &self.document_iri {
            for (name, iri) in document_prefixes(document_iri) {
                if !local.iter().any(|(own, _)| *own == name) {
                    local.push((name, iri));
                }
            }
        }
        // Every string-valued entry ending in a gen-delim is a prefix (JSON-LD 1.1 §4.4).
        let mut prefixes: Vec<(String, String)> = local.clone();
        if let Value::Object(entries) = &static_context {
            for (name, value) in entries {
                if let Value::String(iri) = value
                    && iri.ends_with(['#', '/'])
                    && !prefixes.iter().any(|(own, _)| own == name)
                {
                    prefixes.push((name.clone(), iri.clone()));
                }
            }
        }
        prefixes.sort_by(longest_first);
        let compactor = Compactor { prefixes };

        let mut graphs: BTreeMap<Option<String>, BTreeMap<String, Map<String, Value>>> =
            BTreeMap::new();
        for quad in self.table.sorted(false) {
            let graph = match quad.graph_name {
                GraphNameRef::DefaultGraph => None,
                GraphNameRef::NamedNode(node) => Some(compactor.iri(node.as_str())),
                GraphNameRef::BlankNode(node) => Some(format!("_:{}", node.as_str())),
            };
            let subject = compactor.subject(quad);
            let node =
                graphs.entry(graph).or_default().entry(subject.clone()).or_insert_with(|| {
                    let mut node = Map::new();
                    node.insert("@id".to_owned(), Value::String(subject));
                    node
                });
            let (key, value) = if quad.predicate.as_str() == rdf::TYPE {
                match quad.object {
                    TermRef::NamedNode(class) => {
                        ("@type".to_owned(), Value::String(compactor.iri(class.as_str())))
                    }
                    other => (compactor.iri(rdf::TYPE), compactor.value(other)),
                }
            } else {
                (compactor.iri(quad.predicate.as_str()), compactor.value(quad.object))
            };
            push_value(node, key, value);
        }

        let mut top = Vec::new();
        let mut named = Vec::new();
        for (graph, nodes) in graphs {
            let nodes: Vec<Value> = nodes.into_values().map(Value::Object).collect();
            match graph {
                None => top.extend(nodes),
                Some(name) => {
                    let mut object = Map::new();
                    object.insert("@id".to_owned(), Value::String(name));
                    object.insert("@graph".to_owned(), Value::Array(nodes));
                    named.push(Value::Object(object));
                }
            }
        }
        top.extend(named);

        let mut local_context = Map::new();
        for (name, iri) in local {
            local_context.insert(name, Value::String(iri));
        }
        let context = if local_context.is_empty() {
            static_context
        } else {
            Value::Array(vec![static_context, Value::Object(local_context)])
        };
        let mut document = Map::new();
        document.insert("@context".to_owned(), context);
        document.insert("@graph".to_owned(), Value::Array(top));
        Ok(Value::Object(document))
    }
}

/// Adds a value to a key: a single value stays a scalar, more become an array (in quad order).
fn push_value(node: &mut Map<String, Value>, key: String, value: Value) {
    match node.get_mut(&key) {
        None => {
            node.insert(key, value);
        }
        Some(Value::Array(values)) => values.push(value),
        Some(existing) => {
            let first = existing.take();
            *existing = Value::Array(vec![first, value]);
        }
    }
}

struct Compactor {
    /// Longest IRI first.
    prefixes: Vec<(String, String)>,
}

impl Compactor {
    fn iri(&self, iri: &str) -> String {
        for (name, prefix) in &self.prefixes {
            if let Some(local) = iri.strip_prefix(prefix.as_str()) {
                // A local part starting with `//` would read as a network-path IRI.
                if !local.is_empty() && !local.starts_with("//") {
                    return format!("{name}:{local}");
                }
            }
        }
        iri.to_owned()
    }

    fn subject(&self, quad: QuadRef<'_>) -> String {
        match quad.subject {
            NamedOrBlankNodeRef::NamedNode(node) => self.iri(node.as_str()),
            NamedOrBlankNodeRef::BlankNode(node) => format!("_:{}", node.as_str()),
        }
    }

    fn value(&self, term: TermRef<'_>) -> Value {
        let mut object = Map::new();
        match term {
            TermRef::NamedNode(node) => {
                object.insert("@id".to_owned(), Value::String(self.iri(node.as_str())));
            }
            TermRef::BlankNode(node) => {
                object.insert("@id".to_owned(), Value::String(format!("_:{}", node.as_str())));
            }
            TermRef::Literal(literal) => {
                if let Some(language) = literal.language() {
                    object.insert("@value".to_owned(), Value::String(literal.value().to_owned()));
                    object.insert("@language".to_owned(), Value::String(language.to_owned()));
                } else if literal.datatype().as_str() == xsd::STRING {
                    return Value::String(literal.value().to_owned());
                } else {
                    object.insert("@value".to_owned(), Value::String(literal.value().to_owned()));
                    object.insert(
                        "@type".to_owned(),
                        Value::String(self.iri(literal.datatype().as_str())),
                    );
                }
            }
            #[allow(
                unreachable_patterns,
                reason = "Term has more variants with the rdf-12 feature"
            )]
            _ => {
                object.insert("@value".to_owned(), Value::String(term.to_string()));
            }
        }
        Value::Object(object)
    }
}
