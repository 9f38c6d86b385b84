"""The chat page in a real browser: a phone photo, chosen with the file picker (which
offers pictures) or dropped on the page, is answered about like any other file."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from bot.precheck.problems import material_name
from tests.e2e.test_chat_page import drop_files, open_page
from tests.support import scangen
from tests.support.fonts import require_cjk_font
from tests.support.shared_stack import Shared

pytestmark = pytest.mark.stack


def test_a_photo_is_accepted_and_answered_about(browser, portal: Shared,  # noqa: ANN001
                                                tmp_path: Path) -> None:
    require_cjk_font()
    page_picture = scangen.sample_page("1.2.1", "zh", size=(1240, 1100))
    photo = tmp_path / "IMG_0415.jpg"
    photo.write_bytes(scangen.photo(page_picture, seed=6, exif_orientation=6, blur=0.6,
                                    quality=70, noise=4))
    page = open_page(browser, portal)
    accept = page.locator("#file-input").get_attribute("accept") or ""
    assert ".jpg" in accept and "image/png" in accept
    log = page.locator("#log")
    page.set_input_files("#file-input", [photo])
    expect(log).to_contain_text("IMG_0415.jpg")
    expect(page.locator("#files")).to_contain_text(material_name("1.2.1", "zh"))

    second = tmp_path / "licence-photo.jpg"
    second.write_bytes(photo.read_bytes())
    drop_files(page, "#dropzone", [second])
    expect(page.locator("#files li .name")).to_have_count(2)
    assert page.errors == []  # type: ignore[attr-defined]
