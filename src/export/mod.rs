//! Writing a [`KnowledgeGraph`](crate::KnowledgeGraph) in RDF syntaxes and Graphviz DOT.
//!
//! **Invariant:** read-only over the graph; the same graph always gives the same bytes.

use std::io::Write;

use crate::{ExportError, KnowledgeGraph};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// [Turtle](https://www.w3.org/TR/turtle/).
    Turtle,
    /// [N-Triples](https://www.w3.org/TR/n-triples/).
    NTriples,
    /// [N-Quads](https://www.w3.org/TR/n-quads/).
    NQuads,
    /// [TriG](https://www.w3.org/TR/trig/).
    TriG,
    /// [JSON-LD](https://www.w3.org/TR/json-ld11/).
    JsonLd,
    /// [Graphviz DOT](https://graphviz.org/doc/info/lang.html).
    Dot,
}

/// Writes `graph` to `writer` in `format`.
///
/// # Errors
/// [`ExportError`] when writing fails.
pub fn write(graph: &KnowledgeGraph, format: Format, writer: impl Write) -> Result<(), ExportError> {
    let _ = (graph, format, writer);
    Err(ExportError::Unsupported("not yet implemented".into()))
}
