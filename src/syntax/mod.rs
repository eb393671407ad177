//! The syntactic layer: a port of spaCy's `en_core_web_sm` 3.8.0 (tokenizer, tagger, lemmatizer,
//! dependency parser, named-entity recogniser), giving the same analysis as spaCy.
//!
//! Stages, one module each (spaCy's components, thinc's layers):
//! - [`tokenizer`]: text → tokens (prefix/suffix/infix rules, special cases, URLs);
//! - `features`: lexical attributes (NORM, PREFIX, SUFFIX, SHAPE, SPACY, IS_SPACE) and string ids;
//! - `layers`, `tok2vec`: HashEmbed, Maxout, LayerNorm, the window encoder;
//! - `tagger`, `lemmatizer` (with the attribute ruler), `parser` + `arc_eager`, `ner` + `biluo`;
//! - `model`: the weights and tables of `data/models/en_core_web_sm-3.8.0/`, checked at load;
//! - [`doc`]: the output.
//!
//! The weights are spaCy's, exported by `scripts/spacy/export.sh` (MIT licence, Explosion AI).

mod affixes;
mod arc_eager;
mod biluo;
mod conllu;
pub mod doc;
mod error;
mod features;
mod layers;
mod lemma_tables;
pub mod lemmatizer;
mod model;
mod ner;
mod parser;
mod pipeline;
mod tagger;
mod tok2vec;
pub mod tokenizer;

pub use conllu::write_conllu;
pub use doc::{Doc, Entity, Token};
pub use error::ModelError;
pub use model::{Analysis, Model};
pub use pipeline::{Parser, TEXT_TOKEN_COST};
pub use tokenizer::RawToken;
