//! IRIs of the vocabularies newsgraph writes, one module per namespace.
//!
//! **Invariant:** every IRI here is declared in `ontology/newsgraph.ttl` (our own terms) or
//! belongs to a standard vocabulary that the ontology imports or references; a test checks it.
//! Event classes and roles named in `data/` lexicons are `ng:` terms too and are checked the
//! same way.

macro_rules! terms {
    ($namespace:literal; $($(#[$doc:meta])* $name:ident = $local:literal;)*) => {
        /// The namespace IRI.
        pub const NS: &str = $namespace;
        $( $(#[$doc])* pub const $name: &str = concat!($namespace, $local); )*
        /// Every term of this module that newsgraph emits.
        pub const ALL: &[&str] = &[$($name),*];
    };
}

/// The prefix of each vocabulary newsgraph writes, as output and queries spell them.
pub const PREFIXES: &[(&str, &str)] = &[
    ("ng", ng::NS),
    ("schema", schema::NS),
    ("rdf", rdf::NS),
    ("rdfs", rdfs::NS),
    ("owl", owl::NS),
    ("prov", prov::NS),
    ("nif", nif::NS),
    ("oa", oa::NS),
    ("xsd", xsd::NS),
    ("wd", wd::NS),
];

/// The newsgraph ontology, `ng:`.
pub mod ng {
    terms! { "https://w3id.org/newsgraph/ontology#";
        /// A court or tribunal.
        COURT = "Court";
        /// A non-state armed group (rebels, militants, insurgents).
        ARMED_GROUP = "ArmedGroup";
        /// Armed or security forces of a state: army, police, troops, security services.
        SECURITY_FORCE = "SecurityForce";
        /// A group of people named by a common noun ("more than 400 Russians", "experts").
        PERSON_GROUP = "PersonGroup";
        /// A building or site: a school, a hospital, a gymnasium.
        FACILITY = "Facility";
        /// A treaty, convention, law or charter.
        LEGAL_INSTRUMENT = "LegalInstrument";
        /// An article or section of a legal instrument.
        LEGAL_PROVISION = "LegalProvision";
        /// A right that a legal provision guarantees.
        RIGHT = "Right";
        /// Something that happened, as the article reports it. Subclasses come from data/.
        EVENT = "Event";
        /// What a source says, reported rather than asserted by the article.
        CLAIM = "Claim";
        /// A count or amount with its bounds.
        QUANTITY = "Quantity";
        /// A fact of the graph with its evidence (an `rdf:Statement`).
        FACT = "Fact";
        /// A stretch of article text that states a fact.
        EVIDENCE = "Evidence";
        /// The agent of an event: who does it.
        AGENT = "agent";
        /// Who or what an event is done to.
        TARGET = "target";
        /// Where an event happens.
        PLACE = "place";
        /// When an event happens, as a date or a year.
        DATE = "date";
        /// How long an event lasts (`xsd:duration`).
        DURATION = "duration";
        /// The party a ruling goes against.
        AGAINST = "against";
        /// Whoever brings a legal case.
        PLAINTIFF = "plaintiff";
        /// The court that hears a case or makes a ruling.
        COURT_OF = "court";
        /// The case a ruling decides.
        CASE = "case";
        /// A finding of a ruling or investigation.
        FINDING = "finding";
        /// The legal provision a violation or ruling concerns.
        PROVISION = "provision";
        /// What a finding, claim, statement or event is about.
        CONCERNS = "concerns";
        /// The thing acted upon, when it is not a target (a demand's content, a withdrawal's troops).
        THEME = "theme";
        /// A demand an agent makes in an event.
        DEMAND = "demand";
        /// The place something is withdrawn from.
        FROM_PLACE = "fromPlace";
        /// The event that ended another.
        ENDED_BY = "endedBy";
        /// An event that caused another.
        CAUSED_BY = "causedBy";
        /// The number of people killed.
        KILLED = "killed";
        /// The number of people injured.
        INJURED = "injured";
        /// The number of people held hostage.
        HOSTAGES = "hostages";
        /// A part of a quantity ("including 800 children").
        INCLUDES = "includes";
        /// Who speaks in a statement.
        SPEAKER = "speaker";
        /// Whom a speaker speaks for.
        ON_BEHALF_OF = "onBehalfOf";
        /// Words quoted verbatim.
        QUOTE = "quote";
        /// The event a reaction or statement responds to.
        REACTS_TO = "reactsTo";
        /// An event the article compares this one with.
        COMPARED_TO = "comparedTo";
        /// A right a legal provision guarantees.
        GUARANTEES = "guarantees";
        /// The organisation a person is spokesperson for.
        SPOKESPERSON_FOR = "spokespersonFor";
        /// The country a person or group belongs to.
        NATIONALITY = "nationality";
        /// The source that makes a claim.
        CLAIMED_BY = "claimedBy";
        /// An event or fact a claim reports.
        CLAIMS = "claims";
        /// The stretch of text that states a fact.
        EVIDENCE_SPAN = "evidenceSpan";
        /// The extraction rule that produced a fact.
        RULE = "rule";
        /// A short description of a finding or quantity's subject ("serious failings").
        DESCRIPTION = "description";
        /// The group of people a quantity counts ("more than 400 Russians").
        COUNTS = "counts";
        /// The magnitude of an earthquake.
        MAGNITUDE = "magnitude";
        /// A date or time the article mentions, normalised against its dateline.
        MENTIONS_DATE = "mentionsDate";
        /// The NIF context (full text) of a document; added by the RDF export for provenance.
        CONTEXT = "context";
    }
}

/// [schema.org](https://schema.org/).
pub mod schema {
    terms! { "https://schema.org/";
        /// A news article.
        NEWS_ARTICLE = "NewsArticle";
        /// A person.
        PERSON = "Person";
        /// An organisation.
        ORGANIZATION = "Organization";
        /// A government organisation.
        GOVERNMENT_ORGANIZATION = "GovernmentOrganization";
        /// A news agency or publisher.
        NEWS_MEDIA_ORGANIZATION = "NewsMediaOrganization";
        /// A place.
        PLACE = "Place";
        /// A country.
        COUNTRY = "Country";
        /// A region, province or state.
        ADMINISTRATIVE_AREA = "AdministrativeArea";
        /// A city, town or village.
        CITY = "City";
        /// An event.
        EVENT = "Event";
        /// A law or treaty.
        LEGISLATION = "Legislation";
        /// A quantitative value.
        QUANTITATIVE_VALUE = "QuantitativeValue";
        /// A claim.
        CLAIM = "Claim";
        /// A name.
        NAME = "name";
        /// Another name.
        ALTERNATE_NAME = "alternateName";
        /// Publication date.
        DATE_PUBLISHED = "datePublished";
        /// Publisher.
        PUBLISHER = "publisher";
        /// Where a work was created: the dateline place.
        LOCATION_CREATED = "locationCreated";
        /// The dateline as written.
        DATELINE = "dateline";
        /// The headline of an article.
        HEADLINE = "headline";
        /// Entities a work mentions.
        MENTIONS = "mentions";
        /// Where something is located or based.
        LOCATION = "location";
        /// Containment of places.
        CONTAINED_IN_PLACE = "containedInPlace";
        /// Part of a larger work.
        IS_PART_OF = "isPartOf";
        /// An identifier given with the article (a JSON Lines record's `id`).
        IDENTIFIER = "identifier";
        /// The address the article was published at (a JSON Lines record's `url`).
        URL = "url";
        /// A start date.
        START_DATE = "startDate";
        /// An end date.
        END_DATE = "endDate";
        /// A sub-event.
        SUB_EVENT = "subEvent";
        /// A job title.
        JOB_TITLE = "jobTitle";
        /// An employer.
        WORKS_FOR = "worksFor";
        /// A member of.
        MEMBER_OF = "memberOf";
        /// A value.
        VALUE = "value";
        /// A lower bound.
        MIN_VALUE = "minValue";
        /// An upper bound.
        MAX_VALUE = "maxValue";
        /// A unit as text.
        UNIT_TEXT = "unitText";
        /// Text.
        TEXT = "text";
        /// What a thing is about.
        ABOUT = "about";
        /// A nationality.
        NATIONALITY = "nationality";
    }
}

/// [RDF](https://www.w3.org/TR/rdf12-concepts/).
pub mod rdf {
    terms! { "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
        /// rdf:type.
        TYPE = "type";
        /// A reified statement.
        STATEMENT = "Statement";
        /// Its subject.
        SUBJECT = "subject";
        /// Its predicate.
        PREDICATE = "predicate";
        /// Its object.
        OBJECT = "object";
    }
}

/// [RDF Schema](https://www.w3.org/TR/rdf-schema/).
pub mod rdfs {
    terms! { "http://www.w3.org/2000/01/rdf-schema#";
        /// A label.
        LABEL = "label";
        /// A comment.
        COMMENT = "comment";
    }
}

/// [OWL](https://www.w3.org/TR/owl2-overview/).
pub mod owl {
    terms! { "http://www.w3.org/2002/07/owl#";
        /// Identity with an external resource (Wikidata).
        SAME_AS = "sameAs";
    }
}

/// [PROV-O](https://www.w3.org/TR/prov-o/).
pub mod prov {
    terms! { "http://www.w3.org/ns/prov#";
        /// A PROV entity.
        ENTITY = "Entity";
        /// Derivation from a source.
        WAS_DERIVED_FROM = "wasDerivedFrom";
        /// Attribution to an agent.
        WAS_ATTRIBUTED_TO = "wasAttributedTo";
    }
}

/// [NIF 2.0 core](https://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core/nif-core.html).
pub mod nif {
    terms! { "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
        /// The whole document text.
        CONTEXT = "Context";
        /// A sentence.
        SENTENCE = "Sentence";
        /// A paragraph.
        PARAGRAPH = "Paragraph";
        /// A phrase.
        PHRASE = "Phrase";
        /// Offset-based string IRIs (RFC 5147).
        OFFSET_BASED_STRING = "OffsetBasedString";
        /// The full text.
        IS_STRING = "isString";
        /// The text of a string.
        ANCHOR_OF = "anchorOf";
        /// Start offset in code points.
        BEGIN_INDEX = "beginIndex";
        /// End offset in code points.
        END_INDEX = "endIndex";
        /// The context a string belongs to.
        REFERENCE_CONTEXT = "referenceContext";
        /// The sentence a string belongs to.
        SENTENCE_PROP = "sentence";
        /// Next sentence.
        NEXT_SENTENCE = "nextSentence";
    }
}

/// [W3C Web Annotation](https://www.w3.org/TR/annotation-vocab/).
pub mod oa {
    terms! { "http://www.w3.org/ns/oa#";
        /// A text position selector.
        TEXT_POSITION_SELECTOR = "TextPositionSelector";
        /// Start position.
        START = "start";
        /// End position.
        END = "end";
    }
}

/// [XML Schema datatypes](https://www.w3.org/TR/xmlschema11-2/).
pub mod xsd {
    terms! { "http://www.w3.org/2001/XMLSchema#";
        /// xsd:date.
        DATE = "date";
        /// xsd:gYear.
        G_YEAR = "gYear";
        /// xsd:gYearMonth.
        G_YEAR_MONTH = "gYearMonth";
        /// xsd:integer.
        INTEGER = "integer";
        /// xsd:nonNegativeInteger.
        NON_NEGATIVE_INTEGER = "nonNegativeInteger";
        /// xsd:decimal.
        DECIMAL = "decimal";
        /// xsd:duration.
        DURATION = "duration";
        /// xsd:string.
        STRING = "string";
    }
}

/// Wikidata entities, `wd:`.
pub mod wd {
    /// The namespace IRI.
    pub const NS: &str = "http://www.wikidata.org/entity/";
}
