"""The README's key table is the one generated from BINDINGS, and no key does two things."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence

from annotator.model.schema import load_schema
from annotator.paths import default_schema_path
from annotator.ui.actions import BINDINGS, key_sequences
from annotator.ui.key_table import BEGIN, END, key_table, replace_table

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_key_table_is_the_generated_one() -> None:
    text = README.read_text(encoding="utf-8")
    table = text[text.index(BEGIN) : text.index(END) + len(END)]
    assert table == key_table(), "run: python -m annotator.ui.key_table README.md"


def test_every_binding_is_in_the_table_with_its_keys() -> None:
    table = key_table()
    assert "| Ctrl+Shift+R | Review in Context: " in table
    assert "| Ctrl+Y / Ctrl+Shift+Z | Redo |" in table
    assert "| `q` / `1` | label the selection QUOTE" in table
    assert len([line for line in table.splitlines() if line.startswith("| ")]) > len(BINDINGS)


def test_replacing_the_table_leaves_the_rest_alone() -> None:
    before = f"intro\n\n{BEGIN}\n| old |\n{END}\n\nafter\n"
    assert replace_table(before, "NEW") == "intro\n\nNEW\n\nafter\n"


def test_no_two_commands_or_schema_keys_share_a_key_on_this_platform() -> None:
    schema = load_schema(default_schema_path())
    owners: dict[str, list[str]] = {}
    named: list[tuple[str, list[QKeySequence]]] = [
        (b.name, key_sequences(list(b.keys))) for b in BINDINGS
    ]
    for number, label in enumerate(schema.labels, start=1):
        keys = [k for k in (label.key, str(number) if number <= 9 else "") if k]
        named.append((label.name, key_sequences(keys)))
    named += [(a.name, key_sequences(a.key)) for a in schema.attributes if a.key]
    for name, sequences in named:
        for sequence in sequences:
            key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            owners.setdefault(key, []).append(name)
    shared = {key: names for key, names in owners.items() if len(names) > 1}
    assert shared == {}
