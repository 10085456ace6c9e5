"""The law as it stands on a date: in-force checks, successors, consolidated citations.

Facts come from the manifest (dates in force, amendments) and corpus/temporal.toml (revocations and
successor articles, each with its legal basis). Nothing here guesses: an article without a known
successor is only flagged, and a suggested counterpart found by text similarity is labelled as such.
"""
from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache

from ingest.citation import Citation, parse_citation
from ingest.corpus import REPO_ROOT, manifest_by_id
from ingest.model import Document

TEMPORAL = REPO_ROOT / "corpus" / "temporal.toml"
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"]


def today() -> dt.date:
    return dt.date.today()


def tanggal(d: dt.date | str | None) -> str:
    """2 Januari 2026."""
    if d is None:
        return ""
    if isinstance(d, str):
        d = dt.date.fromisoformat(d)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


@dataclass
class Validity:
    citation: Citation
    in_force: bool
    notes: list[str] = field(default_factory=list)
    successor: Citation | None = None
    since: str | None = None  # when it stopped (or will start) being in force


@lru_cache(maxsize=1)
def _temporal() -> dict:
    with open(TEMPORAL, "rb") as f:
        return tomllib.load(f)


def _date(s: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(s)) if s else None
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _manifest_dates() -> dict[str, dt.date | None]:
    return {k: _date(e.get("in_force")) for k, e in manifest_by_id().items()}


def in_force_date(doc_id: str) -> dt.date | None:
    return _manifest_dates().get(doc_id)


@lru_cache(maxsize=4096)
def _cit(text: str) -> Citation:
    return parse_citation(text)


def validity(c: Citation, on: dt.date | None = None) -> Validity:
    """Is this article law on `on` (default today)? If not, why, since when, and what replaced it."""
    on = on or today()
    v = Validity(c, True)
    if not c.doc or not c.pasal:
        return v
    start = in_force_date(c.doc)
    if start and on < start:
        v.in_force = False
        v.since = start.isoformat()
        v.notes.append(f"{c.doc} belum berlaku pada {tanggal(on)}; mulai berlaku {tanggal(start)}.")
        return v
    facts = _temporal()
    for r in sorted(facts.get("revocation", []), key=lambda r: str(r["effective"])):  # the earliest end first
        eff = _date(r["effective"])
        if r["act"] != c.doc or eff is None or on < eff:
            continue
        listed = [_cit(f"Pasal {a} {c.doc}") for a in r["articles"]] if r["articles"] != "*" else None
        whole = listed is None or any(a.pasal == c.pasal and (a.ayat is None or a.ayat == c.ayat) for a in listed)
        partial = listed is not None and not whole and any(a.pasal == c.pasal and c.ayat is None for a in listed)
        if whole:
            v.in_force = False
            v.since = min(v.since or eff.isoformat(), eff.isoformat())
            if "how" in r:  # a Constitutional Court ruling annuls rather than revokes
                v.notes.append(f"{c.display()} {r['how']} sejak {tanggal(eff)} ({r['by']}; {r['basis']}).")
            else:
                v.notes.append(f"{c.display()} tidak berlaku lagi sejak {tanggal(eff)} (dicabut oleh {r['by']}; dasar: {r['basis']}).")
        elif partial:
            gone = [a.ayat for a in listed if a.pasal == c.pasal]
            v.notes.append(f"Sebagian Pasal {c.pasal} {c.doc} ({', '.join(f'ayat ({x})' for x in gone)}) {r.get('how', 'dicabut')} oleh {r['by']} sejak {tanggal(eff)}.")
            for s in facts.get("successor", []):  # where the revoked ayat now lives
                src = _cit(s["from"])
                if src.doc == c.doc and src.pasal == c.pasal and src.ayat in gone:
                    v.notes.append(f"Ketentuan yang berlaku sekarang untuk ayat ({src.ayat}): {_cit(s['to']).display()} ({s['topic']}).")
    for s in facts.get("successor", []):
        src = _cit(s["from"])
        if src.doc != c.doc or src.pasal != c.pasal or (src.ayat is not None and src.ayat != c.ayat):
            continue
        since = _date(s.get("since"))
        if since is not None:
            if on < since:
                continue
            v.in_force = False
            v.since = min(v.since or since.isoformat(), since.isoformat())
            v.notes.insert(0, f"{src.display()} tidak berlaku lagi sejak {tanggal(since)}: {s.get('basis', '')}.")
        if not v.in_force:
            v.successor = _cit(s["to"])
            v.notes.append(f"Ketentuan yang berlaku sekarang: {v.successor.display()} ({s['topic']}).")
        break
    return v


def consolidated_citation(docs: dict[str, Document], c: Citation) -> str:
    """"Pasal 76C UU 23/2002 sebagaimana diubah dengan UU 35/2014" for an article of an amending act."""
    d = docs.get(c.doc or "")
    if d is None or not c.pasal:
        return c.display()
    ayat = f" ayat ({c.ayat})" if c.ayat else ""
    if d.amends:
        return f"Pasal {c.pasal}{ayat} {d.amends[0]} sebagaimana diubah dengan {d.id}"
    changers = [a.id for a in docs.values() if d.id in a.amends and a.get_pasal(c.pasal)]
    if changers:
        return f"Pasal {c.pasal}{ayat} {d.id} sebagaimana diubah dengan {' dan '.join(sorted(changers, key=lambda x: docs[x].year or 0))}"
    return c.display()


def version_on(docs: dict[str, Document], base: str, pasal: str, on: dt.date) -> tuple[str, str] | None:
    """(act, text) of the wording of `base` Pasal `pasal` in force on `on`, following amendments."""
    cands: list[tuple[dt.date, str, str]] = []
    b = docs.get(base)
    if b is not None and b.get_pasal(pasal) is not None:
        cands.append((in_force_date(base) or dt.date.min, base, b.get_pasal(pasal).text))
    for d in docs.values():
        if base in d.amends and d.get_pasal(pasal) is not None:
            cands.append((in_force_date(d.id) or dt.date.min, d.id, d.get_pasal(pasal).text))
    cands = [x for x in cands if x[0] <= on]
    if not cands:
        return None
    cands.sort()
    return cands[-1][1], cands[-1][2]


def excluded_on(docs: dict[str, Document], on: dt.date) -> set[str]:
    """Acts that are not yet law on `on` (an as-of-date search leaves them out)."""
    out = set()
    for d in docs:
        start = in_force_date(d)
        if start and on < start:
            out.add(d)
    return out
