"""Benchmark: rule-based suggestions for 10,000 generated news documents of ~5 KB.

Documents are built from wire-style paragraph templates with random names, numbers and
topics: about half the paragraphs report speech (direct, split, indirect, mixed, "according
to", pronoun speakers), the rest are plain narrative, as in agency copy. The suggester runs
on every core (``ProcessPoolExecutor``); the time is printed next to a baseline measured in
the same run over the same texts: one regular-expression pass that finds quoted strings and
"said" (what the simplest direct-quote extractor does). Target: under 20 s on 2 cores.

Then the same documents go through a project as ``annotator suggest PROJECT`` runs them:
read from the project, suggested on the workers, every row written in one transaction by
this process (``--no-project`` skips it). Each line gives the wall clock and the CPU seconds
of this process and of the workers: on a shared machine the wall clock is what the others
leave us; the load average is printed before and after.

``--dump FILE`` writes every document's rows (one ``repr`` a line, in order): two versions of
the suggester give the same suggestions when their dumps are the same file.

Run: ``python benchmarks/bench_suggest.py [--documents N] [--workers N] [--no-project]
[--dump FILE]``.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import tempfile
import time
from pathlib import Path

from annotator.model import Document, DocumentId
from annotator.model.schema import load_schema
from annotator.paths import default_schema_path
from annotator.store import Project
from annotator.suggest.batch import suggest_rows
from annotator.transfer.suggesting import suggest_documents

FIRST = [
    "Maria",
    "James",
    "Olena",
    "Ahmed",
    "Priya",
    "Tomas",
    "Grace",
    "Kenji",
    "Laura",
    "Samuel",
    "Ines",
    "David",
    "Fatima",
    "Piotr",
    "Chloe",
    "Marcus",
    "Aisha",
    "Henrik",
    "Rosa",
    "Ivan",
]
LAST = [
    "Alvarez",
    "Whitfield",
    "Kovalenko",
    "Haddad",
    "Natarajan",
    "Lindqvist",
    "Achieng",
    "Sato",
    "Bennett",
    "Okafor",
    "Moreau",
    "Stone",
    "Rahimi",
    "Nowak",
    "Durand",
    "Hill",
    "Bello",
    "Dahl",
    "Delgado",
    "Petrov",
]
TITLES = [
    "Finance Minister",
    "Governor",
    "Senator",
    "Chief Executive",
    "Mayor",
    "police spokeswoman",
    "union president",
    "Judge",
    "coach",
    "Foreign Minister",
]
ORGS = [
    "the ministry",
    "the company",
    "the central bank",
    "police",
    "the agency",
    "the White House",
    "the Pentagon",
    "the regulator",
    "the health department",
    "the airline",
]
CUES = [
    "said",
    "told reporters",
    "said on Monday",
    "said in a statement",
    "added",
    "warned",
    "told Reuters",
    "insisted",
    "said on Tuesday",
    "wrote on social media",
]
TOPICS = [
    "the budget",
    "the ceasefire",
    "interest rates",
    "the merger",
    "the strike",
    "the election",
    "the storm",
    "the trial",
    "vaccine supplies",
    "the tariffs",
    "housing costs",
    "the wildfire",
]
CLAUSES = [
    "the talks on {t} would resume next week",
    "{t} had been delayed by at least {n} days",
    "there was no evidence that {t} had been mishandled",
    "about {n} people were affected by {t}",
    "officials expected {t} to cost more than ${n} million",
    "the government would not change its position on {t}",
]
QUOTES = [
    "We are not going to accept this",
    "This is a serious moment for the whole country",
    "Nobody expected {t} to move this fast",
    "We will keep working until the job is done",
    "I have never seen anything like it in {n} years",
    "People are angry, and they have every right to be",
]
NARRATIVE = [
    "Shares in the group fell {n}% in early trading before recovering some losses.",
    "The decision follows months of negotiations over {t} and several missed deadlines.",
    "Heavy rain is forecast for the region through the weekend, with winds of up to {n} km/h.",
    "The figures were published on the agency's website late on Friday.",
    "Markets in Asia closed mixed, while the dollar edged higher against the yen.",
    "The bill passed by {n} votes to {m} after a debate that lasted into the night.",
    "Thousands of people gathered in the capital's main square on Saturday.",
    "The company employs about {n} people, mostly in its three factories in the north.",
]


def _fill(rng: random.Random, template: str) -> str:
    return template.format(t=rng.choice(TOPICS), n=rng.randint(2, 900), m=rng.randint(2, 90))


def _person(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return f"{rng.choice(TITLES)} {first} {last}", last


def _paragraph(rng: random.Random) -> str:
    kind = rng.randrange(16)
    full, surname = _person(rng)
    quote = _fill(rng, rng.choice(QUOTES))
    clause = _fill(rng, rng.choice(CLAUSES))
    if kind == 0:
        return f"“{quote},” {full} {rng.choice(CUES)}. “{_fill(rng, rng.choice(QUOTES))}.”"
    if kind == 1:
        return f'"{quote}," said {full}, "and {_fill(rng, rng.choice(QUOTES)).lower()}."'
    if kind == 2:
        return f"{full} {rng.choice(CUES)} that {clause}."
    if kind == 3:
        return f"{clause.capitalize()}, {rng.choice(ORGS)} said."
    if kind == 4:
        return f"According to {rng.choice(ORGS)}, {clause}. “{quote},” {surname} said."
    if kind == 5:
        return f'{full} said {clause}, calling it "{_fill(rng, rng.choice(QUOTES)).lower()}."'
    return " ".join(_fill(rng, rng.choice(NARRATIVE)) for _ in range(rng.randint(2, 4)))


def generate(count: int, size: int = 5000, seed: int = 13) -> list[Document]:
    rng = random.Random(seed)
    documents = []
    for number in range(count):
        paragraphs = [
            f"{rng.choice(['LONDON', 'WASHINGTON', 'KYIV'])} (Reuters) - "
            + _fill(rng, rng.choice(NARRATIVE))
        ]
        length = len(paragraphs[0])
        while length < size:
            paragraph = _paragraph(rng)
            paragraphs.append(paragraph)
            length += len(paragraph) + 2
        documents.append(Document(DocumentId(f"bench-{number}"), "\n\n".join(paragraphs)))
    return documents


_BASELINE = re.compile(r"“[^”]*”|\"[^\"]*\"|\bsaid\b")


def _baseline(texts: list[str]) -> int:
    return sum(len(_BASELINE.findall(text)) for text in texts)


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process and of its reaped children (the workers)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, children.ru_utime + children.ru_stime


def _load() -> str:
    return "load average " + " ".join(f"{v:.2f}" for v in os.getloadavg())


def _suggest(documents: list[Document], workers: int, dump: Path | None) -> tuple[int, int]:
    # Streamed as plain rows, as ``annotator suggest`` writes each to the project as it comes.
    spans = quotes = 0
    with open(dump or os.devnull, "w", encoding="utf-8") as out:
        for rows in suggest_rows(documents, workers=workers):
            found = rows[1]
            spans += len(found)
            quotes += sum(1 for span in found if span[2] == "QUOTE")
            if dump is not None:
                out.write(f"{rows!r}\n")
    return spans, quotes


def _project(folder: Path, documents: list[Document]) -> Project:
    project = Project.create(folder / "bench.db", load_schema(default_schema_path()))
    with project.transaction():
        project.documents.insert_many(documents)
    return project


def _report(
    name: str, elapsed: float, baseline: float, cpu: tuple[float, float], count: int
) -> None:
    parent, workers = cpu
    total = parent + workers
    print(
        f"{name:9s} {elapsed:6.2f} s wall ({elapsed / baseline:.0f}x the baseline), "
        f"{count / elapsed:,.0f} documents/s; CPU {total:6.2f} s "
        f"(parent {parent:.2f}, workers {workers:.2f}), {total / count * 1000:.2f} ms per document"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--no-project",
        action="store_true",
        help="Skip the run through a project (suggest_documents, as `annotator suggest`).",
    )
    parser.add_argument(
        "--dump", type=Path, help="Write every document's rows to this file, one a line."
    )
    arguments = parser.parse_args()
    documents = generate(arguments.documents)
    count = len(documents)
    megabytes = sum(len(d.text.encode()) for d in documents) / 1e6
    print(f"{count:,} documents, {megabytes:.1f} MB, {arguments.workers} worker(s); {_load()}")

    before = _cpu()
    started = time.perf_counter()
    found = _baseline([d.text for d in documents])
    baseline = time.perf_counter() - started
    cpu = _cpu()[0] - before[0]
    print(
        f"baseline  {baseline:6.2f} s wall, CPU {cpu:.2f} s: one regex pass (quoted strings "
        f"and 'said') in this process, {found:,} hits"
    )

    before = _cpu()
    started = time.perf_counter()
    spans, quotes = _suggest(documents, arguments.workers, arguments.dump)
    elapsed = time.perf_counter() - started
    after = _cpu()
    _report("suggest", elapsed, baseline, (after[0] - before[0], after[1] - before[1]), count)
    print(f"          {quotes:,} quotes, {spans:,} spans; {_load()}")
    if arguments.no_project:
        return

    # What `annotator suggest PROJECT` does: documents read from the project, suggested on
    # the workers, every row written in one transaction by this process.
    with tempfile.TemporaryDirectory() as folder:
        project = _project(Path(folder), documents)
        del documents
        try:
            before = _cpu()
            started = time.perf_counter()
            summary = suggest_documents(project, workers=arguments.workers)
            elapsed = time.perf_counter() - started
            after = _cpu()
        finally:
            project.close()
    _report("project", elapsed, baseline, (after[0] - before[0], after[1] - before[1]), count)
    print(f"          {summary.line()}; {_load()}")


if __name__ == "__main__":
    main()
