//! The example queries of `examples/queries/` and the SPARQL API, run over the demo article
//! with exact expected results.

#![expect(clippy::expect_used, reason = "tests fail loudly")]

use newsgraph::sparql::{query, QueryOutput, ResultsFormat, SparqlError};
use newsgraph::KnowledgeGraph;

const ARTICLE: &str = include_str!("../data/articles/beslan-echr-2017.txt");

fn demo() -> Vec<KnowledgeGraph> {
    vec![newsgraph::extract(ARTICLE).expect("the demo article parses")]
}

/// The rows of a SELECT query, each cell as the table shows it (strings in quotes).
fn rows(graphs: &[KnowledgeGraph], text: &str) -> Vec<Vec<String>> {
    let output = query(graphs, text).expect("the query runs");
    let QueryOutput::Solutions { variables, solutions } = output else {
        panic!("not a SELECT result: {output:?}");
    };
    solutions
        .iter()
        .map(|solution| {
            variables
                .iter()
                .map(|variable| match solution.get(variable) {
                    Some(oxrdf::Term::Literal(literal)) => literal.value().to_owned(),
                    Some(term) => term.to_string(),
                    None => String::new(),
                })
                .collect()
        })
        .collect()
}

fn table(expected: &[&[&str]]) -> Vec<Vec<String>> {
    expected.iter().map(|row| row.iter().map(|cell| (*cell).to_owned()).collect()).collect()
}

#[test]
fn who_ruled_against_whom() {
    let text = include_str!("../examples/queries/who-ruled-against-whom.rq");
    assert_eq!(rows(&demo(), text), table(&[&["European Court of Human Rights", "Russia"]]));
}

#[test]
fn spokesperson_statements() {
    let text = include_str!("../examples/queries/spokesperson-statements.rq");
    assert_eq!(
        rows(&demo(), text),
        table(&[
            &[
                "Dmitry Peskov",
                "Kremlin",
                "Such phrasing for a country that has suffered an attack is absolutely unacceptable"
            ],
            &["Dmitry Peskov", "Kremlin", "impossible"],
        ])
    );
}

#[test]
fn death_tolls_in_a_place() {
    let text = include_str!("../examples/queries/death-tolls-in-a-place.rq");
    assert_eq!(
        rows(&demo(), text),
        table(&[&["Beslan school siege", "334", "330", "over 330 people"]])
    );
}

#[test]
fn evidence_of_a_fact() {
    let text = include_str!("../examples/queries/evidence-of-a-fact.rq");
    assert_eq!(
        rows(&demo(), text),
        table(&[&[
            "Ruling by European Court of Human Rights",
            "shortcoming-in",
            "The European Court of Human Rights ruled yesterday that there were \"serious \
             failings\" in Russia's handling of the Beslan school siege by Chechen rebels in 2004, \
             in which over 330 people were killed, many of them children."
        ]])
    );
}

/// Every example query parses and runs; the README lists each of them.
#[test]
fn every_example_is_documented_and_runs() {
    let readme = include_str!("../examples/queries/README.md");
    let graphs = demo();
    let mut count = 0;
    for entry in std::fs::read_dir("examples/queries").expect("the examples directory") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_some_and(|extension| extension == "rq") {
            count += 1;
            let name = path.file_name().and_then(|name| name.to_str()).expect("a UTF-8 name");
            assert!(readme.contains(name), "examples/queries/README.md does not mention {name}");
            let text = std::fs::read_to_string(&path).expect("a readable query");
            let output = query(&graphs, &text).expect("the query runs");
            assert!(
                matches!(&output, QueryOutput::Solutions { solutions, .. } if !solutions.is_empty()),
                "{name} returns nothing"
            );
        }
    }
    assert_eq!(count, 4);
}

/// The default graph is the union of the articles' graphs, each triple once.
#[test]
fn default_graph_is_the_union_without_duplicates() {
    let mut graphs = demo();
    let against = "SELECT ?ruling ?party WHERE { ?ruling ng:against ?party }";
    assert_eq!(rows(&graphs, against).len(), 1);
    graphs.push(
        newsgraph::extract(
            "PARIS (France) • The European Court of Human Rights ruled against Turkey.\n",
        )
        .expect("a short article parses"),
    );
    let parties: Vec<String> =
        rows(&graphs, against).into_iter().map(|mut row| row.remove(1)).collect();
    assert_eq!(parties.len(), 2, "{parties:?}");
    assert!(parties.iter().any(|party| party.ends_with("/id/turkey>")), "{parties:?}");
}

/// The sentence graphs are named graphs.
#[test]
fn sentence_graphs_are_named_graphs() {
    let graphs = demo();
    let doc = graphs[0].document().iri.clone();
    let found = rows(
        &graphs,
        "SELECT ?sentence WHERE { GRAPH ?sentence { ?ruling ng:against id:russia } }",
    );
    assert_eq!(found, vec![vec![format!("<{doc}#s1>")]]);
}

#[test]
fn ask_and_construct() {
    let graphs = demo();
    assert_eq!(
        query(&graphs, "ASK { ?ruling ng:against id:russia }").expect("ASK runs"),
        QueryOutput::Boolean(true)
    );
    let output = query(
        &graphs,
        "CONSTRUCT { ?ruling ng:against ?party } WHERE { ?ruling ng:against ?party }",
    )
    .expect("CONSTRUCT runs");
    let QueryOutput::Graph(triples) = &output else { panic!("not a graph: {output:?}") };
    assert_eq!(triples.len(), 1);
    let mut ntriples = Vec::new();
    output.write(&graphs, ResultsFormat::NTriples, &mut ntriples).expect("N-Triples");
    let ntriples = String::from_utf8(ntriples).expect("UTF-8");
    assert!(ntriples.ends_with("<https://w3id.org/newsgraph/ontology#against> <https://w3id.org/newsgraph/id/russia> .\n"), "{ntriples}");
    let error =
        output.write(&graphs, ResultsFormat::Csv, Vec::new()).expect_err("no CSV of a graph");
    assert!(error.to_string().contains("use table, turtle, ntriples or dot"), "{error}");
}

#[test]
fn results_formats() {
    let graphs = demo();
    let output = query(&graphs, include_str!("../examples/queries/who-ruled-against-whom.rq"))
        .expect("the query runs");
    let write = |format| {
        let mut bytes = Vec::new();
        output.write(&graphs, format, &mut bytes).expect("written");
        String::from_utf8(bytes).expect("UTF-8")
    };
    assert_eq!(
        write(ResultsFormat::Table),
        "?court                              | ?against\n\
         ------------------------------------+------------\n\
         \"European Court of Human Rights\"@en | \"Russia\"@en\n"
    );
    assert_eq!(
        write(ResultsFormat::Json),
        r#"{"head":{"vars":["court","against"]},"results":{"bindings":[{"court":{"type":"literal","value":"European Court of Human Rights","xml:lang":"en"},"against":{"type":"literal","value":"Russia","xml:lang":"en"}}]}}"#
    );
    assert_eq!(
        write(ResultsFormat::Csv),
        "court,against\r\nEuropean Court of Human Rights,Russia\r\n"
    );
    assert_eq!(
        write(ResultsFormat::Tsv),
        "?court\t?against\n\"European Court of Human Rights\"@en\t\"Russia\"@en\n"
    );
}

#[test]
fn syntax_errors_say_where() {
    let error = query(&demo(), "SELECT ?x WHERE {\n  ?x ng:against \n}").expect_err("bad query");
    assert!(matches!(error, SparqlError::Syntax(_)));
    let message = error.to_string();
    assert!(message.starts_with("invalid SPARQL query: line 3, column 1: "), "{message}");
}
