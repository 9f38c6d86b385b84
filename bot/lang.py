"""Language identification for chat messages and documents.

Raw langdetect misreads short and CJK text (kanji-heavy Japanese as Korean, "Bank
reference letter" as Danish).  This module decides by Unicode script first (kana →
ja, hangul → ko, Han without kana → zh, Cyrillic → ru …), and only asks langdetect,
seeded and restricted to Latin-script languages, to tell Latin-script languages
apart, combined with a small vocabulary of common and application-document words.
Documents are judged block by block and the blocks vote by size.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

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
        requirements procedure procedures candidate candidates invigilation security of""".split()
    ),
    "fr": set(
        """le la les des du de et en un une est pour par sur dans au aux avec ce cette qui que
        sont être nous vous leur leurs ses son sa pas plus
        certificat certificats attestation lettre banque bancaire référence statuts association
        enregistrement immatriculation société examen examens programme norme normes règlement
        règlements accord coopération rapport étude faisabilité traduction niveau niveaux
        échantillon modèle épreuve centre politique présentation institut organisme gouvernement
        agrément professionnel professionnelle compétences qualification évaluation gestion
        soudure soudeur électricien formation""".split()
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
        ausbildung""".split()
    ),
    "es": set(
        """el la los las del de y en un una es para por con que se su sus al no como más este
        esta son ser nosotros usted
        certificado certificados carta banco bancaria referencia estatutos asociación registro
        inscripción sociedad examen exámenes programa norma normas reglamento acuerdo cooperación
        informe estudio viabilidad traducción nivel niveles muestra modelo prueba centro política
        presentación instituto gobierno aprobación acreditación profesional competencias
        cualificación evaluación gestión soldadura soldador electricista formación""".split()
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
_LATIN_LANGS = tuple(_LEXICON)
# Characters that point at one language.
_DIACRITIC_HINTS: dict[str, str] = {
    "ß": "de", "ä": "de", "ö": "de", "ü": "de",
    "ç": "fr", "è": "fr", "ê": "fr", "à": "fr", "â": "fr", "ù": "fr", "û": "fr", "ë": "fr",
    "î": "fr", "ô": "fr", "œ": "fr",
    "ñ": "es", "¿": "es", "¡": "es",
    "ã": "pt", "õ": "pt",
}

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_BLOCK_SPLIT = re.compile(r"\n\s*\n|(?<=[。！？.!?])\s*\n")


def _script(ch: str) -> str | None:
    o = ord(ch)
    if 0x3040 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF or 0xFF66 <= o <= 0xFF9D:
        return "kana"
    if 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
        return "hangul"
    if (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FA1F
            or 0xF900 <= o <= 0xFAFF):
        return "han"
    if not ch.isalpha():
        return None
    if 0x0400 <= o <= 0x04FF:
        return "cyrillic"
    if 0x0370 <= o <= 0x03FF:
        return "greek"
    if 0x0600 <= o <= 0x06FF:
        return "arabic"
    if 0x0E00 <= o <= 0x0E7F:
        return "thai"
    if 0x0590 <= o <= 0x05FF:
        return "hebrew"
    if 0x0900 <= o <= 0x097F:
        return "devanagari"
    if o < 0x0250 or 0x1E00 <= o <= 0x1EFF or 0xFF21 <= o <= 0xFF5A:
        return "latin"
    return "other"


def script_counts(text: str) -> Counter[str]:
    """Number of letters of each script in ``text`` (digits and punctuation are ignored)."""
    counts: Counter[str] = Counter()
    for ch in text:
        s = _script(ch)
        if s:
            counts[s] += 1
    return counts


_SCRIPT_LANG = {"hangul": "ko", "cyrillic": "ru", "greek": "el", "arabic": "ar", "thai": "th",
                "hebrew": "he", "devanagari": "hi"}

# --- langdetect, seeded and thread-safe ------------------------------------------------

_ld_lock = threading.Lock()
_ld_ready = False


def _langdetect_probs(text: str) -> dict[str, float]:
    """langdetect's probabilities for Latin-script languages; {} when it has nothing to say."""
    global _ld_ready
    try:
        from langdetect import DetectorFactory, detector_factory
        from langdetect.lang_detect_exception import LangDetectException
    except ImportError:  # pragma: no cover - it is a pinned dependency
        return {}
    with _ld_lock:
        if not _ld_ready:
            DetectorFactory.seed = 0
            detector_factory.init_factory()
            _ld_ready = True
        try:
            det = detector_factory._factory.create()
            det.set_prior_map({lang: 1.0 for lang in _LATIN_LANGS if lang in det.langlist})
            det.append(text)
            return {p.lang: p.prob for p in det.get_probabilities()}
        except LangDetectException:
            return {}


def _latin_language(text: str) -> tuple[str, float]:
    """Tell Latin-script languages apart: vocabulary votes plus langdetect."""
    words = [w.lower() for w in _WORD.findall(text)]
    words = [w for w in words if all(_script(c) == "latin" for c in w)]
    if not words:
        return UNDETERMINED, 0.0
    votes: Counter[str] = Counter()
    for w in words:
        hits = [lang for lang in _LATIN_LANGS if w in _LEXICON[lang]]
        for lang in hits:
            votes[lang] += 1.0 / len(hits)
    for ch in text.lower():
        lang = _DIACRITIC_HINTS.get(ch)
        if lang:
            votes[lang] += 0.5
    probs = _langdetect_probs(" ".join(words))
    # langdetect is reliable on longer text; on a few words the vocabulary leads.
    ld_weight = min(len(words), 30) / 10.0
    scores: Counter[str] = Counter()
    for lang in _LATIN_LANGS:
        scores[lang] = votes[lang] + ld_weight * probs.get(lang, 0.0)
    best, score = scores.most_common(1)[0]
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


def _block_language(block: str) -> tuple[str, int]:
    """The language of one block and its weight (letters, with a Han character worth ~2)."""
    counts = script_counts(block)
    if not counts:
        return UNDETERMINED, 0
    if counts["kana"]:
        # Japanese writes kanji beside kana; a block with kana is Japanese.
        return "ja", 2 * (counts["kana"] + counts["han"]) + counts["latin"] // 3
    weights = {
        "han": 2 * counts["han"],
        "hangul": 2 * counts["hangul"],
        "latin": counts["latin"],
    }
    for s, n in counts.items():
        if s in _SCRIPT_LANG and s != "hangul":
            weights[s] = n
    script = max(weights, key=lambda k: weights[k])
    total = sum(weights.values())
    if script == "han":
        return "zh", total
    if script == "latin":
        return _latin_language(block)[0], total
    return _SCRIPT_LANG.get(script, UNDETERMINED), total


def _blocks(text: str) -> list[str]:
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


def detect_language(text: str) -> LanguageGuess:
    """The primary language of a text, by per-block voting.  Never raises."""
    if not text or not text.strip():
        return LanguageGuess(UNDETERMINED, 0.0)
    text = unicodedata.normalize("NFC", text)
    votes: Counter[str] = Counter()
    blocks = _blocks(text)
    if len(blocks) > 400:  # a long document: a sample of blocks is enough
        step = len(blocks) / 400
        blocks = [blocks[int(i * step)] for i in range(400)]
    for block in blocks:
        lang, weight = _block_language(block)
        if lang != UNDETERMINED and weight:
            votes[lang] += weight
    if not votes:
        return LanguageGuess(UNDETERMINED, 0.0)
    total = sum(votes.values())
    shares = {lang: n / total for lang, n in votes.most_common()}
    primary = next(iter(shares))
    counts = script_counts(text)
    # Chinese inside mixed lines counts too: weigh the scripts of the whole text.
    han = 0 if counts["kana"] else 2 * counts["han"]  # a Han character weighs about two letters
    letters = sum(counts.values()) + counts["han"]
    zh_share = max(shares.get("zh", 0.0), han / letters if letters else 0.0)
    has_chinese = primary == "zh" or (han >= 4 and primary != "ja")
    bilingual = has_chinese and 0.15 <= zh_share <= 0.85
    return LanguageGuess(primary, shares[primary], has_chinese, bilingual, shares)


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
    return "en" if 1.5 * latin > han else "zh"
