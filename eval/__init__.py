"""Evaluation: gold questions, metrics, baselines, reports."""
