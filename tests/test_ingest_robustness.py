"""Bad input: each case gets a specific message naming the file, and the rest of the build goes on."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.pipeline import load_corpus
from ingest.sources import MAX_FILE_BYTES, SourceError, read_source_text
from ingest.statute import StatuteParseError, parse_statute

from eval.robustness import GOOD, broken_inputs


@pytest.fixture
def broken_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("LENTERA_HOME", str(tmp_path / "home"))
    src = tmp_path / "src"
    src.mkdir()
    for name, (_, data) in broken_inputs().items():
        (src / name).write_bytes(data)
    return src


def test_broken_folder_is_reported_file_by_file(broken_folder, capsys):
    corpus = load_corpus(broken_folder)
    ids = sorted(d.id for d in corpus.documents)
    assert "UU 77/2030" in ids and "UU 78/2030" in ids, ids
    by_file = {}
    for p in corpus.problems:
        by_file.setdefault(p.file, []).append(p)
    msg = lambda f: " ".join(p.message for p in by_file.get(f, []))  # noqa: E731
    assert "empty" in msg("empty.txt")
    assert "binary" in msg("binary.txt")
    assert "Windows-1252" in msg("legacy.txt")
    assert "corrupt" in msg("corrupt.pdf") or "not a readable PDF" in msg("corrupt.pdf")
    assert msg("truncated.pdf")
    assert "password" in msg("encrypted.pdf") or "encrypted" in msg("encrypted.pdf")
    assert "OCR" in msg("scanned.pdf")
    assert "identical to" in msg("copy-of-good.txt") + msg("good.md")
    assert "duplicate" in msg("same-act.txt") or "another copy" in msg("same-act.txt")
    assert "unsupported" in msg("picture.png")
    assert "not recognised as a statute" in msg("notes.txt")
    assert any(d.kind == "paper" and "catatan" in " ".join(s for sec in d.sections for s in sec.paragraphs).lower() for d in corpus.documents)
    for f, probs in by_file.items():
        for p in probs:
            assert f in p.message, p.message  # every message names its file
    # the printed table of the eval script uses these same problems
    print("\n".join(f"{p.level:8} {p.message}" for p in corpus.problems))


def test_huge_file_is_refused_with_the_limit(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.seek(MAX_FILE_BYTES + 10)
        f.write(b"x")
    with pytest.raises(SourceError, match="limit"):
        read_source_text(big)


def test_manifest_hash_mismatch_is_reported(tmp_path, monkeypatch):
    monkeypatch.setenv("LENTERA_HOME", str(tmp_path / "home"))
    src = tmp_path / "src" / "statutes"
    src.mkdir(parents=True)
    (src / "uu-11-2012.md").write_text(GOOD, encoding="utf-8")  # right name, wrong content
    corpus = load_corpus(tmp_path / "src")
    assert any("does not match the manifest" in p.message for p in corpus.problems)


def test_locally_edited_manifest_file_keeps_its_identity(tmp_path, monkeypatch):
    """Fixing an OCR slip in a synced file must not turn UU 11/2012 into an unlisted document (its title,
    dates and cached embeddings depend on the manifest entry)."""
    from tests.conftest import mirror_file

    monkeypatch.setenv("LENTERA_HOME", str(tmp_path / "home"))
    src = tmp_path / "src" / "statutes"
    src.mkdir(parents=True)
    text = mirror_file("statutes/uu-11-2012.md").read_text(encoding="utf-8")
    (src / "uu-11-2012.md").write_text(text.replace("Diversi", "Diversi ", 1), encoding="utf-8")
    corpus = load_corpus(tmp_path / "src")
    assert any("does not match the manifest" in p.message for p in corpus.problems)
    (doc,) = corpus.documents
    assert doc.id == "UU 11/2012" and doc.title.startswith("Undang-Undang Nomor 11 Tahun 2012")
    assert doc.meta  # manifest metadata kept


def test_sync_refuses_a_mirror_file_with_a_wrong_hash(tmp_path, monkeypatch):
    from ingest.corpus import sync

    mirror = tmp_path / "mirror" / "statutes"
    mirror.mkdir(parents=True)
    (mirror / "uu-11-2012.md").write_text("tampered", encoding="utf-8")
    rep = sync(mirror=tmp_path / "mirror", download=False, dest=tmp_path / "dest")
    assert any("does not match" in b for b in rep.bad_hash)
    assert not (tmp_path / "dest" / "statutes" / "uu-11-2012.md").exists()
    assert any("PERMA 4/2014" in m for m in rep.missing)


def test_parse_cache_makes_a_second_load_skip_parsing(tmp_path, monkeypatch):
    monkeypatch.setenv("LENTERA_HOME", str(tmp_path / "home"))
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.md").write_text(GOOD, encoding="utf-8")
    first = load_corpus(src)
    second = load_corpus(src)
    assert (first.parsed, first.cached) == (1, 0)
    assert (second.parsed, second.cached) == (0, 1)
    assert second.documents[0].get_pasal("2").ayat[1].text == "(2) Dua."


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("Pasl 0123456789()abc.\n;:BAIVX__-…") + ["Pasal ", "\nPasal 1\n", "\nPasal 2\n", "(1) ", "BAB I ", "a. ", "dihapus"]), max_size=120).map("".join))
def test_statute_parser_parses_or_fails_cleanly(text):
    try:
        doc = parse_statute(text, doc_id="UU 1/2000")
    except StatuteParseError:
        return
    assert doc.pasal


def test_robustness_table_covers_every_input_kind():
    from eval.robustness import format_table, run_robustness

    rows = run_robustness()
    outcomes = {kind: outcome for _, kind, outcome, _ in rows}
    assert outcomes["file over 50 MB"] == "skipped (error)"
    assert outcomes["unrecognised structure"].startswith("ingested as")
    assert outcomes["cp1252 (legacy) text"].startswith("ingested as UU 78/2030")
    print("\n" + format_table(rows))


def test_build_with_no_readable_source_says_how_to_supply_them(tmp_path, monkeypatch, capsys):
    import lentera_cli

    monkeypatch.setenv("LENTERA_HOME", str(tmp_path / "home"))
    (tmp_path / "empty").mkdir()
    assert lentera_cli.main(["build", "--sources", str(tmp_path / "empty")]) == 1
    err = capsys.readouterr().err
    assert "nothing to index" in err and "LENTERA_MIRROR" in err and "lentera sync --mirror DIR" in err
