//! Table tests of `newsgraph::eval` on a small hand-built graph and gold file.
//!
//! The graph (sentence numbers in brackets are the evidence; `-` means no evidence):
//!
//! ```text
//! 0 The European Court of Human Rights ruled yesterday that Russia violated Article 2.
//!   Ruling: court ECHR [0], against Russia [0], date 2017-04-13 [0], provision Article 2 [0],
//!           plaintiff "more than 400 Russians" [1], finding "violation of the right to life" [0]
//!   Statement: date 2017-04-13 [0], speaker Dmitry Peskov [1]
//! 1 Dmitry Peskov, the Kremlin spokesman, said more than 400 Russians had brought the case.
//!   Peskov: spokespersonFor Kremlin [1], jobTitle "Spokesman" [1], worksFor Russia [1]
//!   "more than 400 Russians": nationality Russia [1]; its size: min 400 [1], counts it [1]
//! 2 Over 330 people, 334 in all, died in the siege of School Number One in Beslan in 2004
//!   after militants held more than 1,100 people for three days and 12 hours.
//!   Beslan school siege (lexicon event, sameAs Wikidata): killed toll [2], hostages [2],
//!           duration P3D [2], startDate 2004-09-01 [2], date 2004 [2], date 2004-09-01 [-]
//!   toll: min 330 ("Over 330 people") and value 334 ("334"), one node from two mentions
//!   hostages: min 1100; a stray quantity: value 12
//! Kremlin --location[-]--> Moscow; Moscow --containedInPlace[-]--> Europe (lexicon only);
//! Russia --containedInPlace[0, rule "lexicon"]--> Europe (background knowledge, not scored)
//! ```
//!
//! The document is published 2017-04-14 (its dateline date, without evidence).
//! Mentioned: ECHR, Russia, Article 2, Peskov, Kremlin, the Russians, militants,
//! School Number One (a Facility; the gold says Place), the siege, both text events; Moscow is
//! the dateline place, Europe is not mentioned at all.

#![expect(clippy::expect_used, reason = "tests fail loudly on a broken fixture")]

use std::path::PathBuf;

use newsgraph::eval::{evaluate, evaluate_files, overall, EvalError, Gold, Report, Score};
use newsgraph::graph::{Document, SentenceRecord};
use newsgraph::{Evidence, KnowledgeGraph, Literal, Node, NodeKind, Span};
use petgraph::stable_graph::NodeIndex;

const ID: &str = "https://example.org/id/";
const DOC: &str = "https://example.org/doc/1";
const NG: &str = "https://w3id.org/newsgraph/ontology#";
const SCHEMA: &str = "https://schema.org/";

const SENTENCES: [&str; 3] = [
    "The European Court of Human Rights ruled yesterday that Russia violated Article 2.",
    "Dmitry Peskov, the Kremlin spokesman, said more than 400 Russians had brought the case.",
    "Over 330 people, 334 in all, died in the siege of School Number One in Beslan in 2004 \
     after militants held more than 1,100 people for three days and 12 hours.",
];

const GOLD: &str = r#"{
  "article": "beslan.txt",
  "entities": [
    {"name": "European Court of Human Rights", "type": "Organization", "aliases": ["ECHR"]},
    {"name": "Russia", "type": "Place"},
    {"name": "Dmitry Peskov", "type": "Person", "aliases": ["Peskov"]},
    {"name": "the Kremlin", "type": "Organization"},
    {"name": "more than 400 Russians", "type": "Group"},
    {"name": "militants", "type": "Group"},
    {"name": "School Number One", "type": "Place"},
    {"name": "Article 2 of the European Convention", "type": "LegalInstrument", "aliases": ["Article 2"]},
    {"name": "Beslan school siege", "type": "Event"},
    {"name": "Vladimir Putin", "type": "Person", "aliases": ["Putin"]}
  ],
  "relations": [
    {"subject": "event:Ruling", "predicate": "court", "object": "ECHR"},
    {"subject": "event:Ruling", "predicate": "against", "object": "Russia"},
    {"subject": "event:Ruling", "predicate": "date", "object": "2017-04-13"},
    {"subject": "event:Ruling", "predicate": "provision", "object": "Article 2 of the European Convention"},
    {"subject": "event:Ruling", "predicate": "plaintiff", "object": "more than 400 Russians"},
    {"subject": "Peskov", "predicate": "spokespersonFor", "object": "Kremlin"},
    {"subject": "Dmitry Peskov", "predicate": "jobTitle", "object": "spokesman"},
    {"subject": "Dmitry Peskov", "predicate": "worksFor", "object": "Kremlin"},
    {"subject": "event:Statement", "predicate": "speaker", "object": "Dmitry Peskov"},
    {"subject": "event:Statement", "predicate": "date", "object": "2017-04-13"},
    {"subject": "more than 400 Russians", "predicate": "nationality", "object": "Russia"},
    {"subject": "event:Siege", "predicate": "killed", "object": "334"},
    {"subject": "event:Siege", "predicate": "hostages", "object": 1100},
    {"subject": "event:Siege", "predicate": "duration", "object": "P3D"},
    {"subject": "event:Siege", "predicate": "startDate", "object": "2004-09-01"},
    {"subject": "event:Siege", "predicate": "date", "object": "2004"},
    {"subject": "event:Siege", "predicate": "place", "object": "Beslan"}
  ],
  "dates": [
    {"text": "yesterday", "value": "2017-04-13"},
    {"text": "in 2004", "value": "2004"},
    {"text": "on Tuesday", "value": "2017-04-11"},
    {"text": "April 14, 2017", "value": "2017-04-14"}
  ],
  "quantities": [
    {"text": "more than 400 Russians", "min": 400},
    {"text": "Over 330 people", "min": 330},
    {"text": "334", "value": 334},
    {"text": "more than 1,100 people", "min": 1100},
    {"text": "186 children", "value": 186}
  ]
}"#;

fn ng(local: &str) -> String {
    format!("{NG}{local}")
}

fn schema(local: &str) -> String {
    format!("{SCHEMA}{local}")
}

/// Evidence in a sentence, spanning the first occurrence of `words` in the article text.
fn evidence(text: &str, sentence: usize, words: &str) -> Option<Evidence> {
    let start = text.find(words).expect("evidence words are in the article");
    let end = start + words.len();
    let span = Span { start, end, start_char: start, end_char: end };
    Some(Evidence { sentence, span, rule: "test".into() })
}

fn entity(graph: &mut KnowledgeGraph, slug: &str, label: &str, class: &str) -> NodeIndex {
    graph.add_node(Node::new(format!("{ID}{slug}"), NodeKind::Entity, label).with_class(class))
}

fn quantity(graph: &mut KnowledgeGraph, at: usize, label: &str) -> NodeIndex {
    graph.add_node(
        Node::new(format!("{DOC}#quantity-{at}"), NodeKind::Quantity, label)
            .with_class(ng("Quantity")),
    )
}

fn fixture() -> KnowledgeGraph {
    let mut text = String::new();
    let mut sentences = Vec::new();
    for sentence in SENTENCES {
        let start = text.len();
        text.push_str(sentence);
        let span = Span { start, end: text.len(), start_char: start, end_char: text.len() };
        sentences.push(SentenceRecord { span, text: sentence.to_owned(), in_caption: false });
        text.push(' ');
    }
    let document = Document { iri: DOC.to_owned(), text: text.clone(), sentences };
    let mut graph = KnowledgeGraph::new(document);
    let at = |sentence: usize, words: &str| evidence(&text, sentence, words);

    let doc = graph.add_node(Node::new(DOC, NodeKind::Document, "article"));
    graph.add_attribute(
        doc,
        &schema("datePublished"),
        Literal::Date(jiff::civil::date(2017, 4, 14)),
        None,
    );

    let court = entity(&mut graph, "echr", "European Court of Human Rights", &ng("Court"));
    graph.add_name(court, "ECHR");
    let russia = entity(&mut graph, "russia", "Russia", &schema("Country"));
    let article2 = entity(&mut graph, "article-2", "Article 2", &ng("LegalProvision"));
    let peskov = entity(&mut graph, "dmitry-peskov", "Dmitry Peskov", &schema("Person"));
    graph.add_name(peskov, "Peskov");
    let kremlin = entity(&mut graph, "kremlin", "Kremlin", &schema("GovernmentOrganization"));
    let moscow = entity(&mut graph, "moscow", "Moscow", &schema("City"));
    let europe = entity(&mut graph, "europe", "Europe", &schema("Place"));
    let russians = graph.add_node(
        Node::new(format!("{DOC}#people-160"), NodeKind::Entity, "more than 400 Russians")
            .with_class(ng("PersonGroup")),
    );
    let militants = graph.add_node(
        Node::new(format!("{DOC}#militants"), NodeKind::Entity, "militants")
            .with_class(ng("ArmedGroup")),
    );
    let school = entity(&mut graph, "school-number-one", "School Number One", &ng("Facility"));

    let mut siege =
        Node::new(format!("{ID}beslan-school-siege"), NodeKind::Event, "Beslan school siege")
            .with_class(ng("Siege"))
            .with_class(ng("Event"));
    siege.same_as.push("http://www.wikidata.org/entity/Q26745".to_owned());
    let siege = graph.add_node(siege);
    let ruling = graph.add_node(
        Node::new(format!("{DOC}#ruling-35"), NodeKind::Event, "Ruling by the court")
            .with_class(ng("Ruling")),
    );
    let statement = graph.add_node(
        Node::new(format!("{DOC}#statement-120"), NodeKind::Event, "Statement by Dmitry Peskov")
            .with_class(ng("Statement")),
    );

    let size = quantity(&mut graph, 130, "more than 400 Russians");
    graph.add_attribute(size, &schema("minValue"), Literal::Integer(400), at(1, "more than 400"));
    let toll = quantity(&mut graph, 170, "Over 330 people");
    graph.add_attribute(toll, &schema("minValue"), Literal::Integer(330), at(2, "Over 330 people"));
    graph.add_attribute(toll, &schema("value"), Literal::Integer(334), at(2, "334"));
    graph.add_attribute(toll, &schema("unitText"), Literal::Text("people".to_owned()), None);
    let hostages = quantity(&mut graph, 250, "more than 1,100 people");
    graph.add_attribute(
        hostages,
        &schema("minValue"),
        Literal::Integer(1100),
        at(2, "more than 1,100 people"),
    );
    let hours = quantity(&mut graph, 290, "12 hours");
    graph.add_attribute(hours, &schema("value"), Literal::Integer(12), at(2, "12 hours"));

    for node in [court, russia, article2, peskov, kremlin, russians, militants, school, siege] {
        graph.add_edge(doc, &schema("mentions"), node, None);
    }
    for node in [ruling, statement] {
        graph.add_edge(doc, &schema("mentions"), node, None);
    }
    graph.add_edge(doc, &schema("locationCreated"), moscow, None);
    graph.add_edge(kremlin, &schema("location"), moscow, None);
    graph.add_edge(moscow, &schema("containedInPlace"), europe, None);
    // Background knowledge evidenced by the name that brings it in is not a stated relation.
    let lexicon = at(0, "Russia").map(|evidence| Evidence { rule: "lexicon".into(), ..evidence });
    graph.add_edge(russia, &schema("containedInPlace"), europe, lexicon);

    let ruled = || at(0, "ruled yesterday");
    let yesterday = Literal::Date(jiff::civil::date(2017, 4, 13));
    graph.add_edge(ruling, &ng("court"), court, ruled());
    graph.add_edge(ruling, &ng("against"), russia, ruled());
    graph.add_attribute(ruling, &ng("date"), yesterday.clone(), ruled());
    graph.add_edge(ruling, &ng("provision"), article2, ruled());
    graph.add_edge(ruling, &ng("plaintiff"), russians, at(1, "brought the case"));
    graph.add_attribute(
        ruling,
        &ng("finding"),
        Literal::Text("violation of the right to life".to_owned()),
        ruled(),
    );
    graph.add_attribute(statement, &ng("date"), yesterday, ruled());

    let said = || at(1, "said");
    graph.add_edge(statement, &ng("speaker"), peskov, said());
    graph.add_edge(peskov, &ng("spokespersonFor"), kremlin, said());
    graph.add_attribute(peskov, &schema("jobTitle"), Literal::Text("Spokesman".to_owned()), said());
    graph.add_edge(peskov, &schema("worksFor"), russia, said());
    graph.add_edge(russians, &ng("nationality"), russia, at(1, "Russians"));
    graph.add_edge(size, &ng("counts"), russians, at(1, "more than 400 Russians"));

    let died = || at(2, "died");
    graph.add_edge(siege, &ng("killed"), toll, died());
    graph.add_edge(siege, &ng("hostages"), hostages, at(2, "held"));
    graph.add_attribute(siege, &ng("duration"), Literal::Duration("P3D".to_owned()), died());
    graph.add_attribute(
        siege,
        &schema("startDate"),
        Literal::Date(jiff::civil::date(2004, 9, 1)),
        died(),
    );
    graph.add_attribute(siege, &ng("date"), Literal::Year(2004), at(2, "in 2004"));
    // What the lexicon says about the siege has no evidence and is not scored.
    graph.add_attribute(siege, &ng("date"), Literal::Date(jiff::civil::date(2004, 9, 1)), None);
    graph
}

fn report() -> Report {
    let gold = Gold::from_json(GOLD).expect("the test gold file is valid");
    evaluate(&fixture(), &gold)
}

fn score(true_positives: usize, predicted: usize, gold: usize) -> Score {
    Score { true_positives, predicted, gold }
}

#[test]
fn counts_per_category() {
    let report = report();
    let cases = [
        // Ten predictions: the nine mentioned entities and named events, and the dateline's
        // Moscow; not Europe (lexicon only) nor the unnamed ruling and statement.
        ("entities", score(8, 10, 10)),
        // The facts with evidence, minus mentions, counts and the quantities' numbers.
        ("relations", score(15, 17, 17)),
        // "yesterday" dates the ruling and the statement in one sentence: one date; the
        // dateline's publication date is one too.
        ("dates", score(3, 4, 4)),
        // The toll node gives two quantities, one per mention.
        ("quantities", score(4, 5, 5)),
    ];
    for ((name, category), (expected_name, expected)) in report.categories().into_iter().zip(cases)
    {
        assert_eq!(name, expected_name);
        assert_eq!(category.score, expected, "{name}\n{}", report.verbose());
    }
}

#[test]
fn misses_and_spurious_predictions() {
    let report = report();
    let cases: [(&str, &[&str], &[&str]); 4] = [
        (
            "entities",
            &[r#"Place "School Number One""#, r#"Person "Vladimir Putin" (aliases: Putin)"#],
            &[
                r#"Place "Moscow" <https://example.org/id/moscow>"#,
                r#"Facility "School Number One" <https://example.org/id/school-number-one>"#,
            ],
        ),
        (
            "relations",
            &["Dmitry Peskov — worksFor — Kremlin", "event:Siege — place — Beslan"],
            &[
                "event:Ruling (Ruling by the court) — finding — violation of the right to life",
                "Dmitry Peskov — worksFor — Russia",
            ],
        ),
        (
            "dates",
            &[r#"2017-04-11 ("on Tuesday")"#],
            &["2004-09-01: startDate of Beslan school siege (sentence 2: Over 330 people, 334 in \
               all, died in the siege of School Num…)"],
        ),
        ("quantities", &[r#"value=186 ("186 children")"#], &[r#"value=12 ("12 hours")"#]),
    ];
    for ((name, category), (expected_name, misses, spurious)) in
        report.categories().into_iter().zip(cases)
    {
        assert_eq!(name, expected_name);
        assert_eq!(category.misses, misses, "{name} misses");
        assert_eq!(category.spurious, spurious, "{name} spurious");
    }
}

#[test]
fn display_is_a_table_and_verbose_adds_the_lines() {
    let report = report();
    let table = report.to_string();
    assert_eq!(
        table,
        "entities   P=0.80 R=0.80 F1=0.80 (8/10/10)\n\
         relations  P=0.88 R=0.88 F1=0.88 (15/17/17)\n\
         dates      P=0.75 R=0.75 F1=0.75 (3/4/4)\n\
         quantities P=0.80 R=0.80 F1=0.80 (4/5/5)\n\
         coreference one-node=1.00 (8/8 found) split=0 merged=0\n"
    );
    let verbose = report.verbose().to_string();
    assert_eq!(verbose, format!("{report:#}"));
    assert!(verbose.starts_with(&table));
    for line in [
        "missed entities:\n  - Place \"School Number One\"\n",
        "spurious quantities:\n  + value=12 (\"12 hours\")\n",
        "missed relations:\n  - Dmitry Peskov — worksFor — Kremlin\n",
    ] {
        assert!(verbose.contains(line), "{line:?} not in\n{verbose}");
    }
}

#[test]
fn overall_sums_the_counts() {
    let report = report();
    let total = overall(&[report.clone(), report.clone(), Report::default()]);
    assert_eq!(total.entities.score, score(16, 20, 20));
    assert_eq!(total.relations.score, score(30, 34, 34));
    assert_eq!(total.dates.score, score(6, 8, 8));
    assert_eq!(total.quantities.score, score(8, 10, 10));
    assert_eq!((total.coreference.found, total.coreference.one_node), (16, 16));
    assert!(total.entities.misses.is_empty());
    assert_eq!(overall(&[]), Report::default());
}

#[test]
fn empty_categories_score_one() {
    let empty = Score::default();
    assert_eq!((empty.precision(), empty.recall(), empty.f1()), (1.0, 1.0, 1.0));
    let nothing_found = score(0, 0, 3);
    assert_eq!(
        (nothing_found.precision(), nothing_found.recall(), nothing_found.f1()),
        (1.0, 0.0, 0.0)
    );
}

#[test]
fn malformed_gold_files_name_the_field() {
    let valid: serde_json::Value = serde_json::from_str(GOLD).expect("valid JSON");
    let edit = |change: &dyn Fn(&mut serde_json::Value)| {
        let mut gold = valid.clone();
        change(&mut gold);
        gold.to_string()
    };
    let remove = |field: &'static str| {
        edit(&move |gold| {
            gold.as_object_mut().expect("an object").remove(field);
        })
    };
    let cases = [
        (remove("article"), "missing field `article`"),
        (remove("quantities"), "missing field `quantities`"),
        (
            edit(&|gold| gold["entities"][1] = serde_json::json!({"name": "Russia"})),
            "missing field `type`",
        ),
        (edit(&|gold| gold["entities"][1]["type"] = "Country".into()), "unknown variant `Country`"),
        (edit(&|gold| gold["entities"][1]["alias"] = "RU".into()), "unknown field `alias`"),
        (
            edit(&|gold| gold["relations"][0] = serde_json::json!({"subject": "x", "object": "y"})),
            "missing field `predicate`",
        ),
        (
            edit(&|gold| gold["dates"][0]["value"] = "13 April 2017".into()),
            r#"dates[0] ("yesterday"): `value` "13 April 2017" is not YYYY-MM-DD, YYYY-MM or YYYY"#,
        ),
        (
            edit(&|gold| gold["quantities"][2] = serde_json::json!({"text": "334"})),
            r#"quantities[2] ("334"): needs `value`, `min` or `max`"#,
        ),
        (
            edit(&|gold| gold["relations"][3]["subject"] = "event:".into()),
            "relations[3]: `subject` is empty",
        ),
    ];
    for (json, expected) in cases {
        let error = Gold::from_json(&json).expect_err("the gold file is malformed");
        assert!(matches!(error, EvalError::Gold { file: None, .. }), "{error:?}");
        assert!(error.to_string().contains(expected), "{expected:?} not in {error}");
    }
}

#[test]
fn evaluate_files_reads_the_article_beside_the_gold_file() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let gold_path = folder.path().join("beslan.gold.json");
    std::fs::write(&gold_path, GOLD).expect("written");
    // The article is missing: the error names it.
    let error = evaluate_files(std::slice::from_ref(&gold_path)).expect_err("no article");
    assert!(
        matches!(&error, EvalError::Io { path, .. } if path == &folder.path().join("beslan.txt"))
    );

    std::fs::write(folder.path().join("beslan.txt"), SENTENCES.join(" ")).expect("written");
    let reports = evaluate_files(std::slice::from_ref(&gold_path)).expect("evaluated");
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].0, gold_path);
    assert_eq!(reports[0].1.quantities.score.gold, 5);

    // A malformed gold file: the error names the file and the field.
    std::fs::write(&gold_path, r#"{"article": "beslan.txt"}"#).expect("written");
    let error = evaluate_files(std::slice::from_ref(&gold_path)).expect_err("malformed");
    let message = error.to_string();
    assert!(message.starts_with(&gold_path.display().to_string()), "{message}");
    assert!(message.contains("missing field `entities`"), "{message}");
}

#[test]
fn development_set_gold_files_are_valid() {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    let Ok(entries) = std::fs::read_dir(&folder) else { return };
    for entry in entries {
        let path = entry.expect("a folder entry").path();
        if path.to_string_lossy().ends_with(".gold.json") {
            let json = std::fs::read_to_string(&path).expect("readable");
            if let Err(error) = Gold::from_json(&json) {
                panic!("{}: {error}", path.display());
            }
        }
    }
}
