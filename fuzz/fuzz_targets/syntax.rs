//! UTF-8 text → `syntax::Parser::parse` (spaCy's tokenizer, tagger, parser and recogniser).
//!
//! Checks: no panic; tokens in order, on character boundaries, and with the single spaces of
//! `space_after` they cover the text exactly; code point offsets agree with byte offsets;
//! sentences are consecutive, non-empty and cover every token; every head is in its token's
//! sentence, each sentence has one root and following heads from any token reaches it; entities
//! are non-empty token ranges, in order, not overlapping.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use newsgraph::syntax::Parser;

fn parser() -> &'static Parser {
    static PARSER: OnceLock<&'static Parser> = OnceLock::new();
    PARSER.get_or_init(|| Parser::english().expect("the embedded model loads"))
}

fuzz_target!(|text: &str| {
    let doc = parser().parse(text);
    let tokens = &doc.tokens;
    // Tokens and single spaces cover the text.
    let mut byte = 0;
    for (index, token) in tokens.iter().enumerate() {
        assert_eq!(token.start, byte, "token {index} does not start where the last ended: {doc:?}");
        assert!(token.start < token.end && token.end <= text.len(), "token {index}: {doc:?}");
        assert!(text.is_char_boundary(token.start) && text.is_char_boundary(token.end));
        assert_eq!(token.char_start, text[..token.start].chars().count(), "token {index}");
        assert_eq!(token.char_end, text[..token.end].chars().count(), "token {index}");
        byte = token.end;
        if token.space_after {
            assert_eq!(text.as_bytes().get(byte), Some(&b' '), "token {index}: no space after");
            byte += 1;
        }
    }
    assert_eq!(byte, text.len(), "the tokens do not cover the text: {doc:?}");
    // Sentences: consecutive token ranges covering every token.
    let mut next = 0;
    for sentence in &doc.sentences {
        assert_eq!(sentence.start, next, "sentences not consecutive: {:?}", doc.sentences);
        assert!(sentence.start < sentence.end, "an empty sentence: {:?}", doc.sentences);
        next = sentence.end;
    }
    assert_eq!(next, tokens.len(), "sentences do not cover the tokens: {:?}", doc.sentences);
    // Heads: a tree per sentence.
    for sentence in &doc.sentences {
        let mut roots = 0;
        for index in sentence.clone() {
            let head = tokens[index].head;
            assert!(sentence.contains(&head), "token {index}: head {head} outside {sentence:?}");
            if head == index {
                roots += 1;
            }
            // Following heads reaches a root in fewer steps than the sentence has tokens.
            let mut at = index;
            let mut steps = 0;
            while tokens[at].head != at && steps < sentence.len() {
                at = tokens[at].head;
                steps += 1;
            }
            assert_eq!(tokens[at].head, at, "token {index}: heads form a cycle in {sentence:?}");
        }
        assert_eq!(roots, 1, "{roots} roots in sentence {sentence:?}");
    }
    // Entities: non-empty, in order, not overlapping.
    let mut after = 0;
    for entity in &doc.entities {
        assert!(after <= entity.start && entity.start < entity.end && entity.end <= tokens.len());
        after = entity.end;
    }
});
