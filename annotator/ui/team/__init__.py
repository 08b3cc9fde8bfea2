"""The lead's Team view: progress per annotator, assignments, packs out and back in."""
