//! Sentence splitting inside one paragraph.
//!
//! A hand-written rule-based splitter: a run of `.`, `!`, `?` or `…`, optionally followed by
//! closing quotes or brackets, ends a sentence when white space and then a word that is not
//! lowercase follow, unless the period ends an abbreviation from
//! `data/lexicons/abbreviations.txt` or a single capital initial.
//!
//! # Design rationale
//! The `sentencex` crate was evaluated: it splits these cases well, but its abbreviation lists
//! are built in (ours must live in a lexicon the project edits) and it pulls `clap` and
//! `strum` into the library. The rules needed here fit in one linear pass.
//!
//! # Complexity
//! Linear in the paragraph length: every byte is visited once, plus a look-back over the word
//! before each candidate period.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

/// The abbreviation lexicon, one entry per line, `#` comments.
const ABBREVIATIONS_TXT: &str = include_str!("../../data/lexicons/abbreviations.txt");

/// Abbreviations, period included, matched case-sensitively.
static ABBREVIATIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    ABBREVIATIONS_TXT
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
});

/// Whether `word` (period included, as in `Mr.`) is a known abbreviation.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(word)
}

fn is_terminal(character: char) -> bool {
    matches!(character, '.' | '!' | '?' | '…')
}

/// The offset of the first sentence-ending character of `text`: a byte scan for `.`, `!`,
/// `?` and the first byte of `…` (0xE2, which other characters share).
fn next_terminal(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    loop {
        let offset = from
            + bytes
                .get(from..)?
                .iter()
                .position(|&byte| matches!(byte, b'.' | b'!' | b'?' | 0xE2))?;
        if text.get(offset..).and_then(|rest| rest.chars().next()).is_some_and(is_terminal) {
            return Some(offset);
        }
        from = offset + 1;
    }
}

fn is_closer(character: char) -> bool {
    matches!(character, '"' | '\'' | ')' | ']' | '”' | '’' | '»')
}

fn is_opener(character: char) -> bool {
    matches!(character, '"' | '\'' | '(' | '[' | '“' | '‘' | '«')
}

/// The longest sentence, in bytes: a longer stretch without a sentence end (a line without
/// punctuation, a list of names) is cut at the last white space before this length, and the
/// extraction reports it (`extract::run`). Every stage works sentence by sentence, and some
/// compare each mention with the others of its sentence, so this bounds what one sentence
/// costs; real sentences are rarely a quarter of it.
pub const MAX_SENTENCE_BYTES: usize = 2_000;

/// Splits `text[start..end]` into sentences and appends their byte ranges (in `text`,
/// trimmed of white space, never empty, at most [`MAX_SENTENCE_BYTES`] long) to `sentences`.
///
/// # Complexity
/// Linear in the paragraph: quotation marks are counted as the scan advances, not again from
/// the start of the sentence at each full stop.
pub(crate) fn split_into(
    text: &str,
    start: usize,
    end: usize,
    sentences: &mut Vec<(usize, usize)>,
) {
    let Some(paragraph) = text.get(start..end) else {
        return;
    };
    // Where the paragraph's last closing quotation mark is: a quote that is open at a full
    // stop closes later in the paragraph if that mark comes after the stop.
    let last_closing_quote = paragraph.rfind(['"', '”']);
    let mut quotes = QuoteCount::default();
    let mut sentence_start = 0;
    let mut position = 0;
    while let Some(offset) = paragraph.get(position..).and_then(next_terminal) {
        position += offset;
        let punctuation_start = position;
        let after_punctuation = skip_while(paragraph, position, is_terminal);
        let after_closers = skip_while(paragraph, after_punctuation, is_closer);
        let next_word = skip_while(paragraph, after_closers, char::is_whitespace);
        let Some(follower) = paragraph.get(next_word..).and_then(|rest| rest.chars().next()) else {
            // The paragraph ends here, and so does the sentence.
            break;
        };
        if next_word == after_closers {
            // No white space after the punctuation: `2.5`, `U.S.`, `a.m.,` or `Yahoo!Inc`.
            position = after_closers;
            continue;
        }
        let single_period = paragraph.get(punctuation_start..after_punctuation) == Some(".");
        // Inside a quotation that closes later in the paragraph, a full stop does not end
        // the sentence: wire copy quotes several sentences at once, then names the speaker.
        quotes.advance(paragraph, sentence_start, after_closers);
        let inside_quote =
            quotes.is_open() && last_closing_quote.is_some_and(|last| last >= after_closers);
        if !inside_quote
            && ends_sentence(paragraph, sentence_start, punctuation_start, single_period, follower)
        {
            push_trimmed(text, start + sentence_start, start + after_closers, sentences);
            sentence_start = next_word;
        }
        position = next_word;
    }
    push_trimmed(text, start + sentence_start, end, sentences);
}

/// The quotation marks of a sentence so far, counted incrementally.
#[derive(Debug, Default)]
struct QuoteCount {
    /// The sentence the counts are of (its start in the paragraph).
    sentence_start: usize,
    /// Where counting has reached.
    counted_to: usize,
    straight: usize,
    opened: usize,
    closed: usize,
}

impl QuoteCount {
    /// Counts the marks of `paragraph[sentence_start..to]`, starting over for a new sentence.
    fn advance(&mut self, paragraph: &str, sentence_start: usize, to: usize) {
        if sentence_start != self.sentence_start || to < self.counted_to {
            *self = Self { sentence_start, counted_to: sentence_start, ..Self::default() };
        }
        for character in paragraph.get(self.counted_to..to).unwrap_or_default().chars() {
            match character {
                '"' => self.straight += 1,
                '“' => self.opened += 1,
                '”' => self.closed += 1,
                _ => {}
            }
        }
        self.counted_to = self.counted_to.max(to);
    }

    /// Whether a quotation opened in the sentence is still open where counting has reached.
    fn is_open(&self) -> bool {
        self.straight % 2 == 1 || self.opened > self.closed
    }
}

/// The first byte offset at or after `from` whose character does not satisfy `predicate`.
fn skip_while(text: &str, from: usize, predicate: impl Fn(char) -> bool) -> usize {
    let rest = text.get(from..).unwrap_or_default();
    let skipped = rest.find(|character: char| !predicate(character)).unwrap_or(rest.len());
    from + skipped
}

/// Whether the punctuation at `punctuation_start`, followed by white space and `follower`,
/// ends the sentence that began at `sentence_start`.
fn ends_sentence(
    paragraph: &str,
    sentence_start: usize,
    punctuation_start: usize,
    single_period: bool,
    follower: char,
) -> bool {
    // A lowercase word or a clause punctuation mark continues the sentence:
    // `"Stop!" he said`, `in 2.5 million... and more`.
    if follower.is_lowercase() || matches!(follower, ',' | ';' | ':' | ')' | ']') {
        return false;
    }
    if !single_period {
        return true;
    }
    let before = paragraph.get(sentence_start..punctuation_start).unwrap_or_default();
    let word_start = before.rfind(char::is_whitespace).map_or(0, |space| {
        // Step over the white space character itself.
        space + before.get(space..).and_then(|rest| rest.chars().next()).map_or(1, char::len_utf8)
    });
    let word = before.get(word_start..).unwrap_or_default().trim_start_matches(is_opener);
    let mut word_chars = word.chars();
    if let (Some(only), None) = (word_chars.next(), word_chars.next()) {
        // A single capital initial, as in `John F. Kennedy`.
        if only.is_uppercase() {
            return false;
        }
    }
    // Initials, as in `D.Y. Chandrachud` or `J.K. Rowling`.
    if word.len() >= 3 && word.split('.').all(|part| {
        let mut letters = part.chars();
        matches!((letters.next(), letters.next()), (Some(letter), None) if letter.is_uppercase())
    }) {
        return false;
    }
    if word.is_empty() {
        return true;
    }
    // The word ends right at the period, so `Mr.` is a plain slice of the paragraph.
    let word_with_period =
        paragraph.get(punctuation_start - word.len()..=punctuation_start).unwrap_or_default();
    !is_abbreviation(word_with_period)
}

/// Appends `text[start..end]` trimmed, if anything is left, cut into pieces of at most
/// [`MAX_SENTENCE_BYTES`] at white space (or at a character boundary in a longer word).
fn push_trimmed(text: &str, start: usize, end: usize, sentences: &mut Vec<(usize, usize)>) {
    let Some(sentence) = text.get(start..end) else {
        return;
    };
    let mut trimmed_start = start + (sentence.len() - sentence.trim_start().len());
    let trimmed_end = start + sentence.trim_end().len();
    while trimmed_end - trimmed_start.min(trimmed_end) > MAX_SENTENCE_BYTES {
        let mut limit = trimmed_start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let piece = text.get(trimmed_start..limit).unwrap_or_default();
        let cut = match piece.rfind(char::is_whitespace) {
            Some(space) if space > 0 => trimmed_start + space,
            _ => limit,
        };
        let piece_end =
            trimmed_start + text.get(trimmed_start..cut).unwrap_or_default().trim_end().len();
        sentences.push((trimmed_start, piece_end));
        let rest = text.get(cut..trimmed_end).unwrap_or_default();
        trimmed_start = cut + (rest.len() - rest.trim_start().len());
    }
    if trimmed_start < trimmed_end {
        sentences.push((trimmed_start, trimmed_end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let mut ranges = Vec::new();
        split_into(text, 0, text.len(), &mut ranges);
        ranges.iter().map(|&(start, end)| &text[start..end]).collect()
    }

    #[test]
    fn sentences_table() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            (
                "Justice D.Y. Chandrachud spoke. Then.",
                &["Justice D.Y. Chandrachud spoke.", "Then."],
            ),
            ("  Padded.   ", &["Padded."]),
            ("No final punctuation", &["No final punctuation"]),
            ("Is it? Yes! Fine.", &["Is it?", "Yes!", "Fine."]),
            // Abbreviations.
            (
                "Mr. Smith met Dr. Jones and Gen. Lee. They talked.",
                &["Mr. Smith met Dr. Jones and Gen. Lee.", "They talked."],
            ),
            (
                "On Jan. 5 the U.S. Army and the U.N. met Sen. Ray. Then Sept. came.",
                &["On Jan. 5 the U.S. Army and the U.N. met Sen. Ray.", "Then Sept. came."],
            ),
            ("Acme Inc. and Foo Corp. merged. Ok.", &["Acme Inc. and Foo Corp. merged.", "Ok."]),
            ("At 9 a.m. Mrs. Ng left. Later.", &["At 9 a.m. Mrs. Ng left.", "Later."]),
            ("It was No. 1 vs. Spain. Done.", &["It was No. 1 vs. Spain.", "Done."]),
            ("Apples, pears, etc. Then more.", &["Apples, pears, etc. Then more."]),
            ("I said no. Then I left.", &["I said no.", "Then I left."]),
            // Initials.
            ("John F. Kennedy spoke. He left.", &["John F. Kennedy spoke.", "He left."]),
            ("J. R. R. Tolkien wrote.", &["J. R. R. Tolkien wrote."]),
            // Quotes.
            (
                "\"It is absolutely unacceptable,\" he told journalists. Next.",
                &["\"It is absolutely unacceptable,\" he told journalists.", "Next."],
            ),
            (
                "It guarantees a right to life.\" The court agreed.",
                &["It guarantees a right to life.\"", "The court agreed."],
            ),
            (
                "\"Stop!\" he shouted. \"Why?\" She asked.",
                &["\"Stop!\" he shouted.", "\"Why?\"", "She asked."],
            ),
            ("He said “no.” Then left.", &["He said “no.”", "Then left."]),
            ("(This is an aside.) And then.", &["(This is an aside.)", "And then."]),
            // Numbers and ellipses.
            ("It grew 2.5 percent to $3.75. Fine.", &["It grew 2.5 percent to $3.75.", "Fine."]),
            ("Wait... and see. Then.", &["Wait... and see.", "Then."]),
            ("Wait… and see. Then.", &["Wait… and see.", "Then."]),
            // Other characters that begin with the byte of "…" do not end a sentence.
            ("He left — “quickly”… Then she came.", &["He left — “quickly”…", "Then she came."]),
            ("It ended... Then it began.", &["It ended...", "Then it began."]),
            ("The year was 2004. 335 died.", &["The year was 2004.", "335 died."]),
            (
                "\"We had no choice. They came at night,\" she said. Then it rained.",
                &["\"We had no choice. They came at night,\" she said.", "Then it rained."],
            ),
            ("Sept 1, 2004 was the day. Yes.", &["Sept 1, 2004 was the day.", "Yes."]),
            // Line breaks inside a hard-wrapped paragraph.
            ("One line\ncontinues. Two\nlines.", &["One line\ncontinues.", "Two\nlines."]),
            // Non-ASCII text.
            ("Ça va. Él dijo: «Sí.» Über.", &["Ça va.", "Él dijo: «Sí.»", "Über."]),
            ("¿Qué? Bien.", &["¿Qué?", "Bien."]),
        ];
        for (input, expected) in cases {
            assert_eq!(split(input), *expected, "input {input:?}");
        }
    }

    /// A stretch without a sentence end is cut at white space into pieces of at most
    /// `MAX_SENTENCE_BYTES`; a word longer than that is cut at a character boundary.
    #[test]
    fn long_sentences_are_cut() {
        let words = "word ".repeat(1_000);
        let pieces = split(&words);
        assert_eq!(pieces.len(), 3, "{:?}", pieces.iter().map(|p| p.len()).collect::<Vec<_>>());
        assert!(pieces.iter().all(|piece| piece.len() <= MAX_SENTENCE_BYTES));
        assert_eq!(pieces.concat().len() + pieces.len() - 1, words.trim_end().len());
        let long_word = "é".repeat(1_500);
        let pieces = split(&long_word);
        assert_eq!(pieces.iter().map(|p| p.len()).collect::<Vec<_>>(), [2_000, 1_000]);
        // A quotation left open does not make the scan quadratic nor the sentence endless.
        let quotes = "\"Yes. ".repeat(2_000);
        assert!(split(&quotes).iter().all(|piece| piece.len() <= MAX_SENTENCE_BYTES));
    }

    #[test]
    fn ranges_are_absolute() {
        let text = "xx. A b. C d.  yy";
        let mut ranges = Vec::new();
        split_into(text, 4, 14, &mut ranges);
        assert_eq!(ranges, vec![(4, 8), (9, 13)]);
    }

    #[test]
    fn lexicon_loaded() {
        for word in ["Mr.", "U.S.", "a.m.", "Sept.", "etc."] {
            assert!(is_abbreviation(word), "{word}");
        }
        assert!(!is_abbreviation("# Titles and ranks"));
        assert!(!is_abbreviation("no."));
    }
}
