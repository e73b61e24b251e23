"""The exceptions `geo` raises.

Each class also inherits the built-in exception it resembles, so callers may catch either.
Messages name the input and what was wrong with it, in one line.
"""


class GeoError(Exception):
    """Base class of every error raised by `geo`."""


class InputError(GeoError, ValueError):
    """An input file or text cannot be read: missing, a directory, empty, binary, too large."""


class PlaceNotFound(GeoError, LookupError):
    """No gazetteer entry answers a name or an id."""


class DataError(GeoError, ValueError):
    """A file under data/ (or a user's data file) is malformed."""


class GazetteerBuildError(GeoError, RuntimeError):
    """The gazetteer cache could not be built from its sources."""


class GeocoderError(GeoError, RuntimeError):
    """The optional online geocoder failed or is not allowed (no user agent, offline)."""


class UnitError(GeoError, ValueError):
    """A quantity asked for in a unit it cannot be given in (a travel time in km)."""


class MissingExtra(GeoError, ImportError):
    """A feature needs an optional part of `geo` that is not installed; the message gives the
    install command (e.g. ``pip install "geo-news-reader[batch]"``)."""
