//! Benchmarks of the syntactic layer (spaCy's tagger, parser and NER ported): tokens per second
//! on one core for tag+parse and tag+parse+NER, over the documents of spaCy's reference
//! analysis (`tests/syntax/reference.jsonl`, news and web text) with the reference's tokens.
//!
//! Run with `cargo bench --bench syntax`; compare with `scripts/spacy/speed.py` (spaCy 3.8 on
//! the same tokens). The tokenizer is not included.

use std::sync::LazyLock;

use divan::counter::ItemsCount;
use divan::{black_box, Bencher};
use newsgraph::syntax::{Model, RawToken};
use serde::Deserialize;

const REFERENCE: &str = include_str!("../tests/syntax/reference.jsonl");
/// Documents per sample (the first of the reference: about 20,000 tokens).
const N_DOCUMENTS: usize = 200;

// The same allocator as the `newsgraph` binary.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

#[derive(Deserialize)]
struct Document {
    text: String,
    start: Vec<usize>,
    end: Vec<usize>,
    space: Vec<u8>,
}

/// The documents with their tokens (byte offsets).
static DOCUMENTS: LazyLock<Vec<(String, Vec<RawToken>)>> = LazyLock::new(|| {
    REFERENCE
        .lines()
        .take(N_DOCUMENTS)
        .filter_map(|line| serde_json::from_str::<Document>(line).ok())
        .map(|document| {
            let mut bytes: Vec<usize> =
                document.text.char_indices().map(|(byte, _)| byte).collect();
            bytes.push(document.text.len());
            let tokens = (0..document.start.len())
                .map(|index| RawToken {
                    start: bytes[document.start[index]],
                    end: bytes[document.end[index]],
                    space_after: document.space[index] == 1,
                    norm: None,
                })
                .collect();
            (document.text, tokens)
        })
        .collect()
});

fn run(bencher: Bencher, with_ner: bool) {
    let Ok(model) = Model::english() else { return };
    let n_tokens: usize = DOCUMENTS.iter().map(|(_, tokens)| tokens.len()).sum();
    bencher.counter(ItemsCount::new(n_tokens)).bench(|| {
        DOCUMENTS
            .iter()
            .map(|(text, tokens)| {
                model.analyse(black_box(text), black_box(tokens), with_ner).heads.len()
            })
            .sum::<usize>()
    });
}

/// Tagger and dependency parser.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn tag_parse(bencher: Bencher) {
    run(bencher, false);
}

/// Tagger, dependency parser and entity recogniser.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn tag_parse_ner(bencher: Bencher) {
    run(bencher, true);
}

/// Loading the model (weights embedded in the binary, every tensor checked).
#[divan::bench(sample_count = 5, sample_size = 1)]
fn load() -> usize {
    match Model::from_files(
        include_str!("../data/models/en_core_web_sm-3.8.0/tensors.json"),
        include_bytes!("../data/models/en_core_web_sm-3.8.0/weights.bin"),
        include_str!("../data/models/en_core_web_sm-3.8.0/labels.json"),
        include_str!("../data/models/en_core_web_sm-3.8.0/lexical.json"),
    ) {
        Ok(model) => black_box(&model as *const Model as usize),
        Err(_) => 0,
    }
}
