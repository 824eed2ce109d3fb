"""What each kind of side file holds: its columns, the labels a printed or xlsx form gives them
in each language, and the columns that tell one kind from another.

A header is matched against every kind, so a forecast handed to ``score`` is answered with one
line ("this is a forecast, not a scorecard") rather than one complaint per column.
"""

from __future__ import annotations

from dataclasses import dataclass

from cs_team.wording import phrase


@dataclass(frozen=True)
class Kind:
    key: str
    names: tuple[str, str]
    """What the user calls it: (zh, en)."""
    columns: dict[str, tuple[str, ...]]
    """Column name -> its labels on a form (zh, en), then other names people give it (满意度, CSAT)."""
    signature: frozenset[str]
    """Columns every file of this kind has, and that together no other kind has."""

    def name(self, lang: str) -> str:
        return self.names[0] if lang == "zh" else self.names[1]

    def label(self, column: str, lang: str) -> str:
        labels = self.columns.get(column)
        return column if labels is None else labels[0] if lang == "zh" else labels[1]


def _kind(key: str, names: tuple[str, str], signature: set[str], **columns: tuple[str, ...]) -> Kind:
    return Kind(key, names, columns, frozenset(signature))


KINDS = {kind.key: kind for kind in (
    _kind("forecast", ("需求预测", "forecast"), {"interval_start", "volume", "aht_seconds"},
          interval_start=("时段开始", "Interval start"), channel=("渠道", "Channel"),
          volume=("来量", "Volume"), aht_seconds=("平均处理时长（秒）", "AHT (seconds)")),
    _kind("scorecard", ("面试评分表", "scorecard"), {"competency", "rating"},
          role=("岗位", "Role"), candidate=("候选人", "Candidate"), interviewer=("面试官", "Interviewer"),
          date=("日期", "Date"), competency=("能力项", "Competency"),
          competency_name=("能力项名称", "Competency name"), weight=("权重", "Weight"),
          minimum=("最低分", "Minimum"), rating=("评分", "Rating"), evidence=("依据", "Evidence"),
          recommendation=("综合建议", "Overall recommendation"), knock_out=("淘汰项", "Knock-out"),
          passes=("符合条件", "Passes if"), result=("结果", "Result")),
    _kind("training-results", ("培训考核结果", "training results file"), {"hire", "module"},
          hire=("学员", "Hire"), cohort=("批次", "Cohort"), module=("课程模块", "Module"),
          module_name=("模块名称", "Module name"), attempt=("第几次", "Attempt"), date=("日期", "Date"),
          attended=("出勤", "Attended"), theory=("理论", "Theory"), simulation=("模拟", "Simulation"),
          practical=("实操", "Practical")),
    _kind("promotion-records", ("晋升竞聘记录", "promotion records file"), {"name", "grade", "tenure_months"},
          name=("姓名", "Name"), grade=("职级", "Grade"), tenure_months=("司龄（月）", "Tenure (months)"),
          performance=("绩效", "Performance"),
          months_since_major_incident=("距上次重大事故（月）", "Months since a major incident"),
          complaint_rate_percent=("投诉率（%）", "Complaint rate (%)"),
          special_track=("特殊通道", "Special track"), promotion=("竞聘项目", "Promotion"),
          line=("条线", "Line")),
    _kind("survey", ("课后问卷", "survey answers file"), {"module", "respondent"},
          module=("课程模块", "Module"), cohort=("批次", "Cohort"), date=("日期", "Date"),
          respondent=("学员（可不填）", "Trainee (optional)")),
    _kind("cohort", ("入职批次名单", "cohort file"), {"name", "start"},
          name=("姓名", "Name"), start=("入职日期", "Start"), mentor=("导师", "Mentor"),
          role=("岗位", "Role"), pace=("节奏", "Pace")),
    # The blank table `eval-sheet qa --format csv|xlsx` writes; the item and red-line columns are the
    # channel's form's, matched by ``cs_team.inputs.qa_results``.
    _kind("qa-evaluations", ("质检评估表", "QA evaluations file"), {"agent", "evaluator", "contact_id"},
          agent=("客服", "Agent"), evaluator=("质检员", "Evaluator"), date=("日期", "Date"),
          contact_id=("通话/会话编号", "Contact ID", "会话编号", "通话编号"), comments=("评语", "Comments")),
    # A KPI export: the figures a contact-centre system gives per agent and period. Labels are the
    # documents' (render/messages.yaml ``kpis``), then the short names exports use.
    _kind("kpi-export", ("KPI 导出", "KPI export"), {"agent", "period", "contacts"},
          agent=("客服", "Agent"), role=("岗位", "Role"), period=("周期", "Period"),
          contacts=("接待量", "Contacts"),
          csat_percent=("客户满意度（CSAT）", "Customer satisfaction (CSAT)", "满意度", "客户满意度", "CSAT"),
          fcr_percent=("首次解决率（FCR）", "First-contact resolution (FCR)", "一次解决率", "首次解决率",
                       "FCR"),
          quality_percent=("质检得分", "Quality score", "质检分", "QA score"),
          adherence_percent=("排班遵从率", "Schedule adherence", "遵从率", "Adherence"),
          escalation_percent=("投诉升级率", "Escalation rate", "升级率"),
          aht_seconds=("平均处理时长（AHT）", "Average handle time (AHT)", "平均处理时长", "AHT"),
          response_seconds=("首次响应时间", "First response time", "首响时间"),
          nps=("净推荐值（NPS）", "Net promoter score (NPS)", "净推荐值", "NPS"),
          conversion_percent=("询单转化率", "Enquiry-to-order conversion", "转化率"),
          closure_hours=("投诉办结时长", "Complaint closure time", "办结时长"),
          reopen_percent=("重开率", "Reopen rate"),
          calibration_variance=("质检校准偏差", "QA calibration variance")),
)}


def canonical(header: str, kind: Kind) -> str:
    """A header cell as a column name: the name itself, or a form's label in either language."""
    plain = header.strip().lstrip("\ufeff")
    for part in (plain, *plain.split(" / ")):  # a zh-en form's "候选人 / Candidate"
        folded = part.strip().lower()
        for column, labels in kind.columns.items():
            if folded == column or folded in (label.lower() for label in labels):
                return column
    return "_".join(plain.lower().split())


def recognise(header: list[str]) -> Kind | None:
    """The kind whose signature the header holds (by names or either language's labels)."""
    for kind in KINDS.values():
        if kind.signature <= {canonical(cell, kind) for cell in header}:
            return kind
    return None


def mismatch(expected: Kind, header: list[str], lang: str) -> str | None:
    """One line when the header is another kind's; None when it is ``expected``'s or no kind's."""
    names = {canonical(cell, expected) for cell in header}
    if expected.signature <= names:
        return None
    other = recognise(header)
    if other is None or other is expected:
        return None
    return phrase("inputs.other_kind", other=other.name(lang), expected=expected.name(lang)).word(lang)
