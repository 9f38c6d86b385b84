"""Settings, from environment variables (``ASSISTANT_*``) with working defaults.

Nothing here needs a service: the defaults keep data in ``var/`` under the project
(SQLite and plain files), so the assistant runs on a machine with no database server.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _env(name: str, default: str) -> str:
    return os.environ.get(f"ASSISTANT_{name}", default)


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(f"ASSISTANT_{name}")
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"ASSISTANT_{name} must be a whole number, not {raw!r}") from exc


@dataclass(frozen=True)
class Contact:
    """Who a user is sent to when the notice does not answer a question."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class Limits:
    """Limits that protect the parsers; checked before and while a file is parsed."""

    max_file_bytes: int = 20 * 1024 * 1024
    max_files_per_session: int = 60
    max_unzipped_bytes: int = 200 * 1024 * 1024  # a DOCX's declared and actual inflated size
    max_zip_entries: int = 5000
    max_pages: int = 2000
    parse_seconds: float = 30.0  # wall time for one file
    parse_memory_bytes: int = 1536 * 1024 * 1024  # address space of one parser process
    max_message_chars: int = 2000  # one chat message (portal and REST channels)
    data_quota_bytes: int = 20 * 1024 * 1024 * 1024  # every stored upload together
    min_free_bytes: int = 256 * 1024 * 1024  # left free on the data folder's disk
    max_ocr_pages: int = 5  # pages of one scanned PDF read by OCR (enough to place it)
    max_image_pixels: int = 50_000_000  # a picture's width × height (decompression bombs)
    # share of parse_seconds after which OCR stops (a machine far slower than expected): a
    # safety cap, not a budget, so that max_ocr_pages decides what is read and a scan gives
    # the same result on every run, however busy the machine; the rest of the limit is left
    # for classifying what was read before the worker is stopped
    ocr_time_share: float = 0.8


@dataclass(frozen=True)
class RateLimits:
    """Requests allowed per minute (0: no limit).  Loose enough that one local client can
    run the benchmarks and evaluation sets (hundreds of turns a minute from loopback)."""

    sessions_per_address: int = 600
    messages_per_address: int = 6000
    messages_per_session: int = 600
    uploads_per_address: int = 600
    uploads_per_session: int = 120


PLACEHOLDER_MARKERS = ("change-me", "changeme", "change_me", "placeholder", "example",
                       "secret", "password", "xxxx")
MIN_SECRET_CHARS = 32


@dataclass(frozen=True)
class Settings:
    data_dir: Path = field(default_factory=lambda: Path(_env("DATA_DIR", str(ROOT / "var"))))
    database_url: str = field(default_factory=lambda: _env("DATABASE_URL", ""))
    contact: Contact = field(default_factory=lambda: Contact(
        zh=_env("CONTACT_ZH", "广西壮族自治区人力资源和社会保障厅政务服务窗口（工作日办公时间），"
                "或在本对话中输入“转人工”留言，工作人员会联系您。"),
        en=_env("CONTACT_EN", "the government-service counter of the Guangxi Department of Human "
                "Resources and Social Security (working days, office hours), or type “talk to a "
                "person” here and a member of staff will contact you."),
    ))
    limits: Limits = field(default_factory=lambda: Limits(
        max_file_bytes=_env_int("MAX_FILE_BYTES", Limits.max_file_bytes),
        max_files_per_session=_env_int("MAX_FILES_PER_SESSION", Limits.max_files_per_session),
        parse_seconds=float(_env_int("PARSE_SECONDS", int(Limits.parse_seconds))),
        parse_memory_bytes=_env_int("PARSE_MEMORY_BYTES", Limits.parse_memory_bytes),
        max_message_chars=_env_int("MAX_MESSAGE_CHARS", Limits.max_message_chars),
        data_quota_bytes=_env_int("DATA_QUOTA_BYTES", Limits.data_quota_bytes),
        min_free_bytes=_env_int("MIN_FREE_BYTES", Limits.min_free_bytes),
        max_ocr_pages=_env_int("MAX_OCR_PAGES", Limits.max_ocr_pages),
    ))
    rates: RateLimits = field(default_factory=lambda: RateLimits(
        sessions_per_address=_env_int("RATE_SESSIONS", RateLimits.sessions_per_address),
        messages_per_address=_env_int("RATE_MESSAGES", RateLimits.messages_per_address),
        messages_per_session=_env_int("RATE_SESSION_MESSAGES", RateLimits.messages_per_session),
        uploads_per_address=_env_int("RATE_UPLOADS", RateLimits.uploads_per_address),
        uploads_per_session=_env_int("RATE_SESSION_UPLOADS", RateLimits.uploads_per_session),
    ))
    # "local" (make run, tests) or "production" (deploy/assistant.env): in production the
    # servers refuse to start with a missing, short or placeholder secret.
    mode: str = field(default_factory=lambda: _env("MODE", "local").strip().lower() or "local")
    token_days: int = field(default_factory=lambda: _env_int("TOKEN_DAYS", 30))
    action_token: str = field(default_factory=lambda: _env("ACTION_TOKEN", ""))
    actions_host: str = field(default_factory=lambda: _env("ACTIONS_HOST", "127.0.0.1"))
    redis_url: str = field(default_factory=lambda: _env("REDIS_URL", ""))

    parse_workers: int = field(default_factory=lambda: _env_int("PARSE_WORKERS", 2))
    # onnxruntime threads per parser worker for OCR; 0: every core (at most 4).
    ocr_threads: int = field(default_factory=lambda: _env_int("OCR_THREADS", 0))
    retention_days: int = field(default_factory=lambda: _env_int("RETENTION_DAYS", 30))
    # Official holidays and make-up working days that staff add when the State Council
    # publishes a year's schedule; they override the calendar library (docs in README).
    calendar_file: Path = field(default_factory=lambda: Path(
        _env("CALENDAR_FILE", str(ROOT / "calendar" / "cn_workdays.json"))))
    # A staff console sign-in ends after this many idle minutes, and after this many hours.
    staff_idle_minutes: int = field(default_factory=lambda: _env_int("STAFF_IDLE_MINUTES", 30))
    staff_session_hours: int = field(default_factory=lambda: _env_int("STAFF_SESSION_HOURS", 10))

    @property
    def db_url(self) -> str:
        """The SQLAlchemy URL of the file index: SQLite under data_dir unless configured."""
        return self.database_url or f"sqlite:///{self.data_dir / 'assistant.db'}"


def secret_problems(settings: Settings | None = None) -> list[str]:
    """What is wrong with the deployment's secrets: empty in local mode; in production
    every secret that is missing, shorter than MIN_SECRET_CHARS or a placeholder."""
    settings = settings or Settings()
    if settings.mode == "local":
        return []
    problems = []
    required = ("SECRET", "ACTION_TOKEN")
    optional = ("STAFF_TOKEN", "WX_SECRET", "WX_OA_SECRET", "WX_OA_AES_KEY")
    for name in required + optional:
        value = os.environ.get(f"ASSISTANT_{name}", "")
        if not value and name in optional:
            continue
        if not value:
            problems.append(f"ASSISTANT_{name} is not set")
        elif any(m in value.lower() for m in PLACEHOLDER_MARKERS):
            problems.append(f"ASSISTANT_{name} is a placeholder")
        elif len(value) < MIN_SECRET_CHARS and name not in ("WX_SECRET", "WX_OA_SECRET",
                                                          "WX_OA_AES_KEY"):
            problems.append(f"ASSISTANT_{name} is shorter than {MIN_SECRET_CHARS} characters")
    for name in ("DATABASE_URL", "TRACKER_DB_URL", "REDIS_URL"):
        value = os.environ.get(f"ASSISTANT_{name}", "")
        if any(m in value.lower() for m in ("change-me", "changeme")):
            problems.append(f"ASSISTANT_{name} has a placeholder password")
    return problems


def get_settings() -> Settings:
    return Settings()
