//! spaCy's English tokenizer (placeholder: the port lands in its own commit).

/// One token as the tokenizer cuts it: what the statistical components read.
///
/// `start..end` are byte offsets into the text; `norm` is the NORM a tokenizer special case sets
/// (spaCy's `Token.norm_` when it differs from the word's own norm, e.g. `"n't"` → `"not"`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawToken {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Whether one space follows the token (spaCy's `whitespace_`).
    pub space_after: bool,
    /// The special case's NORM, if the tokenizer set one.
    pub norm: Option<String>,
}
