//! [Turtle](https://www.w3.org/TR/turtle/) and [TriG](https://www.w3.org/TR/trig/), written by `oxttl` through `oxrdfio`.

use std::io::Write;

use oxrdfio::{RdfFormat, RdfSerializer};

use super::syntax::{longest_first, merged_prefixes};
use crate::rdf::QuadTable;
use crate::{ExportError, KnowledgeGraph};

macro_rules! turtle_like_serializer {
    ($(#[$doc:meta])* $name:ident, $writer:ident, $format:expr, $default_only:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default)]
        #[must_use]
        pub struct $name {
            prefixes: Vec<(String, String)>,
        }

        impl $name {
            /// A serializer that declares the standard prefixes (`ng`, `schema`, `rdf`, `rdfs`,
            /// `owl`, `prov`, `nif`, `oa`, `xsd`, `wd`) and, from the first graph's document
            /// IRI `{base}doc/{hash}`, `id:` = `{base}id/` and `doc:` = `{doc}#`.
            pub fn new() -> Self {
                Self::default()
            }

            /// Declares a prefix (a name used here replaces the default of that name).
            pub fn with_prefix(mut self, name: impl Into<String>, iri: impl Into<String>) -> Self {
                let name = name.into();
                self.prefixes.retain(|(own, _)| *own != name);
                self.prefixes.push((name, iri.into()));
                self
            }

            /// Writes to `writer`.
            pub fn for_writer<W: Write>(self, writer: W) -> $writer<W> {
                $writer { writer, prefixes: self.prefixes, table: QuadTable::default(), document_iri: None }
            }
        }

        #[doc = concat!("A [`", stringify!($name), "`] bound to a writer; output is written by [`finish`](Self::finish).")]
        #[must_use]
        pub struct $writer<W: Write> {
            writer: W,
            prefixes: Vec<(String, String)>,
            table: QuadTable,
            document_iri: Option<String>,
        }

        impl<W: Write> $writer<W> {
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

            /// Writes everything, grouped by subject and sorted, and returns the writer.
            ///
            /// # Errors
            /// [`ExportError::Io`] when the writer fails, [`ExportError::Unsupported`] when a
            /// prefix is not an IRI.
            pub fn finish(mut self) -> Result<W, ExportError> {
                let prefixes = merged_prefixes(&self.prefixes, true, self.document_iri.as_deref());
                let output = write_turtle_like($format, &prefixes, self.table.sorted($default_only))?;
                self.writer.write_all(&output)?;
                Ok(self.writer)
            }
        }
    };
}

turtle_like_serializer!(
    /// Serializes a [`KnowledgeGraph`] as [Turtle](https://www.w3.org/TR/turtle/): the default graph,
    /// which is the complete graph, grouped by subject.
    ///
    /// NB: triples are sorted by subject, predicate and object, so the output is byte-stable across runs.
    ///
    /// ```
    /// use newsgraph::export::TurtleSerializer;
    /// let graph = newsgraph::extract("STRASBOURG (France) • The court ruled.\n")?;
    /// let mut serializer = TurtleSerializer::new().with_prefix("ex", "http://example.com/").for_writer(Vec::new());
    /// serializer.serialize_graph(&graph)?;
    /// let turtle = String::from_utf8(serializer.finish()?)?;
    /// assert!(turtle.contains("@prefix ex: <http://example.com/> ."));
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    TurtleSerializer,
    WriterTurtleSerializer,
    RdfFormat::Turtle,
    true
);

turtle_like_serializer!(
    /// Serializes a [`KnowledgeGraph`] as [TriG](https://www.w3.org/TR/trig/): the default graph,
    /// then one `GRAPH doc:s{n} { … }` block per sentence with the facts it states.
    ///
    /// NB: quads are sorted by graph, subject, predicate and object, so the output is byte-stable across runs.
    TriGSerializer,
    WriterTriGSerializer,
    RdfFormat::TriG,
    false
);

/// TriG of quads whose document graph is already named: the prefixes of the document, then
/// the quads sorted by graph, subject, predicate and object.
pub(crate) fn write_trig_quads(
    document_iri: &str,
    quads: &[oxrdf::Quad],
) -> Result<Vec<u8>, ExportError> {
    let prefixes = merged_prefixes(&[], true, Some(document_iri));
    write_turtle_like(RdfFormat::TriG, &prefixes, quads.iter().map(oxrdf::Quad::as_ref))
}

fn write_turtle_like<'a>(
    format: RdfFormat,
    prefixes: &[(String, String)],
    quads: impl IntoIterator<Item = oxrdf::QuadRef<'a>>,
) -> Result<Vec<u8>, ExportError> {
    let mut sorted_prefixes = prefixes.to_vec();
    sorted_prefixes.sort_by(longest_first);
    let mut serializer = RdfSerializer::from_format(format);
    for (name, iri) in prefixes {
        serializer = serializer.with_prefix(name, iri).map_err(|error| {
            ExportError::Unsupported(format!("prefix {name}: <{iri}>: {error}"))
        })?;
    }
    let mut serializer = serializer.for_writer(Vec::new());
    for quad in quads {
        serializer.serialize_quad(quad)?;
    }
    let output = serializer.finish()?;
    Ok(unescape_offset_names(output, &sorted_prefixes))
}

/// Rewrites prefixed names of RFC 5147 offset IRIs, which oxttl writes with escapes
/// (`doc:char\=0\,12`), as full IRIs (`<…#char=0,12>`).
///
/// Escaped local names are valid Turtle but trip some tools (NOTES-crates pitfall 6).
/// The pattern cannot occur inside a string literal: there a backslash is always written
/// doubled, so `r\=` with a single backslash only ever comes from a prefixed name.
fn unescape_offset_names(output: Vec<u8>, prefixes: &[(String, String)]) -> Vec<u8> {
    let mut text = match String::from_utf8(output) {
        Ok(text) => text,
        // oxttl writes UTF-8; should it not, leave the bytes alone.
        Err(error) => return error.into_bytes(),
    };
    for (name, iri) in prefixes {
        let needle = format!("{name}:char\\=");
        if !text.contains(&needle) {
            continue;
        }
        let mut rewritten = String::with_capacity(text.len());
        let mut rest = text.as_str();
        while let Some(position) = rest.find(&needle) {
            let before = &rest[..position];
            let starts_name = before
                .chars()
                .next_back()
                .is_none_or(|c| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':')));
            let after = &rest[position + needle.len()..];
            match parse_offsets(after).filter(|_| starts_name) {
                Some((begin, end, consumed)) => {
                    rewritten.push_str(before);
                    rewritten.push_str(&format!("<{iri}char={begin},{end}>"));
                    rest = &after[consumed..];
                }
                None => {
                    rewritten.push_str(&rest[..position + needle.len()]);
                    rest = after;
                }
            }
        }
        rewritten.push_str(rest);
        text = rewritten;
    }
    text.into_bytes()
}

/// Reads `{digits}\,{digits}` and returns both numbers and how many bytes they took.
fn parse_offsets(text: &str) -> Option<(&str, &str, usize)> {
    let begin_len = text.bytes().take_while(u8::is_ascii_digit).count();
    let rest = text.get(begin_len..)?.strip_prefix("\\,")?;
    let end_len = rest.bytes().take_while(u8::is_ascii_digit).count();
    if begin_len == 0 || end_len == 0 {
        return None;
    }
    Some((text.get(..begin_len)?, rest.get(..end_len)?, begin_len + 2 + end_len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_names_are_unescaped() {
        let prefixes = vec![("doc".to_owned(), "http://x/doc/1#".to_owned())];
        let cases = [
            ("doc:char\\=0\\,12 a x .", "<http://x/doc/1#char=0,12> a x ."),
            (
                "\tng:evidenceSpan doc:char\\=3\\,4 ;",
                "\tng:evidenceSpan <http://x/doc/1#char=3,4> ;",
            ),
            ("xdoc:char\\=0\\,1", "xdoc:char\\=0\\,1"),
            ("doc:char\\=x", "doc:char\\=x"),
            ("\"doc:char\\\\=0\\\\,1\"", "\"doc:char\\\\=0\\\\,1\""),
        ];
        for (input, expected) in cases {
            let output = unescape_offset_names(input.as_bytes().to_vec(), &prefixes);
            assert_eq!(String::from_utf8(output).unwrap_or_default(), expected, "{input}");
        }
    }
}
