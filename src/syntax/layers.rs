//! thinc's layers, for inference only: HashEmbed, Linear, Maxout, LayerNorm and the window.
//!
//! Every layer holds its weights, checked against its dimensions when the model loads
//! ([`super::model`]); `forward` never fails. Matrices are row-major, one row per token.
//! The weights of the model compiled into the binary are borrowed from it ([`Matrix`],
//! [`Vector`]), not copied.

use std::borrow::Cow;

use ndarray::linalg::general_mat_mul;
use ndarray::{Array2, ArrayView2, CowArray, Ix2};

/// A weight matrix: a view of the weights compiled into the binary, or owned.
pub(crate) type Matrix = CowArray<'static, f32, Ix2>;

/// A weight vector: a slice of the weights compiled into the binary, or owned.
pub(crate) type Vector = Cow<'static, [f32]>;

/// `Y = X · Wᵀ` for `X` (tokens × inputs) and `W` (outputs × inputs), one SIMD GEMM.
pub(crate) fn matmul_transposed(
    input: ArrayView2<'_, f32>,
    weights: ArrayView2<'_, f32>,
) -> Array2<f32> {
    let mut output = Array2::<f32>::zeros((input.nrows(), weights.nrows()));
    general_mat_mul(1.0, &input, &weights.t(), 0.0, &mut output);
    output
}

/// thinc's `HashEmbed`: a table of `rows` vectors; an id's vector is the sum of the four rows
/// its hash picks.
#[derive(Debug)]
pub(crate) struct HashEmbed {
    pub(crate) table: Matrix,
    pub(crate) seed: u32,
}

impl HashEmbed {
    /// Adds the embedding of `id` to `output` (of the table's width).
    #[cfg(test)]
    pub(crate) fn add_to(&self, id: u64, output: &mut [f32]) {
        let rows = self.table.nrows() as u64;
        for key in super::features::hash_key(id, self.seed) {
            let row = self.table.row((u64::from(key) % rows) as usize);
            for (out, value) in output.iter_mut().zip(row.iter()) {
                *out += *value;
            }
        }
    }
}

/// thinc's `Linear`: `Y = X · Wᵀ + b`.
#[derive(Debug)]
pub(crate) struct Linear {
    /// Outputs × inputs.
    pub(crate) weights: Matrix,
    pub(crate) bias: Vector,
}

impl Linear {
    pub(crate) fn forward(&self, input: ArrayView2<'_, f32>) -> Array2<f32> {
        let mut output = matmul_transposed(input, self.weights.view());
        for mut row in output.rows_mut() {
            for (value, bias) in row.iter_mut().zip(self.bias.iter()) {
                *value += *bias;
            }
        }
        output
    }
}

/// thinc's `Maxout` with `normalize=True`: a linear layer with `pieces` outputs per unit, the
/// largest piece, then [`LayerNorm`].
#[derive(Debug)]
pub(crate) struct Maxout {
    /// (outputs · pieces) × inputs, rows in the order (output, piece).
    pub(crate) weights: Matrix,
    /// outputs · pieces.
    pub(crate) bias: Vector,
    pub(crate) pieces: usize,
    pub(crate) norm: LayerNorm,
}

impl Maxout {
    pub(crate) fn forward(&self, input: ArrayView2<'_, f32>) -> Array2<f32> {
        self.finish(&matmul_transposed(input, self.weights.view()))
    }

    /// The layer after its matrix product: bias, the largest piece, normalisation.
    pub(crate) fn finish(&self, pre: &Array2<f32>) -> Array2<f32> {
        let n_out = self.weights.nrows() / self.pieces;
        let mut output = Array2::<f32>::zeros((pre.nrows(), n_out));
        for (pre_row, mut out_row) in pre.rows().into_iter().zip(output.rows_mut()) {
            let pre_row = pre_row.as_slice().unwrap_or(&[]);
            let biased = pre_row.chunks_exact(self.pieces).zip(self.bias.chunks_exact(self.pieces));
            for (out, (pieces, bias)) in out_row.iter_mut().zip(biased) {
                let mut best = pieces[0] + bias[0];
                for (piece, bias) in pieces.iter().zip(bias).skip(1) {
                    let value = piece + bias;
                    if value > best {
                        best = value;
                    }
                }
                *out = best;
            }
            if let Some(row) = out_row.as_slice_mut() {
                self.norm.forward_row(row);
            }
        }
        output
    }
}

/// thinc's `LayerNorm`: `(x - mean) / sqrt(var + 1e-8) · G + b`, per row.
#[derive(Debug)]
pub(crate) struct LayerNorm {
    pub(crate) gain: Vector,
    pub(crate) bias: Vector,
}

impl LayerNorm {
    pub(crate) fn forward_row(&self, row: &mut [f32]) {
        let n = row.len() as f64;
        let mean = row.iter().map(|value| f64::from(*value)).sum::<f64>() / n;
        let var = row
            .iter()
            .map(|value| {
                let dist = f64::from(*value) - mean;
                dist * dist
            })
            .sum::<f64>()
            / n;
        // thinc adds 1e-8 to the float32 variance and scales by var ** -0.5.
        let scale = (var as f32 + 1e-8).powf(-0.5);
        let mean = mean as f32;
        for ((value, gain), bias) in row.iter_mut().zip(self.gain.iter()).zip(self.bias.iter()) {
            *value = (*value - mean) * scale * gain + bias;
        }
    }
}

/// thinc's `seq2col` with a window of one: each row becomes `[previous, row, next]`, zeros past
/// either end.
pub(crate) fn window(input: ArrayView2<'_, f32>) -> Array2<f32> {
    let (n_rows, width) = input.dim();
    let mut output = Array2::<f32>::zeros((n_rows, 3 * width));
    for (index, mut out_row) in output.rows_mut().into_iter().enumerate() {
        let Some(out) = out_row.as_slice_mut() else { continue };
        if index > 0 {
            for (out, value) in out[..width].iter_mut().zip(input.row(index - 1)) {
                *out = *value;
            }
        }
        for (out, value) in out[width..2 * width].iter_mut().zip(input.row(index)) {
            *out = *value;
        }
        if index + 1 < n_rows {
            for (out, value) in out[2 * width..].iter_mut().zip(input.row(index + 1)) {
                *out = *value;
            }
        }
    }
    output
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_pads_with_zeros() {
        let input = Array2::from_shape_vec((3, 1), vec![1.0, 2.0, 3.0]).unwrap_or_default();
        let output = window(input.view());
        assert_eq!(output.as_slice(), Some(&[0.0, 1.0, 2.0, 1.0, 2.0, 3.0, 2.0, 3.0, 0.0][..]));
    }

    #[test]
    fn maxout_takes_the_largest_piece_then_normalises() {
        let maxout = Maxout {
            weights: Array2::from_shape_vec((4, 1), vec![1.0, -1.0, 2.0, 0.5])
                .unwrap_or_default()
                .into(),
            bias: vec![0.0, 0.0, 0.0, 1.0].into(),
            pieces: 2,
            norm: LayerNorm { gain: vec![1.0, 1.0].into(), bias: vec![0.0, 0.0].into() },
        };
        let input = Array2::from_shape_vec((1, 1), vec![-2.0]).unwrap_or_default();
        // Pieces: (-2, 2) → 2 and (-4, 0) → 0; normalised: (1, -1).
        let output = maxout.forward(input.view());
        assert!(
            (output[[0, 0]] - 1.0).abs() < 1e-6 && (output[[0, 1]] + 1.0).abs() < 1e-6,
            "{output:?}"
        );
    }
}
