"""Ingest: source files -> parsed document trees -> chunks with citation ids."""
