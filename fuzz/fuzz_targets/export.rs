//! Text → `extract` → every export format → parsed back with oxrdfio: each RDF syntax gives
//! exactly the quads of `rdf::to_dataset` (named graphs only where the syntax has them), and
//! DOT has no unescaped quote (every string closes on its line).
#![no_main]

use std::collections::BTreeSet;

use libfuzzer_sys::fuzz_target;
use newsgraph::Format;
use oxrdfio::{JsonLdProfileSet, RdfFormat, RdfParser};

fn rdf_format(format: Format) -> Option<RdfFormat> {
    Some(match format {
        Format::Turtle => RdfFormat::Turtle,
        Format::NTriples => RdfFormat::NTriples,
        Format::NQuads => RdfFormat::NQuads,
        Format::TriG => RdfFormat::TriG,
        Format::JsonLd => RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() },
        _ => return None,
    })
}

/// Whether every line of DOT output has its `"` strings closed (a `\` escapes the next byte).
fn dot_strings_close(dot: &[u8]) -> bool {
    dot.split(|&byte| byte == b'\n').all(|line| {
        let mut inside = false;
        let mut escaped = false;
        for &byte in line {
            match byte {
                _ if escaped => escaped = false,
                b'\\' if inside => escaped = true,
                b'"' => inside = !inside,
                _ => {}
            }
        }
        !inside
    })
}

fuzz_target!(|text: &str| {
    let Ok(graph) = newsgraph::extract(text) else { return };
    let dataset = newsgraph::rdf::to_dataset(&graph);
    for &format in Format::ALL {
        let mut bytes = Vec::new();
        newsgraph::export::write(&graph, format, &mut bytes)
            .unwrap_or_else(|error| panic!("{format}: {error}"));
        let Some(rdf_format) = rdf_format(format) else {
            assert!(
                dot_strings_close(&bytes),
                "an unclosed DOT string:\n{}",
                String::from_utf8_lossy(&bytes)
            );
            continue;
        };
        let parsed: BTreeSet<String> = RdfParser::from_format(rdf_format)
            .for_slice(&bytes)
            .map(|quad| quad.map(|quad| quad.to_string()))
            .collect::<Result<_, _>>()
            .unwrap_or_else(|error| {
                panic!("{format} does not parse: {error}\n{}", String::from_utf8_lossy(&bytes))
            });
        let expected: BTreeSet<String> = dataset
            .iter()
            .filter(|quad| format.supports_named_graphs() || quad.graph_name.is_default_graph())
            .map(|quad| oxrdf::Quad::from(quad).to_string())
            .collect();
        assert!(
            parsed == expected,
            "{format} does not round-trip:\n{}",
            String::from_utf8_lossy(&bytes)
        );
    }
});
