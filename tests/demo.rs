//! The demo article yields every fact the first issue asks for, as exact triples.
//!
//! Event, quantity and claim IRIs are fragments of the document IRI named after their class and
//! the code point offset of their first mention, so they are stable for this text.

#![expect(clippy::expect_used, reason = "tests fail loudly")]
use std::collections::BTreeSet;

use newsgraph::rdf::to_dataset;

const ARTICLE: &str = include_str!("../data/articles/beslan-echr-2017.txt");

/// The default graph as N-Triples lines with our prefixes, so expectations stay readable.
fn triples() -> BTreeSet<String> {
    let graph = newsgraph::extract(ARTICLE).expect("the demo article parses");
    let doc = format!("{}#", graph.document().iri);
    let dataset = to_dataset(&graph);
    let prefixes = [
        (doc.as_str(), "doc:"),
        ("https://w3id.org/newsgraph/id/", "id:"),
        ("https://w3id.org/newsgraph/ontology#", "ng:"),
        ("https://schema.org/", "schema:"),
        ("http://www.w3.org/2001/XMLSchema#", "xsd:"),
        ("http://www.w3.org/2000/01/rdf-schema#", "rdfs:"),
        ("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf:"),
        ("http://www.w3.org/2002/07/owl#", "owl:"),
        ("http://www.wikidata.org/entity/", "wd:"),
        ("http://www.w3.org/ns/prov#", "prov:"),
    ];
    dataset
        .iter()
        .filter(|quad| quad.graph_name.is_default_graph())
        .map(|quad| {
            let mut line = format!("{} {} {}", quad.subject, quad.predicate, quad.object)
                .replace(&format!("<{}>", graph.document().iri), "doc");
            for (namespace, prefix) in prefixes {
                line = line.replace(&format!("<{namespace}"), prefix);
            }
            line.replace('>', "")
        })
        .collect()
}

fn assert_all(expected: &[&str]) {
    let triples = triples();
    let missing: Vec<&&str> =
        expected.iter().filter(|triple| !triples.contains(**triple)).collect();
    assert!(
        missing.is_empty(),
        "missing triples:\n{}\n\nsome of what there is:\n{}",
        missing.iter().map(|t| format!("  {t}")).collect::<Vec<_>>().join("\n"),
        triples
            .iter()
            .filter(|t| !t.contains("char=") && !t.contains("fact-"))
            .take(400)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_article_itself() {
    assert_all(&[
        "doc schema:datePublished \"2017-04-14\"^^xsd:date",
        "doc schema:locationCreated id:strasbourg",
        "id:strasbourg schema:containedInPlace id:france",
        "doc schema:publisher id:agence-france-presse",
        "id:agence-france-presse owl:sameAs wd:Q40464",
    ]);
}

#[test]
fn the_court_rules_against_russia() {
    assert_all(&[
        "id:european-court-of-human-rights rdf:type ng:Court",
        "id:european-court-of-human-rights schema:location id:strasbourg",
        "doc:ruling-43 rdf:type ng:Ruling",
        "doc:ruling-43 ng:agent id:european-court-of-human-rights",
        "doc:ruling-43 ng:date \"2017-04-13\"^^xsd:date",
        "doc:ruling-43 ng:against id:russia",
        // A violation of Article 2 of the Convention, which guarantees the right to life.
        "doc:ruling-43 ng:finding doc:violation-2305",
        "doc:violation-2305 rdf:type ng:Violation",
        "doc:violation-2305 ng:agent id:russia",
        "doc:violation-2305 ng:provision id:article-2",
        "id:article-2 schema:isPartOf id:european-convention-on-human-rights",
        "id:article-2 ng:guarantees id:right-to-life",
        // A further violation over the use of lethal force by the security forces.
        "doc:ruling-43 ng:finding doc:violation-2425",
        "doc:violation-2425 ng:concerns doc:useofforce-2466",
        "doc:useofforce-2466 ng:agent doc:russian-security-forces",
        "doc:useofforce-2466 ng:description \"lethal force\"@en",
        // The case, brought by more than 400 Russians.
        "doc:ruling-43 ng:case doc:legalcase-1641",
        "doc:legalcase-1641 ng:court id:european-court-of-human-rights",
        "doc:legalcase-1641 ng:plaintiff doc:russians-1695",
        "doc:russians-1695 ng:nationality id:russia",
        "doc:quantity-1695 ng:counts doc:russians-1695",
        "doc:quantity-1695 schema:minValue \"400\"^^xsd:integer",
        // Serious shortcomings in the investigation into the attack.
        "doc:ruling-43 ng:finding doc:shortcoming-2751",
        "doc:shortcoming-2751 ng:description \"serious shortcomings\"@en",
        "doc:shortcoming-2751 ng:concerns doc:investigation-2788",
        "doc:investigation-2788 ng:concerns doc:siege-149",
        // What the court says is its claim, not the article's assertion.
        "doc:claim-2284 ng:claimedBy id:european-court-of-human-rights",
        "doc:claim-2284 ng:claims doc:violation-2305",
    ]);
}

#[test]
fn the_siege() {
    assert_all(&[
        "doc:siege-149 rdf:type ng:Siege",
        "doc:siege-149 rdf:type ng:HostageTaking",
        "doc:siege-149 rdfs:label \"Beslan school siege\"@en",
        "doc:siege-149 ng:place id:beslan-school",
        "id:beslan-school schema:containedInPlace id:beslan",
        "id:beslan-school schema:containedInPlace id:north-ossetia",
        "id:beslan schema:containedInPlace id:north-ossetia",
        "id:north-ossetia schema:containedInPlace id:russia",
        "doc:siege-149 ng:date \"2004\"^^xsd:gYear",
        "doc:siege-149 schema:startDate \"2004-09-01\"^^xsd:date",
        "doc:siege-149 ng:agent doc:chechen-rebels",
        "doc:chechen-rebels schema:alternateName \"militants\"@en",
        "doc:chechen-rebels schema:alternateName \"attackers\"@en",
        "doc:chechen-rebels ng:nationality id:chechnya",
        "doc:siege-149 ng:demand doc:withdrawal-635",
        "doc:withdrawal-635 ng:theme doc:russian-security-forces",
        "doc:withdrawal-635 ng:fromPlace id:chechnya",
        "doc:russian-security-forces ng:nationality id:russia",
        // 1,100 hostages, 800 of them children.
        "doc:siege-149 ng:hostages doc:quantity-730",
        "doc:quantity-730 schema:value \"1100\"^^xsd:integer",
        "doc:quantity-730 ng:includes doc:quantity-754",
        "doc:quantity-754 schema:value \"800\"^^xsd:integer",
        // Three days of negotiations; the storming of the gymnasium by security forces ended it.
        "doc:siege-149 schema:subEvent doc:negotiation-1239",
        "doc:negotiation-1239 ng:duration \"P3D\"^^xsd:duration",
        "doc:siege-149 ng:endedBy doc:assault-1263",
        "doc:assault-1263 ng:agent doc:russian-security-forces",
        "doc:assault-1263 ng:target doc:beslan-school-gymnasium",
        "doc:beslan-school-gymnasium schema:containedInPlace id:beslan-school",
        // 334 dead, 184 of them children; "over 330" is the same toll as a bound.
        "doc:siege-149 ng:killed doc:quantity-209",
        "doc:quantity-209 schema:value \"334\"^^xsd:integer",
        "doc:quantity-209 schema:minValue \"330\"^^xsd:integer",
        "doc:quantity-209 ng:includes doc:quantity-1116",
        "doc:quantity-1116 schema:value \"184\"^^xsd:integer",
        // Compared with the September 11, 2001 attacks in the United States.
        "doc:siege-149 ng:comparedTo id:september-11-attacks",
        "id:september-11-attacks owl:sameAs wd:Q10806",
        "id:september-11-attacks ng:date \"2001-09-11\"^^xsd:date",
        "id:september-11-attacks ng:place id:united-states",
    ]);
}

#[test]
fn the_kremlin_reacts() {
    assert_all(&[
        "id:dmitry-peskov rdf:type schema:Person",
        "id:dmitry-peskov ng:spokespersonFor id:kremlin",
        "id:dmitry-peskov schema:jobTitle \"spokesman\"@en",
        "doc:statement-2063 ng:speaker id:dmitry-peskov",
        "doc:statement-2063 ng:onBehalfOf id:kremlin",
        "doc:statement-2063 ng:quote \"impossible\"@en",
        "doc:statement-2063 schema:about doc:ruling-43",
        "doc:statement-2155 ng:speaker id:dmitry-peskov",
        "doc:statement-2155 ng:quote \"Such phrasing for a country that has suffered an attack is absolutely unacceptable\"@en",
        "doc:statement-2155 schema:about doc:ruling-43",
        "doc:reaction-489 ng:agent id:russia",
        "doc:reaction-489 ng:reactsTo doc:ruling-43",
        "doc:statement-489 ng:speaker id:russia",
        "doc:statement-489 ng:quote \"absolutely unacceptable\"@en",
        "doc:statement-489 ng:reactsTo doc:ruling-43",
    ]);
}

#[test]
fn every_entity_and_event_has_one_label() {
    let graph = newsgraph::extract(ARTICLE).expect("the demo article parses");
    for (_, node) in graph.nodes() {
        assert!(!node.label.trim().is_empty(), "{} has an empty label", node.iri);
    }
}

#[test]
fn facts_keep_their_evidence() {
    let triples = triples();
    // The ruling's date is stated in the first sentence, by the ruling rule.
    let fact = triples
        .iter()
        .filter(|t| t.ends_with("rdf:object \"2017-04-13\"^^xsd:date"))
        .filter_map(|t| t.split(' ').next())
        .find(|fact| triples.contains(&format!("{fact} rdf:predicate ng:date")))
        .expect("the ruling date is a reified fact")
        .to_owned();
    assert!(
        triples.contains(&format!("{fact} prov:wasDerivedFrom doc:s1")),
        "{fact} not derived from s1"
    );
    assert!(triples.contains(&format!("{fact} ng:rule \"ruling-verb\"")), "{fact} lacks its rule");
}

/// Counts the facts of each `ng:` predicate (event roles and relations), which is what
/// the article states, independent of what the lexicons add about places.
fn ng_histogram(text: &str) -> std::collections::BTreeMap<String, usize> {
    let graph = newsgraph::extract(text).expect("the article parses");
    let mut histogram = std::collections::BTreeMap::new();
    for quad in to_dataset(&graph).iter().filter(|quad| quad.graph_name.is_default_graph()) {
        let predicate = quad.predicate.as_str();
        if let Some(local) = predicate.strip_prefix("https://w3id.org/newsgraph/ontology#") {
            *histogram.entry(local.to_owned()).or_insert(0) += 1;
        }
    }
    histogram
}

/// A copy of the demo with other names, places, dates and figures has the same structure.
#[test]
fn a_renamed_copy_gives_the_same_structure() {
    let replacements = [
        ("Beslan", "Nalchik"),
        ("STRASBOURG (France)", "GENEVA (Switzerland)"),
        ("Strasbourg", "Geneva"),
        ("North Ossetia", "Dagestan"),
        ("Chechen", "Ingush"),
        ("Chechnya", "Ingushetia"),
        ("Dmitry Peskov", "Maria Zakharova"),
        ("Peskov", "Zakharova"),
        ("spokesman", "spokeswoman"),
        (" he told", " she told"),
        ("2004", "2005"),
        ("334", "412"),
        ("184", "96"),
        ("1,100", "1,300"),
        ("800 children", "600 children"),
        ("330", "400"),
        ("2017-04-14", "2018-05-20"),
    ];
    let mut renamed = ARTICLE.to_owned();
    for (from, to) in replacements {
        renamed = renamed.replace(from, to);
    }
    assert_eq!(ng_histogram(&renamed), ng_histogram(ARTICLE));
}
