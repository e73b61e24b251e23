"""Plain data passed between the stages of the pipeline.

Every class is a frozen dataclass: a stage takes these and returns new ones, so each stage
tests alone, caches in Streamlit, serialises to JSON and runs on a Dask worker unchanged.

Coordinates are (lat, lon) in decimal degrees on WGS84 throughout the Python API; GeoJSON and
shapely use (lon, lat) and the conversion happens only where geometries are built.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from geo.errors import UnitError
from geo.lexicon import HOURS_PER_UNIT, KM_PER_UNIT
from geo.verdicts import DirectionVerdict, DistanceVerdict, TimeVerdict, UnitVerdict

__all__ = [
    "HOURS_PER_UNIT", "KM_PER_UNIT", "Analysis", "Candidate", "Check", "DistanceClaim", "Document",
    "Meeting", "Mention", "Place", "PlaceFit", "Quantity", "Route", "SearchArea", "Story", "Travel",
    "Waypoint",
]  # fmt: skip
# KM_PER_UNIT (km in one distance unit) and HOURS_PER_UNIT (hours in one time unit) come from
# the one vocabulary, data/lexicon.toml, through geo.lexicon.


@dataclass(frozen=True)
class Document:
    """One article: its text exactly as read, and what is known about it."""

    path: str  # the input path as given; "-" for standard input
    text: str
    title: str = ""
    outlet: str = ""  # the outlet as the article names it
    date: str = ""  # ISO 8601 date of publication, "" when unknown
    url: str = ""
    doc_id: str = ""  # a stable identifier (file name, JSON Lines id)


@dataclass(frozen=True)
class Place:
    """A gazetteer entry.

    ``radius_km`` is the feature's extent as the distance (km) from its point to its farthest
    part: 0 for a pier, ~15 for a cosmodrome, tens to hundreds for a city or a country's core.
    Lines and polygons (a river, a border, a country) are kept by the gazetteer and answered by
    ``Gazetteer.extent``.
    """

    place_id: str  # "<layer>:<id>", e.g. "geonames:2013348", "country:KP", "story:pier-33"
    name: str
    kind: str  # country, admin1, admin2, city, station, port, spaceport, campus, river, bridge, ...
    country: str  # ISO 3166-1 alpha-2, "" when none
    lat: float  # degrees north
    lon: float  # degrees east
    population: int = 0
    radius_km: float = 0.0
    layer: str = ""  # geonames, countries, admin, story, online
    source: str = ""  # where the row comes from (GeoNames id, Wikidata, OSM id, publication)
    renown: int = 0  # names it has in GeoNames' languages: how widely it is known (Venice, Italy 66)


@dataclass(frozen=True)
class Candidate:
    """A place a name may refer to, with the resolver's score (higher is better)."""

    place: Place
    score: float


@dataclass(frozen=True)
class PlaceFit:
    """A gazetteer place that fits where a claim puts an unnamed subject ("a town 60 km north of
    X"): its distance (km) and initial bearing (degrees clockwise from north) from the anchor,
    and how well it fits, 0..1 (higher is better)."""

    place: Place
    distance_km: float
    bearing_deg: float
    score: float


@dataclass(frozen=True)
class SearchArea:
    """Where a claim puts its subject around the anchor: a ring of distances and a sector.

    ``min_km``..``max_km`` from the anchor at (``lat``, ``lon``) degrees, bearings within
    ``half_width_deg`` of ``centre_deg`` (degrees clockwise from north; a half-width of 180
    when no direction is stated), places of ``kinds`` (the gazetteer kinds the description
    names; empty when the gazetteer has none of them). ``noun`` is the description's head noun.
    """

    lat: float
    lon: float
    min_km: float
    max_km: float
    centre_deg: float
    half_width_deg: float
    kinds: tuple[str, ...]
    noun: str = ""


@dataclass(frozen=True)
class Travel:
    """A travel time checked by the average speed it implies.

    ``hours_low``..``hours_high`` is the span the wording allows; ``distance_km`` the distance
    travelled (a known route, else the straight line times ``route_factor``); ``speed_low_kmh``
    ..``speed_high_kmh`` the average speeds that implies; ``plausible_kmh`` the span of average
    speeds a journey of ``mode`` keeps to.
    """

    mode: str
    hours_low: float
    hours_high: float
    distance_km: float
    route_factor: float  # 1.0 when a known route was measured
    speed_low_kmh: float
    speed_high_kmh: float
    plausible_kmh: tuple[float, float]


@dataclass(frozen=True)
class Mention:
    """A span of a document's text that names a place.

    ``start``/``end`` are character offsets into ``Document.text``. ``place`` is None when the
    name could not be resolved; such mentions are kept and shown, never dropped.
    """

    text: str
    start: int
    end: int
    place: Place | None = None
    confidence: float = 0.0  # 0..1
    candidates: tuple[Candidate, ...] = ()  # best first; includes the chosen place

    @property
    def resolved(self) -> bool:
        return self.place is not None


@dataclass(frozen=True)
class Quantity:
    """A stated distance or travel time: one figure (``value``) or a range (``low``..``high``).

    ``unit`` is a distance unit of :data:`KM_PER_UNIT` ("km", "mi", "nmi", "m", "yd", "ft")
    or a time unit of :data:`HOURS_PER_UNIT` ("h", "min") for a travel time ("a four-hour
    drive"). A time has ``is_time`` True and gives ``hours``/``hours_bounds``; asking a time for
    ``km`` raises :class:`~geo.errors.UnitError` (a ValueError), and a distance for ``hours``
    likewise.
    """

    unit: str  # a code of KM_PER_UNIT or HOURS_PER_UNIT
    value: float | None = None
    low: float | None = None
    high: float | None = None
    text: str = ""  # the words as written, e.g. "950 kilometres"

    @property
    def is_range(self) -> bool:
        return self.value is None

    @property
    def is_time(self) -> bool:
        """True for a travel time (unit "h" or "min"), False for a distance."""
        return self.unit in HOURS_PER_UNIT

    def _figure(self) -> float:
        return self.value if self.value is not None else (self.low + self.high) / 2

    def _factor(self, table: dict[str, float], what: str) -> float:
        if self.unit not in table:
            kind = "a travel time" if self.is_time else "a distance"
            raise UnitError(
                f"quantity {self.text or self.unit!r} is {kind} in {self.unit!r}; "
                f"{what} needs one of {', '.join(table)}"
            )
        return table[self.unit]

    @property
    def km(self) -> float:
        """The figure in km (the middle of a range); UnitError (ValueError) for a time."""
        return self._figure() * self._factor(KM_PER_UNIT, "km")

    @property
    def km_bounds(self) -> tuple[float, float]:
        """(low, high) in km; equal for a single figure. UnitError (ValueError) for a time."""
        factor = self._factor(KM_PER_UNIT, "km")
        if self.value is not None:
            return (self.value * factor, self.value * factor)
        return (self.low * factor, self.high * factor)

    @property
    def hours(self) -> float:
        """A travel time in hours (the middle of a range); UnitError (ValueError) for a distance."""
        return self._figure() * self._factor(HOURS_PER_UNIT, "hours")

    @property
    def hours_bounds(self) -> tuple[float, float]:
        """(low, high) in hours; equal for a single figure. UnitError for a distance."""
        factor = self._factor(HOURS_PER_UNIT, "hours")
        if self.value is not None:
            return (self.value * factor, self.value * factor)
        return (self.low * factor, self.high * factor)


@dataclass(frozen=True)
class DistanceClaim:
    """A sentence's statement that ``subject`` lies some distance (or travel time) from ``anchor``.

    ``subject`` and ``anchor`` are Mentions of the words as written; either may be UNRESOLVED
    (``place`` None: "The reserve", "a village", a name the gazetteer lacks) — a claim whose
    end cannot be placed is still a claim. ``stated`` holds distances or travel times
    (``Quantity.is_time``). ``subject_kind`` is the head noun of a described subject ("town",
    "reserve", "village"), "" for a name or a pronoun: what a "where could it be" search looks
    for.
    """

    document: str  # Document.path
    sentence: str
    sentence_start: int  # offset of the sentence in the document's text
    subject: Mention
    anchor: Mention
    stated: tuple[Quantity, ...]  # the figures as written, first one first
    hedge: str = ""  # "about", "more than", ... ; "" when the figure is given flat
    direction: str = ""  # compass point of subject from anchor ("N", "NE", "NNW"); "" if none
    mode: str = ""  # a mode of geo.lexicon.MODES ("straight", "road", "rail", "flight", "sea", "foot") or ""
    subject_kind: str = ""  # head noun of a described subject ("town"); "" for a name or pronoun


@dataclass(frozen=True)
class Check:
    """The verdicts on one claim, with the measurements they rest on."""

    claim: DistanceClaim
    stated_km: float | None
    actual_km: float | None  # geodesic (WGS84) straight-line distance, km
    bearing_deg: float | None  # initial bearing anchor -> subject, degrees clockwise from north
    route_km: float | None  # length of a known route between the two, km
    route_id: str
    error_km: float | None  # stated - measured (the measure the figure is judged against)
    error_pct: float | None
    tolerance_km: float | None
    tolerance: str  # how the tolerance was chosen, in words
    distance_verdict: DistanceVerdict  # unverifiable for a travel time
    direction_verdict: DirectionVerdict
    unit_verdict: UnitVerdict
    matches: str  # "straight line", "route", "neither", "" when unverifiable
    explanation: str
    time_verdict: TimeVerdict | None = None  # a travel time's verdict; None for a distance
    travel: Travel | None = None  # how a travel time was checked
    search_area: SearchArea | None = None  # where an unplaced subject could be
    candidates: tuple[PlaceFit, ...] = ()  # gazetteer places that fit the search area, best first


@dataclass(frozen=True)
class Waypoint:
    """A point a route passes through."""

    name: str
    lat: float
    lon: float
    place_id: str = ""


@dataclass(frozen=True)
class Route:
    """A journey as a sequence of waypoints that follow the real line."""

    route_id: str
    name: str
    mode: str  # rail, road, flight, sea
    waypoints: tuple[Waypoint, ...]
    date: str = ""  # ISO date or range "2019-02-23/2019-02-26"
    status: str = ""  # travelled, planned, possible
    published_km: float | None = None  # a published length of the whole route, km
    published_source: str = ""
    source: str = ""
    sections: tuple[tuple[str, str, float, str], ...] = ()  # (from, to, km, source) published
    note: str = ""  # what the reader should know (e.g. planned as of the articles, what happened)
    tracks: tuple[tuple[str, str, str], ...] = ()
    """(from, to, source) of each section drawn along real track geometry; the rest of the route
    runs straight from station to station (its waypoints)."""


@dataclass(frozen=True)
class Meeting:
    """A meeting of the story: who, where, when, and whether it had happened."""

    meeting_id: str
    title: str
    date: str  # ISO date or range
    participants: tuple[str, ...]
    venue: str
    lat: float
    lon: float
    status: str  # held, planned
    place_id: str = ""
    source: str = ""
    note: str = ""  # e.g. where a planned meeting took place per later reporting


@dataclass(frozen=True)
class Analysis:
    """One document read through the pipeline."""

    document: Document
    mentions: tuple[Mention, ...] = ()
    checks: tuple[Check, ...] = ()
    error: str = ""  # a one-line reason when the document could not be read


@dataclass(frozen=True)
class Story:
    """Everything the tool knows about a set of articles."""

    analyses: tuple[Analysis, ...]
    routes: tuple[Route, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    errors: tuple[str, ...] = field(default=())  # one line per input that could not be read
    pack: object = field(default=None, compare=False)  # the geo.packs.StoryPack read with, or None

    @property
    def documents(self) -> tuple[Document, ...]:
        return tuple(a.document for a in self.analyses)

    @property
    def checks(self) -> tuple[Check, ...]:
        return tuple(c for a in self.analyses for c in a.checks)

    @property
    def mentions(self) -> tuple[Mention, ...]:
        return tuple(m for a in self.analyses for m in a.mentions)

    def __repr__(self) -> str:
        """One line of counts, not every article's text (:func:`geo.notebook.story_repr`)."""
        from geo.notebook import story_repr

        return story_repr(self)

    def _repr_html_(self) -> str:
        """A notebook's view: the articles, the claims and the map (:func:`geo.notebook.story_html`)."""
        from geo.notebook import story_html

        return story_html(self)

    def to_geodataframe(self, kind: str = "mentions"):
        """The story as the batch's table ``kind``, a GeoDataFrame in EPSG:4326: "mentions" (a
        point per place mention) or "claims" (a line from anchor to subject per claim); the
        columns of :data:`geo.batch.MENTION_COLUMNS` / :data:`geo.batch.CLAIM_COLUMNS`."""
        from geo.batch import analyses_frame

        return analyses_frame(self.analyses, kind)
