"""Hypothesis mutates INCEpTION's files: our readers raise only InputError."""

from __future__ import annotations

import contextlib
import json
import shutil
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.errors import InputError
from annotator.formats.uima_json import read_uima_json
from annotator.formats.webanno_tsv import read_webanno_tsv
from annotator.formats.xmi import read_xmi

DATA = Path(__file__).parent / "data"
XMI = (DATA / "xmi" / "anna.xmi").read_text(encoding="utf-8")
TSV = (DATA / "webanno_tsv" / "kyiv.tsv").read_text(encoding="utf-8")
CAS_JSON = json.loads((DATA / "uima_json" / "carla.json").read_text(encoding="utf-8"))
FUZZ = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

PIECES = st.sampled_from(
    [
        *["", "0", "1", "-1", "99999", '"', "'", "<", ">", "/>", "&#55357;", "&amp;", "=", " "],
        *["\t", "\n", "\r", "_", "*", "|", ";", "[", "]", "[1]", "[0_2]", "[x]", "[]", "[1_]"],
        *["->", "->1-", "->1-2", "1-1", "1-4.1", "9-9", "\\", "😀", "\x00"],
        *["begin=", "end=", "xmi:id=", "sofa=", "Governor=", "#Text=", "#T_SP="],
    ]
)


def mutated(text: str, data: st.DataObject) -> str:
    """Up to four edits: a stretch replaced by tokens that matter to the format, or deleted."""
    for _ in range(data.draw(st.integers(1, 4))):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, min(len(text), start + 12)))
        insert = "".join(data.draw(st.lists(PIECES, max_size=3)))
        text = text[:start] + insert + text[end:]
    return text


def only_input_error(read: Any, path: Path) -> None:
    try:
        read(path)
    except InputError as exc:
        assert str(exc).startswith(str(path)), str(exc)


@FUZZ
@given(data=st.data())
def test_mutated_xmi_raises_only_input_error(tmp_path: Path, data: st.DataObject) -> None:
    shutil.copy(DATA / "xmi" / "TypeSystem.xml", tmp_path / "TypeSystem.xml")
    path = tmp_path / "anna.xmi"
    path.write_text(mutated(XMI, data), encoding="utf-8")
    only_input_error(read_xmi, path)


@FUZZ
@given(data=st.data())
def test_mutated_type_system_raises_only_input_error(tmp_path: Path, data: st.DataObject) -> None:
    system = (DATA / "xmi" / "TypeSystem.xml").read_text(encoding="utf-8")
    (tmp_path / "TypeSystem.xml").write_text(mutated(system, data), encoding="utf-8")
    shutil.copy(DATA / "xmi" / "anna.xmi", tmp_path / "anna.xmi")
    only_input_error(read_xmi, tmp_path / "anna.xmi")


def fields_mutated(text: str, data: st.DataObject) -> str:
    """Up to four columns of token lines replaced by pieces of the column syntax."""
    lines = text.split("\n")
    for _ in range(data.draw(st.integers(1, 4))):
        number = data.draw(st.integers(0, len(lines) - 1))
        fields = lines[number].split("\t")
        column = data.draw(st.integers(0, len(fields) - 1))
        fields[column] = "".join(data.draw(st.lists(PIECES, min_size=1, max_size=4)))
        lines[number] = "\t".join(fields)
    return "\n".join(lines)


@FUZZ
@given(data=st.data(), by_field=st.booleans())
def test_mutated_tsv_raises_only_input_error(
    tmp_path: Path, data: st.DataObject, by_field: bool
) -> None:
    path = tmp_path / "kyiv.tsv"
    path.write_text((fields_mutated if by_field else mutated)(TSV, data), encoding="utf-8")
    only_input_error(read_webanno_tsv, path)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 300) | st.text(max_size=6),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


def json_mutated(value: Any, data: st.DataObject, depth: int = 0) -> Any:
    """A copy of ``value`` with one node somewhere replaced, removed or kept."""
    if isinstance(value, dict) and value and depth < 6:
        key = data.draw(st.sampled_from(sorted(value)))
        copy = dict(value)
        action = data.draw(st.sampled_from(["descend", "replace", "delete"]))
        if action == "delete":
            del copy[key]
        elif action == "replace":
            copy[key] = data.draw(JSON_VALUES)
        else:
            copy[key] = json_mutated(value[key], data, depth + 1)
        return copy
    if isinstance(value, list) and value and depth < 6:
        index = data.draw(st.integers(0, len(value) - 1))
        copy = list(value)
        copy[index] = json_mutated(value[index], data, depth + 1)
        return copy
    return data.draw(JSON_VALUES)


@FUZZ
@given(data=st.data())
def test_mutated_uima_json_raises_only_input_error(tmp_path: Path, data: st.DataObject) -> None:
    document = CAS_JSON
    for _ in range(data.draw(st.integers(1, 3))):
        document = json_mutated(document, data)
    path = tmp_path / "carla.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    only_input_error(read_uima_json, path)


@FUZZ
@given(content=st.binary(max_size=80), suffix=st.sampled_from([".xmi", ".json", ".tsv", ".zip"]))
def test_arbitrary_bytes_raise_only_input_error(
    tmp_path: Path, content: bytes, suffix: str
) -> None:
    path = tmp_path / f"file{suffix}"
    path.write_bytes(content)
    shutil.copy(DATA / "xmi" / "TypeSystem.xml", tmp_path / "TypeSystem.xml")
    for read in (read_xmi, read_uima_json, read_webanno_tsv):
        with contextlib.suppress(InputError):
            read(path)
