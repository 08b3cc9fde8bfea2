"""The agreement window: the report's tables, computed off the GUI thread, and the versions."""
