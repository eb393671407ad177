//! The error of loading a model table.

use std::fmt;

/// A table of `data/models/en_core_web_sm-3.8.0/` that could not be loaded: unreadable JSON, a
/// missing field, a pattern that does not compile.
///
/// NB: the tables are compiled into the binary and checked by the tests, so this error means a
/// broken build rather than bad input; it is still an error, never a panic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError {
    /// The file or table at fault, e.g. `tokenizer.json`.
    pub table: String,
    /// What is wrong with it.
    pub message: String,
}

impl ModelError {
    /// An error in `table` (a file name, or `file: field`).
    pub fn new(table: impl Into<String>, message: impl Into<String>) -> ModelError {
        ModelError { table: table.into(), message: message.into() }
    }
}

impl fmt::Display for ModelError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "model table {}: {}", self.table, self.message)
    }
}

impl std::error::Error for ModelError {}
