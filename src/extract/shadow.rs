//! Shadow text: a sentence with each top-level mention replaced by a placeholder such as
//! `⟨ORG/Court:12⟩`, so that rules are regular expressions over mentions and words.

use super::Annotations;
use crate::article::Article;

/// Opens a placeholder (shown as `⟨` to people).
pub(crate) const OPEN: char = '\u{2}';
/// Closes a placeholder (shown as `⟩` to people).
pub(crate) const CLOSE: char = '\u{3}';

/// The class as placeholders spell it: its first eight characters, which tell apart the
/// classes rules name and keep shadow text short (rules are matched over every byte of it).
pub(crate) fn class_code(class: &str) -> &str {
    class.char_indices().nth(8).map_or(class, |(end, _)| &class[..end])
}

/// Appends the decimal digits of `number` (without the formatting machinery of `write!`).
fn push_number(text: &mut String, number: usize) {
    let mut digits = [0u8; 20];
    let mut rest = number;
    let mut length = 0;
    loop {
        // `rest % 10` is below 10, so the cast cannot truncate.
        #[expect(clippy::cast_possible_truncation, reason = "a single decimal digit")]
        let digit = (rest % 10) as u8;
        digits[length] = b'0' + digit;
        length += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for &digit in digits[..length].iter().rev() {
        text.push(char::from(digit));
    }
}

/// A sentence's shadow text and the map back to article offsets.
#[derive(Debug, Clone, Default)]
pub(crate) struct Shadow {
    pub text: String,
    /// `(shadow start, shadow end, article start, article end, mention)`; text segments map
    /// byte for byte, placeholders map to their whole mention.
    segments: Vec<(usize, usize, usize, usize, Option<usize>)>,
}

impl Shadow {
    /// Builds the shadow text of sentence `sentence`.
    pub(crate) fn new(article: &Article, annotations: &Annotations, sentence: usize) -> Self {
        let Some(record) = article.sentences.get(sentence) else { return Shadow::default() };
        let n_mentions = annotations.by_sentence.get(sentence).map_or(0, Vec::len);
        let mut shadow = Shadow {
            text: String::with_capacity(record.span.end - record.span.start + 24 * n_mentions),
            segments: Vec::with_capacity(2 * n_mentions + 2),
        };
        let mut cursor = record.span.start;
        let mentions = annotations.by_sentence.get(sentence).map(Vec::as_slice).unwrap_or_default();
        for &index in mentions {
            let Some(mention) = annotations.mentions.get(index) else { continue };
            if mention.inner || mention.span.start < cursor {
                continue;
            }
            shadow.copy_text(article, cursor, mention.span.start);
            let start = shadow.text.len();
            shadow.text.push(OPEN);
            shadow.text.push_str(mention.tag().as_str());
            shadow.text.push('/');
            shadow.text.push_str(class_code(&mention.class));
            shadow.text.push(':');
            push_number(&mut shadow.text, index);
            shadow.text.push(CLOSE);
            shadow.segments.push((
                start,
                shadow.text.len(),
                mention.span.start,
                mention.span.end,
                Some(index),
            ));
            cursor = mention.span.end;
        }
        shadow.copy_text(article, cursor, record.span.end);
        shadow
    }

    fn copy_text(&mut self, article: &Article, start: usize, end: usize) {
        let Some(text) = article.text.get(start..end) else { return };
        let mut segment_start = start;
        // Only a few characters are replaced: control characters and the typographic quotes
        // and dashes, whose UTF-8 forms begin with 0xC2 or 0xE2. Other bytes are skipped
        // without decoding characters.
        let candidates = text
            .bytes()
            .enumerate()
            .filter(|&(_, byte)| matches!(byte, b'\n' | b'\r' | b'\t' | 0x02 | 0x03 | 0xC2 | 0xE2));
        for (offset, _) in candidates {
            let Some(character) = text.get(offset..).and_then(|rest| rest.chars().next()) else {
                continue;
            };
            let replacement = match character {
                '“' | '”' | '„' | '«' | '»' => '"',
                '‘' | '’' => '\'',
                '—' | '–' => '-',
                '\n' | '\r' | '\t' | OPEN | CLOSE => ' ',
                _ => continue,
            };
            let at = start + offset;
            self.push_text(article, segment_start, at);
            let shadow_start = self.text.len();
            self.text.push(replacement);
            self.segments.push((
                shadow_start,
                self.text.len(),
                at,
                at + character.len_utf8(),
                None,
            ));
            segment_start = at + character.len_utf8();
        }
        self.push_text(article, segment_start, end);
    }

    fn push_text(&mut self, article: &Article, start: usize, end: usize) {
        if start >= end {
            return;
        }
        let shadow_start = self.text.len();
        self.text.push_str(article.text.get(start..end).unwrap_or(""));
        self.segments.push((shadow_start, self.text.len(), start, end, None));
    }

    /// The article byte offset of a shadow offset; `end` maps an exclusive end offset.
    pub(crate) fn to_article(&self, offset: usize, end: bool) -> usize {
        let probe = if end { offset.saturating_sub(1) } else { offset };
        let position = self.segments.partition_point(|segment| segment.1 <= probe);
        let Some(&(shadow_start, shadow_end, article_start, article_end, mention)) =
            self.segments.get(position).or_else(|| self.segments.last())
        else {
            return 0;
        };
        if mention.is_some() || shadow_end - shadow_start != article_end - article_start {
            return if end { article_end } else { article_start };
        }
        (article_start + offset.saturating_sub(shadow_start)).min(article_end)
    }
}
