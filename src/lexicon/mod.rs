//! Lexicons: the general knowledge newsgraph ships in `data/lexicons/`, loaded and indexed.
//!
//! Every file is UTF-8, tab-separated, with a header line; `#` starts a comment line and `|`
//! separates several values in one cell (see `data/lexicons/README.md` for the columns).
//! The built-in files are compiled into the binary; [`Lexicon::extend_from_dir`] adds a
//! user's own files of the same names and columns.

mod index;
mod sources;
pub(crate) mod table;

use rustc_hash::{FxHashMap as HashMap, FxHashSet};
use std::borrow::Cow;
use std::path::Path;
use std::sync::OnceLock;

use crate::LexiconError;
use index::{NameIndex, NameTables};
pub(crate) use sources::{arabic_article, is_arabic_article, organization_class};
pub use sources::{Entry, EntryKind, Gender, Noun, NounCategory, Title, TitleRole};
use sources::{EntryFile, Sources};

/// The lexicons, indexed for matching.
#[derive(Debug, Clone)]
pub struct Lexicon {
    entries: Entries,
    /// Names, lowercase names, demonyms and country codes → entries.
    names: NameIndex,
    titles: Vec<Title>,
    title_index: HashMap<String, usize>,
    /// Indices of the named events.
    named_events: Vec<usize>,
    /// The first word of every title, lowercase.
    title_first_words: FxHashSet<String>,
    /// The shapes of `title_first_words`.
    title_first_word_shapes: WordShapes,
    given_names: HashMap<String, Option<Gender>>,
    nouns: Vec<Noun>,
    /// Lowercase noun form -> (noun, is plural).
    noun_index: HashMap<String, (usize, bool)>,
    /// The shapes of the keys of `noun_index`.
    noun_shapes: WordShapes,
}

macro_rules! builtin {
    ($file:literal) => {
        ($file, include_str!(concat!("../../data/lexicons/", $file)))
    };
}

const BUILTIN: [(&str, &str); 9] = [
    builtin!("countries.tsv"),
    builtin!("regions.tsv"),
    builtin!("cities.tsv"),
    builtin!("organizations.tsv"),
    builtin!("instruments.tsv"),
    builtin!("events.tsv"),
    builtin!("titles.tsv"),
    builtin!("given_names.tsv"),
    builtin!("nouns.tsv"),
];

/// The built-in file of this name.
fn builtin_text(file: &str) -> Option<&'static str> {
    BUILTIN.iter().find(|(name, _)| *name == file).map(|(_, text)| *text)
}

/// What the build script (`build.rs`) compiled from the built-in files of named entries: the
/// tables of their [`NameIndex`] and where the row of each entry starts.
mod compiled {
    macro_rules! compiled {
        ($file:literal) => {
            include_bytes!(concat!(env!("OUT_DIR"), "/lexicon/", $file))
        };
    }
    pub(super) const NAMES: &[u8] = compiled!("names.fst");
    pub(super) const LOWER_NAMES: &[u8] = compiled!("lower_names.fst");
    pub(super) const DEMONYMS: &[u8] = compiled!("demonyms.fst");
    pub(super) const COUNTRIES: &[u8] = compiled!("countries.fst");
    /// For each file of `EntryFile::ALL`, its length in bytes and its number of entries, then
    /// the byte offset of each entry's row; little-endian `u32`s.
    pub(super) const ROWS: &[u8] = compiled!("rows.bin");
}

/// The rows of the built-in entries (see [`compiled::ROWS`]).
#[derive(Debug, Clone)]
struct BuiltinRows {
    /// The number of the first entry of each file of `EntryFile::ALL`, then the number of
    /// entries.
    starts: [usize; EntryFile::ALL.len() + 1],
    /// The byte offset of each entry's row in its file.
    offsets: &'static [u8],
}

impl BuiltinRows {
    /// The rows the build script found, if it read the files that are compiled in (cargo
    /// rebuilds both when a file changes).
    fn compiled() -> Option<Self> {
        let header_length = EntryFile::ALL.len() * 2;
        let mut starts = [0; EntryFile::ALL.len() + 1];
        for (position, file) in EntryFile::ALL.into_iter().enumerate() {
            let length = read_u32(compiled::ROWS, position * 2)?;
            let count = read_u32(compiled::ROWS, position * 2 + 1)?;
            if builtin_text(file.name())?.len() != length {
                return None;
            }
            starts[position + 1] = starts[position] + count;
        }
        let offsets = compiled::ROWS.get(header_length * 4..)?;
        (offsets.len() == starts[EntryFile::ALL.len()] * 4).then_some(Self { starts, offsets })
    }

    fn len(&self) -> usize {
        self.starts[EntryFile::ALL.len()]
    }

    /// The numbers of the entries of a kind (those of its file).
    fn numbers_of(&self, kind: EntryKind) -> std::ops::Range<usize> {
        match EntryFile::ALL.iter().position(|file| file.kind() == kind) {
            Some(position) => self.starts[position]..self.starts[position + 1],
            None => 0..0,
        }
    }

    /// The file of an entry and the offset of its row.
    fn locate(&self, index: usize) -> Option<(EntryFile, usize)> {
        let position = self.starts.iter().rposition(|&start| start <= index)?;
        let file = EntryFile::ALL.get(position)?;
        Some((*file, read_u32(self.offsets, index)?))
    }

    /// The entry of a row, read again as [`Sources`] read it.
    fn decode(&self, index: usize) -> Option<Entry> {
        let (file, offset) = self.locate(index)?;
        let line = table::line_at(builtin_text(file.name())?, offset)?;
        let cells = table::cells(line);
        // The build script read this row without error.
        file.entry(&table::Row::new(file.name(), 0, offset, &cells)).ok()
    }
}

/// The `index`th little-endian `u32` of `bytes`.
fn read_u32(bytes: &[u8], index: usize) -> Option<usize> {
    let chunk = bytes.get(index * 4..index * 4 + 4)?;
    usize::try_from(u32::from_le_bytes(chunk.try_into().ok()?)).ok()
}

/// The named entries of a lexicon.
#[derive(Debug, Clone)]
enum Entries {
    /// The built-in entries, each read from its row the first time it is asked for: a text
    /// names a few of the 20,000, and reading them all took a fifth of the start-up time.
    Builtin {
        rows: BuiltinRows,
        /// The entries read so far (`None` for one that cannot be read, which the build
        /// script rules out).
        decoded: Box<[OnceLock<Option<Box<Entry>>>]>,
    },
    /// Entries read at run time (with a user's lexicons).
    Parsed(Vec<Entry>),
}

impl Entries {
    fn len(&self) -> usize {
        match self {
            Self::Builtin { rows, .. } => rows.len(),
            Self::Parsed(entries) => entries.len(),
        }
    }

    fn get(&self, index: usize) -> Option<&Entry> {
        match self {
            Self::Builtin { rows, decoded } => {
                decoded.get(index)?.get_or_init(|| rows.decode(index).map(Box::new)).as_deref()
            }
            Self::Parsed(entries) => entries.get(index),
        }
    }

    /// The numbers among which the entries of a kind are: for the built-in entries, those of
    /// the file of that kind.
    fn numbers_of(&self, kind: EntryKind) -> std::ops::Range<usize> {
        match self {
            Self::Builtin { rows, .. } => rows.numbers_of(kind),
            Self::Parsed(entries) => 0..entries.len(),
        }
    }

    /// An entry's kind, without reading the entry.
    fn kind(&self, index: usize) -> Option<EntryKind> {
        match self {
            Self::Builtin { rows, .. } => rows.locate(index).map(|(file, _)| file.kind()),
            Self::Parsed(entries) => entries.get(index).map(|entry| entry.kind),
        }
    }
}

impl Lexicon {
    /// The lexicons compiled into newsgraph.
    ///
    /// Their names are indexed by the build script, and an entry is read from its row when it
    /// is first asked for: this builds only the small tables (titles, given names, nouns).
    ///
    /// # Errors
    /// A [`LexiconError`] if a built-in file is malformed (a test guards against it; the build
    /// script fails on a malformed file of named entries).
    pub fn builtin() -> Result<Self, LexiconError> {
        let compiled = BuiltinRows::compiled().zip(
            NameIndex::new(NameTables {
                names: Cow::Borrowed(compiled::NAMES),
                lower_names: Cow::Borrowed(compiled::LOWER_NAMES),
                demonyms: Cow::Borrowed(compiled::DEMONYMS),
                countries: Cow::Borrowed(compiled::COUNTRIES),
            })
            .ok(),
        );
        let Some((rows, names)) = compiled else {
            // The build script's tables are not those of the files compiled in, which cannot
            // happen in a build by cargo: index the files now.
            return Self::from_sources(Self::builtin_sources()?);
        };
        let mut sources = Sources::default();
        for (file, text) in BUILTIN {
            if EntryFile::named(file).is_none() {
                sources.read(file, text)?;
            }
        }
        let decoded = (0..rows.len()).map(|_| OnceLock::new()).collect();
        Ok(Self::assemble(Entries::Builtin { rows, decoded }, names, sources))
    }

    /// The built-in lexicons plus every known file name found in `dir`.
    ///
    /// # Errors
    /// A [`LexiconError`] if a file cannot be read or is malformed.
    pub fn extend_from_dir(dir: &Path) -> Result<Self, LexiconError> {
        let mut sources = Self::builtin_sources()?;
        for (file, _) in BUILTIN {
            let path = dir.join(file);
            if path.exists() {
                let text = std::fs::read_to_string(&path).map_err(|error| LexiconError {
                    file: path.display().to_string(),
                    line: 0,
                    message: error.to_string(),
                })?;
                sources.read_as(file, &path.display().to_string(), &text)?;
            }
        }
        Self::from_sources(sources)
    }

    /// Every row of the built-in files.
    fn builtin_sources() -> Result<Sources, LexiconError> {
        let mut sources = Sources::default();
        for (file, text) in BUILTIN {
            sources.read(file, text)?;
        }
        Ok(sources)
    }

    /// The lexicon of these rows, indexed now.
    fn from_sources(mut sources: Sources) -> Result<Self, LexiconError> {
        let tables = NameTables::build(&sources.entries)?;
        let names = NameIndex::new(NameTables {
            names: Cow::Owned(tables.names),
            lower_names: Cow::Owned(tables.lower_names),
            demonyms: Cow::Owned(tables.demonyms),
            countries: Cow::Owned(tables.countries),
        })
        .map_err(|error| LexiconError {
            file: "lexicons".into(),
            line: 0,
            message: error.to_string(),
        })?;
        let entries = Entries::Parsed(std::mem::take(&mut sources.entries));
        Ok(Self::assemble(entries, names, sources))
    }

    /// The lexicon of these entries and names, with the other tables of `sources` (whose
    /// entries are not read).
    fn assemble(entries: Entries, names: NameIndex, sources: Sources) -> Self {
        let Sources { titles, given_names, nouns, .. } = sources;
        let named_events = (0..entries.len())
            .filter(|&index| entries.kind(index) == Some(EntryKind::NamedEvent))
            .collect();
        let title_first_words: FxHashSet<String> = titles
            .iter()
            .filter_map(|title| title.title.split(' ').next())
            .map(str::to_owned)
            .collect();
        let title_index =
            titles.iter().enumerate().map(|(index, title)| (title.title.clone(), index)).collect();
        let mut noun_index = HashMap::default();
        for (index, noun) in nouns.iter().enumerate() {
            if !noun.singular.is_empty() {
                noun_index.entry(noun.singular.to_lowercase()).or_insert((index, false));
            }
            if !noun.plural.is_empty() {
                noun_index.entry(noun.plural.to_lowercase()).or_insert((index, true));
            }
        }
        let noun_shapes = WordShapes::of(noun_index.keys());
        let title_first_word_shapes = WordShapes::of(title_first_words.iter());
        Self {
            entries,
            names,
            titles,
            title_index,
            title_first_words,
            title_first_word_shapes,
            named_events,
            given_names: given_names.into_iter().collect(),
            nouns,
            noun_index,
            noun_shapes,
        }
    }

    /// All named entries, in the order of their numbers.
    ///
    /// NB: the built-in entries are read when first asked for; this reads every one of them.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> + '_ {
        (0..self.entries.len()).filter_map(|index| self.entries.get(index))
    }

    /// The named entries of one kind, with their numbers, in order.
    pub fn entries_of_kind(&self, kind: EntryKind) -> impl Iterator<Item = (usize, &Entry)> + '_ {
        self.entries
            .numbers_of(kind)
            .filter(move |&index| self.entries.kind(index) == Some(kind))
            .filter_map(|index| Some((index, self.entries.get(index)?)))
    }

    /// The entry at an index.
    #[must_use]
    pub fn entry(&self, index: usize) -> Option<&Entry> {
        self.entries.get(index)
    }

    /// Finds every lexicon name in `text` (case-sensitive, whole words, leftmost-longest):
    /// `(start byte, end byte, entry index)`.
    #[must_use]
    pub fn find_names(&self, text: &str) -> Vec<(usize, usize, usize)> {
        let bytes = text.as_bytes();
        let mut found = self.names.leftmost_longest(text);
        found.retain(|&(start, end, _)| {
            let before_ok =
                start == 0 || !text[..start].chars().next_back().is_some_and(is_word_char);
            let after_ok =
                end >= bytes.len() || !text[end..].chars().next().is_some_and(is_word_char);
            before_ok && after_ok
        });
        found
    }

    /// The entry with this name or alias, ignoring case and a leading "the".
    #[must_use]
    pub fn lookup(&self, name: &str) -> Option<usize> {
        let name = name.trim();
        let name = name.strip_prefix("the ").or_else(|| name.strip_prefix("The ")).unwrap_or(name);
        with_lowercase(name, |lower| self.names.lower_name(lower))
    }

    /// The country with this ISO 3166-1 alpha-2 code.
    #[must_use]
    pub fn country_by_code(&self, code: &str) -> Option<usize> {
        self.names.country(code)
    }

    /// The country or region a demonym belongs to, and whether the word is a plural people
    /// form ("Russians").
    #[must_use]
    pub fn demonym(&self, word: &str) -> Option<(usize, bool)> {
        self.names.demonym(word)
    }

    /// Whether some title begins with this word (any case).
    #[must_use]
    pub fn title_starts_with(&self, word: &str) -> bool {
        self.title_first_word_shapes.may_contain(word)
            && with_lowercase(word, |lower| self.title_first_words.contains(lower))
    }

    /// The well-known named events.
    pub fn named_events(&self) -> impl Iterator<Item = (usize, &Entry)> + '_ {
        self.named_events.iter().filter_map(|&index| Some((index, self.entries.get(index)?)))
    }

    /// A title, by its lowercase form.
    #[must_use]
    pub fn title(&self, lowercase: &str) -> Option<&Title> {
        self.title_index.get(lowercase).and_then(|&index| self.titles.get(index))
    }

    /// All titles.
    #[must_use]
    pub fn titles(&self) -> &[Title] {
        &self.titles
    }

    /// Whether a word is a known given name, and the gender it suggests.
    #[must_use]
    pub fn given_name(&self, word: &str) -> Option<Option<Gender>> {
        self.given_names.get(word).copied()
    }

    /// A common noun by any form, ignoring case: the noun and whether the form is plural.
    #[must_use]
    pub fn noun(&self, word: &str) -> Option<(&Noun, bool)> {
        if !self.noun_shapes.may_contain(word) {
            return None;
        }
        let (index, plural) = with_lowercase(word, |lower| self.noun_index.get(lower).copied())?;
        Some((self.nouns.get(index)?, plural))
    }

    /// All common nouns.
    #[must_use]
    pub fn nouns(&self) -> &[Noun] {
        &self.nouns
    }
}

/// A quick filter in front of a set of lowercase words: the shapes (first letter, last letter,
/// length) of its words. Most words of a text have a shape no lexicon word has and are turned
/// away without hashing. ASCII letters have the same shape in either case; words with other
/// bytes always pass, since lowercasing may change their length.
#[derive(Debug, Clone)]
struct WordShapes {
    /// One bit per length (up to 63) for each pair of first and last letter.
    lengths: Vec<u64>,
}

impl WordShapes {
    fn of<'a>(words: impl Iterator<Item = &'a String>) -> Self {
        let mut shapes = Self { lengths: vec![0; 1024] };
        for word in words {
            if let Some((slot, bit)) = Self::shape(word) {
                shapes.lengths[slot] |= bit;
            }
        }
        shapes
    }

    /// The slot and length bit of a non-empty ASCII word.
    fn shape(word: &str) -> Option<(usize, u64)> {
        let bytes = word.as_bytes();
        let (&first, &last) = (bytes.first()?, bytes.last()?);
        let slot = usize::from(first & 0x1F) << 5 | usize::from(last & 0x1F);
        Some((slot, 1u64 << bytes.len().min(63)))
    }

    /// False only if no word of the set can equal `word` ignoring case.
    fn may_contain(&self, word: &str) -> bool {
        if !word.is_ascii() {
            return true;
        }
        Self::shape(word)
            .is_some_and(|(slot, bit)| self.lengths.get(slot).is_some_and(|bits| bits & bit != 0))
    }
}

/// `word` in lowercase, borrowed when it has no capitals (most words of a text).
pub(crate) fn lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// Calls `f` with `word` in lowercase. Lexicon lookups run for most words of an article: a word
/// already in lowercase is passed as it is, and a short ASCII word is lowercased on the stack,
/// so that only long or non-ASCII words with capitals allocate.
pub(crate) fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    const SHORT: usize = 48;
    if word.is_ascii() {
        if !word.bytes().any(|byte| byte.is_ascii_uppercase()) {
            return f(word);
        }
        if word.len() <= SHORT {
            let mut buffer = [0u8; SHORT];
            let lower = &mut buffer[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            // ASCII stays ASCII when lowercased, so the bytes are UTF-8.
            return f(std::str::from_utf8(lower).unwrap_or(word));
        }
    } else if !word.chars().any(char::is_uppercase) {
        return f(word);
    }
    f(&word.to_lowercase())
}

/// Letters, digits, and the apostrophes and hyphens inside words.
pub(crate) fn is_word_char(character: char) -> bool {
    character.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicons_load() -> Result<(), LexiconError> {
        let lexicon = Lexicon::builtin()?;
        assert!(lexicon
            .noun("courts")
            .is_some_and(|(noun, plural)| plural && noun.class == "Court"));
        Ok(())
    }

    #[test]
    fn builtin_lexicons_use_the_compiled_tables() -> Result<(), LexiconError> {
        let lexicon = Lexicon::builtin()?;
        assert!(matches!(lexicon.entries, Entries::Builtin { .. }));
        // The build script's tables are those the library builds from the same files.
        let sources = Lexicon::builtin_sources()?;
        let tables = NameTables::build(&sources.entries)?;
        assert!(tables.names == compiled::NAMES, "names");
        assert!(tables.lower_names == compiled::LOWER_NAMES, "lower names");
        assert!(tables.demonyms == compiled::DEMONYMS, "demonyms");
        assert!(tables.countries == compiled::COUNTRIES, "countries");
        // Every entry read from its row is the entry read with its file.
        let parsed = Lexicon::from_sources(sources.clone())?;
        assert_eq!(lexicon.entries.len(), sources.entries.len());
        for (index, entry) in sources.entries.iter().enumerate() {
            assert_eq!(lexicon.entry(index), Some(entry), "entry {index}");
            assert_eq!(lexicon.entries.kind(index), Some(entry.kind), "entry {index}");
            assert_eq!(parsed.entry(index), Some(entry), "entry {index}");
        }
        assert_eq!(lexicon.entry(sources.entries.len()), None);
        for kind in [
            EntryKind::Country,
            EntryKind::Region,
            EntryKind::City,
            EntryKind::Organization,
            EntryKind::Instrument,
            EntryKind::NamedEvent,
        ] {
            let numbers = |lexicon: &Lexicon| -> Vec<usize> {
                lexicon.entries_of_kind(kind).map(|(index, _)| index).collect()
            };
            assert_eq!(numbers(&lexicon), numbers(&parsed), "{kind:?}");
            assert!(!numbers(&lexicon).is_empty(), "{kind:?}");
        }
        assert_eq!(lexicon.named_events, parsed.named_events);
        Ok(())
    }

    /// Names as the automaton that found them before the name index did: Aho-Corasick over
    /// every name, leftmost-longest.
    fn names_by_automaton(
        names: &[(String, usize)],
        automaton: &aho_corasick::AhoCorasick,
        text: &str,
    ) -> Vec<(usize, usize, usize)> {
        automaton
            .find_iter(text)
            .map(|found| (found.start(), found.end(), names[found.pattern().as_usize()].1))
            .collect()
    }

    #[test]
    fn names_are_found_as_by_a_leftmost_longest_automaton() -> Result<(), Box<dyn std::error::Error>>
    {
        use fst::Streamer;
        let lexicon = Lexicon::builtin()?;
        let map = fst::Map::new(compiled::NAMES)?;
        let mut names = Vec::new();
        let mut stream = map.stream();
        while let Some((name, entry)) = stream.next() {
            names.push((String::from_utf8(name.to_vec())?, usize::try_from(entry)?));
        }
        let automaton = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(names.iter().map(|(name, _)| name))?;
        let mut texts: Vec<String> = [
            "New Yorker; ANew York University; Indianapolis; New York City, N.Y.",
            "al-Qaeda and al-Shabab; São Paulo; Côte d'Ivoire; the U.N. and the UN.",
            "",
            "N",
            "Nigeria",
            "NigeriaNigeria",
            "Guinea-Bissau, Papua New Guinea's",
        ]
        .into_iter()
        .map(str::to_owned)
        .collect();
        for directory in ["tests/articles", "data/articles"] {
            let directory = Path::new(env!("CARGO_MANIFEST_DIR")).join(directory);
            for file in std::fs::read_dir(directory)? {
                let path = file?.path();
                if path.extension().is_some_and(|extension| extension == "txt") {
                    texts.push(std::fs::read_to_string(path)?);
                }
            }
        }
        // Words of names glued in every way: names inside names, names that begin or end
        // inside words, lowercase letters where names begin.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut random = |below: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            usize::try_from(state % u64::try_from(below).unwrap_or(1)).unwrap_or(0)
        };
        for _ in 0..2_000 {
            let mut text = String::new();
            for _ in 0..random(8) {
                let (name, _) = &names[random(names.len())];
                let words: Vec<&str> = name.split(' ').collect();
                let from = random(words.len());
                text.push_str(&words[from..].join(" "));
                text.push_str(["", " ", "s ", ", ", "-", "a"][random(6)]);
            }
            texts.push(text);
        }
        for text in &texts {
            assert_eq!(
                lexicon.names.leftmost_longest(text),
                names_by_automaton(&names, &automaton, text),
                "{text:?}"
            );
        }
        Ok(())
    }

    #[test]
    fn with_lowercase_agrees_with_to_lowercase() {
        let long = "A".repeat(60);
        for word in ["court", "Court", "COURTS", "Élysée", "élysée", "İstanbul", "", long.as_str()]
        {
            assert_eq!(with_lowercase(word, str::to_owned), word.to_lowercase(), "{word}");
        }
    }

    #[test]
    fn word_shapes_never_turn_away_a_word_of_the_set() {
        let words: Vec<String> =
            ["court", "security forces", "x", "élysée"].into_iter().map(str::to_owned).collect();
        let shapes = WordShapes::of(words.iter());
        for word in ["court", "Court", "COURT", "Security Forces", "X", "élysée", "Élysée"] {
            assert!(shapes.may_contain(word), "{word}");
        }
        for word in ["courts", "cart", "", "xy"] {
            assert!(!shapes.may_contain(word), "{word}");
        }
    }
}
