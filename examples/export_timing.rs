//! Times `to_dataset` and each exporter on an article (for profilers):
//! `cargo run --release --example export_timing -- FILE N`.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "data/articles/beslan-echr-2017.txt".to_owned());
    let runs: u32 = args.next().map_or(Ok(50), |n| n.parse())?;
    let graph = newsgraph::extract(&std::fs::read_to_string(&path)?)?;
    println!(
        "{} quads, {} distinct",
        newsgraph::rdf::to_quads(&graph).len(),
        newsgraph::rdf::to_dataset(&graph).len()
    );
    let start = std::time::Instant::now();
    for _ in 0..runs {
        std::hint::black_box(newsgraph::rdf::to_dataset(&graph));
    }
    println!("to_dataset: {:?} per run", start.elapsed() / runs);
    for format in newsgraph::Format::ALL {
        let start = std::time::Instant::now();
        for _ in 0..runs {
            let mut out = Vec::new();
            newsgraph::export::write(&graph, *format, &mut out)?;
            std::hint::black_box(out);
        }
        println!("{}: {:?} per run", format.name(), start.elapsed() / runs);
    }
    Ok(())
}
