"""Amendments, validity on a date, consolidated citations, lookup and the citation checker on the real acts."""
from __future__ import annotations

import datetime as dt

import pytest

from index.checker import check_text, quote_match
from index.law import consolidated_citation, validity
from index.lookup import LookupError_, lookup, table_of_contents
from index.retrieve import build_reference_graph
from ingest.citation import Citation


@pytest.fixture(scope="module")
def docs(real_index_home):
    from index.store import load_documents

    return load_documents(real_index_home)[0]


def test_old_kuhp_article_points_to_the_new_code():
    v = validity(Citation("KUHP", "310"))
    assert not v.in_force and v.successor == Citation("UU 1/2023", "433") and v.since == "2026-01-02"
    assert validity(Citation("KUHP", "310"), dt.date(2021, 6, 1)).in_force


def test_ite_27_3_replaced_by_27a_in_2024():
    v = validity(Citation("UU 11/2008", "27", "3"), dt.date(2025, 1, 1))
    assert not v.in_force and v.successor == Citation("UU 1/2024", "27A") and v.since == "2024-01-02"
    assert validity(Citation("UU 11/2008", "27", "3"), dt.date(2021, 6, 1)).in_force


def test_new_kuhp_not_in_force_before_2026():
    v = validity(Citation("UU 1/2023", "433"), dt.date(2021, 6, 1))
    assert not v.in_force and "belum berlaku" in v.notes[0]


def test_lookup_spellings_and_consolidated_wording(docs):
    refs = build_reference_graph(docs)
    v = lookup(docs, "pasal 80 uu perlindungan anak", refs=refs)
    assert v.citation.doc == "UU 35/2014" and "Pasal 76C" in v.text
    assert v.legal_citation == "Pasal 80 UU 23/2002 sebagaimana diubah dengan UU 35/2014"
    assert [h.act for h in v.history] == ["UU 23/2002", "UU 35/2014"]
    assert v.refers_to == [Citation("UU 35/2014", "76C")]
    old = lookup(docs, "pasal 80 uu 23/2002", on=dt.date(2010, 1, 1))
    assert old.citation.doc == "UU 23/2002" and "kekejaman, kekerasan atau ancaman kekerasan" in old.text
    assert lookup(docs, "Pasal 27A UU ITE").citation.doc == "UU 1/2024"
    assert lookup(docs, "310 KUHP").pasal.bab.startswith("BAB XVI")
    assert lookup(docs, "Pasal 7 UU No. 11 Tahun 2012 ayat 2").text.startswith("(2) Diversi")
    v76 = lookup(docs, "UU 23/2002 Pasal 76C", refs=refs)  # inserted by UU 35/2014
    assert v76.citation.doc == "UU 35/2014" and Citation("UU 35/2014", "80") in v76.referred_by


def test_lookup_errors_are_clear(docs):
    with pytest.raises(LookupError_, match="tidak memuat Pasal 999"):
        lookup(docs, "pasal 999 kuhp")
    with pytest.raises(LookupError_, match="tidak memiliki ayat"):
        lookup(docs, "UU 11/2012 Pasal 7 ayat (9)")
    with pytest.raises(LookupError_, match="sebutkan peraturannya"):
        lookup(docs, "pasal 7")
    with pytest.raises(LookupError_, match="tidak ada dalam korpus"):
        lookup(docs, "PERMA 4/2014 Pasal 3")


def test_old_ayat_of_ite_27_is_shown_with_its_successor(docs):
    v = lookup(docs, "UU 11/2008 Pasal 27 ayat (3)")
    assert "penghinaan dan/atau pencemaran nama baik" in v.text
    assert any("UU 1/2024 Pasal 27A" in n for n in v.notes)


def test_consolidated_citation(docs):
    assert consolidated_citation(docs, Citation("UU 35/2014", "76C")) == "Pasal 76C UU 23/2002 sebagaimana diubah dengan UU 35/2014"
    assert consolidated_citation(docs, Citation("UU 11/2012", "7")) == "UU 11/2012 Pasal 7"


def test_table_of_contents(docs):
    toc = table_of_contents(docs["UU 11/2012"])
    assert toc[0][0] == "BAB I KETENTUAN UMUM" and toc[1] == ("BAB II DIVERSI", [str(n) for n in range(6, 16)])


def test_citation_checker_on_text_and_paper(docs):
    text = (
        "Menurut Pasal 7 ayat (2) UU 11/2012 “Diversi sebagaimana dimaksud pada ayat (1) dilaksanakan dalam hal tindak pidana "
        "yang dilakukan”. Pasal 76C UU 35/2014 “Setiap Orang dilarang melakukan kekerasan terhadap binatang peliharaan.” "
        "Lihat juga Pasal 500 UU 11/2012 dan Pasal 310 KUHP."
    )
    f = check_text(docs, text)
    assert [x.citation.display() for x in f] == ["UU 11/2012 Pasal 7 ayat (2)", "UU 35/2014 Pasal 76C", "UU 11/2012 Pasal 500", "KUHP Pasal 310"]
    assert f[0].quote_status == "persis"
    assert f[1].quote_status in ("mirip", "tidak cocok") and f[1].quote_score < 1
    assert f[2].status == "pasal tidak ada"
    assert any("UU 1/2023 Pasal 433" in n for n in f[3].validity)


def test_quote_match_levels():
    art = "Setiap Orang dilarang menempatkan, membiarkan, melakukan, menyuruh melakukan, atau turut serta melakukan Kekerasan terhadap Anak."
    assert quote_match("setiap orang  dilarang menempatkan, membiarkan", art)[0] == "persis"
    assert quote_match("Setiap Orang dilarang menempatkan, membiarkan, melakukan Kekerasan terhadap Anak.", art)[0] == "mirip"
    assert quote_match("Pencurian diancam dengan pidana penjara paling lama lima tahun.", art)[0] == "tidak cocok"


def test_child_sexual_offence_sanctions_revoked_by_the_new_kuhp():
    """UU 1/2023 Pasal 622 ayat (1) huruf n: Pasal 81 ayat (1) and Pasal 82 of the Child Protection Act
    end on 2 January 2026; ayat (6) sends references to 81(1) to Pasal 473 ayat (4)."""
    import datetime as dt

    from index.law import validity
    from ingest.citation import Citation

    v = validity(Citation("UU 35/2014", "82"), dt.date(2026, 3, 1))
    assert not v.in_force and v.successor == Citation("UU 1/2023", "415")
    assert validity(Citation("UU 35/2014", "82"), dt.date(2025, 12, 31)).in_force
    whole = validity(Citation("UU 35/2014", "81"), dt.date(2026, 3, 1))
    assert whole.in_force and any("ayat (1)" in n and "473 ayat (4)" in n for n in whole.notes)
    assert not validity(Citation("UU 35/2014", "81", "1"), dt.date(2026, 3, 1)).in_force
    assert validity(Citation("UU 35/2014", "81", "2"), dt.date(2026, 3, 1)).in_force
    assert validity(Citation("UU 35/2014", "76E"), dt.date(2026, 3, 1)).in_force  # the prohibition stays


def test_officials_sanctions_annulled_by_the_constitutional_court():
    """Putusan MK 110/PUU-X/2012 (28 March 2013) annulled UU 11/2012 Pasal 96, 100 and 101; 98 and 99 stand."""
    import datetime as dt

    from index.law import validity
    from ingest.citation import Citation

    after = dt.date(2015, 1, 1)  # the act is in force from 31 July 2014
    for pasal in ("96", "100", "101"):
        v = validity(Citation("UU 11/2012", pasal), after)
        assert not v.in_force and v.successor is None
        assert "110/PUU-X/2012" in v.notes[0] and "tidak mempunyai kekuatan hukum mengikat" in v.notes[0]
    for pasal in ("97", "98", "99"):
        assert validity(Citation("UU 11/2012", pasal), after).in_force


def test_old_code_articles_annulled_before_the_code_was_revoked() -> None:
    """KUHP 134, 136 bis, 137 (insulting the President) were annulled in 2006 (Putusan MK 013-022/PUU-IV/2006),
    twenty years before UU 1/2023 revoked the whole code; the earlier end is told first and dates the end."""
    import datetime as dt

    from index.law import validity
    from ingest.citation import Citation, parse_citation

    assert parse_citation("pasal 136 bis KUHP") == Citation("KUHP", "136 bis")
    v = validity(Citation("KUHP", "136 bis"), dt.date(2026, 6, 1))
    assert not v.in_force and v.since == "2006-12-06"
    assert "013-022/PUU-IV/2006" in v.notes[0] and "UU 1/2023" in v.notes[1]
    assert validity(Citation("KUHP", "136"), dt.date(2020, 1, 1)).in_force  # a different article
    assert not validity(Citation("KUHP", "137"), dt.date(2020, 1, 1)).in_force
