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

use std::fmt;
use std::time::Duration;

use sparesults::{QueryResultsFormat, QueryResultsParser, SliceQueryResultsParserOutput};

use crate::export::Format;
use crate::KnowledgeGraph;

/// The media type of the request bodies.
const CONTENT_TYPE: &str = "application/n-triples";

/// How much of an error response's body a message quotes.
const QUOTED_BODY_CHARS: usize = 200;

/// Sends graphs to a SPARQL 1.1 Graph Store and verifies the triple counts.
#[derive(Debug, Clone)]
#[must_use]
pub struct GraphStoreLoader {
    endpoint: String,
    query_endpoint: Option<String>,
    credentials: Option<(String, String)>,
    timeout: Duration,
    replace: bool,
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
}

impl fmt::Display for LoadReport {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            formatter,
            "loaded {} triples into <{}> (store reports {})",
            self.sent, self.graph, self.reported
        )
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
    /// 404: no Graph Store (or SPARQL endpoint) at that URL.
    NotFound,
    /// 413: the request body is larger than the store accepts.
    PayloadTooLarge,
    /// 5xx: the store failed.
    ServerError,
    /// Any other unexpected HTTP status.
    UnexpectedStatus,
    /// The count query's answer is not a SPARQL results document with a count.
    BadResponse,
    /// The store reports a different number of triples than were sent.
    CountMismatch,
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

    /// Gives up on a request after `timeout` (connecting, sending and reading together).
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
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
        let target = with_parameter(&self.endpoint, "graph", &graph_iri);
        let request = if self.replace { agent.put(&target) } else { agent.post(&target) };
        let request = self.authorize(request.header("Content-Type", CONTENT_TYPE));
        let response =
            request.send(&body).map_err(|error| self.transport(method, &target, error))?;
        check_status(
            method,
            &target,
            response,
            "the Graph Store endpoint, such as http://localhost:7878/store",
        )?;

        let count_query =
            format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}");
        let target = with_parameter(&query_endpoint, "query", &count_query);
        let request =
            self.authorize(agent.get(&target).header("Accept", "application/sparql-results+json"));
        let response = request.call().map_err(|error| self.transport("GET", &target, error))?;
        let answer = check_status(
            "GET",
            &target,
            response,
            "the SPARQL query endpoint, such as http://localhost:7878/query",
        )?;
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
        Ok(LoadReport { graph: graph_iri, sent, reported })
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

/// Reads a response and turns an error status into a [`LoadError`]; returns the body.
fn check_status(
    method: &str,
    url: &str,
    mut response: ureq::http::Response<ureq::Body>,
    what: &str,
) -> Result<String, LoadError> {
    let status = response.status().as_u16();
    let reason = response.status().canonical_reason().unwrap_or("");
    // An unreadable body of an error answer still leaves the status to report.
    let body = response.body_mut().read_to_string().unwrap_or_default();
    if (200..300).contains(&status) {
        return Ok(body);
    }
    let url = redact(url);
    let (kind, hint) = match status {
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
    let mut error = LoadError::new(kind, format!("{method} {url}: HTTP {status} {reason}; {hint}"));
    error.status = Some(status);
    Err(error)
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

/// `url` with `name=value` added to its query string, the value percent-encoded.
fn with_parameter(url: &str, name: &str, value: &str) -> String {
    let separator = if url.contains('?') { '&' } else { '?' };
    format!("{url}{separator}{name}={}", percent_encode(value))
}

/// Percent-encodes everything but the unreserved characters of RFC 3986.
fn percent_encode(value: &str) -> String {
    let mut encoded = String::with_capacity(value.len() * 3);
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
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
        assert_eq!(
            with_parameter("http://h/store", "graph", "https://x/doc/1#s"),
            "http://h/store?graph=https%3A%2F%2Fx%2Fdoc%2F1%23s"
        );
        assert_eq!(with_parameter("http://h/s?a=1", "graph", "g"), "http://h/s?a=1&graph=g");
    }

    #[test]
    fn counts() {
        let json = r#"{"head":{"vars":["n"]},"results":{"bindings":[{"n":{"type":"literal","datatype":"http://www.w3.org/2001/XMLSchema#integer","value":"42"}}]}}"#;
        assert_eq!(parse_count(json), Some(42));
        assert_eq!(parse_count("not json"), None);
        assert_eq!(parse_count(r#"{"head":{"vars":["n"]},"results":{"bindings":[]}}"#), None);
    }
}
