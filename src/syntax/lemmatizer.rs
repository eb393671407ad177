//! spaCy's `attribute_ruler` and English rule `lemmatizer`, the two components that run after the
//! parser in `en_core_web_sm`: the ruler maps tags (and a few words and dependency labels) to
//! coarse parts of speech, morphological features and some lemmas; the lemmatizer finds the
//! other lemmas with suffix rules, exceptions and an index of known words.
//!
//! The ruler's patterns are `attribute_ruler.json`, matched by a port of spaCy's `Matcher` for
//! the subset they use: fixed-length token sequences whose tokens test `TAG`, `LOWER`, `ORTH`,
//! `DEP`, `POS`, `IS_SPACE` by equality, `IN`, `NOT_IN` or `REGEX`. The lemmatizer's tables are
//! `lemmatizer.json` (`lemma_rules`, `lemma_exc`, `lemma_index`), compiled into FSTs by the build
//! script (`lemma_tables.rs`).

use std::collections::{BTreeMap, HashMap};

use fancy_regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use serde_json::Value;

use super::lemma_tables::{key, LemmaTables, Rest};
use super::tokenizer::{is_python_space, translate_python_pattern};
use super::ModelError;

const ATTRIBUTE_RULER_JSON: &str =
    include_str!("../../data/models/en_core_web_sm-3.8.0/attribute_ruler.json");

/// `lemmatizer.json`, compiled by the build script (see `lemma_tables.rs`).
mod compiled {
    macro_rules! compiled {
        ($file:literal) => {
            include_bytes!(concat!(env!("OUT_DIR"), "/lemmatizer/", $file))
        };
    }
    pub(super) const INDEX: &[u8] = compiled!("index.fst");
    pub(super) const EXCEPTIONS: &[u8] = compiled!("exceptions.fst");
    pub(super) const LEMMAS: &[u8] = compiled!("lemmas.txt");
    pub(super) const REST: &[u8] = compiled!("rest.json");
}

/// The universal parts of speech spaCy knows (`spacy.parts_of_speech`), plus `""` for none.
const POS_NAMES: [&str; 21] = [
    "", "ADJ", "ADP", "ADV", "AUX", "CONJ", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
    "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X", "EOL", "SPACE",
];

/// What the attribute ruler and the lemmatizer give one token.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Analysis<'a> {
    /// Universal part of speech (spaCy's `pos_`), `""` when no rule gives one.
    pub pos: &'static str,
    /// Lemma (spaCy's `lemma_`).
    pub lemma: String,
    /// Morphological features as spaCy writes them (`Number=Plur`), `""` for none.
    pub morph: &'a str,
    /// A new tag, when a rule changes it (white space the tagger did not tag `_SP`).
    pub tag: Option<&'a str>,
    /// A new dependency label, when a rule changes it (white space gets `dep`).
    pub dep: Option<&'a str>,
}

/// An attribute a token pattern tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Attr {
    Tag,
    Lower,
    Orth,
    Dep,
    Pos,
    IsSpace,
}

/// A test on one attribute's value.
#[derive(Debug)]
enum Predicate {
    Equals(String),
    In(Vec<String>),
    NotIn(Vec<String>),
    Regex(Regex),
    Bool(bool),
}

/// One rule of the attribute ruler: token patterns, the attributes to set, on which token.
#[derive(Debug)]
struct Rule {
    patterns: Vec<Vec<Vec<(Attr, Predicate)>>>,
    index: isize,
    pos: Option<&'static str>,
    morph: Option<String>,
    lemma: Option<String>,
    tag: Option<String>,
    dep: Option<String>,
}

/// spaCy's attribute ruler and English rule lemmatizer (`en_core_web_sm` 3.8.0).
///
/// ```
/// use newsgraph::syntax::lemmatizer::Lemmatizer;
/// let lemmatizer = Lemmatizer::english()?;
/// let analysis = lemmatizer.analyse(&["They", "ruled", "."], &["PRP", "VBD", "."], &["nsubj", "ROOT", "punct"]);
/// assert_eq!(analysis[1], ("VERB", "rule".to_string()));
/// assert_eq!(analysis[0], ("PRON", "they".to_string()));
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Lemmatizer {
    rules: Vec<Rule>,
    /// The ruler's patterns (rule number, pattern number) by the `TAG` their first token must
    /// have, by the `LOWER` it must have when it names no tag, and the others: each token is
    /// tried only against the patterns that can match it.
    by_tag: FxHashMap<String, Vec<(usize, usize)>>,
    by_lower: FxHashMap<String, Vec<(usize, usize)>>,
    other_patterns: Vec<(usize, usize)>,
    lemma_rules: BTreeMap<String, Vec<(String, String)>>,
    /// `lemma_index`: `{part of speech}\0{word}`, read where it lies in the binary.
    lemma_index: fst::Set<&'static [u8]>,
    /// `lemma_exc`: `{part of speech}\0{word}` → the range of `exception_lemmas` with its lemmas.
    lemma_exc: fst::Map<&'static [u8]>,
    /// The lemmas of `lemma_exc`, each followed by `\0`.
    exception_lemmas: &'static str,
    /// The parts of speech with words in `lemma_index`, and in `lemma_exc`.
    index_parts: FxHashSet<String>,
    exception_parts: FxHashSet<String>,
}

#[derive(Deserialize)]
struct RulerTable {
    patterns: Vec<RulerEntry>,
}

#[derive(Deserialize)]
struct RulerEntry {
    patterns: Vec<Vec<HashMap<String, Value>>>,
    attrs: HashMap<String, String>,
    #[serde(default)]
    index: isize,
}

impl Lemmatizer {
    /// The attribute ruler and lemmatizer of `en_core_web_sm` 3.8.0 (`attribute_ruler.json`,
    /// `lemmatizer.json`, compiled in).
    ///
    /// # Errors
    ///
    /// A [`ModelError`] naming the table when it does not parse or uses a matcher feature this
    /// port does not implement (operators such as `OP`, other attributes, another lemmatizer mode).
    pub fn english() -> Result<Lemmatizer, ModelError> {
        let tables = LemmaTables {
            index: compiled::INDEX,
            exceptions: compiled::EXCEPTIONS,
            lemmas: compiled::LEMMAS,
            rest: compiled::REST,
        };
        Lemmatizer::from_tables(ATTRIBUTE_RULER_JSON, tables)
    }

    fn from_tables(
        ruler_json: &str,
        tables: LemmaTables<&'static [u8]>,
    ) -> Result<Lemmatizer, ModelError> {
        let ruler: RulerTable = serde_json::from_str(ruler_json)
            .map_err(|error| ModelError::new("attribute_ruler.json", error.to_string()))?;
        let rules = ruler
            .patterns
            .into_iter()
            .enumerate()
            .map(|(number, entry)| {
                parse_rule(entry).map_err(|message| {
                    ModelError::new(format!("attribute_ruler.json: pattern {number}"), message)
                })
            })
            .collect::<Result<Vec<Rule>, ModelError>>()?;
        let table_error = |error: &dyn std::fmt::Display| {
            ModelError::new("lemmatizer.json", format!("compiled tables: {error}"))
        };
        let rest: Rest = serde_json::from_slice(tables.rest).map_err(|e| table_error(&e))?;
        if rest.mode != "rule" {
            return Err(ModelError::new(
                "lemmatizer.json",
                format!("mode {:?} is not supported, only \"rule\"", rest.mode),
            ));
        }
        let mut by_tag: FxHashMap<String, Vec<(usize, usize)>> = FxHashMap::default();
        let mut by_lower: FxHashMap<String, Vec<(usize, usize)>> = FxHashMap::default();
        let mut other_patterns = Vec::new();
        for (rule_number, rule) in rules.iter().enumerate() {
            for (pattern_number, pattern) in rule.patterns.iter().enumerate() {
                let required = |wanted: Attr| {
                    pattern.first()?.iter().find_map(|(attr, predicate)| match predicate {
                        Predicate::Equals(value) if *attr == wanted => Some(value.clone()),
                        _ => None,
                    })
                };
                let entry = (rule_number, pattern_number);
                if let Some(tag) = required(Attr::Tag) {
                    by_tag.entry(tag).or_default().push(entry);
                } else if let Some(lower) = required(Attr::Lower) {
                    by_lower.entry(lower).or_default().push(entry);
                } else {
                    other_patterns.push(entry);
                }
            }
        }
        Ok(Lemmatizer {
            rules,
            by_tag,
            by_lower,
            other_patterns,
            lemma_rules: rest.lemma_rules,
            lemma_index: fst::Set::new(tables.index).map_err(|e| table_error(&e))?,
            lemma_exc: fst::Map::new(tables.exceptions).map_err(|e| table_error(&e))?,
            exception_lemmas: std::str::from_utf8(tables.lemmas).map_err(|e| table_error(&e))?,
            index_parts: rest.index_parts.into_iter().collect(),
            exception_parts: rest.exception_parts.into_iter().collect(),
        })
    }

    /// The part of speech and lemma of each token of one document, as spaCy's attribute ruler
    /// and lemmatizer give them after the tagger (`tags`) and the parser (`deps`).
    ///
    /// `words`, `tags` and `deps` are parallel; a missing tag or label counts as `""`.
    pub fn analyse(
        &self,
        words: &[&str],
        tags: &[&str],
        deps: &[&str],
    ) -> Vec<(&'static str, String)> {
        self.analyse_tokens(words, tags, deps)
            .into_iter()
            .map(|analysis| (analysis.pos, analysis.lemma))
            .collect()
    }

    /// Like [`Lemmatizer::analyse`], with the morphological features and the tag and label
    /// changes the ruler makes (white space: tag `_SP`, label `dep`).
    pub fn analyse_tokens<'a>(
        &'a self,
        words: &[&str],
        tags: &[&str],
        deps: &[&str],
    ) -> Vec<Analysis<'a>> {
        let n = words.len();
        let tag_of = |i: usize| tags.get(i).copied().unwrap_or("");
        let dep_of = |i: usize| deps.get(i).copied().unwrap_or("");
        let lowers: Vec<String> = words.iter().map(|word| word.to_lowercase()).collect();
        let value = |attr: Attr, i: usize| -> Value_<'_> {
            match attr {
                Attr::Tag => Value_::Str(tag_of(i)),
                Attr::Lower => Value_::Str(&lowers[i]),
                Attr::Orth => Value_::Str(words[i]),
                Attr::Dep => Value_::Str(dep_of(i)),
                // The ruler's patterns see the parts of speech before the ruler: none.
                Attr::Pos => Value_::Str(""),
                Attr::IsSpace => {
                    Value_::Bool(!words[i].is_empty() && words[i].chars().all(is_python_space))
                }
            }
        };
        let mut pos: Vec<&'static str> = vec![""; n];
        let mut morph: Vec<&'a str> = vec![""; n];
        let mut lemma: Vec<Option<&'a str>> = vec![None; n];
        let mut new_tag: Vec<Option<&'a str>> = vec![None; n];
        let mut new_dep: Vec<Option<&'a str>> = vec![None; n];
        // spaCy matches every pattern on the unchanged document, then applies the matches sorted
        // by rule number (later rules win), then by start and end.
        let mut matches: Vec<(usize, usize, usize)> = Vec::new();
        for (start, lower) in lowers.iter().enumerate() {
            let candidates = self
                .by_tag
                .get(tag_of(start))
                .into_iter()
                .flatten()
                .chain(self.by_lower.get(lower.as_str()).into_iter().flatten())
                .chain(&self.other_patterns);
            for &(rule_number, pattern_number) in candidates {
                let pattern = &self.rules[rule_number].patterns[pattern_number];
                if start + pattern.len() > n {
                    continue;
                }
                let matched = pattern.iter().enumerate().all(|(offset, tests)| {
                    tests
                        .iter()
                        .all(|(attr, predicate)| predicate.accepts(&value(*attr, start + offset)))
                });
                if matched {
                    matches.push((rule_number, start, start + pattern.len()));
                }
            }
        }
        matches.sort_unstable();
        matches.dedup();
        for (rule_number, start, end) in matches {
            let rule = &self.rules[rule_number];
            let length = (end - start) as isize;
            let offset = if rule.index < 0 { length + rule.index } else { rule.index };
            if offset < 0 || offset >= length {
                // spaCy raises an error for such a rule; the model has none, so skip it.
                continue;
            }
            let i = start + offset as usize;
            if let Some(value) = rule.pos {
                pos[i] = value;
            }
            if let Some(value) = &rule.morph {
                morph[i] = value;
            }
            if let Some(value) = &rule.lemma {
                lemma[i] = Some(value);
            }
            if let Some(value) = &rule.tag {
                new_tag[i] = Some(value);
            }
            if let Some(value) = &rule.dep {
                new_dep[i] = Some(value);
            }
        }
        (0..n)
            .map(|i| Analysis {
                pos: pos[i],
                lemma: match lemma[i] {
                    Some(value) => value.to_string(),
                    None => self.lemmatize(words[i], pos[i], morph[i]),
                },
                morph: morph[i],
                tag: new_tag[i],
                dep: new_dep[i],
            })
            .collect()
    }

    /// The lemmas `lemma_exc` gives a lowercase word of a part of speech.
    fn exceptions(&self, univ_pos: &str, word: &str) -> Option<Vec<&'static str>> {
        let range = self.lemma_exc.get(key(univ_pos, word))?;
        let (start, end) =
            (usize::try_from(range >> 32).ok()?, usize::try_from(range & 0xFFFF_FFFF).ok()?);
        Some(self.exception_lemmas.get(start..end)?.split_terminator('\0').collect())
    }

    /// spaCy's `Lemmatizer.rule_lemmatize(token)[0]` with the English `is_base_form`.
    fn lemmatize(&self, word: &str, pos: &'static str, morph: &str) -> String {
        let univ_pos = lowercase_pos(pos);
        if univ_pos.is_empty() || univ_pos == "eol" || univ_pos == "space" {
            return word.to_lowercase();
        }
        if is_base_form(univ_pos, morph) {
            return word.to_lowercase();
        }
        let has_index = self.index_parts.contains(univ_pos);
        let has_exceptions = self.exception_parts.contains(univ_pos);
        let rules = self.lemma_rules.get(univ_pos);
        // Python's `any((index, exc, rules))`: an empty table counts as missing.
        if !has_index && !has_exceptions && rules.is_none_or(Vec::is_empty) {
            return if univ_pos == "propn" { word.to_string() } else { word.to_lowercase() };
        }
        let in_index = |form: &str| has_index && self.lemma_index.contains(key(univ_pos, form));
        let string = word.to_lowercase();
        let mut forms: Vec<String> = Vec::new();
        let mut oov_forms: Vec<String> = Vec::new();
        for (old, new) in rules.map(Vec::as_slice).unwrap_or_default() {
            let Some(stem) = string.strip_suffix(old.as_str()) else {
                continue;
            };
            let form = format!("{stem}{new}");
            if form.is_empty() {
                continue;
            }
            if in_index(&form) {
                forms.insert(0, form);
            } else if !is_python_alpha(&form) {
                forms.push(form);
            } else {
                oov_forms.push(form);
            }
        }
        // `list(dict.fromkeys(forms))`: duplicates out, first occurrence kept.
        let mut seen = FxHashSet::default();
        forms.retain(|form| seen.insert(form.clone()));
        if let Some(exception_forms) =
            has_exceptions.then(|| self.exceptions(univ_pos, &string)).flatten()
        {
            for form in exception_forms {
                if !forms.iter().any(|known| known == form) {
                    forms.insert(0, form.to_string());
                }
            }
        }
        if forms.is_empty() {
            forms = oov_forms;
        }
        forms.into_iter().next().unwrap_or_else(|| word.to_string())
    }
}

/// A part of speech in lowercase, as the lemmatizer's tables name them.
fn lowercase_pos(pos: &'static str) -> &'static str {
    const LOWERCASE: [&str; 21] = [
        "", "adj", "adp", "adv", "aux", "conj", "cconj", "det", "intj", "noun", "num", "part",
        "pron", "propn", "punct", "sconj", "sym", "verb", "x", "eol", "space",
    ];
    POS_NAMES.iter().position(|name| *name == pos).map_or("", |index| LOWERCASE[index])
}

/// spaCy's `EnglishLemmatizer.is_base_form`.
fn is_base_form(univ_pos: &str, morph: &str) -> bool {
    let feature =
        |name: &str| morph.split('|').find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='));
    let verb_form = feature("VerbForm");
    if univ_pos == "noun" && feature("Number") == Some("Sing") {
        return true;
    }
    if univ_pos == "verb" && verb_form == Some("Inf") {
        return true;
    }
    if univ_pos == "verb"
        && verb_form == Some("Fin")
        && feature("Tense") == Some("Pres")
        && feature("Number").is_none()
    {
        return true;
    }
    if univ_pos == "adj" && feature("Degree") == Some("Pos") {
        return true;
    }
    // spaCy compares with the string "None" here, which no feature value is; kept as is.
    verb_form == Some("Inf") || verb_form == Some("None") || feature("Degree") == Some("Pos")
}

/// Python's `str.isalpha`: not empty, every character a letter (categories L*). Rust's
/// `char::is_alphabetic` also admits letter numbers (Nl) and some marks and symbols
/// (`Other_Alphabetic`); those are excluded here.
fn is_python_alpha(string: &str) -> bool {
    !string.is_empty()
        && string.chars().all(|c| {
            c.is_alphabetic()
                && !unicode_normalization::char::is_combining_mark(c)
                && !matches!(c,
                    '\u{16EE}'..='\u{16F0}' | '\u{2160}'..='\u{2188}' | '\u{3007}'
                    | '\u{3021}'..='\u{3029}' | '\u{3038}'..='\u{303A}' | '\u{A6E6}'..='\u{A6EF}'
                    | '\u{24B6}'..='\u{24E9}' | '\u{1F130}'..='\u{1F189}' | '\u{0345}')
        })
}

/// An attribute's value for one token.
enum Value_<'a> {
    Str(&'a str),
    Bool(bool),
}

impl Predicate {
    fn accepts(&self, value: &Value_<'_>) -> bool {
        match (self, value) {
            (Predicate::Bool(expected), Value_::Bool(actual)) => expected == actual,
            (Predicate::Equals(expected), Value_::Str(actual)) => expected == actual,
            (Predicate::In(options), Value_::Str(actual)) => options.iter().any(|o| o == actual),
            (Predicate::NotIn(options), Value_::Str(actual)) => options.iter().all(|o| o != actual),
            (Predicate::Regex(regex), Value_::Str(actual)) => {
                matches!(regex.is_match(actual), Ok(true))
            }
            _ => false,
        }
    }
}

fn parse_rule(entry: RulerEntry) -> Result<Rule, String> {
    let mut patterns = Vec::with_capacity(entry.patterns.len());
    for pattern in entry.patterns {
        if pattern.is_empty() {
            return Err("an empty pattern".to_string());
        }
        let mut tokens = Vec::with_capacity(pattern.len());
        for token in pattern {
            let mut tests = Vec::with_capacity(token.len());
            for (name, value) in token {
                tests.push(parse_test(&name, &value)?);
            }
            tokens.push(tests);
        }
        patterns.push(tokens);
    }
    let mut rule = Rule {
        patterns,
        index: entry.index,
        pos: None,
        morph: None,
        lemma: None,
        tag: None,
        dep: None,
    };
    for (name, value) in entry.attrs {
        match name.as_str() {
            "POS" => {
                rule.pos = Some(
                    POS_NAMES
                        .iter()
                        .copied()
                        .find(|known| *known == value)
                        .ok_or_else(|| format!("unknown part of speech {value:?}"))?,
                );
            }
            // spaCy's empty morphology is written "_".
            "MORPH" => rule.morph = Some(if value == "_" { String::new() } else { value }),
            "LEMMA" => rule.lemma = Some(value),
            "TAG" => rule.tag = Some(value),
            "DEP" => rule.dep = Some(value),
            _ => return Err(format!("setting {name} is not supported")),
        }
    }
    Ok(rule)
}

fn parse_test(name: &str, value: &Value) -> Result<(Attr, Predicate), String> {
    let attr = match name {
        "TAG" => Attr::Tag,
        "LOWER" => Attr::Lower,
        "ORTH" | "TEXT" => Attr::Orth,
        "DEP" => Attr::Dep,
        "POS" => Attr::Pos,
        "IS_SPACE" => Attr::IsSpace,
        _ => return Err(format!("token attribute {name} is not supported")),
    };
    let strings = |list: &Value| -> Result<Vec<String>, String> {
        list.as_array()
            .ok_or_else(|| format!("{name}: expected a list"))?
            .iter()
            .map(|item| {
                item.as_str().map(str::to_string).ok_or_else(|| format!("{name}: not a string"))
            })
            .collect()
    };
    let predicate = match value {
        Value::String(text) if attr != Attr::IsSpace => Predicate::Equals(text.clone()),
        Value::Bool(flag) if attr == Attr::IsSpace => Predicate::Bool(*flag),
        Value::Object(map) if map.len() == 1 && attr != Attr::IsSpace => {
            let (operator, argument) = map.iter().next().ok_or("empty test")?;
            match operator.as_str() {
                "IN" => Predicate::In(strings(argument)?),
                "NOT_IN" => Predicate::NotIn(strings(argument)?),
                "REGEX" => {
                    let pattern = argument.as_str().ok_or("REGEX: not a string")?;
                    let translated = translate_python_pattern(pattern)?;
                    Predicate::Regex(Regex::new(&translated).map_err(|error| error.to_string())?)
                }
                _ => return Err(format!("{name}: operator {operator} is not supported")),
            }
        }
        _ => return Err(format!("{name}: unsupported value {value}")),
    };
    Ok((attr, predicate))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lemmatizer() -> Lemmatizer {
        Lemmatizer::english().unwrap_or_else(|error| panic!("{error}"))
    }

    /// The build script's tables are those of `lemmatizer.json`, and give every word and lemma
    /// the file gives.
    #[test]
    fn compiled_tables_are_those_of_the_file() {
        let json = include_str!("../../data/models/en_core_web_sm-3.8.0/lemmatizer.json");
        let tables = LemmaTables::compile(json).unwrap_or_else(|error| panic!("{error}"));
        let compiled = LemmaTables {
            index: compiled::INDEX.to_vec(),
            exceptions: compiled::EXCEPTIONS.to_vec(),
            lemmas: compiled::LEMMAS.to_vec(),
            rest: compiled::REST.to_vec(),
        };
        assert!(tables == compiled);
        let lemmatizer = lemmatizer();
        let file: Value = serde_json::from_str(json).unwrap_or_default();
        let tables = &file["tables"];
        let mut words = 0;
        for (part, list) in tables["lemma_index"].as_object().into_iter().flatten() {
            for word in list.as_array().into_iter().flatten().filter_map(Value::as_str) {
                assert!(lemmatizer.lemma_index.contains(key(part, word)), "{part} {word}");
                words += 1;
            }
            assert!(lemmatizer.index_parts.contains(part.as_str()));
        }
        for (part, table) in tables["lemma_exc"].as_object().into_iter().flatten() {
            for (word, forms) in table.as_object().into_iter().flatten() {
                let forms: Vec<&str> =
                    forms.as_array().into_iter().flatten().filter_map(Value::as_str).collect();
                assert_eq!(lemmatizer.exceptions(part, word), Some(forms), "{part} {word}");
                words += 1;
            }
            assert!(lemmatizer.exception_parts.contains(part.as_str()));
        }
        assert!(words > 90_000, "{words}");
        assert_eq!(lemmatizer.exceptions("noun", "no such word"), None);
        assert!(!lemmatizer.lemma_index.contains(key("noun", "no such word")));
        let rules: FxHashMap<String, Vec<(String, String)>> =
            serde_json::from_value(tables["lemma_rules"].clone()).unwrap_or_default();
        assert_eq!(lemmatizer.lemma_rules.clone().into_iter().collect::<FxHashMap<_, _>>(), rules);
    }

    /// Word, tag, label, part of speech, lemma.
    type Row = (&'static str, &'static str, &'static str, &'static str, &'static str);

    /// Sentences analysed by spaCy 3.8.18 with `en_core_web_sm` 3.8.0: word, tag, label (from
    /// the tagger and parser), then the part of speech and lemma spaCy gives.
    #[test]
    fn analyses_like_spacy() {
        let documents: &[&[Row]] = &[
            &[
                ("The", "DT", "det", "DET", "the"),
                ("children", "NNS", "nsubj", "NOUN", "child"),
                ("were", "VBD", "aux", "AUX", "be"),
                ("running", "VBG", "ROOT", "VERB", "run"),
                ("faster", "RBR", "advmod", "ADV", "fast"),
                ("than", "IN", "prep", "ADP", "than"),
                ("their", "PRP$", "poss", "PRON", "their"),
                ("better", "RBR", "advmod", "ADV", "well"),
                ("-", "HYPH", "punct", "PUNCT", "-"),
                ("known", "VBN", "amod", "VERB", "know"),
                ("rivals", "NNS", "pobj", "NOUN", "rival"),
                (".", ".", "punct", "PUNCT", "."),
            ],
            &[
                ("I", "PRP", "nsubj", "PRON", "I"),
                ("ai", "VBP", "aux", "AUX", "be"),
                ("n't", "RB", "neg", "PART", "not"),
                ("gon", "VBG", "ROOT", "VERB", "go"),
                ("na", "TO", "aux", "PART", "to"),
                ("let", "VB", "xcomp", "VERB", "let"),
                ("'s", "PRP", "nsubj", "PRON", "us"),
                ("go", "VB", "ccomp", "VERB", "go"),
                (",", ",", "punct", "PUNCT", ","),
                ("y", "NNP", "dep", "PROPN", "y"),
                ("'", "''", "punct", "PUNCT", "'"),
                ("all", "DT", "advmod", "PRON", "all"),
                (".", ".", "punct", "PUNCT", "."),
            ],
            &[
                ("She", "PRP", "nsubjpass", "PRON", "she"),
                ("'s", "VBZ", "auxpass", "AUX", "be"),
                ("been", "VBN", "ROOT", "AUX", "be"),
                ("there", "RB", "advmod", "ADV", "there"),
                ("before", "RB", "advmod", "ADV", "before"),
                (",", ",", "punct", "PUNCT", ","),
                ("has", "VBZ", "dep", "AUX", "have"),
                ("n't", "RB", "neg", "PART", "not"),
                ("she", "PRP", "nsubj", "PRON", "she"),
                ("?", ".", "punct", "PUNCT", "?"),
            ],
            &[
                ("There", "EX", "expl", "PRON", "there"),
                ("are", "VBP", "ROOT", "VERB", "be"),
                ("3", "CD", "nummod", "NUM", "3"),
                ("mice", "NNS", "attr", "NOUN", "mouse"),
                ("and", "CC", "cc", "CCONJ", "and"),
                ("2", "CD", "nummod", "NUM", "2"),
                ("geese", "JJ", "conj", "ADJ", "geese"),
                ("in", "IN", "prep", "ADP", "in"),
                ("the", "DT", "det", "DET", "the"),
                ("U.S.", "NNP", "compound", "PROPN", "U.S."),
                ("labs", "NNS", "pobj", "NOUN", "lab"),
                (".", ".", "punct", "PUNCT", "."),
            ],
            &[
                ("He", "PRP", "nsubj", "PRON", "he"),
                ("did", "VBD", "ROOT", "VERB", "do"),
                ("it", "PRP", "dobj", "PRON", "it"),
                ("but", "CC", "cc", "CCONJ", "but"),
                ("did", "VBD", "aux", "AUX", "do"),
                ("not", "RB", "neg", "PART", "not"),
                ("say", "VB", "conj", "VERB", "say"),
                ("“", "``", "punct", "PUNCT", "\""),
                ("why", "WRB", "advmod", "SCONJ", "why"),
                ("”", "''", "punct", "PUNCT", "\""),
                (".", ".", "punct", "PUNCT", "."),
            ],
            &[
                ("We", "PRP", "nsubj", "PRON", "we"),
                ("got", "VBD", "ROOT", "VERB", "get"),
                ("ta", "TO", "aux", "PART", "to"),
                ("go", "VB", "xcomp", "VERB", "go"),
                (".", ".", "punct", "PUNCT", "."),
                ("\n\n", "_SP", "dep", "SPACE", "\n\n"),
                ("They", "PRP", "nsubj", "PRON", "they"),
                ("were", "VBD", "ROOT", "AUX", "be"),
                ("\"", "``", "punct", "PUNCT", "\""),
                ("absolutely", "RB", "advmod", "ADV", "absolutely"),
                ("\"", "''", "punct", "PUNCT", "\""),
                ("sure", "JJ", "acomp", "ADJ", "sure"),
                (".", ".", "punct", "PUNCT", "."),
            ],
            &[
                ("The", "DT", "det", "DET", "the"),
                ("best", "JJS", "amod", "ADJ", "good"),
                ("players", "NNS", "nsubj", "NOUN", "player"),
                ("had", "VBD", "ccomp", "VERB", "have"),
                ("worse", "JJR", "amod", "ADJ", "bad"),
                ("luck", "NN", "dobj", "NOUN", "luck"),
                (";", ":", "punct", "PUNCT", ";"),
                ("it", "PRP", "nsubj", "PRON", "it"),
                ("is", "VBZ", "ROOT", "AUX", "be"),
                ("what", "WP", "attr", "PRON", "what"),
                ("it", "PRP", "nsubj", "PRON", "it"),
                ("is", "VBZ", "ccomp", "AUX", "be"),
                (".", ".", "punct", "PUNCT", "."),
            ],
        ];
        let lemmatizer = lemmatizer();
        let mut failures = Vec::new();
        for document in documents {
            let words: Vec<&str> = document.iter().map(|token| token.0).collect();
            let tags: Vec<&str> = document.iter().map(|token| token.1).collect();
            let deps: Vec<&str> = document.iter().map(|token| token.2).collect();
            for (token, got) in document.iter().zip(lemmatizer.analyse(&words, &tags, &deps)) {
                if (token.3, token.4) != (got.0, got.1.as_str()) {
                    failures.push(format!("{token:?}: we {got:?}"));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// White space the tagger did not tag `_SP` is retagged, and its label becomes `dep`; a
    /// word tagged `_SP` is `X` (spaCy 3.8 on a `Doc` built with these tags and labels).
    #[test]
    fn white_space_is_retagged() {
        let lemmatizer = lemmatizer();
        let analysis = lemmatizer.analyse_tokens(
            &["Hello", "\n", "world", "x"],
            &["UH", "NN", "NN", "_SP"],
            &["ROOT", "dep", "dep", "dep"],
        );
        let got: Vec<_> =
            analysis.iter().map(|a| (a.pos, a.lemma.as_str(), a.morph, a.tag, a.dep)).collect();
        assert_eq!(
            got,
            [
                ("INTJ", "hello", "", None, None),
                ("SPACE", "\n", "", Some("_SP"), Some("dep")),
                ("NOUN", "world", "Number=Sing", None, None),
                ("X", "x", "", None, None),
            ]
        );
    }

    #[test]
    fn bad_input_does_not_panic() {
        let lemmatizer = lemmatizer();
        assert!(lemmatizer.analyse(&[], &[], &[]).is_empty());
        // Missing tags and labels count as empty: no part of speech, the lowercase word.
        assert_eq!(
            lemmatizer.analyse(&["Ai", "n't"], &["VBP"], &[]),
            [("VERB", "be".to_string()), ("", "n't".to_string())]
        );
        let odd = ["\u{0}", "\u{202e}", "𝔘𝔫𝔦", "ǅ", "İ", ""];
        let analysis = lemmatizer.analyse(&odd, &["NNS"; 6], &["dep"; 6]);
        assert_eq!(analysis.len(), odd.len());
    }

    #[test]
    fn python_alpha_excludes_numbers_and_marks() {
        assert!(is_python_alpha("abc"));
        assert!(is_python_alpha("ǅé"));
        assert!(!is_python_alpha(""));
        assert!(!is_python_alpha("a1"));
        assert!(!is_python_alpha("Ⅻ"));
        assert!(!is_python_alpha("e\u{301}"));
    }
}
