"""The agreement view: the CLI's numbers, "undefined", and a click from a number to its cases."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView

from annotator.agreement import agreement_report, cohen_kappa
from annotator.agreement.breakdown import DisagreementFilter
from annotator.cli import cli
from annotator.store import Project
from annotator.transfer import agreement_input
from annotator.transfer.exporting import iter_documents_with_sets
from annotator.transfer.importing import import_paths
from annotator.ui.agreement.models import FILTER_ROLE, VALUE_ROLE
from annotator.ui.agreement.view import AgreementView, VersionsDialog
from annotator.ui.session import Session

D1 = (
    'The minister said "taxes will fall next year" on Monday. Critics replied that '
    '"this is a fantasy". A spokesperson added that growth is strong.'
)
D2 = "The union warned that strikes would follow. Talks resume on Friday, it said."


def span(text: str, part: str, label: str, sid: str, **attrs: str) -> dict:
    start = text.index(part)
    return {"id": sid, "start": start, "end": start + len(part), "label": label, "attrs": attrs}


def line(doc: str, text: str, annotator: str, spans: list, **extra: object) -> str:
    record = {"id": doc, "text": text, "annotator": annotator, "status": "done", "spans": spans}
    return json.dumps({**record, **extra})


def quotes_jsonl() -> str:
    """bob and carol: stance favor/favor, against/favor, favor/none on a shifted quote (d1),
    against/against and a quote only bob saw (d2); relevance differs on d1."""
    link = [{"label": "attributed_to", "head": "q1", "child": "s1"}]
    lines = [
        line("d1", D1, "bob", [
            span(D1, "taxes will fall next year", "QUOTE", "q1", stance="favor"),
            span(D1, "this is a fantasy", "QUOTE", "q2", stance="against"),
            span(D1, "growth is strong", "QUOTE", "q3", stance="favor"),
            span(D1, "The minister", "SPEAKER", "s1", speaker="Minister"),
        ], relations=link, doc_attrs={"relevance": "relevant"}),
        line("d1", D1, "carol", [
            span(D1, "taxes will fall next year", "QUOTE", "q1", stance="favor"),
            span(D1, "this is a fantasy", "QUOTE", "q2", stance="favor"),
            span(D1, "that growth is strong", "QUOTE", "q3", stance="none"),
            span(D1, "The minister", "SPEAKER", "s1", speaker="Minister"),
        ], relations=link, doc_attrs={"relevance": "partly"}),
        line("d2", D2, "bob", [
            span(D2, "strikes would follow", "QUOTE", "q1", stance="against"),
            span(D2, "Talks resume on Friday", "QUOTE", "q2"),
        ], doc_attrs={"relevance": "relevant"}),
        line("d2", D2, "carol", [
            span(D2, "strikes would follow", "QUOTE", "q1", stance="against"),
        ], doc_attrs={"relevance": "relevant"}),
    ]  # fmt: skip
    return "\n".join(lines) + "\n"


@pytest.fixture
def agreement_project(tmp_path: Path, project_path: Path) -> Path:
    source = tmp_path / "quotes.jsonl"
    source.write_text(quotes_jsonl(), encoding="utf-8")
    with Project.open(project_path) as project:
        import_paths(project, [source])
    return project_path


@pytest.fixture
def open_view(qtbot, agreement_project: Path) -> Iterator[Callable[[], AgreementView]]:
    opened: list[AgreementView] = []

    def open_() -> AgreementView:
        session = Session(Project.open(agreement_project), "alice")
        shown = AgreementView(session)
        qtbot.addWidget(shown)
        shown.resize(1100, 800)
        shown.show()
        qtbot.waitExposed(shown)
        opened.append(shown)
        return shown

    yield open_
    for shown in opened:
        shown.close()
        shown.session.project.close()


@pytest.fixture
def view(open_view: Callable[[], AgreementView]) -> AgreementView:
    return open_view()


def compute(qtbot, view: AgreementView) -> dict:
    with qtbot.waitSignal(view.report_ready, timeout=20_000):
        view.compute_button.click()
    qtbot.waitUntil(lambda: view.compute_button.isEnabled() and not view.computing)
    assert view.result is not None
    return view.result.report


def direct_report(path: Path) -> dict:
    """What agreement_report gives on the same inputs as the CLI (sets and text lengths)."""
    with Project.open(path) as project:
        lengths, sets = {}, []
        for document, found in iter_documents_with_sets(project):
            lengths[document.id] = len(document.text)
            sets.extend(found)
        return agreement_report(sets, project.schema, lengths=lengths)


def click(qtbot, table: QTableView, row: int, column: int) -> None:
    index = table.model().index(row, column)
    table.scrollTo(index)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )


def row_of(table: QTableView, column: int, *texts: str) -> int:
    model = table.model()
    for row in range(model.rowCount()):
        cells = [model.index(row, column + i).data() for i in range(len(texts))]
        if cells == list(texts):
            return row
    raise AssertionError(f"no row {texts}")


def test_the_view_shows_the_cli_report_number_for_number(qtbot, agreement_project, open_view):
    # The CLI needs the file to itself: ask it before the view's session opens the project.
    result = CliRunner().invoke(cli, ["agreement", str(agreement_project), "--json"])
    assert result.exit_code == 0, result.output
    expected = direct_report(agreement_project)
    report = compute(qtbot, open_view())
    assert json.loads(json.dumps(report)) == json.loads(result.output)
    assert report == expected


def test_span_and_attribute_tables_hold_the_report_values(qtbot, view):
    report = compute(qtbot, view)
    spans, unitizing = report["spans"], report["unitizing_alpha"]
    model = view.span_model
    for row in range(model.rowCount()):
        label = model.index(row, model.COL_LABEL).data()
        expected = (
            [spans[m]["mean_pairwise_micro_f1"] for m in ("exact", "overlap", "overlap_any")]
            + [unitizing["overall"]]
            if label.startswith("micro")
            else [spans[m]["labels"][label]["mean_pairwise_f1"] for m in spans]
            + [unitizing["labels"][label]]
        )
        got = [model.index(row, c).data(VALUE_ROLE) for c in range(1, 5)]
        assert got == expected
    assert model.rowCount() == len(spans["exact"]["labels"]) + 1

    attributes = view.attribute_model
    stance = report["attributes"]["QUOTE.stance"]["overlap"]
    row = row_of(view.attribute_table, 0, "QUOTE.stance", "overlap")
    values = [attributes.index(row, c).data(VALUE_ROLE) for c in range(2, 8)]
    assert values == [
        stance["units"],
        stance["krippendorff_alpha"],
        stance["fleiss_kappa"],
        stance["mean_cohen_kappa"],
        stance["percent_agreement"],
        len(stance["ambiguous"]),
    ]
    shown = attributes.index(row, attributes.COL_ALPHA).data()
    assert shown == f"{stance['krippendorff_alpha']:.3f}"
    keys = {attributes.index(r, 0).data() for r in range(attributes.rowCount())}
    assert {"QUOTE.stance", "QUOTE.speaker", "SPEAKER.speaker", "relevance"} <= keys

    pairs = view.pair_model
    view.pair_mode.setCurrentText("overlap")
    assert pairs.index(0, 1).data(VALUE_ROLE) == spans["overlap"]["pairs"]["bob|carol"]["f1"]
    assert pairs.index(1, 0).data() == f"{spans['overlap']['pairs']['bob|carol']['f1']:.3f}"
    assert pairs.index(0, 0).data() == "—"


def test_undefined_is_shown_as_undefined_never_as_a_number(qtbot, view):
    report = compute(qtbot, view)
    # Nobody drew a CUE: F1 of two empty sides and alpha of an unused label are undefined.
    assert report["spans"]["exact"]["labels"]["CUE"]["mean_pairwise_f1"] is None
    row = row_of(view.span_table, 0, "CUE")
    model = view.span_model
    assert [model.index(row, c).data() for c in range(1, 5)] == ["undefined"] * 4
    assert model.index(row, model.COL_EXACT).data(VALUE_ROLE) is None


def test_clicking_an_attribute_row_filters_the_disagreements_to_it(qtbot, view):
    report = compute(qtbot, view)
    assert view.disagreement_model.rowCount() == len(report["disagreements"])
    view.tabs.setCurrentWidget(view.attribute_table)
    click(qtbot, view.attribute_table, row_of(view.attribute_table, 0, "QUOTE.stance"), 3)
    model = view.disagreement_model
    kinds = [model.index(r, model.COL_KIND).data() for r in range(model.rowCount())]
    expected = [d for d in report["disagreements"] if d["kind"] == "QUOTE.stance"]
    assert kinds == ["QUOTE.stance"] * len(expected) and len(expected) == 2
    assert "QUOTE.stance (2)" in view.filter_label.text()
    assert view.confusion_attribute.currentText() == "QUOTE.stance"

    click(qtbot, view.attribute_table, row_of(view.attribute_table, 0, "relevance"), 3)
    assert [model.entry_at(r)["document"] for r in range(model.rowCount())] == ["d1"]
    view.show_all.click()
    assert model.rowCount() == len(report["disagreements"])


def test_clicking_a_span_row_or_a_pair_lists_missing_and_boundary_cases(qtbot, view):
    compute(qtbot, view)
    click(qtbot, view.span_table, row_of(view.span_table, 0, "QUOTE"), 1)
    model = view.disagreement_model
    found = {(model.entry_at(r)["document"], model.entry_at(r)["kind"]) for r in range(2)}
    assert model.rowCount() == 2 and found == {("d1", "boundary"), ("d2", "missing")}
    view.tabs.setCurrentIndex(2)
    click(qtbot, view.pair_table, 1, 0)
    assert model.rowCount() == 2
    assert "bob vs carol" in view.filter_label.text()


def test_confusion_cells_count_the_value_pairs_and_filter_to_them(qtbot, view):
    report = compute(qtbot, view)
    view.tabs.setCurrentIndex(3)
    view.confusion_attribute.setCurrentText("QUOTE.stance")
    view.confusion_alignment.setCurrentText("overlap")
    view.confusion_pair.setCurrentText("bob|carol")
    model = view.confusion_model
    names = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.rowCount())]
    assert names == ["favor", "against", "none"]  # the schema's order
    cells = [[model.index(r, c).data() for c in range(3)] for r in range(3)]
    # bob (rows) vs carol (columns): favor/favor, favor/none (shifted), against/favor,
    # against/against.
    assert cells == [[1, 0, 1], [1, 1, 0], [0, 0, 0]]
    # The matrix is the data of Cohen's kappa: the same number comes out of it.
    pairs = [(names[r], names[c]) for r in range(3) for c in range(3) for _ in range(cells[r][c])]
    kappa = report["attributes"]["QUOTE.stance"]["overlap"]["cohen_kappa"]["bob|carol"]
    assert cohen_kappa(pairs) == pytest.approx(kappa)

    view.confusion_alignment.setCurrentText("exact")  # the shifted quote is no exact unit
    size = model.rowCount()
    assert sum(model.index(r, c).data() for r in range(size) for c in range(size)) == 3

    view.confusion_alignment.setCurrentText("overlap")
    click(qtbot, view.confusion_table, 1, 0)  # bob against, carol favor
    rows = view.disagreement_model
    assert rows.rowCount() == 1
    entry = rows.entry_at(0)
    assert entry["kind"] == "QUOTE.stance"
    assert (entry["spans"]["bob"][2], entry["spans"]["carol"][2]) == ("against", "favor")
    versions = rows.index(0, rows.COL_VERSIONS).data()
    assert "bob" in versions and "against" in versions and "favor" in versions
    assert rows.index(0, rows.COL_TEXT).data() == "this is a fantasy"


def test_double_clicking_a_disagreement_asks_for_the_document_and_its_annotators(qtbot, view):
    compute(qtbot, view)
    click(qtbot, view.attribute_table, row_of(view.attribute_table, 0, "QUOTE.stance"), 0)
    table = view.disagreement_table
    index = view.disagreement_model.index(0, 0)
    centre = table.visualRect(index).center()
    # A real double click starts with a press: the view activates only the pressed row.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    with qtbot.waitSignal(view.open_disagreement) as signal:
        qtbot.mouseDClick(
            table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
        )
    assert signal.args == ["d1", ["bob", "carol"]]


def test_missing_spans_open_with_the_annotator_who_missed_them(qtbot, view):
    compute(qtbot, view)
    view.apply_filter(DisagreementFilter("missing", kinds=frozenset({"missing"})))
    assert view.disagreement_model.rowCount() == 1
    with qtbot.waitSignal(view.open_disagreement) as signal:
        table = view.disagreement_table
        table.setFocus()
        table.setCurrentIndex(view.disagreement_model.index(0, 0))
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert signal.args == ["d2", ["bob", "carol"]]


def test_versions_dialog_shows_each_annotator_and_highlights_disagreements(qtbot, view):
    dialog = view.show_versions("d1", ["bob", "carol"])
    assert isinstance(dialog, VersionsDialog)
    qtbot.addWidget(dialog)
    assert list(dialog.columns) == ["bob", "carol"]
    bob = dialog.columns["bob"]
    lines = [bob.item(i).text() for i in range(bob.count())]
    assert lines[0] == "document: relevance=relevant"
    assert any(t.startswith("QUOTE [") and "this is a fantasy" in t for t in lines)
    marked = {
        bob.item(i).text().split("]")[0]: bob.item(i).toolTip()
        for i in range(bob.count())
        if bob.item(i).toolTip()
    }
    fantasy = D1.index("this is a fantasy")
    growth = D1.index("growth is strong")
    assert marked == {
        "document: relevance=relevant": "Disagreement: relevance",
        f"QUOTE [{fantasy}–{fantasy + 17}": "Disagreement: QUOTE.stance",
        f"QUOTE [{growth}–{growth + 16}": "Disagreement: QUOTE.stance, boundary",
    }
    quote = next(t for t in lines if "taxes will fall" in t)
    assert "speaker=Minister" in quote and "stance=favor" in quote
    dialog.close()


def test_unknown_annotators_are_refused_and_named_ones_passed_on(qtbot, view):
    view.annotators.setText("bob, nobody")
    view.compute_button.click()
    assert not view.computing
    assert 'No annotator "nobody"' in view.summary.text()
    view.annotators.setText("bob, carol")
    assert view.chosen_annotators() == ["bob", "carol"]
    report = compute(qtbot, view)
    assert report["annotators"] == ["bob", "carol"]


def slow_report(started: threading.Event, stages: int = 400):
    """A stand-in for agreement_report that takes long and honours its progress callback."""

    def report(sets, schema, *, progress=None, **options):
        for step in range(stages):
            if progress is not None:
                progress(step, stages)
            started.set()
            time.sleep(0.01)
        return agreement_report(sets, schema, **options)

    return report


def test_progress_is_relayed_and_compute_is_disabled_meanwhile(qtbot, view, monkeypatch):
    started = threading.Event()
    monkeypatch.setattr(agreement_input, "agreement_report", slow_report(started, 60))
    view.compute_button.click()
    assert view.computing and not view.compute_button.isEnabled()
    assert view.progress.isVisible()
    qtbot.waitUntil(lambda: view.progress.maximum() == 61 and view.progress.value() > 5)
    view.compute_button.click()  # a second press while running changes nothing
    with qtbot.waitSignal(view.report_ready, timeout=20_000):
        pass
    qtbot.waitUntil(lambda: view.compute_button.isEnabled())
    assert not view.progress.isVisible()


def test_closing_while_computing_stops_the_worker_cleanly(qtbot, view, monkeypatch):
    started = threading.Event()
    monkeypatch.setattr(agreement_input, "agreement_report", slow_report(started))
    view.compute_button.click()
    job = view._job
    assert job is not None and started.wait(10)
    began = time.perf_counter()
    view.close()
    # Cancelled at the next progress call, long before the 4 s the stand-in would take.
    assert time.perf_counter() - began < 2
    assert job.isFinished() and not view.computing
    qtbot.wait(50)  # let queued signals of the stopped job arrive: they must be ignored
    assert view.result is None and view.compute_button.isEnabled()


def test_every_model_passes_the_model_tester(qtbot, qtmodeltester, view):
    models = [
        view.span_model,
        view.attribute_model,
        view.pair_model,
        view.confusion_model,
        view.disagreement_model,
    ]
    for model in models:
        qtmodeltester.check(model)  # empty, before any computation
    compute(qtbot, view)
    view.confusion_attribute.setCurrentText("QUOTE.stance")
    for model in models:
        assert model.rowCount() > 0
        qtmodeltester.check(model)
    assert not view.span_model.index(0, 0).parent().isValid()
    assert isinstance(view.span_model.index(0, 1).data(FILTER_ROLE), DisagreementFilter)
    assert view.span_model.data(QModelIndex()) is None


def test_the_window_opens_the_agreement_view(qtbot, window) -> None:
    window.commands.agreement.trigger()
    views = window.findChildren(AgreementView)
    assert len(views) == 1 and views[0].isVisible()
    window.close()  # shuts the view down with the window


def test_counts_of_one_are_said_in_the_singular(qtbot, tmp_path: Path, project_path: Path):
    source = tmp_path / "d2.jsonl"
    d2 = [line for line in quotes_jsonl().splitlines() if '"id": "d2"' in line]
    source.write_text("\n".join(d2) + "\n", encoding="utf-8")
    with Project.open(project_path) as project:
        import_paths(project, [source])
    session = Session(Project.open(project_path), "alice")
    try:
        shown = AgreementView(session)
        qtbot.addWidget(shown)
        shown.show()
        report = compute(qtbot, shown)
        assert (report["documents"], len(report["disagreements"])) == (1, 1)
        assert shown.summary.text() == (
            "bob, carol · 1 document covered by at least two · 1 disagreement"
        )
        shown.tabs.setCurrentIndex(3)
        shown.confusion_attribute.setCurrentText("QUOTE.stance")
        shown.confusion_pair.setCurrentText("bob|carol")
        assert "1 unit coded by both" in shown.confusion_caption.text()
        model = shown.confusion_model
        size = model.rowCount()
        tips = {
            model.index(r, c).data(Qt.ItemDataRole.ToolTipRole)
            for r in range(size)
            for c in range(size)
        }
        assert "1 unit: against (row) and against (column)" in tips
    finally:
        shown.close()
        session.project.close()
