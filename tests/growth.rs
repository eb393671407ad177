//! Extraction and export grow linearly with the article: the cost of a text 8 times longer is
//! at most 12 times the cost of the text (issue 15).
//!
//! # Design rationale
//!
//! Wall time on a shared two-core machine varies by more than the factor being tested, so the
//! test counts what is deterministic: a counting global allocator (this test binary only)
//! gives the number of allocations and of bytes allocated, which grow with the work done, and
//! the peak of live bytes, which is the memory an extraction needs. Time is checked as well,
//! but only a ratio over 12 in each of three measurements fails, so a busy moment on the
//! machine does not. Everything runs in one `#[test]` so that no other test allocates at the
//! same time.
//!
//! Sizes are small (16 kB and 128 kB of news) so that the debug build runs it in CI; the
//! release figures for megabytes are in the README ("Limits"), made by `scripts/stress.sh`.
//!
//! The texts: real news (the articles of `tests/articles`, repeated as one article), and the
//! pathological inputs of the issue (a line without punctuation, capitalised words in a row,
//! "He said." repeated, opening quotation marks).

#![expect(clippy::unwrap_used, reason = "a failed setup step should fail the test loudly")]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use newsgraph::Format;

/// The system allocator, counting.
struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);
static ALLOCATED: AtomicUsize = AtomicUsize::new(0);
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to `System` unchanged; the counters only observe.
#[expect(unsafe_code, reason = "a global allocator is an unsafe trait")]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count_allocation(layout.size());
        // SAFETY: the caller's contract is `System`'s.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's contract is `System`'s.
        unsafe { System.dealloc(pointer, layout) }
    }

    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        count_allocation(new_size);
        // SAFETY: the caller's contract is `System`'s.
        unsafe { System.realloc(pointer, layout, new_size) }
    }
}

fn count_allocation(size: usize) {
    ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
    ALLOCATED.fetch_add(size, Ordering::Relaxed);
    let live = LIVE.fetch_add(size, Ordering::Relaxed) + size;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// What one extraction and export cost.
#[derive(Debug, Clone, Copy)]
struct Cost {
    allocations: usize,
    allocated: usize,
    peak: usize,
    time: Duration,
}

/// Extracts `text` and writes it as N-Triples, Turtle and JSON-LD; returns the cost.
fn cost(text: &str) -> Cost {
    let live_before = LIVE.load(Ordering::Relaxed);
    PEAK.store(live_before, Ordering::Relaxed);
    let allocations = ALLOCATIONS.load(Ordering::Relaxed);
    let allocated = ALLOCATED.load(Ordering::Relaxed);
    let start = Instant::now();
    let graph = newsgraph::extract(text).unwrap();
    for format in [Format::NTriples, Format::Turtle, Format::JsonLd] {
        newsgraph::export::write(&graph, format, std::io::sink()).unwrap();
    }
    drop(graph);
    Cost {
        time: start.elapsed(),
        allocations: ALLOCATIONS.load(Ordering::Relaxed) - allocations,
        allocated: ALLOCATED.load(Ordering::Relaxed) - allocated,
        peak: PEAK.load(Ordering::Relaxed) - live_before,
    }
}

/// `unit` repeated until `bytes` long (cut at a character boundary).
fn repeated(unit: &str, bytes: usize) -> String {
    let mut text = unit.repeat(bytes / unit.len() + 1);
    let mut end = bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text.push('\n');
    text
}

#[expect(clippy::cast_precision_loss, reason = "ratios for a message")]
fn ratio(large: usize, small: usize) -> f64 {
    large as f64 / small.max(1) as f64
}

const FACTOR: usize = 8;
const MAX_RATIO: f64 = 12.0;

#[test]
fn cost_grows_linearly() {
    let directory = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/articles");
    let mut paths: Vec<_> = std::fs::read_dir(directory)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "txt"))
        .collect();
    paths.sort();
    let news: String =
        paths.iter().map(|path| std::fs::read_to_string(path).unwrap() + "\n\n").collect();
    let words: String = news
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        + " ";
    let capitals: String = words
        .split(' ')
        .filter(|word| word.chars().all(char::is_alphabetic) && !word.is_empty())
        .map(|word| {
            let mut characters = word.chars();
            characters
                .next()
                .map(|first| first.to_uppercase().chain(characters).collect::<String>())
                .unwrap_or_default()
                + " "
        })
        .collect();
    let cases: [(&str, &str, usize); 5] = [
        ("news as one article", &news, 16_000),
        ("a line without punctuation", &words, 8_000),
        ("capitalised words in a row", &capitals, 8_000),
        ("\"He said.\" repeated", "He said. ", 8_000),
        ("opening quotation marks", "\"word “word ‘word «word ", 4_000),
    ];
    // One run first: the built-in lexicons and rules are loaded once, outside the measures.
    cost("The council met on Tuesday.\n");
    let mut failures = Vec::new();
    for (name, unit, bytes) in cases {
        let small_text = repeated(unit, bytes);
        let large_text = repeated(unit, bytes * FACTOR);
        let small = cost(&small_text);
        let large = cost(&large_text);
        let counts = [
            ("allocations", ratio(large.allocations, small.allocations)),
            ("bytes allocated", ratio(large.allocated, small.allocated)),
            ("peak live bytes", ratio(large.peak, small.peak)),
        ];
        eprintln!("{name}: 1× {small:?}, {FACTOR}× {large:?}, ratios {counts:?}");
        for (what, value) in counts {
            if value > MAX_RATIO {
                failures.push(format!("{name}: {what} grew {value:.1}× for {FACTOR}× the text"));
            }
        }
        // Time: fails only when each of three measurements is over the bound.
        let time_ratio = |small: Cost, large: Cost| {
            large.time.as_secs_f64() / small.time.as_secs_f64().max(1e-6)
        };
        let mut times = vec![time_ratio(small, large)];
        while times.last().is_some_and(|&value| value > MAX_RATIO) && times.len() < 3 {
            times.push(time_ratio(cost(&small_text), cost(&large_text)));
        }
        if times.iter().all(|&value| value > MAX_RATIO) {
            failures.push(format!("{name}: time grew {times:.1?}× for {FACTOR}× the text"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
