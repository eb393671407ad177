//! spaCy's `Tok2Vec`: `MultiHashEmbed` (hash embeddings of lexical attributes, mixed by a
//! maxout layer) followed by the `MaxoutWindowEncoder` (four residual blocks of window + maxout).
//!
//! The encoder runs under thinc's `with_array(pad=4)`: four zero rows before and after the
//! document, and those rows are transformed by every block like tokens (they feed the window of
//! the first and last tokens). Documents are encoded in chunks with four real rows of context on
//! each side, which gives the same values as one pass (a row after four blocks depends only on
//! the rows within four of it) in memory bounded by the chunk.

use std::sync::OnceLock;

use ndarray::{Array2, Axis, Slice};

use super::features::{hash_key, N_ATTRS};
use super::layers::{window, HashEmbed, Maxout};

/// Rows of padding around a document: the encoder's receptive field (window 1 × depth 4).
pub(crate) const PADDING: usize = 4;
/// Tokens encoded at once.
const CHUNK: usize = 2048;

/// One tok2vec network.
#[derive(Debug)]
pub(crate) struct Tok2Vec {
    /// The embedding tables, each with the attribute column it reads.
    embeds: Vec<(usize, HashEmbed)>,
    /// Maxout + LayerNorm from the concatenated embeddings to the width.
    mix: Maxout,
    /// Per embedding table, its columns of the mixing weights, transposed (width × width·pieces).
    mix_parts: Vec<Array2<f32>>,
    /// Per embedding table, each row times its mixing part, computed when first needed.
    projected: Vec<Vec<OnceLock<Box<[f32]>>>>,
    /// The residual blocks: `x + LayerNorm(Maxout(window(x)))`.
    blocks: Vec<Maxout>,
    /// Output width (96).
    width: usize,
}

impl Tok2Vec {
    /// A network from its layers; `mix` reads the embeddings concatenated in table order.
    pub(crate) fn new(
        embeds: Vec<(usize, HashEmbed)>,
        mix: Maxout,
        blocks: Vec<Maxout>,
        width: usize,
    ) -> Tok2Vec {
        let mix_parts = (0..embeds.len())
            .map(|part| {
                mix.weights
                    .slice_axis(Axis(1), Slice::from(part * width..(part + 1) * width))
                    .t()
                    .as_standard_layout()
                    .into_owned()
            })
            .collect();
        let projected = embeds
            .iter()
            .map(|(_, embed)| (0..embed.table.nrows()).map(|_| OnceLock::new()).collect())
            .collect();
        Tok2Vec { embeds, mix, mix_parts, projected, blocks, width }
    }

    /// The embedding tables with the attribute column each reads.
    #[cfg(test)]
    pub(crate) fn embeds(&self) -> &[(usize, HashEmbed)] {
        &self.embeds
    }

    /// Row `row` of table `part` times the table's columns of the mixing weights.
    ///
    /// The mixing layer is linear in each embedding row, so a token's mixing input is the sum
    /// of these products: 24 vector sums instead of a 576 × 288 product per token. (Float sums
    /// in another order than spaCy's: differences of about 1e-6.)
    fn projected_row(&self, part: usize, row: usize) -> &[f32] {
        self.projected[part][row].get_or_init(|| {
            let mix_part = &self.mix_parts[part];
            let mut output = vec![0.0f32; mix_part.ncols()];
            let weights = mix_part.as_slice().unwrap_or(&[]);
            let embedding = self.embeds[part].1.table.row(row);
            for (value, weights) in embedding.iter().zip(weights.chunks_exact(output.len())) {
                for (out, weight) in output.iter_mut().zip(weights) {
                    *out += *value * *weight;
                }
            }
            output.into_boxed_slice()
        })
    }

    /// The embedding stage: concatenated hash embeddings through the mixing maxout, one row per
    /// token of `ids`.
    pub(crate) fn embed(&self, ids: &[[u64; N_ATTRS]]) -> Array2<f32> {
        let mut pre = Array2::<f32>::zeros((ids.len(), self.mix.weights.nrows()));
        for (token_ids, mut row) in ids.iter().zip(pre.rows_mut()) {
            let Some(row) = row.as_slice_mut() else { continue };
            for (part, (column, embed)) in self.embeds.iter().enumerate() {
                let n_rows = embed.table.nrows() as u64;
                for key in hash_key(token_ids[*column], embed.seed) {
                    let projected = self.projected_row(part, (u64::from(key) % n_rows) as usize);
                    for (out, value) in row.iter_mut().zip(projected) {
                        *out += *value;
                    }
                }
            }
        }
        self.mix.finish(&pre)
    }

    /// The vectors of every token (tokens × width).
    pub(crate) fn forward(&self, ids: &[[u64; N_ATTRS]]) -> Array2<f32> {
        self.forward_in_chunks(ids, CHUNK)
    }

    /// The vectors of several documents at once, each equal to what [`Tok2Vec::forward`] gives
    /// it alone, bit for bit.
    ///
    /// The documents are stacked with `PADDING` zero rows before, between and after them, so that
    /// every matrix product runs over all their tokens: the weights are packed once per block
    /// instead of once per document. The rows between two documents stand for the padding after
    /// the first and before the second at once: a row's value after `b` blocks depends only on
    /// the rows within `b` of it, so the first document's tokens reach into it only one row per
    /// block, from one side, the second's from the other, and a token's last block reads only the
    /// row next to it, which the other document has not reached by then. Documents longer than a
    /// chunk are encoded alone; the caller bounds the total.
    pub(crate) fn forward_many(&self, docs: &[&[[u64; N_ATTRS]]]) -> Vec<Array2<f32>> {
        if docs.iter().any(|doc| doc.len() > CHUNK) || docs.len() < 2 {
            return docs.iter().map(|doc| self.forward(doc)).collect();
        }
        let all_ids: Vec<[u64; N_ATTRS]> =
            docs.iter().flat_map(|doc| doc.iter().copied()).collect();
        let embedded = self.embed(&all_ids);
        let total: usize = PADDING + docs.iter().map(|doc| doc.len() + PADDING).sum::<usize>();
        let mut rows = Array2::<f32>::zeros((total, self.width));
        let mut row = PADDING;
        let mut token = 0;
        for doc in docs {
            rows.slice_axis_mut(Axis(0), Slice::from(row..row + doc.len()))
                .assign(&embedded.slice_axis(Axis(0), Slice::from(token..token + doc.len())));
            row += doc.len() + PADDING;
            token += doc.len();
        }
        for block in &self.blocks {
            let update = block.forward(window(rows.view()).view());
            rows += &update;
        }
        let mut row = PADDING;
        docs.iter()
            .map(|doc| {
                let vectors =
                    rows.slice_axis(Axis(0), Slice::from(row..row + doc.len())).to_owned();
                row += doc.len() + PADDING;
                vectors
            })
            .collect()
    }

    /// [`Tok2Vec::forward`], `chunk` tokens at a time.
    fn forward_in_chunks(&self, ids: &[[u64; N_ATTRS]], chunk: usize) -> Array2<f32> {
        let chunk = chunk.max(1);
        let n_tokens = ids.len();
        let mut output = Array2::<f32>::zeros((n_tokens, self.width));
        let mut start = 0;
        while start < n_tokens {
            let end = (start + chunk).min(n_tokens);
            // Rows start-PADDING .. end+PADDING of the padded document; rows outside the
            // document are its zero padding.
            let context_start = start.saturating_sub(PADDING);
            let context_end = (end + PADDING).min(n_tokens);
            let embedded = self.embed(&ids[context_start..context_end]);
            let mut rows = Array2::<f32>::zeros((end - start + 2 * PADDING, self.width));
            let offset = PADDING + context_start - start;
            rows.slice_axis_mut(Axis(0), Slice::from(offset..offset + embedded.nrows()))
                .assign(&embedded);
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

#[cfg(test)]
mod tests {
    use super::super::model::Model;

    #[test]
    fn projected_embeddings_equal_the_mixing_product() {
        // spaCy's order: concatenate the embeddings, then one product with the mixing weights.
        let Ok(model) = Model::english() else { panic!("model") };
        let tok2vec = model.tok2vec_for_tests();
        let ids: Vec<[u64; super::N_ATTRS]> = (0..20u64)
            .map(|index| [index * 7919, index % 5, index % 11, index % 3, index % 2, 1])
            .collect();
        let mut concatenated =
            ndarray::Array2::<f32>::zeros((ids.len(), tok2vec.width * tok2vec.embeds.len()));
        for (token_ids, mut row) in ids.iter().zip(concatenated.rows_mut()) {
            let Some(row) = row.as_slice_mut() else { continue };
            for ((column, embed), out) in
                tok2vec.embeds.iter().zip(row.chunks_exact_mut(tok2vec.width))
            {
                embed.add_to(token_ids[*column], out);
            }
        }
        let expected = tok2vec.mix.forward(concatenated.view());
        let largest = (&expected - &tok2vec.embed(&ids))
            .iter()
            .fold(0.0f32, |largest, value| largest.max(value.abs()));
        assert!(largest < 1e-5, "{largest}");
    }

    #[test]
    fn documents_encoded_together_get_the_vectors_they_get_alone() {
        let Ok(model) = Model::english() else { panic!("model") };
        let tok2vec = &model.tok2vec_for_tests();
        let docs: Vec<Vec<[u64; super::N_ATTRS]>> = [1u64, 7, 30, 2, 12]
            .iter()
            .enumerate()
            .map(|(doc, &len)| {
                (0..len)
                    .map(|index| {
                        let id = (doc as u64 + 1) * 104_729 + index * 7919;
                        [id, index % 5, index % 11, index % 3, index % 2, doc as u64 % 2]
                    })
                    .collect()
            })
            .collect();
        let refs: Vec<&[[u64; super::N_ATTRS]]> = docs.iter().map(Vec::as_slice).collect();
        let together = tok2vec.forward_many(&refs);
        for (doc, vectors) in docs.iter().zip(&together) {
            assert_eq!(vectors, tok2vec.forward(doc), "a document of {} tokens", doc.len());
        }
    }

    #[test]
    fn chunks_give_the_same_vectors_as_one_pass() {
        let Ok(model) = Model::english() else { panic!("model") };
        let tok2vec = &model.tok2vec_for_tests();
        let ids: Vec<[u64; super::N_ATTRS]> = (0..50u64)
            .map(|index| [index * 7919, index % 5, index % 11, index % 3, index % 2, 0])
            .collect();
        let whole = tok2vec.forward_in_chunks(&ids, 1000);
        for chunk in [1, 3, 9, 49] {
            let chunked = tok2vec.forward_in_chunks(&ids, chunk);
            let largest =
                (&whole - &chunked).iter().fold(0.0f32, |largest, value| largest.max(value.abs()));
            assert!(largest < 1e-5, "chunk {chunk}: {largest}");
        }
    }
}
