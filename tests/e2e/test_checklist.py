"""The applicant's checklist beside the chat: the four categories of 三 and their 16
items, each provided / missing / needs attention / optional, changing as files are
uploaded, replaced and removed; a click on an item says what the notice asks and which
file matched."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from bot.notice import CATEGORIES, MATERIALS, MATERIALS_BY_ID
from tests.e2e.test_chat_page import open_page, write_fixtures
from tests.support.shared_stack import Shared

pytestmark = pytest.mark.stack


def test_the_checklist_follows_uploads_replacements_and_removals(
        portal: Shared, browser, shots: Path, tmp_path: Path) -> None:  # noqa: ANN001
    files = write_fixtures(tmp_path)
    page = open_page(browser, portal)
    box = page.locator("#checklist")
    expect(box.locator(".item")).to_have_count(16)
    expect(box.locator("h3")).to_have_count(len(CATEGORIES))
    assert box.locator("h3").all_inner_texts()[0].endswith(CATEGORIES[0].name.zh)
    assert box.locator(".item").evaluate_all("(els) => els.map(e => e.dataset.id)") == [
        m.id for m in MATERIALS]
    expect(box.locator(".checklist-summary")).to_have_text("已提供 0 项，缺少 15 项，需处理 0 项")
    cert = box.locator('li[data-id="1.1.1"]')
    expect(cert).to_have_attribute("data-state", "missing")
    expect(cert.locator("button")).to_contain_text("✗")
    expect(cert.locator("button")).to_contain_text("缺少")
    expect(box.locator('li[data-id="1.1.3"]')).to_have_attribute("data-state", "optional")

    # An English certificate: needs attention (no Chinese translation yet).
    page.set_input_files("#file-input", [files["certificate.pdf"]])
    expect(cert).to_have_attribute("data-state", "attention")
    expect(page.locator("#ck-live")).to_have_text("已提供 0 项，缺少 14 项，需处理 1 项")
    cert.locator("button").click()
    expect(cert.locator("button")).to_have_attribute("aria-expanded", "true")
    detail = cert.locator(".detail")
    expect(detail).to_contain_text(MATERIALS_BY_ID["1.1.1"].clause.cite("zh"))
    expect(detail).to_contain_text(MATERIALS_BY_ID["1.1.1"].name.zh)
    expect(detail).to_contain_text("外文文件缺少中文译本")
    expect(detail.locator(".matched")).to_have_text("certificate.pdf")
    page.screenshot(path=shots / "checklist-01-attention.png", full_page=True)

    # Its translation: provided; the detail stays open and names both files.
    page.set_input_files("#file-input", [files["certificate-中文译本.docx"]])
    expect(cert).to_have_attribute("data-state", "provided")
    expect(cert.locator("button")).to_contain_text("✓")
    expect(detail.locator(".matched li")).to_have_count(2)
    expect(page.locator("#ck-live")).to_have_text("已提供 1 项，缺少 14 项，需处理 0 项")
    page.screenshot(path=shots / "checklist-02-provided.png", full_page=True)

    # Replace the certificate by an unrelated letter: back to missing its original.
    first = page.locator("#files li", has_text="certificate.pdf")
    with page.expect_file_chooser() as chooser:
        first.get_by_role("button", name="替换").click()
    chooser.value.set_files(files["thank-you-letter.docx"])
    expect(page.locator("#files li", has_text="certificate.pdf")).to_have_count(0)
    expect(cert).to_have_attribute("data-state", "missing")

    # Remove the translation too: nothing left matched.
    page.locator("#files li", has_text="中文译本").get_by_role("button", name="删除").click()
    expect(page.locator("#files li", has_text="中文译本")).to_have_count(0)
    expect(cert).to_have_attribute("data-state", "missing")
    expect(detail).to_contain_text("还没有对应的文件。")

    # The English page speaks English.
    page.get_by_role("button", name="Switch to English").click()
    expect(box.locator(".checklist-title")).to_have_text("Materials checklist")
    expect(cert.locator("button")).to_contain_text("Missing")
    expect(detail).to_contain_text("What the notice asks")
    page.set_viewport_size({"width": 360, "height": 780})
    width = page.evaluate("() => [document.documentElement.scrollWidth, "
                          "document.documentElement.clientWidth]")
    assert width[0] <= width[1], width
    page.screenshot(path=shots / "checklist-03-phone.png", full_page=True)
    assert page.errors == []  # type: ignore[attr-defined]
