//! Runs the pipeline on an article many times (for profilers): `cargo run --release --example timing -- FILE N`.

// The same allocator as the `newsgraph` binary and the benchmarks.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "data/articles/beslan-echr-2017.txt".to_owned());
    let runs: usize = args.next().map_or(Ok(200), |n| n.parse())?;
    let text = std::fs::read_to_string(&path)?;
    let start = std::time::Instant::now();
    let mut edges = 0;
    for _ in 0..runs {
        edges += newsgraph::extract(&text)?.edge_count();
    }
    let elapsed = start.elapsed();
    let per_run = elapsed / u32::try_from(runs)?;
    #[expect(clippy::cast_precision_loss, reason = "a throughput figure")]
    let mb_per_s = text.len() as f64 / per_run.as_secs_f64() / 1e6;
    println!("{runs} runs, {per_run:?} per run, {mb_per_s:.1} MB/s, {edges} edges");
    Ok(())
}
