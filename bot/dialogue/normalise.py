"""Input as people type it, made plain once before understanding: full-width forms to
half-width (NFKC), traditional characters to simplified (OpenCC), common typos and
homophones, and oral Chinese to the written words the notice uses.

:func:`normalise` is called once per message, by the Rasa component in ``addons/nlu.py``
before the tokenizer, so the classifier, the retrieval and the dialogue all read the same text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Typos and homophones seen in typed Chinese, to the word meant (a wrong character in a word
# of the notice's vocabulary).
TYPOS: dict[str, str] = {
    "申情": "申请", "申青": "申请", "审请": "申请", "甲请": "申请", "会总表": "汇总表", "资信正明": "资信证明", "审枇": "审批",
    "月低": "月底", "年低": "年底",
    "资历证明": "资信证明", "资信证名": "资信证明", "信资": "资信",
    "营利执照": "营业执照", "营业执招": "营业执照", "赢利": "营利", "盈立": "营利",
    "章成": "章程", "张程": "章程", "考式": "考试", "考试章成": "考试章程",
    "鉴订": "鉴定", "签定计划": "鉴定计划", "坚定计划": "鉴定计划",
    "自贸去": "自贸区", "自由贸易实验区": "自由贸易试验区", "试验去": "试验区",
    "备按": "备案", "被案": "备案", "法任": "法人", "发人资格": "法人资格",
    "崇佐": "崇左", "钦洲": "钦州", "钦州湾": "钦州港", "南宁片去": "南宁片区",
    "审核注策": "审核注册", "注测": "注册", "汇总标": "汇总表", "整该": "整改",
    "工做日": "工作日", "工作曰": "工作日", "人设厅": "人社厅", "人设局": "人社局",
    "合做": "合作", "协意": "协议", "样倦": "样卷", "样券": "样卷", "大钢": "大纲", "大刚": "大纲",
    "记划": "计划", "计化": "计划", "鉴定记划": "鉴定计划", "年鉴报": "年报", "汇总报": "汇总表",
    "考点设制": "考点设置", "考点设直": "考点设置", "设直标准": "设置标准", "备过案": "备案", "职业编马": "职业编码", "所有权规属": "所有权归属",
    "监官": "监管", "附建": "附件", "付件": "附件", "附見": "附件",
    "机够": "机构", "机沟": "机构", "合做方": "合作方",
    "证照分里": "证照分离", "姿信": "资信", "资性": "资信", "证照份离": "证照分离", "注侧": "注册", "营力": "营利", "盈力": "营利",
}

# Cantonese written forms to Mandarin ("我哋系外国机构", "使唔使搵本地机构合作", "边个管我哋"),
# applied to every message (longest first).
CANTONESE: dict[str, str] = {
    "我哋系": "我们是", "我系": "我是", "佢系": "他是", "呢个系": "这个是", "系唔系": "是不是", "系咪": "是不是",
    "使唔使": "要不要", "得唔得": "行不行", "可唔可以": "可不可以", "会唔会": "会不会", "有冇": "有没有",
    "係": "系", "我哋": "我们", "你哋": "你们", "佢哋": "他们", "边个": "谁", "乜嘢": "什么", "点样": "怎么",
    "点解": "为什么", "喺": "在", "嘅": "的", "咗": "了", "冇": "没有", "唔使": "不用", "搵": "找", "揾": "找", "畀": "给",
    "睇": "看", "啲": "些", "嚟": "来", "呢个": "这个", "呢度": "这里", "嗰个": "那个", "唔": "不",
    "好耐": "多久", "几耐": "多久", "几时": "什么时候", "边度": "哪里", "边间": "哪家", "俾": "给", "佢": "他",
    "咩嘢": "什么", "做咩": "做什么", "乜": "什么", "咩": "呢", "要唔要": "要不要",
}
_CANTONESE_MARKS = ("哋", "唔", "喺", "嘅", "边个", "揾", "冇", "咩", "好耐", "几耐", "边度", "俾", "佢", "乜")
_CANTONESE_THEN = re.compile(r"^咁(?=[^\s咁]{2})")  # "咁可行性论证报告呢": "那…呢"

# Oral Chinese to the written form (longest first when applied).
ORAL: dict[str, str] = {
    "啥时候": "什么时候", "几时": "什么时候", "为啥": "为什么", "干啥": "做什么", "啥": "什么",
    "咋办": "怎么办", "咋弄": "怎么办", "咋填": "怎么填", "咋": "怎么",
    "要得不嘛": "行不行", "要得不": "行不行", "多会儿": "多久", "多长时候": "多长时间", "得多久": "需要多久", "多老长时间": "多长时间", "多老长": "多长",
    "要不要": "是否需要", "用不用": "是否需要", "能不能": "能否", "可不可以": "能否",
    "行不行": "能否", "中不中": "能否", "是不是": "是否", "有没有": "是否有",
    "谁给批": "谁审批", "谁批": "谁审批", "批下来": "审批决定", "拿证": "取得许可",
    "搞": "开展", "弄": "办理",
}

_SPACE = re.compile(r"\s+")


# The words applicants use for the notice's annexes ("Attachment 2", "Appendix I").
_ANNEX_EN = re.compile(r"\b(?:attachment|appendix|appendices|enclosure)(s?)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _converter():  # noqa: ANN202 - opencc has no type hints
    from opencc import OpenCC

    return OpenCC("t2s")


def _replace_all(text: str, table: dict[str, str]) -> str:
    for wrong in sorted(table, key=len, reverse=True):
        if wrong in text:
            text = text.replace(wrong, table[wrong])
    return text


def to_simplified(text: str) -> str:
    """Traditional to simplified characters (text without Chinese is returned as is)."""
    if not any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return text
    return _converter().convert(text)


def normalise(text: str, oral: bool = False) -> str:
    """The message in the plain form the assistant reads.

    NFKC (full-width letters, digits and punctuation to half-width; 【】 and Chinese
    punctuation kept), traditional to simplified, typos fixed; with ``oral``, oral words
    rewritten as the notice writes them (used for retrieval, not shown to the user).
    A button payload ("/intent{...}") is returned unchanged.
    """
    if not text or text.startswith("/"):
        return text
    out = unicodedata.normalize("NFKC", text)
    # NFKC turns the Chinese full-width comma, colon, question mark … into ASCII; keep
    # both readable by the tokenizer by leaving them so (the tokenizer drops punctuation).
    out = to_simplified(out)
    out = _replace_all(out, TYPOS)
    if any(mark in out for mark in _CANTONESE_MARKS):
        out = _replace_all(out, CANTONESE)
    out = _CANTONESE_THEN.sub("那", out)
    out = _ANNEX_EN.sub(lambda m: "Annex" + m.group(1), out)  # "Attachment 2", "appendix 1"
    if oral:
        out = _replace_all(out, ORAL)
    return _SPACE.sub(" ", out).strip()
