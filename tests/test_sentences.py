"""The one sentence splitter: where sentences end, and that it stays linear on any input."""

import time

import pytest

from geo.text.sentences import MAX_SENTENCE_CHARS, sentence_at, sentences, split_sentences


def texts(text):
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The ferry left. It docked at noon.", ["The ferry left.", "It docked at noon."]),
        ("Is it far? Not really! We walked.", ["Is it far?", "Not really!", "We walked."]),
        ("Mr. Okafor met Gen. Lee in St. Louis.", ["Mr. Okafor met Gen. Lee in St. Louis."]),
        ("The U.S. Navy sailed. Then it rained.", ["The U.S. Navy sailed.", "Then it rained."]),
        ("John F. Kirby spoke.", ["John F. Kirby spoke."]),
        ("Route No. 5 is closed.", ["Route No. 5 is closed."]),
        ('He said "go." Then he left.', ['He said "go."', "Then he left."]),
        ("Prices fell 3.5 percent. Trade rose.", ["Prices fell 3.5 percent.", "Trade rose."]),
        ("It lies near Thunder Bay, Ont. and Duluth.", ["It lies near Thunder Bay, Ont. and Duluth."]),
        ("the end... And more.", ["the end...", "And more."]),
        ("A line wrapped at the\nword boundary stays whole.", ["A line wrapped at the\nword boundary stays whole."]),
        ("HEADLINE HERE\nThe body starts.", ["HEADLINE HERE", "The body starts."]),
        ("One.\n\nTwo", ["One.", "Two"]),
    ],
)  # fmt: skip
def test_sentence_ends(text, expected):
    assert texts(text) == expected


def test_paragraphs_are_numbered():
    found = sentences("First one. Second one.\n\nThird one.")
    assert [s.paragraph for s in found] == [0, 0, 1]


def test_long_runs_are_cut_at_clause_breaks():
    text = ", ".join(["word word word"] * 2000)
    spans = split_sentences(text)
    assert all(b - a <= MAX_SENTENCE_CHARS for a, b in spans)
    assert text[spans[0][0] : spans[-1][1]].count("word") == 6000


def test_sentence_at():
    text = "Alpha is here. Beta is there."
    assert text[slice(*sentence_at(text, 20)[:2])] == "Beta is there."
    assert sentence_at("", 0) is None


@pytest.mark.parametrize(
    "unit",
    ["." * 1, "!?" , ". ", "a\n", ",\n", "Mr. ", "U.S. ", "x" * 50 + "\n", " ", "\n\n", ".\"'", "A. B"],
)
def test_time_grows_linearly(unit):
    """Work per character does not grow with the input (the old end-of-sentence pattern was
    quadratic on runs of punctuation, the line joiner on hard-wrapped lines)."""

    def seconds(n):
        text = unit * (n // len(unit))
        begin = time.process_time()
        sentences(text)
        return time.process_time() - begin

    small, large = seconds(20_000), seconds(200_000)
    assert large < 10 * small * 3 + 0.05  # ten times the input: well under 30 times the work
