//! [N-Triples](https://www.w3.org/TR/n-triples/) and [N-Quads](https://www.w3.org/TR/n-quads/), written by `oxrdfio`.

use std::io::Write;

use oxrdfio::{RdfFormat, RdfSerializer};

use crate::rdf::QuadTable;
use crate::{ExportError, KnowledgeGraph};

macro_rules! line_serializer {
    ($(#[$doc:meta])* $name:ident, $writer:ident, $format:expr, $default_only:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default)]
        #[must_use]
        pub struct $name {}

        impl $name {
            /// A serializer.
            pub fn new() -> Self {
                Self {}
            }

            /// Writes to `writer` (buffer it: every line is a separate write).
            pub fn for_writer<W: Write>(self, writer: W) -> $writer<W> {
                $writer { writer, table: QuadTable::default() }
            }
        }

        #[doc = concat!("A [`", stringify!($name), "`] bound to a writer; output is written by [`finish`](Self::finish).")]
        #[must_use]
        pub struct $writer<W: Write> {
            writer: W,
            table: QuadTable,
        }

        impl<W: Write> $writer<W> {
            /// Adds the dataset of a graph (see [`rdf::to_dataset`](crate::rdf::to_dataset)).
            ///
            /// # Errors
            /// None today; the signature matches the other serializers.
            pub fn serialize_graph(&mut self, graph: &KnowledgeGraph) -> Result<(), ExportError> {
                self.table.add_graph(graph);
                Ok(())
            }

            /// Writes everything, sorted, and returns the writer.
            ///
            /// # Errors
            /// [`ExportError::Io`] when the writer fails.
            pub fn finish(self) -> Result<W, ExportError> {
                let mut serializer = RdfSerializer::from_format($format).for_writer(self.writer);
                for quad in self.table.sorted($default_only) {
                    serializer.serialize_quad(quad)?;
                }
                Ok(serializer.finish()?)
            }
        }
    };
}

line_serializer!(
    /// Serializes a [`KnowledgeGraph`] as [N-Triples](https://www.w3.org/TR/n-triples/): the default graph only.
    ///
    /// NB: triples are sorted and written one per line, so two runs over the same article give identical bytes.
    NTriplesSerializer,
    WriterNTriplesSerializer,
    RdfFormat::NTriples,
    true
);

line_serializer!(
    /// Serializes a [`KnowledgeGraph`] as [N-Quads](https://www.w3.org/TR/n-quads/): the default graph,
    /// then one named graph per sentence.
    ///
    /// NB: quads are sorted and written one per line, so two runs over the same article give identical bytes.
    NQuadsSerializer,
    WriterNQuadsSerializer,
    RdfFormat::NQuads,
    false
);
