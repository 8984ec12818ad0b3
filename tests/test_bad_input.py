"""Bad documents give a warning naming the file and why; the rest of the corpus is still built."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from frkg.build import build_store, report_path
from frkg.cli import cli
from frkg.readers import DEFAULT_MAX_BYTES
from frkg.store import open_store
from tests.fixtures.store.corpora import CORPUS_FILES, corpus_copy

BAD_FILES = {
    "empty.txt": (b"", "empty"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary"),
    "latin1.txt": ("Le café coûte 3 € à Zürich.".encode("latin-1", errors="replace"), "UTF-8"),
    "oversized.txt": (b"word " * (DEFAULT_MAX_BYTES // 5 + 1), "limit"),
    "markup-only.html": (b"<html><head><script>var x = 1;</script></head><body><nav>Home</nav></body></html>",
                         "no text"),
    "slides.pdf": (b"%PDF-1.4 not a supported document", "unsupported file type"),
}


@pytest.fixture(scope="module")
def mixed_corpus(tmp_path_factory):
    corpus = corpus_copy(tmp_path_factory.mktemp("mixed") / "corpus")
    for name, (content, _) in BAD_FILES.items():
        (corpus / name).write_bytes(content)
    (corpus / f"copy-of-{CORPUS_FILES[0]}").write_bytes((corpus / CORPUS_FILES[0]).read_bytes())
    return corpus


@pytest.fixture(scope="module")
def built(mixed_corpus, tmp_path_factory):
    store = tmp_path_factory.mktemp("mixed-store") / "store"
    return store, build_store(mixed_corpus, store)


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_each_bad_file_gets_a_warning_with_its_name_and_reason(built, name):
    _, report = built
    reason = BAD_FILES[name][1]
    matching = [w for w in report.warnings if name in w]
    assert len(matching) == 1, report.warnings
    assert reason in matching[0]


def test_the_good_documents_are_still_built(built):
    store, report = built
    assert sorted(d["file"].rsplit("/", 1)[1] for d in report.documents) == CORPUS_FILES
    graphs = [g.value for g in open_store(store).named_graphs() if "/graph/doc/" in g.value]
    assert len(graphs) == 2


def test_duplicate_content_is_built_once_with_a_warning(built):
    _, report = built
    duplicate = [w for w in report.warnings if f"copy-of-{CORPUS_FILES[0]}" in w]
    assert len(duplicate) == 1 and "same content as" in duplicate[0]


def test_warnings_are_in_the_json_report(built):
    store, report = built
    saved = json.loads(report_path(store).read_text(encoding="utf-8"))
    assert saved["warnings"] == report.warnings


def test_cli_prints_the_summary_table_and_the_warnings(mixed_corpus, tmp_path):
    store = tmp_path / "store"
    result = CliRunner().invoke(cli, ["build", "--corpus", str(mixed_corpus), "--store", str(store), "--quiet"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    rows = dict(line.rsplit(None, 1) for line in lines[1:] if not line.startswith(("warning:", "report:")))
    assert rows["documents"] == "2" and int(rows["sentences"]) > 10
    assert int(rows["  DealStatistic"]) >= 2 and int(rows["  Country"]) >= 2
    assert int(rows["warnings"]) == len([line for line in lines if line.startswith("warning: ")])
    assert f"report: {report_path(store)}" in result.output
    for name in BAD_FILES:
        assert any(line.startswith("warning: ") and name in line for line in result.output.splitlines())
