//! Evaluation: how well the graph of an article matches its gold file.
//!
//! [`evaluate`] compares one [`KnowledgeGraph`] with one [`Gold`]; [`evaluate_files`] reads
//! gold files (format in `tests/articles/README.md`), extracts their articles and evaluates
//! each; [`overall`] sums the counts of several reports (micro-average).
//! A [`Report`] prints as a table, `{:#}` or [`Report::verbose`] adds what was missed and what
//! was predicted but is not in the gold.
//!
//! # Matching rules
//!
//! In every category each gold item matches at most one prediction and each prediction at
//! most one gold item; among the possible pairings the one with the most pairs is taken
//! (a maximum bipartite matching), so the counts do not depend on the order of items.
//!
//! **Names** are compared after normalising both sides: lowercase, `.` and apostrophes
//! dropped (`U.S.` = `US`), any other punctuation and runs of spaces read as one space
//! (`Akufo-Addo` = `Akufo Addo`), and a leading "the" removed.
//! A gold string naming an entity stands for all its names: a relation whose subject is the
//! alias `Peskov` matches a node named only `Dmitry Peskov` if the gold entity lists both.
//!
//! **Entities.** Predictions are the nodes the document mentions (`schema:mentions`) or names
//! in its dateline (`schema:locationCreated`, `schema:publisher`), so nodes that only a
//! lexicon brought in, such as the region of a mentioned city, are not scored:
//! - nodes of kind `Entity`, typed from their classes by local name: `Person` → Person;
//!   `Organization`, `GovernmentOrganization`, `NewsMediaOrganization`, `NewsAgency`, `Court`,
//!   `PoliticalParty`, `Company`, `IntergovernmentalOrganization` → Organization;
//!   `ArmedGroup`, `SecurityForce` → Organization or Group; `Place`, `Country`, `City`,
//!   `AdministrativeArea` → Place; `Facility` → Facility; `LegalInstrument`,
//!   `LegalProvision`, `Legislation` → LegalInstrument; `PersonGroup` → Group.
//!   A node with none of these classes is still a prediction, and can only be spurious;
//! - nodes of kind `Event` that are named: linked by `owl:sameAs`, or minted outside the
//!   document (lexicon events such as "September 11 attacks") → Event.
//!
//! A prediction matches a gold entity when one of its names (label or `names`) equals the gold
//! name or an alias, and one of its types is the gold type.
//!
//! **Coreference.** The goal is one node per entity: of the gold entities found (matched in the
//! entity category), how many exactly one node stands for, and how many nodes join two gold
//! entities.
//! A node stands for a gold entity when it could match it: one of its names is a name of the
//! entity and one of its types is the entity's (the entity rule, without the one-to-one
//! matching).
//! A found entity that more than one node stands for is **split** ("Ahmed Mohamed" and a
//! second node "Mohamed"); a node that stands for two gold entities, with for each a name that
//! only that one has, is **merged** ("Hong Kong" named "Hong Kong Island" too); a node that
//! stands for two entities only by a name both have (two people listing the same surname)
//! is neither: the gold cannot tell them apart there.
//!
//! **Relations.** Predictions are the facts with evidence (edges and literal attributes; facts
//! from a lexicon have none; a second prediction that fits a gold fact already matched, such as
//! a second statement by the same speaker, is left out of the count), except `mentions`, `claims`, `claimedBy`, `includes`, `counts`,
//! `text`, `description`, `type`, `label`, `name`, `alternateName`, `sameAs`, and the numbers
//! of a quantity node (`value`, `minValue`, `maxValue`, `unitText`), which the quantity
//! category scores.
//! Predicates are compared by local name (after the last `#` or `/`), exactly.
//! A gold subject or object `event:Class` matches a node of kind `Event` that has a class with
//! that local name.
//! Any other gold string matches a node by name (as for entities), a quantity node by number
//! (its `value`, or its `minValue` or `maxValue` when it has no value), or a literal by its
//! lexical form: dates (`2017-04-13`, `2017-04`, `2017`) and durations (`P3D`) exactly, numbers
//! numerically (`1,100` = `1100`), text as names are compared (case, punctuation and spacing
//! ignored).
//!
//! **Dates.** Predictions are the date, year-month and year literals with evidence, counted
//! once per value and sentence: the ruling and the statement dated by the same "yesterday"
//! are one date expression, as in the gold.
//! The document's `schema:datePublished` counts too: it comes from the date line or the dateline,
//! which the gold lists like any other date expression.
//! A prediction matches a gold date with the same value (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`).
//!
//! **Quantities.** Predictions are the numbers of each quantity node, one prediction per
//! mention that gives them (the evidence of its `value`, `minValue` and `maxValue`), so a
//! node that merges "over 330" and "334" is the two quantities the gold lists.
//! A prediction matches a gold quantity when each of the gold's `value`, `min` and `max` that
//! is given equals the prediction's `value`, `minValue` and `maxValue`.

mod gold;
mod predict;
mod score;

use std::fmt;
use std::path::{Path, PathBuf};

pub use gold::{EntityType, Gold, GoldDate, GoldEntity, GoldQuantity, GoldRelation};
pub use score::Score;

use crate::graph::{FactObject, KnowledgeGraph, Literal, Node, NodeKind};
use predict::{
    describe_node, literal_number, local_name, node_names, normalize_name, parse_number,
    same_number, PredictedQuantity,
};

/// Evaluation failed: a file could not be read, a gold file is malformed, or an article is
/// not one newsgraph can read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    /// A gold file or article could not be read.
    #[error("failed to read {}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// A gold file is malformed; the message names the field.
    #[error("{}{message}", file_prefix(file.as_deref()))]
    Gold {
        /// The gold file, when known.
        file: Option<PathBuf>,
        /// What is wrong, naming the field, lowercase, no trailing period.
        message: String,
    },
    /// The article of a gold file is not an article newsgraph can read.
    #[error("failed to extract {}", path.display())]
    Extract {
        /// The article file.
        path: PathBuf,
        /// Why.
        #[source]
        source: crate::Error,
    },
}

impl EvalError {
    fn gold(message: impl fmt::Display) -> Self {
        EvalError::Gold { file: None, message: message.to_string() }
    }

    fn in_file(self, path: &Path) -> Self {
        match self {
            EvalError::Gold { file: None, message } => {
                EvalError::Gold { file: Some(path.to_owned()), message }
            }
            other => other,
        }
    }
}

fn file_prefix(file: Option<&Path>) -> String {
    file.map(|file| format!("{}: ", file.display())).unwrap_or_default()
}

/// The result of one category: counts, and what went wrong as readable lines.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Category {
    /// The counts.
    pub score: Score,
    /// Gold items no prediction matched, such as `Person "Dmitry Peskov" (aliases: Peskov)`.
    pub misses: Vec<String>,
    /// Predictions that match no gold item, such as `Place "Moscow" <iri>`.
    pub spurious: Vec<String>,
}

impl Category {
    /// Builds a category from the descriptions of gold items and predictions, and a matching
    /// from gold index to prediction index.
    fn from_matching(
        gold: Vec<String>,
        predicted: Vec<String>,
        matching: &[Option<usize>],
    ) -> Self {
        let mut matched = vec![false; predicted.len()];
        for prediction in matching.iter().flatten() {
            if let Some(flag) = matched.get_mut(*prediction) {
                *flag = true;
            }
        }
        let score = Score {
            true_positives: matching.iter().flatten().count(),
            predicted: predicted.len(),
            gold: gold.len(),
        };
        let misses = gold
            .into_iter()
            .zip(matching)
            .filter(|(_, prediction)| prediction.is_none())
            .map(|(line, _)| line)
            .collect();
        let spurious = predicted
            .into_iter()
            .zip(matched)
            .filter(|(_, matched)| !matched)
            .map(|(line, _)| line)
            .collect();
        Category { score, misses, spurious }
    }
}

/// How the gold entities found map onto graph nodes (rules in the [module docs](self)).
///
/// `Display` writes `one-node=0.96 (240/250 found) split=10 merged=3`: the share of found
/// entities that exactly one node stands for, its counts, the found entities split over
/// several nodes, and the nodes that merge gold entities.
///
/// ```
/// use newsgraph::eval::Coreference;
///
/// let coreference = Coreference { found: 4, one_node: 3, merged: 1, ..Coreference::default() };
/// assert_eq!(coreference.split(), 1);
/// assert_eq!(coreference.to_string(), "one-node=0.75 (3/4 found) split=1 merged=1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Coreference {
    /// Gold entities found (matched in the entity category).
    pub found: usize,
    /// Found gold entities that exactly one node stands for.
    pub one_node: usize,
    /// Nodes that stand for two or more gold entities.
    pub merged: usize,
    /// Each split gold entity and its nodes, such as
    /// `Person "Ahmed Mohamed": "Ahmed Mohamed" <iri>, "Mohamed" <iri>`.
    pub splits: Vec<String>,
    /// Each merging node and its gold entities, such as
    /// `"Hong Kong" <iri>: Place "Hong Kong", Place "Hong Kong Island"`.
    pub merges: Vec<String>,
}

impl Coreference {
    /// Found gold entities that several nodes stand for.
    #[must_use]
    pub fn split(&self) -> usize {
        self.found.saturating_sub(self.one_node)
    }

    /// `one_node / found`, or 1 when nothing was found.
    #[must_use]
    pub fn one_node_rate(&self) -> f64 {
        score::ratio(self.one_node, self.found)
    }
}

/// Writes `one-node=0.75 (3/4 found) split=1 merged=1`.
impl fmt::Display for Coreference {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            formatter,
            "one-node={:.2} ({}/{} found) split={} merged={}",
            self.one_node_rate(),
            self.one_node,
            self.found,
            self.split(),
            self.merged
        )
    }
}

/// Sums the counts; the lists of split entities and merging nodes are not carried over.
impl std::ops::AddAssign<&Coreference> for Coreference {
    fn add_assign(&mut self, other: &Coreference) {
        self.found += other.found;
        self.one_node += other.one_node;
        self.merged += other.merged;
    }
}

/// How a graph compares with a gold file, per category.
///
/// `Display` writes one line per category, `entities   P=0.93 R=0.88 F1=0.90 (14/15/16)`
/// (true positives / predicted / gold), then `coreference one-node=… split=… merged=…`
/// ([`Coreference`]); the alternate form `{:#}`, also available as [`Report::verbose`], adds
/// the misses (`-`) and spurious predictions (`+`) of each category, then the split entities
/// and merging nodes (`*`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    /// Entities and named events.
    pub entities: Category,
    /// Facts.
    pub relations: Category,
    /// Date expressions.
    pub dates: Category,
    /// Counts and amounts.
    pub quantities: Category,
    /// Split entities and merged nodes, among the entities found.
    pub coreference: Coreference,
}

impl Report {
    /// The categories with their names, in table order.
    #[must_use]
    pub fn categories(&self) -> [(&'static str, &Category); 4] {
        [
            ("entities", &self.entities),
            ("relations", &self.relations),
            ("dates", &self.dates),
            ("quantities", &self.quantities),
        ]
    }

    /// The report with misses and spurious predictions, for `{}` formatting.
    #[must_use]
    pub fn verbose(&self) -> VerboseReport<'_> {
        VerboseReport(self)
    }
}

/// A [`Report`] that displays its misses and spurious predictions too.
#[derive(Debug, Clone, Copy)]
pub struct VerboseReport<'a>(&'a Report);

impl fmt::Display for VerboseReport<'_> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{:#}", self.0)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (name, category) in self.categories() {
            writeln!(formatter, "{name:<11}{}", category.score)?;
        }
        writeln!(formatter, "coreference {}", self.coreference)?;
        if formatter.alternate() {
            for (name, category) in self.categories() {
                if !category.misses.is_empty() {
                    writeln!(formatter, "missed {name}:")?;
                    for line in &category.misses {
                        writeln!(formatter, "  - {line}")?;
                    }
                }
                if !category.spurious.is_empty() {
                    writeln!(formatter, "spurious {name}:")?;
                    for line in &category.spurious {
                        writeln!(formatter, "  + {line}")?;
                    }
                }
            }
            for (heading, lines) in [
                ("split entities", &self.coreference.splits),
                ("merged nodes", &self.coreference.merges),
            ] {
                if !lines.is_empty() {
                    writeln!(formatter, "{heading}:")?;
                    for line in lines {
                        writeln!(formatter, "  * {line}")?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// Sums the counts of several reports (a micro-average); the overall report lists no misses
/// or spurious predictions, since each article's report has them.
#[must_use]
pub fn overall(reports: &[Report]) -> Report {
    let mut total = Report::default();
    for report in reports {
        total.entities.score += report.entities.score;
        total.relations.score += report.relations.score;
        total.dates.score += report.dates.score;
        total.quantities.score += report.quantities.score;
        total.coreference += &report.coreference;
    }
    total
}

/// Reads a gold file, extracts its article and evaluates the graph.
///
/// # Errors
/// [`EvalError::Io`] if the gold file or article cannot be read, [`EvalError::Gold`] if the
/// gold file is malformed, [`EvalError::Extract`] if the article is not one newsgraph reads.
pub fn evaluate_file(gold_path: &Path) -> Result<Report, EvalError> {
    evaluate_file_with(gold_path, &crate::Options::default())
}

/// Like [`evaluate_file`], extracting with these options (such as a user's lexicons and rules).
///
/// # Errors
/// As [`evaluate_file`].
pub fn evaluate_file_with(gold_path: &Path, options: &crate::Options) -> Result<Report, EvalError> {
    let read = |path: &Path| {
        std::fs::read_to_string(path)
            .map_err(|source| EvalError::Io { path: path.to_owned(), source })
    };
    let gold = Gold::from_json(&read(gold_path)?).map_err(|error| error.in_file(gold_path))?;
    let folder = gold_path.parent().unwrap_or_else(|| Path::new("."));
    let article_path = folder.join(&gold.article);
    let text = read(&article_path)?;
    let graph = crate::extract_with(&text, options)
        .map_err(|source| EvalError::Extract { path: article_path.clone(), source })?;
    Ok(evaluate(&graph, &gold))
}

/// Evaluates each gold file in turn (see [`evaluate_file`]), stopping at the first error.
///
/// # Errors
/// The first error of [`evaluate_file`].
pub fn evaluate_files(gold_paths: &[PathBuf]) -> Result<Vec<(PathBuf, Report)>, EvalError> {
    evaluate_files_with(gold_paths, &crate::Options::default())
}

/// Like [`evaluate_files`], extracting with these options.
///
/// # Errors
/// The first error of [`evaluate_file_with`].
pub fn evaluate_files_with(
    gold_paths: &[PathBuf],
    options: &crate::Options,
) -> Result<Vec<(PathBuf, Report)>, EvalError> {
    gold_paths.iter().map(|path| Ok((path.clone(), evaluate_file_with(path, options)?))).collect()
}

/// Compares a graph with the gold annotations of its article (rules in the [module docs](self)).
#[must_use]
pub fn evaluate(graph: &KnowledgeGraph, gold: &Gold) -> Report {
    let resolver = NameResolver::new(gold);
    let (entities, coreference) = evaluate_entities(graph, gold);
    Report {
        entities,
        coreference,
        relations: evaluate_relations(graph, gold, &resolver),
        dates: evaluate_dates(graph, gold),
        quantities: evaluate_quantities(graph, gold),
    }
}

fn evaluate_entities(graph: &KnowledgeGraph, gold: &Gold) -> (Category, Coreference) {
    let predictions = predict::entities(graph);
    let gold_names: Vec<Vec<String>> = gold
        .entities
        .iter()
        .map(|entity| {
            std::iter::once(&entity.name)
                .chain(&entity.aliases)
                .map(|n| normalize_name(n))
                .collect()
        })
        .collect();
    let stands_for = |gold_index: usize, index: usize| {
        let (Some(entity), Some(names), Some(prediction)) =
            (gold.entities.get(gold_index), gold_names.get(gold_index), predictions.get(index))
        else {
            return false;
        };
        prediction.types.contains(&entity.kind)
            && names.iter().any(|name| prediction.names.contains(name))
    };
    let matching = max_matching(gold.entities.len(), predictions.len(), stands_for);
    let coreference = coreference(gold, &gold_names, &predictions, &matching, stands_for);
    let gold_lines = gold
        .entities
        .iter()
        .map(|entity| {
            let mut line = format!("{} {:?}", entity.kind.name(), entity.name);
            if !entity.aliases.is_empty() {
                line.push_str(&format!(" (aliases: {})", entity.aliases.join(", ")));
            }
            line
        })
        .collect();
    let predicted_lines = predictions
        .iter()
        .map(|prediction| {
            let types: Vec<&str> = prediction.types.iter().map(|kind| kind.name()).collect();
            let types = if types.is_empty() {
                format!("untyped[{}]", prediction.node.classes.join(" "))
            } else {
                types.join("|")
            };
            let mut line = format!("{types} {:?}", prediction.node.label);
            let others: Vec<&str> = prediction
                .node
                .names
                .iter()
                .filter(|name| **name != prediction.node.label)
                .map(String::as_str)
                .collect();
            if !others.is_empty() {
                line.push_str(&format!(" (names: {})", others.join(", ")));
            }
            line.push_str(&format!(" <{}>", prediction.node.iri));
            line
        })
        .collect();
    (Category::from_matching(gold_lines, predicted_lines, &matching), coreference)
}

/// Split entities and merged nodes (rules in the module docs): `stands_for(gold, prediction)`
/// is the entity rule, `matching` the entity category's pairs.
fn coreference(
    gold: &Gold,
    gold_names: &[Vec<String>],
    predictions: &[predict::PredictedEntity<'_>],
    matching: &[Option<usize>],
    stands_for: impl Fn(usize, usize) -> bool,
) -> Coreference {
    let node_line = |index: usize| {
        predictions.get(index).map_or_else(String::new, |prediction| {
            format!("{:?} <{}>", prediction.node.label, prediction.node.iri)
        })
    };
    let entity_line = |gold_index: usize| {
        gold.entities
            .get(gold_index)
            .map_or_else(String::new, |entity| format!("{} {:?}", entity.kind.name(), entity.name))
    };
    let mut result = Coreference::default();
    for (gold_index, prediction) in matching.iter().enumerate() {
        if prediction.is_none() {
            continue;
        }
        result.found += 1;
        let nodes: Vec<usize> =
            (0..predictions.len()).filter(|&index| stands_for(gold_index, index)).collect();
        if nodes.len() == 1 {
            result.one_node += 1;
        } else {
            let lines: Vec<String> = nodes.iter().map(|&index| node_line(index)).collect();
            result.splits.push(format!("{}: {}", entity_line(gold_index), lines.join(", ")));
        }
    }
    for (index, prediction) in predictions.iter().enumerate() {
        let entities: Vec<usize> =
            (0..gold.entities.len()).filter(|&gold_index| stands_for(gold_index, index)).collect();
        // A name of this entity, on the node, that the other entity does not have.
        let own_name = |gold_index: usize, other: usize| {
            gold_names.get(gold_index).is_some_and(|names| {
                names.iter().any(|name| {
                    prediction.names.contains(name)
                        && !gold_names.get(other).is_some_and(|others| others.contains(name))
                })
            })
        };
        let merges = entities.iter().enumerate().any(|(position, &first)| {
            entities
                .iter()
                .skip(position + 1)
                .any(|&second| own_name(first, second) && own_name(second, first))
        });
        if merges {
            result.merged += 1;
            let lines: Vec<String> =
                entities.iter().map(|&gold_index| entity_line(gold_index)).collect();
            result.merges.push(format!("{}: {}", node_line(index), lines.join(", ")));
        }
    }
    result
}

/// A subject or object of a gold relation.
enum Term<'a> {
    /// `event:Class`.
    EventClass(&'a str),
    /// An entity name or a literal: the string as written, and the normalised names it stands
    /// for (itself, and every name of a gold entity that has it as name or alias).
    Name(&'a str, Vec<String>),
}

/// Turns gold strings into [`Term`]s, knowing the gold entities' aliases.
struct NameResolver {
    /// The normalised names of each gold entity.
    entities: Vec<Vec<String>>,
}

impl NameResolver {
    fn new(gold: &Gold) -> Self {
        let entities = gold
            .entities
            .iter()
            .map(|entity| {
                std::iter::once(&entity.name)
                    .chain(&entity.aliases)
                    .map(|name| normalize_name(name))
                    .collect()
            })
            .collect();
        NameResolver { entities }
    }

    fn term<'a>(&self, text: &'a str) -> Term<'a> {
        if let Some(class) = text.trim().strip_prefix("event:") {
            return Term::EventClass(class.trim());
        }
        let own = normalize_name(text);
        let mut names = vec![own.clone()];
        for entity in self.entities.iter().filter(|names| names.contains(&own)) {
            for name in entity {
                if !names.contains(name) {
                    names.push(name.clone());
                }
            }
        }
        Term::Name(text, names)
    }
}

impl Term<'_> {
    fn matches_node(&self, node: &Node) -> bool {
        match self {
            Term::EventClass(class) => {
                node.kind == NodeKind::Event
                    && node.classes.iter().any(|own| local_name(own) == *class)
            }
            Term::Name(text, names) => {
                if node.kind == NodeKind::Quantity && quantity_has_number(node, text) {
                    return true;
                }
                let own = node_names(node);
                names.iter().any(|name| own.contains(name))
            }
        }
    }

    fn matches_literal(&self, literal: &Literal) -> bool {
        let Term::Name(text, _) = self else { return false };
        match literal {
            Literal::Text(own) => normalize_name(own) == normalize_name(text),
            Literal::Integer(_) | Literal::Decimal(_) => literal_number(literal)
                .zip(parse_number(text))
                .is_some_and(|(own, wanted)| same_number(own, wanted)),
            _ => FactObject::Literal(literal).to_string() == text.trim(),
        }
    }

    fn matches_object(&self, object: &FactObject<'_>) -> bool {
        match object {
            FactObject::Node(node) => self.matches_node(node),
            FactObject::Literal(literal) => self.matches_literal(literal),
        }
    }
}

/// Whether a quantity node's value (or bound, when it has no value) is the number `text`.
fn quantity_has_number(node: &Node, text: &str) -> bool {
    let Some(wanted) = parse_number(text) else { return false };
    let number = |local: &str| {
        node.attributes
            .iter()
            .filter(|attribute| local_name(&attribute.predicate) == local)
            .find_map(|attribute| literal_number(&attribute.value))
    };
    match number("value") {
        Some(value) => same_number(value, wanted),
        None => ["minValue", "maxValue"]
            .iter()
            .filter_map(|local| number(local))
            .any(|bound| same_number(bound, wanted)),
    }
}

fn evaluate_relations(graph: &KnowledgeGraph, gold: &Gold, resolver: &NameResolver) -> Category {
    let predictions = predict::relations(graph);
    let terms: Vec<(Term<'_>, Term<'_>)> = gold
        .relations
        .iter()
        .map(|relation| (resolver.term(&relation.subject), resolver.term(&relation.object)))
        .collect();
    let fits = |gold_index: usize, index: usize| {
        let (Some(relation), Some((subject, object)), Some(fact)) =
            (gold.relations.get(gold_index), terms.get(gold_index), predictions.get(index))
        else {
            return false;
        };
        fact.predicate_name() == relation.predicate.trim()
            && subject.matches_node(fact.subject)
            && object.matches_object(&fact.object)
    };
    let matching = max_matching(gold.relations.len(), predictions.len(), fits);
    // `event:Statement — speaker — X` cannot tell two statements by X apart, so a second
    // prediction that fits a gold fact already matched is neither right nor wrong: it is left
    // out of the count rather than called spurious.
    let matched: Vec<bool> =
        (0..predictions.len()).map(|index| matching.contains(&Some(index))).collect();
    let redundant: Vec<bool> = (0..predictions.len())
        .map(|index| {
            !matched[index]
                && (0..gold.relations.len())
                    .any(|gold_index| matching[gold_index].is_some() && fits(gold_index, index))
        })
        .collect();
    let kept: Vec<usize> = (0..predictions.len()).filter(|&index| !redundant[index]).collect();
    let matching: Vec<Option<usize>> = matching
        .iter()
        .map(|prediction| {
            prediction.and_then(|index| kept.iter().position(|&kept_index| kept_index == index))
        })
        .collect();
    let predictions: Vec<_> = kept.iter().filter_map(|&index| predictions.get(index)).collect();
    let gold_lines = gold
        .relations
        .iter()
        .map(|relation| {
            format!("{} — {} — {}", relation.subject, relation.predicate, relation.object)
        })
        .collect();
    let predicted_lines = predictions
        .iter()
        .map(|fact| {
            let object = match fact.object {
                FactObject::Node(node) => describe_node(node),
                FactObject::Literal(_) => fact.object.to_string(),
            };
            format!("{} — {} — {}", describe_node(fact.subject), fact.predicate_name(), object)
        })
        .collect();
    Category::from_matching(gold_lines, predicted_lines, &matching)
}

fn evaluate_dates(graph: &KnowledgeGraph, gold: &Gold) -> Category {
    let predictions = predict::dates(graph);
    let matching = max_matching(gold.dates.len(), predictions.len(), |gold_index, index| {
        gold.dates
            .get(gold_index)
            .zip(predictions.get(index))
            .is_some_and(|(date, prediction)| date.value.trim() == prediction.value)
    });
    let gold_lines =
        gold.dates.iter().map(|date| format!("{} ({:?})", date.value, date.text)).collect();
    let predicted_lines = predictions
        .iter()
        .map(|prediction| format!("{}: {}", prediction.value, prediction.context))
        .collect();
    Category::from_matching(gold_lines, predicted_lines, &matching)
}

fn evaluate_quantities(graph: &KnowledgeGraph, gold: &Gold) -> Category {
    let predictions = predict::quantities(graph);
    let matching = max_matching(gold.quantities.len(), predictions.len(), |gold_index, index| {
        let (Some(quantity), Some(prediction)) =
            (gold.quantities.get(gold_index), predictions.get(index))
        else {
            return false;
        };
        let agrees = |wanted: Option<f64>, own: Option<f64>| {
            wanted.is_none_or(|wanted| own.is_some_and(|own| same_number(own, wanted)))
        };
        agrees(quantity.value, prediction.value)
            && agrees(quantity.min, prediction.min)
            && agrees(quantity.max, prediction.max)
    });
    let gold_lines = gold
        .quantities
        .iter()
        .map(|quantity| {
            let numbers = PredictedQuantity {
                value: quantity.value,
                min: quantity.min,
                max: quantity.max,
                text: quantity.text.clone(),
            };
            describe_quantity(&numbers)
        })
        .collect();
    let predicted_lines = predictions.iter().map(describe_quantity).collect();
    Category::from_matching(gold_lines, predicted_lines, &matching)
}

/// `value=1100 min=1000 ("about 1,100 people")`.
fn describe_quantity(quantity: &PredictedQuantity) -> String {
    let mut parts: Vec<String> =
        [("value", quantity.value), ("min", quantity.min), ("max", quantity.max)]
            .iter()
            .filter_map(|(name, number)| number.map(|number| format!("{name}={number}")))
            .collect();
    parts.push(format!("({:?})", quantity.text));
    parts.join(" ")
}

/// A maximum bipartite matching (Kuhn's augmenting paths): for each gold item, the index of the
/// prediction it is paired with.
///
/// Gold items are tried in order and each tries predictions in order, so the result is
/// deterministic.
///
/// # Complexity
/// O(gold × predictions²) compatibility checks at worst; articles have at most a few hundred
/// items.
fn max_matching(
    n_gold: usize,
    n_predicted: usize,
    compatible: impl Fn(usize, usize) -> bool,
) -> Vec<Option<usize>> {
    let candidates: Vec<Vec<usize>> = (0..n_gold)
        .map(|gold| (0..n_predicted).filter(|&predicted| compatible(gold, predicted)).collect())
        .collect();
    let mut owner: Vec<Option<usize>> = vec![None; n_predicted];
    for gold in 0..n_gold {
        let mut visited = vec![false; n_predicted];
        augment(gold, &candidates, &mut owner, &mut visited);
    }
    let mut matching = vec![None; n_gold];
    for (predicted, gold) in owner.iter().enumerate() {
        if let Some(slot) = gold.and_then(|gold| matching.get_mut(gold)) {
            *slot = Some(predicted);
        }
    }
    matching
}

/// Tries to pair `gold` with a free prediction, moving earlier pairs along if need be.
fn augment(
    gold: usize,
    candidates: &[Vec<usize>],
    owner: &mut [Option<usize>],
    visited: &mut [bool],
) -> bool {
    let Some(options) = candidates.get(gold) else { return false };
    for &predicted in options {
        match visited.get_mut(predicted) {
            Some(seen) if !*seen => *seen = true,
            _ => continue,
        }
        let current = owner.get(predicted).copied().flatten();
        let free = match current {
            None => true,
            Some(other) => augment(other, candidates, owner, visited),
        };
        if free {
            if let Some(slot) = owner.get_mut(predicted) {
                *slot = Some(gold);
            }
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::{evaluate, max_matching, overall, Coreference, Gold};
    use crate::graph::{Document, KnowledgeGraph, Node, NodeKind};
    use crate::vocab::schema;

    const DOC: &str = "https://example.org/doc/1";

    /// An entity node: label, more names, schema.org class.
    type TestNode<'a> = (&'a str, &'a [&'a str], &'a str);

    /// A case: what it shows, gold entities, graph nodes, (found, one node, merged).
    type Case<'a> = (&'a str, &'a str, &'a [TestNode<'a>], (usize, usize, usize));

    /// A graph whose document mentions one entity node per `(label, more names, schema class)`.
    fn graph(nodes: &[TestNode<'_>]) -> KnowledgeGraph {
        let document = Document { iri: DOC.to_owned(), ..Document::default() };
        let mut graph = KnowledgeGraph::new(document);
        let doc = graph.add_node(Node::new(DOC, NodeKind::Document, "article"));
        for (number, (label, names, class)) in nodes.iter().enumerate() {
            let node =
                Node::new(format!("https://example.org/id/{number}"), NodeKind::Entity, *label)
                    .with_class(format!("https://schema.org/{class}"));
            let node = graph.add_node(node);
            for name in *names {
                graph.add_name(node, name);
            }
            graph.add_edge(doc, schema::MENTIONS, node, None);
        }
        graph
    }

    /// A gold file with these entities, as JSON objects separated by commas.
    fn gold(entities: &str) -> Gold {
        let json = format!(
            r#"{{"article": "a.txt", "entities": [{entities}], "relations": [], "dates": [], "quantities": []}}"#
        );
        match Gold::from_json(&json) {
            Ok(gold) => gold,
            Err(error) => panic!("bad test gold: {error}"),
        }
    }

    const AHMED: &str = r#"{"name": "Ahmed Mohamed", "type": "Person", "aliases": ["Mohamed"]}"#;

    #[test]
    fn coreference_counts() {
        let hong_kong = r#"{"name": "Hong Kong", "type": "Place"},
                           {"name": "Hong Kong Island", "type": "Place"}"#;
        let chans = r#"{"name": "Ben Chan", "type": "Person", "aliases": ["Chan"]},
                       {"name": "Gary Chan", "type": "Person", "aliases": ["Chan"]}"#;
        let cases: [Case<'_>; 8] = [
            ("one node", AHMED, &[("Ahmed Mohamed", &["Mohamed"], "Person")], (1, 1, 0)),
            (
                "split: a second node has the surname",
                AHMED,
                &[("Ahmed Mohamed", &[], "Person"), ("Mohamed", &[], "Person")],
                (1, 0, 0),
            ),
            (
                "a node of another type is no part of the person",
                AHMED,
                &[("Ahmed Mohamed", &[], "Person"), ("Mohamed", &[], "City")],
                (1, 1, 0),
            ),
            (
                "merged: one node has a name of each",
                hong_kong,
                &[("Hong Kong", &["Hong Kong Island"], "City")],
                (1, 1, 1),
            ),
            (
                "two nodes, each one entity",
                hong_kong,
                &[("Hong Kong", &[], "City"), ("Hong Kong Island", &[], "Place")],
                (2, 2, 0),
            ),
            (
                "a name two entities have merges nothing",
                chans,
                &[("Ben Chan", &["Chan"], "Person"), ("Gary Chan", &[], "Person")],
                (2, 1, 0),
            ),
            (
                "merged and split at once",
                chans,
                &[("Ben Chan", &["Gary Chan"], "Person"), ("Gary Chan", &[], "Person")],
                (2, 1, 1),
            ),
            (
                "an entity not found counts for nothing",
                AHMED,
                &[("Mohamed", &[], "City")],
                (0, 0, 0),
            ),
        ];
        for (case, entities, nodes, (found, one_node, merged)) in cases {
            let report = evaluate(&graph(nodes), &gold(entities));
            let counts = &report.coreference;
            assert_eq!(
                (counts.found, counts.one_node, counts.merged),
                (found, one_node, merged),
                "{case}\n{}",
                report.verbose()
            );
            assert_eq!(counts.splits.len(), counts.split(), "{case}");
            assert_eq!(counts.merges.len(), merged, "{case}");
        }
    }

    #[test]
    fn coreference_lines() {
        let report = evaluate(
            &graph(&[("Ahmed Mohamed", &[], "Person"), ("Mohamed", &[], "Person")]),
            &gold(AHMED),
        );
        let table = report.to_string();
        assert!(
            table.ends_with("coreference one-node=0.00 (0/1 found) split=1 merged=0\n"),
            "{table}"
        );
        let verbose = report.verbose().to_string();
        let split = "split entities:\n  * Person \"Ahmed Mohamed\": \"Ahmed Mohamed\" \
                     <https://example.org/id/0>, \"Mohamed\" <https://example.org/id/1>\n";
        assert!(verbose.contains(split), "{verbose}");

        let merged = evaluate(
            &graph(&[("Ben Chan", &["Gary Chan"], "Person")]),
            &gold(
                r#"{"name": "Ben Chan", "type": "Person"}, {"name": "Gary Chan", "type": "Person"}"#,
            ),
        );
        let verbose = merged.verbose().to_string();
        let line = "merged nodes:\n  * \"Ben Chan\" <https://example.org/id/0>: \
                    Person \"Ben Chan\", Person \"Gary Chan\"\n";
        assert!(verbose.contains(line), "{verbose}");

        let total = overall(&[report, merged]);
        assert_eq!(
            total.coreference,
            Coreference { found: 2, one_node: 1, merged: 1, ..Coreference::default() }
        );
        assert_eq!(total.coreference.to_string(), "one-node=0.50 (1/2 found) split=1 merged=1");
        assert_eq!(
            Coreference::default().to_string(),
            "one-node=1.00 (0/0 found) split=0 merged=0"
        );
    }

    #[test]
    fn matching_is_maximum() {
        // Greedy would pair gold 0 with prediction 0 and leave gold 1 unmatched.
        let edges = [(0, 0), (0, 1), (1, 0)];
        let matching = max_matching(2, 2, |gold, predicted| edges.contains(&(gold, predicted)));
        assert_eq!(matching, vec![Some(1), Some(0)]);
        let matching = max_matching(3, 1, |_, _| true);
        assert_eq!(matching, vec![Some(0), None, None]);
        assert_eq!(max_matching(0, 3, |_, _| true), Vec::<Option<usize>>::new());
    }
}
