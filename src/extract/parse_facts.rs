//! Facts read from the dependency parse: events and their roles from the frame tables
//! ([`Frames`]), reported speech, and the roles of event nouns.
//!
//! Runs after the surface rules (`patterns.rs`): what a rule found for the same words is kept
//! and the frame adds its roles to it (an event of the same class in the same sentence), so the
//! two never make one event twice. Every fact has the frame as its rule (`frame:storm.01`,
//! `frame:noun:Siege`) and the words of the predicate and its arguments as its span.
//!
//! How the parse is read (spaCy's dependency labels):
//! - a verb's `nsubj` is ARG0 (ARG1 when the frame has no ARG0), its `dobj` and a passive
//!   `nsubjpass` ARG1, its `dative` ARG2, the object of its `agent` ("by") ARG0;
//! - a verb with no subject of its own takes its head's: a conjunct ("read out the conviction and
//!   sentenced him"), a controlled complement ("agreed to buy"), and a relative clause or
//!   participle the noun it modifies ("an earthquake that struck X", "the man arrested on Monday");
//! - an argument's conjuncts are arguments too ("police and soldiers stormed");
//! - a prepositional phrase takes the role `prepositions.tsv` gives its preposition for the
//!   event's class and the object's kind ("in Beslan" place, "against Russia" against);
//! - a negated verb states no event ("did not attack");
//! - a verb whose object is a count ("killed 12 people") is a toll, not an event of its own: the
//!   rules and `Reader::tolls` put it on the event the parse names or on the incident;
//! - "according to X" and "X was quoted as saying" name a speaker; a person "of" a political
//!   party is its member; "won a third term as President of X" is an election in X.

use rustc_hash::FxHashMap as HashMap;

use super::frames::{Anchor, Frame, Frames};
use super::parse::SentenceParse;
use super::patterns::{apply_one, Action, Matched};
use super::{Annotations, Context, Tag};
use crate::graph::Evidence;

/// Reads every sentence's parse.
pub(crate) fn apply(
    context: &Context<'_>,
    parses: &[SentenceParse],
    frames: &Frames,
    annotations: &mut Annotations,
    event_of_entity: &mut HashMap<usize, usize>,
) {
    let mut index = EventIndex::default();
    // The counts the rules already gave an event (a toll, hostages): a frame does not count them
    // twice.
    let mut counted: rustc_hash::FxHashSet<usize> = annotations
        .facts
        .events
        .iter()
        .flat_map(|event| event.roles.iter())
        .filter_map(|role| match role.arg {
            super::facts::Arg::Quantity(mention) => Some(mention),
            _ => None,
        })
        .collect();
    // Whether the story already says how many hostages were held: those freed are then a part.
    let mut hostages_known =
        annotations.facts.events.iter().any(|event| {
            event.roles.iter().any(|role| role.predicate == crate::vocab::ng::HOSTAGES)
        });
    for (sentence, parse) in parses.iter().enumerate() {
        let mut reader = Reader {
            context,
            parse,
            sentence,
            frames,
            annotations,
            event_of_entity,
            index: &mut index,
            counted: &mut counted,
            hostages_known: &mut hostages_known,
        };
        for token in 0..parse.len() {
            if parse.pos(token) != "VERB" || reader.negated(token) {
                continue;
            }
            if parse.lemma(token).eq_ignore_ascii_case("accord") {
                reader.according_to(token);
                continue;
            }
            if parse.lemma(token).eq_ignore_ascii_case("win") {
                reader.won_term(token);
            }
            let Some(frame) = frames.verb(parse.lemma(token)) else { continue };
            match frame.anchor {
                Anchor::Verb if frame.class == "Statement" => reader.speech(token),
                Anchor::Verb => reader.verb_event(token, frame),
                Anchor::Subject | Anchor::Object => reader.noun_via_verb(token, frame),
            }
        }
        reader.event_nouns();
        reader.tolls();
        reader.appositions();
        reader.memberships();
    }
}

struct Reader<'a, 'c> {
    context: &'a Context<'c>,
    parse: &'a SentenceParse,
    sentence: usize,
    frames: &'a Frames,
    annotations: &'a mut Annotations,
    event_of_entity: &'a mut HashMap<usize, usize>,
    index: &'a mut EventIndex,
    counted: &'a mut rustc_hash::FxHashSet<usize>,
    hostages_known: &'a mut bool,
}

/// The events and claims found so far, by sentence and by class, in the order they were found:
/// looking up a sentence's events for each verb must not scan every event of the article.
/// Kept up to date by [`EventIndex::update`] (what was pushed since) and
/// [`EventIndex::add_class`] (a class given to an existing event).
#[derive(Debug, Default)]
struct EventIndex {
    by_sentence: HashMap<usize, Vec<usize>>,
    by_class: rustc_hash::FxHashMap<String, Vec<usize>>,
    claim_sentences: rustc_hash::FxHashSet<usize>,
    events: usize,
    claims: usize,
}

impl EventIndex {
    fn update(&mut self, annotations: &Annotations) {
        let facts = &annotations.facts;
        for (index, event) in facts.events.iter().enumerate().skip(self.events) {
            self.by_sentence.entry(event.sentence).or_default().push(index);
            for class in &event.classes {
                self.by_class.entry(class.clone()).or_default().push(index);
            }
        }
        self.events = facts.events.len();
        for claim in facts.claims.iter().skip(self.claims) {
            self.claim_sentences.insert(claim.sentence);
        }
        self.claims = facts.claims.len();
    }

    fn add_class(&mut self, event: usize, class: &str) {
        let list = self.by_class.entry(class.to_owned()).or_default();
        if let Err(at) = list.binary_search(&event) {
            list.insert(at, event);
        }
    }

    fn in_sentence(&self, sentence: usize) -> &[usize] {
        self.by_sentence.get(&sentence).map_or(&[], Vec::as_slice)
    }

    fn of_class(&self, class: &str) -> &[usize] {
        self.by_class.get(class).map_or(&[], Vec::as_slice)
    }
}

/// The argument slot of a dependent: 0 for ARG0, 1 for ARG1, 2 for ARG2.
type Slot = usize;

impl Reader<'_, '_> {
    fn negated(&self, token: usize) -> bool {
        self.parse.children_with(token, &["neg"]).next().is_some()
    }

    /// The verb's core arguments: slot and token, conjuncts included.
    fn arguments(&self, verb: usize) -> Vec<(Slot, usize)> {
        let parse = self.parse;
        let mut found: Vec<(Slot, usize)> = Vec::new();
        for child in parse.children(verb).iter().copied() {
            match parse.dep(child) {
                "nsubj" if !is_relative_pronoun(parse, child) => found.push((0, child)),
                "nsubjpass" if !is_relative_pronoun(parse, child) => found.push((1, child)),
                "dobj" => found.push((1, child)),
                "dative" => found.push((2, child)),
                "agent" => found.extend(parse.children_with(child, &["pobj"]).map(|o| (0, o))),
                _ => {}
            }
        }
        let has_subject = parse.children_with(verb, &["nsubj", "nsubjpass"]).next().is_some();
        let passive = parse.children_with(verb, &["nsubjpass", "auxpass"]).next().is_some();
        if !has_subject || found.iter().all(|&(slot, _)| slot != 0 && !passive) {
            let head = parse.head(verb);
            match parse.dep(verb) {
                // "an earthquake that struck X", "the gunmen who seized the hotel".
                "relcl"
                    if head != verb
                        && !found.iter().any(|&(slot, _)| slot == 0 || (passive && slot == 1)) =>
                {
                    found.push((usize::from(passive), head));
                }
                // "the man arrested on Monday", "gunmen storming the hotel".
                "acl" if head != verb && !has_subject => {
                    found.push((usize::from(parse.tag(verb) == "VBN"), head));
                }
                // "read out the conviction and sentenced him"; "agreed to buy".
                "conj" | "xcomp" if head != verb && !has_subject => {
                    // "were taken hostage or killed": a conjunct shares its head's voice.
                    let shared_voice = parse.dep(verb) == "conj" && parse.tag(verb) == "VBN";
                    for subject in parse.children_with(head, &["nsubj", "nsubjpass"]) {
                        if is_relative_pronoun(parse, subject) {
                            continue;
                        }
                        let head_passive = parse.dep(subject) == "nsubjpass";
                        let slot = usize::from(passive || (shared_voice && head_passive));
                        found.push((slot, subject));
                    }
                }
                _ => {}
            }
        }
        self.with_conjuncts(found)
    }

    fn with_conjuncts<T: Copy>(&self, found: Vec<(T, usize)>) -> Vec<(T, usize)> {
        let mut all = Vec::with_capacity(found.len());
        for (slot, token) in found {
            all.push((slot, token));
            let mut next = token;
            // A chain of conjuncts ("A, B and C") hangs each on the one before.
            for _ in 0..8 {
                let Some(conj) = self.parse.children_with(next, &["conj"]).next() else { break };
                all.push((slot, conj));
                next = conj;
            }
        }
        all
    }

    /// The mention a token belongs to: the innermost mention covering it (a name nested in a
    /// description), or an apposition's person for a title ("a spokeswoman, Jane Doe").
    fn mention_of(&self, token: usize) -> Option<usize> {
        let (start, _) = self.parse.range(token);
        let top = self.annotations.mention_at(self.sentence, start)?;
        let mention = self.annotations.mentions.get(top)?;
        let nested = mention.nested.iter().copied().find(|&inner| {
            self.annotations
                .mentions
                .get(inner)
                .is_some_and(|m| m.span.start <= start && start < m.span.end && m.tag.is_some())
        });
        Some(nested.unwrap_or(top))
    }

    /// The speaker a subject token stands for: a person in apposition to a title or a
    /// description ("a spokeswoman for the bank, Jane Doe,") wins over the title.
    fn speaker_of(&self, token: usize) -> Option<usize> {
        let own = self.mention_of(token);
        let own_tag = own.and_then(|m| self.annotations.mentions.get(m)).map(super::Mention::tag);
        if own_tag == Some(Tag::Per) {
            return own;
        }
        let apposition = self
            .parse
            .children_with(token, &["appos"])
            .filter_map(|child| self.mention_of(child))
            .find(|&m| self.annotations.mentions.get(m).is_some_and(|m| m.tag() == Tag::Per));
        apposition.or(own)
    }

    /// The tag of a mention that can fill a role: values, names, and descriptions of what the
    /// story has already introduced or of groups ("the hotel", "security forces", "officials").
    /// A singular indefinite description ("a hotel") is someone or something new and unnamed: the
    /// rules and inference place such words, and a frame that gave them a node of their own would
    /// say less than the story.
    fn tag_of(&self, mention: usize) -> Option<Tag> {
        let m = self.annotations.mentions.get(mention)?;
        let tag = m.tag?;
        if !tag.is_referential() || matches!(tag, Tag::Grp | Tag::Evt | Tag::Pro) || m.proper {
            return Some(tag);
        }
        let named = m
            .entity
            .and_then(|e| self.annotations.entities.get(e))
            .is_some_and(|entity| entity.proper || entity.plural || m.plural || m.definite);
        named.then_some(tag)
    }

    /// Prepositional roles and date modifiers of a predicate token, for events of these classes.
    fn modifiers(&self, token: usize, classes: &[&str]) -> Vec<(&'static str, usize)> {
        let parse = self.parse;
        let mut found = Vec::new();
        for child in parse.children(token).iter().copied() {
            match parse.dep(child) {
                "prep" => {
                    let preposition = parse.lemma(child).to_lowercase();
                    let objects: Vec<(u8, usize)> = self.with_conjuncts(
                        parse.children_with(child, &["pobj"]).map(|o| (0, o)).collect(),
                    );
                    for (_, object) in objects {
                        let Some(mention) = self.mention_of(object) else { continue };
                        let Some(tag) = self.tag_of(mention) else { continue };
                        if let Some(role) = self.frames.preposition(classes, &preposition, tag) {
                            found.push((role, mention));
                        }
                    }
                }
                // "on Saturday" is a phrase; "Saturday", "nearly 20 hours" are bare noun phrases.
                "npadvmod" | "tmod" => match self.mention_of(child).map(|m| (m, self.tag_of(m))) {
                    Some((mention, Some(Tag::Date))) => found.push(("date", mention)),
                    Some((mention, Some(Tag::Dur))) => found.push(("duration", mention)),
                    _ => {}
                },
                _ => {}
            }
        }
        found
    }

    /// Evidence spanning the predicate and the mentions of its roles.
    fn evidence(&self, token: usize, mentions: &[(&str, usize)], rule: &str) -> Evidence {
        let (mut start, mut end) = self.parse.range(token);
        for &(_, mention) in mentions {
            if let Some(m) = self.annotations.mentions.get(mention) {
                start = start.min(m.span.start);
                end = end.max(m.span.end);
            }
        }
        Evidence {
            sentence: self.sentence,
            span: self.context.article.span(start, end),
            rule: rule.into(),
        }
    }

    /// Hands what a frame matched to the rules' fact builder: the roles' mentions, the words
    /// (`texts`), the event the roles belong to if one exists, and the evidence spanning the
    /// predicate token and the mentions.
    fn state(
        &mut self,
        token: usize,
        rule: &str,
        action: &Action,
        mentions: Vec<(&'static str, usize)>,
        event: Option<usize>,
    ) {
        let matched = Matched {
            sentence: self.sentence,
            evidence: self.evidence(token, &mentions, rule),
            mentions,
            texts: Vec::new(),
            event,
        };
        apply_one(self.context, self.annotations, self.event_of_entity, action, &matched);
        if let (Action::Event(Some(class)), Some(event)) = (action, event) {
            self.index.add_class(event, class);
        }
        self.index.update(self.annotations);
    }

    fn verb_event(&mut self, verb: usize, frame: &Frame) {
        let mut roles: Vec<(&'static str, usize)> = Vec::new();
        for (slot, token) in self.arguments(verb) {
            let Some(mention) = self.mention_of(token) else { continue };
            let Some(tag) = self.tag_of(mention) else { continue };
            // "killed 12 people": a toll, which the rules and `tolls` put on the incident.
            if slot == 1 && tag == Tag::Qty {
                return;
            }
            let role = match (slot, &frame.args) {
                (0, [None, Some(arg1), _]) => arg1,
                (slot, args) => match args.get(slot).and_then(Option::as_ref) {
                    Some(role) => role,
                    None => continue,
                },
            };
            if fits(role, tag) {
                roles.push((role, mention));
            }
        }
        roles.extend(self.modifiers(verb, &[frame.class.as_str()]));
        if roles.is_empty() {
            return;
        }
        self.index.update(self.annotations);
        let events = &self.annotations.facts.events;
        let existing = self.index.in_sentence(self.sentence).iter().copied().find(|&index| {
            events
                .get(index)
                .is_some_and(|event| event.merged_into.is_none() && event.has_class(&frame.class))
        });
        let existing = existing.or_else(|| self.same_event(&frame.class, &roles));
        self.state(verb, &frame.id, &Action::Event(Some(frame.class.clone())), roles, existing);
    }

    /// An event of the class stated before with the same core roles (agent, target, theme,
    /// against): a story that tells the same deed twice tells one event.
    fn same_event(&mut self, class: &str, roles: &[(&'static str, usize)]) -> Option<usize> {
        let mut core: Vec<(&str, super::facts::Arg)> = Vec::new();
        for &(role, mention) in roles {
            if matches!(role, "agent" | "target" | "theme" | "against")
                && let (Some(predicate), Some(arg)) = (
                    super::patterns::role_predicate(role),
                    super::patterns::arg_of(
                        self.context,
                        self.annotations,
                        self.event_of_entity,
                        mention,
                    ),
                )
            {
                core.push((predicate, arg));
            }
        }
        if core.len() < 2 {
            return None;
        }
        self.index.update(self.annotations);
        let events = &self.annotations.facts.events;
        self.index.of_class(class).iter().copied().find(|&index| {
            events.get(index).is_some_and(|event| {
                event.merged_into.is_none()
                    && event.has_class(class)
                    && core.iter().all(|(predicate, arg)| {
                        event
                            .roles
                            .iter()
                            .any(|role| role.predicate == *predicate && role.arg == *arg)
                    })
            })
        })
    }

    /// "an earthquake struck X": the event is the subject (or object) noun; the verb's other
    /// arguments are its roles.
    fn noun_via_verb(&mut self, verb: usize, frame: &Frame) {
        let arguments = self.arguments(verb);
        let event_slot = if frame.anchor == Anchor::Subject { 0 } else { 1 };
        let event = arguments.iter().find_map(|&(slot, token)| {
            let mention = self.mention_of(token)?;
            (slot == event_slot && self.tag_of(mention) == Some(Tag::Evt)).then_some(mention)
        });
        let Some(event) = event else { return };
        let classes: Vec<String> = self
            .annotations
            .mentions
            .get(event)
            .map(|m| vec![m.class.to_string()])
            .unwrap_or_default();
        let class_refs: Vec<&str> = classes.iter().map(String::as_str).collect();
        let mut roles: Vec<(&'static str, usize)> = vec![("event", event)];
        for (slot, token) in arguments {
            if slot == event_slot {
                continue;
            }
            let Some(role) = frame.args.get(slot).and_then(Option::as_ref) else { continue };
            let Some(mention) = self.mention_of(token) else { continue };
            if self.tag_of(mention).is_some_and(|tag| fits(role, tag)) {
                roles.push((role, mention));
            }
        }
        roles.extend(self.modifiers(verb, &class_refs));
        if roles.len() < 2 {
            return;
        }
        self.state(verb, &frame.id, &Action::Event(None), roles, None);
    }

    /// Event nouns: the possessor is ARG0 ("Russia's invasion"), an "of" phrase ARG1 ("the
    /// siege of the school"), and prepositional phrases as for verbs.
    fn event_nouns(&mut self) {
        let events: Vec<usize> = self
            .annotations
            .by_sentence
            .get(self.sentence)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&m| {
                self.annotations
                    .mentions
                    .get(m)
                    .is_some_and(|m| m.tag == Some(Tag::Evt) && m.entity.is_some())
            })
            .collect();
        for event in events {
            let Some(mention) = self.annotations.mentions.get(event) else { continue };
            let (start, end) = (mention.span.start, mention.span.end);
            let class = mention.class.to_string();
            // The head noun: the token of the mention whose head lies outside it.
            let head = (0..self.parse.len()).rev().find(|&token| {
                let (s, _) = self.parse.range(token);
                let (h, _) = self.parse.range(self.parse.head(token));
                s >= start && s < end && (h < start || h >= end || self.parse.head(token) == token)
            });
            let Some(head) = head else { continue };
            let args = self.frames.class_args(&class).cloned().unwrap_or_default();
            let mut roles: Vec<(&'static str, usize)> = vec![("event", event)];
            for child in self.parse.children(head).iter().copied() {
                let (slot, object) = match self.parse.dep(child) {
                    "poss" => (0, Some(child)),
                    "prep" if self.parse.lemma(child).eq_ignore_ascii_case("of") => {
                        (1, self.parse.children_with(child, &["pobj"]).next())
                    }
                    _ => continue,
                };
                let Some(object) = object else { continue };
                let Some(mention) = self.mention_of(object) else { continue };
                // "Ghana's runoff": a place as the possessor of an event with no agent is where
                // it happens.
                let role = match args.get(slot).and_then(Option::as_ref) {
                    Some(role) => *role,
                    None if slot == 0 && self.tag_of(mention) == Some(Tag::Gpe) => "place",
                    None => continue,
                };
                // An "of" phrase is what the deed is done to ("the siege of the school"), not
                // what a theme-taking noun is about ("the withdrawal of troops").
                if slot == 1 && !matches!(role, "target" | "against") {
                    continue;
                }
                if mention != event && self.tag_of(mention).is_some_and(|tag| fits(role, tag)) {
                    roles.push((role, mention));
                }
            }
            let modifiers: Vec<(&'static str, usize)> = self
                .modifiers(head, &[class.as_str()])
                .into_iter()
                .filter(|&(_, mention)| mention != event)
                .collect();
            roles.extend(modifiers);
            if roles.len() < 2 {
                continue;
            }
            let rule = format!("frame:noun:{class}");
            self.state(head, &rule, &Action::Event(None), roles, None);
        }
    }

    /// Tolls the rules' surface forms miss: "the death toll from X rose to 172", "X … killed
    /// 500 people", "a siege that … left 23 people dead", "26 people, including …, were killed
    /// in a raid". The count goes to the event the parse names (the verb's subject, the noun a
    /// relative clause hangs on, an `in` phrase, the toll's `from` phrase), else to the
    /// article's main incident as the rules' tolls do (`event:@incident`).
    fn tolls(&mut self) {
        for token in 0..self.parse.len() {
            let Some((role, count, event)) = self.toll(token) else { continue };
            // "31 hostages had been freed" of the 47 held: a part, not the count.
            let freed = !matches!(
                self.parse.lemma(token).to_lowercase().as_str(),
                "hold" | "take" | "seize" | "kidnap" | "abduct"
            );
            if role == "hostages" && freed && *self.hostages_known {
                continue;
            }
            if !self.counted.insert(count) {
                continue;
            }
            if role == "hostages" {
                *self.hostages_known = true;
            }
            let mut mentions: Vec<(&'static str, usize)> = vec![(role, count)];
            // With no event named, the incident a rule or frame found in the same sentence
            // ("more than 120 people died when a ferry sank"), else the article's.
            let in_sentence = if event.is_none() { self.incident_in_sentence() } else { None };
            let class = match (event, in_sentence) {
                (Some(event), _) => {
                    mentions.push(("event", event));
                    None
                }
                (None, Some(_)) => None,
                (None, None) => Some("@incident".to_owned()),
            };
            self.state(token, "frame:toll", &Action::Event(class), mentions, in_sentence);
        }
    }

    /// The first incident (a violent or natural event) found in this sentence.
    fn incident_in_sentence(&mut self) -> Option<usize> {
        self.index.update(self.annotations);
        let events = &self.annotations.facts.events;
        self.index.in_sentence(self.sentence).iter().copied().find(|&index| {
            events.get(index).is_some_and(|event| {
                event.merged_into.is_none()
                    && event.classes.iter().any(|class| super::coref::is_incident(class))
            })
        })
    }

    /// The role, count mention and event mention (if the parse names one) of a toll predicate.
    fn toll(&self, token: usize) -> Option<(&'static str, usize, Option<usize>)> {
        let parse = self.parse;
        let lemma = parse.lemma(token).to_lowercase();
        if parse.pos(token) == "NOUN" {
            // "a death toll of 172".
            let role = self.toll_noun(token)?;
            let count = parse
                .children_with(token, &["prep"])
                .filter(|&prep| parse.lemma(prep).eq_ignore_ascii_case("of"))
                .flat_map(|prep| parse.children_with(prep, &["pobj"]))
                .find_map(|object| self.count_of(object))?;
            return Some((role, count, self.event_of_toll_noun(token)));
        }
        if parse.pos(token) != "VERB" && parse.pos(token) != "AUX" || self.negated(token) {
            return None;
        }
        let passive = parse.children_with(token, &["nsubjpass", "auxpass"]).next().is_some();
        match lemma.as_str() {
            "kill" | "injure" | "wound" => {
                let role = if lemma == "kill" { "killed" } else { "injured" };
                let label = if passive { "nsubjpass" } else { "dobj" };
                let count = parse
                    .children_with(token, &[label])
                    .filter(|&child| !is_relative_pronoun(parse, child))
                    .find_map(|child| self.count_of(child))?;
                let event = if passive {
                    self.event_in(token)
                } else {
                    match self.subject_event(token) {
                        Some(Some(event)) => Some(event),
                        Some(None) => return None,
                        None => None,
                    }
                };
                Some((role, count, event))
            }
            // "More than 40 hostages were freed during the assault": how many the incident held.
            "free" | "release" | "rescue" | "hold" | "take" | "seize" | "kidnap" | "abduct" => {
                let label = if passive { "nsubjpass" } else { "dobj" };
                let count = parse
                    .children_with(token, &[label])
                    .find_map(|child| self.count_of(child))
                    .filter(|&count| {
                        self.annotations.mentions.get(count).is_some_and(|m| {
                            m.quantity.as_ref().and_then(|q| q.unit.as_deref()).is_some_and(
                                |unit| {
                                    matches!(
                                        unit.to_lowercase().as_str(),
                                        "hostage" | "hostages" | "captive" | "captives"
                                    )
                                },
                            )
                        })
                    })?;
                Some(("hostages", count, None))
            }
            // "at least 40 people died in the attack".
            "die" => {
                let count = parse
                    .children_with(token, &["nsubj"])
                    .find_map(|child| self.count_of(child))?;
                Some(("killed", count, self.event_in(token)))
            }
            // "left 23 people dead": the count is the object, or the subject of a small clause.
            "leave" if !passive => {
                let state = parse
                    .children_with(token, &["oprd", "acomp", "ccomp", "xcomp", "dobj"])
                    .find(|&child| {
                        matches!(
                            parse.lemma(child).to_lowercase().as_str(),
                            "dead" | "injured" | "wounded"
                        )
                    })?;
                let role = if parse.lemma(state).eq_ignore_ascii_case("dead") {
                    "killed"
                } else {
                    "injured"
                };
                let count = parse
                    .children_with(token, &["dobj"])
                    .chain(parse.children_with(state, &["nsubj", "npadvmod"]))
                    .find_map(|child| self.count_of(child))?;
                let event = match self.subject_event(token) {
                    Some(Some(event)) => Some(event),
                    Some(None) => return None,
                    None => None,
                };
                Some((role, count, event))
            }
            // "the death toll … rose to 172", "the toll stood at 40", "the death toll is 12".
            "rise" | "climb" | "reach" | "stand" | "hit" | "jump" | "increase" | "grow" | "top"
            | "exceed" | "be" => {
                let toll = parse
                    .children_with(token, &["nsubj"])
                    .find(|&s| self.toll_noun(s).is_some())?;
                let role = self.toll_noun(toll)?;
                let count = parse
                    .children_with(token, &["prep"])
                    .filter(|&prep| {
                        matches!(parse.lemma(prep).to_lowercase().as_str(), "to" | "at")
                    })
                    .flat_map(|prep| parse.children_with(prep, &["pobj"]))
                    .chain(parse.children_with(token, &["dobj", "attr"]))
                    .find_map(|object| self.count_of(object))?;
                Some((role, count, self.event_of_toll_noun(toll)))
            }
            _ => None,
        }
    }

    /// The role a toll noun counts: "death toll" and a bare "toll" the dead, "injury toll" the
    /// injured.
    fn toll_noun(&self, token: usize) -> Option<&'static str> {
        let parse = self.parse;
        if !parse.lemma(token).eq_ignore_ascii_case("toll") {
            return None;
        }
        let modifiers: Vec<String> = parse
            .children_with(token, &["compound", "amod", "nmod"])
            .map(|child| parse.lemma(child).to_lowercase())
            .collect();
        match modifiers.first().map(String::as_str) {
            None | Some("death") => Some("killed"),
            Some("injury") => Some("injured"),
            Some(_) => None,
        }
    }

    /// A count of people: a quantity mention, or a noun counted by one ("three soldiers").
    fn count_of(&self, token: usize) -> Option<usize> {
        let parse = self.parse;
        let candidates = std::iter::once(token).chain(parse.children_with(token, &["nummod"]));
        candidates.filter_map(|t| self.mention_of(t)).find(|&mention| {
            self.annotations.mentions.get(mention).is_some_and(|m| {
                m.tag == Some(Tag::Qty)
                    && m.quantity.as_ref().is_some_and(|q| {
                        !matches!(
                            q.unit_category,
                            Some(
                                crate::lexicon::NounCategory::Unit
                                    | crate::lexicon::NounCategory::Facility
                                    | crate::lexicon::NounCategory::PlaceType
                                    | crate::lexicon::NounCategory::Event
                            )
                        ) && q.unit.as_deref() != Some("percent")
                            && !m.text.starts_with(['$', '€', '£'])
                    })
            })
        })
    }

    /// The event a toll noun is of: "the death toll from the earthquake", "the toll in the
    /// attack".
    fn event_of_toll_noun(&self, toll: usize) -> Option<usize> {
        let parse = self.parse;
        parse
            .children_with(toll, &["prep"])
            .filter(|&prep| {
                matches!(parse.lemma(prep).to_lowercase().as_str(), "from" | "in" | "of")
            })
            .flat_map(|prep| parse.children_with(prep, &["pobj"]))
            .find_map(|object| self.event_mention(object))
    }

    /// The event a passive toll verb names: "were killed in a raid".
    fn event_in(&self, verb: usize) -> Option<usize> {
        let parse = self.parse;
        parse
            .children_with(verb, &["prep"])
            .filter(|&prep| matches!(parse.lemma(prep).to_lowercase().as_str(), "in" | "during"))
            .flat_map(|prep| parse.children_with(prep, &["pobj"]))
            .find_map(|object| self.event_mention(object))
    }

    /// What is the subject of a verb, through conjuncts and participles ("the quake struck X,
    /// killing 27"), or the noun a relative clause hangs on ("a siege that lasted 20 hours and
    /// left 23 dead"): `Some(Some(event))` for an event, `Some(None)` for anything else (an
    /// agent: "security forces killed all three gunmen" is a deed, not a toll), `None` when
    /// the parse names no subject.
    fn subject_event(&self, verb: usize) -> Option<Option<usize>> {
        let parse = self.parse;
        let mut current = verb;
        for _ in 0..4 {
            // "A magnitude 6.4 earthquake": the parse may give the noun phrase two subjects.
            let subjects: Vec<usize> = parse
                .children_with(current, &["nsubj"])
                .filter(|&s| !is_relative_pronoun(parse, s))
                .collect();
            if !subjects.is_empty() {
                return Some(subjects.iter().find_map(|&s| self.event_mention(s)));
            }
            let head = parse.head(current);
            if head == current {
                return None;
            }
            match parse.dep(current) {
                "relcl" | "acl" => return Some(self.event_mention(head)),
                "conj" | "advcl" | "xcomp" => current = head,
                _ => return None,
            }
        }
        None
    }

    /// The event mention a token belongs to.
    fn event_mention(&self, token: usize) -> Option<usize> {
        self.mention_of(token).filter(|&mention| self.tag_of(mention) == Some(Tag::Evt))
    }

    /// "NAME of the main opposition party New Patriotic Party (NPP)": a person "of" a political
    /// party (or of a description of one with the party's name in apposition) is its member.
    fn memberships(&mut self) {
        let parse = self.parse;
        for token in 0..parse.len() {
            if matches!(parse.dep(token), "compound" | "flat") {
                continue;
            }
            let Some(person) = self.mention_of(token) else { continue };
            if self.tag_of(person) != Some(Tag::Per) {
                continue;
            }
            let objects: Vec<usize> = parse
                .children_with(token, &["prep"])
                .filter(|&prep| parse.lemma(prep).eq_ignore_ascii_case("of"))
                .flat_map(|prep| parse.children_with(prep, &["pobj"]))
                .collect();
            // The name in apposition first: "the main opposition party New Patriotic Party".
            let party = objects
                .iter()
                .flat_map(|&object| parse.children_with(object, &["appos"]).chain([object]))
                .filter_map(|object| self.mention_of(object))
                .find(|&mention| {
                    self.tag_of(mention) == Some(Tag::Org)
                        && self
                            .annotations
                            .mentions
                            .get(mention)
                            .is_some_and(|m| m.class == "PoliticalParty")
                });
            let Some(party) = party else { continue };
            let action = Action::Relation(crate::vocab::schema::MEMBER_OF.to_owned());
            self.state(token, "frame:member-of", &action, vec![("s", person), ("o", party)], None);
        }
    }

    /// "won a third term as President of the Gambia in 2026": an election the person won, held
    /// in the place of the office, with the verb's date.
    fn won_term(&mut self, verb: usize) {
        let parse = self.parse;
        let Some(term) = parse
            .children_with(verb, &["dobj"])
            .find(|&object| parse.lemma(object).eq_ignore_ascii_case("term"))
        else {
            return;
        };
        let offices: Vec<usize> = [verb, term]
            .into_iter()
            .flat_map(|token| parse.children_with(token, &["prep"]))
            .filter(|&prep| parse.lemma(prep).eq_ignore_ascii_case("as"))
            .flat_map(|prep| parse.children_with(prep, &["pobj"]))
            .filter(|&office| {
                self.mention_of(office).is_some_and(|m| self.tag_of(m) == Some(Tag::Ttl))
            })
            .collect();
        let mut roles: Vec<(&'static str, usize)> = offices
            .iter()
            .flat_map(|&office| parse.children_with(office, &["prep"]))
            .filter(|&prep| parse.lemma(prep).eq_ignore_ascii_case("of"))
            .flat_map(|prep| parse.children_with(prep, &["pobj"]))
            .filter_map(|place| self.mention_of(place))
            .filter(|&m| self.tag_of(m) == Some(Tag::Gpe))
            .map(|m| ("place", m))
            .take(1)
            .collect();
        if roles.is_empty() {
            return;
        }
        roles.extend(
            self.modifiers(verb, &["Election"]).into_iter().filter(|(role, _)| *role == "date"),
        );
        self.state(
            verb,
            "frame:win-term",
            &Action::Event(Some("Election".to_owned())),
            roles,
            None,
        );
    }

    /// Titles in apposition: "NAME, a spokeswoman for the bank," and "the bank's chairman, NAME,"
    /// give the person the title and, with a "for/of/at" phrase or a possessor, the employer.
    fn appositions(&mut self) {
        let parse = self.parse;
        for token in 0..parse.len() {
            if parse.dep(token) != "appos" {
                continue;
            }
            let head = parse.head(token);
            let (Some(a), Some(b)) = (self.mention_of(head), self.mention_of(token)) else {
                continue;
            };
            let tags = (self.tag_of(a), self.tag_of(b));
            let (person, title, title_token) = match tags {
                (Some(Tag::Per), Some(Tag::Ttl)) => (a, b, token),
                (Some(Tag::Ttl), Some(Tag::Per)) => (b, a, head),
                _ => continue,
            };
            // A true apposition is set off by a comma ("NAME, a spokeswoman"), not a rank
            // before a name ("Lt. Cmdr. NAME").
            let (first, second) = (parse.range(head.min(token)), parse.range(head.max(token)));
            let comma = self
                .context
                .article
                .text
                .get(first.1..second.0)
                .is_some_and(|gap| gap.contains(','));
            // The rules read the fuller title ("director of operations at X"); theirs stays.
            let person_entity = self.annotations.mentions.get(person).and_then(|m| m.entity);
            let titled = self.annotations.facts.relations.iter().any(|relation| {
                relation.predicate == crate::vocab::schema::JOB_TITLE
                    && matches!(relation.subject, super::facts::Arg::Entity(e) if Some(e) == person_entity)
            });
            if !comma || titled {
                continue;
            }
            let mut mentions: Vec<(&'static str, usize)> =
                vec![("person", person), ("title", title)];
            let employer = parse
                .children(title_token)
                .iter()
                .copied()
                .filter_map(|child| match parse.dep(child) {
                    "prep"
                        if matches!(
                            parse.lemma(child).to_lowercase().as_str(),
                            "for" | "of" | "at" | "with"
                        ) =>
                    {
                        parse.children_with(child, &["pobj"]).next()
                    }
                    "poss" => Some(child),
                    _ => None,
                })
                .filter_map(|object| self.mention_of(object))
                .find(|&m| matches!(self.tag_of(m), Some(Tag::Org)));
            if let Some(org) = employer {
                mentions.push(("org", org));
            }
            self.state(title_token, "frame:apposition", &Action::Title, mentions, None);
        }
    }

    /// The subjects of a reporting verb: its own, or for "X was quoted as saying (by Reuters)
    /// that …" the passive subject of "quoted" (the `by` object is where the words appeared, a
    /// role the ontology does not have, as the rules drop the addressee of "told").
    fn speaking_subjects(&self, verb: usize) -> Vec<usize> {
        let parse = self.parse;
        let own: Vec<usize> = parse.children_with(verb, &["nsubj"]).collect();
        if !own.is_empty() {
            return own;
        }
        let mut head = parse.head(verb);
        if parse.dep(head) == "prep" && parse.lemma(head).eq_ignore_ascii_case("as") {
            head = parse.head(head);
        }
        if head == verb || !parse.lemma(head).eq_ignore_ascii_case("quote") {
            return Vec::new();
        }
        parse.children_with(head, &["nsubjpass"]).collect()
    }

    /// Whether a rule or a frame already read the sentence's speech.
    fn speech_read(&mut self) -> bool {
        self.index.update(self.annotations);
        let events = &self.annotations.facts.events;
        self.index
            .in_sentence(self.sentence)
            .iter()
            .any(|&index| events.get(index).is_some_and(|event| event.has_class("Statement")))
            || self.index.claim_sentences.contains(&self.sentence)
    }

    /// "According to X, …" and "…, according to X": X says the clause the phrase hangs on, the
    /// words on the other side of the phrase (none when the phrase sits inside them).
    fn according_to(&mut self, according: usize) {
        let parse = self.parse;
        let clause = parse.head(according);
        // "According to the paper, NAME said …": the subject of the reporting verb speaks.
        let reported = self.frames.verb(parse.lemma(clause)).is_some_and(|frame| {
            frame.class == "Statement" && !self.speaking_subjects(clause).is_empty()
        });
        if clause == according || reported || self.speech_read() {
            return;
        }
        let objects: Vec<(u8, usize)> = self.with_conjuncts(
            parse
                .children_with(according, &["prep"])
                .filter(|&prep| parse.lemma(prep).eq_ignore_ascii_case("to"))
                .flat_map(|prep| parse.children_with(prep, &["pobj"]))
                .map(|object| (0, object))
                .collect(),
        );
        let speakers: Vec<usize> = objects
            .into_iter()
            .filter_map(|(_, object)| self.speaker_of(self.issuer_of(object).unwrap_or(object)))
            .filter(|&m| matches!(self.tag_of(m), Some(Tag::Per | Tag::Org | Tag::Gpe | Tag::Grp)))
            .collect();
        let Some(&speaker) = speakers.first() else { return };
        let (clause_start, clause_end) = parse.subtree_range(clause);
        let (phrase_start, phrase_end) = parse.subtree_range(according);
        let (start, end) = if phrase_start <= clause_start {
            (phrase_end, clause_end)
        } else if phrase_end >= clause_end.saturating_sub(1) {
            (clause_start, phrase_start)
        } else {
            return;
        };
        let text = &self.context.article.text;
        let Some(words) = text.get(start..end) else { return };
        let leading = words.len() - words.trim_start_matches([' ', ',', '\n']).len();
        let trailing = words.len() - words.trim_end_matches([' ', ',', '.', '\n']).len();
        let (start, end) = (start + leading, end - trailing);
        if end <= start {
            return;
        }
        let mut mentions: Vec<(&'static str, usize)> = vec![("source", speaker)];
        for (name, &other) in ["source2", "source3"].iter().zip(speakers.iter().skip(1)) {
            mentions.push((name, other));
        }
        let mut evidence = self.evidence(according, &mentions, "frame:according-to");
        evidence.span =
            self.context.article.span(evidence.span.start.min(start), evidence.span.end.max(end));
        let matched = Matched {
            sentence: self.sentence,
            evidence,
            mentions,
            texts: vec![("content", start, end)],
            event: None,
        };
        apply_one(self.context, self.annotations, self.event_of_entity, &Action::Claim, &matched);
    }

    /// Who issued a statement named as the source ("according to a statement released by X",
    /// "a communique from X"): the object of its `by`/`from` phrase or of a participle's agent.
    fn issuer_of(&self, noun: usize) -> Option<usize> {
        let parse = self.parse;
        let lemma = parse.lemma(noun).to_lowercase();
        if !matches!(lemma.as_str(), "statement" | "communique" | "communiqué" | "announcement") {
            return None;
        }
        let by_or_from = |token: usize| {
            parse
                .children_with(token, &["prep", "agent"])
                .filter(|&prep| matches!(parse.lemma(prep).to_lowercase().as_str(), "by" | "from"))
                .flat_map(|prep| parse.children_with(prep, &["pobj"]))
                .next()
        };
        by_or_from(noun).or_else(|| parse.children_with(noun, &["acl"]).find_map(by_or_from))
    }

    /// Reported speech: the subject of a reporting verb says its clausal complement ("X said
    /// the court erred", "…, officials said", "said a spokeswoman, NAME"), kept as a claim and a
    /// statement of the speaker, unless a rule already read the sentence's speech.
    fn speech(&mut self, verb: usize) {
        let sentence = self.sentence;
        if self.speech_read() {
            return;
        }
        let parse = self.parse;
        let speakers: Vec<usize> = self
            .with_conjuncts(self.speaking_subjects(verb).into_iter().map(|s| (0_u8, s)).collect())
            .into_iter()
            .filter(|&(_, token)| !is_relative_pronoun(parse, token))
            .filter_map(|(_, token)| self.speaker_of(token))
            .filter(|&m| self.tag_of(m).is_some_and(|tag| fits("speaker", tag)))
            .collect();
        let Some(&speaker) = speakers.first() else { return };
        let Some(content) = parse.children_with(verb, &["ccomp"]).next() else { return };
        let (mut start, mut end) = parse.subtree_range(content);
        // "that" is how the words are reported, not what was said.
        if let Some(mark) = parse.children_with(content, &["mark"]).next()
            && parse.lemma(mark).eq_ignore_ascii_case("that")
            && parse.range(mark).0 == start
        {
            start = parse.range(mark).1;
        }
        (start, end) = with_quotation_marks(&self.context.article.text, start, end);
        let mut mentions: Vec<(&'static str, usize)> = vec![("source", speaker)];
        for (name, &other) in ["source2", "source3"].iter().zip(speakers.iter().skip(1)) {
            mentions.push((name, other));
        }
        for (role, mention) in self.modifiers(verb, &["Statement"]) {
            if matches!(role, "date" | "place") {
                mentions.push((role, mention));
            }
        }
        let mut evidence = self.evidence(verb, &mentions, "frame:speech");
        evidence.span =
            self.context.article.span(evidence.span.start.min(start), evidence.span.end.max(end));
        let matched = Matched {
            sentence,
            evidence,
            mentions,
            texts: vec![("content", start, end)],
            event: None,
        };
        apply_one(self.context, self.annotations, self.event_of_entity, &Action::Claim, &matched);
    }
}

/// The byte range grown over the quotation marks around it (`"We will," he said`: the quote
/// is the words and their marks, so that its quotation is found).
fn with_quotation_marks(text: &str, start: usize, end: usize) -> (usize, usize) {
    let before = text.get(..start).unwrap_or("").trim_end();
    let opens = before.ends_with(['"', '“']);
    let after = text.get(end..).unwrap_or("");
    let after_trimmed = after.trim_start_matches([',', '.', '!', '?', ' ']);
    let closes = after_trimmed.starts_with(['"', '”']);
    if !(opens && closes) {
        return (start, end);
    }
    let new_start = before.char_indices().next_back().map_or(start, |(i, _)| i);
    let close_at = end + (after.len() - after_trimmed.len());
    let close_len = after_trimmed.chars().next().map_or(0, char::len_utf8);
    (new_start, close_at + close_len)
}

fn is_relative_pronoun(parse: &SentenceParse, token: usize) -> bool {
    matches!(parse.tag(token), "WDT" | "WP" | "WP$")
}

/// Whether a mention of this kind can fill the role.
fn fits(role: &str, tag: Tag) -> bool {
    match role {
        "place" | "from_place" => matches!(tag, Tag::Gpe | Tag::Fac),
        "date" | "start" | "end" => tag == Tag::Date,
        "duration" => tag == Tag::Dur,
        "killed" | "injured" | "hostages" | "magnitude" => tag == Tag::Qty,
        "court" => tag == Tag::Org,
        _ => matches!(
            tag,
            Tag::Per | Tag::Org | Tag::Gpe | Tag::Fac | Tag::Grp | Tag::Pro | Tag::Law | Tag::Evt
        ),
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::testing::assert_facts;

    /// Sentence shapes the surface rules did not foresee, read through the parse.
    #[test]
    fn frames_read_roles_through_the_parse() {
        assert_facts(&[
            (
                "Security forces in Mali on Saturday stormed the Radisson Blu hotel in Bamako.",
                &[
                    "event:Assault — agent — Security forces",
                    "event:Assault — target — Radisson Blu hotel",
                ],
                &[],
            ),
            // A relative clause: the noun it modifies is the verb's subject; the event is that
            // noun, the object its place.
            (
                "An earthquake that struck the central Philippines on Monday destroyed homes in Cebu.",
                &["event:Earthquake — place — Philippines"],
                &[],
            ),
            // Reported speech with an appositive speaker, the quotation kept, and the title.
            (
                "\"We regret the decision,\" Claire Dunmore, a spokeswoman for Barclays, said.",
                &[
                    "event:Statement — speaker — Claire Dunmore",
                    "event:Statement — quote — We regret the decision",
                    "Claire Dunmore — jobTitle — spokeswoman",
                    "Claire Dunmore — worksFor — Barclays",
                ],
                &[],
            ),
            // A negated verb states no event.
            (
                "Security forces in Mali did not storm the Radisson Blu hotel in Bamako.",
                &[],
                &["event:Assault — agent — Security forces"],
            ),
            (
                "Halvorsen Bank was acquired by Meridian Capital Group in 2019.",
                &["event:Acquisition — agent — Meridian Capital Group"],
                &[],
            ),
        ]);
    }
    /// Tolls in shapes the surface rules miss: a toll noun with its event in a `from` phrase, an
    /// event subject with words between it and the verb, a relative clause's conjunct with a
    /// small clause ("left N dead"), a passive with an `including` phrase and an `in` event.
    #[test]
    fn tolls_through_the_parse() {
        assert_facts(&[
            (
                "The death toll from a powerful earthquake that struck Peru on Tuesday rose to 172 on Thursday.",
                &["event:Earthquake — killed — 172"],
                &[],
            ),
            (
                "A magnitude 8.0 earthquake near the coastal city of Pisco killed more than 500 people.",
                &["event:Earthquake — killed — more than 500 people"],
                &[],
            ),
            (
                "Police stormed the hotel, ending a siege that had lasted nearly 20 hours and left at least 23 people dead.",
                &["event:Siege — killed — at least 23 people"],
                &[],
            ),
            (
                "A bomb exploded in the market. At least 26 people, including a journalist, were killed in the attack.",
                &["event:Attack — killed — At least 26 people"],
                &[],
            ),
            // Hostages freed: how many the incident held, whatever ended it.
            (
                "Gunmen besieged the hotel on Friday. More than 40 hostages were freed during the assault.",
                &["event:Siege — hostages — More than 40 hostages"],
                &[],
            ),
            // Those freed of the hostages held are a part, not the count.
            (
                "Gunmen seized 47 hostages at the hotel on Friday. Troops freed 31 hostages on Saturday.",
                &["event:HostageTaking — hostages — 47 hostages"],
                &["event:HostageTaking — hostages — 31 hostages"],
            ),
            // "died" with no event named: the incident found in the same sentence.
            (
                "More than 120 people died when a ferry sank in the Padma River.",
                &["event:Accident — killed — More than 120 people"],
                &[],
            ),
            // Security forces killing the attackers is a deed, not a toll of the incident.
            (
                "A bomb exploded outside the hotel. Security forces killed all three gunmen.",
                &[],
                &["event:Bombing — killed — all three gunmen", "event:Bombing — killed — three gunmen"],
            ),
        ]);
    }

    /// "According to X": X says the clause on the other side of the phrase, before or after it.
    #[test]
    fn according_to_gives_the_speaker() {
        assert_facts(&[
            (
                "According to the United Nations, about 21 million people in the region face acute food shortages.",
                &[
                    "event:Statement — speaker — United Nations",
                    "event:Statement — text — about 21 million people in the region face acute food shortages",
                ],
                &[],
            ),
            // A statement named as the source: whoever issued it speaks.
            (
                "The agreement was signed on Monday in Beijing, according to a statement released by Huaxin New Energy.",
                &["event:Statement — speaker — Huaxin New Energy"],
                &[],
            ),
            // A reporting verb of its own: its subject speaks, not the source of the report.
            (
                "According to the New Zealand Herald, Professor John Burrows said the flag had never been open to public choice.",
                &["event:Statement — speaker — John Burrows"],
                &["event:Statement — speaker — New Zealand Herald"],
            ),
        ]);
    }
    /// "X was quoted as saying by Y that …": X is the speaker.
    #[test]
    fn quoted_as_saying_gives_the_subject_as_speaker() {
        assert_facts(&[(
            "The bank's chairman, Michael Ogilvie, was quoted as saying by Reuters that the board had cut the bonuses of senior executives.",
            &["event:Statement — speaker — Michael Ogilvie"],
            &["event:Statement — speaker — Reuters"],
        )]);
    }
    /// Membership and offices: "NAME of the main opposition party PARTY (ACRONYM)", and "won a
    /// third term as President of X in YEAR" (an election in X).
    #[test]
    fn parties_and_terms_through_the_parse() {
        assert_facts(&[
            (
                "Yaw Boateng Asiedu of the main opposition party New Patriotic Party (NPP), a former trade minister, came second with 4,713,277 votes.",
                &["Yaw Boateng Asiedu — memberOf — New Patriotic Party"],
                &[],
            ),
            (
                "Among the first to congratulate him was Gambian President Lamin Ceesay Jallow, who won a third term as President of the Gambia in 2026.",
                &["event:Election — place — Gambia", "event:Election — date — 2026"],
                &[],
            ),
        ]);
    }
    /// A knight's style of address is no job: the title in apposition is ("The bank's chairman,
    /// Sir NAME,").
    #[test]
    fn styles_of_address_are_not_job_titles() {
        assert_facts(&[(
            "The bank's chairman, Sir Michael Ogilvie, said the board had cut the bonuses of senior executives.",
            &["Michael Ogilvie — jobTitle — chairman"],
            &["Michael Ogilvie — jobTitle — sir"],
        )]);
    }
}
