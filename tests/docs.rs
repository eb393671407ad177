//! The crate's front page (`docs/library.md`, included by `src/lib.rs`) repeats the README's
//! "Library" section word for word, so the example users read in either place is the one
//! `cargo test --doc` runs.
//!
//! See: issue 14 ("the crate's front page is the README's library section").

/// The text between a heading and the next heading of the same level.
fn section<'a>(markdown: &'a str, heading: &str) -> &'a str {
    let start = markdown
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("README.md has no heading {heading:?}"))
        + heading.len()
        + 2;
    let rest = &markdown[start..];
    let end = rest.find("\n## ").map_or(rest.len(), |end| end + 1);
    rest[..end].trim()
}

#[test]
fn the_front_page_is_the_readmes_library_section() {
    let readme = include_str!("../README.md");
    let front_page = include_str!("../docs/library.md");
    let marker = "tests/docs.rs keeps them the same. -->";
    let (_, copied) = front_page
        .split_once(marker)
        .unwrap_or_else(|| panic!("docs/library.md lost its marker {marker:?}"));
    let expected = section(readme, "## Library");
    assert!(
        copied.trim() == expected,
        "docs/library.md differs from README.md's Library section; copy the section over.\n\
         --- README.md ---\n{expected}\n--- docs/library.md ---\n{}",
        copied.trim()
    );
}
