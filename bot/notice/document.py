"""The notice's types (Text, Clause), the reader of its data files and the document itself:
number, title, issuer, dates, basis."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")


@dataclass(frozen=True)
class Text:
    """A text in Chinese and English."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


def text(data: Mapping[str, str]) -> Text:
    """A ``{zh: …, en: …}`` mapping of a data file as a Text."""
    return Text(zh=data["zh"], en=data["en"])


def read_data(name: str) -> Any:
    """One of the notice's data files beside these modules (``conditions.yml`` …), read
    once when its module is imported."""
    return yaml.safe_load(Path(__file__).with_name(name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Clause:
    """A numbered place in the notice, e.g. part 二, item （一）."""

    ref: Text  # "二（一）" / "II(1)"
    heading: Text  # the heading of the part it sits in

    def cite(self, lang: str) -> str:
        if lang == "en":
            return f"Notice {NOTICE.number}, Part {self.ref.en} ({self.heading.en})"
        return f"《通知》{self.ref.zh}（{self.heading.zh}）"

    def short(self, lang: str) -> str:
        return f"Part {self.ref.en}" if lang == "en" else self.ref.zh


@dataclass(frozen=True)
class ClauseText:
    """A numbered item of the notice (a condition of part 二, a step of part 四) with its full
    text."""

    clause: Clause
    text: Text


def clause_texts(data: list[dict[str, Any]], heading: Text) -> tuple[ClauseText, ...]:
    """The items of a data file, each ``{ref: {zh, en}, text: {zh, en}}``, under ``heading``."""
    return tuple(ClauseText(Clause(text(d["ref"]), heading), text(d["text"])) for d in data)


@dataclass(frozen=True)
class NoticeInfo:
    number: str
    title: Text
    issuer: Text
    signed: str  # ISO date on the signature
    printed: str  # ISO date the office printed it
    basis: Text  # the document that delegated the power
    reform: Text  # the reform the delegation belongs to
    addressees: Text
    free_trade_zone_areas: tuple[Text, ...]


NOTICE = NoticeInfo(
    number="桂人社规〔2020〕12号",
    title=Text(
        zh="广西壮族自治区人力资源和社会保障厅关于明确自由贸易试验区以技能为主的国外职业资格证书"
        "及发证机构资格审核和注册工作有关事项的通知",
        en="Notice of the Human Resources and Social Security Department of Guangxi Zhuang Autonomous "
        "Region on the approval and registration of foreign skill-based vocational qualification "
        "certificates and their issuing institutions in the Free Trade Zone",
    ),
    issuer=Text(
        zh="广西壮族自治区人力资源和社会保障厅",
        en="Human Resources and Social Security Department of Guangxi Zhuang Autonomous Region",
    ),
    signed="2020-09-22",
    printed="2020-09-25",
    basis=Text(
        zh="人力资源社会保障部办公厅《关于印发<人力资源社会保障部关于在自由贸易试验区开展“证照分离”"
        "改革全覆盖试点的实施方案>的通知》（人社厅发〔2019〕103号）",
        en="the General Office of the Ministry of Human Resources and Social Security's notice "
        "Ren She Ting Fa [2019] No. 103 (人社厅发〔2019〕103号), issuing the Ministry's plan for the "
        "full-coverage pilot of the “separating permits from business licences” (证照分离) reform in "
        "free trade zones",
    ),
    reform=Text(
        zh="“以技能为主的国外职业资格证书及发证机构资格审核和注册”行政审批事项的审批权限已下放至"
        "自由贸易试验区省级人力资源和社会保障部门",
        en="the power to approve “review and registration of foreign skill-based vocational "
        "qualification certificates and their issuing institutions” has been delegated to the "
        "provincial-level human resources and social security departments of the free trade zones",
    ),
    addressees=Text(
        zh="各市人力资源和社会保障局，中国（广西）自由贸易试验区南宁片区、钦州港片区、崇左片区管理委员会",
        en="the human resources and social security bureaus of every city, and the management "
        "committees of the Nanning, Qinzhou Port and Chongzuo areas of the China (Guangxi) Pilot "
        "Free Trade Zone",
    ),
    free_trade_zone_areas=(
        Text(zh="南宁片区", en="Nanning Area"),
        Text(zh="钦州港片区", en="Qinzhou Port Area"),
        Text(zh="崇左片区", en="Chongzuo Area"),
    ),
)

