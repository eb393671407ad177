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
    /// The frame tables (`data/frames/`): the built-in ones, or extended with a user's file.
    pub(crate) frames: FrameTables,
}

/// The frame tables of a [`Resources`]: shared built-in ones, or a user's extension.
#[derive(Debug)]
pub(crate) enum FrameTables {
    Builtin,
    Extended(Box<crate::extract::Frames>),
}

impl FrameTables {
    /// The tables, or why the built-in ones failed to load (a test guards against it).
    pub(crate) fn get(&self) -> Result<&crate::extract::Frames, crate::LexiconError> {
        match self {
            Self::Builtin => crate::extract::Frames::builtin(),
            Self::Extended(frames) => Ok(frames),
        }
    }
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
                Ok(Arc::new(Resources {
                    lexicon: Lexicon::builtin()?,
                    rules: Rules::builtin()?,
                    frames: FrameTables::Builtin,
                }))
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
                let (file, text) = read_user_file(path)?;
                // Alone first, so that an error names the line of the user's file.
                Rules::parse(&file, &text)?;
                let mut combined = BUILTIN_RULES.to_owned();
                combined.push('\n');
                for line in text.lines().filter(|line| *line != "id\taction\tpattern") {
                    combined.push_str(line);
                    combined.push('\n');
                }
                // Both parts compile (the user's file was just read, the built-in rules are
                // tested): the regexes can wait until a sentence needs them.
                Rules::parse_lazily(&format!("{BUILTIN_RULES_PATH} + {file}"), &combined)?
            }
            None => Rules::builtin()?,
        };
        Ok(Self { lexicon, rules, frames: FrameTables::Builtin })
    }

    /// These resources with a user's frames added: a file laid out like
    /// `data/frames/frames.tsv` (header `lemma\tpos\tclass\troles`), whose rows win over the
    /// built-in ones for their lemmas.
    ///
    /// # Errors
    /// [`Error::Lexicon`] naming the file and line of what cannot be read or is malformed.
    pub fn with_frames(mut self, frames: &Path) -> Result<Self, Error> {
        let (file, text) = read_user_file(frames)?;
        self.frames =
            FrameTables::Extended(Box::new(crate::extract::Frames::extended(&file, &text)?));
        Ok(self)
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
    /// Publication date given by the caller; wins over the text's date.
    ///
    /// It is the article's `schema:datePublished` and the date relative dates ("yesterday",
    /// "on Friday", "Oct. 31") are resolved against. When the text states another date (a date
    /// line or a dated dateline), this one is used and the graph gets a diagnostic.
    pub published: Option<jiff::civil::Date>,
}

impl Default for Options {
    fn default() -> Self {
        Self { base: DEFAULT_BASE.to_owned(), resources: None, published: None }
    }
}

impl Options {
    /// Options with another IRI base ([`check_base`] says which ones work; [`extract_with`]
    /// refuses the others).
    #[must_use]
    pub fn with_base(mut self, base: impl Into<String>) -> Self {
        self.base = base.into();
        self
    }

    /// Options with the article's publication date, given by the caller (see
    /// [`Options::published`]).
    ///
    /// ```
    /// use newsgraph::{extract_with, Options};
    ///
    /// let options = Options::default().with_published(jiff::civil::date(2019, 9, 24));
    /// let graph = extract_with("The minister resigned yesterday.\n", &options)?;
    /// let mut turtle = Vec::new();
    /// newsgraph::export::write(&graph, newsgraph::export::Format::Turtle, &mut turtle)?;
    /// let turtle = String::from_utf8(turtle)?;
    /// assert!(turtle.contains("schema:datePublished \"2019-09-24\"^^xsd:date"));
    /// assert!(turtle.contains("\"2019-09-23\"^^xsd:date"));
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_published(mut self, date: jiff::civil::Date) -> Self {
        self.published = Some(date);
        self
    }

    /// Options that read these lexicons and rules instead of the built-in ones.
    #[must_use]
    pub fn with_resources(mut self, resources: Arc<Resources>) -> Self {
        self.resources = Some(resources);
        self
    }
}

/// The URI schemes a base may have.
///
/// NB: a short list on purpose. Every output syntax must carry the minted IRIs unchanged: in
/// JSON-LD a scheme that is also a term or prefix of the context (`doc:`, `id:`, `ng:`,
/// `schema:`, …) makes `scheme:rest` read as a compact IRI and expand to something else, and
/// schemes such as `javascript:` or `data:` do not name things.
pub const BASE_SCHEMES: &[&str] = &["http", "https", "urn", "tag"];

/// Checks that `base` is an IRI base every output syntax can carry.
///
/// A base is an absolute IRI of a scheme of [`BASE_SCHEMES`], with no query and no fragment
/// (document IRIs add a fragment of their own, and a second `#` makes an invalid IRI), ending
/// in `/` (or `:` for `urn:` and `tag:`), so that `{base}doc/…` and `{base}id/…` are IRIs
/// under it.
///
/// ```
/// assert!(newsgraph::check_base("https://example.org/news/").is_ok());
/// assert!(newsgraph::check_base("urn:example:news:").is_ok());
/// let error = newsgraph::check_base("https://example.org/kb#").unwrap_err();
/// assert_eq!(error.to_string(), "invalid base IRI \"https://example.org/kb#\": it has a fragment (#); \
///     document IRIs add fragments of their own: end the base in / instead");
/// ```
///
/// # Errors
/// [`BaseIriError`] saying what is wrong.
pub fn check_base(base: &str) -> Result<(), BaseIriError> {
    let error = |message: String| Err(BaseIriError { base: base.to_owned(), message });
    let iri = match oxrdf::NamedNode::new(base) {
        Ok(iri) => iri,
        Err(_) if !base.contains(':') => {
            return error("it is not an absolute IRI (no scheme such as https:)".into());
        }
        Err(parse_error) => return error(format!("it is not a valid IRI ({parse_error})")),
    };
    let iri = iri.as_str();
    let scheme = iri.split(':').next().unwrap_or_default().to_ascii_lowercase();
    if !BASE_SCHEMES.contains(&scheme.as_str()) {
        return error(format!(
            "the scheme {scheme}: is not one of {}; output formats could not carry it unchanged",
            BASE_SCHEMES.iter().map(|scheme| format!("{scheme}:")).collect::<Vec<_>>().join(", ")
        ));
    }
    if iri.contains('#') {
        return error(
            "it has a fragment (#); document IRIs add fragments of their own: end the base in / \
             instead"
                .into(),
        );
    }
    if iri.contains('?') {
        return error("it has a query (?); end the base in / instead".into());
    }
    let opaque = matches!(scheme.as_str(), "urn" | "tag");
    if matches!(scheme.as_str(), "http" | "https") && !iri[scheme.len()..].starts_with("://") {
        return error(format!("a {scheme}: base needs a host ({scheme}://host/)"));
    }
    // What is minted under the base must be an IRI too: "urn://:" is one, "urn://:id/" is not
    // (its port would be "id").
    for minted in [format!("{iri}id/x"), format!("{iri}doc/0#s1")] {
        if oxrdf::NamedNode::new(&minted).is_err() {
            return error(format!("{minted} (an IRI minted under it) is not a valid IRI"));
        }
    }
    if !(iri.ends_with('/') || (opaque && iri.ends_with(':'))) {
        return error(if opaque {
            "it must end in / or :, so that minted IRIs are under it".into()
        } else {
            "it must end in /, so that minted IRIs are under it".into()
        });
    }
    Ok(())
}

/// An IRI base that not every output syntax can carry (see [`check_base`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid base IRI {base:?}: {message}")]
pub struct BaseIriError {
    /// The base, as given.
    pub base: String,
    /// What is wrong.
    pub message: String,
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
/// [`Error::Article`] when the text is not an article (empty, binary, HTML, too large);
/// [`Error::Base`] when the options' base fails [`check_base`].
pub fn extract_with(text: &str, options: &Options) -> Result<KnowledgeGraph, Error> {
    check_base(&options.base)?;
    let article = Article::parse(text)?;
    Ok(extract_article(&article, options))
}

/// Extracts the knowledge graph of a parsed article.
#[must_use]
pub fn extract_article(article: &Article, options: &Options) -> KnowledgeGraph {
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
        frames: &resources.frames,
        date: options.published.or_else(|| crate::extract::reference_date(article)),
        published: options.published,
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

/// A user's rules or frames file: its name as shown in errors, and its text (an error naming the
/// file when it cannot be read).
fn read_user_file(path: &Path) -> Result<(String, String), crate::LexiconError> {
    let file = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(text) => Ok((file, text)),
        Err(error) => Err(crate::LexiconError { file, line: 0, message: error.to_string() }),
    }
}
