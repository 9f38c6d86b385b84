"""Language identification accuracy: the project's detector beside lingua-language-detector
and raw langdetect.

Two sets:
- development samples, bench/language_samples.tsv (written for the project; titles under
  20 characters, longer headings, paragraphs; zh+en marks Chinese/English bilingual text);
- the held-out set tests/blind/language/samples.tsv, written blind (zh en fr de es it pt
  nl ru ja ko; kinds title, line, sentence, paragraph, ocr, vertical).  Only aggregate
  figures are printed for it, by language and by kind, never its lines.

lingua is built from the languages of the sets (a stronger rival than all 75) with
its default (high accuracy) mode; langdetect is seeded.  Targets: on the held-out set
ours >= lingua overall and on titles; on the development set >= 98% overall, >= 95% titles.
Run: make bench-precheck (or PYTHONPATH=. .venv/bin/python bench/language.py)
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.precheck.language import detect_language  # noqa: E402

SAMPLES = Path(__file__).with_name("language_samples.tsv")
BLIND = ROOT / "tests" / "blind" / "language" / "samples.tsv"
TITLE_MAX = 20
LANGS = ("zh", "en", "fr", "de", "es", "it", "pt", "nl", "ru", "ja", "ko")


def load_dev() -> list[tuple[str, str, str]]:
    rows = []
    for n, line in enumerate(SAMPLES.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        label, kind, text = line.split("\t", 2)
        if kind == "title" and len(text) >= TITLE_MAX:
            raise SystemExit(f"{SAMPLES.name}:{n}: a title must be under {TITLE_MAX} characters")
        text = text.replace("\\n", "\n")
        if kind not in ("title", "heading", "para", "line", "ocr", "vertical"):
            raise SystemExit(f"{SAMPLES.name}:{n}: unknown kind {kind!r}")
        rows.append((label, kind, text))
    return rows


def load_blind() -> list[tuple[str, str, str]]:
    if not BLIND.exists():
        return []
    with open(BLIND, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(r["lang"], r["kind"], r["text"]) for r in reader if r.get("text")]


def ours(text: str, bilingual_label: bool = True) -> str:
    g = detect_language(text)
    if bilingual_label and g.bilingual and g.language in ("zh", "en"):
        return "zh+en"
    return g.language


def raw_langdetect(text: str) -> str:
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        lang = detect(text)
    except LangDetectException:
        return "und"
    return {"zh-cn": "zh", "zh-tw": "zh"}.get(lang, lang)


_lingua = None


def lingua(text: str) -> str:
    global _lingua
    if _lingua is None:
        from lingua import IsoCode639_1, LanguageDetectorBuilder

        codes = [getattr(IsoCode639_1, code.upper()) for code in LANGS]
        _lingua = LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()
    lang = _lingua.detect_language_of(text)
    return lang.iso_code_639_1.name.lower() if lang is not None else "und"


def table(title: str, rows, detectors, group) -> dict[str, dict[str, float]]:
    """Accuracy of each detector overall and per group; prints and returns it."""
    hits: dict[str, Counter[str]] = {name: Counter() for name, _ in detectors}
    sizes: Counter[str] = Counter()
    for label, kind, text in rows:
        keys = ("all", group(label, kind))
        for k in keys:
            sizes[k] += 1
        for name, fn in detectors:
            ok = fn(text) == label
            for k in keys:
                hits[name][k] += ok
    groups = ["all"] + sorted(k for k in sizes if k != "all")
    out = {name: {k: 100.0 * hits[name][k] / sizes[k] for k in groups} for name, _ in detectors}
    print(title)
    print(f"{'':12}" + "".join(f"{k:>10}" for k in groups))
    print(f"{'n':12}" + "".join(f"{sizes[k]:>10}" for k in groups))
    for name, _ in detectors:
        print(f"{name:12}" + "".join(f"{out[name][k]:9.1f}%" for k in groups))
    return out


def main() -> int:
    dev = load_dev()
    detectors = [("ours", ours), ("lingua", lingua), ("langdetect", raw_langdetect)]
    print(f"development samples ({SAMPLES.name}): {len(dev)}")
    d = table("by kind", dev, detectors, lambda label, kind: kind)
    table("by language", dev, detectors, lambda label, kind: label)
    met_dev = d["ours"]["all"] >= 98.0 and d["ours"]["title"] >= 95.0
    blind = load_blind()
    met_blind = True
    if blind:
        blind_detectors = [("ours", lambda t: ours(t, False)), ("lingua", lingua),
                           ("langdetect", raw_langdetect)]
        print(f"\nheld-out set (tests/blind/language, aggregate figures only): {len(blind)}")
        b = table("by kind", blind, blind_detectors, lambda label, kind: kind)
        table("by language", blind, blind_detectors, lambda label, kind: label)
        met_blind = (b["ours"]["all"] >= b["lingua"]["all"]
                     and b["ours"]["title"] >= b["lingua"]["title"])
        print(f"ours - lingua: overall {b['ours']['all'] - b['lingua']['all']:+.1f} points, "
              f"titles {b['ours']['title'] - b['lingua']['title']:+.1f} points")
    print("targets (development >= 98% overall and >= 95% titles; held-out >= lingua overall "
          "and on titles): " + ("met" if met_dev and met_blind else "NOT met"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
