"""eval/bench.py: the helpers exactly, the real run only for shape (figures are not asserted)."""
from __future__ import annotations

import json

import numpy as np
import pytest

from eval import bench


def test_percentile_matches_numpy():
    rng = np.random.default_rng(0)
    for n in (1, 2, 5, 100, 101):
        xs = rng.exponential(10, n).tolist()
        for p in (0, 50, 95, 99, 100):
            assert bench.percentile(xs, p) == pytest.approx(float(np.percentile(xs, p)))
    assert bench.percentile([3.0, 1.0, 2.0], 50) == 2.0
    with pytest.raises(ValueError):
        bench.percentile([], 50)


def test_latency_summary_and_verdict():
    s = bench.latency_summary([float(x) for x in range(1, 101)])
    assert s["n"] == 100
    assert s["p50_ms"] == 50.5 and s["p95_ms"] == 95.05 and s["p99_ms"] == 99.01
    assert s["max_ms"] == 100.0
    assert bench.latency_summary([]) == {"n": 0}
    assert bench.verdict(23.0, 50.0) == "OK"
    assert bench.verdict(50.0, 50.0) == "OVER"
    assert bench.verdict(None, 50.0) == "n/a"


def test_synthetic_vectors_keep_the_real_ones_and_are_unit_length():
    rng = np.random.default_rng(1)
    base = rng.normal(size=(20, 8)).astype(np.float32)
    base /= np.linalg.norm(base, axis=1, keepdims=True)
    v = bench._synthetic_vectors(base, 75, seed=3)
    assert v.shape == (75, 8) and v.dtype == np.float32
    assert np.allclose(v[:20], base)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert len({tuple(np.round(x, 6)) for x in v}) == 75  # the copies differ from each other


def test_warning_kind_strips_names_and_numbers():
    k = bench._warning_kind("uu-2003-12.md: Pasal 14: ayat (3) missing after ayat (2)")
    assert k == "ayat (N) missing after ayat (N)"


def _fake_result() -> dict:
    lat = bench.latency_summary([10.0, 20.0, 30.0])
    return {
        "machine": {"cpus": 2, "cpu_model": "x", "mem_total_gb": 4, "loadavg_start": [1.0, 1.0, 1.0], "loadavg_end": [1.0, 1.0, 1.0]},
        "targets": dict(bench.TARGETS),
        "index": {"version": "v-1", "documents": 2, "chunks": 10, "faiss": "flat-ip", "model": "m", "bytes_on_disk": 2**20},
        "model_load": {"construct_plus_first_query_s": 0.5, "construct_s": 0.1, "first_query_s": 0.4, "import_s": 0.2,
                       "load_index_s": 0.3, "retriever_init_s": 0.1, "first_answer_s": 0.2, "process_wall_s": 1.5},
        "open_index_s": 0.7,
        "query": {"questions": 3, "warmup": 0, "k": 5, "hybrid": dict(lat, p95_ms=60.0), "bm25": lat, "dense": lat},
        "memory": {"rss_after_open_mb": 100, "rss_after_queries_mb": 110, "peak_rss_after_queries_mb": 120},
        "build": {
            "one_file_changed": {
                "seconds": 4.2, "changed_file": "pp-65-2015.md", "files_parsed": 1, "embedded_now": 2, "parse_s": 0.5,
                "stages_s": {"embed": 1.0, "faiss": 0.1, "bm25": 0.3, "sqlite": 0.2}, "new_article_indexed": True,
                "unlisted": {"seconds": 12.5, "files_parsed": 1, "embedded_now": 120, "sha_warning": True, "new_article_indexed": True},
            },
        },
        "seconds": 9.0,
    }


def test_format_bench_puts_targets_beside_figures():
    res = _fake_result()
    text = bench.format_bench(res)
    hybrid = next(line for line in text.splitlines() if line.strip().startswith("hybrid: search + extractive answer"))
    assert "60.0" in hybrid and "target < 50 ms" in hybrid and hybrid.endswith("OVER")
    rebuild = next(line for line in text.splitlines() if "rebuild after editing" in line)
    assert "4.20 s" in rebuild and "target < 10 s" in rebuild and rebuild.endswith("OK")
    unlisted = next(line for line in text.splitlines() if "manifest not updated" in line)
    assert "12.50 s" in unlisted and unlisted.endswith("OVER")
    assert "target < 2 s" in text
    json.dumps(res)  # the --json output is the dict itself
    assert "ERROR" in bench.format_bench({"machine": {}, "error": "no index"})


@pytest.mark.slow
def test_run_bench_on_the_real_index(real_index_home):
    res = bench.run_bench(rebuild=False, large=False, large_limit=0, progress=lambda s: None)
    json.dumps(res)
    assert "error" not in res and "error" not in res["model_load"]
    assert res["index"]["chunks"] > 0
    for mode in ("hybrid", "hybrid_search_only", "bm25", "dense", "query_embedding"):
        s = res["query"][mode]
        assert s["n"] == bench.N_QUERIES
        assert 0 < s["p50_ms"] <= s["p95_ms"] <= s["p99_ms"]
    ml = res["model_load"]
    assert ml["construct_s"] > 0 and ml["first_query_s"] > 0 and ml["first_answer_s"] > 0
    assert res["memory"]["peak_rss_after_queries_mb"] > 0
    assert "build" not in res and "large" not in res
    text = bench.format_bench(res)
    assert "p95 target < 50 ms" in text
