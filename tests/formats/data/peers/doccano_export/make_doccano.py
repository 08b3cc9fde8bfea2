"""How the doccano_export/ files were made (not a test): doccano 1.8.4's own export pipeline
(backend/data_export/pipeline: factories' formatters per project type, Dataset, the writers,
ExportApplicationService, and the zip layout of celery_tasks), unpacked from its PyPI wheel,
run with stand-ins for the Django models it reads (the same to_dict/to_tuple/to_string)."""

import shutil
import sys
import types
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "backend"))  # the wheel's backend/, unpacked beside this file


def stub(name, **names):
    module = types.ModuleType(name)
    module.__dict__.update(names)
    sys.modules[name] = module
    return module


for package in ("django", "django.db", "projects"):
    stub(package)
stub("django.db.models", QuerySet=list)
stub("django.db.models.query", QuerySet=list)
stub(
    "data_export.models",
    DATA="data",
    **{
        n: object
        for n in [
            "ExportedExample",
            "ExportedBoundingBox",
            "ExportedCategory",
            "ExportedLabel",
            "ExportedRelation",
            "ExportedSegmentation",
            "ExportedSpan",
            "ExportedText",
            "ExportedComment",
        ]
    },
)


class ProjectType:
    DOCUMENT_CLASSIFICATION = "DocumentClassification"
    SEQUENCE_LABELING = "SequenceLabeling"
    SEQ2SEQ = "Seq2seq"
    IMAGE_CLASSIFICATION = "ImageClassification"
    SPEECH2TEXT = "Speech2text"
    INTENT_DETECTION_AND_SLOT_FILLING = "IntentDetectionAndSlotFilling"
    BOUNDING_BOX = "BoundingBox"
    SEGMENTATION = "Segmentation"
    IMAGE_CAPTIONING = "ImageCaptioning"


stub("projects.models", Project=object, ProjectType=ProjectType)
from data_export.pipeline.dataset import Dataset  # noqa: E402
from data_export.pipeline.factories import create_formatter, create_writer  # noqa: E402
from data_export.pipeline.services import ExportApplicationService  # noqa: E402


class Example:  # data_export.models.ExportedExample.to_dict
    def __init__(self, id, text, meta):
        self.id, self.text, self.meta = id, text, meta

    def to_dict(self, is_text_project=True):
        return {"id": self.id, "data": self.text, **self.meta}


class Span:  # ExportedSpan
    def __init__(self, id, start, end, label):
        self.id, self.start_offset, self.end_offset, self.label = id, start, end, label

    def to_dict(self):
        return {
            "id": self.id,
            "label": self.label,
            "start_offset": self.start_offset,
            "end_offset": self.end_offset,
        }

    def to_tuple(self):
        return self.start_offset, self.end_offset, self.label


class Relation:  # ExportedRelation
    def __init__(self, id, head, child, kind):
        self.id, self.head, self.child, self.kind = id, head, child, kind

    def to_dict(self):
        return {"id": self.id, "from_id": self.head, "to_id": self.child, "type": self.kind}


class Text:  # ExportedCategory, ExportedComment (to_string; a comment's to_dict too)
    def __init__(self, id, text):
        self.id, self.text = id, text

    def to_string(self):
        return self.text

    def to_dict(self):
        return {"id": self.id, "comment": self.text}


class Labels:  # data_export.pipeline.labels.Labels.find_by
    def __init__(self, column, groups):
        self.column, self.groups = column, defaultdict(list, groups)

    def find_by(self, example_id):
        return {self.column: self.groups[example_id]}


SAID = 'Peskov said: "We welcome the talks." Critics disagreed 😀 (news/2026).'
QUIET = "Nobody spoke."
EXAMPLES = [Example(1, SAID, {"source": "wire"}), Example(2, QUIET, {"source": "blog"})]
quote = (SAID.index('"We'), SAID.index('."') + 2)


def project(kind, relation=False):
    return types.SimpleNamespace(project_type=kind, use_relation=relation)


def export(path, kind, labels, comments, file_format="JSONL", relation=False):
    p = project(kind, relation)
    service = ExportApplicationService(
        Dataset(EXAMPLES, labels, [comments]),
        create_formatter(p, file_format),
        create_writer(file_format),
    )
    service.export(str(path))


def zipped(name, files):
    folder = HERE / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for user, write in files.items():
        write(folder / user)
    shutil.make_archive(str(folder), "zip", folder)
    shutil.rmtree(folder)


anna_spans = {1: [Span(11, *quote, "QUOTE"), Span(12, 0, 6, "SPEAKER"), Span(13, 7, 11, "CUE")]}
bob_spans = {1: [Span(21, *quote, "QUOTE")]}
anna_relations = {1: [Relation(31, 11, 12, "attributed_to"), Relation(32, 11, 13, "cued_by")]}
anna_comments = {1: [Text(41, "check the speaker")]}
SL = ProjectType.SEQUENCE_LABELING
# sequence labelling with relations, one file per member
zipped(
    "relations",
    {
        "anna.jsonl": lambda p: export(
            p,
            SL,
            [Labels("entities", anna_spans), Labels("relations", anna_relations)],
            Labels("Comments", anna_comments),
            relation=True,
        ),
        "bob.jsonl": lambda p: export(
            p,
            SL,
            [Labels("entities", bob_spans), Labels("relations", {})],
            Labels("Comments", {}),
            relation=True,
        ),
    },
)
# sequence labelling, collaborative: all.jsonl
merged = {1: anna_spans[1] + [Span(22, 13, 20, "QUOTE")]}
zipped(
    "spans_collaborative",
    {
        "all.jsonl": lambda p: export(p, SL, [Labels("entities", merged)], Labels("Comments", {})),
    },
)
# text classification in each of its file formats, one member
cats = {1: [Text(51, "politics"), Text(52, "diplomacy")], 2: [Text(53, "other")]}
DC = ProjectType.DOCUMENT_CLASSIFICATION
for fmt, ext in (("JSONL", "jsonl"), ("JSON", "json"), ("CSV", "csv")):
    zipped(
        f"categories_{ext}",
        {
            f"anna.{ext}": lambda p, fmt=fmt: export(
                p, DC, [Labels("categories", cats)], Labels("Comments", anna_comments), fmt
            ),
        },
    )
# intent detection and slot filling: cats and tupled entities
zipped(
    "intent",
    {
        "anna.jsonl": lambda p: export(
            p,
            ProjectType.INTENT_DETECTION_AND_SLOT_FILLING,
            [Labels("categories", cats), Labels("entities", anna_spans)],
            Labels("Comments", {}),
        ),
    },
)
