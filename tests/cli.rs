//! Tests of the `newsgraph` binary: formats, output files, bad input, exit codes.
//!
//! Exit codes: 0 success (also on a closed stdout), 1 no match, 2 error.
//! Errors are one `error: …` line on stderr; diagnostics are `warning: …` lines.

#![expect(clippy::unwrap_used, reason = "a failed setup step should fail the test loudly")]

use std::io::Read;
use std::path::Path;
use std::process::Stdio;

use assert_cmd::cargo::cargo_bin_cmd;
use assert_fs::prelude::*;
use assert_fs::TempDir;
use predicates::prelude::*;

const FORMATS: [&str; 6] = ["turtle", "ntriples", "nquads", "trig", "jsonld", "dot"];

/// A short wire story with no dateline at all.
const NO_DATELINE: &str = "\
The city council approved a new budget on Tuesday, officials said.

Mayor Jane Doe told reporters that the plan would fund three new schools.
";

fn newsgraph() -> assert_cmd::Command {
    cargo_bin_cmd!("newsgraph")
}

/// Checks that stderr is exactly one `error: …` line, and that nothing panicked.
fn assert_one_line_error(stderr: &[u8]) -> String {
    let stderr = String::from_utf8_lossy(stderr).into_owned();
    assert!(!stderr.contains("panicked"), "panic on stderr:\n{stderr}");
    let lines: Vec<&str> = stderr.lines().filter(|line| !line.starts_with("warning: ")).collect();
    assert_eq!(lines.len(), 1, "expected one error line, got:\n{stderr}");
    assert!(lines[0].starts_with("error: "), "expected `error: …`, got:\n{stderr}");
    stderr
}

/// The names of the files in a directory, sorted.
fn files_in(directory: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(directory)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// A marker that output in a format must contain.
fn check_format(format: &str, output: &str) {
    assert!(!output.trim().is_empty(), "{format}: empty output");
    match format {
        "turtle" => assert!(output.contains("@prefix"), "turtle without @prefix:\n{output}"),
        // Named graphs appear once there are facts with evidence; the golden files check them.
        "trig" => assert!(output.contains("@prefix"), "trig without @prefix:\n{output}"),
        "ntriples" | "nquads" => {
            for line in output.lines().filter(|line| !line.trim().is_empty()) {
                assert!(line.starts_with('<') || line.starts_with("_:"), "{format}: {line}");
                assert!(line.trim_end().ends_with(" ."), "{format}: {line}");
            }
        }
        "jsonld" => {
            let value: Result<serde_json::Value, _> = serde_json::from_str(output);
            assert!(value.is_ok(), "jsonld is not JSON: {value:?}");
        }
        "dot" => assert!(output.contains("digraph"), "dot without digraph:\n{output}"),
        other => panic!("unknown format {other}"),
    }
}

#[test]
fn default_run_prints_turtle() {
    newsgraph().arg("extract").assert().success().stdout(predicate::str::contains("@prefix"));
}

#[test]
fn every_format() {
    for format in FORMATS {
        let output = newsgraph().args(["extract", "--format", format]).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "--format {format} failed: {stderr}");
        check_format(format, &String::from_utf8_lossy(&output.stdout));
    }
}

#[test]
fn format_aliases() {
    for alias in ["ttl", "nt", "nq", "json-ld", "gv"] {
        newsgraph().args(["extract", "--format", alias]).assert().success();
    }
}

#[test]
fn output_file_is_written() {
    let directory = TempDir::new().unwrap();
    let target = directory.child("graph.ttl");
    newsgraph()
        .args(["extract", "-o"])
        .arg(target.path())
        .assert()
        .success()
        .stdout(predicate::str::is_empty());
    target.assert(predicate::str::contains("@prefix"));
    // Only the output: the temporary file was renamed, not copied.
    assert_eq!(files_in(directory.path()), ["graph.ttl"]);
}

#[test]
fn format_follows_output_extension() {
    let directory = TempDir::new().unwrap();
    let cases = [
        ("graph.ttl", "turtle"),
        ("graph.nt", "ntriples"),
        ("graph.nq", "nquads"),
        ("graph.trig", "trig"),
        ("graph.jsonld", "jsonld"),
        ("graph.dot", "dot"),
    ];
    for (file, format) in cases {
        let target = directory.child(file);
        newsgraph().args(["extract", "-o"]).arg(target.path()).assert().success();
        let written = std::fs::read_to_string(target.path()).unwrap();
        check_format(format, &written);
    }
    // An explicit --format wins over the extension.
    let target = directory.child("graph.txt");
    newsgraph().args(["extract", "--format", "dot", "-o"]).arg(target.path()).assert().success();
    target.assert(predicate::str::contains("digraph"));
}

#[test]
fn unknown_output_extension_is_an_error() {
    let directory = TempDir::new().unwrap();
    let target = directory.child("graph.xyz");
    let output = newsgraph().args(["extract", "-o"]).arg(target.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = assert_one_line_error(&output.stderr);
    assert!(stderr.contains("--format"), "{stderr}");
    target.assert(predicate::path::missing());
}

#[test]
fn reads_a_file_and_stdin() {
    let directory = TempDir::new().unwrap();
    let article = directory.child("article.txt");
    article.write_str(NO_DATELINE).unwrap();
    let from_file =
        newsgraph().args(["extract", "--format", "ntriples"]).arg(article.path()).output().unwrap();
    assert!(from_file.status.success(), "{}", String::from_utf8_lossy(&from_file.stderr));
    let from_stdin = newsgraph()
        .args(["extract", "--format", "ntriples", "-"])
        .write_stdin(NO_DATELINE)
        .output()
        .unwrap();
    assert!(from_stdin.status.success(), "{}", String::from_utf8_lossy(&from_stdin.stderr));
    assert_eq!(from_file.stdout, from_stdin.stdout, "same text, same graph");
}

#[test]
fn base_iri_is_used() {
    newsgraph()
        .args(["extract", "--format", "ntriples", "--base", "https://example.org/news/"])
        .assert()
        .success()
        .stdout(predicate::str::contains("<https://example.org/news/"));
}

#[test]
fn invalid_base_iri_is_an_error() {
    let output = newsgraph().args(["extract", "--base", "not an iri"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = assert_one_line_error(&output.stderr);
    assert!(stderr.contains("--base"), "{stderr}");
}

#[test]
fn missing_file_is_an_error() {
    let output = newsgraph().args(["extract", "no/such/article.txt"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = assert_one_line_error(&output.stderr);
    assert!(stderr.contains("failed to read article no/such/article.txt"), "{stderr}");
}

/// Bad inputs: each exits 2 with one `error:` line, and leaves no output file.
#[test]
fn bad_inputs() {
    let directory = TempDir::new().unwrap();
    let mut large = Vec::with_capacity(11 * 1024 * 1024);
    while large.len() < 11 * 1024 * 1024 {
        large.extend_from_slice(b"The council met on Tuesday and approved the budget. ");
    }
    let cases: [(&str, Vec<u8>, &str); 7] = [
        ("empty", Vec::new(), "empty"),
        ("blank", b"  \n\n \t \n".to_vec(), "line 1, column 1"),
        ("binary", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0".to_vec(), ""),
        ("nul-bytes", b"text\0\0\0\0more text\0\0\0\0and more\0".to_vec(), ""),
        // A Latin-1 "o with umlaut" on line 2, column 2.
        ("latin1", b"Hello there.\nW\xf6rld news.\n".to_vec(), "line 2, column 2"),
        (
            "html",
            b"<!DOCTYPE html>\n<html><head><title>News</title></head>\n<body><p>The council met.</p></body></html>\n"
                .to_vec(),
            "",
        ),
        ("large", large, ""),
    ];
    for (name, bytes, expected) in cases {
        let input = directory.child(format!("{name}.txt"));
        input.write_binary(&bytes).unwrap();
        let target = directory.child(format!("{name}.ttl"));
        let output = newsgraph()
            .args(["extract", "-o"])
            .arg(target.path())
            .arg(input.path())
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(2),
            "{name}: expected exit 2, stderr: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let stderr = assert_one_line_error(&output.stderr);
        assert!(stderr.contains(expected), "{name}: expected {expected:?} in {stderr}");
        assert!(stderr.contains(&format!("{name}.txt")), "{name}: error names no file: {stderr}");
        target.assert(predicate::path::missing());
    }
    // Only the inputs are left: no output, no temporary file.
    let mut inputs: Vec<String> =
        ["binary", "blank", "empty", "html", "large", "latin1", "nul-bytes"]
            .iter()
            .map(|name| format!("{name}.txt"))
            .collect();
    inputs.sort();
    assert_eq!(files_in(directory.path()), inputs);
}

#[test]
fn bad_input_keeps_an_existing_output_file() {
    let directory = TempDir::new().unwrap();
    let input = directory.child("empty.txt");
    input.write_str("").unwrap();
    let target = directory.child("graph.ttl");
    target.write_str("previous content\n").unwrap();
    newsgraph().args(["extract", "-o"]).arg(target.path()).arg(input.path()).assert().code(2);
    target.assert("previous content\n");
}

#[test]
fn unwritable_output_is_an_error() {
    let directory = TempDir::new().unwrap();
    let target = directory.child("no/such/dir/graph.ttl");
    let output = newsgraph().args(["extract", "-o"]).arg(target.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_one_line_error(&output.stderr);
}

/// A page with a headline and a date line.
const PAGE: &str = "\
Council approves budget

Wednesday, April 13, 2011

The city council approved a new budget yesterday, officials said.
";

// See: issue 12 (`--published`).
#[test]
fn published_date_from_the_caller() {
    let directory = TempDir::new().unwrap();
    let story = directory.child("story.txt");
    story.write_str(NO_DATELINE).unwrap();
    let output = newsgraph()
        .args(["extract", "--format", "ntriples", "--published", "2019-09-24"])
        .arg(story.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains(
            "<https://schema.org/datePublished> \"2019-09-24\"^^<http://www.w3.org/2001/XMLSchema#date>"
        ),
        "{stdout}"
    );
    // "on Tuesday" in a story published on Tuesday 2019-09-24 is that day.
    assert!(
        stdout.contains("\"2019-09-24\"^^<http://www.w3.org/2001/XMLSchema#date> ."),
        "{stdout}"
    );
    // With a date, no warning about a missing one.
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!stderr.contains("dateline"), "{stderr}");

    // The text's own date line, and a caller who disagrees: the caller wins, with a warning.
    let page = directory.child("page.txt");
    page.write_str(PAGE).unwrap();
    let output = newsgraph()
        .args(["extract", "--format", "ntriples", "--published", "2011-04-14"])
        .arg(page.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("<https://schema.org/datePublished> \"2011-04-14\""), "{stdout}");
    // "yesterday" counts from the date given.
    assert!(
        stdout.contains("#mentionsDate> \"2011-04-13\"^^<http://www.w3.org/2001/XMLSchema#date>"),
        "{stdout}"
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        stderr.replace(&format!("{}: ", page.path().display()), ""),
        "warning: line 3, column 1: the publication date given (2011-04-14) differs from the date line's (2011-04-13); using 2011-04-14 (article)\n"
    );

    // Without --published, the date line dates the page and "yesterday".
    let output =
        newsgraph().args(["extract", "--format", "ntriples"]).arg(page.path()).output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("<https://schema.org/datePublished> \"2011-04-13\""), "{stdout}");
    assert!(
        stdout.contains("<https://schema.org/headline> \"Council approves budget\""),
        "{stdout}"
    );
    assert!(
        stdout.contains("#mentionsDate> \"2011-04-12\"^^<http://www.w3.org/2001/XMLSchema#date>"),
        "{stdout}"
    );
}

#[test]
fn published_must_be_a_date() {
    for value in ["2019-13-01", "yesterday", "24/09/2019"] {
        let output = newsgraph().args(["extract", "--published", value]).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{value}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.starts_with(&format!(
                "error: invalid value '{value}' for '--published <DATE>': expected a date as YYYY-MM-DD, such as 2019-09-24"
            )),
            "{stderr}"
        );
    }
}

#[test]
fn missing_dateline_is_a_warning() {
    let directory = TempDir::new().unwrap();
    let article = directory.child("article.txt");
    article.write_str(NO_DATELINE).unwrap();
    newsgraph()
        .arg("extract")
        .arg(article.path())
        .assert()
        .success()
        .stderr(predicate::str::contains("warning:").and(predicate::str::contains("dateline")));
    // -q silences warnings.
    newsgraph()
        .args(["extract", "-q"])
        .arg(article.path())
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
}

#[test]
fn broken_pipe_exits_zero() {
    // Like `newsgraph extract | head -0`: the reader goes away before the output is written.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("newsgraph"))
        .args(["extract", "--format", "ntriples"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert!(status.success(), "exit {status}, stderr: {stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
}

#[test]
fn query_lists_facts_with_sentences() {
    let output = newsgraph().args(["query", "--entity", "Peskov"]).output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    assert!(!stdout.trim().is_empty(), "no facts about Peskov");
    for line in stdout.lines() {
        let fields: Vec<&str> = line.splitn(4, " | ").collect();
        assert_eq!(fields.len(), 4, "not `subject | relation | object | \"sentence\"`: {line}");
        assert!(fields[3].starts_with('"') || fields[3].starts_with('('), "{line}");
    }
    assert!(stdout.contains("Peskov"), "{stdout}");
}

#[test]
fn query_without_match_exits_one() {
    let output = newsgraph().args(["query", "--entity", "Zyxwvut Nonexistent"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no entity matches \"Zyxwvut Nonexistent\""), "{stderr}");
    assert_eq!(stderr.lines().filter(|line| !line.starts_with("warning: ")).count(), 1);
    assert!(output.stdout.is_empty());
}

#[test]
fn query_needs_an_entity() {
    newsgraph().arg("query").assert().code(2).stderr(predicate::str::contains("--entity"));
}

#[test]
fn help_teaches() {
    newsgraph()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"))
        .stdout(predicate::str::contains("extract"))
        .stdout(predicate::str::contains("query"));
    let extract_help = newsgraph().args(["extract", "--help"]).output().unwrap();
    let extract_help = String::from_utf8_lossy(&extract_help.stdout);
    for format in FORMATS {
        assert!(extract_help.contains(format), "extract --help does not mention {format}");
    }
    assert!(extract_help.contains("--output"));
    assert!(extract_help.contains("--base"));
}

#[test]
fn version() {
    newsgraph()
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("newsgraph {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn no_subcommand_is_a_usage_error() {
    newsgraph().assert().code(2).stderr(predicate::str::contains("Usage"));
}

#[test]
fn sparql_prints_a_table_by_default() {
    let output = newsgraph()
        .args(["sparql", "-q", "@examples/queries/who-ruled-against-whom.rq"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "?court                              | ?against\n\
         ------------------------------------+------------\n\
         \"European Court of Human Rights\"@en | \"Russia\"@en\n"
    );
}

#[test]
fn sparql_reads_several_articles_and_writes_json() {
    let directory = TempDir::new().unwrap();
    let article = directory.child("turkey.txt");
    article
        .write_str("PARIS (France) • The European Court of Human Rights ruled against Turkey.\n")
        .unwrap();
    let bundled = Path::new("data/articles/beslan-echr-2017.txt");
    let output = newsgraph()
        .arg("sparql")
        .arg("-q")
        .arg(bundled)
        .arg(article.path())
        .args([
            "SELECT ?party WHERE { ?ruling ng:against ?party } ORDER BY ?party",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let parties: Vec<&str> = json["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|binding| binding["party"]["value"].as_str().unwrap())
        .collect();
    assert_eq!(
        parties,
        ["https://w3id.org/newsgraph/id/russia", "https://w3id.org/newsgraph/id/turkey"]
    );
}

#[test]
fn sparql_syntax_error_is_one_line_with_position() {
    let output = newsgraph().args(["sparql", "-q", "SELECT ?x WHERE { ?x"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = assert_one_line_error(&output.stderr);
    assert!(stderr.starts_with("error: invalid SPARQL query: line 1, column "), "{stderr}");
}

#[test]
fn sparql_missing_query_file() {
    let output = newsgraph().args(["sparql", "-q", "@no/such/file.rq"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = assert_one_line_error(&output.stderr);
    assert!(stderr.starts_with("error: failed to read query file no/such/file.rq: "), "{stderr}");
}

#[test]
fn sparql_help_says_the_default_graph_is_the_union() {
    let output = newsgraph().args(["sparql", "--help"]).output().unwrap();
    let help = String::from_utf8(output.stdout).unwrap();
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(help.contains("The default graph is the union of every article's quads"), "{help}");
    assert!(help.contains("named sentence graphs included"), "{help}");
    assert!(help.contains("Usage: newsgraph sparql [OPTIONS] [PATH]... <QUERY>"), "{help}");
}

/// A story about an organisation no lexicon knows (the parser finds it, untyped), and a verb no
/// built-in rule or frame reads.
const UNKNOWN_GUILD: &str = "\
LONDON, March 3 (Reuters) - The Zorblax Widget Guild blorted the United Nations on Tuesday, \
officials said.
";

#[test]
fn user_lexicons_and_rules_extend_the_built_in_ones() {
    let dir = TempDir::new().unwrap();
    dir.child("lexicons/organizations.tsv")
        .write_str(
            "name\taliases\tclass\tcountry\tbased_in\twikidata\n\
             Zorblax Widget Guild\tZWG\tCompany\tGB\t\t\n",
        )
        .unwrap();
    dir.child("rules.tsv")
        .write_str("id\taction\tpattern\nguild-blort\tevent:Meeting\t{ORG:agent} blorted (?:the )?{ORG:target}\n")
        .unwrap();
    let story = dir.child("story.txt");
    story.write_str(UNKNOWN_GUILD).unwrap();

    let plain =
        newsgraph().args(["-q", "extract", "-f", "ntriples"]).arg(story.path()).output().unwrap();
    let plain = String::from_utf8(plain.stdout).unwrap();
    // The parser's recogniser finds the name, but only the user's lexicon says it is a company.
    assert!(!plain.contains("/id/zorblax-widget-guild> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/newsgraph/ontology#Company>"), "{plain}");
    assert!(!plain.contains("\"guild-blort\""), "{plain}");

    let extended = newsgraph()
        .args(["-q", "extract", "-f", "ntriples", "--lexicons"])
        .arg(dir.child("lexicons").path())
        .arg("--rules")
        .arg(dir.child("rules.tsv").path())
        .arg(story.path())
        .output()
        .unwrap();
    assert!(extended.status.success());
    let extended = String::from_utf8(extended.stdout).unwrap();
    let guild = "<https://w3id.org/newsgraph/id/zorblax-widget-guild>";
    assert!(
        extended.contains(&format!(
            "{guild} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/newsgraph/ontology#Company> ."
        )),
        "the user's lexicon entry names a company:\n{extended}"
    );
    assert!(
        extended.contains(&format!("<https://w3id.org/newsgraph/ontology#agent> {guild} .")),
        "the user's rule makes the guild the agent of a meeting:\n{extended}"
    );
    assert!(extended.contains("\"guild-blort\""), "the fact names the user's rule:\n{extended}");
}

#[test]
fn bad_user_lexicons_and_rules_are_one_line_errors() {
    let dir = TempDir::new().unwrap();
    dir.child("rules.tsv").write_str("id\taction\tpattern\nbroken\tfrobnicate\tx\n").unwrap();
    dir.child("lexicons/cities.tsv").write_str("name\n").unwrap();
    let cases: [(&[&str], &str); 4] = [
        (&["--rules", "rules.tsv"], "rules.tsv:2: unknown action \"frobnicate\""),
        (&["--rules", "missing.tsv"], "missing.tsv: "),
        (&["--lexicons", "lexicons"], "cities.tsv:1: expected the header"),
        (&["--lexicons", "rules.tsv"], "rules.tsv: not a directory"),
    ];
    for (args, expected) in cases {
        let output =
            newsgraph().current_dir(dir.path()).arg("extract").args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = assert_one_line_error(&output.stderr);
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
}

/// `--frames FILE` adds verbs to the frame tables: a verb no built-in frame reads becomes an
/// event with the roles the file gives, and the fact names the frame; a malformed row is a
/// one-line error naming the file and line.
#[test]
fn user_frames_extend_the_built_in_ones() {
    let dir = TempDir::new().unwrap();
    let story = dir.child("story.txt");
    story
        .write_str("NAIROBI, Kenya (AP) - Rioters torched the Grand Regency Hotel on Tuesday.\n")
        .unwrap();
    dir.child("frames.tsv")
        .write_str("lemma\tpos\tclass\troles\ntorch\tverb\tAttack\targ0=agent arg1=target\n")
        .unwrap();
    dir.child("bad.tsv")
        .write_str("lemma\tpos\tclass\troles\ntorch\tverb\tAttack\targ9=agent\n")
        .unwrap();

    let plain =
        newsgraph().args(["-q", "extract", "-f", "ntriples"]).arg(story.path()).output().unwrap();
    assert!(!String::from_utf8(plain.stdout).unwrap().contains("\"frame:torch\""));

    let extended = newsgraph()
        .args(["-q", "extract", "-f", "ntriples", "--frames"])
        .arg(dir.child("frames.tsv").path())
        .arg(story.path())
        .output()
        .unwrap();
    assert!(extended.status.success());
    let extended = String::from_utf8(extended.stdout).unwrap();
    assert!(
        extended.contains("<https://w3id.org/newsgraph/ontology#target> <https://w3id.org/newsgraph/id/grand-regency-hotel> ."),
        "{extended}"
    );
    assert!(extended.contains("\"frame:torch\""), "{extended}");

    let bad = newsgraph()
        .args(["extract", "--frames"])
        .arg(dir.child("bad.tsv").path())
        .arg(story.path())
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let stderr = String::from_utf8(bad.stderr).unwrap();
    assert!(stderr.contains("bad.tsv:2:") && stderr.contains("arg9"), "{stderr}");
}
