"""What a UIMA CAS (INCEpTION, DKPro) holds, as our text, spans, relations and document attributes.

Shared by the XMI and the UIMA JSON readers once dkpro-cassis has loaded the CAS (cassis has
already turned the CAS's UTF-16 offsets into code points). The mapping, INCEpTION's layers read
the way INCEpTION shows them:

- every annotation type that is not segmentation or metadata (Token, Sentence, DocumentMetaData,
  tag sets, XML and PDF structure...) is a span layer; a span's label is its label feature
  (``label``, ``value``, DKPro's ``PosValue``...) or, when that is empty, the type's short name;
  its other primitive features become attributes;
- types with ``Governor`` and ``Dependent`` are relation layers (head = governor); an end that
  is a Token (DKPro's Dependency, a custom layer attached to tokens) is the token's POS tag when
  that is imported (INCEpTION attaches dependencies to it; its TSV names the POS), else the
  token itself as a ``Token`` span, as the WebAnno TSV reader gives it;
- chain layers (``next``) become one span per link and a relation from each link to the next;
- link (slot) features become relations from the host span to each target, labelled by role;
- features pointing at another annotation become relations labelled by the feature's name;
- document-level layers (``AnnotationBase`` types) become document attributes.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from annotator.errors import InputError
from annotator.formats.inception_export import Collected, Member
from annotator.formats.raw_layer import textless
from annotator.formats.summary import TransferSummary
from annotator.model import AttrValue, Relation, RelationId, Span, SpanId
from annotator.model.ids import AnnotatorName, DocumentId

ANNOTATION = "uima.tcas.Annotation"
ANNOTATION_BASE = "uima.cas.AnnotationBase"
DOCUMENT_ANNOTATION = "uima.tcas.DocumentAnnotation"
DOCUMENT_METADATA = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData"
CAS_METADATA = "de.tudarmstadt.ukp.clarin.webanno.api.type.CASMetadata"
INITIAL_VIEW = "_InitialView"
TOKEN = "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token"

#: Segmentation and metadata: what the document is cut into, not what anyone annotated.
_NOT_ANNOTATIONS = frozenset(
    {
        TOKEN,
        "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence",
        "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Paragraph",
        "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Document",
        "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Heading",
        "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Div",
    }
)
_NOT_ANNOTATION_PACKAGES = (
    "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.",
    "de.tudarmstadt.ukp.dkpro.core.api.structure.type.",
    "de.tudarmstadt.ukp.dkpro.core.api.pdf.type.",
    "de.tudarmstadt.ukp.clarin.webanno.api.type.",
    "org.dkpro.core.api.xml.type.",
    "org.dkpro.core.api.pdf.type.",
    "uima.",
)
#: The feature that names the tag, for DKPro's built-in layers (looked up along supertypes).
_LABEL_FEATURES = {
    "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity": "value",
    "de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS": "PosValue",
    "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Lemma": "value",
    "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Stem": "value",
    "de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.morph.MorphologicalFeatures": "value",
    "de.tudarmstadt.ukp.dkpro.core.api.syntax.type.chunk.Chunk": "chunkValue",
    "de.tudarmstadt.ukp.dkpro.core.api.syntax.type.constituent.Constituent": "constituentType",
    "de.tudarmstadt.ukp.dkpro.core.api.syntax.type.dependency.Dependency": "DependencyType",
    "de.tudarmstadt.ukp.dkpro.core.api.semantics.type.SemPred": "category",
    "de.tudarmstadt.ukp.dkpro.core.api.coref.type.CoreferenceLink": "referenceType",
}
#: Otherwise these names, as INCEpTION's own layers and most custom ones use them.
_GENERIC_LABEL_FEATURES = ("label", "value")
_CHAIN_LABEL = "referenceType"
_CHAIN_RELATION = "referenceRelation"
_POSITION = frozenset({"begin", "end", "sofa"})


@dataclass(slots=True)
class CasMetadata:
    """What the CAS says about the document and whose work it is."""

    title: str = ""
    document_id: str = ""
    uri: str = ""
    base_uri: str = ""
    collection: str = ""
    #: INCEpTION's internal CASMetadata, present in files taken from its repository.
    username: str = ""
    source_name: str = ""


@dataclass(slots=True)
class CasContent:
    """One CAS read: spans and relations carry local ids 1..n and an empty document/annotator."""

    text: str
    metadata: CasMetadata
    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    doc_attrs: dict[str, AttrValue] = field(default_factory=dict)
    #: Annotations the file has at all (besides segmentation and metadata).
    annotations: int = 0


@contextmanager
def loading(origin: str, what: str) -> Iterator[list[str]]:
    """Run a cassis loader: its errors become one InputError, its warnings a list to count.

    cassis warns (and keeps the unconverted number) when a UTF-16 offset falls inside a
    character or outside the text; that is a broken file, so it becomes an error here.
    """
    skipped: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield skipped
        except InputError:
            raise
        except Exception as exc:  # cassis and lxml raise many kinds on a malformed file
            message = str(exc).strip() or type(exc).__name__
            raise InputError(
                origin, f"is not {what} that dkpro-cassis can read ({message})"
            ) from None
    for warning in caught:
        message = str(warning.message)
        if "offset [" in message:
            number = message.split("[", 1)[1].split("]", 1)[0]
            raise InputError(
                origin, f"the UTF-16 offset {number} falls inside a character or outside the text"
            )
        skipped.append(message)


class _Reader:
    def __init__(self, origin: str, cas: Any, summary: TransferSummary | None) -> None:
        self.origin = origin
        self.cas = cas
        self.ts = cas.typesystem
        self.summary = summary
        self.kinds: dict[str, str] = {}
        self.labels: dict[str, str | None] = {}

    def lose(self, reason: str, count: int = 1) -> None:
        if self.summary is not None:
            self.summary.lose(reason, count)

    def fail(self, problem: str) -> InputError:
        return InputError(self.origin, problem)

    # -- types -------------------------------------------------------------------------------

    def is_a(self, type_name: str, ancestor: str) -> bool:
        try:
            return bool(self.ts.is_instance_of(type_name, ancestor))
        except Exception:  # cassis raises several kinds for a name it does not know
            return False

    def kind(self, type_: Any) -> str:
        """span, relation, chain, document, skip or other, decided once per type."""
        name = type_.name
        if name not in self.kinds:
            features = {f.name: f for f in type_.all_features}
            if self.is_a(name, ANNOTATION):
                if self.is_a(name, DOCUMENT_ANNOTATION) or is_infrastructure(name):
                    kind = "skip"
                elif "Governor" in features and "Dependent" in features:
                    kind = "relation"
                elif "next" in features and features["next"].rangeType.name == name:
                    kind = "chain"
                else:
                    kind = "span"
            elif self.is_a(name, ANNOTATION_BASE) and not is_infrastructure(name):
                kind = "skip" if "first" in features else "document"
            else:
                kind = "other"
            self.kinds[name] = kind
        return self.kinds[name]

    def label_feature(self, type_: Any) -> str | None:
        if type_.name not in self.labels:
            names = {f.name for f in type_.all_features}
            found: str | None = None
            ancestor = type_
            while ancestor is not None and found is None:
                candidate = _LABEL_FEATURES.get(ancestor.name)
                if candidate in names:
                    found = candidate
                ancestor = getattr(ancestor, "supertype", None)
            if found is None:
                found = next((n for n in _GENERIC_LABEL_FEATURES if n in names), None)
            self.labels[type_.name] = found
        return self.labels[type_.name]

    # -- values ------------------------------------------------------------------------------

    def value(self, fs: Any, feature: Any) -> Any:
        name = feature.name + ("_" if getattr(feature, "_has_reserved_name", False) else "")
        return getattr(fs, name, None)

    def primitive(self, feature: Any, value: Any) -> AttrValue | None:
        """A feature value as an attribute value; None when unset or not primitive."""
        if value is None:
            return None
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, float) and not math.isfinite(value):
            # UIMA allows NaN and ±Infinity; a stored attribute (JSON) cannot hold them
            self.lose(f"feature {feature.name}: NaN or infinite value")
            return None
        if isinstance(value, str | int | float):
            return value if value != "" else None
        elements = getattr(value, "elements", value)
        if isinstance(elements, list) and all(isinstance(e, str | int | float) for e in elements):
            if not elements:
                return None
            if len(elements) > 1:
                self.lose(f"multi-value feature {feature.name}: values joined with ', '")
            return ", ".join(str(e) for e in elements)
        return None

    def attrs(self, fs: Any, skip: set[str]) -> dict[str, AttrValue]:
        out: dict[str, AttrValue] = {}
        for feature in fs.type.all_features:
            if feature.name in _POSITION or feature.name in skip:
                continue
            value = self.primitive(feature, self.value(fs, feature))
            if value is not None:
                out[feature.name] = value
        return out

    # -- the CAS ---------------------------------------------------------------------------------

    def read(self) -> CasContent:
        view = self.cas.get_view(INITIAL_VIEW)
        text = view.sofa_string
        if not isinstance(text, str) or textless(text):
            # a CAS without text (cassis' emptyCas has no sofaString at all): nothing its
            # annotations could cover; the collection skips and counts it
            return CasContent("", self.metadata(view))
        content = CasContent(text, self.metadata(view))
        for other in self.cas.views:
            # cas.views holds cassis' index objects; the view itself comes from get_view
            name = other.sofa.sofaID
            if name != INITIAL_VIEW:
                found = _all(self.cas.get_view(name))
                extra = sum(1 for fs in found if self.kind(fs.type) not in ("skip", "other"))
                if extra:
                    self.lose("annotations in CAS views other than _InitialView", extra)
        spans: dict[int, Span] = {}
        later: list[Any] = []
        for fs in sorted(_all(view), key=_position):
            kind = self.kind(fs.type)
            if kind in ("span", "chain"):
                content.annotations += 1
                span = self.span(fs, kind, len(spans) + 1, text)
                if span is not None:
                    spans[fs.xmiID] = span
                later.append(fs)
            elif kind == "relation":
                content.annotations += 1
                later.append(fs)
            elif kind == "document":
                content.annotations += 1
                self.document_attrs(fs, content.doc_attrs)
        for fs in later:
            self.links(fs, spans, content.relations)
        content.spans = list(spans.values())  # with the tokens relations joined
        return content

    def metadata(self, view: Any) -> CasMetadata:
        meta = CasMetadata()
        for fs in _all(view):
            name = fs.type.name
            if self.is_a(name, DOCUMENT_METADATA):
                meta.title = _text(getattr(fs, "documentTitle", None))
                meta.document_id = _text(getattr(fs, "documentId", None))
                meta.uri = _text(getattr(fs, "documentUri", None))
                meta.base_uri = _text(getattr(fs, "documentBaseUri", None))
                meta.collection = _text(getattr(fs, "collectionId", None))
            elif name == CAS_METADATA:
                meta.username = _text(getattr(fs, "username", None))
                meta.source_name = _text(getattr(fs, "sourceDocumentName", None))
        return meta

    def span(self, fs: Any, kind: str, number: int, text: str) -> Span | None:
        begin, end = fs.begin, fs.end
        short = fs.type.short_name
        if not isinstance(begin, int) or not isinstance(end, int):
            raise self.fail(f"{short} annotation {fs.xmiID} has no begin or end")
        if not 0 <= begin <= end <= len(text):
            raise self.fail(
                f"{short} annotation {fs.xmiID} at [{begin}, {end}) lies outside the text "
                f"of {len(text)} characters"
            )
        if begin == end:
            self.lose(f"zero-width {short} annotation (nothing to mark)")
            return None
        if kind == "chain":
            label_name: str | None = _CHAIN_LABEL
            skip = {"next", _CHAIN_LABEL, _CHAIN_RELATION}
            fallback = _chain_name(short)
        else:
            label_name = self.label_feature(fs.type)
            skip = {label_name} if label_name else set()
            fallback = short
        label = getattr(fs, label_name, None) if label_name else None
        label = label if isinstance(label, str) and label else fallback
        return Span(
            SpanId(number),
            DocumentId(""),
            AnnotatorName(""),
            begin,
            end,
            label,
            self.attrs(fs, skip),
            str(fs.xmiID),
        )

    def document_attrs(self, fs: Any, doc_attrs: dict[str, AttrValue]) -> None:
        for name, value in self.attrs(fs, set()).items():
            if name in doc_attrs and doc_attrs[name] != value:
                self.lose(f"document feature {name} given twice: the first kept")
                continue
            doc_attrs[name] = value

    def end(self, fs: Any, spans: dict[int, Span]) -> Span | None:
        """The span a relation end or link target is; a Token becomes its POS tag or itself."""
        found = spans.get(getattr(fs, "xmiID", -1))
        if found is not None or fs is None or not self.is_a(fs.type.name, TOKEN):
            return found
        pos = spans.get(getattr(getattr(fs, "pos", None), "xmiID", -1))
        if pos is not None:
            return pos
        if fs.begin == fs.end:
            return None
        token = Span(
            SpanId(len(spans) + 1),
            DocumentId(""),
            AnnotatorName(""),
            fs.begin,
            fs.end,
            "Token",
            {},
            str(fs.xmiID),
        )
        spans[fs.xmiID] = token
        return token

    def links(self, fs: Any, spans: dict[int, Span], relations: list[Relation]) -> None:
        """The relations an annotation makes: its own (relation layers) or through features."""

        def add(label: str, head: Any, child: Any) -> None:
            made = len(spans)
            head_span = self.end(head, spans)
            child_span = self.end(child, spans)
            if head_span is None or child_span is None:
                # A Token span made for the one end stands for nothing without the relation.
                for key in list(spans)[made:]:
                    del spans[key]
                missing = child if head_span is not None else head
                what = getattr(getattr(missing, "type", None), "short_name", "nothing")
                self.lose(f"{label} relation to a {what} annotation, which is not imported")
                return
            relations.append(
                Relation(RelationId(len(relations) + 1), label, head_span.id, child_span.id)
            )

        kind = self.kind(fs.type)
        if kind == "relation":
            label_name = self.label_feature(fs.type)
            label = getattr(fs, label_name, None) if label_name else None
            label = label if isinstance(label, str) and label else fs.type.short_name
            for name in self.attrs(fs, {"Governor", "Dependent", label_name or ""}):
                self.lose(f"relation feature {name} (relations carry no attributes)")
            add(label, fs.Governor, fs.Dependent)
            return
        if kind == "chain" and fs.next is not None:
            relation = getattr(fs, _CHAIN_RELATION, None)
            label = relation if isinstance(relation, str) and relation else None
            add(label or _chain_name(fs.type.short_name), fs, fs.next)
        for feature in fs.type.all_features:
            if feature.name in _POSITION or feature.name in ("next", "Governor", "Dependent"):
                continue
            value = self.value(fs, feature)
            if value is None or isinstance(value, str | int | float | bool):
                continue
            elements = getattr(value, "elements", None)
            if isinstance(elements, list):
                for element in elements:
                    if element is None or not hasattr(element, "type"):
                        continue
                    if self.is_a(element.type.name, ANNOTATION):
                        add(feature.name, fs, element)
                        continue
                    role = getattr(element, "role", None)
                    if not hasattr(element, "target"):
                        continue
                    if element.target is None:
                        self.lose(f"{feature.name} link without a target")
                        continue
                    add(
                        role if isinstance(role, str) and role else feature.name, fs, element.target
                    )
            elif hasattr(value, "type") and self.is_a(value.type.name, ANNOTATION):
                add(feature.name, fs, value)


def read_cas(origin: str, cas: Any, summary: TransferSummary | None) -> CasContent:
    """The document text, spans, relations and document attributes of ``cas``'s initial view."""
    try:
        return _Reader(origin, cas, summary).read()
    except InputError:
        raise
    except Exception as exc:  # a CAS cassis accepted but whose content is inconsistent
        raise InputError(
            origin, f"is not a usable UIMA CAS ({type(exc).__name__}: {exc})"
        ) from None


def _all(view: Any) -> list[Any]:
    """Every indexed feature structure of a view (older cassis has only ``select_all``)."""
    select = getattr(view, "select_all_fs", None) or view.select_all
    return list(select())


def is_infrastructure(name: str) -> bool:
    return name in _NOT_ANNOTATIONS or name.startswith(_NOT_ANNOTATION_PACKAGES)


def _chain_name(short: str) -> str:
    """``CoreferenceLink`` -> ``Coreference``: INCEpTION names chain layers so."""
    return short[: -len("Link")] if short.endswith("Link") and len(short) > 4 else short


def _position(fs: Any) -> tuple[int, int, int]:
    begin = getattr(fs, "begin", None)
    end = getattr(fs, "end", None)
    return (
        begin if isinstance(begin, int) else -1,
        end if isinstance(end, int) else -1,
        fs.xmiID if isinstance(fs.xmiID, int) else -1,
    )


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def document_and_annotator(
    document: str, annotator: str, stem: str, meta: CasMetadata
) -> tuple[str, str]:
    """The document name and annotator of a CAS, from its place in the export and its metadata.

    ``document`` and ``annotator`` come from the export layout (may be ""), ``stem`` is the
    file's name without extension. INCEpTION puts the document's name in ``documentTitle`` and
    the annotator ("data owner") in ``documentId``, and names the file after ``documentId``;
    DKPro pipelines put the document's own id in ``documentId``.
    """
    owner = meta.document_id
    from_inception = bool(
        owner
        and meta.title
        and owner != meta.title
        and owner != PurePosixPath(meta.title).stem
        and (owner == stem or (meta.base_uri and meta.uri == f"{meta.base_uri}/{meta.title}"))
    )
    who = annotator or meta.username or (owner if from_inception else "")
    name = document or meta.title or meta.source_name or ("" if from_inception else owner) or stem
    return name, who


def add_cas(collected: Collected, member: Member, content: CasContent) -> None:
    """Add one CAS file's content under the document and annotator it belongs to."""
    name, who = document_and_annotator(
        member.document, member.annotator, member.stem, content.metadata
    )
    collected.add(
        member.origin,
        name or member.stem,
        who,
        content.text,
        content.spans,
        content.relations,
        content.doc_attrs,
        annotated=content.annotations > 0,
    )
