"""stub"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget


class ReviewView(QWidget):
    edit_gold = Signal(int)

    def __init__(self, session: object, document: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
