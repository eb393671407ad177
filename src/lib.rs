#![doc = include_str!("../docs/library.md")]
#![doc(test(attr(deny(warnings))))]

pub mod article;
pub mod corpus;
mod error;
pub mod eval;
pub mod export;
pub mod extract;
pub mod graph;
pub mod lexicon;
pub mod load;
pub mod mint;
mod pipeline;
pub mod rdf;
pub mod sparql;
pub mod syntax;
pub mod vocab;

pub use article::{Article, Span};
pub use error::{ArticleParseError, Error, ExportError, LexiconError, Location};
pub use export::Format;
pub use graph::{
    Diagnostic, Evidence, Fact, FactObject, FactSource, KnowledgeGraph, Literal, Node, NodeKind,
};
pub use pipeline::{
    check_base, extract, extract_article, extract_with, BaseIriError, Options, Resources,
    BASE_SCHEMES, DEFAULT_BASE,
};
