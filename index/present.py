"""Pure helpers for showing corpus text safely: escaping, highlighting, diffs and export formats.

The app never hands corpus or user text to Streamlit unescaped. Two routes are used:

* HTML (`st.html`): every piece of text goes through `html.escape` *before* any markup of ours
  (`<mark>`, `<del>`, `<ins>`) is added around it; text is split into words first, so a highlight
  can never land inside an entity or a tag.
* Markdown (labels, alerts): `escape_markdown` backslash-escapes every ASCII punctuation character,
  so "[klik](javascript:...)", "**", "<b>", "$x$", ":red[..]" and the like render literally.

Nothing here touches Streamlit, so all of it is unit-tested directly.
"""
from __future__ import annotations

import difflib
import html
import re
from collections.abc import Iterable, Sequence

from ingest.citation import Citation

_MD_SPECIAL = re.compile(r"([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
_EMOJI_CODE = re.compile(r"(?<=:)(?=[A-Za-z0-9_+\-]+:)")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


# ---------------------------------------------------------------------------------------- escaping
def escape_html(text: object) -> str:
    """HTML-escape anything (None -> ""), quotes included."""
    return html.escape("" if text is None else str(text), quote=True)


def escape_markdown(text: object, inline: bool = False) -> str:
    """Text that Streamlit's Markdown renders literally.

    Every ASCII punctuation character is backslash-escaped (CommonMark allows it for all of them),
    which disarms links, emphasis, raw HTML, LaTeX ($), directives (:red[..]) and list/heading markers.
    Emoji shortcodes (":smile:") are matched after parsing, so a zero-width space breaks them.
    `inline=True` folds newlines into spaces (for labels and one-line captions).
    """
    s = "" if text is None else str(text)
    if inline:
        s = " ".join(s.split())
    s = _EMOJI_CODE.sub("\u200b", s)
    return _MD_SPECIAL.sub(r"\\\1", s)


# ------------------------------------------------------------------------------------ highlighting
def question_terms(question: str) -> list[str]:
    """The words of a question worth highlighting: the retrieval tokens, lay words mapped to legal ones
    ("membully" -> "kekerasan", "perundungan"), stopwords and single letters dropped, order kept."""
    from index.lexical import tokenize

    out: list[str] = []
    for t in tokenize(question or "", expand=True):
        if len(t) > 1 and t not in out:
            out.append(t)
    return out


def word_matches(word: str, terms: Iterable[str]) -> bool:
    """A word of the text matches a term when equal (case-insensitive), or when it extends a term of
    five letters or more ("kekerasan" ~ "kekerasannya"), which catches common Indonesian suffixes."""
    w = word.lower()
    for t in terms:
        t = t.lower()
        if w == t or (len(t) >= 5 and w.startswith(t) and len(w) - len(t) <= 4):
            return True
    return False


def highlight_html(text: str, terms: Iterable[str], tag: str = "mark") -> str:
    """`text` HTML-escaped, with the words matching `terms` wrapped in <mark>.

    The text is cut into words and gaps first and each piece is escaped on its own, so the markup
    added here is the only markup in the result whatever the text or the terms contain.
    """
    terms = [t for t in terms if t]
    if not text:
        return ""
    if not terms:
        return escape_html(text)
    out: list[str] = []
    pos = 0
    for m in _WORD.finditer(text):
        if m.start() > pos:
            out.append(escape_html(text[pos: m.start()]))
        word = m.group(0)
        out.append(f"<{tag}>{escape_html(word)}</{tag}>" if word_matches(word, terms) else escape_html(word))
        pos = m.end()
    out.append(escape_html(text[pos:]))
    return "".join(out)


def matched_terms(text: str, terms: Iterable[str]) -> list[str]:
    """Which terms occur in `text` (for a "cocok: ..." caption)."""
    terms = list(dict.fromkeys(t for t in terms if t))
    words = [m.group(0) for m in _WORD.finditer(text or "")]
    return [t for t in terms if any(word_matches(w, [t]) for w in words)]


# ---------------------------------------------------------------------------------- article bodies
def ayat_blocks_html(
    ayat: Sequence[tuple[str, str]],
    fallback_text: str,
    emphasise: str | None = None,
    terms: Iterable[str] = (),
) -> str:
    """The body of an article: one block per ayat (number, verbatim text), the `emphasise`d ayat marked
    with class "lt-hit"; an article without ayat is one block. All text escaped."""
    terms = list(terms)
    if not ayat:
        return f'<div class="lt-ayat">{highlight_html(fallback_text, terms)}</div>'
    parts = []
    for number, text in ayat:
        hit = emphasise is not None and number.lower() == str(emphasise).lower()
        cls = "lt-ayat lt-hit" if hit else "lt-ayat"
        label = ' <span class="lt-hit-label">← ayat yang cocok</span>' if hit else ""
        parts.append(f'<div class="{cls}">{highlight_html(text, terms)}{label}</div>')
    return "".join(parts)


def ayat_containing(ayat: Sequence[tuple[str, str]], sentence: str) -> str | None:
    """The number of the ayat whose text contains `sentence` (the quoted answer sentence), if any."""
    needle = " ".join((sentence or "").split())
    if not needle:
        return None
    for number, text in ayat:
        if needle in " ".join(text.split()):
            return number
    return None


def breadcrumb(heading_path: Sequence[str]) -> str:
    """ "BAB II DIVERSI › Bagian Kesatu Umum" (plain text; escape at the point of display)."""
    return " › ".join(h for h in heading_path if h)


def diff_html(old: str, new: str) -> tuple[str, str]:
    """Word-level comparison of two wordings: (old with removed words in <del>, new with added words in
    <ins>), both HTML-escaped. Whitespace runs are kept as they are."""
    a = re.findall(r"\S+|\s+", old or "")
    b = re.findall(r"\S+|\s+", new or "")
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    left: list[str] = []
    right: list[str] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        old_part = escape_html("".join(a[i1:i2]))
        new_part = escape_html("".join(b[j1:j2]))
        if op == "equal":
            left.append(old_part)
            right.append(new_part)
            continue
        if old_part:
            left.append(f"<del>{old_part}</del>")
        if new_part:
            right.append(f"<ins>{new_part}</ins>")
    return "".join(left), "".join(right)


# -------------------------------------------------------------------------------------- citations
ACTION_LABEL = {
    "asli": "Rumusan asli",
    "diubah": "Diubah",
    "disisipkan": "Disisipkan",
    "dihapus": "Dihapus",
    "ditambah": "Ditambah",
}


def version_label(act: str, action: str, date: str | None) -> str:
    """ "Rumusan asli — UU 23/2002 (2002)", "Diubah — UU 35/2014 (2014-10-17)"."""
    head = ACTION_LABEL.get(action, action.capitalize() if action else "Rumusan")
    return f"{head} — {act}" + (f" ({date})" if date else "")


def legal_citation(doc: str, pasal: str | None, ayat: str | None, doc_title: str = "") -> str:
    """The citation as Indonesian legal writing has it: "Pasal 7 ayat (2) Undang-Undang Nomor 11 Tahun
    2012 tentang Sistem Peradilan Pidana Anak". A paper (no pasal) is cited by its title."""
    if not pasal:
        return doc_title or doc
    return Citation(doc, pasal, ayat).legal_form(doc_title or None)


def passage_legal_citation(p) -> str:
    """`legal_citation` of a retrieval Passage (anything with doc, pasal, ayat, doc_title)."""
    return legal_citation(p.doc, p.pasal, p.ayat, p.doc_title)


def export_markdown(ans) -> str:
    """Answer.to_markdown() plus the sources once more in legal citation form, for a memo or a brief."""
    lines = [ans.to_markdown().rstrip(), "", "**Rujukan (bentuk sitasi):**", ""]
    for p in ans.result.passages:
        lines.append(f"{p.rank}. {passage_legal_citation(p)}")
    lines += ["", "_Disusun dengan Lentera dari kutipan pasal; bukan nasihat hukum. Periksa teks resmi._", ""]
    return "\n".join(lines)


def printable_text(ans) -> str:
    """A plain-text rendering for printing or pasting: question, answer, sources in legal form."""
    out = [f"Pertanyaan: {ans.question}", "", "Jawaban (kutipan):"]
    if ans.weak:
        out.append(ans.text)
    else:
        by_rank = {p.rank: p for p in ans.result.passages}
        for q in ans.quotes:
            p = by_rank.get(q.marker)
            cite = passage_legal_citation(p) if p else q.citation
            out.append(f"[{q.marker}] {cite}: “{q.text}”")
    out += ["", "Sumber:"]
    for p in ans.result.passages:
        out.append(f"[{p.rank}] {passage_legal_citation(p)}")
        out.extend("    " + line for line in p.text.split("\n"))
        out.append("")
    out.append("Disusun dengan Lentera dari kutipan pasal; bukan nasihat hukum. Periksa teks resmi.")
    return "\n".join(out)


def doc_label(doc_id: str, title: str, width: int = 70) -> str:
    """ "UU 11/2012 — Undang-Undang Nomor 11 Tahun 2012 tentang ..." shortened for a select box."""
    label = f"{doc_id} — {title}" if title and title != doc_id else doc_id
    return label if len(label) <= width else label[: width - 1].rstrip() + "…"


KIND_LABEL = {
    "UU": "Undang-Undang (UU)",
    "KUHP": "KUHP",
    "PP": "Peraturan Pemerintah (PP)",
    "PERMA": "Peraturan Mahkamah Agung (PERMA)",
    "PERPPU": "Perppu",
    "paper": "Makalah / kajian",
}


def kind_label(kind: str) -> str:
    return KIND_LABEL.get(kind, kind)
