"""Which material(s) of the notice a file is, from its content and its name.

Each material id has a table of cues in Chinese and in the languages foreign
institutions write in (en, fr, de, es, ja, ko, ru, with a little it/pt/nl), plus the
aliases bot.notice lists for it.  A cue counts most in the file's first lines (its
title), then in heading-like lines anywhere (a file can hold several materials, each
under its own heading), then in the file name, and least in running text.

Two pairs of materials share their words and are told apart by whose document it is:
articles of association (1.1.2 foreign / 1.2.2 Chinese) and registration certificates
(1.1.1 foreign / 1.2.1 Chinese business licence or public-institution certificate).  A
foreign-language file, a Chinese translation (译本) or Chinese text about a foreign
company is foreign; Chinese text about a Chinese company is Chinese.  考试章程 (3.1) is
never articles of association.

A file whose best score is low is left unclassified, with its best guesses as
``candidates`` so the user can be asked which material it is.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field

from bot.notice import MATERIALS
from bot.precheck.cues_world import COOPERATION_WORDS, PARTY_PAIRS, WORLD_CUES

# Pseudo-materials resolved by origin (foreign or Chinese institution).
ARTICLES = "articles"
REGISTRATION = "registration"
_BY_ORIGIN = {ARTICLES: ("1.1.2", "1.2.2"), REGISTRATION: ("1.1.1", "1.2.1")}

# material id → (cue, weight).  A cue is a literal, matched case-insensitively (Latin
# cues on word boundaries), or a regex when it starts with "re:".
CUES: dict[str, tuple[tuple[str, float], ...]] = {
    REGISTRATION: (
        ("certificate of incorporation", 3), ("certificate of registration", 3),
        ("registration certificate", 3), ("company registration", 2.5),
        ("incorporation", 1.5), ("incorporated", 1), ("registrar of companies", 2),
        ("companies house", 1.5), ("company no", 1), ("company number", 1),
        ("registered number", 1), ("certificate of good standing", 2.5),
        ("handelsregisterauszug", 3), ("auszug aus dem handelsregister", 3),
        ("handelsregister", 2), ("registerauszug", 2.5), ("vereinsregister", 2.5),
        ("amtsgericht", 1), ("extrait kbis", 3), ("kbis", 3), ("registre du commerce", 2.5),
        ("certificat d'immatriculation", 3), ("certificat d'enregistrement", 3),
        ("immatriculation", 1.5), ("registro mercantil", 2.5), ("certificado de registro", 3),
        ("certificado de constitución", 3), ("certificado de inscripción", 3),
        ("certificato di registrazione", 3), ("visura camerale", 3),
        ("登記簿謄本", 3), ("履歴事項全部証明書", 3), ("登記事項証明書", 3),
        ("사업자등록증", 3), ("법인등기부등본", 3), ("등기사항전부증명서", 3), ("법인 등기", 2.5),
        ("свидетельство о регистрации", 3), ("свидетельство о государственной регистрации", 3),
        ("выписка из реестра", 3), ("выписка из егрюл", 3), ("егрюл", 2),
        ("公司注册证书", 3), ("注册证书", 3), ("re:(?<!事业单位)(?<!社会团体)登记证书", 3),
        ("注册登记证书", 3), ("商业登记证", 3), ("成立证书", 3), ("公司注册证明", 3),
        ("注册成立", 1.5), ("公司注册处", 1.5),
    ),
    ARTICLES: (
        ("articles of association", 3), ("memorandum and articles", 3),
        ("memorandum of association", 2.5), ("articles of incorporation", 3), ("bylaws", 3),
        ("by-laws", 3), ("constitution", 2), ("statutes", 2),
        ("re:(?<!examination )(?<!exam )charter", 1), ("satzung", 3),
        ("gesellschaftsvertrag", 3), ("vereinssatzung", 3), ("statuts", 3), ("estatutos", 3),
        ("estatuto", 2.5), ("statuto", 3), ("statuten", 3), ("定款", 3), ("정관", 3),
        ("устав", 3), ("re:(?<!考试)(?<!考务)章程", 2.5), ("机构章程", 3), ("公司章程", 3),
        ("协会章程", 3), ("学会章程", 3), ("组织章程", 3), ("组织章程大纲", 3), ("组织章程细则", 3),
        ("股东会", 1), ("董事会", 0.7), ("shareholders", 0.7), ("directors", 0.5),
    ),
    "1.1.2": (("外方章程", 4), ("外方机构章程", 4)),
    "1.2.2": (("中方章程", 4), ("中方机构章程", 4)),
    "1.1.3": (
        ("government approval", 3), ("approval letter", 2), ("letter of approval", 2.5),
        ("recognised as an awarding organisation", 3), ("awarding organisation", 1.5),
        ("awarding body", 1), ("recognition", 1), ("accreditation certificate", 2.5),
        ("certificate of accreditation", 2.5), ("accreditation", 1.5), ("accredited", 1),
        ("ofqual", 2), ("regulated qualifications", 1.5), ("authorisation", 1.5),
        ("authorization", 1.5), ("staatliche anerkennung", 3), ("anerkennung", 2),
        ("akkreditierung", 2.5), ("genehmigung", 1.5), ("zulassungsbescheid", 2.5),
        ("agrément", 2), ("accréditation", 2.5), ("habilitation", 1.5),
        ("autorización", 2), ("acreditación", 2.5), ("認定書", 2.5), ("認可書", 2.5),
        ("認定", 1), ("인가서", 2.5), ("인가", 1.5), ("аккредитация", 2.5),
        ("свидетельство об аккредитации", 3), ("лицензия", 1.5), ("政府批准文件", 3.5),
        ("批准文件", 2.5), ("认证批准", 3), ("认可证书", 2.5), ("认可", 1), ("批准", 1),
        ("授权", 1), ("资格认可", 2),
    ),
    "1.1.4": (
        ("bank reference letter", 3), ("bank reference", 3), ("bank letter", 2.5),
        ("credit reference", 3), ("banker's reference", 3), ("bankers reference", 3),
        ("bank confirmation", 2.5), ("bank statement", 2), ("letter of good standing", 1.5),
        ("current account", 1), ("bank", 0.5), ("banked with us", 2.5),
        ("banking relationship", 2.5), ("normal business engagements", 2.5),
        ("maintained an account", 2), ("account with us", 2), ("conducted satisfactorily", 1.5),
        ("account has been conducted", 1.5), ("bankauskunft", 3), ("bankbestätigung", 3),
        ("bankreferenz", 3), ("geschäftskonto", 1), ("attestation bancaire", 3),
        ("référence bancaire", 3), ("lettre de référence bancaire", 3), ("compte courant", 1),
        ("carta de referencia bancaria", 3), ("referencia bancaria", 3),
        ("certificado bancario", 2.5), ("referenza bancaria", 3), ("銀行信用証明", 3),
        ("残高証明書", 2.5), ("銀行取引証明", 2.5), ("은행신용증명서", 3), ("은행 신용", 3),
        ("잔고증명서", 2.5), ("잔고 증명서", 2.5), ("банковская справка", 3),
        ("банковская рекомендация", 3), ("рекомендательное письмо банка", 3),
        ("银行资信证明", 3.5), ("资信证明", 3), ("银行证明", 2.5), ("资信", 1.5), ("银行", 0.5),
        ("开立往来账户", 1), ("账户", 0.5),
    ),
    "1.2.1": (
        ("营业执照", 3.5), ("事业单位法人证书", 3.5), ("事业单位登记证书", 3.5),
        ("民办非企业单位登记证书", 3), ("社会团体法人登记证书", 3), ("社会团体登记证书", 3),
        ("统一社会信用代码", 1), ("法定代表人", 1), ("经营范围", 1.5), ("登记机关", 1.5),
        ("市场监督管理局", 1), ("注册资本", 1), ("business licence", 3), ("business license", 3),
        ("public institution registration certificate", 3), ("legal person certificate", 2),
        ("unified social credit code", 1), ("business scope", 1.5),
    ),
    "1.2.3": (
        ("机构介绍", 3), ("机构简介", 3), ("单位简介", 3), ("公司简介", 3), ("单位介绍", 3),
        ("公司介绍", 3), ("中方机构介绍", 4), ("基本情况介绍", 2), ("简介", 1.5),
        ("institution profile", 3), ("introduction to the institution", 3),
        ("company profile", 3), ("organisation profile", 3), ("organization profile", 3),
        ("about us", 2), ("profile", 1), ("introduction", 0.7),
    ),
    "2.1": (
        ("职业标准", 3), ("考试大纲", 3.5), ("培训大纲", 2), ("国家职业技能标准", 3), ("技能标准", 2),
        ("大纲", 1.5), ("syllabus", 3), ("occupational standard", 3), ("occupational standards", 3),
        ("qualification specification", 3), ("qualification handbook", 2.5), ("curriculum", 2),
        ("learning outcomes", 1.5), ("guided learning hours", 1.5), ("competency standard", 3),
        ("competence standard", 3), ("unit standard", 2), ("lehrplan", 3),
        ("rahmenlehrplan", 3), ("ausbildungsordnung", 2.5), ("berufsbild", 2),
        ("prüfungsinhalte", 2), ("programme d'examen", 3), ("référentiel de compétences", 3),
        ("référentiel", 2.5), ("programme de formation", 2), ("programa de examen", 3),
        ("temario", 3), ("plan de estudios", 2.5), ("norma de competencia", 3),
        ("programma d'esame", 3), ("出題範囲", 3), ("試験要綱", 3), ("シラバス", 3),
        ("職業能力評価基準", 3), ("시험 요강", 3), ("시험요강", 3), ("출제기준", 3), ("교육과정", 2),
        ("программа экзамена", 3), ("профессиональный стандарт", 3), ("учебная программа", 3),
    ),
    "2.2": (
        ("证书等级规定", 4), ("证书等级", 2.5), ("等级规定", 3), ("证书样本", 3), ("证书样张", 3),
        ("样本", 1), ("各等级证书", 2), ("re:证书.{0,10}样[本张]", 2.5), ("样张", 2), ("certificate levels", 3), ("sample certificate", 3),
        ("sample certificates", 3), ("certificate sample", 3), ("specimen certificate", 3),
        ("level descriptors", 2.5), ("levels of the qualification", 2),
        ("zertifikatsstufen", 3), ("musterzertifikat", 3), ("niveaustufen", 2.5),
        ("niveaux de certification", 3), ("modèle de certificat", 3),
        ("spécimen de certificat", 3), ("niveles del certificado", 3),
        ("modelo de certificado", 3), ("証明書見本", 3), ("資格等級", 2.5), ("자격증 견본", 3),
        ("증명서 견본", 3), ("자격 등급", 2.5), ("образец сертификата", 3),
        ("уровни квалификации", 2.5),
    ),
    "2.3": (
        ("考试样卷", 4), ("样卷", 3), ("试卷样本", 3), ("模拟试卷", 2.5), ("试卷", 2), ("试题", 1.5),
        ("sample examination paper", 3.5), ("sample paper", 3), ("sample exam", 3),
        ("specimen paper", 3), ("past paper", 2.5), ("mock exam", 2), ("mock examination", 3), ("examination paper", 2.5),
        ("exam paper", 2.5), ("practice paper", 2.5), ("specimen", 1.5), ("sample questions", 2.5),
        ("question paper", 2), ("answer all questions", 1.5), ("musterprüfung", 3),
        ("beispielprüfung", 3), ("prüfungsaufgaben", 2.5), ("sujet d'examen", 3),
        ("épreuve type", 3), ("examen blanc", 3), ("examen de muestra", 3),
        ("modelo de examen", 3), ("サンプル問題", 3), ("試験問題見本", 3), ("過去問", 2.5),
        ("샘플 시험지", 3), ("예시 문제", 3), ("기출문제", 2.5), ("образец экзаменационного", 3),
        ("экзаменационный билет", 2.5),
    ),
    "3.1": (
        ("考试章程", 4.5), ("exam regulations", 3), ("examination regulations", 3),
        ("regulations for examinations", 3), ("examination rules", 2), ("exam rules", 2),
        ("examination charter", 3), ("prüfungsordnung", 3), ("règlement d'examen", 3),
        ("règlement des examens", 3), ("reglamento de examen", 3),
        ("reglamento de exámenes", 3), ("regolamento d'esame", 3), ("試験規程", 3),
        ("試験規則", 3), ("시험 규정", 3), ("시험규정", 3), ("положение об экзаменах", 3),
        ("экзаменационный регламент", 3), ("报考条件", 1), ("eligibility", 0.7),
        ("appeals", 0.5),
    ),
    "3.2": (
        ("考务管理规则", 4.5), ("考务管理", 3), ("考务规则", 3), ("考务工作", 2), ("监考", 1.5),
        ("examination administration", 3), ("exam administration", 3),
        ("administration rules", 2), ("invigilation", 2), ("invigilator", 1.5),
        ("invigilators", 1.5), ("instructions for conducting examinations", 3),
        ("malpractice", 1), ("prüfungsdurchführung", 3), ("prüfungsaufsicht", 2.5),
        ("organisation des examens", 3), ("surveillance des examens", 2.5),
        ("administración de exámenes", 3), ("試験実施要領", 3), ("実施規則", 2.5),
        ("試験監督", 2.5), ("시험 관리 규정", 3), ("시험관리", 3), ("감독관", 1.5),
        ("порядок проведения экзаменов", 3), ("правила проведения экзамена", 3),
        ("проведения экзаменов", 2),
    ),
    "3.3": (
        ("考点设置标准", 4.5), ("考点设置", 3), ("考点标准", 3), ("考点", 1.5), ("考场设置", 2.5),
        ("考场", 1), ("test centre standards", 3.5), ("test center standards", 3.5),
        ("test centre", 2), ("test center", 2), ("examination centre", 2), ("exam centre", 2),
        ("centre approval criteria", 3), ("centre requirements", 2.5), ("assessment centre", 2),
        ("prüfungszentrum", 2.5), ("prüfungszentren", 2.5), ("prüfungsstelle", 2),
        ("centre d'examen", 2.5), ("centres d'examen", 2.5), ("centro de examen", 2.5),
        ("centros de examen", 2.5), ("試験会場", 2.5), ("試験センター", 2.5), ("시험장", 2.5),
        ("시험센터", 2.5), ("экзаменационный центр", 2.5), ("центр тестирования", 2.5),
    ),
    "4.1": (
        ("国外职业资格证书及其发证机构资格审核注册表", 5), ("资格审核注册表", 4), ("审核注册表", 3),
        ("注册表", 1.5), ("附件1", 1), ("申请单位基本信息", 3), ("证书核发机构名称", 2.5),
        ("考评人员情况", 2), ("专职工作人员情况", 2), ("设施设备情况", 1.5),
        ("registration form", 2), ("application form", 1.5), ("annex 1", 1),
    ),
    "4.2": (
        ("合作协议书", 4), ("合作协议", 3), ("协议书", 2.5), ("协议", 1.5),
        ("re:合作.{0,6}协议", 3), ("合作合同", 3), ("合同", 1.5), ("甲方", 1), ("乙方", 1),
        ("cooperation agreement", 3.5), ("co-operation agreement", 3.5),
        ("partnership agreement", 3), ("memorandum of understanding", 2.5), ("agreement", 1.6),
        ("contract", 1), ("party a", 1), ("party b", 1), ("kooperationsvertrag", 3),
        ("kooperationsvereinbarung", 3), ("vertrag", 1), ("accord de coopération", 3),
        ("accord de partenariat", 3), ("convention de partenariat", 3),
        ("acuerdo de cooperación", 3), ("convenio de colaboración", 3),
        ("accordo di cooperazione", 3), ("協力協定", 3), ("提携契約", 3), ("業務提携", 2.5),
        ("협력 협약", 3), ("협력협약", 3), ("업무협약", 3), ("соглашение о сотрудничестве", 3),
        ("договор о сотрудничестве", 3),
    ),
    "4.3": (
        ("可行性论证报告", 4.5), ("可行性报告", 3.5), ("可行性论证", 3), ("可行性研究", 3), ("可行性", 2),
        ("feasibility report", 3.5), ("feasibility study", 3.5), ("feasibility", 2),
        ("machbarkeitsstudie", 3.5), ("étude de faisabilité", 3.5),
        ("rapport de faisabilité", 3.5), ("estudio de viabilidad", 3.5),
        ("informe de viabilidad", 3.5), ("studio di fattibilità", 3.5), ("実現可能性", 3),
        ("フィージビリティ", 3), ("타당성 조사", 3), ("타당성", 2.5),
        ("технико-экономическое обоснование", 3.5), ("обоснование", 1.5),
    ),
}

# Words that say a Chinese file is a translation of a foreign original.
TRANSLATION_CUES = ("中文译本", "中译本", "译本", "译文", "翻译件", "中文翻译", "翻译本", "（中文）",
                    "(中文)", "中文版", "本译文", "译者", "翻译专用章", "翻译公司", "translation",
                    "translated", "übersetzung", "traduction", "traducción", "перевод", "翻訳",
                    "번역")

# Cues that a document is about a foreign institution, or about a Chinese one.
_FOREIGN_CUES = re.compile(
    r"(?<!co\.,\s)(?<!co\.,)\b(?:ltd|limited)\b|"
    r"\b(?:gmbh|inc|llc|plc|e\.\s?v|s\.a\.s?|sas|sarl|ag|bv|pty|kk|co\.\s?kg)\b|"
    r"英国|英格兰|苏格兰|威尔士|德国|法国|美国|日本|韩国|俄罗斯|澳大利亚|新加坡|加拿大|西班牙|意大利|"
    r"荷兰|瑞士|新西兰|爱尔兰|奥地利|比利时|瑞典|丹麦|挪威|芬兰|马来西亚|泰国|越南|英镑|欧元|美元|外方",
    re.IGNORECASE)
_CHINESE_CUES = re.compile(
    r"中华人民共和国|统一社会信用代码|市场监督管理|事业单位|民政厅|民政局|人力资源和社会保障|广西|南宁|"
    r"中方|people's republic of china|\bprc\b|unified social credit|guangxi|nanning",
    re.IGNORECASE)

_LATIN_LETTER = r"a-z0-9à-öø-ÿœßа-яё"
_ID_PREFIX = re.compile(r"^\s*(?:材料)?\s*(\d\.\d(?:\.\d)?)(?![\d.]*\d)")
_SENTENCE_END = re.compile(r"[.。;；:：,，]\s*$")

# How much a cue counts where it is found.
TITLE_WEIGHT = 3.0
HEADING_WEIGHT = 2.0
NAME_WEIGHT = 2.5
BODY_CAP = 3.0  # running-text hits of one cue count at most this many times its weight
MIN_SCORE = 4.5  # below this the file is unclassified
BODY_ONLY_MIN = 6.0  # ... and below this when no title, heading or file name names it
SECONDARY_SHARE = 0.45  # a second material needs this share of the best score
BODY_CHARS = 60_000  # running text looked at


_TOKEN = re.compile(rf"[{_LATIN_LETTER}]+")


@dataclass(frozen=True)
class _Cue:
    """A compiled cue: ``pattern`` finds it in short texts (titles, headings, names);
    ``count`` counts it in running text quickly."""

    pattern: re.Pattern[str]
    weight: float
    words: str = ""  # a Latin/Cyrillic cue as space-joined tokens, counted via word n-grams
    literal: str = ""  # a CJK cue, counted with str.count

    def count(self, body: str, grams: dict[str, int]) -> int:
        if self.words:
            return grams.get(self.words, 0)
        if self.literal:
            return body.count(self.literal)
        return len(self.pattern.findall(body))


_MAX_GRAM = 5


def _compile(cue: str, weight: float) -> _Cue:
    if cue.startswith("re:"):
        return _Cue(re.compile(cue[3:], re.IGNORECASE), weight)
    low = cue.lower()
    escaped = re.escape(low)
    if re.match(rf"[{_LATIN_LETTER}]", low):
        tokens = _TOKEN.findall(low)
        pattern = re.compile(rf"(?<![{_LATIN_LETTER}]){escaped}(?![{_LATIN_LETTER}])")
        if 0 < len(tokens) <= _MAX_GRAM:
            return _Cue(pattern, weight, words=" ".join(tokens))
        return _Cue(pattern, weight)
    return _Cue(re.compile(escaped), weight, literal=low)


def _word_grams(text: str) -> dict[str, int]:
    """Counts of every run of 1 to 5 consecutive words of a (lower-case) text."""
    tokens = _TOKEN.findall(text)
    grams: dict[str, int] = {}
    for n in range(1, _MAX_GRAM + 1):
        for i in range(len(tokens) - n + 1):
            key = " ".join(tokens[i:i + n]) if n > 1 else tokens[i]
            grams[key] = grams.get(key, 0) + 1
    return grams


def _alias_weight(alias: str) -> float:
    latin = bool(re.match(r"[a-z]", alias.lower()))
    if latin:
        return 2.0 if " " in alias else 0.8
    return 2.0 if len(alias) >= 4 else 0.8


def _build() -> dict[str, list[_Cue]]:
    table: dict[str, dict[str, float]] = {k: {c: w for c, w in v} for k, v in CUES.items()}
    for key, extra in WORLD_CUES.items():
        known = table.setdefault(key, {})
        for cue, weight in extra.items():
            known[cue] = max(weight, known.get(cue, 0.0))
    for m in MATERIALS:
        target = m.id
        if m.id in ("1.1.2", "1.2.2"):
            target = ARTICLES
        elif m.id == "1.1.1":
            target = REGISTRATION
        known = table.setdefault(target, {})
        for alias in m.aliases:
            key = alias.lower()
            if key in known or any(key == c.lower() for c in known):
                continue
            if target == ARTICLES and key in ("章程",):
                continue
            known[alias] = _alias_weight(alias)
    return {k: [_compile(c, w) for c, w in v.items()] for k, v in table.items()}


_PATTERNS = _build()


@dataclass
class Classification:
    """``materials``: the material ids found (empty when unclassified); ``candidates``:
    the best guesses with a confidence in 0..1, best first; ``is_translation``: the file
    presents itself as a Chinese translation; ``origin``: foreign|chinese|"" for the
    articles/registration decision."""

    materials: list[str] = field(default_factory=list)
    candidates: list[tuple[str, float]] = field(default_factory=list)
    is_translation: bool = False
    origin: str = ""
    scores: dict[str, float] = field(default_factory=dict)

    @property
    def unclassified(self) -> bool:
        return not self.materials


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return text.lower()


def _name_text(name: str) -> str:
    stem = name.rsplit("/", 1)[-1]
    if "." in stem:
        stem = stem.rsplit(".", 1)[0]
    return _normalise(re.sub(r"[_\-.+]+", " ", stem))


def title_lines(text: str, limit: int = 3) -> list[str]:
    """The first meaningful lines of a text (its title block): up to ``limit`` short
    lines, ending at the first sentence.  The first line always counts."""
    out: list[str] = []
    for line in text[:5000].splitlines():
        line = line.strip()
        if len(line) < 2 or not re.search(r"[^\W\d_]", line):
            continue
        if out and (len(line) > 60 or _SENTENCE_END.search(line)):
            break
        out.append(line[:120])
        if len(out) >= limit:
            break
    return out


def _headings(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line or len(line) > 40 or _SENTENCE_END.search(line):
            continue
        if re.search(r"[^\W\d_]", line):
            out.append(line)
    return out[:400]


def is_translation_text(name: str, title: str) -> bool:
    """Whether a file's name or title says it is a translation."""
    hay = _normalise(f"{name}\n{title}")
    return any(cue in hay for cue in TRANSLATION_CUES)


def origin_of(text: str, language: str, is_translation: bool, title: str = "") -> str:
    """foreign | chinese: whose document a text is."""
    head = title[:200]
    if "外方" in head:
        return "foreign"
    if "中方" in head:
        return "chinese"
    sample = text[:20_000]
    foreign = len(_FOREIGN_CUES.findall(sample))
    chinese = len(_CHINESE_CUES.findall(sample))
    if language not in ("zh", "und"):
        return "chinese" if chinese >= 2 and chinese > 2 * foreign else "foreign"
    if is_translation:
        return "foreign"
    return "foreign" if foreign >= 2 and foreign > chinese else "chinese"


def _confidence(score: float) -> float:
    return round(1.0 - math.exp(-score / 6.0), 3)


def classify(text: str, name: str = "", *, language: str = "und", title: str = "",
             bilingual: bool = False) -> Classification:
    """Classify one file from its text, its file name and (optionally) its language and
    metadata title."""
    titles = title_lines(text)
    if title:
        titles.insert(0, title)
    title_text = _normalise("\n".join(titles))
    heading_text = _normalise("\n".join(_headings(text[:BODY_CHARS])))
    body = _normalise(text[:BODY_CHARS])
    name_text = _name_text(name) if name else ""
    is_translation = (language == "zh" or bilingual) and is_translation_text(name, "\n".join(
        titles))

    grams = _word_grams(body) if body else {}
    scores: dict[str, float] = {}
    for key, cues in _PATTERNS.items():
        s = 0.0
        for cue in cues:
            weight = cue.weight
            if title_text and cue.pattern.search(title_text):
                s += TITLE_WEIGHT * weight
            elif heading_text and cue.pattern.search(heading_text):
                s += HEADING_WEIGHT * weight
            if name_text and cue.pattern.search(name_text):
                s += NAME_WEIGHT * weight
            hits = cue.count(body, grams) if body else 0
            if hits:
                s += weight * min(BODY_CAP, 1.0 + math.log(hits))
        if s:
            scores[key] = s

    numbered = ""  # a material id the file name starts with, e.g. "1.1.4 bank.pdf"
    m = _ID_PREFIX.match(name.rsplit("/", 1)[-1]) if name else None
    if m and any(mat.id == m.group(1) for mat in MATERIALS):
        numbered = m.group(1)
        scores[numbered] = scores.get(numbered, 0.0) + 6.0

    origin = ""
    if ARTICLES in scores or REGISTRATION in scores:
        origin = origin_of(text, language, is_translation, "\n".join(titles) + "\n" + name)
    for pseudo, (foreign_id, chinese_id) in _BY_ORIGIN.items():
        if pseudo in scores:
            target = foreign_id if origin == "foreign" else chinese_id
            scores[target] = scores.get(target, 0.0) + scores.pop(pseudo)
    # An explicit 外方/中方 articles cue decides between the two.
    if scores.get("1.1.2") and scores.get("1.2.2"):
        drop = "1.2.2" if origin == "foreign" else "1.1.2"
        scores.pop(drop)
    # A business licence names a registration authority: not a foreign certificate.
    if scores.get("1.2.1", 0) >= scores.get("1.1.1", 0) and origin != "foreign":
        scores.pop("1.1.1", None)

    # 合同/协议/contract in running text (a report, an auditor's letter) does not make a
    # file the cooperation agreement: that takes a title-level cue or the two parties.
    if "4.2" in scores and numbered != "4.2" and not _agreement_evidence(
            title_text, heading_text, name_text, body):
        scores["4.2"] = min(scores["4.2"], MIN_SCORE - 0.5)

    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    candidates = [(mid, _confidence(s)) for mid, s in ranked[:3]]
    materials: list[str] = []
    if ranked and ranked[0][1] >= MIN_SCORE:
        best = ranked[0][1]
        for mid, s in ranked:
            if s < MIN_SCORE or s < SECONDARY_SHARE * best:
                break
            named = mid == numbered or _has_heading_cue(mid, title_text, heading_text,
                                                        name_text, origin)
            if not named and (materials or s < BODY_ONLY_MIN):
                continue
            materials.append(mid)
    return Classification(materials=materials, candidates=candidates,
                          is_translation=is_translation, origin=origin,
                          scores={k: round(v, 2) for k, v in ranked})


def _has_heading_cue(mid: str, title_text: str, heading_text: str, name_text: str,
                     origin: str) -> bool:
    """A second material in one file must be named in a title, heading or the file name."""
    keys = [mid]
    for pseudo, ids in _BY_ORIGIN.items():
        if mid in ids:
            keys.append(pseudo)
    for key in keys:
        for cue in _PATTERNS.get(key, []):
            if cue.weight < 1.5:
                continue
            if any(t and cue.pattern.search(t) for t in (title_text, heading_text, name_text)):
                return True
    return False


def _agreement_evidence(title_text: str, heading_text: str, name_text: str, body: str) -> bool:
    """Whether a file presents itself as an agreement: a 4.2 cue in its title (or, for
    the specific ones, a heading or the file name), or both parties named as such."""
    generic = False
    for cue in _PATTERNS.get("4.2", []):
        if cue.weight >= 2.5 and any(t and cue.pattern.search(t)
                                     for t in (title_text, heading_text, name_text)):
            return True
        if cue.weight >= 1.5 and title_text and cue.pattern.search(title_text):
            generic = True
    head = body[:20_000]
    parties = any(a in head and b in head for a, b in PARTY_PAIRS)
    return (generic or parties) and any(w in head or w in title_text
                                        for w in COOPERATION_WORDS)
