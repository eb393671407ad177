//! The command line: clap's [`Args`] (each flag's doc comment is its `--help` text) and the
//! commands behind it.
//!
//! **Invariant:** this module and `main.rs` are the only code that touches files, stdin,
//! stdout, stderr or exit codes; everything else goes through the library.

use std::fmt::Write as _;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use std::sync::Arc;

use newsgraph::{Article, Diagnostic, Format, KnowledgeGraph, Options, Resources};

/// The article used when no path is given, embedded so the binary works from any directory.
const BUNDLED_ARTICLE: &str = include_str!("../data/articles/beslan-echr-2017.txt");

/// Where [`BUNDLED_ARTICLE`] comes from, for messages.
const BUNDLED_ARTICLE_PATH: &str = "data/articles/beslan-echr-2017.txt";

/// The most the command reads from a file or stdin before giving up.
///
/// NB: the library rejects articles far smaller than this; the cap only keeps
/// `newsgraph extract - < /dev/zero` from reading forever.
const READ_LIMIT: u64 = 64 * 1024 * 1024;

/// How many known entity names a "no match" message lists.
const SUGGESTIONS: usize = 8;

const AFTER_HELP: &str = "\
Examples:
  newsgraph extract                          the bundled sample article as Turtle
  newsgraph extract story.txt -o story.ttl   write Turtle to a file (written atomically)
  newsgraph extract story.txt -o story.jsonld
                                             the format follows the file extension
  cat story.txt | newsgraph extract - --format ntriples
  newsgraph extract --format dot | dot -Tsvg > graph.svg
                                             the story as a picture (--view full: every node)
  newsgraph extract story.txt -o report.html a report: the article, its story graph, the facts
  newsgraph query --entity court             every fact about an entity, with its sentence
  newsgraph sparql @examples/queries/who-ruled-against-whom.rq
                                             a SPARQL query over one or more articles
  newsgraph load --endpoint http://localhost:7878/store --replace
                                             send the graph to a triple store and verify it

Exit status: 0 on success, 1 when a query matches nothing, 2 on errors.";

/// Turns an English news article into a knowledge graph with evidence.
///
/// newsgraph finds the people, organisations, places, events, dates and quantities in an
/// article, links them with typed relations, and keeps for every fact the sentence that
/// states it. The graph is written as RDF (Turtle, N-Triples, N-Quads, TriG, JSON-LD) or as
/// Graphviz DOT.
#[derive(Debug, Parser)]
#[command(name = "newsgraph", version, after_help = AFTER_HELP, propagate_version = true)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,

    /// Do not print warnings (diagnostics of the extraction) on stderr.
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Add your own lexicon entries: a directory of files named and laid out like those in
    /// data/lexicons/ (cities.tsv, organizations.tsv, titles.tsv, given_names.tsv, nouns.tsv,
    /// …; columns in data/lexicons/README.md). Its entries join the built-in ones.
    #[arg(long, global = true, value_name = "DIR")]
    pub lexicons: Option<PathBuf>,

    /// Add your own extraction rules: a file laid out like data/patterns/rules.tsv (header
    /// `id<TAB>action<TAB>pattern`; the rule language is in ARCHITECTURE.md). Its rules are
    /// tried after the built-in ones.
    #[arg(long, global = true, value_name = "FILE")]
    pub rules: Option<PathBuf>,

    /// Add your own frames: a file laid out like data/frames/frames.tsv (header
    /// `lemma<TAB>pos<TAB>class<TAB>roles`, e.g. `overrun<TAB>verb<TAB>Attack<TAB>arg0=agent
    /// arg1=target`; see data/frames/README.md). Its rows win over the built-in ones for their
    /// verbs.
    #[arg(long, global = true, value_name = "FILE")]
    pub frames: Option<PathBuf>,
}

/// What every command shares: whether to print diagnostics, and the lexicons and rules.
struct Common {
    quiet: bool,
    resources: Option<Arc<Resources>>,
}

/// A subcommand.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract the knowledge graph of an article and write it as RDF or DOT.
    #[command(after_help = "\
Examples:
  newsgraph extract
  newsgraph extract story.txt --format jsonld
  newsgraph extract - --base https://example.org/ < story.txt
  newsgraph extract story.txt -o graph.trig
  newsgraph extract page.txt --published 2019-09-24")]
    Extract(ExtractArgs),

    /// List every fact about an entity, one per line:
    /// subject | relation | object | source (the quoted sentences, or where else it comes from).
    #[command(after_help = "\
Examples:
  newsgraph query --entity court
  newsgraph query story.txt --entity \"Jane Doe\"

The name is matched without regard to case or a leading \"the\" against every name and
description the article uses for an entity; exact matches win over partial ones. The
entity's own facts come first. The source of a fact is the sentences that state it, or
(from the dateline), (from the text) or (from the lexicon). Exit status 1 when nothing
matches.")]
    Query(QueryArgs),

    /// Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE) over the graphs of articles.
    ///
    /// The articles' graphs are loaded into one in-memory dataset. The default graph is the
    /// union of every article's quads: its complete graph, named sentence graphs included (each
    /// triple once). The sentence graphs (`DOC#s1`, `DOC#s2`, … for the document IRI DOC) are
    /// also there as named graphs, for `GRAPH ?sentence { … }`. The prefixes ng:, schema:, rdf:, rdfs:, owl:, prov:, nif:, oa:,
    /// xsd:, wd:, id: and doc: (doc1:, doc2:, … with several articles) are predeclared.
    #[command(after_help = "\
Examples:
  newsgraph sparql 'SELECT ?court ?state WHERE { ?r a ng:Ruling; ng:agent ?court; ng:against ?state }'
  newsgraph sparql a.txt b.txt @examples/queries/who-ruled-against-whom.rq --format csv
  newsgraph sparql 'ASK { ?event ng:killed ?toll }'
  newsgraph sparql 'CONSTRUCT { ?s ng:against ?o } WHERE { ?s ng:against ?o }' --format ntriples

Exit status: 0 on success (also for an empty result), 2 on errors such as a syntax error.")]
    #[command(override_usage = "newsgraph sparql [OPTIONS] [PATH]... <QUERY>")]
    Sparql(SparqlArgs),

    /// Analyse text with the syntactic layer alone (tokens, tags, lemmas, dependencies,
    /// sentences, named entities): a port of spaCy's en_core_web_sm 3.8.0 that gives spaCy's
    /// analysis, written as CoNLL-U or JSON.
    #[command(after_help = "\
Examples:
  newsgraph parse story.txt                      CoNLL-U on stdout
  newsgraph parse a.txt b.txt --format json      one JSON object per text, one per line
  echo 'The court ruled against Russia.' | newsgraph parse -
  newsgraph parse story.txt --no-entities        about twice as fast, no NER column

CoNLL-U columns: ID FORM LEMMA UPOS (spaCy's pos_) XPOS (tag_) FEATS HEAD DEPREL (dep_, ROOT
for the root) DEPS MISC (NER=B-LABEL / NER=I-LABEL, SpaceAfter=No). spaCy keeps runs of white
space as tokens (XPOS _SP); line breaks and tabs in a field are written as \\n and \\t. With
several inputs each starts with a `# newdoc id = PATH` line.")]
    Parse(ParseArgs),

    /// Send the graphs of articles to a triple store (SPARQL 1.1 Graph Store HTTP Protocol)
    /// and check that it holds every triple.
    ///
    /// For each article, its complete graph (the default graph of `extract`) is sent as
    /// N-Triples to `ENDPOINT?graph=IRI`, with POST (add to the graph) or, with --replace, PUT
    /// (replace it). Then the SPARQL query endpoint is asked for the number of triples in the
    /// graph: with --replace it must equal the number sent, without it be at least that; with
    /// --verify the graph is also read back and compared triple by triple. Each article prints
    /// `loaded N triples into <IRI> (store reports M)`; a failure is a one-line error naming the
    /// article, and stops the run unless --keep-going (exit status 2 either way).
    #[command(after_help = "\
Examples:
  newsgraph load --endpoint http://localhost:7878/store --replace
  newsgraph load a.txt b.txt --endpoint http://localhost:3030/news/data
  newsgraph load story.txt --endpoint http://localhost:8890/sparql-graph-crud \\
      --graph https://example.org/g
  NEWSGRAPH_PASSWORD=secret newsgraph load story.txt --user admin \\
      --endpoint http://localhost:3030/news/data

Credentials are sent with HTTP Basic authentication; HTTP Digest (Virtuoso's -auth endpoint)
is not supported.

Query endpoints derived from --endpoint: .../store -> .../query (Oxigraph server),
.../DATASET/data -> .../DATASET/sparql (Fuseki), .../sparql-graph-crud[-auth] -> .../sparql
(Virtuoso); otherwise pass --query-endpoint. Only http:// URLs (no TLS in this build).")]
    Load(LoadArgs),

    /// Score extraction against gold files: precision, recall and F1 for entities, relations,
    /// dates and quantities, per article and overall.
    ///
    /// A gold file is JSON (format: tests/articles/README.md); its `article` field names the
    /// article, relative to the gold file.
    #[command(after_help = "\
Examples:
  newsgraph eval tests/articles/*.gold.json
  newsgraph eval tests/articles/ap-election.gold.json --verbose

Each line reads: category P=precision R=recall F1=f1 (true positives/predicted/gold).
With --verbose, the misses (-) and spurious predictions (+) of each article follow.")]
    Eval(EvalArgs),

    /// Print a shell completion script for bash, elvish, fish, powershell or zsh.
    #[command(after_help = "\
Examples:
  newsgraph completions bash > ~/.local/share/bash-completion/completions/newsgraph
  newsgraph completions zsh > ~/.zfunc/_newsgraph     (with fpath+=~/.zfunc in ~/.zshrc)
  newsgraph completions fish > ~/.config/fish/completions/newsgraph.fish")]
    Completions(CompletionsArgs),

    /// Print the manual page newsgraph(1) in roff, or write a page per command with --dir.
    #[command(after_help = "\
Examples:
  newsgraph man | man -l -
  newsgraph man --dir ~/.local/share/man/man1")]
    Man(ManArgs),
}

/// Arguments of `newsgraph completions`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// Arguments of `newsgraph man`.
#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Write one page per command into DIR (newsgraph.1, newsgraph-extract.1, …) instead of
    /// printing newsgraph(1) on stdout.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// Arguments of `newsgraph eval`.
#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// Gold files (`NAME.gold.json`).
    #[arg(value_name = "GOLD", required = true, num_args = 1..)]
    pub gold: Vec<PathBuf>,

    /// Also list each article's missed and spurious items.
    #[arg(short, long)]
    pub verbose: bool,
}

/// Arguments of `newsgraph extract`.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Articles: UTF-8 text files, directories (searched recursively for --glob), or `-` for
    /// stdin [default: the bundled sample article; with --input jsonl, stdin]. Several
    /// articles make one N-Quads or TriG stream, each article in the named graph of its
    /// document IRI.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// How inputs are read: `text` (a file is one article) or `jsonl` (JSON Lines: one JSON
    /// object per line with `text` and optional `id`, `url`, `title`, `published`, `source`).
    #[arg(long = "input", value_enum, value_name = "KIND", default_value_t = InputArg::Text)]
    pub input_kind: InputArg,

    /// Which files of a directory are read [default: *.txt, with --input jsonl *.jsonl].
    #[arg(long, value_name = "GLOB")]
    pub glob: Option<String>,

    /// Output format [default: from the extension of --output, else turtle for one article,
    /// nquads for several].
    #[arg(short, long, value_enum)]
    pub format: Option<FormatArg>,

    /// IRI under which documents and entities are minted: http(s), urn or tag, ending in `/`.
    #[arg(long, value_name = "IRI", default_value = newsgraph::DEFAULT_BASE)]
    pub base: String,

    /// Write to FILE instead of stdout (`-` is stdout); the file appears only once it is
    /// complete. Only regular files are written: a symbolic link is followed (the file it
    /// points to is replaced, the link kept); a FIFO, device or directory is refused.
    #[arg(short, long, value_name = "FILE", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,

    /// The publication date (YYYY-MM-DD): the article's schema:datePublished and the date that
    /// "yesterday" or "on Friday" count from. It wins over a date in the text (with a warning
    /// when they differ).
    #[arg(long, value_name = "DATE", value_parser = parse_published)]
    pub published: Option<jiff::civil::Date>,

    /// What the DOT picture shows: story (who did what; no article node, provenance or
    /// lexicon background) or full (every node and edge) [default: story].
    #[arg(long, value_enum, value_name = "VIEW")]
    pub view: Option<ViewArg>,

    /// Write one file per article into DIR (any --format), each written atomically, named
    /// after the input file, or the record's id (else FILE-LINE) for JSON Lines.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// Articles extracted in parallel [default: the number of cores]. The output is the same
    /// bytes whatever the number.
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
}

/// Reads the value of `--published`.
fn parse_published(value: &str) -> std::result::Result<jiff::civil::Date, String> {
    value
        .trim()
        .parse::<jiff::civil::Date>()
        .map_err(|_| "expected a date as YYYY-MM-DD, such as 2019-09-24".to_owned())
}

/// What a picture shows, as spelt on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ViewArg {
    /// Who did what: events and their roles, people, organisations, quotes by speaker.
    Story,
    /// Every node and edge of the graph, the article node and its mentions included.
    Full,
}

/// How `extract` reads its inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputArg {
    /// Each file is one article.
    Text,
    /// JSON Lines: one article per line.
    Jsonl,
}

/// Arguments of `newsgraph query`.
#[derive(Debug, clap::Args)]
pub struct QueryArgs {
    /// The article: a UTF-8 text file, or `-` for stdin [default: the bundled sample article].
    #[arg(value_name = "PATH")]
    pub input: Option<PathBuf>,

    /// A name of the entity, such as a surname or "the court" (case-insensitive).
    #[arg(short, long, value_name = "NAME")]
    pub entity: String,

    /// IRI under which documents and entities are minted: http(s), urn or tag, ending in `/`.
    #[arg(long, value_name = "IRI", default_value = newsgraph::DEFAULT_BASE)]
    pub base: String,
}

/// Arguments of `newsgraph sparql`.
#[derive(Debug, clap::Args)]
pub struct SparqlArgs {
    /// The articles (UTF-8 text files, or `-` for stdin) [default: the bundled sample article],
    /// then the SPARQL 1.1 query, inline or as `@FILE` (such as
    /// `@examples/queries/who-ruled-against-whom.rq`).
    #[arg(value_name = "PATH... QUERY", required = true, num_args = 1..)]
    pub arguments: Vec<PathBuf>,

    /// Query RDF already extracted instead of (or with) articles: an N-Quads (.nq) or TriG
    /// (.trig) file such as the stream `newsgraph extract DIR` writes (also .nt, .ttl; `-` for
    /// N-Quads on stdin). Repeatable. Its named graphs stay named graphs, and every quad is
    /// also in the default graph.
    #[arg(long, value_name = "FILE")]
    pub data: Vec<PathBuf>,

    /// Output format: table (aligned columns, IRIs shortened; a graph as Turtle), json (SPARQL
    /// 1.1 Query Results JSON), csv or tsv (the W3C formats), turtle, ntriples or dot (graphs).
    #[arg(short, long, value_enum, default_value_t = ResultsFormatArg::Table)]
    pub format: ResultsFormatArg,

    /// IRI under which documents and entities are minted: http(s), urn or tag, ending in `/`.
    #[arg(long, value_name = "IRI", default_value = newsgraph::DEFAULT_BASE)]
    pub base: String,
}

/// Arguments of `newsgraph load`.
#[derive(Debug, clap::Args)]
pub struct LoadArgs {
    /// The articles: UTF-8 text files, or `-` for stdin [default: the bundled sample article].
    #[arg(value_name = "PATH")]
    pub inputs: Vec<PathBuf>,

    /// The Graph Store HTTP Protocol endpoint, such as http://localhost:7878/store.
    #[arg(long, value_name = "URL")]
    pub endpoint: String,

    /// The SPARQL query endpoint used to count the triples loaded [default: derived from
    /// --endpoint, see below].
    #[arg(long, value_name = "URL")]
    pub query_endpoint: Option<String>,

    /// The named graph to write [default: each article's document IRI]. With several articles,
    /// all go into this one graph.
    #[arg(long, value_name = "IRI")]
    pub graph: Option<String>,

    /// Replace the graph (HTTP PUT) instead of adding to it (HTTP POST).
    #[arg(long)]
    pub replace: bool,

    /// User name for HTTP Basic authentication; the password is read from the environment
    /// variable NEWSGRAPH_PASSWORD and never printed.
    #[arg(long, value_name = "USER")]
    pub user: Option<String>,

    /// Give up on a request after this many seconds (1 to 86400), the whole answer included.
    #[arg(long, value_name = "SECS", default_value_t = 30,
          value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub timeout: u64,

    /// Also read each graph back (Graph Store GET) and compare it with what was sent, triple by
    /// triple: a store that changes values (Virtuoso turns durations into seconds) fails,
    /// naming the first triple that differs.
    #[arg(long)]
    pub verify: bool,

    /// Go on with the other articles when one fails; exit status 2 at the end if any failed.
    #[arg(long)]
    pub keep_going: bool,

    /// IRI under which documents and entities are minted: http(s), urn or tag, ending in `/`.
    #[arg(long, value_name = "IRI", default_value = newsgraph::DEFAULT_BASE)]
    pub base: String,
}

/// A SPARQL results format, as spelt on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ResultsFormatArg {
    /// Aligned columns with shortened IRIs (CONSTRUCT: Turtle).
    Table,
    /// SPARQL 1.1 Query Results JSON.
    Json,
    /// SPARQL 1.1 Query Results CSV.
    Csv,
    /// SPARQL 1.1 Query Results TSV.
    Tsv,
    /// Turtle (CONSTRUCT and DESCRIBE only).
    #[value(alias = "ttl")]
    Turtle,
    /// N-Triples (CONSTRUCT and DESCRIBE only).
    #[value(alias = "nt")]
    Ntriples,
    /// Graphviz DOT (CONSTRUCT and DESCRIBE only): draw a part of a corpus.
    #[value(alias = "gv")]
    Dot,
}

impl ResultsFormatArg {
    fn format(self) -> newsgraph::sparql::ResultsFormat {
        use newsgraph::sparql::ResultsFormat;
        match self {
            Self::Table => ResultsFormat::Table,
            Self::Json => ResultsFormat::Json,
            Self::Csv => ResultsFormat::Csv,
            Self::Tsv => ResultsFormat::Tsv,
            Self::Turtle => ResultsFormat::Turtle,
            Self::Ntriples => ResultsFormat::NTriples,
            Self::Dot => ResultsFormat::Dot,
        }
    }
}

/// An output format, as spelt on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Turtle (.ttl): prefixed and grouped by subject.
    #[value(alias = "ttl")]
    Turtle,
    /// N-Triples (.nt): one triple per line.
    #[value(alias = "nt")]
    Ntriples,
    /// N-Quads (.nq): triples plus provenance named graphs.
    #[value(alias = "nq")]
    Nquads,
    /// TriG (.trig): Turtle with named graphs.
    Trig,
    /// JSON-LD (.jsonld).
    #[value(alias = "json-ld")]
    Jsonld,
    /// Graphviz DOT (.dot): render with `dot -Tsvg`.
    #[value(alias = "gv")]
    Dot,
    /// A self-contained HTML report (.html): the article, its story graph, facts, diagnostics.
    #[value(alias = "htm")]
    Html,
}

impl FormatArg {
    /// The library's format.
    fn format(self) -> Format {
        match self {
            FormatArg::Turtle => Format::Turtle,
            FormatArg::Ntriples => Format::NTriples,
            FormatArg::Nquads => Format::NQuads,
            FormatArg::Trig => Format::TriG,
            FormatArg::Jsonld => Format::JsonLd,
            FormatArg::Dot => Format::Dot,
            FormatArg::Html => Format::Html,
        }
    }
}

/// How a command ended, short of an error.
#[derive(Debug)]
pub enum Outcome {
    /// It did what was asked.
    Success,
    /// A query matched nothing; the message says so and suggests names.
    NoMatch(String),
    /// Some articles of a corpus failed (each got its `error:` line); the others were written.
    SomeFailed,
}

/// Runs a parsed command line.
///
/// # Errors
/// Anything that should end the process with exit code 2: unreadable input, an input that is
/// not an article, a bad option, a failed write.
pub fn run(args: &Args) -> Result<Outcome> {
    let resources = if args.lexicons.is_some() || args.rules.is_some() || args.frames.is_some() {
        let mut resources = Resources::load(args.lexicons.as_deref(), args.rules.as_deref())
            .context("failed to load --lexicons/--rules")?;
        if let Some(frames) = &args.frames {
            resources = resources.with_frames(frames).context("failed to load --frames")?;
        }
        Some(Arc::new(resources))
    } else {
        None
    };
    let common = Common { quiet: args.quiet, resources };
    match &args.command {
        Command::Extract(extract) => run_extract(extract, &common),
        Command::Query(query) => run_query(query, &common),
        Command::Sparql(sparql) => run_sparql(sparql, &common),
        Command::Parse(parse) => run_parse(parse),
        Command::Load(load) => run_load(load, &common),
        Command::Eval(eval) => run_eval(eval, &common),
        Command::Completions(completions) => run_completions(completions),
        Command::Man(man) => run_man(man),
    }
}

/// `newsgraph completions SHELL`: the completion script on stdout.
fn run_completions(args: &CompletionsArgs) -> Result<Outcome> {
    let mut command = <Args as clap::CommandFactory>::command();
    // clap_complete panics when its writer fails (a closed pipe), so the script is made in
    // memory first and written here, where an error is an error.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "newsgraph", &mut script);
    let mut stdout = io::stdout().lock();
    stdout.write_all(&script).and_then(|()| stdout.flush()).context("failed to write to stdout")?;
    Ok(Outcome::Success)
}

/// `newsgraph man`: newsgraph(1) on stdout, or every command's page in a directory.
fn run_man(args: &ManArgs) -> Result<Outcome> {
    let command = <Args as clap::CommandFactory>::command();
    match &args.dir {
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("failed to create directory {}", dir.display()))?;
            clap_mangen::generate_to(command, dir)
                .with_context(|| format!("failed to write manual pages into {}", dir.display()))?;
        }
        None => {
            let mut writer = BufWriter::new(io::stdout().lock());
            clap_mangen::Man::new(command)
                .render(&mut writer)
                .context("failed to write to stdout")?;
            writer.flush().context("failed to write to stdout")?;
        }
    }
    Ok(Outcome::Success)
}

impl Common {
    /// Extraction options with these lexicons and rules.
    fn options(&self) -> Options {
        match &self.resources {
            Some(resources) => Options::default().with_resources(Arc::clone(resources)),
            None => Options::default(),
        }
    }
}

/// The environment variable that holds the password for `load --user`.
const PASSWORD_VARIABLE: &str = "NEWSGRAPH_PASSWORD";

fn run_load(args: &LoadArgs, common: &Common) -> Result<Outcome> {
    if args.inputs.len() > 1 && args.graph.is_some() && args.replace {
        anyhow::bail!(
            "--replace with --graph and several articles would keep only the last one; \
             drop --replace to add them all to the graph"
        );
    }
    let mut loader = newsgraph::load::GraphStoreLoader::new(&args.endpoint)?
        .with_timeout(std::time::Duration::from_secs(args.timeout))
        .with_replace(args.replace)
        .with_verify(args.verify);
    if let Some(url) = &args.query_endpoint {
        loader = loader.with_query_endpoint(url)?;
    }
    if let Some(user) = &args.user {
        let password = std::env::var(PASSWORD_VARIABLE).map_err(|_| {
            anyhow::anyhow!(
                "--user needs the password in the environment variable {PASSWORD_VARIABLE}"
            )
        })?;
        loader = loader.with_credentials(user, password);
    }
    // Fail on a missing query endpoint before reading or sending anything.
    loader.query_endpoint()?;
    if args.inputs.iter().filter(|path| path.as_os_str() == "-").count() > 1 {
        anyhow::bail!("stdin (`-`) can be read only once");
    }
    let inputs: Vec<Option<&Path>> = if args.inputs.is_empty() {
        vec![None]
    } else {
        args.inputs.iter().map(|path| Some(path.as_path())).collect()
    };
    let stdout = io::stdout();
    let mut writer = stdout.lock();
    let mut failed = 0;
    for input in &inputs {
        let loaded = load_graph(*input, &args.base, None, common).and_then(|graph| {
            if !common.quiet {
                print_diagnostics(&graph, &article_name(*input));
            }
            loader.load(&graph, args.graph.as_deref()).with_context(|| input_name(*input))
        });
        match loaded {
            Ok(report) => writeln!(writer, "{report}").context("failed to write to stdout")?,
            Err(error) if args.keep_going => {
                failed += 1;
                eprintln!("error: {}", one_line(&format!("{error:#}")));
            }
            Err(error) => return Err(error),
        }
    }
    if failed > 0 {
        anyhow::bail!("{failed} of {} articles failed to load (see above)", inputs.len());
    }
    Ok(Outcome::Success)
}

/// How messages name an input: `article PATH`, `article from stdin`, or the bundled article.
fn input_name(input: Option<&Path>) -> String {
    match input {
        None => format!("bundled article {BUNDLED_ARTICLE_PATH}"),
        Some(path) if path.as_os_str() == "-" => "article from stdin".to_owned(),
        Some(path) => format!("article {}", path.display()),
    }
}

fn run_sparql(args: &SparqlArgs, common: &Common) -> Result<Outcome> {
    // Clap cannot put optional positionals before a required one, so QUERY is the last value.
    let Some((query, inputs)) = args.arguments.split_last() else {
        anyhow::bail!("missing the SPARQL query");
    };
    let query = query.to_str().context("the query is not valid UTF-8")?;
    let query = read_query(query)?;
    if !args.data.is_empty() {
        let mut dataset = newsgraph::sparql::QueryDataset::new();
        for path in &args.data {
            read_data(&mut dataset, path)?;
        }
        if !inputs.is_empty() {
            for graph in load_graphs(inputs, &args.base, common)? {
                dataset.add_graph(&graph);
            }
        }
        let output = dataset.query(&query)?;
        let stdout = io::stdout();
        let writer = BufWriter::new(stdout.lock());
        output
            .write_for(&dataset, args.format.format(), writer)
            .context("failed to write to stdout")?;
        return Ok(Outcome::Success);
    }
    let graphs = load_graphs(inputs, &args.base, common)?;
    let output = newsgraph::sparql::query(&graphs, &query)?;
    let stdout = io::stdout();
    let writer = BufWriter::new(stdout.lock());
    output.write(&graphs, args.format.format(), writer).context("failed to write to stdout")?;
    Ok(Outcome::Success)
}

/// Adds the quads of an N-Quads or TriG file (`-`: N-Quads on stdin) to a dataset.
fn read_data(dataset: &mut newsgraph::sparql::QueryDataset, path: &Path) -> Result<()> {
    use oxrdfio::RdfFormat;
    if path.as_os_str() == "-" {
        dataset
            .add_quads(io::stdin().lock(), RdfFormat::NQuads)
            .context("invalid data on stdin")?;
        return Ok(());
    }
    let extension = path.extension().and_then(|extension| extension.to_str()).unwrap_or("");
    let format = match extension.to_ascii_lowercase().as_str() {
        "nq" => RdfFormat::NQuads,
        "trig" => RdfFormat::TriG,
        "nt" => RdfFormat::NTriples,
        "ttl" => RdfFormat::Turtle,
        _ => anyhow::bail!(
            "cannot tell the syntax of --data {} from its extension; use .nq, .trig, .nt or .ttl",
            path.display()
        ),
    };
    let file = std::fs::File::open(path)
        .with_context(|| format!("failed to read data file {}", path.display()))?;
    dataset
        .add_quads(io::BufReader::new(file), format)
        .with_context(|| format!("invalid data file {}", path.display()))?;
    Ok(())
}

/// The query text: inline, or read from the file named after an `@`.
fn read_query(query: &str) -> Result<String> {
    match query.strip_prefix('@') {
        Some(path) => std::fs::read_to_string(path)
            .with_context(|| format!("failed to read query file {path}")),
        None => Ok(query.to_owned()),
    }
}

/// The graphs of several articles (the bundled one when there are none), with their
/// diagnostics printed unless `quiet`.
fn load_graphs(inputs: &[PathBuf], base: &str, common: &Common) -> Result<Vec<KnowledgeGraph>> {
    if inputs.iter().filter(|path| path.as_os_str() == "-").count() > 1 {
        anyhow::bail!("stdin (`-`) can be read only once");
    }
    let inputs: Vec<Option<&Path>> = if inputs.is_empty() {
        vec![None]
    } else {
        inputs.iter().map(|path| Some(path.as_path())).collect()
    };
    let mut graphs = Vec::with_capacity(inputs.len());
    for input in inputs {
        let graph = load_graph(input, base, None, common)?;
        if !common.quiet {
            print_diagnostics(&graph, &article_name(input));
        }
        graphs.push(graph);
    }
    Ok(graphs)
}

/// Whether `extract` runs in corpus mode: several articles, a directory, JSON Lines or
/// `--out-dir`.
fn is_corpus(args: &ExtractArgs) -> bool {
    args.paths.len() > 1
        || args.out_dir.is_some()
        || args.input_kind == InputArg::Jsonl
        || args.paths.iter().any(|path| path.is_dir())
}

/// `extract` over many articles (see `batch.rs`).
fn run_corpus(args: &ExtractArgs, common: &Common) -> Result<Outcome> {
    oxrdf::NamedNode::new(&args.base)
        .with_context(|| format!("invalid --base IRI {:?}", args.base))?;
    let (format, output) = match (&args.out_dir, &args.output) {
        (Some(directory), _) => (
            args.format.map_or(Format::Turtle, FormatArg::format),
            crate::batch::Output::Directory(directory.clone()),
        ),
        (None, output) => {
            let format = match (args.format, output) {
                (Some(format), _) => format.format(),
                (None, Some(path)) => format_of_extension(path)?,
                (None, None) => Format::NQuads,
            };
            if !matches!(format, Format::NQuads | Format::TriG) {
                anyhow::bail!(
                    "several articles are written as one stream of nquads or trig (each article in \
                     its own named graph), not {format}; pass --format nquads or trig, or \
                     --out-dir DIR for one {format} file per article"
                );
            }
            let output = match output {
                Some(path) => crate::batch::Output::File(path.clone()),
                None => crate::batch::Output::Stdout,
            };
            (format, output)
        }
    };
    let kind = match args.input_kind {
        InputArg::Text => crate::batch::InputKind::Text,
        InputArg::Jsonl => crate::batch::InputKind::JsonLines,
    };
    let inputs = if args.paths.is_empty() { vec![PathBuf::from("-")] } else { args.paths.clone() };
    let jobs = match args.jobs {
        Some(jobs) => usize::from(jobs),
        None => std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
    };
    let batch = crate::batch::Batch {
        inputs,
        kind,
        glob: args.glob.clone(),
        format,
        output,
        jobs,
        options: match args.published {
            Some(published) => common.options().with_base(&args.base).with_published(published),
            None => common.options().with_base(&args.base),
        },
        quiet: common.quiet,
    };
    let summary = crate::batch::run(&batch)?;
    Ok(if summary.failures > 0 { Outcome::SomeFailed } else { Outcome::Success })
}

/// The format named by a file's extension; none means Turtle.
fn format_of_extension(path: &Path) -> Result<Format> {
    match path.extension().and_then(|extension| extension.to_str()) {
        None => Ok(Format::Turtle),
        Some(extension) => extension.parse::<Format>().ok().with_context(|| {
            format!(
                "cannot tell the format from the extension of {}; pass --format",
                path.display()
            )
        }),
    }
}

fn run_extract(args: &ExtractArgs, common: &Common) -> Result<Outcome> {
    if is_corpus(args) {
        return run_corpus(args, common);
    }
    if args.glob.is_some() {
        anyhow::bail!("--glob selects files of a directory, and no directory was given");
    }
    let format = match (args.format, &args.output) {
        (Some(format), _) => format.format(),
        (None, Some(output)) => format_of_extension(output)?,
        (None, None) => Format::Turtle,
    };
    if args.view.is_some() && format != Format::Dot {
        anyhow::bail!("--view applies to --format dot only, not {format}");
    }
    let view = match args.view {
        Some(ViewArg::Full) => newsgraph::export::View::Full,
        Some(ViewArg::Story) | None => newsgraph::export::View::Story,
    };
    let input = args.paths.first().map(PathBuf::as_path);
    let graph = load_graph(input, &args.base, args.published, common)?;
    if !common.quiet {
        print_diagnostics(&graph, &article_name(input));
    }
    match args.output.as_deref().filter(|output| output.as_os_str() != "-") {
        Some(output) => write_atomically(output, |writer| {
            write_graph(&graph, format, view, writer)
                .with_context(|| format!("failed to write {}", output.display()))
        }),
        None => {
            let stdout = io::stdout();
            let mut writer = BufWriter::new(stdout.lock());
            write_graph(&graph, format, view, &mut writer).context("failed to write to stdout")?;
            writer.flush().context("failed to write to stdout")
        }
    }?;
    Ok(Outcome::Success)
}

/// Writes a graph in a format; DOT in the chosen view.
fn write_graph(
    graph: &KnowledgeGraph,
    format: Format,
    view: newsgraph::export::View,
    writer: impl Write,
) -> Result<(), newsgraph::ExportError> {
    if format == Format::Dot {
        let mut serializer =
            newsgraph::export::DotSerializer::new().with_view(view).for_writer(writer);
        serializer.serialize_graph(graph)?;
        serializer.finish()?;
        Ok(())
    } else {
        newsgraph::export::write(graph, format, writer)
    }
}

fn run_query(args: &QueryArgs, common: &Common) -> Result<Outcome> {
    let graph = load_graph(args.input.as_deref(), &args.base, None, common)?;
    if !common.quiet {
        print_diagnostics(&graph, &article_name(args.input.as_deref()));
    }
    let matches = best_matches(&graph, &args.entity);
    if matches.is_empty() {
        return Ok(Outcome::NoMatch(no_match_message(&graph, &args.entity)));
    }
    // The entity's own facts (it is the subject) come first, then those of other nodes about
    // it; a fact two matched nodes share is listed once.
    let mut own: Vec<newsgraph::Fact<'_>> = Vec::new();
    let mut about: Vec<newsgraph::Fact<'_>> = Vec::new();
    for &node in &matches {
        let Some(matched) = graph.node(node) else { continue };
        for fact in graph.facts_about(node) {
            if own.contains(&fact) || about.contains(&fact) {
                continue;
            }
            if std::ptr::eq(fact.subject, matched) {
                own.push(fact);
            } else {
                about.push(fact);
            }
        }
    }
    let stdout = io::stdout();
    let mut writer = BufWriter::new(stdout.lock());
    for fact in own.iter().chain(&about) {
        writeln!(writer, "{}", fact_line(&graph, fact)).context("failed to write to stdout")?;
    }
    writer.flush().context("failed to write to stdout")?;
    Ok(Outcome::Success)
}

/// The nodes a name stands for: every exact match if there is one, else every partial match.
fn best_matches(graph: &KnowledgeGraph, name: &str) -> Vec<petgraph::stable_graph::NodeIndex> {
    let found = graph.find_by_name(name);
    let exact: Vec<_> =
        found.iter().copied().filter(|&index| graph.is_named(index, name)).collect();
    if exact.is_empty() {
        found
    } else {
        exact
    }
}

/// `subject | relation | object | source`, where the source is every sentence that states the
/// fact (quoted), `(from the dateline) "words"`, `(from the text)` for what the article
/// mentions, or `(from the lexicon)`.
fn fact_line(graph: &KnowledgeGraph, fact: &newsgraph::Fact<'_>) -> String {
    let mut line = format!(
        "{} | {} | {} |",
        one_line(&fact.subject.label),
        fact.predicate_name(),
        fact.object
    );
    let source = fact.source();
    let quoted: Vec<&newsgraph::Evidence> = match source {
        newsgraph::FactSource::Text => fact
            .evidence
            .iter()
            .filter(|evidence| !evidence.is_dateline() && &*evidence.rule != "lexicon")
            .collect(),
        newsgraph::FactSource::Dateline => {
            fact.evidence.iter().filter(|evidence| evidence.is_dateline()).collect()
        }
        _ => Vec::new(),
    };
    if quoted.is_empty() || source != newsgraph::FactSource::Text {
        let _ = write!(line, " (from the {})", source.name());
    }
    let mut seen = Vec::new();
    for evidence in quoted {
        if seen.contains(&evidence.sentence) {
            continue;
        }
        seen.push(evidence.sentence);
        // Writing to a String cannot fail.
        let _ = write!(line, " \"{}\"", one_line(graph.evidence_text(evidence)));
    }
    line
}

fn no_match_message(graph: &KnowledgeGraph, name: &str) -> String {
    let mut known: Vec<&str> = graph
        .nodes()
        .filter(|(_, node)| node.kind == newsgraph::NodeKind::Entity)
        .map(|(_, node)| node.label.as_str())
        .collect();
    known.sort_unstable();
    known.dedup();
    if known.is_empty() {
        return format!("error: no entity matches \"{name}\" (the graph has no entities)");
    }
    let more = known.len().saturating_sub(SUGGESTIONS);
    let mut message = format!(
        "error: no entity matches \"{name}\"; known entities include: {}",
        known
            .iter()
            .take(SUGGESTIONS)
            .map(|label| format!("\"{label}\""))
            .collect::<Vec<_>>()
            .join(", ")
    );
    if more > 0 {
        let _ = write!(message, " and {more} more");
    }
    message
}

/// Reads an article (a path, `-` for stdin, or the bundled one) and extracts its graph.
fn load_graph(
    input: Option<&Path>,
    base: &str,
    published: Option<jiff::civil::Date>,
    common: &Common,
) -> Result<KnowledgeGraph> {
    newsgraph::check_base(base)
        .map_err(|error| anyhow::anyhow!("invalid --base {:?}: {}", error.base, error.message))?;
    let mut options = common.options().with_base(base);
    if let Some(date) = published {
        options = options.with_published(date);
    }
    let (name, bytes) = match input {
        None => {
            (format!("bundled article {BUNDLED_ARTICLE_PATH}"), BUNDLED_ARTICLE.as_bytes().to_vec())
        }
        Some(path) if path.as_os_str() == "-" => {
            let bytes =
                read_limited(io::stdin().lock()).context("failed to read article from stdin")?;
            ("article from stdin".to_owned(), bytes)
        }
        Some(path) => {
            let bytes = std::fs::File::open(path)
                .and_then(read_limited)
                .with_context(|| format!("failed to read article {}", path.display()))?;
            (format!("article {}", path.display()), bytes)
        }
    };
    // The library checks size and encoding and reports the line and column of a bad byte.
    let article = Article::parse_bytes(&bytes).with_context(|| format!("invalid {name}"))?;
    Ok(newsgraph::extract_article(&article, &options))
}

/// Arguments of `newsgraph parse`.
#[derive(Debug, clap::Args)]
pub struct ParseArgs {
    /// UTF-8 text files, or `-` for stdin [default: the bundled sample article].
    #[arg(value_name = "PATH")]
    pub inputs: Vec<PathBuf>,

    /// Output format: conllu (CoNLL-U, one block per sentence) or json (one object per input
    /// and line: input, text, tokens with byte and code point offsets, sentences as token
    /// ranges, entities).
    #[arg(long, value_enum, default_value = "conllu")]
    pub format: ParseFormat,

    /// Skip named-entity recognition (tokens, tags, lemmas, dependencies and sentences only).
    #[arg(long)]
    pub no_entities: bool,
}

/// Output formats of `newsgraph parse`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ParseFormat {
    /// CoNLL-U (https://universaldependencies.org/format.html).
    Conllu,
    /// JSON Lines: one object per input.
    Json,
}

fn run_parse(args: &ParseArgs) -> Result<Outcome> {
    let parser = newsgraph::syntax::Parser::english().context("failed to load the parser model")?;
    let inputs: Vec<Option<&Path>> = if args.inputs.is_empty() {
        vec![None]
    } else {
        args.inputs.iter().map(|path| Some(path.as_path())).collect()
    };
    if inputs.iter().filter(|input| input.is_some_and(|path| path.as_os_str() == "-")).count() > 1 {
        anyhow::bail!("stdin (`-`) can be read only once");
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for input in &inputs {
        let (name, text) = match input {
            None => (BUNDLED_ARTICLE_PATH.to_owned(), BUNDLED_ARTICLE.to_owned()),
            Some(path) => {
                let bytes = if path.as_os_str() == "-" {
                    read_limited(io::stdin().lock()).context("failed to read stdin")?
                } else {
                    std::fs::File::open(path)
                        .and_then(read_limited)
                        .with_context(|| format!("failed to read {}", path.display()))?
                };
                let name = if path.as_os_str() == "-" {
                    "<stdin>".to_owned()
                } else {
                    path.display().to_string()
                };
                let text = String::from_utf8(bytes).map_err(|error| {
                    let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
                    let line = valid.iter().filter(|byte| **byte == b'\n').count() + 1;
                    anyhow::anyhow!("{name}: line {line}: not UTF-8 text")
                })?;
                (name, text)
            }
        };
        let doc = if args.no_entities {
            parser.parse_without_entities(&text)
        } else {
            parser.parse(&text)
        };
        match args.format {
            ParseFormat::Conllu => {
                if inputs.len() > 1 {
                    writeln!(out, "# newdoc id = {}", name.replace(['\n', '\r'], " "))?;
                }
                newsgraph::syntax::write_conllu(&text, &doc, &mut out)?;
            }
            ParseFormat::Json => {
                let record = serde_json::json!({
                    "input": name,
                    "text": text,
                    "tokens": doc.tokens,
                    "sentences": doc.sentences,
                    "entities": doc.entities,
                });
                serde_json::to_writer(&mut out, &record)?;
                writeln!(out)?;
            }
        }
    }
    out.flush()?;
    Ok(Outcome::Success)
}

/// Reads at most [`READ_LIMIT`] bytes, and fails if there are more.
fn read_limited(reader: impl Read) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader.take(READ_LIMIT + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > READ_LIMIT {
        return Err(io::Error::other(format!(
            "the input is larger than {} MiB",
            READ_LIMIT / (1024 * 1024)
        )));
    }
    Ok(bytes)
}

/// How warnings name an article: its path, `<stdin>`, or the bundled article's path.
fn article_name(input: Option<&Path>) -> String {
    match input {
        None => BUNDLED_ARTICLE_PATH.to_owned(),
        Some(path) if path.as_os_str() == "-" => "<stdin>".to_owned(),
        Some(path) => path.display().to_string(),
    }
}

/// How many symbolic links [`regular_target`] follows before it gives up (Linux's limit).
const MAX_SYMLINKS: usize = 40;

/// The regular file that writing `path` replaces: `path` itself, or the file its symbolic
/// links lead to (which need not exist yet).
///
/// # Errors
/// When `path` (or where its links lead) exists and is not a regular file (a FIFO, a device, a
/// directory, a socket), or when the links form a loop.
fn regular_target(path: &Path) -> Result<PathBuf> {
    let mut target = path.to_path_buf();
    for _ in 0..MAX_SYMLINKS {
        let metadata = match std::fs::symlink_metadata(&target) {
            Ok(metadata) => metadata,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(target),
            Err(error) => {
                return Err(error).with_context(|| format!("failed to write {}", path.display()));
            }
        };
        let file_type = metadata.file_type();
        if file_type.is_file() {
            return Ok(target);
        }
        if !file_type.is_symlink() {
            anyhow::bail!(
                "refusing to write {}: it is {}, not a regular file; write to stdout (without -o, or -o -) and redirect instead",
                path.display(),
                describe_file_type(&file_type)
            );
        }
        let link = std::fs::read_link(&target)
            .with_context(|| format!("failed to write {}", path.display()))?;
        target = match target.parent() {
            Some(parent) if link.is_relative() => parent.join(link),
            _ => link,
        };
    }
    anyhow::bail!("refusing to write {}: too many levels of symbolic links", path.display())
}

/// "a directory", "a FIFO", … for messages.
fn describe_file_type(file_type: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        "a directory"
    } else {
        "not a regular file"
    }
}

/// Writes a file so it appears only when complete: into a temporary file in the same
/// directory, which is then renamed over the target. On error, no file is left behind.
///
/// Only regular files are written: a symbolic link is followed and the file it leads to is
/// replaced (the link stays); anything else that is not a regular file is refused
/// ([`regular_target`]).
pub(crate) fn write_atomically(
    target: &Path,
    write: impl FnOnce(&mut BufWriter<&mut std::fs::File>) -> Result<()>,
) -> Result<()> {
    let resolved = regular_target(target)?;
    let target = resolved.as_path();
    let directory = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temporary = tempfile::NamedTempFile::new_in(directory)
        .with_context(|| format!("failed to create a file in {}", directory.display()))?;
    {
        let mut writer = BufWriter::new(temporary.as_file_mut());
        write(&mut writer)?;
        writer.flush().with_context(|| format!("failed to write {}", target.display()))?;
    }
    persist(temporary, target)
}

/// Gives a complete temporary file the permissions of an ordinary file and renames it over
/// `target`.
pub(crate) fn persist(temporary: tempfile::NamedTempFile, target: &Path) -> Result<()> {
    // Temporary files are created private (0600); the output is an ordinary file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let permissions = std::fs::Permissions::from_mode(0o644);
        temporary
            .as_file()
            .set_permissions(permissions)
            .with_context(|| format!("failed to write {}", target.display()))?;
    }
    temporary
        .persist(target)
        .map_err(|error| error.error)
        .with_context(|| format!("failed to write {}", target.display()))?;
    Ok(())
}

/// Prints the graph's diagnostics on stderr as `warning: ARTICLE: …` lines.
fn print_diagnostics(graph: &KnowledgeGraph, name: &str) {
    for diagnostic in graph.diagnostics() {
        eprintln!("warning: {name}: {}", diagnostic_line(graph, diagnostic));
    }
}

/// A diagnostic as `line L, column C: message (stage)`, the position counted in the article.
pub(crate) fn diagnostic_line(graph: &KnowledgeGraph, diagnostic: &Diagnostic) -> String {
    let message = one_line(&diagnostic.message);
    match diagnostic.span.and_then(|span| graph.document().text.get(..span.start)) {
        Some(before) => {
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
            format!("line {line}, column {column}: {message} ({})", diagnostic.stage)
        }
        None => format!("{message} ({})", diagnostic.stage),
    }
}

/// Text with runs of white space (line breaks included) collapsed to one space.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `newsgraph eval`: scores each article, then all of them together.
fn run_eval(args: &EvalArgs, common: &Common) -> Result<Outcome> {
    let results = newsgraph::eval::evaluate_files_with(&args.gold, &common.options())?;
    let mut stdout = std::io::stdout().lock();
    for (path, report) in &results {
        writeln!(stdout, "{}", path.display())?;
        if args.verbose {
            writeln!(stdout, "{report:#}")?;
        } else {
            writeln!(stdout, "{report}")?;
        }
    }
    let reports: Vec<_> = results.into_iter().map(|(_, report)| report).collect();
    writeln!(stdout, "overall ({} articles)", reports.len())?;
    writeln!(stdout, "{}", newsgraph::eval::overall(&reports))?;
    Ok(Outcome::Success)
}
