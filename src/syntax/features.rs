//! Lexical attributes and string ids, exactly as spaCy computes them for its embeddings.
//!
//! Each token gets six attribute ids (spaCy's `Doc.to_array([NORM, PREFIX, SUFFIX, SHAPE, SPACY,
//! IS_SPACE])`): the string attributes are spaCy string ids ([`string_id`]), the flags are 0 or 1.
//! The embedding tables are indexed through [`hash_key`], thinc's hash of such an id.

use std::borrow::Cow;
use std::collections::HashMap;

use super::tokenizer::RawToken;

/// Attribute columns, in the order of spaCy's feature extractor.
pub(crate) const NORM: usize = 0;
/// First character.
pub(crate) const PREFIX: usize = 1;
/// Last three characters.
pub(crate) const SUFFIX: usize = 2;
/// spaCy's word shape (`Xxxxx`, `dd`).
pub(crate) const SHAPE: usize = 3;
/// Whether a space follows the token.
pub(crate) const SPACY: usize = 4;
/// Whether the token is white space.
pub(crate) const IS_SPACE: usize = 5;
/// Number of attribute columns.
pub(crate) const N_ATTRS: usize = 6;

/// Attribute ids of one document: `N_ATTRS` per token.
pub(crate) type AttributeIds = Vec<[u64; N_ATTRS]>;

/// MurmurHash64A (Austin Appleby), the hash of spaCy's string store (`hash_utf8`, seed 1).
pub(crate) fn murmurhash64a(data: &[u8], seed: u64) -> u64 {
    const M: u64 = 0xc6a4_a793_5bd1_e995;
    const R: u32 = 47;
    let mut hash = seed ^ (data.len() as u64).wrapping_mul(M);
    let mut chunks = data.chunks_exact(8);
    for chunk in &mut chunks {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(chunk);
        let mut k = u64::from_le_bytes(bytes);
        k = k.wrapping_mul(M);
        k ^= k >> R;
        k = k.wrapping_mul(M);
        hash ^= k;
        hash = hash.wrapping_mul(M);
    }
    let tail = chunks.remainder();
    if !tail.is_empty() {
        for (index, byte) in tail.iter().enumerate() {
            hash ^= u64::from(*byte) << (8 * index);
        }
        hash = hash.wrapping_mul(M);
    }
    hash ^= hash >> R;
    hash = hash.wrapping_mul(M);
    hash ^= hash >> R;
    hash
}

/// thinc's `MurmurHash3_x86_128_uint64`: MurmurHash3 x64_128 specialised to one 8-byte key,
/// returned as four u32 (the rows of a `HashEmbed` table are these modulo the table size).
pub(crate) fn hash_key(id: u64, seed: u32) -> [u32; 4] {
    let seed = u64::from(seed);
    let mut h1 = id;
    h1 = h1.wrapping_mul(0x87c3_7b91_1142_53d5);
    h1 = h1.rotate_left(31);
    h1 = h1.wrapping_mul(0x4cf5_ad43_2745_937f);
    h1 ^= seed;
    h1 ^= 8;
    let mut h2 = seed;
    h2 ^= 8;
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    // Truncating casts split each half into its low and high 32 bits, as thinc does.
    [h1 as u32, (h1 >> 32) as u32, h2 as u32, (h2 >> 32) as u32]
}

fn fmix64(mut value: u64) -> u64 {
    value ^= value >> 33;
    value = value.wrapping_mul(0xff51_afd7_ed55_8ccd);
    value ^= value >> 33;
    value = value.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    value ^= value >> 33;
    value
}

/// Python's `str.isspace()` for one character: Unicode white space plus the separators
/// U+001C..U+001F, which Python counts and Rust's `char::is_whitespace` does not.
pub(crate) fn is_space_char(character: char) -> bool {
    character.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&character)
}

/// spaCy's `IS_SPACE`: a non-empty string of white space only.
pub(crate) fn is_space(text: &str) -> bool {
    !text.is_empty() && text.chars().all(is_space_char)
}

/// spaCy's `word_shape`: letters become `X`/`x`, digits `d`, other characters stay; runs longer
/// than four are cut to four; strings of 100 characters or more are `LONG`.
///
/// Python's `isalpha`/`isdigit` are approximated by `char::is_alphabetic`/`char::is_numeric`
/// outside ASCII (they differ on a few marks and numeric symbols such as `½`).
pub(crate) fn word_shape(text: &str) -> String {
    if text.chars().count() >= 100 {
        return "LONG".to_owned();
    }
    let mut shape = String::with_capacity(text.len());
    let mut last: Option<char> = None;
    let mut run = 0;
    for character in text.chars() {
        let shape_char = if is_alpha(character) {
            if character.is_uppercase() {
                'X'
            } else {
                'x'
            }
        } else if is_digit(character) {
            'd'
        } else {
            character
        };
        if last == Some(shape_char) {
            run += 1;
        } else {
            run = 0;
            last = Some(shape_char);
        }
        if run < 4 {
            shape.push(shape_char);
        }
    }
    shape
}

fn is_alpha(character: char) -> bool {
    if character.is_ascii() {
        character.is_ascii_alphabetic()
    } else {
        character.is_alphabetic() && !character.is_numeric()
    }
}

fn is_digit(character: char) -> bool {
    if character.is_ascii() {
        character.is_ascii_digit()
    } else {
        character.is_numeric()
    }
}

/// The lexical tables of the model: spaCy's symbol table and the NORM exceptions.
#[derive(Debug, Default)]
pub(crate) struct Lexical {
    /// spaCy's built-in symbols: strings with small fixed ids (`"X"` → 101).
    pub(crate) symbols: HashMap<String, u64>,
    /// `BASE_NORMS` of `spacy.lang.norm_exceptions`, keyed by the exact string.
    pub(crate) base_norms: HashMap<String, String>,
    /// The model's `lexeme_norm` table, keyed by the string id of the exact string.
    pub(crate) lexeme_norm: HashMap<u64, String>,
}

impl Lexical {
    /// spaCy's string id: 0 for the empty string, the symbol's id for a built-in symbol, else
    /// MurmurHash64A of the UTF-8 bytes with seed 1.
    pub(crate) fn string_id(&self, string: &str) -> u64 {
        if string.is_empty() {
            return 0;
        }
        match self.symbols.get(string) {
            Some(id) => *id,
            None => murmurhash64a(string.as_bytes(), 1),
        }
    }

    /// The NORM of a word (spaCy's lexeme norm): the `lexeme_norm` table first, then
    /// `BASE_NORMS`, then the lowercase form (`util.add_lookups` puts the table added last first).
    pub(crate) fn norm<'a>(&'a self, text: &'a str) -> Cow<'a, str> {
        if let Some(norm) = self.lexeme_norm.get(&self.string_id(text)) {
            return Cow::Borrowed(norm);
        }
        if let Some(norm) = self.base_norms.get(text) {
            return Cow::Borrowed(norm);
        }
        if text.chars().any(char::is_uppercase) {
            Cow::Owned(text.to_lowercase())
        } else {
            Cow::Borrowed(text)
        }
    }

    /// The attribute ids of every token of a document.
    pub(crate) fn attribute_ids(&self, text: &str, tokens: &[RawToken]) -> AttributeIds {
        tokens
            .iter()
            .map(|token| {
                let word = text.get(token.start..token.end).unwrap_or("");
                let norm = match &token.norm {
                    Some(norm) => self.string_id(norm),
                    None => self.string_id(&self.norm(word)),
                };
                let prefix = match word.char_indices().nth(1) {
                    Some((end, _)) => &word[..end],
                    None => word,
                };
                let suffix_start = word.char_indices().rev().nth(2).map_or(0, |(start, _)| start);
                let suffix = &word[suffix_start..];
                let mut ids = [0u64; N_ATTRS];
                ids[NORM] = norm;
                ids[PREFIX] = self.string_id(prefix);
                ids[SUFFIX] = self.string_id(suffix);
                ids[SHAPE] = self.string_id(&word_shape(word));
                ids[SPACY] = u64::from(token.space_after);
                ids[IS_SPACE] = u64::from(is_space(word));
                ids
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_follow_spacy() {
        for (word, shape) in [
            ("The", "Xxx"),
            ("Thursday", "Xxxxx"),
            ("2017", "dddd"),
            ("2.5", "d.d"),
            ("U.S.", "X.X."),
            ("O'Neill", "X'Xxxxx"),
            ("--", "--"),
            ("aaaaaaa", "xxxx"),
            ("Ünïcödé", "Xxxxx"),
        ] {
            assert_eq!(word_shape(word), shape, "{word}");
        }
        assert_eq!(word_shape(&"a".repeat(100)), "LONG");
    }

    #[test]
    fn murmurhash64a_tail_lengths() {
        // Values from spaCy: `nlp.vocab.strings.add(s)` for strings that are not symbols.
        assert_eq!(murmurhash64a(b"the", 1), 7_425_985_699_627_899_538);
        assert_eq!(murmurhash64a(b"court", 1), 9_597_162_758_872_268_865);
        assert_eq!(murmurhash64a(b"thursday", 1), 12_542_444_123_586_209_340);
    }

    #[test]
    fn white_space_like_python() {
        assert!(is_space(" \n\t\u{a0}\u{1f}"));
        assert!(!is_space(""));
        assert!(!is_space("\u{200b}"));
    }
}
