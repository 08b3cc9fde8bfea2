"""A type system inferred from a lone UIMA XMI, for a ``.xmi`` handed over without its
``TypeSystem.xml`` (INCEpTION's exports include it; a user may send the XMI alone).

An XMI names each feature structure's type (its element's namespace and name: ``custom:Span``
in ``http:///webanno/custom.ecore`` is ``webanno.custom.Span``) and writes its features as
attributes, but not their ranges. What is inferred, and what that risks:
- a type with ``begin``/``end`` is an annotation, one with only ``sofa`` an ``AnnotationBase``
  (a document-level layer), any other a plain feature structure; DKPro's DocumentMetaData is
  the document annotation it always is;
- a feature whose every value is one id, or several, of feature structures in the file is a
  reference (to their type when they share one), so relations, chains and slots are kept; an
  integer feature whose values all happen to be such ids would be taken for one;
- a feature whose values all are ids of tokens or sentences is a whole number (``confidence="3"``
  where 3 is a sentence's id), unless DKPro names it as a reference (``Governor``, ``pos``...);
- every other attribute is a whole number when all its values are, else a string (a decimal or
  boolean is read as its text); a feature written as child elements is a list of strings.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections import defaultdict
from typing import Any

from annotator.formats.uima_cas import (
    ANNOTATION,
    ANNOTATION_BASE,
    DOCUMENT_METADATA,
    is_infrastructure,
)

XMI_NS = "http://www.omg.org/XMI"
XMI_ID = f"{{{XMI_NS}}}id"
#: UIMA's own namespaces: built-in types, known to every type system.
_BUILT_IN = ("http:///uima/cas.ecore", "http:///uima/tcas.ecore")
_IDS = re.compile(r"^\d+(?: \d+)*$")
_INT = re.compile(r"^-?(?:0|[1-9]\d*)$")
#: the features DKPro and INCEpTION use to point at annotations, segmentation included
_REFERENCES = frozenset(
    {"Governor", "Dependent", "next", "first", "target", "pos", "lemma", "stem", "morph"}
)
_STRING = "uima.cas.String"
_INTEGER = "uima.cas.Integer"
_TOP = "uima.cas.TOP"
_FS_ARRAY = "uima.cas.FSArray"
INFERRED_NOTE = (
    "no TypeSystem.xml beside the XMI: its types were inferred from the XMI itself "
    "(features read as text or whole numbers; one whose values are ids of other annotations "
    "as a reference); INCEpTION's export zip holds the real type system"
)


def _type_name(tag: str) -> str | None:
    """``{http:///webanno/custom.ecore}Span`` -> ``webanno.custom.Span``; None for UIMA's own
    types and for what is not an Ecore namespace."""
    if not tag.startswith("{http:///"):
        return None
    namespace, local = tag[1:].split("}", 1)
    if namespace in _BUILT_IN or not namespace.endswith(".ecore"):
        return None
    package = namespace[len("http:///") : -len(".ecore")].replace("/", ".")
    return f"{package}.{local}"


def _built_in_name(tag: str) -> str | None:
    """``{http:///uima/cas.ecore}FSArray`` -> ``uima.cas.FSArray`` (what a reference may hit)."""
    for namespace in _BUILT_IN:
        if tag.startswith(f"{{{namespace}}}"):
            package = namespace[len("http:///") : -len(".ecore")].replace("/", ".")
            return f"{package}.{tag.split('}', 1)[1]}"
    return None


def _supertype(name: str, attributes: set[str]) -> str:
    if name == DOCUMENT_METADATA:
        return "uima.tcas.DocumentAnnotation"
    if {"begin", "end"} <= attributes:
        return ANNOTATION
    return ANNOTATION_BASE if "sofa" in attributes else _TOP


def infer_typesystem(module: Any, data: bytes) -> Any:
    """The cassis type system an XMI's own elements imply (see the module's docstring)."""
    root = ElementTree.fromstring(data)
    found = _Found()
    for element in root:
        found.add(element)
    typesystem = module.TypeSystem()
    for name, elements in found.elements.items():
        attributes = {a for e in elements for a in e.attrib}
        typesystem.create_type(name, supertypeName=_supertype(name, attributes))
    for name, elements in found.elements.items():
        inherited = {f.name for f in typesystem.get_type(name).all_features}
        values: dict[str, list[str]] = defaultdict(list)
        children: set[str] = set()
        for element in elements:
            for attribute, value in element.attrib.items():
                if attribute != XMI_ID and attribute not in inherited:
                    values[attribute].append(value)
            children.update(child.tag.rsplit("}", 1)[-1] for child in element)
        for feature, written in values.items():
            found.add_feature(typesystem, name, feature, written)
        for child in sorted(children - set(values) - inherited):
            # strings may hold spaces, so an inline string array is written as child elements
            typesystem.create_feature(name, child, "uima.cas.StringArray", elementType=_STRING)
    return typesystem


class _Found:
    """The XMI's feature structures: each id's type, each inferred type's elements, and the
    element types of its separately written FSArrays."""

    def __init__(self) -> None:
        self.types_of: dict[str, str] = {}
        self.elements: dict[str, list[ElementTree.Element]] = defaultdict(list)
        self.array_items: dict[str, list[str]] = {}

    def add(self, element: ElementTree.Element) -> None:
        name = _type_name(element.tag)
        known = name or _built_in_name(element.tag)
        key = element.attrib.get(XMI_ID)
        # the null reference and the text itself are never what a feature points at
        if known not in (None, "uima.cas.NULL", "uima.cas.Sofa") and key is not None:
            self.types_of[key] = str(known)
            if known == _FS_ARRAY:
                self.array_items[key] = element.attrib.get("elements", "").split()
        if name is not None:
            self.elements[name].append(element)

    def common_type(self, ids: list[str]) -> str:
        types = {self.types_of[i] for i in ids}
        return types.pop() if len(types) == 1 else _TOP

    def add_feature(self, typesystem: Any, name: str, feature: str, written: list[str]) -> None:
        ids = [i for value in written for i in value.split()]
        if not all(_IDS.match(v) for v in written) or not all(i in self.types_of for i in ids):
            kind = _INTEGER if all(_INT.match(v) for v in written) else _STRING
            typesystem.create_feature(name, feature, kind)
            return
        target = self.common_type(ids)
        if target == _FS_ARRAY:
            # a separately written array, which UIMA allows only for a shared one
            items = [i for array in ids for i in self.array_items[array] if i in self.types_of]
            element_type = self.common_type(items) if items else _TOP
            typesystem.create_feature(
                name, feature, _FS_ARRAY, elementType=element_type, multipleReferencesAllowed=True
            )
        elif feature not in _REFERENCES and is_infrastructure(target):
            # an integer that happens to be the id of a token or sentence (confidence="3"):
            # only DKPro's own reference features point at segmentation
            typesystem.create_feature(name, feature, _INTEGER)
        elif any(" " in value for value in written):
            # several ids in the attribute: an FSArray written inline (not shared)
            typesystem.create_feature(name, feature, _FS_ARRAY, elementType=target)
        else:
            typesystem.create_feature(name, feature, target)
