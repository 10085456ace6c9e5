"""The manifest of sources, the data folder, and `sync` (mirror or download, always hash-checked)."""
from __future__ import annotations

import os
import shutil
import tomllib
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ingest.sources import sha256_file

REPO_ROOT = Path(__file__).resolve().parents[1]
MANIFEST = REPO_ROOT / "corpus" / "manifest.toml"


def data_home() -> Path:
    """Index, parsed corpus and synced sources live here: $LENTERA_HOME or .lentera/ in the checkout."""
    env = os.environ.get("LENTERA_HOME")
    return Path(env).expanduser().resolve() if env else REPO_ROOT / ".lentera"


def sources_dir() -> Path:
    return data_home() / "sources"


def default_mirror() -> Path | None:
    """$LENTERA_MIRROR, else ../shared/corpus beside the checkout when it exists."""
    env = os.environ.get("LENTERA_MIRROR")
    if env:
        return Path(env).expanduser()
    guess = REPO_ROOT.parent / "shared" / "corpus"
    return guess if guess.is_dir() else None


@dataclass
class FileRef:
    file: str
    sha256: str | None = None
    url: str | None = None
    notes: str = ""


@dataclass
class SourceEntry:
    """One instrument of the manifest. `files` is the primary rendering first, then alternates."""

    id: str
    title: str
    type: str
    files: list[FileRef] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return self.type

    def get(self, key: str, default: Any = None) -> Any:
        return self.meta.get(key, default)


class ManifestError(ValueError):
    pass


def _load_toml(path: Path) -> list[dict[str, Any]]:
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise ManifestError(f"{path}: invalid TOML ({e}). Fix the syntax and run again.") from None
    return list(data.get("source", []))


def load_manifest(path: Path = MANIFEST, include_local: bool = True) -> list[SourceEntry]:
    """The project manifest plus optional local overrides (corpus/local.toml, $LENTERA_HOME/local.toml)."""
    raw = _load_toml(path)
    if include_local:
        for local in (REPO_ROOT / "corpus" / "local.toml", data_home() / "local.toml"):
            if local.is_file():
                raw.extend(dict(r, _local=str(local)) for r in _load_toml(local))
    entries: dict[str, SourceEntry] = {}
    for r in raw:
        for key in ("id", "title", "type"):
            if key not in r:
                raise ManifestError(f"{r.get('_local', path)}: a [[source]] entry lacks '{key}' ({r.get('id', r)!r}).")
        files = []
        if r.get("file"):
            files.append(FileRef(r["file"], r.get("sha256"), r.get("url"), r.get("notes", "")))
        for alt in r.get("alternates", []):
            files.append(FileRef(alt["file"], alt.get("sha256"), alt.get("url"), alt.get("notes", "")))
        meta = {k: v for k, v in r.items() if k not in ("id", "title", "type", "file", "sha256", "url", "alternates")}
        entry = SourceEntry(r["id"], r["title"], r["type"], files, meta)
        entries[entry.id] = entry  # a local entry with the same id overrides the project's
    return list(entries.values())


def manifest_by_id() -> dict[str, SourceEntry]:
    return {e.id: e for e in load_manifest()}


@dataclass
class SyncReport:
    ok: list[str] = field(default_factory=list)  # files present and verified
    copied: list[str] = field(default_factory=list)
    downloaded: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # human-readable lines: what and how to supply it
    bad_hash: list[str] = field(default_factory=list)


def _safe_target(root: Path, rel: str) -> Path:
    """Resolve a manifest file name inside `root`; names that escape it are refused."""
    target = (root / rel).resolve()
    if root.resolve() not in target.parents:
        raise ManifestError(f"manifest file name {rel!r} points outside the sources folder; use a relative path.")
    return target


def sync(
    mirror: Path | None = None,
    download: bool = True,
    progress: Callable[[str], None] | None = None,
    dest: Path | None = None,
) -> SyncReport:
    """Fill the sources folder from a mirror or by download; every file must match its sha256."""
    dest = dest or sources_dir()
    dest.mkdir(parents=True, exist_ok=True)
    rep = SyncReport()
    say = progress or (lambda s: None)
    for entry in load_manifest():
        if not entry.files:
            rep.missing.append(
                f"{entry.id} ({entry.title}): no file is known. If you have its text (PDF, HTML or .txt), "
                f"put it in {dest / 'extra'} and run `lentera build`, or name it in corpus/local.toml."
            )
            continue
        for ref in entry.files:
            target = _safe_target(dest, ref.file)
            if target.is_file() and (ref.sha256 is None or sha256_file(target) == ref.sha256):
                rep.ok.append(ref.file)
                continue
            got = False
            if mirror is not None:
                src = Path(mirror) / ref.file
                if src.is_file():
                    h = sha256_file(src)
                    if ref.sha256 and h != ref.sha256:
                        rep.bad_hash.append(f"{src}: sha256 {h} does not match the manifest ({ref.sha256}); not copied.")
                    else:
                        target.parent.mkdir(parents=True, exist_ok=True)
                        tmp = target.with_suffix(target.suffix + ".part")
                        shutil.copyfile(src, tmp)
                        os.replace(tmp, target)
                        rep.copied.append(ref.file)
                        say(f"copied {ref.file}")
                        got = True
            if not got and download and ref.url:
                try:
                    say(f"downloading {ref.url}")
                    target.parent.mkdir(parents=True, exist_ok=True)
                    tmp = target.with_suffix(target.suffix + ".part")
                    with urllib.request.urlopen(ref.url, timeout=30) as r, open(tmp, "wb") as f:
                        shutil.copyfileobj(r, f)
                    h = sha256_file(tmp)
                    if ref.sha256 and h != ref.sha256:
                        tmp.unlink(missing_ok=True)
                        rep.bad_hash.append(f"{ref.url}: downloaded file has sha256 {h}, manifest says {ref.sha256}; discarded.")
                    else:
                        os.replace(tmp, target)
                        rep.downloaded.append(ref.file)
                        got = True
                except OSError as e:
                    say(f"download failed: {e}")
            if not got and not target.is_file():
                how = f"copy it to {target}" + (f" or download {ref.url}" if ref.url else "")
                where = f" (looked in mirror {mirror})" if mirror else " (no mirror given: use --mirror DIR or LENTERA_MIRROR)"
                rep.missing.append(f"{entry.id}: {ref.file} is missing{where}; {how}.")
    return rep
