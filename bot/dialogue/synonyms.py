"""Applicants' words → the notice's words, for retrieval.  A match appends the notice's term
to the query (the applicant's own words stay, so nothing is lost)."""

from __future__ import annotations

import re

# Chinese: what people say → the word the notice uses.
ZH: dict[str, str] = {
    "赚钱": "营利", "盈利": "营利", "挣钱": "营利", "收益": "营利", "利润": "营利", "商业": "营利",
    "老外": "外方 境外机构", "外国机构": "外方机构 境外机构", "外国": "外方 境外", "国外机构": "外方机构",
    "海外": "境外", "外资": "外方", "境外的": "境外机构",
    "国内的单位": "中方合作机构", "国内单位": "中方合作机构", "国内机构": "中方机构 中方合作机构",
    "中国的合作方": "中方合作机构", "合作方": "合作机构", "伙伴": "合作机构", "国内合作": "中方合作机构",
    "拉上": "合作", "找个": "合作", "联合": "合作", "搭档": "合作机构",
    "开考": "开展考试", "办考试": "开展考试", "考核": "鉴定", "认证考试": "职业技能考试",
    "发证书": "发证", "颁证": "发证", "出证": "发证", "领证": "发证",
    "批准": "审批", "批复": "审批决定", "同意": "审批", "核准": "审批", "许可证": "许可",
    "结果": "审批决定", "多久": "45个工作日", "多长时间": "45个工作日", "几天": "45个工作日 工作日",
    "节假日": "工作日", "国庆": "节假日 工作日", "春节": "节假日 工作日", "元旦": "节假日 工作日",
    "五一": "节假日 工作日", "劳动节": "节假日 工作日", "假期": "节假日 工作日", "周末": "工作日", "放假": "工作日",
    "起算": "收到申请之日起", "开始算": "收到申请之日起", "从哪天": "收到申请之日起",
    "营业执照": "营业执照", "公司": "机构", "单位": "机构", "协会": "行业组织 社会团体",
    "学会": "社会团体", "商会": "行业组织",
    "章程": "章程", "规章": "章程", "考试规则": "考务管理规则", "考场": "考点 场地",
    "考试地点": "考点", "考试中心": "考点", "题库": "题（卷）库", "试卷": "样卷", "试题": "样卷",
    "样题": "样卷", "样本": "证书样本", "证书样式": "证书样本", "大纲": "考试大纲", "标准": "职业标准",
    "检查": "监督检查", "查我们": "监督检查 日常检查", "抽查": "双随机", "飞检": "专项检查",
    "被投诉": "投诉举报", "投诉多": "投诉举报 重点监管", "处罚": "查处", "罚": "查处",
    "吊销": "撤销", "取消资格": "撤销 注销", "改名": "变更", "换名字": "变更",
"年底": "12月底", "每年": "每年12月底",
    "报计划": "鉴定计划 推送", "报备": "推送", "提前报": "鉴定计划 推送", "通知他们": "推送",
    "哪里能考": "自由贸易试验区", "在哪考": "自由贸易试验区", "区外": "自由贸易试验区",
    "自贸区": "自由贸易试验区", "片区外": "自由贸易试验区",
    "翻译": "中文译本", "中文版": "中文译本", "英文版": "外文版", "英文": "外文",
    "对等": "等同", "等效": "等同", "同等对待": "等同", "认不认": "等同", "承认": "等同",
    "补贴": "职业培训补贴", "评职称": "职业资格 晋升", "升职": "岗位晋升",
    "注册表": "审核注册表 附件1", "申请表": "审核注册表 附件1", "汇总表": "年度核发证书信息汇总表 附件2",
    "考官": "考评人员", "考评员": "考评人员", "员工": "专职工作人员", "工作人员": "专职工作人员",
    "监控": "视频监控", "摄像头": "视频监控", "电脑": "计算机", "机房": "计算机考务管理",
    "租的": "所有权归属", "自有": "所有权归属",
    "职业代码": "职业编码", "编号": "职业编码", "工种": "职业（工种）",
    "发了多少": "发证数量", "发多少": "发证数量",
    "文号": "桂人社规", "发文": "发文机关", "落款": "发文机关",
    "印发": "印发", "下发给": "主送", "发给谁": "主送",
    "专家评审": "专家 审核论证", "评审": "审核论证", "答辩": "审核论证",
    "搞": "开展", "干": "开展",
}

# English: applicants' words → the words of the English rendering.
EN: dict[str, str] = {
    "make money": "profit", "money": "profit", "commercial": "profit", "for-profit": "profit",
    "foreign": "overseas foreign", "local partner": "chinese cooperating institution",
    "chinese partner": "chinese cooperating institution", "partner": "cooperating institution",
    "local organisation": "chinese cooperating institution",
    "local organization": "chinese cooperating institution",
    "approve": "approves approval", "approval": "approves", "sign off": "approval",
    "how long": "working days decision", "how many days": "working days",
    "deadline": "working days decision", "holidays": "working days",
    "weekends": "working days", "holiday": "working days", "labour day": "holidays working days",
    "national day": "holidays working days", "spring festival": "holidays working days", "counted": "receives the application",
    "start counting": "receives the application", "clock": "receives the application",
    "inspect": "inspection supervision", "audit": "inspection supervision",
    "check on us": "inspection supervision", "complaints": "complaints key supervision",
    "punish": "dealt with according to law", "penalty": "dealt with according to law",
    "revoke": "revoking", "cancel": "cancelling", "withdraw": "withdrawing",
    "where": "free trade zone", "outside": "free trade zone", "ftz": "free trade zone",
    "translate": "translation", "english": "foreign-language", "chinese version": "translation",
    "equivalent": "equal", "recognised": "equal", "recognized": "equal",
    "annual": "december annual summary", "yearly": "annual summary december",
    "plan": "assessment plan", "notify": "send the assessment plan",
    "examiner": "examiners", "assessor": "examiners", "staff": "staff full-time",
    "cctv": "video surveillance", "camera": "video surveillance", "computer": "computer-based",
    "rented": "owned by", "leased": "owned by", "ownership": "owned by",
    "test centre": "test-centre", "test center": "test-centre", "exam site": "test-centre",
    "syllabus": "syllabus", "sample": "sample", "legal entity": "legal-person",
    "legal person": "legal-person", "non-profit": "profit",
}


# Patterns for words that vary in the middle ("赚点钱", "租来的", "signs off").
ZH_PATTERNS: dict[str, str] = {
    r"[赚挣].{0,2}钱": "营利", r"收.{0,3}费": "营利", r"租": "所有权归属", r"借用": "所有权归属",
    r"几家|多家|两家|换一家|另一家|再找一家": "同一时期内中方合作机构原则上应为一家",
    r"多长|多久|几个月": "45个工作日 期限", r"境外|国外|外方": "外方 外方机构",
    r"国内的?(?:单位|机构|公司|合作|伙伴|企业)|本地的?(?:单位|机构|公司)|中国的(?:单位|机构|公司)":
        "中方 中方合作机构",
    r"一起|共同|联手": "合作",
    r"(?<![一每])年报": "年度核发证书信息汇总表",
    r"中方.{0,24}(?:材料|要交|提交|准备|交什么|交哪些)|(?:材料|要交|提交|准备).{0,24}中方":
        "中方机构合法性证明材料",
    r"(?:外方|境外|外国|国外).{0,24}(?:材料|要交|提交|准备|交什么|交哪些)|"
    r"(?:材料|要交|提交|准备).{0,24}(?:外方|境外|外国)": "外方机构合法性证明材料",
    # A place named with "can we hold it there" (not a place merely mentioned in a story).
    r"(?:南宁|钦州|崇左|北海|桂林|柳州|梧州|防城港|玉林|百色|贺州|河池|来宾|贵港|市区|片区外|外省|区外)"
    r".{0,12}(?:行不行|行吗|可以吗|可不可以|能不能|能否|可否|算不算|也行|允许|考吗|办吗)|"
    r"(?:能不能|可不可以|可以|能否|能)(?:在|去|到).{0,8}(?:考|开展|办|搞|发证|鉴定)|片区外|区外|哪些地方|什么地方|"
    r"在哪(?:里|儿)?(?:考|开展|办|搞|鉴定|发证)":
        "只能在自由贸易试验区内开展鉴定、发证活动",
    r"[韩日德法俄英]文|[韩日德法俄英]语|西班牙文|外语|外文|英文版": "外文版 中文译本",
    r"谁来?管|归谁管|管理部门|(?:市里|市级|自治区|省里|省级).{0,4}管|管我们": "管理和监督 设区市 委托",
}
EN_PATTERNS: dict[str, str] = {
    r"signs? off": "approves approval",
    r"(?:can|could|may|allowed to)\b.{0,40}\b(?:in|at) (?:nanning|qinzhou|chongzuo|beihai|guilin|"
    r"liuzhou|wuzhou)|(?:nanning|qinzhou|chongzuo|beihai|guilin|liuzhou|wuzhou)\b.{0,20}\b(?:too|as well|"
    r"allowed|ok|okay|possible)\b|outside the (?:zone|ftz|area)|other cities|another city|"
    r"elsewhere in guangxi": "only inside the free trade zone",
    r"\b(?:korean|japanese|german|french|russian|spanish|english)[- ]language\b|\bin (?:korean|japanese|"
    r"german|french|russian|spanish|english)\b": "foreign-language translation", r"\brent(?:ed|s)?\b|\blease": "owned by",
    r"\bcharg\w*|\bfees? for profit|\bearn": "profit",
    r"chinese (?:partner|side|institution)\w*.{0,40}(?:provide|submit|documents|prove|hand in)":
        "proof of the chinese institution's legal standing",
    r"(?:foreign|overseas) (?:body|side|institution|partner)\w*.{0,40}(?:provide|submit|documents"
    r"|prove|hand in)": "proof of the foreign institution's legal standing",
    r"two partners|several partners|more than one partner|another partner|switch partners?":
        "only one chinese cooperating institution at a time",
}
_ZH_RE = tuple((re.compile(k), v) for k, v in ZH_PATTERNS.items())
_EN_RE = tuple((re.compile(k, re.IGNORECASE), v) for k, v in EN_PATTERNS.items())


def expand(text: str) -> str:
    """The text with the notice's words appended for every applicant's word found."""
    if not text:
        return text
    low = text.lower()
    extra = [v for k, v in ZH.items() if k in text]
    extra += [v for k, v in EN.items() if k in low]
    extra += [v for rx, v in _ZH_RE + _EN_RE if rx.search(text)]
    return f"{text} {' '.join(extra)}" if extra else text
