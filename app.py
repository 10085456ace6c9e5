"""Lentera: the Streamlit app. Ask a question, look up an article, browse an act — offline.

A thin shell over index/ and ingest/: retrieval, answers and lookups live there; escaping and
highlighting live in index/present.py. Every corpus or user string reaches the page either
HTML-escaped (st.html) or Markdown-escaped (labels, alerts), never raw.

Shareable links: ?q=<question> (Tanya), ?pasal=<citation> (Cari Pasal), ?doc=<id>&pasal=<n> (Telusuri).
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("OMP_NUM_THREADS", "1")  # single queries: a 2nd thread only contends (eval/README.md)

import streamlit as st  # noqa: E402

from index.answer import Answer, answer  # noqa: E402
from index.lookup import ArticleView, LookupError_, lookup, table_of_contents  # noqa: E402
from index.present import (  # noqa: E402
    ayat_blocks_html,
    ayat_containing,
    breadcrumb,
    diff_html,
    doc_label,
    escape_html,
    escape_markdown,
    export_markdown,
    highlight_html,
    kind_label,
    legal_citation,
    matched_terms,
    passage_legal_citation,
    printable_text,
    question_terms,
    version_label,
)
from index.checker import check_text  # noqa: E402
from index.retrieve import Passage, QuestionError, Retriever  # noqa: E402
from index.store import current_version  # noqa: E402
from ingest.citation import Citation  # noqa: E402
from ingest.corpus import data_home  # noqa: E402

MODES = ["Tanya", "Cari Pasal", "Telusuri", "Periksa Kutipan"]
MODE_HELP = [
    "Tanya dengan bahasa sehari-hari",
    "Buka pasal dari kutipannya",
    "Baca undang-undang per BAB",
    "Cek pasal dan kutipan dalam draf Anda",
]
EXAMPLE_QUESTIONS = [
    "anak 13 tahun membully temannya, sanksinya apa?",
    "berapa lama anak boleh ditahan?",
    "apa itu diversi?",
    "anak saya dipukul kakak kelas, bisa lapor?",
    "pasal 76C UU 35/2014",
]
EXAMPLE_CITATIONS = ["Pasal 7 UU No. 11 Tahun 2012", "310 KUHP", "pasal 76c uu 35/2014", "UU 11/2012 Pasal 32 ayat (2)"]
SEARCH_METHODS = {"hybrid": "Gabungan (disarankan)", "bm25": "Kata kunci (BM25)", "dense": "Makna (vektor)"}
MAX_REF_BUTTONS = 12
DISCLAIMER = "Lentera menampilkan kutipan peraturan apa adanya — bukan nasihat hukum. Periksa teks resmi."

CSS = """
<style>
mark { background: #fde68a; color: #111; padding: 0 .12em; border-radius: 3px; }
.lt-text, .lt-ayat { white-space: pre-wrap; line-height: 1.55; }
.lt-ayat { padding: .3rem .6rem; margin: .15rem 0; border-left: 3px solid transparent; }
.lt-hit { border-left-color: #d97706; background: rgba(251, 191, 36, .14); }
.lt-hit-label { font-size: .8em; color: #b45309; white-space: nowrap; }
.lt-marker { font-weight: 700; color: #b45309; margin-right: .25em; }
.lt-citation { font-weight: 700; font-size: 1.05em; }
.lt-doctitle { color: #6b7280; font-size: .9em; }
.lt-quote { margin: .35rem 0; line-height: 1.55; }
.lt-question { font-style: italic; }
.lt-penjelasan { white-space: pre-wrap; border-left: 3px solid #93c5fd; padding: .3rem .6rem; background: rgba(147, 197, 253, .12); }
.lt-version { white-space: pre-wrap; font-size: .92em; line-height: 1.5; }
.lt-version del { background: #fee2e2; color: #991b1b; }
.lt-version ins { background: #dcfce7; color: #166534; text-decoration: none; }
.lt-toc li { margin: .1rem 0; }
[data-testid="stAppDeployButton"] { display: none; }
@media print {
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"],
  .stButton, .stDownloadButton, [data-testid="stTextInput"] { display: none !important; }
}
</style>
"""


# ================================================================================ loading
@st.cache_resource(show_spinner="Memuat indeks dan model bahasa …", max_entries=2)
def load_retriever(home: str, version: str) -> Retriever:
    """One retriever per (data folder, index version): a rebuilt index gets a new version and is picked up."""
    return Retriever.open(Path(home))


def show_no_index(home: Path, detail: str | None = None) -> None:
    st.title("Lentera")
    st.error("Indeks belum tersedia. Lentera perlu membangun indeks dari korpus peraturan sebelum bisa dipakai.")
    st.markdown("Jalankan salah satu perintah ini di folder proyek, lalu muat ulang halaman ini:")
    st.code("make run", language="bash")
    st.markdown("atau, bila lingkungan Python sudah terpasang:")
    st.code("lentera build", language="bash")
    st.caption("Folder data: " + escape_markdown(str(home), inline=True))
    if detail:
        with st.expander("Detail teknis"):
            st.text(detail)


def get_retriever() -> Retriever | None:
    """The cached retriever, or None after showing how to build the index."""
    from index.embedder import EmbedderError
    from index.store import IndexError_

    home = data_home()
    version = current_version(home)
    if version is None:
        show_no_index(home)
        return None
    try:
        return load_retriever(str(home), version.name)
    except (IndexError_, EmbedderError) as e:
        show_no_index(home, str(e))
        return None


# ================================================================================ state & links
def init_state() -> None:
    """First run of a session: take the mode and its input from the link (?q=, ?pasal=, ?doc=)."""
    if st.session_state.get("_init"):
        return
    st.session_state["_init"] = True
    qp = st.query_params
    if qp.get("q"):
        st.session_state["mode"] = "Tanya"
        st.session_state["question"] = qp["q"][:2000]
    elif qp.get("doc"):
        st.session_state["mode"] = "Telusuri"
        st.session_state["browse_doc_req"] = qp["doc"]
        st.session_state["browse_pasal_req"] = qp.get("pasal")
    elif qp.get("pasal"):
        st.session_state["mode"] = "Cari Pasal"
        st.session_state["pasal_query"] = qp["pasal"][:300]


def set_link(**params: str | None) -> None:
    """Keep the address bar in step with what is shown, so the page can be shared or bookmarked."""
    want = {k: v for k, v in params.items() if v}
    if dict(st.query_params) != want:
        st.query_params.from_dict(want)


def set_question(q: str) -> None:
    st.session_state["question"] = q


def set_pasal_query(q: str) -> None:
    st.session_state["pasal_query"] = q


def open_article(citation: str) -> None:
    """A cross-reference button: switch to Cari Pasal with that article."""
    st.session_state["mode"] = "Cari Pasal"
    st.session_state["pasal_query"] = citation


# ================================================================================ sidebar
def sidebar(r: Retriever) -> dict:
    """Mode switch and search filters; returns the filters for answer()."""
    sb = st.sidebar
    sb.title("Lentera")
    sb.caption("Hukum perlindungan anak & peradilan pidana anak — luring (offline)")
    sb.radio("Mode", MODES, key="mode", captions=MODE_HELP)
    sb.divider()
    sb.subheader("Saring pencarian")
    sb.caption("Berlaku untuk mode Tanya.")
    kinds = sorted({d.kind for d in r.docs.values()})
    sel_kinds = sb.multiselect("Jenis dokumen", kinds, format_func=kind_label, key="filter_kinds", placeholder="Semua jenis")
    doc_ids = sorted(r.docs, key=lambda d: (r.docs[d].kind == "paper", d))
    sel_docs = sb.multiselect(
        "Dokumen", doc_ids, format_func=lambda d: doc_label(d, r.docs[d].title, 60), key="filter_docs", placeholder="Semua dokumen"
    )
    k = sb.slider("Jumlah pasal yang ditampilkan", 3, 10, 5, key="k")
    use_date = sb.checkbox("Hukum yang berlaku pada tanggal tertentu", key="use_as_of")
    as_of = sb.date_input("Per tanggal", key="as_of", format="DD/MM/YYYY", min_value=dt.date(1946, 1, 1)) if use_date else None
    method = sb.selectbox("Metode pencarian", list(SEARCH_METHODS), format_func=SEARCH_METHODS.get, key="method")
    sb.divider()
    sb.caption(f"Indeks {escape_markdown(r.idx.version, inline=True)} · {len(r.docs)} dokumen · {len(r.chunks)} potongan teks")
    sb.caption(escape_markdown(DISCLAIMER))
    return {"docs": set(sel_docs) or None, "kinds": set(sel_kinds) or None, "k": k, "mode": method, "as_of": as_of}


# ================================================================================ shared pieces
def example_buttons(examples: list[str], on_click, key: str) -> None:
    row = st.container(horizontal=True)
    for i, ex in enumerate(examples):
        row.button(escape_markdown(ex, inline=True), key=f"{key}-{i}", on_click=on_click, args=(ex,), type="secondary")


def badges(items: list[tuple[str, str]]) -> None:
    """A row of small labels: [(text, colour)]."""
    if not items:
        return
    row = st.container(horizontal=True, gap="small")
    for text, colour in items:
        with row:
            st.badge(escape_markdown(text, inline=True), color=colour)


def reason_badges(p: Passage) -> list[tuple[str, str]]:
    out = []
    for reason in p.reasons:
        colour = {"sanction": "orange", "prohibition": "red", "named": "green"}.get(reason.kind, "blue")
        out.append((reason.label, colour))
    if p.chunk.kind == "penjelasan":
        out.append(("dari Penjelasan", "violet"))
    if p.doc_kind == "paper":
        out.append(("makalah / kajian, bukan peraturan", "gray"))
    return out


def reference_buttons(label: str, cites: list[Citation], key: str) -> None:
    if not cites:
        return
    st.markdown(f"**{label}**")
    row = st.container(horizontal=True)
    for i, c in enumerate(cites[:MAX_REF_BUTTONS]):
        text = c.display()
        row.button(escape_markdown(text, inline=True), key=f"{key}-{i}", on_click=open_article, args=(text,), type="tertiary", icon="↪")
    if len(cites) > MAX_REF_BUTTONS:
        st.caption(f"dan {len(cites) - MAX_REF_BUTTONS} pasal lainnya")


def show_history(view: ArticleView) -> None:
    """Every wording of an amended article, each change side by side with the words changed marked."""
    hist = view.history
    if len(hist) < 2:
        return
    st.markdown("**Riwayat perubahan**")
    for old, new in zip(hist, hist[1:]):
        left, right = st.columns(2)
        old_html, new_html = diff_html(old.text, new.text)
        with left:
            st.caption(escape_markdown(version_label(old.act, old.action, old.date), inline=True))
            st.html(f'<div class="lt-version">{old_html}</div>')
        with right:
            st.caption(escape_markdown(version_label(new.act, new.action, new.date), inline=True))
            st.html(f'<div class="lt-version">{new_html}</div>')


def show_article(view: ArticleView, key: str, emphasise: str | None = None, terms: list[str] | None = None) -> None:
    """An article in context: heading path, all ayat (one emphasised), Penjelasan, references, history."""
    terms = terms or []
    cite = view.citation.article()
    st.html(
        f'<div><span class="lt-citation">{escape_html(cite.display())}</span>'
        f'<div class="lt-doctitle">{escape_html(view.doc_title)}</div></div>'
    )
    if view.heading_path:
        st.caption(escape_markdown(breadcrumb(view.heading_path), inline=True))
    marks = []
    if view.pasal.status == "dihapus":
        marks.append(("dihapus", "red"))
    if view.pasal.amendment:
        marks.append((f"{view.pasal.amendment} oleh {view.citation.doc}", "orange"))
    badges(marks)
    for note in view.notes:
        st.info(escape_markdown(note), icon="ℹ️")
    ayat = [(a.number, a.text) for a in view.pasal.ayat]
    st.html(ayat_blocks_html(ayat, view.pasal.text, emphasise=emphasise, terms=terms))
    st.caption("Sitasi: " + escape_markdown(legal_citation(cite.doc, cite.pasal, emphasise, view.doc_title), inline=True))
    if view.penjelasan:
        st.html(f'<div class="lt-penjelasan"><b>Penjelasan</b><br>{escape_html(view.penjelasan)}</div>')
    reference_buttons("Merujuk ke", view.refers_to, f"{key}-to")
    reference_buttons("Dirujuk oleh", view.referred_by, f"{key}-by")
    show_history(view)


def show_paper_section(r: Retriever, p: Passage) -> None:
    """The whole section of a paper a passage comes from."""
    doc = r.docs.get(p.doc)
    section = next((s for s in doc.sections if s.heading == p.chunk.section), None) if doc else None
    if section is None:
        st.html(f'<div class="lt-text">{escape_html(p.text)}</div>')
        return
    st.caption(escape_markdown(section.heading, inline=True))
    st.html("".join(f'<p class="lt-text">{escape_html(par)}</p>' for par in section.paragraphs))


# ================================================================================ Tanya
def get_answer(r: Retriever, question: str, f: dict) -> Answer:
    """answer(), remembered for the session so reruns (buttons, expanders) do not search again."""
    memo_key = (r.idx.version, question, f["k"], f["mode"], tuple(sorted(f["docs"] or ())), tuple(sorted(f["kinds"] or ())), f.get("as_of"))
    memo = st.session_state.get("_answer")
    if memo and memo[0] == memo_key:
        return memo[1]
    with st.spinner("Mencari pasal yang relevan …"):
        ans = answer(r, question, k=f["k"], mode=f["mode"], docs=f["docs"], kinds=f["kinds"], as_of=f.get("as_of"))
    st.session_state["_answer"] = (memo_key, ans)
    return ans


def show_quotes(ans: Answer, terms: list[str], filtered: bool = False) -> None:
    st.subheader("Jawaban")
    if ans.weak:
        title = "**Di luar korpus.** " if ans.result.outside or ans.result.missing else "**Bukti lemah.** "
        st.warning(title + escape_markdown(ans.text), icon="⚠️")
        if filtered:
            st.caption("Saringan dokumen di panel samping sedang aktif; hapus saringan untuk mencari di seluruh korpus.")
        return
    read = ans.result.situation.describe()
    if read:
        st.caption("Pertanyaan dibaca sebagai: " + escape_markdown(read, inline=True))
    st.caption("Kalimat-kalimat berikut dikutip apa adanya dari pasal; angka [n] menunjuk ke sumber di bawah.")
    parts = [
        f'<p class="lt-quote"><span class="lt-marker">[{q.marker}]</span><b>{escape_html(q.citation)}</b>: '
        f"“{highlight_html(q.text, terms).replace(chr(10), '<br>')}”</p>"  # a quoted list keeps its items on their lines
        for q in ans.quotes
    ]
    st.html("".join(parts))
    for note in ans.notes:  # in-force warnings first, then whether age conditions fit the child asked about
        if note.startswith("⚠"):
            st.warning(escape_markdown(note.lstrip("⚠ ")), icon="⚠️")
        else:
            st.info(escape_markdown(note.lstrip("ℹ ")), icon="ℹ️")


def show_passage(r: Retriever, p: Passage, terms: list[str], quote: str | None = None) -> None:
    with st.container(border=True):
        st.html(
            f'<div id="sumber-{p.rank}"><span class="lt-marker">[{p.rank}]</span>'
            f'<span class="lt-citation">{escape_html(p.citation)}</span>'
            f'<div class="lt-doctitle">{escape_html(p.doc_title)}</div></div>'
        )
        badges(reason_badges(p))
        for n in p.validity:
            st.warning(escape_markdown(n), icon="⚠️")
        if p.age_note:
            st.caption("Umur: " + escape_markdown(p.age_note, inline=True))
        if p.chunk.heading_path:
            st.caption(escape_markdown(breadcrumb(p.chunk.heading_path), inline=True))
        st.html(f'<div class="lt-text">{highlight_html(p.text, terms)}</div>')
        hits = matched_terms(p.text, terms)
        cite_line = "Sitasi: " + passage_legal_citation(p) + (f" · kata yang cocok: {', '.join(hits)}" if hits else "")
        st.caption(escape_markdown(cite_line, inline=True))
        if p.pasal is None:
            with st.expander("Baca bagian lengkap"):
                show_paper_section(r, p)
            return
        with st.expander("Baca pasal lengkap"):
            try:
                view = lookup(r.docs, Citation(p.doc, p.pasal), refs=(r.refs, r.referred_by))
            except LookupError_ as e:
                st.error(escape_markdown(str(e)))
                return
            emphasise = None
            if view.citation.doc == p.doc:  # not when a newer wording of another act is shown
                emphasise = p.ayat or ayat_containing([(a.number, a.text) for a in view.pasal.ayat], quote or "")
            show_article(view, key=f"src-{p.rank}", emphasise=emphasise, terms=terms)


def show_export(ans: Answer) -> None:
    st.subheader("Simpan & cetak")
    row = st.container(horizontal=True)
    with row:
        st.download_button(
            "Unduh jawaban (Markdown)", export_markdown(ans), file_name="lentera-jawaban.md", mime="text/markdown", icon="⬇️"
        )
        st.download_button("Unduh teks polos", printable_text(ans), file_name="lentera-jawaban.txt", mime="text/plain", icon="📄")
    st.caption("Untuk mencetak: nyalakan “Tampilan cetak” di atas, lalu Ctrl+P.")


def page_ask(r: Retriever, filters: dict) -> None:
    st.title("Tanya")
    st.caption("Tulis pertanyaan dengan bahasa sehari-hari. Jawaban disusun dari kutipan pasal, lengkap dengan sumbernya.")
    example_buttons(EXAMPLE_QUESTIONS, set_question, "ex-q")
    st.text_input(
        "Pertanyaan", key="question", placeholder="mis. berapa lama anak boleh ditahan?", max_chars=2000, persist_state="page"
    )
    top = st.container(horizontal=True, vertical_alignment="center")
    top.button("Cari jawaban", type="primary", key="ask")
    printable = top.toggle(
        "Tampilan cetak", key="print_view", help="Hanya teks, tanpa tombol dan warna — untuk dicetak.", persist_state="page"
    )
    question = (st.session_state.get("question") or "").strip()
    set_link(q=question)
    if not question:
        st.info("Pilih salah satu contoh di atas atau tulis pertanyaan Anda, lalu tekan Enter.")
        return
    try:
        ans = get_answer(r, question, filters)
    except QuestionError as e:
        st.error(escape_markdown(str(e)))
        return
    if printable:
        st.text(printable_text(ans))
        return
    terms = question_terms(question)
    st.html(f'<p>Pertanyaan: <span class="lt-question">{escape_html(question)}</span></p>')
    show_quotes(ans, terms, filtered=bool(filters["docs"] or filters["kinds"]))
    res = ans.result
    st.caption(f"{len(res.passages)} sumber · {res.millis:.0f} ms")
    if res.passages:
        st.subheader("Kutipan terdekat — periksa dengan hati-hati" if ans.weak else "Sumber yang dikutip")
    quotes = {q.marker: q.text for q in ans.quotes}
    for p in res.passages:
        show_passage(r, p, terms, quotes.get(p.rank))
    show_export(ans)


# ================================================================================ Cari Pasal
def page_lookup(r: Retriever) -> None:
    st.title("Cari Pasal")
    st.caption(
        "Tulis kutipan pasal dalam bentuk apa saja, misalnya “Pasal 7 UU No. 11 Tahun 2012”, “310 KUHP”, "
        "“pasal 76c uu 35/2014”."
    )
    example_buttons(EXAMPLE_CITATIONS, set_pasal_query, "ex-c")
    st.text_input(
        "Kutipan pasal", key="pasal_query", placeholder="mis. UU 11/2012 Pasal 7 ayat (2)", max_chars=300, persist_state="page"
    )
    query = (st.session_state.get("pasal_query") or "").strip()
    set_link(pasal=query)
    if not query:
        st.info("Tulis kutipan pasal, lalu tekan Enter.")
        return
    try:
        view = lookup(r.docs, query, refs=(r.refs, r.referred_by), on=st.session_state.get("as_of") if st.session_state.get("use_as_of") else None)
    except LookupError_ as e:
        st.error("Pasal tidak ditemukan: " + escape_markdown(str(e)))
        st.caption("Contoh penulisan: “UU 11/2012 Pasal 7 ayat (2)”, “Pasal 80 UU 35/2014”, “310 KUHP”.")
        return
    show_article(view, key="lookup", emphasise=view.ayat.number if view.ayat else None)


# ================================================================================ Telusuri
def pick_document(r: Retriever) -> str:
    ids = sorted(r.docs, key=lambda d: (r.docs[d].kind == "paper", r.docs[d].kind, d))
    want = st.session_state.pop("browse_doc_req", None)
    if want in r.docs:
        st.session_state["browse_doc"] = want
    return st.selectbox("Dokumen", ids, format_func=lambda d: doc_label(d, r.docs[d].title, 90), key="browse_doc", persist_state="page")


def jump_to_pasal(doc_id: str) -> None:
    """"Lompat ke pasal": select that pasal (and its BAB) on the next run, then clear the box."""
    st.session_state["browse_pasal_req"] = st.session_state.get(f"jump-{doc_id}")
    st.session_state[f"jump-{doc_id}"] = None


def pick_pasal(doc_id: str, toc: list[tuple[str, list[str]]]) -> str | None:
    want = st.session_state.pop("browse_pasal_req", None)
    if want:
        for i, (_, numbers) in enumerate(toc):
            if want.upper() in numbers:
                st.session_state[f"bab-{doc_id}"] = i
                st.session_state[f"pasal-{doc_id}"] = want.upper()
    left, right = st.columns([3, 1])
    bab = left.selectbox(
        "BAB", range(len(toc)), format_func=lambda i: f"{toc[i][0]} ({len(toc[i][1])} pasal)", key=f"bab-{doc_id}",
        persist_state="page",
    )
    right.selectbox(
        "Lompat ke pasal", [n for _, nums in toc for n in nums], index=None, placeholder="nomor pasal …",
        key=f"jump-{doc_id}", on_change=jump_to_pasal, args=(doc_id,),
    )
    numbers = toc[bab][1] if bab is not None else []
    if st.session_state.get(f"pasal-{doc_id}") not in numbers:
        st.session_state[f"pasal-{doc_id}"] = numbers[0] if numbers else None
    return st.pills("Pasal", numbers, key=f"pasal-{doc_id}", format_func=lambda n: f"Pasal {n}", persist_state="page")


def show_toc(toc: list[tuple[str, list[str]]]) -> None:
    with st.expander("Daftar isi lengkap"):
        items = "".join(
            f"<li><b>{escape_html(head)}</b>: Pasal {escape_html(', '.join(nums))}</li>" for head, nums in toc
        )
        st.html(f'<ul class="lt-toc">{items}</ul>')


def show_paper(doc) -> None:
    for s in doc.sections:
        st.markdown(f"**{escape_markdown(s.heading, inline=True)}**")
        st.html("".join(f'<p class="lt-text">{escape_html(par)}</p>' for par in s.paragraphs))


def page_browse(r: Retriever) -> None:
    st.title("Telusuri")
    st.caption("Pilih dokumen, lalu BAB dan pasalnya.")
    doc_id = pick_document(r)
    doc = r.docs[doc_id]
    st.html(f'<div class="lt-doctitle">{escape_html(doc.title)}</div>')
    info = [(kind_label(doc.kind), "blue")]
    info += [(f"mengubah {a}", "orange") for a in doc.amends]
    info += [(f"diubah oleh {a}", "orange") for a in r.amended_by(doc_id)]
    badges(info)
    if doc.kind == "paper" or not doc.pasal:
        set_link(doc=doc_id)
        show_paper(doc)
        return
    toc = table_of_contents(doc)
    show_toc(toc)
    number = pick_pasal(doc_id, toc)
    set_link(doc=doc_id, pasal=number)
    if not number:
        return
    try:
        view = lookup(r.docs, Citation(doc_id, number), refs=(r.refs, r.referred_by))
    except LookupError_ as e:
        st.error(escape_markdown(str(e)))
        return
    st.divider()
    show_article(view, key="browse")


# ================================================================================ main
def page_check(r: Retriever) -> None:
    """Citation checker: every article cited in a pasted text, whether it exists and is in force, and
    whether the quoted wording matches the article."""
    st.title("Periksa Kutipan")
    st.caption("Tempel paragraf atau draf memo. Lentera memeriksa setiap pasal yang disebut dan kutipan “…” di dekatnya.")
    text = st.text_area("Teks yang diperiksa", key="check_text", height=200, max_chars=50_000)
    if not text.strip():
        st.info("Tempel teks, lalu tekan Ctrl+Enter.")
        return
    findings = check_text(r.docs, text, st.session_state.get("as_of") if st.session_state.get("use_as_of") else None)
    if not findings:
        st.warning("Tidak ada kutipan pasal dalam teks.")
        return
    ok = sum(f.status == "ada" for f in findings)
    st.caption(f"{len(findings)} kutipan: {ok} ditemukan, {len(findings) - ok} bermasalah atau tidak dapat diperiksa.")
    for k, f in enumerate(findings):
        icon = "✅" if f.status == "ada" else ("❔" if f.status == "peraturan tidak disebut" else "❌")
        with st.container(border=True):
            st.markdown(f"{icon} **{escape_markdown(f.citation.display(), inline=True)}** — {escape_markdown(f.status, inline=True)}")
            st.caption(escape_markdown(f.message))
            if f.quote:
                st.markdown(f"Kutipan: **{escape_markdown(f.quote_status, inline=True)}** (kemiripan {f.quote_score:.2f})")
                st.text(f.quote)
            for n in f.validity:
                st.warning(escape_markdown(n))


def main() -> None:
    st.set_page_config(page_title="Lentera — hukum perlindungan anak", page_icon="🪔", layout="wide")
    st.html(CSS)
    r = get_retriever()
    if r is None:
        return
    init_state()
    filters = sidebar(r)
    mode = st.session_state.get("mode", MODES[0])
    if mode == "Cari Pasal":
        page_lookup(r)
    elif mode == "Telusuri":
        page_browse(r)
    elif mode == "Periksa Kutipan":
        page_check(r)
    else:
        page_ask(r, filters)


main()
