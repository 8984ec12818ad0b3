"""Round 9 voices: Q&A interviews, titles tied to bodies, described firms as speakers (dev sentences)."""
from __future__ import annotations

from frkg.facts.context import Context
from frkg.mentions import find_mentions
from frkg.model import Document
from frkg.sentences import parse
from tests.extraction import affiliations, entities, facts

INTERVIEW = ("Maria Lindqvist has been sales director of Kestrel Analytics Ltd since 2019. The company makes "
             "access-control cameras.\n\n"
             "Q: Where do you sell?\n\n"
             "Lindqvist: We sell in 12 countries. We will not sell to police forces without a court order.\n\n"
             "Q: What about Asia?\n\n"
             "Prices there are low. We never ship to Xinjiang.\n")


def statements(text: str) -> set[tuple[str, str]]:
    return {(f.roles["speaker"][0], f.values["quotedText"]) for f in facts(text, "Statement")}


def context(text: str) -> Context:
    doc = Document("d", "t.md", text)
    parsed = parse(doc)
    found = find_mentions(parsed, text)
    return Context(doc, parsed.sentences, found.mentions, attributes=found.attributes)


def test_interviewee_named_in_framing_is_a_person_with_an_affiliation() -> None:
    """The Q&A interview: the answer label "Lindqvist:" names the person of the framing paragraph,
    "X has been ROLE of ORG since ..." is their affiliation."""
    assert ("person/maria-lindqvist", "Person") in entities(INTERVIEW)
    assert affiliations(INTERVIEW) == {("person/maria-lindqvist", "org/kestrel-analytics", "sales director")}


def test_interview_answers_stating_a_stance_are_the_interviewees_statements() -> None:
    """Answers are unattributed; a refusal or commitment in the first person plural is a direct
    statement of the interviewee; plain facts ("We sell in 12 countries") are not."""
    assert statements(INTERVIEW) == {
        ("person/maria-lindqvist", "We will not sell to police forces without a court order"),
        ("person/maria-lindqvist", "We never ship to Xinjiang")}
    [first, _] = facts(INTERVIEW, "Statement")
    assert first.values["isDirectQuote"] is True
    assert first.roles["speakerAffiliation"] == ("org/kestrel-analytics",)


def test_speaker_firm_is_the_interviewees_firm_in_answers_only() -> None:
    """The helper other families use for "we"/"our": the interviewee's firm inside answers."""
    ctx = context(INTERVIEW)
    interview = ctx.interview()
    assert interview is not None and interview.person == "person/maria-lindqvist"
    from frkg.facts import affiliations as family
    family.extract(ctx)
    answer = next(s.index for s in ctx.sentences if s.text.startswith("Lindqvist:"))
    assert ctx.speaker_firm(answer) == "org/kestrel-analytics"
    assert ctx.speaker_firm(0) is None


def test_explainer_with_question_headings_is_no_interview() -> None:
    """An FAQ explainer has question headings but no answer labels or "Q:": nobody is interviewed."""
    text = ("Who sells it?\n\nChinese vendors, led by Hikvision, supply most cameras.\n\n"
            "Who buys it?\n\nMostly governments. We will see more deals.\n")
    assert context(text).interview() is None
    assert facts(text, "Statement") == []


def test_has_been_role_of_an_organisation() -> None:
    """"X has been ROLE of ORG since ...", outside interviews too."""
    text = "Jonas Weber has been chief executive of Kestrel Analytics Ltd since 2018."
    assert affiliations(text) == {("person/jonas-weber", "org/kestrel-analytics", "chief executive")}


def test_municipal_titles_belong_to_the_municipal_body_named_before() -> None:
    """"Municipal commissioner X", "Deputy commissioner X", "BJP corporator X": a title without an
    organisation, tied to the municipal body the document names."""
    text = ("The Nagpur Municipal Corporation approved the plan. Municipal commissioner Vikram Joshi said the "
            "cameras would be installed by June. Deputy commissioner Meera Iyer said the bids were fair.")
    assert affiliations(text) == {
        ("person/vikram-joshi", "org/nagpur-municipal-corporation", "Municipal commissioner"),
        ("person/meera-iyer", "org/nagpur-municipal-corporation", "Deputy commissioner")}
    text = ("The Nagpur Municipal Corporation approved the plan. Congress corporator Meera Iyer said the bids "
            "were unfair.")
    assert affiliations(text) == {("person/meera-iyer", "org/nagpur-municipal-corporation", "corporator")}
    text = "Deputy commissioner Meera Iyer said the bids were fair."
    assert affiliations(text) == set()  # no body named: nothing to state


def test_described_firm_before_a_role_and_a_word_of_a_firm() -> None:
    """"The Swedish firm's chief executive, X," and "A Kestrel director, X, said"."""
    text = ("The Swedish firm Vaktel AB sold cameras. The Swedish firm's chief executive, Lars Berg, told "
            "reporters that it had sold 300 cameras to Chile.")
    assert affiliations(text) == {("person/lars-berg", "org/vaktel-ab", "chief executive")}
    text = ("Kestrel Analytics Ltd lost the tender. A Kestrel director, Jonas Weber, said the firm would appeal.")
    assert affiliations(text) == {("person/jonas-weber", "org/kestrel-analytics", "director")}


def test_partner_at_a_described_firm_and_spokesperson_after_the_verb() -> None:
    """"X, a partner at the Lisbon law firm Y" and "Kestrel “...,” said spokesperson X"."""
    text = "\"It is legal,\" said Rui Matos, a partner at the Lisbon law firm Costa & Reis."
    assert affiliations(text) == {("person/rui-matos", "org/costa-reis", "partner")}
    text = ("Kestrel Analytics Ltd sold the chips. Kestrel \"has never sold a product to Iran,\" said "
            "spokesperson Jonas Weber.")
    assert affiliations(text) == {("person/jonas-weber", "org/kestrel-analytics", "spokesperson")}


def test_described_firm_argues_and_recommendations_are_said() -> None:
    """"the Lyon-based retailer argued that ..." speaks for the firm named last; "She recommended that"."""
    text = ("Kestrel Analytics Ltd said it would appeal. In a statement the Lyon-based retailer argued that the "
            "cameras had cut thefts by a third.")
    assert ("org/kestrel-analytics", "the cameras had cut thefts by a third") in statements(text)
    text = ("Ana Lima, a lawyer at Amnesty International, presented the study. She recommended that importing "
            "States suspend police use of the systems.")
    assert ("person/ana-lima", "importing States suspend police use of the systems") in statements(text)


def test_allegation_in_a_letter_is_the_writers_statement() -> None:
    """"X has written to the ombudsman alleging that ...": the writer speaks, not the addressee."""
    text = ("Kestrel Analytics Ltd has written to the European Ombudsman alleging that the tender was "
            "\"rigged\" for one bidder.")
    assert statements(text) == {("org/kestrel-analytics", "the tender was \"rigged\" for one bidder")}
    text = ("Kestrel Analytics Ltd, whose bid for the whole package was rejected last month, has written to the "
            "European Ombudsman alleging that the tender was \"rigged\" for one bidder.")
    assert statements(text) == {("org/kestrel-analytics", "the tender was \"rigged\" for one bidder")}


def test_denial_of_an_act_is_a_statement() -> None:
    """"X denied ever selling to Y": a denial is said; "denied wrongdoing" says too little to record."""
    text = "Kestrel Analytics Ltd denied ever selling cameras to the Iranian police, directly or indirectly."
    assert statements(text) == {("org/kestrel-analytics",
                                 "ever selling cameras to the Iranian police, directly or indirectly")}
    assert statements("Kestrel Analytics Ltd denied wrongdoing.") == set()
    text = ("Kestrel Analytics Ltd sold the lenses. Kestrel denied ever supplying the Iranian police, directly "
            "or indirectly.")
    assert statements(text) == {("org/kestrel-analytics", "ever supplying the Iranian police, directly or indirectly")}


def test_long_quoted_predicate_closing_reported_speech_is_also_direct() -> None:
    """"told reporters that ... and “has never broken ...”": a quoted predicate of six words or more."""
    text = ("Vaktel AB sold cameras. Its chief executive, Lars Berg, told reporters that the firm had sold to "
            "five retailers and \"has never broken a single European rule\".")
    assert ("person/lars-berg", "has never broken a single European rule") in statements(text)
    text = ("Vaktel AB sold cameras. Its chief executive, Lars Berg, told reporters that the firm had sold the same "
            "cameras to shops in Chile, Peru and Mexico over the past three years and \"has never broken a single "
            "local rule\".")
    assert ("person/lars-berg", "has never broken a single local rule") in statements(text)


def test_special_rapporteur_belongs_to_the_un_body_named_before() -> None:
    """"the Special Rapporteur on the right to food, X": a UN mandate."""
    text = ("In a report to the Human Rights Council, the Special Rapporteur on the right to food, Ana Lima, "
            "found that exports rose.")
    assert affiliations(text) == {("person/ana-lima", "org/human-rights-council", "Special Rapporteur")}


def test_speaker_body_located_in_a_place() -> None:
    """"The Permanent Mission of Peru in Geneva called the report “...”": the body, not the city."""
    text = "The Permanent Mission of Peru in Geneva called the report \"one-sided and unfounded\"."
    assert statements(text) == {("org/permanent-mission-of-peru", "one-sided and unfounded")}


def test_when_it_was_said_is_not_what_was_said() -> None:
    """"said on Tuesday that ...": the day is no part of the statement."""
    text = "The Danish foreign ministry said on Tuesday that exporters will need a licence for cameras."
    [statement] = facts(text, "Statement")
    assert statement.values["quotedText"] == "exporters will need a licence for cameras"


def test_interviewee_known_only_from_the_label_and_framing() -> None:
    """A framing sentence no name pattern reads ("spoke to Maria Lindqvist about exports"): the answer
    label "Lindqvist:" makes the full name the interviewee, a person."""
    text = INTERVIEW.replace("Maria Lindqvist has been sales director of Kestrel Analytics Ltd since 2019.",
                             "Security Weekly spoke to Maria Lindqvist about exports.")
    assert ("person/maria-lindqvist", "Person") in entities(text)
    assert {speaker for speaker, _ in statements(text)} == {"person/maria-lindqvist"}


def test_q_prefixed_interview_without_labels_is_answered_by_the_person_introduced() -> None:
    """"Q:" questions, unlabelled answers: the person the framing names first answers."""
    text = ("Jonas Weber has been chief executive of Kestrel Analytics Ltd since 2018.\n\n"
            "Q: Do you sell to Russia?\n\nNo. We will not sell to Russia.\n\n"
            "Q: And China?\n\nWe sell through partners there.\n")
    assert statements(text) == {("person/jonas-weber", "We will not sell to Russia")}


def test_committee_chair_and_commander_before_the_name() -> None:
    """"Its commander, X,": the body named before; "The committee's chair" is never another kind of body."""
    text = ("The European Commission proposed rules. The committee's chair, Ana Lima, said exports had doubled.")
    assert affiliations(text) == set()  # a committee not named is not the Commission
    text = ("The Padua Municipal Police bought the cameras. Its commander, Lorenzo Bassi, said they worked.")
    assert affiliations(text) == {("person/lorenzo-bassi", "org/padua-municipal-police", "commander")}


def test_minister_title_belongs_to_the_ministry_named_before() -> None:
    """"Home Affairs Minister X told reporters" after "the Ministry of Home Affairs"."""
    text = ("Kenya's Ministry of Home Affairs signed the contract. Home Affairs Minister Joseph Mwangi told "
            "reporters that the network would help the police.")
    assert affiliations(text) == {("person/joseph-mwangi", "org/ministry-of-home-affairs", "Home Affairs Minister")}
    text = "Home Affairs Minister Joseph Mwangi told reporters that the network would help the police."
    assert affiliations(text) == set()


def test_markdown_interview_with_bold_questions(tmp_path) -> None:
    """Bold questions without "Q:" (rendered away by the reader) and a labelled first answer."""
    from frkg.extract import extract_document
    from frkg.readers import read_document
    path = tmp_path / "interview.md"
    path.write_text("# Selling cameras abroad\n\nSecurity Weekly spoke to Maria Lindqvist about exports.\n\n"
                    "**Where do you sell?**\n\nLindqvist: Mostly in Europe. We will not sell to Belarus.\n\n"
                    "**And Asia?**\n\nWe must be careful there.\n", encoding="utf-8")
    found = extract_document(read_document(path))
    said = {(f.roles["speaker"][0], f.values["quotedText"]) for f in found.facts if f.kind == "Statement"}
    assert said == {("person/maria-lindqvist", "We will not sell to Belarus"),
                    ("person/maria-lindqvist", "We must be careful there")}
