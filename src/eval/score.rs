//! Counts and the precision, recall and F1 computed from them.

use std::fmt;
use std::ops::{Add, AddAssign};

/// The counts of one category: true positives, predictions and gold items.
///
/// NB: precision is 1 when nothing was predicted and recall is 1 when the gold has nothing,
/// so an article without quantities that yields none scores 1, not 0 or NaN.
///
/// ```
/// use newsgraph::eval::Score;
///
/// let score = Score { true_positives: 3, predicted: 4, gold: 6 };
/// assert_eq!(score.precision(), 0.75);
/// assert_eq!(score.recall(), 0.5);
/// assert!((score.f1() - 0.6).abs() < 1e-12);
/// assert_eq!(score.to_string(), "P=0.75 R=0.50 F1=0.60 (3/4/6)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Score {
    /// Predictions matched to a gold item (each gold item matches at most one prediction).
    pub true_positives: usize,
    /// Predictions made.
    pub predicted: usize,
    /// Gold items.
    pub gold: usize,
}

impl Score {
    /// `true_positives / predicted`, or 1 when nothing was predicted.
    #[must_use]
    pub fn precision(&self) -> f64 {
        ratio(self.true_positives, self.predicted)
    }

    /// `true_positives / gold`, or 1 when the gold has nothing.
    #[must_use]
    pub fn recall(&self) -> f64 {
        ratio(self.true_positives, self.gold)
    }

    /// The harmonic mean of precision and recall, or 0 when both are 0.
    #[must_use]
    pub fn f1(&self) -> f64 {
        let (precision, recall) = (self.precision(), self.recall());
        if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        }
    }
}

// Counts are far below 2^52, so the conversion to f64 is exact.
pub(crate) fn ratio(numerator: usize, denominator: usize) -> f64 {
    if denominator == 0 {
        1.0
    } else {
        numerator as f64 / denominator as f64
    }
}

impl Add for Score {
    type Output = Score;

    fn add(self, other: Score) -> Score {
        Score {
            true_positives: self.true_positives + other.true_positives,
            predicted: self.predicted + other.predicted,
            gold: self.gold + other.gold,
        }
    }
}

impl AddAssign for Score {
    fn add_assign(&mut self, other: Score) {
        *self = *self + other;
    }
}

/// Writes `P=0.93 R=0.88 F1=0.90 (tp/pred/gold)`.
impl fmt::Display for Score {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            formatter,
            "P={:.2} R={:.2} F1={:.2} ({}/{}/{})",
            self.precision(),
            self.recall(),
            self.f1(),
            self.true_positives,
            self.predicted,
            self.gold
        )
    }
}
