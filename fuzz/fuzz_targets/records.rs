//! JSON Lines bytes → `corpus::LineReader` → `Record::from_json` on every line.
//!
//! The first two bytes are the line limit (little-endian, 0 to 4095), the third the reader's
//! buffer size (1 to 64 bytes, so lines cross reads); the rest is the stream. Checks: no panic;
//! lines numbered 1, 2, 3… and equal to a plain split on `\n` (one `\r` before it dropped), a
//! line over the limit reported with its length; a record that parses has its text within the
//! limit and reads back the same when written as JSON again; an error is one line of text.
#![no_main]

use std::io::BufReader;

use libfuzzer_sys::fuzz_target;
use newsgraph::corpus::{Line, LineReader, Record};
use serde_json::{Map, Value};

/// The lines as the documentation of `LineReader` describes them: split on `\n`, a last line
/// without one, without its `\n` or `\r\n`, over the limit when the line (without them) is.
fn expected_lines(stream: &[u8], limit: usize) -> Vec<Line> {
    let mut pieces: Vec<&[u8]> = stream.split(|&byte| byte == b'\n').collect();
    if pieces.last().is_some_and(|last| last.is_empty()) {
        pieces.pop();
    }
    pieces
        .into_iter()
        .enumerate()
        .map(|(index, line)| {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            if line.len() > limit {
                Line::TooLong(index + 1, line.len())
            } else {
                Line::Text(index + 1, line.to_vec())
            }
        })
        .collect()
}

/// The record as one line of JSON, with only the fields `Record::from_json` reads.
fn to_json(record: &Record) -> Vec<u8> {
    let mut object = Map::new();
    object.insert("text".into(), Value::String(record.text.clone()));
    let optional = [
        ("id", record.id.clone()),
        ("url", record.url.clone()),
        ("title", record.title.clone()),
        ("source", record.source.clone()),
        ("published", record.published.map(|date| date.to_string())),
    ];
    for (name, value) in optional {
        if let Some(value) = value {
            object.insert(name.into(), Value::String(value));
        }
    }
    serde_json::to_vec(&Value::Object(object)).expect("a JSON value serializes")
}

fuzz_target!(|bytes: &[u8]| {
    let [low, high, capacity, stream @ ..] = bytes else { return };
    let limit = usize::from(u16::from_le_bytes([*low, *high]) & 0x0fff);
    let capacity = 1 + usize::from(*capacity % 64);
    let lines: Vec<Line> = LineReader::new(BufReader::with_capacity(capacity, stream), limit)
        .collect::<Result<_, _>>()
        .expect("reading a slice never fails");
    assert_eq!(lines, expected_lines(stream, limit), "limit {limit}, buffer {capacity}");
    for line in &lines {
        let Line::Text(number, line) = line else { continue };
        match Record::from_json(line) {
            Ok(parsed) => {
                let record = parsed.record;
                assert!(record.text.len() <= limit, "line {number}: text over the limit");
                let mut unknown = parsed.unknown_fields.clone();
                unknown.sort();
                unknown.dedup();
                assert_eq!(parsed.unknown_fields, unknown, "line {number}: fields not sorted");
                let again = Record::from_json(&to_json(&record))
                    .unwrap_or_else(|error| panic!("line {number}: written back: {error}"));
                assert_eq!(again.record, record, "line {number}: not the same written back");
                assert!(again.unknown_fields.is_empty());
            }
            Err(error) => {
                let message = error.to_string();
                assert!(!message.is_empty(), "line {number}: an empty message");
                assert!(
                    !message.chars().any(char::is_control),
                    "line {number}: a control character in {message:?}"
                );
            }
        }
    }
});
