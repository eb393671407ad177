//! The extraction pipeline: mentions, entities and facts, as stages over an [`Article`].
//!
//! **Invariant:** stages do no I/O and never fail; what they cannot resolve becomes a
//! [`Diagnostic`].

mod build;
mod coref;
mod dates;
mod descriptions;
mod facts;
mod frames;
mod inference;
mod names;
mod ner_names;
mod numbers;
mod parse;
mod parse_facts;
mod patterns;
mod shadow;
mod tokens;

use jiff::civil::Date;
use std::borrow::Cow;

use crate::article::{Article, Span};
use crate::graph::{Diagnostic, Literal};
use crate::lexicon::{Gender, Lexicon, NounCategory};

pub(crate) use build::build_graph;
pub(crate) use frames::Frames;
pub use parse::MAX_PARSED_TOKENS;
pub use patterns::Rules;

/// What a mention is, as the shadow text of a sentence shows it (`⟨ORG/Court:3⟩`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Tag {
    /// A person.
    Per,
    /// An organisation.
    Org,
    /// A place: country, region, city.
    Gpe,
    /// A facility.
    Fac,
    /// A group of people or an armed group named by a common noun.
    Grp,
    /// A legal instrument or provision.
    Law,
    /// An event.
    Evt,
    /// A date.
    Date,
    /// A duration.
    Dur,
    /// A quantity.
    Qty,
    /// A pronoun.
    Pro,
    /// A title ("spokesman").
    Ttl,
}

impl Tag {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Per => "PER",
            Self::Org => "ORG",
            Self::Gpe => "GPE",
            Self::Fac => "FAC",
            Self::Grp => "GRP",
            Self::Law => "LAW",
            Self::Evt => "EVT",
            Self::Date => "DATE",
            Self::Dur => "DUR",
            Self::Qty => "QTY",
            Self::Pro => "PRO",
            Self::Ttl => "TTL",
        }
    }

    /// Whether mentions with this tag stand for entities or events (not values).
    pub(crate) fn is_referential(self) -> bool {
        !matches!(self, Self::Date | Self::Dur | Self::Qty | Self::Ttl)
    }
}

/// A counted quantity: "over 330 people", "1,100 people", "$1 billion".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Quantity {
    /// The exact value, when the text gives one without a bound word.
    pub value: Option<i64>,
    /// A decimal value in lexical form, when it is not whole.
    pub decimal: Option<String>,
    /// A lower bound ("over", "more than", "at least").
    pub min: Option<i64>,
    /// An upper bound ("up to", "nearly", "fewer than").
    pub max: Option<i64>,
    /// The counted noun as written ("people", "children", "dead").
    pub unit: Option<String>,
    /// The noun's category, if known.
    pub unit_category: Option<NounCategory>,
    /// The role a toll noun implies ("killed", "injured").
    pub toll: Option<String>,
    /// The country of a demonym unit ("Russians").
    pub nationality: Option<usize>,
}

/// A mention: a stretch of a sentence that names or describes something.
#[derive(Debug, Clone, Default)]
pub(crate) struct Mention {
    pub sentence: usize,
    pub span: Span,
    pub tag: Option<Tag>,
    /// Class local name (`Court`, `Country`, `Siege`) or, for quantities, the toll role
    /// (borrowed when a constant: most mentions are made with one).
    pub class: Cow<'static, str>,
    /// Full class IRI, when known.
    pub class_iri: Cow<'static, str>,
    /// Surface text.
    pub text: String,
    /// Lexicon entry.
    pub entry: Option<usize>,
    /// Head noun as written, for descriptions.
    pub head: Option<String>,
    pub category: Option<NounCategory>,
    pub plural: bool,
    pub definite: bool,
    /// Whether the mention is a proper name (not a description or pronoun).
    pub proper: bool,
    /// A country or region from a demonym ("Russian troops").
    pub nationality: Option<usize>,
    pub date: Option<Literal>,
    pub duration: Option<String>,
    /// Boxed: few mentions are quantities, and a quantity would double the size of every mention.
    pub quantity: Option<Box<Quantity>>,
    /// Mentions inside this one (a place inside an event noun phrase).
    pub nested: Vec<usize>,
    pub gender: Option<Gender>,
    /// The entity it refers to, after coreference.
    pub entity: Option<usize>,
    /// Whether it is nested in another mention.
    pub inner: bool,
    /// For an acronym, the mention of the full name it stands for.
    pub alias_of: Option<usize>,
}

impl Mention {
    pub(crate) fn tag(&self) -> Tag {
        self.tag.unwrap_or(Tag::Per)
    }
}

/// An entity or event that mentions refer to.
#[derive(Debug, Clone, Default)]
pub(crate) struct Entity {
    pub tag: Option<Tag>,
    pub class: Cow<'static, str>,
    pub class_iri: Cow<'static, str>,
    pub label: String,
    pub names: Vec<String>,
    pub entry: Option<usize>,
    pub mentions: Vec<usize>,
    pub nationality: Option<usize>,
    pub gender: Option<Gender>,
    pub plural: bool,
    pub head: Option<String>,
    pub category: Option<NounCategory>,
    /// Whether it has a proper name (so its IRI is global, not local to the article).
    pub proper: bool,
}

/// Everything the stages find, in article order.
#[derive(Debug, Default)]
pub(crate) struct Annotations {
    pub mentions: Vec<Mention>,
    /// Top-level mention indices per sentence, in text order.
    pub by_sentence: Vec<Vec<usize>>,
    pub entities: Vec<Entity>,
    pub facts: facts::Facts,
    pub diagnostics: Vec<Diagnostic>,
    /// Acronyms the article defines ("the Electoral Commission (EC)"), to the defining mention.
    pub acronyms: rustc_hash::FxHashMap<String, usize>,
}

/// Shared, read-only inputs of every stage.
pub(crate) struct Context<'a> {
    pub article: &'a Article,
    pub lexicon: &'a Lexicon,
    pub rules: &'a Rules,
    /// The frame tables.
    pub frames: &'a crate::pipeline::FrameTables,
    /// The reference date: the caller's publication date, else the article's
    /// ([`reference_date`]).
    pub date: Option<Date>,
    /// The publication date the caller gave, which wins over the text's.
    pub published: Option<Date>,
}

pub(crate) use dates::reference_date;

/// Runs every stage in order.
pub(crate) fn run(context: &Context<'_>) -> Annotations {
    // Room for the mentions up front: a mention is large, and regrowing the vector copies
    // every one (news text has about one mention per twelve bytes).
    let mut annotations = Annotations {
        by_sentence: context.article.sentences.iter().map(|_| Vec::with_capacity(12)).collect(),
        mentions: Vec::with_capacity(context.article.text.len() / 12 + 16),
        ..Annotations::default()
    };
    // Values first (dates, durations, quantities, legal provisions): their digits must not be
    // taken for names. Then lexicon names, titles and people; then common-noun descriptions,
    // which may nest the names found before them.
    report_cut_sentences(context.article, &mut annotations.diagnostics);
    // The syntactic layer: each sentence's tags, dependencies and named entities.
    let parser = match crate::syntax::Parser::english() {
        Ok(parser) => Some(parser),
        Err(error) => {
            annotations.diagnostics.push(Diagnostic {
                stage: "syntax",
                span: None,
                message: format!(
                    "the parser's model failed to load, facts from the parse are missing: {error}"
                ),
            });
            None
        }
    };
    let frames = match context.frames.get() {
        Ok(frames) => Some(frames),
        Err(error) => {
            annotations.diagnostics.push(Diagnostic {
                stage: "frames",
                span: None,
                message: format!("the frame tables failed to load: {error}"),
            });
            None
        }
    };
    let (parses, first_unparsed) = parse::parse_sentences(context.article, parser);
    if let Some(first) = first_unparsed.and_then(|index| context.article.sentences.get(index)) {
        annotations.diagnostics.push(Diagnostic {
            stage: "syntax",
            span: Some(first.span),
            message: format!(
                "the article is longer than the parse's budget of {} tokens (each sentence \
                 counted {} tokens more): its last {} sentence(s) are read by the surface rules \
                 alone",
                parse::MAX_PARSED_TOKENS,
                crate::syntax::TEXT_TOKEN_COST,
                context.article.sentences.len() - first.index
            ),
        });
    }
    let mut earlier_names = ner_names::EarlierNames::default();
    for sentence in &context.article.sentences {
        let sentence_tokens = tokens::tokenize(context.article, sentence);
        dates::find(
            context,
            sentence,
            &sentence_tokens,
            parses.get(sentence.index),
            &mut annotations,
        );
        numbers::find(context, sentence, &sentence_tokens, &mut annotations);
        names::find(context, sentence, &sentence_tokens, &mut annotations);
        if let Some(parse) = parses.get(sentence.index) {
            ner_names::find(context, sentence, parse, &mut earlier_names, &mut annotations);
        }
        descriptions::find(context, sentence, &sentence_tokens, &mut annotations);
        finish_sentence(sentence.index, &mut annotations);
    }
    coref::resolve(context, &mut annotations);
    let mut event_of_entity = patterns::apply(context, &mut annotations);
    if let Some(frames) = frames {
        parse_facts::apply(context, &parses, frames, &mut annotations, &mut event_of_entity);
    }
    inference::infer(context, &mut annotations);
    annotations
}

/// One diagnostic for the sentences the splitter cut at
/// [`MAX_SENTENCE_BYTES`](crate::article::MAX_SENTENCE_BYTES): a sentence that is followed by
/// another of its paragraph but does not end in punctuation was cut there (the splitter ends a
/// sentence only after `.`, `!`, `?` or `…` and closing marks).
fn report_cut_sentences(article: &Article, diagnostics: &mut Vec<Diagnostic>) {
    let cut: Vec<&crate::article::Sentence> = article
        .sentences
        .windows(2)
        .filter(|pair| pair[0].paragraph == pair[1].paragraph)
        .map(|pair| &pair[0])
        .filter(|sentence| {
            article.sentence_text(sentence).chars().next_back().is_some_and(|last| {
                !matches!(last, '.' | '!' | '?' | '…' | '"' | '\'' | ')' | ']' | '”' | '’' | '»')
            })
        })
        .collect();
    if let Some(first) = cut.first() {
        diagnostics.push(Diagnostic {
            stage: "article",
            span: Some(first.span),
            message: format!(
                "{} stretch(es) of text without a sentence end were cut into sentences of at most \
                 {} bytes",
                cut.len(),
                crate::article::MAX_SENTENCE_BYTES
            ),
        });
    }
}

/// Sorts a sentence's top-level mentions by position.
fn finish_sentence(sentence: usize, annotations: &mut Annotations) {
    let Annotations { mentions, by_sentence, .. } = annotations;
    if let Some(list) = by_sentence.get_mut(sentence) {
        list.retain(|&index| mentions.get(index).is_some_and(|mention| !mention.inner));
        list.sort_by_key(|&index| mentions.get(index).map(|mention| mention.span.start));
    }
}

impl Annotations {
    /// Whether a byte range of a sentence overlaps an existing top-level mention.
    pub(crate) fn overlaps(&self, sentence: usize, start: usize, end: usize) -> bool {
        self.by_sentence.get(sentence).is_some_and(|list| {
            list.iter().filter_map(|&index| self.mentions.get(index)).any(|mention| {
                !mention.inner && mention.span.start < end && start < mention.span.end
            })
        })
    }

    /// Whether a byte range overlaps any mention of the sentence, nested ones included.
    pub(crate) fn covered(&self, sentence: usize, start: usize, end: usize) -> bool {
        self.by_sentence.get(sentence).is_some_and(|list| {
            list.iter()
                .filter_map(|&index| self.mentions.get(index))
                .any(|mention| mention.span.start < end && start < mention.span.end)
        })
    }

    /// The top-level mention covering a byte offset.
    pub(crate) fn mention_at(&self, sentence: usize, byte: usize) -> Option<usize> {
        self.by_sentence.get(sentence)?.iter().copied().find(|&index| {
            self.mentions.get(index).is_some_and(|mention| {
                !mention.inner && mention.span.start <= byte && byte < mention.span.end
            })
        })
    }

    /// Adds a top-level mention.
    pub(crate) fn push(&mut self, mention: Mention) -> usize {
        let index = self.mentions.len();
        if let Some(list) = self.by_sentence.get_mut(mention.sentence) {
            list.push(index);
        }
        self.mentions.push(mention);
        index
    }
}

/// A human-readable dump of what the stages found: each sentence's shadow text, then the
/// entities with their mentions. Meant for people writing rules and lexicon entries.
#[must_use]
pub fn explain(article: &Article) -> String {
    match crate::pipeline::Resources::builtin() {
        Ok(resources) => explain_with(article, &resources),
        Err(error) => format!("the built-in lexicons failed to load: {error}"),
    }
}

/// One line per token of a sentence's parse: index, word, tag, lemma, label and head index
/// (`0` for the root), and the entity label where a named entity begins or goes on.
fn write_parse(out: &mut String, parser: &crate::syntax::Parser, text: &str) {
    use std::fmt::Write as _;
    let doc = parser.parse(text);
    let mut entity_of = vec![""; doc.tokens.len()];
    for entity in &doc.entities {
        for slot in entity_of.iter_mut().take(entity.end).skip(entity.start) {
            *slot = entity.label;
        }
    }
    for (index, token) in doc.tokens.iter().enumerate() {
        if token.tag == "_SP" {
            continue;
        }
        let head = if token.dep == "ROOT" { 0 } else { token.head + 1 };
        // `fmt::Write` for String cannot fail.
        let _ = writeln!(
            out,
            "    {:>3} {:<16} {:<5} {:<14} {:<10} {:>3} {}",
            index + 1,
            &text[token.start..token.end],
            token.tag,
            token.lemma,
            token.dep,
            head,
            entity_of[index]
        );
    }
}

/// Like [`explain`], with these lexicons and rules.
#[must_use]
pub fn explain_with(article: &Article, resources: &crate::Resources) -> String {
    use std::fmt::Write as _;
    let context = Context {
        article,
        lexicon: &resources.lexicon,
        rules: &resources.rules,
        frames: &resources.frames,
        date: crate::extract::reference_date(article),
        published: None,
    };
    let annotations = run(&context);
    let mut out = String::new();
    // The parse each sentence gets from the syntactic layer, shown under its shadow text:
    // what extraction on the parse (frames keyed on lemmas and dependency roles) will read.
    let parser = crate::syntax::Parser::english().ok();
    for sentence in 0..article.sentences.len() {
        let shadow = shadow::Shadow::new(article, &annotations, sentence);
        let shown = shadow.text.replace(shadow::OPEN, "⟨").replace(shadow::CLOSE, "⟩");
        let _ = writeln!(out, "s{}: {shown}", sentence + 1);
        if let Some(parser) = parser {
            write_parse(&mut out, parser, article.sentence_text(&article.sentences[sentence]));
        }
    }
    for (index, entity) in annotations.entities.iter().enumerate() {
        let mentions: Vec<String> = entity
            .mentions
            .iter()
            .filter_map(|&m| annotations.mentions.get(m))
            .map(|m| format!("{:?}@{}", m.text, m.sentence + 1))
            .collect();
        let _ = writeln!(
            out,
            "entity {index}: {} [{}] {}",
            entity.label,
            entity.class,
            mentions.join(" ")
        );
    }
    for (index, event) in annotations.facts.events.iter().enumerate() {
        let _ = writeln!(
            out,
            "event {index}: {:?} merged={:?} {:?}",
            event.classes,
            event.merged_into,
            event
                .roles
                .iter()
                .map(|r| {
                    let rule = r.evidence.as_ref().map_or("", |e| &*e.rule);
                    (local_name_of(&r.predicate), &r.arg, rule)
                })
                .collect::<Vec<_>>()
        );
    }
    for relation in &annotations.facts.relations {
        let _ = writeln!(
            out,
            "relation {:?} {} {:?}",
            relation.subject,
            local_name_of(&relation.predicate),
            relation.object
        );
    }
    for claim in &annotations.facts.claims {
        let _ = writeln!(
            out,
            "claim by {:?}: {:?} events {:?}",
            claim.source, claim.text, claim.events
        );
    }
    for diagnostic in &annotations.diagnostics {
        let _ = writeln!(out, "diagnostic {}: {}", diagnostic.stage, diagnostic.message);
    }
    out
}

fn local_name_of(iri: &str) -> &str {
    names::local_name(iri)
}

/// Test helpers: the facts of a small text, one line each, for table-driven tests of rules
/// and inference ("event:Arrest — target — 120 people").
#[cfg(test)]
pub(crate) mod testing {
    use crate::graph::NodeKind;

    /// Every stage's annotations of a text, with the built-in lexicons and rules and no
    /// reference date.
    pub(crate) fn annotations(text: &str) -> super::Annotations {
        let article = crate::Article::parse(text).unwrap_or_else(|error| panic!("{error}"));
        let resources =
            crate::pipeline::Resources::builtin().unwrap_or_else(|error| panic!("{error}"));
        let context = super::Context {
            article: &article,
            lexicon: &resources.lexicon,
            rules: &resources.rules,
            frames: &resources.frames,
            date: None,
            published: None,
        };
        super::run(&context)
    }

    /// Checks each case: the facts of its text include every one of its first list and none of
    /// its second.
    pub(crate) fn assert_facts(cases: &[(&str, &[&str], &[&str])]) {
        for (text, expected, unexpected) in cases {
            let facts = fact_lines(text);
            for fact in *expected {
                assert!(facts.iter().any(|f| f == fact), "{text}\nmissing {fact}\ngot {facts:#?}");
            }
            for fact in *unexpected {
                assert!(
                    !facts.iter().any(|f| f == fact),
                    "{text}\nunexpected {fact}\ngot {facts:#?}"
                );
            }
        }
    }

    /// Every fact with evidence as `subject — predicate — object`, events shown by class.
    pub(crate) fn fact_lines(text: &str) -> Vec<String> {
        let Ok(graph) = crate::extract(text) else { return Vec::new() };
        let name = |node: &crate::graph::Node| match node.kind {
            NodeKind::Event => {
                let class = node
                    .classes
                    .iter()
                    .map(|class| super::names::local_name(class))
                    .find(|class| *class != "Event")
                    .unwrap_or("Event");
                format!("event:{class}")
            }
            _ => node.label.clone(),
        };
        graph
            .facts()
            .filter(|fact| !fact.evidence.is_empty())
            .map(|fact| {
                let object = match fact.object.as_node() {
                    Some(node) => name(node),
                    None => fact.object.to_string(),
                };
                format!("{} — {} — {object}", name(fact.subject), fact.predicate_name())
            })
            .collect()
    }

    /// The labels of the nodes of a class (by local name).
    pub(crate) fn labels_of_class(text: &str, class: &str) -> Vec<String> {
        let Ok(graph) = crate::extract(text) else { return Vec::new() };
        graph
            .nodes()
            .filter(|(_, node)| {
                node.classes.iter().any(|own| super::names::local_name(own) == class)
            })
            .map(|(_, node)| node.label.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    /// `explain` shows each sentence's parse under its shadow text (values as spaCy gives them).
    #[test]
    fn explain_shows_the_parse() {
        let article = crate::Article::parse("The court ruled against Russia.")
            .unwrap_or_else(|error| panic!("{error}"));
        let dump = super::explain(&article);
        let parse: Vec<&str> =
            dump.lines().filter(|line| line.starts_with("    ")).map(str::trim_end).collect();
        assert_eq!(
            parse,
            [
                "      1 The              DT    the            det          2",
                "      2 court            NN    court          nsubj        3",
                "      3 ruled            VBD   rule           ROOT         0",
                "      4 against          IN    against        prep         3",
                "      5 Russia           NNP   Russia         pobj         4 GPE",
                "      6 .                .     .              punct        3",
            ]
        );
    }
}
