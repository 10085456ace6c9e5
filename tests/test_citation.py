from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.citation import Citation, CitationError, find_citations, parse_citation


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("UU 11/2012 Pasal 7 ayat (2)", Citation("UU 11/2012", "7", "2")),
        ("Pasal 7 UU No. 11 Tahun 2012", Citation("UU 11/2012", "7")),
        ("pasal 76c uu 35/2014", Citation("UU 35/2014", "76C")),
        ("310 KUHP", Citation("KUHP", "310")),
        ("Pasal 27A UU ITE", Citation("UU 11/2008", "27A")),
        ("psl 80 ayat 1 UU Perlindungan Anak", Citation("UU 23/2002", "80", "1")),
        ("Pasal 433 KUHP baru", Citation("UU 1/2023", "433")),
        ("PP 65/2015 pasal 3 huruf b", Citation("PP 65/2015", "3", None, "b")),
        ("Pasal 7 ayat (2) Undang-Undang Nomor 11 Tahun 2012", Citation("UU 11/2012", "7", "2")),
        ("uu 35 tahun 2014 pasal 76C", Citation("UU 35/2014", "76C")),
        ("Pasal 9 ayat (1a) UU 35/2014", Citation("UU 35/2014", "9", "1a")),
        ("Pasal 4 PERMA No. 4 Tahun 2014", Citation("PERMA 4/2014", "4")),
    ],
)
def test_common_spellings(typed, expected):
    assert parse_citation(typed) == expected


def test_display_and_legal_form():
    c = Citation("UU 11/2012", "7", "2")
    assert c.display() == "UU 11/2012 Pasal 7 ayat (2)"
    assert c.legal_form() == "Pasal 7 ayat (2) Undang-Undang Nomor 11 Tahun 2012"


@pytest.mark.parametrize("bad", ["", "KUHP", "apa itu diversi?", "x" * 400])
def test_no_article_number_is_a_clean_error(bad):
    with pytest.raises(CitationError):
        parse_citation(bad)


def test_find_citations_shares_the_act_across_jo():
    found = [c for c, _ in find_citations("dijerat Pasal 76C jo. Pasal 80 UU 35/2014 dan Pasal 351 KUHP.")]
    assert found == [Citation("UU 35/2014", "76C"), Citation("UU 35/2014", "80"), Citation("KUHP", "351")]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_citation_parser_never_raises_anything_else(s):
    try:
        c = parse_citation(s)
    except CitationError:
        return
    assert c.pasal
    find_citations(s)


@pytest.mark.parametrize("text, pasal", [
    ("KUHP Pasal 303 bis", "303 bis"), ("pasal 303 bis kuhp", "303 bis"), ("303 bis KUHP", "303 bis"),
    ("Pasal 136 BIS KUHP", "136 bis"), ("pasal 5 terkait diversi uu 11/2012", "5"), ("pasal 76 c uu 35/2014", "76C"),
])
def test_inserted_articles_of_the_old_code_keep_their_suffix(text, pasal) -> None:
    assert parse_citation(text).pasal == pasal
