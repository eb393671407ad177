//! Word tokens of a sentence, with absolute byte offsets.

use std::sync::LazyLock;

use regex::Regex;

use crate::article::{Article, Sentence};

/// A word: letters and digits, with inner apostrophes, hyphens and dots (`U.S.`, `war-torn`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// First word of the sentence, or first after an opening quote or parenthesis.
    pub initial: bool,
}

impl Token<'_> {
    pub(crate) fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub(crate) fn is_lowercase_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_lowercase)
    }
}

static WORD: LazyLock<Regex> = LazyLock::new(|| {
    // The pattern is a constant; a test covers it, so construction cannot fail at run time.
    #[expect(clippy::expect_used, reason = "constant pattern, covered by tests")]
    Regex::new(r"[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*\.?").expect("valid regex")
});

/// Splits a sentence into words.
pub(crate) fn tokenize<'a>(article: &'a Article, sentence: &Sentence) -> Vec<Token<'a>> {
    let text = article.slice(sentence.span);
    let base = sentence.span.start;
    let mut tokens = Vec::new();
    for found in WORD.find_iter(text) {
        let mut word = found.as_str();
        // A trailing dot belongs to the word only for abbreviations such as "Mr." or "U.S.".
        if word.ends_with('.') && !is_abbreviation(word) {
            word = &word[..word.len() - 1];
        }
        let before = text[..found.start()].trim_end();
        let initial = before.is_empty() || before.ends_with(['"', '“', '(', '‘', '\'', ':']);
        tokens.push(Token {
            start: base + found.start(),
            end: base + found.start() + word.len(),
            text: word,
            initial,
        });
    }
    tokens
}

fn is_abbreviation(word: &str) -> bool {
    let bare = &word[..word.len().saturating_sub(1)];
    bare.contains('.')
        || matches!(
            bare,
            "Mr" | "Mrs" | "Ms" | "Dr" | "Prof" | "Gen" | "Col" | "Lt" | "Sgt" | "St" | "Jr" | "Sr"
        )
        || (bare.len() == 1 && bare.chars().all(char::is_uppercase))
        || matches!(
            bare,
            "Jan"
                | "Feb"
                | "Mar"
                | "Apr"
                | "Jun"
                | "Jul"
                | "Aug"
                | "Sep"
                | "Sept"
                | "Oct"
                | "Nov"
                | "Dec"
        )
}
