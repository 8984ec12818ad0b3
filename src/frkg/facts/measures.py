"""Sanctions, export restrictions and regulations.

A measure is found from its trigger word ("sanctions", "restrictions",
"embargo", "blockade", "Entity List", "fined", "rules", "banned", ...).
Triggers with no target between them form one measure ("rules designed to
restrict").  The imposer is the country or public body before the trigger
(inherited from the previous measure of the sentence: "the US has imposed X
and placed Y"); the administration comes from "the Biden administration" or
"Under president Trump"; targets are the firms and groups the measure is on;
the technology is the one it covers ("chip embargo", "restrictions on
Huawei’s 5G"); the reason is a "used to ...", "for ...", "over ..." phrase.
Measures only talked about ("could take the form of sanctions") are skipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from frkg.entities import entity_for
from frkg.facts.context import COREF_CONFIDENCE, HYPOTHETICAL, Context, fact
from frkg.facts.dates import MONTHS, YEAR, find_date
from frkg.facts.money import amount_values, countries_before
from frkg.identity import slugify
from frkg.model import Fact, Mention

TRIGGERS: tuple[tuple[str, str], ...] = (
    ("Sanction", r"sanction(?:s|ed|ing)?|fined|fines|(?:a|the)\s+fine|penalt(?:y|ies)|reprimand(?:s|ed)?|"
                 r"enforcement notices?|"
                 r"blacklist(?:ed|ing|s)?|asset freezes?|designated"),
    ("ExportRestriction", r"restrict(?:ions?|ed|s|ing)?|embargo(?:es)?|blockade|export controls?|"
                          r"(?:export\s+)?licen[cs]e requirements?|(?:export\s+)?licen[cs]ing requirements?|"
                          r"(?:obtain|get|seek|apply for|needs?|requires?)\s+(?:a|an)\s+(?:export\s+|individual\s+)?"
                          r"(?:licen[cs]e|permit|authori[sz]ation)|"
                          # "the Trade Office refused the licence": one licence refused
                          r"(?:refused|denied|rejected)\s+(?:the|its|their)\s+(?:export\s+)?(?:licen[cs]e|permit)s?\b"
                          r"(?!\s+applications?)|"
                          # "Megvii and Yitu have been listed since 2020": a listing stated as a state, dated
                          r"(?:(?<=\bbeen )|(?<=\bwere )|(?<=\bwas ))listed(?=\s+(?:since|in|on)\s+(?:\d{1,2}\s+)?"
                          r"(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\b)|"
                          # "make such exports subject to a licence"
                          r"subject\s+to\s+(?:a|an)\s+(?:export\s+|individual\s+)?"
                          r"(?:licen[cs]e|permit|authori[sz]ation)|"
                          # a named export rule: "the EU Dual-Use Regulation", "the Export Administration Regulations"
                          r"(?:Dual-Use|Export\s+(?:Administration|Control))\s+Regulations?|"
                          r"(?:export\s+)?permit requirements?|"
                          # "has refused two export licence applications": permits denied case by case
                          r"(?:refused|denied|rejected|turned\s+down)\s+(?:[\w-]+\s+){0,2}?(?:export\s+(?:licen[cs]e|permit)s?"
                          r"(?:\s+applications?)?|(?:licen[cs]e|permit)\s+applications?)|"
                          r"(?:list\s+of\s+)?controlled\s+(?:exports|goods|items)|"
                          r"(?:dual-use\s+)?export\s+(?:control\s+)?regimes?|"
                          r"export bans?|Entity List|banned|bans?|barred|barring|prevents?|prevented|"
                          # "its Restricted Parties List", "the Unverified List": a named trade list
                          # "the Restricted Foreign Surveillance Vendors List" (never "the United States Entity List",
                          # whose country is the imposer)
                          r"(?:(?<=\bits )|(?<=\bthe )|(?<=\btheir ))(?:[A-Z][a-z][\w-]*\s+){0,5}(?!Entity\s)"
                          r"[A-Z][a-z][\w-]*\s+List"),
    ("Regulation", r"(?:(?<=’s )|(?<='s ))(?:[A-Z][\w-]*\s+){1,4}Act|"  # "Kenya's Data Protection Act"
                   r"(?!The\b)(?:[A-Z][a-z][\w-]*\s+){1,3}Regulations?|"  # "the General Data Protection Regulation"
                   r"rules?|regulations?|regulated|laws?(?!\s+enforcement)|ordinances?|ruled|ruling|ordered|"
                   r"prohibit(?:s|ed|ing|ions?)?|"
                   # "France blocked the $1.1bn acquisition of X by Y": a government veto on a deal
                   r"block(?:s|ed)(?=\s+(?:the\s+)?(?:[^\s,;]+\s+){0,3}?(?:takeover|acquisition|buyout)\b)|"
                   # a regulator's finding: "determined that the retailer breached the Privacy Act"
                   r"(?:determined|found|concluded|held|decided)(?=\s+that\s+[^.;]{0,80}?\b(?:breach|violat|"
                   r"contraven|broke|infring|interfered))"),
)
STRENGTH = {"Sanction": 3, "ExportRestriction": 2, "Regulation": 1}
TRIGGER = re.compile(r"\b(?:%s)\b" % "|".join(f"(?P<{k}>{p})" for k, p in TRIGGERS))
IMPOSER_TYPES = ("Country", "GovernmentBody", "Legislature", "Administration", "Organization")
IMPOSING = re.compile(r"\s+(?:have|has|had)?\s*(?:placed|imposed|introduced|passed|adopted|banned|"
                      r"restricted|enacted|approved)\b")
TARGET_TYPES = ("Firm", "Group", "Organization", "ResearchOrganization", "PoliceDepartment")
REASON = re.compile(
    r"\b(?:(?:used|using)\s+(?:to|for|in)\s+[^,;.]+|for\s+(?:their\s+|its\s+)?(?:role|involvement|"
    r"complicity|links?|ties|alleged|part)\b[^,;.]*|over\s+(?:alleged\s+|its\s+|their\s+)?[^,;.]+|"
    r"because\s+[^,;.]+|in connection with\s+[^,;.]+|linked to\s+[^,;.]+|"
    r"(?:implicated|involved)\s+in\s+[^,;.]+|without\s+(?:consent|a legal basis|legal basis)[^,;.]*)")
PRESIDENT = re.compile(r"\b(?:[Uu]nder|[Bb]y)\s+(?:former\s+)?[Pp]resident\s+")
INCLUDING = re.compile(r"\s*,?\s*(?:including|such as|like|among them)\s+")
# A listed member's description before its name: "including the facial recognition developer X".
DESCRIBED_MEMBER = re.compile(r"(?<=\s)(?:the|a|an)\s+(?:[a-z][\w-]*\s+){1,3}$")
THE_COMPANY = re.compile(r"\s*(?:on\s+|against\s+)?(?:the|this|that)\s+(?:company|firm|vendor|provider|startup)\b")
THE_TECHNOLOGY = re.compile(r"\b(?:the|this|such)\s+(?:technology|technologies|tools?|systems?)\b|\bits\s+use\b")
# "was fined", "was placed under sanctions", "has been hit with sanctions", "was added to the Entity List".
PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:(?:[a-z]+ly|also|further|later|then|again)\s+)?"
                            r"(?:(?:placed|put)\s+(?:under|on)\s+|"
                            r"(?:hit|targeted|slapped)\s+with\s+(?:new\s+)?|subject(?:ed)?\s+to\s+|"
                            r"added\s+to\s+(?:the|its|a|an)\s+(?:[\w’'-]+\s+){0,3}?)?$")
# "SenseTime, blacklisted in 2019, signed ...": a participle apposed to the target.
APPOSED_PARTICIPLE = re.compile(r"\s*,\s*(?:(?:which|who)\s+(?:was|were|had been|has been)\s+)?"
                                r"(?:also\s+|itself\s+|already\s+|later\s+)?$")
APPOSED_GROUP = re.compile(r",\s+(?:the|two|three|both|all)\s+(?:[\w-]+\s+){0,4}?")
BY = re.compile(r"\bby\s+(?:the\s+)?")
# "added Hikvision and Dahua to its Entity List": the targets come before the list's name.
ADDED_TO = re.compile(r"\b(?:add(?:s|ed|ing)?\s+(?P<list>.+?)\s+to|(?:put|puts|putting|plac(?:es|ed|ing))\s+"
                      r"(?P<list2>.+?)\s+on)\s+(?:the|its|their|a|an)\s+(?:[\w-]+\s+){0,3}$")
# Named sanctions programmes and trade blacklists.
PROGRAM = re.compile(r"\b(?:Entity List|Specially Designated Nationals(?: (?:and Blocked Persons )?List)?|SDN List|"
                     r"Unverified List|Military End[- ]User List|NS-CMIC List|Global Magnitsky(?: Act)?|"
                     r"Uyghur Forced Labor Prevention Act)\b")
# "The law prohibits ...": a measure referring back to the one described before.
THE_MEASURE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Ii]ts)\s+(?:new\s+|final\s+)?$")
# "The rule also adds three firms to the Entity List": the subject is the measure described before.
SUBJECT_MEASURE = re.compile(r"\s*(?:The|This|That|These|Its)\s+(?:new\s+|final\s+|latest\s+)?(?:rules?|measures?|"
                             r"regulations?|order|decision|ruling|move|action|law|package)\b")
RESTRICTING = re.compile(r"\b(?:prohibit|bans?\b|banned|restrict|bars?\b|barred|forbid|outlaw)")
# "ordered Clearview AI to pay a penalty": an order to pay is a sanction.
TO_PAY = re.compile(r"\s+to\s+pay\b")
# "China called the rule an abuse of export controls", "Beijing condemned the sanctions": a reply
# to a measure named before; the measure words in it state no new measure.
REPLY = re.compile(
    r"\b(?:call(?:s|ed)?|describ(?:es|ed)|denounc(?:es|ed)|condemn(?:s|ed)|critici[sz](?:es|ed)|slamm?(?:s|ed)|"
    r"reject(?:s|ed)|label(?:s|led|ed)|brand(?:s|ed)|dismiss(?:es|ed)|protest(?:s|ed)(?:\s+against)?)\s+"
    r"(?:the|this|these|that|those|its|their)\s+(?:[\w’'-]+\s+){0,2}?(?:rules?|measures?|sanctions|restrictions|"
    r"bans?|decision|move|listing|designations?|law|regulations?|order|fine|curbs|controls|blacklisting)\b[^;.]*")
OWNER_GAP = re.compile(r"(?:’s|'s)?\s+")  # "the US Treasury Department", "the US Entity List"
OPEN_RELATIVE = re.compile(r",\s+(?:which|who|that)\b[^,;]*$")
# "found that X had breached privacy law": the law broken is no new measure.
BROKEN_LAW = re.compile(r"\b(?:breach\w*|violat\w*|contraven\w*|broke|break\w*|infring\w*|"
                        r"compl(?:y|ies|ied|iant|iance)\s+(?:\w+\s+)?with)\s+(?:[\w’'-]+\s+){0,3}?$")
# A ban on using a technology, with no trade in view, regulates its use: "the AI Act bans the use
# of real-time facial recognition", "barred local authorities from using facial recognition".
USE_BAN = re.compile(r"\b(?:use|using|uses|deploy\w*|install\w*)\b")
# "restricts real-time facial recognition at home": a limit on use within the imposer's borders.
DOMESTIC = re.compile(r"[^.;,]{0,60}?\b(?:at home|domestically|within (?:its|their) (?:own )?borders|"
                      r"on its own soil)\b")
# "the Senate voted 40-12 to ban real-time face recognition": a legislature voting a ban makes a law;
# with no trade in view it limits the technology's use.
# "prohibited the €40m takeover of X by (the Chinese firm / Hong Kong's) Y".
TAKEOVER_BY = re.compile(r"\s+(?:the\s+)?(?:[^\s,;]+\s+){0,3}?(?:takeover|acquisition|buyout)\s+of\s+[^;.]{1,80}?"
                         r"\s+by\s+")
OWNER_OPENING = re.compile(r"(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:(?:[A-Z][\w-]*\s+)?[A-Z][\w-]*(?:’s|'s)\s+)?")
# "signed the veto decree on 3 May": the act that put the measure before in force.
ISSUED = re.compile(r"\b(?:issued|signed|published|handed\s+down)\s+(?:the|its|a)\s+(?:[\w-]+\s+){0,2}?"
                    r"(?:order|decision|decree|ruling|notice)\b")
VOTED_TO = re.compile(r"\bvot(?:ed|es|ing)\b[^.;]{0,40}?\bto\s+$")
# "restricts police use of T", "bans the use of T": the use itself is the object.
USE_OBJECT = re.compile(r"\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}?use\s+of\b"
                        r"(?!\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*(?:’s|'s)\s)")  # not "the use of Huawei's 5G"
# "The AI Act, whose ban on ...", "the law bans ...": what a law bans it regulates.
LAW_BEFORE = re.compile(r"\b(?:Act|[Ll]aw|Regulation|Directive)\b[^.;]{0,40}$")
TRADE_WORDS = re.compile(r"\b(?:export\w*|sell\w*|sales?|sold|ship\w*|suppl\w*|trade|licen[cs]\w*|permits?|"
                         r"Entity List|components|chips?|import\w*)\b")
# "Canada is tightening its export controls": a country's own controls need no named target.
# "Norway rewrote its export-licensing rules", "amended its dual-use regulation": its controls redone.
OWN_CONTROLS = re.compile(r"\b(?:tighten\w*|impos\w+|introduc\w+|expand\w*|announc\w+|adopt\w*|strengthen\w*|"
                          r"rewr(?:ote|ite|ites|itten|iting)|revis\w+|overhaul\w*|recast\w*|amend\w*|updat\w+|reform\w*)\s+"
                          r"(?:its|their|new|stricter|tougher|the)\s+(?:new\s+|own\s+)?"
                          r"(?:(?:export|dual-use|trade|control|licen[cs])[\w-]*\s+){0,2}$")
# "Both firms are on a US trade blacklist", "All three companies are on the US Entity List": the
# firms just named.
COLLECTIVE_ON_LIST = re.compile(
    r"\b(?P<det>[Bb]oth|[Aa]ll\s+(?P<n1>two|three|four|five|six|\d)|[Tt]he\s+(?P<n2>two|three|four|five|six|\d))\s+"
    r"(?:firms|companies|vendors|suppliers|manufacturers|makers)\s+(?:are|were|have been|had been|remain)\s+"
    r"(?:already\s+|also\s+|now\s+)?(?:on|listed on|named on|under)\s+(?:a|an|the)\s+")
# "will add facial recognition software to its export control list": items added to its own controls.
OWN_LIST = re.compile(r"\badd(?:s|ed|ing)?\s+[^.;]{1,120}?\s+to\s+(?:its|their)\s+(?:own\s+)?$")
# "exporters will need a permit to ship ...": a licence requirement continues the controls named before.
LICENCE = re.compile(r"licen[cs]|permit")
MEMBERS_AFTER = re.compile(r"[^,;.“”\"]{0,40}?,?\s*(?:including|such as|among them)\s+")
THE_GAP = re.compile(r"\s+(?:the\s+)?")
# "added six foreign companies that make T to its Restricted Parties List", "placed two officials on its
# sanctions list": a listing whose members are counted, not named (yet).
COUNTED_LISTING = re.compile(
    r"\b(?:add(?:s|ed|ing)?|plac(?:es|ed|ing)|put(?:s|ting)?|list(?:s|ed|ing)?)\s+(?P<what>(?:[\w-]+\s+){1,4}?"
    r"(?:companies|firms|entities|individuals|officials|people|persons|organi[sz]ations|vendors|suppliers|officers))\s+"
    r"(?:(?:that|who|which|in|of|from|at|with|for|linked|based|involved)\s+[^.;]{0,100}?\s+)?(?:to|on)\s+"
    r"(?:the|its|their|a|an)\s+(?:[\w’'-]+\s+){0,4}$")
# "Four of the six are Chinese: A, B and C.", "The others are D and E.": members of the listing before.
MEMBERS_NAMED = re.compile(
    r"\s*(?:(?:\w+|\d+)\s+of\s+(?:the|them|those)(?:\s+\w+)?|The\s+(?:others|rest|remaining\s+\w+|\w+\s+others)|"
    r"They|These|Those)\s+(?:are|were|include|included)\b"
    # "The designations, announced under the X Regulations, cover A and B."; "Also listed are C and D."
    r"|\s*(?:The|These|Its|Their)\s+(?:listings?|designations?|sanctions)(?:,[^,;.]{1,100},)?\s+"
    r"(?:cover|covers|include|includes|name|names|target|targets)\b"
    r"|\s*Also\s+(?:listed|designated|sanctioned|named|targeted)\s+(?:are|were)\b")
# "The listings take effect on 1 January 2027": when the measure before starts.
TAKES_EFFECT = re.compile(
    r"\s*(?:The|These|This|Its|Their)\s+(?:new\s+)?(?:listings?|designations?|sanctions|measures?|rules?|"
    r"restrictions|controls|bans?|regulations?|law|curbs|order)\s+(?:will\s+|would\s+)?"
    r"(?:take|takes|took|come|comes|came|enter|enters|entered)\s+(?:effect|into\s+force)\b")
LICENSED_BY = re.compile(r"\b(?:[Ee]very|[Ee]ach|[Aa]ll|[Aa]ny)\s+(?:[\w-]+\s+){0,2}?(?:sales?|exports?|shipments?|deals?|contracts?)\b"
                         r"[^.;]{0,60}?\b(?:is|are|must\s+be|has\s+to\s+be|have\s+to\s+be|needs?\s+to\s+be)\s+"
                         r"(?:licen[cs]ed|approved|authori[sz]ed|cleared)\s+by\s+(?:the\s+)?")
COORDINATED = re.compile(r"\b(?:in\s+(?:coordination|concert|step|lockstep)|jointly|together)\s+with\s+(?:the\s+)?")
PARALLEL = re.compile(r"\b(?:acted|moved)\b|\b(?:parallel|similar|matching|equivalent|identical|coordinated)\s+"
                      r"(?:measures|sanctions|steps|listings|designations|restrictions|controls)\b")
SANCTION_NOUN = re.compile(r"sanctions")
# "designated X and its managing director, Y,": the firm's officer named with it.
OFFICER = re.compile(r"\s*,?\s+and\s+(?:its|their)\s+(?:[\w-]+\s+){0,3}?[\w-]+,?\s+")
FINE = re.compile(r"fine")
# "the dual-use regulation has covered cyber-surveillance items since 2021": controls on a class of goods.
COVERS_ITEMS = re.compile(r"\s+(?:has\s+|have\s+|had\s+|also\s+|now\s+)*(?:cover\w*|appl(?:y|ies|ied)\s+to|"
                          r"control\w*|captur\w*)\s+(?:[\w-]+\s+){0,3}(?:items|goods|products|technolog\w+|"
                          r"equipment|software|systems)\b")
QUANTITY = re.compile(r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s+dozen|"
                      r"more|dozens\s+of|some)\s+")
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# "the Export Control Regulations", "such exports": a rule or trade named without its goods covers the
# technology the story is about.
EXPORT_RULE = re.compile(r"\b(?:Export|Dual-Use)\b")
NAMED_RULE = re.compile(r"[A-Z][\w-]*\s+Regulations?$")
SUCH_EXPORTS = re.compile(r"\b(?:such|these|those)\s+(?:exports|sales|transfers|shipments)\b")
# "We stopped selling to Cuba because of US sanctions": what is negated is the trade, not the measure.
CAUSE = re.compile(r"\b(?:because(?:\s+of)?|due\s+to|owing\s+to)\b")
NOT_ONLY = re.compile(r"\bnot\s+only\b")
# "Sales to Iran would be hard: the EU has banned ...": what follows a colon explains, as a fact.
# "... amendments to Annex I. Article 5 requires ...": a sentence the splitter left joined starts afresh.
EXPLAINED = re.compile(r":\s|(?:(?<=[a-z]{2})|(?<=\b[IVX]))\.\s+(?=[A-Z][a-z])")
# "barred the operator from using face recognition": a use ban, not a trade one ("from using US chips").
FROM_USING = re.compile(r"\bfrom\s+(?:using|deploying|operating|running|installing)\s+(?:the\s+)?(?=[a-z])")
# "The order, dated 3 March,": a document of the measure before, giving its date.
DATED = re.compile(r"\s*(?:The|This|That|Its)\s+(?:resolution|decision|ruling|order|notice|determination|judgment|"
                   r"penalty notice),\s+(?:dated|issued|signed|adopted|made)\s+(?:on\s+)?")
_MONTH = "|".join(m.title() for m in MONTHS)
# A day without its year: "On 9 October", "dated 3 March", "on March 3".
DAY_MONTH = re.compile(rf"\b(?:(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH})|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}}))\b"
                       r"(?!\s*,?\s*\d)")
# "and two of its suppliers, ": members counted before they are named.
COUNTED_GAP = re.compile(r"\s*,?\s*and\s+(?:two|three|four|five|six|\d+)\s+(?:of\s+(?:its|their)\s+|other\s+)?"
                         r"[\w-]+\s*[,:]\s*")
# "and Hong Kong-based X": the place describes the member.
PLACE_BASED = re.compile(r"(?:[A-Z][\w]*\s+){0,2}[A-Z][\w-]*-based\s+$")
TARGET_PREP = re.compile(r"\s*(?:on|against|at|targeting)\s+(?:the\s+)?(?:use\s+of\s+)?$")


@dataclass
class _Measure:
    kind: str
    start: int
    end: int  # end of the trigger group
    window_end: int


def extract(ctx: Context) -> list[Fact]:
    """Measure facts in every sentence; "the law ..." refers back to the last imposer."""
    facts: list[Fact] = []
    for sentence in ctx.sentences:
        previous = next((list(f.roles["imposedBy"]) for f in reversed(facts) if f.roles.get("imposedBy")), [])
        facts += _follow_up(ctx, sentence.index, facts) or _sentence_measures(ctx, sentence.index, previous) \
            or _collective_listed(ctx, sentence.index) or _licensed_by(ctx, sentence.index)
    return facts


def _follow_up(ctx: Context, index: int, found: list[Fact]) -> list[Fact]:
    """A sentence continuing the measure of the two before: its members ("Four of the six are
    Chinese: A, B and C") or its start ("The listings take effect on 1 January 2027")."""
    s = ctx.sentences[index]
    effect = TAKES_EFFECT.match(s.text)
    partners = _partners(ctx, index)
    window = 0 if effect or partners else index - 2  # "The sanctions take effect": the last such measure
    kinds = {"Sanction"} if effect and SANCTION_NOUN.search(effect.group()) else set(STRENGTH)
    before = next((f for f in reversed(found) if window <= f.evidence[0].sentence_index < index
                   and f.kind in kinds), None)
    if before is None:
        return []
    roles = {k: list(v) for k, v in before.roles.items() if k in ("imposedBy", "restrictsTechnology", "targets")}
    if partners:  # "X acted in coordination with A and B, which announced parallel measures"
        return [fact(before.kind, {**roles, "imposedBy": [p.key for p in partners]}, {},  # on the same targets
                     ctx.evidence(index, s.start, partners[-1].end, "measure:coordinated", COREF_CONFIDENCE))]
    dated = DATED.match(s.text)
    if dated:  # "The decision, dated 3 March, ...": the date of the measure before
        date = find_date(ctx.text, s.start + dated.end(), s.end) or _day_month(ctx, s.start + dated.end(), s.end)
        if date and date[1].start() == s.start + dated.end():
            before.values["startDate"] = date[0]
            return [fact(before.kind, roles, {"startDate": date[0]},
                         ctx.evidence(index, s.start, date[1].end(), "measure:dated", COREF_CONFIDENCE))]
    if TAKES_EFFECT.match(s.text):
        date = find_date(ctx.text, s.start, s.end)
        if date:
            before.values.pop("startDate", None)  # the same measure: it starts when it takes effect
        return [fact(before.kind, roles, {"startDate": date[0] if date else None},
                     ctx.sentence_evidence(index, "measure:takes-effect", COREF_CONFIDENCE))] if date else []
    issued = _issued(ctx, index, before, roles)
    if issued is not None:
        return [issued]
    m = MEMBERS_NAMED.match(s.text) if _unnamed_members(before) else None
    members = _members(ctx, index, s.start + m.end()) if m else []
    if not members:
        return []
    return [fact(before.kind, {**roles, "targets": [t.key for t in members]}, {},
                 ctx.evidence(index, s.start, members[-1].end, "measure:members-named", COREF_CONFIDENCE))]


def _issued(ctx: Context, index: int, before: Fact, roles: dict) -> Fact | None:
    """"The Trade Ministry signed the veto decree on 3 May 2025": the body that issued the
    measure of the sentence before (its subject) and the day it did."""
    s = ctx.sentences[index]
    m = ISSUED.search(s.text)
    bodies = [b for b in ctx.in_sentence(index, IMPOSER_TYPES, s.start, s.start + m.start())
              if b.rule != "demonym"] if m else []
    if not bodies or ctx.is_hypothetical(index, s.start + m.start()):
        return None
    date = find_date(ctx.text, s.start + m.end(), s.end) or _day_month(ctx, s.start + m.end(), s.end)
    return fact(before.kind, {**roles, "imposedBy": [bodies[0].key]}, {"startDate": date[0] if date else None},
                ctx.evidence(index, bodies[0].start, date[1].end() if date else s.start + m.end(),
                             "measure:issued", COREF_CONFIDENCE))


def _partners(ctx: Context, index: int) -> list[Mention]:
    """"Japan acted in concert with Norway and the EU, which adopted similar measures": the partners
    imposing the same measure."""
    s = ctx.sentences[index]
    m = COORDINATED.search(s.text) if PARALLEL.search(s.text) else None
    found = [p for p in ctx.in_sentence(index, IMPOSER_TYPES, s.start + m.end()) if p.rule != "demonym"] if m else []
    return _first_run(ctx, found) if found and found[0].start == s.start + m.end() else []


def _licensed_by(ctx: Context, index: int) -> list[Fact]:
    """"every export outside the EU is approved by Finland's Defence Ministry": a licence
    requirement the body imposes on the technology the document is about."""
    s = ctx.sentences[index]
    m = LICENSED_BY.search(s.text) if " by " in s.text else None
    bodies = [b for b in ctx.in_sentence(index, IMPOSER_TYPES, s.start + m.end()) if b.rule != "demonym"] if m else []
    body = bodies[0] if bodies else None
    if body is not None and body.entity_type == "Country" and len(bodies) > 1 \
            and OWNER_GAP.fullmatch(ctx.text, body.end, bodies[1].start):
        body = bodies[1]  # "Sweden's Inspectorate of X": the body, not its country
    last = ctx.last_technology(s.start + m.start()) if body is not None else None
    if last is None or bodies[0].start != s.start + m.end():
        return []
    return [fact("ExportRestriction", {"imposedBy": [body.key], "restrictsTechnology": [last.key]}, {},
                 ctx.evidence(index, s.start + m.start(), body.end, "measure:licensed-by", COREF_CONFIDENCE))]


def _members(ctx: Context, index: int, start: int) -> list[Mention]:
    """The members a follow-up names; people named with their posts ("C, deputy head of the Kazan
    Police") are the members, not the bodies they work for."""
    found = [t for t in ctx.in_sentence(index, TARGET_TYPES + ("Person",), start) if t.rule != "demonym"]
    people = [t for t in found if t.entity_type == "Person"]
    return people or found


def _collective_listed(ctx: Context, index: int) -> list[Fact]:
    """"Both firms are on a US trade blacklist": the last firms named before, on the list the
    sentence names (its kind from the trigger, its imposer the country or body before it)."""
    s = ctx.sentences[index]
    m = COLLECTIVE_ON_LIST.search(s.text) if " on " in s.text or " under " in s.text else None
    trigger = TRIGGER.search(s.text, m.end()) if m else None
    if trigger is None:
        return []
    count = 2 if m.group("det").lower() == "both" else _number(m.group("n1") or m.group("n2"))
    firms = _coordinated_before(ctx, s.start, count) or \
        list(dict.fromkeys(x.key for x in ctx.mentions if x.entity_type == "Firm" and x.end <= s.start))
    imposer = [x.key for x in ctx.in_sentence(index, IMPOSER_TYPES, s.start + m.end(), s.start + trigger.start())]
    if len(firms) < count or not imposer:
        return []
    program = PROGRAM.search(s.text, m.end())
    date = find_date(ctx.text, s.start + trigger.end(), s.end)
    reason = REASON.search(ctx.text, s.start + trigger.end(), s.end)
    return [fact(trigger.lastgroup or "Sanction", {"imposedBy": imposer[-1:], "targets": firms[-count:]},
                 {"program": program.group() if program else None, "startDate": date[0] if date else None,
                  "reason": " ".join(reason.group().split()).rstrip(" ,;") if reason else None},
                 ctx.evidence(index, s.start + m.start(), s.start + trigger.end(), "measure:collective-listed",
                              COREF_CONFIDENCE))]


def _coordinated_before(ctx: Context, end: int, count: int) -> list[str]:
    """The last ``count`` firms named together ("from Megvii and Yitu") before ``end``: "both vendors"
    are the pair named as one, not a reseller of theirs named after them."""
    firms = [x for x in ctx.mentions if x.entity_type == "Firm" and x.end <= end]
    for i in range(len(firms) - count, -1, -1):
        run = firms[i:i + count]
        if len({f.key for f in run}) == count and all(
                re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or)\s*(?:the\s+)?", ctx.text[a.end:b.start])
                for a, b in zip(run, run[1:])):
            return [f.key for f in run]
    return []


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _sentence_measures(ctx: Context, index: int, previous: list[str]) -> list[Fact]:
    s = ctx.sentences[index]
    replies = [(s.start + m.start(), s.start + m.end()) for m in REPLY.finditer(s.text)]
    measures = [m for m in _group_triggers(ctx, index) if not any(a <= m.start < b for a, b in replies)
                and not (m.kind == "Regulation" and BROKEN_LAW.search(ctx.text, s.start, m.start))]
    out: list[Fact] = []
    imposer: list[str] = []
    administration: list[str] = []
    previous_end = s.start
    taken: set[str] = set()
    refers_back = False
    for i, measure in enumerate(measures):
        if _hypothetical(ctx, index, measure.start):
            previous_end = measure.end
            continue
        if i == 0 and len(measures) > 1 and SUBJECT_MEASURE.fullmatch(ctx.text, s.start, measure.end):
            refers_back = True  # "The rule also adds X to the Entity List": the rule is the subject
            continue
        passive = _passive(ctx, index, measure, previous_end, previous)
        if passive is not None:
            out.append(passive)
            out += _gapped_listings(ctx, index, passive, measure)
            previous_end = measure.window_end
            continue
        added = ADDED_TO.search(ctx.text, previous_end, measure.start)  # the listed are no imposers
        new_imposer, new_admin = _imposer(ctx, index, previous_end, added.start() if added else measure.start)
        imposer, administration = new_imposer or imposer, new_admin or administration
        confidence = 0.8
        law = NAMED_LAW_SUBJECT.search(ctx.text, previous_end, measure.start)
        if not imposer and law:  # "the AI Act has prohibited the placing on the EU market of ...": its jurisdiction
            imposer = [m.key for m in ctx.in_sentence(index, IMPOSER_TYPES) if m.rule != "demonym"][:1] or previous
            confidence = COREF_CONFIDENCE
        if not imposer and previous and ((THE_MEASURE.search(ctx.text, s.start, measure.start)
                                          and RESTRICTING.search(ctx.text, measure.start, measure.end))
                                         or refers_back or SUBJECT_MEASURE.match(ctx.text, s.start, measure.end)
                                         or LICENCE.search(ctx.text, measure.start, measure.end)):
            imposer, confidence = previous, COREF_CONFIDENCE
        targets = [t for t in _targets(ctx, index, measure, previous_end, taken) if t.key not in imposer]
        targets += _officer(ctx, index, targets)
        technology = _technology(ctx, index, measure, targets)
        if law and not technology:  # what the named law prohibits, anywhere after it in the sentence
            technology = [t.key for t in ctx.in_sentence(index, ("Technology",), measure.end)][:1]
        clause_start = previous_end
        previous_end = max([measure.end] + [t.end for t in targets])
        if not targets and not technology and (OWN_CONTROLS.search(ctx.text, s.start, measure.start)
                                               or OWN_LIST.search(ctx.text, s.start, measure.start)
                                               or NAMED_RULE.search(ctx.text, measure.start, measure.end)
                                               or SUCH_EXPORTS.search(ctx.text, s.start, measure.start)
                                               or law or (new_imposer and _licence_for_exports(ctx, measure))):
            last = ctx.last_technology(measure.start)  # "tightening its export controls": on what it is about
            technology, confidence = ([last.key], COREF_CONFIDENCE) if last else ([], confidence)
        amount = {} if TAKEOVER_BY.match(ctx.text, measure.end) else \
            amount_values(ctx.text, measure.start, s.end, countries_before(ctx.mentions, s.end))  # no deal's price
        counted = COUNTED_LISTING.search(ctx.text, s.start, measure.start)  # members named later, if at all
        fine = measure.kind == "Sanction" and bool(amount) and FINE.search(ctx.text, measure.start, measure.end)
        if counted and not targets:
            targets = [_counted_group(ctx, index, counted)]
            technology = technology or [t.key for t in ctx.in_sentence(index, ("Technology",), counted.start(),
                                                                       measure.start)]
        if (fine or COVERS_ITEMS.match(ctx.text, measure.end)) and not (targets or technology):
            last = ctx.last_technology(s.end)  # "fined the city ...", "the regulation covers surveillance items"
            technology = [last.key] if last else []
        if not imposer or not (targets or technology):
            continue
        taken.update(t.key for t in targets)
        reason, reason_span = _reason(ctx, measure)
        affected = [g.key for g in ctx.in_sentence(index, ("Group",), *reason_span)] if reason_span else []
        date = find_date(ctx.text, measure.start, measure.window_end) \
            or (_last_date(ctx, clause_start, measure.start) if i > 0 else None) \
            or find_date(ctx.text, s.start, s.end) or _day_month(ctx, s.start, s.end)
        end = max([measure.end] + [t.end for t in targets] + [reason_span[1] if reason_span else 0])
        start = min([measure.start] + [t.start for t in targets])
        program = PROGRAM.search(ctx.text, measure.start, measure.window_end) or \
            (PROGRAM.search(ctx.text, s.start, s.end) if len(measures) == 1 else None)  # this measure's list
        kind = "Sanction" if measure.kind == "Regulation" and TO_PAY.match(ctx.text, end) else measure.kind
        kind = "Regulation" if kind == "ExportRestriction" and _use_ban(ctx, index, measure) and (
            not any(t.entity_type == "Firm" for t in targets)
            or FROM_USING.search(ctx.text, measure.end, measure.window_end)) else kind
        out.append(fact(kind,
                        {"imposedBy": imposer, "administration": administration,
                         "targets": [t.key for t in targets], "restrictsTechnology": technology,
                         "affectedGroup": affected},
                        {"reason": reason, "startDate": date[0] if date else None,
                         "program": program.group() if program else None, **amount},
                        ctx.evidence(index, start, end, f"measure:{slugify(kind)}", confidence)))
    return out


# "the Online Safety Act has prohibited ...": a law named as the subject of the measure's verb.
NAMED_LAW_SUBJECT = re.compile(r"\b(?:[Tt]he|[Ii]ts)\s+(?:[A-Z][\w-]*\s+){1,5}(?:Act|Law|Directive|Code|Ordinance)\s+"
                               r"(?:(?:has|have|had|also|already|now|since\s+then)\s+)*$")
EXPORT_WORD = re.compile(r"\bexport", re.I)
EXPORT_OBJECT = re.compile(r"\s+(?:for|on|of)\s+(?:the\s+|any\s+)?exports?\b")


def _licence_for_exports(ctx: Context, measure: _Measure) -> bool:
    """A licence or authorisation required or refused, in a document about exports, with no goods
    named: it covers the technology the document is about ("refused the licence", "requires an
    authorisation for the export of non-listed items")."""
    return bool(LICENCE.search(ctx.text, measure.start, measure.end) or
                re.search(r"authori[sz]ation", ctx.text[measure.start:measure.end])) \
        and EXPORT_WORD.search(ctx.text) is not None


def _last_date(ctx: Context, start: int, end: int) -> tuple[str, re.Match] | None:
    """The last date in ``text[start:end]``: "since 2018, and in 2022 the US added ...": the later
    measure of a sentence is dated in its own clause."""
    found, position = None, start
    while (date := find_date(ctx.text, position, end)) is not None:
        found, position = date, date[1].end()
    return found


# ", and CloudWalk since 2022": a later target of the same listing with its own date.
GAPPED = re.compile(r",?\s+and\s+")
GAPPED_DATE = re.compile(r"\s+(?:since|in|on)\s+")


def _list_named_before(ctx: Context, index: int) -> list[str]:
    """"X is not on the Commerce Department's Entity List. Y has been listed since 2019": the owner
    of the list the sentence before names (even in a negation) owns the listing."""
    if index == 0:
        return []
    s = ctx.sentences[index - 1]
    for m in TRIGGER.finditer(s.text):
        if m.group().endswith("List"):
            owners = [o for o in ctx.in_sentence(index - 1, IMPOSER_TYPES, s.start, s.start + m.start())
                      if OWNER_GAP.fullmatch(ctx.text, o.end, s.start + m.start()) or
                      re.fullmatch(r"(?:’s|'s)\s+(?:[\w-]+\s+){0,2}", ctx.text[o.end:s.start + m.start()])]
            if owners:
                return [owners[-1].key]
    return []


def _gapped_listings(ctx: Context, index: int, listing: Fact, measure: _Measure) -> list[Fact]:
    """"X and Y have been listed since 2019, and Z since 2021": Z listed from its own date."""
    out: list[Fact] = []
    position = _dated_end(ctx, index, measure.end)
    for target in ctx.in_sentence(index, TARGET_TYPES, measure.end):
        gap = GAPPED.fullmatch(ctx.text, position, target.start) if position and target.start >= position else None
        end = _dated_end(ctx, index, target.end) if gap else None
        if end is None:
            break
        date = find_date(ctx.text, target.end, end)
        roles = {k: list(v) for k, v in listing.roles.items() if k in ("imposedBy", "restrictsTechnology")}
        out.append(fact(listing.kind, {**roles, "targets": [target.key]},
                        {"startDate": date[0], "program": listing.values.get("program")},
                        ctx.evidence(index, target.start, date[1].end(), "measure:gapped-listing", COREF_CONFIDENCE)))
        position = end
    return out


def _dated_end(ctx: Context, index: int, start: int) -> int | None:
    """Where " since 2019" right after ``start`` ends (None without such a date)."""
    when = GAPPED_DATE.match(ctx.text, start)
    date = find_date(ctx.text, when.end(), ctx.sentences[index].end) if when else None
    return date[1].end() if date and date[1].start() == when.end() else None


def _hypothetical(ctx: Context, index: int, position: int) -> bool:
    """Whether the measure at ``position`` is only talked about; a cause ("because of US sanctions")
    is stated whatever is negated before it, and "not only" negates nothing."""
    start = ctx.sentences[index].start
    causes = list(CAUSE.finditer(ctx.text, start, position)) + list(EXPLAINED.finditer(ctx.text, start, position))
    start = max(c.end() for c in causes) if causes else start
    return any(not NOT_ONLY.match(ctx.text, h.start()) for h in HYPOTHETICAL.finditer(ctx.text, start, position))


def _day_month(ctx: Context, start: int, end: int) -> tuple[str, re.Match] | None:
    """A day without its year ("On 9 October") in the year of the story (its date or dateline)."""
    m = DAY_MONTH.search(ctx.text, start, end)
    year = _story_year(ctx) if m else None
    if year is None:
        return None
    month = MONTHS[(m.group("m") or m.group("m2")).lower()]
    return f"{year}-{month:02d}-{int(m.group('d') or m.group('d2')):02d}", m


def _story_year(ctx: Context) -> str | None:
    """The year the story is dated: its published date, else the first year in its opening lines."""
    if ctx.document.published:
        return ctx.document.published[:4]
    opening = ctx.sentences[min(2, len(ctx.sentences) - 1)].end if ctx.sentences else 0
    year = YEAR.search(ctx.text, 0, min(opening, 400))
    return year.group() if year else None


def _unnamed_members(measure: Fact) -> bool:
    """Whether a measure listed members it did not name ("added six companies") or named only some."""
    return measure.evidence[0].rule == "measure:members-named" or \
        any(t.startswith("group/") for t in measure.roles.get("targets", ()))


def _counted_group(ctx: Context, index: int, counted: re.Match) -> Mention:
    """"added six foreign companies to its list": the listed, counted but not named, as a group."""
    what = QUANTITY.sub("", counted.group("what"), count=1).strip()
    key = f"group/{slugify(what)}"
    ctx.add_entity(entity_for(key, "Group", what))
    return Mention(ctx.document.doc_id, index, counted.start("what"), counted.end("what"), counted.group("what"),
                   key, "Group", "measure:counted-listing", COREF_CONFIDENCE)


def _officer(ctx: Context, index: int, targets: list[Mention]) -> list[Mention]:
    """"designated X and its managing director, Y": the person named with the firm."""
    people = ctx.in_sentence(index, ("Person",), targets[-1].end) if targets else []
    return [p for p in people if OFFICER.fullmatch(ctx.text, targets[-1].end, p.start)][:1]


def _use_ban(ctx: Context, index: int, measure: _Measure) -> bool:
    """A ban on using a technology in a sentence that names no trade."""
    s = ctx.sentences[index]
    if EXPORT_RULE.search(ctx.text, measure.start, measure.end) or EXPORT_OBJECT.match(ctx.text, measure.end):
        return False  # "the Dual-Use Regulation" controls trade, as does "an authorisation for the export of"
    if USE_OBJECT.match(ctx.text, measure.end) or LAW_BEFORE.search(ctx.text, s.start, measure.start) \
            or LAW_BEFORE.search(ctx.text, measure.start, measure.end) \
            or DOMESTIC.match(ctx.text, measure.end):
        return True
    if VOTED_TO.search(ctx.text, s.start, measure.start):
        return not TRADE_WORDS.search(ctx.text, s.start, s.end)
    return bool(USE_BAN.search(ctx.text, measure.end, measure.window_end)) \
        and not TRADE_WORDS.search(ctx.text, s.start, s.end)


def _passive(ctx: Context, index: int, measure: _Measure, previous_end: int,
             previous: list[str]) -> Fact | None:
    """"Clearview AI was fined £7.5m by the ICO": target before, imposer after "by".

    Without "by" ("28 entities were blacklisted, including X and Y") the imposer is
    the one of the measure described before (lower confidence); a collective
    target followed by "including ..." is replaced by the members it names.
    """
    targets = _without_apposed(ctx, ctx.in_sentence(index, TARGET_TYPES, previous_end, measure.start))
    if not PASSIVE_BEFORE.search(ctx.text, previous_end, measure.start) and not _apposed(ctx, measure, targets):
        return None
    by = BY.search(ctx.text, measure.end, measure.window_end)
    if by is not None:
        at_by = [m for m in ctx.in_sentence(index, IMPOSER_TYPES) if m.start == by.end()]
        at_by += [m for c in at_by if c.entity_type == "Country"  # "by the US Treasury Department"
                  for m in ctx.in_sentence(index, IMPOSER_TYPES, c.end)
                  if m.entity_type != "Country" and OWNER_GAP.fullmatch(ctx.text, c.end, m.start)]
        found = [m.key for m in sorted(at_by, key=lambda m: m.entity_type == "Country")]  # the body, not its country
        imposers, confidence, end = found[:1], 0.8, by.end()
    else:
        own = [m for m in ctx.in_sentence(index, IMPOSER_TYPES, previous_end, measure.start)
               if OWNER_GAP.fullmatch(ctx.text, m.end, measure.start)]  # "the US Entity List"
        named_before = _list_named_before(ctx, index) if ctx.text.startswith("listed", measure.start) else []
        imposers, confidence, end = ([own[-1].key], 0.8, measure.end) if own else \
            (named_before or previous, COREF_CONFIDENCE, measure.end)
    including = INCLUDING.match(ctx.text, measure.end)
    listed = _first_run(ctx, ctx.in_sentence(index, TARGET_TYPES, including.end())) if including else []
    listed = listed if listed and listed[0].start == including.end() else []
    if not imposers or not (targets or listed):
        return None
    named = listed if listed and (not targets or targets[-1].entity_type == "Group") else _last_run(ctx, targets)
    reason, span = _reason(ctx, measure)
    date = find_date(ctx.text, ctx.sentences[index].start, ctx.sentences[index].end) \
        or _day_month(ctx, ctx.sentences[index].start, ctx.sentences[index].end)
    end = max([end, span[1] if span else 0] + [t.end for t in named])
    program = PROGRAM.search(ctx.text, measure.start, measure.end)
    affected = [g.key for g in ctx.in_sentence(index, ("Group",), *span)] if span else []
    return fact(measure.kind, {"imposedBy": imposers, "targets": [t.key for t in named], "affectedGroup": affected},
                {"reason": reason, "startDate": date[0] if date else None,
                 "program": program.group() if program else None,
                 **amount_values(ctx.text, measure.start, ctx.sentences[index].end,
                                 countries_before(ctx.mentions, measure.start))},
                ctx.evidence(index, (targets or named)[-1].start if targets else measure.start, end,
                     f"measure:{slugify(measure.kind)}-passive",
                             confidence))


def _without_apposed(ctx: Context, targets: list[Mention]) -> list[Mention]:
    """"Hikvision and Dahua, the two largest Chinese camera makers, were blacklisted": a collective
    apposed to the names describes them; the names are the targets."""
    if len(targets) > 1 and targets[-1].entity_type == "Group" and targets[-2].entity_type != "Group" \
            and APPOSED_GROUP.fullmatch(ctx.text, targets[-2].end, targets[-1].start) \
            and ctx.text.startswith(",", targets[-1].end):
        return targets[:-1]
    return targets


def _apposed(ctx: Context, measure: _Measure, targets: list[Mention]) -> bool:
    """"SenseTime, blacklisted in 2019," / "Megvii, which was sanctioned in 2021,": a participle
    right after the target's comma."""
    return bool(targets) and ctx.text[measure.start:measure.end].endswith("ed") and \
        bool(APPOSED_PARTICIPLE.fullmatch(ctx.text, targets[-1].end, measure.start))


def _group_triggers(ctx: Context, index: int) -> list[_Measure]:
    """Triggers with no target or imposer between them are one measure ("rules ... to restrict")."""
    s = ctx.sentences[index]
    parties = ctx.in_sentence(index, TARGET_TYPES + IMPOSER_TYPES)
    measures: list[_Measure] = []
    for m in TRIGGER.finditer(s.text):
        kind = m.lastgroup or "Regulation"
        start, end = s.start + m.start(), s.start + m.end()
        last = measures[-1] if measures else None
        if last and not any(last.end <= p.start < start for p in parties) and start - last.end < 60:
            last.kind = max(last.kind, kind, key=STRENGTH.get)
            last.end = end
            continue
        measures.append(_Measure(kind, start, end, s.end))
    for this, following in zip(measures, measures[1:]):
        this.window_end = following.start
    return measures


# "The Canadian Government has imposed ...": a demonym naming its government stands for the country.
GOVERNMENT_AFTER = re.compile(r"\s+(?:[Ff]ederal\s+)?[Gg]overnment\b")


def _imposer(ctx: Context, index: int, start: int, end: int) -> tuple[list[str], list[str]]:
    found = ctx.in_sentence(index, IMPOSER_TYPES, start, end)
    administration = [m.key for m in found if m.entity_type == "Administration"]
    for m in PRESIDENT.finditer(ctx.text, start, end):
        person = [p for p in ctx.in_sentence(index, ("Person",), m.end(), end) if p.start == m.end()]
        if person:
            administration.append(_administration_of(ctx, person[0]))
    named = [m for m in found if m.entity_type != "Administration"
             and (m.rule != "demonym" or GOVERNMENT_AFTER.match(ctx.text, m.end))]
    named = [m for m in named if not _owned_chamber(ctx, m, named)]
    bodies = [m for m in named if m.entity_type != "Country"]
    imposer = [m.key for m in _last_run(ctx, bodies or named)] if named else []  # "X and Y make ..."
    if not imposer and not administration:
        groups = [g for g in ctx.in_sentence(index, ("Group",), start, end) if IMPOSING.match(ctx.text, g.end)]
        imposer = [groups[-1].key] if groups else []
    if not imposer and administration:
        country = ctx.country_of(administration[0])
        imposer = [country] if country else []
    return imposer, administration


def _owned_chamber(ctx: Context, body: Mention, named: list[Mention]) -> bool:
    """"Chile's Senate voted to ban ...": a chamber known only by its generic name acts for the
    country owning it, which imposes the measure."""
    from frkg import gazetteer as gz

    entry = gz.entries().get(body.key)
    return body.entity_type == "Legislature" and entry is not None and not entry.country and any(
        c.entity_type == "Country" and c.end < body.start and re.fullmatch(r"(?:’s|'s)\s+", ctx.text[c.end:body.start])
        for c in named)


def _administration_of(ctx: Context, person: Mention) -> str:
    """``org/<surname>-administration`` for "under president X"."""
    surname = person.key.split("/", 1)[1].split("-")[-1]
    key = f"org/{surname}-administration"
    entity = entity_for(key, "Administration", f"{surname.title()} administration",
                        _person_country(ctx, person.key))
    ctx.add_entity(entity)
    return key


def _person_country(ctx: Context, key: str) -> dict:
    from frkg import gazetteer as gz
    entry = gz.entries().get(key)
    return {"country": f"country/{entry.country}"} if entry and entry.country else {}


# "licence requirements on exports of cameras to Russia", "barred firms from selling chips to
# Huawei": the destination of the restricted trade is the measure's target.
DESTINATION = re.compile(r"\b(?:exports?|exporting|sell|selling|sales?|supply|supplying|ship|shipped|shipping|shipments?|provide|"
                         r"providing|transfers?)\b[^.;]{0,90}?\bto\s+(?!be\b)(?:the\s+)?"
                         # "to 14 countries, including Iran, Belarus and Myanmar": the countries named
                         r"(?:(?:\d{1,3}|several|a\s+dozen|[a-z]+)\s+(?:other\s+)?(?:countries|destinations|states),?\s+"
                         r"(?:including|such as|among them)\s+(?:the\s+)?)?")
DESTINATION_TYPES = ("Country", "Firm", "Group", "Organization", "GovernmentBody", "PoliceDepartment")


def _destination(ctx: Context, index: int, measure: _Measure) -> list[Mention]:
    m = DESTINATION.search(ctx.text, measure.start, measure.window_end)
    if m is None or measure.kind != "ExportRestriction":
        return []
    after = [p for p in ctx.in_sentence(index, DESTINATION_TYPES, m.end(), measure.window_end)
             if p.rule != "demonym"]
    if THE_COUNTRY.match(ctx.text, m.end()) and ctx.text[m.start():m.end()].endswith("the "):
        subject = ctx.in_sentence(index, IMPOSER_TYPES, ctx.sentences[index].start, measure.start)[-1:]
        return _country_before(ctx, measure.start, {x.key for x in subject})
    return _first_run(ctx, after) if after and after[0].start == m.end() else []


# "has banned the export of monitoring equipment to the country": the country named last before.
THE_COUNTRY = re.compile(r"(?:country|nation)\b")
ON_THE_COUNTRY = re.compile(r"\s+(?:on|against)\s+the\s+(?:country|nation)\b")


def _country_before(ctx: Context, end: int, imposer: set[str]) -> list[Mention]:
    """The last country named (not as a demonym, nor the imposer) before ``end``: "the country"."""
    countries = [c for c in ctx.mentions if c.entity_type == "Country" and c.rule != "demonym" and c.end <= end
                 and c.key not in imposer]
    return countries[-1:]


def _targets(ctx: Context, index: int, measure: _Measure, previous_end: int,
             taken: set[str]) -> list[Mention]:
    destination = _destination(ctx, index, measure) or _acquirer(ctx, index, measure)
    if destination:
        return destination
    reason = REASON.search(ctx.text, measure.end, measure.window_end)  # "over concerns that ... Uyghurs"
    scope_end = reason.start() if reason else measure.window_end
    after = ctx.in_sentence(index, TARGET_TYPES, measure.end, scope_end)
    direct = [c for c in ctx.in_sentence(index, ("Country",), measure.end, scope_end)
              if c.rule != "demonym" and TARGET_PREP.fullmatch(ctx.text[measure.end:c.start])]
    direct += [b for b in ctx.in_sentence(index, ("GovernmentBody",), measure.end, scope_end)  # "fined the
               if THE_GAP.fullmatch(ctx.text, measure.end, b.start)]                         # Municipality of X"
    added = ADDED_TO.search(ctx.text, previous_end, measure.start)
    if added:
        group = "list" if added.group("list") else "list2"
        listed = ctx.in_sentence(index, TARGET_TYPES, added.start(group), added.end(group))
        members = _members_after(ctx, index, measure) if len(listed) == 1 and listed[0].entity_type == "Group" else []
        if listed:
            return members or _first_run(ctx, listed)
        return _members_after(ctx, index, measure) or _described_listed(ctx, index, added, group)
    if after or direct:
        return _first_run(ctx, direct + after)
    if ON_THE_COUNTRY.match(ctx.text, measure.end):  # "imposed sanctions on the country"
        subject = ctx.in_sentence(index, IMPOSER_TYPES, ctx.sentences[index].start, measure.start)[-1:]
        return _country_before(ctx, measure.start, {x.key for x in subject})
    referred = _the_company(ctx, index, measure)
    if referred is not None:
        return [referred]
    before = [t for t in ctx.in_sentence(index, TARGET_TYPES, previous_end, measure.start)
              if t.key not in taken and not OWNER_GAP.fullmatch(ctx.text, t.end, measure.start)]  # not "EU sanctions"
    return _last_run(ctx, before) or _destination_before(ctx, index, measure, previous_end)


GOODS_HEAD = re.compile(r"\b(?:items|goods|products|equipment|technologies|systems|components|chips|cameras|tools|"
                        r"devices|materials|weapons|exports|imports)$")
# "added Belarus's state-owned potash producers and their banks": the listed described, not named.
DESCRIBED_LISTED = re.compile(r"(?:the\s+)?(?:[A-Z][\w-]*(?:’s|'s)\s+)?(?P<what>(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*s)\b")


def _described_listed(ctx: Context, index: int, added: re.Match, group: str) -> list[Mention]:
    """"added Belarus's state-owned potash producers to its sanctions list": a listing whose
    members are only described; the description (a plural noun phrase) is the listed group."""
    m = DESCRIBED_LISTED.match(ctx.text, added.start(group), added.end(group))
    if m is None or QUANTITY.match(m.group("what")) or GOODS_HEAD.search(m.group("what")) \
            or ctx.in_sentence(index, ("Technology", "Application"), m.start("what"), m.end("what")):
        return []  # "added face recognition cameras to its control list": goods; "six firms": counted
    what = m.group("what")
    key = f"group/{slugify(what)}"
    ctx.add_entity(entity_for(key, "Group", what))
    return [Mention(ctx.document.doc_id, index, m.start("what"), m.end("what"), what, key, "Group",
                    "measure:described-listing", COREF_CONFIDENCE)]


def _acquirer(ctx: Context, index: int, measure: _Measure) -> list[Mention]:
    """"prohibited the takeover of X by Y": a veto on an acquisition is aimed at the buyer Y."""
    m = TAKEOVER_BY.match(ctx.text, measure.end)
    found = [f for f in ctx.in_sentence(index, ("Firm",), m.end()) if f.start - m.end() <= 40
             and OWNER_OPENING.fullmatch(ctx.text, m.end(), f.start)][:1] if m else []
    return _first_run(ctx, found) if found else []


def _destination_before(ctx: Context, index: int, measure: _Measure, previous_end: int) -> list[Mention]:
    """"We do not sell to Cuba or Syria, because US sanctions forbid it": the trade the measure
    stops names its targets before it."""
    if measure.kind == "Regulation":
        return []
    found = list(DESTINATION.finditer(ctx.text, previous_end, measure.start))
    after = [p for p in ctx.in_sentence(index, DESTINATION_TYPES, found[-1].end(), measure.start)
             if p.rule != "demonym"] if found else []
    return _first_run(ctx, after) if after and after[0].start == found[-1].end() else []


def _members_after(ctx: Context, index: int, measure: _Measure) -> list[Mention]:
    """"added 14 Chinese entities to its Entity List on Tuesday, including X and Y": the members."""
    m = MEMBERS_AFTER.match(ctx.text, measure.end, measure.window_end)
    after = ctx.in_sentence(index, TARGET_TYPES, m.end(), measure.window_end) if m else []
    return _first_run(ctx, after) if after and after[0].start == m.end() else []


def _first_run(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """The first target and those listed right after it ("Hikvision, Dahua and SenseTime").

    A collective followed by "including X, Y" is replaced by the members it names.
    """
    mentions = sorted(mentions, key=lambda m: m.start)
    run = mentions[:1]
    for m in mentions[1:]:
        gap = DESCRIBED_MEMBER.sub("", ctx.text[run[-1].end:m.start])  # "and the camera maker Tiandy"
        gap = PLACE_BASED.sub("", gap)  # "and Lyon-based X"
        if COUNTED_GAP.fullmatch(gap) and m.entity_type != "Group":  # "X and two of its suppliers, Y and Z"
            run.append(m)
            continue
        if len(run) == 1 and run[0].entity_type == "Group" and m.entity_type != "Group" \
                and (INCLUDING.fullmatch(gap) or re.fullmatch(r"\s*[,:]\s*", gap)):
            run = [m]  # "two Chinese firms, Dahua and Hikvision": the members named
        elif re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or)\s*(?:the\s+)?", gap) and not _opens_clause(ctx, gap, m):
            run.append(m)  # "Japan and the EU"
        else:
            break
    return run


# "... to Ruritania, and the Trade Office will refuse ...": after ", and" a name with its own verb
# opens a new clause; it is no further target.
CLAUSE_VERB = re.compile(r"\s+(?:will|would|has|have|had|is|are|was|were|can|could|may|must|shall|should|said|says|"
                         r"did|does)\b")


def _opens_clause(ctx: Context, gap: str, m: Mention) -> bool:
    """Whether ``m``, after ", and", is the subject of its own verb (see :data:`CLAUSE_VERB`)."""
    return gap.lstrip().startswith(",") and "and" in gap and CLAUSE_VERB.match(ctx.text, m.end) is not None


def _last_run(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """The last target before the trigger and those listed with it ("added X, Y and Z to ...")."""
    run = mentions[-1:]
    for m in reversed(mentions[:-1]):
        gap = ctx.text[m.end:run[0].start]
        if re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or)\s*(?:the\s+)?", gap):
            run.insert(0, m)
        else:
            break
    return run


def _the_company(ctx: Context, index: int, measure: _Measure) -> Mention | None:
    """"fined the company": the firm named last before the measure (lower confidence)."""
    if not THE_COMPANY.match(ctx.text, measure.end):
        return None
    firms = [m for m in ctx.mentions if m.entity_type == "Firm" and m.end <= measure.start]
    return firms[-1] if firms else None


def _technology(ctx: Context, index: int, measure: _Measure, targets: list[Mention]) -> list[str]:
    """Technologies the measure covers: a modifier ("chip embargo") or named in its scope."""
    found = [t for t in ctx.in_sentence(index, ("Technology",), measure.start - 40, measure.start)
             if re.fullmatch(r"\s*(?:export\s+)?", ctx.text[t.end:measure.start])]
    scope_end = measure.window_end
    last = max([measure.end] + [t.end for t in targets])
    later = [p for p in ctx.in_sentence(index, IMPOSER_TYPES + TARGET_TYPES, last, scope_end)
             if p not in targets]
    scope_end = min([scope_end, last + 80] + [p.start for p in later])
    if "," in ctx.text[ctx.sentences[index].start:measure.start] \
            and OPEN_RELATIVE.search(ctx.text, ctx.sentences[index].start, measure.start):
        close = ctx.text.find(",", measure.end, scope_end)  # "X, which is under US sanctions, sold T"
        scope_end = close if close > 0 else scope_end
    scope = ctx.in_sentence(index, ("Technology",), measure.end, scope_end)
    inside_targets = [t for t in scope if any(g.start <= t.start and t.end <= g.end for g in targets)]
    reason = REASON.search(ctx.text, measure.end, measure.window_end)
    scope = [t for t in scope if t not in inside_targets and not (reason and t.start >= reason.start())]
    keys = [t.key for t in found + scope]
    if not keys and THE_TECHNOLOGY.search(ctx.text, measure.end, min(measure.window_end, measure.end + 60)):
        last = ctx.last_technology(measure.start)
        keys = [last.key] if last else []
    return keys


def _reason(ctx: Context, measure: _Measure) -> tuple[str | None, tuple[int, int] | None]:
    m = REASON.search(ctx.text, measure.end, measure.window_end)
    if not m:
        return None, None
    text = " ".join(m.group().split()).rstrip(" ,;")
    return text, (m.start(), m.end())
