//! spaCy's entity recogniser: its own tok2vec, the parser network (three feature tokens) and the
//! BILUO moves ([`super::biluo`]).

use super::biluo::{self, Move};
use super::features::N_ATTRS;
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
    /// The entities of parsed documents, `(first token, one past the last, label)` each, with
    /// the matrix products shared (see [`Tok2Vec::forward_many`]): the same entities as one
    /// document at a time.
    pub(crate) fn recognise_many(
        &self,
        ids: &[&[[u64; N_ATTRS]]],
        words: &[Vec<&str>],
        sent_starts: &[&[bool]],
    ) -> Vec<Vec<(usize, usize, &'static str)>> {
        let tokvecs = self.tok2vec.forward_many(ids);
        let views: Vec<_> = tokvecs.iter().map(|vectors| vectors.view()).collect();
        let mut caches = self.model.prepare_many(&views);
        drop(views);
        drop(tokvecs);
        caches
            .iter_mut()
            .zip(words.iter().zip(sent_starts))
            .map(|(cache, (words, sent_starts))| {
                if words.is_empty() {
                    return Vec::new();
                }
                biluo::recognise(&self.moves, sent_starts, words, |features, scores| {
                    self.model.scores(cache, features, scores);
                })
            })
            .collect()
    }
}
