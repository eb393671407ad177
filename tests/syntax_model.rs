//! Conformance of `newsgraph::syntax::Model` with spaCy 3.8 `en_core_web_sm` 3.8.0: on every
//! document of `tests/syntax/reference.jsonl` (spaCy's own analysis, 98,000 tokens), with the
//! reference's tokens, tags, heads, labels, sentence starts and entities must agree at least
//! 99.5 %; every disagreement is listed.

use std::collections::{BTreeSet, HashMap};

use newsgraph::syntax::{Model, RawToken};

#[path = "syntax/reference.rs"]
mod reference;
use reference::{documents, Tally};

const NORMS: &str = include_str!("syntax/norms.json");

/// Byte offset of every code point offset of `text` (and of its end).
fn byte_offsets(text: &str) -> Vec<usize> {
    let mut offsets: Vec<usize> = text.char_indices().map(|(byte, _)| byte).collect();
    offsets.push(text.len());
    offsets
}

#[test]
fn analysis_is_spacys() {
    let model = Model::english().unwrap_or_else(|error| panic!("{error}"));
    let norms: HashMap<String, Vec<(usize, String)>> =
        serde_json::from_str(NORMS).unwrap_or_default();
    let mut tallies: Vec<(&str, Tally)> =
        ["tags", "heads", "labels", "sentence starts", "entities"]
            .into_iter()
            .map(|name| (name, Tally::default()))
            .collect();
    let mut n_documents = 0;
    for document in documents() {
        n_documents += 1;
        let bytes = byte_offsets(&document.text);
        let special: HashMap<usize, &str> = norms
            .get(&document.id)
            .into_iter()
            .flatten()
            .map(|(index, norm)| (*index, norm.as_str()))
            .collect();
        let tokens: Vec<RawToken> = (0..document.start.len())
            .map(|index| RawToken {
                start: bytes[document.start[index]],
                end: bytes[document.end[index]],
                space_after: document.space[index] == 1,
                norm: special.get(&index).map(|norm| (*norm).to_owned()),
            })
            .collect();
        let analysis = model.analyse(&document.text, &tokens, true);
        let word = |index: usize| &document.text[tokens[index].start..tokens[index].end];
        let starts: BTreeSet<usize> = document.sent_starts.iter().copied().collect();
        for index in 0..tokens.len() {
            let at = || format!("{} token {index} {:?}", document.id, word(index));
            tallies[0].1.check(analysis.tags[index] == document.tag[index], || {
                format!("{}: tag {} (spaCy {})", at(), analysis.tags[index], document.tag[index])
            });
            tallies[1].1.check(analysis.heads[index] == document.head[index], || {
                format!("{}: head {} (spaCy {})", at(), analysis.heads[index], document.head[index])
            });
            tallies[2].1.check(analysis.deps[index] == document.dep[index], || {
                format!("{}: label {} (spaCy {})", at(), analysis.deps[index], document.dep[index])
            });
            tallies[3].1.check(analysis.sent_starts[index] == starts.contains(&index), || {
                format!(
                    "{}: sentence start {} (spaCy {})",
                    at(),
                    analysis.sent_starts[index],
                    starts.contains(&index)
                )
            });
        }
        let expected: BTreeSet<(usize, usize, &str)> = document
            .ents
            .iter()
            .map(|(start, end, label)| (*start, *end, label.as_str()))
            .collect();
        let got: BTreeSet<(usize, usize, &str)> = analysis.entities.iter().copied().collect();
        for entity in expected.union(&got) {
            let (start, end, label) = *entity;
            let text = || document.text[tokens[start].start..tokens[end - 1].end].to_owned();
            tallies[4].1.check(expected.contains(entity) && got.contains(entity), || {
                let side = if got.contains(entity) { "only ours" } else { "only spaCy's" };
                format!("{} entity {start}..{end} {label} {:?}: {side}", document.id, text())
            });
        }
    }
    assert!(n_documents > 1000, "{n_documents} documents");
    let mut report = String::new();
    let mut failed = false;
    for (name, tally) in &tallies {
        report.push_str(&format!(
            "{name}: {}/{} identical ({:.3} %)\n",
            tally.agree,
            tally.total,
            100.0 * tally.rate()
        ));
        failed |= tally.rate() < 0.995;
    }
    for (_, tally) in &tallies {
        for disagreement in &tally.disagreements {
            report.push_str(disagreement);
            report.push('\n');
        }
    }
    println!("{report}");
    assert!(!failed, "agreement with spaCy below 99.5 %:\n{report}");
}

/// A "sentence" of 100,000 tokens with no punctuation: the parse ends (the transition loop is
/// bounded), every head is a token, and memory stays bounded (lower-layer vectors are cached by
/// chunks).
#[test]
fn hundred_thousand_tokens_in_one_sentence() {
    let model = Model::english().unwrap_or_else(|error| panic!("{error}"));
    let words =
        ["the", "court", "ruled", "that", "Russia", "failed", "to", "protect", "children", "and"];
    let mut text = String::new();
    let mut tokens = Vec::new();
    for index in 0..100_000 {
        let start = text.len();
        text.push_str(words[index % words.len()]);
        tokens.push(RawToken { start, end: text.len(), space_after: true, norm: None });
        text.push(' ');
    }
    let analysis = model.analyse(&text, &tokens, false);
    assert_eq!(analysis.heads.len(), tokens.len());
    assert!(analysis.heads.iter().all(|head| *head < tokens.len()));
    assert!(analysis.sent_starts[0]);
    assert!(analysis.tags.iter().all(|tag| !tag.is_empty()));
}
