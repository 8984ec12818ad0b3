"""Export leadership and deal counts.

"China leads the world ..., accounting for 201 deals", "The US is second with
128 deals", "the world’s second largest exporter of face recognition",
"dominated by China, with the US in second place".  The party is the country
or firm named closest before the figure; the technology is the one named in
the sentence or, failing that, the last one named before it (lower
confidence); the study is the document's study when the sentence or the one
before it talks about it.
"""
from __future__ import annotations

import re

from frkg.facts.context import COREF_CONFIDENCE, Context, fact
from frkg.facts.money import amount_values
from frkg.model import Fact, Mention

PARTY_TYPES = ("Country", "Firm", "Group")
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "2nd": 2, "3rd": 3, "1st": 1}
LEADER_WORDS = re.compile(r"\b(?:leads|led|leading|top(?!\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b)|"
                          r"tops|topped|largest|biggest|number one|No\. 1|first)\b")
CARDINALS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
             "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
             "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
# A figure in digits or a number word ("Israel six", "the supplier to three countries").
NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+|%s)" % "|".join(CARDINALS)
# Counted countries: "countries", "States" (never "United States"), "nations".
COUNTRY_NOUN = r"(?:countries|(?<!United )States|nations)\b"
# "South Korea rounded out the top five with 88": the last place of the top N.
ROUNDED_OUT = re.compile(r"\b(?:rounded|rounds|rounding|completed|completes)\s+(?:out\s+)?the\s+top\s+"
                         r"(?P<n>%s|\d{1,2})\b" % "|".join(CARDINALS))
# "China still dominates.", "China dominates the market": first place without a figure.
DOMINATES = re.compile(r"\s+(?:still\s+|clearly\s+)?(?:dominates|dominated)"
                       r"(?=\s*(?:[.;:]|$|the\s+(?:market|trade|field|sector|industry|list|ranking)))")
ORDINAL_WORDS = re.compile(r"\b(%s)\b" % "|".join(ORDINALS), re.I)
# "388 Russian deals, putting Russia first": a capitalised demonym may describe the counted deals.
DEMONYM_WORD = r"[A-Z][a-z]+(?:an|ese|ish|ian|i|ic)"
COUNT = re.compile(
    r"(?P<lead>\baccounting for|\bwith|\bsigned|\bmade|\bstruck|\bclosed|\bhad|\bhas|\btotal of)?\s*"
    r"(?<!\bof the )(?<!\bof all )(?P<num>\d{1,3}(?:,\d{3})+|\d+)\s+"  # "210 of the 400 deals": 210
    r"(?:of\s+(?:the|their|its|all|those|these)\s+(?:\d{1,3}(?:,\d{3})+\s+|\d+\s+)?)?(?:(?:[a-z-]+|%s)\s+){0,2}?"
    r"(?P<unit>deals|contracts|agreements|transactions|export deals|sales|transfers)\b" % DEMONYM_WORD)
# "the firm's 2027 sales", "its 2023 contracts": a year before the counted noun counts nothing.
YEAR_OF = re.compile(r"(?:’s|'s|\bits|\btheir|\bthe|\bthis|\bnext|\blast)\s+(?:19|20)\d\d$")
WORLD_RANK = re.compile(
    r"\b(?:world|globe|market)(?:’s|'s)\s+(?P<rank>(?:%s|largest|biggest|leading|top))"
    r"(?:[- ](?:largest|biggest|leading))?\s+(?:[\w-]+\s+){0,3}?"
    r"(?:exporter|supplier|seller|dealer|vendor|provider|exporting nation)s?\b" % "|".join(ORDINALS), re.I)
MAKING_IT = re.compile(r",?\s*(?:(?:making|which makes|and is)\s+(?:it|them)\s+the\s+(?:world(?:’s|'s)\s+)?|"
                       r"(?:ranking|ranked|placing|coming)\s+)"
                       r"(?P<rank>%s|largest|biggest|leading|top)\b" % "|".join(ORDINALS))
APPEARS_IN = re.compile(r"\b(?:appears?|appeared|features?|featured|figures?|figured)\s+in\s+(?P<num>\d{1,3}(?:,\d{3})+|\d+)"
                        r"\s+of\s+(?:the|those|these|them)\b(?:\s+(?:records|entries|transfers|deals|cases|contracts))?")
ALONE = re.compile(r"\s+(?:alone\s+|by\s+itself\s+|on\s+its\s+own\s+)?")
PUTTING = re.compile(r",?\s*(?:putting|leaving|placing|which\s+puts|which\s+put)\s+(?:the\s+)?")
PUT_RANK = re.compile(r"\s+(?:in\s+)?(?P<ord>%s)\b" % "|".join(ORDINALS), re.I)
RESPECTIVELY = re.compile(r"\b(?P<nums>\d+(?:\s*,\s*\d+)*,?\s+and\s+\d+)\s+(?:[a-z-]+\s+)?"
                          r"(?:deals|contracts|agreements)\s+respectively\b")
DOMINATED_BY = re.compile(r"\b(?:dominated|led)\s+by\s+")
IN_PLACE = re.compile(r"\bwith\s+(?:the\s+)?(?P<who>\S+(?:\s+\S+)?)\s+in\s+(?P<ord>\w+)\s+place\b")
RANKS_SECOND = re.compile(r"\b(?:is|was|ranks|ranked|comes|came|placed|sits)\s+(?:in\s+)?"
                          r"(?:an?\s+(?:distant|close|clear|strong|respectable)\s+)?(?P<ord>%s)\b"
                          % "|".join(ORDINALS))
# "Huawei provides such technology to at least 50 countries", "IBM has sold its systems in 11 countries",
# "sold cameras worth $7.5m to 12 countries" (a decimal point is no sentence end).
REACH_VERBS = (
    r"\b(?:suppl(?:y|ies|ied|ying)|provid(?:e|es|ed|ing)|s(?:ell|ells|old|elling)|export(?:s|ed|ing)?|"
    r"deliver(?:s|ed)?|"
    r"deployed|installed|used|in use|involved|active|present|operat(?:e|es|ed|ing)|deployments|projects|"
    r"contracts|customers|clients|suppliers?|exporters?)\b")
REACH_VERB = re.compile(REACH_VERBS)
COUNTRY_REACH = re.compile(
    REACH_VERBS + r"(?:(?:[^.;]|\.(?=\d)){0,80}?\b(?:to|in))?\s+(?:at least\s+|more than\s+|over\s+|nearly\s+|"
    r"some\s+|about\s+|around\s+|almost\s+)?(?P<num>" + NUMBER + r")\s+(?:(?:of\s+(?:those|these|the|them)\s+"
    r"(?:\d{1,3}\s+)?)?(?:other\s+|different\s+)?" + COUNTRY_NOUN + r"|(?P<them>of\s+(?:them|those|these)\b))")
# A figure whose unit the sentence already gave ("accounting for 276 of them", "while the US came
# second with 141", "followed by Japan with 88", "with 27 countries"): the unit is the nearest
# counted noun before it, in the sentence or the two before.
BARE_COUNT = re.compile(
    r"\b(?P<lead>accounting for|with|involved in|responsible for|"
    r"(?:exported|exporting|sold|selling|supplied|supplying)(?:\s+to)?)\s+(?!(?:19|20)\d\d\b)"
    r"(?P<num>" + NUMBER + r")(?P<unit>\s+countries\b|\s+of\s+(?:them|those|these)\b)?"
    r"(?=\s*(?:[,.;)]|$)|\s+(?:and|or|while|whereas|but|followed|ahead|the\s+(?:study|report|paper))\b)")
DIGIT = re.compile(r"\d|\b(?:%s)\b" % "|".join(CARDINALS))  # a figure in digits or words
UNIT_NOUN = re.compile(r"\b(?:deals|contracts|agreements|transactions|transfers|countries|(?<!United )States|nations)\b")
# "ahead of the United States (31), Japan (24) and Israel (19)": a party with its figure in brackets.
BRACKET_COUNT = re.compile(r"\s*\((?P<num>\d{1,4})\)")
# "Chinese firms signed 201 deals, the United States 128 and Japan 45": the verb and noun left out.
GAPPED_COUNT = re.compile(r"\s+(?!(?:19|20)\d\d\b)(?P<num>" + NUMBER + r")(?=\s*(?:[,.;]|and\b|$))")
# "followed by X with N and Y with M": each party one rank below the one before.
NEXT_RANK = re.compile(r"\bfollowed by\b|\bahead of\b|^\W*(?:and|,)\W*(?:the\s+)?$")
# "China sold more face recognition systems ... than any other country": first place.
MORE_THAN_ANY = re.compile(
    r"\b(?:sold|sells|exported|exports|supplied|supplies|provided|provides|signed|struck)\s+more\b[^.;]{0,100}?"
    r"\bthan any other\s+(?:country|nation|company|firm|exporter|vendor|supplier|state)\b")
TRADE_CONTEXT = re.compile(r"\b(?:export\w*|market|deals?|trade|sell\w*|supplier|dealer)\b", re.I)


def extract(ctx: Context) -> list[Fact]:
    """Deal counts and rankings in every sentence."""
    facts: list[Fact] = []
    found: list[Fact] = []
    for sentence in ctx.sentences:
        ranked = [f.values["rank"] for f in found if set(f.values) == {"rank"}]
        found = _counts(ctx, sentence.index, ranked[-1] if len(ranked) == 1 else None)
        if not found:
            found = _ranks(ctx, sentence.index)
        facts += found + _market_size(ctx, sentence.index) + _share_change(ctx, sentence.index) \
            + _authors_found(ctx, sentence.index)
    return facts


# "The research firm Omdia values the Brazilian video surveillance market at 2.3 billion reais": a
# market estimate is its author's claim (no exporter to count).
MARKET_SIZE = re.compile(
    r"\b(?:puts?|estimates?|estimated|values?|valued|sizes?|sized)\s+(?:the\s+)?(?:[\w’'$-]+\s+){0,6}?"
    r"(?:market|industry|sector)\s+(?:at|to\s+be\s+worth)\s+[^;]*")
PERCENT = r"\d+(?:\.\d+)?\s*(?:per\s*cent|percent|%)"
SHARE_CHANGE = re.compile(r"\b(?:the\s+)?(?:share|proportion|percentage|rate|number)\s+of\s+[^.;]{1,100}?\s+"
                          r"(?:rose|fell|increased|decreased|grew|dropped|climbed|declined|jumped)\s+from\s+"
                          + PERCENT + r"[^.;]{0,100}?\bto\s+" + PERCENT)
FOUND = re.compile(r"\s+(?:also\s+)?(?:found|find|showed|show|concluded|conclude|observed|observe|estimated|"
                   r"estimate)\s+(?:that\s+)?(?=\S)")
CLAIMANT_TYPES = ("Firm", "ResearchOrganization", "Organization", "GovernmentBody", "Study")


def _market_size(ctx: Context, index: int) -> list[Fact]:
    """A market estimate by the party named right before its verb, with the amount it gives."""
    s = ctx.sentences[index]
    m = MARKET_SIZE.search(s.text) if "market" in s.text or "industry" in s.text else None
    if m is None:
        return []
    start, end = s.start + m.start(), s.start + m.end()
    author = [p for p in ctx.in_sentence(index, CLAIMANT_TYPES, end=start) if not ctx.text[p.end:start].strip()]
    amount = amount_values(ctx.text, start, end)
    if not author or not amount:
        return []
    text = " ".join(m.group().split()).rstrip(" .")
    return [fact("Claim", {"claimant": [author[-1].key]}, {"claimText": text, **amount},
                 ctx.evidence(index, author[-1].start, end, "claim:market-size", 0.8))]


def _share_change(ctx: Context, index: int) -> list[Fact]:
    """"the share of cases ending in charges fell from 40 per cent to 22 per cent": a measured
    change the document's study reports, as its claim."""
    s = ctx.sentences[index]
    m = SHARE_CHANGE.search(s.text) if ctx.study_key and " from " in s.text else None
    if m is None:
        return []
    text = " ".join(m.group().split())
    return [fact("Claim", {"claimant": [ctx.study_key]}, {"claimText": text},
                 ctx.evidence(index, s.start + m.start(), s.start + m.end(), "claim:share-change", COREF_CONFIDENCE))]


def _authors_found(ctx: Context, index: int) -> list[Fact]:
    """"Torres and Diaz found no such drop in smaller towns": what the study's authors, opening the
    sentence, found is their claim."""
    s = ctx.sentences[index]
    if not FOUND.search(s.text):
        return []  # cheap test first (speed)
    authors = {k for f in ctx.facts if f.kind == "Study" for k in f.roles.get("author", ())}
    people = ctx.in_sentence(index, ("Person",)) if authors else []
    run = _author_run(ctx, people) if people and people[0].start == s.start else []
    m = FOUND.match(ctx.text, run[-1].end, s.end) if run and all(p.key in authors for p in run) else None
    if m is None:
        return []
    text = ctx.text[m.end():s.end].strip().rstrip(".")
    return [fact("Claim", {"claimant": [p.key for p in run]}, {"claimText": text},
                 ctx.evidence(index, s.start, s.end, "claim:authors-found", 0.8))]


def _author_run(ctx: Context, people: list[Mention]) -> list[Mention]:
    """The people listed first ("A, B and C")."""
    run = people[:1]
    for p in people[1:]:
        if not re.fullmatch(r"\s*(?:,|,?\s*and)\s*", ctx.text[run[-1].end:p.start]):
            break
        run.append(p)
    return run


def _counts(ctx: Context, index: int, carried: int | None = None) -> list[Fact]:
    """Figures of this sentence; ``carried`` is the rank the sentence before gave its party alone
    ("The US is a distant second. American firms accounted for 402 deals, ahead of Japan with 173")."""
    s = ctx.sentences[index]
    if not DIGIT.search(s.text):  # every count rule needs a figure (speed)
        return []
    out = []
    out += _respectively(ctx, index)
    out += _country_reach(ctx, index)
    listed = {e.start for f in out for e in f.evidence}
    for m in COUNT.finditer(s.text):
        position = s.start + m.start("num")
        if any(a <= position for a in listed) and RESPECTIVELY.search(s.text, max(0, m.start() - 40)) \
                or YEAR_OF.search(ctx.text, s.start, s.start + m.end("num")):
            continue
        party = _party_before(ctx, index, position) or _party_after(ctx, index, position) \
            or _first_person(ctx, index, position)
        if party is None:
            continue
        window = ctx.text[party.end:position]
        rank = _rank_in(window) or _rank_after(ctx.text, s.start + m.end(), s.end)
        party, rank = _putting(ctx, index, party, s.start + m.end()) or (party, rank)
        rule = "deal-count:" + (m.group("lead") or "n-deals").strip().replace(" ", "-")
        out.append(_statistic(ctx, index, party, _to_int(m.group("num")), rank,
                              s.start + m.start("num") if not m.group("lead") else s.start + m.start("lead"),
                              s.start + m.end(), rule, position))
    out += _elliptic_counts(ctx, index, out)
    out += _appears_in(ctx, index)
    _chain_ranks(ctx, out, carried)
    return out


def _elliptic_counts(ctx: Context, index: int, found: list[Fact]) -> list[Fact]:
    """Figures without their noun ("with 141", "(31)") counted in the unit named before them."""
    s = ctx.sentences[index]
    out = []
    for m in BARE_COUNT.finditer(s.text):
        position = s.start + m.start("num")
        party = _party_before(ctx, index, position)
        unit = (m.group("unit") or "").strip() or _unit_before(ctx, index, position)
        if party is None or unit is None or _reported(found + out, party, position) \
                or _an_example(ctx, index, party):
            continue
        rank = _rank_in(ctx.text[party.end:position]) or _rank_after(ctx.text, s.start + m.end(), s.end)
        out.append(_counted(ctx, index, party, _to_int(m.group("num")), unit, rank,
                            party.start, s.start + m.end(), "deal-count:elliptic-" + m.group("lead").split()[0]))
    if found or out:
        first = min(e.start for f in found + out for e in f.evidence)
        for party in ctx.in_sentence(index, PARTY_TYPES):
            m = BRACKET_COUNT.match(ctx.text, party.end, s.end) or \
                (GAPPED_COUNT.match(ctx.text, party.end, s.end) if party.start > first else None)
            unit = _unit_before(ctx, index, party.start) if m else None
            if m and unit and not _reported(found + out, party, m.start("num")):
                out.append(_counted(ctx, index, party, _to_int(m.group("num")), unit, None,
                                    party.start, m.end(), "deal-count:bracketed" if "(" in m.group()
                                    else "deal-count:gapped"))
    return out


def _to_int(number: str) -> int:
    """"1,900" -> 1900, "six" -> 6."""
    return CARDINALS.get(number.lower()) or int(number.replace(",", ""))


def _counted(ctx: Context, index: int, party: Mention, number: int, unit: str, rank: int | None,
             start: int, end: int, rule: str) -> Fact:
    countries = "countries" in unit
    return _statistic(ctx, index, party, None if countries else number, rank, start, end, rule,
                      start, country_count=number if countries else None)


def _reported(facts: list[Fact], party: Mention, position: int) -> bool:
    """Whether the party's figure at ``position`` is already one of ``facts``."""
    return any(e.start <= position < e.end for f in facts for e in f.evidence)


def _unit_before(ctx: Context, index: int, position: int) -> str | None:
    """The counted noun nearest before ``position``: this sentence, then the two before."""
    for i in range(index, max(-1, index - 3), -1):
        s = ctx.sentences[i]
        units = UNIT_NOUN.findall(ctx.text, s.start, min(position, s.end))
        if units:
            return "countries" if units[-1] in ("States", "nations") else units[-1]
    return None


WHILE_SECOND = re.compile(r",\s*(?:while|whereas)\s+(?:the\s+)?$")


def _chain_ranks(ctx: Context, facts: list[Fact], carried: int | None = None) -> None:
    """"X first with N, followed by Y with M and Z with K" (or "ahead of Y with M"): Y and Z take the
    next ranks, counted from ``carried`` when X's rank was given in the sentence before."""
    ordered = sorted(facts, key=lambda f: f.evidence[0].start)
    for number, (before, after) in enumerate(zip(ordered, ordered[1:])):
        rank = before.values.get("rank") or (carried if number == 0 else None)
        between = ctx.text[before.evidence[0].end:after.evidence[0].start]
        ahead = "followed by" in between or ("ahead of" in between and after.evidence[0].rule.startswith(
            "deal-count:elliptic"))  # "ahead of Japan with 173", not a bracketed list
        if rank and "rank" not in after.values and NEXT_RANK.search(between) and \
                (ahead or (before.evidence[0].rule.startswith("deal-count:elliptic") and before.values.get("rank"))):
            after.values["rank"] = rank + 1
        if not rank and after.values.get("rank") == 2 and WHILE_SECOND.search(between):
            before.values["rank"] = 1  # "X was linked to 140 contracts, while Y came second with 61"


def _country_reach(ctx: Context, index: int) -> list[Fact]:
    """How many countries an exporter supplies: the party named before the verb."""
    s = ctx.sentences[index]
    out = []
    for m in COUNTRY_REACH.finditer(s.text):
        verb = list(REACH_VERB.finditer(s.text, m.start(), m.start("num")))[-1]  # the verb nearest the figure
        at = s.start + verb.start()
        party = _the_firm(ctx, index, s.start + m.start()) or _owner_of_products(ctx, index, s.start + m.start()) \
            or _party_before(ctx, index, at) or _owner(ctx, index, at) or _first_person(ctx, index, at)
        if party is None or ctx.is_hypothetical(index, s.start + m.start()) or _an_example(ctx, index, party) or \
                (m.group("them") and _unit_before(ctx, index, s.start + m.start("num")) != "countries"):
            continue  # "in 51 of them" counts countries only when countries were counted before
        rank = _rank_in(ctx.text[party.end:at]) if party.sentence_index == index else None
        rank = rank or _rank_after(ctx.text, s.start + m.end(), s.end)
        for each in _each_of(ctx, index, party, at):
            out.append(_statistic(ctx, index, each, None, rank, min(each.start, at), s.start + m.end(),
                                  "deal-count:countries-reached", s.start + m.start("num"),
                                  country_count=_to_int(m.group("num"))))
    return out


# "Brazil and Chile were each named as the supplier to ...", "both ...": the figure is each party's.
EACH = re.compile(r"\b(?:each|both)\b")


def _each_of(ctx: Context, index: int, party: Mention, position: int) -> list[Mention]:
    """The party, or every party listed with it when "each" or "both" comes before ``position``."""
    if party.sentence_index != index or not EACH.search(ctx.text, party.end, position):
        return [party]
    run = [party]
    for before in reversed([p for p in ctx.in_sentence(index, PARTY_TYPES, end=party.start) if p.rule != "demonym"]):
        if not re.fullmatch(r"\s*(?:,|,?\s*and)\s*(?:the\s+)?", ctx.text[before.end:run[0].start]):
            break
        run.insert(0, before)
    return run


# "We had clients in 20 countries": the speaker's own firm.
FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]ur)\b")


def _first_person(ctx: Context, index: int, position: int) -> Mention | None:
    """"we"/"our" before ``position``: in an interview's answer the interviewee's firm, else the firm
    of the person quoted in the sentence (known from their affiliation)."""
    we = list(FIRST_PERSON.finditer(ctx.text, ctx.sentences[index].start, position))
    if not we:
        return None
    firm = ctx.speaker_firm(index) or _quoted_firm(ctx, index)
    if firm is None:
        return None
    return Mention(ctx.document.doc_id, index, we[-1].start(), we[-1].end(), we[-1].group(), firm, "Firm",
                   "coref:first-person", COREF_CONFIDENCE)


def _quoted_firm(ctx: Context, index: int) -> str | None:
    firms = {m.key for m in ctx.mentions if m.entity_type == "Firm"}
    for person in ctx.in_sentence(index, ("Person",)):
        if ctx.affiliations.get(person.key) in firms:
            return ctx.affiliations[person.key]
    return None


# "with companies such as IBM, Palantir and Cisco selling to 32 countries": the examples do not reach them alone.
EXAMPLES = re.compile(r"\b(?:such as|including|like|among them)\s+(?:[\w’'.&-]+(?:\s*,\s*|\s+and\s+|\s+))*$")


def _an_example(ctx: Context, index: int, party: Mention) -> bool:
    """Whether the party is one of the examples listed after "such as" / "including"."""
    return bool(EXAMPLES.search(ctx.text, max(ctx.sentences[index].start, party.start - 80), party.start))


def _respectively(ctx: Context, index: int) -> list[Fact]:
    """"Hikvision and ZTE follow with 27 and 18 contracts respectively"."""
    s = ctx.sentences[index]
    out = []
    for m in RESPECTIVELY.finditer(s.text):
        numbers = [int(n) for n in re.findall(r"\d+", m.group("nums"))]
        clause_start = max(s.text.rfind(",", 0, m.start()), s.text.rfind(" while ", 0, m.start()))
        parties = [p for p in ctx.in_sentence(index, PARTY_TYPES, s.start + clause_start + 1, s.start + m.start())
                   if p.rule != "demonym"]
        if len(parties) != len(numbers):
            continue
        for party, number in zip(parties, numbers):
            out.append(_statistic(ctx, index, party, number, None, parties[0].start, s.start + m.end(),
                                  "deal-count:respectively", s.start + m.start()))
    return out


def _ranks(ctx: Context, index: int) -> list[Fact]:
    s = ctx.sentences[index]
    out = []
    for m in WORLD_RANK.finditer(s.text):
        word = m.group("rank").lower()
        party = _party_before(ctx, index, s.start + m.start())
        if party is not None:
            out.append(_statistic(ctx, index, party, None, ORDINALS.get(word, 1), s.start + m.start(),
                                  s.start + m.end(), "deal-rank:worlds-nth-exporter", s.start + m.start()))
    for m in (MORE_THAN_ANY.finditer(s.text) if "than any other" in s.text else ()):
        party = _party_before(ctx, index, s.start + m.start())
        if party is not None and not ctx.text[party.end:s.start + m.start()].strip(" ,"):
            out.append(_statistic(ctx, index, party, None, 1, party.start, s.start + m.end(),
                                  "deal-rank:more-than-any-other", s.start + m.start()))
    if _trade_near(ctx, index, 0):
        out += _dominated(ctx, index)
        out += _dominates(ctx, index)
    if _trade_near(ctx, index, 2):  # "N exporters were counted. Of those, ... putting it first. X is third."
        out += _rank_clauses(ctx, index)
        for m in RANKS_SECOND.finditer(s.text):
            party = _party_before(ctx, index, s.start + m.start())
            if party is not None and ctx.text[party.end:s.start + m.start()].strip() == "":
                rank = ORDINALS[m.group("ord").lower()]
                out.append(_statistic(ctx, index, party, None, rank, party.start, s.start + m.end(),
                                      "deal-rank:ranks-nth", s.start + m.start()))
                out += _ahead_of(ctx, index, s.start + m.end(), rank)
    if not out and _trade_near(ctx, index, 0):
        out += _leads(ctx, index)
    return out


# "41 are based in Japan, putting it second, and 9 in Korea, which ranks fifth": a rank told of the
# party right before the clause.
RANK_CLAUSE = re.compile(r"\s*,\s*(?:(?:putting|placing|leaving)\s+(?:it|them)|which\s+(?:ranks|ranked|is|was|"
                         r"comes|came|places|placed|sits))\s+(?:in\s+)?(?P<ord>%s)\b" % "|".join(ORDINALS))


# "Vantex has 9% of the Asian market for e-gates, ranking fourth behind NEC and Idemia": the rank of
# the sentence's subject, told after its share.
RANKING_BEHIND = re.compile(r",\s*(?:ranking|ranked|placing|coming)\s+(?P<ord>%s)\s+(?:behind|after|among)\b"
                            % "|".join(ORDINALS))


def _rank_clauses(ctx: Context, index: int) -> list[Fact]:
    """", putting it first", ", which ranks second" right after a party; ", ranking third behind
    X and Y" after the subject's share: that party's rank."""
    s = ctx.sentences[index]
    parties = [p for p in ctx.in_sentence(index, PARTY_TYPES) if p.rule != "demonym"]
    out = []
    for party in parties:
        m = RANK_CLAUSE.match(ctx.text, party.end, s.end)
        if m:
            out.append(_statistic(ctx, index, party, None, ORDINALS[m.group("ord").lower()], party.start, m.end(),
                                  "deal-rank:rank-clause", party.start))
    behind = RANKING_BEHIND.search(s.text) if parties and parties[0].start == s.start else None
    if behind:
        out.append(_statistic(ctx, index, parties[0], None, ORDINALS[behind.group("ord").lower()], parties[0].start,
                              s.start + behind.end(), "deal-rank:ranking-behind", s.start + behind.start()))
    return out


AHEAD_OF = re.compile(r"[^.;]{0,20}?,\s*ahead\s+of\s+(?:the\s+)?")


def _ahead_of(ctx: Context, index: int, position: int, rank: int) -> list[Fact]:
    """"Spain is fifth with 9, ahead of Italy with six": the party after "ahead of" is one place lower."""
    m = AHEAD_OF.match(ctx.text, position, ctx.sentences[index].end)
    after = [p for p in ctx.in_sentence(index, PARTY_TYPES) if m and p.start == m.end() and p.rule != "demonym"]
    return [_statistic(ctx, index, after[0], None, rank + 1, after[0].start, after[0].end, "deal-rank:ahead-of",
                       after[0].start)] if after else []


def _trade_near(ctx: Context, index: int, before: int) -> bool:
    """Whether trade is talked of in this sentence, the next, or the ``before`` sentences before it."""
    return any(TRADE_CONTEXT.search(ctx.sentences[i].text)
               for i in range(max(0, index - before), min(len(ctx.sentences), index + 2)))


def _dominated(ctx: Context, index: int) -> list[Fact]:
    s = ctx.sentences[index]
    out = []
    for m in DOMINATED_BY.finditer(s.text):
        after = [p for p in ctx.in_sentence(index, PARTY_TYPES) if p.start == s.start + m.end()]
        if after:
            out.append(_statistic(ctx, index, after[0], None, 1, s.start + m.start(), after[0].end,
                                  "deal-rank:dominated-by", s.start + m.start()))
    for m in IN_PLACE.finditer(s.text):
        who = ctx.in_sentence(index, PARTY_TYPES, s.start + m.start("who"), s.start + m.end("who") + 1)
        rank = ORDINALS.get(m.group("ord").lower())
        if who and rank:
            out.append(_statistic(ctx, index, who[0], None, rank, s.start + m.start(), s.start + m.end(),
                                  "deal-rank:in-nth-place", s.start + m.start()))
    return out


def _dominates(ctx: Context, index: int) -> list[Fact]:
    """"China still dominates.": the party right before the verb is first."""
    s = ctx.sentences[index]
    for party in ctx.in_sentence(index, PARTY_TYPES):
        m = DOMINATES.match(ctx.text, party.end, s.end)
        if m:
            return [_statistic(ctx, index, party, None, 1, party.start, m.end(), "deal-rank:dominates", party.start)]
    return []


def _leads(ctx: Context, index: int) -> list[Fact]:
    """"X leads the world in exporting T" without a figure."""
    s = ctx.sentences[index]
    m = re.search(r"\bleads the (?:world|globe|market)\b", s.text)
    if not m:
        return []
    party = _party_before(ctx, index, s.start + m.start())
    if party is None or ctx.text[party.end:s.start + m.start()].strip():
        return []
    return [_statistic(ctx, index, party, None, 1, party.start, s.start + m.end(),
                       "deal-rank:leads-the-world", s.start + m.start())]


def _statistic(ctx: Context, index: int, party: Mention, count: int | None, rank: int | None,
               start: int, end: int, rule: str, position: int, country_count: int | None = None) -> Fact:
    tech = ctx.in_sentence(index, ("Technology",))
    confidence = 0.9
    if tech:
        technology = min(tech, key=lambda t: abs(t.start - position)).key
    else:
        before = ctx.last_technology(ctx.sentences[index].start)
        technology = before.key if before else None
        confidence = COREF_CONFIDENCE + 0.2
    return fact("DealStatistic",
                {"exporter": [party.key], "technology": [technology] if technology else [],
                 "reportedBy": [ctx.study_key] if ctx.study_key and _study_near(ctx, index) else []},
                {"dealCount": count, "rank": rank, "countryCount": country_count},
                ctx.evidence(index, start, end, rule, confidence))


def _party_before(ctx: Context, index: int, position: int) -> Mention | None:
    parties = [p for p in ctx.in_sentence(index, PARTY_TYPES) if p.end <= position]
    named = [p for p in parties if p.rule not in ("demonym", "coref:definite")]  # "X was the largest vendor"
    party = (named or parties or [None])[-1]
    return _their_country(ctx, index, party) if party is not None and party.entity_type == "Group" else party


def _their_country(ctx: Context, index: int, group: Mention) -> Mention:
    """"The United States ranked second: American vendors sold to 51 countries": firms named by the
    demonym of a country the sentence named before them are that country's."""
    demonym = [c.key for c in ctx.in_sentence(index, ("Country",), group.start, group.end) if c.rule == "demonym"]
    named = [c for c in ctx.in_sentence(index, ("Country",), end=group.start)
             if c.rule != "demonym" and c.key in demonym]
    return named[-1] if named else group


# "A brochure says its products are used in 27 countries": the firm named last before owns them.
THE_FIRM = re.compile(r"\b(?:the|our)\s+(?:group|company|firm|vendor|business)\s+(?:(?:now|also|already|still|currently)\s+)*$")
ITS_PRODUCTS = re.compile(r"\b(?:its|their)\s+(?:[\w-]+\s+)?(?:products|systems|software|cameras|technology|"
                          r"solutions|devices|platforms?|tools)\b[^.;,]{0,20}$")


# "With Chile, the company's identity platforms are now used by ministries in 31 countries": the
# firm whose products are counted, not the party the sentence opens on.
OWNED_PRODUCTS = re.compile(r"(?:’s|'s)\s+(?:[\w-]+\s+){0,4}?(?:products|systems|software|cameras|technology|"
                            r"solutions|devices|platforms?|tools|gates|equipment)\s+(?:are|is|have been|has been)\s+"
                            r"(?:(?:now|also|already|still|currently|widely)\s+)*$")


def _owner_of_products(ctx: Context, index: int, position: int) -> Mention | None:
    """The firm (or "the company") whose products are the subject of the reach verb at ``position``."""
    owners = [f for f in ctx.in_sentence(index, ("Firm",), end=position)
              if OWNED_PRODUCTS.fullmatch(ctx.text, f.end, position)]
    return owners[-1] if owners else None


def _the_firm(ctx: Context, index: int, position: int) -> Mention | None:
    """"the CFO said the group now sells to 40 countries": the firm the document named last before."""
    if not THE_FIRM.search(ctx.text, ctx.sentences[index].start, position):
        return None
    firms = [m for m in ctx.mentions if m.entity_type == "Firm" and m.end <= position]
    return firms[-1] if firms else None


def _owner(ctx: Context, index: int, position: int) -> Mention | None:
    """The firm "its products" refer to: the last one named in this sentence or the two before."""
    if not ITS_PRODUCTS.search(ctx.text, ctx.sentences[index].start, position):
        return None
    firms = [m for m in ctx.mentions if m.entity_type == "Firm" and m.end <= position
             and m.sentence_index >= index - 2]
    return firms[-1] if firms else None


def _party_after(ctx: Context, index: int, position: int) -> Mention | None:
    parties = [p for p in ctx.in_sentence(index, PARTY_TYPES) if p.start >= position]
    return parties[0] if parties else None


def _rank_after(text: str, start: int, end: int) -> int | None:
    """", making it the largest supplier": a rank stated right after the figure."""
    m = MAKING_IT.match(text, start, end)
    if not m:
        return None
    word = m.group("rank").lower()
    return ORDINALS.get(word, 1)


def _appears_in(ctx: Context, index: int) -> list[Fact]:
    """"Dahua alone appears in 240 of the entries": a firm's share of the deals a dataset records."""
    s = ctx.sentences[index]
    out = []
    for m in (APPEARS_IN.finditer(s.text) if " of " in s.text else ()):
        party = _party_before(ctx, index, s.start + m.start())
        if party is not None and ALONE.fullmatch(ctx.text, party.end, s.start + m.start()):
            out.append(_statistic(ctx, index, party, _to_int(m.group("num")), None, party.start, s.start + m.end(),
                                  "deal-count:appears-in", s.start + m.start("num")))
    return out


def _putting(ctx: Context, index: int, party: Mention, end: int) -> tuple[Mention, int] | None:
    """"Russian firms account for 512 of them, putting Russia first": the country of the firms
    the figure counts, ranked by the clause after it."""
    m = PUTTING.match(ctx.text, end, ctx.sentences[index].end)
    country = [c for c in ctx.in_sentence(index, ("Country",)) if m and c.start == m.end() and c.rule != "demonym"]
    ordinal = PUT_RANK.match(ctx.text, country[0].end) if country else None
    demonym = {c.key for c in ctx.in_sentence(index, ("Country",), party.start, party.end) if c.rule == "demonym"}
    if ordinal is None or (party.key != country[0].key and country[0].key not in demonym):
        return None
    return country[0], ORDINALS[ordinal.group("ord").lower()]


def _rank_in(window: str) -> int | None:
    rounded = ROUNDED_OUT.search(window)
    if rounded:
        n = rounded.group("n")
        return CARDINALS.get(n) or int(n)
    ordinal = ORDINAL_WORDS.search(window)
    if ordinal:
        return ORDINALS[ordinal.group(1).lower()]
    return 1 if LEADER_WORDS.search(window) else None


def _study_near(ctx: Context, index: int) -> bool:
    words = re.compile(r"\b(?:study|report|paper|research|survey|analysis|researchers)\b", re.I)
    return any(words.search(ctx.sentences[i].text) for i in (index, index - 1) if i >= 0)
