"""Session tokens and signed download links."""

from __future__ import annotations

from pathlib import Path

from bot.service.schema import new_id
from bot.service.session_tokens import (
    check_signed,
    issue_token,
    portal_sender,
    same_secret,
    session_from_token,
    session_of_sender,
    sign_path,
    token_expired,
)
from bot.settings import Settings

SID = new_id()


def test_token_round_trip_and_forgery(tmp_path: Path) -> None:
    st = Settings(data_dir=tmp_path)
    token = issue_token(SID, st)
    assert session_from_token(token, st) == SID
    sid, mac = token.split(".")
    assert session_from_token(f"other.{mac}", st) is None
    assert session_from_token(f"{sid}.{'0' * len(mac)}", st) is None
    assert session_from_token("", st) is None
    assert session_from_token("no-dot", st) is None
    assert session_from_token("a.b.c", st) is None


def test_secret_is_per_deployment(tmp_path: Path) -> None:
    a, b = Settings(data_dir=tmp_path / "a"), Settings(data_dir=tmp_path / "b")
    assert session_from_token(issue_token(SID, a), b) is None
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


def test_malformed_tokens_and_links_are_refused_not_crashing(tmp_path: Path) -> None:
    st = Settings(data_dir=tmp_path)
    token = issue_token(SID, st)
    sid, mac = token.split(".")
    for bad in (f"{sid}.{mac[:-1]}é", f"é{sid[1:]}.{mac}", "../../x." + mac, f"{sid}.{mac}\x00",
                "²" * 73, token + " "):
        assert session_from_token(bad, st) is None
    link = sign_path("/r/x.docx", settings=st, now=1000)
    sig = link.split("sig=")[1]
    for exp in ("²", "１２３", "-1", "1e9", "9" * 40):
        assert not check_signed("/r/x.docx", exp, sig, st, now=1000)
    assert not check_signed("/r/x.docx", "2000000000", "é" * 40, st, now=1000)
    assert not same_secret("tökén", "token") and not same_secret("token", "")
    assert same_secret("token", "token")


def test_a_portal_sender_names_its_session_only_with_the_right_mac(tmp_path: Path) -> None:
    st = Settings(data_dir=tmp_path)
    sender = portal_sender(SID, st)
    assert SID in sender and session_of_sender(sender, st) == SID
    assert session_of_sender(SID, st) is None  # the bare session id names no session
    assert session_of_sender(sender[:-1] + ("0" if sender[-1] != "0" else "1"), st) is None
    assert session_of_sender("rest-" + SID, st) is None
    other = Settings(data_dir=tmp_path / "other")
    assert session_of_sender(sender, other) is None


def test_a_token_expires_after_the_configured_days_unused(tmp_path: Path,
                                                          monkeypatch) -> None:  # noqa: ANN001
    now = 10_000_000.0
    st = Settings(data_dir=tmp_path)
    assert st.token_days == 30
    assert not token_expired(now - 29 * 86400, st, now)
    assert token_expired(now - 31 * 86400, st, now)
    monkeypatch.setenv("ASSISTANT_TOKEN_DAYS", "2")
    assert token_expired(now - 3 * 86400, Settings(data_dir=tmp_path), now)
