//! spaCy's tagger: a softmax layer over the tok2vec output; the tag is the best score.

use ndarray::{Array2, ArrayView2};

use super::layers::Linear;

/// The tagger's output layer and its tags (Penn Treebank, plus `_SP` for white space).
#[derive(Debug)]
pub(crate) struct Tagger {
    pub(crate) output: Linear,
    pub(crate) tags: Vec<&'static str>,
}

impl Tagger {
    /// The scores of every tag for every token (before the softmax, which keeps the order).
    pub(crate) fn scores(&self, tokvecs: ArrayView2<'_, f32>) -> Array2<f32> {
        self.output.forward(tokvecs)
    }

    /// The best tag of every token; on a tie the first tag, as numpy's `argmax`.
    pub(crate) fn tag(&self, tokvecs: ArrayView2<'_, f32>) -> Vec<&'static str> {
        let scores = self.scores(tokvecs);
        scores
            .rows()
            .into_iter()
            .map(|row| {
                let mut best = 0;
                for (index, score) in row.iter().enumerate() {
                    if *score > row[best] {
                        best = index;
                    }
                }
                self.tags.get(best).copied().unwrap_or("")
            })
            .collect()
    }
}
