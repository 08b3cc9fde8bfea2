"""Our coefficients against independent implementations on generated data.

scikit-learn, nltk and the krippendorff package are test oracles only. Each property is
checked where the oracle's definition is ours; cases where a coefficient is undefined are
checked separately (we say None where the oracles return nan, 1 or raise).
"""

from __future__ import annotations

from itertools import combinations

import krippendorff
import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from nltk.metrics.agreement import AnnotationTask
from nltk.metrics.distance import interval_distance
from sklearn.metrics import cohen_kappa_score

from annotator.agreement import (
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha,
    percent_agreement,
    scott_pi,
)

FAST = settings(max_examples=60, deadline=None)
CODES = st.sampled_from(["a", "b", "c", "d"])


@st.composite
def two_coders(draw: st.DrawFn) -> list[tuple[str, str]]:
    return draw(st.lists(st.tuples(CODES, CODES), min_size=1, max_size=30))


@st.composite
def complete_matrix(draw: st.DrawFn) -> list[list[str]]:
    """units x coders, every coder codes every unit."""
    coders = draw(st.integers(2, 5))
    return draw(
        st.lists(st.lists(CODES, min_size=coders, max_size=coders), min_size=1, max_size=20)
    )


@st.composite
def sparse_matrix(draw: st.DrawFn) -> list[list[int | None]]:
    """coders x units of small positive integers, None for missing."""
    coders = draw(st.integers(2, 4))
    units = draw(st.integers(1, 15))
    value = st.one_of(st.none(), st.integers(1, 5))
    return [draw(st.lists(value, min_size=units, max_size=units)) for _ in range(coders)]


def units_of(matrix: list[list[int | None]]) -> list[list[int]]:
    return [[row[u] for row in matrix if row[u] is not None] for u in range(len(matrix[0]))]


def nltk_task(rows: list[list[str]], distance=None) -> AnnotationTask:
    triples = [(f"c{c}", f"u{u}", v) for u, row in enumerate(rows) for c, v in enumerate(row)]
    return AnnotationTask(triples) if distance is None else AnnotationTask(triples, distance)


def defined_pair(pairs: list[tuple[str, str]]) -> bool:
    # Kappa and pi are undefined only when both coders used one and the same code throughout.
    return len({a for a, _ in pairs} | {b for _, b in pairs}) > 1


@FAST
@given(two_coders())
def test_cohen_kappa_matches_sklearn(pairs):
    assume(defined_pair(pairs))
    first, second = zip(*pairs, strict=True)
    assert cohen_kappa(pairs) == pytest.approx(cohen_kappa_score(first, second), abs=1e-9)


@FAST
@given(two_coders())
def test_cohen_kappa_and_scott_pi_match_nltk_for_two_coders(pairs):
    assume(defined_pair(pairs))
    task = nltk_task([list(p) for p in pairs])
    assert cohen_kappa(pairs) == pytest.approx(task.kappa(), abs=1e-9)
    assert scott_pi(pairs) == pytest.approx(task.pi(), abs=1e-9)


@FAST
@given(complete_matrix())
def test_fleiss_kappa_is_nltks_multi_pi_on_complete_data(rows):
    assume(len({v for row in rows for v in row}) > 1)
    assert fleiss_kappa(rows) == pytest.approx(nltk_task(rows).pi(), abs=1e-9)


@FAST
@given(complete_matrix())
def test_mean_pairwise_cohen_and_percent_agreement_match_nltk(rows):
    coders = len(rows[0])
    kappas = []
    for a, b in combinations(range(coders), 2):
        pairs = [(row[a], row[b]) for row in rows]
        assume(defined_pair(pairs))
        kappas.append(cohen_kappa(pairs))
    task = nltk_task(rows)
    assert sum(kappas) / len(kappas) == pytest.approx(task.kappa(), abs=1e-9)
    assert percent_agreement(rows) == pytest.approx(task.avg_Ao(), abs=1e-9)


@FAST
@given(sparse_matrix())
def test_nominal_and_interval_alpha_match_nltk_with_missing_data(matrix):
    units = units_of(matrix)
    pairable = [u for u in units if len(u) >= 2]
    assume(len({v for u in pairable for v in u}) > 1)
    triples = [
        (f"c{c}", f"u{u}", v)
        for c, row in enumerate(matrix)
        for u, v in enumerate(row)
        if v is not None
    ]
    assert krippendorff_alpha(units) == pytest.approx(AnnotationTask(triples).alpha(), abs=1e-9)
    interval = AnnotationTask(triples, interval_distance).alpha()
    assert krippendorff_alpha(units, "interval") == pytest.approx(interval, abs=1e-9)


@FAST
@given(sparse_matrix(), st.sampled_from(["nominal", "ordinal", "interval", "ratio"]))
def test_alpha_matches_the_krippendorff_package(matrix, level):
    units = units_of(matrix)
    pairable = [u for u in units if len(u) >= 2]
    # The package refuses data with fewer than two values or nothing pairable.
    assume(len({v for u in pairable for v in u}) > 1)
    data = np.array([[np.nan if v is None else v for v in row] for row in matrix], dtype=float)
    theirs = krippendorff.alpha(reliability_data=data, level_of_measurement=level)
    ours = krippendorff_alpha(units, level)
    assert ours is not None
    assert ours == pytest.approx(theirs, abs=1e-9)


@FAST
@given(sparse_matrix())
def test_ordinal_alpha_depends_on_order_not_on_the_values_themselves(matrix):
    units = units_of(matrix)
    assume(len({v for u in units if len(u) >= 2 for v in u}) > 1)
    names = {1: "e", 2: "d", 3: "c", 4: "b", 5: "a"}  # text that sorts the other way round
    named = [[names[v] for v in unit] for unit in units]
    order = [names[v] for v in range(1, 6)]
    assert krippendorff_alpha(named, "ordinal", order) == pytest.approx(
        krippendorff_alpha(units, "ordinal"), abs=1e-12
    )


# Degenerate inputs: undefined is None, never 1.0 or 0.0.


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval", "ratio"])
def test_alpha_is_undefined_without_variation_or_pairable_values(level):
    assert krippendorff_alpha([[1, 1], [1, 1, 1]], level) is None  # one category
    assert krippendorff_alpha([[1], [2], []], level) is None  # nothing pairable
    assert krippendorff_alpha([], level) is None


def test_kappas_are_undefined_for_one_category_or_no_data():
    assert cohen_kappa([("a", "a"), ("a", "a")]) is None
    assert scott_pi([("a", "a")]) is None
    assert cohen_kappa([]) is None
    assert scott_pi([]) is None
    assert fleiss_kappa([["a", "a"], ["a", "a"]]) is None
    assert fleiss_kappa([]) is None
    assert percent_agreement([]) is None
    assert percent_agreement([["a"], []]) is None


def test_kappa_is_defined_when_only_one_coder_varies():
    # p_e = 1 * (1/2) < 1, so kappa is a number (0: agreement exactly at chance).
    assert cohen_kappa([("a", "a"), ("a", "b")]) == 0.0


def test_fleiss_kappa_needs_a_constant_number_of_ratings():
    assert fleiss_kappa([["a", "b"], ["a", "a", "b"]]) is None
    assert fleiss_kappa([["a", "b", "b"], ["a", "a", "b"]]) is not None


def test_fleiss_kappa_with_two_raters_is_scott_pi():
    pairs = [("a", "a"), ("a", "b"), ("b", "b"), ("c", "b"), ("c", "c")]
    assert fleiss_kappa([list(p) for p in pairs]) == pytest.approx(scott_pi(pairs))


def test_unknown_level_is_refused():
    with pytest.raises(ValueError, match="nominal"):
        krippendorff_alpha([[1, 2]], "cardinal")
