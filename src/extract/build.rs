//! Turning annotations into a [`KnowledgeGraph`]: entities, events, quantities and claims
//! become nodes with minted IRIs; roles and relations become edges with their evidence.

use rustc_hash::FxHashMap as HashMap;

use petgraph::stable_graph::NodeIndex;

use super::coref::strip_determiner;
use super::facts::Arg;
use super::names::local_name;
use super::{Annotations, Context, Tag};
use crate::graph::{Evidence, KnowledgeGraph, Literal, Node, NodeKind};
use crate::lexicon::{EntryKind, NounCategory};
use crate::mint::{entity_iri, slug};
use crate::vocab::{ng, owl, schema, wd};

struct Builder<'a, 'c> {
    context: &'a Context<'c>,
    annotations: &'a Annotations,
    graph: KnowledgeGraph,
    base: &'a str,
    entities: HashMap<usize, NodeIndex>,
    events: HashMap<usize, NodeIndex>,
    quantities: HashMap<usize, NodeIndex>,
    lexicon_nodes: HashMap<usize, NodeIndex>,
    /// Quantity mentions that stand for a group in a role ("brought by more than 400
    /// Russians"), with that group.
    quantity_groups: HashMap<usize, NodeIndex>,
}

/// Builds the graph of an article from its annotations.
pub(crate) fn build_graph(
    context: &Context<'_>,
    annotations: &Annotations,
    graph: KnowledgeGraph,
    base: &str,
) -> KnowledgeGraph {
    let mut builder = Builder {
        context,
        annotations,
        graph,
        base,
        entities: HashMap::default(),
        events: HashMap::default(),
        quantities: HashMap::default(),
        lexicon_nodes: HashMap::default(),
        quantity_groups: HashMap::default(),
    };
    builder.document();
    // Named entities are nodes whatever they take part in; entities known only by a
    // description ("the building") become nodes when a fact needs them, except groups of
    // people (below), which are nodes of their own.
    for entity in 0..annotations.entities.len() {
        // A demonym ("Malian special forces") states a nationality: such a group is a node too.
        if annotations
            .entities
            .get(entity)
            .is_some_and(|e| e.tag != Some(Tag::Evt) && (e.proper || e.nationality.is_some()))
        {
            builder.entity(entity);
        }
    }
    for event in 0..annotations.facts.events.len() {
        builder.event_roles(event);
    }
    builder.relations();
    builder.claims();
    // Groups of people named by a common noun ("protesters", "security forces", "Chinese
    // engineers") are what the article is about as much as its names: they are nodes too.
    // They come after the facts, which may already have made a group of a counted mention
    // ("brought by more than 400 Russians") that later descriptions join.
    for entity in 0..annotations.entities.len() {
        if annotations.entities.get(entity).is_some_and(|group| {
            is_described_group(group) && !only_addressed(context, annotations, group)
        }) {
            builder.entity(entity);
        }
    }
    builder.counted_groups();
    builder.values();
    builder.mentions();
    builder.mention_spans();
    for diagnostic in &annotations.diagnostics {
        builder.graph.add_diagnostic(diagnostic.clone());
    }
    builder.graph
}

impl<'a> Builder<'a, '_> {
    fn doc_iri(&self, fragment: &str) -> String {
        let document = &self.graph.document().iri;
        let mut iri = String::with_capacity(document.len() + 1 + fragment.len());
        iri.push_str(document);
        iri.push('#');
        iri.push_str(fragment);
        iri
    }

    /// The IRI of a node of the document named by a kind and a character offset
    /// (`…#siege-149`), built without the formatting machinery (events are many).
    fn doc_iri_at(&self, kind: &str, offset: usize) -> String {
        let mut fragment = slug(kind);
        fragment.push('-');
        fragment.push_str(itoa::Buffer::new().format(offset));
        self.doc_iri(&fragment)
    }

    fn document(&mut self) {
        let article = self.context.article;
        // The headline is the article's label; without one, the opening words of its first
        // body sentence.
        let label = article
            .headline
            .as_ref()
            .map(|headline| headline.text.clone())
            .or_else(|| {
                article.sentences.iter().find(|sentence| !sentence.in_caption).map(|sentence| {
                    let text = article.sentence_text(sentence);
                    let words: Vec<&str> = text.split_whitespace().take(12).collect();
                    let mut label = words.join(" ");
                    if text.split_whitespace().count() > 12 {
                        label.push('…');
                    }
                    label
                })
            })
            .unwrap_or_else(|| "news article".to_owned());
        let iri = self.graph.document().iri.clone();
        let node = Node::new(iri, NodeKind::Document, label).with_class(schema::NEWS_ARTICLE);
        let document = self.graph.add_node(node);
        if let Some(headline) = &article.headline {
            self.graph.add_attribute(
                document,
                schema::HEADLINE,
                Literal::Text(headline.text.clone()),
                None,
            );
        }
        // The caller's publication date wins over the text's; a disagreement is worth a word.
        if let (Some(given), Some(stated)) = (self.context.published, article.date)
            && given != stated
        {
            let (span, source) = match (&article.date_line, &article.dateline) {
                (Some(line), _) => (Some(line.span), "date line"),
                (None, Some(dateline)) => (Some(dateline.span), "dateline"),
                (None, None) => (None, "text"),
            };
            self.graph.add_diagnostic(crate::graph::Diagnostic {
                stage: "article",
                span,
                message: format!(
                    "the publication date given ({given}) differs from the {source}'s ({stated}); using {given}"
                ),
            });
        }
        if let Some(date) = self.context.published.or(article.date) {
            self.graph.add_attribute(document, schema::DATE_PUBLISHED, Literal::Date(date), None);
        }
        if let Some(dateline) = &article.dateline {
            self.graph.add_attribute(
                document,
                schema::DATELINE,
                Literal::Text(article.slice(dateline.span).trim().to_owned()),
                None,
            );
            let place_entry =
                dateline.place.as_ref().and_then(|place| self.context.lexicon.lookup(&place.text));
            let country = dateline.country.as_ref().and_then(|country| {
                let found = self.dateline_region(&country.text, place_entry)?;
                Some(self.lexicon_node(found))
            });
            if let Some(place) = &dateline.place {
                let name = title_case(&place.text);
                let place_node = match self.context.lexicon.lookup(&place.text) {
                    Some(found) => {
                        // The dateline's spelling is a name of the place it resolves to
                        // ("WASHINGTON" is "Washington, D.C.", called "Washington").
                        let node = self.lexicon_node(found);
                        if self
                            .graph
                            .node(node)
                            .is_some_and(|n| !n.label.eq_ignore_ascii_case(&name))
                        {
                            self.graph.add_name(node, &name);
                        }
                        node
                    }
                    None => {
                        let node = Node::new(entity_iri(self.base, &name), NodeKind::Entity, name)
                            .with_class(schema::PLACE);
                        self.graph.add_node(node)
                    }
                };
                self.graph.add_edge(document, schema::LOCATION_CREATED, place_node, None);
                // "ACCRA, Ghana (AP) —" states that Accra is in Ghana: the dateline is the
                // evidence, as a sentence is for what a sentence states.
                if let Some(country) = country
                    && country != place_node
                {
                    let evidence = Evidence {
                        sentence: Evidence::DATELINE,
                        span: dateline.span,
                        rule: "dateline".into(),
                    };
                    self.graph.add_edge(
                        place_node,
                        schema::CONTAINED_IN_PLACE,
                        country,
                        Some(evidence),
                    );
                }
            }
        }
        if let Some(agency) = &article.agency {
            let publisher = match self.context.lexicon.lookup(&agency.text) {
                Some(found) => self.lexicon_node(found),
                None => {
                    let name = title_case(&agency.text);
                    let node = Node::new(entity_iri(self.base, &name), NodeKind::Entity, name)
                        .with_class(schema::NEWS_MEDIA_ORGANIZATION);
                    self.graph.add_node(node)
                }
            };
            self.graph.add_edge(document, schema::PUBLISHER, publisher, None);
        }
        if article.dateline.is_none() && self.context.date.is_none() {
            self.graph.add_diagnostic(crate::graph::Diagnostic {
                stage: "article",
                span: None,
                message: "no dateline, date line or publication date: the publication date and place are unknown, and relative dates stay unresolved".into(),
            });
        }
    }

    /// The country or region after a dateline's place (`ACCRA, Ghana`, `SPOKANE, Wash.`,
    /// `ATLANTA, Georgia`): a state or province abbreviation is its region; a name is the
    /// country or region of that name, preferring one in the place's own country ("Georgia"
    /// after an American city is the state).
    fn dateline_region(&self, text: &str, place: Option<usize>) -> Option<usize> {
        let lexicon = self.context.lexicon;
        let abbreviation = crate::article::region_abbreviation(text);
        let name = abbreviation.unwrap_or_else(|| text.trim());
        let place_country = place.and_then(|p| lexicon.entry(p)).and_then(|e| e.country.clone());
        let found = lexicon.lookup(name);
        let found_entry = found.and_then(|f| lexicon.entry(f));
        let is_area =
            found_entry.is_some_and(|e| matches!(e.kind, EntryKind::Country | EntryKind::Region));
        let agrees = place_country.is_none()
            || found_entry.is_some_and(|e| e.country.is_none() || e.country == place_country);
        if abbreviation.is_none() && is_area && agrees {
            return found;
        }
        let region = lexicon
            .entries_of_kind(EntryKind::Region)
            .find(|(_, entry)| {
                entry.name.eq_ignore_ascii_case(name)
                    && (place_country.is_none() || entry.country == place_country)
            })
            .map(|(index, _)| index);
        // A region named like a country ("Georgia") would mint the country's IRI: better no
        // fact than a wrong one.
        let clashes = found_entry.is_some_and(|e| e.kind == EntryKind::Country);
        match region {
            Some(region) if !clashes => Some(region),
            Some(_) => None,
            None if abbreviation.is_none() => found,
            None => None,
        }
    }

    /// The node of a lexicon entry, with what the lexicon knows about it.
    fn lexicon_node(&mut self, entry_index: usize) -> NodeIndex {
        if let Some(&node) = self.lexicon_nodes.get(&entry_index) {
            return node;
        }
        let lexicon = self.context.lexicon;
        let Some(entry) = lexicon.entry(entry_index) else {
            return self.graph.add_node(Node::new(
                self.doc_iri("unknown"),
                NodeKind::Entity,
                "unknown",
            ));
        };
        let mut node =
            Node::new(entity_iri(self.base, &entry.name), NodeKind::Entity, entry.name.clone())
                .with_class(entry.class.clone());
        if entry.kind == EntryKind::NamedEvent {
            node.kind = NodeKind::Event;
            node = node.with_class(ng::EVENT);
        }
        if let Some(qid) = &entry.wikidata {
            node.same_as.push(format!("{}{qid}", wd::NS));
        }
        let index = self.graph.add_node(node);
        self.lexicon_nodes.insert(entry_index, index);
        for (predicate, other) in self.lexicon_facts(entry_index) {
            let other_node = self.lexicon_node(other);
            self.graph.add_edge(index, predicate, other_node, None);
        }
        if entry.kind == EntryKind::NamedEvent {
            if let Some(Ok(date)) = entry.date.as_deref().map(str::parse) {
                self.graph.add_attribute(index, ng::DATE, Literal::Date(date), None);
            }
            if let Some(place) = entry.place.as_deref().and_then(|place| lexicon.lookup(place)) {
                let place_node = self.lexicon_node(place);
                self.graph.add_edge(index, ng::PLACE, place_node, None);
            }
        }
        index
    }

    /// What the lexicon says about an entry: a city's region and country, a region's
    /// country, an organisation's seat.
    /// Evidence that the text puts a place in its country: the first sentence that names the
    /// place (one of `mentions`) and also that country or its people ("killed 73 people in
    /// northeastern Bangladesh … in the Sylhet division", "Malian forces stormed a hotel in
    /// the central city of Mopti"). The lexicon supplies the fact; the sentence states it as
    /// much as a reader needs. `None` if no sentence names both, or the sentences that do
    /// also name one of the place's `regions`.
    fn named_with_country(
        &self,
        mentions: &[usize],
        country: usize,
        regions: &[usize],
    ) -> Option<Evidence> {
        let annotations = self.annotations;
        mentions.iter().filter_map(|&m| annotations.mentions.get(m)).find_map(|mention| {
            let in_sentence = annotations.by_sentence.get(mention.sentence)?;
            let names_region = in_sentence
                .iter()
                .filter_map(|&m| annotations.mentions.get(m))
                .any(|other| other.entry.is_some_and(|entry| regions.contains(&entry)));
            if names_region {
                return None;
            }
            let named =
                in_sentence.iter().filter_map(|&m| annotations.mentions.get(m)).find(|other| {
                    other.span != mention.span
                        && (other.entry == Some(country) || other.nationality == Some(country))
                })?;
            Some(Evidence {
                sentence: mention.sentence,
                span: mention.span.cover(named.span),
                rule: PLACE_WITH_COUNTRY_RULE.into(),
            })
        })
    }

    fn lexicon_facts(&self, entry_index: usize) -> Vec<(&'static str, usize)> {
        let lexicon = self.context.lexicon;
        let Some(entry) = lexicon.entry(entry_index) else { return Vec::new() };
        let country = || entry.country.as_deref().and_then(|code| lexicon.country_by_code(code));
        let facts = match entry.kind {
            EntryKind::City => {
                let region =
                    entry.region.as_deref().and_then(|region| lexicon.lookup(region)).filter(
                        |&found| lexicon.entry(found).is_some_and(|e| e.kind == EntryKind::Region),
                    );
                vec![(schema::CONTAINED_IN_PLACE, region), (schema::CONTAINED_IN_PLACE, country())]
            }
            EntryKind::Region => vec![(schema::CONTAINED_IN_PLACE, country())],
            EntryKind::Organization => {
                vec![(
                    schema::LOCATION,
                    entry.place.as_deref().and_then(|place| lexicon.lookup(place)),
                )]
            }
            _ => Vec::new(),
        };
        facts
            .into_iter()
            .filter_map(|(predicate, other)| {
                Some((predicate, other.filter(|&o| o != entry_index)?))
            })
            .collect()
    }

    /// The name of the country the article gives an institution: its demonym ("Indian
    /// police") or a nationality relation ("Britain's Supreme Court").
    fn institution_country(&self, entity_index: usize) -> Option<String> {
        let lexicon = self.context.lexicon;
        let entity = self.annotations.entities.get(entity_index)?;
        let place = entity.nationality.or_else(|| {
            self.annotations.facts.relations.iter().find_map(|relation| {
                if relation.predicate != ng::NATIONALITY
                    || !matches!(relation.subject, Arg::Entity(subject) if subject == entity_index)
                {
                    return None;
                }
                match &relation.object {
                    Arg::Lexicon(entry) => Some(*entry),
                    Arg::Entity(other) => self.annotations.entities.get(*other)?.entry,
                    _ => None,
                }
            })
        })?;
        lexicon.entry(place).map(|entry| entry.name.clone())
    }

    fn entity(&mut self, entity_index: usize) -> Option<NodeIndex> {
        if let Some(&node) = self.entities.get(&entity_index) {
            return Some(node);
        }
        let entity = self.annotations.entities.get(entity_index)?;
        if entity.tag == Some(Tag::Evt) {
            return self.event_for_entity(entity_index);
        }
        let index = match entity.entry {
            Some(entry) => self.lexicon_node(entry),
            None => {
                let iri = if entity.proper && crate::mint::is_generic_institution(&entity.label) {
                    // "Britain's Supreme Court" is one court, "the Supreme Court" of an article
                    // that names no country is that article's own (see `mint`).
                    match self.institution_country(entity_index) {
                        Some(country) => {
                            entity_iri(self.base, &format!("{} {country}", entity.label))
                        }
                        None => self.doc_iri(&slug(&entity.label)),
                    }
                } else if entity.proper {
                    entity_iri(self.base, &entity.label)
                } else {
                    self.doc_iri(&slug(&entity.label))
                };
                let label = if is_described_group(entity) {
                    group_label(&entity.label).to_owned()
                } else {
                    entity.label.clone()
                };
                let mut node =
                    Node::new(iri, NodeKind::Entity, label).with_class(entity.class_iri.clone());
                node.names = entity.names.clone();
                if node.names.is_empty() {
                    node.names.push(entity.label.clone());
                }
                self.graph.add_node(node)
            }
        };
        for name in &entity.names {
            self.graph.add_name(index, name);
        }
        // Lexicon knowledge about a named entity is evidenced by the words that name it.
        if let (Some(entry), Some(mention)) =
            (entity.entry, entity.mentions.first().and_then(|&m| self.annotations.mentions.get(m)))
        {
            let evidence =
                Evidence { sentence: mention.sentence, span: mention.span, rule: "lexicon".into() };
            // Only the country a place is in: regions and seats are finer knowledge than a
            // reader takes from a name.
            let facts = self.lexicon_facts(entry);
            // A sentence that also names the place's region puts it in the region, not
            // straight in the country ("Chengdu, capital of southwest China's Sichuan").
            let regions: Vec<usize> = facts
                .iter()
                .filter(|(_, other)| {
                    self.context.lexicon.entry(*other).is_some_and(|e| e.kind == EntryKind::Region)
                })
                .map(|&(_, other)| other)
                .collect();
            for (predicate, other) in facts {
                let is_country =
                    self.context.lexicon.entry(other).is_some_and(|e| e.kind == EntryKind::Country);
                if predicate == schema::CONTAINED_IN_PLACE && is_country {
                    let other_node = self.lexicon_node(other);
                    let evidence = self
                        .named_with_country(&entity.mentions, other, &regions)
                        .unwrap_or_else(|| evidence.clone());
                    self.graph.add_edge(index, predicate, other_node, Some(evidence));
                }
            }
        }
        // A described entity is known by every description the article gives it
        // ("Syrian rebels", "militants", "the attackers").
        // A named entity is found by its descriptions too ("the court" for the European Court
        // of Human Rights), though they are no names of it.
        for mention in entity.mentions.iter().filter_map(|&m| self.annotations.mentions.get(m)) {
            if mention.tag() != Tag::Pro && mention.tag() == entity.tag.unwrap_or(Tag::Pro) {
                if !entity.proper {
                    self.graph.add_name(index, strip_determiner(&mention.text));
                } else if !mention.proper {
                    self.graph.add_description(index, strip_determiner(&mention.text));
                }
            }
        }
        self.entities.insert(entity_index, index);
        let first_mention = entity.mentions.first().and_then(|&m| self.annotations.mentions.get(m));
        let evidence = first_mention.map(|mention| Evidence {
            sentence: mention.sentence,
            span: mention.span,
            rule: "np:demonym".into(),
        });
        // People, groups and organisations have a nationality; a building named with a
        // demonym ("Malian prisons") is only somewhere.
        let described_org = self.is_described_org(&Arg::Entity(entity_index));
        if let Some(place) =
            entity.nationality.filter(|_| entity.tag != Some(Tag::Fac) && !described_org)
        {
            let place_node = self.lexicon_node(place);
            if place_node != index {
                self.graph.add_edge(index, ng::NATIONALITY, place_node, evidence);
            }
        }
        // Places and facilities named inside a facility's phrase locate it.
        for &mention_index in &entity.mentions {
            let Some(mention) = self.annotations.mentions.get(mention_index) else { continue };
            for &inner in &mention.nested {
                let Some(nested) = self.annotations.mentions.get(inner) else { continue };
                let Some(nested_entity) = nested.entity else { continue };
                let predicate = match (entity.tag, nested.tag()) {
                    (Some(Tag::Fac), Tag::Gpe) => schema::CONTAINED_IN_PLACE,
                    (Some(Tag::Fac), Tag::Fac) => schema::CONTAINED_IN_PLACE,
                    _ => continue,
                };
                if let Some(nested_node) = self.entity(nested_entity) {
                    let evidence = Evidence {
                        sentence: mention.sentence,
                        span: mention.span,
                        rule: "np:modifier".into(),
                    };
                    self.graph.add_edge(index, predicate, nested_node, Some(evidence));
                }
            }
        }
        Some(index)
    }

    fn event_for_entity(&mut self, entity_index: usize) -> Option<NodeIndex> {
        let event = self
            .annotations
            .facts
            .events
            .iter()
            .position(|event| event.entity == Some(entity_index))?;
        self.event(event)
    }

    fn event(&mut self, event_index: usize) -> Option<NodeIndex> {
        let facts = &self.annotations.facts;
        let event_index = facts.resolve(event_index);
        if let Some(&node) = self.events.get(&event_index) {
            return Some(node);
        }
        let event = facts.events.get(event_index)?;
        if let Some(entry) = event.entry {
            let node = self.lexicon_node(entry);
            self.events.insert(event_index, node);
            if let Some(entity) = event.entity {
                self.entities.insert(entity, node);
            }
            return Some(node);
        }
        let class = event.classes.first().map_or("Event", String::as_str);
        let label = if event.label.is_empty() {
            self.event_label(event_index)
        } else {
            strip_determiner(&event.label).to_owned()
        };
        let iri = self.doc_iri_at(class, event.anchor_char);
        let mut node = Node::new(iri, NodeKind::Event, label);
        for class in &event.classes {
            node = node.with_class([ng::NS, class.as_str()].concat());
        }
        let index = self.graph.add_node(node);
        self.events.insert(event_index, index);
        if let Some(entity) = event.entity {
            self.entities.insert(entity, index);
        }
        Some(index)
    }

    fn event_label(&self, event_index: usize) -> String {
        let Some(event) = self.annotations.facts.events.get(event_index) else {
            return String::new();
        };
        let class = event.classes.first().map_or("event", String::as_str);
        let words = split_camel(class);
        let who =
            event.role(ng::AGENT).or_else(|| event.role(ng::SPEAKER)).and_then(|arg| match arg {
                Arg::Entity(entity) => {
                    self.annotations.entities.get(*entity).map(|e| e.label.clone())
                }
                _ => None,
            });
        match who {
            Some(who) => format!("{words} by {who}"),
            None => words,
        }
    }

    fn arg_node(&mut self, arg: &Arg, role: &str) -> Option<NodeIndex> {
        match arg {
            Arg::Entity(entity) => self.entity(*entity),
            Arg::Event(event) => self.event(*event),
            Arg::Quantity(mention) => {
                // A quantity in a role that takes people ("brought by more than 400 Russians")
                // stands for a group of that size.
                // A counted noun that names a group ("Thousands of protesters blocked roads")
                // is that group, the one its other mentions name.
                if role == "agent"
                    && let Some(group) = self.counted_group(*mention)
                {
                    self.quantity_groups.insert(*mention, group);
                    return Some(group);
                }
                if matches!(role, "plaintiff" | "agent" | "speaker") {
                    return self.quantity_group(*mention);
                }
                self.quantity(*mention)
            }
            Arg::Concept(class, label) => {
                let node = Node::new(entity_iri(self.base, label), NodeKind::Entity, label.clone())
                    .with_class(class.clone());
                Some(self.graph.add_node(node))
            }
            Arg::Lexicon(entry) => Some(self.lexicon_node(*entry)),
            Arg::Literal(_) => None,
        }
    }

    fn quantity(&mut self, mention_index: usize) -> Option<NodeIndex> {
        if let Some(&node) = self.quantities.get(&mention_index) {
            return Some(node);
        }
        let mention = self.annotations.mentions.get(mention_index)?;
        mention.quantity.as_ref()?;
        let iri = self.doc_iri_at("quantity", mention.span.start_char);
        let node =
            Node::new(iri, NodeKind::Quantity, mention.text.clone()).with_class(ng::QUANTITY);
        let index = self.graph.add_node(node);
        self.quantities.insert(mention_index, index);
        self.fill_quantity(index, mention_index);
        Some(index)
    }

    fn fill_quantity(&mut self, node: NodeIndex, mention_index: usize) {
        let Some(mention) = self.annotations.mentions.get(mention_index) else { return };
        let Some(quantity) = mention.quantity.as_ref() else { return };
        let evidence = Some(Evidence {
            sentence: mention.sentence,
            span: mention.span,
            rule: "qty:number".into(),
        });
        if let Some(decimal) = &quantity.decimal {
            self.graph.add_attribute(
                node,
                schema::VALUE,
                Literal::Decimal(decimal.clone()),
                evidence.clone(),
            );
        } else if let Some(value) = quantity.value {
            self.graph.add_attribute(
                node,
                schema::VALUE,
                Literal::Integer(value),
                evidence.clone(),
            );
        }
        if let Some(min) = quantity.min {
            self.graph.add_attribute(
                node,
                schema::MIN_VALUE,
                Literal::Integer(min),
                evidence.clone(),
            );
        }
        if let Some(max) = quantity.max {
            self.graph.add_attribute(
                node,
                schema::MAX_VALUE,
                Literal::Integer(max),
                evidence.clone(),
            );
        }
        if let Some(unit) = &quantity.unit {
            self.graph.add_attribute(node, schema::UNIT_TEXT, Literal::Text(unit.clone()), None);
        }
    }

    fn quantity_group(&mut self, mention_index: usize) -> Option<NodeIndex> {
        let mention = self.annotations.mentions.get(mention_index)?;
        let quantity = mention.quantity.as_ref()?;
        let unit = quantity.unit.clone().unwrap_or_else(|| "people".to_owned());
        let iri = self.doc_iri_at(&unit, mention.span.start_char);
        let node =
            Node::new(iri, NodeKind::Entity, mention.text.clone()).with_class(ng::PERSON_GROUP);
        let group = self.graph.add_node(node);
        self.quantity_groups.insert(mention_index, group);
        self.link_counted_group(mention_index, group);
        // Later descriptions of those who bring a case ("the claimants") are this group.
        for (index, entity) in self.annotations.entities.iter().enumerate() {
            if entity.category == Some(crate::lexicon::NounCategory::Plaintiff) {
                self.entities.entry(index).or_insert(group);
                self.graph.add_name(group, &entity.label);
            }
        }
        Some(group)
    }

    /// Groups named only with a count ("47 hostages", "around 3,500 soldiers"): the counted
    /// noun names a group, the same group as the article's other mentions of that noun.
    fn counted_groups(&mut self) {
        for mention_index in 0..self.annotations.mentions.len() {
            if self.quantity_groups.contains_key(&mention_index) {
                continue;
            }
            self.counted_group(mention_index);
        }
    }

    /// The group a counted mention names by its noun ("Thousands of protesters": the
    /// protesters), linked to its count; none for a count of people in general.
    fn counted_group(&mut self, mention_index: usize) -> Option<NodeIndex> {
        let mention = self.annotations.mentions.get(mention_index)?;
        let quantity = mention.quantity.as_ref()?;
        let (Some(unit), Some(category)) = (&quantity.unit, quantity.unit_category) else {
            return None;
        };
        if mention.tag() != Tag::Qty || !is_group_category(category) || is_generic_group(unit) {
            return None;
        }
        let described = self.annotations.entities.iter().position(|entity| {
            is_described_group(entity) && group_label(&entity.label).eq_ignore_ascii_case(unit)
        });
        let group = match described.and_then(|entity| self.entity(entity)) {
            Some(node) => node,
            None => {
                let iri = self.doc_iri(&slug(unit));
                match self.graph.node_by_iri(&iri) {
                    Some(node) => node,
                    None => {
                        let mut node = Node::new(iri, NodeKind::Entity, unit.clone())
                            .with_class(ng::PERSON_GROUP);
                        node.names.push(unit.clone());
                        let node = self.graph.add_node(node);
                        self.entities.insert(usize::MAX - mention_index, node);
                        node
                    }
                }
            }
        };
        self.graph.add_name(group, &mention.text);
        self.link_counted_group(mention_index, group);
        Some(group)
    }

    /// What a counted mention ("more than 400 Russians") says of its group: the nationality
    /// of its demonym, and the quantity that counts it.
    fn link_counted_group(&mut self, mention_index: usize, group: NodeIndex) {
        let Some(mention) = self.annotations.mentions.get(mention_index) else { return };
        let evidence = Some(Evidence {
            sentence: mention.sentence,
            span: mention.span,
            rule: "qty:group".into(),
        });
        if let Some(place) = mention.quantity.as_ref().and_then(|quantity| quantity.nationality) {
            let place_node = self.lexicon_node(place);
            self.graph.add_edge(group, ng::NATIONALITY, place_node, evidence.clone());
        }
        if let Some(size) = self.quantity(mention_index) {
            self.graph.add_edge(size, ng::COUNTS, group, evidence);
        }
    }

    fn event_roles(&mut self, event_index: usize) {
        // The annotations outlive the builder: their roles are read in place while the graph
        // grows.
        let annotations: &'a Annotations = self.annotations;
        let Some(event) = annotations.facts.events.get(event_index) else { return };
        // Merged events are their target's node; an event inference emptied (a toll with no
        // incident) is none.
        if event.merged_into.is_some()
            || (event.classes.is_empty() && event.roles.is_empty() && event.entity.is_none())
        {
            return;
        }
        let Some(node) = self.event(event_index) else { return };
        // Quantities of the same role that agree ("over 330" and "334") are one quantity.
        let mut role_quantity: HashMap<&str, usize> = HashMap::default();
        for role in &event.roles {
            let role_name = local_name(&role.predicate);
            match &role.arg {
                Arg::Literal(literal) => self.graph.add_attribute(
                    node,
                    &role.predicate,
                    literal.clone(),
                    role.evidence.clone(),
                ),
                Arg::Quantity(mention)
                    if !matches!(role_name, "plaintiff" | "agent" | "speaker") =>
                {
                    if let Some(&first) = role_quantity.get(role.predicate.as_str())
                        && self.quantities_agree(first, *mention)
                        && let Some(&existing) = self.quantities.get(&first)
                    {
                        self.quantities.insert(*mention, existing);
                        self.fill_quantity(existing, *mention);
                        self.graph.add_edge(node, &role.predicate, existing, role.evidence.clone());
                        continue;
                    }
                    role_quantity.entry(role.predicate.as_str()).or_insert(*mention);
                    if let Some(object) = self.arg_node(&role.arg, role_name) {
                        self.graph.add_edge(node, &role.predicate, object, role.evidence.clone());
                    }
                }
                arg => {
                    if let Some(object) = self.arg_node(arg, role_name)
                        && object != node
                    {
                        self.graph.add_edge(node, &role.predicate, object, role.evidence.clone());
                    }
                }
            }
        }
    }

    fn quantities_agree(&self, first: usize, second: usize) -> bool {
        let get =
            |index: usize| self.annotations.mentions.get(index).and_then(|m| m.quantity.clone());
        let (Some(a), Some(b)) = (get(first), get(second)) else { return false };
        let fits = |exact: &super::Quantity, bound: &super::Quantity| {
            exact.value.is_some_and(|value| {
                bound.min.is_none_or(|min| value >= min) && bound.max.is_none_or(|max| value <= max)
            }) && bound.value.is_none()
        };
        fits(&a, &b) || fits(&b, &a)
    }

    fn relations(&mut self) {
        for relation in &self.annotations.facts.relations {
            if relation.predicate == ng::NATIONALITY && self.is_described_org(&relation.subject) {
                continue;
            }
            let placing = relation.predicate == schema::LOCATION
                || relation.predicate == schema::CONTAINED_IN_PLACE;
            // Where "a hotel" or "the buildings" are is no fact about anything the graph can
            // name; and a reading the lexicon contradicts ("Gaza in Israel") is a misreading.
            if placing
                && (self.is_described(&relation.subject)
                    || self.lexicon_contradicts(&relation.subject, &relation.object))
            {
                continue;
            }
            let predicate = if placing {
                self.placing_predicate(&relation.subject, &relation.predicate)
            } else {
                relation.predicate.as_str()
            };
            let Some(subject) = self.arg_node(&relation.subject, "") else { continue };
            match &relation.object {
                Arg::Literal(literal) => {
                    self.graph.add_attribute(
                        subject,
                        &relation.predicate,
                        literal.clone(),
                        relation.evidence.clone(),
                    );
                }
                object => {
                    if let Some(object) = self.arg_node(object, "")
                        && object != subject
                    {
                        self.graph.add_edge(subject, predicate, object, relation.evidence.clone());
                    }
                }
            }
        }
    }

    /// An entity known only by a description ("a hotel", "the buildings"): no proper name
    /// and no lexicon entry.
    fn is_described(&self, arg: &Arg) -> bool {
        matches!(arg, Arg::Entity(entity) if self.annotations.entities.get(*entity)
            .is_some_and(|e| !e.proper && e.entry.is_none()))
    }

    /// Whether the lexicon places `subject` elsewhere than in `object`: a city or region of
    /// another country than the country `object`, a city of another region than the region
    /// `object`, or a country inside another country.
    fn lexicon_contradicts(&self, subject: &Arg, object: &Arg) -> bool {
        let lexicon = self.context.lexicon;
        let entry_of = |arg: &Arg| match arg {
            Arg::Entity(entity) => self.annotations.entities.get(*entity)?.entry,
            _ => None,
        };
        let (Some(subject_index), Some(object_index)) = (entry_of(subject), entry_of(object))
        else {
            return false;
        };
        let (Some(inner), Some(outer)) =
            (lexicon.entry(subject_index), lexicon.entry(object_index))
        else {
            return false;
        };
        // An organisation's country is its nationality, not where it is: an embassy is
        // abroad.
        if !inner.kind.is_place() {
            return false;
        }
        let country_of = |entry: &crate::lexicon::Entry| {
            entry.country.as_deref().and_then(|code| lexicon.country_by_code(code))
        };
        match outer.kind {
            EntryKind::Country => {
                inner.kind == EntryKind::Country
                    || country_of(inner).is_some_and(|country| country != object_index)
            }
            EntryKind::Region => {
                let other_region = inner.kind == EntryKind::City
                    && inner
                        .region
                        .as_deref()
                        .and_then(|region| lexicon.lookup(region))
                        .filter(|&found| {
                            lexicon.entry(found).is_some_and(|e| e.kind == EntryKind::Region)
                        })
                        .is_some_and(|region| region != object_index);
                let other_country = country_of(inner)
                    .zip(country_of(outer))
                    .is_some_and(|(inner_country, outer_country)| inner_country != outer_country);
                inner.kind == EntryKind::Country || other_region || other_country
            }
            _ => false,
        }
    }

    /// How a relation rule places something: an organisation, or a facility with a name of
    /// its own ("Bani Palace Hotel", "Lilac Lanes"), is an establishment, which
    /// `schema:location` places (schema.org's local businesses are organisations and places
    /// at once); a place, or a building named by its place and a common noun ("the Beslan
    /// school"), is contained in the place.
    fn placing_predicate<'p>(&self, subject: &Arg, predicate: &'p str) -> &'p str {
        let Arg::Entity(entity) = subject else { return predicate };
        let Some(entity) = self.annotations.entities.get(*entity) else { return predicate };
        match entity.tag {
            Some(Tag::Gpe) => schema::CONTAINED_IN_PLACE,
            Some(Tag::Fac) => {
                let named_by_place = entity.mentions.iter().any(|&m| {
                    self.annotations.mentions.get(m).is_some_and(|mention| {
                        mention.nested.iter().any(|&n| {
                            self.annotations.mentions.get(n).is_some_and(|n| n.tag() == Tag::Gpe)
                        })
                    })
                });
                if named_by_place {
                    schema::CONTAINED_IN_PLACE
                } else {
                    schema::LOCATION
                }
            }
            Some(_) => schema::LOCATION,
            None => predicate,
        }
    }

    /// An organisation known only by a description ("the Malian government", "Somalia's
    /// central government"): the country in its description is where it is, which the
    /// graph already says; it is not a nationality.
    fn is_described_org(&self, arg: &Arg) -> bool {
        matches!(arg, Arg::Entity(entity) if self.annotations.entities.get(*entity).is_some_and(
            |e| !e.proper && !e.plural && e.entry.is_none() && e.tag == Some(Tag::Org)
                && e.category == Some(NounCategory::Org)
        ))
    }

    fn claims(&mut self) {
        for claim in &self.annotations.facts.claims {
            let Some(source) = self.arg_node(&claim.source, "") else { continue };
            let source_label =
                self.graph.node(source).map(|node| node.label.clone()).unwrap_or_default();
            let start_char = self.context.article.span(claim.start, claim.end).start_char;
            let iri = self.doc_iri(&format!("claim-{start_char}"));
            let words: Vec<&str> = claim.text.split_whitespace().take(8).collect();
            let label = format!("{source_label}: {}…", words.join(" "));
            let node = Node::new(iri, NodeKind::Claim, label).with_class(ng::CLAIM);
            let index = self.graph.add_node(node);
            let evidence = Some(claim.evidence.clone());
            self.graph.add_edge(index, ng::CLAIMED_BY, source, evidence.clone());
            self.graph.add_attribute(
                index,
                schema::TEXT,
                Literal::Text(claim.text.clone()),
                evidence.clone(),
            );
            for &event in &claim.events {
                if let Some(event_node) = self.event(event) {
                    self.graph.add_edge(index, ng::CLAIMS, event_node, evidence.clone());
                }
            }
        }
    }

    /// Every date and quantity the article gives is in the graph, attached to a role or not:
    /// quantities as nodes the article mentions, dates as `ng:mentionsDate` of the article.
    fn values(&mut self) {
        let Some(document) = self.graph.document_node() else { return };
        for (index, mention) in self.annotations.mentions.iter().enumerate() {
            let evidence = || Evidence {
                sentence: mention.sentence,
                span: mention.span,
                rule: "value:mention".into(),
            };
            match (mention.tag(), &mention.date) {
                (Tag::Date, Some(date)) => {
                    self.graph.add_attribute(
                        document,
                        ng::MENTIONS_DATE,
                        date.clone(),
                        Some(evidence()),
                    );
                }
                (Tag::Qty, _) => {
                    if let Some(node) = self.quantity(index) {
                        self.graph.add_edge(document, schema::MENTIONS, node, Some(evidence()));
                    }
                }
                _ => {}
            }
        }
    }

    /// Where the article names each node: the mentions of entities, of events a noun names,
    /// and of quantities (for readers such as the HTML report; not written as RDF).
    fn mention_spans(&mut self) {
        let mut event_of_entity: HashMap<usize, NodeIndex> = HashMap::default();
        for (event_index, event) in self.annotations.facts.events.iter().enumerate() {
            if let (Some(entity), Some(&node)) = (event.entity, self.events.get(&event_index)) {
                event_of_entity.entry(entity).or_insert(node);
            }
        }
        for (index, mention) in self.annotations.mentions.iter().enumerate() {
            let node = mention
                .entity
                .and_then(|entity| {
                    self.entities.get(&entity).or_else(|| event_of_entity.get(&entity))
                })
                .or_else(|| self.quantities.get(&index))
                .copied();
            if let Some(node) = node {
                self.graph.add_mention(mention.span, node);
            }
        }
    }

    /// The article mentions every entity and event it names.
    fn mentions(&mut self) {
        let Some(document) = self.graph.document_node() else { return };
        let mut targets: Vec<NodeIndex> =
            self.entities.values().chain(self.events.values()).copied().collect();
        targets.sort();
        targets.dedup();
        for target in targets {
            if target != document {
                self.graph.add_edge(document, schema::MENTIONS, target, None);
            }
        }
        let _ = owl::SAME_AS;
    }
}

/// Whether a noun category names people (not an organisation, place or event).
fn is_group_category(category: NounCategory) -> bool {
    matches!(
        category,
        NounCategory::People
            | NounCategory::Armed
            | NounCategory::Security
            | NounCategory::Plaintiff
    )
}

/// Nouns too general to name a group by themselves ("people", "persons").
fn is_generic_group(head: &str) -> bool {
    ["people", "persons", "others"].iter().any(|generic| head.eq_ignore_ascii_case(generic))
}

/// A group of people the article names by a plural common noun ("protesters", "Chinese
/// engineers", "security forces"), as opposed to a single described organisation or place.
fn is_described_group(entity: &super::Entity) -> bool {
    !entity.proper
        && entity.entry.is_none()
        && entity.plural
        && entity.tag.is_some_and(|tag| matches!(tag, Tag::Grp | Tag::Org))
        && entity.category.is_some_and(is_group_category)
        && !is_generic_group(&entity.label)
}

/// Whether a group is only the press a speaker talks to ("told reporters"): those who
/// report the story, not people it is about.
fn only_addressed(context: &Context<'_>, annotations: &Annotations, group: &super::Entity) -> bool {
    let press = group.head.as_deref().is_some_and(|head| {
        matches!(head.to_lowercase().as_str(), "reporters" | "journalists" | "correspondents")
    });
    press
        && group.mentions.iter().filter_map(|&m| annotations.mentions.get(m)).all(|mention| {
            context
                .article
                .text
                .get(..mention.span.start)
                .is_some_and(|before| before.ends_with("told ") || before.ends_with("briefed "))
        })
}

/// A group's label without the words that only point at it ("our security forces", "some
/// residents"): the noun phrase that names the group.
fn group_label(label: &str) -> &str {
    const POINTERS: [&str; 16] = [
        "the", "our", "their", "his", "her", "its", "these", "those", "some", "many", "several",
        "other", "all", "both", "most", "few",
    ];
    let mut rest = label;
    while let Some((first, tail)) = rest.split_once(' ') {
        if !POINTERS.iter().any(|word| first.eq_ignore_ascii_case(word)) {
            break;
        }
        rest = tail;
    }
    rest
}

fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|word| {
            word.split('-')
                .map(|part| {
                    let mut characters = part.chars();
                    characters.next().map_or_else(String::new, |first| {
                        first.to_uppercase().collect::<String>()
                            + &characters.as_str().to_lowercase()
                    })
                })
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn split_camel(class: &str) -> String {
    let mut words = String::new();
    for character in class.chars() {
        if character.is_uppercase() && !words.is_empty() {
            words.push(' ');
        }
        words.extend(character.to_lowercase());
    }
    let mut characters = words.chars();
    characters.next().map_or_else(String::new, |first| {
        first.to_uppercase().collect::<String>() + characters.as_str()
    })
}

/// The rule of a lexicon containment that a sentence naming both places states.
const PLACE_WITH_COUNTRY_RULE: &str = "place-with-country";

#[cfg(test)]
mod tests {
    /// The facts the text of `text` states (evidence other than the lexicon), as
    /// "subject — predicate — object".
    fn stated(text: &str) -> Vec<String> {
        let graph = crate::extract(text).unwrap_or_else(|error| panic!("{error}"));
        graph
            .facts()
            .filter(|fact| fact.evidence.iter().any(|evidence| &*evidence.rule != "lexicon"))
            .map(|fact| fact.to_string())
            .collect()
    }

    #[test]
    fn places_by_mechanism() {
        // (text, facts that must be stated, facts that must not be).
        let cases: &[(&str, &[&str], &[&str])] = &[
            // A dateline with a country states where its place is.
            (
                "NAIROBI, Kenya (AP) — Protesters marched on Tuesday.\n",
                &["Nairobi — containedInPlace — Kenya"],
                &[],
            ),
            // Wire abbreviations of states; a state named like a city or a country.
            (
                "SPOKANE, Wash. (AP) — Protesters marched on Tuesday.\n",
                &["Spokane — containedInPlace — Washington"],
                &["Spokane — containedInPlace — Washington, D.C."],
            ),
            ("ATLANTA, Ga. (AP) — Protesters marched on Tuesday.\n", &[], &["Atlanta — containedInPlace"]),
            // A dateline with only an agency states nothing about the place.
            (
                "LONDON (Reuters) - Protesters marched on Tuesday.\n",
                &[],
                &["London — containedInPlace"],
            ),
            // A sentence naming a place and its country (or its people) states where it is;
            // one that names neither does not.
            (
                "Floods killed 73 people in northeastern Bangladesh as rivers in the Sylhet division rose.",
                &["Sylhet — containedInPlace — Bangladesh"],
                &[],
            ),
            (
                "Malian soldiers stormed a hotel in the central city of Mopti.",
                &["Mopti — containedInPlace — Mali"],
                &[],
            ),
            ("Rivers in the Sylhet division rose.", &[], &["Sylhet — containedInPlace"]),
            // Appositions: "X, in western Y", "X, capital of east Y's Z", "X in northwest Y".
            (
                "Clashes were reported in Eldoret, in western Kenya, on Monday.",
                &["Eldoret — containedInPlace — Kenya"],
                &[],
            ),
            (
                "He will visit Chengdu, capital of southwest China's Sichuan Province, on Monday.",
                &["Chengdu — containedInPlace — Sichuan", "Sichuan — containedInPlace — China"],
                &["Chengdu — containedInPlace — China"],
            ),
            (
                "She worked in Leeds in northern England for years.",
                &["Leeds — containedInPlace — England"],
                &[],
            ),
            // After a city, its region's name is the region, not the city of that name.
            (
                "He was shot in Spokane, Washington, on Monday.",
                &["Spokane — containedInPlace — Washington"],
                &["Spokane — containedInPlace — Washington, D.C."],
            ),
            // A wire abbreviation of a state after a city, in the text too.
            (
                "A tornado hit Tulsa, Okla., on Monday, and Miss. Harris said so.",
                &["Tulsa — containedInPlace — Oklahoma"],
                &["Harris — containedInPlace"],
            ),
            // "the Afghan capital Kabul": the demonym's country.
            (
                "A bomb exploded in the Afghan capital Kabul on Monday.",
                &["Kabul — containedInPlace — Afghanistan"],
                &[],
            ),
            (
                "Protests were held in Tbilisi, the Georgian capital, and in Lviv, a western Ukrainian city.",
                &["Tbilisi — containedInPlace — Georgia", "Lviv — containedInPlace — Ukraine"],
                &[],
            ),
            // A capitalised word that is no demonym says nothing.
            (
                "Clashes broke out in the Northern city of Tamale.",
                &[],
                &["Tamale — containedInPlace"],
            ),
            // A place named by a kind of place ("the Atacama region of northern Chile").
            (
                "The firm runs two mines in the Atacama region of northern Chile.",
                &["Atacama — containedInPlace — Chile"],
                &[],
            ),
            // Establishments are located; organisations too ("based in", "X's Y").
            (
                "Gunmen stormed the Sahel Palace Hotel in Bamako on Monday.",
                &["Sahel Palace Hotel — location — Bamako"],
                &["Sahel Palace Hotel — containedInPlace — Bamako"],
            ),
            (
                "The rest is held by Orbitix Capital, an investment fund based in Toulouse.",
                &["Orbitix Capital — location — Toulouse"],
                &[],
            ),
            (
                "Observers at Lagos's Tinubu Observatory recorded the tremor.",
                &["Tinubu Observatory — location — Lagos"],
                &[],
            ),
            // Event places: the story's incident where its epicentre or its toll is.
            (
                "A strong earthquake hit before dawn, with its epicentre near the town of Zarvoka.",
                &["strong earthquake — place — Zarvoka"],
                &[],
            ),
            // A described facility is nowhere the graph can name.
            (
                "Gunmen stormed a hotel in Bamako on Monday.",
                &[],
                &["hotel — location", "hotel — containedInPlace"],
            ),
            // What the lexicon contradicts is a misreading.
            (
                "Talks were held in Lyon, Germany on Monday.",
                &[],
                &["Lyon — containedInPlace — Germany"],
            ),
            (
                "A spokesman for Interpol in Lyon said so. He flew on to Dubai in the United Arab Emirates.",
                &["Interpol — location — Lyon", "Dubai — containedInPlace — United Arab Emirates"],
                &[],
            ),
            // "X-based company Y": the named company, not its description.
            (
                "The Lviv-based company Softserve will open an office.",
                &["Softserve — location — Lviv"],
                &["company — location"],
            ),
            // "for X in Y" after no word of working or office says nothing of where X is.
            ("Support for Hamas in Gaza has grown, analysts said.", &[], &["Hamas — location"]),
            // An organisation of one country can be in another.
            (
                "Officials at the CIA in Afghanistan said so.",
                &["Central Intelligence Agency — location — Afghanistan"],
                &[],
            ),
            // An organisation after a verb's object is not placed by the verb's place.
            (
                "The company signed a deal with Huawei in Beijing on Monday.",
                &[],
                &["Huawei — location — Beijing"],
            ),
        ];
        for (text, expected, unexpected) in cases {
            let facts = stated(text);
            for fact in *expected {
                assert!(facts.iter().any(|found| found == fact), "{text}: no {fact} in {facts:#?}");
            }
            for fact in *unexpected {
                assert!(
                    !facts.iter().any(|found| found.starts_with(fact)),
                    "{text}: unexpected {fact} in {facts:#?}"
                );
            }
        }
    }
}
