"""Topics outside the corpus: which law governs them, so an answer can say so instead of quoting
unrelated articles.

"syarat bikin KIA anak" shares words with the children's identity articles of UU 23/2002, but the
Kartu Identitas Anak is regulated by Permendagri 2/2016, which Lentera does not hold. Scores cannot
tell the two apart (out-of-corpus questions score like in-corpus ones); a list of topics, each with
the phrases people use for it, can. The list lives in corpus/scope.toml beside the manifest, because
what is outside depends on what the corpus holds.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest.corpus import REPO_ROOT

SCOPE = REPO_ROOT / "corpus" / "scope.toml"
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class ScopeError(ValueError):
    pass


@dataclass(frozen=True)
class OutsideTopic:
    id: str
    label: str  # "Kartu Identitas Anak (KIA)"
    governed_by: str  # "Permendagri 2/2016 tentang Kartu Identitas Anak"
    phrases: tuple[str, ...]

    def to_json(self) -> dict:
        return {"id": self.id, "label": self.label, "governed_by": self.governed_by}


def read_scope(path: Path = SCOPE) -> list[OutsideTopic]:
    """The topics of a scope file; a malformed entry is named with what to fix (a typo here would
    silently make Lentera refuse questions it can answer, or answer ones it cannot)."""
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except FileNotFoundError:
        raise ScopeError(f"{path}: file not found (it lists the topics outside the corpus)") from None
    except tomllib.TOMLDecodeError as e:
        raise ScopeError(f"{path}: not valid TOML: {e}") from None
    entries = data.get("topic")
    if not isinstance(entries, list):
        raise ScopeError(f"{path}: expected [[topic]] tables")
    out: list[OutsideTopic] = []
    owner: dict[str, str] = {}
    for n, e in enumerate(entries, start=1):
        where = f"{path}: topic {n} ({e.get('id', 'no id')!r})"
        for key in ("id", "label", "governed_by"):
            if not isinstance(e.get(key), str) or not e[key].strip():
                raise ScopeError(f"{where}: '{key}' must be a non-empty string")
        if not _ID.match(e["id"]):
            raise ScopeError(f"{where}: id must be lowercase letters, digits and dashes")
        if e["id"] in {t.id for t in out}:
            raise ScopeError(f"{where}: id {e['id']!r} is used twice")
        phrases = e.get("phrases")
        if not isinstance(phrases, list) or not phrases or not all(isinstance(p, str) and p.strip() for p in phrases):
            raise ScopeError(f"{where}: 'phrases' must be a non-empty list of strings")
        for p in phrases:
            if p != p.lower() or p != " ".join(p.split()):
                raise ScopeError(f"{where}: phrase {p!r} must be lowercase with single spaces")
            if p in owner and owner[p] != e["id"]:
                raise ScopeError(f"{where}: phrase {p!r} also belongs to topic {owner[p]!r}")
            owner[p] = e["id"]
        out.append(OutsideTopic(e["id"], e["label"].strip(), e["governed_by"].strip(), tuple(phrases)))
    return out


def outside_patterns(path: Path | None = None) -> list[tuple[OutsideTopic, re.Pattern]]:
    """Each topic with one pattern for all its phrases; `path` defaults to the shipped list."""
    return _patterns(Path(path or SCOPE))


@lru_cache(maxsize=4)
def _patterns(path: Path) -> list[tuple[OutsideTopic, re.Pattern]]:
    return [
        (t, re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in sorted(t.phrases, key=len, reverse=True)) + r")(?![\w-])"))
        for t in read_scope(path)
    ]


def topics_outside(question: str, path: Path | None = None, spelled: str | None = None) -> list[OutsideTopic]:
    """The out-of-corpus topics a question names, in file order. Matched in the question's own
    spelling and in its standard spelling ("bikin ktp" and "membuat ktp" are both typed); a caller that
    has the standard spelling already passes it as `spelled`."""
    if spelled is None:
        from index.lexical import standard_spelling

        spelled = standard_spelling(question)
    forms = {" ".join(question.lower().split()), " ".join(spelled.lower().split())}
    return [t for t, rx in outside_patterns(path) if any(rx.search(f) for f in forms)]
