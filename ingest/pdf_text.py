"""Statute PDFs -> clean plain text, one logical line per line, for the line-based statute parser.

Why this module exists: the parser only understands lines ("Pasal 5", "(1) ...", "a. ..."), but a PDF
is positioned text. Three kinds of input reach us:

* born-digital (Word -> Distiller, e.g. KUHP, UU 11/2008): the text layer is exact, but runs of one
  visual line are often separate text objects (pypdf would print "perundang-undang\\nan"), and every
  page carries furniture (gazette header "PRESIDEN / REPUBLIK INDONESIA", "- 5 -", a court header);
* scanned with an OCR text layer (UU 19/2016, UU 1/2024): one word per text object, the ayat/angka
  labels in a separate column stream, skewed baselines and OCR slips ("Pasal 3 1", "(21", "2OO8");
* scanned without text: nothing to read; the user must run OCR first.

So we rebuild visual lines (pypdf's layout mode for born-digital pages, our own clustering of word
positions for OCR pages), drop page furniture, repair slips only in structural tokens (headings,
ayat/item labels, numbers), and finally join hard-wrapped lines into logical lines. Wording is never
changed otherwise: users quote this text verbatim.
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import DependencyError, PyPdfError

BORN_DIGITAL, SCANNED_OCR, SCANNED_NO_TEXT = "born-digital", "scanned-ocr", "scanned-no-text"
# what pypdf raises on damaged files while reading pages (it has no single base class for this)
_READ_ERRORS = (PyPdfError, ValueError, KeyError, TypeError, IndexError, AttributeError, OSError)


class PdfProblem(Exception):
    """A PDF we cannot turn into text; the message is meant for the user and names the file."""


# ----------------------------------------------------------------------------------------------
# Opening and classifying


def _open(path: Path) -> PdfReader:
    """Open a PDF, turning every failure into a PdfProblem the user can act on."""
    path = Path(path)
    if not path.is_file():
        raise PdfProblem(f"{path}: file not found")
    if path.stat().st_size == 0:
        raise PdfProblem(f"{path}: file is empty (0 bytes); download it again")
    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise PdfProblem(f"{path}: PDF is encrypted with a password; save an unprotected copy and add that")
        len(reader.pages)  # forces the page tree to load, where truncated files usually fail
    except DependencyError as exc:
        raise PdfProblem(f"{path}: PDF is encrypted (AES) and cannot be opened here: {exc}") from exc
    except _READ_ERRORS as exc:
        raise PdfProblem(f"{path}: not a readable PDF (corrupt or truncated?): {exc}") from exc
    return reader


def _has_page_image(page) -> bool:
    """True if the page draws a large raster image (a scan); cheap: reads only the XObject dicts."""
    try:
        xobjects = page["/Resources"].get_object().get("/XObject") or {}
        for ref in xobjects.get_object().values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image" and int(obj.get("/Width", 0)) * int(obj.get("/Height", 0)) > 1_000_000:
                return True
    except (KeyError, AttributeError, TypeError, ValueError):
        pass
    return False


def _classify(reader: PdfReader, sample: int = 6) -> str:
    pages = list(reader.pages)
    picked = pages if len(pages) <= sample else [pages[i * (len(pages) - 1) // (sample - 1)] for i in range(sample)]
    chars = sum(len((p.extract_text() or "").strip()) for p in picked) / max(1, len(picked))
    if chars < 20:
        return SCANNED_NO_TEXT
    return SCANNED_OCR if sum(map(_has_page_image, picked)) * 2 > len(picked) else BORN_DIGITAL


def classify_pdf(path: Path) -> str:
    """"born-digital" | "scanned-ocr" | "scanned-no-text", from a few pages (chars per page, page-size images).

    Scanned pages carry a full-page raster image; OCR text on top of it gets OCR-specific repairs.
    """
    path = Path(path)
    reader = _open(path)
    try:
        return _classify(reader)
    except _READ_ERRORS as exc:
        raise PdfProblem(f"{path}: text could not be read (corrupt PDF?): {exc}") from exc


# ----------------------------------------------------------------------------------------------
# Stage 1: visual lines from positioned text runs


@dataclass
class _Row:
    """One visual line: `y` grows upwards (PDF points, or minus the row number for layout text),
    `right` is where the line ends (points, or characters), for telling short lines from full ones."""

    y: float
    text: str
    right: float


def _layout_rows(page) -> list[_Row]:
    """Born-digital page -> rows, via pypdf's layout mode.

    Layout mode places each run by its real width; plain mode ignores word spacing (Tw) and so
    inserts false spaces in justified text ("meny ebabkan") and breaks lines inside words
    ("perundang-undang\nan"). Blank rows it inserts for vertical gaps are kept as y steps.
    """
    rows = []
    for i, line in enumerate(page.extract_text(extraction_mode="layout").splitlines()):
        text = " ".join(line.split())
        if text:
            rows.append(_Row(-10.0 * i, text, len(line.rstrip())))
    return rows


@dataclass
class _Line:
    lo: float
    hi: float
    runs: list[tuple[float, str, float]] = field(default_factory=list)


def _ocr_rows(page) -> list[_Row]:
    """OCR page -> rows, from the position of every text run (one word each in an OCR layer).

    Layout mode cannot be used here: scans are skewed, so it glues the end of one line to the start
    of the next ("terhubungnyadua"). A run joins the line whose y-range is nearest, within about half
    its height, so skewed baselines and the label column that OCR emits separately ("3.", "(4)")
    land on the right line.
    """
    lines: list[_Line] = []

    def visit(text, cm, tm, _font, size):
        text = text.replace("\n", "")
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        height = abs(size * (tm[2] * cm[1] + tm[3] * cm[3])) or abs(size)
        best, best_d = None, min(7.0, max(3.0, 0.5 * height))
        for line in reversed(lines[-60:]):
            d = max(line.lo - y, y - line.hi, 0.0)
            if d < best_d:
                best, best_d = line, d
        if best is None:
            best = _Line(y, y)
            lines.append(best)
        best.lo, best.hi = min(best.lo, y), max(best.hi, y)
        best.runs.append((x, text, height))

    page.extract_text(visitor_text=visit)
    rows = []
    for line in sorted(lines, key=lambda l: -l.hi):
        runs = sorted(line.runs)
        # OCR runs are whole words, so runs on one visual line are always separate words
        text = " ".join(" ".join(run for _, run, _ in runs).split())
        x, last, height = runs[-1]
        rows.append(_Row(line.hi, text, x + 0.5 * height * len(last.strip())))
    return rows


# ----------------------------------------------------------------------------------------------
# Stage 2: page furniture (headers, footers, page numbers, catchwords)

_PAGE_NO = re.compile(r"^[-–_~]\s*[\dOoIlLtTsS]{0,3}\s*[-–_~]?$")  # "- 5 -", "-7 -", "-10", "_t2", "-"
# footers at a page edge: "SK No 190185 A" (UU 1/2024), "www.hukumonline.com", "Halaman 3 dari 20", "3 / 20"
_FOOTER = re.compile(r"^(SK\s*No\b.*|www\.\S+.*|\S+\.(com|go\.id)\b.*|(Halaman|Hal\.)\s*\d+.*|\d+\s*/\s*\d+)$", re.I)
_RULE = re.compile(r"^[-_=.|\s]{5,}$")  # "-----" separator lines
_LEADING_LABEL = re.compile(r"^\(?\w{1,3}[.)]?\s+")
_DOT_LEADER = re.compile(r"(\s*[.,]){2,}\s*$|\s\.$")  # "Sistem . . .", "Angka8...", "9. Sertifikat ."


def _alnum(s: str) -> str:
    return re.sub(r"[^0-9a-z]", "", s.lower())


def _strip_furniture(pages: list[list[_Row]], positional: bool) -> list[list[_Row]]:
    """Drop page furniture. What the four statutes have:

    * gazette header "PRESIDEN / REPUBLIK INDONESIA" (OCR: "PRES!DEN", "REPIJBUK INDONE!3IA", garbled
      emblem lines such as "T{IItrtrIXNItrIIFEIn") above a page number "- 2 -" / "-2-" / "-t4-":
      everything from the top of the page down to the page number goes. On OCR pages whose number was
      not read, rows above the highest page-number position of the document go;
    * KUHP: "Biro Hukum dan Humas / Badan Urusan Administrasi / Mahkamah Agung-RI/g3/g3" at the foot
      of every page; like the born-digital gazette header it is caught as a row repeating at the page
      edge on most pages;
    * footers "SK No 190185 A" (UU 1/2024), "www.hukumonline.com"-style lines, separator rules "-----";
    * catchwords: the gazette repeats the next page's first words at the bottom ("5. Sistem . . .",
      "(3) Setiap.", "Dengan"); dropped when dotted or when the next page really starts with them.
    """
    n = len(pages)
    edge = Counter()  # rows near the top/bottom edge, counted once per page
    for rows in pages:
        edge.update({r.text.lower() for r in rows[:4] + rows[-4:]})
    # (a sentence such as "Cukup jelas." never counts as furniture)
    repeated = {t for t, c in edge.items() if n >= 4 and c >= 0.6 * n and not t.endswith(".")}

    cut = [next((i for i, r in enumerate(rows[:8]) if _PAGE_NO.match(r.text)), -1) for rows in pages]
    pn_ys = [rows[i].y for rows, i in zip(pages, cut) if i >= 0]
    top = max(pn_ys) + 10 if positional and len(pn_ys) >= max(2, n // 3) else None

    result = []
    for rows, idx in zip(pages, cut):
        if idx >= 0:
            rows = rows[idx + 1 :]
        elif top is not None:
            rows = [r for r in rows if r.y <= top]
        edge_rows = {id(r) for r in rows[:3] + rows[-3:]}
        result.append([
            r for r in rows
            if r.text.lower() not in repeated and not _RULE.match(r.text)
            and not (id(r) in edge_rows and _FOOTER.match(r.text))
        ])

    for i in range(len(result) - 1):  # catchwords
        page, nxt = result[i], next((p for p in result[i + 1 :] if p), [])
        if not page or not nxt:
            continue
        last = page[-1].text
        key = _alnum(_LEADING_LABEL.sub("", last))  # labels compared loosely: OCR reads "(5)" as "(s)"
        if len(last.split()) <= 6 and (
            _DOT_LEADER.search(last) or (key and _alnum(_LEADING_LABEL.sub("", nxt[0].text)).startswith(key))
        ):
            page.pop()
    return result


def _paragraph_ends(pages: list[list[_Row]]) -> list[bool]:
    """Per row: does it visibly end a paragraph (ends clearly left of a full line, or extra vertical
    space follows)? Lets `join_lines` tell "...terpidana." + "Sebelum memutus, ..." (one ayat wrapped
    at a sentence end) from two paragraphs."""
    rights = sorted(r.right for page in pages for r in page)
    full = 0.85 * rights[int(0.9 * (len(rights) - 1))] if rights else 0
    ends = []
    for page in pages:
        steps = [a.y - b.y for a, b in zip(page, page[1:])]
        pitch = statistics.median(steps) if steps else 0
        for i, row in enumerate(page):
            ends.append(row.right < full or (i < len(steps) and steps[i] > 1.5 * pitch))
    return ends


# ----------------------------------------------------------------------------------------------
# Stage 3: OCR slips, in structural tokens only

# OCR look-alikes of digits; used only inside tokens already known to be numbers or labels
_LOOKALIKE = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1", "!": "1", "]": "1", "J": "1",
                            "t": "1", "Z": "2", "S": "5", "s": "5", "T": "7"})
# A token made only of digits and the look-alikes O/o (0) and I/l (1), with at least one real digit:
# "2OO8", "I1", "4O", "37l". No Indonesian word looks like that, so the repair is unambiguous.
_MIXED_NUMBER = re.compile(r"(?<![\w.,/-])(?=[0-9OoIl]*[0-9])(?=[0-9OoIl]*[OoIl])[0-9OoIl]{2,}(?![\w-])")
# "Pasal 5", "Pasa1 5", "Pasai 479 k", "PasaJ2TA", "Pasa727B", "Pasal 3 1", "Pasal 4OA", "Pasal 14a",
# "Pasal 260 bis". Group 1: the number with look-alikes, group 2: space before the suffix, group 3: suffix.
_PASAL_HEAD = re.compile(
    r"^Pas(?:al|a[1IiJ|\]]|a7(?=\d)|a)\s*([0-9OoIlJ|!\]tTZS]*[0-9][0-9OoIlJ|!\]tTZS]*(?: [0-9]+)?)"
    r"(\s*)([A-Z]|[a-z]|bis|ter|quater)?$"
)
_ITEM_LOOKALIKE = {"g": "cq9", "i": "1lI", "j": "J", "l": "1I", "o": "0"}  # OCR misreads of huruf labels
_ITEM_END = re.compile(r"[;:](\s(dan|atau|dan/\s?atau))?$")
_AYAT_LABEL = re.compile(r"^(?:\(\s?([0-9lOs]{1,2}?[a-h]?)|l([0-9][0-9lO]?[a-h]?))\s?[)1lt](?=\s|$)")


def _fix_ayat(line: str) -> str:
    """"(l)" "(21" "(2al" "l2cl" "(s)" at line start -> "(1)" "(2)" "(2a)" "(2c)" "(5)" (OCR documents)."""
    m = _AYAT_LABEL.match(line)
    if not m:
        return line
    inner = m.group(1) or m.group(2)
    letter = inner[-1] if inner[-1] in "abcdefgh" else ""
    return f"({inner[: len(inner) - len(letter)].translate(_LOOKALIKE)}{letter})" + line[m.end():]


def _pasal_heading(line: str) -> str | None:
    """Normalised heading if `line` is an article heading "Pasal N" (possibly OCR-mangled), else None.

    Roman "Pasal I"/"Pasal II" (articles of an amending act) are returned as they are; see
    `_fix_joined` for the one context where OCR's "Pasal I" means "Pasal 1".
    """
    if re.match(r"^Pasal [IVX]+$", line):
        return line
    m = _PASAL_HEAD.match(line)
    if not m:
        return None
    raw, space, suffix = m.groups()
    number = raw.replace(" ", "").translate(_LOOKALIKE)
    if len(suffix or "") > 1 or (suffix and suffix.islower() and space):
        return f"Pasal {number} {suffix}"  # KUHP "Pasal 260 bis", "Pasal 479 a"
    if not suffix and raw[-1] in "lo":
        return f"Pasal {number[:-1]}{raw[-1]}"  # "37l": 371 or 37 + letter l? `_fix_heading_sequence` decides
    return f"Pasal {number}{suffix or ''}"


def _fix_line(line: str, ocr: bool, prev: str = "") -> list[str]:
    """Repair slips in structural tokens of one physical line; leave all other wording alone.

    `prev` is the previous physical line: OCR label repairs only apply after a finished line, where a
    label can start (so "58, Tambahan" after "Nomor" stays as it is). Returns one line, or two when a
    heading carries a note ("Pasal 188 ( L.N. 1960 - 1)" in the KUHP): the note then gets its own line.
    """
    if ocr:
        line = _fix_ayat(line)
        line = _MIXED_NUMBER.sub(lambda m: m.group(0).translate(_LOOKALIKE), line)
        line = re.sub(r"\bPasa1\b", "Pasal", line)
        line = re.sub(r"^(Huruf|Angka)([a-z0-9]{1,2})$", r"\1 \2", line)  # "Hurufa", "Angka2"
        if not prev or prev.endswith((".", ":", ";")) or _HEADING_LINE.match(prev):
            if re.match(r"^pasal \S+$", line):
                line = "P" + line[1:]  # "pasal 458" standing alone after a finished line
            line = re.sub(r"^(\d{1,2}),?\s(?=[A-Z])", r"\1. ", line)  # "2, Transaksi", "1 Ketentuan"
            line = re.sub(r"^[tlI](\d)\.\s", r"1\1. ", line)  # "t7. Kontrak"
        if _ITEM_END.search(prev):  # huruf items that lost their dot: "b memberi", "I meminta"
            line = re.sub(r"^([a-z]|I|J)\s(?=[a-z]{3})", lambda m: m.group(1).lower() + ". ", line)
    if re.match(r"^Bab [IVXLC]+$", line):
        return ["BAB" + line[3:]]  # the KUHP sometimes types "Bab IX"
    note = re.match(r"^(Pasal \d+\w*)\s*(\(.*\))$", line)
    if note:
        return [note.group(1), note.group(2)]
    heading = _pasal_heading(line)
    if heading:
        return [heading]
    if ocr:
        m = re.match(r"^Ayat\s*(\S+)$", line)  # Penjelasan sub-heading "Ayat (l)" / "Ayat(21"
        if m and _fix_ayat(m.group(1)).startswith("("):
            line = "Ayat " + _fix_ayat(m.group(1))
    return [line]


# ----------------------------------------------------------------------------------------------
# Stage 4: hyphenation and logical lines

_HEADING_LINE = re.compile(
    r"^(BAB\s+[IVXLC]+\b.*|Bagian\s+(Ke\w+|Pertama)\b.*|Paragraf\s+\d+\w*"
    r"|Pasal\s+(\d+\w*(\s+(bis|ter|quater|[a-z]|dan\s+\d+))?|[IVX]+)"
    r"|PENJELASAN|[IVX]+\.\s+[A-Z][A-Z ]+|(Ayat|Huruf|Angka)\s*\(?\w{1,3}\)?)$"
)
_BLOCK_START = re.compile(
    r"^\(\d+[a-z]?\)(\s|$)"  # ayat "(1)", also alone on its line
    r"|^([a-z]\.|\d{1,3}[a-z]?\.|\d{1,3}\)|[a-z]\))\s+\S"  # items "a." "1." "1)" "a)" followed by text
    r"|^(Menimbang|Mengingat|Menetapkan|Memperhatikan)\b"
)
_TITLE_AFTER = re.compile(r"^(BAB\s+[IVXLC]+|Bagian\s+\S+|Paragraf\s+\S+)$")
_HYPHEN_PREFIXES = {"pra", "non", "anti", "pasca", "e", "eks", "antar"}


def _is_caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and not any(c.islower() for c in letters)


def dehyphenate(left: str, right: str) -> str:
    """Join `left` (ending in "-", or "_" as OCR reads it) with the following line `right`.

    Line-end hyphens in statutes are nearly always real: reduplication ("keadaan-keadaan",
    "setidak-tidaknya", "menakut-nakuti"), "perundang-undangan", "Undang-Undang", numbers ("147-152"),
    prefixes ("non-", "pra-"); those keep the hyphen. Anything else was a typesetting break
    ("perlin-" + "dungan") and is rejoined without it.
    """
    word = re.split(r"[\s/(\[-]", left[:-1])[-1].lower()
    nxt = right.split(" ", 1)[0]
    keep = (
        not word
        or not nxt[:1].isalpha()
        or nxt[:1].isupper()
        or word in _HYPHEN_PREFIXES
        or any(word.endswith(nxt.lower()[:k]) for k in range(3, min(len(word), len(nxt)) + 1))
    )
    return (left if keep else left[:-1]) + right


def join_lines(lines: list[str], ends: list[bool] | None = None) -> list[str]:
    """Join hard-wrapped lines so that every heading, ayat, item and paragraph is one line.

    A line starts a new logical line when it is a heading (kept alone; the title after BAB / Bagian /
    Paragraf also stays alone), an ayat "(1)", an item "a." / "1." / "1)", all-caps text after a
    finished line, or a capitalised line after a sentence end (. : ;). `ends[i]` (from the layout)
    says whether line i visibly ended its paragraph; when given, a sentence end followed by a full
    line is taken as a wrap inside one paragraph.
    """
    out: list[str] = []
    alone = True  # the last logical line may not be continued (heading, title)
    title_next = in_title = False
    for i, line in enumerate(lines):
        prev = out[-1] if out else ""
        heading = bool(_HEADING_LINE.match(line))
        # "... dalam Pasal 27 ayat" + "(4) dipidana ...": a reference wrapped before its number.
        reference = line.startswith("(") and re.search(r"\b(ayat|pada|dalam|dengan)$", prev, re.I)
        block = heading or (bool(_BLOCK_START.match(line)) and not reference)
        if title_next and not block:
            out.append(line)  # the title of a BAB / Bagian / Paragraf
            title_next, alone, in_title = False, True, _is_caps(line)
            continue
        if in_title and _is_caps(line) and not block:
            out[-1] = prev + " " + line  # a BAB title wrapped over two lines
            continue
        in_title = False
        title_next = bool(_TITLE_AFTER.match(line))
        visible_end = ends is None or ends[i - 1]
        finished = prev.endswith((".", ":", ";")) or (_is_caps(prev) and visible_end)
        new = (
            alone
            or block
            or (_is_caps(line) and len(line) > 3 and (finished or visible_end))
            or (finished and visible_end and re.match(r"[A-Z\"“'‘]", line))
        )
        if new:
            out.append(line)
        elif re.search(r"\w[-_]$", prev):
            out[-1] = dehyphenate(prev, line)
        else:
            out[-1] = prev + " " + line
        alone = heading
    return out


def _fix_joined(lines: list[str], ocr: bool) -> list[str]:
    """Repairs that need the neighbouring logical lines as context."""
    if not ocr:
        return _fix_heading_sequence(lines)
    out: list[str] = []
    last_ayat, last_item = 0, ""
    for line in lines:
        prev = out[-1] if out else ""
        roman = re.match(r"^Pasal ([IVX]+)$", line)
        if roman and prev.endswith("berikut:"):
            # "...sehingga Pasal 1 berbunyi sebagai berikut:" + "Pasal I": OCR read 1 as I.
            number = roman.group(1).translate(_LOOKALIKE)
            if re.search(rf"\bPasal {number}\b", prev):
                line = f"Pasal {number}"
        # ayat labels the sequence makes certain: "12) Penyidikan" after ayat (1), "(U Pemerintah" as the
        # first ayat of an article
        ayat = re.match(r"^(1(\d)\)|\(U)\s", line)
        if ayat and (ayat.group(2) or "1") == str(last_ayat + 1):
            line = f"({last_ayat + 1})" + line[len(ayat.group(1)):]
        # huruf labels the sequence makes certain: "c." after "f." is g., "1." after "k." is l.
        item = re.match(r"^(\w)\.\s", line)
        if item and last_item and item.group(1) != chr(ord(last_item) + 1):
            expected = chr(ord(last_item) + 1)
            if item.group(1) in _ITEM_LOOKALIKE.get(expected, ""):
                line = expected + line[1:]
        if line.startswith("Pasal "):
            last_ayat, last_item = 0, ""
        elif re.match(r"^\((\d+)\)", line):
            last_ayat, last_item = int(re.match(r"^\((\d+)\)", line).group(1)), ""
        elif re.match(r"^[a-z]\.\s", line):
            last_item = line[0]
        out.append(line)
    return _fix_heading_sequence(out)


def _heading_key(line: str) -> tuple[int, str] | None:
    m = re.match(r"^Pasal (\d+) ?([A-Za-z]{0,6})$", line)
    return (int(m.group(1)), m.group(2).lower()) if m else None


def _readings(line: str) -> list[str]:
    """Possible readings of a heading, the default first: "Pasal 37l" is 371 (KUHP typo) unless it
    sits between 479k and 479m ("Pasal 479l"); OCR's "Pasal 278" is 278 unless only 27B fits."""
    m = re.match(r"^Pasal (\d+)([lo])$", line)
    if m:
        return [f"Pasal {m.group(1)}{'1' if m.group(2) == 'l' else '0'}", line]
    m = re.match(r"^Pasal (\d+)8$", line)
    if m:
        return [line, f"Pasal {m.group(1)}B"]
    return [line]


def _fix_heading_sequence(lines: list[str]) -> list[str]:
    """Resolve ambiguous article numbers by their neighbours: the reading that fits between the
    previous and the next heading wins, otherwise the default reading."""
    heads = [i for i, line in enumerate(lines) if _heading_key(line) or re.match(r"^Pasal [IVX]+$", line)]
    for n, here in enumerate(heads):
        options = _readings(lines[here])
        if len(options) == 1:
            continue
        # a roman "Pasal II" (or the document edge) bounds the sequence
        prev_key = (_heading_key(lines[heads[n - 1]]) if n > 0 else None) or (-1, "")
        next_key = (_heading_key(lines[heads[n + 1]]) if n + 1 < len(heads) else None) or (10**9, "")
        fits = sorted((o for o in options if prev_key < _heading_key(o) < next_key), key=_heading_key)
        lines[here] = (fits or options)[0]  # the fitting reading closest to the previous heading
    return lines


# ----------------------------------------------------------------------------------------------
# Public entry point


def extract_pdf_text(path: Path) -> str:
    """The statute's text, one logical line per line, without page furniture.

    Raises PdfProblem for missing, empty, corrupt, encrypted or text-less (scanned, not OCR'd) PDFs.
    """
    path = Path(path)
    reader = _open(path)
    try:
        kind = _classify(reader)
        if kind == SCANNED_NO_TEXT:
            raise PdfProblem(
                f"{path}: has no text layer (scanned image); run OCR (e.g. ocrmypdf -l ind) and add the result"
            )
        ocr = kind == SCANNED_OCR
        raw = [_ocr_rows(page) if ocr else _layout_rows(page) for page in reader.pages]
    except _READ_ERRORS as exc:
        raise PdfProblem(f"{path}: text could not be read (corrupt PDF?): {exc}") from exc
    pages = _strip_furniture(raw, positional=ocr)
    lines: list[str] = []
    ends: list[bool] = []
    for row, end in zip((row for page in pages for row in page), _paragraph_ends(pages)):
        for part in _fix_line(row.text, ocr, lines[-1] if lines else ""):
            lines.append(part)
            ends.append(end)
    return "\n".join(_fix_joined(join_lines(lines, ends), ocr)) + "\n"
