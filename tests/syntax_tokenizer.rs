//! Conformance of `newsgraph::syntax::tokenizer` with spaCy 3.8: every document of
//! `tests/syntax/reference.jsonl` (spaCy's own analysis) must tokenize to the same tokens.

use std::collections::HashSet;

use newsgraph::syntax::tokenizer::Tokenizer;
use serde::Deserialize;

#[path = "syntax/reference.rs"]
mod reference;
use reference::documents;

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
        let expected: Vec<(usize, usize, bool)> = (0..document.start.len())
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
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}

/// Checks spaCy's invariant: the tokens, each followed by one space where `space_after` says
/// so, spell the text exactly.
fn assert_spells(tokenizer: &Tokenizer, text: &str) -> usize {
    let tokens = tokenizer.tokenize(text);
    let mut position = 0;
    for token in &tokens {
        assert_eq!(token.start, position, "gap or overlap before byte {}", token.start);
        assert!(token.end > token.start, "empty token at byte {}", token.start);
        assert!(text.is_char_boundary(token.start) && text.is_char_boundary(token.end));
        position = token.end;
        if token.space_after {
            assert_eq!(
                text.as_bytes().get(position),
                Some(&b' '),
                "no space after byte {position}"
            );
            position += 1;
        }
    }
    assert_eq!(position, text.len(), "the tokens stop before the end");
    tokens.len()
}

#[test]
fn any_text_is_spelt_by_its_tokens() {
    let tokenizer = Tokenizer::english().unwrap_or_else(|error| panic!("{error}"));
    let mut texts = vec![
        String::new(),
        " ".to_string(),
        "\n\n\t \u{a0} \u{3000}".to_string(),
        "a  b   c\r\n".to_string(),
        "(\"Hello,\" she said.) ':-) 10km/h U.S.-led $2.5bn http://x.org/?q=1.".to_string(),
    ];
    // Control characters, and a sample of every script: one code point in 97 up to U+2FFFF.
    texts.push((0u32..0x80).filter_map(char::from_u32).collect());
    let sample: Vec<char> = (0u32..0x3_0000).step_by(97).filter_map(char::from_u32).collect();
    texts.push(sample.iter().collect());
    texts.push(
        sample
            .chunks(5)
            .map(|chunk| chunk.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join(" "),
    );
    for text in &texts {
        assert_spells(&tokenizer, text);
    }
}

/// A 1 MB chunk with no space: affixes stripped one at a time, infixes, a URL-like tail. Python's
/// affix loop is quadratic here; this must take about as long as 1 MB of ordinary text.
#[test]
fn a_one_megabyte_token_is_tokenized_in_linear_time() {
    let tokenizer = Tokenizer::english().unwrap_or_else(|error| panic!("{error}"));
    let build = |depth: usize, words: usize| {
        format!(
            "{}{}{}",
            "(\"".repeat(depth),
            "well-known".repeat(words),
            "\")...".repeat(depth / 2)
        )
    };
    // spaCy 3.8 on the small version.
    let small = build(4, 3);
    let words: Vec<&str> =
        tokenizer.tokenize(&small).iter().map(|t| &small[t.start..t.end]).collect();
    let spacy = [
        "(",
        "\"",
        "(",
        "\"",
        "(",
        "\"",
        "(",
        "\"",
        "well",
        "-",
        "knownwell",
        "-",
        "knownwell",
        "-",
        "known",
        "\"",
        ")",
        "...",
        "\"",
        ")",
        "...",
    ];
    assert_eq!(words, spacy);
    let (depth, repeats) = (50_000, 80_000);
    let text = build(depth, repeats);
    assert!(text.len() > 1_000_000);
    let started = std::time::Instant::now();
    let count = assert_spells(&tokenizer, &text);
    let elapsed = started.elapsed();
    eprintln!("{} bytes, {count} tokens in {elapsed:?}", text.len());
    // As on the small version: two prefixes per level, the middle split at each hyphen, three
    // suffixes per closing group.
    assert_eq!(count, 2 * depth + (2 * repeats + 1) + 3 * (depth / 2));
    assert!(elapsed.as_secs() < 60, "took {elapsed:?}: not linear");
}

#[derive(Deserialize)]
struct Case {
    text: String,
    tokens: Vec<(usize, usize, u8)>,
}

/// 3,000 random texts of tricky pieces (quotes, units, contractions, emoticons, URLs, white
/// space of several kinds) with spaCy's tokens, made by `scripts/spacy/tokenizer_cases.py`.
#[test]
fn random_tricky_texts_are_tokenized_like_spacy() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/syntax/tokenizer_cases.jsonl");
    let cases = std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{path}: {error}"));
    let tokenizer = Tokenizer::english().unwrap_or_else(|error| panic!("{error}"));
    let mut failures = Vec::new();
    let mut count = 0;
    for (number, line) in cases.lines().enumerate() {
        let case: Case = serde_json::from_str(line)
            .unwrap_or_else(|error| panic!("{path}, line {}: {error}", number + 1));
        let expected: Vec<(usize, usize, bool)> =
            case.tokens.iter().map(|&(start, end, space)| (start, end, space != 0)).collect();
        let got = ours(&tokenizer, &case.text);
        if got != expected {
            failures.push(format!(
                "line {}: {:?}\n  spaCy {expected:?}\n  we    {got:?}",
                number + 1,
                case.text
            ));
        }
        count += 1;
    }
    assert!(count >= 3000, "{path}: only {count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} cases differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
