//! Corpus mode of `newsgraph extract`: several paths, directories, JSON Lines, `--out-dir`,
//! `--jobs`, failures that stay local (exit status 3), warnings that name their article, and
//! generic institution names across articles.

#![expect(clippy::unwrap_used, reason = "a failed setup step should fail the test loudly")]

use std::collections::BTreeSet;

use assert_cmd::cargo::cargo_bin_cmd;
use assert_fs::prelude::*;
use assert_fs::TempDir;

fn newsgraph() -> assert_cmd::Command {
    cargo_bin_cmd!("newsgraph")
}

/// Three short stories, each in a file of a directory tree.
fn corpus_dir() -> TempDir {
    let directory = TempDir::new().unwrap();
    directory
        .child("a/council.txt")
        .write_str(
            "PARIS (AFP) - The city council approved a new budget on Tuesday, officials said.\n",
        )
        .unwrap();
    directory
        .child("b/flood.txt")
        .write_str(
            "DHAKA (Reuters) - Floods killed at least 12 people in northern Bangladesh on Monday, \
             police said.\n",
        )
        .unwrap();
    directory
        .child("c.txt")
        .write_str("NAIROBI (AP) - Kenya's president met the leaders of Uganda on Friday.\n")
        .unwrap();
    directory.child("notes.md").write_str("not an article").unwrap();
    directory
}

fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// The graph names of an N-Quads stream.
fn graph_names(nquads: &str) -> BTreeSet<String> {
    nquads
        .lines()
        .filter_map(|line| {
            line.strip_suffix(" .")?.rsplit_once(' ').map(|(_, graph)| graph.to_owned())
        })
        .collect()
}

/// A directory becomes one N-Quads stream, each article in the named graph of its document
/// IRI, and the bytes are the same on one thread and on two.
#[test]
fn directory_to_one_stream_whatever_the_jobs() {
    let directory = corpus_dir();
    let run = |jobs: &str| {
        let output =
            newsgraph().args(["extract", "-q", "-j", jobs]).arg(directory.path()).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
        stdout_of(&output)
    };
    let one = run("1");
    assert_eq!(one, run("2"));
    assert_eq!(one, run("4"));
    // Every quad is in a named graph: three documents and their sentence graphs.
    assert!(one.lines().all(|line| line.ends_with("> .")));
    let documents: Vec<String> =
        graph_names(&one).into_iter().filter(|graph| !graph.contains('#')).collect();
    assert_eq!(documents.len(), 3, "{documents:?}");
    // The stream parses as N-Quads, and in input order: a/council.txt first.
    let quads = oxrdfio::RdfParser::from_format(oxrdfio::RdfFormat::NQuads)
        .for_slice(one.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    assert_eq!(quads.len(), one.lines().count());
    assert!(one.find("city council").unwrap() < one.find("Bangladesh").unwrap());
    assert!(one.find("Bangladesh").unwrap() < one.find("Uganda").unwrap());
}

/// A single article of a stream has the same triples as `extract` alone writes, moved into
/// its document's graph.
#[test]
fn stream_holds_the_single_article_triples() {
    let directory = corpus_dir();
    let file = directory.child("c.txt");
    let single = newsgraph()
        .args(["extract", "-q", "--format", "nquads"])
        .arg(file.path())
        .output()
        .unwrap();
    let stream = newsgraph()
        .args(["extract", "-q", "--format", "nquads"])
        .arg(file.path())
        .arg(file.path())
        .output()
        .unwrap();
    let single = stdout_of(&single);
    let stream = stdout_of(&stream);
    let document = graph_names(&stream).into_iter().find(|graph| !graph.contains('#')).unwrap();
    // Default-graph lines of the single run are the document graph's lines of the stream.
    let default_single: BTreeSet<String> = single
        .lines()
        .filter(|line| {
            // A line whose last term is not a graph: 3 terms.
            oxrdfio::RdfParser::from_format(oxrdfio::RdfFormat::NQuads)
                .for_slice(line.as_bytes())
                .next()
                .and_then(Result::ok)
                .is_some_and(|quad| quad.graph_name.is_default_graph())
        })
        .map(|line| format!("{} {document} .", line.strip_suffix(" .").unwrap()))
        .collect();
    let in_document: BTreeSet<String> = stream
        .lines()
        .filter(|line| line.ends_with(&format!(" {document} .")))
        .map(str::to_owned)
        .collect();
    assert!(!default_single.is_empty());
    assert_eq!(default_single, in_document);
}

/// Only files that match the glob are read from a directory.
#[test]
fn glob_selects_files() {
    let directory = corpus_dir();
    let output =
        newsgraph().args(["extract", "--glob", "council*"]).arg(directory.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = stderr_of(&output);
    let summary = stderr.lines().last().unwrap();
    assert!(summary.starts_with("1 articles, 0 failed, "), "{stderr}");
}

/// A stream must be N-Quads or TriG; other formats need --out-dir.
#[test]
fn stream_format_must_have_named_graphs() {
    let directory = corpus_dir();
    let output =
        newsgraph().args(["extract", "--format", "turtle"]).arg(directory.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr_of(&output),
        "error: several articles are written as one stream of nquads or trig (each article in its \
         own named graph), not turtle; pass --format nquads or trig, or --out-dir DIR for one \
         turtle file per article\n"
    );
}

/// TriG streams parse, and hold the same quads as N-Quads streams.
#[test]
fn trig_stream_equals_nquads_stream() {
    let directory = corpus_dir();
    let parse = |format: &str, rdf_format: oxrdfio::RdfFormat| {
        let output = newsgraph()
            .args(["extract", "-q", "--format", format])
            .arg(directory.path())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0));
        oxrdfio::RdfParser::from_format(rdf_format)
            .for_slice(&output.stdout)
            .collect::<Result<std::collections::HashSet<_>, _>>()
            .unwrap()
    };
    let nquads = parse("nquads", oxrdfio::RdfFormat::NQuads);
    assert!(nquads.len() > 100);
    assert_eq!(nquads, parse("trig", oxrdfio::RdfFormat::TriG));
}

/// `--out-dir` writes one file per article, named after the input, in any format.
#[test]
fn out_dir_writes_one_file_per_article() {
    let directory = corpus_dir();
    let out = TempDir::new().unwrap();
    newsgraph()
        .args(["extract", "-q", "--format", "turtle", "--out-dir"])
        .arg(out.path())
        .arg(directory.path())
        .assert()
        .code(0);
    for name in ["a/council.ttl", "b/flood.ttl", "c.ttl"] {
        let text = std::fs::read_to_string(out.path().join(name)).unwrap();
        assert!(text.starts_with("@prefix"), "{name}");
    }
    let single =
        newsgraph().args(["extract", "-q"]).arg(directory.child("c.txt").path()).output().unwrap();
    assert_eq!(std::fs::read(out.path().join("c.ttl")).unwrap(), single.stdout);
}

/// Records of JSON Lines, bad ones among them: one `error:` line each, naming the file and
/// line; the good ones are written; exit status 3.
#[test]
fn bad_records_fail_alone() {
    let output = newsgraph()
        .args(["extract", "--input", "jsonl", "-j", "2", "tests/corpus/bad.jsonl"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
    let stderr = stderr_of(&output);
    let errors: Vec<&str> = stderr.lines().filter(|line| line.starts_with("error: ")).collect();
    assert_eq!(
        errors,
        [
            "error: tests/corpus/bad.jsonl:2: invalid record: invalid JSON at column 38: EOF while parsing a string",
            "error: tests/corpus/bad.jsonl:3: invalid record: the record has no \"text\" field",
            "error: tests/corpus/bad.jsonl:4: invalid article (id empty): line 1, column 1: the article is empty",
            "error: tests/corpus/bad.jsonl:5: invalid article (id binary): line 1, column 1: the input looks binary (it contains a NUL byte); pass a plain-text article",
            "error: tests/corpus/bad.jsonl:6: invalid record: the field \"published\" is not a date: \"yesterday\" (expected YYYY-MM-DD or an RFC 3339 timestamp)",
        ]
    );
    assert!(stderr.lines().last().unwrap().starts_with("2 articles, 5 failed, "), "{stderr}");
    assert_eq!(
        graph_names(&stdout_of(&output)).iter().filter(|graph| !graph.contains('#')).count(),
        2
    );
}

/// A record of 20 MB fails alone, and so does a file that does not exist.
#[test]
fn oversized_record_and_missing_file_fail_alone() {
    let directory = TempDir::new().unwrap();
    let huge = "word ".repeat(4 * 1024 * 1024);
    let lines = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "huge", "text": huge}),
        serde_json::json!({"id": "small", "text": "PARIS (AFP) - The council met on Tuesday.\n"})
    );
    directory.child("big.jsonl").write_str(&lines).unwrap();
    let output = newsgraph()
        .args(["extract", "-q", "--input", "jsonl"])
        .arg(directory.child("big.jsonl").path())
        .arg(directory.child("missing.jsonl").path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
    let stderr = stderr_of(&output);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(
        lines[0].contains("big.jsonl:1: invalid article (id huge): ") && lines[0].contains("MiB"),
        "{stderr}"
    );
    assert!(lines[1].contains("missing.jsonl: failed to read: "), "{stderr}");
    assert!(stdout_of(&output).contains("council"));
}

/// The metadata of a record become triples about the document, and `published` is the date
/// relative dates are resolved against.
#[test]
fn record_metadata_are_triples() {
    let line = serde_json::json!({
        "id": "r-1",
        "url": "https://example.org/r-1",
        "title": "Council approves budget",
        "published": "2021-06-15T08:00:00Z",
        "source": "Example Wire",
        "text": "The city council approved a new budget yesterday, officials said.\n",
    });
    let output = newsgraph()
        .args(["extract", "-q", "--input", "jsonl"])
        .write_stdin(format!("{line}\n"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let stdout = stdout_of(&output);
    let document = graph_names(&stdout).into_iter().find(|graph| !graph.contains('#')).unwrap();
    let about = |predicate: &str| -> Vec<String> {
        let prefix = format!("{document} <https://schema.org/{predicate}> ");
        let suffix = format!(" {document} .");
        stdout
            .lines()
            .filter_map(|line| line.strip_prefix(&prefix)?.strip_suffix(&suffix).map(str::to_owned))
            .collect()
    };
    assert_eq!(about("identifier"), ["\"r-1\""]);
    assert_eq!(about("url"), ["\"https://example.org/r-1\""]);
    assert_eq!(about("headline"), ["\"Council approves budget\"@en"]);
    assert_eq!(about("publisher"), ["<https://w3id.org/newsgraph/id/example-wire>"]);
    assert_eq!(about("datePublished"), ["\"2021-06-15\"^^<http://www.w3.org/2001/XMLSchema#date>"]);
    // "yesterday" is the day before the record's date.
    assert!(stdout.contains("\"2021-06-14\"^^<http://www.w3.org/2001/XMLSchema#date>"), "{stdout}");
}

/// Unknown fields are ignored with one warning for the whole input.
#[test]
fn unknown_fields_warn_once() {
    let lines = "{\"text\": \"Rain fell in Paris on Monday.\", \"lang\": \"en\"}\n\
                 {\"text\": \"Snow fell in Oslo on Monday.\", \"lang\": \"no\", \"x\": 1}\n";
    let output =
        newsgraph().args(["extract", "--input", "jsonl"]).write_stdin(lines).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = stderr_of(&output);
    let unknown: Vec<&str> =
        stderr.lines().filter(|line| line.contains("unknown fields")).collect();
    assert_eq!(
        unknown,
        ["warning: <stdin>:1: unknown fields ignored: lang (said once for the whole input)"]
    );
}

/// Every warning names its article and the line and column in it.
#[test]
fn warnings_name_their_article() {
    let directory = TempDir::new().unwrap();
    let story = directory.child("story.txt");
    story.write_str("The council met.\n\nShe said they would vote next week.\n").unwrap();
    let name = story.path().display().to_string();
    for args in [vec!["extract"], vec!["extract", "-j", "1", "--format", "nquads"]] {
        let mut command = newsgraph();
        command.args(&args).arg(story.path());
        if args.len() > 1 {
            // Twice: corpus mode.
            command.arg(story.path());
        }
        let output = command.output().unwrap();
        let stderr = stderr_of(&output);
        let warnings: Vec<&str> =
            stderr.lines().filter(|line| line.starts_with("warning: ")).collect();
        assert!(!warnings.is_empty(), "{stderr}");
        for warning in &warnings {
            assert!(warning.starts_with(&format!("warning: {name}: ")), "{warning}");
        }
        assert!(
            warnings
                .iter()
                .any(|warning| warning.starts_with(&format!("warning: {name}: line 3, column "))),
            "{stderr}"
        );
    }
}

/// "Supreme Court" of two countries are two courts; one with no country is the article's own.
#[test]
fn generic_institutions_do_not_merge_across_countries() {
    let output = newsgraph()
        .args(["extract", "-q", "--input", "jsonl", "tests/corpus/records.jsonl"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = stdout_of(&output);
    let courts: BTreeSet<&str> = stdout
        .split(['<', '>'])
        .filter(|term| term.ends_with("supreme-court") || term.contains("/id/supreme-court"))
        .collect();
    assert_eq!(
        courts,
        BTreeSet::from([
            "https://w3id.org/newsgraph/id/supreme-court-britain",
            "https://w3id.org/newsgraph/id/supreme-court-india",
        ])
    );
    // Unqualified, the court is local to the document.
    let alone = newsgraph()
        .args(["extract", "-q", "--format", "ntriples", "-"])
        .write_stdin("The Supreme Court ruled on Monday that the law was void.\n")
        .output()
        .unwrap();
    let alone = stdout_of(&alone);
    assert!(!alone.contains("/id/supreme-court"), "{alone}");
    assert!(alone.contains("#supreme-court>"), "{alone}");
}

/// A corpus extracted once is queried from its N-Quads or TriG stream with `sparql --data`,
/// with the same rows as a query over the articles themselves.
#[test]
fn sparql_over_an_extracted_stream() {
    let directory = corpus_dir();
    let out = TempDir::new().unwrap();
    for (format, file) in [("nquads", "corpus.nq"), ("trig", "corpus.trig")] {
        newsgraph()
            .args(["extract", "-q", "--format", format, "-o"])
            .arg(out.child(file).path())
            .arg(directory.path())
            .assert()
            .code(0);
    }
    let articles = ["a/council.txt", "b/flood.txt", "c.txt"]
        .map(|name| directory.child(name).path().to_owned());
    let query = "SELECT ?name WHERE { ?place a schema:Country ; schema:name ?name } ORDER BY ?name";
    let expected = newsgraph()
        .args(["sparql", "-q", "--format", "csv"])
        .args(&articles)
        .arg(query)
        .output()
        .unwrap();
    assert_eq!(expected.status.code(), Some(0));
    assert!(stdout_of(&expected).contains("Kenya"), "{}", stdout_of(&expected));
    for file in ["corpus.nq", "corpus.trig"] {
        let got = newsgraph()
            .args(["sparql", "--format", "csv", "--data"])
            .arg(out.child(file).path())
            .arg(query)
            .output()
            .unwrap();
        assert_eq!(got.status.code(), Some(0), "{}", stderr_of(&got));
        assert_eq!(stdout_of(&got), stdout_of(&expected), "{file}");
    }
    // Each article is a named graph of the stream.
    let graphs = newsgraph()
        .args(["sparql", "--format", "csv", "--data"])
        .arg(out.child("corpus.nq").path())
        .arg("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a schema:NewsArticle } }")
        .output()
        .unwrap();
    assert_eq!(stdout_of(&graphs), "n\r\n3\r\n");
    // A syntax error names the file, line and column.
    out.child("bad.nq").write_str("<https://a> <https://b> .\n").unwrap();
    let bad = newsgraph()
        .args(["sparql", "--data"])
        .arg(out.child("bad.nq").path())
        .arg("ASK {}")
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr_of(&bad).starts_with(&format!(
            "error: invalid data file {}: line 1, column ",
            out.child("bad.nq").path().display()
        )),
        "{}",
        stderr_of(&bad)
    );
}

/// A part of a corpus stream is drawn with Graphviz DOT: a CONSTRUCT result as `--format dot`,
/// the same from N-Quads and from TriG.
#[test]
fn dot_of_an_extracted_stream() {
    let directory = corpus_dir();
    let out = TempDir::new().unwrap();
    for (format, file) in [("nquads", "corpus.nq"), ("trig", "corpus.trig")] {
        newsgraph()
            .args(["extract", "-q", "--format", format, "-o"])
            .arg(out.child(file).path())
            .arg(directory.path())
            .assert()
            .code(0);
    }
    let query = "CONSTRUCT { ?doc schema:mentions ?x . ?x rdfs:label ?label . ?x a ?class } \
                 WHERE { ?doc schema:mentions ?x . ?x rdfs:label ?label . ?x a ?class }";
    let draw = |file: &str| {
        let output = newsgraph()
            .args(["sparql", "--format", "dot", "--data"])
            .arg(out.child(file).path())
            .arg(query)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
        stdout_of(&output)
    };
    let dot = draw("corpus.nq");
    assert_eq!(dot, draw("corpus.trig"));
    assert!(dot.starts_with("digraph newsgraph {\n"), "{dot}");
    // Kenya is a place (house shape), and each document points at it.
    assert!(dot.lines().any(|line| line.contains("[label=\"Kenya\", shape=house,")), "{dot}");
    assert!(dot.contains("[label=\"mentions\", tooltip=\"https://schema.org/mentions\"]"), "{dot}");
    assert!(dot.trim_end().ends_with('}'));
}
