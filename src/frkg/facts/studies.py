"""Studies: who wrote them, where the authors work, when they were published.

"A recent study by Harvard and MIT researchers", "In a paper published in
November 2021, Beraja and his coauthors argued", "David Yang, one of
Beraja’s coauthors".  A document gets one study node (the first one it
describes); "the study", "the researchers", "the paper" refer to it.
"""
from __future__ import annotations

import re

from frkg.entities import entity_for
from frkg.facts.context import Context, fact
from frkg.facts.dates import _MONTH, MONTHS, find_date
from frkg.identity import slugify
from frkg.model import Fact

STUDY_NOUN = r"(?:study|paper|report|research|survey|analysis|working paper|article|[Ii]ndex|investigation)"
ORG_TYPES = ("ResearchOrganization", "ThinkTank", "Organization", "CivilSocietyOrganization",
             "GovernmentBody", "Firm")
BY_RESEARCHERS = re.compile(
    rf"\b{STUDY_NOUN}\s+(?:\w+\s+){{0,3}}?(?:by|from)\s+(?P<by>[^,.;]+?)\s+"
    r"(?:researchers|scientists|economists|academics|scholars|experts|analysts)\b")
BY_AUTHORS = re.compile(rf"\b{STUDY_NOUN}(?:\s+(?:\w+\s+){{0,3}}?|,\s+(?:(?:written|authored|compiled|prepared|"
                        r"published|released|produced|conducted|commissioned|led|co-written)\s+)?)"
                        r"(?<!available )(?:by|from)\s+(?P<by>[^,.;]+?)"  # "available from X's website": no author
                        r"(?=\s+(?:says|said|shows|showed|finds|found|argues|warns|"
                        r"concludes|estimates|claims)\b|[,.;]|$)")  # "a report by X says Y ...": X alone
RESEARCHERS_AT = re.compile(
    r"\b(?:researchers|scientists|economists|academics|scholars)\s+(?:at|from)\s+(?P<by>[^,.;]+)")
PUBLISHED = re.compile(rf"\b{STUDY_NOUN}\b[^.;]{{0,40}}?\b(?:published|released|issued)\s+"
                       r"(?:by\s+(?P<by>[^.;,]{0,80}?)\s+)?(?:in|on)\s+")
# "an investigation published today by Digital Freedom Watch": published just now, by a body.
PUBLISHED_NOW_BY = re.compile(rf"\b{STUDY_NOUN}\b[^.;]{{0,40}}?\b(?:published|released|issued)\s+"
                              r"(?P<when>today|yesterday|this week)\s+by\s+(?P<by>[^.;,]{1,80})")
# "a report published on 12 May 2025 by the Vilnius-based outlet Siena Monitor": the publisher after the date.
BY_AFTER_DATE = re.compile(r"\s+by\s+(?P<by>[^.;,]{1,80})")
# "first published by the Cambodian Digital Rights Network in a May 2023 report": publisher, then the study.
PUBLISHED_BY_IN = re.compile(rf"\b(?:published|released|issued|put out)\s+by\s+(?P<by>[^.;,]{{1,80}}?)\s+in\s+"
                             rf"(?:a|an|its|their)\s+(?P<when>(?:{_MONTH}\s+)?(?:19|20)\d\d\s+)?{STUDY_NOUN}\b")
# "The report draws on procurement records, court files and interviews": a study described by its sources.
DRAWS_ON = re.compile(rf"^\s*(?:[Tt]he|[Tt]his|[Ii]ts|[Tt]heir)\s+(?:new\s+|latest\s+)?{STUDY_NOUN}\b[^.;]{{0,60}}?\s+"
                      r"(?:draws on|is based on|relies on|builds on|combines)\s+")
# "a database compiled with the Lisbon Institute", "prepared in partnership with X": a co-author body.
COMPILED_WITH = re.compile(r"\b(?:compiled|prepared|produced|built|assembled|conducted|written|carried out)\s+"
                           r"(?:with|together with|jointly with|in (?:partnership|cooperation|collaboration) with)\s+"
                           r"(?P<by>[^,.;]{1,100})")
COAUTHORS = re.compile(r"\s+and\s+(?:his|her|their)\s+co-?authors")
ONE_OF = re.compile(r"one of\s+(?P<lead>\S+?)(?:’s|'s)\s+co-?authors")
STUDY_AUTHOR = re.compile(
    r"(?P<person>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2}),\s+(?:the|a|one of the)\s+"
    rf"{STUDY_NOUN}(?:’s|'s)\s+(?:lead\s+|main\s+|co-?)?authors?\b")
AUTHOR_BEFORE_NAME = re.compile(
    rf"\b(?:[Tt]he|[Ii]ts)\s+{STUDY_NOUN}(?:’s|'s)\s+(?:lead\s+|main\s+|co-?)?authors?,?\s+"
    r"(?P<person>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})")
# "a 2019 study", "A March 2025 report by X": the month, when given, dates it to the month.
DATED_STUDY = re.compile(rf"\b(?:[Aa]n?|[Tt]he|[Ii]ts)\s+(?P<when>(?:{_MONTH}\s+)?(?:19|20)\d\d)\s+{STUDY_NOUN}\b")
# "A 2023 University of Leeds study found": the body named between the year and the noun wrote it.
DATED_BODY_STUDY = re.compile(rf"\b[Aa]n?\s+(?P<when>(?:19|20)\d\d)\s+(?P<by>[A-Z][^,.;]{{2,80}}?)\s+{STUDY_NOUN}\b")
# "In a report submitted to the Council, the special envoy on X, Jane Doe, concluded ...": the
# subject of the clause after the opening phrase wrote the study.
IN_A_STUDY = re.compile(rf"^\s*In\s+(?:a|an|her|his|its|their|the)\s+(?:new\s+|latest\s+|annual\s+)?{STUDY_NOUN}"
                        r"(?P<presented>\s+(?:presented|submitted|delivered|released|published|tabled)\s+"
                        r"(?:to|at|before|on)\b)?[^,;]{0,80},\s+(?P<subject>[^;]{1,160}?)\s+"
                        r"(?:found|finds|concluded|concludes|said|says|argued|argues|warned|warns|wrote|writes|"
                        r"reported|reports|documented|documents|estimated|estimates|noted|notes)\b")
# "A paper in the March 2024 issue of the Journal of X": a journal article dated by its issue.
JOURNAL_ISSUE = re.compile(rf"\b(?:study|paper|article|research)\s+(?:published\s+)?in\s+(?:the|its)\s+"
                           rf"(?P<when>(?:{_MONTH}\s+)?(?:19|20)\d\d)\s+issue\s+of\b")
# "In “Cheap Eyes”, Ana Ruiz of X and Lars Berg of Y compile ...": after an article was described,
# a sentence opening with its quoted title names its authors as the clause's subject.
IN_TITLE = re.compile(r"^\s*In\s+[“\"](?P<title>[^”\"]{3,200})[”\"],\s+(?P<subject>[^;]{1,200}?)\s+"
                      r"(?:build|builds|built|compile|compiles|compiled|construct|constructs|find|finds|found|"
                      r"show|shows|showed|argue|argues|argued|examine|examines|examined|analy[sz]e|analy[sz]es|"
                      r"use|uses|used|match|matches|measure|measures|estimate|estimates|document|documents|"
                      r"test|tests|trace|traces)\b")
STUDY_WORDS = re.compile(rf"\b{STUDY_NOUN}\b|\bresearchers\b|\b(?:co-?)?authors?\b|^\s*In\s+[“\"]", re.I)
# "said lead author Elena Vasquez", "Her co-author, Daniel Cho": a person named as an author.
AUTHOR_NOUN_BEFORE = re.compile(r"\b(?:(?:lead|main|senior|first|principal)\s+)?(?:co-?)?authors?"
                                r"(?:,|\s+is|\s+was|\s+are|\s+were)?\s+$",
                                re.I)
# "Researchers Ana Lima and Tom Reyes surveyed 40 cities": people named as researchers who did research.
RESEARCHERS_BEFORE = re.compile(r"\b[Rr]esearchers?\s+$")
RESEARCH_VERB = re.compile(r"\b(?:counted|found|analy[sz]ed|surveyed|studied|examined|mapped|reviewed|compiled|"
                           r"measured|tested|documented|estimated|calculated|interviewed|catalogued|cataloged)\b")
# "written by A, a lecturer at U1, and B, a professor at U2": the list goes on past appositions.
STUDY_NOUN_RE = re.compile(rf"\b{STUDY_NOUN}\b")
ACADEMIC_NOUNS = ("study", "paper", "working paper", "article", "research")
YEAR_SUFFIX = re.compile(r"-((?:19|20)\d\d)$")
NEXT_AUTHOR = re.compile(r"(?:,\s*|\s+)and\s+$")
AUTHOR_LIST_GAP = re.compile(r",\s*(?:and\s+)?|\s+and\s+")  # "The authors, A, B and C": right after an author


def extract(ctx: Context) -> list[Fact]:
    """Study facts (one node per document, several pieces of evidence)."""
    facts: list[Fact] = []
    for sentence in ctx.sentences:
        if not STUDY_WORDS.search(sentence.text):
            continue
        found = _study_in_sentence(ctx, sentence.index)
        if found is not None and not _refers_back(found, facts):
            facts.append(found)
    _key_by_first_author(ctx, facts)
    return facts


def _refers_back(found: Fact, earlier: list[Fact]) -> bool:
    """"Costa and her co-authors argue" after the authors were listed: a reference to the study
    already described, not a new description of it."""
    known = {a for f in earlier for a in f.roles.get("author", ())}
    return found.evidence[0].rule == "study:coauthors" and bool(known) \
        and set(found.roles.get("author", ())) <= known and not found.roles.get("authorAffiliation")


def _key_by_first_author(ctx: Context, facts: list[Fact]) -> None:
    """The study is keyed by its first author's surname once the document names one
    (``study/<surname>[-<year>]``, the gold convention), even if institutions described it first."""
    authors = [a for f in facts for a in f.roles.get("author", ())]
    if not authors or ctx.study_key is None or not _academic(ctx, facts[0]):
        return
    dates = [str(f.values["publicationDate"]) for f in facts if f.values.get("publicationDate")]
    year = dates[0][:4] if dates else YEAR_SUFFIX.search(ctx.study_key)
    year = year if isinstance(year, str) or year is None else year.group(1)
    key = "study/" + slugify(_surname(ctx, authors[0]) + ("-" + year if year else ""))
    if key == ctx.study_key:
        return
    ctx.extra_entities.pop(ctx.study_key, None)
    ctx.study_key = key
    for f in facts:
        f.subject = key
    ctx.add_entity(entity_for(key, "Study", "Study by " + _label(ctx, authors[0])))


def _academic(ctx: Context, first: Fact) -> bool:
    """Whether the study is first called a study or paper (known by its authors) rather than a
    report or index (known by the institution that publishes it)."""
    noun = STUDY_NOUN_RE.search(ctx.sentences[first.evidence[0].sentence_index].text)
    return noun is not None and noun.group().lower() in ACADEMIC_NOUNS


def _study_in_sentence(ctx: Context, index: int) -> Fact | None:
    s = ctx.sentences[index]
    authors: list[str] = []
    affiliations: list[str] = []
    rule = None
    for regex, name in ((BY_RESEARCHERS, "study:by-researchers"), (RESEARCHERS_AT, "study:researchers-at")):
        for m in regex.finditer(s.text):
            affiliations += [x.key for x in _mentions_in(ctx, index, s.start + m.start("by"),
                                                         s.start + m.end("by"), ORG_TYPES)]
            rule = rule or name
    if not affiliations:
        for m in BY_AUTHORS.finditer(s.text):
            span = (s.start + m.start("by"), s.start + m.end("by"))
            authors += [x.key for x in _mentions_in(ctx, index, *span, ("Person",))]
            affiliations += [x.key for x in _mentions_in(ctx, index, *span, ORG_TYPES)]
            rule = rule or ("study:by-authors" if authors or affiliations else None)
    for m in DATED_BODY_STUDY.finditer(s.text) if not affiliations else ():
        affiliations += [x.key for x in _mentions_in(ctx, index, s.start + m.start("by"), s.start + m.end("by"),
                                                     ORG_TYPES)]
        rule = rule or ("study:dated-body" if affiliations else None)
    for m in STUDY_AUTHOR.finditer(s.text):
        people = ctx.in_sentence(index, ("Person",), s.start + m.start(), s.start + m.end("person"))
        if people:
            authors.append(people[-1].key)
            affiliations += [ctx.affiliations[people[-1].key]] if people[-1].key in ctx.affiliations else []
            rule = rule or "study:named-author"
    for m in AUTHOR_BEFORE_NAME.finditer(s.text):
        people = [p for p in ctx.in_sentence(index, ("Person",)) if p.start == s.start + m.start("person")]
        if people:
            authors.append(people[0].key)
            affiliations += [ctx.affiliations[people[0].key]] if people[0].key in ctx.affiliations else []
            rule = rule or "study:named-author"
    last_author_end = -1
    for person in ctx.in_sentence(index, ("Person",)):
        tail = ctx.text[person.end:s.end]
        if COAUTHORS.match(tail):
            authors.append(person.key)
            rule = rule or "study:coauthors"
        elif AUTHOR_NOUN_BEFORE.search(ctx.text, s.start, person.start) or \
                (RESEARCHERS_BEFORE.search(ctx.text, s.start, person.start) and RESEARCH_VERB.search(tail)) or \
                (authors and NEXT_AUTHOR.search(ctx.text, s.start, person.start)) or \
                (authors and AUTHOR_LIST_GAP.fullmatch(ctx.text, last_author_end, person.start)):
            last_author_end = person.end
            authors.append(person.key)
            affiliations += [ctx.affiliations[a] for a in authors if a in ctx.affiliations]
            rule = rule or "study:named-author"
    for m in ONE_OF.finditer(s.text):
        lead = [p for p in ctx.in_sentence(index, ("Person",)) if p.start >= s.start + m.start("lead")]
        subject = [p for p in ctx.in_sentence(index, ("Person",)) if p.end <= s.start + m.start()]
        authors += [p.key for p in lead[:1] + subject[-1:]]
        affiliations += [ctx.affiliations[p.key] for p in subject[-1:] if p.key in ctx.affiliations]
        rule = rule or "study:one-of-coauthors"
    date = None
    published = PUBLISHED.search(s.text)
    if published:
        found = find_date(ctx.text, s.start + published.end(), s.end)
        date = found[0] if found else None
        rule = rule or "study:published"
        if published.group("by") and not affiliations:
            affiliations += [x.key for x in _mentions_in(ctx, index, s.start + published.start("by"),
                                                         s.start + published.end("by"), ORG_TYPES)]
        after = BY_AFTER_DATE.match(ctx.text, found[1].end(), s.end) if found and not published.group("by") else None
        if after and not affiliations:
            affiliations += [x.key for x in _mentions_in(ctx, index, after.start("by"), after.end("by"), ORG_TYPES)][:1]
    by_in = PUBLISHED_BY_IN.search(s.text) if not affiliations else None
    if by_in:
        affiliations += [x.key for x in _mentions_in(ctx, index, s.start + by_in.start("by"), s.start + by_in.end("by"),
                                                     ORG_TYPES)][:1]
        when = by_in.group("when")
        date = date or ((find_date(when.strip()) or (when.strip()[-4:],))[0] if when else None)
        rule = rule or ("study:published-by-in" if affiliations else None)
    now = PUBLISHED_NOW_BY.search(s.text)
    if now:
        affiliations += [x.key for x in _mentions_in(ctx, index, s.start + now.start("by"), s.start + now.end("by"),
                                                     ORG_TYPES)][:1]
        date = date or ctx.document.published
        rule = rule or "study:published-now"
    if rule is None and DRAWS_ON.search(s.text):
        rule = "study:draws-on"
    for m in COMPILED_WITH.finditer(s.text) if rule else ():
        affiliations += [x.key for x in _mentions_in(ctx, index, s.start + m.start("by"), s.start + m.end("by"),
                                                     ORG_TYPES)]
    opening = IN_A_STUDY.search(s.text)
    if opening and not authors and not affiliations:
        authors += _opening_author(ctx, index, opening)
        date = date or (_news_date(ctx) if opening.group("presented") and authors else None)
        rule = rule or ("study:in-a-study" if authors else None)
    issue = JOURNAL_ISSUE.search(s.text)
    if issue:
        date = date or (find_date(issue.group("when")) or (issue.group("when")[-4:],))[0]
        rule = rule or "study:journal-issue"
    titled = IN_TITLE.search(s.text) if ctx.study_key and not authors else None
    if titled:
        authors += [p.key for p in ctx.in_sentence(index, ("Person",), s.start + titled.start("subject"),
                                                    s.start + titled.end("subject"))]
        affiliations += [ctx.affiliations[a] for a in authors if a in ctx.affiliations]
        rule = rule or ("study:in-title" if authors else None)
    dated = DATED_STUDY.search(s.text) or DATED_BODY_STUDY.search(s.text)
    if dated and rule:
        date = date or (find_date(dated.group("when")) or (dated.group("when")[-4:],))[0]
    if rule and date is None and (last := PUBLISHED_LAST.search(s.text)):
        date = _relative_date(ctx, s.start + last.end(), s.end)
    if rule is None or (not authors and not affiliations and _official_report(ctx, index)):
        return None
    key = _study_key(ctx, authors, affiliations, date)
    return fact("Study", {"author": authors, "authorAffiliation": affiliations},
                {"publicationDate": date}, ctx.sentence_evidence(index, rule, 0.85), subject=key)


# "In a report published on 2 May, the committee urged ...": a body of the state reporting.
OFFICIAL_SUBJECT = re.compile(r"^\s*In\s+(?:a|an|its|their|the)\s+[^,;]{0,60},\s+(?:the\s+)?(?:[\w-]+\s+)?"
                              r"(?:committee|government|ministry|department|commission|parliament|senate|council|"
                              r"regulator|inquiry|panel|ombudsman|auditor)\b", re.I)
OFFICIAL_TYPES = ("Legislature", "GovernmentBody")


def _official_report(ctx: Context, index: int) -> bool:
    """A report a committee, ministry or regulator issues (see :data:`OFFICIAL_SUBJECT`, or such a
    body named as the subject after the opening) is its finding, not a study."""
    s = ctx.sentences[index]
    opening = OFFICIAL_SUBJECT.match(s.text)
    if opening:
        return True
    comma = s.text.find(", ") if s.text.lstrip().startswith("In ") else -1
    return comma > 0 and any(m.start == s.start + comma + 2 for m in ctx.in_sentence(index, OFFICIAL_TYPES))


def _opening_author(ctx: Context, index: int, opening: re.Match) -> list[str]:
    """The last person named in the subject after "In a report ...," (see :data:`IN_A_STUDY`)."""
    start = ctx.sentences[index].start
    people = ctx.in_sentence(index, ("Person",), start + opening.start("subject"), start + opening.end("subject"))
    return [people[-1].key] if people else []


# "published last November", "released last year": a date counted back from the story's own.
PUBLISHED_LAST = re.compile(rf"\b{STUDY_NOUN}\b[^.;]{{0,40}}?\b(?:published|released|issued)(?=\s+last\s)")
LAST_WHEN = re.compile(rf"\s*last\s+(?:(?P<month>{_MONTH})|(?P<year>year))\b")


def _relative_date(ctx: Context, start: int, end: int) -> str | None:
    """The date "last <month>" or "last year" right after ``start`` names, from the story's date."""
    when = LAST_WHEN.match(ctx.text, start, end)
    story = _news_date(ctx) if when else None
    if story is None:
        return None
    year = int(story[:4]) - 1
    if when.group("year"):
        return str(year)
    month = MONTHS[when.group("month").lower()]
    if len(story) >= 7 and month < int(story[5:7]):
        year += 1  # "last March" in a story of June: this year's March
    return f"{year}-{month:02d}"


def _news_date(ctx: Context) -> str | None:
    """The date of the news itself: the document's, else its dateline's ("NAIROBI (4 June 2026) -")."""
    if ctx.document.published:
        return str(ctx.document.published)
    found = find_date(ctx.text, 0, min(len(ctx.text), ctx.sentences[min(1, len(ctx.sentences) - 1)].end))
    return found[0] if found else None


def _study_key(ctx: Context, authors: list[str], affiliations: list[str], date: str | None) -> str:
    """The document's study key, minted from the first description of it."""
    if ctx.study_key is None:
        names = [_surname(ctx, a) for a in authors[:1]] or [k.split("/", 1)[1] for k in sorted(set(affiliations))]
        stem = "-".join(names) or ctx.document.doc_id
        ctx.study_key = "study/" + slugify(stem + ("-" + date[:4] if date else ""))
        label = "Study by " + " and ".join(_label(ctx, k) for k in (authors[:1] or affiliations)) \
            if (authors or affiliations) else "Study"
        ctx.add_entity(entity_for(ctx.study_key, "Study", label))
    return ctx.study_key


def _surname(ctx: Context, person: str) -> str:
    """The author's surname as written ("Weiss-Morgan" keeps its hyphen; the gold convention)."""
    return slugify(_label(ctx, person).split()[-1])


def _label(ctx: Context, key: str) -> str:
    for m in ctx.mentions:
        if m.key == key:
            return " ".join(m.text.split()).removesuffix("’s")
    return key.split("/", 1)[1]


def _mentions_in(ctx: Context, index: int, start: int, end: int, types: tuple[str, ...]):
    return ctx.in_sentence(index, types, start, end)
