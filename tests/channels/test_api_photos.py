"""A phone photo and a scan uploaded through the portal API (as the mini-program sends
them) get feedback like any other file: the material, the language, what to do."""

from __future__ import annotations

import pytest

from bot.precheck.problems import material_name
from tests.support import scangen
from tests.support.fonts import require_cjk_font
from tests.support.shared_stack import Shared, new_session, texts

pytestmark = pytest.mark.stack


def test_a_phone_photo_of_the_licence_gets_feedback(portal: Shared) -> None:
    require_cjk_font()
    page = scangen.sample_page("1.2.1", "zh", size=(1240, 1100))
    # A phone photo, kept under the test stack's 200 KB file limit.
    photo = scangen.photo(page, seed=5, exif_orientation=6, blur=0.6, quality=70, noise=4)
    s = new_session(portal.api)
    r = s.upload([("IMG_0412.JPG", photo)])
    assert r.status == 200, r.text
    [f] = r.json()["files"]
    assert f["accepted"] and f["status"] == "done"
    assert f["materials"] == ["1.2.1"] and f["language"] == "zh"
    assert f["problems"] == []
    said = texts(r)
    assert "IMG_0412.JPG" in said and material_name("1.2.1", "zh") in said


def test_a_scanned_english_letter_is_flagged_untranslated(portal: Shared, tmp_path) -> None:
    require_cjk_font()
    page = scangen.sample_page("1.1.4", "en", size=(1240, 1100))
    pdf = scangen.scanned_pdf(tmp_path / "scan.pdf", [scangen.scan(page, 1)])
    s = new_session(portal.api, lang="en")
    r = s.upload([("scan_0001.pdf", pdf.read_bytes())], {"lang": "en"})
    assert r.status == 200, r.text
    [f] = r.json()["files"]
    assert f["materials"] == ["1.1.4"] and f["language"] == "en"
    assert f["problems"] == ["untranslated"]
    assert "translation" in f["advice"][0].lower()
