"""Phrasing families of the fifth generalisation round (one family per test).

Every sentence is a dev sentence written for its family (different wording and entities from the
held-out 5 documents); the tests assert the facts the real pipeline extracts.
"""
from __future__ import annotations

from tests.extraction import entities, facts, run, sentence_of


# -- trade ------------------------------------------------------------------------------------

def test_seller_leading_a_consortium_gets_the_contract_and_its_value() -> None:
    text = ("The city of Lima signed a contract worth 40 million dollars with a consortium led by the "
            "Spanish company Indra to install facial recognition cameras.")
    [deal] = facts(text, "Deal")
    assert deal.roles["exporter"] == ("org/indra",) and deal.roles["importer"] == ("org/city-of-lima",)
    assert (deal.values["amount"], deal.values["currency"]) == (40_000_000, "USD")
    text = ("In 2022, Kenya's interior ministry signed a deal worth $60 million with a consortium headed by "
            "Huawei to supply facial recognition systems.")
    [deal] = facts(text, "Deal")
    assert (deal.roles["exporter"], deal.roles["importer"]) == (("org/huawei",), ("country/KE",))
    assert deal.values["amount"] == 60_000_000 and not facts(text, "Export")
    assert not any("org/huawei" in f.roles.get("user", ()) for f in facts(text, "TechnologyUse"))


def test_contract_with_a_named_seller_and_unnamed_buyer_is_one_export_with_its_value() -> None:
    text = ("The transit operator has signed a contract worth 30 million euros with a consortium led by the "
            "German company Siemens to install facial recognition at 40 stations.")
    [export] = facts(text, "Export")
    assert export.roles["exporter"] == ("org/siemens",)
    assert (export.values["amount"], export.values["currency"]) == (30_000_000, "EUR")


def test_contract_awarded_to_a_consortium_and_awarded_in_the_passive() -> None:
    text = ("The city of Bogota awarded a $25 million contract to a consortium led by Idemia for facial "
            "recognition at bus stations.")
    [deal] = facts(text, "Deal")
    assert (deal.roles["exporter"], deal.roles["importer"]) == (("org/idemia",), ("org/city-of-bogota",))
    assert deal.values["amount"] == 25_000_000
    text = "Idemia was awarded a $20 million contract by the Indian government to supply facial recognition systems."
    [deal] = facts(text, "Deal")
    assert (deal.roles["exporter"], deal.roles["importer"]) == (("org/idemia",), ("country/IN",))
    assert not facts(text, "Export")  # the government does not supply what it buys


def test_supply_by_a_firm_after_a_generic_noun() -> None:
    text = ("Moscow's metro uses facial recognition to let passengers pay. "
            "The algorithms were supplied by the Israeli firm Corsight.")
    [export] = facts(text, "Export")
    assert export.roles == {"exporter": ("org/corsight",), "technology": ("technology/face-recognition",)}
    assert "The algorithms were supplied" in sentence_of(text, export)
    text = ("Serbia is rolling out facial recognition across Belgrade. "
            "The cameras at the border crossing were supplied by Hikvision.")
    [export] = facts(text, "Export")
    assert export.roles["technology"] == ("technology/video-surveillance-cameras",)
    text = ("Passport checks now rely on biometrics at Lagos airport. "
            "The biometric terminals have been delivered by Idemia.")
    [export] = facts(text, "Export")
    assert export.roles["exporter"] == ("org/idemia",)


def test_product_from_a_firm_that_a_user_uses() -> None:
    [export] = facts("Moscow police use facial recognition technology from NtechLab to find suspects.", "Export")
    assert export.roles == {"exporter": ("org/ntechlab",), "technology": ("technology/face-recognition",)}
    text = ("Airports in Brazil adopted facial recognition last year. "
            "The system, which relies on software from Cognitec, was installed at 30 airports.")
    [export] = facts(text, "Export")
    assert export.roles["exporter"] == ("org/cognitec",)
    # a supply named as a noun, with no use, is no export
    assert not facts("Analysts expect the move to hurt the supply of chips from Nvidia.", "Export")


def test_bought_from_a_described_firm_and_chose_a_firm_to_supply() -> None:
    text = "The city of Buenos Aires purchased facial recognition software from the local firm Danaide in 2019."
    [deal] = facts(text, "Deal")
    assert (deal.roles["exporter"], deal.roles["importer"]) == (("org/danaide",), ("org/city-of-buenos-aires",))
    assert deal.values["dealDate"] == "2019"
    [deal] = facts("The city of Johannesburg chose Hikvision to supply 2,000 cameras.", "Deal")
    assert (deal.roles["exporter"], deal.roles["importer"]) == (("org/hikvision",), ("org/city-of-johannesburg",))
    [deal] = facts("The Belgrade police bought 8,000 cameras from Huawei.", "Deal")
    assert deal.roles["technology"] == ("technology/video-surveillance-cameras",)


def test_order_placed_by_a_government_named_by_its_demonym() -> None:
    text = "The Zambian government placed an order with Huawei for facial recognition cameras worth $200 million."
    [deal] = facts(text, "Deal")
    assert (deal.roles["exporter"], deal.roles["importer"]) == (("org/huawei",), ("country/ZM",))
    assert deal.values["amount"] == 200_000_000


def test_memorandum_of_understanding_and_won_a_tender() -> None:
    text = ("Zimbabwe's interior ministry signed a memorandum of understanding with CloudWalk to build a "
            "national facial recognition database.")
    [deal] = facts(text, "Deal")
    assert (deal.roles["exporter"], deal.roles["importer"]) == (("org/cloudwalk",), ("country/ZW",))
    [deal] = facts("Dahua won a tender from the city of Quito to install 3,000 surveillance cameras.", "Deal")
    assert deal.roles["importer"] == ("org/city-of-quito",)


def test_relative_clause_before_the_verb_holds_no_seller_and_bounds_the_measure() -> None:
    text = "Megvii, which is under US sanctions, sold facial recognition software to Thailand."
    [deal] = facts(text, "Deal")
    assert (deal.roles["exporter"], deal.roles["importer"]) == (("org/megvii",), ("country/TH",))
    [sanction] = facts(text, "Sanction")
    assert sanction.roles == {"imposedBy": ("country/US",), "targets": ("org/megvii",)}  # no technology


def test_a_national_police_force_installing_cameras_uses_them() -> None:
    text = ("Kenya's police installed facial recognition cameras in Nairobi. Inspector Paul Otieno, a "
            "spokesman for the Kenyan police, defended them.")
    assert not facts(text, "Export") and not facts(text, "Deal")
    [use] = facts(text, "TechnologyUse")
    assert use.roles["user"] == ("org/kenyan-police",)
    [affiliation] = facts(text, "Affiliation")  # "the Kenyan police" is the force "Kenya's police" names
    assert affiliation.roles == {"member": ("person/paul-otieno",), "organization": ("org/kenyan-police",)}


def test_systems_used_or_deployed_in_n_countries() -> None:
    [stat] = facts("NEC's facial recognition technology is used in more than 70 countries.", "DealStatistic")
    assert stat.roles["exporter"] == ("org/nec",) and stat.values["countryCount"] == 70
    [stat] = facts("Hikvision's systems have been deployed in 40 countries.", "DealStatistic")
    assert stat.values["countryCount"] == 40


# -- measures ---------------------------------------------------------------------------------

def test_sanction_in_a_relative_clause_targets_the_described_firm() -> None:
    text = ("The cameras in Minsk were made by Tiandy, a Tianjin-based company that was placed under sanctions "
            "by the US Treasury in 2023 for its role in the surveillance of protesters.")
    [sanction] = facts(text, "Sanction")
    assert sanction.roles["imposedBy"] == ("org/us-department-of-the-treasury",)
    assert sanction.roles["targets"] == ("org/tiandy",)
    assert sanction.roles["affectedGroup"] == ("group/activists",)
    assert sanction.values["startDate"] == "2023"
    text = ("The software was built by Geovision, a Taipei-based firm which has been hit with sanctions by the "
            "European Union.")
    [sanction] = facts(text, "Sanction")
    assert (sanction.roles["imposedBy"], sanction.roles["targets"]) == (("org/european-union",), ("org/geovision",))
    text = ("The contract went to Hikvision, a manufacturer that was added to the Entity List by the Commerce "
            "Department in 2019.")
    [listing] = facts(text, "ExportRestriction")
    assert listing.roles["targets"] == ("org/hikvision",) and listing.values["program"] == "Entity List"


def test_passive_measure_by_a_body_after_its_country() -> None:
    [fine] = facts("Clearview AI was fined €20 million by Italy's data protection authority.", "Sanction")
    assert fine.roles["imposedBy"] == ("org/italian-data-protection-authority",)
    assert fine.values["amount"] == 20_000_000
    [sanction] = facts("SenseTime was placed under sanctions by the US Treasury Department in 2021.", "Sanction")
    assert sanction.roles["imposedBy"] == ("org/us-department-of-the-treasury",)


def test_regulator_determination_and_order_are_measures() -> None:
    text = ("New Zealand's privacy commissioner has determined that the supermarket chain Foodstuffs "
            "breached the Privacy Act by using facial recognition.")
    [finding] = facts(text, "Regulation")
    assert finding.roles["imposedBy"] == ("org/new-zealand-privacy-commissioner",)
    assert finding.roles["targets"] == ("org/foodstuffs",)
    text = ("The Office of the Privacy Commissioner of Canada found that the retailer Canadian Tire had breached "
            "privacy law when it used facial recognition in its stores.")
    # the law broken is no second measure
    assert [f.roles["targets"] for f in facts(text, "Regulation")] == [("org/canadian-tire",)]
    text = ("Ireland's Data Protection Commission concluded that the retailer Dunnes Stores violated the GDPR. "
            "The company was ordered to delete the images it had collected with facial recognition.")
    orders = facts(text, "Regulation")
    assert {f.evidence[0].sentence_index for f in orders} == {0, 1}
    assert all(f.roles["targets"] == ("org/dunnes-stores",) for f in orders)
    assert orders[1].roles["imposedBy"] == ("org/data-protection-commission",)


def test_what_a_regulator_fines_or_orders_is_an_organisation() -> None:
    text = ("The UK Information Commissioner's Office fined Serco Leisure for using facial recognition on staff. "
            "The regulator also ordered Serco Leisure to stop using the technology.")
    assert ("org/serco-leisure", "Firm") in entities(text)
    [fine] = facts(text, "Sanction")
    assert fine.roles["targets"] == ("org/serco-leisure",)
    [use] = facts(text, "TechnologyUse")
    assert use.roles["user"] == ("org/serco-leisure",)


def test_a_call_to_ban_is_no_measure() -> None:
    found = run("Critics fear the cameras will enable mass surveillance in Belgrade. "
                "Access Now called on Serbia to ban facial recognition in public spaces.").facts
    assert not [f for f in found if f.kind in ("Sanction", "ExportRestriction", "Regulation")]
    concerns = [f for f in found if f.kind == "HumanRightsConcern" and f.evidence[0].sentence_index == 1]
    assert [f.roles["raisedBy"] for f in concerns] == [("org/access-now",)]


# -- concerns ---------------------------------------------------------------------------------

def test_lawsuit_is_a_concern_about_the_defendant() -> None:
    text = ("The digital rights group Karisma filed a lawsuit against the city of Medellin, arguing that its "
            "facial recognition cameras violate residents' privacy.")
    [concern] = facts(text, "HumanRightsConcern")
    assert concern.roles["raisedBy"] == ("org/karisma",) and concern.roles["about"] == ("org/city-of-medellin",)
    assert concern.roles["concernType"] == ("concern-type/privacy",)
    text = ("Privacy International and the Karisma Foundation sued the Bogota police over its use of facial "
            "recognition, saying it breaches data protection law.")
    [concern] = facts(text, "HumanRightsConcern")
    assert set(concern.roles["raisedBy"]) == {"org/privacy-international", "org/karisma-foundation"}
    assert concern.roles["about"] == ("org/bogota-police",)
    text = ("Two civil liberties groups took the operator to court, claiming that the face recognition system "
            "collects biometric data unlawfully.")
    [concern] = facts(text, "HumanRightsConcern")
    assert concern.roles["raisedBy"] == ("group/civil-liberties-groups",)
    assert concern.roles["concernType"] == ("concern-type/privacy",)


def test_listed_plaintiffs_all_raise_the_concern() -> None:
    text = ("Civil society groups, including the Center for Digital Rights (CDR) and Fundacion Via Libre, filed "
            "a lawsuit against the city of Cordoba, arguing that the cameras violate residents' privacy.")
    [concern] = facts(text, "HumanRightsConcern")
    assert concern.roles["raisedBy"] == ("org/center-for-digital-rights", "org/fundacion-via-libre")
    assert concern.roles["about"] == ("org/city-of-cordoba",)


def test_acronym_in_brackets_then_a_list_of_civil_society_organisations() -> None:
    text = ("Nairobi's plan to add facial recognition to its cameras raises privacy concerns. Several civil "
            "society organisations, including the Kenya Human Rights Commission (KHRC) and Paradigm Initiative, "
            "criticised the project.")
    found = entities(text)
    assert {("org/kenya-human-rights-commission", "CivilSocietyOrganization"),
            ("org/paradigm-initiative", "CivilSocietyOrganization")} <= found
    [concern] = [f for f in facts(text, "HumanRightsConcern") if f.roles.get("raisedBy")]
    assert concern.roles["raisedBy"] == ("org/kenya-human-rights-commission", "org/paradigm-initiative")
    text = ("Bogota installed facial recognition in its buses, a move critics call mass surveillance. Digital "
            "rights groups such as the Centre for Internet and Society (CIS) and Derechos Digitales have "
            "opposed the facial recognition system.")
    found = entities(text)
    assert {("org/centre-for-internet-and-society", "CivilSocietyOrganization"),
            ("org/derechos-digitales", "CivilSocietyOrganization")} <= found
    [concern] = [f for f in facts(text, "HumanRightsConcern") if f.roles.get("raisedBy")]
    assert "affectedGroup" not in concern.roles  # the raisers' collective is not affected
    text = ("The letter was signed by advocacy groups including the Consumer Federation of Ghana (CFG), "
            "Lawyers Hub and Amnesty International. A lawyer for CFG said the cameras were unlawful.")
    found = entities(text)
    assert {("org/consumer-federation-of-ghana", "CivilSocietyOrganization"),
            ("org/lawyers-hub", "CivilSocietyOrganization"),
            ("org/amnesty-international", "CivilSocietyOrganization")} <= found
    [statement] = facts(text, "Statement")
    assert statement.roles["speaker"] == ("org/consumer-federation-of-ghana",)


def test_short_name_in_brackets_that_is_no_acronym_keeps_the_key() -> None:
    text = ("Lisbon's metro is testing facial recognition. The Institute for Technology and Society (Itsoc) "
            "criticised the trial. Maria Silva, a researcher at Itsoc, said the cameras were unlawful.")
    [affiliation] = facts(text, "Affiliation")
    assert affiliation.roles == {"member": ("person/maria-silva",),
                                 "organization": ("org/institute-for-technology-and-society",)}


def test_direct_quote_that_is_itself_the_concern() -> None:
    text = ("Privacy groups say the cameras threaten privacy. “Thousands of shoppers will have their biometric "
            "data collected without ever being asked,” said Maria Lopez of the Consumer Council.")
    [concern] = [f for f in facts(text, "HumanRightsConcern") if f.evidence[0].sentence_index == 1]
    assert concern.roles["raisedBy"] == ("person/maria-lopez",)
    assert concern.roles["concernType"] == ("concern-type/privacy",)
    assert concern.evidence[0].rule == "concern:quote"
    text = ("Facial recognition cameras now cover the campus. “Students are being watched every minute of the "
            "day,” said Rita Alves, a lecturer at the University of Porto.")
    [concern] = facts(text, "HumanRightsConcern")
    assert concern.roles["raisedBy"] == ("person/rita-alves",)
    assert concern.roles["concernType"] == ("concern-type/surveillance",)
    text = ("The city says the cameras raise no privacy issue. “The city is turning every street corner into a "
            "checkpoint,” said Tom Berger, a spokesman for the Digital Freedom Alliance.")
    assert [f.roles["raisedBy"] for f in facts(text, "HumanRightsConcern") if f.evidence[0].sentence_index == 1] \
        == [("person/tom-berger",)]


def test_quote_defending_the_system_is_no_concern() -> None:
    text = ("Kenya's police installed facial recognition cameras in Nairobi. Inspector Paul Otieno, a "
            "spokesman for the Kenyan police, defended them. “The cameras help us identify suspects,” "
            "Otieno said. “Nobody is being tracked without a warrant,” he said.")
    assert not [f for f in facts(text, "HumanRightsConcern") if f.evidence[0].rule == "concern:quote"]


def test_call_to_stop_using_facial_recognition_against_people_is_a_concern() -> None:
    text = ("Human Rights Watch called on the authorities to stop using facial recognition against peaceful "
            "demonstrators.")
    [concern] = facts(text, "HumanRightsConcern")
    assert concern.roles["raisedBy"] == ("org/human-rights-watch",)
    assert concern.roles["concernType"] == ("concern-type/surveillance",)
    assert concern.roles["affectedGroup"] == ("group/activists",)
    text = ("Amnesty International urged the interior ministry to halt the use of facial recognition cameras "
            "against journalists.")
    [concern] = facts(text, "HumanRightsConcern")
    assert concern.roles["raisedBy"] == ("org/amnesty-international",)
    assert concern.roles["affectedGroup"] == ("group/journalists",)
    text = "Access Now called on Serbia to ban biometric surveillance in public spaces."
    [concern] = facts(text, "HumanRightsConcern")
    assert concern.roles["raisedBy"] == ("org/access-now",)


# -- entities and affiliations ----------------------------------------------------------------

def test_one_word_group_after_a_lower_case_description_and_its_director() -> None:
    text = ("Consumer group Forbrukerradet, which tested the cameras, said the system was unreliable. "
            "Its policy director, Jan Smit, said shoppers had not been told.")
    assert ("org/forbrukerradet", "CivilSocietyOrganization") in entities(text)
    [affiliation] = facts(text, "Affiliation")
    assert affiliation.roles == {"member": ("person/jan-smit",), "organization": ("org/forbrukerradet",)}
    assert affiliation.values["role"] == "policy director"
    assert ("org/liberty", "CivilSocietyOrganization") in entities(
        "Campaign group Liberty said the facial recognition vans were unlawful.")


def test_director_of_an_organisations_country_office() -> None:
    text = ("Natalia Petrova, the director of Amnesty's Russia office, said the facial recognition cameras "
            "were used to detain protesters.")
    found = entities(text)
    assert ("org/amnesty-international", "CivilSocietyOrganization") in found
    assert not any("russia" in key and key.startswith("org/") for key, _ in found)
    [affiliation] = facts(text, "Affiliation")
    assert affiliation.roles["organization"] == ("org/amnesty-international",)
    text = ("“The system is used to track critics,” said Oleg Ivanov, a researcher at Human Rights Watch's "
            "Moscow office.")
    [affiliation] = facts(text, "Affiliation")
    assert affiliation.roles == {"member": ("person/oleg-ivanov",), "organization": ("org/human-rights-watch",)}


def test_person_named_only_inside_a_prepositional_phrase() -> None:
    for text, key in (("Police detained dozens at a vigil for the opposition politician Ekrem Imamoglu.",
                       "person/ekrem-imamoglu"),
                      ("Cameras identified supporters of the jailed blogger Sergei Markov at the rally.",
                       "person/sergei-markov"),
                      ("The app flagged people who attended a concert by the dissident rapper Oleg Volkov.",
                       "person/oleg-volkov")):
        assert (key, "Person") in entities(text)


def test_common_measure_phrasings_without_an_earlier_test() -> None:
    [listing] = facts("Megvii was blacklisted by the US Commerce Department in 2019.", "Sanction")
    assert listing.roles == {"imposedBy": ("org/us-department-of-commerce",), "targets": ("org/megvii",)}
    [ban] = facts("Japan imposed an export ban on chips to Russia.", "ExportRestriction")
    assert ban.roles == {"imposedBy": ("country/JP",), "targets": ("country/RU",),
                         "restrictsTechnology": ("technology/semiconductors",)}
    [export] = facts("Hikvision won a tender to install facial recognition cameras in the Nairobi metro.", "Export")
    assert export.roles["exporter"] == ("org/hikvision",)


# -- found on the round's own practice articles (a Bolivian camera deal, a Swedish retail fine) --

def test_person_before_a_possessive_role_is_no_organisation_and_works_there() -> None:
    text = ("The Bolivian digital rights group Internet Bolivia criticised the deal. “Nobody asked citizens "
            "whether they want to be filmed,” said Ana Mamani, the group's director. The supermarket chain "
            "Nordkop said it would appeal. “We introduced the system to protect our staff,” said Erik Lund, "
            "the company's chief executive.")
    found = entities(text)
    assert {("person/ana-mamani", "Person"), ("person/erik-lund", "Person")} <= found
    affiliations = {(f.roles["member"][0], f.roles["organization"][0], f.values["role"])
                    for f in facts(text, "Affiliation")}
    assert affiliations == {("person/ana-mamani", "org/internet-bolivia", "director"),
                            ("person/erik-lund", "org/nordkop", "chief executive")}


def test_unknown_acronym_in_apposition_names_a_public_body() -> None:
    text = ("Sweden's data protection authority, IMY, fined the supermarket chain Nordkop 2.5 million kronor "
            "for using facial recognition. IMY said the retailer had no legal basis. "
            "The retailer was also ordered to delete the images.")
    assert ("org/imy", "GovernmentBody") in entities(text)
    [fine] = facts(text, "Sanction")
    assert fine.roles["imposedBy"] == ("org/imy",) and fine.roles["targets"] == ("org/nordkop",)
    assert (fine.values["amount"], fine.values["currency"]) == (2_500_000, "SEK")
    [order] = facts(text, "Regulation")  # "was also ordered": the passive past an adverb
    assert order.roles == {"imposedBy": ("org/imy",), "targets": ("org/nordkop",)}


def test_listing_named_with_its_imposer_and_a_reason_naming_a_group() -> None:
    text = ("Uniview, a Hangzhou-based manufacturer, was added to the US Entity List in 2021 over concerns "
            "that its products were used to monitor Uyghurs in Xinjiang.")
    [listing] = facts(text, "ExportRestriction")
    assert listing.roles == {"imposedBy": ("country/US",), "targets": ("org/uniview",),
                             "affectedGroup": ("group/uyghurs",)}


def test_regulators_named_by_demonym_act_for_their_country() -> None:
    text = ("Last year, Dutch regulators fined Clearview AI 30.5 million euros for building an illegal "
            "database of faces.")
    [fine] = facts(text, "Sanction")
    assert fine.roles["imposedBy"] == ("country/NL",) and fine.values["amount"] == 30_500_000


def test_reported_statement_naming_a_harm_is_a_concern_and_secretary_general_is_a_role() -> None:
    text = ("The Swedish consumer group Sveriges Konsumenter welcomed the decision. Its secretary general, "
            "Lina Berg, said shoppers had been treated as suspects.")
    [affiliation] = facts(text, "Affiliation")
    assert affiliation.values["role"] == "secretary general"
    assert affiliation.roles["organization"] == ("org/sveriges-konsumenter",)
    [concern] = facts(text, "HumanRightsConcern")
    assert concern.roles["raisedBy"] == ("person/lina-berg",) and concern.evidence[0].rule == "concern:reported"


def test_report_by_a_group_that_says_names_only_the_group_and_a_purchase_from_the_firm() -> None:
    text = ("A new report by the research group Surveillance Atlas says the Israeli company Corsight has sold "
            "its facial recognition software to police forces in at least 12 countries since 2020. "
            "According to the report, the city of Medellin bought a similar system from the firm for $3 million. "
            "“We found it was used to identify demonstrators,” said Pablo Reyes, one of the report's authors.")
    [study] = [f for f in facts(text, "Study") if "authorAffiliation" in f.roles]
    assert study.roles["authorAffiliation"] == ("org/surveillance-atlas",)
    [deal] = facts(text, "Deal")
    assert (deal.roles["exporter"], deal.roles["importer"]) == (("org/corsight",), ("org/city-of-medellin",))
    assert deal.values["amount"] == 3_000_000
    [concern] = [f for f in facts(text, "HumanRightsConcern") if f.evidence[0].rule == "concern:quote"]
    assert concern.roles["raisedBy"] == ("person/pablo-reyes",)


def test_court_ruling_appositive_raiser_partial_quote_and_false_matches() -> None:
    text = ("London's Metropolitan Police will deploy live facial recognition vans in six more boroughs. "
            "Big Brother Watch, a civil liberties group, criticised the expansion. Its director, Silkie Carlo, "
            "said innocent people were being stopped after false matches. "
            "In 2020, the Court of Appeal ruled that South Wales Police's use of facial recognition was unlawful. "
            "A spokesperson for the Home Office said the government was “committed to giving police the tools "
            "they need”.")
    concerns = {f.evidence[0].sentence_index: f for f in facts(text, "HumanRightsConcern")}
    assert concerns[1].roles["raisedBy"] == ("org/big-brother-watch",)  # not its description
    assert concerns[2].roles["raisedBy"] == ("person/silkie-carlo",)
    assert concerns[2].roles["concernType"] == ("concern-type/discrimination",)
    [ruling] = facts(text, "Regulation")
    assert ruling.roles["imposedBy"] == ("org/court-of-appeal",)
    assert ruling.roles["targets"] == ("org/south-wales-police",)
    [quote] = [f for f in facts(text, "Statement") if f.values["isDirectQuote"]]
    assert quote.roles["speaker"] == ("org/home-office",)
    assert quote.values["quotedText"] == "committed to giving police the tools they need"


def test_listing_names_described_members_and_a_capital_after_when() -> None:
    text = ("The US Commerce Department on Wednesday added eight Chinese technology companies, including the "
            "facial recognition developer Watrix and the camera maker Tiandy, to its Entity List. "
            "The listing follows similar action in 2019, when Washington blacklisted Hikvision, Dahua and SenseTime.")
    [listing] = facts(text, "ExportRestriction")
    assert listing.roles["targets"] == ("org/watrix", "org/tiandy")
    [blacklisting] = facts(text, "Sanction")
    assert blacklisting.roles == {"imposedBy": ("country/US",),
                                  "targets": ("org/hikvision", "org/dahua", "org/sensetime")}


def test_agreed_to_buy_from_a_described_startup_and_a_party_condemning() -> None:
    text = ("Zimbabwe's CloudWalk deal raises fears of mass surveillance\n\n"
            "Zimbabwe's government has agreed to buy a national facial recognition system from the "
            "Guangzhou-based start-up CloudWalk Technology, in a deal reportedly worth $80 million. "
            "The opposition MDC Alliance has condemned the deal. “This is a tool for repression,” said "
            "Nelson Chamisa, the party's leader.")
    [deal] = facts(text, "Deal")
    assert (deal.roles["exporter"], deal.roles["importer"]) == (("org/cloudwalk",), ("country/ZW",))
    assert deal.values["amount"] == 80_000_000
    raisers = {f.roles["raisedBy"][0] for f in facts(text, "HumanRightsConcern") if "raisedBy" in f.roles}
    assert raisers == {"org/mdc-alliance", "person/nelson-chamisa"}
    [affiliation] = facts(text, "Affiliation")
    assert affiliation.roles["organization"] == ("org/mdc-alliance",)
    assert not facts("The city plans to buy facial recognition cameras from Hikvision.", "Deal")
