//! spaCy's reference analysis (`tests/syntax/reference.jsonl`, see its README), shared by the
//! conformance tests of `newsgraph::syntax` (`#[path = "syntax/reference.rs"] mod reference;`).

use serde::Deserialize;

/// One document as spaCy 3.8 analysed it; offsets are code points, token indices throughout.
#[derive(Deserialize)]
#[allow(dead_code, reason = "each test binary reads the fields it compares")]
pub struct Document {
    pub id: String,
    pub text: String,
    pub start: Vec<usize>,
    pub end: Vec<usize>,
    pub space: Vec<u8>,
    pub tag: Vec<String>,
    pub pos: Vec<String>,
    pub lemma: Vec<String>,
    pub head: Vec<usize>,
    pub dep: Vec<String>,
    pub sent_starts: Vec<usize>,
    pub ents: Vec<(usize, usize, String)>,
}

/// Every document of the reference, in order.
pub fn documents() -> Vec<Document> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/syntax/reference.jsonl");
    let text = std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{path}: {error}"));
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| {
            serde_json::from_str(line)
                .unwrap_or_else(|error| panic!("{path}, line {}: {error}", index + 1))
        })
        .collect()
}

/// How many comparisons agree, and a line for each that does not.
#[derive(Default)]
#[allow(dead_code, reason = "not every test binary tallies")]
pub struct Tally {
    pub agree: usize,
    pub total: usize,
    pub disagreements: Vec<String>,
}

#[allow(dead_code, reason = "not every test binary tallies")]
impl Tally {
    /// Counts one comparison; `what` describes it when it disagrees.
    pub fn check(&mut self, same: bool, what: impl FnOnce() -> String) {
        self.total += 1;
        if same {
            self.agree += 1;
        } else {
            self.disagreements.push(what());
        }
    }

    /// The share that agrees (1 when nothing was compared).
    pub fn rate(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.agree as f64 / self.total as f64
        }
    }
}
