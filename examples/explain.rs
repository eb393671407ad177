//! Prints what the extraction stages found in an article: shadow text with the parse of each
//! sentence (token, tag, lemma, dependency label, head, entity), entities, events,
//! claims and diagnostics. Useful when writing rules or lexicon entries.
//!
//! `cargo run --example explain -- data/articles/beslan-echr-2017.txt`
//!
//! With your own lexicons and rules (as `newsgraph --lexicons DIR --rules FILE` reads them):
//! `cargo run --example explain -- story.txt my-lexicons/ my-rules.tsv`

use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "data/articles/beslan-echr-2017.txt".to_owned());
    let lexicons = args.next().filter(|dir| !dir.is_empty());
    let rules = args.next();
    let text = std::fs::read_to_string(&path)?;
    let article = newsgraph::Article::parse(&text)?;
    if lexicons.is_some() || rules.is_some() {
        let resources = newsgraph::Resources::load(
            lexicons.as_deref().map(Path::new),
            rules.as_deref().map(Path::new),
        )?;
        print!("{}", newsgraph::extract::explain_with(&article, &resources));
    } else {
        print!("{}", newsgraph::extract::explain(&article));
    }
    Ok(())
}
