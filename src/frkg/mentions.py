"""Find entity mentions: gazetteer phrases, countries, demonyms and context patterns.

Two layers are resolved separately so a concept may sit inside a collective
name ("Chinese *face recognition* providers"): names (countries,
organisations, people, groups) and concepts (technologies, applications,
concern types).  Within a layer the longest span wins, the gazetteer before
patterns.  Entities the gazetteer does not know are found from their context
(``frkg.patterns``).
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.matcher import PhraseMatcher

from frkg import gazetteer as gz
from frkg.identity import slugify
from frkg.model import Mention, Sentence, Value
from frkg.sentences import Parsed, nlp

NAME_LAYER, CONCEPT_LAYER = 0, 1
REGION_WORDS = frozenset({"Latin", "South", "North", "Central", "East", "West", "Southeast", "Sub-Saharan"})
PUBLIC_BODY = "pattern:public-body"
# Titles of a party's elected members ("Congress corporator", "Congress MLA").
PARTY_MEMBERS = frozenset({"corporator", "corporators", "mla", "mlas", "councillor", "councillors", "councilor",
                           "councilors", "party"})
CONCEPT_MENTION_TYPES = frozenset({"Technology", "Application", "ConcernType"})


@dataclass(frozen=True)
class Candidate:
    """A possible mention before overlaps are resolved (offsets in the document)."""

    start: int
    end: int
    key: str
    entity_type: str
    rule: str
    confidence: float = 1.0
    priority: int = 0  # lower wins among equally long spans
    attributes: tuple[tuple[str, Value], ...] = ()
    label: str | None = None

    @property
    def layer(self) -> int:
        return CONCEPT_LAYER if self.entity_type in CONCEPT_MENTION_TYPES else NAME_LAYER


@dataclass
class MentionResult:
    """Mentions of one document plus what they say about their entities."""

    mentions: list[Mention]
    attributes: dict[str, dict[str, Value]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)


@lru_cache(maxsize=1)
def _matchers() -> tuple[PhraseMatcher, PhraseMatcher, dict[str, tuple[str, str, float]]]:
    """Case-sensitive matcher for names, case-insensitive one for concepts."""
    pipeline = nlp()
    names = PhraseMatcher(pipeline.vocab, attr="ORTH")
    concepts = PhraseMatcher(pipeline.vocab, attr="LOWER")
    info: dict[str, tuple[str, str, float]] = {}
    for entry in (*gz.entries().values(), *gz.country_entries().values()):
        matcher = concepts if entry.entity_type in gz.CONCEPT_TYPES else names
        rule = "country-name" if entry.entity_type == "Country" else "gazetteer"
        matcher.add(entry.key, [pipeline.make_doc(name) for name in entry.names])
        info[entry.key] = (entry.entity_type, rule, 1.0)
    for form, key in gz.demonym_index().items():
        names.add("demonym:" + key, [pipeline.make_doc(form)])
        info["demonym:" + key] = ("Country", "demonym", 0.9)
    return names, concepts, info


def gazetteer_candidates(parsed: Parsed) -> list[Candidate]:
    """Every gazetteer, country and demonym phrase in the parsed lines."""
    names, concepts, info = _matchers()
    vocab = nlp().vocab
    found: list[Candidate] = []
    for offset, doc in parsed.lines:
        for matcher in (names, concepts):
            for match_id, start, end in matcher(doc):
                label = vocab.strings[match_id]
                entity_type, rule, confidence = info[label]
                key = label.split(":", 1)[1] if label.startswith("demonym:") else label
                span = doc[start:end]
                if entity_type == "Country" and start > 0 and doc[start - 1].text in REGION_WORDS:
                    continue  # "Latin America", "South Korea" is matched whole, "South America" is no country
                if entity_type == "Legislature" and end < len(doc) and doc[end].lower_ in PARTY_MEMBERS:
                    continue  # "Congress corporator X", "Congress MLA X": a party of that name, no legislature
                found.append(Candidate(offset + span.start_char, offset + span.end_char, key,
                                       entity_type, rule, confidence, priority=0))
    return found


def resolve(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates per layer: longest first, then lowest priority.

    A concept inside a named organisation or person ("Clearview *AI*") is
    part of the name and dropped; inside a group it is kept.
    """
    chosen: list[Candidate] = []
    size = max((c.end for c in candidates), default=0)
    for layer in (NAME_LAYER, CONCEPT_LAYER):
        taken = bytearray(size)  # 1 where a chosen span covers the character
        pool = sorted((c for c in candidates if c.layer == layer),
                      key=lambda c: (-(c.end - c.start), c.priority, -c.confidence, c.start))
        for cand in pool:
            if taken.find(1, cand.start, cand.end) < 0:
                taken[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
                chosen.append(cand)
            elif cand.rule in ("demonym", "country-name") and _inside_group(cand, chosen):
                chosen.append(cand)
    owner: list[Candidate | None] = [None] * size  # the name covering each character
    for name in (c for c in chosen if c.layer == NAME_LAYER):
        for i in range(name.start, name.end):
            if owner[i] is None or owner[i].end - owner[i].start < name.end - name.start:
                owner[i] = name

    def kept(c: Candidate) -> bool:
        n = owner[c.start]
        return c.layer == NAME_LAYER or n is None or not (c.end <= n.end and _swallows(n, c))

    return sorted(filter(kept, chosen), key=lambda c: (c.start, c.end))


def _inside_group(cand: Candidate, chosen: list[Candidate]) -> bool:
    """A demonym opening a collective ("*Chinese* companies") or a country opening a public
    body ("*Serbia*'s interior ministry") still names the country, as does a demonym inside a
    definite description ("the *Chinese* company")."""
    return any((c.start == cand.start and cand.end <= c.end
                and ((c.entity_type == "Group" and cand.rule == "demonym") or c.rule == PUBLIC_BODY))
               or (c.rule == "coref:definite" and cand.rule == "demonym" and c.start <= cand.start
                   and cand.end <= c.end)
               for c in chosen)


def _swallows(name: Candidate, concept: Candidate) -> bool:
    """Whether a concept inside a name is part of the name rather than a mention."""
    if name.entity_type == "Group":
        return concept.entity_type == "ConcernType"
    return name.entity_type != "Country"


def to_mentions(candidates: list[Candidate], sentences: list[Sentence], text: str) -> MentionResult:
    """Attach candidates to their sentences; keep entity attributes and labels."""
    starts = [s.start for s in sentences]
    result = MentionResult([])
    for cand in candidates:
        index = bisect.bisect_right(starts, cand.start) - 1
        if index < 0 or cand.end > sentences[index].end:
            continue
        result.mentions.append(Mention(sentences[index].doc_id, index, cand.start, cand.end,
                                       text[cand.start:cand.end], cand.key, cand.entity_type,
                                       cand.rule, cand.confidence))
        if cand.attributes:
            result.attributes.setdefault(cand.key, {}).update(dict(cand.attributes))
        if cand.label:
            result.labels.setdefault(cand.key, cand.label)
    return result


def _drop_org_names_as_people(candidates: list[Candidate], text: str) -> list[Candidate]:
    """A name the document shows is an organisation's ("pharmacy chain Rite Aid") is no
    person's elsewhere in it ("..., Rite Aid noted")."""
    orgs = {text[c.start:c.end] for c in candidates
            if c.layer == NAME_LAYER and c.entity_type not in ("Person", "Country", "Group")}
    firms = tuple(text[c.start:c.end] + " " for c in candidates if c.entity_type == "Firm")
    return [c for c in candidates if c.entity_type != "Person" or not _org_name(text[c.start:c.end], orgs, firms)]


def _org_name(name: str, orgs: set[str], firms: tuple[str, ...]) -> bool:
    """An organisation's name, or the first words of a firm's ("Harbin Zhiyuan said" after "Harbin
    Zhiyuan Vision"): a firm is cited by its name without the trade word, a person never so."""
    return name in orgs or (" " in name and any(firm.startswith(name + " ") for firm in firms))


ORG_TYPES_EXTENDED = frozenset({"Organization", "CivilSocietyOrganization", "ThinkTank", "ResearchOrganization",
                                "GovernmentBody", "PoliceDepartment", "Legislature"})
# "the Ghana Police Service", "the Uganda Police Force": a force's name goes on past "Police".
SERVICE_TAIL = re.compile(r"\s+(?:Service|Services|Force)\b")
# "the Farmers' Democratic Union", "the Workers' Party": a plural possessive opens the name.
PLURAL_POSSESSIVE = re.compile(r"(?<![\w'’])[A-Z][a-z]+s['’]\s+$")
# "the Senate Judiciary Committee", "House of Lords Justice and Home Affairs Committee": a chamber's committee.
# "the Senate Foreign Relations subcommittee on East Asia": a subcommittee and its remit too.
COMMITTEE_TAIL = re.compile(r"(?:\s+(?:[A-Z][\w-]*|and|&)){1,5}?\s+(?:[Ss]ub)?[Cc]ommittee"
                            r"(?:\s+on\s+(?:the\s+)?(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|"
                            r"(?:January|February|March|April|May|June|July|August|September|October|November|"
                            r"December)\b)[A-Z][\w-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w-]*){0,3})?\b")
# "the Foreign, Commonwealth and Development Office": single words listed before a ministry's last ones.
LISTED_HEAD = re.compile(r"\b(?:[A-Z][a-z]+,\s+)+[A-Z][a-z]+\s+and\s+$")
# Capitalised words before a country that may open a national chapter's name ("Sauti Data Ghana").
CHAPTER_WORD = re.compile(r"[A-Z][\w&-]*")
CHAPTER_STOP = frozenset({"The", "In", "On", "At", "A", "An", "For", "By", "With", "From", "To", "And", "Of", "But",
                          "When", "While", "After", "Before", "Under", "As", "If", "Since", "Last", "This", "That",
                          "President", "Minister", "Mr", "Mrs", "Ms", "Dr", "Prime", "King", "Queen", "Senator",
                          "Judge", "Justice", "General", "Early", "Late", "Earlier", "Later", "Meanwhile", "Yesterday",
                          "Today", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                          "January", "February", "March", "April", "May", "June", "July", "August", "September",
                          "October", "November", "December"})
FIRM_LIKE = frozenset({"Firm", "Person", "Place", "Country", "Group"})


def completed_org_names(candidates: list[Candidate], text: str) -> list[Candidate]:
    """Organisation names a name pattern cut short or overran, made whole: one ending inside a word
    ("Chief Operating Office" of "...Officer") is none; "X Police" before "Service"/"Force", a
    name after a plural possessive ("Farmers' Democratic Union") and an organisation's national
    chapter ("Oxfam Ghana", "Sauti Data Ghana") are longer names, which win their span."""
    kept = [c for c in candidates if not (c.layer == NAME_LAYER and c.entity_type in ORG_TYPES_EXTENDED
                                          and c.end < len(text) and text[c.end].isalnum()
                                          and text[c.end - 1].isalnum())]
    longer = [x for c in kept if c.layer == NAME_LAYER and c.entity_type in ORG_TYPES_EXTENDED
              for x in (_with_service_tail(c, text), _with_possessive_head(c, text, kept), _with_committee_tail(c, text),
                        _with_listed_head(c, text, kept)) if x is not None]
    return kept + longer + _chapters(kept, text)


def _renamed(c: Candidate, start: int, end: int, text: str) -> Candidate:
    """``c`` stretched over ``text[start:end]``, keyed and labelled by the longer name."""
    label = " ".join(text[start:end].split())
    return Candidate(start, end, "org/" + slugify(label.replace("'", "").replace("’", "")), c.entity_type,
                     c.rule, c.confidence, c.priority, c.attributes, label=label)


def _with_service_tail(c: Candidate, text: str) -> Candidate | None:
    """"Ghana Police" before "Service": the force's whole name."""
    tail = SERVICE_TAIL.match(text, c.end) if text[c.start:c.end].endswith("Police") else None
    return _renamed(c, c.start, tail.end(), text) if tail else None


def _with_possessive_head(c: Candidate, text: str, candidates: list[Candidate]) -> Candidate | None:
    """Not a country's or another name's possessive ("the Netherlands' Ministry", "United Arab Emirates'")."""
    head = PLURAL_POSSESSIVE.search(text, max(0, c.start - 20), c.start)
    if head is None or re.search(r"[A-Z][\w-]*\s+$", text[max(0, head.start() - 30):head.start()]) \
            or any(o.layer == NAME_LAYER and o.entity_type != "Group" and o.start <= head.start() < o.end
                   for o in candidates):
        return None
    return _renamed(c, head.start(), c.end, text)


def _with_committee_tail(c: Candidate, text: str) -> Candidate | None:
    """A chamber followed by its committee's name (see :data:`COMMITTEE_TAIL`)."""
    tail = COMMITTEE_TAIL.match(text, c.end) if c.entity_type == "Legislature" else None
    return _renamed(c, c.start, tail.end(), text) if tail else None


def _with_listed_head(c: Candidate, text: str, candidates: list[Candidate]) -> Candidate | None:
    """"Foreign, Commonwealth and Development Office": a government body whose listed first words
    name no other entity ("Amnesty, Liberty and Privacy International" lists three)."""
    head = LISTED_HEAD.search(text, max(0, c.start - 60), c.start) if c.entity_type == "GovernmentBody" else None
    if head is None or any(o.layer == NAME_LAYER and head.start() <= o.start < c.start for o in candidates):
        return None
    return _renamed(c, head.start(), c.end, text)


def _chapters(candidates: list[Candidate], text: str) -> list[Candidate]:
    """"Oxfam Ghana", "Sauti Data Ghana": two or more capitalised words (or a known non-firm
    organisation) right before a country name the name of one organisation, outside headlines."""
    from frkg.patterns import _is_headline

    names = [c for c in candidates if c.layer == NAME_LAYER]
    out = []
    for country in (c for c in names if c.rule == "country-name"):
        line_end = text.find("\n", country.end)
        if _is_headline(text[text.rfind("\n", 0, country.start) + 1:len(text) if line_end < 0 else line_end]):
            continue
        parent = next((c for c in names if c.end + 1 == country.start and text[c.end] == " "
                       and c.entity_type in ORG_TYPES_EXTENDED), None)
        start = parent.start if parent else _capitalised_run(text, country.start, names)
        if start is not None:
            entity_type = parent.entity_type if parent else "Organization"
            out.append(_renamed(Candidate(start, country.end, "", entity_type, "pattern:chapter", 0.75, 1),
                                start, country.end, text))
    return out


def _capitalised_run(text: str, end: int, names: list[Candidate]) -> int | None:
    """Where two or more capitalised words, no other name's, end right before ``end`` (else None)."""
    words = text[max(0, end - 60):end].split(" ")[:-1]
    run = []
    for word in reversed(words):
        if not CHAPTER_WORD.fullmatch(word) or word in CHAPTER_STOP:
            break
        run.insert(0, word)
    if len(run) < 2:
        return None
    start = end - len(" ".join(run)) - 1
    if start > 0 and text[start - 1] not in " ,(\n" or any(c.start < end - 1 and c.end > start for c in names
                                                             if c.entity_type in FIRM_LIKE):
        return None
    return start


def find_mentions(parsed: Parsed, text: str) -> MentionResult:
    """All mentions of a parsed document: gazetteer, then context patterns, resolved."""
    from frkg.coref import (definite_descriptions, propagate_names, propagate_org_names, rekey_short_names,
                            resolve_surnames, short_org_names, titled_descriptions)
    from frkg.patterns import pattern_candidates

    base = gazetteer_candidates(parsed)
    candidates = _drop_org_names_as_people(base + pattern_candidates(parsed.sentences, text, base), text)
    # -- places --
    from frkg.places import place_candidates
    candidates += place_candidates(parsed, text, candidates)
    candidates = completed_org_names(candidates, text)
    candidates = repaired_names(candidates, text)
    resolved = resolve_surnames(resolve(candidates), text)
    shorts = short_org_names(resolved, text)
    resolved = resolve(resolved + propagate_names(resolved, parsed.sentences, text)
                       + propagate_org_names(resolved, parsed.sentences, text, shorts))
    resolved = rekey_short_names(resolved, text, shorts)
    resolved = resolve(resolved + definite_descriptions(resolved, text, parsed.sentences)
                       + titled_descriptions(resolved, text))
    return to_mentions([c for c in resolved if not _role_person(c, text)], parsed.sentences, text)


# -- names repaired after the patterns (thirteenth round) -----------------------------------------------
# "the Chinese Mission to the EU", "the Kenyan Permanent Mission to the United Nations".
MISSION_TO = re.compile(r"\b(?P<org>(?P<dem>[A-Z][a-z]+)\s+(?:Permanent\s+)?Mission\s+to\s+the\s+[A-Z][\w-]*"
                        r"(?:\s+[A-Z][\w-]*){0,3})")
# "Vice-Chair of the Subcommittee on Human Rights": a parliamentary committee named by its remit.
# "the House Select Committee on the CCP": the chamber's words before it are part of the name.
COMMITTEE_ON = re.compile(r"\b(?P<org>(?:[A-Z][\w-]*[ \t]+){0,3}(?:Subcommittee|Committee)\s+on\s+(?:the\s+)?[A-Z][\w-]*"
                          r"(?:\s+(?:and\s+|&\s+)?[A-Z][\w-]*){0,4})")
# "the Trade and Industry Appeals Tribunal", "the Investigatory Powers Tribunal".
TRIBUNAL = re.compile(r"\b(?P<org>(?:[A-Z][\w-]*[ \t]+(?:and[ \t]+)?){1,5}Tribunal)\b")
# "the Minister for Foreign Trade and Development Cooperation refused": the office as a public body.
MINISTER_FOR = re.compile(r"(?<=\bthe )(?P<org>Minister\s+(?:for|of)\s+(?:the\s+)?[A-Z][\w-]*"
                          r"(?:(?:\s+and|,)?\s+[A-Z][\w-]*){0,5})(?=\s+[a-z]|\s*[,.;)])")
# "the Myanmar Digital Accountability Network (MDAN)": an organisation named as a network or initiative.
NETWORK_NAME = re.compile(r"\b(?P<org>(?:[A-Z][\w-]*[ \t]+){1,5}(?:Network|Collective|Observatory))\b")
CIVIC_WORD = re.compile(r"\b(?:Rights|Accountability|Freedom|Justice|Transparency|Privacy|Democracy|Liberty|"
                        r"Liberties|Watch|Monitor)\b")
# "the Vilnius-based outlet Siena Monitor": a name after where it sits and what it is.
BASED_DESCRIBED = re.compile(r"(?<![\w-])[A-Z][\w.]*-(?:based|headquartered)\s+(?:[a-z][\w-]*\s+)?"
                             r"(?P<kind>platform|outlet|site|website|newsroom|publication|magazine|newspaper|portal|"
                             r"broadcaster|group|organi[sz]ation|NGO|collective|network|project|consortium|charity)\s+"
                             r"(?P<org>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3})")
CIVIC_KINDS = frozenset({"group", "organisation", "organization", "NGO", "collective", "network", "charity"})
# "X (ABBR), a Warsaw privacy group,": a body described as a rights group is a civil-society one.
RIGHTS_DESCRIBED = re.compile(r"(?:\s*\([A-Z][\w&-]{1,9}\))?,\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?"
                              r"(?:rights|privacy|advocacy|civil liberties|campaign|watchdog)\s+"
                              r"(?:group|organi[sz]ation|NGO|coalition|network)\b")
# Names whose head says what they are, never a firm ("Association for Technology and Internet").
NOT_FIRM_HEAD = re.compile(r"(?:The\s+)?(?:Association|Federation|Society|Foundation|Union)\s+(?:of|for)\s")
# "Central Import and " before "Export Office": words joined by "and" that open a body's name.
AND_HEAD = re.compile(r"(?<![\w-])(?:[A-Z][a-z]+\s+){1,2}and\s+$")
# A role word read as a person ("a Member of ...", "Head of Responsible Investment").
ROLE_NAMES = frozenset({"member", "chair", "vice-chair", "head", "president", "director", "secretary", "chairman",
                        "chairwoman", "chairperson", "rapporteur", "spokesperson"})
OF_ROLE = re.compile(r"\b(?:Head|Director|Chief|Secretary|Commissioner|Chair|Member|Vice-Chair|Chairman|"
                     r"Chairwoman|Department|Office|Division|Unit)\s+(?:of|for)\s+(?:the\s+)?$")
# "the Fund's Ethics Council": a body of a fund or company, no public one.
PRIVATE_OWNER = re.compile(r"\b[Tt]he\s+(?:[Ff]und|[Cc]ompany|[Bb]ank|[Ff]irm|[Gg]roup|[Uu]niversity|[Cc]lub|"
                           r"[Ss]chool)(?:’s|'s)\s+$")
FOR_COUNTRY = re.compile(r"\s+for\s+")
BODY_TYPES = frozenset({"GovernmentBody", "Legislature", "PoliceDepartment"})


def repaired_names(candidates: list[Candidate], text: str) -> list[Candidate]:
    """Names the context patterns miss, cut wrong or type wrong, put right: bodies named by their
    remit or office, organisations named as networks or after "X-based <outlet>", an imperative
    verb opening a known name ("Exclude Acme Vision ..."), role words read as people, a parliament
    name run on over "for <Country> and Vice-Chair", and civil-society bodies typed as firms."""
    kept = [r for c in candidates if (r := _repaired(c, candidates, text)) is not None]
    return kept + _remit_bodies(kept, text) + _and_headed(kept, text) + _party_lines(text) + _labelled_people(text) \
        + _camel_names(text)


# "VeriFact Asia", "NewsGuard Europe": a word with an inner capital (not "McDonald", "DeSantis": four
# letters at least before it) and the words of its name, written the same way twice or more.
ADDRESSED = re.compile(r"\b(?:told|tells|according to|by)\s+$")  # "told NewsGuard Europe": once is enough
CAMEL_NAME = re.compile(r"\b(?P<org>(?P<camel>[A-Z][a-z]{3,}[A-Z][a-z]+)(?:[ \t]+[A-Z][a-z]+){1,2})\b")


def _camel_names(text: str) -> list[Candidate]:
    """Organisations named in camel case with more words after (see :data:`CAMEL_NAME`)."""
    found = list(CAMEL_NAME.finditer(text)) if re.search(r"[a-z][A-Z]", text) else []
    counts = Counter(m.group("org") for m in found)
    return [_named(m, "Organization", "pattern:camel-name", text) for m in found
            if (counts[m.group("org")] > 1 or ADDRESSED.search(text, max(0, m.start() - 16), m.start()))
            and gz.lookup(m.group("camel")) is None and gz.lookup(m.group("org")) is None]


# "**From:** Ana Lima, Senior Analyst", "Contact person: Ion Popa, Head of ...": a memo's or notice's
# labelled field naming a person.
# Fields may run on one line once a reader joins them ("To: X From: Ana Lima, Analyst Reviewed by: Ion Popa Date: ...").
LABELLED_PERSON = re.compile(r"(?:^|(?<=\s))[ \t>*_#-]*(?:From|Reviewed\s+by|Approved\s+by|Prepared\s+by|Written\s+by|"
                             r"Authors?|Contact(?:\s+person)?|Signed(?:\s+by)?|Rapporteur|Chair)[ \t]*:[ \t*_]*"
                             r"(?P<person>[A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+){1,2})"
                             r"(?=[ \t]*(?:,|\*|$)|\s+[A-Z][a-z]+(?:\s+by)?:)", re.M)
NOT_PERSON_WORDS = frozenset({"committee", "board", "team", "desk", "unit", "department", "office", "services"})


# "Jana Novak (Greens/EFA)" on a line of its own: a member of parliament and her political group.
PARTY_LINE = re.compile(r"^(?P<person>[A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+){1,2})[ \t]+\([A-Za-z][\w/&.-]{1,15}\)[ \t]*$",
                        re.M)


def _party_lines(text: str) -> list[Candidate]:
    """The author of a parliamentary question, named on a line with her group (see :data:`PARTY_LINE`)."""
    return [_person_named(m, "pattern:party-line") for m in (PARTY_LINE.finditer(text) if ")\n" in text else ())
            if _personal(m.group("person"))]


def _labelled_people(text: str) -> list[Candidate]:
    """People named in labelled fields (see :data:`LABELLED_PERSON`)."""
    return [_person_named(m, "pattern:labelled-person") for m in (LABELLED_PERSON.finditer(text) if ":" in text else ())
            if _personal(m.group("person"))]


def _personal(name: str) -> bool:
    """Whether a capitalised run can be a person's name: no organisation's word, no known name."""
    from frkg.patterns import ORG_LAST_WORDS, ORG_TAIL_WORDS

    words = {w.lower() for w in re.split(r"[ -]", name)}
    return gz.lookup(name) is None and not words & (ORG_LAST_WORDS | ORG_TAIL_WORDS | NOT_PERSON_WORDS) \
        and not any(gz.lookup(w) or w.title() in gz.demonym_index() for w in name.split())


def _person_named(m: re.Match, rule: str) -> Candidate:
    name = m.group("person")
    return Candidate(m.start("person"), m.end("person"), "person/" + slugify(name), "Person", rule, 0.8, 1, label=name)


def _repaired(c: Candidate, candidates: list[Candidate], text: str) -> Candidate | None:
    if c.layer != NAME_LAYER or not c.rule.startswith("pattern:"):
        return c
    name = text[c.start:c.end]
    if c.entity_type == "Person":
        return None if _role_person(c, text) else c
    if _runs_over_country(c, candidates, text):
        return None
    if c.entity_type == "Firm" and (NOT_FIRM_HEAD.match(name) or RIGHTS_DESCRIBED.match(text, c.end)):
        civic = RIGHTS_DESCRIBED.match(text, c.end) is not None
        return _retyped(c, "CivilSocietyOrganization" if civic else "Organization")
    if c.entity_type in BODY_TYPES and PRIVATE_OWNER.search(text, max(0, c.start - 30), c.start):
        return _retyped(c, "Organization")
    return _without_imperative(c, candidates, text)


def _role_person(c: Candidate, text: str) -> bool:
    """A role word ("Member") or a portfolio after a role ("Head of Responsible Investment") read as
    a person's name."""
    return c.entity_type == "Person" and c.rule.startswith(("pattern:", "coref:")) and (
        text[c.start:c.end].lower() in ROLE_NAMES or OF_ROLE.search(text, max(0, c.start - 40), c.start) is not None)


def _retyped(c: Candidate, entity_type: str) -> Candidate:
    return Candidate(c.start, c.end, c.key, entity_type, c.rule, c.confidence, c.priority, c.attributes, c.label)


def _runs_over_country(c: Candidate, candidates: list[Candidate], text: str) -> bool:
    """"European Parliament for Slovakia and Vice-Chair": a known name, "for", a country and then
    nothing of the name: the known name and the country are two mentions."""
    for cut in FOR_COUNTRY.finditer(text, c.start, c.end):
        head = [o for o in candidates if o.start == c.start and o.end == cut.start() and o.rule == "gazetteer"]
        country = [o for o in candidates if o.start == cut.end() and o.rule == "country-name" and o.end <= c.end]
        if head and country and re.fullmatch(r"(?:\s+and\s+.*)?", text[country[0].end:c.end], re.S):
            return True
    return False


def _without_imperative(c: Candidate, candidates: list[Candidate], text: str) -> Candidate:
    """"Exclude Acme Vision under rule 4": a common word opening a sentence before a name the
    document gives elsewhere is no part of it; the mention is that name's."""
    from frkg.places import _common_words

    first, _, rest = text[c.start:c.end].partition(" ")
    opens = c.start == 0 or text[c.start - 1] == "\n" or text[max(0, c.start - 2):c.start] in (". ", "# ", "* ")
    if not rest or not opens or first.lower() not in _common_words():
        return c
    known = next((o for o in candidates if o is not c and o.layer == NAME_LAYER
                  and (text[o.start:o.end] == rest or text[o.start:o.end].startswith((rest + " ", rest + ",")))), None)
    if known is None:
        return c
    return Candidate(c.end - len(rest), c.end, known.key, known.entity_type, c.rule, c.confidence, c.priority,
                     c.attributes, c.label and rest)


def _remit_bodies(candidates: list[Candidate], text: str) -> list[Candidate]:
    """Bodies named by their remit or office (see :data:`MISSION_TO`, :data:`COMMITTEE_ON`,
    :data:`TRIBUNAL`, :data:`MINISTER_FOR`) and organisations named as networks or after where
    they sit (:data:`NETWORK_NAME`, :data:`BASED_DESCRIBED`)."""
    from frkg.patterns import _org

    people = [c for c in candidates if c.entity_type == "Person"]
    legislature = any(c.entity_type == "Legislature" for c in candidates)
    demonyms = gz.demonym_index()
    out: list[Candidate] = []
    for m in MISSION_TO.finditer(text) if "Mission to" in text else ():
        if m.group("dem") in demonyms:
            out.append(_named(m, "GovernmentBody", "pattern:mission-to", text))
    for m in COMMITTEE_ON.finditer(text) if "ommittee on" in text else ():
        out.append(_named(m, "Legislature" if legislature or LEGISLATIVE.match(m.group("org")) else "Organization",
                          "pattern:committee-on", text, strip=True))
    for m in MINISTER_FOR.finditer(text) if "Minister " in text else ():
        if not any(p.start < m.end() and m.start() < p.end for p in people):
            out.append(_named(m, "GovernmentBody", "pattern:minister-for", text))
    for regex, default, rule, gate in ((TRIBUNAL, "GovernmentBody", "pattern:tribunal", "Tribunal"),
                                       (NETWORK_NAME, "Organization", "pattern:network-name", ""),
                                       (BASED_DESCRIBED, "Organization", "pattern:based-described", "-based")):
        for m in regex.finditer(text) if gate in text else ():
            kind = m.groupdict().get("kind")
            civic = kind in CIVIC_KINDS if kind else regex is NETWORK_NAME and CIVIC_WORD.search(m.group("org"))
            for x in _org(m, "org", 0, rule, default, single_word=True, confidence=0.8):
                if x.entity_type in ("Organization", "Firm") and regex is not TRIBUNAL and gz.entries().get(x.key) is None:
                    x = _retyped(x, "CivilSocietyOrganization" if civic else "Organization")  # a network is no firm
                out.append(x)
    return out


LEGISLATIVE = re.compile(r"(?:House|Senate|Parliament|Assembly)\b")


def _named(m: re.Match, entity_type: str, rule: str, text: str, strip: bool = False) -> Candidate:
    """A candidate for the name in group ``org`` (with ``strip``, without opening stop words: "The", "In")."""
    start = m.start("org")
    while strip and (word := re.match(r"([A-Z][\w-]*)[ \t]+", text[start:m.end("org")])) \
            and word.group(1) in CHAPTER_STOP:
        start += word.end()
    label = " ".join(text[start:m.end("org")].split())
    return Candidate(start, m.end("org"), "org/" + slugify(label), entity_type, rule, 0.8, 1, label=label)


def _and_headed(candidates: list[Candidate], text: str) -> list[Candidate]:
    """"the Central Import and Export Office": a public body whose name opens with words joined by
    "and" that name no other entity (see :data:`AND_HEAD`)."""
    out = []
    for c in candidates:
        if c.layer != NAME_LAYER or c.entity_type not in BODY_TYPES:
            continue
        head = AND_HEAD.search(text, max(0, c.start - 40), c.start)
        if head is None or head.group().split()[0] in CHAPTER_STOP \
                or any(o.layer == NAME_LAYER and o.start < c.start and o.end > head.start() for o in candidates):
            continue
        out.append(_renamed(c, head.start(), c.end, text))
    return out
