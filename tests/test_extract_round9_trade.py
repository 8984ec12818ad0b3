"""Phrasing families of the ninth generalisation round: deals, money and dates.

Every sentence is a dev sentence written for its family (different wording, names, numbers and
countries from the held-out 11 documents); the tests assert the facts the real pipeline extracts.
"""
from __future__ import annotations

from frkg.facts.money import find_amount
from tests.extraction import trades



# -- money ----------------------------------------------------------------------------------------

def test_indian_amounts_in_crore_and_lakh() -> None:
    """Family: rupee amounts with "Rs"/"Rs." and the Indian scales crore (ten million) and lakh (a
    hundred thousand), joined to the figure by a space or a hyphen."""
    assert find_amount("contracts worth Rs 145 crore (about $17 million)")[:2] == (1_450_000_000, "INR")
    assert find_amount("a Rs 82-crore order for cameras")[:2] == (820_000_000, "INR")
    assert find_amount("fined Rs. 45 lakh")[:2] == (4_500_000, "INR")
    assert find_amount("a budget of 12 crore rupees")[:2] == (120_000_000, "INR")
    assert find_amount("Mrs 5 said") is None  # "Rs" is a symbol only as a word of its own
    assert find_amount("a $25-million deal")[:2] == (25_000_000, "USD")


# -- deals ----------------------------------------------------------------------------------------

def test_importers_listed_before_the_purchase_verb() -> None:
    """Family: several buyers before "bought" ("A and B bought T from X", "A and B: both bought X
    T"): one deal per buyer."""
    assert trades("Ecuador and Bolivia bought surveillance camera networks from ZTE in 2016.") == [
        ("Deal", ("org/zte",), ("country/EC",), None, None, "2016"),
        ("Deal", ("org/zte",), ("country/BO",), None, None, "2016")]
    assert trades("Kuwait and Jordan: both bought Dahua camera networks in 2023.") == [
        ("Deal", ("org/dahua",), ("country/KW",), None, None, "2023"),
        ("Deal", ("org/dahua",), ("country/JO",), None, None, "2023")]


def test_maker_named_before_its_product() -> None:
    """Family: "bought X's T" names the seller as the maker of what was bought."""
    text = ("Face recognition is spreading in East Africa. The Kenyan interior ministry bought NEC's "
            "biometric border system ahead of the 2021 elections, in a deal reported at €40 million.")
    assert trades(text) == [("Deal", ("org/nec",), ("country/KE",), 40_000_000, "EUR", "2021")]


def test_agreement_dated_before_its_seller() -> None:
    """Family: "signed an agreement in 2017 with the <city> company X", "renewed its contract with
    X in 2024 for AED N": a date between the deal noun and "with"; renewed and extended contracts."""
    assert trades("Zambia signed an agreement in 2017 with the Hangzhou company Dahua to install face "
                  "recognition cameras.") == [("Deal", ("org/dahua",), ("country/ZM",), None, None, "2017")]
    assert trades("Abu Dhabi Police renewed its contract with Cognitec in 2024 for AED 95m, covering 9,000 "
                  "cameras.") == [("Deal", ("org/cognitec",), ("org/abu-dhabi-police",), 95_000_000, "AED", "2024")]


def test_payment_for_a_product_from_a_described_seller() -> None:
    """Family: "A paid US$N in YEAR for T from the <demonym> company X" is a purchase; the seller is
    the firm, not the country its demonym names; a second clause ", and B paid ..." keeps its own
    date and amount."""
    text = ("Laos signed a memorandum of understanding in 2020 with the Shenzhen firm Megvii to build a face "
            "recognition database, and Tajikistan paid roughly US$45 million in 2021 for a \"Safe City\" "
            "platform from the Chinese company SenseTime.")
    assert trades(text) == [("Deal", ("org/megvii",), ("country/LA",), None, None, "2020"),
                            ("Deal", ("org/sensetime",), ("country/TJ",), 45_000_000, "USD", "2021")]
    assert trades("Peru's police bought face recognition software from the Russian company NtechLab the same "
                  "year.") == [("Deal", ("org/ntechlab",), ("country/PE",), None, None, None)]


def test_sellers_of_a_market_without_a_buyer() -> None:
    """Family: a market explainer's sellers ("<demonym> vendors, led by X and Y, supply T", "Germany's
    X and Russia's Y provide T"): one export per seller, none for a noun ("supply chain")."""
    assert trades("Chinese vendors, led by ZTE and Uniview, supply most of the cameras.") == [
        ("Export", ("org/zte",), None, None, None, None), ("Export", ("org/uniview",), None, None, None, None)]
    assert trades("Germany's Cognitec and Russia's NtechLab provide the face recognition software used at "
                  "stadiums.") == [("Export", ("org/cognitec",), None, None, None, None),
                                   ("Export", ("org/ntechlab",), None, None, None, None)]
    assert trades("Huawei's supply chain includes cameras.") == []


def test_parts_found_inside_a_product() -> None:
    """Family: a teardown "found processors from X of <city>, thermal sensors from the <demonym>
    company Y and lens assemblies from Z": each maker supplied its part; "N X chips reached C"."""
    text = ("Face recognition cameras are everywhere. Engineers who took apart six cameras made by the "
            "Chinese firm Uniview found processors from Intel of Santa Clara, California, thermal sensors from "
            "the Japanese company Sony and lens assemblies from Cognitec, a German supplier.")
    assert trades(text) == [("Export", ("org/intel",), None, None, None, None),
                            ("Export", ("org/sony",), None, None, None, None),
                            ("Export", ("org/cognitec",), None, None, None, None)]
    assert trades("Shipping data show that at least 2,300 Nvidia chips reached Iran in 2023 through traders "
                  "in Dubai.") == [("Deal", ("org/nvidia",), ("country/IR",), None, None, "2023")]


def test_award_of_several_contracts_and_the_shares() -> None:
    """Family: "B has awarded contracts worth Rs N crore", then "X won the largest share: a Rs M-crore
    order", "Y will install ... for Rs K crore, while Z will provide ... valued at Rs L crore", dated by
    "letters of award were issued on <date>": a deal per seller and the whole award to them all."""
    text = ("The Chennai Metropolitan Corporation has awarded contracts worth Rs 145 crore for a network of "
            "face recognition cameras. The committee approved the contracts on 2 May, and letters of award were "
            "issued on May 9, 2025. Hikvision won the largest share: a Rs 80-crore order to install 900 cameras. "
            "Dahua will build the control room for Rs 40 crore, while Germany's Cognitec will provide the "
            "matching engine under a licence valued at Rs 25 crore.")
    buyer = ("org/chennai-metropolitan-corporation",)
    assert trades(text) == [
        ("Deal", ("org/hikvision", "org/dahua", "org/cognitec"), buyer, 1_450_000_000, "INR", "2025-05-09"),
        ("Deal", ("org/hikvision",), buyer, 800_000_000, "INR", None),
        ("Deal", ("org/dahua",), buyer, 400_000_000, "INR", None),
        ("Deal", ("org/cognitec",), buyer, 250_000_000, "INR", None)]
    assert trades("The Chennai Metropolitan Corporation has awarded contracts for face recognition cameras. "
                  "Hikvision won praise from officers.") == []  # no share of the award without its amount


INTERVIEW = """Maria Lindqvist has been sales director of Cognitec, a Dresden-based maker of face recognition \
software, since 2019.

Q: Where do you sell?

Lindqvist: Our main markets abroad are Kenya, Peru and Chile.

Q: Who are the customers?

Lindqvist: Mostly police forces. The Kenyan contract, about $4 million over three years, is with the Kenya \
Police Service.

Q: Is that risky?

Lindqvist: We audit every project twice a year.
"""


def test_interviewees_markets_and_contracts() -> None:
    """Family: in an interview answer "Our main markets are A, B and C" (a deal per market) and "The
    <demonym> contract, about $N, is with B" are the interviewee's firm's deals."""
    assert trades(INTERVIEW) == [("Deal", ("org/cognitec",), ("country/KE",), None, None, None),
                                 ("Deal", ("org/cognitec",), ("country/PE",), None, None, None),
                                 ("Deal", ("org/cognitec",), ("country/CL",), None, None, None),
                                 ("Deal", ("org/cognitec",), ("org/kenya-police-service",), 4_000_000, "USD", None)]
    assert trades(INTERVIEW.replace("Our main markets", "Their main markets")
                  .replace("The Kenyan contract", "A Kenyan rival")) == []  # not the firm's own
