"""Deployment safety: which secrets keep the servers from starting outside local mode."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings, secret_problems

GOOD = "7f3a9c" * 8


def deploy_env() -> dict[str, str]:
    """The values deploy/assistant.env ships with."""
    values = {}
    for line in (Path(__file__).parent.parent / "deploy" / "assistant.env").read_text(
            encoding="utf-8").splitlines():
        if line and not line.startswith("#") and "=" in line:
            k, v = line.split("=", 1)
            values[k] = v
    return values


def test_the_shipped_environment_file_does_not_start(monkeypatch: pytest.MonkeyPatch) -> None:
    env = deploy_env()
    assert env["ASSISTANT_MODE"] == "production"
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    problems = secret_problems(Settings())
    for name in ("ASSISTANT_SECRET", "ASSISTANT_ACTION_TOKEN", "ASSISTANT_STAFF_TOKEN",
                 "ASSISTANT_DATABASE_URL", "ASSISTANT_REDIS_URL"):
        assert any(p.startswith(name) for p in problems), (name, problems)


@pytest.mark.parametrize("value, problem", [("", "is not set"), ("short-but-real", "shorter"),
                                            ("CHANGE-ME-" + GOOD, "placeholder")])
def test_a_missing_short_or_placeholder_secret_is_named(monkeypatch: pytest.MonkeyPatch,
                                                        value: str, problem: str) -> None:
    monkeypatch.setenv("ASSISTANT_MODE", "production")
    monkeypatch.setenv("ASSISTANT_SECRET", value)
    monkeypatch.setenv("ASSISTANT_ACTION_TOKEN", GOOD)
    problems = secret_problems(Settings())
    assert [p for p in problems if p.startswith("ASSISTANT_SECRET")] == [
        next(p for p in problems if problem in p)]


def test_good_secrets_and_local_mode_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_MODE", "production")
    monkeypatch.setenv("ASSISTANT_SECRET", GOOD)
    monkeypatch.setenv("ASSISTANT_ACTION_TOKEN", GOOD[::-1])
    assert secret_problems(Settings()) == []
    monkeypatch.setenv("ASSISTANT_MODE", "local")
    monkeypatch.setenv("ASSISTANT_SECRET", "x")
    assert secret_problems(Settings()) == []
