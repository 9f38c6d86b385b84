"""notice: the free-trade-zone areas and the city department that supervises each.

六（一） confines activities to the free trade zone; 六（二） and 六（四） send plans and the
annual summary to 自由贸易试验区设区市人力资源社会保障部门, the department of the city the
area lies in.  The three areas are the notice's addressees (``NOTICE.free_trade_zone_areas``);
the notice gives no address, telephone or web site for any department.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.notice.document import NOTICE, Text
from bot.notice.duties import DUTIES_BY_ID

# The notice's own words for the receiving department (六（二）, 六（四）).
CITY_BUREAU = Text("自由贸易试验区设区市人力资源社会保障部门",
                   "the human resources and social security department of the prefecture-level "
                   "city in the free trade zone")
FTZ_CLAUSE = DUTIES_BY_ID["operate_in_ftz"].clause


@dataclass(frozen=True)
class FtzArea:
    id: str
    name: Text  # as in the notice: 南宁片区
    city: Text  # the city (设区市) the area lies in
    aliases: tuple[str, ...]  # words users type for it (lower case for English)


def _area(i: int, id_: str, city: Text, aliases: tuple[str, ...]) -> FtzArea:
    return FtzArea(id_, NOTICE.free_trade_zone_areas[i], city, aliases)


FTZ_AREAS: tuple[FtzArea, ...] = (
    _area(0, "nanning", Text("南宁市", "Nanning"), ("南宁", "nanning")),
    _area(1, "qinzhou", Text("钦州市", "Qinzhou"), ("钦州港", "钦州", "qinzhou")),
    _area(2, "chongzuo", Text("崇左市", "Chongzuo"), ("崇左", "凭祥", "chongzuo")),
)
FTZ_AREAS_BY_ID: dict[str, FtzArea] = {a.id: a for a in FTZ_AREAS}
# Other cities of Guangxi, recognised so that the answer can say the notice does not
# cover them (a fact of geography, not of the notice).
OUTSIDE_PLACES: tuple[Text, ...] = tuple(Text(zh, en) for zh, en in (
    ("北海", "Beihai"), ("桂林", "Guilin"), ("柳州", "Liuzhou"), ("梧州", "Wuzhou"),
    ("防城港", "Fangchenggang"), ("贵港", "Guigang"), ("玉林", "Yulin"), ("百色", "Baise"),
    ("贺州", "Hezhou"), ("河池", "Hechi"), ("来宾", "Laibin")))
