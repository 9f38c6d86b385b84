"""Scans and phone photos of documents, made here for the OCR tests and benchmarks.

>>> page = page_image("营业执照", ["统一社会信用代码 …", "名称：…"])   # a clean page picture
>>> jpeg = photo(page, seed=1, exif_orientation=6)   # a phone photo of it, stored sideways
>>> scanned_pdf(path, [page, page2])                 # an image-only PDF (no text layer)

Everything is deterministic: the noise, blur and skew come from the seed.  Chinese text
needs a CJK font; :func:`cjk_font` finds one on the system (``scripts/ensure-cjk-font``
installs one for ``make test``).
"""

from __future__ import annotations

import io
import os
import random
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from tests.support.docgen import SAMPLES

_KNOWN_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
)
PAGE_SIZE = (1240, 1754)  # A4 at 150 dpi


def cjk_font() -> str | None:
    """A font file that has Chinese characters, or None."""
    env = os.environ.get("CJK_FONT")
    if env and Path(env).is_file():
        return env
    for path in _KNOWN_FONTS:
        if Path(path).is_file():
            return path
    try:
        out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True,
                             timeout=20, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    files = sorted(line.split(":", 1)[0].strip() for line in out.splitlines() if line.strip())
    return files[0] if files else None


@contextmanager
def bench_folder(prefix: str, keep: Path | None = None) -> Iterator[Path]:
    """The folder an OCR benchmark writes its scans and photos in: ``keep``, or a temporary
    one removed afterwards.  Without a CJK font to draw them with, it says how to install
    one and exits."""
    if cjk_font() is None:
        raise SystemExit("no CJK font: run scripts/ensure-cjk-font")
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        folder = keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        yield folder


def _font(size: int):
    from PIL import ImageFont

    path = cjk_font()
    if path is None:
        raise RuntimeError("no CJK font: run scripts/ensure-cjk-font")
    return ImageFont.truetype(path, size)


def _wrap(draw, text: str, font, width: int) -> list[str]:
    """``text`` cut into lines no wider than ``width`` pixels (at spaces where there are)."""
    lines: list[str] = []
    line = ""
    tokens = text.split(" ") if " " in text else list(text)
    joiner = " " if " " in text else ""
    for token in tokens:
        trial = f"{line}{joiner}{token}" if line else token
        if draw.textlength(trial, font=font) <= width:
            line = trial
            continue
        if line:
            lines.append(line)
        line = token
    if line:
        lines.append(line)
    return lines


def page_image(title: str, paragraphs: Sequence[str], *, size: tuple[int, int] = PAGE_SIZE,
               font_size: int = 30):
    """A white page with a centred title and wrapped paragraphs, in black."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(img)
    margin = size[0] // 12
    title_font = _font(int(font_size * 1.5))
    body_font = _font(font_size)
    y = margin
    tw = draw.textlength(title, font=title_font)
    draw.text(((size[0] - tw) / 2, y), title, font=title_font, fill="black")
    y += int(font_size * 3)
    for para in paragraphs:
        for line in _wrap(draw, para, body_font, size[0] - 2 * margin):
            if y > size[1] - margin:
                return img
            draw.text((margin, y), line, font=body_font, fill="black")
            y += int(font_size * 1.7)
        y += font_size // 2
    return img


def sample_page(material: str, lang: str, **kw):
    """The page picture of a material's sample text (tests.support.docgen.SAMPLES)."""
    title, paragraphs = SAMPLES[material][lang]
    return page_image(title, paragraphs, **kw)


def scan(img, seed: int = 0, *, noise: int = 10, blur: float = 0.6, angle: float = 0.8):
    """What a flatbed scanner makes of ``img``: slightly turned, soft, speckled, grey."""
    import numpy as np
    from PIL import ImageFilter

    rng = np.random.default_rng(seed)
    out = img.convert("L").rotate(angle, resample=3, expand=False, fillcolor=255)
    out = out.filter(ImageFilter.GaussianBlur(blur))
    arr = np.asarray(out, dtype=np.int16) + rng.normal(0, noise, out.size[::-1]).astype(np.int16)
    from PIL import Image

    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L")


def photo(img, seed: int = 0, *, exif_orientation: int | None = None, quality: int = 70,
          skew: float = 0.04, angle: float = 2.5, blur: float = 0.9, noise: int = 8,
          scale: float = 1.0) -> bytes:
    """A phone photo of ``img`` as JPEG bytes: the page on a darker desk, seen a little from
    one side (perspective), turned a few degrees, soft, noisy, unevenly lit and JPEG
    compressed.  ``exif_orientation`` 6 or 8 (or 3) stores the pixels sideways (or upside
    down) with the EXIF tag that tells a viewer to turn them back, as phones do."""
    import numpy as np
    from PIL import Image, ImageFilter

    rnd = random.Random(seed)
    rng = np.random.default_rng(seed)
    w, h = img.size
    pad = int(w * 0.08)
    canvas = Image.new("RGB", (w + 2 * pad, h + 2 * pad), (96, 84, 70))
    canvas.paste(img.convert("RGB"), (pad, pad))
    cw, ch = canvas.size
    # Perspective: the top edge seen narrower than the bottom one.
    d = skew * cw
    src = [(pad - d * rnd.uniform(0.5, 1), pad), (cw - pad + d * rnd.uniform(0.5, 1), pad),
           (cw - pad, ch - pad), (pad, ch - pad)]
    dst = [(pad, pad), (cw - pad, pad), (cw - pad, ch - pad), (pad, ch - pad)]
    coeffs = _perspective(dst, src)
    canvas = canvas.transform(canvas.size, Image.PERSPECTIVE, coeffs, Image.BICUBIC,
                              fillcolor=(96, 84, 70))
    canvas = canvas.rotate(angle, resample=Image.BICUBIC, fillcolor=(96, 84, 70))
    canvas = canvas.filter(ImageFilter.GaussianBlur(blur))
    arr = np.asarray(canvas, dtype=np.float32)
    light = np.linspace(1.0, 0.82, arr.shape[1], dtype=np.float32)[None, :, None]
    arr = arr * light + rng.normal(0, noise, arr.shape).astype(np.float32)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
    if scale != 1.0:
        out = out.resize((int(out.width * scale), int(out.height * scale)), Image.BICUBIC)
    exif = Image.Exif()
    if exif_orientation:
        # The sensor's pixels, before the phone's turn: undo what the tag will redo.
        undo = {3: Image.Transpose.ROTATE_180, 6: Image.Transpose.ROTATE_90,
                8: Image.Transpose.ROTATE_270}[exif_orientation]
        out = out.transpose(undo)
        exif[0x0112] = exif_orientation
    buf = io.BytesIO()
    out.save(buf, "JPEG", quality=quality, exif=exif.tobytes())
    return buf.getvalue()


def _perspective(dst, src) -> list[float]:
    """The 8 coefficients Pillow's PERSPECTIVE transform takes, mapping dst to src."""
    import numpy as np

    rows = []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    a = np.array(rows, dtype=np.float64)
    b = np.array([c for pt in src for c in pt], dtype=np.float64)
    return [float(c) for c in np.linalg.solve(a, b)]


def scanned_pdf(path: Path, pages: Sequence, *, dpi: int = 150) -> Path:
    """An image-only PDF, one picture per page (grey scans are stored as JPEG)."""
    first, *rest = [p if p.mode in ("L", "RGB") else p.convert("RGB") for p in pages]
    first.save(path, "PDF", resolution=dpi, save_all=True, append_images=rest)
    return Path(path)


def write_photo(path: Path, img, **kw) -> Path:
    Path(path).write_bytes(photo(img, **kw))
    return Path(path)
