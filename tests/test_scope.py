"""Topics outside the corpus (corpus/scope.toml, index/scope.py) and what the answer says about them."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from index.scope import SCOPE, ScopeError, read_scope, topics_outside


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "scope.toml"
    p.write_text(text, encoding="utf-8")
    return p


GOOD = """
[[topic]]
id = "kia"
label = "Kartu Identitas Anak (KIA)"
governed_by = "Permendagri 2/2016"
phrases = ["kartu identitas anak", "bikin kia"]

[[topic]]
id = "sim"
label = "Surat Izin Mengemudi (SIM)"
governed_by = "UU 22/2009"
phrases = ["bikin sim", "sim c"]
"""


def test_the_shipped_scope_file_loads() -> None:
    topics = read_scope()
    assert len(topics) >= 50 and len({t.id for t in topics}) == len(topics)
    assert all(t.label and t.governed_by and t.phrases for t in topics)


def test_phrases_match_whole_words_in_either_spelling(tmp_path) -> None:
    p = _write(tmp_path, GOOD)
    assert [t.id for t in topics_outside("Syarat bikin KIA anak?", p)] == ["kia"]
    assert [t.id for t in topics_outside("umur brp boleh bikin SIM C", p)] == ["sim"]
    assert topics_outside("bikin kiamat kecil", p) == []  # "kia" inside a word
    assert topics_outside("sim card anak sy dibuang", p) == []  # "sim" alone is not a phrase
    assert [t.id for t in topics_outside("bikin  kia\ndan bikin sim", p)] == ["kia", "sim"]  # file order


@pytest.mark.parametrize(
    "text, says",
    [
        ("[[topic]]\nid = 'x'\nlabel = 'X'\nphrases = ['a b']\n", "'governed_by' must be a non-empty string"),
        ("[[topic]]\nid = 'X y'\nlabel = 'X'\ngoverned_by = 'UU'\nphrases = ['a']\n", "id must be lowercase"),
        ("[[topic]]\nid = 'x'\nlabel = 'X'\ngoverned_by = 'UU'\nphrases = ['Bikin KTP']\n", "'Bikin KTP' must be lowercase"),
        ("[[topic]]\nid = 'x'\nlabel = 'X'\ngoverned_by = 'UU'\nphrases = []\n", "'phrases' must be a non-empty list"),
        (GOOD + "\n[[topic]]\nid = 'kia'\nlabel = 'K'\ngoverned_by = 'UU'\nphrases = ['kia baru']\n", "id 'kia' is used twice"),
        (GOOD + "\n[[topic]]\nid = 'ktp'\nlabel = 'K'\ngoverned_by = 'UU'\nphrases = ['bikin kia']\n", "also belongs to topic 'kia'"),
        ("[[topic]\nid = 'x'\n", "not valid TOML"),
        ("title = 'no topics'\n", "expected [[topic]] tables"),
    ],
)
def test_a_malformed_scope_file_is_refused_with_the_topic_and_the_fix(tmp_path, text: str, says: str) -> None:
    p = _write(tmp_path, text)
    with pytest.raises(ScopeError, match=re.escape(says)) as e:
        read_scope(p)
    assert str(p) in str(e.value)


def test_no_phrase_occurs_in_the_indexed_corpus(retriever) -> None:
    """A phrase found in the corpus means the corpus may cover the topic (or the phrase is too broad):
    when an act is added, its topics must leave the list. One known mention is explained in its entry."""
    text = " ".join(" ".join(c.text.lower().split()) for c in retriever.chunks)
    known = {"pendaftaran merek"}  # UU 11/2008 Penjelasan Pasal 23 mentions it in passing (see `absent`)
    found = sorted(p for t in read_scope() for p in t.phrases if p not in known and re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", text))
    assert found == []


def test_a_question_only_about_an_outside_topic_says_which_law_governs_it(retriever) -> None:
    from index.answer import answer

    ans = answer(retriever, "syarat bikin KIA anak", k=3)
    assert ans.weak and [t.id for t in ans.result.outside] == ["kia"]
    assert "Permendagri 2/2016" in ans.text and "tidak ada dalam korpus" in ans.text
    assert ans.to_json()["outside_corpus"][0]["id"] == "kia"
    json.dumps(ans.to_json())
    # the same question with the topic list off is answered from the nearest articles, unflagged
    off = type(retriever)(retriever.idx, retriever._embedder)
    off.use_scope = False
    assert off.search("syarat bikin KIA anak", k=3).outside == []


def test_a_question_that_names_an_outside_topic_in_passing_is_answered_with_a_note(retriever) -> None:
    from index.answer import answer

    q = "anak sy hrs operasi jantung tp kami ga mampu, ga punya bpjs jg. ada ga kewajiban pemerintah nanggung biaya berobat anak?"
    ans = answer(retriever, q, k=5)
    assert not ans.weak and ans.quotes
    assert [t.id for t in ans.result.outside] == ["bpjs"]
    assert any("diatur di luar korpus Lentera" in n and "BPJS" in n for n in ans.notes)
    # a child harmed is in the corpus whatever else the question names
    harmed = retriever.search("anak sy dipukuli ayahnya, ga punya KTP elektronik, bisa lapor polisi?", k=5)
    assert harmed.outside and not harmed.weak


def test_a_named_article_is_never_refused_for_a_topic(retriever) -> None:
    res = retriever.search("pasal 76C uu 35/2014, apa hubungannya dengan bikin KIA?", k=3)
    assert res.exact and not res.weak and res.outside


def test_scope_file_path_is_in_the_corpus_folder() -> None:
    assert SCOPE.parent.name == "corpus" and SCOPE.is_file()


def test_a_question_about_a_child_is_weak_only_well_below_the_general_thresholds(retriever) -> None:
    """Out-of-corpus topics are recognised by name; the score thresholds are for questions about nothing
    here at all. A short question about a child scores low on words it shares with no article."""
    from index.situation import read_situation

    assert read_situation("joki cilik pacuan kuda eksploitasi anak?").mentions_child
    assert not read_situation("cuaca besok di jakarta").mentions_child
    R = type(retriever)
    assert R.weak_dense_child < R.weak_dense and R.weak_bm25_child < R.weak_bm25
    for off_topic in ("cuaca besok di jakarta", "berapa kalori nasi putih", "xyzzy qwerty"):
        assert retriever.search(off_topic, k=3).weak, off_topic
    res = retriever.search("joki cilik pacuan kuda eksploitasi anak?", k=5)
    assert res.best_dense < R.weak_dense and res.best_bm25 < R.weak_bm25  # weak by the general thresholds
    assert not res.weak and "UU 35/2014 Pasal 76I" in [p.citation for p in res.passages]


def test_a_broken_scope_file_stops_lentera_at_start_with_what_to_do(real_index_home, tmp_path, monkeypatch) -> None:
    import index.scope as scope
    from index.retrieve import Retriever
    from index.store import IndexError_

    bad = _write(tmp_path, "[[topic]]\nid = 'x'\nlabel = 'X'\ngoverned_by = 'UU'\nphrases = ['Bikin KTP']\n")
    monkeypatch.setattr(scope, "SCOPE", bad)
    with pytest.raises(IndexError_, match=r"'Bikin KTP' must be lowercase.*git checkout corpus/scope.toml"):
        Retriever.open(real_index_home)
