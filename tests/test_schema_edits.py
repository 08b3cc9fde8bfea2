"""Schema changes from Project settings migrate annotations, refuse removals in use, undo."""

from __future__ import annotations

import pytest

from annotator.edits import EditError
from annotator.edits.schema import ChangeSchema
from annotator.edits.spans import AddSpan, SetDocAttribute
from annotator.model import AnnotatorName, DocumentId, Span, SpanId
from annotator.model.schema import Label, Schema, parse_schema
from annotator.model.schema_writer import (
    add_label,
    add_value,
    recolor_label,
    remove_label,
    remove_value,
    rename_label,
    rename_value,
    to_toml,
)
from annotator.store import Project

from support import snapshot

DOC = DocumentId("000_80cf35cee6cee056")


@pytest.fixture
def used(seeded: Project) -> Project:
    for start, end, label, attrs in ((0, 7, "QUOTE", {"stance": "favor"}), (8, 16, "CUE", {})):
        AddSpan(Span(SpanId(0), DOC, AnnotatorName("alice"), start, end, label, attrs)).apply(
            seeded
        )
    SetDocAttribute(DOC, AnnotatorName("alice"), name="relevance", value="partly").apply(seeded)
    return seeded


def test_generated_toml_reads_back_as_the_same_schema(schema: Schema) -> None:
    again = parse_schema(to_toml(schema), "x")
    assert (again.labels, again.attributes, again.relations) == (
        schema.labels,
        schema.attributes,
        schema.relations,
    )


def test_writer_validates_like_a_hand_written_file(schema: Schema) -> None:
    with pytest.raises(Exception, match='label "CUE" is defined twice'):
        add_label(schema, Label("CUE"))


def test_rename_label_migrates_spans_and_relations_rules(used: Project) -> None:
    before = snapshot(used)
    edit = ChangeSchema(
        rename_label(used.schema, "QUOTE", "CONTENT"),
        "rename QUOTE",
        rename_label=("QUOTE", "CONTENT"),
    )
    edit.apply(used)
    assert [s.label for s in used.spans.in_set(DOC, "alice")] == ["CONTENT", "CUE"]
    assert used.schema.relation("attributed_to").head == ("CONTENT",)  # type: ignore[union-attr]
    edit.revert(used)
    assert snapshot(used) == before
    assert used.schema.label("QUOTE") is not None


def test_rename_value_migrates_span_and_document_attributes(used: Project) -> None:
    stance = used.schema.span_attribute("QUOTE", "stance")
    assert stance is not None
    edit = ChangeSchema(
        rename_value(used.schema, stance, "favor", "pro"),
        "rename favor",
        attribute=stance,
        rename_value=("favor", "pro"),
    )
    edit.apply(used)
    assert used.spans.in_set(DOC, "alice")[0].attrs == {"stance": "pro"}
    assert "pro" in used.schema.span_attribute("QUOTE", "stance").values  # type: ignore[union-attr]
    relevance = used.schema.document_attribute("relevance")
    assert relevance is not None
    ChangeSchema(
        rename_value(used.schema, relevance, "partly", "somewhat"),
        "rename",
        attribute=relevance,
        rename_value=("partly", "somewhat"),
    ).apply(used)
    assert used.sets.doc_attrs(DOC, "alice") == {"relevance": "somewhat"}


def test_removing_what_is_used_is_refused_with_the_count(used: Project) -> None:
    with pytest.raises(EditError, match='label "CUE" is used by 1 span;'):
        ChangeSchema(remove_label(used.schema, "CUE"), remove_label="CUE").apply(used)
    stance = used.schema.span_attribute("QUOTE", "stance")
    assert stance is not None
    with pytest.raises(EditError, match='value "favor" is used 1 time;'):
        ChangeSchema(
            remove_value(used.schema, stance, "favor"), attribute=stance, remove_value="favor"
        ).apply(used)
    unused = remove_value(used.schema, stance, "none")
    ChangeSchema(unused, attribute=stance, remove_value="none").apply(used)
    assert used.schema.span_attribute("QUOTE", "stance").values == (  # type: ignore[union-attr]
        "favor",
        "against",
    )


def test_add_and_recolor_survive_reopening(used: Project, tmp_path) -> None:
    stance = used.schema.span_attribute("QUOTE", "stance")
    assert stance is not None
    changed = recolor_label(add_value(used.schema, stance, "mixed"), "CUE", "#000000")
    changed = add_label(changed, Label("TARGET", "g", "#CC79A7", "A mention of the target"))
    ChangeSchema(changed).apply(used)
    path = used.path
    used.close()
    with Project.open(path) as again:
        assert again.schema.label("CUE").color == "#000000"  # type: ignore[union-attr]
        assert again.schema.label_for_key("g").name == "TARGET"  # type: ignore[union-attr]
        assert "mixed" in again.schema.span_attribute("QUOTE", "stance").values  # type: ignore[union-attr]
        assert again.schema.guidelines_text  # guidelines stay with the schema
