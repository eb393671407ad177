//! Rules: regular expressions over shadow text (`data/patterns/rules.tsv`), each making an
//! event, a relation, a claim, a statement or a title fact.
//!
//! A rule's pattern may use mention macros: `{ORG|GPE:agent}` matches one placeholder of those
//! tags and captures it as the role `agent`; `{ORG/Court:agent}` also requires the class;
//! `{*:x}` matches any mention. Other named groups capture text (`(?P<quote>[^"]+)`).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::{LazyLock, OnceLock};

use aho_corasick::AhoCorasick;
use regex::bytes::{Regex, RegexBuilder};

use super::facts::{Arg, Claim, Event, Relation};
use super::shadow::Shadow;
use super::{Annotations, Context, Tag};
use crate::graph::{Evidence, Literal};
use crate::vocab::{ng, schema};
use crate::LexiconError;

/// What a rule makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Action {
    /// An event of a class (or, with an `event` group, roles of an event named by a noun).
    Event(Option<String>),
    /// A relation between the groups `s` and `o`.
    Relation(String),
    /// Reported speech: `source` says `content`.
    Claim,
    /// A statement: `speaker`, `quote` and/or `content`.
    Statement,
    /// A title apposition: `org`, `title`, `person`.
    Title,
}

#[derive(Debug, Clone)]
struct Rule {
    id: std::sync::Arc<str>,
    action: Action,
    /// The pattern with its macros expanded: what the regex is compiled from.
    expanded: String,
    /// The roles of the pattern's mention macros.
    mention_groups: HashSet<String>,
    /// The regex and its groups, compiled the first time a sentence has the rule's words (most
    /// rules never run on a short article, and compiling all of them took most of the time of
    /// loading the rules).
    compiled: OnceLock<Option<Compiled>>,
    /// The name of a last group `(?P<name>[^.]+)` that the rule's pattern ended with: the rest
    /// of the clause, taken by code after the regex (which no longer has the group) matches.
    clause_group: Option<String>,
}

/// A rule's compiled regex.
#[derive(Debug, Clone)]
struct Compiled {
    regex: Regex,
    /// Capture groups: index, name, and whether the group captures a mention placeholder.
    groups: Vec<(usize, String, bool)>,
}

impl Rule {
    /// The rule's regex, compiled on first use.
    ///
    /// `None` only if the pattern does not compile, which [`Rules::parse`] rules out: it
    /// compiles every pattern of the files it reads; the built-in rules, which are compiled
    /// lazily, are checked by a test, and a user's file is read with `parse` before it is
    /// joined to them.
    fn compiled(&self) -> Option<&Compiled> {
        self.compiled.get_or_init(|| self.compile().ok()).as_ref()
    }

    fn compile(&self) -> Result<Compiled, regex::Error> {
        // Rules run on bytes with ASCII classes: the lazy DFA of a Unicode-aware `\w` or `[^.]`
        // is many times larger and slower.
        let regex = RegexBuilder::new(&self.expanded).unicode(false).build()?;
        let groups = regex
            .capture_names()
            .enumerate()
            .filter_map(|(index, name)| {
                let name = name?;
                Some((index, name.to_owned(), self.mention_groups.contains(name)))
            })
            .collect();
        Ok(Compiled { regex, groups })
    }
}

/// How a last group that takes the rest of the clause is written.
const CLAUSE_GROUP_BODY: &str = "[^.]+)";

/// The compiled rule set.
#[derive(Debug, Clone)]
pub struct Rules {
    rules: Vec<Rule>,
    /// Every required word of every rule, found in one pass over a sentence.
    words: AhoCorasick,
    /// Which rules the words a sentence has make possible.
    prefilter: Prefilter,
}

/// When the regexes of a rule file are compiled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Compile {
    /// While the file is read, so that a bad pattern is an error naming its line.
    Now,
    /// The first time a sentence has a rule's words.
    OnFirstUse,
}

/// The words each rule needs, indexed by word: a rule needs one word of each of its groups
/// (at most 64 groups count; more would only filter less). A sentence's words set bits in a
/// mask per rule, and a rule is possible when its mask is full. Two flat arrays walked in
/// order: checking every rule against the sentence chased a list per rule and missed the
/// cache for most of them.
#[derive(Debug, Clone, Default)]
struct Prefilter {
    /// Per word, where its entries start in `entries` (one more item than there are words).
    word_starts: Vec<u32>,
    /// (rule, bit of the rule's group) for each word, grouped by word.
    entries: Vec<(u32, u64)>,
    /// Per rule, the bits of all its groups (0: the rule needs no word).
    full: Vec<u64>,
}

impl Prefilter {
    /// The index of rules' required word groups (word indices, one group per inner list).
    fn new(required: &[Vec<Vec<usize>>], word_count: usize) -> Self {
        let mut by_word: Vec<Vec<(u32, u64)>> = vec![Vec::new(); word_count];
        let mut full = Vec::with_capacity(required.len());
        for (rule, groups) in required.iter().enumerate() {
            let mut mask = 0_u64;
            for (group, alternatives) in groups.iter().take(64).enumerate() {
                let bit = 1_u64 << group;
                mask |= bit;
                for &word in alternatives {
                    if let (Some(entries), Ok(rule)) = (by_word.get_mut(word), u32::try_from(rule))
                    {
                        entries.push((rule, bit));
                    }
                }
            }
            full.push(mask);
        }
        let mut word_starts = Vec::with_capacity(word_count + 1);
        let mut entries = Vec::new();
        for list in by_word {
            word_starts.push(u32::try_from(entries.len()).unwrap_or(u32::MAX));
            entries.extend(list);
        }
        word_starts.push(u32::try_from(entries.len()).unwrap_or(u32::MAX));
        Self { word_starts, entries, full }
    }

    /// Marks a word present in `satisfied` (one mask per rule).
    fn mark(&self, word: usize, satisfied: &mut [u64]) {
        let (Some(&start), Some(&end)) =
            (self.word_starts.get(word), self.word_starts.get(word + 1))
        else {
            return;
        };
        for &(rule, bit) in self.entries.get(start as usize..end as usize).unwrap_or_default() {
            if let Some(mask) = satisfied.get_mut(rule as usize) {
                *mask |= bit;
            }
        }
    }

    /// Whether rule `rule` is possible given the masks `satisfied`.
    fn possible(&self, rule: usize, satisfied: &[u64]) -> bool {
        let full = self.full.get(rule).copied().unwrap_or(0);
        satisfied.get(rule).copied().unwrap_or(0) & full == full
    }
}

#[expect(clippy::expect_used, reason = "constant pattern")]
static MACRO: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"\{([A-Z*|]+)(?:/([A-Za-z|]+))?:([a-z_0-9]+)\}").expect("valid macro regex")
});

impl Rules {
    /// The rules compiled into newsgraph.
    ///
    /// # Errors
    /// A [`LexiconError`] if a rule is malformed (a test guards against it).
    pub fn builtin() -> Result<Self, LexiconError> {
        Self::parse_lazily("data/patterns/rules.tsv", include_str!("../../data/patterns/rules.tsv"))
    }

    /// Parses a rule file.
    ///
    /// Every pattern is compiled, so that a bad one is an error here.
    ///
    /// # Errors
    /// A [`LexiconError`] naming the line of a malformed rule.
    pub fn parse(file: &str, text: &str) -> Result<Self, LexiconError> {
        Self::parse_with(file, text, Compile::Now)
    }

    /// Parses a rule file whose patterns are known to compile (the built-in rules, or a
    /// user's file already read with [`Rules::parse`] joined to them): a pattern's regex is
    /// compiled the first time a sentence has the rule's words.
    ///
    /// # Errors
    /// A [`LexiconError`] naming the line of a malformed rule (but not of a pattern that does
    /// not compile: that rule never matches).
    pub(crate) fn parse_lazily(file: &str, text: &str) -> Result<Self, LexiconError> {
        Self::parse_with(file, text, Compile::OnFirstUse)
    }

    fn parse_with(file: &str, text: &str, compile: Compile) -> Result<Self, LexiconError> {
        let mut rules = Vec::new();
        let mut words: Vec<String> = Vec::new();
        let mut required: Vec<Vec<Vec<usize>>> = Vec::new();
        let mut header_seen = false;
        for (line_index, line) in text.lines().enumerate() {
            let error = |message: String| LexiconError {
                file: file.to_owned(),
                line: line_index + 1,
                message,
            };
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if !header_seen {
                if line != "id\taction\tpattern" {
                    return Err(error("expected the header \"id\\taction\\tpattern\"".into()));
                }
                header_seen = true;
                continue;
            }
            let mut cells = line.splitn(3, '\t');
            let (Some(id), Some(action), Some(pattern)) =
                (cells.next(), cells.next(), cells.next())
            else {
                return Err(error("expected three tab-separated cells".into()));
            };
            let action = match action.split_once(':') {
                None if action == "event" => Action::Event(None),
                None if action == "claim" => Action::Claim,
                None if action == "statement" => Action::Statement,
                None if action == "title" => Action::Title,
                Some(("event", class)) => Action::Event(Some(class.to_owned())),
                Some(("relation", curie)) => Action::Relation(
                    expand_curie(curie)
                        .ok_or_else(|| error(format!("unknown prefix in {curie:?}")))?,
                ),
                _ => return Err(error(format!("unknown action {action:?}"))),
            };
            // A last group over the rest of the clause would make the regex engines walk the
            // whole clause for every match: code takes it instead.
            let (matched_pattern, clause_group) = split_clause_group(pattern);
            let mut mention_groups = HashSet::default();
            let expanded = MACRO.replace_all(matched_pattern, |caps: &regex::Captures<'_>| {
                let tags = caps.get(1).map_or("*", |m| m.as_str());
                let role = caps.get(3).map_or("", |m| m.as_str());
                mention_groups.insert(role.to_owned());
                let tags = if tags == "*" { "[A-Z]+".to_owned() } else { format!("(?:{tags})") };
                let classes = caps.get(2).map_or_else(
                    || "[^:\\x03]*".to_owned(),
                    |m| {
                        let codes: Vec<&str> =
                            m.as_str().split('|').map(super::shadow::class_code).collect();
                        format!("(?:{})", codes.join("|"))
                    },
                );
                format!("\\x02{tags}/{classes}:(?P<{role}>[0-9]+)\\x03")
            });
            // Placeholders are delimited by the bytes 0x02 and 0x03 inside (`⟨` and `⟩` in the
            // documentation and in rule files).
            let expanded = expanded.replace('⟨', "\\x02").replace('⟩', "\\x03");
            required.push(
                required_words(pattern)
                    .into_iter()
                    .map(|alternatives| {
                        alternatives
                            .into_iter()
                            .map(|word| match words.iter().position(|known| *known == word) {
                                Some(index) => index,
                                None => {
                                    words.push(word);
                                    words.len() - 1
                                }
                            })
                            .collect()
                    })
                    .collect(),
            );
            let rule = Rule {
                id: id.into(),
                action,
                expanded,
                mention_groups,
                compiled: OnceLock::new(),
                clause_group,
            };
            if compile == Compile::Now {
                let compiled =
                    rule.compile().map_err(|e| error(format!("invalid pattern: {e}")))?;
                rule.compiled.get_or_init(|| Some(compiled));
            }
            rules.push(rule);
        }
        let prefilter = Prefilter::new(&required, words.len());
        // A few hundred short words: a full DFA is small and the fastest to scan with.
        let words = AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&words)
            .map_err(|e| LexiconError { file: file.to_owned(), line: 0, message: e.to_string() })?;
        Ok(Self { rules, words, prefilter })
    }
}

/// A pattern without its last group when that group takes the rest of the clause
/// (`… (?P<content>[^.]+)` at the top level of a pattern with no top-level `|`), and the
/// group's name; otherwise the pattern as it is.
fn split_clause_group(pattern: &str) -> (&str, Option<String>) {
    let Some(body_start) = pattern.strip_suffix(CLAUSE_GROUP_BODY).map(str::len) else {
        return (pattern, None);
    };
    let Some(open) = pattern[..body_start].rfind("(?P<") else { return (pattern, None) };
    let name = &pattern[open + 4..body_start];
    let Some(name) = name.strip_suffix('>') else { return (pattern, None) };
    let prefix = &pattern[..open];
    if name.is_empty()
        || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        || prefix.is_empty()
        || split_top_level(prefix).len() > 1
        || !closes_every_group(prefix)
    {
        return (pattern, None);
    }
    (prefix, Some(name.to_owned()))
}

/// Whether every group a pattern opens is closed by its end (escapes and character classes
/// aside), so that what follows it is at the top level.
fn closes_every_group(pattern: &str) -> bool {
    let groups = scan_groups(pattern);
    groups.unmatched_close.is_none() && groups.depth == 0 && !groups.in_class
}

/// What a scan of a pattern's parentheses finds, escapes and character classes aside.
struct GroupScan {
    /// The offset of the first `)` that closes no group opened in the pattern.
    unmatched_close: Option<usize>,
    /// How many groups are still open at the end.
    depth: usize,
    /// Whether the pattern ends inside a character class.
    in_class: bool,
}

fn scan_groups(pattern: &str) -> GroupScan {
    let mut depth = 0usize;
    let mut in_class = false;
    let mut escaped = false;
    for (offset, byte) in pattern.bytes().enumerate() {
        match byte {
            _ if escaped => escaped = false,
            b'\\' => escaped = true,
            b']' if in_class => in_class = false,
            _ if in_class => {}
            b'[' => in_class = true,
            b'(' => depth += 1,
            b')' => match depth.checked_sub(1) {
                Some(outer) => depth = outer,
                None => return GroupScan { unmatched_close: Some(offset), depth, in_class },
            },
            _ => {}
        }
    }
    GroupScan { unmatched_close: None, depth, in_class }
}

/// The quoted passages of a text, without their quotation marks or closing punctuation.
fn quotations(text: &str) -> Vec<String> {
    let mut quotes = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find(['"', '“']) {
        let after = &rest[open + rest[open..].chars().next().map_or(1, char::len_utf8)..];
        let Some(close) = after.find(['"', '”']) else { break };
        let quote = after[..close].trim().trim_end_matches([',', ';', ':']).trim();
        if !quote.is_empty() {
            quotes.push(quote.to_owned());
        }
        rest = &after[close + after[close..].chars().next().map_or(1, char::len_utf8)..];
    }
    quotes
}

/// Words a pattern cannot match without, as lists of alternatives: every plain word at the top
/// level, and every non-optional top-level group of plain alternatives (`(?:ruled|rules)`).
/// A pattern with a top-level `|` or a case-insensitive flag requires nothing.
fn required_words(pattern: &str) -> Vec<Vec<String>> {
    if pattern.contains("(?i") {
        return Vec::new();
    }
    let bytes = pattern.as_bytes();
    let optional_after = |end: usize| matches!(bytes.get(end), Some(b'?' | b'*' | b'{'));
    let mut required = Vec::new();
    let mut depth = 0usize;
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        match byte {
            b'\\' => index += 2,
            b'{' | b'[' => {
                // A mention macro, a counted repetition or a character class: skip it; a
                // macro at the top level needs a placeholder of one of its tags (and classes).
                let close = if byte == b'{' { b'}' } else { b']' };
                let open = index;
                while bytes.get(index).is_some_and(|&b| b != close) {
                    index += 1;
                }
                if byte == b'{'
                    && depth == 0
                    && !optional_after(index + 1)
                    && let Some(alternatives) =
                        pattern.get(open + 1..index).and_then(macro_placeholders)
                {
                    required.push(alternatives);
                }
                index += 1;
            }
            b'|' if depth == 0 => return Vec::new(),
            b'(' if depth == 0 && pattern[index..].starts_with("(?:") => {
                let end = closing_paren(&pattern[index + 3..])
                    .map_or(pattern.len(), |offset| index + 3 + offset);
                let inner = pattern.get(index + 3..end).unwrap_or("");
                let plain = !inner.is_empty()
                    && inner
                        .chars()
                        .all(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | '|' | '-'));
                if !optional_after(end + 1) {
                    // Plain alternatives are required whole; others by the word each begins
                    // with ("told (?:\w+|…)" needs "told"), if every one begins with a word.
                    let alternatives: Option<Vec<String>> = if plain {
                        split_top_level(inner)
                            .into_iter()
                            .map(|alternative| {
                                let word = alternative.trim();
                                (word.len() >= 2).then(|| word.to_owned())
                            })
                            .collect()
                    } else {
                        first_words_of_group(inner)
                    };
                    if let Some(alternatives) = alternatives {
                        required.push(alternatives);
                    }
                }
                index = end + 1;
            }
            b'(' => {
                depth += 1;
                index += 1;
            }
            b')' => {
                depth = depth.saturating_sub(1);
                index += 1;
            }
            b'"' if depth == 0 && !optional_after(index + 1) => {
                required.push(vec!["\"".to_owned()]);
                index += 1;
            }
            // A possessive ("{ORG:o}'s {ORG:s}") needs its "'s" (typographic apostrophes are
            // straight in shadow text).
            b'\''
                if depth == 0
                    && pattern[index..].starts_with("'s")
                    && !bytes.get(index + 2).is_some_and(u8::is_ascii_alphanumeric)
                    && !optional_after(index + 2) =>
            {
                required.push(vec!["'s".to_owned()]);
                index += 2;
            }
            b'a'..=b'z' if depth == 0 => {
                let start = index;
                while bytes.get(index).is_some_and(u8::is_ascii_lowercase) {
                    index += 1;
                }
                // A letter followed by a quantifier is optional; keep the word before it. Only
                // words that begin a word of the pattern count: the prefilter wants them at the
                // start of a word of the text ("[Tt]here" requires nothing).
                let end = if optional_after(index) { index - 1 } else { index };
                let word_start =
                    start == 0 || matches!(bytes[start - 1], b' ' | b'^' | b'(' | b'|');
                if end > start + 1 && word_start {
                    required.push(vec![pattern[start..end].to_owned()]);
                }
            }
            _ => index += 1,
        }
    }
    required
}

/// The words one of which begins every match of a group body (`said|told (?:\w+|x)` needs
/// "said" or "told"; `(?:said|says) that|told` needs "said", "says" or "told"), looking into
/// nested non-capturing groups; `None` if some alternative may begin otherwise.
fn first_words_of_group(body: &str) -> Option<Vec<String>> {
    let mut words = Vec::new();
    for alternative in split_top_level(body) {
        words.extend(first_words(alternative.trim_start_matches(' '))?);
    }
    Some(words)
}

/// The words one of which begins every match of `pattern` (see [`first_words_of_group`]).
fn first_words(pattern: &str) -> Option<Vec<String>> {
    let bytes = pattern.as_bytes();
    let optional_at = |index: usize| matches!(bytes.get(index), Some(b'?' | b'*' | b'{'));
    if let Some(inner) = pattern.strip_prefix("(?:") {
        let close = 3 + closing_paren(inner)?;
        if optional_at(close + 1) {
            return None;
        }
        return first_words_of_group(pattern.get(3..close)?);
    }
    let length = bytes.iter().take_while(|byte| byte.is_ascii_lowercase()).count();
    // A letter made optional by a quantifier is not required ("killed?" needs "kille").
    let length = if optional_at(length) { length.saturating_sub(1) } else { length };
    (length >= 2).then(|| pattern[..length].to_owned()).map(|word| vec![word])
}

/// The offset in `body` of the `)` that closes a group opened just before `body`.
fn closing_paren(body: &str) -> Option<usize> {
    scan_groups(body).unmatched_close
}

/// The alternatives of a group body, split at its own `|`s (not those of nested groups).
fn split_top_level(body: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let mut escaped = false;
    for (offset, character) in body.char_indices() {
        match character {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            '|' if depth == 0 => {
                parts.push(&body[start..offset]);
                start = offset + 1;
            }
            _ => {}
        }
    }
    parts.push(&body[start..]);
    parts
}

/// The placeholder beginnings a macro body (`ORG|GPE/Court:agent`) can match, such as
/// `\u{2}ORG/Court:`; `None` for `*` or a body that is no macro.
fn macro_placeholders(body: &str) -> Option<Vec<String>> {
    let (kinds, _role) = body.split_once(':')?;
    let (tags, classes) = match kinds.split_once('/') {
        Some((tags, classes)) => (tags, Some(classes)),
        None => (kinds, None),
    };
    if tags == "*" || !tags.chars().all(|c| c.is_ascii_uppercase() || c == '|') {
        return None;
    }
    let mut alternatives = Vec::new();
    for tag in tags.split('|') {
        match classes {
            Some(classes) => {
                for class in classes.split('|') {
                    alternatives.push(format!(
                        "{}{tag}/{}:",
                        super::shadow::OPEN,
                        super::shadow::class_code(class)
                    ));
                }
            }
            None => alternatives.push(format!("{}{tag}/", super::shadow::OPEN)),
        }
    }
    Some(alternatives)
}

/// Expands `ng:x` or `schema:x` to an IRI.
fn expand_curie(curie: &str) -> Option<String> {
    let (prefix, local) = curie.split_once(':')?;
    let namespace = match prefix {
        "ng" => ng::NS,
        "schema" => schema::NS,
        _ => return None,
    };
    Some(format!("{namespace}{local}"))
}

/// The roles rules and frames name, with their properties ("place2" is a second place: regex
/// group names must be unique within a rule, so a trailing number is ignored).
const ROLES: &[(&str, &str)] = &[
    ("agent", ng::AGENT),
    ("target", ng::TARGET),
    ("place", ng::PLACE),
    ("date", ng::DATE),
    ("start", schema::START_DATE),
    ("end", schema::END_DATE),
    ("duration", ng::DURATION),
    ("against", ng::AGAINST),
    ("plaintiff", ng::PLAINTIFF),
    ("court", ng::COURT_OF),
    ("provision", ng::PROVISION),
    ("concerns", ng::CONCERNS),
    ("theme", ng::THEME),
    ("demand", ng::DEMAND),
    ("from_place", ng::FROM_PLACE),
    ("killed", ng::KILLED),
    ("injured", ng::INJURED),
    ("hostages", ng::HOSTAGES),
    ("speaker", ng::SPEAKER),
    ("quote", ng::QUOTE),
    ("reacts_to", ng::REACTS_TO),
    ("compared_to", ng::COMPARED_TO),
    ("cause", ng::CAUSED_BY),
    ("description", ng::DESCRIPTION),
    ("about", schema::ABOUT),
    ("content", schema::TEXT),
    ("magnitude", ng::MAGNITUDE),
];

fn role_entry(role: &str) -> Option<&'static (&'static str, &'static str)> {
    let role = role.trim_end_matches(|c: char| c.is_ascii_digit());
    ROLES.iter().find(|(name, _)| *name == role)
}

/// The property IRI of a role group name.
pub(crate) fn role_predicate(role: &str) -> Option<&'static str> {
    role_entry(role).map(|&(_, predicate)| predicate)
}

/// The role's name as the table spells it (without a trailing number), for tables read at run
/// time whose roles must outlive the text they were read from.
pub(crate) fn role_name(role: &str) -> Option<&'static str> {
    role_entry(role).map(|&(name, _)| name)
}

/// Applies every rule to every sentence. Returns the event of each event entity made so far
/// (the frame stage adds to them).
pub(crate) fn apply(context: &Context<'_>, annotations: &mut Annotations) -> HashMap<usize, usize> {
    // Every event named by a noun is an event from the start; rules add roles to it.
    let mut event_of_entity: HashMap<usize, usize> = HashMap::default();
    for entity_index in 0..annotations.entities.len() {
        ensure_event(context, annotations, &mut event_of_entity, entity_index);
    }
    for sentence in 0..context.article.sentences.len() {
        let shadow = Shadow::new(context.article, annotations, sentence);
        // One pass finds which rule words the sentence has; rules missing one are skipped
        // without running their regex.
        let mut satisfied = vec![0_u64; context.rules.rules.len()];
        let text_bytes = shadow.text.as_bytes();
        for found in context.rules.words.find_overlapping_iter(&shadow.text) {
            // A word counts only at the start of a word of the text ("led" is not in "killed");
            // placeholders and quotation marks begin with punctuation and always count.
            let first_is_letter =
                text_bytes.get(found.start()).is_some_and(u8::is_ascii_alphanumeric);
            let after_letter = found
                .start()
                .checked_sub(1)
                .and_then(|before| text_bytes.get(before))
                .is_some_and(u8::is_ascii_alphanumeric);
            if first_is_letter && after_letter {
                continue;
            }
            context.rules.prefilter.mark(found.pattern().as_usize(), &mut satisfied);
        }
        for (rule_index, rule) in context.rules.rules.iter().enumerate() {
            if !context.rules.prefilter.possible(rule_index, &satisfied) {
                continue;
            }
            let Some(compiled) = rule.compiled() else { continue };
            // Most candidate rules do not match: a plain match test is cheaper than setting up
            // capture groups for each.
            if !compiled.regex.is_match(shadow.text.as_bytes()) {
                continue;
            }
            let haystack = shadow.text.as_bytes();
            let captures: Vec<_> = match rule.clause_group {
                None => compiled.regex.captures_iter(haystack).map(|caps| (caps, None)).collect(),
                Some(_) => clause_matches(&compiled.regex, haystack),
            };
            for (caps, clause) in captures {
                let Some(whole) = caps.get(0) else { continue };
                let start = shadow.to_article(whole.start(), false);
                let end = shadow.to_article(clause.map_or(whole.end(), |(_, end)| end), true);
                let evidence = Evidence {
                    sentence,
                    span: context.article.span(start, end),
                    rule: rule.id.clone(),
                };
                let mut mentions: Vec<(&str, usize)> = Vec::new();
                let mut texts: Vec<(&str, usize, usize)> = Vec::new();
                for (group_index, name, is_mention) in &compiled.groups {
                    let Some(group) = caps.get(*group_index) else { continue };
                    if *is_mention {
                        if let Some(Ok(index)) =
                            std::str::from_utf8(group.as_bytes()).ok().map(str::parse)
                        {
                            mentions.push((name, index));
                        }
                    } else {
                        texts.push((
                            name,
                            shadow.to_article(group.start(), false),
                            shadow.to_article(group.end(), true),
                        ));
                    }
                }
                if let (Some(name), Some((clause_start, clause_end))) = (&rule.clause_group, clause)
                {
                    texts.push((
                        name,
                        shadow.to_article(clause_start, false),
                        shadow.to_article(clause_end, true),
                    ));
                }
                let matched = Matched { sentence, evidence, mentions, texts, event: None };
                apply_one(context, annotations, &mut event_of_entity, &rule.action, &matched);
            }
        }
    }
    event_of_entity
}

/// The matches of a rule whose last group takes the rest of the clause, with that group's
/// span: every byte after the regex's match up to the next period, at least one. Like the
/// matches of the whole pattern, they do not overlap: the next is looked for after the clause.
fn clause_matches<'h>(
    regex: &Regex,
    haystack: &'h [u8],
) -> Vec<(regex::bytes::Captures<'h>, Option<(usize, usize)>)> {
    let mut found = Vec::new();
    let mut at = 0;
    while at <= haystack.len() {
        let Some(caps) = regex.captures_at(haystack, at) else { break };
        let Some(whole) = caps.get(0) else { break };
        let clause_start = whole.end();
        let clause_end = haystack
            .get(clause_start..)
            .and_then(|rest| rest.iter().position(|&byte| byte == b'.'))
            .map_or(haystack.len(), |length| clause_start + length);
        if clause_end == clause_start {
            // No clause after this match: the whole pattern would not match here.
            at = whole.start() + 1;
            continue;
        }
        at = clause_end;
        found.push((caps, Some((clause_start, clause_end))));
    }
    found
}

impl Event {
    /// A new event of a class, stated by the words a rule matched.
    fn stated(class: &str, matched: &Matched<'_>) -> Self {
        Event {
            classes: vec![class.to_owned()],
            sentence: matched.sentence,
            anchor: matched.evidence.span.start,
            anchor_char: matched.evidence.span.start_char,
            from_verb: true,
            ..Event::default()
        }
    }
}

/// What a rule or a frame matched: the mentions and the words of its roles, and its evidence.
pub(super) struct Matched<'r> {
    pub sentence: usize,
    pub evidence: Evidence,
    /// Role name and mention index.
    pub mentions: Vec<(&'r str, usize)>,
    /// Role name and article byte range of words.
    pub texts: Vec<(&'r str, usize, usize)>,
    /// An event already found for the same words (a frame adds its roles there).
    pub event: Option<usize>,
}

pub(super) fn ensure_event(
    context: &Context<'_>,
    annotations: &mut Annotations,
    event_of_entity: &mut HashMap<usize, usize>,
    entity_index: usize,
) -> Option<usize> {
    if let Some(&event) = event_of_entity.get(&entity_index) {
        return Some(event);
    }
    let entity = annotations.entities.get(entity_index)?;
    if entity.tag != Some(Tag::Evt) {
        return None;
    }
    let first = entity
        .mentions
        .iter()
        .filter_map(|&m| annotations.mentions.get(m))
        .min_by_key(|m| m.span.start)?;
    // What coreference found to be one event is of every class its mentions name ("the
    // bombing" that is also "the attack"); the entity's own class comes first.
    let mut classes = vec![entity.class.to_string()];
    for mention in entity.mentions.iter().filter_map(|&m| annotations.mentions.get(m)) {
        if mention.tag() == Tag::Evt
            && mention.class != "Event"
            && !classes.iter().any(|class| *class == mention.class)
        {
            classes.push(mention.class.to_string());
        }
    }
    let mut event = Event {
        classes,
        entity: Some(entity_index),
        sentence: first.sentence,
        anchor: first.span.start,
        anchor_char: first.span.start_char,
        label: entity.label.clone(),
        entry: entity.entry,
        ..Event::default()
    };
    // Names, facilities and dates inside the noun phrase are the event's place and time.
    for &mention_index in &entity.mentions {
        let Some(mention) = annotations.mentions.get(mention_index) else { continue };
        let evidence = Evidence {
            sentence: mention.sentence,
            span: mention.span,
            rule: "np:event-modifier".into(),
        };
        for &inner in &mention.nested {
            let Some(nested) = annotations.mentions.get(inner) else { continue };
            match (nested.tag(), nested.entity, &nested.date) {
                (Tag::Date, _, Some(date)) => {
                    event.add_role(ng::DATE, Arg::Literal(date.clone()), Some(evidence.clone()))
                }
                (Tag::Gpe | Tag::Fac, Some(place), _) => {
                    event.add_role(ng::PLACE, Arg::Entity(place), Some(evidence.clone()))
                }
                _ => {}
            }
        }
    }
    // A lexicon event brings its own date.
    if let Some(date) =
        entity.entry.and_then(|e| context.lexicon.entry(e)).and_then(|e| e.date.clone())
        && let Ok(date) = date.parse()
    {
        event.add_role(ng::DATE, Arg::Literal(Literal::Date(date)), None);
    }
    let index = annotations.facts.events.len();
    annotations.facts.events.push(event);
    event_of_entity.insert(entity_index, index);
    Some(index)
}

pub(super) fn arg_of(
    context: &Context<'_>,
    annotations: &mut Annotations,
    event_of_entity: &mut HashMap<usize, usize>,
    mention_index: usize,
) -> Option<Arg> {
    let mention = annotations.mentions.get(mention_index)?;
    match mention.tag() {
        Tag::Qty => Some(Arg::Quantity(mention_index)),
        Tag::Date => mention.date.clone().map(Arg::Literal),
        Tag::Dur => mention.duration.clone().map(|d| Arg::Literal(Literal::Duration(d))),
        Tag::Ttl => Some(Arg::Literal(Literal::Text(mention.text.to_lowercase()))),
        Tag::Evt => {
            let entity = mention.entity?;
            ensure_event(context, annotations, event_of_entity, entity).map(Arg::Event)
        }
        _ => mention.entity.map(Arg::Entity),
    }
}

pub(super) fn apply_one(
    context: &Context<'_>,
    annotations: &mut Annotations,
    event_of_entity: &mut HashMap<usize, usize>,
    action: &Action,
    matched: &Matched,
) {
    let evidence = Some(matched.evidence.clone());
    let mut args: Vec<(&str, Arg)> = Vec::new();
    for (name, mention_index) in &matched.mentions {
        // A magnitude is a number on a scale, not a count.
        if *name == "magnitude" {
            let value = annotations
                .mentions
                .get(*mention_index)
                .and_then(|m| m.quantity.as_ref())
                .and_then(|q| q.decimal.clone().or_else(|| q.value.map(|v| v.to_string())));
            if let Some(value) = value {
                args.push((name, Arg::Literal(Literal::Decimal(value))));
            }
            continue;
        }
        if let Some(arg) = arg_of(context, annotations, event_of_entity, *mention_index) {
            args.push((name, arg));
        }
    }
    let text_of = |name: &str| -> Option<(String, usize, usize)> {
        matched.texts.iter().find(|(group, _, _)| *group == name).and_then(|(_, start, end)| {
            // Punctuation that closes a quotation inside its marks is not part of the words.
            let text = context
                .article
                .text
                .get(*start..*end)?
                .trim()
                .trim_end_matches([',', ';', ':'])
                .trim();
            (!text.is_empty()).then(|| (text.to_owned(), *start, *end))
        })
    };
    let find =
        |name: &str| args.iter().find(|(group, _)| *group == name).map(|(_, arg)| arg.clone());
    match action {
        Action::Event(class) => {
            let event_index = match (find("event"), matched.event) {
                (Some(Arg::Event(existing)), _) | (_, Some(existing)) => existing,
                _ => {
                    let Some(class) = class else { return };
                    let index = annotations.facts.events.len();
                    annotations.facts.events.push(Event::stated(class, matched));
                    index
                }
            };
            let span_days = span_days(annotations, matched, &args);
            // "was convicted of assault in 2016": the date of a charge's verdict, not of the
            // deed the charge names.
            let charged = class.is_none()
                && names_a_charge(&context.article.text, matched.evidence.span.start);
            let Some(event) = annotations.facts.events.get_mut(event_index) else { return };
            if let Some(class) = class
                && !event.classes.contains(class)
            {
                event.classes.push(class.clone());
            }
            for (name, arg) in &args {
                // Events do not act: a pronoun that coreference took for an event ("it
                // demanded") is no agent.
                let is_event = match arg {
                    Arg::Event(_) => true,
                    Arg::Entity(entity) => {
                        annotations.entities.get(*entity).is_some_and(|e| e.tag == Some(Tag::Evt))
                    }
                    _ => false,
                };
                // Nor do natural places: a river or a nature park named beside a deed
                // ("approved works on the X floodplain, in breach of …") is no party to it.
                let is_natural_place = matches!(arg, Arg::Entity(entity)
                if annotations.entities.get(*entity).is_some_and(|e| {
                    e.tag == Some(Tag::Gpe) && e.class == "Place"
                }));
                if name.starts_with("agent") && (is_event || is_natural_place) {
                    continue;
                }
                if charged && name.starts_with("date") {
                    continue;
                }
                if let (Some(predicate), false) =
                    (role_predicate(name), *name == "event" || *name == "includes")
                {
                    event.add_role(predicate, arg.clone(), evidence.clone());
                }
            }
            // "from Wednesday to Saturday": the days from the first to the last, counted
            // inclusively, are how long it lasted.
            if let Some(days) = span_days {
                event.add_role(
                    ng::DURATION,
                    Arg::Literal(Literal::Duration(format!("P{days}D"))),
                    evidence.clone(),
                );
            }
            // "1,100 people, including 800 children": a part of the quantity role beside it.
            if let Some(Arg::Quantity(part)) = find("includes") {
                let whole = args.iter().find_map(|(name, arg)| match arg {
                    Arg::Quantity(whole) if *name != "includes" => Some(*whole),
                    _ => None,
                });
                if let Some(whole) = whole {
                    annotations.facts.relations.push(Relation {
                        subject: Arg::Quantity(whole),
                        predicate: ng::INCLUDES.to_owned(),
                        object: Arg::Quantity(part),
                        evidence: evidence.clone(),
                    });
                }
            }
            let Some(event) = annotations.facts.events.get_mut(event_index) else { return };
            for name in ["description", "content"] {
                if let (Some((text, _, _)), Some(predicate)) = (text_of(name), role_predicate(name))
                {
                    event.add_role(predicate, Arg::Literal(Literal::Text(text)), evidence.clone());
                }
            }
        }
        Action::Relation(predicate) => {
            // The object is a mention, a demonym's country ("Chilean lithium producer X"), or
            // a concept named by words.
            let demonym =
                text_of("demonym").and_then(|(word, _, _)| match context.lexicon.demonym(&word) {
                    Some((place, false)) => Some(Arg::Lexicon(place)),
                    _ => None,
                });
            let object = find("o").or(demonym).or_else(|| {
                text_of("o")
                    .map(|(label, _, _)| Arg::Concept(format!("{}{}", ng::NS, "Right"), label))
            });
            let (Some(subject), Some(object)) = (find("s"), object) else { return };
            annotations.facts.relations.push(Relation {
                subject,
                predicate: predicate.clone(),
                object,
                evidence,
            });
        }
        Action::Claim => {
            let (Some(source), Some((text, start, end))) = (find("source"), text_of("content"))
            else {
                return;
            };
            // "said in a statement.", "said on Tuesday.": circumstances of the saying, not
            // what was said.
            if text.starts_with("in ") || text.starts_with("on ") {
                return;
            }
            // "said as she read out the verdict", "said on Sunday, as rivers rose": a
            // statement was made, but the clause after the verb is its circumstance, not its
            // words ("described as "ill-gotten gains"" still names what was said).
            let circumstance = ["as ", "while "]
                .iter()
                .any(|word| text.strip_prefix(word).is_some_and(|rest| !rest.starts_with('"')));
            // Saying something is also a statement: its speaker, words, quotations and the
            // events it is about. Statements of one speaker in one sentence merge later.
            // Reported speech of a vague source ("witnesses said") stays a claim only.
            if place_pronoun(annotations, matched, "source") {
                return;
            }
            let vague = vague_speaker(annotations, &source);
            let claim = Claim {
                source,
                text,
                evidence: matched.evidence.clone(),
                start,
                end,
                sentence: matched.sentence,
                events: Vec::new(),
            };
            if vague && !circumstance {
                annotations.facts.claims.push(claim);
                return;
            }
            if vague {
                return;
            }
            let mut statement = Event::stated("Statement", matched);
            statement.add_role(ng::SPEAKER, claim.source.clone(), evidence.clone());
            // "X and Y said", "X, Y and Z issued a joint statement": each says it.
            for name in ["source2", "source3"] {
                if let Some(other) = find(name)
                    && !vague_speaker(annotations, &other)
                {
                    statement.add_role(ng::SPEAKER, other, evidence.clone());
                }
            }
            if circumstance {
                for (name, arg) in &args {
                    if matches!(*name, "date" | "place")
                        && let Some(predicate) = role_predicate(name)
                    {
                        statement.add_role(predicate, arg.clone(), evidence.clone());
                    }
                }
                annotations.facts.events.push(statement);
                return;
            }
            statement.add_role(
                schema::TEXT,
                Arg::Literal(Literal::Text(claim.text.clone())),
                evidence.clone(),
            );
            for quote in quotations(&claim.text) {
                statement.add_role(ng::QUOTE, Arg::Literal(Literal::Text(quote)), evidence.clone());
            }
            let inside: Vec<usize> = annotations
                .by_sentence
                .get(matched.sentence)
                .into_iter()
                .flatten()
                .copied()
                .filter(|&m| {
                    annotations.mentions.get(m).is_some_and(|mention| {
                        mention.tag() == Tag::Evt
                            && mention.span.start >= start
                            && mention.span.end <= end
                    })
                })
                .collect();
            // When and where the words were said ("said on Tuesday", "said in Dhaka").
            for (name, arg) in &args {
                if matches!(*name, "date" | "place")
                    && let Some(predicate) = role_predicate(name)
                {
                    statement.add_role(predicate, arg.clone(), evidence.clone());
                }
            }
            for mention_index in inside {
                if let Some(arg @ Arg::Event(_)) =
                    arg_of(context, annotations, event_of_entity, mention_index)
                {
                    statement.add_role(schema::ABOUT, arg, evidence.clone());
                }
            }
            annotations.facts.events.push(statement);
            annotations.facts.claims.push(claim);
        }
        Action::Statement => {
            // "The two sides issued a joint statement": the two countries the story named last.
            if text_of("pair").is_some() {
                let mut before: Vec<&super::Mention> = annotations
                    .mentions
                    .iter()
                    .filter(|m| m.tag() == Tag::Gpe && m.span.end <= matched.evidence.span.start)
                    .collect();
                before.sort_by_key(|m| m.span.start);
                let mut pair: Vec<usize> = Vec::new();
                for entity in before.iter().rev().filter_map(|m| m.entity) {
                    let country =
                        annotations.entities.get(entity).is_some_and(|e| e.class == "Country");
                    if country && !pair.contains(&entity) {
                        pair.push(entity);
                    }
                    if pair.len() == 2 {
                        break;
                    }
                }
                if pair.len() == 2 {
                    let mut event = Event::stated("Statement", matched);
                    for entity in pair {
                        event.add_role(ng::SPEAKER, Arg::Entity(entity), evidence.clone());
                    }
                    annotations.facts.events.push(event);
                }
                return;
            }
            // A quotation with no speaker of its own continues the latest statement of the
            // two sentences before: wire copy splits long quotes into paragraphs, and the
            // paragraphs are one statement.
            // A speaker the text names but the stages could not resolve ("Zhou said", "she
            // said" with no antecedent) still makes a statement, with its words and no speaker.
            let unresolved = matched.mentions.iter().any(|(name, _)| *name == "speaker")
                || text_of("unnamed").is_some();
            if find("speaker").is_none() && unresolved {
                let mut event = Event::stated("Statement", matched);
                if let (Some((text, _, _)), Some(predicate)) =
                    (text_of("quote"), role_predicate("quote"))
                {
                    event.add_role(predicate, Arg::Literal(Literal::Text(text)), evidence.clone());
                }
                for (name, arg) in &args {
                    if let Some(predicate) = role_predicate(name) {
                        event.add_role(predicate, arg.clone(), evidence.clone());
                    }
                }
                annotations.facts.events.push(event);
                return;
            }
            let Some(speaker) = find("speaker") else {
                let latest = annotations.facts.events.iter().rposition(|event| {
                    event.has_class("Statement") && event.sentence + 2 >= matched.sentence
                });
                let Some(event) = latest.and_then(|index| annotations.facts.events.get_mut(index))
                else {
                    return;
                };
                if let (Some((text, _, _)), Some(predicate)) =
                    (text_of("quote"), role_predicate("quote"))
                {
                    event.add_role(predicate, Arg::Literal(Literal::Text(text)), evidence);
                }
                return;
            };
            if vague_speaker(annotations, &speaker)
                || place_pronoun(annotations, matched, "speaker")
            {
                return;
            }
            let mut event = Event::stated("Statement", matched);
            event.add_role(ng::SPEAKER, speaker, evidence.clone());
            // "welcomed the decision": the story's latest ruling.
            if text_of("decision").is_some()
                && find("reacts_to").is_none()
                && let Some(ruling) = annotations.facts.events.iter().rposition(|other| {
                    other.has_class("Ruling") && other.sentence <= matched.sentence
                })
            {
                event.add_role(ng::REACTS_TO, Arg::Event(ruling), evidence.clone());
            }
            for name in ["quote", "content"] {
                if let (Some((text, _, _)), Some(predicate)) = (text_of(name), role_predicate(name))
                {
                    event.add_role(predicate, Arg::Literal(Literal::Text(text)), evidence.clone());
                }
            }
            for (name, arg) in &args {
                if let (Some(predicate), false) = (role_predicate(name), *name == "speaker") {
                    event.add_role(predicate, arg.clone(), evidence.clone());
                }
            }
            annotations.facts.events.push(event);
        }
        Action::Title => {
            // The title is a title mention, or a job noun of an apposition ("X, a
            // meteorologist at the Y").
            let title = match find("title") {
                Some(Arg::Literal(Literal::Text(title))) => Some(title),
                _ => text_of("title").map(|(word, _, _)| word.to_lowercase()),
            };
            let (Some(person), Some(title)) = (find("person"), title) else {
                return;
            };
            // A contributor line ("AP writer X in Accra contributed to this report") is about
            // the newsroom, not the story.
            let contributor = context
                .article
                .sentences
                .get(matched.sentence)
                .map(|sentence| context.article.sentence_text(sentence))
                .is_some_and(|text| {
                    text.contains("contributed to this report")
                        || text.contains("contributed reporting")
                });
            if contributor {
                return;
            }
            // "Mr.", "Dr.", "Sir", "Dame": forms of address, not jobs; "a mother of three", "a
            // resident of": what a person is, not a job.
            // "a former finance minister", "ex-chairman": a job the person no longer holds.
            let title_start = matched
                .mentions
                .iter()
                .find(|(name, _)| *name == "title")
                .and_then(|&(_, index)| annotations.mentions.get(index))
                .map(|mention| mention.span.start)
                .or_else(|| {
                    matched.texts.iter().find(|(name, _, _)| *name == "title").map(|t| t.1)
                });
            let former = title.starts_with("former ")
                || title.starts_with("ex-")
                || title_start.is_some_and(|start| {
                    let before = context.article.text.get(..start).unwrap_or("");
                    before.ends_with("former ")
                        || before.ends_with("Former ")
                        || before.ends_with("ex-")
                });
            if former {
                return;
            }
            // A party's candidate or a group's member belongs to it without a job there.
            let membership = MEMBERSHIPS.contains(&title.as_str());
            if matches!(
                title.trim_end_matches('.'),
                "mr" | "mrs" | "ms" | "miss" | "dr" | "messrs" | "mses" | "drs" | "sir" | "dame"
            ) || (NOT_JOBS.contains(&title.as_str()) && !membership)
            {
                return;
            }
            if !membership {
                annotations.facts.relations.push(Relation {
                    subject: person.clone(),
                    predicate: schema::JOB_TITLE.to_owned(),
                    object: Arg::Literal(Literal::Text(title.clone())),
                    evidence: evidence.clone(),
                });
            }
            // "Turkish President X": the demonym gives the person's country.
            if let Some((demonym, _, _)) = text_of("demonym")
                && let Some((place, false)) = context.lexicon.demonym(&demonym)
            {
                annotations.facts.relations.push(Relation {
                    subject: person.clone(),
                    predicate: ng::NATIONALITY.to_owned(),
                    object: Arg::Lexicon(place),
                    evidence: evidence.clone(),
                });
            }
            // "State Minister for Disaster Management and Relief X": the portfolio names the
            // ministry ("Ministry of Disaster Management and Relief") when the story names it.
            let portfolio_org = text_of("portfolio").and_then(|(portfolio, _, _)| {
                let suffix = format!(" {portfolio}");
                annotations
                    .entities
                    .iter()
                    .rposition(|entity| {
                        entity.tag == Some(Tag::Org)
                            && entity.names.iter().any(|name| name.ends_with(&suffix))
                    })
                    .map(Arg::Entity)
            });
            if let Some(org) = find("org").or(portfolio_org) {
                // A party's candidate or leader is one of its members, not its employee.
                let party = membership
                    || matches!(&org, Arg::Entity(entity)
                    if annotations.entities.get(*entity).is_some_and(|e| e.class == "PoliticalParty"));
                annotations.facts.relations.push(Relation {
                    subject: person.clone(),
                    predicate: if party { schema::MEMBER_OF } else { schema::WORKS_FOR }.to_owned(),
                    object: org.clone(),
                    evidence: evidence.clone(),
                });
                let spokesperson = context
                    .lexicon
                    .title(&title)
                    .is_some_and(|t| t.role == crate::lexicon::TitleRole::Spokesperson);
                if spokesperson {
                    annotations.facts.relations.push(Relation {
                        subject: person,
                        predicate: ng::SPOKESPERSON_FOR.to_owned(),
                        object: org,
                        evidence,
                    });
                }
            }
        }
    }
}

/// Whether the words before byte `start` make what follows a charge ("was convicted of",
/// "charged with"): a date after it is the verdict's or the charge's, not the deed's.
///
/// Only the end of the text before `start` is looked at (it used to lowercase all of it for each
/// match, which made an article with many matches quadratic).
pub(crate) fn names_a_charge(text: &str, start: usize) -> bool {
    let Some(before) = text.get(..start) else { return false };
    let before = before.trim_end().as_bytes();
    ["convicted of", "guilty of", "charged with", "accused of", "acquitted of"].iter().any(|verb| {
        before.len() >= verb.len()
            && before[before.len() - verb.len()..].eq_ignore_ascii_case(verb.as_bytes())
    })
}

/// The number of days from the `span_start` date to the `span_end` date of a match, both
/// counted: from their dates, or from their weekday names when the article has no date to
/// resolve them against ("from Wednesday to Saturday" is four days).
fn span_days(
    annotations: &Annotations,
    matched: &Matched<'_>,
    args: &[(&str, Arg)],
) -> Option<u32> {
    let find = |name: &str| args.iter().find(|(group, _)| *group == name).map(|(_, arg)| arg);
    if let (Some(Arg::Literal(Literal::Date(first))), Some(Arg::Literal(Literal::Date(last)))) =
        (find("span_start"), find("span_end"))
    {
        let days = u32::try_from(first.until(*last).ok()?.get_days()).ok()?;
        return (1..=365).contains(&days).then_some(days + 1);
    }
    let weekday = |name: &str| {
        let (_, mention) = matched.mentions.iter().find(|(group, _)| *group == name)?;
        let text = annotations.mentions.get(*mention)?.text.to_lowercase();
        let text = text.trim_start_matches("on ");
        WEEKDAYS.iter().position(|day| *day == text)
    };
    let (first, last) = (weekday("span_start")?, weekday("span_end")?);
    let days = (last + 7 - first) % 7;
    (days > 0).then(|| u32::try_from(days + 1).ok()).flatten()
}

const WEEKDAYS: [&str; 7] =
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Whether a speaker is too vague to make a statement: a group named by a bare plural noun,
/// with no name and no country ("witnesses", "scientists", "residents"). Their words stay a
/// claim. An organisation described by a noun ("the government said") is one actor of the
/// story and keeps its statement.
fn vague_speaker(annotations: &Annotations, speaker: &Arg) -> bool {
    let Arg::Entity(entity) = speaker else { return false };
    annotations.entities.get(*entity).is_some_and(|entity| {
        !entity.proper
            && entity.entry.is_none()
            && entity.nationality.is_none()
            && entity.tag == Some(Tag::Grp)
            // Those who bring a case are known by it ("the claimants in the case say").
            && entity.category == Some(crate::lexicon::NounCategory::People)
            && !super::coref::strip_determiner(&entity.label).contains(' ')
    })
}

/// Whether the mention of a role is a pronoun that coreference took for a town or region
/// ("AFAD said ... in Elazig, it said"): places other than countries do not speak, so the
/// pronoun's antecedent is wrong and the statement is left out rather than given to the place.
fn place_pronoun(annotations: &Annotations, matched: &Matched<'_>, role: &str) -> bool {
    matched.mentions.iter().filter(|(name, _)| *name == role).any(|&(_, index)| {
        annotations.mentions.get(index).is_some_and(|mention| {
            mention.tag() == Tag::Pro
                && mention
                    .entity
                    .and_then(|e| annotations.entities.get(e))
                    .is_some_and(|e| e.tag == Some(Tag::Gpe) && e.class != "Country")
        })
    })
}

/// Nouns of an apposition that make a person one of an organisation ("a member of the X", "the
/// candidate of the X"): membership, not a job title.
const MEMBERSHIPS: &[&str] = &["member", "candidate"];

/// Nouns of an apposition that say what a person is to others, not what they do for a living.
const NOT_JOBS: &[&str] = &[
    "member",
    "supporter",
    "mother",
    "father",
    "daughter",
    "brother",
    "sister",
    "grandmother",
    "grandfather",
    "partner",
    "customer",
    "voter",
    "user",
    "fan",
    "resident",
    "student",
    "survivor",
    "neighbour",
    "neighbor",
    "passenger",
    "victim",
    "owner",
    "candidate",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefilter_needs_one_word_of_each_group() {
        // Rule 0 needs word 0 or 1, and word 2; rule 1 needs nothing; rule 2 needs word 3
        // in 70 groups, of which only the first 64 count.
        let required = vec![vec![vec![0, 1], vec![2]], Vec::new(), vec![vec![3]; 70]];
        let prefilter = Prefilter::new(&required, 4);
        let possible = |words: &[usize]| {
            let mut satisfied = vec![0; required.len()];
            for &word in words {
                prefilter.mark(word, &mut satisfied);
            }
            (0..required.len())
                .filter(|&rule| prefilter.possible(rule, &satisfied))
                .collect::<Vec<_>>()
        };
        let cases: [(&[usize], Vec<usize>); 6] = [
            (&[], vec![1]),
            (&[0], vec![1]),
            (&[2], vec![1]),
            (&[1, 2], vec![0, 1]),
            (&[0, 1, 2, 3], vec![0, 1, 2]),
            (&[4, 99], vec![1]),
        ];
        for (words, expected) in cases {
            assert_eq!(possible(words), expected, "words {words:?}");
        }
    }

    #[test]
    fn required_words_of_patterns() {
        let cases: [(&str, Vec<Vec<&str>>); 12] = [
            (
                "{ORG:agent} (?:has )?(?:ruled|rules)(?: on)?",
                vec![vec!["\u{2}ORG/"], vec!["ruled", "rules"]],
            ),
            (
                "{EVT:event} of {*:theme} from {GPE/City|Country:x}",
                vec![
                    vec!["\u{2}EVT/"],
                    vec!["of"],
                    vec!["from"],
                    vec!["\u{2}GPE/City:", "\u{2}GPE/Country:"],
                ],
            ),
            ("there (?:was|were) (?P<d>[^.]+)", vec![vec!["there"], vec!["was", "were"]]),
            ("a|b", vec![]),
            ("x (?:said|told (?:\\w+|{*:y})|added)", vec![vec!["said", "told", "added"]]),
            ("x (?:said|\\w+ed)", vec![]),
            ("killed?", vec![vec!["kille"]]),
            // Nested groups give the words they begin with; an optional one gives nothing.
            (
                "x,? (?:(?:said|says)(?: on)?|(?:found|ruled?)|told (?:\\w+) that),? y",
                vec![vec!["said", "says", "found", "rule", "told"]],
            ),
            ("x (?:(?:also )?said|told)", vec![]),
            ("x (?:said|[Tt]old)", vec![]),
            ("{ORG:o}'s {ORG:s}", vec![vec!["\u{2}ORG/"], vec!["'s"], vec!["\u{2}ORG/"]]),
            ("{ORG:o}'s? x", vec![vec!["\u{2}ORG/"]]),
        ];
        for (pattern, expected) in cases {
            let expected: Vec<Vec<String>> = expected
                .into_iter()
                .map(|alternatives| alternatives.into_iter().map(str::to_owned).collect())
                .collect();
            assert_eq!(required_words(pattern), expected, "{pattern}");
        }
    }

    /// Speakers, titles and employers: each text must yield the facts of its first list and
    /// none of its second.
    #[test]
    fn speech_and_people_rules() {
        let cases: &[(&str, &[&str], &[&str])] = &[
            // Two speakers of one verb; an object before "and" is no speaker.
            (
                "Observers from the Economic Community of West African States (ECOWAS) and the African Union said the vote was free.",
                &[
                    "event:Statement — speaker — Economic Community of West African States",
                    "event:Statement — speaker — African Union",
                ],
                &[],
            ),
            (
                "The court fined Acme Corp and the European Commission said the fine was fair.",
                &["event:Statement — speaker — European Commission"],
                &["event:Statement — speaker — Acme Corp"],
            ),
            // A named organisation after the words it said; a bare description is not one.
            (
                "At least 37 people were injured, the Kenya Red Cross said.",
                &["event:Statement — speaker — Kenya Red Cross"],
                &[],
            ),
            // A group speaks too ("officials said", "police said"): read on the parse.
            ("Two people were hurt in the crash, police said.", &["event:Statement — speaker — police"], &[]),
            // An apposition names the speaker; a relative clause's object does not speak.
            (
                "An FBI spokesman, Mark Ellison, said investigators had searched the house.",
                &["event:Statement — speaker — Mark Ellison", "Mark Ellison — jobTitle — spokesman"],
                &[],
            ),
            (
                "Al-Shabaab, which is linked to al-Qaeda, said its fighters attacked the base.",
                &[],
                &["event:Statement — speaker — al-Qaeda"],
            ),
            // "told reporters in X that": where it was said.
            (
                "Interior Minister Ali Veli told reporters in Ankara that the search was continuing.",
                &["event:Statement — speaker — Ali Veli", "event:Statement — place — Ankara"],
                &[],
            ),
            // A rank after a job title is not the job.
            (
                "UN spokesman Major John Reed told reporters that the convoy had arrived.",
                &["John Reed — jobTitle — spokesman"],
                &["John Reed — jobTitle — major"],
            ),
            // "Title X of the Y", "of the Y's Z": employer and unit.
            (
                "Detective Inspector Karen Hale of the Metropolitan Police's Counter Terrorism Command said the arrest followed a tip-off.",
                &[
                    "Karen Hale — worksFor — Counter Terrorism Command",
                    "Counter Terrorism Command — isPartOf — Metropolitan Police",
                    "event:Statement — speaker — Karen Hale",
                ],
                &["event:Statement — speaker — Counter Terrorism Command"],
            ),
            // Possessive titles, ages before job nouns, titles a person is declared.
            ("His lawyer, Simon Hart, said he would appeal.", &["Simon Hart — jobTitle — lawyer"], &[]),
            (
                "\"We lost everything,\" said Ayse Kaya, a 54-year-old teacher who lost her home.",
                &["Ayse Kaya — jobTitle — teacher"],
                &[],
            ),
            (
                "The commission declared Kofi Mensah president-elect on Sunday.",
                &["Kofi Mensah — jobTitle — president-elect"],
                &[],
            ),
            // "the hospital, where director X": the place of the job.
            (
                "The wounded were taken to Madina Hospital, where emergency unit director Ali Hassan said 38 were admitted.",
                &["Ali Hassan — worksFor — Madina Hospital"],
                &[],
            ),
            // A minister's portfolio names the ministry the story names.
            (
                "The Ministry of Disaster Management and Relief said in a statement that 20 had died. \"It is grave,\" State Minister for Disaster Management and Relief Rahim Uddin told reporters.",
                &["Rahim Uddin — worksFor — Ministry of Disaster Management and Relief"],
                &[],
            ),
            (
                "\"It is grave,\" State Minister for Disaster Management and Relief Rahim Uddin told reporters.",
                &["Rahim Uddin — jobTitle — state minister"],
                &["Rahim Uddin — worksFor — Ministry of Disaster Management and Relief"],
            ),
            // A party's candidate is a member, not an employee.
            (
                "Ama Boateng, the candidate of the governing Ghana Unity Congress (GUC), lost the vote.",
                &["Ama Boateng — memberOf — Ghana Unity Congress"],
                &["Ama Boateng — jobTitle — candidate", "Ama Boateng — worksFor — Ghana Unity Congress"],
            ),
            // "Demonym Title to Country X".
            (
                "Chilean Ambassador to China Pedro Soto said the deal was good.",
                &["Pedro Soto — jobTitle — ambassador", "Pedro Soto — nationality — Chile"],
                &[],
            ),
            // A town that "it" was taken for does not speak.
            (
                "The agency said 312 people had been injured. Nineteen of the dead were in Malatya and eight in neighbouring Elazig, it said.",
                &[],
                &["event:Statement — speaker — Elazığ", "event:Statement — speaker — Elazig"],
            ),
            // A past job is no job title; claiming an attack is no statement.
            (
                "Kofi Mensah, a 61-year-old former finance minister, won the vote. Former President John Doe voted.",
                &[],
                &["Kofi Mensah — jobTitle — finance minister", "John Doe — jobTitle — president"],
            ),
            (
                "A group calling itself Ansar al-Sahel claimed the hostage-taking in an audio message.",
                &[],
                &["event:Statement — speaker — Ansar al-Sahel"],
            ),
            (
                "Acme Corp claimed that its rival had copied the design.",
                &["event:Statement — speaker — Acme Corp"],
                &[],
            ),
            // "welcomed the decision" after a ruling reacts to it; with no ruling, to nothing.
            (
                "The Supreme Court ruled on Monday that the law was void. Acme Corp welcomed the decision, saying it was \"a clear signal\".",
                &["event:Statement — reactsTo — event:Ruling"],
                &[],
            ),
            (
                "Acme Corp welcomed the decision, saying it was \"a clear signal\".",
                &[],
                &["event:Statement — reactsTo — event:Ruling"],
            ),
            // "The two sides": the two countries named last; one country is no pair.
            (
                "China and Kazakhstan held talks in Beijing. The two sides also issued a joint statement.",
                &["event:Statement — speaker — China", "event:Statement — speaker — Kazakhstan"],
                &[],
            ),
            (
                "Kazakhstan held talks in Beijing. The two sides also issued a joint statement.",
                &[],
                &["event:Statement — speaker — Kazakhstan"],
            ),
            // "told reporters at the X": an organisation's premises as the place.
            (
                "\"This measure is fair,\" Finance Minister John Kamau told reporters at the Treasury.",
                &["event:Statement — place — Treasury"],
                &[],
            ),
            // "the judge" after "Judge X" is X; a prosecutor is no judge.
            (
                "On Friday, Judge Richard Ashworth sentenced him. \"You lied,\" the judge told him.",
                &["event:Statement — speaker — Richard Ashworth"],
                &[],
            ),
            (
                "On Friday, Prosecutor Richard Ashworth spoke at the High Court. \"You lied,\" the judge told him.",
                &[],
                &["event:Statement — speaker — Richard Ashworth"],
            ),
        ];
        super::super::testing::assert_facts(cases);
    }

    /// Verdicts, shootings, protests, statement frames and places in wire wording: each text
    /// must yield the facts of its first list and none of its second.
    #[test]
    fn verdict_violence_and_statement_rules() {
        let cases: &[(&str, &[&str], &[&str])] = &[
            (
                "The Oslo District Court found Erik Larsen, 58, guilty of fraud, an offence under Article 371 of the Penal Code.",
                &[
                    "event:Ruling — against — Erik Larsen",
                    "event:Ruling — finding — event:Violation",
                    "event:Violation — agent — Erik Larsen",
                ],
                &["event:Statement — speaker — Oslo District Court"],
            ),
            (
                "The Oslo District Court sentenced the former chief executive of Norsk Hydro to three years in prison. The Oslo District Court found Erik Larsen guilty of fraud.",
                &["event:Sentencing — target — Erik Larsen", "event:Sentencing — duration — P3Y"],
                &[],
            ),
            (
                "Anna Weber, 52, received a two-year suspended sentence.",
                &["event:Sentencing — target — Anna Weber", "event:Sentencing — duration — P2Y"],
                &[],
            ),
            ("Volkswagen was fined 2 million euros.", &["event:Sentencing — target — Volkswagen"], &[]),
            (
                "A bus crashed near Nairobi. The Kenyan transport ministry formed a five-member committee to investigate the accident. President William Ruto expressed shock over the accident.",
                &[
                    "event:Investigation — concerns — event:Accident",
                    "event:Reaction — reactsTo — event:Accident",
                    "event:Reaction — agent — William Ruto",
                ],
                &[],
            ),
            (
                "A crowded boat capsized near Kampala on Sunday, killing 12 people.",
                &["event:Accident — place — Kampala", "event:Accident — killed — 12 people"],
                &[],
            ),
            (
                "An economist at Nordea, Lars Berg, said rates would rise. A retired teacher, Ellen Moss, said she was scared.",
                &["Lars Berg — jobTitle — economist", "Lars Berg — worksFor — Nordea", "Ellen Moss — jobTitle — teacher"],
                &[],
            ),
            (
                "Police opened fire on protesters in Lagos.",
                &["event:Shooting — target — protesters"],
                &[],
            ),
            (
                "Thousands of protesters blocked roads in the capital.",
                &["event:Protest — agent — protesters"],
                &[],
            ),
            ("At least 12 people were killed, police said.", &[], &["event:Event — killed — At least 12 people"]),
            (
                "The World Health Organization was scheduled to hold an emergency meeting on Friday.",
                &["event:Meeting — agent — World Health Organization"],
                &[],
            ),
            (
                "Germany, France and Italy issued a joint statement saying they were \"deeply concerned\" by the vote.",
                &[
                    "event:Statement — speaker — Germany",
                    "event:Statement — speaker — France",
                    "event:Statement — speaker — Italy",
                    "event:Statement — quote — deeply concerned",
                ],
                &[],
            ),
            (
                "Last month John Smith accused the board of hiding losses and ordered an investigation into the bank.",
                &["event:Statement — speaker — John Smith"],
                &["event:Statement — about — event:Investigation"],
            ),
            (
                "The floods have killed 12 people, according to the Nairobi-based World Food Programme.",
                &["event:Statement — speaker — World Food Programme"],
                &["event:Statement — speaker — Nairobi"],
            ),
            (
                "\"We will appeal,\" senior lawyer John Smith said as he left the building.",
                &["event:Statement — quote — We will appeal"],
                &[],
            ),
            (
                "Peter Brandt was sentenced on Monday. A lawyer for Brandt, Helen Fischer, said her client was \"very disappointed\".",
                &["event:Statement — speaker — Helen Fischer", "Helen Fischer — jobTitle — lawyer"],
                &[],
            ),
            (
                "Fire destroyed homes near the town of Paradise in Butte County.",
                &["Paradise — containedInPlace — Butte County"],
                &[],
            ),
            (
                "Police arrested Prime Minister John Smith on Monday. UN spokesman Farid Haddad said the secretary-general had condemned the arrest of the prime minister.",
                &["event:Reaction — reactsTo — event:Arrest"],
                &[],
            ),
            (
                "Soldiers detained Prime Minister John Smith on Monday. UN spokesman Farid Haddad said the secretary-general had denounced the detention of civilian leaders.",
                &["event:Reaction — reactsTo — event:Arrest"],
                &[],
            ),
            (
                "UN spokesman Farid Haddad said the secretary-general had denounced the detention of civilian leaders.",
                &[],
                &["event:Reaction — reactsTo — event:Arrest"],
            ),
            (
                "Police detained Kenya's former finance minister Amina Otieno on Monday.",
                &["event:Arrest — target — Amina Otieno"],
                &[],
            ),
            (
                "The European Union said it had suspended Mali from its trade programme.",
                &["event:Reaction — agent — European Union"],
                &[],
            ),
            (
                "The European Union said it had suspected fraud.",
                &[],
                &["event:Reaction — agent — European Union"],
            ),
            (
                "The prime minister ordered an investigation into Volkswagen's accounts.",
                &["event:Investigation — concerns — Volkswagen"],
                &[],
            ),
            (
                "Prosecutors from the Serious Fraud Office, which opened the investigation in 2019, had sought six years in prison.",
                &[
                    "event:LegalCase — plaintiff — Serious Fraud Office",
                    "event:Investigation — agent — Serious Fraud Office",
                ],
                &[],
            ),
        ];
        super::super::testing::assert_facts(cases);
    }

    #[test]
    fn clause_groups_split_only_at_the_top_level() {
        let cases = [
            ("a said,? (?P<content>[^.]+)", Some(("a said,? ", "content"))),
            (r"\(x\) said (?P<rest>[^.]+)", Some((r"\(x\) said ", "rest"))),
            // Inside a group, after a top-level alternative, or another body: kept whole.
            ("(?:a said (?P<content>[^.]+))", None),
            ("(?:a (?P<content>[^.]+)", None),
            ("b|a said (?P<content>[^.]+)", None),
            ("a said (?P<content>[^.]*)", None),
            ("(?P<content>[^.]+)", None),
        ];
        for (pattern, expected) in cases {
            let (prefix, name) = split_clause_group(pattern);
            let got = name.as_deref().map(|name| (prefix, name));
            assert_eq!(got, expected, "{pattern}");
            if expected.is_none() {
                assert_eq!(prefix, pattern);
            }
        }
    }

    #[test]
    fn clause_matches_agree_with_the_whole_pattern() -> Result<(), regex::Error> {
        let whole =
            regex::bytes::Regex::new(r"(?P<who>[A-Z][a-z]+) said,? (?:that )?(?P<content>[^.]+)")?;
        let prefix = regex::bytes::Regex::new(r"(?P<who>[A-Z][a-z]+) said,? (?:that )?")?;
        for text in [
            "Ann said that Bob said it rained",
            "Ann said it rained. Bob said, that it snowed. Cy said.",
            "Nobody spoke",
            "Ann said that",
        ] {
            let hay = text.as_bytes();
            let expected: Vec<_> = whole
                .captures_iter(hay)
                .filter_map(|caps| {
                    let (who, content) = (caps.name("who")?, caps.name("content")?);
                    Some((who.range(), content.range()))
                })
                .collect();
            let got: Vec<_> = clause_matches(&prefix, hay)
                .into_iter()
                .filter_map(|(caps, clause)| {
                    let (start, end) = clause?;
                    Some((caps.name("who")?.range(), start..end))
                })
                .collect();
            assert_eq!(got, expected, "{text}");
        }
        Ok(())
    }

    #[test]
    fn builtin_rules_compile() -> Result<(), LexiconError> {
        // The built-in rules are compiled lazily: `parse` compiles every one.
        let rules =
            Rules::parse("data/patterns/rules.tsv", include_str!("../../data/patterns/rules.tsv"))?;
        assert!(!rules.rules.is_empty());
        assert!(rules.rules.iter().all(|rule| rule.compiled.get().is_some_and(Option::is_some)));
        Ok(())
    }
}
