//! UTF-8 text → `extract`: a graph or an error, never a panic; diagnostics point inside the
//! text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(graph) = newsgraph::extract(text) {
        for diagnostic in graph.diagnostics() {
            if let Some(span) = diagnostic.span {
                assert!(span.end <= text.len(), "{diagnostic:?}");
            }
        }
    }
});
