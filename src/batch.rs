//! Corpus mode of `newsgraph extract`: many articles in, one N-Quads or TriG stream (or one
//! file per article) out, on every core.
//!
//! A reader thread lists the inputs and reads them one at a time, a rayon pool extracts and
//! serializes, and this thread writes the results in input order
//! ([`newsgraph::corpus::map_ordered`]), so memory does not grow with the corpus and the
//! output is the same bytes whatever `--jobs` is. An article that fails is one `error:` line;
//! the others go on, and the run ends with exit status 3.

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use globset::{Glob, GlobMatcher};

use newsgraph::corpus::{Line, LineReader, Record};
use newsgraph::{Article, Format, KnowledgeGraph, Options};

/// The most bytes read for one article or one JSON Lines record.
const READ_LIMIT: usize = 64 * 1024 * 1024;

/// Items in flight per worker thread: enough to keep every worker busy while the writer waits
/// for a slow article, few enough that memory stays small.
const WINDOW_PER_JOB: usize = 4;

/// How the inputs are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// Each file is one article of plain text.
    Text,
    /// Each line of each file is a JSON object with `text` and optional metadata.
    JsonLines,
}

/// Where the output goes.
#[derive(Debug)]
pub enum Output {
    /// One stream of N-Quads or TriG to stdout.
    Stdout,
    /// One stream written atomically to a file.
    File(PathBuf),
    /// One file per article in a directory, in any format.
    Directory(PathBuf),
}

/// What a corpus run needs.
#[derive(Debug)]
pub struct Batch {
    /// Files, directories, or `-` for stdin.
    pub inputs: Vec<PathBuf>,
    /// Text files or JSON Lines.
    pub kind: InputKind,
    /// Which files of a directory are read.
    pub glob: Option<String>,
    /// The output format.
    pub format: Format,
    /// Where the output goes.
    pub output: Output,
    /// Worker threads.
    pub jobs: usize,
    /// Extraction options.
    pub options: Options,
    /// No warnings and no summary.
    pub quiet: bool,
}

/// The result of a run: how many articles failed.
#[derive(Debug, Default)]
pub struct Summary {
    /// Articles extracted.
    pub articles: usize,
    /// Articles that failed.
    pub failures: usize,
}

/// One input file, or stdin.
#[derive(Debug, Clone)]
struct InputFile {
    /// `None` for stdin.
    path: Option<PathBuf>,
    /// The name in messages.
    name: String,
    /// The output file name (without extension) in `--out-dir`.
    out_stem: PathBuf,
}

/// What the reader hands to a worker.
enum Item {
    /// A whole file of text.
    Text { name: String, out_stem: PathBuf, bytes: io::Result<Vec<u8>> },
    /// A line of JSON Lines (or a line that could not be read).
    Json { name: String, out_stem: PathBuf, line: Result<Vec<u8>, String> },
}

/// What a worker hands back.
struct Done {
    name: String,
    out_stem: PathBuf,
    input_bytes: usize,
    unknown_fields: Vec<String>,
    result: Result<Extracted, String>,
}

/// An article's output.
struct Extracted {
    output: Vec<u8>,
    triples: usize,
    warnings: Vec<String>,
}

/// Runs a corpus.
///
/// # Errors
/// An error of the whole run: an input that does not exist, a bad `--glob`, an output that
/// cannot be written. An article that fails is counted in the [`Summary`] instead.
pub fn run(batch: &Batch) -> Result<Summary> {
    let started = Instant::now();
    let files = list_inputs(&batch.inputs, batch.kind, batch.glob.as_deref())?;
    let known_total = (batch.kind == InputKind::Text).then_some(files.len() as u64);
    let progress = progress_bar(known_total, batch.quiet);
    let items = read_items(files, batch.kind);
    let mut writer = Writer::new(batch)?;
    let work = |item: Item| process(item, batch);
    let mut printed_unknown = false;
    newsgraph::corpus::map_ordered(items, batch.jobs, batch.jobs * WINDOW_PER_JOB, work, |done| {
        if !batch.quiet && !printed_unknown && !done.unknown_fields.is_empty() {
            printed_unknown = true;
            let message = format!(
                "warning: {}: unknown fields ignored: {} (said once for the whole input)",
                done.name,
                done.unknown_fields.join(", ")
            );
            progress.suspend(|| eprintln!("{message}"));
        }
        writer.bytes += done.input_bytes as u64;
        match done.result {
            Ok(extracted) => {
                if !batch.quiet && !extracted.warnings.is_empty() {
                    progress.suspend(|| {
                        for warning in &extracted.warnings {
                            eprintln!("{warning}");
                        }
                    });
                }
                match writer.write(&done.name, &done.out_stem, &extracted.output) {
                    Ok(()) => {
                        writer.summary.articles += 1;
                        writer.triples += extracted.triples;
                    }
                    Err(error) => writer.fail(&progress, &error.to_string()),
                }
            }
            Err(message) => writer.fail(&progress, &format!("{}: {message}", done.name)),
        }
        progress.inc(1);
        // A failed write to the stream (a full disk, a closed pipe) ends the run.
        writer.stream_error.take().map_or(Ok(()), Err)
    })?;
    progress.finish_and_clear();
    writer.finish()?;
    let seconds = started.elapsed().as_secs_f64();
    if !batch.quiet {
        let megabytes = writer.bytes as f64 / 1e6;
        eprintln!(
            "{} articles, {} failed, {megabytes:.2} MB, {} triples in {seconds:.2} s ({:.3} MB/s, {} jobs)",
            writer.summary.articles,
            writer.summary.failures,
            writer.triples,
            megabytes / seconds.max(1e-9),
            batch.jobs
        );
    }
    Ok(writer.summary)
}

/// A progress bar on stderr, drawn only when stderr is a terminal.
fn progress_bar(total: Option<u64>, quiet: bool) -> indicatif::ProgressBar {
    if quiet || !io::stderr().is_terminal() || total.is_some_and(|total| total < 2) {
        return indicatif::ProgressBar::hidden();
    }
    let template = match total {
        Some(_) => "{elapsed_precise} [{bar:40}] {pos}/{len} articles ({per_sec}, {eta} left)",
        None => "{elapsed_precise} {spinner} {pos} articles ({per_sec})",
    };
    let bar = match total {
        Some(total) => indicatif::ProgressBar::new(total),
        None => indicatif::ProgressBar::new_spinner(),
    };
    if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    bar
}

/// Every input file: named files as they are, directories walked recursively (sorted, so the
/// order does not depend on the file system) for the files that match the glob.
fn list_inputs(inputs: &[PathBuf], kind: InputKind, glob: Option<&str>) -> Result<Vec<InputFile>> {
    let default_glob = match kind {
        InputKind::Text => "*.txt",
        InputKind::JsonLines => "*.jsonl",
    };
    let pattern = glob.unwrap_or(default_glob);
    let matcher = Glob::new(pattern)
        .with_context(|| format!("invalid --glob {pattern:?}"))?
        .compile_matcher();
    if inputs.iter().filter(|path| path.as_os_str() == "-").count() > 1 {
        anyhow::bail!("stdin (`-`) can be read only once");
    }
    let mut files = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            files.push(InputFile { path: None, name: "<stdin>".into(), out_stem: "stdin".into() });
            continue;
        }
        // A path that cannot be read fails as an article, when it is read.
        if input.is_dir() {
            let mut found = Vec::new();
            walk(input, &matcher, &mut found)
                .with_context(|| format!("failed to read directory {}", input.display()))?;
            found.sort();
            for path in found {
                let relative = path.strip_prefix(input).unwrap_or(&path).with_extension("");
                files.push(InputFile {
                    name: path.display().to_string(),
                    out_stem: relative,
                    path: Some(path),
                });
            }
        } else {
            let stem = input.file_stem().map_or_else(|| PathBuf::from("article"), PathBuf::from);
            files.push(InputFile {
                path: Some(input.clone()),
                name: input.display().to_string(),
                out_stem: stem,
            });
        }
    }
    Ok(files)
}

/// Collects the files under `directory` whose name matches.
fn walk(directory: &Path, matcher: &GlobMatcher, found: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in std::fs::read_dir(directory)? {
        let entry = entry?;
        let path = entry.path();
        let file_type = entry.file_type()?;
        if file_type.is_dir() || (file_type.is_symlink() && path.is_dir()) {
            walk(&path, matcher, found)?;
        } else if path.file_name().is_some_and(|name| matcher.is_match(name)) {
            found.push(path);
        }
    }
    Ok(())
}

/// The items of the inputs, read lazily: a file when a worker is ready for it.
fn read_items(files: Vec<InputFile>, kind: InputKind) -> impl Iterator<Item = Item> + Send {
    files.into_iter().flat_map(move |file| -> Box<dyn Iterator<Item = Item> + Send> {
        match kind {
            InputKind::Text => {
                let bytes = match &file.path {
                    Some(path) => File::open(path).and_then(read_limited),
                    None => read_limited(io::stdin()),
                };
                Box::new(std::iter::once(Item::Text {
                    name: file.name,
                    out_stem: file.out_stem,
                    bytes,
                }))
            }
            InputKind::JsonLines => {
                let reader: io::Result<Box<dyn BufRead + Send>> = match &file.path {
                    Some(path) => File::open(path)
                        .map(|file| Box::new(BufReader::new(file)) as Box<dyn BufRead + Send>),
                    None => Ok(Box::new(BufReader::new(io::stdin()))),
                };
                match reader {
                    Err(error) => Box::new(std::iter::once(Item::Json {
                        name: file.name,
                        out_stem: file.out_stem,
                        line: Err(format!("failed to read: {error}")),
                    })),
                    Ok(reader) => Box::new(json_items(reader, file)),
                }
            }
        }
    })
}

/// The records of one JSON Lines input, blank lines skipped.
fn json_items(
    reader: Box<dyn BufRead + Send>,
    file: InputFile,
) -> impl Iterator<Item = Item> + Send {
    LineReader::new(reader, READ_LIMIT).filter_map(move |line| {
        let stem = file.out_stem.display().to_string();
        match line {
            Ok(Line::Text(_, bytes)) if bytes.iter().all(u8::is_ascii_whitespace) => None,
            Ok(Line::Text(number, bytes)) => Some(Item::Json {
                name: format!("{}:{number}", file.name),
                out_stem: PathBuf::from(format!("{stem}-{number}")),
                line: Ok(bytes),
            }),
            Ok(Line::TooLong(number, length)) => Some(Item::Json {
                name: format!("{}:{number}", file.name),
                out_stem: PathBuf::from(format!("{stem}-{number}")),
                line: Err(format!(
                    "the record is {length} bytes long, over the limit of {} MiB",
                    READ_LIMIT / (1024 * 1024)
                )),
            }),
            Err(error) => Some(Item::Json {
                name: file.name.clone(),
                out_stem: file.out_stem.clone(),
                line: Err(format!("failed to read: {error}")),
            }),
        }
    })
}

/// Reads at most [`READ_LIMIT`] bytes, and fails if there are more.
fn read_limited(reader: impl Read) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader.take(READ_LIMIT as u64 + 1).read_to_end(&mut bytes)?;
    if bytes.len() > READ_LIMIT {
        return Err(io::Error::other(format!(
            "the input is larger than {} MiB",
            READ_LIMIT / (1024 * 1024)
        )));
    }
    Ok(bytes)
}

/// Extracts and serializes one item (on a worker thread).
fn process(item: Item, batch: &Batch) -> Done {
    match item {
        Item::Text { name, out_stem, bytes } => {
            let input_bytes = bytes.as_ref().map_or(0, Vec::len);
            let result = bytes
                .map_err(|error| format!("failed to read article: {error}"))
                .and_then(|bytes| {
                    let article = Article::parse_bytes(&bytes)
                        .map_err(|error| format!("invalid article: {error}"))?;
                    Ok(newsgraph::extract_article(&article, &batch.options))
                })
                .and_then(|graph| serialize(&graph, &name, batch));
            Done { name, out_stem, input_bytes, unknown_fields: Vec::new(), result }
        }
        Item::Json { name, out_stem, line } => {
            let input_bytes = line.as_ref().map_or(0, Vec::len);
            let mut unknown_fields = Vec::new();
            let mut out_stem = out_stem;
            let result = line
                .and_then(|line| {
                    Record::from_json(&line).map_err(|error| format!("invalid record: {error}"))
                })
                .and_then(|parsed| {
                    unknown_fields = parsed.unknown_fields;
                    let record = parsed.record;
                    if let Some(id) =
                        record.id.as_deref().map(newsgraph::mint::slug).filter(|id| !id.is_empty())
                    {
                        out_stem = PathBuf::from(id);
                    }
                    newsgraph::corpus::extract_record(&record, &batch.options)
                        .map_err(|error| format!("invalid article{}: {error}", id_note(&record)))
                })
                .and_then(|graph| serialize(&graph, &name, batch));
            Done { name, out_stem, input_bytes, unknown_fields, result }
        }
    }
}

/// ` (id X)` for messages about a record that has an id.
fn id_note(record: &Record) -> String {
    record.id.as_deref().map(|id| format!(" (id {id})")).unwrap_or_default()
}

/// The output bytes, triple count and warnings of a graph.
fn serialize(graph: &KnowledgeGraph, name: &str, batch: &Batch) -> Result<Extracted, String> {
    let mut output = Vec::new();
    let triples = match batch.output {
        Output::Directory(_) => {
            newsgraph::export::write(graph, batch.format, &mut output)
                .map_err(|error| format!("failed to serialize: {error}"))?;
            newsgraph::export::triple_count(graph)
        }
        Output::Stdout | Output::File(_) => {
            newsgraph::export::write_document_graph(graph, batch.format, &mut output)
                .map_err(|error| format!("failed to serialize: {error}"))?
        }
    };
    let warnings = if batch.quiet {
        Vec::new()
    } else {
        graph
            .diagnostics()
            .iter()
            .map(|diagnostic| {
                format!("warning: {name}: {}", crate::cli::diagnostic_line(graph, diagnostic))
            })
            .collect()
    };
    Ok(Extracted { output, triples, warnings })
}

/// Writes outputs in order and keeps the counts.
struct Writer {
    target: Target,
    summary: Summary,
    bytes: u64,
    triples: usize,
    /// The first error writing the stream; it ends the run.
    stream_error: Option<anyhow::Error>,
    extension: &'static str,
    written: HashSet<PathBuf>,
}

enum Target {
    Stdout(io::BufWriter<io::Stdout>),
    File { path: PathBuf, file: io::BufWriter<tempfile::NamedTempFile> },
    Directory(PathBuf),
}

impl Writer {
    fn new(batch: &Batch) -> Result<Self> {
        let target = match &batch.output {
            Output::Stdout => Target::Stdout(io::BufWriter::new(io::stdout())),
            Output::File(path) => {
                let directory = match path.parent() {
                    Some(parent) if !parent.as_os_str().is_empty() => parent,
                    _ => Path::new("."),
                };
                let temporary = tempfile::NamedTempFile::new_in(directory).with_context(|| {
                    format!("failed to create a file in {}", directory.display())
                })?;
                Target::File { path: path.clone(), file: io::BufWriter::new(temporary) }
            }
            Output::Directory(directory) => {
                std::fs::create_dir_all(directory).with_context(|| {
                    format!("failed to create directory {}", directory.display())
                })?;
                Target::Directory(directory.clone())
            }
        };
        Ok(Self {
            target,
            summary: Summary::default(),
            bytes: 0,
            triples: 0,
            stream_error: None,
            extension: batch.format.file_extension(),
            written: HashSet::new(),
        })
    }

    /// Counts a failed article and prints its `error:` line.
    fn fail(&mut self, progress: &indicatif::ProgressBar, message: &str) {
        self.summary.failures += 1;
        progress.suspend(|| eprintln!("error: {}", crate::cli::one_line(message)));
    }

    /// Writes one article's output. An error writing a file of `--out-dir` fails the article;
    /// an error writing the stream is kept in `stream_error` and ends the run.
    fn write(&mut self, name: &str, out_stem: &Path, output: &[u8]) -> Result<()> {
        match &mut self.target {
            Target::Stdout(writer) => {
                if let Err(error) = writer.write_all(output) {
                    self.stream_error =
                        Some(anyhow::Error::new(error).context("failed to write to stdout"));
                }
                Ok(())
            }
            Target::File { path, file } => {
                if let Err(error) = file.write_all(output) {
                    let message = format!("failed to write {}", path.display());
                    self.stream_error = Some(anyhow::Error::new(error).context(message));
                }
                Ok(())
            }
            Target::Directory(directory) => {
                let mut file_name = out_stem.as_os_str().to_owned();
                file_name.push(".");
                file_name.push(self.extension);
                let target = directory.join(file_name);
                if !self.written.insert(target.clone()) {
                    anyhow::bail!(
                        "{name}: {} was already written for an earlier article; give the records distinct ids",
                        target.display()
                    );
                }
                if let Some(parent) = target.parent() {
                    std::fs::create_dir_all(parent).with_context(|| {
                        format!("{name}: failed to create directory {}", parent.display())
                    })?;
                }
                crate::cli::write_atomically(&target, |writer| {
                    writer
                        .write_all(output)
                        .with_context(|| format!("failed to write {}", target.display()))
                })
                .with_context(|| name.to_owned())
            }
        }
    }

    /// Flushes the stream; a file appears only now, complete.
    fn finish(&mut self) -> Result<()> {
        let target = std::mem::replace(&mut self.target, Target::Directory(PathBuf::new()));
        match target {
            Target::Stdout(mut writer) => writer.flush().context("failed to write to stdout"),
            Target::File { path, file } => {
                let temporary = file
                    .into_inner()
                    .map_err(|error| error.into_error())
                    .with_context(|| format!("failed to write {}", path.display()))?;
                crate::cli::persist(temporary, &path)
            }
            Target::Directory(_) => Ok(()),
        }
    }
}
