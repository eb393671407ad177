//! The analysis of a text: tokens with offsets, tags, lemmas, heads, labels, sentences, entities.

use std::ops::Range;

use serde::Serialize;

/// One token of a [`Doc`].
///
/// Offsets index the original text: `start..end` in bytes (for slicing a `&str`),
/// `char_start..char_end` in Unicode code points (what spaCy's `Token.idx` counts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Code point offset of the first character.
    pub char_start: usize,
    /// Code point offset one past the last character.
    pub char_end: usize,
    /// Whether one space follows the token (spaCy's `whitespace_`).
    pub space_after: bool,
    /// Penn Treebank tag (spaCy's `tag_`), e.g. `NNP`, `VBD`, `_SP` for white space.
    pub tag: &'static str,
    /// Universal part of speech (spaCy's `pos_`), e.g. `PROPN`, `VERB`.
    pub pos: &'static str,
    /// Lemma (spaCy's `lemma_`), e.g. `rule` for "ruled".
    pub lemma: String,
    /// Index of the head token in [`Doc::tokens`]; a sentence's root is its own head.
    pub head: usize,
    /// Dependency label (spaCy's `dep_`), e.g. `nsubj`; `ROOT` for the root.
    pub dep: &'static str,
}

/// A named entity: tokens `start..end` of a [`Doc`] with an OntoNotes label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Entity {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// `PERSON`, `ORG`, `GPE`, `LOC`, `NORP`, `FAC`, `EVENT`, `DATE`, `TIME`, `MONEY`, … (18 types).
    pub label: &'static str,
}

/// The analysis of one text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Doc {
    /// The tokens, in text order; together with white space they cover the text.
    pub tokens: Vec<Token>,
    /// Sentences as token ranges, in order, covering every token.
    pub sentences: Vec<Range<usize>>,
    /// Named entities, in order, never overlapping.
    pub entities: Vec<Entity>,
}
