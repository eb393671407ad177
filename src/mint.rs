//! Deterministic IRIs for documents, entities and events.
//!
//! Entities get `{base}id/{slug}`, the same in every article, so graphs of many articles
//! merge in a triple store. Documents get `{base}doc/{hash}` from a hash of their text;
//! everything local to one article (sentences, events, facts) is a fragment of it.
//!
//! NB: a generic institution name ("Supreme Court", "Parliament", "the police", "Interior
//! Ministry") names a different body in every country, so it gets a global IRI only when
//! qualified: by a lexicon entry ("Supreme Court of India" is `id:supreme-court-of-india`), or
//! by the country the article gives it ("Britain's Supreme Court" is
//! `id:supreme-court-united-kingdom`); otherwise it is local to the document
//! (`doc:supreme-court`), so the graphs of two articles about two countries' courts do not
//! merge the courts. See [`is_generic_institution`].

/// 64-bit FNV-1a: tiny, and stable across Rust versions and platforms (unlike `DefaultHasher`).
#[must_use]
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The IRI of a document: `{base}doc/{first 12 hex digits of the text's hash}`.
#[must_use]
pub fn document_iri(base: &str, text: &str) -> String {
    format!("{base}doc/{:012x}", fnv1a(text.as_bytes()) >> 16)
}

/// A lowercase ASCII slug: letters and digits kept (accents removed after Unicode
/// compatibility decomposition, so "Île-de-France" is `ile-de-france`), apostrophes dropped,
/// everything else folded into single `-`.
///
/// Letters and digits of other scripts are lowercased and kept, percent-encoded as UTF-8
/// ("Сергей Лавров" is `%D1%81%D0%B5…-%D0%BB%D0%B0…`), so the slug is a plain URI segment and
/// two names that differ in more than case, accents and punctuation never share one.
/// NB: never empty: a name with no letter or digit at all (only punctuation or symbols) gets
/// `x` and the hash of its text (`x-0123456789ab`).
#[must_use]
pub fn slug(name: &str) -> String {
    // Most names are ASCII, which decomposition leaves as they are: skip it.
    let slug = if name.is_ascii() {
        slug_of_chars(name.chars(), name.len())
    } else {
        decomposed_slug(name)
    };
    if slug.is_empty() {
        format!("x-{:012x}", fnv1a(name.as_bytes()) >> 16)
    } else {
        slug
    }
}

/// [`slug`] of any name, by Unicode compatibility decomposition.
fn decomposed_slug(name: &str) -> String {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization as _;
    let folded = name.nfkd().filter(|character| !is_combining_mark(*character)).map(|character| {
        match character {
            'ø' | 'Ø' => 'o',
            'ł' | 'Ł' => 'l',
            'đ' | 'Đ' => 'd',
            'ß' => 's',
            other => other,
        }
    });
    slug_of_chars(folded, name.len())
}

/// The slug of decomposed, folded characters: ASCII letters and digits lowercased, other
/// letters and digits lowercased and percent-encoded, apostrophes dropped, every other run of
/// characters one `-`, none at either end.
fn slug_of_chars(characters: impl Iterator<Item = char>, capacity: usize) -> String {
    let mut slug = String::with_capacity(capacity);
    for character in characters {
        if character.is_ascii_alphanumeric() {
            slug.push(character.to_ascii_lowercase());
        } else if character.is_alphanumeric() {
            for lower in character.to_lowercase() {
                let mut utf8 = [0; 4];
                for byte in lower.encode_utf8(&mut utf8).bytes() {
                    slug.push('%');
                    slug.push(char::from(HEX[usize::from(byte >> 4)]));
                    slug.push(char::from(HEX[usize::from(byte & 0xf)]));
                }
            }
        } else if matches!(character, '\'' | '’' | 'ʼ') {
            continue;
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// Names that stand for a different institution in every country, lowercase.
///
/// Any name of a ministry ("Interior Ministry", "Ministry of Foreign Affairs") is generic too.
const GENERIC_INSTITUTIONS: &[&str] = &[
    "air force",
    "appeals court",
    "armed forces",
    "army",
    "cabinet",
    "central bank",
    "coast guard",
    "constitutional court",
    "court of appeal",
    "court of appeals",
    "election commission",
    "electoral commission",
    "fire department",
    "government",
    "high court",
    "military",
    "national assembly",
    "national police",
    "navy",
    "parliament",
    "police",
    "presidency",
    "prosecutor's office",
    "senate",
    "supreme court",
    "upper house",
    "lower house",
];

/// Whether a name is a generic institution name such as "Supreme Court", "the police" or
/// "Interior Ministry", which needs a country or organisation to name one institution.
///
/// ```
/// use newsgraph::mint::is_generic_institution;
/// assert!(is_generic_institution("the Supreme Court"));
/// assert!(is_generic_institution("Ministry of Foreign Affairs"));
/// assert!(!is_generic_institution("Supreme Court of India"));
/// assert!(!is_generic_institution("European Court of Human Rights"));
/// ```
#[must_use]
pub fn is_generic_institution(name: &str) -> bool {
    let lower = name.trim().to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let words = match words.split_first() {
        Some((&"the", rest)) => rest,
        _ => &words[..],
    };
    let joined = words.join(" ");
    if GENERIC_INSTITUTIONS.contains(&joined.as_str()) {
        return true;
    }
    // "Interior Ministry", "Foreign Affairs Ministry", "Ministry of Health": any ministry with
    // no country in its name (a demonym or a country makes it a lexicon entry or qualifies it).
    let is_lowercase_word = |word: &&str| word.chars().all(|c| c.is_alphabetic() || c == '\'');
    match words {
        [.., "ministry"] | ["ministry", "of", ..] => {
            words.len() <= 5 && words.iter().all(is_lowercase_word)
        }
        _ => false,
    }
}
/// Upper-case hexadecimal digits, for percent-encoding (RFC 3986 prefers them).
const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// The IRI of an entity with this canonical name.
#[must_use]
pub fn entity_iri(base: &str, canonical_name: &str) -> String {
    format!("{base}id/{}", slug(canonical_name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        let cases = [
            ("International Court of Justice", "international-court-of-justice"),
            ("Côte d'Ivoire", "cote-divoire"),
            ("  Agence France-Presse ", "agence-france-presse"),
            ("Article 2", "article-2"),
            ("Île-de-France", "ile-de-france"),
            ("São Paulo", "sao-paulo"),
            ("Kraków", "krakow"),
            ("Путин", "%D0%BF%D1%83%D1%82%D0%B8%D0%BD"),
            (
                "Владимир Путин",
                "%D0%B2%D0%BB%D0%B0%D0%B4%D0%B8%D0%BC%D0%B8%D1%80-%D0%BF%D1%83%D1%82%D0%B8%D0%BD",
            ),
            ("北京 2008", "%E5%8C%97%E4%BA%AC-2008"),
            ("Ελλάδα", "%CE%B5%CE%BB%CE%BB%CE%B1%CE%B4%CE%B1"),
            ("—", "x-5640541b8850"),
        ];
        for (name, expected) in cases {
            assert_eq!(slug(name), expected, "{name}");
        }
    }

    /// The ASCII fast path agrees with the general slug.
    #[test]
    fn ascii_slug_is_the_unicode_slug() {
        for name in [
            "HostageTaking",
            "International Court of Justice",
            "Cote d'Ivoire",
            "Xi'an",
            "  --Jane Owusu-Darko--  ",
            "Acme Digital's",
            "U.S.",
            "Huaxin New Energy Co., Ltd.",
            "sheriff's deputies",
            "",
        ] {
            assert_eq!(slug_of_chars(name.chars(), name.len()), decomposed_slug(name), "{name:?}");
        }
    }

    /// Names in any script get a slug that is never empty and never shared by two names that
    /// differ in more than case, accents and punctuation.
    #[test]
    fn slugs_of_any_script_are_distinct_and_never_empty() {
        let names = [
            "Владимир Путин",
            "Сергей Лавров",
            "Лавров",
            "Путин",
            "习近平",
            "李强",
            "—",
            "–",
            "!!",
            "٣",
        ];
        let slugs: Vec<String> = names.iter().map(|name| slug(name)).collect();
        for (name, slug) in names.iter().zip(&slugs) {
            assert!(!slug.is_empty(), "{name}");
            assert!(
                slug.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'%'),
                "{slug}"
            );
        }
        let distinct: std::collections::HashSet<&String> = slugs.iter().collect();
        assert_eq!(distinct.len(), slugs.len(), "{slugs:?}");
        assert_eq!(slug("ЛАВРОВ"), slug("Лавров"));
    }

    #[test]
    fn generic_institutions() {
        let cases = [
            ("Supreme Court", true),
            ("the police", true),
            ("Police", true),
            ("Interior Ministry", true),
            ("Ministry of Foreign Affairs", true),
            ("Electoral Commission", true),
            ("Army", true),
            ("Supreme Court of India", false),
            ("Indian Supreme Court", false),
            ("Metropolitan Police", false),
            ("Ministry of Defence of the Russian Federation and Others", false),
            ("European Parliament", false),
            ("Jane Doe", false),
        ];
        for (name, expected) in cases {
            assert_eq!(is_generic_institution(name), expected, "{name}");
        }
    }

    #[test]
    fn document_iri_is_stable() {
        assert_eq!(document_iri("https://x/", "abc"), document_iri("https://x/", "abc"));
        assert_ne!(document_iri("https://x/", "abc"), document_iri("https://x/", "abd"));
    }
}
