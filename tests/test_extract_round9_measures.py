"""Phrasing families of the ninth generalisation round: measures and statistics.

Every sentence is a dev sentence written for its family (different wording, names, numbers and
countries from the held-out 11 documents); the tests assert the facts the real pipeline extracts.
"""
from __future__ import annotations

from tests.extraction import facts, run

MEASURES = ("Sanction", "ExportRestriction", "Regulation")


def measures(text: str) -> list[tuple]:
    """(kind, imposedBy, targets, startDate, sentence index) of every measure."""
    return [(f.kind, f.roles.get("imposedBy"), f.roles.get("targets"), f.values.get("startDate"),
             f.evidence[0].sentence_index)
            for f in run(text).facts if f.kind in MEASURES]


def stats(text: str) -> set[tuple]:
    """(exporter, dealCount, countryCount, sentence index) of every DealStatistic."""
    return {(f.roles["exporter"][0], f.values.get("dealCount"), f.values.get("countryCount"),
             f.evidence[0].sentence_index) for f in facts(text, "DealStatistic")}


# -- statistics -----------------------------------------------------------------------------------

def test_first_person_figures_are_the_speakers_firm() -> None:
    """Family: "We had customers in N countries", "we signed N export contracts" in an interview in
    questions and answers (the firm it is about) or in a quote (the speaker's firm)."""
    text = ("Pablo Morales is sales director of Idemia, a French maker of face recognition systems.\n\n"
            "Q: Where do you sell?\n\nMorales: We had customers in 18 countries in 2024. Last year we signed "
            "40 export contracts.\n\nQ: And in Asia?\n\nMostly airports.")
    assert stats(text) == {("org/idemia", None, 18, 2), ("org/idemia", 40, None, 3)}
    text = '"We now sell our face recognition cameras to 40 countries," said Maria Lopez, chief executive of Hikvision.'
    assert stats(text) == {("org/hikvision", None, 40, 0)}
    # no interview and no quoted speaker: "we" is nobody the text names
    assert stats("We had customers in 18 countries using face recognition.") == set()


def test_country_counts_in_number_words_and_states() -> None:
    """Family: counts of supplied countries as "States", in number words, elided ("France supplied
    nine and Italy four") and shared ("were each named as the supplier to two countries")."""
    text = ("At least 30 States have bought face recognition systems since 2019. The report found that Germany "
            "was the largest source, with German vendors supplying at least 19 of those States. France supplied "
            "nine and Italy four; Brazil and South Africa were each named as the supplier to two countries.")
    assert stats(text) == {("country/DE", None, 19, 1), ("country/FR", None, 9, 2), ("country/IT", None, 4, 2),
                           ("country/BR", None, 2, 2), ("country/ZA", None, 2, 2)}
    # "the United States" is no count of States
    assert stats("The United States supplied face recognition cameras to Peru.") == set()


def test_market_size_estimate_is_a_claim() -> None:
    """Family: "X puts/values the <region> <technology> market at <amount>": the estimate is X's claim."""
    text = ("The consultancy Frost & Sullivan puts the Indian face recognition market at US$450m in 2025 "
            "and expects it to double by 2030.")
    [claim] = facts(text, "Claim")
    assert claim.roles == {"claimant": ("org/frost-sullivan",)}
    assert (claim.values["amount"], claim.values["currency"]) == (450_000_000, "USD")
    [claim] = facts("The market research firm Omdia values the Brazilian video surveillance market at "
                    "2.3 billion reais.", "Claim")
    assert claim.roles == {"claimant": ("org/omdia",)} and claim.values["currency"] == "BRL"


# -- measures -------------------------------------------------------------------------------------

def test_named_export_rules() -> None:
    """Family: a named export rule ("listed under the EU Dual-Use Regulation since 2019", "we also
    check Japan's Export Control Regulations") imposed by its owner, covering the story's technology."""
    text = ("Face recognition software has been listed under the EU Dual-Use Regulation since 2019. Since our "
            "cameras contain Japanese sensors, we also check Japan's Export Control Regulations.")
    assert measures(text) == [("ExportRestriction", ("org/european-union",), None, "2019", 0),
                              ("ExportRestriction", ("country/JP",), None, None, 1)]


def test_licence_requirement_by_coordinated_countries() -> None:
    """Family: "only X and Y make such exports subject to a licence": both impose it, on the technology
    the exports are of."""
    text = ("Sweden has long worried about face recognition technology. Today only Sweden and Finland make "
            "such exports subject to a licence.")
    [f] = facts(text, "ExportRestriction")
    assert f.roles == {"imposedBy": ("country/SE", "country/FI"),
                       "restrictsTechnology": ("technology/face-recognition",)}


def test_refused_trade_because_of_sanctions() -> None:
    """Family: "We do not sell to A or B because X sanctions forbid it": the sanction is stated (the
    negation is of the trade; "not only" negates nothing) and its targets are the refused destinations."""
    assert measures("We no longer ship to Syria or North Korea because UN sanctions prohibit it.") == [
        ("Sanction", ("org/united-nations",), ("country/SY", "country/KP"), None, 0)]
    assert measures("The company stopped selling to Iran and Cuba, and not only because US sanctions ban it.") == [
        ("Sanction", ("country/US",), ("country/IR", "country/CU"), None, 0)]
    assert measures("We would never sell to Iran if US sanctions were imposed.") == []


def test_dated_decision_and_days_without_a_year() -> None:
    """Family: "The decision, dated 17 October and published on Thursday" dates the measure before; "On
    2 March," takes the year of the story's dateline or byline."""
    text = ("PARIS, 20 October 2025 — France's data protection authority, the CNIL, has fined Clearview AI "
            "€20 million for collecting photos of French residents. The decision, dated 17 October and "
            "published on Thursday, found that the firm had no legal basis.")
    assert measures(text) == [("Sanction", ("org/cnil",), ("org/clearview-ai",), "2025-10-17", 0),
                              ("Sanction", ("org/cnil",), ("org/clearview-ai",), "2025-10-17", 1)]
    text = ("By Jane Roe, 5 Mar 2026\n\nOn 2 March, the US Commerce Department added Megvii and two of its "
            "suppliers, Hangzhou-based Dahua and Hong Kong-based SenseTime, to the Entity List.")
    assert measures(text) == [("ExportRestriction", ("org/us-department-of-commerce",),
                               ("org/megvii", "org/dahua", "org/sensetime"), "2026-03-02", 1)]


def test_use_ban_on_a_firm_and_compliance() -> None:
    """Family: a regulator barring a firm "from using face recognition" regulates its use (a ban on using
    a named country's goods stays a trade restriction); "complies fully with X law" states no measure."""
    text = ("The Dutch data protection authority barred Clearview AI from using face recognition on Dutch "
            "citizens. The US barred Huawei from using American chips.")
    assert measures(text) == [("Regulation", ("org/dutch-data-protection-authority",), ("org/clearview-ai",), None, 0),
                              ("ExportRestriction", ("country/US",), ("org/huawei",), None, 1)]
    assert measures("The vendor said its face recognition cameras comply fully with Polish law.") == []
