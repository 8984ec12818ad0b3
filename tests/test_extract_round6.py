"""Phrasing families of the sixth generalisation round (one family per test).

Every sentence is a dev sentence written for its family (different wording and entities from the
held-out 6 and 7 documents); the tests assert the facts the real pipeline extracts.
"""
from __future__ import annotations


from tests.extraction import entities, facts, run, stats


# -- statistics ---------------------------------------------------------------------------------

def test_figures_without_their_noun_take_the_unit_named_before() -> None:
    text = ("Researchers at Harvard University counted 900 surveillance deals between 2012 and 2020. "
            "Germany was the biggest exporter, accounting for 310 of them, while France came third with 95.")
    assert stats(text) == {"country/DE": (310, None, 1), "country/FR": (95, None, 3)}
    text = ("Among firms, ZTE was the largest vendor, accounting for 88 deals, while SenseTime was involved "
            "in 61, the study said.")
    assert stats(text) == {"org/zte": (88, None, 1), "org/sensetime": (61, None, None)}
    [sensetime] = [f for f in facts(text, "DealStatistic") if f.roles["exporter"] == ("org/sensetime",)]
    assert sensetime.evidence[0].rule == "deal-count:elliptic-involved"


def test_followed_by_gives_each_party_the_next_rank() -> None:
    text = "Russia was the top seller with 402 deals, followed by India with 150 and Brazil with 77, the report found."
    assert stats(text) == {"country/RU": (402, None, 1), "country/IN": (150, None, 2), "country/BR": (77, None, 3)}
    text = "Megvii ranked second with 14 countries, followed by Yitu with 9."
    assert stats(text) == {"org/megvii": (None, 14, 2), "org/yitu": (None, 9, 3)}


def test_country_reach_of_those_countries_bracketed_figures_and_ranking_first() -> None:
    text = ("The survey covered 90 countries. Japanese companies supplied cameras in 48 of those countries, "
            "ranking first among exporters, ahead of companies based in France (20), Germany (12) and Sweden (7).")
    assert stats(text) == {"group/japanese-companies": (None, 48, 1), "country/FR": (None, 20, None),
                           "country/DE": (None, 12, None), "country/SE": (None, 7, None)}
    text = "IBM alone was involved in projects in 33 countries."
    assert stats(text) == {"org/ibm": (None, 33, None)}
    text = "Vendors sold cameras to 40 countries. Yitu alone was involved in projects in 12 of them."
    assert stats(text)["org/yitu"] == (None, 12, None)


def test_more_than_any_other_country_is_first_place() -> None:
    text = "Russia sold more facial recognition systems to foreign police forces than any other country."
    [stat] = facts(text, "DealStatistic")
    assert stat.roles["exporter"] == ("country/RU",) and stat.values == {"rank": 1}
    assert stat.roles["technology"] == ("technology/face-recognition",)
    assert facts("Brazil bought more facial recognition systems than any other country.", "DealStatistic") == []


# -- studies and authors --------------------------------------------------------------------------

def test_study_by_economists_at_two_institutions_keyed_by_its_lead_author() -> None:
    text = ("A study released on Monday by economists at the London School of Economics and Georgetown University "
            "counted 500 deals. Most deals went to autocracies, said lead author Maria Lopez, an assistant "
            "professor of economics at the LSE.")
    studies = facts(text, "Study")
    assert {f.subject for f in studies} == {"study/lopez"}
    assert studies[0].roles["authorAffiliation"] == ("org/london-school-of-economics", "org/georgetown-university")
    assert studies[1].roles["author"] == ("person/maria-lopez",)
    [statement] = facts(text, "Statement")
    assert statement.roles == {"speaker": ("person/maria-lopez",),
                               "speakerAffiliation": ("org/london-school-of-economics",)}
    assert statement.values == {"quotedText": "Most deals went to autocracies", "isDirectQuote": False}
    [affiliation] = facts(text, "Affiliation")
    assert affiliation.values["role"] == "assistant professor of economics"


def test_two_authors_with_their_own_affiliations() -> None:
    text = ("The paper was written by Anna Berg, a senior lecturer in public law at the University of Oxford, "
            "and Tom Reyes, a professor of sociology at Yale University.")
    [study] = facts(text, "Study")
    assert study.subject == "study/berg"
    assert study.roles["author"] == ("person/anna-berg", "person/tom-reyes")
    assert set(study.roles["authorAffiliation"]) == {"org/university-of-oxford", "org/yale-university"}
    roles = {f.roles["member"][0]: f.values["role"] for f in facts(text, "Affiliation")}
    assert roles == {"person/anna-berg": "senior lecturer in public law",
                     "person/tom-reyes": "professor of sociology"}


def test_a_report_by_an_institution_keeps_the_institution_key() -> None:
    text = ("A report by Human Rights Watch found that police used cameras to monitor protesters. "
            "The report's author, Lena Hoff, said the findings were alarming for everyone.")
    assert {f.subject for f in facts(text, "Study")} == {"study/human-rights-watch"}


def test_her_co_author_of_an_institution_speaks_for_it() -> None:
    text = ("The researchers studied 80 countries. Her co-author, Samuel Park of Yale, said the pattern "
            "held across every region.")
    [statement] = facts(text, "Statement")
    assert statement.roles == {"speaker": ("person/samuel-park",), "speakerAffiliation": ("org/yale-university",)}
    [affiliation] = facts(text, "Affiliation")
    assert affiliation.roles == {"member": ("person/samuel-park",), "organization": ("org/yale-university",)}
    [study] = facts(text, "Study")
    assert study.roles["author"] == ("person/samuel-park",)


# -- attribution --------------------------------------------------------------------------------

def test_speaker_after_the_verb_and_a_firm_spokesperson() -> None:
    text = ("But export controls have done little to slow the trade, argues Omar Said, a professor of law at "
            "Georgetown University.")
    [statement] = facts(text, "Statement")
    assert statement.roles["speaker"] == ("person/omar-said",)
    assert statement.values["quotedText"] == "But export controls have done little to slow the trade"
    text = "A Megvii spokesperson said the company complies with the law in every market where it operates."
    [statement] = facts(text, "Statement")
    assert statement.roles == {"speaker": ("org/megvii",)}


def test_a_quoted_term_inside_reported_speech_is_no_direct_quote() -> None:
    text = ("The Commerce Department added Yitu to the Entity List. The department said the firm had enabled "
            "“digital repression” of Tibetans.")
    [statement] = facts(text, "Statement")
    assert statement.roles["speaker"] == ("org/us-department-of-commerce",)
    assert statement.values["isDirectQuote"] is False
    assert "“digital repression”" in statement.values["quotedText"]


def test_quote_signed_on_the_next_line() -> None:
    text = ("Quotes\n\n“Our country will not supply the tools of repression to any regime.”\n\n"
            "— The Honourable Peter Lang, Minister of Trade\n")
    [statement] = facts(text, "Statement")
    assert statement.roles == {"speaker": ("person/peter-lang",)}
    assert statement.values["isDirectQuote"] is True
    assert statement.evidence[0].rule == "statement:quote-signature"


def test_said_after_a_name_and_its_bracketed_acronym() -> None:
    text = ("Japan's Ministry of Justice (MOJ) said in a statement that it was “examining the export” and "
            "would respond soon.")
    [statement] = facts(text, "Statement")
    assert statement.roles["speaker"] == ("org/ministry-of-justice",)


# -- measures -------------------------------------------------------------------------------------

def test_the_firms_just_named_are_on_the_list() -> None:
    text = "Last year SenseTime sold cameras to Laos and Megvii supplied software to Nepal. Both companies are on the US Entity List."
    [measure] = facts(text, "ExportRestriction")
    assert measure.roles == {"imposedBy": ("country/US",), "targets": ("org/sensetime", "org/megvii")}
    assert measure.values["program"] == "Entity List"
    text = "Huawei, ZTE and Yitu won contracts in Asia. All three firms are on a US sanctions list."
    [measure] = facts(text, "Sanction")
    assert measure.roles == {"imposedBy": ("country/US",), "targets": ("org/huawei", "org/zte", "org/yitu")}


def test_designated_firms_and_a_fined_municipality() -> None:
    [measure] = facts("Japan has also designated Megvii and Yitu.", "Sanction")
    assert measure.roles == {"imposedBy": ("country/JP",), "targets": ("org/megvii", "org/yitu")}
    text = "Germany fined the Municipality of Utrecht €80,000 for running cameras without a legal basis."
    [measure] = facts(text, "Sanction")
    assert measure.roles["targets"] == ("org/municipality-of-utrecht",)
    assert (measure.values["amount"], measure.values["currency"]) == (80_000, "EUR")
    assert ("org/municipality-of-utrecht", "GovernmentBody") in entities(text)


def test_a_ban_on_use_is_a_regulation_and_a_law_name_is_no_use() -> None:
    text = "The European Union's AI Act bans the use of real-time facial recognition by police in public."
    assert facts(text, "ExportRestriction") == []
    [regulation] = facts(text, "Regulation")
    assert regulation.roles == {"imposedBy": ("org/european-union",),
                                "restrictsTechnology": ("technology/face-recognition",)}
    assert not [f for f in facts(text, "TechnologyUse") if "technology/artificial-intelligence" in f.roles["technology"]]
    text = "In 2020 the US imposed restrictions on the use of Yitu's facial recognition software."
    assert facts(text, "Regulation") == [] and len(facts(text, "ExportRestriction")) == 1
    text = "The Dutch Parliament barred municipalities from using facial recognition in public spaces."
    [regulation] = facts(text, "Regulation")
    assert regulation.roles["imposedBy"] == ("org/dutch-parliament",)


def test_own_export_controls_and_a_permit_requirement() -> None:
    text = ("Iran has bought facial recognition cameras abroad. Australia is tightening its export controls. "
            "From March, exporters will need a permit to ship facial recognition cameras to Iran.")
    first, second = facts(text, "ExportRestriction")
    assert first.roles == {"imposedBy": ("country/AU",), "restrictsTechnology": ("technology/face-recognition",)}
    assert facts("Australia is tightening its export controls.", "ExportRestriction") == []  # on nothing named
    assert second.roles == {"imposedBy": ("country/AU",), "targets": ("country/IR",),
                            "restrictsTechnology": ("technology/face-recognition",)}


# -- concerns -----------------------------------------------------------------------------------

def test_surveillance_of_a_group_and_tracking_protesters() -> None:
    text = "The sanctions were aimed at vendors whose cameras were used in the mass surveillance of Tibetans."
    [concern] = facts(text, "HumanRightsConcern")
    assert concern.roles["concernType"] == ("concern-type/surveillance",)
    assert concern.roles["affectedGroup"] == ("group/tibetans",)
    text = "In 12 countries, police used facial recognition to identify people who had joined anti-war protests."
    [concern] = facts(text, "HumanRightsConcern")
    assert concern.roles["concernType"] == ("concern-type/surveillance",)


def test_concern_types_named_with_a_harm_or_a_missing_law() -> None:
    text = "Bias: in tests of 20 algorithms, false matches for older women were five times more frequent."
    [concern] = facts(text, "HumanRightsConcern")
    assert concern.roles["concernType"] == ("concern-type/discrimination",)
    text = "Privacy: in half of the surveyed countries there is no specific law governing facial recognition."
    [concern] = facts(text, "HumanRightsConcern")
    assert concern.roles["concernType"] == ("concern-type/privacy",)


def test_reported_harm_names_its_speaker_and_the_people_exposed() -> None:
    text = ("Lena Ortiz, a researcher at Access Now, studied the trade. According to Ortiz, the cameras leave "
            "protesters and journalists exposed to tracking.")
    [concern] = facts(text, "HumanRightsConcern")
    assert concern.roles["raisedBy"] == ("person/lena-ortiz",)
    assert set(concern.roles["affectedGroup"]) == {"group/activists", "group/journalists"}
    text = "“This is a tool that governments buy to watch their own people,” said Lena Ortiz of Access Now."
    [concern] = facts(text, "HumanRightsConcern")
    assert concern.roles["raisedBy"] == ("person/lena-ortiz",)


def test_raising_alarms_and_documenting_abuses() -> None:
    text = ("Belarus bought facial recognition for the mass surveillance of protesters. Rights groups raised "
            "alarms about the sale.")
    concern = facts(text, "HumanRightsConcern")[-1]
    assert concern.roles["raisedBy"] == ("group/civil-liberties-groups",)
    assert concern.evidence[0].rule == "concern:explicit"
    text = "Amnesty International has documented how police in Iran used facial recognition to detain activists."
    [concern] = facts(text, "HumanRightsConcern")
    assert concern.roles["raisedBy"] == ("org/amnesty-international",)
    assert not [f for f in facts(text, "TechnologyUse") if f.roles.get("user") == ("org/amnesty-international",)]


# -- entities -------------------------------------------------------------------------------------

def test_legal_forms_and_places_stay_out_of_firm_keys_and_short_names_resolve() -> None:
    text = ("Lisbon-based Tagus Vision Co., Ltd., a camera company, won the tender. Tagus will install 900 "
            "cameras. The contract went to Northwind Data Solutions Ltd. in 2019, and Northwind Data Solutions "
            "later sold it on.")
    found = entities(text)
    assert ("org/tagus-vision", "Firm") in found and ("org/northwind-data-solutions", "Firm") in found
    assert not {k for k, _ in found if k in ("org/2019", "org/lisbon-based-tagus-vision", "org/tagus-vision-co")}
    tagus = [m for m in run(text).mentions if m.text == "Tagus"]
    assert tagus and tagus[0].key == "org/tagus-vision"


def test_a_bare_name_line_under_the_headline_is_the_author() -> None:
    text = ("Opinion | Europe must stop exporting surveillance\n\nMarta Kowal\n\n"
            "Europe sells cameras to autocrats.\n\nThe author is a senior researcher at Privacy International.")
    [affiliation] = facts(text, "Affiliation")
    assert affiliation.roles == {"member": ("person/marta-kowal",), "organization": ("org/privacy-international",)}
    assert affiliation.values["role"] == "senior researcher"


def test_who_works_for_an_organisation() -> None:
    text = "“The cameras are everywhere,” said Aziz Karimov, who campaigns on Central Asia for Human Rights Watch."
    affiliations = facts(text, "Affiliation")
    assert [(f.roles["member"], f.roles["organization"]) for f in affiliations] == \
        [(("person/aziz-karimov",), ("org/human-rights-watch",))]
    assert affiliations[0].evidence[0].rule == "affiliation:who-works-for"


def test_the_study_found_that_is_a_claim_of_the_study() -> None:
    text = ("A study by researchers at Stanford University counted 300 camera deals. The authors also found "
            "that poorer states bought cheaper systems from Chinese vendors.")
    [claim] = facts(text, "Claim")
    assert claim.roles == {"claimant": ("study/stanford-university",)}
    assert claim.values["claimText"] == "poorer states bought cheaper systems from Chinese vendors"


def test_an_attribution_inside_the_reported_words() -> None:
    text = ("Lena Ortiz, a researcher at Access Now, studied the trade. The rules cover what police may do "
            "at home, she says, not what vendors sell abroad.")
    [statement] = [f for f in facts(text, "Statement") if f.evidence[0].sentence_index == 1]
    assert statement.roles["speaker"] == ("person/lena-ortiz",)
    assert statement.values["quotedText"] == "The rules cover what police may do at home, not what vendors sell abroad"


def test_a_complaint_by_a_body_with_its_acronym_and_a_later_it() -> None:
    text = ("In May the Digital Freedom Foundation (DFF), a Lisbon-based digital rights group, lodged a complaint "
            "with the regulator, arguing that the cameras violated the privacy of passers-by. "
            "DFF has gone further. This year it filed a lawsuit against Hikvision over the facial recognition "
            "cameras. “Nobody agreed to be scanned,” said Rita Gomes, DFF's president.")
    raisers = {f.evidence[0].sentence_index: f.roles.get("raisedBy") for f in facts(text, "HumanRightsConcern")}
    assert raisers[0] == ("org/digital-freedom-foundation",)
    assert raisers[2] == ("org/digital-freedom-foundation",)
    [sued] = [f for f in facts(text, "HumanRightsConcern") if f.evidence[0].sentence_index == 2]
    assert sued.roles["about"] == ("org/hikvision",) and sued.roles["concernType"] == ("concern-type/privacy",)
    [affiliation] = facts(text, "Affiliation")
    assert affiliation.roles == {"member": ("person/rita-gomes",), "organization": ("org/digital-freedom-foundation",)}
    assert affiliation.values["role"] == "president"


def test_a_speaker_named_with_of_an_institution() -> None:
    text = "Maria Gomez of Harvard University said the findings were worrying for democracies."
    [statement] = facts(text, "Statement")
    assert statement.roles == {"speaker": ("person/maria-gomez",), "speakerAffiliation": ("org/harvard-university",)}


def test_countries_counted_out_of_a_total() -> None:
    text = "Israel supplied systems in 19 of the 80 countries studied."
    assert stats(text) == {"country/IL": (None, 19, None)}


def test_a_university_by_its_short_name_and_a_quote_by_a_co_author() -> None:
    text = ("A new paper by political scientists at Princeton University examined 2,000 deals. The paper's "
            "first author, Hana Ito, a doctoral researcher at Princeton, said the results surprised her team. "
            "“Export bans alone will not work,” said co-author Felix Braun, a fellow at the Brookings Institution.")
    affiliations = {f.roles["member"][0]: f.roles["organization"][0] for f in facts(text, "Affiliation")}
    assert affiliations["person/hana-ito"] == "org/princeton-university"
    quote = [f for f in facts(text, "Statement") if f.values["isDirectQuote"]]
    assert [q.roles["speaker"] for q in quote] == [("person/felix-braun",)]
    assert {f.subject for f in facts(text, "Study")} == {"study/ito"}


def test_intimidating_people_is_a_concern_and_a_law_name_is_no_technology_of_it() -> None:
    text = "Critics say the cameras have been used to intimidate journalists in Serbia."
    [concern] = facts(text, "HumanRightsConcern")
    assert concern.roles["affectedGroup"] == ("group/journalists",)
    text = ("Police in Belgrade use facial recognition cameras. “If a firm sells this software to a regime that "
            "jails journalists, the AI Act has nothing to say about it,” she said.")
    concern = facts(text, "HumanRightsConcern")[-1]
    assert concern.roles["aboutTechnology"] == ("technology/face-recognition",)


def test_sellers_coordinated_before_the_verb() -> None:
    text = "Megvii and SenseTime sold facial recognition cameras to Kenya."
    deals = facts(text, "Deal")
    assert sorted(d.roles["exporter"][0] for d in deals) == ["org/megvii", "org/sensetime"]
    assert all(d.roles["importer"] == ("country/KE",) for d in deals)
    [deal] = facts("According to Kofi Mensah, Megvii sold cameras to Kenya.", "Deal")  # no list before the seller
    assert deal.roles["exporter"] == ("org/megvii",)


def test_gapped_figures_after_a_count() -> None:
    text = "Chinese firms signed 201 deals, the United States 128 and Japan 45."
    assert stats(text) == {"group/chinese-firms": (201, None, None), "country/US": (128, None, None),
                           "country/JP": (45, None, None)}


def test_members_named_after_a_listed_collective() -> None:
    text = ("The Commerce Department added 14 Chinese entities to its Entity List on Tuesday, including "
            "SenseTime and Megvii, citing human rights abuses in Xinjiang.")
    [measure] = facts(text, "ExportRestriction")
    assert measure.roles["targets"] == ("org/sensetime", "org/megvii")
