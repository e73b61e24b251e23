"""How a Story shows itself in a notebook: a one-line repr, and an HTML summary (the articles,
the distance claims with their verdicts, and the interactive map). Article text is untrusted:
every value is escaped."""

from __future__ import annotations

import html

from geo.model import Story
from geo.records import document_name

__all__ = ["story_html", "story_repr"]


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def story_repr(story: Story) -> str:
    """``<Story: 5 articles, 212 place mentions, 2 distance claims, 3 routes, 4 meetings>``."""
    parts = [_plural(len(story.analyses), "article"), _plural(len(story.mentions), "place mention"),
             _plural(len(story.checks), "distance claim"), _plural(len(story.routes), "route"),
             _plural(len(story.meetings), "meeting")]
    if story.errors:
        parts.append(f"{len(story.errors)} unreadable")
    return f"<Story: {', '.join(parts)}>"


def _table(headers: tuple[str, ...], rows: list[tuple]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def story_html(story: Story, with_map: bool = True) -> str:
    """The story as HTML for a notebook: a title line, a table of the articles (title, outlet,
    date, file name, mentions, claims), a table of the claims and their verdicts, and the
    interactive map (offline, in an iframe) when ``with_map``."""
    articles = [(a.document.title or "(untitled)", a.document.outlet or "—", a.document.date or "—",
                 document_name(a.document.path), len(a.mentions), len(a.checks)) for a in story.analyses]
    claims = [(n, c.claim.sentence if len(c.claim.sentence) <= 160 else c.claim.sentence[:157] + "…",
               c.distance_verdict, c.direction_verdict, c.explanation.split(". ")[0])
              for n, c in enumerate(story.checks, start=1)]
    parts = [f"<p><strong>{html.escape(story_repr(story))}</strong></p>",
             _table(("article", "outlet", "date", "file", "mentions", "claims"), articles)]
    if claims:
        parts.append(_table(("#", "claim", "distance", "direction", "measured"), claims))
    if story.errors:
        parts.append("<ul>" + "".join(f"<li>{html.escape(e)}</li>" for e in story.errors) + "</ul>")
    if with_map and story.analyses:
        from geo.maps.interactive import story_map

        parts.append(story_map(story)._repr_html_())  # folium escapes the page into its iframe
    return "<div class=\"geo-story\">" + "".join(parts) + "</div>"
