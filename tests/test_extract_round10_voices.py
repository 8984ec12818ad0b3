"""Round 10 voices: release bylines, corporate officers, analysts, journal articles (dev sentences)."""
from __future__ import annotations

from tests.extraction import affiliations, entities, facts, uses

RELEASE = ("MEDIA RELEASE\n\nThe Hon Ana Ruiz MP\nMinister for Trade\n\n3 May 2026\n\n"
           "Chile bans cameras from Hikvision\n\n"
           "The Government has today banned imports of cameras from Hikvision.\n\n"
           "\"Cameras that track people by their religion have no place in our shops,\" the Minister said. "
           "\"Chile will not sell its ports to them.\"\n")


def statements(text: str) -> set[tuple[str, str, bool]]:
    return {(f.roles["speaker"][0], f.values["quotedText"], f.values["isDirectQuote"])
            for f in facts(text, "Statement")}


def test_release_byline_minister_is_a_person() -> None:
    """"The Hon X MP" on a media release's byline names a person."""
    assert ("person/ana-ruiz", "Person") in entities(RELEASE)
    assert entities("Hon Hai Precision Industry makes phones.") == set()  # no "The": a firm's name


def test_the_minister_quotes_belong_to_the_byline_minister() -> None:
    """Family: quotes attributed to "the Minister" with no name are the person titled Minister
    before (on the byline's next line, in apposition, or before the name)."""
    assert statements(RELEASE) == {
        ("person/ana-ruiz", "Cameras that track people by their religion have no place in our shops", True),
        ("person/ana-ruiz", "Chile will not sell its ports to them.", True)}
    assert [f.roles["raisedBy"] for f in facts(RELEASE, "HumanRightsConcern")] == [("person/ana-ruiz",)]
    text = ("Interior Minister Goran Petrov defended the deployment. \"Honest fans have nothing to fear,\" the "
            "minister said.")
    assert statements(text) == {("person/goran-petrov", "Honest fans have nothing to fear", True)}
    text = "Ana Ruiz met the Minister. \"We will act,\" the Minister said."
    assert statements(text) == set()  # nobody was titled Minister


def test_corporate_officer_title_belongs_to_the_reported_firm() -> None:
    """Family: "Chief executive X said", "Chief financial officer X told the call": the firm the
    report names most often before, not an analyst's bank named once."""
    text = ("Kestrel Analytics Ltd reported higher sales. Kestrel Analytics Ltd sells gates. Ana Vera, who "
            "covers the company for Nordbank Markets, asked about Dubai. Chief executive Maria Lindqvist said "
            "every sale was licensed.")
    assert ("person/maria-lindqvist", "org/kestrel-analytics", "Chief executive") in affiliations(text)
    text = ("Oslo-listed Vaktel Systems ASA reported revenue of NOK 2 billion. Europe was 38% of revenue, followed "
            "by Asia (20%). Chief financial officer Jonas Weber told the call that sales grew.")
    assert affiliations(text) == {("person/jonas-weber", "org/vaktel-systems-asa", "Chief financial officer")}
    assert affiliations("Chief executive Maria Lindqvist said every sale was licensed.") == set()


def test_place_listed_firm_is_a_firm() -> None:
    """"Oslo-listed X", "London-listed X": where a firm trades is no part of its name."""
    assert entities("Oslo-listed Vaktel Systems ASA reported revenue on Friday.") == {
        ("org/vaktel-systems-asa", "Firm"), ("place/oslo", "Place")}
    assert ("org/kestrel-analytics", "Firm") in entities("London-listed Kestrel Analytics Ltd said sales rose.")


def test_ministry_field_named_by_another_word() -> None:
    """"Interior Minister X" belongs to the "Ministry of Internal Affairs" the document names."""
    text = ("The Ministry of Internal Affairs bought the cameras. Interior Minister Goran Petrov defended the "
            "deployment.")
    assert affiliations(text) == {("person/goran-petrov", "org/ministry-of-internal-affairs", "Interior Minister")}


def test_analyst_who_covers_a_firm_for_a_bank_asks_whether() -> None:
    """Family: the earnings call's analyst: "X, who covers the company for Y, asked whether ...": a
    person, the bank (a firm) they work for, and the question as a reported statement."""
    text = ("Lars Berg, who follows European security stocks for Carnegie, asked whether the Dubai business "
            "carried risk.")
    assert {("person/lars-berg", "Person"), ("org/carnegie", "Firm")} <= entities(text)
    assert affiliations(text) == {("person/lars-berg", "org/carnegie", "")}
    assert statements(text) == {("person/lars-berg", "whether the Dubai business carried risk", False)}


def test_people_of_institutions_listed_with_and() -> None:
    """"A of the University of X and B of Y College London": two people, two institutions (the "and"
    before a person of another institution joins no name); a patron's possessive stays in the name."""
    text = "Ana Ruiz of the University of Toronto and Lars Berg of Imperial College London compile a dataset."
    assert entities(text) == {("person/ana-ruiz", "Person"), ("person/lars-berg", "Person"),
                              ("org/university-of-toronto", "ResearchOrganization"),
                              ("org/imperial-college-london", "ResearchOrganization")}
    assert affiliations(text) == {("person/ana-ruiz", "org/university-of-toronto", ""),
                                  ("person/lars-berg", "org/imperial-college-london", "")}
    king = entities("Lars Berg of King's College London said so.")
    assert ("org/kings-college-london", "ResearchOrganization") in king
    assert ("org/university-of-science-and-technology-of-china", "ResearchOrganization") in entities(
        "Researchers at the University of Science and Technology of China said so.")


def test_journal_article_dated_by_issue_and_authored_after_its_title() -> None:
    """Family: a blog post's journal article: "A paper in the March 2025 issue of the Journal of X",
    then "In “Title”, A of U1 and B of U2 compile ...": one study, dated by the issue, keyed by its
    first author."""
    text = ("Posted 3 May 2026\n\nA paper in the March 2025 issue of the Journal of Conflict Studies is the best "
            "attempt yet. In \"Cheap Eyes: Camera Exports, 2005-2020\", Ana Ruiz of the University of Toronto and "
            "Lars Berg of Imperial College London compile a dataset of 300 transfers to 40 countries.")
    found = facts(text, "Study")
    assert {f.subject for f in found} == {"study/ruiz-2025"}
    assert found[0].values["publicationDate"] == "2025-03"
    assert found[1].roles["author"] == ("person/ana-ruiz", "person/lars-berg")
    assert found[1].roles["authorAffiliation"] == ("org/university-of-toronto", "org/imperial-college-london")
    assert facts("In \"Cheap Eyes\", Ana Ruiz of the University of Toronto argues that cameras matter.",
                 "Study") == []  # no article described before the title


def test_systems_used_to_watch_people_are_a_use() -> None:
    """Family: "who oversaw the use of these systems to track residents", "had used biometric
    systems to monitor critics", "detained after the software matched their faces": a use of the
    technology named before, even inside a question or a listing."""
    tech = ("technology/face-recognition",)
    text = ("The firms sell facial recognition checkpoints. Two police chiefs, who oversaw the use of these systems "
            "to track residents, were also listed.")
    assert uses(text) == [(tech, (), "use:result-of-use")]
    text = ("The firm sells facial recognition gates. Lars Berg, who follows the firm for Carnegie, asked whether "
            "Bahraini authorities had used biometric systems to monitor critics.")
    assert uses(text) == [(tech, (), "use:result-of-use")]
    text = ("The stadium has facial recognition cameras. Six fans were detained after the software matched their "
            "faces against a watch list.")
    assert uses(text) == [(tech, (), "use:result-of-use")]
    assert uses("Activists said Bahraini authorities had used facial recognition to monitor journalists.") == [
        (tech, (), "use:technology-application")]
    assert uses("Kestrel Analytics sells facial recognition to customers who want to monitor stock.") == []


def test_capitalised_minorities_are_a_group_of_their_own() -> None:
    """"Uyghurs and other Tibetan Buddhist minorities": not the generic "ethnic minorities"."""
    text = "The sanctions target the surveillance of Uyghurs and other Tibetan Buddhist minorities in the region."
    assert {("group/uyghurs", "Group"), ("group/tibetan-buddhist-minorities", "Group")} <= entities(text)
    assert ("group/ethnic-minorities", "Group") not in entities(text)
    assert ("group/ethnic-minorities", "Group") in entities("Ethnic minorities are watched in the region.")


def concerns(text: str) -> list[tuple]:
    return [(f.roles.get("concernType"), f.roles.get("raisedBy")) for f in facts(text, "HumanRightsConcern")]


def test_supporters_association_filing_a_complaint_raises_a_concern() -> None:
    """Family: "The Association of X Fans, which speaks for some 4,000 members, on Tuesday filed a
    complaint with the Data Protection Agency, arguing that scanning every spectator is
    disproportionate": a civil-society body (people banded together), a concern past an appositive
    holding a number and a day, typed by the privacy body it went to (a disproportionate measure is
    no discrimination)."""
    text = ("Cameras now scan fans with facial recognition. Not everyone is convinced. The Association of Porto "
            "Fans, which says it speaks for some 4,000 members, on Tuesday filed a complaint with the Data "
            "Protection Agency, arguing that scanning every spectator is disproportionate.")
    assert ("org/association-of-porto-fans", "CivilSocietyOrganization") in entities(text)
    assert concerns(text) == [(("concern-type/privacy",), ("org/association-of-porto-fans",))]
    assert ("org/national-association-of-manufacturers", "Organization") in entities(
        "The National Association of Manufacturers said so.")


def test_treated_like_suspects_is_a_harm_of_the_speaker() -> None:
    """Family: a quote saying people were "treated like criminals" is a concern of its speaker."""
    text = ("The stadium uses facial recognition. Its president, Ana Ruiz, said members had been \"treated like "
            "criminals at an airport\" simply for buying a ticket.")
    assert concerns(text) == [(("concern-type/surveillance",), ("person/ana-ruiz",))]


def test_short_quoted_predicate_closing_a_reported_clause_is_also_direct() -> None:
    """"he wrote that the disclosure remained “thinner than lenders should accept.”": a five-word
    quoted predicate is the speaker's own words as well."""
    text = ("Lars Berg, an analyst at Nordbank Markets, was not persuaded. In a note to clients he wrote that the "
            "firm's disclosure on exports remained \"thinner than lenders should accept.\"")
    assert statements(text) == {
        ("person/lars-berg", "thinner than lenders should accept.", True),
        ("person/lars-berg", "the firm's disclosure on exports remained \"thinner than lenders should accept.\"",
         False)}


def test_critic_arguing_harms_are_bought_raises_no_concern() -> None:
    """Family: the critic's response: "regimes go shopping for surveillance", "Buying the tools of
    repression is a symptom": harms named as goods bought argue about demand, not raise a concern;
    a warning about the harm still does."""
    text = ("The cameras use facial recognition. Ana Ruiz, a political scientist at the University of Toronto, "
            "argued that regimes expecting unrest are the ones that go shopping for surveillance. \"Buying the tools "
            "of repression is a symptom, not a cause,\" she said.")
    assert concerns(text) == []
    text = ("The cameras use facial recognition. Ana Ruiz of the University of Toronto warned that the cameras enable "
            "mass surveillance of Uyghurs.")
    assert concerns(text) == [(("concern-type/surveillance",), ("person/ana-ruiz",))]


def test_reason_of_a_measure_in_a_headline_is_no_concern() -> None:
    """Family: "Chile imposes sanctions over surveillance of Tibetans": the measure's reason, which
    the measure carries; a firm used to monitor people is still a concern."""
    assert concerns("Chile imposes sanctions over surveillance of Tibetans\n\nChile has imposed sanctions on "
                    "Hikvision.") == []
    assert concerns("Chile imposes sanctions on firms used to monitor Tibetans.") == [
        (("concern-type/surveillance",), None)]


def test_the_authors_write_is_a_claim_of_their_study() -> None:
    """Family: a blog post quoting its journal article: "“...,” the authors write": a claim of the
    study (a statement has one speaker, so the authors together speak through their study)."""
    text = ("Posted 3 May 2026\n\nA paper in the March 2025 issue of the Journal of Conflict Studies is the best "
            "attempt yet. In \"Cheap Eyes\", Ana Ruiz of the University of Toronto and Lars Berg of Imperial College "
            "London compile a dataset of 300 transfers to 40 countries.\n\n\"Cameras do not make a regime cruel,\" "
            "the authors write, \"but they make cruelty cheap.\"")
    claims = [(f.roles["claimant"], f.values["claimText"]) for f in facts(text, "Claim")]
    assert claims[0] == (("study/ruiz-2025",), "Cameras do not make a regime cruel")
    assert facts(text, "Statement") == []
    assert facts("\"Cameras are cheap,\" the authors write.", "Claim") == []  # no study: nobody known
