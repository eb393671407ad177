//! Parsing an article's structure (stub: one paragraph per blank-line block, one sentence per
//! paragraph; to be replaced).

use super::{Article, CharIndex, Paragraph, ParagraphKind, Sentence};
use crate::ArticleParseError;

/// The largest article accepted, in bytes.
pub const MAX_ARTICLE_BYTES: usize = 10 * 1024 * 1024;

pub(super) fn parse(text: &str) -> Result<Article, ArticleParseError> {
    if text.trim().is_empty() {
        return Err(ArticleParseError::new(1, 1, "the article is empty"));
    }
    let char_index = CharIndex::new(text);
    let mut article = Article {
        text: text.to_owned(),
        dateline: None,
        date: None,
        agency: None,
        paragraphs: Vec::new(),
        sentences: Vec::new(),
        char_index,
    };
    let mut offset = 0;
    for block in text.split("\n\n") {
        let start = offset + (block.len() - block.trim_start().len());
        let end = offset + block.trim_end().len();
        offset += block.len() + 2;
        if start >= end {
            continue;
        }
        let span = article.span(start, end);
        let paragraph = article.paragraphs.len();
        let index = article.sentences.len();
        article.sentences.push(Sentence { index, span, paragraph, in_caption: false });
        article.paragraphs.push(Paragraph {
            span,
            kind: ParagraphKind::Body,
            sentences: index..index + 1,
        });
    }
    Ok(article)
}
