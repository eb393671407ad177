//! Queries over a [`KnowledgeGraph`](super::KnowledgeGraph).

use super::{Evidence, Literal, Node};

/// The object of a fact: a node or a literal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactObject<'a> {
    /// Another node.
    Node(&'a Node),
    /// A literal value.
    Literal(&'a Literal),
}

/// One fact of the graph: subject, predicate, object, and the evidence for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fact<'a> {
    /// The subject.
    pub subject: &'a Node,
    /// The predicate IRI.
    pub predicate: &'a str,
    /// The object.
    pub object: FactObject<'a>,
    /// Where the article states it.
    pub evidence: &'a [Evidence],
}
