"""Read plain text, Markdown and HTML documents into :class:`frkg.model.Document`.

Only the main text is kept (HTML navigation, scripts and footers are dropped,
Markdown syntax is rendered away); metadata comes from YAML front matter or a
sidecar file ``<file>.meta.yaml`` / ``<file>.meta.json``.  The document id is
derived from the text so the same content always gets the same identity.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from frkg.errors import DocumentError
from frkg.model import Document

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ""}
SUPPORTED_SUFFIXES = MARKDOWN_SUFFIXES | HTML_SUFFIXES | TEXT_SUFFIXES
META_KEYS = {"title": "title", "source_url": "source_url", "url": "source_url",
             "source": "source_url", "published": "published", "date": "published",
             "publisher": "publisher"}
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
_DROP_TAGS = ("script", "style", "nav", "footer", "header", "aside", "form", "noscript",
              "iframe", "svg", "template")
_BLOCK_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre",
               "figcaption", "td", "th", "dd", "dt")


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read ``path`` (text, Markdown or HTML) into a Document.

    Raises :class:`DocumentError` naming the file when it is missing, empty,
    binary, not UTF-8, larger than ``max_bytes`` or cannot be parsed.
    """
    path = Path(path)
    raw = _read_bytes(path, max_bytes)
    source = _decode(path, raw)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(path, f"unsupported file type {suffix!r}; use one of "
                                  f"{', '.join(sorted(s for s in SUPPORTED_SUFFIXES if s))}")
    meta, body = _split_front_matter(path, source)
    try:
        if suffix in MARKDOWN_SUFFIXES:
            text, found, media = _markdown_text(body), {}, "text/markdown"
        elif suffix in HTML_SUFFIXES:
            (text, found), media = _html_text(body), "text/html"
        else:
            text, found, media = body, {"title": _title_line(body)}, "text/plain"
    except Exception as exc:  # parser libraries raise many types; name the file
        raise DocumentError(path, f"cannot parse as {suffix or 'text'}: {exc}") from exc
    text = normalise_text(text)
    if not text.strip():
        raise DocumentError(path, "no text left after removing markup; the file has no content")
    meta = {**{k: v for k, v in found.items() if v}, **meta, **_sidecar(path)}
    return Document(doc_id=document_id(text), path=str(path), text=text, media_type=media,
                    title=meta.get("title"), source_url=meta.get("source_url"),
                    published=meta.get("published"), publisher=meta.get("publisher"))


def document_id(text: str) -> str:
    """First 16 hex digits of the SHA-256 of the UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def normalise_text(text: str) -> str:
    """NFC, Unix newlines, no BOM: the text all offsets refer to."""
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff"))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    if not path.is_file():
        raise DocumentError(path, "no such file (check the path)")
    size = path.stat().st_size
    if size == 0:
        raise DocumentError(path, "the file is empty")
    if size > max_bytes:
        raise DocumentError(path, f"the file has {size} bytes, more than the limit of "
                                  f"{max_bytes}; split it or raise the limit")
    return path.read_bytes()


def _decode(path: Path, raw: bytes) -> str:
    if b"\x00" in raw[:8192]:
        raise DocumentError(path, "binary content (NUL bytes); expected a text, Markdown or HTML file")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(path, f"not valid UTF-8 at byte {exc.start}; re-save the file as UTF-8") from exc


def _split_front_matter(path: Path, source: str) -> tuple[dict[str, str], str]:
    match = _FRONT_MATTER.match(source.lstrip("\ufeff"))
    if not match:
        return {}, source
    try:
        data = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise DocumentError(path, f"front matter is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise DocumentError(path, "front matter must be a YAML mapping (key: value lines)")
    return _meta_fields(data), source.lstrip("\ufeff")[match.end():]


def _sidecar(path: Path) -> dict[str, str]:
    for suffix, loader in ((".meta.yaml", yaml.safe_load), (".meta.yml", yaml.safe_load),
                           (".meta.json", json.loads)):
        side = path.with_name(path.name + suffix)
        if side.is_file():
            try:
                data = loader(side.read_text(encoding="utf-8"))
            except (ValueError, yaml.YAMLError, UnicodeDecodeError) as exc:
                raise DocumentError(side, f"metadata sidecar cannot be parsed: {exc}") from exc
            if not isinstance(data, dict):
                raise DocumentError(side, "metadata sidecar must hold a mapping")
            return _meta_fields(data)
    return {}


def _meta_fields(data: dict[str, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in data.items():
        field = META_KEYS.get(str(key).lower())
        if field and value is not None:
            out[field] = value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)
    return out


def _markdown_text(source: str) -> str:
    """Render Markdown to blocks of plain text (one paragraph per line pair)."""
    blocks: list[str] = []
    for token in MarkdownIt("commonmark").parse(source):
        if token.type == "inline":
            blocks.append("".join(_inline_text(child) for child in token.children or []))
        elif token.type in ("fence", "code_block"):
            blocks.append(token.content.rstrip("\n"))
    return "\n\n".join(b.strip() for b in blocks if b.strip())


def _inline_text(token: Any) -> str:
    if token.type in ("text", "code_inline"):
        return token.content
    if token.type in ("softbreak", "hardbreak"):
        return " "
    return ""


def _html_text(source: str) -> tuple[str, dict[str, str | None]]:
    soup = BeautifulSoup(source, "html.parser")
    meta = _html_meta(soup)
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    blocks = [" ".join(el.get_text(" ", strip=True).split())
              for el in root.find_all(_BLOCK_TAGS) if not el.find(_BLOCK_TAGS)]
    if not any(blocks):
        blocks = [" ".join(root.get_text(" ", strip=True).split())]
    return "\n\n".join(b for b in blocks if b), meta


def _html_meta(soup: BeautifulSoup) -> dict[str, str | None]:
    def meta(*names: str) -> str | None:
        for name in names:
            tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
            if tag and tag.get("content"):
                return str(tag["content"]).strip()
        return None

    canonical = soup.find("link", rel="canonical")
    title = meta("og:title") or (soup.title.get_text(strip=True) if soup.title else None)
    return {"title": title,
            "source_url": meta("og:url") or (canonical.get("href") if canonical else None),
            "published": meta("article:published_time", "date", "dcterms.date"),
            "publisher": meta("og:site_name", "publisher")}


def _title_line(text: str) -> str | None:
    """The first line if it looks like a headline: short, no final stop, mostly capitalised."""
    first, _, rest = text.lstrip().partition("\n")
    first = first.strip()
    words = [w for w in first.split() if len(w) > 3]
    if not first or not rest.strip() or len(first) > 150 or first[-1] in ".!?,;:":
        return None
    capitalised = sum(w[0].isupper() for w in words)
    return first if words and capitalised / len(words) >= 0.6 else None
