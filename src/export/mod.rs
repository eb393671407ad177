//! Writing a [`KnowledgeGraph`] in RDF syntaxes, Graphviz DOT and an HTML report.
//!
//! **Invariant:** read-only over the graph; the same graph always gives the same bytes.
//!
//! Every RDF serializer writes the dataset of [`rdf::to_dataset`](crate::rdf::to_dataset),
//! sorted by graph name, subject, predicate (`rdf:type` and `rdfs:label` first) and object.
//! Turtle and N-Triples write the default graph only, which is the complete graph;
//! N-Quads, TriG and JSON-LD add the per-sentence named graphs.
//!
//! ```
//! let graph = newsgraph::extract("STRASBOURG (France) • The court ruled yesterday.\n")?;
//! let mut turtle = Vec::new();
//! newsgraph::export::write(&graph, newsgraph::Format::Turtle, &mut turtle)?;
//! assert!(String::from_utf8(turtle)?.contains("@prefix nif:"));
//! # Ok::<_, Box<dyn std::error::Error>>(())
//! ```

mod dot;
mod html;
mod jsonld;
mod ntriples;
mod story;
mod syntax;
mod turtle;

use std::fmt;
use std::io::Write;
use std::str::FromStr;

pub use dot::{DotSerializer, WriterDotSerializer};
pub use html::{HtmlSerializer, WriterHtmlSerializer};
pub use jsonld::{JsonLdSerializer, WriterJsonLdSerializer, CONTEXT};
pub use ntriples::{
    NQuadsSerializer, NTriplesSerializer, WriterNQuadsSerializer, WriterNTriplesSerializer,
};
pub use turtle::{TriGSerializer, TurtleSerializer, WriterTriGSerializer, WriterTurtleSerializer};

use crate::{ExportError, KnowledgeGraph};

/// What a picture (DOT, the HTML report's graph) shows of a graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum View {
    /// Who did what: events with their roles, people and organisations, quotes by speaker,
    /// places and quantities as lines of what they qualify; no article node, no provenance,
    /// no background facts from the lexicon, one node per thing.
    #[default]
    Story,
    /// Every node and edge of the graph (the article node and its `mentions` included).
    Full,
}

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
    /// A self-contained [HTML](https://html.spec.whatwg.org/) report: the article with its
    /// mentions linked to their entities, the story graph as inline SVG, the facts, the
    /// diagnostics.
    Html,
}

impl Format {
    /// Every format, in the order of `--help`.
    pub const ALL: &'static [Format] = &[
        Self::Turtle,
        Self::NTriples,
        Self::NQuads,
        Self::TriG,
        Self::JsonLd,
        Self::Dot,
        Self::Html,
    ];

    /// The short name used on the command line, such as `turtle`.
    ///
    /// ```
    /// assert_eq!(newsgraph::Format::NTriples.name(), "ntriples");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Turtle => "turtle",
            Self::NTriples => "ntriples",
            Self::NQuads => "nquads",
            Self::TriG => "trig",
            Self::JsonLd => "jsonld",
            Self::Dot => "dot",
            Self::Html => "html",
        }
    }

    /// The IANA media type, such as `text/turtle`.
    #[must_use]
    pub const fn media_type(self) -> &'static str {
        match self {
            Self::Turtle => "text/turtle",
            Self::NTriples => "application/n-triples",
            Self::NQuads => "application/n-quads",
            Self::TriG => "application/trig",
            Self::JsonLd => "application/ld+json",
            Self::Dot => "text/vnd.graphviz",
            Self::Html => "text/html",
        }
    }

    /// The usual file extension, without the dot, such as `ttl`.
    #[must_use]
    pub const fn file_extension(self) -> &'static str {
        match self {
            Self::Turtle => "ttl",
            Self::NTriples => "nt",
            Self::NQuads => "nq",
            Self::TriG => "trig",
            Self::JsonLd => "jsonld",
            Self::Dot => "dot",
            Self::Html => "html",
        }
    }

    /// Whether the format writes the per-sentence named graphs.
    #[must_use]
    pub const fn supports_named_graphs(self) -> bool {
        matches!(self, Self::NQuads | Self::TriG | Self::JsonLd)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.name())
    }
}

/// The text is not a known format name, extension or media type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown format '{0}' (expected one of turtle, ntriples, nquads, trig, jsonld, dot, html)")]
pub struct UnknownFormatError(String);

impl FromStr for Format {
    type Err = UnknownFormatError;

    /// Reads a name (`turtle`), an extension (`ttl`) or a media type (`text/turtle`),
    /// ignoring ASCII case.
    ///
    /// ```
    /// use newsgraph::Format;
    /// assert_eq!("TTL".parse::<Format>()?, Format::Turtle);
    /// assert_eq!("application/ld+json".parse::<Format>()?, Format::JsonLd);
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let wanted = text.trim();
        Self::ALL
            .iter()
            .copied()
            .find(|format| {
                [format.name(), format.file_extension(), format.media_type()]
                    .iter()
                    .any(|known| known.eq_ignore_ascii_case(wanted))
                    || match format {
                        Self::NTriples => wanted.eq_ignore_ascii_case("n-triples"),
                        Self::NQuads => wanted.eq_ignore_ascii_case("n-quads"),
                        Self::JsonLd => {
                            wanted.eq_ignore_ascii_case("json-ld")
                                || wanted.eq_ignore_ascii_case("json")
                        }
                        Self::Dot => wanted.eq_ignore_ascii_case("gv"),
                        Self::Html => wanted.eq_ignore_ascii_case("htm"),
                        _ => false,
                    }
            })
            .ok_or_else(|| UnknownFormatError(text.to_owned()))
    }
}

/// Writes a graph as one article of a stream of many, in [N-Quads](https://www.w3.org/TR/n-quads/)
/// or [TriG](https://www.w3.org/TR/trig/): the complete graph (what [`write`](fn@write) puts in the default
/// graph) becomes the named graph of the document IRI, and the sentence graphs stay as they
/// are. Returns the number of triples in the complete graph.
///
/// NB: the bytes of many articles written one after the other form one valid N-Quads or TriG
/// document (TriG repeats its `@prefix` lines for each article, which TriG allows), and the
/// graphs of two articles never share a name.
///
/// ```
/// use newsgraph::Format;
/// let graph = newsgraph::extract("STRASBOURG (France) • The court ruled yesterday.\n")?;
/// let mut nquads = Vec::new();
/// let triples = newsgraph::export::write_document_graph(&graph, Format::NQuads, &mut nquads)?;
/// let document = format!("<{}> .", graph.document().iri);
/// let text = String::from_utf8(nquads)?;
/// assert_eq!(text.lines().filter(|line| line.ends_with(&document)).count(), triples);
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`ExportError::Io`] when the writer fails, [`ExportError::Unsupported`] for a format other
/// than N-Quads and TriG.
pub fn write_document_graph(
    graph: &KnowledgeGraph,
    format: Format,
    mut writer: impl Write,
) -> Result<usize, ExportError> {
    use oxrdf::{GraphName, NamedNode, Quad};
    let document_iri = &graph.document().iri;
    let document = GraphName::NamedNode(NamedNode::new_unchecked(document_iri.clone()));
    // Sorted first with the complete graph as the default graph, so that it comes first and
    // duplicates are gone; then renamed.
    let mut table = crate::rdf::QuadTable::default();
    table.add_graph(graph);
    let mut quads: Vec<Quad> =
        table.sorted(false).into_iter().map(oxrdf::QuadRef::into_owned).collect();
    let mut triples = 0;
    for quad in &mut quads {
        if quad.graph_name.is_default_graph() {
            quad.graph_name = document.clone();
            triples += 1;
        }
    }
    match format {
        Format::NQuads => {
            let mut serializer =
                oxrdfio::RdfSerializer::from_format(oxrdfio::RdfFormat::NQuads).for_writer(writer);
            for quad in &quads {
                serializer.serialize_quad(quad)?;
            }
            serializer.finish()?;
        }
        Format::TriG => {
            writer.write_all(&turtle::write_trig_quads(document_iri, &quads)?)?;
        }
        other => {
            return Err(ExportError::Unsupported(format!(
                "{other} has no named graphs; a stream of articles is N-Quads or TriG"
            )));
        }
    }
    Ok(triples)
}

/// The number of distinct triples in a graph's complete graph (the default graph of [`write`](fn@write)).
#[must_use]
pub fn triple_count(graph: &KnowledgeGraph) -> usize {
    let mut table = crate::rdf::QuadTable::default();
    table.add_graph(graph);
    table.sorted(true).len()
}

/// Writes `graph` to `writer` in `format`, with the default prefixes.
///
/// # Errors
/// [`ExportError`] when writing fails.
pub fn write(
    graph: &KnowledgeGraph,
    format: Format,
    writer: impl Write,
) -> Result<(), ExportError> {
    match format {
        Format::Turtle => {
            let mut serializer = TurtleSerializer::new().for_writer(writer);
            serializer.serialize_graph(graph)?;
            serializer.finish()?;
        }
        Format::NTriples => {
            let mut serializer = NTriplesSerializer::new().for_writer(writer);
            serializer.serialize_graph(graph)?;
            serializer.finish()?;
        }
        Format::NQuads => {
            let mut serializer = NQuadsSerializer::new().for_writer(writer);
            serializer.serialize_graph(graph)?;
            serializer.finish()?;
        }
        Format::TriG => {
            let mut serializer = TriGSerializer::new().for_writer(writer);
            serializer.serialize_graph(graph)?;
            serializer.finish()?;
        }
        Format::JsonLd => {
            let mut serializer = JsonLdSerializer::new().for_writer(writer);
            serializer.serialize_graph(graph)?;
            serializer.finish()?;
        }
        Format::Dot => {
            let mut serializer = DotSerializer::new().for_writer(writer);
            serializer.serialize_graph(graph)?;
            serializer.finish()?;
        }
        Format::Html => {
            let mut serializer = HtmlSerializer::new().for_writer(writer);
            serializer.serialize_graph(graph)?;
            serializer.finish()?;
        }
    }
    Ok(())
}
