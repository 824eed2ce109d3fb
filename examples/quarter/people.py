"""Who is on the floor in the synthetic quarter: 40 agents, their QA staff, and the refresher cohorts.

The roster is written out by hand so that the README can name every planted agent. Targets come
from the bundled department (the level's probation targets, the role's own winning); each agent's
usual figures sit a little above them, except where a weakness is planted.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

FIRST_WEEK = 40
WEEKS = 13
"""2026-W40 (Monday 28 September) to 2026-W52 (Sunday 27 December)."""


@dataclass(frozen=True)
class Cohort:
    id: str
    module: str
    week: int
    """Week of the quarter (1 = 2026-W40) the module is taught in, on its Thursday."""
    method: str
    mean_score: float
    effective: bool


COHORTS = [
    Cohort("CH-2026-10", "complaint-handling", 5, "simulation", 86, True),
    Cohort("PF-2026-11", "product-foundations", 6, "theory", 88, False),
    Cohort("CH-2026-11", "complaint-handling", 8, "simulation", 86, True),
]


@dataclass(frozen=True)
class Evaluator:
    name: str
    file: str
    channel: str
    lenient: bool = False
    routine: bool = True
    """Scores the channel's contacts day to day; otherwise only those chosen for calibration."""


EVALUATORS = [Evaluator("陈静", "chen-jing", "voice"), Evaluator("刘洋", "liu-yang", "voice", lenient=True),
              Evaluator("吴倩", "wu-qian", "voice", routine=False),
              Evaluator("赵敏", "zhao-min", "chat"), Evaluator("孙丽", "sun-li", "chat")]
"""Voice has a QA lead (吴倩) who scores only the calibration contacts, so each of those has three
scores and a consensus that names the lenient one; chat has two, whose figures can only say how far
apart they are."""


@dataclass(frozen=True)
class Agent:
    name: str
    role: str
    channel: str
    cohort: str | None = None
    weak: str | None = None
    """The competency planted weak: its QA items earn about three quarters of their points, its KPI
    sits under target. It was so last quarter too, so the agent is on the QA watch list."""
    bad_week: int = 0
    """One week of the quarter that goes badly, and only one: noise, not a need."""
    csat: float = 0.0
    fcr: float = 0.0
    aht: float = 0.0
    adherence: float = 0.0
    contacts: float = 0.0
    qa_loss: float = 0.0
    """Points this agent's evaluations lose on average, before any weakness or training."""

    @property
    def watched(self) -> bool:
        """On the team lead's watch list (重点关注): QA samples more of their contacts. Last quarter's
        figures put the weak agents there; nobody joins it during this quarter."""
        return self.weak is not None

    @property
    def trained_week(self) -> int:
        return next((c.week for c in COHORTS if c.id == self.cohort), 0)

    @property
    def effective(self) -> bool:
        return any(c.id == self.cohort and c.effective for c in COHORTS)

    def with_targets(self, book, rng: random.Random) -> Agent:
        targets = book.probation_targets(book.roles[self.role])
        csat = targets.get("csat_percent", 92) + rng.uniform(0.5, 3.0)
        fcr = targets.get("fcr_percent", 72) + rng.uniform(0.5, 6.0)
        if self.weak == "emotion-management":
            csat = targets["csat_percent"] - 5
        if self.weak == "product-knowledge":
            fcr = targets.get("fcr_percent", 72) - 10
        # tech support and complaints take longer, fewer contacts
        slower = {"tech-support": 0.5, "complaints-specialist": 0.3}.get(self.role, 1)
        per_week = {"voice": 230, "chat": 320}[self.channel] * slower
        return replace(self, csat=csat, fcr=fcr,
                       aht=targets.get("aht_seconds", 390) * rng.uniform(0.90, 0.99),
                       adherence=targets.get("adherence_percent", 92) + rng.uniform(0.0, 3.0),
                       contacts=per_week * rng.uniform(0.9, 1.1),
                       qa_loss=100 - targets.get("quality_percent", 92) - rng.uniform(1.0, 3.0))


CH_A, PF, CH_B = (c.id for c in COHORTS)
PK, EM = "product-knowledge", "emotion-management"
AGENTS = [
    # 客服专员 I and the call-centre agents: the complaint-handling refresher, in two cohorts
    Agent("王芳", "agent-1", "voice", CH_A), Agent("李娜", "agent-1", "voice", CH_A),
    Agent("张伟", "agent-1", "chat", CH_A), Agent("刘敏", "agent-1", "chat", CH_A),
    Agent("陈晨", "call-centre-agent", "voice", CH_A), Agent("杨帆", "call-centre-agent", "voice", CH_A),
    Agent("黄磊", "call-centre-agent", "voice", CH_A),
    Agent("赵丽", "agent-1", "voice", CH_B), Agent("周杰", "agent-1", "voice", CH_B),
    Agent("吴静", "agent-1", "chat", CH_B), Agent("徐强", "agent-1", "chat", CH_B),
    Agent("孙悦", "agent-1", "chat", CH_B), Agent("马超", "call-centre-agent", "voice", CH_B),
    Agent("朱琳", "call-centre-agent", "voice", CH_B),
    # 客服专员 II and sales service: the product refresher (three of them weak in product knowledge)
    Agent("胡斌", "agent-2", "voice", PF, weak=PK), Agent("郭婷", "agent-2", "chat", PF, weak=PK),
    Agent("林涛", "agent-2", "voice", PF), Agent("何雪", "agent-2", "chat", PF),
    Agent("高原", "agent-2", "voice", PF),
    Agent("罗佳", "sales-service", "chat", PF, weak=PK), Agent("梁爽", "sales-service", "chat", PF),
    Agent("宋洁", "sales-service", "chat", PF),
    # untrained this quarter: two weak in emotion management, one with a single bad week
    Agent("郑浩", "agent-1", "voice"), Agent("谢颖", "call-centre-agent", "voice"),
    Agent("韩梅", "agent-2", "voice", weak=EM), Agent("唐亮", "agent-2", "voice", weak=EM),
    Agent("冯雷", "agent-2", "voice", bad_week=5), Agent("曹阳", "agent-2", "chat"),
    Agent("彭丹", "agent-3", "voice"), Agent("曾鹏", "agent-3", "voice"), Agent("吕欣", "agent-3", "voice"),
    Agent("蒋波", "agent-3", "chat"), Agent("蔡琴", "agent-3", "chat"),
    Agent("于洋", "sales-service", "chat"), Agent("董玲", "sales-service", "chat"),
    Agent("袁杰", "tech-support", "voice"), Agent("邓超", "tech-support", "voice"),
    Agent("许诺", "tech-support", "voice"),
    Agent("傅明", "complaints-specialist", "voice"), Agent("沈冰", "complaints-specialist", "voice"),
]
