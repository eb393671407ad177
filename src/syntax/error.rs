//! Why the model could not be loaded.
//!
//! NB: the model's files are compiled into the binary and checked by the tests, so these errors
//! mean a broken build rather than bad input; they are still errors, never panics.

/// Why the model could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// A model file is not what its reader expects (bad JSON, missing entry, bad value).
    #[error("model file {file}: {message}")]
    File {
        /// The file, e.g. `tensors.json`.
        file: &'static str,
        /// What is wrong.
        message: String,
    },
    /// A tensor is missing, out of the bounds of `weights.bin`, or of the wrong shape.
    #[error("tensor {name}: {message}")]
    Tensor {
        /// The tensor's name in `tensors.json`, e.g. `parser.lower.W`.
        name: String,
        /// What is wrong.
        message: String,
    },
    /// A table (tokenizer, lemmatizer, attribute ruler) does not parse or uses a feature the
    /// port does not have.
    #[error("model table {table}: {message}")]
    Table {
        /// The file or table at fault, e.g. `tokenizer.json` or `attribute_ruler.json: pattern 3`.
        table: String,
        /// What is wrong.
        message: String,
    },
}

impl ModelError {
    /// An error in a table (a file name, or `file: field`).
    pub fn new(table: impl Into<String>, message: impl Into<String>) -> ModelError {
        ModelError::Table { table: table.into(), message: message.into() }
    }
}
