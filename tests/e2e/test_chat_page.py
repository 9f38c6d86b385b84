"""The chat page in a real headless Chromium: a person asks a question, switches to English,
uploads files by the picker and by drag-and-drop, answers "which material is this?",
makes the pre-check report and downloads it; and what keyboard and screen-reader users
and phone users notice.

Screenshots go to a temporary folder printed at the start (``-s`` shows it).
"""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from bot import notice as N
from bot.precheck.problems import material_name, verdict_label
from tests.support import samples
from tests.support.documents import docx_text
from tests.support.shared_stack import Shared

pytestmark = pytest.mark.stack

TIMEOUT_MS = 60_000  # a turn with several uploads on a busy 2-core machine


def new_page(browser, *, locale: str, width: int, height: int,  # noqa: ANN001
             expected: str | None = None) -> Page:
    """A page in a context of its own; ``page.errors`` collects script exceptions and
    console errors (but those that start with ``expected``)."""
    ctx = browser.new_context(viewport={"width": width, "height": height}, locale=locale,
                              accept_downloads=True)
    ctx.set_default_timeout(TIMEOUT_MS)
    page = ctx.new_page()
    page.errors = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda e: page.errors.append(str(e)))  # type: ignore[attr-defined]
    page.on("console", lambda m: m.type == "error" and not (  # type: ignore[attr-defined]
        expected and m.text.startswith(expected)) and page.errors.append(m.text))
    return page


def open_page(browser, portal: Shared, *, locale: str = "zh-CN",  # noqa: ANN001
              width: int = 1280, height: int = 900) -> Page:
    page = new_page(browser, locale=locale, width=width, height=height)
    page.goto(f"{portal.stack.base}/portal/")
    expect(page.locator("#log .msg.bot").first).to_be_visible()
    return page


def write_fixtures(folder: Path) -> dict[str, Path]:
    files = {
        "certificate.pdf": samples.sample("1.1.1", "en"),
        "registration-form.docx": samples.form_docx(email=""),
        "certificate-中文译本.docx": samples.sample("1.1.1", "zh", "docx"),
        "thank-you-letter.docx": samples.unclassifiable_docx(),
    }
    out = {}
    for name, data in files.items():
        (folder / name).write_bytes(data)
        out[name] = folder / name
    return out


def drop_files(page: Page, target: str, paths: list[Path]) -> None:
    """Drag files from the desktop onto ``target``: a drop event carrying a DataTransfer."""
    items = [[p.name, base64.b64encode(p.read_bytes()).decode()] for p in paths]
    transfer = page.evaluate_handle("""(items) => {
        const dt = new DataTransfer();
        for (const [name, b64] of items) {
            const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
            dt.items.add(new File([bytes], name));
        }
        return dt;
    }""", items)
    page.dispatch_event(target, "dragenter", {"dataTransfer": transfer})
    expect(page.locator("#drop-overlay")).to_be_visible()
    page.dispatch_event(target, "dragover", {"dataTransfer": transfer})
    page.dispatch_event(target, "drop", {"dataTransfer": transfer})


def test_ask_upload_choose_and_download_the_report(portal: Shared, browser, shots: Path,  # noqa: ANN001
                                                   tmp_path: Path) -> None:
    files = write_fixtures(tmp_path)
    page = open_page(browser, portal)
    log = page.locator("#log")
    bot = log.locator(".msg.bot")
    expect(bot.first).to_contain_text("您好")
    expect(page.locator("#reference")).to_contain_text("GX-")
    page.screenshot(path=shots / "01-greeting.png")

    # A question, typed and sent with Enter.
    page.locator("#input").click()
    page.keyboard.type("谁审批？")
    page.keyboard.press("Enter")
    expect(log.locator(".msg.user").last).to_have_text("谁审批？")
    expect(bot.last).to_contain_text(N.APPROVAL_AUTHORITY.zh)
    expect(page.locator("#input")).to_have_value("")
    page.screenshot(path=shots / "02-answer.png")

    # The English switch turns the whole page and the conversation into English.
    page.get_by_role("button", name="Switch to English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_contain_text("Registering a foreign vocational qualification")
    expect(page.locator("#send")).to_have_text("Send")
    expect(page.locator("#report-btn")).to_have_text("Make the pre-check report")
    expect(bot.last).to_contain_text("I will answer in English")
    expect(page.get_by_role("button", name="切换到中文")).to_be_visible()

    # Upload by the file picker (two files at once).
    page.set_input_files("#file-input", [files["certificate.pdf"],
                                         files["registration-form.docx"]])
    expect(log).to_contain_text("certificate.pdf → recognised as: 1.1.1")
    expect(log).to_contain_text("registration-form.docx → recognised as: 4.1")
    expect(log).to_contain_text("“E-mail” is not filled in")
    expect(page.locator("#files li .name")).to_have_count(2)
    expect(page.locator("#files")).to_contain_text(material_name("1.1.1", "en"))
    expect(page.locator("#files")).to_contain_text("Form to correct: Not filled in: E-mail")
    page.screenshot(path=shots / "03-picker-upload.png", full_page=True)

    # Upload by drag-and-drop (two more).
    drop_files(page, "#dropzone", [files["certificate-中文译本.docx"],
                                   files["thank-you-letter.docx"]])
    expect(log).to_contain_text("Which material is “thank-you-letter.docx”?")
    expect(page.locator("#files li .name")).to_have_count(4)
    expect(page.locator("#drop-overlay")).to_be_hidden()
    expect(log).to_contain_text("Paired with")  # the certificate and its translation
    page.screenshot(path=shots / "04-drop-upload.png", full_page=True)

    # "Which material is this?": something else… → 2.3 sample papers.
    page.get_by_role("button", name="Something else…").last.click()
    pick = log.get_by_role("button", name=f"2.3 {N.MATERIALS_BY_ID['2.3'].short.get('en')}")
    pick.last.click()
    expect(bot.last).to_contain_text("Noted: “thank-you-letter.docx” is 2.3")
    expect(page.locator("#files li").nth(3)).to_contain_text(material_name("2.3", "en"))

    # The report, and its Word file.
    page.locator("#report-btn").click()  # the button beside the file list
    expect(log).to_contain_text("The pre-check report is ready")
    link = page.locator("#report-links a", has_text="Download Word report")
    expect(link).to_be_visible()
    page.screenshot(path=shots / "05-report.png", full_page=True)
    with page.expect_download() as download:
        link.click()
    path = tmp_path / "report.docx"
    download.value.save_as(path)
    text = docx_text(path.read_bytes())
    reference = page.locator("#reference").inner_text().split()[-1]
    assert reference.startswith("GX-") and reference in text
    assert verdict_label("incomplete", "en") in text
    assert material_name("1.1.4", "en") in text  # a material nobody uploaded
    assert "thank-you-letter.docx" in text
    assert page.errors == []  # type: ignore[attr-defined]


def test_the_page_reloads_with_the_conversation_and_files(portal: Shared, browser,  # noqa: ANN001
                                                          tmp_path: Path) -> None:
    files = write_fixtures(tmp_path)
    page = open_page(browser, portal)
    page.locator("#input").fill("审批要多长时间？")
    page.locator("#input").press("Enter")
    expect(page.locator("#log .msg.bot").last).to_contain_text("45")
    page.set_input_files("#file-input", [files["certificate.pdf"]])
    expect(page.locator("#files li .name")).to_have_count(1)
    page.reload()
    expect(page.locator("#log .msg.user").first).to_have_text("审批要多长时间？")
    expect(page.locator("#log")).to_contain_text("45")
    expect(page.locator("#files li .name")).to_have_count(1)
    expect(page.locator("#files")).to_contain_text("certificate.pdf")
    assert page.errors == []  # type: ignore[attr-defined]


def _unnamed_buttons(page: Page) -> list[str]:
    """Buttons whose accessible name (as Chromium computes it for screen readers) is empty."""
    cdp = page.context.new_cdp_session(page)
    tree = cdp.send("Accessibility.getFullAXTree")["nodes"]
    bad = []
    for node in tree:
        if node.get("ignored") or node.get("role", {}).get("value") != "button":
            continue
        if not (node.get("name", {}).get("value") or "").strip():
            bad.append(str(node.get("backendDOMNodeId")))
    return bad


def test_keyboard_and_screen_reader_basics(portal: Shared, browser, shots: Path,  # noqa: ANN001
                                           tmp_path: Path) -> None:
    files = write_fixtures(tmp_path)
    page = open_page(browser, portal, locale="en-US")
    page.set_input_files("#file-input", [files["thank-you-letter.docx"]])
    expect(page.locator("#files li .name")).to_have_count(1)
    log = page.locator("#log")
    expect(log).to_have_attribute("role", "log")
    expect(log).to_have_attribute("aria-live", "polite")
    assert page.locator("#input").get_attribute("id") == page.locator(
        "label[for=input]").get_attribute("for")
    assert _unnamed_buttons(page) == []

    # Every control can be reached with Tab, in a sensible order (input before send).
    controls = page.locator("button:visible, a[href]:visible, textarea:visible, "
                            "[tabindex='0']:visible")
    n = controls.count()
    controls.evaluate_all("(els) => els.forEach((e, i) => e.dataset.tabcheck = String(i))")
    page.locator("body").click(position={"x": 2, "y": 2})
    reached: list[str] = []
    for _ in range(n * 2 + 10):
        page.keyboard.press("Tab")
        mark = page.evaluate("() => document.activeElement && "
                             "document.activeElement.dataset.tabcheck || ''")
        if mark and mark not in reached:
            reached.append(mark)
        if len(reached) == n:
            break
    missing = controls.evaluate_all(
        "(els, got) => els.filter(e => !got.includes(e.dataset.tabcheck))"
        ".map(e => e.outerHTML.slice(0, 80))", reached)
    assert missing == []
    ids = page.locator("[data-tabcheck]").evaluate_all(
        "(els) => Object.fromEntries(els.map(e => [e.id || '', e.dataset.tabcheck]))")
    assert reached.index(ids["input"]) < reached.index(ids["send"])

    # The focused control is visibly marked.
    page.locator("#send").focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    outline = page.locator("#send").evaluate("(e) => getComputedStyle(e).outlineStyle")
    assert outline != "none"
    # The file picker opens from the keyboard too (Enter on the drop zone).
    with page.expect_file_chooser() as chooser:
        page.locator("#dropzone").focus()
        page.keyboard.press("Enter")
    assert chooser.value.is_multiple()
    page.screenshot(path=shots / "06-keyboard.png")


def test_readable_on_a_phone(portal: Shared, browser, shots: Path, tmp_path: Path) -> None:  # noqa: ANN001
    files = write_fixtures(tmp_path)
    page = open_page(browser, portal, width=390, height=844)
    page.locator("#input").fill("需要提交哪些材料？")
    page.locator("#input").press("Enter")
    expect(page.locator("#log .msg.bot").last).to_contain_text(material_name("1.1.1", "zh"))
    long_name = tmp_path / ("very-long-file-name-without-any-spaces-" * 3 + ".pdf")
    long_name.write_bytes(files["certificate.pdf"].read_bytes())
    page.set_input_files("#file-input", [long_name, files["registration-form.docx"]])
    expect(page.locator("#files li .name")).to_have_count(2)
    page.locator("#report-btn").click()
    expect(page.locator("#report-links a").first).to_be_visible()
    width = page.evaluate("() => [document.documentElement.scrollWidth, "
                          "document.documentElement.clientWidth, document.body.scrollWidth]")
    assert width[0] <= width[1] and width[2] <= width[1], width
    # The message box and the send button stay on screen and usable.
    box = page.locator("#input").bounding_box()
    send = page.locator("#send").bounding_box()
    assert box and send and box["width"] >= 150 and send["x"] + send["width"] <= 390
    page.screenshot(path=shots / "07-phone.png", full_page=True)
    page.screenshot(path=shots / "08-phone-viewport.png")
    assert page.errors == []  # type: ignore[attr-defined]
