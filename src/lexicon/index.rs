//! The index of the named entries: which entry each name, lowercase name, demonym and country
//! code stands for, as [finite state transducers](https://docs.rs/fst) from the string to the
//! entry's number.
//!
//! An FST is searched where it lies: [`NameIndex::new`] takes its bytes without copying or
//! decoding them. The build script compiles the index of the built-in lexicons, so newsgraph
//! starts without building anything; an index of a user's lexicons is built at run time by the
//! same [`NameTables::build`].
//!
//! NB: also compiled into the build script (`build.rs`): it uses nothing outside `lexicon/` but
//! `super::LexiconError`.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};

use fst::raw::{CompiledAddr, Fst, Output};
use fst::{Map, Streamer};
use rustc_hash::FxHashMap;

use super::sources::{arabic_article, Entry, EntryKind};
use super::LexiconError;

/// The four tables of a [`NameIndex`], as FST bytes.
#[derive(Debug, Clone)]
pub(crate) struct NameTables<B> {
    /// Surface form (as written in a text) → entry: what [`NameIndex::longest_match`] finds.
    pub(crate) names: B,
    /// Lowercase surface form → entry.
    pub(crate) lower_names: B,
    /// Demonym → entry × 2, plus 1 for a plural people form ("Russians").
    pub(crate) demonyms: B,
    /// ISO 3166-1 alpha-2 code → country entry.
    pub(crate) countries: B,
}

impl NameTables<Vec<u8>> {
    /// The tables of `entries` (numbered by their position).
    ///
    /// Several entries may claim a name: countries win over cities, cities over regions, places
    /// over organisations, and among entries of one kind the first one.
    pub(crate) fn build(entries: &[Entry]) -> Result<Self, LexiconError> {
        let mut names = BTreeMap::new();
        let mut lower_names = BTreeMap::new();
        let mut demonyms = BTreeMap::new();
        let mut countries = BTreeMap::new();
        let mut order: Vec<usize> = (0..entries.len()).collect();
        // A city named like its region ("Ankara", "Gaziantep") is meant as the city in news.
        order.sort_by_key(|&index| match entries[index].kind {
            EntryKind::City => (EntryKind::Region, 0),
            EntryKind::Region => (EntryKind::Region, 1),
            kind => (kind, 0),
        });
        let country_demonyms: HashSet<&str> = entries
            .iter()
            .filter(|entry| entry.kind == EntryKind::Country)
            .flat_map(|entry| entry.demonyms.iter().map(String::as_str))
            .collect();
        for &index in &order {
            let entry = &entries[index];
            let value = index as u64;
            if entry.kind == EntryKind::Country
                && let Some(code) = &entry.country
            {
                countries.entry(code.clone()).or_insert(value);
            }
            for surface in std::iter::once(&entry.name).chain(&entry.aliases) {
                let surface = surface.strip_prefix("the ").unwrap_or(surface).trim();
                // Names start with a capital or a digit; a lowercase alias ("city") would match
                // ordinary words.
                // So do Arabic names after the article ("al-Qaeda").
                let capitalised =
                    surface.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                        || arabic_article(surface).is_some();
                // A town or region spelled like a country's demonym ("Somali") is the demonym.
                let demonym_clash = matches!(entry.kind, EntryKind::City | EntryKind::Region)
                    && country_demonyms.contains(surface);
                if surface.chars().count() < 2
                    || !capitalised
                    || demonym_clash
                    || names.contains_key(surface)
                {
                    continue;
                }
                names.insert(surface.to_owned(), value);
                lower_names.entry(surface.to_lowercase()).or_insert(value);
            }
            for demonym in &entry.demonyms {
                let plural = demonym.ends_with('s')
                    && entry.demonyms.iter().any(|other| other.len() + 1 == demonym.len());
                demonyms.entry(demonym.clone()).or_insert(value * 2 + u64::from(plural));
            }
        }
        Ok(Self {
            names: fst_bytes(names)?,
            lower_names: fst_bytes(lower_names)?,
            demonyms: fst_bytes(demonyms)?,
            countries: fst_bytes(countries)?,
        })
    }
}

/// The entries of an FST map, in a hash map.
fn hash_map(map: &Map<Cow<'static, [u8]>>) -> FxHashMap<String, u64> {
    let mut entries = FxHashMap::default();
    let mut stream = map.stream();
    while let Some((key, value)) = stream.next() {
        // Keys are the lexicon's strings, UTF-8 like them.
        entries.insert(String::from_utf8_lossy(key).into_owned(), value);
    }
    entries
}

/// The FST of a map (whose keys come sorted, as an FST wants them).
fn fst_bytes(map: BTreeMap<String, u64>) -> Result<Vec<u8>, LexiconError> {
    Map::from_iter(map).map(Map::into_fst).map(Fst::into_inner).map_err(|error| LexiconError {
        file: "lexicons".into(),
        line: 0,
        message: error.to_string(),
    })
}

/// The names of a lexicon's entries, searchable in a text.
#[derive(Clone)]
pub(crate) struct NameIndex {
    names: Fst<Cow<'static, [u8]>>,
    lower_names: Map<Cow<'static, [u8]>>,
    /// The demonyms and country codes, read from their FSTs into hash maps: they are few
    /// (1,700 and 250), and a demonym is looked up for many words of a text.
    demonyms: FxHashMap<String, u64>,
    countries: FxHashMap<String, u64>,
    /// The FST's transitions from its root, by byte: a name's first step without decoding the
    /// root node.
    first_steps: Box<[Option<(Output, CompiledAddr)>]>,
    /// For each first byte, the set of bytes that may follow it in a name (all of them when
    /// the byte alone is a name): most positions of a text, even where a name may begin, are
    /// turned away by these two tables without walking the FST.
    second_bytes: Box<[[u64; 4]]>,
}

impl std::fmt::Debug for NameIndex {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("NameIndex")
            .field("names", &self.names.len())
            .field("lower_names", &self.lower_names.len())
            .field("demonyms", &self.demonyms.len())
            .field("countries", &self.countries.len())
            .finish_non_exhaustive()
    }
}

impl NameIndex {
    /// The index of these tables, without copying them.
    pub(crate) fn new(tables: NameTables<Cow<'static, [u8]>>) -> Result<Self, fst::Error> {
        let names = Fst::new(tables.names)?;
        let mut first_steps = vec![None; 256].into_boxed_slice();
        let mut second_bytes = vec![[0_u64; 4]; 256].into_boxed_slice();
        for first in names.root().transitions() {
            let byte = usize::from(first.inp);
            first_steps[byte] = Some((first.out, first.addr));
            let after = names.node(first.addr);
            let followers = &mut second_bytes[byte];
            if after.is_final() {
                *followers = [u64::MAX; 4];
            }
            for second in after.transitions() {
                followers[usize::from(second.inp / 64)] |= 1 << (second.inp % 64);
            }
        }
        Ok(Self {
            names,
            lower_names: Map::new(tables.lower_names)?,
            demonyms: hash_map(&Map::new(tables.demonyms)?),
            countries: hash_map(&Map::new(tables.countries)?),
            first_steps,
            second_bytes,
        })
    }

    /// Finds the names in `text` as leftmost-longest matches do (what an Aho-Corasick
    /// automaton of the names finds with `MatchKind::LeftmostLongest`): the longest name that
    /// starts at the first position where one starts, then the same after its end.
    /// `(start byte, end byte, entry)`, in order; names may begin and end inside words.
    pub(crate) fn leftmost_longest(&self, text: &str) -> Vec<(usize, usize, usize)> {
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        let mut start = 0;
        while start < bytes.len() {
            if self.may_begin_at(bytes, start)
                && let Some((length, entry)) = self.longest_name_at(&bytes[start..])
            {
                found.push((start, start + length, entry));
                start += length;
            } else {
                start += 1;
            }
        }
        found
    }

    /// Whether the first two bytes at `start` may begin a name.
    fn may_begin_at(&self, bytes: &[u8], start: usize) -> bool {
        let Some(&first) = bytes.get(start) else { return false };
        let followers = &self.second_bytes[usize::from(first)];
        match bytes.get(start + 1) {
            Some(&second) => followers[usize::from(second / 64)] & (1 << (second % 64)) != 0,
            // The last byte: only a name of one byte could begin there.
            None => self.first_steps[usize::from(first)].is_some(),
        }
    }

    /// The longest name that `text` begins with: its length and entry.
    fn longest_name_at(&self, text: &[u8]) -> Option<(usize, usize)> {
        let &(first_output, first_address) =
            self.first_steps[usize::from(*text.first()?)].as_ref()?;
        let mut node = self.names.node(first_address);
        let mut output = first_output;
        let mut longest = node.is_final().then(|| (1, output.cat(node.final_output()).value()));
        for (position, &byte) in text.iter().enumerate().skip(1) {
            let Some(transition) = node.find_input(byte).map(|index| node.transition(index)) else {
                break;
            };
            output = output.cat(transition.out);
            node = self.names.node(transition.addr);
            if node.is_final() {
                longest = Some((position + 1, output.cat(node.final_output()).value()));
            }
        }
        let (length, entry) = longest?;
        Some((length, usize::try_from(entry).ok()?))
    }

    /// The entry with this lowercase name.
    ///
    /// NB: an FST lookup decodes a node per byte, several times the cost of hashing; the 35,000
    /// lowercase names are looked up only for capitalised runs.
    pub(crate) fn lower_name(&self, lower: &str) -> Option<usize> {
        self.lower_names.get(lower).and_then(|entry| usize::try_from(entry).ok())
    }

    /// The country or region of a demonym, and whether it is a plural people form.
    pub(crate) fn demonym(&self, word: &str) -> Option<(usize, bool)> {
        let value = *self.demonyms.get(word)?;
        Some((usize::try_from(value / 2).ok()?, value % 2 == 1))
    }

    /// The country with this ISO 3166-1 alpha-2 code.
    pub(crate) fn country(&self, code: &str) -> Option<usize> {
        self.countries.get(code).and_then(|&entry| usize::try_from(entry).ok())
    }
}
