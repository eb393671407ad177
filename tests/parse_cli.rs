//! `newsgraph parse`: CoNLL-U and JSON output, and bad input.
//!
//! The expected analysis was printed by spaCy 3.8.18 with en_core_web_sm 3.8.0 (the values of
//! every column but FEATS, DEPS and the escapes, which newsgraph's CoNLL-U writer defines).

use assert_cmd::Command;

fn newsgraph() -> Command {
    Command::cargo_bin("newsgraph").unwrap_or_else(|error| panic!("{error}"))
}

const TEXT: &str = "Peter Smith met the U.N. chief in Geneva. He didn't comment.\n";

#[test]
fn conllu_is_spacys_analysis() {
    let output = newsgraph()
        .args(["parse", "-"])
        .write_stdin(TEXT)
        .output()
        .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(output.status.code(), Some(0));
    let expected = "\
# text = Peter Smith met the U.N. chief in Geneva.
1\tPeter\tPeter\tPROPN\tNNP\t_\t2\tcompound\t_\tNER=B-PERSON
2\tSmith\tSmith\tPROPN\tNNP\t_\t3\tnsubj\t_\tNER=I-PERSON
3\tmet\tmeet\tVERB\tVBD\t_\t0\tROOT\t_\t_
4\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_
5\tU.N.\tU.N.\tPROPN\tNNP\t_\t6\tcompound\t_\tNER=B-ORG
6\tchief\tchief\tNOUN\tNN\t_\t3\tdobj\t_\t_
7\tin\tin\tADP\tIN\t_\t3\tprep\t_\t_
8\tGeneva\tGeneva\tPROPN\tNNP\t_\t7\tpobj\t_\tNER=B-GPE|SpaceAfter=No
9\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

# text = He didn't comment.\\n
1\tHe\the\tPRON\tPRP\t_\t4\tnsubj\t_\t_
2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\tSpaceAfter=No
3\tn't\tnot\tPART\tRB\t_\t4\tneg\t_\t_
4\tcomment\tcomment\tVERB\tVB\t_\t0\tROOT\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\tSpaceAfter=No
6\t\\n\t\\n\tSPACE\t_SP\t_\t5\tdep\t_\tSpaceAfter=No

";
    assert_eq!(String::from_utf8_lossy(&output.stdout), expected);
}

#[test]
fn json_has_offsets_sentences_and_entities() {
    let output = newsgraph()
        .args(["parse", "-", "--format", "json", "--no-entities"])
        .write_stdin("Hi.\n")
        .output()
        .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "{\"entities\":[],\"input\":\"<stdin>\",\"sentences\":[{\"end\":3,\"start\":0}],\"text\":\"Hi.\\n\",\"tokens\":[\
{\"char_end\":2,\"char_start\":0,\"dep\":\"ROOT\",\"end\":2,\"head\":0,\"lemma\":\"hi\",\"pos\":\"INTJ\",\"space_after\":false,\"start\":0,\"tag\":\"UH\"},\
{\"char_end\":3,\"char_start\":2,\"dep\":\"punct\",\"end\":3,\"head\":0,\"lemma\":\".\",\"pos\":\"PUNCT\",\"space_after\":false,\"start\":2,\"tag\":\".\"},\
{\"char_end\":4,\"char_start\":3,\"dep\":\"dep\",\"end\":4,\"head\":1,\"lemma\":\"\\n\",\"pos\":\"SPACE\",\"space_after\":false,\"start\":3,\"tag\":\"_SP\"}]}\n"
    );
}

#[test]
fn bad_input_is_an_error_naming_it() {
    let directory = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
    let binary = directory.path().join("binary.txt");
    std::fs::write(&binary, b"ok\n\xff\xfe").unwrap_or_else(|error| panic!("{error}"));
    let output =
        newsgraph().arg("parse").arg(&binary).output().unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        format!("error: {}: line 2: not UTF-8 text\n", binary.display())
    );
    let missing = newsgraph()
        .args(["parse", "no-such-file.txt"])
        .output()
        .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr)
        .starts_with("error: failed to read no-such-file.txt"));
    // Empty text: no sentence, no output, success.
    let empty = newsgraph()
        .args(["parse", "-"])
        .write_stdin("")
        .output()
        .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!((empty.status.code(), empty.stdout.len()), (Some(0), 0));
}
