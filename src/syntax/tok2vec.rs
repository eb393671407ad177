//! spaCy's `Tok2Vec`: `MultiHashEmbed` (hash embeddings of lexical attributes, mixed by a
//! maxout layer) followed by the `MaxoutWindowEncoder` (four residual blocks of window + maxout).
//!
//! The encoder runs under thinc's `with_array(pad=4)`: four zero rows before and after the
//! document, and those rows are transformed by every block like tokens (they feed the window of
//! the first and last tokens). Documents are encoded in chunks with four real rows of context on
//! each side, which gives the same values as one pass (a row after four blocks depends only on
//! the rows within four of it) in memory bounded by the chunk.

use ndarray::{Array2, Axis, Slice};

use super::features::N_ATTRS;
use super::layers::{HashEmbed, Maxout, window};

/// Rows of padding around a document: the encoder's receptive field (window 1 × depth 4).
pub(crate) const PADDING: usize = 4;
/// Tokens encoded at once.
const CHUNK: usize = 2048;

/// One tok2vec network.
#[derive(Debug)]
pub(crate) struct Tok2Vec {
    /// The embedding tables, each with the attribute column it reads.
    pub(crate) embeds: Vec<(usize, HashEmbed)>,
    /// Maxout + LayerNorm from the concatenated embeddings to the width.
    pub(crate) mix: Maxout,
    /// The residual blocks: `x + LayerNorm(Maxout(window(x)))`.
    pub(crate) blocks: Vec<Maxout>,
    /// Output width (96).
    pub(crate) width: usize,
}

impl Tok2Vec {
    /// The embedding stage: concatenated hash embeddings through the mixing maxout, one row per
    /// token of `ids`.
    pub(crate) fn embed(&self, ids: &[[u64; N_ATTRS]]) -> Array2<f32> {
        let width = self.width;
        let mut concatenated = Array2::<f32>::zeros((ids.len(), width * self.embeds.len()));
        for (token_ids, mut row) in ids.iter().zip(concatenated.rows_mut()) {
            let Some(row) = row.as_slice_mut() else { continue };
            for ((column, embed), out) in self.embeds.iter().zip(row.chunks_exact_mut(width)) {
                embed.add_to(token_ids[*column], out);
            }
        }
        self.mix.forward(concatenated.view())
    }

    /// The vectors of every token (tokens × width).
    pub(crate) fn forward(&self, ids: &[[u64; N_ATTRS]]) -> Array2<f32> {
        let n_tokens = ids.len();
        let mut output = Array2::<f32>::zeros((n_tokens, self.width));
        let mut start = 0;
        while start < n_tokens {
            let end = (start + CHUNK).min(n_tokens);
            // Rows start-PADDING .. end+PADDING of the padded document; rows outside the
            // document are its zero padding.
            let context_start = start.saturating_sub(PADDING);
            let context_end = (end + PADDING).min(n_tokens);
            let embedded = self.embed(&ids[context_start..context_end]);
            let mut rows = Array2::<f32>::zeros((end - start + 2 * PADDING, self.width));
            let offset = PADDING + context_start - start;
            rows.slice_axis_mut(Axis(0), Slice::from(offset..offset + embedded.nrows())).assign(&embedded);
            for block in &self.blocks {
                let update = block.forward(window(rows.view()).view());
                rows += &update;
            }
            output
                .slice_axis_mut(Axis(0), Slice::from(start..end))
                .assign(&rows.slice_axis(Axis(0), Slice::from(PADDING..PADDING + end - start)));
            start = end;
        }
        output
    }
}
