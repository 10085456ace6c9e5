"""The Streamlit app (AppTest, no browser) and the escaping/highlighting helpers of index/present.py.

App tests that need the real index use the one at the default data home and are skipped when it
has not been built (`make index` / `lentera build`).
"""
from __future__ import annotations

import html
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from index.present import (
    ayat_blocks_html,
    ayat_containing,
    breadcrumb,
    diff_html,
    doc_label,
    escape_html,
    escape_markdown,
    export_markdown,
    highlight_html,
    legal_citation,
    matched_terms,
    printable_text,
    question_terms,
    version_label,
    word_matches,
)

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
TIMEOUT = 60

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[klik](javascript:alert(1))",
    "![x](http://evil.example/x.png)",
    "**tebal** _miring_ `kode` ~~coret~~",
    "$\\frac{1}{2}$ :red[merah] :smile: :material/home:",
    "# judul\n- daftar\n> kutipan\n1. nomor",
    "&lt;b&gt; &amp; &#60;script&#62;",
    '" onmouseover="alert(1)',
    "<mark>palsu</mark></div><div>",
]


# ======================================================================== present: escaping
def _no_raw_tags(s: str) -> bool:
    """No tag other than the ones we add (<mark>, <del>, <ins>, our divs/spans)."""
    tags = re.findall(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9]*)", s)
    return all(t.lower() in {"mark", "del", "ins", "div", "span"} for t in tags)


@pytest.mark.parametrize("s", HOSTILE)
def test_escape_html_round_trips_and_has_no_tags(s):
    out = escape_html(s)
    assert "<" not in out and ">" not in out and '"' not in out
    assert html.unescape(out) == s


def test_escape_html_none_and_objects():
    assert escape_html(None) == ""
    assert escape_html(42) == "42"


@pytest.mark.parametrize("s", HOSTILE)
def test_escape_markdown_escapes_every_special_character(s):
    out = escape_markdown(s)
    # every ASCII punctuation character is preceded by a backslash
    i = 0
    while i < len(out):
        ch = out[i]
        if ch == "\\":
            assert i + 1 < len(out) and not out[i + 1].isalnum(), out
            i += 2
            continue
        assert ch.isalnum() or ch.isspace() or ch == "\u200b" or ord(ch) > 127, (ch, out)
        i += 1
    # removing the escapes (and the emoji breakers) gives the text back
    assert re.sub(r"\\(.)", r"\1", out, flags=re.S).replace("\u200b", "") == s


def test_escape_markdown_disarms_links_and_html():
    out = escape_markdown("[klik](javascript:alert(1)) <script>")
    assert "](" not in out.replace("\\]\\(", "")
    assert out.startswith("\\[klik\\]\\(javascript\\:")
    assert "\\<script\\>" in out


def test_escape_markdown_breaks_emoji_shortcodes():
    out = escape_markdown(":smile: dan :red[x]")
    assert ":smile" not in out.replace("\\", "")  # a zero-width space sits after the colon
    assert "\\:" in out


def test_escape_markdown_inline_folds_newlines():
    assert "\n" not in escape_markdown("a\n# b\n\nc", inline=True)
    assert escape_markdown("a\nb") == "a\nb"


def test_escape_markdown_keeps_plain_legal_text_readable():
    assert escape_markdown("Pasal 7 ayat (2)") == "Pasal 7 ayat \\(2\\)"
    assert escape_markdown("Rp72.000.000,00") == "Rp72\\.000\\.000\\,00"


# ======================================================================== present: highlighting
def test_highlight_marks_whole_words_case_insensitively():
    out = highlight_html("Setiap Orang dilarang melakukan Kekerasan terhadap Anak.", ["kekerasan", "anak"])
    assert out == "Setiap Orang dilarang melakukan <mark>Kekerasan</mark> terhadap <mark>Anak</mark>."


def test_highlight_catches_suffixes_of_long_terms_only():
    assert word_matches("Kekerasannya", ["kekerasan"])
    assert not word_matches("anaknya", ["anak"])  # short terms must match exactly
    assert not word_matches("kekerasan", ["kekerasannya"])


@pytest.mark.parametrize("s", HOSTILE)
def test_highlight_escapes_hostile_text(s):
    out = highlight_html(s, ["script", "alert", "img", "klik", "mark", "div", "amp", "lt"])
    assert _no_raw_tags(out.replace("<mark>", "").replace("</mark>", "")) and "<script" not in out
    assert "<img" not in out and 'onerror="' not in out
    # stripping our marks and unescaping gives exactly the original text
    assert html.unescape(out.replace("<mark>", "").replace("</mark>", "")) == s


def test_highlight_never_lands_inside_an_entity():
    out = highlight_html("a < b & c", ["lt", "amp", "gt"])
    assert out == "a &lt; b &amp; c"


@pytest.mark.parametrize("terms", [["<script>"], ['"><img src=x>'], ["mark>"], [""], []])
def test_hostile_terms_add_no_markup(terms):
    out = highlight_html("teks <biasa> dengan script", terms)
    assert html.unescape(re.sub(r"</?mark>", "", out)) == "teks <biasa> dengan script"
    assert "<biasa>" not in out


def test_highlight_empty():
    assert highlight_html("", ["a"]) == ""
    assert highlight_html("x < y", []) == "x &lt; y"


def test_question_terms_expand_lay_words_and_drop_stopwords():
    terms = question_terms("anak 13 tahun membully temannya, sanksinya apa?")
    assert "anak" in terms and "kekerasan" in terms and "membully" in terms
    assert "apa" not in terms
    assert len(terms) == len(set(terms))
    assert question_terms("") == []


def test_matched_terms():
    assert matched_terms("Kekerasan terhadap Anak", ["anak", "diversi", "kekerasan"]) == ["anak", "kekerasan"]


# ======================================================================== present: articles, diffs, exports
def test_ayat_blocks_emphasise_one_ayat_and_escape():
    out = ayat_blocks_html([("1", "(1) satu <b>"), ("2", "(2) dua Anak")], "", emphasise="2", terms=["anak"])
    assert out.count('class="lt-ayat"') == 1 and out.count('class="lt-ayat lt-hit"') == 1
    assert "&lt;b&gt;" in out and "<b>" not in out
    assert "<mark>Anak</mark>" in out
    assert "(2) dua" in out.split("lt-hit")[1]


def test_ayat_blocks_without_ayat_uses_article_text():
    out = ayat_blocks_html([], "Setiap <Orang>", emphasise=None)
    assert out == '<div class="lt-ayat">Setiap &lt;Orang&gt;</div>'


def test_ayat_containing_finds_the_quoted_ayat():
    ayat = [("1", "(1) Penangkapan terhadap Anak\n paling lama 24 jam."), ("2", "(2) Anak yang ditangkap wajib ditempatkan.")]
    assert ayat_containing(ayat, "(1) Penangkapan terhadap Anak paling lama 24 jam.") == "1"
    assert ayat_containing(ayat, "Anak yang ditangkap wajib ditempatkan.") == "2"
    assert ayat_containing(ayat, "tidak ada") is None
    assert ayat_containing(ayat, "") is None
    assert ayat_containing([], "apa saja") is None


def test_diff_marks_removed_and_added_words_escaped():
    old, new = diff_html("pidana penjara paling lama 3 tahun <x>", "pidana penjara paling lama 5 tahun <x>")
    assert "<del>3</del>" in old and "<ins>5</ins>" in new
    assert "&lt;x&gt;" in old and "&lt;x&gt;" in new
    assert "<x>" not in old + new
    assert diff_html("sama", "sama") == ("sama", "sama")


def test_breadcrumb_and_labels():
    assert breadcrumb(["BAB II DIVERSI", "", "Bagian Kesatu"]) == "BAB II DIVERSI › Bagian Kesatu"
    assert version_label("UU 35/2014", "diubah", "2014") == "Diubah — UU 35/2014 (2014)"
    assert version_label("UU 23/2002", "asli", None) == "Rumusan asli — UU 23/2002"
    assert doc_label("UU 11/2012", "Undang-Undang " * 20, 40).endswith("…")
    assert len(doc_label("UU 11/2012", "Undang-Undang " * 20, 40)) == 40


def test_legal_citation_forms():
    assert legal_citation("UU 11/2012", "7", "2") == "Pasal 7 ayat (2) Undang-Undang Nomor 11 Tahun 2012"
    assert (
        legal_citation("UU 11/2012", "7", None, "Undang-Undang Nomor 11 Tahun 2012 tentang Sistem Peradilan Pidana Anak")
        == "Pasal 7 Undang-Undang Nomor 11 Tahun 2012 tentang Sistem Peradilan Pidana Anak"
    )
    assert legal_citation("KUHP", "310", None) == "Pasal 310 Kitab Undang-Undang Hukum Pidana"
    assert legal_citation("kajian-x", None, None, "Judul Kajian") == "Judul Kajian"


def _fake_answer(weak=False):
    from index.answer import Answer, Quote
    from index.retrieve import SearchResult

    p = SimpleNamespace(
        rank=1, doc="UU 11/2012", pasal="7", ayat="1", citation="UU 11/2012 Pasal 7 ayat (1)",
        text="(1) Pada tingkat penyidikan ... wajib diupayakan Diversi.",
        doc_title="Undang-Undang Nomor 11 Tahun 2012 tentang Sistem Peradilan Pidana Anak",
        reasons=[], score=1.0,
    )
    res = SearchResult("apa itu diversi?", [p], weak=weak)
    return Answer("apa itu diversi?", [Quote(1, p.citation, "wajib diupayakan Diversi.")], res)


def test_export_markdown_has_legal_citations():
    md = export_markdown(_fake_answer())
    assert md.startswith("**Pertanyaan:** apa itu diversi?")
    assert "Pasal 7 ayat (1) Undang-Undang Nomor 11 Tahun 2012 tentang Sistem Peradilan Pidana Anak" in md
    assert "[1] UU 11/2012 Pasal 7 ayat (1)" in md


def test_printable_text_plain_and_weak():
    txt = printable_text(_fake_answer())
    assert "[1] Pasal 7 ayat (1) Undang-Undang Nomor 11 Tahun 2012" in txt and "<" not in txt
    weak = printable_text(_fake_answer(weak=True))
    assert "Bukti dalam korpus lemah" in weak


# ======================================================================== the app (AppTest)
def _index_home() -> Path:
    from index.store import current_version
    from ingest.corpus import data_home

    home = data_home()
    if current_version(home) is None:
        pytest.skip(f"no index in {home}; build it with `make index` or `lentera build`")
    return home


@pytest.fixture
def app(monkeypatch):
    from streamlit.testing.v1 import AppTest

    home = _index_home()
    monkeypatch.setenv("LENTERA_HOME", str(home))
    return AppTest.from_file(APP, default_timeout=TIMEOUT)


def _html(at) -> str:
    return "\n".join(h.value for h in at.html)


def _all_text(at) -> str:
    parts = [_html(at)]
    for kind in ("markdown", "caption", "text", "error", "warning", "info", "code"):
        parts += [str(e.value) for e in getattr(at, kind)]
    return "\n".join(parts)


def test_app_starts_in_tanya_mode(app):
    at = app.run()
    assert not at.exception
    assert at.title[0].value == "Tanya"
    assert at.radio(key="mode").value == "Tanya"
    labels = [b.label for b in at.button]
    assert any("berapa lama anak boleh ditahan" in label for label in labels)


def test_ask_shows_answer_with_citations(app):
    at = app.run()
    at.text_input(key="question").input("anak 13 tahun membully temannya, sanksinya apa?").run()
    assert not at.exception
    page = _html(at)
    assert re.search(r"\[1\]</span>.*?(UU \d+/\d{4}|KUHP) Pasal \d+", page, re.S), page[:2000]
    assert "<mark>" in page  # the question's words are highlighted
    assert any("Baca pasal lengkap" in e.label for e in at.expander)
    assert at.download_button[0].label.startswith("Unduh jawaban")
    assert at.query_params["q"] in ("anak 13 tahun membully temannya, sanksinya apa?", ["anak 13 tahun membully temannya, sanksinya apa?"])


def test_direct_citation_brings_its_sanction_with_reason_badges(app):
    at = app.run()
    at.text_input(key="question").input("pasal 76C UU 35/2014").run()
    badges = [m.value for m in at.markdown if "-badge[" in m.value]
    assert any("kutipan langsung" in b for b in badges)
    assert any("sanksi atas Pasal 76C" in b for b in badges)
    assert "UU 35/2014 Pasal 80" in _html(at)


def test_example_button_fills_question(app):
    at = app.run()
    btn = next(b for b in at.button if "apa itu diversi" in b.label)
    btn.click().run()
    assert at.text_input(key="question").value == "apa itu diversi?"
    assert "Diversi" in _html(at)


def test_question_from_link(app):
    app.query_params["q"] = "berapa lama anak boleh ditahan?"
    at = app.run()
    assert at.text_input(key="question").value == "berapa lama anak boleh ditahan?"
    assert re.search(r"UU 11/2012 Pasal \d+", _html(at))


def test_weak_evidence_warning(app):
    at = app.run()
    at.text_input(key="question").input("xyzzy qwerty").run()
    assert not at.exception
    assert any("Bukti lemah" in w.value for w in at.warning)


def test_outside_corpus_warning_names_the_governing_law(app):
    at = app.run()
    at.text_input(key="question").input("syarat bikin KIA anak").run()
    assert not at.exception
    assert any("Di luar korpus" in w.value and "Permendagri" in w.value for w in at.warning)


def test_printable_view(app):
    at = app.run()
    at.text_input(key="question").input("apa itu diversi?").run()
    at.toggle(key="print_view").set_value(True).run()
    text = "\n".join(t.value for t in at.text)
    assert text.startswith("Pertanyaan: apa itu diversi?")
    assert re.search(r"\[1\] Pasal \d+", text) and "Nomor" in text


def test_hostile_question_is_inert(app):
    at = app.run()
    at.text_input(key="question").input('<img src=x onerror=alert(1)> [klik](javascript:alert(1))').run()
    assert not at.exception
    page = _html(at)
    assert "<img" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_filters_restrict_documents(app):
    at = app.run()
    at.multiselect(key="filter_docs").set_value(["KUHP"]).run()
    at.text_input(key="question").input("penganiayaan").run()
    page = _html(at)
    cites = re.findall(r'lt-citation">([^<]+)<', page)
    assert cites and all(c.startswith("KUHP") for c in cites), cites


def test_cari_pasal_shows_article(app):
    at = app.run()
    at.radio(key="mode").set_value("Cari Pasal").run()
    at.text_input(key="pasal_query").input("pasal 76c uu 35/2014").run()
    assert not at.exception
    page = _html(at)
    assert (
        "Setiap Orang dilarang menempatkan, membiarkan, melakukan, menyuruh melakukan, "
        "atau turut serta melakukan Kekerasan terhadap Anak" in page
    )
    assert "UU 35/2014 Pasal 76C" in page
    # Pasal 80 punishes 76C: a "Dirujuk oleh" button opens it
    ref = next(b for b in at.button if "Pasal 80" in b.label)
    ref.click().run()
    assert at.text_input(key="pasal_query").value == "UU 35/2014 Pasal 80"
    assert "dipidana dengan pidana penjara" in _html(at)


def test_cari_pasal_spellings(app):
    at = app.run()
    at.radio(key="mode").set_value("Cari Pasal").run()
    for spelling, cite in [("Pasal 7 UU No. 11 Tahun 2012", "UU 11/2012 Pasal 7"), ("310 KUHP", "KUHP Pasal 310")]:
        at.text_input(key="pasal_query").input(spelling).run()
        assert cite in _html(at), spelling


def test_cari_pasal_amended_article_shows_history(app):
    at = app.run()
    at.radio(key="mode").set_value("Cari Pasal").run()
    at.text_input(key="pasal_query").input("pasal 80 uu 23/2002").run()
    assert not at.exception
    assert any("Riwayat perubahan" in m.value for m in at.markdown)
    assert "<del>" in _html(at) and "<ins>" in _html(at)


def test_cari_pasal_unknown_citation(app):
    at = app.run()
    at.radio(key="mode").set_value("Cari Pasal").run()
    at.text_input(key="pasal_query").input("pasal 999 uu 11/2012").run()
    assert not at.exception
    assert at.error and "tidak memuat Pasal 999" in at.error[0].value.replace("\\", "")
    at.text_input(key="pasal_query").input("UU 99/2099 pasal 1").run()
    assert "tidak ada dalam korpus" in at.error[0].value.replace("\\", "")


def test_switching_modes_keeps_what_was_typed(app):
    at = app.run()
    at.text_input(key="question").input("apa itu diversi?").run()
    at.radio(key="mode").set_value("Cari Pasal").run()
    at.text_input(key="pasal_query").input("310 KUHP").run()
    at.radio(key="mode").set_value("Tanya").run()
    assert at.text_input(key="question").value == "apa itu diversi?"
    at.radio(key="mode").set_value("Cari Pasal").run()
    assert at.text_input(key="pasal_query").value == "310 KUHP"
    assert "KUHP Pasal 310" in _html(at)


def test_telusuri_toc_and_article(app):
    at = app.run()
    at.radio(key="mode").set_value("Telusuri").run()
    at.selectbox(key="browse_doc").set_value("UU 11/2012").run()
    assert not at.exception
    assert "BAB I" in _html(at)
    assert "UU 11/2012 Pasal 1<" in _html(at)  # the first pasal is shown at once
    at.selectbox(key="bab-UU 11/2012").set_value(1).run()  # BAB II DIVERSI
    at.pills(key="pasal-UU 11/2012").set_value("7").run()
    assert "UU 11/2012 Pasal 7<" in _html(at)
    assert "Diversi" in _html(at)
    at.selectbox(key="jump-UU 11/2012").set_value("81").run()
    assert at.selectbox(key="bab-UU 11/2012").value == 4  # BAB V PIDANA DAN TINDAKAN
    assert "UU 11/2012 Pasal 81<" in _html(at)
    assert at.query_params["pasal"] in ("81", ["81"])


def test_no_index_message(monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("LENTERA_HOME", str(tmp_path))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert "Indeks belum tersedia" in at.error[0].value
    codes = [c.value for c in at.code]
    assert "make run" in codes and "lentera build" in codes


# ======================================================================== a hostile corpus, end to end
EVIL = "<script>alert(1)</script> <img src=x onerror=alert(1)> [klik](javascript:alert(1)) **tebal** $x$ :red[merah]"


def _hostile_retriever(home: Path):
    """A two-article act whose title, headings, text and Penjelasan all carry markup, in a tiny index."""
    import faiss
    import numpy as np

    from index.lexical import BM25Index
    from index.retrieve import Retriever
    from index.store import LoadedIndex
    from ingest.model import Ayat, Chunk, Document, Pasal

    title = "Undang-Undang Jahil " + EVIL
    bab = "BAB I " + EVIL
    ayat = [Ayat("1", "(1) Setiap Anak berhak atas diversi " + EVIL), Ayat("2", "(2) Setiap Orang dilarang melakukan Kekerasan terhadap Anak.")]
    p1 = Pasal("1", "\n".join(a.text for a in ayat), ayat=ayat, bab=bab, penjelasan="Penjelasan " + EVIL)
    p2 = Pasal("2", "Setiap Orang yang melanggar ketentuan sebagaimana dimaksud dalam Pasal 1, dipidana dengan pidana penjara.", bab=bab)
    doc = Document(id="UU 99/2099", title=title, kind="UU", number="99", year=2099, pasal=[p1, p2])
    chunks = [
        Chunk("UU 99/2099|1|1|", doc.id, "1", "1", "UU 99/2099 Pasal 1 ayat (1)", [bab], ayat[0].text, "ayat", title, "UU"),
        Chunk("UU 99/2099|1|2|", doc.id, "1", "2", "UU 99/2099 Pasal 1 ayat (2)", [bab], ayat[1].text, "ayat", title, "UU"),
        Chunk("UU 99/2099|2||", doc.id, "2", None, "UU 99/2099 Pasal 2", [bab], p2.text, "pasal", title, "UU"),
    ]
    bm = BM25Index()
    bm.index([c.text for c in chunks])
    fi = faiss.IndexFlatIP(4)
    fi.add(np.eye(len(chunks), 4, dtype=np.float32))

    class Embedder:
        name = "fake"

        def encode(self, text, prompt_name=None):
            return np.full(4, 0.5, dtype=np.float32)

    idx = LoadedIndex(home / "index" / "v-test", {"version": "v-test", "model": "fake"}, chunks, {doc.id: doc}, fi, bm)
    return Retriever(idx, Embedder())


@pytest.fixture
def hostile_app(monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest

    from index.retrieve import Retriever

    (tmp_path / "index" / "v-test").mkdir(parents=True)
    (tmp_path / "index" / "v-test" / "complete").write_text("1")
    (tmp_path / "index" / "CURRENT").write_text("v-test")
    fake = _hostile_retriever(tmp_path)
    monkeypatch.setattr(Retriever, "open", classmethod(lambda cls, home, model=None: fake))
    monkeypatch.setenv("LENTERA_HOME", str(tmp_path))
    return AppTest.from_file(APP, default_timeout=TIMEOUT)


def _assert_inert(at) -> None:
    """No markup of the corpus reached the page: HTML only as escaped text, Markdown only escaped."""
    assert not at.exception
    page = _html(at)
    assert "alert(1)" in page  # the text is there ...
    for bad in ("<script>alert", "<img", "onerror=alert(1)>", "<a ", "javascript:alert(1))</a>"):
        assert bad not in page, bad  # ... but never as markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    md_like = [str(e.value) for kind in ("markdown", "caption", "error", "info", "warning") for e in getattr(at, kind)]
    md_like += [b.label for b in at.button] + [e.label for e in at.expander]
    for s in md_like:
        assert "[klik](" not in s and "<script>" not in s and "**tebal**" not in s and ":red[" not in s, s


def test_hostile_corpus_is_inert_in_tanya(hostile_app):
    at = hostile_app.run()
    at.text_input(key="question").input("hak anak atas diversi").run()
    assert "UU 99/2099 Pasal 1" in _html(at)
    _assert_inert(at)
    assert "Penjelasan &lt;script&gt;" in _html(at)  # the expander's full article and Penjelasan
    at.toggle(key="print_view").set_value(True).run()
    assert EVIL in at.text[0].value  # st.text shows it verbatim, which is inert


def test_hostile_corpus_is_inert_in_cari_pasal_and_telusuri(hostile_app):
    at = hostile_app.run()
    at.radio(key="mode").set_value("Cari Pasal").run()
    at.text_input(key="pasal_query").input("UU 99/2099 pasal 1 ayat 1").run()
    _assert_inert(at)
    assert 'lt-ayat lt-hit">(1) Setiap Anak berhak' in _html(at)
    at.text_input(key="pasal_query").input("pasal 5 " + EVIL + " uu 99/2099").run()
    _assert_inert_errors(at)
    at.radio(key="mode").set_value("Telusuri").run()
    _assert_inert(at)
    assert "BAB I &lt;script&gt;" in _html(at)


def _assert_inert_errors(at) -> None:
    assert not at.exception
    for e in at.error:
        assert "<script>" not in e.value and "[klik](" not in e.value


def test_citation_checker_mode_and_as_of_date(app):
    import datetime as dt

    at = app.run()
    at.radio(key="mode").set_value("Periksa Kutipan").run()
    at.text_area(key="check_text").set_value("Menurut Pasal 310 KUHP dan Pasal 500 UU 11/2012, anak dilindungi.").run()
    assert not at.exception
    md = " ".join(m.value for m in at.markdown)
    assert "KUHP Pasal 310" in md and "Pasal 500** — pasal tidak ada" in md
    assert any("Pasal 433" in w.value for w in at.warning)
    at.checkbox(key="use_as_of").check().run()
    at.date_input(key="as_of").set_value(dt.date(2021, 6, 1)).run()
    assert not at.exception
    assert not any("Pasal 433" in w.value for w in at.warning)


def test_answer_shows_age_notes_and_in_force_warnings(app):
    at = app.run()
    at.text_input(key="question").input("polisi boleh nahan anak umur 13 tahun?").run()
    assert not at.exception
    infos = [str(e.value) for e in at.info]
    assert any("TIDAK mencakup umur 13 tahun" in i for i in infos), infos
    assert any("Pertanyaan dibaca sebagai: anak berumur 13 tahun" in str(c.value) for c in at.caption)
    assert any(str(c.value).startswith("Umur: ") for c in at.caption)
    at.text_input(key="question").input("pasal 310 KUHP").run()
    warnings = " ".join(str(e.value) for e in at.warning)
    assert "tidak berlaku lagi" in warnings and "433" in warnings, warnings
