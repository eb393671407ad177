//! The model: spaCy's `en_core_web_sm` 3.8.0 weights and tables, embedded in the binary and
//! checked once at load, and [`Model::analyse`], which runs tok2vec, tagger, parser and NER.
//!
//! Every tensor is looked up by name in `tensors.json` and its shape compared with what its
//! layer expects (dimensions from the architecture block and the label lists), so a wrong or
//! damaged file fails at load with the tensor's name, never in the middle of a text.

use super::error::ModelError;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use ndarray::{Array2, ArrayView2};
use serde::Deserialize;

use super::arc_eager::{self, Move};
use super::biluo;
use super::features::{self, AttributeIds, Lexical, N_ATTRS};
use super::layers::{HashEmbed, LayerNorm, Linear, Matrix, Maxout, Vector};
use super::ner::EntityRecognizer;
use super::parser::ParserModel;
use super::tagger::Tagger;
use super::tok2vec::Tok2Vec;
use super::tokenizer::RawToken;

const TENSORS_JSON: &str = include_str!("../../data/models/en_core_web_sm-3.8.0/tensors.json");
/// `weights.bin`, aligned for `f32` so that the model can read its weights where they lie.
const WEIGHTS_BIN: &Aligned<[u8]> =
    &Aligned(*include_bytes!("../../data/models/en_core_web_sm-3.8.0/weights.bin"));
const LABELS_JSON: &str = include_str!("../../data/models/en_core_web_sm-3.8.0/labels.json");
const LEXICAL_JSON: &str = include_str!("../../data/models/en_core_web_sm-3.8.0/lexical.json");

/// Width of the tok2vec vectors.
const WIDTH: usize = 96;
/// Maxout pieces of the tok2vec layers.
const PIECES: usize = 3;

/// Bytes with the alignment of an `f32`.
#[repr(C, align(4))]
struct Aligned<Bytes: ?Sized>(Bytes);

fn file_error(file: &'static str, message: impl ToString) -> ModelError {
    ModelError::File { file, message: message.to_string() }
}

/// The analysis of one document's tokens (one entry per token, token indices throughout).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analysis {
    /// Penn Treebank tag of each token (spaCy's `tag_`).
    pub tags: Vec<&'static str>,
    /// Head of each token; a sentence's root is its own head.
    pub heads: Vec<usize>,
    /// Dependency label of each token; `ROOT` for roots.
    pub deps: Vec<&'static str>,
    /// Whether each token starts a sentence.
    pub sent_starts: Vec<bool>,
    /// Entities: `(first token, one past the last token, label)`, in order, never overlapping.
    pub entities: Vec<(usize, usize, &'static str)>,
}

/// spaCy's `en_core_web_sm` 3.8.0 tagger, dependency parser and entity recogniser.
///
/// It gives the same analysis as spaCy for the same tokens: same tags, heads, labels, sentences
/// and entities (the conformance test compares it with spaCy's own analysis of 98,000 tokens).
///
/// ```
/// use newsgraph::syntax::{Model, RawToken};
///
/// let text = "The court ruled against Russia.";
/// let token = |start, end, space_after| RawToken { start, end, space_after, norm: None };
/// let tokens = [token(0, 3, true), token(4, 9, true), token(10, 15, true), token(16, 23, true), token(24, 30, false), token(30, 31, false)];
/// let analysis = Model::english()?.analyse(text, &tokens, true);
/// assert_eq!(analysis.tags, ["DT", "NN", "VBD", "IN", "NNP", "."]);
/// assert_eq!(analysis.heads, [1, 2, 2, 2, 3, 2]);
/// assert_eq!(analysis.deps, ["det", "nsubj", "ROOT", "prep", "pobj", "punct"]);
/// assert_eq!(analysis.entities, [(4, 5, "GPE")]);
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Model {
    lexical: Lexical,
    tok2vec: Tok2Vec,
    tagger: Tagger,
    parser: ParserModel,
    parser_moves: Vec<Move>,
    ner: EntityRecognizer,
}

impl Model {
    /// The English model, loaded on first use from the weights embedded in the binary.
    ///
    /// # Errors
    /// [`ModelError`] if the embedded files are inconsistent (a build from damaged data).
    pub fn english() -> Result<&'static Model, ModelError> {
        static MODEL: OnceLock<Result<Model, String>> = OnceLock::new();
        match MODEL.get_or_init(|| {
            // The weights are read where they lie in the binary: 12.7 MB neither copied nor
            // decoded (on a big-endian machine, where the bytes are not the `f32`s, they are).
            let values = match borrow_values(&WEIGHTS_BIN.0) {
                Some(values) => Cow::Borrowed(values),
                None => Cow::Owned(decode_values(&WEIGHTS_BIN.0).map_err(|e| e.to_string())?),
            };
            Model::from_values(TENSORS_JSON, values, LABELS_JSON, LEXICAL_JSON)
                .map_err(|error| error.to_string())
        }) {
            Ok(model) => Ok(model),
            Err(message) => Err(file_error("en_core_web_sm-3.8.0", message)),
        }
    }

    /// Loads a model from the contents of its files (`tensors.json`, `weights.bin`,
    /// `labels.json`, `lexical.json`), checking every tensor.
    ///
    /// # Errors
    /// [`ModelError`] naming the file or the tensor that does not fit.
    pub fn from_files(
        tensors_json: &str,
        weights_bin: &[u8],
        labels_json: &'static str,
        lexical_json: &str,
    ) -> Result<Model, ModelError> {
        let values = decode_values(weights_bin)?;
        Model::from_values(tensors_json, Cow::Owned(values), labels_json, lexical_json)
    }

    /// [`Model::from_files`] with the values of `weights.bin`.
    fn from_values(
        tensors_json: &str,
        values: Cow<'static, [f32]>,
        labels_json: &'static str,
        lexical_json: &str,
    ) -> Result<Model, ModelError> {
        let weights = Weights::new(tensors_json, values)?;
        let labels: Labels<'static> =
            serde_json::from_str(labels_json).map_err(|error| file_error("labels.json", error))?;
        let lexical = load_lexical(lexical_json)?;
        let architecture = &weights.architecture;

        let tok2vec = load_tok2vec(&weights, &architecture.tok2vec)?;
        let tagger = Tagger {
            output: weights.linear("tagger", labels.tagger.len(), WIDTH)?,
            tags: labels.tagger,
        };
        let parser_moves = labels
            .parser_moves
            .iter()
            .map(|name| {
                Move::parse(name).ok_or_else(|| {
                    file_error("labels.json", format!("unknown parser move {name:?}"))
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let parser = load_parser(&weights, "parser", &architecture.parser, parser_moves.len())?;
        let ner_moves = labels
            .ner_moves
            .iter()
            .map(|name| {
                biluo::Move::parse(name)
                    .ok_or_else(|| file_error("labels.json", format!("unknown NER move {name:?}")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let ner = EntityRecognizer {
            tok2vec: load_tok2vec(&weights, &architecture.ner_tok2vec)?,
            model: load_parser(&weights, "ner", &architecture.ner, ner_moves.len())?,
            moves: ner_moves,
        };
        if architecture.parser.n_features != 8 || architecture.ner.n_features != 3 {
            return Err(file_error("tensors.json", "the parser needs nF = 8 and the NER nF = 3"));
        }
        Ok(Model { lexical, tok2vec, tagger, parser, parser_moves, ner })
    }

    /// Tags, heads, labels, sentence starts and (with `with_ner`) entities of one document's
    /// tokens, as spaCy's tagger, parser and NER give them.
    ///
    /// Tokens are byte ranges of `text` (a range that is not one is read as an empty word).
    /// Time and memory are linear in the number of tokens.
    #[must_use]
    pub fn analyse(&self, text: &str, tokens: &[RawToken], with_ner: bool) -> Analysis {
        self.analyse_many(&[(text, tokens)], with_ner).pop().unwrap_or_default()
    }
}

impl Model {
    /// [`Model::analyse`] of several documents, each analysed as it would be alone (the same
    /// analysis, bit for bit), with the matrix products of the tok2vec networks and of the
    /// parsers' lower layers shared: about twice as fast on sentence-sized documents.
    ///
    /// Memory grows with the total number of tokens (about 10 kB a token); callers pass batches
    /// of a few thousand tokens.
    #[must_use]
    pub fn analyse_many(&self, docs: &[(&str, &[RawToken])], with_ner: bool) -> Vec<Analysis> {
        let words: Vec<Vec<&str>> = docs
            .iter()
            .map(|(text, tokens)| {
                tokens.iter().map(|token| text.get(token.start..token.end).unwrap_or("")).collect()
            })
            .collect();
        let ids: Vec<AttributeIds> =
            docs.iter().map(|(text, tokens)| self.lexical.attribute_ids(text, tokens)).collect();
        let id_refs: Vec<&[[u64; N_ATTRS]]> = ids.iter().map(Vec::as_slice).collect();
        let tokvecs = self.tok2vec.forward_many(&id_refs);
        let views: Vec<_> = tokvecs.iter().map(|vectors| vectors.view()).collect();
        let mut caches = self.parser.prepare_many(&views);
        let mut analyses: Vec<Analysis> = tokvecs
            .iter()
            .zip(caches.iter_mut())
            .zip(&words)
            .map(|((tokvecs, cache), words)| {
                if words.is_empty() {
                    return Analysis::default();
                }
                let tags = self.tagger.tag(tokvecs.view());
                let state =
                    arc_eager::parse(&self.parser_moves, words.len(), |features, scores| {
                        self.parser.scores(cache, features, scores);
                    });
                let (heads, deps, sent_starts) = state.finish(words);
                Analysis { tags, heads, deps, sent_starts, entities: Vec::new() }
            })
            .collect();
        drop(caches);
        drop(tokvecs);
        if with_ner {
            let sent_starts: Vec<&[bool]> =
                analyses.iter().map(|analysis| analysis.sent_starts.as_slice()).collect();
            let entities = self.ner.recognise_many(&id_refs, &words, &sent_starts);
            for (analysis, entities) in analyses.iter_mut().zip(entities) {
                analysis.entities = entities;
            }
        }
        analyses
    }
}

#[cfg(test)]
impl Model {
    pub(crate) fn tok2vec_for_tests(&self) -> &Tok2Vec {
        &self.tok2vec
    }
}

#[derive(Deserialize)]
struct Labels<'a> {
    #[serde(borrow)]
    tagger: Vec<&'a str>,
    #[serde(borrow)]
    parser_moves: Vec<&'a str>,
    #[serde(borrow)]
    ner_moves: Vec<&'a str>,
}

#[derive(Deserialize)]
struct LexicalFile {
    base_norms: HashMap<String, String>,
    lexeme_norm: HashMap<String, String>,
    symbols: HashMap<String, u64>,
}

fn load_lexical(json: &str) -> Result<Lexical, ModelError> {
    let file: LexicalFile =
        serde_json::from_str(json).map_err(|error| file_error("lexical.json", error))?;
    let lexeme_norm = file
        .lexeme_norm
        .into_iter()
        .map(|(key, norm)| {
            key.parse::<u64>().map(|key| (key, norm)).map_err(|_| {
                file_error("lexical.json", format!("lexeme_norm key {key:?} is not a string id"))
            })
        })
        .collect::<Result<HashMap<_, _>, _>>()?;
    Ok(Lexical { symbols: file.symbols, base_norms: file.base_norms, lexeme_norm })
}

#[derive(Deserialize)]
struct TensorsFile {
    dtype: String,
    tensors: HashMap<String, TensorEntry>,
    architecture: Architecture,
}

#[derive(Deserialize)]
struct TensorEntry {
    offset: usize,
    shape: Vec<usize>,
}

#[derive(Deserialize)]
struct Architecture {
    tok2vec: Tok2VecArchitecture,
    parser: ParserArchitecture,
    ner_tok2vec: Tok2VecArchitecture,
    ner: ParserArchitecture,
}

#[derive(Deserialize)]
struct Tok2VecArchitecture {
    embed: Vec<EmbedArchitecture>,
    mix: String,
    blocks: Vec<String>,
}

#[derive(Deserialize)]
struct EmbedArchitecture {
    attr: String,
    seed: u32,
    rows: usize,
    tensor: String,
}

#[derive(Deserialize)]
struct ParserArchitecture {
    #[serde(rename = "nF")]
    n_features: usize,
    #[serde(rename = "nO")]
    n_hidden: usize,
    #[serde(rename = "nP")]
    n_pieces: usize,
    #[serde(rename = "nI")]
    n_in: usize,
    unseen_classes: Vec<usize>,
}

/// The values of `weights.bin` as `f32`s where they lie, if the bytes are `f32`s of this
/// machine (little-endian) and aligned for them.
fn borrow_values(weights_bin: &'static [u8]) -> Option<&'static [f32]> {
    if cfg!(target_endian = "big") {
        return None;
    }
    <[f32] as zerocopy::FromBytes>::ref_from_bytes(weights_bin).ok()
}

/// The values of `weights.bin`, little-endian `f32`s.
fn decode_values(weights_bin: &[u8]) -> Result<Vec<f32>, ModelError> {
    if !weights_bin.len().is_multiple_of(4) {
        return Err(file_error(
            "weights.bin",
            format!("{} bytes, not a whole number of f32", weights_bin.len()),
        ));
    }
    Ok(weights_bin
        .chunks_exact(4)
        .map(|bytes| f32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
        .collect())
}

/// The tensors of `weights.bin`, looked up by name with their shapes checked.
struct Weights {
    values: Cow<'static, [f32]>,
    index: HashMap<String, TensorEntry>,
    architecture: Architecture,
}

impl Weights {
    fn new(tensors_json: &str, values: Cow<'static, [f32]>) -> Result<Weights, ModelError> {
        let file: TensorsFile = serde_json::from_str(tensors_json)
            .map_err(|error| file_error("tensors.json", error))?;
        if file.dtype != "f32le" {
            return Err(file_error(
                "tensors.json",
                format!("dtype {:?}, expected \"f32le\"", file.dtype),
            ));
        }
        Ok(Weights { values, index: file.tensors, architecture: file.architecture })
    }

    /// A tensor's values: borrowed when the weights are, else copied.
    fn tensor(&self, name: &str, shape: &[usize]) -> Result<Vector, ModelError> {
        let error = |message: String| ModelError::Tensor { name: name.to_owned(), message };
        let entry =
            self.index.get(name).ok_or_else(|| error("missing from tensors.json".to_owned()))?;
        if entry.shape != shape {
            return Err(error(format!("shape {:?}, expected {shape:?}", entry.shape)));
        }
        let size: usize = shape.iter().product();
        let end = entry.offset.checked_add(size).filter(|end| *end <= self.values.len());
        let Some(end) = end else {
            return Err(error(format!(
                "{size} values at offset {} run past the end of weights.bin ({} values)",
                entry.offset,
                self.values.len()
            )));
        };
        Ok(match &self.values {
            Cow::Borrowed(values) => Cow::Borrowed(&values[entry.offset..end]),
            Cow::Owned(values) => Cow::Owned(values[entry.offset..end].to_vec()),
        })
    }

    fn vector(&self, name: &str, shape: &[usize]) -> Result<Vector, ModelError> {
        self.tensor(name, shape)
    }

    fn matrix(
        &self,
        name: &str,
        shape: &[usize],
        rows: usize,
        columns: usize,
    ) -> Result<Matrix, ModelError> {
        let error = |error: ndarray::ShapeError| ModelError::Tensor {
            name: name.to_owned(),
            message: error.to_string(),
        };
        match self.tensor(name, shape)? {
            Cow::Borrowed(values) => {
                ArrayView2::from_shape((rows, columns), values).map(Matrix::from).map_err(error)
            }
            Cow::Owned(values) => {
                Array2::from_shape_vec((rows, columns), values).map(Matrix::from).map_err(error)
            }
        }
    }

    fn linear(&self, prefix: &str, n_out: usize, n_in: usize) -> Result<Linear, ModelError> {
        Ok(Linear {
            weights: self.matrix(&format!("{prefix}.W"), &[n_out, n_in], n_out, n_in)?,
            bias: self.vector(&format!("{prefix}.b"), &[n_out])?,
        })
    }

    fn maxout(&self, prefix: &str, n_in: usize) -> Result<Maxout, ModelError> {
        Ok(Maxout {
            weights: self.matrix(
                &format!("{prefix}.maxout.W"),
                &[WIDTH, PIECES, n_in],
                WIDTH * PIECES,
                n_in,
            )?,
            bias: self.vector(&format!("{prefix}.maxout.b"), &[WIDTH, PIECES])?,
            pieces: PIECES,
            norm: LayerNorm {
                gain: self.vector(&format!("{prefix}.norm.G"), &[WIDTH])?,
                bias: self.vector(&format!("{prefix}.norm.b"), &[WIDTH])?,
            },
        })
    }
}

fn load_tok2vec(
    weights: &Weights,
    architecture: &Tok2VecArchitecture,
) -> Result<Tok2Vec, ModelError> {
    let mut embeds = Vec::new();
    for embed in &architecture.embed {
        let column = match embed.attr.as_str() {
            "NORM" => features::NORM,
            "PREFIX" => features::PREFIX,
            "SUFFIX" => features::SUFFIX,
            "SHAPE" => features::SHAPE,
            "SPACY" => features::SPACY,
            "IS_SPACE" => features::IS_SPACE,
            other => {
                return Err(file_error("tensors.json", format!("unknown attribute {other:?}")))
            }
        };
        if embed.rows == 0 {
            return Err(file_error(
                "tensors.json",
                format!("embedding {} has no rows", embed.tensor),
            ));
        }
        let table = weights.matrix(&embed.tensor, &[embed.rows, WIDTH], embed.rows, WIDTH)?;
        embeds.push((column, HashEmbed { table, seed: embed.seed }));
    }
    let mix = weights.maxout(&architecture.mix, WIDTH * embeds.len())?;
    let blocks = architecture
        .blocks
        .iter()
        .map(|block| weights.maxout(block, 3 * WIDTH))
        .collect::<Result<Vec<_>, _>>()?;
    if blocks.len() != super::tok2vec::PADDING {
        return Err(file_error(
            "tensors.json",
            format!("{} encoder blocks, expected 4", blocks.len()),
        ));
    }
    Ok(Tok2Vec::new(embeds, mix, blocks, WIDTH))
}

fn load_parser(
    weights: &Weights,
    prefix: &str,
    architecture: &ParserArchitecture,
    n_moves: usize,
) -> Result<ParserModel, ModelError> {
    let ParserArchitecture { n_features, n_hidden, n_pieces, n_in, .. } = *architecture;
    if !architecture.unseen_classes.is_empty() {
        // spaCy gives unseen classes the lowest score of the batch; this model has none.
        return Err(file_error(
            "tensors.json",
            format!("{prefix}: unseen classes are not supported"),
        ));
    }
    if n_pieces == 0 || n_features == 0 {
        return Err(file_error("tensors.json", format!("{prefix}: nP and nF must be positive")));
    }
    let per_token = n_features * n_hidden * n_pieces;
    let upper =
        weights.matrix(&format!("{prefix}.upper.W"), &[n_moves, n_hidden], n_moves, n_hidden)?;
    Ok(ParserModel {
        projection: weights.linear(&format!("{prefix}.proj"), n_in, WIDTH)?,
        lower: weights.matrix(
            &format!("{prefix}.lower.W"),
            &[n_features, n_hidden, n_pieces, n_in],
            per_token,
            n_in,
        )?,
        lower_bias: weights.vector(&format!("{prefix}.lower.b"), &[n_hidden, n_pieces])?,
        pad: weights
            .vector(&format!("{prefix}.lower.pad"), &[1, n_features, n_hidden, n_pieces])?,
        upper_transposed: upper.t().as_standard_layout().into_owned(),
        upper_bias: weights.vector(&format!("{prefix}.upper.b"), &[n_moves])?,
        n_features,
        n_hidden,
        n_pieces,
    })
}

#[cfg(test)]
mod tests {
    //! Each layer against spaCy's own intermediate values (`tests/syntax/layers.json`,
    //! `tests/syntax/steps.json`).
    use super::*;
    use serde_json::Value;

    const LAYERS_JSON: &str = include_str!("../../tests/syntax/layers.json");
    const STEPS_JSON: &str = include_str!("../../tests/syntax/steps.json");
    /// Tokenizer special cases in the texts of layers.json (their NORM is the tokenizer's).
    const SPECIAL_NORMS: [(&str, &str); 2] = [("did", "do"), ("n't", "not")];

    fn model() -> &'static Model {
        match Model::english() {
            Ok(model) => model,
            Err(error) => panic!("{error}"),
        }
    }

    /// The texts of layers.json with their tokens (offsets found in order in the text).
    fn documents() -> Vec<(Value, String, Vec<RawToken>)> {
        let layers: Value = serde_json::from_str(LAYERS_JSON).unwrap_or_default();
        let documents = layers.as_array().cloned().unwrap_or_default();
        assert_eq!(documents.len(), 2);
        documents
            .into_iter()
            .map(|document| {
                let text = document["text"].as_str().unwrap_or_default().to_owned();
                let mut tokens = Vec::new();
                let mut position = 0;
                for word in document["tokens"].as_array().into_iter().flatten() {
                    let word = word.as_str().unwrap_or_default();
                    let start = position + text[position..].find(word).unwrap_or_default();
                    let end = start + word.len();
                    let norm = SPECIAL_NORMS
                        .iter()
                        .find(|(special, _)| *special == word)
                        .map(|(_, norm)| (*norm).to_owned());
                    tokens.push(RawToken {
                        start,
                        end,
                        space_after: text[end..].starts_with(' '),
                        norm,
                    });
                    position = end;
                }
                (document, text, tokens)
            })
            .collect()
    }

    fn matrix(value: &Value) -> Vec<Vec<f32>> {
        value
            .as_array()
            .into_iter()
            .flatten()
            .map(|row| {
                row.as_array()
                    .into_iter()
                    .flatten()
                    .map(|x| x.as_f64().unwrap_or(f64::NAN) as f32)
                    .collect()
            })
            .collect()
    }

    fn assert_close(name: &str, got: &Array2<f32>, expected: &Value) {
        let expected = matrix(expected);
        assert_eq!(got.nrows(), expected.len(), "{name}: rows");
        for (row, expected_row) in got.rows().into_iter().zip(&expected) {
            assert_eq!(row.len(), expected_row.len(), "{name}: columns");
            for (column, (value, expected)) in row.iter().zip(expected_row).enumerate() {
                assert!(
                    (value - expected).abs() < 1e-4,
                    "{name}[{column}]: {value} vs spaCy {expected}"
                );
            }
        }
    }

    #[test]
    fn attribute_ids_are_spacys() {
        let model = model();
        for (document, text, tokens) in documents() {
            let ids = model.lexical.attribute_ids(&text, &tokens);
            for (column, name) in
                ["NORM", "PREFIX", "SUFFIX", "SHAPE", "SPACY", "IS_SPACE"].iter().enumerate()
            {
                let expected: Vec<u64> = document["attr_ids"][name]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|id| id.as_str().and_then(|id| id.parse().ok()).unwrap_or(u64::MAX))
                    .collect();
                let got: Vec<u64> = ids.iter().map(|token| token[column]).collect();
                assert_eq!(got, expected, "{name} of {text:?}");
            }
            // Words that are no special case get spaCy's norm from the tables alone.
            let norms = document["attr_strings"]["NORM"].as_array().cloned().unwrap_or_default();
            for (token, norm) in tokens.iter().zip(norms) {
                if token.norm.is_none() {
                    assert_eq!(
                        model.lexical.norm(&text[token.start..token.end]),
                        norm.as_str().unwrap_or_default()
                    );
                }
            }
        }
    }

    #[test]
    fn hash_keys_are_thincs() {
        let model = model();
        for (document, text, tokens) in documents() {
            let ids = model.lexical.attribute_ids(&text, &tokens);
            for (column, embed) in model.tok2vec.embeds() {
                let name = ["NORM", "PREFIX", "SUFFIX", "SHAPE", "SPACY", "IS_SPACE"][*column];
                let expected: Vec<Vec<u64>> = document["hash_keys"][name]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|keys| {
                        keys.as_array().into_iter().flatten().filter_map(Value::as_u64).collect()
                    })
                    .collect();
                let got: Vec<Vec<u64>> = ids
                    .iter()
                    .map(|token| {
                        features::hash_key(token[*column], embed.seed)
                            .iter()
                            .map(|key| u64::from(*key))
                            .collect()
                    })
                    .collect();
                assert_eq!(got, expected, "{name} of {text:?}");
            }
        }
    }

    #[test]
    fn tok2vec_tagger_and_ner_tok2vec_match_spacy() {
        let model = model();
        for (document, text, tokens) in documents() {
            let ids = model.lexical.attribute_ids(&text, &tokens);
            assert_close("tok2vec embed", &model.tok2vec.embed(&ids), &document["tok2vec_embed"]);
            let tokvecs = model.tok2vec.forward(&ids);
            assert_close("tok2vec", &tokvecs, &document["tok2vec"]);
            assert_close(
                "tagger",
                &model.tagger.scores(tokvecs.view()),
                &document["tagger_scores"],
            );
            assert_close("ner tok2vec", &model.ner.tok2vec.forward(&ids), &document["ner_tok2vec"]);
        }
    }

    #[test]
    fn first_parser_and_ner_steps_match_spacy() {
        let model = model();
        let steps: Value = serde_json::from_str(STEPS_JSON).unwrap_or_default();
        let (_, text, tokens) = documents().swap_remove(0);
        let words: Vec<&str> = tokens.iter().map(|token| &text[token.start..token.end]).collect();
        let ids = model.lexical.attribute_ids(&text, &tokens);
        let tokvecs = model.tok2vec.forward(&ids);
        for component in steps.as_array().into_iter().flatten() {
            let is_parser = component["component"] == "parser";
            let mut got_scores: Vec<Vec<f32>> = Vec::new();
            let mut record = |scores: &[f32]| {
                if got_scores.len() < 3 {
                    got_scores.push(scores.to_vec());
                }
            };
            if is_parser {
                let mut cache = model.parser.prepare(tokvecs.view());
                let _ = arc_eager::parse(&model.parser_moves, tokens.len(), |features, scores| {
                    model.parser.scores(&mut cache, features, scores);
                    record(scores);
                });
            } else {
                let ner_vectors = model.ner.tok2vec.forward(&ids);
                let mut cache = model.ner.model.prepare(ner_vectors.view());
                let mut sent_starts = vec![false; tokens.len()];
                sent_starts[0] = true;
                let _ =
                    biluo::recognise(&model.ner.moves, &sent_starts, &words, |features, scores| {
                        model.ner.model.scores(&mut cache, features, scores);
                        record(scores);
                    });
            }
            for (step, expected) in component["steps"].as_array().into_iter().flatten().enumerate()
            {
                let expected: Vec<f32> = expected["scores"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_f64)
                    .map(|x| x as f32)
                    .collect();
                assert_eq!(got_scores[step].len(), expected.len());
                for (index, (got, expected)) in got_scores[step].iter().zip(&expected).enumerate() {
                    assert!(
                        (got - expected).abs() < 1e-3,
                        "{} step {step} move {index}: {got} vs spaCy {expected}",
                        component["component"]
                    );
                }
            }
        }
    }

    #[test]
    fn a_small_parser_cache_gives_the_same_parse() {
        // Documents longer than the cache recompute evicted chunks: the parse must not change.
        let model = model();
        let (_, text, tokens) = documents().swap_remove(1);
        let tokens: Vec<RawToken> = tokens.iter().cycle().take(tokens.len() * 5).cloned().collect();
        let ids = model.lexical.attribute_ids(&text, &tokens);
        let tokvecs = model.tok2vec.forward(&ids);
        let parse = |chunk, resident| {
            let mut cache = model.parser.prepare_with(tokvecs.view(), chunk, resident);
            let state = arc_eager::parse(&model.parser_moves, tokens.len(), |features, scores| {
                model.parser.scores(&mut cache, features, scores);
            });
            state.finish(&vec!["w"; tokens.len()])
        };
        let whole = parse(1 << 20, 1);
        assert_eq!(parse(3, 2), whole);
        assert_eq!(parse(7, 1), whole);
    }

    #[test]
    fn a_wrong_tensor_is_an_error_naming_it() {
        let tensors = TENSORS_JSON.replacen(
            "\"shape\": [\n    64,\n    96\n   ]",
            "\"shape\": [\n    64,\n    95\n   ]",
            1,
        );
        assert_ne!(tensors, TENSORS_JSON);
        match Model::from_files(&tensors, &WEIGHTS_BIN.0, LABELS_JSON, LEXICAL_JSON) {
            Err(error) => assert_eq!(
                error.to_string(),
                "tensor parser.proj.W: shape [64, 95], expected [64, 96]"
            ),
            Ok(_) => panic!("a wrong shape must not load"),
        }
        match Model::from_files(TENSORS_JSON, &WEIGHTS_BIN.0[..WEIGHTS_BIN.0.len() / 2], LABELS_JSON, LEXICAL_JSON) {
            Err(error) => assert_eq!(
                error.to_string(),
                "tensor parser.upper.W: 6784 values at offset 1643410 run past the end of weights.bin (1593587 values)"
            ),
            Ok(_) => panic!("a truncated weights.bin must not load"),
        }
    }

    #[test]
    fn empty_and_odd_input_do_not_panic() {
        let model = model();
        assert_eq!(model.analyse("", &[], true), Analysis::default());
        let text = "\u{0}\u{1f}  \n";
        let tokens = [
            RawToken { start: 0, end: 1, space_after: false, norm: None },
            RawToken { start: 1, end: 2, space_after: true, norm: None },
            RawToken { start: 3, end: 4, space_after: false, norm: None },
            RawToken { start: 2, end: 99, space_after: false, norm: None },
        ];
        let analysis = model.analyse(text, &tokens, true);
        assert_eq!(analysis.tags.len(), 4);
        assert!(analysis.sent_starts[0]);
    }
}
