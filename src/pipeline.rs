//! The entry point: article text in, [`KnowledgeGraph`] out.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use crate::article::Article;
use crate::graph::{Document, KnowledgeGraph, SentenceRecord};

use crate::extract::{build_graph, Context, Rules};
use crate::lexicon::Lexicon;
use crate::Error;

/// The default IRI base for everything newsgraph mints.
pub const DEFAULT_BASE: &str = "https://w3id.org/newsgraph/";

/// Where the built-in rules come from, for messages.
const BUILTIN_RULES_PATH: &str = "data/patterns/rules.tsv";

/// The built-in rules, as text (to extend them with a user's file).
const BUILTIN_RULES: &str = include_str!("../data/patterns/rules.tsv");

/// The general knowledge an extraction reads: lexicons and rules.
///
/// [`Resources::builtin`] is what newsgraph ships (compiled into the binary);
/// [`Resources::load`] adds a user's own lexicon files and rules to it.
#[derive(Debug)]
pub struct Resources {
    pub(crate) lexicon: Lexicon,
    pub(crate) rules: Rules,
}

impl Resources {
    /// The built-in lexicons and rules, loaded once and shared.
    ///
    /// # Errors
    /// [`Error::Lexicon`] if the built-in data is malformed (a test guards against it).
    pub fn builtin() -> Result<Arc<Self>, Error> {
        static BUILTIN: OnceLock<Result<Arc<Resources>, Error>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                Ok(Arc::new(Resources { lexicon: Lexicon::builtin()?, rules: Rules::builtin()? }))
            })
            .as_ref()
            .map(Arc::clone)
            .map_err(|error| match error {
                Error::Lexicon(error) => Error::Lexicon(error.clone()),
                other => Error::Lexicon(crate::LexiconError {
                    file: "built-in".into(),
                    line: 0,
                    message: other.to_string(),
                }),
            })
    }

    /// The built-in lexicons and rules extended with a user's files.
    ///
    /// `lexicons` is a directory of files named like those in `data/lexicons/`
    /// (`cities.tsv`, `titles.tsv`, `nouns.tsv`, …) with the same columns; their entries are
    /// added to the built-in ones. `rules` is a rule file like `data/patterns/rules.tsv`
    /// (header `id\taction\tpattern`); its rules are tried after the built-in ones.
    ///
    /// # Errors
    /// [`Error::Lexicon`] naming the file and line of what cannot be read or is malformed.
    pub fn load(lexicons: Option<&Path>, rules: Option<&Path>) -> Result<Self, Error> {
        let lexicon = match lexicons {
            Some(dir) if !dir.is_dir() => {
                return Err(Error::Lexicon(crate::LexiconError {
                    file: dir.display().to_string(),
                    line: 0,
                    message: "not a directory of lexicon files".into(),
                }));
            }
            Some(dir) => Lexicon::extend_from_dir(dir)?,
            None => Lexicon::builtin()?,
        };
        let rules = match rules {
            Some(path) => {
                let file = path.display().to_string();
                let text = std::fs::read_to_string(path).map_err(|error| crate::LexiconError {
                    file: file.clone(),
                    line: 0,
                    message: error.to_string(),
                })?;
                // Alone first, so that an error names the line of the user's file.
                Rules::parse(&file, &text)?;
                let mut combined = BUILTIN_RULES.to_owned();
                combined.push('\n');
                for line in text.lines().filter(|line| *line != "id\taction\tpattern") {
                    combined.push_str(line);
                    combined.push('\n');
                }
                Rules::parse(&format!("{BUILTIN_RULES_PATH} + {file}"), &combined)?
            }
            None => Rules::builtin()?,
        };
        Ok(Self { lexicon, rules })
    }
}

/// Options of an extraction.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Options {
    /// The IRI base: documents are minted under `{base}doc/`, entities under `{base}id/`.
    pub base: String,
    /// The lexicons and rules [default: the built-in ones].
    pub resources: Option<Arc<Resources>>,
    /// The publication date given with the article (such as a JSON Lines record's
    /// `published`), the reference date of relative dates; it wins over the dateline's date.
    pub published: Option<jiff::civil::Date>,
}

impl Default for Options {
    fn default() -> Self {
        Self { base: DEFAULT_BASE.to_owned(), resources: None, published: None }
    }
}

impl Options {
    /// Options with another IRI base (which should end in `/` or `#`).
    #[must_use]
    pub fn with_base(mut self, base: impl Into<String>) -> Self {
        self.base = base.into();
        self
    }

    /// Options that read these lexicons and rules instead of the built-in ones.
    #[must_use]
    pub fn with_resources(mut self, resources: Arc<Resources>) -> Self {
        self.resources = Some(resources);
        self
    }

    /// Options with the article's publication date, known from outside its text.
    #[must_use]
    pub fn with_published(mut self, date: jiff::civil::Date) -> Self {
        self.published = Some(date);
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

/// Extracts the knowledge graph of a parsed article.
#[must_use]
pub fn extract_article(article: &Article, options: &Options) -> KnowledgeGraph {
    // A date given with the article is its publication date, whatever its dateline says.
    let dated;
    let article = match options.published {
        Some(published) if article.date != Some(published) => {
            let mut copy = article.clone();
            copy.date = Some(published);
            dated = copy;
            &dated
        }
        _ => article,
    };
    let graph = build_document_graph(article, options);
    let resources = match &options.resources {
        Some(resources) => Arc::clone(resources),
        None => match Resources::builtin() {
            Ok(resources) => resources,
            // The built-in data is checked by tests; should it ever fail, the document alone
            // is still a valid graph.
            Err(_) => return graph,
        },
    };
    let context = Context {
        article,
        lexicon: &resources.lexicon,
        rules: &resources.rules,
        date: crate::extract::reference_date(article),
    };
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
