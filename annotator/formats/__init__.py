"""Import and export formats: pure functions between files and model objects."""
