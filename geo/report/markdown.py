"""The validation report as Markdown (CommonMark with pipe tables).

Every piece of article text and data is escaped: Markdown punctuation and ``<``, ``>``, ``&``
get a backslash, so a quote renders as written and an article's HTML never becomes markup.
"""

from __future__ import annotations

import re

from geo.model import Story
from geo.report.content import jinja_environment, report_content

__all__ = ["escape_markdown", "render_markdown"]

_INLINE_MARKUP = re.compile(r"([\\`*_\[\]<>|&~])")
_LINE_START_MARKUP = re.compile(r"^(\d+(?=[.)](?:\s|$))|(?=[#>+=-]))(.)")


def escape_markdown(text) -> str:
    """``text`` as inert Markdown on one line: line breaks become spaces, and the characters
    that make emphasis, code, links, HTML, tables, headings or lists get a backslash."""
    flat = _INLINE_MARKUP.sub(r"\\\1", " ".join(str(text).split()))
    return _LINE_START_MARKUP.sub(r"\1\\\2", flat)


def render_markdown(story: Story, generated: str | None = None) -> str:
    """The report as a Markdown document (str); ``generated`` is its date (today when None)."""
    environment = jinja_environment(autoescape=False)
    environment.filters["md"] = escape_markdown
    return environment.get_template("report.md.j2").render(**report_content(story, generated))
