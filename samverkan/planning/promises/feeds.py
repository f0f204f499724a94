"""The Atom feed of a municipality's promises: what citizens can follow without visiting the page."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import formats
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from samverkan.organisations.models import Municipality
from samverkan.planning.promises.selectors import FeedEvent, feed_events, public_municipalities


class PromisesFeed(Feed):
    feed_type = Atom1Feed
    item_guid_is_permalink = False

    def get_object(self, request: HttpRequest, code: str) -> Municipality:
        return get_object_or_404(public_municipalities(), code=code)

    def title(self, obj: Municipality) -> str:
        return _("Citizen promises in %(municipality)s") % {"municipality": obj.name}

    def subtitle(self, obj: Municipality) -> str:
        return _("What the police and the municipality promised, and what has been done.")

    def link(self, obj: Municipality) -> str:
        return reverse("promises_public", args=[obj.code])

    def items(self, obj: Municipality) -> list[FeedEvent]:
        return feed_events(municipality=obj)

    def item_title(self, item: FeedEvent) -> str:
        values = {"title": item.promise_set.title, "version": item.promise_set.version}
        if item.kind == "published":
            return _("Published: %(title)s") % values
        if item.kind == "revised":
            return _("Revised: %(title)s, version %(version)s") % values
        if item.kind == "followed_up":
            return _("Followed up: %(title)s") % values
        if item.suggestion is not None:
            return _("Answered: %(suggestion)s") % {"suggestion": Truncator(item.suggestion.text).words(10)}
        assert item.activity is not None  # an activity carried out names it
        return _("Carried out on %(date)s: %(what)s") % {
            "date": formats.date_format(item.at.date(), "Y-m-d"),
            "what": item.activity.shown_what,
        }

    def item_description(self, item: FeedEvent) -> str:
        if item.suggestion is not None:
            return f"{item.suggestion.get_answer_status_display()}: {item.suggestion.answer}"
        if item.activity is not None:
            return item.activity.promise.shown_text
        return _("In force %(starts)s – %(ends)s.") % {
            "starts": formats.date_format(item.promise_set.starts_on, "Y-m-d"),
            "ends": formats.date_format(item.promise_set.ends_on, "Y-m-d"),
        }

    def item_link(self, item: FeedEvent) -> str:
        anchor = f"suggestion-{item.suggestion.pk}" if item.suggestion is not None else f"set-{item.promise_set.pk}"
        return reverse("promises_public", args=[item.promise_set.municipality.code]) + f"#{anchor}"

    def item_guid(self, item: FeedEvent) -> str:
        return f"urn:samverkan:promises:{item.kind}:{item.key}"

    def item_updateddate(self, item: FeedEvent) -> datetime.datetime:
        return item.at

    def item_pubdate(self, item: FeedEvent) -> datetime.datetime:
        return item.at
