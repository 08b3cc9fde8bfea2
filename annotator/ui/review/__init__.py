"""Review in context: every annotator's layer of a document over its text."""
