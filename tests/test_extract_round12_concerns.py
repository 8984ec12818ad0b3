"""Concern, use, measure and entity families of the twelfth generalisation round (one family per test).

Every sentence is a dev sentence written for its family (different wording, names, numbers and
countries from the held-out 13 and 14 documents); the tests assert what the real pipeline extracts.
"""
from __future__ import annotations

from tests.extraction import entities, facts, run, sentence_of, uses


def concerns(text: str) -> list[tuple]:
    """(raisedBy, concernType, affectedGroup, sentence start) of every HumanRightsConcern."""
    return [(f.roles.get("raisedBy"), f.roles.get("concernType"), f.roles.get("affectedGroup"),
             sentence_of(text, f)[:25]) for f in facts(text, "HumanRightsConcern")]


def raisers(text: str) -> list[tuple]:
    return [f.roles.get("raisedBy") for f in facts(text, "HumanRightsConcern")]


# -- lawsuits and petitions ---------------------------------------------------------------------

LEDE = ("A Lagos-based digital rights group has sued the Nigeria Police Force, accusing officers of using "
        "face recognition to track student protesters.\n\n"
        "In a complaint lodged at the Federal High Court on 2 June 2025, Paradigm Shift Nigeria asks the "
        "judges to halt the programme, saying 17 students were detained after the march.")


def test_indefinite_raiser_of_a_lede_is_the_body_named_next() -> None:
    """Family: "A <place>-based <kind> group has sued X, accusing officers of using T" names its
    raiser in a later sentence; the accused body is the user of T, under its full force name."""
    assert ("org/paradigm-shift-nigeria", "Organization") in entities(LEDE)
    assert ("org/nigeria-police-force", "PoliceDepartment") in entities(LEDE)
    assert ("org/nigeria-police", "PoliceDepartment") not in entities(LEDE)
    assert raisers(LEDE)[0] == ("org/paradigm-shift-nigeria",)
    [use] = [u for u in uses(LEDE) if u[1]]
    assert use[:2] == (("technology/face-recognition",), ("org/nigeria-police-force",))


def test_court_opening_names_the_raiser() -> None:
    """Family: "In a petition/complaint filed at <court> ..., X asks the court ..." is a concern X
    raises (typed by the detentions it names)."""
    found = concerns(LEDE)
    assert (("org/paradigm-shift-nigeria",), ("concern-type/human-rights-violations",), None,
            "In a complaint lodged at ") in found
    text = ("Face recognition cameras went up in Accra last year, and privacy is the worry. Through a petition "
            "submitted to the Supreme Court, Amnesty International asks the judges to stop the scanning of faces.")
    assert concerns(text)[-1] == (("org/amnesty-international",), ("concern-type/privacy",), None,
                                  "Through a petition submit")


# -- harms phrased without the usual keywords ---------------------------------------------------

def test_tool_handed_over_to_watch_people() -> None:
    """Family: "would give the army a means to track dissidents": a tool to watch named people is a
    surveillance concern over them."""
    text = ("The ministry is buying 900 facial recognition cameras. Critics said the purchase would give the "
            "army a new means to track bloggers and cartoonists.")
    [concern] = facts(text, "HumanRightsConcern")
    assert concern.roles["concernType"] == ("concern-type/surveillance",)
    assert concern.roles["affectedGroup"] == ("group/bloggers", "group/cartoonists")
    text = "Face recognition is spreading. The deal hands the regime a powerful tool to identify journalists."
    assert [c[1] for c in concerns(text)] == [("concern-type/surveillance",)]


def test_no_law_governing_the_use_is_a_concern() -> None:
    """Family: "<country> has no law governing biometric data", "There is no law in X that allows
    the police to scan faces": the lack of a law over the technology is a concern, raised by the
    speaker when a quote says so."""
    text = ("Ruritania installed face recognition at its borders in 2024. Ruritania has no law regulating how "
            "biometric data is stored, campaigners say.")
    assert [c[1] for c in concerns(text)] == [("concern-type/privacy",)]
    text = ("Face recognition now covers the capital. \"There is no law in Moldova that permits the government "
            "to scan the faces of every commuter,\" said Tomas Berg.")
    found = concerns(text)
    assert [c[0] for c in found] == [("person/tomas-berg",)]
    assert found[0][3].startswith('"There is no law')
    text = "Face recognition is used at airports. There is no law against selling umbrellas."
    assert concerns(text) == []


def test_quoted_harm_words_without_the_usual_keywords() -> None:
    """Family: a quote that calls the system a dragnet, says it will watch a people ("to watch
    Ruritanians") or that the buyer jails people is its speaker's concern."""
    text = ("Face recognition cameras are going up in Harare. \"We are paying Beijing to watch Zimbabweans,\" "
            "said Tendai Moyo.")
    assert [c[:2] for c in concerns(text)] == [(("person/tendai-moyo",), ("concern-type/surveillance",))]
    text = ("Face recognition cameras are going up in Harare. \"The cameras turn every square into a dragnet,\" "
            "said Tendai Moyo.")
    assert [c[0] for c in concerns(text)] == [("person/tendai-moyo",)]
    text = ("Vendors sell face recognition to the ministry. \"Your client has imprisoned hundreds of students for a "
            "single post,\" said Tendai Moyo.")
    assert [c[:2] for c in concerns(text)] == [(("person/tendai-moyo",), ("concern-type/human-rights-violations",))]


def test_watching_denied_is_no_concern() -> None:
    """Family: "This is about catching thieves, not about watching voters": a denied watching
    names no concern."""
    text = ("The mayor defended the face recognition cameras. \"This is about catching thieves, not about "
            "watching citizens,\" she said.")
    assert concerns(text) == []
    text = "Face recognition cameras were installed. Police use them to monitor citizens at every junction."
    assert [c[1] for c in concerns(text)] == [("concern-type/surveillance",)]


def test_appositive_subject_and_investigation_opened() -> None:
    """Family: "The organisers, privacy group X, say police use the cameras to identify protesters"
    (the appositive name raises it) and "<official> announced that her office has opened an
    investigation into ... privacy ..." (the official raises it)."""
    text = ("The city has 5,000 face recognition cameras. The organisers, digital rights group Open Lens "
            "Foundation, say police use the cameras to identify protesters.")
    [concern] = facts(text, "HumanRightsConcern")
    assert concern.roles["raisedBy"] == ("org/open-lens-foundation",)
    assert concern.roles["concernType"] == ("concern-type/surveillance",)
    text = ("The transit agency bought face recognition cameras. Provincial Ombudsman Marie Tremblay announced "
            "Monday that her office has opened an investigation into whether the agency assessed the privacy risks.")
    assert [c[:2] for c in concerns(text)] == [(("person/marie-tremblay",), ("concern-type/privacy",))]


def test_goods_named_after_a_harm_are_no_concern() -> None:
    """Family: "cyber-surveillance items" is a class of export goods, no surveillance concern."""
    text = ("Face recognition exports grew. Lars Nilsson, a trade lawyer, warned that authorities approve almost "
            "every cyber-surveillance licence they receive.")
    assert all(c[1] != ("concern-type/surveillance",) for c in concerns(text))
    text = ("Canada added cyber-surveillance items to its export regime in 2022, although an audit found that "
            "few licences for face recognition were refused.")
    assert concerns(text) == []


# -- uses ---------------------------------------------------------------------------------------

def test_footage_matched_against_pictures_is_a_use() -> None:
    """Family: "stills from the cameras were compared with mugshots", "used T to identify X":
    what the system was made to do is a use of it."""
    text = ("Face recognition cameras cover the stadium. Stills from the stadium network were compared with "
            "mugshots held by the interior ministry.")
    assert [u[0] for u in uses(text)] == [("technology/face-recognition",)]
    text = "Vendors sell cameras. Soldiers had used face recognition to identify striking miners in 2024."
    assert [u[0] for u in uses(text)] == [("technology/face-recognition",)]


# -- measures -----------------------------------------------------------------------------------

def test_rules_rewritten_are_a_regulation_by_their_author() -> None:
    """Family: "When Norway rewrote its export-licensing rules in 2023", "amended its dual-use
    regulation": the rewritten rules are a measure of their author, dated."""
    text = ("Face recognition sales are booming. When Norway rewrote its export-licensing rules in 2023, it "
            "left biometric software off the list.")
    found = [f for f in run(text).facts if f.kind in ("Regulation", "ExportRestriction")]
    assert [(f.roles["imposedBy"], f.values.get("startDate")) for f in found] == [(("country/NO",), "2023")]
    text = "Face recognition exports rose. Japan amended its dual-use regulations in 2022."
    found = [f for f in run(text).facts if f.kind in ("Regulation", "ExportRestriction")]
    assert [(f.roles["imposedBy"], f.values.get("startDate")) for f in found] == [(("country/JP",), "2022")]


def test_listed_target_ends_where_a_new_clause_opens() -> None:
    """Family: "... to Laos, and the Trade Office will refuse ...": a name with its own verb after
    ", and" opens a clause; it is no further target."""
    text = ("Face recognition is spreading. Canada is tightening its export controls. Exporters will need a permit to ship face recognition software to "
            "Laos, and the Export Licensing Office will refuse such permits where abuses are likely.")
    measures = [f for f in run(text).facts if f.kind in ("ExportRestriction", "Regulation")]
    assert [f.roles.get("targets") for f in measures] == [None, ("country/LA",)]


# -- entities -----------------------------------------------------------------------------------

def test_dateline_city_in_capitals_and_headquarters_city_are_places() -> None:
    """Family: "**OSLO, 3 May 2026** – ..." (markup before a dateline) and "headquartered in
    Gothenburg, the company ..." name places, never organisations."""
    text = ("**GOTHENBURG, 3 May 2026** – Vikra Vision AB today announced a contract with Chile's police.\n\n"
            "Founded in 2011 and headquartered in Gothenburg, the company employs 200 people.")
    places = [(m.sentence_index, m.text, m.key) for m in run(text).mentions if m.entity_type == "Place"]
    assert places == [(0, "GOTHENBURG", "place/gothenburg"), (1, "Gothenburg", "place/gothenburg")]
    assert not any(key == "org/gothenburg" for key, _ in entities(text))


def test_force_names_possessive_parties_and_chapters_stay_whole() -> None:
    """Family: "Ghana Police Service", "Farmers' Progressive Party", "Amnesty International Kenya",
    "Sauti Data Ghana": one entity under its full name."""
    text = ("Kofi Mensah said the Ghana Police Service had bought the cameras. Ama Owusu, who speaks for the "
            "opposition Farmers' Progressive Party, said the deal was secret.")
    found = entities(text)
    assert ("org/ghana-police-service", "PoliceDepartment") in found
    assert ("org/farmers-progressive-party", "Organization") in found
    assert not any(key in ("org/ghana-police", "org/progressive-party") for key, _ in found)
    text = ("Face recognition is spreading in Accra, where Amnesty International Ghana and Sauti Data Ghana "
            "have documented 40 cameras.")
    found = entities(text)
    assert ("org/amnesty-international-ghana", "CivilSocietyOrganization") in found
    assert ("org/sauti-data-ghana", "Organization") in found


def test_committee_listed_ministry_and_cut_words_names() -> None:
    """Family: "House of Lords Justice and Home Affairs Committee" (a chamber's committee), "the
    Foreign, Trade and Development Office" (a listed name) and "Chief Operating Officer" (no office)."""
    text = ("The House of Lords Justice and Home Affairs Committee heard from the Foreign, Trade and Development "
            "Office on Tuesday. Jan Berg, Chief Operating Officer of Vikra Vision, also spoke.")
    found = entities(text)
    assert ("org/house-of-lords-justice-and-home-affairs-committee", "Legislature") in found
    assert ("org/foreign-trade-and-development-office", "GovernmentBody") in found
    assert not any(key in ("org/chief-operating-office", "org/development-office") for key, _ in found)
    text = "Amnesty, Liberty and Privacy International criticised the Home Office."
    assert ("org/privacy-international", "CivilSocietyOrganization") in entities(text)
    assert not any(key.startswith("org/amnesty-liberty") for key, _ in entities(text))
    text = "The United Arab Emirates' Ministry of Interior signed the contract."
    assert ("org/ministry-of-interior", "GovernmentBody") in {(k, t) for k, t in entities(text)} or \
        not any(key.startswith("org/emirates") for key, _ in entities(text))


def test_chambers_and_their_subcommittees() -> None:
    """Family: a chamber named by its generic name ("Chile's Senate", "the Chamber of Deputies",
    "the National Assembly") and its subcommittee with a remit, not a weekday."""
    text = ("Chile's Senate voted 30-9 to ban face recognition in schools. The bill now goes to the Chamber of "
            "Deputies, and the National Assembly of Ecuador is weighing a copy.")
    found = entities(text)
    assert {("org/senate", "Legislature"), ("org/chamber-of-deputies", "Legislature"),
            ("org/national-assembly", "Legislature")} <= found
    text = ("Marta Ruiz, who chairs the Senate Judiciary subcommittee on Privacy and Technology, spoke to the "
            "House of Commons Science and Technology Committee on Monday.")
    found = entities(text)
    assert ("org/senate-judiciary-subcommittee-on-privacy-and-technology", "Legislature") in found
    assert ("org/house-of-commons-science-and-technology-committee", "Legislature") in found


# -- studies ------------------------------------------------------------------------------------

def test_named_researchers_who_did_research_and_official_reports() -> None:
    """Family: "Researchers A and B surveyed 40 cities" is a study by them; "In a report published
    on 2 May, the committee urged ..." is a committee's finding, no study."""
    text = ("New figures from Uppsala University. Researchers Karin Holm and Ali Rahimi surveyed buyers of face "
            "recognition in 40 cities.")
    [study] = facts(text, "Study")
    assert study.roles["author"] == ("person/karin-holm", "person/ali-rahimi")
    assert study.subject == "study/holm"
    text = ("MPs questioned the vendor about face recognition sales. In a report published on 2 May, the committee "
            "urged ministers to license such exports.")
    assert facts(text, "Study") == []
    text = "Researchers Karin Holm and Ali Rahimi said face recognition was spreading."
    assert facts(text, "Study") == []


# -- more harm phrasings ------------------------------------------------------------------------

def test_quotes_that_name_hunting_critics_or_logging_who_protests() -> None:
    """Family: a quote that says the buyer "wants to find dissidents", that the cameras keep "a
    record of who attends every rally" or "can be pointed at student marches" is its speaker's
    concern; "to watch Ruritanians" names the watched people as a group."""
    lead = "Face recognition cameras are spreading across Tbilisi. "
    for quote in ("The software is never neutral when the client wants to find critics",
                  "These cameras give the police a record of who attends every rally",
                  "The cameras can just as easily be pointed at student marches as at burglars"):
        text = lead + f"\"{quote},\" said Nino Beridze."
        assert [c[0] for c in concerns(text)] == [("person/nino-beridze",)], quote
    text = lead + "\"The same cameras now watch Georgians on their way to church,\" said Nino Beridze."
    [concern] = facts(text, "HumanRightsConcern")
    assert concern.roles["affectedGroup"] == ("group/georgians",)


def test_quote_naming_the_concern_without_a_risk_word() -> None:
    """Family: "“It turns the whole city into a surveillance zone,” said X": a quote naming the
    concern type is its speaker's concern; surveillance goods ("surveillance AI tech") are none."""
    text = ("Face recognition covers Almaty. \"The system is turning every square into a surveillance zone,\" said "
            "Aigerim Sadykova.")
    assert [c[:2] for c in concerns(text)] == [(("person/aigerim-sadykova",), ("concern-type/surveillance",))]
    text = ("Face recognition covers Almaty. \"Kazakhstan has built a whole range of surveillance AI tech it can "
            "export,\" said Aigerim Sadykova.")
    assert concerns(text) == []


def test_office_of_a_body_raises_and_tool_named_between_use_and_purpose() -> None:
    """Family: "Human Rights Watch's regional office in Nairobi raised concerns, noting that police
    had used face recognition to identify journalists and women's rights activists": the office
    speaks for the body; the people identified are the affected groups."""
    text = ("Face recognition cameras went up in Kampala. Human Rights Watch's regional office in Nairobi also "
            "raised concerns, noting that police in the region had used similar systems to track bloggers.")
    assert raisers(text) == [("org/human-rights-watch",)]
    text = ("A report by Freedom House says police in Minsk used facial recognition to identify more than 300 "
            "protesters and their relatives.")
    [concern] = facts(text, "HumanRightsConcern")
    assert concern.roles["concernType"] == ("concern-type/surveillance",)
    assert not any("relatives" in g for g in concern.roles.get("affectedGroup", ()))


def test_trained_to_operate_and_uses_the_system_to_find() -> None:
    """Family: "train 200 officers of the X Police Service to operate the system" and "The city uses
    the system to find wanted suspects" are uses of the technology named before."""
    text = ("Dahua will supply face recognition cameras to Ghana. The firm will also train 200 officers of the "
            "Ghana Police Service to operate the system.")
    assert ("technology/face-recognition",) in [u[0] for u in uses(text) if u[1] == ("org/ghana-police-service",)]
    text = "Face recognition went live in Minsk in 2023. The city uses the system to find missing children."
    assert [u[0] for u in uses(text)] == [("technology/face-recognition",)]


def test_study_published_last_month_takes_the_story_year() -> None:
    """Family: "A study published last October by X" in a story dated 3 March 2027 was published
    in 2026-10 ("last year": the year before); the study is keyed by its lead author and year."""
    text = ("ANALYSIS | 3 March 2027\n\nA study published last October by the Lisbon Institute for Data Policy found "
            "60 exporters of face recognition. The study's lead author, Rita Sousa, says most sell to police.")
    [first, second] = facts(text, "Study")
    assert first.values.get("publicationDate") == "2026-10"
    assert first.subject == second.subject == "study/sousa-2026"
    text = ("ANALYSIS | 3 March 2027\n\nA report released last year by the Lisbon Institute for Data Policy counted "
            "60 exporters of face recognition.")
    assert [f.values.get("publicationDate") for f in facts(text, "Study")] == ["2026"]


def test_people_held_in_detention_and_a_law_firm_partner_quoted() -> None:
    """Family: "... too late for the Tibetans held in detention camps" (the held group is the
    repressed one) and a quote by a partner of a law firm that acts for the harmed (no vendor
    defending its system) is a concern."""
    text = ("Face recognition vendors were blacklisted. Rights groups said the move came too late for the "
            "thousands of Tibetans held in detention camps.")
    [concern] = facts(text, "HumanRightsConcern")
    assert concern.roles["affectedGroup"] == ("group/tibetans",)
    text = ("The regulator fined the chain for its face recognition cameras. Ana Costa, a partner at the Lisbon firm "
            "Costa & Reis, acted for the shoppers.\n\n\"Customers never agreed to hand over their faces to buy "
            "bread,\" Ms Costa said.")
    assert [c[0] for c in concerns(text) if c[3].startswith('"Customers')] == [("person/ana-costa",)]
    text = ("Vikra Vision sold face recognition cameras to the ministry. \"Nobody agreed to be watched, so we "
            "delete images after 24 hours,\" said Jan Berg, chief executive of Vikra Vision.")
    assert concerns(text) == []


def test_a_completed_sale_to_police_is_no_use() -> None:
    """Family: "X has sold 900 face recognition cameras to the Y Police Service" reports a sale (a
    trade fact), not a use; "X supplies cameras that police use" still is one."""
    text = "Vikra Vision has sold 900 face recognition cameras to the Ghana Police Service."
    assert uses(text) == []
    text = "Vikra Vision supplies face recognition cameras that the Ghana Police Service uses at checkpoints."
    assert [u[1] for u in uses(text)] == [("org/ghana-police-service",)]


def test_indefinite_watchdog_suing_is_named_next_and_a_watchdog_watches_nobody() -> None:
    """Family: "A <city>-based privacy watchdog has filed a lawsuit against X" (no harm word but the
    legal action) is a concern of the body named in the next sentence; "watchdog" names no watching."""
    text = ("A Johannesburg-based privacy watchdog has filed a lawsuit against the South African Police Service "
            "over its use of facial recognition. The group, Digital Rights Watch, says the cameras went up "
            "without consultation.")
    found = facts(text, "HumanRightsConcern")
    assert [(f.roles["raisedBy"], f.roles["concernType"], f.roles["about"]) for f in found][0] == (
        ("org/digital-rights-watch",), ("concern-type/privacy",), ("org/south-african-police-service",))
