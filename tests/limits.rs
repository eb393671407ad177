//! Regression tests of issue 15 at the command line: what newsgraph refuses, and that no input
//! corrupts an output or crashes the process (exit 2 and one `error: …` line instead).
//!
//! `-o` writes regular files only, `--base` is checked against what every syntax can carry,
//! names in any script get IRIs of their own, HTML fragments are refused, SPARQL queries
//! nested without bound give an error rather than a stack overflow.

#![expect(clippy::unwrap_used, reason = "a failed setup step should fail the test loudly")]

use assert_cmd::cargo::cargo_bin_cmd;
use assert_fs::prelude::*;
use assert_fs::TempDir;
use predicates::prelude::*;

fn newsgraph() -> assert_cmd::Command {
    cargo_bin_cmd!("newsgraph")
}

/// Checks exit 2 and that stderr is one `error: …` line and no panic; returns the line.
fn assert_error(output: &std::process::Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(2), "expected exit 2, stderr:\n{stderr}");
    assert!(!stderr.contains("panicked"), "panic on stderr:\n{stderr}");
    let lines: Vec<&str> = stderr.lines().filter(|line| !line.starts_with("warning: ")).collect();
    assert_eq!(lines.len(), 1, "expected one error line, got:\n{stderr}");
    assert!(lines[0].starts_with("error: "), "expected `error: …`, got:\n{stderr}");
    lines[0].to_owned()
}

const ARTICLE: &str = "The council approved a new budget on Tuesday, officials said.\n";

#[test]
fn output_dash_is_stdout() {
    let directory = TempDir::new().unwrap();
    let stdout = newsgraph()
        .current_dir(directory.path())
        .args(["extract", "-", "--format", "ntriples", "-o", "-"])
        .write_stdin(ARTICLE)
        .output()
        .unwrap();
    assert!(stdout.status.success(), "{}", String::from_utf8_lossy(&stdout.stderr));
    assert!(String::from_utf8_lossy(&stdout.stdout).contains("<https://w3id.org/newsgraph/doc/"));
    directory.child("-").assert(predicate::path::missing());
}

#[cfg(unix)]
#[test]
fn output_follows_a_symlink_and_keeps_it() {
    let directory = TempDir::new().unwrap();
    let real = directory.child("real.nt");
    real.write_str("stale\n").unwrap();
    let link = directory.child("latest.nt");
    std::os::unix::fs::symlink("real.nt", link.path()).unwrap();
    newsgraph().args(["extract", "-o"]).arg(link.path()).assert().success();
    assert!(std::fs::symlink_metadata(link.path()).unwrap().file_type().is_symlink());
    let written = std::fs::read_to_string(real.path()).unwrap();
    assert!(written.starts_with('<'), "the link's target was not rewritten: {written}");
    // A link to a file that does not exist yet creates that file.
    let dangling = directory.child("next.nt");
    std::os::unix::fs::symlink("sub/new.nt", dangling.path()).unwrap();
    std::fs::create_dir(directory.child("sub").path()).unwrap();
    newsgraph().args(["extract", "-o"]).arg(dangling.path()).assert().success();
    directory.child("sub/new.nt").assert(predicate::str::starts_with("<"));
    assert!(std::fs::symlink_metadata(dangling.path()).unwrap().file_type().is_symlink());
}

#[cfg(unix)]
#[test]
fn output_refuses_what_is_not_a_regular_file() {
    let directory = TempDir::new().unwrap();
    let fifo = directory.child("pipe");
    let made = std::process::Command::new("mkfifo").arg(fifo.path()).status().unwrap();
    assert!(made.success());
    let output = newsgraph().args(["extract", "-o"]).arg(fifo.path()).output().unwrap();
    let error = assert_error(&output);
    assert!(error.contains("it is a FIFO, not a regular file"), "{error}");
    assert!(std::fs::symlink_metadata(fifo.path()).unwrap().file_type().is_fifo_like());

    let output = newsgraph().args(["extract", "-o"]).arg(directory.path()).output().unwrap();
    let error = assert_error(&output);
    assert!(error.contains("it is a directory"), "{error}");

    // A link to a FIFO is followed to it, and refused there; the link stays.
    let link = directory.child("to-pipe.ttl");
    std::os::unix::fs::symlink(fifo.path(), link.path()).unwrap();
    let output = newsgraph().args(["extract", "-o"]).arg(link.path()).output().unwrap();
    assert!(assert_error(&output).contains("FIFO"));
    assert!(std::fs::symlink_metadata(link.path()).unwrap().file_type().is_symlink());

    // A loop of links.
    let first = directory.child("a.ttl");
    let second = directory.child("b.ttl");
    std::os::unix::fs::symlink("b.ttl", first.path()).unwrap();
    std::os::unix::fs::symlink("a.ttl", second.path()).unwrap();
    let output = newsgraph().args(["extract", "-o"]).arg(first.path()).output().unwrap();
    assert!(assert_error(&output).contains("too many levels of symbolic links"));
}

/// `FileType::is_fifo` behind a name that reads well in an assertion.
trait FifoLike {
    fn is_fifo_like(&self) -> bool;
}

#[cfg(unix)]
impl FifoLike for std::fs::FileType {
    fn is_fifo_like(&self) -> bool {
        std::os::unix::fs::FileTypeExt::is_fifo(self)
    }
}

#[test]
fn bad_bases_are_refused_with_a_reason() {
    let cases = [
        ("https://example.org/kb#", "it has a fragment (#)"),
        ("https://example.org/kb", "it must end in /"),
        ("doc:x/", "the scheme doc: is not one of"),
        ("id:", "the scheme id: is not one of"),
        ("ng:", "the scheme ng: is not one of"),
        ("schema:", "the scheme schema: is not one of"),
        ("javascript:alert(1)/", "the scheme javascript: is not one of"),
        ("https://example.org/a b/", "not a valid IRI"),
        ("https://example.org/a>b/", "not a valid IRI"),
        ("example.org/news/", "not an absolute IRI"),
        ("https://example.org/?x=/", "it has a query (?)"),
        ("https:news/", "needs a host"),
        ("", "not an absolute IRI"),
        // Found by the property test below: a valid IRI under which nothing valid is minted.
        ("urn://:", "(an IRI minted under it) is not a valid IRI"),
    ];
    for (base, expected) in cases {
        for command in ["extract", "query", "sparql"] {
            let mut cmd = newsgraph();
            cmd.args([command, "--base", base]);
            match command {
                "query" => cmd.args(["--entity", "x"]),
                "sparql" => cmd.arg("ASK {}"),
                _ => &mut cmd,
            };
            let error = assert_error(&cmd.output().unwrap());
            assert!(error.contains("invalid --base"), "{base}: {error}");
            assert!(error.contains(expected), "{base}: expected {expected:?} in {error}");
        }
    }
}

#[test]
fn good_bases_are_accepted() {
    for base in [
        "https://example.org/news/",
        "http://localhost:8080/kb/",
        "urn:example:news:",
        "tag:example.org,2026:news/",
    ] {
        let output =
            newsgraph().args(["extract", "--format", "nquads", "--base", base]).output().unwrap();
        assert!(output.status.success(), "{base}: {}", String::from_utf8_lossy(&output.stderr));
        let nquads = String::from_utf8(output.stdout).unwrap();
        assert!(nquads.contains(&format!("<{base}doc/")), "{base}");
        assert!(!nquads.contains("##"), "{base}");
    }
}

/// Issue 15: a name without Latin letters had an empty slug, so every such person was
/// `{base}id/`, and Lavrov's statement was attributed to Putin.
#[test]
fn names_in_any_script_get_iris_of_their_own() {
    let output = newsgraph()
        .args(["extract", "-", "--format", "ntriples", "-q"])
        .write_stdin(
            "Mr. Владимир Путин met Mr. Сергей Лавров on Tuesday. Mr. Лавров said \"no\".\n",
        )
        .output()
        .unwrap();
    assert!(output.status.success());
    let ntriples = String::from_utf8(output.stdout).unwrap();
    assert!(!ntriples.contains("/id/>"), "an empty slug:\n{ntriples}");
    let putin = "<https://w3id.org/newsgraph/id/%D0%B2%D0%BB%D0%B0%D0%B4%D0%B8%D0%BC%D0%B8%D1%80-%D0%BF%D1%83%D1%82%D0%B8%D0%BD>";
    let lavrov = "<https://w3id.org/newsgraph/id/%D1%81%D0%B5%D1%80%D0%B3%D0%B5%D0%B8-%D0%BB%D0%B0%D0%B2%D1%80%D0%BE%D0%B2>";
    assert!(
        ntriples.contains(&format!(
            "{putin} <http://www.w3.org/2000/01/rdf-schema#label> \"Владимир Путин\""
        )),
        "{ntriples}"
    );
    assert!(
        ntriples.contains(&format!(
            "{lavrov} <http://www.w3.org/2000/01/rdf-schema#label> \"Сергей Лавров\""
        )),
        "{ntriples}"
    );
    // The statement is Lavrov's, not Putin's ("й" loses its breve, as accents do).
    let speaker_lines: Vec<&str> = ntriples
        .lines()
        .filter(|line| line.contains("> <https://w3id.org/newsgraph/ontology#speaker> <"))
        .collect();
    assert!(!speaker_lines.is_empty(), "no statement:\n{ntriples}");
    for line in speaker_lines {
        assert!(line.ends_with(&format!("{lavrov} .")), "{line}");
    }
}

#[test]
fn html_fragments_are_refused() {
    let output = newsgraph()
        .args(["extract", "-"])
        .write_stdin("<div><p>PARIS (AFP) - The court ruled on Tuesday that the case could go ahead, its lawyers said in a statement.</p></div>\n")
        .output()
        .unwrap();
    let error = assert_error(&output);
    assert!(
        error.contains("line 1, column 1: the input looks like an HTML fragment (a <div> tag)"),
        "{error}"
    );
}

#[test]
fn sparql_nested_thousands_deep_is_an_error_not_an_abort() {
    let directory = TempDir::new().unwrap();
    let file = directory.child("query.rq");
    for depth in [300, 4_000, 100_000] {
        for query in [
            format!("SELECT * WHERE {}{}", "{".repeat(depth), "}".repeat(depth)),
            format!("ASK {{ FILTER({}true) }}", "!".repeat(depth)),
            format!("ASK {{ FILTER(?x < 3 && {}1{}) }}", "(".repeat(depth), ")".repeat(depth)),
        ] {
            file.write_str(&query).unwrap();
            let argument = format!("@{}", file.path().display());
            let error = assert_error(&newsgraph().args(["sparql", &argument]).output().unwrap());
            assert!(error.contains("nested more than 256 levels deep"), "{error}");
        }
    }
}

/// The quads of every RDF syntax, parsed back with oxrdfio, are those of `rdf::to_dataset`.
fn assert_round_trips(graph: &newsgraph::KnowledgeGraph) -> Result<(), String> {
    use oxrdfio::{JsonLdProfileSet, RdfFormat, RdfParser};
    use std::collections::BTreeSet;
    let dataset = newsgraph::rdf::to_dataset(graph);
    for (format, rdf_format) in [
        (newsgraph::Format::Turtle, RdfFormat::Turtle),
        (newsgraph::Format::NTriples, RdfFormat::NTriples),
        (newsgraph::Format::NQuads, RdfFormat::NQuads),
        (newsgraph::Format::TriG, RdfFormat::TriG),
        (newsgraph::Format::JsonLd, RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() }),
    ] {
        let mut bytes = Vec::new();
        newsgraph::export::write(graph, format, &mut bytes).map_err(|error| error.to_string())?;
        let parsed: BTreeSet<String> = RdfParser::from_format(rdf_format)
            .for_slice(&bytes)
            .map(|quad| quad.map(|quad| quad.to_string()))
            .collect::<Result<_, _>>()
            .map_err(|error| format!("{format} does not parse: {error}"))?;
        let expected: BTreeSet<String> = dataset
            .iter()
            .filter(|quad| format.supports_named_graphs() || quad.graph_name.is_default_graph())
            .map(|quad| oxrdf::Quad::from(quad).to_string())
            .collect();
        if parsed != expected {
            return Err(format!("{format} reads back as other quads"));
        }
    }
    Ok(())
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

    /// Any base is refused by `check_base` or carried by every syntax unchanged; names and
    /// quotations of any text never break a syntax either.
    #[test]
    fn any_base_and_any_names_keep_every_syntax_valid(
        scheme in "(https?|urn|tag|doc|id|ng|schema|javascript|ftp|)",
        rest in "(://)?[a-zA-Z0-9 #?<>\"{}|^`%:/._~-]{0,16}(/|:|#)?",
        name in "[A-ZА-Я][a-zа-я\"'\\\\<>{}]{1,10}",
        path in "[a-zA-Z0-9._~!$&'()*+,;=:@%-]{0,12}",
        quote in "\\PC{0,30}",
    ) {
        let text = format!("Mr. {name} Smith said \"{quote}\" on Tuesday. {name} met officials.\n");
        // A random base (mostly refused), and one of any IRI characters in a path.
        for base in [format!("{scheme}{rest}"), format!("https://example.org/{path}/")] {
            let options = newsgraph::Options::default().with_base(base.clone());
            match newsgraph::extract_with(&text, &options) {
                Err(newsgraph::Error::Base(_)) => {
                    proptest::prop_assert!(newsgraph::check_base(&base).is_err());
                }
                // Markup-like names can make the text look like HTML: refused, rightly.
                Err(newsgraph::Error::Article(_)) => {}
                Err(other) => proptest::prop_assert!(false, "{}", other),
                Ok(graph) => {
                    if let Err(message) = assert_round_trips(&graph) {
                        proptest::prop_assert!(false, "base {:?}: {}", base, message);
                    }
                }
            }
        }
    }
}
