"""Exports and deals between parties.

"X sold/supplied/exported T to Y", "X is exporting T", "X is a significant
exporter of T", "X signed a contract with (the city of) Y", "Y bought T from
X".  An export needs an exporter and a technology; with an importer it is a
Deal.  Buyers or sellers listed together ("Ecuador and Bolivia bought ...") make
one fact each; an award of several contracts is read with the shares named after
it; in an interview answer "our markets"/"the contract" are the interviewee's firm's.
"""
from __future__ import annotations

import re

from frkg import gazetteer as gz
from frkg.entities import entity_for
from frkg.facts.context import COREF_CONFIDENCE, Context, fact
from frkg.facts.dates import find_date
from frkg.facts.money import amount_values, countries_before, story_dollar
from frkg.facts.statistics import NUMBER
from frkg.gazetteer import ORG_TYPES
from frkg.model import Evidence, Fact, Mention
from frkg.patterns import LABELLED_FIELD

PARTY_TYPES = ("Country", "Firm", "Group") + tuple(ORG_TYPES)
SELLER_TYPES = ("Country", "Firm", "Group")
EXPORT_VERB = re.compile(
    r"\b(?:exports|exported|exporting|sells|sold|selling|supplies|supplied|supplying|provides|"
    r"provided|delivered|delivers|shipped|ships|installed|installs|deployed|deploys|"
    r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bis )(?<!\bare )(?<!\bbeing )built|builds|"
    r"(?<=\bto )(?:supply|sell|provide|deliver|install|export)|"
    r"(?<!\bthe )(?<!\ba )(?<!’s )(?<!'s )(?<!\bof )(?<!\bits )(?<!\btheir )(?<!\bto )(?<!\band )"
    r"(?:supply|sell|provide|deliver)(?!\s+chains?\b)|"  # "NEC and Idemia provide the software"
    r"is (?:also )?(?:a|an|the) (?:[\w-]+ ){0,2}exporter of|are (?:[\w-]+ ){0,2}exporters of)\b")
# "worth $126 million", "worth 27.4 million lari (about US$10 million)", "worth COP 41,000 million, or
# about US$11 million,": the amount phrase between a deal noun and its party.
WORTH = r"(?:(?:worth|valued at)\s+(?:[^,;(]|,(?=\d)){1,40}?(?:\s+\([^()]{1,30}\)|,\s+or\s+[^,;()]{1,30},)?\s+)?"
# "signed an agreement in 2019 with the Shenzhen firm X", "renewed its contract with X in 2024".
# "signed a £3.8 million contract with": the amount may open on any currency sign.
DEAL_WITH = re.compile(
    r"\b(?:signed|struck|won|agreed|inked|concluded|sealed|placed|extended|renewed|expanded|approved)\s+(?:a|an|the)?\s*"
    r"(?:[\w$£€¥₹.,-]+\s+){0,4}?(?:contract|deal|agreement|memorandum of understanding|partnership|tender|order)s?\s+"
    r"(?:in\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\s+)?" + WORTH + r"(?:with|from|for)\s+")
# "with a consortium led by the Spanish company Indra": the seller behind a joint bidder and a
# short description of what it is.
SELLER_INTRO = re.compile(
    r"(?:(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:consortium|joint venture|group of (?:companies|firms)|"
    r"partnership)\s+(?:(?:led|headed|formed|run)\s+by|of|comprising|including)\s+)?"
    r"(?:the\s+)?(?:[\w-]+\s+){0,3}?")
# "a contract worth $126 million signed with the Chinese company": the deal named first, its
# seller in a reduced relative clause; the buyer is the clause's subject before it.
SIGNED_WITH = re.compile(
    r"\b(?:contract|deal|agreement|memorandum of understanding)s?\s+" + WORTH +
    r"(?:signed|struck|agreed|concluded|sealed|inked)\s+with\s+")
# Between "with" and the seller's name: "the Chinese company", "the state-owned firm".
SELLER_LEAD = re.compile(r"(?:the\s+)?(?:[\w-]+\s+){0,3}?")
# "paid about US$45 million in 2020 for a platform from X": a payment for a product is a purchase.
BOUGHT_FROM = re.compile(r"\b(?:bought|purchased|procured|acquired|buys|purchases|imported|imports|paid|spent|"
                         r"(?<=\bto )(?:buy|purchase|procure|acquire|import))\b")  # "agreed to buy T from X"
TO_IMPORTER = re.compile(r"(?:\s+[a-z][\w-]*){0,3}?\s*(?:to|for|in|into)\s+(?:the\s+)?(?:(?:city|government|police|authorities)"
                         r"\s+(?:of|in)\s+)?")
# "provided the country with", "equipped Kenya's police with": the buyer before the product.
PROVIDED_WITH = re.compile(r"\s+(?:the\s+)?(?:[\w’'-]+\s+){1,3}?with\s+")
TO_BUYERS_IN = re.compile(r"(?:\s+[a-z][\w-]*){0,2}?\s+to\s+(?:the\s+)?(?:[a-z][\w-]*\s+){1,3}?in\s+(?:the\s+)?")  # "to border agencies in"
COMPONENTS = re.compile(r"sensors|processors|lens(?:es| assemblies)|components|modules")
GENERIC_OBJECT = re.compile(r"\s+(?:an?|the|its|their|this|similar|such|\s)*(?:[\w,“”\"'’-]+\s+){0,3}?"
                            r"(?:system|systems|cameras|camera networks?|(?:surveillance|CCTV) networks?|CCTV|equipment|software|platform|technology|tools|kiosks|gates|analytics|"
                            r"terminals|scanners)\b")
PASSIVE = re.compile(r"\b(?:supplied|provided|sold|delivered|exported|made|built|developed)\s+"
                     r"(?:in\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\s+)?by\s+(?:the\s+)?")  # "supplied in 2019 by X"
# "cameras supplied by X": a generic product right before the passive verb.
# "The cameras at the border crossing were supplied by X", "The algorithms have been provided by X".
GENERIC_PRODUCT = re.compile(
    r"\b(?:cameras|systems?|equipment|software|hardware|platforms?|technology|algorithms?|terminals|devices|"
    r"scanners|servers|kiosks|gates|sensors|tools)\b(?:\s+(?:at|in|on|for|of|used|installed)\s+[^,;.]{0,40}?)?"
    r"\s*,?\s+(?:(?:was|were|is|are|has been|have been|had been|being)\s+)?$")
# "built by the Polish firm X and bought by the Ministry of Y": the buyer named in a second passive.
BOUGHT_BY = re.compile(r"\s*,?\s+and\s+(?:(?:was|were|later|then)\s+)*(?:bought|purchased|procured|acquired|ordered)"
                       r"\s+by\s+(?:the\s+)?")
RELATIVE_AFTER = re.compile(r",\s*which$")
USED_ABROAD = re.compile(r",\s+whose\s+(?:[\w-]+\s+){0,2}?(?:equipment|cameras|systems?|software|technology|products|gates|"
                         r"kiosks|platforms?)\s+(?:is|are|has\s+been|have\s+been)\s+(?:(?:already|also|now|widely)\s+)*"
                         r"(?:used|deployed|installed|in\s+use)\s+(?:by\s+(?:the\s+)?(?:[\w-]+\s+)?(?:police|authorities|"
                         r"governments?|forces|agencies)\s+)?in\s+(?:the\s+)?")
GENERIC_NAME_WORDS = {"technology", "technologies", "vision", "security", "systems", "group", "international",
                      "intelligent", "digital", "smart", "the", "and", "co", "ltd", "inc", "corp"}
# A list item naming a buyer, then its deal: ", under a five-year contract", ", whose $9 million
# deal", ", which awarded X a contract".
LIST_ITEM = re.compile(r",\s+(?:(?:under|through|via|with)\s+(?:a|an|the)|whose|which\s+(?:awarded|gave|granted|signed))"
                       r"\s+[^;:]{0,60}?\b(?:contract|deal|agreement|order|tender)s?\b")
OWNER_OPENING = re.compile(r"\W*(?:The\s+)?(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*(?:’s|'s|’|')\s+")  # "Kenya's ", "The UAE's "
THE_OPENING = re.compile(r"\W*(?:the\s+)?", re.I)
CLAUSE_END = re.compile(r"[;]|\bbut\b|\bwhile\b|\bwhich\b")
CAMERAS = re.compile(r"\b(?:cameras|CCTV|camera networks?)\b")
SURVEILLANCE_CAMERAS = "technology/video-surveillance-cameras"
# "barred X from selling", "a licence before exporting", "ban exports": trade that a measure
# stops or conditions is no deal.
RESTRICTED = re.compile(r"\b(?:from|before|bar(?:s|red)?|ban(?:s|ned)?|prohibit\w*|restrict\w*|licen[cs]e|"
                        r"forbid\w*|block\w*|stop\w*|prevent\w*)\s+(?:[\w-]+\s+){0,6}?$")
IN_COUNTRY = re.compile(r"\s*In\s+(?:the\s+)?")
# "the sale of T by X to Y", "X's supply of T to Y": a deal named by its noun.
NOMINAL = re.compile(r"\b(?:sales?|supply|supplies|exports?|delivery|deliveries|provision|shipments?|"
                     r"installation)\s+of\s+")
NOMINAL_BY = re.compile(r"\s*(?:,\s*)?by\s+(?:the\s+)?")
# "Pakistan awarded Huawei a contract": the buyer gives the seller the deal.
AWARDED = re.compile(r"\b(?:awarded|awards|gave|gives|granted|handed)\s+(?:the\s+)?")
AWARDED_DEAL = re.compile(r"\s+(?:a|an|the)\s+(?:[\w$£€¥₹.,-]+\s+){0,4}?(?:contract|deal|tender|agreement)s?\b")
# "awarded a $25 million contract to a consortium led by X": the seller after "to".
AWARDED_TO = re.compile(r"\b(?:awarded|awards|gave|gives|granted|handed)\s+(?:a|an|the)\s+(?:[\w$£€¥₹.,-]+\s+){0,4}?"
                        r"(?:contract|deal|tender|agreement)s?\s+" + WORTH + r"to\s+")
# "Idemia was awarded a contract by the Indian government": the passive, buyer after "by".
# "X has been selected by Y to supply T": the same with a verb of choosing (its infinitive required).
AWARDED_BY = re.compile(r"\b(?:was|were|has been|had been|have been)\s+(?:awarded\s+(?:a|an|the)\s+"
                        r"(?:[\w$£€¥₹.,-]+\s+){0,4}?(?:contract|deal|tender|agreement)s?\s+"
                        + WORTH + r"|(?P<chosen>selected|chosen|picked|contracted|commissioned|hired|tapped)\s+)"
                        r"by\s+(?:the\s+)?")
# "uses facial recognition technology from NtechLab", "relies on software from Cognitec".
PRODUCT_FROM = re.compile(r"\s+(?:(?:made|supplied|provided|developed|built|sourced)\s+)?from\s+(?:the\s+)?")
# "a teardown found processors from X": parts found inside a product were supplied for it.
USING_BEFORE = re.compile(r"\b(?:us(?:e|es|ed|ing)|rel(?:y|ies|ied|ying) on|deploy\w*|runs?|running|install\w*|"
                          r"operat\w*|adopt\w*|equipped with|powered by|based on|found|contain(?:s|ed|ing)?|"
                          r"fitted with)\b[^.;,]{0,40}$")
# "found processors from X, thermal sensors from the Japanese firm Y and lenses from Z": the next part
# of a list of parts and their makers.
NEXT_PART = re.compile(r"[^.;]{0,40}?(?:,|\band)\s+(?:[\w-]+\s+){0,2}$")
GENERIC_NOUN = re.compile(r"\b(?:software|cameras|equipment|hardware|systems?|algorithms?|platforms?|" + COMPONENTS.pattern + r")\b")
# "The city of Johannesburg chose Hikvision to supply 2,000 cameras": the buyer picks the seller.
CHOSE = re.compile(r"\b(?:chose|selected|picked|hired|contracted|commissioned|tapped|engaged)\s+(?:the\s+)?")
TO_SUPPLY = re.compile(r"\s+to\s+(?:supply|install|provide|build|deliver|deploy|equip)\b")
SUPPLY_WORD = re.compile(r"supply|install|provide|build|deliver|deploy|equip")
DEAL_NOUN = re.compile(r"contract|deal|tender|agreement")
JUST_TO = re.compile(r"\s+to\s+")
OWNED_NAME_TO = re.compile(r"(?:’s|'s)\s+(?:[A-ZÀ-Þ][\w-]*\s+(?:(?:de|del|la|of|for|and)\s+)?){1,6}to\s+")  # "Chile's X Y to"
BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$")
LIST_GAP = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*(?:the\s+)?")  # "Peru, Chile and the Maldives"
AND_GAP = re.compile(r"\s*,?\s*(?:and|or)\s+")
# "The larger of the two, worth $18.5 million, was signed ...", "The second, a EUR 3.2m agreement with
# ...", "A second contract, with the Russian firm X, ...": a deal named after contracts mentioned before.
LATER_DEAL = re.compile(
    r"(?:^|(?<=\.\s))\s*(?:The|A|An)\s+(?:(?:(?:larger|smaller|bigger|largest|biggest|first|second|third|other|"
    r"latter|former|latest|new)(?:\s+(?:one|of\s+the\s+(?:two|three|deals|contracts)))?)"
    r"(?:\s+(?:contract|deal|agreement|order))?"
    r"|(?:contract|deal|agreement))\s*(?:,|(?=\s+(?:(?:was|is)\s+(?:signed|worth|valued)|"
    r"(?:has|carries)\s+a\s+(?:total\s+|combined\s+)?value)\b))")  # "The contract has a total value of"
# "According to a report published on 3 June 2024, X bought ...": when a source appeared dates no deal.
PUBLISHED = re.compile(r"\b(?:published|released|posted|reported|updated)\s+(?:on\s+|in\s+)?$")
# "would take effect once a licence was granted in the United Kingdom": a country after "in" is where, no party.
IN_PLACE = re.compile(r"\bin\s+(?:the\s+)?$")
# "Documents put the value of a contract signed in 2023 at ...": the amount of a deal named before.
VALUE_OF = re.compile(r"\b(?:value|cost|price)\s+of\s+(?:a|an|the|this|that)\s+(?:[\w-]+\s+){0,2}?"
                      r"(?:contract|deal|agreement|order|purchase)\b")
# "X has won two airport contracts abroad", "X lands border deals": the seller of the deals named next.
WON_DEALS = re.compile(r"\b(?:won|wins|landed|lands|secured|secures|clinched|clinches|bagged|signed|signs)\s+"
                       r"(?:[\w$£€¥₹.,-]+\s+){0,4}?(?:contracts|deals|orders|tenders|agreements)\b")
POSSESSIVE = re.compile(r"(?:’s|'s)\s+")
# "Russian developers, led by NtechLab and VisionLabs, supply ...": the firms at the head of a group
# are its sellers.
APPOSITIVE_GAP = re.compile(r"\s*,\s+")
LED_BY = re.compile(r",\s+(?:led|headed|spearheaded|dominated)\s+by\s+(?:the\s+)?$")
# "at least 2,300 Intel processors reached Iran in 2023": a maker's goods arriving in a country.
REACHED = re.compile(r"\s+(?:reached|entered|arrived in|ended up in|found their way (?:in)?to)\s+(?:the\s+)?")
# "The port authority has awarded contracts worth Rs 145 crore for ...": several deals, their sellers
# and shares named in the sentences after ("X won the largest share: a Rs 80-crore order ...", "Y will
# install the servers for Rs 40 crore"); "letters of award were issued on 4 May 2025" dates them.
AWARDED_SEVERAL = re.compile(r"\b(?:awarded|signed|approved|granted)\s+(?:[\w-]+\s+){0,2}?(?:contracts|deals|orders)\b")
SHARE_VERB = re.compile(r"\s+(?:(?:bagged|won|secured|landed|clinched|took|gets|got)\b|"
                        r"will\s+(?:\w+\s+)?(?:build|supply|provide|install|deliver|run|set up|maintain)\b)")
AWARD_DATED = re.compile(r"\b(?:letters? of (?:award|intent)|contracts?|deals?|agreements?|orders?)\b[^.;]{0,40}?"
                         r"\b(?:issued|signed|approved|awarded|concluded)\s+on\b")
# In an interview answer: "Our main markets abroad are Kenya, Peru and Chile", "The Kenyan contract,
# about $4 million over three years, is with the national police": the interviewee's firm sells.
OUR_MARKETS = re.compile(r"\bOur\s+(?:(?:biggest|largest|main|key|top|most important|export)\s+)*markets?\b"
                         r"[^.;]{0,30}?\s+(?:are|is|include)\s+(?:the\s+)?")
OUR_CONTRACT = re.compile(r"^\W*(?:The|Our)\s+(?:[A-Z][\w-]*\s+)?(?:contract|deal|agreement|order)\b[^.;]{0,80}?"
                          r"\s+(?:is|was)\s+with\s+(?:the\s+)?")
CLAUSE_JOIN = re.compile(r"[,;]\s+(?:and|while|but|whereas)\s+(?:the\s+)?")
SUPPLIED_BY = re.compile(r"[^.;]{0,60}?\b(?:supplied|provided|made|built|developed|delivered|installed|sold)\s+by\s+"
                         r"(?:the\s+)?")
# "Cebu's city council signed": a city's possessive, then a body named in lower case, then the verb.
CITY_BODY = re.compile(r"(?:’s|'s)\s+(?:[a-z][\w-]*\s+){1,4}(?:(?:has|had|also|then|later)\s+)*")
# "According to X, at least nine towns bought T from Y": the buyers a count names after the comma, not X.
UNNAMED_SUBJECT = re.compile(r",\s+(?:(?:at least|some|about|nearly|more than|over|around)\s+)?(?:\d[\d,]*|several|many|"
                             r"dozens of|hundreds of|two|three|four|five|six|seven|eight|nine|ten)\s+[a-z][^,]*$")
PAID_FOR = re.compile(r"[^.;]{0,40}?\bfor\s+")  # "paid about US$45 million in 2020 for"
FROM_SELLER = re.compile(r"\bfrom\s+(?:the\s+)?")
MAKER_GAP = re.compile(r"(?:’s|'s)?\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}")  # "NEC's new face ..."
THE_DEAL = re.compile(r"\W*The\s+(?:contract|deal|agreement)\b")  # no "second": the deal named before
WITH_OR_FROM = re.compile(r"\b(?:with|from)\s+")
# A note's labelled fragment after a deal: "Value: $4.2 million.", "Worth €3m.", "Signed 9 March in Lima."
LABELLED = re.compile(r"\W*(?:(?P<value>(?:Value|Price|Cost|Amount):|Worth\b)|(?:Signed|Agreed|Dated)\b)")
# "The contract, awarded on 4 May 2025, to Ohio-based X": the seller the deal went to.
AWARDED_LATER = re.compile(r"\b(?:awarded|granted|given|let)\b(?:\s+[^;:]{0,30}?,?)?\s+to\s+(?:the\s+)?")
# "approved a $2-million contract with": the deal noun of a sentence (its amount just before it).
DEAL_NOUN_AT = re.compile(r"\b(?:contract|deal|agreement)\b")
# "X acted as the exclusive local distributor for Y and arranged the delivery of T to Z": the maker Y
# sold to Z through X.
DISTRIBUTOR = re.compile(
    r"\b(?:acted|acts|acting|served|serves|serving|worked|works|was|is)\s+as\s+(?:the|a|an|its)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:distributor|reseller|agent|representative|dealer|integrator|partner)\s+(?:for|of)\s+(?:the\s+)?")
DELIVERY = re.compile(r"\b(?:(?:delivery|deliveries|sale|sales|supply|shipment|shipments|installation)\s+of|"
                      r"delivered|supplied|sold|shipped|installed|provided)\b[^.;]{0,120}?\bto\s+(?:the\s+)?")
# "installed under a 2019 contract between the city of Mombasa and Hikvision": a deal named in passing
# with both its parties.
BETWEEN = re.compile(r"\b(?:contract|deal|agreement)s?\s+(?:(?:signed|struck|agreed)\s+(?:in\s+(?:19|20)\d\d\s+)?)?"
                     r"between\s+(?:the\s+)?")
BETWEEN_AND = re.compile(r"\s+and\s+(?:the\s+)?")
# "X said ... it had delivered similar projects in A, B and C": the firm (named, "it" for the one that
# speaks, or "the company") built such systems in each country.
DELIVERED_IN = re.compile(
    r"\b(?:[Ii]t|[Tt]he\s+(?:company|firm|group))\s+(?:(?:had|has|have|already|previously|also)\s+)*"
    r"(?:delivered|supplied|installed|built|completed|deployed|implemented|carried out)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:projects|systems|networks|platforms|installations|schemes)\s+(?:in|to|for)\s+(?:the\s+)?")
# "Its software runs at automated gates in six EU member states", "noting that its kiosks are used in Oman",
# "Vantex's cameras are already deployed in Peru": a firm's products in use abroad.
PRODUCT_ABROAD = re.compile(
    r"(?:\b[Ii]ts\s+|\b[Tt]heir\s+|(?<=’s )|(?<='s ))(?:[\w-]+\s+){0,2}?(?:software|cameras|systems?|technology|"
    r"products|e-gates|gates|kiosks|platforms?|equipment|algorithms?)\s+(?:(?:(?:is|are|has been|have been)\s+"
    r"(?:(?:already|also|now|widely|currently)\s+)*(?:used|deployed|installed|in use))|runs?|operates?)"
    r"(?:\s+(?:by|at)\s+[^,;.]{0,40}?)??\s+in\s+(?:the\s+)?")
ABROAD_COUNT = re.compile(NUMBER + r"\s+(?:[A-Z]{2,3}\s+)?(?:countries|nations|(?:member\s+)?states)\b")
# "the 4,000 Dahua cameras installed along the ring road": a maker's goods put up somewhere were sold.
COUNT_BEFORE = re.compile(r"(?:\b\d{1,3}(?:,\d{3})*|\b[Tt]he|\bits|\btheir|"
                          r"\b[Aa]n?(?:\s+(?:similar|comparable|identical|second|further))?)\s+$")
MAKER_GOODS = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:cameras|camera networks?|networks?|systems?|terminals|gates|kiosks|"
                         r"scanners)\s+"
                         r"(?:(?:were|was|have been|had been)\s+)?(?:installed|deployed|supplied|mounted|put up)\b")
# "with Chile, Peru and Mexico its three largest customers": the seller's main buyers, listed.
CUSTOMERS_WITH = re.compile(r"\bwith\s+(?:the\s+)?")
CUSTOMERS_TAIL = re.compile(r"\s+(?:as\s+)?(?:its|their)\s+(?:[\w-]+\s+){0,3}?(?:customers|buyers|clients|markets)\b")
# "procured by the city police under a 1.2 million euro contract awarded in May 2021 to X": the deal
# named with its amount, date and seller in one phrase.
CONTRACT_AWARDED_TO = re.compile(
    r"\b(?:a|an|the)\s+(?:[\w$£€¥₹.,-]+\s+){0,5}?(?:contract|deal|tender|agreement|order)\s+(?:awarded|granted|let)\s+"
    r"(?:(?:in|on)\s+(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?(?:19|20)\d\d\s+)?to\s+(?:the\s+)?")
# An award notice written field by field, repeated per lot: "Official name: <authority>", "Lot No: 2",
# "Date of conclusion of the contract: 03/11/2025", "Contractor 1 (group leader): X GmbH, Berlin, Germany",
# "Total value of the contract/lot: EUR 4.250.000,00" (fields: frkg.patterns.LABELLED_FIELD).
CONTRACTOR_FIELD = re.compile(r"\b(?:contractors?|suppliers?|awarded to|successful (?:tenderer|bidder)|"
                              r"winning (?:tenderer|bidder)|winners?|tenderers?)\b", re.I)
VALUE_FIELD = re.compile(r"\bvalue of (?:the )?(?:contract|lot|award)|\b(?:contract|awarded|award) (?:value|price)\b", re.I)
DATE_FIELD = re.compile(r"\bdate of (?:the )?(?:conclusion|signature|signing|award|contract)|"
                        r"\b(?:award|signature|contract) date\b", re.I)
OFFICIAL_NAME = re.compile(r"\bofficial name\b", re.I)
AUTHORITY_FIELD = re.compile(r"\bofficial name\b|\bcontracting (?:authority|entity)\b|\b(?:buyer|purchaser)\b", re.I)
LOT_FIELD = re.compile(r"\s*Lot[\s-]+(?:No\.?|number|n[o°º]\.?)?\s*:?\s*\d+\b", re.I)
# "Did X sell T to Y?": a question asserts no sale; nor does a claim the text rates false ("The post claims
# X sold T ... The claim is false", "Claim: “X sold T”").
QUESTION = re.compile(r"\?[”\"’']?\s*$")
CLAIMED = re.compile(r"(?:\b(?:claims?|claimed|alleges?|alleged|asserts?|asserted)\s+(?:that\s+)?|^\W*Claim\s*:\s*\W*)"
                     r"[^.;:]{0,60}$", re.M)
RATED_FALSE = re.compile(r"\b(?:false|untrue|misleading|fabricated|baseless|debunked|no evidence|falsely|wrongly)\b", re.I)
DEMONYM_SELLER = re.compile(r"\s+(?:[a-z][\w-]*\s+)?(?:vendor|company|firm|supplier|manufacturer|maker|developer|"
                            r"exporter|contractor)\s+(?:(?:reportedly|allegedly|apparently|also|has|had|have)\s+)*")
INDEFINITE = re.compile(r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+$")
IT_SUBJECT = re.compile(r"\b([Ii]t|[Tt]he\s+(?:company|firm|appellant|applicant|claimant))\s+"
                        r"(?:(?:has|had|also|then|later|subsequently|eventually)\s+)*$")
# "a €2.7 million contract that the Municipality of X signed with a Hikvision reseller, Y, in May 2023": the
# deal named first, its buyer the relative clause's subject, its seller after "with".
RELATIVE_DEAL = re.compile(r"\b(?:an?|the)\s+(?:[\w$£€¥₹.,-]+\s+){0,4}?(?:contract|deal|agreement|order)s?\s+"
                           r"(?:that|which)\s+(?:the\s+)?")
RELATIVE_SIGNED = re.compile(r"\s+(?:(?:had|has|have|later|then)\s+)?(?:signed|concluded|agreed|struck|placed|sealed)\s+"
                             r"with\s+|\s+(?:(?:had|has|have)\s+)?(?:awarded|gave|granted)\s+to\s+")
# "with a Hikvision reseller, Y,": the firm in apposition to a description of what it is.
DESCRIBED_APPOSITIVE = re.compile(r"(?:an?|the|its)\s+(?:[\w-]+\s+){0,3}?(?:distributor|reseller|partner|integrator|dealer|"
                                  r"agent|subsidiary|contractor|supplier|vendor|company|firm)\s*,\s+")
SAID_BEFORE = re.compile(r"\s+(?:(?:also|has|had)\s+)?(?:said|says|added|stated|told\s+[\w\s]{1,30}?)\b")
SUBJECT_GAP = re.compile(r":?\s+(?:(?:have|has|had|also|reportedly|jointly|together|both)\s+)*")


def extract(ctx: Context) -> list[Fact]:
    """Export and Deal facts; sentences already read as statistics are skipped."""
    statistic_sentences = {e.sentence_index for f in ctx.facts if f.kind == "DealStatistic"
                           and ("dealCount" in f.values or "rank" in f.values) for e in f.evidence}
    facts: list[Fact] = []
    for sentence in ctx.sentences:
        if sentence.index in statistic_sentences or QUESTION.search(sentence.text):
            continue
        facts += _exports(ctx, sentence.index)
        facts += _contracts(ctx, sentence.index)
        facts += _signed_with(ctx, sentence.index)
        facts += _relative_contract(ctx, sentence.index)
        facts += _purchases(ctx, sentence.index)
        facts += _passive(ctx, sentence.index)
        facts += _nominal(ctx, sentence.index)
        facts += _awarded(ctx, sentence.index)
        facts += _awarded_to(ctx, sentence.index)
        facts += _awarded_by(ctx, sentence.index)
        facts += _chose(ctx, sentence.index)
        facts += _product_from(ctx, sentence.index)
        facts += _distributed(ctx, sentence.index)
        facts += _reached(ctx, sentence.index)
        facts += _awarded_shares(ctx, sentence.index)
        facts += _our_trade(ctx, sentence.index)
        facts += _listed_account(ctx, sentence.index)
        facts += _used_abroad(ctx, sentence.index)
        facts += _between(ctx, sentence.index)
        facts += _product_abroad(ctx, sentence.index)
        facts += _maker_goods(ctx, sentence.index)
        facts += _contract_awarded_to(ctx, sentence.index)
        facts += _main_customers(ctx, sentence.index)
        facts += _delivered_in(ctx, sentence.index)
        facts += _later_deal(ctx, sentence.index, facts)
        _labelled_values(ctx, sentence.index, facts)
    facts += _award_fields(ctx)
    return _drop_subsumed(_unique(facts))


def _award_fields(ctx: Context) -> list[Fact]:
    """An award notice's "Label: value" lines: one deal per contractor, priced and dated by the fields of
    its own lot (a "Lot No: N" or "Lot 2" line opens the next), bought by the contracting authority
    named first (the first "Official name" that is no contractor's)."""
    fields = {s.index: m for s in ctx.sentences if ":" in s.text for m in [LABELLED_FIELD.match(s.text)] if m}
    contractors = {i for i, m in fields.items() if _names_contractor(ctx, i, m, fields)}
    if not contractors:
        return []  # no notice
    buyer = next((p for i, m in fields.items() if i not in contractors and AUTHORITY_FIELD.search(m.group("label"))
                  for p in _field_party(ctx, i, m, ORG_TYPES - {"Firm"})), None)
    lots: list[list[tuple[int, re.Match]]] = [[]]
    for s in ctx.sentences:
        if LOT_FIELD.match(s.text):
            lots.append([])
        if s.index in fields:
            lots[-1].append((s.index, fields[s.index]))
    return [f for lot in lots for f in _lot_deals(ctx, lot, buyer, contractors)]


def _names_contractor(ctx: Context, index: int, field: re.Match, fields: dict[int, re.Match]) -> bool:
    """"Contractor 2: X", "Name and address of the contractor: X", or an "Official name: X" line under a
    heading that names the contractor ("Winner" / "Name and address of the contractor")."""
    label = field.group("label")
    if CONTRACTOR_FIELD.search(label):
        return True
    heading = ctx.sentences[index - 1].text if index and index - 1 not in fields else ""
    return bool(OFFICIAL_NAME.search(label) and CONTRACTOR_FIELD.search(heading))


def _field_party(ctx: Context, index: int, field: re.Match, types: tuple[str, ...] | frozenset[str]) -> list[Mention]:
    """The party a field's value opens on ("Contractor 2: X SRL, Riga, Latvia": X)."""
    position = ctx.sentences[index].start + field.end()
    return [p for p in ctx.in_sentence(index, tuple(types), position) if p.start == position and p.rule != "demonym"][:1]


def _lot_deals(ctx: Context, lot: list[tuple[int, re.Match]], buyer: Mention | None,
               contractors: set[int]) -> list[Fact]:
    """The deals of one lot's fields: its contractors, each with the lot's value and date."""
    values: dict = {}
    read: list[Evidence] = []
    for index, m in lot:
        s = ctx.sentences[index]
        label = m.group("label")
        found = amount_values(ctx.text, s.start + m.end(), s.end, countries_before(ctx.mentions, s.end),
                              story_dollar(ctx.mentions, ctx.attributes)) if VALUE_FIELD.search(label) else {}
        date = find_date(ctx.text, s.start + m.end(), s.end) if DATE_FIELD.search(label) else None
        found.update({"dealDate": date[0]} if date else {})
        if found and not values.keys() & found.keys():
            values.update(found)
            read.append(ctx.sentence_evidence(index, "deal:award-field", COREF_CONFIDENCE))
    out = []
    for index, m in lot:
        sellers = _field_party(ctx, index, m, ("Firm",)) if index in contractors else []
        keys = _deal_technology(ctx, index, ctx.in_sentence(index, ("Technology",)), ctx.sentences[index].start) \
            if sellers else []
        if keys:
            found = fact("Deal" if buyer else "Export", {"exporter": [sellers[0].key], "technology": keys,
                                                          "importer": [buyer.key] if buyer else []}, dict(values),
                         ctx.evidence(index, sellers[0].start, sellers[0].end, "deal:award-notice", 0.8))
            found.evidence += read
            out.append(found)
    return out


def _unique(facts: list[Fact]) -> list[Fact]:
    """One fact per kind, roles and sentence, the one that says most (two rules may read the same deal)."""
    best: dict[tuple, Fact] = {}
    for f in facts:
        key = (f.kind, tuple(sorted(f.roles.items())), f.evidence[0].sentence_index)
        if len(f.values) > len(best.setdefault(key, f).values):
            best[key] = f
    return [f for f in facts if best[(f.kind, tuple(sorted(f.roles.items())), f.evidence[0].sentence_index)] is f]


def _distributed(ctx: Context, index: int) -> list[Fact]:
    """"X acted as the exclusive distributor for Y and arranged the delivery of T to Z": Y exported to Z."""
    s = ctx.sentences[index]
    m = DISTRIBUTOR.search(s.text) if " as " in s.text else None
    makers = _run_at(ctx, index, s.start + m.end(), ("Firm",)) if m else []
    delivery = DELIVERY.search(ctx.text, makers[-1].end, s.end) if makers else None
    importer = [p for p in ctx.in_sentence(index, PARTY_TYPES) if delivery and p.start == delivery.end()]
    if not importer:
        return []
    importer = [_buyer(ctx, _owned_body(ctx, index, max(importer, key=lambda p: p.end)))]
    keys = _deal_technology(ctx, index, ctx.in_sentence(index, ("Technology",), makers[-1].end), s.start)
    return [_buyer_seller_deal(ctx, index, makers, importer[0], keys, makers[0].start, "deal:distributor")] \
        if keys else []


def _reached(ctx: Context, index: int) -> list[Fact]:
    """"2,300 Intel processors reached Iran": the maker named before its goods sold them to the country."""
    s = ctx.sentences[index]
    out: list[Fact] = []
    for m in REACHED.finditer(s.text):
        verb_start = s.start + m.start()
        tech = [t for t in ctx.in_sentence(index, ("Technology",), end=verb_start) if t.end == verb_start][:1]
        makers = [f for f in ctx.in_sentence(index, ("Firm",), end=tech[0].start)
                  if re.fullmatch(r"\s", ctx.text[f.end:tech[0].start])] if tech else []
        short = _firm_ending_at(ctx, index, tech[0].start - 1) if tech and not makers else None
        makers = makers or ([short] if short else [])  # "800 Veltra chips": the maker's short name
        buyer = [p for p in ctx.in_sentence(index, ("Country",), s.start + m.end())
                 if p.start == s.start + m.end() and p.rule != "demonym"][:1]
        if makers and buyer and not ctx.is_hypothetical(index, verb_start):
            out.append(fact("Deal", {"exporter": [makers[-1].key], "importer": [buyer[0].key],
                                     "technology": [tech[0].key]}, _trade_values(ctx, index, makers[-1].start),
                            ctx.evidence(index, makers[-1].start, buyer[0].end, "deal:reached", 0.7)))
    return out


def _awarded_shares(ctx: Context, index: int) -> list[Fact]:
    """"The city has awarded contracts worth Rs 145 crore ...": the deals of the sellers named in the
    next three sentences with their share, and the whole award (to them all) dated by "letters of
    award were issued on ..." in between."""
    s = ctx.sentences[index]
    award = AWARDED_SEVERAL.search(s.text) if "contracts" in s.text or "deals" in s.text or "orders" in s.text \
        else None
    buyer = _nearest_before(ctx, index, s.start + award.start(), PARTY_TYPES) if award else None
    if buyer is None or ctx.in_sentence(index, ("Firm",), s.start + award.end()):
        return []  # sellers named in the award sentence are read by the rules for one deal
    buyer = _buyer(ctx, buyer)
    shares: list[Fact] = []
    date = None
    for i in range(index + 1, min(len(ctx.sentences), index + 4)):
        date = date or (None if shares else _award_date(ctx, i))  # dated before the shares are told
        shares += _shares(ctx, i, buyer)
    if not shares:
        return []
    keys = _deal_technology(ctx, index, ctx.in_sentence(index, ("Technology",)), s.start)
    whole = fact("Deal", {"exporter": [k for f in shares for k in f.roles["exporter"]], "importer": [buyer.key],
                          "technology": keys or shares[0].roles["technology"]},
                 {**_trade_values(ctx, index, s.start + award.start()), **({"dealDate": date[0]} if date else {})},
                 ctx.evidence(index, buyer.start, s.start + award.end(), "deal:awarded-several", 0.75))
    whole.evidence += [date[1]] if date else []
    return [whole] + shares


def _award_date(ctx: Context, index: int) -> tuple[str, Evidence] | None:
    """"letters of award were issued on May 9, 2025": the date of an award and where it is read."""
    s = ctx.sentences[index]
    dated = AWARD_DATED.search(s.text)
    found = find_date(ctx.text, s.start + dated.end(), s.end) if dated else None
    return (found[0], ctx.evidence(index, s.start + dated.start(), found[1].end(), "deal:award-dated",
                                   COREF_CONFIDENCE)) if found else None


def _shares(ctx: Context, index: int, buyer: Mention) -> list[Fact]:
    """"X bagged the largest share: a Rs 80-crore order", "Y will install the servers for Rs 40 crore":
    each seller's deal of an award named before, with the amount of its own clause."""
    s = ctx.sentences[index]
    out = []
    for m in SHARE_VERB.finditer(s.text):
        verb_start = s.start + m.start()
        seller = _nearest_before(ctx, index, verb_start, ("Firm",))
        start, end = _clause_of(ctx, index, verb_start)
        amount = amount_values(ctx.text, verb_start, end, countries_before(ctx.mentions, s.end))
        if seller is None or seller.start < start or not amount:
            continue
        keys = _deal_technology(ctx, index, ctx.in_sentence(index, ("Technology",), verb_start, end), verb_start)
        if keys:
            out.append(fact("Deal", {"exporter": [seller.key], "importer": [buyer.key], "technology": keys},
                            {**_trade_values(ctx, index, verb_start), **amount},
                            ctx.evidence(index, seller.start, s.start + m.end(), "deal:award-share", 0.7)))
    return out


def _our_trade(ctx: Context, index: int) -> list[Fact]:
    """An interviewee's firm's markets and contracts ("Our main markets are Kenya and Peru": one deal
    per market; "The Kenyan contract, about $4 million, is with the national police")."""
    s = ctx.sentences[index]
    markets = OUR_MARKETS.search(s.text) if "ur " in s.text else None
    contract = OUR_CONTRACT.match(s.text) if markets is None else None
    firm = ctx.speaker_firm(index) if markets or contract else None
    if firm is None:
        return []
    position = s.start + (markets or contract).end()
    first = [p for p in ctx.in_sentence(index, PARTY_TYPES, position) if p.start == position]
    buyers = _run_at(ctx, index, position, ("Country",)) if markets else first[:1]
    keys = _deal_technology(ctx, index, ctx.in_sentence(index, ("Technology",)), s.start)
    return [fact("Deal", {"exporter": [firm], "importer": [_buyer(ctx, b).key], "technology": keys},
                 _trade_values(ctx, index, s.start), ctx.evidence(index, s.start + (markets or contract).start(),
                                                                 b.end, "deal:our-trade", 0.7))
            for b in buyers] if keys else []


def _listed_account(ctx: Context, index: int) -> list[Fact]:
    """A list item under a lead-in ending in a colon, opening on a buyer: "- Peru's Ministry of
    Justice, under a $12 million contract signed in 2024." / "..., which awarded Idemia a contract" /
    "..., whose deal ...": a deal of that buyer with the firm the document is about (or the firm
    named in the item)."""
    s = ctx.sentences[index]
    item = LIST_ITEM.search(s.text) if "," in s.text and _under_lead_in(ctx, index) else None
    buyer = _run_at(ctx, index, s.start + (OWNER_OPENING.match(s.text) or THE_OPENING.match(s.text)).end(),
                    ORG_TYPES) if item else []
    if not buyer or buyer[-1].end != s.start + item.start():
        return []
    named = [f for f in ctx.in_sentence(index, ("Firm",), s.start + item.start()) if f.rule != "coref:definite"]
    seller = named[:1] or [f for f in ctx.mentions if f.entity_type == "Firm" and f.end <= s.start][-1:]
    keys = _deal_technology(ctx, index, ctx.in_sentence(index, ("Technology",)), s.start)
    if not seller or not keys:
        return []
    return [_buyer_seller_deal(ctx, index, seller, buyer[-1], keys, s.start + item.start(), "deal:listed-account")]


def _used_abroad(ctx: Context, index: int) -> list[Fact]:
    """"Hanwha, whose cameras are already used by police in Chile and Peru": the firm's exports,
    one per country."""
    s = ctx.sentences[index]
    m = USED_ABROAD.search(s.text) if " whose " in s.text else None
    seller = _firm_ending_at(ctx, index, s.start + m.start()) if m else None
    places = _run_at(ctx, index, s.start + m.end(), ("Country", "Place")) if seller else []
    keys = _deal_technology(ctx, index, ctx.in_sentence(index, ("Technology",)), s.start) if places else []
    if keys and places[0].entity_type == "Place":  # "used by transit police in Tulsa and Omaha": sold, buyer unnamed
        return [fact("Export", {"exporter": [seller.key], "technology": keys}, {},
                     ctx.evidence(index, seller.start, places[-1].end, "deal:used-abroad", COREF_CONFIDENCE))]
    return [fact("Deal", {"exporter": [seller.key], "importer": [c.key], "technology": keys}, {},
                 ctx.evidence(index, seller.start, c.end, "deal:used-abroad", COREF_CONFIDENCE))
            for c in places if keys and c.entity_type == "Country" and c.rule != "demonym"]


def _between(ctx: Context, index: int) -> list[Fact]:
    """"under a 2017 contract between Zambia and X": the firm is the seller; of two firms the
    one the gazetteer knows as a vendor, else the second named (the customer is usually named first)."""
    s = ctx.sentences[index]
    m = BETWEEN.search(s.text) if "between" in s.text else None
    first = [p for p in ctx.in_sentence(index, PARTY_TYPES) if m and p.start == s.start + m.end()][:1]
    gap = BETWEEN_AND.match(ctx.text, first[0].end) if first else None
    second = [p for p in ctx.in_sentence(index, PARTY_TYPES) if gap and p.start == gap.end()][:1]
    if not second or "Firm" not in (first[0].entity_type, second[0].entity_type):
        return []
    seller, buyer = second[0], first[0]
    if seller.entity_type != "Firm" or (buyer.entity_type == "Firm" and _known_vendor(buyer)
                                        and not _known_vendor(seller)):
        seller, buyer = buyer, seller
    keys = _deal_technology(ctx, index, ctx.in_sentence(index, ("Technology",)), s.start)
    return [_buyer_seller_deal(ctx, index, [seller], _buyer(ctx, buyer), keys, s.start + m.start(), "deal:between")] \
        if keys else []


def _product_abroad(ctx: Context, index: int) -> list[Fact]:
    """"Its software runs at automated gates in six EU member states" (an export), "its kiosks are used
    in Oman and Bahrain" (a deal per country): the firm whose products they are sold them there."""
    s = ctx.sentences[index]
    m = PRODUCT_ABROAD.search(s.text) if " in " in s.text else None
    seller = _product_owner(ctx, index, s.start + m.start()) if m else None
    countries = _run_at(ctx, index, s.start + m.end(), ("Country",)) if seller else []
    counted = ABROAD_COUNT.match(ctx.text, s.start + m.end()) if seller and not countries else None
    keys = _deal_technology(ctx, index, ctx.in_sentence(index, ("Technology",)), s.start) \
        if countries or counted else []
    if not keys:
        return []
    evidence = ctx.evidence(index, min(seller.start, s.start + m.start()), s.start + m.end(), "deal:product-abroad",
                            COREF_CONFIDENCE)
    if counted:
        return [fact("Export", {"exporter": [seller.key], "technology": keys}, {}, evidence)]
    return [fact("Deal", {"exporter": [seller.key], "importer": [c.key], "technology": keys}, {},
                 ctx.evidence(index, evidence.start, c.end, "deal:product-abroad", COREF_CONFIDENCE))
            for c in countries]


def _contract_awarded_to(ctx: Context, index: int) -> list[Fact]:
    """"The kit was procured by Y under a €1.2m contract awarded in May 2021 to X": X's deal, with the
    amount and date of the phrase; the buyer is the clause's first other party, when one is named."""
    s = ctx.sentences[index]
    m = CONTRACT_AWARDED_TO.search(s.text) if " to " in s.text and "award" in s.text else None
    start, end = (s.start + m.start(), s.start + m.end()) if m else (0, 0)
    sellers = (_run_at(ctx, index, end, ("Firm", "Group")) or _described_seller(ctx, index, end)
               or _introduced_seller(ctx, index, end)) if m else []
    keys = _deal_technology(ctx, index, ctx.in_sentence(index, ("Technology",)), s.start) if sellers else []
    if not keys or ctx.is_hypothetical(index, start):
        return []
    buyer = _subject_buyer(ctx, index, start, {p.key for p in sellers})
    date = find_date(ctx.text, start, end)
    values = {"dealDate": date[0] if date else None,
              **amount_values(ctx.text, start, end, countries_before(ctx.mentions, s.end),
                              story_dollar(ctx.mentions, ctx.attributes))}
    parties = sellers + ([buyer] if buyer else [])
    return [fact("Deal" if buyer else "Export", {"exporter": [p.key for p in sellers],
                                                  "importer": [buyer.key] if buyer else [], "technology": keys},
                 values, ctx.evidence(index, min([start] + [p.start for p in parties]),
                                      max(p.end for p in parties), "deal:contract-awarded-to", 0.75))]


def _maker_goods(ctx: Context, index: int) -> list[Fact]:
    """"the 8,000 Hikvision cameras installed under the city's programme": the maker sold them."""
    s = ctx.sentences[index]
    if "install" not in s.text and "deploy" not in s.text and "suppl" not in s.text and "mount" not in s.text:
        return []  # cheap test first (speed)
    out = []
    for maker in ctx.in_sentence(index, ("Firm",)):
        goods = MAKER_GOODS.match(ctx.text, maker.end, s.end) if maker.rule != "demonym" else None
        if goods is None or not COUNT_BEFORE.search(ctx.text, s.start, maker.start) \
                or ctx.is_hypothetical(index, maker.start):
            continue
        keys = _deal_technology(ctx, index, ctx.in_sentence(index, ("Technology",), maker.end, goods.end()), s.start)
        if keys:
            out.append(fact("Export", {"exporter": [maker.key], "technology": keys}, {},
                            ctx.evidence(index, maker.start, goods.end(), "export:maker-goods", 0.75)))
    return out


def _main_customers(ctx: Context, index: int) -> list[Fact]:
    """"X sold systems to 19 countries, with A, B and C its three largest customers": a deal per
    country, sold by the firm named before them in the sentence."""
    s = ctx.sentences[index]
    out: list[Fact] = []
    if "with" not in s.text or not CUSTOMERS_TAIL.search(s.text):
        return out  # cheap test first (speed)
    for m in CUSTOMERS_WITH.finditer(s.text):
        countries = _run_at(ctx, index, s.start + m.end(), ("Country",))
        tail = CUSTOMERS_TAIL.match(ctx.text, countries[-1].end) if countries else None
        sellers = [f for f in ctx.in_sentence(index, ("Firm",), end=s.start + m.start()) if f.rule != "demonym"]
        keys = _deal_technology(ctx, index, ctx.in_sentence(index, ("Technology",)), s.start) if tail and sellers else []
        out += [fact("Deal", {"exporter": [sellers[-1].key], "importer": [c.key], "technology": keys}, {},
                     ctx.evidence(index, s.start + m.start(), tail.end(), "deal:main-customers", COREF_CONFIDENCE))
                for c in countries if keys]
    return out


def _product_owner(ctx: Context, index: int, position: int) -> Mention | None:
    """The firm a product belongs to: "X's" right before it; "its" after a firm named in the sentence;
    "Its" opening a sentence: the subject (first firm) of the sentence before."""
    before = [f for f in ctx.in_sentence(index, ("Firm",), end=position) if f.rule != "demonym"]
    if ctx.text[ctx.sentences[index].start:position].strip():
        return before[-1] if before else None
    previous = [f for f in ctx.in_sentence(index - 1, ("Firm",)) if f.rule != "demonym"] if index else []
    return previous[0] if previous else None


def _known_vendor(party: Mention) -> bool:
    """A firm the gazetteer lists (its firms are the trade's vendors), not one found from context."""
    return party.rule == "gazetteer"


def _delivered_in(ctx: Context, index: int) -> list[Fact]:
    """"X said its systems are lawful and that it had delivered similar projects in A, B and C":
    one deal per country, sold by the firm "it" stands for."""
    s = ctx.sentences[index]
    m = DELIVERED_IN.search(s.text) if " in " in s.text else None
    seller = _pronoun_firm(ctx, index, s.start + m.start()) if m else None
    countries = _run_at(ctx, index, s.start + m.end(), ("Country",)) if seller else []
    keys = _deal_technology(ctx, index, ctx.in_sentence(index, ("Technology",)), s.start) if countries else []
    return [fact("Deal", {"exporter": [seller.key], "importer": [c.key], "technology": keys},
                 _trade_values(ctx, index, s.start + m.start()),
                 ctx.evidence(index, s.start + m.start(), c.end, "deal:delivered-in", COREF_CONFIDENCE))
            for c in countries if keys]


def _pronoun_firm(ctx: Context, index: int, position: int) -> Mention | None:
    """The firm "it"/"the company" at ``position`` stands for: the one that speaks in the sentence
    ("Lumora said ... it had"), else the firm named last in this sentence or the two before."""
    s = ctx.sentences[index]
    for say in SAID_BEFORE.finditer(s.text, 0, position - s.start):
        speaker = _firm_ending_at(ctx, index, s.start + say.start())
        if speaker is not None:
            return speaker
    firms = [f for f in ctx.mentions if f.entity_type == "Firm" and f.end <= position
             and index - 2 <= f.sentence_index <= index]
    return firms[-1] if firms else None


def _firm_ending_at(ctx: Context, index: int, position: int) -> Mention | None:
    """The firm named right before ``position``, or a firm named before by its distinctive word
    alone ("Hanwha" for the Hanwha Vision named earlier)."""
    found = [f for f in ctx.in_sentence(index, ("Firm",)) if f.end == position]
    if found:
        return found[0]
    word = re.search(r"([A-Z][\w-]+)$", ctx.text[ctx.sentences[index].start:position])
    slug = word.group(1).lower() if word else ""
    firms = [f for f in ctx.mentions if f.entity_type == "Firm" and f.end <= position
             and slug in f.key.split("/", 1)[1].split("-") and slug not in GENERIC_NAME_WORDS]
    if not firms:
        return None
    return Mention(ctx.document.doc_id, index, position - len(slug), position, word.group(1), firms[-1].key, "Firm",
                   "coref:short-name", COREF_CONFIDENCE)


def _under_lead_in(ctx: Context, index: int) -> bool:
    """Whether one of the three sentences before ends in a colon (the lead-in of a list)."""
    return any(ctx.sentences[i].text.rstrip().endswith(":") for i in range(max(0, index - 3), index))


def _owned_body(ctx: Context, index: int, party: Mention) -> Mention:
    """"Egypt's Central Security Forces": the body named after a country's possessive."""
    gap = re.match(r"(?:’s|'s)\s+", ctx.text[party.end:party.end + 4]) if party.entity_type == "Country" else None
    body = [p for p in ctx.in_sentence(index, PARTY_TYPES, party.end) if gap and p.start == party.end + gap.end()]
    return body[0] if body else party


def _later_deal(ctx: Context, index: int, found: list[Fact]) -> list[Fact]:
    """A deal named after those mentioned before: "The larger of the two, worth $N, was signed with Y",
    "A second contract, with the firm X, ..."; or the deal before itself, priced or dated: "put the
    value of a contract signed in 2023 at N", "The deal was signed in 2019 and is worth $N"."""
    s = ctx.sentences[index]
    later = LATER_DEAL.search(s.text) if s.text.startswith(("The", "A")) or ". " in s.text else None
    value = VALUE_OF.search(s.text) if later is None and "of" in s.text else None
    if later is None and value is None:
        return []
    start = s.start + (later or value).start()
    date = find_date(ctx.text, start, s.end)  # from the deal's own words ("signed in August 2023")
    values = {**_trade_values(ctx, index, start), "dealDate": date[0] if date else None}
    if "amount" not in values and not DEAL_NOUN.search(s.text):
        return []
    previous = next((f for f in reversed(found) if f.kind in ("Deal", "Export")
                     and f.evidence[0].sentence_index < index), None)
    winner = _winner(ctx, index)
    sellers, buyer = _later_parties(ctx, index, winner, start)
    refers_back = value is not None or THE_DEAL.match(later.group())
    named = [p for p in ctx.in_sentence(index, SELLER_TYPES, start) if not IN_PLACE.search(ctx.text, s.start, p.start)]
    if not sellers and refers_back and previous is not None and not named:
        previous.values.update({k: v for k, v in values.items() if v is not None})  # the same deal, now priced
        previous.evidence.append(ctx.evidence(index, start, s.start + (value or later).end(), "deal:named-before",
                                              COREF_CONFIDENCE))
        return []
    if not sellers:
        return []
    if buyer is None and previous is not None and previous.roles.get("exporter") != tuple(p.key for p in sellers):
        buyer_key = (previous.roles.get("importer") or (None,))[0]
    else:
        buyer_key = buyer.key if buyer else None
    named_before = None
    if buyer_key is None and previous is None and refers_back:
        buyer_key, earlier, named_before = _earlier_contract(ctx, index, {p.key for p in sellers})
        values = {**earlier, **{k: v for k, v in values.items() if v is not None}}
    keys = _deal_technology(ctx, index, ctx.in_sentence(index, ("Technology",)), s.start)
    end = max([p.end for p in sellers if p.sentence_index == index] + [buyer.end if buyer else 0, start + 1])
    if not keys:
        return []
    found = fact("Deal" if buyer_key else "Export",
                 {"exporter": [p.key for p in sellers], "importer": [buyer_key] if buyer_key else [],
                  "technology": keys}, values,
                 ctx.evidence(index, start, end, "deal:later-deal", COREF_CONFIDENCE + 0.1))
    found.evidence += [named_before] if named_before else []  # where its buyer and amount were read
    return [found]


def _earlier_contract(ctx: Context, index: int, sellers: set[str]) -> tuple[str | None, dict, Evidence | None]:
    """"Y's board approved a $2m contract with an Ohio firm. The contract, awarded in May, to X ...":
    the buyer (the clause's subject) and amount of the contract the two sentences before named, and
    where they were read."""
    for i in range(index - 1, max(-1, index - 3), -1):
        s = ctx.sentences[i]
        noun = DEAL_NOUN_AT.search(s.text)
        buyer = _subject_buyer(ctx, i, s.start + noun.start(), sellers) if noun else None
        if buyer is not None:
            start = s.start + max(0, noun.start() - 40)
            money = amount_values(ctx.text, start, s.start + noun.end(), countries_before(ctx.mentions, s.end),
                                  story_dollar(ctx.mentions, ctx.attributes))
            return buyer.key, money, ctx.evidence(i, buyer.start, s.start + noun.end(), "deal:earlier-contract",
                                                  COREF_CONFIDENCE)
    return None, {}, None


def _labelled_values(ctx: Context, index: int, found: list[Fact]) -> None:
    """"X sold 300 cameras to Y. Value: $4.2 million. Signed 9 March in Lima.": a note's short
    labelled fragments price and date the deal of the sentence just before."""
    s = ctx.sentences[index]
    label = LABELLED.match(s.text)
    previous = found[-1] if found and found[-1].kind in ("Deal", "Export") else None
    if label is None or previous is None or not 0 < index - previous.evidence[0].sentence_index <= 2:
        return
    if label.group("value"):
        values = amount_values(ctx.text, s.start, s.end, countries_before(ctx.mentions, s.end),
                               story_dollar(ctx.mentions, ctx.attributes))
    else:
        date = find_date(ctx.text, s.start, s.end)
        values = {"dealDate": date[0]} if date else {}
    new = {k: v for k, v in values.items() if previous.values.get(k) is None}
    if new:
        previous.values.update(new)
        previous.evidence.append(ctx.sentence_evidence(index, "deal:labelled-value", COREF_CONFIDENCE))


def _later_parties(ctx: Context, index: int, winner: Mention | None,
                   start: int) -> tuple[list[Mention], Mention | None]:
    """Sellers and buyer of a later deal: the party after "with" is its buyer when a firm that won
    the deals was named before, else its seller; the party after "from" is the seller, and so is the
    one it was "awarded (on <date>,) to"."""
    s = ctx.sentences[index]
    sellers: list[Mention] = [winner] if winner else []
    awarded = AWARDED_LATER.search(s.text, start - s.start, start - s.start + 90)
    if not sellers and awarded:
        position = s.start + awarded.end()
        sellers = _run_at(ctx, index, position, ("Firm",)) or _described_seller(ctx, index, position) \
            or _introduced_seller(ctx, index, position)
    buyer = None
    for m in WITH_OR_FROM.finditer(s.text, start - s.start):
        position = s.start + m.end()
        firms = _run_at(ctx, index, position, ("Firm",)) or _introduced_seller(ctx, index, position)
        if m.group().startswith("from") or (winner is None and firms):
            sellers = firms or sellers
            continue
        parties = [p for p in ctx.in_sentence(index, PARTY_TYPES, position) if p.rule != "demonym"
                   and SELLER_LEAD.fullmatch(ctx.text[position:p.start]) and p.start - position <= 50][:1]
        buyer = _buyer(ctx, parties[0]) if parties and buyer is None else buyer
    return sellers, buyer


def _winner(ctx: Context, index: int) -> Mention | None:
    """The firm that won the deals named in one of the three sentences before ("X has won two contracts")."""
    for i in range(index - 1, max(-1, index - 4), -1):
        s = ctx.sentences[i]
        for m in reversed(list(WON_DEALS.finditer(s.text))):
            seller = _nearest_before(ctx, i, s.start + m.start(), ("Firm",))
            if seller is not None:
                return seller
    return None


def _drop_subsumed(facts: list[Fact]) -> list[Fact]:
    """An Export read in the sentence of a Deal by the same seller of the same technology is
    that deal seen without its buyer ("signed a contract with Y to supply T"); two such Exports
    are one."""
    deals = {_trade_key(f) for f in facts if f.kind == "Deal"}
    exports: dict[tuple, Fact] = {}
    for f in facts:  # of two Exports read in one sentence, the one that says more ("worth ...")
        if f.kind == "Export" and _trade_key(f) not in deals:
            best = exports.setdefault(_trade_key(f), f)
            exports[_trade_key(f)] = f if len(f.values) > len(best.values) else best
    return [f for f in facts if f.kind != "Export" or exports.get(_trade_key(f)) is f]


def _trade_key(f: Fact) -> tuple:
    return f.evidence[0].sentence_index, f.roles.get("exporter"), f.roles.get("technology")


def _nominal(ctx: Context, index: int) -> list[Fact]:
    """"the sale of face recognition systems by NEC to the Brazilian police"."""
    s = ctx.sentences[index]
    out = []
    for m in NOMINAL.finditer(s.text):
        start, end = s.start + m.start(), s.start + m.end()
        tech = _technology_after(ctx, index, end)
        tech = tech if tech is not None and tech.start - end <= 25 else _generic_object(ctx, index, end - 1)
        if tech is None:
            continue
        by = NOMINAL_BY.match(ctx.text, tech.end)
        sellers = _run_at(ctx, index, by.end(), SELLER_TYPES) if by else []
        if not sellers:
            owner = [p for p in ctx.in_sentence(index, SELLER_TYPES, s.start, start)
                     if re.fullmatch(r"(?:’s|'s)\s+", ctx.text[p.end:start])]
            sellers = owner[-1:]
        if not sellers:
            continue
        importer = _importer_after(ctx, index, max(tech.end, sellers[-1].end))
        importer = _buyer(ctx, importer) if importer else None
        out.append(fact("Deal" if importer else "Export",
                        {"exporter": [p.key for p in sellers], "technology": [tech.key],
                         "importer": [importer.key] if importer else []},
                        _trade_values(ctx, index, start),
                        ctx.evidence(index, min(start, sellers[0].start), max(p.end for p in sellers + [tech]
                                     + ([importer] if importer else [])), "deal:nominal", 0.8)))
    return out


def _awarded(ctx: Context, index: int) -> list[Fact]:
    """"Pakistan awarded Huawei a contract worth $150 million for cameras"."""
    s = ctx.sentences[index]
    out = []
    for m in AWARDED.finditer(s.text):
        start, end = s.start + m.start(), s.start + m.end()
        sellers = _run_at(ctx, index, end, ("Firm", "Group"))
        if not sellers or not AWARDED_DEAL.match(ctx.text, sellers[-1].end):
            continue
        buyer = _nearest_before(ctx, index, start, PARTY_TYPES)
        if buyer is None:
            continue
        buyer = _buyer(ctx, buyer)
        keys = _deal_technology(ctx, index, ctx.in_sentence(index, ("Technology",), sellers[-1].end), start)
        if keys:
            out.append(_buyer_seller_deal(ctx, index, sellers, buyer, keys, start, "deal:awarded"))
    return out


def _chose(ctx: Context, index: int) -> list[Fact]:
    """"The city chose Hikvision to supply 2,000 cameras", "contracted the local firm X to install T"."""
    s = ctx.sentences[index]
    out: list[Fact] = []
    if " to " not in s.text or not SUPPLY_WORD.search(s.text):
        return out  # cheap test first (speed)
    for m in CHOSE.finditer(s.text):
        start, end = s.start + m.start(), s.start + m.end()
        sellers = _run_at(ctx, index, end, ("Firm", "Group")) or _described_seller(ctx, index, end)
        to = TO_SUPPLY.match(ctx.text, sellers[-1].end) if sellers else None
        buyer = _nearest_before(ctx, index, start, PARTY_TYPES) if to else None
        if buyer is None or ctx.is_hypothetical(index, start):
            continue
        keys = _deal_technology(ctx, index, ctx.in_sentence(index, ("Technology",), to.end()), start)
        if keys:
            out.append(_buyer_seller_deal(ctx, index, sellers, _buyer(ctx, buyer), keys, start, "deal:chose"))
    return out


def _awarded_to(ctx: Context, index: int) -> list[Fact]:
    """"The city awarded a $25 million contract to a consortium led by Idemia"."""
    s = ctx.sentences[index]
    out: list[Fact] = []
    if " to " not in s.text or not DEAL_NOUN.search(s.text):
        return out
    for m in AWARDED_TO.finditer(s.text):
        start = s.start + m.start()
        sellers = _introduced_seller(ctx, index, s.start + m.end())
        buyer = _nearest_before(ctx, index, start, PARTY_TYPES) if sellers else None
        keys = _deal_technology(ctx, index, ctx.in_sentence(index, ("Technology",), sellers[-1].end), start) \
            if buyer else []
        if keys:
            out.append(_buyer_seller_deal(ctx, index, sellers, _buyer(ctx, buyer), keys, start, "deal:awarded"))
    return out


def _awarded_by(ctx: Context, index: int) -> list[Fact]:
    """"Idemia was awarded a $20 million contract by the Indian government to supply T", "X has been
    selected by Y to supply T"."""
    s = ctx.sentences[index]
    out: list[Fact] = []
    if " by " not in s.text:
        return out
    for m in AWARDED_BY.finditer(s.text):
        start = s.start + m.start()
        seller = _nearest_before(ctx, index, start, ("Firm", "Group"))
        buyer = [_owned_body(ctx, index, p) for p in ctx.in_sentence(index, PARTY_TYPES) if p.start == s.start + m.end()]
        if seller is None or not buyer or (m.group("chosen") and not TO_SUPPLY.match(ctx.text, buyer[0].end)):
            continue
        keys = _deal_technology(ctx, index, ctx.in_sentence(index, ("Technology",), buyer[0].end), start)
        if keys:
            out.append(_buyer_seller_deal(ctx, index, [seller], _buyer(ctx, buyer[0]), keys, start, "deal:awarded"))
    return out


def _product_from(ctx: Context, index: int) -> list[Fact]:
    """"Moscow police use facial recognition technology from NtechLab": the firm supplied what a
    user uses (a use verb before the product; "the supply of chips from X" names no use)."""
    s = ctx.sentences[index]
    if " from " not in s.text:
        return []
    products = [(t.start, t.end, t) for t in ctx.in_sentence(index, ("Technology",))]
    products += [(s.start + g.start(), s.start + g.end(), None) for g in GENERIC_NOUN.finditer(s.text)]
    out = []
    for start, end, tech in sorted(products, key=lambda p: p[0]):
        m = PRODUCT_FROM.match(ctx.text, end, s.end)
        listed = bool(out) and NEXT_PART.fullmatch(ctx.text, out[-1].evidence[0].end, start)
        if m is None or ctx.is_hypothetical(index, start) or not (listed or (
                USING_BEFORE.search(ctx.text, s.start, start) and not RESTRICTED.search(ctx.text, s.start, start))):
            continue
        sellers = _run_at(ctx, index, m.end(), ("Firm",)) or _described_seller(ctx, index, m.end())
        if tech is None and sellers:  # parts of the technology the document is about
            tech = _generic_object(ctx, index, start - 1) or \
                (ctx.last_technology(start) if COMPONENTS.fullmatch(ctx.text, start, end) else None)
        if sellers and tech is not None:
            out.append(fact("Export", {"exporter": [p.key for p in sellers], "technology": [tech.key]},
                            _trade_values(ctx, index, start),
                            ctx.evidence(index, start, sellers[-1].end, "export:product-from", 0.75)))
    return out


def _deal_technology(ctx: Context, index: int, mentioned: list[Mention], position: int) -> list[str]:
    """The deal's technology: the first one mentioned, else cameras, else the document's last one
    before it, else the first one the document names at all (what it is about)."""
    if mentioned:
        return [mentioned[0].key]
    keys = _cameras(ctx, index)
    if keys:
        return keys
    found = ctx.last_technology(position) or next((m for m in ctx.mentions if m.entity_type == "Technology"), None)
    return [found.key] if found else []


def _buyer_seller_deal(ctx: Context, index: int, sellers: list[Mention], buyer: Mention,
                       keys: list[str], start: int, rule: str) -> Fact:
    """A Deal whose evidence spans the buyer and the sellers (in either order)."""
    return fact("Deal", {"exporter": [p.key for p in sellers], "importer": [buyer.key], "technology": keys},
                _trade_values(ctx, index, start),
                ctx.evidence(index, min(buyer.start, sellers[0].start), max(buyer.end, sellers[-1].end), rule, 0.8))


def _trade_values(ctx: Context, index: int, start: int) -> dict:
    """Date and amount of a deal or export: the amount read from ``start`` to the end of its clause,
    the date anywhere in the clause ("In 2019, X sold ..."); "X signed ... in 2018, and Y paid $45
    million in 2020" holds two deals, each with its own date and amount."""
    clause_start, clause_end = _clause_of(ctx, index, start)
    found = find_date(ctx.text, clause_start, clause_end)
    while found and PUBLISHED.search(ctx.text, max(clause_start, found[1].start() - 20), found[1].start()):
        found = find_date(ctx.text, found[1].end(), clause_end)  # "a report published on 3 June"
    return {"dealDate": found[0] if found else None,
            **amount_values(ctx.text, start, clause_end, countries_before(ctx.mentions, ctx.sentences[index].end),
                            story_dollar(ctx.mentions, ctx.attributes), not_revenue=True)}


def _clause_of(ctx: Context, index: int, position: int) -> tuple[int, int]:
    """The clause around ``position``: clauses are joined by ", and" / "; but" before a new party."""
    s = ctx.sentences[index]
    if "," not in s.text and ";" not in s.text:
        return s.start, s.end  # cheap test first (speed)
    starts = {p.start for p in ctx.in_sentence(index, PARTY_TYPES)}
    bounds = [m for m in CLAUSE_JOIN.finditer(ctx.text, s.start, s.end) if m.end() in starts]
    start = max([m.end() for m in bounds if m.end() <= position], default=s.start)
    end = min([m.start() for m in bounds if m.start() >= position], default=s.end)
    return start, end


def _run_at(ctx: Context, index: int, position: int, types: tuple[str, ...]) -> list[Mention]:
    """The party starting at ``position`` and those listed right after it ("CEIEC and Huawei")."""
    parties = [p for p in ctx.in_sentence(index, types, position) if p.rule != "demonym"]
    run = [p for p in parties if p.start == position][:1]
    for p in parties:
        if run and p.start > run[-1].start and LIST_GAP.fullmatch(ctx.text[run[-1].end:p.start]):
            run.append(p)
    return run


def _exports(ctx: Context, index: int) -> list[Fact]:
    s = ctx.sentences[index]
    out = []
    for m in EXPORT_VERB.finditer(s.text):
        verb_start, verb_end = s.start + m.start(), s.start + m.end()
        if ctx.is_hypothetical(index, verb_start) or RESTRICTED.search(ctx.text, s.start, verb_start) \
                or _claimed_false(ctx, index, verb_start):
            continue
        seller = _demonym_seller(ctx, index, verb_start) or _nearest_before(ctx, index, verb_start, SELLER_TYPES)
        tech = _technology_after(ctx, index, verb_end)
        confidence = 0.85
        if tech is None and seller is not None:
            tech, confidence = _generic_object(ctx, index, verb_end) or _with_object(ctx, index, verb_end), \
                COREF_CONFIDENCE
        if seller is None or tech is None or _agent_before_to(ctx, seller, verb_start) \
                or _opens_public_body(ctx, seller):
            continue
        importer = _importer_after(ctx, index, tech.end) or _importer_object(ctx, index, verb_end) \
            or _importer_in(ctx, index)
        importers = _importer_run(ctx, index, _buyer(ctx, _owned_body(ctx, index, importer))) if importer else [None]
        for party in _coordinated_subject(ctx, index, seller, verb_start) + [seller]:
            for buyer in (b for b in importers if b is None or b.key != party.key):  # "In X, ... X built": no self-sale
                out.append(fact("Deal" if buyer else "Export", {"exporter": [party.key], "technology": [tech.key],
                                                                "importer": [buyer.key] if buyer else []},
                                _trade_values(ctx, index, seller.start),
                                ctx.evidence(index, party.start, buyer.end if buyer else tech.end, "export:verb",
                                             confidence)))
    return out


def _claimed_false(ctx: Context, index: int, verb_start: int) -> bool:
    """Whether the verb is part of a claim ("the post claims X sold", "Claim: “X sold”") that this
    sentence or the two after rate false."""
    if not CLAIMED.search(ctx.text, ctx.sentences[index].start, verb_start):
        return False
    return any(RATED_FALSE.search(ctx.sentences[i].text) for i in range(index, min(len(ctx.sentences), index + 3)))


def _demonym_seller(ctx: Context, index: int, verb_start: int) -> Mention | None:
    """"A Swedish supplier reportedly sold T": no firm named, the demonym's country sold it."""
    found = [p for p in ctx.in_sentence(index, ("Country",), end=verb_start)
             if p.rule == "demonym" and DEMONYM_SELLER.fullmatch(ctx.text, p.end, verb_start)
             and INDEFINITE.search(ctx.text, max(0, p.start - 10), p.start)]  # "the Israeli firm": one named before
    return found[-1] if found else None


def _with_object(ctx: Context, index: int, verb_end: int) -> Mention | None:
    """"provided the country with a surveillance network": the product after "with"."""
    m = PROVIDED_WITH.match(ctx.text, verb_end)
    return (_technology_after(ctx, index, m.end()) or _generic_object(ctx, index, m.end() - 1)) if m else None


def _importer_run(ctx: Context, index: int, importer: Mention) -> list[Mention]:
    """"sold cameras to police in Peru, Chile and Bolivia": every country listed with the first buyer."""
    if importer.entity_type != "Country" or importer.rule == "demonym":
        return [importer]
    return _run_at(ctx, index, importer.start, ("Country",)) or [importer]


def _coordinated_subject(ctx: Context, index: int, seller: Mention, verb_start: int,
                         types: tuple[str, ...] = SELLER_TYPES) -> list[Mention]:
    """"Megvii and SenseTime sold cameras to Kenya", "Ecuador and Bolivia bought ...", "Germany's
    Cognitec and Russia's NtechLab provide ...", "Russian developers, led by NtechLab and VisionLabs,
    supply ...": the parties listed before the one next to the verb."""
    appositive = APPOSITIVE_GAP.fullmatch(ctx.text, seller.end, verb_start)
    if not (SUBJECT_GAP.fullmatch(ctx.text, seller.end, verb_start) or appositive):
        return []
    listed: list[Mention] = []
    for p in reversed([p for p in ctx.in_sentence(index, types, end=seller.start) if p.rule != "demonym"]):
        head = _owner_start(ctx, index, listed[0] if listed else seller)
        if p.start == head:
            continue  # "France's" in "France's Idemia": the owner of the next party, not one listed
        if not (AND_GAP if not listed else LIST_GAP).fullmatch(ctx.text[p.end:head]) \
                or p.entity_type != seller.entity_type:
            break  # the list ends with "and"/"or" before the seller ("According to X, Y sold" is none)
        listed.insert(0, p)
    first = _owner_start(ctx, index, listed[0] if listed else seller)
    if appositive and not LED_BY.search(ctx.text, ctx.sentences[index].start, first):
        return []
    return listed


def _owner_start(ctx: Context, index: int, party: Mention) -> int:
    """Where a party named after its country's possessive ("Japan's NEC") begins."""
    owner = [c for c in ctx.in_sentence(index, ("Country",), end=party.start)
             if POSSESSIVE.fullmatch(ctx.text, c.end, party.start)]
    return owner[-1].start if owner else party.start


def _opens_public_body(ctx: Context, party: Mention) -> bool:
    """"Kenya's police installed cameras": the country opens the name of a body that acts; a
    public body installing or deploying a system uses it, it exports nothing."""
    return any(m.rule == "pattern:public-body" and m.start == party.start and m.end > party.end
               for m in ctx.in_sentence(party.sentence_index))


def _agent_before_to(ctx: Context, party: Mention, verb_start: int) -> bool:
    """"awarded a contract by the Indian government to supply T", "... by Ghana's Ministry of the Interior to
    supply T": the agent of a passive (or the body its country owns) does not do what the infinitive
    after it says; the passive's subject does."""
    agent = _owned_body(ctx, party.sentence_index, party)
    return bool((JUST_TO.fullmatch(ctx.text, agent.end, verb_start) or OWNED_NAME_TO.fullmatch(ctx.text, agent.end,
                                                                                               verb_start))
                and BY_BEFORE.search(ctx.text, max(0, party.start - 8), party.start))


def _contracts(ctx: Context, index: int) -> list[Fact]:
    s = ctx.sentences[index]
    out = []
    for m in DEAL_WITH.finditer(s.text):
        seller = _nearest_before(ctx, index, s.start + m.start(), ("Firm", "Group"))
        buyers = sorted((p for p in ctx.in_sentence(index, PARTY_TYPES) if p.start >= s.start + m.end()
                         and not (p.rule == "demonym" and _introduced_seller(ctx, index, s.start + m.end()))),
                        key=lambda p: (p.start, p.rule == "demonym"))  # "the Kenyan National Police Service": the body
        if seller is None and buyers and buyers[0].entity_type != "Firm":
            seller = _firm_pronoun(ctx, index, s.start + m.start())  # "it signed a contract with the ministry"
        sellers = [seller] if seller else []
        if seller is None and buyers and buyers[0].entity_type == "Firm":
            buyer = _city_country(ctx, index, s.start + m.start()) \
                or _nearest_before(ctx, index, s.start + m.start(), PARTY_TYPES)
            sellers = _run_at(ctx, index, buyers[0].start, ("Firm", "Group"))
            seller, buyers = buyers[0], [buyer] if buyer else []
        if seller is None or not (buyers or sellers[0].start > s.start + m.start()):
            continue  # a seller named after "with" is a contract's even when its buyer is unnamed
        buyers = [_buyer(ctx, buyers[0])] if buyers else []
        tech = [t for t in ctx.in_sentence(index, ("Technology",)) if t.start >= s.start + m.end()] \
            or ctx.in_sentence(index, ("Technology",))
        confidence = 0.85
        if not tech:
            last = ctx.last_technology(s.start)
            tech, confidence = ([last] if last else []), COREF_CONFIDENCE + 0.2
        keys = [tech[0].key] if tech else _cameras(ctx, index)
        if not keys:
            continue  # a deal is about some technology (the shapes require one)
        parties = [seller] + buyers[:1]
        out.append(fact("Deal" if buyers else "Export",
                        {"exporter": [p.key for p in sellers], "importer": [b.key for b in buyers[:1]],
                         "technology": keys},
                        _trade_values(ctx, index, min(seller.start, s.start + m.start())),
                        ctx.evidence(index, min(p.start for p in parties), max(p.end for p in parties),
                                     "deal:contract-with", confidence)))
    return out


def _firm_pronoun(ctx: Context, index: int, position: int) -> Mention | None:
    """"On 3 May 2023 it signed a contract with Y": "it" (or "the company") right before the verb is the
    firm the text is about (see :func:`_pronoun_firm`) when that firm opens its sentence, read here as a
    mention of it."""
    m = IT_SUBJECT.search(ctx.text, ctx.sentences[index].start, position)
    firm = _pronoun_firm(ctx, index, m.start()) if m else None
    opening = [p for p in ctx.in_sentence(firm.sentence_index, PARTY_TYPES) if p.rule != "demonym"][:1] if firm else []
    if opening and opening[0].key != firm.key:
        return None  # "The ministry chose X. In 2021 it signed ...": "it" is the sentence's subject, no firm
    return Mention(ctx.document.doc_id, index, m.start(), m.start() + len(m.group(1)), m.group(1), firm.key, "Firm",
                   "coref:pronoun", COREF_CONFIDENCE) if firm else None


def _city_country(ctx: Context, index: int, position: int) -> Mention | None:
    """"Cebu's city council signed a contract with X": a buyer named only by its city (the city's
    possessive, then a body in lower case, right before the verb) buys for the city's country."""
    place = [p for p in ctx.in_sentence(index, ("Place",), end=position)
             if CITY_BODY.fullmatch(ctx.text, p.end, position)][-1:]
    country = str(ctx.attributes.get(place[0].key, {}).get("locatedIn", "")) if place else ""
    entry = gz.entries().get(country) or gz.country_entries().get(country)
    if entry is None:
        return None
    ctx.add_entity(entity_for(entry.key, "Country", entry.label))
    return Mention(ctx.document.doc_id, index, place[0].start, place[0].end, place[0].text, entry.key, "Country",
                   "coref:city-country", COREF_CONFIDENCE)


def _introduced_seller(ctx: Context, index: int, position: int) -> list[Mention]:
    """"with a consortium led by the French company Engie", "to the Spanish firm Indra": the
    firm (and those listed with it) after a joint bidder or a short description."""
    found = [p for p in ctx.in_sentence(index, ("Firm", "Group"), position)
             if p.rule != "demonym" and p.start - position <= 70
             and SELLER_INTRO.fullmatch(ctx.text[position:p.start])][:1]
    return _run_at(ctx, index, found[0].start, ("Firm", "Group")) if found else []


def _signed_with(ctx: Context, index: int) -> list[Fact]:
    """"Uganda's police installed cameras under a contract worth $126 million signed with Huawei"."""
    s = ctx.sentences[index]
    out = []
    for m in SIGNED_WITH.finditer(s.text):
        start, end = s.start + m.start(), s.start + m.end()
        sellers = [p for p in ctx.in_sentence(index, ("Firm", "Group"), end)
                   if p.rule != "demonym" and SELLER_LEAD.fullmatch(ctx.text[end:p.start])][:1]
        sellers = _run_at(ctx, index, sellers[0].start, ("Firm", "Group")) if sellers else []
        if not sellers:
            continue
        buyer = _subject_buyer(ctx, index, start, {p.key for p in sellers})
        if buyer is None:
            continue
        keys = _deal_technology(ctx, index, ctx.in_sentence(index, ("Technology",)), s.start)
        if keys:
            out.append(_buyer_seller_deal(ctx, index, sellers, buyer, keys, start, "deal:signed-with"))
    return out


def _relative_contract(ctx: Context, index: int) -> list[Fact]:
    """"a €2.7 million contract that the Municipality of X signed with a Hikvision reseller, Y, in May
    2023": the relative clause's subject buys from the firm after "with" (in apposition to a description)."""
    s = ctx.sentences[index]
    out: list[Fact] = []
    if " that " not in s.text and " which " not in s.text:
        return out  # cheap test first (speed)
    for m in RELATIVE_DEAL.finditer(s.text):
        buyer = [p for p in ctx.in_sentence(index, PARTY_TYPES, s.start + m.end())
                 if p.start == s.start + m.end() and p.rule != "demonym"][:1]
        signed = RELATIVE_SIGNED.match(ctx.text, buyer[0].end) if buyer else None
        sellers = _appositive_seller(ctx, index, signed.end()) or _run_at(ctx, index, signed.end(), ("Firm", "Group")) \
            or _introduced_seller(ctx, index, signed.end()) if signed else []
        keys = _deal_technology(ctx, index, ctx.in_sentence(index, ("Technology",)), s.start) if sellers else []
        if keys and not ctx.is_hypothetical(index, s.start + m.start()):
            out.append(_buyer_seller_deal(ctx, index, sellers, _buyer(ctx, buyer[0]), keys, s.start + m.start(),
                                          "deal:relative-contract"))
    return out


def _appositive_seller(ctx: Context, index: int, position: int) -> list[Mention]:
    """"a Hikvision reseller, Y," / "its local partner, Y,": the firm named after its description."""
    m = DESCRIBED_APPOSITIVE.match(ctx.text, position)
    return _run_at(ctx, index, m.end(), ("Firm",)) if m else []


def _described_seller(ctx: Context, index: int, position: int) -> list[Mention]:
    """"supplied by the local firm Danaide": the firm named after a short description."""
    found = [p for p in ctx.in_sentence(index, ("Firm",), position)
             if p.rule != "demonym" and p.start - position <= 40
             and re.fullmatch(r"(?:[\w-]+\s+){0,2}(?:company|firm|vendor|supplier|contractor|manufacturer|"
                              r"startup|start-up|developer)\s+|[A-Z][\w-]*-based\s+", ctx.text[position:p.start])]
    return _run_at(ctx, index, found[0].start, ("Firm", "Group")) if found else []


def _subject_buyer(ctx: Context, index: int, position: int, sellers: set[str]) -> Mention | None:
    """The first party of the clause before ``position`` that is not a seller (its subject)."""
    s = ctx.sentences[index]
    clause_start = s.start
    for m in CLAUSE_END.finditer(s.text, 0, position - s.start):
        clause_start = s.start + m.end()
    parties = [p for p in ctx.in_sentence(index, PARTY_TYPES, clause_start, position)
               if p.rule != "demonym" and p.key not in sellers]
    buyer = _buyer(ctx, parties[0]) if parties else None
    return buyer if buyer is not None and buyer.key not in sellers else None


def _cameras(ctx: Context, index: int) -> list[str]:
    """"install 1,000 cameras": plain cameras are surveillance cameras when nothing else is named."""
    if not CAMERAS.search(ctx.sentences[index].text):
        return []
    ctx.add_entity(entity_for(SURVEILLANCE_CAMERAS, "Technology", "surveillance cameras"))
    return [SURVEILLANCE_CAMERAS]


def _purchases(ctx: Context, index: int) -> list[Fact]:
    """"Ecuador and Bolivia bought cameras from ZTE": one deal per buyer listed before the verb."""
    s = ctx.sentences[index]
    out = []
    for m in BOUGHT_FROM.finditer(s.text):
        verb_start, verb_end = s.start + m.start(), s.start + m.end()
        if ctx.is_hypothetical(index, verb_start):
            continue  # "plans to buy cameras from X", "has not bought ..."
        buyer = _nearest_before(ctx, index, verb_start, PARTY_TYPES)
        if buyer is not None and (LATER_DEAL.match(ctx.text[buyer.end:verb_start])
                                  or UNNAMED_SUBJECT.search(ctx.text, buyer.end, verb_start)):
            buyer = None  # "... S.A.S. A second contract, signed in 2023, bought T from X"; "..., nine towns bought"
        paid = PAID_FOR.match(ctx.text, verb_end, s.end) if m.group() in ("paid", "spent") else None
        if m.group() in ("paid", "spent") and (paid is None or buyer is None):
            continue
        sellers, tech = _purchased_from(ctx, index, paid.end() - 1 if paid else verb_end)
        if not sellers or tech is None:
            continue
        exporters = [p.key for p in sellers]
        if buyer is None:  # "nine hospitals bought T from A and B": the buyers are not named
            out.append(fact("Export", {"exporter": exporters, "technology": [tech.key]},
                            _trade_values(ctx, index, verb_start),
                            ctx.evidence(index, verb_start, sellers[-1].end, "export:bought-from", 0.75)))
            continue
        for party in _coordinated_subject(ctx, index, buyer, verb_start, PARTY_TYPES) + [buyer]:
            out.append(fact("Deal", {"exporter": exporters, "importer": [_buyer(ctx, party).key],
                                     "technology": [tech.key]},
                            _trade_values(ctx, index, buyer.start),
                            ctx.evidence(index, party.start, sellers[-1].end, "deal:bought-from", 0.8)))
    return out


def _purchased_from(ctx: Context, index: int, position: int) -> tuple[list[Mention], Mention | None]:
    """Seller and product after a purchase verb: "T from (the Chinese company) X", else "X's T"."""
    s = ctx.sentences[index]
    tech = _technology_after(ctx, index, position) or _generic_object(ctx, index, position)
    source = FROM_SELLER.search(ctx.text, position, s.end)
    supplied = SUPPLIED_BY.match(ctx.text, position, s.end) if source is None else None
    if supplied is not None:  # "paid CNY 9 million for "smart gates" supplied by X"
        sellers = _run_at(ctx, index, supplied.end(), SELLER_TYPES) or _described_seller(ctx, index, supplied.end())
        return sellers, tech or (ctx.last_technology(position) if sellers else None)
    if source is None:
        return _maker_object(ctx, index, position, tech), tech
    at = [p for p in ctx.in_sentence(index, SELLER_TYPES)
          if p.start in (source.end(), source.start() + len("from "))]  # "from the firm": a definite description
    named = [p for p in at if p.rule != "demonym"]  # "from the Israeli company X": X, not Israel
    named = _run_at(ctx, index, named[0].start, SELLER_TYPES) if named else []  # "from A and B"
    return named or _described_seller(ctx, index, source.end()) or at, tech


def _maker_object(ctx: Context, index: int, position: int, tech: Mention | None) -> list[Mention]:
    """"bought NEC's face recognition system", "bought (the 300) Dahua camera networks": the maker
    named right before its product."""
    gap = re.match(r"\s+(?:the\s+)?(?:\d{1,3}(?:,\d{3})*\s+)?", ctx.text[position:position + 20])  # "bought the 2,000 X"
    firms = [p for p in ctx.in_sentence(index, ("Firm",), position)
             if gap and p.start == position + gap.end() and p.rule != "demonym"]
    if not firms or tech is None or tech.end <= firms[0].end:
        return []
    return firms[:1] if tech.start <= firms[0].start or MAKER_GAP.fullmatch(ctx.text, firms[0].end, tech.start) else []


def _passive(ctx: Context, index: int) -> list[Fact]:
    """"a face recognition system supplied by NtechLab"."""
    s = ctx.sentences[index]
    out = []
    for m in PASSIVE.finditer(s.text):
        sellers = _run_at(ctx, index, s.start + m.end(), SELLER_TYPES) or _described_seller(ctx, index, s.start + m.end())
        tech = [t for t in ctx.in_sentence(index, ("Technology",), s.start, s.start + m.start())
                if s.start + m.start() - t.end <= 40]
        confidence = 0.8
        buyer = _passive_buyer(ctx, index, sellers[-1].end) if sellers else None
        if sellers and not tech and (buyer or m.group().startswith(("supplied", "provided", "sold", "delivered", "exported"))) \
                and GENERIC_PRODUCT.search(s.text, 0, m.start()):
            product = GENERIC_PRODUCT.search(s.text, 0, m.start())
            last = ctx.last_technology(s.start + m.start())
            if CAMERAS.search(product.group()):
                last = _generic_object(ctx, index, s.start + product.start() - 1)
            tech, confidence = ([last] if last else []), COREF_CONFIDENCE
        if sellers and tech:
            importer = buyer or _importer_in(ctx, index)
            out.append(fact("Deal" if importer else "Export",
                            {"exporter": [p.key for p in sellers], "technology": [tech[-1].key],
                             "importer": [importer.key] if importer else []},
                            _trade_values(ctx, index, sellers[0].start),
                            ctx.evidence(index, min(tech[-1].start, s.start + m.start()), sellers[-1].end,
                                         "export:supplied-by", confidence)))
    return out


def _passive_buyer(ctx: Context, index: int, seller_end: int) -> Mention | None:
    """"supplied by X and bought by the city of Y": the party after the second passive bought it."""
    m = BOUGHT_BY.match(ctx.text, seller_end)
    found = [p for p in ctx.in_sentence(index, PARTY_TYPES) if m and p.start == m.end()]
    return _buyer(ctx, found[0]) if found else None


# "Megvii, which is under US sanctions, sold ...": a closed relative clause or appositive before
# the verb holds no subject of it.
PARENTHETICAL_BEFORE = re.compile(r",\s+(?:which|who|whose|that|an?|the)\b[^,;“”\"]{1,120},\s*$")


def _nearest_before(ctx: Context, index: int, position: int, types: tuple[str, ...]) -> Mention | None:
    s = ctx.sentences[index]
    parenthetical = PARENTHETICAL_BEFORE.search(ctx.text, s.start, position) \
        if ctx.text[s.start:position].rstrip().endswith(",") else None
    position = parenthetical.start() if parenthetical else position
    clause_start = s.start
    for m in CLAUSE_END.finditer(s.text, 0, position - s.start):
        clause_start = s.start + m.end()
    found = [p for p in ctx.in_sentence(index, types, clause_start, position) if p.rule != "demonym"]
    return found[-1] if found else _antecedent(ctx, index, clause_start, types)


def _antecedent(ctx: Context, index: int, clause_start: int, types: tuple[str, ...]) -> Mention | None:
    """"Germany's Dermalog, which supplied the kiosks": the party a relative clause opens on is its subject."""
    relative = RELATIVE_AFTER.search(ctx.text, ctx.sentences[index].start, clause_start)
    if relative is None:
        return None
    found = [p for p in ctx.in_sentence(index, types, end=relative.start()) if p.end == relative.start()]
    return found[-1] if found and found[-1].rule != "demonym" else None


def _technology_after(ctx: Context, index: int, position: int) -> Mention | None:
    found = [t for t in ctx.in_sentence(index, ("Technology",), position)
             if t.start - position <= 60]
    return found[0] if found else None


def _generic_object(ctx: Context, index: int, position: int) -> Mention | None:
    """"sold a similar system to ...": the object is the technology the document is about."""
    m = GENERIC_OBJECT.match(ctx.text, position)
    if not m:
        return None
    last = ctx.last_technology(position)
    if CAMERAS.search(m.group()) and (last is None or last.key != SURVEILLANCE_CAMERAS):
        ctx.add_entity(entity_for(SURVEILLANCE_CAMERAS, "Technology", "surveillance cameras"))
        return Mention(ctx.document.doc_id, index, m.start(), m.end(), ctx.text[m.start():m.end()],
                       SURVEILLANCE_CAMERAS, "Technology", "object:cameras", 0.8)
    if last is None:
        return None
    return Mention(last.doc_id, index, m.start(), m.end(), ctx.text[m.start():m.end()], last.key,
                   last.entity_type, "coref:technology", COREF_CONFIDENCE)


def _buyer(ctx: Context, party: Mention) -> Mention:
    """"Serbia's interior ministry signed ...": a public body named by its country buys for it."""
    if party.rule != "pattern:public-body":
        return party
    country = [c for c in ctx.in_sentence(party.sentence_index, ("Country",)) if c.start == party.start]
    return country[0] if country else party


def _importer_object(ctx: Context, index: int, verb_end: int) -> Mention | None:
    """"supplied Uganda's police with T": the party right after the verb, before "with"."""
    m = re.match(r"\s+(?:the\s+)?", ctx.text[verb_end:])
    found = [p for p in ctx.in_sentence(index, PARTY_TYPES) if m and p.start == verb_end + m.end()]
    if found and re.match(r"(?:(?:’s|'s)\s+[a-z]+(?:\s+[a-z]+)?)?\s+with\b", ctx.text[found[0].end:]):
        return found[0]
    return None


def _importer_in(ctx: Context, index: int) -> Mention | None:
    """"In Ecuador, ... supplied by X": a country opening the sentence is where the deal went."""
    s = ctx.sentences[index]
    m = IN_COUNTRY.match(ctx.text, s.start, s.end)
    if not m:
        return None
    found = [c for c in ctx.in_sentence(index, ("Country",)) if c.start == m.end() and c.rule != "demonym"]
    return found[0] if found and ctx.text[found[0].end:found[0].end + 1] == "," else None


def _importer_after(ctx: Context, index: int, position: int) -> Mention | None:
    """The buyer after the product: "to (the city of) Y", else "to police forces in Y"."""
    for pattern in (TO_IMPORTER, TO_BUYERS_IN):
        m = pattern.match(ctx.text, position)
        found = [p for p in ctx.in_sentence(index, PARTY_TYPES) if m and p.start == m.end()]
        if found:
            return found[0]
    return None


