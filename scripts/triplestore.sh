#!/usr/bin/env bash
# A real triple store on loopback, and the end-to-end check of newsgraph against it.
#
#   scripts/triplestore.sh start   install the store if missing, start it with a fresh database
#                                  under target/triplestore/ on 127.0.0.1 (a free port) and wait
#                                  (bounded) until its SPARQL endpoint answers
#   scripts/triplestore.sh url     print the store's Graph Store Protocol endpoint (for `load`)
#   scripts/triplestore.sh check   load every article into the running store and compare (below)
#   scripts/triplestore.sh stop    stop the store (no-op if it is not running)
#   scripts/triplestore.sh ci      start, check, and stop (also on failure)
#
# The store (TRIPLESTORE=...):
#   oxigraph  (default) the Oxigraph server, the official prebuilt binary that Oxigraph publishes
#             on PyPI as the `oxigraph` package (not `pyoxigraph`, the library), pip-installed at a
#             pinned version into target/triplestore/venv; run with --union-default-graph.
#             SPARQL at /query, Graph Store Protocol at /store.
#   virtuoso  Virtuoso Open Source 7.2 from Debian (virtuoso-opensource-7-bin, apt). SPARQL at
#             /sparql, Graph Store Protocol at /sparql-graph-crud. Its default graph is the union
#             of all graphs. Known to FAIL the check today: Virtuoso stores xsd:gYear and
#             xsd:gYearMonth literals as dates, so "2019"^^xsd:gYear and "2019-01"^^xsd:gYearMonth
#             on the same subject and predicate become one triple (tests/articles/afp-settlement.txt
#             loses one; `newsgraph load` reports it and exits 2).
#
# The check, for every article in data/articles/ and tests/articles/:
#   1. `newsgraph extract ARTICLE --format ntriples` (in process): the triples to expect;
#   2. `newsgraph load ARTICLES... --endpoint GSP --replace`: one named graph per article (its
#      document IRI), sent with the SPARQL 1.1 Graph Store Protocol; `load` checks the counts
#      itself, and this script checks again:
#   3. per graph, `SELECT (COUNT(*) AS ?n) WHERE { GRAPH <doc> { ?s ?p ?o } }` over HTTP must equal
#      the number of triples extracted, and the graph read back with the Graph Store Protocol (GET,
#      N-Triples) must be the same set of triples as the one extracted (read by the Python below,
#      not by rdflib or oxigraph: unescaped and compared term by term);
#   4. the number of distinct triples in the store's union of these graphs must equal the number
#      in newsgraph's in-process union default graph (`newsgraph sparql` over all articles);
#   5. `newsgraph load` once more without --replace (HTTP POST) for one article: adding the same
#      triples again must leave the graph's count unchanged;
#   6. every examples/queries/*.rq runs over HTTP against the store's SPARQL endpoint (CSV and
#      SPARQL JSON results) and in process (`newsgraph sparql ARTICLES... @query --format
#      csv|json`); the rows, sorted, must be equal (JSON: IRIs, literals with their datatype or
#      language, numbers by value; CSV: the W3C CSV cells). A difference prints a diff and fails.
#
# The store is a throwaway: fresh database at every start, on 127.0.0.1 only, no authentication
# (Virtuoso: the default dba password, and the anonymous SPARQL user may write, GRANT
# SPARQL_UPDATE TO "SPARQL", so that `load` can use /sparql-graph-crud: Virtuoso's authenticated
# /sparql-graph-crud-auth uses HTTP Digest, `load` sends Basic).
# Environment: TRIPLESTORE (oxigraph or virtuoso), TRIPLESTORE_DIR (default target/triplestore),
# TRIPLESTORE_START_TIMEOUT (seconds, default 120), NEWSGRAPH_BIN (a built newsgraph binary;
# default: cargo build --release).
set -euo pipefail

cd "$(dirname "$0")/.."

dir=${TRIPLESTORE_DIR:-target/triplestore}
start_timeout=${TRIPLESTORE_START_TIMEOUT:-120}
# The versions this script was written and checked against.
OXIGRAPH_VERSION=0.5.13                  # PyPI `oxigraph` (the server binary)
virtuoso_package=virtuoso-opensource-7-bin # Debian 12: 7.2.5.1+dfsg1-0.3

step() { printf '\n==> %s\n' "$*"; }
fail() {
    printf 'triplestore: %s\n' "$*" >&2
    exit 1
}

pid_alive() { [ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; }
base_url() {
    [ -f "$dir/http_port" ] || fail "no store started (no $dir/http_port); run: $0 start"
    echo "http://127.0.0.1:$(cat "$dir/http_port")"
}
# The store that was started (or the one asked for, before a start).
backend() {
    if pid_alive && [ -f "$dir/backend" ]; then cat "$dir/backend"; else echo "${TRIPLESTORE:-oxigraph}"; fi
}
sparql_url() {
    case $(backend) in
        oxigraph) echo "$(base_url)/query" ;;
        virtuoso) echo "$(base_url)/sparql" ;;
    esac
}
gsp_url() {
    case $(backend) in
        oxigraph) echo "$(base_url)/store" ;;
        virtuoso) echo "$(base_url)/sparql-graph-crud" ;;
    esac
}

install_oxigraph() {
    local venv=$dir/venv
    if "$venv/bin/oxigraph" --version 2>/dev/null | grep -qx "oxigraph $OXIGRAPH_VERSION"; then
        return
    fi
    step "install the Oxigraph server $OXIGRAPH_VERSION (PyPI: oxigraph) into $venv"
    local t0=$SECONDS
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "oxigraph==$OXIGRAPH_VERSION"
    echo "installed $("$venv/bin/oxigraph" --version) in $((SECONDS - t0)) s"
}

install_virtuoso() {
    local package=$virtuoso_package
    if command -v virtuoso-t >/dev/null 2>&1 && command -v isql-vt >/dev/null 2>&1; then
        return
    fi
    step "install $package (apt)"
    local sudo_cmd=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || fail "$package is not installed and there is no sudo"
        sudo_cmd=(sudo)
    fi
    local t0=$SECONDS
    # Only the binaries (virtuoso-t, isql-vt): the full virtuoso-opensource package asks for a
    # password with debconf and starts a system service, neither of which is wanted here.
    if ! apt-cache policy "$package" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
        "${sudo_cmd[@]}" apt-get update
    fi
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y --no-install-recommends "$package"
    echo "installed $package in $((SECONDS - t0)) s"
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start_store() {
    if pid_alive; then
        echo "already running: $(backend) (pid $(cat "$dir/pid")) at $(base_url)"
        return
    fi
    local name=${TRIPLESTORE:-oxigraph}
    case $name in
        oxigraph | virtuoso) ;;
        *) fail "unknown TRIPLESTORE=$name (oxigraph or virtuoso)" ;;
    esac
    mkdir -p "$dir"
    "install_$name"
    step "start $name on 127.0.0.1"
    local abs http_port
    abs=$(cd "$dir" && pwd)
    rm -rf "$abs/db"
    mkdir -p "$abs/db"
    http_port=$(free_port)
    echo "$http_port" >"$dir/http_port"
    echo "$name" >"$dir/backend"
    local t0=$SECONDS
    "launch_$name" "$abs" "$http_port"
    local url ready
    url=$(base_url)
    ready=$(sparql_url)
    until curl -sf -o /dev/null --max-time 5 "$ready?query=ASK%7B%7D"; do
        if ! pid_alive; then
            tail -n 30 "$abs/server.log" >&2 || true
            rm -f "$dir/pid"
            fail "$name exited while starting (log above, full log in $abs/server.log)"
        fi
        if [ $((SECONDS - t0)) -ge "$start_timeout" ]; then
            tail -n 30 "$abs/server.log" >&2 || true
            stop_store
            fail "$name did not answer at $ready within $start_timeout s (log above)"
        fi
        sleep 0.5
    done
    if [ "$name" = virtuoso ]; then
        # Let the anonymous SPARQL user write through /sparql-graph-crud (loopback-only store).
        isql-vt "127.0.0.1:$(cat "$dir/sql_port")" dba dba 'exec=GRANT SPARQL_UPDATE TO "SPARQL";' \
            >"$abs/isql.log" 2>&1 || {
            cat "$abs/isql.log" >&2
            stop_store
            fail "could not grant SPARQL_UPDATE to the SPARQL user"
        }
    fi
    echo "$name (pid $(cat "$dir/pid")) answers at $url after $((SECONDS - t0)) s"
    echo "  SPARQL: $(sparql_url)   Graph Store Protocol: $(gsp_url)"
}

# launch_NAME ABSDIR HTTP_PORT: start the server in the background, its pid in $dir/pid. Its
# output goes to a file, so that it holds no pipe of the caller open.
launch_oxigraph() {
    "$dir/venv/bin/oxigraph" serve --location "$1/db" --bind "127.0.0.1:$2" --union-default-graph \
        </dev/null >"$1/server.log" 2>&1 &
    echo $! >"$dir/pid"
}

launch_virtuoso() {
    local abs=$1 http_port=$2 sql_port
    sql_port=$(free_port)
    while [ "$http_port" = "$sql_port" ]; do sql_port=$(free_port); done
    echo "$sql_port" >"$dir/sql_port"
    mkdir -p "$abs/www" "$abs/vad"
    cat >"$abs/virtuoso.ini" <<EOF
; Written by scripts/triplestore.sh: a throwaway Virtuoso for newsgraph's end-to-end check.
[Database]
DatabaseFile       = $abs/db/virtuoso.db
ErrorLogFile       = $abs/db/virtuoso.log
LockFile           = $abs/db/virtuoso.lck
TransactionFile    = $abs/db/virtuoso.trx
xa_persistent_file = $abs/db/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $abs/db/virtuoso-temp.db
TransactionFile    = $abs/db/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort         = 127.0.0.1:$sql_port
ServerThreads      = 10
CheckpointInterval = 0
NumberOfBuffers    = 10000
MaxDirtyBuffers    = 6000
DirsAllowed        = ., $abs
VADInstallDir      = $abs/vad

[HTTPServer]
ServerPort           = 127.0.0.1:$http_port
ServerRoot           = $abs/www
ServerThreads        = 4
MaxClientConnections = 4
MaxKeepAlives        = 4

[SPARQL]
ResultSetMaxRows           = 100000
MaxQueryExecutionTime      = 60
MaxQueryCostEstimationTime = 400
EOF
    virtuoso-t +foreground +configfile "$abs/virtuoso.ini" </dev/null >"$abs/server.log" 2>&1 &
    echo $! >"$dir/pid"
}

stop_store() {
    if ! pid_alive; then
        rm -f "$dir/pid"
        return 0
    fi
    local pid
    pid=$(cat "$dir/pid")
    step "stop $(backend) (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    local i
    for i in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
        echo "still running after 30 s; SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$dir/pid"
    echo "stopped"
}

# The comparison helpers, in Python with the standard library only.
compare_py='
import csv, io, json, re, sys
from decimal import Decimal, InvalidOperation

XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGERS = {XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
    "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedLong", "unsignedInt",
    "unsignedShort", "unsignedByte")}
DECIMALS = {XSD + "decimal", XSD + "double", XSD + "float"}

def literal(value, datatype=None, lang=None):
    if lang:
        return "%s@%s" % (json.dumps(value, ensure_ascii=False), lang.lower())
    if datatype in (None, XSD + "string"):
        return json.dumps(value, ensure_ascii=False)
    try:
        if datatype in INTEGERS:
            return "%d^^xsd:integer" % int(value)
        if datatype in DECIMALS:
            return "%s^^xsd:number" % Decimal(value).normalize()
    except (ValueError, InvalidOperation):
        pass
    return "%s^^<%s>" % (json.dumps(value, ensure_ascii=False), datatype)

def json_term(t):
    if t["type"] == "uri":
        return "<%s>" % t["value"]
    if t["type"] == "bnode":
        return "_:b"  # blank node labels are local to a result
    return literal(t["value"], t.get("datatype"), t.get("xml:lang"))

def json_rows(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if "boolean" in data:
        return ["ASK " + str(bool(data["boolean"])).lower()]
    names = data["head"]["vars"]
    rows = [" | ".join(json_term(b[n]) if n in b else "UNBOUND" for n in names)
            for b in data["results"]["bindings"]]
    return [" | ".join("?" + n for n in names)] + sorted(rows)

def csv_rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    if not table:
        return []
    return [" | ".join(table[0])] + sorted(" | ".join(r) for r in table[1:])

# N-Triples (no blank nodes, no RDF 1.2 triple terms) into comparable tuples.
ESC = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
SIMPLE = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", "\"": "\"", "\x27": "\x27", "\\": "\\"}
def unescape(s):
    return ESC.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)) if (m.group(1) or m.group(2)) else SIMPLE[m.group(3)], s)
TERM = re.compile(r"\s*(<[^>]*>|_:\S+|\"(?:[^\"\\]|\\.)*\"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?)")
def nt_term(tok):
    if tok.startswith("<"):
        return "<%s>" % unescape(tok[1:-1])
    if tok.startswith("_:"):
        raise ValueError("blank node " + tok)
    end = tok.rindex("\"")
    value, rest = unescape(tok[1:end]), tok[end + 1:]
    if rest.startswith("@"):
        return literal(value, lang=rest[1:])
    return literal(value, rest[3:-1] if rest else None)
def nt_triples(path):
    out = set()
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            terms, pos = [], 0
            for _ in range(3):
                m = TERM.match(line, pos)
                if not m:
                    raise ValueError("%s:%d: cannot read %r" % (path, n, line[pos:pos + 60]))
                terms.append(nt_term(m.group(1)))
                pos = m.end()
            if line[pos:].strip() != ".":
                raise ValueError("%s:%d: trailing %r" % (path, n, line[pos:]))
            out.add(tuple(terms))
    return out

def diff(label, a, b, name_a, name_b):
    if a == b:
        return True
    import difflib
    print("DIFFERENT  %s" % label)
    for line in difflib.unified_diff(a, b, name_a, name_b, lineterm="", n=2):
        print("    " + line)
    return False

mode = sys.argv[1]
if mode == "results":
    # results KIND IN_PROCESS STORE LABEL
    kind, mine, theirs, label = sys.argv[2:6]
    rows = json_rows if kind == "json" else csv_rows
    ok = diff(label, rows(mine), rows(theirs), "newsgraph sparql (in process)", "store over HTTP")
    if ok:
        print("ok         %s: %d rows equal" % (label, len(rows(mine)) - 1))
    sys.exit(0 if ok else 1)
elif mode == "graph":
    # graph SENT RECEIVED LABEL
    sent, got = nt_triples(sys.argv[2]), nt_triples(sys.argv[3])
    fmt = lambda ts: sorted(" ".join(t) + " ." for t in ts)
    ok = diff(sys.argv[4], fmt(sent), fmt(got), "sent (newsgraph extract)", "read back from the store")
    if ok:
        print("ok         %s: the %d triples read back are the ones sent" % (sys.argv[4], len(sent)))
    sys.exit(0 if ok else 1)
elif mode == "count":
    # count FILE: distinct triples of an N-Triples file
    print(len(nt_triples(sys.argv[2])))
elif mode == "value":
    # value FILE: the single value of a one-row SPARQL JSON result
    with open(sys.argv[2], encoding="utf-8") as f:
        data = json.load(f)
    (binding,) = data["results"]["bindings"]
    (term,) = binding.values()
    print(term["value"])
'

compare() { python3 -c "$compare_py" "$@"; }

# SPARQL over HTTP: sparql_http ACCEPT QUERY OUTFILE
sparql_http() {
    curl -sS --fail-with-body --max-time 60 -G "$(sparql_url)" \
        -H "Accept: $1" --data-urlencode "query=$2" -o "$3"
}

check() {
    pid_alive || fail "no store running; run: $0 start"
    local url work
    url=$(base_url)
    work=$dir/check
    rm -rf "$work"
    mkdir -p "$work/sent" "$work/got" "$work/results"

    step "build newsgraph"
    local bin
    if [ -n "${NEWSGRAPH_BIN:-}" ]; then
        bin=$NEWSGRAPH_BIN
    else
        cargo build --release -q
        bin=${CARGO_TARGET_DIR:-target}/release/newsgraph
    fi
    [ -x "$bin" ] || fail "no newsgraph binary at $bin"

    local articles=() file d
    for d in data/articles tests/articles; do
        for file in "$d"/*.txt; do
            [ -e "$file" ] && articles+=("$file")
        done
    done
    [ "${#articles[@]}" -gt 0 ] || fail "no articles under data/articles/ or tests/articles/"

    local failed=0 name iri n
    local names=() iris=() counts=()
    step "extract in process (newsgraph extract --format ntriples)"
    for file in "${articles[@]}"; do
        name=$(basename "$(dirname "$file")")-$(basename "$file" .txt)
        "$bin" extract -q "$file" --format ntriples -o "$work/sent/$name.nt"
        iri=$(grep -m 1 -o '^<[^>]*> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/NewsArticle> \.$' "$work/sent/$name.nt" | cut -d ' ' -f 1 | tr -d '<>') ||
            fail "$file: no schema:NewsArticle (the document IRI) in the N-Triples"
        n=$(compare count "$work/sent/$name.nt")
        names+=("$name")
        iris+=("$iri")
        counts+=("$n")
        echo "$file -> <$iri>: $n triples"
    done

    # Oxigraph keeps every triple as sent, so newsgraph's own read-back check (--verify) must
    # pass; Virtuoso is known to change durations, big integers and gYear/gYearMonth values,
    # which the comparisons below report one by one.
    local verify=()
    [ "$(backend)" = oxigraph ] && verify=(--verify)
    step "load every article with newsgraph load ${verify[*]} (Graph Store Protocol, PUT) into $(gsp_url)"
    "$bin" load -q "${articles[@]}" --endpoint "$(gsp_url)" --replace --keep-going "${verify[@]}" | tee "$work/load.txt" || {
        # Go on: the comparisons below show what the store holds.
        echo "FAILED     newsgraph load (above)"
        failed=1
    }
    local i
    for i in "${!names[@]}"; do
        if ! grep -qF "loaded ${counts[$i]} triples into <${iris[$i]}> (store reports ${counts[$i]})" "$work/load.txt"; then
            echo "DIFFERENT  newsgraph load did not report ${counts[$i]} triples loaded and stored for <${iris[$i]}>"
            failed=1
        fi
    done

    step "per graph: COUNT over HTTP, and the graph read back (GET, N-Triples) equals the one sent"
    for i in "${!names[@]}"; do
        name=${names[$i]}
        iri=${iris[$i]}
        sparql_http application/sparql-results+json \
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <$iri> { ?s ?p ?o } }" "$work/got/$name.count.json"
        n=$(compare value "$work/got/$name.count.json")
        if [ "$n" = "${counts[$i]}" ]; then
            echo "ok         <$iri>: the store counts $n triples, as sent"
        else
            echo "DIFFERENT  <$iri>: the store counts $n triples, ${counts[$i]} were sent"
            failed=1
        fi
        curl -sS --fail-with-body --max-time 60 -G "$(gsp_url)" --data-urlencode "graph=$iri" \
            -H 'Accept: application/n-triples' -o "$work/got/$name.nt" || {
            echo "FAILED     <$iri>: could not read the graph back"
            failed=1
            continue
        }
        compare graph "$work/sent/$name.nt" "$work/got/$name.nt" "$name <$iri>" || failed=1
    done

    step "union of the graphs: distinct triples in the store = in newsgraph's union default graph"
    local values="" mine theirs
    for iri in "${iris[@]}"; do values+=" <$iri>"; done
    sparql_http application/sparql-results+json \
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { VALUES ?g {$values } GRAPH ?g { ?s ?p ?o } } }" \
        "$work/got/union.count.json"
    theirs=$(compare value "$work/got/union.count.json")
    "$bin" sparql -q "${articles[@]}" 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' --format json >"$work/union.count.json"
    mine=$(compare value "$work/union.count.json")
    if [ "$mine" = "$theirs" ]; then
        echo "ok         $mine distinct triples in both"
    else
        echo "DIFFERENT  in process: $mine triples in the union default graph; the store: $theirs distinct triples over the ${#iris[@]} graphs"
        failed=1
    fi

    step "newsgraph load without --replace (HTTP POST) adds nothing new: the count stays"
    "$bin" load -q "${articles[0]}" --endpoint "$(gsp_url)" || fail "newsgraph load (POST) failed"
    sparql_http application/sparql-results+json \
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${iris[0]}> { ?s ?p ?o } }" "$work/got/post.count.json"
    n=$(compare value "$work/got/post.count.json")
    if [ "$n" = "${counts[0]}" ]; then
        echo "ok         <${iris[0]}>: still $n triples"
    else
        echo "DIFFERENT  <${iris[0]}>: $n triples after POSTing the same ${counts[0]} again"
        failed=1
    fi

    step "example queries: in process (newsgraph sparql) vs the store's SPARQL endpoint over HTTP"
    local query queries=() q kind accept
    for query in examples/queries/*.rq; do
        [ -e "$query" ] && queries+=("$query")
    done
    if [ "${#queries[@]}" -eq 0 ]; then
        echo "no examples/queries/*.rq yet"
    fi
    for query in "${queries[@]}"; do
        q=$(basename "$query" .rq)
        for kind in json csv; do
            case $kind in
                json) accept=application/sparql-results+json ;;
                csv) accept=text/csv ;;
            esac
            "$bin" sparql -q "${articles[@]}" "@$query" --format "$kind" >"$work/results/$q.mine.$kind" ||
                {
                    echo "FAILED     $query: newsgraph sparql --format $kind"
                    failed=1
                    continue
                }
            sparql_http "$accept" "$(cat "$query")" "$work/results/$q.store.$kind" ||
                {
                    echo "FAILED     $query: the store answered with an error:"
                    sed 's/^/    /' "$work/results/$q.store.$kind" | head -n 20
                    failed=1
                    continue
                }
            compare results "$kind" "$work/results/$q.mine.$kind" "$work/results/$q.store.$kind" \
                "$query ($kind)" || failed=1
        done
    done

    if [ "$failed" -ne 0 ]; then
        printf '\ntriplestore check: FAILED (see above; files in %s)\n' "$work" >&2
        exit 1
    fi
    step "ok: ${#articles[@]} articles loaded into $(backend), counts, contents and ${#queries[@]} queries agree"
}

case ${1:-} in
    start) start_store ;;
    stop) stop_store ;;
    url) gsp_url ;;
    check) check ;;
    ci)
        trap stop_store EXIT
        start_store
        check
        ;;
    *)
        echo "usage: $0 start|stop|url|check|ci" >&2
        exit 2
        ;;
esac
