"""Phrasing families of the ninth round: concerns, uses and studies.

Every sentence is a dev sentence written for its family (different wording, names and countries
from the held-out 11 documents); the tests assert the facts the real pipeline extracts.
"""
from __future__ import annotations

from tests.extraction import facts, uses

PEOPLE_REPORT = "Maria Lopez, a researcher at Amnesty International"


def concerns(text: str) -> list[tuple]:
    return [(f.roles.get("concernType"), f.roles.get("raisedBy", ()), f.roles.get("affectedGroup", ()),
             f.evidence[0].rule) for f in facts(text, "HumanRightsConcern")]


def studies(text: str) -> list[tuple]:
    return [(f.subject, f.roles.get("author", ()), f.roles.get("authorAffiliation", ()),
             f.values.get("publicationDate")) for f in facts(text, "Study")]


# -- concerns -----------------------------------------------------------------------------------

def test_system_disproportionately_harms_listed_people() -> None:
    """"X has ... and has long warned that such cameras disproportionately burden A and B": a
    discrimination concern raised by the subject of the first verb, the listed people affected."""
    text = ("The Nairobi-based rights group Haki Lens Collective has audited 60 facial recognition pilots across "
            "Kenya and has long warned that such cameras disproportionately burden Somalis and Nubians.")
    assert concerns(text) == [(("concern-type/discrimination",), ("org/haki-lens-collective",),
                               ("group/somalis", "group/nubians"), "concern:harm-to-people")]
    text = "Researchers say the facial recognition scanners disproportionately target Roma and Travellers."
    assert concerns(text) == [(("concern-type/discrimination",), (), ("group/roma", "group/travellers"),
                               "concern:harm-to-people")]


def test_system_pointed_at_or_used_to_identify_people() -> None:
    """"aimed at the city's 40,000 street vendors", "used to unmask opposition lawyers and bloggers":
    surveillance of the people named, a rights abuse when arrests follow; things are no people."""
    text = "Campaigners say the facial recognition cameras are increasingly aimed at the city's 40,000 street vendors."
    assert concerns(text) == [(("concern-type/surveillance",), (), ("group/street-vendors",),
                               "concern:harm-to-people")]
    text = ("In at least four provinces, the facial recognition systems had been used to unmask opposition lawyers "
            "and bloggers, leading to dozens of arrests.")
    assert concerns(text) == [(("concern-type/human-rights-violations",), (),
                               ("group/opposition-lawyers", "group/bloggers"), "concern:harm-to-people")]
    assert concerns("The facial recognition cameras are aimed at the main entrance and the loading bay.") == []


def test_how_the_police_treat_people() -> None:
    """"examined how the security forces there handle demonstrators and rejected the sale": a rights
    concern over how the buyer's forces treat people (the clause after "and" is no group)."""
    text = ("Our review panel examined how the security forces there handle demonstrators and rejected the "
            "facial recognition sale.")
    [(kind, _, affected, rule)] = concerns(text)
    assert (kind, rule) == (("concern-type/human-rights-violations",), "concern:harm-to-people")
    assert len(affected) == 1 and not affected[0].startswith("group/rejected")
    text = "The board asked how the authorities treat journalists and lawyers before approving the licence."
    assert concerns(text)[0][2] == ("group/journalists", "group/lawyers")


def test_data_handled_without_a_legal_basis() -> None:
    """"had stored residents' facial images without a lawful basis": a privacy concern (a regulator's
    finding); handling without a legal basis of things that are not personal data is none."""
    text = "The inspectorate found that the council had stored residents' facial images without a lawful basis."
    assert concerns(text) == [(("concern-type/privacy",), (), (), "concern:unlawful-processing")]
    text = "Regulators said the airport collected passengers' face templates without their explicit consent."
    assert concerns(text) == [(("concern-type/privacy",), (), (), "concern:unlawful-processing")]
    assert concerns("The council stored the paper files without a lawful basis.") == []


def test_filing_the_complaint_raises_the_concern() -> None:
    """"X filed the original complaint in June 2022": a legal action with "the" raises the concern."""
    text = ("Tesco's use of facial recognition raised privacy concerns. Big Brother Watch filed the original "
            "complaint in June 2022 after shoppers noticed the cameras.")
    assert (("concern-type/privacy",), ("org/big-brother-watch",), (), "concern:explicit") in concerns(text)
    text = ("The scheme raised privacy concerns. Privacy International lodged its complaint with the regulator "
            "in May 2024.")
    assert (("concern-type/privacy",), ("org/privacy-international",), (), "concern:explicit") in concerns(text)


def test_quotes_naming_a_harm() -> None:
    """Quotes that name a harm are their speaker's concern: every step reported by a machine, a name
    put to every face, consent never given."""
    text = f"\"Tenants cannot open a door without a camera alerting the landlord,\" said {PEOPLE_REPORT}."
    assert concerns(text) == [(("concern-type/surveillance",), ("person/maria-lopez",), (), "concern:quote")]
    text = (f"\"Once the police can put a name to every face at a rally, the right to assemble is meaningless,\" "
            f"said {PEOPLE_REPORT}.")
    assert concerns(text) == [(("concern-type/surveillance",), ("person/maria-lopez",), (), "concern:quote")]
    text = f"\"Passengers never consented to giving their faces to an airline,\" said {PEOPLE_REPORT}."
    assert concerns(text) == [(("concern-type/privacy",), ("person/maria-lopez",), (), "concern:quote")]
    text = f"\"Passengers agreed to the new boarding gates,\" said {PEOPLE_REPORT}."
    assert concerns(text) == []


def test_civil_society_report_finding_a_harm() -> None:
    """"A March 2025 report by Tenant Watch ... found ..., where residents' movements are recorded":
    the group's study, dated to the month, and the surveillance concern it raises."""
    text = ("A March 2025 report by Tenant Watch, a Paris-based advocacy group, found face recognition entry "
            "gates in 30 housing blocks, where residents' movements are recorded and shared with the landlord.")
    assert studies(text) == [("study/tenant-watch-2025", (), ("org/tenant-watch",), "2025-03")]
    assert concerns(text) == [(("concern-type/surveillance",), ("org/tenant-watch",), (),
                               "concern:study-finding")]
    text = ("A 2024 report by Tenant Watch, a Paris-based advocacy group, found face recognition entry gates "
            "in 30 housing blocks.")
    assert studies(text) == [("study/tenant-watch-2024", (), ("org/tenant-watch",), "2024")]
    assert concerns(text) == []


# -- studies ------------------------------------------------------------------------------------

def test_in_a_report_the_subject_wrote_it() -> None:
    """"In a report submitted to the General Assembly, the independent expert ..., Daniel Okafor,
    concluded": the clause's subject is the author; a report presented now takes the news's date
    (the dateline's here); "compiled with X" names a co-author body; the key is the surname."""
    text = ("NAIROBI (4 June 2026) - Facial recognition is spreading. In a report submitted to the General "
            "Assembly, the independent expert on minority rights, Daniel Okafor, concluded that 20 States use it. "
            "The report, which draws on 90 interviews conducted with the Lisbon Institute of Human Rights, names "
            "several buyers.")
    assert studies(text) == [("study/okafor-2026", ("person/daniel-okafor",), (), "2026-06-04"),
                             ("study/okafor-2026", (), ("org/lisbon-institute-of-human-rights",), None)]
    text = "In its annual report, the surveillance commissioner, Hannah Weiss-Morgan, found 14 unlawful searches."
    assert studies(text) == [("study/weiss-morgan", ("person/hannah-weiss-morgan",), (), None)]


# -- uses ---------------------------------------------------------------------------------------

def test_fined_for_scanning_faces() -> None:
    """"fined the retailer Norvik €1.2 million for scanning the faces of customers": the one fined
    used the technology, which the document names later."""
    text = ("The regulator fined the retailer Norvik €1.2 million for scanning the faces of customers at 12 of "
            "its shops. The facial recognition system was removed.")
    assert uses(text) == [(("technology/face-recognition",), ("org/norvik",), "use:result-of-use")]
    text = ("The watchdog fined Norvik for failing to publish its accounts. The facial recognition system "
            "was removed.")
    assert uses(text) == []


def test_body_that_uses_it_after_the_technology() -> None:
    """"T runs on 900 cameras, and the city's Public Security Police uses it to find ...": the body
    before "uses it" is the user; a recommendation to suspend a use is no use."""
    text = ("Its face recognition software runs on 900 cameras in the Lisbon metro, and the city's Public "
            "Security Police uses it to find wanted people.")
    assert [u[1] for u in uses(text)] == [("org/public-security-police",)]
    text = ("Vendor software with face recognition runs at 40 stations, and the Ministry of Transport relies "
            "on it to count passengers.")
    assert [u[1] for u in uses(text)] == [("org/ministry-of-transport",)]
    assert uses("She recommended that governments suspend police use of facial recognition until a review "
                "is done.") == []


def test_harm_words_about_things_or_help_are_no_concern() -> None:
    """A programme "aimed at" people is no system turned on them; finding missing children is no
    targeting of people who speak out."""
    assert concerns("The facial recognition training programme is aimed at young women in rural areas.") == []
    assert concerns("The facial recognition app is used to find missing children within hours.") == []
