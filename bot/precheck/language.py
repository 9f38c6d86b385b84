"""Language identification for chat messages and documents.

Raw langdetect misreads short and CJK text (kanji-heavy Japanese as Korean, "Bank
reference letter" as Danish).  This module decides by Unicode script first (kana →
ja, hangul → ko, Han without kana → zh, Cyrillic → ru …), and only asks langdetect,
seeded and restricted to Latin-script languages, to tell Latin-script languages
apart, combined with a small vocabulary of common and application-document words.
Documents are judged block by block and the blocks vote by size.
"""

from __future__ import annotations

import functools
import os
import re
import threading
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from bot.precheck.langwords import FREQUENT

UNDETERMINED = "und"

# Latin-script languages we tell apart, with words that are frequent in them and in
# the documents applicants send.  A word listed for two languages counts for both.
_LEXICON: dict[str, set[str]] = {
    "en": set(
        """the of and to in for is on with by be are this that from as at or an it not all any
        shall will may must has have which their its our your we you they per under
        certificate certificates certification letter bank reference articles association
        registration register incorporation company limited ltd inc examination exam exams syllabus
        standard standards rules regulations agreement cooperation report feasibility study
        translation level levels sample samples paper papers test centre center centres centers
        policy policies introduction profile institute institution government approval
        accreditation statement credit business licence license occupational vocational skills skill
        qualification qualifications assessment administration management guide handbook annual
        summary form application welding welder electrician chef training board awarding body
        scheme charter bylaws constitution memorandum partnership contract specification
        requirements procedure procedures candidate candidates invigilation security of
        memorandum understanding handbook bylaws institute resolution attorney power audited
        accounts profile good standing guide administration centre""".split()
    ),
    "fr": set(
        """le la les des du de et en un une est pour par sur dans au aux avec ce cette qui que
        sont être nous vous leur leurs ses son sa pas plus
        certificat certificats attestation lettre banque bancaire référence statuts association
        enregistrement immatriculation société examen examens programme norme normes règlement
        règlements accord coopération rapport étude faisabilité traduction niveau niveaux
        échantillon modèle épreuve centre politique présentation institut organisme gouvernement
        agrément professionnel professionnelle compétences qualification évaluation gestion
        soudure soudeur électricien formation statuts extrait kbis fiche inscription stage
        convention procès verbal compte rendu épreuves métier référentiel annuel
        école""".split()
    ),
    "de": set(
        """der die das und den dem des ein eine einer eines ist sind für mit von zu auf im ist
        nicht wir sie ihr bei nach aus über durch oder als auch werden wird
        zertifikat zertifikate bescheinigung brief bank bankauskunft referenz satzung verein
        eintragung handelsregister handelsregisterauszug gesellschaft prüfung prüfungen
        prüfungsordnung lehrplan standard norm ordnung vereinbarung kooperationsvertrag vertrag
        bericht machbarkeitsstudie übersetzung stufe niveau muster musterprüfung prüfungszentrum
        zentrum richtlinie vorstellung institut regierung genehmigung akkreditierung beruf
        berufliche kompetenz qualifikation bewertung verwaltung schweißen schweißer elektriker
        ausbildung vollmacht jahresabschluss geschäftsbericht unternehmensprofil
        gesellschaftsvertrag berufsbild anerkennung staatliche prüfungsaufsicht musterprüfung
        musterzertifikat zertifikatsstufen prüfungszentren kooperationsvertrag
        ausbildungsordnung""".split()
    ),
    "es": set(
        """el la los las del de y en un una es para por con que se su sus al no como más este
        esta son ser nosotros usted
        certificado certificados carta banco bancaria referencia estatutos asociación registro
        inscripción sociedad examen exámenes programa norma normas reglamento acuerdo cooperación
        informe estudio viabilidad traducción nivel niveles muestra modelo prueba centro política
        presentación instituto gobierno aprobación acreditación profesional competencias
        cualificación evaluación gestión soldadura soldador electricista formación poder
        notarial cuentas anuales competencia acta constitución guía candidato convenio
        prácticas solicitud perfil empresa temario estatutos sociales mercantil
        viabilidad centros""".split()
    ),
    "it": set(
        """il lo la gli le dei delle del di e in un una è per con che sono non come
        certificato lettera banca referenza statuto associazione registrazione esame programma
        norma regolamento accordo rapporto studio fattibilità traduzione livello""".split()
    ),
    "pt": set(
        """o a os as do da dos das de e em um uma é para por com que não são
        certificado carta banco referência estatuto associação registo registro exame programa
        norma regulamento acordo relatório estudo viabilidade tradução nível""".split()
    ),
    "nl": set(
        """de het een en van in is op te voor met zijn niet dat die
        certificaat brief bank referentie statuten vereniging inschrijving examen programma norm
        reglement overeenkomst rapport haalbaarheidsstudie vertaling niveau""".split()
    ),
}
for _lang, _words in FREQUENT.items():
    _LEXICON[_lang] |= set(_words.split())
_LATIN_LANGS = tuple(_LEXICON)
# Characters that point at one language.
_DIACRITIC_HINTS: dict[str, str] = {
    "ß": "de", "ä": "de", "ö": "de", "ü": "de",
    "ç": "fr", "è": "fr", "ê": "fr", "à": "fr", "â": "fr", "ù": "fr", "û": "fr", "ë": "fr",
    "î": "fr", "ô": "fr", "œ": "fr",
    "ñ": "es", "¿": "es", "¡": "es",
    "ã": "pt", "õ": "pt",
}

# Word endings that point at one language.
_SUFFIX_HINTS: tuple[tuple[str, str], ...] = (
    ("ción", "es"), ("ciones", "es"), ("dad", "es"), ("ção", "pt"), ("ções", "pt"),
    ("zione", "it"), ("zioni", "it"), ("ung", "de"), ("ungen", "de"), ("keit", "de"),
    ("heit", "de"), ("schaft", "de"), ("isch", "de"), ("eux", "fr"), ("euse", "fr"),
    ("ement", "fr"), ("ness", "en"), ("ship", "en"), ("ing", "en"),
)
# French elision: d'examen, l'école, qu'il.
_ELISION = re.compile(r"(?<![^\W\d_])(?:d|l|qu|j|n|s|c)['’][^\W\d_]", re.IGNORECASE)

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_NAME_TOKEN = re.compile(r"\b[A-Z][A-Za-z\u00c0-\u024f]*")
_BLOCK_SPLIT = re.compile(r"\n\s*\n|(?<=[。！？.!?])\s*\n")


# The Unicode blocks of each script: those of Chinese, Japanese and Korean for any character
# in them (their punctuation and marks count), the others for letters only.
_Blocks = tuple[tuple[str, tuple[tuple[int, int], ...]], ...]
_CJK_BLOCKS: _Blocks = (
    ("kana", ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9D))),
    ("hangul", ((0xAC00, 0xD7AF), (0x1100, 0x11FF), (0x3130, 0x318F))),
    ("han", ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2FA1F), (0xF900, 0xFAFF))),
)
_LETTER_BLOCKS: _Blocks = (
    ("cyrillic", ((0x0400, 0x04FF),)),
    ("greek", ((0x0370, 0x03FF),)),
    ("arabic", ((0x0600, 0x06FF),)),
    ("thai", ((0x0E00, 0x0E7F),)),
    ("hebrew", ((0x0590, 0x05FF),)),
    ("devanagari", ((0x0900, 0x097F),)),
    ("latin", ((0, 0x024F), (0x1E00, 0x1EFF), (0xFF21, 0xFF5A))),
)


def _in_blocks(o: int, blocks: _Blocks) -> str | None:
    return next((name for name, ranges in blocks if any(lo <= o <= hi for lo, hi in ranges)),
                None)


@functools.lru_cache(maxsize=8192)
def _script(ch: str) -> str | None:
    o = ord(ch)
    if o == 0x30FB:  # ・ is used as a separator in Chinese text as well
        return None
    cjk = _in_blocks(o, _CJK_BLOCKS)
    if cjk or not ch.isalpha():
        return cjk
    return _in_blocks(o, _LETTER_BLOCKS) or "other"


_SCRIPT_RES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(f"[{chars}]")) for name, chars in (
        ("kana", "\u3040-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9d"),
        ("hangul", "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"),
        ("han", "\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0002fa1f\uf900-\ufaff"),
        ("latin", "A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
                  "\u1e00-\u1eff\uff21-\uff3a\uff41-\uff5a"),
        ("cyrillic", "\u0400-\u0481\u048a-\u04ff"),
        ("greek", "\u0386\u0388-\u03ff"),
        ("arabic", "\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff"),
        ("thai", "\u0e01-\u0e30\u0e32\u0e33\u0e40-\u0e46"),
        ("hebrew", "\u05d0-\u05ea"),
        ("devanagari", "\u0904-\u0939\u0958-\u0961"),
    )
)
# A letter of none of the scripts above (candidates; numbers like ① are dropped below).
_OTHER_LETTER = re.compile(
    "(?![" + "".join(p.pattern[1:-1] for _, p in _SCRIPT_RES) + r"])[^\W\d_]")


def script_counts(text: str) -> Counter[str]:
    """Number of letters of each script in ``text`` (digits and punctuation are ignored)."""
    counts: Counter[str] = Counter()
    for name, pattern in _SCRIPT_RES:
        n = len(pattern.findall(text))
        if n:
            counts[name] = n
    other = sum(1 for ch in _OTHER_LETTER.findall(text) if ch.isalpha())
    if other:
        counts["other"] = other
    return counts


# Kanji used in Japan only (shinjitai and kokuji): neither simplified nor traditional
# Chinese writes them.  A Han-only title with some of these and no simplified-only
# character is Japanese ("登記事項証明書", "受験案内").
_JA_ONLY = set(
    "証験険検剤済続読売関発労働営価図歳帰県転広団総様込択沢訳駅戦単実変拠権観歓気楽薬払"
    "録覧円歴雑圧従縦渋焼粋巣挙亜悪圏蔵隠栄塩応仮絵拡覚巻勧歯児釈収奨乗浄譲醸斉摂専"
    "銭繊騒増対帯弾遅庁聴伝闘徳悩脳廃拝髪抜晩浜仏辺歩豊毎満戻霊齢暦"
    "枠畑峠匂栃効黒賛処"
)
# Japanese words written in kanji alone.
_JA_WORDS = ("定款", "委任状", "会社", "株式会社", "提携", "契約", "残高", "受験", "溶接", "技能者",
             "案内", "要領", "規程", "決算", "登記", "取締役", "令和", "平成", "昭和", "議事録",
             "総会", "事業報告", "監査役", "代表取締役", "印鑑", "謄本", "抄本")
# Simplified-only characters frequent in documents: a block with any of them is Chinese.
_ZH_SIMPLIFIED = set(
    "证书银资设标规则试题务协议报论营业执构绍简样卷级职认验评价办门审应须为从这们说对"
    "时单实际请该项计训练统组织员负责联系邮电话码关发开专东两严个举么义书买产亲亿仅从仓仪"
    "传众优伪养军农况冻减创剂剧劝动劳势华协卖卫厂厅历压县吗听启员响团园围图圆场坏块坚报执"
    "扩扬护拟择损换摄敌无时显术杂权极构标树档桥检楼欢欧岁毕汉测济浓润涨渐灭灾热爱现环电疗"
    "监盖盘码础确离种积穷竞签简紧约级纪纯纲纳纸线练组细织终绍经结给络统绩续维综绿编缘罗罚联"
    "肤肿胁范荐营蓝虽补见观规视览计订认讨让训议讯记讲许论设访证评识诉诊词译试诚话询该详语误"
    "说请读课谁调谈谢负贡财责败货质购贯贴贵贷贸费资赔赛赞赶跃轨转轮软轻载较辅辆输辖边达过运"
    "还这进远违连迟适选递遗邮释针钟钢钱铁银销错键镇长门闭问间闻阅队阳阶际陆陈险难须项顺顾"
    "预领频题额风飞饭馆马验鱼鸟齐龙们业丝广库录态总惯户拥晓车带帮师层导兴"
)


def _han_is_japanese(block: str, han: int) -> bool:
    """A Han-only block that is Japanese: Japan-only kanji or words, no simplified-only
    characters, and enough of them for the block's length."""
    block = re.sub(r"\s+", "", block)  # "定 款" as a PDF extractor spaces it out
    if any(ch in _ZH_SIMPLIFIED for ch in block):
        return False
    hits = sum(1 for ch in block if ch in _JA_ONLY) + 2 * sum(block.count(w) for w in _JA_WORDS)
    return hits > 0 and hits * 12 >= han


_SCRIPT_LANG = {"hangul": "ko", "cyrillic": "ru", "greek": "el", "arabic": "ar", "thai": "th",
                "hebrew": "he", "devanagari": "hi"}

# --- langdetect, seeded and thread-safe ------------------------------------------------

_ld_lock = threading.Lock()
_ld_factory = None


def _factory():
    """A langdetect factory with the Latin-script profiles only: loading 7 profiles instead
    of 55 takes a fraction of the time, and the others are never asked for."""
    global _ld_factory
    if _ld_factory is None:
        from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

        factory = DetectorFactory()
        profiles = []
        for lang in _LATIN_LANGS:
            with open(os.path.join(PROFILES_DIRECTORY, lang), encoding="utf-8") as fh:
                profiles.append(fh.read())
        factory.load_json_profile(profiles)
        factory.seed = 0  # langdetect is random unless seeded
        _ld_factory = factory
    return _ld_factory


def _langdetect_probs(text: str) -> dict[str, float]:
    """langdetect's probabilities for Latin-script languages; {} when it has nothing to say."""
    try:
        from langdetect.lang_detect_exception import LangDetectException
    except ImportError:  # pragma: no cover - it is a pinned dependency
        return {}
    with _ld_lock:
        try:
            det = _factory().create()
            det.append(text)
            return {p.lang: p.prob for p in det.get_probabilities()}
        except (LangDetectException, OSError):
            return {}


_OCR_PAIRS = (("rn", "m"), ("tb", "th"), ("lb", "h"), ("cl", "d"), ("u", "n"), ("c", "e"))


def _ocr_word(word: str) -> str:
    """An unknown word that becomes a known one when one OCR confusion is undone."""
    if len(word) < 3 or any(word in _LEXICON[lang] for lang in _LATIN_LANGS):
        return word
    for wrong, right in _OCR_PAIRS:
        if wrong in word:
            fixed = word.replace(wrong, right)
            if any(fixed in _LEXICON[lang] for lang in _LATIN_LANGS):
                return fixed
    return word


def _latin_language(text: str) -> tuple[str, float]:
    """Tell Latin-script languages apart: vocabulary votes plus langdetect."""
    words = [w.lower() for w in _WORD.findall(_ocr_clean(text))]
    words = [_ocr_word(w) for w in words if all(_script(c) == "latin" for c in w)]
    if not words:
        return UNDETERMINED, 0.0
    votes: defaultdict[str, float] = defaultdict(float)
    for w in words:
        hits = [lang for lang in _LATIN_LANGS if w in _LEXICON[lang]]
        for lang in hits:
            votes[lang] += 1.0 / len(hits)
    for ch in text.lower():
        hint = _DIACRITIC_HINTS.get(ch)
        if ch == "ç":  # French and Portuguese both write it
            votes["fr"] += 0.25
            votes["pt"] += 0.25
        elif hint:
            votes[hint] += 0.5
    for w in words:
        if any(w in _LEXICON[lang] for lang in _LATIN_LANGS) or len(w) < 5:
            continue
        for suffix, lang in _SUFFIX_HINTS:
            if w.endswith(suffix):
                votes[lang] += 0.5
                break
    votes["fr"] += 1.0 * len(_ELISION.findall(text))
    probs = _langdetect_probs(" ".join(words))
    # langdetect is reliable on longer text; on a few words the vocabulary leads.
    ld_weight = min(len(words), 30) / 10.0
    scores = {lang: votes[lang] + ld_weight * probs.get(lang, 0.0) for lang in _LATIN_LANGS}
    best, score = max(scores.items(), key=lambda kv: (kv[1], -_LATIN_LANGS.index(kv[0])))
    total = sum(scores.values())
    if score <= 0:
        # Latin letters, but no known word and langdetect silent: most applicants' foreign
        # documents are in English.
        return "en", 0.3
    return best, score / total if total else 0.0


@dataclass(frozen=True)
class LanguageGuess:
    """The language of a text.

    ``language`` is an ISO 639-1 code ("zh", "en", "ja" …) or ``"und"`` when the text
    has no letters.  ``has_chinese`` says whether the text carries Chinese (Han script
    not belonging to Japanese); ``bilingual`` whether it carries a substantial amount of
    both Chinese and another language.
    """

    language: str
    confidence: float
    has_chinese: bool = False
    bilingual: bool = False
    shares: dict[str, float] = field(default_factory=dict)

    @property
    def is_chinese(self) -> bool:
        return self.language == "zh"

    @property
    def is_foreign(self) -> bool:
        return self.language not in ("zh", UNDETERMINED)


def _block_script(block: str) -> tuple[str, int, Counter[str]]:
    """The language of one block by script alone ("latin" when Latin letters lead and the
    language is still to be told), its weight (letters, a Han character worth ~2) and its
    script counts."""
    counts = script_counts(block)
    if not counts:
        return UNDETERMINED, 0, counts
    if counts["kana"]:
        # Japanese writes kanji beside kana; a block with kana is Japanese.
        return "ja", 2 * (counts["kana"] + counts["han"]) + counts["latin"] // 3, counts
    latin = counts["latin"]
    if counts["han"] >= 2 and latin:
        # Chinese text keeps names in Latin letters ("公司名称：SOUDURE FRANCE SAS"):
        # capitalised words weigh a third, so the Chinese around them decides.
        names = sum(len(w) for w in _NAME_TOKEN.findall(block))
        latin = latin - names + names // 3
    weights = {
        "han": 2 * counts["han"],
        "hangul": 2 * counts["hangul"],
        "latin": latin,
    }
    for s, n in counts.items():
        if s in _SCRIPT_LANG and s != "hangul":
            weights[s] = n
    script = max(weights, key=lambda k: weights[k])
    total = sum(weights.values())
    if script == "han":
        if _han_is_japanese(block, counts["han"]):
            return "ja", total, counts
        return "zh", total, counts
    if script == "latin":
        return "latin", total, counts
    return _SCRIPT_LANG.get(script, UNDETERMINED), total, counts


def _block_language(block: str) -> tuple[str, int]:
    """The language of one block and its weight."""
    lang, weight, _counts = _block_script(block)
    if lang == "latin":
        return _latin_language(block)[0], weight
    return lang, weight


_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")


def _is_vertical_piece(line: str) -> bool:
    """A line of vertical CJK text as extractors give it: one or two characters."""
    chars = [ch for ch in line if not ch.isspace()]
    return 0 < len(chars) <= 2 and all(_CJK_CHAR.match(ch) for ch in chars)


def join_vertical(text: str) -> str:
    """Runs of three or more one- or two-character CJK lines joined into one line, so
    that vertical text votes as the words it spells ("定\\n款" → "定款")."""
    lines = text.split("\n")
    if len(lines) < 3:
        return text
    out: list[str] = []
    run: list[str] = []
    for line in lines + [""]:
        if _is_vertical_piece(line):
            run.append(line.strip())
            continue
        if len(run) >= 3:
            out.append("".join(run))
        else:
            out.extend(run)
        run = []
        out.append(line)
    return "\n".join(out[:-1])


# OCR confusions inside Latin words: "Tota1", "2O19", "Eng1and" (digit for letter).
_OCR_ONE = re.compile(r"(?<=[a-z])[1|](?=[a-z])|(?<=[a-z])1\b|\b1(?=[a-z]{2})")
_OCR_ZERO = re.compile(r"(?<=[A-Za-z])0|0(?=[a-z])")


def _ocr_clean(text: str) -> str:
    return _OCR_ZERO.sub("o", _OCR_ONE.sub("l", text))


def _blocks(text: str) -> list[str]:
    text = join_vertical(text)
    blocks = [b for b in _BLOCK_SPLIT.split(text) if b and b.strip()]
    # Long single-line text is cut so that a Chinese paragraph and an English one vote apart.
    out: list[str] = []
    for b in blocks:
        lines = b.splitlines()
        if len(lines) > 1:
            out.extend(line for line in lines if line.strip())
        else:
            out.append(b)
    return out


# Long documents: the blocks looked at, and the Latin-script text that decides the
# language of all their Latin blocks at once (langdetect per block would be slow).
MAX_BLOCKS = 300
LATIN_BLOCKS_ONE_BY_ONE = 12
LATIN_SAMPLE_CHARS = 6000


def detect_language(text: str) -> LanguageGuess:
    """The primary language of a text, by per-block voting.  Never raises.

    Each block (paragraph or line) votes with its size for the language its script
    shows; Latin-script blocks are told apart by vocabulary and langdetect, one by one
    in a short text and together in a long one.
    """
    if not text or not text.strip():
        return LanguageGuess(UNDETERMINED, 0.0)
    text = unicodedata.normalize("NFC", text)
    blocks = _blocks(text)
    if len(blocks) > MAX_BLOCKS:  # a long document: a sample of blocks is enough
        step = len(blocks) / MAX_BLOCKS
        blocks = [blocks[int(i * step)] for i in range(MAX_BLOCKS)]
    judged = [(block, *_block_script(block)) for block in blocks]
    latin_blocks = [b for b, lang, _w, _c in judged if lang == "latin"]
    shared_latin = None
    if len(latin_blocks) > LATIN_BLOCKS_ONE_BY_ONE:
        sample, size = [], 0
        step = max(1, len(latin_blocks) // 40)
        for b in latin_blocks[::step]:
            sample.append(b)
            size += len(b)
            if size >= LATIN_SAMPLE_CHARS:
                break
        shared_latin = _latin_language("\n".join(sample))[0]
    votes: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for block, lang, weight, block_counts in judged:
        counts.update(block_counts)
        if lang == "latin":
            lang = shared_latin if shared_latin is not None else _latin_language(block)[0]
        if lang != UNDETERMINED and weight:
            votes[lang] += weight
    if not votes:
        return LanguageGuess(UNDETERMINED, 0.0)
    total = sum(votes.values())
    shares = {lang: n / total for lang, n in votes.most_common()}
    primary = next(iter(shares))
    # Chinese inside mixed lines counts too: weigh the scripts of the (sampled) text.
    japanese = counts["kana"] > 0 or shares.get("ja", 0.0) > 0.5
    han = 0 if japanese else 2 * counts["han"]  # a Han character weighs about two letters
    letters = sum(counts.values()) + counts["han"]
    # Blocks that mix scripts vote for one language only; the script share sees both.
    zh_share = han / letters if letters else 0.0
    has_chinese = primary == "zh" or (han >= 4 and primary != "ja")
    bilingual = has_chinese and 0.15 <= zh_share <= 0.85
    return LanguageGuess(primary, shares[primary], has_chinese, bilingual, shares)


# An English sentence around a Chinese quotation: it opens with English words and ends with
# an English word (then punctuation), the Chinese in between.
_ENGLISH_FRAME = re.compile(r"^[A-Za-z][A-Za-z' ]+\b.*[A-Za-z]{2,}\W*$", re.DOTALL)


def message_language(text: str, previous: str | None = None) -> str:
    """The language ("zh" or "en") to answer a chat message in.

    Han characters count one each and Latin words one and a half each, so "What is 附件1?"
    is English and "我们的 bank reference letter 怎么办" is Chinese.  A message with
    neither (a button payload, a date, "ok") keeps the previous language, Chinese by
    default.
    """
    fallback = previous if previous in ("zh", "en") else "zh"
    if not text or text.startswith("/"):
        return fallback
    counts = script_counts(text)
    han = counts["han"] + counts["kana"]
    latin_words = [w for w in _WORD.findall(text) if all(_script(c) == "latin" for c in w)]
    latin = sum(1 for w in latin_words if len(w) >= 2)
    if han == 0 and latin == 0:
        return fallback
    if latin and latin_words and all(w.lower() in {"ok", "okay"} for w in latin_words) and not han:
        return fallback
    if latin >= 3 and han and _ENGLISH_FRAME.match(text.strip()):
        # "What does 其活动不得以营利为目的 mean?", "Pasting from the notice: '…' - what does this
        # mean?": Chinese quoted inside an English question.
        return "en"
    return "en" if 1.5 * latin > han else "zh"
