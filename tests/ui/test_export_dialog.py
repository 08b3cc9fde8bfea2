"""File > Export: the dialog's choices become the same export as the command line's, run in a
worker with a progress dialog; Cancel leaves nothing behind; the summary is shown at the end."""

from __future__ import annotations

import io
import json
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton

from annotator.formats.summary import TransferSummary
from annotator.store import Project
from annotator.transfer import export_job, exporting
from annotator.ui.dialogs.export_dialog import ExportDialog
from annotator.ui.main_window import MainWindow
from tests.export_project import make_project

from driving import pick, settle

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def gold_window(open_window, tmp_path: Path) -> MainWindow:
    return open_window(make_project(tmp_path / "g.db", generated=10))


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the window told the user in dialogs (information and warnings)."""
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: seen.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: seen.append(text))
    return seen


def open_dialog(qtbot, window: MainWindow) -> ExportDialog:
    qtbot.keyClick(window.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def type_over(qtbot, line, text: str) -> None:
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, text)


def choose_format(qtbot, dialog: ExportDialog, name: str) -> None:
    shown = [dialog.format.itemText(i) for i in range(dialog.format.count())]
    pick(qtbot, dialog.format, next(text for text in shown if text.startswith(f"{name}:")))


def test_csv_of_the_gold_layer_by_default_with_the_summary_shown(
    qtbot, gold_window: MainWindow, tmp_path: Path, shown: list[str]
) -> None:
    dialog = open_dialog(qtbot, gold_window)
    choose_format(qtbot, dialog, "csv")
    assert dialog.layer.currentText() == "gold"
    out = tmp_path / "gold.csv"
    type_over(qtbot, dialog.destination, str(out))
    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "13 documents, 97 spans" in shown[0] and f"wrote {out}" in shown[0]
    assert "not carried" in shown[0]
    assert out.read_text(encoding="utf-8").startswith("document,annotator,start,end,label,text")
    assert "Exported csv" in gold_window.statusBar().currentMessage()


def test_jsonl_offers_every_layer_and_done_documents_only(
    qtbot, gold_window: MainWindow, tmp_path: Path, shown: list[str]
) -> None:
    dialog = open_dialog(qtbot, gold_window)
    assert dialog.layer.currentText() == "Every layer (the whole project)"
    pick(qtbot, dialog.documents, "Only documents marked done in the layer")
    out = tmp_path / "done.jsonl"
    type_over(qtbot, dialog.destination, str(out))
    qtbot.keyClick(dialog.destination, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["annotator"] for r in records} == {"gold"} and len(records) == 12


def test_a_large_jsonl_export_in_two_processes_writes_what_one_process_writes(
    qtbot,
    gold_window: MainWindow,
    tmp_path: Path,
    shown: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Halved however small: the second process opens the window's project beside it.
    monkeypatch.setattr(exporting, "HALVING_DOCUMENTS", 0)
    monkeypatch.setattr(exporting, "HALVING_CHARACTERS", 0)
    monkeypatch.setattr(exporting, "SECOND_PROCESS_LEAD", 0)
    one = io.BytesIO()
    path = gold_window.session.project.path
    with Project.open(path, read_only=True) as reader, monkeypatch.context() as alone:
        alone.setattr(exporting, "second_process_available", lambda: False)
        exporting.export_jsonl(reader, one)
    dialog = open_dialog(qtbot, gold_window)
    out = tmp_path / "all.jsonl"
    type_over(qtbot, dialog.destination, str(out))
    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert "13 documents" in shown[0]
    assert out.read_bytes() == one.getvalue()


def test_a_split_writes_one_file_per_part_into_the_folder(
    qtbot, gold_window: MainWindow, tmp_path: Path, shown: list[str]
) -> None:
    dialog = open_dialog(qtbot, gold_window)
    choose_format(qtbot, dialog, "conll")
    qtbot.mouseClick(dialog.split, LEFT)
    assert dialog.split.isChecked() and dialog.parts.isEnabled()
    type_over(qtbot, dialog.parts, "train=0.5,test=0.5")
    type_over(qtbot, dialog.seed, "3")
    out = tmp_path / "parts"
    type_over(qtbot, dialog.destination, str(out))
    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert sorted(p.name for p in out.iterdir()) == ["test.conll", "train.conll"]
    assert "split: train" in shown[0]


def test_a_bad_split_is_said_in_the_dialog_and_nothing_runs(
    qtbot, gold_window: MainWindow, tmp_path: Path, shown: list[str]
) -> None:
    dialog = open_dialog(qtbot, gold_window)
    qtbot.mouseClick(dialog.split, LEFT)
    type_over(qtbot, dialog.parts, "train=0.8,dev=0.3")
    qtbot.mouseClick(dialog.export_button, LEFT)
    settle()
    assert dialog.isVisible() and "add up to 1.1, not 1" in dialog.problem.text()
    assert shown == [] and gold_window.findChild(QProgressDialog) is None


def test_cancel_removes_the_partial_output(
    qtbot,
    gold_window: MainWindow,
    tmp_path: Path,
    shown: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gate = threading.Event()

    def slow_csv(items, schema, out) -> TransferSummary:
        # Writes something, then waits for the test to press Cancel before reading on.
        for number, _ in enumerate(items):
            if number == 1:
                out.write_text("half")
                gate.wait(10)
        return TransferSummary()

    monkeypatch.setattr(export_job, "write_csv", slow_csv)
    dialog = open_dialog(qtbot, gold_window)
    choose_format(qtbot, dialog, "csv")
    out = tmp_path / "cancelled.csv"
    type_over(qtbot, dialog.destination, str(out))
    qtbot.mouseClick(dialog.export_button, LEFT)
    progress = gold_window.findChild(QProgressDialog)
    assert progress is not None
    qtbot.waitUntil(lambda: any(p.name.endswith(".partial") for p in tmp_path.iterdir()))
    cancel = progress.findChild(QPushButton)
    qtbot.mouseClick(cancel, LEFT)
    gate.set()
    qtbot.waitUntil(
        lambda: "Export cancelled" in gold_window.statusBar().currentMessage(), timeout=10000
    )
    assert shown == [] and not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def preview_shows(qtbot, dialog: ExportDialog, text: str) -> None:
    qtbot.waitUntil(lambda: text in dialog.preview.toPlainText(), timeout=10000)


def test_the_preview_follows_the_choices(
    qtbot, gold_window: MainWindow, tmp_path: Path, shown: list[str]
) -> None:
    dialog = open_dialog(qtbot, gold_window)
    choose_format(qtbot, dialog, "csv")
    type_over(qtbot, dialog.destination, str(tmp_path / "gold.csv"))
    # The files, the counts of the layer, and what the format cannot carry, in its words.
    preview_shows(qtbot, dialog, f"writes {tmp_path / 'gold.csv'}")
    assert "13 documents, 97 spans" in dialog.preview.toPlainText()
    assert "relation cued_by: the span table has no column for it" in dialog.preview.toPlainText()
    # A split: one file per part, with each part's documents and spans.
    qtbot.mouseClick(dialog.split, LEFT)
    type_over(qtbot, dialog.parts, "train=0.5,test=0.5")
    type_over(qtbot, dialog.destination, str(tmp_path / "parts"))
    preview_shows(qtbot, dialog, f"writes {tmp_path / 'parts' / 'train.csv'}")
    text = dialog.preview.toPlainText()
    assert "train: 7 documents" in text and "test: 6 documents" in text
    # A split that does not add up: the preview says why instead.
    type_over(qtbot, dialog.parts, "train=0.5,test=0.6")
    preview_shows(qtbot, dialog, "add up to 1.1, not 1")


def test_label_studio_offers_every_layer_each_as_its_own_annotation(
    qtbot, gold_window: MainWindow, tmp_path: Path, shown: list[str]
) -> None:
    dialog = open_dialog(qtbot, gold_window)
    choose_format(qtbot, dialog, "label-studio")
    pick(qtbot, dialog.layer, "Every layer (the whole project)")
    out = tmp_path / "tasks.json"
    type_over(qtbot, dialog.destination, str(out))
    preview_shows(qtbot, dialog, "layers: every layer")
    assert f"writes {tmp_path / 'tasks.label_config.xml'}" in dialog.preview.toPlainText()
    assert "13 documents, 99 spans" in dialog.preview.toPlainText()  # gold's 97 and alice's 2
    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    tasks = {t["data"]["id"]: t for t in json.loads(out.read_text(encoding="utf-8"))}
    who = [a["annotator"] for a in tasks["doc-1"]["annotations"]]
    assert who == ["alice", "gold"]


def test_the_suggested_file_and_the_counts_read_naturally(
    qtbot, open_window, tmp_path: Path, shown: list[str]
) -> None:
    window = open_window(make_project(tmp_path / "team.annotator.db"))
    dialog = open_dialog(qtbot, window)
    choose_format(qtbot, dialog, "csv")
    assert Path(dialog.destination.text()) == tmp_path / "team-csv.csv"  # not team.annotator-csv
    pick(qtbot, dialog.layer, "alice")
    preview_shows(qtbot, dialog, "3 documents, 2 spans")
    qtbot.mouseClick(dialog.split, LEFT)
    type_over(qtbot, dialog.parts, "train=0.34,dev=0.33,test=0.33")
    preview_shows(qtbot, dialog, "train: 1 document, ")  # one of three each, not "1 documents"


def test_the_dialog_takes_keys_while_a_preview_runs_and_shows_the_latest(
    qtbot, tmp_path: Path
) -> None:
    # Each preview is held inside its worker until released: no timing, only order.
    releases = [threading.Event(), threading.Event()]
    asked: list[str] = []

    def slow_preview(request: export_job.ExportRequest) -> list[str]:
        asked.append(str(request.out))
        releases[len(asked) - 1].wait(30)
        return [f"preview of {request.out}"]

    dialog = ExportDialog(tmp_path / "p.db", ["gold"], "gold", preview=slow_preview)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_over(qtbot, dialog.destination, str(tmp_path / "a.csv"))
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=10000)  # the first preview is running
    # Typing goes on while it runs: every key arrives, none waits for the preview.
    type_over(qtbot, dialog.destination, str(tmp_path / "b.csv"))
    assert dialog.destination.text() == str(tmp_path / "b.csv")
    assert dialog.preview.toPlainText() == ""
    releases[0].set()
    # The answer for a.csv arrives overtaken by later choices: dropped, and the preview of
    # the latest choices starts.
    qtbot.waitUntil(lambda: len(asked) == 2, timeout=10000)
    assert asked[1] == str(tmp_path / "b.csv")
    assert "a.csv" not in dialog.preview.toPlainText()
    releases[1].set()
    preview_shows(qtbot, dialog, f"preview of {tmp_path / 'b.csv'}")
    dialog.close()


def test_closing_during_a_preview_lets_it_finish_then_releases_its_connection(
    qtbot, tmp_path: Path
) -> None:
    hold = threading.Event()
    started = threading.Event()
    released: list[bool] = []

    def slow_preview(request: export_job.ExportRequest) -> list[str]:
        started.set()
        hold.wait(30)
        return ["done"]

    dialog = ExportDialog(
        tmp_path / "p.db",
        ["gold"],
        "gold",
        preview=slow_preview,
        release=lambda: released.append(True),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_over(qtbot, dialog.destination, str(tmp_path / "a.csv"))
    qtbot.waitUntil(started.is_set, timeout=10000)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), LEFT)
    assert not dialog.isVisible()
    assert released == []  # the preview still reads through it
    hold.set()
    qtbot.waitUntil(lambda: released == [True], timeout=10000)
