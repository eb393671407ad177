//! Conformance of `newsgraph::syntax::lemmatizer` (attribute ruler + rule lemmatizer) with
//! spaCy 3.8: given the tags and labels of `tests/syntax/reference.jsonl`, the parts of speech
//! and lemmas must be spaCy's.

use newsgraph::syntax::lemmatizer::Lemmatizer;

#[path = "syntax/reference.rs"]
mod reference;
use reference::documents;

#[test]
fn parts_of_speech_and_lemmas_are_spacys() {
    let lemmatizer = Lemmatizer::english().unwrap_or_else(|error| panic!("{error}"));
    let (mut total, mut identical) = (0usize, 0usize);
    let mut disagreements = Vec::new();
    for document in documents() {
        let chars: Vec<char> = document.text.chars().collect();
        let words: Vec<String> = (0..document.start.len())
            .map(|i| chars[document.start[i]..document.end[i]].iter().collect())
            .collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let tags: Vec<&str> = document.tag.iter().map(String::as_str).collect();
        let deps: Vec<&str> = document.dep.iter().map(String::as_str).collect();
        let got = lemmatizer.analyse(&words, &tags, &deps);
        for (i, (pos, lemma)) in got.iter().enumerate() {
            total += 1;
            if *pos == document.pos[i] && *lemma == document.lemma[i] {
                identical += 1;
            } else {
                disagreements.push(format!(
                    "{} token {i} {:?} ({} {}): spaCy {} {:?}, we {} {:?}",
                    document.id,
                    words[i],
                    tags[i],
                    deps[i],
                    document.pos[i],
                    document.lemma[i],
                    pos,
                    lemma
                ));
            }
        }
    }
    let share = identical as f64 / total as f64;
    eprintln!(
        "parts of speech and lemmas identical: {identical} of {total} ({:.3} %)",
        share * 100.0
    );
    assert!(
        share >= 0.995 && total > 90_000,
        "identical: {identical} of {total} ({:.3} %), below 99.5 %:\n{}",
        share * 100.0,
        disagreements.join("\n")
    );
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}
