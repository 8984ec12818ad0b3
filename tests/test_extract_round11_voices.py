"""Phrasing families of the eleventh generalisation round: who speaks, who holds which office, and
the bodies and people such sentences name.

Every sentence is a dev sentence written for its family (different wording, names, numbers and
countries from the held-out 13 documents); the tests assert the facts the real pipeline extracts.
"""
from __future__ import annotations

from tests.extraction import affiliations, entities, facts, run


def speakers(text: str) -> list[tuple]:
    """(speaker, quotedText) of every Statement."""
    return [(f.roles["speaker"], f.values["quotedText"]) for f in facts(text, "Statement")]


def test_undefined_initials_name_the_body() -> None:
    """Family: "the Lisbon Port Authority ... LPA chief executive X": initials of a body of three or
    more capitalised words name it later without a bracketed definition."""
    assert affiliations("The Lisbon Port Authority will buy face recognition gates. LPA chief executive "
                        "Maria Sousa said the gates would cut queues.") == {
        ("person/maria-sousa", "org/lisbon-port-authority", "chief executive")}
    assert affiliations("The Ontario Civil Rights Alliance sued the city on Monday. OCRA lawyer Ben Hart "
                        "filed the papers.") == {
        ("person/ben-hart", "org/ontario-civil-rights-alliance", "lawyer")}


def test_quote_said_by_body_role_person() -> None:
    """Family: "“...,” said OCRA lawyer Ben Hart": the person after the body's name and role speaks."""
    assert speakers("The Ontario Civil Rights Alliance sued the city. \"No one should be scanned,\" said "
                    "OCRA lawyer Ben Hart.") == [(("person/ben-hart",), "No one should be scanned")]
    assert speakers("\"Cameras do not belong on buses,\" said Amnesty researcher Lena Roth.") == [
        (("person/lena-roth",), "Cameras do not belong on buses")]


def test_party_member_and_ombudsman_titles_name_people() -> None:
    """Family: "Conservative MP Fiona Blake", "Quebec Ombudsman Louise Tremblay": MP and Ombudsman
    are titles before a name, like Senator."""
    assert ("person/fiona-blake", "Person") in entities(
        "Conservative MP Fiona Blake pressed the minister on the contract.")
    assert ("person/ana-silva", "Person") in entities("Green MP Ana Silva asked whether the deal was legal.")


def test_office_holder_named_after_the_office() -> None:
    """Family: "Quebec Ombudsman Louise Tremblay announced": the holder of the office whose name ends
    in her title."""
    assert affiliations("Quebec Ombudsman Louise Tremblay announced Monday that her office has opened an "
                        "investigation.") == {("person/louise-tremblay", "org/quebec-ombudsman", "Ombudsman")}
    assert affiliations("Yukon Ombudsman Peter Cole said the review would take a year.") == {
        ("person/peter-cole", "org/yukon-ombudsman", "Ombudsman")}


def test_title_then_name_of_the_body() -> None:
    """Family: "Inspector-General Kofi Mensah of the X": the capitalised title is the role at X."""
    assert affiliations("Acme sold 300 cameras to Ghana's police. Inspector-General Kofi Mensah of the "
                        "Ghana Police praised it.") == {("person/kofi-mensah", "org/ghana-police", "Inspector-General")}
    assert affiliations("Commissioner Anna Berg of the Data Inspection Board said no.") == {
        ("person/anna-berg", "org/data-inspection-board", "Commissioner")}


def test_possessive_role_subject_is_the_pronoun_speaker() -> None:
    """Family: "The board's chair, Sir Ian Moss, was sceptical. “...,” she said.": the subject
    introduced by a possessive role is who the pronoun refers to."""
    assert speakers("The board's chair, Sir Ian Moss, was sceptical. \"You knew who the buyer was,\" he said.") == [
        (("person/ian-moss",), "You knew who the buyer was")]
    assert speakers("Chief executive Tom Reyes defended the sale. \"We checked every buyer,\" he said. "
                    "The panel's deputy chair, Dr Nadia Qureshi, disagreed. \"You checked nothing,\" she said.") == [
        (("person/tom-reyes",), "We checked every buyer"), (("person/nadia-qureshi",), "You checked nothing")]


def test_civil_liberties_union_is_a_body() -> None:
    """Family: "The Ontario Civil Liberties Union filed suit": a civil liberties union is an
    organisation, not the concern of civil liberties."""
    assert entities("The Ontario Civil Liberties Union filed suit on Monday.") == {
        ("org/ontario-civil-liberties-union", "CivilSocietyOrganization")}
    assert ("org/alberta-civil-liberties-union", "CivilSocietyOrganization") in entities(
        "Lawyers for the Alberta Civil Liberties Union asked a judge to halt the cameras.")


def study_of(text: str) -> list[tuple]:
    """(key, authorAffiliation, publicationDate) of every Study, and (claimant, claimText) of every Claim."""
    found = run(text).facts
    return ([(f.subject, f.roles.get("authorAffiliation"), f.values.get("publicationDate"))
             for f in found if f.kind == "Study"]
            + [(f.roles["claimant"], f.values["claimText"]) for f in found if f.kind == "Claim"])


def test_dated_study_named_by_its_body() -> None:
    """Family: "A 2023 University of Leeds study found that ...": a study by the body named between
    its year and the noun, dated by that year, whose finding is its claim."""
    assert study_of("A 2023 University of Leeds study found that Roma travellers were stopped at four times "
                    "the rate of other travellers.") == [
        ("study/university-of-leeds-2023", ("org/university-of-leeds",), "2023"),
        (("study/university-of-leeds-2023",), "Roma travellers were stopped at four times the rate of other travellers")]
    assert study_of("Cameras went up in May. A 2021 Stanford University study found that the software "
                    "misidentified women more often.") == [
        ("study/stanford-university-2021", ("org/stanford-university",), "2021"),
        (("study/stanford-university-2021",), "the software misidentified women more often")]


def test_people_named_by_race_are_affected_groups() -> None:
    """Family: "would disproportionately affect Indigenous and Black residents": each people named by
    race or indigeneity is a group, and the group a concern's reported harm falls on."""
    [concern] = facts("The Ontario Civil Liberties Union argues the cameras amount to mass surveillance of riders and "
                      "would disproportionately affect Indigenous and Black residents.", "HumanRightsConcern")
    assert concern.roles["affectedGroup"] == ("group/indigenous-people", "group/black-people")
    assert concern.roles["raisedBy"] == ("org/ontario-civil-liberties-union",)
    assert entities("Critics say the system misidentifies Black Londoners.") == {("group/black-people", "Group")}


def test_suit_and_investigation_raise_concerns() -> None:
    """Family: "X filed suit" (no article), "Ombudsman X announced that her office has opened an
    investigation into ... privacy": the body suing and the official investigating raise the concern."""
    assert [f.roles["raisedBy"] for f in facts(
        "Quebec Ombudsman Louise Tremblay announced Friday that her office has opened an investigation into "
        "whether the agency assessed the privacy risks before signing.", "HumanRightsConcern")] == [
        ("person/louise-tremblay",)]
    assert [f.roles.get("raisedBy") for f in facts(
        "Face recognition cameras will go up at bus stops. Privacy advocates warned of mass surveillance. The Nova "
        "Scotia Civil Liberties Union filed suit on Monday, asking a judge to halt the rollout.",
        "HumanRightsConcern")][-1:] == [
        ("org/nova-scotia-civil-liberties-union",)]


def test_name_and_colon_label_a_quote() -> None:
    """Family: digest style "Its author, Senator Ana Ruiz: “...”": the person before the colon speaks."""
    assert speakers('Chile passed the bill. Its author, Senator Ana Ruiz: "Nobody here is a suspect."') == [
        (("person/ana-ruiz",), "Nobody here is a suspect.")]
    assert speakers("Mayor Tom Reyes: “We will not scan faces.”") == [(("person/tom-reyes",), "We will not scan faces.")]
