//! Lexicons: the general knowledge newsgraph ships in `data/lexicons/`, loaded and indexed.
//!
//! Every file is UTF-8, tab-separated, with a header line; `#` starts a comment line and `|`
//! separates several values in one cell (see `data/lexicons/README.md` for the columns).
//! The built-in files are compiled into the binary; [`Lexicon::extend_from_dir`] adds a
//! user's own files of the same names and columns.

pub(crate) mod table;

use rustc_hash::{FxHashMap as HashMap, FxHashSet};
use std::path::Path;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::vocab::{ng, schema};
use crate::LexiconError;
use table::Table;

/// What kind of named thing a lexicon entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum EntryKind {
    /// A country.
    Country,
    /// A first-level subdivision or a geographic region.
    Region,
    /// A city, town or village.
    City,
    /// An organisation.
    Organization,
    /// A treaty, convention, charter or law.
    Instrument,
    /// A well-known named event.
    NamedEvent,
}

impl EntryKind {
    /// Whether the entry is a place.
    #[must_use]
    pub fn is_place(self) -> bool {
        matches!(self, Self::Country | Self::Region | Self::City)
    }
}

/// A named thing from the lexicons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// What it is.
    pub kind: EntryKind,
    /// Its canonical English name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Class IRI.
    pub class: String,
    /// Wikidata QID, such as `Q142`.
    pub wikidata: Option<String>,
    /// ISO 3166-1 alpha-2 code of the country it is in (or is).
    pub country: Option<String>,
    /// The region a city is in.
    pub region: Option<String>,
    /// The city an organisation is based in, or the place of an event.
    pub place: Option<String>,
    /// The date of a named event (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// Demonyms (adjective and people forms) of a country or region.
    pub demonyms: Vec<String>,
}

/// The role a title gives a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TitleRole {
    /// Speaks for an organisation.
    Spokesperson,
    /// Leads it.
    Leader,
    /// Works for it.
    Official,
    /// A judge.
    Judge,
    /// A military officer.
    Military,
    /// A member.
    Member,
    /// Anything else.
    Other,
}

/// A person's gender as a title or given name suggests it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// Male.
    Male,
    /// Female.
    Female,
}

/// A title or role word such as "spokesman" or "prime minister".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// The title, lowercase.
    pub title: String,
    /// The role it gives.
    pub role: TitleRole,
    /// The gender it implies, if any.
    pub gender: Option<Gender>,
}

/// What a common noun describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NounCategory {
    /// An organisation ("the court").
    Org,
    /// Members who speak for an organisation ("the judges").
    Member,
    /// State security forces.
    Security,
    /// A non-state armed group.
    Armed,
    /// A group of people.
    People,
    /// Those who bring a case.
    Plaintiff,
    /// A building or site.
    Facility,
    /// A kind of place ("village").
    PlaceType,
    /// An event.
    Event,
    /// An event noun that refers back to the main incident ("the incident").
    Generic,
    /// A casualty count noun ("dead").
    Toll,
    /// After a demonym, the country itself ("the Russian state").
    SelfReference,
    /// A unit of measure or currency that counts follow ("euros", "hectares").
    Unit,
}

/// A common noun from `nouns.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Noun {
    /// Singular form (may be empty for plural-only nouns).
    pub singular: String,
    /// Plural form (may be empty).
    pub plural: String,
    /// What it describes.
    pub category: NounCategory,
    /// The class local name or, for tolls, the role.
    pub class: String,
}

/// The lexicons, indexed for matching.
#[derive(Debug, Clone)]
pub struct Lexicon {
    entries: Vec<Entry>,
    /// Surface form (as written) of each matcher pattern, and its entry.
    surfaces: Vec<(String, usize)>,
    name_matcher: AhoCorasick,
    /// Lowercased surface -> entry.
    by_lower_name: HashMap<String, usize>,
    /// Demonym -> (country or region entry, whether it is a plural people form).
    demonyms: HashMap<String, (usize, bool)>,
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
    /// ISO alpha-2 -> country entry.
    countries_by_code: HashMap<String, usize>,
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

/// Raw rows of every lexicon file, before indexing.
#[derive(Debug, Clone, Default)]
struct Sources {
    entries: Vec<Entry>,
    titles: Vec<Title>,
    given_names: Vec<(String, Option<Gender>)>,
    nouns: Vec<Noun>,
}

impl Lexicon {
    /// The lexicons compiled into newsgraph.
    ///
    /// # Errors
    /// A [`LexiconError`] if a built-in file is malformed (a test guards against it).
    pub fn builtin() -> Result<Self, LexiconError> {
        let mut sources = Sources::default();
        for (file, text) in BUILTIN {
            sources.read(file, text)?;
        }
        Self::index(sources)
    }

    /// The built-in lexicons plus every known file name found in `dir`.
    ///
    /// # Errors
    /// A [`LexiconError`] if a file cannot be read or is malformed.
    pub fn extend_from_dir(dir: &Path) -> Result<Self, LexiconError> {
        let mut sources = Sources::default();
        for (file, text) in BUILTIN {
            sources.read(file, text)?;
        }
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
        Self::index(sources)
    }

    fn index(sources: Sources) -> Result<Self, LexiconError> {
        let Sources { entries, titles, given_names, nouns } = sources;
        let mut surfaces = Vec::new();
        let mut by_lower_name = HashMap::default();
        let mut demonyms = HashMap::default();
        let mut countries_by_code = HashMap::default();
        // Countries win over cities, cities over regions, places over organisations: the
        // first entry to claim a surface form keeps it.
        let mut order: Vec<usize> = (0..entries.len()).collect();
        // A city named like its region ("Ankara", "Gaziantep") is meant as the city in news.
        order.sort_by_key(|&index| match entries[index].kind {
            EntryKind::City => (EntryKind::Region, 0),
            EntryKind::Region => (EntryKind::Region, 1),
            kind => (kind, 0),
        });
        let mut seen = FxHashSet::default();
        let country_demonyms: FxHashSet<&str> = entries
            .iter()
            .filter(|entry| entry.kind == EntryKind::Country)
            .flat_map(|entry| entry.demonyms.iter().map(String::as_str))
            .collect();
        for &index in &order {
            let entry = &entries[index];
            if entry.kind == EntryKind::Country
                && let Some(code) = &entry.country
            {
                countries_by_code.entry(code.clone()).or_insert(index);
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
                    || !seen.insert(surface.to_owned())
                {
                    continue;
                }
                surfaces.push((surface.to_owned(), index));
                by_lower_name.entry(surface.to_lowercase()).or_insert(index);
            }
            for demonym in &entry.demonyms {
                let plural = demonym.ends_with('s')
                    && entry.demonyms.iter().any(|other| other.len() + 1 == demonym.len());
                demonyms.entry(demonym.clone()).or_insert((index, plural));
            }
        }
        let name_matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(surfaces.iter().map(|(surface, _)| surface.as_str()))
            .map_err(|error| LexiconError {
                file: "lexicons".into(),
                line: 0,
                message: error.to_string(),
            })?;
        let named_events = entries
            .iter()
            .enumerate()
            .filter(|(_, entry)| entry.kind == EntryKind::NamedEvent)
            .map(|(index, _)| index)
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
        Ok(Self {
            entries,
            surfaces,
            name_matcher,
            by_lower_name,
            demonyms,
            titles,
            title_index,
            title_first_words,
            title_first_word_shapes,
            named_events,
            given_names: given_names.into_iter().collect(),
            nouns,
            noun_index,
            noun_shapes,
            countries_by_code,
        })
    }

    /// All named entries.
    #[must_use]
    pub fn entries(&self) -> &[Entry] {
        &self.entries
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
        self.name_matcher
            .find_iter(text)
            .filter(|found| {
                let before_ok = found.start() == 0
                    || !text[..found.start()].chars().next_back().is_some_and(is_word_char);
                let after_ok = found.end() >= bytes.len()
                    || !text[found.end()..].chars().next().is_some_and(is_word_char);
                before_ok && after_ok
            })
            .filter_map(|found| {
                let (_, entry) = self.surfaces.get(found.pattern().as_usize())?;
                Some((found.start(), found.end(), *entry))
            })
            .collect()
    }

    /// The entry with this name or alias, ignoring case and a leading "the".
    #[must_use]
    pub fn lookup(&self, name: &str) -> Option<usize> {
        let name = name.trim();
        let name = name.strip_prefix("the ").or_else(|| name.strip_prefix("The ")).unwrap_or(name);
        with_lowercase(name, |lower| self.by_lower_name.get(lower).copied())
    }

    /// The country with this ISO 3166-1 alpha-2 code.
    #[must_use]
    pub fn country_by_code(&self, code: &str) -> Option<usize> {
        self.countries_by_code.get(code).copied()
    }

    /// The country or region a demonym belongs to, and whether the word is a plural people
    /// form ("Russians").
    #[must_use]
    pub fn demonym(&self, word: &str) -> Option<(usize, bool)> {
        self.demonyms.get(word).copied()
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

/// The rest of a word after a lowercase Arabic article and its hyphen, when that rest is
/// capitalised: `Qaeda` for `al-Qaeda`, `Wadi` for `al-Wadi`.
#[must_use]
pub(crate) fn arabic_article(word: &str) -> Option<&str> {
    // Articles have at most three letters: look for the hyphen only that far.
    let hyphen = word.bytes().take(4).position(|byte| byte == b'-')?;
    let (article, rest) = (&word[..hyphen], &word[hyphen + 1..]);
    (is_arabic_article(article) && rest.chars().next().is_some_and(char::is_uppercase))
        .then_some(rest)
}

/// Whether a word is a lowercase Arabic article as written before a hyphen ("al", "el").
pub(crate) fn is_arabic_article(word: &str) -> bool {
    matches!(
        word,
        "al" | "el" | "ad" | "ar" | "as" | "ash" | "at" | "az" | "an" | "ul" | "bin" | "ibn"
    )
}

/// Letters, digits, and the apostrophes and hyphens inside words.
pub(crate) fn is_word_char(character: char) -> bool {
    character.is_alphanumeric()
}

impl Sources {
    fn read(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        self.read_as(file, file, text)
    }

    fn read_as(&mut self, kind: &str, file: &str, text: &str) -> Result<(), LexiconError> {
        let table = Table::parse(file, text)?;
        match kind {
            "countries.tsv" => {
                table.check_header(&[
                    "name", "aliases", "demonyms", "iso2", "iso3", "wikidata", "capital",
                ])?;
                for row in table.rows() {
                    self.entries.push(Entry {
                        kind: EntryKind::Country,
                        name: row.get(0).to_owned(),
                        aliases: row.list(1),
                        class: schema::COUNTRY.to_owned(),
                        wikidata: row.optional(5),
                        country: row.optional(3),
                        region: None,
                        place: row.optional(6),
                        date: None,
                        demonyms: row.list(2),
                    });
                }
            }
            "regions.tsv" => {
                table.check_header(&[
                    "name", "aliases", "demonyms", "country", "kind", "wikidata",
                ])?;
                for row in table.rows() {
                    self.entries.push(Entry {
                        kind: EntryKind::Region,
                        name: row.get(0).to_owned(),
                        aliases: row.list(1),
                        class: schema::ADMINISTRATIVE_AREA.to_owned(),
                        wikidata: row.optional(5),
                        country: row.optional(3),
                        region: None,
                        place: None,
                        date: None,
                        demonyms: row.list(2),
                    });
                }
            }
            "cities.tsv" => {
                table.check_header(&["name", "aliases", "country", "region", "wikidata"])?;
                for row in table.rows() {
                    self.entries.push(Entry {
                        kind: EntryKind::City,
                        name: row.get(0).to_owned(),
                        aliases: row.list(1),
                        class: schema::CITY.to_owned(),
                        wikidata: row.optional(4),
                        country: row.optional(2),
                        region: row.optional(3),
                        place: None,
                        date: None,
                        demonyms: Vec::new(),
                    });
                }
            }
            "organizations.tsv" => {
                table.check_header(&[
                    "name", "aliases", "class", "country", "based_in", "wikidata",
                ])?;
                for row in table.rows() {
                    let class = organization_class(row.get(2))
                        .ok_or_else(|| row.error(format!("unknown class {:?}", row.get(2))))?;
                    self.entries.push(Entry {
                        kind: EntryKind::Organization,
                        name: row.get(0).to_owned(),
                        aliases: row.list(1),
                        class,
                        wikidata: row.optional(5),
                        country: row.optional(3),
                        region: None,
                        place: row.optional(4),
                        date: None,
                        demonyms: Vec::new(),
                    });
                }
            }
            "instruments.tsv" => {
                table.check_header(&["name", "aliases", "wikidata"])?;
                for row in table.rows() {
                    self.entries.push(Entry {
                        kind: EntryKind::Instrument,
                        name: row.get(0).to_owned(),
                        aliases: row.list(1),
                        class: ng::LEGAL_INSTRUMENT.to_owned(),
                        wikidata: row.optional(2),
                        country: None,
                        region: None,
                        place: None,
                        date: None,
                        demonyms: Vec::new(),
                    });
                }
            }
            "events.tsv" => {
                table.check_header(&["name", "aliases", "class", "date", "place", "wikidata"])?;
                for row in table.rows() {
                    self.entries.push(Entry {
                        kind: EntryKind::NamedEvent,
                        name: row.get(0).to_owned(),
                        aliases: row.list(1),
                        class: format!("{}{}", ng::NS, row.get(2)),
                        wikidata: row.optional(5),
                        country: None,
                        region: None,
                        place: row.optional(4),
                        date: row.optional(3),
                        demonyms: Vec::new(),
                    });
                }
            }
            "titles.tsv" => {
                table.check_header(&["title", "plural", "role", "gender"])?;
                for row in table.rows() {
                    let role = match row.get(2) {
                        "spokesperson" => TitleRole::Spokesperson,
                        "leader" => TitleRole::Leader,
                        "official" => TitleRole::Official,
                        "judge" => TitleRole::Judge,
                        "military" => TitleRole::Military,
                        "member" => TitleRole::Member,
                        "other" | "" => TitleRole::Other,
                        other => return Err(row.error(format!("unknown role {other:?}"))),
                    };
                    let gender = gender(row.get(3));
                    for title in
                        std::iter::once(row.get(0)).chain(row.list(1).iter().map(String::as_str))
                    {
                        if !title.is_empty() {
                            self.titles.push(Title { title: title.to_lowercase(), role, gender });
                        }
                    }
                }
            }
            "given_names.tsv" => {
                table.check_header(&["name", "gender"])?;
                for row in table.rows() {
                    self.given_names.push((row.get(0).to_owned(), gender(row.get(1))));
                }
            }
            "nouns.tsv" => {
                table.check_header(&["singular", "plural", "category", "class"])?;
                for row in table.rows() {
                    let category = match row.get(2) {
                        "org" => NounCategory::Org,
                        "member" => NounCategory::Member,
                        "security" => NounCategory::Security,
                        "armed" => NounCategory::Armed,
                        "people" => NounCategory::People,
                        "plaintiff" => NounCategory::Plaintiff,
                        "facility" => NounCategory::Facility,
                        "placetype" => NounCategory::PlaceType,
                        "event" => NounCategory::Event,
                        "generic" => NounCategory::Generic,
                        "toll" => NounCategory::Toll,
                        "self" => NounCategory::SelfReference,
                        "unit" => NounCategory::Unit,
                        other => return Err(row.error(format!("unknown category {other:?}"))),
                    };
                    self.nouns.push(Noun {
                        singular: row.get(0).to_owned(),
                        plural: row.get(1).to_owned(),
                        category,
                        class: row.get(3).to_owned(),
                    });
                }
            }
            _ => {}
        }
        Ok(())
    }
}

fn gender(cell: &str) -> Option<Gender> {
    match cell {
        "m" => Some(Gender::Male),
        "f" => Some(Gender::Female),
        _ => None,
    }
}

/// The class IRI of an organisation class name used in `organizations.tsv`.
pub(crate) fn organization_class(name: &str) -> Option<String> {
    Some(match name {
        "Court" => ng::COURT.to_owned(),
        "GovernmentOrganization" => schema::GOVERNMENT_ORGANIZATION.to_owned(),
        "NewsAgency" => schema::NEWS_MEDIA_ORGANIZATION.to_owned(),
        "SecurityForce" => ng::SECURITY_FORCE.to_owned(),
        "ArmedGroup" => ng::ARMED_GROUP.to_owned(),
        "Organization" => schema::ORGANIZATION.to_owned(),
        "IntergovernmentalOrganization" | "PoliticalParty" | "Company" => {
            format!("{}{name}", ng::NS)
        }
        _ => return None,
    })
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
