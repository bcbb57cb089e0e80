"""Facts for the briefing tests, made in memory: the gold file when it is there,
else the same headline figures; synthetic weeks of any size; hostile text.
"""
from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from briefing.facts import load_facts
from briefing.model import Article, Fact, FactsDocument

GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold" / "seeds.json"
INDICATORS = ("地区生产总值", "规模以上工业增加值", "固定资产投资", "社会消费品零售总额",
              "外贸进出口总额", "地方一般公共预算收入")
REGIONS = ("江门市", "蓬江区", "江海区", "新会区", "台山市", "开平市", "鹤山市", "恩平市",
           "佛山市", "禅城区", "南海区", "顺德区", "三水区", "高明区", "肇庆市", "端州区",
           "鼎湖区", "四会市", "珠海市", "斗门区")
STAGES = ("规划", "签约", "动工", "在建", "投产", "建成")
# (region, year, value, bound, stretch): the figures issue 2 asks the briefing to show.
SEED_TARGETS = (("江海区", 2022, 9.0, "≈", None), ("新会区", 2022, 9.0, "≥", 11.0),
                ("鹤山市", 2022, 10.5, "=", None), ("台山市", 2022, 9.0, "=", 11.0),
                ("鹤山市", 2023, 8.0, "=", 8.5))


def article(i: int, date: dt.date, regions: list[str], title: str = "") -> Article:
    return Article(id=f"a{i:04d}", path=f"articles/{i:04d}.txt", title=title or f"报道{i}",
                   text="", date=date, date_basis="header", source=f"江门日报 A{i % 8 + 1:02d}",
                   regions=regions)


def seed_facts() -> FactsDocument:
    """The gold facts of the five sample articles, or figures of the same shape (invented names)."""
    if GOLD.exists():
        return load_facts(GOLD)
    a1 = article(1, dt.date(2022, 2, 24), ["江海区", "新会区", "鹤山市", "台山市"], "各区市介绍全年目标")
    a2 = article(2, dt.date(2023, 2, 25), ["鹤山市"], "鹤山市政府工作报告")
    facts = [Fact("target", r, (a1 if y == 2022 else a2).id, "…", year=y, indicator="地区生产总值",
                  measure="growth", value=v, unit="%", bound=b, stretch=s)
             for r, y, v, b, s in SEED_TARGETS]
    facts.append(Fact("actual", "鹤山市", a2.id, "…", year=2022, indicator="地区生产总值",
                      measure="growth", value=2.8, unit="%", bound="="))
    facts.append(Fact("project", "新会区", a1.id, "…", name="华锂新能源电池材料基地", investment=200.0,
                      stage="签约"))
    facts.append(Fact("policy", "鹤山市", a2.id, "…", name="鹤山市促进外资企业发展若干政策措施",
                      category="document", status="drafting"))
    return FactsDocument([a1, a2], facts)


def synthetic_facts(n_articles: int, seed: int = 7, extra_text: str = "") -> FactsDocument:
    """A busy week: `n_articles` articles, each with targets, results, projects and policies."""
    rng = random.Random(seed)
    doc = FactsDocument()
    for i in range(n_articles):
        region = rng.choice(REGIONS)
        a = article(i, dt.date(2023, 1, 2) + dt.timedelta(days=rng.randrange(80)), [region],
                    f"{region}推进高质量发展{extra_text}")
        doc.articles.append(a)
        for indicator in rng.sample(INDICATORS, 3):
            year = rng.choice((2022, 2023))
            value = round(rng.uniform(3, 12), 1)
            doc.facts.append(Fact("target", region, a.id, f"{indicator}增长{value}%", year=year,
                                  indicator=indicator, measure="growth", value=value, unit="%",
                                  bound=rng.choice("=≈≥"),
                                  stretch=value + 1 if rng.random() < 0.3 else None))
            if year == 2022 and rng.random() < 0.5:
                doc.facts.append(Fact("actual", region, a.id, "…", year=2022, indicator=indicator,
                                      measure="growth", value=round(value - rng.uniform(-2, 6), 1),
                                      unit="%", bound="="))
        for k in range(3):
            doc.facts.append(Fact("project", region, a.id, "…",
                                  name=f"{region}第{i}号{extra_text}产业园{k}期",
                                  investment=round(rng.uniform(1, 300), 2)
                                  if rng.random() < 0.6 else None,
                                  stage=rng.choice(STAGES)))
        doc.facts.append(Fact("policy", region, a.id, "…",
                              name=f"《{region}关于{extra_text}促进制造业发展的若干措施（{i}）》",
                              category="document", status=rng.choice(("issued", "drafting"))))
    return doc


HOSTILE = "<b>&\x07\x00</b> ]]> **粗** [新] @chart\n# 标题"


def hostile_facts() -> FactsDocument:
    """Article text with markup, control characters and our own template markup."""
    doc = synthetic_facts(3, extra_text=HOSTILE)
    doc.articles[0].source = HOSTILE
    doc.facts.append(Fact("target", "江海区", doc.articles[0].id, HOSTILE, year=2023,
                          indicator=HOSTILE, measure="growth", value=5.0, unit="%", bound="="))
    return doc
