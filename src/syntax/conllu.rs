//! [CoNLL-U](https://universaldependencies.org/format.html) output of a [`Doc`].

use std::io::{self, Write};

use super::doc::Doc;

/// Writes a [`Doc`] as CoNLL-U: a `# text =` line per sentence, one line per token with the
/// ten columns, a blank line after each sentence.
///
/// Columns: ID, FORM, LEMMA, UPOS (spaCy's `pos_`), XPOS (spaCy's `tag_`), FEATS `_`, HEAD
/// (0 for the root), DEPREL (spaCy's `dep_`, `ROOT` for the root), DEPS `_`, MISC
/// (`NER=B-LABEL`/`NER=I-LABEL` inside an entity, `SpaceAfter=No` where no space follows).
///
/// NB: spaCy keeps runs of white space other than one space as tokens (tag `_SP`); their FORM
/// and LEMMA are written with `\n`, `\t` and `\r` escaped, since a CoNLL-U field cannot hold
/// a line break or a tab, and so is the `# text =` line.
///
/// # Errors
/// Whatever the writer returns.
pub fn write_conllu(text: &str, doc: &Doc, out: &mut impl Write) -> io::Result<()> {
    let mut entity_of = vec![None; doc.tokens.len()];
    for entity in &doc.entities {
        for (offset, slot) in entity_of[entity.start..entity.end].iter_mut().enumerate() {
            *slot = Some((offset == 0, entity.label));
        }
    }
    for sentence in &doc.sentences {
        let (Some(first), Some(last)) =
            (doc.tokens.get(sentence.start), doc.tokens.get(sentence.end.wrapping_sub(1)))
        else {
            continue;
        };
        writeln!(out, "# text = {}", escape(&text[first.start..last.end]))?;
        for index in sentence.clone() {
            let token = &doc.tokens[index];
            let head = if token.head == index || token.dep == "ROOT" {
                0
            } else {
                token.head + 1 - sentence.start
            };
            let mut misc = String::new();
            if let Some((begins, label)) = entity_of[index] {
                misc.push_str(if begins { "NER=B-" } else { "NER=I-" });
                misc.push_str(label);
            }
            if !token.space_after {
                if !misc.is_empty() {
                    misc.push('|');
                }
                misc.push_str("SpaceAfter=No");
            }
            if misc.is_empty() {
                misc.push('_');
            }
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}",
                index + 1 - sentence.start,
                escape(&text[token.start..token.end]),
                escape(&token.lemma),
                or_underscore(token.pos),
                or_underscore(token.tag),
                head,
                token.dep,
                misc
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn or_underscore(value: &str) -> &str {
    if value.is_empty() {
        "_"
    } else {
        value
    }
}

/// The field with line breaks and tabs written as `\n`, `\r`, `\t` (and `\` as `\\` only
/// where it could be mistaken for one of them).
fn escape(field: &str) -> std::borrow::Cow<'_, str> {
    if !field.contains(['\n', '\r', '\t']) {
        return std::borrow::Cow::Borrowed(field);
    }
    let mut escaped = String::with_capacity(field.len() + 4);
    for character in field.chars() {
        match character {
            '\n' => escaped.push_str("\\n"),
            '\r' => escaped.push_str("\\r"),
            '\t' => escaped.push_str("\\t"),
            other => escaped.push(other),
        }
    }
    std::borrow::Cow::Owned(escaped)
}
