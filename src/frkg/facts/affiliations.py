"""Who works where: "X, an associate fellow at Y", "X, director of Y", "X of the Y says"."""
from __future__ import annotations

import re

from frkg.coref import DEFINITE_HEADS, PLACE_BASED
from frkg.facts.context import COREF_CONFIDENCE, Context, fact
from frkg.gazetteer import ORG_TYPES
from frkg.identity import slugify
from frkg.model import Fact, Mention
from frkg.patterns import APPOSITIVE_ROLE, PERSON, ROLE, TITLE_WORDS

# "Arctis's sales director for Southeast Asia, X": a role may cover a region.
REGION_OF_ROLE = r"(?:\s+(?:for|in)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})?"
# "The Israeli firm's chief executive, X", "The committee's chair, X": a described body (the last one
# of its kind named before); "Its commander, X".
ROLE_BEFORE_NAME = re.compile(
    rf"(?:(?P<org>\b(?:[Tt]he\s+(?:[A-Z][\w-]*\s+)?(?P<head>company|firm|committee|agency|ministry|regulator|"
    rf"watchdog|authority|commission|group|organi[sz]ation|force)|[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*))(?:’s|'s)|"
    rf"(?P<its>\b(?:[Ii]ts|[Tt]heir)))\s+"
    rf"(?P<role>(?:[\w-]+\s+){{0,3}}?(?:{ROLE}|commander|superintendent)(?:\s+of\s+[a-z]+)?{REGION_OF_ROLE}),\s+")
# "Its executive director, X": "its" is the organisation named last before (not a country).
ITS_ORG_TYPES = tuple(t for t in ORG_TYPES if t != "Country")
# "Lindsey Chiswick, the Met's director of intelligence": the organisation may be a short
# form of one named before ("the Met" for "the Metropolitan Police").
PERSON_ORG_ROLE = re.compile(
    rf"(?P<person>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){{1,2}}),\s+(?:the\s+)?(?P<org>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*)"
    rf"(?:’s|'s)\s+(?P<role>(?:[\w-]+\s+){{0,3}}?{ROLE}(?:\s+of\s+[a-z]+)?)\s*(?:,|\.(?=\s|$))")
# "Microsoft president Brad Smith"; "ADRN's researcher Lucia Quispe" (a possessive, no comma before the name).
ORG_ROLE_TAIL = re.compile(rf"(?:’s|'s)?\s+(?P<role>(?:[a-z-]+\s+){{0,2}}{ROLE})\s+$")
POSSESSIVE = re.compile(r"(?:’s|'s)\s")  # "the FTC's Bureau of ...": the bureau, not the FTC
ROLE_AT_DEFINITE_TAIL = re.compile(rf",\s+(?:an?\s+|the\s+)?(?P<role>(?:[\w-]+\s+){{0,3}}?{ROLE})\s+"
                                   r"(?:of|at|for|with|from)\s+(?=[Tt]he\s)")
ARTICLE_MODIFIERS = re.compile(r",\s+(?:an?|the)\s+(?:(?:senior|top|former|deputy|chief|leading|veteran|"
                               r"longtime|high-ranking|junior)\s+)*")
ROLE_AFTER_ORG = re.compile(rf"\s+(?P<role>(?:[a-z-]+\s+)?{ROLE})\b")
OF_THE = re.compile(r"\s+(?:of|from|at)\s+(?:the\s+)?")
# "The author is associate China director at Human Rights Watch" (after a "By X" byline).
# "Ana Mamani, the group's director", "Erik Lund, the company's chief executive".
DEFINITE_ROLE_AFTER = re.compile(
    rf",\s+(?:the\s+(?P<head>company|firm|group|organi[sz]ation|agency|authority|regulator|watchdog|ministry|"
    rf"charity|retailer|chain|department|commission|party|centre|center|institute|committee|forum|"
    rf"foundation|union|network|coalition|alliance|campaign|project)|its|their)(?:’s|'s)?\s+"
    rf"(?P<role>(?:[\w-]+\s+){{0,3}}?(?:[a-z]+-)?{ROLE}(?:\s+(?:executive|officer|director))?"
    r"(?:\s+(?:of|for)\s+(?!the\b|an?\b)[a-z][\w-]*(?:\s+(?!and\b|or\b)[a-z][\w-]*)?)?)\b")
# "the centre's director of research", "the company's vice-president for international business"
# Heads that are words of the body's own name ("the network" for "X Rights Network").
NAMED_HEADS = ("network", "coalition", "alliance", "campaign", "project")
# "X, who speaks on justice for the opposition Y Party": a party's spokesperson on a field.
WHO_WORKS = re.compile(r",\s+who\s+(?:works|worked|researches|researched|campaigns|campaigned|writes|wrote|"
                       r"reports|reported|teaches|taught|studies|studied|covers|covered|follows|followed|"
                       r"speaks|spoke)\b"
                       r"[^,.;“”\"]{0,60}?\s+(?:for|at|with)\s+(?:the\s+)?"
                       r"(?:(?:main\s+)?(?:opposition|ruling|governing)\s+)?")
# "X, who leads Amnesty's work on biometrics": leading a body's work is working for it.
# "X, who also chairs the Senate's Ethics Committee": chairing a body is a post there ("chair").
WHO_LEADS = re.compile(r",\s+who\s+(?:also\s+|now\s+)?(?:leads|led|heads|headed|runs|ran|directs|directed|"
                       r"coordinates|coordinated|oversees|oversaw|manages|managed|(?P<chairs>chairs|chaired))\s+"
                       r"(?:the\s+)?")
TITLE_APPOSITION = re.compile(r",\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:of|for|and|the|[A-Z][\w-]*))*(?=,\s+who\b)")
OWNER_POSSESSIVE = re.compile(r"[A-Z][\w-]*(?:’s|'s)\s+")
# "X, senior researcher on the South Caucasus at Y": a role over a region, then the body.
# "X, policy lead at Y": a "lead" of some field is a role too.
ROLE_ON_REGION_AT = re.compile(rf",\s+(?:an?\s+|the\s+)?(?P<role>(?:[\w-]+\s+){{0,3}}?{ROLE}\s+(?:on|for)\s+(?:the\s+)?"
                               r"(?:[A-Z][\w-]*\s+){1,3}|(?:[a-z-]+\s+){1,2}lead\s+)(?:at|with)\s+(?:the\s+)?")
# "X, Under Secretary of the Treasury for Terrorism and Financial Intelligence, said": a long
# official title naming its body by a word of the body's name ("Treasury").
OFFICIAL_TITLE = re.compile(
    r",\s+(?:the\s+)?(?P<role>(?:(?:Under|Deputy|Assistant|Associate|Acting|Principal|Permanent|Chief)\s+)*"
    r"(?:Secretary|Minister|Director|Commissioner|Administrator|Chair|Chairman|Chairwoman|President|Head)"
    r"\s+(?:of|for)\s+(?:the\s+)?(?P<word>[A-Z][\w-]+)[^,;“”\"]{0,80}?)\s*(?:,|\.?\s*$)")
# "Spokeswoman Ana Silva told", "At a briefing, spokesperson X said": a title opening the sentence
# or its clause before the name; a spokesperson speaks for the body named just before, a mayor or
# governor for the body the title names.
# "Municipal commissioner X said", "..., said spokesperson X": the title may follow a saying verb and
# carry a modifier; a commissioner or corporator belongs to the municipal body named before, a senator
# to the senate ("Brazil's Senate voted ... Its sponsor, Senator Ana Lima: “...”").
TITLE_OPENING = re.compile(r"(?:^\s*|,\s+|\b(?:said|says|added|adds)\s+)(?P<role>(?:[A-Z][a-z]+\s+|[a-z]+\s+)?"
                           r"(?:[Ss]pokes(?:man|woman|person)|Mayor|Governor|Senator|[Cc]ommissioner|[Cc]orporator|"
                           r"[Cc]ouncill?or))\s+$")
TITLE_BODY_WORDS = {"mayor": ("mayor", "city", "municipal", "town-hall"), "governor": ("governor", "governorate"),
                    "commissioner": ("municipal", "corporation", "commission"),
                    "corporator": ("municipal", "corporation"), "councillor": ("council", "municipal"),
                    "councilor": ("council", "municipal"), "rapporteur": ("united-nations", "human-rights-council"),
                    "senator": ("senate",)}
# "the Special Rapporteur on the right to food, X": a UN mandate described before the name.
RAPPORTEUR_BEFORE = re.compile(r"\b[Tt]he\s+(?:UN\s+)?(?P<role>(?:Special\s+)?Rapporteur)\b[^,;“”\"]{0,80},\s+$")
# "Home Affairs Minister X told reporters": the ministry named before with those words in its name.
MINISTER_OPENING = re.compile(r"(?:^\s*|,\s+|\b(?:said|says|added)\s+)(?P<role>(?P<field>(?:[A-Z][a-z]+\s+){1,3})"
                              r"Minister)\s+$")
# "Chief financial officer Ana Ruiz told the call": a corporate officer's title opening the sentence
# belongs to the firm the text is about (see :func:`_main_firm_before`).
CORPORATE_ROLE = re.compile(r"[Cc]hief\s+(?:executive|financial|operating|technology|commercial)(?:\s+officer)?"
                            r"|CEO|CFO|COO")
CORPORATE_TITLE_OPENING = re.compile(rf"(?:^\s*|,\s+|\b(?:said|says|added)\s+)(?P<role>{CORPORATE_ROLE.pattern})\s+$")
# "Interior Minister X": the field of a ministry may be named by another word of the same field.
MINISTRY_FIELD_WORDS = {"interior": ("interior", "internal-affairs", "home-affairs"),
                        "home": ("home-affairs", "interior", "internal-affairs")}
# "Kestrel “...,” said spokesperson X": a sentence opening with one word of a body named before.
OPENING_WORD = re.compile(r"\s*(?P<word>[A-Z][\w-]{2,})\b")
SPOKES_BODY_TYPES = tuple(t for t in ITS_ORG_TYPES if t not in ("Group", "Technology", "Application"))
# "Maria Lindqvist has been sales director of Nordvision AB since 2019", "X is chief executive at Y";
# "X is director of the surveillance policy programme at Y": a programme or unit inside the body.
UNIT_OF = (r"(?:\s+(?:of|for)\s+(?:the|its)\s+(?:[a-z][\w-]*\s+){0,4}(?:programme|program|project|unit|team|"
           r"division|initiative|desk|practice|department)\b)?")
HAS_BEEN_ROLE = re.compile(rf"\s+(?:has\s+been|had\s+been|is|was|became|serves\s+as|served\s+as)\s+(?:an?\s+|the\s+)?"
                           rf"(?P<role>(?:[\w-]+\s+){{0,3}}?{ROLE}){UNIT_OF}\s+(?:of|at|for|with)\s+(?:the\s+)?")
# "A Kestrel director, Ana Vera, said": one word of a body named before, a role, the name in apposition.
A_WORD_ROLE_NAME = re.compile(rf"\b[Aa]n?\s+(?P<word>[A-Z][\w-]{{2,}})\s+(?P<role>(?:[a-z-]+\s+){{0,2}}{ROLE}),\s+$")
# "A company spokeswoman, Maria Lopez, said": a described body (the last one of its kind named before)
# and a role, the name in apposition; the name is a person even where the mention layer saw none.
# "A spokeswoman for the company, X," reads the same.
APPOSED_HEADS = r"(?P<head>company|firm|group|organi[sz]ation|agency|ministry|regulator|charity|police|force)"
A_HEAD_ROLE_NAMES = (
    re.compile(rf"\b[Aa]n?\s+{APPOSED_HEADS}\s+(?P<role>(?:[a-z-]+\s+){{0,2}}{ROLE}),\s+(?P<person>{PERSON})(?=\s*,)"),
    re.compile(rf"\b[Aa]n?\s+(?P<role>(?:[a-z-]+\s+){{0,2}}{ROLE})\s+(?:for|at|of)\s+the\s+{APPOSED_HEADS},\s+"
               rf"(?P<person>{PERSON})(?=\s*,)"))
# "X, a partner at the Lisbon law firm Y": the body after its description.
ROLE_AT_DESCRIBED = re.compile(rf",\s+(?:an?\s+|the\s+)?(?P<role>(?:[\w-]+\s+){{0,3}}?{ROLE})\s+(?:at|of|with)\s+"
                               r"(?:the|an?)\s+(?:[A-Z][\w-]*\s+){0,2}(?:[a-z-]+\s+){0,2}"
                               r"(?:firm|company|consultancy|group|organi[sz]ation|charity|bank|practice)\s+")
# "said Jonas Berg, Chief Executive Officer of Arctis Vision", "X, Head of Sales at Y": a capitalised
# corporate title in apposition (the lower-case roles are read by the mention patterns).
TITLE_CASE_ROLE = re.compile(
    r",\s+(?:the\s+)?(?P<role>(?:(?:Chief|Senior|Executive|Managing|Deputy|Vice|Regional|General|Global|Group|Country|"
    r"Sales|Technical|Technology|Financial|Operating|Commercial|Marketing|Legal)\s+){0,3}"
    r"(?:Officer|Director|President|Vice-President|Chairman|Chairwoman|Chair|Founder|Co-founder|Head|Manager|Partner)"
    r"(?:\s+of\s+[A-Z][a-z]+(?:\s+and\s+[A-Z][a-z]+)?(?=\s+at\b))?)\s+(?:of|at)\s+(?:the\s+)?")
AUTHOR_IS = re.compile(rf"^\s*(?:[Tt]he\s+(?:author|writer)|[Tt]he\s+authors?)\s+(?:is|was)\s+(?:an?\s+|the\s+)?"
                       rf"(?P<role>(?:[\w-]+\s+){{0,3}}?{ROLE})\s+(?:at|of|with|for)\s+(?:the\s+)?")


def extract(ctx: Context) -> list[Fact]:
    """Affiliation facts; also records each person's first affiliation for statements."""
    facts: list[Fact] = []
    ctx.interview()  # first of all families: an interviewee named only in the framing becomes a person
    for sentence in ctx.sentences:
        facts += _head_role_name(ctx, sentence.index)
        facts += _appositives(ctx, sentence.index)
        facts += _has_been_role(ctx, sentence.index)
        facts += _of_the(ctx, sentence.index)
        facts += _role_before_name(ctx, sentence.index)
        facts += _org_role_name(ctx, sentence.index)
        facts += _author_is(ctx, sentence.index)
        facts += _who_works_for(ctx, sentence.index)
        facts += _person_org_role(ctx, sentence.index)
        facts += _role_at_definite(ctx, sentence.index)
        facts += _org_official(ctx, sentence.index)
        facts += _definite_role_after(ctx, sentence.index)
        facts += _new_only(facts, _title_case_role(ctx, sentence.index))
        facts += _new_only(facts, _role_on_region(ctx, sentence.index) + _official_title(ctx, sentence.index)
                           + _title_opening(ctx, sentence.index) + _word_role_name(ctx, sentence.index)
                           + _role_at_described(ctx, sentence.index) + _office_holder(ctx, sentence.index)
                           + _post_then_name(ctx, sentence.index) + _on_behalf_of(ctx, sentence.index))
        facts += _new_posts(facts, _title_posts(ctx, sentence.index) + _who_posts(ctx, sentence.index))
    facts += _contact_fields(ctx)
    for f in facts:
        ctx.affiliations.setdefault(f.roles["member"][0], f.roles["organization"][0])
    return facts


def _appositives(ctx: Context, index: int) -> list[Fact]:
    s = ctx.sentences[index]
    out = []
    for m in APPOSITIVE_ROLE.finditer(s.text):
        people = ctx.in_sentence(index, ("Person",), s.start + m.start("person"), s.start + m.end("person"))
        orgs = ctx.in_sentence(index, ORG_TYPES, s.start + m.start("org"), s.start + m.end("org") + 1) \
            or [o for o in ctx.in_sentence(index, ORG_TYPES) if o.start == s.start + m.start("org")]
        if people and orgs:
            role = " ".join(m.group("role").split())
            org = orgs[-1] if len(orgs) > 1 and POSSESSIVE.match(ctx.text, orgs[0].end) else orgs[0]
            out.append(fact("Affiliation", {"member": [people[-1].key], "organization": [org.key]},
                            {"role": role}, ctx.evidence(index, s.start + m.start(), org.end,
                                                         "affiliation:appositive-role", 0.9)))
    return out


def _has_been_role(ctx: Context, index: int) -> list[Fact]:
    """"X has been sales director of Y since 2019" (see :data:`HAS_BEEN_ROLE`)."""
    s = ctx.sentences[index]
    out = []
    orgs = {o.start: o for o in ctx.in_sentence(index, ORG_TYPES) if o.entity_type != "Country"}
    for person in ctx.in_sentence(index, ("Person",)):
        m = HAS_BEEN_ROLE.match(ctx.text, person.end, s.end)
        if m is not None and m.end() in orgs:
            out.append(fact("Affiliation", {"member": [person.key], "organization": [orgs[m.end()].key]},
                            {"role": " ".join(m.group("role").split())},
                            ctx.evidence(index, person.start, orgs[m.end()].end, "affiliation:has-been-role", 0.85)))
    return out


def _org_official(ctx: Context, index: int) -> list[Fact]:
    """"Mark Delaney, a senior State Department official": the organisation inside the role."""
    s = ctx.sentences[index]
    out = []
    orgs = {o.start: o for o in ctx.in_sentence(index, ORG_TYPES)}
    for person in ctx.in_sentence(index, ("Person",)):
        m = ARTICLE_MODIFIERS.match(ctx.text, person.end, s.end)
        org = orgs.get(m.end()) if m else None
        role = ROLE_AFTER_ORG.match(ctx.text, org.end, s.end) if org else None
        if org is not None and role is not None:
            out.append(fact("Affiliation", {"member": [person.key], "organization": [org.key]},
                            {"role": " ".join(role.group("role").split())},
                            ctx.evidence(index, person.start, s.start + role.end() - s.start,
                                         "affiliation:org-official", 0.75)))
    return out


def _definite_role_after(ctx: Context, index: int) -> list[Fact]:
    """"X, the group's director": the body the description refers back to (lower confidence)."""
    out: list[Fact] = []
    text = ctx.sentences[index].text
    if not ("’s " in text or "'s " in text or "its " in text or "their " in text):
        return out  # cheap test first (speed)
    for person in ctx.in_sentence(index, ("Person",)):
        m = DEFINITE_ROLE_AFTER.match(ctx.text, person.end, ctx.sentences[index].end) \
            if ctx.text.startswith(",", person.end) else None
        if m is None:
            continue
        head = (m.group("head") or "").lower()
        types = DEFINITE_HEADS.get(head, ITS_ORG_TYPES)
        named = [o for o in ctx.mentions if o.entity_type in types and o.end <= person.start and o.rule != "demonym"]
        if head in NAMED_HEADS:  # "the network's director": a body with "Network" in its name
            named = [o for o in named if head in o.text.lower().split()]
        if not named:
            continue
        end = ctx.sentences[index].end
        for role in [" ".join(m.group("role").split())] + _more_posts(ctx.text, m.end(), end):
            out.append(fact("Affiliation", {"member": [person.key], "organization": [named[-1].key]}, {"role": role},
                            ctx.evidence(index, person.start, m.end(), "affiliation:definite-role-after",
                                         COREF_CONFIDENCE)))
    return out


def _role_at_definite(ctx: Context, index: int) -> list[Fact]:
    """"X, a spokesperson for the company", "Y, president of the authority": the body is the
    one the description refers back to (lower confidence)."""
    s = ctx.sentences[index]
    out = []
    for person in ctx.in_sentence(index, ("Person",)):
        m = ROLE_AT_DEFINITE_TAIL.match(ctx.text, person.end, s.end)
        if m is None:
            continue
        orgs = [o for o in ctx.in_sentence(index, ORG_TYPES) if o.start == m.end() and o.rule == "coref:definite"] \
            or _place_based_body(ctx, m.end(), person.start)
        if orgs:
            out.append(fact("Affiliation", {"member": [person.key], "organization": [orgs[0].key]},
                            {"role": " ".join(m.group("role").split())},
                            ctx.evidence(index, person.start, _description_end(ctx.text, max(orgs[0].end, m.end())),
                                         "affiliation:role-at-definite", COREF_CONFIDENCE)))
    return out


# "a researcher at the Manila-based group": a description holding a place's name (which keeps its own
# mention, so coreference leaves the description as text).
PLACE_BASED_BODY = re.compile(rf"[Tt]he\s+{PLACE_BASED.pattern}\s+(?P<head>[a-z]+(?:\s+tank)?)\b")


def _description_end(text: str, position: int) -> int:
    """The end of a place-based description starting at ``position`` ("the Manila-based group")."""
    m = PLACE_BASED_BODY.match(text, position)
    return m.end() if m else position


def _place_based_body(ctx: Context, position: int, before: int) -> list[Mention]:
    """The body "the Manila-based group" at ``position`` refers to: the last one of its kind named before."""
    m = PLACE_BASED_BODY.match(ctx.text, position)
    types = DEFINITE_HEADS.get(m.group("head")) if m else None
    return [o for o in ctx.mentions if types and o.entity_type in types and o.end <= before
            and o.rule != "demonym"][-1:]


def _person_org_role(ctx: Context, index: int) -> list[Fact]:
    s = ctx.sentences[index]
    out = []
    for m in PERSON_ORG_ROLE.finditer(s.text):
        people = [p for p in ctx.in_sentence(index, ("Person",)) if p.start == s.start + m.start("person")]
        org_start, short = s.start + m.start("org"), m.group("org")
        named = [o for o in ctx.in_sentence(index, ORG_TYPES) if o.start == org_start] or \
            [o for o in ctx.mentions if o.entity_type in ORG_TYPES and o.end <= s.start
             and len(short) >= 3 and o.text.split()[0].startswith(short)][-1:]
        if people and named:
            out.append(fact("Affiliation", {"member": [people[0].key], "organization": [named[0].key]},
                            {"role": " ".join(m.group("role").split())},
                            ctx.evidence(index, s.start + m.start(), s.start + m.end("role"),
                                         "affiliation:person-org-role", 0.75)))
    return out


def _who_works_for(ctx: Context, index: int) -> list[Fact]:
    """"X, who researches Xinjiang for the Uyghur Human Rights Project": a relative clause saying
    where the person works."""
    s = ctx.sentences[index]
    out = []
    for person in (ctx.in_sentence(index, ("Person",)) if ", who " in s.text else ()):
        title = TITLE_APPOSITION.match(ctx.text, person.end, s.end)  # "X, Head of Investment, who also chairs"
        after = title.end() if title else person.end
        m = WHO_WORKS.match(ctx.text, after, s.end) or WHO_LEADS.match(ctx.text, after, s.end)
        chairs = m is not None and m.re is WHO_LEADS and m.group("chairs")
        owner = OWNER_POSSESSIVE.match(ctx.text, m.end(), s.end) if m else None
        orgs = [o for o in ctx.in_sentence(index, ORG_TYPES) if owner and o.start == owner.end()] \
            or [o for o in ctx.in_sentence(index, ORG_TYPES) if m and o.start == m.end() and not (owner and chairs)] \
            or (_short_form_before(ctx, m.end(), person.start) if m else [])
        if orgs:  # "chairs the Senate's Ethics Council": the council; "leads Amnesty's work": Amnesty
            out.append(fact("Affiliation", {"member": [person.key], "organization": [orgs[0].key]},
                            {"role": "chair"} if chairs else {},
                            ctx.evidence(index, person.start, max(orgs[0].end, m.end()), "affiliation:who-works-for",
                                         0.8)))
    return out


SHORT_POSSESSIVE = re.compile(r"(?P<short>[A-Z][\w&-]{2,})(?:’s|'s)\s")


def _short_form_before(ctx: Context, position: int, before: int) -> list[Mention]:
    """"who leads Dejusticia's work" after "Fundación Dejusticia": a body named before by one word of its name."""
    m = SHORT_POSSESSIVE.match(ctx.text, position)
    if m is None:
        return []
    return [o for o in ctx.mentions if o.entity_type in ITS_ORG_TYPES and o.end <= before
            and m.group("short") in o.text.split()][-1:]


def _author_is(ctx: Context, index: int) -> list[Fact]:
    """A closing "The author is ROLE at ORG" describes the person of the byline."""
    s = ctx.sentences[index]
    m = AUTHOR_IS.match(s.text)
    bylines = [p for p in ctx.mentions if p.rule == "pattern:byline"]
    if not m or not bylines:
        return []
    orgs = [o for o in ctx.in_sentence(index, ORG_TYPES) if o.start == s.start + m.end()]
    if not orgs:
        return []
    return [fact("Affiliation", {"member": [bylines[0].key], "organization": [orgs[0].key]},
                 {"role": " ".join(m.group("role").split())},
                 ctx.evidence(index, s.start, orgs[0].end, "affiliation:author-is", 0.7))]


def _role_before_name(ctx: Context, index: int) -> list[Fact]:
    """"Clearview's chief executive, Hoan Ton-That" / "the company's CEO, X"."""
    s = ctx.sentences[index]
    out = []
    for m in ROLE_BEFORE_NAME.finditer(s.text):
        people = [p for p in ctx.in_sentence(index, ("Person",)) if p.start == s.start + m.end()
                  or COURTESY_GAP.fullmatch(ctx.text, s.start + m.end(), p.start)]
        named = _role_body(ctx, index, m) if people else []
        if named:
            out.append(fact("Affiliation", {"member": [people[0].key], "organization": [named[-1].key]},
                            {"role": " ".join(m.group("role").split())},
                            ctx.evidence(index, s.start + m.start(), people[0].end, "affiliation:role-before-name",
                                         COREF_CONFIDENCE if m.group("its") else 0.75)))
    return out


# "The committee's chair, Dame Ana Pryce": a courtesy title before the name is no part of it.
COURTESY_GAP = re.compile(r"(?:Dame|Sir|Lord|Lady|Baroness|Dr\.?|Mrs?\.?|Ms\.?|Prof\.?|Professor)\s+")
# "The chief executive of Arctis Vision, a Malmo-based vendor, faced questions ... Jonas Berg told MPs":
# a post described at the opening of a sentence naming no one; the person opening the next sentence,
# named there for the first time and speaking of the same body, holds it.
DESCRIBED_POST = re.compile(rf"\s*The\s+(?P<role>(?:[a-z-]+\s+){{0,2}}{ROLE})\s+(?:of|at)\s+(?:the\s+)?")
# "Its commander, X": a commander or superintendent serves a police force or public body, not a firm.
UNIFORMED_ROLES = ("commander", "superintendent")
UNIFORMED_TYPES = ("PoliceDepartment", "GovernmentBody")


def _role_body(ctx: Context, index: int, m: re.Match) -> list[Mention]:
    """The body of :data:`ROLE_BEFORE_NAME`: named there, or the last one named before of the kind
    "its" or the described head ("the committee") allows."""
    s = ctx.sentences[index]
    before = s.start + m.start()
    uniformed = m.group("role").split()[-1].lower() in UNIFORMED_ROLES
    if m.group("its"):
        types = UNIFORMED_TYPES if uniformed else ITS_ORG_TYPES
        return [o for o in ctx.mentions if o.entity_type in types and o.end <= before and o.rule != "demonym"][-1:]
    named = [o for o in ctx.in_sentence(index, ORG_TYPES) if o.end == s.start + m.end("org")]
    head = (m.group("head") or "").lower()
    if named or not head:
        return named
    types = UNIFORMED_TYPES if uniformed else DEFINITE_HEADS[head]
    return [o for o in ctx.mentions if o.entity_type in types and o.end <= before and o.rule != "demonym"
            and (head not in NAMED_HEADS + ("committee",) or head in o.key)][-1:]


def _org_role_name(ctx: Context, index: int) -> list[Fact]:
    """"Microsoft president Brad Smith", "Treasury deputy secretary Wally Adeyemo"."""
    out = []
    orgs = {m.end: m for m in ctx.in_sentence(index, ORG_TYPES)}
    for person in ctx.in_sentence(index, ("Person",)):
        window = ctx.text[max(ctx.sentences[index].start, person.start - 60):person.start]
        m = ORG_ROLE_TAIL.search(window)
        org = orgs.get(person.start - len(window) + m.start()) if m else None
        if org is not None:
            out.append(fact("Affiliation", {"member": [person.key], "organization": [org.key]},
                            {"role": " ".join(m.group("role").split())},
                            ctx.evidence(index, org.start, person.end, "affiliation:org-role-name", 0.75)))
    return out


# "Quebec Ombudsman Louise Tremblay": the office's name ends in the title its holder bears.
OFFICE_TITLES = ("Ombudsman", "Commissioner", "Auditor-General", "Inspector-General")


def _office_holder(ctx: Context, index: int) -> list[Fact]:
    """"Quebec Ombudsman Louise Tremblay announced": the holder of the office named just before."""
    orgs = {m.end: m for m in ctx.in_sentence(index, ORG_TYPES) if m.text.split()[-1] in OFFICE_TITLES}
    out = []
    for person in ctx.in_sentence(index, ("Person",)):
        org = orgs.get(person.start - 1)
        if org is not None and ctx.text[org.end] == " ":
            out.append(fact("Affiliation", {"member": [person.key], "organization": [org.key]},
                            {"role": org.text.split()[-1]},
                            ctx.evidence(index, org.start, person.end, "affiliation:office-holder", 0.75)))
    return out


def _of_the(ctx: Context, index: int) -> list[Fact]:
    """"Seymour of the Center for New American Security": person, 'of the', organisation."""
    out = []
    people = ctx.in_sentence(index, ("Person",))
    for org in ctx.in_sentence(index, ORG_TYPES):
        before = [p for p in people if p.end <= org.start and OF_THE.fullmatch(ctx.text[p.end:org.start])]
        for person in _listed_people(ctx, people, before[-1]) if before else ():
            out.append(fact("Affiliation", {"member": [person.key], "organization": [org.key]},
                            _title_before(ctx, person),
                            ctx.evidence(index, person.start, org.end, "affiliation:of-the", 0.8)))
    return out


# "Inspector-General Kofi Mensah of the ...": a capitalised title (no courtesy title) is the role.
TITLE_JUST_BEFORE = re.compile(r"(?P<title>[A-Z][\w.-]+)\s+$")
COURTESY_TITLES = frozenset({"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "sir", "dame",
                             "prof", "prof.", "professor", "by", "opinion", "honourable", "honorable", "hon."})


def _title_before(ctx: Context, person: Mention) -> dict[str, str]:
    """The role a title right before a person's name gives ("Commissioner Anna Berg of ..."); none for
    a courtesy title, which says nothing of the post."""
    m = TITLE_JUST_BEFORE.search(ctx.text, max(0, person.start - 30), person.start)
    title = m.group("title") if m else ""
    return {"role": title} if title.lower() in TITLE_WORDS - COURTESY_TITLES else {}


PEOPLE_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")


def _listed_people(ctx: Context, people: list[Mention], last: Mention) -> list[Mention]:
    """``last`` and the people listed right before it ("Ana Costa and Ben Ode of Lagos University")."""
    listed = [last]
    for person in reversed([p for p in people if p.end <= last.start]):
        if not PEOPLE_LIST_GAP.fullmatch(ctx.text, person.end, listed[0].start):
            break
        listed.insert(0, person)
    return listed


def _new_only(found: list[Fact], more: list[Fact]) -> list[Fact]:
    """The facts of ``more`` whose member has no affiliation from the same sentence yet."""
    seen = {(f.roles["member"], f.evidence[0].sentence_index) for f in found}
    return [f for f in more if (f.roles["member"], f.evidence[0].sentence_index) not in seen]


def _role_on_region(ctx: Context, index: int) -> list[Fact]:
    """"X, senior researcher on the South Caucasus at Y", "X, policy lead at Y" (see :data:`ROLE_ON_REGION_AT`)."""
    s = ctx.sentences[index]
    out = []
    orgs = {o.start: o for o in ctx.in_sentence(index, ORG_TYPES)}
    for person in ctx.in_sentence(index, ("Person",)):
        m = ROLE_ON_REGION_AT.match(ctx.text, person.end, s.end)
        if m is not None and m.end() in orgs:
            org = orgs[m.end()]
            out.append(fact("Affiliation", {"member": [person.key], "organization": [org.key]},
                            {"role": " ".join(m.group("role").split())},
                            ctx.evidence(index, person.start, org.end, "affiliation:role-on-region", 0.8)))
    return out


def _head_role_name(ctx: Context, index: int) -> list[Fact]:
    """"A company spokeswoman, X," (see :data:`A_HEAD_ROLE_NAMES`): the nearest body of the head's kind."""
    s = ctx.sentences[index]
    out = []
    found = [m for pattern in A_HEAD_ROLE_NAMES for m in pattern.finditer(s.text)] if ", " in s.text else []
    for m in found:
        start, end = s.start + m.start("person"), s.start + m.end("person")
        people = ctx.in_sentence(index, ("Person",), start, end)
        if not people and not ctx.in_sentence(index, None, start, end) and " " in m.group("person"):
            people = [ctx.add_person(index, start, end, "affiliation:head-role-name", COREF_CONFIDENCE)]
        types = DEFINITE_HEADS[m.group("head").lower()]
        named = [o for o in ctx.mentions if o.entity_type in types and o.end <= s.start + m.start()
                 and o.rule != "demonym"][-1:]
        if people and named:
            out.append(fact("Affiliation", {"member": [people[0].key], "organization": [named[0].key]},
                            {"role": " ".join(m.group("role").split())},
                            ctx.evidence(index, s.start + m.start(), people[0].end, "affiliation:head-role-name",
                                         COREF_CONFIDENCE)))
    return out


def _post_then_name(ctx: Context, index: int) -> list[Fact]:
    """The holder of a post described before being named (see :data:`DESCRIBED_POST`)."""
    s = ctx.sentences[index]
    m = DESCRIBED_POST.match(ctx.text, s.start, s.end) if index + 1 < len(ctx.sentences) else None
    orgs = [o for o in ctx.in_sentence(index, ITS_ORG_TYPES) if m and o.start == m.end()]
    if not orgs or ctx.in_sentence(index, ("Person",)):
        return []
    following = ctx.sentences[index + 1]
    people = [p for p in ctx.in_sentence(index + 1, ("Person",)) if p.start == following.start
              and len(p.text.split()) > 1 and not any(o.key == p.key for o in ctx.mentions if o.end <= s.start)]
    if not people or not any(o.key == orgs[0].key for o in ctx.in_sentence(index + 1, ITS_ORG_TYPES)):
        return []
    return [fact("Affiliation", {"member": [people[0].key], "organization": [orgs[0].key]},
                 {"role": " ".join(m.group("role").split())},
                 ctx.evidence(index, s.start, orgs[0].end, "affiliation:post-then-name", COREF_CONFIDENCE))]


def _title_case_role(ctx: Context, index: int) -> list[Fact]:
    """"X, Chief Executive Officer of Y" (see :data:`TITLE_CASE_ROLE`); a country is no employer here
    ("X, President of Chile" is a head of state)."""
    s = ctx.sentences[index]
    out = []
    orgs = {o.start: o for o in ctx.in_sentence(index, ITS_ORG_TYPES)}
    for person in ctx.in_sentence(index, ("Person",)):
        m = TITLE_CASE_ROLE.match(ctx.text, person.end, s.end)
        if m is not None and m.end() in orgs:
            org = orgs[m.end()]
            out.append(fact("Affiliation", {"member": [person.key], "organization": [org.key]},
                            {"role": " ".join(m.group("role").split())},
                            ctx.evidence(index, person.start, org.end, "affiliation:title-case-role", 0.8)))
    return out


def _word_role_name(ctx: Context, index: int) -> list[Fact]:
    """"A Kestrel director, Ana Vera, said": the body named before by that word (see :data:`A_WORD_ROLE_NAME`)."""
    s = ctx.sentences[index]
    out = []
    for person in ctx.in_sentence(index, ("Person",)):
        m = A_WORD_ROLE_NAME.search(ctx.text, max(s.start, person.start - 80), person.start)
        named = [o for o in ctx.mentions if o.entity_type in SPOKES_BODY_TYPES and o.end <= s.start + m.start()
                 and o.entity_type != "Country" and m.group("word") in o.text.split()][-1:] if m else []
        if named:
            out.append(fact("Affiliation", {"member": [person.key], "organization": [named[0].key]},
                            {"role": " ".join(m.group("role").split())},
                            ctx.evidence(index, m.start(), person.end, "affiliation:word-role-name", 0.75)))
    return out


def _role_at_described(ctx: Context, index: int) -> list[Fact]:
    """"X, a partner at the Lisbon law firm Y" (see :data:`ROLE_AT_DESCRIBED`)."""
    s = ctx.sentences[index]
    out = []
    orgs = {o.start: o for o in ctx.in_sentence(index, ORG_TYPES) if o.entity_type != "Country"}
    for person in ctx.in_sentence(index, ("Person",)):
        m = ROLE_AT_DESCRIBED.match(ctx.text, person.end, s.end)
        if m is not None and m.end() in orgs:
            org = orgs[m.end()]
            out.append(fact("Affiliation", {"member": [person.key], "organization": [org.key]},
                            {"role": " ".join(m.group("role").split())},
                            ctx.evidence(index, person.start, org.end, "affiliation:role-at-described", 0.8)))
    return out


def _official_title(ctx: Context, index: int) -> list[Fact]:
    """"X, Under Secretary of the Treasury for ..., said": the body named before whose name holds
    the title's word ("Treasury" in "Treasury Department")."""
    s = ctx.sentences[index]
    out = []
    for person in ctx.in_sentence(index, ("Person",)):
        m = OFFICIAL_TITLE.match(ctx.text, person.end, s.end)
        if m is None:
            continue
        word = m.group("word")
        inside = ctx.in_sentence(index, ORG_TYPES, m.start("word"), m.end("role"))
        named = inside or [o for o in ctx.mentions if o.entity_type in ITS_ORG_TYPES and o.end <= person.start
                           and word in o.text.replace("’s", " ").replace("'s", " ").split()][-1:]
        if named:
            out.append(fact("Affiliation", {"member": [person.key], "organization": [named[0].key]},
                            {"role": " ".join(m.group("role").split())},
                            ctx.evidence(index, person.start, m.end("role"), "affiliation:official-title",
                                         0.75 if inside else COREF_CONFIDENCE)))
    return out


def _title_opening(ctx: Context, index: int) -> list[Fact]:
    """"Spokesman X told ..." after "Iran's foreign ministry condemned the move" (see :data:`TITLE_OPENING`)."""
    s = ctx.sentences[index]
    out = []
    for person in ctx.in_sentence(index, ("Person",)):
        head = ctx.text[s.start:person.start]
        m = (TITLE_OPENING.search(head) or RAPPORTEUR_BEFORE.search(head) or MINISTER_OPENING.search(head)
             or CORPORATE_TITLE_OPENING.search(head))
        before = _title_body(ctx, index, m.group("role"), person) if m else []
        if before:
            named = [o for o in ctx.in_sentence(index) if o.start == s.start + m.start("role")]
            role = m.group("role").split()[1:] if (named or m.group("role").endswith("Senator")) \
                and len(m.group("role").split()) > 1 else m.group("role").split()  # "Democratic Senator X"
            out.append(fact("Affiliation", {"member": [person.key], "organization": [before[-1].key]},
                            {"role": " ".join(role)},  # "Labour councillor X": the party is no part of the title
                            ctx.evidence(index, s.start + m.start("role"), person.end, "affiliation:title-opening",
                                         COREF_CONFIDENCE)))
    return out


def _main_firm_before(ctx: Context, position: int) -> list[Mention]:
    """The firm named most often before ``position`` (the latest on a tie): a report on one company
    names it again and again, an analyst's bank once."""
    firms = [o.key for o in ctx.mentions if o.entity_type == "Firm" and o.end <= position and o.rule != "demonym"]
    best = max(reversed(firms), key=firms.count, default=None)
    return [o for o in ctx.mentions if o.key == best][:1]


def _title_body(ctx: Context, index: int, role: str, person: Mention) -> list[Mention]:
    """The body a title belongs to: by the words of its name for a mayor or commissioner, else the
    body named before in this sentence or the one before (or by the sentence's opening word)."""
    if role.endswith("Minister"):
        field = slugify(role[:-len("Minister")])
        fields = MINISTRY_FIELD_WORDS.get(field, (field,))
        return [o for o in ctx.mentions if o.entity_type == "GovernmentBody" and o.end <= person.start
                and "ministry" in o.key and any(f in o.key for f in fields)]
    if CORPORATE_ROLE.fullmatch(role):
        return _main_firm_before(ctx, person.start)
    words = TITLE_BODY_WORDS.get(role.split()[-1].lower())
    if words is not None:
        return [o for o in ctx.mentions if o.entity_type in ("GovernmentBody", "Organization", "Legislature")
                and o.end <= person.start and any(w in o.key for w in words)]
    before = [o for i in (index - 1, index) if i >= 0 for o in ctx.in_sentence(i, SPOKES_BODY_TYPES)
              if o.end <= person.start and o.rule != "demonym" and o.entity_type != "Country"]
    opening = OPENING_WORD.match(ctx.text, ctx.sentences[index].start)
    return before or ([o for o in ctx.mentions if o.entity_type == "Firm" and o.end <= ctx.sentences[index].start
                       and o.text.split()[0] == opening.group("word")][-1:] if opening else [])


def _new_posts(found: list[Fact], more: list[Fact]) -> list[Fact]:
    """The facts of ``more`` no fact of the same sentence has found yet (same member, body and post); a
    person may hold two posts at one body ("general counsel and head of compliance")."""
    if not more:
        return []
    seen, out = {_post_key(f) for f in found}, []
    for f in more:
        if _post_key(f) not in seen:
            seen.add(_post_key(f))
            out.append(f)
    return out


def _post_key(f: Fact) -> tuple:
    """Member, body, sentence and post (any case) of an affiliation."""
    role = str(f.values.get("role", "")).lower()
    return f.roles["member"], f.roles["organization"], f.evidence[0].sentence_index, role


# "Answer given by Commissioner Dalli on behalf of the European Commission", "X, speaking on behalf
# of the Y": the person acts for the body; capitalised words right before the name are the post.
ON_BEHALF = re.compile(r"\s*,?\s+(?:speaking\s+|acting\s+)?on\s+behalf\s+of\s+(?:the\s+)?")
TITLE_RUN = re.compile(r"(?:^|(?<=[\s(]))(?P<title>(?:[A-Z][\w.-]*(?:/[A-Z][\w-]*)?\s+){1,4})$")


def _on_behalf_of(ctx: Context, index: int) -> list[Fact]:
    """The body a person acts for (see :data:`ON_BEHALF`), the title before the name as the role."""
    s = ctx.sentences[index]
    out = []
    for person in (ctx.in_sentence(index, ("Person",)) if "behalf of" in s.text else ()):
        m = ON_BEHALF.match(ctx.text, person.end, s.end)
        orgs = [o for o in ctx.in_sentence(index, ITS_ORG_TYPES) if m and o.start == m.end()]
        if orgs:
            out.append(fact("Affiliation", {"member": [person.key], "organization": [orgs[0].key]},
                            {"role": _title_run(ctx.text[s.start:person.start])},
                            ctx.evidence(index, person.start, orgs[0].end, "affiliation:on-behalf-of", 0.8)))
    return out


def _title_run(before: str) -> str:
    """The capitalised post right before a name ("given by High Representative/Vice-President "), courtesy titles
    ("Mr", "Ms") and a sentence's opening word left out."""
    m = TITLE_RUN.search(before)
    words = m.group("title").split() if m else []
    if m is not None and m.start() == 0 and len(words) > 1:
        words = words[1:]  # "Commissioner X" opening a sentence keeps its title; "Answer" is no title
    return " ".join(w for w in words if w.lower() not in COURTESY_TITLES | {"by"})


# "X is a Member of the European Parliament for Poland and Chair of the Committee on Legal Affairs": posts
# (mostly in title case), each of its own body (a constituency after "for", an acronym in brackets no part of it).
# "X, a Member of the European Parliament for Sweden and Vice-Chair of ..., said": the posts in apposition.
IS_VERB = re.compile(r"\s+(?:is|was|has\s+been|had\s+been|serves\s+as|became)\b|,(?=\s+(?:an?|the)\s)")
TITLE_POST = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)?(?:an?\s+|the\s+)?(?P<role>(?:(?:Vice|Deputy|Co)-?)?"
                        r"(?:Member|Chair|Chairman|Chairwoman|Chairperson|President|Rapporteur|Secretary|Treasurer|"
                        r"Coordinator)|(?:vice-|deputy\s+|co-)?(?:member|chair|chairman|chairwoman|chairperson|"
                        r"rapporteur|treasurer))\s+of\s+(?:the\s+|its\s+)?")
POST_TAIL = re.compile(r"(?:\s+for\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?(?:\s*\([A-Z][\w/&-]{1,12}\))?")


def _title_posts(ctx: Context, index: int) -> list[Fact]:
    """Every post of a list after "X is a ..." (see :data:`TITLE_POST`) with the body named after its "of"."""
    s = ctx.sentences[index]
    out = []
    orgs = {o.start: o for o in ctx.in_sentence(index, ITS_ORG_TYPES)}
    for person in ctx.in_sentence(index, ("Person",)):
        verb = IS_VERB.match(ctx.text, person.end, s.end)
        position = verb.end() if verb else None
        while position is not None:
            m = TITLE_POST.match(ctx.text, position, s.end)
            org = orgs.get(m.end()) if m else None
            if org is None:
                break
            out.append(fact("Affiliation", {"member": [person.key], "organization": [org.key]},
                            {"role": m.group("role")},
                            ctx.evidence(index, person.start, org.end, "affiliation:title-posts", 0.8)))
            position = POST_TAIL.match(ctx.text, org.end, s.end).end()
    return out


# "X, who founded the company and remains its chief executive,", "X, who serves as both general counsel and
# head of compliance,": posts at the firm the text is about (or, after "its", the body named last).
# "X, who co-founded Kestrel Analytics in 2015 and now serves as its chief executive": the firm founded.
WHO_POSTS = re.compile(r",\s+who\s+(?:(?P<founded>(?:co-?)?founded)\s+(?:the\s+(?:company|firm|business|start-?up)|it|"
                       r"(?P<named>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4}))(?:\s+in\s+(?:19|20)\d\d)?\s+and\s+)?"
                       r"(?:also\s+|now\s+|still\s+)?(?P<verb>remains|serves\s+as|served\s+as|has\s+served\s+as|"
                       r"acts\s+as|is|was|became)\s+(?:also\s+|now\s+|still\s+)?(?:both\s+)?"
                       r"(?P<its>its\s+|the\s+(?:company|firm)(?:’s|'s)\s+)?")
WHO_POST = re.compile(rf"(?:an?\s+|the\s+)?(?P<role>(?:[\w-]+\s+){{0,3}}?{ROLE}(?:\s+of\s+(?!the\b|an?\b)[a-z][\w-]*"
                      rf"(?:\s+[a-z][\w-]*)?)?)(?=\s*[,.;]|\s+and\s|\s+(?:told|said|says|added)\b)")
AND_ITS = re.compile(r"\s+and\s+(?:its\s+|the\s+)?")


def _who_posts(ctx: Context, index: int) -> list[Fact]:
    """The posts a relative clause gives (see :data:`WHO_POSTS`), "founder" for founding the firm."""
    s = ctx.sentences[index]
    out = []
    for person in (ctx.in_sentence(index, ("Person",)) if ", who " in s.text else ()):
        m = WHO_POSTS.match(ctx.text, person.end, s.end)
        roles = _post_list(ctx.text, m.end(), s.end) if m else []
        body = _posts_body(ctx, person, m) if roles or (m and m.group("founded")) else []
        if not body:
            continue
        founded = [m.group("founded").replace("founded", "founder")] if m.group("founded") else []
        for role in roles + founded:
            out.append(fact("Affiliation", {"member": [person.key], "organization": [body[0].key]}, {"role": role},
                            ctx.evidence(index, person.start, m.end(), "affiliation:who-posts", COREF_CONFIDENCE)))
    return out


def _post_list(text: str, position: int, end: int) -> list[str]:
    """"general counsel and head of compliance": the posts listed at ``position``."""
    roles = []
    while True:
        m = WHO_POST.match(text, position, end)
        if m is None:
            return roles
        roles.append(" ".join(m.group("role").split()))
        more = AND_ITS.match(text, m.end(), end)
        if more is None:
            return roles
        position = more.end()


def _more_posts(text: str, position: int, end: int) -> list[str]:
    """The posts listed after "and" at ``position`` ("its founder and chief executive")."""
    more = AND_ITS.match(text, position, end)
    return _post_list(text, more.end(), end) if more else []


def _posts_body(ctx: Context, person: Mention, m: re.Match) -> list[Mention]:
    """The firm the text is about when the clause founds "the company", says "the company's", or holds a post
    ("serves as", "remains"); after a plain "its", the body named last; a bare "is a lawyer" names none."""
    if m.group("named"):
        return [o for o in ctx.mentions if o.start == m.start("named") and o.entity_type in ITS_ORG_TYPES]
    its = (m.group("its") or "").strip()
    if m.group("founded") or its.startswith("the") or (not its and not m.group("verb").startswith(("is", "was",
                                                                                                     "became"))):
        return _main_firm_before(ctx, person.start)
    if its:
        return [o for o in ctx.mentions if o.entity_type in ITS_ORG_TYPES and o.end <= person.start
                and o.rule != "demonym"][-1:]
    return []


# A notice written field by field: "Official name: National Police Board" ... "Contact person: Ana Berg, Head of
# Procurement": the contact works for the body the notice names as its own.
CONTACT_FIELD = re.compile(rf"^[ \t]*Contact(?:\s+person|\s+point)?\s*:\s*(?P<person>{PERSON}),\s*"
                           r"(?P<role>[A-Z][^\n,;:@]{2,80}?)[ \t.]*$", re.M)
NAME_FIELD = re.compile(r"^[ \t]*(?:Official\s+name|Name\s+of\s+the\s+(?:contracting\s+authority|buyer)|"
                        r"Contracting\s+authority|Buyer)\s*:[ \t]*", re.M)


def _contact_fields(ctx: Context) -> list[Fact]:
    """The contact person of a notice (see :data:`CONTACT_FIELD`) with the body its last name field names."""
    out = []
    for m in CONTACT_FIELD.finditer(ctx.text) if "Contact" in ctx.text else ():
        names = [n for n in NAME_FIELD.finditer(ctx.text, 0, m.start())]
        body = [o for o in ctx.mentions if names and o.start == names[-1].end() and o.entity_type in ITS_ORG_TYPES]
        index = next((s.index for s in ctx.sentences if s.start <= m.start("person") < s.end), None)
        if not body or index is None:
            continue
        start, end = m.start("person"), m.end("person")
        people = ctx.in_sentence(index, ("Person",), start, end)
        if not people and not ctx.in_sentence(index, None, start, end):
            people = [ctx.add_person(index, start, end, "affiliation:contact-field", 0.8)]
        if people:
            out.append(fact("Affiliation", {"member": [people[0].key], "organization": [body[0].key]},
                            {"role": " ".join(m.group("role").split())},
                            ctx.evidence(index, start, m.end("role"), "affiliation:contact-field", 0.8)))
    return out
