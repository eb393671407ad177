//! Golden tests: every folder `tests/golden/<case>/` holds an `article.txt` and the expected
//! output of `newsgraph::extract` in some formats, as `expected.{ttl,nt,nq,trig,jsonld,dot,html}`
//! (the DOT file is the story view; `expected.full.dot` is the full view).
//!
//! `UPDATE_GOLDEN=1 cargo test --test golden` (re)writes every expected file from the
//! current output; review the diff before committing it.
//!
//! A format whose expected file is missing is skipped with a note on stderr, so a new case
//! can start with only `article.txt`.

#![expect(clippy::expect_used, reason = "a failed setup step should fail the test loudly")]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use newsgraph::Format;

/// Each format and the extension of its expected file.
const FORMATS: [(Format, &str); 8] = [
    (Format::Turtle, "ttl"),
    (Format::NTriples, "nt"),
    (Format::NQuads, "nq"),
    (Format::TriG, "trig"),
    (Format::JsonLd, "jsonld"),
    (Format::Dot, "dot"),
    (Format::Dot, "full.dot"),
    (Format::Html, "html"),
];

fn golden_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("golden")
}

/// The case folders, sorted by name.
fn cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(golden_root())
        .expect("tests/golden exists")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.join("article.txt").is_file())
        .collect();
    cases.sort();
    cases
}

fn serialize(
    graph: &newsgraph::KnowledgeGraph,
    format: Format,
    extension: &str,
) -> Result<String, String> {
    let mut bytes = Vec::new();
    if extension == "full.dot" {
        let mut serializer = newsgraph::export::DotSerializer::new()
            .with_view(newsgraph::export::View::Full)
            .for_writer(&mut bytes);
        serializer.serialize_graph(graph).map_err(|error| error.to_string())?;
        serializer.finish().map_err(|error| error.to_string())?;
    } else {
        newsgraph::export::write(graph, format, &mut bytes).map_err(|error| error.to_string())?;
    }
    String::from_utf8(bytes).map_err(|error| format!("output is not UTF-8: {error}"))
}

#[test]
fn golden() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some_and(|value| value != "0");
    let cases = cases();
    assert!(!cases.is_empty(), "no golden cases under {}", golden_root().display());
    let mut failures = String::new();
    let mut n_compared = 0;
    for case in &cases {
        let name = case.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let article = std::fs::read_to_string(case.join("article.txt")).expect("article.txt");
        let graph = match newsgraph::extract(&article) {
            Ok(graph) => graph,
            Err(error) => {
                let _ = writeln!(failures, "{name}: extraction failed: {error}");
                continue;
            }
        };
        let mut n_expected = 0;
        for (format, extension) in FORMATS {
            let expected_path = case.join(format!("expected.{extension}"));
            let got = serialize(&graph, format, extension);
            if update {
                match got {
                    Ok(got) => std::fs::write(&expected_path, got).expect("write expected file"),
                    Err(error) => {
                        let _ = writeln!(failures, "{name}/expected.{extension}: {error}");
                    }
                }
                continue;
            }
            let Ok(expected) = std::fs::read_to_string(&expected_path) else {
                eprintln!("note: {name}: no expected.{extension}, skipping {format:?}");
                continue;
            };
            n_expected += 1;
            n_compared += 1;
            match got {
                Ok(got) if got == expected => {}
                Ok(got) => {
                    let _ = write!(
                        failures,
                        "\n{name}/expected.{extension} differs \
                         (UPDATE_GOLDEN=1 cargo test --test golden rewrites it)\n\
                         ---------- expected ----------\n{expected}\n\
                         ---------- got ----------\n{got}\n\
                         ------------------------------\n"
                    );
                }
                Err(error) => {
                    let _ = writeln!(failures, "{name}/expected.{extension}: {error}");
                }
            }
        }
        if n_expected == 0 && !update {
            // FIXME: fail once every case has expected files (they are generated with
            // UPDATE_GOLDEN=1 when extraction is complete).
            eprintln!("note: {name}: no expected files yet, nothing compared");
        }
    }
    assert!(failures.is_empty(), "golden mismatches:\n{failures}");
    eprintln!("golden: {} case(s), {n_compared} file(s) compared", cases.len());
}
