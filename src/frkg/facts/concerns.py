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

from frkg.coref import pronoun_antecedent
from frkg.entities import entity_for
from frkg.facts.context import COREF_CONFIDENCE, Context, fact
from frkg.model import Fact, Mention

CUE = re.compile(
    r"concern|worr|fear|risk|threat|danger|raise[sd]?\b|lead to|led to|violat|invade|invasion|"
    r"infring|abuse|undermin|erod|argue|warn|critic|protect|harm|unsavory|oppress|persecut|"
    r"repress|censor|proliferation|intrusive|chilling|unlawful|illegal|breach|role in|complicit|"
    r"dangerous|amplif|misidentif|enabl", re.I)
RAISE_VERB = re.compile(
    r"\s*(?:,[^,]{1,80},\s*)?(?:argue|argues|argued|warn|warns|warned|say|says|said|fear|fears|"
    r"worry|worry|worries|raise|raises|raised|contend|contends|claim|claims|highlight|highlights|"
    r"highlighted|suggest|suggests|suggested|note|notes|noted|criticise|criticize|criticized|"
    r"criticised)\b")
PEOPLE_GROUP_RULES = ("gazetteer",)
APPLICATION_CONCERNS = {"application/censorship": ("concern-type/censorship", "censorship")}
RAISER_TYPES = ("Group", "Person", "CivilSocietyOrganization", "ThinkTank", "ResearchOrganization",
                "GovernmentBody", "Organization", "Legislature")
STUDY_SUBJECT = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:study|report|paper|research|researchers|analysis)\s*$")
PRONOUN = re.compile(r"\b(?:[Ss]he|[Hh]e)\s*$")


def extract(ctx: Context) -> list[Fact]:
    """Concern facts for every concern type named in a risk-framing sentence."""
    facts: list[Fact] = []
    for sentence in ctx.sentences:
        concerns = _concern_types(ctx, sentence.index)
        if concerns and _has_cue(ctx, sentence.index):
            facts += [_concern(ctx, sentence.index, concern) for concern in concerns]
    return facts


def _has_cue(ctx: Context, index: int) -> bool:
    """A risk word outside the concern's own name ("data *protection* authority" is no cue)."""
    s = ctx.sentences[index]
    spans = [(m.start, m.end) for m in ctx.in_sentence(index, ("ConcernType",))]
    return any(not any(a <= s.start + m.start() < b for a, b in spans) for m in CUE.finditer(s.text))


def _concern_types(ctx: Context, index: int) -> list[tuple[str, Mention]]:
    found = [(m.key, m) for m in ctx.in_sentence(index, ("ConcernType",))]
    for m in ctx.in_sentence(index, ("Application",)):
        if m.key in APPLICATION_CONCERNS:
            found.append((APPLICATION_CONCERNS[m.key][0], m))
    return list({key: (key, m) for key, m in found}.values())


def _concern(ctx: Context, index: int, concern: tuple[str, Mention]) -> Fact:
    key, mention = concern
    if mention.key in APPLICATION_CONCERNS:
        ctx.add_entity(entity_for(key, "ConcernType", APPLICATION_CONCERNS[mention.key][1]))
    tech = ctx.in_sentence(index, ("Technology",))
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
