"""The window's language: the user's choice or the system's, read from ``resources/i18n/*.ts``.

The translations ship as Qt Linguist ``.ts`` files (XML, in git, reviewed as text) and are
read directly by :class:`CatalogueTranslator`, a QTranslator over a dict: no compiled ``.qm``
is generated, cached or bundled, so a fresh checkout, the wheel and the PyInstaller bundle
all load the same files, and there is no stale binary to go out of date. Qt's own strings
(standard buttons, the file dialog) come from the ``qtbase_*.qm`` that Qt ships, when present.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from annotator.model import Status
from annotator.paths import resources_dir

if TYPE_CHECKING:  # PySide's stub says object; it returns the text, marked for lupdate

    def QT_TRANSLATE_NOOP(context: str, text: str) -> str: ...
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP as QT_TRANSLATE_NOOP

#: The language the source strings are written in.
SOURCE_LANGUAGE = "en"
#: The preference meaning "the system's language".
SYSTEM = "system"
_TAG = "annotator-translator"

_STATUS_TEXTS = {
    Status.TODO: QT_TRANSLATE_NOOP("Status", "todo"),
    Status.IN_PROGRESS: QT_TRANSLATE_NOOP("Status", "in progress"),
    Status.DONE: QT_TRANSLATE_NOOP("Status", "done"),
    Status.SKIPPED: QT_TRANSLATE_NOOP("Status", "skipped"),
}


def status_text(status: Status) -> str:
    """A document's status as the window shows it, in the window's language."""
    return QCoreApplication.translate("Status", _STATUS_TEXTS.get(status, status.value))


def catalogue_dir() -> Path:
    return resources_dir() / "i18n"


def catalogue_path(language: str) -> Path:
    return catalogue_dir() / f"annotator_{language}.ts"


def available_languages() -> list[str]:
    """Language codes with a catalogue, the source language first."""
    found = sorted(
        p.stem.removeprefix("annotator_") for p in catalogue_dir().glob("annotator_*.ts")
    )
    return [SOURCE_LANGUAGE] + [code for code in found if code != SOURCE_LANGUAGE]


def language_name(code: str) -> str:
    """A language's own name ("Deutsch"), as its speakers would look for it."""
    if code == SOURCE_LANGUAGE:
        return "English"  # Qt would say "American English" for the source strings
    name = QLocale(code).nativeLanguageName() or code
    return name[:1].upper() + name[1:]


def resolve_language(preference: str, system: QLocale | None = None) -> str:
    """The language to show: the preference, or for "system" the first of the system's
    languages that has a catalogue, else the source language."""
    known = available_languages()
    if preference in known:
        return preference
    for name in (system or QLocale.system()).uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in known:
            return code
    return SOURCE_LANGUAGE


def read_catalogue(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) to translation, finished translations only."""
    # Imported here: the source language (the usual start) reads no catalogue.
    import xml.etree.ElementTree as ET

    found: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or not translation.text:
                continue
            if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            found[(name, source)] = translation.text
    return found


class CatalogueTranslator(QTranslator):
    """A translator over one ``.ts`` catalogue.

    PySide's ``self.tr()`` looks a string up under the class of the object at run time,
    while lupdate files it under the class whose method holds it; a subclass (SpeakersPanel
    of _RegistryPanel) would miss. So a miss in the context falls back to the source text
    alone, when every context translates it the same way.
    """

    def __init__(self, catalogue: dict[tuple[str, str], str], parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName(_TAG)
        self._exact = catalogue
        by_source: dict[str, set[str]] = {}
        for (_, source), text in catalogue.items():
            by_source.setdefault(source, set()).add(text)
        self._by_source = {s: next(iter(t)) for s, t in by_source.items() if len(t) == 1}

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return self._exact.get((context, source)) or self._by_source.get(source, "")

    def isEmpty(self) -> bool:
        return not self._exact


def install_language(preference: str) -> str:
    """Translate the application into ``preference`` (or the system's language); returns
    the code shown. Replaces what an earlier call installed; windows built afterwards show it."""
    app = QCoreApplication.instance()
    if app is None:
        return SOURCE_LANGUAGE
    for old in app.findChildren(QTranslator, _TAG):
        QCoreApplication.removeTranslator(old)
        old.setParent(None)
        old.deleteLater()
    language = resolve_language(preference)
    if language == SOURCE_LANGUAGE:
        return language
    ours = CatalogueTranslator(read_catalogue(catalogue_path(language)), app)
    QCoreApplication.installTranslator(ours)
    qt = QTranslator(app)
    qt.setObjectName(_TAG)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{language}", folder):
        QCoreApplication.installTranslator(qt)
    return language
