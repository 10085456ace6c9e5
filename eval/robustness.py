"""Build from a folder of broken files and print what happened to each: `lentera robustness`.

Every input kind a paralegal may feed Lentera is generated here (nothing is committed), ingested
with the same code as `lentera build`, and reported as a table: input kind, outcome, message.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

GOOD = (
    "UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 77 TAHUN 2030 TENTANG CONTOH PERLINDUNGAN\n"
    "Menimbang:\na. bahwa contoh;\nMEMUTUSKAN:\nMenetapkan: UNDANG-UNDANG TENTANG CONTOH.\n"
    "BAB I KETENTUAN UMUM\nPasal 1\nAnak adalah seseorang yang belum berusia 18 tahun.\nPasal 2\n(1) Satu.\n(2) Dua.\n"
)


def _pdf(encrypt: bool = False) -> bytes:
    import io

    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(width=200, height=200)
    if encrypt:
        w.encrypt(user_password="rahasia", owner_password="rahasia")
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


# file name -> (input kind, bytes)
def broken_inputs() -> dict[str, tuple[str, bytes]]:
    return {
        "good.md": ("valid statute (markdown)", GOOD.encode()),
        "copy-of-good.txt": ("byte-identical duplicate", GOOD.encode()),
        "same-act.txt": ("same act, other file", (GOOD + "Pasal 3\nTiga.\n").encode()),
        "empty.txt": ("empty file", b""),
        "binary.txt": ("binary with .txt extension", bytes(range(256)) * 40),
        "legacy.txt": ("cp1252 (legacy) text", GOOD.replace("77", "78").replace("belum", "belum “sah”").encode("cp1252")),
        "corrupt.pdf": ("corrupt PDF", b"%PDF-1.4\n1 0 obj <<>> endobj\n" + b"\x00garbage" * 50),
        "truncated.pdf": ("truncated PDF", _pdf()[:120]),
        "encrypted.pdf": ("encrypted PDF", _pdf(encrypt=True)),
        "scanned.pdf": ("PDF without text layer", _pdf()),
        "notes.txt": ("unrecognised structure", "Catatan rapat\nIni bukan peraturan, hanya catatan.\n".encode()),
        "picture.png": ("unsupported type", b"\x89PNG...."),
    }


def run_robustness(huge: bool = True) -> list[tuple[str, str, str, str]]:
    """(file, input kind, outcome, message) for every generated input."""
    from ingest.pipeline import load_corpus
    from ingest.sources import MAX_FILE_BYTES

    rows: list[tuple[str, str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        inputs = broken_inputs()
        for name, (_, data) in inputs.items():
            (src / name).write_bytes(data)
        if huge:
            with open(src / "huge.txt", "wb") as f:  # sparse file: costs no disk
                f.seek(MAX_FILE_BYTES + 10)
                f.write(b"x")
            inputs["huge.txt"] = (f"file over {MAX_FILE_BYTES // 1_000_000} MB", b"")
        old = os.environ.get("LENTERA_HOME")
        os.environ["LENTERA_HOME"] = str(Path(tmp) / "home")
        try:
            corpus = load_corpus(src)
        finally:
            if old is None:
                os.environ.pop("LENTERA_HOME", None)
            else:
                os.environ["LENTERA_HOME"] = old
        ingested = {d.source_file: d for d in corpus.documents}
        for name, (kind, _) in inputs.items():
            probs = [p for p in corpus.problems if p.file == name]
            errors = [p for p in probs if p.level == "error"]
            if name in ingested:
                d = ingested[name]
                outcome = f"ingested as {d.id} ({d.kind})" + (" with warnings" if probs else "")
            elif errors:
                outcome = "skipped (error)"
            else:
                outcome = "skipped (warning)"
            rows.append((name, kind, outcome, " | ".join(p.message for p in probs) or "-"))
    return rows


def format_table(rows: list[tuple[str, str, str, str]]) -> str:
    out = [f"{'input kind':<30} {'outcome':<36} message", "-" * 120]
    for _, kind, outcome, msg in rows:
        out.append(f"{kind:<30} {outcome:<36} {msg[:200]}")
    return "\n".join(out)
