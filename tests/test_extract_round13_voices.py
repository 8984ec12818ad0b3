"""Phrasing families of the thirteenth generalisation round: people's posts and who said what in formal
genres (court summaries, written questions and their answers, procurement notices, investor memos).

Every sentence is a dev sentence written for its family (different wording, names, numbers and
countries from the held-out 15 documents); the tests assert the facts the real pipeline extracts.
"""
from __future__ import annotations

from tests.extraction import affiliations, entities, facts


def speakers(text: str) -> list[tuple]:
    """(speaker, quotedText, isDirectQuote) of every Statement."""
    return [(f.roles["speaker"], f.values["quotedText"], f.values["isDirectQuote"]) for f in facts(text, "Statement")]


def test_two_posts_in_one_is_sentence() -> None:
    """Family: "X is a Member of the Y for <country> and Vice-Chair of the Z": each post is an affiliation
    with its own body; the country after "for" is no part of the body's name."""
    text = ("Note: Mr Kowalczyk is a Member of the European Parliament for Poland and Chair of the Committee "
            "on Legal Affairs (JURI).")
    assert affiliations(text) == {
        ("person/kowalczyk", "org/european-parliament", "Member"),
        ("person/kowalczyk", "org/committee-on-legal-affairs", "Chair")}
    assert ("person/member", "Person") not in entities(text)
    assert affiliations("Dr Ana Ferreira is a Member of the European Parliament for Portugal and Vice-Chair of the "
                        "Committee on Civil Liberties.") == {
        ("person/ana-ferreira", "org/european-parliament", "Member"),
        ("person/ana-ferreira", "org/committee-on-civil-liberties", "Vice-Chair")}

    assert affiliations("Dr Eva Lind, a Member of the European Parliament for Sweden and Vice-Chair of the Committee "
                        "on Civil Liberties, said the deal was unlawful.") == {
        ("person/eva-lind", "org/european-parliament", "Member"),
        ("person/eva-lind", "org/committee-on-civil-liberties", "Vice-Chair")}


def test_answer_given_on_behalf_of_a_body() -> None:
    """Family: "Answer given by <Title> <Name> on behalf of <body>": the title is the post at that body,
    and the answer's sentences the body opens are the body's statements."""
    text = ("Answer given by Commissioner Dalli on behalf of the European Commission\n(3 May 2025)\n\n"
            "1. The Commission has not funded the purchase of any cameras in Malta. Member States do not "
            "report such purchases.")
    assert affiliations(text) == {("person/dalli", "org/european-commission", "Commissioner")}
    assert speakers(text) == [(("org/european-commission",),
                               "The Commission has not funded the purchase of any cameras in Malta", False)]
    assert affiliations("Answer given by High Representative/Vice-President Moreau on behalf of the European "
                        "Commission") == {
        ("person/moreau", "org/european-commission", "High Representative/Vice-President")}


def test_relative_clause_gives_posts_at_the_firm() -> None:
    """Family: "X, who founded the company and remains its chief executive, ..." and "X, who serves as both
    general counsel and head of compliance, ...": posts at the firm the text is about."""
    assert affiliations("Arctis Vision sells gates to airports. Lena Holm, who founded the company and remains "
                        "its chief executive, told the court that every buyer was vetted.") == {
        ("person/lena-holm", "org/arctis-vision", "chief executive"),
        ("person/lena-holm", "org/arctis-vision", "founder")}
    assert affiliations("We met Kestrel Analytics in May. Laura Chen, who serves as both general counsel and "
                        "head of compliance, told us that the firm sells only to democracies.") == {
        ("person/laura-chen", "org/kestrel-analytics", "general counsel"),
        ("person/laura-chen", "org/kestrel-analytics", "head of compliance")}

    assert affiliations("Kestrel Analytics sells cameras. Laura Chen, who co-founded Kestrel Analytics in 2015 and now "
                        "serves as its chief executive, said the firm sells only to democracies.") == {
        ("person/laura-chen", "org/kestrel-analytics", "chief executive"),
        ("person/laura-chen", "org/kestrel-analytics", "co-founder")}


def test_two_posts_in_apposition() -> None:
    """Family: "X, its founder and chief executive, said": both posts at the body the description means."""
    assert affiliations("Kestrel Analytics sells cameras. Laura Chen, its founder and chief executive, said the firm "
                        "sells only to democracies.") == {
        ("person/laura-chen", "org/kestrel-analytics", "founder"),
        ("person/laura-chen", "org/kestrel-analytics", "chief executive")}
    assert affiliations("Kestrel Analytics sells cameras. Laura Chen, the company's founder and head of sales, said "
                        "the firm sells only to democracies.") == {
        ("person/laura-chen", "org/kestrel-analytics", "founder"),
        ("person/laura-chen", "org/kestrel-analytics", "head of sales")}


def test_second_quote_after_and_that_is_the_same_speaker() -> None:
    """Family: "X told us that Y “...” and that the list was “...”": a second reported clause joined by
    "and that" goes on with the same speaker's words."""
    text = ("Rafael Ortiz told us that Kestrel \"never sold a camera to the army\" and that the leaked list was "
            "\"an old draft shared by a former employee\".")
    assert speakers(text) == [(("person/rafael-ortiz",), "never sold a camera to the army", True),
                              (("person/rafael-ortiz",), "an old draft shared by a former employee", True)]


def test_abbreviation_possessive_role_before_name() -> None:
    """Family: "<ABBR>'s researcher X said": the body defined with that abbreviation before, no comma
    between the role and the name."""
    text = ("The photo came from the Andean Digital Rights Network (ADRN) in 2023. ADRN's researcher Lucia "
            "Quispe said the cameras were installed in 2021.")
    assert affiliations(text) == {("person/lucia-quispe", "org/andean-digital-rights-network", "researcher")}
    assert affiliations("Amnesty International's researcher Omar Haddad said the deal was secret.") == {
        ("person/omar-haddad", "org/amnesty-international", "researcher")}


def test_formal_reporting_verbs() -> None:
    """Family: a court summary's "further submitted that", "contended that", "informed the company that",
    a procurement notice's "replied that": what a party or authority said."""
    assert speakers("Arctis Vision appealed the refusal. The company further submitted that it had never "
                    "shipped cameras to Sudan.") == [
        (("org/arctis-vision",), "it had never shipped cameras to Sudan", False)]
    assert speakers("Kestrel Analytics appealed. The firm contended that the licence rules were unclear.") == [
        (("org/kestrel-analytics",), "the licence rules were unclear", False)]
    assert speakers("Kestrel Analytics appealed. The firm conceded that it had shipped cameras to Sudan.") == [
        (("org/kestrel-analytics",), "it had shipped cameras to Sudan", False)]
    assert speakers("The Danish Business Authority stated in its decision that the cameras required a licence.") == [
        (("org/danish-business-authority",), "the cameras required a licence", False)]
    assert speakers("Amnesty International confirmed that it would sue the city.") == [
        (("org/amnesty-international",), "it would sue the city", False)]
    assert speakers("The Swedish Police Authority, which buys cameras for the regions, informed the supplier "
                    "that the gates would be tested in Malmo.") == [
        (("org/swedish-police-authority",), "the gates would be tested in Malmo", False)]


def test_reported_with_a_time_phrase() -> None:
    """Family: "The research group X reported in June 2023 that ...", "X has previously said that it ...
    after a semicolon": who reported and what."""
    assert speakers("The research group Citizen Lab reported in June 2023 that the app sent location data "
                    "abroad.") == [(("org/citizen-lab",), "the app sent location data abroad", False)]
    assert speakers("Hikvision did not respond to our questions; it has previously said that it complies with "
                    "local laws in every market.") == [
        (("org/hikvision",), "it complies with local laws in every market", False)]


def test_dismissed_as_quote() -> None:
    """Family: "X has dismissed the reports as “...”": the quoted label is X's words."""
    assert speakers("Human Rights Watch has dismissed the ministry's figures as \"a fiction written for "
                    "donors\".") == [(("org/human-rights-watch",), "a fiction written for donors", True)]


def test_told_the_court_at_the_hearing_that() -> None:
    """Precision: "told the court at the hearing on 3 May that “...”": the audience and the occasion are no
    part of what was said, and the quote makes no second, reported statement."""
    text = ("Lena Holm told the court at the hearing on 3 May 2025 that \"a refusal only moves the business to "
            "our competitors\".")
    assert speakers(text) == [(("person/lena-holm",), "a refusal only moves the business to our competitors",
                               True)]


def test_adding_to_a_long_named_list_is_no_speech() -> None:
    """Precision: "the Treasury's Office of Foreign Assets Control added X to the Non-SDN Chinese
    Military-Industrial Complex Companies List, which bars ...": listing is an act, not a statement."""
    assert speakers("On 3 March 2025 the Office of Foreign Assets Control added Kestrel Analytics to the Non-SDN "
                    "Chinese Military-Industrial Complex Companies List, which bars US persons from buying its "
                    "shares.") == []


def test_contact_person_of_a_notice() -> None:
    """Family: a notice written field by field: "Official name: <body>" ... "Contact person: X, <post>": the
    contact holds that post at the body the notice names."""
    text = ("CONTRACT AWARD NOTICE\n\nOfficial name: National Police Board of Finland\n"
            "Postal address: Vuorikatu 4, Helsinki\nContact person: Katalin Nagy, Head of Public Procurement\n"
            "E-mail: hankinnat@police.example\n")
    assert ("person/katalin-nagy", "Person") in entities(text)
    assert affiliations(text) == {("person/katalin-nagy", "org/national-police-board-of-finland",
                                   "Head of Public Procurement")}
    assert affiliations("Official name: Ministry of Internal Affairs of Latvia\nContact point: Janis Ozols, "
                        "Procurement Officer\n") == {
        ("person/janis-ozols", "org/ministry-of-internal-affairs-of-latvia", "Procurement Officer")}


def test_who_also_chairs_a_body() -> None:
    """Family: "X, who also chairs the Senate's Ethics Committee, said": chairing a body is its chair's post."""
    assert affiliations("Rosa Mendes, who also chairs the Senate's Ethics Council, said the cameras "
                        "were unlawful.") == {("person/rosa-mendes", "org/ethics-council", "chair")}
    assert affiliations("Ana Lopes, who leads Amnesty's work on surveillance, said the cameras were unlawful.") == {
        ("person/ana-lopes", "org/amnesty-international", "")}


def test_title_then_who_chairs() -> None:
    """Family: "X, Head of Legal Affairs, who also chairs the Senate's Ethics Council, said": the relative
    clause after a title in apposition gives a post; the body inside it is no speaker."""
    text = ("Dr Tomas Berg, Head of Legal Affairs, who also chairs the Senate's Ethics Council, said the deal was "
            "unlawful.")
    assert affiliations(text) == {("person/tomas-berg", "org/ethics-council", "chair")}
    assert speakers(text) == [(("person/tomas-berg",), "the deal was unlawful", False)]
    assert speakers("Tomas Berg, Head of Legal Affairs, who also chairs the Senate's Ethics Council, said the deal "
                    "was unlawful.") == []


def test_the_tribunal_states() -> None:
    """Family: "“...,” the tribunal states": "the tribunal" (or "the court") is a body named so before."""
    assert speakers("Judgments of the Nordic Appeals Tribunal are final. Kestrel Analytics appealed the refusal. "
                    "\"A licence is not a formality,\" the tribunal states.") == [
        (("org/nordic-appeals-tribunal",), "A licence is not a formality", True)]
    assert speakers("The Ministry of Trade refused the licence. \"Exports are a privilege,\" the court said.") == []


def test_the_company_is_the_firm_the_text_is_about() -> None:
    """Family: "the company" after a rival named once in passing still means the firm named again and again."""
    text = ("Kestrel Analytics appealed the refusal in May. Kestrel argued that the rules were vague. Kestrel said "
            "exports were small. Rivals such as Hikvision offer the same cameras. The company further submitted "
            "that it had never shipped cameras to Sudan.")
    assert speakers(text)[-1] == (("org/kestrel-analytics",), "it had never shipped cameras to Sudan", False)
    assert speakers("Hikvision sold cameras to Kenya. The company said the deal was legal.") == [
        (("org/hikvision",), "the deal was legal", False)]


def test_short_name_without_a_european_legal_form() -> None:
    """Family: "Vikingsyn Optics B.V. ... Vikingsyn said": the name without its legal form and generic tail."""
    assert speakers("Vikingsyn Optics B.V. applied for a licence. Vikingsyn said it would appeal.") == [
        (("org/vikingsyn-optics",), "it would appeal", False)]
    assert speakers("Balkan Vision EOOD won the tender. Balkan said the cameras were tested.") == [
        (("org/balkan-vision",), "the cameras were tested", False)]


def test_titled_family_name_first() -> None:
    """Family: "Li Xiaoming ... Mr Li": a courtesy title goes with the family name, here the first word."""
    text = ("We spoke to Li Xiaoming, the firm's spokesman, on Monday. Mr Li declined to say whether the cameras "
            "were sold.")
    assert {k for k, t in entities(text) if t == "Person"} == {"person/li-xiaoming"}


def test_titled_surname_takes_the_full_name_from_the_text() -> None:
    """Family: a full name the name rules miss ("signed by Anneli Koskinen and 40 others"), then "Ms Koskinen
    is ...": one person, keyed by the full name."""
    text = ("The petition was signed by Anneli Koskinen and 40 others.\n\nNote: Ms Koskinen is a Member of the "
            "European Parliament for Finland.")
    assert {k for k, t in entities(text) if t == "Person"} == {"person/anneli-koskinen"}
    assert affiliations(text) == {("person/anneli-koskinen", "org/european-parliament", "Member")}
    assert {k for k, t in entities("Tabled: Anneli Koskinen; 3 March 2026. Ms Koskinen is an MEP.")
            if t == "Person"} == {"person/anneli-koskinen"}


def test_body_described_with_a_place_name() -> None:
    """Family: "the X Foundation (XF), a Lahore digital rights group, warned that ...": a description opening
    with a place's name."""
    assert speakers("During the review the Digital Rights Foundation (DRF), a Lahore digital rights group, warned "
                    "that the cameras could track journalists.") == [
        (("org/digital-rights-foundation",), "the cameras could track journalists", False)]


def test_party_of_a_court_summary() -> None:
    """Family: "The appellant, X, is ..." / "X (the appellant) v. Y", then "The appellant argued that ...": the
    party named so speaks; a denial ("had never shipped") is no deal."""
    text = ("The appellant, Nordvik Optics AB, is a Malmo company that sells cameras. The minister refused the "
            "licence. The appellant argued that the cameras were civilian goods.")
    assert speakers(text) == [(("org/nordvik-optics",), "the cameras were civilian goods", False)]
    text = ("Summary of judgment (Nordvik Optics AB (the appellant) v. Minister of Trade)\n\nThe minister refused "
            "the licence in May. The appellant further submitted that it had never shipped cameras to Iran.")
    assert speakers(text) == [(("org/nordvik-optics",), "it had never shipped cameras to Iran", False)]
    assert facts(text, "Deal") == [] and facts(text, "Export") == []
