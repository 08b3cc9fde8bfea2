"""UIMA CAS JSON (INCEpTION's "UIMA CAS JSON" export, Apache UIMA's JSON CAS), read with cassis.

The file usually carries its own type system (``%TYPES``); a ``TypeSystem.xml`` beside it is
used too when present. Offsets are UTF-16 code units, which cassis turns into code points.
Files, zips (INCEpTION's project export) and folders are read as for XMI.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from annotator.errors import InputError
from annotator.formats.inception_export import Collected, Item, Member, file_head, members
from annotator.formats.summary import TransferSummary
from annotator.formats.uima_cas import add_cas, loading, read_cas
from annotator.formats.xmi import TYPE_SYSTEM_NAME, cassis

_TYPES = "%TYPES"
_FEATURE_STRUCTURES = "%FEATURE_STRUCTURES"


def looks_like_uima_json(path: Path) -> bool:
    """Format detection from content: a JSON object with UIMA's reserved ``%`` keys."""
    head = file_head(path).lstrip()
    return head.startswith(b"{") and (b'"%TYPES"' in head or b'"%FEATURE_STRUCTURES"' in head)


def read_uima_json(path: Path, summary: TransferSummary | None = None) -> list[Item]:
    """Every document and annotation set in ``path`` (a .json, a zip or a folder), raw."""
    module = cassis()
    collected = Collected(summary)
    found = False
    for member in members(path, (".json",), (".xml",), summary):
        data = _parse(member)
        if data is None:
            continue  # some other JSON of a folder or project export (exportedproject.json)
        found = True
        typesystem = _typesystem(member, module)
        if typesystem is None and not isinstance(data.get(_TYPES), dict):
            raise InputError(
                member.origin,
                'has no type system: neither "%TYPES" in the file nor a TypeSystem.xml beside it',
            )
        with loading(member.origin, "UIMA CAS JSON") as skipped:
            cas = module.load_cas_from_json(
                io.StringIO(member.data.decode("utf-8")),
                typesystem=typesystem,
                lenient=True,
                merge_typesystem=isinstance(data.get(_TYPES), dict),
            )
        if skipped and summary is not None:
            summary.lose("annotations of types the type system does not define", len(skipped))
        add_cas(collected, member, read_cas(member.origin, cas, summary))
    if not found:
        raise InputError(path, "holds no UIMA CAS JSON file (one with %FEATURE_STRUCTURES)")
    return collected.items()


def _parse(member: Member) -> dict[str, Any] | None:
    """The JSON object when it is a CAS; None for other JSON. Bad JSON is an error."""
    try:
        data = json.loads(member.data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(member.origin, f"is not valid UTF-8 ({exc.reason})") from None
    except json.JSONDecodeError as exc:
        raise InputError(member.origin, f"is not valid JSON ({exc.msg})", exc.lineno) from None
    # an empty CAS (dkpro-cassis' emptyCas) has views but no feature structures
    if not isinstance(data, dict) or not (_FEATURE_STRUCTURES in data or "%VIEWS" in data):
        return None
    return data


def _typesystem(member: Member, module: Any) -> Any:
    for name, data in sorted(member.beside.items(), key=lambda i: i[0] != TYPE_SYSTEM_NAME):
        if b"typeSystemDescription" in data[:4096]:
            with loading(f"{member.origin} ({name})", "a UIMA type system"):
                return module.load_typesystem(io.BytesIO(data))
    return None
