//! Every RDF syntax round-trips: serialize, parse back with `oxrdfio`, and compare with
//! [`newsgraph::rdf::to_dataset`]. There are no blank nodes, so plain set equality of quads works.

use std::collections::BTreeSet;

use jiff::civil::date;
use newsgraph::graph::{Document, SentenceRecord};
use newsgraph::vocab::{ng, schema};
use newsgraph::{Evidence, Format, KnowledgeGraph, Literal, Node, NodeKind, Span};
use oxrdf::Quad;
use oxrdfio::{JsonLdProfileSet, RdfFormat, RdfParser};
use proptest::prelude::*;

const BASE: &str = "https://w3id.org/newsgraph/";

fn span_of(text: &str, needle: &str) -> Span {
    let start = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in text"));
    let end = start + needle.len();
    Span {
        start,
        end,
        start_char: text[..start].chars().count(),
        end_char: text[..end].chars().count(),
    }
}

fn evidence(text: &str, sentence: usize, words: &str, rule: &str) -> Evidence {
    Evidence { sentence, span: span_of(text, words), rule: rule.into() }
}

/// A small graph: people, an organisation, an event with a date, a quantity, evidence, and
/// text with non-ASCII characters, quotes and backslashes.
fn sample_graph() -> KnowledgeGraph {
    let first = "Kremlin spokesman Dmitry Peskov said the ruling was “absolutely unacceptable” and \"wrong\" (C:\\temp\\x).";
    let second = "On Sept 1, 2004, militants seized School Nº 1 in Beslan; 334 people died.";
    sample_graph_with(first, second, "Dmitry Peskov", "Kremlin")
}

fn sample_graph_with(
    first: &str,
    second: &str,
    person: &str,
    organisation: &str,
) -> KnowledgeGraph {
    let text = format!("{first}\n\n{second}\n");
    let document_iri = newsgraph::mint::document_iri(BASE, &text);
    let sentences = [first, second]
        .iter()
        .map(|sentence| SentenceRecord {
            span: span_of(&text, sentence),
            text: (*sentence).to_owned(),
            in_caption: false,
        })
        .collect();
    let mut graph =
        KnowledgeGraph::new(Document { iri: document_iri.clone(), text: text.clone(), sentences });
    let doc = graph.add_node(
        Node::new(document_iri.clone(), NodeKind::Document, "Kremlin reacts")
            .with_class(schema::NEWS_ARTICLE),
    );
    graph.add_attribute(doc, schema::DATE_PUBLISHED, Literal::Date(date(2017, 4, 14)), None);
    let mut person_node =
        Node::new(newsgraph::mint::entity_iri(BASE, person), NodeKind::Entity, person)
            .with_class(schema::PERSON);
    person_node.names.push(format!("Mr \"{person}\" \\ Ω"));
    person_node.same_as.push("http://www.wikidata.org/entity/Q1345".to_owned());
    let person_index = graph.add_node(person_node);
    let organisation_index = graph.add_node(
        Node::new(newsgraph::mint::entity_iri(BASE, organisation), NodeKind::Entity, organisation)
            .with_class(schema::GOVERNMENT_ORGANIZATION),
    );
    let event = graph.add_node(
        Node::new(format!("{document_iri}#ev-attack"), NodeKind::Event, "seizure of School Nº 1")
            .with_class(format!("{}Attack", ng::NS))
            .with_class(ng::EVENT),
    );
    let quantity = graph.add_node(
        Node::new(format!("{document_iri}#q-334"), NodeKind::Quantity, "334 people")
            .with_class(ng::QUANTITY),
    );
    let evidence_first = evidence(&text, 0, person, "rel:title-person");
    graph.add_edge(person_index, ng::SPOKESPERSON_FOR, organisation_index, Some(evidence_first));
    graph.add_edge(
        event,
        ng::KILLED,
        quantity,
        Some(evidence(&text, 1, "334 people died", "ev:killed")),
    );
    graph.add_edge(event, ng::AGENT, organisation_index, None);
    graph.add_attribute(
        event,
        ng::DATE,
        Literal::Date(date(2004, 9, 1)),
        Some(evidence(&text, 1, "Sept 1, 2004", "date:mdy")),
    );
    graph.add_attribute(
        event,
        ng::DATE,
        Literal::Date(date(2004, 9, 1)),
        Some(evidence(&text, 1, "On Sept 1", "date:on")),
    );
    graph.add_attribute(
        quantity,
        schema::VALUE,
        Literal::Integer(334),
        Some(evidence(&text, 1, "334", "qty:number")),
    );
    graph.add_attribute(quantity, schema::MIN_VALUE, Literal::Decimal("333.5".into()), None);
    graph.add_attribute(quantity, ng::COUNTS, Literal::Text("people \"killed\" \\ ✓".into()), None);
    graph.add_attribute(event, ng::DURATION, Literal::Duration("P3D".into()), None);
    graph.add_attribute(event, schema::START_DATE, Literal::Year(2004), None);
    graph.add_attribute(event, schema::END_DATE, Literal::YearMonth(2004, 9), None);
    graph
}

fn serialize(graph: &KnowledgeGraph, format: Format) -> Vec<u8> {
    let mut output = Vec::new();
    newsgraph::export::write(graph, format, &mut output)
        .unwrap_or_else(|error| panic!("{format}: {error}"));
    output
}

fn rdf_format(format: Format) -> RdfFormat {
    match format {
        Format::Turtle => RdfFormat::Turtle,
        Format::NTriples => RdfFormat::NTriples,
        Format::NQuads => RdfFormat::NQuads,
        Format::TriG => RdfFormat::TriG,
        Format::JsonLd => RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() },
        other => panic!("{other} is not RDF"),
    }
}

const RDF_FORMATS: &[Format] =
    &[Format::Turtle, Format::NTriples, Format::NQuads, Format::TriG, Format::JsonLd];

fn parse(bytes: &[u8], format: Format) -> Result<BTreeSet<String>, String> {
    RdfParser::from_format(rdf_format(format))
        .for_slice(bytes)
        .map(|quad| quad.map(|quad| quad.to_string()).map_err(|error| error.to_string()))
        .collect()
}

fn expected(graph: &KnowledgeGraph, format: Format) -> BTreeSet<String> {
    newsgraph::rdf::to_dataset(graph)
        .iter()
        .filter(|quad| format.supports_named_graphs() || quad.graph_name.is_default_graph())
        .map(|quad| Quad::from(quad).to_string())
        .collect()
}

fn check_round_trip(graph: &KnowledgeGraph, format: Format) -> Result<(), String> {
    let bytes = serialize(graph, format);
    let parsed = parse(&bytes, format).map_err(|error| {
        format!("{format} does not parse: {error}\n{}", String::from_utf8_lossy(&bytes))
    })?;
    let expected = expected(graph, format);
    if parsed != expected {
        let missing: Vec<_> = expected.difference(&parsed).collect();
        let extra: Vec<_> = parsed.difference(&expected).collect();
        return Err(format!(
            "{format} does not round-trip\nmissing:\n{missing:#?}\nextra:\n{extra:#?}\noutput:\n{}",
            String::from_utf8_lossy(&bytes)
        ));
    }
    Ok(())
}

#[test]
fn every_rdf_format_round_trips() {
    let graph = sample_graph();
    for &format in RDF_FORMATS {
        if let Err(message) = check_round_trip(&graph, format) {
            panic!("{message}");
        }
    }
}

#[test]
fn output_is_deterministic() {
    for &format in Format::ALL {
        let first = serialize(&sample_graph(), format);
        let second = serialize(&sample_graph(), format);
        assert_eq!(first, second, "{format} output differs between runs");
    }
}

#[test]
fn named_graphs_hold_what_each_sentence_says() {
    let graph = sample_graph();
    let dataset = newsgraph::rdf::to_dataset(&graph);
    let sentence_2 = format!("<{}#s2>", graph.document().iri);
    let in_sentence_2: Vec<String> = dataset
        .iter()
        .filter(|quad| quad.graph_name.to_string() == sentence_2)
        .map(|quad| format!("{} {}", quad.predicate, quad.object))
        .collect();
    assert_eq!(in_sentence_2.len(), 3, "{in_sentence_2:#?}");
    assert!(in_sentence_2.iter().any(|fact| fact.contains("#killed>")));
    assert!(dataset
        .iter()
        .all(|quad| !quad.subject.is_blank_node() && !quad.object.is_blank_node()));
}

#[test]
fn turtle_has_no_escaped_local_names() {
    let turtle = String::from_utf8(serialize(&sample_graph(), Format::Turtle)).unwrap_or_default();
    for line in turtle.lines().filter(|line| !line.contains('"')) {
        assert!(!line.contains('\\'), "escaped local name in {line:?}");
    }
    assert!(turtle.contains("@prefix id: <https://w3id.org/newsgraph/id/> ."));
    assert!(turtle.contains("id:dmitry-peskov a schema:Person"), "{turtle}");
}

#[test]
fn format_names_parse_back() {
    for &format in Format::ALL {
        assert_eq!(format.name().parse::<Format>().ok(), Some(format));
        assert_eq!(format.file_extension().parse::<Format>().ok(), Some(format));
        assert_eq!(format.media_type().parse::<Format>().ok(), Some(format));
    }
    assert!("rdf/xml".parse::<Format>().is_err());
}

#[test]
fn dot_escapes_and_has_a_legend() {
    // The full view draws every edge (the story view is tested in tests/pictures.rs).
    let mut serializer = newsgraph::export::DotSerializer::new()
        .with_view(newsgraph::export::View::Full)
        .for_writer(Vec::new());
    serializer.serialize_graph(&sample_graph()).unwrap_or_else(|error| panic!("{error}"));
    let dot = serializer.finish().unwrap_or_else(|error| panic!("{error}"));
    let dot = String::from_utf8(dot).unwrap_or_default();
    assert!(dot.starts_with("digraph newsgraph {\n  rankdir=LR;"));
    assert!(dot.contains("cluster_legend"));
    assert!(dot.contains("label=\"spokespersonFor\""));
    assert!(dot.contains("\\\"wrong\\\" (C:\\\\temp\\\\x)"), "{dot}");
    assert!(dot.contains("334 people\\n334"), "{dot}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn random_text_round_trips(
        first in "\\PC{1,40}",
        second in "[a-zA-Z0-9 \"\\\\'’“”é\\n\\t<>&{}]{1,40}",
        person in "[A-Z][a-zé\"\\\\ ]{1,12}",
        organisation in "\\PC{1,20}",
    ) {
        // The person's and organisation's names must occur in the text for their spans.
        let first = format!("{first} {person} Nº1");
        let second = format!("{second} 334 people died Sept 1, 2004 On Sept 1 {organisation}");
        let graph = sample_graph_with(&first, &second, &person, &organisation);
        for &format in RDF_FORMATS {
            if let Err(message) = check_round_trip(&graph, format) {
                prop_assert!(false, "{}", message);
            }
        }
    }
}
