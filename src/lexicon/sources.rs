//! What the lexicon files say, row by row: named entries, titles, given names and nouns.
//!
//! NB: also compiled into the build script (`build.rs`), which compiles the built-in lexicons:
//! it uses nothing outside `lexicon/` but `super::LexiconError` and `crate::vocab`.

use super::table::{Row, Table};
use super::LexiconError;
use crate::vocab::{ng, schema};

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

/// A file of named entries; each of its rows is one [`Entry`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EntryFile {
    Countries,
    Regions,
    Cities,
    Organizations,
    Instruments,
    Events,
}

impl EntryFile {
    /// Every file of named entries, in the order their entries are numbered.
    pub(crate) const ALL: [Self; 6] = [
        Self::Countries,
        Self::Regions,
        Self::Cities,
        Self::Organizations,
        Self::Instruments,
        Self::Events,
    ];

    /// The file's name in `data/lexicons/`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Countries => "countries.tsv",
            Self::Regions => "regions.tsv",
            Self::Cities => "cities.tsv",
            Self::Organizations => "organizations.tsv",
            Self::Instruments => "instruments.tsv",
            Self::Events => "events.tsv",
        }
    }

    /// The file of entries with this name, if it is one.
    pub(crate) fn named(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|file| file.name() == name)
    }

    /// The kind of the file's entries.
    pub(crate) fn kind(self) -> EntryKind {
        match self {
            Self::Countries => EntryKind::Country,
            Self::Regions => EntryKind::Region,
            Self::Cities => EntryKind::City,
            Self::Organizations => EntryKind::Organization,
            Self::Instruments => EntryKind::Instrument,
            Self::Events => EntryKind::NamedEvent,
        }
    }

    fn header(self) -> &'static [&'static str] {
        match self {
            Self::Countries => {
                &["name", "aliases", "demonyms", "iso2", "iso3", "wikidata", "capital"]
            }
            Self::Regions => &["name", "aliases", "demonyms", "country", "kind", "wikidata"],
            Self::Cities => &["name", "aliases", "country", "region", "wikidata"],
            Self::Organizations => &["name", "aliases", "class", "country", "based_in", "wikidata"],
            Self::Instruments => &["name", "aliases", "wikidata"],
            Self::Events => &["name", "aliases", "class", "date", "place", "wikidata"],
        }
    }

    /// The entry of a row of this file.
    pub(crate) fn entry(self, row: &Row<'_, '_>) -> Result<Entry, LexiconError> {
        let kind = self.kind();
        let (name, aliases) = (row.get(0).to_owned(), row.list(1));
        let entry = match self {
            Self::Countries => Entry {
                kind,
                name,
                aliases,
                class: schema::COUNTRY.to_owned(),
                wikidata: row.optional(5),
                country: row.optional(3),
                region: None,
                place: row.optional(6),
                date: None,
                demonyms: row.list(2),
            },
            Self::Regions => Entry {
                kind,
                name,
                aliases,
                class: schema::ADMINISTRATIVE_AREA.to_owned(),
                wikidata: row.optional(5),
                country: row.optional(3),
                region: None,
                place: None,
                date: None,
                demonyms: row.list(2),
            },
            Self::Cities => Entry {
                kind,
                name,
                aliases,
                class: schema::CITY.to_owned(),
                wikidata: row.optional(4),
                country: row.optional(2),
                region: row.optional(3),
                place: None,
                date: None,
                demonyms: Vec::new(),
            },
            Self::Organizations => Entry {
                kind,
                name,
                aliases,
                class: organization_class(row.get(2))
                    .ok_or_else(|| row.error(format!("unknown class {:?}", row.get(2))))?,
                wikidata: row.optional(5),
                country: row.optional(3),
                region: None,
                place: row.optional(4),
                date: None,
                demonyms: Vec::new(),
            },
            Self::Instruments => Entry {
                kind,
                name,
                aliases,
                class: ng::LEGAL_INSTRUMENT.to_owned(),
                wikidata: row.optional(2),
                country: None,
                region: None,
                place: None,
                date: None,
                demonyms: Vec::new(),
            },
            Self::Events => Entry {
                kind,
                name,
                aliases,
                class: format!("{}{}", ng::NS, row.get(2)),
                wikidata: row.optional(5),
                country: None,
                region: None,
                place: row.optional(4),
                date: row.optional(3),
                demonyms: Vec::new(),
            },
        };
        Ok(entry)
    }
}

/// Raw rows of every lexicon file, before indexing.
#[derive(Debug, Clone, Default)]
pub(crate) struct Sources {
    pub(crate) entries: Vec<Entry>,
    /// The byte offset of each entry's row in its file.
    pub(crate) entry_rows: Vec<usize>,
    pub(crate) titles: Vec<Title>,
    pub(crate) given_names: Vec<(String, Option<Gender>)>,
    pub(crate) nouns: Vec<Noun>,
}

impl Sources {
    pub(crate) fn read(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        self.read_as(file, file, text)
    }

    /// Reads `text`, the contents of `file`, as the lexicon file named `kind`.
    pub(crate) fn read_as(
        &mut self,
        kind: &str,
        file: &str,
        text: &str,
    ) -> Result<(), LexiconError> {
        let table = Table::parse(file, text)?;
        if let Some(entry_file) = EntryFile::named(kind) {
            table.check_header(entry_file.header())?;
            for row in table.rows() {
                self.entries.push(entry_file.entry(&row)?);
                self.entry_rows.push(row.offset());
            }
            return Ok(());
        }
        match kind {
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
