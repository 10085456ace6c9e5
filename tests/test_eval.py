"""Tests for eval/: the metrics on tiny hand-made rankings, the naive chunker, the gold file, and
(slow, needs a built index) the whole `lentera eval` run."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from eval import metrics as M
from eval import naive
from ingest.model import Ayat, Document, Pasal, Section

# ------------------------------------------------------------------ citations and matching


def test_parse_citation_forms() -> None:
    assert M.parse_citation("UU 11/2012 Pasal 69 ayat (2)") == ("UU 11/2012", "69", "2")
    assert M.parse_citation("UU 35/2014 Pasal 76C") == ("UU 35/2014", "76C", None)
    assert M.parse_citation("UU 35/2014 Pasal 9 ayat (1a)") == ("UU 35/2014", "9", "1a")
    assert M.parse_citation("KUHP Pasal 310") == ("KUHP", "310", None)
    assert M.parse_citation("kertha-wicara-2021") == ("kertha-wicara-2021", None, None)
    with pytest.raises(M.GoldError):
        M.parse_citation("Pasal 7 tanpa undang-undang")


def test_article_key_drops_ayat_and_normalises_case() -> None:
    assert M.article_key("UU 11/2012 Pasal 69 ayat (2)") == ("UU 11/2012", "69")
    assert M.article_key(("UU 35/2014", "76c")) == ("UU 35/2014", "76C")
    assert M.article_key(("UU 35/2014", "76C", "1")) == ("UU 35/2014", "76C")
    assert M.article_key(("rekomendasi-bullying", None)) == ("rekomendasi-bullying", None)


def test_matches_article_level() -> None:
    assert M.matches("UU 11/2012 Pasal 69 ayat (2)", ("UU 11/2012", "69"))
    assert M.matches("UU 11/2012 Pasal 69", "UU 11/2012 Pasal 69 ayat (1)")  # the reverse too
    assert not M.matches("UU 11/2012 Pasal 69", ("UU 11/2012", "6"))
    assert not M.matches("UU 11/2012 Pasal 69", ("UU 1/2023", "69"))
    assert not M.matches("UU 35/2014 Pasal 76C", ("UU 35/2014", "76"))


def test_paper_matches_any_chunk_of_that_paper_only() -> None:
    assert M.matches("kertha-wicara-2021", ("kertha-wicara-2021", None))
    assert not M.matches("kertha-wicara-2021", ("rekomendasi-bullying", None))
    # a statute gold is not matched by a paper passage
    assert not M.matches("UU 11/2012 Pasal 5", ("kertha-wicara-2021", None))


# ------------------------------------------------------------------ ranking metrics

G1 = [["UU 35/2014 Pasal 76C", "UU 23/2002 Pasal 76C"], ["UU 35/2014 Pasal 80", "UU 23/2002 Pasal 80"]]


def test_hit_at_k_any_citation_of_any_group() -> None:
    ranking = [("KUHP", "351"), ("UU 11/2012", "7"), ("UU 23/2002", "80"), ("UU 35/2014", "76C")]
    assert M.hit_at_k(G1, ranking, 1) == 0
    assert M.hit_at_k(G1, ranking, 2) == 0
    assert M.hit_at_k(G1, ranking, 3) == 1  # the alternative of group 2
    assert M.first_hit_rank(G1, ranking) == 3
    assert M.reciprocal_rank(G1, ranking) == pytest.approx(1 / 3)
    assert M.recall_curve(G1, ranking, 4) == [0, 0, 1, 1]


def test_reciprocal_rank_zero_beyond_k() -> None:
    ranking = [("KUHP", str(i)) for i in range(1, 11)] + [("UU 35/2014", "80")]
    assert M.reciprocal_rank(G1, ranking, 10) == 0.0
    assert M.hit_at_k(G1, ranking, 10) == 0
    assert M.first_hit_rank(G1, ranking, 11) == 11


def test_group_recall() -> None:
    ranking = [("UU 23/2002", "76C"), ("KUHP", "1")]
    assert M.group_recall_at_k(G1, ranking, 5) == 0.5
    assert M.group_recall_at_k(G1, ranking + [("UU 35/2014", "80")], 5) == 1.0


def test_ndcg_perfect_and_duplicates() -> None:
    perfect = [("UU 35/2014", "76C"), ("UU 35/2014", "80")]
    assert M.ndcg_at_k(G1, perfect) == pytest.approx(1.0)
    # the same facet twice earns once: the second alternative of group 1 is not relevant again
    dup = [("UU 35/2014", "76C"), ("UU 23/2002", "76C"), ("UU 35/2014", "80")]
    assert M.relevance(G1, dup) == [1, 0, 1]
    ideal = 1 + 1 / math.log2(3)
    assert M.ndcg_at_k(G1, dup) == pytest.approx((1 + 1 / math.log2(4)) / ideal)
    # one group found at rank 2 only
    assert M.ndcg_at_k([["KUHP Pasal 310"]], [("KUHP", "1"), ("KUHP", "310")]) == pytest.approx(1 / math.log2(3))
    assert M.ndcg_at_k(G1, []) == 0.0


def test_ndcg_ideal_capped_at_k() -> None:
    gold = [[f"KUHP Pasal {i}"] for i in range(1, 13)]  # 12 groups, only 10 ranks
    ranking = [("KUHP", str(i)) for i in range(1, 11)]
    assert M.ndcg_at_k(gold, ranking, 10) == pytest.approx(1.0)


def test_set_entries_count_if_any_key_matches() -> None:
    # a naive chunk holding Pasal 79 and 80
    ranking = [{("UU 35/2014", "79"), ("UU 35/2014", "80")}, ("KUHP", "1")]
    assert M.hit_at_k(G1, ranking, 1) == 1
    # closes group 2 only: gain 1
    assert M.relevance(G1, ranking) == [1, 0]
    both = [{("UU 35/2014", "76C"), ("UU 35/2014", "80")}]
    assert M.relevance(G1, both) == [1]
    assert M.group_recall_at_k(G1, both, 1) == 1.0


def test_question_metrics_keys() -> None:
    m = M.question_metrics(G1, [("UU 35/2014", "80")])
    assert m["recall@1"] == m["recall@5"] == m["recall@10"] == 1.0
    assert m["mrr@10"] == 1.0
    assert m["ndcg@10"] == pytest.approx(1 / (1 + 1 / math.log2(3)))
    assert all(0 <= v <= 1 for v in m.values())


def test_no_answer_scores() -> None:
    flags = [(False, True), (False, False), (True, True), (True, False), (True, False), (True, False)]
    s = M.no_answer_scores(flags)
    assert s["no_answer_accuracy"] == 0.5
    assert s["false_refusal_rate"] == 0.25
    assert M.no_answer_scores([(True, False)])["no_answer_accuracy"] is None


def test_gold_docs_and_aggregate() -> None:
    assert M.gold_docs(G1) == ["UU 35/2014", "UU 23/2002"]
    assert M.gold_docs([["kertha-wicara-2021"]]) == ["kertha-wicara-2021"]
    agg = M.aggregate([{"a": 1.0}, {"a": 0.0}, {"b": 1.0}], ["a", "b", "c"])
    assert agg == {"a": 0.5, "b": 1.0, "c": None}


# ------------------------------------------------------------------ citation validity


@pytest.fixture
def docs() -> dict:
    p69 = Pasal(
        "69",
        "(1) Anak hanya dapat dijatuhi pidana atau dikenai tindakan berdasarkan ketentuan dalam Undang-Undang ini.\n"
        "(2) Anak yang belum berusia 14 (empat belas) tahun hanya dapat dikenai tindakan.",
        ayat=[Ayat("1", "Anak hanya dapat ..."), Ayat("2", "Anak yang belum berusia 14 ...")],
        penjelasan="Yang dimaksud dengan  tindakan adalah upaya pembinaan.",
    )
    uu = Document("UU 11/2012", "UU SPPA", "UU", pasal=[Pasal("1", "Dalam Undang-Undang ini yang dimaksud dengan:"), p69])
    paper = Document("kertha-wicara-2021", "Keadilan restoratif", "paper", sections=[Section("Pendahuluan", ["Victim Offender Mediation adalah", "model pertama."])])
    return {d.id: d for d in (uu, paper)}


def test_citation_exists(docs) -> None:
    assert M.citation_exists(docs, "UU 11/2012", "69")
    assert M.citation_exists(docs, "UU 11/2012", "69", "2")
    assert not M.citation_exists(docs, "UU 11/2012", "69", "3")
    assert not M.citation_exists(docs, "UU 11/2012", "70")
    assert not M.citation_exists(docs, "UU 99/2099", "1")
    assert M.citation_exists(docs, "kertha-wicara-2021", None)
    assert M.citation_exists(docs, "UU 11/2012", "1", None)


def test_quote_verbatim_after_whitespace(docs) -> None:
    texts = M.source_texts(docs, "UU 11/2012", "69")
    assert M.quote_is_verbatim("Anak yang  belum berusia 14 (empat belas)\ntahun hanya dapat dikenai tindakan.", texts)
    assert M.quote_is_verbatim("Yang dimaksud dengan tindakan adalah upaya pembinaan.", texts)  # from the Penjelasan
    assert not M.quote_is_verbatim("Anak yang belum berusia 12 tahun", texts)  # altered
    assert not M.quote_is_verbatim("", texts)
    assert not M.quote_is_verbatim("Dalam Undang-Undang ini", texts)  # from another article
    ptexts = M.source_texts(docs, "kertha-wicara-2021", None)
    assert M.quote_is_verbatim("Victim Offender Mediation adalah model pertama.", ptexts)  # across paragraphs
    assert M.validity_scores([True, False], []) == {"citation_validity": 0.5, "quote_validity": None}


# ------------------------------------------------------------------ naive baseline chunking


def test_naive_cut_windows() -> None:
    text = "x" * 2500
    w = naive.cut(text, 1000, 200)
    assert [s for s, _ in w] == [0, 800, 1600]
    assert all(len(t) == 1000 for _, t in w[:-1]) and w[-1][1] == text[1600:]
    assert naive.cut("abc", 1000, 200) == [(0, "abc")]
    with pytest.raises(ValueError):
        naive.cut(text, 100, 100)


def test_naive_chunk_citation_rule() -> None:
    body = "Isi pasal yang panjang. " * 30  # 720 characters
    d = Document(
        "UU 9/2099",
        "Undang-Undang tentang Contoh",
        "UU",
        menimbang=["a. bahwa contoh;"],
        pasal=[Pasal("1", body, bab="BAB I KETENTUAN UMUM"), Pasal("2", body, penjelasan="Cukup jelas bagi pasal dua. " * 10), Pasal("3", body)],
    )
    text, spans = naive.document_text(d)
    assert "BAB I KETENTUAN UMUM\nPasal 1\n" in text and "PENJELASAN" in text
    assert [(s.pasal, s.kind) for s in spans] == [("1", "pasal"), ("2", "pasal"), ("3", "pasal"), ("2", "penjelasan")]
    chunks = naive.build_chunks({d.id: d}, 1000, 200)
    first = chunks[0]
    # the first window holds the title, preamble and the heading of Pasal 1
    assert first.pasal == "1" and first.citation == "UU 9/2099 Pasal 1"
    for c in chunks:
        s, e = c.start, c.start + len(c.text)
        starting = [sp for sp in spans if s <= sp.heading_at < e]
        if starting:
            assert c.pasal == starting[0].pasal
        else:
            assert c.pasal == next(sp.pasal for sp in spans if sp.start <= s < sp.end)
        assert c.pasal in c.articles
    # a window whose only Pasal heading is the Penjelasan of Pasal 2 is credited to Pasal 2
    assert chunks[-1].pasal == "2"


def test_naive_window_inside_an_article() -> None:
    long = "kata " * 600  # 3000 characters: a window falls wholly inside
    d = Document("UU 9/2099", "T", "UU", pasal=[Pasal("1", long), Pasal("2", "pendek")])
    chunks = naive.build_chunks({d.id: d}, 1000, 200)
    assert chunks[1].pasal == "1" and chunks[1].articles == ["1"]
    assert chunks[-1].pasal == "2"


def test_naive_paper_chunks_cite_the_paper() -> None:
    d = Document("kertha-wicara-2021", "Paper", "paper", sections=[Section("A", ["teks " * 400])])
    chunks = naive.build_chunks({d.id: d})
    assert len(chunks) > 1 and all(c.key == ("kertha-wicara-2021", None) for c in chunks)


def test_naive_retriever_ranks_and_flags_weak(tmp_path) -> None:
    import numpy as np

    class Fake:
        name = "fake-embedder"
        dim = 3

        def encode(self, sentences, prompt_name=None, batch_size=32, show_progress_bar=False):
            single = isinstance(sentences, str)
            xs = [sentences] if single else sentences
            out = np.array([[1.0, 0, 0] if "diversi" in x else [0, 1.0, 0] if "umum" in x else [0, 0, 1.0] for x in xs], dtype=np.float32)
            return out[0] if single else out

    d = Document("UU 9/2099", "T", "UU", pasal=[Pasal("1", "umum " * 300), Pasal("2", "diversi " * 200)])
    nv = naive.NaiveRetriever({d.id: d}, Fake(), cache_dir=tmp_path)
    assert nv.embedded == len(nv.chunks)
    res = nv.search("apa itu diversi", k=3)
    assert res.hits[0].chunk.pasal == "2" and not res.weak
    assert naive.NaiveRetriever({d.id: d}, Fake(), cache_dir=tmp_path).embedded == 0  # cached
    off = nv.search("zzz", k=1)
    assert off.best < naive.WEAK_COSINE and off.weak


# ------------------------------------------------------------------ the gold file and the report writer


def test_gold_file_loads() -> None:
    from eval.run import load_gold

    gold = load_gold()
    assert len(gold) == 1340
    assert {q["type"] for q in gold} == {"lay", "legal", "citation", "paper", "no_answer"}


def test_summary_and_table_on_fake_rows() -> None:
    from eval import run

    gold = [
        {"id": "a", "type": "lay", "question": "?", "gold": G1},
        {"id": "b", "type": "no_answer", "question": "?", "gold": []},
    ]
    rows = [
        {"id": "a", "keys": [("KUHP", "1"), ("UU 35/2014", "80")], "weak": False, "cit_ok": [True, False], "ranking": []},
        {"id": "b", "keys": [("KUHP", "1")], "weak": True, "cit_ok": [True], "ranking": []},
    ]
    run.score_rows(gold, rows)
    s = run.summarise(gold, rows, seconds=2.0)
    assert s["recall@1"] == 0 and s["recall@5"] == 1 and s["mrr@10"] == 0.5
    assert s["no_answer_accuracy"] == 1.0 and s["false_refusal_rate"] == 0.0
    assert s["citation_validity"] == pytest.approx(2 / 3) and s["quote_validity"] is None
    assert s["qps"] == 1.0
    assert s["curve"][:2] == [0.0, 1.0]
    docs = run.by_document(gold, rows)
    assert set(docs) == {"UU 35/2014", "UU 23/2002"}
    assert run.by_split(gold, rows) == {}
    gold[0]["split"] = "dev"
    assert list(run.by_split(gold, rows)) == ["dev"] and run.by_split(gold, rows)["dev"]["recall@5"] == 1
    table = run.format_table({"systems": {"x": {"overall": s}}})
    assert "R@5" in table and "1.00" in table


def test_settings_override_the_retrievers_tuning_with_its_own_types() -> None:
    from eval.run import parse_settings

    got = parse_settings(["use_situation=false", "offence_at = -1", "long_bm25=0.5", "repeat_ask=on"])
    assert got == {"use_situation": False, "offence_at": -1, "long_bm25": 0.5, "repeat_ask": True}
    assert type(got["offence_at"]) is int and type(got["long_bm25"]) is float
    assert parse_settings([]) == {}


@pytest.mark.parametrize(
    "spec, says",
    [
        ("use_situaton=false", "expected NAME=VALUE with NAME one of"),
        ("use_situation", "expected NAME=VALUE"),
        ("use_situation=maybe", "takes a bool"),
        ("offence_at=2.5", "takes a int"),
        ("offender_docs=KUHP", "expected NAME=VALUE"),  # a tuple, not a scalar setting
        ("_embedder=x", "expected NAME=VALUE"),
    ],
)
def test_a_bad_setting_is_refused_with_what_to_type(spec: str, says: str) -> None:
    from eval.run import parse_settings

    with pytest.raises(ValueError, match=says):
        parse_settings([spec])


def test_split_selection_keeps_held_out_sets_out_and_refuses_unknown_names() -> None:
    from eval.run import select_splits

    gold = [{"id": "a", "split": "dev"}, {"id": "b", "split": "fresh9"}, {"id": "c", "split": "fresh10"}]
    assert [q["id"] for q in select_splits(gold)] == ["a", "b", "c"]
    assert [q["id"] for q in select_splits(gold, only=["fresh9", "dev"])] == ["a", "b"]
    assert [q["id"] for q in select_splits(gold, skip=["fresh10"])] == ["a", "b"]
    assert select_splits(gold, only=["dev"], skip=["dev"]) == []
    with pytest.raises(M.GoldError, match="unknown split 'fresh1'.*dev, fresh10, fresh9"):
        select_splits(gold, skip=["fresh1"])


def test_eval_command_refuses_a_bad_setting_before_loading_anything(capsys) -> None:
    from eval.run import run_eval

    assert run_eval(systems=["bm25"], settings=["w_bm25=lots"]) == 2
    assert "cannot set w_bm25 to 'lots': it takes a float" in capsys.readouterr().err
    assert run_eval(systems=["bm25"], skip_splits=["no-such-split"]) == 2
    assert "unknown split 'no-such-split'" in capsys.readouterr().err


def test_query_memo_embeds_each_question_once() -> None:
    from eval.run import QueryMemo

    calls = []

    class E:
        name, dim = "e", 1

        def encode(self, x, prompt_name=None, **kw):
            calls.append((x, prompt_name))
            return [len(x)]

    m = QueryMemo(E())
    assert m.encode("abc", prompt_name="query") == m.encode("abc", prompt_name="query") == [3]
    m.encode(["abc"], prompt_name="passage")
    m.encode(["abc"], prompt_name="passage")
    assert calls == [("abc", "query"), (["abc"], "passage"), (["abc"], "passage")]


# ------------------------------------------------------------------ the whole evaluation (slow)


def _has_index() -> bool:
    from index.store import current_version
    from ingest.corpus import data_home

    return current_version(data_home()) is not None


@pytest.mark.slow
def test_full_eval_on_real_index(tmp_path, capsys) -> None:
    if not _has_index():
        pytest.skip("no built index (run `lentera build`)")
    from eval.run import load_gold, run_eval

    out = tmp_path / "report"
    # the naive baseline embeds 1,275 more windows (~10 min cold on 2 cores); CI runs it only when cached
    from eval.naive import cache_path_exists

    systems = ["lentera", "bm25", "dense"] + (["naive"] if cache_path_exists() else [])
    assert run_eval(out_dir=out, systems=systems) == 0
    table = capsys.readouterr().out
    with capsys.disabled():
        print("\n" + table)
    for name in ("report.md", "results.json", "metrics.png", "recall_at_k.png", "per_document.png"):
        assert (out / name).is_file() and (out / name).stat().st_size > 0, name
    res = json.loads((out / "results.json").read_text())
    assert list(res["systems"]) == systems
    for name, s in res["systems"].items():
        o = s["overall"]
        for k in ("recall@1", "recall@5", "recall@10", "mrr@10", "ndcg@10", "no_answer_accuracy", "false_refusal_rate", "citation_validity"):
            assert o[k] is not None and 0.0 <= o[k] <= 1.0, (name, k, o[k])
        assert o["recall@1"] <= o["recall@5"] <= o["recall@10"]
        assert len(s["questions"]) == len(load_gold())
    # every quote in an answer is found word for word in the cited article (the product promise)
    assert res["systems"]["lentera"]["overall"]["quote_validity"] == 1.0, (out / "report.md").read_text().split("### Answer quotes not found verbatim")[-1][:2000]
    assert "## Failures of lentera" in (out / "report.md").read_text()


def test_an_ablation_run_changes_the_ranking_and_says_so_in_the_report(tmp_path, capsys) -> None:
    if not _has_index():
        pytest.skip("no built index (run `lentera build`)")
    from eval.run import run_eval

    def run(out: str, **kw) -> dict:
        assert run_eval(out_dir=tmp_path / out, systems=["lentera"], splits=["dev"], **kw) == 0
        capsys.readouterr()
        return json.loads((tmp_path / out / "results.json").read_text())

    base = run("base")
    off = run("off", settings=["use_situation=false", "w_gloss_dense=0", "w_gloss_bm25=0"])
    assert base["setup"]["settings"] == {} and base["setup"]["splits"] == ["dev"]
    assert off["setup"]["settings"] == {"use_situation": False, "w_gloss_dense": 0.0, "w_gloss_bm25": 0.0}
    rank = lambda res: [q["ranking"] for q in res["systems"]["lentera"]["questions"]]  # noqa: E731
    assert len(rank(base)) == len(rank(off)) > 0 and rank(base) != rank(off)
    report = (tmp_path / "off" / "report.md").read_text(encoding="utf-8")
    assert "Settings changed for this run" in report and "`use_situation=False`" in report
    assert "Settings changed" not in (tmp_path / "base" / "report.md").read_text(encoding="utf-8")


def test_report_without_naive_baseline(tmp_path) -> None:
    """CI runs the eval without the naive baseline when its embeddings are not cached; the report must still render."""
    from eval import run

    gold = [
        {"id": "a", "type": "lay", "question": "anak dipukul?", "gold": G1, "split": "dev"},
        {"id": "b", "type": "no_answer", "question": "pajak?", "gold": [], "split": "test"},
    ]
    systems = {}
    for name in ("lentera", "bm25"):
        rows = [
            {"id": "a", "keys": [("KUHP", "1"), ("UU 35/2014", "80")], "weak": False, "cit_ok": [True, True], "ranking": ["KUHP Pasal 1", "UU 35/2014 Pasal 80"]},
            {"id": "b", "keys": [("KUHP", "1")], "weak": True, "cit_ok": [True], "ranking": ["KUHP Pasal 1"]},
        ]
        run.score_rows(gold, rows)
        systems[name] = {
            "overall": run.summarise(gold, rows, seconds=1.0),
            "by_type": run.by_type(gold, rows),
            "by_document": run.by_document(gold, rows),
            "by_split": run.by_split(gold, rows),
            "questions": [{k: v for k, v in row.items() if k not in ("keys", "keys_lenient")} | {"type": q["type"], "question": q["question"], "gold": q["gold"]} for q, row in zip(gold, rows)],
        }
    results = {
        "systems": systems,
        "timings": {"load_index": 0.1, "total": 2.0},
        "setup": {"date": "2026-11-24 05:00", "questions": 2, "index_version": "v-test", "model": "m", "chunks": 10, "documents": ["KUHP"], "k": 10, "code": {}},
    }
    results = run._json_ready(results)
    out = tmp_path / "report"
    out.mkdir()
    run.write_plots(results, out)
    run.write_report(results, gold, out)
    text = (out / "report.md").read_text(encoding="utf-8")
    assert "**lentera**" in text and "**naive**" not in text
    assert (out / "metrics.png").stat().st_size > 1000
