"""Session tokens and signed download links."""

from __future__ import annotations

from pathlib import Path

from bot.service.session_tokens import check_signed, issue_token, session_from_token, sign_path
from bot.settings import Settings


def test_token_round_trip_and_forgery(tmp_path: Path) -> None:
    st = Settings(data_dir=tmp_path)
    token = issue_token("abc123", st)
    assert session_from_token(token, st) == "abc123"
    sid, mac = token.split(".")
    assert session_from_token(f"other.{mac}", st) is None
    assert session_from_token(f"{sid}.{'0' * len(mac)}", st) is None
    assert session_from_token("", st) is None
    assert session_from_token("no-dot", st) is None
    assert session_from_token("a.b.c", st) is None


def test_secret_is_per_deployment(tmp_path: Path) -> None:
    a, b = Settings(data_dir=tmp_path / "a"), Settings(data_dir=tmp_path / "b")
    assert session_from_token(issue_token("s1", a), b) is None
    assert (tmp_path / "a" / "secret.key").stat().st_mode & 0o077 == 0


def test_signed_link_is_bound_to_path_and_expires(tmp_path: Path) -> None:
    st = Settings(data_dir=tmp_path)
    link = sign_path("/portal/api/v1/reports/r1.docx", ttl_seconds=60, settings=st, now=1000)
    path, query = link.split("?")
    params = dict(p.split("=") for p in query.split("&"))
    assert check_signed(path, params["exp"], params["sig"], st, now=1030)
    assert not check_signed(path, params["exp"], params["sig"], st, now=1061)
    assert not check_signed("/portal/api/v1/reports/r2.docx", params["exp"], params["sig"], st,
                            now=1030)
    assert not check_signed(path, str(int(params["exp"]) + 999), params["sig"], st, now=1030)
    assert not check_signed(path, None, None, st)
