//! The frame tables of `data/frames/`: which predicate lemmas name which event class, which
//! role each numbered argument takes, and which prepositional phrases give which role.
//!
//! Read on the dependency parse by [`super::parse_facts`]. Built in: `propbank.tsv` (generated
//! from PropBank 3.4, CC BY-SA 4.0), `frames.tsv` (hand-written rows that win over PropBank's,
//! and classes whose PropBank verbs mix senses), `classes.tsv` (each class's roles for PropBank's
//! arguments, used for event nouns) and `prepositions.tsv`.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use super::Tag;
use crate::lexicon::table::Table;
use crate::LexiconError;

/// Where an event named by a verb is: the verb itself, or one of its nouns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// The verb names an event of this frame's class ("stormed").
    Verb,
    /// The verb's subject is the event ("an earthquake struck X": X is its place).
    Subject,
    /// The verb's object is the event ("carried out an attack": the subject is its agent).
    Object,
}

/// What a predicate lemma says.
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    /// The ng: class local name (`Attack`); empty for an `Anchor::Subject`/`Object` frame.
    pub class: String,
    pub anchor: Anchor,
    /// Rule id given as evidence (`frame:storm.01`, `frame:carry`).
    pub id: String,
    /// Roles of ARG0, ARG1, ARG2 (names as in `rules.tsv`: agent, target, …).
    pub args: [Option<&'static str>; 3],
}

/// A prepositional role.
#[derive(Debug, Clone)]
struct Preposition {
    class: Option<String>,
    preposition: String,
    role: &'static str,
    /// Tags the object may have; empty for any.
    tags: Vec<Tag>,
}

/// The frame tables.
#[derive(Debug, Default)]
pub(crate) struct Frames {
    verbs: HashMap<String, Frame>,
    /// Roles of ARG0, ARG1, ARG2 per class, for event nouns.
    classes: HashMap<String, [Option<&'static str>; 3]>,
    prepositions: Vec<Preposition>,
}

const PROPBANK: &str = include_str!("../../data/frames/propbank.tsv");
const HAND: &str = include_str!("../../data/frames/frames.tsv");
const CLASSES: &str = include_str!("../../data/frames/classes.tsv");
const PREPOSITIONS: &str = include_str!("../../data/frames/prepositions.tsv");

impl Frames {
    /// The built-in tables, read once.
    pub(crate) fn builtin() -> Result<&'static Frames, LexiconError> {
        static BUILTIN: OnceLock<Result<Frames, LexiconError>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                Frames::parse(
                    ("data/frames/propbank.tsv", PROPBANK),
                    ("data/frames/frames.tsv", HAND),
                    ("data/frames/classes.tsv", CLASSES),
                    ("data/frames/prepositions.tsv", PREPOSITIONS),
                )
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The built-in tables with a user's rows (laid out like `frames.tsv`) after the built-in
    /// hand-written ones, so that they win for their lemmas.
    pub(crate) fn extended(file: &str, text: &str) -> Result<Self, LexiconError> {
        // Alone first, so that an error names the line of the user's file.
        Frames::parse(
            ("data/frames/propbank.tsv", "lemma\tpos\tclass\troleset\troles\n"),
            (file, text),
            ("data/frames/classes.tsv", CLASSES),
            ("data/frames/prepositions.tsv", PREPOSITIONS),
        )?;
        let mut combined = HAND.to_owned();
        combined.push('\n');
        for line in text.lines().filter(|line| line.trim_end() != "lemma\tpos\tclass\troles") {
            combined.push_str(line);
            combined.push('\n');
        }
        Frames::parse(
            ("data/frames/propbank.tsv", PROPBANK),
            (&format!("data/frames/frames.tsv + {file}"), &combined),
            ("data/frames/classes.tsv", CLASSES),
            ("data/frames/prepositions.tsv", PREPOSITIONS),
        )
    }

    /// Reads the four tables (file name, text).
    pub(crate) fn parse(
        propbank: (&str, &str),
        hand: (&str, &str),
        classes: (&str, &str),
        prepositions: (&str, &str),
    ) -> Result<Self, LexiconError> {
        let mut frames = Frames::default();
        // Hand-written rows first: they win, and they say which PropBank classes to drop.
        let hand_table = Table::parse(hand.0, hand.1)?;
        hand_table.check_header(&["lemma", "pos", "class", "roles"])?;
        let mut dropped_classes = Vec::new();
        let mut hand_verbs: HashMap<String, Option<Frame>> = HashMap::default();
        for row in hand_table.rows() {
            let (lemma, pos, class, roles) = (row.get(0), row.get(1), row.get(2), row.get(3));
            if pos != "verb" {
                return Err(row.error(format!("part of speech {pos:?}: only `verb` is read")));
            }
            if lemma == "*" {
                if roles != "-" {
                    return Err(row.error("a `*` row drops a class: its roles must be `-`".into()));
                }
                dropped_classes.push(class.to_owned());
                continue;
            }
            if class == "-" {
                hand_verbs.insert(lemma.to_owned(), None);
                continue;
            }
            let anchor = match class {
                "@subject" => Anchor::Subject,
                "@object" => Anchor::Object,
                _ => Anchor::Verb,
            };
            let frame = Frame {
                class: if anchor == Anchor::Verb { class.to_owned() } else { String::new() },
                anchor,
                id: format!("frame:{lemma}"),
                args: parse_roles(roles).map_err(|message| row.error(message))?,
            };
            hand_verbs.insert(lemma.to_owned(), Some(frame));
        }
        // PropBank: a lemma whose rolesets name two classes is ambiguous and left out.
        let table = Table::parse(propbank.0, propbank.1)?;
        table.check_header(&["lemma", "pos", "class", "roleset", "roles"])?;
        let mut ambiguous: Vec<String> = Vec::new();
        for row in table.rows() {
            let (lemma, pos, class) = (row.get(0), row.get(1), row.get(2));
            if pos != "verb"
                || hand_verbs.contains_key(lemma)
                || dropped_classes.iter().any(|c| c == class)
            {
                continue;
            }
            let frame = Frame {
                class: class.to_owned(),
                anchor: Anchor::Verb,
                id: format!("frame:{}", row.get(3)),
                args: parse_roles(row.get(4)).map_err(|message| row.error(message))?,
            };
            match frames.verbs.get(lemma) {
                Some(existing) if existing.class != frame.class => ambiguous.push(lemma.to_owned()),
                Some(_) => {}
                None => {
                    frames.verbs.insert(lemma.to_owned(), frame);
                }
            }
        }
        for lemma in ambiguous {
            frames.verbs.remove(&lemma);
        }
        for (lemma, frame) in hand_verbs {
            match frame {
                Some(frame) => frames.verbs.insert(lemma, frame),
                None => frames.verbs.remove(&lemma),
            };
        }
        let table = Table::parse(classes.0, classes.1)?;
        table.check_header(&["class", "framenet", "arg0", "arg1", "arg2"])?;
        for row in table.rows() {
            let arg = |column: usize| match row.get(column) {
                "-" => Ok(None),
                role => super::patterns::role_name(role)
                    .map(Some)
                    .ok_or_else(|| row.error(format!("unknown role {role:?}"))),
            };
            frames.classes.insert(row.get(0).to_owned(), [arg(2)?, arg(3)?, arg(4)?]);
        }
        let table = Table::parse(prepositions.0, prepositions.1)?;
        table.check_header(&["class", "preposition", "role", "tags"])?;
        for row in table.rows() {
            let tags = match row.get(3) {
                "*" => Vec::new(),
                list => list
                    .split_whitespace()
                    .map(|tag| {
                        tag_named(tag).ok_or_else(|| row.error(format!("unknown tag {tag:?}")))
                    })
                    .collect::<Result<_, _>>()?,
            };
            let role = super::patterns::role_name(row.get(2))
                .ok_or_else(|| row.error(format!("unknown role {:?}", row.get(2))))?;
            frames.prepositions.push(Preposition {
                class: Some(row.get(0)).filter(|class| *class != "*").map(str::to_owned),
                preposition: row.get(1).to_owned(),
                role,
                tags,
            });
        }
        Ok(frames)
    }

    /// The frame of a verb lemma.
    pub(crate) fn verb(&self, lemma: &str) -> Option<&Frame> {
        self.verbs.get(lemma)
    }

    /// The roles of ARG0, ARG1, ARG2 for an event class (for its nouns).
    pub(crate) fn class_args(&self, class: &str) -> Option<&[Option<&'static str>; 3]> {
        self.classes.get(class)
    }

    /// The role a preposition's object takes for an event of these classes, if its tag fits:
    /// a row of one of the classes wins over a `*` row.
    pub(crate) fn preposition(
        &self,
        classes: &[&str],
        preposition: &str,
        tag: Tag,
    ) -> Option<&'static str> {
        let fits = |p: &&Preposition| {
            p.preposition == preposition && (p.tags.is_empty() || p.tags.contains(&tag))
        };
        let own = self
            .prepositions
            .iter()
            .filter(fits)
            .find(|p| p.class.as_deref().is_some_and(|class| classes.contains(&class)));
        own.or_else(|| self.prepositions.iter().filter(fits).find(|p| p.class.is_none()))
            .map(|p| p.role)
    }
}

/// `arg0=agent arg1=target` → the roles of ARG0..ARG2.
fn parse_roles(roles: &str) -> Result<[Option<&'static str>; 3], String> {
    let mut args: [Option<&'static str>; 3] = [None, None, None];
    for pair in roles.split_whitespace().filter(|pair| *pair != "-") {
        let (arg, role) =
            pair.split_once('=').ok_or_else(|| format!("role {pair:?} is not argN=role"))?;
        let slot = match arg {
            "arg0" => 0,
            "arg1" => 1,
            "arg2" => 2,
            _ => return Err(format!("argument {arg:?}: only arg0, arg1, arg2")),
        };
        args[slot] =
            Some(super::patterns::role_name(role).ok_or_else(|| format!("unknown role {role:?}"))?);
    }
    Ok(args)
}

/// The tag written as in shadow text (`PER`).
fn tag_named(name: &str) -> Option<Tag> {
    Some(match name {
        "PER" => Tag::Per,
        "ORG" => Tag::Org,
        "GPE" => Tag::Gpe,
        "FAC" => Tag::Fac,
        "GRP" => Tag::Grp,
        "LAW" => Tag::Law,
        "EVT" => Tag::Evt,
        "DATE" => Tag::Date,
        "DUR" => Tag::Dur,
        "QTY" => Tag::Qty,
        "PRO" => Tag::Pro,
        "TTL" => Tag::Ttl,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_tables_load_and_hand_rows_win() -> Result<(), LexiconError> {
        let frames = Frames::builtin()?;
        let storm = frames.verb("storm").map(|f| (f.class.as_str(), f.args[0]));
        assert_eq!(storm, Some(("Assault", Some("agent"))));
        // "find" has too many senses; PropBank's Cause_harm verbs are dropped with their class.
        assert!(frames.verb("find").is_none());
        assert!(frames.verb("cut").is_none());
        assert_eq!(frames.verb("say").map(|f| f.class.as_str()), Some("Statement"));
        assert_eq!(frames.preposition(&["Ruling"], "against", Tag::Gpe), Some("against"));
        assert_eq!(frames.preposition(&["Ruling"], "in", Tag::Gpe), Some("place"));
        assert_eq!(frames.preposition(&["Ruling"], "in", Tag::Qty), None);
        Ok(())
    }

    #[test]
    fn malformed_rows_name_file_and_line() {
        let hand = "lemma\tpos\tclass\troles\nstorm\tverb\tAssault\targ7=agent\n";
        let error = Frames::parse(
            ("p", "lemma\tpos\tclass\troleset\troles\n"),
            ("frames.tsv", hand),
            ("c", "class\tframenet\targ0\targ1\targ2\n"),
            ("q", "class\tpreposition\trole\ttags\n"),
        )
        .err()
        .map(|e| (e.file, e.line));
        assert_eq!(error, Some(("frames.tsv".to_owned(), 2)));
    }
}
