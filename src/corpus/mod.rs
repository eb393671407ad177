//! Many articles: [JSON Lines](https://jsonlines.org/) records, their metadata as triples, and
//! an ordered parallel map that keeps memory bounded.
//!
//! - [`Record`] is one article with the metadata a news feed gives (`id`, `url`, `title`,
//!   `published`, `source`); [`Record::from_json`] reads one line of JSON Lines.
//! - [`LineReader`] splits a reader into lines, refusing lines longer than a limit without
//!   reading them into memory.
//! - [`extract_record`] extracts a record's graph, with `published` as the publication date
//!   and the other metadata as triples about the document.
//! - [`map_ordered`] runs a function over a stream of items on several threads and hands the
//!   results back in input order, with at most a fixed number of items in flight.
//!
//! ```
//! use newsgraph::corpus::{extract_record, Record};
//! let line = br#"{"id": "a1", "title": "Court rules", "published": "2017-04-14",
//!                 "text": "The European Court of Human Rights ruled yesterday."}"#;
//! let parsed = Record::from_json(line)?;
//! let graph = extract_record(&parsed.record, &newsgraph::Options::default())?;
//! let document = graph.document_node().and_then(|node| graph.node(node)).ok_or("no document")?;
//! let published = newsgraph::Literal::Date("2017-04-14".parse()?);
//! assert_eq!(document.attribute(newsgraph::vocab::schema::DATE_PUBLISHED), Some(&published));
//! # Ok::<_, Box<dyn std::error::Error>>(())
//! ```

mod ordered;
mod record;

pub use ordered::map_ordered;
pub use record::{Line, LineReader, ParsedRecord, Record, RecordError};

use crate::graph::{KnowledgeGraph, Literal, Node, NodeKind};
use crate::vocab::schema;
use crate::{Article, Error, Options};

/// Extracts the graph of a record: its text is the article, `published` (when given) its
/// publication date, and `id`, `url`, `title` and `source` become triples about the document
/// (`schema:identifier`, `schema:url`, `schema:headline`, `schema:publisher`).
///
/// # Errors
/// [`Error::Article`] when the text is not an article (empty, binary, HTML, too large).
pub fn extract_record(record: &Record, options: &Options) -> Result<KnowledgeGraph, Error> {
    let article = Article::parse(&record.text)?;
    let mut options = options.clone();
    if let Some(published) = record.published {
        options = options.with_published(published);
    }
    let mut graph = crate::extract_article(&article, &options);
    add_metadata(&mut graph, record, &options.base);
    Ok(graph)
}

/// Adds a record's metadata to the document node of its graph.
fn add_metadata(graph: &mut KnowledgeGraph, record: &Record, base: &str) {
    let Some(document) = graph.document_node() else { return };
    // A headline is prose; an id and an address are not.
    let values = [
        (schema::IDENTIFIER, record.id.clone().map(Literal::Identifier)),
        (schema::URL, record.url.clone().map(Literal::Identifier)),
        (schema::HEADLINE, record.title.clone().map(Literal::Text)),
    ];
    for (predicate, value) in values {
        if let Some(value) = value {
            graph.add_attribute(document, predicate, value, None);
        }
    }
    if let Some(source) =
        record.source.as_deref().map(str::trim).filter(|source| !source.is_empty())
    {
        let iri = crate::mint::entity_iri(base, source);
        // Merges with the agency of the dateline when both name the same organisation.
        let publisher = graph.add_node(
            Node::new(iri, NodeKind::Entity, source).with_class(schema::NEWS_MEDIA_ORGANIZATION),
        );
        graph.add_edge(document, schema::PUBLISHER, publisher, None);
    }
}
