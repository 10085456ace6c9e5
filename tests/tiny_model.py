"""A tiny sentence-transformers model built locally (random weights), so the sentence-transformers
path is tested without downloading anything."""
from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def build_tiny_model(path: Path) -> Path:
    """Word-level tokenizer over a small Indonesian vocabulary + a 1-layer BERT + mean pooling."""
    if (path / "modules.json").is_file():
        return path
    import torch
    from sentence_transformers import SentenceTransformer, models
    from tokenizers import Tokenizer, pre_tokenizers
    from tokenizers.models import WordLevel
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    torch.manual_seed(0)
    words = (
        "anak pidana pasal ayat diversi kekerasan penjara tahun orang setiap dilarang perlindungan hak umur "
        "penyidik hakim korban pelaku sanksi restitusi keluarga sekolah undang query passage"
    ).split()
    vocab = {w: i for i, w in enumerate(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + words)}
    tok = Tokenizer(WordLevel(vocab, unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    hf_tok = PreTrainedTokenizerFast(
        tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]"
    )
    raw = path / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    cfg = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=1, num_attention_heads=2, intermediate_size=64, max_position_embeddings=128)
    BertModel(cfg).save_pretrained(raw)
    hf_tok.save_pretrained(raw)
    word = models.Transformer(str(raw), max_seq_length=64)
    pool = models.Pooling((getattr(word, 'get_embedding_dimension', None) or word.get_word_embedding_dimension)(), pooling_mode="mean")
    st = SentenceTransformer(modules=[word, pool], device="cpu")
    st.save(str(path))
    return path
