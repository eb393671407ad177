//! spaCy's English tokenizer (`spacy/tokenizer.pyx` of spaCy 3.8), ported rule for rule.
//!
//! The text is split on white space into chunks; each chunk that is not a special case loses
//! prefixes and suffixes one at a time (`_split_affixes`), and what remains is a special case, a
//! URL, or is split at infixes (`_attach_tokens`). Then the special-case matcher re-applies the
//! special cases to token sequences that affix splitting produced (`_apply_special_cases`).
//! The patterns and special cases are the model's (`tokenizer.json`); the regular expressions are
//! Python `re` syntax, translated to [`fancy_regex`] syntax by [`translate_python_pattern`].
//!
//! # Complexity
//!
//! Linear in the text. Python's `re` runs each affix pattern as one backtracking search: its
//! `suffix_search` tries every start position of the remaining chunk, once per suffix split off,
//! which is quadratic on a long chunk. Here each pattern is taken apart (`affixes.rs`): the
//! alternatives without look-around are one `regex` automaton (`^`-anchored for prefixes, which
//! reads only the first characters; `$`-anchored for suffixes, which `regex` runs backwards from
//! the end), and each alternative with a look-behind or look-ahead is its body, found by `regex`,
//! with the look-arounds checked on the characters next to it. The results are those of Python's
//! leftmost-first alternation (see the docs of `affixes.rs`).

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use fancy_regex::Regex;
use serde::Deserialize;

use super::affixes::{AffixKind, AffixPattern};

use super::ModelError;

/// The tokenizer tables of `en_core_web_sm` 3.8.0, as exported by `scripts/spacy/export_model.py`.
const TOKENIZER_JSON: &str = include_str!("../../data/models/en_core_web_sm-3.8.0/tokenizer.json");

/// spaCy's attribute id of ORTH in special-case tables (`spacy.attrs.ORTH`).
const ORTH: &str = "65";
/// spaCy's attribute id of NORM in special-case tables (`spacy.attrs.NORM`).
const NORM: &str = "67";

/// One token found by [`Tokenizer::tokenize`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawToken {
    /// Byte offset of the first byte in the text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Whether one space (U+0020) follows the token (spaCy's `whitespace_`).
    pub space_after: bool,
    /// The NORM a special case gives the token ("n't" → "not"), else `None`.
    pub norm: Option<String>,
}

/// One token of a special case: its length in bytes and its NORM, if the case sets one.
#[derive(Debug, Clone)]
struct SpecialToken {
    len: usize,
    norm: Option<String>,
}

/// spaCy's tokenizer for English: prefix, suffix and infix patterns, URL matching and special cases.
///
/// Built once with [`Tokenizer::english`]; [`Tokenizer::tokenize`] takes `&self` and keeps no
/// state between calls, so one tokenizer serves any number of threads.
///
/// ```
/// use newsgraph::syntax::tokenizer::Tokenizer;
/// let tokenizer = Tokenizer::english()?;
/// let text = "I don't know.";
/// let words: Vec<&str> = tokenizer.tokenize(text).iter().map(|t| &text[t.start..t.end]).collect();
/// assert_eq!(words, ["I", "do", "n't", "know", "."]);
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Tokenizer {
    prefix: AffixPattern,
    suffix: AffixPattern,
    infix: AffixPattern,
    url: Regex,
    specials: FxHashMap<String, Vec<SpecialToken>>,
    /// The length in bytes of the longest special case.
    longest_special: usize,
    /// The special-case matcher's patterns (token texts), by their first token's text.
    matcher: FxHashMap<String, Vec<Vec<String>>>,
}

#[derive(Deserialize)]
struct TokenizerTable {
    prefix: Option<String>,
    suffix: Option<String>,
    infix: Option<String>,
    token_match: Option<String>,
    url_match: Option<String>,
    faster_heuristics: bool,
    special_cases: HashMap<String, Vec<HashMap<String, String>>>,
}

/// A piece of a chunk being tokenized: byte offsets within the chunk and the NORM of a special case.
#[derive(Debug, Clone, Copy)]
struct Piece<'a> {
    start: usize,
    end: usize,
    norm: Option<&'a str>,
}

impl Tokenizer {
    /// The tokenizer of `en_core_web_sm` 3.8.0 (`data/models/en_core_web_sm-3.8.0/tokenizer.json`,
    /// compiled in).
    ///
    /// # Errors
    ///
    /// A [`ModelError`] naming `tokenizer.json` when the table does not parse, a pattern does not
    /// compile, or the table uses something this port does not implement (a `token_match`
    /// pattern, `faster_heuristics` off, attributes other than ORTH and NORM in special cases).
    pub fn english() -> Result<Tokenizer, ModelError> {
        Tokenizer::from_json(TOKENIZER_JSON)
    }

    fn from_json(json: &str) -> Result<Tokenizer, ModelError> {
        let table: TokenizerTable = serde_json::from_str(json)
            .map_err(|error| ModelError::new("tokenizer.json", error.to_string()))?;
        if table.token_match.is_some() {
            return Err(ModelError::new(
                "tokenizer.json",
                "token_match patterns are not supported",
            ));
        }
        if !table.faster_heuristics {
            return Err(ModelError::new(
                "tokenizer.json",
                "faster_heuristics off is not supported",
            ));
        }
        let field = |name: &str, pattern: Option<&str>| -> Result<String, ModelError> {
            pattern
                .map(str::to_string)
                .ok_or_else(|| ModelError::new("tokenizer.json", format!("no {name} pattern")))
        };
        let affixes = |name: &str, pattern: Option<&str>, kind: AffixKind| {
            AffixPattern::new(&field(name, pattern)?, kind)
                .map_err(|message| ModelError::new(format!("tokenizer.json: {name}"), message))
        };
        let prefix = affixes("prefix", table.prefix.as_deref(), AffixKind::Prefix)?;
        let suffix = affixes("suffix", table.suffix.as_deref(), AffixKind::Suffix)?;
        let infix = affixes("infix", table.infix.as_deref(), AffixKind::Infix)?;
        let url_pattern = field("url_match", table.url_match.as_deref())?;
        let url = translate_python_pattern(&url_pattern)
            .and_then(|translated| {
                fancy_regex::RegexBuilder::new(&translated)
                    .backtrack_limit(10_000_000)
                    .build()
                    .map_err(|error| error.to_string())
            })
            .map_err(|message| ModelError::new("tokenizer.json: url_match", message))?;
        if !url_pattern.contains(r"\.)+") {
            // `is_url` skips strings without a dot; that holds only for this shape of pattern.
            return Err(ModelError::new(
                "tokenizer.json: url_match",
                "expected spaCy's URL pattern (host names of dot-separated labels)",
            ));
        }
        let mut specials = FxHashMap::default();
        for (key, substrings) in &table.special_cases {
            let mut tokens = Vec::with_capacity(substrings.len());
            let mut orth = String::new();
            for attrs in substrings {
                if let Some(attr) = attrs.keys().find(|attr| *attr != ORTH && *attr != NORM) {
                    return Err(ModelError::new(
                        "tokenizer.json: special_cases",
                        format!("{key:?} sets attribute {attr}, only ORTH and NORM are supported"),
                    ));
                }
                let text = attrs.get(ORTH).ok_or_else(|| {
                    ModelError::new(
                        "tokenizer.json: special_cases",
                        format!("a token of {key:?} has no ORTH"),
                    )
                })?;
                orth.push_str(text);
                tokens.push(SpecialToken { len: text.len(), norm: attrs.get(NORM).cloned() });
            }
            if orth != *key || tokens.iter().any(|token| token.len == 0) {
                return Err(ModelError::new(
                    "tokenizer.json: special_cases",
                    format!("the tokens of {key:?} do not spell it"),
                ));
            }
            specials.insert(key.clone(), tokens);
        }
        let longest_special = specials.keys().map(String::len).max().unwrap_or(0);
        let mut tokenizer = Tokenizer {
            prefix,
            suffix,
            infix,
            url,
            specials,
            longest_special,
            matcher: FxHashMap::default(),
        };
        // spaCy's `add_special_case`: with `faster_heuristics`, a special case goes into the
        // matcher only when affix rules or a space would split it; the pattern is the case's own
        // tokenization without special cases.
        let mut keys: Vec<&String> = tokenizer.specials.keys().collect();
        keys.sort();
        let mut matcher: FxHashMap<String, Vec<Vec<String>>> = FxHashMap::default();
        for key in keys {
            let split = tokenizer.find_prefix(key) != 0
                || tokenizer.find_suffix(key) != 0
                || tokenizer.infixes(key).next().is_some()
                || key.contains(' ');
            if !split {
                continue;
            }
            let pattern: Vec<String> = tokenizer
                .tokenize_affixes(key, false)
                .into_iter()
                .map(|token| key[token.start..token.end].to_string())
                .collect();
            if let Some(first) = pattern.first() {
                matcher.entry(first.clone()).or_default().push(pattern);
            }
        }
        tokenizer.matcher = matcher;
        Ok(tokenizer)
    }

    /// Splits `text` into tokens exactly as spaCy 3.8's English tokenizer does.
    ///
    /// Tokens are in text order and do not overlap; together with the single spaces marked by
    /// [`RawToken::space_after`] they cover the text. White space other than one U+0020 after a
    /// token becomes tokens of its own ("\n\n", or the second of two spaces), as in spaCy.
    pub fn tokenize(&self, text: &str) -> Vec<RawToken> {
        let tokens = self.tokenize_affixes(text, true);
        self.apply_special_cases(text, tokens)
    }

    /// spaCy's `_tokenize_affixes`: white-space chunks, each tokenized by affixes.
    fn tokenize_affixes(&self, text: &str, with_specials: bool) -> Vec<RawToken> {
        // Prose has a token per six bytes or so; a tighter guess would waste memory on long texts.
        let mut tokens: Vec<RawToken> = Vec::with_capacity(text.len() / 8 + 1);
        let mut pieces: Vec<Piece<'_>> = Vec::new();
        // Chunks repeat ("the", "said"): spaCy keeps a cache of chunk tokenizations, so does this
        // (per call; the result of a chunk depends on nothing else).
        let mut cache: FxHashMap<&str, (usize, usize)> = FxHashMap::default();
        let mut cached_pieces: Vec<(usize, usize, Option<&str>)> = Vec::new();
        let mut push_chunk = |start: usize, end: usize, tokens: &mut Vec<RawToken>| {
            let chunk = &text[start..end];
            let (from, to) = match cache.get(chunk) {
                Some(&range) => range,
                None => {
                    pieces.clear();
                    self.tokenize_chunk(chunk, with_specials, &mut pieces);
                    let from = cached_pieces.len();
                    cached_pieces.extend(pieces.iter().map(|p| (p.start, p.end, p.norm)));
                    let range = (from, cached_pieces.len());
                    cache.insert(chunk, range);
                    range
                }
            };
            for &(piece_start, piece_end, norm) in &cached_pieces[from..to] {
                tokens.push(RawToken {
                    start: start + piece_start,
                    end: start + piece_end,
                    space_after: false,
                    norm: norm.map(str::to_string),
                });
            }
        };
        let mut chars = text.char_indices();
        let Some((_, first)) = chars.next() else {
            return tokens;
        };
        let mut in_ws = is_python_space(first);
        let mut start = 0;
        for (index, c) in text.char_indices() {
            if is_python_space(c) != in_ws {
                if start < index {
                    push_chunk(start, index, &mut tokens);
                }
                if c == ' ' {
                    if let Some(last) = tokens.last_mut() {
                        last.space_after = true;
                    }
                    start = index + 1;
                } else {
                    start = index;
                }
                in_ws = !in_ws;
            }
        }
        if start < text.len() {
            push_chunk(start, text.len(), &mut tokens);
            if let Some(last) = tokens.last_mut() {
                last.space_after = false;
            }
        }
        tokens
    }

    /// spaCy's `_tokenize` of one chunk (`_split_affixes` then `_attach_tokens`); offsets are
    /// relative to the chunk.
    fn tokenize_chunk<'s>(&'s self, chunk: &str, with_specials: bool, out: &mut Vec<Piece<'s>>) {
        if with_specials && self.push_special(chunk, 0, out) {
            return;
        }
        let (mut lo, mut hi) = (0, chunk.len());
        let mut prefixes: Vec<(usize, usize)> = Vec::new();
        let mut suffixes: Vec<(usize, usize)> = Vec::new();
        let mut last_size = usize::MAX;
        while lo < hi && hi - lo != last_size {
            let string = &chunk[lo..hi];
            if with_specials && self.is_special(string) {
                break;
            }
            last_size = hi - lo;
            let pre_len = self.find_prefix(string);
            if pre_len != 0 {
                let minus_pre = &string[pre_len..];
                if with_specials && !minus_pre.is_empty() && self.is_special(minus_pre) {
                    prefixes.push((lo, lo + pre_len));
                    lo += pre_len;
                    break;
                }
            }
            let suf_len = self.find_suffix(&string[pre_len..]);
            if suf_len != 0 {
                let minus_suf = &string[..string.len() - suf_len];
                if with_specials && !minus_suf.is_empty() && self.is_special(minus_suf) {
                    suffixes.push((hi - suf_len, hi));
                    hi -= suf_len;
                    break;
                }
            }
            if pre_len != 0 && suf_len != 0 && pre_len + suf_len <= string.len() {
                prefixes.push((lo, lo + pre_len));
                suffixes.push((hi - suf_len, hi));
                lo += pre_len;
                hi -= suf_len;
            } else if pre_len != 0 {
                prefixes.push((lo, lo + pre_len));
                lo += pre_len;
            } else if suf_len != 0 {
                suffixes.push((hi - suf_len, hi));
                hi -= suf_len;
            }
        }
        out.extend(prefixes.iter().map(|&(start, end)| Piece { start, end, norm: None }));
        if lo < hi {
            let string = &chunk[lo..hi];
            if with_specials && self.push_special(string, lo, out) {
                // A special case.
            } else if self.is_url(string) {
                out.push(Piece { start: lo, end: hi, norm: None });
            } else {
                // spaCy skips an infix at the very start and keeps empty infixes out.
                let mut start = 0;
                for (infix_start, infix_end) in self.infixes(string) {
                    if infix_start == 0 {
                        continue;
                    }
                    if infix_start != start {
                        out.push(Piece { start: lo + start, end: lo + infix_start, norm: None });
                    }
                    if infix_start != infix_end {
                        out.push(Piece {
                            start: lo + infix_start,
                            end: lo + infix_end,
                            norm: None,
                        });
                    }
                    start = infix_end;
                }
                if start < string.len() {
                    out.push(Piece { start: lo + start, end: hi, norm: None });
                }
            }
        }
        out.extend(suffixes.iter().rev().map(|&(start, end)| Piece { start, end, norm: None }));
    }

    /// The tokens of the special case `string`, if it is one.
    fn special(&self, string: &str) -> Option<&[SpecialToken]> {
        // Longer strings are no special case: checking the length first keeps the affix loop
        // from hashing a long chunk once per affix (which made spaCy's own loop quadratic).
        if string.len() > self.longest_special {
            return None;
        }
        self.specials.get(string).map(Vec::as_slice)
    }

    /// Whether `string` is a special case.
    fn is_special(&self, string: &str) -> bool {
        self.special(string).is_some()
    }

    /// Pushes the tokens of the special case `string` (at `offset` in the chunk), if it is one.
    fn push_special<'s>(&'s self, string: &str, offset: usize, out: &mut Vec<Piece<'s>>) -> bool {
        let Some(tokens) = self.special(string) else {
            return false;
        };
        let mut start = offset;
        for token in tokens {
            out.push(Piece { start, end: start + token.len, norm: token.norm.as_deref() });
            start += token.len;
        }
        true
    }

    /// Length in bytes of the prefix to split off `string` (spaCy's `find_prefix`), 0 if none.
    fn find_prefix(&self, string: &str) -> usize {
        self.prefix.prefix(string)
    }

    /// Length in bytes of the suffix to split off `string` (spaCy's `find_suffix`), 0 if none.
    fn find_suffix(&self, string: &str) -> usize {
        self.suffix.suffix(string)
    }

    /// The infix matches of `string` (spaCy's `find_infix`), as byte ranges.
    fn infixes<'t>(&'t self, string: &'t str) -> impl Iterator<Item = (usize, usize)> + 't {
        self.infix.find_iter(string)
    }

    /// Whether `string` is a URL (spaCy's `url_match`).
    fn is_url(&self, string: &str) -> bool {
        // Every URL the pattern accepts has a dot (in its host name or IP address): most words
        // have none and are rejected without running the backtracking matcher.
        string.contains('.')
            && matches!(self.url.find(string), Ok(Some(found)) if found.start() == 0)
    }

    /// spaCy's `_apply_special_cases`: finds token sequences spelt like a special case's own
    /// tokenization, keeps the longest non-overlapping ones, and replaces those whose text is the
    /// special case by its tokens.
    fn apply_special_cases(&self, text: &str, tokens: Vec<RawToken>) -> Vec<RawToken> {
        let mut matches: Vec<(usize, usize)> = Vec::new();
        for start in 0..tokens.len() {
            let first = &text[tokens[start].start..tokens[start].end];
            let Some(patterns) = self.matcher.get(first) else {
                continue;
            };
            for pattern in patterns {
                let end = start + pattern.len();
                if end <= tokens.len()
                    && pattern
                        .iter()
                        .zip(&tokens[start..end])
                        .all(|(word, token)| *word == text[token.start..token.end])
                {
                    matches.push((start, end));
                }
            }
        }
        if matches.is_empty() {
            return tokens;
        }
        // spaCy's `_filter_special_spans`: longest first, then leftmost; a span is kept when
        // neither its first nor its last token was seen; every span marks its tokens seen.
        matches.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
        matches.dedup();
        let mut seen = vec![false; tokens.len()];
        let mut kept: Vec<(usize, usize)> = Vec::new();
        for &(start, end) in &matches {
            if !seen[start] && !seen[end - 1] {
                kept.push((start, end));
            }
            seen[start..end].iter_mut().for_each(|flag| *flag = true);
        }
        // A kept span that is no special case stays as it is (spaCy copies its tokens); with
        // none left, the tokens need no second copy.
        kept.retain(|&(start, end)| {
            self.is_special(&text[tokens[start].start..tokens[end - 1].end])
        });
        if kept.is_empty() {
            return tokens;
        }
        kept.sort_unstable();
        let mut out = Vec::with_capacity(tokens.len());
        let mut next = 0;
        for (start, end) in kept {
            out.extend_from_slice(&tokens[next..start]);
            next = end;
            let span_start = tokens[start].start;
            let span_text = &text[span_start..tokens[end - 1].end];
            let Some(special) = self.special(span_text) else {
                out.extend_from_slice(&tokens[start..end]);
                continue;
            };
            let mut offset = span_start;
            for token in special {
                out.push(RawToken {
                    start: offset,
                    end: offset + token.len,
                    space_after: false,
                    norm: token.norm.clone(),
                });
                offset += token.len;
            }
            if let Some(last) = out.last_mut() {
                last.space_after = tokens[end - 1].space_after;
            }
        }
        out.extend_from_slice(&tokens[next..]);
        out
    }
}

/// Python's `str.isspace` for one character: Unicode `White_Space` plus the information
/// separators U+001C–U+001F (which Python counts as space and Rust's `char::is_whitespace` not).
pub(crate) fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Translates a Python `re` pattern (as spaCy's tables store them) into [`fancy_regex`] syntax
/// with the same meaning on `str`.
///
/// - `\uXXXX` and `\UXXXXXXXX` become the character (escaped where it is special), or `\x{…}`
///   when it is none (a surrogate);
/// - `\s`/`\S` take Python's white space (U+001C–U+001F too), `\w` Python's word characters
///   (letters, numbers of every kind, `_`), `\d` stays (Unicode decimal digits in both);
/// - escaped punctuation that is not special in Rust becomes a literal; inside classes, `[`, `&`
///   and `~` are escaped (Rust reads `[` as a nested class and `&&`, `~~` as set operations);
/// - a leading `(?u)` (Python's default for `str`) is dropped.
///
/// # Errors
///
/// A message for a construct the tables do not use and this does not translate (`\S` inside a
/// class, an unknown escape, a truncated `\u`).
pub fn translate_python_pattern(pattern: &str) -> Result<String, String> {
    let pattern = pattern.strip_prefix("(?u)").unwrap_or(pattern);
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut in_class = false;
    let mut class_start = false;
    let mut index = 0;
    while index < chars.len() {
        let c = chars[index];
        let at_class_start = class_start;
        class_start = false;
        if c == '\\' {
            let Some(&escaped) = chars.get(index + 1) else {
                return Err("pattern ends with a backslash".to_string());
            };
            index += 2;
            match escaped {
                'u' | 'U' => {
                    let digits = if escaped == 'u' { 4 } else { 8 };
                    let hex: String = chars.iter().skip(index).take(digits).collect();
                    if hex.len() != digits || !hex.chars().all(|h| h.is_ascii_hexdigit()) {
                        return Err(format!("bad \\{escaped} escape at character {index}"));
                    }
                    index += digits;
                    // The character itself: `regex` parses it several times faster than an
                    // escape, and spaCy's classes have thousands of them.
                    match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                        Some(character) => push_literal(&mut out, character, in_class),
                        None => out.push_str(&format!("\\x{{{hex}}}")),
                    }
                }
                's' if in_class => out.push_str("\\s\\x{1c}-\\x{1f}"),
                's' => out.push_str("[\\s\\x{1c}-\\x{1f}]"),
                'S' if in_class => return Err("\\S inside a character class".to_string()),
                'S' => out.push_str("[^\\s\\x{1c}-\\x{1f}]"),
                'w' if in_class => out.push_str("\\p{L}\\p{N}_"),
                'w' => out.push_str("[\\p{L}\\p{N}_]"),
                'W' if in_class => return Err("\\W inside a character class".to_string()),
                'W' => out.push_str("[^\\p{L}\\p{N}_]"),
                'd' | 'D' | 'n' | 't' | 'r' | 'f' | 'v' => {
                    out.push('\\');
                    out.push(escaped);
                }
                'b' | 'B' | 'A' if !in_class => {
                    out.push('\\');
                    out.push(escaped);
                }
                'Z' if !in_class => out.push_str("\\z"),
                _ if escaped.is_ascii_alphanumeric() => {
                    return Err(format!("unsupported escape \\{escaped}"));
                }
                _ => push_literal(&mut out, escaped, in_class),
            }
            continue;
        }
        index += 1;
        if in_class {
            match c {
                ']' if !at_class_start => {
                    in_class = false;
                    out.push(']');
                }
                '^' if at_class_start => {
                    out.push('^');
                    class_start = true;
                }
                '[' | '&' | '~' => {
                    out.push('\\');
                    out.push(c);
                }
                _ => out.push(c),
            }
        } else {
            if c == '[' {
                in_class = true;
                class_start = true;
            }
            out.push(c);
        }
    }
    if in_class {
        return Err("unterminated character class".to_string());
    }
    Ok(out)
}

/// Pushes `c` as a literal character.
fn push_literal(out: &mut String, c: char, in_class: bool) {
    let special = if in_class {
        matches!(c, '[' | ']' | '\\' | '^' | '-' | '&' | '~')
    } else {
        matches!(
            c,
            '\\' | '.'
                | '+'
                | '*'
                | '?'
                | '('
                | ')'
                | '|'
                | '['
                | ']'
                | '{'
                | '}'
                | '^'
                | '$'
                | '#'
        )
    };
    if special {
        out.push('\\');
    }
    out.push(c);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let tokenizer = Tokenizer::english().unwrap_or_else(|error| panic!("{error}"));
        tokenizer.tokenize(text).iter().map(|t| text[t.start..t.end].to_string()).collect()
    }

    /// Tokenizations by spaCy 3.8.18 with `en_core_web_sm` 3.8.0 (`nlp.tokenizer(text)`).
    #[test]
    fn tokenizes_like_spacy() {
        let cases: &[(&str, &[&str])] = &[
            ("I don't know.", &["I", "do", "n't", "know", "."]),
            ("U.S. officials", &["U.S.", "officials"]),
            ("$2.5m deal", &["$", "2.5", "m", "deal"]),
            (
                "Visit https://www.example.com/a?b=c, now!",
                &["Visit", "https://www.example.com/a?b=c", ",", "now", "!"],
            ),
            ("see www.bbc.co.uk.", &["see", "www.bbc.co.uk", "."]),
            ("Smile :) and :-( or (^_^)", &["Smile", ":)", "and", ":-(", "or", "(^_^)"]),
            ("a\n\nb", &["a", "\n\n", "b"]),
            ("a  b", &["a", " ", "b"]),
            (" a ", &[" ", "a"]),
            (
                "well-known state-of-the-art",
                &["well", "-", "known", "state", "-", "of", "-", "the", "-", "art"],
            ),
            ("\"Quoted,\" he said.", &["\"", "Quoted", ",", "\"", "he", "said", "."]),
            ("'Tis 'bout time", &["'", "Tis", "'bout", "time"]),
            ("He's 10km away at 10am.", &["He", "'s", "10", "km", "away", "at", "10", "am", "."]),
            ("(10a.m.)", &["(", "10", "a.m.", ")"]),
            ("e-mail me@example.com", &["e", "-", "mail", "me@example.com"]),
            ("3+4=7", &["3", "+", "4=7"]),
            ("I'm gonna do it", &["I", "'m", "gon", "na", "do", "it"]),
            ("Mr. Smith vs. Dr. Jones", &["Mr.", "Smith", "vs.", "Dr.", "Jones"]),
            ("U.K.'s", &["U.K.", "'s"]),
            ("C$50 and US$3", &["C$", "50", "and", "US$", "3"]),
            ("...and...", &["...", "and", "..."]),
            ("€20", &["€", "20"]),
            ("5°C.", &["5", "°", "C", "."]),
            ("“Yes”—no", &["“", "Yes”—no"]),
            ("A–B", &["A", "–", "B"]),
            ("can't won't shouldn't", &["ca", "n't", "wo", "n't", "should", "n't"]),
            ("12:30", &["12:30"]),
            ("x/y", &["x", "/", "y"]),
            ("a\tb", &["a", "\t", "b"]),
            ("\u{a0}x", &["\u{a0}", "x"]),
            ("1990s", &["1990s"]),
            ("N.Y.", &["N.Y."]),
            ("#hashtag @user", &["#", "hashtag", "@user"]),
            ("don't!", &["do", "n't", "!"]),
            ("x\u{1c}y", &["x", "\u{1c}", "y"]),
            ("Ñandú's", &["Ñandú", "'s"]),
            ("10,000,000", &["10,000,000"]),
            // The special-case matcher: ":)" is found as ":" ")" after affix splitting.
            ("x:)", &["x", ":)"]),
            ("Hi:-) there", &["Hi:-", ")", "there"]),
            ("at 10a.m.!", &["at", "10", "a.m.", "!"]),
            ("x: )", &["x", ":", ")"]),
        ];
        let mut failures = Vec::new();
        for (text, expected) in cases {
            let got = words(text);
            if got != *expected {
                failures.push(format!("{text:?}: spaCy {expected:?}, we {got:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn special_cases_set_norms_and_spaces() {
        let tokenizer = Tokenizer::english().unwrap_or_else(|error| panic!("{error}"));
        let text = "I can't go, N.Y. at 10am  gonna\u{a0}x ";
        let tokens = tokenizer.tokenize(text);
        let got: Vec<(&str, bool, Option<&str>)> = tokens
            .iter()
            .map(|t| (&text[t.start..t.end], t.space_after, t.norm.as_deref()))
            .collect();
        let expected = [
            ("I", true, None),
            ("ca", false, Some("can")),
            ("n't", true, Some("not")),
            ("go", false, None),
            (",", true, None),
            ("N.Y.", true, Some("New York")),
            ("at", true, None),
            ("10", false, None),
            ("am", true, Some("a.m.")),
            (" ", false, None),
            ("gon", false, Some("going")),
            ("na", false, Some("to")),
            ("\u{a0}", false, Some("  ")),
            ("x", true, None),
        ];
        assert_eq!(got, expected);
    }

    #[test]
    fn empty_and_white_space_texts() {
        assert!(words("").is_empty());
        assert_eq!(words(" "), [" "]);
        assert_eq!(words("  "), ["  "]);
        assert_eq!(words("\n"), ["\n"]);
        assert_eq!(words("a "), ["a"]);
    }

    #[test]
    fn tokenizer_and_lemmatizer_are_shared_between_threads() {
        fn shareable<T: Send + Sync>() {}
        shareable::<Tokenizer>();
        shareable::<super::super::lemmatizer::Lemmatizer>();
    }

    #[test]
    fn translates_python_escapes() {
        let cases = [
            (r"\u00A6", "\u{a6}"),
            (r"[\U0001F000-\U0001F02B]", "[\u{1f000}-\u{1f02b}]"),
            // Characters special where they land are escaped; a surrogate stays an escape.
            (r"[\u002D\u005D]\u002E\u0023", r"[\-\]]\.\#"),
            (r"\uD800", r"\x{D800}"),
            (r"\'s$", "'s$"),
            (r"\S+", r"[^\s\x{1c}-\x{1f}]+"),
            (r"[+\-\*^]", r"[+\-*^]"),
            (r"(?u)[\w\+]", r"[\p{L}\p{N}_+]"),
            (r"[&~[]", r"[\&\~\[]"),
            (r"[]a]", r"[]a]"),
        ];
        for (python, rust) in cases {
            assert_eq!(translate_python_pattern(python).as_deref(), Ok(rust), "{python}");
        }
        assert!(translate_python_pattern(r"\q").is_err());
    }
}
