"""Text from pictures of pages: RapidOCR (PP-OCRv4 Chinese/English, on onnxruntime).

The models ship inside the ``rapidocr-onnxruntime`` wheel, so nothing is downloaded.  The
engine is loaded once per process, on the first page it is asked to read (in a parser
worker, never in the chat server).  A page whose lines mostly run vertically, or read
upside down (RapidOCR's angle classifier), is turned upright and read again, so that its
lines come out in reading order.  Where the system has Tesseract, a page RapidOCR reads
badly is also given to Tesseract, and the better reading is kept.

>>> page = read_page(pil_image)
>>> page.text, page.confidence
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from typing import Any

# Lines read with less confidence than this are dropped (RapidOCR's own default).
MIN_LINE_CONFIDENCE = 0.5
# A page read with less mean confidence (or fewer characters) is "badly read": Tesseract,
# when installed, is tried too.
GOOD_PAGE_CONFIDENCE = 0.75
GOOD_PAGE_CHARS = 20
# Share of lines that must run vertically (or upside down) before the page is turned.
_TURN_SHARE = 0.5
_CLS_SURE = 0.9  # the angle classifier's threshold for "upside down"

_engine = None
_engine_lock = threading.Lock()

# The Chinese/English recogniser often drops the spaces between English words ("Towhom
# itmayconcern"): a run of Latin letters that is no English word is split into words when
# every piece is a common one (so a German compound or a name is left alone).
_LETTER_RUN = re.compile(r"(?<![^\W\d_])[A-Za-z]{6,}(?![^\W\d_])")
_GLUED = (re.compile(r"(?<=[a-z]{2})(?=\d)|(?<=\d)(?=[A-Z][a-z])"),  # code20 · 5May
          re.compile(r"(?<=[a-z0-9][.,;:])(?=[A-Z][a-z])"))  # 2008.The
_COMMON_RANK = 20_000  # a piece must be among this many most frequent English words
_SHORT_WORDS = {"a", "i", "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in",
                "is", "it", "me", "my", "no", "of", "on", "or", "so", "to", "up", "us", "we"}


@dataclass
class OcrLine:
    text: str
    confidence: float
    box: list[list[float]] = field(default_factory=list)


@dataclass
class OcrPage:
    lines: list[OcrLine] = field(default_factory=list)
    rotation: int = 0  # degrees (counter-clockwise) the picture was turned before reading
    engine: str = "rapidocr"

    @property
    def text(self) -> str:
        return _rows_text(self.lines)

    @property
    def chars(self) -> int:
        return sum(len(ln.text.replace(" ", "")) for ln in self.lines)

    @property
    def confidence(self) -> float:
        """Mean line confidence, weighted by characters (0 when nothing was read)."""
        total = self.chars
        if not total:
            return 0.0
        return sum(ln.confidence * len(ln.text.replace(" ", "")) for ln in self.lines) / total


def ocr_threads() -> int:
    """onnxruntime threads per worker: ASSISTANT_OCR_THREADS, else every core (one upload
    is read fastest so; when several workers read at once the cores are shared)."""
    from bot.settings import get_settings

    s = get_settings()
    if s.ocr_threads > 0:
        return s.ocr_threads
    return max(1, min(4, os.cpu_count() or 1))


def engine():
    """The process's RapidOCR engine, loaded on first use."""
    global _engine
    with _engine_lock:
        if _engine is None:
            from rapidocr_onnxruntime import RapidOCR

            threads = ocr_threads()
            eng = RapidOCR(intra_op_num_threads=threads, inter_op_num_threads=1,
                           print_verbose=False)
            _bound_detection(eng)
            _engine = eng
        return _engine


def _bound_detection(eng) -> None:
    """Detect text on the page scaled to at most DET_SIDE pixels (RapidOCR keeps a page of
    up to 2000 pixels whole, which costs three times as much for the same boxes); the
    lines are still recognised from the full-size page."""
    from rapidocr_onnxruntime.ch_ppocr_det.utils import DetPreProcess

    det = eng.text_det
    mean, std = det.mean, det.std

    def preprocess(max_wh: float) -> DetPreProcess:
        return DetPreProcess(DET_SIDE, "max", mean, std)

    det.get_preprocess = preprocess


DET_SIDE = 1280  # pixels on the longer side of the picture text boxes are detected on
MIN_SIDE = 16  # pixels: a narrower picture holds no line of text
MAX_ASPECT = 25  # a picture longer than this many times its width is no page
_REC_CHUNK = 12  # lines recognised between two looks at the clock


def _raw_lines(eng, arr, deadline: float | None = None) -> list[tuple[OcrLine, bool, bool]]:
    """RapidOCR's steps (detect, crop, angle, recognise), keeping for each line whether
    its box runs vertically and whether the classifier found it upside down.  Past
    ``deadline`` (time.monotonic()) no more lines are recognised: the page's first lines,
    from the top, are kept."""
    import time

    import numpy as np

    raw_h, raw_w = arr.shape[:2]
    img, ratio_h, ratio_w = eng.preprocess(arr)
    record = {"preprocess": {"ratio_h": ratio_h, "ratio_w": ratio_w}}
    img, record = eng.maybe_add_letterbox(img, record)
    boxes, _ = eng.auto_text_det(img)
    if boxes is None or len(boxes) == 0:
        return []
    vertical: list[bool] = []
    for b in boxes:
        width = max(np.linalg.norm(b[0] - b[1]), np.linalg.norm(b[2] - b[3]))
        height = max(np.linalg.norm(b[0] - b[3]), np.linalg.norm(b[1] - b[2]))
        vertical.append(bool(width > 0 and height / width >= 1.5))
    if deadline is not None and time.monotonic() > deadline:
        return []
    crops = eng.get_crop_img_list(img, boxes)
    crops, cls_res, _ = eng.text_cls(crops)
    rec_res: list[Any] = []
    for start in range(0, len(crops), _REC_CHUNK):
        if deadline is not None and rec_res and time.monotonic() > deadline:
            break
        rec_res += eng.text_rec(crops[start:start + _REC_CHUNK], False)[0]
    origin = eng._get_origin_points(boxes, record, raw_h, raw_w)  # noqa: SLF001 - pinned
    out = []
    for box, vert, (label, score), rec in zip(origin, vertical, cls_res, rec_res, strict=False):
        text, conf = str(rec[0]).strip(), float(rec[1])
        flipped = "180" in str(label) and float(score) > _CLS_SURE
        out.append((OcrLine(text, conf, box.tolist()), vert, flipped))
    return out


def _turn_for(lines: list[tuple[OcrLine, bool, bool]]) -> int:
    """Degrees (counter-clockwise) to turn the page by so that its text is upright."""
    if not lines:
        return 0
    vertical = [(ln, flip) for ln, vert, flip in lines if vert]
    if len(vertical) > _TURN_SHARE * len(lines):
        # A vertical crop is turned 90° counter-clockwise before it is read: upright then
        # means the page had been turned clockwise, upside down that it had been turned
        # counter-clockwise.
        flipped = sum(1 for _, flip in vertical if flip)
        return 270 if flipped > _TURN_SHARE * len(vertical) else 90
    flipped = sum(1 for _, vert, flip in lines if flip and not vert)
    return 180 if flipped > _TURN_SHARE * len(lines) else 0


def read_page(image, deadline: float | None = None) -> OcrPage:
    """Read one page picture (a Pillow image, any mode), turning it upright if needed.
    Past ``deadline`` (time.monotonic()) the rest of the page is left unread."""
    import time

    import numpy as np

    eng = engine()
    rgb = image.convert("RGB")
    if min(rgb.size) < MIN_SIDE or max(rgb.size) > MAX_ASPECT * min(rgb.size):
        return OcrPage([])  # a sliver: no page of text
    start = time.monotonic()
    lines = _raw_lines(eng, np.asarray(rgb), deadline)
    turn = _turn_for(lines)
    took = time.monotonic() - start
    if turn and (deadline is None or time.monotonic() + took < deadline):
        rgb = rgb.rotate(turn, expand=True)
        lines = _raw_lines(eng, np.asarray(rgb), deadline)
    page = OcrPage([OcrLine(respace(ln.text), ln.confidence, ln.box) for ln, _, _ in lines
                    if ln.text and ln.confidence >= MIN_LINE_CONFIDENCE], rotation=turn)
    if (page.confidence < GOOD_PAGE_CONFIDENCE or page.chars < GOOD_PAGE_CHARS) \
            and tesseract_available():
        other = read_page_tesseract(rgb)
        if other is not None and other.chars * max(other.confidence, 0.01) \
                > page.chars * max(page.confidence, 0.01):
            other.rotation = turn
            return other
    return page


def respace(text: str) -> str:
    """``text`` with the spaces between English words put back where OCR lost them."""
    if not any("a" <= ch <= "z" for ch in text):
        return text
    import math

    import wordninja

    model = wordninja.DEFAULT_LANGUAGE_MODEL
    costs = model._wordcost  # noqa: SLF001 - its word list: cost = log(rank · log N)
    limit = math.log((_COMMON_RANK + 1) * math.log(len(costs)))

    def common(piece: str, first: bool) -> bool:
        low = piece.lower()
        if len(low) <= 2:
            return low in _SHORT_WORDS
        if piece.isupper() and len(piece) <= 4:
            return True  # PLC, LTD, GmbH's kin
        if piece[0].isupper() and not first:
            return low in costs  # a name inside the run: BarclaysBank
        return costs.get(low, math.inf) <= limit

    def split(m: re.Match[str]) -> str:
        run = m.group()
        if run.lower() in costs:
            return run
        pieces = wordninja.split(run)
        if len(pieces) > 1 and all(common(p, i == 0) for i, p in enumerate(pieces)):
            return " ".join(pieces)
        return run

    for glued in _GLUED:
        text = glued.sub(" ", text)
    return _LETTER_RUN.sub(split, text)


def _rows_text(lines: list[OcrLine]) -> str:
    """Lines in reading order, boxes on the same row joined by a space."""
    rows: list[list[OcrLine]] = []
    row_mid = row_half = 0.0
    for ln in lines:
        if not ln.box:
            rows.append([ln])
            continue
        ys = [p[1] for p in ln.box]
        mid, half = (min(ys) + max(ys)) / 2, (max(ys) - min(ys)) / 2
        if rows and rows[-1][0].box and abs(mid - row_mid) <= max(row_half, half) * 0.6:
            rows[-1].append(ln)
            continue
        rows.append([ln])
        row_mid, row_half = mid, half
    out = []
    for row in rows:
        row.sort(key=lambda ln: min(p[0] for p in ln.box) if ln.box else 0.0)
        out.append(" ".join(ln.text for ln in row))
    return "\n".join(out)


# ---------------------------------------------------------------------------
# Tesseract, when the system has it
# ---------------------------------------------------------------------------

_tesseract_langs: list[str] | None = None


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None and bool(_tesseract_languages())


def _tesseract_languages() -> list[str]:
    global _tesseract_langs
    if _tesseract_langs is None:
        try:
            out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True,
                                 timeout=10, check=False).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        _tesseract_langs = sorted(ln.strip() for ln in out.splitlines()[1:]
                                  if ln.strip() and ln.strip() != "osd")
    return _tesseract_langs


def read_page_tesseract(image, timeout: float = 20.0) -> OcrPage | None:
    """The page read by the system's Tesseract with every language it has, or None."""
    langs = _tesseract_languages()
    if not langs:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "page.png")
        image.save(src)
        try:
            res = subprocess.run(["tesseract", src, "stdout", "-l", "+".join(langs), "tsv"],
                                 capture_output=True, text=True, timeout=timeout, check=False)
        except (OSError, subprocess.SubprocessError):
            return None
    lines: dict[tuple[str, str, str], list[tuple[str, float, list]]] = {}
    for row in res.stdout.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or not cols[11].strip():
            continue
        try:
            conf = float(cols[10]) / 100
            x, y, w, h = (int(c) for c in cols[6:10])
        except ValueError:
            continue
        if conf < 0:
            continue
        lines.setdefault((cols[2], cols[3], cols[4]), []).append(
            (cols[11].strip(), conf, [[x, y], [x + w, y], [x + w, y + h], [x, y + h]]))
    out = []
    for words in lines.values():
        text = " ".join(w for w, _, _ in words)
        conf = sum(c for _, c, _ in words) / len(words)
        xs = [p[0] for _, _, b in words for p in b]
        ys = [p[1] for _, _, b in words for p in b]
        box = [[min(xs), min(ys)], [max(xs), min(ys)], [max(xs), max(ys)], [min(xs), max(ys)]]
        if conf >= MIN_LINE_CONFIDENCE:
            out.append(OcrLine(text, conf, box))
    return OcrPage(out, engine="tesseract")
