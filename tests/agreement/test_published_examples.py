"""Published worked examples, reproduced to the printed precision and to 4 decimals."""

from __future__ import annotations

import pytest

from annotator.agreement import cohen_kappa, fleiss_kappa, krippendorff_alpha, scott_pi

# Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability", section C: 4 observers x
# 12 units, None = missing. The same matrix is in the krippendorff package's doctests and in
# nltk's agreement tests.
K2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]

# Fleiss (1971), Table 1: 30 patients, each diagnosed by 6 of 43 psychiatrists into 5
# categories (as raw ratings, as in statsmodels' tests and R's irr::diagnoses).
DIAGNOSES = [
    [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5],
    [2, 2, 2, 4, 4, 4], [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4],
    [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5], [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4],
    [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5], [3, 3, 3, 3, 3, 5],
    [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
    [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4],
    [1, 4, 4, 4, 4, 5], [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4],
    [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
]  # fmt: skip

# Cohen (1960), Table 2: 200 cases, proportions .44 .07 .09 / .05 .20 .05 / .01 .03 .06
# (judge A in rows); p_o = .70, p_c = .41.
COHEN_TABLE = [[88, 14, 18], [10, 40, 10], [2, 6, 12]]


def k2011_units(data: list[list[int | None]]) -> list[list[int]]:
    return [[row[u] for row in data if row[u] is not None] for u in range(len(data[0]))]


@pytest.mark.parametrize(
    ("level", "published", "four_decimals"),
    [
        ("nominal", 0.743, 0.7434),
        ("ordinal", 0.815, 0.8154),
        ("interval", 0.849, 0.8491),
        ("ratio", 0.797, 0.7974),
    ],
)
def test_krippendorff_2011_reliability_data(level: str, published: float, four_decimals: float):
    alpha = krippendorff_alpha(k2011_units(K2011), level)
    assert alpha is not None
    assert round(alpha, 3) == published
    assert round(alpha, 4) == four_decimals


def test_krippendorff_2011_ordinal_follows_the_schema_order_of_text_values():
    names = {1: "very low", 2: "low", 3: "mid", 4: "high", 5: "very high"}
    named = [[names[v] for v in unit] for unit in k2011_units(K2011)]
    order = ["very low", "low", "mid", "high", "very high"]
    assert round(krippendorff_alpha(named, "ordinal", order) or 0, 4) == 0.8154
    # Sorting the names as text would rank "high" first and change the result.
    assert round(krippendorff_alpha(named, "ordinal", sorted(order)) or 0, 4) != 0.8154


def test_krippendorff_wikipedia_example_three_coders_fifteen_units():
    # The example on Wikipedia's "Krippendorff's alpha" page, also the krippendorff package's
    # doctest: 0.691358 nominal, 0.810845 interval.
    data = [
        [None, None, None, None, None, 3, 4, 1, 2, 1, 1, 3, 3, None, 3],
        [1, None, 2, 1, 3, 3, 4, 3, None, None, None, None, None, None, None],
        [None, None, 2, 1, 3, 4, 4, None, 2, 1, 1, 3, 3, None, 4],
    ]
    units = k2011_units(data)
    assert krippendorff_alpha(units, "nominal") == pytest.approx(0.691358, abs=1e-6)
    assert krippendorff_alpha(units, "interval") == pytest.approx(0.810845, abs=1e-6)


def test_fleiss_1971_psychiatric_diagnoses():
    kappa = fleiss_kappa(DIAGNOSES)
    assert kappa is not None
    assert round(kappa, 3) == 0.430
    assert round(kappa, 4) == 0.4302  # irr::kappam.fleiss gives 0.4302445


def test_cohen_1960_example():
    pairs = [
        (row, col) for row in range(3) for col in range(3) for _ in range(COHEN_TABLE[row][col])
    ]
    kappa = cohen_kappa(pairs)
    assert kappa is not None
    assert round(kappa, 3) == 0.492  # (.70 - .41) / (1 - .41)
    assert round(kappa, 4) == 0.4915


def test_scott_pi_on_cohens_table_uses_pooled_marginals():
    pairs = [
        (row, col) for row in range(3) for col in range(3) for _ in range(COHEN_TABLE[row][col])
    ]
    # Pooled marginals: (.60 + .50) / 2, (.30 + .30) / 2, (.10 + .20) / 2.
    expected = 0.55**2 + 0.30**2 + 0.15**2
    assert scott_pi(pairs) == pytest.approx((0.70 - expected) / (1 - expected))
