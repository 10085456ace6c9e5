"""One small fixture per defect class of real statute files (see ../shared/corpus/PROVENANCE.md)."""
from __future__ import annotations

import pytest

from ingest.statute import StatuteParseError, parse_statute, prepare_lines


def parse(text: str, title: str = ""):
    return parse_statute(text, doc_id="UU 99/2099", title=title)


HEAD = "UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 99 TAHUN 2099 TENTANG CONTOH\nMEMUTUSKAN:\nMenetapkan: UNDANG-UNDANG TENTANG CONTOH.\n"


def test_heading_glued_to_previous_line():
    doc = parse(HEAD + "BAB I UMUM\nPasal 1\nIsi pertama. Pasal 2 __ (1) Isi kedua.\n(2) Lanjutan.\nPasal 3\nIsi ketiga.\n")
    assert [p.number for p in doc.pasal] == ["1", "2", "3"]
    assert doc.get_pasal("1").text == "Isi pertama."
    assert [a.number for a in doc.get_pasal("2").ayat] == ["1", "2"]


def test_cross_reference_line_is_not_a_heading():
    text = HEAD + (
        "Pasal 1\nSetiap orang yang dengan salah satu cara sebagaimana dimaksud dalam\n"
        "Pasal 7\nhuruf b dipidana.\nPasal 2\nIsi dua.\nPasal 3\nIsi tiga.\n"
    )
    doc = parse(text)
    assert [p.number for p in doc.pasal] == ["1", "2", "3"]
    assert "Pasal 7" in doc.get_pasal("1").text


def test_cross_reference_line_starting_with_pasal_and_ayat():
    doc = parse(HEAD + "Pasal 1\n(1) Satu.\n(2) Dua.\nPasal 7 ayat (1) berlaku juga bagi anak.\nPasal 2\nIsi.\n")
    assert [p.number for p in doc.pasal] == ["1", "2"]
    assert doc.get_pasal("1").text.endswith("Pasal 7 ayat (1) berlaku juga bagi anak.")


def test_letter_l_typed_for_digit_one_in_heading():
    body = "".join(f"Pasal {n}\nIsi {n}.\n" for n in range(369, 371)) + "Pasal 37l\nIsi 371.\nPasal 372\nIsi 372.\n"
    doc = parse(HEAD + body)
    assert [p.number for p in doc.pasal] == ["369", "370", "371", "372"]


def test_lettered_article_l_stays_a_letter_between_k_and_m():
    body = "Pasal 479k\nK.\nPasal 479l\nL.\nPasal 479m\nM.\n"
    doc = parse(HEAD + body)
    assert [p.number for p in doc.pasal] == ["479k", "479l", "479m"]


def test_repealed_article_and_combined_heading():
    doc = parse(HEAD + "Pasal 1\nIsi.\nPasal 2\nDihapus.\nPasal 3 dan 4\n(Ditiadakan berdasarkan S. 32 - 143)\nPasal 5\nIsi.\n")
    assert [p.number for p in doc.pasal] == ["1", "2", "3", "4", "5"]
    assert [p.status for p in doc.pasal] == ["berlaku", "dihapus", "dihapus", "dihapus", "berlaku"]


def test_lost_heading_recovered_from_restarting_ayat_numbers():
    doc = parse(HEAD + "Pasal 1\n(1) A.\n(2) B.\n(1) C.\n(2) D.\nPasal 3\nE.\n")
    assert [p.number for p in doc.pasal] == ["1", "2", "3"]
    assert doc.get_pasal("2").text == "(1) C.\n(2) D."
    assert doc.get_pasal("2").warnings


def test_ayat_numbering_checked_before_splitting():
    # "(3)" right after "(1)" is a reference wrapped to the start of a line, not a new ayat
    doc = parse(HEAD + "Pasal 1\n(1) Sebagaimana dimaksud pada ayat\n(3) huruf a berlaku.\n(2) Dua.\nPasal 2\nX.\n")
    assert [a.number for a in doc.get_pasal("1").ayat] == ["1", "2"]


def test_hard_wrapped_lines_join_into_ayat_and_items():
    doc = parse(HEAD + "Pasal 1\n(1) Kalimat yang\ndipotong di tengah.\n(2) Daftar:\na. satu;\nb. dua yang\nberlanjut; dan\nc. tiga.\nPasal 2\nX.\n")
    p = doc.get_pasal("1")
    assert p.ayat[0].text == "(1) Kalimat yang dipotong di tengah."
    assert [i.text for i in p.ayat[1].items] == ["satu;", "dua yang berlanjut; dan", "tiga."]


def test_items_glued_on_one_line_are_split():
    doc = parse(HEAD + "Pasal 1\nBersumber dari: a. APBN; b. APBD; dan c. sumber lain.\nPasal 2\nX.\n")
    assert [i.label for i in doc.get_pasal("1").items] == ["a", "b", "c"]


def test_nested_items_letters_then_numbers():
    doc = parse(HEAD + "Pasal 1\n(1) Meliputi:\na. pertama:\n1. satu;\n2. dua;\nb. kedua.\nPasal 2\nX.\n")
    items = doc.get_pasal("1").ayat[0].items
    assert [i.label for i in items] == ["a", "b"]
    assert [c.label for c in items[0].children] == ["1", "2"]


def test_gazette_catchwords_and_hyphen_artifacts_removed():
    lines = prepare_lines("dalam bimbingan orang tua. Pasal 7…\nPasal 7\nperundang- undangan berlaku. Upaya… Upaya perlindungan")
    assert lines == ["dalam bimbingan orang tua.", "Pasal 7", "perundang-undangan berlaku. Upaya perlindungan"]


def test_bab_bagian_paragraf_glued_on_one_line_and_wrapped_titles():
    doc = parse(HEAD + "BAB V KEDUDUKAN ANAK Bagian Kesatu Identitas Paragraf 1 Umum\nPasal 1\nX.\nBAB VI\nKUASA\nASUH\nPasal 2\nY.\n")
    assert doc.get_pasal("1").heading_path == ["BAB V KEDUDUKAN ANAK", "Bagian Kesatu Identitas", "Paragraf 1 Umum"]
    assert doc.get_pasal("2").bab == "BAB VI KUASA ASUH"


def test_chapter_title_glued_to_the_last_line_of_the_chapter_before():
    """PP 65/2015: '... hak asasi manusia. TATA CARA DAN KOORDINASI PELAKSANAAN DIVERSI' with its 'BAB III'
    lost; the title is not Pasal 11's text, and it heads the articles that follow."""
    doc = parse(HEAD + "BAB II PEDOMAN\nPasal 1\n(1) Isi pertama.\n(2) Diatur dengan Peraturan Menteri HAM. TATA CARA DAN KOORDINASI DIVERSI\n"
                "Bagian Kesatu Tahap Penyidikan\nPasal 2\nIsi kedua oleh KPAI DAN LPSK.\nPasal 3\nIsi ketiga.\n")
    p1, p2, p3 = (doc.get_pasal(n) for n in "123")
    assert p1.text.endswith("Peraturan Menteri HAM.") and "TATA CARA" not in p1.text
    assert any("BAB III" in w for w in p1.warnings)
    assert p2.heading_path == ["BAB III TATA CARA DAN KOORDINASI DIVERSI", "Bagian Kesatu Tahap Penyidikan"]
    assert p2.text == "Isi kedua oleh KPAI DAN LPSK."  # capitals inside a sentence, and no heading after: kept
    assert p3.bab == "BAB III TATA CARA DAN KOORDINASI DIVERSI"
    # glued whole, with its number: kept as it is, not numbered twice
    doc = parse(HEAD + "BAB VII PENUTUP LAIN\nPasal 1\nIsi pertama. BAB VIII KETENTUAN PERALIHAN\nPasal 2\nIsi kedua.\n")
    assert doc.get_pasal("1").text == "Isi pertama."
    assert doc.get_pasal("2").bab == "BAB VIII KETENTUAN PERALIHAN"


def test_penjelasan_with_glued_pasal_headings():
    text = HEAD + "Pasal 1\nA.\nPasal 2\nB.\nPasal 3\nC.\nPENJELASAN ATAS UNDANG-UNDANG\nI. UMUM\nUmum sekali.\nII. PASAL DEMI PASAL\nPasal 1\nCukup jelas. Pasal 2 Cukup jelas.\nPasal 3\nAyat (1) Yang dimaksud dengan x adalah y.\n"
    doc = parse(text)
    assert doc.penjelasan_umum == "Umum sekali."
    assert [p.penjelasan for p in doc.pasal] == ["Cukup jelas.", "Cukup jelas.", "Ayat (1) Yang dimaksud dengan x adalah y."]


def test_amending_act_instructions_with_lost_headings():
    text = (
        "UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 35 TAHUN 2014 TENTANG PERUBAHAN ATAS UNDANG-UNDANG NOMOR 23 TAHUN 2002 TENTANG X\n"
        "MEMUTUSKAN:\nMenetapkan: UNDANG-UNDANG TENTANG PERUBAHAN.\nPasal I\nBeberapa ketentuan diubah sebagai berikut:\n"
        "1. Ketentuan Pasal 80 diubah sehingga berbunyi sebagai berikut:\nPasal 80\n(1) Dipidana.\n(2) Lagi. diubah sehingga berbunyi sebagai berikut:\n"
        "Pasal 81\nSatu kalimat.\n"
        "3. Ketentuan Pasal 82 diubah sehingga berbunyi sebagai berikut: Teks 82 tanpa judul.\n"
        "4. Di antara Pasal 76 dan Pasal 77 disisipkan 2 (dua) pasal, yakni Pasal 76A dan Pasal 76B sehingga berbunyi sebagai berikut: Setiap Orang dilarang A. Setiap Orang dilarang B.\n"
        "5. Ketentuan Pasal 63 dihapus.\n"
        "Pasal II\nUndang-Undang ini mulai berlaku pada tanggal diundangkan.\n"
    )
    doc = parse_statute(text, doc_id="UU 35/2014", title="Perubahan atas Undang-Undang Nomor 23 Tahun 2002")
    assert [p.number for p in doc.pasal] == ["80", "81", "82", "76A", "76B", "63", "II"]
    assert doc.get_pasal("80").text == "(1) Dipidana.\n(2) Lagi."  # the lost instruction's tail is not article text
    assert doc.get_pasal("82").text == "Teks 82 tanpa judul."
    assert doc.get_pasal("76A").text == "Setiap Orang dilarang A."
    assert doc.get_pasal("76B").text == "Setiap Orang dilarang B."
    assert doc.get_pasal("63").status == "dihapus"
    assert doc.amends == ["UU 23/2002"]
    assert [a.action for a in doc.amendments if a.item] == ["diubah", "diubah", "disisipkan", "dihapus"]


def test_text_without_articles_is_a_clear_error():
    with pytest.raises(StatuteParseError):
        parse("Ini hanya paragraf biasa tanpa pasal.\nDan satu lagi.")


# --- recognising an instrument from its own title, not from the acts it cites


def test_identify_prefers_own_title_over_cited_instruments() -> None:
    from ingest.sources import identify

    text = (
        "UNDANG-UNDANG REPUBLIK INDONESIA\nNOMOR 7 TAHUN 2019\nTENTANG\nCONTOH PERLINDUNGAN\n"
        "DENGAN RAHMAT TUHAN YANG MAHA ESA\nPRESIDEN REPUBLIK INDONESIA,\nMenimbang : a. bahwa ...\n"
        "Mengingat : 1. PERATURAN PEMERINTAH NOMOR 3 TAHUN 2010 TENTANG SESUATU;\n"
    )
    assert identify(text).id == "UU 7/2019"
    # a UU that enacts a PERPPU is the UU, even though the PERPPU's title is inside its own
    enact = (
        "UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 44 TAHUN 2007 TENTANG PENETAPAN PERATURAN PEMERINTAH PENGGANTI "
        "UNDANG-UNDANG NOMOR 1 TAHUN 2007 TENTANG PERUBAHAN ATAS SESUATU MENJADI UNDANG-UNDANG\nDENGAN RAHMAT TUHAN"
    )
    assert identify(enact).id == "UU 44/2007"


def test_identify_does_not_take_a_cited_act_for_the_title() -> None:
    from ingest.sources import identify

    # the title page is lost; the preamble names another act in running text
    lost = (
        " bahwa perlu diadakan perubahan atas Undang-undang Nomor 15 Tahun 1969 tentang Pemilihan Umum;\n"
        "Mengingat : pasal 5 Undang-Undang Dasar;\n"
    )
    assert identify(lost) is None
    # a paper that cites an act further down its first page is a paper
    paper = "Penerapan Restorative Justice\n" + "Abstrak " * 200 + "UNDANG-UNDANG NOMOR 11 TAHUN 2012 TENTANG SISTEM PERADILAN PIDANA ANAK"
    assert identify(paper) is None


def test_identify_survives_ocr_in_titles() -> None:
    from ingest.sources import identify

    scanned = "Menimbang Menimbang UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 15 TAHUN 2OI7 TENTANG ANGGARAN\nDENGAN RAHMAT"
    assert identify(scanned).id == "UU 15/2017"
    assert identify("UNDANG UNDANG REPUBLIK INDO NESIA NOMOR 6 TAHUN 2O2L TENT ANG ANGGARAN\nDENGAN RAHMAT").id == "UU 6/2021"
    assert identify("UNDANG-UNDANG NO. 17 TAHUN 1946 TENTANG PENGELUARAN UANG.\nMenimbang :").id == "UU 17/1946"


def test_run_on_articles_of_old_acts_are_split() -> None:
    """Old acts converted with the whole body on one line: 'Pasal 1. ... Pasal 2. ...'."""
    from ingest.statute import parse_statute

    body = (
        "UNDANG-UNDANG NO. 11 TAHUN 1946 TENTANG CONTOH.\nMenimbang : bahwa perlu;\n"
        "Mengingat : pasal 5 Undang-Undang Dasar; Memutuskan : Menetapkan Undang-undang sebagai berikut : "
        "Pasal 1. Aturan lama diubah sebagaimana tersebut dalam pasal 8. II. Pasal 8 dihapuskan. "
        "Pasal 2. Peraturan istimewa dihapuskan, lihat juga Pasal 7. Pasal 3. Undang-undang ini mulai berlaku "
        "pada hari diumumkannya. " + "Agar Undang-undang ini diketahui oleh umum. " * 5
    )
    doc = parse_statute(body, doc_id="UU 11/1946")
    assert [p.number for p in doc.pasal] == ["1", "2", "3"]
    assert "Pasal 8 dihapuskan" in doc.get_pasal("1").text
    assert "lihat juga Pasal 7." in doc.get_pasal("2").text


def test_truncated_line_repeated_in_full_is_dropped():
    """UU 23/2002 Pasal 85 and 89 (mblonyox text): "(2) Setiap..." on its own line, then the whole ayat (2)."""
    doc = parse(HEAD + "Pasal 1\n(1) Setiap orang dipidana.\n(2) Setiap...\n(2) Setiap orang yang lain dipidana juga.\nPasal 2\nIsi... lain.\n")
    p = doc.get_pasal("1")
    assert [a.number for a in p.ayat] == ["1", "2"]
    assert "Setiap..." not in p.text and p.ayat[1].text == "(2) Setiap orang yang lain dipidana juga."
    assert doc.get_pasal("2").text == "Isi... lain."  # an ellipsis inside a sentence is text
