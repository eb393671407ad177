//! spaCy's prefix, suffix and infix patterns, taken apart so that `regex` (finite automata, no
//! look-around) can run them in time linear in what they read.
//!
//! A spaCy affix pattern is an alternation: `^§|^%|…|^\+(?![0-9])|…` for prefixes, `…$|'s$|
//! (?<=[0-9])km$|…` for suffixes, `\.\.+|…|(?<=[0-9])[+\-*^](?=[0-9-])|…` for infixes. Python's
//! `re` tries the alternatives in order at each start position, leftmost start first. Here:
//!
//! - consecutive alternatives without look-around form one [`Group::Plain`] automaton, which
//!   keeps the order of its alternatives (`regex` is leftmost-first, like Python);
//! - an alternative with a look-around is a [`Group::Look`]: its body is an automaton, its
//!   look-behind an automaton anchored at the end of the text before the body, its look-ahead
//!   one anchored at the start of the text after it. A body that is an alternation under a
//!   look-ahead is split into one alternative per branch, in order (Python backtracks into the
//!   next branch when the look-ahead fails), and every body under a look-ahead must then be a
//!   plain sequence (no quantifier or alternation to backtrack into);
//! - a prefix is the first group, in pattern order, that matches at the start; a suffix is the
//!   group match with the leftmost start (every suffix alternative ends at the end, so matches
//!   at the same start are the same span); infixes are found like `finditer`: repeatedly the
//!   leftmost match at or after the previous end, the earlier group on a tie.

use regex::{Regex, RegexBuilder};

use super::tokenizer::translate_python_pattern;

/// Which of spaCy's three affix searches a pattern is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AffixKind {
    /// `prefix_search`: every alternative starts with `^`.
    Prefix,
    /// `suffix_search`: every alternative ends with `$`.
    Suffix,
    /// `infix_finditer`: no anchors.
    Infix,
}

/// A compiled affix pattern (see the module docs).
#[derive(Debug)]
pub(crate) struct AffixPattern {
    kind: AffixKind,
    groups: Vec<Group>,
}

/// One group of alternatives of an [`AffixPattern`].
#[derive(Debug)]
enum Group {
    /// Alternatives without look-around, as one automaton.
    Plain(Regex),
    /// One alternative with look-around.
    Look(Look),
}

/// An alternative with look-around, taken apart.
#[derive(Debug)]
struct Look {
    /// `(?:B)$` for a look-behind `(?<=B)`, with `true` for a positive one.
    behind: Option<(Regex, bool)>,
    /// The body, anchored as the kind requires.
    body: Regex,
    /// `^(?:A)` for a look-ahead `(?=A)`, with `true` for a positive one.
    ahead: Option<(Regex, bool)>,
}

impl Look {
    /// Whether the look-arounds hold for a body match at `start..end` of `text`.
    fn holds(&self, text: &str, start: usize, end: usize) -> bool {
        let behind_ok = self
            .behind
            .as_ref()
            .is_none_or(|(regex, positive)| regex.is_match(&text[..start]) == *positive);
        behind_ok
            && self
                .ahead
                .as_ref()
                .is_none_or(|(regex, positive)| regex.is_match(&text[end..]) == *positive)
    }

    /// The first match at or after `from` whose look-arounds hold.
    fn next_match(&self, text: &str, mut from: usize) -> Option<(usize, usize)> {
        while from <= text.len() {
            let found = self.body.find_at(text, from)?;
            if self.holds(text, found.start(), found.end()) {
                return Some((found.start(), found.end()));
            }
            from = next_boundary(text, found.start());
        }
        None
    }
}

/// The char boundary after `index` (or one past the end).
fn next_boundary(text: &str, index: usize) -> usize {
    text[index..].chars().next().map_or(text.len() + 1, |c| index + c.len_utf8())
}

impl AffixPattern {
    /// Compiles a Python `re` alternation of `kind`.
    ///
    /// # Errors
    ///
    /// A message when an alternative lacks its anchor, has a look-around elsewhere than at its
    /// start (behind) or end (ahead), has a look-ahead after a body that could backtrack, or does
    /// not compile.
    pub(crate) fn new(pattern: &str, kind: AffixKind) -> Result<AffixPattern, String> {
        let mut groups = Vec::new();
        let mut plain: Vec<String> = Vec::new();
        for alternative in split_alternatives(pattern) {
            let alternative = strip_anchor(alternative, kind)
                .ok_or_else(|| format!("alternative {alternative:?} lacks its anchor"))?;
            let parts = look_parts(alternative)?;
            if parts.behind.is_none() && parts.ahead.is_none() {
                plain.push(translate_python_pattern(parts.body)?);
                continue;
            }
            if !plain.is_empty() {
                groups.push(Group::Plain(build(&anchored(&plain.join("|"), kind))?));
                plain.clear();
            }
            let bodies = match parts.ahead {
                Some(_) => {
                    let bodies = split_group_alternatives(parts.body);
                    if let Some(body) = bodies.iter().find(|body| !is_plain_sequence(body)) {
                        return Err(format!("look-ahead after {body:?}, which could backtrack"));
                    }
                    bodies
                }
                None => vec![parts.body],
            };
            for body in bodies {
                let look_regex = |(inner, positive): (&str, bool), suffix: bool| {
                    let translated = translate_python_pattern(inner)?;
                    let wrapped = if suffix {
                        format!("(?:{translated})$")
                    } else {
                        format!("^(?:{translated})")
                    };
                    Ok::<_, String>((build(&wrapped)?, positive))
                };
                groups.push(Group::Look(Look {
                    behind: parts.behind.map(|behind| look_regex(behind, true)).transpose()?,
                    body: build(&anchored(&translate_python_pattern(body)?, kind))?,
                    ahead: parts.ahead.map(|ahead| look_regex(ahead, false)).transpose()?,
                }));
            }
        }
        if !plain.is_empty() {
            groups.push(Group::Plain(build(&anchored(&plain.join("|"), kind))?));
        }
        Ok(AffixPattern { kind, groups })
    }

    /// Length in bytes of the prefix of `text` (Python's `prefix_search(text)`), 0 if none.
    pub(crate) fn prefix(&self, text: &str) -> usize {
        debug_assert_eq!(self.kind, AffixKind::Prefix);
        for group in &self.groups {
            match group {
                Group::Plain(regex) => {
                    if let Some(found) = regex.find(text) {
                        return found.end();
                    }
                }
                Group::Look(look) => {
                    if let Some(found) = look.body.find(text)
                        && look.holds(text, 0, found.end())
                    {
                        return found.end();
                    }
                }
            }
        }
        0
    }

    /// Length in bytes of the suffix of `text` (Python's `suffix_search(text)`), 0 if none.
    pub(crate) fn suffix(&self, text: &str) -> usize {
        debug_assert_eq!(self.kind, AffixKind::Suffix);
        let mut leftmost: Option<usize> = None;
        for group in &self.groups {
            let start = match group {
                Group::Plain(regex) => regex.find(text).map(|found| found.start()),
                Group::Look(look) => look.next_match(text, 0).map(|(start, _)| start),
            };
            if let Some(start) = start {
                leftmost = Some(leftmost.map_or(start, |best| best.min(start)));
            }
        }
        leftmost.map_or(0, |start| text.len() - start)
    }

    /// The infixes of `text` (Python's `infix_finditer(text)`), as byte ranges in order.
    pub(crate) fn find_iter<'t>(
        &'t self,
        text: &'t str,
    ) -> impl Iterator<Item = (usize, usize)> + 't {
        debug_assert_eq!(self.kind, AffixKind::Infix);
        // Each group's next match at or after the search position, kept until the position
        // passes its start: a match at a given start does not depend on where the search began.
        let mut next: Vec<Option<Option<(usize, usize)>>> = vec![None; self.groups.len()];
        let mut position = 0;
        std::iter::from_fn(move || {
            if position > text.len() {
                return None;
            }
            let mut best: Option<(usize, usize)> = None;
            for (group, cached) in self.groups.iter().zip(next.iter_mut()) {
                let stale = match cached {
                    None => true,
                    Some(Some((start, _))) => *start < position,
                    Some(None) => false,
                };
                if stale {
                    *cached = Some(match group {
                        Group::Plain(regex) => {
                            regex.find_at(text, position).map(|found| (found.start(), found.end()))
                        }
                        Group::Look(look) => look.next_match(text, position),
                    });
                }
                if let Some(Some(found)) = cached
                    && best.is_none_or(|(start, _)| found.0 < start)
                {
                    best = Some(*found);
                }
            }
            let (start, end) = best?;
            position = if end > start { end } else { next_boundary(text, end) };
            Some((start, end))
        })
    }
}

/// Anchors a (translated) alternation as `kind` requires.
fn anchored(pattern: &str, kind: AffixKind) -> String {
    match kind {
        AffixKind::Prefix => format!("^(?:{pattern})"),
        AffixKind::Suffix => format!("(?:{pattern})$"),
        AffixKind::Infix => format!("(?:{pattern})"),
    }
}

fn build(pattern: &str) -> Result<Regex, String> {
    RegexBuilder::new(pattern)
        .size_limit(64 << 20)
        .dfa_size_limit(64 << 20)
        .build()
        .map_err(|error| error.to_string())
}

/// Strips the `^` of a prefix alternative or the `$` of a suffix one; `None` if it is missing.
fn strip_anchor(alternative: &str, kind: AffixKind) -> Option<&str> {
    match kind {
        AffixKind::Prefix => alternative.strip_prefix('^'),
        AffixKind::Suffix => {
            let body = alternative.strip_suffix('$')?;
            // `\$` at the end is a literal dollar sign, not the anchor.
            let backslashes = body.chars().rev().take_while(|c| *c == '\\').count();
            (backslashes % 2 == 0).then_some(body)
        }
        AffixKind::Infix => Some(alternative),
    }
}

/// An alternative split into look-behind, body and look-ahead (Python syntax, `(?<=`/`(?=`
/// removed; the flag is `true` for a positive look-around).
struct LookParts<'p> {
    behind: Option<(&'p str, bool)>,
    body: &'p str,
    ahead: Option<(&'p str, bool)>,
}

fn look_parts(alternative: &str) -> Result<LookParts<'_>, String> {
    let groups = top_level_groups(alternative);
    let mut body_start = 0;
    let mut body_end = alternative.len();
    let mut behind = None;
    let mut ahead = None;
    if let Some(&(start, end)) = groups.first() {
        let group = &alternative[start..end];
        if start == 0 && (group.starts_with("(?<=") || group.starts_with("(?<!")) {
            behind = Some((&group[4..group.len() - 1], group.starts_with("(?<=")));
            body_start = end;
        }
    }
    if let Some(&(start, end)) = groups.last() {
        let group = &alternative[start..end];
        if end == alternative.len()
            && start >= body_start
            && (group.starts_with("(?=") || group.starts_with("(?!"))
        {
            ahead = Some((&group[3..group.len() - 1], group.starts_with("(?=")));
            body_end = start;
        }
    }
    let body = &alternative[body_start..body_end];
    if body.is_empty() || ["(?<=", "(?<!", "(?=", "(?!"].iter().any(|look| body.contains(look)) {
        return Err(format!("unsupported look-around in {alternative:?}"));
    }
    Ok(LookParts { behind, body, ahead })
}

/// Byte ranges of the top-level parenthesised groups of a pattern.
fn top_level_groups(pattern: &str) -> Vec<(usize, usize)> {
    let mut groups = Vec::new();
    let (mut depth, mut in_class, mut escaped, mut open) = (0usize, false, false, 0);
    for (index, c) in pattern.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '[' if !in_class => in_class = true,
            ']' if in_class => in_class = false,
            '(' if !in_class => {
                if depth == 0 {
                    open = index;
                }
                depth += 1;
            }
            ')' if !in_class && depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    groups.push((open, index + 1));
                }
            }
            _ => {}
        }
    }
    groups
}

/// Splits a pattern at its top-level `|` (outside groups and classes).
pub(crate) fn split_alternatives(pattern: &str) -> Vec<&str> {
    let mut alternatives = Vec::new();
    let (mut depth, mut in_class, mut escaped, mut start) = (0usize, false, false, 0);
    for (index, c) in pattern.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '[' if !in_class => in_class = true,
            ']' if in_class => in_class = false,
            '(' if !in_class => depth += 1,
            ')' if !in_class => depth = depth.saturating_sub(1),
            '|' if !in_class && depth == 0 => {
                alternatives.push(&pattern[start..index]);
                start = index + 1;
            }
            _ => {}
        }
    }
    alternatives.push(&pattern[start..]);
    alternatives
}

/// `(?:a|b|c)` as `[a, b, c]`; any other body as itself.
fn split_group_alternatives(body: &str) -> Vec<&str> {
    if body.starts_with("(?:") && top_level_groups(body) == [(0, body.len())] {
        split_alternatives(&body[3..body.len() - 1])
    } else {
        vec![body]
    }
}

/// Whether a pattern is a sequence of literals, escapes and classes: nothing to backtrack into.
fn is_plain_sequence(pattern: &str) -> bool {
    let (mut in_class, mut escaped) = (false, false);
    for c in pattern.chars() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '[' if !in_class => in_class = true,
            ']' if in_class => in_class = false,
            '*' | '+' | '?' | '{' | '|' | '(' | ')' if !in_class => return false,
            _ => {}
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(text: &str, kind: AffixKind) -> AffixPattern {
        AffixPattern::new(text, kind).unwrap_or_else(|error| panic!("{text}: {error}"))
    }

    #[test]
    fn prefixes_take_the_first_alternative_in_order() {
        let prefix = pattern(r"^…|^……|^\+(?![0-9])|^\.\.+|^US\$", AffixKind::Prefix);
        let cases =
            [("……x", 3), ("+a", 1), ("+1", 0), ("....x", 4), ("US$5", 3), ("x", 0), ("", 0)];
        for (text, expected) in cases {
            assert_eq!(prefix.prefix(text), expected, "{text:?}");
        }
    }

    #[test]
    fn suffixes_take_the_leftmost_start() {
        let suffix = pattern(
            r"…$|\.\.+$|'s$|(?<=[0-9])(?:km|m|km²)$|(?<=°[FfCcKk])\.$|(?<=[a-z])\.$",
            AffixKind::Suffix,
        );
        let cases = [
            ("a...", 3),
            ("it's", 2),
            ("5km", 2),
            ("5km²", "km²".len()),
            ("xkm", 0),
            ("5°C.", 1),
            ("5C.", 0),
            ("abc.", 1),
            ("A.", 0),
            (".", 0),
        ];
        for (text, expected) in cases {
            assert_eq!(suffix.suffix(text), expected, "{text:?}");
        }
    }

    #[test]
    fn infixes_are_found_like_finditer() {
        let infix = pattern(
            r"\.\.+|(?<=[0-9])[+\-\*^](?=[0-9-])|(?<=[a-z])(?:-|–|--)(?=[a-z])|(?<=[a-z]),(?=[a-z])",
            AffixKind::Infix,
        );
        let cases: [(&str, &[(usize, usize)]); 5] = [
            ("a-b-c", &[(1, 2), (3, 4)]),
            ("a--b", &[(1, 3)]),
            ("3+4-5", &[(1, 2), (3, 4)]),
            ("a...b,c", &[(1, 4), (5, 6)]),
            ("-a-", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(infix.find_iter(text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }

    #[test]
    fn unsupported_shapes_are_errors() {
        assert!(AffixPattern::new("a", AffixKind::Prefix).is_err());
        assert!(AffixPattern::new("a", AffixKind::Suffix).is_err());
        assert!(AffixPattern::new("a+(?=b)", AffixKind::Infix).is_err());
        assert!(AffixPattern::new("a(?=b)c", AffixKind::Infix).is_err());
    }
}
