"""Parse the text of an Indonesian statute into Document > (BAB, Bagian, Paragraf) > Pasal > Ayat > items.

The input is plain text with one logical unit per line where the source allows it (markdown
conversions, HTML flattened by `sources.py`, PDF text from `pdf_text.py`). Real files are messy, so
every structural decision is checked against the numbering instead of trusted on sight:

* article headings are accepted only as part of the longest increasing chain of "Pasal N" candidates,
  so a cross-reference line that starts with "Pasal 20 huruf b ..." or a stray wrapped "Pasal 20" is text;
* ayat "(n)" and items "a." / "1." are accepted only when they continue the numbering;
* headings glued to the previous line ("... pidana. Pasal 8 __ (1) ...") are split out;
* a heading lost entirely is recovered from an ayat numbering that restarts at (1), with a warning.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.model import Amendment, Ayat, Document, Item, Pasal
from ingest.textnorm import clean_line, fix_ocr_number, pasal_key

PASAL_NUM = r"I?[0-9lO]*\d[0-9lO]*(?:[A-Z]|\s?[a-z]\b|\s(?:bis|ter|quater)\b)?"
RE_PASAL_LINE = re.compile(rf"^Pasa[l1]\s+({PASAL_NUM})(?:\s+dan\s+(\d+))?\s*$")
RE_PASAL_ROMAN = re.compile(r"^Pasal\s+([IVX]+)\s*$")
RE_GLUED_PASAL = re.compile(rf"\s+(Pasal\s+{PASAL_NUM})\s+_{{2,}}\s*")
RE_BAB = re.compile(r"^BAB\s+([IVXLC]+[A-Z]?)\b\s*(.*)$")
RE_BUKU = re.compile(r"^BUKU\s+(KE\w+)\s*(.*)$")
RE_BAGIAN = re.compile(r"^Bagian\s+(Ke\w+|Pertama)\b\s*(.*)$")
RE_PARAGRAF = re.compile(r"^Paragraf\s+(\d+)(?=\s|[A-Z]|$)\s*(.*)$")
RE_AYAT = re.compile(r"^\((\d+[a-z]?)\)\s*(.*)$")
RE_ITEM = re.compile(r"^([a-z]|\d+[a-z]?)(\.|\))\s+(.*)$")
RE_CLOSING = re.compile(r"^(Agar setiap orang mengetahuinya|Disahkan di|Ditetapkan di)")
RE_PENJELASAN = re.compile(r"\bPENJELASAN\s+ATAS\b|^\s*PENJELASAN\s*$", re.M)
RE_INSTR_WORDS = re.compile(r"berbunyi sebagai berikut|\bdihapus\b|disisipkan|\bdiubah\b|ditambah")


class StatuteParseError(ValueError):
    """The text has no recognisable article structure."""


@dataclass
class _Unit:
    """A pasal while it is being collected: its heading context and raw lines."""

    number: str
    lines: list[str] = field(default_factory=list)
    bab: str | None = None
    bagian: str | None = None
    paragraf: str | None = None
    warnings: list[str] = field(default_factory=list)
    buku: str | None = None


# --------------------------------------------------------------------------- lines


def prepare_lines(text: str) -> list[str]:
    """Split glued headings onto their own lines and clean each line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = RE_GLUED_PASAL.sub(lambda m: "\n" + m.group(1) + "\n", text)
    text = "\n".join(_split_run_on_articles(l) if len(l) > 300 else l for l in text.split("\n"))
    text = _drop_catchwords(text)
    out: list[str] = []
    for raw in text.split("\n"):
        line = clean_line(raw)
        if not line:
            continue
        line = RE_HYPHEN_SPACE.sub("-", line)
        if RE_GLUED_SUBHEADING.search(line):
            head, *rest = RE_GLUED_SUBHEADING.split(line)
            out.append(head)
            for r in rest:
                out.extend(re.split(r"\s+(?=Paragraf\s+\d+)", re.sub(r"^(Paragraf\s+\d+)(?=[A-Z])", r"\1 ", r)))
            continue
        line = RE_ITEM_NOSPACE.sub(r"\1 ", line)
        if RE_INLINE_ITEM.search(line):
            out.extend(p.strip() for p in RE_INLINE_ITEM.sub(lambda m: (m.group(1) or "") + "\n", line).split("\n") if p.strip())
            continue
        # "BAB V KEDUDUKAN ANAK Bagian Kesatu Identitas Anak", "Bagian Kelima X Paragraf 1 Y"
        if RE_BAB.match(line) or RE_BAGIAN.match(line):
            parts = re.split(r"\s+(?=(?:Bagian\s+(?:Ke\w+|Pertama)|Paragraf\s+\d+)\b)", line)
            out.extend(p for p in parts if p)
            continue
        out.append(line)
    return out


RE_HYPHEN_SPACE = re.compile(r"(?<=[A-Za-z])- (?=[a-z]|Undang)")
RE_ITEM_NOSPACE = re.compile(r"^([a-z]\.)(?=[a-z]{2})")
# "...; dan b. foo", "...: a. foo" glued onto one line (some conversions join list items)
RE_INLINE_ITEM = re.compile(r"(?<=;)((?:\s+(?:dan|atau|dan/atau))?)\s+(?=[b-z]\.\s?[A-Za-z]{2})|(?<=:)()\s+(?=a\.\s?[A-Za-z]{2})")
# printed gazettes repeat the first word(s) of the next page at the foot of the page: "tersebut. Upaya… Upaya ..."
RE_CATCHWORD_INLINE = re.compile(r"(?:(?<=[ \t])|^)(\S+(?: \S+)?)(?:…|\s?\.\s?\.\s?\.)[ \t]+(?=\1)", re.M)
RE_GLUED_SUBHEADING = re.compile(r"(?<=[.;:])\s+(?=(?:Bagian\s+(?:Ke[a-z]+|Pertama)|Paragraf\s+\d+)\s*[A-Z])")
RE_CATCHWORD_LINE = re.compile(r"^(\S.{0,60}?)\s?(?:…|\.\s?\.\s?\.)$")
RE_CATCHWORD_EOL = re.compile(r"\s+(Pasal\s+\S+|\S+)(?:…|\s?\.\s?\.\s?\.)[ \t]*$", re.M)


RE_INLINE_PASAL = re.compile(r"(?:(?<=[.;:])|(?<=[A-Z])|^)\s*Pasal\s+(\d+)\s*\.\s+(?=[A-Z\"'(])")


def _split_run_on_articles(line: str) -> str:
    """Old acts converted to one line per section ("... sebagai berikut : Pasal 1. Aturan ... Pasal 2. ...")
    get their headings back on lines of their own. Only a run of consecutive numbers counts, so a
    sentence that ends in "Pasal 3." and a cross-reference stay in the text."""
    chains: list[list[re.Match]] = []
    for m in RE_INLINE_PASAL.finditer(line):
        n = int(m.group(1))
        for c in chains:
            if n == int(c[-1].group(1)) + 1:
                c.append(m)
                break
        else:
            chains.append([m])
    chain = max(chains, key=len, default=[])
    if len(chain) < 2:
        return line
    out, pos = [], 0
    for m in chain:
        out.append(line[pos : m.start()].rstrip())
        out.append(f"Pasal {m.group(1)}")
        pos = m.end()
    out.append(line[pos:])
    return "\n".join(x for x in out if x.strip())


def _drop_catchwords(text: str) -> str:
    text = RE_CATCHWORD_INLINE.sub("", text)
    lines = text.split("\n")
    for i in range(len(lines) - 1):
        nxt = next((l.strip() for l in lines[i + 1:] if l.strip()), "")
        whole = RE_CATCHWORD_LINE.match(lines[i].strip())
        if whole and nxt.startswith(whole.group(1)):
            lines[i] = ""  # "(2) Setiap..." on a line of its own, then "(2) Setiap orang yang ..."
            continue
        m = RE_CATCHWORD_EOL.search(lines[i])
        if m:
            if nxt.startswith(m.group(1).split()[0]):
                lines[i] = lines[i][: m.start()]
    return "\n".join(lines)


def split_body_penjelasan(text: str) -> tuple[str, str | None]:
    m = RE_PENJELASAN.search(text)
    if not m:
        return text, None
    return text[: m.start()], text[m.start():]


# --------------------------------------------------------------------------- heading chain


def _chain(cands: list[tuple[int, str, float]]) -> list[int]:
    """Indices (first field) of the best increasing chain; at most one reading per line is used."""
    return [cands[k][0] for k in _chain_positions(cands)]


def _chain_positions(cands: list[tuple[int, str, float]]) -> list[int]:
    """Indices of the best increasing chain of article numbers (weighted LIS, small gaps preferred)."""
    n = len(cands)
    if n == 0:
        return []
    keys = [pasal_key(c[1]) for c in cands]
    best = [0.0] * n
    prev = [-1] * n
    for i in range(n):
        best[i] = cands[i][2] - 0.02 * max(0, keys[i][0] - 1) ** 0.5
        for j in range(max(0, i - 400), i):
            if keys[j] < keys[i] and cands[j][0] != cands[i][0]:
                gap = keys[i][0] - keys[j][0]
                score = best[j] + cands[i][2] - 0.02 * max(0, gap - 1)
                if score > best[i]:
                    best[i], prev[i] = score, j
    i = max(range(n), key=lambda k: best[k])
    out = []
    while i >= 0:
        out.append(i)
        i = prev[i]
    return list(reversed(out))


def normalise_number(raw: str) -> str:
    """"479 a" -> "479a", "70  bis" -> "70 bis", "37l" stays ambiguous (see _readings)."""
    raw = re.sub(r"\s+", " ", raw.strip())
    m = re.fullmatch(r"(\S+?)\s?([a-z])", raw)
    if m and m.group(2) != "l":
        return fix_ocr_number(m.group(1)) + m.group(2)
    m = re.fullmatch(r"(\S+) (bis|ter|quater)", raw)
    if m:
        return fix_ocr_number(m.group(1)) + " " + m.group(2)
    return fix_ocr_number(raw)


def _readings(raw: str) -> list[str]:
    """Possible article numbers of a heading token: "37l" is 371 (OCR) or 37l (a lettered article)."""
    raw = re.sub(r"\s+", " ", raw.strip())
    if re.fullmatch(r"\d+ ?l", raw):
        return [fix_ocr_number(raw.replace(" ", "")), raw.replace(" ", "")]
    return [normalise_number(raw)]


def _pasal_heading(line: str) -> str | None:
    r = _pasal_readings(line)
    return r[0] if r else None


def _pasal_readings(line: str) -> list[str]:
    m = RE_PASAL_LINE.match(line)
    return _readings(m.group(1)) if m else []


# --------------------------------------------------------------------------- pasal body


def _next_label(label: str) -> str:
    if label.isdigit():
        return str(int(label) + 1)
    if len(label) == 1 and label.isalpha():
        return chr(ord(label) + 1)
    return ""


def structure_pasal(number: str, lines: list[str]) -> Pasal:
    """Group the lines of one article into ayat and (nested) items, checking the numbering."""
    intro: list[str] = []
    ayat: list[Ayat] = []
    top_items: list[Item] = []
    warnings: list[str] = []
    # stack of (kind, last_label, list to append to); kind "alpha" | "num"
    stack: list[tuple[str, str, list[Item]]] = []
    last: Item | Ayat | None = None
    ayat_text: list[str] = []

    def item_container() -> list[Item]:
        return ayat[-1].items if ayat else top_items

    def flush_ayat_text() -> None:
        if ayat:
            ayat[-1].text = "\n".join(ayat_text)

    for line in lines:
        m = RE_AYAT.match(line)
        if m:
            num = m.group(1)
            expected_first = not ayat and not top_items
            prev_num = ayat[-1].number if ayat else None
            ok = (expected_first and re.fullmatch(r"1", num)) or (
                prev_num is not None
                and (
                    pasal_key(num)[0] == pasal_key(prev_num)[0] + 1 and not pasal_key(num)[1]
                    or (pasal_key(num)[0] == pasal_key(prev_num)[0] and pasal_key(num) > pasal_key(prev_num))
                )
            )
            if ok:
                flush_ayat_text()
                ayat.append(Ayat(num, "", []))
                ayat_text = [line]
                stack = []
                last = ayat[-1]
                continue
        m = RE_ITEM.match(line)
        if m and (ayat or top_items or intro or stack):
            label, body = m.group(1), m.group(3)
            kind = "num" if label[0].isdigit() else "alpha"
            placed = False
            # continue an open level?
            for depth in range(len(stack) - 1, -1, -1):
                skind, slast, slist = stack[depth]
                if skind == kind and (label == _next_label(slast) or (kind == "num" and pasal_key(label)[0] == pasal_key(slast)[0] and label > slast)):
                    stack = stack[: depth + 1]
                    it = Item(label, body)
                    slist.append(it)
                    stack[depth] = (skind, label, slist)
                    placed = True
                    break
            if not placed and label in ("a", "1"):
                parent_list = stack[-1][2][-1].children if stack else item_container()
                it = Item(label, body)
                parent_list.append(it)
                stack.append((kind, label, parent_list))
                placed = True
            if placed:
                last = it
                if ayat:
                    ayat_text.append(line)
                else:
                    intro.append(line)
                continue
        # continuation text
        if isinstance(last, Item):
            last.text = (last.text + " " + line).strip()
            target = ayat_text if ayat else intro
            target[-1] = target[-1] + " " + line
        elif isinstance(last, Ayat):
            ayat_text[-1] = ayat_text[-1] + " " + line
        else:
            if intro:
                intro[-1] = intro[-1] + " " + line
            else:
                intro.append(line)
    flush_ayat_text()
    for a in ayat:
        first = a.text.split("\n", 1)[0]
        a.text = a.text  # verbatim including the "(n)" marker
        _ = first
    text_parts = list(intro) + [a.text for a in ayat]
    text = "\n".join(text_parts).strip()
    p = Pasal(number=number, text=text, ayat=ayat, items=top_items, warnings=warnings)
    if re.fullmatch(r"\(?\s*(dihapus|ditiadakan|dicabut)\b[^()]{0,80}\)?\.?", text, re.I):
        p.status = "dihapus"
    return p


def _split_lost_heading(u: _Unit, missing: str) -> _Unit | None:
    """Recover a pasal whose heading was lost: its ayat numbering restarts at (1) inside `u`."""
    seen_ayat = False
    for i, line in enumerate(u.lines):
        if RE_AYAT.match(line):
            num = RE_AYAT.match(line).group(1)
            if num == "1" and seen_ayat:
                new = _Unit(missing, u.lines[i:], u.bab, u.bagian, u.paragraf)
                new.warnings.append(f"heading 'Pasal {missing}' missing in source; recovered where ayat numbering restarts")
                u.lines = u.lines[:i]
                return new
            seen_ayat = True
    return None


# --------------------------------------------------------------------------- document


def parse_statute(
    text: str,
    *,
    doc_id: str,
    title: str = "",
    kind: str = "UU",
    number: str | None = None,
    year: int | None = None,
    source_file: str | None = None,
) -> Document:
    """Parse a whole statute (batang tubuh and Penjelasan); amending acts get their Pasal I parsed too."""
    body, penj = split_body_penjelasan(text)
    lines = prepare_lines(body)
    doc = Document(id=doc_id, title=title, kind=kind, number=number, year=year, source_file=source_file)
    start = _preamble(lines, doc)
    lines = lines[start:]
    if _is_amending(lines, title):
        _parse_amending_body(lines, doc)
    else:
        doc.pasal = _parse_body(lines, doc)
    if penj:
        _attach_penjelasan(penj, doc)
    if not doc.pasal:
        raise StatuteParseError("no article headings ('Pasal 1', 'Pasal 2', ...) were found")
    return doc


def _preamble(lines: list[str], doc: Document) -> int:
    """Read Menimbang/Mengingat; return the index where the body (after 'Menetapkan') starts."""
    mode = None
    for i, line in enumerate(lines):
        if re.match(r"^Menimbang\s*:?", line):
            mode = "menimbang"
            rest = re.sub(r"^Menimbang\s*:?\s*", "", line)
            if rest:
                doc.menimbang.append(rest)
            continue
        if re.match(r"^Mengingat\s*:?", line):
            mode = "mengingat"
            rest = re.sub(r"^Mengingat\s*:?\s*", "", line)
            if rest:
                doc.mengingat.append(rest)
            continue
        if re.match(r"^(MEMUTUSKAN|Menetapkan)\s*:?", line):
            mode = "menetapkan"
            continue
        if mode == "menetapkan":
            if RE_BAB.match(line) or RE_BUKU.match(line) or _pasal_heading(line) or RE_PASAL_ROMAN.match(line):
                return i
            continue
        if mode in ("menimbang", "mengingat"):
            target = doc.menimbang if mode == "menimbang" else doc.mengingat
            if re.match(r"^([a-z]|\d+)\.\s", line) or not target:
                target.append(line)
            elif line.startswith("Dengan Persetujuan"):
                mode = None
            else:
                target[-1] += " " + line
        if mode is None and (RE_BUKU.match(line) or (RE_BAB.match(line) and _looks_heading(line)) or _pasal_heading(line) == "1"):
            return i
    # no preamble markers: body starts at the first heading
    for i, line in enumerate(lines):
        if RE_BAB.match(line) or _pasal_heading(line):
            return i
    return 0


def _is_amending(lines: list[str], title: str) -> bool:
    if re.search(r"PERUBAHAN\s+(KEDUA\s+)?ATAS", title, re.I):
        return True
    return any(RE_PASAL_ROMAN.match(line) and line.endswith(" I") for line in lines[:5])


def _parse_body(lines: list[str], doc: Document) -> list[Pasal]:
    """The batang tubuh of an ordinary act: headings + pasal units."""
    cands = [(i, n, 1.0 - 0.01 * k) for i, line in enumerate(lines) for k, n in enumerate(_pasal_readings(line))]
    picked = {cands[k][0]: cands[k][1] for k in _chain_positions(cands)}
    chosen = set(picked)
    units: list[_Unit] = []
    bab = bagian = paragraf = buku = None
    pending: str | None = None  # heading kind waiting for its title on the next line
    ended = False
    for i, line in enumerate(lines):
        if ended:
            break
        if i in chosen:
            units.append(_Unit(picked[i], [], bab, bagian, paragraf, buku=buku))
            m_and = RE_PASAL_LINE.match(line)
            if m_and and m_and.group(2):  # "Pasal 498 dan 499": two articles under one heading
                units[-1].warnings.append(f"one heading for Pasal {picked[i]} and {m_and.group(2)} in the source")
                units[-1].twin = m_and.group(2)  # type: ignore[attr-defined]
            pending = None
            continue
        if RE_CLOSING.match(line) and units:
            ended = True
            continue
        mb = RE_BAB.match(line)
        if mb and (not units or _looks_heading(line)):
            bab, bagian, paragraf = line, None, None
            pending = "bab" if not mb.group(2) else None
            continue
        if RE_BUKU.match(line) and line.isupper():
            bab = bagian = paragraf = None
            buku = line
            pending = "buku"
            continue
        mg = RE_BAGIAN.match(line)
        if mg and _looks_heading(line):
            bagian, paragraf = line, None
            pending = "bagian" if not mg.group(2) else None
            continue
        mp = RE_PARAGRAF.match(line)
        if mp and _looks_heading(line):
            paragraf = line
            pending = "paragraf" if not mp.group(2) else None
            continue
        if pending and not RE_AYAT.match(line) and not RE_ITEM.match(line):
            if pending == "bab" and bab:
                bab = bab + " " + line
                if not line.isupper() or len(line) > 60:
                    pending = None
                continue
            if pending == "buku":
                if line.isupper():
                    buku = f"{buku} {line}"
                    continue
            if pending == "bagian" and bagian:
                bagian = bagian + " " + line
                pending = None
                continue
            if pending == "paragraf" and paragraf:
                paragraf = paragraf + " " + line
                pending = None
                continue
        if pending == "bab" and line.isupper() and bab and not units:
            continue
        pending = None
        if units:
            lost = _lost_bab_title(line, lines[i + 1] if i + 1 < len(lines) else "", i + 1 in chosen)
            if lost:
                # "... hak asasi manusia. TATA CARA DAN KOORDINASI PELAKSANAAN DIVERSI" then "Bagian Kesatu":
                # a chapter title whose "BAB III" the source lost, glued to the last line of the chapter before
                line, title = lost
                units[-1].lines.append(line)
                if RE_BAB.match(title):  # "... diundangkan. BAB VIII KETENTUAN PERALIHAN": glued whole
                    units[-1].warnings.append(f"heading '{title}' was glued to the end of Pasal {units[-1].number}")
                    bab = title
                else:
                    number = _next_roman(bab)
                    units[-1].warnings.append(f"BAB title '{title}' was glued to the end of Pasal {units[-1].number}; numbered BAB {number or '?'} by the chapter before")
                    bab = f"BAB {number} {title}" if number else title
                bagian = paragraf = None
                continue
            units[-1].lines.append(line)
    # back-fill BAB titles that continued on following uppercase lines after a unit started
    units = _recover_lost_headings(units)
    out = []
    for u in units:
        p = structure_pasal(u.number, u.lines)
        p.buku, p.bab, p.bagian, p.paragraf = u.buku, u.bab, u.bagian, u.paragraf
        p.warnings = u.warnings + p.warnings
        out.append(p)
        twin = getattr(u, "twin", None)
        if twin:
            q = structure_pasal(twin, u.lines)
            q.bab, q.bagian, q.paragraf, q.warnings = u.bab, u.bagian, u.paragraf, list(p.warnings)
            out.append(q)
    return out


RE_GLUED_TITLE = re.compile(r"^(.*[.;:])\s+((?:[A-Z][A-Z/,()\-]*\s+){2,}[A-Z][A-Z/,()\-]*)$")
_ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
           "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV"]


def _lost_bab_title(line: str, next_line: str, next_is_pasal: bool) -> tuple[str, str] | None:
    """(the sentence, the title) when a line ends in an upper-case title of three words or more and a
    heading follows; None otherwise (an upper-case acronym inside a sentence is not a title)."""
    m = RE_GLUED_TITLE.match(line)
    if not m or not (next_is_pasal or RE_BAGIAN.match(next_line) or RE_PARAGRAF.match(next_line)):
        return None
    return m.group(1), m.group(2)


def _next_roman(bab: str | None) -> str | None:
    m = RE_BAB.match(bab or "")
    i = _ROMANS.index(m.group(1)) if m and m.group(1) in _ROMANS else len(_ROMANS)
    return _ROMANS[i + 1] if i + 1 < len(_ROMANS) else None


def _looks_heading(line: str) -> bool:
    """Headings are short and do not end like sentences (a cross-reference line does)."""
    return len(line) < 160 and not line.rstrip().endswith((".", ";", ","))


def _recover_lost_headings(units: list[_Unit]) -> list[_Unit]:
    out: list[_Unit] = []
    for k, u in enumerate(units):
        out.append(u)
        if k + 1 < len(units):
            a, b = pasal_key(u.number), pasal_key(units[k + 1].number)
            if not a[1] and not b[1] and b[0] == a[0] + 2:
                rec = _split_lost_heading(u, str(a[0] + 1))
                if rec:
                    out.append(rec)
    return out


# --------------------------------------------------------------------------- amending acts

RE_INSTR = re.compile(r"^(\d+)\.\s+(.*)$")
RE_INSTR_START = re.compile(r"^(Ketentuan|Di antara|Diantara|Judul|Penjelasan|Setelah|Pasal\s+\S+\s+dihapus|BAB\s+\S+\s+dihapus|Lampiran)")
RE_INSTR_TAIL = re.compile(r"^(.*[.;])\s+([^.;]*(?:berbunyi sebagai berikut|berikut)\s*:)\s*$")


def _parse_amending_body(lines: list[str], doc: Document) -> None:
    """Pasal I: numbered instructions, each followed by the new text of the pasal it changes."""
    # Pasal I / Pasal II split
    idx_ii = next((i for i, l in enumerate(lines) if re.match(r"^Pasal\s+II\s*$", l)), None)
    part_i = lines[: idx_ii] if idx_ii is not None else lines
    part_ii = lines[idx_ii + 1:] if idx_ii is not None else []
    # split glued instructions: "... berikut: <text>", "BAB XIA LARANGAN 62. Di antara ..."
    flat: list[str] = []
    for line in part_i:
        if RE_PASAL_ROMAN.match(line):
            continue
        line = re.sub(r"\s+(\d+\.\s+(?:Di antara|Diantara|Ketentuan)\b)", r"\n\1", line)
        for piece in line.split("\n"):
            m = re.match(r"^(\d+\.\s+.*?berbunyi sebagai berikut\s*:)\s+(\S.*)$", piece)
            if m and RE_INSTR_START.match(re.sub(r"^\d+\.\s+", "", m.group(1))):
                flat.extend([m.group(1), m.group(2)])
                continue
            mt = RE_INSTR_TAIL.match(piece)
            is_instruction = RE_INSTR_START.match(re.sub(r"^\d+\.\s+", "", piece))
            if mt and not is_instruction:
                flat.extend([mt.group(1), "\u0000" + mt.group(2)])  # orphan instruction tail
                continue
            flat.append(piece)
    # segment by instructions
    segments: list[tuple[Amendment, list[str]]] = []
    last_no = 0
    preface: list[str] = []
    for line in flat:
        orphan = line.startswith("\u0000")
        m = RE_INSTR.match(line)
        is_instr = False
        if orphan:
            is_instr = True
            amend = Amendment(item="", instruction=line[1:], action="diubah", targets=[])
        elif m and RE_INSTR_START.match(m.group(2)) and RE_INSTR_WORDS.search(m.group(2)):
            no = int(m.group(1))
            if last_no < no <= last_no + 4:
                is_instr = True
                last_no = no
                amend = _instruction(m.group(1), m.group(2))
        if is_instr:
            segments.append((amend, []))
            continue
        if segments:
            segments[-1][1].append(line)
        else:
            preface.append(line)
    # the preface of Pasal I may itself hold a lost first instruction ("... diubah sebagai berikut: dan angka 17 diubah ...")
    if preface and any(_pasal_heading(l) for l in preface):
        segments.insert(0, (Amendment(item="1", instruction=" ".join(l for l in preface if not _pasal_heading(l))[:400], action="diubah", targets=[]), [l for l in preface if _pasal_heading(l) or True]))
        # drop the Pasal I opening sentence from the text lines
        seg_lines = segments[0][1]
        while seg_lines and not _pasal_heading(seg_lines[0]):
            seg_lines.pop(0)
    pasal: list[Pasal] = []
    inserted_bab: str | None = None
    for amend, seg in segments:
        doc.amendments.append(amend)
        new = _segment_pasal(amend, seg)
        for p in new:
            p.bab = p.bab or inserted_bab
        pasal.extend(new)
        # a BAB inserted by one instruction heads the pasal inserted by the next one
        inserted_bab = next((l for l in seg if RE_BAB.match(l) and _looks_heading(l)), None) if amend.target_units == "bab" else None
    # Pasal II (and further roman articles): ordinary text articles of the amending act
    if idx_ii is not None:
        closing = next((i for i, l in enumerate(part_ii) if RE_CLOSING.match(l)), len(part_ii))
        pasal.append(structure_pasal("II", part_ii[:closing]))
    doc.pasal = pasal
    m = re.search(r"ATAS\s+UNDANG-UNDANG\s+NOMOR\s+(\d+)\s+TAHUN\s+(\d{4})", doc.title, re.I)
    if m:
        doc.amends.append(f"UU {m.group(1)}/{m.group(2)}")


def _instruction(no: str, text: str) -> Amendment:
    t = text
    units = "pasal"
    if re.search(r"disisipkan\s+\d+\s*\(\s*\w+\s*\)\s*pasal\b", t, re.I):
        action = "disisipkan"
    elif re.search(r"\bdihapus\b", t) and not re.search(r"berbunyi", t):
        action = "dihapus"
    elif re.search(r"\bditambah\b", t) and not re.search(r"\bdiubah\b", t):
        action = "ditambah"
    else:
        action = "diubah"
    if re.search(r"\bbab\b", t, re.I) and re.search(r"yakni BAB", t):
        units = "bab"
        return Amendment(no, text, action, re.findall(r"yakni BAB\s+([IVXLC]+[A-Z]?)", t), units)
    if re.search(r"judul\s+Bagian|judul\s+BAB", t, re.I):
        return Amendment(no, text, action, [], "judul")
    m = re.search(rf"sehingga\s+Pasal\s+({PASAL_NUM})\s+berbunyi", t)
    if m:
        targets = [m.group(1)]
    elif "yakni" in t and re.search(r"yakni\s+Pasal", t):
        targets = re.findall(rf"Pasal\s+({PASAL_NUM})", t.split("yakni", 1)[1])
    else:
        t2 = re.sub(rf"Di\s*antara\s+Pasal\s+{PASAL_NUM}\s+dan\s+Pasal\s+{PASAL_NUM}", "", t)
        targets = re.findall(rf"Pasal\s+({PASAL_NUM})", t2)[:1]
    if re.match(r"^Penjelasan\b", t):
        units = "penjelasan"
    return Amendment(no, text, action, [fix_ocr_number(x) for x in targets], units)


def _segment_pasal(amend: Amendment, seg: list[str]) -> list[Pasal]:
    """Cut the new text after one instruction into pasal, recovering headings the source lost."""
    if amend.action == "dihapus" and not seg:
        return [Pasal(n, "Dihapus.", status="dihapus", amendment="dihapus") for n in amend.targets]
    bab = None
    head_idx = [(i, h) for i, l in enumerate(seg) if (h := _pasal_heading(l))]
    units: list[_Unit] = []
    pre: list[str] = []
    for i, line in enumerate(seg):
        mb = RE_BAB.match(line)
        if mb and _looks_heading(line):
            bab = line
            continue
        h = _pasal_heading(line)
        if h and any(i == k for k, _ in head_idx):
            units.append(_Unit(h, [], bab))
            continue
        if units:
            units[-1].lines.append(line)
        else:
            pre.append(line)
    targets = [t for t in amend.targets if amend.target_units == "pasal"]
    found = [u.number for u in units]
    warnings: list[str] = []
    if pre:
        missing_first = next((t for t in targets if t not in found), None)
        if missing_first and (not found or pasal_key(missing_first) < pasal_key(found[0])):
            u = _Unit(missing_first, pre, bab)
            u.warnings.append(f"heading 'Pasal {missing_first}' missing in source; taken from the amendment instruction")
            units.insert(0, u)
        elif units:
            units[0].lines = pre + units[0].lines
    # targets still missing between found headings: split the previous pasal at its last sentence
    for t in targets:
        if t in [u.number for u in units]:
            continue
        before = [k for k, u in enumerate(units) if pasal_key(u.number) < pasal_key(t)]
        if not before:
            continue
        k = before[-1]
        new = _split_last_sentence(units[k], t)
        if new:
            units.insert(k + 1, new)
    out = []
    for u in units:
        p = structure_pasal(u.number, u.lines)
        p.bab = u.bab
        p.amendment = amend.action if amend.action != "ditambah" else "diubah"
        p.warnings = u.warnings + warnings + p.warnings
        out.append(p)
    return out


def _split_last_sentence(u: _Unit, number: str) -> _Unit | None:
    """Split off the article that ran into the previous one.

    Two shapes occur: its text continues a line of the previous article after a full stop
    ("... cabul. Setiap Orang dilarang ..."), or it starts with "(1)" right after an article
    without ayat. The latest such point wins; nothing is split when neither is found.
    """
    starters = r"(?:Setiap|Ketentuan|Dalam hal|Pemerintah|Anak|Perlindungan|Komisi|Pidana)\b"
    for i in range(len(u.lines) - 1, -1, -1):
        line = u.lines[i]
        if i > 0 and re.match(r"^\(1\)\s", line) and not any(RE_AYAT.match(l) for l in u.lines[:i]) and u.lines[i - 1].rstrip().endswith("."):
            head_lines, tail_lines = u.lines[:i], u.lines[i:]
            break
        found = None
        for m_ in re.finditer(rf"[.;]\s+(?={starters})", line):
            found = m_
        if found:
            head_lines = u.lines[:i] + [line[: found.start() + 1]]
            tail_lines = [line[found.end():]] + u.lines[i + 1:]
            break
    else:
        return None
    u.lines = head_lines
    new = _Unit(number, tail_lines, u.bab, u.bagian, u.paragraf)
    new.warnings.append(
        f"heading 'Pasal {number}' missing in source; its text ran into Pasal {u.number} and was split off"
    )
    return new


# --------------------------------------------------------------------------- penjelasan

RE_PJ_HEAD = re.compile(rf"(?:(?<=^)|(?<=[.:;]\s)|(?<=\n))Pasal\s+({PASAL_NUM})(?=\s*\n|\s+(?:Cukup jelas|Ayat\s*\(|Huruf\s|Angka\s|Yang dimaksud|Ketentuan|Dalam|Penjelasan|[A-Z]))")


def _attach_penjelasan(text: str, doc: Document) -> None:
    """Split the Penjelasan into umum and pasal demi pasal; attach each part to its pasal."""
    text = text.replace("\r\n", "\n")
    text = "\n".join(clean_line(l) for l in text.split("\n") if clean_line(l))
    m_pdp = re.search(r"(II\.\s*)?PASAL\s+DEMI\s+PASAL", text)
    m_umum = re.search(r"\b(I\.\s*)?UMUM\b", text)
    if m_pdp:
        if m_umum and m_umum.start() < m_pdp.start():
            doc.penjelasan_umum = text[m_umum.end(): m_pdp.start()].strip() or None
        rest = text[m_pdp.end():]
    else:
        # amending acts: "Pasal I Angka 1 Pasal 1 Cukup jelas. Angka 2 ..."
        m_i = re.search(r"\bPasal\s+I\b", text)
        if m_umum and (not m_i or m_umum.start() < m_i.start()):
            doc.penjelasan_umum = text[m_umum.end(): m_i.start() if m_i else None].strip() or None
        rest = text[m_i.end():] if m_i else ""
    cands = [(m.start(), fix_ocr_number(m.group(1)), 1.0 if (m.start() == 0 or rest[m.start() - 1] == "\n") else 0.9) for m in RE_PJ_HEAD.finditer(rest)]
    chosen = _chain(cands)
    pos_to_num = {c[0]: c[1] for c in cands}
    bounds = chosen + [len(rest)]
    for k, start in enumerate(chosen):
        num = pos_to_num[start]
        seg = rest[start: bounds[k + 1]]
        seg = re.sub(rf"^Pasal\s+{PASAL_NUM}\s*", "", seg)
        seg = re.sub(r"\s*\bAngka\s+\d+\s*$", "", seg.strip())  # amending acts number their items
        seg = re.sub(r"\s*\bPasal\s+(II|III)\b.*$", "", seg, flags=re.S)
        seg = re.split(r"\n?(?:TAMBAHAN LEMBARAN NEGARA|LEMBARAN NEGARA REPUBLIK INDONESIA TAHUN)", seg)[0]
        p = doc.get_pasal(num)
        if p is not None and seg.strip():
            p.penjelasan = re.sub(r"\s*\n\s*", " ", seg.strip()) if "\n" in seg else seg.strip()
