"""Uses of a technology for an application, and by whom.

"face recognition in smart city technology, where it is often used to enhance
video surveillance", "use of facial recognition is rising among US police
departments", "adapted into more effective ways to censor web content".
The technology is the first one the sentence names; the user is a police
force or organisation after "by"/"among" or before "use(s)"; a police user
implies the application policing.
"""
from __future__ import annotations

import re

from frkg.entities import entity_for
from frkg.facts.context import Context, fact
from frkg.model import Fact, Mention

CUE = re.compile(r"\b(?:use[sd]?|using|usage|deploy\w*|install\w*|appl(?:y|ied|ies|ication)|adapt\w*|sells?|sold|"
                 r"suppl(?:y|ies|ied)|markets?|marketed|offers?|offered|licen[sc]es?|licen[sc]ed|for (?:its|their|the|a)|"
                 r"enhanc\w*|power\w*|tools?|to (?:identify|track|monitor|surveil)|rel(?:y|ies|ied) on)\b", re.I)
DESCRIPTOR = re.compile(r"\s+(?:company|companies|firm|firms|startup|giant|vendor|maker)\b")
EXAMPLE = re.compile(r"(?:such as|like|including)\s+$")
USER_TYPES = ("PoliceDepartment", "GovernmentBody", "Firm", "Organization", "Group", "Country")
USER_BEFORE = re.compile(r"(?<!supplied)(?<!provided)(?<!developed)(?<!made)(?<!built)(?<!sold)(?<!led)"
                         r"(?<!headed)(?<!owned)(?<!founded)(?<!run)(?<!awarded)"
                         r"\s+(?:by|among|in)\s+(?:the\s+)?$")
# "the chain used facial recognition", "X began using T", "X's use of T", "over its use of T".
USE_VERB = re.compile(r"\b(?:us(?:es|ed|ing)|deploy(?:s|ed|ing)|rolled out|rolls out|(?:its|their)\s+use\s+of|"
                      r"(?:’s|'s)\s+use\s+of)\s+(?:(?:the|its|their|a|an|live|real-time|[\w-]+ed)\s+)*$", re.I)
# Between the user and the verb: no new clause ("Amnesty said police used ..." names no user).
USER_GAP = re.compile(r"[^.;:“”\"]{0,80}")
# ... nor a measure stopping the use ("FTC bars Rite Aid from using T": the FTC uses nothing).
NEW_CLAUSE = re.compile(r"\b(?:that|said|says|which|who|how|whether|why|warned|argued|after|while|because|bans?|banned|bars?|"
                        r"barred|prohibit\w*|forbid\w*|stop\w*|from|against|criticis\w*|criticiz\w*)\b|"
                        r",\s+(?:and|but)\b")
# "We urge states to refuse licences for T destined for law enforcement": a use asked for or
# refused is no use of it.
NOT_DONE = re.compile(r"\b(?:urge[sd]?|call(?:s|ed|ing)? (?:on|for)|refus\w*|recommend\w*|should|would|could|might|"
                      r"propos\w*|plans? to)\b", re.I)
SUBJECT_TYPES = ("PoliceDepartment", "GovernmentBody", "Firm", "Organization", "CivilSocietyOrganization")
POLICING = "application/policing"
POLICE_WORD = re.compile(r"\b(?:police|law enforcement|officers|detectives)\b", re.I)


def extract(ctx: Context) -> list[Fact]:
    """TechnologyUse facts in sentences that name a technology and a use."""
    facts: list[Fact] = []
    for sentence in ctx.sentences:
        tech = ctx.technologies(sentence.index)
        if tech and CUE.search(sentence.text) and not _only_a_sale(sentence.text):
            facts += _uses(ctx, sentence.index, tech[0])
        elif (result := RESULT_OF_USE.search(sentence.text)) is not None:
            facts += _use_by_its_results(ctx, sentence.index, sentence.start + result.start())
    return facts


# "X has sold 900 face recognition cameras to the Y Police": a sale reports the trade, not a use.
SALE = re.compile(r"\b(?:has|have|had)\s+(?:now\s+|also\s+)?(?:sold|supplied|delivered|shipped)\b", re.I)


def _only_a_sale(text: str) -> bool:
    """Whether the only use word of the sentence is a completed sale or supply."""
    cues = CUE.findall(text)
    return bool(SALE.search(text)) and all(c.lower() in ("sold", "supplied") for c in cues)


# Sentences that name no technology but report what "the system" did or what was run through it:
# "the system has helped locate 37 missing people", "operators ran the faces of demonstrators
# against the database", "accused the police of using street cameras to track ...".
RESULT_OF_USE = re.compile(
    r"\b(?:(?:the|this|its|their)\s+(?:system|cameras?|software|technology|tool|network|database)\s+"
    r"(?:has\s+|have\s+|had\s+)?(?:helped|enabled|allowed)\s+(?:[\w-]+\s+){0,2}?(?:to\s+)?"
    r"(?:locate|find|identify|catch|arrest|trace|track)|"
    r"(?:ran|run|runs|checked|searched|matched|compared|scann(?:ed|ing|s)?)\s+(?:the\s+)?(?:faces?|photos?|photographs|images?|"
    r"footage)\s+(?:of\s+|from\s+)|"
    r"accus\w+\s+[^.;]{1,60}?\s+of\s+(?:using|deploying)|"
    # "oversaw the use of these systems to track residents", "had used biometric systems to monitor
    # critics", "the software matched their faces"
    r"(?:use\s+of\s+(?:these|those|the|its|their)\s+|(?:used|uses|using|deployed)\s+(?:[\w-]+\s+){0,2}?)"
    r"(?:systems?|cameras?|software|tools?)\s+to\s+"
    r"(?:track|monitor|watch|follow|identify|surveil|find|locate|trace)|"
    # 'said the system "has been used since 2021 to identify people who ...': a use said of it
    r"(?:the|this|its|their)\s+(?:system|cameras?|software|technology|network|platform)\s+[“\"]?"
    r"(?:has|have|had|is|are|was|were)\s+(?:been\s+|being\s+)?used\s+(?:[\w-]+\s+){0,3}?to\s+"
    r"(?:track|monitor|watch|follow|identify|surveil|find|locate|trace|arrest)|"
    # "train 300 officers of the X Police to operate the system": those trained to run it use it
    r"train(?:s|ed|ing)?\s+[^.;]{1,60}?\s+to\s+(?:operate|use|run|manage)\s+(?:the|this|its|their)\s+"
    r"(?:system|cameras?|network|software|platform)|"
    r"(?:system|cameras?|software|algorithm)\s+(?:matched|identified|flagged|recogni[sz]ed)\s+"
    r"(?:their|his|her)\s+faces?|"
    # "stills from the stadium cameras were compared with mugshots": footage run against other pictures
    r"(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?(?:matched|compared|checked|cross-checked|run)\s+"
    r"(?:against|with)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:photos?|photographs|images?|pictures|mugshots|"
    r"databases?|watch\s?lists?|records|profiles))\b",
    re.I)
ACHIEVED = re.compile(r"(?:the|this|its|their)\s+[^.;]{0,40}?\b(?:helped|enabled|allowed)\b", re.I)
ACCUSED_OF = re.compile(r"\s+of\s+(?:using|deploying)\b")
# "fined the chain Norvik €1.2 million for scanning the faces of ...": the body fined for the use used it.
FINED_FOR = re.compile(r"\s+(?:[^\s;]+\s+){0,3}?for\s+$")


def _use_by_its_results(ctx: Context, index: int, verb: int) -> list[Fact]:
    """A use of the technology named last (see :data:`RESULT_OF_USE`); the user is a police force
    of the sentence, the body right before the verb or the body accused of the use.  What a person
    says the system achieved ("X said the cameras had helped officers arrest ...") is their statement."""
    s = ctx.sentences[index]
    tech = ctx.last_technology(s.start) or _first_technology(ctx)
    achieved = ACHIEVED.match(ctx.text, verb, s.end) is not None
    if tech is None or achieved and any(f.kind == "Statement" and f.roles["speaker"][0].startswith("person/")
                                        and f.evidence[0].sentence_index == index for f in ctx.facts):
        return []
    users = [m for m in ctx.in_sentence(index, USER_TYPES) if m.entity_type == "PoliceDepartment"
             or ACCUSED_OF.match(ctx.text, m.end) or (m.end <= verb and not ctx.text[m.end:verb].strip())
             or (m.end <= verb and FINED_FOR.fullmatch(ctx.text, m.end, verb) is not None)]
    if not users and ctx.text[verb:verb + 5].lower() == "accus":
        return []  # "accused X of using ...": a use by X, unknown when X is not recognised
    return [fact("TechnologyUse", {"technology": [tech.key], "user": [u.key for u in users[:1]]}, {},
                 ctx.sentence_evidence(index, "use:result-of-use", 0.65))]


def _first_technology(ctx: Context) -> Mention | None:
    """A lead that reports the use before naming the technology ("fined X for scanning the faces of
    shoppers"): the technology the document names first."""
    return next((m for m in ctx.mentions if m.entity_type == "Technology"), None)


def _uses(ctx: Context, index: int, tech: Mention) -> list[Fact]:
    found = ctx.in_sentence(index, ("Application",))
    applications = [a.key for a in found]
    if found:
        tech = _technology_for(ctx, index, found[0]) or tech
    users = _users(ctx, index, tech)
    if any(u.entity_type == "PoliceDepartment" for u in users) and POLICING not in applications:
        ctx.add_entity(entity_for(POLICING, "Application", "policing"))
        applications.append(POLICING)
    if not users and NOT_DONE.search(ctx.text, ctx.sentences[index].start, tech.start):
        return []
    if not applications and not users and POLICE_WORD.search(ctx.sentences[index].text):
        ctx.add_entity(entity_for(POLICING, "Application", "policing"))
        applications.append(POLICING)  # "used by police", "markets it to police forces"
    if not applications and not users and not WATCHING_PURPOSE.match(ctx.text, tech.end, ctx.sentences[index].end):
        return []
    evidence = ctx.sentence_evidence(index, "use:technology-application", 0.75)
    user_keys = [u.key for u in users]
    return [fact("TechnologyUse", {"technology": [tech.key], "application": [app], "user": user_keys},
                 {}, evidence) for app in applications] or \
        [fact("TechnologyUse", {"technology": [tech.key], "user": user_keys}, {}, evidence)]


# "had used biometric systems to monitor dissidents", "used face recognition to identify strikers":
# a use to watch or find people is a use, user unnamed.
WATCHING_PURPOSE = re.compile(r"\s+(?:[a-z-]+\s+){0,2}?to\s+(?:track|monitor|surveil|spy\s+on|watch|follow|identify|trace|"
                              r"locate|unmask)\s+[a-z]")


def _technology_for(ctx: Context, index: int, application: Mention) -> Mention | None:
    """The first technology named before the application that is not an example
    ("tools such as ChatGPT") or a firm's description ("AI company")."""
    before = [t for t in ctx.in_sentence(index, ("Technology",)) if t.end <= application.start
              and not EXAMPLE.search(ctx.text[max(0, t.start - 12):t.start])
              and not DESCRIPTOR.match(ctx.text, t.end)]
    return before[0] if before else None


def _users(ctx: Context, index: int, tech: Mention | None = None) -> list[Mention]:
    s = ctx.sentences[index]
    found = []
    for m in ctx.in_sentence(index, USER_TYPES):
        if m.entity_type == "PoliceDepartment" or USER_BEFORE.search(ctx.text[s.start:m.start][-12:]):
            if m.entity_type != "Country":
                found.append(m)
    subject = (_subject_user(ctx, index, tech) or _user_of_it(ctx, index, tech)) if tech is not None else None
    return found + [subject] if subject is not None and subject.key not in {m.key for m in found} else found


def _subject_user(ctx: Context, index: int, tech: Mention) -> Mention | None:
    """"Southern Co-op used facial recognition", "over its use of T": the body before the verb."""
    s = ctx.sentences[index]
    verb = USE_VERB.search(ctx.text, max(s.start, tech.start - 60), tech.start)
    if verb is None:
        return None
    before = [m for m in ctx.in_sentence(index, SUBJECT_TYPES, s.start, verb.start())
              if m.rule != "demonym"]
    if not before:
        return None
    gap = ctx.text[before[-1].end:verb.start()]
    if not USER_GAP.fullmatch(gap) or NEW_CLAUSE.search(gap):
        return None
    return before[-1]


# "T runs on 900 cameras, and the city's transport police use it to find ...": the body right
# before "uses it" after the technology was named.
USES_IT = re.compile(r"\s+(?:us(?:es|ed|e)|deploy(?:s|ed)?|rel(?:ies|ied|y)\s+on)\s+(?:it|them|the\s+(?:system|software|"
                     r"technology|tool|platform))\b")


def _user_of_it(ctx: Context, index: int, tech: Mention) -> Mention | None:
    """The body that "uses it" after the technology (see :data:`USES_IT`)."""
    return next((m for m in ctx.in_sentence(index, SUBJECT_TYPES, tech.end)
                 if m.rule != "demonym" and USES_IT.match(ctx.text, m.end)), None)
