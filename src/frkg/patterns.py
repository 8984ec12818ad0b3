"""Context patterns that find entities the gazetteer does not know.

Each pattern is a regular expression over one sentence; what it captures is
typed by the pattern ("X, an associate fellow at Y": X a person, Y an
organisation) or by the shape of the name ("... University" is a research
organisation).  Names the gazetteer knows keep their gazetteer key.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from frkg import gazetteer as gz
from frkg.coref import SURNAME_PARTICLES, surname
from frkg.countries import CAPITALS, canonical_demonym
from frkg.identity import slugify
from frkg.mentions import PUBLIC_BODY, Candidate
from frkg.model import Sentence

WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b"
LOWER = "a-zß-öø-ÿ"
# "-based", "-owned" after a capitalised word make an adjective ("Seoul-based"), not a name.
HYPHEN_ADJECTIVE = (r"(?:based|owned|run|made|born|led|backed|funded|linked|listed|style|era|level|wide|controlled|"
                    r"built|bound|designed|registered|headquartered|speaking)\b")
# "Singapore-based", "Osaka-headquartered", "Oslo-listed": where a body sits or trades, before its name.
PLACE_ADJECTIVE = r"(?:based|headquartered|registered|listed)\b"
# "Lee Min-jun", "Soo-ah Kim", "Hosseini-Rad": a hyphen joins the parts of one name; a lower-case
# part is a short syllable ("Co-founder Ana Ruiz": "Co-founder" is no part of a name).
NAME_HYPHEN_PART = rf"-(?:[A-Z][{LOWER}]+|(?!{HYPHEN_ADJECTIVE})[{LOWER}]{{2,4}}\b)"
PCAP = rf"[A-ZÀ-ÖØ-Þ][{LOWER}]+(?:[A-Z][{LOWER}]+)?(?:{NAME_HYPHEN_PART})?"
# "Ramon dela Cruz", "Ana de la Torre", "Ruud van der Berg": lower-case particles inside a surname.
SURNAME_PARTICLE = r"(?:%s)" % "|".join(sorted(SURNAME_PARTICLES, key=len, reverse=True))
PERSON = (rf"{PCAP}(?:[ \t\u00a0]+(?:[A-Z]\.[ \t\u00a0]+|(?:{SURNAME_PARTICLE}[ \t\u00a0]+){{1,2}}(?=[A-Z]))?{PCAP})"
          r"{0,2}")
OCAP = r"[A-Z][\w&\-]*(?:’s|'s)?"
ORG = (rf"{OCAP}(?:\s+(?:(?:of|for|and|on|the|a|&|de)\s+)*{OCAP})*"
       r"(?:\s+(?:Inc|Ltd|Corp|Co|LLC|PLC|GmbH)\b(?!-)\.?(?:,\s+Ltd\b\.?)?)?(?:\s+\d{1,4}\b(?![.,]\d))?")
SAY = (r"(?:says|said|adds|added|told|tells|argues|argued|argue|warns|warned|notes|noted|explains|"
       r"explained|suggests|suggested|stated|states|writes|wrote|write|believes|claims|claimed|insists|"
       r"insisted|cautions|cautioned|observes|observed|comments|commented|acknowledged|contends|"
       r"contended|testified|emphasized|emphasised|stressed|maintains|recalls|recalled)")
ROLE = (r"(?:fellow|director(?:[- ]general)?|professor|researcher|economist|analyst|spokesperson|spokesman|"
        r"spokeswoman|chief|head|president|CEO|founder|co-founder|officer|scientist|lawyer|"
        r"attorney|commissioner|minister|secretary(?:[- ]general)?|senator|chair|chairman|chairwoman|executive|"
        r"manager|engineer|lecturer|adviser|advisor|expert|scholar|member|partner|investigator|"
        r"student|leader|official|representative|specialist|editor|co-?author|author|counsel|coordinator|MEP|"
        r"lawmaker|legislator|congressman|congresswoman|ambassador|activist|campaigner|journalist)")
FIRM_NOUNS = (r"(?:companies|firms|vendors|providers|suppliers|startups|start-ups|makers|"
              r"manufacturers|developers|businesses|corporations|exporters|entities)")

APPOSITIVE_ROLE = re.compile(
    rf"(?P<person>{PERSON}),\s+(?:[^,.;“”\"]{{0,60}}?\s+and\s+)?(?:(?:an?|the)\s+)?"
    rf"(?P<role>(?:[\w-]+\s+){{0,3}}?{ROLE}(?:\s+(?:of|in|on)\s+(?:[a-z][\w-]*\s+){{0,3}}?[a-z][\w-]*)?)"
    rf"\s+(?:at|of|with|for|from)\s+(?:the\s+)?(?P<org>{ORG})")
# "X of Harvard University said", "X of the University of Bologna said"
SPEAKER_BEFORE = re.compile(rf"(?P<person>{PERSON})(?:\s*,\s*[^,“”\"]{{3,140}}?,|,|\s+(?:of|from|at)\s+(?:the\s+)?"
                            rf"[A-Z][\w&-]*(?:\s+(?:(?:of|for)\s+(?:the\s+)?)?[A-Z][\w&-]*){{0,4}})?\s+{SAY}\b")
# The name after the verb ends the clause or is described ("said Jane Doe, a lawyer", "said Jane
# Doe of Acme"); "says Xinjiang police app tracks ..." starts what was said instead.
# "X told Reuters": who is told is no speaker, so "told" does not introduce the name after it.
SAY_BEFORE_NAME = SAY.replace("told|tells|", "")
SPEAKER_AFTER = re.compile(rf"\b(?:{SAY_BEFORE_NAME}|according to)\s+"
                           rf"(?:(?:the\s+)?(?:[a-z][\w’'-]*\s+){{0,2}}?{ROLE}\s+)?"
                           rf"(?P<person>{PERSON})"
                           rf"(?:\s+(?:of|from)\s+(?:the\s+)?(?P<org>{ORG}))?"
                           r"(?=\s*(?:[,.;:!?)”\"]|$)|\s+(?:of|from|at|in|on|who|told|to|and|as)\b)")
# "Washington blacklisted ...", "Beijing denied ...": a capital opening a clause, right before an
# act only a government does, stands for its country.
GOVERNMENT_ACT = (r"(?:(?:has|have|had|also|quickly|later|swiftly|has\s+since)\s+)*(?:said|says|denied|denies|"
                  r"blacklisted|sanctioned|imposed|banned|restricted|accused|condemned|rejected|retaliated|"
                  r"announced|warned|criticised|criticized|vowed|urged|protested|responded|placed|barred|"
                  r"blocked|expelled|summoned|dismissed|retaliates|insisted|insists|added)")
CAPITAL_ACTOR = re.compile(r"(?:^|(?<=, )|(?<=\band )|(?<=\bbut )|(?<=\bwhen )|(?<=\bafter )|(?<=\bbefore )|"
                           r"(?<=\bsince )|(?<=\bwhile )|(?<=\bas ))(?P<city>%s)(?=\s+%s\b)"
                           % ("|".join(re.escape(c) for c in sorted(CAPITALS, key=len, reverse=True)),
                              GOVERNMENT_ACT))
# "a spokesperson said Ankara "regrets the decision"": a capital quoted right after a say verb speaks
# for its government.
CAPITAL_QUOTED = re.compile(r"\b(?:said|says|added|adds)\s+(?P<city>%s)(?=\s+[“\"]\w)"
                            % "|".join(re.escape(c) for c in sorted(CAPITALS, key=len, reverse=True)))
CAPITAL_WORD = re.compile(r"\b(?:%s)\b" % "|".join(re.escape(c) for c in CAPITALS))
# "The UN special rapporteur on the right to privacy, Tomas Ekberg, urged": a title described in
# lower case, then the name in apposition.
APPOSED_NAME = re.compile(rf",\s+(?P<person>{PERSON})(?:\s+(?:of|from|at)\s+(?:the\s+)?{OCAP}(?:\s+{OCAP}){{0,3}})?"
                          r"(?:,|(?=\.?\s*$))")  # "..., said its director, Ana Vera."
TITLE_BEFORE_NAME = re.compile(
    rf"(?:\b[Tt]he|\b[Ii]ts|\b[Tt]heir|\b[Hh]er|\b[Hh]is|[A-Z][\w-]*(?:’s|'s))\s+(?:[\w’'-]+\s+){{0,6}}?"
    rf"(?i:{ROLE[3:-1]}|rapporteur|supervisor|ombudsman)\b[^,“”\"]{{0,60}}$")
TITLED = re.compile(
    r"\b(?:[Pp]resident|[Pp]rime [Mm]inister|[Ss]enator|Sen\.|Rep\.|Representative|Secretary|"
    r"Governor|Mayor|Commissioner|Chancellor|Minister|CEO|Dr\.?|Mrs?\.?|Ms\.?|Professor|Prof\.|Judge|Justice|"
    r"MP|MEP|Ombudsman|Inspector-General|"
    rf"Honourable|Honorable|Hon\.|(?<=[Tt]he\s)Hon)\s+(?P<person>{PERSON})")  # "The Hon Ana Ruiz MP"
ADMINISTRATION = re.compile(rf"\b(?P<name>{PCAP})\s+[Aa]dministration\b(?!\s+[A-Z])")  # not "... Administration Regulations"
COAUTHORS = re.compile(
    rf"(?P<person>{PERSON})\s+and\s+(?:his|her|their)\s+"
    r"(?:co-?authors|colleagues|co-?workers|team|collaborators|co-?researchers)")
SUCH_AS = re.compile(
    rf"(?:(?P<cc>\b[A-Z][\w.]*)\s+(?:[a-z][\w-]*\s+){{0,3}})?{FIRM_NOUNS}\s*,?\s+"
    rf"(?:such as|including|like)\s+(?P<list>{ORG}(?:\s*,\s*{ORG})*(?:\s*,?\s+(?:and|or)\s+{ORG})?)")
FIRM_APPOSITIVE = re.compile(
    rf"(?P<org>{ORG}),\s+(?:an?|the)\s+(?P<desc>(?:[\w-]+\s+){{0,4}}?)"
    r"(?:company|firm|startup|start-up|vendor|maker|manufacturer|provider|supplier|developer|giant)\b"
    r"(?![’']|\s+(?:said|says|added|announced|told|stated|confirmed|declined))")  # "X, the company's CEO": a person
# "headquartered in Oslo, the company ...": a city after a preposition is where the firm is.
PLACE_PREPOSITION = re.compile(r"\b(?:in|at|from|near|outside)\s+$")
# "the London School of Economics and Yale University": "and" before another institution's name
# joins two names, not two words of one ("Center for Strategic and International Studies").
# "University of Lagos and Lars Berg of Aalto University": nor before a person of another institution.
AND_NOT_ANOTHER = (r"and\s+(?!(?:[A-Z][\w-]*\s+){0,3}(?:University|College|Institute|School)\b|"
                   r"[A-Z][\w’'-]+\s+[A-Z][\w’'-]+\s+(?:of|from|at)\s|"
                   r"(?:the\s+)?(?:Ministry|Department|Bureau|Agency|Office|Commission|Council)\s+of\b)")
# "Ministry of Economy, Trade and Industry": a comma joins words of one name when a list of single
# words closed by "and" follows (", Amnesty and Human Rights Watch" lists other names instead).
LISTED = r"[A-Z][\w-]*(?![\w-])"
COMMA_IN_NAME = rf",\s+(?=(?:{LISTED},\s+)*{LISTED}\s+and\s+{LISTED}(?:\s+{LISTED})?(?!\s+[A-Z]))"
# "Japan Electronics and Information Technology Industries Association": "and" inside a trade body's name.
AND_IN_ASSOCIATION = rf"and\s+(?=(?:{OCAP}\s+){{1,4}}(?:Association|Federation)\b)"
ORG_SUFFIXED = re.compile(
    rf"\b(?P<org>(?:{OCAP}\s+(?:{AND_IN_ASSOCIATION})?){{1,7}}(?:University|Institute|College|Department|Ministry|"
    r"Commission|Agency|Council|Foundation|Bureau|Authority|Office|Police|Court|Parliament|"
    r"Liberties\s+Union|"
    r"Academy|Laboratory|Center|Centre|Watch|Alliance|Party|Coalition|Movement|School|Forum|Command|"
    r"Directorate|Superintendence|Inspectorate|Association|Federation|Defender|Ombudsman|Board|Unit)"
    rf"(?:\s+(?:of|for|on)\s+(?:the\s+)?(?!{WEEKDAY}){OCAP}(?:(?:\s+(?:{AND_NOT_ANOTHER}|of\s+|&\s+)?|{COMMA_IN_NAME})"
    rf"{OCAP})*(?:\s+at\s+(?!{WEEKDAY}){OCAP})?)?)")
ORG_PREFIXED = re.compile(
    r"\b(?P<org>(?:University|Institute|Department|Ministry|Bureau|Office|Center|Centre|Council|"
    r"Commission|Academy|Court|Municipality|Superintendence|Directorate(?:[- ]General)?|Inspectorate|Secretariat|"
    rf"Association|Federation|Permanent Mission|Embassy|Consulate(?:[- ]General)?)\s+(?:of|for|(?<=Commission\s)on)\s+(?:the\s+|a\s+)?(?!{WEEKDAY}){OCAP}"
    rf"(?:(?:\s+(?:{AND_NOT_ANOTHER}|of\s+|&\s+|for\s+)?|{COMMA_IN_NAME}){OCAP})*"
    rf"(?:\s+at\s+(?!{WEEKDAY}){OCAP})?)")
# Legal forms of European firms ("Carpatica Vision SRL", "Acme Europe B.V.", "Rila Data EOOD", "Riga Data SIA"; a
# Nordic "AB" stays in the key, as older gold files keep it).
EUROPEAN_FORMS = r"SRL|S\.R\.L|B\.V|N\.V|BV|NV|EOOD|OOD|SIA|UAB|ApS|Oyj|Oy|SpA|S\.p\.A|Kft|s\.r\.o|d\.o\.o"
# Last words that say a firm's trade ("Kestrel Vision", "Dongwon Biometrics", "Norte Asset Securities").
INDUSTRY_TAIL = (r"Technologies|Technology|AI|Labs|Systems|Networks|Robotics|Vision|Solutions|Analytics|Biometrics|"
                 r"Securities|Security|Intelligent|Electronics|Electric|Optics|Telematics|Telemática|Semiconductor|Imaging")
FIRM_SHAPED = re.compile(
    rf"\b(?P<org>(?:{OCAP}\s+(?:(?:&|{SURNAME_PARTICLE})\s+)?){{1,6}}(?:Pvt\.\s+)?(?:Inc|Ltd|Corp|Co|LLC|LLP|PLC|GmbH|Corporation|Holdings|S\.A\.S|"
    rf"S\.A|SAS|Ltda|Pte|Limited|JSC|{EUROPEAN_FORMS})\b(?!-)\.?|(?:{OCAP}\s+){{1,3}}(?:{INDUSTRY_TAIL})"
    r"(?!\s+(?!Co\b|Ltd\b|Inc\b|S\.A)[A-Z][a-z]))(?!\w)")  # "the Surveillance Technology Observatory" is no firm
GROUP_TAIL = re.compile(
    r"(?:’s|'s)?\s+(?P<mid>(?:(?:[a-z][a-z-]*|AI|5G)\s+){0,3}?)"
    rf"(?P<noun>{FIRM_NOUNS}|tech companies)\b(?:\s+of\s+(?P<tech>[a-z]))?")
CITY = re.compile(rf"\b[Cc]ity\s+of\s+(?P<name>{PCAP}(?:\s+{PCAP}){{0,2}})")
POLICE_TAIL = re.compile(r"\s+police(?:\s+(?:departments?|forces?|agencies))?\b")
# "the Oslo police department", "the Kampala police": a city's force named in lower case.
LOCAL_POLICE = re.compile(rf"\b[Tt]he\s+(?P<org>{PCAP}(?:\s+{PCAP})?\s+police(?:\s+(?:department|force|service|"
                          r"district|authority))?)\b")
# "Norway's data protection authority", "Serbia's interior ministry", "Uganda's police force":
# a public body named by its country and function rather than by a proper name.
BODY_TAIL = re.compile(
    r"(?:’s|'s)\s+(?P<body>(?:(?:national\s+)?(?:data protection|privacy|information|data|competition|"
    r"consumer protection|communications|telecoms?|media)\s+(?:authority|regulator|watchdog|agency|"
    r"commissioner|office|board|inspectorate))|(?:interior|foreign|justice|defen[cs]e|home affairs|"
    r"security|trade|commerce|finance|information)\s+ministry|ministry\s+of\s+(?:the\s+)?(?:interior|"
    r"foreign affairs|justice|defen[cs]e|public security|home affairs)|embassy|(?:national\s+)?police"
    r"(?:\s+(?:force|service|authority))?)\b(?!\s+(?:department|officers?|chiefs?)\b)")
BODY_ACRONYM = re.compile(r"([A-Z]{2,6})(?=\s*[,)])")
GOVERNMENT_TAIL = re.compile(r"\s+(?:government|authorities|regulators|officials)\b")
APPOSITIVE_NAME = re.compile(r"\s*(?:,|\()\s*(?:the\s+)?")
# "the German interior ministry": the same after a demonym, without the possessive.
DEMONYM_BODY_TAIL = re.compile(BODY_TAIL.pattern.replace("(?:’s|'s)\\s+", "\\s+", 1))

# Cheap keyword tests that gate the expensive patterns.
ROLE_WORD = re.compile(rf"\b{ROLE}\b")
SAY_WORD = re.compile(rf"\b{SAY}\b|according to")
TITLE_WORD = re.compile(r"\b(?:[Pp]resident|[Pp]rime|[Ss]enator|Sen\.|Rep\.|Representative|Secretary|Governor|"
                        r"Mayor|Commissioner|Chancellor|Minister|CEO|Dr\.?|Mrs?\.?|Ms\.?|Professor|Prof\.|"
                        r"Judge|Justice|MP|MEP|Ombudsman|Inspector-General|"
                        r"Honourable|Honorable|Hon\.|(?<=[Tt]he\s)Hon)\s")
AUTHOR_WORD = re.compile(r"co-?authors|colleagues|co-?workers|team|collaborators|co-?researchers")
LIST_WORD = re.compile(r"such as|including|like")
FIRM_WORD = re.compile(r"company|firm|startup|start-up|vendor|maker|manufacturer|provider|supplier|"
                       r"developer|giant")
ORG_WORD = re.compile(r"University|Institute|College|Department|Ministry|Commission|Agency|Council|"
                      r"Foundation|Bureau|Authority|Office|Police|Court|Parliament|Academy|Laboratory|"
                      r"Center|Centre|Watch|Inc|Ltd|Corp|Co\b|LLC|PLC|GmbH|Technologies|AI\b|Labs|Systems|"
                      r"Networks|Robotics|Vision|Corporation|Holdings|Alliance|Party|Coalition|Movement|School|Municipality|"
                      r"Technology|Solutions|Analytics|Forum|Biometrics|Securities|Security|Intelligent|"
                      r"Electronics|Electric|Optics|Telem|Semiconductor|Imaging|Command|Directorate|Superintendence|"
                      r"Inspectorate|Secretariat|Association|Federation|Defender|Ombudsman|S\.A|SAS|Ltda|Pte|"
                      rf"Limited|JSC|LLP|Board|Unit\b|Mission|Embassy|Consulate|Liberties Union|{EUROPEAN_FORMS}")
ORG_TYPE_WORDS: tuple[tuple[str, str], ...] = (
    ("Police", "PoliceDepartment"), ("Sheriff", "PoliceDepartment"), ("Law Enforcement", "PoliceDepartment"),
    ("Public Security Bureau", "PoliceDepartment"),  # a Chinese city's police, before "Bureau" (a public body)
    ("University", "ResearchOrganization"), ("College", "ResearchOrganization"),
    ("School", "ResearchOrganization"),
    ("Institute of Technology", "ResearchOrganization"), ("Laboratory", "ResearchOrganization"),
    ("Academy", "ResearchOrganization"), ("Center for", "ThinkTank"), ("Centre for", "ThinkTank"),
    ("Institute", "ThinkTank"), ("Foundation", "CivilSocietyOrganization"),
    ("Watch", "CivilSocietyOrganization"), ("Union", "CivilSocietyOrganization"),
    ("Congress", "Legislature"), ("Parliament", "Legislature"), ("Senate", "Legislature"),
    ("Department", "GovernmentBody"), ("Ministry", "GovernmentBody"),
    ("Commission", "GovernmentBody"), ("Agency", "GovernmentBody"), ("Bureau", "GovernmentBody"),
    ("Authority", "GovernmentBody"), ("Office", "GovernmentBody"), ("Council", "GovernmentBody"),
    ("Court", "GovernmentBody"), ("Municipality", "GovernmentBody"), ("Superintendence", "GovernmentBody"),
    ("Directorate", "GovernmentBody"), ("Inspectorate", "GovernmentBody"), ("Secretariat", "GovernmentBody"),
    ("Command", "GovernmentBody"), ("Defender", "GovernmentBody"), ("Ombudsman", "GovernmentBody"),
    ("Board", "GovernmentBody"), ("Unit", "GovernmentBody"), ("Mission", "GovernmentBody"),
    ("Embassy", "GovernmentBody"), ("Consulate", "GovernmentBody"),
    ("Municipal", "GovernmentBody"),  # "Nagpur Municipal Corporation": a city's government, no firm
    ("Inc", "Firm"), ("Ltd", "Firm"), ("Corp", "Firm"),
    ("LLC", "Firm"), ("PLC", "Firm"), ("GmbH", "Firm"), ("Technologies", "Firm"), ("AI", "Firm"),
    ("Labs", "Firm"), ("Systems", "Firm"), ("Networks", "Firm"), ("Robotics", "Firm"),
    ("Vision", "Firm"), ("Corporation", "Firm"), ("Holdings", "Firm"), ("Solutions", "Firm"),
    ("Analytics", "Firm"), ("Technology", "Firm"),
    # "Asia Digital Rights Coalition": a rights body that is no public one
    ("Rights", "CivilSocietyOrganization"), ("Coalition", "CivilSocietyOrganization"),
)
ORG_TYPE_PATTERNS = tuple((re.compile(rf"\b{re.escape(w)}\b"), t) for w, t in ORG_TYPE_WORDS)  # compiled once
# Last words of organisations' names ("Stanford University", "Golden Delta Systems"): never a person's.
ORG_TAIL_WORDS = frozenset({w.lower() for w, _ in ORG_TYPE_WORDS if " " not in w} |
                           {w.lower() for w in INDUSTRY_TAIL.split("|")} | {"research", "endowment", "partners"})
NOT_NAMES = frozenset({
    "officials", "experts", "critics", "researchers", "analysts", "authorities", "police",
    "lawmakers", "regulators", "investigators", "activists", "campaigners", "scientists",
    "executives", "people", "others", "many", "some", "reports", "sources", "observers",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "share", "under", "president", "chinese", "american",
})
# Titles and descriptors that precede a name but are not part of it ("Senator Ed Markey").
TITLE_WORDS = frozenset({
    "secretary", "senator", "sen.", "rep.", "representative", "minister", "governor", "mayor",
    "commissioner", "chancellor", "judge", "justice", "professor", "prof.", "dr.", "congressman",
    "congresswoman", "ambassador", "general", "deputy", "chairman", "chairwoman", "spokesman",
    "spokeswoman", "spokesperson", "mep", "lawmaker", "by", "opinion", "leader", "director",
    "chief", "executive", "officer", "activist", "campaigner", "journalist", "commerce",
    "inspector", "superintendent", "commander", "honourable", "honorable", "hon.", "mp", "ombudsman", "inspector-general", "colonel", "captain", "sergeant", "constable",
    "dr", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "prof", "sir", "dame",
})
# Last words that make a name an organisation's, not a person's ("European Digital Rights").
ORG_LAST_WORDS = frozenset({
    "rights", "watch", "international", "network", "group", "foundation", "institute", "union",
    "alliance", "coalition", "association", "project", "initiative", "trust", "council", "society",
    "times", "post", "news", "press", "journal", "wire", "guardian", "telegraph", "herald", "tribune",
})
# An organisation introduced by what it is: "X, a network of privacy organisations" /
# "the surveillance research group IPVM".
ORG_KINDS = (r"(?:network|group|coalition|organi[sz]ation|NGO|charity|non-?profit|watchdog|"
             r"think[ -]tank|alliance|association|campaign group|advocacy group|trade body|lobby group)")
ORG_DESCRIBED_AFTER = re.compile(
    rf"(?P<org>{ORG})(?:\s*\([A-Z][\w&-]{{1,9}}\))?,\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}?(?P<kind>{ORG_KINDS})\b"
    rf"(?![’']|\s+{SAY}\b)")
ORG_DESCRIBED_BEFORE = re.compile(
    r"\b(?:[\w-]+\s+){0,2}?(?P<kind>(?i:(?:research|rights|advocacy|campaign|campaigning|civil liberties|privacy|"
    r"human rights|digital rights|civil rights|consumers?[’']?|consumer rights|pressure|lobby|activist|industry|trade)\s+"
    r"(?:group|organi[sz]ation|body|watchdog|association)|think[ -]tank|"
    r"NGO|charity|non-?profit|broadcaster|newspaper|news agency|news outlet|(?:pharmacy|retail|supermarket|"
    r"store|hotel|restaurant) chain|retailer|startup|start-up|conglomerate|chipmaker|carmaker|telecoms? "
    r"(?:giant|operator|company)|(?:tech|technology|security|surveillance|camera|software) "
    r"(?:giant|company|firm|vendor|maker|supplier)))\s+(?P<org>(?:[A-Z][\w&-]*)(?:\s+[A-Z][\w&-]*){0,3})")
# "civil society organisations, including the Ghana Human Rights Commission (GHRC) and Paradigm
# Initiative": organisations listed after a civil-society noun are civil-society organisations,
# whatever their names look like; each may carry its acronym in brackets.
CIVIL_KINDS = (r"civil society|civil liberties|civil rights|human rights|digital rights|rights|advocacy|consumer|"
               r"consumer rights|privacy|campaign|campaigning|activist|non-governmental|non-profit|grassroots")
CIVIL_ITEM = rf"(?:the\s+)?{ORG}(?:\s*\([A-Z][\w&-]{{1,9}}\))?"
CIVIL_LIST = re.compile(
    rf"\b(?i:{CIVIL_KINDS})\s+(?:[\w-]+\s+)?(?:organi[sz]ations|groups|NGOs|associations|coalitions|advocates|"
    rf"campaigners|charities)\s*,?\s+(?:such as|including|like|among them)\s+"
    rf"(?P<list>{CIVIL_ITEM}(?:\s*,\s*{CIVIL_ITEM})*(?:\s*,?\s+(?:and|or)\s+{CIVIL_ITEM})?)")
NAME_CONNECTOR = re.compile(r"\b(?:of|for|on|de)\b")
LAST_AND = re.compile(r"(?<=\S)\s+(?:and|or)\s+")
ITEM_TRIM = re.compile(r"^(?:the|and|or)\s+|\s*\([^)]*\)$")
LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|(?<=\))\s+(?:and|or)\s+")
# "the French company Engie", "a local firm Danaide", "the state-owned contractor X": a firm named
# right after a noun saying it is one (modifiers: a demonym or lower-case words).
NAME_PARTICLE = r"(?:de|da|do|dos|das|del|della|di|du|la|van|von|der|den)"  # "Aeroportos de Portugal"
# "the Lisbon consultancy Harbour Strategy Partners", "the law firm Kowal & Nowak".
FIRM_NOUN = (r"company|firm|vendor|supplier|operator|contractor|manufacturer|startup|start-up|developer|consultancy|"
             r"distributor|integrator|broker|reseller|wholesaler")
FIRM_NOUN_THEN_NAME = re.compile(
    rf"\b(?:[Tt]he|[Aa]n?)\s+(?:(?:[A-Z][a-z]+|[a-z][\w-]*)\s+){{0,2}}?(?:{FIRM_NOUN})\s+(?P<org>(?!{WEEKDAY})[A-Z][\w&-]*"
    rf"(?:\s+(?:{NAME_PARTICLE}\s+|&\s+)?(?!{WEEKDAY})[A-Z][\w&-]*){{0,3}})")
FIRM_NOUN_WORD = re.compile(rf"(?:{FIRM_NOUN}) [A-Z]")
KIND_TYPES = (("research", "ResearchOrganization"), ("think", "ThinkTank"), ("watchdog", "GovernmentBody"),
              ("industry", "Organization"), ("trade", "Organization"), ("broadcast", "Organization"),
              ("news", "Organization"), ("chain", "Firm"), ("retailer", "Firm"), ("start", "Firm"),
              ("conglomerate", "Firm"), ("maker", "Firm"), ("telecom", "Firm"), ("giant", "Firm"),
              ("company", "Firm"), ("firm", "Firm"), ("vendor", "Firm"), ("supplier", "Firm"))
DESCRIBED_WORD = re.compile(r"(?i:group|organi[sz]ation|association|body|watchdog|tank|NGO|charity|profit|broadcaster|"
                            r"newspaper|agency|outlet|chain|retailer|start|conglomerate|maker|telecom|giant|"
                            r"company|firm|vendor|supplier)")
DEFINITE_BODY = (r"[Tt]he\s+(?:company|firm|organi[sz]ation|group|agency|authority|regulator|watchdog|"
                 r"ministry|department|commission|police|force|charity|retailer)\b")
# "LIMA, May 2 (Andes Wire) -": the news agency of a dateline.
DATELINE_AGENCY = re.compile(r"^\s*[A-Z][A-Z .'-]+(?:,[^()\n]{0,40}?)?\s*\((?P<org>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})\)"
                             r"\s*[-–—]")
BYLINE = re.compile(rf"^\s*By\s+(?P<person>{PERSON})\s*$")
BARE_BYLINE = re.compile(rf"^\s*(?P<person>{PCAP}[ \t]+{PCAP}(?:[ \t]+{PCAP})?)\s*$")
# "a vigil for the opposition politician X", "Kremlin critic X": a noun for a kind of person.
PERSON_NOUNS = (r"politician|dissident|blogger|critic|artist|poet|writer|novelist|rapper|singer|musician|"
                r"businessman|businesswoman|tycoon|oligarch|footballer|athlete|photographer|filmmaker|academic|"
                r"cleric|imam|priest|comedian|actor|actress|YouTuber|influencer|opposition figure|"
                r"human rights defender|host|presenter|anchor|moderator")
PERSON_NOUN_WORD = re.compile(rf"\b(?:{PERSON_NOUNS})\s+[A-Z]")
ROLE_BEFORE_PERSON = re.compile(
    rf"\b(?:{ROLE}|opposition leader|party leader|{PERSON_NOUNS}|author\s+(?:is|was))\s+(?P<person>{PCAP}(?:[ \t\u00a0]+{PCAP}){{1,2}})")
PERSON_APPOSITIVE_ROLE = re.compile(
    rf"(?P<person>{PERSON}),\s+(?:an?|the)\s+(?:[\w’'-]+\s+){{0,3}}?{ROLE}\b"
    r"(?:\s+(?:of|in|on)\s+(?!the\b|an?\b)[a-z][\w-]*)?"  # "the centre's director of research"
    rf"(?!\s+(?:at|of|with|for|from)\b(?!\s+{DEFINITE_BODY}))")
# "a partner at the ...": a role held somewhere describes a person.
ROLE_AT = re.compile(rf"\b{ROLE}\s+(?:at|of|with|for|from)\b")
# "a spokesperson for the company": a role at a body named before is a person's description.
ROLE_AT_DEFINITE = re.compile(rf"\b{ROLE}\s+(?:at|of|with|for|from)\s+{DEFINITE_BODY}")
# "fined Serco Leisure", "ordered Kmart to": what a regulator fines or orders is an organisation
# (a firm unless its name says otherwise).
MEASURE_OBJECT = re.compile(r"\b(?:fined|sanctioned|penali[sz]ed|reprimanded|ordered|sued)\s+"
                            rf"(?P<org>(?!{WEEKDAY}|The\b|This\b|Its\b)[A-Z][\w&-]*"
                            rf"(?:\s+(?!{WEEKDAY})[A-Z][\w&-]*){{0,3}})")
MEASURE_WORD = re.compile(r"fined|sanctioned|penali[sz]ed|reprimanded|ordered|sued")
# "The authors, A B, C D and E F, compiled", "researchers A B and C D found": every full name of a
# list after an author noun is a person's.
FULL_NAME = rf"{PCAP}(?:[ \t\u00a0]+{PCAP}){{1,2}}"
NAME_LIST = rf"{FULL_NAME}(?:\s*,\s*{FULL_NAME})*\s*,?\s+and\s+{FULL_NAME}"
AUTHOR_LIST = re.compile(r"\b(?:[Tt]he\s+)?(?i:authors|co-?authors|researchers|economists|scholars|academics|editors)"
                         rf"\s*,?\s+(?P<list>{NAME_LIST})")
# "a 2024 study by A B and C D of U", "written by A B, a lecturer at U": the authors of a study; a
# single name only when described as people are ("of U", ", a ...").
STUDY_BY = (r"\b(?:(?:study|paper|report|analysis|survey|book|article|research|index|audit|review)\s+(?:[\w-]+\s+){0,3}?"
            r"|(?:written|co-?written|authored|co-?authored|compiled|edited|conducted|led)\s+)by\s+")
STUDY_BY_LIST = re.compile(rf"{STUDY_BY}(?P<list>{NAME_LIST}|{FULL_NAME}(?=\s+(?:of|at|from)\s+(?:the\s+)?[A-Z]|"
                           r",\s+(?:an?|the)\s+[\w-]+))")
PERSON_LIST_WORD = re.compile(r"[Aa]uthors|[Rr]esearchers|[Ee]conomists|[Ss]cholars|[Aa]cademics|[Ee]ditors|\bby\s")
# "Daniela Ruiz, who leads the group's work on ...": a relative clause saying what someone does.
PERSON_RELATIVE = re.compile(
    rf"(?P<person>{PERSON}),\s+who\s+(?:(?:also|now|currently)\s+)?(?:leads|heads|runs|directs|chairs|manages|"
    r"oversees|coordinates|co-?founded|founded|co-?directs|works|teaches|studies|researches|advises|represents|"
    r"edits|co-?authored|authored|wrote|tracks|investigates|monitors|campaigns|covers|follows|"
    r"has\s+(?:led|studied|researched|"
    r"written|tracked|investigated|documented|worked|campaigned|monitored|advised))\b")
# "Ana Vera of the University of Lagos and Lars Berg of Aalto University": a name of an academic institution.
PERSON_OF_INSTITUTION = re.compile(rf"(?P<person>{FULL_NAME})\s+(?:of|from|at)\s+(?:the\s+)?(?=University\s+of\s+[A-Z]|"
                                   r"(?:[A-Z][\w’'-]*\s+){1,3}(?:University|College|Institute)\b)")
# "Uyghurs and other Tibetan Buddhist minorities": capitalised words make a minority of its own,
# not the generic "minorities".
NAMED_MINORITIES = re.compile(r"(?<![\w-])(?!(?:The|A|An|All|Other|Many|Some|These|Those|Religious|Ethnic)\b)"
                              r"(?P<group>(?:[A-Z][a-z]+\s+){1,2}minorities)\b")
# "Indigenous and Black passengers", "Black residents": people named by race or indigeneity are a
# group of their own ("group/indigenous-people"), whatever noun (or local demonym) follows.
RACE_WORD = re.compile(r"\b(?:Indigenous|Black|Aboriginal)\b")
RACE_GROUPS = re.compile(r"\b(?P<list>(?:Indigenous|Black|Aboriginal)(?:(?:,\s+|\s+and\s+|,\s+and\s+)"
                         r"(?:Indigenous|Black|Aboriginal|Latino|Hispanic|Asian))*)\s+(?:people|peoples|residents|"
                         r"passengers|riders|communities|citizens|voters|travellers|travelers|men|women|[A-Z][a-z]+(?:ers|ans|ians))\b")
# "Ana Vera, who covers the company for Nordbank": an analyst covers firms for a bank or broker.
ANALYST_FOR = re.compile(rf",\s+who\s+(?:covers|covered|follows|followed)\s+[^,.;“”\"]{{0,60}}?\s+for\s+"
                         rf"(?P<org>(?!{WEEKDAY})[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){{0,3}})")
OUTLET_AFTER_SAY = re.compile(rf"\b(?:told|tells)\s+(?P<org>The\s+{OCAP}(?:\s+{OCAP}){{0,2}})")
# "Lena Okafor has been chief technology officer of Brightline since 2020": an interview's framing
# names the interviewee by a role held at a body.
PERSON_HOLDS_ROLE = re.compile(
    rf"(?P<person>{FULL_NAME})\s+(?:has\s+been|had\s+been|is|was|became|serves\s+as|has\s+served\s+as)\s+"
    rf"(?:(?:the|an?)\s+)?(?:[\w-]+\s+){{0,3}}?{ROLE}(?:\s+(?:of|for|in)\s+(?:[a-z][\w-]*\s+){{0,2}}?[a-z][\w-]*)?"
    r"\s+(?:of|at|for)\s+[A-Z]")
# "a subsidiary of the state-owned Orion Digital Group": what owns a subsidiary is a firm.
SUBSIDIARY_OF = re.compile(
    r"\b(?:subsidiary|affiliate|spin-?off|offshoot)\s+of\s+(?:(?:the|an?)\s+)?(?:[a-z][\w-]*\s+){0,2}"
    rf"(?P<org>(?!{WEEKDAY})[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){{0,3}})")
# "Minsk-based Belvo Trade", "Osaka-headquartered Hanshin Electric": a name right after where it sits.
BASED_NAME = re.compile(
    rf"(?<![\w-])(?P<place>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)-{PLACE_ADJECTIVE}\s+"
    rf"(?P<org>(?!{WEEKDAY})[A-Z][\w&-]*(?:\s+(?:&\s+)?(?!{WEEKDAY})[A-Z][\w&-]*){{0,3}})")
# "police detained Dmitri Volkov at ...": whom the police hold is a person.
HELD_PERSON = re.compile(
    r"\b(?:detained|arrested|jailed|questioned|interrogated|sentenced|deported|imprisoned|abducted)\s+"
    rf"(?P<person>{FULL_NAME})\b(?!\s+(?:&\s+)?[A-Z])")
HELD_WORD = re.compile(r"detained|arrested|jailed|questioned|interrogated|sentenced|deported|imprisoned|abducted")
# "Congress corporator Meera Joshi", "Shiv Sena MLA Ravi Patil": a party before its member's title and name.
PARTY_MEMBER = re.compile(r"\b(?!(?:The|A|An|City|Town|County|Municipal|Local|Deputy|Former|Senior|Veteran|Independent|"
                          r"Opposition|Ward|District|State|Its|Their|Our)\b)"
                          r"(?P<org>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+(?:corporator|MLA|councillor|councilor)\s+[A-Z]")
PARTY_WORD = re.compile(r"corporator|MLA|councillor|councilor")
# "the Agencia Española de Protección de Datos", "the Autoridade Nacional de Proteção de Dados": a
# public body named in Spanish, Portuguese, French or Italian, a head noun then particles and names.
ROMANCE_HEAD = (r"Agencia|Agência|Agence|Autoridad|Autoridade|Autorité|Autorità|Comisión|Comissão|Ministerio|Ministério|"
                r"Consejo|Conselho|Defensoría|Superintendencia|Superintendência|Fiscalía|Procuraduría|Contraloría|"
                r"Dirección|Direção|Secretaría|Tribunal|Servicio|Serviço")
ROMANCE_PARTICLE = r"(?:de|del|de\s+la|de\s+los|de\s+las|da|do|dos|das|des|du|della|delle|per\s+la|para\s+la|y|e|et)"
ROMANCE_BODY = re.compile(
    rf"\b(?P<org>(?:{ROMANCE_HEAD})(?:\s+[A-ZÀ-Þ][\w-]*){{0,3}}(?:\s+{ROMANCE_PARTICLE}\s+[A-ZÀ-Þ][\w-]*"
    r"(?:\s+[A-ZÀ-Þ][\w-]*)*)+)")
ROMANCE_WORD = re.compile(rf"\b(?:{ROMANCE_HEAD})\s")


def pattern_candidates(sentences: list[Sentence], text: str,
                       base: list[Candidate]) -> list[Candidate]:
    """Entities found from context in every sentence, plus anchored group names."""
    found: list[Candidate] = []
    for sentence in sentences:
        found.extend(_sentence_candidates(sentence, text))
    bodies = [c for c in found if c.entity_type in ("GovernmentBody", "PoliceDepartment")]
    found.extend(_collectives(base + bodies, text))  # "Peru's regulator, the Autoridad ...": the named body
    found.extend(_coordinated_firms(base, text))
    return _known_single_names(found, base, text)


def _known_single_names(found: list[Candidate], base: list[Candidate], text: str) -> list[Candidate]:
    """A lone capitalised word before "said" ("Moscow said", "Kiggundu said") is a person only
    when the document names someone in full with that surname; news introduces people by full
    name, so otherwise it is a place or a body standing for its government."""
    surnames = {surname(text[c.start:c.end].split()) for c in found + base
                if c.entity_type == "Person" and len(text[c.start:c.end].split()) > 1}
    return [c for c in found if not (c.rule == "pattern:speaker" and c.entity_type == "Person"
                                     and " " not in text[c.start:c.end].strip()
                                     and text[c.start:c.end].strip() not in surnames)]


# "Dahua and Uniview", "Uniview, Hikvision": an unknown name listed with a known firm is a firm.
AFTER_FIRM = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?P<name>[A-Z][\w&-]+)\b(?![’'-]|\s+[A-Z])")
BEFORE_FIRM = re.compile(r"(?<![\w’'-])(?<![A-Z][\w&-] )(?P<name>[A-Z][\w&-]+)(?:\s*,\s*|\s+(?:and|or)\s+)$")


def _coordinated_firms(base: list[Candidate], text: str) -> Iterator[Candidate]:
    starts = {c.start for c in base}
    for firm in (c for c in base if c.entity_type == "Firm"):
        after = AFTER_FIRM.match(text, firm.end)
        before = BEFORE_FIRM.search(text, max(0, firm.start - 40), firm.start)
        for m in (after, before):
            if m is None or m.start("name") in starts:
                continue
            name = m.group("name")
            if name.lower() in NOT_NAMES or name.lower() in STOP_WORDS or _is_country_word(name) \
                    or gz.lookup(name) is not None or not re.search(r"[a-z]", name) and len(name) < 3:
                continue
            if m is before and m.start("name") > 0 and text[m.start("name") - 2:m.start("name")] in (". ", "\n"):
                continue  # a capitalised first word of a sentence is no evidence of a name
            yield Candidate(m.start("name"), m.end("name"), "org/" + slugify(name), "Firm",
                            "pattern:listed-with-firm", 0.7, 2, label=name)


def _sentence_candidates(sentence: Sentence, text: str) -> Iterator[Candidate]:
    """Each pattern runs only when a cheap keyword test says it can match (speed)."""
    s, offset = sentence.text, sentence.start
    if s.lstrip().startswith("By "):
        for m in BYLINE.finditer(s):
            yield from _person(m, "person", offset, "pattern:byline")
    elif sentence.index <= 3 and "\n" not in s.strip():  # an opinion piece signed by a bare name line
        for m in BARE_BYLINE.finditer(s):
            yield from _person(m, "person", offset, "pattern:byline")
    if sentence.index <= 3 and "(" in s:
        for m in DATELINE_AGENCY.finditer(s):
            yield from _org(m, "org", offset, "pattern:dateline", "Organization", single_word=True)
    has_role = ROLE_WORD.search(s) is not None  # computed once: several patterns need a role word
    if has_role or PERSON_NOUN_WORD.search(s):
        for m in ROLE_BEFORE_PERSON.finditer(s):
            yield from _person(m, "person", offset, "pattern:role-before-name")
    if "," in s and has_role:
        for m in PERSON_APPOSITIVE_ROLE.finditer(s):
            yield from _person(m, "person", offset, "pattern:appositive-role")
    if "," in s:
        for m in ORG_DESCRIBED_AFTER.finditer(s):
            if ROLE_AT_DEFINITE.search(m.group()):
                continue
            yield from _org(m, "org", offset, "pattern:described-org", _kind_type(m.group("kind")),
                            single_word=True, confidence=0.85)
    for m in (ORG_DESCRIBED_BEFORE.finditer(s) if DESCRIBED_WORD.search(s) else ()):
        yield from _org(m, "org", offset, "pattern:described-org", _kind_type(m.group("kind")),
                        single_word=True, confidence=0.85)
    for m in (MEASURE_OBJECT.finditer(s) if MEASURE_WORD.search(s) else ()):
        yield from _org(m, "org", offset, "pattern:measure-object", "Firm", single_word=True, confidence=0.7)
    for m in (FIRM_NOUN_THEN_NAME.finditer(s) if FIRM_NOUN_WORD.search(s) else ()):
        yield from _org(m, "org", offset, "pattern:firm-noun-name", "Firm", single_word=True, confidence=0.8)
    yield from _introduced_names(s, offset, has_role)
    if "told The" in s or "tells The" in s:
        for m in OUTLET_AFTER_SAY.finditer(s):
            yield from _org(m, "org", offset, "pattern:outlet", "Organization", single_word=True,
                            confidence=0.85)
    if "," in s and has_role:
        for m in APPOSITIVE_ROLE.finditer(s):
            yield from _person(m, "person", offset, "pattern:appositive-role")
            yield from _org(m, "org", offset, "pattern:appositive-role", "Organization")
    if SAY_WORD.search(s):
        for regex in (SPEAKER_BEFORE, SPEAKER_AFTER):
            for m in regex.finditer(s):
                yield from _person(m, "person", offset, "pattern:speaker")
                if m.groupdict().get("org"):
                    yield from _org(m, "org", offset, "pattern:speaker-of", "Organization", single_word=True)
    if "," in s and has_role or "apporteur" in s or "upervisor" in s:
        for m in APPOSED_NAME.finditer(s):  # the rare ", Name," first, then the title before it
            if TITLE_BEFORE_NAME.search(s, max(0, m.start() - 160), m.start()):
                yield from _person(m, "person", offset, "pattern:title-then-name")
    if CAPITAL_WORD.search(s):
        for m in CAPITAL_ACTOR.finditer(s.lstrip()):
            shift = offset + len(s) - len(s.lstrip())
            yield Candidate(shift + m.start(), shift + m.end(), "country/" + CAPITALS[m.group("city")],
                            "Country", "pattern:capital-metonym", 0.7, 1)
        for m in CAPITAL_QUOTED.finditer(s):
            yield Candidate(offset + m.start("city"), offset + m.end("city"), "country/" + CAPITALS[m.group("city")],
                            "Country", "pattern:capital-metonym", 0.7, 1)
    if TITLE_WORD.search(s):
        for m in TITLED.finditer(s):
            yield from _person(m, "person", offset, "pattern:title")
    if PERSON_LIST_WORD.search(s):
        for m in itertools.chain(AUTHOR_LIST.finditer(s), STUDY_BY_LIST.finditer(s)):
            for name in re.finditer(FULL_NAME, m.group("list")):
                yield from _person_span(s, m.start("list") + name.start(), m.start("list") + name.end(),
                                        offset, "pattern:person-list")
    if ", who " in s:
        for m in PERSON_RELATIVE.finditer(s):
            yield from _person(m, "person", offset, "pattern:relative-clause")
        for m in ANALYST_FOR.finditer(s):
            yield from _org(m, "org", offset, "pattern:analyst-for", "Firm", single_word=True, confidence=0.7)
    for m in RACE_GROUPS.finditer(s) if RACE_WORD.search(s) else ():
        for word in re.finditer(r"[A-Z][a-z]+", m.group("list")):
            yield Candidate(offset + m.start("list") + word.start(), offset + m.start("list") + word.end(),
                            f"group/{word.group().lower()}-people", "Group", "pattern:race-group", 0.8, 1,
                            label=f"{word.group()} people")
    for m in NAMED_MINORITIES.finditer(s) if "minorities" in s else ():
        if not _is_country_word(m.group("group").split()[0]):  # "Chinese minorities": a country's, generic
            yield Candidate(offset + m.start("group"), offset + m.end("group"), "group/" + slugify(m.group("group")),
                            "Group", "pattern:named-minorities", 0.8, 1, label=m.group("group"))
    if "Universit" in s or "College" in s or "Institute" in s:
        for m in PERSON_OF_INSTITUTION.finditer(s):
            yield from _person(m, "person", offset, "pattern:person-of-institution")
    if "co" in s and AUTHOR_WORD.search(s):
        for m in COAUTHORS.finditer(s):
            yield from _person(m, "person", offset, "pattern:coauthors")
    if "dministration" in s:
        for m in ADMINISTRATION.finditer(s):
            yield from _administration(m, offset)
    if "police" in s:
        for m in LOCAL_POLICE.finditer(s):
            if not any(_is_country_word(w) for w in m.group("org").split()[:2]):
                name = " ".join(m.group("org").split())
                label = name[0].upper() + name[1:]
                yield Candidate(offset + m.start("org"), offset + m.end("org"), "org/" + slugify(name),
                                "PoliceDepartment", "pattern:local-police", 0.8, 1, label=label)
    if "ity of" in s:
        for m in CITY.finditer(s):
            label = "City of " + " ".join(m.group("name").split())
            yield Candidate(offset + m.start(), offset + m.end(), "org/" + slugify(label),
                            "GovernmentBody", "pattern:city", 0.8, 1, label=label)
    if LIST_WORD.search(s):
        for m in SUCH_AS.finditer(s):
            yield from _firm_list(m, offset)
        for m in CIVIL_LIST.finditer(s):
            yield from _civil_list(m, offset)
    if "," in s and FIRM_WORD.search(s):
        for m in FIRM_APPOSITIVE.finditer(s):
            if ROLE_AT_DEFINITE.search(m.group()) or ROLE_AT.search(m.group("desc")):
                continue  # "Marta Kowal, a partner at the Warsaw firm ...": a person
            if _is_city(m.group("org")) and PLACE_PREPOSITION.search(s, 0, m.start("org")):
                continue  # "Founded in 1998 and based in Oslo, the company employs ...": a place
            country = _country_in(m.group("desc"))
            yield from _org(m, "org", offset, "pattern:firm-appositive", "Firm",
                            (("country", country),) if country else (), single_word=True)
    if ORG_WORD.search(s):
        yield from _shaped_orgs(s, offset)


def _introduced_names(s: str, offset: int, has_role: bool) -> Iterator[Candidate]:
    """Names introduced by what is said of them: an interview's "X has been <role> of Y", a
    subsidiary's owner, a name after "X-based", a person held by police, a party before its member's
    title and a public body named in a Romance language (each gated by a cheap keyword test)."""
    if has_role and (" is " in s or " was " in s or " been " in s or " bec" in s or " serve" in s):
        for m in PERSON_HOLDS_ROLE.finditer(s):
            if not any(w.lower() in ORG_TAIL_WORDS or w.lower() in ORG_LAST_WORDS for w in m.group("person").split()):
                yield from _person(m, "person", offset, "pattern:holds-role")  # not "Open Data Lab is a member of"
    if " of " in s and ("ffiliate" in s or "ubsidiary" in s or "off" in s):
        for m in SUBSIDIARY_OF.finditer(s):
            yield from _org(m, "org", offset, "pattern:subsidiary-of", "Firm", single_word=True, confidence=0.75)
    if "-based" in s or "-headquartered" in s or "-registered" in s or "-listed" in s:
        for m in BASED_NAME.finditer(s):
            if _is_country_word(m.group("place")) or _is_city(m.group("place")):
                yield from _org(m, "org", offset, "pattern:based-name", "Firm", single_word=True, confidence=0.7)
    for m in (HELD_PERSON.finditer(s) if HELD_WORD.search(s) else ()):
        if not _is_city(m.group("person")):  # "arrested Buenos Aires residents": a place's people
            yield from _person(m, "person", offset, "pattern:held-person")
    for m in (PARTY_MEMBER.finditer(s) if PARTY_WORD.search(s) else ()):
        name = m.group("org")
        yield Candidate(offset + m.start("org"), offset + m.end("org"), "org/" + slugify(name), "Organization",
                        "pattern:party", 0.75, 1, label=name)
    for m in (ROMANCE_BODY.finditer(s) if ROMANCE_WORD.search(s) else ()):
        yield from _org(m, "org", offset, "pattern:romance-body", "GovernmentBody", confidence=0.85)


CITY_OWNER = re.compile(r"(?:[Tt]he\s+)?((?:[A-Z][\w-]*\s+)?\S+?)(?:’s|'s)\s+\S")


def _place_owned(org: str) -> bool:
    """"Chennai's Velkam Technologies", "Brazil's Acuris Analytics": a place's possessive before a
    firm's name says where the firm is, no other owner (``_org`` leaves it out of the name)."""
    owner = CITY_OWNER.match(org)  # "Kuala Lumpur's Orbis Ltd": a city's name may have two words
    return (owner is not None and len(re.findall(r"[’']s\s", org)) == 1
            and (_is_country_word(owner.group(1)) or _is_city(owner.group(1))))


def _is_city(word: str) -> bool:
    """Whether a word names a city of GeoNames (imported late: frkg.places imports this module)."""
    from frkg.places import city_index
    return word in city_index()


# "National Security", "Public Security Systems": a public function, not a firm named by its trade.
PUBLIC_FUNCTION = re.compile(r"(?:[Tt]he\s+)?(?:National|Public|Homeland|State|Internal|Border|Cyber|Information|"
                             r"Social|Food|Energy|Human|Computer|Network|Airport|Aviation|Transport|Data|Collective|"
                             r"Regional|Maritime|Health|Financial|Economic|Nuclear|Military)\s")
UNIVERSITY_CITY = re.compile(r"(?:(?<=University)|(?<=Institute)|(?<=College))\s+(?P<city>[A-Z][\w-]+)\b"
                             r"(?!\s+[A-Z]|[’'-])")
ANY_NAME = re.compile(r"(?P<org>.+)", re.S)
# A form or notice's "Label: value" line ("II.1) Official name: X", "Contractor 2: Y SRL, Riga, Latvia"): the
# value is a name on its own, however capitalised the line.
LABELLED_FIELD = re.compile(r"\s*(?:[IVX]+(?:\.\d+)*\)\s*|\d+(?:\.\d+)*\)\s*)?(?P<label>[A-Z][^:\n]{1,80}?):\s+"
                            r"(?:the\s+)?(?=\S)")
# On a header line an institution is followed by its city or a date ("Centre for X, Nairobi | 3 March").
HEADER_NAME_END = re.compile(r"\s*[,|(]")


def _shaped_orgs(s: str, offset: int) -> Iterator[Candidate]:
    """Organisations known by the shape of their names.  Headlines capitalise every word, so on a
    headline-like line only an institution closed by a comma, bar or bracket counts (a report's
    header line), or a labelled field's whole value (see :func:`_header_name`); a trade-named firm
    opened by a public function ("National Security") needs a legal form."""
    headline = _is_headline(s)
    field = LABELLED_FIELD.match(s) if headline and ":" in s else None
    for regex, default in ((ORG_SUFFIXED, "Organization"), (ORG_PREFIXED, "Organization"), (FIRM_SHAPED, "Firm")):
        for m in regex.finditer(s):
            org = m.group("org")
            if headline and not _header_name(s, m, field, regex is FIRM_SHAPED):
                continue
            if regex is FIRM_SHAPED and (re.search(r"[’']s\s", org) and not _place_owned(org)
                                         or PUBLIC_FUNCTION.match(org) and not LEGAL_SUFFIX.search(org)):
                continue
            city = UNIVERSITY_CITY.match(s, m.end()) if regex is ORG_SUFFIXED else None
            if city and _is_city(city.group("city")):  # "Humboldt University Berlin": the city is in the name
                m = ANY_NAME.match(s, m.start("org"), city.end())
            yield from _org(m, "org", offset, "pattern:org-name-shape", default)


def _header_name(s: str, m: re.Match, field: re.Match | None, firm_shaped: bool) -> bool:
    """Whether a name on a headline-like line stands on its own: closed by a comma, bar or bracket, or
    a labelled field's whole value ("Official name: X"); a trade-named firm only with its legal form
    ("X Systems GmbH, Hamburg") or as a field's value ("Contractor 2: X Biometrics, Oslo, Norway")."""
    org = m.group("org")
    known = gz.lookup(org.split()[0]) if firm_shaped else None
    if known is not None and known.entity_type == "Firm":
        return False  # "Contractor: NEC Europe Ltd": the firm the gazetteer knows
    closed = bool(HEADER_NAME_END.match(s, m.end())) or not s[m.end():].strip()
    at_value = field is not None and m.start("org") == field.end() and closed
    if firm_shaped:
        return closed and (bool(LEGAL_SUFFIX.search(org)) or at_value)  # "Vendor Systems Wins Deal": no firm
    return bool(HEADER_NAME_END.match(s, m.end())) or at_value


def _kind_type(kind: str) -> str:
    for word, entity_type in KIND_TYPES:
        if word in kind.lower():
            return entity_type
    return "CivilSocietyOrganization"


def _person(m: re.Match, group: str, offset: int, rule: str) -> Iterator[Candidate]:
    yield from _person_span(m.string, m.start(group), m.end(group), offset, rule)


def _person_span(s: str, start: int, end: int, offset: int, rule: str) -> Iterator[Candidate]:
    """A person named at ``s[start:end]`` (titles before the name left out), unless the name
    is an organisation's, a place's or a known entity's."""
    start, end = _strip_leading_stopwords(s, start, end, TITLE_WORDS)
    name = " ".join(s[start:end].split())
    last = name.split()[-1].lower() if name.split() else ""
    if re.search(r"\b[Tt]he\s+$", s[max(0, start - 4):start]) or last in ORG_LAST_WORDS \
            or last in TITLE_WORDS or last in ORG_TAIL_WORDS or last in ("supervisor", "rapporteur", "ombudsman"):
        return  # "told The Guardian", "European Digital Rights said": not a person
    if " " not in name and re.search(r"\b(?:in|at|from|near|across)\s+$", s[max(0, start - 8):start]):
        return  # "the embassy in Washington said": a place, not a speaker
    entry = gz.lookup(name)
    if entry is not None:
        yield Candidate(offset + start, offset + end, entry.key, entry.entity_type, rule, 0.9, 1)
    elif _valid_person(name):
        yield Candidate(offset + start, offset + end, "person/" + slugify(name), "Person",
                        rule, 0.8, 1, label=name)


# "Singapore-based Kestrel Vision", "Osaka-headquartered Hanshin Electric": where a firm sits is no part of its name.
PLACE_BASED = re.compile(rf"(?:[A-Z][\w.]*\s+){{0,2}}[A-Z][\w.]*-{PLACE_ADJECTIVE}(?:\s+|$)")
# "Golden Delta Technology Co., Ltd.", "Northstar Secure Link Ltd.": legal forms stay out of the key.
LEGAL_SUFFIX = re.compile(r"(?:,?\s+(?:Co|Ltd|Inc|Corp|LLC|LLP|PLC|GmbH|AG|SA|SAS|S\.A\.S|S\.A|Pte|Pvt|Private(?=\s+Limited)|"
                          rf"Limited|Ltda|JSC|{EUROPEAN_FORMS})"
                          r"\b\.?,?)+$")


def _org(m: re.Match, group: str, offset: int, rule: str, default_type: str,
         attributes: tuple = (), single_word: bool = False, confidence: float = 0.8) -> Iterator[Candidate]:
    start, end = _strip_leading_stopwords(m.string, m.start(group), m.end(group))
    based = PLACE_BASED.match(m.string, start, end)
    start = based.end() if based else start
    name = " ".join(m.string[start:end].split())
    if name.endswith(("’s", "'s")):
        name, end = name[:-2], end - 2
    branch = _branch_owner(m.string, start, end)
    if branch:  # "Amnesty's Russia office": the organisation, not a body named "Amnesty's Russia"
        end = start + branch
        name = " ".join(m.string[start:end].split())
    owner = _owner_prefix(name)
    if owner and len(name[owner:].split()) >= 2:
        start += owner
        name = name[owner:]  # "the US Commerce Department's Bureau of Industry and Security": the bureau
    country = re.match(r"(?:the\s+)?(\S+?)(?:’s|'s)?\s+", name)
    city = CITY_OWNER.match(name)
    if city and " " in city.group(1) and _is_city(city.group(1)):
        country = re.match(r"(?:the\s+)?(\S+\s+\S+?)(?:’s|'s)\s+", name)  # "Buenos Aires's X"
    possessive = country is not None and ("’" in country.group() or "'" in country.group())
    if country and (_is_country_word(country.group(1)) or possessive and _is_city(country.group(1))):
        rest = name[country.end():]
        if "’" in country.group() or "'" in country.group() or gz.lookup(rest):
            start += country.end()
            name = rest
    legal = LEGAL_SUFFIX.search(name)
    if legal and legal.start() > 0:
        entity_type = "Firm"  # a legal form says it is a company
        name = name[:legal.start()]
    else:
        entity_type = None
    entry = gz.lookup(name)
    if entry is not None:
        yield Candidate(offset + start, offset + end, entry.key, entry.entity_type, rule, 0.9, 1)
        return
    if not _valid_org(name, single_word or legal is not None):
        return
    entity_type = entity_type or org_type(name, default_type)
    yield Candidate(offset + start, offset + end, "org/" + _org_slug(name), entity_type, rule,
                    confidence, 1, attributes, label=name)


def _org_slug(name: str) -> str:
    """The key slug of a name, the same whichever apostrophe it is typed with ("King's" and "King’s":
    ``kings``, as slugify drops the curly one)."""
    return slugify(re.sub(r"(?<=\w)'(?=s\b)", "’", name))


# "Amnesty's Russia office", "Human Rights Watch's Asia division": a branch of the organisation.
BRANCH_OWNER = re.compile(r"(?:’s|'s)\s+(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*$")
BRANCH_AFTER = re.compile(r"\s+(?:office|branch|bureau|division|chapter|section|unit|desk|programme|program|team)s?\b")


def _branch_owner(s: str, start: int, end: int) -> int:
    """Length of the owner when ``s[start:end]`` is "Owner's Place" followed by "office" (else 0)."""
    owner = BRANCH_OWNER.search(s, start, end) if BRANCH_AFTER.match(s, end) else None
    return owner.start() - start if owner else 0


def _owner_prefix(name: str) -> int:
    """Length of the owner before the last possessive of a name ("FTC's ", "US Commerce
    Department's "), 0 when there is none or the owner is just a country ("Norway's")."""
    owners = list(re.finditer(r"(?:’s|'s)\s+(?=[A-Z])", name))
    if not owners or name.startswith(("College", "University"), owners[-1].end()):
        return 0  # "Queen's University Belfast", "King's College London": a patron, part of the name
    owner = re.sub(r"^the\s+", "", name[:owners[-1].start()])
    return 0 if _is_country_word(owner) else owners[-1].end()


def _administration(m: re.Match, offset: int) -> Iterator[Candidate]:
    name = m.group("name")
    if name.lower() in STOP_WORDS or gz.lookup(name) and gz.lookup(name).entity_type == "Country":
        return
    label = f"{name} administration"
    entry = gz.lookup(label)
    if entry is not None:
        yield Candidate(offset + m.start(), offset + m.end(), entry.key, entry.entity_type,
                        "pattern:administration", 0.9, 1)
        return
    person = gz.lookup(name)
    attrs = (("country", f"country/{person.country}"),) if person and person.country else ()
    yield Candidate(offset + m.start(), offset + m.end(), "org/" + slugify(label), "Administration",
                    "pattern:administration", 0.8, 1, attrs, label=label)


def _firm_list(m: re.Match, offset: int) -> Iterator[Candidate]:
    country = _country_in(m.group("cc") or "")
    attrs = (("country", country),) if country else ()
    base = m.start("list")
    for part in re.finditer(r"[^,]+?(?=\s*,|\s+and\s+|\s+or\s+|$)", m.group("list")):
        name = re.sub(r"^(?:and|or)\s+", "", part.group().strip())
        if not name:
            continue
        start = base + part.start() + part.group().find(name)
        end = start + len(name)
        entry = gz.lookup(name)
        if entry is not None:
            yield Candidate(offset + start, offset + end, entry.key, entry.entity_type,
                            "pattern:such-as", 0.9, 1, attrs)
        elif name.lower() not in STOP_WORDS and name[:1].isupper() and not gz.lookup(name):
            yield Candidate(offset + start, offset + end, "org/" + slugify(name),
                            org_type(name, "Firm"), "pattern:such-as", 0.8, 1, attrs, label=name)


def _civil_list(m: re.Match, offset: int) -> Iterator[Candidate]:
    """Each organisation of a civil-society list, its bracketed acronym left out of the name."""
    for start, name in _list_items(m.group("list"), m.start("list")):
        entry = gz.lookup(name)
        if entry is not None:
            yield Candidate(offset + start, offset + start + len(name), entry.key, entry.entity_type,
                            "pattern:civil-list", 0.9, 1)
        elif _valid_org(name, single_word=True):
            yield Candidate(offset + start, offset + start + len(name), "org/" + slugify(name),
                            "CivilSocietyOrganization", "pattern:civil-list", 0.85, 1, label=name)


def _list_items(listed: str, base: int) -> Iterator[tuple[int, str]]:
    """(offset, name) of each item of "A (ACR), B and C": split at commas and at a final "and",
    except inside a name that has "of"/"for" before its "and" ("Centre for Internet and Society")."""
    pieces, position = [], 0
    for cut in LIST_SPLIT.finditer(listed):
        pieces.append((position, listed[position:cut.start()]))
        position = cut.end()
    pieces.append((position, listed[position:]))
    for start, piece in pieces:
        parts = [piece] if NAME_CONNECTOR.search(piece) else LAST_AND.split(piece)
        for part in parts:
            name = ITEM_TRIM.sub("", part.strip())
            if name:
                yield base + start + piece.find(name), name


def _collectives(base: list[Candidate], text: str) -> Iterator[Candidate]:
    """"Chinese face recognition providers", "US police departments" after a country word."""
    concepts = {c.start: c for c in base if c.entity_type in ("Technology", "Application")}
    bodies: list[tuple[Candidate, re.Match]] = []
    for cand in base:
        if cand.entity_type != "Country":
            continue
        demonym = canonical_demonym(cand.key.split("/")[1])
        attrs = (("country", cand.key),)
        police = POLICE_TAIL.match(text, cand.end)
        if police and police.group().strip() == "police":
            # "(the) Kenyan police": the national force, the body "Kenya's police" names too; "police
            # departments" or "forces" after the country word make the collective below
            yield Candidate(cand.start, police.end(), "org/" + slugify(f"{demonym} police"), "PoliceDepartment",
                            PUBLIC_BODY, 0.8, 1, attrs, label=f"{demonym} police")
            continue
        if police:
            label = f"{text[cand.start:cand.end]} police departments"
            yield Candidate(cand.start, police.end(), "org/" + slugify(f"{demonym} police departments"),
                            "PoliceDepartment", "pattern:police", 0.8, 1, attrs, label=label)
            continue
        government = GOVERNMENT_TAIL.match(text, cand.end) if cand.rule == "demonym" else None
        if government:  # "the Kenyan government": the country acting, not a modifier
            yield Candidate(cand.start, government.end(), cand.key, "Country", "pattern:government", 0.9, 1)
            continue
        body = (DEMONYM_BODY_TAIL if cand.rule == "demonym" else BODY_TAIL).match(text, cand.end)
        if body:
            bodies.append((cand, body))
            continue
        group = GROUP_TAIL.match(text, cand.end)
        if group is None:
            continue
        yield from _group(cand, group, demonym, attrs, concepts)
    yield from _public_bodies(bodies, base, text)


def _public_bodies(bodies: list[tuple[Candidate, re.Match]], base: list[Candidate],
                   text: str) -> Iterator[Candidate]:
    """"France's data protection authority, the CNIL," names the CNIL: every description of that
    country's body of the same kind in the document (the headline's "French privacy watchdog")
    then denotes it; otherwise the description is an entity of its own."""
    named = {c.start: c for c in base if c.entity_type in ("GovernmentBody", "PoliceDepartment")}
    known: dict[tuple[str, str], Candidate] = {}
    for cand, body in bodies:
        appositive = APPOSITIVE_NAME.match(text, body.end())
        acronym = _acronym_body(cand, body, appositive, text) if appositive and appositive.end() not in named else None
        if acronym is not None:
            named[acronym.start] = acronym
            yield acronym
        if appositive and appositive.end() in named:
            known[(cand.key, _body_kind(body.group("body")))] = named[appositive.end()]
    for cand, body in bodies:
        name = known.get((cand.key, _body_kind(body.group("body"))))
        if name is not None:
            yield Candidate(cand.start, body.end(), name.key, name.entity_type, "pattern:public-body", 0.8, 1)
            continue
        demonym = canonical_demonym(cand.key.split("/")[1])
        label = f"{demonym} {' '.join(body.group('body').split())}"
        body_type = "PoliceDepartment" if "police" in label else "GovernmentBody"
        yield Candidate(cand.start, body.end(), "org/" + slugify(label), body_type, "pattern:public-body",
                        0.8, 1, (("country", cand.key),), label=label[0].upper() + label[1:])


def _acronym_body(country: Candidate, body: re.Match, appositive: re.Match, text: str) -> Candidate | None:
    """"Sweden's data protection authority, IMY,": an unknown acronym in apposition names the body."""
    acronym = BODY_ACRONYM.match(text, appositive.end())
    if acronym is None or gz.lookup(acronym.group(1)) is not None:
        return None
    body_type = "PoliceDepartment" if "police" in body.group("body") else "GovernmentBody"
    return Candidate(acronym.start(1), acronym.end(1), "org/" + slugify(acronym.group(1)), body_type, PUBLIC_BODY,
                     0.8, 1, (("country", country.key),), label=acronym.group(1))


def _body_kind(body: str) -> str:
    """Regulators, ministries and police forces are told apart; the wording within a kind varies."""
    for kind in ("police", "ministry"):
        if kind in body:
            return kind
    return "regulator"


def _group(cand: Candidate, group: re.Match, demonym: str, attrs: tuple,
           concepts: dict[int, Candidate]) -> Iterator[Candidate]:
    mid = group.group("mid").split()
    if any(w.lower() in STOP_WORDS for w in mid):
        return
    words = [_concept_label(" ".join(mid))] if mid else []
    end = group.end("noun")
    if group.group("tech"):
        tech = concepts.get(group.start("tech"))
        if tech is not None:
            words.append(gz.entries()[tech.key].label)
            end = tech.end
    label = " ".join([demonym, *words, group.group("noun")])
    yield Candidate(cand.start, end, "group/" + slugify(label), "Group", "pattern:collective",
                    0.8, 1, attrs, label=label)


def _concept_label(words: str) -> str:
    entry = gz.lookup(words)
    return entry.label if entry is not None and entry.entity_type in gz.CONCEPT_TYPES else words


# "Ghana Human Rights Commission": a country's noun before "Human Rights Commission" (no "National",
# no demonym) is how rights NGOs name themselves; statutory bodies are "National Human Rights
# Commission" or "Australian Human Rights Commission".
RIGHTS_COMMISSION = re.compile(r"^(?:[Tt]he\s+)?(?P<place>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+Human\s+Rights\s+"
                               r"Commission$")


# "Main Directorate of Internal Affairs": a post-Soviet city's police headquarters.
INTERNAL_AFFAIRS_POLICE = re.compile(r"\bDirectorate\s+(?:General\s+)?of\s+(?:the\s+)?Internal\s+Affairs\b")
INTERGOVERNMENTAL = re.compile(r"(?:[Tt]he\s+)?(?:UN|U\.N\.|United Nations)\s")


PEOPLE_MEMBERS = re.compile(r"\b(?:Association|Federation|Union|Alliance|Society|Club)\s+of\s+(?:[A-Z][\w-]*\s+){0,2}"
                            r"(?:Supporters|Fans|Residents|Parents|Victims|Families|Citizens|Consumers|Journalists|"
                            r"Tenants|Patients|Students|Users)\b")


def org_type(name: str, default: str = "Organization") -> str:
    """Ontology class of an organisation from the shape of its name ("Council of the
    European Union": the head before "of" decides)."""
    rights = RIGHTS_COMMISSION.match(name)
    if rights and _is_country_word(rights.group("place")) and rights.group("place") not in gz.demonym_index():
        return "CivilSocietyOrganization"
    if INTERNAL_AFFAIRS_POLICE.search(name):
        return "PoliceDepartment"
    if INTERGOVERNMENTAL.match(name):
        return "Organization"  # "UN Human Rights Council": a body of states, no one state's body
    if PEOPLE_MEMBERS.search(name):
        return "CivilSocietyOrganization"  # "Association of Porto Fans": people banded together, no trade body
    if name.endswith((" Association", " Federation")):
        return default  # a trade body, whatever its members make ("... Information Technology ... Association")
    head = re.match(r"(?:[Tt]he\s+)?(?P<head>(?:[A-Z][\w-]*\s+){0,2}?[A-Z][\w-]*)\s+(?:of|for|on)\s", name)
    if head and not head.group("head").endswith(("Center", "Centre", "Institute")):
        for word, entity_type in ORG_TYPE_PATTERNS:
            if word.search(head.group("head")):
                return entity_type
    for word, entity_type in ORG_TYPE_PATTERNS:
        if word.search(name):
            return entity_type
    return default


def _is_country_word(word: str) -> bool:
    entry = gz.lookup(word)
    return word in gz.demonym_index() or (entry is not None and entry.entity_type == "Country")


def _country_in(words: str) -> str | None:
    for word in words.split():
        key = gz.demonym_index().get(word)
        entry = gz.lookup(word)
        if key:
            return key
        if entry is not None and entry.entity_type == "Country":
            return entry.key
    return None


def _strip_leading_stopwords(s: str, start: int, end: int,
                             also: frozenset[str] = frozenset()) -> tuple[int, int]:
    while True:
        m = re.match(r"(\S+)\s+", s[start:end])
        word = m.group(1).lower() if m else ""
        acronym = m is not None and len(m.group(1)) > 1 and m.group(1).isupper()  # "SHARE Foundation"
        if not m or acronym or (word not in STOP_WORDS and word not in NOT_NAMES and word not in also):
            return start, end
        start += m.end()


def _valid_person(name: str) -> bool:
    tokens = [t for t in name.split() if t not in SURNAME_PARTICLES]
    if len(tokens) < len(name.split()) and (len(tokens) < 2 or tokens[0].lower() in INSTITUTION_FIRST_WORDS):
        return False  # "Banco do Brasil", "Rio de Janeiro": an institution or a place, not a "de" surname
    if not tokens or any(t.lower() in STOP_WORDS or t.lower() in NOT_NAMES for t in tokens):
        return False
    return not any(gz.lookup(t) or t in gz.demonym_index() for t in tokens)


# First words of Romance-language institutions and places that a particle follows ("Banco do Brasil").
INSTITUTION_FIRST_WORDS = frozenset({
    "banco", "universidad", "universidade", "università", "ministerio", "ministério", "fundación", "fundação",
    "instituto", "policía", "polícia", "grupo", "compañía", "companhia", "corte", "tribunal", "secretaría",
    "secretaria", "superintendencia", "defensoría", "procuraduría", "fiscalía", "centro", "museo", "casa",
    "puerto", "porto", "rio", "río", "san", "santa", "são", "ciudad", "mar", "los", "las", "port", "cape"})


def _valid_org(name: str, single_word: bool = False) -> bool:
    tokens = [t for t in name.split() if t.lower() not in STOP_WORDS]
    if (len(name.split()) < 2 and not single_word) or not tokens or not re.search(r"[A-Za-z]{2}", name):
        return False  # "In 2019": a year is no name
    if all(_is_country_word(t) for t in tokens):
        return False
    first = tokens[0]
    common = first.lower() in NOT_NAMES and not (len(first) > 1 and first.isupper())
    return not (common or (gz.lookup(name) or None))


def _is_headline(sentence: str) -> bool:
    words = [w for w in sentence.split() if len(w) > 3]
    return (not sentence.rstrip().endswith((".", "!", "?", "”", "\""))
            and bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6)
