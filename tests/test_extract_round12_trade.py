"""Phrasing families of the twelfth generalisation round: deals and statistics.

Every sentence is a dev sentence written for its family (different wording, names, numbers and
countries from the held-out 13 and 14 documents); the tests assert the facts the real pipeline extracts.
"""
from __future__ import annotations

from tests.extraction import entities, run, stats, trades

RELEASE = ("OSLO, 3 June 2025 – Fjordlys Vision AS today announced that it has been awarded a four-year contract "
           "by Chile's Servicio de Registro Civil to supply facial recognition kiosks at 40 offices. "
           "The contract is valued at USD 9.2 million and includes training.")


def test_press_release_award_with_value_in_next_sentence() -> None:
    """Family: "CITY, <date> – X today announced that it has been awarded a contract by <country>'s
    <body> to supply T. The contract is valued at <amount>.": the body (not its country, not the
    dateline city) buys, the firm sells, the next sentence prices the deal; the infinitive after the
    passive's agent is the seller's act, not the buyer's export."""
    assert trades(RELEASE) == [("Deal", ("org/fjordlys-vision",), ("org/servicio-de-registro-civil",),
                                9_200_000, "USD", "2025-06-03")]
    assert trades("Vantex Biometrics was awarded a three-year contract by Ghana's Ministry of the Interior to "
                  "supply face recognition gates. The contract is worth $4.5 million.") == [
        ("Deal", ("org/vantex-biometrics",), ("org/ministry-of-the-interior",), 4_500_000, "USD", None)]


def test_city_after_preposition_before_the_company_is_no_firm() -> None:
    """Family: "Founded in 2011 and headquartered in <city>, the company employs ...": the city is a
    place, not a firm in apposition with "the company"."""
    found = entities("Fjordlys Vision AS sells face recognition kiosks. Founded in 2011 and headquartered in "
                     "Oslo, the company employs 200 people.")
    assert ("org/oslo", "Firm") not in found and ("place/oslo", "Place") in found
    found = entities("Vantex Biometrics makes face recognition gates. Based in Manchester, the firm has "
                     "offices in Lagos.")
    assert ("org/manchester", "Firm") not in found


def test_contract_between_two_parties_named_in_passing() -> None:
    """Family: "installed under a <year> contract between A and B": the firm is the seller (of two
    firms, the known vendor), the other party the buyer, the year the deal's date."""
    assert trades("Rights groups say footage from the capital's cameras, installed under a 2017 contract between "
                  "Zambia and Huawei, was used to track activists.") == [
        ("Deal", ("org/huawei",), ("country/ZM",), None, None, "2017")]
    assert trades("The face recognition network was built under a 2019 contract between Airtel Uganda Ltd and "
                  "Hikvision.") == [("Deal", ("org/hikvision",), ("org/airtel-uganda",), None, None, "2019")]


def test_firm_said_it_delivered_similar_projects_in_countries() -> None:
    """Family: "X said its systems are lawful and that it had delivered similar projects in A, B and
    C": one deal per country, sold by the firm that speaks ("it")."""
    text = ("Lagos signed a deal with Hikvision for face recognition cameras. In an emailed statement, Hikvision "
            "said its cameras \"meet every local law\" and that it had delivered similar projects in Kenya, "
            "Ghana and Senegal.")
    assert [t for t in trades(text) if t[2] != ("country/NG",)][-3:] == [
        ("Deal", ("org/hikvision",), ("country/KE",), None, None, None),
        ("Deal", ("org/hikvision",), ("country/GH",), None, None, None),
        ("Deal", ("org/hikvision",), ("country/SN",), None, None, None)]
    assert trades("Dahua sells face recognition cameras. The company has already installed such systems in "
                  "Bolivia and Ecuador.") == [
        ("Export", ("org/dahua",), None, None, None, None),
        ("Deal", ("org/dahua",), ("country/BO",), None, None, None),
        ("Deal", ("org/dahua",), ("country/EC",), None, None, None)]


def test_firm_products_used_in_n_countries() -> None:
    """Family: "With <country>, the company's <products> are now used by <customers> in N countries":
    the count is the firm's footprint, not the country the sentence opens on."""
    assert stats("Fjordlys Vision sells face recognition kiosks. With Chile, the company's identity platforms "
                 "are now used by ministries in 31 countries.") == {"org/fjordlys-vision": (None, 31, None)}
    assert stats("After the Kenyan order, Idemia's face recognition gates are now used in 44 countries.") == {
        "org/idemia": (None, 44, None)}


def test_ranks_stated_in_a_clause_after_the_party() -> None:
    """Family: "Of those, N are based in A, putting it first, and M in B, which ranks second.
    C is third with K": ranks told by a clause right after each country, in a study of exporters."""
    text = ("The report counted 90 firms that exported face recognition systems. Of those, 41 are based in Japan, "
            "putting it first, and 19 in South Korea, which ranks second. Germany is third with 9.")
    assert stats(text) == {"country/JP": (None, None, 1), "country/KR": (None, None, 2),
                           "country/DE": (None, None, 3)}
    assert stats("A survey of face recognition exporters found 30 firms in India, placing it second.") == {
        "country/IN": (None, None, 2)}


def test_no_rank_clause_without_trade_context() -> None:
    """Precision: "Kenya, which ranks third" in a text with no trade nearby states no export rank."""
    assert not [f for f in run("The marathon was won by Kenya, which ranks third in the medal table.").facts
                if f.kind == "DealStatistic"]



def test_firm_products_in_use_abroad() -> None:
    """Family: "Its software runs at e-gates in N member states" (an export of the firm the sentence
    before opened on); "... noting that its kiosks are used in A and B" (a deal per country)."""
    text = ("Vantex Biometrics sells face recognition kiosks to airports. Its software runs at automated gates in "
            "six EU member states.")
    assert [(f.kind, f.roles["exporter"], f.evidence[0].sentence_index) for f in run(text).facts
            if f.kind == "Export"] == [("Export", ("org/vantex-biometrics",), 0),
                                       ("Export", ("org/vantex-biometrics",), 1)]
    assert [t for t in trades("Privacy International asked ministers to look at Cognitec's sales, noting that its "
                              "face recognition kiosks are used in Oman and Bahrain.") if t[0] == "Deal"] == [
        ("Deal", ("org/cognitec",), ("country/OM",), None, None, None),
        ("Deal", ("org/cognitec",), ("country/BH",), None, None, None)]


def test_sells_to_buyers_in_listed_countries() -> None:
    """Family: "X, founded in <year>, sells T to police forces in A, B and the C and reported revenue of
    S$N": a deal per country; the founding year dates no deal and revenue prices none."""
    assert trades("Lumora Analytics, founded in 2014, sells face recognition to border agencies in Vietnam, "
                  "Cambodia and the Maldives and reported revenue of S$40 million last year.") == [
        ("Deal", ("org/lumora-analytics",), ("country/VN",), None, None, None),
        ("Deal", ("org/lumora-analytics",), ("country/KH",), None, None, None),
        ("Deal", ("org/lumora-analytics",), ("country/MV",), None, None, None)]
    assert trades("Hanwha Vision sells face recognition cameras to police forces in Chile and the Bahamas.") == [
        ("Deal", ("org/hanwha-vision",), ("country/CL",), None, None, None),
        ("Deal", ("org/hanwha-vision",), ("country/BS",), None, None, None)]


def test_other_dollars_and_revenue_are_told_apart() -> None:
    """Family: "S$", "HK$", "NZ$" are their own dollars (not US dollars); a deal's amount is never the
    firm's revenue named in the same clause."""
    assert trades("Vantex Biometrics signed a HK$12 million contract with Hong Kong Police for face recognition "
                  "cameras.")[0][3:5] == (12_000_000, "HKD")
    assert trades("Idemia, whose revenue was $2 billion last year, sold face recognition gates to Peru.") == [
        ("Deal", ("org/idemia",), ("country/PE",), None, None, None)]


def test_ranking_behind_named_rivals() -> None:
    """Family: "X holds N% of the <market>, ranking third behind A and B": the subject's rank."""
    assert stats("Vantex Biometrics holds about 11% of the Asian market for border face matching, ranking fourth "
                 "behind NEC and Idemia.") == {"org/vantex-biometrics": (None, None, 4)}
    assert stats("Cognitec has a 9 percent share of the European market, ranked second after Idemia.") == {
        "org/cognitec": (None, None, 2)}


def test_seller_named_by_city_possessive_with_two_word_city() -> None:
    """Family: "Tel Aviv's Corvix Ltd" / "Hong Kong's X Ltd": a two-word city's possessive says where
    the firm is and is left out of its name; the body after "Kenya's" buys, not Kenya."""
    assert ("org/vantex", "Firm") in entities("Buenos Aires's Vantex Ltd has sold 500 face recognition cameras to "
                                               "Chile's Carabineros.")
    assert trades("Kuala Lumpur's Orbis Ltd has sold 900 face recognition cameras to Ghana's National Police "
                  "Service. Value: $3.5 million.") == [
        ("Deal", ("org/orbis",), ("org/national-police-service",), 3_500_000, "USD", None)]


def test_later_award_keeps_the_sentence_it_was_priced_in() -> None:
    """Family: "Y approved a $N contract with a <place> company. The contract, awarded <date> to X,
    ...": the deal's evidence includes the sentence that named its buyer and amount."""
    text = ("The Tulsa Transit Authority will install face recognition cameras after its board approved a "
            "$2.2-million contract with an Ohio company. The contract, awarded May 4, 2026, to Dayton-based "
            "Vantex Biometrics Inc., covers 90 cameras.")
    deals = [f for f in run(text).facts if f.kind == "Deal"]
    assert [(f.roles["exporter"], f.roles["importer"], f.values["amount"]) for f in deals] == [
        (("org/vantex-biometrics",), ("org/tulsa-transit-authority",), 2_200_000)]
    assert sorted({e.sentence_index for e in deals[0].evidence}) == [0, 1]


def test_products_used_by_police_in_cities() -> None:
    """Family: "X, whose software is also used by transit police in A and B": sold, to buyers the
    sentence names only by their cities."""
    assert trades("Vantex Biometrics makes face recognition software. Vantex, whose software is also used by "
                  "transit police in Tulsa and Omaha, declined to comment.")[-1] == (
        "Export", ("org/vantex-biometrics",), None, None, None, None)


def test_main_customers_listed_after_with() -> None:
    """Family: "X sold systems worth N to 12 countries, with A, B and C its three largest customers":
    a deal per named customer country."""
    deals = [t for t in trades("Last year Vantex Biometrics sold face recognition systems to 12 countries, with "
                               "Chile, Peru and Mexico its three largest customers.") if t[0] == "Deal"]
    assert deals == [("Deal", ("org/vantex-biometrics",), (c,), None, None, None)
                     for c in ("country/CL", "country/PE", "country/MX")]


def test_makers_goods_installed() -> None:
    """Family: "the 5,000 Dahua cameras installed under the city's programme": the maker sold them."""
    assert trades("Protesters marched against the 5,000 Dahua cameras installed under the city's safe-city "
                  "programme.") == [("Export", ("org/dahua",), None, None, None, None)]
    assert trades("Police want more of the Hikvision cameras mounted on lamp posts.") == [
        ("Export", ("org/hikvision",), None, None, None, None)]


def test_supplied_in_year_by_and_built_for() -> None:
    """Family: "The system was supplied in 2018 by X" (a year between the passive and its agent);
    "X built a similar system for the <demonym> capital in 2020"; "X provided the country with a
    surveillance network": the firm sold the system, dated by the year."""
    assert trades("Face recognition spread fast. The system was supplied in 2018 by Silver Reed Technology, a "
                  "local firm.") == [("Export", ("org/silver-reed-technology",), None, None, None, "2018")]
    assert trades("Face recognition spread fast. Dahua built a similar system for the Kenyan capital in 2020.") == [
        ("Deal", ("org/dahua",), ("country/KE",), None, None, "2020")]
    assert trades("Face recognition spread fast. In 2017, ZTE provided the country with a surveillance network for "
                  "its capital.") == [("Export", ("org/zte",), None, None, None, "2017")]


def test_passive_built_and_self_sale_are_no_export() -> None:
    """Precision: "In X, the network was built with cameras supplied by Y": X built nothing and sold
    nothing to itself; "Y built a new headquarters" sells nothing."""
    assert trades("In Bolivia, the city network was built with cameras supplied by Hikvision under a $30 million "
                  "contract.") == [("Deal", ("org/hikvision",), ("country/BO",), 30_000_000, "USD", None)]
    assert trades("Huawei built a new headquarters in Shenzhen.") == []


def test_count_of_deals_described_by_demonym() -> None:
    """Family: "counted N <Demonym> deals, putting <Country> first": the count and rank of the country."""
    assert stats("The study counted 388 Russian deals, putting Russia first by a wide margin.") == {
        "country/RU": (388, None, 1)}
    assert stats("The authors counted 95 Israeli contracts, putting Israel third.") == {
        "country/IL": (95, None, 3)}


def test_contract_awarded_to_seller_in_one_phrase() -> None:
    """Family: "The kit had been procured by Y under a 2.4 million euro contract awarded in March 2021
    to X, a Lyon-based company": X's deal with that amount and date; a deal named before the document
    names its technology takes the one the document is about."""
    text = ("The cameras had been procured by the town's police under a 2.4 million euro contract awarded in "
            "March 2021 to Lumen Analytics, a Lyon-based company. Residents only later learned they ran face "
            "recognition.")
    assert trades(text) == [("Export", ("org/lumen-analytics",), None, 2_400_000, "EUR", "2021-03")]
    assert trades("Bolivia's interior ministry bought face recognition cameras under a $6 million deal awarded "
                  "to the Chinese firm Dahua.") == [("Deal", ("org/dahua",), ("country/BO",), 6_000_000, "USD", None)]


def test_first_place_implied_by_a_second_after_while() -> None:
    """Family: "X was linked to N contracts, while Y came second with M": X is first."""
    assert stats("Among vendors, Dahua was linked to 140 contracts, while ZTE came second with 61.") == {
        "org/dahua": (140, None, 1), "org/zte": (61, None, 2)}


def test_goods_of_a_maker_named_short_reached_a_country() -> None:
    """Family: "at least 800 Veltra chips reached Iran": the maker named earlier in full ("Veltra
    Semiconductor") and here by its short name sold them there."""
    assert trades("Veltra Semiconductor makes image processors. Customs data show that at least 800 Veltra chips "
                  "reached Iran in 2023.")[-1] == ("Deal", ("org/veltra-semiconductor",), ("country/IR",), None, None,
                                                  "2023")


def test_selected_by_a_buyer_to_supply() -> None:
    """Family: "X has been selected by <country>'s <body> to supply T. The contract has a total value of
    <amount>.": a deal of the body, priced by the next sentence; being chosen for anything else is no deal."""
    assert trades("Vantex Biometrics has been selected by Ghana's Ministry of the Interior to supply face "
                  "recognition gates at Accra airport. The contract has a total value of EUR 7.5 million.") == [
        ("Deal", ("org/vantex-biometrics",), ("org/ministry-of-the-interior",), 7_500_000, "EUR", None)]
    assert trades("Vantex Biometrics was chosen by the judges as the best face recognition start-up.") == []


def test_party_ahead_of_another_ranks_one_place_lower() -> None:
    """Family: "X is fifth with 9, ahead of Y with six" in a study of exporters: Y is sixth."""
    assert stats("The survey counted firms that export face recognition. Spain is fifth with 9, ahead of Italy "
                 "with six.") == {"country/ES": (None, None, 5), "country/IT": (None, None, 6)}
