//! The dependency parse of each sentence, in article offsets: what the frame and name stages
//! read.
//!
//! Each sentence of the [`Article`] is analysed on its own by [`crate::syntax::Parser`] (spaCy's
//! `en_core_web_sm`: tags, lemmas, dependencies, named entities); token and entity offsets are
//! moved from the sentence's text to the article's, and every token knows its children.

use crate::article::Article;
use crate::syntax::{Doc, Parser};

/// One sentence's parse with article byte offsets.
#[derive(Debug, Default)]
pub(crate) struct SentenceParse {
    /// Article byte offset of the sentence text (token offsets in `doc` are relative to it).
    offset: usize,
    pub doc: Doc,
    /// Each token's dependents, in text order.
    children: Vec<Vec<usize>>,
}

impl SentenceParse {
    fn new(offset: usize, doc: Doc) -> Self {
        let mut children = vec![Vec::new(); doc.tokens.len()];
        for (index, token) in doc.tokens.iter().enumerate() {
            if token.head != index
                && let Some(list) = children.get_mut(token.head)
            {
                list.push(index);
            }
        }
        Self { offset, doc, children }
    }

    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.doc.tokens.len()
    }

    /// Article byte range of a token.
    pub(crate) fn range(&self, token: usize) -> (usize, usize) {
        self.doc
            .tokens
            .get(token)
            .map_or((self.offset, self.offset), |t| (self.offset + t.start, self.offset + t.end))
    }

    /// Lemma of a token ("" out of range).
    pub(crate) fn lemma(&self, token: usize) -> &str {
        self.doc.tokens.get(token).map_or("", |t| t.lemma.as_str())
    }

    /// Dependency label of a token ("" out of range).
    pub(crate) fn dep(&self, token: usize) -> &'static str {
        self.doc.tokens.get(token).map_or("", |t| t.dep)
    }

    /// Fine-grained tag of a token ("" out of range).
    pub(crate) fn tag(&self, token: usize) -> &'static str {
        self.doc.tokens.get(token).map_or("", |t| t.tag)
    }

    /// Coarse part of speech of a token ("" out of range).
    pub(crate) fn pos(&self, token: usize) -> &'static str {
        self.doc.tokens.get(token).map_or("", |t| t.pos)
    }

    /// The head of a token (itself for a root).
    pub(crate) fn head(&self, token: usize) -> usize {
        self.doc.tokens.get(token).map_or(token, |t| t.head)
    }

    /// A token's dependents, in text order.
    pub(crate) fn children(&self, token: usize) -> &[usize] {
        self.children.get(token).map_or(&[], Vec::as_slice)
    }

    /// Dependents of a token with one of these labels.
    pub(crate) fn children_with<'a>(
        &'a self,
        token: usize,
        labels: &'a [&str],
    ) -> impl Iterator<Item = usize> + 'a {
        self.children(token).iter().copied().filter(move |&child| labels.contains(&self.dep(child)))
    }

    /// Article byte range of a token's whole subtree (the token and everything under it).
    pub(crate) fn subtree_range(&self, token: usize) -> (usize, usize) {
        let (mut start, mut end) = self.range(token);
        // An explicit stack: a parse is a tree, and sentences are bounded, but a deep chain must
        // not recurse.
        let mut stack = vec![token];
        let mut steps = 0;
        while let Some(next) = stack.pop() {
            steps += 1;
            if steps > self.len() {
                break;
            }
            let (s, e) = self.range(next);
            start = start.min(s);
            end = end.max(e);
            stack.extend_from_slice(self.children(next));
        }
        (start, end)
    }

    /// Article byte ranges and labels of the named entities.
    pub(crate) fn entities(&self) -> impl Iterator<Item = (usize, usize, &'static str)> + '_ {
        self.doc.entities.iter().filter_map(|entity| {
            let first = self.doc.tokens.get(entity.start)?;
            let last = self.doc.tokens.get(entity.end.checked_sub(1)?)?;
            Some((self.offset + first.start, self.offset + last.end, entity.label))
        })
    }
}

/// Parses every sentence of an article (with named entities). Without a parser (the embedded
/// model failed to load, which a test guards against) every sentence has an empty parse.
///
/// The sentences are analysed in batches ([`Parser::parse_many`]): each gets the parse it would
/// get alone, at about half the cost. Only the sentences within [`MAX_PARSED_TOKENS`] are parsed;
/// later ones get an empty parse (they are read by the rules only), and the second value is the
/// first of them.
pub(crate) fn parse_sentences(
    article: &Article,
    parser: Option<&Parser>,
) -> (Vec<SentenceParse>, Option<usize>) {
    let Some(parser) = parser else {
        return (article.sentences.iter().map(|_| SentenceParse::default()).collect(), None);
    };
    let texts: Vec<&str> =
        article.sentences.iter().map(|sentence| article.sentence_text(sentence)).collect();
    let mut parses: Vec<SentenceParse> = article
        .sentences
        .iter()
        .zip(parser.parse_within(&texts, MAX_PARSED_TOKENS))
        .map(|(sentence, doc)| SentenceParse::new(sentence.span.start, doc))
        .collect();
    let first_unparsed = (parses.len() < article.sentences.len()).then_some(parses.len());
    parses.resize_with(article.sentences.len(), SentenceParse::default);
    (parses, first_unparsed)
}

/// How much of an article is parsed: its sentences, in order, while their tokens stay within
/// this, each sentence counted [`TEXT_TOKEN_COST`](crate::syntax::TEXT_TOKEN_COST) tokens more
/// (about 85 kB or 14,000 words of news, more than the longest feature stories). Parsing costs
/// about 30 µs a token, far more than the rest of extraction, so this bounds what one oversized
/// article can cost (about half a second); later sentences are read by the surface rules alone,
/// with a diagnostic.
pub const MAX_PARSED_TOKENS: usize = 16 * 1024;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_the_articles_and_children_are_known() {
        let article = Article::parse("Rain fell. The court ruled against Russia.")
            .unwrap_or_else(|error| panic!("{error}"));
        let parser = Parser::english().unwrap_or_else(|error| panic!("{error}"));
        let (parses, unparsed) = parse_sentences(&article, Some(parser));
        assert_eq!((parses.len(), unparsed), (2, None));
        let second = &parses[1];
        let ruled = (0..second.len()).find(|&t| second.lemma(t) == "rule");
        let Some(ruled) = ruled else { panic!("no verb") };
        let (start, end) = second.range(ruled);
        assert_eq!(&article.text[start..end], "ruled");
        let subject: Vec<usize> = second.children_with(ruled, &["nsubj"]).collect();
        assert_eq!(subject.len(), 1);
        assert_eq!(second.subtree_range(subject[0]), (11, 20));
        let entities: Vec<_> = second.entities().collect();
        assert_eq!(entities, [(35, 41, "GPE")]);
    }

    #[test]
    fn only_the_first_tokens_are_parsed() {
        let sentence = "The court ruled against Russia on Thursday. ";
        // 8 tokens a sentence.
        let each = 8 + crate::syntax::TEXT_TOKEN_COST;
        let text = sentence.repeat(MAX_PARSED_TOKENS / each + 3);
        let article = Article::parse(&text).unwrap_or_else(|error| panic!("{error}"));
        let parser = Parser::english().unwrap_or_else(|error| panic!("{error}"));
        let (parses, unparsed) = parse_sentences(&article, Some(parser));
        let Some(unparsed) = unparsed else { panic!("every sentence parsed") };
        assert_eq!(parses.len(), article.sentences.len());
        assert_eq!(unparsed, MAX_PARSED_TOKENS / each);
        assert!(parses[..unparsed].iter().all(|parse| parse.len() == 8));
        assert!(parses[unparsed..].iter().all(|parse| parse.len() == 0));
    }
}
