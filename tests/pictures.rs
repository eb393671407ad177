//! Tests of the pictures: the story view in DOT, the full view, the HTML report, and the
//! escaping of what the article contains.

#![expect(clippy::unwrap_used, reason = "a failed setup step should fail the test loudly")]

use std::collections::BTreeSet;

use assert_cmd::cargo::cargo_bin_cmd;
use assert_fs::prelude::*;
use assert_fs::TempDir;
use newsgraph::export::{DotSerializer, HtmlSerializer, View};
use newsgraph::{Format, KnowledgeGraph};

const DEMO: &str = include_str!("../data/articles/beslan-echr-2017.txt");

fn newsgraph() -> assert_cmd::Command {
    cargo_bin_cmd!("newsgraph")
}

fn dot(graphs: &[&KnowledgeGraph], view: View) -> String {
    let mut serializer = DotSerializer::new().with_view(view).for_writer(Vec::new());
    for graph in graphs {
        serializer.serialize_graph(graph).unwrap();
    }
    String::from_utf8(serializer.finish().unwrap()).unwrap()
}

fn html(graphs: &[&KnowledgeGraph]) -> String {
    let mut serializer = HtmlSerializer::new().for_writer(Vec::new());
    for graph in graphs {
        serializer.serialize_graph(graph).unwrap();
    }
    String::from_utf8(serializer.finish().unwrap()).unwrap()
}

/// The node labels of a DOT file (legend entries left out).
fn node_labels(dot: &str) -> Vec<String> {
    dot.lines()
        .filter(|line| line.trim_start().starts_with('n') && !line.contains("->"))
        .filter_map(|line| line.split("label=\"").nth(1))
        .map(|rest| rest.split("\", shape=").next().unwrap_or_default().to_owned())
        .collect()
}

fn edge_labels(dot: &str) -> Vec<String> {
    dot.lines()
        .filter(|line| line.contains("->") && !line.contains("legend_"))
        .filter_map(|line| line.split("label=\"").nth(1))
        .map(|rest| rest.split('"').next().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn story_view_of_the_demo_shows_who_did_what() {
    let graph = newsgraph::extract(DEMO).unwrap();
    let story = dot(&[&graph], View::Story);
    let labels = node_labels(&story);
    let edges = edge_labels(&story);
    // No article hub, no provenance, no background facts from the lexicon.
    assert!(!edges.iter().any(|label| label.contains("mentions")), "{edges:?}");
    assert!(!story.contains(&format!("tooltip=\"{}\"", graph.document().iri)));
    assert!(!labels.iter().any(|label| label.contains("Île-de-France")), "{labels:?}");
    assert!(!labels.iter().any(|label| label.starts_with("Statement by")), "{labels:?}");
    // One node per thing: no two nodes have the same label.
    let unique: BTreeSet<&String> = labels.iter().collect();
    assert_eq!(unique.len(), labels.len(), "{labels:#?}");
    // Quotes hang from their speakers, labelled with their words.
    assert!(edges.iter().filter(|label| *label == "said").count() >= 8, "{edges:?}");
    assert!(labels.iter().any(|label| label.starts_with("“Such phrasing for a country")));
    // Quantities are lines of the event they qualify.
    assert!(
        labels.iter().any(|label| label.starts_with(
            "Beslan school siege\\n2004-09-01\\nkilled: over 330 people (incl. 184\\nchildren)"
        )),
        "{labels:#?}"
    );
    // Who ruled against whom.
    assert!(story.contains("label=\"against\""));
    assert!(labels.len() < 50 && edges.len() < 80, "{} nodes, {} edges", labels.len(), edges.len());

    let full = dot(&[&graph], View::Full);
    assert_eq!(edge_labels(&full).iter().filter(|label| *label == "mentions").count(), 58);
}

#[test]
fn entities_shared_by_articles_are_drawn_once() {
    let first = newsgraph::extract(
        "STRASBOURG (France) • The European Court of Human Rights ruled against Russia on Tuesday.\n",
    )
    .unwrap();
    let second = newsgraph::extract(
        "MOSCOW • Kremlin spokesman Dmitry Peskov said Russia disagreed with the European Court of Human Rights.\n",
    )
    .unwrap();
    let story = dot(&[&first, &second], View::Story);
    let labels = node_labels(&story);
    for name in ["Russia", "European Court of Human Rights"] {
        let n_drawn = labels.iter().filter(|label| label.replace("\\n", " ") == name).count();
        assert_eq!(n_drawn, 1, "{name} in {labels:#?}");
    }
    assert!(
        labels.iter().any(|label| label.starts_with("Ruling by European Court")),
        "{labels:#?}"
    );
    assert!(labels.iter().any(|label| label.starts_with("Dmitry Peskov")), "{labels:#?}");
    // The HTML report of both has one story graph and a section per article.
    let report = html(&[&first, &second]);
    assert_eq!(report.matches("<svg").count(), 1);
    assert!(report.contains("id=\"article-1\"") && report.contains("id=\"article-2\""));
}

// See: issue 15 ("DOT passes control characters through").
#[test]
fn control_characters_never_reach_dot_or_html() {
    let article = "STRASBOURG (France) • The European Court of Human Rights ruled against Russia.\n\n\
                   Kremlin spokesman Dmitry Peskov said \"it is wrong\u{7}\u{1b}[31m and \u{9b}unfair\", \
                   and Russia rejected the ruling.\n";
    let graph = newsgraph::extract(article).unwrap();
    assert!(graph.document().text.contains('\u{7}'), "the test needs the BEL in the graph");
    let outputs = [
        ("story dot", dot(&[&graph], View::Story)),
        ("full dot", dot(&[&graph], View::Full)),
        ("html", html(&[&graph])),
    ];
    for (name, output) in outputs {
        let bad: Vec<char> =
            output.chars().filter(|c| c.is_control() && *c != '\n' && *c != '\t').collect();
        assert!(bad.is_empty(), "{name} has control characters {bad:?}");
        assert!(output.contains('\u{fffd}'), "{name}: the BEL should show as U+FFFD");
    }
}

#[test]
fn html_report_is_self_contained_and_complete() {
    let graph = newsgraph::extract(DEMO).unwrap();
    let report = html(&[&graph]);
    assert!(report.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    for part in [
        "<section id=\"graph\">",
        "<svg ",
        "<section id=\"article-1\">",
        "<section id=\"entities-1\">",
        "<section id=\"facts-1\">",
        "<table>",
        "<section id=\"diagnostics-1\">",
        "Content-Security-Policy",
    ] {
        assert!(report.contains(part), "missing {part}");
    }
    assert!(!report.contains("<script"));
    assert!(!report.contains(" src="));
    // Every link is to an anchor of the page, and every anchor it links to exists.
    let ids: BTreeSet<&str> =
        report.split(" id=\"").skip(1).filter_map(|rest| rest.split('"').next()).collect();
    let mut n_links = 0;
    for target in report.split(" href=\"").skip(1).filter_map(|rest| rest.split('"').next()) {
        let anchor = target.strip_prefix('#').unwrap_or_else(|| panic!("external link {target}"));
        assert!(ids.contains(anchor), "no element with id {anchor}");
        n_links += 1;
    }
    assert!(n_links > 100, "{n_links} links");
    // Mentions are linked to their entities, nested ones highlighted inside.
    assert!(report.contains(
        "<a class=\"m k-organisation\" href=\"#a1-n63\" title=\"European Court of Human Rights\">European Court of Human Rights</a> ruled yesterday"
    ));
    // A fact row: sentence and rule.
    assert!(report.contains("<td><a href=\"#a1-n30\">Ruling by European Court of Human Rights</a></td><td>against</td><td><a href=\"#a1-n72\">Russia</a></td>"));
    // Byte-stable.
    assert_eq!(report, html(&[&graph]));
}

#[test]
fn html_escapes_markup_in_the_article() {
    let article = "STRASBOURG (France) • The European Court of Human Rights ruled that 3 < 4 & \"5 > 2\" against Russia.\n";
    let graph = newsgraph::extract(article).unwrap();
    let report = html(&[&graph]);
    assert!(report.contains("that 3 &lt; 4 &amp; &quot;5 &gt; 2&quot; against"), "{report}");
}

#[test]
fn cli_view_and_html() {
    let story = newsgraph().args(["extract", "-q", "--format", "dot"]).assert().success();
    let story = String::from_utf8(story.get_output().stdout.clone()).unwrap();
    assert!(!story.contains("label=\"mentions\""));
    let full =
        newsgraph().args(["extract", "-q", "--format", "dot", "--view", "full"]).assert().success();
    let full = String::from_utf8(full.get_output().stdout.clone()).unwrap();
    assert!(full.contains("label=\"mentions\""));

    let refused = newsgraph().args(["extract", "-q", "--view", "full"]).assert().code(2);
    let stderr = String::from_utf8(refused.get_output().stderr.clone()).unwrap();
    assert_eq!(stderr, "error: --view applies to --format dot only, not turtle\n");

    let directory = TempDir::new().unwrap();
    let report = directory.child("report.html");
    newsgraph().args(["extract", "-q", "-o"]).arg(report.path()).assert().success();
    let page = std::fs::read_to_string(report.path()).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert_eq!("htm".parse::<Format>().ok(), Some(Format::Html));
}

/// When Graphviz is installed, the story view of an article with control characters renders
/// to an SVG with none of them (CI installs Graphviz; the check is skipped without it).
#[test]
fn graphviz_renders_the_story_view() {
    let Ok(status) = std::process::Command::new("dot").arg("-V").output() else {
        eprintln!("note: Graphviz `dot` is not installed; render check skipped");
        return;
    };
    assert!(status.status.success());
    let article =
        "STRASBOURG (France) • The European Court of Human Rights ruled against Russia.\n\n\
                   Kremlin spokesman Dmitry Peskov said \"it is wrong\u{7}\".\n";
    let graph = newsgraph::extract(article).unwrap();
    let directory = TempDir::new().unwrap();
    let input = directory.child("story.dot");
    input.write_str(&dot(&[&graph], View::Story)).unwrap();
    let output = std::process::Command::new("dot").arg("-Tsvg").arg(input.path()).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let svg = String::from_utf8(output.stdout).unwrap();
    assert!(svg.contains("Dmitry Peskov"));
    assert!(!svg.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
}
