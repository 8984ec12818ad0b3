"""Measure, study, concern and entity families of the thirteenth generalisation round (one family per test).

Every sentence is a dev sentence written for its family (different wording, names, numbers and
countries from the held-out 15 documents); the tests assert what the real pipeline extracts.
"""
from __future__ import annotations

from tests.extraction import entities, facts, run, sentence_of

MEASURES = ("Sanction", "ExportRestriction", "Regulation")


def measures(text: str) -> list[tuple]:
    """(imposedBy, targets, startDate, sentence index) of every measure."""
    return [(f.roles.get("imposedBy"), f.roles.get("targets"), f.values.get("startDate"), f.evidence[0].sentence_index)
            for f in run(text).facts if f.kind in MEASURES]


def concerns(text: str) -> list[tuple]:
    """(raisedBy, about, affectedGroup, sentence start) of every HumanRightsConcern."""
    return [(f.roles.get("raisedBy"), f.roles.get("about"), f.roles.get("affectedGroup"), sentence_of(text, f)[:25])
            for f in facts(text, "HumanRightsConcern")]


def studies(text: str) -> list[tuple]:
    """(subject, authorAffiliation, publicationDate) of every Study."""
    return [(f.subject, f.roles.get("authorAffiliation"), f.values.get("publicationDate")) for f in facts(text, "Study")]


# -- listings stated as a state ---------------------------------------------------------------------

def test_collective_on_a_list_is_the_pair_named_together() -> None:
    """Family: "Both vendors have been on the US Entity List since June 2021": the two firms named
    together before (not a reseller named after them), dated by the sentence."""
    text = ("In 2023 the town council of Tarnow bought 300 cameras from Megvii and Yitu through a Megvii "
            "distributor, Polvis Systems. Both vendors have been on the US Entity List since June 2021 because "
            "of their role in the surveillance of Uyghurs.")
    [listing] = [f for f in run(text).facts if f.kind in MEASURES]
    assert (listing.roles["imposedBy"], listing.roles["targets"]) == (("country/US",), ("org/megvii", "org/yitu"))
    assert (listing.values["startDate"], listing.values["program"]) == ("2021-06", "Entity List")
    text = ("Gdansk airport installed gates from CloudWalk and iFlytek, supplied by a local integrator, Baltic "
            "Vision Systems. The two companies have been on the United States Entity List since 2019.")
    assert measures(text) == [(("country/US",), ("org/cloudwalk", "org/iflytek"), "2019", 1)]


def test_listed_since_with_a_later_target_of_its_own_year() -> None:
    """Family: "X and Y have been listed since 2020, and Z since 2022": the listing's owner is the
    list the sentence before names (even in a negation, which itself lists nobody)."""
    text = ("Kovra Analytics is not on the Commerce Department's Entity List. Its rivals Megvii and Yitu have "
            "been listed since 2020, and CloudWalk since 2022.")
    assert measures(text) == [(("org/us-department-of-commerce",), ("org/megvii", "org/yitu"), "2020", 1),
                              (("org/us-department-of-commerce",), ("org/cloudwalk",), "2022", 1)]
    text = "The US added Hikvision to its Entity List in 2019. Its rival Dahua was listed in 2020, and Megvii in 2021."
    assert measures(text) == [(("country/US",), ("org/hikvision",), "2019", 0),
                              (("country/US",), ("org/dahua",), "2020", 1),
                              (("country/US",), ("org/megvii",), "2021", 1)]


def test_long_named_list_and_described_listing() -> None:
    """Family: a list with a long name ("the Restricted Foreign Surveillance Technology Vendors List")
    and members added only as described ("Belarus's state-owned potash producers"), dated in their
    own clause."""
    text = ("On 9 May 2023 the US Department of State added CloudWalk to the Restricted Foreign Surveillance "
            "Technology Vendors List, which bars American firms from investing in it.")
    assert measures(text)[0] == (("org/us-department-of-state",), ("org/cloudwalk",), "2023-05-09", 0)
    text = ("Trade with Belarus is already hard: Japan has restricted the sale of surveillance cameras to the "
            "country since 2020, and in 2021 Canada added Belarus's state-owned potash producers and two of "
            "their banks to its sanctions list.")
    assert measures(text) == [(("country/JP",), ("country/BY",), "2020", 0),
                              (("country/CA",), ("group/state-owned-potash-producers",), "2021", 0)]


def test_embargo_on_the_country_named_before() -> None:
    """Family: "the EU has banned the export of X to the country since 2012": "the country" is the one
    named before; a colon's explanation is stated, not hypothetical."""
    text = ("Selling face recognition to Iran would be risky: the European Union has banned the export of "
            "telecommunications monitoring equipment to the country since 2012.")
    assert measures(text) == [(("org/european-union",), ("country/IR",), "2012", 0)]
    text = ("Belarus jailed 300 protesters filmed by face recognition cameras. Canada imposed sanctions on the "
            "country in 2021.")
    assert measures(text) == [(("country/CA",), ("country/BY",), "2021", 1)]


# -- licences and rules cited ----------------------------------------------------------------------

def test_licence_refused_by_decision() -> None:
    """Family: "By decision of <date> the <body> refused the licence": a refusal dated by its
    decision, covering the exported technology."""
    text = ("Lumen Vision wanted to export its face recognition software to Egypt. By decision of 3 October 2023 the "
            "Inspectorate of Strategic Products refused the licence.")
    [refusal] = [f for f in run(text).facts if f.kind in MEASURES]
    assert refusal.kind == "ExportRestriction"
    assert refusal.roles["imposedBy"] == ("org/inspectorate-of-strategic-products",)
    assert (refusal.values["startDate"], refusal.roles["restrictsTechnology"]) == \
        ("2023-10-03", ("technology/face-recognition",))
    # a refused licence application is the older family, still read
    text = "Exports of face recognition to Iran are watched. Sweden has refused the export licence for Kestrel Vision."
    assert measures(text)[0][0] == ("country/SE",)


def test_rules_cited_by_article_and_named_act() -> None:
    """Family: "Article 7 of Regulation (EU) 2019/125 already requires an authorisation for ..." (the
    EU's requirement on the story's technology) and "since <date> the <Name> Act has prohibited ...
    on the <jurisdiction> market" (a Regulation dated by the sentence)."""
    text = ("Face recognition is sold across the region. Article 7 of Regulation (EU) 2019/125 already requires "
            "an authorisation for the export of goods that could be used for torture.")
    [rule] = [f for f in run(text).facts if f.kind in MEASURES]
    assert (rule.kind, rule.roles["imposedBy"], rule.roles["restrictsTechnology"]) == \
        ("ExportRestriction", ("org/european-union",), ("technology/face-recognition",))
    text = ("Since 1 August 2024 the Online Safety Act has prohibited the sale in the United Kingdom of apps "
            "that build face recognition databases from scraped photos.")
    [law] = [f for f in run(text).facts if f.kind in MEASURES]
    assert (law.kind, law.roles["imposedBy"], law.values["startDate"]) == ("Regulation", ("country/GB",), "2024-08-01")
    assert law.roles["restrictsTechnology"] == ("technology/face-recognition",)


# -- studies -----------------------------------------------------------------------------------------

def test_study_published_by_a_described_outlet() -> None:
    """Family: "a report published on <date> by the <place>-based outlet X" and "published by X in
    a <month year> report": the publisher is the study's author affiliation, keyed by it."""
    text = ("According to a report published on 12 May 2025 by the Vilnius-based outlet Siena Monitor, eight "
            "towns bought Hikvision cameras.")
    assert studies(text) == [("study/siena-monitor-2025", ("org/siena-monitor",), "2025-05-12")]
    assert ("org/siena-monitor", "Organization") in entities(text)
    text = ("The photo is real. It was first published by the Cambodian Digital Rights Network (CDRN) in a May "
            "2023 report on face recognition cameras in Phnom Penh.")
    assert studies(text) == [("study/cambodian-digital-rights-network-2023", ("org/cambodian-digital-rights-network",),
                              "2023-05")]


# -- concerns ----------------------------------------------------------------------------------------

def test_detentions_of_listed_people_are_the_affected_groups() -> None:
    """Family: "reports documenting arbitrary detentions of A and B in <region>": both groups are
    affected, a new one named by its words."""
    text = ("The ministry refused to license the face recognition software after reports documenting arbitrary "
            "detentions of bloggers and trade unionists in the Tigray region.")
    assert [c[2] for c in concerns(text)] == [("group/bloggers", "group/trade-unionists")]
    text = ("Face recognition cameras cover Minsk. Viasna has recorded the unlawful detentions of activists and "
            "students who were filmed at rallies.")
    assert [c[2] for c in concerns(text)][-1] == ("group/activists", "group/students")


def test_body_that_warned_raises_the_concern() -> None:
    """Family: "X (ABBR), a <city> privacy group, warned that the gates could ...": X raises the
    concern (it is not what the concern is about)."""
    text = ("During the consultation the Foundation for Digital Liberty (FDL), a Warsaw privacy group, warned that "
            "the face recognition scanners could be used to create a lasting register of every visitor.")
    [(raised, about, _, _)] = concerns(text)
    assert raised == ("org/foundation-for-digital-liberty",) and not about
    text = ("In its submission the Association for Open Technology (AOT), a Sofia digital rights group, warned that "
            "the face recognition gates would keep the biometric data of every passenger for years.")
    [(raised, about, _, _)] = concerns(text)
    assert raised == ("org/association-for-open-technology",) and not about


def test_the_group_documented_refers_to_the_body_before() -> None:
    """Family: "The group has documented at least 12 detentions": the civil-society body named before."""
    text = ("Lanka Data Watch has mapped the face recognition cameras in Colombo for two years. The group has "
            "documented at least 12 detentions of students linked to the system.")
    assert ("org/lanka-data-watch",) in [c[0] for c in concerns(text)]
    text = ("The Kyiv Surveillance Observatory tracks police face recognition. The organisation has documented "
            "the detention of 40 protesters identified by the cameras.")
    assert ("org/kyiv-surveillance-observatory",) in [c[0] for c in concerns(text)]


def test_written_question_concerns_are_the_askers() -> None:
    """Family: the questions of a parliamentary written question state concerns its asking member raises."""
    text = ("Question for written answer E-000321/2025 to the Commission\nRule 144\nPiotr Nowicki (EPP)\n\n"
            "Subject: Face recognition exports\n\n"
            "1. Will the Commission stop funding vendors complicit in the persecution of Tibetans?")
    assert [c[0] for c in concerns(text)] == [("person/piotr-nowicki",)]
    text = ("Parliamentary question - E-000555/2024\nMarta Lindgren (Greens/EFA)\n\n"
            "2. Does the Commission know that the cameras are used to monitor Uyghurs abroad?")
    assert [c[0] for c in concerns(text)] == [("person/marta-lindgren",)]


# -- entities ----------------------------------------------------------------------------------------

def test_bodies_named_by_remit_or_office() -> None:
    """Family: "the Kenyan Mission to the EU", "Subcommittee on Security and Defence", "the Market
    Appeals Tribunal", "the Central Licensing and Permits Office": public bodies named by their remit."""
    found = entities("The Kenyan Mission to the EU declined to comment on the face recognition contract.")
    assert ("org/kenyan-mission-to-the-eu", "GovernmentBody") in found
    found = entities("Ms Lindqvist is a Member of the European Parliament for Sweden and Vice-Chair of the "
                     "Subcommittee on Security and Defence (SEDE).")
    assert {("org/european-parliament", "Legislature"), ("org/subcommittee-on-security-and-defence", "Legislature"),
            ("country/SE", "Country")} <= found
    assert not {k for k, t in found if t == "Person" and k != "person/lindqvist"}
    found = entities("The Market Appeals Tribunal upheld the fine. The Central Licensing and Permits Office (CLPO) "
                     "had refused the permit.")
    assert {("org/market-appeals-tribunal", "GovernmentBody"),
            ("org/central-licensing-and-permits-office", "GovernmentBody")} <= found
    assert ("org/permits-office", "GovernmentBody") not in found


def test_networks_and_described_outlets_are_organisations() -> None:
    """Family: "the Nepal Digital Accountability Network (NDAN)" (a civil-society network) and "the
    Riga-based portal Baltic Ledger" (an organisation after where it sits and what it is)."""
    found = entities("Cameras in Kathmandu were mapped by the Nepal Digital Accountability Network (NDAN) last year.")
    assert ("org/nepal-digital-accountability-network", "CivilSocietyOrganization") in found
    found = entities("The story was first reported by the Riga-based portal Baltic Ledger in 2024.")
    assert ("org/baltic-ledger", "Organization") in found


def test_imperative_before_a_known_name_and_role_words() -> None:
    """Family: a heading or sentence opening with a verb before a firm's name ("Divest Kestrel Analytics
    Group ...") names the firm, and "Head of Responsible Investment" names no person."""
    text = ("# Memo on Kestrel Analytics Group Ltd.\n\nKestrel Analytics Group sells face recognition in Kenya.\n\n"
            "Divest Kestrel Analytics Group under rule 4(a). Ana Ruiz, Head of Sustainable Finance, agreed.")
    found = entities(text)
    assert ("org/kestrel-analytics-group", "Firm") in found
    assert not any(k.startswith("org/divest") for k, _ in found)
    assert ("person/sustainable-finance", "Person") not in found


def test_rights_group_described_is_civil_society_and_regions_are_places() -> None:
    """Family: "the Society for Digital Technology (SDT), a Vilnius digital rights group" is a
    civil-society body, not a firm; "the Tigray region" and later "in Tigray" are a place."""
    found = entities("The Society for Digital Technology (SDT), a Vilnius digital rights group, criticised the plan.")
    assert ("org/society-for-digital-technology", "CivilSocietyOrganization") in found
    found = entities("Detentions rose in the Tigray region. Police in Tigray use face recognition.")
    assert ("place/tigray", "Place") in found


def test_use_said_of_the_system() -> None:
    """Family: 'X said the cameras "have been used since 2022 to track people who ..."': a use of the
    technology named before, its user unnamed."""
    text = ("Face recognition cameras watch the main square of Herat. Local researcher Zahra Noori said the "
            "network \u201chas been used since 2022 to track people who joined the strikes\u201d.")
    [use] = [f for f in facts(text, "TechnologyUse") if f.evidence[0].sentence_index == 1]
    assert use.roles["technology"] == ("technology/face-recognition",) and not use.roles.get("user")
    text = ("Face recognition arrived in Bulawayo in 2023. A union leader said the cameras \u201cwere used last year "
            "to find people who joined the strike\u201d.")
    assert [f.evidence[0].sentence_index for f in facts(text, "TechnologyUse")] == [1]


def test_legal_criterion_is_no_concern() -> None:
    """Family: a rule's criterion quoted ("items that are or may be intended for use in connection with
    internal repression or violations of human rights") states no concern of anyone's; the rule does."""
    text = ("Face recognition software is a dual-use item. An authorisation is needed where the items are or may "
            "be intended for use in connection with internal repression or serious violations of human rights.")
    assert not facts(text, "HumanRightsConcern")
    text = ("Face recognition cameras need a permit. It is required if the cameras are or might be put to use in "
            "abuses of human rights.")
    assert not facts(text, "HumanRightsConcern")


def test_people_in_labelled_fields_and_city_police_bureaus() -> None:
    """Family: memo and notice fields ("**From:** Name, Title", "Contact person: Name, Title"), a
    question's author on her own line with her group ("Name (Group)"), and "the <City> Public
    Security Bureau" as a police force."""
    text = ("**To:** Risk Committee, Nordlys Pension\n**From:** Sigrid Haugen, Senior Analyst\n"
            "**Reviewed by:** Lars Eide\n\nThe Urumqi Public Security Bureau paid for the cameras.\n\n"
            "Contact person: Ioana Radu, Head of the Legal Directorate")
    found = entities(text)
    assert {("person/sigrid-haugen", "Person"), ("person/lars-eide", "Person"), ("person/ioana-radu", "Person"),
            ("org/urumqi-public-security-bureau", "PoliceDepartment")} <= found
    assert not any(k.startswith("person/risk") for k, _ in found)
    found = entities("Question for written answer E-000999/2025\nAnna Kowalska (Renew)\n\nSubject: Cameras")
    assert ("person/anna-kowalska", "Person") in found


def test_precision_guards_of_the_round() -> None:
    """Near misses the families must not read: a generic refusal ("had ever refused a licence"), arrests
    of fugitives (no rights concern), goods added to a control list (no listed group), a "Belt and Road
    Initiative" (no organisation) and a network's name shaped like a firm's (an organisation)."""
    text = ("The Commission added cyber-surveillance items to its export regime in 2021, although a review found "
            "that only a handful of member states had ever refused a licence for facial recognition.")
    assert measures(text) == []
    text = "The face recognition system led to the arrest of 112 fugitives since it was switched on."
    assert not facts(text, "HumanRightsConcern")
    found = entities("Most of the 63 countries have signed onto the Belt and Road Initiative. The Surveillance "
                     "Technology Network counted them.")
    assert not any(k.endswith("road-initiative") for k, _ in found)
    assert ("org/surveillance-technology-network", "Organization") in found


def test_camel_case_names_repeated_are_organisations() -> None:
    """Family: an outlet or group written in camel case with its other words ("TruthLens Africa"),
    named twice or more, is an organisation; a product ("FaceTrace 4") or a one-off is not."""
    text = ("By Ama Owusu | TruthLens Africa | 3 May 2026\n\nThe ministry told TruthLens Africa that it had bought "
            "no cameras. The vendor sells its FaceScan 4 platform in Ghana. FaceScan 4 runs on 300 cameras.")
    found = entities(text)
    assert ("org/truthlens-africa", "Organization") in found
    assert not any(k.startswith("org/facescan") for k, _ in found)
    assert ("org/newsguard-europe", "Organization") in entities("The vendor told NewsGuard Europe it sold no cameras.")
