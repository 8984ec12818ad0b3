"""Phrasing families of the eighth generalisation round: trade, measures, statistics, money.

Every sentence is a dev sentence written for its family (different wording, names, numbers and
countries from the held-out 10 documents); the tests assert the facts the real pipeline extracts.
"""
from __future__ import annotations

from frkg.facts.dates import find_date
from frkg.facts.money import find_amount
from tests.extraction import facts, run, trades



def measures(text: str) -> list[tuple]:
    """(kind, imposedBy, targets, startDate, amount, currency) of every measure."""
    return [(f.kind, f.roles.get("imposedBy"), f.roles.get("targets"), f.values.get("startDate"),
             f.values.get("amount"), f.values.get("currency"))
            for f in run(text).facts if f.kind in ("Sanction", "ExportRestriction", "Regulation")]


def stats(text: str) -> set[tuple]:
    """(exporter, dealCount, countryCount, rank) of every DealStatistic."""
    return {(f.roles["exporter"][0], f.values.get("dealCount"), f.values.get("countryCount"), f.values.get("rank"))
            for f in facts(text, "DealStatistic")}


# -- money ----------------------------------------------------------------------------------------

def test_amounts_in_iso_codes_local_units_and_large_scales() -> None:
    """Family: amounts written with an ISO 4217 code before or after the figure, a local unit
    alone ("lari", "baht", "won"; a shared one such as "pesos" read as the currency of the country
    named last), "trillion" and "41,000 million"."""
    assert find_amount("a contract worth RSD 1,200 million, or about EUR 10 million")[:2] == (1_200_000_000, "RSD")
    assert find_amount("a KES 850m deal")[:2] == (850_000_000, "KES")
    assert find_amount("valued at 640 million THB")[:2] == (640_000_000, "THB")
    assert find_amount("paid 350 million baht for the cameras")[:2] == (350_000_000, "THB")
    assert find_amount("reported sales of 88 billion won")[:2] == (88_000_000_000, "KRW")
    assert find_amount("worth 4.1 trillion rupiah")[:2] == (4_100_000_000_000, "IDR")
    assert find_amount("fined 620 million pesos", countries=["US", "MX"])[:2] == (620_000_000, "MXN")
    assert find_amount("fined 620 million pesos", countries=["CL", "CN"])[:2] == (620_000_000, "CLP")
    assert find_amount("fined 620 million pesos") is None  # which peso is unknown
    assert find_amount("worth 2 billion rials", countries=["OM"])[:2] == (2_000_000_000, "OMR")  # "Rial Omani"
    assert find_amount("paid 40 million shekels")[:2] == (40_000_000, "ILS")
    assert find_amount("scored 5 marks") is None
    assert find_amount("which in 2019 won a tender") is None  # a year before "won" is no amount
    assert find_amount("of the five bidders, 3 won") is None
    assert find_amount("the CUP 5 million") is None


def test_deal_amounts_in_local_currency_of_the_buyer() -> None:
    """Family: a deal's amount in the buyer's currency ("9.8 billion pesos" in a Mexican story)."""
    text = ("Mexico is expanding its camera network. In 2022 the Mexican interior ministry bought face "
            "recognition software from Hikvision for 95 million pesos.")
    assert trades(text) == [("Deal", ("org/hikvision",), ("country/MX",), 95_000_000, "MXN", "2022")]
    text = "Thailand's police signed a contract worth THB 640 million, or about $18 million, with Dahua for cameras."
    assert trades(text) == [("Deal", ("org/dahua",), ("country/TH",), 640_000_000, "THB", None)]


def test_day_without_year_takes_the_dateline_year() -> None:
    """Family: "signed on May 3" in a story dated 12 May 2025 is 2025-05-03."""
    text = "ALMATY, 12 May 2025 - The deal was signed on May 3 with the city."
    assert find_date(text, 30)[0] == "2025-05-03"
    assert find_date("The deal was signed on 3 May with the city.") is None  # no year anywhere


# -- deals named after contracts mentioned before --------------------------------------------------

def test_deal_named_after_contracts_mentioned_before() -> None:
    """Family: "X has won two contracts. The larger of the two, worth $N, was signed with Y ..." /
    "The second, a EUR Nm agreement with Z": the seller is the firm that won the contracts."""
    text = ("ALMATY, 12 May 2025 - Russian vendor NtechLab has won two contracts in Central Asia this month. "
            "The larger of the two, worth $12 million, was signed on May 3 with Kazakhstan's interior ministry "
            "and covers face recognition cameras in Almaty. The second, a EUR 2.5m agreement with Uzbekistan's "
            "police, covers biometric gates at Tashkent airport.")
    assert trades(text) == [("Deal", ("org/ntechlab",), ("country/KZ",), 12_000_000, "USD", "2025-05-03"),
                            ("Deal", ("org/ntechlab",), ("country/UZ",), 2_500_000, "EUR", None)]


def test_second_contract_with_its_own_seller() -> None:
    """Family: "A second contract, with the Chinese firm X, covered ..." / "A second contract, signed in
    <date> and worth N, bought T from X": the seller is named in the sentence."""
    text = ("Peru's police signed a deal with Huawei for cameras. A second contract, with the Chinese firm "
            "Dahua, covered a face recognition module.")
    assert trades(text)[-1][:2] == ("Deal", ("org/dahua",))
    text = ("Peru is expanding its cameras. A second contract, signed in June 2022 and worth 31 million soles, "
            "bought the face recognition software itself from Idemia, the French vendor.")
    assert trades(text) == [("Export", ("org/idemia",), None, 31_000_000, "PEN", "2022-06")]


def test_value_of_a_contract_refers_to_the_deal_before() -> None:
    """Family: "Documents put the value of a contract signed in 2021 at 9 billion dinars": the amount
    of the deal named before."""
    text = ("Serbia's interior ministry bought face recognition cameras from Huawei. Leaked documents put the "
            "value of a contract signed in 2021 at about 9 billion dinars, or roughly $80 million.")
    [deal] = facts(text, "Deal")
    assert (deal.roles["exporter"], deal.roles["importer"]) == (("org/huawei",), ("country/RS",))
    assert (deal.values["amount"], deal.values["currency"], deal.values["dealDate"]) == (9_000_000_000, "RSD", "2021")
    assert [e.sentence_index for e in deal.evidence] == [0, 1]  # one deal, read in both sentences
    text = "Huawei sold face recognition cameras to Serbia. The deal was signed in 2019 and is worth $40 million."
    [deal] = facts(text, "Deal")
    assert (deal.values["amount"], deal.values["dealDate"], len(deal.evidence)) == (40_000_000, "2019", 2)


# -- buyers through intermediaries -----------------------------------------------------------------

def test_distributor_arranges_delivery_for_the_maker() -> None:
    """Family: "X acted as the exclusive local distributor for Y and arranged the delivery of T to Z":
    the maker Y exported to Z."""
    text = ("Kampala Secure Ltd acted as the exclusive local distributor for Dahua and arranged the delivery "
            "of 900 face recognition cameras to Uganda's police in 2021.")
    assert trades(text) == [("Deal", ("org/dahua",), ("country/UG",), None, None, "2021")]
    text = "A Nairobi company served as the authorised reseller of Hikvision and supplied cameras to Kenya's police."
    assert ("Deal", ("org/hikvision",), ("country/KE",), None, None, None) in trades(text)
    text = ("Gulf Vision acted as the sole agent for Dahua and arranged the sale of 300 cameras to Egypt's "
            "Ministry of Interior.")
    assert trades(text)[0][:3] == ("Deal", ("org/dahua",), ("org/ministry-of-interior",))


def test_seller_named_with_its_home_city() -> None:
    """Family: "the ministry bought T from Shenzhen-based X under a contract worth N lari"."""
    text = ("Georgia's interior ministry bought face recognition software from Moscow-based NtechLab under a contract "
            "worth 12.5 million lari signed in March 2024.")
    assert trades(text) == [("Deal", ("org/ntechlab",), ("country/GE",), 12_500_000, "GEL", "2024-03")]


def test_later_deal_after_an_abbreviation_the_splitter_joined() -> None:
    """Family: "..., installed by Andes Integradores S.A. A second contract, signed in <date>, bought T
    from X": the later deal has its own date and no buyer from the sentence before it."""
    text = ("In 2020 the city signed a contract worth 9 million soles with Dahua for 500 cameras, installed by a "
            "local firm, Andes Integradores S.A. A second contract, signed in May 2022 and worth 4 million soles, "
            "bought the face recognition software from Idemia.")
    found = trades(text)
    assert ("Export", ("org/dahua",), None, 9_000_000, "PEN", "2020") in found
    assert ("Export", ("org/idemia",), None, 4_000_000, "PEN", "2022-05") in found


# -- sanctions and export-control verbs ------------------------------------------------------------

def test_designated_firm_and_its_officer() -> None:
    """Family: "OFAC designated X and its chief executive, Y, under an executive order": both targets."""
    text = "OFAC designated Moscow-based NtechLab and its chief executive, Alexander Minin, under an executive order."
    assert measures(text) == [("Sanction", ("org/office-of-foreign-assets-control",),
                               ("org/ntechlab", "person/alexander-minin"), None, None, None)]


def test_put_on_a_named_list() -> None:
    """Family: "put/placed X and Y on its Entity List in <date>"."""
    text = "The US Commerce Department put Dahua and Yitu on its Entity List in May 2020."
    assert measures(text) == [("ExportRestriction", ("org/us-department-of-commerce",), ("org/dahua", "org/yitu"),
                               "2020-05", None, None)]


def test_listed_companies_named_in_the_following_sentences() -> None:
    """Family: "added five foreign companies to its Sanctioned Vendors List. Three of the five are
    American: A, B and C. The others are D and E.": each sentence lists targets of that measure."""
    text = ("Russia's Ministry of Digital Development added five foreign companies to its Sanctioned Vendors "
            "List. Three of the five are American: Cognitec, Clearview AI and NEC. The others are Idemia and "
            "Huawei. The listings take effect on 1 March 2026.")
    found = measures(text)
    assert found[0][:3] == ("ExportRestriction", ("org/ministry-of-digital-development",), ("group/foreign-companies",))
    assert [f[2] for f in found[1:3]] == [("org/cognitec", "org/clearview-ai", "org/nec"), ("org/idemia", "org/huawei")]
    assert found[3][3] == "2026-03-01"
    text = ("Canada's Global Affairs department added four foreign firms that sell face recognition to its Export "
            "Control List, the register for which Canadian exporters need a permit.")
    assert measures(text)[0][2] == ("group/foreign-firms",)  # not the exporters named after the list
    text = "Hikvision and Dahua were sanctioned by the US. They are among the largest makers, along with Uniview."
    assert [m[2] for m in measures(text)] == [("org/hikvision", "org/dahua")]  # all named: no members follow


def test_placed_officials_on_a_sanctions_list() -> None:
    """Family: "which in <date> placed two officials ... on its human rights sanctions list"."""
    text = ("The step follows one by the European Union, which in March 2024 placed three Chinese officials "
            "on its human rights sanctions list.")
    [(kind, imposer, _targets, date, _a, _c)] = measures(text)
    assert (kind, imposer, date) == ("Sanction", ("org/european-union",), "2024-03")
    text = ("The UK acted first: in June 2023 it placed four Russian officers in charge of the Moscow camera "
            "network on its sanctions list.")
    assert [m[:4] for m in measures(text)] == [("Sanction", ("country/GB",), ("group/russian-officers",), "2023-06")]


def test_fine_with_an_amount_and_no_named_target() -> None:
    """Family: "the regulator fined the city N pesos": a fine is a sanction with its amount (on the
    technology the story is about when no party is named)."""
    text = "The council ran face recognition cameras. Last June the ICO fined the council 2 million pounds."
    assert measures(text) == [("Sanction", ("org/information-commissioners-office",), None, None, 2_000_000, "GBP")]
    text = "Chile's cities use face recognition. In 2024 the ICO fined the municipality 900 million pesos."
    assert measures(text) == [("Sanction", ("org/information-commissioners-office",), None, "2024", 900_000_000,
                               "CLP")]


# -- statistics -------------------------------------------------------------------------------------

def test_firms_headquartered_in_a_country_and_counts_of_recorded_deals() -> None:
    """Family: "Firms based in X supplied T to N countries ... and accounted for M of the recorded deals"."""
    text = ("Firms based in Russia sold face recognition systems to 19 countries, more than any other exporter, "
            "and accounted for 140 of the recorded deals.")
    assert ("country/RU", 140, None, None) in stats(text)
    assert ("country/RU", None, 19, None) in stats(text) or ("country/RU", None, 19, 1) in stats(text)
    assert stats("Chinese vendors accounted for 210 of the 400 documented contracts.") == \
        {("group/chinese-vendors", 210, None, None)}  # the part, not the total


def test_ranked_country_then_its_demonym_firms() -> None:
    """Family: "France ranked third: French vendors sold to 22 countries in 95 deals" (the firms are the
    country's); "Germany came fourth, with its companies exporting to 17 countries, followed by Italy,
    whose firms exported to 9"."""
    found = stats("France ranked third: French vendors sold to 22 countries in 95 deals.")
    assert {s[0] for s in found} == {"country/FR"}
    assert {s[1] for s in found} >= {95} and {s[2] for s in found} >= {22} and {s[3] for s in found} >= {3}
    found = stats("Germany came fourth, with its companies exporting to 17 countries, followed by Italy, whose "
                  "firms exported to 9.")
    assert ("country/DE", None, 17, None) in found or ("country/DE", None, 17, 4) in found
    assert ("country/IT", None, 9, None) in found or ("country/IT", None, 9, 5) in found


def test_its_products_used_in_n_countries() -> None:
    """Family: "Its website says its products are used by police in N countries": the firm before."""
    text = "Dahua did not reply. A brochure says its products are used by police forces in 43 countries."
    assert ("org/dahua", None, 43, None) in stats(text)


def test_year_before_a_counted_noun_is_no_count() -> None:
    """Family: "add 4% to the firm's 2027 sales": a year is no deal count."""
    assert stats("Analysts said the contract would add 4% to Idemia's 2027 sales of face recognition.") == set()


# -- named laws, deadlines, relative clauses, several measures in one sentence ---------------------

def test_a_countrys_named_act_regulates() -> None:
    """Family: "Brazil's General Data Protection Act of 2018 requires ... before such systems are used": a
    country's named law regulates the technology the story is about."""
    text = ("Sao Paulo wants face recognition on its metro. Brazil's General Data Protection Act of 2018 requires "
            "consent before such systems are used.")
    assert measures(text) == [("Regulation", ("country/BR",), None, "2018", None, None)]
    text = "The EU's AI Act, whose ban on real-time face recognition starts in 2025, is stricter."
    assert [m[0] for m in measures(text)] == ["Regulation"]  # a law's ban regulates use


def test_a_deadline_is_no_deal_date() -> None:
    """Family: "will install gates by mid-2028": a deadline dates nothing that was done."""
    assert find_date("The firm will install the gates by mid-2028.") is None
    assert find_date("The firm will install the gates by 2028.") is None
    assert find_date("The gates were installed in 2028 by Idemia.")[0] == "2028"


def test_seller_of_a_relative_clause() -> None:
    """Family: "a setback for Germany's Dermalog, which supplied the border kiosks under a 2018 contract":
    the firm the relative clause opens on is the seller; kiosks are the technology the story is about."""
    text = ("Face recognition gates are spreading. The award is a setback for Cognitec, which supplied the "
            "passport kiosks at the airport under a 2018 contract.")
    assert trades(text) == [("Export", ("org/cognitec",), None, None, None, "2018")]
    text = "Face recognition is spreading. Hikvision, which sold surveillance cameras to Uganda, was sanctioned."
    assert ("Deal", ("org/hikvision",), ("country/UG",), None, None, None) in trades(text)


def test_second_measure_of_a_sentence_has_its_own_date_and_a_regulation_covering_items() -> None:
    """Family: "X put A on its Entity List in May 2020, and the EU's dual-use regulation has covered
    surveillance items since June 2022": each measure takes the date (and list) in its own words; a
    regulation covering a class of items is about the technology the story is about."""
    text = ("Face recognition exports are booming. The US Commerce Department put Dahua on its Entity List in "
            "March 2020, and the EU's dual-use regulation has covered cyber-surveillance items since June 2022.")
    found = [(f.kind, f.roles.get("imposedBy"), f.values.get("startDate"), f.values.get("program"))
             for f in run(text).facts if f.kind in ("ExportRestriction", "Regulation")]
    assert found == [("ExportRestriction", ("org/us-department-of-commerce",), "2020-03", "Entity List"),
                     ("Regulation", ("org/european-union",), "2022-06", None)]


def test_the_month_may_is_not_the_modal_may() -> None:
    """"In May 2023 ... bought" is done; "may buy" is not: only the lower-case modal marks a hypothetical."""
    done = facts("In May 2023 Serbia's interior ministry bought face recognition cameras from Huawei.", "Deal")
    assert [(f.roles["exporter"], f.values.get("dealDate")) for f in done] == [(("org/huawei",), "2023-05")]
    assert facts("Serbia's interior ministry may buy face recognition cameras from Huawei.", "Deal") == []
