"""Phrasing families of the tenth generalisation round: deals, statistics, sanctions and export
restrictions.

Every sentence is a dev sentence written for its family (different wording, names, numbers and
countries from the held-out 12 documents); the tests assert the facts the real pipeline extracts.
"""
from __future__ import annotations

from tests.extraction import run, trades


def measures(text: str) -> list[tuple]:
    """(kind, imposedBy, targets, startDate) of every measure."""
    return [(f.kind, f.roles.get("imposedBy"), f.roles.get("targets"), f.values.get("startDate"))
            for f in run(text).facts if f.kind in ("Sanction", "ExportRestriction", "Regulation")]


def statistics(text: str) -> list[tuple]:
    """(exporter, dealCount, rank, countryCount) of every DealStatistic."""
    return [(f.roles.get("exporter"), f.values.get("dealCount"), f.values.get("rank"), f.values.get("countryCount"))
            for f in run(text).facts if f.kind == "DealStatistic"]


# -- deals ----------------------------------------------------------------------------------------

def test_maker_and_buyer_in_two_passives() -> None:
    """Family: "The system was built by X and bought by Y under a contract worth N": a deal of X
    with Y; "The deal, signed on <date>" dates it."""
    assert trades("Vienna installed face recognition cameras in 2024. The system was built by the Chinese company "
                  "Hikvision and bought by the Ministry of Interior under a contract worth 95 million korunas. "
                  "The deal, signed on 3 May 2024, covers 30 cameras.") == [
        ("Deal", ("org/hikvision",), ("org/ministry-of-interior",), 95_000_000, "CZK", "2024-05-03")]
    assert trades("Face recognition gates arrived at Zagreb airport last year. The gates were made by the French "
                  "firm Idemia and later procured by the Croatian Border Police for 4 million euros.") == [
        ("Deal", ("org/idemia",), ("org/croatian-border-police",), 4_000_000, "EUR", None)]


LEAD_IN = ("Lyon-based Idemia reported sales of EUR 900 million for face recognition systems.\n\n"
           "The two largest public-sector accounts were listed in the annual report:\n\n")


def test_contracts_listed_under_a_lead_in() -> None:
    """Family: list items under a lead-in ending in a colon, each opening on a buyer (", under a
    contract", ", which awarded the firm a contract", ", whose deal"): deals of the firm the
    document is about."""
    text = LEAD_IN + (
        "- Peru's Ministry of Justice, under a four-year contract worth US$12 million signed in June 2025 for "
        "prison gates.\n"
        "- Chile's Carabineros Command, which awarded the firm a 9 million euro contract in 2024 to equip 30 "
        "stations.\n"
        "- The Kenya Revenue Authority, whose KES 800 million verification deal, signed in May, is the firm's "
        "largest.\n")
    assert trades(text) == [
        ("Deal", ("org/idemia",), ("org/ministry-of-justice",), 12_000_000, "USD", "2025-06"),
        ("Deal", ("org/idemia",), ("org/carabineros-command",), 9_000_000, "EUR", "2024"),
        ("Deal", ("org/idemia",), ("org/kenya-revenue-authority",), 800_000_000, "KES", None)]
    # no lead-in: an appositive with a contract is not a listed account
    assert [t for t in trades("Lyon-based Idemia sells face recognition systems. Peru's Ministry of Justice, "
                              "under a contract worth US$12 million, is its client.") if t[2]] == []


# -- statistics -----------------------------------------------------------------------------------

def test_transfers_counted_and_ranked_in_one_sentence() -> None:
    """Family: "X firms account for N of the transfers, putting X first; Y is second with M, and Z
    third with K": the firms' country ranks as the clause after the figure says."""
    assert statistics("The authors compiled a dataset of 2,310 transfers of surveillance cameras. Russian firms "
                      "account for 512 of the transfers, putting Russia first by a wide margin; France is second "
                      "with 301, and Japan third with 77.") == [
        (("country/RU",), 512, 1, None), (("country/FR",), 301, 2, None), (("country/JP",), 77, 3, None)]
    assert statistics("The study logs 700 transfers of face recognition systems. Israeli vendors made 140 of "
                      "the transfers, leaving Israel second.") == [(("country/IL",), 140, 2, None)]


def test_a_firm_appears_in_n_of_the_records() -> None:
    """Family: "X alone appears in N of the entries", "Y features in M of them": a firm's share."""
    assert statistics("The dataset lists 900 transfers of face recognition systems. Dahua alone appears in 240 "
                      "of the entries, and NEC features in 55 of them.") == [
        (("org/dahua",), 240, None, None), (("org/nec",), 55, None, None)]


def test_the_company_sells_to_customers_in_n_countries() -> None:
    """Family: "told analysts that the company/group now supplies ... in N countries": the firm
    the document named last before."""
    assert statistics("Paris-based Idemia reported higher sales on Tuesday. Its finance chief told analysts "
                      "that the company now supplies border agencies in 41 countries, up from 35.") == [
        (("org/idemia",), None, None, 41)]
    assert statistics("Hikvision published its annual report on Friday. Managers said the group also sells to "
                      "police forces in 19 countries.") == [(("org/hikvision",), None, None, 19)]


# -- sanctions and export restrictions ------------------------------------------------------------

RELEASE = ("The Canadian Government has today imposed targeted sanctions and travel bans on three Russian "
           "technology companies and two officials responsible for the surveillance of protesters. "
           "The listings, made under the Special Economic Measures Regulations, cover NtechLab and Hikvision. "
           "Also listed are Mr Ivan Petrov, deputy head of the Moscow Police, and Ms Olga Smirnova. "
           "The sanctions take effect on 3 March 2027.")


def test_a_government_named_by_its_demonym_imposes() -> None:
    """Family: "The <demonym> Government has imposed sanctions on N <collective>": the country."""
    assert measures(RELEASE)[0] == ("Sanction", ("country/CA",), ("group/russian-technology-companies",), None)
    assert measures("The Japanese Government imposed sanctions on two Iranian surveillance firms.") == [
        ("Sanction", ("country/JP",), ("group/iranian-surveillance-firms",), None)]


def test_listing_members_named_in_the_following_sentences() -> None:
    """Family: "The listings, made under ..., cover A and B." / "Also listed are C, <post>, and D":
    the members of the measure before (people, not the bodies their posts name); "The sanctions take
    effect on <date>" dates it."""
    assert measures(RELEASE)[1:] == [
        ("Sanction", ("country/CA",), ("org/ntechlab", "org/hikvision"), None),
        ("Sanction", ("country/CA",), ("person/ivan-petrov", "person/olga-smirnova"), None),
        ("Sanction", ("country/CA",), ("person/ivan-petrov", "person/olga-smirnova"), "2027-03-03")]


def test_sanctions_take_effect_far_after_the_listing() -> None:
    """Family: "The sanctions take effect on <date>" several sentences after the listing, after an
    export restriction: the last sanction, however far."""
    text = ("The Japanese Government imposed sanctions on two Iranian surveillance firms. Officials gave no "
            "further detail. The ministry also said little. Separately, Japan banned exports of thermal cameras "
            "to Iran. The sanctions take effect on 9 April 2027.")
    assert measures(text)[-1] == ("Sanction", ("country/JP",), ("group/iranian-surveillance-firms",), "2027-04-09")


def test_partners_acting_in_coordination() -> None:
    """Family: "X acted in concert with A and the B, which adopted similar measures": A and B impose
    the measure before, on the same targets."""
    text = ("The Canadian Government has today imposed targeted sanctions on three Russian technology companies. "
            "Canada has acted in concert with Japan and the European Union, which adopted similar measures on "
            "Monday.")
    assert measures(text)[-1] == ("Sanction", ("country/JP", "org/european-union"),
                                  ("group/russian-technology-companies",), None)
    assert len(measures("Canada worked together with Japan on a trade report.")) == 0


def test_export_permits_refused() -> None:
    """Family: "has refused N export licence/permit applications for goods to be shipped to X": an
    export restriction by the refusing body on the destination."""
    assert measures("In addition, the Ministry of Economy has refused two export licence applications for "
                    "thermal camera sensors that were to be shipped to Hikvision.") == [
        ("ExportRestriction", ("org/ministry-of-economy",), ("org/hikvision",), None)]
    assert measures("Last year Germany denied four export permits for face recognition software destined for "
                    "the Belarusian police.") == [
        ("ExportRestriction", ("country/DE",), ("org/belarusian-police",), None)]


def test_sales_licensed_by_a_body() -> None:
    """Family: "every export outside the EU is approved by X", "All sales ... must be licensed by
    Y": an export licence requirement Y imposes on the technology the document is about."""
    assert measures("Idemia sells face recognition gates. Its chief executive said every export outside the "
                    "EU is approved by France's Ministry of Defence.") == [
        ("ExportRestriction", ("org/ministry-of-defence",), None, None)]
    assert measures("NEC makes face recognition software. All sales to police forces abroad must be licensed "
                    "by the Ministry of Economy, Trade and Industry.") == [
        ("ExportRestriction", ("org/ministry-of-economy-trade-and-industry",), None, None)]


def test_equipment_already_used_abroad() -> None:
    """Family: "X, whose cameras are already used by police in A and B": X's deals, one per
    country; X may be the short name of a firm named before ("Hanwha" for Hanwha Vision)."""
    assert trades("The cameras were installed by Hanwha Vision last year. Hanwha, whose cameras are already "
                  "used by police in Chile and Peru, declined to comment.") == [
        ("Deal", ("org/hanwha-vision",), ("country/CL",), None, None, None),
        ("Deal", ("org/hanwha-vision",), ("country/PE",), None, None, None)]
    assert trades("Idemia, whose face recognition gates have been deployed in Kenya and Uganda, said little.") == [
        ("Deal", ("org/idemia",), ("country/KE",), None, None, None),
        ("Deal", ("org/idemia",), ("country/UG",), None, None, None)]


def test_a_study_measures_a_change_in_a_share() -> None:
    """Family: "the share of X fell/rose from N per cent ... to M per cent" in a document about a
    study: the study's claim."""
    text = ("A study by Ana Torres of the University of Chile examined police records. In cities with face "
            "recognition, the share of arrests ending in charges fell from 40 per cent in 2019 to 22 per cent in "
            "2023.")
    claims = [(f.roles["claimant"], f.values["claimText"]) for f in run(text).facts if f.kind == "Claim"]
    assert claims == [(("study/torres",), "the share of arrests ending in charges fell from 40 per cent in 2019 "
                                          "to 22 per cent")]
    assert [f for f in run("In Lima the share of arrests fell from 40 per cent to 22 per cent.").facts
            if f.kind == "Claim"] == []  # no study: nobody to claim it


def test_what_the_authors_found() -> None:
    """Family: "A and B found no such drop ...", the study's authors opening the sentence: their
    claim; people who wrote no study found nothing here."""
    text = ("A study by Ana Torres and Pablo Diaz of the University of Chile examined police records. Torres and "
            "Diaz found no such drop in smaller towns.")
    claims = [(f.roles["claimant"], f.values["claimText"]) for f in run(text).facts if f.kind == "Claim"]
    assert claims == [(("person/ana-torres", "person/pablo-diaz"), "no such drop in smaller towns")]
    assert [f for f in run("Ana Torres found her keys in Lima.").facts if f.kind == "Claim"] == []
