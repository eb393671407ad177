//! `newsgraph load` against a tiny in-process fake Graph Store on 127.0.0.1: the requests it
//! sends, the report it prints, and the one-line error of every failure.
//!
//! The fake server answers a fixed number of requests (one connection each: it sends
//! `Connection: close`) and then stops, so no test can hang on it.

#![expect(clippy::unwrap_used, reason = "a failed setup step should fail the test loudly")]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use assert_cmd::cargo::cargo_bin_cmd;

const ARTICLE: &str = include_str!("../data/articles/beslan-echr-2017.txt");

/// How messages name the bundled article, which every failure of its loading starts with.
const BUNDLED: &str = "bundled article data/articles/beslan-echr-2017.txt";

/// One request as the fake server saw it.
#[derive(Debug, Clone)]
struct Request {
    method: String,
    target: String,
    headers: Vec<(String, String)>,
    body: String,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// What the fake store answers to a request, given the requests before it.
type Responder = dyn Fn(&Request, &[Request]) -> (u16, String) + Send + Sync;

/// What the fake store does with a request, given the requests before it: it writes the raw
/// answer (or nothing, or half of one) to the connection itself.
type RawResponder = dyn Fn(&Request, &[Request], TcpStream) + Send + Sync;

struct FakeStore {
    port: u16,
    handle: JoinHandle<Vec<Request>>,
}

impl FakeStore {
    /// Serves exactly `requests` requests, then stops.
    fn start(requests: usize, responder: Arc<Responder>) -> Self {
        Self::start_raw(
            requests,
            Arc::new(move |request: &Request, before: &[Request], stream: TcpStream| {
                let (status, body) = responder(request, before);
                write_response(stream, status, &body);
            }),
        )
    }

    /// Serves exactly `requests` requests with answers written by `responder`, then stops.
    fn start_raw(requests: usize, responder: Arc<RawResponder>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let handle = std::thread::spawn(move || {
            let mut seen = Vec::new();
            for _ in 0..requests {
                let (stream, _) = listener.accept().unwrap();
                stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
                let request = read_request(&stream);
                responder(&request, &seen, stream);
                seen.push(request);
            }
            seen
        });
        Self { port, handle }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn requests(self) -> Vec<Request> {
        self.handle.join().unwrap()
    }
}

fn read_request(stream: &TcpStream) -> Request {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap().to_owned();
    let target = parts.next().unwrap().to_owned();
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (key, value) = line.split_once(':').unwrap();
        headers.push((key.trim().to_owned(), value.trim().to_owned()));
    }
    let length: usize = headers
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case("content-length"))
        .map_or(0, |(_, value)| value.parse().unwrap());
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    Request { method, target, headers, body: String::from_utf8(body).unwrap() }
}

fn write_response(mut stream: TcpStream, status: u16, body: &str) {
    let content_type = if body.starts_with('{') {
        "application/sparql-results+json"
    } else if body.starts_with('<') {
        "application/n-triples"
    } else {
        "text/plain"
    };
    let _ = write!(
        stream,
        "HTTP/1.1 {status} Fake\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.flush();
}

/// A SPARQL JSON result with `?n` bound to `count`.
fn count_result(count: usize) -> String {
    format!(
        r#"{{"head":{{"vars":["n"]}},"results":{{"bindings":[{{"n":{{"type":"literal","datatype":"http://www.w3.org/2001/XMLSchema#integer","value":"{count}"}}}}]}}}}"#
    )
}

/// A store that accepts the upload and reports as many triples as it received, plus `extra`.
fn honest_store(extra: usize) -> Arc<Responder> {
    Arc::new(move |request: &Request, before: &[Request]| match request.method.as_str() {
        "PUT" | "POST" => (204, String::new()),
        _ => {
            let received = before.last().map_or(0, |upload| upload.body.lines().count());
            (200, count_result(received + extra))
        }
    })
}

fn document_iri() -> String {
    newsgraph::extract(ARTICLE).unwrap().document().iri.clone()
}

fn encoded(value: &str) -> String {
    value
        .bytes()
        .map(|byte| {
            if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
                char::from(byte).to_string()
            } else {
                format!("%{byte:02X}")
            }
        })
        .collect()
}

/// The one `error: …` line of a failed run, which must exit with status 2.
fn one_line_error(output: &std::process::Output) -> String {
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let lines: Vec<&str> = stderr.lines().filter(|line| !line.starts_with("warning: ")).collect();
    assert_eq!(lines.len(), 1, "expected one error line:\n{stderr}");
    assert!(lines[0].starts_with("error: "), "{stderr}");
    lines[0].to_owned()
}

fn load(arguments: &[&str]) -> std::process::Output {
    cargo_bin_cmd!("newsgraph")
        .arg("load")
        .arg("-q")
        .args(arguments)
        .env_remove("NEWSGRAPH_PASSWORD")
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap()
}

#[test]
fn put_sends_ntriples_then_verifies_the_count() {
    let store = FakeStore::start(2, honest_store(0));
    let output = load(&["--endpoint", &store.url("/store"), "--replace"]);
    let requests = store.requests();
    assert!(output.status.success(), "{output:?}");

    let document = document_iri();
    let upload = &requests[0];
    assert_eq!(upload.method, "PUT");
    assert_eq!(upload.target, format!("/store?graph={}", encoded(&document)));
    assert_eq!(upload.header("content-type"), Some("application/n-triples"));
    assert_eq!(upload.header("authorization"), None);
    let graph = newsgraph::extract(ARTICLE).unwrap();
    let expected =
        graph.to_dataset().iter().filter(|quad| quad.graph_name.is_default_graph()).count();
    assert_eq!(upload.body.lines().count(), expected);
    assert!(upload.body.lines().all(|line| line.ends_with(" .")), "not N-Triples");

    let count = &requests[1];
    assert_eq!(count.method, "GET");
    let query = format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{document}> {{ ?s ?p ?o }} }}");
    assert_eq!(count.target, format!("/query?query={}", encoded(&query)));
    assert_eq!(count.header("accept"), Some("application/sparql-results+json"));

    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        stdout,
        format!("loaded {expected} triples into <{document}> (store reports {expected})\n")
    );
}

#[test]
fn post_with_graph_query_endpoint_and_credentials() {
    let store = FakeStore::start(2, honest_store(5));
    let output = cargo_bin_cmd!("newsgraph")
        .args([
            "load",
            "-q",
            "--endpoint",
            &store.url("/graphs"),
            "--graph",
            "https://example.org/g",
        ])
        .args(["--query-endpoint", &store.url("/sparql"), "--user", "dba"])
        .env("NEWSGRAPH_PASSWORD", "s3cret")
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let requests = store.requests();
    assert!(output.status.success(), "{output:?}");
    assert_eq!(requests[0].method, "POST");
    assert_eq!(requests[0].target, "/graphs?graph=https%3A%2F%2Fexample.org%2Fg");
    // base64("dba:s3cret")
    assert_eq!(requests[0].header("authorization"), Some("Basic ZGJhOnMzY3JldA=="));
    assert_eq!(requests[1].header("authorization"), Some("Basic ZGJhOnMzY3JldA=="));
    assert!(requests[1].target.starts_with("/sparql?query="));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let sent = requests[0].body.lines().count();
    assert_eq!(
        stdout,
        format!(
            "loaded {sent} triples into <https://example.org/g> (store reports {})\n",
            sent + 5
        )
    );
    assert!(!String::from_utf8_lossy(&output.stderr).contains("s3cret"));
}

/// Each HTTP failure of the upload gives its own one-line error with the status and a hint.
#[test]
fn http_errors() {
    let cases: [(u16, &str); 5] = [
        (401, "HTTP 401 Fake; check --user and the NEWSGRAPH_PASSWORD environment variable"),
        (404, "HTTP 404 Fake; check the URL: it should be the Graph Store endpoint, such as http://localhost:7878/store"),
        (413, "HTTP 413 Fake; the store refuses a body this large; raise its request size limit"),
        (500, "HTTP 500 Fake; the store failed; see its log (the store says: disk full)"),
        (503, "HTTP 503 Fake; the store failed; see its log (the store says: disk full)"),
    ];
    for (status, expected) in cases {
        let store = FakeStore::start(
            1,
            Arc::new(move |_: &Request, _: &[Request]| (status, "disk full".to_owned())),
        );
        let url = store.url("/store");
        let output = load(&["--endpoint", &url, "--replace"]);
        let requests = store.requests();
        assert_eq!(requests.len(), 1);
        let error = one_line_error(&output);
        assert!(error.starts_with(&format!("error: {BUNDLED}: PUT {url}?graph=")), "{error}");
        // The reason phrase is the server's; ureq keeps the canonical one.
        let expected = expected.replace(" Fake", &format!(" {}", reason(status)));
        assert!(error.ends_with(&expected), "{status}: {error}\nexpected the end: {expected}");
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        401 => "Unauthorized",
        404 => "Not Found",
        413 => "Payload Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    }
}

#[test]
fn a_count_that_does_not_match_fails() {
    let store = FakeStore::start(
        2,
        Arc::new(|request: &Request, _: &[Request]| match request.method.as_str() {
            "PUT" => (204, String::new()),
            _ => (200, count_result(3)),
        }),
    );
    let output = load(&["--endpoint", &store.url("/store"), "--replace"]);
    let sent = store.requests()[0].body.lines().count();
    let error = one_line_error(&output);
    assert_eq!(
        error,
        format!(
            "error: {BUNDLED}: sent {sent} triples to <{}> but the store reports 3",
            document_iri()
        )
    );
}

#[test]
fn a_404_from_the_query_endpoint() {
    let store = FakeStore::start(
        2,
        Arc::new(|request: &Request, _: &[Request]| match request.method.as_str() {
            "POST" => (204, String::new()),
            _ => (404, String::new()),
        }),
    );
    let url = store.url("/query");
    let output = load(&["--endpoint", &store.url("/store")]);
    store.requests();
    let error = one_line_error(&output);
    assert!(error.starts_with(&format!("error: {BUNDLED}: GET {url}?query=SELECT")), "{error}");
    assert!(error.ends_with("HTTP 404 Not Found; check the URL: it should be the SPARQL query endpoint, such as http://localhost:7878/query"), "{error}");
}

#[test]
fn unreachable_host() {
    // Bind then drop a listener, so the port is (almost certainly) closed.
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{port}/store");
    let output = load(&["--endpoint", &url]);
    let error = one_line_error(&output);
    assert!(error.starts_with(&format!("error: {BUNDLED}: POST {url}?graph=")), "{error}");
    assert!(error.contains("cannot") && error.ends_with("is it running?"), "{error}");
}

#[test]
fn timeout() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    // Accept one connection and say nothing for longer than the client waits.
    let silent = std::thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        std::thread::sleep(Duration::from_secs(3));
        drop(stream);
    });
    let output = load(&["--endpoint", &format!("http://127.0.0.1:{port}/store"), "--timeout", "1"]);
    silent.join().unwrap();
    let error = one_line_error(&output);
    assert!(
        error.contains("no answer within 1 s") && error.ends_with("raise --timeout"),
        "{error}"
    );
}

#[test]
fn bad_setups_fail_before_sending() {
    let cases: [(&[&str], &str); 4] = [
        (
            &["--endpoint", "https://store.example/store"],
            "error: invalid --endpoint https://store.example/store: https is not supported",
        ),
        (
            &["--endpoint", "http://127.0.0.1:9/graphs"],
            "error: cannot derive the SPARQL query endpoint from http://127.0.0.1:9/graphs; pass --query-endpoint",
        ),
        (
            &["--endpoint", "http://127.0.0.1:9/store", "--user", "dba"],
            "error: --user needs the password in the environment variable NEWSGRAPH_PASSWORD",
        ),
        (
            &["--endpoint", "http://me:pw@127.0.0.1:9/x"],
            "error: cannot derive the SPARQL query endpoint from http://127.0.0.1:9/x",
        ),
    ];
    for (arguments, expected) in cases {
        let error = one_line_error(&load(arguments));
        assert!(error.starts_with(expected), "{error}\nexpected: {expected}");
        assert!(!error.contains("pw@"), "{error}");
    }
}

/// A store that keeps what it is sent and gives it back, changed by `change`, on a Graph Store
/// `GET`; it answers the count query honestly.
fn store_that_reads_back(change: fn(&str) -> String) -> Arc<Responder> {
    Arc::new(move |request: &Request, before: &[Request]| match request.method.as_str() {
        "PUT" | "POST" => (204, String::new()),
        _ if request.target.contains("query=") => {
            (200, count_result(before.last().map_or(0, |upload| upload.body.lines().count())))
        }
        _ => (200, change(&before[0].body)),
    })
}

#[test]
fn verify_reads_each_graph_back() {
    // See: issue 14 ("load --verify").
    let store = FakeStore::start(3, store_that_reads_back(str::to_owned));
    let output = load(&["--endpoint", &store.url("/store"), "--replace", "--verify"]);
    let requests = store.requests();
    assert!(output.status.success(), "{output:?}");
    let document = document_iri();
    let read_back = &requests[2];
    assert_eq!(read_back.method, "GET");
    assert_eq!(read_back.target, format!("/store?graph={}", encoded(&document)));
    assert!(read_back.header("accept").unwrap().starts_with("application/n-triples"));
    let sent = requests[0].body.lines().count();
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        format!(
            "loaded {sent} triples into <{document}> (store reports {sent}); read back: identical\n"
        )
    );
}

#[test]
fn verify_names_the_first_triple_a_store_changed() {
    // See: issue 14 (Virtuoso turns "P3D"^^xsd:duration into "259200.0"^^xsd:duration and
    // keeps the count).
    let store = FakeStore::start(
        3,
        store_that_reads_back(|body| body.replace("\"P3D\"^^", "\"259200.0\"^^")),
    );
    let output = load(&["--endpoint", &store.url("/store"), "--replace", "--verify"]);
    store.requests();
    let error = one_line_error(&output);
    let document = document_iri();
    let duration = "<http://www.w3.org/2001/XMLSchema#duration>";
    let expected = format!(
        "error: {BUNDLED}: the store changed <{document}>: read back, 2 of the triples sent are \
         missing, the first <{document}#fact-73f0c2a3a5466508> \
         <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> \"P3D\"^^{duration} .; 2 triples \
         were not sent, the first <{document}#fact-73f0c2a3a5466508> \
         <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> \"259200.0\"^^{duration} ."
    );
    assert_eq!(error, expected);
}

#[test]
fn digest_authentication_is_named() {
    let store = FakeStore::start_raw(
        1,
        Arc::new(|_: &Request, _: &[Request], mut stream: TcpStream| {
            let _ = stream.write_all(
                b"HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest realm=\"SPARQL\", \
                  nonce=\"abc\", qop=\"auth\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            );
        }),
    );
    let output = load(&["--endpoint", &store.url("/sparql-graph-crud-auth"), "--replace"]);
    store.requests();
    let error = one_line_error(&output);
    assert!(
        error.ends_with(
            "HTTP 401 Unauthorized; this store asks for HTTP Digest authentication, which \
             newsgraph does not support"
        ),
        "{error}"
    );
}

#[test]
fn an_answer_cut_off_is_a_failure() {
    // See: issue 15 (a cut-off answer to a PUT counted as success).
    let store = FakeStore::start_raw(
        1,
        Arc::new(|_: &Request, _: &[Request], mut stream: TcpStream| {
            let _ = stream.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\nConnection: close\r\n\r\nshort",
            );
        }),
    );
    let url = store.url("/store");
    let output = load(&["--endpoint", &url, "--replace"]);
    assert_eq!(store.requests().len(), 1);
    let error = one_line_error(&output);
    assert!(error.starts_with(&format!("error: {BUNDLED}: PUT {url}?graph=")), "{error}");
    assert!(
        error.contains(": HTTP 200, but the answer broke off (")
            && error.ends_with("); the store may not have kept the graph"),
        "{error}"
    );
}

#[test]
fn an_answer_that_stalls_is_a_timeout() {
    // See: issue 15 (a timed-out answer to a PUT counted as success).
    let store = FakeStore::start_raw(
        1,
        Arc::new(|_: &Request, _: &[Request], mut stream: TcpStream| {
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf");
            let _ = stream.flush();
            std::thread::sleep(Duration::from_secs(3));
        }),
    );
    let output = load(&["--endpoint", &store.url("/store"), "--replace", "--timeout", "1"]);
    store.requests();
    let error = one_line_error(&output);
    assert!(error.contains("no answer within 1 s"), "{error}");
}

#[test]
fn credentials_a_store_echoes_are_not_printed() {
    // See: issue 15 (a store whose error body echoes the Authorization header).
    let store = FakeStore::start(
        1,
        Arc::new(|request: &Request, _: &[Request]| {
            let echo = format!(
                "bad request with Authorization: {} for dba:s3cret (password s3cret)",
                request.header("authorization").unwrap_or_default()
            );
            (500, echo)
        }),
    );
    let output = cargo_bin_cmd!("newsgraph")
        .args(["load", "-q", "--endpoint", &store.url("/store"), "--user", "dba"])
        .env("NEWSGRAPH_PASSWORD", "s3cret")
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    store.requests();
    let error = one_line_error(&output);
    assert!(
        error.ends_with(
            "(the store says: bad request with Authorization: Basic *** for *** (password ***))"
        ),
        "{error}"
    );
}

#[test]
fn keep_going_loads_the_other_articles() {
    let directory = assert_fs::TempDir::new().unwrap();
    let first = directory.path().join("first.txt");
    let second = directory.path().join("second.txt");
    std::fs::write(&first, "PARIS (AFP) - The city council approved a budget on Tuesday.\n")
        .unwrap();
    std::fs::write(&second, ARTICLE).unwrap();
    let failing_first = || -> Arc<Responder> {
        Arc::new(|request: &Request, before: &[Request]| match request.method.as_str() {
            "PUT" if before.is_empty() => (503, "busy".to_owned()),
            "PUT" => (204, String::new()),
            _ => (200, count_result(before.last().map_or(0, |upload| upload.body.lines().count()))),
        })
    };
    let (first_path, second_path) = (first.to_str().unwrap(), second.to_str().unwrap());

    // Without --keep-going the first failure stops the run.
    let store = FakeStore::start(1, failing_first());
    let output = load(&[first_path, second_path, "--endpoint", &store.url("/store"), "--replace"]);
    assert_eq!(store.requests().len(), 1);
    let error = one_line_error(&output);
    assert!(error.starts_with(&format!("error: article {first_path}: PUT ")), "{error}");
    assert!(output.stdout.is_empty());

    let store = FakeStore::start(3, failing_first());
    let output = load(&[
        first_path,
        second_path,
        "--endpoint",
        &store.url("/store"),
        "--replace",
        "--keep-going",
    ]);
    let requests = store.requests();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let sent = requests[1].body.lines().count();
    assert_eq!(
        stdout,
        format!("loaded {sent} triples into <{}> (store reports {sent})\n", document_iri())
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(lines[0].starts_with(&format!("error: article {first_path}: PUT ")), "{stderr}");
    assert!(lines[0].contains("HTTP 503"), "{stderr}");
    assert_eq!(lines[1], "error: 1 of 2 articles failed to load (see above)");
}

#[test]
fn an_endpoint_with_a_fragment() {
    // See: issue 15 (?graph= was put after the #fragment, so the server never saw it).
    let store = FakeStore::start(2, honest_store(0));
    let output = load(&["--endpoint", &format!("{}#section", store.url("/store")), "--replace"]);
    let requests = store.requests();
    assert!(output.status.success(), "{output:?}");
    assert_eq!(requests[0].target, format!("/store?graph={}", encoded(&document_iri())));
    assert!(requests[1].target.starts_with("/query?query="), "{}", requests[1].target);
}

#[test]
fn a_huge_timeout_is_refused_without_a_panic() {
    // See: issue 15 (--timeout 18446744073709551615 panicked, exit 101).
    for timeout in ["18446744073709551615", "0", "86401"] {
        let output = load(&["--endpoint", "http://127.0.0.1:9/store", "--timeout", timeout]);
        assert_eq!(output.status.code(), Some(2), "{output:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(!stderr.contains("panicked"), "{stderr}");
        // clap's usage error: its first line, then a hint to try --help.
        assert_eq!(
            stderr.lines().next(),
            Some(
                format!(
                    "error: invalid value '{timeout}' for '--timeout <SECS>': {timeout} is not in \
                     1..=86400"
                )
                .as_str()
            ),
        );
    }
}
