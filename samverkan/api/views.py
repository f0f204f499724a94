"""The account's API tokens, and the API's reference page (read from the OpenAPI schema)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from samverkan.api import services
from samverkan.api.api import api
from samverkan.api.forms import ApiTokenForm
from samverkan.core.forms import form_status
from samverkan.organisations.http import AuthenticatedHttpRequest

METHODS = ("get", "post", "put", "patch", "delete")


@login_required
def api_tokens(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The user's tokens, and a new one: its secret is shown on this answer only, never stored."""
    form = ApiTokenForm(request.POST or None)
    secret = ""
    if request.method == "POST" and form.is_valid():
        try:
            _token, secret = services.api_token_create(user=request.user, name=form.cleaned_data["name"])
        except ValidationError as error:
            form.add_error("name", error)
        else:
            form = ApiTokenForm()
    context = {"form": form, "secret": secret, "tokens": request.user.api_tokens.all()}
    return render(request, "api/tokens.html", context, status=form_status(form))


@login_required
@require_POST
def api_token_revoke(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(request.user.api_tokens, pk=pk)
    services.api_token_revoke(token=token)
    messages.success(request, _("The token was revoked."))
    return redirect("api_tokens")


@require_safe
def api_docs(request: HttpRequest) -> HttpResponse:
    """Every operation of the schema with its parameters and answers, for people; the schema itself for tools."""
    schema = api.get_openapi_schema(path_prefix="/api")
    operations = []
    for path, item in schema["paths"].items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "id": operation.get("operationId", ""),
                    "tag": (operation.get("tags") or [""])[0],
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "token": bool(operation.get("security")),
                    "parameters": [
                        {
                            "name": p["name"],
                            "in": p["in"],
                            "required": p.get("required", False),
                            "description": p.get("description", "") or p.get("schema", {}).get("description", ""),
                        }
                        for p in operation.get("parameters", [])
                    ],
                    "body": list(operation.get("requestBody", {}).get("content", {})),
                    "responses": sorted(operation.get("responses", {})),
                }
            )
    return render(request, "api/docs.html", {"operations": operations, "info": schema["info"]})
