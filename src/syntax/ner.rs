//! spaCy's entity recogniser: its own tok2vec, the parser network (three feature tokens) and the
//! BILUO moves ([`super::biluo`]).

use super::biluo::{self, Move};
use super::features::AttributeIds;
use super::parser::ParserModel;
use super::tok2vec::Tok2Vec;

/// The NER component.
#[derive(Debug)]
pub(crate) struct EntityRecognizer {
    pub(crate) tok2vec: Tok2Vec,
    pub(crate) model: ParserModel,
    pub(crate) moves: Vec<Move>,
}

impl EntityRecognizer {
    /// The entities of a parsed document: `(first token, one past the last, label)`.
    pub(crate) fn recognise(
        &self,
        ids: &AttributeIds,
        words: &[&str],
        sent_starts: &[bool],
    ) -> Vec<(usize, usize, &'static str)> {
        if ids.is_empty() {
            return Vec::new();
        }
        let tokvecs = self.tok2vec.forward(ids);
        let mut cache = self.model.prepare(tokvecs.view());
        drop(tokvecs);
        biluo::recognise(&self.moves, sent_starts, words, |features, scores| {
            self.model.scores(&mut cache, features, scores);
        })
    }
}
