"""Side panels of the window: the document's problems, the guidelines, corpus search."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator.model.checks import Problem
from annotator.model.guidelines import guidelines_markdown
from annotator.model.schema import Schema
from annotator.model.search import Hit
from annotator.ui.panels.registry_panels import SpeakersPanel, TargetsPanel
from annotator.ui.session import Session

DATA_ROLE = Qt.ItemDataRole.UserRole + 1


class ProblemsPanel(QListWidget):
    """What still needs fixing in this document; click one to go to its span."""

    span_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Problems"))
        self.setWordWrap(True)
        self.itemClicked.connect(self._chosen)
        self.itemActivated.connect(self._chosen)

    SHOWN = 500

    def show_problems(self, problems: list[Problem]) -> None:
        self.clear()
        for problem in problems[: self.SHOWN]:
            item = QListWidgetItem(problem.message)
            item.setData(DATA_ROLE, problem.span)
            self.addItem(item)
        if len(problems) > self.SHOWN:
            more = QListWidgetItem(self.tr("… and {0:,} more").format(len(problems) - self.SHOWN))
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(more)
        if not problems:
            item = QListWidgetItem(self.tr("No problems: this document can be marked done."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(item)

    def _chosen(self, item: QListWidgetItem) -> None:
        span = item.data(DATA_ROLE)
        if span is not None:
            self.span_chosen.emit(int(span))


class GuidelinesPanel(QTextBrowser):
    def __init__(self, schema: Schema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Guidelines"))
        self.setOpenExternalLinks(True)
        self.setMarkdown(guidelines_markdown(schema))


class SearchPanel(QWidget):
    """Search the whole corpus: text, or annotations by label, attribute value or speaker."""

    hit_chosen = Signal(str, int, int)  # document, start, end

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.field = QLineEdit(placeholderText=self.tr("Search all documents"))
        self.field.setAccessibleName(self.tr("Search all documents"))
        self.field.setClearButtonEnabled(True)
        self.field.returnPressed.connect(self.search)
        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Search in"))
        self.scope.addItems([self.tr("text"), self.tr("annotations"), self.tr("text in spans")])
        self.scope.setToolTip(
            self.tr(
                "text: words in the documents; annotations: a label, an attribute value or a "
                "speaker in your layer; text in spans: words inside your layer's spans"
            )
        )
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setWordWrap(True)
        self.results.itemClicked.connect(self._chosen)
        self.results.itemActivated.connect(self._chosen)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.scope)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(row)
        layout.addWidget(self.results, 1)

    def search(self) -> list[Hit]:
        term = self.field.text().strip()
        hits = self.find_hits(term) if term else []
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem(f"{hit.document} · {hit.why}: {hit.snippet}")
            item.setData(DATA_ROLE, (hit.document, hit.start, hit.end))
            self.results.addItem(item)
        if term and not hits:
            self.results.addItem(self.tr("no hits"))
        return hits

    def find_hits(self, term: str, limit: int = 500) -> list[Hit]:
        project = self.session.project
        # By position: the texts are translated.
        if self.scope.currentIndex() == 0:
            return project.search.text(term, limit)
        if self.scope.currentIndex() == 2:
            return project.search.in_spans(term, self.session.layer, limit)
        return project.search.annotations(term, self.session.layer, limit)

    def _chosen(self, item: QListWidgetItem) -> None:
        data = item.data(DATA_ROLE)
        if data:
            self.hit_chosen.emit(*data)


class SideTabs(QTabWidget):
    """The right-hand side: the span inspector first, then problems, registries, search."""

    def __init__(self, session: Session, span_page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        schema = session.project.schema
        self.problems = ProblemsPanel()
        self.speakers = SpeakersPanel(session)
        self.targets = TargetsPanel(session)
        self.search = SearchPanel(session)
        self.guidelines = GuidelinesPanel(schema)
        self.addTab(span_page, self.tr("Span"))
        self.addTab(self.problems, self.tr("Problems"))
        self.addTab(self.speakers, self.tr("Speakers"))
        self.addTab(self.targets, self.tr("Targets"))
        self.addTab(self.search, self.tr("Search"))
        self.addTab(self.guidelines, self.tr("Guide"))
        self.setTabToolTip(self.indexOf(self.guidelines), self.tr("Annotation guidelines (F1)"))
        self.setDocumentMode(True)
        self.currentChanged.connect(self._refresh_current)

    def refresh_registries(self) -> None:
        self.speakers.refresh()
        self.targets.refresh()

    def show_problem_count(self, count: int | None) -> None:
        """The count in the tab title; None when not computed (a long document)."""
        title = self.tr("Problems ({count})").format(count=count) if count else self.tr("Problems")
        self.setTabText(self.indexOf(self.problems), title)

    def _refresh_current(self, index: int) -> None:
        if self.widget(index) in (self.speakers, self.targets):
            self.refresh_registries()
