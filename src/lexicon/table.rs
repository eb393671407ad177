//! A minimal TSV reader with line numbers for errors.
//!
//! NB: also compiled into the build script (`build.rs`), which compiles the built-in lexicons:
//! it uses nothing outside `lexicon/` but `super::LexiconError`.

use super::LexiconError;

/// A parsed TSV file: header and data rows, comments and blank lines dropped.
pub(crate) struct Table<'a> {
    file: &'a str,
    header: Vec<&'a str>,
    header_line: usize,
    /// Line number, byte offset of the line, cells.
    rows: Vec<(usize, usize, Vec<&'a str>)>,
}

/// One data row.
pub(crate) struct Row<'t, 'a> {
    file: &'t str,
    line: usize,
    offset: usize,
    cells: &'t [&'a str],
}

impl<'a> Table<'a> {
    pub(crate) fn parse(file: &'a str, text: &'a str) -> Result<Self, LexiconError> {
        let mut header = None;
        let mut rows = Vec::new();
        let mut offset = 0;
        for (line_index, raw_line) in text.split_inclusive('\n').enumerate() {
            let line_number = line_index + 1;
            let line_offset = offset;
            offset += raw_line.len();
            let line = without_line_ending(raw_line);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cells = cells(line);
            match &header {
                None => header = Some((line_number, cells)),
                Some((_, names)) => {
                    if cells.len() > names.len() {
                        return Err(LexiconError {
                            file: file.to_owned(),
                            line: line_number,
                            message: format!(
                                "{} cells, but the header has {}",
                                cells.len(),
                                names.len()
                            ),
                        });
                    }
                    rows.push((line_number, line_offset, cells));
                }
            }
        }
        let (header_line, header) = header.ok_or_else(|| LexiconError {
            file: file.to_owned(),
            line: 1,
            message: "no header line".to_owned(),
        })?;
        Ok(Self { file, header, header_line, rows })
    }

    pub(crate) fn check_header(&self, expected: &[&str]) -> Result<(), LexiconError> {
        if self.header != expected {
            return Err(LexiconError {
                file: self.file.to_owned(),
                line: self.header_line,
                message: format!(
                    "expected the header {:?}, found {:?}",
                    expected.join("\t"),
                    self.header.join("\t")
                ),
            });
        }
        Ok(())
    }

    pub(crate) fn rows(&self) -> impl Iterator<Item = Row<'_, 'a>> {
        self.rows.iter().map(|(line, offset, cells)| Row {
            file: self.file,
            line: *line,
            offset: *offset,
            cells,
        })
    }
}

/// A line as `str::lines` gives it, then without any other carriage return at its end.
fn without_line_ending(raw_line: &str) -> &str {
    let line = raw_line
        .strip_suffix('\n')
        .map_or(raw_line, |line| line.strip_suffix('\r').unwrap_or(line));
    line.trim_end_matches('\r')
}

/// The cells of a line.
pub(crate) fn cells(line: &str) -> Vec<&str> {
    line.split('\t').map(str::trim).collect()
}

/// The line that starts at byte `offset` of `text` (a row's [`Row::offset`]), as
/// [`Table::parse`] reads it; `None` if `offset` is not in `text`.
pub(crate) fn line_at(text: &str, offset: usize) -> Option<&str> {
    text.get(offset..)?.split_inclusive('\n').next().map(without_line_ending)
}

impl<'t, 'a> Row<'t, 'a> {
    /// A row of `cells` (from [`cells`]) at a line and byte offset of `file`.
    pub(crate) fn new(file: &'t str, line: usize, offset: usize, cells: &'t [&'a str]) -> Self {
        Self { file, line, offset, cells }
    }

    /// A cell, empty if missing.
    pub(crate) fn get(&self, column: usize) -> &str {
        self.cells.get(column).copied().unwrap_or("")
    }

    /// A cell, `None` if empty.
    pub(crate) fn optional(&self, column: usize) -> Option<String> {
        Some(self.get(column)).filter(|cell| !cell.is_empty()).map(str::to_owned)
    }

    /// A `|`-separated cell.
    pub(crate) fn list(&self, column: usize) -> Vec<String> {
        self.get(column)
            .split('|')
            .map(str::trim)
            .filter(|value| !value.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// The byte offset of the row's line in its file.
    pub(crate) fn offset(&self) -> usize {
        self.offset
    }

    pub(crate) fn error(&self, message: String) -> LexiconError {
        LexiconError { file: self.file.to_owned(), line: self.line, message }
    }
}
