"""Article glosses: file validation, storage in the index, and their weight in the ranking."""
from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from index.glosses import GLOSS_DIR, Gloss, GlossError, glosses_for, load_glosses, read_gloss_file
from index.retrieve import Retriever
from index.store import build_index, load_index
from ingest.chunking import chunk_document
from ingest.statute import parse_statute
from tests.tiny_model import build_tiny_model

ACT = (
    "UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 88 TAHUN 2031 TENTANG CONTOH\nMEMUTUSKAN:\nMenetapkan: UNDANG-UNDANG.\n"
    "BAB I KETENTUAN\nPasal 1\nHak anak atas pendidikan dijamin oleh negara.\n"
    "Pasal 2\nSetiap Orang dilarang menempatkan atau membiarkan Anak dalam situasi perlakuan salah.\n"
    "Pasal 3\nPemerintah menyediakan rumah singgah bagi Anak jalanan.\n"
)
TITLE = "Undang-Undang Nomor 88 Tahun 2031 tentang Contoh"


def _write(path: Path, rows: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows), encoding="utf-8")
    return path


def test_gloss_file_errors_name_the_file_and_line(tmp_path):
    good = {"doc": "UU 88/2031", "pasal": "2", "gloss": ["anak dipukuli bapaknya"]}
    f = _write(tmp_path / "a.jsonl", [good, '{"doc": "UU 88/2031", "pasal": '])
    with pytest.raises(GlossError, match=r"a\.jsonl, line 2: not valid JSON"):
        read_gloss_file(f)
    f = _write(tmp_path / "b.jsonl", [good, {"doc": "UU 88/2031", "gloss": ["x"]}])
    with pytest.raises(GlossError, match=r"b\.jsonl, line 2: needs the keys"):
        read_gloss_file(f)
    f = _write(tmp_path / "c.jsonl", [{"doc": "UU 88/2031", "pasal": "Pasal 2", "gloss": ["x"]}])
    with pytest.raises(GlossError, match="article number"):
        read_gloss_file(f)
    f = _write(tmp_path / "d.jsonl", [{"doc": "UU 88/2031", "pasal": "2", "gloss": []}])
    with pytest.raises(GlossError, match="non-empty list"):
        read_gloss_file(f)


def test_glosses_are_one_per_phrase_and_kept_only_for_indexed_articles(tmp_path):
    folder = tmp_path / "g"
    folder.mkdir()
    _write(folder / "x.jsonl", [
        {"doc": "UU 88/2031", "pasal": "2", "gloss": ["anak  dipukuli bapaknya", "anak ditelantarkan"]},
        {"doc": "UU 88/2031", "pasal": "9", "gloss": ["pasal yang tidak ada"]},
        {"doc": "UU 99/2040", "pasal": "1", "gloss": ["undang-undang yang tidak diindeks"]},
    ])
    gl = load_glosses(folder)
    assert gl[0] == Gloss("UU 88/2031", "2", "anak dipukuli bapaknya") and len(gl) == 4
    kept, left = glosses_for(gl, {("UU 88/2031", "1"), ("UU 88/2031", "2")})
    assert [g.text for g in kept] == ["anak dipukuli bapaknya", "anak ditelantarkan"]
    assert {g.article for g in left} == {("UU 88/2031", "9"), ("UU 99/2040", "1")}
    assert load_glosses(tmp_path / "absent") == []


@pytest.fixture(scope="module")
def glossed(tmp_path_factory):
    from index.embedder import load_embedder

    emb = load_embedder(str(build_tiny_model(tmp_path_factory.mktemp("model") / "tiny")))
    doc = parse_statute(ACT, doc_id="UU 88/2031", title=TITLE)
    chunks = chunk_document(doc)
    glosses = [Gloss("UU 88/2031", "2", "bapak suka gebukin anaknya sampai memar"), Gloss("UU 88/2031", "2", "ortu nelantarin bocah")]
    orphan = [Gloss("UU 88/2031", "9", "bapak gebukin anaknya tiap malam")]  # an article no longer in the act
    plain = tmp_path_factory.mktemp("plain")
    build_index([doc], chunks, emb, plain)
    home = tmp_path_factory.mktemp("glossed")
    rep = build_index([doc], chunks, emb, home, glosses=glosses)
    stale = tmp_path_factory.mktemp("stale")
    build_index([doc], chunks, emb, stale, glosses=orphan + glosses)
    return home, plain, rep, emb, stale


def test_index_stores_glosses_and_reuses_their_vectors(glossed):
    home, plain, rep, emb, _ = glossed
    assert rep.glosses == 2 and rep.embedded == 3 + 2
    idx = load_index(home)
    assert [g.text for g in idx.glosses] == ["bapak suka gebukin anaknya sampai memar", "ortu nelantarin bocah"]
    assert idx.gloss_vectors.shape == (2, 32)
    assert load_index(plain).glosses == [] and load_index(plain).gloss_vectors is None
    again = build_index(list(idx.documents.values()), idx.chunks, emb, home, glosses=idx.glosses)
    assert again.embedded == 0


def test_a_question_in_everyday_words_finds_the_glossed_article(glossed):
    home, plain, _, emb, _ = glossed
    q = "bapak gebukin anaknya, bisa dilaporkan?"
    # the situation reader is off: its Kekerasan facet would find Pasal 2 by its own words
    base = Retriever(load_index(plain), emb)
    base.use_situation = False
    without = base.search(q, k=3)
    r = Retriever(load_index(home), emb)
    r.use_situation = False
    with_g = r.search(q, k=3)
    assert with_g.passages[0].pasal == "2" and without.passages[0].pasal != "2"
    # the gloss is evidence, never the quoted text
    assert with_g.passages[0].text.startswith("Setiap Orang dilarang")
    r.w_gloss_dense = r.w_gloss_bm25 = 0.0
    assert r.search(q, k=3).passages[0].pasal == without.passages[0].pasal
def test_gloss_evidence_respects_filters_and_ignores_glosses_of_missing_articles(glossed):
    home, _, _, emb, stale = glossed
    q = "bapak gebukin anaknya, bisa dilaporkan?"
    r = Retriever(load_index(home), emb)
    lines = r._gloss_line_scores(q, emb.encode(q, prompt_name="query"))
    allowed = np.array([c.pasal != "2" for c in r.chunks])
    assert not r._gloss_evidence(lines, np.zeros(len(r.chunks), np.float32), allowed).any()
    assert r._gloss_evidence(lines, np.zeros(len(r.chunks), np.float32), np.ones(len(r.chunks), bool)).any()
    assert "2" not in [p.pasal for p in r.search(q, k=3, kinds={"penjelasan"}).passages]
    # a gloss line whose article is gone changes nothing (its vector is stored but never counted)
    s = Retriever(load_index(stale), emb)
    assert len(s.idx.glosses) == 3 and len(s.gloss_article) == 2
    a, b = r.search(q, k=3), s.search(q, k=3)
    assert [(p.pasal, round(p.score, 6)) for p in a.passages] == [(p.pasal, round(p.score, 6)) for p in b.passages]


def test_glosses_count_when_a_named_instrument_is_ranked_within_itself(glossed):
    home, _, _, emb, _ = glossed
    r = Retriever(load_index(home), emb)
    q = "menurut UU 88/2031, bapak gebukin anaknya gimana?"
    assert r.search(q, k=3).passages[0].pasal == "2"


def test_shipped_glosses_are_valid_and_name_real_articles(real_index_home):
    """Every shipped gloss line parses and belongs to an article of the pinned corpus."""
    gl = load_glosses(GLOSS_DIR)
    assert len(gl) > 3000
    idx = load_index(real_index_home)
    articles = {(c.doc, c.pasal) for c in idx.chunks if c.pasal}
    kept, left = glosses_for(gl, articles)
    assert not left, sorted({g.article for g in left})[:10]
    assert set(kept) <= set(idx.glosses)  # the index was built with every shipped gloss (a user may add more)
    assert all(not re.search(r"\bpasal\s+\d", g.text) for g in gl)


def test_build_uses_a_users_own_glosses_and_a_broken_file_fails_clearly(tmp_path):
    """`lentera build` reads <data home>/glosses/ too; a broken line names file and line and leaves the
    live index as it was."""
    import os
    import subprocess
    import sys

    from index.store import current_version
    from tests.conftest import ROOT

    home, src = tmp_path / "home", tmp_path / "src"
    src.mkdir()
    (src / "act.md").write_text(ACT, encoding="utf-8")
    (home / "glosses").mkdir(parents=True)
    mine = home / "glosses" / "mine.jsonl"
    _write(mine, [{"doc": "UU 88/2031", "pasal": "3", "gloss": ["bocah jalanan tidur di kolong jembatan"]},
                  {"doc": "UU 88/2013", "pasal": "3", "gloss": ["a typo in the act's year"]}])
    env = dict(os.environ, LENTERA_HOME=str(home), PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "lentera_cli", "build", "--sources", str(src)]
    ok = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT)
    assert ok.returncode == 0, ok.stderr
    assert "UU 88/2013 Pasal 3" in ok.stderr and "ignored" in ok.stderr  # a typo is reported, not dropped silently
    live = current_version(home)
    assert [g.text for g in load_index(home).glosses] == ["bocah jalanan tidur di kolong jembatan"]
    _write(mine, [{"doc": "UU 88/2031", "pasal": "3", "gloss": ["x y z"]}, "{broken"])
    bad = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode != 0
    assert "mine.jsonl, line 2: not valid JSON" in bad.stderr and "previous index is unchanged" in bad.stderr
    assert "Traceback" not in bad.stderr
    assert current_version(home) == live
