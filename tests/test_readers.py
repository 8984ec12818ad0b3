"""Readers: text, Markdown, HTML, metadata, and clear errors on bad input."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from frkg.errors import DocumentError
from frkg.readers import read_document

ROOT = Path(__file__).resolve().parents[1]


def test_plain_text_corpus_document_keeps_text_and_hash_id() -> None:
    path = ROOT / "corpus" / "002_5748a6de8465780d.txt"
    doc = read_document(path)
    raw = path.read_text(encoding="utf-8")
    assert doc.text == raw
    assert doc.doc_id == hashlib.sha256(raw.encode()).hexdigest()[:16]
    assert doc.title == "China Is the World’s Biggest Face Recognition Dealer"
    assert doc.media_type == "text/plain"


def test_plain_text_first_sentence_is_not_a_title() -> None:
    doc = read_document(ROOT / "corpus" / "000_002754ab861e707d.txt")
    assert doc.title is None


def test_markdown_front_matter_and_markup_removed(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Fines\nsource_url: https://example.org/x\npublished: 2022-03-09\n"
                    "publisher: Example\n---\n# Heading\n\nThe **Garante** fined [Clearview AI](http://x).\n",
                    encoding="utf-8")
    doc = read_document(path)
    assert doc.text == "Heading\n\nThe Garante fined Clearview AI."
    assert (doc.title, doc.source_url, doc.published, doc.publisher) == (
        "Fines", "https://example.org/x", "2022-03-09", "Example")
    assert doc.media_type == "text/markdown"


def test_html_main_text_only_and_meta(tmp_path: Path) -> None:
    doc = read_document(ROOT / "tests" / "docs" / "police_quotes.html")
    assert "Metropolitan Police has deployed" in doc.text
    for dropped in ("var tracking", "color: red", "Home", "Copyright"):
        assert dropped not in doc.text
    assert doc.title == "Police use of face recognition draws criticism in London"
    assert doc.source_url == "https://example.org/london-lfr"
    assert doc.published == "2023-07-14"
    assert doc.publisher == "Example Daily"


def test_sidecar_metadata_overrides(tmp_path: Path) -> None:
    path = tmp_path / "n.txt"
    path.write_text("China leads with 201 deals.\n", encoding="utf-8")
    (tmp_path / "n.txt.meta.json").write_text(json.dumps({"title": "T", "url": "https://e.org"}))
    doc = read_document(path)
    assert (doc.title, doc.source_url) == ("T", "https://e.org")


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
    ("Café au lait".encode("latin-1"), "UTF-8"),
    (b"   \n\n  ", "no text"),
])
def test_bad_input_names_file_and_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(DocumentError) as info:
        read_document(path)
    assert str(path) in str(info.value) and reason in str(info.value)


def test_oversized_and_unsupported_and_bad_front_matter(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 100, encoding="utf-8")
    with pytest.raises(DocumentError, match="more than the limit"):
        read_document(big, max_bytes=100)
    odd = tmp_path / "x.pdf"
    odd.write_text("text", encoding="utf-8")
    with pytest.raises(DocumentError, match="unsupported file type"):
        read_document(odd)
    fm = tmp_path / "fm.md"
    fm.write_text("---\ntitle: [unclosed\n---\nBody text.\n", encoding="utf-8")
    with pytest.raises(DocumentError, match="front matter"):
        read_document(fm)
    with pytest.raises(DocumentError, match="no such file"):
        read_document(tmp_path / "missing.txt")
