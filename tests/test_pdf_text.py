"""ingest.pdf_text: statute PDFs -> clean logical lines.

The real-file tests read the read-only corpus mirror ($LENTERA_MIRROR, else ../shared/corpus next to the
repository); they are skipped where it is absent. Each real PDF is extracted once per module (KUHP takes a few seconds).
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from ingest.pdf_text import (
    PdfProblem,
    _fix_heading_sequence,
    _fix_line,
    classify_pdf,
    dehyphenate,
    extract_pdf_text,
    join_lines,
)
from tests.conftest import STATUTES  # honours LENTERA_MIRROR, like the other integration tests

HEADING = re.compile(r"^Pasal (\d+[A-Z]?)$")


def _statute(name: str) -> Path:
    path = STATUTES / name
    if not path.is_file():
        pytest.skip(f"corpus mirror not available: {path} (set LENTERA_MIRROR, or put the mirror at ../shared/corpus)")
    return path


_cache: dict[str, str] = {}


def _text(name: str) -> str:
    if name not in _cache:
        _cache[name] = extract_pdf_text(_statute(name))
    return _cache[name]


def _lines(name: str) -> list[str]:
    return _text(name).splitlines()


def _headings(lines: list[str]) -> list[str]:
    return [m.group(1) for m in map(HEADING.match, lines) if m]


def _batang_tubuh(lines: list[str]) -> list[str]:
    """Lines before the Penjelasan."""
    return lines[: lines.index("PENJELASAN")]


def _amending_articles(lines: list[str]) -> list[str]:
    """Article headings inside "Pasal I" of an amending act (before "Pasal II")."""
    body = _batang_tubuh(lines)
    return _headings(body[body.index("Pasal I") + 1 : body.index("Pasal II")])


# ---------------------------------------------------------------------------------------------
# Real statutes


def test_kuhp_has_every_article_1_to_569():
    lines = _lines("kuhp.pdf")
    numbers = {int(re.match(r"\d+", n).group()) for n in _headings(lines)}
    # The source repealed 498 and 499 together under one heading "Pasal 498 dan 499".
    assert "Pasal 498 dan 499" in lines
    numbers |= {498, 499}
    assert set(range(1, 570)) - numbers == set()
    # "Pasal 37l" is typed with a letter l; "Pasal 479l" really is article 479 letter l.
    assert "Pasal 371" in lines and "Pasal 37l" not in lines
    assert "Pasal 479l" in lines and "Pasal 479 k" in lines


def test_kuhp_page_furniture_and_word_splits_are_gone():
    text = _text("kuhp.pdf")
    for furniture in ("Biro Hukum dan Humas", "Badan Urusan Administrasi", "Mahkamah Agung-RI", "/g3", "-----"):
        assert furniture not in text
    lines = text.splitlines()
    # a run break inside a word ("perundang-undang" + "an") must not leave a line break or a space
    assert "Ketentuan pidana dalam perundang-undangan Indonesia diterapkan bagi setiap orang" in text
    assert "berdasarkan pasal-pasal 104" in text
    # a heading with an editorial note keeps the note on its own line
    i = lines.index("Pasal 188")
    assert lines[i + 1] == "( L.N. 1960 - 1)"
    # wrapped BAB titles become one line, "Bab IX" is normalised
    assert "KEJAHATAN-KEJAHATAN TERHADAP NEGARA SAHABAT DAN TERHADAP KEPALA NEGARA SAHABAT SERTA WAKILNYA" in lines
    assert "BAB IX" in lines and "Bab IX" not in lines


def test_kuhp_ayat_and_items_are_one_line_each():
    lines = _lines("kuhp.pdf")
    i = lines.index("Pasal 10")
    assert lines[i + 1 : i + 4] == ["Pidana terdirl atas:", "a. pidana pokok:", "1. pidana mati;"]
    i = lines.index("Pasal 1")
    assert lines[i + 1].startswith("(1) Suatu perbuatan tidak dapat dipidana")
    assert lines[i + 2].startswith("(2) Bilamana ada perubahan")
    assert lines[i + 2].endswith("paling menguntungkannya.")


def test_uu_11_2008_articles_penjelasan_and_clean_words():
    lines = _lines("uu-11-2008.pdf")
    body = _batang_tubuh(lines)
    assert _headings(body) == [str(n) for n in range(1, 55)]
    assert "PENJELASAN" in lines and "I. UMUM" in lines and "II. PASAL DEMI PASAL" in lines
    assert _headings(lines[lines.index("II. PASAL DEMI PASAL") :])[:3] == ["1", "2", "3"]
    for furniture in ("PRESIDEN", "REPUBLIK INDONESIA", "- 2 -", "- 25 -"):
        assert furniture not in lines
    text = "\n".join(lines)
    assert ". . ." not in text  # catchwords ("Sistem . . .") at page ends
    # justified text: plain pypdf extraction would give "meny ebabkan" / "Info rmasi"
    assert "telah menyebabkan perubahan" in text and "meny ebabkan" not in text
    # an ayat reference wrapped before its number stays inside the ayat
    i = lines.index("Pasal 45")
    assert "ayat (3), atau ayat (4) dipidana" in lines[i + 1]
    assert lines[i + 2].startswith("(2) ")


def test_uu_19_2016_amended_articles():
    lines = _lines("uu-19-2016.pdf")
    assert _amending_articles(lines) == ["1", "26", "31", "40", "43", "45", "45A", "45B"]
    # Pasal 5 and 27 only get a new Penjelasan
    penjelasan = _headings(lines[lines.index("PENJELASAN") :])
    assert {"1", "5", "26", "27", "31", "40", "43", "45", "45A"} <= set(penjelasan)
    text = "\n".join(lines)
    assert "NOMOR 11 TAHUN 2008" in text and "I1 TAHUN 2OO8" not in text
    assert "Pasal 3 1" not in text and "PRES IDEN" not in text
    assert "2. Transaksi Elektronik adalah" in text and "17. Kontrak Elektronik" in text


def test_uu_1_2024_amended_articles():
    lines = _lines("uu-1-2024.pdf")
    expected = "5 13 13A 16A 16B 17 18A 27 27A 27B 28 29 36 40 40A 43 45 45A 45B".split()
    assert _amending_articles(lines) == expected
    penjelasan = _headings(lines[lines.index("PENJELASAN") :])
    assert set(expected) | {"15"} <= set(penjelasan)
    text = "\n".join(lines)
    assert "SK No" not in text
    i = lines.index("Pasal 43")
    assert [line[:4] for line in lines[i + 1 : i + 6]] == ["(1) ", "(2) ", "(3) ", "(4) ", "(5) "]


def test_classify_real_files():
    assert classify_pdf(_statute("uu-11-2008.pdf")) == "born-digital"
    assert classify_pdf(_statute("uu-19-2016.pdf")) == "scanned-ocr"


# ---------------------------------------------------------------------------------------------
# Helpers on tiny strings


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("dalam rangka perlin-", "dungan anak", "dalam rangka perlindungan anak"),
        ("peraturan perundang-", "undangan.", "peraturan perundang-undangan."),
        ("dengan Undang-", "Undang ini", "dengan Undang-Undang ini"),
        ("hal-hal atau keadaan-", "keadaan yang", "hal-hal atau keadaan-keadaan yang"),
        ("atau setidak-", "tidaknya", "atau setidak-tidaknya"),
        ("dan menakut-", "nakuti.", "dan menakut-nakuti."),
        ("pasal 147-", "152,", "pasal 147-152,"),
        ("secara non-", "diskriminatif", "secara non-diskriminatif"),
    ],
)
def test_dehyphenate(left, right, joined):
    assert dehyphenate(left, right) == joined


def test_join_lines_structure():
    raw = [
        "BAB II",
        "KETENTUAN",
        "PIDANA",
        "Bagian Kesatu",
        "Umum",
        "Pasal 27A",
        "(1) Setiap Orang yang dengan sengaja dan",
        "tanpa hak menyebarkan sebagaimana dimaksud dalam Pasal 27 ayat",
        "(4) dipidana dengan pidana penjara paling lama:",
        "a. 6 (enam) tahun; atau",
        "b. denda paling banyak Rp1.000.000,00 bagi anak yang perlin-",
        "dungannya diabaikan.",
        "(2) Ketentuan ini berlaku.",
        "PENJELASAN",
        "I. UMUM",
        "Kalimat pertama.",
        "Kalimat kedua.",
    ]
    assert join_lines(raw) == [
        "BAB II",
        "KETENTUAN PIDANA",
        "Bagian Kesatu",
        "Umum",
        "Pasal 27A",
        "(1) Setiap Orang yang dengan sengaja dan tanpa hak menyebarkan sebagaimana dimaksud dalam Pasal 27 ayat"
        " (4) dipidana dengan pidana penjara paling lama:",
        "a. 6 (enam) tahun; atau",
        "b. denda paling banyak Rp1.000.000,00 bagi anak yang perlindungannya diabaikan.",
        "(2) Ketentuan ini berlaku.",
        "PENJELASAN",
        "I. UMUM",
        "Kalimat pertama.",
        "Kalimat kedua.",
    ]


def test_join_lines_uses_layout_to_keep_a_wrapped_sentence_end_inside_its_paragraph():
    raw = ["(2) Ketentuan ditetapkan oleh Menteri atas usul jaksa tempat asal terpidana.",
           "Sebelum memutus, harus ditanya dahulu pendapat Dewan.", "Paragraf baru."]
    # the first line runs to the right margin (not a paragraph end), the second stops short
    assert join_lines(raw, ends=[False, True, True]) == [raw[0] + " " + raw[1], raw[2]]
    assert join_lines(raw) == raw  # without layout information a sentence end starts a new line


@pytest.mark.parametrize(
    ("raw", "fixed"),
    [
        ("Pasal 3 1", "Pasal 31"),
        ("Pasal 4OA", "Pasal 40A"),
        ("PasaJ2TA", "Pasal 27A"),
        ("Pasa727B", "Pasal 27B"),
        ("Pasa1 5", "Pasal 5"),
        ("Pasai 479 k", "Pasal 479 k"),
        ("Pasal 260 bis", "Pasal 260 bis"),
        ("Pasal 14a", "Pasal 14a"),
        ("(21 Setiap Orang", "(2) Setiap Orang"),
        ("(l) Setiap Orang", "(1) Setiap Orang"),
        ("(2al Transaksi", "(2a) Transaksi"),
        ("NOMOR I1 TAHUN 2OO8", "NOMOR 11 TAHUN 2008"),
        ("Hurufa", "Huruf a"),
        # ordinary words are never touched
        ("Pasal ini ditiadakan", "Pasal ini ditiadakan"),
        ("Illahi dan lOl", "Illahi dan lOl"),
    ],
)
def test_ocr_slips_in_structural_tokens(raw, fixed):
    assert _fix_line(raw, ocr=True, prev="berikut:") == [fixed]


def test_ocr_label_repairs_need_a_finished_previous_line():
    assert _fix_line("2, Transaksi Elektronik", ocr=True, prev="memahaminya.") == ["2. Transaksi Elektronik"]
    assert _fix_line("58, Tambahan Lembaran", ocr=True, prev="Tahun 2008 Nomor") == ["58, Tambahan Lembaran"]
    # born-digital text keeps its numbers: "37l" is only repaired as a heading, by sequence
    assert _fix_line("pasal 37l KUHP", ocr=False) == ["pasal 37l KUHP"]


def test_heading_sequence_decides_ambiguous_numbers():
    lines = ["Pasal 370", "Pasal 37l", "Pasal 372", "Pasal 479 k", "Pasal 479l", "Pasal 479 m"]
    assert _fix_heading_sequence(lines) == ["Pasal 370", "Pasal 371", "Pasal 372", "Pasal 479 k", "Pasal 479l",
                                            "Pasal 479 m"]
    assert _fix_heading_sequence(["Pasal 27A", "Pasal 278", "Pasal 28"]) == ["Pasal 27A", "Pasal 27B", "Pasal 28"]
    assert _fix_heading_sequence(["Pasal 127", "Pasal 128", "Pasal 129"]) == ["Pasal 127", "Pasal 128", "Pasal 129"]


# ---------------------------------------------------------------------------------------------
# Broken input


def _text_pdf(path: Path, lines: list[str], **encrypt) -> Path:
    """A one-page born-digital PDF with the given lines (Helvetica)."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    ops = "".join(f"BT /F1 11 Tf 72 {780 - 16 * i} Td ({line}) Tj ET\n" for i, line in enumerate(lines))
    stream = DecodedStreamObject()
    stream.set_data(ops.encode("latin-1"))
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})})
    page[NameObject("/Contents")] = writer._add_object(stream)
    if encrypt:
        writer.encrypt(algorithm="RC4-128", **encrypt)
    with open(path, "wb") as fh:
        writer.write(fh)
    return path


def test_small_born_digital_pdf_round_trip(tmp_path):
    pdf = _text_pdf(tmp_path / "kecil.pdf", ["Pasal 1", "(1) Setiap anak berhak atas perlin-", "dungan.",
                                             "(2) Cukup jelas."])
    assert classify_pdf(pdf) == "born-digital"
    assert extract_pdf_text(pdf).splitlines() == ["Pasal 1", "(1) Setiap anak berhak atas perlindungan.",
                                                  "(2) Cukup jelas."]


def test_pdf_encrypted_with_empty_user_password_opens(tmp_path):
    pdf = _text_pdf(tmp_path / "owner-only.pdf", ["Pasal 1", "Cukup jelas."], user_password="",
                    owner_password="owner")
    assert extract_pdf_text(pdf).splitlines() == ["Pasal 1", "Cukup jelas."]


def test_encrypted_pdf(tmp_path):
    pdf = _text_pdf(tmp_path / "rahasia.pdf", ["Pasal 1"], user_password="secret", owner_password="secret")
    with pytest.raises(PdfProblem, match=r"rahasia\.pdf.*encrypted"):
        extract_pdf_text(pdf)


def test_corrupt_pdf(tmp_path):
    pdf = tmp_path / "rusak.pdf"
    pdf.write_bytes(os.urandom(4096))
    with pytest.raises(PdfProblem, match=r"rusak\.pdf"):
        extract_pdf_text(pdf)


def test_truncated_pdf(tmp_path):
    whole = _text_pdf(tmp_path / "utuh.pdf", ["Pasal 1", "Cukup jelas."]).read_bytes()
    pdf = tmp_path / "terpotong.pdf"
    pdf.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(PdfProblem, match=r"terpotong\.pdf"):
        extract_pdf_text(pdf)


def test_empty_and_missing_files(tmp_path):
    empty = tmp_path / "kosong.pdf"
    empty.write_bytes(b"")
    with pytest.raises(PdfProblem, match=r"kosong\.pdf.*empty"):
        extract_pdf_text(empty)
    with pytest.raises(PdfProblem, match=r"tidak-ada\.pdf.*not found"):
        extract_pdf_text(tmp_path / "tidak-ada.pdf")


def test_pdf_without_text_layer_asks_for_ocr(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_blank_page(595, 842)
    pdf = tmp_path / "pindaian.pdf"
    with open(pdf, "wb") as fh:
        writer.write(fh)
    assert classify_pdf(pdf) == "scanned-no-text"
    with pytest.raises(PdfProblem, match=r"pindaian\.pdf.*no text layer.*OCR"):
        extract_pdf_text(pdf)
