//! Article structure: headline, byline, date line, dateline, publication date, agency,
//! captions, paragraphs and sentences.
//!
//! **Invariant:** every [`Span`] indexes into [`Article::text`], the original input, with both
//! UTF-8 byte offsets (for slicing in Rust) and Unicode code point offsets (for RDF output, as
//! NIF and RFC 5147 count them).

mod dateline;
mod header;
mod input;
mod offsets;
mod parse;
mod sentences;

pub(crate) use dateline::region_abbreviation;
pub use offsets::{CharIndex, Span};
pub use parse::MAX_ARTICLE_BYTES;
pub use sentences::MAX_SENTENCE_BYTES;

use jiff::civil::Date;

/// A parsed news article: the original text plus the structure found in it.
#[derive(Debug, Clone)]
pub struct Article {
    /// The original input, unchanged.
    pub text: String,
    /// The headline: a first line without closing punctuation that a blank line, a byline, a
    /// date line or a dateline follows. It is no sentence and no paragraph.
    pub headline: Option<Located>,
    /// The date line that gives the publication date, as written (`Wednesday, April 13, 2011`,
    /// `Published: 14 April 2017 10:02 BST`, `date 2019-09-24`), if the header has one.
    pub date_line: Option<Located>,
    /// The dateline (`PARIS (AFP) -`), if the article opens with one, after any headline,
    /// byline and date lines.
    pub dateline: Option<Dateline>,
    /// The publication date the text states: the first date line's (an `Updated …` line only
    /// when nothing else dates the story), else the dateline's, else `None`.
    pub date: Option<Date>,
    /// The news agency or publisher, exactly as written: from the dateline (`PARIS (AFP) -`),
    /// else from a closing sign-off line in capitals such as `AGENCE FRANCE-PRESSE`, else from
    /// the first photo credit (`PHOTO: AGENCE FRANCE-PRESSE`, `(AFP Photo)`).
    pub agency: Option<Located>,
    /// Body paragraphs and photo captions, in reading order.
    pub paragraphs: Vec<Paragraph>,
    /// All sentences of all paragraphs (body and captions), in reading order.
    pub sentences: Vec<Sentence>,
    /// Byte to code point conversion table for [`Article::text`].
    pub(crate) char_index: CharIndex,
}

/// A piece of the article text with its location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// The text as it appears in the article.
    pub text: String,
    /// Where it appears.
    pub span: Span,
}

/// A dateline such as `PARIS (AFP) -`, `date 2017-04-14 STRASBOURG (France) •` or, after a
/// headline, `TAGBILARAN, Philippines - Agence France-Presse`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The whole dateline, separator included.
    pub span: Span,
    /// The place, as written (`STRASBOURG`).
    pub place: Option<Located>,
    /// A country given in parentheses after the place (`France`), as written.
    pub country: Option<Located>,
    /// An agency given in the dateline (`AFP`, `Reuters`), as written.
    pub agency: Option<Located>,
    /// A date given in the dateline, if any (a full date; a day and month without a year
    /// is resolved against nothing and left out).
    pub date: Option<Date>,
}

/// What a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParagraphKind {
    /// Running text of the story.
    Body,
    /// A photo caption (a block that ends in a `PHOTO: …` credit).
    Caption,
    /// A credit line after the story, such as `(Reporting by Jane Doe in Paris; Editing by
    /// John Roe)`, or a byline before it (`By JANE DOE Associated Press`, before the dateline).
    Credits,
}

/// A paragraph: a block of text separated from the next by a blank line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Where the paragraph is (the dateline, any photo credit and the sign-off excluded).
    pub span: Span,
    /// Body text or caption.
    pub kind: ParagraphKind,
    /// Indices into [`Article::sentences`].
    pub sentences: std::ops::Range<usize>,
}

/// A sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Position in [`Article::sentences`].
    pub index: usize,
    /// Where the sentence is, trimmed of surrounding white space.
    pub span: Span,
    /// Index into [`Article::paragraphs`].
    pub paragraph: usize,
    /// Whether the sentence belongs to a photo caption.
    pub in_caption: bool,
}

impl Article {
    /// Parses the structure of an article.
    ///
    /// # Errors
    /// [`ArticleParseError`](crate::ArticleParseError) when the input is not an article:
    /// empty, binary, HTML, or larger than [`MAX_ARTICLE_BYTES`].
    ///
    /// A leading byte order mark is skipped (spans still index the original text, BOM
    /// included), and `\r\n` line endings are read like `\n`.
    ///
    /// ```
    /// use newsgraph::Article;
    ///
    /// let article = Article::parse("PARIS (AFP) - Mr. Smith left. He said so.\n")?;
    /// assert_eq!(article.dateline.as_ref().and_then(|d| d.place.as_ref()).map(|p| p.text.as_str()), Some("PARIS"));
    /// assert_eq!(article.agency.as_ref().map(|a| a.text.as_str()), Some("AFP"));
    /// let sentences: Vec<&str> = article.sentences.iter().map(|s| article.sentence_text(s)).collect();
    /// assert_eq!(sentences, ["Mr. Smith left.", "He said so."]);
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse(text: &str) -> Result<Article, crate::ArticleParseError> {
        parse::parse(text)
    }

    /// Parses an article given as bytes, which must be UTF-8.
    ///
    /// # Errors
    /// [`ArticleParseError`](crate::ArticleParseError) at the line and column of the first
    /// invalid byte when the input is not UTF-8 (the size limit is checked first), else as
    /// [`Article::parse`].
    ///
    /// ```
    /// use newsgraph::Article;
    ///
    /// let error = Article::parse_bytes(b"One.\nTw\xFFo.").unwrap_err();
    /// assert_eq!(error.to_string(), "line 2, column 3: the article is not valid UTF-8 (byte 0xFF at offset 7); pass UTF-8 plain text");
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse_bytes(bytes: &[u8]) -> Result<Article, crate::ArticleParseError> {
        parse::parse(input::decode_utf8(bytes)?)
    }

    /// The text of a span of this article.
    #[must_use]
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// The text of a sentence.
    #[must_use]
    pub fn sentence_text(&self, sentence: &Sentence) -> &str {
        self.slice(sentence.span)
    }

    /// Builds a [`Span`] from a byte range of [`Article::text`].
    ///
    /// The range must lie on UTF-8 character boundaries; out-of-range ends are clamped.
    #[must_use]
    pub fn span(&self, start: usize, end: usize) -> Span {
        self.char_index.span(start, end)
    }
}
