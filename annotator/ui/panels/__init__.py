"""The panels around the text: document list, inspector, span table, side tabs, registries."""
