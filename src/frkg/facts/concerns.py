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
from frkg.facts.context import COREF_CONFIDENCE, Context, fact
from frkg.facts.measures import REPLY
from frkg.model import Fact, Mention

CUE = re.compile(
    r"concern|worr|fear|risk|threat|danger|raise[sd]?\b|lead to|led to|violat|invade|invasion|"
    r"infring|abuse|undermin|erod|argue|warn|critic|protect|harm|unsavory|oppress|persecut|"
    r"repress|censor|proliferation|intrusive|chilling|unlawful|illegal|breach|role in|complicit|"
    r"dangerous|amplif|misidentif|enabl|allow|loophole|\bmass\b|pervasive|invasive|suspicious|profil", re.I)
RAISE_VERB = re.compile(
    r"\s*(?:,[^,]{1,80},\s*)?(?:(?:has|have|had|also|repeatedly|previously|again)\s+)*(?:urge|urges|urged|argue|argues|argued|warn|warns|warned|say|says|said|fear|fears|"
    r"worry|worry|worries|raise|raises|raised|contend|contends|claim|claims|highlight|highlights|"
    r"highlighted|suggest|suggests|suggested|note|notes|noted|criticise|criticize|criticized|"
    r"criticised|call|calls|called|describe|describes|described|condemn|condemns|condemned|"
    r"denounce|denounces|denounced)\b")
PEOPLE_GROUP_RULES = ("gazetteer",)
APPLICATION_CONCERNS = {"application/censorship": ("concern-type/censorship", "censorship")}
RAISER_TYPES = ("Group", "Person", "CivilSocietyOrganization", "ThinkTank", "ResearchOrganization",
                "GovernmentBody", "Organization", "Legislature")
STUDY_SUBJECT = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:study|report|paper|research|researchers|analysis)\s*$")
REPRESSION = re.compile(r"\b(?:repress\w*|persecut\w*|oppress\w*|detain\w*|detention|crack(?:ed|ing)? down on|"
                        r"crackdown on)\b", re.I)
HUMAN_RIGHTS = "concern-type/human-rights-violations"
# "could be used to monitor protesters and journalists": watching named people is surveillance.
WATCHING = re.compile(r"\b(?:monitor(?:s|ed|ing)?|track(?:s|ed|ing)?|spy(?:ing)? on|spie[ds] on|"
                      r"surveil(?:s|led|ling)?|watch(?:es|ed|ing)?)\b", re.I)
SURVEILLANCE = "concern-type/surveillance"
# How far after "monitor"/"repress" the watched group may start ("monitor ethnic Kazakhs").
OBJECT_REACH = 40
PRONOUN = re.compile(r"\b(?:[Ss]he|[Hh]e)\s*$")
# "a network of privacy organisations", "the privacy watchdog": a concern word naming a body.
DESCRIBES_BODY = re.compile(r"\s+(?:organi[sz]ations?|groups?|watchdogs?|regulators?|authorit(?:y|ies)|"
                            r"commissioners?|campaigners|advocates|NGOs?|charit(?:y|ies)|experts)\b")


# "X raised concerns about ...", "X criticised ...", "X warned that ...": an explicit act of
# raising a concern, even when the sentence names no concern type.
EXPLICIT = re.compile(r"(?:(?:has|have|had|also|repeatedly|previously|again|strongly)\s+)*"
                      r"(?:(?:raised?|raising|expressed|voiced)\s+(?:[\w-]+\s+){0,2}?concerns?|"
                      r"critici[sz]ed|condemned|denounced|decried|warned|protested|fear(?:s|ed)?)\b")
# Words that say which kind of concern an untyped one is.
TYPE_WORDS = ((re.compile(r"privacy|personal data|data protection", re.I), "concern-type/privacy", "privacy"),
              (re.compile(r"\b(?:monitor|track|surveil|spy|watch)\w*", re.I), SURVEILLANCE, "surveillance"),
              (re.compile(r"discriminat|bias|misidentif|racial", re.I), "concern-type/discrimination",
               "discrimination"))


def extract(ctx: Context) -> list[Fact]:
    """Concern facts for every concern type named in a risk-framing sentence."""
    facts: list[Fact] = []
    untyped = []
    # "sanctions on providers of face recognition used to monitor Uyghurs": the measure already
    # names the watched group as affected; that is its reason, not a separate concern.
    measured: dict[int, set[str]] = {}
    for f in ctx.facts:
        for e in f.evidence:
            measured.setdefault(e.sentence_index, set()).update(f.roles.get("affectedGroup", ()))
    for sentence in ctx.sentences:
        concerns = _concern_types(ctx, sentence.index)
        if concerns and _has_cue(ctx, sentence.index):
            facts += [_concern(ctx, sentence.index, concern) for concern in concerns]
            continue
        repression = [r for r in _repression(ctx, sentence.index) if r[1].key not in measured.get(sentence.index, ())]
        if repression:
            facts += [_concern(ctx, sentence.index, concern) for concern in repression]
        elif not concerns:
            untyped.append(sentence.index)
    named = Counter(m.key for m in ctx.mentions if m.entity_type == "ConcernType")
    named.update(k for f in facts for k in f.roles.get("concernType", ()))
    for index in untyped:
        facts += _explicit(ctx, index, named)
    return facts


def _explicit(ctx: Context, index: int, named: Counter) -> list[Fact]:
    """"Human Rights Watch has also raised concerns about ...": typed from the sentence's words,
    else from the concern the document is most about (lower confidence)."""
    raisers = [m for m in ctx.in_sentence(index, RAISER_TYPES) if EXPLICIT.match(ctx.text, m.end + 1)
               and ctx.text[m.end:m.end + 1] == " " and not _replies_to_measure(ctx, m.end)]
    if not raisers:
        return []
    s = ctx.sentences[index]
    words = list(s.text)  # the sentence without its names ("Human Rights *Watch*" is no watching)
    for m in ctx.in_sentence(index):
        words[m.start - s.start:m.end - s.start] = " " * (m.end - m.start)
    unnamed = "".join(words)
    key, confidence = None, COREF_CONFIDENCE
    for regex, type_key, label in TYPE_WORDS:
        if regex.search(unnamed):
            ctx.add_entity(entity_for(type_key, "ConcernType", label))
            key, confidence = type_key, 0.7
            break
    if key is None:
        if not named:
            return []
        key = named.most_common(1)[0][0]
    tech = ctx.in_sentence(index, ("Technology",))
    last = ctx.last_technology(s.start)
    technology = [tech[0].key] if tech else ([last.key] if last else [])
    affected = [m.key for m in ctx.in_sentence(index, ("Group",))
                if m.rule in PEOPLE_GROUP_RULES and m.key != raisers[0].key]
    return [fact("HumanRightsConcern",
                 {"concernType": [key], "aboutTechnology": technology,
                  "about": [m.key for m in ctx.in_sentence(index, ("Firm",))],
                  "raisedBy": [raisers[0].key], "affectedGroup": affected}, {},
                 ctx.evidence(index, s.start, s.end, "concern:explicit", confidence))]


def _replies_to_measure(ctx: Context, position: int) -> bool:
    """"China condemned the sanctions": a government's reply to a measure raises no rights concern."""
    window = ctx.text[position:position + 60]
    reply = REPLY.search(window)
    return reply is not None and not window[:reply.start()].strip(" ,").count(" ") > 3


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
        if any(0 < g.start - (start + cue.end()) <= OBJECT_REACH for cue in regex.finditer(text) for g in groups):
            ctx.add_entity(entity_for(key, "ConcernType", label))
            return [(key, groups[0])]
    return []


def _has_cue(ctx: Context, index: int) -> bool:
    """A risk word outside the concern's own name ("data *protection* authority" is no cue)."""
    s = ctx.sentences[index]
    spans = [(m.start, m.end) for m in ctx.in_sentence(index, ("ConcernType",))]
    return any(not any(a <= s.start + m.start() < b for a, b in spans) for m in CUE.finditer(s.text))


def _concern_types(ctx: Context, index: int) -> list[tuple[str, Mention]]:
    found = [(m.key, m) for m in ctx.in_sentence(index, ("ConcernType",))
             if not DESCRIBES_BODY.match(ctx.text, m.end)]
    for m in ctx.in_sentence(index, ("Application",)):
        if m.key in APPLICATION_CONCERNS:
            found.append((APPLICATION_CONCERNS[m.key][0], m))
    return list({key: (key, m) for key, m in found}.values())


def _concern(ctx: Context, index: int, concern: tuple[str, Mention]) -> Fact:
    key, mention = concern
    if mention.key in APPLICATION_CONCERNS:
        ctx.add_entity(entity_for(key, "ConcernType", APPLICATION_CONCERNS[mention.key][1]))
    tech = ctx.in_sentence(index, ("Technology",))
    if mention.entity_type == "Group":  # "providers of face recognition used to monitor Uyghurs"
        tech = [t for t in tech if t.end <= mention.start][-1:] or tech
    confidence = 0.8
    if tech:
        technology = [tech[0].key]
    else:
        last = ctx.last_technology(ctx.sentences[index].start)
        technology, confidence = ([last.key] if last else []), COREF_CONFIDENCE + 0.1
    raisers = _raised_by(ctx, index)
    about = [m.key for m in ctx.in_sentence(index, ("Firm",))]
    affected = [m.key for m in ctx.in_sentence(index, ("Group",))
                if m.rule in PEOPLE_GROUP_RULES and m.key not in raisers]
    return fact("HumanRightsConcern",
                {"concernType": [key], "aboutTechnology": technology, "about": about,
                 "raisedBy": raisers, "affectedGroup": affected}, {},
                ctx.evidence(index, ctx.sentences[index].start, ctx.sentences[index].end,
                             "concern:cue", confidence))


def _raised_by(ctx: Context, index: int) -> list[str]:
    s = ctx.sentences[index]
    said = [f.roles.get("speaker", f.roles.get("claimant", ("",)))[0] for f in ctx.facts
            if f.kind in ("Statement", "Claim") and any(e.sentence_index == index for e in f.evidence)]
    if said:
        return said[:1]
    raisers = []
    for m in ctx.in_sentence(index, RAISER_TYPES):
        if RAISE_VERB.match(ctx.text, m.end):
            raisers.append(m.key)
    for verb in re.finditer(RAISE_VERB.pattern.replace(r"\s*(?:,[^,]{1,80},\s*)?", r"\s+"), s.text):
        before = s.text[:verb.start() + 1]
        if STUDY_SUBJECT.search(before) and ctx.study_key:
            raisers.append(ctx.study_key)
        elif PRONOUN.search(before):
            speaker = ctx.last_speaker(s.start + verb.start()) or pronoun_antecedent(
                s.start + verb.start(), ctx.mentions)
            if speaker is not None:
                raisers.append(speaker if isinstance(speaker, str) else speaker.key)
    return list(dict.fromkeys(raisers))
