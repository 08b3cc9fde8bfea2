"""Adjudication: the annotators' spans grouped into units to decide on, and gold comparison.

Pure functions over model objects; the decisions themselves are Edits
(:mod:`annotator.edits.adjudication`) and are stored by :mod:`annotator.store.adjudications`.
"""
