//! `newsgraph query` end to end, with exact expected output: descriptions and aliases find an
//! entity, the source of every fact is named (text, dateline, lexicon), the entity's own facts
//! come first, and the article's node is found only by its title.
//!
//! See: issue 14 ("query").

#![expect(clippy::unwrap_used, reason = "a failed setup step should fail the test loudly")]

use assert_cmd::cargo::cargo_bin_cmd;

/// A two-sentence story with a dateline: a court named once, then described ("The court").
const STORY: &str = "ACCRA, Ghana (AP) — The Supreme Court ruled on Monday against the Electoral \
Commission. The court said the vote in Kumasi had been unfair.\n";

/// The label of the story's article node: its first sentence.
const TITLE: &str = "The Supreme Court ruled on Monday against the Electoral Commission.";

/// Runs `newsgraph query - --entity NAME` on `article`; returns stdout and the exit code.
fn query(article: &str, name: &str) -> (String, Option<i32>) {
    let output = cargo_bin_cmd!("newsgraph")
        .args(["query", "-q", "-", "--entity", name])
        .write_stdin(article)
        .output()
        .unwrap();
    (String::from_utf8(output.stdout).unwrap(), output.status.code())
}

#[track_caller]
fn assert_query(name: &str, expected: &[&str]) {
    let (stdout, code) = query(STORY, name);
    assert_eq!(code, Some(0), "query {name:?}");
    let got: Vec<&str> = stdout.lines().collect();
    assert_eq!(got, expected, "query {name:?}\nexpected:\n{}\ngot:\n{stdout}", expected.join("\n"));
}

#[test]
fn a_description_finds_the_entity_it_describes() {
    let expected = [
        "The Supreme Court ruled on Monday against the Electoral Commission. | mentions | Supreme Court | (from the text)",
        "Supreme Court: the vote in Kumasi had been unfair… | claimedBy | Supreme Court | \"The court said the vote in Kumasi had been unfair.\"",
        "Ruling by Supreme Court | agent | Supreme Court | \"The Supreme Court ruled on Monday against the Electoral Commission.\"",
        "Ruling by Supreme Court | court | Supreme Court | \"The Supreme Court ruled on Monday against the Electoral Commission.\"",
        "Statement by Supreme Court | speaker | Supreme Court | \"The court said the vote in Kumasi had been unfair.\"",
    ];
    // With or without the article, in any case: the same entity, the same facts.
    for name in ["the court", "The Court", "court", "  the   court "] {
        assert_query(name, &expected);
    }
}

#[test]
fn dateline_facts_say_so_and_come_after_the_entitys_own() {
    assert_query(
        "Accra",
        &[
            "Accra | containedInPlace | Ghana | (from the dateline) \"ACCRA, Ghana (AP) —\"",
            &format!("{TITLE} | locationCreated | Accra | (from the dateline)"),
        ],
    );
}

#[test]
fn lexicon_facts_say_so_and_mentions_are_from_the_text() {
    assert_query(
        "kumasi",
        &[
            "Kumasi | containedInPlace | Ghana | (from the lexicon)",
            &format!("{TITLE} | mentions | Kumasi | (from the text)"),
        ],
    );
}

#[test]
fn the_article_is_found_by_its_title_only() {
    // "Monday" is a word of the title, but no name of the article.
    let (stdout, code) = query(STORY, "ruled on Monday");
    assert_eq!(code, Some(1), "{stdout}");
    let (stdout, code) = query(STORY, TITLE);
    assert_eq!(code, Some(0));
    let first = stdout.lines().next().unwrap_or_default();
    assert_eq!(first, format!("{TITLE} | dateline | ACCRA, Ghana (AP) — | (from the dateline)"));
    assert!(stdout.lines().all(|line| line.starts_with(TITLE)), "{stdout}");
}

#[test]
fn the_court_of_the_bundled_article() {
    let output = cargo_bin_cmd!("newsgraph")
        .args(["query", "-q", "--entity", "the court"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    // Its own facts first: where it sits, with the sentence that says so.
    assert_eq!(
        lines.first().copied(),
        Some(
            "European Court of Human Rights | location | Strasbourg | \"The case was brought to \
             the Strasbourg-based court by more than 400 Russians either involved in the \
             incident, or whose relatives were taken hostage or killed.\""
        )
    );
    assert!(lines.len() > 5, "{stdout}");
    for line in &lines {
        assert!(line.contains("European Court of Human Rights"), "{line}");
        // Facts found in the text are never said to come from the lexicon.
        let source = line.rsplit(" | ").next().unwrap_or_default();
        assert!(source.starts_with('"') || source == "(from the text)", "{line}");
    }
}
