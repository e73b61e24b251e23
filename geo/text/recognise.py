"""Find the spans of English news text that name places.

The recogniser reads capitalised word runs and matches them, longest first, against the
gazetteer's alias index; it also finds the gazetteer's lowercase descriptions ("the border
river"), "the <demonym> capital", and place-like names the gazetteer lacks ("the town of X",
"X, <country>"), which stay as unresolved mentions. It rejects what news capitalises but is not a
place: people (after a title or a kin noun, a name already seen as a person, or a name the
words around make a person's: an age, a role in apposition, "the Bush administration"),
organisations ("Washington Post"), languages ("speaks fluent French"), landmarks that stand for
their institution ("the White House said"), days, months and sentence openers.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from typing import NamedTuple

from geo.errors import DataError
from geo.gazetteer import Gazetteer, fold
from geo.gazetteer.layers import ALIAS, ALTERNATE, DEMONYM, GAZETTEER_DIR, given_names, read_word_list
from geo.lexicon import read_toml
from geo.model import Candidate, Mention

RECOGNITION_WORDS = GAZETTEER_DIR / "recognition_words.toml"


@functools.lru_cache(maxsize=1)
def _word_lists() -> dict:
    return read_toml(RECOGNITION_WORDS, "the recogniser's word lists")


def _words(name: str) -> frozenset[str]:
    """The recogniser's word list ``name`` (data/gazetteer/recognition_words.toml), lower case;
    DataError naming the file and the list when it is missing or not a list of words."""
    words = _word_lists().get(name)
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise DataError(f"{RECOGNITION_WORDS}: {name!r} must be a list of words (lists: "
                        f"{', '.join(sorted(_word_lists()))})")
    return frozenset(w.lower() for w in words)


WORD = re.compile(r"\w+(?:[’'.]\w+)*\.?")
CONNECTORS = _words("connectors")
TITLES = _words("titles")
VERB_TITLES = _words("verb_titles")
"""Titles that in lower case are verbs ("expected to miss Tacoma"): a title only capitalised."""
KIN = _words("kin")
"""Kin nouns before a name ("her son Joshua", "their second child, Tyler,") and after a
possessive ("Marion's mother"): the name is a person's."""
_BEFORE_PERSON = TITLES | KIN
"""Words right before a person's name (singular; :func:`_is_title` takes the plural too)."""
PERSONAL = _words("personal")
"""Nouns after a possessive that make the name a person's ("Beckley's attorney", "Henry's arrest")."""
PERSON_FOLLOWERS = _words("person_followers")
"""Nouns after a one-word name that make it a person's ("the Bush administration")."""
MEDIA_WORDS = _words("media_words")
"""Heads of outlets' names: a place inside one ("The New York Times") is not a place mention,
while one inside another body's name is ("Ohio Supreme Court", "Paris Public Library")."""
ORGANISATION_WORDS = _words("organisation_words") | MEDIA_WORDS
"""Heads of bodies' names, outlets' among them ("Ohio Supreme Court", "the mercenary group Wagner")."""
PLACE_HEADS = _words("place_heads")
QUALIFIERS = _words("qualifiers")
PRODUCT_WORDS = _words("product_words")
"""Nouns after a name that make it a weapon's or product's, not a place's."""
THE_KINDS = frozenset({"river", "sea", "ocean", "gulf", "strait", "channel", "desert", "range",
                       "archipelago", "canal"})
"""Kinds of feature that English names with "the" before a bare name ("the Seine", "the
Danube"): after "the", such a feature's bare name counts as its own name, not as an
alternate one, and a word held otherwise only by a town's old name is this feature."""
LAND_NOUNS = _words("land_nouns")
"""Nouns of land, water or settlement after a demonym that make the two a local place's name
("Indian Orchard", "French Creek"): the demonym there names no nation."""
FEATURE_HEADS = _words("feature_heads")
"""Capitalised heads of a feature's name before "of" ("Strait of Hormuz", "Gulf of Sidra"): the
whole phrase is the mention, resolved when the gazetteer holds it, else left unresolved rather
than read as the town that the last word may also name."""
PAGEANT_TITLE = "miss"
"""The title a pageant gives its winner after the place she stands for ("Miss Oregon", "Miss
Greater Lake County"): before a prominent place it names the place, not a person."""
PLACE_ABBREVIATIONS = _words("place_abbreviations")
"""Abbreviated words of place names that keep their period ("Mt. Pleasant", "Ft. Worth")."""
_KEEP_PERIOD = TITLES | PLACE_ABBREVIATIONS
"""Short capitalised words whose period abbreviates them rather than ending a sentence."""
SAINT = re.compile(r"(?:st\.?|saint|ste\.?|san|santa) ")
"""A saint's name; followed by a possessive it names a church, school or hospital."""
SAINT_WORDS = _words("saint_words")
"""Words that head a saint's name: part of the name they open ("St. Pierre said", "St. Luke's
Hospital"), not a title before a person's name (see :func:`_person_names`)."""
CONTRACTION = re.compile(r"['’](re|ve|ll|d|m|t)$", re.I)
MATCH_SCORE = {ALTERNATE: -1.5}
"""A candidate's score from the name matched: an old or foreign variant counts against it."""
PERSON_VERBS = _words("person_verbs")
QUOTES_CLOSING = frozenset("\"”'’")
LANGUAGE_BEFORE = _words("language_before")
LANGUAGE_AFTER = _words("language_after")
"""Words before or after a demonym that make it a language ("speaks only French", "English
language classes", "a French immersion course"): a language is not a place mention."""
WRITTEN_IN = _words("written_in")
"""Verbs before "in" and a demonym that make it a language ("a letter written in Arabic")."""
LOCATIVE_BUILDING = _words("locative_building")
"""Words before "the" that make a landmark that news names for an institution a place ("a
ceremony at the White House"); elsewhere it is the institution ("the White House said", "a
Kremlin aide") and no place mention."""
OBJECT_VERBS = _words("object_verbs")
"""Speech verbs whose next word is the one spoken to ("told CTV Halifax."), not the speaker."""
SPEAKER_VERBS = PERSON_VERBS - OBJECT_VERBS
"""Speech verbs whose next word is the speaker ('," said Beckley.')."""
WIDE_PLACE_KINDS = frozenset({"country", "continent", "admin1", "capital", "ocean", "sea", "region"})
"""Kinds of place that news makes speak ("Russia said") and that are rarely a person's name."""
LOCATIVES = _words("locatives")
"""Words before a name that make it a place even when a speech verb follows ("from Tacoma said")."""
SMALL_TOWN = 100_000
"""A surname is usually also the name of some small town (Welch, Meredith, Bell); a name held
only by towns smaller than this, seen as the last word of an unknown two- or three-word name
("Dana M. Bell"), is read as that person's surname elsewhere in the text."""


@functools.lru_cache(maxsize=1)
def not_places() -> frozenset[str]:
    """Folded words that name no place when capitalised alone (data/gazetteer/not_places.txt)."""
    return read_word_list(GAZETTEER_DIR / "not_places.txt", fold)


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """English common words that some place is named (data/gazetteer/common_words.txt)."""
    return read_word_list(GAZETTEER_DIR / "common_words.txt")


@functools.lru_cache(maxsize=1)
def numbered_place_pattern() -> re.Pattern:
    """"Pier 39", "Terminal 2": a capitalised head noun of data/gazetteer/numbered_places.txt
    and a number (with an optional letter)."""
    heads = sorted(read_word_list(GAZETTEER_DIR / "numbered_places.txt"))
    alternatives = "|".join(re.escape(h[0].upper() + h[1:]) for h in heads)
    return re.compile(rf"\b(?:{alternatives}) \d+[A-Z]?\b")


class Token(NamedTuple):
    """A word: its offsets in the text, the word, its lowercase key, and whether capitalised."""

    start: int
    end: int
    text: str
    key: str
    capitalised: bool


def tokenize(text: str) -> list[Token]:
    """Words with their character offsets; a trailing period stays only on abbreviations."""
    tokens = []
    for match in WORD.finditer(text):
        word, end = match.group(), match.end()
        if word[-1] == "." and not _is_abbreviation(word):
            word, end = word[:-1], end - 1
        if word[-2:] in ("’s", "'s") and len(word) > 2:  # "Russia’s": the name is "Russia"
            word, end = word[:-2], end - 2
        tokens.append(Token(match.start(), end, word, word.rstrip(".").lower(), word[0].isupper()))
    return tokens


def _is_abbreviation(word: str) -> bool:
    core = word[:-1]
    if len(core) == 1 and core.isupper():
        return True  # a middle initial: "Roy A. Nelson" is one name
    return "." in core or (len(core) <= 3 and core[:1].isupper() and core.lower() in _KEEP_PERIOD)



_OPENERS = frozenset(" \t\"“‘'([")


def _sentence_initial(text: str, token: Token) -> bool:
    # looks back over the gap before the token only: the work is the gap's length
    end = token.start
    while end and text[end - 1] in _OPENERS:
        end -= 1
    return not end or text[end - 1] in ".!?\n:;—–-|" or text[max(0, end - 3):end] == "___"


class _LowercaseWords:
    """Whether a word occurs in the text in lowercase, as ``(?<![\\w.])word(?!\\w)`` would
    find it, answered from an index of the text's words built in one pass (searching the
    whole text for each sentence-initial word made recognition quadratic)."""

    def __init__(self, text: str):
        self.text = text
        self.starts: dict[str, list[int]] | None = None
        self.answers: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        if word not in self.answers:
            self.answers[word] = self._occurs(word)
        return self.answers[word]

    def _occurs(self, word: str) -> bool:
        text = self.text
        if self.starts is None:
            self.starts = {}
            for match in re.finditer(r"\w+", text):
                if not match.start() or text[match.start() - 1] != ".":
                    self.starts.setdefault(match.group(), []).append(match.start())
        head = re.match(r"\w*", word).group()
        if not head:  # not a word: search as before
            return re.search(rf"(?<![\w.]){re.escape(word)}(?!\w)", text) is not None
        # an occurrence starts a run of word characters equal to the word's first part
        for start in self.starts.get(head, ()):
            end = start + len(word)
            if text.startswith(word, start) and not (end < len(text) and _is_word_char(text[end])):
                return True
        return False


def _is_word_char(character: str) -> bool:
    return character.isalnum() or character == "_"


@functools.lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Function words that may open a sentence before a name (data/gazetteer/function_words.txt)."""
    return read_word_list(GAZETTEER_DIR / "function_words.txt")


def _runs(tokens: list[Token], text: str, gazetteer: Gazetteer | None = None) -> list[tuple[int, int]]:
    """(first, last+1) token indices of capitalised runs joined only by spaces; a function
    word capitalised at the head of a run ("In Columbus", "A Tacoma man") is left out of
    it, unless it and the next word are a place's name ("A Coruña", "Two Rivers")."""
    runs, i = [], 0
    opening = function_words()
    while i < len(tokens):
        if not tokens[i].capitalised:
            i += 1
            continue
        if (tokens[i].key in opening and i + 1 < len(tokens) and tokens[i + 1].capitalised
                and text[tokens[i].end:tokens[i + 1].start] == " "
                and not (gazetteer is not None and gazetteer.has_alias(
                    fold(text[tokens[i].start:tokens[i + 1].end])))):
            i += 1  # "In Columbus, ...": the run is "Columbus"
            continue
        j = i + 1
        while (j < len(tokens) and tokens[j].capitalised
               and (text[tokens[j - 1].end:tokens[j].start] == " "
                    or (text[tokens[j - 1].end:tokens[j].start] == "-"
                        and not _hyphen_splits(tokens, i, j, text, gazetteer)))):
            j += 1
        runs.append((i, j))
        i = j
    return runs


def _hyphen_splits(tokens, first, j, text, gazetteer) -> bool:
    """True when the hyphen before token j separates two names rather than joining one:
    a party's initials and a member's home ("Sen. Ann Doe, R-Spokane", "(D-Tacoma)"), or two names the gazetteer
    holds each on its own ("Peruvian-Chilean trade", "Fargo-Moorhead schools"), or a place
    and an initialism ("Tacoma-SPU"). A double surname ("Ann Parker-Hale", "Joe
    Shelby-Mason") and a prefix ("Sub-Saharan", "Al-Ahram", "Wal-Mart") stay whole;
    a name that is hyphenated itself ("Winston-Salem") is still matched whole across runs."""
    left, right = tokens[j - 1], tokens[j]
    if (j - 1 == first and left.text.isupper() and len(left.text) <= 3
            and text[max(0, left.start - 2):left.start] in (", ", " (")):
        return True  # a party's initials after a comma or in brackets: "R-Spokane", "(D-Tacoma)"
    if gazetteer is None or len(left.text) < 2 or (len(left.text) < 3 and not left.text.isupper()):
        return False
    given = given_names()
    if any(t.key in given or _is_title(t.key) for t in tokens[first:j - 1]):
        return False  # "Ruth Brandon-Hale", "Coach Ann Lopez-Ruiz"
    if not gazetteer.has_alias(fold(left.text)):
        return False
    return (right.text.isupper() and len(right.text) <= 4) or gazetteer.has_alias(fold(right.text))


def find_mentions(text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Place mentions in ``text``, in order, each with its candidate places (not yet resolved)."""
    tokens = tokenize(text)
    runs = _runs(tokens, text, gazetteer)
    lowercase = _LowercaseWords(text)
    persons = _person_names(tokens, runs, text, gazetteer)
    stop = not_places()
    mentions: list[Mention] = []
    taken = [False] * len(tokens)
    for first, last in runs:
        if _is_person_run(tokens, first, last, persons, text):
            continue
        # once per run, not per word (a long run made these quadratic): the last outlet word
        # in the run, and where the qualifiers at its head ("Northern", "Upper") end
        last_media = max((k for k in range(first, last) if tokens[k].key in MEDIA_WORDS), default=-1)
        qualifiers_end = next((k for k in range(first, last) if tokens[k].key not in QUALIFIERS), last)
        i = first
        while i < last:
            if taken[i]:  # inside a name that ran on from the run before ("Isle of Man")
                i += 1
                continue
            match = _longest_match(tokens, i, text, gazetteer)
            if match is None:
                i += 1
                continue
            end, key = match
            entries = gazetteer.entries(key)
            # "The Danube" opening a sentence: the run is the name after its article
            partial = end - i < last - (first + 1 if tokens[first].key == "the" and i == first + 1 else first)
            organisation = last_media >= end
            if _accept(tokens, i, end, first, last, key, entries, organisation, partial, stop,
                       text, persons, lowercase=lowercase, qualifiers_end=qualifiers_end):
                if _after_the(tokens, i, text, entries):  # "the Seine": the river's own name
                    entries = tuple((place, kind if place.kind not in THE_KINDS else ALIAS)
                                    for place, kind in entries)
                head = _feature_head(tokens, i, text)
                if head is not None:  # "Strait of Hormuz" that the gazetteer lacks
                    mentions.append(Mention(text=text[tokens[head].start:tokens[end - 1].end],
                                            start=tokens[head].start, end=tokens[end - 1].end))
                    for k in range(i, end):
                        taken[k] = True
                    i = end
                    continue
                mentions.append(_mention(text, tokens[i].start, tokens[end - 1].end, entries))
                for k in range(i, end):
                    taken[k] = True
            i = end
    # descriptions and abbreviations take precedence over the names inside them
    preferred = _descriptions(text, gazetteer) + _abbreviations(text, gazetteer, persons)
    covered = bytearray(len(text))  # 1 for each character inside a preferred mention
    for p in preferred:
        covered[p.start:p.end] = b"\x01" * (p.end - p.start)
    mentions = [m for m in mentions if covered.find(1, m.start, m.end) < 0]
    mentions += preferred
    mentions += _unknown_places(tokens, runs, text, taken, persons, stop, gazetteer)
    mentions = _numbered_places(text, mentions)
    return sorted(mentions, key=lambda m: m.start)


def _numbered_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """Places named by a number ("Pier 39") that no gazetteer entry or story pack holds: an
    unresolved mention in place of any match of the head word alone ("Pier" as a town)."""
    # linear: the furthest end of the mentions starting at or before each offset says whether a
    # match lies inside one; a mask of the matches says which mentions they overlap
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    furthest = list(itertools.accumulate((m.end for m in ordered), max))
    found = []
    for match in numbered_place_pattern().finditer(text):
        before = bisect.bisect_right(starts, match.start())
        if not (before and furthest[before - 1] >= match.end()):
            found.append(match)
    if not found:
        return mentions
    covered = bytearray(len(text))
    for f in found:
        covered[f.start():f.end()] = b"\x01" * (f.end() - f.start())
    kept = [m for m in mentions if covered.find(1, m.start, m.end) < 0]
    return kept + [Mention(text=f.group(), start=f.start(), end=f.end()) for f in found]


def _feature_head(tokens, i, text) -> int | None:
    """Index of the capitalised feature head two tokens before token i ("Strait" in "Strait of
    Hormuz"), when the words between are exactly " of "; None otherwise. A name the gazetteer
    holds whole ("Gulf of Aden") was matched from its head already."""
    if i < 2 or tokens[i - 1].key != "of" or not tokens[i - 2].capitalised:
        return None
    if tokens[i - 2].key not in FEATURE_HEADS or text[tokens[i - 2].end:tokens[i].start] != " of ":
        return None
    return i - 2


def _longest_match(tokens, i, text, gazetteer) -> tuple[int, str] | None:
    """(end index, alias key) of the longest alias starting at token i.

    A name runs over capitalised words, numbers after them ("Pier 39") and lowercase
    connectors between them ("Isle of Man"), joined by single spaces or hyphens, or by an
    ampersand when the gazetteer holds the name so ("Trinidad & Tobago").
    """
    limit = min(len(tokens), i + min(gazetteer.max_alias_words, 7))
    best = None
    end = i
    while end < limit:
        token = tokens[end]
        if end > i and text[tokens[end - 1].end:token.start] not in (" ", "-", " & "):
            break
        connector = token.key in CONNECTORS and not token.capitalised  # "Lake Van" ends on "Van"
        if not (token.capitalised or token.text[0].isdigit() or connector or _elided(token)):
            break
        end += 1
        if not connector:
            key = fold(text[tokens[i].start:token.end])
            if gazetteer.has_alias(key):
                best = (end, key)
    return best


ELISION = re.compile(r"([a-zà-ÿ]+)['’](?=[A-ZÀ-Þ])")


def _elided(token: Token) -> bool:
    """True for a linking word elided onto the capitalised word it links ("d'Ascq",
    "nell'Emilia"): a word of the name it stands in."""
    match = ELISION.match(token.text)
    return match is not None and match.group(1) in CONNECTORS


def _accept(tokens, i, end, first, last, key, entries, organisation, partial, stop, text,
            persons, *, lowercase, qualifiers_end) -> bool:
    """Whether a gazetteer match inside a capitalised run is a place mention.

    ``lowercase``: the text's :class:`_LowercaseWords`; ``qualifiers_end``: the index of the
    run's first word that is not a qualifier (the words before it only qualify the name:
    "Northern Virginia")."""
    if key in stop or key in persons or (end - i == 1 and _is_title(tokens[i].key)):
        return False
    if CONTRACTION.search(tokens[end - 1].text):
        return False  # "We're", "I've"
    kinds = {place.kind for place, _ in entries}
    is_country = bool(kinds & {"country", "continent"}) or any(
        alias_kind == DEMONYM for _, alias_kind in entries)
    if end < len(tokens) and tokens[end].key in PRODUCT_WORDS and not is_country:
        return False  # "the Tomahawk cruise missile" (but "Russian missiles")
    if any(place.layer == "landmarks" for place, _ in entries) and not _located(tokens, i, key):
        return False  # "the White House said", "a Kremlin-backed party": the institution
    if end - i == 1 and is_country and _language(tokens, i, text, entries):
        return False  # "she spoke only French", "English language learners"
    if (end - i == 1 and tokens[i].text.isupper() and len(tokens[i].text) <= 4 and not is_country
            and "region" not in kinds):
        return False  # acronyms: "CIA", "PKK", "BA" (but "US", "UK", "UAE", "EU" are places)
    if organisation and not (is_country and i == first and end < last):
        return False  # "Washington Post"; "Saudi Press Agency" still names Saudi Arabia
    if (end - i == 1 and end < len(tokens) and tokens[end].capitalised and tokens[end].key in LAND_NOUNS
            and text[tokens[i].end:tokens[end].start] == " "
            and any(alias_kind == DEMONYM for _, alias_kind in entries)):
        return False  # "Indian Orchard", "French Creek": a local place's name, not the nation
    if partial and end - i == 1 and all(alias_kind == ALTERNATE for _, alias_kind in entries):
        return False  # a county's bare name or a town's old name heading "Coffee Public Library"
    if partial:
        # inside a longer capitalised name: a place only as a modifier of a role or body
        # ("Moscow Mayor", "Russian President"), or after qualifiers ("Northern Virginia");
        # "Florence Nightingale", "Paris Hilton", "New York Yankees" name no place. A well-known place
        # heading two or more words is a place ("Dublin Veterans Park", "Florida Highway
        # Patrol"), and so is a state or county heading a longer name (_division_heading);
        # before one word it is more often a person or a team unless that word is a body or a
        # role. A well-known place ending the name is one too (_tail_of_name: "CTV Vancouver").
        follower = tokens[end].key if end < last else ""
        head = first + 1 if tokens[first].key == "the" else first  # "The Dayton Public Library"
        acronym = (last - end == 1 and tokens[end].text.isupper() and tokens[end].text.isalpha()
                   and 2 <= len(tokens[end].text) <= 4)  # a body's initials: "Reno PD", "Dallas ISD"
        modifier = i == head and (is_country or _is_title(follower) or acronym or any(
            t.key in ORGANISATION_WORDS for t in tokens[end:last])
            or (last - end >= 2 and _prominent(entries))
            or _division_heading(tokens, end, last, key, entries, persons))
        qualified = i <= qualifiers_end
        tail = end == last and i > first and _tail_of_name(tokens, first, i, key, entries, text)
        if not modifier and not (i > first and qualified) and not tail:
            return False
    if (end - i == 1 and i and tokens[i - 1].key in ORGANISATION_WORDS
            and text[tokens[i - 1].end:tokens[i].start] == " "):
        return False  # "the mercenary group Wagner"
    if (end - i == 1 and i >= 2 and tokens[i - 1].key == "of" and tokens[i - 2].key in ORGANISATION_WORDS
            and tokens[i - 2].capitalised and not kinds & WIDE_PLACE_KINDS
            and _largest_population(entries) < SMALL_TOWN):
        return False  # "Department of Labor", "College of Law": the body's field, not a town
    if (SAINT.match(key) and text[tokens[end - 1].end:tokens[end - 1].end + 2] in ("'s", "’s")
            and _largest_population(entries) < SMALL_TOWN and not kinds & WIDE_PLACE_KINDS):
        return False  # "St. Mark's Lutheran School": a church, school or hospital (not "St. Petersburg's")
    if end - i == 1 and not kinds & WIDE_PLACE_KINDS:
        after = text[tokens[i].end:tokens[i].end + 3]
        if (end < len(tokens) and tokens[end].key in PERSON_VERBS and text[tokens[i].end] == " "
                and not (i and tokens[i - 1].key in LOCATIVES)):
            return False  # "Lee said", "Meredith noted": a person (but "Russia said" stays)
        if after.startswith(" & ") or text[max(0, tokens[i].start - 3):tokens[i].start] == " & ":
            return False  # "Barnes & Noble", "Procter & Gamble": a firm
        if (re.match(r" \d", after) and _largest_population(entries) < SMALL_TOWN):
            return False  # "Pack 122", "Section 8": a troop, a clause, not a small town
        if (not tokens[i].text.isupper()
                and key in common_words() and _largest_population(entries) < SMALL_TOWN
                and not (i and tokens[i - 1].key in LOCATIVES)):
            return False  # "Bell", "Day", "Superior": a word, a name, unless "in Superior"
        if (all(alias_kind == ALTERNATE for _, alias_kind in entries) and not key.endswith(".")
                and not tokens[i].text.endswith(".") and not (i and tokens[i - 1].key in LOCATIVES)
                and not _after_the(tokens, i, text, entries)
                and not _other_name_of_large_place(tokens, i, text, key, entries, lowercase)):
            return False  # only an old or foreign name of a town ("Passover", "Kristina")
    if end - i == 1 and _sentence_initial(text, tokens[i]) and not (is_country or "admin1" in kinds):
        if tokens[i].text.lower() in lowercase:  # the word in lowercase
            return False
        if (_capitals_lead(tokens, i, text) and key in common_words()
                and _largest_population(entries) < SMALL_TOWN):
            return False  # "GREEN fingered youngsters": an English word set in capitals
    return True


def _capitals_lead(tokens, i, text) -> bool:
    """True when the word at token i is set in capitals and runs on into lower-case words
    ("GREEN fingered youngsters", "FIRE crews were called"), as news sets an article's or a
    paragraph's first word: the capitals say nothing of a name there. A dateline in capitals
    ("MANSFIELD —", "PARIS (Reuters) —", "LONDON:") is followed by punctuation, not by a word."""
    token = tokens[i]
    return (len(token.text) >= 2 and token.text.isupper() and i + 1 < len(tokens)
            and text[token.end:tokens[i + 1].start] == " " and tokens[i + 1].text[0].islower())


def _located(tokens, i, key) -> bool:
    """True when a landmark named at token i stands after a preposition of place and "the"
    ("at the White House"); ``key`` is the matched name, which may itself start with "the"."""
    k = i if key.startswith("the ") else i - 1  # the index of "the"
    return k >= 1 and tokens[k].key == "the" and tokens[k - 1].key in LOCATIVE_BUILDING


def _language(tokens, i, text, entries) -> bool:
    """True when the demonym at token i names a language: after a verb of speaking or
    learning ("speaks fluent French"), before a word of language or teaching ("English
    language", "French classes"), after "in" and such a word ("classes in German", "written in
    Arabic"), or after "in" at the end of a phrase ("aired in English and Spanish", "shouted in
    Turkish.")."""
    if not any(alias_kind == DEMONYM for _, alias_kind in entries) or tokens[i].text.endswith("s"):
        return False
    before = tokens[i - 1].key if i else ""
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if before in LANGUAGE_BEFORE or (after is not None and after.key in LANGUAGE_AFTER):
        return True
    if before not in ("in", "and", "or"):
        return False
    two_before = tokens[i - 2].key if i >= 2 else ""
    if before == "in" and (two_before in LANGUAGE_AFTER or two_before in LANGUAGE_BEFORE
                           or two_before in WRITTEN_IN):
        return True  # "classes in German", "written in Arabic"
    follows = text[tokens[i].end:tokens[i].end + 1]
    return after is None or follows in (".", ",", ";", ")", "") or after.key in ("and", "or")


def _after_the(tokens, i, text, entries) -> bool:
    """True when the name at token i follows "the" and one of its entries is a feature that
    English names so ("the Seine")."""
    return (i > 0 and tokens[i - 1].key == "the" and text[tokens[i - 1].end:tokens[i].start] == " "
            and any(place.kind in THE_KINDS for place, _ in entries))


def _division_heading(tokens, end, last, key, entries, persons) -> bool:
    """True when the state or county matched before token ``end`` heads a body's, a road's or
    an event's name rather than a person's ("the Kansas Turnpike", "Lake County Fairgrounds",
    "Oregon Legislature"): not when the one word after it is a person's surname known from
    the text ("Georgia Moss" once "Dan Moss" is read) or a given name."""
    if not any((place.kind == "admin1" or (place.kind == "admin2" and " " in key))
               and alias_kind != ALTERNATE for place, alias_kind in entries):
        return False  # a state, or a county named as one ("Lake County"), not "Paris" alone
    if last - end == 1 and (fold(tokens[end].text) in persons or tokens[end].key in given_names()):
        return False  # "Georgia Moss", "Virginia Anne"
    return True


def _tail_of_name(tokens, first, i, key, entries, text) -> bool:
    """True when the place at token i, ending a longer capitalised run that starts at
    ``first``, is a place named in a body's or an event's name ("CTV Vancouver", "Rodeo
    Tacoma", "Environment Canada") rather than a person's surname: a country or state, or
    a city of 100,000 or more, after words that are no given name, title or initial ("Dana L.
    Tyler"); a demonym only after one word that opens the sentence ("Former British officials",
    not "Native Americans"); never an English word ("Iron Man")."""
    if tokens[first].key == PAGEANT_TITLE and all(t.key in QUALIFIERS for t in tokens[first + 1:i]):
        return _prominent(entries)  # a pageant's title: "Miss Oregon", "Miss Greater Lake County"
    if key in common_words() or any(t.key in given_names() or _is_title(t.key)
                                    or (t.text.endswith(".") and len(t.text) <= 4)
                                    for t in tokens[first:i]):
        return False
    if any(alias_kind == DEMONYM for _, alias_kind in entries):
        return i == first + 1 and _sentence_initial(text, tokens[first])
    return any((place.kind in ("country", "admin1", "continent") or place.population >= SMALL_TOWN)
               and alias_kind != ALTERNATE for place, alias_kind in entries)


def _other_name_of_large_place(tokens, i, text, key, entries, lowercase) -> bool:
    """True when the one word at token i, which the gazetteer holds only as another name of
    places, is a name news writes for a place of 100,000 or more: the first word of its name
    ("Sarpy" for Sarpy County), or another form of it ("Castellon" for Castelló de la Plana,
    "Phila." for Philadelphia) written as a plain capitalised word of four letters or more that
    the text never writes in lower case, no English word or given name, and not joined by a
    hyphen to a lower-case word ("al-Sadr", "Agro-defense")."""
    large = [place for place, _ in entries if place.population >= SMALL_TOWN]
    if not large:
        return False
    word = tokens[i].text
    if key in common_words() or fold(word) in given_names() or word.lower() in lowercase:
        return False
    for k, gap in ((i - 1, text[tokens[i - 1].end:tokens[i].start] if i else ""),
                   (i + 1, text[tokens[i].end:tokens[i + 1].start] if i + 1 < len(tokens) else "")):
        if gap == "-" and not tokens[k].capitalised:
            return False
    if any(fold(place.name).startswith(key + " ") for place in large):
        return True
    return len(word) >= 4 and word[1:].islower()  # not "TfL", "TVs", "Ext."


def _prominent(entries) -> bool:
    """True when a name is a country, state, county or capital, or a town of 20,000 or more
    (not the town "Lee" heading "Lee Jae Myung")."""
    return any((place.kind in ("country", "admin1", "admin2", "capital") or place.population >= 20_000)
               and alias_kind != ALTERNATE for place, alias_kind in entries)


def _largest_population(entries) -> int:
    """The population of the largest place the name is the name or alias of: an alternate name
    ("Bell" for Bell County, Texas) does not make a word a large place."""
    return max((place.population for place, alias_kind in entries if alias_kind != ALTERNATE),
               default=0)


def _mention(text: str, start: int, end: int, entries) -> Mention:
    return Mention(text=text[start:end], start=start, end=end, candidates=_candidates(tuple(entries)))


@functools.lru_cache(maxsize=4096)
def _candidates(entries: tuple) -> tuple[Candidate, ...]:
    return tuple(Candidate(place, MATCH_SCORE.get(kind, 0.0)) for place, kind in entries)


def _is_title(key: str) -> bool:
    """True for a title or role that comes before a person's name ("writers Jim Heintz"), or
    a kin noun ("her son Joshua")."""
    return key in _BEFORE_PERSON or (key.endswith("s") and key[:-1] in _BEFORE_PERSON)


APPOSITIVE = re.compile(r", (?:the|a|an|its|our|their) (?:[\w’'-]+ ){0,3}?([A-Za-z]+)[,.]")
"""A name followed by a role between commas ("Bristow, the club's treasurer, said") is a
person's; the role is the word before the closing comma."""
AGE_AFTER = re.compile(r", \d{1,3},")
"""A name followed by an age between commas ("Beckley, 62, has coached", "Tyler, 7, and Emma") is a
person's."""


def _person_context(tokens, first, last, text, gazetteer) -> bool:
    """True when the words around a run make it a person's name: an age after it ("Beckley, 62,"),
    a role in apposition ("Bristow, the club's treasurer,"), a speech verb right after a
    quotation and punctuation after the name ('," said Beckley.'), a possessive before a kin noun
    ("Marion's mother") or, for one word, before a personal noun ("Beckley's attorney"); for one
    word also a noun of office after it ("the Bush administration") or a person's given name
    coordinated with it ("Marion and Bob Hale"). A run naming a country, state or demonym is
    spared where it could be one ("the Czech presidency", "New York's attorney general")."""
    end = tokens[last - 1].end
    if AGE_AFTER.match(text, end):
        return True
    role = APPOSITIVE.match(text, end)  # "Bristow, the club's treasurer, said"
    if role and _is_title(role.group(1).lower()) and not _wide(tokens[first:last], text, gazetteer):
        return True
    if (first and tokens[first - 1].key in SPEAKER_VERBS
            and text[tokens[first - 1].end:tokens[first].start] == " "
            and text[end:end + 1] in (".", ",", ";", "!", "?")
            and text[max(0, tokens[first - 1].start - 3):tokens[first - 1].start].rstrip()[-1:] in QUOTES_CLOSING):
        return True  # '"We won," said Beckley.
    following = tokens[last].key if last < len(tokens) else ""
    if (text[end:end + 2] in ("'s", "’s") and (
            following in KIN or (following in PERSONAL and last - first == 1
                                 and not _wide(tokens[first:last], text, gazetteer)))):
        return True  # "Marion's mother", "Beckley's attorney" (not "New York's attorney general")
    head = first + 1 if tokens[first].key == "the" else first  # "The Bush administration"
    if last - head != 1:
        return False
    # a noun of office after one word; coordinated with a person's given name ("Marion and Bob
    # Hale", "Marion and Tim"), not with a town named like one ("Fresno and Lindsay")
    if not ((following in PERSON_FOLLOWERS and text[end:end + 1] == " ")
            or (following == "and" and last + 1 < len(tokens) and _given_person(tokens, last + 1, text, gazetteer)
                and not (first and tokens[first - 1].key in LOCATIVES))
            or (first >= 2 and tokens[first - 1].key == "and" and _given_person(tokens, first - 2, text, gazetteer))):
        return False
    return not _wide(tokens[head:last], text, gazetteer)  # not "the Czech presidency"


def _given_person(tokens, k, text, gazetteer) -> bool:
    """True when token k is a given name that names a person here: followed by a surname
    ("Bob Hale"), or no place's own name ("Tim", "Sasha"; not "Lindsay", a town)."""
    token = tokens[k]
    if not token.capitalised or token.key not in given_names():
        return False
    if k + 1 < len(tokens) and tokens[k + 1].capitalised and text[token.end:tokens[k + 1].start] == " ":
        return True
    return all(alias_kind == ALTERNATE for _, alias_kind in gazetteer.entries(fold(token.text)))


def _person_names(tokens: list[Token], runs, text: str, gazetteer: Gazetteer) -> frozenset[str]:
    """Folded names of people in the text: runs after a title or a kin noun, before "said",
    that start with a given name ("Florence Nightingale") without being a place's name ("George
    Town"), or that the words around them make a person's (:func:`_person_context`); and the
    last word of a name that only small towns bear (:func:`_surname`)."""
    names = set()
    given = given_names()
    for first, last in runs:
        # a title counts right before the name, or before it and a comma when singular ("the
        # leader, Lee Jae Myung"); not "officers, Mansfield's Pastor on Patrol"
        before = tokens[first - 1].key if first else ""
        if before in VERB_TITLES and not tokens[first - 1].capitalised:
            before = ""  # "to miss Tacoma", "will chair Tuesday's meeting"
        gap = text[tokens[first - 1].end:tokens[first].start] if first else ""
        if gap != " " and not (gap == ", " and before in _BEFORE_PERSON
                               and not tokens[first - 1].text.endswith(".")):  # "Elm St., Tacoma"
            before = ""
        run, context = tokens[first:last], False
        # a saint heads a name ("St. Pierre said"), not a title before a person's name
        titled = [k for k, t in enumerate(run) if _is_title(t.key) and t.key not in SAINT_WORDS]
        if titled:
            pageant = run[titled[-1]].key == PAGEANT_TITLE
            run = run[titled[-1] + 1:]
            if pageant and run and _prominent(gazetteer.entries(fold(text[run[0].start:run[-1].end]))):
                continue  # "Miss Oregon", "Miss Lake County": a pageant's title names the place
        elif not _is_title(before):
            after = tokens[last].key if last < len(tokens) else ""
            if len(run) >= 3 and len(run[0].text) >= 3 and run[0].text.isupper() and run[1].key in given:
                run = run[1:]  # "OTTAWA Margaret Beckley": a dateline, then a name
            named = (len(run) >= 2 and run[0].key in given
                     and not gazetteer.has_alias(fold(text[run[0].start:run[-1].end]))
                     and not any(t.key in ORGANISATION_WORDS or t.key in PLACE_HEADS for t in run))
            speaker = (2 <= len(run) <= 3 and after in PERSON_VERBS
                       and not any(t.key in ORGANISATION_WORDS for t in run)
                       and not (run[0].key not in SAINT_WORDS and gazetteer.has_alias(fold(run[0].text))))
            context = not named and not speaker and _person_context(tokens, first, last, text, gazetteer)
            if not named and not speaker and not context:
                if _surname(run, text, gazetteer):
                    names.add(fold(run[-1].text))
                continue
        if len(run) == 1 and not context and any(
                alias_kind == DEMONYM for _, alias_kind in gazetteer.entries(fold(run[0].text))):
            continue  # "the deputy Russian foreign minister": a title before a demonym
        if run:
            names.add(fold(" ".join(t.text for t in run)))
            names.add(fold(run[-1].text))
            if len(run) >= 3 and not context:  # "Lee Jae Myung": the family name comes first
                names.add(fold(run[0].text))
    return frozenset(names)


def _wide(run, text: str, gazetteer: Gazetteer) -> bool:
    """True when a run names a country, continent, state or the like ("the US administration")."""
    entries = gazetteer.entries(fold(text[run[0].start:run[-1].end]))
    return any(place.kind in WIDE_PLACE_KINDS or alias_kind == DEMONYM for place, alias_kind in entries)


def _surname(run, text: str, gazetteer: Gazetteer) -> bool:
    """True when a two- or three-word name that is no place ends in a word that only small
    towns are named ("Dana M. Bell", "Ann Welch"): that word is a person's surname. The
    first word must not itself name a sizeable place or qualify one ("North Bell")."""
    if not 2 <= len(run) <= 3 or any(t.key in CONNECTORS or t.key in QUALIFIERS
                                     or t.key in ORGANISATION_WORDS for t in run):
        return False
    if not run[-1].text[:1].isupper() or run[-1].text.isupper() or len(run[-1].text) < 3:
        return False
    if len(run[0].text) < 2 or _sentence_initial(text, run[0]) or any(
            text[a.end:b.start] != " " for a, b in zip(run, run[1:])):
        return False  # "A Danbury man", "Only Cornwall", "D-Chicopee": no first name
    if gazetteer.has_alias(fold(text[run[0].start:run[-1].end])):
        return False
    last = gazetteer.entries(fold(run[-1].text))
    if not last or any(p.kind not in ("city", "admin2") or p.population >= SMALL_TOWN
                       for p, _ in last):
        return False
    first = gazetteer.entries(fold(run[0].text))
    return all(p.kind == "city" and p.population < 5000 for p, _ in first)


def _is_person_run(tokens, first, last, persons, text) -> bool:
    """True when the whole run names a person already known as one."""
    words = fold(" ".join(t.text for t in tokens[first:last]))
    return words in persons and words.count(" ") >= 1


@functools.lru_cache(maxsize=16)
def _description_pattern(keys: tuple[str, ...]) -> re.Pattern:
    """One pattern for a gazetteer's descriptions: at each word start, the longest that begins there."""
    alternatives = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    return re.compile(rf"(?=\b({alternatives})\b)")


def _descriptions(text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Lowercase descriptions from the gazetteer ("the border river") and "the X capital".

    They take precedence over the names inside them; of overlapping ones the longest is kept."""
    mentions = []
    if gazetteer.description_keys:
        lowered = text.lower()
        for match in _description_pattern(tuple(gazetteer.description_keys)).finditer(lowered):
            key = match.group(1)  # at every start, so one description may begin inside another
            mentions.append(_mention(text, match.start(), match.start() + len(key), gazetteer.entries(key)))
    for match in re.finditer(r"\bthe ((?:[A-Z][\w’']+ ){0,2}[A-Z][\w’']+) capital\b", text):
        countries = [p for p, kind in gazetteer.entries(fold(match.group(1)))
                     if p.kind == "country"]
        capitals = [cap for country in countries[:1] for cap in gazetteer.capitals(country.country)]
        if capitals:
            mentions.append(Mention(text=match.group(), start=match.start(), end=match.end(),
                                    candidates=tuple(Candidate(p, 0.0) for p in capitals)))
    kept: list[Mention] = []
    covered = bytearray(len(text))  # 1 for each character inside a kept description
    for mention in sorted(mentions, key=lambda m: m.start - m.end):
        if covered.find(1, mention.start, mention.end) < 0:
            kept.append(mention)
            covered[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
    return kept


ABBREVIATION_AFTER_PLACE = re.compile(r"(?<=, )[A-Z][A-Za-z]{0,4}\.(?:[A-Z][a-z]?\.){0,3}")


ABBREVIATION_BEFORE_WORD = re.compile(r"(?<![\w.’'])([A-Z][a-z]{1,4}\.) (?=[a-z])")
"""A one-part state abbreviation before a lower-case word ("Mass. voters", "an Ind.
law"): an abbreviation, not a sentence's end ("celebrated Mass. The priest")."""
DOTTED_ABBREVIATION = re.compile(r"(?<![\w.’'])(?:[A-Z][a-z]?\. ?){1,3}[A-Z][a-z]?\.")
"""Initials with a period after each part ("S.C.", "D.C.", "W. Va.", "N.S.W."): read as a state
or province wherever they stand ("the N.C. Highway Patrol", "Rep. Ann Doe, D-N.D.", "a trip to
D.C."), not only after a place name; "W. Va." is looked up as "W.Va."."""


def _abbreviations(text: str, gazetteer: Gazetteer, persons: frozenset[str]) -> list[Mention]:
    """State and province abbreviations: after a place name ("Macon, Ga.", "Calgary, Alta."),
    before a lower-case word ("Mass. voters"), and, when written as dotted initials, anywhere
    but before a person's name ("S.C. Johnson" once Johnson is known as a person); an
    abbreviation found by an earlier pattern is not found again."""
    mentions, seen = [], set()
    for pattern, group in ((ABBREVIATION_AFTER_PLACE, 0), (ABBREVIATION_BEFORE_WORD, 1),
                           (DOTTED_ABBREVIATION, 0)):
        for match in pattern.finditer(text):
            start, end = match.span(group)
            if start in seen:
                continue
            place = gazetteer.abbreviation(match.group(group).replace(" ", ""))  # "W. Va." -> "W.Va."
            if place is None:
                continue
            if pattern is DOTTED_ABBREVIATION:
                following = _NEXT_NAME.match(text, end)
                if following and fold(following.group(1)) in persons:
                    continue  # initials of a person: "S.C. Johnson", "N.C. Wyeth"
            seen.add(start)
            mentions.append(Mention(text=match.group(group), start=start, end=end,
                                    candidates=(Candidate(place, 0.0),)))
    return mentions


_NEXT_NAME = re.compile(r" ([A-Z][\w’']+)")
"""The capitalised word after an abbreviation and a space."""


def _unknown_places(tokens, runs, text, taken, persons, stop, gazetteer) -> list[Mention]:
    """Capitalised names the grammar marks as places but the gazetteer lacks: unresolved."""
    mentions = []
    for first, last in runs:
        if any(taken[first:last]):
            continue
        name_start, name_end = tokens[first].start, tokens[last - 1].end
        key = fold(text[name_start:name_end])
        if key in persons or key in stop or tokens[last - 1].key in ORGANISATION_WORDS:
            continue
        before = [t.key for t in tokens[max(0, first - 2):first]]
        heads = len(before) == 2 and before[1] == "of" and before[0] in PLACE_HEADS
        after = text[name_end:name_end + 40]
        followed_by_country = re.match(r",\s+([A-Z][\w’']+(?: [A-Z][\w’']+)*)", after)
        in_country = False
        if followed_by_country:
            entries = gazetteer.entries(fold(followed_by_country.group(1)))
            in_country = any(p.kind in ("country", "admin1") for p, _ in entries)
        if heads or in_country:
            mentions.append(Mention(text=text[name_start:name_end], start=name_start, end=name_end))
        elif _feature_head(tokens, first, text) is not None:  # "Strait of Tiran": the whole name
            start = tokens[first - 2].start
            mentions.append(Mention(text=text[start:name_end], start=start, end=name_end))
    return mentions
