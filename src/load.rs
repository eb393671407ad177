//! Loading graphs into a triple store with the
//! [SPARQL 1.1 Graph Store HTTP Protocol](https://www.w3.org/TR/sparql11-http-rdf-update/),
//! and checking that the store holds every triple sent.
//!
//! For each article, [`GraphStoreLoader::load`] sends the triples of its complete graph (the
//! default graph of [`to_dataset`](crate::rdf::to_dataset); the per-sentence named graphs are
//! a subset of it) as [N-Triples](https://www.w3.org/TR/n-triples/) to
//! `{endpoint}?graph={graph IRI}`: `PUT` replaces the graph, `POST` adds to it. It then asks the
//! store's SPARQL query endpoint for `SELECT (COUNT(*) AS ?n) WHERE { GRAPH <g> { ?s ?p ?o } }`
//! and compares: after `PUT` the store must report exactly the number of triples sent, after
//! `POST` at least that many (the graph may hold earlier triples). Anything else is an error:
//! nothing is lost silently.
//!
//! A count does not see a store that changes what it keeps (Virtuoso turns `"P3D"^^xsd:duration`
//! into `"259200.0"^^xsd:duration` and keeps the count). With
//! [`with_verify`](GraphStoreLoader::with_verify) the loader also reads the graph back
//! (Graph Store `GET`) and compares it with what it sent, as sets of triples (the graphs have no
//! blank nodes, so set equality is isomorphism), naming the first triple that differs.
//!
//! Every answer is read to its end within the timeout: an answer cut off or timed out is a
//! failure, never a success. Messages never repeat the password, nor anything a store echoes
//! of the credentials.
//!
//! Only `http://` endpoints are supported: the client is built without TLS, which keeps
//! `ring`/`rustls` out of the build. Put a store behind TLS on loopback or a tunnel.
//!
//! ```no_run
//! use std::time::Duration;
//! use newsgraph::load::GraphStoreLoader;
//!
//! let graph = newsgraph::extract("STRASBOURG (France) • The court ruled yesterday.\n")?;
//! let loader = GraphStoreLoader::new("http://localhost:7878/store")?
//!     .with_timeout(Duration::from_secs(10))
//!     .with_replace(true);
//! let report = loader.load(&graph, None)?;
//! assert_eq!(report.sent, report.reported);
//! println!("{report}"); // loaded 39 triples into <…> (store reports 39)
//! # Ok::<_, Box<dyn std::error::Error>>(())
//! ```

use std::collections::HashMap;
use std::fmt;
use std::time::Duration;

use sparesults::{QueryResultsFormat, QueryResultsParser, SliceQueryResultsParserOutput};

use crate::export::Format;
use crate::KnowledgeGraph;

/// The media type of the request bodies.
const CONTENT_TYPE: &str = "application/n-triples";

/// How much of an error response's body a message quotes.
const QUOTED_BODY_CHARS: usize = 200;

/// The longest a loader waits for one request; longer timeouts are cut to this.
///
/// NB: a timeout near `u64::MAX` seconds would overflow the clock arithmetic of the HTTP
/// client; a day is more than any store needs for one graph.
pub const MAX_TIMEOUT: Duration = Duration::from_secs(24 * 60 * 60);

/// The most of an answer the loader reads: a graph read back with `--verify` can be large, but
/// an endless answer must not fill the memory.
const MAX_ANSWER_BYTES: u64 = 1 << 30;

/// What the query string of a URL percent-encodes: all but RFC 3986's unreserved characters.
const QUERY_VALUE: &percent_encoding::AsciiSet =
    &percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// Sends graphs to a SPARQL 1.1 Graph Store and verifies the triple counts.
#[derive(Debug, Clone)]
#[must_use]
pub struct GraphStoreLoader {
    endpoint: String,
    query_endpoint: Option<String>,
    credentials: Option<(String, String)>,
    timeout: Duration,
    replace: bool,
    verify: bool,
}

/// What one successful [`GraphStoreLoader::load`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadReport {
    /// The IRI of the graph written.
    pub graph: String,
    /// The number of triples sent.
    pub sent: u64,
    /// The number of triples the store reports in the graph afterwards.
    pub reported: u64,
    /// Whether the graph was read back and found to hold what was sent
    /// ([`GraphStoreLoader::with_verify`]).
    pub verified: bool,
}

/// `loaded N triples into <IRI> (store reports M)`, and `; read back: identical` (after `PUT`)
/// or `; read back: every triple is there` (after `POST`) when verified.
impl fmt::Display for LoadReport {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            formatter,
            "loaded {} triples into <{}> (store reports {})",
            self.sent, self.graph, self.reported
        )?;
        if self.verified {
            let what =
                if self.sent == self.reported { "identical" } else { "every triple is there" };
            write!(formatter, "; read back: {what}")?;
        }
        Ok(())
    }
}

/// What went wrong while loading; see [`LoadError::kind`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum LoadErrorKind {
    /// The endpoint URL is not an `http://` URL.
    InvalidEndpoint,
    /// No connection could be made (unknown host, connection refused).
    Unreachable,
    /// The store did not answer within the timeout.
    Timeout,
    /// 401 or 403: missing or wrong credentials.
    Unauthorized,
    /// 401 asking for an authentication scheme newsgraph does not speak (HTTP Digest).
    UnsupportedAuthentication,
    /// 404: no Graph Store (or SPARQL endpoint) at that URL.
    NotFound,
    /// 413: the request body is larger than the store accepts.
    PayloadTooLarge,
    /// 5xx: the store failed.
    ServerError,
    /// Any other unexpected HTTP status.
    UnexpectedStatus,
    /// The count query's answer is not a SPARQL results document with a count, or a graph read
    /// back is not RDF.
    BadResponse,
    /// An answer ended before its announced length, or broke off.
    IncompleteAnswer,
    /// The store reports a different number of triples than were sent.
    CountMismatch,
    /// The graph read back differs from what was sent ([`GraphStoreLoader::with_verify`]).
    ContentMismatch,
}

/// Loading into a triple store failed; the message is one line with the URL, the HTTP status
/// where there is one, and a hint.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}")]
pub struct LoadError {
    kind: LoadErrorKind,
    status: Option<u16>,
    message: String,
}

impl LoadError {
    fn new(kind: LoadErrorKind, message: impl Into<String>) -> Self {
        Self { kind, status: None, message: message.into() }
    }

    /// The kind of failure.
    #[must_use]
    pub fn kind(&self) -> &LoadErrorKind {
        &self.kind
    }

    /// The HTTP status of the failed request, if the store answered.
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        self.status
    }
}

impl GraphStoreLoader {
    /// A loader for the Graph Store at `endpoint` (such as `http://localhost:7878/store`), with
    /// a timeout of 30 s, `POST` (add) rather than `PUT` (replace), no credentials, and the
    /// query endpoint derived by [`derive_query_endpoint`].
    ///
    /// # Errors
    /// [`LoadErrorKind::InvalidEndpoint`] when `endpoint` is not an `http://` URL.
    pub fn new(endpoint: impl Into<String>) -> Result<Self, LoadError> {
        let endpoint = endpoint.into();
        check_url(&endpoint, "--endpoint")?;
        Ok(Self {
            endpoint,
            query_endpoint: None,
            credentials: None,
            timeout: Duration::from_secs(30),
            replace: false,
            verify: false,
        })
    }

    /// Uses this SPARQL query endpoint for the verification query.
    ///
    /// # Errors
    /// [`LoadErrorKind::InvalidEndpoint`] when `url` is not an `http://` URL.
    pub fn with_query_endpoint(mut self, url: impl Into<String>) -> Result<Self, LoadError> {
        let url = url.into();
        check_url(&url, "--query-endpoint")?;
        self.query_endpoint = Some(url);
        Ok(self)
    }

    /// Sends HTTP Basic credentials with every request. The password never appears in messages.
    pub fn with_credentials(
        mut self,
        user: impl Into<String>,
        password: impl Into<String>,
    ) -> Self {
        self.credentials = Some((user.into(), password.into()));
        self
    }

    /// Gives up on a request after `timeout` (connecting, sending and reading the whole answer
    /// together); at most [`MAX_TIMEOUT`].
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout.min(MAX_TIMEOUT);
        self
    }

    /// With `true`, reads each graph back after loading it (Graph Store `GET`) and fails unless
    /// it holds exactly the triples sent (after `PUT`) or every one of them (after `POST`).
    pub fn with_verify(mut self, verify: bool) -> Self {
        self.verify = verify;
        self
    }

    /// With `true`, `PUT` replaces the graph; with `false` (the default), `POST` adds to it.
    pub fn with_replace(mut self, replace: bool) -> Self {
        self.replace = replace;
        self
    }

    /// The SPARQL query endpoint used for verification: the one given, else the derived one.
    ///
    /// # Errors
    /// [`LoadErrorKind::InvalidEndpoint`] when none was given and none can be derived.
    pub fn query_endpoint(&self) -> Result<String, LoadError> {
        match &self.query_endpoint {
            Some(url) => Ok(url.clone()),
            None => derive_query_endpoint(&self.endpoint).ok_or_else(|| {
                LoadError::new(
                    LoadErrorKind::InvalidEndpoint,
                    format!(
                        "cannot derive the SPARQL query endpoint from {}; pass --query-endpoint",
                        redact(&self.endpoint)
                    ),
                )
            }),
        }
    }

    /// Sends the complete graph of an article into the named graph `graph_iri` (by default the
    /// document IRI), then checks the count the store reports.
    ///
    /// # Errors
    /// A [`LoadError`] for every failure: unreachable host, timeout, an HTTP error status, an
    /// unreadable count, or a count that does not match.
    pub fn load(
        &self,
        graph: &KnowledgeGraph,
        graph_iri: Option<&str>,
    ) -> Result<LoadReport, LoadError> {
        self.load_unscrubbed(graph, graph_iri).map_err(|mut error| {
            error.message = self.scrub(&error.message);
            error
        })
    }

    fn load_unscrubbed(
        &self,
        graph: &KnowledgeGraph,
        graph_iri: Option<&str>,
    ) -> Result<LoadReport, LoadError> {
        let graph_iri = graph_iri.unwrap_or(&graph.document().iri).to_owned();
        oxrdf::NamedNode::new(&graph_iri).map_err(|error| {
            LoadError::new(
                LoadErrorKind::InvalidEndpoint,
                format!("invalid graph IRI <{graph_iri}>: {error}"),
            )
        })?;
        let query_endpoint = self.query_endpoint()?;
        let (body, sent) = ntriples(graph)?;
        let agent = self.agent();

        let method = if self.replace { "PUT" } else { "POST" };
        let target = with_parameter(&self.endpoint, "graph", &graph_iri)?;
        let request = if self.replace { agent.put(&target) } else { agent.post(&target) };
        let request = self.authorize(request.header("Content-Type", CONTENT_TYPE));
        let response =
            request.send(&body).map_err(|error| self.transport(method, &target, error))?;
        self.check_status(
            method,
            &target,
            response,
            "the Graph Store endpoint, such as http://localhost:7878/store",
        )?;

        let count_query =
            format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}");
        let target = with_parameter(&query_endpoint, "query", &count_query)?;
        let request =
            self.authorize(agent.get(&target).header("Accept", "application/sparql-results+json"));
        let response = request.call().map_err(|error| self.transport("GET", &target, error))?;
        let (answer, _) = self.check_status(
            "GET",
            &target,
            response,
            "the SPARQL query endpoint, such as http://localhost:7878/query",
        )?;
        let answer = String::from_utf8_lossy(&answer);
        let reported = parse_count(&answer).ok_or_else(|| {
            LoadError::new(
                LoadErrorKind::BadResponse,
                format!(
                    "the count query to {} did not return a SPARQL JSON result with ?n: {}",
                    redact(&query_endpoint),
                    quote_body(&answer)
                ),
            )
        })?;
        let complete = if self.replace { reported == sent } else { reported >= sent };
        if !complete {
            return Err(LoadError::new(
                LoadErrorKind::CountMismatch,
                format!(
                    "sent {sent} triples to <{graph_iri}> but the store reports {reported}{}",
                    if self.replace { "" } else { " (fewer than were sent)" }
                ),
            ));
        }
        if self.verify {
            self.verify_graph(&agent, &graph_iri, &body)?;
        }
        Ok(LoadReport { graph: graph_iri, sent, reported, verified: self.verify })
    }

    /// Reads the graph back with a Graph Store `GET` and compares it with the N-Triples sent.
    fn verify_graph(
        &self,
        agent: &ureq::Agent,
        graph_iri: &str,
        sent: &[u8],
    ) -> Result<(), LoadError> {
        let target = with_parameter(&self.endpoint, "graph", graph_iri)?;
        let request = self.authorize(
            agent.get(&target).header("Accept", "application/n-triples, text/turtle;q=0.9"),
        );
        let response = request.call().map_err(|error| self.transport("GET", &target, error))?;
        let (answer, media_type) = self.check_status(
            "GET",
            &target,
            response,
            "the Graph Store endpoint, such as http://localhost:7878/store",
        )?;
        let format = media_type
            .as_deref()
            .and_then(oxrdfio::RdfFormat::from_media_type)
            .unwrap_or(oxrdfio::RdfFormat::NTriples);
        let stored = parse_triples(&answer, format).map_err(|error| {
            LoadError::new(
                LoadErrorKind::BadResponse,
                format!(
                    "GET {}: the graph read back is not {}: {error}",
                    redact(&target),
                    format.name()
                ),
            )
        })?;
        let sent = parse_triples(sent, oxrdfio::RdfFormat::NTriples).map_err(|error| {
            LoadError::new(
                LoadErrorKind::BadResponse,
                format!("cannot read back the graph sent: {error}"),
            )
        })?;
        match compare_graphs(&sent, &stored, self.replace) {
            None => Ok(()),
            Some(difference) => Err(LoadError::new(
                LoadErrorKind::ContentMismatch,
                format!("the store changed <{graph_iri}>: read back, {difference}"),
            )),
        }
    }

    /// A message with the password, the `user:password` pair and the Basic token (as sent or
    /// echoed back by a store) replaced by `***`.
    fn scrub(&self, message: &str) -> String {
        let Some((user, password)) = &self.credentials else { return message.to_owned() };
        let pair = format!("{user}:{password}");
        let mut scrubbed = message.to_owned();
        for secret in [base64(pair.as_bytes()), pair, password.clone()] {
            if !secret.is_empty() {
                scrubbed = scrubbed.replace(&secret, "***");
            }
        }
        scrubbed
    }

    fn agent(&self) -> ureq::Agent {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(self.timeout))
            .http_status_as_error(false)
            // A redirected PUT or POST would be replayed as a GET; report the status instead.
            .max_redirects(0)
            .build();
        ureq::Agent::new_with_config(config)
    }

    fn authorize<B>(&self, request: ureq::RequestBuilder<B>) -> ureq::RequestBuilder<B> {
        match &self.credentials {
            Some((user, password)) => request.header(
                "Authorization",
                format!("Basic {}", base64(format!("{user}:{password}").as_bytes())),
            ),
            None => request,
        }
    }

    /// An error that happened before any HTTP status arrived.
    fn transport(&self, method: &str, url: &str, error: ureq::Error) -> LoadError {
        let url = redact(url);
        match error {
            ureq::Error::Timeout(_) => LoadError::new(
                LoadErrorKind::Timeout,
                format!(
                    "{method} {url}: no answer within {} s; is the store overloaded? raise --timeout",
                    self.timeout.as_secs_f64()
                ),
            ),
            ureq::Error::Io(io_error) if io_error.kind() == std::io::ErrorKind::TimedOut => {
                LoadError::new(
                    LoadErrorKind::Timeout,
                    format!(
                        "{method} {url}: no answer within {} s; raise --timeout",
                        self.timeout.as_secs_f64()
                    ),
                )
            }
            ureq::Error::HostNotFound => LoadError::new(
                LoadErrorKind::Unreachable,
                format!("{method} {url}: host not found; check --endpoint"),
            ),
            ureq::Error::Io(io_error) => LoadError::new(
                LoadErrorKind::Unreachable,
                format!("{method} {url}: cannot reach the store ({io_error}); is it running?"),
            ),
            ureq::Error::ConnectionFailed => LoadError::new(
                LoadErrorKind::Unreachable,
                format!("{method} {url}: cannot connect to the store; is it running?"),
            ),
            other => LoadError::new(
                LoadErrorKind::Unreachable,
                format!("{method} {url}: request failed: {other}"),
            ),
        }
    }
}

impl GraphStoreLoader {
    /// Reads a whole answer within the timeout and turns an error status into a [`LoadError`];
    /// returns the body and its media type.
    ///
    /// NB: the body of a successful answer is read to its end: an answer cut off before its
    /// announced length, or one that times out, is a failure even after a 2xx status.
    fn check_status(
        &self,
        method: &str,
        url: &str,
        mut response: ureq::http::Response<ureq::Body>,
        what: &str,
    ) -> Result<(Vec<u8>, Option<String>), LoadError> {
        let status = response.status().as_u16();
        let reason = response.status().canonical_reason().unwrap_or("");
        let media_type = response
            .headers()
            .get("content-type")
            .and_then(|value| value.to_str().ok())
            .map(|value| value.split(';').next().unwrap_or("").trim().to_ascii_lowercase());
        let digest_only = status == 401 && asks_for_digest_only(response.headers());
        let body = response.body_mut().with_config().limit(MAX_ANSWER_BYTES).read_to_vec();
        if (200..300).contains(&status) {
            return match body {
                Ok(body) => Ok((body, media_type)),
                Err(error) => Err(self.cut_off(method, url, status, error)),
            };
        }
        // An unreadable body of an error answer still leaves the status to report.
        let body = String::from_utf8_lossy(&body.unwrap_or_default()).into_owned();
        let url = redact(url);
        let (kind, hint) = match status {
            401 if digest_only => (
                LoadErrorKind::UnsupportedAuthentication,
                "this store asks for HTTP Digest authentication, which newsgraph does not support"
                    .to_owned(),
            ),
            401 | 403 => (
                LoadErrorKind::Unauthorized,
                "check --user and the NEWSGRAPH_PASSWORD environment variable".to_owned(),
            ),
            404 => (LoadErrorKind::NotFound, format!("check the URL: it should be {what}")),
            413 => (
                LoadErrorKind::PayloadTooLarge,
                "the store refuses a body this large; raise its request size limit".to_owned(),
            ),
            500..=599 => (
                LoadErrorKind::ServerError,
                format!("the store failed; see its log ({})", quote_body(&body)),
            ),
            _ => (LoadErrorKind::UnexpectedStatus, quote_body(&body)),
        };
        let mut error =
            LoadError::new(kind, format!("{method} {url}: HTTP {status} {reason}; {hint}"));
        error.status = Some(status);
        Err(error)
    }

    /// The failure of an answer whose status was a success but whose body broke off.
    fn cut_off(&self, method: &str, url: &str, status: u16, error: ureq::Error) -> LoadError {
        let timed_out = matches!(error, ureq::Error::Timeout(_))
            || matches!(&error, ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut);
        let mut error = if timed_out {
            self.transport(method, url, error)
        } else {
            LoadError::new(
                LoadErrorKind::IncompleteAnswer,
                format!(
                    "{method} {}: HTTP {status}, but the answer broke off ({error}); the store may not have kept the graph",
                    redact(url)
                ),
            )
        };
        error.status = Some(status);
        error
    }
}

/// Whether a 401 answer offers HTTP Digest and no Basic authentication.
fn asks_for_digest_only(headers: &ureq::http::HeaderMap) -> bool {
    let schemes: Vec<String> = headers
        .get_all("www-authenticate")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .map(|value| value.trim_start().to_ascii_lowercase())
        .collect();
    schemes.iter().any(|scheme| scheme.starts_with("digest"))
        && !schemes.iter().any(|scheme| scheme.contains("basic"))
}

/// The triples of an RDF document, each keyed by its [canonical form](canonical_triple).
fn parse_triples(
    bytes: &[u8],
    format: oxrdfio::RdfFormat,
) -> Result<HashMap<oxrdf::Triple, oxrdf::Triple>, oxrdfio::RdfSyntaxError> {
    oxrdfio::RdfParser::from_format(format)
        .for_slice(bytes)
        .map(|quad| {
            let triple = oxrdf::Triple::from(quad?);
            Ok((canonical_triple(&triple), triple))
        })
        .collect()
}

/// The XSD datatypes derived from `xsd:integer`, which stores may keep as `xsd:integer`
/// (Oxigraph writes `"3"^^xsd:nonNegativeInteger` back as `"3"^^xsd:integer`).
const INTEGER_TYPES: [&str; 13] = [
    "integer",
    "nonNegativeInteger",
    "positiveInteger",
    "nonPositiveInteger",
    "negativeInteger",
    "long",
    "int",
    "short",
    "byte",
    "unsignedLong",
    "unsignedInt",
    "unsignedShort",
    "unsignedByte",
];

/// A triple with its literal object in a canonical form of its value, so that two ways of
/// writing the same value compare equal: every integer type as `xsd:integer` without sign or
/// leading zeros, an `xsd:decimal` without needless zeros, a language tag in lowercase.
/// Other literals (durations, dates, strings) keep their lexical form, so a store that changes
/// them (Virtuoso's `"P3D"` → `"259200.0"`) still shows.
fn canonical_triple(triple: &oxrdf::Triple) -> oxrdf::Triple {
    let oxrdf::Term::Literal(literal) = &triple.object else { return triple.clone() };
    let object = if let Some(language) = literal.language() {
        oxrdf::Literal::new_language_tagged_literal_unchecked(
            literal.value(),
            language.to_ascii_lowercase(),
        )
    } else {
        let datatype = literal.datatype().as_str();
        let local = datatype.strip_prefix(crate::vocab::xsd::NS).unwrap_or("");
        if INTEGER_TYPES.contains(&local) {
            let (negative, digits) = split_number(literal.value());
            let digits = digits.trim_start_matches('0');
            let value = match (negative, digits.is_empty()) {
                (_, true) => "0".to_owned(),
                (true, false) => format!("-{digits}"),
                (false, false) => digits.to_owned(),
            };
            oxrdf::Literal::new_typed_literal(
                value,
                oxrdf::NamedNode::new_unchecked(crate::vocab::xsd::INTEGER),
            )
        } else if local == "decimal" {
            let (negative, digits) = split_number(literal.value());
            let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
            let whole = whole.trim_start_matches('0');
            let fraction = fraction.trim_end_matches('0');
            let whole = if whole.is_empty() { "0" } else { whole };
            let zero = whole == "0" && fraction.is_empty();
            let sign = if negative && !zero { "-" } else { "" };
            oxrdf::Literal::new_typed_literal(
                format!("{sign}{whole}.{}", if fraction.is_empty() { "0" } else { fraction }),
                literal.datatype().into_owned(),
            )
        } else {
            literal.clone()
        }
    };
    oxrdf::Triple::new(triple.subject.clone(), triple.predicate.clone(), object)
}

/// A number's sign and the rest: `"-007"` → `(true, "007")`; surrounding space ignored.
fn split_number(lexical: &str) -> (bool, &str) {
    let lexical = lexical.trim();
    match lexical.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, lexical.strip_prefix('+').unwrap_or(lexical)),
    }
}

/// How the graph read back differs from what was sent, or `None` when it holds exactly the
/// triples sent (`exact`) or every one of them (not `exact`: a `POST` adds to earlier triples).
/// Triples are compared in their [canonical form](canonical_triple); the first missing and the
/// first added triple (in N-Triples order) are named as they were sent and read.
fn compare_graphs(
    sent: &HashMap<oxrdf::Triple, oxrdf::Triple>,
    stored: &HashMap<oxrdf::Triple, oxrdf::Triple>,
    exact: bool,
) -> Option<String> {
    let mut missing: Vec<String> = sent
        .iter()
        .filter(|(key, _)| !stored.contains_key(*key))
        .map(|(_, triple)| triple.to_string())
        .collect();
    let mut added: Vec<String> = if exact {
        stored
            .iter()
            .filter(|(key, _)| !sent.contains_key(*key))
            .map(|(_, triple)| triple.to_string())
            .collect()
    } else {
        Vec::new()
    };
    if missing.is_empty() && added.is_empty() {
        return None;
    }
    missing.sort();
    added.sort();
    let mut parts = Vec::new();
    if let Some(first) = missing.first() {
        parts.push(format!(
            "{} of the triples sent are missing, the first {first} .",
            missing.len()
        ));
    }
    if let Some(first) = added.first() {
        parts.push(format!("{} triples were not sent, the first {first} .", added.len()));
    }
    Some(parts.join("; "))
}

/// The complete graph as N-Triples, and its number of triples.
fn ntriples(graph: &KnowledgeGraph) -> Result<(Vec<u8>, u64), LoadError> {
    let mut body = Vec::new();
    crate::export::write(graph, Format::NTriples, &mut body).map_err(|error| {
        LoadError::new(LoadErrorKind::BadResponse, format!("cannot serialize the graph: {error}"))
    })?;
    // The N-Triples writer puts one triple on each line and writes no comments.
    let count = body.split(|byte| *byte == b'\n').filter(|line| !line.is_empty()).count();
    // usize is at most 64 bits on every platform Rust supports.
    Ok((body, count as u64))
}

/// The number in `?n` of the first solution of a SPARQL JSON (or XML, CSV, TSV) result.
fn parse_count(body: &str) -> Option<u64> {
    let parser = QueryResultsParser::from_format(QueryResultsFormat::Json);
    let SliceQueryResultsParserOutput::Solutions(mut solutions) =
        parser.for_slice(body.as_bytes()).ok()?
    else {
        return None;
    };
    let solution = solutions.next()?.ok()?;
    match solution.get("n")? {
        oxrdf::Term::Literal(literal) => literal.value().trim().parse().ok(),
        _ => None,
    }
}

/// Guesses the SPARQL query endpoint from a Graph Store endpoint:
///
/// | Graph Store endpoint | query endpoint | store |
/// |---|---|---|
/// | `…/store` | `…/query` | Oxigraph server |
/// | `…/{dataset}/data` | `…/{dataset}/sparql` | Apache Jena Fuseki |
/// | `…/sparql-graph-crud`, `…/sparql-graph-crud-auth` | `…/sparql` | Virtuoso |
///
/// ```
/// use newsgraph::load::derive_query_endpoint;
/// assert_eq!(
///     derive_query_endpoint("http://localhost:7878/store").as_deref(),
///     Some("http://localhost:7878/query")
/// );
/// assert_eq!(derive_query_endpoint("http://localhost:8080/other"), None);
/// ```
#[must_use]
pub fn derive_query_endpoint(endpoint: &str) -> Option<String> {
    // A fragment is never sent to a server.
    let endpoint = endpoint.split_once('#').map_or(endpoint, |(before, _)| before);
    let (path, query) = match endpoint.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (endpoint, None),
    };
    let path = path.trim_end_matches('/');
    let (parent, last) = path.rsplit_once('/')?;
    if parent.ends_with('/') || !parent.contains("://") {
        return None;
    }
    let replacement = match last {
        "store" => "query",
        "data" => "sparql",
        "sparql-graph-crud" | "sparql-graph-crud-auth" => "sparql",
        _ => return None,
    };
    let mut derived = format!("{parent}/{replacement}");
    if let Some(query) = query {
        derived.push('?');
        derived.push_str(query);
    }
    Some(derived)
}

fn check_url(url: &str, flag: &str) -> Result<(), LoadError> {
    if url.starts_with("http://") && url.len() > "http://".len() {
        return Ok(());
    }
    let hint = if url.starts_with("https://") {
        "https is not supported (newsgraph is built without TLS); use http:// on loopback or through a tunnel"
    } else {
        "expected an http:// URL"
    };
    Err(LoadError::new(
        LoadErrorKind::InvalidEndpoint,
        format!("invalid {flag} {}: {hint}", redact(url)),
    ))
}

/// `url` with `name=value` added to its query string, the value percent-encoded; built with
/// the HTTP client's URI type, so a `#fragment` of `url` is dropped rather than swallowing the
/// parameter.
fn with_parameter(url: &str, name: &str, value: &str) -> Result<String, LoadError> {
    let invalid = |problem: String| {
        LoadError::new(
            LoadErrorKind::InvalidEndpoint,
            format!("invalid URL {}: {problem}", redact(url)),
        )
    };
    let uri: ureq::http::Uri = url.parse().map_err(|error| invalid(format!("{error}")))?;
    let (Some(scheme), Some(authority)) = (uri.scheme_str(), uri.authority()) else {
        return Err(invalid("expected http://HOST/PATH".to_owned()));
    };
    let value = percent_encoding::utf8_percent_encode(value, QUERY_VALUE);
    let path_and_query = match uri.query() {
        Some(query) if !query.is_empty() => format!("{}?{query}&{name}={value}", uri.path()),
        _ => format!("{}?{name}={value}", uri.path()),
    };
    Ok(format!("{scheme}://{authority}{path_and_query}"))
}

/// A URL with any `user:password@` removed, for messages.
fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_owned() };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{scheme}://{}", &rest[at + 1..]),
        None => url.to_owned(),
    }
}

/// The start of a response body on one line, for messages.
fn quote_body(body: &str) -> String {
    let line = body.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.is_empty() {
        return "empty response".to_owned();
    }
    let mut quoted: String = line.chars().take(QUOTED_BODY_CHARS).collect();
    if line.chars().count() > QUOTED_BODY_CHARS {
        quoted.push('…');
    }
    format!("the store says: {quoted}")
}

/// Standard base64 with padding (RFC 4648), for the Basic `Authorization` header.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut encoded = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (index, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if index <= chunk.len() {
                encoded.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            } else {
                encoded.push('=');
            }
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("Aladdin:open sesame", "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="),
        ];
        for (input, expected) in cases {
            assert_eq!(base64(input.as_bytes()), expected, "{input}");
        }
    }

    #[test]
    fn query_endpoints() {
        let cases = [
            ("http://localhost:7878/store", Some("http://localhost:7878/query")),
            ("http://localhost:3030/news/data", Some("http://localhost:3030/news/sparql")),
            ("http://localhost:8890/sparql-graph-crud-auth", Some("http://localhost:8890/sparql")),
            ("http://localhost:8890/sparql-graph-crud/", Some("http://localhost:8890/sparql")),
            ("http://localhost:8080/", None),
            ("http://localhost:8080/graphs", None),
        ];
        for (endpoint, expected) in cases {
            assert_eq!(derive_query_endpoint(endpoint).as_deref(), expected, "{endpoint}");
        }
    }

    #[test]
    fn urls() {
        assert_eq!(redact("http://me:secret@host:1/store"), "http://host:1/store");
        assert_eq!(redact("http://host/a@b"), "http://host/a@b");
        let cases = [
            (
                "http://h/store",
                "https://x/doc/1#s",
                "http://h/store?graph=https%3A%2F%2Fx%2Fdoc%2F1%23s",
            ),
            ("http://h/s?a=1", "g", "http://h/s?a=1&graph=g"),
            // See: issue 15 (an endpoint with a #fragment got ?graph= after the fragment).
            ("http://h:1/store#frag", "g", "http://h:1/store?graph=g"),
            ("http://h/s?a=1#frag", "g", "http://h/s?a=1&graph=g"),
            ("http://h", "g é", "http://h/?graph=g%20%C3%A9"),
        ];
        for (url, value, expected) in cases {
            assert_eq!(
                with_parameter(url, "graph", value).ok().as_deref(),
                Some(expected),
                "{url}"
            );
        }
        assert!(with_parameter("http://h/a b", "graph", "g").is_err());
        assert_eq!(derive_query_endpoint("http://h/store#x").as_deref(), Some("http://h/query"));
    }

    #[test]
    fn timeouts_are_capped() {
        // See: issue 15 (a timeout of u64::MAX seconds overflowed the client's clock).
        let loader = GraphStoreLoader::new("http://127.0.0.1:9/store")
            .map(|loader| loader.with_timeout(Duration::from_secs(u64::MAX)));
        assert_eq!(loader.map(|loader| loader.timeout).ok(), Some(MAX_TIMEOUT));
    }

    #[test]
    fn credentials_are_scrubbed() {
        let loader = GraphStoreLoader::new("http://127.0.0.1:9/store")
            .map(|loader| loader.with_credentials("dba", "s3cret"));
        let scrubbed =
            loader.map(|loader| loader.scrub("Basic ZGJhOnMzY3JldA== dba:s3cret s3cret dba"));
        assert_eq!(scrubbed.ok().as_deref(), Some("Basic *** *** *** dba"));
    }

    #[test]
    fn literals_compare_by_value_where_stores_rewrite_them() {
        let xsd = crate::vocab::xsd::NS;
        let triple = |object: &str| {
            let ntriples = format!("<http://s> <http://p> {object} .");
            let parsed = parse_triples(ntriples.as_bytes(), oxrdfio::RdfFormat::NTriples);
            parsed.ok().and_then(|map| map.into_keys().next())
        };
        let same = [
            (format!("\"3\"^^<{xsd}nonNegativeInteger>"), format!("\"3\"^^<{xsd}integer>")),
            (format!("\"+007\"^^<{xsd}integer>"), format!("\"7\"^^<{xsd}int>")),
            (format!("\"-0\"^^<{xsd}integer>"), format!("\"0\"^^<{xsd}integer>")),
            (format!("\"53.850\"^^<{xsd}decimal>"), format!("\"053.85\"^^<{xsd}decimal>")),
            (format!("\"2\"^^<{xsd}decimal>"), format!("\"2.0\"^^<{xsd}decimal>")),
            ("\"Court\"@EN".to_owned(), "\"Court\"@en".to_owned()),
        ];
        for (left, right) in same {
            assert_eq!(triple(&left), triple(&right), "{left} and {right}");
        }
        let different = [
            (format!("\"P3D\"^^<{xsd}duration>"), format!("\"259200.0\"^^<{xsd}duration>")),
            (format!("\"3000000000\"^^<{xsd}integer>"), format!("\"3000000000\"^^<{xsd}decimal>")),
            (format!("\"2019-01\"^^<{xsd}gYearMonth>"), format!("\"2019\"^^<{xsd}gYear>")),
            ("\"Court\"@en".to_owned(), "\"Court\"".to_owned()),
        ];
        for (left, right) in different {
            assert_ne!(triple(&left), triple(&right), "{left} and {right}");
        }
    }

    #[test]
    fn counts() {
        let json = r#"{"head":{"vars":["n"]},"results":{"bindings":[{"n":{"type":"literal","datatype":"http://www.w3.org/2001/XMLSchema#integer","value":"42"}}]}}"#;
        assert_eq!(parse_count(json), Some(42));
        assert_eq!(parse_count("not json"), None);
        assert_eq!(parse_count(r#"{"head":{"vars":["n"]},"results":{"bindings":[]}}"#), None);
    }
}
