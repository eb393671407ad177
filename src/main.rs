//! `newsgraph`: the command line, thin glue over the library.
//!
//! Parses the arguments ([`cli::Args`]), runs the command, prints any error as one
//! `error: …` line on stderr, and turns the outcome into an exit code:
//! 0 on success (and when stdout is closed early, as in `newsgraph extract | head`),
//! 1 when a query matches nothing, 2 on errors, 3 when some articles of a corpus failed.

mod batch;
mod cli;

use std::io;
use std::process::ExitCode;

use clap::Parser;

// Extraction allocates many small strings; mimalloc makes that markedly cheaper than the
// system allocator (see the benchmark in README.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    match cli::run(&args) {
        Ok(cli::Outcome::Success) => ExitCode::SUCCESS,
        Ok(cli::Outcome::NoMatch(message)) => {
            eprintln!("{message}");
            ExitCode::from(1)
        }
        Ok(cli::Outcome::SomeFailed) => ExitCode::from(3),
        // A closed pipe means the reader has what it wanted (ripgrep does the same).
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {}", cli::one_line(&format!("{error:#}")));
            ExitCode::from(2)
        }
    }
}

/// Whether an error comes from writing to a pipe whose reader has gone.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        let io_error = cause.downcast_ref::<io::Error>().or_else(|| {
            match cause.downcast_ref::<newsgraph::ExportError>() {
                Some(newsgraph::ExportError::Io(io_error)) => Some(io_error),
                _ => match cause.downcast_ref::<newsgraph::Error>() {
                    Some(newsgraph::Error::Export(newsgraph::ExportError::Io(io_error))) => {
                        Some(io_error)
                    }
                    _ => None,
                },
            }
        });
        io_error.is_some_and(|io_error| io_error.kind() == io::ErrorKind::BrokenPipe)
    })
}
