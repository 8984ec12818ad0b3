"""N-ary facts as readable sentences, with their evidence.

A fact node (deal statistic, sanction, statement ...) is shown as a headline
built from a per-class template of its roles, e.g. "201 face recognition deals
(rank 1)"; seen from one participant it reads "China — exporter in 201 face
recognition deals — according to <study>".  Templates are per class, never per
document; classes without one get a generic "class (role: value; ...)".
"""
from __future__ import annotations

import string
from collections import defaultdict

from flask import url_for

from frkg.namespaces import key_of
from frkg.web import terms

# Each segment is kept only when every field it names has a value.
# "{class}" is the fact's class label.
HEADLINES: dict[str, list[str]] = {
    "DealStatistic": ["{dealCount} ", "{technology} ", "deals", " (rank {rank})", " in {dealDate}"],
    "Export": ["export", " of {technology}", " by {exporter}", " to {importer}", " for {application}", " in {dealDate}"],
    "Deal": ["deal", " for {technology}", " from {exporter}", " to {importer}", " for {application}", " in {dealDate}"],
    "Measure": ["{class}", " imposed by {imposedBy}", " under {administration}", " on {targets}",
                " restricting {restrictsTechnology}", " because {reason}", " affecting {affectedGroup}",
                " from {startDate}"],
    "HumanRightsConcern": ["{concernType} ", "concern", " about {aboutTechnology}", " about {about}",
                           " raised by {raisedBy}", " affecting {affectedGroup}"],
    "Statement": ["statement", " by {speaker}", " ({speakerAffiliation})", ": “{quotedText}”"],
    "Claim": ["claim", " by {claimant}", ": “{claimText}”"],
    "Affiliation": ["affiliation", " of {member}", " as {role}", " with {organization}"],
    "TechnologyUse": ["use", " of {technology}", " for {application}", " by {user}"],
}
for _measure in ("Sanction", "ExportRestriction", "Regulation"):
    HEADLINES[_measure] = HEADLINES["Measure"]
# Roles that name who published or said the fact ("according to ...").
SOURCE_ROLES = ("reportedBy", "claimant", "statedIn", "speaker")
# How a participant relates to a fact: "China — exporter in 201 ... deals".
ROLE_PHRASES = {
    "exporter": "exporter in", "importer": "importer in", "technology": "technology in",
    "targets": "target of", "imposedBy": "imposer of", "administration": "administration behind",
    "restrictsTechnology": "technology restricted by", "affectedGroup": "group affected by",
    "reportedBy": "source of", "speaker": "speaker of", "speakerAffiliation": "affiliation of the speaker of",
    "claimant": "claimant of", "raisedBy": "raiser of", "about": "subject of", "aboutTechnology": "technology in",
    "concernType": "kind of", "member": "member in", "organization": "organization in", "user": "user in",
    "application": "application in", "author": "author of", "authorAffiliation": "affiliation of the authors of",
}
HIDDEN_ROLES = {"hasEvidence", "evidenceFor"}
NAME_ROLES = ("label", "title", "altLabel")


def fact_models(backend, role_rows: list[dict], evidence_rows: list[dict]) -> dict[str, dict]:
    """Fact views keyed by IRI from rows of ``?f ?p ?v ?vlabel`` (``rdf:type`` rows give classes) and evidence."""
    classes: dict[str, list[str]] = defaultdict(list)
    roles: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    seen: set[tuple[str, str, str]] = set()
    for row in role_rows:
        f, p, v = row["f"].value, row["p"].value, row["v"]
        if p == terms.RDF_TYPE:
            classes[f].append(v.value)
            continue
        if (f, p, str(v)) in seen or terms.local_name(p) in HIDDEN_ROLES:
            continue
        seen.add((f, p, str(v)))
        label = row["vlabel"].value if "vlabel" in row else None
        roles[f].append((p, terms.view(v, label)))
    evidence = evidence_models(evidence_rows)
    facts = {}
    for f in set(classes) | set(roles):
        facts[f] = _fact(backend, f, classes.get(f, []), roles.get(f, []), evidence.get(f, []))
    return facts


def _fact(backend, iri: str, class_iris: list[str], roles: list[tuple[str, dict]], evidence: list[dict]) -> dict:
    cls = _most_specific(class_iris)
    values: dict[str, list[dict]] = defaultdict(list)
    for p, value in roles:
        values[terms.local_name(p)].append(value)
    class_label = terms.term_label(backend, cls) if cls else "fact"
    return {
        "iri": iri,
        "href": url_for("entity.page", key=key_of(iri)) if key_of(iri) else None,
        "class": {"iri": cls, "label": class_label, "href": terms.href_for(cls) if cls else None},
        "roles": [{"property": {"iri": p, "label": terms.term_label(backend, p)}, "value": v} for p, v in roles],
        "headline": headline(terms.local_name(cls) if cls else "", class_label, values, backend),
        "source": _source(values, evidence),
        "evidence": evidence,
    }


def as_seen_by(backend, fact: dict, iri: str) -> dict:
    """The fact from one participant's side: its role phrase and a headline without itself."""
    own = [r["property"] for r in fact["roles"] if r["value"].get("iri") == iri]
    values: dict[str, list[dict]] = defaultdict(list)
    for role in fact["roles"]:
        if role["value"].get("iri") != iri:
            values[terms.local_name(role["property"]["iri"])].append(role["value"])
    phrases = [ROLE_PHRASES.get(terms.local_name(p["iri"]), p["label"] + " in") for p in own]
    cls = fact["class"]
    return {"role_text": " and ".join(dict.fromkeys(phrases)),
            "headline": headline(terms.local_name(cls["iri"]) if cls["iri"] else "", cls["label"], values, backend)}


def _most_specific(class_iris: list[str]) -> str | None:
    """Prefer a class that has a headline template; otherwise the first frkg class."""
    ordered = sorted(class_iris,
                     key=lambda c: (terms.local_name(c) not in HEADLINES, not c.startswith(terms.FRKG_NS), c))
    return ordered[0] if ordered else None


def headline(class_name: str, class_label: str, values: dict[str, list[dict]], backend=None) -> list[dict]:
    """The fact as text/link parts from its class template (or a generic role list)."""
    template = HEADLINES.get(class_name)
    if template is None:
        return _generic_headline(class_label, values, backend)
    parts: list[dict] = []
    for segment in template:
        fields = [name for _, name, _, _ in string.Formatter().parse(segment) if name]
        if any(name != "class" and name not in values for name in fields):
            continue
        for text, name, _, _ in string.Formatter().parse(segment):
            if text:
                parts.append({"text": text})
            if name == "class":
                parts.append({"text": class_label})
            elif name:
                parts.extend(_join([_part(v) for v in values[name]]))
    return parts


def _generic_headline(class_label: str, values: dict[str, list[dict]], backend) -> list[dict]:
    """"class (role: value; ...)", or "class “label” (...)" for facts that carry a name."""
    name = values.get("label") or values.get("title")
    parts: list[dict] = [{"text": f"{class_label} “{name[0]['label']}”" if name else class_label}]
    shown = [(role, vs) for role, vs in values.items() if role not in SOURCE_ROLES + NAME_ROLES]
    if shown:
        parts.append({"text": " ("})
        for i, (role, vs) in enumerate(shown):
            parts.append({"text": ("; " if i else "") + terms.humanize(role) + ": "})
            parts.extend(_join([_part(v) for v in vs]))
        parts.append({"text": ")"})
    return parts


def _source(values: dict[str, list[dict]], evidence: list[dict]) -> list[dict]:
    """Who the fact is attributed to: its publishing role, else the documents it was read in."""
    for role in SOURCE_ROLES:
        if role in values:
            return _join([_part(v) for v in values[role]])
    docs = {e["document"]["iri"]: e["document"] for e in evidence if e.get("document")}
    return _join([{"text": d["label"], "href": d["href"]} for d in docs.values()])


def _part(value: dict) -> dict:
    return {"text": value["label"], "href": value.get("href")}


def _join(parts: list[dict], sep: str = ", ") -> list[dict]:
    joined: list[dict] = []
    for i, part in enumerate(parts):
        if i:
            joined.append({"text": sep})
        joined.append(part)
    return joined


def sentence_text(parts: list[dict]) -> str:
    """Plain text of a list of parts (for JSON and CSV twins)."""
    return "".join(p["text"] for p in parts)


def evidence_models(rows: list[dict]) -> dict[str, list[dict]]:
    """Evidence views keyed by fact IRI: quote, highlighted sentence, document, confidence, rule."""
    by_fact: dict[str, dict[str, dict]] = defaultdict(dict)
    for row in rows:
        f, ev = row["f"].value, row["ev"].value
        if ev in by_fact[f]:
            continue
        by_fact[f][ev] = _evidence(row)
    return {f: sorted(evs.values(), key=lambda e: (-(e["confidence"] or 0), e["iri"])) for f, evs in by_fact.items()}


def _evidence(row: dict) -> dict:
    start, end = terms.number(row.get("start")), terms.number(row.get("end"))
    quote = terms.literal_value(row.get("quote")) or ""
    doc = row.get("doc")
    doc_key = key_of(doc.value) if doc is not None else None
    doc_label = (terms.literal_value(row.get("doctitle")) or terms.literal_value(row.get("docfile"))
                 or doc_key or "document")
    return {
        "iri": row["ev"].value,
        "quote": quote,
        "start": start,
        "end": end,
        "sentence": highlight(terms.literal_value(row.get("stext")), terms.number(row.get("sstart")),
                              start, end, quote),
        "confidence": terms.number(row.get("conf")),
        "rule": terms.literal_value(row.get("rule")),
        "document": {"iri": doc.value, "label": doc_label,
                     "href": _doc_href(doc_key, start, end)} if doc_key else None,
    }


def _doc_href(doc_key: str, start, end) -> str:
    if isinstance(start, int) and isinstance(end, int):
        return url_for("entity.page", key=doc_key, span=f"{start}-{end}") + "#evidence"
    return url_for("entity.page", key=doc_key)


def highlight(sentence: str | None, sentence_start, start, end, quote: str) -> dict:
    """Split the sentence into before / quoted span / after (the template marks the span).

    The context on either side is cut to :data:`CONTEXT_CHARS` at a word
    boundary: a run-on "sentence" (a table or list flattened by a scraper) can
    be thousands of characters long, and every evidence item repeats it.
    """
    if sentence and all(isinstance(x, int) for x in (sentence_start, start, end)):
        a, b = start - sentence_start, end - sentence_start
        if 0 <= a <= b <= len(sentence):
            return _trimmed(sentence[:a], sentence[a:b], sentence[b:])
    if sentence and quote and quote in sentence:
        a = sentence.index(quote)
        return _trimmed(sentence[:a], quote, sentence[a + len(quote):])
    return {"before": "", "mark": quote, "after": ""}


CONTEXT_CHARS = 300


def _trimmed(before: str, mark: str, after: str) -> dict:
    if len(before) > CONTEXT_CHARS:
        cut = before[-CONTEXT_CHARS:]
        before = "… " + cut[cut.find(" ") + 1:] if " " in cut else "… " + cut
    if len(after) > CONTEXT_CHARS:
        cut = after[:CONTEXT_CHARS]
        after = (cut[:cut.rfind(" ")] if " " in cut else cut) + " …"
    return {"before": before, "mark": mark, "after": after}
