//! Benchmark of corpus mode, the whole path: read each article file, extract, write N-Quads
//! (each article in its document's named graph) in input order, on 1 and 2 threads.
//!
//! The corpus is the development set, `tests/articles/*.txt` with the bundled article; the
//! counters give MB/s of article text and articles/s.
//! Run with `cargo bench --bench corpus`.

use std::io::Write;
use std::path::PathBuf;

use divan::counter::{BytesCount, ItemsCount};
use divan::Bencher;
use newsgraph::{Article, Format, Options};

// The same allocator as the `newsgraph` binary.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
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
