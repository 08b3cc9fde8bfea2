"""Inter-annotator agreement: coefficients, span matching, unitizing alpha and the report.

Pure functions over the model: no Qt, no SQL, no numpy. The measures and the report layout
are those of docs/agreement.md.
"""

from annotator.agreement.alpha import krippendorff_alpha
from annotator.agreement.kappa import cohen_kappa, fleiss_kappa, percent_agreement, scott_pi
from annotator.agreement.report import agreement_report
from annotator.agreement.table import render_table

__all__ = [
    "agreement_report",
    "cohen_kappa",
    "fleiss_kappa",
    "krippendorff_alpha",
    "percent_agreement",
    "render_table",
    "scott_pi",
]
