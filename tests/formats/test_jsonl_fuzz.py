"""Hypothesis throws arbitrary JSON at the importer: it may only ever raise our own InputError."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.errors import InputError
from annotator.formats.jsonl import read_jsonl
from annotator.model.schema import Schema

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-5, 40)
    | st.floats(allow_nan=False)
    | st.text(max_size=8)
)
KEYS = st.sampled_from(
    [
        "id",
        "text",
        "title",
        "meta",
        "annotator",
        "status",
        "spans",
        "relations",
        "doc_attrs",
        "start",
        "end",
        "label",
        "attrs",
        "head",
        "child",
        "stance",
        "QUOTE",
        "SPEAKER",
        "attributed_to",
        "speaker",
        "relevance",
        "text_sha256",
        "x",
    ]
)
JSON = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(KEYS, children, max_size=6),
    max_leaves=20,
)
SPAN = st.fixed_dictionaries(
    {
        "id": st.text(max_size=3) | st.integers(0, 3),
        "start": st.integers(-2, 30),
        "end": st.integers(-2, 30),
        "label": st.sampled_from(["QUOTE", "SPEAKER", "CUE", "X"]),
    },
    optional={"attrs": st.dictionaries(KEYS, SCALARS, max_size=2), "text": st.text(max_size=4)},
)
LINE = st.fixed_dictionaries(
    {"id": st.text(min_size=1, max_size=4), "text": st.text(min_size=1, max_size=25)},
    optional={
        "annotator": st.text(max_size=4),
        "status": st.sampled_from(["todo", "done", "nope"]),
        "spans": st.lists(SPAN, max_size=4),
        "relations": st.lists(
            st.fixed_dictionaries(
                {
                    "label": st.sampled_from(["attributed_to", "cued_by", "y"]),
                    "head": st.text(max_size=2) | st.integers(0, 3),
                    "child": st.text(max_size=2) | st.integers(0, 3),
                }
            ),
            max_size=3,
        ),
        "doc_attrs": st.dictionaries(KEYS, SCALARS, max_size=2),
        "meta": JSON,
    },
)


def parse_all(path: Path, schema: Schema) -> None:
    for _ in read_jsonl(path, schema, None):
        pass


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=st.lists(JSON | LINE, min_size=1, max_size=3))
def test_importer_only_raises_input_error(tmp_path: Path, schema: Schema, lines: list[Any]) -> None:
    path = tmp_path / "fuzz.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    try:
        parse_all(path, schema)
    except InputError as exc:
        assert str(exc).startswith(str(path))


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=60))
def test_arbitrary_bytes_only_raise_input_error(
    tmp_path: Path, schema: Schema, data: bytes
) -> None:
    path = tmp_path / "bytes.jsonl"
    path.write_bytes(data)
    with contextlib.suppress(InputError):
        parse_all(path, schema)
