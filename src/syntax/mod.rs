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

mod arc_eager;
mod biluo;
pub mod doc;
mod features;
mod layers;
mod model;
mod ner;
mod parser;
mod tagger;
mod tok2vec;
pub mod tokenizer;

pub use doc::{Doc, Entity, Token};
pub use model::{Analysis, Model, ModelError};
pub use tokenizer::RawToken;
