//! Draws the story of several articles in one picture, an entity they share drawn once.
//!
//! ```text
//! cargo run --example story -- a.txt b.txt > stories.dot && dot -Tsvg stories.dot > stories.svg
//! cargo run --example story -- --html a.txt b.txt > stories.html
//! ```
//!
//! `newsgraph extract` draws one article; this is the library's `DotSerializer` and
//! `HtmlSerializer` over several graphs (`serialize_graph` once per article).

use std::io::Write;
use std::process::ExitCode;

use newsgraph::export::{DotSerializer, HtmlSerializer};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut html = false;
    let mut graphs = Vec::new();
    for argument in std::env::args().skip(1) {
        if argument == "--html" {
            html = true;
            continue;
        }
        let text = std::fs::read_to_string(&argument)
            .map_err(|error| format!("failed to read article {argument}: {error}"))?;
        let graph = newsgraph::extract(&text)
            .map_err(|error| format!("invalid article {argument}: {error}"))?;
        graphs.push(graph);
    }
    if graphs.is_empty() {
        return Err("usage: cargo run --example story -- [--html] ARTICLE...".to_owned());
    }
    let output = if html {
        let mut serializer = HtmlSerializer::new().for_writer(Vec::new());
        for graph in &graphs {
            serializer.serialize_graph(graph).map_err(|error| error.to_string())?;
        }
        serializer.finish()
    } else {
        let mut serializer = DotSerializer::new().for_writer(Vec::new());
        for graph in &graphs {
            serializer.serialize_graph(graph).map_err(|error| error.to_string())?;
        }
        serializer.finish()
    }
    .map_err(|error| error.to_string())?;
    std::io::stdout().write_all(&output).map_err(|error| format!("failed to write: {error}"))
}
