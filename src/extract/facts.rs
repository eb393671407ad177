//! The facts the rules find, before they become graph nodes and edges.

use crate::graph::{Evidence, Literal};

/// The value of a role or relation end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Arg {
    /// An entity (index into `Annotations::entities`).
    Entity(usize),
    /// An event (index into `Facts::events`).
    Event(usize),
    /// A quantity mention (index into `Annotations::mentions`).
    Quantity(usize),
    /// A literal value.
    Literal(Literal),
    /// A lexicon entry that no mention names (a country given by a demonym).
    Lexicon(usize),
    /// A concept named by words of the text (class IRI, label), such as a right.
    Concept(String, String),
}

/// A role an argument plays in an event.
#[derive(Debug, Clone)]
pub(crate) struct Role {
    /// Property IRI.
    pub predicate: String,
    pub arg: Arg,
    pub evidence: Option<Evidence>,
}

/// An event: the classes it has, its roles, and the sentences that mention it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Event {
    /// Class local names, most specific first.
    pub classes: Vec<String>,
    /// The entity whose mentions name it, if a noun names it.
    pub entity: Option<usize>,
    pub roles: Vec<Role>,
    /// Where it is first mentioned (sentence, article byte offset) and the words.
    pub sentence: usize,
    pub anchor: usize,
    pub anchor_char: usize,
    pub label: String,
    /// The event this one was merged into.
    pub merged_into: Option<usize>,
    /// Whether a rule created it from a verb (not a noun).
    pub from_verb: bool,
    /// A lexicon entry for a well-known named event.
    pub entry: Option<usize>,
}

impl Event {
    /// The first argument of a role.
    pub(crate) fn role(&self, predicate: &str) -> Option<&Arg> {
        self.roles.iter().find(|role| role.predicate == predicate).map(|role| &role.arg)
    }

    /// Every argument of a role.
    pub(crate) fn roles_of<'a>(&'a self, predicate: &'a str) -> impl Iterator<Item = &'a Arg> + 'a {
        self.roles.iter().filter(move |role| role.predicate == predicate).map(|role| &role.arg)
    }

    pub(crate) fn has_class(&self, class: &str) -> bool {
        self.classes.iter().any(|own| own == class)
    }

    pub(crate) fn add_role(&mut self, predicate: &str, arg: Arg, evidence: Option<Evidence>) {
        if let Some(existing) =
            self.roles.iter_mut().find(|role| role.predicate == predicate && role.arg == arg)
        {
            if existing.evidence.is_none() {
                existing.evidence = evidence;
            }
            return;
        }
        self.roles.push(Role { predicate: predicate.to_owned(), arg, evidence });
    }
}

/// A relation between two arguments.
#[derive(Debug, Clone)]
pub(crate) struct Relation {
    pub subject: Arg,
    pub predicate: String,
    pub object: Arg,
    pub evidence: Option<Evidence>,
}

/// What a source says: reported speech, kept apart from what the article asserts.
#[derive(Debug, Clone)]
pub(crate) struct Claim {
    pub source: Arg,
    /// The reported words.
    pub text: String,
    pub evidence: Evidence,
    /// Article byte range of the reported words.
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    /// Events reported in it.
    pub events: Vec<usize>,
}

/// Everything the rules found.
#[derive(Debug, Clone, Default)]
pub(crate) struct Facts {
    pub events: Vec<Event>,
    pub relations: Vec<Relation>,
    pub claims: Vec<Claim>,
}

impl Facts {
    /// Follows merges to the event that stands for `event`.
    pub(crate) fn resolve(&self, mut event: usize) -> usize {
        let mut steps = 0;
        while let Some(next) = self.events.get(event).and_then(|e| e.merged_into) {
            event = next;
            steps += 1;
            if steps > self.events.len() {
                break;
            }
        }
        event
    }

    /// Merges event `from` into event `into` (classes and roles move over).
    pub(crate) fn merge(&mut self, from: usize, into: usize) {
        let (from, into) = (self.resolve(from), self.resolve(into));
        if from == into {
            return;
        }
        // Move the source's classes and roles out rather than cloning them; what stays behind
        // (its entity, sentence and anchor) still points the way to the merged event.
        let Some(slot) = self.events.get_mut(from) else { return };
        let classes = std::mem::take(&mut slot.classes);
        let roles = std::mem::take(&mut slot.roles);
        let (entity, entry) = (slot.entity, slot.entry);
        slot.merged_into = Some(into);
        if let Some(target) = self.events.get_mut(into) {
            for class in classes {
                if !target.classes.contains(&class) {
                    target.classes.push(class);
                }
            }
            for role in roles {
                target.add_role(&role.predicate, role.arg, role.evidence);
            }
            if target.entity.is_none() {
                target.entity = entity;
            }
            if target.entry.is_none() {
                target.entry = entry;
            }
        }
    }
}
