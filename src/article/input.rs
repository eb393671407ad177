//! Input validation: is this plain text that looks like an article?
//!
//! Every check is one linear pass (or less) over the input; locations are only computed
//! once an error is certain.

use crate::ArticleParseError;

/// The largest article accepted, in bytes (10 MiB).
pub const MAX_ARTICLE_BYTES: usize = 10 * 1024 * 1024;

/// The UTF-8 byte order mark.
pub(crate) const BOM: char = '\u{FEFF}';

/// Percentage of control characters (of all characters) above which the input is binary.
const MAX_CONTROL_PERCENT: usize = 10;

/// Percentage of non-blank bytes inside markup tags above which the input is HTML.
const MAX_TAG_PERCENT: usize = 50;

/// Bytes in a mebibyte.
const MEBIBYTE: usize = 1024 * 1024;

/// The 1-based line and column (in code points) of a byte offset of `text`.
///
/// `\r\n` counts as one line break; a lone `\r` is an ordinary character.
pub(crate) fn location_of(text: &str, byte: usize) -> (usize, usize) {
    let byte = byte.min(text.len());
    let before = text.get(..byte).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    let line = 1 + before.bytes().filter(|&b| b == b'\n').count();
    let column = 1 + before.get(line_start..).map_or(0, |rest| rest.chars().count());
    (line, column)
}

fn error_at(text: &str, byte: usize, message: impl Into<String>) -> ArticleParseError {
    let (line, column) = location_of(text, byte);
    ArticleParseError::new(line, column, message)
}

/// Formats a byte count for messages (`12.5 MiB`).
fn human_size(bytes: usize) -> String {
    // Tenths of a mebibyte, rounded down, in integers so that no float rounding shows.
    let tenths = bytes / (MEBIBYTE / 10);
    format!("{}.{} MiB ({bytes} bytes)", tenths / 10, tenths % 10)
}

/// Rejects input larger than [`MAX_ARTICLE_BYTES`].
pub(crate) fn check_size(len: usize) -> Result<(), ArticleParseError> {
    if len > MAX_ARTICLE_BYTES {
        return Err(ArticleParseError::new(
            1,
            1,
            format!(
                "the article is {}, larger than the limit of {}",
                human_size(len),
                human_size(MAX_ARTICLE_BYTES)
            ),
        ));
    }
    Ok(())
}

/// Decodes bytes as UTF-8, reporting the first invalid byte by line and column.
pub(crate) fn decode_utf8(bytes: &[u8]) -> Result<&str, ArticleParseError> {
    check_size(bytes.len())?;
    std::str::from_utf8(bytes).map_err(|error| {
        let valid_up_to = error.valid_up_to();
        // The prefix up to `valid_up_to` is valid UTF-8 by definition of `valid_up_to`.
        let valid =
            std::str::from_utf8(bytes.get(..valid_up_to).unwrap_or_default()).unwrap_or_default();
        let bad_byte = bytes.get(valid_up_to).copied().unwrap_or_default();
        error_at(
            valid,
            valid.len(),
            format!(
                "the article is not valid UTF-8 (byte 0x{bad_byte:02X} at offset {valid_up_to}); \
                 pass UTF-8 plain text"
            ),
        )
    })
}

/// Whether a character counts as a control character for the binary check.
///
/// Tab, line feed, carriage return and form feed are ordinary white space in text files.
#[cfg(test)]
fn is_binary_control(character: char) -> bool {
    character.is_control() && !matches!(character, '\t' | '\n' | '\r' | '\u{0C}')
}

/// Checks that `text` is a non-empty plain-text article of acceptable size.
pub(crate) fn validate(text: &str) -> Result<(), ArticleParseError> {
    check_size(text.len())?;
    let body = text.strip_prefix(BOM).unwrap_or(text);
    if body.trim().is_empty() {
        let message = if body.is_empty() {
            "the article is empty"
        } else {
            "the article contains only white space"
        };
        return Err(ArticleParseError::new(1, 1, message));
    }
    if let Some(nul) = text.find('\0') {
        return Err(error_at(
            text,
            nul,
            "the input looks binary (it contains a NUL byte); pass a plain-text article",
        ));
    }
    check_control_share(text)?;
    check_html(text, body)
}

fn check_control_share(text: &str) -> Result<(), ArticleParseError> {
    let (n_chars, n_control, first_control) = control_counts(text);
    let percent = n_control * 100 / n_chars.max(1);
    match first_control {
        Some(offset) if n_control * 100 > MAX_CONTROL_PERCENT * n_chars => Err(error_at(
            text,
            offset,
            format!(
                "the input looks binary ({percent}% control characters); pass a plain-text article"
            ),
        )),
        _ => Ok(()),
    }
}

/// The number of characters, of control characters other than white space, and the byte
/// offset of the first of those.
fn control_counts(text: &str) -> (usize, usize, Option<usize>) {
    let mut n_chars = 0_usize;
    let mut n_control = 0_usize;
    let mut first_control = None;
    // A byte scan: every byte but a UTF-8 continuation byte begins a character, and the
    // control characters are the C0 bytes, DEL, and the C1 range U+0080..U+009F (0xC2 0x80..0x9F).
    let bytes = text.as_bytes();
    for (offset, &byte) in bytes.iter().enumerate() {
        if (0x80..0xC0).contains(&byte) {
            continue;
        }
        n_chars += 1;
        let control = match byte {
            b'\t' | b'\n' | b'\r' | 0x0C => false,
            0x00..=0x1F | 0x7F => true,
            0xC2 => bytes.get(offset + 1).is_some_and(|next| (0x80..=0x9F).contains(next)),
            _ => false,
        };
        if control {
            n_control += 1;
            first_control.get_or_insert(offset);
        }
    }
    (n_chars, n_control, first_control)
}

fn check_html(text: &str, body: &str) -> Result<(), ArticleParseError> {
    let start = body.trim_start();
    let offset = text.len() - start.len();
    let head: String = start.chars().take(16).collect::<String>().to_ascii_lowercase();
    let looks_like_document = ["<!doctype", "<html", "<?xml", "<head", "<body"]
        .iter()
        .any(|prefix| head.starts_with(prefix));
    if looks_like_document || tag_percent(body) > MAX_TAG_PERCENT {
        return Err(error_at(
            text,
            offset,
            "the input looks like HTML; pass the article as plain text",
        ));
    }
    if let Some((tag_offset, name)) = html_fragment_tag(text, offset) {
        return Err(error_at(
            text,
            tag_offset,
            format!(
                "the input looks like an HTML fragment (a <{name}> tag); pass the article as \
                 plain text"
            ),
        ));
    }
    Ok(())
}

/// HTML elements whose tags show that a text is markup: a text that begins with one of their
/// tags, or that closes one anywhere (`</p>`), is an HTML fragment, however much text it has.
const HTML_ELEMENTS: &[&str] = &[
    "a",
    "article",
    "b",
    "blockquote",
    "br",
    "div",
    "em",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "i",
    "img",
    "li",
    "main",
    "meta",
    "ol",
    "p",
    "script",
    "section",
    "span",
    "strong",
    "style",
    "table",
    "td",
    "tr",
    "ul",
];

/// The HTML element tag at byte `index` (`<div …>`, `</p>`, `<br/>`): whether it closes, and
/// its name. Names are matched without regard to case.
fn html_tag_at(bytes: &[u8], index: usize) -> Option<(bool, &'static str)> {
    let rest = bytes.get(index..)?.strip_prefix(b"<")?;
    let (closing, rest) = match rest.strip_prefix(b"/") {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    let length = rest.iter().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(rest.len());
    let (name, after) = rest.split_at(length);
    let ends_name = matches!(after.first(), Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r'));
    let element =
        HTML_ELEMENTS.iter().find(|element| element.as_bytes().eq_ignore_ascii_case(name))?;
    ends_name.then_some((closing, *element))
}

/// An HTML fragment without a document head (`<div><p>…</p></div>`): the byte offset and
/// name of the tag that shows it, the opening tag at `start` (the first non-blank byte) or the
/// first closing tag of an element of [`HTML_ELEMENTS`]. One pass over the `<` bytes.
fn html_fragment_tag(text: &str, start: usize) -> Option<(usize, &'static str)> {
    let bytes = text.as_bytes();
    if let Some((false, name)) = html_tag_at(bytes, start) {
        return Some((start, name));
    }
    bytes.iter().enumerate().filter(|(_, byte)| **byte == b'<').find_map(|(index, _)| {
        match html_tag_at(bytes, index) {
            Some((true, name)) => Some((index, name)),
            _ => None,
        }
    })
}

/// The percentage of non-blank bytes that lie inside `<tag …>` markup.
fn tag_percent(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut n_visible = 0_usize;
    let mut n_in_tags = 0_usize;
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        let starts_tag = byte == b'<'
            && bytes.get(index + 1).is_some_and(|next| {
                next.is_ascii_alphabetic() || matches!(next, b'/' | b'!' | b'?')
            });
        if starts_tag {
            // A tag runs to the next `>` (a stray `<` with no `>` is ordinary text).
            if let Some(length) =
                bytes.get(index..).and_then(|rest| rest.iter().position(|&b| b == b'>'))
            {
                let tag = bytes.get(index..=index + length).unwrap_or_default();
                let n_tag_visible = tag.iter().filter(|b| !b.is_ascii_whitespace()).count();
                n_in_tags += n_tag_visible;
                n_visible += n_tag_visible;
                index += length + 1;
                continue;
            }
        }
        if !byte.is_ascii_whitespace() {
            n_visible += 1;
        }
        index += 1;
    }
    n_in_tags * 100 / n_visible.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_counts_agree_with_char_classes() {
        for text in [
            "plain",
            "tab\there\r\n",
            "a\u{1}b\u{7f}",
            "\u{85}\u{9f}\u{a0}é",
            "—\u{1f600}\u{c}",
            "",
        ] {
            let mut expected = (0, 0, None);
            for (offset, character) in text.char_indices() {
                expected.0 += 1;
                if is_binary_control(character) {
                    expected.1 += 1;
                    expected.2.get_or_insert(offset);
                }
            }
            assert_eq!(control_counts(text), expected, "{text:?}");
        }
    }

    #[test]
    fn validation_errors_table() {
        let cases: &[(&str, &str)] = &[
            ("", "line 1, column 1: the article is empty"),
            ("  \n\t\r\n ", "line 1, column 1: the article contains only white space"),
            ("\u{FEFF}", "line 1, column 1: the article is empty"),
            (
                "Hello.\nab\0cd",
                "line 2, column 3: the input looks binary (it contains a NUL byte); pass a plain-text article",
            ),
            (
                "a\u{1}b\u{2}c\u{3}",
                "line 1, column 2: the input looks binary (50% control characters); pass a plain-text article",
            ),
            (
                "<!DOCTYPE html><p>Hi.</p>",
                "line 1, column 1: the input looks like HTML; pass the article as plain text",
            ),
            (
                "\n  <HTML><body>Hi.</body></HTML>",
                "line 2, column 3: the input looks like HTML; pass the article as plain text",
            ),
            (
                "<div><p>Hi</p><p>there</p></div>",
                "line 1, column 1: the input looks like HTML; pass the article as plain text",
            ),
            (
                "<div><p>PARIS (AFP) - The court ruled on Tuesday that the long-running case of the \
                 company could go ahead, its lawyers said in a statement to the press.",
                "line 1, column 1: the input looks like an HTML fragment (a <div> tag); pass the \
                 article as plain text",
            ),
            (
                "PARIS (AFP) - The court ruled on Tuesday that the long-running case\nof the \
                 company could go ahead,</P> its lawyers said in a statement to the press.",
                "line 2, column 31: the input looks like an HTML fragment (a <p> tag); pass the \
                 article as plain text",
            ),
            (
                "  <span class=\"lead\">The court ruled on Tuesday that the long-running case of \
                 the company could go ahead, its lawyers said in a statement to the press.",
                "line 1, column 3: the input looks like an HTML fragment (a <span> tag); pass the \
                 article as plain text",
            ),
        ];
        for (input, expected) in cases {
            let got = validate(input).map_err(|error| error.to_string());
            assert_eq!(got, Err((*expected).to_owned()), "input {input:?}");
        }
    }

    #[test]
    fn plain_text_passes() {
        let cases = [
            "Prices rose 5% as x < y and a <b> tag appeared once in a long sentence of text.",
            "\u{FEFF}PARIS (AFP) - Text.\r\n",
            "Tabs\tand form feeds\u{0C} are fine.",
            "In a long sentence of ordinary news text, the <p> tag and <div class> are HTML words; \
             <a> and <b are letters; x</y> and </pa> are not closing tags of HTML elements.",
        ];
        for input in cases {
            assert_eq!(validate(input), Ok(()), "input {input:?}");
        }
    }

    #[test]
    fn size_limit() {
        assert_eq!(check_size(MAX_ARTICLE_BYTES), Ok(()));
        let error = check_size(MAX_ARTICLE_BYTES + 1).map_err(|error| error.to_string());
        assert_eq!(
            error,
            Err("line 1, column 1: the article is 10.0 MiB (10485761 bytes), larger than the \
                 limit of 10.0 MiB (10485760 bytes)"
                .to_owned())
        );
    }

    #[test]
    fn invalid_utf8_location() {
        let cases: &[(&[u8], &str)] = &[
            (b"ab\xFFc", "line 1, column 3: the article is not valid UTF-8 (byte 0xFF at offset 2); pass UTF-8 plain text"),
            (
                b"\xC3\xA9\r\nx\xC3\xA9\xC3(",
                "line 2, column 3: the article is not valid UTF-8 (byte 0xC3 at offset 7); pass UTF-8 plain text",
            ),
        ];
        for (input, expected) in cases {
            let got = decode_utf8(input).map_err(|error| error.to_string());
            assert_eq!(got, Err((*expected).to_owned()));
        }
    }

    #[test]
    fn locations() {
        let text = "ab\r\né•x\ny";
        let cases = [(0, (1, 1)), (2, (1, 3)), (4, (2, 1)), (6, (2, 2)), (9, (2, 3)), (11, (3, 1))];
        for (byte, expected) in cases {
            assert_eq!(location_of(text, byte), expected, "byte {byte}");
        }
    }
}
