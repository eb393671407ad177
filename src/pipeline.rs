//! The entry point: article text in, [`KnowledgeGraph`] out.

use crate::article::Article;
use crate::graph::{Document, KnowledgeGraph, SentenceRecord};
use std::sync::OnceLock;

use crate::extract::{build_graph, Context, Rules};
use crate::lexicon::Lexicon;
use crate::Error;

/// The default IRI base for everything newsgraph mints.
pub const DEFAULT_BASE: &str = "https://w3id.org/newsgraph/";

/// Options of an extraction.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Options {
    /// The IRI base: documents are minted under `{base}doc/`, entities under `{base}id/`.
    pub base: String,
}

impl Default for Options {
    fn default() -> Self {
        Self { base: DEFAULT_BASE.to_owned() }
    }
}

impl Options {
    /// Options with another IRI base (which should end in `/` or `#`).
    #[must_use]
    pub fn with_base(mut self, base: impl Into<String>) -> Self {
        self.base = base.into();
        self
    }
}

/// Extracts the knowledge graph of an article with default options.
///
/// # Errors
/// [`Error::Article`] when the text is not an article (empty, binary, HTML, too large).
pub fn extract(text: &str) -> Result<KnowledgeGraph, Error> {
    extract_with(text, &Options::default())
}

/// Extracts the knowledge graph of an article.
///
/// # Errors
/// [`Error::Article`] when the text is not an article (empty, binary, HTML, too large).
pub fn extract_with(text: &str, options: &Options) -> Result<KnowledgeGraph, Error> {
    let article = Article::parse(text)?;
    Ok(extract_article(&article, options))
}

/// The built-in lexicons and rules, loaded once.
pub(crate) fn builtin_data() -> Result<&'static (Lexicon, Rules), Error> {
    static BUILTIN: OnceLock<Result<(Lexicon, Rules), Error>> = OnceLock::new();
    BUILTIN.get_or_init(|| Ok((Lexicon::builtin()?, Rules::builtin()?))).as_ref().map_err(|error| {
        match error {
            Error::Lexicon(error) => Error::Lexicon(error.clone()),
            other => Error::Lexicon(crate::LexiconError {
                file: "built-in".into(),
                line: 0,
                message: other.to_string(),
            }),
        }
    })
}

/// Extracts the knowledge graph of a parsed article.
#[must_use]
pub fn extract_article(article: &Article, options: &Options) -> KnowledgeGraph {
    let graph = build_document_graph(article, options);
    let Ok((lexicon, rules)) = builtin_data() else {
        // The built-in data is checked by tests; should it ever fail, the document alone is
        // still a valid graph.
        return graph;
    };
    let context = Context { article, lexicon, rules, date: article.date };
    let annotations = crate::extract::run(&context);
    build_graph(&context, &annotations, graph, &options.base)
}

pub(crate) fn build_document_graph(article: &Article, options: &Options) -> KnowledgeGraph {
    let document = Document {
        iri: crate::mint::document_iri(&options.base, &article.text),
        text: article.text.clone(),
        sentences: article
            .sentences
            .iter()
            .map(|sentence| SentenceRecord {
                span: sentence.span,
                text: article.sentence_text(sentence).to_owned(),
                in_caption: sentence.in_caption,
            })
            .collect(),
    };
    KnowledgeGraph::new(document)
}
