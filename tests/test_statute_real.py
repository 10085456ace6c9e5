"""Completeness of the statute parser on the real files of the mirror."""
from __future__ import annotations

import re

import pytest

from ingest.sources import identify, read_source_text
from ingest.statute import parse_statute
from ingest.textnorm import pasal_key
from tests.conftest import mirror_file


def _parse(rel: str, doc_id: str, title: str = "", kind: str = "UU"):
    text = read_source_text(mirror_file(rel))
    ident = identify(text)
    return parse_statute(text, doc_id=doc_id, title=title or (ident.title if ident else ""), kind=kind)


def _ints(doc) -> set[int]:
    return {pasal_key(p.number)[0] for p in doc.pasal}


@pytest.mark.parametrize(
    "rel, doc_id, last",
    [
        ("statutes/uu-11-2012.md", "UU 11/2012", 108),
        ("statutes/uu-11-2012.html", "UU 11/2012", 108),
        ("statutes/uu-23-2002.md", "UU 23/2002", 93),
        ("statutes/uu-23-2002.html", "UU 23/2002", 93),
        ("statutes/pp-65-2015.md", "PP 65/2015", 92),
        ("statutes/uu-1-2023.md", "UU 1/2023", 624),
        ("statutes/uu-11-2008.pdf", "UU 11/2008", 54),
        ("statutes/kuhp.pdf", "KUHP", 569),
    ],
)
def test_every_pasal_is_found(rel, doc_id, last):
    doc = _parse(rel, doc_id, kind="KUHP" if doc_id == "KUHP" else "UU")
    assert _ints(doc) == set(range(1, last + 1))
    plain = [p.number for p in doc.pasal if p.number.isdigit()]
    assert plain == sorted(plain, key=int), "articles must come out in order"


def test_kuhp_lettered_bis_and_repealed_articles():
    doc = _parse("statutes/kuhp.pdf", "KUHP", kind="KUHP")
    nums = {p.number for p in doc.pasal}
    assert {"14a", "14f", "70 bis", "153 ter", "479l", "479r", "558a"} <= nums
    assert "371" in nums and "37l" not in nums  # "Pasal 37l" is 371 typed with a letter l
    assert doc.get_pasal("498").status == "dihapus" and doc.get_pasal("499").status == "dihapus"
    assert doc.get_pasal("310").bab.startswith("BAB XVI PENGHINAAN")
    assert doc.get_pasal("104").heading_path[0].startswith("BUKU KEDUA")
    # no page furniture inside the text
    assert not any("Mahkamah Agung-RI" in p.text for p in doc.pasal)


def test_uu_11_2012_glued_headings_are_split():
    doc = _parse("statutes/uu-11-2012.md", "UU 11/2012")
    p7 = doc.get_pasal("7")
    assert p7.text.endswith("b. bukan merupakan pengulangan tindak pidana.")  # Pasal 8 was glued here
    assert doc.get_pasal("8").text.startswith("(1) Proses Diversi dilakukan melalui musyawarah")
    assert doc.get_pasal("72").text.startswith("Pidana peringatan merupakan pidana ringan")
    assert [a.number for a in doc.get_pasal("80").ayat] == ["1", "2", "3", "4"]
    assert "__" not in "".join(p.text for p in doc.pasal)
    assert [a.number for a in p7.ayat] == ["1", "2"]
    assert [i.label for i in p7.ayat[1].items] == ["a", "b"]
    assert doc.get_pasal("69").bab == "BAB V PIDANA DAN TINDAKAN"


def test_penjelasan_is_attached_to_its_pasal():
    doc = _parse("statutes/uu-11-2012.md", "UU 11/2012")
    assert "Yang dimaksud dengan “masyarakat” antara lain tokoh agama" in doc.get_pasal("8").penjelasan
    assert doc.get_pasal("10").penjelasan == "Cukup jelas."
    assert doc.get_pasal("13").penjelasan == "Cukup jelas."  # glued "Pasal 13 Cukup jelas." in the source
    assert doc.penjelasan_umum.startswith("Anak adalah bagian yang tidak terpisahkan")
    assert len(doc.menimbang) == 5 and len(doc.mengingat) == 5


def test_md_and_html_renderings_agree():
    md = _parse("statutes/uu-11-2012.md", "UU 11/2012")
    html = _parse("statutes/uu-11-2012.html", "UU 11/2012")
    same = sum(1 for p in html.pasal if md.get_pasal(p.number).text.replace("\n", " ") == p.text.replace("\n", " "))
    assert same >= 100, f"only {same}/108 articles agree between the two renderings"


def test_pp_65_2015_lost_headings_recovered():
    doc = _parse("statutes/pp-65-2015.md", "PP 65/2015")
    p19 = doc.get_pasal("19")
    assert p19.text.startswith("(1) Dalam hal Diversi mencapai kesepakatan, Penyidik menyampaikan")
    assert any("missing in source" in w for w in p19.warnings)
    assert doc.get_pasal("18").ayat[-1].number == "2"
    assert doc.get_pasal("32").text.startswith("(1) Dalam jangka waktu 7 x 24")


def test_uu_1_2023_hard_wrapped_lines_and_cross_reference_lines():
    doc = _parse("statutes/uu-1-2023.md", "UU 1/2023")
    p13 = doc.get_pasal("13")
    assert [a.number for a in p13.ayat] == ["1", "2", "3", "4", "5"]
    # the line "Pasal 2l ayat (1) memudahkan huru-hara" inside Pasal 369 is text, not a heading
    assert "memudahkan huru-hara" in doc.get_pasal("369").text
    assert "Pasal 20 huruf b" in doc.get_pasal("369").text
    assert doc.get_pasal("433") is not None and "kehormatan atau nama baik" in doc.get_pasal("433").text


UU35_EXPECTED = (
    "1 6 9 12 14 15 20 21 22 23 24 25 26 27 28 33 38A 39 41 41A 43 44 45 45A 45B 46 47 48 49 51 53 54 55 56 58 "
    "59 59A 60 63 64 65 66 67 67A 67B 67C 68 69 69A 69B 70 71 71A 71B 71C 71D 71E 72 73 73A 74 75 76 76A 76B 76C "
    "76D 76E 76F 76G 76H 76I 76J 77 77A 77B 80 81 82 83 86A 87 88 89 91A II"
).split()


def test_uu_35_2014_every_amended_or_inserted_pasal():
    doc = _parse("statutes/uu-35-2014.md", "UU 35/2014")
    assert [p.number for p in doc.pasal] == UU35_EXPECTED
    assert doc.amends == ["UU 23/2002"]
    assert doc.get_pasal("63").status == "dihapus"
    assert doc.get_pasal("76C").text == (
        "Setiap Orang dilarang menempatkan, membiarkan, melakukan, menyuruh melakukan, "
        "atau turut serta melakukan Kekerasan terhadap Anak."
    )
    assert doc.get_pasal("76A").bab == "BAB XIA LARANGAN"  # heading missing: text follows the instruction
    assert doc.get_pasal("76E").text.endswith("perbuatan cabul.")  # 76E and 76F ran together
    assert doc.get_pasal("76F").text.startswith("Setiap Orang dilarang menempatkan")
    assert doc.get_pasal("77A").text.endswith("adalah kejahatan.")  # 77B glued into 77A (2)
    assert doc.get_pasal("77B").text.startswith("Setiap Orang yang melanggar ketentuan sebagaimana dimaksud dalam Pasal 76B")
    assert doc.get_pasal("69").text.startswith("Perlindungan Khusus bagi Anak korban Kekerasan fisik")
    assert [a.number for a in doc.get_pasal("9").ayat] == ["1", "1a", "2"]
    assert doc.get_pasal("1").text.endswith("sebagai unsur penyelenggara pemerintahan.")  # lost instruction tail removed
    assert doc.get_pasal("82").amendment == "diubah" and doc.get_pasal("76C").amendment == "disisipkan"
    assert doc.get_pasal("80").penjelasan == "Cukup jelas."
    assert len(doc.amendments) >= 70


def test_ite_amendments_from_scanned_pdfs():
    d16 = _parse("statutes/uu-19-2016.pdf", "UU 19/2016")
    assert {"26", "31", "40", "43", "45", "45A", "45B"} <= {p.number for p in d16.pasal}
    assert d16.amends == ["UU 11/2008"]
    d24 = _parse("statutes/uu-1-2024.pdf", "UU 1/2024")
    nums = {p.number for p in d24.pasal}
    assert {"27", "27A", "27B", "28", "45", "45A", "45B", "16B"} <= nums
    assert re.search(r"menyerang kehormatan atau nama baik orang lain", d24.get_pasal("27A").text)


def test_identify_reads_titles_including_ocr_slips():
    assert identify(read_source_text(mirror_file("statutes/uu-19-2016.pdf"))).id == "UU 19/2016"
    assert identify(read_source_text(mirror_file("statutes/pp-65-2015.md"))).id == "PP 65/2015"
    assert identify(read_source_text(mirror_file("statutes/kuhp.pdf"))).id == "KUHP"
