"""KPI targets (CSAT, FCR, AHT, quality...) used by roles and probation reviews."""

from typing import Literal

from pydantic import Field

from cs_team.model.common import Percent, Strict

# Field name -> (unit, whether a higher figure is better); used by rules and documents.
KPI_FIELDS: dict[str, tuple[str, bool]] = {
    "csat_percent": ("percent", True),
    "fcr_percent": ("percent", True),
    "quality_percent": ("percent", True),
    "adherence_percent": ("percent", True),
    "escalation_percent": ("percent", False),
    "aht_seconds": ("seconds", False),
    "response_seconds": ("seconds", False),
    "nps": ("score", True),
    # the KPIs of work other than taking contacts: sales, complaints, quality
    "conversion_percent": ("percent", True),
    "closure_hours": ("hours", False),
    "reopen_percent": ("percent", False),
    "calibration_variance": ("score", False),
    # the KPIs of planning and analysis (WFM, data analysts)
    "forecast_accuracy_percent": ("percent", True),
    "report_on_time_percent": ("percent", True),
}


KpiName = Literal["csat_percent", "fcr_percent", "quality_percent", "adherence_percent",
                  "escalation_percent", "aht_seconds", "response_seconds", "nps", "conversion_percent",
                  "closure_hours", "reopen_percent", "calibration_variance", "forecast_accuracy_percent",
                  "report_on_time_percent"]


class KpiTargets(Strict):
    csat_percent: Percent | None = None
    fcr_percent: Percent | None = None
    quality_percent: Percent | None = None
    adherence_percent: Percent | None = None
    escalation_percent: Percent | None = None
    aht_seconds: float | None = None
    response_seconds: float | None = None
    nps: float | None = None
    conversion_percent: Percent | None = Field(None, description="询单转化率: enquiries that become orders")
    closure_hours: float | None = Field(None, description="Hours from a complaint's receipt to its closure")
    reopen_percent: Percent | None = Field(None, description="Closed complaints or tickets reopened")
    calibration_variance: float | None = Field(
        None, description="Points a QA specialist's scores differ from the calibrated reference, on average")
    forecast_accuracy_percent: Percent | None = Field(
        None, description="预测准确率: 100 % less the mean absolute error of forecast against actual")
    report_on_time_percent: Percent | None = Field(
        None, description="报表按时交付率: scheduled reports and analyses delivered by their deadline")

    def items(self) -> list[tuple[str, float]]:
        return [(name, value) for name in KPI_FIELDS if (value := getattr(self, name)) is not None]
