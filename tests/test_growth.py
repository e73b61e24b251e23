"""Reading grows linearly with the text: each stage's CPU time on 1 MB of a pathological shape
is at most 15 times its time on 100 kB.

Regressions pinned: a search of the whole text for each sentence-initial word and an ``any()``
over the rest of a capitalised run for each word in the recogniser ('Hue ' * 25,000 took 20 s,
1 MB of repeated sentences minutes); the standard library's HTML parser on unclosed comments
(``"<!--" * 25,000``: minutes); the sentence-end pattern on runs of punctuation and the line
joiner on hard-wrapped lines in the claims reader.

A linear stage gives a ratio near 10. The bound is generous (15, and 100 kB times are floored
at 50 ms so that a stage too fast to time cannot fail by noise) while a quadratic stage gives
about 100. Speeds themselves are benchmarks (benchmarks/bench_growth.py), not tests.
"""

from __future__ import annotations

import functools
import gc
import time

import pytest
from growth_shapes import HTML_SHAPES, TEXT_SHAPES

from geo.documents import document_from_bytes
from geo.resolve import resolve_mentions
from geo.story import analyse_document
from geo.text.claims import extract_claims
from geo.text.recognise import find_mentions

SMALL, LARGE = 100_000, 1_000_000
MAX_RATIO = 15.0
FLOOR_S = 0.05


def _cpu(step) -> float:
    """CPU seconds of ``step()``, Python's cyclic garbage collector held off while it runs (its
    passes over a large heap are Python's cost, not the reader's, and come at random times)."""
    gc.collect()
    gc.disable()
    try:
        started = time.process_time()
        step()
        return time.process_time() - started
    finally:
        gc.enable()


def _growth(make_step) -> tuple[float, float]:
    """CPU seconds of ``make_step(SMALL)()`` (best of 3, after a warm-up) and of
    ``make_step(LARGE)()`` (once)."""
    small = make_step(SMALL)
    small()
    small_s = min(_cpu(small) for _ in range(3))
    return small_s, _cpu(make_step(LARGE))


def _assert_linear(stage: str, shape: str, small_s: float, large_s: float) -> None:
    ratio = large_s / max(small_s, FLOOR_S)
    assert ratio <= MAX_RATIO, (f"{stage} on {shape!r}: {small_s:.2f} s at 100 kB, {large_s:.2f} s at "
                                f"1 MB (x{ratio:.0f}; linear is about x10)")


@functools.lru_cache(maxsize=2)  # one shape at two sizes: 1 MB of mentions is large
def _document(shape: str, size: int):
    return document_from_bytes("shape.txt", TEXT_SHAPES[shape](size).encode("utf-8"))


@functools.lru_cache(maxsize=2)  # one shape at two sizes: 1 MB of mentions is large
def _mentions(shape: str, size: int, gazetteer):
    text = _document(shape, size).text
    return resolve_mentions(text, find_mentions(text, gazetteer), gazetteer)


@pytest.mark.parametrize("shape", [*TEXT_SHAPES, *HTML_SHAPES])
def test_reading_is_linear(shape):
    make = TEXT_SHAPES.get(shape) or HTML_SHAPES[shape]
    name = "shape.html" if shape in HTML_SHAPES else "shape.txt"

    def step(size):
        data = make(size).encode("utf-8")
        return lambda: document_from_bytes(name, data)

    _assert_linear("reading", shape, *_growth(step))


@pytest.mark.parametrize("shape", TEXT_SHAPES)
def test_recognition_and_resolution_are_linear(shape, gazetteer):
    def step(size):
        text = _document(shape, size).text
        return lambda: resolve_mentions(text, find_mentions(text, gazetteer), gazetteer)

    _assert_linear("recognition and resolution", shape, *_growth(step))


@pytest.mark.parametrize("shape", TEXT_SHAPES)
def test_claim_extraction_is_linear(shape, gazetteer):
    def step(size):
        document, mentions = _document(shape, size), _mentions(shape, size, gazetteer)
        return lambda: extract_claims(document, mentions)

    _assert_linear("claim extraction", shape, *_growth(step))


@pytest.mark.parametrize("shape", TEXT_SHAPES)
def test_the_whole_pipeline_is_linear(shape, gazetteer):
    def step(size):
        document = _document(shape, size)
        return lambda: analyse_document(document, gazetteer=gazetteer)

    _assert_linear("analyse_document", shape, *_growth(step))
