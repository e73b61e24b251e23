"""Distance-claim extraction scored on a JSON Lines set of real sentences.

Each line is one sentence as published: ``text``, ``context`` (the sentence before, or null),
``is_claim``, and for a claim ``subject``, ``anchor`` (as written; a referent may follow in
parentheses), ``values`` (``[{number, unit}]``, every figure of the claim), ``direction`` and
``additional_claims`` (more claims of the same sentence, same fields). A look-alike
(``is_claim`` false) states no claim however many figures it holds.

Scoring (the set's README): the document read is the context, a line break, then the text, through the whole
pipeline (:func:`geo.story.analyse_document`); only claims whose figure lies in ``text``
count. A gold claim is *found* when a returned claim states one of its numbers (gold claims
in order, each returned claim finding at most one). Recall = found / gold claims. A returned
claim is *right* when it states a number of one of its sentence's gold claims (a sentence giving
one claim as "20 hours/1500 km" may be returned as two claims, a time and a distance, both
right); every other returned claim, and every claim returned on a look-alike, is a false alarm.
Precision = right / returned; F1 their harmonic mean. Of the found claims: the share whose anchor is right (the
returned anchor's words and the gold anchor's share a name, or one holds the other), whose unit
is right (the matched figure's unit), and whose direction is right (the same compass point, or
none on both sides).
"""

from __future__ import annotations

import json
import math
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from geo.errors import InputError
from geo.geodesy import compass_bearing, compass_point
from geo.lexicon import unit_code
from geo.model import DistanceClaim, Document, Quantity

__all__ = [
    "ClaimEvaluation",
    "ClaimItem",
    "GoldClaim",
    "ItemResult",
    "anchor_matches",
    "direction_code",
    "evaluate_claims",
    "gold_unit",
    "pair_tests",
    "read_claim_set",
    "score_item",
]


@dataclass(frozen=True)
class GoldClaim:
    """One claim of a sentence as annotated."""

    subject: str
    anchor: str
    values: tuple[tuple[float, str], ...]  # (number, unit as written)
    direction: str  # as written, "" when none


@dataclass(frozen=True)
class ClaimItem:
    """One line of the set."""

    line: int
    text: str
    context: str
    is_claim: bool
    claims: tuple[GoldClaim, ...]  # empty for a look-alike
    source: str = ""
    note: str = ""


@dataclass(frozen=True)
class ItemResult:
    """What extraction returned for one item, and how it matched."""

    item: ClaimItem
    returned: tuple[DistanceClaim, ...]
    found: tuple[tuple[GoldClaim, DistanceClaim], ...]  # matched pairs
    missed: tuple[GoldClaim, ...]
    false_alarms: tuple[DistanceClaim, ...]  # returned claims stating no number of a gold claim


@dataclass(frozen=True)
class ClaimEvaluation:
    """The scores over a whole set."""

    path: str
    results: tuple[ItemResult, ...] = field(repr=False)
    seconds: float = 0.0

    @property
    def gold(self) -> int:
        return sum(len(r.item.claims) for r in self.results)

    @property
    def returned(self) -> int:
        return sum(len(r.returned) for r in self.results)

    @property
    def found(self) -> int:
        return sum(len(r.found) for r in self.results)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def right(self) -> int:
        return self.returned - sum(len(r.false_alarms) for r in self.results)

    @property
    def precision(self) -> float:
        return self.right / self.returned if self.returned else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def _share(self, test) -> float:
        pairs = [pair for r in self.results for pair in r.found]
        return sum(1 for gold, claim in pairs if test(gold, claim)) / len(pairs) if pairs else 0.0

    @property
    def anchor_share(self) -> float:
        return self._share(PAIR_TESTS["anchor_ok"])

    @property
    def unit_share(self) -> float:
        return self._share(PAIR_TESTS["unit_ok"])

    @property
    def direction_share(self) -> float:
        return self._share(PAIR_TESTS["direction_ok"])

    @property
    def lookalikes(self) -> int:
        return sum(1 for r in self.results if not r.item.is_claim)

    @property
    def lookalikes_claimed(self) -> int:
        """Look-alike items on which at least one claim was returned."""
        return sum(1 for r in self.results if not r.item.is_claim and r.returned)


def _gold_claim(row: dict) -> GoldClaim:
    values = tuple((float(v["number"]), str(v.get("unit") or "")) for v in row.get("values") or ())
    return GoldClaim(
        subject=str(row.get("subject") or ""),
        anchor=str(row.get("anchor") or ""),
        values=values,
        direction=str(row.get("direction") or ""),
    )


def read_claim_set(path: str | Path) -> list[ClaimItem]:
    """The items of a JSON Lines claim set; InputError naming the file and line if malformed."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file (a JSON Lines claim set, e.g. distance_claims_dev.jsonl)")
    items = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                text = str(row["text"])
                is_claim = bool(row["is_claim"])
                claims = (_gold_claim(row), *map(_gold_claim, row.get("additional_claims") or ())) if is_claim else ()
            except (ValueError, KeyError, TypeError) as error:
                raise InputError(f"{path}, line {number}: not a claim item ({error})") from error
            items.append(
                ClaimItem(number, text, str(row.get("context") or ""), is_claim, claims,
                          str(row.get("source") or ""), str(row.get("note") or ""))
            )
    return items


def _numbers(quantity: Quantity) -> list[float]:
    return [n for n in (quantity.value, quantity.low, quantity.high) if n is not None]


def _same_number(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def gold_unit(unit: str) -> str | None:
    """The unit code of a gold unit as written ("kilometres" -> "km", "hour drive" -> "h")."""
    words = re.sub(r"['’]s?\b|['’]", " ", unit).split()
    for size in (2, 1):
        if len(words) >= size:
            code = unit_code(" ".join(words[:size]))
            if code:
                return code
    return None


def _matched_quantity(gold: GoldClaim, claim: DistanceClaim) -> tuple[float, str, Quantity] | None:
    for number, unit in gold.values:
        for quantity in claim.stated:
            if any(_same_number(number, n) for n in _numbers(quantity)):
                return number, unit, quantity
    return None


def unit_matches(gold: GoldClaim, claim: DistanceClaim) -> bool:
    """Whether the returned figure matching a gold number has that number's unit."""
    matched = _matched_quantity(gold, claim)
    return matched is not None and gold_unit(matched[1]) == matched[2].unit


_PAREN_RE = re.compile(r"\(([^()]*)\)")
_ARTICLE_RE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", _ARTICLE_RE.sub("", text.strip())).lower().split())


def _names(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\b[A-Z][\w’'-]+", text) if len(w) > 1}


def anchor_matches(gold: str, claim: DistanceClaim) -> bool:
    """Whether the returned anchor is the gold one: one text holds the other, or they share a
    capitalised name, or the gold's parenthetical referent is the resolved place's name, or
    both are empty (an anchor the sentence does not state)."""
    returned = claim.anchor.text
    if not gold.strip() and not returned.strip():
        return True  # both say the anchor is not stated
    place = claim.anchor.place.name if claim.anchor.place is not None else ""
    referents = _PAREN_RE.findall(gold)
    bare = _PAREN_RE.sub(" ", gold)
    a, b = _fold(bare), _fold(returned)
    if a and b and (a in b or b in a):
        return True
    if _names(bare) & _names(returned):
        return True
    return any(_fold(r) and (_fold(r) in b or (place and _fold(r) == _fold(place))) for r in referents)


def direction_code(words: str) -> str:
    """A compass point for written direction words ("to the south-west of" -> "SW", "due E"
    -> "E"), "" when they name none ("upriver", "")."""
    text = re.sub(r"\b(?:to|the|of|due|further|farther|from|in)\b", " ", words, flags=re.IGNORECASE)
    text = _PAREN_RE.sub(" ", text).strip(" -")
    if not text:
        return ""
    try:
        return compass_point(compass_bearing(" ".join(text.split())))
    except (InputError, ValueError):
        return ""


PAIR_TESTS = {
    "anchor_ok": lambda gold, claim: anchor_matches(gold.anchor, claim),
    "unit_ok": unit_matches,
    "direction_ok": lambda gold, claim: direction_code(gold.direction) == direction_code(claim.direction),
}
"""What a found claim may still get wrong against its gold claim: each test by its name in the
record (the shares of :class:`ClaimEvaluation` and the record's "wrong" list both use them)."""


def pair_tests(gold: GoldClaim, claim: DistanceClaim) -> dict[str, bool]:
    """Each of :data:`PAIR_TESTS` for one found pair, by name."""
    return {name: test(gold, claim) for name, test in PAIR_TESTS.items()}


def score_item(item: ClaimItem, returned: Sequence[DistanceClaim]) -> ItemResult:
    """Match one item's returned claims to its gold claims (one-to-one, gold in order)."""
    left = list(returned)
    found, missed = [], []
    for gold in item.claims:
        match = next((c for c in left if _matched_quantity(gold, c) is not None), None)
        if match is None:
            missed.append(gold)
        else:
            found.append((gold, match))
            left.remove(match)
    false_alarms = tuple(c for c in left if not any(_matched_quantity(g, c) for g in item.claims))
    return ItemResult(item, tuple(returned), tuple(found), tuple(missed), false_alarms)


def evaluate_claims(path: str | Path, gazetteer=None, limit: int | None = None) -> ClaimEvaluation:
    """Read each item through the whole pipeline and score its claims (see the module doc)."""
    from geo.gazetteer import default_gazetteer
    from geo.story import analyse_document

    items = read_claim_set(path)[:limit]
    gazetteer = gazetteer if gazetteer is not None else default_gazetteer()
    results = []
    started = time.process_time()
    for item in items:
        prefix = item.context + "\n" if item.context else ""  # the sentence before, on its own line
        document = Document(path=f"{path}:{item.line}", text=prefix + item.text)
        analysis = analyse_document(document, gazetteer=gazetteer)
        returned = tuple(c.claim for c in analysis.checks if c.claim.sentence_start >= len(prefix))
        results.append(score_item(item, returned))
    return ClaimEvaluation(str(path), tuple(results), time.process_time() - started)


def claim_evaluation_record(evaluation: ClaimEvaluation) -> dict:
    """The scores as a JSON-ready dict, with every miss and false alarm."""

    def claim_record(claim: DistanceClaim) -> dict:
        return {
            "subject": claim.subject.text,
            "anchor": claim.anchor.text,
            "stated": [q.text for q in claim.stated],
            "direction": claim.direction,
            "mode": claim.mode,
        }

    wrong = []  # found pairs that fail a pair test, with every test's outcome
    for result in evaluation.results:
        for gold, claim in result.found:
            tests = pair_tests(gold, claim)
            if not all(tests.values()):
                wrong.append({"line": result.item.line, "text": result.item.text, "gold_anchor": gold.anchor,
                              "gold_direction": gold.direction,
                              "gold_values": [f"{n:g} {u}" for n, u in gold.values], **claim_record(claim),
                              **tests})
    return {
        "path": evaluation.path,
        "gold_claims": evaluation.gold,
        "returned_claims": evaluation.returned,
        "found": evaluation.found,
        "right_returned": evaluation.right,
        "recall": round(evaluation.recall, 4),
        "precision": round(evaluation.precision, 4),
        "f1": round(evaluation.f1, 4),
        "anchor_share": round(evaluation.anchor_share, 4),
        "unit_share": round(evaluation.unit_share, 4),
        "direction_share": round(evaluation.direction_share, 4),
        "lookalikes": evaluation.lookalikes,
        "lookalikes_claimed": evaluation.lookalikes_claimed,
        "cpu_seconds": round(evaluation.seconds, 2),
        "missed": [
            {"line": r.item.line, "text": r.item.text, "subject": g.subject, "anchor": g.anchor}
            for r in evaluation.results for g in r.missed
        ],
        "false_alarms": [
            {"line": r.item.line, "text": r.item.text, **claim_record(c)}
            for r in evaluation.results for c in r.false_alarms
        ],
        "wrong": wrong,
    }
