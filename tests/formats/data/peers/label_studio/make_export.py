"""How full_export.json was made (not a test): a Label Studio JSON export of two tasks."""

import json
from pathlib import Path

T1 = 'Peskov said: "We welcome the talks." Critics disagreed.'
T2 = "Nobody said anything 😀 here, said Anna."


def region(rid, s, e, text, label, extra=()):
    out = [
        {
            "id": rid,
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
            "origin": "manual",
            "value": {"start": s, "end": e, "text": text[s:e], "labels": [label]},
        }
    ]
    return out


def per(rid, s, e, text, name, kind, payload):
    return {
        "id": rid,
        "from_name": name,
        "to_name": "text",
        "type": kind,
        "origin": "manual",
        "value": {"start": s, "end": e, "text": text[s:e], **payload},
    }


q = T1.index('"We')
qe = T1.index('."') + 2
r1 = (
    region("q1", q, qe, T1, "QUOTE")
    + region("s1", 0, 6, T1, "SPEAKER")
    + region("c1", 7, 11, T1, "CUE")
    + [
        per("q1", q, qe, T1, "stance", "choices", {"choices": ["favor"]}),
        per("q1", q, qe, T1, "note", "textarea", {"text": ["welcoming"]}),
        {
            "from_id": "q1",
            "to_id": "s1",
            "type": "relation",
            "direction": "right",
            "labels": ["attributed_to"],
        },
        {
            "id": "doc1",
            "from_name": "relevant",
            "to_name": "text",
            "type": "choices",
            "value": {"choices": ["yes"]},
        },
    ]
)
r2 = (
    region("q2", q, qe, T1, "QUOTE")
    + region("s2", 0, 6, T1, "SPEAKER")
    + [
        {
            "from_id": "s2",
            "to_id": "q2",
            "type": "relation",
            "direction": "left",
            "labels": ["attributed_to"],
        }
    ]
)
a = T2.index("Anna")
r3 = region("x1", a, a + 4, T2, "SPEAKER") + region("x2", 0, T2.index(","), T2, "QUOTE")
tasks = [
    {
        "id": 11,
        "data": {"article": T1, "source": "wire"},
        "meta": {},
        "annotations": [
            {
                "id": 1,
                "completed_by": {"id": 1, "email": "anna@example.org"},
                "result": r1,
                "was_cancelled": False,
                "ground_truth": False,
                "created_at": "2026-11-01T10:00:00Z",
                "updated_at": "2026-11-01T10:00:00Z",
                "lead_time": 12.5,
            },
            {
                "id": 2,
                "completed_by": {"id": 2, "email": "ben@example.org"},
                "result": r2,
                "was_cancelled": False,
                "ground_truth": False,
                "created_at": "2026-11-01T11:00:00Z",
                "updated_at": "2026-11-01T11:00:00Z",
                "lead_time": 7.0,
            },
            {
                "id": 3,
                "completed_by": {"id": 3, "email": "cy@example.org"},
                "result": [],
                "was_cancelled": True,
                "ground_truth": False,
                "created_at": "2026-11-01T12:00:00Z",
                "updated_at": "2026-11-01T12:00:00Z",
                "lead_time": 1.0,
            },
        ],
        "drafts": [{"id": 9, "user": "cy@example.org", "result": r2}],
        "predictions": [
            {
                "id": 5,
                "model_version": "rules-1",
                "score": 0.5,
                "result": region("p1", 0, 6, T1, "SPEAKER"),
            }
        ],
    },
    {
        "id": 12,
        "data": {"article": T2, "source": "blog"},
        "meta": {},
        "annotations": [
            {
                "id": 4,
                "completed_by": {"id": 1, "email": "anna@example.org"},
                "result": r3,
                "was_cancelled": False,
                "ground_truth": True,
                "created_at": "2026-11-02T10:00:00Z",
                "updated_at": "2026-11-02T10:00:00Z",
                "lead_time": 3.0,
            }
        ],
        "drafts": [],
        "predictions": [],
    },
]
Path("full_export.json").write_text(json.dumps(tasks, indent=2, ensure_ascii=False))
