"""Phrasing families of the thirteenth generalisation round: deals and money.

Every sentence is a dev sentence written for its family (different wording, names, numbers and
countries from the held-out 15 documents); the tests assert the facts the real pipeline extracts.
"""
from __future__ import annotations

from frkg.facts.dates import find_date
from frkg.facts.money import find_amount
from tests.extraction import entities, trades

NOTICE = """CONTRACT AWARD NOTICE
Title: Supply of face recognition kiosks for passport offices

Section I: Contracting authority
Official name: National Identity Documents Directorate
Postal address: Brivibas iela 12, Riga, Latvia

Section V: Award of contract

Lot No: 1
Date of conclusion of the contract: 03/11/2025
Name and address of the contractor: Veridos GmbH, Berlin, Germany
Total value of the contract/lot: EUR 4.250.000,00

Lot No: 2
Date of conclusion of the contract: 21/10/2025
The contract has been awarded to a group of economic operators: yes
Contractor 1 (group leader): Kurzeme Biometrics SIA, Liepaja, Latvia
Contractor 2: Daugava Data Systems SIA, Riga, Latvia
Total value of the contract/lot: EUR 1.780.500,50
"""


def test_european_amounts_and_day_first_dates() -> None:
    """Family: amounts with dots for thousands and a comma for decimals ("EUR 4.250.000,00", "CHF 9,5
    million") and dates written dd/mm/yyyy or d.m.yyyy; English notation is read as before."""
    assert find_amount("Total value: EUR 4.250.000,00")[:2] == (4_250_000, "EUR")
    assert find_amount("a budget of CHF 9,5 million")[:2] == (9_500_000, "CHF")
    assert find_amount("worth $1,250,000.50")[:2] == (1_250_000.5, "USD")
    assert find_amount("worth $4.2 million")[:2] == (4_200_000, "USD")
    assert find_date("Date of conclusion of the contract: 03/11/2025")[0] == "2025-11-03"
    assert find_date("Submitted: 9.4.2024")[0] == "2024-04-09"
    assert find_date("signed on 12/31/2024 in Ohio")[0] == "2024-12-31"  # a month-first date when the day says so


def test_award_notice_fields_one_deal_per_contractor() -> None:
    """Family: an award notice written as "Label: value" lines, repeated per lot: one deal per
    contractor, priced and dated by the fields of its own lot, bought by the contracting authority."""
    assert trades(NOTICE) == [
        ("Deal", ("org/veridos",), ("org/national-identity-documents-directorate",), 4_250_000, "EUR", "2025-11-03"),
        ("Deal", ("org/kurzeme-biometrics",), ("org/national-identity-documents-directorate",), 1_780_500.5, "EUR",
         "2025-10-21"),
        ("Deal", ("org/daugava-data-systems",), ("org/national-identity-documents-directorate",), 1_780_500.5, "EUR",
         "2025-10-21")]
    found = entities(NOTICE)
    assert {("org/veridos", "Firm"), ("org/daugava-data-systems", "Firm"),
            ("org/national-identity-documents-directorate", "GovernmentBody")} <= found


def test_award_notice_with_contractor_under_a_heading() -> None:
    """Family: the same notice in the newer layout: "Buyer" / "Official name: X", "Lot 1", a contractor
    heading ("Winner", "Name and address of the contractor") over "Official name: Y": the contractor's
    official name is no buyer."""
    text = ("Contract award notice - Results\nObject: Facial recognition cameras for the national police\n\nBuyer\n"
            "Official name: Ministry of the Interior\nTown: Tallinn\n\nLot 1\nWinner\n"
            "Official name: Sapphire Vision Systems Ltd\nTown: Dublin\n"
            "Date of the conclusion of the contract: 14.02.2025\nValue of the contract: EUR 2.400.000,00\n")
    assert trades(text) == [("Deal", ("org/sapphire-vision-systems",), ("org/ministry-of-the-interior",), 2_400_000,
                             "EUR", "2025-02-14")]


def test_importer_first_relative_clause_with_described_seller() -> None:
    """Family: "a <amount> contract that <buyer> signed with a <maker> reseller, <seller>, in <date>":
    the firm in apposition to the description sells, the relative clause's subject buys."""
    text = ("The audit lists a €2.7 million contract that the Municipality of Kaunas signed with a Hikvision "
            "reseller, Nordlys Secure Systems, in May 2023, covering 300 cameras with face recognition.")
    assert trades(text) == [("Deal", ("org/nordlys-secure-systems",), ("org/municipality-of-kaunas",), 2_700_000,
                             "EUR", "2023-05")]
    text = ("It also cites a $640,000 agreement that the Ministry of Transport concluded with an Axis partner, "
            "Tarn Vision Labs, in 2022 for face recognition at toll plazas.")
    assert trades(text) == [("Deal", ("org/tarn-vision-labs",), ("org/ministry-of-transport",), 640_000, "USD",
                             "2022")]


def test_buyers_unnamed_bought_from_two_firms() -> None:
    """Family: "<unnamed buyers> bought T from A and B between <year> and <year>": one export sold by
    both firms."""
    text = ("At least nine hospitals in four provinces bought face recognition terminals from ZTE and Huawei "
            "between 2019 and 2021.")
    assert [t[:3] for t in trades(text)] == [("Export", ("org/zte", "org/huawei"), None)]
    text = "Several regional airports purchased face recognition gates from Idemia and NEC."
    assert [t[:3] for t in trades(text)] == [("Export", ("org/idemia", "org/nec"), None)]
    # when a source was published dates no purchase; the buyers' country is the party before the verb
    text = ("According to a report published on 3 June 2024 by Privacy International, at least 30 towns in Serbia "
            "bought face recognition cameras from Hikvision between 2020 and 2023.")
    assert trades(text) == [("Deal", ("org/hikvision",), ("country/RS",), None, None, "2020")]


def test_it_concluded_contract_then_value_in_next_sentence() -> None:
    """Family: "<Firm> is a <place> company ... On <date> it concluded a contract with <body>. The
    contract, worth <amount>, ...": "it" is the firm the text is about; the next sentence prices it (a
    country after "in" there is where, not another party)."""
    text = ("Lumen Optics Ltd is a Glasgow company that sells face recognition kiosks. On 3 May 2023 it signed a "
            "provisional agreement with the Ministry of Interior of Kenya for 80 kiosks. The agreement, worth "
            "USD 1.4 million, would take effect only once a licence was granted in the United Kingdom.")
    assert trades(text)[-1] == ("Deal", ("org/lumen-optics",), ("org/ministry-of-interior-of-kenya",), 1_400_000,
                                "USD", "2023-05-03")
    # "it" after a sentence whose subject is no firm is not that sentence's firm
    assert trades("The Ministry of Justice chose Safaricom for the project. In 2021 it signed a contract with the "
                  "National Police Service for face recognition cameras.") == []


def test_demonym_vendor_as_exporting_country() -> None:
    """Family: "A <demonym> vendor/company reportedly supplied T to ...": with no firm named, the
    seller is the country of the demonym."""
    assert trades("In 2024 a Swedish supplier reportedly sold face recognition software to the police of an "
                  "African state.") == [("Export", ("country/SE",), None, None, None, "2024")]
    assert [t[:2] for t in trades("A Canadian company allegedly delivered facial recognition cameras to the "
                                  "prison service.")] == [("Export", ("country/CA",))]
    # a named firm after the demonym is still the seller
    assert [t[:2] for t in trades("A French company, Idemia, supplied face recognition gates to the airport.")] == [
        ("Export", ("org/idemia",))]
    # "the <demonym> company" refers back to the firm named before
    assert [t[:2] for t in trades("Corsight AI makes face recognition software. The Israeli company supplied face "
                                  "recognition software to the police of Guatemala.")] == [("Deal", ("org/corsight-ai",))]


def test_city_body_signed_contract_with_firm() -> None:
    """Family: "<City>'s <lower-case body> signed a contract with <Firm> in <date>": the seller after
    "with"; the buyer, named only by its city, is the city's country."""
    text = "Surabaya's transport agency signed a contract with Hikvision in June 2021 for 500 face recognition cameras."
    assert trades(text) == [("Deal", ("org/hikvision",), ("country/ID",), None, None, "2021-06")]
    text = ("According to documents obtained by Amnesty International, Medan's transport office signed a contract "
            "with Dahua in May 2022 for face recognition cameras.")  # the source is no buyer
    assert trades(text) == [("Deal", ("org/dahua",), ("country/ID",), None, None, "2022-05")]


def test_similar_maker_system_installed() -> None:
    """Family: "A similar <maker> system was installed in <place>": the maker sold it."""
    text = "Kenya bought face recognition cameras from ZTE. A similar ZTE system was installed in Mombasa."
    assert [t[:2] for t in trades(text)][-1] == ("Export", ("org/zte",))
    text = "Dahua sells face recognition cameras. A comparable Dahua network was deployed in Cali last year."
    assert ("Export", ("org/dahua",)) in [t[:2] for t in trades(text)][1:]


def test_payer_for_product_supplied_by_firm() -> None:
    """Family: "<body> paid <amount> for <product> supplied by <firm>": a deal, the payer buys."""
    text = ("Tianqiao Vision sells face recognition cameras. According to tender records, the Urumqi Public "
            "Security Bureau paid CNY 96 million for \"smart gates\" supplied by Tianqiao Vision.")
    assert trades(text)[-1] == ("Deal", ("org/tianqiao-vision",), ("org/urumqi-public-security-bureau",), 96_000_000,
                                "CNY", None)
    assert ("org/urumqi-public-security-bureau", "PoliceDepartment") in entities(text)


def test_question_and_false_claim_are_no_trade() -> None:
    """Family: a question ("Did X sell T to Y?") and a claim a fact-check rates false assert no sale."""
    assert trades("Fact check: Did Dahua sell face recognition cameras to Belarus?") == []
    claim = "The viral post claims Hikvision sold face recognition cameras to the junta."
    assert trades(claim + " The claim is false.") == []
    assert [t[:2] for t in trades(claim)] == [("Export", ("org/hikvision",))]  # a claim left standing is read
    assert trades('Claim: "Dahua sold the regime the face recognition cameras it uses at protests."\n'
                  "Verdict: FALSE") == []
