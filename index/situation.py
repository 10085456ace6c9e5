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
from dataclasses import dataclass, field

from index.lexical import LAY_TO_LEGAL, legal_paraphrase

# ------------------------------------------------------------------ the question

_CHILD = r"(?:anak|anakku|putra|putri|putriku|putraku|keponakan|ponakan|adik|adikku|adek|adekku|dedek|siswa|siswi|murid|pelajar|remaja|bocah|bocil|balita|bayi|abg|santri)"
_AGE_WORD = r"(?:umur|usia|berumur|berusia|umurnya|usianya)"
_ME = r"(?:aku|saya|gue|gw|aq)"  # "aku cewek 16 thn, ...": the one asking is the child
# "anak 13 tahun", "anak saya 16 thn", "umur 10 tahun", "anak yang belum 12 tahun"; at most two words
# between the child and the number unless an age word is there
RE_AGE = re.compile(
    rf"\b(?:{_CHILD}\w*(?:\s+\w+){{0,2}}?\s+(?:{_AGE_WORD}\s*)?|{_AGE_WORD}\s*(?:baru\s+|masih\s+)?|masih\s+|{_ME}\s+(?:\w+\s+)?)(\d{{1,2}})\s*(?:tahun|thn|th)\b",
    re.I,
)
# chat forms with no unit: "anak sy (13)", "aku (15)", "adikku yang umurnya 10", "aku 15, ..." (the number
# must end the clause, so "aku 2 kali lapor" is not an age)
_RE_AGE_LOOSE = [
    re.compile(rf"\b(?:{_CHILD}\w*|{_ME})(?:\s+\w+){{0,2}}?\s*\(\s*(\d{{1,2}})\s*(?:tahun|thn|th)?\.?\s*\)", re.I),
    re.compile(rf"\b{_AGE_WORD}\s*(?:baru\s+|masih\s+)?(\d{{1,2}})\b(?!\s*(?:tahun|thn|th|bulan|bln|hari|minggu|mgg)\b)", re.I),
    re.compile(rf"\b{_ME}(?:\s+\w+)?\s+(\d{{1,2}})\s*(?=[,.;)]|$)", re.I),
    # a search that starts with the age: "16 thn kecanduan sinte, mau rehab takut ditangkep"
    re.compile(r"^\s*(\d{1,2})\s*(?:tahun|thn|th)\b", re.I),
]


def age_matches(q: str) -> list[re.Match]:
    """Every age a question states, in order, overlapping forms counted once."""
    found = sorted([m for rx in [RE_AGE, *_RE_AGE_LOOSE] for m in rx.finditer(q)], key=lambda m: (m.start(1), -len(m.group(0))))
    out: list[re.Match] = []
    for m in found:
        if not out or m.start(1) != out[-1].start(1):
            out.append(m)
    return out


# a number of years that is a duration or a sentence, not an age: "ditahan 1 tahun", "divonis 2 tahun penjara"
_NOT_AGE_BEFORE = re.compile(r"\b(sudah|udah|ditahan|divonis|dihukum|dipenjara|selama|sejak|dalam|lama|hampir|penjara|pidana)\s*$")
_NOT_AGE_AFTER = re.compile(r"^\s*(penjara|kurungan|lalu|yang\s+lalu|lagi|lamanya)\b")
RE_SCHOOL = re.compile(r"\b(sd|smp|sma|smk|mts|madrasah|tk|paud)\b", re.I)

# Being processed as a suspect (counts when the child is the subject).
ACCUSED_PASSIVES = {
    "ditangkap", "ditahan", "diamankan", "dituntut", "diadili", "disidang", "dihukum", "dipenjara",
    "ketangkep", "ketangkap", "tertangkap", "diproses", "ketahuan", "dipidana",
    "tersangka", "terdakwa", "dituduh", "disangka", "tertuduh", "dijatuhi", "diperiksa", "divonis",
}
# Doing something punishable (counts when the child is the subject).
OFFENCE_WORDS = {
    "tawuran", "nyuri", "mencuri", "curi", "membunuh", "bunuh", "membully", "ngebully", "memukul",
    "mukul", "ngebut", "nabrak", "menabrak", "merampok", "perampokan", "pencurian", "maling", "balapan",
    "geng", "memperkosa", "mencabuli", "menganiaya", "menusuk", "membakar", "kebakar", "ngerusak", "merusak",
    "memalak", "malak", "mengeroyok", "ngeroyok", "nyolong", "mencopet", "nyopet", "copet", "begal",
    "membegal", "ngebegal", "jambret", "menjambret", "ngejambret", "nonjok", "ngehajar", "menghajar",
    "ngegebukin", "merundung", "ngerundung", "vandalisme", "corat", "menipu", "nipu", "mengancam", "ngancam",
    "nyebar", "menyebarkan", "nyebarin", "menghina", "pakai", "memakai", "mengedarkan", "ngedarin",
    "nyabet", "menyabet", "membacok", "bacok", "ngebacok", "nusuk", "klitih", "nyabetin",
    # damage, burglary, robbery, extortion, fraud, gambling and computer offences, as people write them
    "memecahkan", "mecahin", "mecahkan", "pecahin", "membobol", "mbobol", "ngebobol", "merampas",
    "ngerampas", "menodong", "nodong", "ngompas", "memeras", "meras", "ngutil", "mengutil", "ngerampok",
    "menggelapkan", "ngegelapin", "memalsukan", "malsuin", "memfitnah", "ngefitnah", "berjudi",
    "judi", "judol", "meretas", "ngehack", "membakar", "ngebakar", "melempar", "ngelempar",
    "ngelemparin", "mengintip", "ngintip", "ngintipin",
}
# Held under water, tied up, whipped, left in the sun: punishments people describe without "kekerasan"
# (both something suffered and violence).
_PUNISHED = {
    "dicelupin", "dicelupkan", "dibenamkan", "ditenggelamkan", "diikat", "diiket", "diikatin", "dicambuk",
    "dicambukin", "dipecut", "dipecutin", "dirotan", "dijemur",
}
# Suffering something (counts when the child is the subject: "anak saya dipukul").
VICTIM_WORDS = {
    "korban", "dipukul", "dipukulin", "dibully", "dianiaya", "dicabuli", "diperkosa", "dijual", "ditipu",
    "diancam", "dikeroyok", "diejek", "ditelantarkan", "ditinggal", "dijadiin", "dijadikan", "dipekerjakan",
    "disiksa", "ditampar", "ditendang", "dijambak", "dilecehkan", "dinikahkan", "diculik", "dipalak",
    "dihina", "dipermalukan", "disakiti", "nelantarin", "dieksploitasi", "dibujuk", "dirayu",
    "digebukin", "digebuki", "dihajar", "ditonjok", "disabet", "dicubit", "dijewer", "disetrum", "disundut",
    "disulut", "dibanting", "dicekik", "dilempar", "dirundung", "digerepe", "diintip", "diraba", "dicolek",
    "disodomi", "disetubuhi", "ditiduri", "dihamili", "diperdagangkan", "dilacurkan", "dipekerjain",
    "dipegang", "dipegangi", "dicium", "diciumi", "dianiaya", "dibunuh", "dicekoki",
    "dipasung", "disetrika", "dikurung", "dirantai", "dibiarin",
} | _PUNISHED
VIOLENCE_WORDS = {
    "dipasung", "disetrika", "dikurung", "dirantai",
    "dipukul", "dipukulin", "dibully", "dianiaya", "dikeroyok", "disiksa", "ditampar", "ditendang", "dijambak",
    "disakiti", "bully", "kekerasan", "memar", "luka", "digebukin", "digebuki", "dihajar", "ditonjok",
    "disabet", "dicubit", "dijewer", "disetrum", "disundut", "disulut", "dibanting", "dicekik", "dilempar",
    "dirundung", "perundungan", "dipalak", "diancam", "diancem", "dikunci", "disekap",
    "cyberbullying", "cyberbully", "diejek", "ejekan", "dihina", "hinaan", "dipermalukan", "diolok",
    "dikunciin", "dikurungin", "diarak", "ditelanjangi", "dipukuli", "disiram",
    "digantung",
} | _PUNISHED
# Active verbs of harm: "guru nampar murid", "anak 13 tahun membully temannya".
VIOLENCE_ACTS = {
    "membully", "ngebully", "memukul", "mukul", "menganiaya", "mengeroyok", "ngeroyok", "menendang",
    "menampar", "menusuk", "melukai", "nampar", "nendang", "mukulin", "nyiksa", "menyiksa",
    "njambak", "menjambak", "nonjok", "ngehajar", "menghajar", "ngegebukin", "gebukin", "ngegebuk", "merundung", "ngerundung",
    # confining a child is Kekerasan too ("perampasan kemerdekaan", UU 35/2014 Pasal 1 angka 15a)
    "ngurung", "mengurung", "nyekap", "menyekap", "ngunci", "ngunciin", "mengunci", "nyiram", "menyiram",
    "nyekek", "nyekik", "nyabet", "nabok", "nampol", "gampar", "ngegampar", "menggampar",
    # keyword queries use the root: "ayah pukul anak sampai patah tulang"
    "pukul", "tampar", "tendang", "aniaya", "siksa", "hajar", "jewer", "menjewer", "sabet", "menyabet", "cubit",
    "mencubit", "cekik", "mencekik", "sundut", "menyundut", "banting", "membanting", "setrum", "menyetrum",
    "ikat", "mengikat", "ngiket", "ngikat", "iket", "nyelupin", "mencelupkan", "membenamkan", "menenggelamkan",
    "cambuk", "mencambuk", "nyambuk", "pecut", "mecut", "mecutin", "merotan", "ngerotan", "menjemur", "jemur",
}
HARM_ACTS = VIOLENCE_ACTS | {
    "ngebiarin", "membiarkan", "menelantarkan", "nelantarin", "mencabuli", "cabuli", "cabulin", "memperkosa", "menjual",
    "melecehkan", "ngelecehin", "menculik", "nyulik", "mengeksploitasi", "mempekerjakan", "menyuruh", "nyuruh",
}
# Leading a child into something (the prohibitions' "menyuruh melibatkan", "membujuk").
INDUCE_ACTS = {
    "ngajarin", "mengajari", "ngajak", "mengajak", "nyuruh", "menyuruh", "maksa", "memaksa", "ngebujuk",
    "membujuk", "ngerayu", "merayu", "ngasih", "memberi", "ngenalin", "mengenalkan", "ngelibatin", "melibatkan",
}
PEERS = {"teman", "temannya", "temennya", "temen", "kawan", "kawannya", "adik", "adiknya", "kakak", "kakaknya", "kelas", "kelasnya", "siswa", "murid", "sekelas", "sebaya"}
RE_SANCTION = re.compile(
    r"\b(sanksi\w*|hukuman\w*|dihukum|dipidana|pidananya|kena\s+pidana|ancaman\s+(?:pidana|hukuman)\w*|ancamannya|dipenjara|penjara"
    r"|dijerat|kena\s+(?:pasal\s+|hukuman\s+)?apa|pasal\s+(?:apa|berapa|mana)|diapain|kena\s+(?:juga\s+)?(?:ga|gak|gk|nggak|enggak|tidak)|bisa\s+kena|(?:yang\s+)?dilanggar|melanggar\s+(?:hukum|aturan|uu|undang)"
    r"|(?:itu|ada|termasuk|masuk|bisa)\s+(?:tindak\s+)?pidana|pidana(?=\s*\?)"
    r"|(?:termasuk|masuk|tergolong|sebagai|dianggap)\s+(?:kategori\s+|tindak\s+)?(?:eksploitasi|kekerasan|penelantaran|pencabulan|pelecehan|perdagangan|bullying|perundungan|penculikan|kdrt))\b",
    re.I,
)
# the one asking is the one who may be punished: "sy bisa kena pidana ga?", "apakah saya bisa ikut dipidana?"
_ASKER = r"(?:aku|saya|sy|gue|gw|aq|kami)"
RE_OWN_LIABILITY = re.compile(
    rf"\b{_ASKER}\s+(?:juga\s+|jg\s+)?(?:bisa\s+|bs\s+|bakal\s+|akan\s+|ikut\s+|bisa\s+ikut\s+)?"
    r"(?:kena\s+(?:pidana|hukum|pasal|sanksi)|dipidana|dihukum|dipenjara|dipolisikan|dilaporkan|dilaporin|ikut\s+(?:kena|dipidana|terseret))\b"
)
# ... for keeping quiet or going along: "kalo sy diem aja", "kalau saya menuruti permintaan itu"
RE_OWN_OMISSION = re.compile(
    rf"\b(?:kalau|kalo|klo|jika|apabila|bila)\s+{_ASKER}\s+(?:cuma\s+|hanya\s+)?(?:diem|diam|ga\s+lapor|gak\s+lapor|nggak\s+lapor"
    r"|tidak\s+(?:melapor\w*|lapor)|menuruti|nurutin|ikut\s+nutupin|membiarkan\w*|ngebiarin\w*|tutup\s+mata)\b"
)
_WORD = re.compile(r"[a-z]+")
_EOS = "zzeos"  # a sentence end among the words
_SENTENCE_END = re.compile(r"[.?!]+(?=\s|$)")

# settling the case outside the trial, as people ask it
RE_DIVERSION = re.compile(
    r"\b(diversi|(?:ber)?damai|perdamaian|kekeluarga\w*|diselesai\w*\s+(?:secara\s+|dengan\s+cara\s+|di\s+)?(?:luar|baik)"
    r"|tanpa\s+(?:sidang|persidangan|pengadilan|disidang)|ga\s+usah\s+(?:sidang|disidang|ke\s+pengadilan))\b"
)


@dataclass
class Situation:
    age_range: tuple[int, int] | None = None  # the child's age as [lo, hi): (13, 14), or (0, 12) for "belum 12 tahun"
    age_phrase: str = ""  # as the question put it: "13 tahun", "di bawah 12 tahun"
    child_offender: bool = False
    child_victim: bool = False
    asks_sanction: bool = False
    asks_report: bool = False  # "bisa dilaporkan?", "bisa dilaporin ke polisi?"
    asks_diversion: bool = False  # "bisa damai?", "diselesaikan secara kekeluargaan?", "bisa diversi?"
    asks_rights: bool = False  # "apa aja haknya?", "berhak dikasih info ga?"
    asks_fine: bool = False  # "kalau anak didenda, siapa yang bayar?"
    asks_permission: bool = False  # "bolehkah guru memukul murid?": whether an act is prohibited
    mentions_child: bool = False  # a child, a pupil or an age is in the question: it is about this corpus's people
    asks_own_liability: bool = False  # "saya bisa kena pidana?": the asker's own conduct, not the offender's
    own_omission: bool = False  # ... for keeping quiet or going along ("kalo sy diem aja")
    peer_victim: bool = False  # the child hurt another child ("membully temannya")
    harms: list[str] = field(default_factory=list)  # the statute's terms for what was done to the child

    @property
    def under_12(self) -> bool:
        return self.age_range is not None and self.age_range[1] <= 12

    @property
    def age(self) -> int | None:
        """The age when the question gives one ("13 tahun"); None for none or a range ("belum 12 tahun")."""
        if self.age_range and self.age_range[1] - self.age_range[0] == 1:
            return self.age_range[0]
        return None

    def describe(self) -> str:
        """How the question was read, in Indonesian, so the reader can see a misreading at once."""
        parts: list[str] = []
        if self.age_range is not None:
            parts.append(f"anak berumur {self.age_phrase}")
        if self.child_offender:
            parts.append("anak sebagai pelaku" + (" terhadap anak lain" if self.peer_victim else ""))
        if self.child_victim:
            parts.append("anak sebagai korban" + (f" ({', '.join(h.removesuffix(' terhadap') for h in self.harms)})" if self.harms else ""))
        if parts and self.asks_sanction:
            parts.append("menanyakan sanksi")
        return " · ".join(parts)

    def to_json(self) -> dict | None:
        """How the question was read (for --json and debugging); None when it says nothing about a child."""
        if self.age_range is None and not (self.child_offender or self.child_victim):
            return None
        return {
            "age": self.age,
            "age_phrase": self.age_phrase or None,
            "child_offender": self.child_offender,
            "child_victim": self.child_victim,
            "asks_sanction": self.asks_sanction,
            "harms": self.harms,
            "facets": [f.query for f in self.facets()],
        }

    def legal_terms(self) -> str:
        """The statute's words for this situation, added to the search (never shown as an answer).
        Only for questions about consequences: for procedure ("berapa lama boleh ditahan?") or
        rights the question's own words already find the provisions, and extra words only dilute."""
        parts: list[str] = []
        if self.child_offender and self.asks_sanction and not self.under_12:
            parts.append("Anak dijatuhi pidana atau dikenai tindakan")
        if self.child_offender and self.asks_fine:
            # a child is not fined: where the offence carries prison and a fine, the fine becomes job training
            parts.append("pidana denda diganti dengan pelatihan kerja")
        if self.child_victim and self.harms and (self.asks_sanction or self.asks_report or self.asks_permission):
            # what was done to the child is a prohibition addressed to "Setiap Orang" (its sanction
            # follows through the reference graph), named by the statute's term for the harm
            parts.append(f"Setiap Orang dilarang {' '.join(self.harms)} Anak")
        return " ".join(parts)

    def facets(self) -> list[Facet]:
        """Second questions inside the question, searched on their own: a child who hurt another child
        raises both the juvenile sanction regime and the offence against a child (its prohibition,
        whose sanction article follows it); a victim's "pelakunya kena apa?" is answered first by the
        prohibition that names what was done."""
        if self.child_offender and self.under_12:
            # under 12 the criminal process does not apply at all (UU 11/2012, PP 65/2015 and UU 1/2023
            # all draw the line there): the provision for that age comes first, whatever was asked
            return [Facet("Anak belum berumur 12 tahun melakukan atau diduga melakukan tindak pidana", "belum berumur 12", "", at=0,
                          label="ketentuan bagi anak yang belum berumur 12 tahun")]
        out: list[Facet] = []
        if self.child_offender and self.asks_sanction and self.age_range is not None and self.age_range[1] <= 14:
            # below 14 a child "hanya dapat dikenai tindakan": the sanction question is answered by
            # the list of tindakan, which the age provision does not cite by number
            out.append(Facet("Tindakan yang dapat dikenakan kepada Anak meliputi", "Tindakan yang dapat dikenakan kepada Anak", "",
                             at=1, label="tindakan yang dapat dikenakan kepada anak"))
        elif self.child_offender and self.asks_sanction:
            # from 14 (or at an age not given) the answer to "hukumannya apa?" starts from the sentences a
            # child can get at all, which are not the adult ones the offence article names
            out.append(Facet("Pidana pokok bagi Anak terdiri atas pidana peringatan pidana dengan syarat pelatihan kerja pembinaan dalam lembaga penjara",
                             "Pidana pokok bagi Anak", "", label="jenis pidana bagi anak"))
        if self.child_offender and self.peer_victim and (self.asks_sanction or self.asks_report):
            out.append(Facet("Setiap Orang dilarang melakukan Kekerasan terhadap Anak", "Kekerasan terhadap Anak", "dilarang"))
        if self.child_offender and self.asks_diversion:
            # "bisa damai?" for a child's case is answered by when Diversi must be sought (threat under
            # seven years, not a repeat), not by the procedure of a diversion meeting
            out.append(Facet("Diversi dilaksanakan dalam hal tindak pidana yang dilakukan diancam dengan pidana penjara di bawah 7 (tujuh) tahun dan bukan merupakan pengulangan tindak pidana",
                             "di bawah 7 (tujuh) tahun", "Diversi", at=1, label="syarat diversi"))
        if self.child_offender and self.asks_rights:
            out.append(Facet("Setiap Anak dalam proses peradilan pidana berhak diperlakukan secara manusiawi", "Setiap Anak dalam proses peradilan pidana berhak", "",
                             label="hak anak dalam proses peradilan pidana"))
        if out:
            return out
        if self.child_victim and (self.asks_sanction or self.asks_report or self.asks_permission):
            # a teacher or an RT head asking whether they themselves can be punished for keeping quiet or
            # going along is answered first by their own conduct: the statute punishes whoever knows and
            # lets a child victim go without help; what was done to the child still follows
            at = 2 if self.own_omission else 0
            if self.own_omission:
                out.append(Facet("Setiap orang yang mengetahui dan sengaja membiarkan anak korban kekerasan padahal anak tersebut memerlukan pertolongan dan harus dibantu",
                                 "mengetahui dan sengaja membiarkan anak", "", at=0, label="membiarkan anak korban yang memerlukan pertolongan"))
            out += [Facet(f"Setiap Orang dilarang {h} Anak", h, "dilarang", at=at) for h in self.harms[:2]]
        if self.child_victim and self.asks_rights:
            # a victim's rights in the case itself (rehabilitation, safety, news of the case), beside the
            # general ones every act already grants
            out.append(Facet("Anak Korban dan Anak Saksi berhak atas upaya rehabilitasi medis dan rehabilitasi sosial jaminan keselamatan informasi mengenai perkembangan perkara",
                             "Anak Korban dan Anak Saksi berhak atas", "", label="hak anak korban"))
        return out


@dataclass(frozen=True)
class Facet:
    """A second search: its query, the term of art a matching article must use verbatim, and a word it
    must contain (e.g. "dilarang" for a prohibition)."""

    query: str
    phrase: str
    must: str = ""
    at: int = 2  # preferred rank (0-based); never above the articles the question names
    label: str = ""  # why the passage is shown; default "larangan atas perbuatannya: <phrase>"

    @property
    def reason(self) -> str:
        return self.label or f"larangan atas perbuatannya: {self.phrase}"

    def admits(self, article_text: str) -> bool:
        t = " ".join(article_text.split()).lower()
        return self.phrase.lower() in t and self.must.lower() in t


def _read_age(q: str) -> tuple[tuple[int, int], str] | None:
    ms = age_matches(q)
    # "Aku 14 tahun. Adikku yang umurnya 10 ketahuan mencuri": the one asking names their own age, then the
    # child the story is about
    if len(ms) >= 2 and re.match(rf"{_ME}\b", ms[0].group(0)) and not re.match(rf"{_ME}\b", ms[1].group(0)) and int(ms[1].group(1)) < 18:
        ms = ms[1:]
    for m in ms:
        n = int(m.group(1))
        if _NOT_AGE_BEFORE.search(q[: m.start(1)]) or _NOT_AGE_AFTER.match(q[m.end():]):
            continue
        if re.search(r"\b(belum|di\s*bawah|kurang\s+dari)\s+(?:ber)?(?:umur|usia)?\s*$", q[: m.start(1)]):
            return (0, n), f"di bawah {n} tahun"
        if n < 18 or re.match(rf"\s*{_CHILD}", m.group(0)):  # "umur 30 tahun" alone is an adult
            return (n, n + 1), f"{n} tahun"
    return None


_INTERROGATIVE = re.compile(r"\b(apa|apakah|apa2|gimana|bagaimana|gmn|gmana|berapa|brp|siapa|kapan|dimana|di\s+mana|kemana|mana|kenapa|mengapa|bisa|boleh|bolehkah|bisakah|haruskah|harus|wajib|perlu|gak|ga|nggak|tidak|hak|berhak|cara|syarat|prosedur|definisi|pengertian|arti|beda|perbedaan)\b")


def _age_as_person(m: re.Match) -> str:
    """"ART ... 15 thn" stands for a child; "abang sy (18 thn)" for an adult."""
    if re.search(rf"\b{_CHILD}", m.group(0)):
        return m.group(0)
    me = re.match(rf"{_ME}\b", m.group(0))
    if me:
        return me.group(0) + " "
    return " anak " if int(m.group(1)) < 18 else " dewasa "


def _keyword_query(q: str) -> bool:
    """A few words that name an act and ask nothing ("ayah pukul anak sampai patah tulang"): a search
    for the law on that act, which for an offence is its prohibition and sanction."""
    # "edukasi kespro anak korban kekerasan seksual": "korban ..." names which children, the words before it
    # what is asked about (a service, data), not the offence
    return "?" not in q and len(q.split()) <= 9 and not _INTERROGATIVE.search(q) and not re.search(r"\bkorban\b", q)


def read_situation(question: str) -> Situation:
    q = question.lower()
    s = Situation()
    words = set(_WORD.findall(q))
    has_child = bool(re.search(rf"\b{_CHILD}", q)) or bool(RE_SCHOOL.search(q))
    age = _read_age(q)
    if age:
        s.age_range, s.age_phrase = age
        has_child = True
    s.asks_sanction = bool(RE_SANCTION.search(q)) or _keyword_query(q)
    s.asks_report = bool(re.search(r"\b(lapor\w*|dilapor\w*|melapor\w*|ngadu|mengadu|diadukan|dijerat|dituntut|dipolisi\w*)\b", q))
    s.asks_diversion = bool(RE_DIVERSION.search(q))
    s.asks_rights = bool(re.search(r"\b(hak|haknya|hak2nya|berhak)\b", q))
    s.asks_fine = bool(re.search(r"\b(denda|didenda|dendanya)\b", q))
    # "bapak blg itu kewajiban anak bantu ortu. bener ga sih?": whether what was done is lawful
    s.asks_permission = bool(re.search(
        r"\b(boleh|bolehkah|dibolehkan|diperbolehkan|diizinkan|dibenarkan|wajar|benarkah|bener(?:an)?\s+(?:ga|gak|gk|nggak|enggak|tidak|tdk)"
        r"|benar\s+(?:ga|gak|nggak|tidak|tdk)|apa\s+(?:bener|benar)|emang\s+(?:boleh|bener|benar))\b", q))
    s.asks_own_liability = bool(RE_OWN_LIABILITY.search(q))
    s.own_omission = s.asks_own_liability and bool(RE_OWN_OMISSION.search(q))
    s.mentions_child = has_child
    if not has_child:
        return s
    # "ART di rumah tetangga ternyata masih 15 thn, sering disiksa": an age with no child word marks
    # the person it describes as the child
    # a sentence end stops the search for a verb's subject: "... ngeluarin anak krn HIV? bisa dipidana
    # ga yg ngeluarin?" is not about the child being punished
    ages = age_matches(q)
    told, last = [], 0
    for m in ages:
        if m.start() >= last:
            told += [q[last:m.start()], _age_as_person(m)]
            last = m.end()
    tokens = _WORD.findall(_SENTENCE_END.sub(f" {_EOS} ", "".join(told) + q[last:]))
    if any(re.match(rf"{_ME}\b", m.group(0)) and int(m.group(1)) < 18 for m in ages):
        tokens = ["anak" if re.fullmatch(_ME, t) else t for t in tokens]
    # the first evidence decides: "anak saya mencuri karena dibujuk temannya" is about the child's theft,
    # "anak saya dipukul temannya yang mencuri" about the blow
    to_animals, held = _harms_to_animals(tokens), _things_held(tokens)
    first_victim = next((j for j, t in enumerate(tokens) if t in VICTIM_WORDS and j not in held and _subject_before(tokens, j) == "child"), None)
    acted_on = _adult_acts_on_child(tokens)
    if acted_on is not None and (first_victim is None or acted_on < first_victim):
        first_victim = acted_on
    first_offence = next(
        (j for j, t in enumerate(tokens) if (t in OFFENCE_WORDS or t in ACCUSED_PASSIVES) and _subject_before(tokens, j) == "child"),
        None,
    )
    if first_offence is None and re.search(
        r"\b(pelaku(?:nya)?\s+(?:masih\s+)?anak|anak\s+pelaku|(?:terdakwa|tersangka|terpidana|narapidana|napi)\s+anak"
        r"|anak\s+(?:yang\s+|yg\s+)?berkonflik)\b",
        q,
    ):
        first_offence = len(tokens)
    if first_offence is None:
        # "anak SMP nyiksa kucing sampe mati": the child did it, to an animal
        first_offence = next((j for j in to_animals if _subject_before(tokens, j) == "child"), None)
    # "pidana pelatihan kerja", "balai latihan kerja": a sentence a child serves, not work a child is made to do
    trained = {"kerja"} if re.search(r"\b(?:pelatihan|latihan)\s+kerja\b", q) and not re.search(r"\bkerja\b(?<!latihan kerja)", q) else set()
    harms = _harms_named(q, words - {tokens[j] for j in to_animals + held} - trained)
    if first_victim is not None and (first_offence is None or first_victim < first_offence):
        s.child_victim = True
        s.harms = harms
    elif first_offence is not None:
        s.child_offender = True
        s.peer_victim = _hurt_a_peer(tokens)
    elif harms and (s.asks_sanction or s.asks_report or s.asks_permission) and "korbannya" not in words:  # "korbannya": someone else was harmed
        # "anak gadis sy (14) di angkot ada om2 yg grepe2, bisa dilaporin?": a harm the statutes name,
        # a child, a question about reporting or punishment, and nothing the child did: the child
        # is the one harmed, even when the sentence does not say so in a form the rules above read
        s.child_victim = True
        s.harms = harms
    return s


ANIMALS = {"kucing", "anjing", "hewan", "binatang", "ayam", "kambing", "sapi", "kerbau", "burung", "monyet", "kuda", "ternak", "kelinci", "bebek"}
_HELD = {"dipegang", "dipegangi"}
# what a parent or an employer "holds" without touching anyone: "honornya dipegang ayahnya"
_THINGS = {"honor", "uang", "duit", "gaji", "upah", "bayaran", "tabungan", "hp", "ponsel", "handphone", "kartu", "atm",
           "rekening", "buku", "rapor", "ijazah", "dompet", "tas", "warisan", "harta", "sertifikat", "akta", "kunci", "motor"}


def _harms_to_animals(tokens: list[str]) -> list[int]:
    """Positions of harm verbs whose object is an animal ("nyiksa kucing")."""
    return [j for j, t in enumerate(tokens)
            if t in HARM_ACTS and any(x in ANIMALS or x.removesuffix("nya") in ANIMALS for x in tokens[j + 1 : j + 3])]


def _things_held(tokens: list[str]) -> list[int]:
    """Positions of a "dipegang" whose subject is a thing ("honornya dipegang ayahnya"): money held, not a
    child touched. Anything else held ("kemaluannya dipegang") stays a harm."""
    return [j for j, t in enumerate(tokens)
            if t in _HELD and j > 0 and (tokens[j - 1] in _THINGS or tokens[j - 1].removesuffix("nya") in _THINGS)]


def _harms_named(q: str, words: set[str]) -> list[str]:
    """The statute's terms for what the question says was done, in HARMS order: from the lay words
    listed with each term, and from the lay-to-statute vocabulary (index/lexical.py), which knows many
    more ("grepe" -> "perbuatan cabul", "begituan" -> "persetubuhan")."""
    legal = " ".join(LAY_TO_LEGAL[w] for w in words if w in LAY_TO_LEGAL).lower() + " " + legal_paraphrase(q).lower()
    legal_words = set(_WORD.findall(legal))
    return [term for term, lay in HARMS if words & lay or legal_words & _HARM_TERMS.get(term, set())]


# What can be done to a child, as the prohibitions of UU 35/2014 (Pasal 76A-76J) name it, with the lay
# words for it. The term must occur verbatim in the prohibition a facet brings (Facet.admits).
HARMS: list[tuple[str, set[str]]] = [
    ("Kekerasan terhadap", VIOLENCE_WORDS | VIOLENCE_ACTS),
    ("perbuatan cabul", {"dicabuli", "cabuli", "cabulin", "cabul", "dilecehkan", "pelecehan", "diraba", "meraba", "dicolek", "colek", "digrepe", "disodomi", "sodomi", "mencabuli", "melecehkan", "dipegang", "dipegangi", "nyabulin", "dicium", "diciumi",
                         "nyium", "nyiumin", "mencium", "menciumi", "mangku", "memangku", "dipangku"}),
    ("persetubuhan", {"diperkosa", "perkosa", "memperkosa", "berhubungan", "disetubuhi", "ditiduri", "dihamili", "hamil", "menghamili", "kehamilan", "kehamilannya", "hamilin"}),
    ("penelantaran", {"telantar", "terlantar", "ditelantarkan", "nelantarin", "menelantarkan", "ditinggal", "ditinggalin", "ngebiarin", "dibiarkan", "dibiarin", "diurus", "penelantaran"}),
    ("eksploitasi", {"ngemis", "mengemis", "jualan", "dipekerjakan", "dipekerjain", "ngamen", "mengamen", "psk", "pelacur", "prostitusi", "dilacurkan", "dieksploitasi", "mengeksploitasi", "mempekerjakan"}),
    ("narkotika", {"sabu", "narkoba", "ganja", "kurir", "narkotika", "pil", "nyabu", "ngobat", "ngeganja", "ekstasi"}),
    ("alkohol dan zat adiktif", {"rokok", "ngerokok", "merokok", "miras", "alkohol", "mabuk", "ngelem", "lem", "vape", "tuak", "ciu"}),
    ("penjualan", {"dijual", "trafficking", "diperdagangkan", "perdagangan", "menjual"}),
    ("penculikan", {"diculik", "menculik", "penculikan", "nyulik", "tebusan"}),
]

# The statute words that, found in the legal wording of a lay word, name each harm.
_HARM_TERMS: dict[str, set[str]] = {
    "perbuatan cabul": {"cabul"},
    "persetubuhan": {"persetubuhan", "bersetubuh"},
    "penelantaran": {"penelantaran", "telantar"},
    "eksploitasi": {"eksploitasi"},
    "narkotika": {"narkotika", "psikotropika"},
    "penculikan": {"penculikan"},
    "alkohol dan zat adiktif": {"alkohol", "memabukkan"},
}

# Adults who harm children in the questions people ask; authorities (polisi, hakim, jaksa) are not here:
# "polisi boleh nahan anak?" is about the child as a suspect.
ADULTS = {
    "guru", "gurunya", "ortu", "ortunya", "ayah", "ayahnya", "ibu", "ibunya", "bapak", "bapaknya", "tetangga",
    "tetangganya", "pengasuh", "pengasuhnya", "majikan", "majikannya", "pacar", "pacarnya", "om", "paman",
    "kakek", "bandar", "pelaku", "pelakunya", "oknum", "orang", "dewasa", "seseorang", "mereka",
    "ustadz", "ustad", "ustaz", "ustadzah", "kyai", "kiai", "pembina", "pelatih", "kepsek", "satpam", "sopir",
    "warga", "warganya", "massa", "pacarku", "cowokku", "mantan", "mantannya", "mantanku", "abang", "abangnya",
    "supir", "suami", "suaminya", "suamiku", "istri", "istrinya", "istriku", "bojo", "bojoku", "bojone", "pemilik", "bos",
    "mandor", "dukun", "pendeta", "pastor",
}
_CHILD_WORD = re.compile(rf"^{_CHILD}\w*$")


def _role(tok: str) -> str | None:
    if tok in ADULTS:
        return "adult"
    if _CHILD_WORD.match(tok):
        return "child"
    return None


def _subject_before(tokens: list[str], j: int) -> str | None:
    """The nearest person word before position j: who the verb there is about."""
    for i in range(j - 1, max(0, j - 6) - 1, -1):
        if tokens[i] == _EOS:
            return None
        r = _role(tokens[i])
        if r == "child" and _possessed_by_adult(tokens, i):
            return "adult"  # "guru les privat anak saya ketahuan ...": the child only says whose tutor
        before = tokens[i - 2 : i] if i > 1 and tokens[i - 1] in _COUNT_WORDS else tokens[max(0, i - 1) : i]
        if r == "child" and before and (before[-1] in _PLACES or before[0] in _NOT_SUBJECT_BEFORE):
            continue  # "guru ... di sekolah adek sy ketahuan", "orang tua dari tiga anak ditangkap": the child only says whose
        if r == "child" and i > 0 and tokens[i - 1] in ("terhadap", "kepada"):
            return "object"  # "pelaku pencabulan terhadap anak saya sudah ditahan": the child is the one acted on
        if r:
            return r
    return None


_MY = {"saya", "sy", "kami", "aku", "ku", "gue", "gw", "kita"}
# "orang tua dari tiga anak", "menyebutnya anak sial": the child word names whose, or is an epithet
_NOT_SUBJECT_BEFORE = {"dari", "menyebutnya", "menyebut", "disebut", "dipanggil", "dikatain", "dikatai", "dijuluki", "sebagai"}
_COUNT_WORDS = {"dua", "tiga", "empat", "lima", "kedua", "ketiga", "keempat", "beberapa", "para", "seorang", "semua"}
_PLACES = {"sekolah", "sekolahnya", "rumah", "rumahnya", "kelas", "kelasnya", "kamar", "kamarnya", "kampung", "tempat", "pondok", "asrama"}
_VERB_LIKE = re.compile(r"^(?:me|di|ber|ter|ng|ny)[a-z]{3,}")


def _possessed_by_adult(tokens: list[str], i: int) -> bool:
    """"guru (les privat) anak saya": an adult noun right before "anak saya", with no verb between,
    makes the child a possessor, not the person the phrase is about."""
    if i + 1 >= len(tokens) or tokens[i + 1] not in _MY:
        return False
    for k in range(i - 1, max(0, i - 3) - 1, -1):
        if _role(tokens[k]) == "adult":
            return True
        if _VERB_LIKE.match(tokens[k]) or _role(tokens[k]):
            return False
    return False


def _adult_acts_on_child(tokens: list[str]) -> int | None:
    """"guru nampar murid", "ortu yang ngebiarin anaknya": an adult, a verb of harm, then the child;
    "ngajarin bocah SD ngerokok": a verb of leading a child into something, whoever does it.
    Returns the position of the verb."""
    for j, t in enumerate(tokens):
        if t in INDUCE_ACTS and (_subject_before(tokens, j) != "child") and any(_role(x) == "child" for x in tokens[j + 1 : j + 3]):
            return j
    for i, t in enumerate(tokens):
        if _role(t) != "adult":
            continue
        for j in range(i + 1, min(len(tokens), i + 5)):
            if tokens[j] in HARM_ACTS and any(_role(x) == "child" for x in tokens[j + 1 : j + 4]):
                return j
            if tokens[j].endswith("nya") and tokens[j][:-3] in HARM_ACTS and any(_role(x) == "child" for x in tokens[:i]):
                return j  # "anak saya ... tetangga itu menjewer dan menamparnya": "-nya" is the child named before
            if _role(tokens[j]):
                break
    return None


def _hurt_a_peer(tokens: list[str]) -> bool:
    """The child hurt another child: after the verb of violence, the first person named is a peer or a
    child ("membully temannya", "memukul adik kelasnya"), not an adult ("memukul gurunya")."""
    for j, t in enumerate(tokens):
        if t not in VIOLENCE_ACTS:
            continue
        for x in tokens[j + 1 : j + 5]:
            if x in PEERS or x.removesuffix("nya") in PEERS:
                return True
            r = _role(x)
            if r == "adult":
                return False
            if r == "child":
                return True
    return False


# ------------------------------------------------------------------ the provisions

_NUM_WORD = r"(\d{1,2})\s*(?:\([a-z ]+\)\s*)?tahun"
RE_BELOW = re.compile(rf"\b(?:belum|tidak|kurang\s+dari|di\s+bawah(?:\s+umur)?)\s+(?:ber)?(?:umur|usia|mencapai(?:\s+umur|\s+usia)?)?\s*{_NUM_WORD}", re.I)
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

    def covers(self, lo: int, hi: int) -> bool:
        """Every age in [lo, hi) meets the condition."""
        return self.lo <= lo and hi <= self.hi

    def describe(self) -> str:
        if self.lo == 0:
            return f"anak yang belum berumur {self.hi} tahun"
        if self.hi >= 200:
            return f"anak berumur {self.lo} tahun atau lebih"
        return f"anak berumur {self.lo} tahun sampai sebelum {self.hi} tahun"


def age_note(cond: AgeCondition | None, sit: Situation) -> str:
    """Tells the reader whether a provision's age condition covers the child in the question: all of
    the ages the question allows ("13 tahun"; "di bawah 18 tahun" is 0-17), some of them, or none."""
    if cond is None or sit.age_range is None:
        return ""
    lo, hi = sit.age_range
    head = f"ketentuan ini mengenai {cond.describe()}:"
    if cond.covers(lo, hi):
        return f"{head} mencakup umur {sit.age_phrase} dalam pertanyaan"
    if max(lo, cond.lo) < min(hi, cond.hi):
        return f"{head} hanya sebagian dari umur {sit.age_phrase} dalam pertanyaan"
    return f"{head} TIDAK mencakup umur {sit.age_phrase} dalam pertanyaan"


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
