"""Retrieval metrics for the gold set, as pure functions (no index, no model).

Vocabulary
- An *article key* is ``(doc, pasal)``: ``("UU 11/2012", "69")``. A paper has no articles; its key is
  ``(paper_id, None)`` and every chunk of the paper carries that key.
- A *gold citation* is a string from ``gold.jsonl``: ``"UU 11/2012 Pasal 69 ayat (2)"`` or a paper id.
  Scoring is at article level, so the ayat is dropped: ``UU 11/2012 Pasal 69 ayat (2)`` is matched by
  any retrieved passage of Pasal 69 (the whole article or any of its ayat), and the reverse.
- A *group* is a list of equally acceptable gold citations (one facet of the answer).
- A *ranking* is what a system returned, best first: one entry per rank. An entry is an article key,
  a citation string, or a set/list of article keys (a naive chunk can hold several articles; the entry
  is relevant if any of its keys matches).
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

Key = tuple[str, str | None]

KS = (1, 5, 10)
PAPER_IDS = frozenset({"kertha-wicara-2021", "rekomendasi-bullying"})

_CIT = re.compile(
    r"^\s*(UU \d+/\d{4}|KUHP|PP \d+/\d{4}|PERMA \d+/\d{4}|PERPPU \d+/\d{4})"
    r"(?:\s+Pasal\s+(\d+\s?[A-Za-z]?))?(?:\s+ayat\s+\((\d+[a-z]?)\))?(?:\s+huruf\s+[a-z])?\s*$"
)


class GoldError(ValueError):
    pass


def parse_citation(c: str) -> tuple[str, str | None, str | None]:
    """``"UU 11/2012 Pasal 69 ayat (2)"`` -> ``("UU 11/2012", "69", "2")``; a paper id -> ``(id, None, None)``."""
    c = " ".join(str(c).split())
    m = _CIT.match(c)
    if m:
        pasal = m.group(2).replace(" ", "").upper() if m.group(2) else None
        return m.group(1), pasal, m.group(3)
    if re.fullmatch(r"[a-z0-9][a-z0-9-]*", c):  # a paper id ("kertha-wicara-2021")
        return c, None, None
    raise GoldError(f"not a citation: {c!r}")


def article_key(c: str | Key | Sequence) -> Key:
    """Normalise a citation string or a ``(doc, pasal[, ayat])`` tuple to its article key."""
    if isinstance(c, str):
        doc, pasal, _ = parse_citation(c)
        return doc, pasal
    doc, pasal = c[0], c[1]
    return doc, (str(pasal).replace(" ", "").upper() if pasal else None)


def matches(gold: str | Key, retrieved: str | Key) -> bool:
    """Article-level match. A gold paper id matches every chunk of that paper; a gold article matches
    the same article of the same document, whatever ayat either side names."""
    g, r = article_key(gold), article_key(retrieved)
    if g[0] != r[0]:
        return False
    return g[1] is None or g[1] == r[1]


def _entry_keys(entry) -> list[Key]:
    if isinstance(entry, (set, frozenset, list)):
        return [article_key(e) for e in entry]
    return [article_key(entry)]


def entry_matches(gold_cit: str, entry) -> bool:
    return any(matches(gold_cit, k) for k in _entry_keys(entry))


def entry_matches_group(group: Sequence[str], entry) -> bool:
    return any(entry_matches(g, entry) for g in group)


def first_hit_rank(gold: Sequence[Sequence[str]], ranking: Sequence, k: int = 10) -> int | None:
    """1-based rank of the first entry that matches any citation of any group, within the top k."""
    for i, entry in enumerate(ranking[:k], start=1):
        if any(entry_matches_group(g, entry) for g in gold):
            return i
    return None


def hit_at_k(gold: Sequence[Sequence[str]], ranking: Sequence, k: int) -> float:
    """Question-level recall@k: 1 if any citation of any group is in the top k, else 0."""
    return 1.0 if first_hit_rank(gold, ranking, k) is not None else 0.0


def group_recall_at_k(gold: Sequence[Sequence[str]], ranking: Sequence, k: int) -> float:
    """Share of the gold groups (answer facets) with at least one citation in the top k."""
    if not gold:
        return 0.0
    top = ranking[:k]
    return sum(1 for g in gold if any(entry_matches_group(g, e) for e in top)) / len(gold)


def reciprocal_rank(gold: Sequence[Sequence[str]], ranking: Sequence, k: int = 10) -> float:
    r = first_hit_rank(gold, ranking, k)
    return 1.0 / r if r else 0.0


def relevance(gold: Sequence[Sequence[str]], ranking: Sequence, k: int = 10) -> list[int]:
    """Binary gain per rank: 1 when the entry satisfies a gold group not satisfied higher up.

    A second passage of an already found facet (or the same article twice) earns nothing, so a
    ranking gains at most one point per group. An entry that satisfies two open groups at once
    (a chunk holding two articles) closes both but still earns 1.
    """
    open_groups = list(range(len(gold)))
    out = []
    for entry in ranking[:k]:
        hit = [gi for gi in open_groups if entry_matches_group(gold[gi], entry)]
        if hit:
            open_groups = [gi for gi in open_groups if gi not in hit]
            out.append(1)
        else:
            out.append(0)
    return out


def dcg(gains: Iterable[int]) -> float:
    return sum(g / math.log2(i + 1) for i, g in enumerate(gains, start=1))


def ndcg_at_k(gold: Sequence[Sequence[str]], ranking: Sequence, k: int = 10) -> float:
    """nDCG@k with binary per-group gains; the ideal ranking puts one article of every group on top
    (ideal DCG = DCG of min(#groups, k) ones)."""
    if not gold:
        return 0.0
    ideal = dcg([1] * min(len(gold), k))
    return dcg(relevance(gold, ranking, k)) / ideal


def question_metrics(gold: Sequence[Sequence[str]], ranking: Sequence, ks: Sequence[int] = KS) -> dict[str, float]:
    """All ranking metrics of one answerable question."""
    out = {f"recall@{k}": hit_at_k(gold, ranking, k) for k in ks}
    out["group_recall@5"] = group_recall_at_k(gold, ranking, 5)
    out["group_recall@10"] = group_recall_at_k(gold, ranking, 10)
    out["mrr@10"] = reciprocal_rank(gold, ranking, 10)
    out["ndcg@10"] = ndcg_at_k(gold, ranking, 10)
    return out


def recall_curve(gold: Sequence[Sequence[str]], ranking: Sequence, kmax: int = 10) -> list[float]:
    """hit@1 .. hit@kmax for one question."""
    r = first_hit_rank(gold, ranking, kmax)
    return [1.0 if r is not None and r <= k else 0.0 for k in range(1, kmax + 1)]


def mean(xs: Iterable[float]) -> float | None:
    xs = list(xs)
    return sum(xs) / len(xs) if xs else None


def no_answer_scores(flags: Sequence[tuple[bool, bool]]) -> dict[str, float | None]:
    """``flags`` = (answerable, flagged_weak) per question.

    - no_answer_accuracy: share of unanswerable questions the system flagged as weak (it abstained);
    - false_refusal_rate: share of answerable questions it flagged as weak (it wrongly abstained).
    """
    na = [weak for answerable, weak in flags if not answerable]
    ans = [weak for answerable, weak in flags if answerable]
    return {
        "no_answer_accuracy": mean(1.0 if w else 0.0 for w in na),
        "false_refusal_rate": mean(1.0 if w else 0.0 for w in ans),
    }


# ------------------------------------------------------------------ citation validity


def norm_ws(s: str) -> str:
    return " ".join((s or "").split())


def citation_exists(docs: dict, doc: str, pasal: str | None, ayat: str | None = None) -> bool:
    """Does the cited unit exist in the corpus? ``docs`` maps ids to ``ingest.model.Document``.

    A citation without a pasal (a paper, or a whole act) needs only the document; an article citation
    needs the article, and the ayat too when one is named.
    """
    d = docs.get(doc)
    if d is None:
        return False
    if pasal is None:
        return ayat is None
    p = d.get_pasal(str(pasal))
    if p is None:
        return False
    if ayat is None:
        return True
    return any(a.number.lower() == str(ayat).lower() for a in p.ayat)


def source_texts(docs: dict, doc: str, pasal: str | None) -> list[str]:
    """The texts a quote of this unit may come from: the article and its Penjelasan; for a paper,
    all of its paragraphs (and footnotes)."""
    d = docs.get(doc)
    if d is None:
        return []
    if pasal is None:
        if d.kind != "paper":
            return []
        return [p for s in d.sections for p in [s.heading, *s.paragraphs]] + [f.text for f in d.footnotes]
    p = d.get_pasal(str(pasal))
    if p is None:
        return []
    return [p.text] + ([p.penjelasan] if p.penjelasan else [])


def quote_is_verbatim(quote: str, texts: Sequence[str]) -> bool:
    """The quote, whitespace-normalised, occurs inside one of the texts (whitespace-normalised)."""
    q = norm_ws(quote)
    if not q:
        return False
    if any(q in norm_ws(t) for t in texts):
        return True
    # a paper quote can run over a paragraph boundary of the source; join them once more
    return q in norm_ws(" ".join(texts))


def validity_scores(citations: Sequence[bool], quotes: Sequence[bool]) -> dict[str, float | None]:
    """Shares of returned citations that exist and of answer quotes found verbatim in their source."""
    return {
        "citation_validity": mean(1.0 if c else 0.0 for c in citations),
        "quote_validity": mean(1.0 if q else 0.0 for q in quotes),
    }


# ------------------------------------------------------------------ gold file helpers


def gold_docs(gold: Sequence[Sequence[str]]) -> list[str]:
    """The documents a question belongs to: every document named by any of its gold citations."""
    out: list[str] = []
    for g in gold:
        for c in g:
            d = article_key(c)[0]
            if d not in out:
                out.append(d)
    return out


def aggregate(rows: Sequence[dict], keys: Sequence[str]) -> dict[str, float | None]:
    """Mean of each metric over the rows that have it (None when no row has it)."""
    return {k: mean(r[k] for r in rows if r.get(k) is not None) for k in keys}
