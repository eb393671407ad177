//! newsgraph::syntax against spaCy 3.8 with en_core_web_sm 3.8.0: the analysis of 5,252
//! sentences of news and web text (tests/syntax/reference.jsonl, made by
//! scripts/spacy/reference.sh) must be the same.
//!
//! Tokens are compared by their code point offsets; tags, lemmas, parts of speech, heads,
//! labels, sentence starts and entity labels on tokens both sides have; entity spans as
//! (start, end, label) in code points. Thresholds from issue 10: tokens 99.9 %, the rest
//! 99.5 %. Every disagreement is listed when a threshold is missed.

use std::collections::{HashMap, HashSet};

use newsgraph::syntax::Parser;

#[path = "syntax/reference.rs"]
mod reference;
use reference::{documents, Tally};

/// `Parser::parse_many` (what extraction uses, one batch of sentences) gives every text the very
/// analysis `Parser::parse` gives it alone: every third reference document, in one call, so that
/// batches mix short and long documents.
#[test]
fn batched_analysis_is_the_analysis_of_each_alone() {
    let parser = Parser::english().unwrap_or_else(|error| panic!("{error}"));
    let documents = documents();
    let texts: Vec<&str> =
        documents.iter().step_by(3).map(|document| document.text.as_str()).collect();
    let batched = parser.parse_many(&texts);
    assert_eq!(batched.len(), texts.len());
    for (text, doc) in texts.iter().zip(&batched) {
        assert_eq!(doc, &parser.parse(text), "{text:?}");
    }
    assert_eq!(parser.parse_many(&[]), Vec::new());
    assert_eq!(
        parser.parse_many(&["", " ", "Rain."]),
        [parser.parse(""), parser.parse(" "), parser.parse("Rain.")]
    );
}

#[test]
fn analysis_is_spacys() {
    let parser = Parser::english().unwrap_or_else(|error| panic!("{error}"));
    let mut scores: Vec<(&str, f64, Tally)> =
        ["tokens", "tags", "pos", "lemmas", "heads", "labels", "sentence starts", "entities"]
            .into_iter()
            .map(|name| (name, if name == "tokens" { 0.999 } else { 0.995 }, Tally::default()))
            .collect();
    let mut n_docs = 0;
    for doc_ref in documents() {
        n_docs += 1;
        let doc = parser.parse(&doc_ref.text);
        let ours: HashMap<(usize, usize), usize> = doc
            .tokens
            .iter()
            .enumerate()
            .map(|(index, token)| ((token.char_start, token.char_end), index))
            .collect();
        let sent_starts_ours: HashSet<usize> =
            doc.sentences.iter().map(|sentence| sentence.start).collect();
        let sent_starts_ref: HashSet<usize> = doc_ref.sent_starts.iter().copied().collect();
        let show = |index: usize| {
            let text: String = doc_ref
                .text
                .chars()
                .skip(doc_ref.start[index])
                .take(doc_ref.end[index] - doc_ref.start[index])
                .collect();
            format!("{} token {index} {text:?}", doc_ref.id)
        };
        let mut aligned = Vec::with_capacity(doc_ref.start.len());
        for (index, (start, end)) in doc_ref.start.iter().zip(&doc_ref.end).enumerate() {
            let found = ours.get(&(*start, *end)).copied();
            aligned.push(found);
            scores[0].2.check(found.is_some(), || format!("{} not a token of ours", show(index)));
        }
        for (index, own) in aligned.iter().enumerate() {
            let Some(own) = *own else { continue };
            let token = &doc.tokens[own];
            scores[1].2.check(token.tag == doc_ref.tag[index], || {
                format!("{}: spaCy {} ours {}", show(index), doc_ref.tag[index], token.tag)
            });
            scores[2].2.check(token.pos == doc_ref.pos[index], || {
                format!("{}: spaCy {} ours {}", show(index), doc_ref.pos[index], token.pos)
            });
            scores[3].2.check(token.lemma == doc_ref.lemma[index], || {
                format!("{}: spaCy {:?} ours {:?}", show(index), doc_ref.lemma[index], token.lemma)
            });
            let head_same = aligned[doc_ref.head[index]] == Some(token.head);
            scores[4].2.check(head_same, || {
                format!("{}: spaCy head {} ours {}", show(index), doc_ref.head[index], token.head)
            });
            scores[5].2.check(token.dep == doc_ref.dep[index], || {
                format!("{}: spaCy {} ours {}", show(index), doc_ref.dep[index], token.dep)
            });
            let starts_ref = sent_starts_ref.contains(&index);
            scores[6].2.check(sent_starts_ours.contains(&own) == starts_ref, || {
                format!("{}: spaCy {starts_ref}", show(index))
            });
        }
        let spans_ours: HashSet<(usize, usize, &str)> = doc
            .entities
            .iter()
            .map(|entity| {
                (
                    doc.tokens[entity.start].char_start,
                    doc.tokens[entity.end - 1].char_end,
                    entity.label,
                )
            })
            .collect();
        let spans_ref: HashSet<(usize, usize, &str)> = doc_ref
            .ents
            .iter()
            .map(|(start, end, label)| {
                (doc_ref.start[*start], doc_ref.end[*end - 1], label.as_str())
            })
            .collect();
        for span in spans_ref.union(&spans_ours) {
            let (in_ref, in_ours) = (spans_ref.contains(span), spans_ours.contains(span));
            scores[7].2.check(in_ref && in_ours, || {
                let text: String =
                    doc_ref.text.chars().skip(span.0).take(span.1 - span.0).collect();
                format!(
                    "{} {text:?} {}: {}",
                    doc_ref.id,
                    span.2,
                    if in_ref { "only spaCy's" } else { "only ours" }
                )
            });
        }
    }
    let mut failed = false;
    let mut summary = format!("{n_docs} documents\n");
    for (name, threshold, score) in &scores {
        summary.push_str(&format!(
            "{name}: {}/{} = {:.4}% (at least {:.1}%)\n",
            score.agree,
            score.total,
            100.0 * score.rate(),
            100.0 * threshold
        ));
        if score.rate() < *threshold {
            failed = true;
        }
    }
    eprintln!("{summary}");
    if failed {
        let mut details = summary;
        for (name, _, score) in &scores {
            if !score.disagreements.is_empty() {
                details.push_str(&format!("{name}:\n"));
            }
            for line in &score.disagreements {
                details.push_str(line);
                details.push('\n');
            }
        }
        panic!("the analysis differs from spaCy's:\n{details}");
    }
}
