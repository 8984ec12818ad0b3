"""Merging across documents: one node per entity and fact, evidence combined, conflicts kept."""
from __future__ import annotations

from pathlib import Path

from frkg.extract import extract_document
from frkg.merge import merge_extractions
from frkg.model import Document
from frkg.readers import document_id, read_document

ROOT = Path(__file__).resolve().parents[1]


def extraction(text: str):
    return extract_document(Document(document_id(text), f"{document_id(text)}.txt", text))


def test_corpus_documents_merge_shared_facts() -> None:
    merged = merge_extractions([extract_document(read_document(p))
                                for p in sorted((ROOT / "corpus").glob("*.txt"))])
    keys = [e.key for e in merged.entities]
    assert len(keys) == len(set(keys))
    by_kind: dict[str, list] = {}
    for f in merged.facts:
        by_kind.setdefault(f.kind, []).append(f)
    huawei = [f for f in by_kind["ExportRestriction"] if f.roles.get("targets") == ("org/huawei",)]
    assert len(huawei) == 1
    assert {e.doc_id for e in huawei[0].evidence} == {"c859b11fb5c02033", "7973df464b743174"}
    assert huawei[0].roles["administration"] == ("org/trump-administration",)
    providers = [f for f in by_kind["Sanction"]
                 if f.roles.get("targets") == ("group/chinese-face-recognition-providers",)]
    assert len(providers) == 1 and len({e.doc_id for e in providers[0].evidence}) == 2
    assert providers[0].values["reason"] == "used to monitor Uyghur Muslims"
    clearview = [f for f in by_kind["HumanRightsConcern"] if f.roles.get("about") == ("org/clearview-ai",)]
    assert len(clearview) == 1 and clearview[0].roles["raisedBy"] == ("group/civil-liberties-groups",)
    us_second = [f for f in by_kind["DealStatistic"] if f.roles["exporter"] == ("country/US",)
                 and f.values.get("rank") == 2 and "dealCount" not in f.values]
    assert len(us_second) == 1 and len(us_second[0].evidence) == 2
    seymour = [f for f in by_kind["Affiliation"] if f.roles["member"] == ("person/alexandra-seymour",)]
    assert len(seymour) == 1 and seymour[0].values["role"] == "associate fellow"
    assert len(seymour[0].evidence) == 2


def test_conflicting_deal_counts_are_both_kept() -> None:
    a = extraction("A report says China leads the world in face recognition exports with 201 deals.")
    b = extraction("Another count finds that China leads face recognition exports with 245 deals.")
    merged = merge_extractions([a, b])
    counts = sorted(f.values["dealCount"] for f in merged.facts
                    if f.kind == "DealStatistic" and f.roles["exporter"] == ("country/CN",))
    assert counts == [201, 245]


def test_same_fact_twice_is_one_fact_with_two_evidence_and_idempotent() -> None:
    a = extraction("Clearview AI exports face recognition tools to Brazil.")
    b = extraction("Reporting from Rio: Clearview AI exports face recognition tools to Brazil.")
    merged = merge_extractions([a, b])
    [deal] = [f for f in merged.facts if f.kind == "Deal"]
    assert len(deal.evidence) == 2
    again = merge_extractions([a, a])
    [once] = [f for f in again.facts if f.kind == "Deal"]
    assert len(once.evidence) == 1


def test_differing_descriptive_value_is_reported_not_overwritten() -> None:
    a = extraction("Jane Roe, a professor at Stanford University, studies cameras.")
    b = extraction("Jane Roe, a lecturer at Stanford University, studies cameras.")
    merged = merge_extractions([a, b])
    [aff] = [f for f in merged.facts if f.kind == "Affiliation"]
    assert aff.values["role"] == "professor" and len(aff.evidence) == 2
    assert any("lecturer" in w for w in merged.warnings)
