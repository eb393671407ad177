//! Runs the pipeline on an article many times (for profilers): `cargo run --release --example timing -- FILE N`.
//!
//! Instruction profile of the pipeline alone:
//! `valgrind --tool=callgrind --toggle-collect=timing::measured_runs target/release/examples/timing FILE 20`.

// The same allocator as the `newsgraph` binary and the benchmarks.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "data/articles/beslan-echr-2017.txt".to_owned());
    let runs: usize = args.next().map_or(Ok(200), |n| n.parse())?;
    let text = std::fs::read_to_string(&path)?;
    // One run outside the measured loop loads the built-in lexicons and rules, so that a
    // profiler told to look only at `measured_runs` (valgrind `--toggle-collect`) sees the
    // pipeline alone.
    newsgraph::extract(&text)?;
    let start = std::time::Instant::now();
    let edges = measured_runs(&text, runs)?;
    let elapsed = start.elapsed();
    let per_run = elapsed / u32::try_from(runs)?;
    #[expect(clippy::cast_precision_loss, reason = "a throughput figure")]
    let mb_per_s = text.len() as f64 / per_run.as_secs_f64() / 1e6;
    println!("{runs} runs, {per_run:?} per run, {mb_per_s:.1} MB/s, {edges} edges");
    Ok(())
}

/// The measured loop: `runs` extractions of `text`; returns the number of edges made.
#[inline(never)]
fn measured_runs(text: &str, runs: usize) -> Result<usize, newsgraph::Error> {
    let mut edges = 0;
    for _ in 0..runs {
        edges += newsgraph::extract(text)?.edge_count();
    }
    Ok(edges)
}
