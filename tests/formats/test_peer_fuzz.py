"""Hypothesis throws mutated and random peer files at every reader: only InputError escapes."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.errors import InputError
from annotator.formats.brat import read_brat
from annotator.formats.citron import read_citron
from annotator.formats.csv_documents import read_csv_documents
from annotator.formats.doccano import read_doccano
from annotator.formats.html import read_html
from annotator.formats.label_studio import read_label_studio
from annotator.formats.prodigy import read_prodigy

DATA = Path(__file__).parent / "data"
FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

KEYS = [
    "id", "text", "data", "annotations", "completions", "predictions", "result", "value",
    "start", "end", "labels", "label", "type", "from_id", "to_id", "direction", "choices",
    "completed_by", "email", "was_cancelled", "model_version", "from_name", "entities",
    "relations", "start_offset", "end_offset", "spans", "tokens", "token_start", "token_end",
    "head_span", "child_span", "answer", "meta", "_input_hash", "_annotator_id", "quotes",
    "cue", "sources", "contents", "coreferences", "confidence", "coreference_groups", "attrs",
    "rating", "textarea", "cats", "user",
]  # fmt: skip
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-3, 60)
    | st.floats(allow_nan=False)
    | st.text(max_size=6)
    | st.sampled_from(["labels", "relation", "choices", "textarea", "left", "reject", "A"])
)
JSON = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS), children, max_size=6)
    ),
    max_leaves=30,
)
READERS: dict[str, Callable[[Path], object]] = {
    "label_studio": read_label_studio,
    "doccano": read_doccano,
    "prodigy": read_prodigy,
    "citron": read_citron,
}
SAMPLES = {
    "label_studio": DATA / "label_studio" / "export.json",
    "doccano": DATA / "doccano" / "relation_example.jsonl",
    "prodigy": DATA / "prodigy" / "annotations.jsonl",
    "citron": DATA / "citron" / "peskov.json",
}


def only_input_error(read: Callable[[Path], object], path: Path) -> None:
    try:
        read(path)
    except InputError as exc:
        assert str(exc).startswith(str(path))


def mutate(value: Any, path: list[int], replacement: Any) -> Any:
    """``value`` with the node reached by following ``path`` replaced."""
    if not path:
        return replacement
    if isinstance(value, dict) and value:
        keys = list(value)
        key = keys[path[0] % len(keys)]
        return {**value, key: mutate(value[key], path[1:], replacement)}
    if isinstance(value, list) and value:
        index = path[0] % len(value)
        return [*value[:index], mutate(value[index], path[1:], replacement), *value[index + 1 :]]
    return replacement


def load_sample(name: str) -> Any:
    text = SAMPLES[name].read_text(encoding="utf-8")
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("name", sorted(READERS))
@FUZZ
@given(data=st.data())
def test_mutated_peer_files_only_raise_input_error(
    tmp_path: Path, name: str, data: st.DataObject
) -> None:
    sample = load_sample(name)
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.lists(st.integers(0, 40), max_size=7))
        sample = mutate(sample, where, data.draw(JSON))
    path = tmp_path / f"fuzz{SAMPLES[name].suffix}"
    path.write_text(json.dumps(sample), encoding="utf-8")
    only_input_error(READERS[name], path)


@pytest.mark.parametrize("name", sorted(READERS))
@FUZZ
@given(records=st.lists(JSON, min_size=1, max_size=3), lines=st.booleans())
def test_random_json_only_raises_input_error(
    tmp_path: Path, name: str, records: list[Any], lines: bool
) -> None:
    path = tmp_path / "fuzz.json"
    content = "\n".join(json.dumps(r) for r in records) if lines else json.dumps(records)
    path.write_text(content, encoding="utf-8")
    only_input_error(READERS[name], path)


@pytest.mark.parametrize("read", [*READERS.values(), read_csv_documents], ids=[*READERS, "csv"])
@FUZZ
@given(data=st.binary(max_size=80))
def test_arbitrary_bytes_only_raise_input_error(
    tmp_path: Path, read: Callable[[Path], object], data: bytes
) -> None:
    path = tmp_path / "bytes.json"
    path.write_bytes(data)
    with contextlib.suppress(InputError):
        read(path)


ANN_PARTS = st.sampled_from(
    ["T1", "T2", "E1", "R1", "A1", "N1", "#1", "*", "M1", "X1", "T", "Person", "Theme:T1",
     "Arg1:T1", "Arg2:T2", "Arg1:E1", "0", "3", "5", "99", "-1", "2;4", "0 3;5 7", "Wiki:Q1",
     "abc", "AnnotatorNotes", "Equiv", "\t", " ", ";", ":", "😀", "\r"]
)  # fmt: skip


@FUZZ
@given(
    text=st.text(min_size=1, max_size=20),
    lines=st.lists(st.lists(ANN_PARTS, max_size=6).map("".join), max_size=6),
)
def test_brat_only_raises_input_error(tmp_path: Path, text: str, lines: list[str]) -> None:
    folder = tmp_path / "brat"
    folder.mkdir(exist_ok=True)
    (folder / "d.txt").write_text(text, encoding="utf-8", newline="")
    (folder / "d.ann").write_text("\n".join(lines), encoding="utf-8", newline="")
    only_input_error(read_brat, folder)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=st.text(max_size=200))
def test_html_only_raises_input_error(tmp_path: Path, body: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(f"<html><body><article><p>{body}</p></article></body></html>", encoding="utf-8")
    only_input_error(read_html, path)
