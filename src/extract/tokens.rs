//! Word tokens of a sentence, with absolute byte offsets.

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

/// Splits a sentence into words: runs of letters and digits, joined across one inner
/// apostrophe, hyphen or dot when a letter or digit follows it, plus a trailing dot for
/// abbreviations ("Mr.", "U.S.").
pub(crate) fn tokenize<'a>(article: &'a Article, sentence: &Sentence) -> Vec<Token<'a>> {
    let text = article.slice(sentence.span);
    let base = sentence.span.start;
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut characters = text.char_indices().peekable();
    while let Some((start, character)) = characters.next() {
        if !character.is_alphanumeric() {
            continue;
        }
        let mut end = start + character.len_utf8();
        while let Some(&(offset, next)) = characters.peek() {
            if next.is_alphanumeric() {
                end = offset + next.len_utf8();
                characters.next();
            } else if matches!(next, '\'' | '’' | '-' | '.')
                && text[offset + next.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
            {
                characters.next();
                end = offset + next.len_utf8();
            } else {
                break;
            }
        }
        let mut word = &text[start..end];
        if text[end..].starts_with('.') && is_abbreviation(&text[start..=end]) {
            word = &text[start..=end];
            characters.next();
        }
        let before = text[..start].trim_end();
        let initial = before.is_empty() || before.ends_with(['"', '“', '(', '‘', '\'', ':']);
        tokens.push(Token {
            start: base + start,
            end: base + start + word.len(),
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
        // Titles abbreviated before names, as in AP style ("Gov. Greg Abbott").
        || matches!(
            bare,
            "Gov" | "Sen" | "Rep" | "Capt" | "Maj" | "Adm" | "Brig" | "Cmdr" | "Supt" | "Insp" | "Det" | "Cpl"
                | "Pvt"
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() -> Result<(), crate::ArticleParseError> {
        let text = "Mr. Smith's U.S. war-torn 1,250 people: 2.5 \"quoted\" Gov. Abbott end.";
        let article = Article::parse(text)?;
        let words: Vec<&str> =
            article.sentences.iter().flat_map(|s| tokenize(&article, s)).map(|t| t.text).collect();
        assert_eq!(
            words,
            [
                "Mr.", "Smith's", "U.S.", "war-torn", "1", "250", "people", "2.5", "quoted",
                "Gov.", "Abbott", "end"
            ]
        );
        Ok(())
    }
}
