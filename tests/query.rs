//! Table tests of the query API on a small hand-built graph.
//!
//! The graph (sentence numbers in brackets are the evidence):
//!
//! ```text
//! Jane Doe --worksFor[0]--> Acme Corporation --location[1]--> Springfield
//! Acme merger --agent[2]--> Acme Corporation
//! Jane Doe: age 40 [0]        Acme merger: date 2020-01-02 [2]
//! Lonely Node (no facts)
//! ```

use newsgraph::graph::{Document, SentenceRecord};
use newsgraph::{Evidence, FactObject, KnowledgeGraph, Literal, Node, NodeKind, Span};
use petgraph::stable_graph::NodeIndex;

const ID: &str = "https://example.org/id/";
const ONTOLOGY: &str = "https://example.org/ontology#";
const PERSON: &str = "https://schema.org/Person";
const ORGANIZATION: &str = "https://schema.org/Organization";
const CITY: &str = "https://schema.org/City";

const SENTENCES: [&str; 3] = [
    "Jane Doe, 40, works for Acme.",
    "Acme is based in Springfield.",
    "Acme merged on 2 January 2020.",
];

struct Fixture {
    graph: KnowledgeGraph,
    jane: NodeIndex,
    acme: NodeIndex,
    springfield: NodeIndex,
    merger: NodeIndex,
    lonely: NodeIndex,
}

fn predicate(local: &str) -> String {
    format!("{ONTOLOGY}{local}")
}

fn evidence(sentence: usize) -> Option<Evidence> {
    Some(Evidence { sentence, span: Span::default(), rule: format!("test:{sentence}").into() })
}

fn fixture() -> Fixture {
    let mut text = String::new();
    let mut sentences = Vec::new();
    for sentence in SENTENCES {
        let start = text.len();
        text.push_str(sentence);
        let span =
            Span { start, end: text.len(), start_char: start, end_char: start + sentence.len() };
        sentences.push(SentenceRecord { span, text: sentence.to_owned(), in_caption: false });
        text.push(' ');
    }
    let document = Document { iri: "https://example.org/doc/1".to_owned(), text, sentences };
    let mut graph = KnowledgeGraph::new(document);

    let mut jane =
        Node::new(format!("{ID}jane-doe"), NodeKind::Entity, "Jane Doe").with_class(PERSON);
    jane.names.push("Doe".to_owned());
    let jane = graph.add_node(jane);
    let mut acme = Node::new(format!("{ID}acme"), NodeKind::Entity, "Acme Corporation")
        .with_class(ORGANIZATION);
    acme.names.push("Acme".to_owned());
    let acme = graph.add_node(acme);
    let springfield = graph.add_node(
        Node::new(format!("{ID}springfield"), NodeKind::Entity, "Springfield").with_class(CITY),
    );
    let merger =
        graph.add_node(Node::new(format!("{ID}acme-merger"), NodeKind::Event, "Acme merger"));
    let lonely = graph.add_node(Node::new(format!("{ID}lonely"), NodeKind::Entity, "Lonely Node"));

    graph.add_edge(jane, &predicate("worksFor"), acme, evidence(0));
    graph.add_edge(acme, &predicate("location"), springfield, evidence(1));
    graph.add_edge(merger, &predicate("agent"), acme, evidence(2));
    graph.add_attribute(jane, &predicate("age"), Literal::Integer(40), evidence(0));
    let date = jiff::civil::date(2020, 1, 2);
    graph.add_attribute(merger, &predicate("date"), Literal::Date(date), evidence(2));

    Fixture { graph, jane, acme, springfield, merger, lonely }
}

/// A fact pattern: subject, predicate, object.
type Pattern<'a> = (Option<NodeIndex>, Option<&'a str>, Option<NodeIndex>);

/// A fact as `subject label — predicate — object`, for compact assertions.
fn show(facts: &[newsgraph::Fact<'_>]) -> Vec<String> {
    facts.iter().map(ToString::to_string).collect()
}

#[test]
fn entities_of_class() {
    let f = fixture();
    let cases: [(&str, Vec<NodeIndex>); 4] = [
        (PERSON, vec![f.jane]),
        (ORGANIZATION, vec![f.acme]),
        (CITY, vec![f.springfield]),
        ("https://schema.org/Country", vec![]),
    ];
    for (class, expected) in cases {
        assert_eq!(f.graph.entities_of_class(class), expected, "class {class}");
    }
}

#[test]
fn find_by_name() {
    let f = fixture();
    let cases: [(&str, Vec<NodeIndex>); 9] = [
        ("Jane Doe", vec![f.jane]),
        ("jane doe", vec![f.jane]),
        ("DOE", vec![f.jane]),
        ("  Doe  ", vec![f.jane]),
        ("jane", vec![f.jane]),
        // Exact ("Acme" is a name of the company) ranks before substring (the merger).
        ("acme", vec![f.acme, f.merger]),
        // Two substring matches, by IRI: acme < acme-merger.
        ("acme c", vec![f.acme]),
        ("", vec![]),
        ("nobody", vec![]),
    ];
    for (name, expected) in cases {
        assert_eq!(f.graph.find_by_name(name), expected, "name {name:?}");
    }
    // A partial match on the label counts as well as one on a name.
    assert_eq!(f.graph.find_by_name("merger"), vec![f.merger]);
}

#[test]
fn facts_are_sorted_and_complete() {
    let f = fixture();
    let facts: Vec<_> = f.graph.facts().collect();
    assert_eq!(
        show(&facts),
        [
            "Acme Corporation — location — Springfield",
            "Acme merger — agent — Acme Corporation",
            "Acme merger — date — 2020-01-02",
            "Jane Doe — age — 40",
            "Jane Doe — worksFor — Acme Corporation",
        ]
    );
    // Same graph, same order.
    let again: Vec<_> = fixture().graph.facts().map(|fact| fact.to_string()).collect();
    assert_eq!(show(&facts), again);
}

#[test]
fn facts_about() {
    let f = fixture();
    let cases: [(NodeIndex, &[&str]); 4] = [
        (
            f.acme,
            &[
                "Acme Corporation — location — Springfield",
                "Acme merger — agent — Acme Corporation",
                "Jane Doe — worksFor — Acme Corporation",
            ],
        ),
        (f.jane, &["Jane Doe — age — 40", "Jane Doe — worksFor — Acme Corporation"]),
        (f.springfield, &["Acme Corporation — location — Springfield"]),
        (f.lonely, &[]),
    ];
    for (node, expected) in cases {
        assert_eq!(show(&f.graph.facts_about(node)), expected, "node {node:?}");
    }
}

#[test]
fn facts_about_lists_a_self_loop_once() {
    let mut f = fixture();
    f.graph.add_edge(f.lonely, &predicate("sameAs"), f.lonely, None);
    assert_eq!(show(&f.graph.facts_about(f.lonely)), ["Lonely Node — sameAs — Lonely Node"]);
}

#[test]
fn facts_matching() {
    let f = fixture();
    let works_for = predicate("worksFor");
    let agent = predicate("agent");
    let date = predicate("date");
    // (subject, predicate, object) pattern and the number of facts it matches.
    let cases: [(Pattern<'_>, usize); 9] = [
        ((None, None, None), 5),
        ((Some(f.jane), None, None), 2),
        ((None, Some(&works_for), None), 1),
        ((None, None, Some(f.acme)), 2),
        ((Some(f.merger), Some(&agent), Some(f.acme)), 1),
        ((Some(f.merger), Some(&date), None), 1),
        // An object pattern never matches a literal.
        ((Some(f.merger), Some(&date), Some(f.acme)), 0),
        ((Some(f.jane), Some(&agent), None), 0),
        ((None, Some("https://example.org/ontology#nothing"), None), 0),
    ];
    for ((subject, predicate, object), expected) in cases {
        let facts = f.graph.facts_matching(subject, predicate, object);
        assert_eq!(facts.len(), expected, "pattern ({subject:?}, {predicate:?}, {object:?})");
        for fact in &facts {
            if let Some(predicate) = predicate {
                assert_eq!(fact.predicate, predicate);
            }
        }
    }
    let facts = f.graph.facts_matching(None, Some(&date), None);
    assert_eq!(facts[0].object, FactObject::Literal(&Literal::Date(jiff::civil::date(2020, 1, 2))));
}

#[test]
fn evidence_text() {
    let f = fixture();
    for fact in f.graph.facts() {
        let sentence = fact.evidence[0].sentence;
        assert_eq!(f.graph.evidence_text(&fact.evidence[0]), SENTENCES[sentence], "{fact}");
    }
    let nowhere = evidence(99).map(|evidence| f.graph.evidence_text(&evidence).to_owned());
    assert_eq!(nowhere.as_deref(), Some(""));
}

#[test]
fn path() {
    let f = fixture();
    let cases: [(NodeIndex, NodeIndex, Option<&[&str]>); 6] = [
        (f.jane, f.jane, Some(&[])),
        (f.jane, f.acme, Some(&["Jane Doe — worksFor — Acme Corporation"])),
        // Against the direction of an edge: facts keep their own direction.
        (f.acme, f.jane, Some(&["Jane Doe — worksFor — Acme Corporation"])),
        (
            f.jane,
            f.springfield,
            Some(&[
                "Jane Doe — worksFor — Acme Corporation",
                "Acme Corporation — location — Springfield",
            ]),
        ),
        (
            f.springfield,
            f.merger,
            Some(&[
                "Acme Corporation — location — Springfield",
                "Acme merger — agent — Acme Corporation",
            ]),
        ),
        (f.jane, f.lonely, None),
    ];
    for (from, to, expected) in cases {
        let path = f.graph.path(from, to);
        let shown = path.as_deref().map(show);
        let expected = expected.map(|facts| facts.iter().map(|fact| fact.to_string()).collect());
        assert_eq!(shown, expected, "path {from:?} -> {to:?}");
    }
    assert_eq!(f.graph.path(f.jane, NodeIndex::new(1000)), None);
}

#[test]
fn display_of_literals() {
    let cases = [
        (Literal::Text("hello".to_owned()), "hello"),
        (Literal::Date(jiff::civil::date(2017, 4, 14)), "2017-04-14"),
        (Literal::Year(2004), "2004"),
        (Literal::YearMonth(2004, 9), "2004-09"),
        (Literal::Integer(-3), "-3"),
        (Literal::Decimal("53.85".to_owned()), "53.85"),
        (Literal::Duration("P3D".to_owned()), "P3D"),
    ];
    for (literal, expected) in cases {
        assert_eq!(FactObject::Literal(&literal).to_string(), expected);
    }
}

#[test]
fn find_by_name_matches_descriptions_and_the_article_only_by_its_title() {
    // See: issue 14 ("query": descriptions and every alias match).
    let mut f = fixture();
    f.graph.add_description(f.acme, "company");
    let article = f.graph.add_node(Node::new(
        "https://example.org/doc/1",
        NodeKind::Document,
        "Jane Doe, 40, works for Acme.",
    ));
    let cases: [(&str, Vec<NodeIndex>); 7] = [
        ("the company", vec![f.acme]),
        ("The  Company", vec![f.acme]),
        ("company", vec![f.acme]),
        ("compan", vec![f.acme]),
        // The article's node: its whole title, never a part of it.
        ("jane doe, 40, works for acme.", vec![article]),
        ("works for", vec![]),
        ("jane", vec![f.jane]),
    ];
    for (name, expected) in cases {
        assert_eq!(f.graph.find_by_name(name), expected, "name {name:?}");
    }
    assert!(f.graph.is_named(f.acme, "the company"));
    assert!(!f.graph.is_named(f.acme, "compan"));
}
