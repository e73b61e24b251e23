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


class StoryPackError(DataError):
    """A story pack (data/stories/<name>/ or a user's own) is malformed.

    ``problems`` holds one line per bad row or key, each naming the file, the row and column,
    the value found and the values allowed; the message is those lines.
    """

    def __init__(self, problems):
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))


class GazetteerBuildError(GeoError, RuntimeError):
    """The gazetteer cache could not be built from its sources."""


class GeocoderError(GeoError, RuntimeError):
    """The optional online geocoder failed or is not allowed (no user agent, offline)."""


class UnitError(GeoError, ValueError):
    """A quantity asked for in a unit it cannot be given in (a travel time in km)."""


class MissingExtra(GeoError, ImportError):
    """A feature needs an optional part of `geo` that is not installed; the message gives the
    install command (e.g. ``pip install "geo-news-reader[batch]"``)."""


class TimeBudgetExceeded(GeoError, TimeoutError):
    """A document took longer than its time budget; it is recorded as failed, the others go on."""
