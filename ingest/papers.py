"""Parse the project's source papers (HTML from a PDF conversion, plain text) into `Document`s.

Papers are background material for the assistant, so what matters is that every paragraph comes
out whole, verbatim and under the heading it really has: the retriever cites "paper, section",
and a paragraph cut at a page break or a footnote digit glued to a word ("online2") would make
both the chunk and the citation wrong. Everything the parser had to repair is written to
`Document.warnings`; nothing is silently reworded or deduplicated.

Extra facts that `Document` has no field for go to `Document.meta`:
  year, journal, volume, issue, pages, doi      bibliographic data found in the file
  title_as_printed                              the title as printed in the article body
  affiliations                                  [{"name", "affiliation", "email"}]
  keywords, keywords_en                         from "Kata Kunci:" / "Keywords:"
  references_heading                            heading of the bibliography section, if any
  footnote_refs                                 [{"marker", "section", "paragraph"}] (indices)
  page_break_joins                              number of paragraphs rejoined across page breaks
  removed_running_heads                         running heads / page numbers dropped
  repeated_sentences                            [{"section", "paragraph", "sentence"}]
  front_matter                                  the YAML front matter, as flat strings
  encoding                                      "utf-8" or "cp1252"
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Doctype, ProcessingInstruction

from ingest.model import Document, Footnote, Section

__all__ = ["parse_paper", "parse_paper_html", "parse_paper_text"]

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}

# Footnote markers survive text extraction as sentinels (private-use characters), so that the
# page-break joiner can see them and we can record which paragraph cites which note afterwards.
_FN_OPEN, _FN_CLOSE = "\ue000", "\ue001"
_FN_SENTINEL = re.compile(r"\s*" + _FN_OPEN + r"([^" + _FN_CLOSE + r"]*)" + _FN_CLOSE)
_SUP_MARKER = re.compile(r"^\[?\s*((?:\d{1,3}|[*†‡]+)(?:\s*,\s*(?:\d{1,3}|[*†‡]+))*)\s*\]?$")

_TERMINAL = ".!?:;"
_CLOSERS = "\"'”’»)]}"
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\ufeff"), None)

# Words a sentence cannot end on: if a page ends on one of them the paragraph continues on the
# next page even when the next page starts with a capital ("Dikutip dari" / "Yuliatun (2017)").
_FUNCTION_WORDS = {
    # Indonesian
    "dan", "atau", "serta", "yang", "di", "ke", "dari", "pada", "dalam", "dengan", "untuk",
    "oleh", "bagi", "kepada", "terhadap", "antara", "tentang", "terkait", "mengenai", "sebagai",
    "karena", "bahwa", "agar", "supaya", "jika", "apabila", "namun", "tetapi", "melalui",
    "menurut", "berdasarkan", "adalah", "ialah", "yaitu", "yakni", "juga", "para", "sang",
    "si", "secara", "akan", "telah", "sudah", "tidak", "bukan", "hanya", "maupun", "baik",
    "seperti", "sehingga", "lewat", "guna", "demi", "tanpa", "sejak", "hingga", "sampai",
    "pasal", "ayat", "nomor", "no.", "tahun", "huruf", "undang-undang",
    # English
    "and", "or", "of", "the", "a", "an", "to", "in", "on", "for", "with", "by", "from", "that",
    "which", "as", "at", "is", "are", "was", "were", "be",
}

_KNOWN_HEADINGS = {
    "abstrak", "abstract", "pendahuluan", "introduction", "kesimpulan", "penutup", "simpulan",
    "daftar pustaka", "referensi", "references", "bibliography", "daftar referensi",
    "metode penelitian", "hasil dan pembahasan", "pembahasan", "saran", "conclusion",
    "acknowledgements", "ucapan terima kasih", "lampiran",
}
_REFERENCE_HEADINGS = {"daftar pustaka", "referensi", "references", "bibliography", "daftar referensi"}

_ROMAN_HEADING = re.compile(r"^(?P<num>[IVXLC]+)\.\s+\S")
_ARABIC_HEADING = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})*)\.?\s+\S")
_LIST_ITEM = re.compile(r"^(?:[a-z]|\d{1,2}|[ivx]{1,4})[.)]\s")
_URL_END = re.compile(r"(?:https?://|www\.)\S+$")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_RUNNING_HEAD = re.compile(
    r"^(?P<journal>[^\n]{3,120}?)\s*,?\s*Vol(?:ume)?\.?\s*(?P<volume>\d+)\s*,?\s*"
    r"(?:No|Nomor|Issue)\.?\s*(?P<issue>\d+)\s*,?\s*(?:\(?\s*(?:Tahun|Year)?\s*(?P<year>(?:19|20)\d\d)\s*\)?)?"
    r"\s*,?\s*(?:(?:hlm|hal|halaman|pp?|pages?)\.?\s*(?P<pages>\d+\s*[-–]\s*\d+))?\s*\.?$",
    re.IGNORECASE,
)
_ISSN_LINE = re.compile(r"^(?:p-|e-|print\s+|online\s+)?ISSN\b.{0,80}$", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^(?:-\s*)?\d{1,4}(?:\s*-)?$")


# --------------------------------------------------------------------------------------------
# public API


def parse_paper(path: Path, doc_id: str | None = None) -> Document:
    """Parse a paper, choosing the parser by file suffix so callers need not know the format."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return parse_paper_html(path, doc_id)
    if suffix in TEXT_SUFFIXES:
        return parse_paper_text(path, doc_id)
    raise ValueError(f"{path}: unsupported paper format {suffix or '(no suffix)'!r}; "
                     f"expected one of {sorted(HTML_SUFFIXES | TEXT_SUFFIXES)}")


def parse_paper_html(path: Path, doc_id: str | None = None) -> Document:
    """Parse an HTML paper (PDF conversion, optional YAML front matter) into sections and footnotes.

    The conversion puts every PDF line group in its own <p>, so page breaks cut paragraphs and
    footnote markers are <sup> digits; both are repaired here rather than downstream.
    """
    path = Path(path)
    raw, text, warnings, encoding = _read(path)
    front, body = _split_front_matter(text)
    soup = BeautifulSoup(body, "html.parser")
    for junk in soup(["script", "style", "noscript", "head", "nav"]):
        if junk.name == "head":
            _harvest_head_meta(junk, front)
        junk.decompose()

    notes = _extract_footnote_texts(soup)
    blocks = _html_blocks(soup)
    if not any(b.text.strip() for b in blocks):
        raise ValueError(f"{path}: HTML file contains no text")

    doc = Document(
        id=doc_id or _slug(path),
        title="",
        kind="paper",
        source_file=path.name,
        sha256=hashlib.sha256(raw).hexdigest(),
        warnings=warnings,
        meta={"encoding": encoding},
    )
    if front:
        doc.meta["front_matter"] = dict(front)

    # Title: the front matter wins (it is clean title case); the printed <h1> is kept in meta.
    title_block = next((b for b in blocks if b.kind == "heading" and b.tag == "h1"), None)
    if title_block is not None:
        doc.meta["title_as_printed"] = title_block.text
        blocks.remove(title_block)
    doc.title = front.get("title") or (title_block.text if title_block else "") or _title_from_name(path)
    if not front.get("title") and title_block is None:
        doc.warnings.append(f"{path.name}: no title found; title derived from the file name")

    doc.authors = _split_authors(front.get("author") or front.get("authors") or "")
    _strip_running_heads(blocks, doc)
    blocks = _take_front_paragraphs(blocks, doc)
    if not doc.authors:
        doc.warnings.append(f"{path.name}: no authors found")

    _build_sections(blocks, doc, path)
    _finish_footnotes(doc, notes, path)
    _find_repeats(doc)
    _find_keywords(doc)
    _set_year(doc, front)
    return doc


def parse_paper_text(path: Path, doc_id: str | None = None) -> Document:
    """Parse a plain-text (or Markdown) paper whose headings are short unpunctuated lines.

    The text is kept verbatim: a repeated sentence or a typo in the source is reported in
    `warnings`/`meta`, never corrected, because users may quote the paper word for word.
    """
    path = Path(path)
    raw, text, warnings, encoding = _read(path)
    front, body = _split_front_matter(text)
    doc = Document(
        id=doc_id or _slug(path),
        title="",
        kind="paper",
        source_file=path.name,
        sha256=hashlib.sha256(raw).hexdigest(),
        warnings=warnings,
        meta={"encoding": encoding},
    )
    if front:
        doc.meta["front_matter"] = dict(front)

    lines = [_norm(line) for line in body.translate(_INVISIBLE).splitlines()]
    is_md = path.suffix.lower() in {".md", ".markdown"}

    # A Markdown "# Title" first line is the document title, not a section.
    first = next((i for i, line in enumerate(lines) if line), None)
    md_title = None
    if is_md and first is not None and re.match(r"^#\s+\S", lines[first]):
        md_title = lines[first][1:].strip()
        lines[first] = ""
    doc.title = front.get("title") or md_title or _title_from_name(path)
    if not (front.get("title") or md_title):
        doc.warnings.append(f"{path.name}: the file has no title line; title derived from the file name")
    doc.authors = _split_authors(front.get("author") or front.get("authors") or "")
    if not doc.authors:
        doc.warnings.append(f"{path.name}: no authors in the file")

    blocks = _text_blocks(lines, is_md)
    if not blocks:
        raise ValueError(f"{path}: file contains no text")
    _strip_running_heads(blocks, doc)
    _build_sections(blocks, doc, path)
    _finish_footnotes(doc, {}, path)
    _find_repeats(doc)
    _find_keywords(doc)
    _set_year(doc, front)
    return doc


# --------------------------------------------------------------------------------------------
# reading


def _read(path: Path) -> tuple[bytes, str, list[str], str]:
    """Read bytes and decode: UTF-8 first, then cp1252 (old Windows exports), else fail loudly."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ValueError(f"{path}: cannot read file: {e}") from e
    if not raw.strip():
        raise ValueError(f"{path}: empty file")
    warnings: list[str] = []
    try:
        text = raw.decode("utf-8-sig")
        encoding = "utf-8"
    except UnicodeDecodeError as utf8_err:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError as e:
            raise ValueError(
                f"{path}: undecodable bytes: not UTF-8 ({utf8_err.reason} at byte {utf8_err.start}) "
                f"and not cp1252 ({e.reason} at byte {e.start})"
            ) from e
        encoding = "cp1252"
        warnings.append(f"{path.name}: not valid UTF-8; decoded with the legacy encoding cp1252")
    if not text.strip():
        raise ValueError(f"{path}: empty file")
    return raw, text, warnings, encoding


def _split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split a leading YAML front matter block (flat `key: value` pairs only; no YAML dependency)."""
    m = re.match(r"\A\s*---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", text, re.DOTALL)
    if not m:
        return {}, text
    front: dict[str, str] = {}
    for line in m.group(1).splitlines():
        kv = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$", line)
        if not kv:
            continue
        value = kv.group(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
            if kv.group(2)[0] == '"':
                value = value.replace('\\"', '"').replace("\\\\", "\\")
            else:
                value = value.replace("''", "'")
        front[kv.group(1).lower()] = _norm(value)
    return front, text[m.end():]


def _harvest_head_meta(head: Tag, front: dict[str, str]) -> None:
    """Use <title>/<meta name=citation_*> when there is no front matter (ordinary HTML pages)."""
    authors = [m.get("content", "") for m in head.find_all("meta", attrs={"name": re.compile(r"^(citation_author|author|dc\.creator)$", re.I)})]
    if authors and "author" not in front:
        front["author"] = ", ".join(_norm(a) for a in authors if a.strip())
    t = head.find("meta", attrs={"name": re.compile(r"^(citation_title|dc\.title)$", re.I)})
    if t is not None and t.get("content") and "title" not in front:
        front["title"] = _norm(t["content"])
    if "title" not in front and head.title is not None and head.title.get_text(strip=True):
        front["title"] = _norm(head.title.get_text())


# --------------------------------------------------------------------------------------------
# HTML -> blocks


@dataclass
class _Block:
    kind: str  # "heading" | "para"
    text: str  # whitespace-normalised, footnote markers as sentinels
    tag: str = ""  # "h1".."h6", "p", "li", "line" (loose HTML text), "text" (plain-text file)
    bold: bool = False  # every letter of the block is bold (used for <p> headings)
    lines: tuple[str, ...] = ()  # heading lines split at <br>


_BLOCK_CONTAINERS = {
    "html", "body", "div", "section", "article", "main", "ul", "ol", "li", "blockquote", "table",
    "tbody", "thead", "tfoot", "tr", "td", "th", "dl", "dd", "dt", "header", "footer", "aside",
    "figure", "figcaption", "center", "form", "fieldset",
}
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCK_TAGS = _BLOCK_CONTAINERS | _HEADING_TAGS | {"p", "pre", "hr"}


def _html_blocks(root: Tag) -> list[_Block]:
    """Flatten the tag tree into headings and paragraphs in document order."""
    out: list[_Block] = []

    def flush_inline(nodes: list[Any], parent: Tag) -> None:
        if not nodes:
            return
        parts = [_inline_text(n) for n in nodes]
        text = _norm(" ".join(p.replace("\n", " ") for p in parts))
        if _visible(text):
            out.append(_Block("para", text, "li" if parent.name == "li" else "line"))
        nodes.clear()

    def walk(node: Tag) -> None:
        pending: list[Any] = []
        for child in node.children:
            if isinstance(child, (Comment, Doctype, ProcessingInstruction)):
                continue
            if isinstance(child, Tag) and child.name in _BLOCK_TAGS:
                flush_inline(pending, node)
                if child.name in _HEADING_TAGS:
                    lines = tuple(l for l in (_norm(x) for x in _inline_text(child).split("\n")) if l)
                    if lines and any(_visible(l) for l in lines):
                        out.append(_Block("heading", _norm(" ".join(lines)), child.name, True, lines))
                elif child.name in ("p", "pre"):
                    text = _norm(_inline_text(child).replace("\n", " "))
                    if _visible(text):
                        out.append(_Block("para", text, "p", _all_bold(child)))
                elif child.name != "hr":
                    walk(child)
            else:
                pending.append(child)
        flush_inline(pending, node)

    walk(root)
    return out


def _inline_text(node: Any) -> str:
    """Text of an inline subtree: <br> -> newline, footnote <sup> -> sentinel, other tags -> text."""
    if isinstance(node, (Comment, Doctype, ProcessingInstruction)):
        return ""
    if isinstance(node, NavigableString):
        return str(node)
    if not isinstance(node, Tag):
        return ""
    if node.name == "br":
        return "\n"
    if node.name == "sup":
        inner = node.get_text()
        m = _SUP_MARKER.match(inner.strip())
        if m:
            return "".join(f"{_FN_OPEN}{mk.strip()}{_FN_CLOSE}" for mk in m.group(1).split(","))
        return inner
    if node.name in ("script", "style"):
        return ""
    return "".join(_inline_text(c) for c in node.children)


def _all_bold(p: Tag) -> bool:
    """True when every letter in the element sits in bold markup (a heading typeset as a <p>)."""
    letters = 0
    for s in p.find_all(string=True):
        txt = re.sub(r"\W|\d", "", str(s))
        if not txt:
            continue
        letters += len(txt)
        bold = False
        for anc in s.parents:
            if anc is p.parent:
                break
            if anc.name in ("b", "strong") or re.search(r"font-weight\s*:\s*(bold|[6-9]00)", anc.get("style", "") or ""):
                bold = True
                break
        if not bold:
            return False
    return letters > 0


def _extract_footnote_texts(soup: BeautifulSoup) -> dict[str, str]:
    """Find footnote bodies (Word/pandoc/PDF-converter conventions), remove them from the body.

    Recognised: elements whose id/name/class names a footnote ("fn3", "_ftn3", "footnote-3",
    class="footnote(s)"), and <p> that *start* with a marker <sup> already cited earlier.
    """
    notes: dict[str, str] = {}
    id_pat = re.compile(r"^(?:_?ftn|fn|footnote|endnote|note)[-_:]?(\d{1,3})$", re.I)

    def key_of(tag: Tag) -> str | None:
        for attr in ("id", "name"):
            v = tag.get(attr)
            if isinstance(v, str):
                m = id_pat.match(v)
                if m:
                    return m.group(1)
        return None

    # (1) containers: <div class="footnotes"><ol><li id="fn1">...</li></ol></div>
    for box in soup.find_all(class_=re.compile(r"^(footnotes?|endnotes?)$", re.I)):
        items = box.find_all("li") or box.find_all("p")
        for i, item in enumerate(items, 1):
            key = key_of(item) or next((key_of(a) for a in item.find_all(True) if key_of(a)), None) or str(i)
            notes.setdefault(key, _clean_note(_inline_text(item), key))
        box.decompose()
    # (2) single elements with a footnote id (or an <a name="_ftn3"> inside a <p>/<div>)
    for tag in list(soup.find_all(True)):
        if getattr(tag, "decomposed", False):
            continue
        key = key_of(tag)
        if key is None or tag.name in ("html", "body"):
            continue
        holder = tag
        if tag.name in ("a", "span", "sup"):
            holder = tag.find_parent(["p", "div", "li"]) or tag
        if holder.name in ("a", "span", "sup"):
            continue
        notes.setdefault(key, _clean_note(_inline_text(holder), key))
        holder.decompose()
    # (3) PDF conversions: <p><sup>3</sup> Author, Title ...</p> after the marker was cited
    cited: set[str] = set()
    for tag in list(soup.find_all(["p", "sup"])):
        if tag.name == "sup":
            m = _SUP_MARKER.match(tag.get_text().strip())
            if m and tag.find_parent("p") is not None and not _starts_with(tag.find_parent("p"), tag):
                cited.update(x.strip() for x in m.group(1).split(","))
            continue
        first = next((c for c in tag.descendants if isinstance(c, NavigableString) and c.strip()), None)
        sup = first.find_parent("sup") if first is not None else None
        if sup is None or not _starts_with(tag, sup):
            continue
        m = _SUP_MARKER.match(sup.get_text().strip())
        if not m or m.group(1) not in cited:
            continue
        key = m.group(1)
        sup.decompose()
        notes.setdefault(key, _clean_note(_inline_text(tag), key))
        tag.decompose()
    return notes


def _starts_with(p: Tag, sup: Tag) -> bool:
    """True when `sup` holds the first visible text of `p`."""
    for s in p.descendants:
        if isinstance(s, NavigableString) and s.strip():
            return sup in s.parents
    return False


def _clean_note(text: str, key: str) -> str:
    text = _FN_SENTINEL.sub(" ", text)
    text = _norm(text.replace("\n", " "))
    text = re.sub(r"^\[?" + re.escape(key) + r"\]?[.)]?\s+", "", text)  # leading "3 " / "[3] "
    text = re.sub(r"\s*(?:↩|\^)\s*$", "", text)  # pandoc back-links
    return text


# --------------------------------------------------------------------------------------------
# text -> blocks


def _text_blocks(lines: list[str], is_md: bool) -> list[_Block]:
    """Group lines into headings and paragraphs.

    With blank-line separated blocks, a block is a paragraph (hard-wrapped lines are joined).
    Without blank lines, each line is a paragraph unless the previous one stops mid-sentence.
    """
    blank_separated = any(not l for l in _inner(lines))
    out: list[_Block] = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            out.append(_Block("para", _norm(" ".join(buf)), "text"))
            buf.clear()

    n = len(lines)
    for i, line in enumerate(lines):
        if not line:
            flush()
            continue
        prev = lines[i - 1] if i else ""
        nxt = next((lines[j] for j in range(i + 1, n) if lines[j]), "")
        md = re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", line) if is_md else None
        if md:
            flush()
            out.append(_Block("heading", _norm(md.group(2)), f"h{len(md.group(1))}", lines=(md.group(2),)))
            continue
        starts_block = not prev or prev[-1:] in _TERMINAL or prev.rstrip(_CLOSERS)[-1:] in _TERMINAL or not buf
        if starts_block and nxt and _looks_like_text_heading(line) and not nxt[:1].islower():
            flush()
            out.append(_Block("heading", line, "text", lines=(line,)))
            continue
        if not blank_separated and buf and _ends_sentence(buf[-1]):
            flush()
        buf.append(line)
    flush()
    return out


def _inner(lines: list[str]) -> list[str]:
    first = next((i for i, l in enumerate(lines) if l), 0)
    last = max((i for i, l in enumerate(lines) if l), default=0)
    return lines[first:last + 1]


def _looks_like_text_heading(line: str) -> bool:
    """A short line, starting with a capital or a number, not ending like a sentence."""
    if len(line) > 100 or len(line.split()) > 14:
        return False
    if line[-1] in _TERMINAL + "," or line.rstrip(_CLOSERS)[-1:] in ".!?;,":
        return False
    if not (line[0].isupper() or line[0].isdigit()):
        return False
    if _LIST_ITEM.match(line) and not (_ARABIC_HEADING.match(line) or _ROMAN_HEADING.match(line)):
        return False
    return True


# --------------------------------------------------------------------------------------------
# shared assembly


def _strip_running_heads(blocks: list[_Block], doc: Document) -> None:
    """Drop page numbers, ISSN lines and journal running heads; record bibliographic data."""
    removed: list[str] = []
    counts: dict[str, int] = {}
    for b in blocks:
        if b.kind == "para" and len(b.text) <= 150:
            counts[b.text] = counts.get(b.text, 0) + 1
    heads: set[str] = set()
    keep: list[_Block] = []
    for b in blocks:
        t = _FN_SENTINEL.sub("", b.text).strip()
        m = _RUNNING_HEAD.match(t) if b.kind == "para" and len(t) <= 200 else None
        # a one-off "Jurnal X Vol. 1 No. 2 2019." could be a reference entry: only a repeated
        # line, or one with a page range and no final full stop, counts as a running head
        if m and not (counts.get(b.text, 0) >= 2 or (m.group("pages") and not t.endswith("."))):
            m = None
        if m:
            _record_journal(doc, m)
        if b.kind == "para" and (
            m or _ISSN_LINE.match(t) or _PAGE_NUMBER.match(t)
            or (counts.get(b.text, 0) >= 3 and not _ends_sentence(t))
        ):
            removed.append(t)
            if not _PAGE_NUMBER.match(t):
                heads.add(t)
            continue
        keep.append(b)
    # a running head that the converter glued into a paragraph at a page break
    for b in keep:
        for h in heads:
            if b.kind == "para" and h in b.text:
                b.text = _norm(b.text.replace(h, " "))
                removed.append(h)
    blocks[:] = keep
    if removed:
        doc.meta["removed_running_heads"] = removed
        doc.warnings.append(f"{doc.source_file}: removed {len(removed)} running head(s)/page number(s): "
                            + "; ".join(repr(r) for r in dict.fromkeys(removed)))


def _record_journal(doc: Document, m: re.Match[str]) -> None:
    g = {k: v for k, v in m.groupdict().items() if v}
    doc.meta.setdefault("journal", _norm(g["journal"]).rstrip(",").strip())
    for key in ("volume", "issue"):
        if key in g:
            doc.meta.setdefault(key, g[key])
    if "pages" in g:
        doc.meta.setdefault("pages", re.sub(r"\s*[-–]\s*", "-", g["pages"]))
    if "year" in g:
        doc.meta.setdefault("year", int(g["year"]))


def _take_front_paragraphs(blocks: list[_Block], doc: Document) -> list[_Block]:
    """Move author/affiliation/e-mail and DOI lines before the first heading into meta."""
    out: list[_Block] = []
    seen_heading = False
    affiliations: list[dict[str, str]] = []
    for b in blocks:
        if b.kind == "heading" or _paragraph_heading(b):
            seen_heading = True
        if seen_heading or b.kind != "para":
            out.append(b)
            continue
        t = _FN_SENTINEL.sub("", b.text).strip()
        doi = re.match(r"^DOI\s*:?\s*(\S+)\s*$", t, re.I)
        if doi:
            doc.meta.setdefault("doi", doi.group(1))
            continue
        email = _EMAIL.search(t)
        if email or re.search(r"\be-?mail\b", t, re.I):
            before = re.split(r",?\s*\be-?mail\b\s*:?", t, maxsplit=1, flags=re.I)[0]
            name, _, aff = before.partition(",")
            affiliations.append({"name": name.strip(), "affiliation": aff.strip(" ,"),
                                 "email": email.group(0) if email else ""})
            continue
        out.append(b)
    if affiliations:
        doc.meta["affiliations"] = affiliations
        if not doc.authors:
            doc.authors = [a["name"] for a in affiliations if a["name"]]
    return out


def _paragraph_heading(b: _Block) -> tuple[str, ...] | None:
    """Decide whether a <p> (or a text line) is really a heading; PDF converters lose <h*>."""
    if b.kind != "para" or b.tag not in ("p", "li", "line"):
        return None
    t = b.text
    if _FN_OPEN in t or len(t) > 120 or len(t.split()) > 16:
        return None
    bare = t.rstrip(" :")
    if bare.lower() in _KNOWN_HEADINGS and (b.bold or bare.isupper()):
        return (t,)
    if t[-1] in ".!?;," or re.search(r":\s*\S", t):
        return None
    if b.bold and (_ROMAN_HEADING.match(t) or _ARABIC_HEADING.match(t) or t.isupper()):
        return (t,)
    if _ROMAN_HEADING.match(t) and re.sub(r"^[IVXLC]+\.\s*", "", t).isupper():
        return (t,)
    return None


def _heading_level(text: str, tag: str, min_h: int, in_refs: bool) -> int:
    m = _ARABIC_HEADING.match(text)
    if m and "." in m.group(1):
        return m.group(1).count(".") + 1
    if _ROMAN_HEADING.match(text) or m:
        return 1
    if text.rstrip(" :").lower() in _KNOWN_HEADINGS:
        return 1
    if in_refs:
        return 2
    if tag in _HEADING_TAGS:
        return max(1, int(tag[1]) - min_h + 1)
    return 1


def _split_heading_lines(lines: tuple[str, ...]) -> list[str]:
    """An <h2> may hold two headings ("I. PENDAHULUAN<br>1.1 LATAR BELAKANG") or one wrapped
    heading ("3.2 ... yang Dilakukan<br>Oleh Anak-anak ..."): a line that starts with a section
    number starts a new heading, any other line continues the previous one."""
    heads: list[str] = []
    for line in lines:
        line = _FN_SENTINEL.sub("", line).strip()
        if not line:
            continue
        numbered = bool(_ROMAN_HEADING.match(line) or _ARABIC_HEADING.match(line))
        if heads and not numbered:
            heads[-1] = f"{heads[-1]} {line}"
        else:
            heads.append(line)
    return heads


def _build_sections(blocks: list[_Block], doc: Document, path: Path) -> None:
    """Turn blocks into sections, rejoining paragraphs that a page break cut in two."""
    h_levels = [int(b.tag[1]) for b in blocks if b.kind == "heading" and b.tag in _HEADING_TAGS]
    min_h = min(h_levels) if h_levels else 1
    sections: list[Section] = []
    in_refs = False
    joins = 0

    for b in blocks:
        heads: list[str] = []
        if b.kind == "heading":
            heads = _split_heading_lines(b.lines or (b.text,))
        else:
            ph = _paragraph_heading(b)
            if ph is not None:
                heads = [_FN_SENTINEL.sub("", ph[0]).strip()]
        if heads:
            for h in heads:
                is_ref = h.rstrip(" :").lower() in _REFERENCE_HEADINGS
                if is_ref:
                    doc.meta.setdefault("references_heading", h)
                level = _heading_level(h, b.tag, min_h, in_refs and not is_ref)
                in_refs = in_refs or is_ref
                sections.append(Section(heading=h, paragraphs=[], level=level))
            continue
        if not sections:
            sections.append(Section(heading="", paragraphs=[], level=1))
        paras = sections[-1].paragraphs
        if paras and _continues(paras[-1], b.text, in_refs):
            glue = "" if paras[-1].endswith("-") and b.text[:1].islower() else " "
            doc.warnings.append(
                f"{path.name}: joined a paragraph split at a page break in section "
                f"{sections[-1].heading!r}: …{_clip(paras[-1][-40:])} | {_clip(b.text[:40])}…"
            )
            paras[-1] = _norm(paras[-1] + glue + b.text)
            joins += 1
        else:
            paras.append(b.text)

    real_headings = [s for s in sections if s.heading]
    if not real_headings:
        doc.warnings.append(f"{path.name}: no headings recognised; all paragraphs put in one section")
        sections = [Section(heading="", paragraphs=[p for s in sections for p in s.paragraphs], level=1)]
    doc.sections = sections
    doc.meta["page_break_joins"] = joins


def _continues(prev: str, nxt: str, in_refs: bool) -> bool:
    """Does `nxt` continue `prev` across a page break (rather than start a new paragraph)?"""
    if _ends_sentence(prev) or prev.endswith(_FN_CLOSE):
        return False
    if _LIST_ITEM.match(nxt):
        return False
    if prev.endswith("-") and nxt[:1].islower():
        return True
    if in_refs:  # bibliography entries end with "." (or a bare URL)
        return not _URL_END.search(prev)
    first = nxt[:1]
    if first.islower() or first in "(,;–—" or first.isdigit():
        return True
    last_word = _FN_SENTINEL.sub("", prev).rstrip(_CLOSERS).split()[-1].lower() if prev.split() else ""
    return last_word in _FUNCTION_WORDS


def _ends_sentence(text: str) -> bool:
    t = _FN_SENTINEL.sub("", text).rstrip()
    t = t.rstrip(_CLOSERS)
    return bool(t) and t[-1] in _TERMINAL


def _finish_footnotes(doc: Document, notes: dict[str, str], path: Path) -> None:
    """Strip marker sentinels from the text and turn them into Footnote objects + refs."""
    order: list[str] = []
    refs: list[dict[str, Any]] = []
    for si, sec in enumerate(doc.sections):
        for pi, para in enumerate(sec.paragraphs):
            for m in _FN_SENTINEL.finditer(para):
                marker = m.group(1)
                refs.append({"marker": marker, "section": si, "paragraph": pi})
                if marker not in order:
                    order.append(marker)
            sec.paragraphs[pi] = _norm(_FN_SENTINEL.sub("", para))
        sec.paragraphs[:] = [p for p in sec.paragraphs if p]
    for key in notes:
        if key not in order:
            order.append(key)
    doc.footnotes = [Footnote(marker=k, text=notes.get(k, "")) for k in order]
    if refs:
        doc.meta["footnote_refs"] = refs
    missing = [k for k in order if not notes.get(k)]
    if missing:
        doc.warnings.append(
            f"{path.name}: no footnote text found for marker(s) {_ranges(missing)} "
            f"(the conversion dropped the footnote area); kept with empty text"
        )
    unreferenced = [k for k in notes if k not in {r["marker"] for r in refs}]
    if unreferenced:
        doc.warnings.append(f"{path.name}: footnote text(s) {_ranges(unreferenced)} have no marker in the text")


def _find_repeats(doc: Document) -> None:
    """Report sentences repeated inside one paragraph (a copy-paste slip); the text is kept."""
    found: list[dict[str, Any]] = []
    for si, sec in enumerate(doc.sections):
        for pi, para in enumerate(sec.paragraphs):
            seen: set[str] = set()
            for sent in re.split(r"(?<=[.!?])\s+(?=[\"“(]?[A-Z0-9])", para):
                s = sent.strip()
                if len(s) < 20:
                    continue
                if s in seen:
                    found.append({"section": si, "paragraph": pi, "sentence": s})
                    doc.warnings.append(
                        f"{doc.source_file}: sentence repeated verbatim in section {sec.heading!r} "
                        f"paragraph {pi + 1} (kept as in the source): {s!r}"
                    )
                seen.add(s)
    if found:
        doc.meta["repeated_sentences"] = found


def _find_keywords(doc: Document) -> None:
    """Record "Kata Kunci:" / "Keywords:" lists in meta (the paragraphs stay in the abstract)."""
    for sec in doc.sections:
        for para in sec.paragraphs:
            m = re.match(r"^(Kata\s+Kunci|Keywords?|Key\s+words)\s*:\s*(.+)$", para, re.I)
            if m:
                key = "keywords" if m.group(1).lower().startswith("kata") else "keywords_en"
                words = [w.strip(" .;") for w in re.split(r"[,;]", m.group(2)) if w.strip(" .;")]
                doc.meta.setdefault(key, words)


def _set_year(doc: Document, front: dict[str, str]) -> None:
    year = doc.meta.get("year")
    if year is None:
        for src in (front.get("year", ""), front.get("date", ""), doc.meta.get("doi", "")):
            m = re.search(r"(?<!\d)((?:19|20)\d\d)(?!\d)", src)
            if m:
                year = int(m.group(1))
                break
    if year is not None:
        doc.meta["year"] = int(year)
        doc.year = int(year)


# --------------------------------------------------------------------------------------------
# small helpers


def _norm(text: str) -> str:
    """Collapse all whitespace (incl. NBSP) to single spaces; drop soft hyphens / zero-width chars."""
    return " ".join(text.translate(_INVISIBLE).split())


def _visible(text: str) -> bool:
    return bool(_FN_SENTINEL.sub("", text).strip())


def _slug(path: Path) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "paper"


def _title_from_name(path: Path) -> str:
    words = re.split(r"[-_\s]+", path.stem)
    return " ".join(w[:1].upper() + w[1:] for w in words if w)


def _split_authors(value: str) -> list[str]:
    """"A, B dan C" -> ["A", "B", "C"]."""
    if not value.strip():
        return []
    parts = re.split(r"\s*(?:,|;|&|\band\b|\bdan\b)\s*", value)
    return [_norm(p) for p in parts if p.strip()]


def _clip(s: str) -> str:
    return _FN_SENTINEL.sub("", s).strip()


def _ranges(keys: list[str]) -> str:
    """["1","2","3","5"] -> "1-3, 5" (non-numeric markers listed as they are)."""
    nums = sorted({int(k) for k in keys if k.isdigit()})
    out: list[str] = []
    i = 0
    while i < len(nums):
        j = i
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        out.append(str(nums[i]) if i == j else f"{nums[i]}-{nums[j]}")
        i = j + 1
    out += [k for k in keys if not k.isdigit()]
    return ", ".join(out)
