//! Benchmarks: the whole pipeline over the bundled article, in bytes of article text per
//! second, and each export format over the resulting graph.
//!
//! Run with `cargo bench`; `cargo bench -- extract` runs only the pipeline.
//! CI runs `cargo bench --no-run`, so these at least keep compiling.

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use newsgraph::{Article, Format, KnowledgeGraph};

/// The bundled sample article, the same one `newsgraph extract` uses by default.
const ARTICLE: &str = include_str!("../data/articles/beslan-echr-2017.txt");

const FORMATS: [Format; 6] =
    [Format::Turtle, Format::NTriples, Format::NQuads, Format::TriG, Format::JsonLd, Format::Dot];

// The same allocator as the `newsgraph` binary.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// The whole pipeline: article text in, knowledge graph out. Each sample extracts the article
/// 20 times in a row, as a program reading a stream of articles does; a sample of one run
/// would also time the caches divan's own bookkeeping cooled between samples.
#[divan::bench(sample_count = 100, sample_size = 20)]
fn extract(bencher: Bencher) {
    // The built-in lexicons load once per process; that is not the pipeline's cost per article.
    let _ = newsgraph::extract(ARTICLE);
    bencher
        .counter(BytesCount::of_str(ARTICLE))
        .bench(|| newsgraph::extract(black_box(ARTICLE)).map(|graph| graph.edge_count()));
}

/// Only the first stage: dateline, paragraphs and sentences.
#[divan::bench]
fn article_parse(bencher: Bencher) {
    bencher
        .counter(BytesCount::of_str(ARTICLE))
        .bench(|| Article::parse(black_box(ARTICLE)).map(|article| article.sentences.len()));
}

/// Serialising the article's graph, in bytes of output per second.
#[divan::bench(args = FORMATS)]
fn export(bencher: Bencher, format: Format) {
    let graph = newsgraph::extract(ARTICLE).unwrap_or_else(|_| KnowledgeGraph::default());
    let mut output = Vec::new();
    // An exporter that fails (or is not written yet) is measured failing: zero bytes.
    let written = match newsgraph::export::write(&graph, format, &mut output) {
        Ok(()) => output.len(),
        Err(_) => 0,
    };
    bencher.counter(BytesCount::new(written)).bench(|| {
        let mut output = Vec::with_capacity(written);
        newsgraph::export::write(black_box(&graph), format, &mut output).map(|()| output.len())
    });
}
