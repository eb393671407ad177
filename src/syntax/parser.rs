//! The scoring network of spaCy's transition parsers (`parser_model.pyx`), shared by the
//! dependency parser and the NER: tok2vec output → linear projection → `PrecomputableAffine`
//! (the lower layer, precomputed for every token and feature slot) → maxout → linear to the
//! scores of the moves.
//!
//! The lower layer's output for a state is the sum, over its `nF` feature tokens, of that token's
//! precomputed vector for that slot (the `pad` vector when the slot is empty), plus the bias; so a
//! step costs `nF` vector sums, a maxout and one small matrix-vector product.

use ndarray::{Array2, ArrayView2};

use super::layers::{matmul_transposed, Linear, Matrix, Vector};

/// Bytes of precomputed lower-layer vectors kept at once; older chunks are recomputed if needed.
const CACHE_BYTES: usize = 32 << 20;
/// Tokens per precomputed chunk.
const CHUNK: usize = 1024;

/// The weights of one parser model.
#[derive(Debug)]
pub(crate) struct ParserModel {
    /// tok2vec width → `n_in`.
    pub(crate) projection: Linear,
    /// `(nF · nO · nP) × nI`, rows in the order (feature, output, piece).
    pub(crate) lower: Matrix,
    /// `nO · nP`.
    pub(crate) lower_bias: Vector,
    /// `nF · nO · nP`: the vector of an empty feature slot.
    pub(crate) pad: Vector,
    /// `nO × n_moves`: the upper layer, transposed so that a step is a sum of scaled rows.
    pub(crate) upper_transposed: Array2<f32>,
    pub(crate) upper_bias: Vector,
    pub(crate) n_features: usize,
    pub(crate) n_hidden: usize,
    pub(crate) n_pieces: usize,
}

impl ParserModel {
    /// Prepares a document: projects its tok2vec output; lower-layer vectors are computed by
    /// chunks when first needed.
    pub(crate) fn prepare(&self, tokvecs: ArrayView2<'_, f32>) -> Precomputed {
        let per_token = self.n_features * self.n_hidden * self.n_pieces;
        self.prepare_with(tokvecs, CHUNK, CACHE_BYTES / (CHUNK * per_token * 4))
    }

    /// [`ParserModel::prepare`] with chunks of `chunk` tokens, at most `max_resident` at once.
    pub(crate) fn prepare_with(
        &self,
        tokvecs: ArrayView2<'_, f32>,
        chunk: usize,
        max_resident: usize,
    ) -> Precomputed {
        self.prepare_with_projected(self.projection.forward(tokvecs), chunk, max_resident)
    }

    /// A document whose tok2vec output is already projected; nothing precomputed yet.
    fn prepare_with_projected(
        &self,
        projected: Array2<f32>,
        chunk: usize,
        max_resident: usize,
    ) -> Precomputed {
        let n_tokens = projected.nrows();
        let per_token = self.n_features * self.n_hidden * self.n_pieces;
        let chunk = chunk.max(1);
        let max_resident = max_resident.max(1);
        Precomputed {
            projected,
            chunk,
            chunks: vec![None; n_tokens.div_ceil(chunk)],
            last_used: vec![0; n_tokens.div_ceil(chunk)],
            resident: Vec::new(),
            max_resident,
            clock: 0,
            per_token,
            unmaxed: vec![0.0; self.n_hidden * self.n_pieces],
            hidden: vec![0.0; self.n_hidden],
        }
    }

    /// [`ParserModel::prepare`] for several documents at once, each prepared as it would be
    /// alone (the same values, bit for bit): their rows are projected and multiplied by the
    /// lower layer in one product each, so the weights are packed once, not once per document.
    /// Documents longer than a chunk are prepared alone; the caller bounds the total.
    pub(crate) fn prepare_many(&self, docs: &[ArrayView2<'_, f32>]) -> Vec<Precomputed> {
        if docs.len() < 2 || docs.iter().any(|doc| doc.nrows() > CHUNK) {
            return docs.iter().map(|doc| self.prepare(doc.view())).collect();
        }
        let Ok(stacked) = ndarray::concatenate(ndarray::Axis(0), docs) else {
            return docs.iter().map(|doc| self.prepare(doc.view())).collect();
        };
        let projected = self.projection.forward(stacked.view());
        let lower = matmul_transposed(projected.view(), self.lower.view());
        let per_token = self.n_features * self.n_hidden * self.n_pieces;
        let mut row = 0;
        docs.iter()
            .map(|doc| {
                let rows = ndarray::Slice::from(row..row + doc.nrows());
                let doc_lower = lower.slice_axis(ndarray::Axis(0), rows);
                let mut cache = self.prepare_with_projected(
                    projected.slice_axis(ndarray::Axis(0), rows).to_owned(),
                    CHUNK,
                    1,
                );
                if doc.nrows() > 0 {
                    cache.chunks[0] = Some(doc_lower.iter().copied().collect());
                    cache.resident.push(0);
                }
                debug_assert_eq!(doc_lower.len(), doc.nrows() * per_token);
                row += doc.nrows();
                cache
            })
            .collect()
    }

    /// The scores of every move for a state whose feature tokens are `ids` (−1: none).
    pub(crate) fn scores(&self, cache: &mut Precomputed, ids: &[i32], scores: &mut [f32]) {
        let width = self.n_hidden * self.n_pieces;
        let mut unmaxed = std::mem::take(&mut cache.unmaxed);
        unmaxed.iter_mut().for_each(|value| *value = 0.0);
        for (slot, id) in ids.iter().enumerate() {
            let vector = match usize::try_from(*id) {
                Ok(token) => cache.vector(self, token, slot),
                Err(_) => &self.pad[slot * width..(slot + 1) * width],
            };
            for (sum, value) in unmaxed.iter_mut().zip(vector) {
                *sum += *value;
            }
        }
        for (sum, bias) in unmaxed.iter_mut().zip(self.lower_bias.iter()) {
            *sum += *bias;
        }
        let mut hidden = std::mem::take(&mut cache.hidden);
        for (out, pieces) in hidden.iter_mut().zip(unmaxed.chunks_exact(self.n_pieces)) {
            let mut best = pieces[0];
            for piece in &pieces[1..] {
                if *piece > best {
                    best = *piece;
                }
            }
            *out = best;
        }
        scores.copy_from_slice(&self.upper_bias);
        let n_moves = self.upper_bias.len();
        let upper = self.upper_transposed.as_slice().unwrap_or(&[]);
        for (value, row) in hidden.iter().zip(upper.chunks_exact(n_moves)) {
            for (score, weight) in scores.iter_mut().zip(row) {
                *score += *value * *weight;
            }
        }
        cache.unmaxed = unmaxed;
        cache.hidden = hidden;
    }

    fn compute_chunk(&self, projected: &Array2<f32>, chunk: usize, chunk_size: usize) -> Vec<f32> {
        let start = chunk * chunk_size;
        let end = (start + chunk_size).min(projected.nrows());
        let rows = projected.slice_axis(ndarray::Axis(0), ndarray::Slice::from(start..end));
        matmul_transposed(rows, self.lower.view()).into_raw_vec_and_offset().0
    }
}

/// A document prepared for one parser model: its projected vectors and a bounded cache of
/// lower-layer outputs (all of it for documents up to a few thousand tokens).
#[derive(Debug)]
pub(crate) struct Precomputed {
    projected: Array2<f32>,
    /// Tokens per chunk.
    chunk: usize,
    chunks: Vec<Option<Vec<f32>>>,
    last_used: Vec<u64>,
    resident: Vec<usize>,
    max_resident: usize,
    clock: u64,
    per_token: usize,
    unmaxed: Vec<f32>,
    hidden: Vec<f32>,
}

impl Precomputed {
    fn vector(&mut self, model: &ParserModel, token: usize, slot: usize) -> &[f32] {
        let chunk = token / self.chunk;
        self.clock += 1;
        if let Some(stamp) = self.last_used.get_mut(chunk) {
            *stamp = self.clock;
        }
        if self.chunks.get(chunk).is_some_and(Option::is_none) {
            if self.resident.len() >= self.max_resident {
                // Evict the least recently used chunk.
                let (position, _) = self
                    .resident
                    .iter()
                    .enumerate()
                    .min_by_key(|(_, resident)| self.last_used[**resident])
                    .unwrap_or((0, &0));
                let evicted = self.resident.swap_remove(position);
                self.chunks[evicted] = None;
            }
            self.chunks[chunk] = Some(model.compute_chunk(&self.projected, chunk, self.chunk));
            self.resident.push(chunk);
        }
        let width = self.per_token / model.n_features;
        let start = (token % self.chunk) * self.per_token + slot * width;
        match self.chunks.get(chunk).and_then(Option::as_ref) {
            Some(values) => &values[start..start + width],
            None => &[],
        }
    }
}
