"""Moving data between files and projects: imports, exports, merges, atomic file writes.

Each operation is formats (pure parsing and writing) plus the store, in one transaction.
"""
