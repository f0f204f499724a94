"""The photo cleaner (pure): decoded as an image, upright, shrunk, re-encoded as JPEG without metadata."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from samverkan.sources.citizen_reports.photos import MAX_BYTES, PhotoError, clean_photo
from tests.sources.citizen_reports.conftest import photo_with_exif


def encoded(image: Image.Image, fmt: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, format=fmt, **options)
    return out.getvalue()


def test_it_turns_a_photo_upright_by_its_orientation_and_drops_the_tag():
    image = Image.new("RGB", (300, 100), "red")
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to view
    clean = clean_photo(encoded(image, "JPEG", exif=exif))
    stored = Image.open(io.BytesIO(clean.jpeg))
    assert (clean.width, clean.height) == (stored.width, stored.height) == (100, 300)
    assert dict(stored.getexif()) == {}


def test_a_transparent_png_is_laid_on_white():
    image = Image.new("RGBA", (10, 10), (0, 0, 0, 0))
    stored = Image.open(io.BytesIO(clean_photo(encoded(image, "PNG")).jpeg))
    pixel = stored.convert("RGB").getpixel((5, 5))
    assert isinstance(pixel, tuple) and min(pixel) > 245


def test_it_refuses_what_is_no_photo_too_big_or_too_many_pixels():
    with pytest.raises(PhotoError) as not_image:
        clean_photo(b"GIF89a but not really")
    assert not_image.value.code == "not_image"
    with pytest.raises(PhotoError) as too_big:
        clean_photo(b"\0" * (MAX_BYTES + 1))
    assert too_big.value.code == "too_big"
    bomb = encoded(Image.new("1", (8000, 6000)), "PNG")  # 48 megapixels in a few kilobytes
    assert len(bomb) < 100_000
    with pytest.raises(PhotoError) as pixels:
        clean_photo(bomb)
    assert pixels.value.code == "too_many_pixels"


def test_it_refuses_a_format_it_does_not_take():
    with pytest.raises(PhotoError) as error:
        clean_photo(encoded(Image.new("RGB", (10, 10)), "BMP"))
    assert error.value.code == "not_image"


def test_the_cleaned_photo_has_no_gps():
    stored = Image.open(io.BytesIO(clean_photo(photo_with_exif()).jpeg))
    assert not stored.getexif().get_ifd(0x8825) and "exif" not in stored.info
