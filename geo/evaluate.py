"""Geoparsing quality on annotated news corpora (LGL, TR-News): detection and resolution.

A corpus is an XML file ``<articles><article docid=…>`` whose ``<text>`` is annotated with
``<toponym>`` elements: ``<start>``/``<end>`` character offsets into the text, the ``<phrase>``,
and, when the annotators found a gazetteer entry, ``<gaztag geonameid=…>`` with ``<lat>`` and
``<lon>`` in decimal degrees.

The metrics:

* **Detection** — a predicted mention matches a gold toponym when their character spans
  overlap; matching is one-to-one (see :func:`match_spans`). Precision = matched / predicted,
  recall = matched / gold, F1 their harmonic mean. Every mention the pipeline returns counts as
  predicted, resolved or not.
* **Resolution** — over matched gold toponyms that have gold coordinates: the geodesic (WGS84)
  error in km between the gold point and the predicted place's point. A matched toponym the
  pipeline left unresolved counts as the maximal error, :data:`MAX_ERROR_KM`. From these
  errors: accuracy within 161 km (error <= 161 km), mean and median error (km), and the AUC of
  the log-error curve (:func:`auc_log_error`).
"""

from __future__ import annotations

import resource
import statistics
import time
import xml.etree.ElementTree as ElementTree
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from geo.errors import InputError
from geo.gazetteer import default_gazetteer
from geo.geodesy import distance_km
from geo.model import Document, Mention
from geo.story import analyse_document

__all__ = [
    "ACCURACY_RADIUS_KM",
    "CORPORA",
    "MAX_ERROR_KM",
    "DocumentScore",
    "Evaluation",
    "GoldDocument",
    "GoldToponym",
    "Resolution",
    "Scores",
    "accuracy_within",
    "auc_log_error",
    "evaluate",
    "evaluation_record",
    "match_spans",
    "precision_recall_f1",
    "read_corpus",
    "score_document",
    "summarise",
    "unresolved_texts",
    "worst_resolutions",
]

CORPORA = {
    "lgl": "LGL, Local-Global Lexicon (Lieberman et al. 2010)",
    "trnews": "TR-News (Kamalloo & Rafiei 2018)",
}
"""The corpora `geo evaluate` knows, by the name given on the command line."""

MAX_ERROR_KM = 20039.0
"""The largest possible error, km: half the Earth's equatorial circumference (Gritta et al.)."""

ACCURACY_RADIUS_KM = 161.0
"""The radius of the accuracy measure, km (100 miles, the field's convention)."""

_REALIGN_WINDOW = 20  # characters searched either side of a gold offset whose phrase is elsewhere


@dataclass(frozen=True)
class GoldToponym:
    """An annotated toponym: its span in the document's text and, if known, its point."""

    phrase: str
    start: int
    end: int
    lat: float | None = None  # degrees north; None when the annotators found no gazetteer entry
    lon: float | None = None  # degrees east
    geonameid: str = ""
    feature: str = ""  # GeoNames feature class and code, e.g. "P.PPL", "A.ADM1"; "" when unknown

    @property
    def has_coordinates(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class GoldDocument:
    """One annotated article."""

    doc_id: str
    title: str
    text: str
    toponyms: tuple[GoldToponym, ...]


@dataclass(frozen=True)
class DocumentScore:
    """One document's predicted mentions set against its gold toponyms."""

    doc_id: str
    matches: tuple[tuple[GoldToponym, Mention], ...]
    missed: tuple[GoldToponym, ...]  # gold toponyms no prediction overlaps one-to-one
    spurious: tuple[Mention, ...]  # predictions matching no gold toponym


@dataclass(frozen=True)
class Resolution:
    """A matched toponym with gold coordinates and the error of its predicted place (km)."""

    doc_id: str
    gold: GoldToponym
    mention: Mention
    error_km: float  # MAX_ERROR_KM when the mention is unresolved


@dataclass(frozen=True)
class Scores:
    """Detection and resolution figures over a set of documents."""

    documents: int
    gold: int
    gold_with_coordinates: int
    predicted: int
    matched: int
    precision: float
    recall: float
    f1: float
    resolutions: tuple[Resolution, ...]  # matched toponyms with gold coordinates
    unresolved: int  # of those, how many the pipeline left without a place
    accuracy_161: float
    mean_error_km: float
    median_error_km: float
    auc: float
    missed: tuple[tuple[str, int], ...]  # (gold phrase, times missed), most often first
    spurious: tuple[tuple[str, int], ...]  # (predicted text, times without gold), most first


@dataclass(frozen=True)
class Evaluation:
    """A corpus run through the pipeline: the scores and what the run cost."""

    corpus: str
    path: str
    scores: Scores
    pipeline_seconds: float  # wall time of the pipeline alone over all documents, s
    pipeline_cpu_seconds: float  # CPU time of the same, s (less disturbed by a busy machine)
    gazetteer_seconds: float  # wall time to load the gazetteer before the run, s
    peak_rss_mib: float  # the process's peak resident memory, MiB (ru_maxrss)

    @property
    def documents_per_second(self) -> float:
        """Documents per second of wall time, one process."""
        return self.scores.documents / self.pipeline_seconds if self.pipeline_seconds else 0.0

    @property
    def documents_per_cpu_second(self) -> float:
        """Documents per second of CPU time: the throughput of one busy core."""
        cpu = self.pipeline_cpu_seconds
        return self.scores.documents / cpu if cpu else 0.0


def _realigned(text: str, phrase: str, start: int, end: int) -> tuple[int, int]:
    """The span of ``phrase`` nearest ``start`` when the given offsets do not frame it.

    In TR-News 117 of the 1,319 toponyms (in 19 articles) have offsets 1-10 characters before
    their phrase; LGL's all agree. When the phrase is not found within ``_REALIGN_WINDOW``
    characters, the offsets are kept as given.
    """
    if text[start:end] == phrase or not phrase:
        return start, end
    low = max(0, start - _REALIGN_WINDOW)
    window = text[low : end + _REALIGN_WINDOW + len(phrase)]
    found = [low + i for i in range(len(window)) if window.startswith(phrase, i)]
    if not found:
        return start, end
    best = min(found, key=lambda s: abs(s - start))
    return best, best + len(phrase)


def _float(element: ElementTree.Element | None, tag: str) -> float | None:
    value = element.findtext(tag) if element is not None else None
    return float(value) if value and value.strip() else None


def _gold_toponym(element: ElementTree.Element, text: str) -> GoldToponym:
    phrase = (element.findtext("phrase") or "").strip()
    start, end = _realigned(
        text, phrase, int(element.findtext("start")), int(element.findtext("end"))
    )
    gaztag = element.find("gaztag")
    feature = ""
    if gaztag is not None and gaztag.findtext("fclass"):
        feature = f"{gaztag.findtext('fclass')}.{gaztag.findtext('fcode') or ''}"
    return GoldToponym(
        phrase=phrase,
        start=start,
        end=end,
        lat=_float(gaztag, "lat"),
        lon=_float(gaztag, "lon"),
        geonameid=gaztag.get("geonameid", "") if gaztag is not None else "",
        feature=feature,
    )


def read_corpus(path: str | Path) -> list[GoldDocument]:
    """The annotated documents of a corpus XML file, in file order.

    Raises ``InputError`` (one line naming the file) when the file is missing, unreadable, not
    XML or holds no ``<article>``.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such corpus file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a corpus XML file")
    try:
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError as error:
        raise InputError(f"{path}: not readable as corpus XML ({error})") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None
    articles = root.findall("article")
    if not articles:
        raise InputError(f"{path}: no <article> elements; not a geoparsing corpus")
    documents = []
    for article in articles:
        text = article.findtext("text") or ""
        try:
            toponyms = tuple(_gold_toponym(t, text) for t in article.iter("toponym"))
        except (TypeError, ValueError) as error:
            doc_id = article.get("docid", "?")
            raise InputError(f"{path}: article {doc_id}: malformed toponym ({error})") from None
        documents.append(
            GoldDocument(
                doc_id=article.get("docid", str(len(documents))),
                title=(article.findtext("title") or "").strip(),
                text=text,
                toponyms=toponyms,
            )
        )
    return documents


def match_spans(
    gold: Sequence[tuple[int, int]], predicted: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """One-to-one matches ``(gold index, predicted index)`` between overlapping spans.

    Spans are ``(start, end)`` character offsets, end exclusive. Every overlapping pair is a
    possible match; pairs are taken greedily by overlap length (longest first), ties broken by
    the earlier gold span then the earlier predicted span, and a pair is kept only when neither
    span is already matched. So "New York" predicted over gold "New York" and "York" matches the
    former; the other one stays unmatched. Returns the pairs sorted by gold index.
    """
    pairs = []
    for g, (g_start, g_end) in enumerate(gold):
        for p, (p_start, p_end) in enumerate(predicted):
            overlap = min(g_end, p_end) - max(g_start, p_start)
            if overlap > 0:
                pairs.append((-overlap, g_start, p_start, g, p))
    pairs.sort()
    gold_taken: set[int] = set()
    predicted_taken: set[int] = set()
    matches = []
    for _, _, _, g, p in pairs:
        if g not in gold_taken and p not in predicted_taken:
            gold_taken.add(g)
            predicted_taken.add(p)
            matches.append((g, p))
    return sorted(matches)


def score_document(gold: GoldDocument, mentions: Sequence[Mention]) -> DocumentScore:
    """Match a document's predicted mentions against its gold toponyms (see :func:`match_spans`)."""
    matches = match_spans(
        [(t.start, t.end) for t in gold.toponyms], [(m.start, m.end) for m in mentions]
    )
    matched_gold = {g for g, _ in matches}
    matched_predicted = {p for _, p in matches}
    return DocumentScore(
        doc_id=gold.doc_id,
        matches=tuple((gold.toponyms[g], mentions[p]) for g, p in matches),
        missed=tuple(t for i, t in enumerate(gold.toponyms) if i not in matched_gold),
        spurious=tuple(m for i, m in enumerate(mentions) if i not in matched_predicted),
    )


def precision_recall_f1(matched: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts; a ratio with a zero denominator is 0.0."""
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def accuracy_within(errors_km: Sequence[float], radius_km: float = ACCURACY_RADIUS_KM) -> float:
    """Share (0..1) of errors at most ``radius_km`` km; 0.0 for no errors."""
    if not len(errors_km):
        return 0.0
    return float(np.mean(np.asarray(errors_km, dtype=float) <= radius_km))


def auc_log_error(errors_km: Sequence[float]) -> float:
    """Area under the curve of log errors, 0 (every error 0 km) .. 1 (every error 20,039 km).

    The definition of Gritta, Pilehvar, Limsopatham & Collier, "What's missing in geographical
    parsing?", Language Resources and Evaluation 52 (2018) 603-623, doi:10.1007/s10579-017-9385-8,
    section on geocoding metrics, as computed by the authors' published evaluation code: sort the
    errors ascending, take ``log(1 + error_km)``, integrate with the trapezoidal rule at unit
    spacing, and divide by ``log(20039) * (n - 1)``, the area of a curve at the maximal error.
    Lower is better. One error gives ``log(1 + e) / log(20039)`` (the curve is a point); no
    errors give 0.0.
    """
    logs = np.log1p(np.sort(np.asarray(errors_km, dtype=float)))
    if len(logs) == 0:
        return 0.0
    if len(logs) == 1:
        return float(logs[0] / np.log(MAX_ERROR_KM))
    area = float(np.sum((logs[1:] + logs[:-1]) / 2))
    return area / (np.log(MAX_ERROR_KM) * (len(logs) - 1))


def _resolutions(scores: Iterable[DocumentScore]) -> list[Resolution]:
    """Matched toponyms with gold coordinates and their errors (km), computed in one batch."""
    pairs = [
        (score.doc_id, gold, mention)
        for score in scores
        for gold, mention in score.matches
        if gold.has_coordinates
    ]
    resolved = [(g, m.place) for _, g, m in pairs if m.place is not None]
    found = (
        distance_km(
            np.array([g.lat for g, _ in resolved]),
            np.array([g.lon for g, _ in resolved]),
            np.array([p.lat for _, p in resolved]),
            np.array([p.lon for _, p in resolved]),
        ).tolist()
        if resolved
        else []
    )
    errors = iter(found)
    return [
        Resolution(doc_id, gold, mention, next(errors) if mention.place else MAX_ERROR_KM)
        for doc_id, gold, mention in pairs
    ]


def summarise(scores: Sequence[DocumentScore]) -> Scores:
    """The corpus figures from its documents' scores."""
    matched = sum(len(s.matches) for s in scores)
    gold = [t for s in scores for t in (*(g for g, _ in s.matches), *s.missed)]
    predicted = matched + sum(len(s.spurious) for s in scores)
    precision, recall, f1 = precision_recall_f1(matched, predicted, len(gold))
    resolutions = _resolutions(scores)
    errors = [r.error_km for r in resolutions]
    return Scores(
        documents=len(scores),
        gold=len(gold),
        gold_with_coordinates=sum(t.has_coordinates for t in gold),
        predicted=predicted,
        matched=matched,
        precision=precision,
        recall=recall,
        f1=f1,
        resolutions=tuple(resolutions),
        unresolved=sum(r.mention.place is None for r in resolutions),
        accuracy_161=accuracy_within(errors),
        mean_error_km=statistics.fmean(errors) if errors else 0.0,
        median_error_km=statistics.median(errors) if errors else 0.0,
        auc=auc_log_error(errors),
        missed=tuple(Counter(t.phrase for s in scores for t in s.missed).most_common()),
        spurious=tuple(Counter(m.text for s in scores for m in s.spurious).most_common()),
    )


def _peak_rss_mib() -> float:
    """This process's peak resident memory in MiB (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def evaluate(corpus: str, path: str | Path, gazetteer=None, limit: int | None = None) -> Evaluation:
    """Run the whole pipeline (``geo.story.analyse_document``) on a corpus and score it.

    ``corpus`` is a key of :data:`CORPORA`; ``limit`` keeps the first documents only. The
    gazetteer (the default one when None) is loaded before timing starts, and its load time is
    reported apart from the pipeline's.
    """
    if corpus not in CORPORA:
        raise InputError(f"corpus {corpus!r}: use one of {', '.join(CORPORA)}")
    if limit is not None and limit < 0:
        raise InputError(f"limit {limit!r}: must be 0 or more documents")
    documents = read_corpus(path)[:limit]
    started = time.perf_counter()
    gazetteer = gazetteer if gazetteer is not None else default_gazetteer()
    gazetteer_seconds = time.perf_counter() - started
    scores = []
    pipeline_seconds = pipeline_cpu_seconds = 0.0
    for gold in documents:
        document = Document(path=str(path), text=gold.text, title=gold.title, doc_id=gold.doc_id)
        started, started_cpu = time.perf_counter(), time.process_time()
        analysis = analyse_document(document, gazetteer=gazetteer)
        pipeline_seconds += time.perf_counter() - started
        pipeline_cpu_seconds += time.process_time() - started_cpu
        scores.append(score_document(gold, analysis.mentions))
    return Evaluation(
        corpus=corpus,
        path=str(path),
        scores=summarise(scores),
        pipeline_seconds=pipeline_seconds,
        pipeline_cpu_seconds=pipeline_cpu_seconds,
        gazetteer_seconds=gazetteer_seconds,
        peak_rss_mib=_peak_rss_mib(),
    )


def _resolution_record(resolution: Resolution) -> dict:
    place = resolution.mention.place
    return {
        "document": resolution.doc_id,
        "phrase": resolution.gold.phrase,
        "predicted_text": resolution.mention.text,
        "gold": {
            "geonameid": resolution.gold.geonameid,
            "lat": resolution.gold.lat,
            "lon": resolution.gold.lon,
        },
        "predicted": None
        if place is None
        else {"place_id": place.place_id, "name": place.name, "lat": place.lat, "lon": place.lon},
        "error_km": round(resolution.error_km, 1),
    }


def worst_resolutions(scores: Scores, count: int) -> list[Resolution]:
    """The ``count`` largest errors of resolved mentions, largest first (ties in document order).

    Unresolved mentions, all at :data:`MAX_ERROR_KM`, are left out: :func:`unresolved_texts`
    lists them.
    """
    resolved = [r for r in scores.resolutions if r.mention.place is not None]
    return sorted(resolved, key=lambda r: -r.error_km)[:count]


def unresolved_texts(scores: Scores) -> list[tuple[str, int]]:
    """(mention text, times) of matched mentions the pipeline left unresolved, most often first."""
    texts = Counter(r.mention.text for r in scores.resolutions if r.mention.place is None)
    return texts.most_common()


def evaluation_record(evaluation: Evaluation, worst: int = 10) -> dict:
    """The evaluation as a JSON-ready dict, as `geo evaluate --json` prints it.

    Ratios are 0..1, distances km, times s, memory MiB; ``worst`` sets how many of the largest
    errors and of the most often missed, spurious and unresolved names are listed.
    """
    s = evaluation.scores
    return {
        "corpus": evaluation.corpus,
        "path": evaluation.path,
        "documents": s.documents,
        "gold_toponyms": s.gold,
        "gold_with_coordinates": s.gold_with_coordinates,
        "predicted": s.predicted,
        "matched": s.matched,
        "precision": round(s.precision, 4),
        "recall": round(s.recall, 4),
        "f1": round(s.f1, 4),
        "scored_resolutions": len(s.resolutions),
        "unresolved": s.unresolved,
        "accuracy_161km": round(s.accuracy_161, 4),
        "mean_error_km": round(s.mean_error_km, 1),
        "median_error_km": round(s.median_error_km, 1),
        "auc": round(s.auc, 4),
        "documents_per_second": round(evaluation.documents_per_second, 1),
        "documents_per_cpu_second": round(evaluation.documents_per_cpu_second, 1),
        "pipeline_seconds": round(evaluation.pipeline_seconds, 3),
        "pipeline_cpu_seconds": round(evaluation.pipeline_cpu_seconds, 3),
        "gazetteer_seconds": round(evaluation.gazetteer_seconds, 3),
        "peak_rss_mib": round(evaluation.peak_rss_mib, 1),
        "worst_errors": [_resolution_record(r) for r in worst_resolutions(s, worst)],
        "most_missed": [{"phrase": p, "count": n} for p, n in s.missed[:worst]],
        "most_spurious": [{"text": t, "count": n} for t, n in s.spurious[:worst]],
        "most_unresolved": [{"text": t, "count": n} for t, n in unresolved_texts(s)[:worst]],
    }
