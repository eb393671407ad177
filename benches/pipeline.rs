//! Benchmarks: the whole pipeline over the bundled article, in bytes of article text per
//! second, and each export format over the resulting graph.
//!
//! `corpus_nquads` is corpus mode's whole path over the development set: read each article
//! file, extract, write N-Quads (each article in its document's named graph) in input order,
//! on 1 and 2 threads, in MB/s of article text and articles/s.
//!
//! Run with `cargo bench`; `cargo bench -- extract` runs only the pipeline,
//! `cargo bench -- corpus` only corpus mode.
//! CI runs `cargo bench --no-run`, so these at least keep compiling.

use std::io::Write;
use std::path::PathBuf;

use divan::counter::{BytesCount, ItemsCount};
use divan::{black_box, Bencher};
use newsgraph::{Article, Format, KnowledgeGraph, Options};

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

/// The article files of the development set, sorted.
fn corpus() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("tests/articles"))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|extension| extension == "txt"))
                .collect()
        })
        .unwrap_or_default();
    files.push(root.join("data/articles/beslan-echr-2017.txt"));
    files.sort();
    files
}

/// Read, extract and serialize every article of the corpus with `jobs` worker threads, the
/// N-Quads written in input order (to a sink).
#[divan::bench(args = [1, 2], sample_count = 10, sample_size = 1)]
fn corpus_nquads(bencher: Bencher, jobs: usize) {
    let files = corpus();
    let bytes: usize = files
        .iter()
        .filter_map(|path| std::fs::metadata(path).ok())
        .map(|m| m.len() as usize)
        .sum();
    let options = Options::default();
    // The built-in lexicons load once per process; that is not the cost per article.
    let _ = newsgraph::extract("Warm-up.");
    bencher.counter(BytesCount::new(bytes)).counter(ItemsCount::new(files.len())).bench(|| {
        let mut sink = std::io::sink();
        let mut written = 0usize;
        let work = |path: &PathBuf| -> Vec<u8> {
            let mut output = Vec::new();
            if let Ok(bytes) = std::fs::read(path)
                && let Ok(article) = Article::parse_bytes(&bytes)
            {
                let graph = newsgraph::extract_article(&article, &options);
                let _ =
                    newsgraph::export::write_document_graph(&graph, Format::NQuads, &mut output);
            }
            output
        };
        let _ = newsgraph::corpus::map_ordered(files.iter(), jobs, 4 * jobs, work, |output| {
            written += output.len();
            sink.write_all(&output)
        });
        written
    });
}
