"""The schema TOML layout: the default loads, and every mistake gets one clear sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.errors import SchemaError
from annotator.model.schema import Schema, load_schema, parse_schema

MINIMAL = """
name = "Test"
version = 1
[[labels]]
name = "QUOTE"
key = "q"
color = "#E69F00"
[[labels]]
name = "SPEAKER"
key = "s"
"""


def test_default_schema_has_the_quote_labels_attributes_and_relations(schema: Schema) -> None:
    assert [(lab.name, lab.key) for lab in schema.labels] == [
        ("QUOTE", "q"),
        ("SPEAKER", "s"),
        ("CUE", "c"),
    ]
    assert {a.name for a in schema.span_attributes("QUOTE")} == {
        "quote_type",
        "target",
        "stance",
        "claim_type",
        "commitment",
        "checkworthy",
    }
    speaker = schema.span_attribute("SPEAKER", "speaker")
    assert speaker is not None and speaker.open
    assert [r.name for r in schema.relations] == ["attributed_to", "cued_by", "continues"]
    attributed = schema.relation("attributed_to")
    assert attributed is not None and attributed.head == ("QUOTE",)
    assert attributed.child == ("SPEAKER",)
    assert {a.name for a in schema.document_attributes} == {"relevance", "overall_stance"}


def test_label_keys_and_digits_pick_labels(schema: Schema) -> None:
    assert schema.label_for_key("s").name == "SPEAKER"  # type: ignore[union-attr]
    assert schema.label_for_key("3").name == "CUE"  # type: ignore[union-attr]
    assert schema.label_for_key("4") is None
    assert schema.label_for_key("x") is None


def test_closed_values_are_checked(schema: Schema) -> None:
    stance = schema.span_attribute("QUOTE", "stance")
    assert stance is not None
    assert schema.check_value(stance, "favor") is None
    assert "not a value" in (schema.check_value(stance, "pro") or "")
    target = schema.span_attribute("QUOTE", "target")
    assert target is not None and schema.check_value(target, "anything at all") is None


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('[[labels]]\nname = "QUOTE"\n', 'label "QUOTE" is defined twice'),
        ('[[labels]]\nname = "CUE"\nkey = "q"\n', 'key "q" is used by both "QUOTE" and "CUE"'),
        ('[[labels]]\nname = "CUE"\nshortcut = "x"\n', 'label "CUE" has unknown key "shortcut"'),
        ('[[labels]]\nname = "CUE"\ncolor = "red"\n', 'label "CUE": "color" must look like'),
        ('[[labels]]\nname = "CUE"\nkey = "1"\n', 'key "1" is reserved'),
        (
            '[[attributes]]\nname = "stance"\napplies_to = ["QUOTE"]\nlevel = "fuzzy"\n',
            'attribute "stance": level "fuzzy" is not one of nominal',
        ),
        (
            '[[attributes]]\nname = "x"\napplies_to = ["NOPE"]\n',
            'attribute "x" applies to unknown label "NOPE"',
        ),
        (
            '[[attributes]]\nname = "n"\napplies_to = ["QUOTE"]\nlevel = "interval"\n'
            'values = ["low", "high"]\n',
            'level "interval" needs numeric values',
        ),
        (
            '[[relations]]\nname = "said_by"\nhead = ["QUOTE"]\nchild = ["CUE"]\n',
            'relation "said_by" uses unknown label "CUE"',
        ),
        ('colour = "x"\n', 'unknown top-level key "colour"'),
    ],
)
def test_bad_schemas_are_refused_with_a_clear_sentence(
    tmp_path: Path, extra: str, message: str
) -> None:
    path = tmp_path / "bad.toml"
    body = MINIMAL + extra if not extra.startswith("colour") else extra + MINIMAL
    path.write_text(body, encoding="utf-8")
    with pytest.raises(SchemaError) as caught:
        load_schema(path)
    assert message in str(caught.value)
    assert str(caught.value).startswith(str(path))


def test_error_points_at_the_line_of_the_offending_entry(tmp_path: Path) -> None:
    path = tmp_path / "dup.toml"
    path.write_text(MINIMAL + '[[labels]]\nname = "SPEAKER"\n', encoding="utf-8")
    with pytest.raises(SchemaError) as caught:
        load_schema(path)
    # The first line naming "SPEAKER" is where the duplicate name is seen.
    assert caught.value.line == MINIMAL.splitlines().index('name = "SPEAKER"') + 1


def test_invalid_toml_names_the_position() -> None:
    with pytest.raises(SchemaError) as caught:
        parse_schema("name = \n", "s.toml")
    assert str(caught.value).startswith("s.toml: not valid TOML")


def test_schema_without_labels_is_refused() -> None:
    with pytest.raises(SchemaError, match="defines no labels"):
        parse_schema('name = "x"\n', "s.toml")


def test_guidelines_file_is_read_beside_the_schema(schema: Schema) -> None:
    assert schema.guidelines == "quotes.md"
    assert schema.guidelines_text.startswith("# Guidelines: quotes and stances")


def test_missing_guidelines_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "g.toml"
    path.write_text('guidelines = "nope.md"\n' + MINIMAL, encoding="utf-8")
    with pytest.raises(SchemaError, match=r'the guidelines file "nope\.md" cannot be read'):
        load_schema(path)


def test_schema_reference_lists_keys_and_value_descriptions(schema: Schema) -> None:
    from annotator.model.guidelines import guidelines_markdown

    text = guidelines_markdown(schema)
    assert "- **QUOTE** (`q` or `1`)" in text
    assert "  - `favor`: The speaker supports the target" in text
    assert text.startswith("# Guidelines: quotes and stances")


@pytest.mark.parametrize(
    "nested",
    ["x = " + "[" * 100_000 + "]" * 100_000, "x = " + "{a=" * 5000 + "1" + "}" * 5000],
    ids=["arrays", "inline tables"],
)
def test_deeply_nested_toml_is_one_sentence_not_a_recursion_error(nested: str) -> None:
    with pytest.raises(SchemaError, match="nested too deeply"):
        parse_schema(nested, "deep.toml")
