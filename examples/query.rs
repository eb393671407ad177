//! Extracts the bundled article's graph, lists the facts about one entity, and shows how
//! it is connected to another.
//!
//! ```text
//! cargo run --example query                      # picks the two best-connected entities
//! cargo run --example query -- "court"           # facts about an entity found by name
//! cargo run --example query -- "court" "Russia"  # and the path between two entities
//! ```

use newsgraph::{KnowledgeGraph, NodeKind};
use petgraph::stable_graph::NodeIndex;

const ARTICLE: &str = include_str!("../data/articles/beslan-echr-2017.txt");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let graph = newsgraph::extract(ARTICLE)?;
    let names: Vec<String> = std::env::args().skip(1).collect();

    // Without names, take the entities with the most facts, so nothing here knows the article.
    let ranked = entities_by_fact_count(&graph);
    let pick = |position: usize| -> Option<NodeIndex> {
        match names.get(position) {
            Some(name) => graph.find_by_name(name).first().copied(),
            None => ranked.get(position).copied(),
        }
    };

    let Some(entity) = pick(0) else {
        println!("no entity found (the graph has {} nodes)", graph.node_count());
        return Ok(());
    };
    let label = graph.node(entity).map_or("?", |node| node.label.as_str());
    println!("Facts about {label}:");
    for fact in graph.facts_about(entity) {
        println!("  {fact}");
        if let Some(evidence) = fact.evidence.first() {
            println!("      \"{}\" ({})", graph.evidence_text(evidence), evidence.rule);
        }
    }

    let Some(other) = pick(1) else {
        return Ok(());
    };
    let other_label = graph.node(other).map_or("?", |node| node.label.as_str());
    println!();
    match graph.path(entity, other) {
        Some(path) => {
            println!("How {label} is connected to {other_label} ({} steps):", path.len());
            for fact in path {
                println!("  {fact}");
            }
        }
        None => println!("{label} and {other_label} are not connected"),
    }
    Ok(())
}

/// Entity nodes, the one with the most facts first (ties by IRI).
fn entities_by_fact_count(graph: &KnowledgeGraph) -> Vec<NodeIndex> {
    let mut entities: Vec<(usize, NodeIndex)> = graph
        .nodes()
        .filter(|(_, node)| node.kind == NodeKind::Entity)
        .map(|(index, _)| (graph.facts_about(index).len(), index))
        .collect();
    // A stable sort keeps the IRI order of `nodes()` among equals.
    entities.sort_by_key(|&(n_facts, _)| std::cmp::Reverse(n_facts));
    entities.into_iter().map(|(_, index)| index).collect()
}
