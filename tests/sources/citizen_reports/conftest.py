from __future__ import annotations

import io
import time
import types

import django_ratelimit.core
import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from samverkan.core import clock
from samverkan.sources.citizen_reports.models import CitizenReport

# Inside Arjeplog's box in tests/conftest.py (17–18 E, 66–67 N); Arvidsjaur's lies south-east.
INSIDE = {"lat": "66.05", "lng": "17.89"}
OUTSIDE = {"lat": "65.5", "lng": "18.7"}
GPS_IFD = 0x8825


@pytest.fixture(autouse=True)
def one_rate_window(monkeypatch):
    # django-ratelimit counts in fixed windows of its own clock: hold it still, so a flood never straddles two; and
    # start each test with no count, since the tests' sends come from one address.
    caches["default"].clear()
    frozen = time.time()
    monkeypatch.setattr(django_ratelimit.core, "time", types.SimpleNamespace(time=lambda: frozen))


def photo_with_exif(*, size=(800, 600), fmt: str = "JPEG") -> bytes:
    """A photo whose EXIF names a camera and a GPS position (Pillow writes both)."""
    image = Image.new("RGB", size, (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "Kameratillverkaren"  # Make
    exif[0x0132] = "2026:06:01 22:15:00"  # DateTime
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (66.0, 3.0, 0.0), 3: "E", 4: (17.0, 53.0, 0.0)})
    out = io.BytesIO()
    image.save(out, format=fmt, exif=exif)
    return out.getvalue()


def upload(data: bytes, name: str = "foto.jpg", content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def send(client, code: str, data: dict, *, address: str = "198.51.100.7"):
    from django.urls import reverse

    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    return client.post(reverse("citizen_report_new", args=[code]), data, REMOTE_ADDR=address)


def filed(municipality, *, category: str = "belysning", text: str = "Mörk gångväg utan belysning.") -> CitizenReport:
    return CitizenReport.objects.create(
        municipality=municipality,
        category=category,
        lat=66.05,
        lng=17.89,
        text=text,
        received_at=clock.now(),
    )
