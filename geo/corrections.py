"""A reader's corrections of place resolutions: saved in their data folder, applied to a Story.

A :class:`Correction` says "in this article, this mention means that place" (a place mention,
or the subject or anchor of a distance claim that names no place, "The reserve"): a gazetteer entry
(``place_id``) or a point given by coordinates (``lat``, ``lon`` in degrees). Corrections live in
one JSON file, ``corrections.json`` in :func:`geo.paths.user_data_dir` (``$GEO_DATA_DIR``),
written atomically; :func:`apply_corrections` puts them into a Story on the next run, and the
claims of a corrected article are extracted and checked again. Undo removes a correction from
the file (one, or all of them).

A correction names its article by a digest of the article's text, so it follows the article
whatever the file is called, and never touches a different text under the same name.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from geo.atomic import write_text_atomically
from geo.errors import DataError, InputError, PlaceNotFound
from geo.files import read_regular_file
from geo.model import Candidate, DistanceClaim, Document, Mention, Place, Story
from geo.paths import user_data_dir

__all__ = [
    "FILE_NAME",
    "Correction",
    "CorrectionIndex",
    "CorrectionsFile",
    "add_correction",
    "apply_corrections",
    "corrected_claim",
    "corrected_mentions",
    "corrected_place",
    "corrections_path",
    "index_corrections",
    "load_corrections",
    "matching_mentions",
    "placed_corrections",
    "read_corrections",
    "save_corrections",
    "text_digest",
    "undo_all",
    "undo_correction",
]

FILE_NAME = "corrections.json"
FORMAT_VERSION = 1

USER_LAYER = "user"
"""``Place.layer`` of a place made from coordinates a reader entered."""


def text_digest(text: str) -> str:
    """A short fingerprint (16 hex digits of SHA-256) of an article's text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Correction:
    """One reader's correction: the mention ``text`` in the article ``digest`` means a place.

    ``start`` is the mention's character offset in the article's text; None corrects every
    mention of ``text`` in that article. The place is the gazetteer entry ``place_id``, or, when
    ``place_id`` is "", the point ``lat``, ``lon`` (degrees) called ``name``.
    """

    document: str  # Document.path, for the reader
    digest: str  # text_digest(Document.text)
    text: str
    start: int | None
    place_id: str = ""
    name: str = ""  # the place's name (for a gazetteer entry: as it was when saved)
    lat: float | None = None  # degrees north
    lon: float | None = None  # degrees east
    created: str = ""  # ISO 8601 time the correction was made (UTC)

    @property
    def key(self) -> str:
        """What the correction applies to; a newer correction with the same key replaces it."""
        return f"{self.digest}:{'*' if self.start is None else self.start}:{self.text}"

    def applies_to(self, digest: str, mention: Mention) -> bool:
        """Whether this correction is about ``mention`` of the article with ``digest``."""
        return (digest == self.digest and mention.text == self.text
                and (self.start is None or mention.start == self.start))

    @classmethod
    def for_mention(cls, document: Document, mention: Mention, *, place: Place | None = None,
                    lat: float | None = None, lon: float | None = None, name: str = "",
                    every_mention: bool = False) -> Correction:
        """A correction of ``mention`` in ``document``: to ``place``, or to the point ``lat``,
        ``lon`` (degrees) named ``name`` (default: the mention's words).

        ``every_mention`` corrects every mention of the same words in the article. Raises
        ``InputError`` for coordinates off the globe or when neither a place nor both
        coordinates are given.
        """
        created = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
        common = dict(document=document.path, digest=text_digest(document.text), text=mention.text,
                      start=None if every_mention else mention.start, created=created)
        if place is not None:
            return cls(place_id=place.place_id, name=place.name, lat=place.lat, lon=place.lon, **common)
        if lat is None or lon is None:
            raise InputError(f"correction of {mention.text!r}: give a place or both coordinates")
        _check_coordinates(f"correction of {mention.text!r}", lat, lon)
        return cls(name=name.strip() or mention.text, lat=float(lat), lon=float(lon), **common)


class CorrectionIndex:
    """Corrections indexed once by their article's text digest, so that each of many documents
    finds its own in constant time and work over a batch stays linear in documents plus
    corrections (not their product)."""

    __slots__ = ("_by_digest",)

    def __init__(self, corrections: Iterable[Correction] = ()):
        by_digest: dict[str, list[Correction]] = {}
        for correction in corrections:
            by_digest.setdefault(correction.digest, []).append(correction)
        self._by_digest = {digest: tuple(found) for digest, found in by_digest.items()}

    def __bool__(self) -> bool:
        return bool(self._by_digest)

    def __contains__(self, digest: str) -> bool:
        return digest in self._by_digest

    def of(self, digest: str) -> tuple[Correction, ...]:
        """The corrections of the article whose text has ``digest`` (in their order)."""
        return self._by_digest.get(digest, ())


def index_corrections(corrections: Iterable[Correction] | CorrectionIndex) -> CorrectionIndex:
    """``corrections`` indexed by digest (an index is returned as it is)."""
    return corrections if isinstance(corrections, CorrectionIndex) else CorrectionIndex(corrections)


def _check_coordinates(where: str, lat, lon) -> None:
    if not (isinstance(lat, (int, float)) and isinstance(lon, (int, float))
            and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise InputError(f"{where}: coordinates {lat}, {lon} are not a latitude in -90..90 and "
                         "a longitude in -180..180 degrees")


def corrections_path() -> Path:
    """The corrections file: ``corrections.json`` in the user's data folder."""
    return user_data_dir() / FILE_NAME


_TEXT_FIELDS = ("document", "digest", "text", "place_id", "name", "created")
MAX_FILE_BYTES = 50 * 1024 * 1024
"""The largest corrections file read (50 MiB, some 100,000 corrections)."""
LOCK_TIMEOUT_S = 60.0
"""How long a save waits for another process's save to finish (s)."""


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _from_record(where: str, record) -> Correction:
    """A Correction from one JSON record; DataError naming ``where`` and what is wrong."""
    if not isinstance(record, dict):
        raise DataError(f"{where}: expected an object, got {type(record).__name__}")
    known = {f.name for f in fields(Correction)}
    missing = {"document", "digest", "text", "start"} - set(record)
    if missing:
        raise DataError(f"{where}: missing {', '.join(sorted(missing))}")
    values = {k: v for k, v in record.items() if k in known}
    for key in _TEXT_FIELDS:
        if key in values and not isinstance(values[key], str):
            raise DataError(f"{where}: {key!r} must be text, not {type(values[key]).__name__} "
                            f"{_short(values[key])}")
    start = values["start"]
    if not (start is None or (isinstance(start, int) and not isinstance(start, bool) and start >= 0)):
        raise DataError(f"{where}: 'start' must be a character offset (an integer >= 0) or null, "
                        f"not {_short(start)}")
    for key in ("lat", "lon"):
        if values.get(key) is not None and not _is_number(values[key]):
            raise DataError(f"{where}: {key!r} must be a number of degrees or null, not {_short(values[key])}")
    correction = Correction(**values)
    if not correction.place_id:
        try:
            _check_coordinates(where, correction.lat, correction.lon)
        except InputError as error:
            raise DataError(str(error)) from None
    return correction


def _short(value) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:37] + "..."


@dataclass(frozen=True)
class CorrectionsFile:
    """What a corrections file holds: the corrections that can be used, one line for each
    entry that cannot (naming the file and the entry), and those entries as written."""

    corrections: tuple[Correction, ...] = ()
    problems: tuple[str, ...] = ()
    unusable: tuple = ()


def read_corrections(path: str | Path | None = None) -> CorrectionsFile:
    """The corrections file at ``path`` (default :func:`corrections_path`), entry by entry.

    A missing file holds nothing. A file that cannot be read as a whole raises ``DataError``
    naming it: not a regular file (a FIFO or a device is refused before it is opened), over
    :data:`MAX_FILE_BYTES`, not UTF-8, not JSON, nested too deeply, or not an object with a list
    of ``corrections``. An entry that is malformed (wrong types, a number as a name, missing
    keys, coordinates off the globe) is left out with one line in ``problems``; the others apply.
    """
    file = Path(path) if path else corrections_path()
    try:
        data = read_regular_file(file, MAX_FILE_BYTES)
    except InputError as error:
        if not os.path.lexists(file):
            return CorrectionsFile()
        raise DataError(str(error)) from None
    try:
        content = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise DataError(f"{file}: not a readable corrections file (not UTF-8 at byte {error.start})") from None
    except json.JSONDecodeError as error:
        raise DataError(f"{file}: not a readable corrections file (not JSON: {error})") from None
    except RecursionError:
        raise DataError(f"{file}: not a readable corrections file (JSON nested too deeply)") from None
    records = content.get("corrections") if isinstance(content, dict) else None
    if not isinstance(records, list):
        raise DataError(f"{file}: expected an object with a list of 'corrections'")
    corrections, problems, unusable = [], [], []
    for number, record in enumerate(records, start=1):
        try:
            corrections.append(_from_record(f"{file}: correction {number}", record))
        except DataError as error:
            problems.append(f"{error}; left out")
            unusable.append(record)
    return CorrectionsFile(tuple(corrections), tuple(problems), tuple(unusable))


def load_corrections(path: str | Path | None = None) -> tuple[Correction, ...]:
    """The saved corrections that can be used, oldest first; none when the file does not exist.

    Raises ``DataError`` naming the file when it cannot be read as a corrections file; entries
    that are malformed are left out (:func:`read_corrections` says which).
    """
    return read_corrections(path).corrections


@contextlib.contextmanager
def _locked(file: Path):
    """Hold the corrections file's lock (``.<name>.lock`` beside it): one process at a time
    reads, changes and writes it, so two dashboards saving at once lose nothing."""
    from filelock import FileLock, Timeout

    file.parent.mkdir(parents=True, exist_ok=True)
    try:
        with FileLock(str(file.parent / f".{file.name}.lock"), timeout=LOCK_TIMEOUT_S):
            yield
    except Timeout:
        raise DataError(f"{file}: another process has held its lock for {LOCK_TIMEOUT_S:.0f} s; "
                        "try again") from None


def _write(file: Path, corrections: Iterable[Correction], unusable=()) -> None:
    content = {"version": FORMAT_VERSION,
               "corrections": [asdict(c) for c in corrections] + list(unusable)}
    write_text_atomically(file, json.dumps(content, ensure_ascii=False, indent=2) + "\n")


def save_corrections(corrections: Iterable[Correction], path: str | Path | None = None) -> Path:
    """Write ``corrections`` as the whole file (under its lock, atomically; the folder is
    created); return its path."""
    file = Path(path) if path else corrections_path()
    corrections = tuple(corrections)
    with _locked(file):
        _write(file, corrections)
    return file


def _update(path, change) -> tuple[Correction, ...]:
    """Read, ``change`` (a function of the usable corrections) and write the file under its
    lock; the entries that could not be used are kept as written."""
    file = Path(path) if path else corrections_path()
    with _locked(file):
        current = read_corrections(file)
        kept = tuple(change(current.corrections))
        _write(file, kept, current.unusable)
    return kept


def add_correction(correction: Correction, path: str | Path | None = None) -> tuple[Correction, ...]:
    """Save ``correction`` (replacing one with the same key); return all corrections now saved."""
    return _update(path, lambda saved: tuple(c for c in saved if c.key != correction.key) + (correction,))


def undo_correction(key: str, path: str | Path | None = None) -> tuple[Correction, ...]:
    """Remove the correction with ``key``; return the corrections left."""
    return _update(path, lambda saved: tuple(c for c in saved if c.key != key))


def undo_all(path: str | Path | None = None) -> tuple[Correction, ...]:
    """Remove every correction; return the (empty) corrections left."""
    save_corrections((), path)
    return ()


def corrected_place(correction: Correction, gazetteer=None) -> Place:
    """The place a correction chooses: the gazetteer entry, or a point from its coordinates.

    Raises ``PlaceNotFound`` when the gazetteer no longer has the entry.
    """
    if correction.place_id:
        if gazetteer is None:
            from geo.gazetteer import default_gazetteer

            gazetteer = default_gazetteer()
        return gazetteer.get(correction.place_id)
    country = gazetteer.country_at(correction.lat, correction.lon) if gazetteer is not None else ""
    return Place(
        place_id=f"{USER_LAYER}:{correction.lat:.5f},{correction.lon:.5f}",
        name=correction.name or correction.text,
        kind="point",
        country=country,
        lat=correction.lat,
        lon=correction.lon,
        layer=USER_LAYER,
        source=f"correction by the reader, {correction.created}".rstrip(", "),
    )


def _corrected_mention(mention: Mention, place: Place) -> Mention:
    """``mention`` resolved to ``place`` with full confidence; the other candidates kept after it."""
    others = tuple(c for c in mention.candidates if c.place.place_id != place.place_id)
    return replace(mention, place=place, confidence=1.0, candidates=(Candidate(place, 1.0),) + others)


def placed_corrections(corrections: Iterable[Correction], gazetteer=None) -> list[tuple[Correction, Place]]:
    """Each correction with the place it chooses, ready for :func:`corrected_mentions`.

    Corrections of one mention (``start`` given) come after those of every mention, so that
    they win; a correction whose gazetteer entry no longer exists is skipped.
    """
    corrections = sorted(corrections, key=lambda c: c.start is not None)
    if corrections and gazetteer is None:
        from geo.gazetteer import default_gazetteer

        gazetteer = default_gazetteer()
    placed = []
    for correction in corrections:
        try:
            placed.append((correction, corrected_place(correction, gazetteer)))
        except PlaceNotFound:
            continue
    return placed


def corrected_mentions(text: str, mentions: Sequence[Mention],
                       placed: Sequence[tuple[Correction, Place]]) -> tuple[Mention, ...]:
    """The mentions of the article ``text`` with the corrections that apply to them applied."""
    digest = text_digest(text)
    corrected = []
    for mention in mentions:
        # the last correction that applies wins: one for this very mention beats one for all
        chosen = [place for c, place in placed if c.applies_to(digest, mention)]
        corrected.append(_corrected_mention(mention, chosen[-1]) if chosen else mention)
    return tuple(corrected)


def corrected_claim(claim: DistanceClaim, digest: str,
                    placed: Sequence[tuple[Correction, Place]]) -> DistanceClaim:
    """``claim`` with its subject and anchor pinned by the corrections that apply to them.

    A claim's end may be words no place mention covers ("The reserve", "a town"); a reader pins
    it like any mention (same key: the article's digest, the words and their offset).
    """
    ends = {}
    for role in ("subject", "anchor"):
        mention = getattr(claim, role)
        chosen = [place for c, place in placed if c.applies_to(digest, mention)]
        if chosen and (mention.place is None or mention.place.place_id != chosen[-1].place_id):
            ends[role] = _corrected_mention(mention, chosen[-1])
    return replace(claim, **ends) if ends else claim


def apply_corrections(story: Story, corrections: Iterable[Correction], gazetteer=None) -> Story:
    """``story`` with each correction applied to the mentions it names.

    A corrected mention gets the chosen place, confidence 1 and that place as its first
    candidate; an article with corrections is read again through the one pipeline
    (:func:`geo.story.analyse_document`, with the story's pack and routes), so its claims are
    extracted and checked with the corrected places and their ends pinned. Corrections for articles not in the story
    change nothing; one whose gazetteer entry no longer exists is skipped. A correction of one
    mention (``start`` given) wins over one of every mention.
    """
    from geo.story import analyse_document

    corrections = index_corrections(corrections)
    if not corrections:
        return story
    analyses = []
    for analysis in story.analyses:
        if text_digest(analysis.document.text) in corrections:
            corrected = analyse_document(analysis.document, gazetteer=gazetteer, pack=story.pack,
                                         corrections=corrections, routes=story.routes)
            if (corrected.mentions, corrected.checks) != (analysis.mentions, analysis.checks):
                analysis = corrected
        analyses.append(analysis)
    return replace(story, analyses=tuple(analyses))


def matching_mentions(story: Story, correction: Correction) -> list[tuple[Document, Mention]]:
    """The mentions of ``story`` that ``correction`` is about, with their documents: place
    mentions, and the ends of claims that no place mention covers."""
    found = []
    for analysis in story.analyses:
        digest = text_digest(analysis.document.text)
        if digest != correction.digest:
            continue
        seen = set()
        ends = (end for check in analysis.checks for end in (check.claim.subject, check.claim.anchor))
        for mention in (*analysis.mentions, *ends):
            if correction.applies_to(digest, mention) and (mention.start, mention.text) not in seen:
                seen.add((mention.start, mention.text))
                found.append((analysis.document, mention))
    return found
