"""A citizen's photo made safe to keep: decoded as an image, turned upright, shrunk, and re-encoded as JPEG.

Re-encoding writes the pixels only: EXIF (the camera, the time, the GPS position), XMP, ICC profiles and comments
are left behind. Pure: Pillow only, no Django; problems are PhotoError with a code the service translates.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import Literal

from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 10 * 2**20  # what is read of an upload at most
MAX_PIXELS = 40_000_000  # a decompression bomb is refused before it is decoded
MAX_SIDE = 2000  # the stored photo's longer side at most
FORMATS = frozenset({"JPEG", "PNG", "WEBP", "GIF", "MPO"})  # MPO: a JPEG with a second image (some cameras)
QUALITY = 85

Problem = Literal["too_big", "not_image", "too_many_pixels"]


class PhotoError(ValueError):
    def __init__(self, code: Problem) -> None:
        super().__init__(code)
        self.code: Problem = code


@dataclass(frozen=True)
class CleanPhoto:
    jpeg: bytes
    width: int
    height: int


def clean_photo(data: bytes) -> CleanPhoto:
    """The photo as a JPEG without metadata, at most MAX_SIDE pixels on its longer side."""
    if len(data) > MAX_BYTES:
        raise PhotoError("too_big")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                if image.format not in FORMATS:
                    raise PhotoError("not_image")
                if image.width * image.height > MAX_PIXELS:
                    raise PhotoError("too_many_pixels")
                image.load()
                upright = ImageOps.exif_transpose(image)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        if isinstance(error, PhotoError):
            raise
        raise PhotoError("not_image") from error
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
        raise PhotoError("too_many_pixels") from error
    upright.thumbnail((MAX_SIDE, MAX_SIDE))
    pixels = Image.new("RGB", upright.size, "white")
    if upright.mode in ("RGBA", "LA", "P"):
        rgba = upright.convert("RGBA")
        pixels.paste(rgba, mask=rgba.getchannel("A"))
    else:
        pixels.paste(upright.convert("RGB"))
    out = io.BytesIO()
    pixels.save(out, format="JPEG", quality=QUALITY, optimize=True)  # no exif=, icc_profile=: none is written
    return CleanPhoto(out.getvalue(), pixels.width, pixels.height)
