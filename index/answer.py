"""Extractive answers: the few retrieved sentences that best answer the question, each cited.

Nothing is generated: every sentence of the answer is a verbatim quote from a retrieved passage,
prefixed by its citation marker. When the evidence is weak the answer says so instead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.lexical import tokenize
from index.retrieve import Passage, Retriever, SearchResult
from index.scope import OutsideTopic
from index.situation import age_condition

WEAK_MESSAGE = (
    "Bukti dalam korpus lemah: tidak ada pasal yang jelas menjawab pertanyaan ini. "
    "Periksa kembali rumusan pertanyaan, atau lihat kutipan di bawah dengan hati-hati."
)


def _governed(topics: list[OutsideTopic]) -> str:
    return "; ".join(f"{t.label} diatur dalam {t.governed_by}" for t in topics)


def outside_message(topics: list[OutsideTopic]) -> str:
    """The answer to a question about a topic the corpus does not hold: which law governs it."""
    return (
        f"Pertanyaan ini menyangkut hal yang tidak diatur dalam korpus Lentera: {_governed(topics)}. "
        "Peraturan itu tidak ada dalam korpus, jadi pertanyaan ini tidak dapat dijawab dari teksnya; "
        "kutipan di bawah hanya pasal yang paling dekat, bukan jawabannya."
    )


@dataclass
class Quote:
    marker: int  # [n] -> passage rank
    citation: str
    text: str


@dataclass
class Answer:
    question: str
    quotes: list[Quote]
    result: SearchResult
    notes: list[str] = field(default_factory=list)

    @property
    def weak(self) -> bool:
        return self.result.weak

    @property
    def text(self) -> str:
        if self.weak:
            if self.result.missing:
                return (
                    f"{', '.join(self.result.missing)} tidak ada dalam korpus Lentera, jadi pertanyaan ini tidak dapat "
                    "dijawab dari teksnya. Tambahkan berkasnya (lihat README) lalu jalankan `lentera build`."
                )
            if self.result.outside:
                return outside_message(self.result.outside)
            return WEAK_MESSAGE
        lines = [f"[{q.marker}] {q.citation}: “{q.text}”" for q in self.quotes]
        return "\n".join(lines + self.notes)

    def to_json(self) -> dict:
        return {
            "question": self.question,
            "answer": self.text,
            "weak_evidence": self.weak,
            "notes": self.notes,
            "outside_corpus": [t.to_json() for t in self.result.outside],
            "situation": self.result.situation.to_json(),
            "results": [p.to_json() | {"reasons": [str(r) for r in p.reasons]} for p in self.result.passages],
        }

    def to_text(self) -> str:
        read = self.result.situation.describe()
        out = ([f"(Pertanyaan dibaca sebagai: {read})", ""] if read else []) + [self.text, ""]
        for p in self.result.passages:
            why = "; ".join([str(r) for r in p.reasons] + ([p.age_note] if p.age_note else []))
            why = f"  ({why})" if why else ""
            out.append(f"[{p.rank}] {p.citation}{why}")
            out.append("    " + p.text.replace("\n", "\n    "))
        return "\n".join(out)

    def to_markdown(self) -> str:
        """For copy/export: the answer and the cited passages as Markdown, citations in legal form."""
        out = [f"**Pertanyaan:** {self.question}", "", "**Jawaban (kutipan):**", ""]
        out += [f"> {self.text}"] if self.weak else [f"- [{q.marker}] {q.citation}: “{q.text}”".replace("\n", "  \n  ") for q in self.quotes]
        out += ["", "**Sumber:**", ""]
        for p in self.result.passages:
            out.append(f"{p.rank}. {p.citation} — {p.doc_title}")
            out.append("")
            out.extend("   > " + line for line in p.text.split("\n"))
            out.append("")
        return "\n".join(out)


_SENT = re.compile(r"(?<=[.;:])\s+(?=[A-Z(a-z])")


_LIST_ITEM = re.compile(r"^(?:[a-z]|\d{1,2})[.)]\s")
# a definition passage is "... yang dimaksud dengan:" plus one numbered item from the middle of the
# list: joining them would quote words that are not next to each other in the statute
_FIRST_ITEM = re.compile(r"^(?:a|1)[.)]\s")


def sentences(text: str) -> list[str]:
    """Quotable sentences. A sentence that opens a list ("Tindakan ... meliputi:") keeps its items:
    quoted alone it promises an answer it does not give."""
    parts: list[str] = []
    for line in text.split("\n"):
        # a list item is one part: "a. pengembalian ..." must not split after its marker
        parts += [line.strip()] if _LIST_ITEM.match(line.strip()) else [s.strip() for s in _SENT.split(line) if s and s.strip()]
    out: list[str] = []
    opens_list: bool | None = False  # None: the last part opened a list that has not started yet
    for part in parts:
        if opens_list and _LIST_ITEM.match(part):
            out[-1] += "\n" + part
            continue
        if opens_list is None and _FIRST_ITEM.match(part):
            out[-1] += "\n" + part  # the list starts at its first item: the opener's own list
            opens_list = True
            continue
        out.append(part)
        opens_list = None if part.endswith(":") else False
    return [p for p in out if len(p) > 15]


def _ayat_of(best: tuple[float, str] | None) -> str | None:
    """The ayat a quoted sentence opens with: "(2) Setiap Orang dilarang ..." -> "2"."""
    m = re.match(r"\((\w+)\)", best[1]) if best else None
    return m.group(1) if m else None


def _names(sentence: str, pasal: str, ayat: str | None) -> bool:
    """The sentence refers to Pasal `pasal`, and to the quoted ayat when it names one: a sanction for
    "Pasal 76J ayat (1)" (narkotika) is not the sanction for ayat (2) (alkohol dan zat adiktif)."""
    m = re.search(rf"\bPasal {re.escape(pasal)}\b(?:\s+ayat\s+\((\w+)\))?", sentence)
    return bool(m) and (ayat is None or m.group(1) in (None, ayat))


def answer(r: Retriever, question: str, k: int = 5, mode: str = "hybrid", max_quotes: int = 3, **kw) -> Answer:
    res = r.search(question, k=k, mode=mode, **kw)
    q_terms = set(tokenize(question, expand=True))
    age_range = res.situation.age_range
    # "uu sppa pasal 32 ayat 2": the named ayat is the sentence to quote, even inside a one-passage article
    named_ayat = {(c.doc, c.pasal): c.ayat for c in res.exact if c.ayat}
    scored: list[tuple[float, int, str, Passage]] = []
    best_of: dict[str, tuple[float, str]] = {}  # pasal -> its best sentence so far
    for p in res.passages:  # in rank order: a prohibition is scored before the sanction that follows it
        prior = 1.0 / (p.rank + 1)
        for s in sentences(p.text):
            terms = set(tokenize(s))
            overlap = len(q_terms & terms) / (1 + len(q_terms)) if q_terms else 0.0
            bonus = 0.3 if any(r.kind in ("named", "sanction", "prohibition", "facet", "definition") for r in p.reasons) else 0.0
            for why in p.reasons:  # a sanction is quoted where it names the prohibition it punishes
                if why.of_pasal and _names(s, why.of_pasal, _ayat_of(best_of.get(why.of_pasal))):
                    bonus += 0.3
                if why.facet and why.facet.phrase.lower() in " ".join(s.split()).lower():
                    bonus += 0.3  # the sentence that made the facet admit it
            if named_ayat.get((p.doc, p.pasal)) and s.startswith(f"({named_ayat[(p.doc, p.pasal)]})"):
                bonus += 0.6
            if age_range is not None:  # the sentence whose age condition fits the child: "belum berusia 14 tahun hanya ... tindakan"
                cond = age_condition(s)
                bonus += 0.5 if cond is not None and cond.covers(*age_range) else 0.0
            scored.append((overlap + prior + bonus, p.rank, s, p))
            if p.pasal and (p.pasal not in best_of or scored[-1][0] > best_of[p.pasal][0]):
                best_of[p.pasal] = (scored[-1][0], s)
    scored.sort(key=lambda x: (-x[0], x[1]))
    quotes: list[Quote] = []
    used_ranks: set[int] = set()
    for score, rank, s, p in scored:
        if rank in used_ranks:
            continue  # one sentence per passage keeps the answer varied; the passage itself follows
        quotes.append(Quote(rank, p.citation, s))
        used_ranks.add(rank)
        if len(quotes) >= max_quotes:
            break
    # a quoted prohibition brings its sanction ("Pasal 76C jo. Pasal 80"), beyond the limit: one
    # without the other is half an answer
    quoted = {p.rank: p for p in res.passages if p.rank in used_ranks}
    for score, rank, s, p in scored:
        if rank in used_ranks:
            continue
        if any(w.kind == "sanction" and any(q.pasal == w.of_pasal and q.rank < rank for q in quoted.values()) for w in p.reasons):
            quotes.append(Quote(rank, p.citation, s))
            used_ranks.add(rank)
    quotes.sort(key=lambda q: q.marker)
    # one warning per distinct fact, listing the passages it concerns: "⚠ [1], [3] KUHP ... tidak berlaku lagi"
    grouped: dict[str, list[int]] = {}
    for p in res.passages:
        for n in p.validity:
            generic = re.sub(r"^\S+ Pasal \S+( ayat \(\w+\))? tidak berlaku lagi", f"{p.doc} tidak berlaku lagi", n) if p.doc == "KUHP" else n
            grouped.setdefault(generic, []).append(p.rank)
    notes = [f"⚠ {', '.join(f'[{r}]' for r in sorted(set(ranks)))} {n}" for n, ranks in grouped.items()]
    notes += [f"ℹ [{p.rank}] {p.age_note[0].upper()}{p.age_note[1:]}." for p in res.passages if p.age_note]
    if res.outside and not res.weak:
        # "ga punya bpjs, ada kewajiban pemerintah nanggung biaya berobat?": the corpus answers the duty,
        # not the scheme the question names
        notes.append(f"ℹ Sebagian pertanyaan ini diatur di luar korpus Lentera: {_governed(res.outside)}. "
                     "Kutipan di atas menjawab sejauh korpus mengaturnya.")
    return Answer(question, quotes, res, notes)
