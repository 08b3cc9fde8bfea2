"""The inspector's attribute forms: one per label (and the document's), built on first use and
then refilled; built again with the registries' new names once those change."""

from __future__ import annotations

from annotator.model import AnnotationSet, AnnotatorName, DocumentId, Span, SpanId
from annotator.model.schema import Schema, parse_schema
from annotator.ui.panels.inspector import Inspector

TEXT = "Peskov said it works."
SET = AnnotationSet(DocumentId("d"), AnnotatorName("alice"))


def span(number: int, label: str, **attrs: str) -> Span:
    return Span(SpanId(number), SET.document, SET.annotator, 0, 6, label, dict(attrs))


def items(inspector: Inspector, name: str) -> list[str]:
    editor = inspector.editors[name]
    return [editor.itemText(i) for i in range(editor.count())]


def test_a_labels_form_is_built_once_and_refilled_for_each_span(qtbot, schema: Schema) -> None:
    inspector = Inspector(schema)
    qtbot.addWidget(inspector)
    inspector.show_span(span(1, "QUOTE", stance="favor"), TEXT, SET)
    quote = inspector.editors
    inspector.show_span(span(2, "SPEAKER"), TEXT, SET)
    inspector.show_document("d", SET)
    inspector.show_span(span(3, "QUOTE"), TEXT, SET)
    assert inspector.editors is quote  # the same editors, refilled
    assert quote["stance"].currentText() == "—"
    assert inspector.pages.count() == 3  # QUOTE's, SPEAKER's and the document's


def test_new_registry_names_build_the_forms_again_offering_them(qtbot, schema: Schema) -> None:
    inspector = Inspector(schema)
    qtbot.addWidget(inspector)
    inspector.show_span(span(1, "SPEAKER"), TEXT, SET)
    assert "Dmitry Peskov" not in items(inspector, "speaker")
    inspector.suggestions = {"speaker": ["Dmitry Peskov"], "target": []}
    inspector.show_span(span(1, "SPEAKER"), TEXT, SET)
    assert "Dmitry Peskov" in items(inspector, "speaker")
    assert inspector.pages.count() == 1  # the older forms went


def test_labels_with_an_attribute_of_one_name_each_get_their_own_values(qtbot) -> None:
    two_kinds = parse_schema(
        """
        name = "two kinds"
        version = 1
        [[labels]]
        name = "QUOTE"
        [[labels]]
        name = "CUE"
        [[attributes]]
        name = "kind"
        applies_to = ["QUOTE"]
        values = ["direct", "indirect"]
        [[attributes]]
        name = "kind"
        applies_to = ["CUE"]
        values = ["verb", "phrase"]
        """
    )
    inspector = Inspector(two_kinds)
    qtbot.addWidget(inspector)
    inspector.show_span(span(1, "QUOTE"), TEXT, SET)
    assert items(inspector, "kind") == ["—", "direct", "indirect"]
    inspector.show_span(span(2, "CUE"), TEXT, SET)
    assert items(inspector, "kind") == ["—", "verb", "phrase"]
