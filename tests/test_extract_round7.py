"""Phrasing families of the seventh generalisation round (one family per test).

Every sentence is a dev sentence written for its family (different wording and entities from the
held-out 8 documents); the tests assert the facts the real pipeline extracts.
"""
from __future__ import annotations

from tests.extraction import entities, facts, run, stats


# -- statistics ---------------------------------------------------------------------------------

def test_rank_without_a_figure() -> None:
    text = "Germany still dominates. German firms signed 300 deals with foreign police forces."
    assert stats(text) == {"country/DE": (None, None, 1), "group/german-firms": (300, None, None)}
    assert stats("In the camera export market, France is a close second.") == {"country/FR": (None, None, 2)}


def test_ranks_after_the_ones_named_before_and_the_top_n() -> None:
    text = "Russia was second with 140 deals, ahead of India with 90 and Brazil with 60."
    assert stats(text) == {"country/RU": (140, None, 2), "country/IN": (90, None, 3), "country/BR": (60, None, 4)}
    text = ("The UK is a distant third. British firms signed 120 export deals, ahead of Spain with 70 and "
            "Italy with 41. Sweden rounded out the top six with 30.")
    assert stats(text) == {"country/GB": (None, None, 3), "group/british-firms": (120, None, None),
                           "country/ES": (70, None, 4), "country/IT": (41, None, 5), "country/SE": (30, None, 6)}
    assert stats("Canada rounded out the top three with 12 contracts.") == {"country/CA": (12, None, 3)}
    assert stats("Sweden was among the top five exporters with 30 deals.") == {"country/SE": (30, None, None)}


# -- measures -----------------------------------------------------------------------------------

def measures(text: str) -> list[tuple]:
    return [(f.kind, f.roles.get("imposedBy"), f.roles.get("targets"), f.values.get("startDate"))
            for f in run(text).facts if f.kind in ("Sanction", "ExportRestriction", "Regulation")]


def test_passive_with_coordinated_targets_and_apposed_participle() -> None:
    text = "Megvii and Yitu were blacklisted by the US in 2020 over abuses in Xinjiang."
    assert measures(text) == [("Sanction", ("country/US",), ("org/megvii", "org/yitu"), "2020")]
    text = "The US added Hikvision to its Entity List. Megvii, blacklisted in 2021, signed 9 deals."
    assert ("Sanction", ("country/US",), ("org/megvii",), "2021") in measures(text)
    text = "The US sanctioned Dahua last year. Yitu, which was sanctioned in 2020, still exports cameras."
    assert ("Sanction", ("country/US",), ("org/yitu",), "2020") in measures(text)


def test_items_added_to_own_export_controls_and_listed_destinations() -> None:
    text = "Canada will add facial recognition cameras to its export control list, the government said."
    [measure] = facts(text, "ExportRestriction")
    assert measure.roles["imposedBy"] == ("country/CA",)
    assert measure.roles["restrictsTechnology"] == ("technology/face-recognition",)
    text = ("Face recognition is spreading. The United Kingdom added biometric surveillance items to its "
            "export controls in 2022.")
    assert measures(text) == [("ExportRestriction", ("country/GB",), None, "2022")]
    text = ("Australia is tightening its export controls on face recognition. Firms will need a licence before "
            "shipping such systems to 11 countries, including Syria, Venezuela and Cuba.")
    assert ("ExportRestriction", ("country/AU",), ("country/SY", "country/VE", "country/CU"), None) in measures(text)


def test_collective_apposed_to_passive_targets_and_other_names_of_export_lists() -> None:
    text = "Megvii and Yitu, the two biggest Chinese AI vendors, were sanctioned by the US in 2021."
    assert measures(text) == [("Sanction", ("country/US",), ("org/megvii", "org/yitu"), "2021")]
    text = ("The Australian government will add face recognition cameras to its list of controlled exports, "
            "the trade minister said.")
    assert [(f.roles["imposedBy"], f.roles["restrictsTechnology"]) for f in facts(text, "ExportRestriction")] == \
        [(("country/AU",), ("technology/face-recognition",))]
    text = "Face recognition is spreading. Japan added biometric items to its own dual-use export regime in 2020."
    assert measures(text) == [("ExportRestriction", ("country/JP",), None, "2020")]


def test_restricting_a_technology_at_home_regulates_its_use() -> None:
    text = "Japan restricts real-time facial recognition at home but allows exports."
    assert measures(text) == [("Regulation", ("country/JP",), None, None)]


# -- attribution --------------------------------------------------------------------------------

def statements(text: str) -> list[tuple]:
    return [(f.roles["speaker"][0], f.values["quotedText"], f.values["isDirectQuote"])
            for f in facts(text, "Statement")]


def test_speaker_is_the_body_a_description_or_pronoun_refers_to() -> None:
    text = ("Police in Quito signed a deal with Vigil Systems. A spokesperson for the Madrid firm told this "
            "newspaper the cameras would be installed in May.")
    assert statements(text) == [("org/vigil-systems", "the cameras would be installed in May", False)]
    text = ("Police in Quito signed a deal with Vigil Systems. A spokesperson for the Madrid-based company said "
            "the cameras would be installed in May.")
    assert statements(text) == [("org/vigil-systems", "the cameras would be installed in May", False)]
    text = "Megvii sold cameras to Uganda. It said it had no contracts in Europe."
    assert statements(text) == [("org/megvii", "it had no contracts in Europe", False)]


def test_next_quote_of_the_paragraph_continues_the_speaker() -> None:
    text = ("\"The list is too short,\" said Ana Vera, a lawyer at the group. \"It leaves out the worst buyers "
            "of surveillance tools.\"")
    assert [s[0] for s in statements(text)] == ["person/ana-vera", "person/ana-vera"]
    text = ("\"The list is too short,\" said Ana Vera. Ministers disagreed. \"It leaves out the worst buyers.\"")
    assert [s[0] for s in statements(text)] == ["person/ana-vera"]


def test_a_forecast_and_according_to_the_study() -> None:
    text = ("Mark Osei, an analyst at Frost Research, spoke on Monday. He estimated that African governments "
            "would spend $900 million on face recognition by 2030.")
    assert statements(text) == [("person/mark-osei",
                                 "African governments would spend $900 million on face recognition by 2030", False)]
    assert statements("An estimated 500 cameras were installed in Lagos.") == []
    text = ("A study by researchers at Princeton University counted 300 deals. According to the study, sales rose "
            "fastest in countries that had just held disputed elections.")
    [claim] = facts(text, "Claim")
    assert claim.values == {"claimText": "sales rose fastest in countries that had just held disputed elections"}


def test_called_something_a_quote() -> None:
    text = ("Anna Berg, a lawyer at Amnesty International, spoke on Monday. Berg called the deal "
            "\"a disgrace to democracy\".")
    assert statements(text) == [("person/anna-berg", "a disgrace to democracy", True)]
    text = "The Nairobi Digital Industry Forum, which represents vendors, called the rules \"workable\"."
    assert statements(text) == [("org/nairobi-digital-industry-forum", "workable", True)]
    text = "The minister called on Megvii to stop. Groups called for a ban on \"emotion recognition\"."
    assert statements(text) == []


def test_names_of_commissions_on_forums_and_technology_firms() -> None:
    found = entities("In Kenya, the Commission on Administrative Justice said it would review the deal.")
    assert ("org/commission-on-administrative-justice", "GovernmentBody") in found
    found = entities("Police bought cameras from Bright Lake Technology last year.")
    assert ("org/bright-lake-technology", "Firm") in found


# -- affiliations and studies ---------------------------------------------------------------------

def test_author_and_role_at_the_body_a_description_refers_to() -> None:
    text = ("A report published on Monday by the Brandt Centre for Digital Policy counts 900 deals. Its lead "
            "author is Sara Okonjo, the centre's director of research.")
    [affiliation] = facts(text, "Affiliation")
    assert affiliation.roles == {"member": ("person/sara-okonjo",),
                                 "organization": ("org/brandt-centre-for-digital-policy",)}
    assert affiliation.values == {"role": "director of research"}
    assert any(f.roles.get("author") == ("person/sara-okonjo",) for f in facts(text, "Study"))


def test_quote_signed_by_its_director_after_the_verb() -> None:
    text = ("Fair Trials Foundation criticised the deal. \"Nobody was asked who keeps the images,\" said its "
            "director, Ana Vera.")
    assert statements(text) == [("person/ana-vera", "Nobody was asked who keeps the images", True)]
    [affiliation] = facts(text, "Affiliation")
    assert affiliation.roles["organization"] == ("org/fair-trials-foundation",)


# -- deals --------------------------------------------------------------------------------------

def test_amount_in_the_first_currency_named_by_its_iso_name() -> None:
    text = ("The Colombian company Orion Vision Systems sealed a deal worth 3.4 billion Colombian pesos (about "
            "$800,000) with the Ecuadorian National Police to supply facial recognition cameras.")
    [deal] = facts(text, "Deal")
    assert deal.roles["exporter"] == ("org/orion-vision-systems",)
    assert deal.roles["importer"] == ("org/ecuadorian-national-police",)
    assert deal.values == {"amount": 3_400_000_000, "currency": "COP"}
    text = "The Chilean police signed a contract worth 900 million Chilean pesos with Hikvision for face recognition."
    [deal] = facts(text, "Deal")
    assert deal.values == {"amount": 900_000_000, "currency": "CLP"}


# -- concerns -----------------------------------------------------------------------------------

def concerns(text: str) -> list[tuple]:
    return [(f.roles.get("raisedBy"), f.roles.get("affectedGroup")) for f in facts(text, "HumanRightsConcern")]


def test_objecting_is_raising_a_concern() -> None:
    lead = "The police bought face recognition cameras from Hikvision to expand mass surveillance. "
    assert concerns(lead + "Privacy advocates were quick to object.") == [(("group/civil-liberties-groups",), None)]
    assert concerns(lead + "Digital rights groups objected to the plan.") == [(("group/civil-liberties-groups",), None)]


def test_accusing_after_a_dated_urge_and_harm_in_reported_or_quoted_words() -> None:
    text = ("Senator Tom Reyes on Tuesday urged the Commerce Department to blacklist Megvii, accusing the company "
            "of helping the police track Uyghurs.")
    assert concerns(text) == [(("person/tom-reyes",), ("group/uyghurs",))]
    text = ("Cameras by Megvii were installed across Kashgar. Human Rights Watch said at least 90 Uyghurs had been "
            "detained after being flagged by the cameras.")
    assert concerns(text) == [(("org/human-rights-watch",), ("group/uyghurs",))]
    text = ("Cameras by Megvii were installed across Kashgar. \"Nobody here can visit a mosque without the "
            "authorities knowing,\" said Senator Tom Reyes.")
    assert concerns(text) == [(("person/tom-reyes",), None)]


def test_a_body_citing_abuses_against_a_community_raises_a_concern() -> None:
    text = ("Police in Davao bought face recognition cameras. In Kenya, the Commission on Administrative Justice "
            "said it would ask the police to explain how the cameras would be used, citing past abuses against "
            "Somali communities.")
    assert concerns(text) == [(("org/commission-on-administrative-justice",), None)]


def test_a_finding_attributed_after_it_to_the_report_is_its_claim() -> None:
    text = ("A report by the Brandt Centre for Digital Policy counts 900 deals. Countries rated \"partly free\" were "
            "1.8 times more likely to buy face recognition cameras after elections, the report says.")
    [claim] = facts(text, "Claim")
    assert claim.roles == {"claimant": ("study/brandt-centre-for-digital-policy",)}
    assert claim.values["claimText"].endswith("1.8 times more likely to buy face recognition cameras after elections")


def test_a_people_group_as_subject_of_a_passive_repression_verb() -> None:
    text = ("Police installed face recognition cameras in Lhasa. The Tibet Justice Centre said at least 60 Tibetans "
            "were arrested after being flagged by the system.")
    [concern] = facts(text, "HumanRightsConcern")
    assert concern.roles["concernType"] == ("concern-type/human-rights-violations",)
    assert concern.roles["affectedGroup"] == ("group/tibetans",)
    assert concern.roles["raisedBy"] == ("org/tibet-justice-centre",)
