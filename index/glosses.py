"""Article glosses: short plain-language descriptions of what an article covers, searched beside it.

Statute wording ("Setiap Orang dilarang menempatkan, membiarkan ...") shares few words with the way people
ask ("anak sy digebukin bapaknya"). A gloss says in everyday words which situations an article answers;
it is indexed as extra evidence for its article (document expansion) and is never shown or quoted: the
answer still quotes only the statute. The glosses in corpus/glosses/ were written from the statute texts
alone, by people who had not seen the evaluation questions (eval/README.md).

File format (JSON Lines, one article per line):
  {"doc": "UU 11/2012", "pasal": "69", "gloss": ["anak di bawah 14 tahun hanya dikenai tindakan", ...]}
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

GLOSS_DIR = Path(__file__).resolve().parents[1] / "corpus" / "glosses"
_PASAL = re.compile(r"\d+[A-Za-z]?( bis| ter)?|[IVX]+")  # "76C", "479a" (old KUHP), "101 bis", "II" (a Pasal II of an amending act)


class GlossError(ValueError):
    """A gloss file that cannot be read; the message names the file, the line and the fix."""


@dataclass(frozen=True)
class Gloss:
    doc: str
    pasal: str
    text: str

    @property
    def article(self) -> tuple[str, str]:
        return (self.doc, self.pasal)


def read_gloss_file(path: Path) -> list[Gloss]:
    out: list[Gloss] = []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise GlossError(f"{path}: cannot be read as UTF-8 text ({e}). Save it as UTF-8 JSON Lines.") from None
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}, line {n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise GlossError(f"{where}: not valid JSON ({e.msg}). Each line must be one object like "
                             '{"doc": "UU 11/2012", "pasal": "69", "gloss": ["..."]}.') from None
        if not isinstance(row, dict) or not {"doc", "pasal", "gloss"} <= row.keys():
            raise GlossError(f"{where}: needs the keys doc, pasal and gloss.")
        doc, pasal, gloss = row["doc"], row["pasal"], row["gloss"]
        if not isinstance(doc, str) or not doc.strip():
            raise GlossError(f"{where}: doc must be a document id such as \"UU 11/2012\" (got {doc!r}).")
        if not isinstance(pasal, str) or not _PASAL.fullmatch(pasal):
            raise GlossError(f"{where}: pasal must be an article number such as \"76C\" (got {pasal!r}).")
        if not isinstance(gloss, list) or not gloss or not all(isinstance(g, str) and g.strip() for g in gloss):
            raise GlossError(f"{where}: gloss must be a non-empty list of phrases.")
        out.extend(Gloss(doc, pasal, " ".join(g.split())) for g in gloss)
    return out


def load_glosses(folder: Path | None = GLOSS_DIR) -> list[Gloss]:
    """All glosses of a folder, in file order; none when the folder is absent."""
    if folder is None or not folder.is_dir():
        return []
    out: list[Gloss] = []
    for path in sorted(folder.glob("*.jsonl")):
        if path.is_file():
            out.extend(read_gloss_file(path))
    return list(dict.fromkeys(out))


def glosses_for(glosses: list[Gloss], articles: set[tuple[str, str]]) -> tuple[list[Gloss], list[Gloss]]:
    """The glosses whose article is in the index, and those left out (their act is not indexed, or the
    article number does not exist in it)."""
    kept = [g for g in glosses if g.article in articles]
    return kept, [g for g in glosses if g.article not in articles]


def glosses_of_chunks(chunks, folders: list[Path] | None = None) -> tuple[list[Gloss], list[Gloss]]:
    """The glosses that belong to the articles among these chunks (and those left out): the shipped ones
    and a user's own in <data home>/glosses/ (for an act added in local.toml, same format)."""
    if folders is None:
        from ingest.corpus import data_home

        folders = [GLOSS_DIR, data_home() / "glosses"]
    found = [g for f in folders for g in load_glosses(f)]
    return glosses_for(list(dict.fromkeys(found)), {(c.doc, c.pasal) for c in chunks if c.pasal})
