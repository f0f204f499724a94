"""ServiceErrorsMixin: the one way a form shows the errors of the service that saves its data."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from samverkan.core.forms import ServiceErrorsMixin


class PlaceForm(ServiceErrorsMixin, forms.Form):
    title = forms.CharField()
    lat = forms.FloatField()


class MappedPlaceForm(PlaceForm):
    service_error_fields = {"latitude": "lat", "outside": "lat"}


def _form(form_class: type[PlaceForm] = PlaceForm) -> PlaceForm:
    form = form_class({"title": "Torget", "lat": "59.3"})
    assert form.is_valid()
    return form


def test_it_puts_a_keyed_error_beside_the_field_of_that_name():
    form = _form()
    form.add_service_error(ValidationError({"title": ["Too long."]}))
    assert form.errors == {"title": ["Too long."]}


def test_it_puts_an_error_keyed_by_no_field_of_the_form_above_it():
    form = _form()
    form.add_service_error(ValidationError({"municipality": ["Not yours."], "title": ["Too long."]}))
    assert form.errors == {"title": ["Too long."], "__all__": ["Not yours."]}


def test_it_puts_an_error_without_a_key_above_the_form():
    form = _form()
    form.add_service_error(ValidationError("Outside your municipalities.", code="outside"))
    assert form.non_field_errors() == ["Outside your municipalities."]
    assert "lat" not in form.errors


def test_it_keeps_the_messages_of_a_list_of_errors():
    form = _form()
    form.add_service_error(ValidationError([ValidationError("One."), ValidationError("Two.")]))
    assert form.non_field_errors() == ["One.", "Two."]


def test_it_sends_a_key_to_the_field_the_form_names():
    form = _form(MappedPlaceForm)
    form.add_service_error(ValidationError({"latitude": ["Off the map."]}))
    assert form.errors == {"lat": ["Off the map."]}


def test_it_sends_an_error_without_a_key_to_the_field_its_code_names():
    form = _form(MappedPlaceForm)
    form.add_service_error(ValidationError("Outside %(name)s.", code="outside", params={"name": "Arjeplog"}))
    form.add_service_error(ValidationError("Locked.", code="locked"))
    assert form.errors == {"lat": ["Outside Arjeplog."], "__all__": ["Locked."]}


def test_it_keeps_what_was_typed():
    form = _form()
    form.add_service_error(ValidationError({"title": ["Too long."]}))
    assert form["title"].value() == "Torget"
    assert form["lat"].value() == "59.3"
