"""Phrasing families of the eleventh generalisation round: deals.

Every sentence is a dev sentence written for its family (different wording, names, numbers and
countries from the held-out 13 documents); the tests assert the facts the real pipeline extracts.
"""
from __future__ import annotations

from tests.extraction import run, stats, trades


def test_contract_amount_opens_on_any_currency_sign() -> None:
    """Family: "X had signed a €2.1 million contract with the ministry in <month year>": the deal
    noun's amount may open on £, € or ¥ (not only $), and "the ministry" is the body named before."""
    assert trades("Norway's Interior Ministry bought cameras last year. Anna Berg said Idemia had signed a "
                  "€2.1 million contract with the ministry in June 2023 to supply face recognition software.") == [
        ("Deal", ("org/idemia",), ("org/interior-ministry",), 2_100_000, "EUR", "2023-06")]
    assert trades("In May 2022 Cognitec signed a £900,000 contract with South Wales Police to supply face "
                  "recognition software.") == [
        ("Deal", ("org/cognitec",), ("org/south-wales-police",), 900_000, "GBP", "2022-05")]


def test_board_approved_contract_with_seller() -> None:
    """Family: "Y will deploy T after its council approved a $N contract with X": an approved
    contract is a deal of X with the clause's buyer."""
    assert trades("The Denver Police Department will deploy face recognition software after its council "
                  "approved a $2.5-million contract with Idemia.") == [
        ("Deal", ("org/idemia",), ("org/denver-police-department",), 2_500_000, "USD", None)]
    assert trades("Lagos State Police will install face recognition cameras after the governor approved "
                  "a contract with Hikvision in 2021.") == [
        ("Deal", ("org/hikvision",), ("org/lagos-state-police",), None, None, "2021")]


def _measures(text: str) -> list[tuple]:
    """(kind, imposedBy, restrictsTechnology) of every measure."""
    return [(f.kind, f.roles.get("imposedBy"), f.roles.get("restrictsTechnology"))
            for f in run(text).facts if f.kind in ("Sanction", "ExportRestriction", "Regulation")]


def test_voted_ban_on_technology_use_is_regulation() -> None:
    """Family: "<legislature> voted (N-M) to ban (live) T in public spaces / at stadiums": a voted
    ban is a law; with no trade in the sentence it limits the technology's use."""
    assert _measures("Chile's Senate voted 30-9 on Tuesday to ban real-time face recognition in public spaces.") == [
        ("Regulation", ("country/CL",), ("technology/face-recognition",))]
    assert _measures("Argentina's parliament voted to ban face recognition at football stadiums.") == [
        ("Regulation", ("country/AR",), ("technology/face-recognition",))]
    assert _measures("Chile's Senate voted to ban exports of face recognition to Iran.") == [
        ("ExportRestriction", ("country/CL",), ("technology/face-recognition",))]


def test_country_reach_after_decimal_amount() -> None:
    """Family: "the firm sold systems worth €7.5m to 12 countries in 2023": a decimal point in the
    amount between the verb and the count is no sentence end."""
    assert stats("Cognitec is growing. The firm sold systems worth €7.5m to 12 countries in 2023, "
                 "up from €5m the year before.") == {"org/cognitec": (None, 12, None)}
    assert stats("Idemia exported face recognition gates worth $2.25 billion to 31 countries last year.") == {
        "org/idemia": (None, 31, None)}


def test_contract_awarded_to_seller_after_unnamed_one() -> None:
    """Family: "Y approved a $N contract with an <place> company. The contract, awarded <date>, to
    <place>-based X, ...": the later sentence names the seller of the contract before, which keeps
    its buyer and amount; an abbreviated month ("Sept. 18, 2026") dates it."""
    assert trades("The Denver Police Department will deploy face recognition cameras after its board approved a "
                  "$3.1-million contract with an Ohio company. The contract, awarded Dec. 4, 2025, to "
                  "Cincinnati-based Idemia, covers 200 cameras.") == [
        ("Deal", ("org/idemia",), ("org/denver-police-department",), 3_100_000, "USD", "2025-12-04")]
    assert trades("South Wales Police approved a £2 million agreement with a Welsh supplier for face recognition "
                  "cameras. The agreement, granted in June 2024 to the French firm Thales, runs for three years.") == [
        ("Deal", ("org/thales",), ("org/south-wales-police",), 2_000_000, "GBP", "2024-06")]


def test_bare_dollar_in_a_story_set_in_a_dollar_country() -> None:
    """Family: a story set in Canada or Australia (its first place or country) writes its own
    dollars as a bare "$"; "US$" stays US dollars."""
    assert trades("Australia's Home Affairs department approved a $40 million contract with NEC for face "
                  "recognition gates.") == [("Deal", ("org/nec",), ("country/AU",), 40_000_000, "AUD", None)]
    assert trades("Canada's RCMP signed a US$1.5 million contract with Clearview AI for face recognition.") == [
        ("Deal", ("org/clearview-ai",), ("country/CA",), 1_500_000, "USD", None)]


def test_labelled_fragments_price_and_date_the_deal_before() -> None:
    """Family: a newsletter item "X has sold N cameras to Y. Value: $N. Signed <day month> in <city>.":
    the labelled fragments price and date the deal just before (the day takes the story's year)."""
    assert trades("Lima, 2 March 2025. Idemia has sold 300 face recognition cameras to Peru. Value: $4.2 million. "
                  "Signed 9 March in Lima.") == [
        ("Deal", ("org/idemia",), ("country/PE",), 4_200_000, "USD", "2025-03-09")]
    assert trades("Hikvision sold face recognition cameras to Ecuador. Worth €3m.") == [
        ("Deal", ("org/hikvision",), ("country/EC",), 3_000_000, "EUR", None)]
    assert trades("Hikvision sold face recognition cameras to Ecuador. The minister praised it. "
                  "Value: not disclosed.") == [("Deal", ("org/hikvision",), ("country/EC",), None, None, None)]


def _vetoes(text: str) -> list[tuple]:
    """(kind, imposedBy, targets, amount) of every measure."""
    return [(f.kind, f.roles.get("imposedBy"), f.roles.get("targets"), f.values.get("amount"))
            for f in run(text).facts if f.kind in ("Sanction", "ExportRestriction", "Regulation")]


def test_blocked_takeover_targets_the_acquirer() -> None:
    """Family: "<country> has blocked/prohibited the $N acquisition of X by (the Chinese firm / Hong
    Kong's) Y": a government veto on a deal is a measure aimed at the buyer Y, not at X; the deal's
    price is no fine."""
    assert _vetoes("France has blocked the $1.1bn acquisition of Idemia by the Chinese firm Hikvision, "
                   "citing national security.") == [("Regulation", ("country/FR",), ("org/hikvision",), None)]
    assert _vetoes("Italy prohibited the takeover of Cognitec by Hong Kong's SenseTime on security grounds.") == [
        ("Regulation", ("country/IT",), ("org/sensetime",), None)]


def test_body_issuing_the_order_of_the_measure_before() -> None:
    """Family: "<Body> published its veto decision / signed the decree on <date>": the body and the
    day that put the measure of the sentence before in force (nothing when only talked about)."""
    assert _vetoes("France has blocked the $1.1bn acquisition of Idemia by the Chinese firm Hikvision. The "
                   "Ministry of Economy published its veto decision on 4 March 2025 after a review.") == [
        ("Regulation", ("country/FR",), ("org/hikvision",), None),
        ("Regulation", ("org/ministry-of-economy",), ("org/hikvision",), None)]
    text = ("Italy prohibited the takeover of Cognitec by Hong Kong's SenseTime. The Council of Ministers "
            "signed the decree on 9 May 2024.")
    assert [f.values.get("startDate") for f in run(text).facts if f.kind == "Regulation"] == [None, "2024-05-09"]
    assert len(_vetoes("Italy prohibited the takeover of Cognitec by Hong Kong's SenseTime. The Council of "
                       "Ministers could have signed the decree on 9 May 2024.")) == 1
