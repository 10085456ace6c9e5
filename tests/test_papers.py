"""Tests for ingest.papers: the two real papers from the corpus mirror plus tiny fixtures."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.model import Document
from ingest.papers import parse_paper, parse_paper_html, parse_paper_text
from tests.conftest import MIRROR

PAPERS = MIRROR / "papers"
HTML_PAPER = PAPERS / "kertha-wicara-2021-restoratif-justice-bullying.html"
TEXT_PAPER = PAPERS / "rekomendasi-penanganan-bullying.txt"

needs_html = pytest.mark.skipif(not HTML_PAPER.is_file(), reason=f"corpus mirror not available: {HTML_PAPER}")
needs_text = pytest.mark.skipif(not TEXT_PAPER.is_file(), reason=f"corpus mirror not available: {TEXT_PAPER}")


def all_paragraphs(doc: Document) -> list[str]:
    return [p for s in doc.sections for p in s.paragraphs]


def section(doc: Document, heading: str):
    return next(s for s in doc.sections if s.heading == heading)


# ------------------------------------------------------------------ the Kertha Wicara paper (HTML)


@pytest.fixture(scope="module")
def kw() -> Document:
    if not HTML_PAPER.is_file():
        pytest.skip(f"corpus mirror not available: {HTML_PAPER}")
    return parse_paper(HTML_PAPER)


@needs_html
def test_html_identity(kw: Document) -> None:
    assert kw.kind == "paper"
    assert kw.id == "kertha-wicara-2021-restoratif-justice-bullying"
    assert kw.title == ("Penerapan Restoratif Justice Dalam Penyelesaian Tindak Pidana Bullying "
                        "Pada Pelaku Anak Dibawah Umur")
    assert kw.authors == ["Luh Putu Ayu Catur Adriani", "I Wayan Bela Siki Layang"]
    assert kw.year == 2021 and kw.meta["year"] == 2021
    assert kw.meta["journal"] == "Jurnal Kertha Wicara"
    assert (kw.meta["volume"], kw.meta["issue"], kw.meta["pages"]) == ("10", "10", "844-854")
    assert kw.meta["doi"] == "KW.2021.v10.i10.p07"
    assert [a["email"] for a in kw.meta["affiliations"]] == ["Ayucatur32@yahoo.com", "belasikilayang@unud.ac.id"]
    assert kw.meta["keywords"] == ["Bullying", "Tindak Pidana Anak", "Restorative Justice"]
    assert len(kw.sha256 or "") == 64


@needs_html
def test_html_headings(kw: Document) -> None:
    assert [(s.heading, s.level) for s in kw.sections] == [
        ("ABSTRAK", 1),
        ("ABSTRACT", 1),
        ("I. PENDAHULUAN", 1),
        ("1.1 LATAR BELAKANG", 2),
        ("1.2 RUMUSAN MASALAH", 2),
        ("1.3 TUJUAN PENULISAN", 2),
        ("II. METODE PENELITIAN", 1),
        ("III. HASIL DAN PEMBAHAN", 1),  # sic: the paper's own typo
        ("3.1 Pengaturan Restoratif Justice di Indonesia", 2),
        ("3.2 Penerapan Restoratif Justice dalam Tindak Pidana Bullying yang Dilakukan "
         "Oleh Anak-anak Dibawah Umur", 2),
        ("IV. Kesimpulan", 1),
        ("DAFTAR PUSTAKA", 1),
        ("Buku :", 2),
        ("Jurnal:", 2),
        ("Peraturan Perundang-undangan", 2),
        ("Sumber Lain:", 2),
    ]
    assert kw.meta["references_heading"] == "DAFTAR PUSTAKA"


@needs_html
def test_html_metadata_lines_are_not_body_text(kw: Document) -> None:
    text = "\n".join(all_paragraphs(kw))
    assert "e-mail" not in text
    assert "DOI :" not in text
    assert "PENERAPAN RESTORATIF JUSTICE DALAM PENYELESAIAN TINDAK PIDANA BULLYING PADA PELAKU" not in section(
        kw, "ABSTRAK").paragraphs[0]
    # the page footer / running head is dropped everywhere
    assert "Jurnal Kertha Wicara Vol.10" not in text


@needs_html
def test_html_footnote_markers_removed_from_text(kw: Document) -> None:
    text = "\n".join(all_paragraphs(kw))
    # source: "... melalui online<sup>2</sup> Hal ini merupakan ..."
    assert "online2" not in text
    assert "baik secara langsung ataupun melalui online Hal ini merupakan tebentuknya" in text
    # source: "... just peace principles<sup>7</sup>. Alternative ..."
    assert "principles7" not in text
    assert "disebut sebagai just peace principles. Alternative Dispute Resolution" in text
    # source: "... menjalankan wanprestasi<sup>13</sup>. Munculnya ..."
    assert "wanprestasi13" not in text
    # source: "... agar mendapatkan efek jera.<sup>5</sup> Penelitian oleh ..."
    assert "jera.5" not in text and "efek jera. Penelitian oleh Monica Chrysan" in text
    assert "\ue000" not in text and "\ue001" not in text
    assert not re.search(r"[a-z][.”]?(?:1[0-5]|[1-9])\s+[A-Z]", text.replace("Pasal 76C", ""))


@needs_html
def test_html_footnotes_collected(kw: Document) -> None:
    # the file has 15 markers; the conversion dropped the footnote bodies, so texts are empty
    assert [f.marker for f in kw.footnotes] == [str(i) for i in range(1, 16)]
    assert all(f.text == "" for f in kw.footnotes)
    assert any("no footnote text found for marker(s) 1-15" in w for w in kw.warnings)
    refs = kw.meta["footnote_refs"]
    assert len(refs) == 15
    first = refs[0]
    assert kw.sections[first["section"]].heading == "1.1 LATAR BELAKANG"
    assert "sebuah hasrat untuk menyakiti" in kw.sections[first["section"]].paragraphs[first["paragraph"]]


@needs_html
def test_html_page_break_paragraphs_rejoined(kw: Document) -> None:
    paras = all_paragraphs(kw)
    # <p>... Dikutip dari Yuliatun</p> | page break | <p>(2017), secara etimologi ...</p>
    assert any(
        "antara lain adalah bullying. Dikutip dari Yuliatun (2017), secara etimologi kata bully berarti "
        "penggertak, orang yang mengganggu orang lemah." in p for p in paras
    )
    # "... proses percakapan antara korban" | "dengan pelaku ialah bekal dasar ..."
    assert any("proses percakapan antara korban dengan pelaku ialah bekal dasar" in p for p in paras)
    # list item e. ends with "dan"; its last line sits in a <p> after the list
    assert any(p.startswith("e. Dalam hal proses perdamaian tercapai") and p.endswith(
        "(PK Bapas, Peksos, Perwakilan Masyarakat) dan kesepakatan perdamaian dimasukkan kedalam "
        "pertimbangan putusan hakim demi kepentingan terbaik bagi anak.") for p in paras)
    assert not any(p.startswith(("(2017)", "dengan pelaku", "kesepakatan perdamaian", "mempunyai perhatian",
                                 "sekolah maupun")) for p in paras)
    kesimpulan = section(kw, "IV. Kesimpulan").paragraphs
    assert len(kesimpulan) == 1
    assert "atau mereka mempunyai perhatian yang tinggi" in kesimpulan[0]
    assert kw.meta["page_break_joins"] == 6


@needs_html
def test_html_does_not_overjoin(kw: Document) -> None:
    abstrak = section(kw, "ABSTRAK").paragraphs
    assert abstrak[0].endswith("Victim Offender Mediation, Conferencing, dan Circles")
    assert abstrak[1] == "Kata Kunci: Bullying, Tindak Pidana Anak, Restorative Justice"
    items = [p for p in section(kw, "3.2 Penerapan Restoratif Justice dalam Tindak Pidana Bullying yang "
                                     "Dilakukan Oleh Anak-anak Dibawah Umur").paragraphs]
    assert "b. Setiap penetapan diversi merupakan wujud keadilan restoratif" in items
    assert sum(len(s.paragraphs) for s in kw.sections) == 69
    # bibliography entries stay one per paragraph; the wrapped one is whole
    assert "Mediasi Penal: Penerapan Restorative Justice di Pengadilan Anak Indonesia, (Indi Publishing, " \
           "Bandung, 2011)." in section(kw, "Buku :").paragraphs[2]
    assert len(section(kw, "Sumber Lain:").paragraphs) == 3


@needs_html
def test_html_roundtrip(kw: Document) -> None:
    again = Document.from_dict(kw.to_dict())
    assert again.sections == kw.sections and again.footnotes == kw.footnotes


# ------------------------------------------------------------------ the recommendations text


@pytest.fixture(scope="module")
def rek() -> Document:
    if not TEXT_PAPER.is_file():
        pytest.skip(f"corpus mirror not available: {TEXT_PAPER}")
    return parse_paper(TEXT_PAPER)


@needs_text
def test_text_headings(rek: Document) -> None:
    assert rek.kind == "paper"
    assert rek.id == "rekomendasi-penanganan-bullying"
    assert rek.title == "Rekomendasi Penanganan Bullying"
    assert [s.heading for s in rek.sections] == [
        "",
        "Peningkatan Kerja Sama dengan Komisi Perlindungan Anak Indonesia (KPAI)",
        "Peran Pemerintah",
        "Konseling wajib bagi pelaku",
        "Sanksi sosial",
        "Pengawasan media sosial",
    ]
    assert all(len(s.paragraphs) == 1 for s in rek.sections)
    assert rek.sections[0].paragraphs[0].startswith("Korban perlu mendapatkan pendampingan psikologis")


@needs_text
def test_text_kept_verbatim_with_repeat_reported(rek: Document) -> None:
    repeated = ("Pendampingan psikologis membantu korban mengatasi trauma dengan memberikan dukungan "
                "emosional dan membangun kembali rasa aman.")
    assert rek.sections[0].paragraphs[0].count(repeated) == 2
    assert any("repeated verbatim" in w and repeated in w for w in rek.warnings)
    assert rek.meta["repeated_sentences"][0]["sentence"] == repeated
    assert "konten neatif dapat diblokir" in rek.sections[-1].paragraphs[0]
    assert rek.footnotes == []


# ------------------------------------------------------------------ fixtures


def test_text_without_headings(tmp_path: Path) -> None:
    f = tmp_path / "catatan.txt"
    f.write_text("Ini kalimat pertama yang cukup panjang.\nIni kalimat kedua yang juga panjang.\n", encoding="utf-8")
    doc = parse_paper_text(f)
    assert len(doc.sections) == 1 and doc.sections[0].heading == ""
    assert doc.sections[0].paragraphs == ["Ini kalimat pertama yang cukup panjang.",
                                          "Ini kalimat kedua yang juga panjang."]
    assert any("no headings" in w for w in doc.warnings)


def test_text_blank_line_blocks_and_hard_wraps(tmp_path: Path) -> None:
    f = tmp_path / "wrapped.txt"
    f.write_text("Judul Bagian\n\nBaris pertama paragraf\nberlanjut di sini.\n\nParagraf kedua.\n",
                 encoding="utf-8")
    doc = parse_paper(f, doc_id="x")
    assert doc.id == "x"
    assert [(s.heading, s.paragraphs) for s in doc.sections] == [
        ("Judul Bagian", ["Baris pertama paragraf berlanjut di sini.", "Paragraf kedua."])]


def test_cp1252_text(tmp_path: Path) -> None:
    f = tmp_path / "legacy.txt"
    f.write_bytes("Peran Sekolah\nGuru harus \u201cwaspada\u201d \u2013 selalu.\n".encode("cp1252"))
    doc = parse_paper(f)
    assert doc.meta["encoding"] == "cp1252"
    assert any("cp1252" in w for w in doc.warnings)
    assert doc.sections[0].heading == "Peran Sekolah"
    assert doc.sections[0].paragraphs == ["Guru harus \u201cwaspada\u201d \u2013 selalu."]


def test_empty_file_raises(tmp_path: Path) -> None:
    f = tmp_path / "kosong.txt"
    f.write_bytes(b"")
    with pytest.raises(ValueError, match="kosong.txt"):
        parse_paper(f)
    g = tmp_path / "kosong.html"
    g.write_text("  \n", encoding="utf-8")
    with pytest.raises(ValueError, match="kosong.html"):
        parse_paper(g)


def test_undecodable_bytes_raise(tmp_path: Path) -> None:
    f = tmp_path / "rusak.txt"
    f.write_bytes(b"Teks \x81\x8d\x90 rusak")  # invalid UTF-8 and undefined in cp1252
    with pytest.raises(ValueError, match="rusak.txt.*undecodable"):
        parse_paper(f)


def test_unsupported_suffix(tmp_path: Path) -> None:
    f = tmp_path / "paper.docx"
    f.write_bytes(b"PK")
    with pytest.raises(ValueError, match="paper.docx"):
        parse_paper(f)


def test_html_without_headings(tmp_path: Path) -> None:
    f = tmp_path / "plain.html"
    f.write_text("<html><head><title>Catatan</title></head><body><p>Satu kalimat.</p><p>Dua kalimat.</p>"
                 "</body></html>", encoding="utf-8")
    doc = parse_paper_html(f)
    assert doc.title == "Catatan"
    assert [(s.heading, s.paragraphs) for s in doc.sections] == [("", ["Satu kalimat.", "Dua kalimat."])]
    assert any("no headings" in w for w in doc.warnings)


def test_html_footnote_bodies_page_breaks_and_running_heads(tmp_path: Path) -> None:
    f = tmp_path / "mini.html"
    f.write_text(
        '---\ntitle: "Mini Paper"\nauthor: "Ani Siregar, Budi Santoso"\n---\n'
        "<h2>I. PENDAHULUAN</h2>"
        "<p>Anak berhak atas perlindungan<sup>1</sup> dari kekerasan yang terjadi di</p>"
        "<p>Jurnal Contoh Vol. 3 No. 2 Tahun 2020, hlm. 10-20</p>"
        "<p>12</p>"
        "<p>lingkungan sekolah.<sup>2</sup></p>"
        "<p>Paragraf baru dimulai di sini.<sup>3</sup></p>"
        "<p><sup>1</sup> Ani, Buku Satu, 2019.</p>"
        "<p><sup>2</sup> Budi, Buku Dua, 2018.</p>",
        encoding="utf-8",
    )
    doc = parse_paper(f)
    assert doc.title == "Mini Paper" and doc.authors == ["Ani Siregar", "Budi Santoso"]
    assert doc.sections[0].heading == "I. PENDAHULUAN"
    assert doc.sections[0].paragraphs == [
        "Anak berhak atas perlindungan dari kekerasan yang terjadi di lingkungan sekolah.",
        "Paragraf baru dimulai di sini.",
    ]
    assert [(n.marker, n.text) for n in doc.footnotes] == [
        ("1", "Ani, Buku Satu, 2019."), ("2", "Budi, Buku Dua, 2018."), ("3", "")]
    assert doc.meta["journal"] == "Jurnal Contoh" and doc.year == 2020
    assert any("marker(s) 3" in w for w in doc.warnings)
