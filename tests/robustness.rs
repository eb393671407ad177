//! Any text goes through the whole pipeline without panicking (nlprule's property).

use proptest::prelude::*;

const WORDS: &[&str] = &[
    "The",
    "court",
    "said",
    "he",
    "she",
    "they",
    "it",
    "Mr.",
    "Smith",
    "John",
    "Paris",
    "France",
    "(AFP)",
    "-",
    "\"",
    "“",
    "”",
    "’s",
    "over",
    "330",
    "1,100",
    "people",
    "were",
    "killed",
    "by",
    "militants",
    "in",
    "2004",
    "Sept",
    "1,",
    "yesterday",
    "Tuesday",
    "spokesman",
    "Article",
    "2",
    "of",
    "the",
    "Convention",
    "siege",
    "school",
    "é",
    "—",
    "•",
    "\n\n",
    ".",
    ",",
    "including",
    "800",
    "children",
    "ruled",
    "against",
    "Russia",
    "Russian",
    "troops",
    "stormed",
    "the",
    "building",
    "PHOTO:",
    "AFP",
    "twenty-three",
    "$1",
    "billion",
    "53.85%",
    "-based",
    // Words that the name stages treat specially.
    "al-Wadi",
    "Ansar",
    "Co.,",
    "Ltd.",
    "Inc",
    "S.A.",
    "&",
    "Hotel",
    "Ministry",
    "for",
    "and",
    "Province",
    "Anhui",
    "river",
    "market",
    "Gov.",
    "D.Y.",
    "bin",
    "von",
    "Maria",
    "Delgado",
    "a",
    "34-year-old",
    "(MINUSMA)",
    "(Reporting",
    "Editing",
    ";",
    ")",
    "Kenya",
    "Red",
    "Cross",
    "Act",
    "2023",
    "Citizens'",
    "into",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let _ = newsgraph::extract(&text);
    }

    #[test]
    fn news_like_text_never_panics(words in proptest::collection::vec(proptest::sample::select(WORDS), 0..120)) {
        let text = words.join(" ");
        if let Ok(graph) = newsgraph::extract(&text) {
            let mut out = Vec::new();
            for format in newsgraph::Format::ALL {
                out.clear();
                prop_assert!(newsgraph::export::write(&graph, *format, &mut out).is_ok());
            }
        }
    }
}
