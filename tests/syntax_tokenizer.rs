//! Conformance of `newsgraph::syntax::tokenizer` with spaCy 3.8: every document of
//! `tests/syntax/reference.jsonl` (spaCy's own analysis) must tokenize to the same tokens.

use std::collections::HashSet;

use newsgraph::syntax::tokenizer::Tokenizer;
use serde::Deserialize;

#[derive(Deserialize)]
struct Document {
    id: String,
    text: String,
    start: Vec<usize>,
    end: Vec<usize>,
    space: Vec<u8>,
}

fn documents() -> Vec<Document> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/syntax/reference.jsonl");
    let text = std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{path}: {error}"));
    text.lines()
        .enumerate()
        .map(|(index, line)| {
            serde_json::from_str(line)
                .unwrap_or_else(|error| panic!("{path}, line {}: {error}", index + 1))
        })
        .collect()
}

/// Tokens as (code point start, code point end, space after), as the reference has them.
fn ours(tokenizer: &Tokenizer, text: &str) -> Vec<(usize, usize, bool)> {
    let mut char_at = vec![0usize; text.len() + 1];
    let mut count = 0;
    for (index, c) in text.char_indices() {
        char_at[index] = count;
        count += 1;
        for byte in 1..c.len_utf8() {
            char_at[index + byte] = count;
        }
    }
    char_at[text.len()] = count;
    tokenizer
        .tokenize(text)
        .iter()
        .map(|token| (char_at[token.start], char_at[token.end], token.space_after))
        .collect()
}

fn show(text: &str, start: usize, end: usize) -> String {
    let from = start.saturating_sub(20);
    let context: String = text.chars().skip(from).take(end + 20 - from).collect();
    let token: String = text.chars().skip(start).take(end - start).collect();
    format!("{token:?} at {start}..{end} in {context:?}")
}

#[test]
fn tokens_are_spacys() {
    let tokenizer = Tokenizer::english().unwrap_or_else(|error| panic!("{error}"));
    let (mut total, mut identical) = (0usize, 0usize);
    let mut disagreements = Vec::new();
    for document in documents() {
        let expected: Vec<(usize, usize, bool)> =
            (0..document.start.len())
                .map(|i| (document.start[i], document.end[i], document.space[i] != 0))
                .collect();
        let got = ours(&tokenizer, &document.text);
        let got_set: HashSet<_> = got.iter().copied().collect();
        let expected_set: HashSet<_> = expected.iter().copied().collect();
        total += expected.len();
        for token in &expected {
            if got_set.contains(token) {
                identical += 1;
            } else {
                disagreements.push(format!(
                    "{}: spaCy has {} (space {})",
                    document.id,
                    show(&document.text, token.0, token.1),
                    token.2
                ));
            }
        }
        for token in &got {
            if !expected_set.contains(token) {
                disagreements.push(format!(
                    "{}: we have {} (space {})",
                    document.id,
                    show(&document.text, token.0, token.1),
                    token.2
                ));
            }
        }
    }
    let share = identical as f64 / total as f64;
    eprintln!("tokens identical: {identical} of {total} ({:.3} %)", share * 100.0);
    assert!(
        share >= 0.999 && total > 90_000,
        "tokens identical: {identical} of {total} ({:.3} %), below 99.9 %:\n{}",
        share * 100.0,
        disagreements.join("\n")
    );
    assert!(disagreements.is_empty(), "{} disagreements:\n{}", disagreements.len(), disagreements.join("\n"));
}
