//! Byte and code point offsets.

use serde::Serialize;

/// A range of the article text, in UTF-8 bytes and in Unicode code points.
///
/// Both ranges are half-open. Code point offsets are what RDF output states
/// (NIF, RFC 5147); byte offsets are what Rust slices with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// First code point.
    pub start_char: usize,
    /// One past the last code point.
    pub end_char: usize,
}

impl Span {
    /// Whether `other` lies inside this span.
    #[must_use]
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    #[must_use]
    pub fn cover(&self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
            start_char: self.start_char.min(other.start_char),
            end_char: self.end_char.max(other.end_char),
        }
    }
}

/// Converts byte offsets of one text into code point offsets.
///
/// NB: building it is O(n) once; a lookup is O(log k) in the number `k` of non-ASCII
/// characters, so pure ASCII text costs nothing.
#[derive(Debug, Clone, Default)]
pub struct CharIndex {
    /// For every non-ASCII character: its byte offset, code point offset and UTF-8 width.
    multibyte: Vec<(usize, usize, usize)>,
    len: usize,
}

impl CharIndex {
    /// Indexes `text`.
    #[must_use]
    pub fn new(text: &str) -> Self {
        // A byte scan: lead bytes of non-ASCII characters are 0xC0 and above; continuation
        // bytes (0x80..0xC0) are the bytes that are not characters of their own.
        let mut multibyte = Vec::new();
        let mut continuation_bytes = 0;
        for (byte_offset, &byte) in text.as_bytes().iter().enumerate() {
            if byte >= 0xC0 {
                let width = match byte {
                    0xF0.. => 4,
                    0xE0.. => 3,
                    _ => 2,
                };
                multibyte.push((byte_offset, byte_offset - continuation_bytes, width));
            } else if byte >= 0x80 {
                continuation_bytes += 1;
            }
        }
        Self { multibyte, len: text.len() }
    }

    /// The code point offset of a byte offset (which should be a character boundary).
    #[must_use]
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        let n_before = self.multibyte.partition_point(|&(offset, _, _)| offset < byte);
        match n_before.checked_sub(1).and_then(|last| self.multibyte.get(last)) {
            None => byte,
            // Everything after the last multibyte character before `byte` is ASCII.
            Some(&(last_byte, last_char, width)) => {
                last_char + 1 + byte.saturating_sub(last_byte + width)
            }
        }
    }

    /// A span from a byte range, clamped to the text.
    #[must_use]
    pub fn span(&self, start: usize, end: usize) -> Span {
        let end = end.min(self.len);
        let start = start.min(end);
        Span { start, end, start_char: self.char_offset(start), end_char: self.char_offset(end) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_table() {
        let text = "a•b é c";
        let index = CharIndex::new(text);
        let cases = [(0, 0), (1, 1), (4, 2), (5, 3), (6, 4), (8, 5), (9, 6), (10, 7)];
        for (byte, expected) in cases {
            assert_eq!(index.char_offset(byte), expected, "byte {byte}");
            assert_eq!(text[..byte].chars().count(), expected);
        }
    }

    #[test]
    fn char_offsets_of_every_width() {
        let text = "a\u{e9}\u{2014}\u{1f600}b \u{ab}c\u{bb}";
        let index = CharIndex::new(text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(index.char_offset(byte), text[..byte].chars().count(), "byte {byte}");
        }
    }
}
