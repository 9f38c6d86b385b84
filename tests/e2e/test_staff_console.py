"""The staff console in a real headless Chromium: signing in with a named account, the
hand-off queue (claim, close), an applicant opened by reference number (files, checklist,
conversation, the report viewed, printed and downloaded, the pre-check run again), the
batch pre-check of a folder giving the CLI's report, the audit log, keyboard-only use and
a phone-width screen.  Nothing is reachable without signing in; the applicant's files stay
as they uploaded them.

Screenshots go to a temporary folder printed at the start (``-s`` shows it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from bot.precheck.problems import material_name, verdict_label
from tests.e2e.test_chat_page import new_page, open_page, write_fixtures
from tests.support import samples
from tests.support.console import ROOT, add_account, sign_in
from tests.support.documents import docx_text
from tests.support.shared_stack import Shared
from tests.support.stack import request

pytestmark = pytest.mark.stack

DESK = ("desk.one", "desk-one-secret-1")
ADMIN = ("desk.admin", "desk-admin-secret-2")


@pytest.fixture(scope="module")
def accounts(portal: Shared) -> None:
    add_account(portal.stack.data_dir, *DESK)
    add_account(portal.stack.data_dir, *ADMIN, admin=True)


def open_console(browser, portal: Shared, *, width: int = 1280, height: int = 900,  # noqa: ANN001
                 locale: str = "zh-CN") -> Page:
    # Refusals the tests provoke (401, 403, 404) are logged by Chromium as failed loads;
    # any other console error or script exception is a bug.
    page = new_page(browser, locale=locale, width=width, height=height,
                    expected="Failed to load resource")
    page.goto(f"{portal.stack.base}/portal/staff/")
    expect(page.locator("h1")).to_contain_text("工作人员控制台" if locale.startswith("zh")
                                               else "Staff console")
    return page


def applicant_with_handoff(browser, portal: Shared, tmp_path: Path) -> tuple[Page, str]:  # noqa: ANN001
    """An applicant who uploaded two files and asked for a person; their reference."""
    files = write_fixtures(tmp_path)
    page = open_page(browser, portal)
    page.set_input_files("#file-input", [files["certificate.pdf"],
                                         files["registration-form.docx"]])
    expect(page.locator("#files li .name")).to_have_count(2)
    page.locator("#input").fill("转人工")
    page.locator("#input").press("Enter")
    expect(page.locator("#log .msg.bot").last).to_contain_text("GX-")
    reference = page.locator("#reference").inner_text().split("：")[-1].strip()
    return page, reference


def applicant_files(portal: Shared, page: Page) -> list[tuple[str, str]]:
    token = page.evaluate("() => JSON.parse(localStorage.getItem('gx-assistant-session')).token")
    r = request("GET", f"{portal.api}/uploads", token=token)
    return [(f["id"], f["name"]) for f in r.json()["files"]]


def test_nothing_is_reachable_without_signing_in(portal: Shared, accounts: None) -> None:
    base = f"{portal.stack.base}/portal/staff/api"
    for method, path in (("GET", "/handoffs"), ("GET", "/applicants/GX-261128-7K3FQ"),
                         ("GET", "/applicants/GX-261128-7K3FQ/report.docx"),
                         ("POST", "/applicants/GX-261128-7K3FQ/precheck"),
                         ("POST", "/batches"), ("GET", "/audit"),
                         ("POST", "/handoffs/" + "a" * 32 + "/claim")):
        r = request(method, base + path, headers={"Cookie": "gx_staff=forged-or-stale"})
        assert r.status == 401, (path, r.status)
        assert r.json()["message"] == "请先登录工作人员控制台。"
    r = request("POST", base + "/signin", json_body={"name": DESK[0], "secret": "wrong!"})
    assert r.status == 401 and r.json()["message"] == "账号或密码不正确。"
    r = request("POST", base + "/signin", data=b"name=desk.one", headers={
        "Content-Type": "application/x-www-form-urlencoded"})
    assert r.status == 400  # a cross-site form cannot sign anyone in


def test_sign_in_take_a_hand_off_and_read_the_report_by_reference(  # noqa: PLR0915
        portal: Shared, browser, accounts: None, shots: Path, tmp_path: Path) -> None:  # noqa: ANN001
    applicant, reference = applicant_with_handoff(browser, portal, tmp_path)
    before = applicant_files(portal, applicant)

    page = open_console(browser, portal)
    expect(page.locator("#signin-title")).to_have_text("工作人员登录")
    page.screenshot(path=shots / "staff-01-signin.png")
    page.locator("#signin-name").fill(DESK[0])
    page.locator("#signin-secret").fill("not the secret")
    page.locator("#signin-secret").press("Enter")
    expect(page.locator("#signin-error")).to_have_text("账号或密码不正确。")
    sign_in(page, *DESK)
    expect(page.locator("#who")).to_have_text(f"已登录：{DESK[0]}")
    expect(page.locator("#nav-audit")).to_be_hidden()  # not an administrator

    # The queue: the request with its reference, language, wait and question.
    row = page.locator("#queue-table tbody tr", has_text=reference)
    expect(row).to_contain_text("中文")
    expect(row).to_contain_text("分钟")
    expect(row).to_contain_text("转人工")
    expect(row).to_contain_text("新请求")
    page.screenshot(path=shots / "staff-02-queue.png", full_page=True)
    # A request without the CSRF token is refused, even with the sign-in cookie.
    handoff_id = page.evaluate("(ref) => fetch('/portal/staff/api/handoffs').then(r => r.json())"
                               ".then(d => d.handoffs.find(h => h.reference === ref).id)",
                               reference)
    status = page.evaluate("(id) => fetch('/portal/staff/api/handoffs/' + id + '/claim', "
                           "{method: 'POST'}).then(r => r.status)", handoff_id)
    assert status == 403
    row.get_by_role("button", name=f"接手 {reference}").click()
    expect(row).to_contain_text(f"已由 {DESK[0]} 接手")
    expect(row.get_by_role("button", name=f"接手 {reference}")).to_have_count(0)
    row.get_by_role("button", name=f"标记为已处理 {reference}").click()
    expect(row).to_contain_text("已处理")

    # Open the applicant from the queue.
    row.get_by_role("button", name=reference, exact=True).click()
    expect(page.locator("#applicant-title")).to_have_text(f"申请人 {reference}")
    expect(page.locator("#applicant-title")).to_be_focused()
    files = page.locator("#files-table tbody")
    expect(files.locator("tr")).to_have_count(2)
    expect(files.locator("tr", has_text="certificate.pdf")).to_contain_text(
        "1.1.1 " + material_name("1.1.1", "zh"))
    expect(files.locator("tr", has_text="certificate.pdf")).to_contain_text("英文")
    expect(files.locator("tr", has_text="registration-form.docx")).to_contain_text("4.1")
    checklist = page.locator("#applicant-checklist")
    expect(checklist.locator(".item")).to_have_count(16)
    expect(checklist.locator('li[data-id="1.1.1"]')).to_have_attribute("data-state", "attention")
    expect(page.locator("#conversation")).to_contain_text("转人工")
    expect(page.locator("#conversation")).to_contain_text("上传了 2 个文件")
    expect(page.locator("#report-meta")).to_have_text("尚未生成预审报告。")

    # Run the pre-check again: a new report, the files untouched.
    page.get_by_role("button", name="重新预审").click()
    expect(page.locator("#notice")).to_contain_text("已重新预审")
    expect(page.locator("#report-meta")).to_contain_text(verdict_label("incomplete", "zh"))
    assert applicant_files(portal, applicant) == before

    # View it in the page, print it, download it.
    page.get_by_role("button", name="查看报告").click()
    frame = page.frame_locator("#report-frame")
    expect(frame.locator("h1")).to_have_text("申请材料预审报告")
    expect(frame.locator("body")).to_contain_text(reference)
    expect(frame.locator(".glance")).to_contain_text("! 1.1.1")
    page.screenshot(path=shots / "staff-03-applicant.png", full_page=True)
    # Print uses the report already shown (stubbed here: headless Chromium has no printer).
    page.evaluate("() => { window.__printed = 0; document.getElementById('report-frame')"
                  ".contentWindow.print = () => { window.__printed++; }; }")
    page.get_by_role("button", name="打印报告").click()
    page.wait_for_function("() => window.__printed >= 1")
    with page.expect_download() as dl:
        page.get_by_role("link", name="下载 Word").click()
    report = Path(dl.value.path())
    text = docx_text(report.read_bytes())
    assert reference in text and "材料清单一览" in text
    assert dl.value.suggested_filename == f"precheck-{reference}.docx"
    with page.expect_download() as dl:
        page.get_by_role("link", name="下载 JSON").click()
    data = json.loads(Path(dl.value.path()).read_text(encoding="utf-8"))
    assert data["reference"] == reference and data["verdict"] == "incomplete"
    assert applicant_files(portal, applicant) == before

    # Phone width.
    page.set_viewport_size({"width": 360, "height": 780})
    width = page.evaluate("() => [document.documentElement.scrollWidth, "
                          "document.documentElement.clientWidth]")
    assert width[0] <= width[1], width
    page.screenshot(path=shots / "staff-04-applicant-360.png", full_page=True)

    # An unknown or malformed reference says so.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.locator("#lookup-ref").fill("GX-000000-ZZZZZ")
    page.locator("#lookup-ref").press("Enter")
    expect(page.locator("#alert")).to_contain_text("找不到参考号 GX-000000-ZZZZZ")
    page.locator("#lookup-ref").fill("../../secret.key")
    page.locator("#lookup-ref").press("Enter")
    expect(page.locator("#alert")).to_contain_text("参考号格式不正确")

    # The administrator reads who opened what.
    admin = open_console(browser, portal)
    sign_in(admin, *ADMIN)
    admin.get_by_role("link", name="访问记录").click()
    log = admin.locator("#audit-table tbody")
    for action in ("接手转人工请求", "处理完转人工请求", "查看申请人", "重新预审", "查看报告"):
        expect(log.locator("tr", has_text=action).filter(has_text=DESK[0]).filter(
            has_text=reference).first).to_be_visible()
    expect(log.locator("tr", has_text="登录失败").first).to_be_visible()
    admin.screenshot(path=shots / "staff-05-audit.png", full_page=True)
    assert page.evaluate("() => fetch('/portal/staff/api/audit').then(r => r.status)") == 403

    # Signing out ends the sign-in.
    page.get_by_role("button", name="退出登录").click()
    expect(page.locator("#signin-title")).to_be_visible()
    expect(page.locator("#notice")).to_have_text("您已退出登录。")
    assert page.evaluate("() => fetch('/portal/staff/api/handoffs').then(r => r.status)") == 401
    assert page.errors == [] and admin.errors == []  # type: ignore[attr-defined]


def test_batch_pre_check_of_a_folder_gives_the_cli_report(
        portal: Shared, browser, accounts: None, shots: Path, tmp_path: Path) -> None:  # noqa: ANN001
    folder = tmp_path / "某学会"
    folder.mkdir()
    (folder / "01 certificate.pdf").write_bytes(samples.sample("1.1.1", "en"))
    (folder / "01 certificate 中文译本.docx").write_bytes(samples.sample("1.1.1", "zh", "docx"))
    (folder / "sub").mkdir()
    (folder / "sub" / "注册表.docx").write_bytes(samples.form_docx(email=""))
    (folder / "sub" / "notes.txt").write_bytes(b"not a PDF")
    stored_before = sorted(p.name for p in (portal.stack.data_dir / "files").rglob("*"))

    page = open_console(browser, portal)
    sign_in(page, *DESK)
    page.get_by_role("link", name="批量预审").click()
    expect(page.locator("#batch-title")).to_be_focused()
    page.set_input_files("#batch-folder-input", folder)
    items = page.locator("#batch-list li")
    expect(items).to_have_count(4)
    expect(page.locator("#batch-progress")).to_have_text("已完成 4 / 4 个文件")
    expect(items.filter(has_text="sub/注册表.docx")).to_contain_text("已读取 · 4.1")
    expect(items.filter(has_text="sub/notes.txt")).to_contain_text("已读取")
    frame = page.frame_locator("#batch-frame")
    expect(frame.locator("h1")).to_have_text("申请材料预审报告")
    page.screenshot(path=shots / "staff-06-batch.png", full_page=True)
    with page.expect_download() as dl:
        page.get_by_role("link", name="下载 JSON").click()
    browser_report = json.loads(Path(dl.value.path()).read_text(encoding="utf-8"))

    cli = subprocess.run([sys.executable, "-m", "bot", "precheck", str(folder), "--format",
                          "json", "--no-progress"], capture_output=True, text=True, cwd=ROOT,
                         timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert cli.returncode == 0, cli.stderr
    cli_report = json.loads(cli.stdout)
    for key in ("verdict", "materials", "form"):
        assert browser_report[key] == cli_report[key], key
    assert [f["name"] for f in browser_report["files"]] == [f["name"] for f in cli_report["files"]]
    assert [f["problems"] for f in browser_report["files"]] == [
        f["problems"] for f in cli_report["files"]]
    # Nothing was stored among the applicants' files.
    assert sorted(p.name for p in (portal.stack.data_dir / "files").rglob("*")) == stored_before
    # Print.
    page.evaluate("() => { window.__printed = 0; document.getElementById('batch-frame')"
                  ".contentWindow.print = () => { window.__printed++; }; }")
    page.get_by_role("button", name="打印报告").click()
    assert page.evaluate("() => window.__printed") == 1
    assert page.errors == []  # type: ignore[attr-defined]


def test_the_console_by_keyboard_alone(portal: Shared, browser, accounts: None,  # noqa: ANN001
                                       shots: Path, tmp_path: Path) -> None:
    _, reference = applicant_with_handoff(browser, portal, tmp_path)
    page = open_console(browser, portal)
    page.locator("#lang-switch").focus()
    page.keyboard.press("Enter")  # English
    expect(page.locator("#signin-title")).to_have_text("Staff sign-in")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator("body").click(position={"x": 2, "y": 300})

    def tab_to(selector: str, limit: int = 60) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate("(s) => document.activeElement.matches(s)", selector):
                return
        raise AssertionError(f"Tab never reached {selector}")

    tab_to("#signin-name")
    page.keyboard.type(DESK[0])
    page.keyboard.press("Tab")
    page.keyboard.type(DESK[1])
    page.keyboard.press("Enter")
    expect(page.locator("#queue-title")).to_be_focused()
    outline = page.locator("#queue-refresh").evaluate(
        "(e) => { e.focus(); return getComputedStyle(e).outlineStyle; }")
    assert outline != "none"
    tab_to("a[data-panel=applicant]")
    page.keyboard.press("Enter")
    expect(page.locator("#applicant-heading")).to_be_focused()
    tab_to("#lookup-ref")
    page.keyboard.type(reference.lower())
    page.keyboard.press("Enter")
    expect(page.locator("#applicant-title")).to_have_text(f"Applicant {reference}")
    tab_to('#applicant-checklist li[data-id="2.1"] button')
    page.keyboard.press("Enter")
    item = page.locator('#applicant-checklist li[data-id="2.1"]')
    expect(item.locator("button")).to_have_attribute("aria-expanded", "true")
    expect(item.locator(".detail")).to_contain_text("What the notice asks")
    expect(item.locator(".detail")).to_contain_text("No file matched yet.")
    tab_to("#rerun")
    page.keyboard.press("Enter")
    expect(page.locator("#notice")).to_contain_text("The pre-check was run again")
    page.screenshot(path=shots / "staff-07-keyboard.png", full_page=True)
    assert page.errors == []  # type: ignore[attr-defined]
