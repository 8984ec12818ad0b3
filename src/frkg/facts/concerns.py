"""Human-rights concerns: privacy, surveillance, human rights violations, censorship.

A concern is a concern type named in a sentence that frames it as a risk
("raises privacy concerns", "could lead to greater government surveillance",
"invades citizen’s privacy", "ways to censor web content").  Who raises it is
the subject of "argue/warn/say/highlight" (a group, a person, "the study");
what it is about is the firm and technology named with it; the affected group
is a group of people named in the sentence.
"""
from __future__ import annotations

import re
from collections import Counter

from frkg.coref import pronoun_antecedent
from frkg.entities import entity_for
from frkg.identity import slugify
from frkg.facts.context import COREF_CONFIDENCE, Context, fact
from frkg.facts.measures import REPLY
from frkg.model import Fact, Mention

# Going to court is raising a concern: "filed a lawsuit against X, arguing ...", "sued X over ...".
# "filed suit", "opened an investigation", "announced Friday that her office has opened an inquiry".
LEGAL_ACTION = (r"(?:filed|lodged|brought|launched|submitted)\s+(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+\s+){0,2}?(?:lawsuit|suit|"
                r"complaint|legal challenge|legal action|case|petition)|\bsued\b|\bsues\b|took\s+[^.;,]{1,40}?\s+to\s+court|"
                r"challenged\s+[^.;,]{1,60}?\s+in\s+court|"
                r"(?:opened|launched|began|announced)\s+(?:[^.;]{0,50}?\s+(?:opened|launched|begun)\s+)?an?\s+"
                r"(?:[\w-]+\s+)?(?:investigation|inquiry|probe)\b")
CUE = re.compile(
    r"concern|worr|fear|risk|threat|danger|raise[sd]?\b|lead to|led to|violat|invade|invasion|"
    r"infring|abuse|undermin|erod|argue|warn|critic|protect|harm|unsavory|oppress|persecut|"
    r"repress|censor|proliferation|intrusive|chilling|unlawful|illegal|breach|role in|complicit|"
    r"dangerous|amplif|misidentif|enabl|allow|loophole|\bmass\b|pervasive|invasive|suspicious|profil|"
    r"call(?:s|ed)? on|urg(?:e|es|ed)\b|false (?:match|positive)|wrongful|expos(?:es|ed|ing) \w+ to|"
    r"no (?:specific |clear |legal )?(?:law|legal basis|safeguards)|without (?:any |a )?(?:law|legal basis|safeguards)|"
    r"unregulated|" + LEGAL_ACTION)  # all lower case: searched in the lower-cased sentence (speed)
CUE_ANY_CASE = re.compile(CUE.pattern, re.I)
# The party taken to court is what the concern is about.
DEFENDANT_BEFORE = re.compile(r"(?:\b(?:lawsuit|suit|complaint|case|challenge|action|petition)\s+against|\bsue[sd]?|"
                              r"\btook|\baccus(?:e|es|ed))\s+(?:the\s+)?$")  # the accused too
DEFENDANT_TYPES = ("Firm", "GovernmentBody", "PoliceDepartment", "Legislature")
# "Amnesty's regional office in Nairobi also raised ...": the body's office speaks for it.
OFFICE_OF = r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:office|branch|chapter|section|team|researchers)(?:\s+in\s+[A-Z][\w-]*)?\s+"
RAISE_VERB = re.compile(
    r"\)?\s*(?:,[^,]{1,80},\s*)?"
    r"(?:" + OFFICE_OF + r")?"
    r"(?:(?:on\s+[A-Z][a-z]+day|last\s+(?:week|month|year)|yesterday|earlier this (?:week|month|year))\s+)?"
    r"(?:(?:has|have|had|also|repeatedly|previously|again)\s+)*(?:urge|urges|urged|argue|argues|argued|warn|warns|warned|say|says|said|fear|fears|"
    r"worry|worry|worries|raise|raises|raised|contend|contends|claim|claims|highlight|highlights|"
    r"highlighted|suggest|suggests|suggested|note|notes|noted|criticise|criticize|criticized|"
    r"criticised|call|calls|called|describe|describes|described|condemn|condemns|condemned|"
    r"denounce|denounces|denounced|document|documents|documented|fined|fines|" + LEGAL_ACTION + r")\b")
PEOPLE_GROUP_RULES = ("gazetteer", "pattern:race-group")  # "Indigenous and Black residents"
APPLICATION_CONCERNS = {"application/censorship": ("concern-type/censorship", "censorship")}
RAISER_TYPES = ("Group", "Person", "CivilSocietyOrganization", "ThinkTank", "ResearchOrganization",
                "GovernmentBody", "Organization", "Legislature")
CIVIL_RAISERS = ("CivilSocietyOrganization", "ThinkTank", "ResearchOrganization", "Organization")
STUDY_SUBJECT = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:study|report|paper|research|researchers|analysis)\s*$")
REPRESSION = re.compile(r"\b(?:repress\w*|persecut\w*|oppress\w*|detain\w*|detentions?|intimidat\w*|harass\w*|"
                        r"silenc\w*|jail\w*|imprison\w*|arrest\w*|crack(?:ed|ing)? down on|"
                        r"crackdown on)\b", re.I)
HUMAN_RIGHTS = "concern-type/human-rights-violations"
# "could be used to monitor protesters and journalists": watching named people is surveillance.
WATCHING = re.compile(r"\b(?:monitor(?:s|ed|ing)?|track(?:s|ed|ing)?|spy(?:ing)? on|spie[ds] on|"
                      r"(?:ran|run|runs|checked|searched|matched)\s+(?:the\s+)?(?:faces?|photos?|images?)\s+of|"
                      r"surveil(?:s|led|ling)?|watch(?:es|ed|ing)?|surveillance of|flag(?:s|ged|ging)?)\b", re.I)
# "used facial recognition to identify people who had taken part in peaceful protests": finding
# protesters is surveillance of them, whether or not the sentence names a group.
PROTEST_TRACKING = re.compile(
    r"\b(?:identif(?:y|ies|ied|ying)|track\w*|find|found|hunt\w* down|arrest\w*|pick\w* out)\s+"
    r"(?:people|those|individuals|citizens|participants|demonstrators|protesters|organi[sz]ers)\s+"
    r"(?:who\s+(?:had\s+|have\s+)?(?:taken|took|take|joined|attended|participated)\s+(?:part\s+)?(?:in\s+)?|at\s+|in\s+|of\s+)"
    r"(?:[a-z-]+\s+)?(?:protests?|demonstrations?|rallies|marches|vigils)\b", re.I)
SURVEILLANCE = "concern-type/surveillance"
# How far after "monitor"/"repress" the watched group may start ("monitor ethnic Kazakhs").
OBJECT_REACH = 40
PRONOUN = re.compile(r"\b(?:[Ss]he|[Hh]e)\s*$")
# "a network of privacy organisations", "the privacy watchdog": a concern word naming a body.
DESCRIBES_BODY = re.compile(r"\s+(?:organi[sz]ations?|groups?|watchdogs?|regulators?|authorit(?:y|ies)|"
                            r"commissioners?|campaigners|advocates|NGOs?|charit(?:y|ies)|experts)\b")


# "called on the authorities to stop using T", "urged the ministry to halt the use of T".
CALL_TO_STOP = (r"(?:call(?:s|ed)?\s+on|urg(?:e|es|ed)|press(?:es|ed)?|appeal(?:s|ed)?\s+to)\s+[^.;]{1,60}?\s+to\s+"
                r"(?:stop|halt|end|ban|suspend|cease|abandon|scrap|prohibit|outlaw|drop|withdraw)")
# "X raised concerns about ...", "X criticised ...", "X warned that ...": an explicit act of
# raising a concern, even when the sentence names no concern type.
EXPLICIT = re.compile(r"(?:(?:has|have|had|also|repeatedly|previously|again|strongly|long|separately)\s+)*"
                      r"(?:(?:raised?|raising|expressed|voiced|sounded)\s+(?:[\w-]+\s+){0,2}?(?:concerns?|alarms?|"
                      r"objections?)|critici[sz]ed|condemned|denounced|decried|warned|protested|fear(?:s|ed)?|"
                      r"oppos(?:e|es|ed)|documented|object(?:s|ed)?\s+to|objected|"
                      r"accus(?:e|es|ed)\s+[^.;]{1,60}?\s+of|"  # "have long accused the police of tracking ..."
                      r"fined\s+[^.;]{1,80}?,\s+finding\b|"  # "fined the city ..., finding that it had processed ..."
                      r"(?:was|were|is|are)\s+(?:quick|swift|among the first|the first)\s+to\s+"
                      r"(?:object|protest|criticise|criticize|condemn|complain)|"
                      + LEGAL_ACTION + "|" + CALL_TO_STOP + r")\b")
# "using facial recognition against peaceful protesters": turning it on people is surveillance.
AGAINST_PEOPLE = re.compile(r"\bagainst\s+(?:[a-z]+\s+)?(?:protesters|demonstrators|activists|journalists|dissidents|"
                            r"critics|opponents|minorities)\b", re.I)
# "X (XY), a rights group, filed", "X, which speaks for 4,000 fans, filed": a number's comma is no break.
APPOSITIVE_GAP = re.compile(r"\)?(?:" + OFFICE_OF + r"| |,(?:[^,“”\"]|(?<=\d),(?=\d)){1,80},\s+)")
# "ALD has gone further. Last month it filed a lawsuit": "it" is the body named last before.
IT_EXPLICIT = re.compile(r"\b(?:it|they)\s+(?=(?:(?:has|have|had|also|repeatedly|previously|again|strongly)\s+)*"
                         r"(?:filed|lodged|brought|launched|submitted|sued|took|challenged|critici[sz]ed|condemned))")
COMMA = re.compile(r",\s+")
# "rights groups", "privacy advocates": collectives of organisations speak for people; they are not the affected.
# Nor are collectives of governments ("other cities are in talks with the vendors").
ADVOCATES = re.compile(r"(?:groups?|organi[sz]ations?|advocates|campaigners|NGOs|cities|municipalities|"
                       r"local authorities|city councils|states|governments)$", re.I)
LIST_GAP = re.compile(r"\)?(?:\s*\([A-Z][\w&-]{1,9}\))?\s*(?:,|,?\s*and|,?\s*or)\s*(?:the\s+)?")
# "had not explained how long facial images would be kept or who could access them": an open
# question over keeping or sharing people's images is a privacy concern.
DATA_HANDLING = (r"(?:images?|data|photos?|photographs|records|scans|templates)\s+"
                 r"(?:would|will|could|may|might)\s+be\s+(?:kept|stored|retained|shared|held)|"
                 r"who (?:could|can|may|might|would|will) (?:access|see|use|hold|keep) (?:them|it|the (?:footage|data|images))|"
                 r"(?:data|images?)\s+(?:could|would|might|may)\s+end up with")
# "where tenants' movements are recorded and passed to the landlord": people's movements logged.
MOVEMENTS_LOGGED = (r"(?:movements?|whereabouts|comings and goings)\s+(?:are|were|is|was|being|get|got)\s+(?:\w+\s+)?"
                    r"(?:logged|recorded|tracked|shared|reported|stored)")
# Words that say which kind of concern an untyped one is.
TYPE_WORDS = ((re.compile(r"privacy|personal data|data protection|biometric data|consent|" + DATA_HANDLING, re.I),
               "concern-type/privacy", "privacy"),
              (re.compile(r"\b(?:monitor|track|surveil|spy|watch(?!dog))\w*|" + MOVEMENTS_LOGGED, re.I), SURVEILLANCE,
               "surveillance"),
              (re.compile(r"discriminat|bias|misidentif|racial|false match|wrongly identif|"
                          r"disproportionate(?:ly)?\s+(?:affect|target|harm|burden|hit|impact|effect|share|rate|"
                          r"number)",
                          re.I),
               "concern-type/discrimination",
               "discrimination"))


def extract(ctx: Context) -> list[Fact]:
    """Concern facts for every concern type named in a risk-framing sentence."""
    facts: list[Fact] = []
    untyped, quoted_only = [], []
    # "sanctions on providers of face recognition used to monitor Uyghurs": the measure already
    # names the watched group as affected; that is its reason, not a separate concern.
    measured: dict[int, set[str]] = {}
    for f in ctx.facts:
        for e in f.evidence:
            measured.setdefault(e.sentence_index, set()).update(f.roles.get("affectedGroup", ()))
    for sentence in ctx.sentences:
        concerns = _concern_types(ctx, sentence.index)
        if concerns and _has_cue(ctx, sentence.index):
            found = [_concern(ctx, sentence.index, concern) for concern in concerns]
            facts += [f for f in found if not LEGAL_CRITERION.search(sentence.text)
                      or f.roles.get("raisedBy") or f.roles.get("affectedGroup")]
            continue
        repression = [r for r in _repression(ctx, sentence.index) if r[1].key not in measured.get(sentence.index, ())]
        if repression:
            facts += [_concern(ctx, sentence.index, concern) for concern in repression]
        elif (held := _held_people(ctx, sentence.index)) is not None:
            facts.append(_concern(ctx, sentence.index, held))
        elif concerns and _people_named(ctx, sentence.index):  # "Surveillance of minorities: ... when Uyghurs gather"
            facts += [_concern(ctx, sentence.index, concern) for concern in concerns]
        elif _mentions_protest(sentence.text) and PROTEST_TRACKING.search(sentence.text) \
                and ctx.in_sentence(sentence.index, ("Technology",)):
            ctx.add_entity(entity_for(SURVEILLANCE, "ConcernType", "surveillance"))
            facts.append(_concern(ctx, sentence.index, (SURVEILLANCE, ctx.in_sentence(sentence.index, ("Technology",))[0])))
        elif (targeted := _targeted_people(ctx, sentence.index)) is not None:
            facts.append(targeted)
        elif (harmed := _harm_to_people(ctx, sentence.index)) is not None:
            facts.append(harmed)
        elif (unlawful := _unlawful_processing(ctx, sentence.index)) is not None:
            facts.append(unlawful)
        elif not concerns:
            untyped.append(sentence.index)
        else:  # "“It turns the city into a surveillance zone,” said X": a quote naming the concern
            quoted_only.append(sentence.index)
    named = Counter(m.key for m in ctx.mentions if m.entity_type == "ConcernType"
                    and not ITEM_CLASS.search(ctx.text, max(0, m.start - 8), m.start))
    named.update(k for f in facts for k in f.roles.get("concernType", ()))
    statements: dict[int, list[Fact]] = {}
    for f in ctx.facts:
        if f.kind == "Statement":
            statements.setdefault(f.evidence[0].sentence_index, []).append(f)
    for index in untyped:
        facts += _explicit(ctx, index, named) or _study_finding(ctx, index) \
            or _quoted(ctx, index, named, statements.get(index, [])) or _court_opening(ctx, index, named) \
            or _no_legal_basis(ctx, index, named)
    for index in quoted_only:
        facts += _quoted(ctx, index, named, statements.get(index, []))
    return _merge_continued_quotes(ctx, facts)


# "where the items are or may be intended for use in connection with internal repression": the
# criterion of a rule, quoted; nobody raises a concern by stating it.
LEGAL_CRITERION = re.compile(r"\b(?:is|are)\s+or\s+(?:may|might|could)\s+be\b|\b(?:intended|destined)\s+for\s+use\s+"
                             r"in\s+connection\s+with\b", re.I)


# "used them to identify women who defy the law": a system turned on people who defy a rule or
# the state is watching them; the people are the affected group.
TARGETED_PEOPLE = re.compile(
    r"\b(?:identif(?:y|ies|ied|ying)|track(?:s|ed|ing)?|hunt(?:s|ed|ing)? down|find|locate|punish\w*|"
    r"fine|arrest\w*)\s+(?:the\s+)?(?P<noun>women|girls|men|students|workers|worshippers|believers|"
    r"drivers|users|citizens|people)\s+who\s+(?:[a-z]+\s+)?(?:defy|defied|flout\w*|break|broke|violate\w*|"
    r"ignore\w*|refuse\w*|resist\w*|protest\w*|criticis\w*|criticiz\w*|oppose\w*)\b", re.I)


def _targeted_people(ctx: Context, index: int) -> Fact | None:
    """A surveillance concern over people hunted for defying a rule (see :data:`TARGETED_PEOPLE`)."""
    text = ctx.sentences[index].text
    m = TARGETED_PEOPLE.search(text) if " who " in text else None
    if m is None or ctx.last_technology(ctx.sentences[index].end) is None:
        return None
    noun = m.group("noun").lower()
    group = next((g.key for g in ctx.in_sentence(index, ("Group",))
                  if g.start == ctx.sentences[index].start + m.start("noun")), None)
    if group is None:
        group = "group/" + noun
        ctx.add_entity(entity_for(group, "Group", noun))
    ctx.add_entity(entity_for(SURVEILLANCE, "ConcernType", "surveillance"))
    found = _concern(ctx, index, (SURVEILLANCE, ctx.last_technology(ctx.sentences[index].end)))
    found.roles["affectedGroup"] = tuple(dict.fromkeys(found.roles.get("affectedGroup", ()) + (group,)))
    return found


def _merge_continued_quotes(ctx: Context, facts: list[Fact]) -> list[Fact]:
    """A quote that continues the speaker's quote of the sentence before states the same concern
    again: its evidence joins that concern rather than making a second one."""
    continued = {e.sentence_index for f in ctx.facts if f.kind == "Statement" for e in f.evidence
                 if e.rule == "statement:quote-continuation"}
    out: list[Fact] = []
    for f in facts:
        index = f.evidence[0].sentence_index
        earlier = next((g for g in reversed(out) if g.evidence[-1].rule == "concern:quote"
                        and g.evidence[-1].sentence_index == index - 1
                        and g.roles.get("raisedBy") == f.roles.get("raisedBy")
                        and g.roles.get("concernType") == f.roles.get("concernType")), None) \
            if f.evidence[0].rule == "concern:quote" and index in continued else None
        if earlier is None:
            out.append(f)
        else:
            earlier.evidence.append(f.evidence[0])
    return out


# A statement (most often a direct quote) that is itself the concern:
# "“Every commuter is treated as a suspect,” said X".
WATCHED = r"(?:watched|tracked|monitored|spied on|followed|filmed|scanned)"
WATCHED_PEOPLE = (r"(?:people|citizens|critics|protesters|demonstrators|journalists|activists|everyone|everybody|"
                  r"us|them|passengers|commuters|shoppers|students|residents|workers|minorities|opposition|"
                  r"supporters|dissidents|voters|individuals|children|migrants|(?-i:[A-Z][a-z]+(?:ans|ese|is|ers)))")
QUOTE_CUE = re.compile(
    r"\b(?:(?:treat\w*|regarded|seen|considered) (?:as|like) (?:a |potential )?(?:suspects?|criminals?)|"
    r"without (?:[\w'’]+ ){0,2}(?:knowledge|consent|permission|being (?:asked|told|informed))|"
    r"without (?:the )?(?:state|police|government|authorities|regime|party) (?:knowing|noticing|watching)|"
    rf"(?:being|are|were|is|be|get|got)\s+(?:[a-z]+ly\s+)?{WATCHED}|"
    # "wants to find dissidents": hunting those who speak out
    r"(?:find|locate|unmask)(?:s|ing)?\s+(?:the\s+)?(?:dissidents|critics|protesters|demonstrators|journalists|activists|"
    r"opponents)|"
    rf"(?:(?:track|monitor|watch|spy on|follow|surveil)(?:s|ed|ing)?|identif(?:y|ies|ied|ying))\s+"
    rf"(?:(?:their|its|our|the)\s+(?:own\s+)?)?{WATCHED_PEOPLE}|exposed to (?:tracking|arrest|reprisals)|"
    r"surveillance|abuses? against|" + DATA_HANDLING + "|"
    # "was turned into a suspect", "everybody is a suspect": being made a suspect for being seen
    r"(?:into|as|is|are|be|becomes?|made) (?:a |potential )?suspects?|"
    # "has imprisoned hundreds of students for a post": people jailed for what they said
    r"(?:jail|imprison|detain|arrest)(?:s|ed|ing)?\s+(?:(?:tens|hundreds|thousands|dozens|scores)\s+of\s+)*"
    r"(?:[\d,]+\s+)?(?:people|protesters|demonstrators|journalists|activists|critics|dissidents|opponents|students)|"
    r"hunt(?:s|ed|ing)? down|(?:hijab|veil|dress[- ]code|morality)[- ]enforcement|"
    r"(?:turn(?:s|ed|ing)? up|pointed|aimed)\s+at\s+(?:[\w-]+\s+)?(?:protests|demonstrations|rallies|marches)|"
    # "a permanent record of who attends every protest"
    r"(?:record|log|list|database)s?\s+of\s+(?:who|everyone|everybody)\s+(?:attends?|attended|joins?|joined|"
    r"protests?|protested|marche[sd]|goes|went|visits?|visited)|"
    r"trap|checkpoint|cage|dragnet|panopticon|open-air prison|big brother|police state|dystopi\w*|orwellian|chilling|intrusive|"
    r"invasive|persecut\w*|repress\w*|unlawful\w*|illegal\w*|discriminat\w*|misidentif\w*|wrongful\w*|"
    r"false (?:matches|match|positives|arrests)|wrongly (?:identified|stopped|flagged|arrested|accused)|"
    # "cannot cross the yard without a camera alerting the manager": every step reported
    r"without (?:an? |the )?(?:algorithm|camera|computer|machine|system|app|sensor)s?\s+(?:telling|alerting|informing|"
    r"notifying|reporting|logging|recording|flagging)|"
    # "put a name to every face at a rally", "the right to assemble is meaningless"
    r"put\w*\s+a\s+name\s+to\s+(?:every|each|any)\s+face|"
    r"right to (?:protest|privacy|assembl\w+|free (?:speech|expression)|anonymity)\s+(?:exists only on paper|"
    r"is meaningless|means nothing|no longer exists|is (?:dead|gone|over))|"
    # "Passengers never consented to ...", "nobody asked for their consent", "hand over their faces"
    r"(?:never|nobody|no one)\s+(?:\w+\s+){0,2}?(?:agreed|consented)\s+to|(?:nobody|no one) asked (?:for )?(?:their|our|"
    r"my|your|them|us)|hand(?:s|ed|ing)?\s+over\s+(?:their|our|your|my)\s+(?:faces|biometric\w*|fingerprints))\b", re.I)
# "used to watch Ruritanians": a people watched, named by its plural.
WATCHED_NATION = re.compile(r"\b(?:watch|track|monitor|spy on|surveil|identify|find)\w*\s+(?P<people>[A-Z][a-z]+(?:ans|ese|is))\b")


def _watched_people(ctx: Context, text: str, known: list[str]) -> list[str]:
    """The people a quote says are watched, as a group (``group/<plural>``), unless known already."""
    m = WATCHED_NATION.search(text)
    if m is None:
        return []
    key = "group/" + slugify(m.group("people"))
    if key in known:
        return []
    ctx.add_entity(entity_for(key, "Group", m.group("people")))
    return [key]


# "a suite of surveillance AI tech it can sell": goods named after the harm, not the harm.
GOODS_AFTER = re.compile(r"\s+(?:AI|tech|technology|technologies|cameras?|systems?|products?|equipment|tools?|gear|"
                         r"market|industry|firms?|companies|vendors?|exports?|software)\b", re.I)
JAILED = re.compile(r"(?:jail|imprison|detain|arrest)", re.I)
NEGATED = re.compile(r"\b(?:no|not|never|nothing|without any)\b[^,;]{0,20}$", re.I)
NOT_RAISERS = ("Firm", "PoliceDepartment")
TRADE_KINDS = ("Deal", "Export", "TechnologyUse", "DealStatistic", "Sanction", "ExportRestriction", "Regulation")


def _quoted(ctx: Context, index: int, named: Counter, statements: list[Fact]) -> list[Fact]:
    """A statement whose words name a harm (a quote: "have their faces scanned without consent",
    "every street corner a checkpoint"; reported: "said shoppers had been treated as suspects") is a
    concern raised by its speaker, unless the speaker is a firm or the police (or speaks for one)
    defending the system."""
    out = []
    for f in statements:
        text = str(f.values.get("quotedText", ""))
        cue = QUOTE_CUE.search(text)
        speaker = f.roles["speaker"][0]
        if cue is None or NEGATED.search(text, 0, cue.start()) or _speaks_for(ctx, speaker, NOT_RAISERS, index) \
                or ITEM_CLASS.search(text, max(0, cue.start() - 8), cue.start()) \
                or (cue.group().lower() == "surveillance" and GOODS_AFTER.match(text, cue.end())) \
                or BOUGHT.search(text, max(0, cue.start() - 40), cue.start()) \
                or _judges_a_measure(ctx.sentences[index].text):
            continue
        key = _type_from_words(ctx, text)
        if key is None and JAILED.match(cue.group()):  # "has jailed thousands of people"
            key = HUMAN_RIGHTS
            ctx.add_entity(entity_for(key, "ConcernType", "human rights violations"))
        if key is None and not named:  # the harm words are about watching people
            ctx.add_entity(entity_for(SURVEILLANCE, "ConcernType", "surveillance"))
        key = key or (named.most_common(1)[0][0] if named else SURVEILLANCE)
        last = ctx.last_technology(f.evidence[0].end)
        affected = [m.key for m in ctx.in_sentence(index, ("Group",), f.evidence[0].start, f.evidence[0].end)
                    if m.rule in PEOPLE_GROUP_RULES and m.key != speaker and not ADVOCATES.search(m.text)]
        affected += _watched_people(ctx, text, affected)
        out.append(fact("HumanRightsConcern",
                        {"concernType": [key], "aboutTechnology": [last.key] if last else [],
                         "about": _about(ctx, index), "raisedBy": [speaker], "affectedGroup": affected}, {},
                        ctx.evidence(index, f.evidence[0].start, f.evidence[0].end,
                                     "concern:quote" if f.values.get("isDirectQuote") else "concern:reported",
                                     0.7 if f.values.get("isDirectQuote") else 0.65)))
    return out


# "told state television the sanctions were “illegal and inhumane”": words judging a measure.
MEASURE_PREDICATE = re.compile(r"\b(?:sanctions?|designations?|listings?|ban|restrictions?|measures?|move|decision|"
                               r"fine|ruling|penalt(?:y|ies))\s+(?:were|was|are|is|as)\s+[“\"]")


def _judges_a_measure(text: str) -> bool:
    """Whether the statement quotes what the speaker calls a measure ("the sanctions were “illegal”"):
    a reply to the measure, not a concern over the technology."""
    return ("“" in text or '"' in text) and MEASURE_PREDICATE.search(text) is not None


def _type_from_words(ctx: Context, text: str) -> str | None:
    """The concern type the words of ``text`` name (see :data:`TYPE_WORDS`), registered as an entity."""
    text = ITEM_WORDS.sub(" ", text)  # "cyber-surveillance licences" name goods, not a harm
    for regex, key, label in TYPE_WORDS:
        if regex.search(text):
            ctx.add_entity(entity_for(key, "ConcernType", label))
            return key
    return None


def _speaks_for(ctx: Context, speaker: str, types: tuple[str, ...], index: int) -> bool:
    """Whether the speaker (or the body a person is affiliated with) is of one of ``types``; a firm
    only when it is in the trade (a vendor or user of the document's deals and uses) or named in the
    sentence, not a law firm acting for the people harmed."""
    keys = {speaker, ctx.affiliations.get(speaker, "")}
    traders = _traders(ctx)
    return any(m.key in keys and m.entity_type in types
               and (m.entity_type != "Firm" or m.key in traders or m.sentence_index == index) for m in ctx.mentions)


def _traders(ctx: Context) -> set[str]:
    """Bodies that sell, buy or use the technology in the document's trade and use facts."""
    return {k for f in ctx.facts if f.kind in TRADE_KINDS for role in ("exporter", "importer", "user", "targets")
            for k in f.roles.get(role, ())}


def _explicit(ctx: Context, index: int, named: Counter) -> list[Fact]:
    """"Human Rights Watch has also raised concerns about ...": typed from the sentence's words,
    else from the concern the document is most about (lower confidence)."""
    raisers = [m for m in ctx.in_sentence(index, RAISER_TYPES) if _explicit_after(ctx, index, m)
               and not _replies_to_measure(ctx, m.end)] or _it_raiser(ctx, index)
    if raisers:
        raisers = _listed_before(ctx, index, raisers[0]) + raisers
    else:  # "A Lagos-based privacy group has filed a lawsuit ...", named in the next sentence
        raisers = _named_later(ctx, index, EXPLICIT)
    if not raisers:
        return []
    s = ctx.sentences[index]
    key = _type_from_words(ctx, _without_names(ctx, index)) or _privacy_body(ctx, index)
    confidence = COREF_CONFIDENCE if key is None else 0.7
    if key is None and REPRESSION.search(s.text):  # "has documented 12 arrests": rights abuses
        ctx.add_entity(entity_for(HUMAN_RIGHTS, "ConcernType", "human rights violations"))
        key, confidence = HUMAN_RIGHTS, 0.7
    if key is None and AGAINST_PEOPLE.search(s.text):
        ctx.add_entity(entity_for(SURVEILLANCE, "ConcernType", "surveillance"))
        key, confidence = SURVEILLANCE, 0.7
    if key is None:
        if not named:
            return []
        key = named.most_common(1)[0][0]
    tech = ctx.in_sentence(index, ("Technology",))
    last = ctx.last_technology(s.start)
    technology = [tech[0].key] if tech else ([last.key] if last else [])
    affected = [m.key for m in ctx.in_sentence(index, ("Group",))
                if m.rule in PEOPLE_GROUP_RULES and m.key != raisers[0].key and not ADVOCATES.search(m.text)]
    return [fact("HumanRightsConcern",
                 {"concernType": [key], "aboutTechnology": technology,
                  "about": _about(ctx, index),
                  "raisedBy": [r.key for r in raisers], "affectedGroup": affected}, {},
                 ctx.evidence(index, s.start, s.end, "concern:explicit", confidence))]


def _privacy_body(ctx: Context, index: int) -> str | None:
    """"filed a complaint with the Data Protection Agency": a concern taken to a privacy body is a
    privacy concern."""
    if not any("data-protection" in m.key or "privacy" in m.key for m in ctx.in_sentence(index, ("GovernmentBody",))):
        return None
    ctx.add_entity(entity_for("concern-type/privacy", "ConcernType", "privacy"))
    return "concern-type/privacy"


def _without_names(ctx: Context, index: int) -> str:
    """The sentence with its names blanked ("Human Rights *Watch*" is no watching)."""
    s = ctx.sentences[index]
    words = list(s.text)
    for m in ctx.in_sentence(index):
        words[m.start - s.start:m.end - s.start] = " " * (m.end - m.start)
    return "".join(words)


# "The group has documented at least 12 detentions": the body described names the one named before.
THE_BODY_EXPLICIT = re.compile(r"\b[Tt]he\s+(?:group|organi[sz]ation|network|NGO|watchdog|charity|coalition|"
                               r"association|campaign)\s+")


def _it_raiser(ctx: Context, index: int) -> list[Mention]:
    """The organisation an "it"/"they"/"the group" before an explicit act refers to: the last one
    named in this sentence or the one before, when the act is a legal action or a criticism."""
    s = ctx.sentences[index]
    m = IT_EXPLICIT.search(s.text) if " it " in s.text or " they " in s.text else None
    if m is None or not EXPLICIT.match(ctx.text, s.start + m.end()):
        m = THE_BODY_EXPLICIT.search(s.text) if "he " in s.text else None
    if m is None or not EXPLICIT.match(ctx.text, s.start + m.end()):
        return []
    bodies = [x for i in (index - 1, index) if i >= 0 for x in ctx.in_sentence(i, CIVIL_RAISERS)
              if x.end <= s.start + m.start()]
    return bodies[-1:]


WHEN_ACTED = re.compile(r"(?:on\s+[A-Z][a-z]+day|last\s+(?:week|month|year)|yesterday|this\s+week|"
                        r"earlier\s+this\s+(?:week|month|year))\s+")


def _explicit_after(ctx: Context, index: int, m: Mention) -> bool:
    """An explicit verb right after a name, after its appositive ("X, a civil liberties group,
    criticised"), or after the comma closing a list ("including X and Y, criticised the plan")."""
    gap = APPOSITIVE_GAP.match(ctx.text, m.end, m.end + 90)
    if gap is None and COMMA.match(ctx.text, m.end) and _listed_before(ctx, index, m):
        gap = COMMA.match(ctx.text, m.end)
    if gap is None:
        return False
    when = WHEN_ACTED.match(ctx.text, gap.end())  # "X, which speaks for fans, on Tuesday filed a complaint"
    return EXPLICIT.match(ctx.text, when.end() if when else gap.end()) is not None



def _listed_before(ctx: Context, index: int, last: Mention) -> list[Mention]:
    """The raisers listed before ``last`` ("the Centre for X (CX) and Derechos Digitales opposed")."""
    listed: list[Mention] = []
    for m in reversed([m for m in ctx.in_sentence(index, RAISER_TYPES, end=last.start) if m.end <= last.start]):
        following = listed[0] if listed else last
        if not LIST_GAP.fullmatch(ctx.text[m.end:following.start]):
            break
        listed.insert(0, m)
    return listed


def _replies_to_measure(ctx: Context, position: int) -> bool:
    """"China condemned the sanctions": a government's reply to a measure raises no rights concern."""
    window = ctx.text[position:position + 60]
    reply = REPLY.search(window)
    return reply is not None and not window[:reply.start()].strip(" ,").count(" ") > 3


PASSIVE_GAP = re.compile(r"\s+(?:(?:had|have|has|were|are|was|is)\s+)?(?:been|being|were|are|was|is|got|get)\s+"
                         r"(?:[a-z]+ly\s+)?|"
                         r"\s+(?:(?:still|now|being)\s+)?(?:held|kept|locked\s+up|interned)\s+in\s+")  # "Tibetans held in detention"


def _repression(ctx: Context, index: int) -> list[tuple[str, Mention]]:
    """"used to repress Uyghurs", "used to monitor Tibetans": repressing or watching a named group
    of people is a human-rights concern in itself, with no further risk word needed."""
    text = ctx.sentences[index].text
    groups = [g for g in ctx.in_sentence(index, ("Group",)) if g.rule in PEOPLE_GROUP_RULES]
    if not groups:
        return []
    start = ctx.sentences[index].start
    for regex, key, label in ((REPRESSION, HUMAN_RIGHTS, "human rights violations"),
                              (WATCHING, SURVEILLANCE, "surveillance")):
        # the group is what is repressed or watched: the verb's object, a few words after it
        # (any occurrence of the verb: "Human Rights *Watch* said police monitor Uyghurs")
        if any(0 < g.start - (start + cue.end()) <= OBJECT_REACH or _passive_object(ctx, g, start + cue.start())
               for cue in regex.finditer(text) for g in groups
               if not MEASURE_REASON.search(text, max(0, cue.start() - 40), cue.start())
               and not DENIED.search(text, max(0, cue.start() - 25), cue.start())):
            ctx.add_entity(entity_for(key, "ConcernType", label))
            return [(key, groups[0])]
    return []


# "This is about catching thieves, not about watching voters": a watching denied is no concern.
DENIED = re.compile(r"\b(?:not|never|no)\s+(?:about\s+|for\s+|to\s+be\s+used\s+for\s+)?$", re.I)


def _passive_object(ctx: Context, group: Mention, verb_start: int) -> bool:
    """"140 Tibetans had been detained", "Tibetans held in detention camps": the group is the
    passive verb's subject."""
    return 0 < verb_start - group.end <= 30 and PASSIVE_GAP.fullmatch(ctx.text, group.end, verb_start) is not None


def _mentions_protest(text: str) -> bool:
    """Cheap test before :data:`PROTEST_TRACKING` (speed)."""
    return "protest" in text or "demonstration" in text or "rallies" in text or "march" in text or "vigil" in text


def _people_named(ctx: Context, index: int) -> bool:
    """A group of people (not of organisations) named beside a concern type."""
    return any(g.rule in PEOPLE_GROUP_RULES and not ADVOCATES.search(g.text)
               for g in ctx.in_sentence(index, ("Group",)))


def _has_cue(ctx: Context, index: int) -> bool:
    """A risk word outside the concern's own name ("data *protection* authority" is no cue)."""
    s = ctx.sentences[index]
    spans = [(m.start, m.end) for m in ctx.in_sentence(index, ("ConcernType",))]
    lower = s.text.lower()
    # offsets must stay those of the text; lower-casing changes the length of a few letters ("İ")
    cues = CUE.finditer(lower) if len(lower) == len(s.text) else CUE_ANY_CASE.finditer(s.text)
    return any(not any(a <= s.start + m.start() < b for a, b in spans) for m in cues)


# "under an executive order targeting human rights abusers": the concern names the legal basis of a
# measure, which the measure carries; it is not a concern raised in the sentence.
LEGAL_BASIS = re.compile(r"\b(?:order|regime|act|law|programme|program|authority)\s+(?:targeting|against|on|for)\s+$",
                         re.I)


# "cyber-surveillance items", "anti-surveillance apps": a class of goods named after the harm.
ITEM_CLASS = re.compile(r"\b(?:cyber|anti|counter)-$", re.I)
ITEM_WORDS = re.compile(r"\b(?:cyber|anti|counter)-[\w-]+", re.I)


# "Chile imposes sanctions over surveillance of Tibetans": the reason of a measure, which the measure carries.
MEASURE_REASON = re.compile(r"\b(?:sanctions?|bans?|restrictions?|penalties|fines?|listings?|curbs)\s+(?:over|for)\s+"
                            r"(?:the\s+)?(?:mass\s+)?$", re.I)
# "regimes go shopping for surveillance", "Buying the tools of repression is a symptom": a harm
# named as goods bought is the buyer's demand (a critic's argument), not a concern raised.
BOUGHT = re.compile(r"\b(?:shopping|shop|buy|buys|buying|bought|purchas\w*)\s+(?:for\s+)?(?:the\s+)?"
                    r"(?:[\w-]+\s+of\s+)?$", re.I)


def _concern_types(ctx: Context, index: int) -> list[tuple[str, Mention]]:
    start = ctx.sentences[index].start
    found = [(m.key, m) for m in ctx.in_sentence(index, ("ConcernType",))
             if not DESCRIBES_BODY.match(ctx.text, m.end) and not ITEM_CLASS.search(ctx.text, max(0, m.start - 8), m.start)
             and not LEGAL_BASIS.search(ctx.text, max(start, m.start - 40), m.start)
             and not BOUGHT.search(ctx.text, max(start, m.start - 40), m.start)
             and not MEASURE_REASON.search(ctx.text, max(start, m.start - 40), m.start)]
    for m in ctx.in_sentence(index, ("Application",)):
        if m.key in APPLICATION_CONCERNS:
            found.append((APPLICATION_CONCERNS[m.key][0], m))
    return list({key: (key, m) for key, m in found}.values())


def _concern(ctx: Context, index: int, concern: tuple[str, Mention]) -> Fact:
    key, mention = concern
    if mention.key in APPLICATION_CONCERNS:
        ctx.add_entity(entity_for(key, "ConcernType", APPLICATION_CONCERNS[mention.key][1]))
    tech = ctx.technologies(index)
    if mention.entity_type == "Group":  # "providers of face recognition used to monitor Uyghurs"
        tech = [t for t in tech if t.end <= mention.start][-1:] or tech
    confidence = 0.8
    if tech:
        technology = [tech[0].key]
    else:
        last = ctx.last_technology(ctx.sentences[index].start)
        technology, confidence = ([last.key] if last else []), COREF_CONFIDENCE + 0.1
    raisers = _raised_by(ctx, index)
    about = _about(ctx, index)
    affected = [m.key for m in ctx.in_sentence(index, ("Group",))
                if m.rule in PEOPLE_GROUP_RULES and m.key not in raisers and not ADVOCATES.search(m.text)]
    affected = list(dict.fromkeys(affected + _repressed_people(ctx, index)))
    return fact("HumanRightsConcern",
                {"concernType": [key], "aboutTechnology": technology, "about": about,
                 "raisedBy": raisers or _questioner(ctx, index), "affectedGroup": affected}, {},
                ctx.evidence(index, ctx.sentences[index].start, ctx.sentences[index].end,
                             "concern:cue", confidence))


# "documenting arbitrary detentions of bloggers and trade unionists": the people held.
REPRESSED_OF = re.compile(r"\b(?:detentions?|arrests?|imprisonment|jailing|persecution|harassment|intimidation|"
                          r"killings?|torture|disappearances?)\s+of\s+", re.I)
PLURAL_PEOPLE = re.compile(r"[a-z][\w-]*s$")
# Held for what they are or say, not for a crime: "arbitrary detentions of X", "arrests of bloggers"
# (never "the arrest of 112 fugitives").
ABUSIVE = re.compile(r"\b(?:arbitrary|unlawful|illegal|mass|politically motivated|wrongful|secret|extrajudicial)\s+$",
                     re.I)
SPEAKING_OUT = re.compile(r"(?:journalists|activists|dissidents|protesters|demonstrators|critics|opponents|lawyers|"
                          r"bloggers|defenders|minorities|[A-Z][a-z]+s|supporters|unionists|members|students|worshippers|"
                          r"believers|monks|nuns|clerics|writers|artists|academics)$")


def _held_people(ctx: Context, index: int) -> tuple[str, Mention] | None:
    """"detentions of bloggers and trade unionists" with no group the gazetteer knows: a rights
    concern over the people held (their groups are added by :func:`_concern`)."""
    s = ctx.sentences[index]
    m = REPRESSED_OF.search(s.text) if " of " in s.text else None
    if m is None or ctx.last_technology(s.end) is None or not _repressed_people(ctx, index):
        return None
    ctx.add_entity(entity_for(HUMAN_RIGHTS, "ConcernType", "human rights violations"))
    return HUMAN_RIGHTS, Mention(ctx.document.doc_id, index, s.start + m.start(), s.start + m.end(), m.group(),
                                 HUMAN_RIGHTS, "ConcernType", "concern:held-people", 0.7)


def _repressed_people(ctx: Context, index: int) -> list[str]:
    """The groups of people a sentence says are detained or persecuted (see :data:`REPRESSED_OF`),
    each a known group or a new one named by its words ("opposition supporters")."""
    s = ctx.sentences[index]
    found: list[str] = []
    for m in REPRESSED_OF.finditer(s.text) if " of " in s.text else ():
        listed = PEOPLE_LIST.match(s.text, m.end())
        items = _people_items(listed.group("items")) if listed else []
        rights = ABUSIVE.search(s.text, max(0, m.start() - 25), m.start()) is not None
        if items and all(PLURAL_PEOPLE.search(i) and (rights or SPEAKING_OUT.search(i)) for i in items):
            found += _people_groups(ctx, index, s.start + listed.start("items"), items)
    return found


# A written question to a government: "Question for written answer ... Jana Doe (Greens)".
WRITTEN_QUESTION = re.compile(r"\b(?:[Pp]arliamentary|[Ww]ritten)\s+question|\bQuestion\s+for\s+written\s+answer")
QUESTIONER_REACH = 400  # characters of the heading in which the asking member is named


def _questioner(ctx: Context, index: int) -> list[str]:
    """The member asking a written question raises the concerns its questions state: a sentence
    ending in "?" in a document headed as a parliamentary question, asked by the first person named
    in the heading."""
    s = ctx.sentences[index]
    if not s.text.rstrip().endswith("?") or not WRITTEN_QUESTION.search(ctx.text, 0, QUESTIONER_REACH):
        return []
    people = [m for m in ctx.mentions if m.entity_type == "Person" and m.start < QUESTIONER_REACH]
    return [people[0].key] if people else []


def _about(ctx: Context, index: int) -> list[str]:
    """The firms named with the concern, and whoever is taken to court over it."""
    start = ctx.sentences[index].start
    sued = [m.key for m in ctx.in_sentence(index, DEFENDANT_TYPES)
            if DEFENDANT_BEFORE.search(ctx.text, max(start, m.start - 30), m.start)]
    return list(dict.fromkeys([m.key for m in ctx.in_sentence(index, ("Firm",))] + sued))


def _raised_by(ctx: Context, index: int) -> list[str]:
    s = ctx.sentences[index]
    said = [f.roles.get("speaker", f.roles.get("claimant", ("",)))[0] for f in ctx.facts
            if f.kind in ("Statement", "Claim") and any(e.sentence_index == index for e in f.evidence)]
    if said:  # "Access Now and Privacy International have urged ...": the whole list speaks
        named = [m for m in ctx.in_sentence(index, RAISER_TYPES) if m.key == said[0]]
        return list(dict.fromkeys([m.key for m in _listed_before(ctx, index, named[0])] if named else [])) + said[:1]
    raisers = []
    for m in ctx.in_sentence(index, RAISER_TYPES):
        if RAISE_VERB.match(ctx.text, m.end):  # "X and Y sued ..."
            raisers += [r.key for r in _listed_before(ctx, index, m)] + [m.key]
        elif COMMA.match(ctx.text, m.end) and _listed_before(ctx, index, m) \
                and RAISE_VERB.match(ctx.text, m.end + 1):  # "including X and Y, filed a lawsuit"
            raisers += [r.key for r in _listed_before(ctx, index, m)] + [m.key]
        elif COMMA.match(ctx.text, m.end) and APPOSED_SUBJECT.fullmatch(ctx.text, s.start, m.start) \
                and RAISE_VERB.match(ctx.text, COMMA.match(ctx.text, m.end).end()):
            raisers.append(m.key)  # "The organisers, privacy group X, say ..."
    for verb in re.finditer(RAISE_VERB.pattern.replace(r"\s*(?:,[^,]{1,80},\s*)?", r"\s+"), s.text):
        before = s.text[:verb.start() + 1]
        if STUDY_SUBJECT.search(before) and ctx.study_key:
            raisers.append(ctx.study_key)
        elif PRONOUN.search(before):
            speaker = ctx.last_speaker(s.start + verb.start()) or pronoun_antecedent(
                s.start + verb.start(), ctx.mentions)
            if speaker is not None:
                raisers.append(speaker if isinstance(speaker, str) else speaker.key)
    obtained = OBTAINED_BY.search(s.text) if not raisers and "obtained by" in s.text else None
    raisers += [m.key for m in ctx.in_sentence(index, CIVIL_RAISERS)
                if obtained and m.start == s.start + obtained.end()]
    return list(dict.fromkeys(raisers)) or [m.key for m in _named_later(ctx, index) or _it_raiser(ctx, index)]


# "A Lagos-based digital rights group has sued the ministry ...": a lede that names the raiser
# only in a following sentence ("In its complaint, Paradigm Watch says ...").
INDEFINITE_RAISER = re.compile(r"(?:^|[–—-]\s+)(?:A|An)\s+(?:[\w-]+\s+){0,4}?(?:organi[sz]ation|group|charity|NGO|"
                               r"watchdog|coalition|collective|association|network|campaigners)\b")
LEDE_REACH = 2  # sentences after the lede in which the raiser is named


def _named_later(ctx: Context, index: int, verb: re.Pattern = RAISE_VERB) -> list[Mention]:
    """The organisation an indefinite raiser of a lede is (see :data:`INDEFINITE_RAISER`), when
    ``verb`` follows it: the first one named in the next sentences."""
    s = ctx.sentences[index]
    subject = INDEFINITE_RAISER.search(s.text, 0, 80)
    if subject is None or not verb.match(s.text, subject.end() + 1):
        return []
    later = [m for i in range(index + 1, min(len(ctx.sentences), index + 1 + LEDE_REACH))
             for m in ctx.in_sentence(i, CIVIL_RAISERS)]
    return later[:1]


# "In a petition filed at the High Court on 3 May, Sauti Data asks the court to ...": the body
# going to court, named after the opening phrase, raises the concern.
COURT_OPENING = re.compile(r"^(?:In|Through|With)\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:lawsuit|suit|"
                           r"petition|complaint|legal challenge|case|claim|appeal)\s+(?:it\s+|they\s+)?"
                           r"(?:filed|lodged|brought|submitted|launched)\b")
SUBJECT_AFTER_OPENING = re.compile(r",\s+(?:the\s+)?$")


def _court_opening(ctx: Context, index: int, named: Counter) -> list[Fact]:
    """A concern raised by the body that goes to court (see :data:`COURT_OPENING`), typed from the
    sentence's words, the arrests or detentions it names, or the concern the document is most about."""
    s = ctx.sentences[index]
    opening = COURT_OPENING.match(s.text)
    raisers = [m for m in ctx.in_sentence(index, RAISER_TYPES, s.start + opening.end())
               if SUBJECT_AFTER_OPENING.search(ctx.text, max(s.start, m.start - 8), m.start)] if opening else []
    if not raisers:
        return []
    key = _type_from_words(ctx, _without_names(ctx, index))
    if key is None and REPRESSION.search(s.text):
        key = HUMAN_RIGHTS
        ctx.add_entity(entity_for(key, "ConcernType", "human rights violations"))
    key = key or (named.most_common(1)[0][0] if named else None)
    if key is None:
        return []
    return [_typed(ctx, index, key, [raisers[0].key], "concern:court-opening")]


# "There is no law in Utopia that allows the police to scan faces", "Ruritania has no law governing
# biometric data": the lack of a law over the technology is itself the concern.
NO_LAW = re.compile(r"\b(?:no|without\s+(?:a|any))\s+(?:specific\s+|clear\s+|dedicated\s+|national\s+|legal\s+)?"
                    r"(?:law|laws|legislation|legal\s+(?:basis|framework)|regulations?|rules)\b"
                    r"(?:\s+in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?\s+(?:that\s+|which\s+)?(?:allows?|permits?|"
                    r"authori[sz]es?|govern(?:s|ing)?|regulat(?:es|ing)|cover(?:s|ing)?|protect(?:s|ing)?|limit(?:s|ing)?|"
                    r"restrict(?:s|ing)?|on|for)\b")
NO_LAW_TOPIC = re.compile(r"\b(?:faces?|facial|biometric\w*|cameras?|surveillance|recognition|footage|images?|data|"
                          r"scan\w*|track\w*|monitor\w*|fingerprints?)\b", re.I)


def _no_legal_basis(ctx: Context, index: int, named: Counter) -> list[Fact]:
    """A concern over a use no law governs (see :data:`NO_LAW`), raised by whoever says so."""
    s = ctx.sentences[index]
    lack = NO_LAW.search(s.text) if " no " in s.text or "without" in s.text else None
    if lack is None or not (ctx.technologies(index) or NO_LAW_TOPIC.search(s.text, lack.end())) \
            or ctx.last_technology(s.end) is None:
        return []
    key = _type_from_words(ctx, _without_names(ctx, index)) or (named.most_common(1)[0][0] if named else None)
    if key is None:
        key = "concern-type/privacy"
        ctx.add_entity(entity_for(key, "ConcernType", "privacy"))
    return [_typed(ctx, index, key, _raised_by(ctx, index), "concern:no-legal-basis")]


def _typed(ctx: Context, index: int, key: str, raisers: list[str], rule: str) -> Fact:
    """A concern of type ``key`` read from the whole sentence, about the technology named last."""
    s = ctx.sentences[index]
    tech = ctx.technologies(index) or [ctx.last_technology(s.start)]
    affected = [m.key for m in ctx.in_sentence(index, ("Group",))
                if m.rule in PEOPLE_GROUP_RULES and m.key not in raisers and not ADVOCATES.search(m.text)]
    return fact("HumanRightsConcern",
                {"concernType": [key], "aboutTechnology": [tech[0].key] if tech[0] else [], "about": _about(ctx, index),
                 "raisedBy": raisers, "affectedGroup": affected}, {},
                ctx.sentence_evidence(index, rule, 0.7))


# "The plaintiffs, the consumer group X, say ...": the raiser named as the subject's appositive.
APPOSED_SUBJECT = re.compile(r"(?:The|Its|Their)\s+[a-z][\w\s-]{1,40}?,\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,4}")


# "Records obtained by Access Now show ...": the group that exposed the records raises the concern.
OBTAINED_BY = re.compile(r"\b(?:logs|records|documents|files|e-?mails|data|footage|minutes|contracts)\s+"
                         r"obtained\s+by\s+(?:the\s+)?")


# People named as the object of a harm: "Roma, Sinti and Travellers", "opposition lawyers",
# "the city's 40,000 street vendors" (numbers and possessives before the list are skipped).
_WORD = (r"(?!(?:in|at|on|of|for|with|by|from|across|since|when|who|which|that|the|a|an|and|or|to|before|after|"
         r"during|while|until|because|if|as|into|over|under|through|without|within|than|about|against)\b)[\w-]+")
_ITEM = rf"[A-Za-z][\w-]*(?:['’]s)?(?:\s+{_WORD}){{0,2}}(?:\s+of\s+[A-Z][\w-]*(?:\s+{_WORD})?)?"  # "critics of President Lukashenko"
PEOPLE_LIST = re.compile(
    r"(?:(?:the|its|their|some|about|roughly|nearly|estimated|more than|over|at least|[\w-]+(?:'s|’s)|[\d.,]+|"
    rf"million|thousand|hundreds of|thousands of)\s+)*(?P<items>(?:{_ITEM},\s+)*{_ITEM}(?:,?\s+(?:and|or)\s+{_ITEM})?)")
# Whom a system is turned on: people who speak out or stand apart ("bloggers", "Uyghurs") ...
TARGET_WORDS = r"journalists|activists|dissidents|protesters|demonstrators|critics|opponents|lawyers|bloggers|" \
               r"defenders|minorities|[A-Z][a-z]+s"
TARGET_PEOPLE = re.compile(rf"(?:{TARGET_WORDS})$")
# ... or, for a system "aimed at" them, any people ("seasonal farm workers", "tenants").
PEOPLE_HEAD = re.compile(rf"(?:{TARGET_WORDS}|workers|migrants|refugees|people|residents|citizens|students|women|"
                         r"men|children|worshippers|believers|voters|tenants|vendors|shoppers|customers)$")
ITEM_SPLIT = re.compile(r",?\s+(?:and|or)\s+|,\s+")
# Three ways of saying a system harms named people, with the concern each names:
# "the scanners disproportionately burden Roma and Travellers" (discrimination), "the cameras are
# now aimed at the capital's 30,000 street vendors" or "was used to unmask opposition lawyers and
# bloggers" (surveillance), "how the security forces there handle demonstrators" (rights abuses).
HARMS = (
    (re.compile(r"\bdisproportionately\s+(?:affect|target|harm|burden|hit)\w*\s+", re.I),
     "concern-type/discrimination", "discrimination", None),
    (re.compile(r"\b(?:cameras?|systems?|technology|software|scanners?|tools?|it|them|databases?)\s+(?:(?:are|is|were|"
                r"was|be|being|been|have|has|had|now|increasingly|also|often|mostly|largely)\s+)*"
                r"(?:pointed|aimed|trained|directed|turned)\s+(?:at|on)\s+", re.I),
     SURVEILLANCE, "surveillance", PEOPLE_HEAD),
    (re.compile(r"\b(?:used?|using)\s+(?:it\s+|them\s+|(?:the|its|their|these|those)\s+(?:[\w-]+\s+)?(?:cameras?|"
                r"systems?|software|technology|tools?|network|databases?)\s+|(?:facial|face)\s+recognition\s+)?to\s+"
                r"(?:identify|track|locate|find|hunt down|monitor|trace|"
                r"unmask|single out)\s+", re.I),
     SURVEILLANCE, "surveillance", TARGET_PEOPLE),
    # "would give the army a means to track dissidents": a tool handed over to watch people.
    (re.compile(r"\b(?:an?|the|new|more)\s+(?:[\w-]+\s+)?(?:tools?|means|weapons?|powers?|capacity|ability)\s+to\s+"
                r"(?:monitor|track|identify|watch|spy on|surveil|trace|hunt down|target)\s+", re.I),
     SURVEILLANCE, "surveillance", TARGET_PEOPLE),
    (re.compile(r"\bhow\s+(?:the\s+)?(?:police|authorities|security forces|government|regime|army|military)\s+"
                r"(?:there\s+|here\s+)?(?:treat|handle|deal with|respond to|crack down on)s?\s+", re.I),
     HUMAN_RIGHTS, "human rights violations", PEOPLE_HEAD))


def _harm_to_people(ctx: Context, index: int) -> Fact | None:
    """A concern over named people a system harms (see :data:`HARMS`): the people are the affected
    groups (a group the gazetteer names with the same words, else a new group); the concern is
    about rights abuses when the sentence also names arrests or detentions."""
    s = ctx.sentences[index]
    if any(f.kind == "Statement" and f.values.get("isDirectQuote") and f.evidence[0].sentence_index == index
           for f in ctx.facts):
        return None  # a quote naming the harm is its speaker's concern (:func:`_quoted`)
    if any(f.roles.get("affectedGroup") for f in ctx.facts if f.evidence[0].sentence_index == index):
        return None  # "sanctions on providers of T used to monitor X": the measure's reason, not a concern
    for regex, key, label, heads in HARMS:
        verb = regex.search(s.text)
        listed = PEOPLE_LIST.match(s.text, verb.end()) if verb else None
        items = _people_items(listed.group("items")) if listed else []
        if not items or (heads and not any(heads.search(i.split(" of ")[0]) for i in items)):
            continue
        if key == SURVEILLANCE and REPRESSION.search(s.text):
            key, label = HUMAN_RIGHTS, "human rights violations"
        ctx.add_entity(entity_for(key, "ConcernType", label))
        tech = ctx.last_technology(s.end)
        affected = _people_groups(ctx, index, s.start + listed.start("items"), items)
        raisers = [r for r in _raised_by(ctx, index) or _coordinated_raiser(ctx, index) if r not in affected]
        return fact("HumanRightsConcern",
                    {"concernType": [key], "aboutTechnology": [tech.key] if tech else [], "about": _about(ctx, index),
                     "raisedBy": raisers, "affectedGroup": affected}, {},
                    ctx.evidence(index, s.start, s.end, "concern:harm-to-people", 0.7))
    return None


# "handle demonstrators and rejected the sale": an item after "and" that opens with a verb ends the list.
VERB_OPENING = re.compile(r"^(?:said|says|told|was|were|is|are|has|have|had|did|does|would|will|could|can|then|also|"
                          r"\w+ed)\b")


def _people_items(listed: str) -> list[str]:
    """The items of a list of people, without a clause joined by its last "and"."""
    items = ITEM_SPLIT.split(listed)
    if len(items) > 1 and VERB_OPENING.match(items[-1]) and not PEOPLE_HEAD.search(items[-1]):
        items.pop()
    return items


POSSESSIVE_CAUSE = re.compile(r"[\w-]+['’]s\s")
KIN = re.compile(r"(?:their|his|her|its|our|your)\s", re.I)  # "protesters and their relatives": no group of its own
GENERIC_PEOPLE = re.compile(r"(?:people|persons|individuals|everyone|anyone|others|them|citizens)", re.I)


def _people_groups(ctx: Context, index: int, start: int, items: list[str]) -> list[str]:
    """The group keys of the listed people: a gazetteer group spanning the same words, else a new one."""
    keys = []
    for item in items:
        at = ctx.text.find(item, start)
        start = at + len(item)
        same = [m.key for m in ctx.in_sentence(index, ("Group",)) if m.start == at and m.end == start] or \
            [m.key for m in ctx.in_sentence(index, ("Group",)) if at < m.start and m.end == start
             and POSSESSIVE_CAUSE.match(item)]  # "women's rights activists" are activists
        if same:
            keys.append(same[0])
        elif not GENERIC_PEOPLE.fullmatch(item) and not KIN.match(item):  # "track people": nobody in particular
            keys.append("group/" + slugify(item))
            ctx.add_entity(entity_for(keys[-1], "Group", item))
    return list(dict.fromkeys(keys))


# "X has mapped 80 deployments and has long warned that ...": the subject of the first verb raises.
COORDINATED_RAISE = re.compile(r"\band\s+(?:(?:has|have|had|also|repeatedly|long|often)\s+)*(?:warned|argued|said|"
                               r"cautioned|complained|criticised|criticized)\b")


def _coordinated_raiser(ctx: Context, index: int) -> list[str]:
    """The subject of a sentence whose second verb raises the concern (see :data:`COORDINATED_RAISE`)."""
    s = ctx.sentences[index]
    verb = COORDINATED_RAISE.search(s.text)
    first = ctx.in_sentence(index, RAISER_TYPES, s.start, s.start + verb.start()) if verb else []
    if not first or re.search(r"\b(?:said|says|that|who|which)\b", ctx.text[first[0].end:s.start + verb.start()]):
        return []
    return [first[0].key]


FINDING = re.compile(r"\b(?:found|finds|documented|documents|revealed|reveals|shows|showed|identified|recorded)\b")


def _study_finding(ctx: Context, index: int) -> list[Fact]:
    """"A 2025 report by Tenant Watch found cameras in 30 blocks, where residents' movements are
    logged": what a civil-society group's study finds about a harm is a concern it raises."""
    authors = [a for f in ctx.facts if f.kind == "Study" and f.evidence[0].sentence_index == index
               for a in f.roles.get("authorAffiliation", ())]
    if not authors or not FINDING.search(ctx.sentences[index].text):
        return []
    raisers = [m.key for m in ctx.in_sentence(index, CIVIL_RAISERS) if m.key in authors]
    key = _type_from_words(ctx, _without_names(ctx, index)) if raisers else None
    if key is None:
        return []
    tech = ctx.last_technology(ctx.sentences[index].end)
    return [fact("HumanRightsConcern",
                 {"concernType": [key], "aboutTechnology": [tech.key] if tech else [],
                  "about": _about(ctx, index), "raisedBy": list(dict.fromkeys(raisers)), "affectedGroup": []}, {},
                 ctx.sentence_evidence(index, "concern:study-finding", 0.7))]


# "found that the council had stored residents' facial images without a lawful basis": handling
# people's data without a legal basis or consent is a privacy concern (most often a regulator's finding).
UNLAWFUL_PROCESSING = re.compile(
    r"\b(?:process\w*|collect\w*|stor(?:e|es|ed|ing)|retain\w*|kept|keep\w*|shar(?:e|es|ed|ing)|captur\w*|"
    r"scann\w*|harvest\w*)\s+(?:[\w'’-]+\s+){0,4}?(?:data|images?|faces?|photos?|photographs|templates|biometrics|"
    r"footage|fingerprints)\s+(?:[\w-]+\s+){0,4}?without\s+(?:(?:a|any|the|their|proper|valid|lawful|legal|adequate|"
    r"prior|explicit|informed|sufficient)\s+)*(?:legal basis|lawful basis|consent|authori[sz]ation|legal grounds?|"
    r"justification)", re.I)


def _unlawful_processing(ctx: Context, index: int) -> Fact | None:
    """A privacy concern over data handled without a legal basis (see :data:`UNLAWFUL_PROCESSING`)."""
    s = ctx.sentences[index]
    if "without" not in s.text or not UNLAWFUL_PROCESSING.search(s.text):
        return None
    key = _type_from_words(ctx, s.text) or "concern-type/privacy"
    ctx.add_entity(entity_for(key, "ConcernType", key.split("/")[1]))
    tech = ctx.last_technology(s.end)
    return fact("HumanRightsConcern",
                {"concernType": [key], "aboutTechnology": [tech.key] if tech else [], "about": _about(ctx, index),
                 "raisedBy": _raised_by(ctx, index), "affectedGroup": []}, {},
                ctx.sentence_evidence(index, "concern:unlawful-processing", 0.7))
