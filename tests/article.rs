//! The public article API on the demo article, `data/articles/beslan-echr-2017.txt`.

use newsgraph::article::{ParagraphKind, MAX_ARTICLE_BYTES};
use newsgraph::{Article, Span};

const ARTICLE: &str = include_str!("../data/articles/beslan-echr-2017.txt");

fn demo() -> Article {
    match Article::parse(ARTICLE) {
        Ok(article) => article,
        Err(error) => panic!("the demo article does not parse: {error}"),
    }
}

/// Asserts that a span slices to `expected` and that its code point offsets are right.
fn assert_span(article: &Article, span: Span, expected: &str) {
    assert_eq!(article.slice(span), expected);
    assert_eq!(span.start_char, article.text[..span.start].chars().count(), "{span:?}");
    assert_eq!(span.end_char, article.text[..span.end].chars().count(), "{span:?}");
}

#[test]
fn dateline() {
    let article = demo();
    let Some(dateline) = &article.dateline else {
        panic!("no dateline");
    };
    assert_span(&article, dateline.span, "date 2017-04-14 STRASBOURG (France) •");
    let place = dateline.place.as_ref().map(|place| (place.text.as_str(), place.span));
    assert_eq!(
        place,
        Some(("STRASBOURG", Span { start: 17, end: 27, start_char: 17, end_char: 27 }))
    );
    let country = dateline.country.as_ref().map(|country| country.text.as_str());
    assert_eq!(country, Some("France"));
    assert_eq!(dateline.agency, None);
    let expected_date = jiff::civil::date(2017, 4, 14);
    assert_eq!(dateline.date, Some(expected_date));
    assert_eq!(article.date, Some(expected_date));
}

#[test]
fn agency_from_sign_off() {
    let article = demo();
    let Some(agency) = &article.agency else {
        panic!("no agency");
    };
    assert_eq!(agency.text, "AGENCE FRANCE-PRESSE");
    assert_span(&article, agency.span, "AGENCE FRANCE-PRESSE");
    // The sign-off is the last line, and no paragraph covers it.
    assert_eq!(agency.span.end, ARTICLE.trim_end().len());
    assert!(article.paragraphs.iter().all(|paragraph| paragraph.span.end < agency.span.start));
}

#[test]
fn paragraphs_and_caption() {
    let article = demo();
    assert_eq!(article.paragraphs.len(), 19);
    let kinds: Vec<usize> = article
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(_, paragraph)| paragraph.kind == ParagraphKind::Caption)
        .map(|(index, _)| index)
        .collect();
    assert_eq!(kinds, [5]);
    let caption = &article.paragraphs[5];
    assert_eq!(caption.sentences, 5..8);
    let caption_text = article.slice(caption.span);
    assert!(caption_text.starts_with("A 2009 file photo showing a woman"), "{caption_text}");
    // The photo credit is not part of the caption.
    assert!(caption_text.ends_with("as the siege came to a bloody end."), "{caption_text}");
    // The dateline is not part of the first paragraph.
    let first = article.paragraphs[0].span;
    assert_span(
        &article,
        article.span(first.start, first.start + 34),
        "The European Court of Human Rights",
    );
    assert_eq!(article.paragraphs[0].span.start_char, 39);
}

#[test]
fn sentences() {
    let article = demo();
    assert_eq!(article.sentences.len(), 21);
    let n_body = article.sentences.iter().filter(|sentence| !sentence.in_caption).count();
    assert_eq!(n_body, 18);
    let n_caption = article.sentences.iter().filter(|sentence| sentence.in_caption).count();
    assert_eq!(n_caption, 3);

    let with_date: Vec<&str> = article
        .sentences
        .iter()
        .map(|sentence| article.sentence_text(sentence))
        .filter(|text| text.contains("Sept 1, 2004"))
        .collect();
    assert_eq!(
        with_date,
        [
            "The school was stormed on Sept 1, 2004 by militants demanding the withdrawal of \
             Russian troops from the war-torn republic of Chechnya.",
            "The school was stormed on Sept 1, 2004, by militants demanding the withdrawal of \
             Russian troops from Chechnya.",
        ]
    );

    let cases = [
        (
            0,
            "The European Court of Human Rights ruled yesterday that there were \"serious \
             failings\" in Russia's handling of the Beslan school siege by Chechen rebels in 2004, \
             in which over 330 people were killed, many of them children.",
        ),
        (
            5,
            "A 2009 file photo showing a woman at the Beslan school gymnasium mourning the victims \
             of the 2004 siege by Chechen rebels, on the fifth anniversary of the incident.",
        ),
        (7, "A total of 184 children were among the 334 dead as the siege came to a bloody end."),
        (
            14,
            "\"Such phrasing for a country that has suffered an attack is absolutely \
             unacceptable,\" he told journalists.",
        ),
        (
            20,
            "Russian and international experts describe Beslan as a political shock for Russia \
             comparable to the Sept 11, 2001 attacks in the United States, and say it marked a \
             turning point in the Kremlin's policy in the Caucasus.",
        ),
    ];
    for (index, expected) in cases {
        let sentence = &article.sentences[index];
        assert_span(&article, sentence.span, expected);
        assert_eq!(sentence.index, index);
    }
    assert_eq!(article.sentences[0].span.start_char, 39);
    assert_eq!(article.sentences[0].span.start, 41);
    assert!(article.sentences[6].in_caption);
    assert!(!article.sentences[8].in_caption);
    assert_eq!(article.sentences[8].paragraph, 6);
}

#[test]
fn parse_bytes_matches_parse() {
    let from_bytes = Article::parse_bytes(ARTICLE.as_bytes()).map(|article| article.sentences);
    assert_eq!(from_bytes, Ok(demo().sentences));
}

#[test]
fn crlf_and_bom_give_the_same_structure() {
    let windows = format!("\u{FEFF}{}", ARTICLE.replace('\n', "\r\n"));
    let article = match Article::parse(&windows) {
        Ok(article) => article,
        Err(error) => panic!("{error}"),
    };
    let original = demo();
    assert_eq!(article.paragraphs.len(), original.paragraphs.len());
    let texts = |article: &Article| -> Vec<String> {
        article
            .sentences
            .iter()
            .map(|sentence| article.sentence_text(sentence).to_owned())
            .collect()
    };
    assert_eq!(texts(&article), texts(&original));
    assert_eq!(article.agency.map(|agency| agency.text), Some("AGENCE FRANCE-PRESSE".to_owned()));
}

#[test]
fn errors() {
    let cases: &[(&[u8], &str)] = &[
        (b"", "line 1, column 1: the article is empty"),
        (b" \n ", "line 1, column 1: the article contains only white space"),
        (
            b"<!DOCTYPE html>\n<p>Text.</p>",
            "line 1, column 1: the input looks like HTML; pass the article as plain text",
        ),
        (
            b"One.\n\x00\x01",
            "line 2, column 1: the input looks binary (it contains a NUL byte); pass a plain-text article",
        ),
        (
            b"One.\nTw\xC3o.",
            "line 2, column 3: the article is not valid UTF-8 (byte 0xC3 at offset 7); pass UTF-8 plain text",
        ),
    ];
    for (input, expected) in cases {
        let got = Article::parse_bytes(input).map(|_| ()).map_err(|error| error.to_string());
        assert_eq!(got, Err((*expected).to_owned()));
    }
    let too_big = "a".repeat(MAX_ARTICLE_BYTES + 1);
    let got = Article::parse(&too_big).map(|_| ()).map_err(|error| error.to_string());
    assert_eq!(
        got,
        Err("line 1, column 1: the article is 10.0 MiB (10485761 bytes), larger than the limit \
             of 10.0 MiB (10485760 bytes)"
            .to_owned())
    );
}
