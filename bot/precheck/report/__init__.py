"""The pre-check report of a package, in four formats.

- :func:`render_json` — the machine-readable contract (verdict, materials, files, form);
- :func:`render_markdown` — the chat summary: every gap, once, concisely;
- :func:`render_html` — a standalone printable page;
- :func:`render_docx` — a printable Word document.

The human-readable formats are in Chinese (``zh``, the default) or English (``en``) and
never show raw personal data.
"""

from __future__ import annotations

from bot.precheck.report.docx_report import render_docx
from bot.precheck.report.html_page import render_html
from bot.precheck.report.json_report import render_json
from bot.precheck.report.md import render_markdown
from bot.precheck.report.view import ReportView, build_view

__all__ = ["render_json", "render_markdown", "render_html", "render_docx", "build_view",
           "ReportView"]
