"""The validation report as one self-contained, printable HTML file.

Everything is inline (CSS with print rules, one SVG map per claim); nothing is fetched from the
network. The template autoescapes: article text, quotes and names are escaped, so an article
containing ``<script>`` shows the tag as text and runs nothing.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from geo.maps.style import BADGE_COLOURS
from geo.model import Story
from geo.report.content import jinja_environment, quote_segments, report_content
from geo.report.jsonld import claim_reviews, script_json
from geo.report.thumbnail import MAP_WIDTH, claim_map_caption, claim_map_svg

__all__ = ["render_html"]

THUMBNAIL_SCALE = "50m"
"""The Natural Earth scale of the claim maps' countries."""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")


def _countries(story: Story, gazetteer):
    """The country shapes the claim maps draw, or None when no claim has both places."""
    if not any(c.claim.subject.place and c.claim.anchor.place for c in story.checks):
        return None
    if gazetteer is None:
        from geo.gazetteer import default_gazetteer

        gazetteer = default_gazetteer()
    return gazetteer.countries(THUMBNAIL_SCALE)


def render_html(story: Story, gazetteer=None, generated: str | None = None) -> str:
    """The report as an HTML document (str).

    ``gazetteer`` supplies the countries drawn on the claim maps (the default gazetteer when
    None); ``generated`` is the date printed on the report (today when None).
    """
    environment = jinja_environment(autoescape=True)
    environment.filters["slug"] = _slug
    content = report_content(story, generated)
    countries = _countries(story, gazetteer)
    maps, captions = {}, {}
    for view in content["claims"]:
        maps[view.number] = Markup(claim_map_svg(view.check, countries, environment))
        captions[view.number] = claim_map_caption(view.check) if maps[view.number] else ""
    reviews = claim_reviews(story, content["generated"], content["versions"]["geo"])
    return environment.get_template("report.html.j2").render(
        **content,
        claim_reviews=Markup(script_json(reviews)) if reviews else None,
        maps=maps,
        captions=captions,
        quote_segments=quote_segments,
        badge_colours=BADGE_COLOURS,
        map_width=MAP_WIDTH,
    )
