"""Index: embeddings (FAISS) + BM25, fused retrieval, citation lookup, extractive answers."""
