//! Names: lexicon entries (places, organisations, instruments, named events), titles,
//! people, unknown capitalised names classified by context, and pronouns.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use super::tokens::Token;
use super::{Annotations, Context, Mention, Tag};
use crate::article::Sentence;
use crate::lexicon::{organization_class, EntryKind, Gender, Lexicon};
use crate::vocab::{ng, schema};

/// English closed-class words, from `data/lexicons/function_words.txt`.
pub(crate) static FUNCTION_WORDS: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| {
        include_str!("../../data/lexicons/function_words.txt")
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .collect()
    });

/// The rows of `data/lexicons/name_heads.tsv`: word, class, and whether the word is weak.
fn name_head_rows() -> impl Iterator<Item = (&'static str, &'static str, bool)> {
    include_str!("../../data/lexicons/name_heads.tsv")
        .lines()
        .skip_while(|line| line.starts_with('#'))
        .skip(1)
        .filter_map(|line| {
            let mut columns = line.split('\t');
            let (word, class) = (columns.next()?, columns.next()?);
            Some((word, class, columns.next() == Some("weak")))
        })
}

/// Last words that make an unknown name an organisation or facility, from
/// `data/lexicons/name_heads.tsv`.
static NAME_HEADS: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| name_head_rows().map(|(word, class, _)| (word, class)).collect());

/// The weak words of `NAME_HEADS` ("Capital", "Exchange", "Systems"): ordinary words too, so
/// they make a name an organisation only in a strong context (see `weak_head_counts`).
static WEAK_HEADS: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| {
    name_head_rows().filter(|&(_, _, weak)| weak).map(|(word, _, _)| word).collect()
});

/// Common English words, lowercase, from `data/lexicons/seed/common_words.txt` (the list the
/// lexicon generator drops city and given names by): a capitalised common word is no proper
/// name of its own ("Stock" in "Stock Exchange", "Mills" in "General Mills"). The file's last
/// part, after "# City names only", holds surnames and the like ("Lee", "Wells") and is left
/// out.
pub(crate) static COMMON_WORDS: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| {
        include_str!("../../data/lexicons/seed/common_words.txt")
            .lines()
            .take_while(|line| !line.starts_with("# City names only"))
            .filter(|line| !line.starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect()
    });

/// Words that follow a region's name as part of it ("Anhui Province").
const REGION_KIND_WORDS: [&str; 7] =
    ["Province", "Region", "Oblast", "Governorate", "Prefecture", "Krai", "Autonomous Region"];

const HONORIFICS: [&str; 8] = ["Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Mr", "Mrs", "Ms"];

/// Finds the names of a sentence.
pub(crate) fn find(
    context: &Context<'_>,
    sentence: &Sentence,
    tokens: &[Token<'_>],
    annotations: &mut Annotations,
) {
    let article = context.article;
    let lexicon = context.lexicon;
    let text = article.slice(sentence.span);
    let base = sentence.span.start;

    byline_names(context, sentence, tokens, annotations);
    let mut previous_lexicon: Option<usize> = None;
    for (start, end, entry_index) in lexicon.find_names(text) {
        let (abs_start, abs_end) = (base + start, base + end);
        if annotations.overlaps(sentence.index, abs_start, abs_end) {
            continue;
        }
        let Some(entry) = lexicon.entry(entry_index) else { continue };
        let mut abs_end = abs_end;
        let name = &text[start..end];
        // "Wadi" in "Ansar al-Wadi": a name after a lowercase Arabic article is part of a
        // longer name.
        if after_arabic_article(&text[..start]) {
            continue;
        }
        // A town or region name right after a capitalised word is the tail of a longer name
        // ("Abdikadir Farah", "Integrated Stabilization Mission"), not the place.
        if matches!(entry.kind, EntryKind::City | EntryKind::Region) {
            let previous = tokens.iter().rev().find(|token| token.end <= abs_start);
            let joined = previous.is_some_and(|token| {
                article.text.get(token.end..abs_start) == Some(" ")
                    && token.is_capitalized()
                    && !token.initial
                    && !is_possessive(token.text)
                    && !FUNCTION_WORDS.contains(&*crate::lexicon::lowercase(token.text))
                    && lexicon.demonym(token.text).is_none()
                    && !lexicon.title_starts_with(token.text)
            });
            // "Delgado said" after "Maria Delgado", "Northwake" after "Northwake Marine
            // Systems": a known person's surname or a known company's first word is not the town.
            if joined
                || (!name.contains(' ')
                    && (is_known_surname(lexicon, annotations, name)
                        || is_known_org_head(annotations, name)))
            {
                continue;
            }
            // "Anhui Province": the kind word after a region is part of its name.
            if entry.kind == EntryKind::Region {
                let rest = article.text.get(abs_end..).unwrap_or("");
                if let Some(kind) = REGION_KIND_WORDS.iter().find(|kind| {
                    rest.strip_prefix(' ').and_then(|after| after.strip_prefix(**kind)).is_some_and(
                        |after| !after.chars().next().is_some_and(crate::lexicon::is_word_char),
                    )
                }) {
                    abs_end += 1 + kind.len();
                }
            }
        }
        // "Ghana Unity Congress": a one-word alias that is an organisation word ("Congress")
        // right after a capitalised word ends a longer name, not the lexicon's organisation.
        if entry.kind == EntryKind::Organization
            && !name.contains(' ')
            && NAME_HEADS.contains_key(name)
            && tokens.iter().rev().find(|token| token.end <= abs_start).is_some_and(|token| {
                article.text.get(token.end..abs_start) == Some(" ")
                    && token.is_capitalized()
                    && !is_possessive(token.text)
                    && !FUNCTION_WORDS.contains(token.text.to_lowercase().as_str())
                    && lexicon.demonym(token.text).is_none()
            })
        {
            continue;
        }
        // "Defence and Security Council": a lexicon organisation after a capitalised word and
        // "and" is the tail of a longer name, found with the capitalised runs below.
        if entry.kind == EntryKind::Organization
            && tail_of_longer_name(context, annotations, sentence, tokens, name, abs_start)
        {
            continue;
        }
        // "Hurricane Florence", "Typhoon Odessa": a storm's name, not the place.
        if tokens.iter().rev().find(|token| token.end <= abs_start).is_some_and(|token| {
            article.text.get(token.end..abs_start) == Some(" ")
                && DISASTER_FIRST_WORDS.contains(&token.text)
        }) {
            continue;
        }
        // "41.2 billion U.S. dollars": a country in a currency's name is not a place of the story.
        if entry.kind == EntryKind::Country {
            let rest = article.text.get(abs_end..).unwrap_or("");
            if rest.starts_with(" dollar") {
                continue;
            }
        }
        // "Spokane, Washington": right after a city, the name of the city's region is that
        // region, even where the name alone means a city ("Washington" is Washington, D.C.).
        let entry_index = previous_lexicon
            .filter(|_| entry.kind == EntryKind::City)
            .and_then(|previous| region_after_city(context, annotations, previous, name, abs_start))
            .unwrap_or(entry_index);
        let Some(entry) = lexicon.entry(entry_index) else { continue };
        let (tag, class) = match entry.kind {
            EntryKind::Country => (Tag::Gpe, "Country"),
            EntryKind::Region => (Tag::Gpe, "AdministrativeArea"),
            EntryKind::City => (Tag::Gpe, "City"),
            EntryKind::Organization => (Tag::Org, local_name(&entry.class)),
            EntryKind::Instrument => (Tag::Law, "LegalInstrument"),
            EntryKind::NamedEvent => (Tag::Evt, local_name(&entry.class)),
        };
        // "National Security Act 2023": the year of an instrument is part of its name.
        if entry.kind == EntryKind::Instrument {
            abs_end = with_year(article, annotations, sentence, abs_end);
        }
        // "Kenya Red Cross", "Amnesty International Kenya": a country next to an organisation
        // that is not that country's own names another, national organisation.
        if let Some(previous) = previous_lexicon.filter(|&previous| {
            national_branch(context, annotations, previous, entry_index, abs_start)
        }) && let Some(mention) = annotations.mentions.get_mut(previous)
        {
            let class_iri = if entry.kind == EntryKind::Organization {
                entry.class.clone().into()
            } else {
                mention.class_iri.clone()
            };
            // "Kenya Red Cross Society": an organisation word right after the branch ends its
            // name.
            let branch_end = article
                .text
                .get(abs_end..sentence.span.end)
                .and_then(|rest| rest.strip_prefix(' '))
                .and_then(|rest| {
                    let word = rest.split([' ', ',', '.', ';', ':', ')']).next()?;
                    let class = NAME_HEADS.get(word)?;
                    let organization = !matches!(*class, "Facility" | "Place" | "LegalInstrument");
                    (organization && !WEAK_HEADS.contains(word)).then(|| abs_end + 1 + word.len())
                })
                .unwrap_or(abs_end);
            mention.span = article.span(mention.span.start, branch_end);
            mention.text = article.text[mention.span.start..branch_end].to_owned();
            mention.tag = Some(Tag::Org);
            mention.class = local_name(&class_iri).to_owned().into();
            mention.class_iri = class_iri;
            mention.entry = None;
            previous_lexicon = None;
            continue;
        }
        previous_lexicon = Some(annotations.push(Mention {
            sentence: sentence.index,
            span: article.span(abs_start, abs_end),
            tag: Some(tag),
            class: class.to_owned().into(),
            class_iri: entry.class.clone().into(),
            text: article.text[abs_start..abs_end].to_owned(),
            entry: Some(entry_index),
            proper: true,
            definite: true,
            ..Mention::default()
        }));
    }

    // "Tulsa, Okla.": a wire abbreviation of a state right after a city is that state.
    state_abbreviations_after_cities(context, sentence, annotations);
    regional_organizations(context, sentence, annotations);

    // Titles: up to three lowercase words ("prime minister", "foreign minister").
    let mut index = 0;
    while index < tokens.len() {
        let mut matched = None;
        let starts_title =
            tokens.get(index).is_some_and(|token| lexicon.title_starts_with(token.text));
        for length in (1..=3).rev().filter(|_| starts_title) {
            let Some(last) = tokens.get(index + length - 1) else { continue };
            let Some(first) = tokens.get(index) else { continue };
            let phrase = crate::lexicon::lowercase(&text[first.start - base..last.end - base]);
            // Words that also describe groups ("militants", "judges") are descriptions.
            // "General Administration of Customs": a capitalised title word before an
            // organisation word is part of the organisation's name.
            // So is one right after an organisation word ("Directorate General of Health
            // Services").
            let before_head = first.is_capitalized()
                && (tokens
                    .get(index + length)
                    .is_some_and(|next| is_name_token(next) && NAME_HEADS.contains_key(next.text))
                    || index.checked_sub(1).and_then(|p| tokens.get(p)).is_some_and(|previous| {
                        // ("Army General Mark Milley" keeps the title: a name follows it.)
                        article.text.get(previous.end..first.start) == Some(" ")
                            && is_name_token(previous)
                            && NAME_HEADS
                                .get(previous.text)
                                .is_some_and(|class| *class != "Facility")
                            && !tokens.get(index + length).is_some_and(|next| {
                                is_name_token(next)
                                    && article.text.get(last.end..next.start) == Some(" ")
                            })
                    }));
            // "General Mills", "General Electric": a rank before one common word is the first
            // word of an organisation's name, not a title.
            let before_common_word =
                length == 1 && rank_before_common_word(context, annotations, tokens, index);
            if let Some(title) = lexicon.title(&phrase).filter(|_| lexicon.noun(&phrase).is_none())
                && !before_head
                && !before_common_word
                && !annotations.overlaps(sentence.index, first.start, last.end)
            {
                matched = Some((length, first.start, last.end, title.gender));
                break;
            }
        }
        if let Some((length, start, end, gender)) = matched {
            let start = title_modifiers(context, annotations, sentence, tokens, index, start);
            annotations.push(Mention {
                sentence: sentence.index,
                span: article.span(start, end),
                tag: Some(Tag::Ttl),
                class: "Title".into(),
                text: article.text[start..end].to_owned(),
                gender,
                ..Mention::default()
            });
            index += length;
        } else {
            index += 1;
        }
    }

    // Capitalised runs not claimed yet: people, organisations and places by context.
    let mut index = 0;
    while index < tokens.len() {
        let Some(token) = tokens.get(index) else { break };
        if !(is_name_token(token) || initials_before_name(article, tokens, index))
            || annotations.overlaps(sentence.index, token.start, token.end)
        {
            index += 1;
            continue;
        }
        let mut last = extend_run(context, annotations, sentence, tokens, index);
        // "Mohammed bin Salman", "Ursula von der Leyen", "Lula da Silva": particles inside a
        // person's name, after a given name.
        if context.lexicon.given_name(token.text).is_some() {
            while let Some(particles) = name_particles(article, tokens, last) {
                last = extend_run(context, annotations, sentence, tokens, last + particles + 1);
            }
        }
        // "Salar Minerals S.A.", "Acme PLC", "Huaxin New Energy Co., Ltd.": company suffixes
        // end the name, with their dots.
        let mut end = tokens[last].end;
        // (A weak company word is no suffix: "In Paris, Capital markets".)
        let is_company = |token: &Token<'_>| {
            NAME_HEADS.get(token.text) == Some(&"Company") && !WEAK_HEADS.contains(token.text)
        };
        let abbreviated = |token: &Token<'_>, end: usize| {
            is_company(token)
                && token.text.len() <= 4
                && !token.text.ends_with('.')
                && article.text.get(end..end + 1) == Some(".")
        };
        while let Some(next) = tokens.get(last + 1) {
            let gap_start = if abbreviated(&tokens[last], end) { end + 1 } else { end };
            let gap = article.text.get(gap_start..next.start).unwrap_or("");
            // "Co. Ltd." too.
            let suffix = is_company(next)
                && ((gap == " " && (!is_name_token(next) || gap_start > end)) || gap == ", ")
                && !is_possessive(tokens[last].text);
            if !suffix {
                break;
            }
            last += 1;
            end = next.end;
        }
        if abbreviated(&tokens[last], end) {
            end += 1;
        }
        // "State Minister for Disaster Management and Relief Rafiqul Haque": after a title
        // and "for" or "of", a portfolio comes before the person's name.
        if let Some((person_first, person_last)) =
            portfolio_person(context, annotations, sentence, tokens, index, last)
        {
            // The portfolio may be an organisation ("National Development and Reform
            // Commission").
            if let Some(portfolio) = tokens.get(index..person_first)
                && let Some(portfolio_last) = portfolio.last()
            {
                classify_run(context, sentence, tokens, portfolio, portfolio_last.end, annotations);
            }
            let (person_start, person_end) = (tokens[person_first].start, tokens[person_last].end);
            index = person_last + 1;
            let gender = context.lexicon.given_name(tokens[person_first].text).flatten();
            let person =
                push_kind(context, sentence, person_start, person_end, Kind::Person, annotations);
            if let Some(mention) = annotations.mentions.get_mut(person) {
                mention.gender = gender;
            }
            continue;
        }
        // "Securities and Exchange Commission", "Court of Appeal for Ontario", "Ministry of
        // Disaster Management and Relief": connectors join capitalised words when the name
        // ends in an organisation or facility word, or has one before its first connector.
        let extended = extend_with_connectors(context, annotations, sentence, tokens, index, last);
        if extended > last {
            end = tokens[extended].end;
        }
        // "United Nations Development Programme Achim Steiner": an organisation word, then a
        // given name and a surname: the organisation, then the person.
        let split = (index..extended.saturating_sub(1)).rev().find(|&head| {
            tokens.get(head).is_some_and(|t| NAME_HEADS.contains_key(t.text))
                && tokens
                    .get(head + 1)
                    .is_some_and(|t| context.lexicon.given_name(t.text).is_some())
                && tokens
                    .get(head + 1..=extended)
                    .is_some_and(|person| person.iter().all(is_name_token))
        });
        if let Some(head) = split {
            let organization = &tokens[index..=head];
            classify_run(context, sentence, tokens, organization, tokens[head].end, annotations);
            let gender = context.lexicon.given_name(tokens[head + 1].text).flatten();
            let person = push_kind(
                context,
                sentence,
                tokens[head + 1].start,
                end,
                Kind::Person,
                annotations,
            );
            if let Some(mention) = annotations.mentions.get_mut(person) {
                mention.gender = gender;
            }
            index = extended + 1;
            continue;
        }
        let run = &tokens[index..=extended];
        index = extended + 1;
        classify_run(context, sentence, tokens, run, end, annotations);
    }

    coordinated_regions(context, sentence, annotations);
    acronyms(context, sentence, tokens, annotations);

    for token in tokens {
        // Pronouns have two to four letters: other words need no lowercase copy.
        if !(2..=4).contains(&token.text.len()) {
            continue;
        }
        let lower = crate::lexicon::lowercase(token.text);
        let (plural, gender) = match &*lower {
            "he" | "him" => (false, Some(Gender::Male)),
            "she" => (false, Some(Gender::Female)),
            "it" => (false, None),
            "they" | "them" => (true, None),
            _ => continue,
        };
        if annotations.overlaps(sentence.index, token.start, token.end) {
            continue;
        }
        annotations.push(Mention {
            sentence: sentence.index,
            span: article.span(token.start, token.end),
            tag: Some(Tag::Pro),
            class: lower.into_owned().into(),
            text: token.text.to_owned(),
            plural,
            gender,
            ..Mention::default()
        });
    }
}

/// Where a title starts with the lowercase nouns that modify it ("emergency unit director",
/// "WFP country director", "the hospital's medical director"): up to two lowercase words
/// right before the title, taken only when what precedes them shows where a noun phrase
/// begins (an article, a possessive, "where", a capitalised word or punctuation), so that a
/// verb ("to meet foreign minister") stays out.
fn title_modifiers(
    context: &Context<'_>,
    annotations: &Annotations,
    sentence: &Sentence,
    tokens: &[Token<'_>],
    index: usize,
    start: usize,
) -> usize {
    let text = &context.article.text;
    let modifier = |token: &Token<'_>| {
        token.is_lowercase_word()
            && token.text.chars().all(|c| c.is_alphabetic() || c == '-')
            && !FUNCTION_WORDS.contains(token.text)
            && !token.text.ends_with("ed")
            && !token.text.ends_with("ing")
            && !token.text.ends_with("ly")
            && !matches!(token.text, "said" | "says" | "told" | "former" | "late")
            && context.lexicon.title(token.text).is_none()
            // "government spokeswoman": an organisation noun names the employer.
            && context.lexicon.noun(token.text).is_none_or(|(noun, _)| {
                !matches!(
                    noun.category,
                    crate::lexicon::NounCategory::Org
                        | crate::lexicon::NounCategory::Security
                        | crate::lexicon::NounCategory::Armed
                        | crate::lexicon::NounCategory::Member
                )
            })
            && !annotations.covered(sentence.index, token.start, token.end)
    };
    let mut first = index;
    while first > index.saturating_sub(2)
        && let Some(previous) = first.checked_sub(1).and_then(|p| tokens.get(p))
        && let Some(current) = tokens.get(first)
        && text.get(previous.end..current.start) == Some(" ")
        && modifier(previous)
    {
        first -= 1;
    }
    if first == index {
        return start;
    }
    let Some(first_token) = tokens.get(first) else { return start };
    let boundary = match first.checked_sub(1).and_then(|p| tokens.get(p)) {
        None => true,
        Some(before) => {
            let gap = text.get(before.end..first_token.start).unwrap_or("");
            gap.trim() != ""
                || is_possessive(before.text)
                || before.is_capitalized()
                || matches!(
                    before.text,
                    "the"
                        | "a"
                        | "an"
                        | "its"
                        | "his"
                        | "her"
                        | "their"
                        | "our"
                        | "where"
                        | "whose"
                )
        }
    };
    if boundary {
        first_token.start
    } else {
        start
    }
}

/// How many lowercase name particles ("bin", "von der", "da") follow the token at `last`,
/// one space apart, before a capitalised name word.
fn name_particles(article: &crate::Article, tokens: &[Token<'_>], last: usize) -> Option<usize> {
    let spaced = |left: usize, right: usize| matches!((tokens.get(left), tokens.get(right)), (Some(l), Some(r)) if article.text.get(l.end..r.start) == Some(" "));
    let particle = |token: &Token<'_>| {
        matches!(
            token.text,
            "bin"
                | "bint"
                | "ibn"
                | "al"
                | "el"
                | "von"
                | "van"
                | "der"
                | "den"
                | "de"
                | "da"
                | "dos"
                | "das"
                | "do"
                | "di"
                | "du"
                | "del"
                | "della"
                | "la"
                | "le"
                | "ter"
        )
    };
    let mut count = 0;
    while count < 2
        && tokens.get(last + count + 1).is_some_and(particle)
        && spaced(last + count, last + count + 1)
    {
        count += 1;
    }
    let next = tokens.get(last + count + 1)?;
    (count > 0 && spaced(last + count, last + count + 1) && is_name_token(next)).then_some(count)
}

/// The last token of the capitalised run that starts at `index`: words one space apart,
/// not yet claimed by another mention; a possessive word ends the run.
fn extend_run(
    context: &Context<'_>,
    annotations: &Annotations,
    sentence: &Sentence,
    tokens: &[Token<'_>],
    index: usize,
) -> usize {
    let article = context.article;
    let mut last = index;
    while let (Some(current), Some(next)) = (tokens.get(last), tokens.get(last + 1)) {
        // "JPMorgan Chase & Co", "Procter & Gamble": an ampersand joins a company's name.
        let gap = article.text.get(current.end..next.start);
        // "Citizens' Reform Alliance": a plural common noun's possessive inside a name.
        let plural_possessive = matches!(gap, Some("' " | "’ "))
            && (context.lexicon.noun(current.text).is_some_and(|(_, plural)| plural)
                || is_title_plural(context.lexicon, current.text));
        // "National Economic Prosecutor's Office": a title's or noun's possessive right before
        // an organisation word is inside the name.
        let head_possessive = gap == Some(" ")
            && is_possessive(current.text)
            && NAME_HEADS.get(next.text).is_some_and(|class| *class != "Facility")
            && last > index
            && {
                let word = strip_possessive(current.text).to_lowercase();
                context.lexicon.title(&word).is_some() || context.lexicon.noun(&word).is_some()
            };
        if (ends_name(context, current.text) && !head_possessive)
            || !(matches!(gap, Some(" " | " & ")) || plural_possessive)
            || !(is_name_token(next) || initials_before_name(article, tokens, last + 1))
            || annotations.overlaps(sentence.index, next.start, next.end)
        {
            break;
        }
        last += 1;
    }
    last
}

/// "State Minister for Disaster Management and Relief Rafiqul Haque": a run right after a
/// title and "for" or "of" is a portfolio, possibly joined by "and", and then a name. The
/// name starts at a known given name, else it is the last two words of the last part when
/// that part has at least three. Returns the person's first and last token.
fn portfolio_person(
    context: &Context<'_>,
    annotations: &Annotations,
    sentence: &Sentence,
    tokens: &[Token<'_>],
    index: usize,
    last: usize,
) -> Option<(usize, usize)> {
    let article = context.article;
    // "Vice Chairman of the National Development and Reform Commission Zhao Chenxin".
    let the = usize::from(tokens.get(index.checked_sub(1)?)?.text == "the");
    let connector = tokens.get(index.checked_sub(1 + the)?)?;
    let before = tokens.get(index.checked_sub(2 + the)?)?;
    if !matches!(connector.text, "for" | "of") {
        return None;
    }
    let title = annotations
        .mention_at(sentence.index, before.start)
        .and_then(|title| annotations.mentions.get(title))?;
    if title.tag != Some(Tag::Ttl) || title.span.end != before.end {
        return None;
    }
    let (mut part_first, mut part_last) = (index, last);
    while let (Some(and), Some(next)) = (tokens.get(part_last + 1), tokens.get(part_last + 2)) {
        let joined = and.text == "and"
            && article.text.get(tokens[part_last].end..and.start) == Some(" ")
            && article.text.get(and.end..next.start) == Some(" ")
            && is_name_token(next)
            && !annotations.overlaps(sentence.index, next.start, next.end);
        if !joined {
            break;
        }
        part_first = part_last + 2;
        part_last = extend_run(context, annotations, sentence, tokens, part_first);
    }
    let given = (part_first + 1..part_last).find(|&word| {
        tokens.get(word).is_some_and(|t| context.lexicon.given_name(t.text).is_some())
    });
    let words = part_last + 1 - part_first;
    let person_first = given.or_else(|| (words >= 3).then(|| part_last - 1))?;
    Some((person_first, part_last))
}

/// Marks the state or province abbreviations of wire style right after a city and a comma
/// ("Tulsa, Okla., police said") as mentions of their region, when the city is in that
/// region's country. Elsewhere such abbreviations are left alone ("Miss.", "Pa.").
fn state_abbreviations_after_cities(
    context: &Context<'_>,
    sentence: &Sentence,
    annotations: &mut Annotations,
) {
    let article = context.article;
    let lexicon = context.lexicon;
    let cities: Vec<(usize, Option<String>)> = annotations
        .by_sentence
        .get(sentence.index)
        .into_iter()
        .flatten()
        .filter_map(|&index| annotations.mentions.get(index))
        .filter_map(|mention| {
            let entry = lexicon.entry(mention.entry?)?;
            (entry.kind == EntryKind::City && mention.tag == Some(Tag::Gpe))
                .then(|| (mention.span.end, entry.country.clone()))
        })
        .collect();
    for (city_end, country) in cities {
        let rest = article.text.get(city_end..sentence.span.end).unwrap_or("");
        let Some(after) = rest.strip_prefix(", ") else { continue };
        let word_len = after.find([' ', ',', ')']).unwrap_or(after.len());
        let word = after.get(..word_len).unwrap_or_default();
        let Some(region_name) = crate::article::region_abbreviation(word) else { continue };
        let Some((region, region_entry)) = lexicon
            .entries_of_kind(EntryKind::Region)
            .find(|(_, entry)| entry.name == region_name && entry.country == country)
        else {
            continue;
        };
        let start = city_end + 2;
        let end = start + word_len;
        if annotations.overlaps(sentence.index, start, end) {
            continue;
        }
        annotations.push(Mention {
            sentence: sentence.index,
            span: article.span(start, end),
            tag: Some(Tag::Gpe),
            class: "AdministrativeArea".into(),
            class_iri: region_entry.class.clone().into(),
            text: word.to_owned(),
            entry: Some(region),
            proper: true,
            definite: true,
            ..Mention::default()
        });
    }
}

/// The region a name right after a city and a comma stands for, when it is the city's own
/// region in the lexicon ("Spokane, Washington" is the state, not Washington, D.C.).
fn region_after_city(
    context: &Context<'_>,
    annotations: &Annotations,
    previous: usize,
    name: &str,
    start: usize,
) -> Option<usize> {
    let lexicon = context.lexicon;
    let mention = annotations.mentions.get(previous)?;
    if context.article.text.get(mention.span.end..start) != Some(", ") {
        return None;
    }
    let city = lexicon.entry(mention.entry?)?;
    if city.kind != EntryKind::City || !city.region.as_deref()?.eq_ignore_ascii_case(name) {
        return None;
    }
    // A scan of the entries, but only for a name after "City, " that is not already the
    // region: rare enough not to need an index.
    lexicon
        .entries_of_kind(EntryKind::Region)
        .find(|(_, entry)| entry.country == city.country && entry.name.eq_ignore_ascii_case(name))
        .map(|(index, _)| index)
}

/// Whether a kind of place names the capitalised run: "the town of Puturge" (the kind, then
/// "of") or "the Atacama region" (the kind right after the name), with a lowercase place-type
/// noun of `nouns.tsv` (town, village, province, district, region).
fn names_place_type(
    lexicon: &Lexicon,
    tokens: &[Token<'_>],
    position: usize,
    next: Option<&Token<'_>>,
) -> bool {
    let is_place_type = |token: &Token<'_>| {
        token.is_lowercase_word()
            && lexicon
                .noun(token.text)
                .is_some_and(|(noun, _)| noun.category == crate::lexicon::NounCategory::PlaceType)
    };
    let of_before =
        position.checked_sub(1).and_then(|p| tokens.get(p)).is_some_and(|t| t.text == "of");
    let kind_before =
        position.checked_sub(2).and_then(|p| tokens.get(p)).is_some_and(is_place_type);
    (of_before && kind_before) || next.is_some_and(is_place_type)
}

/// Joins capitalised runs across connectors ("Securities and Exchange Commission", "Court of
/// Appeal for Ontario", "Ministry of Disaster Management and Relief", "Great Hall of the
/// People", "Mission in Mali (MINUSMA)"): returns the new last token of the name.
///
/// A step is taken when the name then ends in an organisation or facility word, or when the
/// word before the first connector is one ("Ministry of ..."); only then may "the" follow
/// the connector and a lexicon place come after "of", "for" or "in". "in" joins only a name
/// that an acronym in parentheses follows. A run that starts with a given name is a person
/// ("Maria Delgado of the Spokane Police Department") and is never joined.
fn extend_with_connectors(
    context: &Context<'_>,
    annotations: &Annotations,
    sentence: &Sentence,
    tokens: &[Token<'_>],
    index: usize,
    last: usize,
) -> usize {
    let article = context.article;
    let gap_is_space = |left: usize, right: usize| matches!((tokens.get(left), tokens.get(right)), (Some(l), Some(r)) if article.text.get(l.end..r.start) == Some(" "));
    let person_like = last > index
        && tokens.get(index).is_some_and(|t| context.lexicon.given_name(t.text).is_some());
    // "Shares of Tata Motors": a lone first word of a sentence is no name of its own.
    let lone_initial = last == index
        && tokens.get(index).is_some_and(|t| t.initial && !NAME_HEADS.contains_key(t.text));
    if person_like || tokens.get(last).is_some_and(|t| ends_name(context, t.text)) {
        return last;
    }
    // "Directorate General of Health Services": the organisation word need not be last.
    // Weak head words ("Exchange", "Group") never count before or across a connector.
    let is_head = |token: &Token<'_>| {
        NAME_HEADS.get(token.text).is_some_and(|class| *class != "Place")
            && !WEAK_HEADS.contains(token.text)
    };
    let head_before = tokens.get(index..=last).is_some_and(|run| run.iter().any(is_head));
    let mut seen_head = head_before;
    // Whether an "of", "for" or "on" phrase has begun: inside one, "and" joins its parts
    // ("of Disaster Management and Relief"); outside, "and" joins only a name that ends in an
    // organisation word ("Securities and Exchange Commission", not "Foreign Ministry and
    // Petrobras").
    let mut in_complement = false;
    let mut extended = last;
    let mut probe = last;
    while let Some(connector) = tokens.get(probe + 1) {
        if !matches!(connector.text, "and" | "of" | "for" | "on" | "de" | "in")
            || !gap_is_space(probe, probe + 1)
        {
            break;
        }
        let and = connector.text == "and";
        if lone_initial && !and {
            break;
        }
        let mut next_index = probe + 2;
        if seen_head
            && !and
            && tokens.get(next_index).is_some_and(|t| t.text == "the")
            && gap_is_space(probe + 1, next_index)
        {
            next_index += 1;
        }
        let Some(next) = tokens.get(next_index) else { break };
        if !gap_is_space(next_index - 1, next_index) {
            break;
        }
        let place_end = annotations
            .mention_at(sentence.index, next.start)
            .and_then(|place| annotations.mentions.get(place))
            .filter(|place| {
                seen_head
                    && !and
                    && place.tag == Some(Tag::Gpe)
                    && place.entry.is_some()
                    && place.span.start == next.start
            })
            .map(|place| place.span.end);
        let step_start = next_index;
        if let Some(place_end) = place_end {
            probe = next_index;
            while tokens.get(probe + 1).is_some_and(|t| t.end <= place_end) {
                probe += 1;
            }
        } else if is_name_token(next)
            && !annotations.overlaps(sentence.index, next.start, next.end)
            && !is_weekday(next.text)
            && super::dates::month_number(next.text).is_none()
        {
            probe = extend_run(context, annotations, sentence, tokens, next_index);
        } else {
            break;
        }
        let Some(probe_token) = tokens.get(probe) else { break };
        if ends_name(context, probe_token.text)
            || (connector.text == "in" && !acronym_follows(&article.text[probe_token.end..]))
        {
            break;
        }
        let step_has_head =
            tokens.get(step_start..=probe).is_some_and(|step| step.iter().any(is_head));
        // "the University of Nairobi and Kenyatta National Hospital": two names, each with
        // its own organisation word.
        if and && seen_head && step_has_head {
            break;
        }
        // "Eastern Valley Gas and Light (EVGL)": an acronym in parentheses that spells the
        // joined name shows where it ends.
        let spelled = and
            && tokens.get(index).is_some_and(|first| {
                acronym_after(&article.text[probe_token.end..]).is_some_and(|acronym| {
                    acronym_fits(&article.text[first.start..probe_token.end], acronym)
                })
            });
        let ends_in_head = is_head(probe_token) || spelled;
        if ends_in_head || (seen_head && (!and || in_complement)) || (step_has_head && !and) {
            extended = probe;
        }
        seen_head |= step_has_head;
        in_complement |= !and;
    }
    extended
}

/// Whether the token at `index` is initials ("D.Y.", "J.") right before a name word
/// ("D.Y. Chandrachud", "John F. Kennedy").
fn initials_before_name(article: &crate::Article, tokens: &[Token<'_>], index: usize) -> bool {
    let (Some(token), Some(next)) = (tokens.get(index), tokens.get(index + 1)) else {
        return false;
    };
    let initials = token.text.ends_with('.') && token.text.split_terminator('.').all(|part| {
        let mut letters = part.chars();
        matches!((letters.next(), letters.next()), (Some(letter), None) if letter.is_uppercase())
    });
    initials && article.text.get(token.end..next.start) == Some(" ") && is_name_token(next)
}

/// Whether text starts with an acronym in parentheses: " (MINUSMA)".
fn acronym_follows(rest: &str) -> bool {
    rest.strip_prefix(" (").and_then(|rest| rest.split_once(')')).is_some_and(|(acronym, _)| {
        (2..=8).contains(&acronym.len()) && acronym.chars().all(|c| c.is_ascii_uppercase())
    })
}

fn is_name_token(token: &Token<'_>) -> bool {
    (token.is_capitalized() || crate::lexicon::arabic_article(token.text).is_some())
        && token.text.chars().any(char::is_lowercase)
        && !token.text.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
}

fn classify_run(
    context: &Context<'_>,
    sentence: &Sentence,
    tokens: &[Token<'_>],
    run: &[Token<'_>],
    end: usize,
    annotations: &mut Annotations,
) {
    let article = context.article;
    let lexicon = context.lexicon;
    let mut run = run;
    // The organisation or facility word of the name: its last word, or the word before its
    // first connector ("Ministry" in "Ministry of Disaster Management and Relief").
    // A weak word ("Capital", "Exchange", "Systems") is the head only in a strong context,
    // and never before a connector.
    let head_of = |run: &[Token<'_>]| {
        let last = run.last().map(|token| strip_possessive(token.text));
        last.and_then(|last| NAME_HEADS.get(last))
            .filter(|_| {
                last.is_none_or(|last| !WEAK_HEADS.contains(last))
                    || weak_head_counts(context, annotations, sentence, tokens, run)
            })
            .or_else(|| {
                run.iter()
                    .filter(|token| !WEAK_HEADS.contains(token.text))
                    .filter_map(|token| NAME_HEADS.get(token.text))
                    .rfind(|class| **class != "Place")
                    .filter(|_| run.iter().any(|token| token.is_lowercase_word()))
            })
    };
    // Drop sentence-initial function words and demonyms ("The", "After", "Russian"); a demonym
    // stays in an organisation's name ("Somali Police Force").
    while let Some(first) = run.first() {
        let lower = first.text.to_lowercase();
        let drop = (first.initial
            && (FUNCTION_WORDS.contains(lower.as_str()) || lexicon.noun(&lower).is_some()))
            || (lexicon.demonym(first.text).is_some()
                && (run.len() < 3 || head_of(run).is_none_or(|class| *class == "Facility")))
            || HONORIFICS.contains(&first.text)
            || super::dates::month_number(first.text).is_some()
            || is_weekday(first.text)
            // "Later Delgado told reporters": a first word before a known surname.
            || (first.initial
                && run.len() == 2
                && lexicon.given_name(first.text).is_none()
                && run.get(1).is_some_and(|second| is_known_surname(lexicon, annotations, second.text)));
        if !drop {
            break;
        }
        run = &run[1..];
    }
    while let Some(last) = run.last() {
        if lexicon.demonym(last.text).is_some() {
            run = &run[..run.len() - 1];
        } else {
            break;
        }
    }
    // "National Police Service", "Spokane Police Department": a police or army word makes the
    // organisation a security force.
    let head = head_of(run).map(|class| {
        let security = run
            .iter()
            .take_while(|token| !token.is_lowercase_word())
            .any(|token| NAME_HEADS.get(token.text) == Some(&"SecurityForce"));
        if security && matches!(*class, "GovernmentOrganization" | "Organization") {
            &"SecurityForce"
        } else {
            class
        }
    });
    let head = research_center(run).or(head);
    // "Judge Richard Ashworth": a title before a name is not part of it.
    let mut stripped_title = false;
    let rank_name = run.len() == 2
        && tokens
            .iter()
            .position(|token| run.first().is_some_and(|first| first.start == token.start))
            .is_some_and(|position| {
                rank_before_common_word(context, annotations, tokens, position)
            });
    while head.is_none()
        && !rank_name
        && run.len() > 1
        && run.first().is_some_and(|first| lexicon.title_starts_with(first.text))
    {
        let longest = (1..run.len().min(4)).rev().find(|&length| {
            let (Some(first), Some(last)) = (run.first(), run.get(length - 1)) else {
                return false;
            };
            article
                .text
                .get(first.start..last.end)
                .is_some_and(|phrase| lexicon.title(&phrase.to_lowercase()).is_some())
        });
        let Some(length) = longest else { break };
        if let (Some(first), Some(last)) = (run.first(), run.get(length - 1)) {
            annotations.push(Mention {
                sentence: sentence.index,
                span: article.span(first.start, last.end),
                tag: Some(Tag::Ttl),
                class: "Title".into(),
                text: article.text[first.start..last.end].to_owned(),
                ..Mention::default()
            });
        }
        run = &run[length..];
        stripped_title = true;
    }
    let (Some(mut first), Some(last)) = (run.first(), run.last()) else { return };
    // The name ends where the run ends, without a possessive "'s" ("Meridian Digital's").
    let mut end =
        if end == last.end + 1 { end } else { last.start + strip_possessive(last.text).len() };
    // A lexicon place or organisation right before a name that has an organisation or facility
    // word is part of that name ("Bani Palace Hotel", "U.S. Geological Survey", "United Nations
    // Multidimensional Integrated Stabilization Mission in Mali"), and so is a town or region
    // name before a capitalised word ("Meridian Digital"): the lexicon mention gives way.
    // "UBS Group", "HSBC Holdings": an acronym right before a company's name is part of it.
    let with_acronym;
    let company_head = head.is_some_and(|class| *class == "Company") || last.text == "Group";
    if company_head
        && let Some(acronym) = acronym_before(context, annotations, sentence, tokens, first)
    {
        with_acronym = Token { start: acronym.start, ..*first };
        first = &with_acronym;
    }
    let mut absorbed = None;
    if let Some(before_index) = lexicon_name_right_before(context, annotations, sentence, first) {
        let small_place = annotations
            .mentions
            .get(before_index)
            .filter(|mention| mention.tag == Some(Tag::Gpe))
            .and_then(|mention| mention.entry)
            .and_then(|entry| lexicon.entry(entry))
            .is_some_and(|entry| matches!(entry.kind, EntryKind::City | EntryKind::Region));
        // ("In Mopti Ibrahim Sangare spoke": a given name starts a person's name instead.)
        if head.is_some()
            || (small_place && !stripped_title && lexicon.given_name(first.text).is_none())
        {
            absorbed = Some(before_index);
        }
    }
    let widened;
    if let Some(before) = absorbed.and_then(|index| annotations.mentions.get_mut(index)) {
        widened = Token { start: before.span.start, ..*first };
        first = &widened;
        // The shorter name is no mention of its own.
        before.inner = true;
        before.tag = None;
    }
    // "3rd Armoured Division": an ordinal begins the name of a military unit or a court.
    let ordinal_widened;
    if let Some(ordinal) = ordinal_before(article, tokens, first, run) {
        ordinal_widened = Token { start: ordinal.start, ..*first };
        first = &ordinal_widened;
    }
    // Lexicon places inside the name ("District of New York", "Mission in Mali") are part of it.
    let Annotations { by_sentence, mentions, .. } = &mut *annotations;
    for &inner in by_sentence.get(sentence.index).into_iter().flatten() {
        if let Some(mention) = mentions.get_mut(inner)
            && !mention.inner
            && mention.span.start >= first.start
            && mention.span.end <= end
        {
            mention.inner = true;
            mention.tag = None;
        }
    }
    let position = tokens.iter().position(|token| token.start == first.start).unwrap_or(0);
    let previous = position.checked_sub(1).and_then(|p| tokens.get(p));
    let next = tokens.iter().find(|token| token.start >= end);
    let name = &article.text[first.start..end];
    let words = run.len();

    // "Foo-based": a place.
    if run.len() == 1
        && let Some(place) = first.text.strip_suffix("-based")
    {
        push_kind(
            context,
            sentence,
            first.start,
            first.start + place.len(),
            Kind::Place,
            annotations,
        );
        return;
    }
    let honorific = previous.is_some_and(|token| HONORIFICS.contains(&token.text));
    // "President Wang", and "An FBI spokesman, Mark Ellison, said".
    let after_title = stripped_title
        || annotations
            .by_sentence
            .get(sentence.index)
            .into_iter()
            .flatten()
            .filter_map(|&index| annotations.mentions.get(index))
            .any(|mention| {
                mention.tag == Some(Tag::Ttl)
                    && article.text.get(mention.span.end..first.start).is_some_and(|gap| {
                        gap.trim().is_empty()
                            || (gap == ", " && article.text[end..].starts_with(','))
                    })
            });
    let given = lexicon.given_name(first.text);
    // "(Val Water)" after the department's full name is its short form; later "Val Water", or a
    // name spelt like one found earlier, names the same thing.
    if let Some(target) = short_form_of(context, annotations, sentence, first.start, end) {
        push_copy(context, sentence, first.start, end, target, true, annotations);
        return;
    }
    if let Some((target, alias)) = known_name(annotations, name) {
        push_copy(context, sentence, first.start, end, target, alias, annotations);
        return;
    }
    // "Pine Hollow Fire", "Hurricane Ida": a named disaster.
    if let Some(event_end) = disaster_name_end(context, tokens, run, end) {
        let class_iri = format!("{}Disaster", ng::NS);
        push_name(
            context,
            sentence,
            first.start,
            event_end,
            Tag::Evt,
            "Disaster",
            &class_iri,
            annotations,
        );
        return;
    }
    if let Some(class) = head
        && (run.len() > 1 || !first.initial)
    {
        let (tag, class_iri, class_name) = if *class == "Facility" {
            (Tag::Fac, ng::FACILITY.to_owned(), "Facility".to_owned())
        } else if *class == "LegalInstrument" {
            end = with_year(article, annotations, sentence, end);
            (Tag::Law, ng::LEGAL_INSTRUMENT.to_owned(), "LegalInstrument".to_owned())
        } else if *class == "Place" {
            (Tag::Gpe, schema::PLACE.to_owned(), "Place".to_owned())
        } else {
            let iri = organization_class(class).unwrap_or_else(|| schema::ORGANIZATION.to_owned());
            (Tag::Org, iri, (*class).to_owned())
        };
        push_name(context, sentence, first.start, end, tag, &class_name, &class_iri, annotations);
        return;
    }
    // "General Mills", "General Electric": a rank and a common word name an organisation,
    // unless the word is a noun of a description or an event ("General Election").
    if rank_name && run.get(1).is_some_and(|word| lexicon.noun(word.text).is_none()) {
        push_kind(context, sentence, first.start, end, Kind::Organization, annotations);
        return;
    }
    // "Procter & Gamble": a name with an ampersand is a company's.
    if name.contains(" & ") {
        push_name(
            context,
            sentence,
            first.start,
            end,
            Tag::Org,
            "Company",
            &organization_class("Company").unwrap_or_else(|| schema::ORGANIZATION.to_owned()),
            annotations,
        );
        return;
    }
    // "Gikomba market", "Khorgos dry port": a name before a facility noun names the facility;
    // "the Surma river", "the Surma and Kushiyara rivers": a name before a geographic noun is a
    // place; "its Andalus radio station": before a media noun, an organisation.
    if let Some((kind, facility_end)) = noun_after(context, tokens, end) {
        let name_end = if matches!(kind, NounAfter::Facility) { facility_end } else { end };
        // "the GK Stahlwerk union": an all-capital word right before the name belongs to it.
        let first = match kind {
            NounAfter::Media => {
                acronym_before(context, annotations, sentence, tokens, first).unwrap_or(first)
            }
            _ => first,
        };
        let (tag, class, class_iri) = match kind {
            NounAfter::Facility => (Tag::Fac, "Facility", ng::FACILITY),
            NounAfter::Place => (Tag::Gpe, "Place", schema::PLACE),
            NounAfter::Media => (Tag::Org, "Organization", schema::ORGANIZATION),
        };
        push_name(context, sentence, first.start, name_end, tag, class, class_iri, annotations);
        return;
    }
    // "the monitoring group OVD-Info", "the company Acme": a name after an organisation noun;
    // "a group calling itself Ansar al-Wadi".
    let after_org_noun =
        previous.is_some_and(|token| is_org_noun(token.text) || token.text == "itself");
    if after_org_noun && !first.initial {
        push_kind(context, sentence, first.start, end, Kind::Organization, annotations);
        return;
    }
    // "Hotel Warsan", "Camp Bastion": a facility word first, then one proper name ("merged
    // into Harbor Valley Foods", "Bridge Capital" are not facilities).
    if run.len() == 2
        && NAME_HEADS.get(first.text) == Some(&"Facility")
        && run.get(1).is_some_and(|second| {
            lexicon.given_name(second.text).is_none() && !is_common_word(lexicon, second.text)
        })
    {
        push_kind(context, sentence, first.start, end, Kind::Facility, annotations);
        return;
    }
    let rest = article.text.get(end..sentence.span.end).unwrap_or("");
    // "Grace Atieno, a 34-year-old vegetable seller": a name with an age is a person's.
    // ("Acme, a 90-year-old company" is not.)
    let with_age = rest
        .strip_prefix(", a ")
        .or_else(|| rest.strip_prefix(", an "))
        .and_then(|after| {
            let mut words = after.split([' ', ',', '.']);
            Some((words.next()?, words.next().unwrap_or("")))
        })
        .is_some_and(|(age, noun)| {
            age.ends_with("-year-old")
                && lexicon.noun(noun).is_none_or(|(noun, _)| {
                    !matches!(
                        noun.category,
                        crate::lexicon::NounCategory::Org | crate::lexicon::NounCategory::Facility
                    )
                })
        });
    // "(Reporting by Ezgi Toprak in Ankara and Burak Sener in Malatya; Editing by ...)":
    // credits name people.
    let in_credits = context
        .article
        .paragraphs
        .get(sentence.paragraph)
        .is_some_and(|paragraph| paragraph.kind == crate::article::ParagraphKind::Credits);
    let credited =
        in_credits && previous.is_some_and(|token| matches!(token.text, "by" | "By" | "and"));
    if honorific
        || after_title
        || with_age
        || credited
        || (given.is_some() && (run.len() > 1 || !first.initial))
    {
        let gender = given.flatten().or(match previous.map(|token| token.text) {
            Some("Mr." | "Mr") => Some(Gender::Male),
            Some("Mrs." | "Mrs" | "Ms." | "Ms") => Some(Gender::Female),
            _ => None,
        });
        let index = push_kind(context, sentence, first.start, end, Kind::Person, annotations);
        if let Some(mention) = annotations.mentions.get_mut(index) {
            mention.gender = gender;
        }
        return;
    }
    if first.initial && run.len() == 1 {
        // A lone capitalised first word is usually an ordinary word; a later mention of a
        // known person's surname is resolved by coreference instead.
        if !is_known_surname(lexicon, annotations, name) && !is_known_org_head(annotations, name) {
            return;
        }
    }
    // "the Commission" after "the European Commission": the last word of a known
    // organisation's name stands for it.
    if run.len() == 1 && is_known_org_head(annotations, name) {
        push_kind(context, sentence, first.start, end, Kind::Organization, annotations);
        return;
    }
    // "Salar Minerals" after "Salar Minerals S.A.": a company goes by its name without the
    // legal suffix.
    if run.len() > 1 && is_known_company_prefix(annotations, name) {
        push_kind(context, sentence, first.start, end, Kind::Organization, annotations);
        return;
    }
    // "The Alpha Group said": a name that ends in a weak company word is no person's, even
    // where the word does not make it an organisation.
    let weak_last =
        run.last().is_some_and(|token| WEAK_HEADS.contains(strip_possessive(token.text)));
    if is_known_surname(lexicon, annotations, name) && !weak_last {
        push_kind(context, sentence, first.start, end, Kind::Person, annotations);
        return;
    }
    // "Zhou said", "said Nasima Akter": whoever says or tells something is a person,
    // unless a lexicon or an organisation word said otherwise above.
    let says_after =
        rest.starts_with(" said") || rest.starts_with(" told") || rest.starts_with(" says");
    let says_before = previous.is_some_and(|token| matches!(token.text, "said" | "says" | "told"));
    if (says_after || says_before)
        && !weak_last
        && run.len() <= 3
        && !run.iter().any(|t| t.text.ends_with("-based"))
    {
        push_kind(context, sentence, first.start, end, Kind::Person, annotations);
        return;
    }
    // "an analyst at Halvorsen Privatbank in Munich", "Jane Doe of Castlegate Partners": an
    // employer, even where "at … in CITY" sounds like a place.
    if employer_after_job(context, annotations, sentence, tokens, position, words)
        || company_after_shares(tokens, position)
    {
        push_kind(context, sentence, first.start, end, Kind::Organization, annotations);
        return;
    }
    let preposition = previous.map(|token| token.text.to_lowercase());
    // "near the Red Fort": a name of several words after a preposition and "the".
    let before_the = position.checked_sub(2).and_then(|p| tokens.get(p)).map(|token| token.text);
    // ("according to PitchBook Data" names a source, not a place.)
    let according_to = preposition.as_deref() == Some("to")
        && before_the.is_some_and(|word| word.eq_ignore_ascii_case("according"));
    let place_context =
        (matches!(preposition.as_deref(), Some("in" | "at" | "near" | "from" | "to" | "outside"))
            && !according_to)
            || (preposition.as_deref() == Some("the")
                && words > 1
                && matches!(before_the, Some("in" | "at" | "near" | "outside")))
            || next.is_some_and(|token| {
                lexicon.noun(token.text).is_some_and(|(noun, _)| {
                    matches!(
                        noun.category,
                        crate::lexicon::NounCategory::Facility
                            | crate::lexicon::NounCategory::Event
                    ) && token.is_lowercase_word()
                })
            })
            || names_place_type(lexicon, tokens, position, next);
    // "walked into Lilac Lanes": a name of several words that someone walks, runs or breaks
    // into is a building's. After other words "into" tells nothing of the kind ("poured money
    // into", "a probe into", "merged into"), and a name after it is read like any other: by
    // its head word (above: "Grenfell Tower", "Acme Holdings") or the context below.
    let verb_before_into = position
        .checked_sub(2)
        .and_then(|p| tokens.get(p))
        .filter(|_| preposition.as_deref() == Some("into"))
        .map(|verb| verb.text);
    if words > 1 && verb_before_into.is_some_and(enters_building) {
        push_kind(context, sentence, first.start, end, Kind::Facility, annotations);
        return;
    }
    // "Troops pushed into Northern Kordofan": into a place after a verb of moving across land.
    let place_context = place_context || verb_before_into.is_some_and(crosses_into_place);
    if place_context && words <= 3 {
        push_kind(context, sentence, first.start, end, Kind::Place, annotations);
        return;
    }
    if absorbed.is_some() {
        // "Meridian Digital": a town name followed by a name is an organisation's name.
        push_kind(context, sentence, first.start, end, Kind::Organization, annotations);
        return;
    }
    rescue_unknown(context, sentence, run, first.start, end, annotations);
}

/// The last chances of an unknown name before it is left out: a frame, an apposition, a
/// coordination or an acronym that tells what it is. Otherwise a diagnostic.
fn rescue_unknown(
    context: &Context<'_>,
    sentence: &Sentence,
    run: &[Token<'_>],
    start: usize,
    end: usize,
    annotations: &mut Annotations,
) {
    let article = context.article;
    let name = &article.text[start..end];
    let rest = article.text.get(end..sentence.span.end).unwrap_or("");
    let initial = run.first().is_some_and(|first| first.initial);
    // "Soldiers seized …": a common noun of the lexicon that starts a sentence is no name.
    let common_noun = run.len() == 1 && initial && {
        let lower = crate::lexicon::lowercase(name);
        context.lexicon.noun(&lower).is_some() || context.lexicon.title(&lower).is_some()
    };
    if common_noun {
        return;
    }
    // "They have failed", "When the first blast went off": a capitalised function word starts a
    // sentence inside a quotation (which the sentence splitter keeps whole) and is no name.
    // All capitals ("US", "IT") may be an acronym, so those still get their diagnostic.
    let function_word = run.len() == 1 && !is_all_caps(name) && {
        let lower = crate::lexicon::lowercase(name);
        FUNCTION_WORDS.contains(&*lower)
    };
    if function_word {
        return;
    }
    // "a spokesman for the health ministry, Amadou Diallo, said".
    if run.len() <= 3 && titled_speaker(context, annotations, sentence, start, rest) {
        push_kind(context, sentence, start, end, Kind::Person, annotations);
        return;
    }
    // "Varnholt Holding, the investment vehicle of …"; "Eastern Valley Gas and Light
    // (EVGL)".
    let spelled = acronym_after(rest).is_some_and(|acronym| acronym_fits(name, acronym));
    if (!initial || run.len() > 1) && (organisation_apposition(context.lexicon, rest) || spelled) {
        push_kind(context, sentence, start, end, Kind::Organization, annotations);
        return;
    }
    // "in the Zandrovo area": a name before "area" after "the" is a place.
    if rest.starts_with(" area")
        && !rest[" area".len()..].starts_with(|c: char| c.is_alphanumeric())
        && article.text.get(..start).is_some_and(|before| before.ends_with("the "))
    {
        push_kind(context, sentence, start, end, Kind::Place, annotations);
        return;
    }
    // "Volkswagen and Daimler", "from Fresno, Darnell Flats and …".
    if let Some(partner) = conjunct_partner(context, annotations, sentence, start, end) {
        push_conjunct(context, sentence, start, end, partner, annotations);
        return;
    }
    annotations.diagnostics.push(crate::graph::Diagnostic {
        stage: "names",
        span: Some(article.span(start, end)),
        message: format!(
            "unknown name {name:?} left out: no lexicon entry and no context that tells what it is"
        ),
    });
}

/// Whether a word is written in capitals only ("US", "NATO"), with at least two letters.
fn is_all_caps(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() > 1 && !word.chars().any(char::is_lowercase)
}

/// Whether a run that ends in a weak head word ("Capital", "Exchange", "Systems") is an
/// organisation's name by it: a lexicon name or an acronym comes right before the run
/// ("Tokyo Stock Exchange", "Kenya Airways", "UBS Group"), or the run has two or more words,
/// all capitalised words or initials, and one of the others is no common English word
/// ("Blackstone Capital", "Lockheed Systems", "J.P. Morgan Capital"). "the Capital",
/// "Foreign Exchange", "Stock Exchange" and a sentence-initial "Systems" are not.
fn weak_head_counts(
    context: &Context<'_>,
    annotations: &Annotations,
    sentence: &Sentence,
    tokens: &[Token<'_>],
    run: &[Token<'_>],
) -> bool {
    let (Some(first), Some((_, others))) = (run.first(), run.split_last()) else { return false };
    if lexicon_name_right_before(context, annotations, sentence, first).is_some()
        || acronym_before(context, annotations, sentence, tokens, first).is_some()
    {
        return true;
    }
    if others.is_empty() || !others.iter().all(|token| is_name_token(token) || is_initials(token)) {
        return false;
    }
    others.iter().any(|token| {
        !is_common_word(context.lexicon, token.text)
            && context.lexicon.demonym(token.text).is_none()
    })
}

/// An acronym of two to five capital letters one space before `token`, not part of another
/// mention ("UBS" in "UBS Group", "HSBC" in "HSBC Holdings").
fn acronym_before<'t>(
    context: &Context<'_>,
    annotations: &Annotations,
    sentence: &Sentence,
    tokens: &'t [Token<'t>],
    token: &Token<'_>,
) -> Option<&'t Token<'t>> {
    let position = tokens.iter().position(|candidate| candidate.start == token.start)?;
    let before = tokens.get(position.checked_sub(1)?)?;
    let acronym = (2..=5).contains(&before.text.len())
        && before.text.bytes().all(|byte| byte.is_ascii_uppercase() || byte == b'&')
        && before.text.bytes().filter(u8::is_ascii_uppercase).count() >= 2;
    (acronym
        && context.article.text.get(before.end..token.start) == Some(" ")
        && !annotations.overlaps(sentence.index, before.start, before.end))
    .then_some(before)
}

/// Whether a token is initials ("J.", "J.P.").
fn is_initials(token: &Token<'_>) -> bool {
    token.text.ends_with('.') && token.text.split_terminator('.').all(|part| {
        let mut letters = part.chars();
        matches!((letters.next(), letters.next()), (Some(letter), None) if letter.is_uppercase())
    })
}

/// Whether a capitalised word is a common English word rather than a proper name: a function
/// word, a common word (`seed/common_words.txt`), a noun of `nouns.tsv`, the plural of a
/// common word ("Mills", "Motors", "Industries") or a noun in "-ics" ("Dynamics").
fn is_common_word(lexicon: &Lexicon, word: &str) -> bool {
    let lower = crate::lexicon::lowercase(strip_possessive(word));
    let lower = &*lower;
    let common = |word: &str| {
        COMMON_WORDS.contains(word) || FUNCTION_WORDS.contains(word) || lexicon.noun(word).is_some()
    };
    common(lower)
        || lower.strip_suffix("ies").is_some_and(|stem| common(&format!("{stem}y")))
        || lower.strip_suffix('s').is_some_and(|stem| !stem.ends_with('s') && common(stem))
        || (lower.len() > 5 && lower.ends_with("ics"))
}

/// Whether the token at `index` is a capitalised military rank written in full ("General",
/// "Admiral") before exactly one capitalised word that does not look like a person's name:
/// a common English word ("General Electric", "General Mills", "General Dynamics"), or any
/// word that "'s shares" or a legal suffix ("Inc", "Co.") follows; or before a common word
/// and more capitalised words that end in an organisation word ("General Atomics
/// Aeronautical Systems"). A given name, a surname known from the article or another word
/// is a name ("General Petraeus"); so is everything after an abbreviated rank ("Gen. Mills").
fn rank_before_common_word(
    context: &Context<'_>,
    annotations: &Annotations,
    tokens: &[Token<'_>],
    index: usize,
) -> bool {
    let text = &context.article.text;
    let lexicon = context.lexicon;
    let (Some(rank), Some(word)) = (tokens.get(index), tokens.get(index + 1)) else {
        return false;
    };
    let is_rank = rank.is_capitalized()
        && !rank.text.ends_with('.')
        && lexicon
            .title(&crate::lexicon::lowercase(rank.text))
            .is_some_and(|title| title.role == crate::lexicon::TitleRole::Military);
    if !is_rank || text.get(rank.end..word.start) != Some(" ") || !is_name_token(word) {
        return false;
    }
    // The capitalised words after the rank.
    let mut last = index + 1;
    while let (Some(current), Some(after)) = (tokens.get(last), tokens.get(last + 1))
        && text.get(current.end..after.start) == Some(" ")
        && (is_name_token(after) || crate::lexicon::arabic_article(after.text).is_some())
    {
        last += 1;
    }
    let bare = strip_possessive(word.text);
    if lexicon.given_name(bare).is_some() || is_known_surname(lexicon, annotations, bare) {
        return false;
    }
    let head = tokens.get(last).and_then(|token| NAME_HEADS.get(strip_possessive(token.text)));
    // Several words: "General Abdel Fattah al-Burhan" is a person's title and name; but a
    // common word and words that end in an organisation word are an organisation's name
    // ("General Atomics Aeronautical Systems"), and so is one word and a legal suffix
    // ("General Zorvex Inc.").
    if last > index + 1 {
        let organization = head.is_some_and(|class| !matches!(*class, "Place" | "LegalInstrument"));
        let suffix = last == index + 2
            && head == Some(&"Company")
            && tokens.get(last).is_some_and(|token| !WEAK_HEADS.contains(token.text));
        return organization && (suffix || is_common_word(lexicon, bare));
    }
    // ("said it" is no company context here: "General Petraeus said it worked".)
    let rest = text.get(word.end..).unwrap_or("");
    let rest = rest.strip_prefix(['\'', '’']).unwrap_or(rest);
    let shares = (is_possessive(word.text) || word.text.ends_with('s'))
        && [" shares", " stock"].iter().any(|cue| rest.starts_with(cue));
    shares || is_common_word(lexicon, bare)
}

/// Verbs after which "into" and a name enter a building ("walked into Lilac Lanes", "burst
/// into", "was booked into").
fn enters_building(verb: &str) -> bool {
    matches!(
        verb,
        "walked"
            | "walks"
            | "walk"
            | "ran"
            | "runs"
            | "stepped"
            | "strolled"
            | "wandered"
            | "burst"
            | "stormed"
            | "barged"
            | "broke"
            | "crashed"
            | "smashed"
            | "rammed"
            | "ploughed"
            | "plowed"
            | "checked"
            | "booked"
            | "sneaked"
            | "snuck"
    )
}

/// Verbs after which "into" and a name enter a territory ("troops pushed into", "fled
/// into", "crossed into").
fn crosses_into_place(verb: &str) -> bool {
    matches!(
        verb,
        "moved"
            | "advanced"
            | "pushed"
            | "crossed"
            | "marched"
            | "fled"
            | "deployed"
            | "spilled"
            | "strayed"
            | "infiltrated"
            | "incursion"
            | "incursions"
            | "drove"
    )
}

/// Common nouns for organisations that a name may follow ("the company Acme") or, after a
/// modifier, precede ("the WWF conservation group").
fn is_org_noun(word: &str) -> bool {
    matches!(
        word,
        "group"
            | "company"
            | "firm"
            | "party"
            | "agency"
            | "organisation"
            | "organization"
            | "movement"
            | "network"
            | "militia"
            | "charity"
            | "bank"
            | "newspaper"
            | "broadcaster"
            | "watchdog"
    )
}

/// What a common noun right after an unknown name makes of it.
#[derive(Clone, Copy)]
enum NounAfter {
    /// "Gikomba market": the name with the noun names a facility.
    Facility,
    /// "the Surma river": the name is a place.
    Place,
    /// "its Andalus radio station": the name is an organisation.
    Media,
}

/// The kind of name that a lowercase noun after it shows ("Gikomba market", "Khorgos dry
/// port", "Surma river", "the Surma and Kushiyara rivers", "Andalus radio"), and where a
/// facility's name then ends.
fn noun_after(
    context: &Context<'_>,
    tokens: &[Token<'_>],
    end: usize,
) -> Option<(NounAfter, usize)> {
    let text = &context.article.text;
    let position = tokens.iter().position(|token| token.start >= end)?;
    let next = tokens.get(position)?;
    if text.get(end..next.start) != Some(" ") || !next.is_lowercase_word() {
        return None;
    }
    let heads = |token: &Token<'_>| NAME_HEADS.get(token.text).copied();
    let facility = |token: &Token<'_>| {
        context.lexicon.noun(token.text).is_some_and(|(noun, plural)| {
            !plural && noun.category == crate::lexicon::NounCategory::Facility
        })
    };
    // "the Surma and Kushiyara rivers".
    if next.text == "and" {
        let mut word = position + 1;
        while tokens.get(word).is_some_and(is_name_token) && word < position + 4 {
            word += 1;
        }
        let noun = tokens.get(word).filter(|_| word > position + 1)?;
        return (heads(noun) == Some("Place") && noun.text.ends_with('s'))
            .then_some((NounAfter::Place, end));
    }
    match heads(next) {
        Some("Place") => return Some((NounAfter::Place, end)),
        Some(class) if organization_class(class).is_some() || class == "Organization" => {
            return Some((NounAfter::Media, end));
        }
        _ => {}
    }
    if facility(next) {
        return Some((NounAfter::Facility, next.end));
    }
    // "dry port", "nature park": one modifier before the noun.
    let after = tokens.get(position + 1)?;
    let modified = text.get(next.end..after.start) == Some(" ")
        && !FUNCTION_WORDS.contains(next.text)
        && context.lexicon.noun(next.text).is_none();
    if modified && facility(after) {
        return Some((NounAfter::Facility, after.end));
    }
    (modified && heads(after) == Some("Place")).then_some((NounAfter::Place, end))
}

/// A lexicon place or organisation mention that ends one space before `token`.
fn lexicon_name_right_before(
    context: &Context<'_>,
    annotations: &Annotations,
    sentence: &Sentence,
    token: &Token<'_>,
) -> Option<usize> {
    let before = token.start.checked_sub(1)?;
    if context.article.text.get(before..token.start) != Some(" ") {
        return None;
    }
    let index = annotations.mention_at(sentence.index, before.checked_sub(1)?)?;
    let mention = annotations.mentions.get(index)?;
    (matches!(mention.tag, Some(Tag::Gpe | Tag::Org))
        && mention.entry.is_some()
        && mention.span.end == before)
        .then_some(index)
}

/// Acronyms: "the Securities and Exchange Commission (SEC)" defines SEC; later "SEC" (or
/// "the SEC") refers to the same thing.
fn acronyms(
    context: &Context<'_>,
    sentence: &Sentence,
    tokens: &[Token<'_>],
    annotations: &mut Annotations,
) {
    let article = context.article;
    for (position, token) in tokens.iter().enumerate() {
        let is_acronym = token.text.len() >= 2
            && token.text.len() <= 8
            && token.text.chars().all(|c| c.is_ascii_uppercase())
            && !annotations.overlaps(sentence.index, token.start, token.end);
        if !is_acronym {
            continue;
        }
        let before = article.text.get(..token.start).unwrap_or("");
        let after = article.text.get(token.end..).unwrap_or("");
        let definition = if before.ends_with('(') && after.starts_with(')') {
            // The name right before " (": the mention that ends there.
            before
                .trim_end_matches('(')
                .trim_end()
                .len()
                .checked_sub(1)
                .and_then(|last| annotations.mention_at(sentence.index, last))
        } else {
            None
        };
        let Some(target) = definition.or_else(|| annotations.acronyms.get(token.text).copied())
        else {
            // "state broadcaster TRT", "the WWF conservation group": an unknown acronym next to
            // an organisation noun is an organisation's name.
            let previous = position.checked_sub(1).and_then(|p| tokens.get(p));
            let next = tokens.get(position + 1);
            let after_next = tokens.get(position + 2);
            let org_context = previous.is_some_and(|previous| is_org_noun(previous.text))
                || next.is_some_and(|next| is_org_noun(next.text))
                || (next.is_some_and(|next| {
                    next.is_lowercase_word() && !FUNCTION_WORDS.contains(next.text)
                }) && after_next.is_some_and(|after| is_org_noun(after.text)));
            // "Volkswagen and KLX": an acronym coordinated with a typed organisation or place.
            if !org_context
                && let Some(partner) =
                    conjunct_partner(context, annotations, sentence, token.start, token.end)
                && annotations.mentions.get(partner).is_some_and(|m| m.tag == Some(Tag::Org))
            {
                push_conjunct(context, sentence, token.start, token.end, partner, annotations);
                continue;
            }
            if org_context {
                let index = push_kind(
                    context,
                    sentence,
                    token.start,
                    token.end,
                    Kind::Organization,
                    annotations,
                );
                annotations.acronyms.entry(token.text.to_owned()).or_insert(index);
            }
            continue;
        };
        let Some(full) = annotations.mentions.get(target).cloned() else { continue };
        if !matches!(full.tag(), Tag::Org | Tag::Gpe | Tag::Law | Tag::Fac | Tag::Grp) {
            continue;
        }
        annotations.acronyms.entry(token.text.to_owned()).or_insert(target);
        annotations.push(Mention {
            sentence: sentence.index,
            span: article.span(token.start, token.end),
            tag: full.tag,
            class: full.class.clone(),
            class_iri: full.class_iri.clone(),
            text: token.text.to_owned(),
            entry: full.entry,
            proper: true,
            definite: true,
            alias_of: Some(target),
            ..Mention::default()
        });
    }
}

/// Where an instrument's name ends with the year after it ("National Security Act 2023"): the
/// year's date mention becomes part of the name.
fn with_year(
    article: &crate::Article,
    annotations: &mut Annotations,
    sentence: &Sentence,
    end: usize,
) -> usize {
    let Some(year_end) = year_after(article, end) else { return end };
    let Annotations { by_sentence, mentions, .. } = annotations;
    for &date in by_sentence.get(sentence.index).into_iter().flatten() {
        if let Some(mention) = mentions.get_mut(date)
            && mention.span.start > end
            && mention.span.end <= year_end
        {
            mention.inner = true;
            mention.tag = None;
        }
    }
    year_end
}

/// The end of a four-digit year one space after `end` ("National Security Act 2023").
fn year_after(article: &crate::Article, end: usize) -> Option<usize> {
    let rest = article.text.get(end..)?.strip_prefix(' ')?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let year_like = digits == 4
        && rest.starts_with(['1', '2'])
        && !rest[digits..].starts_with(|c: char| c.is_alphanumeric());
    year_like.then_some(end + 1 + digits)
}

/// Whether the lexicon mention `previous` and the lexicon entry found at `start` are a
/// country and an international organisation one space apart, in either order: "Kenya Red
/// Cross", "Amnesty International Kenya" (but not "U.S. Congress", the country's own).
///
/// An intergovernmental organisation has members, not national branches: a country right
/// before or after one is a modifier of the phrase ("Ukraine NATO talks", "the France UN
/// envoy", "Germany European Union presidency"), so the two stay separate mentions. Only
/// non-governmental organisations and companies, which do found national branches under
/// their own name, merge.
fn national_branch(
    context: &Context<'_>,
    annotations: &Annotations,
    previous: usize,
    entry_index: usize,
    start: usize,
) -> bool {
    let lexicon = context.lexicon;
    let Some(mention) = annotations.mentions.get(previous) else { return false };
    let (Some(first), Some(second)) =
        (mention.entry.and_then(|entry| lexicon.entry(entry)), lexicon.entry(entry_index))
    else {
        return false;
    };
    if mention.span.end + 1 != start
        || context.article.text.get(mention.span.end..start) != Some(" ")
    {
        return false;
    }
    let (country, organization) = match (first.kind, second.kind) {
        (EntryKind::Country, EntryKind::Organization) => (first, second),
        (EntryKind::Organization, EntryKind::Country) => (second, first),
        _ => return false,
    };
    organization.country.is_none()
        && country.country.is_some()
        && local_name(&organization.class) != "IntergovernmentalOrganization"
}

/// Whether text ends with a lowercase Arabic article and its hyphen ("... Ansar al-").
fn after_arabic_article(before: &str) -> bool {
    let Some(before) = before.strip_suffix('-') else { return false };
    let article_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(position, c)| position + c.len_utf8());
    let word = &before[article_start..];
    crate::lexicon::is_arabic_article(word)
}

/// Whether a word ends a name: a possessive, except of a common noun inside a name
/// ("People's Union for Civil Liberties", "Children's Fund").
fn ends_name(context: &Context<'_>, word: &str) -> bool {
    is_possessive(word) && context.lexicon.noun(strip_possessive(word)).is_none()
}

/// Whether a word ends with the possessive "'s".
fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s")
}

/// A word without its possessive "'s".
fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word)
}

fn is_weekday(word: &str) -> bool {
    matches!(
        word,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

/// How many of the latest mentions are searched for a known surname or organisation word: a
/// bound on the work per name in very long inputs.
const KNOWN_NAME_WINDOW: usize = 4096;

fn is_known_org_head(annotations: &Annotations, name: &str) -> bool {
    name.len() > 3
        && annotations.mentions.iter().rev().take(KNOWN_NAME_WINDOW).any(|mention| {
            mention.tag == Some(Tag::Org)
                && mention.proper
                && mention.text != name
                && (mention.text.rsplit(' ').next() == Some(name)
                    // Companies go by their first word ("Huaxin" for "Huaxin New Energy Co").
                    || (mention.class == "Company" && mention.text.split(' ').next() == Some(name)))
        })
}

/// Whether `name` is the leading words of a company named earlier ("Salar Minerals" for
/// "Salar Minerals S.A."), the rest being legal suffixes only.
pub(crate) fn is_company_prefix(company: &str, name: &str) -> bool {
    company.strip_prefix(name).and_then(|rest| rest.strip_prefix(' ')).is_some_and(|rest| {
        rest.split([' ', ',']).filter(|word| !word.is_empty()).all(|word| {
            NAME_HEADS.get(word).or_else(|| NAME_HEADS.get(word.trim_end_matches('.')))
                == Some(&"Company")
        })
    })
}

fn is_known_company_prefix(annotations: &Annotations, name: &str) -> bool {
    annotations.mentions.iter().rev().take(KNOWN_NAME_WINDOW).any(|mention| {
        mention.tag == Some(Tag::Org)
            && mention.proper
            && mention.class == "Company"
            && is_company_prefix(&mention.text, name)
    })
}

fn is_known_surname(lexicon: &Lexicon, annotations: &Annotations, name: &str) -> bool {
    annotations.mentions.iter().rev().take(KNOWN_NAME_WINDOW).any(|mention| {
        mention.tag == Some(Tag::Per)
            && mention.text != name
            && is_surname_of(lexicon, &mention.text, name)
    })
}

/// Whether `word` is the surname in a person's full name: its last word, or its first word
/// when that is no known given name and the name has two or three words (names written
/// surname first, "Wang" in "Wang Jianguo").
pub(crate) fn is_surname_of(lexicon: &Lexicon, full_name: &str, word: &str) -> bool {
    let mut words = full_name.split(' ');
    let first = words.next();
    let n_words = 1 + words.clone().count();
    words.next_back().or(first) == Some(word)
        || (first == Some(word) && (2..=3).contains(&n_words) && lexicon.given_name(word).is_none())
}

/// The kinds of name the context decides on, each with its tag and class.
#[derive(Clone, Copy)]
enum Kind {
    Person,
    Organization,
    Place,
    Facility,
}

/// Pushes a name mention of one of the kinds the context decides on.
/// The most words in a name of a byline in capitals.
const MAX_BYLINE_NAME_WORDS: usize = 4;

/// "By JANE DOE and JOHN ROE Associated Press": the names of a byline in capitals (the
/// article parser keeps a byline as a credits paragraph), each run of two to four words in
/// capitals after "By" or "and", as people.
fn byline_names(
    context: &Context<'_>,
    sentence: &Sentence,
    tokens: &[Token<'_>],
    annotations: &mut Annotations,
) {
    let in_credits = context
        .article
        .paragraphs
        .get(sentence.paragraph)
        .is_some_and(|paragraph| paragraph.kind == crate::article::ParagraphKind::Credits);
    if !in_credits || tokens.first().is_none_or(|token| !matches!(token.text, "By" | "BY")) {
        return;
    }
    let in_capitals = |token: &Token<'_>| {
        token.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && token.text.chars().all(|c| c.is_uppercase() || matches!(c, '-' | '\'' | '.'))
            && !matches!(token.text, "AND" | "BY")
    };
    let mut index = 1;
    while index < tokens.len() {
        let run_end = tokens
            .iter()
            .skip(index)
            .position(|token| !in_capitals(token))
            .map_or(tokens.len(), |length| index + length);
        if (2..=MAX_BYLINE_NAME_WORDS).contains(&(run_end - index))
            && let (Some(first), Some(last)) = (tokens.get(index), tokens.get(run_end - 1))
            && !annotations.overlaps(sentence.index, first.start, last.end)
        {
            push_kind(context, sentence, first.start, last.end, Kind::Person, annotations);
        }
        // Another name only after "and".
        match tokens.get(run_end) {
            Some(token) if matches!(token.text, "and" | "AND" | "&") => index = run_end + 1,
            _ => break,
        }
    }
}

fn push_kind(
    context: &Context<'_>,
    sentence: &Sentence,
    start: usize,
    end: usize,
    kind: Kind,
    annotations: &mut Annotations,
) -> usize {
    let (tag, class, class_iri) = match kind {
        Kind::Person => (Tag::Per, "Person", schema::PERSON),
        Kind::Organization => (Tag::Org, "Organization", schema::ORGANIZATION),
        Kind::Place => (Tag::Gpe, "Place", schema::PLACE),
        Kind::Facility => (Tag::Fac, "Facility", ng::FACILITY),
    };
    push_name(context, sentence, start, end, tag, class, class_iri, annotations)
}

#[expect(clippy::too_many_arguments, reason = "a constructor with one call shape")]
pub(crate) fn push_name(
    context: &Context<'_>,
    sentence: &Sentence,
    start: usize,
    end: usize,
    tag: Tag,
    class: &str,
    class_iri: &str,
    annotations: &mut Annotations,
) -> usize {
    annotations.push(Mention {
        sentence: sentence.index,
        span: context.article.span(start, end),
        tag: Some(tag),
        class: class.to_owned().into(),
        class_iri: class_iri.to_owned().into(),
        text: context.article.text[start..end].to_owned(),
        proper: true,
        definite: true,
        ..Mention::default()
    })
}

/// The part of an IRI after its last `#` or `/`.
pub(crate) fn local_name(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or(iri)
}

// Unknown names: what the rest of the document, the coordination, an apposition or a frame
// around a name tells about it, before it is left out.

/// The class named by an organisation word that a following "of" phrase or a preceding
/// policy word turns from a facility into an organisation: "Horn Policy Centre", "Centre for
/// Strategic Studies" are think tanks, not buildings.
fn research_center<'a>(run: &[Token<'_>]) -> Option<&'a &'static str> {
    static ORGANIZATION: &str = "Organization";
    let last = run.last()?;
    if !matches!(last.text, "Center" | "Centre") || run.len() < 2 {
        return None;
    }
    run.iter()
        .any(|token| {
            matches!(
                token.text,
                "Policy"
                    | "Research"
                    | "Studies"
                    | "Study"
                    | "Strategic"
                    | "Analysis"
                    | "Rights"
                    | "Justice"
                    | "Legal"
                    | "Monitoring"
                    | "Documentation"
                    | "Information"
                    | "Peace"
                    | "Democracy"
                    | "Development"
                    | "Progress"
                    | "Economic"
                    | "Security"
            )
        })
        .then_some(&ORGANIZATION)
}

/// Whether a capitalised word is the plural of a title ("Chad Doctors' Union", "Journalists'
/// Syndicate").
fn is_title_plural(lexicon: &Lexicon, word: &str) -> bool {
    let lower = crate::lexicon::lowercase(word);
    lower.ends_with('s') && lexicon.title(&lower).is_some()
}

/// Whether `word` is an ordinal written in digits ("7th", "1st", "82nd").
fn is_digit_ordinal(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&word[digits..], "st" | "nd" | "rd" | "th")
}

/// The ordinal right before a name with a military or court unit word ("3rd Armoured
/// Division", "9th Circuit", "101st Airborne Division"), which begins that name.
fn ordinal_before<'t>(
    article: &crate::Article,
    tokens: &'t [Token<'t>],
    first: &Token<'_>,
    run: &[Token<'_>],
) -> Option<&'t Token<'t>> {
    // The unit word ends the name or comes before its first connector ("1st Brigade of …").
    let unit = |token: &Token<'_>| {
        matches!(
            strip_possessive(token.text),
            "Division"
                | "Brigade"
                | "Battalion"
                | "Regiment"
                | "Circuit"
                | "Fleet"
                | "Corps"
                | "Army"
        )
    };
    let before_connector = run.iter().take_while(|token| !token.is_lowercase_word()).last();
    if !(run.last().is_some_and(unit) || before_connector.is_some_and(unit)) {
        return None;
    }
    let position = tokens.iter().position(|token| token.start == first.start)?;
    let ordinal = tokens.get(position.checked_sub(1)?)?;
    (is_digit_ordinal(ordinal.text) && article.text.get(ordinal.end..first.start) == Some(" "))
        .then_some(ordinal)
}

/// Words that, with a name after them ("Hurricane X"), name a natural disaster. A bare
/// "Storm" is left out: it begins the names of things too ("Storm Shadow missiles"); "Tropical
/// Storm X" is one.
const DISASTER_FIRST_WORDS: [&str; 5] =
    ["Hurricane", "Typhoon", "Cyclone", "Superstorm", "Tropical"];

/// Where a named disaster ends: "Pine Hollow Fire", "the Dixie Complex fire" (with its
/// lowercase "fire"), "Hurricane Ida", "Tropical Storm Alberto". `None` when the run is no
/// such name. An organisation named like a fire that speaks or has staff ("Brant Fire said",
/// "Brant Fire officials", "Brant Fire Chief …") and a thing named like a storm ("Storm Shadow
/// missiles": a noun of the lexicon after it) are not disasters.
fn disaster_name_end(
    context: &Context<'_>,
    tokens: &[Token<'_>],
    run: &[Token<'_>],
    end: usize,
) -> Option<usize> {
    let article = context.article;
    let (first, last) = (run.first()?, run.last()?);
    if run.len() < 2 {
        return None;
    }
    let rest = article.text.get(end..).unwrap_or("");
    let speaks = [" said", " says", " told", " spokes"].iter().any(|verb| rest.starts_with(verb));
    let next = tokens.iter().find(|token| token.start >= end);
    let noun_after = next.is_some_and(|next| {
        article.text.get(end..next.start) == Some(" ")
            && next.text != "fire"
            && (context.lexicon.noun(&crate::lexicon::lowercase(next.text)).is_some_and(
                |(noun, _)| {
                    !matches!(
                        noun.category,
                        crate::lexicon::NounCategory::Toll | crate::lexicon::NounCategory::Event
                    )
                },
            ) || context.lexicon.title_starts_with(next.text))
    });
    if speaks || noun_after {
        return None;
    }
    if last.text == "Fire" && !run.iter().any(|token| NAME_HEADS.contains_key(token.text)) {
        return Some(end);
    }
    if last.text == "Complex" {
        let next = tokens.iter().find(|token| token.start >= end)?;
        return (next.text == "fire" && article.text.get(end..next.start) == Some(" "))
            .then_some(next.end);
    }
    let second = run.get(1)?;
    let named = if first.text == "Tropical" {
        second.text == "Storm" && run.len() >= 3
    } else {
        DISASTER_FIRST_WORDS.contains(&first.text)
    };
    named.then_some(end)
}

/// An earlier proper name of the document spelt exactly like `name` ("Acme Widgets won …"
/// after "engineering group Acme Widgets"), or the full name whose parenthesised short form
/// it is ("Val Water"): the mention to copy.
fn known_name(annotations: &Annotations, name: &str) -> Option<(usize, bool)> {
    if let Some(&target) = annotations.acronyms.get(name) {
        return Some((target, true));
    }
    annotations
        .mentions
        .iter()
        .enumerate()
        .rev()
        .take(KNOWN_NAME_WINDOW)
        .find(|(_, mention)| {
            mention.proper
                && mention.text == name
                && matches!(mention.tag, Some(Tag::Org | Tag::Gpe | Tag::Fac | Tag::Evt))
        })
        .map(|(index, _)| (index, false))
}

/// The full name that a name in parentheses right after it shortens: "California
/// Department of Water and Power Works (Val Water)".
fn short_form_of(
    context: &Context<'_>,
    annotations: &Annotations,
    sentence: &Sentence,
    start: usize,
    end: usize,
) -> Option<usize> {
    let text = &context.article.text;
    if !text.get(end..)?.starts_with(')') {
        return None;
    }
    let before = text.get(..start)?.strip_suffix(" (")?;
    let full = annotations.mention_at(sentence.index, before.len().checked_sub(1)?)?;
    let mention = annotations.mentions.get(full)?;
    (mention.span.end == before.len()
        && mention.proper
        && matches!(mention.tag, Some(Tag::Org | Tag::Fac | Tag::Evt | Tag::Law))
        && mention.text.split(' ').count() > text.get(start..end)?.split(' ').count())
    .then_some(full)
}

/// Pushes a mention at `start..end` that names what mention `target` names: a short form
/// or a repetition.
fn push_copy(
    context: &Context<'_>,
    sentence: &Sentence,
    start: usize,
    end: usize,
    target: usize,
    alias: bool,
    annotations: &mut Annotations,
) -> Option<usize> {
    let full = annotations.mentions.get(target)?.clone();
    let text = context.article.text.get(start..end)?.to_owned();
    if alias {
        annotations.acronyms.entry(text.clone()).or_insert(target);
    }
    Some(annotations.push(Mention {
        sentence: sentence.index,
        span: context.article.span(start, end),
        tag: full.tag,
        class: full.class.clone(),
        class_iri: full.class_iri.clone(),
        text,
        entry: full.entry,
        proper: true,
        definite: true,
        alias_of: alias.then_some(target),
        ..Mention::default()
    }))
}

/// The typed name coordinated with the name at `start..end`: "Volkswagen and KLX", "from
/// Fresno, Darnell Flats and two villages", "Daimler, KLX and Volkswagen".
/// Only organisations and places give their kind.
fn conjunct_partner(
    context: &Context<'_>,
    annotations: &Annotations,
    sentence: &Sentence,
    start: usize,
    end: usize,
) -> Option<usize> {
    let text = &context.article.text;
    let before = text.get(sentence.span.start..start)?;
    let after = text.get(end..sentence.span.end)?;
    let typed = |index: usize| {
        annotations.mentions.get(index).is_some_and(|mention| {
            mention.proper
                && !mention.inner
                && matches!(mention.tag, Some(Tag::Org | Tag::Gpe))
                && mention.alias_of.is_none()
        })
    };
    // A comma joins only inside a list that goes on after the name ("Fresno, Darnell Flats
    // and …"), not before an apposition ("the Old Bailey, London's criminal court").
    // ("In Frankfurt, Kessler Brandt and Volkswagen said": an introductory place is no
    // conjunct, nor is a partner of another kind than the next conjunct.)
    let list_goes_on = after.starts_with(" and ") || after.starts_with(", ");
    let next_tag = [" and ", ", "].iter().find_map(|connector| {
        after.strip_prefix(connector)?;
        let first = end + connector.len();
        let index = annotations.mention_at(sentence.index, first)?;
        annotations
            .mentions
            .get(index)
            .filter(|mention| mention.span.start == first && mention.proper)?
            .tag
            .filter(|tag| matches!(tag, Tag::Per | Tag::Org | Tag::Gpe | Tag::Fac))
    });
    let left = [" and ", ", ", " & "].iter().find_map(|connector| {
        if *connector == ", " && !list_goes_on {
            return None;
        }
        let stem = before.strip_suffix(connector)?;
        let last = sentence.span.start + stem.len();
        let index = annotations.mention_at(sentence.index, last.checked_sub(1)?)?;
        let partner = annotations.mentions.get(index)?;
        let introductory = *connector == ", "
            && text.get(sentence.span.start..partner.span.start).is_some_and(|opening| {
                matches!(opening.trim_end(), "In" | "At" | "From" | "Near" | "Outside" | "Inside")
            });
        let other_kind = *connector == ", " && next_tag.is_some_and(|tag| Some(tag) != partner.tag);
        (partner.span.end == last && typed(index) && !introductory && !other_kind).then_some(index)
    });
    left.or_else(|| {
        [" and ", " & "].iter().find_map(|connector| {
            after.strip_prefix(connector)?;
            let first = end + connector.len();
            let index = annotations.mention_at(sentence.index, first)?;
            (annotations.mentions.get(index)?.span.start == first && typed(index)).then_some(index)
        })
    })
}

/// Pushes the name at `start..end` as a conjunct of mention `partner`: an organisation of
/// its class, or a place.
fn push_conjunct(
    context: &Context<'_>,
    sentence: &Sentence,
    start: usize,
    end: usize,
    partner: usize,
    annotations: &mut Annotations,
) -> Option<usize> {
    let partner = annotations.mentions.get(partner)?;
    if partner.tag == Some(Tag::Gpe) {
        return Some(push_kind(context, sentence, start, end, Kind::Place, annotations));
    }
    let (class, class_iri) = (partner.class.to_string(), partner.class_iri.to_string());
    Some(push_name(context, sentence, start, end, Tag::Org, &class, &class_iri, annotations))
}

/// Whether an apposition after the name describes an organisation: "NAME, the investment
/// vehicle of …", "NAME, a Munich-based lender, …". The apposition's head noun (its last
/// word before "of", a comma, a relative pronoun or the end) must be an organisation noun.
fn organisation_apposition(lexicon: &Lexicon, rest: &str) -> bool {
    let Some(apposition) = [", the ", ", a ", ", an "].iter().find_map(|p| rest.strip_prefix(p))
    else {
        return false;
    };
    let phrase_end = apposition
        .find([',', '.', ';', '('])
        .into_iter()
        .chain(
            [" of ", " that ", " which ", " based ", " in ", " with ", " owned "]
                .iter()
                .filter_map(|word| apposition.find(word)),
        )
        .min()
        .unwrap_or(apposition.len());
    let words: Vec<&str> = apposition[..phrase_end].split(' ').collect();
    if words.len() > 4 || words.iter().any(|word| word.chars().any(char::is_uppercase)) {
        return false;
    }
    let Some(head) = words.last() else { return false };
    is_org_noun(head)
        || matches!(
            *head,
            "vehicle"
                | "subsidiary"
                | "unit"
                | "arm"
                | "lender"
                | "insurer"
                | "maker"
                | "manufacturer"
                | "producer"
                | "supplier"
                | "retailer"
                | "carrier"
                | "operator"
                | "conglomerate"
                | "union"
                | "fund"
                | "investor"
                | "consultancy"
                | "startup"
                | "company"
        )
        || lexicon.noun(head).is_some_and(|(noun, plural)| {
            !plural && noun.category == crate::lexicon::NounCategory::Org
        })
}

/// Whether the name is the one of a person in a "TITLE for ORG, NAME, said" frame: "a
/// spokesman for the health ministry, Amadou Diallo, said" (a title earlier in the clause,
/// then "for", "of" or "at", the name between commas, then a speech verb).
fn titled_speaker(
    context: &Context<'_>,
    annotations: &Annotations,
    sentence: &Sentence,
    start: usize,
    rest: &str,
) -> bool {
    let text = &context.article.text;
    let says = [", said", ", told", ", says", ", added"].iter().any(|verb| rest.starts_with(verb));
    if !says || !text.get(..start).is_some_and(|before| before.ends_with(", ")) {
        return false;
    }
    annotations
        .by_sentence
        .get(sentence.index)
        .into_iter()
        .flatten()
        .filter_map(|&index| annotations.mentions.get(index))
        .any(|mention| {
            mention.tag == Some(Tag::Ttl)
                && mention.span.end < start
                && text.get(mention.span.end..start).is_some_and(|between| {
                    between.len() <= 80
                        && [" for ", " of ", " at ", " with "]
                            .iter()
                            .any(|word| between.starts_with(word))
                        && !between.contains(['"', ';', '“', '”'])
                        && between.matches(", ").count() == 1
                })
        })
}

/// Whether the name is the employer in "an analyst at NAME", "economist with NAME",
/// "Jane Doe of NAME": after a job word (a title of `titles.tsv` or a people noun of
/// `nouns.tsv`) or a person's name, and "at", "with" or "of".
fn employer_after_job(
    context: &Context<'_>,
    annotations: &Annotations,
    sentence: &Sentence,
    tokens: &[Token<'_>],
    position: usize,
    words: usize,
) -> bool {
    let (Some(preposition), Some(job)) = (
        position.checked_sub(1).and_then(|p| tokens.get(p)),
        position.checked_sub(2).and_then(|p| tokens.get(p)),
    ) else {
        return false;
    };
    if !matches!(preposition.text, "at" | "with" | "of") {
        return false;
    }
    let lexicon = context.lexicon;
    // ("Analysts at …" starts a sentence.)
    let job_text = crate::lexicon::lowercase(job.text);
    let lowercase = job.is_lowercase_word() || (job.initial && job.is_capitalized());
    let title = lowercase && lexicon.title(&job_text).is_some();
    let job_word = lowercase
        && preposition.text != "of"
        && (title
            || lexicon.noun(&job_text).is_some_and(|(noun, plural)| {
                !plural && noun.category == crate::lexicon::NounCategory::People
            }));
    let person = annotations
        .mention_at(sentence.index, job.start)
        .and_then(|index| annotations.mentions.get(index))
        .is_some_and(|mention| mention.tag == Some(Tag::Per) && mention.span.end == job.end);
    // One word is enough after a title and "at" or "with" ("an analyst at Jefferies").
    (words > 1 && (job_word || person)) || (title && preposition.text != "of")
}

/// Whether the name is a company's in "shares in NAME", "shares of NAME", "stake in NAME".
fn company_after_shares(tokens: &[Token<'_>], position: usize) -> bool {
    let (Some(preposition), Some(noun)) = (
        position.checked_sub(1).and_then(|p| tokens.get(p)),
        position.checked_sub(2).and_then(|p| tokens.get(p)),
    ) else {
        return false;
    };
    matches!(preposition.text, "in" | "of")
        && matches!(
            &*crate::lexicon::lowercase(noun.text),
            "shares" | "stake" | "stock" | "bonds" | "stakes"
        )
}

/// The letters of a parenthesised acronym right after `rest`'s start (" (EVGL)"), if any.
fn acronym_after(rest: &str) -> Option<&str> {
    let (acronym, _) = rest.strip_prefix(" (")?.split_once(')')?;
    ((2..=8).contains(&acronym.len()) && acronym.chars().all(|c| c.is_ascii_uppercase()))
        .then_some(acronym)
}

/// Whether an acronym spells the initials of a name's capitalised words, with or without
/// those of its function words ("Eastern Valley Gas and Light" — EVGL, "Defence and Security
/// Council" — DSC).
fn acronym_fits(name: &str, acronym: &str) -> bool {
    let initials = |all: bool| -> String {
        name.split([' ', '-'])
            .filter(|word| all || word.chars().next().is_some_and(char::is_uppercase))
            .filter_map(|word| word.chars().next())
            .map(|c| c.to_ascii_uppercase())
            .filter(|c| *c != '&' || all)
            .collect()
    };
    initials(false) == acronym || initials(true) == acronym
}

/// Whether an organisation name of the lexicon found at `start` is only the tail of a longer
/// name joined by "and" or "of" ("Defence and Security Council" is not the UN's "Security
/// Council"): a capitalised word that is no mention, then the connector, right before it.
fn tail_of_longer_name(
    context: &Context<'_>,
    annotations: &Annotations,
    sentence: &Sentence,
    tokens: &[Token<'_>],
    name: &str,
    start: usize,
) -> bool {
    let article = context.article;
    if name.split(' ').count() < 2 {
        return false;
    }
    let Some(position) = tokens.iter().position(|token| token.start == start) else {
        return false;
    };
    let (Some(connector), Some(word)) = (
        position.checked_sub(1).and_then(|p| tokens.get(p)),
        position.checked_sub(2).and_then(|p| tokens.get(p)),
    ) else {
        return false;
    };
    // A name with a determiner, a possessive or an acronym before it ("the Defence and Security
    // Council", "the bloc's Defence and …", "AU Defence and …"), not a person's name ("Guterres and Security Council members").
    let determined = position.checked_sub(3).and_then(|p| tokens.get(p)).is_some_and(|before| {
        matches!(
            &*crate::lexicon::lowercase(before.text),
            "the" | "its" | "their" | "his" | "her" | "our"
        ) || is_possessive(before.text)
            || (before.text.len() >= 2 && before.text.chars().all(|c| c.is_ascii_uppercase()))
    });
    determined
        && matches!(connector.text, "and" | "&")
        && article.text.get(word.end..connector.start) == Some(" ")
        && article.text.get(connector.end..start) == Some(" ")
        && is_name_token(word)
        && !word.initial
        && !FUNCTION_WORDS.contains(&*crate::lexicon::lowercase(word.text))
        && context.lexicon.demonym(word.text).is_none()
        && !annotations.overlaps(sentence.index, word.start, word.end)
}

/// The top-level name mentions of a sentence in text order (mentions are pushed stage by
/// stage, not in text order).
fn mentions_in_order(annotations: &Annotations, sentence: &Sentence) -> Vec<usize> {
    let mut mentions: Vec<usize> = annotations
        .by_sentence
        .get(sentence.index)
        .into_iter()
        .flatten()
        .copied()
        .filter(|&index| {
            annotations.mentions.get(index).is_some_and(|mention| {
                !mention.inner && matches!(mention.tag, Some(Tag::Gpe | Tag::Org))
            })
        })
        .collect();
    mentions
        .sort_by_key(|&index| annotations.mentions.get(index).map(|mention| mention.span.start));
    mentions
}

/// "Oregon National Guard", "Ohio State Highway Patrol": a region's name right before a
/// lexicon organisation, all words capitalised, is one name of a state body of the
/// organisation's class; the two lexicon mentions give way to it.
fn regional_organizations(
    context: &Context<'_>,
    sentence: &Sentence,
    annotations: &mut Annotations,
) {
    let lexicon = context.lexicon;
    let article = context.article;
    let mentions = mentions_in_order(annotations, sentence);
    for pair in mentions.windows(2) {
        let (Some(&region), Some(&organization)) = (pair.first(), pair.get(1)) else { continue };
        let (Some(first), Some(second)) =
            (annotations.mentions.get(region), annotations.mentions.get(organization))
        else {
            continue;
        };
        let region_entry = first.entry.and_then(|entry| lexicon.entry(entry));
        let organization_entry = second.entry.and_then(|entry| lexicon.entry(entry));
        let (Some(region_entry), Some(organization_entry)) = (region_entry, organization_entry)
        else {
            continue;
        };
        let joined = region_entry.kind == EntryKind::Region
            && organization_entry.kind == EntryKind::Organization
            && first.tag == Some(Tag::Gpe)
            && second.tag == Some(Tag::Org)
            && article.text.get(first.span.end..second.span.start) == Some(" ")
            && second.text.split(' ').count() > 1
            && second
                .text
                .split(' ')
                .all(|word| word.chars().next().is_some_and(char::is_uppercase));
        if !joined {
            continue;
        }
        let (start, end) = (first.span.start, second.span.end);
        let (class, class_iri) = (second.class.clone(), second.class_iri.clone());
        if let Some(mention) = annotations.mentions.get_mut(organization) {
            mention.tag = None;
            mention.inner = true;
        }
        if let Some(mention) = annotations.mentions.get_mut(region) {
            mention.span = article.span(start, end);
            mention.text = article.text[start..end].to_owned();
            mention.tag = Some(Tag::Org);
            mention.class = class;
            mention.class_iri = class_iri;
            mention.entry = None;
        }
    }
}

/// "Fresno and Tulare counties": two place names before "counties" are those counties
/// ("Fresno County"), not the towns of those names.
fn coordinated_regions(context: &Context<'_>, sentence: &Sentence, annotations: &mut Annotations) {
    let article = context.article;
    let mentions = mentions_in_order(annotations, sentence);
    for pair in mentions.windows(2) {
        let (Some(&left), Some(&right)) = (pair.first(), pair.get(1)) else { continue };
        let (Some(first), Some(second)) =
            (annotations.mentions.get(left), annotations.mentions.get(right))
        else {
            continue;
        };
        if first.tag != Some(Tag::Gpe)
            || second.tag != Some(Tag::Gpe)
            || article.text.get(first.span.end..second.span.start) != Some(" and ")
        {
            continue;
        }
        let rest = article.text.get(second.span.end..sentence.span.end).unwrap_or("");
        // Only counties: "X County" is the region's name, where "the Dhamar and Ibb
        // districts" are named "Dhamar" and "Ibb".
        let kind = [(" counties", "County")]
            .into_iter()
            .find(|(plural, _)| {
                rest.strip_prefix(plural)
                    .is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric()))
            })
            .map(|(_, kind)| kind);
        let Some(kind) = kind else { continue };
        // A region of the lexicon is already the region ("Kent and Essex counties").
        let is_region = |index: usize| {
            annotations
                .mentions
                .get(index)
                .and_then(|mention| mention.entry)
                .and_then(|entry| context.lexicon.entry(entry))
                .is_some_and(|entry| entry.kind == EntryKind::Region)
        };
        let regions = [left, right].map(is_region);
        for (index, is_region) in [left, right].into_iter().zip(regions) {
            if !is_region
                && let Some(mention) = annotations.mentions.get_mut(index)
                && !mention.text.ends_with(kind)
            {
                mention.text = format!("{} {kind}", mention.text);
                mention.class = "Place".into();
                mention.class_iri = schema::PLACE.into();
                mention.entry = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Tag;

    /// The names the stages find in `text`, as `text/TAG` (people, organisations, places,
    /// facilities, instruments and titles), and the entities' names as `name/TAG`.
    /// Checks each text's names: those of the first list must be found, those of the second not.
    #[test]
    fn names_of_bylines_in_capitals() {
        assert_names(&[
            (
                "By JANE DOE and ALI HASSAN Associated Press\n\nNAIROBI, Kenya (AP) — Rain fell.",
                &["JANE DOE/PER", "ALI HASSAN/PER"],
                &[],
            ),
            ("By MARIA LOPEZ\n\nRain fell in the city.", &["MARIA LOPEZ/PER"], &[]),
            // Capitals in a body sentence are no byline.
            ("The NATO ALLIES met. By then it was late.", &[], &["NATO ALLIES/PER"]),
        ]);
    }

    /// See: issue 14 (no `unknown name` warnings for capitalised function words).
    #[test]
    fn capitalised_function_words_are_no_unknown_names() {
        let cases: [(&str, &[&str]); 4] = [
            (
                "\"The city is a theatre of horror. They have failed,\" Diarra said.\n",
                &[],
            ),
            ("\"We had no choice. When the blast went off, we ran,\" he said.\n", &[]),
            ("\"This is grave. Our first priority is food,\" she said. Then they left.\n", &[]),
            // A capitalised word that is no function word still gets its diagnostic.
            (
                "\"We are here. Zorblax has failed,\" she said.\n",
                &["unknown name \"Zorblax\" left out: no lexicon entry and no context that tells what it is"],
            ),
        ];
        for (text, expected) in cases {
            let annotations = crate::extract::testing::annotations(text);
            let unknown: Vec<&str> = annotations
                .diagnostics
                .iter()
                .filter(|diagnostic| diagnostic.message.starts_with("unknown name"))
                .map(|diagnostic| diagnostic.message.as_str())
                .collect();
            assert_eq!(unknown, expected, "{text:?}");
        }
    }

    fn assert_names(cases: &[(&str, &[&str], &[&str])]) {
        for (text, present, absent) in cases {
            let found = names(text);
            for name in *present {
                assert!(found.iter().any(|f| f == name), "{text:?}: no {name}, found {found:?}");
            }
            for name in *absent {
                assert!(!found.iter().any(|f| f == name), "{text:?}: {name} found: {found:?}");
            }
        }
    }

    fn names(text: &str) -> Vec<String> {
        let annotations = crate::extract::testing::annotations(text);
        let mut found: Vec<String> = annotations
            .by_sentence
            .iter()
            .flatten()
            .filter_map(|&index| annotations.mentions.get(index))
            .filter(|mention| {
                matches!(
                    mention.tag,
                    Some(
                        Tag::Per | Tag::Org | Tag::Gpe | Tag::Fac | Tag::Law | Tag::Evt | Tag::Ttl
                    )
                ) && (mention.proper || mention.tag == Some(Tag::Ttl))
            })
            .map(|mention| format!("{}/{}", mention.text, mention.tag().as_str()))
            .collect();
        found.extend(annotations.entities.iter().filter(|entity| entity.proper).flat_map(
            |entity| {
                let tag = entity.tag.map_or("", |tag| tag.as_str());
                entity.names.iter().map(move |name| format!("entity {name}/{tag}"))
            },
        ));
        found
    }

    #[test]
    fn kinds_of_place_name_places() {
        // (text, names that must be found, names that must not be).
        let cases: &[(&str, &[&str], &[&str])] = &[
            ("The epicentre was near the town of Zarvoka, officials said.", &["Zarvoka/GPE"], &[]),
            ("Floods hit villages in the Varnisk province on Monday.", &["Varnisk/GPE"], &[]),
            // "of" after a word that is no kind of place, or a kind of place before the name
            // without "of", names nothing.
            // The name rules alone leave it out; the parse's recogniser takes it for a place.
            ("He met the head of Zarvoka on Monday.", &["Zarvoka/GPE"], &[]),
            ("The region Zarvoka chose left.", &[], &["Zarvoka/GPE"]),
            // "according to" names a source.
            ("Deals rose, according to PitchBook Data.", &[], &["PitchBook Data/GPE"]),
        ];
        assert_names(cases);
    }

    #[test]
    fn names_after_into_by_their_head_or_verb() {
        // (text, names that must be found, names that must not be).
        let cases: &[(&str, &[&str], &[&str])] = &[
            // "into" alone makes no facility: the head word or other context decides.
            (
                "Investors poured money into Northern Trust Bank last year.",
                &["Northern Trust Bank/ORG"],
                &["Northern Trust Bank/FAC"],
            ),
            (
                "Regulators opened a probe into Acme Holdings.",
                &["Acme Holdings/ORG"],
                &["Acme Holdings/FAC"],
            ),
            (
                "Funds flowed into Westbrook Partners last month.",
                &["Westbrook Partners/ORG"],
                &["Westbrook Partners/FAC"],
            ),
            ("The firm merged into Westbrook Valley Foods.", &[], &["Westbrook Valley Foods/FAC"]),
            ("The firm merged into Harbor Valley Foods.", &[], &["Harbor Valley Foods/FAC"]),
            ("Ministers ordered an inquiry into Orwell Tower.", &["Orwell Tower/FAC"], &[]),
            ("Turkish troops moved into Syria on Tuesday.", &["Syria/GPE"], &[]),
            // A verb of entering a building, or of crossing into a territory.
            ("He had walked into Lilac Lanes shortly after 10 p.m.", &["Lilac Lanes/FAC"], &[]),
            ("Gunmen stormed into Lilac Lanes.", &["Lilac Lanes/FAC"], &[]),
            (
                "Troops pushed into Northern Kordofan overnight.",
                &["Northern Kordofan/GPE"],
                &["Northern Kordofan/FAC"],
            ),
        ];
        assert_names(cases);
    }

    #[test]
    fn countries_before_intergovernmental_organisations_stay_apart() {
        let cases: &[(&str, &[&str], &[&str])] = &[
            // (Inside a description, "Ukraine NATO talks", the names are entities only.)
            (
                "Ukraine NATO talks resumed.",
                &["entity Ukraine/GPE", "entity NATO/ORG"],
                &["entity Ukraine NATO/ORG"],
            ),
            ("The France UN envoy spoke.", &["France/GPE", "UN/ORG"], &["France UN/ORG"]),
            (
                "The Germany European Union presidency began.",
                &["Germany/GPE", "European Union/ORG"],
                &["Germany European Union/ORG"],
            ),
            (
                "Britain World Health Organization funding rose.",
                &["Britain/GPE", "entity World Health Organization/ORG"],
                &["Britain World Health Organization/ORG"],
            ),
            // Non-governmental organisations have national branches, with their own words.
            ("The Kenya Red Cross said so.", &["Kenya Red Cross/ORG"], &["Kenya/GPE"]),
            (
                "The Kenya Red Cross Society said so.",
                &["Kenya Red Cross Society/ORG"],
                &["Kenya Red Cross/ORG", "Society/ORG"],
            ),
        ];
        assert_names(cases);
    }

    #[test]
    fn weak_company_words_need_a_name_before_them() {
        let cases: &[(&str, &[&str], &[&str])] = &[
            ("Protesters marched through the Capital on Monday.", &[], &["Capital/ORG"]),
            ("Foreign Exchange reserves fell sharply.", &[], &["Foreign Exchange/ORG"]),
            ("He said Stock Exchange rules changed.", &[], &["Stock Exchange/ORG"]),
            ("Systems were down for hours.", &[], &["Systems/ORG"]),
            ("A Working Group met on Monday.", &[], &["Working Group/ORG"]),
            ("Blackstone Capital bought the firm.", &["Blackstone Capital/ORG"], &[]),
            (
                "Shares fell on the Tokyo Stock Exchange.",
                &["Tokyo Stock Exchange/ORG"],
                &["Tokyo/GPE"],
            ),
            ("Lockheed Systems won the contract.", &["Lockheed Systems/ORG"], &[]),
            ("Fighters of the Wagner Group left.", &["Wagner Group/ORG"], &[]),
            ("Trust in the government fell. Media reported it.", &[], &["Trust/ORG", "Media/ORG"]),
            // The name rules alone leave "Social Media" out; the parse's recogniser takes it for
            // an organisation (a known limit: a run of capitalised common words it labels ORG).
            ("Social Media was blamed.", &["Social Media/ORG"], &[]),
            ("J.P. Morgan Capital bought it.", &["J.P. Morgan Capital/ORG"], &[]),
            // A lexicon name or an acronym before the weak word is part of the name.
            ("The Kenya Airways flight landed.", &["Kenya Airways/ORG"], &["Kenya/GPE"]),
            (
                "Shares of HSBC Holdings fell. The UBS Group said it would cut jobs.",
                &["HSBC Holdings/ORG", "UBS Group/ORG"],
                &["Group/PER", "Holdings/ORG"],
            ),
            // Strong company words need no such context.
            ("The Central Bank raised rates.", &["Central Bank/ORG"], &[]),
        ];
        assert_names(cases);
    }

    #[test]
    fn a_rank_before_a_common_word_is_no_person() {
        let cases: &[(&str, &[&str], &[&str])] = &[
            (
                "General Mills and General Atomics reported profits.",
                &["General Mills/ORG", "General Atomics/ORG"],
                &["Mills/PER", "Atomics/PER", "General/TTL"],
            ),
            ("Shares of General Foods said it would grow.", &["General Foods/ORG"], &["Foods/PER"]),
            (
                "Admiral Insurance said it would grow.",
                &["Admiral Insurance/ORG"],
                &["Insurance/PER"],
            ),
            (
                "General Atomics Aeronautical Systems built drones. General Mark Milley spoke.",
                &["General Atomics Aeronautical Systems/ORG", "Mark Milley/PER"],
                &["Atomics Aeronautical Systems/ORG"],
            ),
            // Company context after a word that is no common word.
            ("General Zorvex's shares rose. General Zorvex Inc. agreed.", &[], &["Zorvex/PER"]),
            ("General Petraeus said it worked.", &["Petraeus/PER"], &["General Petraeus/ORG"]),
            ("The General Assembly voted.", &["General Assembly/ORG"], &["General/TTL"]),
            (
                "The General Election was held in May.",
                &[],
                &["Election/PER", "General Election/ORG"],
            ),
            // People: names after the rank, several words, an abbreviated rank.
            ("General Petraeus said the surge worked.", &["General/TTL", "Petraeus/PER"], &[]),
            ("Gen. Mark Milley spoke.", &["Gen./TTL", "Mark Milley/PER"], &[]),
            (
                "General Abdel Fattah al-Burhan visited Cairo.",
                &["General/TTL", "Abdel Fattah al-Burhan/PER"],
                &[],
            ),
            ("Colonel Gaddafi ruled for decades.", &["Colonel/TTL", "Gaddafi/PER"], &[]),
            ("General Lee surrendered.", &["General/TTL", "Lee/PER"], &["General Lee/ORG"]),
            ("Private Equity firms bought it.", &[], &["Equity/PER"]),
            ("Gen. Mills spoke to reporters.", &["Mills/PER"], &[]),
        ];
        assert_names(cases);
    }

    #[test]
    fn unknown_names_by_what_surrounds_them() {
        // (text, names that must be found, names that must not be).
        let cases: &[(&str, &[&str], &[&str])] = &[
            // A name found earlier in the document, at the start of a later sentence.
            (
                "A court fined engineering group Talvora Dynamik. Talvora Dynamik said it would appeal.",
                &["Talvora Dynamik/ORG"],
                &["Talvora Dynamik/PER"],
            ),
            // A parenthesised short form of any shape is an alias, also before a title.
            (
                "It was fought by the Valley Department of Water and Power Works (Val Water). Val Water said so. \"It is over,\" Val Water Chief Ana Ruiz said.",
                &["Val Water/ORG", "Ana Ruiz/PER"],
                &["Val Water/PER", "Water/PER"],
            ),
            // Named disasters; a fire department is no fire.
            (
                "The Pine Hollow Fire destroyed 40 homes. Hurricane Odessa made landfall. The Brixley Fire Department said so. Tropical Storm Alvina weakened.",
                &["Pine Hollow Fire/EVT", "Hurricane Odessa/EVT", "Brixley Fire Department/ORG", "Tropical Storm Alvina/EVT"],
                &["Brixley Fire/EVT", "Odessa/PER"],
            ),
            // Not disasters: a thing named like a storm, a fire service that speaks.
            (
                "Kyiv asked for Storm Shadow missiles. Brant Fire said the road was closed.",
                &[],
                &["Storm Shadow/EVT", "Brant Fire/EVT"],
            ),
            ("It was the worst since the Camp Fire in 2018.", &["Camp Fire/EVT"], &[]),
            // Coordination with a typed name; a comma before an apposition is no list.
            (
                "It supplies carmakers including Volkswagen and Trevalo. Its clients include Volkswagen and KLX.",
                &["Trevalo/ORG", "KLX/ORG"],
                &[],
            ),
            (
                "People were evacuated from Fresno, Darnell Flats and two villages.",
                &["Darnell Flats/GPE"],
                &[],
            ),
            ("Prosecutors told the Marrow Bench, London's oldest court, so.", &[], &["Marrow Bench/GPE"]),
            // An apposition whose head is an organisation noun; one whose head is not.
            (
                "Holders include Varnholt Beteiligungen, the investment vehicle of the founding family.",
                &["Varnholt Beteiligungen/ORG"],
                &[],
            ),
            ("Kessler Brandt, the chief's adviser, left.", &[], &["Kessler Brandt/ORG"]),
            // An introductory place is no conjunct; nor is a person's name a longer name's head.
            ("In Frankfurt, Kessler Brandt and his wife left.", &[], &["Kessler Brandt/GPE"]),
            (
                "Reporters asked Guterres and Security Council members about it.",
                &["entity UN Security Council/ORG"],
                &["Guterres and Security Council/ORG"],
            ),
            // "TITLE for ORG, NAME, said".
            (
                "A spokesman for Chad's interior ministry, Idriss-Paul Kemba, said the officials were suspended.",
                &["Idriss-Paul Kemba/PER"],
                &[],
            ),
            // An employer after a job word or a person's name, not a place.
            (
                "\"It is fair,\" said Lena Vogt, an analyst at Halvorsen Privatbank in Munich.",
                &["Halvorsen Privatbank/ORG"],
                &["Halvorsen Privatbank/GPE"],
            ),
            (
                "Another analyst, Omar Haddad of Castlegate Partners in London, disagreed.",
                &["Castlegate Partners/ORG"],
                &["Castlegate Partners/GPE"],
            ),
            // A policy centre is an organisation; a convention centre stays a building.
            (
                "That is according to the Nairobi-based Horn Policy Centre. They met at the Kasarani Convention Centre.",
                &["Horn Policy Centre/ORG", "Kasarani Convention Centre/FAC"],
                &["Horn Policy Centre/FAC"],
            ),
            (
                "Analysts at Brunmark and Vessel raised targets. Shares in Talvex Holdings rose.",
                &["Brunmark/ORG", "Vessel/ORG", "Talvex Holdings/ORG"],
                &["Brunmark/GPE", "Talvex Holdings/GPE"],
            ),
            ("Cyclone Ebru killed 12 people. Typhoon fighter jets flew.", &["Cyclone Ebru/EVT"], &["Typhoon/EVT"]),
            // An ordinal begins a military unit's name.
            ("The army's 3rd Armoured Division moved in.", &["3rd Armoured Division/ORG"], &[]),
            ("The 2nd Battalion of the Rifles was sent.", &["2nd Battalion of the Rifles/ORG"], &[]),
            ("He came 3rd Monday in the Derby Cup.", &[], &["3rd Monday/ORG"]),
            // "and" inside a name that a fitting acronym follows, or whose tail is a lexicon name.
            (
                "Eastern Valley Gas and Light (EVGL) cut power. Voltra Power and Light (XQ) did not.",
                &["Eastern Valley Gas and Light/ORG", "EVGL/ORG"],
                &["Voltra Power and Light/ORG"],
            ),
            (
                "The bloc's Defence and Security Council met.",
                &["Defence and Security Council/ORG"],
                &["entity UN Security Council/ORG"],
            ),
            ("The Security Council met.", &["entity UN Security Council/ORG"], &[]),
            // A region before a lexicon organisation, all capitalised, is one name.
            (
                "The Oregon National Guard deployed 300 soldiers.",
                &["Oregon National Guard/ORG"],
                &["National Guard/ORG", "Oregon/GPE"],
            ),
            // "X and Y counties".
            (
                "He declared an emergency in Fresno and Tulare counties.",
                &["Fresno County/GPE", "Tulare County/GPE"],
                &["Fresno/GPE"],
            ),
            // "the NAME union"; a title's plural possessive inside a name.
            (
                "The GK Stahlwerk union said it would strike. The Chad Doctors' Union said 12 died.",
                &["GK Stahlwerk/ORG", "Chad Doctors' Union/ORG"],
                &["Chad/GPE"],
            ),
            ("Bodies were found in the Zandrovo area.", &["Zandrovo/GPE"], &[]),
            // A common noun that starts a sentence is no name.
            ("Soldiers seized the airport.", &[], &["Soldiers/PER", "Soldiers/ORG", "Soldiers/GPE"]),
        ];
        assert_names(cases);
    }

    #[test]
    fn company_prefixes() {
        assert!(super::is_company_prefix("Salar Minerals S.A.", "Salar Minerals"));
        assert!(super::is_company_prefix("Huaxin New Energy Co., Ltd.", "Huaxin New Energy"));
        assert!(!super::is_company_prefix("Salar Minerals S.A.", "Salar"));
        assert!(!super::is_company_prefix("Salar Minerals Group", "Salar Minerals"));
        assert!(!super::is_company_prefix("Salar Minerals", "Salar Minerals"));
    }

    #[test]
    fn names_by_mechanism() {
        // (text, names that must be found, names that must not be).
        let cases: &[(&str, &[&str], &[&str])] = &[
            // Titles before names are not part of them; multi-word titles stay whole.
            (
                "Sentencing him, Judge Richard Ashworth said so.",
                &["Judge/TTL", "Richard Ashworth/PER"],
                &["Judge Richard Ashworth/PER"],
            ),
            (
                "Detective Chief Superintendent Karen Lowe said so.",
                &["Detective Chief Superintendent/TTL", "Karen Lowe/PER"],
                &["Superintendent Karen Lowe/PER"],
            ),
            (
                "\"We act,\" State Minister for Disaster Management and Relief Rafiqul Haque told reporters.",
                &["State Minister/TTL", "Rafiqul Haque/PER"],
                &["Relief Rafiqul Haque/PER", "Relief/PER"],
            ),
            (
                "They went to Madina Hospital, where emergency unit director Amina Warsame said 38 were admitted.",
                &["emergency unit director/TTL", "Amina Warsame/PER"],
                &["director/TTL"],
            ),
            (
                "He flew to Paris to meet foreign minister Jean Dupont. Croatian government spokeswoman Ivana Maric agreed.",
                &["foreign minister/TTL", "spokeswoman/TTL"],
                &["meet foreign minister/TTL", "government spokeswoman/TTL"],
            ),
            (
                "Crown Prince Mohammed bin Salman met Ursula von der Leyen and Luiz Inacio Lula da Silva.",
                &["Mohammed bin Salman/PER", "Ursula von der Leyen/PER", "Luiz Inacio Lula da Silva/PER"],
                &["Mohammed/PER", "Ursula/PER"],
            ),
            (
                "An FBI spokesman, Mark Ellison, said investigators had searched the house.",
                &["Mark Ellison/PER"],
                &[],
            ),
            (
                "At the market, Grace Atieno, a 34-year-old vegetable seller, said she was afraid.",
                &["Grace Atieno/PER"],
                &[],
            ),
            ("He bought Acme Widgets, a 90-year-old company, last year.", &[], &["Acme Widgets/PER"]),
            // A one-word alias that ends a longer name is that name's head, not the alias.
            (
                "Ama Boateng, the candidate of the governing Ghana Unity Congress (GUC), lost.",
                &["Ghana Unity Congress/ORG"],
                &["Congress/ORG", "entity United States Congress/ORG"],
            ),
            ("The bill passed Congress on Monday.", &["entity United States Congress/ORG"], &[]),
            // A company without its legal suffix; a title's possessive inside a name.
            (
                "Salar Minerals S.A. agreed. Salar Minerals chief executive Andres Soto signed.",
                &["Salar Minerals/ORG"],
                &["Salar Minerals/PER"],
            ),
            (
                "Chile's National Economic Prosecutor's Office (FNE) must approve it.",
                &["National Economic Prosecutor's Office/ORG"],
                &["Office/ORG"],
            ),
            ("Daniel Hartley's Office Depot shares fell.", &[], &["Daniel Hartley's Office/ORG"]),
            // Organisations with function words, heads and suffixes.
            (
                "The Ministry of Disaster Management and Relief said in a statement.",
                &["Ministry of Disaster Management and Relief/ORG"],
                &["Ministry/ORG", "Relief/PER"],
            ),
            (
                "It was filed in the US District Court for the Southern District of New York on Monday.",
                &["US District Court for the Southern District of New York/ORG"],
                &["entity New York City/GPE", "entity United States/GPE"],
            ),
            (
                "According to China's General Administration of Customs, trade rose.",
                &["General Administration of Customs/ORG", "China/GPE"],
                &["General/TTL", "Administration/PER"],
            ),
            (
                "Texas Gov. Greg Abbott spoke. In Mopti Ibrahim Sangare spoke.",
                &["Texas/GPE", "Gov./TTL", "Greg Abbott/PER", "Mopti/GPE", "Ibrahim Sangare/PER"],
                &["Texas Gov/ORG", "Mopti Ibrahim Sangare/PER"],
            ),
            (
                "U.S. Army General Mark Milley said so.",
                &["General/TTL", "Mark Milley/PER"],
                &[],
            ),
            (
                "Most died, according to the Directorate General of Health Services (DGHS).",
                &["Directorate General of Health Services/ORG", "DGHS/ORG"],
                &[],
            ),
            (
                "The United Nations Multidimensional Integrated Stabilization Mission in Mali (MINUSMA) said it had sent helicopters.",
                &["United Nations Multidimensional Integrated Stabilization Mission in Mali/ORG"],
                &["entity United Nations/ORG", "entity Mali/GPE"],
            ),
            (
                "The Ministry of Health in Kenya said so.",
                &["Ministry of Health/ORG", "Kenya/GPE"],
                &["Ministry of Health in Kenya/ORG"],
            ),
            (
                "Police Chief Maria Delgado of the Spokane Police Department spoke. Later Delgado told reporters.",
                &["Maria Delgado/PER", "Spokane Police Department/ORG", "Delgado/PER"],
                &["entity Delgado/GPE"],
            ),
            (
                "The U.S. Geological Survey (USGS) put the magnitude at 5.6.",
                &["U.S. Geological Survey/ORG", "USGS/ORG"],
                &["entity United States/GPE"],
            ),
            (
                "Chinese battery maker Huaxin New Energy Co., Ltd. will buy Salar Minerals S.A. for cash.",
                &["Huaxin New Energy Co., Ltd./ORG", "Salar Minerals S.A./ORG"],
                &["Ltd/ORG"],
            ),
            (
                "Meridian Digital's chief executive resigned. Shares in Meridian Digital fell.",
                &["Meridian Digital/ORG"],
                &["Meridian Digital's/ORG", "entity Meridian/GPE"],
            ),
            (
                "He worked for Northwake Marine Systems in Barrow. Northwake said it had cooperated.",
                &["Northwake Marine Systems/ORG", "Northwake/ORG"],
                &["Northwake/GPE"],
            ),
            (
                "Karen Lowe of the Metropolitan Police's Counter Terrorism Command said so.",
                &["Karen Lowe/PER", "Counter Terrorism Command/ORG"],
                &["Counter Terrorism Command/PER"],
            ),
            (
                "Somali Police Force spokesman Major Abdikadir Farah spoke. \"It ended,\" Farah said.",
                &["Somali Police Force/ORG", "Abdikadir Farah/PER", "Farah/PER"],
                &["entity Farah/GPE"],
            ),
            (
                "A group calling itself Ansar al-Wadi claimed it. Al-Shabaab is linked to al-Qaeda.",
                &["Ansar al-Wadi/ORG", "al-Qaeda/ORG"],
                &["entity Wādi/GPE"],
            ),
            (
                "Footage broadcast by state broadcaster TRT showed snow. The WWF conservation group agreed.",
                &["TRT/ORG", "WWF/ORG"],
                &[],
            ),
            (
                "The Kenya Red Cross said 37 were hurt. Amnesty International Kenya urged calm.",
                &["Kenya Red Cross/ORG", "Amnesty International Kenya/ORG"],
                &["entity International Committee of the Red Cross/ORG", "entity Amnesty International/ORG"],
            ),
            (
                "The shares will be held by Cordillera Capital, an investment fund.",
                &["Cordillera Capital/ORG"],
                &["entity Cordillera/GPE"],
            ),
            (
                "It was an offence under the National Security Act 2023, after a trial.",
                &["National Security Act 2023/LAW"],
                &[],
            ),
            (
                "Vice Chairman of the National Development and Reform Commission Zhao Chenxin attended.",
                &["National Development and Reform Commission/ORG", "Zhao Chenxin/PER"],
                &[],
            ),
            (
                "The headquarters of Huawei Technologies Co. Ltd. are large.",
                &["Huawei Technologies Co. Ltd./ORG"],
                &["Ltd./ORG"],
            ),
            (
                "Chief Justice D.Y. Chandrachud said the petition of the People's Union for Civil Liberties was heard.",
                &["D.Y. Chandrachud/PER", "People's Union for Civil Liberties/ORG"],
                &[],
            ),
            (
                "The Securities and Exchange Board of India (SEBI) will investigate.",
                &["Securities and Exchange Board of India/ORG", "SEBI/ORG"],
                &[],
            ),
            (
                "Staff of the University of Nairobi and Kenyatta National Hospital protested.",
                &["University of Nairobi/ORG", "Kenyatta National Hospital/FAC"],
                &[],
            ),
            (
                "The Brazilian Foreign Ministry and Petrobras said talks continued.",
                &["Brazilian Foreign Ministry/ORG"],
                &["Brazilian Foreign Ministry and Petrobras/ORG"],
            ),
            (
                "Opposition leader Peter Ochieng, whose Citizens' Reform Alliance (CRA) called the protests, spoke.",
                &["Citizens' Reform Alliance/ORG", "CRA/ORG"],
                &[],
            ),
            (
                "Economists at JPMorgan Chase & Co said so.",
                &["JPMorgan Chase & Co/ORG"],
                &["JPMorgan Chase/GPE", "Co/ORG"],
            ),
            (
                "Shares of Tata Motors fell 3 percent.",
                &["Tata Motors/ORG"],
                &["Shares of Tata Motors/ORG"],
            ),
            // Places.
            (
                "Hefei is the capital of east China's Anhui Province. Voting was delayed in the Northern Region.",
                &["Anhui Province/GPE", "Northern Region/GPE"],
                &[],
            ),
            (
                "The Surma and Kushiyara rivers burst their banks near the Drava floodplain.",
                &["Surma/GPE", "Kushiyara/GPE", "Drava/GPE"],
                &[],
            ),
            (
                "Trade reached 41.2 billion U.S. dollars last year.",
                &[],
                &["U.S./GPE"],
            ),
            // Facilities.
            (
                "Gunmen stormed the Hotel Warsan and the Bani Palace Hotel.",
                &["Hotel Warsan/FAC", "Bani Palace Hotel/FAC"],
                &["entity Baní/GPE"],
            ),
            (
                "Four were at Sacred Heart Medical Center. He was booked into the Spokane County Jail. Flags at City Hall were lowered.",
                &["Sacred Heart Medical Center/FAC", "Spokane County Jail/FAC", "City Hall/FAC"],
                &["City Hall/GPE"],
            ),
            (
                "At Nairobi's Gikomba market, traders fled. They agreed to expand the Khorgos dry port.",
                &["Gikomba market/FAC", "Khorgos dry port/FAC"],
                &["Gikomba/GPE"],
            ),
            (
                "Wang met Abenov at the Great Hall of the People in Beijing.",
                &["Great Hall of the People/FAC", "Beijing/GPE"],
                &[],
            ),
            (
                "He had walked into Lilac Lanes shortly after 10 p.m.",
                &["Lilac Lanes/FAC"],
                &[],
            ),
            // Negative cases: hyphenated place names, names that are not titles or towns.
            (
                "The Russia-Ukraine talks and pro-Russia rebels worried Kenya.",
                &["Ukraine/GPE", "Russia/GPE", "Kenya/GPE"],
                &[],
            ),
            (
                "Shares of General Motors rose, said Maria Lopez of the United Nations.",
                &["General Motors/ORG", "Maria Lopez/PER", "United Nations/ORG"],
                &["Motors/PER", "Maria Lopez of the United Nations/ORG"],
            ),
            // Credit lines name people and places.
            (
                "Text.\n\n(Reporting by Ezgi Toprak in Ankara and Burak Sener in Malatya; Editing by Peter Hollis)",
                &["Ezgi Toprak/PER", "Burak Sener/PER", "Peter Hollis/PER", "Ankara/GPE"],
                &[],
            ),
        ];
        assert_names(cases);
    }
}
