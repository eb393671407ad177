//! JSON Lines records and a line reader with a length limit.

use std::io::{self, BufRead};

use jiff::civil::Date;
use serde_json::Value;

/// One article of a corpus with the metadata a news feed gives.
///
/// Read from one JSON object per line: `text` is required, `id`, `url`, `title`,
/// `published` and `source` are optional, other fields are ignored (and reported by
/// [`ParsedRecord::unknown_fields`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Record {
    /// The article text.
    pub text: String,
    /// An identifier of the article in its source (a string, or a number written as one).
    pub id: Option<String>,
    /// The address the article was published at.
    pub url: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// The publication date (`2017-04-14`, or the date of a timestamp such as
    /// `2017-04-14T09:30:00Z`): the reference date of relative dates ("yesterday").
    pub published: Option<Date>,
    /// The publisher (`Reuters`).
    pub source: Option<String>,
}

impl Record {
    /// A record of an article text with no metadata.
    #[must_use]
    pub fn new(text: impl Into<String>) -> Self {
        Self { text: text.into(), ..Self::default() }
    }

    /// Reads a record from one line of JSON Lines.
    ///
    /// `null` counts as absent. `id` may be a string or a number; the other fields must be
    /// strings, and `published` a date or a timestamp that begins with one.
    ///
    /// ```
    /// use newsgraph::corpus::Record;
    /// let parsed = Record::from_json(br#"{"id": 7, "text": "Rain fell.", "lang": "en"}"#)?;
    /// assert_eq!(parsed.record.id.as_deref(), Some("7"));
    /// assert_eq!(parsed.unknown_fields, ["lang"]);
    /// assert_eq!(
    ///     Record::from_json(br#"{"id": "x"}"#).unwrap_err().to_string(),
    ///     "the record has no \"text\" field"
    /// );
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`RecordError`] when the line is not a JSON object, has no `text` string, or a field
    /// has the wrong type.
    pub fn from_json(line: &[u8]) -> Result<ParsedRecord, RecordError> {
        let value: Value = serde_json::from_slice(line).map_err(|error| {
            RecordError::new(format!(
                "invalid JSON at column {}: {}",
                error.column(),
                json_message(&error)
            ))
        })?;
        let Value::Object(mut fields) = value else {
            return Err(RecordError::new("the record is not a JSON object"));
        };
        let text = match fields.remove("text") {
            Some(Value::String(text)) => text,
            None | Some(Value::Null) => {
                return Err(RecordError::new("the record has no \"text\" field"))
            }
            Some(_) => return Err(RecordError::new("the field \"text\" is not a string")),
        };
        let id = match fields.remove("id") {
            None | Some(Value::Null) => None,
            Some(Value::String(id)) => Some(id),
            Some(Value::Number(number)) => Some(number.to_string()),
            Some(_) => {
                return Err(RecordError::new("the field \"id\" is neither a string nor a number"))
            }
        };
        let mut string = |name: &str| match fields.remove(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(value)) => Ok(Some(value)),
            Some(_) => Err(RecordError::new(format!("the field \"{name}\" is not a string"))),
        };
        let url = string("url")?;
        let title = string("title")?;
        let source = string("source")?;
        let published = match string("published")? {
            None => None,
            Some(published) => Some(parse_published(&published)?),
        };
        let unknown_fields = fields.keys().cloned().collect();
        Ok(ParsedRecord {
            record: Record { text, id, url, title, published, source },
            unknown_fields,
        })
    }
}

/// serde_json's message without its own "at line 1 column N" (a record is one line).
fn json_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rsplit_once(" at line ") {
        Some((message, _)) => message.to_owned(),
        None => message,
    }
}

/// A date, or the date at the start of a timestamp.
fn parse_published(published: &str) -> Result<Date, RecordError> {
    let trimmed = published.trim();
    let date = trimmed.get(..10).unwrap_or(trimmed);
    let rest = trimmed.get(10..).unwrap_or("");
    if (rest.is_empty() || rest.starts_with(['T', 't', ' ']))
        && let Ok(date) = date.parse::<Date>()
    {
        return Ok(date);
    }
    Err(RecordError::new(format!(
        "the field \"published\" is not a date: {published:?} (expected YYYY-MM-DD or an RFC 3339 timestamp)"
    )))
}

/// A record and the names of the fields it has that newsgraph does not read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParsedRecord {
    /// The record.
    pub record: Record,
    /// Fields other than `text`, `id`, `url`, `title`, `published` and `source`, sorted.
    pub unknown_fields: Vec<String>,
}

/// A line of JSON Lines that is not a record: not JSON, not an object, no `text`, a field of
/// the wrong type, or too long.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct RecordError {
    message: String,
}

impl RecordError {
    fn new(message: impl Into<String>) -> Self {
        Self { message: message.into() }
    }
}

/// Splits a reader into lines (without their `\n` or `\r\n`), at most `limit` bytes each.
///
/// A longer line is skipped without being held in memory and reported as
/// [`Line::TooLong`], so one huge record cannot exhaust memory.
/// NB: the limit and the length of a line count neither its `\n` nor a `\r` before it (nor a
/// `\r` that ends the input).
///
/// ```
/// use newsgraph::corpus::{Line, LineReader};
/// let lines: Vec<_> = LineReader::new(&b"ab\r\ncdefgh\nij"[..], 4).collect::<Result<_, _>>()?;
/// assert_eq!(lines, [Line::Text(1, b"ab".to_vec()), Line::TooLong(2, 6), Line::Text(3, b"ij".to_vec())]);
/// # Ok::<_, std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct LineReader<R> {
    reader: R,
    limit: usize,
    line_number: usize,
    done: bool,
}

/// A line of a [`LineReader`], numbered from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// A line within the limit.
    Text(usize, Vec<u8>),
    /// A line over the limit, and its length in bytes (without its `\n` or `\r\n`).
    TooLong(usize, usize),
}

impl<R: BufRead> LineReader<R> {
    /// A reader of lines of at most `limit` bytes.
    pub fn new(reader: R, limit: usize) -> Self {
        Self { reader, limit, line_number: 0, done: false }
    }

    fn read_line(&mut self) -> io::Result<Option<Line>> {
        let mut line = Vec::new();
        // Bytes before the `\n`, and the last of them (a `\r` is not part of the line).
        let mut length = 0usize;
        let mut last_byte = None;
        let mut seen_any = false;
        loop {
            let buffer = match self.reader.fill_buf() {
                Ok(buffer) => buffer,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(error),
            };
            if buffer.is_empty() {
                if !seen_any {
                    return Ok(None);
                }
                break;
            }
            seen_any = true;
            let (chunk, found_end) = match buffer.iter().position(|&byte| byte == b'\n') {
                Some(end) => (&buffer[..end], true),
                None => (buffer, false),
            };
            length += chunk.len();
            if let Some(&byte) = chunk.last() {
                last_byte = Some(byte);
            }
            // One byte over the limit is kept: it may be the `\r` of a `\r\n`.
            if length <= self.limit.saturating_add(1) {
                line.extend_from_slice(chunk);
            } else {
                // Over the limit: keep counting, stop keeping.
                line = Vec::new();
            }
            let consumed = chunk.len() + usize::from(found_end);
            self.reader.consume(consumed);
            if found_end {
                break;
            }
        }
        self.line_number += 1;
        if last_byte == Some(b'\r') {
            length -= 1;
            line.pop();
        }
        if length > self.limit {
            return Ok(Some(Line::TooLong(self.line_number, length)));
        }
        Ok(Some(Line::Text(self.line_number, line)))
    }
}

impl<R: BufRead> Iterator for LineReader<R> {
    type Item = io::Result<Line>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.read_line() {
            Ok(Some(line)) => Some(Ok(line)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(error) => {
                self.done = true;
                Some(Err(error))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records() {
        /// Text, id and date of a record, or the error message.
        type Expected =
            Result<(&'static str, Option<&'static str>, Option<&'static str>), &'static str>;
        let cases: &[(&str, Expected)] = &[
            (r#"{"text": "A."}"#, Ok(("A.", None, None))),
            (r#"{"text": "A.", "id": 12, "published": "2020-01-02"}"#, Ok(("A.", Some("12"), Some("2020-01-02")))),
            (r#"{"text": "A.", "published": "2020-01-02T10:00:00Z"}"#, Ok(("A.", None, Some("2020-01-02")))),
            (r#"{"text": "A.", "published": null, "id": null}"#, Ok(("A.", None, None))),
            (r#"{"text": "A.", "published": "2020-13-02"}"#, Err("the field \"published\" is not a date: \"2020-13-02\" (expected YYYY-MM-DD or an RFC 3339 timestamp)")),
            (r#"{"text": "A.", "published": "2020-01-02x"}"#, Err("the field \"published\" is not a date: \"2020-01-02x\" (expected YYYY-MM-DD or an RFC 3339 timestamp)")),
            (r#"{"text": 3}"#, Err("the field \"text\" is not a string")),
            (r#"{"title": "A"}"#, Err("the record has no \"text\" field")),
            (r#"{"text": "A.", "title": ["A"]}"#, Err("the field \"title\" is not a string")),
            (r#"{"text": "A.", "id": true}"#, Err("the field \"id\" is neither a string nor a number")),
            (r#"["text"]"#, Err("the record is not a JSON object")),
            (r#"{"text": "A."#, Err("invalid JSON at column 12: EOF while parsing a string")),
            ("not json", Err("invalid JSON at column 2: expected ident")),
        ];
        for (line, expected) in cases {
            let got = Record::from_json(line.as_bytes()).map(|parsed| {
                let record = parsed.record;
                (record.text, record.id, record.published.map(|date| date.to_string()))
            });
            let expected = expected
                .map(|(text, id, date)| {
                    (text.to_owned(), id.map(str::to_owned), date.map(str::to_owned))
                })
                .map_err(str::to_owned);
            assert_eq!(got.map_err(|error| error.to_string()), expected, "{line}");
        }
    }

    #[test]
    fn unknown_fields_are_listed_sorted() {
        let parsed = Record::from_json(br#"{"z": 1, "text": "A.", "a": 2, "source": "AFP"}"#);
        assert_eq!(
            parsed.map(|parsed| parsed.unknown_fields),
            Ok(vec!["a".to_owned(), "z".to_owned()])
        );
    }

    #[test]
    fn lines_with_a_limit() {
        let lines: Vec<Line> = LineReader::new(&b"12345\n\n123456\r\n1234\n"[..], 5)
            .collect::<Result<_, _>>()
            .unwrap_or_default();
        assert_eq!(
            lines,
            [
                Line::Text(1, b"12345".to_vec()),
                Line::Text(2, Vec::new()),
                Line::TooLong(3, 6),
                Line::Text(4, b"1234".to_vec()),
            ]
        );
        // A small buffer splits lines across reads.
        let reader = io::BufReader::with_capacity(2, &b"abcdef\nxy"[..]);
        let lines: Vec<Line> =
            LineReader::new(reader, 10).collect::<Result<_, _>>().unwrap_or_default();
        assert_eq!(lines, [Line::Text(1, b"abcdef".to_vec()), Line::Text(2, b"xy".to_vec())]);
    }

    #[test]
    fn the_limit_does_not_count_a_carriage_return() {
        // See: issue 15 (fuzzing, `records` target: a line of exactly the limit followed by
        // `\r\n` was too long, and so was an input of one `\r` with a limit of 0).
        let cases: &[(&[u8], usize, &[Line])] = &[
            (b"\r", 0, &[Line::Text(1, Vec::new())]),
            (b"abc\r\nabcd\r\n", 3, &[Line::Text(1, b"abc".to_vec()), Line::TooLong(2, 4)]),
            (b"abc\r", 3, &[Line::Text(1, b"abc".to_vec())]),
            (b"ab\r\r\n", 3, &[Line::Text(1, b"ab\r".to_vec())]),
        ];
        for &(input, limit, expected) in cases {
            for capacity in [1, 2, 64] {
                let reader = io::BufReader::with_capacity(capacity, input);
                let lines: Vec<Line> =
                    LineReader::new(reader, limit).collect::<Result<_, _>>().unwrap_or_default();
                assert_eq!(lines, expected, "{input:?}, limit {limit}, buffer {capacity}");
            }
        }
    }
}
