#!/usr/bin/env python3
"""Convert GUM's gold entities and coreference into newsgraph gold files.

For each `GUM_news_*.conllu` of the GUM news folder (default `shared/corpora/gum-news` beside
the checkout or beside its parent folder; see that folder's README), writes
`tests/fixtures/gum-news/<doc>.gold.json` in the gold format of `tests/articles/README.md`:
the named entities of the document, each with every proper name its coreference chain gives
it. Python 3 standard library only; runs offline; the output is byte-stable.

    python3 scripts/gum/to_gold.py [GUM_DIR]            # writes the gold files
    python3 scripts/gum/to_gold.py --check [GUM_DIR]    # exit 1 if a gold file would change
    python3 scripts/gum/to_gold.py --dump DOC [GUM_DIR] # each name found, and what was left out

What is taken (each rule is in the function named, with its reason):

- GUM's `Entity=` spans in the MISC column (`read_conllu`): every mention with its entity id
  (its coreference chain), entity type, link type and Wikipedia identity.
- A mention is a *name* when it has a run of proper nouns (XPOS `NNP`/`NNPS`) not all inside
  the mentions nested in it (`name_of_mention`): "US President Barack Obama" names Obama,
  "New People Party's Michael Tien" names Tien. An indefinite mention ("a Booker
  Prize-winner", "one Rohingya") and a predicative ("named Man of the Match") describe, and
  give no name. When GUM links the entity to a Wikipedia article whose title the name
  spells with something more, the title is the name (`mention_name`: "Colorado State
  University" in "Colorado State University of the US").
- An entity is *named* when at least one of its mentions is a name; its gold `name` is its
  longest name (most words, then first), its `aliases` every other name its chain gives it
  ("Eddie Chu", "Chu", "the North" for North Korea); a place named "Irving, Texas" is also
  named "Irving".
  Chains that GUM links to the same Wikipedia article are one entity, and so are two named
  entities of one type where one's name is a name of the other (GUM splits a few chains:
  "Youngspiration" in two; a reader, and the eval's name matching, cannot tell them apart).
  An organisation's or event's name after a capitalised adjective is also written with it
  ("Greek Ministry of Culture", alias "Ministry of Culture").
- A name inside another entity's name is no mention of its own (`convert`): "Tang" in "Tang
  Teaching Museum", "Massachusetts" in "Massachusetts Institute of Technology"; an entity
  named only so is left out.
- Types (`gold_type_of`): person → Person, organization → Organization, place → Place
  (Facility when its name ends in a building word of `FACILITY_HEADS`: GUM has no type for
  buildings, newsgraph has), event → Event; `abstract` → LegalInstrument for the names of laws
  (`LEGAL_HEADS`).
  Left out, and why: `time` and `quantity` (dates and amounts: the gold's `dates` and
  `quantities` score them, and this script writes neither); the rest of `abstract` (ideas,
  fields, languages, religions, programmes, software, hashtags), `object` (products, works,
  vehicles, ships), `substance`, `plant` and `animal`: newsgraph has no entity type for them.
  A person entity whose names are all plural proper nouns ("Muslims", "Afghans", "Refugees")
  is a group of people, not a named entity, and is left out with the other groups.
- Unnamed entities ("veteran politicians", "the police") are left out: the gold lists what the
  article *names*. newsgraph's groups of people named by a common noun (gold type `Group`)
  are therefore never in these gold files, and count as spurious predictions.
- `CORRECTIONS`: the few names and types the rules get wrong, each with its reason.
- No relations, dates or quantities: GUM has none in newsgraph's sense. Relations written by
  hand are kept: a rerun keeps the `relations` of an existing gold file.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import urllib.parse
from collections import OrderedDict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
OUT = ROOT / "tests" / "fixtures" / "gum-news"
# The shared corpus folder sits beside the checkout (`/work/main`) or beside its parent
# (a worktree such as `/work/wt/NAME`).
DEFAULT_GUM = next(
    (
        folder / "shared" / "corpora" / "gum-news"
        for folder in (ROOT.parent, ROOT.parent.parent)
        if (folder / "shared" / "corpora" / "gum-news").is_dir()
    ),
    ROOT.parent / "shared" / "corpora" / "gum-news",
)

TYPES = {
    "person": "Person",
    "organization": "Organization",
    "place": "Place",
    "event": "Event",
}

#: Last words of a place's name that make it a building or site (newsgraph's Facility).
FACILITY_HEADS = {
    "Airport", "Arena", "Bridge", "Building", "Cathedral", "Center", "Centre", "Church",
    "College", "Court", "Galleries", "Gallery", "Hall", "Hospital", "Hotel", "Library", "Memorial",
    "Mosque", "Museum", "Palace", "Park", "Plaza", "Prison", "School", "Square", "Stadium",
    "Station", "Temple", "Theater", "Theatre", "Tower", "Towers", "University",
}

#: Words that make a named `abstract` entity a legal instrument.
LEGAL_HEADS = {"Act", "Amendment", "Charter", "Constitution", "Convention", "Law", "Treaty"}

#: Titles, honorifics and the words of compound titles before a person's name, not part of it
#: ("President Barack Obama", "Shadow Home Secretary Yvette Cooper", "Mr Key").
TITLES = {
    "Ambassador", "Archbishop", "Assistant", "Attorney", "Bishop", "Captain", "Capt",
    "Chairman", "Chancellor", "Chief", "Coach", "Col", "Colonel", "Commissioner", "Congressman",
    "Congresswoman", "Councillor", "Councilor", "Defence", "Defense", "Deputy", "Detective",
    "Director", "Dr", "Emeritus", "Executive", "Father", "Finance", "Foreign", "Gen", "General",
    "Gov", "Governor", "High", "Home", "Imam", "Interior", "Judge", "Justice", "King", "Lady",
    "Lawmaker", "Legislator", "Lieutenant", "Lord", "Lt", "Mayor", "Minister", "Miss", "Mr",
    "Mrs", "Ms", "Officer", "Pope", "Premier", "President", "Prime", "Prince", "Princess",
    "Prof", "Professor", "Queen", "Rep", "Representative", "Rev", "Reverend", "Secretary",
    "Sen", "Senator", "Sergeant", "Sgt", "Shadow", "Sheikh", "Sheriff", "Sir", "State",
    "Undersecretary", "Vice",
}

#: Lowercase words that may join proper nouns inside an organisation's, place's or event's
#: name ("Federation of Trade Unions", "Alliance for the Betterment and Progress").
CONNECTORS = {"&", "and", "de", "du", "for", "la", "of", "on", "the"}

#: Words that open an indefinite noun phrase: a description ("a Booker Prize-winner"), no name.
INDEFINITE = {"a", "an", "another", "one"}

PROPER = {"NNP", "NNPS"}

#: Dependency relations by which a person's name hangs on a description that heads the mention
#: ("Facebook creator Mark Zuckerberg": `flat`; "Ambassador ... Hamdullah Mohib").
NAME_RELATIONS = {"appos", "compound", "flat"}

#: What the rules get wrong, per document: names that are not names of their entity
#: (`not_names`: name, or `gumtype:name` for the entities of one GUM type, -> reason), entity
#: types to change (`types`: name -> (type, reason)).
CORRECTIONS = {
    "GUM_news_soccer": {
        # "Man of the Match" is an award GUM puts in the player's chain (apposition), and "the
        # Match" inside it an event.
        "not_names": {"Man": "the award 'Man of the Match', not the player's name",
                      "Match": "'the Match' of the award's name, no event"},
        "types": {},
    },
    "GUM_news_korea": {
        "not_names": {},
        "types": {
            # GUM types a country that acts as an organization; in newsgraph's gold a country is
            # a Place whatever it does (a country may be a speaker: tests/articles/README.md).
            "North Korea": ("Place", "a country (GUM: organization, as an actor)"),
            "South Korea": ("Place", "a country (GUM: organization, as an actor)"),
        },
    },
    "GUM_news_afghan": {
        # GUM annotates "the State and Homeland Security Departments" as one organization with
        # "State" and "Homeland Security" inside; each department is a name of its own.
        "not_names": {"State and Homeland Security Departments": "two departments, not one name"},
        # An armed movement: an organisation in newsgraph's types (GUM: person).
        "types": {"Taliban": ("Organization", "an armed movement (GUM: person)")},
    },
    "GUM_news_expo": {
        # "the US team" is in Cloud9's chain: its country, not its name (the place "US" keeps it).
        "not_names": {"organization:US": "the team's country in 'the US team', not Cloud9's name"},
        "types": {},
    },
    "GUM_news_hackers": {
        "not_names": {
            "Anon": "the start of a quoted blog title ('Anon declares war on ...'), GUM: event",
            "Scientology-critic": "an adjective ('the Scientology-critic site')",
        },
        # A collective of activists: an organisation in newsgraph's types (GUM: person).
        "types": {"Anonymous": ("Organization", "a collective (GUM: person)")},
    },
    "GUM_news_asylum": {
        # "the Rohingya" in a chain of its own: a people, like "Muslims" (a group, left out).
        "not_names": {"Rohingya": "a people, not a named entity"},
        "types": {},
    },
    "GUM_news_warming": {
        "not_names": {"Climate Change": "part of the journal title 'Nature Climate Change'"},
        "types": {},
    },
    "GUM_news_taxes": {
        # "the State" (the Italian state) is in Lombardy's chain by a slip of the annotation.
        "not_names": {"State": "the Italian state, not a name of Lombardy"},
        "types": {},
    },
}


class Token:
    """One syntactic word of the CoNLL-U: its form, tag, head and whether a space follows."""

    __slots__ = ("index", "form", "xpos", "head", "deprel", "space_after", "sentence")

    def __init__(self, index, form, xpos, head, deprel, space_after, sentence):
        self.index = index
        self.form = form
        self.xpos = xpos
        self.head = head
        self.deprel = deprel
        self.space_after = space_after
        self.sentence = sentence


class Mention:
    """One `Entity=` span: its chain (entity id), type, link, Wikipedia identity and tokens."""

    __slots__ = ("eid", "etype", "link", "identity", "tokens", "nested")

    def __init__(self, eid, etype, link, identity):
        self.eid = eid
        self.etype = etype
        self.link = link
        self.identity = identity
        self.tokens = []
        # Positions (in `tokens`) covered by mentions of other entities nested in this one.
        self.nested = set()


def read_conllu(path: Path):
    """The mentions of a document, in the order they open.

    MISC `Entity=` holds openings `(eid-etype-infstat-salience-centering-minspan-link-identity`
    (this document's `global.Entity`), closings `eid)`, and single-token mentions `(...)`.
    """
    mentions = []
    open_mentions = []
    sentence = 0
    # A multiword token ("Party's" = "Party" + "'s") carries the SpaceAfter of its last word;
    # the words inside it have no space between them.
    multiword_end = 0
    multiword_space = True
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id"):
            sentence += 1
            continue
        if not line:
            multiword_end = 0
            continue
        if line.startswith("#"):
            continue
        columns = line.split("\t")
        misc = dict(
            field.split("=", 1) if "=" in field else (field, "")
            for field in columns[9].split("|")
        )
        if "-" in columns[0]:
            multiword_end = int(columns[0].split("-")[1])
            multiword_space = misc.get("SpaceAfter") != "No"
            continue
        if "." in columns[0]:
            continue  # empty nodes have no text
        index = int(columns[0])
        if index < multiword_end:
            space_after = False
        elif index == multiword_end:
            space_after = multiword_space
        else:
            space_after = misc.get("SpaceAfter") != "No"
        head = int(columns[6]) if columns[6] not in ("_", "") else 0
        token = Token(index, columns[1], columns[4], head, columns[7], space_after, sentence)
        closing = []
        for part in re.findall(r"\([^()]*\)?|[^()]+\)", misc.get("Entity", "")):
            if part.startswith("("):
                fields = part[1:].rstrip(")").split("-", 7)
                link = fields[6] if len(fields) > 6 else None
                identity = urllib.parse.unquote(fields[7]) if len(fields) > 7 else None
                mention = Mention(fields[0], fields[1], link, identity)
                mentions.append(mention)
                open_mentions.append(mention)
                if part.endswith(")"):
                    closing.append(fields[0])
            else:
                closing.append(part.rstrip(")"))
        for mention in open_mentions:
            mention.tokens.append(token)
        for eid in closing:
            for position in range(len(open_mentions) - 1, -1, -1):
                if open_mentions[position].eid == eid:
                    open_mentions.pop(position)
                    break
    order = {id(mention): number for number, mention in enumerate(mentions)}
    for mention in mentions:
        ids = {id(token) for token in mention.tokens}
        for other in mentions:
            if other is mention or other.eid == mention.eid:
                continue
            other_ids = {id(token) for token in other.tokens}
            # Nested: a strict part, or the same span opened later.
            if other_ids < ids or (other_ids == ids and order[id(other)] > order[id(mention)]):
                for position, token in enumerate(mention.tokens):
                    if id(token) in other_ids:
                        mention.nested.add(position)
    return mentions


def words_of(tokens):
    """Groups tokens written without a space between them into words ("Chung", "-", "tai")."""
    words = []
    current = []
    for position, token in enumerate(tokens):
        current.append(position)
        if token.space_after or position == len(tokens) - 1:
            words.append(current)
            current = []
    return words


def text_of(tokens):
    """The text of tokens as the article spells it."""
    parts = []
    for position, token in enumerate(tokens):
        parts.append(token.form)
        if token.space_after and position < len(tokens) - 1:
            parts.append(" ")
    return "".join(parts).strip()


def is_proper_word(tokens, word):
    """A word is proper when its alphanumeric tokens are proper nouns (a possessive ending
    aside: "Kong's") and it does not start in lowercase ("pro-Beijing" is tagged NNP)."""
    letters = [tokens[p] for p in word if any(c.isalnum() for c in tokens[p].form)]
    letters = [token for token in letters if token.xpos != "POS"]
    return (
        bool(letters)
        and all(token.xpos in PROPER for token in letters)
        and not tokens[word[0]].form[:1].islower()
    )


def nested_spans(mention):
    """The (first, last) positions of the stretches of a mention that nested mentions cover."""
    spans = []
    position = 0
    while position < len(mention.tokens):
        if position in mention.nested:
            first = position
            while position + 1 < len(mention.tokens) and position + 1 in mention.nested:
                position += 1
            spans.append((first, position))
        position += 1
    return spans


def is_title(tokens):
    """Whether a word is a title ("Minister's" and "Dr." are)."""
    text = "".join(token.form for token in tokens if token.xpos != "POS").rstrip(".")
    return text in TITLES


def heads(tokens, positions):
    """The positions among `positions` whose syntactic head is outside them."""
    inside = {(tokens[p].sentence, tokens[p].index) for p in positions}
    return [p for p in positions if (tokens[p].sentence, tokens[p].head) not in inside]


class Name:
    """A name found in a mention: its text, whether it ends in a plural proper noun, and the
    tokens it spans."""

    __slots__ = ("text", "plural", "tokens", "longer")

    def __init__(self, text, plural, tokens, longer=None):
        self.text = text
        self.plural = plural
        self.tokens = tokens
        # The name with a capitalised adjective before it ("Greek Ministry of Culture"), when
        # the mention has one: a name as the article writes it too.
        self.longer = longer


def name_of_mention(mention, gold_type, indefinite=False):
    """The proper name a mention gives its entity, or None.

    Words are tokens written together ("Chung-tai"); a proper word has only proper nouns.
    A run is proper words, with numbers after the first ("Movimento 5 Stelle"); for
    organisations, places and events, lowercase connectors join two runs ("Federation of Trade
    Unions") unless what follows them is a mention of another entity with common words in it
    ("Taikoo of the Hong Kong Island constituency"); a person's name never takes a connector
    ("Michael Tien of NPP").
    A run right before a capitalised word that is not a proper noun modifies it, and is no
    name ("the South Korean puppet military").
    In a run, a possessive that ends another entity's mention starts the name after it
    ("Mecca's Grand Mosque" names the mosque "Grand Mosque"); a person's name loses leading
    titles ("President", "Home Secretary") and what is nested before them ("US President"), a
    run of titles alone is no name ("the President"), and a person's name is the mention's
    head or hangs on it ("Facebook creator Mark Zuckerberg", not "the University of Arkansas"
    in "curator and director of exhibits at the University of Arkansas").
    A person's name right before a common noun is a modifier ("345 Muslim pilgrims", "IE6
    users"), not the name of a person.
    The name is the longest run with a proper noun outside the mentions nested in the mention.
    An indefinite mention gives no name unless `indefinite` (to find what is inside names).
    """
    tokens = mention.tokens
    if tokens[0].form.lower() in INDEFINITE and not indefinite:
        return None
    words = words_of(tokens)
    spans = nested_spans(mention)
    mention_heads = set(heads(tokens, range(len(tokens))))

    def proper(word):
        return is_proper_word(tokens, word)

    def number(word):
        return all(
            tokens[p].xpos == "CD" or not any(c.isalnum() for c in tokens[p].form) for p in word
        )

    def connector(word):
        return all(
            tokens[p].form.lower() in CONNECTORS and tokens[p].xpos not in PROPER for p in word
        )

    runs = []  # (words of the run, index of the word after it)
    current = []
    index = 0
    while index < len(words):
        word = words[index]
        if proper(word) or (current and number(word)):
            current.append(word)
        elif current and gold_type != "Person" and connector(word):
            ahead = index
            while ahead < len(words) and connector(words[ahead]):
                ahead += 1
            joins = ahead < len(words) and proper(words[ahead])
            if joins:
                span = next(
                    (span for span in spans if span[0] <= words[ahead][0] <= span[1]), None
                )
                if span:
                    inside = [w for w in words if span[0] <= w[0] <= span[1]]
                    joins = all(proper(w) or connector(w) or number(w) for w in inside)
            if joins:
                current.extend(words[index:ahead])
                index = ahead
                continue
            runs.append((current, index))
            current = []
        else:
            if current:
                runs.append((current, index))
            current = []
        index += 1
    if current:
        runs.append((current, len(words)))

    candidates = []
    for run, after in runs:
        if after < len(words):
            following = tokens[words[after][0]]
            if following.form[:1].isupper():
                continue
            if gold_type == "Person" and following.xpos in ("NN", "NNS"):
                continue
        positions = [p for word in run for p in word]
        # A possessive that ends another entity's mention: the name starts after it.
        for cut in range(len(positions) - 1, -1, -1):
            token = tokens[positions[cut]]
            if token.xpos == "POS" and positions[cut] in mention.nested and cut + 1 < len(positions):
                positions = positions[cut + 1:]
                break
        if gold_type == "Person":
            grouped = []
            offset = 0
            for word in words_of([tokens[p] for p in positions]):
                grouped.append(positions[offset:offset + len(word)])
                offset += len(word)
            while grouped and (
                any(p in mention.nested for p in grouped[0])
                or is_title([tokens[p] for p in grouped[0]])
            ):
                grouped = grouped[1:]
            positions = [p for word in grouped for p in word]
            head_ids = {(tokens[h].sentence, tokens[h].index) for h in mention_heads}
            if positions and not (
                mention_heads & set(positions)
                or any(
                    (tokens[p].sentence, tokens[p].head) in head_ids
                    and tokens[p].deprel.split(":")[0] in NAME_RELATIONS
                    for p in heads(tokens, positions)
                )
            ):
                continue

        # Punctuation, possessive endings and connectors at the edges are not part of a name;
        # a closing bracket is, when the name opened it ("District Council (Second)").
        def edge(position, last):
            form = tokens[position].form
            if tokens[position].xpos == "POS":
                return True
            if form.lower() in CONNECTORS and tokens[position].xpos not in PROPER:
                return True
            if any(c.isalnum() for c in form):
                return False
            return not (last and form == ")" and "(" in [tokens[p].form for p in positions])

        while positions and edge(positions[-1], True):
            positions.pop()
        while positions and edge(positions[0], False):
            positions.pop(0)
        if not any(tokens[p].xpos in PROPER and p not in mention.nested for p in positions):
            continue
        last = next(tokens[p] for p in reversed(positions) if tokens[p].xpos != "POS")
        longer = None
        before = positions[0] - 1
        if (
            gold_type in ("Organization", "Event")
            and before >= 0
            and tokens[before].xpos == "JJ"
            and tokens[before].form[:1].isupper()
            and tokens[before].form.isalpha()
            and before not in mention.nested
        ):
            longer = text_of([tokens[p] for p in [before, *positions]])
        candidates.append(
            Name(
                text_of([tokens[p] for p in positions]),
                last.xpos == "NNPS",
                [tokens[p] for p in positions],
                longer,
            )
        )
    if not candidates:
        return None
    return max(candidates, key=lambda candidate: len(candidate.text))


def mention_name(mention, gold_type):
    """The name of one mention: `name_of_mention`, or the title of the Wikipedia article GUM
    links the entity to, when the name spells the title with something more that is not part
    of it: words before a person's name ("Tom Cruise" in "Scientologist Tom Cruise") or a phrase after it
    ("Colorado State University" in "Colorado State University of the US", "Aceh" in "Aceh,
    Indonesia"); not when the title is only the start of a longer name ("Taipei City").
    The title also wins when the mention spells it and the name is a part of it ("Make-A-Wish
    Foundation", where "A" is no proper noun)."""
    found = name_of_mention(mention, gold_type)
    if found is None or not mention.identity:
        return found
    raw = mention.identity.replace("_", " ")
    title = re.sub(r"\s*\([^)]*\)$", "", raw).strip()
    if found.text in (raw, title):
        return found

    def within(short, long):
        return re.search(r"(?<!\w)" + re.escape(short) + r"(?!\w)", long)

    if within(found.text, title) and within(title, text_of(mention.tokens)):
        # The rules cut the name short of the title the mention spells: "Make-A-Wish
        # Foundation" ("A" is no proper noun), "Captain America" (not a title here).
        return Name(title, found.plural, found.tokens, found.longer)
    match = within(title, found.text)
    if not match:
        return found
    after = found.text[match.end():]
    continues = re.match(r"\s+(\S+)", after)
    # Words before the title are a description only in a person's name: "Municipality of
    # Bogliasco" is the name of the municipality GUM links to the town.
    if (match.start() > 0 and gold_type == "Person") or after.startswith(",") or (
        continues and continues.group(1).lower() in CONNECTORS
    ):
        return Name(title, found.plural, found.tokens, found.longer)
    return found


def gold_type_of(etype, names):
    """The gold type of a GUM entity type, or None for the types left out."""
    if etype in TYPES:
        kind = TYPES[etype]
        if kind == "Place" and any(name.split()[-1] in FACILITY_HEADS for name in names):
            return "Facility"
        return kind
    if etype == "abstract" and any(set(name.split()) & LEGAL_HEADS for name in names):
        return "LegalInstrument"
    return None


def convert(path: Path, dump=False):
    """The gold entities of one document, and what was left out as (name, GUM type, why).

    Each entity is a dict of the gold format's `name`, `type` and `aliases`, and `linked`:
    whether GUM links it to a Wikipedia article (the issue's "linked entities")."""
    doc = path.name.removesuffix(".conllu")
    corrections = CORRECTIONS.get(doc, {"not_names": {}, "types": {}})
    mentions = read_conllu(path)
    # Chains: by entity id, then chains with the same Wikipedia identity joined.
    chains = OrderedDict()
    for mention in mentions:
        chains.setdefault(mention.eid, []).append(mention)
    by_identity = {}
    groups = OrderedDict()
    for eid, chain in chains.items():
        identities = [mention.identity for mention in chain if mention.identity]
        key = by_identity.setdefault(identities[0], eid) if identities else eid
        groups.setdefault(key, []).extend(chain)

    # Every name of every mention first, to know which tokens are inside a name.
    found = {}
    for key, chain in groups.items():
        etypes = [mention.etype for mention in chain]
        # The type most mentions have; ties go to the first mention's.
        etype = max(etypes, key=lambda each: (etypes.count(each), -etypes.index(each)))
        for mention in chain:
            if mention.link == "pred":
                # A predicative ("was named Man of the Match") says what the entity is.
                continue
            name = mention_name(mention, TYPES.get(etype, "Other"))
            if name is not None:
                found.setdefault(key, (etype, []))[1].append((mention, name))
    # Which tokens are inside a name, counting the names that indefinite and predicative
    # mentions spell ("a World Cup" has "World" inside a name).
    in_names = {}
    for key, chain in groups.items():
        gold_type = TYPES.get(chain[0].etype, "Other")
        for mention in chain:
            name = name_of_mention(mention, gold_type, indefinite=True)
            if name is None:
                continue
            # A place after a comma is not inside the name: "Clearwater, Florida" names Florida.
            for token in name.tokens:
                if token.form == ",":
                    break
                in_names.setdefault(id(token), set()).add(key)

    entities = []
    left_out = []
    for key, (etype, named) in found.items():
        names = []
        plural = []
        for mention, name in named:
            inside_other = all(in_names[id(token)] - {key} for token in name.tokens)
            if dump:
                mark = "  (inside another name)" if inside_other else ""
                print(f"{key}\t{etype}\t{name.text!r}\t<- {text_of(mention.tokens)!r}{mark}")
            if inside_other:
                continue
            if name.text in corrections["not_names"] or (
                f"{etype}:{name.text}" in corrections["not_names"]
            ):
                continue
            for text in (name.longer, name.text):
                if text and text not in names:
                    names.append(text)
                    plural.append(name.plural)
        if not names:
            left_out.append((named[0][1].text, etype, "named only inside another name or corrected"))
            continue
        if etype == "person" and all(plural):
            left_out.append((names[0], etype, "a group of people named by a plural"))
            continue
        kind = gold_type_of(etype, names)
        if kind is None:
            left_out.append((names[0], etype, "type left out"))
            continue
        if kind in ("Place", "Facility"):
            # "Irving, Texas" is Irving, in Texas (an apposition, as the development set reads
            # "Spokane, Washington"): the part before the comma is a name of the place too.
            for name in list(names):
                head = name.split(",")[0].strip()
                if head != name and head and head not in names:
                    names.append(head)
        # The fullest name: most words, then first mentioned.
        name = max(names, key=lambda each: (len(each.split()), -names.index(each)))
        if name in corrections["types"]:
            kind = corrections["types"][name][0]
        linked = any(mention.identity for mention, _ in named)
        entities.append(
            {"name": name, "type": kind, "aliases": [n for n in names if n != name], "linked": linked}
        )

    # One entity for two chains of one type where one's name is a name of the other.
    merged = []
    for entity in entities:
        target = next(
            (
                other
                for other in merged
                if other["type"] == entity["type"]
                and (
                    entity["name"] in [other["name"], *other["aliases"]]
                    or other["name"] in [entity["name"], *entity["aliases"]]
                )
            ),
            None,
        )
        if target is None:
            merged.append(entity)
            continue
        names = [target["name"], *target["aliases"], entity["name"], *entity["aliases"]]
        unique = list(OrderedDict.fromkeys(names))
        target["name"] = max(unique, key=lambda each: (len(each.split()), -unique.index(each)))
        target["aliases"] = [n for n in unique if n != target["name"]]
        target["linked"] = target["linked"] or entity["linked"]
    if dump:
        for name, etype, why in left_out:
            print(f"left out: {etype} {name!r}: {why}")
    return merged, left_out


def render(doc, entities, relations):
    """The gold file's JSON text: fixed key order, one entity per line, relations kept."""
    lines = ["{", f'  "article": {json.dumps(doc + ".txt")},', '  "entities": [']
    for number, entity in enumerate(entities):
        comma = "," if number + 1 < len(entities) else ""
        # `linked` (GUM links the entity to a Wikipedia article) is no field of the gold format.
        shown = {key: entity[key] for key in ("name", "type", "aliases")}
        lines.append("    " + json.dumps(shown, ensure_ascii=False) + comma)
    lines.append("  ],")
    if relations:
        lines.append('  "relations": [')
        for number, relation in enumerate(relations):
            comma = "," if number + 1 < len(relations) else ""
            lines.append("    " + json.dumps(relation, ensure_ascii=False) + comma)
        lines.append("  ],")
    else:
        lines.append('  "relations": [],')
    lines.append('  "dates": [],')
    lines.append('  "quantities": []')
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gum", nargs="?", default=str(DEFAULT_GUM), help="the GUM news folder")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a file would")
    parser.add_argument("--dump", metavar="DOC", help="print the names found in one document")
    args = parser.parse_args()
    gum = Path(args.gum)
    if args.dump:
        convert(gum / f"{args.dump}.conllu", dump=True)
        return 0
    paths = sorted(gum.glob("GUM_news_*.conllu"))
    if not paths:
        print(f"error: no GUM_news_*.conllu in {gum}", file=sys.stderr)
        return 2
    stale = 0
    for path in paths:
        doc = path.name.removesuffix(".conllu")
        entities, _ = convert(path)
        target = OUT / f"{doc}.gold.json"
        relations = []
        if target.exists():
            relations = json.loads(target.read_text(encoding="utf-8")).get("relations", [])
        text = render(doc, entities, relations)
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                print(f"{target.relative_to(ROOT)} would change", file=sys.stderr)
                stale += 1
            continue
        target.write_text(text, encoding="utf-8")
        print(f"{target.relative_to(ROOT)}: {len(entities)} entities, {len(relations)} relations")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
