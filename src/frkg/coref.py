"""Light coreference inside one document.

* Names: once "Alexandra Seymour" (or "Beraja") is known as a person, every
  later or earlier "Seymour" / "Beraja’s" in the document denotes the same
  person.
* Pronouns: "she", "he" refer to the closest person mentioned before them
  (lower confidence; the caller records it in the evidence).
"""
from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from functools import lru_cache

from frkg.mentions import Candidate
from frkg.model import Mention, Sentence

PRONOUN_CONFIDENCE = 0.6
NAME_REPEAT_CONFIDENCE = 0.9
# A Korean-style given name ("Ji-hoon", "Min-seo"): two syllables joined by a hyphen, the second in
# lower case.  After a single other word it marks the surname-first order ("Lee Min-jun").
GIVEN_NAME_LAST = re.compile(r"^[A-Z][a-z]+-[a-z]+$")


# "Ramon dela Cruz", "Ruud van der Berg": lower-case particles before a surname.
SURNAME_PARTICLES = frozenset({"de", "del", "dela", "della", "la", "los", "las", "da", "das", "do", "dos", "di",
                               "du", "van", "von", "der", "den", "ter", "ten", "bin", "binti", "ibn"})


def surname(tokens: list[str]) -> str:
    """The family name of a person's name: the last word, or the first in surname-first order
    ("Lee Min-jun" -> "Lee", whom a later "Mr Lee" denotes)."""
    if len(tokens) == 2 and GIVEN_NAME_LAST.match(tokens[1]) and not GIVEN_NAME_LAST.match(tokens[0]):
        return tokens[0]
    return tokens[-1]


def _bare_surname(name: str) -> str:
    """A lone surname, its particles left out ("Van der Berg" -> "Berg"); the name itself otherwise."""
    tokens = name.split()
    return tokens[-1] if all(t.lower() in SURNAME_PARTICLES for t in tokens[:-1]) else name


def propagate_names(found: list[Candidate], sentences: list[Sentence], text: str) -> list[Candidate]:
    """Mentions of a known person's surname or single name elsewhere in the text."""
    short_names: dict[str, str] = {}
    persons = [c for c in found if c.entity_type == "Person"]
    for cand in sorted(persons, key=lambda c: -(c.end - c.start)):
        tokens = " ".join(text[cand.start:cand.end].split()).split()
        short_names.setdefault(surname(tokens), cand.key)
        short_names.setdefault(" ".join(tokens), cand.key)
    if not short_names:
        return []
    pattern = re.compile(r"\b(?:%s)\b" % "|".join(re.escape(n) for n in
                                                  sorted(short_names, key=len, reverse=True)))
    span_start, span_end = sentences[0].start if sentences else 0, sentences[-1].end if sentences else 0
    out = []
    for m in pattern.finditer(text, span_start, span_end):
        key = short_names[m.group()]
        out.append(Candidate(m.start(), m.end(), key, "Person", "coref:name", NAME_REPEAT_CONFIDENCE, 2))
    return out


# "the Observatorio de Derecho Informático Argentino (ODIA)": the acronym in brackets after a name.
ACRONYM_AFTER = re.compile(r"\s*\((?P<acr>[A-Z][A-Za-z&]{1,9})\)")
ORG_NAME_TYPES = ("Person", "Country", "Group")


def propagate_org_names(found: list[Candidate], sentences: list[Sentence], text: str,
                        shorts: dict[str, Candidate] | None = None) -> list[Candidate]:
    """Every later use of an organisation's name found from its context ("the local firm
    Danaide ... Danaide said") or of an acronym defined after such a name ("a lawyer for ODIA")
    names that organisation."""
    from frkg import gazetteer as gz
    acronyms: dict[str, Candidate] = {}
    for cand in found:
        if cand.layer != 0 or cand.entity_type in ORG_NAME_TYPES:
            continue
        m = ACRONYM_AFTER.match(text, cand.end)
        if m and _short_name(m.group("acr"), text[cand.start:cand.end]):
            acronyms.setdefault(m.group("acr"), cand)
        initials = _initials(text[cand.start:cand.end])
        if initials:
            acronyms.setdefault(initials, cand)
        name = " ".join(text[cand.start:cand.end].split())
        if cand.rule.startswith("pattern:") and name[:1].isupper() and gz.lookup(name) is None:
            acronyms.setdefault(name, cand)
    for short, cand in (short_org_names(found, text) if shorts is None else shorts).items():
        acronyms.setdefault(short, cand)
    if not acronyms or not sentences:
        return []
    pattern = re.compile(r"\b(?:%s)\b" % "|".join(re.escape(a) for a in acronyms))
    return [Candidate(m.start(), m.end(), acronyms[m.group()].key, acronyms[m.group()].entity_type,
                      "coref:acronym", NAME_REPEAT_CONFIDENCE, 2)
            for m in pattern.finditer(text, sentences[0].start, sentences[-1].end)]


NAME_WORD = re.compile(r"[A-Z][\w-]*")


def _initials(name: str) -> str:
    """"LPA chief executive" after "the Lisbon Port Authority": a name of three or more capitalised
    words may be used later by its initials without ever defining them in brackets."""
    words = NAME_WORD.findall(name)
    return "".join(w[0] for w in words) if len(words) >= 3 and len(words) == len(name.split()) else ""


# Trailing words that say what a firm does; without them its name is still its name ("Golden Delta
# Technology" -> "Golden Delta", "Kestrel Vision" -> "Kestrel").
GENERIC_TAIL = re.compile(r"(?:\s+(?:Technology|Technologies|Tech|Vision|Systems|Solutions|Networks|Holdings|Group|"
                          r"Intelligent|Data|Analytics|Security|Secure|Link|Electronics|Software|Labs|Robotics|AI|"
                          r"Corporation|Company|International|Digital|Biometrics|Securities|Optics|Imaging|"
                          r"Telematics))+$")


SHORTENED_TYPES = ("Firm", "ResearchOrganization")
# "Vikingsyn Optics B.V.", "Balkan Vision EOOD", "Nordvik Optics AB": European legal forms too.
LEGAL_FORM = re.compile(r"(?:,?\s+(?:Co|Ltd|Inc|Corp|LLC|PLC|GmbH|Pte|B\.V|N\.V|S\.A|S\.p\.A|SAS|SRL|S\.R\.L|AG|AB|"
                        r"Oy|ASA|EOOD|OOO|Pty|Sp\.\s?z\s?o\.o)\b\.?,?)+$")


def short_org_names(found: list[Candidate], text: str) -> dict[str, Candidate]:
    """Short forms of firms' names found from context: the name without its generic tail."""
    from frkg import gazetteer as gz
    from spacy.lang.en.stop_words import STOP_WORDS
    out: dict[str, Candidate] = {}
    for cand in [c for c in found if c.entity_type in SHORTENED_TYPES and c.end - c.start >= 9]:  # two words or more
        if not cand.rule.startswith("pattern:"):
            continue
        name = " ".join(text[cand.start:cand.end].split())
        bare = LEGAL_FORM.sub("", name)
        if bare != name:
            out.setdefault(bare, cand)  # "Northstar Secure Link Ltd." is "Northstar Secure Link"
        name, tail = bare, GENERIC_TAIL.search(bare)
        short = name[:tail.start()] if tail and tail.start() > 0 else ""
        if cand.entity_type == "ResearchOrganization":  # "Princeton University" -> "Princeton"
            short = name[:-len(" University")] if name.endswith(" University") and " " not in name[:-11] else ""
        for form in (short, _without_city(short or bare) if cand.entity_type == "Firm" else ""):
            if len(form) >= 4 and form.lower() not in STOP_WORDS and gz.lookup(form) is None \
                    and form not in gz.demonym_index():
                out.setdefault(form, cand)
    return out


def _without_city(name: str) -> str:
    """"Shenzhen Huayu" -> "Huayu": a firm named after its home city is later called by the rest of
    its name, when that is one word and no city itself."""
    from frkg.places import city_index
    cities = city_index()
    words = name.split()
    for n in (1, 2):
        rest = words[n:]
        if len(rest) == 1 and " ".join(words[:n]) in cities and rest[0] not in cities and rest[0][:1].isupper():
            return rest[0]
    return ""


def rekey_short_names(found: list[Candidate], text: str, shorts: dict[str, Candidate]) -> list[Candidate]:
    """A name found by a pattern that is a known firm's short form (see :func:`short_org_names`)
    denotes that firm ("Wang Lei, founder of Shenzhen Huayu" -> Shenzhen Huayu Intelligent Systems)."""
    if not shorts:
        return found
    lengths = {len(s) for s in shorts}
    out = []
    for c in found:
        long = shorts.get(text[c.start:c.end]) if c.end - c.start in lengths else None
        if long is not None and c.layer == 0 and c.key != long.key and c.entity_type not in ("Person", "Country"):
            c = Candidate(c.start, c.end, long.key, long.entity_type, c.rule, c.confidence, c.priority)
        out.append(c)
    return out


def _short_name(short: str, name: str) -> bool:
    """Whether "(Idec)", "(ODIA)" after a name of several words is its short form: not a known
    name, not a plain word nor a word of the name ("National Police (Police)"), and either an
    acronym or starting with the initial of one of the name's capitalised words."""
    from frkg import gazetteer as gz
    from spacy.lang.en.stop_words import STOP_WORDS
    if gz.lookup(short) is not None or short.lower() in STOP_WORDS or len(name.split()) < 2 \
            or short in name.split():
        return False
    return sum(ch.isupper() for ch in short) >= 2 or short[0] in {w[0] for w in name.split() if w[:1].isupper()}


# "Mr Li" after "Li Xiaoming": a courtesy title goes with a family name, so a titled name that is the
# first word of a two-word name (and no one's last word) gives the surname-first order.
COURTESY_BEFORE = re.compile(r"\b(?:Mr|Ms|Mrs|Miss|Mx|Dr)\.?\s+$")


def resolve_surnames(found: list[Candidate], text: str) -> list[Candidate]:
    """Give a lone surname the key of the full name it abbreviates in this document (see also
    :data:`COURTESY_BEFORE`)."""
    full: dict[str, str] = {}
    first: dict[str, str] = {}
    for cand in found:
        tokens = text[cand.start:cand.end].split()
        if cand.entity_type == "Person" and len(tokens) > 1:
            full.setdefault(surname(tokens), cand.key)
            if len(tokens) == 2:
                first.setdefault(tokens[0], cand.key)
    out = _full_names_of_titled(found, text, full, first)
    for cand in found:
        name = _bare_surname(text[cand.start:cand.end].strip())
        key = full.get(name) or (first.get(name) if COURTESY_BEFORE.search(text, max(0, cand.start - 6), cand.start)
                                 else None)
        if cand.entity_type == "Person" and " " not in name and key is not None and key != cand.key:
            cand = Candidate(cand.start, cand.end, key, "Person", cand.rule,
                             min(cand.confidence, NAME_REPEAT_CONFIDENCE), cand.priority,
                             cand.attributes, None)
        out.append(cand)
    return out


# "Jana Novak (Greens)" in a header the name patterns miss, then "Ms Novak is a Member of ...": the given
# name and the surname, both capitalised, where no title or common word stands for the given name.
NOT_GIVEN = re.compile(r"(?:Mr|Ms|Mrs|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Judge|Justice|Senator|Minister|"
                       r"President|Commissioner|Chair|Member|Note|By|From|To|Dear|Answer|Question)\.?")


def _full_names_of_titled(found: list[Candidate], text: str, full: dict[str, str],
                          first: dict[str, str]) -> list[Candidate]:
    """The full name a titled lone surname ("Ms Novak") abbreviates, found in the text as two capitalised
    words no candidate covers; each becomes a person candidate and ``full`` maps the surname to it."""
    from spacy.lang.en.stop_words import STOP_WORDS
    from frkg.identity import slugify
    out: list[Candidate] = []
    for cand in found:
        name = text[cand.start:cand.end].strip()
        if cand.entity_type != "Person" or " " in name or name in full or name in first \
                or not COURTESY_BEFORE.search(text, max(0, cand.start - 6), cand.start):
            continue
        full_name = re.compile(rf"(?<![\w’'.-])(?P<given>[A-Z][a-z][\w’'-]*)[ \t]+{re.escape(name)}\b")
        m = next((m for m in full_name.finditer(text)
                  if not NOT_GIVEN.fullmatch(m.group("given")) and m.group("given").lower() not in STOP_WORDS
                  and not any(c.start < m.end() and m.start() < c.end for c in found)), None)
        if m is None:
            continue
        key = "person/" + slugify(f"{m.group('given')} {name}")
        full[name] = key
        out.append(Candidate(m.start(), m.end(), key, "Person", "coref:full-name", NAME_REPEAT_CONFIDENCE, 2))
    return out


def pronoun_antecedent(position: int, mentions: list[Mention], types: tuple[str, ...] = ("Person",)
                       ) -> Mention | None:
    """The closest mention of one of ``types`` that ends before ``position``."""
    candidates = [m for m in mentions if m.entity_type in types and m.end <= position]
    if not candidates:
        return None
    ends = [m.end for m in candidates]
    return candidates[bisect.bisect_right(ends, position) - 1]


DEFINITE_CONFIDENCE = 0.6
FIRM_TYPES = ("Firm",)
BODY_TYPES = ("GovernmentBody", "PoliceDepartment", "Legislature")
CIVIL_TYPES = ("CivilSocietyOrganization", "ThinkTank", "ResearchOrganization", "Organization")
# Head noun of a definite description -> the entity types it can refer back to.
DEFINITE_HEADS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("company", "firm", "retailer", "chain", "giant", "manufacturer", "vendor",
                     "maker", "supplier", "startup", "start-up", "conglomerate", "provider"), FIRM_TYPES),
    **dict.fromkeys(("agency", "regulator", "watchdog", "ministry", "authority", "commission",
                     "bureau", "commissioner"), ("GovernmentBody", "Legislature")),
    "department": BODY_TYPES,
    **dict.fromkeys(("police", "force"), ("PoliceDepartment",)),
    **dict.fromkeys(("group", "organisation", "organization", "charity", "ngo", "campaigners"),
                    CIVIL_TYPES),
    "think tank": ("ThinkTank",),
    "committee": ("Legislature", "GovernmentBody"),
    **dict.fromkeys(("tribunal", "court"), ("GovernmentBody", "Legislature", "Organization")),
}
# "the committee", "the tribunal" mean a body named so before, never merely the last public body.
NAMED_ONLY_HEADS = frozenset({"committee", "tribunal", "court"})
# "the company", "the Chinese company", "the telecoms giant", "the privacy regulator": at most two
# lower-case or demonym modifiers between the article and the head noun.
# "the New York-based group": a place-based modifier is no part of a name (a place found there keeps
# its own mention: "the Lyon-based retailer" stays text).
PLACE_BASED = re.compile(r"(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+-based\b")
DEFINITE = re.compile(r"\b[Tt]he\s+(?:%s\s+)?(?:(?:[A-Z][a-z]+|[a-z][\w-]*)\s+){0,2}?(?P<head>(?i:%s))\b"
                      r"(?!\s+(?:of\b|[A-Z])|-)"
                      % (PLACE_BASED.pattern,
                         "|".join(sorted((re.escape(h) for h in DEFINITE_HEADS), key=len, reverse=True))))


def definite_descriptions(found: list[Candidate], text: str, sentences: list[Sentence]) -> list[Candidate]:
    """ "the company", "the agency", "the group": the last entity of a compatible type named before.

    Only descriptions that overlap no named mention count (a name already says who it is);
    they get a lower confidence and the rule ``coref:definite``.
    """
    if not sentences:
        return []
    names = sorted((c for c in found if c.layer == 0), key=lambda c: c.start)
    starts = [c.start for c in names]
    out = []
    for m in DEFINITE.finditer(text, sentences[0].start, sentences[-1].end):
        head = m.group("head").lower()
        modifiers = PLACE_BASED.sub("", text[m.start():m.start("head")]).split()[1:]
        if any(w[0].isupper() and w not in _demonym_forms() for w in modifiers):
            continue  # "the Dutch National Police": a name, not a description
        i = bisect.bisect_left(starts, m.start())
        if any(c.rule != "demonym" for c in itertools.takewhile(lambda c: c.start < m.end(), names[i:])):
            continue  # a name inside the description; a demonym modifier ("the Chinese company") is not one
        before = [c for c in names[:i] if c.entity_type in DEFINITE_HEADS[head] and c.end <= m.start()]
        c = _named_like([c for c in names[:i] if c.entity_type not in ORG_NAME_TYPES], head, text) \
            or (_salient(before) if before and head not in NAMED_ONLY_HEADS else None)
        if c is not None:
            out.append(Candidate(m.start(), m.end(), c.key, c.entity_type, "coref:definite",
                                 DEFINITE_CONFIDENCE, 3))
    return out + party_descriptions(names, text)


# A court summary names its parties once ("The appellant, Nordvik Optics AB, is ...", "Nordvik Optics AB (the
# appellant)") and then calls them by their part in the case ("The appellant argued that ...").
PARTY = r"appellant|applicant|claimant|complainant|plaintiff|petitioner|respondent|defendant"
PARTY_BEFORE_NAME = re.compile(rf"\b[Tt]he\s+(?P<party>{PARTY})\s*,\s+")
PARTY_AFTER_NAME = re.compile(rf"(?:[ \t]+[A-Z][\w.]{{0,5}}){{0,2}}\s*\(\s*(?:the\s+)?[“\"]?(?P<party>{PARTY})"
                              r"[”\"]?\s*\)", re.I)  # "Nordvik Optics AB (the appellant)": past a legal form
PARTY_WORD = re.compile(PARTY, re.I)
PARTY_MENTION = re.compile(rf"\b[Tt]he\s+(?P<party>{PARTY})\b(?!\s*,)")


def party_descriptions(names: list[Candidate], text: str) -> list[Candidate]:
    """ "the appellant": the party a court summary named so (see :data:`PARTY`), after it did."""
    if not PARTY_WORD.search(text):
        return []  # cheap test first (speed)
    by_start = {c.start: c for c in names if c.entity_type not in ("Country", "Group")}
    named: dict[str, tuple[int, Candidate]] = {}
    for m in PARTY_BEFORE_NAME.finditer(text):
        if m.end() in by_start:
            named.setdefault(m.group("party").lower(), (m.end(), by_start[m.end()]))
    for c in by_start.values():
        m = PARTY_AFTER_NAME.match(text, c.end)
        if m is not None:
            named.setdefault(m.group("party").lower(), (m.end(), c))
    out = []
    for m in PARTY_MENTION.finditer(text):
        after, party = named.get(m.group("party").lower(), (len(text), None))
        if party is not None and m.start() > after:
            out.append(Candidate(m.start(), m.end(), party.key, party.entity_type, "coref:party",
                                 DEFINITE_CONFIDENCE, 3))
    return out


# A body named this often is what the text is about: "the company" after a rival named once in passing
# ("Kestrel said ... Rivals such as Hikvision offer the same cameras. The company further submitted ...").
SALIENT_NAMINGS = 3


def _salient(before: list[Candidate]) -> Candidate:
    """The body a description means: the last one named, unless that was named only once and another
    (the latest on a tie) at least :data:`SALIENT_NAMINGS` times."""
    counts = Counter(c.key for c in before)
    main = max(reversed(before), key=lambda c: counts[c.key])
    return main if counts[before[-1].key] == 1 and counts[main.key] >= SALIENT_NAMINGS else before[-1]


def _named_like(before: list[Candidate], head: str, text: str) -> Candidate | None:
    """ "the authority" after "the Norwegian Data Protection Authority ... the Oslo police": the
    latest body whose own name has the head noun is meant, not merely the latest body of the
    head's usual type ("the commission" after the civil-society "Ghana Human Rights Commission")."""
    same = [c for c in before if re.search(rf"\b{re.escape(head)}\b", text[c.start:c.end], re.I)
            or _described_as(c, head, text)]
    return same[-1] if same else None


def _described_as(c: Candidate, head: str, text: str) -> bool:
    """ "Harbour Watch, a Lisbon-based advocacy group, ...": a name described by the head noun in
    apposition is as named like it as "Orion Digital Group" ("the group" after both: the later); "To
    Reuters, the company said" is no apposition, hence the indefinite article."""
    return re.match(rf",\s+an?\s+(?:[\w-]+\s+){{0,3}}?{re.escape(head)}\b", text[c.end:c.end + 80],
                    re.I) is not None


@lru_cache(maxsize=1)
def _demonym_forms() -> frozenset[str]:
    from frkg import gazetteer as gz
    return frozenset(gz.demonym_index())


# "the Minister said", "the minister added": a title standing for the person it was given to before.
PERSON_TITLES = r"(?i:minister|secretary|ambassador|senator|commissioner|governor|mayor|chancellor|rapporteur)"
TITLE_DESCRIPTION = re.compile(rf"\b[Tt]he\s+(?:[A-Z][a-z]+\s+){{0,2}}?(?P<title>{PERSON_TITLES})\b(?!\s+[A-Z]|-)")
# "Trade Minister Ana Ruiz" (title before the name) ...
TITLE_BEFORE_PERSON = re.compile(rf"\b{PERSON_TITLES}\s+$")
# ... "Ana Ruiz, Minister for Trade" or a release's byline "The Hon Ana Ruiz MP\nMinister for Trade".
TITLE_AFTER_PERSON = re.compile(rf"(?:\s+MP\b)?\s*(?:,\s*|\n\s*)(?:the\s+)?(?:[A-Z][\w-]*\s+){{0,3}}?{PERSON_TITLES}\b")


def titled_descriptions(found: list[Candidate], text: str) -> list[Candidate]:
    """ "the Minister": the last person named before with that title, right before the name or in
    apposition (or on the byline's next line) after it; a lower confidence and the rule ``coref:title``."""
    people = sorted((c for c in found if c.entity_type == "Person" and not c.rule.startswith("coref")),
                    key=lambda c: c.start)
    names = sorted(c.start for c in found)
    out = []
    for m in TITLE_DESCRIPTION.finditer(text):
        i = bisect.bisect_left(names, m.start())
        if i < len(names) and names[i] < m.end():
            continue  # a name inside the description
        title = m.group("title").lower()
        titled = [p for p in people if p.end <= m.start() and _titled(p, title, text)]
        if titled:
            out.append(Candidate(m.start(), m.end(), titled[-1].key, "Person", "coref:title", DEFINITE_CONFIDENCE, 3))
    return out


def _titled(person: Candidate, title: str, text: str) -> bool:
    before = TITLE_BEFORE_PERSON.search(text, max(0, person.start - 40), person.start)
    after = TITLE_AFTER_PERSON.match(text, person.end)
    return any(t is not None and t.group().lower().rstrip().endswith(title) for t in (before, after))
