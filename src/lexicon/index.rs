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

use fst::raw::{Fst, Output};
use fst::Map;

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
    demonyms: Map<Cow<'static, [u8]>>,
    countries: Map<Cow<'static, [u8]>>,
    /// Whether some name begins with each byte: most positions of a text are turned away
    /// without looking into the FST.
    first_bytes: [bool; 256],
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
        let mut first_bytes = [false; 256];
        for transition in names.root().transitions() {
            first_bytes[usize::from(transition.inp)] = true;
        }
        Ok(Self {
            names,
            lower_names: Map::new(tables.lower_names)?,
            demonyms: Map::new(tables.demonyms)?,
            countries: Map::new(tables.countries)?,
            first_bytes,
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
        while let Some(&byte) = bytes.get(start) {
            if self.first_bytes[usize::from(byte)]
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

    /// The longest name that `text` begins with: its length and entry.
    fn longest_name_at(&self, text: &[u8]) -> Option<(usize, usize)> {
        let mut node = self.names.root();
        let mut output = Output::zero();
        let mut longest = None;
        for (position, &byte) in text.iter().enumerate() {
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
    pub(crate) fn lower_name(&self, lower: &str) -> Option<usize> {
        self.lower_names.get(lower).and_then(|entry| usize::try_from(entry).ok())
    }

    /// The country or region of a demonym, and whether it is a plural people form.
    pub(crate) fn demonym(&self, word: &str) -> Option<(usize, bool)> {
        let value = self.demonyms.get(word)?;
        Some((usize::try_from(value / 2).ok()?, value % 2 == 1))
    }

    /// The country with this ISO 3166-1 alpha-2 code.
    pub(crate) fn country(&self, code: &str) -> Option<usize> {
        self.countries.get(code).and_then(|entry| usize::try_from(entry).ok())
    }
}
