"""A small hand-made story for the outputs' tests: one claim whose subject names no place ("a
town some 70 km south-east of Bukavu"), one travel time ("about a four hour drive"), both
checked by the real geo.check on real gazetteer places. The same article is
tests/data/unplaced_claims.txt, for the CLI and the dashboard."""

from pathlib import Path

from geo.check import check_claim
from geo.model import Analysis, DistanceClaim, Document, Mention, Quantity, Story

ARTICLE = Path(__file__).resolve().parent / "data" / "unplaced_claims.txt"
TEXT = "Rebels took a town some 70 km south-east of Bukavu. Goma is about a four hour drive from Bukavu."


def unplaced_story(gazetteer) -> Story:
    bukavu = next(p for p in gazetteer.lookup("Bukavu") if p.country == "CD")
    goma = next(p for p in gazetteer.lookup("Goma") if p.country == "CD")
    first, second = TEXT.index("Bukavu"), TEXT.rindex("Bukavu")
    anchor = Mention("Bukavu", first, first + 6, bukavu, 0.9)
    goma_mention = Mention("Goma", TEXT.index("Goma"), TEXT.index("Goma") + 4, goma, 0.9)
    anchor2 = Mention("Bukavu", second, second + 6, bukavu, 0.9)
    town = DistanceClaim("demo.txt", TEXT[:51], 0, Mention("a town", 12, 18), anchor, (Quantity("km", 70.0),),
                         hedge="some", direction="SE", subject_kind="town")
    drive = DistanceClaim("demo.txt", TEXT[52:], 52, goma_mention, anchor2, (Quantity("h", 4.0),), hedge="about",
                          mode="road")
    checks = (check_claim(town, (), gazetteer), check_claim(drive, (), gazetteer))
    return Story((Analysis(Document("demo.txt", TEXT), (anchor, goma_mention, anchor2), checks),))
