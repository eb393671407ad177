//! Prints what the extraction stages found in an article: shadow text, entities, events,
//! claims and diagnostics. Useful when writing rules or lexicon entries.
//!
//! `cargo run --example explain -- data/articles/beslan-echr-2017.txt`

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path =
        std::env::args().nth(1).unwrap_or_else(|| "data/articles/beslan-echr-2017.txt".to_owned());
    let text = std::fs::read_to_string(&path)?;
    let article = newsgraph::Article::parse(&text)?;
    print!("{}", newsgraph::extract::explain(&article));
    Ok(())
}
