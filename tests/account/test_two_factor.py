"""With REQUIRE_2FA a password alone reaches no staff page: first enrolment (QR code), then a TOTP code."""

from __future__ import annotations

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from samverkan.organisations.models import User


@pytest.fixture
def require_2fa(settings) -> None:
    settings.REQUIRE_2FA = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a wrong code does not delay the next one (no waiting in tests)


def log_in(client, username: str, password: str = "password") -> None:
    response = client.post("/konto/logga-in/", {"username": username, "password": password})
    assert response.status_code == 302


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=0):06d}"


def test_it_sends_a_user_without_a_device_to_enrolment_and_keeps_them_out(client, world, require_2fa):
    log_in(client, "alice")
    response = client.get("/mal/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/tvastegsinloggning/?next=")
    enrolment = client.get(response["Location"], follow=True)
    assert enrolment.redirect_chain[-1][0].startswith("/konto/tvastegsinloggning/aktivera/")
    assert b'src="data:image/svg+xml' in enrolment.content  # the QR code
    assert client.get("/mal/").status_code == 302


def test_it_lets_a_user_in_after_enrolling_with_a_valid_code(client, world, require_2fa):
    log_in(client, "alice")
    client.get("/konto/tvastegsinloggning/aktivera/")
    device = TOTPDevice.objects.get(user=world.alice, confirmed=False)
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"
    assert client.post("/konto/tvastegsinloggning/aktivera/", {"code": wrong}).status_code == 400
    assert client.get("/mal/").status_code == 302
    response = client.post("/konto/tvastegsinloggning/aktivera/", {"code": current_code(device), "next": "/mal/"})
    assert response.status_code == 302 and response["Location"] == "/mal/"
    assert client.get("/mal/").status_code == 200


def test_it_asks_an_enrolled_user_for_the_code_at_each_login(client, world, require_2fa):
    device = TOTPDevice.objects.create(user=world.alice, name="phone", confirmed=True)
    log_in(client, "alice")
    assert client.get("/mal/")["Location"].startswith("/konto/tvastegsinloggning/?next=")
    # Enrolling another device needs the first one's code.
    assert client.get("/konto/tvastegsinloggning/aktivera/")["Location"].startswith("/konto/tvastegsinloggning/")
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"
    assert client.post("/konto/tvastegsinloggning/", {"code": wrong}).status_code == 400
    assert client.get("/mal/").status_code == 302
    assert client.post("/konto/tvastegsinloggning/", {"code": current_code(device)}).status_code == 302
    assert client.get("/mal/").status_code == 200


def test_it_requires_the_code_of_the_superuser_in_the_admin_too(client, db, require_2fa):
    User.objects.create_superuser("root", password="password")
    log_in(client, "root")
    assert client.get("/admin/")["Location"].startswith("/konto/tvastegsinloggning/?next=")


def test_it_asks_no_code_when_two_factor_is_off(client, world, settings):
    settings.REQUIRE_2FA = False
    log_in(client, "alice")
    assert client.get("/mal/").status_code == 200
