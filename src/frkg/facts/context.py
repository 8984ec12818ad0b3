"""What fact rules see of one document: sentences, mentions, helpers for evidence."""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field

from frkg.identity import slugify
from frkg.model import Document, Entity, Evidence, Fact, Mention, Sentence, Value

COREF_CONFIDENCE = 0.6
# "the AI Act": a technology naming a law is no use of it and not what a concern is about.
LAW_NAME = re.compile(r"\s+(?:Act|Bill|Law|Directive|Regulation)\b")
HYPOTHETICAL = re.compile(
    r"\b(?:could|would|should|might|(?-i:may)|potentially|perhaps|possibly|proposed?|propos\w+|"
    r"consider\w*|call(?:s|ed|ing)? (?:for|on)|demand\w*|need(?:s|ed)? (?:to|for)|interest in|efforts to|prospects|"
    r"plans? to|no|not|never|without|if|whether|urged?)\b", re.I)
# An interview in questions and answers: "Q: Where do you sell?" (or a paragraph that is one question
# when the answers carry a speaker label); answers are the paragraphs up to the next question, the
# first often opening with the interviewee's label ("Lindqvist: We sell in 12 countries.").
QUESTION_PREFIX = re.compile(r"(?:Q|Question)\s*[:.]\s+\S")
QUESTION_LINE = re.compile(r"[^\n]{3,300}\?[”\"]?\s*")
ANSWER_LABEL = re.compile(r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s*:\s+(?=\S)")
# "Maria Lindqvist has been ...": the interviewee's full name in the framing text, ending in the label.
FULL_NAME = r"\b[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?\s+%s\b"
INTERVIEW_QUESTIONS = 2
# A written answer: "Answer given by Commissioner Dalli on behalf of the European Commission" heads the text
# that body answers with.
ANSWER_HEAD = re.compile(r"^[ \t]*(?:Answer|Reply|Response)\s+(?:given\s+)?by\s+[^\n]{1,100}?\s+on\s+behalf\s+of\s+"
                         r"(?:the\s+)?", re.M)
ANSWER_BODY_TYPES = ("GovernmentBody", "Legislature", "Administration", "Organization", "Firm",
                     "CivilSocietyOrganization", "PoliceDepartment")


@dataclass(frozen=True)
class Interview:
    """A Q&A interview: who answers, and which sentences (by index) are answers."""

    person: str
    answers: frozenset[int]


@dataclass
class Context:
    """One document's sentences and mentions, plus what fact families found so far."""

    document: Document
    sentences: list[Sentence]
    mentions: list[Mention]
    extra_entities: dict[str, Entity] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    study_key: str | None = None
    affiliations: dict[str, str] = field(default_factory=dict)  # person key -> org key
    attributes: dict[str, dict[str, Value]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_sentence: dict[int, list[Mention]] = defaultdict(list)
        for mention in self.mentions:
            self.by_sentence[mention.sentence_index].append(mention)
        self._tech_positions = [m for m in self.mentions if m.entity_type == "Technology"]
        self._law_named = {id(m) for m in self._tech_positions if LAW_NAME.match(self.document.text, m.end)}
        self._tech_starts = [m.start for m in self._tech_positions]

    @property
    def text(self) -> str:
        return self.document.text

    def in_sentence(self, index: int, types: tuple[str, ...] | frozenset | None = None,
                    start: int | None = None, end: int | None = None) -> list[Mention]:
        """Mentions in sentence ``index`` of the given types inside [start, end) (document offsets)."""
        lo = self.sentences[index].start if start is None else start
        hi = self.sentences[index].end if end is None else end
        return [m for m in self.by_sentence.get(index, ())
                if (types is None or m.entity_type in types) and lo <= m.start and m.end <= hi]

    def evidence(self, index: int, start: int, end: int, rule: str, confidence: float) -> Evidence:
        """Evidence for the span [start, end) of sentence ``index`` (trimmed of spaces)."""
        start = max(start, self.sentences[index].start)
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return Evidence(self.document.doc_id, index, start, end, self.text[start:end], rule,
                        round(confidence, 3))

    def sentence_evidence(self, index: int, rule: str, confidence: float) -> Evidence:
        sentence = self.sentences[index]
        return self.evidence(index, sentence.start, sentence.end, rule, confidence)

    def technologies(self, index: int) -> list[Mention]:
        """Technologies named in sentence ``index``, not counting those naming a law ("AI Act")."""
        found = self.in_sentence(index, ("Technology",))
        return [t for t in found if id(t) not in self._law_named] if self._law_named else found

    def last_technology(self, position: int) -> Mention | None:
        """The technology mentioned last before ``position`` (for "the technology", "it")."""
        i = bisect.bisect_left(self._tech_starts, position) - 1
        return self._tech_positions[i] if i >= 0 else None

    def is_hypothetical(self, index: int, position: int) -> bool:
        """Whether the sentence before ``position`` frames what follows as possible, not done."""
        return bool(HYPOTHETICAL.search(self.text, self.sentences[index].start, position))

    def last_speaker(self, position: int, within: int = 3) -> str | None:
        """Speaker of the latest statement before ``position`` within ``within`` sentences."""
        best: tuple[int, str] | None = None
        for f in self.facts:
            if f.kind != "Statement" or "speaker" not in f.roles:
                continue
            for e in f.evidence:
                if e.start < position and (best is None or e.start > best[0]):
                    best = (e.start, f.roles["speaker"][0])
        if best is None:
            return None
        here = next((s.index for s in self.sentences if s.start <= position < s.end + 1), 0)
        then = next((s.index for s in self.sentences if s.start <= best[0] < s.end + 1), 0)
        return best[1] if here - then <= within else None

    def country_of(self, key: str) -> str | None:
        """Home country of an entity: gazetteer, context attributes or a fact-made entity."""
        from frkg import gazetteer as gz
        entry = gz.entries().get(key)
        if entry is not None and entry.country:
            return f"country/{entry.country}"
        country = self.attributes.get(key, {}).get("country")
        if country is None and key in self.extra_entities:
            country = dict(self.extra_entities[key].attributes).get("country")
        return str(country) if country else None

    def add_entity(self, entity: Entity) -> None:
        self.extra_entities.setdefault(entity.key, entity)

    def add_person(self, index: int, start: int, end: int, rule: str, confidence: float) -> Mention:
        """A person a fact rule found where the mention layer saw none (an interviewee named only in
        the framing, a name in apposition to "A company spokeswoman"): a mention and its entity."""
        from frkg.entities import entity_for  # entities import the mention layer; keep this module light
        name = " ".join(self.text[start:end].split())
        mention = Mention(self.document.doc_id, index, start, end, self.text[start:end], "person/" + slugify(name),
                          "Person", rule, confidence)
        bisect.insort(self.mentions, mention, key=lambda m: m.start)  # rules read mentions in text order
        bisect.insort(self.by_sentence[index], mention, key=lambda m: m.start)
        self.add_entity(entity_for(mention.key, "Person", name))
        return mention

    def interview(self) -> Interview | None:
        """The document's Q&A interview, if it is one (computed once; see :data:`QUESTION_PREFIX`).

        In answers "we"/"our" is the interviewee's firm: see :meth:`speaker_firm`.
        """
        if not hasattr(self, "_interview"):
            self._interview = _find_interview(self)
        return self._interview

    def answer(self) -> tuple[str, int] | None:
        """The body a written answer speaks for and where its text starts (see :data:`ANSWER_HEAD`);
        computed once."""
        if not hasattr(self, "_answer"):
            m = ANSWER_HEAD.search(self.text)
            body = [o for o in self.mentions if m and o.start == m.end() and o.entity_type in ANSWER_BODY_TYPES]
            self._answer = (body[0].key, body[0].end) if body else None
        return self._answer

    def speaker_firm(self, index: int) -> str | None:
        """The organisation "we"/"our" in sentence ``index`` stands for: the interviewee's
        affiliation when the sentence is an interview answer ("We signed 64 contracts"), else None.
        Affiliations are read first of all fact families, so later families see it."""
        found = self.interview()
        if found is None or index not in found.answers:
            return None
        return self.affiliations.get(found.person)


def _find_interview(ctx: Context) -> Interview | None:
    """Questions and answers by paragraph; the interviewee is the person the first answer label
    names (or, after "Q:" questions without labels, the first person named before them)."""
    questions, answers, labels, current = 0, set(), [], False
    prefixed, offset, first_question = False, 0, len(ctx.text)
    starts = [s.start for s in ctx.sentences]
    for line in ctx.text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        if not line.strip():
            continue
        if QUESTION_PREFIX.match(line) or QUESTION_LINE.fullmatch(line):
            questions, current, first_question = questions + 1, True, min(first_question, start)
            prefixed = prefixed or bool(QUESTION_PREFIX.match(line))
            continue
        if current:
            answers.update(range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, offset)))
            label = ANSWER_LABEL.match(line)
            labels += [label.group("name")] if label else []
    if questions < INTERVIEW_QUESTIONS or not answers:
        return None
    person = _labelled_person(ctx, labels[0], first_question) if labels else None
    if person is None and prefixed:
        people = [m for m in ctx.mentions if m.entity_type == "Person" and m.start < first_question]
        person = people[0].key if people else None
    return Interview(person, frozenset(answers)) if person else None


def _labelled_person(ctx: Context, label: str, before: int) -> str | None:
    """The person an answer label ("Lindqvist:") names: a person mention ending in it, else the
    full name in the framing text before the questions, added as a person."""
    named = [m for m in ctx.mentions if m.entity_type == "Person" and m.text.split()[-1] == label.split()[-1]]
    if named:
        return named[0].key
    full = re.search(FULL_NAME % re.escape(label.split()[-1]), ctx.text[:before])
    if full is None or full.group().split()[0] in ("The", "A", "An", "Mr", "Ms", "Dr") \
            or re.search(r"[’']s\b", full.group()) or any(m.start < full.end() and full.start() < m.end
                                                         for m in ctx.mentions):
        return None  # a possessive or a name already read as something else is no interviewee
    index = next(s.index for s in ctx.sentences if s.start <= full.start() <= s.end)
    return ctx.add_person(index, full.start(), full.end(), "interview:interviewee", 0.8).key


def fact(kind: str, roles: dict[str, list[str] | tuple[str, ...]], values: dict[str, Value],
         evidence: Evidence, subject: str | None = None) -> Fact:
    """A fact with empty roles and values dropped and role keys de-duplicated in order."""
    clean_roles = {k: tuple(dict.fromkeys(v)) for k, v in roles.items() if v}
    clean_values = {k: v for k, v in values.items() if v is not None and v != ""}
    return Fact(kind, clean_roles, clean_values, [evidence], subject=subject)
