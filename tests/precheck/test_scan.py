"""Scans and photos read by OCR: orientation, limits on pictures, damaged pictures."""

from __future__ import annotations

import struct
import zlib

import pytest

from bot.precheck.extract import TooLarge, Unreadable, extract
from bot.precheck.extract.ocr import read_page
from bot.precheck.extract.scan import open_picture
from bot.precheck.extract.sniff import IMAGE, sniff
from tests.support import scangen
from tests.support.fonts import require_cjk_font

LICENCE = ("营业执照", ["统一社会信用代码 91450100MA5KB8XQ3R", "名称 广西桂南职业技能评价有限公司",
                    "类型 有限责任公司"])


@pytest.fixture(scope="module")
def licence_page():
    require_cjk_font()
    return scangen.page_image(*LICENCE, size=(1000, 620), font_size=30)


def _lines(text: str) -> list[str]:
    return [ln.replace(" ", "") for ln in text.splitlines() if ln.strip()]


def test_a_phone_photo_stored_sideways_is_read_upright(tmp_path, licence_page):
    path = scangen.write_photo(tmp_path / "IMG_2041.JPG", licence_page, seed=4,
                               exif_orientation=6, blur=0.6, quality=80)
    assert sniff(path).kind == IMAGE
    picture = open_picture(path, 50_000_000)
    assert picture.width < picture.height * 2 and picture.width > picture.height  # landscape
    doc = extract(path)
    lines = _lines(doc.text)
    assert lines[0] == "营业执照"
    assert any("91450100MA5KB8XQ3R" in ln for ln in lines)
    assert doc.ocr_pages == 1 and doc.ocr_confidence > 0.8


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_a_page_scanned_the_wrong_way_round_is_turned(licence_page, turn):
    page = read_page(licence_page.rotate(turn, expand=True))
    assert page.rotation == (360 - turn) % 360
    lines = _lines(page.text)
    assert lines[0] == "营业执照"  # reading order restored, not only the characters
    assert "名称广西桂南职业技能评价有限公司" in lines


def _png(width: int, height: int, data: bytes = b"") -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(data))
            + chunk(b"IEND", b""))


def test_a_decompression_bomb_is_refused_before_it_is_decoded(tmp_path):
    path = tmp_path / "bomb.png"
    # 10 GB of pixels declared, a few bytes of data: refused from the header.
    path.write_bytes(_png(100_000, 100_000, b"\0" * 1000))
    with pytest.raises(TooLarge) as exc:
        extract(path, max_image_pixels=50_000_000)
    assert exc.value.detail == "image_pixels"


@pytest.mark.parametrize("make", ["truncated_jpeg", "garbage_png"])
def test_damaged_pictures_are_unreadable(tmp_path, licence_page, make):
    path = tmp_path / "x.bin"
    if make == "truncated_jpeg":
        data = scangen.photo(licence_page, seed=1)
        path.write_bytes(data[: len(data) // 3])
    else:
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 300)
    with pytest.raises(Unreadable):
        extract(path)


@pytest.mark.parametrize("make", ["blank", "short_data"])
def test_a_picture_without_text_reads_nothing(tmp_path, make):
    from PIL import Image

    path = tmp_path / "blank.png"
    if make == "blank":
        Image.new("RGB", (800, 600), (200, 190, 180)).save(path)
    else:  # says 3000×3000 pixels, holds one row of them (Pillow fills in the rest)
        path.write_bytes(_png(3000, 3000, b"\0" * 3001))
    doc = extract(path)
    assert not doc.has_text_layer and doc.ocr_pages == 1 and not doc.text.strip()
