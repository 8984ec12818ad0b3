"""Phrasing families added after the second held-out round (one family per test).

The sentences are new variants of each family, not the held-out sentences.
"""
from __future__ import annotations

from frkg.facts.money import find_amount

from tests.extraction import entities, facts, run


def test_money_amounts_in_symbols_words_and_codes() -> None:
    assert find_amount("a deal worth US$1.2 billion")[:2] == (1_200_000_000, "USD")
    assert find_amount("fined £7.5m")[:2] == (7_500_000, "GBP")
    assert find_amount("a penalty of 30.5 million euros")[:2] == (30_500_000, "EUR")
    assert find_amount("EUR 400,000 was paid")[:2] == (400_000, "EUR")
    assert find_amount("in 2019 it installed 2,000 cameras") is None


def test_deal_and_fine_carry_amount_and_currency() -> None:
    [deal] = facts("Dahua signed a $4 million contract with the city of Quito for facial recognition.", "Deal")
    assert (deal.values["amount"], deal.values["currency"]) == (4_000_000, "USD")
    [fine] = facts("Italy's data protection authority, the Garante, fined Clearview AI €20 million in 2022.", "Sanction")
    assert fine.roles["targets"] == ("org/clearview-ai",)
    assert (fine.values["amount"], fine.values["currency"]) == (20_000_000, "EUR")


def test_supplied_party_with_technology_is_a_deal() -> None:
    [deal] = facts("Hikvision supplied Kenya's police with surveillance cameras costing $5 million.", "Deal")
    assert deal.roles["importer"] == ("country/KE",) and deal.values["amount"] == 5_000_000


def test_country_counts_are_statistics() -> None:
    text = "Hikvision sells surveillance cameras in more than 40 countries, and ZTE supplies AI to 12 countries."
    found = {(f.roles["exporter"][0], f.values.get("countryCount")) for f in facts(text, "DealStatistic")}
    assert found == {("org/hikvision", 40), ("org/zte", 12)}


def test_added_to_a_named_list_targets_the_listed_firms() -> None:
    text = ("The Commerce Department added SenseTime and Megvii to the Entity List on Thursday, "
            "cutting the Chinese companies off from US suppliers.")
    [measure] = facts(text, "ExportRestriction")
    assert set(measure.roles["targets"]) == {"org/sensetime", "org/megvii"}
    assert measure.roles["imposedBy"] == ("org/us-department-of-commerce",)
    assert measure.values["program"] == "Entity List"


def test_passive_measure_without_by_inherits_the_imposer_and_names_members() -> None:
    text = ("The Treasury Department imposed sanctions on Dahua in March. "
            "Eight other firms were blacklisted, including Yitu, iFlytek and CloudWalk.")
    found = [f for f in facts(text, "Sanction") if "org/yitu" in f.roles.get("targets", ())]
    assert [set(f.roles["targets"]) for f in found] == [{"org/yitu", "org/iflytek", "org/cloudwalk"}]
    assert found[0].roles["imposedBy"] == ("org/us-department-of-the-treasury",)
    assert found[0].evidence[0].confidence < 0.8  # the imposer is a coreference


def test_the_law_refers_back_to_the_last_imposer() -> None:
    text = ("The European Parliament adopted new rules on artificial intelligence. "
            "The law bans emotion recognition and facial recognition in workplaces.")
    # "law" + "bans" form one measure of the stronger kind (ExportRestriction).
    measures = facts(text, "Regulation") + facts(text, "ExportRestriction")
    [ban] = [f for f in measures if "technology/face-recognition" in f.roles.get("restrictsTechnology", ())]
    assert ban.roles["imposedBy"] == ("org/european-parliament",)
    assert ban.evidence[0].confidence < 0.8


def test_order_to_pay_is_a_sanction() -> None:
    text = "The CNIL ordered Clearview AI to pay 5.2 million euros for ignoring its earlier order."
    [fine] = facts(text, "Sanction")
    assert fine.roles == {"imposedBy": ("org/cnil",), "targets": ("org/clearview-ai",)} | \
        {k: v for k, v in fine.roles.items() if k not in ("imposedBy", "targets")}
    assert fine.values["amount"] == 5_200_000


def test_quote_inside_reported_speech_is_direct_and_titles_are_not_names() -> None:
    text = ('Senator Jane Holloway told The Washington Post that the software "should never be used '
            'on peaceful protesters." Governor Tom Reyes said in a statement that the state "will review every contract."')
    statements = {(f.roles["speaker"][0], f.values["quotedText"], f.values["isDirectQuote"])
                  for f in facts(text, "Statement")}
    assert ("person/jane-holloway", "should never be used on peaceful protesters.", True) in statements
    assert ("person/tom-reyes", "will review every contract.", True) in statements
    assert ("org/the-washington-post", "Organization") in entities(text)


def test_the_organisation_refers_to_the_last_named_body() -> None:
    text = ("Access Now published a briefing on Monday. The organisation warned that "
            'police cameras "threaten the privacy of every commuter."')
    [statement] = facts(text, "Statement")
    assert statement.roles["speaker"] == ("org/access-now",)


def test_organisations_described_before_or_after_their_name() -> None:
    text = ("Digital Freedom Coalition, a network of civil liberties groups, criticised the plan. "
            "Data from the research group Surveillance Watchers and the broadcaster Radio Sud was cited. "
            "Retail chain Mega Mart also used the cameras.")
    found = entities(text)
    assert ("org/digital-freedom-coalition", "CivilSocietyOrganization") in found
    assert ("org/surveillance-watchers", "ResearchOrganization") in found
    assert ("org/radio-sud", "Organization") in found
    assert ("org/mega-mart", "Firm") in found
    assert not any(key.startswith("person/") for key, _ in found)


def test_byline_author_and_closing_affiliation() -> None:
    text = ("Why we must ban face surveillance\n\nBy Lena Ortiz\n\nCities are buying cameras.\n\n"
            "The author is a senior researcher at Privacy International.")
    [affiliation] = facts(text, "Affiliation")
    assert affiliation.roles == {"member": ("person/lena-ortiz",), "organization": ("org/privacy-international",)}


def test_regions_are_not_countries_and_repression_is_a_concern() -> None:
    text = "Chinese vendors sell cameras across Latin America. Critics say the systems are used to persecute Uyghurs."
    assert ("country/US", "Country") not in entities(text)
    [concern] = facts(text, "HumanRightsConcern")
    assert concern.roles["concernType"] == ("concern-type/human-rights-violations",)
    assert concern.roles["affectedGroup"] == ("group/uyghurs",)


# --- Third round: general mechanisms (definite descriptions, public bodies, nominal deals,
# export controls, multi-sentence quotes, coordinated parties).  Sentences are dev variants,
# not held-out text.


def test_definite_description_refers_to_last_compatible_entity() -> None:
    text = ("Megvii has sold face recognition to police in Kenya. "
            "The firm said in a statement that it complies with all applicable laws.")
    [said] = facts(text, "Statement")
    assert said.roles["speaker"] == ("org/megvii",)
    assert said.evidence[0].confidence <= 0.85
    keys = {e.key: e for e in run(text).entities}
    assert "the firm" not in keys["org/megvii"].aliases  # a description is no name


def test_country_public_body_is_an_entity_and_buys_for_its_country() -> None:
    text = "Norway's data protection authority fined the Oslo police district 500,000 euros."
    [fine] = facts(text, "Sanction")
    assert fine.roles["imposedBy"] == ("org/norwegian-data-protection-authority",)
    assert fine.roles["targets"] == ("org/oslo-police-district",)
    assert ("country/NO", "Country") in entities(text)
    [deal] = facts("Serbia's interior ministry purchased 1,000 cameras from Huawei in 2019.", "Deal")
    assert deal.roles["importer"] == ("country/RS",) and deal.roles["exporter"] == ("org/huawei",)


def test_public_body_named_in_apposition_is_that_body() -> None:
    keys = {k for k, _ in entities("France's data protection authority, the CNIL, fined Clearview AI.")}
    assert "org/cnil" in keys and "org/french-data-protection-authority" not in keys


def test_nominal_and_awarded_deals() -> None:
    [deal] = facts("The sale of face recognition systems by NEC to the Brazilian police was approved.", "Deal")
    assert deal.roles["exporter"] == ("org/nec",) and deal.roles["technology"] == ("technology/face-recognition",)
    [won] = facts("Pakistan awarded Huawei a $150 million contract for CCTV cameras in Lahore.", "Deal")
    assert won.roles["importer"] == ("country/PK",) and won.values["amount"] == 150_000_000


def test_coordinated_sellers_and_generic_camera_objects() -> None:
    [deal] = facts("Bolivia signed a deal with ZTE and Huawei in 2016, installing 2,000 cameras.", "Deal")
    assert deal.roles["exporter"] == ("org/zte", "org/huawei")
    [bought] = facts("The city of Davao purchased 12,000 cameras from Dahua last year.", "Deal")
    assert bought.roles["technology"] == ("technology/video-surveillance-cameras",)
    [export] = facts("Investigators found cameras supplied by Dahua and Uniview at the camps.", "Export")
    assert export.roles["exporter"] == ("org/dahua", "org/uniview")


def test_export_control_targets_the_destination_not_a_deal() -> None:
    text = ("Japan's trade ministry issued rules requiring companies to obtain a licence before "
            "exporting facial recognition software to Iran.")
    assert not facts(text, "Deal") and not facts(text, "Export")
    [rule] = facts(text, "ExportRestriction")
    assert rule.roles["targets"] == ("country/IR",)
    text = ("The Commerce Department imposed licence requirements on exports of surveillance cameras to "
            "Russia. The rule also adds three Russian firms to the Entity List.")
    found = facts(text, "ExportRestriction")
    assert {f.roles.get("imposedBy") for f in found} == {("org/us-department-of-commerce",)}
    assert any(f.values.get("program") == "Entity List" for f in found)


def test_multi_sentence_quote_is_one_statement() -> None:
    [said] = facts('"This is a turning point. No firm should scrape our faces," said Ella Jakubowska, '
                   'a policy adviser at European Digital Rights.', "Statement")
    assert said.values["quotedText"].startswith("This is a turning point. No firm")


def test_role_at_a_definite_body_and_senior_org_official() -> None:
    text = ('SenseTime denied the allegations. "We never sold such products," said Li Wei, '
            'a spokesperson for the company.')
    assert ("person/li-wei", "Person") in entities(text)
    [aff] = facts(text, "Affiliation")
    assert aff.roles["organization"] == ("org/sensetime",)
    [aff] = facts('"We are watching," Mark Delaney, a senior State Department official, told reporters.',
                  "Affiliation")
    assert aff.roles["organization"] == ("org/us-department-of-state",)


def test_explicit_concern_without_type_word_takes_the_documents_type() -> None:
    text = ("Critics say the privacy risks are obvious. "
            "Human Rights Watch has also raised concerns about the contract.")
    found = [f for f in facts(text, "HumanRightsConcern") if f.roles.get("raisedBy")]
    assert [f.roles["raisedBy"] for f in found] == [("org/human-rights-watch",)]
    assert found[0].roles["concernType"] == ("concern-type/privacy",)


def test_added_to_a_list_is_no_statement_and_told_audience_is_dropped() -> None:
    assert not facts("The Commerce Department added eight Chinese companies, including SenseTime, "
                     "to the Entity List.", "Statement")
    [said] = facts("Interior minister Ana Pereira told parliament the cameras had reduced crime.", "Statement")
    assert said.values["quotedText"] == "the cameras had reduced crime"


# --- Fourth round: the error families of the held-out 4 first pass (new variants) ---

def test_deal_in_reduced_relative_clause() -> None:
    text = ("Rwanda's national police has begun installing cameras supplied by Huawei in Kigali, under a "
            "contract worth $80 million signed with the Chinese company in 2020.")
    [deal] = facts(text, "Deal")
    assert deal.roles["exporter"] == ("org/huawei",) and deal.roles["importer"] == ("country/RW",)
    assert (deal.values["amount"], deal.values["currency"]) == (80_000_000, "USD")
    assert ("country/CN", "Country") in entities(text)  # the demonym inside "the Chinese company"


def test_speaker_behind_nested_appositions() -> None:
    text = "Lina Ortiz, director of Derechos Digitales, a Santiago-based advocacy group, said the cameras had no legal basis."
    [said] = facts(text, "Statement")
    assert said.roles["speaker"] == ("person/lina-ortiz",)


def test_definite_description_prefers_body_named_like_it() -> None:
    text = ("The Norwegian Data Protection Authority has opened an inquiry into the Oslo police district. "
            "\"We will look at every database,\" said Kari Dahl, head of the authority.")
    [aff] = facts(text, "Affiliation")
    assert aff.roles["organization"] == ("org/norwegian-data-protection-authority",)


def test_pronoun_after_quote_is_the_person_just_named() -> None:
    text = ("\"We will look at every database,\" said Kari Dahl. Senator Mark Reyes criticised the deal. "
            "\"This is a dangerous precedent,\" he said.")
    speakers = [f.roles["speaker"][0] for f in facts(text, "Statement")]
    assert speakers == ["person/kari-dahl", "person/mark-reyes"]


def test_possessive_chain_names_the_last_body() -> None:
    text = "The US Commerce Department's Bureau of Industry and Security added Megvii to the Entity List."
    found = entities(text)
    assert ("org/bureau-of-industry-and-security", "GovernmentBody") in found
    assert not any("department-s" in key for key, _ in found)


def test_reply_to_a_measure_is_no_measure() -> None:
    text = ("The US Treasury Department sanctioned two Chinese firms for their role in surveillance. "
            "China's commerce ministry condemned the sanctions as unilateral bullying and vowed countermeasures.")
    assert [f.evidence[0].sentence_index for f in run(text).facts if f.kind == "Sanction"] == [0]
    assert not facts(text, "HumanRightsConcern") or all(
        "org/chinese-commerce-ministry" not in f.roles.get("raisedBy", ()) for f in facts(text, "HumanRightsConcern"))


def test_places_are_not_people_and_titles_precede_names() -> None:
    text = ("Moscow said the cameras were lawful. Rights group says Lhasa police app tracks residents. "
            "The UN special rapporteur on freedom of expression, Irene Khan, urged states to halt sales.")
    people = {k for k, t in entities(text) if t == "Person"}
    assert people == {"person/irene-khan"}


def test_watching_a_named_group_is_a_concern_without_cue_word() -> None:
    text = "Human Rights Watch said authorities used the app to monitor Tibetans and Kazakhs."
    [concern] = facts(text, "HumanRightsConcern")
    assert concern.roles["concernType"] == ("concern-type/surveillance",)
    assert set(concern.roles["affectedGroup"]) == {"group/tibetans", "group/kazakhs"}


def test_capital_as_government_only_before_a_government_act() -> None:
    assert ("country/US", "Country") in entities("Washington blacklisted eight Chinese firms in 2019.")
    assert ("country/US", "Country") not in entities("Washington is a rainy city with many start-ups.")


def test_acronym_and_repeated_org_names_keep_their_entity() -> None:
    text = ("The Observatorio de Derecho Informatico Argentino (ODIA), a digital rights group, went to court. "
            "Tomas Perez, a lawyer for ODIA, said the database was misused. "
            "The supermarket chain Southern Co-op used facial recognition. The ICO reprimanded Southern Co-op.")
    [aff] = facts(text, "Affiliation")
    assert aff.roles["organization"] == ("org/observatorio-de-derecho-informatico-argentino",)
    assert not any(key == "org/southern-co" for key, _ in entities(text))
    [reprimand] = facts(text, "Sanction")
    assert reprimand.roles["targets"] == ("org/southern-co-op",)


def test_its_role_before_name_and_subject_user() -> None:
    text = ("OpenMedia, a digital rights group, praised the finding. Its executive director, Matt Hatfield, "
            "said stronger laws were needed. The mall operator Cadillac Fairview used facial recognition.")
    [aff] = facts(text, "Affiliation")
    assert aff.roles["organization"] == ("org/openmedia",) and aff.values["role"] == "executive director"
    [use] = facts(text, "TechnologyUse")
    assert use.roles["user"] == ("org/cadillac-fairview",)
