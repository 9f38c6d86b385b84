"""The chat page after approval, in a real headless Chromium: a filled 附件2 uploaded by the
picker gets its own report with download links, and a plan question gives a calendar link
that downloads the .ics."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from tests.e2e.test_chat_page import open_page
from tests.support import annex2gen as g
from tests.support.shared_stack import Shared

pytestmark = pytest.mark.stack


def test_annex2_report_and_calendar_link(portal: Shared, browser, tmp_path: Path) -> None:  # noqa: ANN001
    page = open_page(browser, portal)
    form = g.annex2_docx(tmp_path / "附件2-年度汇总表.docx", uscc="123")
    page.set_input_files("#file-input", [form])
    links = page.locator("#log .msg.bot", has_text="附件2预审报告下载")
    expect(links.last.locator("a", has_text="下载 Word 报告")).to_have_count(1)
    expect(page.locator("#log")).to_contain_text("统一社会信用代码")
    expect(page.locator("#log")).to_contain_text("不是申请材料")

    page.locator("#input").fill("我们在钦州港片区，2027年1月15日鉴定，计划哪天前推送？")
    page.locator("#input").press("Enter")
    link = page.locator("#log .msg.bot a", has_text="下载 .ics")
    expect(link.last).to_be_visible()
    with page.expect_download() as info:
        link.last.click()
    ics = Path(info.value.path()).read_bytes()
    starts = sorted(e.decoded("dtstart").isoformat() for e in Calendar.from_ical(ics).walk("VEVENT"))
    assert "2027-01-05" in starts
    assert page.errors == []  # type: ignore[attr-defined]
