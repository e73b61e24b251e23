"""Texts of a given size in the shapes that once made reading grow faster than the input.

Used by tests/test_growth.py (work at 100 kB against 1 MB) and benchmarks/bench_growth.py
(seconds per MB). Each shape is a function of a size in characters returning a text of about
that size; the HTML shapes are read as .html files.
"""

from __future__ import annotations

import functools
import textwrap

from geo.documents import bundled_documents


@functools.cache
def bundled_text() -> str:
    """The bundled story's articles, one after another."""
    return "\n\n".join(d.text for d in bundled_documents())


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def hard_wrapped(size: int) -> str:
    """Real news as one paragraph hard-wrapped at 72 columns (no blank lines), as e-mailed
    wire copy arrives."""
    return _repeat(textwrap.fill(" ".join(bundled_text().split()), 72) + "\n", size)


def dots(size: int) -> str:
    """A claim followed by one run of dots."""
    return "Hue is about 100 km north of Da Nang" + "." * size


def punctuation(size: int) -> str:
    """A place name between runs of mixed sentence-ending punctuation."""
    return _repeat("Hue ?!.;…!!..?? ", size)


def hue(size: int) -> str:
    """'Hue ' repeated: one capitalised run as long as the text."""
    return _repeat("Hue ", size)


def sentences(size: int) -> str:
    """One distance claim repeated sentence after sentence."""
    return _repeat("Hue is about 100 km north of Da Nang. ", size)


def bundled(size: int) -> str:
    """The bundled articles repeated."""
    return _repeat(bundled_text() + "\n\n", size)


TEXT_SHAPES = {
    "hard-wrapped lines": hard_wrapped,
    "run of dots": dots,
    "runs of punctuation": punctuation,
    "'Hue ' repeated": hue,
    "repeated sentences": sentences,
    "bundled articles repeated": bundled,
}
"""The plain-text shapes, by name."""

HTML_SHAPES = {
    "HTML: unclosed comments": lambda size: "<html><p>Hue is near Da Nang.</p>" + _repeat("<!--", size),
    "HTML: bare '<'": lambda size: "<html><p>Hue is near Da Nang. " + _repeat("< ", size),
    "HTML: paragraphs": lambda size: "<html>" + _repeat("<p>Hue is about 100 km north of Da Nang.</p>", size),
}
"""HTML shapes (read as .html), by name: they test reading only."""
