//! Parsing an article's structure: validation, dateline, sign-off, paragraphs, captions and
//! sentences.
//!
//! The text is cut into lines (`\n` or `\r\n`), lines into blocks (separated by blank lines),
//! blocks into paragraphs, and paragraphs into sentences. Every step works on byte ranges of
//! the original text, so spans need no re-counting; code point offsets come from
//! [`CharIndex`] at the end.
//!
//! # Complexity
//! Linear in the text length.

use super::dateline::{is_agency, RawDateline};
use super::header::read_header;
use super::input::{validate, BOM};
use super::sentences::{is_abbreviation, split_into};
use super::{Article, CharIndex, Dateline, Located, Paragraph, ParagraphKind, Sentence};
use crate::ArticleParseError;

pub use super::input::MAX_ARTICLE_BYTES;

/// How many lines at the end of an article may be sign-offs (`ASSOCIATED PRESS`,
/// `(Reporting by …)`).
const MAX_SIGN_OFF_LINES: usize = 3;

/// The longest line read as a sign-off, in characters.
const MAX_SIGN_OFF_CHARS: usize = 60;

/// The most words in a publisher sign-off in capitals.
const MAX_SIGN_OFF_WORDS: usize = 6;

/// The longest photo credit, in bytes (after `PHOTO:`).
const MAX_CREDIT_LEN: usize = 100;

/// Photo credit markers that start a credit running to the end of a block.
const CREDIT_MARKERS: &[&str] = &[
    "PHOTO:",
    "Photo:",
    "PHOTOS:",
    "Photos:",
    "PHOTO BY ",
    "Photo by ",
    "Photograph:",
    "PICTURE:",
    "Picture:",
    "Image:",
    "IMAGE:",
    "Images:",
    "Video:",
    "VIDEO:",
    "Audio:",
    "AUDIO:",
];

/// Credit markers of web pages (`Image: Nick Moreau.`): they close captions whose last words
/// need not end a sentence (`Playstation VR demo Image: Nick Moreau.`), and they name who made
/// the picture, so only a known agency counts as the publisher.
const PAGE_CREDIT_MARKERS: &[&str] =
    &["Image:", "IMAGE:", "Images:", "Video:", "VIDEO:", "Audio:", "AUDIO:"];

/// The longest credit after a page credit marker, in bytes.
const MAX_PAGE_CREDIT_LEN: usize = 60;

/// Words that open a caption block that has no credit at its end (`File photo: …`,
/// `FILE PHOTO - …`), lowercased.
const CAPTION_OPENERS: &[&str] = &["file photo", "(file photo)"];

/// The longest caption block that an opener alone makes a caption, in bytes.
const MAX_OPENED_CAPTION_LEN: usize = 400;

/// Closing lines that are neither text nor a publisher.
const END_MARKERS: &[&str] = &["END", "ENDS", "MORE", "-30-", "###"];

pub(super) fn parse(text: &str) -> Result<Article, ArticleParseError> {
    validate(text)?;
    let content_start = if text.starts_with(BOM) { BOM.len_utf8() } else { 0 };
    let mut article = Article {
        text: text.to_owned(),
        headline: None,
        date_line: None,
        dateline: None,
        date: None,
        agency: None,
        paragraphs: Vec::new(),
        sentences: Vec::new(),
        char_index: CharIndex::new(text),
    };

    let lines = lines(text, content_start);
    let mut blocks = blocks(text, &lines);

    // The header: a headline, a byline ("By JANE DOE Associated Press", kept as a credits
    // paragraph of its own), date lines, and a dateline, which the body follows.
    let header = read_header(text, &lines, content_start, |start, end| {
        photo_credit(text, start, end).is_some()
    });
    let byline = header.byline;
    let raw_dateline = header.dateline.clone();

    let mut publisher = None;
    // Credit lines name the reporters and editors (and where they reported from): they are
    // kept as a paragraph of their own, read after the story.
    let mut credits = Vec::new();
    for _ in 0..MAX_SIGN_OFF_LINES {
        let n_blocks = blocks.len();
        let Some(last_block) = blocks.last_mut() else {
            break;
        };
        // The opening line of an article is never its sign-off.
        if n_blocks == 1 && last_block.len() == 1 {
            break;
        }
        let Some(&(start, end)) = last_block.end.checked_sub(1).and_then(|last| lines.get(last))
        else {
            break;
        };
        // Nor is any line of the header.
        if start < header.end {
            break;
        }
        match sign_off(text, start, end) {
            None => break,
            Some(SignOff::Publisher(range)) => {
                publisher.get_or_insert(range);
            }
            Some(SignOff::Credits(true)) => credits.push(trim_range(text, start, end)),
            Some(SignOff::Credits(false)) => {}
        }
        last_block.end -= 1;
        if last_block.start >= last_block.end {
            blocks.pop();
        }
    }

    let body_start = header.end;
    let mut credit_agency = None;
    let mut paragraph_ranges = Vec::new();
    for block in &blocks {
        let block_lines: Vec<(usize, usize)> = lines
            .get(block.clone())
            .unwrap_or_default()
            .iter()
            .map(|&(start, end)| trim_range(text, start.max(body_start), end.max(body_start)))
            .map(|(start, end)| {
                // A header part found below the first body lines starts its line.
                let part_end = header
                    .detached
                    .iter()
                    .find(|&&(part_start, part_end)| part_start <= start && start < part_end)
                    .map_or(start, |&(_, part_end)| part_end.min(end));
                trim_range(text, part_end, end)
            })
            .filter(|(start, end)| start < end)
            .collect();
        let (Some(&(start, _)), Some(&(_, end))) = (block_lines.first(), block_lines.last()) else {
            continue;
        };
        if let Some(credit) = photo_credit(text, start, end) {
            if let Some(agency) = credit.agency {
                credit_agency.get_or_insert(agency);
            }
            let (start, end) = trim_range(text, start, credit.start);
            if start < end {
                paragraph_ranges.push((start, end, ParagraphKind::Caption));
            }
        } else if opens_caption(text, start, end) {
            paragraph_ranges.push((start, end, ParagraphKind::Caption));
        } else if block_lines.len() > 1
            && block_lines.iter().all(|&(start, end)| ends_with_terminal(text, start, end))
        {
            // Lines that each end a sentence are paragraphs of their own, not hard wraps.
            paragraph_ranges
                .extend(block_lines.iter().map(|&(start, end)| (start, end, ParagraphKind::Body)));
        } else {
            paragraph_ranges.push((start, end, ParagraphKind::Body));
        }
    }

    // The sign-off lines were read from the last one up.
    paragraph_ranges
        .extend(credits.iter().rev().map(|&(start, end)| (start, end, ParagraphKind::Credits)));
    if let Some((start, end)) = byline {
        paragraph_ranges.insert(0, (start, end, ParagraphKind::Credits));
    }
    let mut sentence_ranges = Vec::new();
    for (start, end, kind) in paragraph_ranges {
        sentence_ranges.clear();
        split_into(text, start, end, &mut sentence_ranges);
        let paragraph = article.paragraphs.len();
        let first_sentence = article.sentences.len();
        for &(sentence_start, sentence_end) in &sentence_ranges {
            let index = article.sentences.len();
            article.sentences.push(Sentence {
                index,
                span: article.span(sentence_start, sentence_end),
                paragraph,
                in_caption: kind == ParagraphKind::Caption,
            });
        }
        article.paragraphs.push(Paragraph {
            span: article.span(start, end),
            kind,
            sentences: first_sentence..article.sentences.len(),
        });
    }

    article.headline = header.headline.map(|(start, end)| located(&article, start, end));
    let publication_line = header.publication_line();
    article.date_line = publication_line.map(|line| located(&article, line.range.0, line.range.1));
    // The first date given gives the publication date: a date line comes before the dateline;
    // an update time only when nothing else dates the story.
    let stated = header.date_lines.iter().find(|line| !line.updated).map(|line| line.date);
    let updated = header.date_lines.first().map(|line| line.date);
    if let Some(raw) = raw_dateline {
        let dateline = located_dateline(&article, &raw);
        article.agency = dateline.agency.clone();
        article.dateline = Some(dateline);
    }
    let dateline_date = article.dateline.as_ref().and_then(|dateline| dateline.date);
    article.date = stated.or(dateline_date).or(updated);
    if article.agency.is_none() {
        article.agency =
            publisher.or(credit_agency).map(|(start, end)| located(&article, start, end));
    }
    Ok(article)
}

fn located(article: &Article, start: usize, end: usize) -> Located {
    let span = article.span(start, end);
    Located { text: article.slice(span).to_owned(), span }
}

fn located_dateline(article: &Article, raw: &RawDateline) -> Dateline {
    let to_located = |(start, end): (usize, usize)| located(article, start, end);
    Dateline {
        span: article.span(raw.range.0, raw.range.1),
        place: raw.place.map(to_located),
        country: raw.country.map(to_located),
        agency: raw.agency.map(to_located),
        date: raw.date,
    }
}

/// The lines of `text` from `from` on, as byte ranges without their `\n` or `\r\n`.
fn lines(text: &str, from: usize) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let mut start = from;
    let rest = text.get(from..).unwrap_or_default();
    for line in rest.split('\n') {
        let end = start + line.strip_suffix('\r').unwrap_or(line).len();
        lines.push((start, end));
        start += line.len() + 1;
    }
    lines
}

/// Runs of non-blank lines, as ranges of line indices.
fn blocks(text: &str, lines: &[(usize, usize)]) -> Vec<std::ops::Range<usize>> {
    let mut blocks = Vec::new();
    let mut block_start = None;
    for (index, &(start, end)) in lines.iter().enumerate() {
        let blank = text.get(start..end).is_none_or(|line| line.trim().is_empty());
        match (blank, block_start) {
            (false, None) => block_start = Some(index),
            (true, Some(first)) => {
                blocks.push(first..index);
                block_start = None;
            }
            _ => {}
        }
    }
    if let Some(first) = block_start {
        blocks.push(first..lines.len());
    }
    blocks
}

/// `start..end` without surrounding white space (empty ranges collapse to `start..start`).
fn trim_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let Some(slice) = text.get(start..end) else {
        return (start, start);
    };
    let trimmed_start = start + (slice.len() - slice.trim_start().len());
    let trimmed_end = start + slice.trim_end().len();
    if trimmed_start < trimmed_end {
        (trimmed_start, trimmed_end)
    } else {
        (start, start)
    }
}

/// Whether `text[start..end]` ends with sentence punctuation (closing quotes allowed after),
/// and not with an abbreviation such as `Mr.` or an initial.
fn ends_with_terminal(text: &str, start: usize, end: usize) -> bool {
    let Some(line) = text.get(start..end).map(str::trim_end) else {
        return false;
    };
    let unquoted = line.trim_end_matches(['"', '\'', ')', ']', '”', '’', '»']);
    if !unquoted.ends_with(['.', '!', '?', '…']) {
        return false;
    }
    let last_word = unquoted.rsplit(char::is_whitespace).next().unwrap_or_default();
    let mut letters = last_word.chars();
    let is_initial = matches!((letters.next(), letters.next(), letters.next()), (Some(letter), Some('.'), None) if letter.is_uppercase());
    !(is_initial || is_abbreviation(last_word))
}

/// What a closing line is.
enum SignOff {
    /// A publisher such as `ASSOCIATED PRESS`: its byte range.
    Publisher((usize, usize)),
    /// Credits such as `(Reporting by …; Editing by …)` (`true`, they name people) or an end
    /// marker such as `ENDS` (`false`).
    Credits(bool),
}

/// Reads the line `text[start..end]` as a sign-off, if it is one.
fn sign_off(text: &str, start: usize, end: usize) -> Option<SignOff> {
    let line = text.get(start..end)?;
    // A leading dash, as in `-- AFP` or `— Reuters`, belongs to the sign-off, not the name.
    let trimmed = line.trim();
    let trimmed_start = start + (line.len() - line.trim_start().len());
    let name = trimmed.trim_start_matches(['-', '—', '–']).trim_start();
    let name_start = trimmed_start + (trimmed.len() - name.len());
    let name_end = name_start + name.len();
    if END_MARKERS.contains(&name) {
        return Some(SignOff::Credits(false));
    }
    if name.starts_with('(') && name.ends_with(')') {
        let lowercase = name.to_lowercase();
        let credit_words = ["reporting by", "editing by", "writing by", "compiled by"];
        return credit_words
            .iter()
            .any(|words| lowercase.contains(words))
            .then_some(SignOff::Credits(true));
    }
    let n_chars = name.chars().count();
    let n_words = name.split_whitespace().count();
    let n_letters = name.chars().filter(|character| character.is_alphabetic()).count();
    let in_capitals = name.chars().all(|character| {
        character.is_uppercase()
            || (character.is_alphabetic() && !character.is_lowercase())
            || matches!(character, ' ' | '-' | '&' | '.' | '\'' | '’' | '/')
    });
    let publisher = (in_capitals
        && n_letters >= 2
        && n_chars <= MAX_SIGN_OFF_CHARS
        && n_words <= MAX_SIGN_OFF_WORDS)
        || is_agency(name);
    publisher.then_some(SignOff::Publisher((name_start, name_end)))
}

/// A photo credit at the end of a block.
struct Credit {
    /// Where the credit starts (the end of the caption text).
    start: usize,
    /// The agency or publisher named in the credit, if any.
    agency: Option<(usize, usize)>,
}

/// Finds a photo credit ending the trimmed block `text[start..end]`.
fn photo_credit(text: &str, start: usize, end: usize) -> Option<Credit> {
    let block = text.get(start..end)?;
    if let Some(credit) = parenthesised_credit(block) {
        return Some(Credit {
            start: start + credit.start,
            agency: credit.agency.map(|(from, to)| (start + from, start + to)),
        });
    }
    // The last marker in the block.
    let (position, marker) = CREDIT_MARKERS
        .iter()
        .filter_map(|marker| block.rfind(marker).map(|position| (position, *marker)))
        .max_by_key(|&(position, marker)| (position, marker.len()))?;
    let page_marker = PAGE_CREDIT_MARKERS.contains(&marker);
    // The credit must open the block, a line, or follow the end of a sentence (a page credit
    // may follow any word: captions of web pages are often no sentences).
    let before = block.get(..position)?;
    let before_trimmed = before.trim_end();
    let on_own_line = before.get(before_trimmed.len()..).is_some_and(|gap| gap.contains('\n'));
    let after_sentence = before_trimmed
        .trim_end_matches(['"', '\'', ')', ']', '”', '’', '»'])
        .ends_with(['.', '!', '?', '…']);
    let credit_named = block
        .get(position + marker.len()..)
        .is_some_and(|tail| tail.trim_start().starts_with(char::is_uppercase));
    let after_word = page_marker && before.len() > before_trimmed.len() && credit_named;
    if !(before_trimmed.is_empty() || on_own_line || after_sentence || after_word) {
        return None;
    }
    let tail_start = position + marker.len();
    let tail = block.get(tail_start..)?;
    let max_len = if page_marker { MAX_PAGE_CREDIT_LEN } else { MAX_CREDIT_LEN };
    if tail.trim().is_empty() || tail.len() > max_len || tail.contains('\n') {
        return None;
    }
    let by_photographer = marker.ends_with(' ') || page_marker;
    let agency = credit_agency(tail, by_photographer)
        .map(|(from, to)| (start + tail_start + from, start + tail_start + to));
    Some(Credit { start: start + position, agency })
}

/// Whether the trimmed block `text[start..end]` is a caption by its first words
/// (`File photo: …`), short and without a credit.
fn opens_caption(text: &str, start: usize, end: usize) -> bool {
    let Some(block) = text.get(start..end) else {
        return false;
    };
    let opening = block.get(..block.len().min(16)).unwrap_or(block).to_lowercase();
    block.len() <= MAX_OPENED_CAPTION_LEN
        && CAPTION_OPENERS.iter().any(|opener| {
            opening.starts_with(opener)
                && !opening[opener.len()..]
                    .starts_with(|character: char| character.is_alphanumeric())
        })
}

/// `(AFP Photo)`, `(AP Photo/Evan Vucci)`, `(Photo: Reuters)`, `(Photo by Jane Doe/AP)` closing a block.
fn parenthesised_credit(block: &str) -> Option<Credit> {
    let without_paren = block.strip_suffix(')')?;
    let open = without_paren.rfind('(')?;
    let inside_start = open + 1;
    let inside = without_paren.get(inside_start..)?;
    if inside.len() > MAX_CREDIT_LEN {
        return None;
    }
    let lowercase = inside.to_ascii_lowercase();
    let agency = if let Some(name) = lowercase.strip_suffix(" photo") {
        let name_len = name.trim_end().len();
        (name_len > 0).then_some((inside_start, inside_start + name_len))
    } else if let Some(photo) = lowercase.find(" photo/") {
        // `(AP Photo/Evan Vucci)`: the agency, then its photographer.
        let name = inside.get(..photo)?.trim();
        if name.is_empty() || (name.contains(' ') && !is_agency(name)) {
            return None;
        }
        let name_start = inside_start + (photo - inside.get(..photo)?.trim_start().len());
        Some((name_start, name_start + name.len()))
    } else if lowercase.starts_with("photo:") || lowercase.starts_with("photo by ") {
        let marker_len =
            if lowercase.starts_with("photo:") { "photo:".len() } else { "photo by ".len() };
        let tail = inside.get(marker_len..)?;
        credit_agency(tail, marker_len != "photo:".len())
            .map(|(from, to)| (inside_start + marker_len + from, inside_start + marker_len + to))
    } else {
        return None;
    };
    Some(Credit { start: open, agency })
}

/// The agency in a credit text such as ` ASSOCIATED PRESS` or ` REUTERS/Jane Doe`,
/// as a byte range of `tail`. After `Photo by`, only a known agency counts (a photographer
/// is not a publisher).
fn credit_agency(tail: &str, by_photographer: bool) -> Option<(usize, usize)> {
    let mut offset = 0;
    for piece in tail.split('/') {
        let (from, to) = trim_range(tail, offset, offset + piece.len());
        offset += piece.len() + 1;
        if from < to && tail.get(from..to).is_some_and(is_agency) {
            return Some((from, to));
        }
    }
    if by_photographer || tail.contains('/') {
        return None;
    }
    let (from, to) = trim_range(tail, 0, tail.len());
    (from < to).then_some((from, to))
}

#[cfg(test)]
mod tests {
    use super::super::dateline::parse_dateline;
    use super::*;
    use crate::Span;

    /// A compact dump of the structure: agency, date, then one line per paragraph with its
    /// sentences in brackets. Also checks that every span's code point offsets are right.
    fn outline(text: &str) -> String {
        let article = match parse(text) {
            Ok(article) => article,
            Err(error) => return format!("error: {error}"),
        };
        let check_span = |span: Span| {
            assert_eq!(span.start_char, text[..span.start].chars().count(), "{span:?}");
            assert_eq!(span.end_char, text[..span.end].chars().count(), "{span:?}");
        };
        let mut lines = Vec::new();
        for (name, located) in [("headline", &article.headline), ("date line", &article.date_line)]
        {
            if let Some(located) = located {
                check_span(located.span);
                assert_eq!(article.slice(located.span), located.text);
                lines.push(format!("{name} {:?}", located.text));
            }
        }
        if let Some(dateline) = &article.dateline {
            check_span(dateline.span);
            let part = |located: &Option<Located>| {
                located.as_ref().map_or("-".to_owned(), |located| {
                    check_span(located.span);
                    assert_eq!(article.slice(located.span), located.text);
                    located.text.clone()
                })
            };
            lines.push(format!(
                "dateline {:?}: {} / {} / {}",
                article.slice(dateline.span),
                part(&dateline.place),
                part(&dateline.country),
                part(&dateline.agency)
            ));
        }
        if let Some(date) = article.date {
            lines.push(format!("date {date}"));
        }
        if let Some(agency) = &article.agency {
            check_span(agency.span);
            assert_eq!(article.slice(agency.span), agency.text);
            lines.push(format!("agency {}", agency.text));
        }
        for (index, paragraph) in article.paragraphs.iter().enumerate() {
            check_span(paragraph.span);
            let sentences: Vec<String> = article.sentences[paragraph.sentences.clone()]
                .iter()
                .map(|sentence| {
                    check_span(sentence.span);
                    assert!(paragraph.span.contains(sentence.span));
                    assert_eq!(sentence.paragraph, index);
                    assert_eq!(sentence.in_caption, paragraph.kind == ParagraphKind::Caption);
                    format!("[{}]", article.sentence_text(sentence))
                })
                .collect();
            lines.push(format!("{:?}: {}", paragraph.kind, sentences.join(" ")));
        }
        for (index, sentence) in article.sentences.iter().enumerate() {
            assert_eq!(sentence.index, index);
        }
        lines.join("\n")
    }

    #[test]
    fn structure_table() {
        let cases: &[(&str, &str)] = &[
            // Datelines and the first paragraph.
            (
                "PARIS (AFP) - Mr. Smith left. He said so.",
                "dateline \"PARIS (AFP) -\": PARIS / - / AFP\nagency AFP\nBody: [Mr. Smith left.] [He said so.]",
            ),
            (
                "WASHINGTON (AP) —\nThe vote passed.\n\nIt was close.",
                "dateline \"WASHINGTON (AP) —\": WASHINGTON / - / AP\nagency AP\nBody: [The vote passed.]\nBody: [It was close.]",
            ),
            (
                "NEW YORK, Jan. 5, 2021 (AP) — Snow fell.",
                "dateline \"NEW YORK, Jan. 5, 2021 (AP) —\": NEW YORK / - / AP\ndate 2021-01-05\nagency AP\nBody: [Snow fell.]",
            ),
            (
                "BEIJING, March 3 (Xinhua) -- Rain fell.",
                "dateline \"BEIJING, March 3 (Xinhua) --\": BEIJING / - / Xinhua\nagency Xinhua\nBody: [Rain fell.]",
            ),
            ("No dateline here. Just text.", "Body: [No dateline here.] [Just text.]"),
            // CRLF and BOM.
            (
                "\u{FEFF}LONDON (Reuters) - One. Two.\r\n\r\nThree.\r\n",
                "dateline \"LONDON (Reuters) -\": LONDON / - / Reuters\nagency Reuters\nBody: [One.] [Two.]\nBody: [Three.]",
            ),
            ("Hard\r\nwrapped line. Two.\r\n", "Body: [Hard\r\nwrapped line.] [Two.]"),
            // Non-ASCII offsets (checked by `outline`).
            (
                "MÜNCHEN (Deutschland) • Das Café öffnet. Straße „zu“.",
                "dateline \"MÜNCHEN (Deutschland) •\": MÜNCHEN / Deutschland / -\nBody: [Das Café öffnet.] [Straße „zu“.]",
            ),
            // Lines that each end a sentence are paragraphs; hard-wrapped lines join.
            (
                "One.\nTwo!\n\"Three.\"",
                "Body: [One.]\nBody: [Two!]\nBody: [\"Three.\"]",
            ),
            ("A talk with Mr.\nSmith.", "Body: [A talk with Mr.\nSmith.]"),
            ("Said John F.\nKennedy.", "Body: [Said John F.\nKennedy.]"),
            (
                "One line\nwraps here. And\nmore.",
                "Body: [One line\nwraps here.] [And\nmore.]",
            ),
            // Sign-offs.
            (
                "Text.\n\nASSOCIATED PRESS",
                "agency ASSOCIATED PRESS\nBody: [Text.]",
            ),
            ("Text.\nAFP\n", "agency AFP\nBody: [Text.]"),
            ("Text.\n\n-- Reuters", "agency Reuters\nBody: [Text.]"),
            (
                "Text.\n\n(Reporting by Jane Doe; Editing by John Roe)",
                "Body: [Text.]\nCredits: [(Reporting by Jane Doe; Editing by John Roe)]",
            ),
            (
                "Text.\n\nAFP\n\n(Reporting by Jane Doe; Editing by John Roe)",
                "agency AFP\nBody: [Text.]\nCredits: [(Reporting by Jane Doe; Editing by John Roe)]",
            ),
            ("Text.\n\nENDS", "Body: [Text.]"),
            ("PARIS (AFP) - Text.\n\nREUTERS", "dateline \"PARIS (AFP) -\": PARIS / - / AFP\nagency AFP\nBody: [Text.]"),
            ("BREAKING NEWS", "Body: [BREAKING NEWS]"),
            ("Text.\n\nIt ended (as expected)", "Body: [Text.]\nBody: [It ended (as expected)]"),
            // Bylines: a credits paragraph first; the dateline follows.
            (
                "By JANE DOE Associated Press\n\nNAIROBI, Kenya (AP) — Rain fell.",
                "dateline \"NAIROBI, Kenya (AP) —\": NAIROBI / Kenya / AP\nagency AP\nCredits: [By JANE DOE Associated Press]\nBody: [Rain fell.]",
            ),
            (
                "By Jane Doe and John Roe, Reuters\nLONDON (Reuters) - Rain fell.",
                "dateline \"LONDON (Reuters) -\": LONDON / - / Reuters\nagency Reuters\nCredits: [By Jane Doe and John Roe, Reuters]\nBody: [Rain fell.]",
            ),
            ("By JANE DOE\n\nRain fell.", "Credits: [By JANE DOE]\nBody: [Rain fell.]"),
            ("By Monday, the army had left.", "Body: [By Monday, the army had left.]"),
            ("By then it was over", "Body: [By then it was over]"),
            // Captions.
            (
                "Body.\n\nA man walks. PHOTO: ASSOCIATED PRESS\n\nMore.",
                "agency ASSOCIATED PRESS\nBody: [Body.]\nCaption: [A man walks.]\nBody: [More.]",
            ),
            ("A man walks. (AFP Photo)", "agency AFP\nCaption: [A man walks.]"),
            ("A man walks.\nPhoto by Jane Doe", "Caption: [A man walks.]"),
            ("A man walks. Photo by Jane Doe/Reuters", "agency Reuters\nCaption: [A man walks.]"),
            ("A man walks. Photo: REUTERS/Jane Doe", "agency REUTERS\nCaption: [A man walks.]"),
            ("She took a Photo: yes", "Body: [She took a Photo: yes]"),
            (
                "A man walks. PHOTO: AFP\n\nText.\n\nASSOCIATED PRESS",
                "agency ASSOCIATED PRESS\nCaption: [A man walks.]\nBody: [Text.]",
            ),
            // Headlines, date lines and datelines after them.
            (
                "Hundreds dead in stampede\n\nThursday, January 12, 2006\n\nThe Plains of Arafat\n\nMore than 345 pilgrims died.",
                "headline \"Hundreds dead in stampede\"\ndate line \"Thursday, January 12, 2006\"\ndate 2006-01-12\nBody: [The Plains of Arafat]\nBody: [More than 345 pilgrims died.]",
            ),
            (
                "A flag for New Zealand\n\nThursday, May 7, 2015 On Tuesday, the government acted.\n\nMore.",
                "headline \"A flag for New Zealand\"\ndate line \"Thursday, May 7, 2015\"\ndate 2015-05-07\nBody: [On Tuesday, the government acted.]\nBody: [More.]",
            ),
            (
                "Quake kills 12\nPublished: 14 April 2017 10:02 BST\nUpdated: 15 April 2017 08:00 BST\n\nTAGBILARAN, Philippines - Agence France-Presse\n\nA quake struck.",
                "headline \"Quake kills 12\"\ndate line \"Published: 14 April 2017 10:02 BST\"\ndateline \"TAGBILARAN, Philippines - Agence France-Presse\": TAGBILARAN / Philippines / Agence France-Presse\ndate 2017-04-14\nagency Agence France-Presse\nBody: [A quake struck.]",
            ),
            (
                "Storm nears coast\n\nUpdated: Sept. 25, 2019\n\nMIAMI —\nThe storm grew.",
                "headline \"Storm nears coast\"\ndate line \"Updated: Sept. 25, 2019\"\ndateline \"MIAMI —\": MIAMI / - / -\ndate 2019-09-25\nBody: [The storm grew.]",
            ),
            (
                "Lantern festival opens\n\nMonday, March 5, 2007\n\nTaipei, Taiwan — Lights shone.",
                "headline \"Lantern festival opens\"\ndate line \"Monday, March 5, 2007\"\ndateline \"Taipei, Taiwan —\": Taipei / Taiwan / -\ndate 2007-03-05\nBody: [Lights shone.]",
            ),
            (
                "Vote count begins\n\nACCRA, Ghana\n\nCounting began.",
                "headline \"Vote count begins\"\ndateline \"ACCRA, Ghana\": ACCRA / Ghana / -\nBody: [Counting began.]",
            ),
            (
                "Talks resume\nBy Jane Doe\ndate 2019-09-24 GENEVA, Sept. 24 (AP) -- Talks resumed.",
                "headline \"Talks resume\"\ndateline \"date 2019-09-24 GENEVA, Sept. 24 (AP) --\": GENEVA / - / AP\ndate 2019-09-24\nagency AP\nCredits: [By Jane Doe]\nBody: [Talks resumed.]",
            ),
            (
                "Floods close schools\n\nFriday, July 21, 2017 KATHMANDU, Nepal (AP) — Floods hit.",
                "headline \"Floods close schools\"\ndate line \"Friday, July 21, 2017\"\ndateline \"KATHMANDU, Nepal (AP) —\": KATHMANDU / Nepal / AP\ndate 2017-07-21\nagency AP\nBody: [Floods hit.]",
            ),
            (
                "Floods close schools\n\nThe toll may rise, officials say\n\nA flooded road. Image: Jane Roe.\n\nPublished: 21 July 2017\nKATHMANDU, Nepal (AP) — Floods hit.",
                "headline \"Floods close schools\"\ndate line \"Published: 21 July 2017\"\ndateline \"KATHMANDU, Nepal (AP) —\": KATHMANDU / Nepal / AP\ndate 2017-07-21\nagency AP\nBody: [The toll may rise, officials say]\nCaption: [A flooded road.]\nBody: [Floods hit.]",
            ),
            // A hard-wrapped first line is no headline; a lone date may open a sentence.
            ("Rain fell on\nthe city.", "Body: [Rain fell on\nthe city.]"),
            (
                "Sept. 11, 2001 changed everything.\n\nMore.",
                "Body: [Sept. 11, 2001 changed everything.]\nBody: [More.]",
            ),
            // Captions of web pages.
            (
                "Text.\n\nBelle Image: Nick Moreau.\n\nMore.",
                "Body: [Text.]\nCaption: [Belle]\nBody: [More.]",
            ),
            (
                "Text.\n\nA man walks. Video: Reuters\n\nMore.",
                "agency Reuters\nBody: [Text.]\nCaption: [A man walks.]\nBody: [More.]",
            ),
            (
                "Text.\n\nA man walks. (AP Photo/Evan Vucci)\n\nMore.",
                "agency AP\nBody: [Text.]\nCaption: [A man walks.]\nBody: [More.]",
            ),
            (
                "Text.\n\nFILE PHOTO: A man walks in Paris.\n\nMore.",
                "Body: [Text.]\nCaption: [FILE PHOTO: A man walks in Paris.]\nBody: [More.]",
            ),
            ("She saw the Image: a cat.", "Body: [She saw the Image: a cat.]"),
            // Errors.
            ("", "error: line 1, column 1: the article is empty"),
            (
                "<html><body>Hi</body></html>",
                "error: line 1, column 1: the input looks like HTML; pass the article as plain text",
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(outline(input), *expected, "input {input:?}");
        }
    }

    #[test]
    fn bom_spans() {
        let text = "\u{FEFF}ROME (ANSA) - Ciao.";
        let article = parse(text).map_err(|error| error.to_string());
        let Ok(article) = article else {
            panic!("{article:?}");
        };
        let dateline = article.dateline.as_ref().map(|dateline| dateline.span);
        assert_eq!(dateline, Some(Span { start: 3, end: 16, start_char: 1, end_char: 14 }));
        assert_eq!(
            article.sentences[0].span,
            Span { start: 17, end: 22, start_char: 15, end_char: 20 }
        );
    }

    proptest::proptest! {
        #[test]
        fn any_text_parses_or_errors_without_panicking(
            text in "[A-Za-z0-9 .,!?\"'()\n\r•—–é€«»“”<>/:-]{0,200}"
        ) {
            // `outline` also checks every span's code point offsets.
            let _ = outline(&text);
            let _ = parse_dateline_anywhere(&text);
        }
    }

    /// Runs the dateline parser at every character boundary.
    fn parse_dateline_anywhere(text: &str) -> usize {
        text.char_indices().filter_map(|(offset, _)| parse_dateline(text, offset)).count()
    }
}
