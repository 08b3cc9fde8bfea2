"""spaCy export: a ``.spacy`` DocBin of ``spacy.blank(lang)`` documents with the layer's spans.

What a consumer finds in each ``Doc``:

- ``doc.spans[key]`` (``sc`` by default, what ``spancat`` trains on): every span, labelled,
  SPEAKER spans with the speaker's Wikidata id as ``kb_id`` where the registry has one;
- ``doc.ents``: the spans that overlap no other span; the tokens of overlapping ones are
  marked missing (neither entity nor O), so an NER model is not taught they are nothing;
- ``Span._.<attribute>`` for every span attribute (``stance``, ``target``, ``claim_type``,
  ``quote_type``...), and ``Span._.speaker`` on quotes: the linked speaker's name;
- ``doc.user_data``: ``"document"`` (id), ``"annotator"``, ``"doc_attrs"``,
  ``"relations"`` (``{"label", "head", "child"}`` with indices into ``doc.spans[key]``) and
  ``"span_extensions"``: the names of the ``Span._`` attributes the file uses.

spaCy reads ``Span._`` values from ``doc.user_data`` but only answers for extensions that are
registered in the reading process; register the names the file lists, before or after loading::

    docs = list(DocBin().from_disk("train.spacy").get_docs(spacy.blank("en").vocab))
    for name in {n for doc in docs for n in doc.user_data["span_extensions"]}:
        Span.set_extension(name, default=None, force=True)

Span extension values are keyed by character offsets (spaCy's own design), so two spans on
the same tokens share them; a clash of different values is counted in the summary.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from annotator.errors import AnnotatorError
from annotator.formats.layer import Layer, Output, binary_output
from annotator.formats.summary import TransferSummary
from annotator.model import Speaker
from annotator.model.attribution import quote_speakers
from annotator.model.schema import Schema
from annotator.model.snippet import have, plural

INSTALL = "pip install 'annotator[spacy]'"
DEFAULT_KEY = "sc"
SPEAKER_ATTRIBUTE = "speaker"


def _spacy() -> Any:
    try:
        import spacy
    except ImportError:
        raise AnnotatorError(f"spaCy export needs spaCy: {INSTALL}") from None
    return spacy


def _clusters(spans: list[Any]) -> list[list[Any]]:
    """The spans grouped into runs that overlap one another (by tokens), in text order."""
    out: list[list[Any]] = []
    end = -1
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if out and span.start < end:
            out[-1].append(span)
            end = max(end, span.end)
        else:
            out.append([span])
            end = span.end
    return out


def write_spacy(
    items: Layer,
    schema: Schema,
    out: Output,
    *,
    speakers: Iterable[Speaker] = (),
    lang: str = "en",
    spans_key: str = DEFAULT_KEY,
) -> TransferSummary:
    """Write every document that has a set in the layer as one ``Doc`` of a DocBin.

    The DocBin is one serialised blob, so it is built in memory (compactly: token arrays and
    packed user data per document) and written at the end.
    """
    spacy = _spacy()
    from spacy.tokens import DocBin

    try:
        nlp = spacy.blank(lang)
    except (ImportError, KeyError, ValueError):
        raise AnnotatorError(f'spaCy has no language "{lang}" (try "en" or "xx")') from None
    kb_ids = {s.name: s.wikidata for s in speakers if s.wikidata}
    docbin = DocBin(store_user_data=True)
    summary = TransferSummary()
    overlapping = 0
    skipped = 0
    for document, annotation in items:
        if annotation is None:
            skipped += 1
            continue
        summary.documents += 1
        doc = nlp.make_doc(document.text)
        data = doc.user_data
        names = quote_speakers(annotation)
        placed: list[Any] = []
        index_of: dict[int, int] = {}
        for span in annotation.spans:
            attrs = span.attrs
            speaker = attrs.get(SPEAKER_ATTRIBUTE)
            kb_id = kb_ids.get(str(speaker), "") if speaker is not None else ""
            found = doc.char_span(
                span.start, span.end, label=span.label, kb_id=kb_id, alignment_mode="expand"
            )
            if found is None:
                summary.lose("span covers no token (only spaces): left out")
                continue
            start, end = found.start_char, found.end_char
            if start != span.start or end != span.end:
                summary.lose("span not on token boundaries: expanded to tokens")
            index_of[span.id] = len(placed)
            placed.append(found)
            values = attrs if span.id not in names else {**attrs, SPEAKER_ATTRIBUTE: names[span.id]}
            for name, value in values.items():
                key = ("._.", name, start, end)
                if data.get(key, value) != value:
                    summary.lose(
                        f"attribute {name}: another span on the same tokens holds a different "
                        "value (Span._ is keyed by offsets)"
                    )
                    continue
                data[key] = value
        summary.spans += len(placed)
        doc.spans[spans_key] = placed
        ents: list[Any] = []
        missing: list[Any] = []
        for cluster in _clusters(placed):
            if len(cluster) == 1:
                ents.append(cluster[0])
            else:
                overlapping += len(cluster)
                missing.append(doc[cluster[0].start : max(s.end for s in cluster)])
        doc.set_ents(ents, missing=missing, default="outside")
        relations: list[dict[str, Any]] = []
        for relation in annotation.relations:
            head, child = index_of.get(relation.head), index_of.get(relation.child)
            if head is None or child is None:
                summary.lose(f"relation {relation.label}: one of its spans was left out")
                continue
            relations.append({"label": relation.label, "head": head, "child": child})
        summary.relations += len(relations)
        data["document"] = document.id
        data["annotator"] = annotation.annotator
        data["doc_attrs"] = dict(annotation.doc_attrs)
        data["relations"] = relations
        data["span_extensions"] = sorted({key[1] for key in data if isinstance(key, tuple)})
        docbin.add(doc)
    if overlapping:
        summary.note(
            f"{overlapping} overlapping spans are in doc.spans[{spans_key!r}] only, not doc.ents"
        )
    if skipped:
        summary.note(
            f"{plural(skipped, 'document')} {have(skipped)} no set in this layer: left out"
        )
    with binary_output(out) as stream:
        stream.write(docbin.to_bytes())
    return summary
