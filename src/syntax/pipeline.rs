//! [`Parser`]: the whole analysis of a text, spaCy's `nlp(text)`.

use std::sync::OnceLock;

use super::doc::{Doc, Entity, Token};
use super::lemmatizer::Lemmatizer;
use super::model::{Analysis, Model};
use super::tokenizer::{RawToken, Tokenizer};
use super::ModelError;

/// Tokens analysed together by [`Parser::parse_many`]: large enough to share the weights'
/// packing, small enough to keep a batch's vectors in a few tens of megabytes.
const BATCH_TOKENS: usize = 2048;

/// What a text costs [`Parser::parse_within`]'s budget beyond its tokens: the rows of padding
/// that separate it from the next text in a batch, and its own set-up.
pub const TEXT_TOKEN_COST: usize = 8;

/// The English analyser: tokenizer, tagger, dependency parser, lemmatizer and named-entity
/// recogniser of spaCy's `en_core_web_sm` 3.8.0, built once from the model in the binary.
///
/// NB: the analysis is deterministic (the same text gives the same [`Doc`]) and equal to spaCy's
/// up to the rare near-tie that float summation order can flip (see `tests/syntax_conformance.rs`).
///
/// ```
/// let parser = newsgraph::syntax::Parser::english()?;
/// let doc = parser.parse("The court ruled against Russia.");
/// let ruled = &doc.tokens[2];
/// assert_eq!((ruled.tag, ruled.lemma.as_str(), ruled.dep), ("VBD", "rule", "ROOT"));
/// assert_eq!(doc.tokens[1].dep, "nsubj");
/// assert_eq!(doc.entities[0].label, "GPE");
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Parser {
    tokenizer: Tokenizer,
    model: &'static Model,
    lemmatizer: Lemmatizer,
}

impl Parser {
    /// The English analyser, loaded on first use and shared.
    ///
    /// # Errors
    /// [`ModelError`] when the embedded model is malformed (a test guards against it).
    pub fn english() -> Result<&'static Parser, ModelError> {
        static PARSER: OnceLock<Result<Parser, ModelError>> = OnceLock::new();
        PARSER
            .get_or_init(|| {
                Ok(Parser {
                    tokenizer: Tokenizer::english()?,
                    model: Model::english()?,
                    lemmatizer: Lemmatizer::english()?,
                })
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Tokens, tags, lemmas, dependencies, sentences and named entities of a text.
    #[must_use]
    pub fn parse(&self, text: &str) -> Doc {
        self.analyse(text, true)
    }

    /// The same without named entities (about half the cost).
    #[must_use]
    pub fn parse_without_entities(&self, text: &str) -> Doc {
        self.analyse(text, false)
    }

    /// [`Parser::parse`] of several texts: the same analyses, about twice as fast for
    /// sentence-sized texts, since the texts are analysed in batches of a few thousand tokens
    /// that share their matrix products ([`Model::analyse_many`]).
    #[must_use]
    pub fn parse_many(&self, texts: &[&str]) -> Vec<Doc> {
        self.parse_within(texts, usize::MAX)
    }

    /// [`Parser::parse_many`] of the texts, in order, while their tokens stay within `budget`,
    /// each text counted [`TEXT_TOKEN_COST`] tokens more (what a text costs beyond its tokens);
    /// the texts after the first one that would go over it are not parsed (not even tokenized),
    /// so fewer docs than texts come back. The cost of a call is bounded by the budget.
    #[must_use]
    pub fn parse_within(&self, texts: &[&str], budget: usize) -> Vec<Doc> {
        let mut docs = Vec::with_capacity(texts.len().min(budget / TEXT_TOKEN_COST.max(1)));
        let mut spent = 0usize;
        let mut batch_texts: Vec<&str> = Vec::new();
        let mut batch_raws: Vec<Vec<RawToken>> = Vec::new();
        let mut batch_tokens = 0;
        for text in texts {
            let raw = self.tokenizer.tokenize(text);
            spent = spent.saturating_add(raw.len() + TEXT_TOKEN_COST);
            if spent > budget {
                break;
            }
            if !batch_texts.is_empty() && batch_tokens + raw.len() > BATCH_TOKENS {
                self.parse_batch(&batch_texts, &batch_raws, &mut docs);
                batch_texts.clear();
                batch_raws.clear();
                batch_tokens = 0;
            }
            batch_tokens += raw.len();
            batch_texts.push(text);
            batch_raws.push(raw);
        }
        self.parse_batch(&batch_texts, &batch_raws, &mut docs);
        docs
    }

    /// Analyses one batch of tokenized texts together and appends their docs.
    fn parse_batch(&self, texts: &[&str], raws: &[Vec<RawToken>], docs: &mut Vec<Doc>) {
        let batch: Vec<(&str, &[RawToken])> =
            texts.iter().zip(raws).map(|(text, raw)| (*text, raw.as_slice())).collect();
        let analyses = self.model.analyse_many(&batch, true);
        for ((text, raw), analysis) in batch.iter().zip(analyses) {
            docs.push(self.build_doc(text, raw, &analysis));
        }
    }

    fn analyse(&self, text: &str, with_entities: bool) -> Doc {
        let raw = self.tokenizer.tokenize(text);
        if raw.is_empty() {
            return Doc::default();
        }
        let analysis = self.model.analyse(text, &raw, with_entities);
        self.build_doc(text, &raw, &analysis)
    }

    /// The [`Doc`] of a text from its tokens and their analysis: lemmas, offsets, sentences.
    fn build_doc(&self, text: &str, raw: &[RawToken], analysis: &Analysis) -> Doc {
        if raw.is_empty() {
            return Doc::default();
        }
        let words: Vec<&str> = raw.iter().map(|token| &text[token.start..token.end]).collect();
        let lemmas = self.lemmatizer.analyse_tokens(&words, &analysis.tags, &analysis.deps);
        let mut tokens = Vec::with_capacity(raw.len());
        // One pass over the text for code point offsets: tokens are in text order.
        let mut byte = 0;
        let mut chars = 0;
        for (index, ((token, ruled), word)) in raw.iter().zip(lemmas).zip(&words).enumerate() {
            chars += text[byte..token.start].chars().count();
            let char_start = chars;
            chars += word.chars().count();
            byte = token.end;
            tokens.push(Token {
                start: token.start,
                end: token.end,
                char_start,
                char_end: chars,
                space_after: token.space_after,
                // The attribute ruler retags white space (`_SP`, label `dep`); those are its only
                // changes of tag and label in this model.
                tag: if ruled.tag.is_some() { "_SP" } else { analysis.tags[index] },
                pos: ruled.pos,
                lemma: ruled.lemma,
                head: analysis.heads[index],
                dep: if ruled.dep.is_some() { "dep" } else { analysis.deps[index] },
            });
        }
        let mut sentences = Vec::new();
        let mut start = 0;
        for (index, &sent_start) in analysis.sent_starts.iter().enumerate() {
            if sent_start && index > start {
                sentences.push(start..index);
                start = index;
            }
        }
        sentences.push(start..tokens.len());
        let entities = analysis
            .entities
            .iter()
            .map(|&(start, end, label)| Entity { start, end, label })
            .collect();
        Doc { tokens, sentences, entities }
    }
}
