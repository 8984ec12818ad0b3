"""Phrasing families of the twelfth generalisation round: who holds which post where, and who said what.

Every sentence is a dev sentence written for its family (different wording, names, numbers and
countries from the held-out 14 documents); the tests assert the facts the real pipeline extracts.
"""
from __future__ import annotations

from tests.extraction import affiliations, entities, facts


def speakers(text: str) -> list[tuple]:
    """(speaker, quotedText, isDirectQuote) of every Statement."""
    return [(f.roles["speaker"], f.values["quotedText"], f.values["isDirectQuote"]) for f in facts(text, "Statement")]


def test_is_role_of_a_programme_at_the_body() -> None:
    """Family: "X is director of the digital trade programme at Y" (a commentary's closing line on its
    author): the programme is part of the body named after "at"."""
    assert affiliations("Licences Are Not Enough\n\nBy Tomas Lindgren\n\nExports of cameras keep rising.\n\n"
                        "Tomas Lindgren is director of the surveillance policy programme at the Nordic "
                        "Policy Institute.") == {("person/tomas-lindgren", "org/nordic-policy-institute", "director")}
    assert affiliations("Sara Okonkwo was head of the biometrics project at Human Rights Watch.") == {
        ("person/sara-okonkwo", "org/human-rights-watch", "head")}


def test_title_case_role_after_the_name() -> None:
    """Family: "said X, Chief Executive Officer of Y": a capitalised corporate title in apposition."""
    assert affiliations("\"We are ready,\" said Jonas Berg, Chief Executive Officer of Arctis Vision.") == {
        ("person/jonas-berg", "org/arctis-vision", "Chief Executive Officer")}
    assert affiliations("\"Demand is strong,\" said Hana Novak, Managing Director of Praga Analytics, on Monday.") == {
        ("person/hana-novak", "org/praga-analytics", "Managing Director")}
    assert affiliations("\"Sales are up,\" said Ana Ruiz, Head of Sales at Arctis Vision.") == {
        ("person/ana-ruiz", "org/arctis-vision", "Head of Sales")}


def test_possessive_role_over_a_region_before_the_name() -> None:
    """Family: "Y's regional director for Latin America, X, said": a role over a region, then the name."""
    assert affiliations("Arctis Vision won the tender. Arctis's sales director for Southeast Asia, Mei Tan, "
                        "said the gates would ship in May.") >= {
        ("person/mei-tan", "org/arctis-vision", "sales director for Southeast Asia")}
    assert affiliations("Praga Analytics's head of operations for East Africa, Peter Mwangi, said "
                        "installation had begun.") == {
        ("person/peter-mwangi", "org/praga-analytics", "head of operations for East Africa")}


def test_indefinite_company_role_names_the_firm_talked_about() -> None:
    """Family: "A company spokeswoman, X, said", "A spokeswoman for the company, X,": the firm the text has
    been talking about."""
    assert affiliations("Arctis Vision sold 400 cameras to Chile. A company spokeswoman, Maria Lopez, said "
                        "the deal was legal.") == {("person/maria-lopez", "org/arctis-vision", "spokeswoman")}
    assert affiliations("Praga Analytics denied wrongdoing. A firm spokesman, Karel Dvorak, declined to comment, "
                        "saying only that exports were \"fully licensed by Prague\".") == {
        ("person/karel-dvorak", "org/praga-analytics", "spokesman")}
    assert affiliations("Praga Analytics denied wrongdoing. A spokeswoman for the company, Jana Holub, declined to "
                        "comment.") == {("person/jana-holub", "org/praga-analytics", "spokeswoman")}


def test_indefinite_company_role_introduces_a_person() -> None:
    """Family: "A company spokeswoman, Chen Bo, declined to comment, saying only that ... “...”": the
    name in apposition is a person and says the quote."""
    text = ("Arctis Vision sold 400 cameras to Chile. A company spokesman, Chen Bo, declined to comment on the "
            "price, saying only that the terms were \"a matter for the buyer and the bank\".")
    assert ("person/chen-bo", "Person") in entities(text)
    assert affiliations(text) == {("person/chen-bo", "org/arctis-vision", "spokesman")}
    assert speakers(text) == [(("person/chen-bo",), "a matter for the buyer and the bank", True)]


def test_who_speaks_for_the_opposition_party() -> None:
    """Family: "X, who speaks on trade for the opposition Y Party": the party the person speaks for."""
    assert affiliations("Ruth Banda, who speaks on justice for the opposition United Progress Party, said the "
                        "cameras were illegal.") == {("person/ruth-banda", "org/united-progress-party", "")}
    assert affiliations("Omar Diallo, who spoke on security for the ruling National Unity Party, said the "
                        "deal was lawful.") == {("person/omar-diallo", "org/national-unity-party", "")}


def test_firm_called_by_its_name_without_city_or_legal_form() -> None:
    """Family: "Shenzhen Huayu Vision Co., Ltd. ... Huayu said its cameras “...”": a firm named after its
    home city is later called by the rest of its name; "Kestrel Analytics Pte Ltd ... Kestrel CEO X"."""
    text = ("Peru signed a $40 million deal with Shenzhen Huayu Vision Co., Ltd. on Friday. In an email to "
            "reporters, Huayu said its cameras \"meet every standard the buyer has set\".")
    assert speakers(text) == [(("org/shenzhen-huayu-vision",), "meet every standard the buyer has set", True)]
    assert affiliations("Brazil's police bought software from Kestrel Analytics Pte Ltd in May. Kestrel CEO Dan Lim "
                        "said the order was large.") == {("person/dan-lim", "org/kestrel-analytics", "CEO")}


def test_post_described_before_its_holder_is_named() -> None:
    """Family: "The chief executive of Y, a ...-based vendor, faced questions ... X told MPs that Y ...": the
    person opening the next sentence, named there first and speaking of Y, holds the post (not someone
    who speaks of something else)."""
    text = ("The chief executive of Arctis Vision, a Malmo-based camera maker, faced questions from the Senate "
            "Commerce Committee on Tuesday. Jonas Berg told senators that Arctis had sold 900 cameras to Peru.")
    assert affiliations(text) == {("person/jonas-berg", "org/arctis-vision", "chief executive")}
    assert affiliations("The managing director of Praga Analytics, a Czech software house, spoke at a trade fair in "
                        "Brno. Hana Novak said that Praga's exports had doubled.") == {
        ("person/hana-novak", "org/praga-analytics", "managing director")}
    assert affiliations("The head of Praga Analytics, a Czech software house, spoke at a fair in Brno. Eva Kral "
                        "said that the cameras were unsafe.") == set()


def test_possessive_post_as_speaker_is_its_holder() -> None:
    """Family: "Arctis's chief executive said ...", then "“...,” he told the committee": the post's holder
    named before speaks, and the pronoun after is that person, not a body that spoke in between."""
    text = ("Jonas Berg, chief executive of Arctis Vision, appeared before the committee. Amnesty International "
            "said the cameras had been used against students. Arctis's chief executive said the company would "
            "pause sales to Peru. \"We hear these concerns,\" he told the committee.")
    assert speakers(text)[1:] == [
        (("person/jonas-berg",), "the company would pause sales to Peru", False),
        (("person/jonas-berg",), "We hear these concerns", True)]


def test_committee_described_as_the_committee() -> None:
    """Family: "the committee recommended that ...", "The committee's chair, Dame X": "the committee" is the
    committee named before (never merely the last public body); a courtesy title is no part of the name."""
    text = ("The House of Commons Science Committee questioned Arctis Vision. The committee's chair, Dame Ruth Ellery, "
            "was unconvinced. In a report published on 2 June, the committee recommended that the Ministry of "
            "Trade add face recognition to the control list.")
    assert ("person/ruth-ellery", "org/house-of-commons-science-committee", "chair") in affiliations(text)
    assert (("org/house-of-commons-science-committee",),
            "the Ministry of Trade add face recognition to the control list", False) in speakers(text)


def test_accusation_quote_is_the_accusers_words() -> None:
    """Family: "X accused the firm of “...”": the quoted accusation is X's statement."""
    assert speakers("Senator Maria Costa accused the vendor of \"hiding its sales behind shell companies\".") == [
        (("person/maria-costa",), "hiding its sales behind shell companies", True)]
    assert speakers("Rights lawyer Peter Okafor accused the ministry of \"buying cameras first and asking "
                    "questions later\".") == [
        (("person/peter-okafor",), "buying cameras first and asking questions later", True)]


def test_second_quote_of_a_coordinated_predicate() -> None:
    """Family: "he said the force “acts ...” and used the cameras “to ...”": both quotes are the speaker's."""
    text = ("Police spokeswoman Ana Ruiz rejected the claims. In a statement, she said the force \"always follows "
            "the law\" and deployed the cameras \"only to find wanted suspects, not marchers\".")
    assert [q[1] for q in speakers(text) if q[0] == ("person/ana-ruiz",) and q[2]] == [
        "always follows the law", "only to find wanted suspects, not marchers"]


def test_it_after_a_described_document_is_no_speaker() -> None:
    """Family: "The petition names ... It says ...": "it" is the document the sentence before opens with,
    not a court or body named earlier; "In a report ..., the committee urged ... It also urged": the
    body that sentence opens with."""
    text = ("The Lima Rights Centre filed a petition at the Supreme Court of Peru on Monday. The petition names "
            "the interior minister as respondent. It says the cameras were used to track 30 students.")
    assert [q for q in speakers(text) if q[1].startswith("the cameras")] == []
    text = ("The House of Commons Science Committee questioned Arctis Vision. In a report published on 2 June, the "
            "committee recommended that exports need a licence from the Export Licensing Office. It also urged "
            "ministers to refuse licences for police buyers.")
    assert (("org/house-of-commons-science-committee",), "ministers to refuse licences for police buyers", False) \
        in speakers(text)


def test_quote_inside_a_reported_clause_that_goes_on() -> None:
    """Family: "X argues that A are “...” as their rivals, often to ...": the quote is the statement, the
    reported clause around it is not a second one."""
    text = ("The report's lead author, Lena Holm, argues that Nordic vendors are small but are \"bidding for "
            "exactly the same contracts\" as larger rivals, often in countries that jail reporters.")
    assert speakers(text) == [(("person/lena-holm",), "bidding for exactly the same contracts", True)]


def test_he_or_she_is_a_person_not_the_body_that_spoke_last() -> None:
    """Family: a body's statement between a person and "“...,” he said": the pronoun is the person."""
    text = ("Arctis Vision's chief executive, Jonas Berg, defended the sale on Monday. Amnesty International said "
            "the cameras had been used against students in Lima. \"We checked every buyer,\" he said.")
    assert speakers(text)[-1] == (("person/jonas-berg",), "We checked every buyer", True)


def test_body_described_in_apposition_speaks() -> None:
    """Family: "The X Forum (XF), a coalition of lawyers and journalists, said ...": the body before the
    description speaks, not the group named at the description's end."""
    text = ("The Andes Privacy Forum (APF), a coalition of lawyers and journalists, said the tender had been "
            "run in secret.")
    assert speakers(text) == [(("org/andes-privacy-forum",), "the tender had been run in secret", False)]


def test_senator_belongs_to_the_senate_named_before() -> None:
    """Family: "Chile's Senate voted ... Its sponsor, Senator Ana Lima: “...”": a senator sits in the
    senate the text named before."""
    text = ("Chile's Senate voted 30-9 on Tuesday to ban face recognition at stadiums. Its sponsor, Senator Ana "
            "Lima, said fans are not suspects.")
    assert affiliations(text) == {("person/ana-lima", "org/senate", "Senator")}
    assert affiliations("The bill reached the Senate in May. Democratic Senator Paul Ortiz opposed it.") == {
        ("person/paul-ortiz", "org/senate", "Senator")}


def test_role_at_a_place_based_group() -> None:
    """Family: "said X, a Central Asia researcher at the New York-based group": the group named before,
    whether or not the place before "-based" is found as a place."""
    assert affiliations("Amnesty International criticised the sale. \"This is wrong,\" said Lena Berg, a Baltic "
                        "researcher at the New York-based group.") == {
        ("person/lena-berg", "org/amnesty-international", "Baltic researcher")}
    assert affiliations("Human Rights Watch criticised the sale. \"This is wrong,\" said Omar Farouk, a Gulf "
                        "researcher at the Manila-based group.") == {
        ("person/omar-farouk", "org/human-rights-watch", "Gulf researcher")}


def test_flat_denial_is_a_statement() -> None:
    """Family: "Peru's Interior Ministry denies it.", "X rejected the accusations.": a denial ending its
    sentence is a reported statement of its subject."""
    assert speakers("The Lima Rights Centre says police track students. Peru's Interior Ministry denies it.") == [
        (("org/lima-rights-centre",), "police track students", False),
        (("org/interior-ministry",), "denies it", False)]
    assert speakers("Rights groups say the cameras track students. Kestrel Vision rejected the accusations.")[-1] == (
        ("org/kestrel-vision",), "rejected the accusations", False)
