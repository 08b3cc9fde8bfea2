"""``Project.lent``: a job writes on the project's one writer connection, lent to it, while the
project reads the last commit through a read-only connection and writes nothing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from annotator.errors import ReadOnlyStorageError
from annotator.model import Document, DocumentId
from annotator.store import Project


def document(name: str) -> Document:
    return Document(DocumentId(name), f"The text of {name}.", name)


def test_the_lender_reads_the_last_commit_while_the_job_writes(project: Project) -> None:
    with project.transaction():
        project.documents.insert_many([document("a")])
    with project.lent() as job:
        with job.transaction():
            job.documents.insert_many([document("b")])
            assert job.documents.count() == 2
            assert project.documents.count() == 1  # not the job's open transaction
            assert project.documents.get(DocumentId("b")) is None
        assert project.documents.count() == 2  # its commit, at once
        with pytest.raises(ReadOnlyStorageError), project.transaction():
            project.documents.insert_many([document("c")])
    # Its own connection again: it writes, and the job's commit is there.
    with project.transaction():
        project.documents.insert_many([document("c")])
    assert project.documents.ids() == ["a", "b", "c"]


def test_a_job_rolled_back_on_its_thread_leaves_what_the_lender_read(project: Project) -> None:
    with project.lent() as job:
        inside, go_on = threading.Event(), threading.Event()

        def work() -> None:
            with pytest.raises(RuntimeError), job.transaction():
                job.documents.insert_many([document("b")])
                inside.set()
                go_on.wait(10)
                raise RuntimeError("cancelled")

        thread = threading.Thread(target=work)
        thread.start()
        assert inside.wait(10)
        assert project.documents.count() == 0
        go_on.set()
        thread.join()
    assert project.documents.count() == 0


def test_the_schema_is_read_afresh_after_a_job(project: Project, tmp_path: Path) -> None:
    before = project.schema
    with project.lent() as job:
        job.set_meta("guidelines", "Read twice.")
    assert project.schema is not before
    assert project.schema.guidelines_text == "Read twice."


def test_closing_while_lent_is_refused_and_closing_after_works(project: Project) -> None:
    with project.lent():
        with pytest.raises(RuntimeError, match="a job holds the project"):
            project.close()
        assert not project.closed
    project.close()
    assert project.closed
