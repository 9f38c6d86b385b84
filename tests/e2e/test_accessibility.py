"""axe-core (WCAG 2.1 A and AA rules) on the chat page and every view of the staff
console, at desktop width and at 360 px: no serious or critical violation.  The full
results are saved beside the screenshots (axe-*.json)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.test_chat_page import open_page, write_fixtures
from tests.e2e.test_staff_console import ADMIN, open_console
from tests.support.console import add_account, axe_violations, save, serious, sign_in
from tests.support.shared_stack import Shared

pytestmark = pytest.mark.stack


@pytest.mark.parametrize("width", [1280, 360])
def test_no_serious_or_critical_accessibility_violations(
        portal: Shared, browser, shots: Path, tmp_path: Path, width: int) -> None:  # noqa: ANN001
    add_account(portal.stack.data_dir, *ADMIN, admin=True)
    files = write_fixtures(tmp_path)
    found: dict[str, list] = {}

    chat = open_page(browser, portal, width=width, height=800)
    expect(chat.locator("#checklist .item")).to_have_count(16)
    found["chat"] = axe_violations(chat)
    chat.set_input_files("#file-input", [files["certificate.pdf"],
                                         files["registration-form.docx"]])
    expect(chat.locator("#files li .name")).to_have_count(2)
    chat.locator('#checklist li[data-id="1.1.1"] button').click()
    found["chat-with-files"] = axe_violations(chat)
    chat.locator("#input").fill("转人工")
    chat.locator("#input").press("Enter")
    expect(chat.locator("#log .msg.bot").last).to_contain_text("GX-")
    reference = chat.locator("#reference").inner_text().split("：")[-1].strip()
    chat.screenshot(path=shots / f"axe-chat-{width}.png", full_page=True)

    console = open_console(browser, portal, width=width, height=800)
    found["console-signin"] = axe_violations(console)
    sign_in(console, *ADMIN)
    expect(console.locator("#queue-table tbody tr").first).to_be_visible()
    found["console-queue"] = axe_violations(console)
    console.locator("#queue-table tbody tr", has_text=reference).get_by_role(
        "button", name=reference, exact=True).click()
    expect(console.locator("#applicant-title")).to_contain_text(reference)
    found["console-applicant"] = axe_violations(console)
    console.get_by_role("link", name="批量预审").click()
    found["console-batch"] = axe_violations(console)
    console.get_by_role("link", name="访问记录").click()
    expect(console.locator("#audit-table tbody tr").first).to_be_visible()
    found["console-audit"] = axe_violations(console)
    console.screenshot(path=shots / f"axe-console-{width}.png", full_page=True)

    save(shots / f"axe-{width}.json", found)
    print(f"\naxe at {width}px: " + "; ".join(
        f"{view}: {len(v)} violation(s) {[x['id'] + '/' + str(x['impact']) for x in v]}"
        for view, v in found.items()))
    assert {view: serious(v) for view, v in found.items() if serious(v)} == {}
