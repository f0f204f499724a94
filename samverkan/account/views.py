"""The second factor: enrolling a TOTP app with a QR code, and entering its code after the password."""

from __future__ import annotations

from base64 import b32encode

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import devices_for_user, match_token
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from samverkan.core.forms import form_status
from samverkan.core.security import security_event
from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.organisations.models import User


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code from the authenticator app"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _has_device(user: User) -> bool:
    return any(devices_for_user(user, confirmed=True))


def _with_next(name: str, request: HttpRequest) -> HttpResponse:
    query = request.GET.urlencode()
    return redirect(f"{reverse(name)}?{query}" if query else reverse(name))


def locked_out(request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None) -> HttpResponse:
    """django-axes' answer to a locked account or address (AXES_LOCKOUT_CALLABLE): 429 with the waiting time."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "registration/locked_out.html", {"minutes": minutes}, status=429)


@login_required
def verify(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The code from the user's app, once per login."""
    if request.user.is_verified():
        return redirect(_next(request))
    if not _has_device(request.user):
        return _with_next("two_factor_enrol", request)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"].strip())
        if device is not None:
            otp_login(request, device)
            return redirect(_next(request))
        security_event("two_factor_failed", request)
        form.add_error("code", _("The code is wrong or too old. Enter the code the app shows now."))
    return render(
        request, "registration/two_factor_verify.html", {"form": form, "next": _next(request)}, status=form_status(form)
    )


@login_required
def enrol(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Set up the app: scan the QR code (or type the key), then confirm with a code. Only before the first device:
    a second device needs the first one's code, so a stolen password alone cannot add one."""
    if _has_device(request.user):
        return _with_next("two_factor_verify", request)
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first() or TOTPDevice.objects.create(
        user=request.user, name="Samverkan", confirmed=False
    )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"].strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, _("Two-factor login is set up."))
            return redirect(_next(request))
        security_event("two_factor_failed", request, enrolment=True)
        form.add_error("code", _("The code is wrong or too old. Enter the code the app shows now."))
    context = {
        "form": form,
        "next": _next(request),
        "qr_code": segno.make(device.config_url, error="m").svg_data_uri(scale=4),
        "secret": b32encode(device.bin_key).decode(),
    }
    return render(request, "registration/two_factor_enrol.html", context, status=form_status(form))
