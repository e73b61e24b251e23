"""Derive data/gazetteer/common_words.txt: English common words (lower case in the dictionary)
that are also the one-word name of some place in the gazetteer ("bell", "day", "superior").

Source: the SCOWL word list as Debian's `wamerican` package installs it
(/usr/share/dict/american-english, SCOWL size 50; Copyright 2000-2011 by Kevin Atkinson, with
the permission notice kept at the head of the derived file). Only the words that fold to a
one-word alias of the gazetteer are kept: the recogniser needs to know no other.

    apt-get install wamerican
    python scripts/derive_common_words.py /usr/share/dict/american-english
"""

import sys
from pathlib import Path

from geo.gazetteer import default_gazetteer, fold

OUT = Path(__file__).resolve().parent.parent / "data" / "gazetteer" / "common_words.txt"
HEADER = """\
# English common words that are also the one-word name of some place ("bell", "day",
# "superior"): a capitalised one-word name among these, held only by towns under 100,000
# people, is read as a place only when a preposition of place comes before it (recognise.py).
# Derived by scripts/derive_common_words.py from SCOWL (Debian wamerican, size 50):
#   Copyright 2000-2011 by Kevin Atkinson
#   Permission to use, copy, modify, distribute and sell these word lists, the associated
#   scripts, the output created from the scripts, and its documentation for any purpose is
#   hereby granted without fee, provided that the above copyright notice appears in all
#   copies and that both that copyright notice and this permission notice appear in
#   supporting documentation. Kevin Atkinson makes no representations about the
#   suitability of this array for any purpose. It is provided "as is" without express or
#   implied warranty.
"""


def main(source: str) -> None:
    gazetteer = default_gazetteer()
    with open(source, encoding="utf-8") as handle:
        words = {w.strip() for w in handle if w.strip().islower() and w.strip().isalpha()}
    kept = sorted(w for w in words if gazetteer.has_alias(fold(w)) and fold(w) == w)
    OUT.write_text(HEADER + "".join(f"{w}\n" for w in kept), encoding="utf-8")
    print(f"{len(kept)} words -> {OUT}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
