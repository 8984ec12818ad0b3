"""Fact rules on phrasings beyond the corpus (one family per test)."""
from __future__ import annotations

from tests.extraction import facts


def test_deal_counts_ranks_and_conflicts_kept() -> None:
    text = ("Hikvision topped the list with 90 deals in face recognition. Dahua is second with 40 deals. "
            "Russia is the world’s third largest exporter of facial recognition systems.")
    found = {(f.roles["exporter"][0], f.values.get("dealCount"), f.values.get("rank"))
             for f in facts(text, "DealStatistic")}
    assert found == {("org/hikvision", 90, 1), ("org/dahua", 40, 2), ("country/RU", None, 3)}
    assert all(f.roles["technology"] == ("technology/face-recognition",) for f in facts(text, "DealStatistic"))


def test_exports_and_deals_between_parties() -> None:
    text = ("In 2018, CloudWalk sold facial recognition software to Zimbabwe. "
            "Megvii signed a $10 million contract with the city of Belgrade for face recognition cameras. "
            "The police in Kenya bought surveillance cameras from Hikvision.")
    deals = {(f.roles["exporter"][0], f.roles["importer"][0], f.values.get("dealDate"))
             for f in facts(text, "Deal")}
    assert deals == {("org/cloudwalk", "country/ZW", "2018"), ("org/megvii", "org/city-of-belgrade", None),
                     ("org/hikvision", "country/KE", None)}


def test_sanction_with_administration_reason_group_and_date() -> None:
    text = ("The Biden administration placed sanctions on SenseTime in December 2021 for its role in "
            "the surveillance of Uyghurs, and could later sanction Megvii.")
    [sanction] = facts(text, "Sanction")
    assert sanction.roles["imposedBy"] == ("country/US",)
    assert sanction.roles["administration"] == ("org/biden-administration",)
    assert sanction.roles["targets"] == ("org/sensetime",)
    assert sanction.roles["affectedGroup"] == ("group/uyghurs",)
    assert sanction.values["startDate"] == "2021-12"
    assert "role in the surveillance of Uyghurs" in sanction.values["reason"]


def test_entity_list_targets_listed_members_not_the_collective() -> None:
    text = "The Commerce Department added Chinese firms, including iFlytek and Yitu, to the Entity List."
    [measure] = facts(text, "ExportRestriction")
    assert measure.roles["imposedBy"] == ("org/us-department-of-commerce",)
    assert set(measure.roles["targets"]) == {"org/iflytek", "org/yitu"}


def test_hypothetical_measures_are_not_facts() -> None:
    text = "Washington could impose sanctions on Hikvision. The US may ban Dahua."
    assert facts(text, "Sanction") == [] and facts(text, "ExportRestriction") == []


def test_statements_direct_reported_and_pronoun() -> None:
    text = ("“The rules are too weak,” said Priya Natarajan, a researcher at the Ada Lovelace Institute. "
            "She added that regulators must act faster on facial recognition. "
            "According to Human Rights Watch, the cameras target minorities in Xinjiang.")
    found = {(f.roles["speaker"][0], f.values["isDirectQuote"], f.values["quotedText"][:20])
             for f in facts(text, "Statement")}
    assert ("person/priya-natarajan", True, "The rules are too we") in found
    assert ("person/priya-natarajan", False, "regulators must act ") in found
    assert ("org/human-rights-watch", False, "the cameras target m") in found
    [aff] = facts(text, "Affiliation")
    assert aff.roles["organization"] == ("org/ada-lovelace-institute",) and aff.values["role"] == "researcher"
    pronoun = [f for f in facts(text, "Statement") if not f.values["isDirectQuote"]
               and f.roles["speaker"] == ("person/priya-natarajan",)]
    assert pronoun[0].evidence[0].confidence < 0.7


def test_concern_raised_by_group_with_affected_group() -> None:
    text = "Privacy campaigners warn that live facial recognition threatens the privacy of journalists."
    [concern] = facts(text, "HumanRightsConcern")
    assert concern.roles["concernType"] == ("concern-type/privacy",)
    assert concern.roles["raisedBy"] == ("group/civil-liberties-groups",)
    assert concern.roles["affectedGroup"] == ("group/journalists",)
    assert concern.roles["aboutTechnology"] == ("technology/face-recognition",)


def test_study_authors_date_and_claim() -> None:
    text = ("A study by Stanford researchers, published in March 2020, found 75 deals. "
            "The study argues that exports follow aid.")
    [study] = facts(text, "Study")
    assert study.roles["authorAffiliation"] == ("org/stanford-university",)
    assert study.values["publicationDate"] == "2020-03"
    [claim] = facts(text, "Claim")
    assert claim.roles["claimant"] == (study.subject,)


def test_technology_use_by_police() -> None:
    text = "Police departments in Brazil rely on facial recognition for border control."
    [use] = facts(text, "TechnologyUse")
    assert use.roles["technology"] == ("technology/face-recognition",)
    assert use.roles["application"] == ("application/border-control",)


def test_passive_fine_and_org_role_name_attribution() -> None:
    text = ("Clearview AI was fined £7.5m by the ICO in May 2022. "
            "\"We will not sell this to regimes,\" Microsoft president Brad Smith said.")
    [fine] = facts(text, "Sanction")
    assert fine.roles == {"imposedBy": ("org/information-commissioners-office",),
                          "targets": ("org/clearview-ai",)}
    assert fine.values["startDate"] == "2022-05"
    [statement] = facts(text, "Statement")
    assert statement.roles["speaker"] == ("person/brad-smith",)
    assert statement.roles["speakerAffiliation"] == ("org/microsoft",)


def test_buyer_first_contract_and_imposer_is_not_its_own_target() -> None:
    text = ("Kenya signed a contract with Huawei for facial recognition cameras. "
            "The European Union banned real-time facial recognition in public spaces.")
    [deal] = facts(text, "Deal")
    assert (deal.roles["exporter"], deal.roles["importer"]) == (("org/huawei",), ("country/KE",))
    [ban] = facts(text, "ExportRestriction")
    assert ban.roles["imposedBy"] == ("org/european-union",) and "targets" not in ban.roles
