"""Map elements that put text into a folium page as data, never as template source.

branca renders a ``MacroElement`` in two passes: its macros produce the element's script, and
that script is wrapped in ``branca.element.Element(script)``, which compiles it as a *new*
Jinja template and renders it again when the page is rendered. Any ``{{ ... }}``, ``{% ... %}``
or ``{# ... #}`` inside the first pass's output (an article's sentence in a popup, a reader's
name for a corrected place) is then evaluated: Jinja expressions reach Python objects, so
article text would run as code in the process drawing the map (the CLI, the dashboard's
server), and a stray ``{%`` would crash the page with a ``TemplateSyntaxError``.

The elements here close that second pass:

- :class:`Verbatim` is an element whose output is its text, exactly: it has no template, so
  nothing in the text is parsed, and it survives pickling (the dashboard caches maps pickled);
- :class:`ScriptElement` is the base of every macro element of this package: it renders its
  ``header``/``html``/``script`` macros once and adds their output to the page as
  :class:`Verbatim` parts;
- :func:`js_value` is the only way a value enters a macro's output: JSON, safe inside a
  ``<script>`` element (``<``, ``>``, ``&``, ``'`` escaped) and with every brace inside a string
  written as a ``\\u`` escape, so even a renderer that did parse it again would find no
  template syntax in it.
"""

from __future__ import annotations

import json
import re

from branca.element import Element, Figure, MacroElement

__all__ = ["ScriptElement", "Verbatim", "js_value"]

_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_IN_STRING_ESCAPES = {"{": "\\u007b", "}": "\\u007d", "#": "\\u0023", "%": "\\u0025"}
_HTML_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"}


def _escape_string(match: re.Match) -> str:
    literal = match.group(0)
    for character, escape in _IN_STRING_ESCAPES.items():
        literal = literal.replace(character, escape)
    return literal


def js_value(value) -> str:
    """``value`` as a JavaScript literal (JSON) that is inert in an HTML page and in a template.

    Outside strings JSON has no ``<``, ``>``, ``&``, ``'``, ``%`` or ``#`` and a brace is never
    followed by another brace, ``%`` or ``#``; inside strings those characters are escaped, so
    the result contains no ``</script>``, no HTML comment and no Jinja delimiter whatever the
    strings hold.
    """
    text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    text = _JSON_STRING.sub(_escape_string, text)
    for character, escape in _HTML_SAFE.items():
        text = text.replace(character, escape)
    # U+2028/2029 end a line in older JavaScript engines, inside a string literal too
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


class Verbatim(Element):
    """A part of a page whose rendering is ``text`` itself, never parsed as a template."""

    def __init__(self, text: str):
        super().__init__()  # no template: branca's __setstate__ will not compile one either
        self._name = "Verbatim"
        self.text = str(text)

    def render(self, **kwargs) -> str:
        return self.text


class ScriptElement(MacroElement):
    """A ``MacroElement`` whose rendered macros go into the page verbatim (one pass only).

    Subclasses define ``_template`` with ``header``, ``html`` and/or ``script`` macros, as for
    folium, and put every value into them as ``{{ this.js(value) }}`` (:func:`js_value`).
    """

    js = staticmethod(js_value)

    def render(self, **kwargs):
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise TypeError(f"{type(self).__name__}: render the element inside a folium Map")
        module = self._template.module.__dict__
        for part in ("header", "html", "script"):
            macro = module.get(part)
            if macro is not None:
                getattr(figure, part).add_child(Verbatim(str(macro(self, kwargs))), name=self.get_name())
        for element in self._children.values():
            element.render(**kwargs)
