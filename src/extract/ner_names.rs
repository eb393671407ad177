//! Names the parser's named-entity recogniser finds and no lexicon or name rule did.
//!
//! Runs after `names.rs` for each sentence: a `PERSON`, `ORG`, `GPE`, `LOC` or `FAC` entity of
//! the parse that no mention covers becomes a proper-name mention of that kind ("Tanvir Ahmed",
//! "Halvorsen Privatbank" need no lexicon entry). A lexicon place inside a longer organisation or
//! facility name gives way to it: "Wells Fargo" is a bank, not Fargo in North Dakota.

use rustc_hash::FxHashMap;

use super::parse::SentenceParse;
use super::{Annotations, Context, Tag};
use crate::article::Sentence;
use crate::vocab::{ng, schema};

/// The words of the multi-word proper names found so far, with where each word first stands:
/// an index kept across sentences, so that asking whether a one-word name is a word of an earlier
/// name does not scan every mention of the article.
#[derive(Debug, Default)]
pub(crate) struct EarlierNames {
    first_at: FxHashMap<String, usize>,
    /// Mentions before this index are in `first_at`.
    indexed: usize,
}

impl EarlierNames {
    /// Takes in the mentions pushed since the last call.
    fn update(&mut self, annotations: &Annotations) {
        for mention in annotations.mentions.iter().skip(self.indexed) {
            if mention.proper && mention.text.contains(char::is_whitespace) {
                for word in mention.text.split_whitespace() {
                    let first = self.first_at.entry(word.to_owned()).or_insert(mention.span.start);
                    *first = (*first).min(mention.span.start);
                }
            }
        }
        self.indexed = annotations.mentions.len();
    }

    /// Whether a word belongs to a multi-word proper name that starts before `start`.
    fn before(&self, word: &str, start: usize) -> bool {
        self.first_at.get(word).is_some_and(|&first| first < start)
    }
}

/// Adds the parse's names that no mention covers.
pub(crate) fn find(
    context: &Context<'_>,
    sentence: &Sentence,
    parse: &SentenceParse,
    earlier: &mut EarlierNames,
    annotations: &mut Annotations,
) {
    let text = &context.article.text;
    for (start, end, label) in parse.entities() {
        let (tag, class, class_iri) = match label {
            // One word alone is rarely how a story first names a person ("Turnout was low"):
            // a person is named in full before a surname or a given name stands alone.
            "PERSON" if !text[start..end].trim().contains(char::is_whitespace) => continue,
            "PERSON" => (Tag::Per, "Person", schema::PERSON),
            "ORG" => (Tag::Org, "Organization", schema::ORGANIZATION),
            "GPE" | "LOC" => (Tag::Gpe, "Place", schema::PLACE),
            "FAC" => (Tag::Fac, "Facility", ng::FACILITY),
            _ => continue,
        };
        let Some((start, end)) = trim_name(text, start, end) else { continue };
        // A name has a proper noun in it; the recogniser sometimes labels a common noun
        // ("Media reported it": NNS).
        let proper_noun = (0..parse.len()).any(|token| {
            let (s, e) = parse.range(token);
            start <= s && e <= end && parse.tag(token).starts_with("NNP")
        });
        if !proper_noun {
            continue;
        }
        earlier.update(annotations);
        if !plausible(context, sentence, (start, end), earlier, annotations) {
            continue;
        }
        if annotations.covered(sentence.index, start, end) {
            if matches!(tag, Tag::Org | Tag::Fac) {
                widen_over_place(
                    context,
                    sentence,
                    (start, end),
                    (tag, class, class_iri),
                    annotations,
                );
            }
            continue;
        }
        push(context, sentence, (start, end), (tag, class, class_iri), annotations);
    }
}

/// The name without a leading article and a trailing possessive; `None` when what is left does
/// not look like a name (no capital or digit first, or a sentence-initial common word).
///
/// A name is also widened to whole hyphenated words, since the recogniser's tokens split them
/// ("Wong Yeung-tat", where it reads "Wong Yeung"; "Joo-Ho"), but not over a lowercase prefix
/// ("pro-Moscow").
fn trim_name(text: &str, mut start: usize, mut end: usize) -> Option<(usize, usize)> {
    let is_word_char = |c: char| c.is_alphanumeric();
    while text.get(end..)?.starts_with('-') && text.get(end + 1..)?.starts_with(is_word_char) {
        let rest = text.get(end + 1..)?;
        end += 1 + rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
    }
    while let Some(before) = text.get(..start)?.strip_suffix('-') {
        let word_start = before
            .rfind(|c: char| !is_word_char(c))
            .map_or(0, |index| index + before[index..].chars().next().map_or(1, char::len_utf8));
        let word = &before[word_start..];
        if !word.starts_with(char::is_uppercase) {
            break;
        }
        start = word_start;
    }
    let name = text.get(start..end)?;
    for article in ["the ", "The "] {
        if let Some(rest) = name.strip_prefix(article) {
            start += name.len() - rest.len();
        }
    }
    let name = text.get(start..end)?;
    for possessive in ["'s", "’s", "'", "’"] {
        if let Some(rest) = name.strip_suffix(possessive) {
            end = start + rest.len();
            break;
        }
    }
    let name = text.get(start..end)?.trim();
    let first = name.chars().next()?;
    (first.is_uppercase() || first.is_ascii_digit()).then_some((start, end))
}

/// Whether a name of the parse is worth a mention. Not when it is one word that is a common
/// English word ("Turnout", "Ransomware" at the start of a sentence), a short all-capital word
/// the article never spells out ("GMT"), or a word of a name found before ("Dawit" after "Dawit
/// Alemayehu": the name rules and coreference know that person better); nor a name that a
/// person's name follows at once, which is a portfolio in a title ("Minister for Disaster
/// Management NAME").
fn plausible(
    context: &Context<'_>,
    sentence: &Sentence,
    (start, end): (usize, usize),
    earlier: &EarlierNames,
    annotations: &Annotations,
) -> bool {
    let text = &context.article.text;
    let name = &text[start..end];
    // Capitalised common words only ("Foreign Exchange reserves") name nothing the lexicon
    // does not know.
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() > 1
        && words
            .iter()
            .all(|word| super::names::COMMON_WORDS.contains(word.to_lowercase().as_str()))
    {
        return false;
    }
    if !name.contains(char::is_whitespace) {
        let lower = name.to_lowercase();
        if super::names::COMMON_WORDS.contains(lower.as_str())
            || context.lexicon.noun(&lower).is_some()
        {
            return false;
        }
        let short_capitals = name.chars().count() <= 3 && name.chars().all(|c| c.is_uppercase());
        if short_capitals && !annotations.acronyms.contains_key(name) {
            return false;
        }
        if earlier.before(name, start) {
            return false;
        }
        // A nationality ("Kazakh talks") is no organisation; the lexicon knows demonyms.
        if context.lexicon.demonym(name).is_some() {
            return false;
        }
    }
    // The words between may go on with the portfolio ("Disaster Management and Relief").
    let portfolio_words = |gap: &str| {
        gap.split_whitespace().all(|word| {
            matches!(word, "and" | "of" | "&")
                || word.chars().next().is_some_and(char::is_uppercase)
        })
    };
    let person_follows =
        annotations.by_sentence.get(sentence.index).into_iter().flatten().any(|&index| {
            annotations.mentions.get(index).is_some_and(|mention| {
                mention.tag == Some(Tag::Per)
                    && mention.span.start > end
                    && mention.span.start - end < 60
                    && text.get(end..mention.span.start).is_some_and(portfolio_words)
            })
        });
    !person_follows
}

/// "Wells Fargo": a lexicon place strictly inside a longer organisation or facility name that
/// the parse found, and nothing else overlapping it, gives way to the longer name.
fn widen_over_place(
    context: &Context<'_>,
    sentence: &Sentence,
    (start, end): (usize, usize),
    kind: (Tag, &'static str, &'static str),
    annotations: &mut Annotations,
) {
    let overlapping: Vec<usize> = annotations
        .by_sentence
        .get(sentence.index)
        .into_iter()
        .flatten()
        .copied()
        .filter(|&index| {
            annotations.mentions.get(index).is_some_and(|mention| {
                !mention.inner && mention.span.start < end && start < mention.span.end
            })
        })
        .collect();
    let [inside] = overlapping.as_slice() else { return };
    let Some(mention) = annotations.mentions.get(*inside) else { return };
    let strictly_inside = mention.span.start >= start
        && mention.span.end <= end
        && (mention.span.start, mention.span.end) != (start, end);
    // Only a place: a person or an organisation inside a longer name is usually the name's
    // own subject ("Obama administration" is no organisation of its own here).
    if !strictly_inside || mention.tag != Some(Tag::Gpe) || mention.entry.is_none() {
        return;
    }
    // The rest of the name must be capitalised words: "Fargo bank" is not a name.
    let rest_capitalised = context.article.text[start..end]
        .split_whitespace()
        .all(|word| word.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphabetic()));
    if !rest_capitalised {
        return;
    }
    if let Some(mention) = annotations.mentions.get_mut(*inside) {
        mention.inner = true;
        mention.tag = None;
    }
    push(context, sentence, (start, end), kind, annotations);
}

fn push(
    context: &Context<'_>,
    sentence: &Sentence,
    (start, end): (usize, usize),
    (tag, class, class_iri): (Tag, &'static str, &'static str),
    annotations: &mut Annotations,
) {
    // The name rules' "left out" diagnostic for these words no longer holds.
    // It was given for this sentence, among the latest diagnostics.
    let recent = annotations.diagnostics.len().saturating_sub(16);
    let stale = annotations.diagnostics.iter().skip(recent).position(|diagnostic| {
        diagnostic.message.starts_with("unknown name")
            && diagnostic.span.is_some_and(|span| start <= span.start && span.end <= end)
    });
    if let Some(position) = stale {
        annotations.diagnostics.remove(recent + position);
    }
    super::names::push_name(context, sentence, start, end, tag, class, class_iri, annotations);
}

#[cfg(test)]
mod tests {
    use crate::extract::testing::labels_of_class;

    #[test]
    fn names_are_whole_hyphenated_words() {
        let text = "said Wong Yeung-tat and Park Joo-Ho of pro-Moscow groups";
        let cut = |name: &str| {
            let start = text.find(name).unwrap_or_default();
            super::trim_name(text, start, start + name.len()).map(|(s, e)| &text[s..e])
        };
        assert_eq!(cut("Wong Yeung"), Some("Wong Yeung-tat"));
        assert_eq!(cut("Ho"), Some("Joo-Ho"));
        assert_eq!(cut("Moscow"), Some("Moscow"));
        assert_eq!(cut("Park"), Some("Park"));
    }

    #[test]
    fn names_no_lexicon_has_come_from_the_parse() {
        let text =
            "Officials at Halvorsen Privatbank said on Tuesday that Tanvir Ahmed had resigned.";
        let people = labels_of_class(text, "Person");
        assert!(people.iter().any(|p| p == "Tanvir Ahmed"), "{people:?}");
        let places = labels_of_class("Wells Fargo said its profit rose.", "Place");
        assert!(!places.iter().any(|p| p == "Fargo"), "{places:?}");
    }
}
