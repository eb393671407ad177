//! Inference over the facts the rules found: events that are one incident merge, a court's
//! findings join its ruling, rulings go against whom they find at fault, statements inherit
//! what they are about, places named for an event stand for it in comparisons.
//!
//! Every rule here is about news in general; none knows an article.

use super::coref::is_incident;
use super::facts::{Arg, Event};
use super::{Annotations, Context, Tag};
use crate::graph::Literal;
use crate::vocab::{ng, schema};

/// Runs the inference rules in order.
pub(crate) fn infer(context: &Context<'_>, annotations: &mut Annotations) {
    described_facilities(annotations);
    merge_incidents(annotations, context.date.map(|date| date.year()));
    merge_rulings(annotations);
    attach_claims(annotations);
    court_findings(annotations);
    defendants(annotations);
    findings_concern_sentence_events(annotations);
    settlements(annotations);
    merge_statements(annotations);
    statements(annotations);
    agreements_to_act(annotations);
    concessions(annotations);
    // After concessions, which give a reaction with no subject the story's election: a
    // sanction's reason is not stated.
    reactions_in_statements(annotations);
    one_court(annotations);
    investigations(context, annotations);
    sentence_dates(context, annotations);
    named_events(context, annotations);
    places_as_events(annotations);
}

fn live(annotations: &Annotations) -> Vec<usize> {
    (0..annotations.facts.events.len())
        .filter(|&index| {
            annotations.facts.events.get(index).is_some_and(|e| e.merged_into.is_none())
        })
        .collect()
}

fn entity_of(arg: Option<&Arg>) -> Option<usize> {
    match arg {
        Some(Arg::Entity(entity)) => Some(*entity),
        _ => None,
    }
}

/// The main incident: the first incident-class event of the article.
fn main_incident(annotations: &Annotations) -> Option<usize> {
    live(annotations).into_iter().find(|&index| {
        annotations.facts.events.get(index).is_some_and(|event| {
            event.classes.iter().any(|class| is_incident(class) && class != "Event")
                && event.entry.is_none()
        })
    })
}

/// Places of an event: its place and target entities, and facilities inside them.
fn places(annotations: &Annotations, event: &Event) -> Vec<usize> {
    let mut places: Vec<usize> = event
        .roles_of(ng::PLACE)
        .chain(event.roles_of(ng::TARGET))
        .filter_map(|arg| entity_of(Some(arg)))
        .collect();
    // A facility named inside another ("the school gymnasium") is part of it.
    for entity in annotations.entities.iter().enumerate() {
        let (index, entity) = entity;
        if entity.tag != Some(Tag::Fac) {
            continue;
        }
        let inside =
            entity.mentions.iter().filter_map(|&m| annotations.mentions.get(m)).any(|mention| {
                mention.nested.iter().any(|&inner| {
                    annotations
                        .mentions
                        .get(inner)
                        .and_then(|m| m.entity)
                        .is_some_and(|outer| places.contains(&outer))
                })
            });
        if inside && !places.contains(&index) {
            places.push(index);
        }
    }
    places
}

/// "stormed a hotel … the Bani Palace Hotel": a facility described by a common noun is the
/// named facility of the same head noun nearest to it in the article, when there is one, so
/// the facts about "the hotel" are about the named hotel.
fn described_facilities(annotations: &mut Annotations) {
    let first_mention = |entity: &super::Entity| {
        entity
            .mentions
            .iter()
            .filter_map(|&m| annotations.mentions.get(m))
            .map(|m| m.span.start)
            .min()
    };
    // Named facilities by the first and the last word of their name, lowercase ("Bani Palace
    // Hotel", "Hotel Warsan": the noun ends or begins the name), in entity order: one pass,
    // not one over all entities per described facility.
    let mut named_by_word: rustc_hash::FxHashMap<String, Vec<(usize, usize)>> = Default::default();
    for (other, named) in annotations.entities.iter().enumerate() {
        if named.tag != Some(Tag::Fac) || !(named.proper || named.entry.is_some()) {
            continue;
        }
        let Some((first, _)) = named.label.split_once(' ') else { continue };
        let Some(position) = first_mention(named) else { continue };
        let last = named.label.rsplit(' ').next().unwrap_or_default();
        let (first, last) = (first.to_lowercase(), last.to_lowercase());
        if first != last {
            named_by_word.entry(last).or_default().push((other, position));
        }
        named_by_word.entry(first).or_default().push((other, position));
    }
    let mut replace: rustc_hash::FxHashMap<usize, usize> = Default::default();
    for (index, described) in annotations.entities.iter().enumerate() {
        if described.tag != Some(Tag::Fac) || described.proper || described.entry.is_some() {
            continue;
        }
        let Some(head) = described.head.as_deref().map(str::to_lowercase) else { continue };
        let Some(position) = first_mention(described) else { continue };
        let mut candidates = named_by_word.get(&head).cloned().unwrap_or_default();
        // The first of equally near ones in entity order, as a scan of all entities finds it.
        candidates.sort_by_key(|&(other, _)| other);
        candidates.dedup();
        let named = candidates
            .into_iter()
            .map(|(other, first)| (other, first.abs_diff(position)))
            .min_by_key(|&(_, distance)| distance);
        if let Some((other, _)) = named {
            replace.insert(index, other);
        }
    }
    if replace.is_empty() {
        return;
    }
    let swap = |arg: &mut Arg| {
        if let Arg::Entity(entity) = arg
            && let Some(&named) = replace.get(entity)
        {
            *entity = named;
        }
    };
    for event in &mut annotations.facts.events {
        for role in &mut event.roles {
            swap(&mut role.arg);
        }
    }
    for relation in &mut annotations.facts.relations {
        swap(&mut relation.subject);
        swap(&mut relation.object);
    }
    // A relation that now joins a facility to itself says nothing.
    annotations.facts.relations.retain(|relation| relation.subject != relation.object);
}

fn merge_incidents(annotations: &mut Annotations, article_year: Option<i16>) {
    let main_found = main_incident(annotations);
    // With no violent incident, the casualties of a story are those of its protests ("37
    // people were injured" in a story of marches and clashes).
    let main_found = main_found.or_else(|| {
        live(annotations).into_iter().find(|&index| {
            annotations.facts.events.get(index).is_some_and(|event| event.has_class("Protest"))
        })
    });
    let Some(main) = main_found else {
        // A toll with no incident to join says nothing about any event we know: an untyped
        // event holding it would be a guess, so the placeholder is dropped (its quantities
        // stay quantities).
        for event in &mut annotations.facts.events {
            if event.has_class("@incident") {
                event.classes.clear();
                event.roles.clear();
            }
        }
        return;
    };
    let mut cached_places: Option<Vec<usize>> = None;
    for index in live(annotations) {
        // Only incidents, assaults and the episodes of an incident can join it.
        let relevant = annotations.facts.events.get(index).is_some_and(|event| {
            event.classes.iter().any(|class| {
                is_incident(class)
                    || matches!(
                        class.as_str(),
                        "@incident" | "Assault" | "Negotiation" | "Explosion"
                    )
            })
        });
        if index == main || !relevant {
            continue;
        }
        let Some(event) = annotations.facts.events.get(index).cloned() else { continue };
        let Some(main_event) = annotations.facts.events.get(main).cloned() else { return };
        let main_agent = entity_of(main_event.role(ng::AGENT));
        let agent = entity_of(event.role(ng::AGENT));
        // The incident's places change only when an event merges into it.
        let main_places =
            cached_places.get_or_insert_with(|| places(annotations, &main_event)).clone();
        let shares_place = event
            .roles_of(ng::PLACE)
            .chain(event.roles_of(ng::TARGET))
            .any(|arg| entity_of(Some(arg)).is_some_and(|place| main_places.contains(&place)));
        let placeholder = event.has_class("@incident");
        let assault = event.has_class("Assault");
        let same_agent = agent.is_some() && agent == main_agent;
        let incident =
            event.classes.iter().any(|class| is_incident(class)) && event.entry.is_none();
        // "shot dead two guards" in a story of a siege that left 16 dead: a killing with a
        // toll of its own is an episode of the incident, and the first thing that happened.
        let count = |event: &Event| {
            event.role(ng::KILLED).and_then(|arg| match arg {
                Arg::Quantity(mention) => annotations
                    .mentions
                    .get(*mention)
                    .and_then(|m| m.quantity.as_ref())
                    .map(|q| (q.value, q.min, q.max)),
                _ => None,
            })
        };
        let episode = event.from_verb
            && incident
            && !placeholder
            && count(&event).is_some()
            && count(&main_event).is_some()
            && count(&event) != count(&main_event);
        if episode {
            let date = event.roles.iter().find(|r| r.predicate == ng::DATE).cloned();
            if let (Some(date), Some(target)) = (date, annotations.facts.events.get_mut(main))
                && target.role(ng::DATE).is_none()
                && target.role(schema::START_DATE).is_none()
            {
                target.add_role(schema::START_DATE, date.arg, date.evidence);
            }
            continue;
        }
        if placeholder
            || (incident
                && (same_agent || agent.is_none() || main_agent.is_none())
                && !has_other_date(&main_event, &event, article_year))
            || (assault && same_agent && !has_other_date(&main_event, &event, article_year))
        {
            // The perpetrators' storming of the place is when the incident began.
            if (assault || event.from_verb)
                && let Some(Arg::Literal(Literal::Date(date))) = event.role(ng::DATE).cloned()
            {
                let evidence = event
                    .roles
                    .iter()
                    .find(|r| r.predicate == ng::DATE)
                    .and_then(|r| r.evidence.clone());
                if let Some(target) = annotations.facts.events.get_mut(main) {
                    target.add_role(
                        schema::START_DATE,
                        Arg::Literal(Literal::Date(date)),
                        evidence,
                    );
                }
                if let Some(source) = annotations.facts.events.get_mut(index) {
                    source.roles.retain(|role| role.predicate != ng::DATE);
                }
            }
            if let Some(source) = annotations.facts.events.get_mut(index) {
                source.classes.retain(|class| class != "@incident" && class != "Assault");
            }
            annotations.facts.merge(index, main);
            cached_places = None;
        } else if assault && shares_place && agent != main_agent {
            // Others storming the incident's place ended it.
            let evidence = event.roles.first().and_then(|role| role.evidence.clone());
            if let Some(target) = annotations.facts.events.get_mut(main) {
                target.add_role(ng::ENDED_BY, Arg::Event(index), evidence);
            }
        } else if (event.has_class("Negotiation") || event.has_class("Explosion"))
            && agent.is_none()
        {
            let evidence = event.roles.first().and_then(|role| role.evidence.clone());
            if let Some(target) = annotations.facts.events.get_mut(main) {
                target.add_role(schema::SUB_EVENT, Arg::Event(index), evidence);
            }
        }
    }
}

/// Whether an event is dated in another year than the incident (its date, start date, or
/// failing both the article's year): "since November 2015, when gunmen stormed…" is another
/// incident.
fn has_other_date(main: &Event, event: &Event, article_year: Option<i16>) -> bool {
    let year = |event: &Event, predicate: &str| {
        event.roles_of(predicate).find_map(|arg| match arg {
            Arg::Literal(Literal::Date(date)) => Some(date.year()),
            Arg::Literal(Literal::YearMonth(year, _) | Literal::Year(year)) => Some(*year),
            _ => None,
        })
    };
    let Some(own) = year(event, ng::DATE) else { return false };
    match year(main, ng::DATE).or_else(|| year(main, schema::START_DATE)) {
        Some(main_year) => main_year != own,
        // An article's incident may have begun late in the year before ("on December 30" in
        // a story of January 2).
        None => article_year.is_some_and(|article| (article - own).abs() > 1),
    }
}

/// One ruling per court: "the judgment" and "the court ruled" are the same decision.
fn merge_rulings(annotations: &mut Annotations) {
    let rulings: Vec<usize> = live(annotations)
        .into_iter()
        .filter(|&i| annotations.facts.events.get(i).is_some_and(|e| e.has_class("Ruling")))
        .collect();
    let Some(&first_with_court) = rulings
        .iter()
        .find(|&&i| annotations.facts.events.get(i).is_some_and(|e| e.role(ng::AGENT).is_some()))
    else {
        return;
    };
    let court =
        annotations.facts.events.get(first_with_court).and_then(|e| entity_of(e.role(ng::AGENT)));
    for &index in &rulings {
        let agent = annotations.facts.events.get(index).and_then(|e| entity_of(e.role(ng::AGENT)));
        if index != first_with_court && (agent.is_none() || agent == court) {
            annotations.facts.merge(index, first_with_court);
        }
    }
}

fn attach_claims(annotations: &mut Annotations) {
    // The live events by the sentences of their roles' evidence, so that a claim looks only
    // at the events of its sentence (all pairs made long articles quadratic).
    let mut by_sentence: rustc_hash::FxHashMap<usize, Vec<usize>> = Default::default();
    for index in live(annotations) {
        let Some(event) = annotations.facts.events.get(index) else { continue };
        for evidence in event.roles.iter().filter_map(|role| role.evidence.as_ref()) {
            let list = by_sentence.entry(evidence.sentence).or_default();
            if list.last() != Some(&index) {
                list.push(index);
            }
        }
    }
    for claim in &mut annotations.facts.claims {
        let Some(events) = by_sentence.get(&claim.sentence) else { continue };
        for &index in events {
            let Some(event) = annotations.facts.events.get(index) else { continue };
            let inside =
                event.roles.iter().filter_map(|role| role.evidence.as_ref()).any(|evidence| {
                    evidence.sentence == claim.sentence
                        && evidence.span.start >= claim.start
                        && evidence.span.end <= claim.end + 1
                });
            if inside
                && event.from_verb
                && !event.has_class("Statement")
                && !claim.events.contains(&index)
            {
                claim.events.push(index);
            }
        }
    }
}

/// What a court says and finds is a finding of its ruling; the ruling goes against whoever
/// the findings blame.
fn court_findings(annotations: &mut Annotations) {
    let Some(ruling) = live(annotations).into_iter().find(|&i| {
        annotations
            .facts
            .events
            .get(i)
            .is_some_and(|e| e.has_class("Ruling") && e.role(ng::AGENT).is_some())
    }) else {
        return;
    };
    let court = annotations.facts.events.get(ruling).and_then(|e| entity_of(e.role(ng::AGENT)));
    let mut findings: Vec<usize> = Vec::new();
    for claim in &annotations.facts.claims {
        if entity_of(Some(&claim.source)) == court && court.is_some() {
            findings.extend(claim.events.iter().copied());
        }
    }
    // Violations and shortcomings stated without a source come from the court's judgment.
    // (Sets, not scans of every claim and finding per event: those were quadratic.)
    let claimed: rustc_hash::FxHashSet<usize> =
        annotations.facts.claims.iter().flat_map(|claim| claim.events.iter().copied()).collect();
    let mut found: rustc_hash::FxHashSet<usize> = findings.iter().copied().collect();
    for index in live(annotations) {
        let Some(event) = annotations.facts.events.get(index) else { continue };
        let is_finding = event.has_class("Violation") || event.has_class("Shortcoming");
        if is_finding && !claimed.contains(&index) && found.insert(index) {
            findings.push(index);
        }
    }
    findings.retain(|&index| {
        annotations
            .facts
            .events
            .get(index)
            .is_some_and(|e| e.has_class("Violation") || e.has_class("Shortcoming"))
    });
    let mut against = Vec::new();
    for &finding in &findings {
        let Some(event) = annotations.facts.events.get(finding) else { continue };
        let evidence = event.roles.first().and_then(|role| role.evidence.clone());
        if let Some(agent) = entity_of(event.role(ng::AGENT)).filter(|agent| Some(*agent) != court)
        {
            against.push((agent, evidence.clone()));
        }
        if let Some(target) = annotations.facts.events.get_mut(ruling) {
            target.add_role(ng::FINDING, Arg::Event(finding), evidence);
        }
    }
    for (agent, evidence) in against {
        if let Some(target) = annotations.facts.events.get_mut(ruling) {
            target.add_role(ng::AGAINST, Arg::Entity(agent), evidence);
        }
    }
    // A court's ruling is made in that court. A case with no court named is, in a story of
    // one court's ruling, the case that court decided.
    if let (Some(court), Some(target)) = (court, annotations.facts.events.get_mut(ruling)) {
        let evidence = target.roles.first().and_then(|role| role.evidence.clone());
        target.add_role(ng::COURT_OF, Arg::Entity(court), evidence);
    }
    if court.is_some() {
        for index in live(annotations) {
            if let Some(event) = annotations.facts.events.get_mut(index)
                && event.has_class("LegalCase")
                && event.role(ng::COURT_OF).is_none()
                && let Some(court) = court
            {
                let evidence = event.roles.first().and_then(|role| role.evidence.clone());
                event.add_role(ng::COURT_OF, Arg::Entity(court), evidence);
            }
        }
    }
    // The case brought before the court is the case it decided.
    for index in live(annotations) {
        let Some(event) = annotations.facts.events.get(index) else { continue };
        if event.has_class("LegalCase") && entity_of(event.role(ng::COURT_OF)) == court {
            let evidence = event.roles.first().and_then(|role| role.evidence.clone());
            if let Some(target) = annotations.facts.events.get_mut(ruling) {
                target.add_role(ng::CASE, Arg::Event(index), evidence);
            }
        }
    }
}

/// "a violation in the use of force by X": the finding concerns the event found beside it.
fn findings_concern_sentence_events(annotations: &mut Annotations) {
    let events = live(annotations);
    for &index in &events {
        let Some(event) = annotations.facts.events.get(index) else { continue };
        if !(event.has_class("Violation") || event.has_class("Shortcoming"))
            || event.role(ng::CONCERNS).is_some()
        {
            continue;
        }
        let sentence = event.sentence;
        let anchor = event.anchor;
        let other = events.iter().copied().find(|&other| {
            other != index
                && annotations
                    .facts
                    .events
                    .get(other)
                    .is_some_and(|o| o.sentence == sentence && o.anchor > anchor && o.from_verb)
        });
        if let Some(other) = other {
            let evidence = event.roles.first().and_then(|role| role.evidence.clone());
            if let Some(target) = annotations.facts.events.get_mut(index) {
                target.add_role(ng::CONCERNS, Arg::Event(other), evidence);
            }
        }
    }
}

/// An agreement about a legal case settles it: the case is ended by the agreement.
fn settlements(annotations: &mut Annotations) {
    let mut ended: Vec<(usize, usize, Option<crate::graph::Evidence>)> = Vec::new();
    for index in live(annotations) {
        let Some(event) = annotations.facts.events.get_mut(index) else { continue };
        if !event.has_class("Agreement") {
            continue;
        }
        let Some(position) = event.roles.iter().position(|role| role.predicate == ng::CONCERNS)
        else {
            continue;
        };
        let Some(Arg::Event(case)) = event.roles.get(position).map(|role| role.arg.clone()) else {
            continue;
        };
        let case = annotations.facts.resolve(case);
        if annotations.facts.events.get(case).is_some_and(|e| e.has_class("LegalCase"))
            && let Some(event) = annotations.facts.events.get_mut(index)
        {
            let role = event.roles.remove(position);
            ended.push((case, index, role.evidence));
        }
    }
    // A settlement is made between the parties: whoever brought the case is a party to it,
    // and whoever settles a case brought by others is the party it was against.
    for (case, agreement, evidence) in ended {
        let Some(case_event) = annotations.facts.events.get(case) else { continue };
        let plaintiffs: Vec<Arg> = case_event.roles_of(ng::PLAINTIFF).cloned().collect();
        let has_against = case_event.role(ng::AGAINST).is_some();
        let Some(agreement_event) = annotations.facts.events.get_mut(agreement) else { continue };
        let settlers: Vec<Arg> = agreement_event
            .roles_of(ng::AGENT)
            .filter(|agent| !plaintiffs.contains(agent))
            .cloned()
            .collect();
        for plaintiff in &plaintiffs {
            agreement_event.add_role(ng::AGENT, plaintiff.clone(), evidence.clone());
        }
        if let Some(case) = annotations.facts.events.get_mut(case) {
            if !has_against {
                for settler in settlers {
                    case.add_role(ng::AGAINST, settler, evidence.clone());
                }
            }
            case.add_role(ng::ENDED_BY, Arg::Event(agreement), evidence);
        }
    }
}

/// One speaker's statements in one sentence are one statement ("X said Y, adding "Z"").
fn merge_statements(annotations: &mut Annotations) {
    let mut first: Vec<((usize, Arg), usize)> = Vec::new();
    for index in live(annotations) {
        let Some(event) = annotations.facts.events.get(index) else { continue };
        if !event.has_class("Statement") {
            continue;
        }
        let Some(speaker) = event.role(ng::SPEAKER).cloned() else { continue };
        let key = (event.sentence, speaker);
        match first.iter().find(|(known, _)| *known == key) {
            Some(&(_, into)) => annotations.facts.merge(index, into),
            None => first.push((key, index)),
        }
    }
}

/// A spokesperson or employee speaks on behalf of their organisation; a statement with no subject of its
/// own is about what the same speaker's previous statement was about.
fn statements(annotations: &mut Annotations) {
    // Whoever is quoted in their job speaks for their employer ("SEC enforcement director X
    // said"), as a spokesperson does.
    let spokes: Vec<(Arg, Arg)> = annotations
        .facts
        .relations
        .iter()
        .filter(|relation| {
            relation.predicate == ng::SPOKESPERSON_FOR || relation.predicate == schema::WORKS_FOR
        })
        .map(|relation| (relation.subject.clone(), relation.object.clone()))
        .collect();
    let mut previous: Vec<(Arg, Option<Arg>, Option<Arg>)> = Vec::new();
    for index in live(annotations) {
        let Some(event) = annotations.facts.events.get_mut(index) else { continue };
        if !event.has_class("Statement") {
            continue;
        }
        let Some(speaker) = event.role(ng::SPEAKER).cloned() else { continue };
        let evidence = event.roles.first().and_then(|role| role.evidence.clone());
        for (person, org) in &spokes {
            if *person == speaker {
                event.add_role(ng::ON_BEHALF_OF, org.clone(), evidence.clone());
            }
        }
        let about = event.role(schema::ABOUT).cloned();
        let reacts = event.role(ng::REACTS_TO).cloned();
        if about.is_none()
            && reacts.is_none()
            && let Some((_, about, reacts)) =
                previous.iter().rev().find(|(other, _, _)| *other == speaker)
        {
            if let Some(about) = about {
                event.add_role(schema::ABOUT, about.clone(), evidence.clone());
            }
            if let Some(reacts) = reacts {
                event.add_role(ng::REACTS_TO, reacts.clone(), evidence.clone());
            }
        }
        previous.push((
            speaker,
            event.role(schema::ABOUT).cloned(),
            event.role(ng::REACTS_TO).cloned(),
        ));
    }
}

/// "X has signed an agreement to acquire a stake in Y": the agreement is about the deed the
/// same words state, an event a rule found from a verb whose evidence holds the agreement.
fn agreements_to_act(annotations: &mut Annotations) {
    let events = live(annotations);
    let mut found: Vec<(usize, usize, Option<crate::graph::Evidence>)> = Vec::new();
    for &index in &events {
        let Some(agreement) = annotations.facts.events.get(index) else { continue };
        if !agreement.has_class("Agreement")
            || agreement.role(ng::CONCERNS).is_some()
            || agreement.from_verb
        {
            continue;
        }
        let Some(mention) = agreement
            .entity
            .and_then(|entity| annotations.entities.get(entity))
            .into_iter()
            .flat_map(|entity| entity.mentions.iter())
            .filter_map(|&mention| annotations.mentions.get(mention))
            .find(|mention| mention.sentence == agreement.sentence)
        else {
            continue;
        };
        let deed = events.iter().copied().find_map(|other| {
            let event = annotations.facts.events.get(other)?;
            if other == index
                || !event.from_verb
                || event.has_class("Statement")
                || event.has_class("Agreement")
            {
                return None;
            }
            let evidence =
                event.roles.iter().filter_map(|role| role.evidence.as_ref()).find(|evidence| {
                    evidence.sentence == mention.sentence
                        && evidence.span.start <= mention.span.start
                        && evidence.span.end >= mention.span.end
                })?;
            Some((other, evidence.clone()))
        });
        if let Some((deed, evidence)) = deed {
            found.push((index, deed, Some(evidence)));
        }
    }
    for (agreement, deed, evidence) in found {
        if let Some(event) = annotations.facts.events.get_mut(agreement) {
            event.add_role(ng::CONCERNS, Arg::Event(deed), evidence);
        }
    }
}

/// A reaction with nothing named to react to ("conceded defeat", "congratulated her rival"),
/// in a story of an election, reacts to the election: conceding is what the loser does.
fn concessions(annotations: &mut Annotations) {
    let events = live(annotations);
    let Some(election) = events.iter().copied().find(|&index| {
        annotations.facts.events.get(index).is_some_and(|event| event.has_class("Election"))
    }) else {
        return;
    };
    for &index in &events {
        let Some(event) = annotations.facts.events.get_mut(index) else { continue };
        if event.has_class("Reaction") && event.role(ng::REACTS_TO).is_none() {
            let evidence = event.roles.first().and_then(|role| role.evidence.clone());
            event.add_role(ng::REACTS_TO, Arg::Event(election), evidence);
        }
    }
}

/// "The court sentenced the former chief executive of X to four years. It found NAME guilty":
/// in a story of one ruling against people, a sentencing that names no one sentenced them; a
/// trial that names no defendant tried them and everyone sentenced; the prosecution's case
/// (one with a plaintiff) is against them.
fn defendants(annotations: &mut Annotations) {
    let is_person = |annotations: &Annotations, entity: usize| {
        annotations.entities.get(entity).is_some_and(|e| e.class == "Person")
    };
    let rulings: Vec<usize> =
        live(annotations)
            .into_iter()
            .filter(|&index| {
                annotations.facts.events.get(index).is_some_and(|event| {
                    event.has_class("Ruling") && event.role(ng::AGAINST).is_some()
                })
            })
            .collect();
    let [ruling] = rulings.as_slice() else { return };
    let Some(ruling_event) = annotations.facts.events.get(*ruling) else { return };
    let mut against: Vec<(usize, Option<crate::graph::Evidence>)> = Vec::new();
    for role in &ruling_event.roles {
        if role.predicate == ng::AGAINST
            && let Arg::Entity(entity) = role.arg
            && is_person(annotations, entity)
            && !against.iter().any(|(other, _)| *other == entity)
        {
            against.push((entity, role.evidence.clone()));
        }
    }
    // A verdict and its sentence are given together: a ruling with no date of its own has the
    // date of the sentencing by the same court.
    let court = entity_of(ruling_event.role(ng::AGENT));
    let ruling_dated = ruling_event.role(ng::DATE).is_some();
    let [(defendant, evidence)] = against.as_slice() else { return };
    let (defendant, evidence) = (*defendant, evidence.clone());
    if !ruling_dated && court.is_some() {
        let date = live(annotations).into_iter().find_map(|index| {
            let event = annotations.facts.events.get(index)?;
            if !event.has_class("Sentencing") || entity_of(event.role(ng::AGENT)) != court {
                return None;
            }
            event.roles.iter().find(|role| role.predicate == ng::DATE).cloned()
        });
        if let (Some(date), Some(target)) = (date, annotations.facts.events.get_mut(*ruling)) {
            target.add_role(ng::DATE, date.arg, date.evidence);
        }
    }
    let mut sentenced: Vec<(usize, Option<crate::graph::Evidence>)> =
        vec![(defendant, evidence.clone())];
    for index in live(annotations) {
        let Some(event) = annotations.facts.events.get_mut(index) else { continue };
        if !event.has_class("Sentencing") {
            continue;
        }
        if event.role(ng::TARGET).is_none() {
            event.add_role(ng::TARGET, Arg::Entity(defendant), evidence.clone());
        }
        for role in &event.roles {
            if role.predicate == ng::TARGET
                && let Arg::Entity(entity) = role.arg
                && !sentenced.iter().any(|(other, _)| *other == entity)
            {
                sentenced.push((entity, role.evidence.clone()));
            }
        }
    }
    sentenced.retain(|(entity, _)| is_person(annotations, *entity));
    for index in live(annotations) {
        let Some(event) = annotations.facts.events.get_mut(index) else { continue };
        if event.has_class("Trial") && event.role(ng::TARGET).is_none() {
            for (entity, evidence) in &sentenced {
                event.add_role(ng::TARGET, Arg::Entity(*entity), evidence.clone());
            }
        } else if event.has_class("LegalCase")
            && event.role(ng::PLAINTIFF).is_some()
            && event.role(ng::AGAINST).is_none()
        {
            event.add_role(ng::AGAINST, Arg::Entity(defendant), evidence.clone());
        }
    }
}

/// "said the secretary-general had condemned the detention of civilian leaders": a statement
/// whose words condemn an event the story names by its kind is a reaction to that event, the
/// latest of that class up to the statement.
fn reactions_in_statements(annotations: &mut Annotations) {
    const VERBS: [&str; 10] = [
        "condemned ",
        "condemns ",
        "denounced ",
        "denounces ",
        "deplored ",
        "deplores ",
        "criticised ",
        "criticized ",
        "protested against ",
        "decried ",
    ];
    const NOUNS: [(&str, &str); 12] = [
        ("detention", "Arrest"),
        ("arrest", "Arrest"),
        ("killing", "Killing"),
        ("shooting", "Shooting"),
        ("attack", "Attack"),
        ("bombing", "Bombing"),
        ("siege", "Siege"),
        ("kidnapping", "HostageTaking"),
        ("abduction", "HostageTaking"),
        ("hostage-taking", "HostageTaking"),
        ("raid", "Assault"),
        ("storming", "Assault"),
    ];
    let mut reactions: Vec<Event> = Vec::new();
    for index in live(annotations) {
        let Some(statement) = annotations.facts.events.get(index) else { continue };
        if !statement.has_class("Statement") || statement.role(ng::REACTS_TO).is_some() {
            continue;
        }
        let texts: Vec<(&str, &super::facts::Role)> = statement
            .roles
            .iter()
            .filter(|role| role.predicate == schema::TEXT)
            .filter_map(|role| match &role.arg {
                Arg::Literal(Literal::Text(text)) => Some((text.as_str(), role)),
                _ => None,
            })
            .collect();
        // One pass over each text for every verb, in any case.
        let verbs = CONDEMNING.get_or_init(|| {
            aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(VERBS).ok()
        });
        let mut found: Option<(&str, &super::facts::Role)> = None;
        'texts: for &(text, role) in &texts {
            let Some(verbs) = verbs else { break };
            for verb in verbs.find_iter(text) {
                let object = text.get(verb.end()..).unwrap_or_default();
                let object = strip_prefix_ignoring_case(object, "the ").unwrap_or(object);
                for (noun, class) in NOUNS {
                    if strip_prefix_ignoring_case(object, noun).is_some() {
                        found = Some((class, role));
                        break 'texts;
                    }
                }
            }
        }
        let mut reaction = Event {
            classes: vec!["Reaction".to_owned()],
            sentence: statement.sentence,
            anchor: statement.anchor,
            anchor_char: statement.anchor_char,
            from_verb: true,
            ..Event::default()
        };
        // "The African Union said it had suspended Sudan": a sanction the speaker announces
        // is the speaker's reaction (to what, the words do not say).
        if found.is_none() {
            let sanction = texts.iter().find(|(text, _)| announces_sanction(text));
            if let (Some((_, role)), Some(speaker)) = (sanction, statement.role(ng::SPEAKER)) {
                reaction.add_role(ng::AGENT, speaker.clone(), role.evidence.clone());
                reactions.push(reaction);
            }
            continue;
        }
        let Some((class, role)) = found else { continue };
        let target =
            live(annotations).into_iter().rev().find(|&other| {
                annotations.facts.events.get(other).is_some_and(|event| {
                    event.has_class(class) && event.sentence <= statement.sentence
                })
            });
        let Some(target) = target else { continue };
        reaction.add_role(ng::REACTS_TO, Arg::Event(target), role.evidence.clone());
        reactions.push(reaction);
    }
    annotations.facts.events.extend(reactions);
}

/// The automaton of the condemning verbs of [`reactions_in_statements`] (`None` if it could
/// not be built, which a test rules out).
static CONDEMNING: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> =
    std::sync::OnceLock::new();

/// `text` without `prefix` if it begins with it, ASCII case ignored.
fn strip_prefix_ignoring_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| text.get(prefix.len()..)).flatten()
}

/// Whether reported words begin with the speaker's sanction (case ignored): "it had suspended
/// Sudan from …", "they would impose sanctions on …", "recalled its ambassador".
fn announces_sanction(text: &str) -> bool {
    const SUBJECTS: [&str; 5] = ["it ", "they ", "we ", "he ", "she "];
    const AUXILIARIES: [&str; 5] = ["had ", "has ", "have ", "would ", "will "];
    const SANCTIONS: [&str; 12] = [
        "suspended ",
        "suspend ",
        "expelled ",
        "expel ",
        "imposed sanctions",
        "impose sanctions",
        "recalled its ambassador",
        "recall its ambassador",
        "cut ties",
        "severed ties",
        "sever ties",
        "froze ",
    ];
    let Some(rest) = SUBJECTS.iter().find_map(|subject| strip_prefix_ignoring_case(text, subject))
    else {
        return false;
    };
    let rest =
        AUXILIARIES.iter().find_map(|aux| strip_prefix_ignoring_case(rest, aux)).unwrap_or(rest);
    let rest = strip_prefix_ignoring_case(rest, "also ").unwrap_or(rest);
    SANCTIONS.iter().any(|sanction| strip_prefix_ignoring_case(rest, sanction).is_some())
}

/// A trial or sentencing with no court named, in a story that names one court, took place in
/// that court ("told the Old Bailey … was jailed for five years").
fn one_court(annotations: &mut Annotations) {
    let mut courts = annotations
        .entities
        .iter()
        .enumerate()
        .filter(|(_, entity)| entity.tag == Some(Tag::Org) && entity.class == "Court")
        .map(|(index, _)| index);
    let (Some(court), None) = (courts.next(), courts.next()) else { return };
    for index in live(annotations) {
        let Some(event) = annotations.facts.events.get_mut(index) else { continue };
        if (event.has_class("Trial") || event.has_class("Sentencing"))
            && event.role(ng::COURT_OF).is_none()
        {
            let evidence = event.roles.first().and_then(|role| role.evidence.clone());
            event.add_role(ng::COURT_OF, Arg::Entity(court), evidence);
        }
    }
}

/// An investigation ordered into "how the vehicle passed through two checkpoints", with no
/// event named as its subject, in a story of one incident, concerns that incident.
fn investigations(context: &Context<'_>, annotations: &mut Annotations) {
    let Some(main) = main_incident(annotations) else { return };
    let Some(main_sentence) = annotations.facts.events.get(main).map(|event| event.sentence) else {
        return;
    };
    for index in live(annotations) {
        let Some(event) = annotations.facts.events.get(index) else { continue };
        if !event.has_class("Investigation")
            || event.role(ng::CONCERNS).is_some()
            || event.sentence <= main_sentence
            || index == main
        {
            continue;
        }
        // The evidence is the words that name the investigation.
        let Some(mention) = event
            .entity
            .and_then(|entity| annotations.entities.get(entity))
            .and_then(|entity| entity.mentions.first())
            .and_then(|&mention| annotations.mentions.get(mention))
        else {
            continue;
        };
        // "an investigation into the army's business holdings": a subject named in other words
        // than an event; only "into how …", "into why …" leave the subject to the story.
        let after = context.article.text.get(mention.span.end..).unwrap_or("");
        if let Some(rest) = after.strip_prefix(" into ").or_else(|| after.strip_prefix(" of "))
            && !["how ", "why ", "whether ", "what ", "who ", "when ", "where "]
                .iter()
                .any(|word| rest.starts_with(word))
        {
            continue;
        }
        let evidence = crate::graph::Evidence {
            sentence: mention.sentence,
            span: mention.span,
            rule: "investigation-of-incident".into(),
        };
        if let Some(event) = annotations.facts.events.get_mut(index) {
            event.add_role(ng::CONCERNS, Arg::Event(main), Some(evidence));
        }
    }
}

/// An event with no date of its own takes the one date its sentence gives ("The case was
/// brought by the Commission in 2017"). A sentence with several dates gives none.
fn sentence_dates(context: &Context<'_>, annotations: &mut Annotations) {
    // An event that is another's demand, cause or subject ("demanding the withdrawal of …")
    // did not happen on that date.
    let arguments: Vec<usize> = annotations
        .facts
        .events
        .iter()
        .flat_map(|event| event.roles.iter())
        .filter_map(|role| match role.arg {
            Arg::Event(event) => Some(annotations.facts.resolve(event)),
            _ => None,
        })
        .collect();
    for index in live(annotations) {
        if arguments.contains(&index) {
            continue;
        }
        let Some(event) = annotations.facts.events.get(index) else { continue };
        // A statement's date is the one its speech verb gives ("said on Tuesday"), which the
        // rules capture; other dates of its sentence are what the words talk about.
        if event.role(ng::DATE).is_some()
            || event.role(schema::START_DATE).is_some()
            || event.entry.is_some()
            || event.has_class("Statement")
        {
            continue;
        }
        let sentence = event.sentence;
        let anchor = event.anchor;
        if super::patterns::names_a_charge(&context.article.text, anchor) {
            continue;
        }
        let mut dates =
            annotations.by_sentence.get(sentence).into_iter().flatten().filter_map(|&m| {
                let mention = annotations.mentions.get(m)?;
                Some((mention.date.clone()?, mention.span))
            });
        let (Some((date, span)), None) = (dates.next(), dates.next()) else { continue };
        // The date must follow the event in the same clause ("The case was brought … in
        // 2017"): a date before it, or after a comma, belongs to another verb ("talks broke
        // down on Thursday, and the assault was launched"; "…, the agency said on Sunday").
        let between = context.article.text.get(anchor..span.start).unwrap_or(",");
        if span.start < anchor
            || between.contains(',')
            || between.split_ascii_whitespace().any(|word| word == "said")
        {
            continue;
        }
        let evidence = crate::graph::Evidence { sentence, span, rule: "sentence-date".into() };
        if let Some(event) = annotations.facts.events.get_mut(index) {
            event.add_role(ng::DATE, Arg::Literal(date), Some(evidence));
        }
    }
}

/// An event with the date and class of a well-known named event is that event.
fn named_events(context: &Context<'_>, annotations: &mut Annotations) {
    for event in &mut annotations.facts.events {
        if event.entry.is_some() || event.merged_into.is_some() {
            continue;
        }
        let date = event.roles_of(ng::DATE).find_map(|arg| match arg {
            Arg::Literal(Literal::Date(date)) => Some(date.to_string()),
            _ => None,
        });
        let Some(date) = date else { continue };
        let found = context.lexicon.named_events().find_map(|(index, entry)| {
            (entry.date.as_deref() == Some(date.as_str())
                && event.classes.iter().any(|class| entry.class.ends_with(&format!("#{class}"))))
            .then_some(index)
        });
        if let Some(found) = found {
            event.entry = Some(found);
        }
    }
}

/// "describe Beslan as …": a place named for an incident stands for the incident.
fn places_as_events(annotations: &mut Annotations) {
    let main_found = main_incident(annotations);
    let Some(main) = main_found else { return };
    let Some(main_event) = annotations.facts.events.get(main).cloned() else { return };
    let mut main_places = places(annotations, &main_event);
    // Places named inside the incident's facilities.
    for &place in main_places.clone().iter() {
        if let Some(entity) = annotations.entities.get(place) {
            for &mention in &entity.mentions {
                if let Some(mention) = annotations.mentions.get(mention) {
                    for &inner in &mention.nested {
                        if let Some(inner_entity) =
                            annotations.mentions.get(inner).and_then(|m| m.entity)
                        {
                            main_places.push(inner_entity);
                        }
                    }
                }
            }
        }
    }
    for relation in &mut annotations.facts.relations {
        if relation.predicate != ng::COMPARED_TO {
            continue;
        }
        if let Arg::Entity(place) = relation.subject
            && main_places.contains(&place)
        {
            relation.subject = Arg::Event(main);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{fact_lines, labels_of_class};

    /// Each text must yield each of its facts (other facts may come too).
    #[test]
    fn general_event_patterns() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Police arrested 120 people in Nairobi on Tuesday as protesters marched in Nairobi and Mombasa.",
                &["event:Protest — agent — protesters", "event:Protest — place — Nairobi", "event:Protest — place — Mombasa"],
            ),
            (
                "Three people were killed and eleven wounded when a gunman opened fire inside a bar in Spokane on Saturday.",
                &["event:Shooting — killed — Three people", "event:Shooting — injured — eleven wounded", "event:Shooting — place — Spokane"],
            ),
            (
                "Floods triggered by a week of torrential rain have killed 73 people in northeastern Bangladesh.",
                &["event:Flood — killed — 73 people", "event:Flood — place — Bangladesh"],
            ),
            (
                "John Smith was jailed for five years on Friday.",
                &["event:Sentencing — target — John Smith", "event:Sentencing — duration — P5Y"],
            ),
            (
                "The lawsuit was brought by the European Commission in 2017.",
                &["event:LegalCase — plaintiff — European Commission"],
            ),
        ];
        for (text, expected) in cases {
            let facts = fact_lines(text);
            for fact in *expected {
                assert!(facts.iter().any(|f| f == fact), "{text}\nmissing {fact}\ngot {facts:#?}");
            }
        }
    }

    /// Each text must yield each of its facts and none of its excluded facts.
    #[test]
    fn event_roles_and_merging() {
        #[rustfmt::skip]
        let cases: &[(&str, &[&str], &[&str])] = &[
            // Durations: a compound adjective, "lasted", "from … to …".
            (
                "Soldiers ended a four-day siege of a school in Kano on Friday.",
                &["event:Siege — duration — P4D"],
                &[],
            ),
            (
                "Troops sealed off the area after a gun battle that lasted nearly two hours.",
                &["event:Shooting — duration — PT2H"],
                &[],
            ),
            (
                "President Anna Berg is paying a state visit to France from Wednesday to Saturday.",
                &["event:Visit — duration — P4D"],
                &[],
            ),
            ("A 61-year-old man was arrested after the attack in Kano.", &[], &["event:Attack — duration — P61Y"]),
            // A described facility is the named one of the same noun; with none, it stays.
            (
                "Soldiers stormed a hotel in Kano on Friday. Gunmen had seized the Grand Palm Hotel on Tuesday.",
                &["event:Assault — target — Grand Palm Hotel"],
                &["event:Assault — target — hotel"],
            ),
            ("Soldiers stormed a hotel in Kano on Friday.", &["event:Assault — target — hotel"], &[]),
            // An assault years before the story is another incident, with its own toll.
            (
                "KANO, Nigeria, Nov. 20, 2021 (AP) — Soldiers ended a four-day siege that left 16 people dead. It was the deadliest attack since November 2015, when gunmen stormed the Grand Palm Hotel in Abuja and killed 20 people.",
                &["event:Assault — killed — 20 people", "event:Assault — date — 2015-11", "event:Siege — killed — 16 people"],
                &["event:Siege — killed — 20 people", "event:Siege — date — 2015-11"],
            ),
            // A killing with a toll of its own is an episode that dates the incident's start.
            (
                "Soldiers ended a four-day siege that left 16 people dead in Kano. The gunmen arrived on Tuesday, shot dead two guards and seized the building.",
                &["event:Killing — killed — two", "event:Siege — killed — 16 people"],
                &["event:Siege — killed — two"],
            ),
            // Reactions by an organisation with its acronym; claimed by a described group's name.
            (
                "At least 12 people were killed in a bombing claimed by the Islamist militant group al-Shabaab. The African Union Mission (AUM) also condemned the bombing.",
                &["event:Reaction — agent — African Union Mission", "event:Bombing — agent — al-Shabab"],
                &["event:Bombing — agent — militant"],
            ),
            // An investigation into "how …" concerns the story's incident.
            (
                "A car bomb killed 12 people in Kano on Saturday. The government ordered an investigation into how the vehicle had passed through two checkpoints.",
                &["event:Investigation — concerns — event:Bombing"],
                &[],
            ),
            // A natural place named beside a deed is no party to it.
            (
                "The authorities approved works on the Drava floodplain, in breach of Article 4 of the Birds Directive.",
                &[],
                &["event:Violation — agent — Drava"],
            ),
            // An agreement to do something is about that deed; one to expand a facility about it.
            (
                "Volkswagen has signed an agreement to acquire a 20% stake in Tesla for $100 million.",
                &["event:Agreement — concerns — event:Acquisition", "event:Acquisition — target — Tesla"],
                &[],
            ),
            (
                "The leaders signed an agreement to expand the Khorgos dry port on the border.",
                &["event:Agreement — concerns — Khorgos dry port"],
                &[],
            ),
            // Class actions are cases; deaths in a flood "since Wednesday" date its start.
            (
                "A separate class action filed by shareholders of the company is still pending.",
                &["event:LegalCase — plaintiff — shareholders"],
                &[],
            ),
            // The loser of an election concedes it.
            (
                "John Mensah has won Ghana's presidential election. Rival candidate Abena Owusu conceded defeat and congratulated her rival.",
                &["event:Reaction — reactsTo — event:Election", "event:Reaction — agent — Abena Owusu"],
                &["event:Election — agent — John Mensah"],
            ),
            ("Abena Owusu congratulated her rival on his new job.", &[], &["event:Reaction — reactsTo — event:Election"]),
            // The date of a conviction is not the date of the deed it names.
            (
                "Court records show Tom Reed was convicted of assault in 2016.",
                &[],
                &["event:Assault — date — 2016"],
            ),
            ("The assault in 2016 left him injured.", &["event:Assault — date — 2016"], &[]),
            // Whom a jury convicts after a trial was tried.
            (
                "A jury convicted John Smith on Friday of fraud after a three-week trial.",
                &["event:Trial — target — John Smith", "event:Trial — duration — P21D"],
                &[],
            ),
            // Hostages held; a toll of "N other people"; an assault launched after explosions.
            (
                "Soldiers stormed a hotel in Kano where gunmen had been holding 47 hostages. Twenty-three other people, including eight soldiers, were wounded.",
                &["event:Assault — target — hotel", "event:HostageTaking — place — hotel"],
                &[],
            ),
            (
                "The assault was launched at dawn after two explosions were heard inside the hotel.",
                &["event:Assault — causedBy — event:Explosion"],
                &[],
            ),
            ("The assault was launched at dawn before the talks.", &[], &["event:Assault — causedBy — event:Negotiation"]),
            // A bomb exploding outside a facility targets it; one exploding near it does not.
            (
                "A car bomb exploded outside the Grand Palm Hotel in Kano on Saturday.",
                &["event:Bombing — target — Grand Palm Hotel"],
                &[],
            ),
            (
                "A car bomb exploded near the Grand Palm Hotel in Kano on Saturday.",
                &[],
                &["event:Bombing — target — Grand Palm Hotel"],
            ),
            // A meeting with a titled person.
            (
                "On Thursday, Angela Merkel met with French President Emmanuel Macron.",
                &["event:Meeting — agent — Angela Merkel", "event:Meeting — agent — Emmanuel Macron"],
                &[],
            ),
            // A sentencing in a story of one court is in that court.
            (
                "John Smith told the Central Criminal Court he was innocent. He was jailed for five years on Friday.",
                &["event:Sentencing — court — Central Criminal Court"],
                &[],
            ),
        ];
        super::super::testing::assert_facts(cases);
    }

    #[test]
    fn statements_speak_for_employers_and_date_from_their_verb() {
        let text = "The regulator fined the bank on Monday.\n\n\"We will appeal,\" said John Smith, an economist at the World Bank.";
        let facts = fact_lines(text);
        for fact in [
            "John Smith — jobTitle — economist",
            "John Smith — worksFor — World Bank",
            "event:Statement — onBehalfOf — World Bank",
        ] {
            assert!(facts.iter().any(|f| f == fact), "missing {fact}\ngot {facts:#?}");
        }
        assert!(!facts.iter().any(|f| f.starts_with("event:Statement — date")), "{facts:#?}");
    }

    #[test]
    fn vague_sources_make_claims_not_statements() {
        let facts = fact_lines("The bridge collapsed at dawn, witnesses said.");
        assert!(!facts.iter().any(|f| f.starts_with("event:Statement")), "{facts:#?}");
    }

    #[test]
    fn settlements_end_cases() {
        let text = "Acme Corp has agreed to pay $5 million to settle a lawsuit brought by the Federal Trade Commission.";
        let facts = fact_lines(text);
        for fact in [
            "event:Agreement — agent — Acme Corp",
            "event:LegalCase — endedBy — event:Agreement",
            "event:LegalCase — plaintiff — Federal Trade Commission",
            // A settlement is between the parties of the case.
            "event:Agreement — agent — Federal Trade Commission",
            "event:LegalCase — against — Acme Corp",
        ] {
            assert!(facts.iter().any(|f| f == fact), "missing {fact}\ngot {facts:#?}");
        }
    }

    #[test]
    fn plural_people_nouns_are_groups() {
        let text = "Six Chinese engineers and 47 hostages were freed, witnesses said. The hostages were taken to hospital, he told reporters.";
        let groups = labels_of_class(text, "PersonGroup");
        for group in ["hostages", "witnesses"] {
            assert!(groups.iter().any(|g| g == group), "missing {group} in {groups:?}");
        }
        // The press a speaker talks to is not a group of the story.
        assert!(!groups.iter().any(|g| g == "reporters"), "{groups:?}");
    }
}
