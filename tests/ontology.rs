//! The ontology declares every term newsgraph writes.
//!
//! **Invariant** (ARCHITECTURE.md): every IRI we emit is declared in `ontology/newsgraph.ttl`
//! or belongs to a standard namespace listed in [`STANDARD_NAMESPACES`].

use std::collections::BTreeSet;
use std::path::Path;

use newsgraph::vocab::{ng, nif, oa, owl, prov, rdf, rdfs, schema, xsd};
use oxrdf::{Graph, NamedNodeRef, Term, TermRef};
use oxrdfio::{RdfFormat, RdfParser};

const ONTOLOGY: &str = include_str!("../ontology/newsgraph.ttl");
const SHAPES: &str = include_str!("../ontology/shapes.ttl");
const OWL_CLASS: &str = "http://www.w3.org/2002/07/owl#Class";
const OWL_OBJECT_PROPERTY: &str = "http://www.w3.org/2002/07/owl#ObjectProperty";
const OWL_DATATYPE_PROPERTY: &str = "http://www.w3.org/2002/07/owl#DatatypeProperty";
const RDFS_DOMAIN: &str = "http://www.w3.org/2000/01/rdf-schema#domain";
const RDFS_RANGE: &str = "http://www.w3.org/2000/01/rdf-schema#range";

/// Namespaces whose terms need no declaration of ours.
const STANDARD_NAMESPACES: &[&str] =
    &[rdf::NS, rdfs::NS, owl::NS, xsd::NS, schema::NS, prov::NS, nif::NS, oa::NS];

fn parse(text: &str) -> Graph {
    RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(text)
        .map(|quad| quad.map(oxrdf::Triple::from))
        .collect::<Result<Graph, _>>()
        .unwrap_or_else(|error| panic!("does not parse: {error}"))
}

fn ontology() -> Graph {
    parse(ONTOLOGY)
}

fn node(iri: &str) -> NamedNodeRef<'_> {
    NamedNodeRef::new(iri).unwrap_or_else(|error| panic!("{iri}: {error}"))
}

fn types(graph: &Graph, iri: &str) -> BTreeSet<String> {
    graph
        .objects_for_subject_predicate(node(iri), node(rdf::TYPE))
        .filter_map(|term| match term {
            TermRef::NamedNode(class) => Some(class.as_str().to_owned()),
            _ => None,
        })
        .collect()
}

fn has(graph: &Graph, iri: &str, predicate: &str) -> bool {
    graph.object_for_subject_predicate(node(iri), node(predicate)).is_some()
}

fn is_declared(graph: &Graph, iri: &str) -> bool {
    !types(graph, iri).is_empty()
}

#[test]
fn ontology_header_has_a_version() {
    let graph = ontology();
    let header = "https://w3id.org/newsgraph/ontology";
    assert!(types(&graph, header).contains("http://www.w3.org/2002/07/owl#Ontology"));
    assert!(has(&graph, header, "http://www.w3.org/2002/07/owl#versionInfo"));
    assert!(has(&graph, header, "http://www.w3.org/2002/07/owl#versionIRI"));
}

#[test]
fn every_ng_term_is_declared_with_label_and_comment() {
    let graph = ontology();
    let mut problems = Vec::new();
    for &iri in ng::ALL {
        let kinds = types(&graph, iri);
        if kinds.is_empty() {
            problems.push(format!("{iri}: not declared"));
            continue;
        }
        for required in [rdfs::LABEL, rdfs::COMMENT] {
            if !has(&graph, iri, required) {
                problems.push(format!("{iri}: no {required}"));
            }
        }
        let is_property =
            kinds.contains(OWL_OBJECT_PROPERTY) || kinds.contains(OWL_DATATYPE_PROPERTY);
        if is_property {
            for required in [RDFS_DOMAIN, RDFS_RANGE] {
                if !has(&graph, iri, required) {
                    problems.push(format!("{iri}: no {required}"));
                }
            }
        } else if !kinds.contains(OWL_CLASS) {
            problems.push(format!("{iri}: neither a class nor a property: {kinds:?}"));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn every_declared_ng_term_has_label_and_comment() {
    let graph = ontology();
    let subjects: BTreeSet<String> = graph
        .iter()
        .filter_map(|triple| match triple.subject {
            oxrdf::NamedOrBlankNodeRef::NamedNode(subject)
                if subject.as_str().starts_with(ng::NS) =>
            {
                Some(subject.as_str().to_owned())
            }
            _ => None,
        })
        .collect();
    for iri in subjects {
        assert!(has(&graph, &iri, rdfs::LABEL), "{iri}: no label");
        assert!(has(&graph, &iri, rdfs::COMMENT), "{iri}: no comment");
    }
}

#[test]
fn standard_terms_of_vocab_are_listed_as_external_terms() {
    let graph = ontology();
    let standard = [schema::ALL, prov::ALL, nif::ALL, oa::ALL];
    let missing: Vec<&str> = standard
        .iter()
        .flat_map(|terms| terms.iter().copied())
        .filter(|iri| !is_declared(&graph, iri))
        .collect();
    assert!(missing.is_empty(), "not in the external terms section: {missing:#?}");
}

#[test]
fn event_classes_are_subclasses_of_event() {
    let graph = ontology();
    let sub_class_of = node("http://www.w3.org/2000/01/rdf-schema#subClassOf");
    let classes = [
        "Ruling",
        "LegalCase",
        "Finding",
        "Violation",
        "Shortcoming",
        "Attack",
        "Siege",
        "HostageTaking",
        "Assault",
        "Bombing",
        "Shooting",
        "Explosion",
        "Negotiation",
        "Statement",
        "Reaction",
        "Demand",
        "Withdrawal",
        "Investigation",
        "Conduct",
        "UseOfForce",
        "Killing",
        "Injury",
        "Election",
        "Arrest",
        "Trial",
        "Sentencing",
        "Protest",
        "Disaster",
        "Earthquake",
        "Flood",
        "Agreement",
        "Acquisition",
        "Meeting",
        "Visit",
    ];
    for local in classes {
        let iri = format!("{}{local}", ng::NS);
        // Walk rdfs:subClassOf up to ng:Event.
        let mut frontier = vec![iri.clone()];
        let mut seen = BTreeSet::new();
        let mut reaches_event = false;
        while let Some(current) = frontier.pop() {
            if current == ng::EVENT {
                reaches_event = true;
                break;
            }
            if !seen.insert(current.clone()) {
                continue;
            }
            for parent in graph.objects_for_subject_predicate(node(&current), sub_class_of) {
                if let TermRef::NamedNode(parent) = parent {
                    frontier.push(parent.as_str().to_owned());
                }
            }
        }
        assert!(reaches_event, "{iri} is not a subclass of ng:Event");
    }
}

/// Every predicate and class in the output is declared or standard.
fn undeclared_terms(dataset: &oxrdf::Dataset, graph: &Graph) -> BTreeSet<String> {
    let mut terms = BTreeSet::new();
    for quad in dataset.iter() {
        terms.insert(quad.predicate.as_str().to_owned());
        if quad.predicate.as_str() == rdf::TYPE
            && let TermRef::NamedNode(class) = quad.object
        {
            terms.insert(class.as_str().to_owned());
        }
        // Datatypes must be standard too.
        if let TermRef::Literal(literal) = quad.object {
            terms.insert(literal.datatype().as_str().to_owned());
        }
    }
    terms
        .into_iter()
        .filter(|iri| !STANDARD_NAMESPACES.iter().any(|namespace| iri.starts_with(namespace)))
        .filter(|iri| !is_declared(graph, iri))
        .collect()
}

#[test]
fn every_term_of_the_sample_article_output_is_declared() -> Result<(), newsgraph::Error> {
    let graph = ontology();
    let article = newsgraph::extract(include_str!("../data/articles/beslan-echr-2017.txt"))?;
    let dataset = newsgraph::rdf::to_dataset(&article);
    assert!(!dataset.is_empty(), "the provenance of the text is always there");
    let undeclared = undeclared_terms(&dataset, &graph);
    assert!(undeclared.is_empty(), "undeclared terms in the output: {undeclared:#?}");
    Ok(())
}

/// The `class` column of a lexicon, if the file exists.
fn lexicon_classes(file: &str) -> Option<Vec<(usize, String)>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lexicons").join(file);
    let text = std::fs::read_to_string(path).ok()?;
    let mut rows = text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.starts_with('#') && !line.trim().is_empty());
    let (_, header) = rows.next()?;
    let column = header.split('\t').position(|name| name.trim() == "class")?;
    Some(
        rows.filter_map(|(index, line)| {
            // Units ("euros", "hectares") name a unit in that column, not a class.
            if line.split('\t').nth(2).is_some_and(|category| category.trim() == "unit") {
                return None;
            }
            let class = line.split('\t').nth(column)?.trim();
            (!class.is_empty()).then(|| (index + 1, class.to_owned()))
        })
        .collect(),
    )
}

#[test]
fn every_class_named_in_lexicons_is_declared() {
    let graph = ontology();
    let mut problems = Vec::new();
    // Lexicons appear as extraction is written; a file that is not there yet is skipped.
    for file in ["verbs.tsv", "nouns.tsv", "organizations.tsv", "events.tsv", "name_heads.tsv"] {
        let Some(classes) = lexicon_classes(file) else { continue };
        for (line, class) in classes {
            // A local name of ng: (a class, or a count property such as `killed`) or schema:.
            let candidates = [format!("{}{class}", ng::NS), format!("{}{class}", schema::NS)];
            if !candidates.iter().any(|iri| is_declared(&graph, iri)) {
                problems
                    .push(format!("data/lexicons/{file}:{line}: class {class} is not declared"));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn shapes_parse_and_target_declared_classes() {
    let shapes = parse(SHAPES);
    let graph = ontology();
    let target_class = node("http://www.w3.org/ns/shacl#targetClass");
    let targets: Vec<Term> = shapes
        .iter()
        .filter(|triple| triple.predicate == target_class)
        .map(|triple| triple.object.into_owned())
        .collect();
    assert!(!targets.is_empty());
    for target in targets {
        if let Term::NamedNode(class) = target {
            assert!(
                is_declared(&graph, class.as_str()),
                "shape target {class} is not in the ontology"
            );
        }
    }
}

#[test]
fn json_ld_context_is_json_with_the_prefixes() {
    let context: serde_json::Value =
        serde_json::from_str(newsgraph::export::CONTEXT).unwrap_or_else(|error| panic!("{error}"));
    for (name, namespace) in [
        ("ng", ng::NS),
        ("schema", schema::NS),
        ("prov", prov::NS),
        ("nif", nif::NS),
        ("oa", oa::NS),
        ("xsd", xsd::NS),
    ] {
        assert_eq!(context["@context"][name].as_str(), Some(namespace), "{name}");
    }
}

/// Every article we ship (the sample and the development set) writes only declared terms.
#[test]
fn every_term_of_every_article_output_is_declared() -> Result<(), Box<dyn std::error::Error>> {
    let graph = ontology();
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    let mut checked = 0;
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        if path.extension().is_some_and(|extension| extension == "txt") {
            let article = newsgraph::extract(&std::fs::read_to_string(&path)?)?;
            let undeclared = undeclared_terms(&newsgraph::rdf::to_dataset(&article), &graph);
            assert!(undeclared.is_empty(), "{}: undeclared terms {undeclared:#?}", path.display());
            checked += 1;
        }
    }
    assert!(checked >= 12, "the development set has at least 12 articles, found {checked}");
    Ok(())
}

/// Each `ng:` term is declared once: one kind, one label, one comment, and for properties
/// one domain and one range.
#[test]
fn every_ng_term_is_declared_exactly_once() {
    let graph = ontology();
    let count = |subject: NamedNodeRef<'_>, predicate: &str| {
        graph.objects_for_subject_predicate(subject, node(predicate)).count()
    };
    let mut subjects: BTreeSet<String> = BTreeSet::new();
    for triple in graph.iter() {
        if let oxrdf::NamedOrBlankNodeRef::NamedNode(subject) = triple.subject
            && subject.as_str().starts_with(ng::NS)
        {
            subjects.insert(subject.as_str().to_owned());
        }
    }
    let mut problems = Vec::new();
    for iri in &subjects {
        let subject = node(iri);
        let kinds = types(&graph, iri);
        let is_property = kinds.iter().any(|kind| kind.ends_with("Property"));
        let mut expect = vec![(rdfs::LABEL, 1), (rdfs::COMMENT, 1)];
        if is_property {
            expect.push(("http://www.w3.org/2000/01/rdf-schema#domain", 1));
            expect.push(("http://www.w3.org/2000/01/rdf-schema#range", 1));
        }
        if kinds.len() != 1 {
            problems.push(format!("{iri}: {} kinds {kinds:?}", kinds.len()));
        }
        for (predicate, wanted) in expect {
            let found = count(subject, predicate);
            if found != wanted {
                problems.push(format!("{iri}: {found} × {predicate}"));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
