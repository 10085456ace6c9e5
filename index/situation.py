"""What a lay question says about the child: how old, offender or victim, asking about sanctions.

Statutes speak of "Anak yang Berkonflik dengan Hukum", "Anak Korban" and age limits ("belum berumur
12 (dua belas) tahun"); people write "anak 13 thn membully temannya, sanksinya apa?". This module reads
the second in terms of the first, so retrieval can (a) search with the statute's own wording for the
child's position, (b) search a second facet of the question on its own, and (c) tell the reader whether
each provision's age condition covers the child. Age conditions are not used to rank: a provision that
excludes the child is often the answer ("penahanan ... Anak telah berumur 14 tahun" for a child of 13).
Nothing here names an article: which provisions match is read from the corpus text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# ------------------------------------------------------------------ the question

_CHILD = r"(?:anak|anakku|putra|putri|putriku|putraku|keponakan|adik|adikku|siswa|siswi|murid|pelajar|remaja|bocah|abg)"
RE_AGE = re.compile(
    rf"\b(?:{_CHILD}\w*\s+(?:\w+\s+){{0,3}}?(?:umur|usia|berumur|berusia)?\s*|(?:umur|usia|berumur|berusia|umurnya|usianya)\s*(?:baru\s+|masih\s+)?)(\d{{1,2}})\s*(?:tahun|thn|th|tahunan)\b",
    re.I,
)
RE_SCHOOL = re.compile(r"\b(sd|smp|sma|smk|mts|madrasah|tk|paud)\b", re.I)

# The child acts (offender): an active verb after the child, or being processed as a suspect.
ACCUSED_PASSIVES = {
    "ditangkap", "ditahan", "diamankan", "dituntut", "diadili", "disidang", "dihukum", "dipenjara",
    "ketangkep", "ketangkap", "tertangkap", "diproses", "dilaporkan", "dilaporin", "ketahuan", "dipidana",
}
OFFENCE_WORDS = {
    "tawuran", "nyuri", "mencuri", "curi", "membunuh", "bunuh", "membully", "ngebully", "bully", "memukul",
    "mukul", "ngebut", "nabrak", "menabrak", "merampok", "perampokan", "pencurian", "maling", "balapan",
    "geng", "memperkosa", "mencabuli", "menganiaya", "menusuk", "membakar", "kebakar", "ngerusak", "merusak",
    "memalak", "malak", "mengeroyok", "ngeroyok", "narkoba", "sabu", "kurir",
}
# The child suffers (victim).
VICTIM_WORDS = {
    "korban", "dipukul", "dipukulin", "dibully", "dianiaya", "dicabuli", "diperkosa", "dijual", "ditipu",
    "diancam", "dikeroyok", "diejek", "ditelantarkan", "ditinggal", "dijadiin", "dijadikan", "dipekerjakan",
    "disiksa", "ditampar", "ditendang", "dijambak", "dilecehkan", "dinikahkan", "diculik", "dipalak",
    "dihina", "dipermalukan", "disakiti", "trauma", "nelantarin", "dieksploitasi", "dibujuk", "dirayu",
}
VIOLENCE_WORDS = {
    "dipukul", "dipukulin", "dibully", "dianiaya", "dikeroyok", "disiksa", "ditampar", "ditendang", "dijambak",
    "disakiti", "bully", "dibully", "kekerasan", "memar", "luka",
}
VIOLENCE_ACTS = {
    "membully", "ngebully", "bully", "memukul", "mukul", "menganiaya", "mengeroyok", "ngeroyok", "menendang",
    "menampar", "menusuk", "luka", "memar", "melukai",
}
PEERS = {"teman", "temannya", "temennya", "temen", "adik", "kelas", "kelasnya", "siswa", "murid", "sekelas", "sebaya", "anak"}
RE_SANCTION = re.compile(
    r"\b(sanksi\w*|hukum(?:an|annya)?|dihukum|dipidana|pidana\w*|dipenjara|penjara|dijerat|kena\s+apa|ancaman\w*|diapain)\b",
    re.I,
)
_WORD = re.compile(r"[a-z]+")


@dataclass
class Situation:
    age: int | None = None
    age_phrase: str = ""  # as the question put it: "13 tahun", "di bawah 12 tahun"
    child_offender: bool = False
    child_victim: bool = False
    asks_sanction: bool = False
    asks_report: bool = False  # "bisa dilaporkan?", "bisa dilaporin ke polisi?"
    peer_victim: bool = False  # the child hurt another child ("membully temannya")
    violence: bool = False  # the harm is physical or psychological violence (not sexual, economic, ...)

    def legal_terms(self) -> str:
        """The statute's words for this situation, added to the search (never shown as an answer).
        Only for questions about consequences: for procedure ("berapa lama boleh ditahan?") or
        rights the question's own words already find the provisions, and extra words only dilute."""
        parts: list[str] = []
        if self.child_offender and self.asks_sanction:
            parts.append("Anak dijatuhi pidana atau dikenai tindakan")
        if self.child_victim and (self.asks_sanction or self.asks_report):
            # what was done to the child is a prohibition addressed to "Setiap Orang" (its sanction
            # follows through the reference graph); violence has its own term of art
            parts.append("Setiap Orang dilarang melakukan Kekerasan terhadap Anak" if self.violence else "Setiap Orang dilarang terhadap Anak")
        return " ".join(parts)

    def facets(self) -> list[Facet]:
        """Second questions inside the question, searched on their own: a child who hurt another child
        raises both the juvenile sanction regime and the offence against a child (its prohibition,
        whose sanction article follows it)."""
        if self.child_offender and self.violence and self.peer_victim and (self.asks_sanction or self.asks_report):
            return [Facet("Setiap Orang dilarang melakukan Kekerasan terhadap Anak", "Kekerasan terhadap Anak", "dilarang")]
        return []


@dataclass(frozen=True)
class Facet:
    """A second search: its query, the term of art a matching article must use verbatim, and a word it
    must contain (e.g. "dilarang" for a prohibition)."""

    query: str
    phrase: str
    must: str = ""

    def admits(self, article_text: str) -> bool:
        t = " ".join(article_text.split()).lower()
        return self.phrase.lower() in t and self.must.lower() in t


def read_situation(question: str) -> Situation:
    q = question.lower()
    s = Situation()
    words = set(_WORD.findall(q))
    has_child = bool(re.search(rf"\b{_CHILD}", q)) or bool(RE_SCHOOL.search(q))
    m = RE_AGE.search(q)
    if m:
        age = int(m.group(1))
        s.age_phrase = f"{age} tahun"
        if re.search(r"\b(belum|di\s*bawah|kurang\s+dari)\s+(?:ber)?(?:umur|usia)?\s*$", q[: m.start(1)]):
            s.age_phrase = f"di bawah {age} tahun"
            age -= 1  # "anak yang belum 12 tahun": some age below 12
        if age < 18 or re.match(rf"\s*{_CHILD}", m.group(0)):  # "umur 30 tahun" alone is an adult
            s.age = age
            has_child = True
    s.asks_sanction = bool(RE_SANCTION.search(q))
    s.asks_report = bool(re.search(r"\b(lapor\w*|dilapor\w*|melapor\w*|ngadu|mengadu|diadukan|dijerat|dituntut)\b", q))
    if not has_child:
        return s
    victim = bool(words & VICTIM_WORDS)
    accused = bool(words & ACCUSED_PASSIVES)
    offence = bool(words & OFFENCE_WORDS)
    # "anak saya dipukul ..., pelakunya bisa dijerat apa?": the child is the victim, "pelaku" is the other
    if victim:
        s.child_victim = True
        s.violence = bool(words & VIOLENCE_WORDS)
    elif accused or offence or re.search(r"\b(pelaku(?:nya)?\s+(?:masih\s+)?anak|anak\s+pelaku)\b", q):
        s.child_offender = True
        s.violence = bool(words & VIOLENCE_ACTS)
        s.peer_victim = s.violence and bool(words & PEERS)
    return s


# ------------------------------------------------------------------ the provisions

_NUM_WORD = r"(\d{1,2})\s*(?:\([a-z ]+\)\s*)?tahun"
RE_BELOW = re.compile(rf"\b(?:belum|tidak|kurang\s+dari|di\s+bawah(?:\s+umur)?)\s+(?:ber)?(?:umur|usia|mencapai(?:\s+umur|\s+usia)?)?\s*{_NUM_WORD}", re.I)
RE_BELOW2 = re.compile(rf"\b(?:belum|kurang\s+dari|di\s+bawah)\s+(?:ber)?(?:umur|usia)\s+{_NUM_WORD}", re.I)
RE_FROM = re.compile(
    rf"\b(?:telah|sudah|yang)?\s*(?:ber)?(?:umur|usia)\s+{_NUM_WORD}\s*(?:\(|,)?\s*(?:atau\s+lebih|ke\s+atas|tetapi|dan\s+belum)",
    re.I,
)
RE_MIN = re.compile(rf"\b(?:ber)?(?:umur|usia)\s+(?:paling\s+rendah|sekurang-kurangnya|minimal)\s+{_NUM_WORD}", re.I)


@dataclass(frozen=True)
class AgeCondition:
    """A provision applies to children with lo <= age < hi."""

    lo: int = 0
    hi: int = 200

    def admits(self, age: int) -> bool:
        return self.lo <= age < self.hi

    def describe(self) -> str:
        if self.lo == 0:
            return f"anak yang belum berumur {self.hi} tahun"
        if self.hi >= 200:
            return f"anak berumur {self.lo} tahun atau lebih"
        return f"anak berumur {self.lo} tahun sampai sebelum {self.hi} tahun"


def age_note(cond: AgeCondition | None, sit: Situation) -> str:
    """Tells the reader whether a provision's age condition covers the child in the question."""
    if cond is None or sit.age is None:
        return ""
    if cond.admits(sit.age):
        return f"ketentuan ini mengenai {cond.describe()}: mencakup umur {sit.age_phrase} dalam pertanyaan"
    return f"ketentuan ini mengenai {cond.describe()}: TIDAK mencakup umur {sit.age_phrase} dalam pertanyaan"


def age_condition(text: str) -> AgeCondition | None:
    """The age range a provision is about, from its own wording; None when it states no age."""
    lo, hi = 0, 200
    found = False
    for m in RE_BELOW.finditer(text):
        # "pidana penjara ... paling lama 10 (sepuluh) tahun" is a term of years, not an age: the age
        # phrases always carry umur/usia or "belum"
        if not re.search(r"umur|usia|belum", m.group(0), re.I):
            continue
        n = int(m.group(1))
        if 6 <= n <= 21:
            hi = min(hi, n)
            found = True
    for rx in (RE_FROM, RE_MIN):
        for m in rx.finditer(text):
            n = int(m.group(1))
            if 6 <= n <= 21 and not re.search(r"belum\s*$", text[max(0, m.start() - 10) : m.start()] + m.group(0)[:8], re.I) and "belum" not in m.group(0)[:12].lower():
                lo = max(lo, n)
                found = True
    if not found or lo >= hi:
        return None
    return AgeCondition(lo, hi)
