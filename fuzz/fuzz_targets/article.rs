//! Article bytes → `Article::parse_bytes`: any bytes give an article or an error, never a
//! panic, and every span of an article lies inside its text on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(article) = newsgraph::Article::parse_bytes(bytes) {
        for sentence in &article.sentences {
            let span = sentence.span;
            assert!(span.start <= span.end && span.end <= article.text.len());
            assert!(article.text.is_char_boundary(span.start));
            assert!(article.text.is_char_boundary(span.end));
            assert!(span.end - span.start <= newsgraph::article::MAX_SENTENCE_BYTES);
        }
    }
});
