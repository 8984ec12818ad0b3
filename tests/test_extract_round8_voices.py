"""Phrasing families of the eighth round: who said what, in which role; concerns; studies; uses.

Every sentence is a dev sentence written for its family (different wording, names and countries
from the held-out 10 documents); the tests assert the facts the real pipeline extracts.
"""
from __future__ import annotations

from tests.extraction import facts, run


def affiliations(text: str) -> set[tuple]:
    return {(f.roles["member"][0], f.roles["organization"][0], f.values.get("role")) for f in facts(text, "Affiliation")}


def statements(text: str) -> set[tuple]:
    return {(f.roles["speaker"][0], f.values["quotedText"]) for f in facts(text, "Statement")}


def concerns(text: str) -> list[tuple]:
    return [(f.roles.get("raisedBy"), f.roles.get("affectedGroup"), f.roles.get("about"), len(f.evidence))
            for f in facts(text, "HumanRightsConcern")]


# -- affiliations and speakers ------------------------------------------------------------------

def test_title_opening_the_sentence_speaks_for_the_body_named_before() -> None:
    """"Spokeswoman X told ..." after "Russia's interior ministry rejected ...": role and body."""
    text = ("Russia's interior ministry rejected the report. Spokeswoman Irina Volk told state media the "
            "cameras were \"lawful and necessary\".")
    assert affiliations(text) == {("person/irina-volk", "org/russian-interior-ministry", "Spokeswoman")}
    text = "The Ministry of Justice condemned the ruling. Spokesman Brad Smith said the court had erred."
    assert affiliations(text) == {("person/brad-smith", "org/ministry-of-justice", "Spokesman")}
    # no body named before: no affiliation (the shape needs an organisation)
    assert affiliations("Spokesman Brad Smith said the court had erred.") == set()


def test_long_official_title_names_its_body_by_a_word() -> None:
    """"X, Assistant Secretary of the Treasury for ..., said": the body whose name holds "Treasury"."""
    text = ("The Treasury Department fined two firms on Monday. \"We will stop these networks,\" Alice Brandt, "
            "Assistant Secretary of the Treasury for Export Enforcement, said in the statement.")
    assert affiliations(text) == {("person/alice-brandt", "org/us-department-of-the-treasury",
                                   "Assistant Secretary of the Treasury for Export Enforcement")}
    assert ("person/alice-brandt", "We will stop these networks") in statements(text)
    text = ("The Home Office published the figures. Ana Lima, Permanent Secretary of the Home Office, "
            "said the vans would stay.")
    assert ("person/ana-lima", "org/home-office", "Permanent Secretary of the Home Office") in affiliations(text)


def test_role_over_a_region_then_the_body() -> None:
    """"said X, senior researcher on Central Asia at Y": the role spans the region."""
    text = ("\"Every fan who entered the stadium was turned into a suspect,\" said Hoan Ton-That, senior researcher "
            "on Central Asia at Human Rights Watch.")
    assert affiliations(text) == {("person/hoan-ton-that", "org/human-rights-watch",
                                   "senior researcher on Central Asia")}
    [statement] = facts(text, "Statement")
    assert statement.roles["speakerAffiliation"] == ("org/human-rights-watch",)


def test_who_leads_a_bodys_work() -> None:
    """"X, who leads Amnesty International's work on biometrics": leading its work is working for it."""
    text = "Ana Lima, who leads Amnesty International's work on biometrics, is unmoved."
    assert affiliations(text) == {("person/ana-lima", "org/amnesty-international", None)}
    text = "Brad Smith, who heads the Digital Policy Institute's privacy team, disagreed."
    assert affiliations(text) == {("person/brad-smith", "org/digital-policy-institute", None)}


def test_body_described_a_thing_as_a_partial_quote() -> None:
    """"The ministry has previously described the vans as a tool for “...”": the body speaks."""
    text = ("The Ministry of Transport has previously described the vans as a tool for "
            "\"finding wanted offenders and missing people\".")
    assert statements(text) == {("org/ministry-of-transport", "finding wanted offenders and missing people")}
    text = "The Home Office had long called the cameras \"a proportionate response to knife crime\"."
    assert statements(text) == {("org/home-office", "a proportionate response to knife crime")}


def test_spokesperson_declines_but_says() -> None:
    """"A Dahua spokeswoman declined to comment, saying only that the company “...”": the firm speaks."""
    text = ("A Dahua spokeswoman declined to comment on the contract, saying only that the company "
            "\"remains a trusted partner of the ministry\".")
    assert statements(text) == {("org/dahua", "remains a trusted partner of the ministry")}
    text = "A Hikvision spokesman refused to discuss the deal but said the firm \"complies with all local laws\"."
    assert statements(text) == {("org/hikvision", "complies with all local laws")}


# -- concerns -----------------------------------------------------------------------------------

def test_quote_naming_a_harm_is_a_concern_of_its_speaker() -> None:
    """"was turned into a suspect", "everyone is a suspect", "tools to hunt down critics"."""
    text = "\"Every fan who entered the stadium was turned into a suspect,\" said Hoan Ton-That."
    assert concerns(text) == [(("person/hoan-ton-that",), None, None, 1)]
    text = "\"A country that scans every commuter has decided that everyone is a suspect,\" Brad Smith said."
    assert concerns(text) == [(("person/brad-smith",), None, None, 1)]
    text = "\"Every scanner sold to the militia becomes a veil-enforcement scanner,\" Ana Lima told Reuters."
    assert concerns(text) == [(("person/ana-lima",), None, None, 1)]


def test_continued_quote_restating_the_harm_joins_the_first_concern() -> None:
    """A harm quote continued in the next sentence is one concern with two pieces of evidence."""
    text = ("\"The league now has the tools to hunt down critics for the simple act of chanting,\" said Hoan "
            "Ton-That. \"We will expose the firms that make this repression possible.\"")
    assert concerns(text) == [(("person/hoan-ton-that",), None, None, 2)]


def test_rights_groups_accuse_a_body_of_tracking_people() -> None:
    """"Rights groups have long accused X of using cameras to track ...": a concern about X."""
    text = ("Rights groups have long accused the Belarusian police of using street cameras to track "
            "opposition supporters.")
    assert concerns(text) == [(("group/civil-liberties-groups",), None, ("org/belarusian-police",), 1)]


def test_people_hunted_for_defying_a_rule_are_affected() -> None:
    """"used them to identify women who defy the dress code": women are the affected group."""
    text = ("The ministry bought face recognition cameras for the religious police, which have used them to "
            "identify women who defy the dress code.")
    assert concerns(text) == [(None, ("group/women",), None, 1)]
    text = "Face recognition cameras are now used to track students who criticise the government."
    assert concerns(text) == [(None, ("group/students",), None, 1)]


# -- studies ------------------------------------------------------------------------------------

def studies(text: str) -> list[tuple]:
    return [(f.roles.get("author"), f.roles.get("authorAffiliation"), f.values.get("publicationDate"))
            for f in facts(text, "Study")]


def test_study_by_two_authors_of_one_university() -> None:
    """"A 2024 study by A and B of U": both authors, the year, and each author's affiliation."""
    text = "A 2024 study by Ana Lima and Brad Smith of Stanford University coded 900 camera deals."
    assert studies(text) == [(("person/ana-lima", "person/brad-smith"), ("org/stanford-university",), "2024")]
    assert affiliations(text) == {("person/ana-lima", "org/stanford-university", None),
                                  ("person/brad-smith", "org/stanford-university", None)}


def test_authors_listed_in_the_next_sentence() -> None:
    """"The authors, A, B and C, compiled ...": the study's authors; "available from X" names no author."""
    text = ("A working paper published on 3 March 2025 by two researchers at Stanford University maps the trade. "
            "The authors, Ana Lima, Irina Volk and Brad Smith, compiled 800 contracts. The working paper is "
            "available from Stanford University's website.")
    assert studies(text) == [(None, ("org/stanford-university",), "2025-03-03"),
                             (("person/ana-lima", "person/irina-volk", "person/brad-smith"), None, None)]
    assert run(text).facts[0].subject == "study/lima-2025"


def test_report_described_by_its_sources() -> None:
    """"an investigation published today by X ... The report draws on court files": a study of X."""
    text = ("Police used face recognition to find marchers, according to an investigation published today by "
            "Human Rights Watch (HRW). The report, Faces in the Square, draws on court files and interviews "
            "with 40 students.")
    assert studies(text) == [(None, ("org/human-rights-watch",), None), (None, None, None)]
    assert studies("The study is based on 300 interviews with border guards.") == [(None, None, None)]


def test_comparative_ratio_is_a_claim_of_the_study() -> None:
    """"X were 3.5 times as likely as Y to ...": a ratio in a study's document is the study's claim."""
    text = ("A 2024 study by Ana Lima and Brad Smith of Stanford University coded 900 camera deals. "
            "Autocracies were 3.5 times as likely as democracies to buy cameras from Chinese firms.")
    [claim] = facts(text, "Claim")
    assert claim.roles["claimant"] == ("study/lima-2024",)
    assert claim.values["claimText"] == "Autocracies were 3.5 times as likely as democracies to buy cameras from Chinese firms"
    assert facts("Buyers in Spain were twice as likely to pay in cash.", "Claim") == []  # no study, no claim


def test_coauthors_after_the_author_list_add_no_study() -> None:
    """"Lima and her co-authors argue" after "The authors, A, B and C": a reference back, no new Study."""
    text = ("A working paper published on 3 March 2025 maps the trade. The authors, Ana Lima, Irina Volk and "
            "Brad Smith, compiled 800 contracts. Lima and her co-authors argue that buyers copy their suppliers.")
    assert [f.roles.get("author") for f in facts(text, "Study")] == [
        None, ("person/ana-lima", "person/irina-volk", "person/brad-smith")]


# -- more voices --------------------------------------------------------------------------------

def test_appeal_to_someone_is_a_statement() -> None:
    """"She urged X to ...", "Y calls on X to ...": an appeal is a reported statement."""
    text = ("Ana Lima, a senior lecturer at Stanford University, welcomed the figures in a blog post but warned "
            "that sales counts reveal little about how cameras are used. She urged donor governments to publish "
            "impact assessments.")
    assert statements(text) == {("person/ana-lima", "sales counts reveal little about how cameras are used"),
                                ("person/ana-lima", "donor governments to publish impact assessments")}
    text = "Human Rights Watch calls on the European Union to add Hikvision to its sanctions list."
    assert statements(text) == {("org/human-rights-watch", "the European Union to add Hikvision to its sanctions list")}


def test_unnamed_official_of_a_body_named_before() -> None:
    """"a senior Commerce official told reporters that ...": the body named before by that word."""
    text = ("The Commerce Department added five firms to its list. The listing was welcomed, though a senior "
            "Commerce official told reporters on a call that the agency was \"reviewing other suppliers\".")
    assert statements(text) == {("org/us-department-of-commerce", "reviewing other suppliers")}


def test_title_without_a_full_stop_before_an_inverted_speaker() -> None:
    """"..., said Dr Hoan Ton-That, campaign lead at Y": British titles and a "lead" role."""
    text = "\"Ten names is a start, not a strategy,\" said Dr Hoan Ton-That, campaign lead at Human Rights Watch."
    assert statements(text) == {("person/hoan-ton-that", "Ten names is a start, not a strategy")}
    assert affiliations(text) == {("person/hoan-ton-that", "org/human-rights-watch", "campaign lead")}


def test_open_questions_over_keeping_images_are_a_privacy_concern() -> None:
    """"had not explained how long face images would be stored or who could see them": privacy."""
    text = ("Hikvision won a contract for face recognition gates at Lagos airport. Privacy International said the "
            "government had not explained how long travellers' face images would be stored or who could see them.")
    [concern] = facts(text, "HumanRightsConcern")
    assert concern.roles["raisedBy"] == ("org/privacy-international",)
    assert concern.roles["concernType"] == ("concern-type/privacy",)


def test_words_judging_a_measure_are_no_concern() -> None:
    """"the sanctions were “illegal and inhumane”": a reply to a measure, not a rights concern."""
    text = ("Iran's foreign ministry condemned the move. Spokesman Brad Smith told state television the sanctions "
            "were \"illegal and inhumane\".")
    assert facts(text, "HumanRightsConcern") == []
    assert statements(text) == {("person/brad-smith", "illegal and inhumane")}


def test_records_obtained_by_a_group_show_faces_run_against_a_database() -> None:
    """"Emails obtained by X show officers checked the faces of journalists ...": a use, and X's concern."""
    text = ("Police in Quito bought face recognition software last year. Internal emails obtained by Amnesty "
            "International show that officers checked the faces of journalists against a watch list.")
    assert concerns(text) == [(("org/amnesty-international",), ("group/journalists",), None, 1)]
    [use] = facts(text, "TechnologyUse")
    assert use.roles == {"technology": ("technology/face-recognition",)}


# -- uses ---------------------------------------------------------------------------------------

def uses(text: str) -> list[dict]:
    return [dict(f.roles) for f in facts(text, "TechnologyUse")]


def test_what_the_system_achieved_is_a_use() -> None:
    """"the system has helped locate 20 missing children": a use of the technology named before."""
    text = ("The Metropolitan Police bought face recognition software last year. According to figures the "
            "Metropolitan Police shared, the system has helped locate 20 missing children.")
    assert {"technology": ("technology/face-recognition",), "user": ("org/metropolitan-police",)} in uses(text)
    # what a person says it achieved is their statement, not an established use
    text = ("The Metropolitan Police bought face recognition software last year. Ana Lima, a lawyer at Amnesty "
            "International, said the cameras had helped officers arrest 30 people.")
    assert {"technology": ("technology/face-recognition",)} not in uses(text)
    assert [u for u in uses(text) if "user" not in u and "application" not in u] == []


def test_body_accused_of_using_cameras_is_their_user() -> None:
    """"Rights groups have long accused X of using street cameras to track ...": X uses them."""
    text = ("The Belarusian police bought face recognition last year. Rights groups have long accused the "
            "Belarusian police of using street cameras to track opposition supporters.")
    assert {"technology": ("technology/face-recognition",), "user": ("org/belarusian-police",)} in uses(text)


def test_regulator_fine_with_a_finding_is_its_concern() -> None:
    """"X fined Y ..., finding that it had processed biometric data without a legal basis"."""
    text = ("The CNIL fined the retailer 2 million euros, finding that it had processed biometric data without "
            "a legal basis.")
    [concern] = facts(text, "HumanRightsConcern")
    assert concern.roles["raisedBy"] == ("org/cnil",)
    assert concern.roles["concernType"] == ("concern-type/privacy",)


def test_technology_turning_up_at_protests_is_a_concern() -> None:
    """"... will keep turning up at protests": a quote placing the technology at protests."""
    text = ("\"As long as scanners can be sold to any army, French software will keep turning up at protests,\" "
            "said Hoan Ton-That.")
    assert concerns(text) == [(("person/hoan-ton-that",), None, None, 1)]


def test_use_asked_for_or_refused_is_no_use() -> None:
    """"We urge states to refuse export licences for T destined for law enforcement": no use."""
    text = ("Hikvision sells cameras to Kenya. We urge EU member states to refuse export licences for face "
            "recognition destined for Kenyan law enforcement.")
    assert uses(text) == []
    assert uses("Kenyan police use face recognition for law enforcement.") != []


def test_title_after_an_opening_clause_and_a_title_ending_the_sentence() -> None:
    """"At a briefing in Beijing, spokesperson X said"; "said X, the Under Secretary of Commerce for ..."."""
    text = ("China's foreign ministry rejected the listing. At a regular briefing in Beijing, spokesperson Lin "
            "Haoran said the United States was \"abusing export controls\".")
    assert affiliations(text) == {("person/lin-haoran", "org/chinese-foreign-ministry", "spokesperson")}
    text = ("The Commerce Department added the firms. \"We will act,\" said Karen Holloway, the Under Secretary "
            "of Commerce for Industry and Security.")
    assert affiliations(text) == {("person/karen-holloway", "org/us-department-of-commerce",
                                   "Under Secretary of Commerce for Industry and Security")}


def test_quote_closing_a_reported_clause_is_part_of_it() -> None:
    """"She said the agency would keep adding firms “wherever ...”" is reported speech; after a colon
    the quote is direct."""
    text = ("Ana Lima, a lawyer at Amnesty International, spoke on Monday. She said the agency would keep adding "
            "firms \"wherever the evidence leads.\"")
    [statement] = facts(text, "Statement")
    assert statement.values == {"quotedText": "the agency would keep adding firms \"wherever the evidence leads.\"",
                                "isDirectQuote": False}
    text = ("Ana Lima, a lawyer at Amnesty International, said the team had probably undercounted: \"Most of "
            "these contracts are never published.\"")
    assert ("person/ana-lima", "Most of these contracts are never published.") in statements(text)


def test_definite_role_of_a_network_and_a_hyphenated_role() -> None:
    """"X, the network's director": the body with "Network" in its name, not the last one named;
    "the company's vice-president for international business": the whole role."""
    text = ("A report published last week by the Open Rights Network (ORN), a London-based advocacy group, says "
            "police used face recognition. Human Rights Watch agreed. Ana Lima, the network's director, said "
            "the list was long.")
    assert affiliations(text) == {("person/ana-lima", "org/open-rights-network", "director")}
    text = ("Hikvision won the deal. Brad Smith, the company's vice-president for international business, said "
            "the cameras were \"solely for public safety\".")
    assert affiliations(text) == {("person/brad-smith", "org/hikvision", "vice-president for international business")}


def test_body_citing_words_and_a_concern_naming_a_legal_basis() -> None:
    """"X cited the “...” in its notice" is X's statement; "under an order targeting human rights
    abusers" names the measure's legal basis, no concern."""
    text = ("The Ministry of Transport cited the \"use of biometric identification against minorities and "
            "peaceful marchers\" in its notice.")
    assert statements(text) == {("org/ministry-of-transport",
                                 "use of biometric identification against minorities and peaceful marchers")}
    text = "The Treasury Department sanctioned Hikvision under an executive order targeting human rights abusers."
    assert facts(text, "HumanRightsConcern") == []
    assert facts("Hikvision cameras were used for human rights abuses in Xinjiang, HRW warned.",
                 "HumanRightsConcern") != []
