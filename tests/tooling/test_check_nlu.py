"""scripts/check_nlu.py fails below the threshold and prints the figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scripts import check_nlu


def report(tmp_path: Path, accuracy: float, f1: float) -> Path:
    data = {"greet": {"precision": 1, "recall": 1, "f1-score": 1.0, "support": 5},
            "ask_approval": {"precision": f1, "recall": f1, "f1-score": f1, "support": 5},
            "accuracy": accuracy,
            "macro avg": {"f1-score": f1, "support": 10},
            "weighted avg": {"f1-score": f1, "support": 10}}
    (tmp_path / "intent_report.json").write_text(json.dumps(data))
    return tmp_path


def test_passes_at_or_above_the_threshold(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert check_nlu.main([str(report(tmp_path, 0.97, 0.96)), "--min", "0.95"]) == 0
    assert "accuracy 0.970" in capsys.readouterr().out


def test_fails_below_the_threshold(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert check_nlu.main([str(report(tmp_path, 0.97, 0.90)), "--min", "0.95"]) == 1
    assert "ask_approval 0.90" in capsys.readouterr().out


def test_missing_report(tmp_path: Path) -> None:
    assert check_nlu.main([str(tmp_path)]) == 2
