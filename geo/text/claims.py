"""Distance claims: sentences stating that one place lies some distance from another.

:func:`extract_claims` reads a document sentence by sentence. Each written distance
(:func:`geo.text.quantities.find_distances`) becomes a claim only when the grammar around it
says it separates two places:

* after the figure comes a *relation* — a direction ("north of", "to the north-east of", "due
  east of", "NNW of"), "from", "away from", "outside", "off", "inland from", "apart", or a
  journey noun ("a 25 km drive from") — optionally with a mode ("by road", "as the crow
  flies"), and then the *anchor*: a place mention, possibly after a short noun phrase naming
  its kind ("north of the Ethiopian capital Addis Ababa", "from the town of X"), or a
  description whose referent is found earlier ("north of the capital");
* before the figure stands the *subject*: a place mention joined to the figure by a copula
  or a locative verb ("X is", "X, which lies", "X, located", "X sits on the river,"), an
  apposition ("X, 30 km from Y", "X, a town 30 km from Y"), or a description or pronoun at
  the head of the clause ("The city is ...", "It lies ...") whose referent is found earlier in
  the paragraph; or the subject follows the anchor in an inversion or after a fronted figure
  ("30 km north of Y lies X", "... lies the centre", "Located 30 km from Y, X ..."); or the
  figure is framed by two places: "X and Y are 30 km apart", "the distance between X and Y is
  30 km", "30 km from X to Y", "X is east of Y, 30 km away". A second figure joined by "and"
  keeps the first one's subject ("X is 30 km from Y and 50 km from Z").

Everything else is a look-alike and gives no claim: a figure measuring a noun ("a range of
1,500 km", "an altitude of 400 km", "the 17-km border", "a 3 km run"), a zone ("within 50 km
of"), a vertical or dimensional reading ("10 km deep", "km long"), an event's position (no
place is the subject of "an earthquake struck 30 km off ..."), a journey's length without
its two ends ("travelled 2,000 km") or a line's length ("the pipeline runs 1,224 km from X to
Y"), a part of a place as anchor ("30 km from the border with X", "the Polish border", "off
the coast of X"), one place on both ends, and areas and speeds (never figures at all).

A subject that is a description or a pronoun becomes a new :class:`~geo.model.Mention` whose
text and offsets are the words as written, whose place is the referent's, and whose
confidence is the referent's lowered (:data:`DESCRIPTION_CONFIDENCE`, :data:`KIND_CONFIDENCE`,
:data:`PRONOUN_CONFIDENCE`).

``DistanceClaim.direction`` is a 16-point compass abbreviation ("N", "NE", "NNW"), prefixed
with "due " when the text says so ("due E"), or "" for "from"/"away"; ``mode`` is "straight",
"road" (also a drive), "rail", "flight", "sea" or "".
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from geo import lexicon
from geo.errors import InputError
from geo.geodesy import compass_bearing, compass_point
from geo.model import DistanceClaim, Document, Mention
from geo.text.quantities import DistancePhrase, find_distances, may_state_distance
from geo.text.sentences import Sentence, sentences, split_sentences

__all__ = [
    "DESCRIPTION_CONFIDENCE",
    "KIND_CONFIDENCE",
    "PRONOUN_CONFIDENCE",
    "extract_claims",
    "split_sentences",
]

DESCRIPTION_CONFIDENCE = 0.8
"""Share of the referent's confidence kept when the text describes it with the same noun
("Kourou, a space port" ... "the port")."""

KIND_CONFIDENCE = 0.6
"""Share kept when the description's noun only matches the referent's kind ("the city")."""

PRONOUN_CONFIDENCE = 0.5
"""Share kept for a pronoun subject ("It lies ..."), read as the previous sentence's subject."""

REFERENT_SENTENCES = 3
"""How many sentences back (within the paragraph) a description or pronoun may refer."""

LOOK_BACK_CHARS = 200
"""How far (characters) the grammar looks back from a figure within its sentence."""


# --- sentences: geo.text.sentences is the one splitter -----------------------------------------

_Sentence = Sentence


# --- the grammar around a figure ------------------------------------------------------------

_CARDINALS = "|".join(sorted(lexicon.DIRECTION_WORDS))
_DIRECTION = (
    rf"(?:{_CARDINALS})(?:[\s-]?(?:{_CARDINALS})){{0,2}}"
    rf"|(?-i:{'|'.join(sorted(lexicon.DIRECTION_ABBREVIATIONS, key=len, reverse=True))})"
)
_MODE_PHRASE = lexicon.alternation(
    p for mode in lexicon.MODES.values() for p in mode.phrases
    if p.startswith(("by ", "as ", "in a ", "on ")) or p == "overland"
)
"""Mode phrases that stand alone after a figure ("by road", "as the crow flies"), from the lexicon."""
_JOURNEY_NOUN = (
    rf"(?:(?:{lexicon.alternation(lexicon.JOURNEY_VEHICLES)})\s+)?"
    rf"(?:{lexicon.alternation(n for n in lexicon.JOURNEY_NOUNS | lexicon.JOURNEY_TIME_NOUNS if ' ' not in n)})"
)
_ALONG_NAMED = r"(?-i:(?:up|down|across|along|over)\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)"
"""The named water or land a journey follows: "up the Nile", "across Lake Kivu" (case kept)."""
_JOURNEY_ASIDE = (
    rf"(?:by\s+(?:[a-z][\w-]*\s+)?(?:{lexicon.alternation(lexicon.JOURNEY_VEHICLES)})\s+"  # "by river boat"
    rf"|{_ALONG_NAMED}\s+)"
)
"""Words between a journey noun and its "from": how it travels, or the river it follows."""
_HEDGE = lexicon.alternation(h for h in lexicon.HEDGES if h not in lexicon.HEDGES_AFTER_ONLY)
"""The lexicon's hedges written before a figure ("about", "a little over"), as a regex alternation.
A run of them is matched possessively (``*+``): "just under" is one hedge or two, and trying
both splits of every word of a long run would take time exponential in its length."""
_RELATION_RE = re.compile(
    rf"""
    \s*,?\s*(?P<aside>\([^()]*\)\s*,?\s*)?(?:\(?(?P<mode>{_MODE_PHRASE})\)?\s*,?\s*)?
    (?:
        (?P<apart>apart)\b
      | (?P<journey>{_JOURNEY_NOUN})\s+(?:away\s+)?(?:{_JOURNEY_ASIDE})?(?=from\b|to\b)(?P<journey_to>to\b)?(?:from\b)?
      | (?:to\s+the\s+|(?P<due>due)\s+|further\s+|farther\s+)?
        (?P<direction>{_DIRECTION})(?:wards?)?\s+(?:of|from)\b
      | (?:away|distant)\s+from\b
      | (?P<away>away)\b
      | from\b
      | outside(?:\s+of)?\b | beyond\b | past\b | off\b | short\s+of\b
      | inland\s+(?:from|of)\b | (?:upstream|downstream|upriver|downriver)\s+(?:from|of)\b
      | (?:up|down)\s+the\s+(?:coast|road|river|line|highway|valley|motorway)\s+from\b
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)
_RELATION_BEFORE_RE = re.compile(
    rf"(?:(?:to\s+the\s+|(?P<due>due)\s+)?(?P<direction>{_DIRECTION})(?:wards?)?\s+(?:of|from)|\bfrom)"
    r"\s+(?:the\s+(?:[a-z][\w-]*\s+){0,3}?(?:of\s+)?)?$",
    re.IGNORECASE,
)
_EXTENT_VERB_RE = re.compile(
    r"\b(?:runs?|ran|running|stretch(?:es|ed|ing)?|extends?|extended|extending|spans?|spanned|snakes?|winds?|"
    r"measures?|measured)(?:\s+for)?\s*$",
    re.IGNORECASE,
)
_NOUN_OF_BEFORE_RE = re.compile(r"\b(?P<noun>[a-z]+)\s+of\s*$", re.IGNORECASE)
_WITHIN_BEFORE_RE = re.compile(r"\bwithin\s+(?:(?:a|an|just|only)\s+)*$", re.IGNORECASE)
_DISTANCE_OR_JOURNEY_RE = re.compile(rf"distance|{_JOURNEY_NOUN}", re.IGNORECASE)
"""The nouns a figure may measure before "of" and still be a separation ("a distance of", "a journey of")."""

_LINK_WORDS = frozenset(
    "is are was were be been being will would could may might must should has have had 's ’s "
    "lies lie lay lying sits sit sat sitting stands stand stood standing remains remain remained "
    "located situated based sited positioned set nestled perched placed built which that also "
    "still now currently itself just only actually roughly approximately".split()
)
_VERB_WORDS = _LINK_WORDS - frozenset(
    "which that also still now currently itself just only actually roughly approximately".split()
)
_LINK_ALTERNATIVES = "|".join(sorted(_LINK_WORDS, key=len, reverse=True))
_LOCATIVE_ADJUNCT_RE = re.compile(
    rf"\s*(?:,\s*)?(?P<link>(?:(?:{_LINK_ALTERNATIVES})\s+)+)"
    r"(?:on|in|at|near|along|beside|by|across|above|below|among|amid|inside)\s+[^,;:()\[\]]{1,40},\s*",
    re.IGNORECASE,
)
_RELATIVE_OR_PARTICIPLE = frozenset(
    "which that located situated based sited positioned set nestled perched placed built lying "
    "sitting standing".split()
)
_DISTANCE_FRAME_RE = re.compile(
    rf"\(?(?:{_MODE_PHRASE})\)?|\b(?:at\s+)?a\s+(?:straight[-\s]line\s+|road\s+|driving\s+)?distance\s+of\b",
    re.IGNORECASE,
)
_PART_NOUNS = lexicon.PART_NOUNS
"""Nouns for a part or edge of a place: "30 km from the Polish border" is not from Poland."""
_PREPOSITIONS = frozenset(
    "in at on near from to of into across along around by for with toward towards via through "
    "outside inside off beyond".split()
)
_ANCHOR_GAP_STOP_WORDS = (
    _PART_NOUNS | _PREPOSITIONS | frozenset("and or between than but where which who that".split())
) - {"of"}
"""Words that end the short phrase before an anchor ("the city of X" passes, "the border with X" stops)."""
_PRONOUN_OR_DESCRIPTION_RE = re.compile(
    r"(?:^|(?<=[,;:—–])\s*|\b(?:and|but|while|whereas|that|said|says)\s+)"
    r"(?P<np>[Ii]t|[Tt]he\s+(?:[a-z][\w-]*\s+){0,3}?(?P<head>[a-z][\w-]*))\s+"
    rf"(?P<link>(?:(?:{_LINK_ALTERNATIVES})\s+)+)$"
)
_INVERSION_RE = re.compile(
    r"\s*,?\s*(?:lies|lie|lay|is|are|was|were|sits|sit|stands|stand|stood)\s+(?P<rest>.*)$", re.DOTALL
)
_DESCRIPTION_NP_RE = re.compile(
    r"\s*(?P<np>[Tt]he\s+(?:[a-z][\w-]*\s+){0,3}?(?P<head>[a-z][\w-]*))"
    r"(?=\s*(?:[,.;:!?)—–]|$)|\s+(?:and|but|where|which|that|who|in|on|at|near|with|for|by|from|to|as|"
    r"after|before|since|while|because|when|has|had|have|is|was|lies|sits|stands)\b)"
)
_PAIR_JOIN_RE = re.compile(r"\s*(?:,\s*)?(?:and|to)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}?")
_PAIR_LINK_RE = re.compile(r"\s*(?:is|was|stands\s+at|comes\s+to|of)?\s*")
_DISTANCE_BETWEEN_RE = re.compile(
    r"\bdistance\s+(?:between|from)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}?$", re.IGNORECASE
)
_CONTINUATION_RE = re.compile(
    r"\s*,?\s*(?:(?:and|but|or|while)\s+)?(?:(?:is|are|was|were|lies|lie|sits|only|just|also)\s+)*"
)
_INVERTED_SUBJECT_GAP_RE = re.compile(r"(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}?(?:of\s+)?")
_FRONTED_SUBJECT_GAP_RE = re.compile(r"\s*,\s*(?:the\s+(?:[a-z][\w-]*\s+){0,2}(?:of\s+)?)?")
_APPOSITIVE_OF_RE = re.compile(
    r"(?P<comma>,)\s*(?:the|a|an)\s+(?:[\w'’-]+\s+){0,4}?(?:of|in)\s+(?:the\s+)?$"
)
_DESCRIPTION_AFTER_RE = re.compile(
    r"\s*(?:,|\(|—|–|\bis\b|\bwas\b)\s*(?:a|an|the)\s+(?P<np>[^,.;:()—–\"“”]*)"
)
_DESCRIPTION_END_RE = re.compile(
    r"\b(?:where|which|that|who|in|on|at|of|near|with|for|by|from|to|and|is|was)\b"
)
_DESCRIPTION_BEFORE_RE = re.compile(
    r"\b(?:the|a|an)\s+(?P<np>(?:[\w'’-]+\s+){0,4}?(?P<head>[\w-]+))\s+(?P<of>of\s+)?$"
)
_FRONTED_MODE_RE = re.compile(rf"\s*(?:{_MODE_PHRASE})\s*,", re.IGNORECASE)
_FRONTED_BEFORE_RE = re.compile(
    r"\s*(?:(?:located|situated|lying|sitting|set|nestled|perched|based|just|only)\b\s*)*", re.IGNORECASE
)


_KIND_NOUNS = {
    "city": {"city", "capital"}, "town": {"city"}, "village": {"city"}, "settlement": {"city"},
    "municipality": {"city"}, "metropolis": {"city", "capital"}, "hamlet": {"city"},
    "capital": {"capital"}, "port": {"port", "city"}, "country": {"country"},
    "nation": {"country"}, "state": {"admin1", "country"}, "region": {"admin1", "admin2"},
    "province": {"admin1"}, "prefecture": {"admin1"}, "oblast": {"admin1"},
    "territory": {"admin1"}, "county": {"admin2"}, "district": {"admin2"},
}  # fmt: skip
"""Description nouns and the Place.kind values they may refer to; any other noun matches a
kind of the same name ("the station" -> kind "station")."""

_NAMING_NOUNS = frozenset(
    "city town village hamlet settlement port island islands state province region republic kingdom "
    "district county municipality oblast krai territory prefecture emirate".split()
)
"""Nouns that name the place after "of" ("the city of X" is X); others relate ("the capital of X")."""

_HEAD_SPELLINGS = {"center": "centre", "harbor": "harbour", "theater": "theatre"}


@dataclass(frozen=True)
class _Relation:
    """The words after a figure that relate it to places."""

    end: int  # offset just after the relation words
    direction: str = ""  # compass point, "due N", or ""
    mode: str = ""
    apart: bool = False  # "X and Y are 30 km apart"
    journey_to: bool = False  # "a 30 km drive to X": the anchor is the destination
    away: bool = False  # "X is east of Y, 30 km away": the anchor comes before the figure


@dataclass(frozen=True)
class _Context:
    """What one document offers the grammar: its text, sentences and mentions in order."""

    document: Document
    sentences: tuple[_Sentence, ...]
    mentions: tuple[Mention, ...]
    memo: dict = field(default_factory=dict, compare=False, repr=False)  # look-alike figures, subjects: worked out once

    @property
    def text(self) -> str:
        return self.document.text

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        """The mentions lying within ``start``..``end``, in order.

        Mentions do not overlap (only the outermost are kept), so only the last one starting
        before ``end`` may reach past it.
        """
        found = list(self.mentions[bisect.bisect_left(self.starts, start) : bisect.bisect_left(self.starts, end)])
        if found and found[-1].end > end:
            found.pop()
        return found

    def iter_mentions(self, start: int, end: int) -> Iterator[Mention]:
        """The mentions lying within ``start``..``end``, in order, one at a time."""
        for index in range(bisect.bisect_left(self.starts, start), len(self.mentions)):
            mention = self.mentions[index]
            if mention.start >= end:
                return
            if mention.end <= end:
                yield mention

    @functools.cached_property
    def starts(self) -> list[int]:
        return [m.start for m in self.mentions]

    @functools.cached_property
    def sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’]+|[,—–]", text.lower())


def _normal_head(word: str) -> str:
    word = word.lower()
    return _HEAD_SPELLINGS.get(word, word)


def _direction(words: str, due: bool) -> str | None:
    """The compass point a direction word names ("north-east" -> "NE", "due" kept); None if none."""
    try:
        point = compass_point(compass_bearing(words))
    except InputError:
        return None
    return f"due {point}" if due else point


def _relation(text: str, start: int, end: int) -> _Relation | None:
    """The relation words right after a figure, or None when the figure is not a separation."""
    match = _RELATION_RE.match(text, start, end)
    if match is None:
        return None
    direction = ""
    if match.group("direction"):
        direction = _direction(match.group("direction"), bool(match.group("due")))
        if direction is None:
            return None
    mode = lexicon.mode_of(" ".join(match.group(g) or "" for g in ("mode", "journey", "aside")))
    return _Relation(
        end=match.end(),
        direction=direction,
        mode=mode,
        apart=bool(match.group("apart")),
        journey_to=bool(match.group("journey_to")),
        away=bool(match.group("away")),
    )


def _window_before(
    text: str, sentence: _Sentence, position: int, size: int = LOOK_BACK_CHARS
) -> tuple[str, bool]:
    """The sentence's text before ``position``, at most ``size`` characters, and whether it is
    cut short (does not reach back to the sentence's start)."""
    start = max(sentence.start, position - size)
    return text[start:position], start > sentence.start


def _clause_before(text: str, sentence: _Sentence, position: int) -> str:
    """The words of the clause leading up to ``position``: after the last ,;:— in the sentence."""
    return re.split(r"[,;:—–]", _window_before(text, sentence, position)[0])[-1]


def _rejected_by_words_before(text: str, sentence: _Sentence, phrase: DistancePhrase) -> bool:
    """A figure that measures a noun ("a range of 1,500 km") or a zone ("within 50 km").

    Only a distance or a journey may be measured that way ("a distance of 30 km from").
    """
    before = _window_before(text, sentence, phrase.start, size=60)[0]
    if "of" not in before[-12:] and "within" not in before[-40:].lower():
        return False
    noun_of = _NOUN_OF_BEFORE_RE.search(before)
    if noun_of and not _DISTANCE_OR_JOURNEY_RE.fullmatch(noun_of.group("noun")):
        return True
    return bool(_WITHIN_BEFORE_RE.search(before))


# --- anchors and subjects -------------------------------------------------------------------


def _anchor_after(context: _Context, start: int, limit: int) -> Mention | None:
    """The place named right after ``start``: a mention, perhaps after a short kind phrase."""
    text = context.text
    for mention in context.iter_mentions(start, limit):
        gap = text[start : mention.start]
        words = [w for w in _words(gap) if w != ","]
        if len(words) > 6 or any(w in _ANCHOR_GAP_STOP_WORDS for w in words):
            break
        if re.search(r"[.;:!?()\[\]\"“”]", gap):
            break
        possessive = re.match(r"['’]s\b", text[mention.end : mention.end + 2])
        if possessive:  # "from Russia's capital, Moscow": the anchor is further on
            start = mention.end + 2
            continue
        following = re.match(r"[\s-]+([a-z]+)", text[mention.end : mention.end + 20])
        if following and following.group(1) in _PART_NOUNS:  # "the Polish border"
            return None
        return mention
    return None


def _description_anchor(context: _Context, sentence: _Sentence, start: int,
                        exclude: Mention | None = None) -> Mention | None:
    """A description right after the relation ("north of the capital") read as its referent
    (never ``exclude``, the subject: "X lies 90 km south of the town" is another town)."""
    match = _DESCRIPTION_NP_RE.match(context.text, start, sentence.end)
    if match is None:
        return None
    return _referent(context, sentence, match.start("np"), match.end("np"), match.group("head"), exclude)


def _is_subject_link(connector: str) -> bool:
    """Whether the words between a place and a figure make the place the figure's subject.

    Accepted: a comma (an appositive "X, 30 km from Y"), a copula or locative verb
    ("is", "lies", "is located", "which sits"), perhaps with a locative phrase closed by a comma
    ("sits on the Tigris, 400 km ..."), an appositive noun phrase ("X, a town") and a distance
    frame ("at a distance of", "by road"); parenthetical asides are skipped.
    """
    if not connector.strip():
        return False  # "crossed into Israel 2 km from Gaza": no word links the place to the figure
    connector = re.sub(r"\([^()]*\)", " ", connector)
    connector = _DISTANCE_FRAME_RE.sub(" ", connector)
    adjunct = _LOCATIVE_ADJUNCT_RE.fullmatch(connector)
    if adjunct and any(w in _VERB_WORDS for w in adjunct.group("link").split()):
        return True
    words = _words(connector)
    if words and words[-1] in {"a", "an"}:  # "X is a 30 km drive from Y"
        words = words[:-1]
    i = 0
    apposition = bool(words) and words[0] in {",", "—", "–"}
    i += apposition
    if apposition and i < len(words) and words[i] in {"a", "an", "the"}:
        j = i + 1
        while j < len(words) and words[j] not in _LINK_WORDS and words[j] not in {",", "—", "–"}:
            j += 1
        if j - i > 6:
            return False
        rest = [w for w in words[j:] if w not in {",", "—", "–"}]
        return not rest or (rest[0] in _RELATIVE_OR_PARTICIPLE and all(w in _LINK_WORDS for w in rest))
    return all(w in _LINK_WORDS or w in {",", "—", "–"} for w in words[i:])


def _appositive_head(context: _Context, mention: Mention) -> Mention:
    """For a mention inside an appositive ("X, the capital of Y, is ..."), the head X."""
    window = max(0, mention.start - 120)
    match = _APPOSITIVE_OF_RE.search(context.text[window : mention.start])
    if match:
        comma = window + match.start("comma")
        for head in context.mentions_between(window, comma):
            if not context.text[head.end : comma].strip():
                return head
    return mention


def _subject_before(context: _Context, sentence: _Sentence, position: int) -> Mention | None:
    """The place mention the words before ``position`` (a figure) make its subject.

    The nearest mention first; an earlier one when the nearer ones sit inside its appositive
    ("Sderot, an Israeli town just a mile from Gaza").
    """
    key = ("subject before", position)
    if key not in context.memo:
        found = None
        for mention in reversed(context.mentions_between(sentence.start, position)[-3:]):
            if _is_subject_link(context.text[mention.end : position]):
                found = _appositive_head(context, mention)
                break
        context.memo[key] = found
    return context.memo[key]


def _pair_before(
    context: _Context, sentence: _Sentence, phrase: DistancePhrase
) -> tuple[Mention, Mention] | None:
    """The two places of "X and Y are 30 km apart" / "the distance between X and Y is 30 km"."""
    before = context.mentions_between(sentence.start, phrase.start)
    if len(before) < 2:
        return None
    first, second = before[-2], before[-1]
    text = context.text
    if not _PAIR_JOIN_RE.fullmatch(text[first.end : second.start]):
        return None
    link = text[second.end : phrase.start]
    if not _is_subject_link(link) and not _PAIR_LINK_RE.fullmatch(link):
        return None
    return first, second


def _distance_between(context: _Context, sentence: _Sentence, first: Mention) -> bool:
    """Whether "the distance between" / "the distance from" leads up to ``first``."""
    before = _window_before(context.text, sentence, first.start, size=60)[0]
    return bool(_DISTANCE_BETWEEN_RE.search(before))


def _referent_window(context: _Context, sentence: _Sentence) -> tuple[int, int]:
    """Where a pronoun or description looks back for its referent: (the index of ``sentence``,
    the index of the first sentence of the window), the window being this sentence and up to
    REFERENT_SENTENCES before it within its paragraph."""
    index = bisect.bisect_left(context.sentence_starts, sentence.start)
    first = max(0, index - REFERENT_SENTENCES)
    while first < index and context.sentences[first].paragraph != sentence.paragraph:
        first += 1
    return index, first


def _referent(context: _Context, sentence: _Sentence, np_start: int, np_end: int, head: str | None,
              exclude: Mention | None = None) -> Mention | None:
    """A new mention for a description or pronoun, placed at its referent; None if none fits.
    ``exclude`` (the claim's other end) is never the referent, nor is its place."""
    index, first = _referent_window(context, sentence)
    window_start = context.sentences[first].start
    candidates = [
        m for m in context.mentions_between(window_start, np_start)
        if exclude is None or ((m.start, m.end) != (exclude.start, exclude.end) and not _same_place(m, exclude))
    ]  # fmt: skip
    referent, share = None, 0.0
    if head is None:  # a pronoun: the subject of the previous sentence
        if index > first:
            previous = context.sentences[index - 1]
            subjects = [
                m for m in candidates if m.start >= previous.start and not _after_preposition(context.text, m)
            ]
            if subjects:
                referent, share = subjects[0], PRONOUN_CONFIDENCE
    else:
        head = _normal_head(head)
        described = [m for m in candidates if head in _descriptions(context.text, m)]
        if described:
            referent, share = described[-1], DESCRIPTION_CONFIDENCE
        else:
            kinds = _KIND_NOUNS.get(head, {head})
            of_kind = [m for m in candidates if m.place is not None and m.place.kind in kinds]
            if of_kind:
                referent, share = of_kind[-1], KIND_CONFIDENCE
    if referent is None:
        return None
    return Mention(
        text=context.text[np_start:np_end],
        start=np_start,
        end=np_end,
        place=referent.place,
        confidence=referent.confidence * share,
        candidates=referent.candidates,
    )


def _after_preposition(text: str, mention: Mention) -> bool:
    """Whether a preposition governs the mention ("In Ukraine, ..."): then it is no subject."""
    word = re.search(r"(\w+)\W*$", text[max(0, mention.start - 30) : mention.start])
    return bool(word) and word.group(1).lower() in _PREPOSITIONS


def _descriptions(text: str, mention: Mention) -> set[str]:
    """Words the text uses for a mention: its own ("Kennedy Space Center" -> "centre"), an
    appositive or predicate after it ("X, a mining town where ..." -> "mining", "town"; "X is a
    port city" -> "port", "city") and a description before it ("the eastern Turkish city of X"
    -> "eastern", "turkish", "city")."""
    nouns = {_normal_head(w) for w in re.findall(r"[\w-]+", mention.text)}  # "the spaceport"
    after = _DESCRIPTION_AFTER_RE.match(text[mention.end : mention.end + 160])
    if after:
        np = _DESCRIPTION_END_RE.split(after.group("np"))[0]
        nouns.update(_normal_head(w) for w in re.findall(r"[\w-]+", np)[:6])
    before = _DESCRIPTION_BEFORE_RE.search(text[max(0, mention.start - 80) : mention.start])
    if before and (not before.group("of") or _normal_head(before.group("head")) in _NAMING_NOUNS):
        nouns.update(_normal_head(w) for w in re.findall(r"[\w-]+", before.group("np")))
    return nouns


def _description_subject_before(context: _Context, sentence: _Sentence, position: int,
                                anchor: Mention | None) -> Mention | None:
    """"The city is about ..." / "It lies ...": the description or pronoun heading the clause
    that reaches ``position`` (a figure)."""
    before, cut_short = _window_before(context.text, sentence, position)
    if not _may_end_with_link(before, predicate=False):
        return None
    match = _PRONOUN_OR_DESCRIPTION_RE.search(before)
    if match is None or (cut_short and match.start() == 0):
        return None  # a clause head at a cut is no clause head
    link = match.group("link").lower().split()
    if not link or not all(w in _LINK_WORDS for w in link) or not any(w in _VERB_WORDS for w in link):
        return None
    head = None if match.group("np").lower() == "it" else match.group("head")
    offset = position - len(before)
    np_start, np_end = offset + match.start("np"), offset + match.end("np")
    return _referent(context, sentence, np_start, np_end, head, exclude=anchor)


def _subject_after(
    context: _Context, sentence: _Sentence, phrase: DistancePhrase, anchor: Mention
) -> Mention | None:
    """The subject after the anchor of a fronted figure: "30 km north of Y lies X" / "..., X"."""
    if not _FRONTED_BEFORE_RE.fullmatch(context.text, sentence.start, phrase.start):
        return None
    text = context.text
    inversion = _INVERSION_RE.match(text, anchor.end, sentence.end)
    if inversion:
        start = inversion.start("rest")
        mention = next(context.iter_mentions(start, sentence.end), None)
        if mention is not None and _INVERTED_SUBJECT_GAP_RE.fullmatch(text[start : mention.start]):
            return mention
        description = _DESCRIPTION_NP_RE.match(text, start, sentence.end)
        if description:
            return _referent(context, sentence, description.start("np"), description.end("np"),
                             description.group("head"), exclude=anchor)
        return None
    following = next(context.iter_mentions(anchor.end, sentence.end), None)
    if following and _FRONTED_SUBJECT_GAP_RE.fullmatch(text[anchor.end : following.start]):
        return following
    return None


def _continued_subject(
    context: _Context, previous: DistanceClaim | None, phrase: DistancePhrase
) -> Mention | None:
    """"X is 30 km from Y and 50 km from Z": the second figure keeps the first one's subject."""
    if previous is None or previous.anchor.end > phrase.start:
        return None
    if _CONTINUATION_RE.fullmatch(context.text[previous.anchor.end : phrase.start]):
        return previous.subject
    return None


def _away_claim(
    context: _Context, sentence: _Sentence, phrase: DistancePhrase
) -> tuple[Mention, Mention, str] | None:
    """(subject, anchor, direction) of "X is (due) east of Y, (some) 30 km away"."""
    text = context.text
    before = context.mentions_between(sentence.start, phrase.start)
    if not before or not re.fullmatch(r"\s*,\s*", text[before[-1].end : phrase.start]):
        return None
    anchor = before[-1]
    relation = _RELATION_BEFORE_RE.search(text, max(sentence.start, anchor.start - 60), anchor.start)
    if relation is None:
        return None
    direction = ""
    if relation.group("direction"):
        direction = _direction(relation.group("direction"), bool(relation.group("due")))
        if direction is None:
            return None
    subject = _subject_before(context, sentence, relation.start()) or _description_subject_before(
        context, sentence, relation.start(), anchor
    )
    return None if subject is None else (subject, anchor, direction)


def _mode_around(
    context: _Context, sentence: _Sentence, phrase: DistancePhrase, subject: Mention, anchor: Mention
) -> str:
    """The travel mode named in the claim's own words: heading the sentence ("By train, X is
    ..."), in the clause before the figure ("the minister flew 900 km"), between a subject and its
    figure when they are close ("X is, by road, 30 km ..."), from the figure to the anchor, and
    after the anchor up to the next punctuation ("... from Y as the crow flies")."""
    text = context.text
    end = max(anchor.end, phrase.end)
    start = subject.end if 0 <= phrase.start - subject.end <= 40 else phrase.start
    tail = re.match(r"[^,;.!?]{0,60}", text[end : sentence.end]).group(0)
    fronted = _FRONTED_MODE_RE.match(text, sentence.start, min(start, phrase.start))
    clause = _clause_before(text, sentence, phrase.start)  # "the minister flew 900 km from ..."
    words = (fronted.group(0) if fronted else "", clause, text[min(start, phrase.start) : end], tail)
    return lexicon.mode_of(" ".join(words))


# --- figure first: every figure not a look-alike is a claim, its ends as text spans -----------

_LOOSE_DIRECTION = rf"(?:{_DIRECTION})(?:wards?)?"
_RELATIVE_DIRECTIONS = lexicon.alternation(lexicon.RELATIVE_DIRECTIONS)
_JOURNEY_WORDS = lexicon.alternation(lexicon.JOURNEY_NOUNS | lexicon.JOURNEY_VEHICLES | lexicon.JOURNEY_TIME_NOUNS)
_LOOSE_RELATION_RE = re.compile(
    rf"""
    \.?(?P<lead>
      (?:\s*,?\s*
        (?:\([^()]{{0,40}}\)                                   # an aside "(by bus)"
          | (?:in|by|on)\s+(?:an?\s+|the\s+)?(?:[a-z][\w-]*\s+)?(?:{_JOURNEY_WORDS})(?:\s+ride)?\b  # "in a car", "by river boat"
          | {_ALONG_NAMED}\b                                     # "up the Nile", "across Lake Kivu"
          | (?:{_MODE_PHRASE})
          | (?:[a-z][\w-]*\s+)?(?:{_JOURNEY_WORDS})\b             # "drive", "train ride", "tuk-tuk ride"
          | away\b | far\b | further(?:\s+on)?\b | farther\b | distant\b | ride\b | approximately\b
          | roughly\b | or\s+so\b
        )
      ){{0,4}}
    )
    \s*,?\s*
    (?:
        (?:to\s+the\s+|(?P<due>due)\s+|further\s+|farther\s+)?(?P<direction>{_LOOSE_DIRECTION})\b
          (?:\s+(?P<dir_link>of|from|to)\b)?
      | (?P<link>from|of|off(?:\s+of)?|outside(?:\s+of)?|out\s+of|to|past|beyond|short\s+of|inland\s+(?:from|of)|
          (?:{_RELATIVE_DIRECTIONS})(?:\s+(?:from|of))?)\b
      | (?P<apart>apart)\b
      | (?P<away>away)\b
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)
_ANCHOR_STOP_WORDS = frozenset(
    "and or but which who that where when while in on at with near by for to is was were are has have "
    "had will would can could after before since as than into toward towards via along across "
    "takes take took brings brought leads led making whereby through so if because then yet you we they he she it "
    "can may might should must does did do from off outside beyond past".split()
)
_NP_STOP_WORDS = _ANCHOR_STOP_WORDS | frozenset(w for w in lexicon.LINK_VERBS if " " not in w) | frozenset(
    "just only also some about around roughly approximately nearly still now even".split()
)
"""Words that end a noun phrase read as a claim's end: function words, link verbs, adverbs."""
_ANCHOR_WORD_RE = re.compile(r"[\w’'./&-]+|\S")
_DIMENSION_AFTER_RE = re.compile(
    rf"\s*[-,]?\s*(?:{lexicon.alternation(lexicon.DIMENSION_WORDS)})(?:\b|(?=-))", re.IGNORECASE
)
_FROM_BEFORE_RE = re.compile(r"\bfrom\s+", re.IGNORECASE)
_TO_BEFORE_RE = re.compile(r"\b(?:to|reach(?:es|ed|ing)?)\s+", re.IGNORECASE)  # "to X", "reach X from Y in N"
_SIGN_RE = re.compile(r"\s*[-–—:~]\s*$")
_ANCHOR_TO_FIGURE_RE = re.compile(
    r"(?:\s*\([^()]{0,40}\))?\s*,?\s*"
    r"(?:(?:is|was|are|were|be|takes?|took|taking|can|will|would|could|may|might|should|usually|typically|"
    r"normally|generally|only|just|about|around|approximately|roughly|nearly|it|you|there|them|us|one|a|an|"
    r"in|on|by|road|car|train|bus|air|plane|via|to|[A-Z][\w’'-]*|[a-z]+ly)\s+|\([^()]{0,40}\)\s*)*"
    r"(?:[~:–—-]\s*)?(?:\(\s*)?$"
)
_PRONOUNS = frozenset("it its they this these there here he she we i you".split())


def _span(context: _Context, start: int, end: int, place_from: Mention | None = None) -> Mention:
    """A mention of the words ``start``..``end`` as written, at ``place_from``'s place (or unresolved)."""
    text = context.text
    while start < end and text[start] in " ,\t\n":
        start += 1
    while end > start and text[end - 1] in " ,.\t\n":
        end -= 1
    if place_from is None:
        return Mention(text=text[start:end], start=start, end=end)
    return Mention(text=text[start:end], start=start, end=end, place=place_from.place,
                   confidence=place_from.confidence * DESCRIPTION_CONFIDENCE, candidates=place_from.candidates)


_FIGURE_START_RE = re.compile(
    rf"[\d.,]+\s*-?\s*(?:{lexicon.alternation(s for u in lexicon.UNITS.values() for s in u.spellings)})\b", re.IGNORECASE
)


def _noun_phrase_after(context: _Context, start: int, limit: int, anchor: bool = False) -> tuple[int, int] | None:
    """The noun phrase starting at ``start``: words up to punctuation or a function word (at most 8)."""
    text = context.text
    end = start
    words = 0
    previous = ""
    for match in _ANCHOR_WORD_RE.finditer(text, start, limit):
        word = match.group(0)
        lower = word.lower()
        if not word[0].isalnum() and word not in ("’", "'"):
            if word == "," and words and _is_place_qualifier(text, match.end(), limit):
                continue  # "Thunder Bay, Ont.", "Denver, Colorado"
            break
        if anchor and words and word[:1].isdigit() and _FIGURE_START_RE.match(text, match.start(), limit):
            break  # "this town 195 miles south of X": another figure begins
        if words and not (len(word) > 1 and word.isupper()):  # "the IS stronghold": capitals are a name
            adverb = word.islower() and lower.endswith("ly") and previous.lower() not in lexicon.DETERMINERS
            new_phrase = lower in ("the", "a", "an") and previous[:1].isupper()
            if lower in _NP_STOP_WORDS or adverb or new_phrase:
                break  # "X usually takes", "X situated on", "Lindau the most charming"
        if words >= 8:
            break
        previous = word
        end = match.end()
        if word.endswith(".") and not _is_abbreviated(word):
            end -= 1
            words += 1
            break
        words += 1
    if words == 0:
        return None
    return start + (len(text[start:end]) - len(text[start:end].lstrip())), end


def _is_abbreviated(word: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Z][a-z]{0,3}|[A-Za-z](?:\.[A-Za-z])+|St|Mt|Ft)\.", word))


def _is_place_qualifier(text: str, start: int, limit: int) -> bool:
    """Whether a short capitalised qualifier follows a comma ("Thunder Bay, Ont.", "La Paz, Bolivia")."""
    match = re.match(r"\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?(?=\s*(?:[,.;:)]|$))", text[start:limit])
    return bool(match)


_PLACE_MODIFIERS = frozenset(
    "downtown uptown central northern southern eastern western north south east west greater "
    "inner outer old new upper lower nearby neighbouring neighboring metropolitan coastal".split()
)


def _loose_anchor(context: _Context, sentence: _Sentence, start: int, after_to: bool = False) -> Mention | None:
    """The anchor after a relation as a text span: a noun phrase, at the place of a mention
    inside it (the last) or of a description's referent; unresolved when it names a part of a
    place ("the Indian border") or nothing the document places."""
    span = _noun_phrase_after(context, start, sentence.end, anchor=True)
    if span is None:
        return None
    np_start, np_end = span
    words = context.text[np_start:np_end].lower().split()
    if words == ["there"]:  # "12 km from there": placed at its referent once the subject is known
        return _span(context, np_start, np_end)
    if words and words[0] in _PRONOUNS - {"this", "these"}:
        return None
    if words and words[0] == "where":  # "3 km from where the missile landed": a spot, unplaced
        clause = re.match(r"where\b[^,.;:()]{1,60}", context.text[np_start:sentence.end], re.IGNORECASE)
        return _span(context, np_start, np_start + clause.end()) if clause else None
    first = context.text[np_start:np_end][:1]
    if words and not first.isupper() and words[0] not in lexicon.DETERMINERS and words[0] not in _PLACE_MODIFIERS and (
        after_to or not inside_any(context, np_start, np_end)
    ):
        return None  # "to reach X", "from here": no noun phrase naming a place
    inside = context.mentions_between(np_start, np_end)
    part = any(w.strip(".,") in lexicon.PART_NOUNS for w in words)
    if inside and not part:
        heads = [m for m in inside if not context.text[np_start : m.start].rstrip().endswith(",")] or inside
        # "Denver, Colorado": the place qualified, not its qualifier
        head = heads[0] if context.text[heads[0].end : np_end].lstrip().startswith(("’s", "'s")) else heads[-1]
        if (head.start, head.end) == (np_start, np_end):
            return head
        return _span(context, np_start, np_end, head)
    if not part:
        description = _description_anchor(context, sentence, np_start)
        if description is not None and description.end <= np_end:
            return _span(context, np_start, np_end, description)
    return _span(context, np_start, np_end)


_POSSESSOR_RE = re.compile(
    r"(?:^|\b)(?:(?P<pronoun>(?i:its|their))|(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)['’]s?)\s+"
    r"(?:(?:own|only|main|largest|biggest)\s+)?(?:nearest|closest|neighbouring|neighboring|next)\b"
)
"""A possessor before "nearest": the place a figure with no stated anchor is measured from
("Its nearest town", "Kalehe's closest hospital")."""


def _possessor_anchor(context: _Context, sentence: _Sentence, phrase: DistancePhrase,
                      subject: Mention) -> Mention | None:
    """The anchor a claim with none stated takes from a possessor before the figure: "Its
    nearest city, X, is 200 km away" (the previous sentence's subject), "Y's closest hospital
    is 30 km away" (Y)."""
    text = context.text
    match = None
    for match in _POSSESSOR_RE.finditer(text, max(sentence.start, phrase.start - LOOK_BACK_CHARS), phrase.start):
        pass
    if match is None:
        return None
    if match.group("pronoun"):  # the previous sentence's subject, else the town it names last
        pronoun = _span(context, match.start("pronoun"), match.end("pronoun"))
        found = _referent(context, sentence, pronoun.start, pronoun.end, None, exclude=subject)
        if found is None and bisect.bisect_left(context.sentence_starts, sentence.start) > 0:
            found = _there_referent(context, sentence, pronoun, subject)
        return found if found is not None and found.place is not None else None
    inside = [m for m in context.mentions_between(match.start("name"), match.end("name") + 2)
              if not _same_place(m, subject)]
    return inside[-1] if inside else None


_AWAY_AFTER_RE = re.compile(
    rf"\s+(?:[\w-]+\s+){{0,3}}?away\b"  # "60 km away", "a 40-minute motorbike ride away"
    rf"|\s+to\s+the\s+(?:{_DIRECTION})\s*(?:[,.;:)]|$)",  # "fled to X, about 300 km to the west."
    re.IGNORECASE,
)


def _earlier_place(context: _Context, sentence: _Sentence, phrase: DistancePhrase,
                   subject: Mention) -> Mention | None:
    """The anchor of "X, N km away" left unstated: the last town (no country or province) the
    sentence names before X ("Residents of Kherson said it could be heard in Mykolaiv, 60 km
    away"); None when there is none."""
    if not subject.text or not _AWAY_AFTER_RE.match(context.text, phrase.end, sentence.end):
        return None
    before = [
        m for m in context.mentions_between(sentence.start, min(subject.start, phrase.start))
        if m.place is not None and m.place.kind not in _BROAD_KINDS | {"admin2"} and not _same_place(m, subject)
    ]  # fmt: skip
    return before[-1] if before else None


_BROAD_KINDS = frozenset({"country", "admin1", "continent", "region"})
"""Kinds of place a locative pronoun rarely points back to when a smaller place is named
("They reached Lokichogio, in Kenya. From there ...": Lokichogio)."""


_HEADING_RE = re.compile(
    rf"\b(?:{lexicon.alternation(lexicon.HEADING_VERBS)})\s+(?P<direction>{_DIRECTION})\b"
    r"(?!\s+of\b)",
    re.IGNORECASE,
)
"""The way a journey heads, before its figure: the direction of its end from its start."""


def _there_referent(context: _Context, sentence: _Sentence, there: Mention, subject: Mention) -> Mention:
    """"there" placed at the place it points back to: the last place named before it (in this
    sentence or the few before, within the paragraph) that is not the subject, a town before a
    country; unplaced when there is none."""
    _, first = _referent_window(context, sentence)
    candidates = [
        m for m in context.mentions_between(context.sentences[first].start, there.start)
        if m.place is not None and (m.start, m.end) != (subject.start, subject.end) and not _same_place(m, subject)
        and not (subject.start <= m.start < subject.end)
    ]  # fmt: skip
    if not candidates:
        return there
    narrow = [m for m in candidates if m.place.kind not in _BROAD_KINDS]
    referent = (narrow or candidates)[-1]
    return replace(there, place=referent.place, confidence=referent.confidence * PRONOUN_CONFIDENCE,
                   candidates=referent.candidates)


def inside_any(context: _Context, start: int, end: int) -> bool:
    return next(context.iter_mentions(start, end), None) is not None


_APPOSITIVE_NP_RE = re.compile(r"(?:^|[,;:(—–]\s*)(?P<np>[^,;:()—–]{1,60}?)\s*,\s*$")


def _appositive_subject(context: _Context, sentence: _Sentence, phrase: DistancePhrase,
                        anchor: Mention) -> Mention | None:
    """"In 1993, the X Dam, about 3 km east of Y, ...": the noun phrase set off by the comma
    before the figure."""
    before, _ = _window_before(context.text, sentence, phrase.start, size=100)
    match = _APPOSITIVE_NP_RE.search(before)
    if match is None:
        return None
    offset = phrase.start - len(before)
    start = offset + match.start("np")
    words = list(re.finditer(r"[\w’'-]+", match.group("np")))
    after_preposition = [w for w in words[:-1] if w.group(0).lower() in _PREPOSITIONS]
    if after_preposition:  # "defenders at Fort Stevens, about five miles from": the place after "at"
        start = offset + match.start("np") + after_preposition[-1].end() + 1
    elif not words or words[0].group(0).lower() in _NOT_SUBJECT_OPENERS:
        return None
    elif len(words) > 1 and words[0].group(0).lower() in lexicon.FOCUS_ADVERBS:
        start = offset + match.start("np") + words[1].start()  # "Even the district capital, 40 km away"
    span = _noun_phrase_after(context, start, offset + match.end("np"))
    if span is None or span[1] < offset + match.end("np") - 1:
        return None  # not one noun phrase up to the comma
    return _np_mention(context, sentence, span[0], span[1], anchor)


_FACILITY_AFTER_RE = re.compile(
    rf"(?:['’]s)?\s+(?:[A-Za-z]+\s+)?(?:{lexicon.alternation(lexicon.FACILITY_NOUNS)})\b", re.IGNORECASE
)
_SUBJECT_OPENING_RE = re.compile(rf"[\s\"“‘'(]*(?:(?:{lexicon.alternation(lexicon.FOCUS_ADVERBS)})\s+)?", re.IGNORECASE)
"""Quotes, brackets and a focus adverb before a sentence's subject ("Even the capital, ...")."""
_NOT_SUBJECT_OPENERS = _PREPOSITIONS | frozenset(
    "except after before when while if although though because since halfway once as then so but "
    "and or however meanwhile still yet".split()
)


def _loose_subject(context: _Context, sentence: _Sentence, phrase: DistancePhrase,
                   anchor: Mention | None) -> Mention | None:
    """A subject for a figure the grammar could not tie to a place: the last mention before
    the figure in its clause, else the sentence's first place, else the noun phrase opening
    the sentence (unresolved, or the referent of a pronoun)."""
    text = context.text
    before = [m for m in context.mentions_between(sentence.start, phrase.start)
              if anchor is None or ((m.start, m.end) != (anchor.start, anchor.end) and not _same_place(m, anchor))]
    if before:
        return _appositive_head(context, before[-1])
    opening = _SUBJECT_OPENING_RE.match(text[sentence.start : phrase.start])  # "Even the county capital, 7 km away, ...": the capital
    first_word = re.match(r"\w+", text[sentence.start + opening.end() : phrase.start])
    if first_word and first_word.group(0).lower() in _NOT_SUBJECT_OPENERS:
        return None  # "In 1993, ...", "Except for ...": the sentence opens with no subject
    span = _noun_phrase_after(context, sentence.start + opening.end(), phrase.start)
    if span is None:
        return None
    return _np_mention(context, sentence, span[0], span[1], anchor)


def _subject_kind(subject: Mention) -> str:
    """The head noun of a described subject ("The tiny village" -> "village"), "" for a name."""
    words = re.findall(r"[\w’'-]+", subject.text)
    if not words or words[0].lower() not in lexicon.DETERMINERS:
        return ""
    head_words = []
    for word in words[1:]:
        if word.lower() in _PREPOSITIONS or word.lower() in ("and", "or", "which", "that", "called", "known"):
            break
        head_words.append(word)
    if not head_words or not head_words[-1].islower():
        return ""  # "the Lecrin Valley": a name
    head = _normal_head(head_words[-1])
    if head in _PRONOUNS or head in lexicon.JOURNEY_NOUNS or head in ("distance", "time", "either"):
        return ""
    if not head.isalpha() or head.endswith(("ed", "ing", "ly")) and head not in ("shed",):
        return ""  # "the town attacked": a verb, not the noun describing the place
    return head


_NOT_ADJECTIVES = (
    _PREPOSITIONS | lexicon.DIRECTION_WORDS | lexicon.RELATIVE_DIRECTIONS
    | frozenset("away apart from of off to and or by as in further farther".split())
)


def _measured(noun: str, time: bool = False) -> bool:
    """A noun a figure may measure that is no journey ("border", "range"; not "drive"; after a
    time, not "march" either: "two days' march")."""
    return noun in lexicon.MEASURED_NOUNS and noun not in lexicon.JOURNEY_NOUNS and not (
        time and noun in lexicon.JOURNEY_TIME_NOUNS
    )


_TAIL_WORD_RE = re.compile(r"[\w’'-]+|[<≤:~]")
_FILLERS = frozenset("a an the more than less another for well".split()) | frozenset(
    h for h in lexicon.HEDGES if " " not in h and h.isalpha()
)  # the one-word hedges ("about", "some", "nearly") from the lexicon


def _tail_words(text: str) -> list[str]:
    """The last words of ``text`` (lower case, at most 8), nearest last."""
    return [w.lower() for w in _TAIL_WORD_RE.findall(text[-60:])][-8:]


def _ends_with(words: list[str], phrases: frozenset[str], skip: frozenset[str] = _FILLERS) -> bool:
    """Whether ``words`` end with one of ``phrases`` (one or two words), fillers skipped."""
    end = len(words)
    while end and words[end - 1] in skip:
        end -= 1
    return end > 0 and (words[end - 1] in phrases or (end > 1 and f"{words[end - 2]} {words[end - 1]}" in phrases))


_ADJECTIVAL_FIGURE_RE = re.compile(r"[\d½¼¾.,]+(?:\s*[½¼¾])?-[a-z]+(?:[-\s]|$)|[a-z]+-(?:hour|minute|mile|kilometre|kilometer|km)\b", re.IGNORECASE)
"""A figure written as an adjective ("a 30-foot", "the 130-mile", "a two-hour"): it measures
the noun after it, a claim only when that noun is a journey ("a 600-mile drive")."""
_RELATION_WORDS = frozenset(
    "from of to away off outside beyond past apart by drive ride journey trip flight walk".split()
) | lexicon.DIRECTION_WORDS | lexicon.RELATIVE_DIRECTIONS


_FROM_TO_AFTER_RE = re.compile(r"[^.;]{0,30}?\bfrom\b[^.;]{1,60}?\bto\b", re.IGNORECASE)


def _journey_or_relation(word: str) -> bool:
    return (
        word in _RELATION_WORDS or word in lexicon.JOURNEY_NOUNS or word in lexicon.JOURNEY_VEHICLES
        or word in lexicon.JOURNEY_TIME_NOUNS
        or any(word.startswith(d) for d in lexicon.DIRECTION_WORDS)
    )


_TO_VERB = lexicon.alternation(lexicon.JOURNEY_TO_VERBS)
_JOURNEY_AFTER_RE = re.compile(
    rf"\s*(?:[\w-]+\s+){{0,2}}?(?:{_JOURNEY_NOUN})\b"  # "a two-day trek", "a week's river journey"
    rf"|\s*,?\s*(?:away\s+)?\(?(?:{_MODE_PHRASE})\b"  # "two days by train", "two days away on foot"
    rf"|\s+(?:from|to)\s[^,.;:()]{{1,60}}?\b(?:{_MODE_PHRASE})\b"  # "two days from Y by train"
    rf"|\s+to\s+(?:{_TO_VERB})\b",  # "takes two days to reach"
    re.IGNORECASE,
)
_JOURNEY_THEN_TAKES_RE = re.compile(
    rf"\b(?:{_JOURNEY_NOUN})\b[^.;:]{{0,80}}?\b(?:takes?|took|lasts?|lasted)\s+"
    rf"(?:(?:{_HEDGE})\s+)*+$",
    re.IGNORECASE,
)  # "the trek to X from Y takes eight to ten days"
_TO_PLACE_AFTER_RE = re.compile(rf"(?:\s+[\w-]+){{0,3}}?\s+to\s+(?!(?:{_TO_VERB})\b)", re.IGNORECASE)
_FROM_IN_RE = re.compile(r"\b(?:from|away)\b", re.IGNORECASE)
_FROM_THE_FIGURE_RE = re.compile(r"from\s+(?:(?:a|an|the|his|her|their|its|our|this|that)\s+)?", re.IGNORECASE)
_BARE_ONE_RE = re.compile(r"an?\s+[a-z]+", re.IGNORECASE)  # "a day", not "a day's", "two-day"
_JOURNEY_NOUN_RE = re.compile(rf"\s+(?:{_JOURNEY_NOUN})\b", re.IGNORECASE)
_REACH_IN_BEFORE_RE = re.compile(
    r"\b(?:reach(?:es|ed|ing)?|get(?:s|ting)?\s+to|got\s+to)\b[^.;:]{1,80}?\bin\s+$", re.IGNORECASE
)


START_WINDOW = 300  # characters either side of a day's figure searched for the journey's start


def _beside_journey(text: str, sentence: _Sentence, phrase: DistancePhrase) -> bool:
    """Whether a day or a week is a travel time: a journey noun or a mode right after it ("a
    two-day trek", "a day's drive", "two days by train", "takes two days to reach"), a journey
    that takes it ("the voyage takes a week") or a reaching done in it ("reach X from Y in five
    days")."""
    journey = _JOURNEY_AFTER_RE.match(text, phrase.end, sentence.end)
    if journey and not (_BARE_ONE_RE.fullmatch(text, phrase.figure_start, phrase.end)
                        and _JOURNEY_NOUN_RE.match(text, phrase.end, sentence.end)):
        # ("a day trip", "a day hike": a kind of outing, not a time)
        # a start named near the figure, not "from" the figure itself ("back from a five-day
        # trip"); looked for within START_WINDOW characters, so that a run-on sentence of many
        # figures is not scanned whole for each one
        window = (max(sentence.start, phrase.start - START_WINDOW), min(sentence.end, phrase.end + START_WINDOW))
        started = any(not _FROM_THE_FIGURE_RE.fullmatch(text, m.start(), phrase.start)
                      for m in _FROM_IN_RE.finditer(text, *window))
        if _TO_PLACE_AFTER_RE.match(text, journey.end(), sentence.end) and not started:
            return False  # "begins a two-day trip to China": a visit's length, no start named
        return True
    before = text[max(sentence.start, phrase.start - 120) : phrase.start]
    return bool(_JOURNEY_TAKES_RE.search(before) or _REACH_IN_BEFORE_RE.search(before)
                or _JOURNEY_THEN_TAKES_RE.search(before))


def _lookalike(context: _Context, sentence: _Sentence, phrase: DistancePhrase) -> bool:
    """Whether the figure measures something other than a separation of two places: a length,
    height, area, range or radius, a zone ("within"), an event's position or a threshold.
    Worked out once per figure."""
    known = context.memo.get(phrase.figure_start)
    if known is None:
        known = context.memo[phrase.figure_start] = _is_lookalike(context, sentence, phrase)
    return known


def _is_lookalike(context: _Context, sentence: _Sentence, phrase: DistancePhrase) -> bool:
    """:func:`_lookalike` worked out: a zone ("within"), a day or week that is no travel time,
    then the words before the figure (:func:`_lookalike_before`), after it
    (:func:`_lookalike_after`) and an event in its clause (:func:`_event_in_clause`)."""
    text = context.text
    if phrase.hedge in ("within",):
        return True
    unit = lexicon.UNITS.get(phrase.quantities[0].unit)
    if unit is not None and unit.journey_only and not _beside_journey(text, sentence, phrase):
        return True  # "a three-day summit", "a two-day visit to X", "for a week": durations
    tail = _tail_words(text[max(sentence.start, phrase.start - 60) : phrase.start])
    end = len(tail)  # the tail without the fillers ending it ("a range of about")
    while end and tail[end - 1] in _FILLERS - {"for"}:
        end -= 1
    return (_lookalike_before(text, sentence, phrase, tail, end) or _lookalike_after(text, sentence, phrase, tail, end)
            or _event_in_clause(text, sentence, phrase))


def _lookalike_before(text: str, sentence: _Sentence, phrase: DistancePhrase, tail: list[str], end: int) -> bool:
    """Whether the words before the figure (``tail``; ``tail[:end]`` without its closing fillers)
    make it a look-alike: a threshold or zone, a measured noun ("a range of"), a thing found
    there, an event's or a line's verb, or a distance travelled."""
    if tail and (tail[-1] in ("<", "≤", "for", "by", "every", "each") or "within" in tail[-4:]):
        return True  # "<50 km", "for 140 km", "within a 100 miles", "cuts the trip by 40 minutes"
    joined = " ".join(tail)
    if any(joined.endswith(zone) for zone in lexicon.ZONE_WORDS):
        return True  # "reported as far as 300 km away", "in a radius of 40 km"
    if end >= 2 and tail[end - 1] in ("of", "at", "measures", "measuring", ":"):
        noun = re.sub(r"['’]s$", "", tail[end - 2])
        if _measured(noun):
            return True  # "a range of 1,500 km", "missile range at 900 km" ("a journey of" is none)
    if end and tail[end - 1] in lexicon.EVENT_OBJECTS:
        return True  # "found the stolen car 15 miles from X": where a thing was, not a place
    if _ends_with(tail, lexicon.EVENT_VERBS) or _ends_with(tail, lexicon.EXTENT_VERBS):
        return True  # "occurred about 4 miles from", "the river runs 300 km"
    # "protesters marched 12 miles from X": a distance travelled ("travelling the 40 km from X
    # to Y" names the known distance; "we drove 5 hours to X" is a time)
    return bool(not phrase.is_time and _ends_with(tail, lexicon.TRAVEL_VERBS, _FILLERS - {"the"}) and not _FROM_TO_AFTER_RE.match(
        text, phrase.end, min(sentence.end, phrase.end + 120)
    ))


def _lookalike_after(text: str, sentence: _Sentence, phrase: DistancePhrase, tail: list[str], end: int) -> bool:
    """Whether the words after the figure make it a look-alike: a dimension ("10 km deep"), a
    distance of seeing ("from ten miles away"), a duration or clock time, a figure used as an
    adjective of a thing ("a 30-foot limousine") or a measured noun ("a 553 km border")."""
    after = text[phrase.end : min(sentence.end, phrase.end + 40)]
    if _DIMENSION_AFTER_RE.match(after):
        return True
    if end and tail[end - 1] == "from" and re.match(r"\s*away\b", after):
        return True  # "could see the smoke from ten miles away": a distance of seeing, no place
    after_words = re.findall(r"[a-z]+", after.lower())[:2]
    if phrase.is_time:
        if ((end and tail[end - 1] in lexicon.TIME_BEFORE) or (tail and tail[-1] in lexicon.TIME_BEFORE)) and not (
            tail[-1] == "full" and _JOURNEY_AFTER_RE.match(text, phrase.end, sentence.end)
        ):
            return True  # "in the past 24 hours", "after just 25 minutes" ("a full day's drive" is a journey)
        if after_words and (after_words[0] in lexicon.TIME_AFTER or " ".join(after_words) in lexicon.TIME_AFTER):
            return True  # "25 minutes of the final", "two hours later"
    figure = text[phrase.figure_start : phrase.end]
    if _ADJECTIVAL_FIGURE_RE.match(figure) and after_words and not any(
        _journey_or_relation(w) for w in re.findall(r"[a-z]+", after.lower())[:4]
    ):
        return True  # "a 30-foot limousine", "the 130-mile river" ("a 30-minute tuk-tuk ride" is a journey)
    words, time = after_words, phrase.is_time
    if words and _measured(words[0], time) and not (len(words) == 2 and (
            words[1] in lexicon.JOURNEY_NOUNS or words[1] in lexicon.JOURNEY_VEHICLES)):
        return True  # "a 553 km border", "a 40km radius" ("a week-long river journey" is a journey)
    # "a 50 km rocky gorge", "the 62 km road"
    return bool(len(words) == 2 and words[0] not in _NOT_ADJECTIVES and (_measured(words[1], time) or _measured(" ".join(words), time)))


def _event_in_clause(text: str, sentence: _Sentence, phrase: DistancePhrase) -> bool:
    """Whether the figure's clause names an event ("the epicentre was 30 km north of X") or a
    thing coming to grief ("the bus plunged into a ravine 30 km from X")."""
    clause = _clause_before(text, sentence, phrase.start).lower()
    words = re.findall(r"[a-z]+", clause)
    if any(w in lexicon.EVENT_OBJECTS and n in lexicon.EVENT_VERBS for w, n in zip(words, words[1:])):
        return True  # "the bus plunged into a ravine 30 km from X": where a thing came to grief
    return any(w in lexicon.EVENT_NOUNS for w in words)


_BARE_RELATIVE = frozenset(" ".join(w.split()) for w in lexicon.RELATIVE_DIRECTIONS) - {"further", "farther", "further along"}
"""Relative directions that, like "away", place the subject from an anchor left unstated
("Santa Rita, a village lying 20 km upriver"); "further" only continues a journey."""


def _figure_claim(context: _Context, sentence: _Sentence, phrase: DistancePhrase,
                  previous: DistanceClaim | None) -> DistanceClaim | None:
    """A claim for a figure the strict grammar left: the relation after it (or "from X" before
    it) gives the anchor as a text span; the subject is the nearest fitting span before.

    The steps: the relation after the figure (:func:`_figure_relation`); the ends it names
    (:func:`_relation_ends`), read as a destination (:func:`_destination_ends`) or, where it
    names no anchor, found otherwise (:func:`_other_ends`); then the subject
    (:func:`_figure_subject`) and the checks on both ends (:func:`_checked_claim`)."""
    text = context.text
    relation = _figure_relation(context, sentence, phrase, previous)
    if relation is False or _lookalike(context, sentence, phrase):
        return None
    lead_link = (relation.group("link") or "").lower() if relation else ""
    ends = _relation_ends(context, sentence, phrase, relation)
    if ends is None:
        return None
    anchor, subject, relation, direction = ends
    if anchor is not None and _is_destination(text, sentence, phrase, relation):
        anchor, subject = _destination_ends(context, sentence, phrase, anchor)
    if anchor is None:
        anchor, subject = _other_ends(context, sentence, phrase, relation, previous, subject)
    bare_relative = bool(relation and (relation.group("link") or "").lower() in _BARE_RELATIVE)
    if anchor is None and not (relation and (relation.group("away") or relation.group("direction") or bare_relative)):
        return None  # ("a town lying 30 km upriver": like "away", the anchor is unstated)
    if anchor is None and _ends_with(_tail_words(_window_before(text, sentence, phrase.start, size=60)[0]), lexicon.TRAVEL_VERBS):
        return None  # "they walked 30 km away": a journey's length
    if anchor is None:  # "X, 8 km away": the anchor is unstated
        anchor = Mention(text="", start=phrase.end, end=phrase.end)
    brings = (_BRINGS_TO_RE.match(text, anchor.end, sentence.end) or _VIA_TO_RE.match(text, anchor.end, sentence.end)
              ) if subject is None and anchor.text and lead_link == "from" else None
    if brings:  # "A two-hour drive from X brings climbers to Y", "a trip from X via Q into Y"
        subject = _loose_anchor(context, sentence, brings.end())
    subject = _figure_subject(context, sentence, phrase, previous, anchor, subject)
    if subject is None:
        return None
    return _checked_claim(context, sentence, phrase, subject, anchor, relation, direction)


def _figure_relation(context: _Context, sentence: _Sentence, phrase: DistancePhrase,
                     previous: DistanceClaim | None) -> re.Match | None | bool:
    """The loose relation after the figure ("30 km north of", "an hour away"), None if there
    is none; False when nothing may relate the figure to a place (no relation, no claim
    before it in the sentence, no "from X" before it, no "separates X from Y" after it): the
    cheap exit for most figures."""
    text = context.text
    relation = _LOOSE_RELATION_RE.match(text, phrase.end, sentence.end)
    if relation is not None and phrase.is_time and (relation.group("link") or "").lower() == "past":
        relation = None  # "six minutes past the hour": a clock time
    continuing = previous is not None and previous.sentence_start == sentence.start
    if relation is None and not continuing and not _may_anchor_before(
        text, max(sentence.start, phrase.start - LOOK_BACK_CHARS), phrase.start
    ) and not _ENDS_AFTER_RE.match(text, phrase.end, sentence.end):
        return False
    return relation


def _relation_ends(context: _Context, sentence: _Sentence, phrase: DistancePhrase, relation: re.Match | None
                   ) -> tuple[Mention | None, Mention | None, re.Match | None, str] | None:
    """(anchor, subject, relation, direction) as the words after the figure give them: ends
    named after it ("takes 3 hours to drive from X to Y", then the relation is spent), else the
    relation's anchor and direction; a "to" with no place after it, or an "of" that measures a
    length, gives no claim (None). Either end may be None: not given here."""
    text = context.text
    anchor = subject = None
    direction = ""
    ends = _ends_after(context, sentence, phrase) if _ENDS_AFTER_RE.match(text, phrase.end, sentence.end) else None
    if ends is not None:  # "it takes 3 hours to drive from X to Y", "40 km separate X from Y"
        anchor, subject = ends
        relation = None
    if relation and not relation.group("apart"):
        if relation.group("direction"):
            direction = _direction(relation.group("direction"), bool(relation.group("due"))) or ""
        ends_relation = relation.group("dir_link") or relation.group("link")
        if ends_relation or relation.group("direction"):
            to = (relation.group("dir_link") or relation.group("link") or "").lower() == "to"
            anchor = _loose_anchor(context, sentence, relation.end(), after_to=to) if ends_relation else None
            if anchor is None and ends_relation and relation.group("link") not in (None,) and relation.group("link").lower() == "to":
                return None
        if relation.group("link") and relation.group("link").lower() == "of" and not direction:
            # "6 km of the city centre" (a slip for "from"); "80 km of gravel", "the 120 miles
            # of the trail" are lengths
            head = anchor.text.lower().split()[-1] if anchor is not None and anchor.text else ""
            if anchor is None or not anchor.text.lower().startswith("the ") or (relation.group("lead") or "").strip() \
                    or _measured(head) or _tail_words(text[max(sentence.start, phrase.start - 20) : phrase.start])[-1:] == ["the"]:
                framed = _anchor_before(context, sentence, phrase)
                noun = re.match(r"\s*of\s+([a-z]+)", text[phrase.end : sentence.end])
                if framed is None or framed[1] is None or noun is None or _measured(noun.group(1)):
                    return None
                # "From X to Y are 80 km of gravel": the way between two named ends
                (anchor, subject), relation = framed, None
    return anchor, subject, relation, direction


def _destination_ends(context: _Context, sentence: _Sentence, phrase: DistancePhrase,
                      anchor: Mention) -> tuple[Mention, Mention]:
    """(anchor, subject) when the relation's place is where one arrives ("we should go 6 hours
    south to X", "a one-hour drive to X"): X is the subject; the anchor is the start named
    after it ("to X from Y"), else the last place before the figure, else a fronted "from"
    ("From there it is ..."), else unstated."""
    text = context.text
    origin = [m for m in context.mentions_between(sentence.start, phrase.start)]
    subject = anchor
    back = re.match(r"\s+from\s+", text[subject.end : sentence.end])
    start_after = _loose_anchor(context, sentence, subject.end + back.end()) if back else None  # "to Y from X"
    froms = [] if origin else list(_FROM_BEFORE_RE.finditer(text, sentence.start, phrase.start))
    fronted = _loose_anchor(context, sentence, froms[-1].end()) if froms else None  # "From there it is ..."
    anchor = start_after or (origin[-1] if origin else fronted) or Mention(text="", start=phrase.end, end=phrase.end)
    return anchor, subject


def _other_ends(context: _Context, sentence: _Sentence, phrase: DistancePhrase, relation: re.Match | None,
                previous: DistanceClaim | None, subject: Mention | None) -> tuple[Mention | None, Mention | None]:
    """(anchor, subject) for a figure whose relation names no anchor, the first way that
    finds one: a pair "X and Y are 20 km apart"; an anchor before it ("from X, ..."); the
    previous claim's ends, the figure continuing or listing after it;
    "a trip to X takes ...". (None, ``subject``) when none does. (Ends named after the figure
    were tried by :func:`_relation_ends`.)"""
    text = context.text
    anchor = None
    if relation is not None and relation.group("apart"):
        pair = _PAIR_SPANS_RE.search(text, max(sentence.start, phrase.start - 120), phrase.start)
        if pair:  # "Ein X and Y are about 20 km apart", names the gazetteer may lack
            subject = _np_mention(context, sentence, pair.start("a"), pair.end("a"), None)
            anchor = _np_mention(context, sentence, pair.start("b"), pair.end("b"), None)
    if anchor is None:
        found = _anchor_before(context, sentence, phrase)
        if found is not None:
            anchor, subject = found
    if anchor is None and previous is not None and previous.sentence_start == sentence.start:
        gap_start = previous_end(previous, text)
        continued = _CONTINUED_FIGURE_RE.fullmatch(text, gap_start, phrase.start)
        listed = _LISTED_FIGURE_RE.fullmatch(text, gap_start, phrase.start)
        if continued and (relation is None or not (relation.group("link") or relation.group("dir_link"))):
            anchor, subject = previous.anchor, previous.subject  # "... and 6 hours by bus"
        elif listed and relation is None:  # "X can take two hours; Y, four hours; and Z, twelve"
            anchor = previous.anchor
            subject = _np_mention(context, sentence, listed.start("name"), listed.end("name"), anchor)
    if anchor is None:
        trip = _TRIP_TO_RE.search(text, max(sentence.start, phrase.start - 120), phrase.start)
        if trip:  # "a trip to X can take two hours": X is where one arrives; whence, unstated
            subject = _np_mention(context, sentence, trip.start("name"), trip.end("name"), None)
            origin = _FROM_BEFORE_RE.search(text, trip.end("name"), phrase.start)
            if origin is None:  # "From X a trip to Y can take ..."
                before = list(_FROM_BEFORE_RE.finditer(text, max(sentence.start, trip.start() - 80), trip.start()))
                origin = before[-1] if before else None
            anchor = _loose_anchor(context, sentence, origin.end()) if origin else None
            anchor = anchor or Mention(text="", start=phrase.end, end=phrase.end)
    return anchor, subject


def _figure_subject(context: _Context, sentence: _Sentence, phrase: DistancePhrase, previous: DistanceClaim | None,
                    anchor: Mention, given: Mention | None) -> Mention | None:
    """The subject of a figure with ``anchor``: the first of ``given``, the previous claim's,
    a mention or description before the figure, a place after it, a linked, fronted,
    appositive or loose subject, the journey opening the sentence, that overlaps neither the
    figure nor the anchor's place (a facility named after the anchor's place is its own
    subject: "Kutaisi airport is 20 minutes from the city"). Unstated (empty text) when none
    fits but the anchor is stated; None when there is no claim (the only fits were the anchor
    itself or another figure, or neither end is stated)."""
    text = context.text
    candidates = (
        lambda: given,
        lambda: _continued_subject(context, previous, phrase),
        lambda: _subject_before(context, sentence, phrase.start),
        lambda: _description_subject_before(context, sentence, phrase.start, anchor),
        lambda: _subject_after(context, sentence, phrase, anchor) if anchor.text else None,
        lambda: _linked_subject(context, sentence, phrase, anchor),
        lambda: _fronted_subject(context, sentence, phrase, anchor),
        lambda: _appositive_subject(context, sentence, phrase, anchor),
        lambda: _loose_subject(context, sentence, phrase, anchor),
    )
    journey = _JOURNEY_NP_RE.match(text, sentence.start, min(sentence.end, phrase.start + 2))
    if journey and journey.end("np") > phrase.start:
        journey = None
    if journey:
        candidates = (*candidates, lambda: _span(context, sentence.start + (len(journey.group(0)) - len(journey.group(0).lstrip())), journey.end("np")))
    same = False
    for candidate in candidates:
        found = candidate()
        if found is None or found.end > phrase.start and found.start < phrase.end:
            continue
        if _FIGURE_IN_RE.search(found.text):
            same = True  # another figure is no subject ("1113 m above sea level, 42 km ...";
            continue  # "295 MI…475 KM N OF X", a storm advisory)
        if _same_place(found, anchor) and (found.start, found.end) != (anchor.start, anchor.end):
            facility = _FACILITY_AFTER_RE.match(text, found.end, phrase.start)
            last = found.text.lower().split()[-1] if found.text.split() else ""
            if facility or last in lexicon.FACILITY_NOUNS:
                # "Kutaisi airport is 20 minutes from the city": the airport is the subject
                found = _span(context, found.start, facility.end() if facility else found.end)
        if (found.start, found.end) == (anchor.start, anchor.end) or _same_place(found, anchor) or (
            anchor.text and found.text.lower() == anchor.text.lower()
        ):
            same = True
            continue
        return found
    if same or not anchor.text:
        return None  # "X is 30 km from X", a chain of figures, or neither end stated
    return Mention(text="", start=phrase.start, end=phrase.start)  # the subject is not stated


def _checked_claim(context: _Context, sentence: _Sentence, phrase: DistancePhrase, subject: Mention,
                   anchor: Mention, relation: re.Match | None, direction: str) -> DistanceClaim | None:
    """The claim between ``subject`` and ``anchor``, unless an end is another figure or an
    event ("Typhoon X, located 246 nm north of Y"); a direction trailing the anchor ("70 km
    from X in the north-west") when the relation gave none; the mode the relation names."""
    text = context.text
    if _FIGURE_IN_RE.search(anchor.text):  # (the subject was screened by _figure_subject)
        return None  # "ABOUT 295 MI…475 KM N OF X": an end is another figure
    if any(w in lexicon.EVENT_NOUNS for w in re.findall(r"[a-z]+", subject.text.lower())):
        return None  # "Typhoon X, located 246 nm north of Y": an event's position
    if not direction and anchor.text:
        trailing = _TRAILING_DIRECTION_RE.match(text, anchor.end, sentence.end)
        if trailing:  # "70 km from X in the north-west", "from X, to the south"
            direction = _direction(trailing.group("direction"), False) or ""
    lead = relation.group(0) if relation else ""
    return _claim(context, sentence, phrase, subject, anchor, direction, lexicon.mode_of(lead))


def _claim(context: _Context, sentence: _Sentence, phrase: DistancePhrase, subject: Mention,
           anchor: Mention, direction: str, mode: str) -> DistanceClaim:
    """The claim of ``phrase`` between ``subject`` and ``anchor``; with no ``mode`` stated at the
    figure, the one the words around it name. An anchor "there" is placed at its referent; an
    unstated one may be a possessor's ("Its nearest city, X, is 200 km away")."""
    if anchor.place is None and anchor.text.lower() == "there":
        anchor = _there_referent(context, sentence, anchor, subject)
    if not anchor.text:
        anchor = _possessor_anchor(context, sentence, phrase, subject) or _earlier_place(
            context, sentence, phrase, subject) or anchor
    if not direction and (phrase.is_time or _JOURNEY_NOUN_RE.match(context.text, phrase.end, sentence.end)):
        heading = None
        for heading in _HEADING_RE.finditer(context.text, max(sentence.start, phrase.start - LOOK_BACK_CHARS), phrase.start):
            pass
        if heading is not None:  # "Heading north from Lusaka, it is a 360 km drive to Kabwe"
            direction = _direction(heading.group("direction"), False) or ""
    return DistanceClaim(
        document=context.document.path,
        sentence=context.text[sentence.start : sentence.end],
        sentence_start=sentence.start,
        subject=subject,
        anchor=anchor,
        stated=phrase.quantities,
        hedge=phrase.hedge,
        direction=direction,
        mode=mode or _mode_around(context, sentence, phrase, subject, anchor),
        subject_kind=_subject_kind(subject),
    )


_TRAILING_DIRECTION_RE = re.compile(
    rf"\s*,?\s+(?:in|to)\s+the\s+(?P<direction>(?:{_CARDINALS})(?:[\s-]?(?:{_CARDINALS})){{0,2}})\b(?!\s+(?:of|bank|coast|side|part|region|province|state|end)\b)",
    re.IGNORECASE,
)
_FIGURE_IN_RE = re.compile(r"\d\s*(?:km|mi|miles?|kilomet|nm|m\b|ft|feet|yards?|hours?|min)", re.IGNORECASE)
_JOURNEY_TO_RE = re.compile(rf"\b(?:{_JOURNEY_NOUN})\s+to\b", re.IGNORECASE)
_JOURNEY_WORD_RE = re.compile(rf"\b(?:{_JOURNEY_WORDS})\b", re.IGNORECASE)


def _may_anchor_before(text: str, start: int, end: int) -> bool:
    """A cheap test: whether the words before a figure may name its anchor ("from X", "between
    X and Y", a sign "X - 30 km", "a trip to X takes")."""
    window = text[start:end].lower()
    if "from" in window or "between" in window or window.rstrip()[-1:] in ("-", "–", "—", ":", "~"):
        return True
    return " to " in window and _JOURNEY_TO_RE.search(window) is not None
_JOURNEY_NP_RE = re.compile(
    rf"\s*(?P<np>(?:(?:the|a|an|this|that|our|my|your)\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_JOURNEY_WORDS}|travel\s+time|distance)\b(?:\s+(?:to|from)\s+[^,;]{{1,60}}?)?)(?=\s+(?:is|was|takes?|took|will|can|usually|lasts?|should)\b|\s*[~:–—-])",
    re.IGNORECASE,
)


_MOTION_BEFORE_RE = re.compile(
    r"\b(?:go|goes|going|went|drive|drives|driving|drove|head|heads|heading|headed|travel|travels|"
    r"travelling|traveling|walk|walks|walking|ride|rides|fly|flies|flying|sail|sails|take|takes|took)"
    r"\s+(?:(?:for|about|around|some|roughly|just|only|another|a|an)\s+)*$",
    re.IGNORECASE,
)


def _is_destination(text: str, sentence: _Sentence, phrase: DistancePhrase, relation: re.Match | None) -> bool:
    """Whether "to X" after the figure names where a journey ends, not the anchor: after a verb
    of motion ("drive 10 minutes to X") or a journey noun ("a one-hour drive to X")."""
    if relation is None or (relation.group("dir_link") or relation.group("link") or "").lower() != "to":
        return False
    lead = relation.group("lead") or ""
    if _JOURNEY_WORD_RE.search(lead) and not re.search(r"\baway\b", lead):
        return True
    return bool(_MOTION_BEFORE_RE.search(_window_before(text, sentence, phrase.start, size=60)[0]))


_NAME_SPAN = r"[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|de|del|la|el|al|of))*"
_PAIR_SPANS_RE = re.compile(
    rf"(?P<a>{_NAME_SPAN})\s*,?\s+and\s+(?P<b>{_NAME_SPAN})\s*,?\s+(?:are|were|lie|sit|stand|is|was|remain)\s+$"
)
_JOURNEY_TAKES_RE = re.compile(
    rf"\b(?:the|this|that|a|our)\s+(?:[\w-]+\s+)?(?:{_JOURNEY_NOUN})\s+(?:takes?|took|lasts?|lasted|is|was)"
    r"\s+(?:(?:about|around|roughly|approximately|just|only|usually|typically|a\s+little\s+over|a\s+little\s+under)\s+)*$",
    re.IGNORECASE,
)
_BETWEEN_RE = re.compile(r"\bbetween\s+", re.IGNORECASE)
_LISTED_FIGURE_RE = re.compile(
    rf"\s*[;,]\s*(?:and\s+)?(?P<name>{_NAME_SPAN})\s*,\s*(?:(?:about|around|some|roughly|only|just)\s+)*"
)
_TRIP_TO_RE = re.compile(
    rf"\b(?:a|the|an)\s+(?:[\w-]+\s+)?(?:{_JOURNEY_NOUN})\s+to\s+(?P<name>(?-i:{_NAME_SPAN}))"
    r"(?:\s+from\s+[^,;.]{1,60}?)?\s+(?:(?:can|could|will|would|usually|typically|normally|may)\s+)*"
    rf"(?:takes?|took|lasts?|is)\s+(?:(?:{_HEDGE})\s+)*+$",
    re.IGNORECASE,
)
_CONTINUED_FIGURE_RE = re.compile(
    r"(?:\s+by\s+[a-z]+)?"  # an unlisted vehicle after the previous figure: "in 30 minutes by catamaran and in 45"
    rf"\s*,?\s*(?:(?:and|or|but)\s+)?(?:(?:is|it'?s|takes?|a|an|in|{_HEDGE})\s+)*+"
    rf"(?:(?:{_JOURNEY_NOUN})\s+of\s+(?:(?:{_HEDGE})\s+)*+)?",
    re.IGNORECASE,
)

_MODE_AFTER_RE = re.compile(rf"\s*,?\s*\(?(?:{_MODE_PHRASE})\)?")
"""A mode phrase right after a figure, perhaps bracketed: "(by road)"."""


def previous_end(claim: DistanceClaim, text: str) -> int:
    """Where the previous claim's words end: after its anchor (its figure when the anchor is
    unstated or comes first), with a trailing mode phrase ("by road") skipped."""
    end = claim.anchor.end if claim.anchor.text and claim.anchor.start > claim.sentence_start else 0
    figure = text.find(claim.stated[0].text, max(claim.sentence_start, claim.subject.end))
    if figure < 0:
        figure = text.find(claim.stated[0].text, claim.sentence_start)
    end = max(end, figure + len(claim.stated[0].text) if figure >= 0 else end)
    mode = _MODE_AFTER_RE.match(text, end)
    return end + mode.end() if mode else end


_ENDS_AFTER_RE = re.compile(
    r"\s+(?:(?P<separate>separates?|separated|lie\s+between|lies\s+between)"
    rf"|(?:,?\s*\(?(?:{_MODE_PHRASE})\)?,?\s+)?"  # "it takes six hours by road to reach X"
    rf"to\s+(?:(?P<reach>reach)|{lexicon.alternation(lexicon.JOURNEY_TO_VERBS - {'reach'})})(?:\s+there)?"
    rf"|(?:(?:{_JOURNEY_NOUN})\s+)?(?P<until>before|until|till)\s+(?:you|we|they|one|i|travellers|travelers)\s+"
    r"(?:reach|get\s+to|arrive\s+(?:in|at)))\s+",  # "a 400-mile drive before you reach X"
    re.IGNORECASE,
)


def _ends_after(context: _Context, sentence: _Sentence,
                phrase: DistancePhrase) -> tuple[Mention, Mention | None] | None:
    """(anchor, subject) named after the figure: "40 km separate X from Y", "200 km separate
    the two cities, X and Y", "it takes 3 hours to drive from X to Y" / "to get to Y from X"."""
    text = context.text
    verb = _ENDS_AFTER_RE.match(text, phrase.end, sentence.end)
    if verb is None:
        return None
    start = verb.end()
    if verb.group("separate"):
        comma = re.match(r"the\s+(?:two\s+)?[a-z]+\s*,\s*", text[start : sentence.end], re.IGNORECASE)
        first = _loose_anchor(context, sentence, start + (comma.end() if comma else 0))
        if first is None:
            return None
        joined = re.match(r"\s*,?\s+(?:from|and)\s+", text[first.end : sentence.end], re.IGNORECASE)
        second = _loose_anchor(context, sentence, first.end + joined.end()) if joined else None
        return (second, first) if second is not None else None
    if verb.group("until"):  # the journey ends at X; it began at the place named before the figure
        subject = _loose_anchor(context, sentence, start)
        before = [m for m in context.mentions_between(sentence.start, phrase.start)
                  if subject is None or not _same_place(m, subject)]
        return (before[-1], subject) if subject is not None and before else None
    origin = re.match(r"from\s+", text[start : sentence.end], re.IGNORECASE)
    destination = re.match(r"to\s+", text[start : sentence.end], re.IGNORECASE)
    if verb.group("reach") and not origin:  # "to reach X (from Y)": X follows the verb
        destination = re.match(r"", text[start : sentence.end])
    if origin:
        anchor = _loose_anchor(context, sentence, start + origin.end())
        onward = re.match(r"\s+to\s+", text[anchor.end : sentence.end]) if anchor else None
        subject = _loose_anchor(context, sentence, anchor.end + onward.end()) if onward else None
        return (anchor, subject) if anchor is not None else None
    if destination:
        subject = _loose_anchor(context, sentence, start + destination.end())
        back = re.match(r"\s+from\s+", text[subject.end : sentence.end]) if subject else None
        anchor = _loose_anchor(context, sentence, subject.end + back.end()) if back else None
        if anchor is None and subject is not None:  # "From X, it takes two days to reach Y"
            froms = list(_FROM_BEFORE_RE.finditer(text, max(sentence.start, phrase.start - LOOK_BACK_CHARS), phrase.start))
            anchor = _loose_anchor(context, sentence, froms[-1].end()) if froms else None
        return (anchor, subject) if anchor is not None else None
    return None


def _anchor_before(context: _Context, sentence: _Sentence,
                   phrase: DistancePhrase) -> tuple[Mention, Mention | None] | None:
    """(anchor, subject or None) named before the figure: "from X (to Y) ... N", "the drive to
    Y from X takes N", "Distance from X ~ N", "Y - N km" (a sign)."""
    text = context.text
    clause_start = max(sentence.start, phrase.start - LOOK_BACK_CHARS)
    before = text[clause_start : phrase.start]
    froms = list(_FROM_BEFORE_RE.finditer(before))
    if froms:
        last = froms[-1]
        anchor = _loose_anchor(context, sentence, clause_start + last.end())
        if anchor is None or anchor.end > phrase.start:
            return None
        subject = None
        onward = re.match(r"\s+to\s+", text[anchor.end : phrase.start])
        if onward:
            subject = _loose_anchor(context, sentence, anchor.end + onward.end())
        last_end = subject.end if subject is not None else anchor.end
        journey_takes = _JOURNEY_TAKES_RE.search(text, max(last_end, phrase.start - 40), phrase.start)
        if not journey_takes and (
            not _ANCHOR_TO_FIGURE_RE.fullmatch(text, last_end, phrase.start) or phrase.start - last_end > 60
        ):
            return None  # "from X" far from the figure, other words between: not its anchor
        if journey_takes and subject is None:  # "departs from X for Y ... the journey takes N"
            onward = re.match(r"\s+(?:for|to)\s+", text[anchor.end : phrase.start])
            if onward:
                subject = _loose_anchor(context, sentence, anchor.end + onward.end())
        if not onward:
            to = list(_TO_BEFORE_RE.finditer(before, 0, last.start()))
            if to:
                subject = _loose_anchor(context, sentence, clause_start + to[-1].end())
        if subject is not None and subject.end > phrase.start:
            subject = None
        return anchor, subject
    between = _BETWEEN_RE.search(before)
    if between:  # "the distance between X, Q, and Y, Q is N"
        first = _loose_anchor(context, sentence, clause_start + between.end())
        if first is not None:
            joined = re.match(r"\s*,?\s+and\s+", text[first.end : phrase.start])
            second = _loose_anchor(context, sentence, first.end + joined.end()) if joined else None
            if second is not None and second.end <= phrase.start and _ANCHOR_TO_FIGURE_RE.fullmatch(
                text, second.end, phrase.start
            ):
                return first, second
    if _SIGN_RE.search(before):
        mentions = context.mentions_between(sentence.start, phrase.start)
        if len(mentions) >= 2 and _SIGN_RE.fullmatch(text[mentions[-1].end : phrase.start]):
            return mentions[-2], mentions[-1]
    return None


def _fronted_subject(context: _Context, sentence: _Sentence, phrase: DistancePhrase,
                     anchor: Mention) -> Mention | None:
    """After a fronted figure ("A 90-minute ride from X, Y is ...", "Just 60 miles from X, in
    the Y valley, ..."): the noun phrase after the comma closing the anchor, else the next place."""
    text = context.text
    if not _FRONTED_OPENING_RE.fullmatch(text, sentence.start, phrase.start):
        return None
    inversion = re.match(r"\s*,?\s*(?:away\s+)?(?:is|are|was|were|lies|lie|lay|sits|stands|stood|rises)\s+", text[anchor.end : sentence.end])
    if inversion:  # "About 90 km north of X is Y", "Just 400 m away is Y"
        span = _noun_phrase_after(context, anchor.end + inversion.end(), sentence.end)
        if span is not None:
            return _np_mention(context, sentence, span[0], span[1], anchor)
    if not anchor.text:
        return None
    comma = re.match(r"[^,;:]{0,40}?,\s*", text[anchor.end : sentence.end])
    if comma:
        start = anchor.end + comma.end()
        inside = next(context.iter_mentions(start, sentence.end), None)
        span = _noun_phrase_after(context, start, sentence.end)
        if span is not None and not re.match(r"(?:in|on|at|near|along|by|with|for|to|and)\b", text[span[0]:span[1]], re.IGNORECASE):
            if inside is not None and span[0] <= inside.start < span[1]:
                return inside
            return _span(context, *span)
    return next(context.iter_mentions(anchor.end, sentence.end), None)


_FRONTED_OPENING_RE = re.compile(
    r"[\s\"“‘'(]*(?:(?:just|only|about|some|roughly|around|approximately|located|situated|lying|set|"
    r"nestled|a|an|the|barely|less\s+than|more\s+than|by\s+\w+,?)\s+)*",
    re.IGNORECASE,
)


_LINKED_SUBJECT_RE = re.compile(
    r"(?P<np>(?:\b(?:[Tt]he|[Tt]his|[Tt]hese|[Tt]hat|[Aa]n?|[Ii]ts|[Oo]ur|[Mm]y)\s+(?:[\w’'-]+\s+){0,5}?[\w’'-]+)"
    r"|(?:\b[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|de|del|la|da|do|du|el|al-\w+)){0,5})"
    r"|\b(?:[Ii]t|[Tt]hey|[Ww]e|I))"
    rf"\s*,?\s+(?P<link>(?:(?:{'|'.join(sorted((re.escape(w) for w in lexicon.LINK_WORDS if ' ' not in w), key=len, reverse=True))})\s+)+)"
    r"(?:[“\"‘']\s*)?$"
)


def _may_end_with_link(text: str, predicate: bool = True) -> bool:
    """A cheap test before the link-verb patterns: whether ``text`` ends with a link word
    (perhaps after a predicate noun "is a volcano", when ``predicate``)."""
    words = _TAIL_WORD_RE.findall(text[-50:].lower())
    while words and words[-1] in ("“", '"', "‘", "'", "~", ":"):
        words.pop()
    last = words[-4:] if predicate else words[-1:]
    return any(w in lexicon.LINK_WORDS for w in last)  # (the module's _LINK_WORDS is a subset of these)


def _linked_subject(context: _Context, sentence: _Sentence, phrase: DistancePhrase,
                    anchor: Mention) -> Mention | None:
    """The noun phrase joined to the figure by link words ("the area is just “about 4 km",
    "Mount X is a volcano about 1 km"): a place mention inside it, else the words (unresolved),
    a pronoun or description read as its referent when one is found."""
    before, _ = _window_before(context.text, sentence, phrase.start, size=120)
    if not _may_end_with_link(before):
        return None
    trimmed = re.sub(r"\b(?:an?|the)\s+(?:[\w-]+\s+){0,2}$", "", before)  # "is a shield volcano about"
    for text in (before, trimmed) if trimmed != before else (before,):
        match = _LINKED_SUBJECT_RE.search(text)
        if match and any(w in lexicon.LINK_VERBS for w in match.group("link").lower().split()):
            offset = phrase.start - len(before)
            start, end = offset + match.start("np"), offset + match.end("np")
            link = match.group("link").lower().split()
            between = context.text[end : offset + match.start("link")]
            if "," in between or link[0] in _RELATIVE_OR_PARTICIPLE:
                # "an eruption of the X volcano, located 35 km": the nearest noun is located
                of = list(re.finditer(r"\bof\s+", context.text[start:end]))
                if of:
                    start += of[-1].end()
            lead = re.match(r"(?:that|which)\s+(?=(?:the|a|an)\b)", context.text[start:end], re.IGNORECASE)
            if lead:  # "explained that the area is ...": the subject is "the area"
                start += lead.end()
            return _np_mention(context, sentence, start, end, anchor)
    return None


def _np_mention(context: _Context, sentence: _Sentence, start: int, end: int, anchor: Mention | None) -> Mention:
    """A noun phrase as a mention: the place mention inside it, a referent for a pronoun or a
    description, else the words unresolved."""
    inside = context.mentions_between(start, end)
    if inside:
        return inside[0] if len(inside) == 1 and (inside[0].start, inside[0].end) == (start, end) else _span(context, start, end, inside[0])
    words = context.text[start:end].split()
    first = words[0].lower()
    if first in ("it", "they", "its"):
        return _referent(context, sentence, start, end, None, exclude=anchor) or _span(context, start, end)
    if first in ("the", "this", "these", "that"):
        return _referent(context, sentence, start, end, words[-1], exclude=anchor) or _span(context, start, end)
    return _span(context, start, end)


# --- claims ----------------------------------------------------------------------------------


def _same_place(first: Mention, second: Mention) -> bool:
    """Whether two mentions resolve to one gazetteer entry."""
    both = first.place is not None and second.place is not None
    return both and first.place.place_id == second.place.place_id


def _claim_for(context: _Context, sentence: _Sentence, phrase: DistancePhrase,
               previous: DistanceClaim | None) -> DistanceClaim | None:
    text = context.text
    if phrase.hedge == "within" or _rejected_by_words_before(text, sentence, phrase):
        return None
    relation = _relation(text, phrase.end, sentence.end)
    if relation is None or relation.apart:  # "X and Y are 30 km apart", "the distance between"
        pair = _pair_before(context, sentence, phrase)
        if pair is None or (relation is None and not _distance_between(context, sentence, pair[0])):
            return None
        if relation is None:
            relation = _Relation(phrase.end)
        subject, anchor = (pair[1], pair[0]) if not relation.apart else pair
    elif relation.away:
        found = _away_claim(context, sentence, phrase)
        if found is None:
            return None
        subject, anchor, direction = found
        relation = replace(relation, direction=direction)
    else:
        anchor = _anchor_after(context, relation.end, sentence.end) or _description_anchor(
            context, sentence, relation.end
        )
        if anchor is None:
            return None
        onward = re.match(r"\s+to\s+", text[anchor.end : sentence.end]) or _BRINGS_TO_RE.match(
            text[anchor.end : sentence.end]
        )
        destination = _anchor_after(context, anchor.end + onward.end(), sentence.end) if onward else None
        if destination is not None and not relation.journey_to:  # "30 km from X to Y"
            if _EXTENT_VERB_RE.search(_clause_before(text, sentence, phrase.start)):
                return None  # "the pipeline runs 1,224 km from X to Y": a length, not a distance
            subject = destination
        elif relation.journey_to:  # "X is a 30 km drive to Y"
            subject = _subject_before(context, sentence, phrase.start)
        else:
            subject = (
                _continued_subject(context, previous, phrase)
                or _subject_before(context, sentence, phrase.start)
                or _description_subject_before(context, sentence, phrase.start, anchor)
                or _subject_after(context, sentence, phrase, anchor)
            )
    if subject is None or (subject.start, subject.end) == (anchor.start, anchor.end):
        return None
    if _same_place(subject, anchor) and relation is not None and not relation.away and not relation.apart \
            and anchor not in context.mentions:  # "Donetsk lies 90 km south of the town": another town
        anchor = _description_anchor(context, sentence, relation.end, exclude=subject) or anchor
    if _same_place(subject, anchor):
        return None  # "X is 30 km from the city" read back to X itself: no two places
    if _lookalike(context, sentence, phrase):
        return None
    return _claim(context, sentence, phrase, subject, anchor, relation.direction, relation.mode)


_BRINGS_TO_RE = re.compile(
    rf"\s*,?\s+(?:{lexicon.alternation(lexicon.BRINGING_VERBS)})\s+"
    r"(?:(?:you|us|them|one|visitors|travellers|travelers|climbers|hikers|walkers|pilgrims|tourists|passengers)\s+)?"
    r"(?:back\s+)?(?:to|into)\s+",
    re.IGNORECASE,
)
"""A fronted journey's destination: "A two-hour drive from X brings you to Y"."""
_VIA_TO_RE = re.compile(r"\s+via\s+[^,.;:()]{1,60}?\s+(?:to|into)\s+(?=[A-Z])")
"""A journey's destination after its way: "from X via Q and over the border into Y"."""


_HOW_FAR_RE = re.compile(r"\s*[\"“]?how\s+far\s+(?:away\s+)?is\s+(?:it\s+)?", re.IGNORECASE)
_ANSWER_OPENING_RE = re.compile(
    rf"[\s\"“]*(?:(?:it['’]?s|it\s+is|that['’]?s|{_HEDGE}|{_MODE_PHRASE})[\s,:]*)*+",
    re.IGNORECASE,
)


def _answer_claim(context: _Context, sentence: _Sentence, phrase: DistancePhrase) -> DistanceClaim | None:
    """The answer to the question before it: "How far is it (from Y) to X? About 115 km by
    road." or "How far is X from Y? Two hours by train." X is the subject, Y the anchor (unstated
    when the question names none)."""
    index = bisect.bisect_left(context.sentence_starts, sentence.start)
    if index == 0 or not _ANSWER_OPENING_RE.fullmatch(context.text, sentence.start, phrase.start):
        return None
    question = context.sentences[index - 1]
    text = context.text
    if question.paragraph != sentence.paragraph and not text[question.start : question.end].rstrip().endswith("?"):
        return None
    asked = _HOW_FAR_RE.match(text, question.start, question.end)
    if asked is None or not text[question.start : question.end].rstrip().endswith("?"):
        return None
    start, anchor, subject = asked.end(), None, None
    lead = re.match(r"(from|to)\s+", text[start : question.end], re.IGNORECASE)
    if lead and lead.group(1).lower() == "from":  # "from Y to X?"
        anchor = _loose_anchor(context, question, start + lead.end())
        onward = re.match(r"\s+to\s+", text[anchor.end : question.end]) if anchor else None
        subject = _loose_anchor(context, question, anchor.end + onward.end()) if onward else None
    else:  # "to X (from Y)?", "X from Y?"
        subject = _loose_anchor(context, question, start + (lead.end() if lead else 0))
        back = re.match(r"\s+from\s+", text[subject.end : question.end]) if subject else None
        anchor = _loose_anchor(context, question, subject.end + back.end()) if back else None
    if subject is None:
        return None
    anchor = anchor or Mention(text="", start=phrase.end, end=phrase.end)
    return _claim(context, sentence, phrase, subject, anchor, "", lexicon.mode_of(text[sentence.start : sentence.end]))


_BRACKET_BEFORE_RE = re.compile(r"\(\s*(?:[^()]{0,60}?\b(?:or|and)\s+)?(?:an?\s+)?$", re.IGNORECASE)


def _bracketed_time_claim(context: _Context, sentence: _Sentence, phrase: DistancePhrase) -> DistanceClaim | None:
    """A travel time in brackets after a place: "walk to the village of X (15 minutes)", "Y
    (20 minutes on foot or 5 minutes by car)". The place is the subject; the anchor is the
    "from" before it, else unstated (where the writer stands)."""
    if not phrase.is_time:
        return None
    text = context.text
    opening = _BRACKET_BEFORE_RE.search(text, max(sentence.start, phrase.start - 80), phrase.start)
    if opening is None or not re.match(r"[^()]{0,60}\)", text[phrase.end : sentence.end]):
        return None
    before = text[sentence.start : opening.start()].rstrip()
    places = context.mentions_between(sentence.start, opening.start())
    if places and before[-len(places[-1].text):] == places[-1].text and places[-1].end >= opening.start() - 2:
        subject = _appositive_head(context, places[-1])
    else:  # a name the gazetteer lacks: "visit Tarangire (a two-hour drive)"
        name = re.search(r"(?<![\w’'-])[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}$", before)
        if name is None or name.start() == 0 or before[:name.start()].rstrip()[-1:] in ".!?:":
            return None  # the bracket does not follow a place's name (nor a sentence's first word)
        start = sentence.start + name.start()
        subject = _np_mention(context, sentence, start, start + len(name.group(0)), None)
    froms = list(_FROM_BEFORE_RE.finditer(text, sentence.start, subject.start))
    anchor = _loose_anchor(context, sentence, froms[-1].end()) if froms else None
    anchor = anchor or Mention(text="", start=phrase.end, end=phrase.end)
    own = re.match(r"[^()]*?(?=\bor\b|\band\b|\))", text[phrase.end : sentence.end])  # this figure's words
    mode = lexicon.mode_of(own.group(0)) if own else ""
    lead = re.split(r"[,;]|\b(?:or|and)\b", text[max(sentence.start, subject.start - 40) : subject.start])[-1]
    whole = re.match(r"[^()]*\)", text[opening.start() + 1 : sentence.end])
    if not lexicon.mode_of(lead) and not lexicon.mode_of(whole.group(0) if whole else ""):
        return None  # "the talks in Geneva (two hours)": a duration; a travel time names its way
    if not mode and own and not own.group(0).strip():  # "walk to X (15 minutes)": the verb before X
        mode = lexicon.mode_of(lead)
    return replace(_claim(context, sentence, phrase, subject, anchor, "", mode or "-"), mode=mode)


def _is_event(mention: Mention) -> bool:
    """Whether an end is an event's position ("the epicentre", "the crash site"), not a place."""
    words = re.findall(r"[a-z]+", mention.text.lower())
    return mention.place is None and bool(words) and words[0] in ("the", "a", "an") and any(
        w in lexicon.EVENT_NOUNS for w in words[1:4])


def extract_claims(document: Document, mentions: Sequence[Mention]) -> list[DistanceClaim]:
    """Every claim in ``document`` that one place lies some distance from another.

    ``mentions`` are the document's place mentions (offsets into ``document.text``; resolved
    or not). Claims come in text order; a sentence may hold several. Subjects written as a
    description or a pronoun come back as new mentions (see the module docstring). Never
    raises on odd text: a sentence without two places or without a readable figure gives no
    claim.
    """
    text = document.text
    if not may_state_distance(text):
        return []
    usable = (m for m in mentions if 0 <= m.start < m.end <= len(text))
    ordered = tuple(sorted(usable, key=lambda m: (m.start, -m.end)))
    context = _Context(document, tuple(sentences(text)), _outermost(ordered))
    claims: list[DistanceClaim] = []
    for sentence in context.sentences:
        previous = None
        unclaimed = None  # the last figure that gave no claim
        for phrase in find_distances(text[sentence.start : sentence.end]):
            phrase = replace(
                phrase,
                start=phrase.start + sentence.start,
                end=phrase.end + sentence.start,
                figure_start=phrase.figure_start + sentence.start,
            )
            if unclaimed is not None and _LOOKALIKE_CONTINUED_RE.fullmatch(text, unclaimed.end, phrase.start) \
                    and _lookalike(context, sentence, unclaimed):
                unclaimed = phrase  # "centred 6 miles north-east of X and 30 miles from Y"
                context.memo[phrase.figure_start] = True
                continue
            claim = _claim_for(context, sentence, phrase, previous) or _figure_claim(
                context, sentence, phrase, previous
            )
            if claim is None:  # cheap tests first: most figures are neither
                claim = _answer_claim(context, sentence, phrase) or _bracketed_time_claim(context, sentence, phrase)
                claim = None if claim is None or _lookalike(context, sentence, phrase) else claim
            if claim is not None and _is_event(claim.anchor):
                claim = None  # "Izmir, 70 km from the epicentre": where an event was, no place
            unclaimed = phrase if claim is None else None
            if claim is not None:
                claims.append(claim)
                previous = claim
                other = _second_anchor(context, sentence, claim)
                if other is not None:  # "from both X and Y": one claim for each
                    claims.append(replace(claim, anchor=other))
    return claims


_LOOKALIKE_CONTINUED_RE = re.compile(r"[^,.;:()]{0,60}?\band\s+(?:(?:about|some|around|roughly|nearly|just|only)\s+)*")
"""The words joining a look-alike figure to the next one, which shares its reading."""
_BOTH_BEFORE_RE = re.compile(r"\bboth\s+$", re.IGNORECASE)
_AND_AFTER_RE = re.compile(r"\s+and\s+", re.IGNORECASE)


def _second_anchor(context: _Context, sentence: _Sentence, claim: DistanceClaim) -> Mention | None:
    """The Y of "... from both X and Y" (a claim's anchor X), as a mention; None otherwise."""
    anchor = claim.anchor
    text = context.text
    if not anchor.text or not _BOTH_BEFORE_RE.search(text, max(sentence.start, anchor.start - 10), anchor.start):
        return None
    joined = _AND_AFTER_RE.match(text, anchor.end, sentence.end)
    if joined is None:
        return None
    return _loose_anchor(context, sentence, joined.end())


def _outermost(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """Mentions without those nested inside another ("Russian" in "the Russian Far East")."""
    kept: list[Mention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return tuple(kept)
