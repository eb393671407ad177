//! Library error types, one per boundary.

use std::fmt;

/// Where in the input an error is: 1-based line and column (in code points).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in code points.
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "line {}, column {}", self.line, self.column)
    }
}

/// The input is not a news article newsgraph can read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {message}")]
pub struct ArticleParseError {
    /// Where the problem is.
    pub location: Location,
    /// What is wrong, lowercase, no trailing period.
    pub message: String,
}

impl ArticleParseError {
    /// An error at a 1-based line and column.
    #[must_use]
    pub fn new(line: usize, column: usize, message: impl Into<String>) -> Self {
        Self { location: Location { line, column }, message: message.into() }
    }
}

/// A lexicon or pattern file is malformed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}{}: {message}", if *line == 0 { String::new() } else { format!(":{line}") })]
pub struct LexiconError {
    /// The file, as given.
    pub file: String,
    /// 1-based line; 0 when the error is about the whole file (it cannot be read).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Writing a graph failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// The writer failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// The graph holds something the format cannot express.
    #[error("cannot serialize: {0}")]
    Unsupported(String),
}

/// Any error of the library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// See [`ArticleParseError`].
    #[error(transparent)]
    Article(#[from] ArticleParseError),
    /// See [`LexiconError`].
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
    /// See [`ExportError`].
    #[error(transparent)]
    Export(#[from] ExportError),
    /// See [`BaseIriError`](crate::BaseIriError).
    #[error(transparent)]
    Base(#[from] crate::pipeline::BaseIriError),
}
