"""schema.org ClaimReview records of the checked claims, for the HTML report's
``<script type="application/ld+json">`` (the fact-checkers' standard, read by search engines
and fact-check aggregators).

Article text is untrusted: the JSON is made safe to sit inside a script element by escaping
``<``, ``>`` and ``&`` as JSON's ``\\u003c``-style escapes, so no ``</script>`` (or ``<!--``) in
an article can close the element; the JSON it encodes is unchanged.
"""

from __future__ import annotations

import json

from geo.model import Document, Story
from geo.verdicts import DistanceVerdict

__all__ = ["RATINGS", "claim_reviews", "script_json"]

RATINGS = {DistanceVerdict.INACCURATE: 1, DistanceVerdict.CLOSE: 2, DistanceVerdict.ACCURATE: 3}
"""A distance verdict as a rating from 1 (worst) to 3 (best); unverifiable claims get no review."""


def _appearance(document: Document | None) -> dict | None:
    if document is None:
        return None
    work = {"@type": "CreativeWork", "headline": document.title or None, "url": document.url or None,
            "datePublished": document.date or None}
    if document.outlet:
        work["publisher"] = {"@type": "Organization", "name": document.outlet}
    return {k: v for k, v in work.items() if v is not None}


def claim_reviews(story: Story, generated: str, version: str) -> list[dict]:
    """One ClaimReview per checked claim whose distance could be judged, in claim order:
    ``claimReviewed`` (the sentence), ``reviewRating`` (1–3, its ``alternateName`` the verdict),
    ``reviewBody`` (the explanation), ``itemReviewed`` (the Claim and the article it appears
    in), ``datePublished`` (the report's date), ``author`` (geo and its ``version``)."""
    documents = {d.path: d for d in story.documents}
    reviews = []
    for check in story.checks:
        rating = RATINGS.get(check.distance_verdict)
        if rating is None:
            continue
        claim = check.claim
        item = {"@type": "Claim", "text": claim.sentence}
        appearance = _appearance(documents.get(claim.document))
        if appearance:
            item["appearance"] = appearance
        reviews.append({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": claim.sentence,
            "itemReviewed": item,
            "reviewRating": {"@type": "Rating", "ratingValue": rating, "bestRating": max(RATINGS.values()),
                             "worstRating": min(RATINGS.values()), "alternateName": str(check.distance_verdict)},
            "reviewBody": check.explanation,
            "datePublished": generated,
            "author": {"@type": "Organization", "name": f"geo {version} (automated distance check)"},
        })
    return reviews


def script_json(data) -> str:
    """``data`` as JSON that is safe inside an HTML ``<script>`` element."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
