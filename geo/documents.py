"""Read articles into Documents: files, standard input, uploaded bytes, the bundled story.

Every reader turns a bad input into an ``InputError`` whose one-line message names the input
and the problem (missing, a directory, a FIFO or device, a symlink loop, empty, binary, not UTF-8,
too large; see :mod:`geo.files`); the plural readers
collect those lines and go on with the other inputs.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from geo.errors import InputError
from geo.files import read_bounded, read_regular_file
from geo.model import Document
import functools

from geo.paths import BUNDLED_STORY, DATA_DIR

MAX_BYTES = 10 * 1024 * 1024
"""The largest article accepted (10 MiB); a news article is rarely over 100 KiB."""

TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")


def decode(name: str, data: bytes) -> str:
    """The text of an input's bytes; InputError naming ``name`` when it is not usable text."""
    return read_text(name, data)[0]


def read_text(name: str, data: bytes) -> tuple[str, dict]:
    """(the text, metadata found in it) of an input's bytes; InputError naming ``name`` when it
    is not usable text. A web page (``.html``/``.htm``, or text opening with ``<html`` or a
    doctype) is read by :func:`read_html`: its article's text and its title, date, outlet, url."""
    if not data.strip():
        raise InputError(f"{name}: empty file, nothing to read")
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: too large ({len(data) / 1e6:.1f} MB; the limit is "
                         f"{MAX_BYTES / 1e6:.1f} MB)")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{name}: not UTF-8 text (byte 0x{data[error.start]:02x} at offset "
                         f"{error.start})") from None
    if name.lower().endswith((".html", ".htm")) or re.match(r"\s*<(!doctype|html)", text, re.I):
        try:
            text, metadata = read_html(text, name)
        except InputError as error:
            raise InputError(f"{name}: {error}") from None
        if not text.strip():
            raise InputError(f"{name}: HTML with no text")
        return text, metadata
    return text, {}


class ExtractionWarning(UserWarning):
    """A web page in which no article was found: its whole visible text was read instead."""


def read_html(markup: str, name: str = "page") -> tuple[str, dict]:
    """The article of a web page: (its text, its metadata: ``title``, ``date`` (ISO 8601),
    ``outlet`` (the site's name), ``url``, each only when found).

    trafilatura finds the article's text and leaves out what surrounds it (menus, footers,
    related-links boxes, comments), which would otherwise add places the article never names.
    The text is the extracted text, one paragraph a line; every offset the pipeline gives
    points into it (it is :attr:`Document.text`). Where trafilatura finds no article (a page
    of lists, a fragment), the page's whole visible text is read (:func:`html_to_text`) and an
    :class:`ExtractionWarning` names the page.
    """
    import warnings

    from trafilatura import bare_extraction

    root = _parse_html(markup)  # a page nested too deep for libxml2 is refused, not read in part
    try:
        found = bare_extraction(markup, with_metadata=True, include_comments=False, deduplicate=False)
    except Exception:  # an extractor's failure on one odd page: read it the plain way
        found = None
    fields = (found.as_dict() if hasattr(found, "as_dict") else found) or {}
    text = (fields.get("text") or "").strip()
    if not text:
        whole = _visible_text(root)  # the tree parsed above, not the page parsed again
        if whole.strip():  # a page with no text at all is one error line, not a warning as well
            warnings.warn(f"{name}: no article found in the page; reading all its visible text "
                          "(menus and footers included)", ExtractionWarning, stacklevel=2)
        return whole, {}
    metadata = {"title": fields.get("title"), "date": fields.get("date"),
                "outlet": fields.get("sitename"), "url": fields.get("url")}
    return text, {key: str(value).strip() for key, value in metadata.items() if value and str(value).strip()}


_BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "title",
                     "article", "section", "blockquote"})
_HIDDEN = frozenset({"script", "style", "noscript", "template"})
MAX_HTML_DEPTH = 2048
"""How deep libxml2 (with ``huge_tree``) follows nested HTML elements."""


def _parse_html(markup: str):
    """The page's element tree by libxml2 (linear); InputError when it nests deeper than
    libxml2 follows (:data:`MAX_HTML_DEPTH`)."""
    from lxml import etree

    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True,
                              recover=True, huge_tree=True)
    root = etree.fromstring(markup.encode("utf-8", "surrogatepass"), parser)
    if any("Excessive depth" in entry.message for entry in parser.error_log):
        raise InputError(f"HTML nested more than {MAX_HTML_DEPTH} elements deep")
    return root


def html_to_text(markup: str) -> str:
    """The visible text of an HTML document, paragraphs on their own lines.

    libxml2's HTML parser (through lxml) reads the page in time linear in its size, whatever
    it holds: the standard library's ``html.parser`` of Python 3.11 is quadratic on unclosed
    comments and declarations (``"<!--" * 25000`` took minutes). The tree is walked with
    events, not recursion. Raises ``InputError`` for elements nested deeper than libxml2
    follows (:data:`MAX_HTML_DEPTH`), rather than lose the text inside them.
    """
    return _visible_text(_parse_html(markup))


def _visible_text(root) -> str:
    """The visible text under an element tree of :func:`_parse_html` (see :func:`html_to_text`)."""
    from lxml import etree

    if root is None:
        return ""
    parts: list[str] = []
    hidden = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _HIDDEN:
                hidden += 1
            elif not hidden:
                if tag in _BLOCKS:
                    parts.append("\n")
                if element.text:
                    parts.append(element.text)
        else:
            if tag in _HIDDEN:
                hidden -= 1
            elif not hidden and tag in _BLOCKS:
                parts.append("\n")
            if not hidden and element.tail and element is not root:
                parts.append(element.tail)
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _title_of(text: str, fallback: str) -> str:
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first if 0 < len(first) <= 160 else fallback


def document_from_bytes(name: str, data: bytes, **metadata) -> Document:
    """A Document from an upload or any bytes; ``name`` is its path or file name. Metadata given
    (e.g. from a story's articles.csv) wins over what a web page says of itself."""
    text, found = read_text(name, data)
    metadata = {**found, **{key: value for key, value in metadata.items() if value}}
    metadata.setdefault("title", _title_of(text, Path(name).name))
    return Document(path=name, text=text, doc_id=metadata.pop("doc_id", Path(name).name),
                    **metadata)


def read_document(path: str) -> Document:
    """One input: a file path, or "-" for standard input."""
    if path == "-":
        return document_from_bytes("-", read_bounded(sys.stdin.buffer, "-", MAX_BYTES))
    file = Path(path)
    data = read_regular_file(path, MAX_BYTES)  # only a regular file, at most MAX_BYTES
    metadata = articles_metadata(file.parent.resolve().parent).get(file.name, {}) \
        if file.parent.name == ARTICLES else {}
    return document_from_bytes(path, data, **metadata)


def read_documents(paths=None) -> tuple[list[Document], list[str]]:
    """Documents for the given paths in order ("-" is stdin), and one error line per bad input.

    With no paths, the bundled story's articles (its pack's articles/ folder).
    """
    if not paths:
        return bundled_documents(), []
    documents, errors = [], []
    for path in paths:
        try:
            documents.append(read_document(str(path)))
        except InputError as error:
            errors.append(str(error))
    return documents, errors


ARTICLES = "articles"
"""A story pack's folder of articles; their metadata is in ``articles.csv`` beside it."""


@functools.lru_cache(maxsize=16)
def articles_metadata(pack: Path) -> dict[str, dict]:
    """Outlet, date and title of each article of the story pack in the folder ``pack``, by file
    name (its ``articles.csv``); none when the pack has no such file."""
    try:
        with (pack / "articles.csv").open(encoding="utf-8", newline="") as handle:
            return {row["file"]: {key: row[key] for key in ("title", "outlet", "date") if row.get(key)}
                    for row in csv.DictReader(handle) if row.get("file")}
    except OSError:
        return {}


def bundled_metadata() -> dict[str, dict]:
    """Outlet, date and title of each bundled article, by file name."""
    return articles_metadata(BUNDLED_STORY.resolve())


def article_paths(pack: Path) -> list[Path]:
    """The article files of the story pack in the folder ``pack``, in order (none if it has none)."""
    folder = Path(pack) / ARTICLES
    return sorted(p for p in folder.iterdir() if p.suffix in TEXT_SUFFIXES) if folder.is_dir() else []


def bundled_paths() -> list[Path]:
    """The bundled story's article files, in order."""
    return article_paths(BUNDLED_STORY)


def pack_documents(pack: Path) -> list[Document]:
    """The articles of the story pack in the folder ``pack``, with their metadata; paths are
    relative to the project when it is the working folder (as a user would type them)."""
    repo = DATA_DIR.parent
    return [read_document(str(path.relative_to(repo))) if Path.cwd() == repo and path.is_relative_to(repo)
            else read_document(str(path)) for path in article_paths(pack)]


def bundled_documents() -> list[Document]:
    """The bundled story: the five articles of September 2023 with their metadata."""
    return pack_documents(BUNDLED_STORY)
