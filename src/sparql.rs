//! [SPARQL 1.1](https://www.w3.org/TR/sparql11-query/) queries over the graphs of articles, in
//! process.
//!
//! [`query`] loads the [RDF datasets](crate::rdf::to_dataset) of the given graphs into one
//! in-memory [`oxrdf::Dataset`] and evaluates the query with
//! [`spareval`](https://docs.rs/spareval). `SELECT`, `ASK`, `CONSTRUCT` and `DESCRIBE` work;
//! [`QueryOutput::write`] prints the result as a table, as
//! [SPARQL JSON](https://www.w3.org/TR/sparql11-results-json/),
//! [CSV or TSV](https://www.w3.org/TR/sparql11-results-csv-tsv/), or (for graphs) as Turtle or
//! N-Triples.
//!
//! # The dataset a query sees
//!
//! * The **default graph** is the union of every quad of every article: its complete graph
//!   (facts, labels, provenance) plus the triples of its per-sentence named graphs, which are a
//!   subset of it. Each triple appears once however many articles or sentences state it.
//! * The **named graphs** are the sentence graphs `{doc}#s{n}` of each article, so
//!   `GRAPH ?sentence { ?s ng:against ?o }` finds the sentences that state a fact.
//! * A query with its own `FROM` / `FROM NAMED` clauses gets exactly the graphs it names.
//!
//! # Design rationale
//!
//! `spareval` + `spargebra` evaluate straight over an [`oxrdf::Dataset`], the type
//! [`to_dataset`](crate::rdf::to_dataset) already builds, so there is no copy into a store, and
//! they are the same crates oxigraph's `Store` uses inside, at about half its build time (no
//! storage layer). The union default graph is materialised rather than asked of `spareval`,
//! whose union mode would return a triple once per graph that holds it.
//!
//! ```
//! use newsgraph::sparql::{query, QueryOutput};
//!
//! let graph = newsgraph::extract(
//!     "STRASBOURG (France) • The European Court of Human Rights ruled against Russia.\n",
//! )?;
//! let output = query(
//!     &[graph],
//!     "PREFIX ng: <https://w3id.org/newsgraph/ontology#>
//!      SELECT ?against WHERE { ?ruling ng:against ?against }",
//! )?;
//! let QueryOutput::Solutions { solutions, .. } = &output else { panic!("not a SELECT") };
//! assert_eq!(solutions[0]["against"].to_string(), "<https://w3id.org/newsgraph/id/russia>");
//! # Ok::<_, Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::io::{self, Write};

use oxrdf::{Dataset, GraphName, Quad, Term, TermRef, Triple, Variable};
use oxrdfio::{RdfFormat, RdfSerializer};
use sparesults::{QueryResultsFormat, QueryResultsSerializer, QuerySolution};
use spareval::{QueryEvaluator, QueryResults};
use spargebra::SparqlParser;

#[cfg(test)]
use crate::vocab::ng;
use crate::vocab::xsd;
use crate::KnowledgeGraph;

/// The prefixes every query may use without declaring them, and that tables and Turtle output
/// use to shorten IRIs. Each article adds `doc:` (or `doc1:`, `doc2:`, …) and `id:`.
pub const PREFIXES: &[(&str, &str)] = crate::vocab::PREFIXES;

/// The result of a query, read to the end.
#[derive(Debug, PartialEq)]
#[non_exhaustive]
pub enum QueryOutput {
    /// The solutions of a `SELECT` query, in the order the query gives them.
    Solutions {
        /// The projected variables, in the order of the `SELECT` clause.
        variables: Vec<Variable>,
        /// One solution per row; a variable may be unbound in a row.
        solutions: Vec<QuerySolution>,
    },
    /// The answer of an `ASK` query.
    Boolean(bool),
    /// The triples of a `CONSTRUCT` or `DESCRIBE` query, without duplicates.
    Graph(Vec<Triple>),
}

/// How [`QueryOutput::write`] prints a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ResultsFormat {
    /// Aligned columns with IRIs shortened by prefixes; a graph is written as Turtle.
    Table,
    /// [SPARQL 1.1 Query Results JSON](https://www.w3.org/TR/sparql11-results-json/).
    Json,
    /// [SPARQL 1.1 Query Results CSV](https://www.w3.org/TR/sparql11-results-csv-tsv/).
    Csv,
    /// [SPARQL 1.1 Query Results TSV](https://www.w3.org/TR/sparql11-results-csv-tsv/).
    Tsv,
    /// [Turtle](https://www.w3.org/TR/turtle/), for graph results.
    Turtle,
    /// [N-Triples](https://www.w3.org/TR/n-triples/), for graph results.
    NTriples,
    /// [Graphviz DOT](https://graphviz.org/doc/info/lang.html), for graph results: draws a
    /// `CONSTRUCT` or `DESCRIBE` result (see
    /// [`WriterDotSerializer::serialize_triples`](crate::export::WriterDotSerializer::serialize_triples)).
    Dot,
}

impl ResultsFormat {
    /// The name used on the command line, such as `table`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Table => "table",
            Self::Json => "json",
            Self::Csv => "csv",
            Self::Tsv => "tsv",
            Self::Turtle => "turtle",
            Self::NTriples => "ntriples",
            Self::Dot => "dot",
        }
    }
}

impl fmt::Display for ResultsFormat {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.name())
    }
}

/// A query that could not be parsed or evaluated, or a result that could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SparqlError {
    /// The query is not valid SPARQL 1.1; the message gives the line and column.
    #[error("invalid SPARQL query: {0}")]
    Syntax(String),
    /// The query is valid but its evaluation failed.
    #[error("SPARQL query evaluation failed: {0}")]
    Evaluation(String),
    /// The result cannot be written in the requested format (such as a graph as CSV).
    #[error("{0}")]
    UnsupportedFormat(String),
    /// Writing the result (or reading data) failed.
    #[error(transparent)]
    Io(#[from] io::Error),
    /// Data to query is not valid N-Quads or TriG; the message gives the line and column.
    #[error("{0}")]
    Data(String),
}

/// Runs a SPARQL 1.1 query over the graphs of some articles and reads the whole result.
///
/// The prefixes of [`PREFIXES`] and the `id:` prefix are predeclared. See the
/// [module documentation](self) for the dataset the query sees.
///
/// ```
/// let graph = newsgraph::extract("STRASBOURG (France) • The court ruled yesterday.\n")?;
/// let output = newsgraph::sparql::query(&[graph], "ASK { ?article a schema:NewsArticle }")?;
/// assert_eq!(output, newsgraph::sparql::QueryOutput::Boolean(true));
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`SparqlError::Syntax`] when the query does not parse (the message says where), and
/// [`SparqlError::Evaluation`] when evaluation fails (for example a `SERVICE` call, which is
/// not supported).
///
/// NB: results come in a deterministic order, the same on every run: a `SELECT` without
/// `ORDER BY` is ordered by its projected variables (and one with `ORDER BY` breaks ties by
/// them), before any `LIMIT`/`OFFSET`; the triples of a `CONSTRUCT` or `DESCRIBE` are sorted.
///
/// A query nested deeper than [`MAX_QUERY_DEPTH`] (brackets, or a run of unary operators) is
/// refused before parsing; parsing and evaluation run on a thread with a large stack, so no
/// query can overflow the caller's.
pub fn query(graphs: &[KnowledgeGraph], query: &str) -> Result<QueryOutput, SparqlError> {
    let mut dataset = QueryDataset::new();
    for graph in graphs {
        dataset.add_graph(graph);
    }
    dataset.query(query)
}

/// How many documents get a `doc1:`, `doc2:`, … prefix at most; past that, none does (a
/// corpus of thousands of articles would make thousands of prefixes).
const MAX_DOCUMENT_PREFIXES: usize = 100;

/// The dataset a query runs over: the graphs of articles, quads read from
/// [N-Quads](https://www.w3.org/TR/n-quads/) or [TriG](https://www.w3.org/TR/trig/) (such as
/// the stream `newsgraph extract` writes for a corpus), or both.
///
/// NB: every quad is also in the default graph, which is so the union of everything (each
/// triple once). The named graphs are the sentence graphs of each article; quads read from a
/// file keep their graph names too, so a corpus stream also has one named graph per article
/// (its document IRI) holding its complete graph.
///
/// ```
/// use newsgraph::sparql::{QueryDataset, QueryOutput};
/// let nquads = "<https://w3id.org/newsgraph/doc/1> <https://schema.org/headline> \"Rain\" <https://w3id.org/newsgraph/doc/1> .\n";
/// let mut dataset = QueryDataset::new();
/// dataset.add_quads(nquads.as_bytes(), oxrdfio::RdfFormat::NQuads)?;
/// let output = dataset.query("SELECT ?g WHERE { GRAPH ?g { ?s schema:headline \"Rain\" } }")?;
/// let QueryOutput::Solutions { solutions, .. } = &output else { panic!("not a SELECT") };
/// assert_eq!(solutions[0]["g"].to_string(), "<https://w3id.org/newsgraph/doc/1>");
/// assert_eq!(dataset.query("ASK { ?s schema:headline \"Rain\" }")?, QueryOutput::Boolean(true));
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct QueryDataset {
    dataset: Dataset,
    /// Document IRIs, in the order they were added, each once.
    documents: Vec<String>,
}

impl QueryDataset {
    /// An empty dataset.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the dataset of an article's graph: its quads, and every one of them in the
    /// default graph.
    pub fn add_graph(&mut self, graph: &KnowledgeGraph) {
        self.add_document(&graph.document().iri);
        for quad in graph.to_dataset().iter() {
            self.add_quad(quad.into_owned());
        }
    }

    /// Adds quads in N-Quads, TriG (or N-Triples, Turtle) read from `reader`: each in its
    /// graph, and in the default graph. A named graph whose IRI has no fragment is taken for
    /// a document (the graph of one article in a corpus stream). Returns the number of quads
    /// read.
    ///
    /// # Errors
    /// [`SparqlError::Data`] with the line and column of the first syntax error, or the
    /// error of the reader.
    pub fn add_quads(
        &mut self,
        reader: impl io::Read,
        format: RdfFormat,
    ) -> Result<usize, SparqlError> {
        let mut count = 0;
        for quad in oxrdfio::RdfParser::from_format(format).for_reader(reader) {
            let quad = quad.map_err(|error| match error {
                oxrdfio::RdfParseError::Io(error) => SparqlError::Io(error),
                oxrdfio::RdfParseError::Syntax(error) => {
                    // "Parser error at line 3 column 14: message": keep the message.
                    let text = error.to_string();
                    let message =
                        text.split_once(": ").map_or(text.as_str(), |(_, message)| message);
                    SparqlError::Data(match error.location() {
                        Some(location) => format!(
                            "line {}, column {}: {message}",
                            location.start.line + 1,
                            location.start.column + 1
                        ),
                        None => message.to_owned(),
                    })
                }
            })?;
            if let GraphName::NamedNode(graph) = &quad.graph_name
                && !graph.as_str().contains('#')
            {
                let graph = graph.as_str().to_owned();
                self.add_document(&graph);
            }
            self.add_quad(quad);
            count += 1;
        }
        Ok(count)
    }

    fn add_document(&mut self, iri: &str) {
        // Quads of one document come together: checking the last one first is the fast path.
        if self.documents.last().is_none_or(|last| last != iri)
            && !self.documents.iter().any(|known| known == iri)
        {
            self.documents.push(iri.to_owned());
        }
    }

    fn add_quad(&mut self, quad: Quad) {
        if !quad.graph_name.is_default_graph() {
            self.dataset.insert(&quad);
        }
        self.dataset.insert(&Quad::new(
            quad.subject,
            quad.predicate,
            quad.object,
            GraphName::DefaultGraph,
        ));
    }

    /// The number of distinct triples of the default graph.
    #[must_use]
    pub fn len(&self) -> usize {
        self.dataset.iter().filter(|quad| quad.graph_name.is_default_graph()).count()
    }

    /// Whether the dataset has no quad.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.dataset.is_empty()
    }

    /// Runs a query; see [`query`].
    ///
    /// # Errors
    /// As [`query`].
    pub fn query(&self, query: &str) -> Result<QueryOutput, SparqlError> {
        run_query(&self.dataset, &self.prefixes(), query)
    }

    /// The predeclared prefixes: the standard ones, `id:` of the first document, and `doc:`
    /// (`doc1:`, `doc2:`, … with several documents, none with more than 100).
    #[must_use]
    pub fn prefixes(&self) -> Vec<(String, String)> {
        document_prefixes(self.documents.iter().map(String::as_str))
    }
}

/// Runs a query over a dataset: refused when nested deeper than [`MAX_QUERY_DEPTH`], then
/// parsed and evaluated on a thread with a large stack, so no query overflows the caller's.
fn run_query(
    dataset: &Dataset,
    prefixes: &[(String, String)],
    query: &str,
) -> Result<QueryOutput, SparqlError> {
    check_depth(query)?;
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("sparql".into())
            .stack_size(QUERY_STACK_SIZE)
            .spawn_scoped(scope, || run_query_on_this_thread(dataset, prefixes, query))
            .map_err(|error| {
                SparqlError::Evaluation(format!("cannot start the query thread: {error}"))
            })?
            .join()
            .map_err(|_| SparqlError::Evaluation("the query failed unexpectedly".into()))?
    })
}

/// How deep a query may nest: brackets (`(`, `{`, `[`) and runs of unary operators (`!`, `^`,
/// `-`, `+`) together. Hand-written queries nest a few levels; the parser and the evaluator
/// recurse once per level.
pub const MAX_QUERY_DEPTH: usize = 256;

/// The stack of the thread that parses and evaluates a query: enough for [`MAX_QUERY_DEPTH`]
/// many times over (a level takes a few kilobytes); only what is used is committed.
const QUERY_STACK_SIZE: usize = 256 << 20;

/// Refuses a query nested deeper than [`MAX_QUERY_DEPTH`], with its line and column.
///
/// Strings, IRIs and comments are skipped; the count is an upper bound of the parser's
/// recursion (a `-` between two operands counts too), which is what a bound needs.
fn check_depth(query: &str) -> Result<(), SparqlError> {
    let too_deep = |offset: usize| {
        let before = query.get(..offset).unwrap_or(query);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |last| last.chars().count()) + 1;
        Err(SparqlError::Syntax(format!(
            "line {line}, column {column}: the query is nested more than {MAX_QUERY_DEPTH} levels deep"
        )))
    };
    let bytes = query.as_bytes();
    let mut depth = 0usize;
    let mut unary_run = 0usize;
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        match byte {
            b'(' | b'{' | b'[' => {
                depth += 1;
                unary_run = 0;
            }
            b')' | b'}' | b']' => {
                depth = depth.saturating_sub(1);
                unary_run = 0;
            }
            b'!' | b'^' | b'-' | b'+' => unary_run += 1,
            b'#' => {
                // A comment runs to the end of the line.
                while bytes.get(index).is_some_and(|&b| b != b'\n') {
                    index += 1;
                }
            }
            b'<' => {
                // An IRI (`<` followed by IRI characters up to `>`) is skipped; otherwise the
                // `<` is "less than".
                let iri_length = bytes.get(index + 1..).and_then(|rest| {
                    rest.iter()
                        .position(|&b| b <= b' ' || b"<\"{}|^`\\>".contains(&b))
                        .filter(|&end| rest.get(end) == Some(&b'>'))
                });
                if let Some(length) = iri_length {
                    index += length + 1;
                }
                unary_run = 0;
            }
            b'"' | b'\'' => {
                // A string: skip to its closing quote, or three of them for a long string.
                let long = bytes.get(index..index + 3) == Some(&[byte; 3][..]);
                index += if long { 3 } else { 1 };
                while let Some(&inner) = bytes.get(index) {
                    if inner == byte
                        && (!long || bytes.get(index..index + 3) == Some(&[byte; 3][..]))
                    {
                        if long {
                            index += 2;
                        }
                        break;
                    }
                    if inner == b'\\' {
                        index += 1;
                    }
                    index += 1;
                }
                unary_run = 0;
            }
            byte if byte.is_ascii_whitespace() => {}
            _ => unary_run = 0,
        }
        if depth + unary_run > MAX_QUERY_DEPTH {
            return too_deep(index);
        }
        index += 1;
    }
    Ok(())
}

/// [`run_query`], on the calling thread.
fn run_query_on_this_thread(
    dataset: &Dataset,
    prefixes: &[(String, String)],
    query: &str,
) -> Result<QueryOutput, SparqlError> {
    let mut parser = SparqlParser::new();
    for (name, iri) in prefixes {
        parser = parser
            .with_prefix(name.as_str(), iri)
            .map_err(|error| SparqlError::Syntax(format!("bad prefix {name}: {error}")))?;
    }
    let mut parsed = parser
        .parse_query(query)
        .map_err(|error| SparqlError::Syntax(syntax_message(&error.to_string())))?;
    if let spargebra::Query::Select { pattern, .. } = &mut parsed {
        order_by_projection(pattern);
    }
    let evaluator = QueryEvaluator::new();
    let results = evaluator
        .prepare(&parsed)
        .execute(dataset)
        .map_err(|error| SparqlError::Evaluation(error.to_string()))?;
    let evaluation =
        |error: spareval::QueryEvaluationError| SparqlError::Evaluation(error.to_string());
    Ok(match results {
        QueryResults::Boolean(value) => QueryOutput::Boolean(value),
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            let solutions = solutions.collect::<Result<Vec<_>, _>>().map_err(evaluation)?;
            QueryOutput::Solutions { variables, solutions }
        }
        QueryResults::Graph(triples) => {
            let mut seen = std::collections::HashSet::new();
            let mut unique = Vec::new();
            for triple in triples {
                let triple = triple.map_err(evaluation)?;
                if seen.insert(triple.clone()) {
                    unique.push(triple);
                }
            }
            // A graph is a set: sorted, so that it prints the same on every run.
            unique.sort_by_cached_key(ToString::to_string);
            QueryOutput::Graph(unique)
        }
    })
}

/// Makes the order of a `SELECT` query's solutions deterministic: orders them by the
/// projected variables, after the query's own `ORDER BY` keys if it has some.
///
/// The evaluator joins with hash tables, so without this the solutions of a query without
/// `ORDER BY` (and the ties of one with it) came in an order that changed from run to run.
/// The order goes below the projection, so `LIMIT` and `OFFSET` pick the same rows every time.
fn order_by_projection(pattern: &mut spargebra::algebra::GraphPattern) {
    use spargebra::algebra::{Expression, GraphPattern, OrderExpression};
    match pattern {
        GraphPattern::Slice { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner } => order_by_projection(inner),
        GraphPattern::Project { inner, variables } => {
            let tie_breakers = variables
                .iter()
                .map(|variable| OrderExpression::Asc(Expression::Variable(variable.clone())));
            if let GraphPattern::OrderBy { expression, .. } = inner.as_mut() {
                expression.extend(tie_breakers);
            } else {
                let expression: Vec<OrderExpression> = tie_breakers.collect();
                if !expression.is_empty() {
                    let unordered = std::mem::take(inner.as_mut());
                    **inner = GraphPattern::OrderBy { inner: Box::new(unordered), expression };
                }
            }
        }
        _ => {}
    }
}

/// Rewrites the parser's `error at 3:14: expected …` as `line 3, column 14: expected …`, the
/// way every other newsgraph error gives a position.
fn syntax_message(message: &str) -> String {
    let rewritten = message.strip_prefix("error at ").and_then(|rest| {
        let (position, detail) = rest.split_once(": ")?;
        let (line, column) = position.split_once(':')?;
        Some(format!("line {line}, column {column}: {detail}"))
    });
    rewritten.unwrap_or_else(|| message.to_owned())
}

/// The predeclared prefixes: the standard ones, `id:` of the first article, and the `doc:`
/// prefix (`doc1:`, `doc2:`, … when there are several articles).
fn query_prefixes(graphs: &[KnowledgeGraph]) -> Vec<(String, String)> {
    document_prefixes(graphs.iter().map(|graph| graph.document().iri.as_str()))
}

/// The prefixes of [`query_prefixes`] for these document IRIs.
fn document_prefixes<'a>(documents: impl Iterator<Item = &'a str>) -> Vec<(String, String)> {
    let mut prefixes: Vec<(String, String)> =
        PREFIXES.iter().map(|(name, iri)| ((*name).to_owned(), (*iri).to_owned())).collect();
    let mut documents: Vec<&str> = documents.collect();
    if documents.len() > MAX_DOCUMENT_PREFIXES {
        documents.truncate(1);
        if let Some((base, _)) = documents.first().and_then(|iri| iri.rsplit_once("doc/")) {
            prefixes.push(("id".to_owned(), format!("{base}id/")));
        }
        return prefixes;
    }
    if let Some((base, _)) = documents.first().and_then(|iri| iri.rsplit_once("doc/")) {
        prefixes.push(("id".to_owned(), format!("{base}id/")));
    }
    for (index, document) in documents.iter().enumerate() {
        let name =
            if documents.len() == 1 { "doc".to_owned() } else { format!("doc{}", index + 1) };
        prefixes.push((name, format!("{document}#")));
    }
    prefixes
}

impl QueryOutput {
    /// Writes the result in a [`ResultsFormat`]; `graphs` are the graphs queried, whose
    /// document IRIs give the `doc:` prefixes of tables and Turtle.
    ///
    /// Solutions and booleans go as a table, JSON, CSV or TSV; graphs as a table (which is
    /// Turtle), Turtle or N-Triples.
    ///
    /// ```
    /// use newsgraph::sparql::{query, ResultsFormat};
    ///
    /// let graphs = [newsgraph::extract("STRASBOURG (France) • The court ruled yesterday.\n")?];
    /// let output = query(&graphs, "SELECT ?place WHERE { ?article schema:locationCreated ?place }")?;
    /// let mut table = Vec::new();
    /// output.write(&graphs, ResultsFormat::Table, &mut table)?;
    /// assert_eq!(String::from_utf8(table)?, "?place\n-------------\nid:strasbourg\n");
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`SparqlError::UnsupportedFormat`] for a graph in a results format or solutions in an
    /// RDF syntax, and [`SparqlError::Io`] when writing fails.
    pub fn write(
        &self,
        graphs: &[KnowledgeGraph],
        format: ResultsFormat,
        writer: impl Write,
    ) -> Result<(), SparqlError> {
        self.write_prefixed(&query_prefixes(graphs), format, writer)
    }

    /// Writes the result as [`write`](Self::write) does, shortening IRIs with the prefixes of
    /// a [`QueryDataset`].
    ///
    /// # Errors
    /// As [`write`](Self::write).
    pub fn write_for(
        &self,
        dataset: &QueryDataset,
        format: ResultsFormat,
        writer: impl Write,
    ) -> Result<(), SparqlError> {
        self.write_prefixed(&dataset.prefixes(), format, writer)
    }

    fn write_prefixed(
        &self,
        prefixes: &[(String, String)],
        format: ResultsFormat,
        mut writer: impl Write,
    ) -> Result<(), SparqlError> {
        let prefixes = prefixes.to_vec();
        match (self, format) {
            (Self::Solutions { variables, solutions }, ResultsFormat::Table) => {
                write_table(variables, solutions, &prefixes, &mut writer)?;
            }
            (Self::Boolean(value), ResultsFormat::Table) => writeln!(writer, "{value}")?,
            (Self::Solutions { variables, solutions }, _) => {
                let serializer = QueryResultsSerializer::from_format(results_format(format)?);
                let mut serializer =
                    serializer.serialize_solutions_to_writer(&mut writer, variables.clone())?;
                for solution in solutions {
                    serializer.serialize(solution)?;
                }
                serializer.finish()?;
            }
            (Self::Boolean(value), _) => {
                QueryResultsSerializer::from_format(results_format(format)?)
                    .serialize_boolean_to_writer(&mut writer, *value)?;
            }
            (Self::Graph(triples), ResultsFormat::Table | ResultsFormat::Turtle) => {
                write_rdf(triples, RdfFormat::Turtle, &prefixes, &mut writer)?;
            }
            (Self::Graph(triples), ResultsFormat::NTriples) => {
                write_rdf(triples, RdfFormat::NTriples, &[], &mut writer)?;
            }
            (Self::Graph(triples), ResultsFormat::Dot) => {
                let mut serializer = crate::export::DotSerializer::new().for_writer(&mut writer);
                let drawn =
                    serializer.serialize_triples(triples).and_then(|()| serializer.finish());
                drawn.map_err(|error| match error {
                    crate::ExportError::Io(error) => SparqlError::Io(error),
                    other => SparqlError::UnsupportedFormat(other.to_string()),
                })?;
            }
            (Self::Graph(_), _) => {
                return Err(SparqlError::UnsupportedFormat(format!(
                    "a CONSTRUCT or DESCRIBE result is a graph and cannot be written as {format}; \
                     use table, turtle, ntriples or dot"
                )));
            }
        }
        writer.flush()?;
        Ok(())
    }
}

fn results_format(format: ResultsFormat) -> Result<QueryResultsFormat, SparqlError> {
    match format {
        ResultsFormat::Json => Ok(QueryResultsFormat::Json),
        ResultsFormat::Csv => Ok(QueryResultsFormat::Csv),
        ResultsFormat::Tsv => Ok(QueryResultsFormat::Tsv),
        ResultsFormat::Table
        | ResultsFormat::Turtle
        | ResultsFormat::NTriples
        | ResultsFormat::Dot => Err(SparqlError::UnsupportedFormat(format!(
            "SELECT and ASK results cannot be written as {format}; use table, json, csv or tsv"
        ))),
    }
}

fn write_rdf(
    triples: &[Triple],
    format: RdfFormat,
    prefixes: &[(String, String)],
    writer: &mut impl Write,
) -> Result<(), SparqlError> {
    let mut serializer = RdfSerializer::from_format(format);
    for (name, iri) in prefixes {
        serializer = serializer.with_prefix(name.as_str(), iri.as_str()).map_err(|error| {
            SparqlError::UnsupportedFormat(format!("bad prefix {name}: {error}"))
        })?;
    }
    let mut serializer = serializer.for_writer(writer);
    for triple in triples {
        serializer.serialize_triple(triple)?;
    }
    serializer.finish()?;
    Ok(())
}

/// Writes solutions as aligned columns: a header of `?variable`s, a rule, one row per solution.
fn write_table(
    variables: &[Variable],
    solutions: &[QuerySolution],
    prefixes: &[(String, String)],
    writer: &mut impl Write,
) -> io::Result<()> {
    let mut rows: Vec<Vec<String>> =
        vec![variables.iter().map(|variable| format!("?{}", variable.as_str())).collect()];
    for solution in solutions {
        rows.push(
            variables
                .iter()
                .map(|variable| {
                    solution.get(variable).map(|term| cell(term, prefixes)).unwrap_or_default()
                })
                .collect(),
        );
    }
    let widths: Vec<usize> = (0..variables.len())
        .map(|column| rows.iter().map(|row| row[column].chars().count()).max().unwrap_or(0))
        .collect();
    for (index, row) in rows.iter().enumerate() {
        write_row(row, &widths, writer)?;
        if index == 0 {
            let rule = widths.iter().map(|width| "-".repeat(*width)).collect::<Vec<_>>();
            writeln!(writer, "{}", rule.join("-+-").trim_end())?;
        }
    }
    Ok(())
}

fn write_row(row: &[String], widths: &[usize], writer: &mut impl Write) -> io::Result<()> {
    let mut line = String::new();
    for (column, (value, width)) in row.iter().zip(widths).enumerate() {
        if column > 0 {
            line.push_str(" | ");
        }
        line.push_str(value);
        line.extend(std::iter::repeat_n(' ', width.saturating_sub(value.chars().count())));
    }
    writeln!(writer, "{}", line.trim_end())
}

/// A term as a table cell: IRIs shortened by the longest matching prefix, plain strings in
/// quotes, numbers bare, other literals with their (shortened) datatype, white space collapsed.
fn cell(term: &Term, prefixes: &[(String, String)]) -> String {
    let text = match term.as_ref() {
        TermRef::NamedNode(node) => shorten(node.as_str(), prefixes),
        TermRef::BlankNode(node) => node.to_string(),
        TermRef::Literal(literal) => {
            let datatype = literal.datatype().as_str();
            if let Some(language) = literal.language() {
                format!("\"{}\"@{language}", literal.value())
            } else if datatype == xsd::STRING {
                format!("\"{}\"", literal.value())
            } else if NUMERIC.iter().any(|numeric| datatype.strip_prefix(xsd::NS) == Some(numeric))
            {
                literal.value().to_owned()
            } else {
                format!("\"{}\"^^{}", literal.value(), shorten(datatype, prefixes))
            }
        }
        #[allow(unreachable_patterns, reason = "the Triple arm exists only with rdf-12")]
        _ => term.to_string(),
    };
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The XSD datatypes a table shows as bare numbers.
const NUMERIC: &[&str] = &[
    "integer",
    "decimal",
    "double",
    "float",
    "int",
    "long",
    "nonNegativeInteger",
    "positiveInteger",
];

fn shorten(iri: &str, prefixes: &[(String, String)]) -> String {
    prefixes
        .iter()
        .filter_map(|(name, namespace)| {
            iri.strip_prefix(namespace.as_str()).map(|local| (namespace.len(), name, local))
        })
        .max_by_key(|(length, _, _)| *length)
        .map_or_else(|| format!("<{iri}>"), |(_, name, local)| format!("{name}:{local}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells() {
        let prefixes = vec![
            ("ng".to_owned(), ng::NS.to_owned()),
            ("xsd".to_owned(), xsd::NS.to_owned()),
            ("doc".to_owned(), "http://x/doc/1#".to_owned()),
        ];
        let cases: &[(Term, &str)] = &[
            (oxrdf::NamedNode::new_unchecked(ng::EVENT).into(), "ng:Event"),
            (oxrdf::NamedNode::new_unchecked("http://x/doc/1#s3").into(), "doc:s3"),
            (oxrdf::NamedNode::new_unchecked("http://other/a").into(), "<http://other/a>"),
            (oxrdf::Literal::new_simple_literal("two\nlines").into(), "\"two lines\""),
            (oxrdf::Literal::from(335).into(), "335"),
            (
                oxrdf::Literal::new_typed_literal(
                    "2004",
                    oxrdf::NamedNode::new_unchecked(xsd::G_YEAR),
                )
                .into(),
                "\"2004\"^^xsd:gYear",
            ),
        ];
        for (term, expected) in cases {
            assert_eq!(cell(term, &prefixes), *expected, "{term}");
        }
    }
}
