"""Language identification accuracy: the project's detector against raw langdetect.

Reads the labelled samples in bench/language_samples.tsv (titles under 20 characters,
longer headings and paragraphs in zh, en, fr, de, es, ru, ja, ko, and Chinese/English bilingual text)
and prints the accuracy of bot.precheck.language.detect_language and of raw seeded langdetect,
overall and on titles, with the misses of the project's detector.

Targets: >= 98% overall, >= 95% on titles, and above raw langdetect on both.
Run: PYTHONPATH=. .venv/bin/python bench/language.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.precheck.language import detect_language  # noqa: E402

SAMPLES = Path(__file__).with_name("language_samples.tsv")
TITLE_MAX = 20


def load() -> list[tuple[str, str, str]]:
    rows = []
    for n, line in enumerate(SAMPLES.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        label, kind, text = line.split("\t", 2)
        if kind == "title" and len(text) >= TITLE_MAX:
            raise SystemExit(f"{SAMPLES.name}:{n}: a title must be under {TITLE_MAX} characters")
        if kind not in ("title", "heading", "para"):
            raise SystemExit(f"{SAMPLES.name}:{n}: unknown kind {kind!r}")
        rows.append((label, kind, text))
    return rows


def ours(text: str) -> str:
    g = detect_language(text)
    if g.bilingual and g.language in ("zh", "en"):
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


def correct(label: str, got: str) -> bool:
    return got == label


def main() -> int:
    rows = load()
    stats: dict[str, Counter[str]] = {"ours": Counter(), "raw": Counter()}
    misses: list[str] = []
    by_label: dict[str, Counter[str]] = {}
    for label, kind, text in rows:
        mine, raw = ours(text), raw_langdetect(text)
        for name, got in (("ours", mine), ("raw", raw)):
            ok = correct(label, got)
            stats[name]["all"] += 1
            stats[name]["all_ok"] += ok
            stats[name][kind] += 1
            stats[name][kind + "_ok"] += ok
        by_label.setdefault(label, Counter())["n"] += 1
        by_label[label]["ok"] += correct(label, mine)
        if not correct(label, mine):
            misses.append(f"  {label:6} {kind:5} -> {mine:6} {text[:60]}")

    def pct(name: str, key: str) -> float:
        s = stats[name]
        return 100.0 * s[key + "_ok"] / s[key] if s[key] else 0.0

    titles = stats["ours"]["title"]
    headings = stats["ours"]["heading"]
    paras = stats["ours"]["para"]
    print(f"language samples: {len(rows)} ({titles} titles under {TITLE_MAX} characters, "
          f"{headings} longer headings, {paras} paragraphs), {len(by_label)} labels")
    print(f"{'':26}{'overall':>9}{'titles':>9}{'headings':>10}{'paragraphs':>12}")
    for name, title in (("ours", "bot.precheck.language.detect_language"), ("raw", "raw langdetect (seeded)")):
        print(f"{title:26}{pct(name, 'all'):8.1f}%{pct(name, 'title'):8.1f}%"
              f"{pct(name, 'heading'):9.1f}%{pct(name, 'para'):11.1f}%")
    print("per label (ours): " + ", ".join(
        f"{label} {100.0 * c['ok'] / c['n']:.0f}%" for label, c in sorted(by_label.items())))
    gain_all = pct("ours", "all") - pct("raw", "all")
    gain_title = pct("ours", "title") - pct("raw", "title")
    print(f"gain over raw langdetect: overall {gain_all:+.1f} points, titles {gain_title:+.1f} points")
    if misses:
        print("misses:")
        print("\n".join(misses))
    met = (pct("ours", "all") >= 98.0 and pct("ours", "title") >= 95.0 and gain_all > 0
           and gain_title > 0)
    print("targets (>= 98% overall, >= 95% titles, above raw langdetect): "
          + ("met" if met else "NOT met"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
