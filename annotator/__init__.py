"""Annotator: a desktop tool for annotating quotes and stances in news articles."""

__version__ = "0.1.0"
