"""Statements (who said what) and claims (what a study or group argues).

Direct quotes: “...,” says X / “...,” X said / “...,” she says / X said: “...”;
a quote with no attribution right after an attributed one continues it.
Reported speech: "X says (that) ...", "..., X says.", "according to X, ...",
"X told Reuters that ...".  "She"/"he" refer to the latest speaker (or the
closest person named before), with lower confidence.  Subjects such as "the
study", "the researchers" or "X and his coauthors" make a Claim by the study.
In a Q&A interview the unattributed answers are the interviewee's words
(see ``Context.interview``).
"""
from __future__ import annotations

import re

from frkg.coref import pronoun_antecedent
from frkg.facts.context import COREF_CONFIDENCE, Context, fact
from frkg.model import Fact, Mention
from frkg.patterns import ROLE, SAY

SPEAKER_TYPES = ("Person", "GovernmentBody", "Firm", "ThinkTank", "ResearchOrganization",
                 "CivilSocietyOrganization", "Legislature", "Administration", "Organization",
                 "PoliceDepartment")
CLAIMANT_TYPES = ("Group",)
QUOTE = re.compile(r"[“\"](?P<q>[^“”\"\n]{3,}?)[”\"]")
AFTER_QUOTE = re.compile(rf"\s*,?\s*(?:(?P<v1>{SAY})\s+(?P<w1>\S)|(?P<w2>\S)[^“”\"]{{0,120}}?\s+(?P<v2>{SAY})\b)")
BEFORE_QUOTE = re.compile(rf"(?:{SAY})\s*[:,]?\s*$")
# "X said in a statement that the US “...”", "X told reporters that it “...”": the quote is
# what the speaker said, inside reported speech.
# "X said the government was “committed to ...”" (without "that") reads the same.
SAID_THAT_QUOTE = re.compile(rf"\b(?:{SAY})\b(?:[^“”\"]{{0,60}}?\bthat\b)?[^“”\"]{{0,60}}$")
# "He estimated that ...": a forecast reported as what the speaker said (only before "that").
# "She urged importing governments to publish ...", "X calls on the EU to ...": an appeal is said too.
# "She asked whether the deal carried risks": a pointed question is said too.
# "She recommended that ...", "alleging that the criteria were ...": advice and allegations before
# "that" are said too; so is a denial of an act ("X denied ever selling to Y").
# Formal genres: a party "submitted that" or "conceded that", an authority "replied that", "confirmed that"
# or "informed the supplier that", a research group "reported in June 2023 that" (a ruling is a measure, not
# speech: "The watchdog ruled that ...").
VERB = re.compile(rf"\b(?:{SAY})\b|\b(?:estimated|estimates|predicted|predicts|forecast|forecasts|recommended|"
                  r"recommends|alleged|alleges|alleging|submitted|submits|replied|replies|responded|responds|"
                  r"answered|maintained|asserted|asserts|conceded|concedes|admitted|admits|confirmed|confirms|"
                  r"announced|announces|disclosed|discloses|revealed|reveals|reiterated|reiterates|countered|counters|"
                  r"declared|declares|indicated|indicates|acknowledges|concluded|concludes)\b(?=\s+that\b)|"
                  r"\b(?:informed|informs|notified|notifies|assured|assures|reminded|reminds)\b"
                  r"(?=\s+[^.;:“”\"]{1,60}?\bthat\b)|"
                  r"\b(?:reported|reports)\b(?=\s+(?:[^.;:,“”\"]{1,30}?\s+)?that\b)|"
                  r"\b(?:denied|denies)\b(?=\s+(?:that\b|ever\b|having\b|[a-z]+ing\b))|"
                  r"\b(?:urged|urges|called on|calls on)\b(?=\s+[^.;]{1,80}?\bto\s+[a-z])|"
                  r"\b(?:asked|asks|questioned)\b(?=\s+(?:whether|if)\b)")
# "According to the paper, imports rose ...": a claim of the document's study.
ACCORDING_TO_STUDY = re.compile(r"\b[Aa]ccording to (?:the|this|that|their|its) (?:study|paper|report|research|"
                                r"survey|analysis|authors|researchers)\s*,\s*")
APPOSITIVE_TAIL = re.compile(r",[^,“”\"]{1,140},\s*$")
# "X, a coalition of lawyers and journalists, said": an appositive describing the subject before it.
# "The Federal Export Office (FEO), which handles licences, informed ...": a relative clause describes it too;
# so does "a Lisbon digital rights group" (a place's name before the description).
RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whose)\b")
DESCRIPTION = re.compile(rf",\s+(?:an?|the)\s+(?:[A-Z][\w-]*\s+)?[a-z]|{RELATIVE_CLAUSE.pattern}")
OF_ORG_TAIL = re.compile(r"\s+(?:of|from|at)\s+(?:the\s+)?$")
PRONOUN_TAIL = re.compile(r"\b(?P<p>[Ss]he|[Hh]e)\s*$")
# "It said it had no sales abroad": a sentence opening with "It" speaks for a body (see :func:`_it_speaker`).
IT_HEAD = re.compile(r"\s*It(?:\s+also)?\s*$")
# "X called that finding “...”", "X described the rules as “...”": the quote is X's words.
# "The ministry cited the “risk of abuse against ...”": citing words is saying them.
# "X accused the firm of “treating ... as a box-ticking exercise”": the accusation is X's words.
# "X has dismissed the ministry's figures as “...”": the label a dismissal gives is X's words too.
CALLED_QUOTE = re.compile(r"\b(?:called|calls|described|describes|labelled|labeled|dubbed|branded|cited|cites)\s+"
                          r"(?!on\b|for\b)(?:[^“”\",;]{1,50}?\s+)?(?:as\s+)?$"
                          r"|\b(?:accused|accuses)\s+[^“”\",;]{1,50}?\s+of\s+$"
                          r"|\b(?:dismissed|dismisses|rejected|rejects|denounced|denounces|condemned|condemns)\s+"
                          r"[^“”\",;]{1,50}?\s+as\s+$")
STUDY_TAIL = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]heir)\s+(?:study|report|paper|research|researchers|"
                        r"analysis|authors|survey)\s*$")
COAUTHORS_TAIL = re.compile(r"\s+and\s+(?:his|her|their)\s+co-?authors\s*$")
TOLD_OUTLET = re.compile(r"\s*(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*|reporters|journalists)\s+(?=that\b|,)|"
                         r"\s*(?:this|the|our)\s+(?:newspaper|paper|publication|website|magazine|reporter|"
                         r"broadcaster|news agency|programme|podcast)\s+")
# "told parliament the cameras ...": the audience after "told" is not part of what was said.
TOLD_AUDIENCE = re.compile(r"\s*(?:parliament|lawmakers|legislators|senators|MPs|reporters|journalists|"
                           r"(?:state|national|local|public)\s+(?:television|TV|media|radio|broadcaster|news agency)|"
                           r"(?:a|the)\s+(?:[\w-]+\s+)?(?:committee|hearing|conference|briefing|parliament|"
                           r"court|senate|assembly|audience|press|media))\s+(?=[a-z])")
# "added Hikvision to the Entity List": "added" puts something on a list; it reports no speech.
# "added Kestrel to the Consolidated Military End-User Suppliers List": a list's name may be long.
ADDED_TO_LIST = re.compile(r"\s+[^.;:“”\"]{0,140}?\bto\s+(?:the|its|their|a|an)\s+(?:[\w-]+\s+){0,6}?"
                           r"(?:[Ll]ist|blacklist|register|database|roster)\b")
# Capitalised titles that may stand before the name opening a sentence ("Senator", "Police chief").
# "The board's chair, Sir Ian Moss, was sceptical": a subject introduced by a possessive role too.
SUBJECT_TITLES = re.compile(r"(?:(?:[Tt]he\s+[\w-]+|[Ii]ts|[Tt]heir)(?:’s|'s)?\s+(?:[a-z-]+\s+){0,2}[a-z]+,\s+)?"
                            r"(?:[A-Z][\w.-]*\s+(?:[a-z]+\s+)?){0,3}|")
ACCORDING_TO = re.compile(r"\b[Aa]ccording to\s+(?:the\s+)?")
# "stated in its decision that ...", "said in a written reply that ...": formal genres' documents too.
IN_A_STATEMENT = re.compile(r"\s*(?:in|on)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+)?"
                            r"(?:statement|interview|post|letter|email|blog post|press release|briefing|"
                            r"press conference|call|video call|decision|ruling|judgment|judgement|reply|response|"
                            r"answer|submission|filing|notice)\b")
# "reported in June 2023 that ...": a month or year of the report is when, not what.
WHEN_SAID = re.compile(r"\s*(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|today|"
                       r"last\s+(?:week|month|year|night)|(?:earlier\s+)?this\s+(?:week|month|year)|"
                       r"in\s+(?:early\s+|late\s+|mid-)?(?:(?:January|February|March|April|May|June|July|August|"
                       r"September|October|November|December)(?:\s+(?:19|20)\d\d)?|(?:19|20)\d\d))\b")
# "The organisation warned": the last named body of that kind (lower confidence).
# "The awarding authority replied that ...", "the court states": a body named by its office.
THE_BODY = re.compile(r"\b[Tt]he\s+(?:[A-Z][\w-]*\s+){0,2}(?:[a-z]+-based\s+|(?:contracting|competent|licensing|"
                      r"awarding|appeals?)\s+)?"
                      r"(?P<noun>organi[sz]ation|group|charity|NGO|company|firm|agency|"
                      r"watchdog|regulator|department|ministry|think tank|grocer|retailer|chain|supermarket|"
                      r"vendor|supplier|maker|manufacturer|start-?up|operator|authority|tribunal|court)\s*$")
# "the Lyon-based retailer argued that ...": a trade noun stands for the firm named last.
BODY_TYPES = {"company": ("Firm",), "firm": ("Firm",), "think tank": ("ThinkTank",),
              **{noun: ("Firm",) for noun in ("grocer", "retailer", "chain", "supermarket", "vendor", "supplier",
                                              "maker", "manufacturer", "startup", "start-up", "operator")},
              "agency": ("GovernmentBody",), "watchdog": ("GovernmentBody",),
              "regulator": ("GovernmentBody",), "department": ("GovernmentBody",),
              "ministry": ("GovernmentBody",), "authority": ("GovernmentBody", "PoliceDepartment"),
              "tribunal": ("GovernmentBody",), "court": ("GovernmentBody",)}
# "the tribunal", "the court": only a body named as one, never merely the last public body.
NAMED_NOUNS = ("tribunal", "court")
# "..., said lead author X, an economist at Y." / "..., argues X of Y.": the speaker after the verb.
INVERTED_ROLE = re.compile(rf"\s+(?:(?:the\s+|its\s+|their\s+)?(?:[a-z][\w’'-]*\s+){{0,2}}?{ROLE},?\s+|"
                           r"(?:Senator|Sen\.|Rep\.|Representative|Mayor|Governor|Minister|Commissioner|"
                           r"Professor|Prof\.?|Dr\.?|Judge)\s+)?")  # "..., said Senator X"
INVERTED_TAIL = re.compile(r"\s*(?:,|\s(?:of|from|at)\b|[.;]?\s*$)")
# "A CloudWalk spokesperson said": the body speaks through its spokesperson.
SPOKES_TAIL = re.compile(r"\s+(?:spokesperson|spokesman|spokeswoman|representative|official)\s*$")
OFFICIAL_OF_WORD = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+(?:senior\s+|top\s+|former\s+)?(?P<word>[A-Z][\w-]+)\s+"
                              r"(?:spokesperson|spokesman|spokeswoman|representative|official)\s*$")
# A quoted term of fewer words inside reported speech ("said X had enabled “mass surveillance”")
# is the reporter's quotation of a phrase, not a direct quote.
PHRASE_WORDS = 3
# "A 2023 University of Leeds study found that ...": the dated study named there is the document's.
STUDY_FOUND = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]heir|[Ii]ts|[Aa]n?\s+(?:19|20)\d\d(?:\s+[A-Z][^,.;]{0,80}?)?)\s+(?:study|report|paper|research|researchers|analysis|"
                         r"authors|survey)\s+(?:also\s+)?(?:found|finds)\s+(?:that\s+)?")
MID_ATTRIBUTION = re.compile(r",\s*(?:[Ss]he|[Hh]e|[Tt]hey|[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s*$")
QUOTE_MARK = re.compile(r"[“”\"]")
CLAUSE_BREAK = re.compile(r"[.;:“”\"]")
BRACKETED_SHORT = re.compile(r"\s*\([A-Z][\w&-]{1,9}\)$")
# "X has written to the ombudsman alleging ...": who was written to is not the speaker.
WROTE_TO_TAIL = re.compile(r"\s+(?:has\s+|have\s+|had\s+)?(?:written|wrote|writes|complained|appealed|petitioned)"
                           r"\s+to\s+[^,;“”\"]{1,80}$")
# Auxiliaries and adverbs between a speaker and the verb ("has previously described", "had long said").
# "The firm further contended that ...": a court summary's "further" too.
AUXILIARY_TAIL = re.compile(r"(?:\s+(?:has|have|had|also|previously|repeatedly|long|already|once|again|publicly|"
                            r"further|subsequently))+$")
# "A Dahua spokeswoman declined to comment, saying only that the company “...”": the quote is
# said by the subject of the main clause; SUBJECT_CLAUSE finds where that subject ends.
SAYING_QUOTE = re.compile(r",\s+(?:saying|adding|noting|insisting|stressing)\b(?:\s+only)?"
                          r"(?:[^“”\"]{0,60}?\bthat\b)?[^“”\".;]{0,60}$")
SUBJECT_CLAUSE = re.compile(r"[^,“”\"]*?(?:,[^,“”\"]{1,140}?,)?(?=\s+(?:(?:has|have|had|also)\s+)?"
                            r"(?:declined|refused|did not|didn’t|didn't|would not|could not|was not|confirmed|denied|"
                            r"responded|replied|defended|rejected|welcomed|wants|wanted|praised|agreed|conceded|"
                            r"accepted)\b)")
SIGNATURE = re.compile(r"\s*[—–―-]{1,2}\s*")
# Between a quote's attribution and the next quote of the same paragraph, in the sentence after it:
# the rest of the attribution ("said X, a legal officer at the group. “...”"), no other quote.
CONTINUATION_GAP = re.compile(r"[^“”\"\n]{0,160}")
# "he said the agency “...” and used the data “...”": a second quote in a predicate coordinated
# with the first is the same speaker's ("and that it “...”" opens a clause of its own instead).
COORDINATED_GAP = re.compile(r"\s*,?\s*(?:and|but)\s+(?!that\b)[^“”\".;:]{1,80}")
# "told us that Kestrel “...” and that the list was “...”": a second reported clause of the same verb.
THAT_GAP = re.compile(r"\s*,?\s*and\s+that\b[^“”\".;:]{1,100}")
IT_TYPES = ("Firm", "GovernmentBody", "CivilSocietyOrganization", "ThinkTank", "Organization")
CIVIL_TYPES = ("CivilSocietyOrganization", "ThinkTank", "ResearchOrganization", "Organization")


def extract(ctx: Context) -> list[Fact]:
    """Statements and claims, in document order; each is recorded in ``ctx.facts`` at once
    so a later "she says" finds the latest speaker."""
    facts: list[Fact] = []
    quoted_spans: list[tuple[int, int]] = []
    for sentence in ctx.sentences:
        found, spans = _quotes(ctx, sentence.index, facts)
        quoted_spans += spans
        facts += found
        ctx.facts.extend(found)
        reported = _reported(ctx, sentence.index, quoted_spans) or _answer(ctx, sentence.index) \
            or _written_answer(ctx, sentence.index)
        facts += reported
        ctx.facts.extend(reported)
    return facts


# An interview answer stating the firm's stance: "We will not sell to ...", "We have to compete on
# service": a commitment, refusal or necessity in the first person plural (the interviewee's words).
WE_STANCE = re.compile(r"\b(?:[Ww]e|[Oo]ur\s+(?:firm|company|policy))\s+(?:(?:simply|also|still|just)\s+)?"
                       r"(?:do not|don['’]t|will not|won['’]t|would|will|never|must|have to|need to|cannot|"
                       r"can['’]t|refuse|should)\b")
ANSWER_LABEL_HEAD = re.compile(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}\s*:\s+")


def _answer(ctx: Context, index: int) -> list[Fact]:
    """An interview answer's stance (see :data:`WE_STANCE`) is a direct statement of the interviewee."""
    interview = ctx.interview()
    s = ctx.sentences[index]
    if interview is None or index not in interview.answers or not WE_STANCE.search(s.text):
        return []
    label = ANSWER_LABEL_HEAD.match(s.text)
    start = s.start + (label.end() if label else 0)
    return [_statement(ctx, interview.person, ctx.text[start:s.end].strip().rstrip("."), True,
                       ctx.evidence(index, start, s.end, "statement:interview-answer", 0.8))]


# "1. The Commission has not funded ...": a written answer's point may open with its number.
LIST_NUMBER = re.compile(r"\s*(?:\(?(?:\d{1,2}|[a-z])[.)]\s+)?")


def _written_answer(ctx: Context, index: int) -> list[Fact]:
    """A sentence of a written answer (see :meth:`Context.answer`) that the answering body opens ("The
    Commission has not funded ...") is that body's statement."""
    found = ctx.answer()
    s = ctx.sentences[index]
    if found is None or s.start < found[1]:
        return []
    start = LIST_NUMBER.match(ctx.text, s.start, s.end).end()
    opener = [m for m in ctx.in_sentence(index, SPEAKER_TYPES) if m.start == start or
              (m.start == start + 4 and ctx.text.startswith("The ", start))]
    if not opener or opener[0].key != found[0]:
        return []
    return [_statement(ctx, found[0], ctx.text[start:s.end].strip().rstrip("."), False,
                       ctx.evidence(index, start, s.end, "statement:written-answer", 0.75))]


def _quotes(ctx: Context, index: int, earlier: list[Fact]) -> tuple[list[Fact], list[tuple[int, int]]]:
    s = ctx.sentences[index]
    out, spans = [], []
    for m in QUOTE.finditer(s.text):
        q_start, q_end = s.start + m.start(), s.start + m.end()
        spans.append((q_start, q_end))
        quoted = m.group("q").strip().rstrip(",").strip()
        speaker, confidence, end, rule = _quote_speaker(ctx, index, q_start, q_end, earlier + out)
        if rule == "statement:reported-quote":
            spans.pop()  # the reported statement around it stays
        elif rule in ("statement:said-that-quote", "statement:quote-coordinated") \
                and (len(quoted.split()) < PHRASE_WORDS or _ends_reported_clause(ctx, index, q_start)):
            spans.pop()  # a phrase inside reported speech: the reported statement carries it
            if len(quoted.split()) < QUOTED_PREDICATE_WORDS:
                continue
        if speaker is None:
            if len(quoted.split()) < PHRASE_WORDS:
                spans.pop()  # "alleging that it was “rigged”": a term quoted inside the reporter's sentence
            continue
        out.append(_statement(ctx, speaker, quoted, True,
                              ctx.evidence(index, min(q_start, _before_start(ctx, index, q_start)),
                                           max(end, q_end), rule, confidence)))
    return out, spans


def _quote_speaker(ctx: Context, index: int, q_start: int, q_end: int, earlier: list[Fact]
                   ) -> tuple[str | None, float, int, str]:
    s = ctx.sentences[index]
    after = AFTER_QUOTE.match(ctx.text, q_end, s.end)
    if after:
        if after.group("w1"):
            speaker, confidence = _who_at(ctx, index, after.start("w1"))
            speaker = _org_role_person(ctx, index, after.start("w1"), speaker)
            if speaker is None:  # "..., said co-author Felix Braun"
                speaker, confidence = _who_at(ctx, index, INVERTED_ROLE.match(ctx.text, after.end("v1")).end())
        else:
            named = ctx.in_sentence(index, SPEAKER_TYPES, after.start("w2"), after.start("v2"))
            people = [m for m in named if m.entity_type == "Person"]
            if people or named:
                speaker, confidence = (people or named)[-1].key, 0.85
            else:
                speaker, confidence = _who_at(ctx, index, after.start("w2"))
                if speaker is None and ctx.study_key and \
                        STUDY_TAIL.fullmatch(ctx.text, after.start("w2"), after.start("v2")):
                    speaker, confidence = ctx.study_key, 0.8  # "“...,” the authors write": the study's claim
        if speaker:
            return speaker, confidence, after.end(), "statement:quote-attribution"
    before = BEFORE_QUOTE.search(ctx.text, s.start, q_start)
    if before:
        speaker, confidence = _subject_before(ctx, index, before.start())
        if speaker:
            return speaker, confidence, q_end, "statement:quote-attribution-before"
    said_that = SAID_THAT_QUOTE.search(ctx.text, s.start, q_start)
    if said_that:
        speaker, confidence = _subject_before(ctx, index, said_that.start())
        if speaker:
            return speaker, confidence, q_end, "statement:said-that-quote"
    called = CALLED_QUOTE.search(ctx.text, s.start, q_start)
    if called:
        speaker, confidence = _subject_before(ctx, index, called.start())
        if speaker:
            return speaker, confidence, q_end, "statement:called-quote"
    saying = SAYING_QUOTE.search(ctx.text, s.start, q_start)
    subject = SUBJECT_CLAUSE.match(ctx.text, s.start, saying.start()) if saying else None
    if subject is not None:
        speaker, confidence = _subject_before(ctx, index, subject.end() + 1)
        if speaker:
            return speaker, confidence, q_end, "statement:saying-quote"
    signed = _dash_signature(ctx, index, q_end)
    if signed is not None:
        return signed.key, 0.85, signed.end, "statement:quote-signature"
    labelled = _colon_label(ctx, index, q_start)
    if labelled is not None:
        return labelled, 0.8, q_end, "statement:colon-label"
    previous = [f for f in earlier if f.kind == "Statement" and f.values.get("isDirectQuote")]
    gap = ctx.text[previous[-1].evidence[-1].end:q_start] if previous else ""
    coordinated = COORDINATED_GAP.fullmatch(gap) and not ctx.in_sentence(index, SPEAKER_TYPES, q_start - len(gap),
                                                                         q_start)
    if previous and previous[-1].evidence[-1].sentence_index == index and (coordinated or THAT_GAP.fullmatch(gap)):
        return previous[-1].roles["speaker"][0], 0.8, q_end, "statement:quote-coordinated"
    opens = not ctx.text[s.start:q_start].strip()  # a quote opening its sentence
    if previous and (not gap.strip(" .\n") or (opens and CONTINUATION_GAP.fullmatch(gap))) \
            and index - previous[-1].evidence[-1].sentence_index <= 1:
        return previous[-1].roles["speaker"][0], COREF_CONFIDENCE, q_end, "statement:quote-continuation"
    return _reported_quote_speaker(ctx, index, q_start, q_end)


def _reported_quote_speaker(ctx: Context, index: int, q_start: int, q_end: int) -> tuple[str | None, float, int, str]:
    """A long quoted predicate ending reported speech far from its verb (see :data:`QUOTED_PREDICATE_WORDS`):
    the speaker of that verb."""
    s = ctx.sentences[index]
    if len(ctx.text[q_start:q_end].split()) < QUOTED_PREDICATE_WORDS or QUOTE_MARK.search(ctx.text, s.start, q_start):
        return None, 0.0, q_end, ""
    verb = VERB.search(ctx.text, s.start, q_start)
    speaker, confidence = _subject_before(ctx, index, verb.start()) if verb else (None, 0.0)
    return speaker, confidence * 0.9, q_end, "statement:reported-quote" if speaker else ""


# "She said the agency would keep adding firms “wherever the evidence leads”": a quote closing a
# reported clause of this many words or more is part of that reported statement (after a colon
# it is a quote of its own: "said the team had undercounted: “...”").
REPORTED_CLAUSE_WORDS = 5
# "told reporters that the firm had sold to five retailers and “has never broken a single European
# rule”": a quoted predicate this long is the speaker's own words, a direct quote besides.
QUOTED_PREDICATE_WORDS = 5
# Words of the reported clause after a quote that leave the quote inside it, not closing it.
MID_CLAUSE_WORDS = 4


def _ends_reported_clause(ctx: Context, index: int, q_start: int) -> bool:
    """Whether the quote at ``q_start`` closes a long reported clause (see :data:`REPORTED_CLAUSE_WORDS`);
    a quote the clause goes on after ("argues that X are “...” as their rivals, often to ...") is
    the direct quote that statement is remembered by, when it is a predicate of its own."""
    quote = QUOTE.match(ctx.text, q_start)
    goes_on = CLAUSE_BREAK.split(ctx.text[quote.end():ctx.sentences[index].end], 1)[0].split()
    if len(quote.group("q").split()) >= QUOTED_PREDICATE_WORDS and len(goes_on) >= MID_CLAUSE_WORDS:
        return False
    said = SAID_THAT_QUOTE.search(ctx.text, ctx.sentences[index].start, q_start)
    verb = VERB.search(ctx.text, said.start(), q_start) if said else None
    if verb is None:
        return False
    content = ctx.text[_content_start(ctx, verb.end(), q_start):q_start]
    return len(content.split()) >= REPORTED_CLAUSE_WORDS and not content.rstrip().endswith(":")


def _dash_signature(ctx: Context, index: int, q_end: int) -> Mention | None:
    """A quote ending its paragraph, signed on the next line: "— The Honourable X, Minister of Y"."""
    if ctx.text[q_end:ctx.sentences[index].end].strip(" .") or index + 1 >= len(ctx.sentences):
        return None
    following = ctx.sentences[index + 1]
    dash = SIGNATURE.match(ctx.text, following.start, following.end)
    people = [m for m in ctx.in_sentence(index + 1, ("Person",)) if dash and m.start - dash.end() <= 40]
    return people[0] if people else None


def _before_start(ctx: Context, index: int, q_start: int) -> int:
    start = ctx.sentences[index].start
    before = BEFORE_QUOTE.search(ctx.text, start, q_start) or SAID_THAT_QUOTE.search(ctx.text, start, q_start)
    return start if before else q_start


COLON_GAP = re.compile(r"\s*:\s*[“\"]?")


def _colon_label(ctx: Context, index: int, q_start: int) -> str | None:
    """"Its author, Senator Ana Ruiz: “...”": a person's name and a colon label the quote (digest style)."""
    people = [m for m in ctx.in_sentence(index, ("Person",)) if m.end < q_start
              and COLON_GAP.fullmatch(ctx.text, m.end, q_start)]
    return people[-1].key if people else None


ORG_ROLE_GAP = re.compile(rf"\s+(?:[a-z-]+\s+){{0,2}}?{ROLE}\s+")


def _org_role_person(ctx: Context, index: int, position: int, speaker: str | None) -> str | None:
    """"..., said OCRA lawyer Ben Hart": the person after the body's name and role speaks, not the body."""
    body = [m for m in ctx.in_sentence(index, SPEAKER_TYPES) if m.start == position and m.entity_type != "Person"]
    gap = ORG_ROLE_GAP.match(ctx.text, body[0].end) if body else None
    person = [m for m in ctx.in_sentence(index, ("Person",)) if gap and m.start == gap.end()]
    return person[0].key if person else speaker


def _who_at(ctx: Context, index: int, position: int) -> tuple[str | None, float]:
    """Speaker named (or pronoun) at ``position``."""
    mention = [m for m in ctx.in_sentence(index, SPEAKER_TYPES) if m.start == position]
    if mention:
        return mention[0].key, 0.9
    if re.match(r"(?:[Ss]he|[Hh]e)\b", ctx.text[position:position + 4]):
        return _pronoun(ctx, position)
    return None, 0.0


def _pronoun(ctx: Context, position: int) -> tuple[str | None, float]:
    """The person a "she"/"he" of an attribution refers to.

    A person who is the subject of a sentence after the latest statement ("Senator X criticised
    the deal. “...,” he said.") is nearer than that statement's speaker; otherwise the latest
    speaker, otherwise the closest person named before.
    """
    subject = _subject_since_last_statement(ctx, position)
    if subject is not None:
        return subject, COREF_CONFIDENCE
    speaker = ctx.last_speaker(position)
    if speaker is not None and not speaker.startswith("person/"):
        speaker = None  # "he"/"she" is a person, even after a body's statement
    if speaker is None:
        antecedent = pronoun_antecedent(position, ctx.mentions)
        speaker = antecedent.key if antecedent else None
    return speaker, COREF_CONFIDENCE


def _subject_since_last_statement(ctx: Context, position: int) -> str | None:
    """The person opening the pronoun's sentence or the one before it (past capitalised titles),
    when that sentence comes after the latest statement's evidence."""
    here = next((s.index for s in ctx.sentences if s.start <= position <= s.end), None)
    if here is None:
        return None
    latest = max((e.end for f in ctx.facts if f.kind == "Statement" for e in f.evidence
                  if e.start < position), default=-1)
    for index in (here, here - 1):
        if index < 0 or ctx.sentences[index].end <= latest:
            continue
        s = ctx.sentences[index]
        people = [m for m in ctx.in_sentence(index, ("Person",))
                  if m.end <= position and m.start >= latest
                  and SUBJECT_TITLES.fullmatch(ctx.text[s.start:m.start])]
        if people:
            return people[0].key
    return None


# "In a report published in May, the committee urged ...": an opening phrase before the subject.
OPENING_PHRASE = re.compile(r"\s*(?:(?:In|On|At|After|Before|During|Under|With|Since|Last|Earlier|Later)\b"
                            r"[^,;“”\"]{0,80},\s+)?")


def _previous_subject(ctx: Context, position: int) -> tuple[bool, str | None]:
    """Whether the sentence before ``position`` opens with a described subject, and the body it names:
    "The petition names ... It says ..." makes "it" the petition, which is no speaker."""
    here = next((s.index for s in ctx.sentences if s.start <= position <= s.end), 0)
    if here == 0:
        return False, None
    s = ctx.sentences[here - 1]
    start = OPENING_PHRASE.match(ctx.text, s.start, s.end).end()
    if not re.match(r"[Tt]he\s", ctx.text[start:start + 4]):
        return False, None
    named = [m for m in ctx.in_sentence(here - 1, SPEAKER_TYPES) if m.start == start and m.entity_type != "Person"]
    return True, named[0].key if named else None


def _it_speaker(ctx: Context, position: int) -> tuple[str | None, float]:
    """"It said ...": the body the sentence before opens with; else the latest speaker when a body
    spoke, else the firm or body named last before."""
    described, body = _previous_subject(ctx, position)
    if described:
        return body, COREF_CONFIDENCE if body else 0.0
    speaker = ctx.last_speaker(position, within=2)
    if speaker and not speaker.startswith(("person/", "study/", "group/", "country/")):
        return speaker, COREF_CONFIDENCE
    named = [m for m in ctx.mentions if m.entity_type in IT_TYPES and m.end <= position]
    return (named[-1].key, COREF_CONFIDENCE) if named else (None, 0.0)


# "Kestrel did not answer our questions; it has previously said that ...": "it" after a semicolon.
CLAUSE_IT = re.compile(r";\s*it\s*$")


def _opening_body(ctx: Context, index: int) -> tuple[str | None, float]:
    """The body opening sentence ``index`` (past an opening phrase), which an "it" after its semicolon
    refers back to; else whom a sentence-opening "It" would mean."""
    s = ctx.sentences[index]
    start = OPENING_PHRASE.match(ctx.text, s.start, s.end).end()
    named = [m for m in ctx.in_sentence(index, IT_TYPES) if m.start == start]
    return (named[0].key, COREF_CONFIDENCE) if named else _it_speaker(ctx, s.start)


def _last_body(ctx: Context, position: int, noun: str) -> tuple[str | None, float]:
    """The body "the organisation" / "the company" refers to: the last one named before."""
    types = BODY_TYPES.get(noun, CIVIL_TYPES)
    named = [m for m in ctx.mentions if m.entity_type in types and m.end <= position
             and (noun not in NAMED_NOUNS or noun in m.key)]
    return (named[-1].key, COREF_CONFIDENCE) if named else (None, 0.0)


def _subject_before(ctx: Context, index: int, verb_start: int) -> tuple[str | None, float]:
    """The speaker whose name (or pronoun) ends right before the verb, past an appositive."""
    s = ctx.sentences[index]
    head = BRACKETED_SHORT.sub("", ctx.text[s.start:verb_start].rstrip())  # "X (MTI) said"
    head = AUXILIARY_TAIL.sub("", head)  # "The ministry has previously described ..."
    head = WROTE_TO_TAIL.sub("", head)  # "X has written to the ombudsman alleging ..."
    head = _without_place_tail(ctx, index, head)  # "The Mission of Peru in Geneva called ..."
    if head.endswith((" but", " and")):  # "A Dahua spokesman declined to comment but said"
        subject = SUBJECT_CLAUSE.match(head)
        head = subject.group() if subject else head
    head = _speaker_head(ctx, index, head)
    end = s.start + len(head)
    mentions = [m for m in ctx.in_sentence(index, SPEAKER_TYPES + CLAIMANT_TYPES) if m.end == end]
    if mentions:
        m = mentions[0]
        if m.entity_type != "Person":
            person = [p for p in ctx.in_sentence(index, ("Person",)) if p.end <= m.start
                      and OF_ORG_TAIL.fullmatch(ctx.text[p.end:m.start])]
            if person:
                return person[0].key, 0.85
        return m.key, 0.85
    holder = _post_holder(ctx, s.start, head)
    if holder is not None:
        return holder, COREF_CONFIDENCE
    pronoun = PRONOUN_TAIL.search(head)
    if pronoun:
        return _pronoun(ctx, s.start + pronoun.start())
    if IT_HEAD.fullmatch(head):
        return _it_speaker(ctx, s.start)
    if CLAUSE_IT.search(head):
        return _opening_body(ctx, index)
    spokes = SPOKES_TAIL.search(head)
    if spokes:
        body = [m for m in ctx.in_sentence(index, SPEAKER_TYPES) if m.end == s.start + spokes.start()
                and m.entity_type != "Person"]
        if body:
            return body[0].key, 0.8
    official = OFFICIAL_OF_WORD.search(head)
    if official:  # "a senior Treasury official": the body named before by that word
        named = [m for m in ctx.mentions if m.entity_type in IT_TYPES and m.end <= s.start
                 and official.group("word") in m.text.split()]
        if named:
            return named[-1].key, COREF_CONFIDENCE
    if STUDY_TAIL.search(head) and ctx.study_key:
        return ctx.study_key, 0.8
    body = THE_BODY.search(head)
    if body:
        return _last_body(ctx, s.start + body.start(), body.group("noun").lower())
    if COAUTHORS_TAIL.search(head) and ctx.study_key:
        return ctx.study_key, 0.8
    return _short_name(ctx, s.start, head)


# "Arctis's chief executive said", "The company's sales director said": the person an affiliation
# found before gives that post speaks.
POST_TAIL = re.compile(rf"(?:’s|'s)\s+(?P<role>(?:[a-z-]+\s+){{0,2}}{ROLE})\s*$")


def _post_holder(ctx: Context, start: int, head: str) -> str | None:
    """The person holding the post a subject such as "Arctis's chief executive" describes."""
    m = POST_TAIL.search(head) if "s " in head else None
    if m is None:
        return None
    bodies = {o.key for o in ctx.mentions if o.end == start + m.start() and o.entity_type != "Person"}
    role = " ".join(m.group("role").lower().split())
    holders = [f.roles["member"][0] for f in ctx.facts if f.kind == "Affiliation" and bodies
               and f.roles["organization"][0] in bodies and str(f.values.get("role", "")).lower() == role]
    return holders[0] if len(set(holders)) == 1 else None


SHORT_NAME_HEAD = re.compile(r"\s*(?P<word>[A-Z][\w-]{2,})\s*$")


def _short_name(ctx: Context, start: int, head: str) -> tuple[str | None, float]:
    """"Kestrel denied ...": a subject that is the first word of a firm or body named before."""
    m = SHORT_NAME_HEAD.fullmatch(head)
    named = [o for o in ctx.mentions if o.entity_type in IT_TYPES and o.end <= start
             and o.text.split()[0] == m.group("word")][-1:] if m else []
    return (named[0].key, COREF_CONFIDENCE) if named else (None, 0.0)


PLACE_TAIL = re.compile(r"\s+in\s+(?:[A-Z][\w-]+\s*){1,3}$")


def _without_place_tail(ctx: Context, index: int, head: str) -> str:
    """The head cut before "in <place>" when a place or country named there ends it."""
    tail = PLACE_TAIL.search(head)
    if tail is None:
        return head
    end = ctx.sentences[index].start + len(head.rstrip())
    places = ctx.in_sentence(index, ("Place", "Country"), ctx.sentences[index].start + tail.start())
    return head[:tail.start()] if any(p.end == end for p in places) else head


def _speaker_head(ctx: Context, index: int, head: str) -> str:
    """The text before the verb, cut after the speaker's name.

    "X, an economist at Y, says": the person before the appositive wins;
    "The company's chief executive, X, told": the name before the comma.
    """
    start = ctx.sentences[index].start
    ends = {m.end: m for m in ctx.in_sentence(index, SPEAKER_TYPES + CLAIMANT_TYPES)}
    appositive = APPOSITIVE_TAIL.search(head)
    stripped = head[:appositive.start()].rstrip() \
        if appositive and not re.search(r"[“”\"]", appositive.group()) else None
    bare = head.rstrip(",").rstrip()
    if stripped is not None:
        bracketless = BRACKETED_SHORT.sub("", stripped)  # "The X Forum (XF), a coalition of ..."
        before = ends.get(start + len(stripped)) or ends.get(start + len(bracketless))
        if before is not None and (before.entity_type == "Person" or DESCRIPTION.match(appositive.group())):
            kept = stripped if start + len(stripped) in ends else bracketless
            # "X, director of Y, a Santiago-based group, said": the person behind a body's description
            return kept if before.entity_type == "Person" else _nested_person_head(kept, start, ends) or kept
    relative = appositive is not None and RELATIVE_CLAUSE.match(appositive.group())
    if start + len(bare) in ends and not relative:  # "X, who chairs the Y Council, said": not the council
        return bare
    if stripped is not None:
        nested = _nested_person_head(stripped, start, ends)
        if nested is not None:
            return nested
    return stripped if stripped is not None else head


def _nested_person_head(stripped: str, start: int, ends: dict[int, Mention]) -> str | None:
    """ "X, chief executive of Y, a Kampala-based group, said": one appositive more to strip.

    Only when what remains ends with a person's name; a body's name alone is kept as is.
    """
    comma = stripped.rfind(",")
    if comma < 0 or re.search(r"[“”\"]", stripped[comma:]) or len(stripped) - comma > 140:
        return None
    inner = stripped[:comma].rstrip()
    person = ends.get(start + len(inner))
    return inner if person is not None and person.entity_type == "Person" else None


def _reported(ctx: Context, index: int, quoted: list[tuple[int, int]]) -> list[Fact]:
    s = ctx.sentences[index]
    out = []
    for verb in VERB.finditer(s.text):
        v_start, v_end = s.start + verb.start(), s.start + verb.end()
        if any(a <= v_start < b for a, b in quoted) or _next_to_quote(s, v_start, quoted) \
                or _attributes_quote(ctx, s, v_end, quoted):
            continue
        if verb.group().startswith("add") and ADDED_TO_LIST.match(ctx.text, v_end, s.end):
            continue
        speaker, confidence = _subject_before(ctx, index, v_start)
        if speaker is not None:
            text_start = _content_start(ctx, v_end, s.end)
            content = _around_parenthetical(ctx, s, v_start, v_end) or ctx.text[text_start:s.end]
            content = content.strip().rstrip(".").strip()
            if len(content.split()) >= 3:
                out.append(_statement(ctx, speaker, content, False,
                                      ctx.evidence(index, s.start, s.end, "statement:reported", confidence)))
                continue
        speaker, confidence = _trailing_speaker(ctx, index, v_start, v_end)
        if speaker is None:
            speaker, confidence = _inverted_speaker(ctx, index, v_start, v_end)
        if speaker is not None:
            content = ctx.text[s.start:ctx.text.rfind(",", s.start, v_start)].strip()
            out.append(_statement(ctx, speaker, content, False,
                                  ctx.evidence(index, s.start, s.end, "statement:reported-trailing", confidence)))
    out += _according_to(ctx, index, quoted) + _according_to_study(ctx, index)
    out += _study_found(ctx, index, quoted)
    return out or _denial(ctx, index) or _comparative_finding(ctx, index)


# "The ministry denies it.", "Kestrel rejected the accusations.": a flat denial ending its sentence is
# what the subject said, though no words of theirs are given.
DENIAL = re.compile(r"\b(?:denies|denied|rejects|rejected|disputes|disputed)\s+(?:it|this|that|the\s+"
                    r"(?:claims?|charges?|accusations?|allegations?|criticism|report|findings?))\s*\.?\s*$")


def _denial(ctx: Context, index: int) -> list[Fact]:
    """A denial (see :data:`DENIAL`) as a reported statement of its subject, the denial for its text."""
    s = ctx.sentences[index]
    m = DENIAL.search(s.text)
    speaker, confidence = _subject_before(ctx, index, s.start + m.start()) if m else (None, 0.0)
    if speaker is None or speaker.startswith(("study/", "group/")):
        return []
    return [_statement(ctx, speaker, m.group().strip().rstrip("."), False,
                       ctx.evidence(index, s.start, s.end, "statement:denial", confidence * 0.9))]


# "Countries rated not free were 2.3 times as likely to buy ...": a ratio only a study measures.
TIMES_AS = re.compile(r"\b(?:\d+(?:\.\d+)?|two|three|four|five|ten)\s+times\s+(?:as|more)\s+"
                      r"(?:likely|many|much|often)\b"
                      r"|\btwice\s+as\s+(?:likely|many|much|often)\b")


def _comparative_finding(ctx: Context, index: int) -> list[Fact]:
    """A sentence of a study's document stating a ratio (see :data:`TIMES_AS`) is a claim of the study."""
    s = ctx.sentences[index]
    if ctx.study_key is None or ("times" not in s.text and "twice" not in s.text) or not TIMES_AS.search(s.text):
        return []
    return [_statement(ctx, ctx.study_key, s.text.strip().rstrip(".").strip(), False,
                       ctx.sentence_evidence(index, "claim:comparative-finding", 0.7))]


def _study_found(ctx: Context, index: int, quoted: list[tuple[int, int]]) -> list[Fact]:
    """"The study also found that ...", "The authors found that ...": a claim of the study."""
    s = ctx.sentences[index]
    m = STUDY_FOUND.search(s.text) if ctx.study_key and ("found" in s.text or "finds" in s.text) else None
    if m is None or any(a <= s.start + m.start() < b for a, b in quoted):
        return []
    content = s.text[m.end():].strip().rstrip(".").strip()
    if len(content.split()) < 3:
        return []
    return [_statement(ctx, ctx.study_key, content, False,
                       ctx.evidence(index, s.start, s.end, "claim:study-found", 0.8))]


def _trailing_speaker(ctx: Context, index: int, v_start: int, v_end: int) -> tuple[str | None, float]:
    """"..., Seymour says." : a speaker between the last comma and a verb ending the sentence."""
    s = ctx.sentences[index]
    if ctx.text[v_end:s.end].strip(" .") != "":
        return None, 0.0
    comma = ctx.text.rfind(",", s.start, v_start)
    if comma < 0:
        return None, 0.0
    who = ctx.text[comma + 1:v_start]
    if ctx.study_key and STUDY_TAIL.fullmatch(who.strip()):  # "..., the report says."
        return ctx.study_key, 0.8
    position = comma + 1 + (len(who) - len(who.lstrip()))
    return _who_at(ctx, index, position)


def _around_parenthetical(ctx: Context, s, v_start: int, v_end: int) -> str | None:
    """"The law governs its use at home, she says, not what firms sell abroad": the attribution
    sits inside what was said, which is the text on both sides of it."""
    mid = MID_ATTRIBUTION.search(ctx.text, s.start, v_start)
    if mid is None or not ctx.text.startswith(",", v_end) or len(ctx.text[s.start:mid.start()].split()) < 4:
        return None
    return ctx.text[s.start:mid.start()] + "," + ctx.text[v_end + 1:s.end]


def _inverted_speaker(ctx: Context, index: int, v_start: int, v_end: int) -> tuple[str | None, float]:
    """"..., said lead author Elena Vasquez, an economist at X.": the speaker named after the verb,
    followed only by a description of them."""
    s = ctx.sentences[index]
    before = ctx.text[s.start:v_start].rstrip()
    if not before.endswith(",") or QUOTE_MARK.search(before) or ctx.text[v_start:v_end] in ("told", "tells"):
        return None, 0.0
    role = INVERTED_ROLE.match(ctx.text, v_end, s.end)
    who = [m for m in ctx.in_sentence(index, SPEAKER_TYPES) if m.start == role.end()]
    if not who or not INVERTED_TAIL.match(ctx.text, who[0].end, s.end):
        return None, 0.0
    return who[0].key, 0.85


def _according_to(ctx: Context, index: int, quoted: list[tuple[int, int]]) -> list[Fact]:
    s = ctx.sentences[index]
    out = []
    for m in ACCORDING_TO.finditer(s.text):
        position = s.start + m.end()
        if any(a <= position < b for a, b in quoted):
            continue
        who = [x for x in ctx.in_sentence(index, SPEAKER_TYPES) if x.start == position]
        if not who:
            continue
        clause_end = ctx.text.find(",", who[0].end, s.end)
        rest = ctx.text[clause_end + 1:s.end] if clause_end > 0 else ctx.text[s.start:s.start + m.start()]
        content = rest.strip().rstrip(".").strip()
        if len(content.split()) >= 3:
            out.append(_statement(ctx, who[0].key, content, False,
                                  ctx.evidence(index, s.start, s.end, "statement:according-to", 0.85)))
    return out


def _according_to_study(ctx: Context, index: int) -> list[Fact]:
    s = ctx.sentences[index]
    m = ACCORDING_TO_STUDY.search(s.text) if ctx.study_key and "ccording" in s.text else None
    if m is None:
        return []
    content = s.text[m.end():].strip().rstrip(".").strip()
    if len(content.split()) < 3:
        return []
    return [_statement(ctx, ctx.study_key, content, False,
                       ctx.evidence(index, s.start, s.end, "claim:according-to-study", 0.8))]


# "told the court at the hearing on 3 May that ...", "informed the supplier that ...": who was told, and
# when, come before "that"; what was said after it.
OBJECT_VERB = re.compile(r"(?:told|tells|informed|informs|notified|notifies|assured|assures|reminded|reminds)$")
OBJECT_THAT = re.compile(r"\s+(?:the|a|an|us|me|him|her|them|its|his|their|[A-Z][\w.-]*)\b"
                         r"[^.;:,“”\"]{0,70}?\s(?=that\b)")


def _content_start(ctx: Context, v_end: int, end: int) -> int:
    told = OBJECT_THAT.match(ctx.text, v_end, end) if OBJECT_VERB.search(ctx.text, v_end - 9, v_end) else None
    told = told or TOLD_OUTLET.match(ctx.text, v_end, end)
    if told is None and ctx.text[v_end - 5:v_end] in (" told", " tells"[1:]):
        told = TOLD_AUDIENCE.match(ctx.text, v_end, end)
    position = told.end() if told else v_end
    statement = IN_A_STATEMENT.match(ctx.text, position, end)
    position = statement.end() if statement else position
    when = WHEN_SAID.match(ctx.text, position, end)  # "said on Friday that ...": when, not what
    position = when.end() if when and re.match(r"\s*,?\s*that\b", ctx.text[when.end():end]) else position
    that = re.match(r"\s*,?\s*(?:that\b)?", ctx.text[position:end])
    return position + (that.end() if that else 0)


def _attributes_quote(ctx: Context, sentence, v_end: int, quoted: list[tuple[int, int]]) -> bool:
    """"said in a statement that the US “...”": the quote was already attributed to this verb."""
    return any(v_end <= a <= sentence.end and SAID_THAT_QUOTE.search(ctx.text, v_end - 20, a)
               and not re.search(r"[“”\"]", ctx.text[v_end:a]) for a, _ in quoted)


def _next_to_quote(sentence, position: int, quoted: list[tuple[int, int]]) -> bool:
    """A verb attributing a quote of the same sentence is not a second, reported statement."""
    return any(sentence.start <= a and b <= sentence.end + 1
               and (0 <= position - b <= 40 or 0 <= a - position <= 40
                    or (0 <= position - b <= 90  # "“...,” interior ministry spokesman X told reporters"
                        and not CLAUSE_BREAK.search(sentence.text, b - sentence.start, position - sentence.start)))
               for a, b in quoted)


def _statement(ctx: Context, speaker: str, text: str, direct: bool, evidence) -> Fact:
    text = " ".join(text.split())
    if speaker.startswith(("study/", "group/")):
        return fact("Claim", {"claimant": [speaker]}, {"claimText": text}, evidence)
    affiliation = ctx.affiliations.get(speaker)
    return fact("Statement", {"speaker": [speaker], "speakerAffiliation": [affiliation] if affiliation else []},
                {"quotedText": text, "isDirectQuote": direct}, evidence)
