"""UIMA CAS XMI with its type system (INCEpTION, DKPro), read and written with dkpro-cassis.

Reading takes a ``.xmi`` beside its ``TypeSystem.xml``, INCEpTION's single-document zip (the
XMI and its type system), a whole INCEpTION project export (``annotation/<doc>/<user>.zip``), or
a folder holding any of these. What the CAS holds becomes spans and relations as
:mod:`annotator.formats.uima_cas` describes. A ``.xmi`` with no type system beside it is read
with the types its own elements imply (:mod:`annotator.formats.xmi_types`), and noted.

Writing gives a folder (or, for a ``.zip`` target, a zip) of one ``<document>.xmi`` per
document plus one ``TypeSystem.xml``, shaped the way INCEpTION exports: a custom span layer
``webanno.custom.AnnotatorSpan`` (feature ``label`` plus one per schema attribute), a custom
relation layer ``webanno.custom.AnnotatorRelation`` (``Governor``, ``Dependent``, ``label``), a
document-level layer ``webanno.custom.AnnotatorDocument`` for document attributes,
``DocumentMetaData`` (document name in ``documentTitle``, annotator in ``documentId``), and the
sentences and tokens INCEpTION needs before it opens a document. Create layers of these names
(and features) in the INCEpTION project, then import the ``.xmi`` files.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError, InputError
from annotator.formats import cas_segments
from annotator.formats.inception_export import Collected, Item, Member, file_head, members
from annotator.formats.summary import TransferSummary
from annotator.formats.uima_cas import (
    ANNOTATION_BASE,
    DOCUMENT_ANNOTATION,
    DOCUMENT_METADATA,
    TOKEN,
    add_cas,
    loading,
    read_cas,
)
from annotator.formats.xmi_types import INFERRED_NOTE, infer_typesystem
from annotator.model import AnnotationSet, AttrValue, Document, Relation, Span
from annotator.model.schema import Attribute, Schema

INSTALL_HINT = "pip install 'annotator[xmi]'"
SPAN_TYPE = "webanno.custom.AnnotatorSpan"
RELATION_TYPE = "webanno.custom.AnnotatorRelation"
DOCUMENT_TYPE = "webanno.custom.AnnotatorDocument"
SENTENCE_TYPE = "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence"
TYPE_SYSTEM_NAME = "TypeSystem.xml"
#: Our collection name in DocumentMetaData, where INCEpTION puts its project's slug.
COLLECTION = "annotator"


def cassis() -> Any:
    """dkpro-cassis, imported on first use: it is an optional extra and slow to import."""
    try:
        import cassis as module
    except ImportError:
        raise AnnotatorError(
            f"UIMA CAS files need dkpro-cassis, which is not installed: {INSTALL_HINT}"
        ) from None
    return module


# -- reading -------------------------------------------------------------------------------------


def looks_like_xmi(path: Path) -> bool:
    """Format detection from content: a UIMA CAS XMI file (not a zip or folder)."""
    head = file_head(path)
    return b"http:///uima/cas.ecore" in head or b"<xmi:XMI" in head


def read_xmi(path: Path, summary: TransferSummary | None = None) -> list[Item]:
    """Every document and annotation set in ``path`` (a .xmi, a zip or a folder), raw."""
    module = cassis()
    collected = Collected(summary)
    typesystems: dict[bytes, Any] = {}
    found = False
    for member in members(path, (".xmi",), (".xml",), summary):
        found = True
        typesystem = _typesystem(member, module, typesystems)
        if typesystem is None:
            cas, skipped = _load_without_type_system(member, module)
            if summary is not None:
                summary.note(INFERRED_NOTE)
        else:
            with loading(member.origin, "UIMA CAS XMI") as skipped:
                cas = module.load_cas_from_xmi(
                    io.BytesIO(member.data), typesystem=typesystem, lenient=True
                )
        if skipped and summary is not None:
            summary.lose("annotations of types the type system does not define", len(skipped))
        add_cas(collected, member, read_cas(member.origin, cas, summary))
    if not found:
        raise InputError(path, "holds no .xmi file")
    return collected.items()


def _load_without_type_system(member: Member, module: Any) -> tuple[Any, list[str]]:
    """A lone XMI read with the types its own elements imply (see ``xmi_types``)."""
    try:
        with loading(member.origin, "UIMA CAS XMI") as skipped:
            typesystem = infer_typesystem(module, member.data)
            cas = module.load_cas_from_xmi(
                io.BytesIO(member.data), typesystem=typesystem, lenient=True
            )
    except InputError as error:
        raise InputError(
            member.origin,
            f"has no TypeSystem.xml beside it and its types cannot be told from the XMI alone "
            f"({error.problem}): import the zip INCEpTION exports, which holds both",
        ) from None
    return cas, skipped


def _typesystem(member: Member, module: Any, cache: dict[bytes, Any]) -> Any | None:
    """The type system next to ``member``: TypeSystem.xml, or any type system descriptor;
    None when there is none."""
    candidates = sorted(
        member.beside.items(), key=lambda item: item[0].lower() != TYPE_SYSTEM_NAME.lower()
    )
    for name, data in candidates:
        if b"typeSystemDescription" not in data[:4096]:
            continue
        if data not in cache:
            with loading(f"{member.origin} ({name})", "a UIMA type system"):
                cache[data] = module.load_typesystem(io.BytesIO(data))
        return cache[data]
    return None


# -- writing -------------------------------------------------------------------------------------


def write_xmi(
    out: Path,
    items: Iterable[tuple[Document, AnnotationSet | None]],
    schema: Schema,
) -> TransferSummary:
    """One XMI per document plus TypeSystem.xml into the folder (or ``.zip``) ``out``."""
    module = cassis()
    summary = TransferSummary()
    layers = _Layers(module, schema)
    files: dict[str, bytes] = {TYPE_SYSTEM_NAME: layers.typesystem.to_xml().encode("utf-8")}
    for document, annotation in items:
        name = _file_name(document.id, files)
        files[name] = layers.cas_xmi(document, annotation, summary)
    summary.note("document titles and statuses are not carried (INCEpTION names documents by id)")
    _save(out, files)
    return summary


class _Layers:
    """The type system we write, and the feature each schema attribute became."""

    def __init__(self, module: Any, schema: Schema) -> None:
        self.module = module
        self.schema = schema
        ts = module.TypeSystem()
        meta = ts.create_type(DOCUMENT_METADATA, DOCUMENT_ANNOTATION)
        for name in ("documentTitle", "documentId", "documentUri", "collectionId"):
            ts.create_feature(meta, name, "uima.cas.String")
        ts.create_feature(meta, "documentBaseUri", "uima.cas.String")
        ts.create_feature(meta, "isLastSegment", "uima.cas.Boolean")
        sentence = ts.create_type(SENTENCE_TYPE)
        ts.create_feature(sentence, "id", "uima.cas.String")
        ts.create_type(TOKEN)
        span = ts.create_type(SPAN_TYPE)
        ts.create_feature(span, "label", "uima.cas.String")
        self.span_features: dict[str, tuple[str, str]] = {}
        taken = {"begin", "end", "sofa", "label", "type", "self", "xmiID"}
        for attribute in schema.attributes:
            if attribute.on_document or attribute.name in self.span_features:
                continue
            feature = _feature_name(attribute.name, taken)
            self.span_features[attribute.name] = (feature, _range(attribute))
            ts.create_feature(span, feature, _range(attribute))
        relation = ts.create_type(RELATION_TYPE)
        ts.create_feature(relation, "Governor", SPAN_TYPE)
        ts.create_feature(relation, "Dependent", SPAN_TYPE)
        ts.create_feature(relation, "label", "uima.cas.String")
        self.doc_features: dict[str, tuple[str, str]] = {}
        if schema.document_attributes:
            holder = ts.create_type(DOCUMENT_TYPE, ANNOTATION_BASE)
            taken = {"sofa", "type", "self", "xmiID"}
            for attribute in schema.document_attributes:
                feature = _feature_name(attribute.name, taken)
                self.doc_features[attribute.name] = (feature, _range(attribute))
                ts.create_feature(holder, feature, _range(attribute))
        self.typesystem = ts

    def cas_xmi(
        self, document: Document, annotation: AnnotationSet | None, summary: TransferSummary
    ) -> bytes:
        ts = self.typesystem
        cas = self.module.Cas(typesystem=ts)
        text, replaced = _xml_safe(document.text)
        if replaced:
            summary.note(
                "characters XML 1.0 cannot hold (control characters) were written as spaces"
            )
        cas.sofa_string = text
        cas.sofa_mime = "text"
        owner = annotation.annotator if annotation is not None else document.id
        cas.add(
            ts.get_type(DOCUMENT_METADATA)(
                begin=0,
                end=len(text),
                language="x-unspecified",
                documentTitle=document.id,
                documentId=owner,
                documentUri=f"{COLLECTION}/{document.id}",
                collectionId=COLLECTION,
                documentBaseUri=COLLECTION,
                isLastSegment=False,
            )
        )
        spans = annotation.spans if annotation is not None else []
        ranges = [(span.start, span.end) for span in spans]
        cuts = sorted({edge for span in ranges for edge in span})
        sentence_type, token_type = ts.get_type(SENTENCE_TYPE), ts.get_type(TOKEN)
        for sentence in cas_segments.sentences(text, ranges):
            cas.add(sentence_type(begin=sentence[0], end=sentence[1]))
            for begin, end in cas_segments.tokens(text, sentence, cuts):
                cas.add(token_type(begin=begin, end=end))
        summary.documents += 1
        if annotation is not None:
            written = self.add_spans(cas, spans, summary)
            self.add_relations(cas, annotation.relations, written, summary)
            self.add_document_attrs(cas, annotation.doc_attrs, summary)
        return cas.to_xmi().encode("utf-8")

    def add_spans(self, cas: Any, spans: list[Span], summary: TransferSummary) -> dict[int, Any]:
        span_type = self.typesystem.get_type(SPAN_TYPE)
        written: dict[int, Any] = {}
        for span in spans:
            features: dict[str, Any] = {"label": _xml_safe(span.label)[0]}
            for name, value in span.attrs.items():
                found = self.span_features.get(name)
                converted = _converted(value, found[1]) if found is not None else None
                if found is None or converted is None:
                    summary.lose(f"attribute {name}: no feature of that name and type")
                    continue
                features[found[0]] = converted
            fs = span_type(begin=span.start, end=span.end, **features)
            cas.add(fs)
            written[span.id] = fs
            summary.spans += 1
        return written

    def add_relations(
        self,
        cas: Any,
        relations: list[Relation],
        written: dict[int, Any],
        summary: TransferSummary,
    ) -> None:
        relation_type = self.typesystem.get_type(RELATION_TYPE)
        for relation in relations:
            head, child = written.get(relation.head), written.get(relation.child)
            if head is None or child is None:
                summary.lose(f"{relation.label} relation to a span that was not written")
                continue
            # DKPro's convention, which INCEpTION follows: a relation lies on its dependent.
            cas.add(
                relation_type(
                    begin=child.begin,
                    end=child.end,
                    Governor=head,
                    Dependent=child,
                    label=_xml_safe(relation.label)[0],
                )
            )
            summary.relations += 1

    def add_document_attrs(
        self, cas: Any, doc_attrs: dict[str, AttrValue], summary: TransferSummary
    ) -> None:
        features: dict[str, Any] = {}
        for name, value in doc_attrs.items():
            found = self.doc_features.get(name)
            converted = _converted(value, found[1]) if found is not None else None
            if found is None or converted is None:
                summary.lose(f"document attribute {name}: no feature of that name and type")
                continue
            features[found[0]] = converted
        if features:
            cas.add(self.typesystem.get_type(DOCUMENT_TYPE)(**features))


_NOT_IDENTIFIER = re.compile(r"[^A-Za-z0-9_]")
# Control characters XML 1.0 cannot hold even as character references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NOT_FILE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def _feature_name(name: str, taken: set[str]) -> str:
    """A Java identifier for a feature, as INCEpTION requires; never one already taken."""
    feature = _NOT_IDENTIFIER.sub("_", name) or "attribute"
    if feature[0].isdigit():
        feature = f"a_{feature}"
    while feature in taken:
        feature += "_"
    taken.add(feature)
    return feature


def _range(attribute: Attribute) -> str:
    values = attribute.values
    if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "uima.cas.Integer"
    if values and all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        return "uima.cas.Float"
    return "uima.cas.String"


def _converted(value: AttrValue, range_name: str) -> AttrValue | None:
    if range_name == "uima.cas.String":
        return _xml_safe(str(value))[0]
    if range_name == "uima.cas.Integer":
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _xml_safe(text: str) -> tuple[str, bool]:
    cleaned = _NOT_XML.sub(" ", text)
    return cleaned, cleaned != text


def _file_name(doc_id: str, taken: dict[str, bytes]) -> str:
    stem = _NOT_FILE_NAME.sub("_", doc_id).strip(". ") or "document"
    name, number = f"{stem}.xmi", 1
    while name in taken or name.lower() == TYPE_SYSTEM_NAME.lower():
        number += 1
        name = f"{stem}-{number}.xmi"
    return name


def _save(out: Path, files: dict[str, bytes]) -> None:
    if out.suffix.lower() == ".zip":
        if not out.parent.is_dir():
            raise AnnotatorError(f"{out}: the folder {out.parent} does not exist")
        partial = out.with_name(f".{out.name}.partial")
        try:
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
                for name, data in files.items():
                    archive.writestr(name, data)
            os.replace(partial, out)
        finally:
            partial.unlink(missing_ok=True)
        return
    if out.exists() and not out.is_dir():
        raise AnnotatorError(f"{out}: is a file; XMI export writes a folder (or name a .zip)")
    out.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (out / name).write_bytes(data)
