//! The lemmatizer's word tables (`lemma_index`, `lemma_exc` of `lemmatizer.json`), compiled
//! into [finite state transducers](https://docs.rs/fst) by the build script, so that loading
//! the lemmatizer reads neither the 1.7 MB of JSON nor builds sets of its 97,000 words (that
//! was 42 M instructions, a third of loading the whole [`super::Parser`]).
//!
//! NB: also compiled into the build script (`build.rs`): it uses nothing of the crate.

use std::collections::BTreeMap;

use serde_json::Value;

/// Between the part of speech and the word in a key: `noun\0court`.
const SEPARATOR: char = '\0';

/// The compiled tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LemmaTables<Bytes> {
    /// An FST set of `{part of speech}\0{word}` for every word of `lemma_index`.
    pub(crate) index: Bytes,
    /// An FST map from `{part of speech}\0{word}` of `lemma_exc` to where its lemmas are in
    /// `lemmas`: `start << 32 | end`.
    pub(crate) exceptions: Bytes,
    /// The lemmas of the exceptions, UTF-8, each followed by `\0`.
    pub(crate) lemmas: Bytes,
    /// The rest of `lemmatizer.json`, as JSON: [`Rest`].
    pub(crate) rest: Bytes,
}

/// What `lemmatizer.json` has besides the word tables.
#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
pub(crate) struct Rest {
    /// The lemmatizer's mode (`"rule"`).
    pub(crate) mode: String,
    /// `lemma_rules`: suffix rules (old, new) by part of speech.
    pub(crate) lemma_rules: BTreeMap<String, Vec<(String, String)>>,
    /// The parts of speech whose `lemma_index` has words.
    pub(crate) index_parts: Vec<String>,
    /// The parts of speech whose `lemma_exc` has words.
    pub(crate) exception_parts: Vec<String>,
}

/// The key of a word of a part of speech.
pub(crate) fn key(part: &str, word: &str) -> String {
    let mut key = String::with_capacity(part.len() + 1 + word.len());
    key.push_str(part);
    key.push(SEPARATOR);
    key.push_str(word);
    key
}

impl LemmaTables<Vec<u8>> {
    /// The tables of `lemmatizer.json`.
    ///
    /// # Errors
    /// A message saying which part of the file is not what spaCy writes.
    #[cfg_attr(
        not(test),
        allow(dead_code, reason = "the build script compiles the tables; the library, in a test")
    )]
    pub(crate) fn compile(json: &str) -> Result<Self, String> {
        let file: Value = serde_json::from_str(json).map_err(|error| error.to_string())?;
        let tables = &file["tables"];
        let mode = file["mode"].as_str().ok_or("no mode")?.to_owned();
        let lemma_rules = serde_json::from_value(tables["lemma_rules"].clone())
            .map_err(|error| format!("lemma_rules: {error}"))?;
        let strings = |value: &Value, what: &str| -> Result<Vec<String>, String> {
            let strings: Vec<String> = serde_json::from_value(value.clone())
                .map_err(|error| format!("{what}: {error}"))?;
            match strings.iter().find(|string| string.contains(SEPARATOR)) {
                Some(string) => Err(format!("{what}: {string:?} has a NUL character")),
                None => Ok(strings),
            }
        };
        let mut index = std::collections::BTreeSet::new();
        let mut index_parts = Vec::new();
        for (part, words) in tables["lemma_index"].as_object().ok_or("no lemma_index")? {
            let words = strings(words, "lemma_index")?;
            if !words.is_empty() {
                index_parts.push(part.clone());
            }
            index.extend(words.iter().map(|word| key(part, word)));
        }
        let mut exceptions = BTreeMap::new();
        let mut exception_parts = Vec::new();
        let mut lemmas = String::new();
        for (part, table) in tables["lemma_exc"].as_object().ok_or("no lemma_exc")? {
            let table = table.as_object().ok_or("lemma_exc: not an object")?;
            if !table.is_empty() {
                exception_parts.push(part.clone());
            }
            for (word, forms) in table {
                let start = lemmas.len() as u64;
                for form in strings(forms, "lemma_exc")? {
                    lemmas.push_str(&form);
                    lemmas.push(SEPARATOR);
                }
                exceptions.insert(key(part, word), start << 32 | lemmas.len() as u64);
            }
        }
        let fst_error = |error: fst::Error| error.to_string();
        let rest = Rest { mode, lemma_rules, index_parts, exception_parts };
        Ok(LemmaTables {
            index: fst::Set::from_iter(index).map_err(fst_error)?.into_fst().into_inner(),
            exceptions: fst::Map::from_iter(exceptions).map_err(fst_error)?.into_fst().into_inner(),
            lemmas: lemmas.into_bytes(),
            rest: serde_json::to_vec(&rest).map_err(|error| error.to_string())?,
        })
    }
}
