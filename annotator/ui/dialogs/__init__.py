"""Dialogs opened from the menus: project settings (the schema), and the transfer dialogs."""
