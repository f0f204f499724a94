"""Following up action plans in bulk: statuses, comments and occurrences from a CSV or XLSX file.

Columns (header names, any order; CSV separated by commas or semicolons, UTF-8 or ISO-8859-1):
  activity_id         required: the activity's number, as in its address /handlingsplaner/atgarder/<number>/
  activity            ignored: the follow-up sheet of a plan (its page links it) writes the title, for reading
  addition            ignored: the sheet writes which addition to the adopted plan an activity came with
  status              optional: ej_paborjad, pagar, utford or installd (or as written in Swedish:
                      "ej påbörjad", "pågår", "utförd", "inställd")
  comment             optional: the status comment; blank leaves the comment as it is
  occurrence_date     an occurrence: the day it took place, YYYY-MM-DD, not in the future
  occurrence_what     required with an occurrence: what was done
  occurrence_where    optional: where
  occurrence_reached  optional: how many people were reached, a whole number of 0 or more

The follow-up sheet holds a row per activity with its status and comment; fill in occurrences, change
statuses, add rows for more occurrences, and import it. A row sets a status or comment, logs an
occurrence, or both. Every row is checked before anything
is written, and a problem anywhere leaves everything as it was. The occurrences are logged first and
count toward the targets by the one rule of services.status_after_occurrence: the first one starts
an activity, reaching the target completes it. The file's statuses are set after them, and for an
activity the file logs occurrences for the rule applies to the file's status too, so the sheet's old
"ej_paborjad" does not undo the start its new occurrences made. An occurrence identical to one
already logged (same activity, date, what and where) is skipped, so importing a file again changes
nothing.

An activity outside the importer's reach is exactly as unknown as one that does not exist: the problems
of a row are kept until the reach is checked (claims), and a row of another municipality's activity is
refused with the same words as a missing number, whatever else is wrong with it. So a file lists first
the activity numbers that are unknown to its importer, and, once they are right, the rest (plan).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from samverkan.core import clock
from samverkan.core.bounds import MAX_BIG_INTEGER, MAX_INTEGER, NUMBER_TOO_LARGE, digits_beyond
from samverkan.core.progress import Output
from samverkan.planning.actions.models import Activity, Occurrence
from samverkan.planning.actions.selectors import SHEET_COLUMNS
from samverkan.planning.actions.services import (
    activity_status_validate,
    occurrence_validate,
    status_after_occurrence,
)
from samverkan.sources.importing import Batch, Claim, Plan
from samverkan.sources.models import ImportRun
from samverkan.sources.parsing import HEADER, ImportFailed, Problem, Problems, Source, read_rows
from samverkan.sources.registry import register

COLUMNS = SHEET_COLUMNS  # the follow-up sheet's, which the importer reads back
OCCURRENCE_COLUMNS = [name for name in COLUMNS if name.startswith("occurrence_")]
# The column each model field is read from, for naming a problem.
COLUMN_OF = {
    "status": "status",
    "status_comment": "comment",
    "held_on": "occurrence_date",
    "what": "occurrence_what",
    "where": "occurrence_where",
    "reached": "occurrence_reached",
    NON_FIELD_ERRORS: "activity_id",
}
# What an import writes of an activity whose status or comment it changes (as activity_set_status does).
STATUS_FIELDS = ["status", "status_comment", "status_changed_by", "status_changed_at", "updated_at"]
SWEDISH_LETTERS = str.maketrans({"å": "a", "ä": "a", "ö": "o", " ": "_"})

UNKNOWN_COLUMNS = _("unknown column(s): {unknown}; the columns are {columns}")
MISSING_ACTIVITY_ID = _("missing column: activity_id")
NOT_AN_ACTIVITY = _("{value!r} is not the number of an activity")
IS_REQUIRED = _("is required")
NOT_A_STATUS = _("{value!r} is not one of {statuses}")
CONFLICT = _("activity {activity} gets another {column} on line {line}")
NOTHING_TO_DO = _("nothing to do: give a status, a comment or an occurrence")
DATE_REQUIRED = _("is required for an occurrence")
NOT_A_DATE = _("{value!r} is not a date (YYYY-MM-DD)")
NOT_A_COUNT = _("{value!r} is not a whole number")
NO_ROWS = _("the file has no rows below its header")


@dataclass(frozen=True)
class FollowUpRow:
    line: int
    activity: Activity
    status: str  # empty: left as it is
    comment: str  # empty: left as it is
    occurrence: Occurrence | None  # unsaved, checked


@dataclass(frozen=True)
class Given:
    """A row's activity number, and the activity it names if there is one, whoever's it is."""

    line: int
    number: str
    activity: Activity | None


@dataclass
class FollowUpBatch(Batch):
    given: list[Given] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # raised by `plan`, once the reach is checked


def _status(text: str) -> str:
    return text.lower().translate(SWEDISH_LETTERS)


def _number(text: str) -> int | None:
    """The activity number of a cell, or None when it can be no activity's (an id fits a bigint)."""
    if text.isascii() and text.isdigit() and not digits_beyond(text, MAX_BIG_INTEGER):
        return int(text)
    return None


def _add_errors(problems: Problems, line: int, error: ValidationError) -> None:
    for name, errors in error.message_dict.items():
        problems.add(line, COLUMN_OF.get(name, name), " ".join(errors))


@dataclass
class _State:
    """An activity's status, comment and occurrences as the import has them so far."""

    status: str
    comment: str
    done: int
    stamped: bool = False  # the status or comment changed: saved with who and when

    def start_or_complete(self, status: str) -> None:
        """The status an occurrence gives (status_after_occurrence)."""
        if status != self.status:
            self.status, self.stamped = status, True


@dataclass
class ActivityPlan(Plan):
    occurrences: list[Occurrence] = field(default_factory=list)  # unsaved
    statuses: list[tuple[Activity, _State]] = field(default_factory=list)  # the activities whose status changes


@register
class ActivityImporter:
    key = "activities"
    label = _("Action plans: statuses and occurrences")
    accept = ".csv,.txt,.xlsx"
    help = _(
        "CSV or XLSX with the columns activity_id, status, comment, occurrence_date, occurrence_what, "
        "occurrence_where, occurrence_reached – the follow-up sheet of a plan has them. A row sets an activity's "
        "status or comment, logs an occurrence, or both; an occurrence already logged is skipped."
    )

    def parse(self, source: Source) -> FollowUpBatch:
        """The rows, each checked; a row's problems wait in the batch until the reach is checked (see above)."""
        problems = Problems(source.short_name)
        header, table = read_rows(source, delimiters=",;")
        unknown = [name for name in header if name and name not in COLUMNS]
        if unknown:
            problems.add(1, HEADER, UNKNOWN_COLUMNS.format(unknown=", ".join(unknown), columns=", ".join(COLUMNS)))
        if "activity_id" not in header:
            problems.add(1, HEADER, MISSING_ACTIVITY_ID)
        problems.raise_if_any()
        rows = [(row.line, {name: row.values.get(name, "").strip() for name in COLUMNS}) for row in table]
        if not rows:
            problems.add(1, HEADER, NO_ROWS)
            problems.raise_if_any()
        numbers = {_number(values["activity_id"]) for _line, values in rows} - {None}
        activities = Activity.objects.select_related("plan__municipality").in_bulk(numbers)
        batch = FollowUpBatch(rows=[])
        given: dict[tuple[int, str], tuple[str, int]] = {}  # (activity, column) -> (value, line)
        for line, values in rows:
            number = values["activity_id"]
            activity = activities.get(_number(number))
            batch.given.append(Given(line, number, activity))
            if activity is None:
                problems.add(line, "activity_id", NOT_AN_ACTIVITY.format(value=number) if number else IS_REQUIRED)
                continue
            before = len(problems.items)
            status, comment = _status(values["status"]), values["comment"]
            if status and status not in Activity.Status.values:
                statuses = ", ".join(Activity.Status.values)
                problems.add(line, "status", NOT_A_STATUS.format(value=values["status"], statuses=statuses))
                status = ""
            for column, value in (("status", status), ("comment", comment)):
                earlier = given.setdefault((activity.pk, column), (value, line)) if value else None
                if earlier and earlier[0] != value:
                    problems.add(line, column, CONFLICT.format(activity=activity.pk, column=column, line=earlier[1]))
            if status or comment:
                try:
                    activity_status_validate(
                        activity=activity, status=status or activity.status, comment=comment or activity.status_comment
                    )
                except ValidationError as error:
                    _add_errors(problems, line, error)
            occurrence = self._occurrence(problems, line, activity, values)
            if not (status or comment or occurrence or len(problems.items) > before):
                problems.add(line, "activity_id", NOTHING_TO_DO)
            if len(problems.items) == before:
                batch.rows.append(FollowUpRow(line, activity, status, comment, occurrence))
        batch.problems = problems.items
        batch.municipalities = {row.activity.plan.municipality.code for row in batch.rows}
        return batch

    def _occurrence(
        self, problems: Problems, line: int, activity: Activity, values: dict[str, str]
    ) -> Occurrence | None:
        if not any(values[name] for name in OCCURRENCE_COLUMNS):
            return None
        occurrence = Occurrence(activity=activity, what=values["occurrence_what"], where=values["occurrence_where"])
        date, reached = values["occurrence_date"], values["occurrence_reached"]
        if not date:
            problems.add(line, "occurrence_date", DATE_REQUIRED)
            return None
        try:
            occurrence.held_on = datetime.date.fromisoformat(date)
        except ValueError:
            problems.add(line, "occurrence_date", NOT_A_DATE.format(value=date))
            return None
        if reached:
            if not (reached.isascii() and reached.isdigit()):
                problems.add(line, "occurrence_reached", NOT_A_COUNT.format(value=reached))
                return None
            if digits_beyond(reached, MAX_INTEGER):
                problems.add(line, "occurrence_reached", NUMBER_TOO_LARGE.format(value=reached, limit=MAX_INTEGER))
                return None
            occurrence.reached = int(reached)
        try:
            occurrence_validate(occurrence)
        except ValidationError as error:
            _add_errors(problems, line, error)
            return None
        return occurrence

    def claims(self, batch: Batch) -> Iterator[Claim]:
        """Every row claims its activity's municipality, whether the row is right or not: an activity outside
        the reach is refused as unknown, in the words of a missing one (which claims no region, so it is
        refused for anyone but an administrator)."""
        assert isinstance(batch, FollowUpBatch)
        for given in batch.given:
            unknown = NOT_AN_ACTIVITY.format(value=given.number) if given.number else IS_REQUIRED
            code = given.activity.plan.municipality.code if given.activity else ""
            yield Claim(given.line, "activity_id", code, unknown)

    def plan(self, batch: Batch, *, out: Output | None) -> ActivityPlan:
        """Follow the file row by row as occurrence_log and activity_set_status would, on a copy of each
        activity's state: the occurrences first, then the statuses."""
        assert isinstance(batch, FollowUpBatch)
        if batch.problems:  # the reach is checked: the problems of the importer's own activities can be told
            raise ImportFailed(batch.problems)
        plan = ActivityPlan()
        activities = {row.activity.pk: row.activity for row in batch.rows}
        logged_before = Occurrence.objects.filter(activity__in=activities)
        seen = set(logged_before.values_list("activity_id", "held_on", "what", "where"))
        done = dict(logged_before.order_by().values_list("activity_id").annotate(Count("id")))
        state = {pk: _State(a.status, a.status_comment, done.get(pk, 0)) for pk, a in activities.items()}
        logged = set()
        for row in batch.rows:
            if row.occurrence is None:
                continue
            activity, occurrence, current = row.activity, row.occurrence, state[row.activity.pk]
            logged.add(activity.pk)
            described = f"{activity.title}: {occurrence.held_on:%Y-%m-%d} {occurrence.what}"
            key = (activity.pk, occurrence.held_on, occurrence.what, occurrence.where)
            if key in seen:
                plan.outcome.count("skipped", described)
                continue
            seen.add(key)
            plan.occurrences.append(occurrence)
            current.done += 1
            target = activity.target_count
            current.start_or_complete(status_after_occurrence(status=current.status, done=current.done, target=target))
            plan.outcome.count("created", described)
        for row in batch.rows:
            if row.status or row.comment:
                activity, current = row.activity, state[row.activity.pk]
                status = row.status or current.status
                if activity.pk in logged:  # the file's occurrences count, whether new or logged before
                    status = status_after_occurrence(status=status, done=current.done, target=activity.target_count)
                comment = (row.comment or current.comment).strip()
                changed = (status, comment) != (current.status, current.comment)
                if changed:
                    current.status, current.comment, current.stamped = status, comment, True
                described = f"{activity.title}: {Activity.Status(status).label}"
                plan.outcome.count("updated" if changed else "skipped", described)
        plan.statuses = [(activities[pk], current) for pk, current in state.items() if current.stamped]
        return plan

    def apply(self, plan: Plan, *, run: ImportRun) -> None:
        assert isinstance(plan, ActivityPlan)
        for occurrence in plan.occurrences:
            occurrence.logged_by = run.by
        Occurrence.objects.bulk_create(plan.occurrences)
        now = clock.now()
        for activity, current in plan.statuses:
            activity.status, activity.status_comment = current.status, current.comment
            activity.status_changed_by, activity.status_changed_at = run.by, now
            activity.save(update_fields=STATUS_FIELDS)
