"""Check the NLU evaluation: print intent accuracy and F1, fail below a threshold.

Reads ``intent_report.json`` written by ``rasa test nlu --out DIR`` (scikit-learn's
classification report per intent, plus ``accuracy``, ``macro avg`` and
``weighted avg``).  Usage::

    python scripts/check_nlu.py results/nlu --min 0.95
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def figures(report: dict) -> dict[str, float]:
    """Accuracy and macro / weighted F1 from an intent report."""
    return {
        "accuracy": float(report["accuracy"]),
        "macro_f1": float(report["macro avg"]["f1-score"]),
        "weighted_f1": float(report["weighted avg"]["f1-score"]),
    }


def weakest(report: dict, n: int = 5) -> list[tuple[str, float, int]]:
    """The intents with the lowest F1: (intent, f1, support)."""
    rows = [(name, float(v["f1-score"]), int(v["support"])) for name, v in report.items()
            if isinstance(v, dict) and "f1-score" in v
            and name not in ("macro avg", "weighted avg", "micro avg")]
    return sorted(rows, key=lambda r: r[1])[:n]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results", type=Path, help="the --out folder of `rasa test nlu`")
    parser.add_argument("--min", type=float, default=0.95,
                        help="lowest accepted accuracy and F1 (default 0.95)")
    args = parser.parse_args(argv)
    path = args.results / "intent_report.json"
    if not path.exists():
        print(f"{path} not found: run `rasa test nlu --out {args.results}` first.",
              file=sys.stderr)
        return 2
    report = json.loads(path.read_text(encoding="utf-8"))
    found = figures(report)
    print(f"NLU intent accuracy {found['accuracy']:.3f}, weighted F1 "
          f"{found['weighted_f1']:.3f}, macro F1 {found['macro_f1']:.3f} "
          f"(threshold {args.min:.2f})")
    errors_path = args.results / "intent_errors.json"
    if errors_path.exists():
        errors = json.loads(errors_path.read_text(encoding="utf-8"))
        print(f"{len(errors)} misclassified example(s)")
        for e in errors[:15]:
            predicted = e.get("intent_prediction", {})
            print(f"  {e.get('text')!r}: {e.get('intent')} -> {predicted.get('name')} "
                  f"({predicted.get('confidence', 0):.2f})")
    low = [name for name, value in found.items() if value < args.min]
    if low:
        print("Weakest intents: " + ", ".join(f"{n} {f:.2f} ({s})" for n, f, s in
                                              weakest(report)))
        print(f"FAILED: {', '.join(low)} below {args.min:.2f}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
