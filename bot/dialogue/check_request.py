"""Whether a message asks to run the eligibility self-check ("帮我测一下能不能申请", "eligibility
check please") or only mentions a condition, a check or an inspection ("他们会来查我们吗",
"你能保证通过吗", "别给我做自测"): the words that decide it, apart from the classifier."""

from __future__ import annotations

import re

from bot.dialogue import self_check as elig
from bot.dialogue.silence import silent_aspect

# A request to run the self-check, in so many words; and words any such request holds.
_START_CHECK = re.compile(
    r"自测|自查|自评|自检|自我评估|自我检测|测一下|测测|测试一下|评估一下|预评估|帮我(?:看看|评估|判断)(?:一下)?"
    r"(?:我们|我)?(?:能不能|是否|够不够|符不符合|有没有资格)|self[- ]?(?:check|assessment|assess|test"
    r"|evaluation)|eligibility (?:check|test|quiz|assessment|screening)|check (?:my|our) eligibility"
    r"|(?:quick|short) (?:eligibility )?(?:check|assessment|quiz)\b(?! on)|am i eligible|are we eligible"
    r"|do we qualify|see if we (?:qualify|are eligible)|(?:assess|check|see|find out|evaluate) (?:whether|if)"
    r" (?:we|our \w+|my \w+) (?:meets?|qualif|satisf|fulfil)|(?:go|walk) (?:me |us )?through the "
    r"(?:licensing )?conditions|一条一条(?:问|对照|核对)|逐条(?:问|对照|核对)|对照(?:一下)?(?:许可)?条件"
    r"(?:看看|帮我|测)|帮我(?:看看|判断|测)(?:一下)?(?:我们)?(?:够不够|符不符合|满不满足)"
    r"|过一[遍下](?:资格|条件)|一条条(?:问|对照|核对|过)|逐项(?:问|核对|对照)|(?:确认|看看|判断|测)(?:一下)?(?:自己|我们|我)?(?:够不够|符不符合|满不满足)(?:条件|资格)|资格核查|(?:核查|审查|检查|评估)(?:一下)?(?:我们的?)?资格|做个资格(?:检查|审查|评估)|(?:看看|测下|瞧瞧|判断下)(?:我们|俺们?|咱们?|我司|我)(?:能不能|能否|是否能|够不够|符不符合"
    r"|有没有资格)(?:申请|报|办|注册)|yes/no checklist|checklist to see (?:if|whether)|see (?:if|whether) (?:we|i)"
    r" (?:can|could) apply|(?:go|walk) (?:me |us )?through the (?:requirements|criteria)|(?:go|walk) (?:me |us )?"
    r"through (?:the |our )?(?:\w+ )?(?:conditions|requirements|criteria) one by one", re.IGNORECASE)
# A softer request, in the user's own words: "我想确认一下我们是否有资格…", "帮我检查下我们能否
#作为中方合作机构参与" (not when it asks about the department's checks: _INSPECTION).
_START_ASK = re.compile(
    r"(?:确认|评估|检查|核查|判断|测|看一?看)(?:一下|下)?(?:我们|我|自己|我司|咱们|本机构)?\S{0,14}"
    r"(?:是否|能否|能不能|有没有|够不够|符不符合|可不可以)\S{0,16}(?:资格|参与|申请|开展|条件)|"
    r"对照(?:一下)?(?:许可)?条件\S{0,3}(?:查|看|核|测|过|评估)|帮(?:我|忙|我们)(?:对照|核对|对一下)(?:一下)?(?:许可)?条件",
    re.IGNORECASE)
# The check done already, or not wanted: "我们已经自查过条件了", "不用帮我逐条核对".
_NOT_START = re.compile(r"(?:已经|已)\S{0,2}(?:自查|自测|自检|自评|核对|对照)过?|(?:自查|自测|自检|核对)过了|"
                        r"直接(?:给|批|发|通过|批准|下)|\b(?:just|directly) (?:approve|grant)|"
                        r"不是(?:要|想)(?:做|让你|请你)?\S{0,2}(?:自测|自查|自检|资格(?:检查|评估|核查)|测评|评估)|"
                        r"\bnot (?:asking for|looking for|after|wanting|requesting) (?:an? |the )?(?:eligibility |self-?)?"
                        r"(?:check|assessment|quiz|test)|"
                        r"不(?:用|需要|必)\S{0,4}(?:核对|自检|自查|自测|测|检查|核查|审查|评估|逐条|逐项|一条条|一条一条|问我)|no need to (?:check|run|go through)|"
                        r"(?:别|(?<!要)不要|甭|勿)\S{0,4}(?:自测|自查|自检|自评|测评|评估|核对|逐条|逐项|问我)|"
                        r"\b(?:don't|do not) (?:start|run|begin|do)\b(?:\s\S+){0,3}?\s(?:self-?)?(?:check|quiz|assessment|test)|"
                        r"\bwithout (?:a|the|any) (?:self-?check|eligibility check|check|quiz)|\bno (?:self-?check|quiz)\b|"
                        r"(?:don't|do not) (?:need|want) (?:a|the|an|any) (?:check|self-check|quiz)|already (?:checked|did|done|"
                        r"ran|run)", re.IGNORECASE)
# A question about the department's inspections or review, not a request to run the check.
_INSPECTION = re.compile(r"(?:会|要|来|去)(?:检查|审核|审查|核查|查)|检查我们|监督|抽查|\binspect|\bsupervis|\baudit"
                         r"|\bwill (?:the \w+|they|you) (?:check|review|verify)", re.IGNORECASE)
# "Quick question: who do we apply to?": a question for a fact, not a request for the check.
_WH_QUESTION = re.compile(r"^\W*(?:(?:a |one )?quick question[:,]?\s*|btw,?\s*|by the way,?\s*)?(?:who|what|when|"
                          r"where|which|whom|how (?:long|many|much|often))\b|谁|什么|啥|哪|多久|几天|多少",
                          re.IGNORECASE)
# A question about one of the materials, not a request for the check.
_ABOUT_A_PAPER = re.compile(r"批准文件|批文|证明|章程|执照|登记证书|样卷|样本|大纲|标准|协议|报告|译本|翻译|注册表|汇总表|附件|"
                            r"\b(?:approval document|certificate of|licen[cs]e|articles|syllabus|agreement|report|"
                            r"translation|annex|form)\b", re.IGNORECASE)
_ELIGIBLE_WORDS = re.compile(r"够不够|够条件|符不符合|符合条件|满足条件|有没有资格|有资格|\beligib|\bqualif",
                             re.IGNORECASE)
_CHECK_CUE = re.compile(
    r"自测|自查|自评|自检|评估|测|检查一下我们|看看我们|符合|够不够|资格|条件|能申请|能不能申请|可以申请|能否申请|能办|"
    r"\bself[- ]?(?:check|assess|test|evaluat)|eligib|qualif|assess|\bcheck (?:if|whether|my|our|us)\b|quiz|"
    r"screen|conditions|\bapply\b", re.IGNORECASE)

def asks_for_check(text: str) -> bool:
    """Whether the words ask, in so many words, for the self-check."""
    return bool(_START_CHECK.search(text))


def intent_of(text: str, intent: str | None) -> str | None:
    """``start_self_check`` for a request to run the check, the fallback intent for a
    question the classifier took for one, or None (nothing certain from the words)."""
    if _START_CHECK.search(text) and not elig.parse_answer(text.strip()) and not _NOT_START.search(text):
        return "start_self_check"
    if _START_ASK.search(text) and not _NOT_START.search(text) and \
            not _INSPECTION.search(text) and silent_aspect(text) is None:
        return "start_self_check"
    if intent != "start_self_check":
        return None
    if not _START_CHECK.search(text) and _ABOUT_A_PAPER.search(text):
        return elig.FALLBACK_INTENT  # "政府批准文件我们没有，是不是就不能申请了": of that paper
    if not _CHECK_CUE.search(text) or silent_aspect(text) or _INSPECTION.search(text) or \
            _NOT_START.search(text) or _WH_QUESTION.search(text) and not _ELIGIBLE_WORDS.search(text):
        # Only mentions a condition ("会来查我们吗", "能保证通过吗"), or asks what the
        # notice leaves open ("不批能申请复议吗"): a question.
        return elig.FALLBACK_INTENT
    return None
