"""Extraction quality against hand-written gold (tests/gold/, rules in its README).

Three sets, scored per document on ``extract_document`` output and
micro-averaged (run ``python -m tests.test_quality`` for the table and errors):

* corpus: the two corpus documents; the rules were written while reading them.
* new documents: five documents written for this test in other phrasings
  (sanctions announcement, city contract, regulator fine, attribution styles,
  statistics report).  Their errors guided general fixes, so they are no
  longer unseen.
* held-out: three documents written later; scored once before any change
  (entities P 0.78 R 0.75, facts P 0.50 R 0.36), then general bugs they
  exposed were fixed.  Their floors are the lowest and the most honest.
* held-out 2: six documents (``heldout2_*``: Entity List announcement, EU AI
  Act, deals in Africa and Latin America with values, a CNIL fine, an index
  with country counts, an op-ed) whose gold was written before the extractor
  ran on them; first pass entities P 0.87 R 0.82, facts P 0.50 R 0.21.
* fresh: two documents (``heldout3_*``) written after those fixes and scored
  once unchanged (entities P 0.86 R 0.81, facts P 0.36 R 0.25), then fixed.
* held-out 4: four documents (``heldout4_*``: a Safe City deal in Uganda, a Dutch DPA fine on
  the police, a BIS export rule with a senator's quote, a rights report on Xinjiang) written
  with their gold before the extractor ran on them and scored once after the third round of
  general mechanisms (entities P 0.869 R 0.949, facts P 0.694 R 0.739); never tuned on since.
* held-out 5: three documents (``heldout5_*``: a Sao Paulo metro contract with a lawsuit, an
  Australian privacy commissioner's ruling on a retailer in Markdown, a Moscow Face Pay story in
  HTML) written with their gold before the extractor ran on them and scored once after the fourth
  round (entities P 0.882 R 0.857, facts P 0.783 R 0.560); the fifth round then fixed families
  they exposed.
* held-out 6 and 7: four documents each (``heldout6_*``: an export to Tajikistan, a Canadian sanctions
  release in Markdown, a report summary in HTML, a city's purchase and its regulator's fine;
  ``heldout7_*``: news pieces in the corpus's style on export studies, blacklists and sales), gold
  written blind; first pass after the fifth round: held-out 6 entities P 0.91 R 0.84, facts P 0.80
  R 0.38; held-out 7 entities P 0.95 R 0.93, facts P 0.79 R 0.54; the sixth round then fixed
  their families.
* held-out 8: five news pieces (``heldout8_*``) written blind, scored once after the sixth round
  (entities P 0.96 R 0.86, facts P 0.86 R 0.57); the seventh round then fixed its families.
* held-out 9: four news pieces (``heldout9_*``) written blind, scored once after the seventh round
  (entities P 0.87 R 0.85, facts P 0.81 R 0.52); never tuned on.
* held-out 10 to 16: blind sets in genres unlike the corpus's news, each scored once after the
  round before it (first passes beside their floors below); held-out 16 is never tuned on.
See tests/gold/README.md for the per-document table.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from frkg.extract import extract_document
from frkg.model import Evidence, Extraction, Fact
from frkg.readers import read_document

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
CORPUS_GOLD = ("corpus-000.yaml", "corpus-002.yaml")
NEW_GOLD = ("entity_list_sanctions.yaml", "city_contract.yaml", "regulator_fine.yaml",
            "police_quotes.yaml", "surveillance_report.yaml")
HELDOUT_GOLD = ("heldout_israel_exports.yaml", "heldout_treasury.yaml", "heldout_moscow.yaml")
HELDOUT2_GOLD = ("heldout2_entity_list.yaml", "heldout2_ai_act.yaml", "heldout2_global_south_deals.yaml",
                 "heldout2_cnil_fine.yaml", "heldout2_aigs_index.yaml", "heldout2_oped.yaml")
FRESH_GOLD = ("heldout3_ftc_rite_aid.yaml", "heldout3_belgrade_safe_city.yaml")
HELDOUT4_GOLD = ("heldout4_kampala_safe_city.yaml", "heldout4_dutch_dpa_police.yaml",
                 "heldout4_bis_facial_rule.yaml", "heldout4_hrw_xinjiang_app.yaml")
HELDOUT5_GOLD = ("heldout5_sao_paulo_metro.yaml", "heldout5_oaic_retailer.yaml", "heldout5_moscow_face_pay.yaml")
HELDOUT6_GOLD = ("heldout6_tajikistan_export.yaml", "heldout6_canada_myanmar_sanctions.yaml",
                 "heldout6_faces_in_the_crowd.yaml", "heldout6_padua_police_cameras.yaml")
HELDOUT7_GOLD = ("heldout7_export_race_feature.yaml", "heldout7_wire_autocracy_study.yaml",
                 "heldout7_commerce_treasury_blacklist.yaml", "heldout7_oped_surveillance_shopping.yaml")
HELDOUT8_GOLD = ("heldout8_podcast_export_leaders.yaml", "heldout8_latam_asia_contracts.yaml",
                 "heldout8_uk_export_licensing.yaml", "heldout8_trade_monitor_explainer.yaml",
                 "heldout8_senator_tibet_sanctions.yaml")
HELDOUT9_GOLD = ("heldout9_edinburgh_vendor_study.yaml", "heldout9_entity_list_xinjiang_firms.yaml",
                 "heldout9_inner_mongolia_protest_cameras.yaml", "heldout9_lusaka_camera_deal.yaml")
HELDOUT11_GOLD = ("heldout11a_export_director_interview.yaml", "heldout11a_pune_camera_tender.yaml",
                  "heldout11a_spanish_supermarket_fine.yaml", "heldout11b_gulf_market_explainer.yaml",
                  "heldout11b_un_rapporteur_moratorium.yaml", "heldout11b_western_chips_moscow_cameras.yaml")
HELDOUT12_GOLD = ("heldout12_australia_xinjiang_sanctions.yaml", "heldout12_imports_protest_study.yaml",
                  "heldout12_ocellis_earnings_call.yaml", "heldout12_skopje_stadium_cameras.yaml")
HELDOUT13_GOLD = ("heldout13_commons_committee_hearing.yaml", "heldout13_facetek_takeover_blocked.yaml",
                  "heldout13_weekly_digest_thread.yaml", "heldout13_winnipeg_transit_cameras.yaml")
HELDOUT14_GOLD = ("heldout14_eu_dual_use_commentary.yaml", "heldout14_nairobi_protest_lawsuit.yaml",
                  "heldout14_nordvista_peru_contract.yaml", "heldout14_zambia_safe_city_loan.yaml")
HELDOUT15_GOLD = ("heldout15_dutch_tribunal_licence_ruling.yaml", "heldout15_ep_written_question.yaml",
                  "heldout15_factcheck_nec_myanmar.yaml", "heldout15_pension_fund_esg_memo.yaml",
                  "heldout15_romania_border_gates_award.yaml")
HELDOUT16_GOLD = ("heldout16_almaty_translated_press.yaml", "heldout16_entity_list_register_notice.yaml",
                  "heldout16_halvard_encyclopedia.yaml", "heldout16_ngo_letter_lumenar.yaml",
                  "heldout16_riyadh_expo_report.yaml")
HELDOUT10_GOLD = ("heldout10a_georgia_protest_cameras.yaml", "heldout10a_japan_end_user_list.yaml",
                  "heldout10a_korean_border_gates.yaml", "heldout10b_barranquilla_safe_city.yaml",
                  "heldout10b_faces_for_export_index.yaml", "heldout10b_tehran_distributor_sanctions.yaml")
# Floors a little under the measured figures, so a regression fails the test.
CORPUS_FLOORS = {"entity_precision": 0.95, "entity_recall": 0.95, "fact_precision": 0.9, "fact_recall": 0.9}
NEW_FLOORS = {"entity_precision": 0.9, "entity_recall": 0.9, "fact_precision": 0.9, "fact_recall": 0.85}
HELDOUT_FLOORS = {"entity_precision": 0.8, "entity_recall": 0.85, "fact_precision": 0.75, "fact_recall": 0.7}
# Measured after the fixes: held-out 2 entities P 0.94 R 1.0, facts P 0.85 R 1.0; fresh
# entities P 0.96 R 1.0, facts P 0.80 R 0.92.  Both sets have been seen since, so the
# floors leave room: their first-pass figures are the generalisation estimate.
HELDOUT2_FLOORS = {"entity_precision": 0.9, "entity_recall": 0.95, "fact_precision": 0.8, "fact_recall": 0.9}
FRESH_FLOORS = {"entity_precision": 0.85, "entity_recall": 0.9, "fact_precision": 0.7, "fact_recall": 0.8}
# Held-out 4: gold written before the extractor ran on them, scored once after the third round
# of general mechanisms and never tuned on: entities P 0.869 R 0.949, facts P 0.694 R 0.739.
HELDOUT4_FLOORS = {"entity_precision": 0.84, "entity_recall": 0.92, "fact_precision": 0.65, "fact_recall": 0.7}
# Held-out 5: first pass after the fourth round: entities P 0.882 R 0.857, facts P 0.783 R 0.560
# (after the fifth round, which fixed its families: 0.94 / 1.00 and 0.97 / 1.00).
HELDOUT5_FLOORS = {"entity_precision": 0.85, "entity_recall": 0.82, "fact_precision": 0.74, "fact_recall": 0.52}
# Held-out 6 and 7 after the sixth round, which fixed their families (first passes in the docstring):
# held-out 6 entities P 1.00 R 0.94, facts P 0.97 R 0.84; held-out 7 entities P 0.96 R 1.00, facts P 0.96 R 0.96.
HELDOUT6_FLOORS = {"entity_precision": 0.95, "entity_recall": 0.9, "fact_precision": 0.9, "fact_recall": 0.8}
HELDOUT7_FLOORS = {"entity_precision": 0.92, "entity_recall": 0.95, "fact_precision": 0.9, "fact_recall": 0.9}
# Held-out 8: first pass after the sixth round: entities P 0.96 R 0.86, facts P 0.86 R 0.57 (after the
# seventh round, which fixed its families: 0.97 / 0.92 and 0.98 / 0.94).
HELDOUT8_FLOORS = {"entity_precision": 0.92, "entity_recall": 0.88, "fact_precision": 0.92, "fact_recall": 0.9}
# Held-out 9: first pass after the seventh round, never tuned on: entities P 0.87 R 0.85, facts P 0.81 R 0.52.
HELDOUT9_FLOORS = {"entity_precision": 0.83, "entity_recall": 0.8, "fact_precision": 0.76, "fact_recall": 0.47}
# Held-out 10: first pass after the seventh round: entities P 0.83 R 0.60, facts P 0.57 R 0.27 (after the
# eighth round, which fixed its families: 0.94 / 0.96 and 0.96 / 0.91).
HELDOUT10_FLOORS = {"entity_precision": 0.9, "entity_recall": 0.92, "fact_precision": 0.92, "fact_recall": 0.86}
# Held-out 11: first pass after the eighth round: entities P 0.88 R 0.71, facts P 0.81 R 0.31 (after the
# ninth round, which fixed its families: 0.96 / 0.92 and 0.96 / 0.91).
HELDOUT11_FLOORS = {"entity_precision": 0.92, "entity_recall": 0.88, "fact_precision": 0.92, "fact_recall": 0.86}
# Held-out 12: first pass after the ninth round: entities P 0.95 R 0.84, facts P 0.78 R 0.24 (after the
# tenth round, which fixed its families: 0.99 / 1.00 and 0.98 / 0.87).
HELDOUT12_FLOORS = {"entity_precision": 0.95, "entity_recall": 0.95, "fact_precision": 0.93, "fact_recall": 0.82}
# Held-out 13: first pass after the tenth round: entities P 0.91 R 0.78, facts P 0.75 R 0.25 (after the
# eleventh round, which fixed some of its families: 0.94 / 0.85 and 0.91 / 0.54; after the twelfth, which took
# its leftovers as a second source: 0.98 / 0.94 and 1.00 / 0.91).
HELDOUT13_FLOORS = {"entity_precision": 0.95, "entity_recall": 0.9, "fact_precision": 0.95, "fact_recall": 0.86}
# Held-out 14: first pass after the eleventh round: entities P 0.89 R 0.89, facts P 0.81 R 0.50 (after the
# twelfth round, which fixed its families: 0.93 / 0.95 and 0.98 / 0.98).
HELDOUT14_FLOORS = {"entity_precision": 0.9, "entity_recall": 0.92, "fact_precision": 0.94, "fact_recall": 0.94}
# Held-out 15: first pass after the twelfth round: entities P 0.90 R 0.75, facts P 0.68 R 0.30 (after the
# thirteenth round, which fixed its families: 0.99 / 0.99 and 1.00 / 0.98).
HELDOUT15_FLOORS = {"entity_precision": 0.95, "entity_recall": 0.95, "fact_precision": 0.95, "fact_recall": 0.93}
# Held-out 16: first pass after the thirteenth round, never tuned on: entities P 0.92 R 0.72, facts P 0.62 R 0.19.
HELDOUT16_FLOORS = {"entity_precision": 0.88, "entity_recall": 0.68, "fact_precision": 0.57, "fact_recall": 0.15}


@dataclass
class Counts:
    """True positives, predictions and gold items for precision and recall."""

    tp_pred: int = 0
    pred: int = 0
    tp_gold: int = 0
    gold: int = 0

    def add(self, other: "Counts") -> None:
        self.tp_pred += other.tp_pred
        self.pred += other.pred
        self.tp_gold += other.tp_gold
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.tp_pred / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 1.0


def _norm(text: object) -> str:
    text = str(text).replace("’", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.lower().split()).strip(" .,")


def value_agrees(gold: object, predicted: object) -> bool:
    """Numbers and booleans equal; texts: one contains the other (normalised)."""
    if isinstance(gold, bool) or isinstance(predicted, bool) or isinstance(gold, int):
        return gold == predicted
    g, p = _norm(gold), _norm(predicted)
    return bool(g) and bool(p) and (g in p or p in g)


def fact_matches(gold: dict, fact: Fact, sentences: dict[int, str]) -> bool:
    """Whether predicted ``fact`` matches ``gold`` (kind, listed roles, listed values, sentence)."""
    kinds = gold["kind"] if isinstance(gold["kind"], list) else [gold["kind"]]
    if fact.kind not in kinds:
        return False
    for role, keys in (gold.get("roles") or {}).items():
        if set(fact.roles.get(role, ())) != set(keys):
            return False
    for name, value in (gold.get("values") or {}).items():
        if name not in fact.values or not value_agrees(value, fact.values[name]):
            return False
    wanted = gold["sentence"] if isinstance(gold["sentence"], list) else [gold["sentence"]]
    return any(_norm(w) in _norm(sentences[e.sentence_index]) for e in fact.evidence for w in wanted)


def score(gold: dict, extraction: Extraction) -> tuple[Counts, Counts, list[str]]:
    """Entity and fact counts for one document, plus a readable list of errors."""
    errors: list[str] = []
    predicted = {(e.key, e.entity_type) for e in extraction.entities}
    gold_all = {(e["key"], e["type"]) for e in gold["entities"]}
    gold_required = {(e["key"], e["type"]) for e in gold["entities"] if not e.get("optional")}
    entities = Counts(len(predicted & gold_all), len(predicted), len(gold_required & predicted),
                      len(gold_required))
    errors += [f"extra entity {x}" for x in sorted(predicted - gold_all)]
    errors += [f"missed entity {x}" for x in sorted(gold_required - predicted)]
    sentences = {s.index: s.text for s in extraction.sentences}
    facts = Counts(pred=len(extraction.facts))
    for f in extraction.facts:
        if any(fact_matches(g, f, sentences) for g in gold["facts"]):
            facts.tp_pred += 1
        else:
            errors.append(f"extra fact {f.kind} {dict(f.roles)} {f.values} "
                          f"@{f.evidence[0].sentence_index}")
    for g in gold["facts"]:
        if g.get("optional"):
            continue
        facts.gold += 1
        if any(fact_matches(g, f, sentences) for f in extraction.facts):
            facts.tp_gold += 1
        else:
            errors.append(f"missed fact {g['kind']} {g.get('roles')} {g.get('values')} ~ {g['sentence']!r}")
    return entities, facts, errors


@lru_cache(maxsize=None)
def evaluate(names: tuple[str, ...]) -> tuple[Counts, Counts, tuple[str, ...]]:
    """Micro-averaged counts over the gold files ``names``."""
    entities, facts, errors = Counts(), Counts(), []
    for name in names:
        gold = yaml.safe_load((GOLD / name).read_text(encoding="utf-8"))
        extraction = extract_document(read_document(ROOT / gold["document"]))
        e, f, errs = score(gold, extraction)
        entities.add(e)
        facts.add(f)
        errors += [f"{name}: {x}" for x in errs]
    return entities, facts, tuple(errors)


def _figures(names: tuple[str, ...]) -> dict[str, float]:
    entities, facts, _ = evaluate(names)
    return {"entity_precision": entities.precision, "entity_recall": entities.recall,
            "fact_precision": facts.precision, "fact_recall": facts.recall}


@pytest.mark.parametrize("names, floors", [(CORPUS_GOLD, CORPUS_FLOORS), (NEW_GOLD, NEW_FLOORS),
                                           (HELDOUT_GOLD, HELDOUT_FLOORS), (HELDOUT2_GOLD, HELDOUT2_FLOORS),
                                           (FRESH_GOLD, FRESH_FLOORS), (HELDOUT4_GOLD, HELDOUT4_FLOORS),
                                           (HELDOUT5_GOLD, HELDOUT5_FLOORS), (HELDOUT6_GOLD, HELDOUT6_FLOORS),
                                           (HELDOUT7_GOLD, HELDOUT7_FLOORS), (HELDOUT8_GOLD, HELDOUT8_FLOORS),
                                           (HELDOUT9_GOLD, HELDOUT9_FLOORS), (HELDOUT10_GOLD, HELDOUT10_FLOORS),
                                           (HELDOUT11_GOLD, HELDOUT11_FLOORS), (HELDOUT12_GOLD, HELDOUT12_FLOORS),
                                           (HELDOUT13_GOLD, HELDOUT13_FLOORS), (HELDOUT14_GOLD, HELDOUT14_FLOORS),
                                           (HELDOUT15_GOLD, HELDOUT15_FLOORS), (HELDOUT16_GOLD, HELDOUT16_FLOORS)],
                         ids=["corpus", "new-documents", "held-out", "held-out-2", "fresh", "held-out-4",
                              "held-out-5", "held-out-6", "held-out-7", "held-out-8", "held-out-9", "held-out-10",
                              "held-out-11", "held-out-12", "held-out-13", "held-out-14", "held-out-15",
                              "held-out-16"])
def test_quality_floors(names: tuple[str, ...], floors: dict[str, float]) -> None:
    figures = _figures(names)
    print(" ".join(f"{k}={v:.3f}" for k, v in figures.items()))
    low = {k: round(v, 3) for k, v in figures.items() if v < floors[k]}
    assert not low, f"below floor {floors}: {low}\n" + "\n".join(evaluate(names)[2])


def test_matching_rejects_wrong_role() -> None:
    """The scorer itself: a fact with a different exporter does not match."""
    fact = Fact("DealStatistic", {"exporter": ("country/US",)}, {"dealCount": 201},
                [Evidence("d", 0, 0, 5, "x", "r", 1.0)])
    gold = {"kind": "DealStatistic", "roles": {"exporter": ["country/CN"]}, "values": {"dealCount": 201},
            "sentence": "201 deals"}
    assert not fact_matches(gold, fact, {0: "China: 201 deals"})
    gold["roles"]["exporter"] = ["country/US"]
    assert fact_matches(gold, fact, {0: "China: 201 deals"})


if __name__ == "__main__":
    for label, names in (("corpus", CORPUS_GOLD), ("new documents", NEW_GOLD), ("held-out", HELDOUT_GOLD),
                         ("held-out 2", HELDOUT2_GOLD), ("fresh", FRESH_GOLD), ("held-out 4", HELDOUT4_GOLD),
                         ("held-out 5", HELDOUT5_GOLD)):
        entities, facts, errors = evaluate(names)
        print(f"{label}: entities P={entities.precision:.3f} R={entities.recall:.3f} "
              f"({entities.tp_pred}/{entities.pred}, {entities.tp_gold}/{entities.gold}); "
              f"facts P={facts.precision:.3f} R={facts.recall:.3f} "
              f"({facts.tp_pred}/{facts.pred}, {facts.tp_gold}/{facts.gold})")
        print("\n".join("  " + e for e in errors))
