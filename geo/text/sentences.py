"""The one sentence splitter: every module that reads text sentence by sentence calls this.

:func:`sentences` returns each sentence as a :class:`Sentence` (``start``, ``end`` character
offsets into the text, whitespace trimmed, and the index of its ``paragraph``);
:func:`split_sentences` returns the (start, end) pairs alone; :func:`sentence_at` the one
sentence holding an offset.

Rules: a sentence ends at a run of ".", "!" or "?" (with closing quotes or brackets) before
white space and a capital, a digit or an opening quote, unless the full stop ends an
abbreviation ("Mr.", "St.", "Gen."), an initial ("John F. Kirby"), a dotted acronym ("U.S.",
"a.m.") or "No." before a number. A line break ends a sentence unless the text is
hard-wrapped (the line ends with a comma, a hyphen or a function word, or the next line starts
in lower case); a blank line always ends one, and starts a new paragraph. A run longer than
:data:`MAX_SENTENCE_CHARS` without an end (lists, tables, machine text) is cut at a clause break
or a space, so work per sentence stays bounded.

Time is linear in the text: each character is looked at a bounded number of times (punctuation
runs are matched once, abbreviation and line-end tests look at a bounded window).
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

__all__ = ["MAX_SENTENCE_CHARS", "Sentence", "sentence_at", "sentences", "split_sentences"]

MAX_SENTENCE_CHARS = 2000
"""Longest sentence returned (characters); longer runs are cut at a clause break or a space."""

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st mt ft gen col lt sgt capt cmdr adm gov sen rep pres prof rev jr sr vs "
    "approx est jan feb mar apr jun jul aug sep sept oct nov dec inc corp ltd dept univ ave "
    "blvd rd fig no ont calif mass wash fla ariz colo conn penn tenn va ky mich minn okla "
    "ore wis wyo neb nev ala ark del ga kan md mont tex vt".split()
)
"""Words whose full stop does not end a sentence (lower case, without the dot). State and
province abbreviations ("Thunder Bay, Ont.") end one only before a capital that starts a
sentence-like run, which cannot be told apart, so they never do."""

_END_RUN_RE = re.compile(r"[.!?]+")
_FOOTNOTE_RE = re.compile(r"(?:\[(?:\d{1,3}|[a-z]|citation needed|note \d+)\])+")
_CLOSERS = "\"'”’)]"
_OPENERS = "\"'“‘(["
_WORD_BEFORE_RE = re.compile(r"[\w.]*$")
_JOINING_LINE_END_RE = re.compile(
    r"(?:[,;(\-–—]|\b(?:of|the|a|an|to|from|and|or|in|on|at|by|with|for|some|about))\s*$",
    re.IGNORECASE,
)
_LOWER_LINE_START_RE = re.compile(r"[ \t]*[a-z(]")
_LINE_TAIL = 24  # characters of a line's end that decide whether it joins the next


class Sentence(NamedTuple):
    """A sentence: character offsets into the text (trimmed) and its paragraph's index."""

    start: int
    end: int
    paragraph: int


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``text[dot]`` ends an abbreviation, an initial or an acronym."""
    word = _WORD_BEFORE_RE.search(text, max(0, dot - 40), dot).group(0)
    if not word:
        return False
    if "." in word or (len(word) == 1 and word.isupper()):
        return True  # U.S., a.m., p.m., initials "John F. Kirby"
    lower = word.lower()
    if lower == "no":
        return text[dot + 1 : dot + 3].strip()[:1].isdigit()
    return lower in _ABBREVIATIONS


def _paragraph_runs(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of each run of text between line breaks that end a sentence."""
    runs: list[list[int]] = []
    paragraph = -1
    position = 0
    after_blank = True
    previous_tail = ""
    for line in text.split("\n"):
        end = position + len(line)
        if not line.strip():
            after_blank = True
        else:
            inside = runs and not after_blank and (
                _JOINING_LINE_END_RE.search(previous_tail) or _LOWER_LINE_START_RE.match(line)
            )
            if inside:
                runs[-1][1] = end
            else:
                if after_blank:
                    paragraph += 1
                runs.append([position, end, max(paragraph, 0)])
            after_blank = False
            previous_tail = line[-_LINE_TAIL:]
        position = end + 1
    return [(a, b, p) for a, b, p in runs]


def _ends_sentence(text: str, run_end: int, limit: int) -> int | None:
    """Where a sentence ending at a punctuation run closing at ``run_end`` ends, or None."""
    end = run_end
    while end < limit and text[end] in _CLOSERS:
        end += 1
    footnote = _FOOTNOTE_RE.match(text, end, limit)  # "... city.[2] The next"
    if footnote:
        end = footnote.end()
    after = end
    if after >= limit or not text[after].isspace():
        return None
    while after < limit and text[after].isspace():
        after += 1
    if after < limit and text[after] in _OPENERS:
        if text[after] in "([" and after + 1 < limit and text[after + 1].isdigit():
            return None  # "8 mi. (13 km) west": a bracketed conversion goes on the sentence
        after += 1
    if after < limit and (text[after].isupper() or text[after].isdigit()):
        return end
    return None


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``start``..``end`` cut into pieces of at most MAX_SENTENCE_CHARS, at "; ", ", " or a space."""
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        window_end = start + MAX_SENTENCE_CHARS
        cut = max(text.rfind("; ", start, window_end), text.rfind(", ", start, window_end))
        if cut - start < MAX_SENTENCE_CHARS // 2:
            cut = text.rfind(" ", start, window_end)
        cut = cut + 1 if cut > start else window_end
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` in order, whitespace trimmed, empty ones dropped."""
    found: list[Sentence] = []

    def add(start: int, end: int, paragraph: int) -> None:
        for piece_start, piece_end in _bounded(text, start, end):
            while piece_start < piece_end and text[piece_start].isspace():
                piece_start += 1
            while piece_end > piece_start and text[piece_end - 1].isspace():
                piece_end -= 1
            if piece_start < piece_end:
                found.append(Sentence(piece_start, piece_end, paragraph))

    for run_start, run_end, paragraph in _paragraph_runs(text):
        start = run_start
        for match in _END_RUN_RE.finditer(text, run_start, run_end):
            end = _ends_sentence(text, match.end(), run_end)
            if end is None:
                continue
            if match.group(0) == "." and _is_abbreviation(text, match.start()):
                continue
            add(start, end, paragraph)
            start = end
        add(start, run_end, paragraph)
    return found


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of each sentence of ``text`` (see :func:`sentences`)."""
    return [(s.start, s.end) for s in sentences(text)]


def sentence_at(text: str, offset: int, spans: list[Sentence] | None = None) -> Sentence | None:
    """The sentence holding character ``offset`` (or the nearest one before it); None if none.

    Pass ``spans`` (``sentences(text)``) when asking about many offsets of one text.
    """
    spans = sentences(text) if spans is None else spans
    index = bisect.bisect_right(spans, offset, key=lambda s: s.start) - 1  # no list of starts built per call
    return spans[index] if index >= 0 else (spans[0] if spans else None)
