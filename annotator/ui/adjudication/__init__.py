"""Reviewing into gold: the adjudication view and the annotator's learning view."""
