//! Compiles the built-in files of named entries (`data/lexicons/`) into the tables that
//! `Lexicon::builtin` loads without building anything: the FSTs of the name index and the byte
//! offset of each entry's row (see `src/lexicon/index.rs`).
//!
//! It reads the files with the library's own code (`src/lexicon/{table,sources,index}.rs`,
//! which use nothing else of the crate but `vocab.rs`), so the tables are those the library
//! would build from the same files at run time (a test compares them).

#![expect(dead_code, reason = "the lexicon modules are shared with the library")]

#[path = "src/lexicon/index.rs"]
mod index;
#[path = "src/syntax/lemma_tables.rs"]
mod lemma_tables;
#[path = "src/lexicon/sources.rs"]
mod sources;
#[path = "src/lexicon/table.rs"]
mod table;
#[path = "src/vocab.rs"]
mod vocab;

use std::error::Error;
use std::path::{Path, PathBuf};

use sources::{EntryFile, Sources};

/// The rule lemmatizer's tables of the syntax model.
const LEMMATIZER_JSON: &str = "data/models/en_core_web_sm-3.8.0/lemmatizer.json";

/// A malformed lexicon file (the library's error type, without the library).
#[derive(Debug)]
struct LexiconError {
    file: String,
    line: usize,
    message: String,
}

impl std::fmt::Display for LexiconError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl Error for LexiconError {}

fn main() -> Result<(), Box<dyn Error>> {
    for code in [
        "build.rs",
        "src/lexicon/index.rs",
        "src/lexicon/sources.rs",
        "src/lexicon/table.rs",
        "src/vocab.rs",
        "src/syntax/lemma_tables.rs",
        LEMMATIZER_JSON,
    ] {
        println!("cargo::rerun-if-changed={code}");
    }
    let lexicons = Path::new("data/lexicons");
    let mut sources = Sources::default();
    let mut rows = Vec::new();
    for file in EntryFile::ALL {
        let path = lexicons.join(file.name());
        println!("cargo::rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path)?;
        let before = sources.entries.len();
        sources.read(file.name(), &text)?;
        rows.push(u32::try_from(text.len())?);
        rows.push(u32::try_from(sources.entries.len() - before)?);
    }
    for offset in &sources.entry_rows {
        rows.push(u32::try_from(*offset)?);
    }
    let tables = index::NameTables::build(&sources.entries)?;
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("no OUT_DIR")?);
    let out = out_dir.join("lexicon");
    std::fs::create_dir_all(&out)?;
    std::fs::write(out.join("names.fst"), tables.names)?;
    std::fs::write(out.join("lower_names.fst"), tables.lower_names)?;
    std::fs::write(out.join("demonyms.fst"), tables.demonyms)?;
    std::fs::write(out.join("countries.fst"), tables.countries)?;
    std::fs::write(
        out.join("rows.bin"),
        rows.iter().flat_map(|row| row.to_le_bytes()).collect::<Vec<u8>>(),
    )?;
    lemmatizer(&out_dir.join("lemmatizer"))
}

/// The lemmatizer's word tables (`src/syntax/lemma_tables.rs`).
fn lemmatizer(out: &Path) -> Result<(), Box<dyn Error>> {
    let json = std::fs::read_to_string(LEMMATIZER_JSON)?;
    let tables = lemma_tables::LemmaTables::compile(&json)
        .map_err(|message| format!("{LEMMATIZER_JSON}: {message}"))?;
    std::fs::create_dir_all(out)?;
    std::fs::write(out.join("index.fst"), tables.index)?;
    std::fs::write(out.join("exceptions.fst"), tables.exceptions)?;
    std::fs::write(out.join("lemmas.txt"), tables.lemmas)?;
    std::fs::write(out.join("rest.json"), tables.rest)?;
    Ok(())
}
