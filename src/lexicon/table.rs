//! A minimal TSV reader with line numbers for errors.

use crate::LexiconError;

/// A parsed TSV file: header and data rows, comments and blank lines dropped.
pub(crate) struct Table<'a> {
    file: &'a str,
    header: Vec<&'a str>,
    header_line: usize,
    rows: Vec<(usize, Vec<&'a str>)>,
}

/// One data row.
pub(crate) struct Row<'t, 'a> {
    file: &'t str,
    line: usize,
    cells: &'t [&'a str],
}

impl<'a> Table<'a> {
    pub(crate) fn parse(file: &'a str, text: &'a str) -> Result<Self, LexiconError> {
        let mut header = None;
        let mut rows = Vec::new();
        for (line_index, line) in text.lines().enumerate() {
            let line_number = line_index + 1;
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
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
                    rows.push((line_number, cells));
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
        self.rows.iter().map(|(line, cells)| Row { file: self.file, line: *line, cells })
    }
}

impl Row<'_, '_> {
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

    pub(crate) fn error(&self, message: String) -> LexiconError {
        LexiconError { file: self.file.to_owned(), line: self.line, message }
    }
}
