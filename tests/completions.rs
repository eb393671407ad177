//! `newsgraph completions SHELL` and `newsgraph man`: scripts and pages made from the same
//! clap definition as `--help`, so they list every command and option.
//!
//! See: issue 14 ("Completions and man page").

#![expect(clippy::unwrap_used, reason = "a failed setup step should fail the test loudly")]

use std::process::Command;

use assert_cmd::cargo::cargo_bin_cmd;

/// Runs newsgraph with `args`; checks it succeeds with nothing on stderr and returns stdout.
fn run(args: &[&str]) -> String {
    let output = cargo_bin_cmd!("newsgraph").args(args).output().unwrap();
    assert!(output.status.success(), "{args:?}: {output:?}");
    assert!(output.stderr.is_empty(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn every_shell_gets_a_script_that_knows_every_command() {
    for shell in ["bash", "elvish", "fish", "powershell", "zsh"] {
        let script = run(&["completions", shell]);
        for word in ["extract", "query", "sparql", "load", "eval", "entity", "endpoint"] {
            assert!(script.contains(word), "{shell} script lacks {word}");
        }
        // The formats of --format are offered as values (elvish and PowerShell complete options only).
        if !matches!(shell, "elvish" | "powershell") {
            assert!(script.contains("jsonld"), "{shell} script lacks the formats");
        }
    }
}

#[test]
fn the_bash_script_is_valid_bash_and_completes() {
    let script = run(&["completions", "bash"]);
    let directory = assert_fs::TempDir::new().unwrap();
    let path = directory.path().join("newsgraph.bash");
    std::fs::write(&path, &script).unwrap();
    // Source the script, then ask it for the completions of `newsgraph ex`.
    let probe = format!(
        "source {}; COMP_WORDS=(newsgraph ex); COMP_CWORD=1; _newsgraph newsgraph ex newsgraph; \
         printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        path.display()
    );
    let output = Command::new("bash").args(["--norc", "-c", &probe]).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    assert_eq!(String::from_utf8(output.stdout).unwrap(), "extract\n");
}

#[test]
fn an_unknown_shell_is_an_error() {
    let output = cargo_bin_cmd!("newsgraph").args(["completions", "cmd"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.starts_with("error: invalid value 'cmd' for '<SHELL>'"), "{stderr}");
}

#[test]
fn the_man_page_is_roff_with_every_command() {
    let page = run(&["man"]);
    assert!(page.contains(".TH newsgraph 1"), "{page}");
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH OPTIONS", ".SH SUBCOMMANDS"]
    {
        assert!(page.contains(section), "no {section}");
    }
    for command in ["extract", "query", "sparql", "load", "eval", "completions"] {
        assert!(page.contains(&format!("newsgraph\\-{command}(1)")), "no {command}");
    }
    // groff reads it without a warning (`-k`: the page is UTF-8, as man-db's preconv reads it).
    let directory = assert_fs::TempDir::new().unwrap();
    let path = directory.path().join("newsgraph.1");
    std::fs::write(&path, &page).unwrap();
    if let Ok(output) =
        Command::new("groff").args(["-k", "-man", "-Tutf8", "-ww", "-z"]).arg(&path).output()
    {
        assert!(output.status.success(), "{output:?}");
        assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
    }
}

#[test]
fn man_dir_writes_one_page_per_command() {
    let directory = assert_fs::TempDir::new().unwrap();
    let target = directory.path().join("man1");
    run(&["man", "--dir", target.to_str().unwrap()]);
    let mut pages: Vec<String> = std::fs::read_dir(&target)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    assert_eq!(
        pages,
        [
            "newsgraph-completions.1",
            "newsgraph-eval.1",
            "newsgraph-extract.1",
            "newsgraph-load.1",
            "newsgraph-man.1",
            "newsgraph-parse.1",
            "newsgraph-query.1",
            "newsgraph-sparql.1",
            "newsgraph.1",
        ]
    );
    let extract = std::fs::read_to_string(target.join("newsgraph-extract.1")).unwrap();
    assert!(extract.contains("\\-\\-format"), "{extract}");
}
