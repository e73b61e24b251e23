"""What held before issue 11 and must keep holding: no connection without --online, and any
text, however mangled, read without a crash (10,000 fuzzed documents)."""

from __future__ import annotations

import random
import socket

from geo.cli import main
from geo.documents import bundled_documents, document_from_bytes
from geo.errors import InputError
from geo.story import analyse_document


def test_no_connection_is_attempted_without_online(tmp_path, monkeypatch, capsys):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("the network is not to be used")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    for argv in (["places"], ["claims"], ["report", "-o", str(tmp_path / "r.html")]):
        assert main(argv) == 0, capsys.readouterr().err
    assert attempts == []


_PIECES = ["{{ 7*7 }}", "{% raw %}", "<script>", "=1+1", "\x1b[2J", "\u202e", "\x00", "\r", "…", "!!??..",
           "\ud7ff", "km", "miles", "north of", "about", "1,180", "½", "Hue ", "Da Nang", "\n\n", "\t", "(", ")",
           "'s", "Mr.", "St.", "U.S.", "-", "–", "—", "“", "”", "0", "9" * 30, "é", "ß", "İ", "ﬁ", "𝐀"]


def _fuzzed(rng: random.Random, source: str) -> bytes:
    start = rng.randrange(0, max(1, len(source) - 300))
    text = list(source[start:start + rng.randrange(1, 300)])
    for _ in range(rng.randrange(0, 12)):
        position = rng.randrange(0, len(text) + 1)
        action = rng.random()
        if action < 0.5:
            text[position:position] = list(rng.choice(_PIECES))
        elif action < 0.8 and text:
            del text[position:position + rng.randrange(1, 20)]
        else:
            text[position:position] = [chr(rng.randrange(1, 0x2FFFF))]
    data = "".join(text).encode("utf-8", "surrogatepass")
    if rng.random() < 0.05:  # raw byte damage: invalid UTF-8, NULs
        data = bytes(b ^ rng.choice((0, 0, 0, 0x80, 0xFF)) for b in data)
    return data


def test_ten_thousand_fuzzed_documents_are_read_without_a_crash(gazetteer):
    rng = random.Random(11)
    source = "\n\n".join(d.text for d in bundled_documents())
    analysed = refused = 0
    for number in range(10_000):
        data = _fuzzed(rng, source)
        try:
            document = document_from_bytes(f"fuzz-{number}.txt", data)
        except InputError as error:
            assert "\n" not in str(error) and str(error).startswith(f"fuzz-{number}.txt: ")
            refused += 1
            continue
        analysis = analyse_document(document, gazetteer=gazetteer)
        for mention in analysis.mentions:
            assert 0 <= mention.start <= mention.end <= len(document.text)
        analysed += 1
    assert analysed > 8_000 and analysed + refused == 10_000
