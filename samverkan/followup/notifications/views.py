from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from samverkan.followup.notifications.forms import PreferencesForm
from samverkan.followup.notifications.selectors import frequencies_for
from samverkan.followup.notifications.services import preferences_save
from samverkan.organisations.http import AuthenticatedHttpRequest

PREFERENCES_SAVED = _("Your notification choices are saved.")


@login_required
def preferences(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The logged-in user's own choices: nothing here concerns anyone else."""
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            preferences_save(user=request.user, frequencies=form.cleaned_data)
            messages.success(request, PREFERENCES_SAVED)
            return redirect("notification_preferences")
        return render(request, "notifications/preferences.html", {"form": form}, status=400)
    form = PreferencesForm(initial=frequencies_for(request.user))
    return render(request, "notifications/preferences.html", {"form": form})
