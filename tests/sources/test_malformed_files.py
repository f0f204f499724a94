"""Every importer answers each malformed file with its problems and writes nothing (issue 10: no 500s).

The security test found 14 of 63 malformed uploads answered with a 500 (KeyError, OverflowError for year
0001, …). Here each importer is fed its malformed cases twice: through its command (exit status 1,
"FILE:LINE: field: what is wrong" on stderr, no traceback) and through the web upload as Alice (400 with the
same problems). Nothing is written either way. A problem of the whole file (no header, no JSON) has no LINE.

The expected problems are written out; "…" ends one whose rest follows from the day (the latest day the
product holds is ten years ahead) or is long.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.planning.actions.conftest import arjeplog_plan  # noqa: F401 - the activity sheet's fixture

ROW_PROBLEM = re.compile(r"^[^:]+:\d+: [^:]+: .+")
FILE_PROBLEM = re.compile(r"^[^:]+: [^:]+: .+")
OUTSIDE_DAYS = "is outside the days the product holds, 2000-01-01 to …"
OUTSIDE_YEARS = "is outside the years the product holds, 1900 to 2100"
NO_ROWS = "1: header: the file has no rows below its header"


@dataclass(frozen=True)
class Importer:
    key: str  # as in the web: /kartlaggning/import/<key>/
    command: str
    file: str  # the file's name: the FILE of every problem
    options: tuple[str, ...] = ()  # of the command
    form: tuple[tuple[str, str], ...] = ()  # the web form's own options


BRA = Importer("bra", "import_bra", "fel.txt")
INCIDENTS = Importer("incidents", "import_incidents", "fel.csv")
INDICATORS = Importer("indicators", "import_indicators", "fel.csv")
KOLADA = Importer("kolada", "import_kolada", "fel.json")
POLICE_EVENTS = Importer("police_events", "import_police_events", "fel.json")
SURVEY = Importer("survey", "import_survey", "fel.csv", ("--wave", "Trygghet 2025"), (("wave", "Trygghet 2025"),))
ACTIVITIES = Importer("activities", "import_activities", "fel.csv")

BRA_HEADER = "Brott\tRegion\tÅr\tPeriod\tAntal\t/100 000 inv"
INCIDENT_HEADER = "id,occurred_from,occurred_to,lat,lng,category,severity,status,description"
INDICATOR_HEADER = "indicator,municipality,year,value,n,source"
SURVEY_HEADER = "kommunkod;delomrade;trygg_kvall;submitdate"
ACTIVITY_HEADER = "activity_id,status,comment,occurrence_date,occurrence_what,occurrence_where,occurrence_reached"


def bra(crime="Totalt antal brott", region="Arjeplog kommun", year="2024", count="312", rate="12 140,1") -> str:
    return f"{BRA_HEADER}\r\n{crime}\t{region}\t{year}\tJan-dec\t{count}\t{rate}\r\n"


def incident(**values: str) -> str:
    row = {"id": "EST-1", "occurred_from": "2025-03-01 12:00", "occurred_to": "", "lat": "66.5", "lng": "17.5"}
    row |= {"category": "Skadegörelse", "severity": "2", "status": "ny", "description": "Klotter på skolan"}
    row |= values
    return f"{INCIDENT_HEADER}\n{','.join(row.values())}\n"


def indicator(indicator="Alkoholkonsumenter", municipality="Arjeplog", year="2024", value="38.5", n="26") -> str:
    return f"{INDICATOR_HEADER}\n{indicator},{municipality},{year},{value},{n},CAN 2024\n"


def kolada(**entry: object) -> str:
    values = {"kpi": "N07403", "municipality": "2506", "period": 2023, "values": [{"gender": "T", "value": 1.5}]}
    return json.dumps({"values": [values | entry]})


def kolada_value(**value: object) -> str:
    return kolada(values=[{"gender": "T", "value": 1.5, "status": ""} | value])


def event(**values: object) -> str:
    row = {"id": 650292, "datetime": "2026-08-22 14:22:31 +02:00", "name": "22 augusti 12.29, Stöld, Arjeplog"}
    row |= {"summary": "", "url": "/aktuellt/", "type": "Stöld", "location": {"name": "Arjeplog", "gps": "66,17.9"}}
    return json.dumps([row | values])


def survey(kommunkod="2506", delomrade="Centrum", answer="Mycket trygg", submitdate="2025-10-06") -> str:
    return f"{SURVEY_HEADER}\n{kommunkod};{delomrade};{answer};{submitdate}\n"


def activity(*cells: str) -> str:
    return f"{ACTIVITY_HEADER}\n{','.join(cells)}\n"


# (importer, case, the file, the problems expected)
CASES: list[tuple[Importer, str, str, list[str]]] = [
    (
        BRA,
        "empty file",
        "",
        ["header: no header row with the columns Brott, Region, År, Period, Antal and /100 000 inv"],
    ),
    (BRA, "header only", BRA_HEADER + "\r\n", [NO_ROWS]),
    (
        BRA,
        "missing column",
        "Brott\tRegion\tÅr\tPeriod\r\nX\tArjeplog kommun\t2024\t\r\n",
        ["1: header: missing column 'Antal'"],
    ),
    (BRA, "year 0001", bra(year="0001"), [f"2: År: 0001 {OUTSIDE_YEARS}"]),
    (BRA, "year 9999", bra(year="9999"), [f"2: År: 9999 {OUTSIDE_YEARS}"]),
    (BRA, "year 0", bra(year="0"), ["2: År: '0' is not a year"]),
    (BRA, "negative count", bra(count="-3"), ["2: Antal: '-3' is not a number"]),
    (
        BRA,
        "huge count",
        bra(count="99999999999999999999"),
        ["2: Antal: 99999999999999999999 is larger than 2147483647"],
    ),
    (BRA, "huge rate", bra(rate="99999999999"), ["2: /100 000 inv: 99999999999 is larger than 9999999999,99"]),
    (BRA, "unknown region", bra(region="Atlantis kommun"), ["2: Region: unknown region 'Atlantis kommun'"]),
    (BRA, "long category", bra(crime="B" * 201), ["2: Brott: is longer than 200 characters"]),
    (INCIDENTS, "empty file", "", ["1: header: missing column(s): occurred_from, category, severity, description"]),
    (INCIDENTS, "header only", INCIDENT_HEADER + "\n", [NO_ROWS]),
    (INCIDENTS, "unknown column", "x," + incident(), ["1: header: unknown column(s): x; the columns are …"]),
    (
        INCIDENTS,
        "date 0001-01-01",
        incident(occurred_from="0001-01-01"),
        [f"2: occurred_from: 0001-01-01 {OUTSIDE_DAYS}"],
    ),
    (
        INCIDENTS,
        "date 9999-12-31",
        incident(occurred_from="9999-12-31 23:59"),
        [f"2: occurred_from: 9999-12-31 23:59 {OUTSIDE_DAYS}"],
    ),
    (INCIDENTS, "month 13", incident(occurred_from="2025-13-01"), ["2: occurred_from: '2025-13-01' is not a date …"]),
    (INCIDENTS, "end 0001", incident(occurred_to="0001-01-01"), [f"2: occurred_to: 0001-01-01 {OUTSIDE_DAYS}"]),
    (INCIDENTS, "NaN", incident(lat="nan", lng="nan"), ["2: lat: is not a coordinate"]),
    (INCIDENTS, "inf", incident(lat="inf"), ["2: lat: is not a coordinate"]),
    (INCIDENTS, "latitude 91", incident(lat="91"), ["2: lat: is not a coordinate"]),
    (INCIDENTS, "severity 9", incident(severity="9"), ["2: severity: '9' is not 1, 2 or 3"]),
    (INCIDENTS, "negative severity", incident(severity="-1"), ["2: severity: '-1' is not 1, 2 or 3"]),
    (
        INCIDENTS,
        "unknown status",
        incident(status="klar"),
        ["2: status: 'klar' is not one of ny, bedomd, atgardad, avslutad"],
    ),
    (
        INCIDENTS,
        "unknown category",
        incident(category="Okänd"),
        ["2: category: Arjeplog does not use the category 'Okänd'"],
    ),
    (INCIDENTS, "long id", incident(id="E" * 62), ["2: id: is longer than 61 characters"]),
    (
        INCIDENTS,
        "personnummer",
        incident(description="Anmälare 850101-1234"),
        ["2: description: contains a personal identity number; remove it"],
    ),
    (INDICATORS, "empty file", "", ["1: header: expected indicator,municipality,year,value,n,source"]),
    (INDICATORS, "header only", INDICATOR_HEADER + "\n", [NO_ROWS]),
    (INDICATORS, "year 0001", indicator(year="0001"), [f"2: year: 0001 {OUTSIDE_YEARS}"]),
    (INDICATORS, "year 9999", indicator(year="9999"), [f"2: year: 9999 {OUTSIDE_YEARS}"]),
    (INDICATORS, "year 0", indicator(year="0"), ["2: year: '0' is not a year"]),
    (INDICATORS, "NaN", indicator(value="nan"), ["2: value: 'nan' is not a number"]),
    (INDICATORS, "inf", indicator(value="1e400"), ["2: value: '1e400' is not a number"]),
    (INDICATORS, "negative n", indicator(n="-1"), ["2: n: '-1' is not a whole number"]),
    (
        INDICATORS,
        "huge n",
        indicator(n="99999999999999999999"),
        ["2: n: 99999999999999999999 is larger than 2147483647"],
    ),
    (
        INDICATORS,
        "unknown municipality",
        indicator(municipality="Atlantis"),
        ["2: municipality: unknown municipality 'Atlantis'"],
    ),
    (
        INDICATORS,
        "personnummer",
        indicator(indicator="Elev 850101-1234"),
        ["2: indicator: contains a personal identity number; remove it"],
    ),
    (KOLADA, "empty file", "", ["json: is not valid JSON: Expecting value: line 1 column 1 (char 0)"]),
    (KOLADA, "a list", "[]", ['values: expected an object with a list of "values"']),
    (
        KOLADA,
        "wrong nesting",
        json.dumps({"values": [[]]}),
        ["1: values: expected an object with kpi, municipality, period and values"],
    ),
    (KOLADA, "year '0001'", kolada(period="0001"), ["1: period: '0001' is not a year"]),
    (KOLADA, "year 9999", kolada(period=9999), ["1: period: 9999 is not a year"]),
    (KOLADA, "year 0", kolada(period=0), ["1: period: 0 is not a year"]),
    (KOLADA, "unknown municipality", kolada(municipality="9999"), ["1: municipality: unknown municipality '9999'"]),
    (
        KOLADA,
        "unknown gender",
        kolada_value(gender="X"),
        ["1: values[0].gender: unknown gender 'X' (expected T, K or M)"],
    ),
    (
        KOLADA,
        "NaN",
        '{"values": [{"kpi": "N07403", "municipality": "2506", "period": 2023, "values": '
        '[{"gender": "T", "value": NaN}]}]}',
        ["1: values[0].value: nan is not a number"],
    ),
    (KOLADA, "huge number", kolada_value(value=10**400), ["1: values[0].value: 1000000…"]),
    (KOLADA, "long status", kolada_value(status="x" * 41), ["1: values[0].status: is longer than 40 characters"]),
    (
        KOLADA,
        "duplicate keys",
        '{"values": [], "values": 3}',
        ["json: is not valid JSON: the key 'values' appears twice in one object"],
    ),
    (KOLADA, "nested too deeply", "[" * 100_000, ["json: is not valid JSON: nested too deeply"]),
    (POLICE_EVENTS, "empty file", "", ["file: not JSON: Expecting value: line 1 column 1 (char 0)"]),
    (POLICE_EVENTS, "an object", "{}", ["file: expected a JSON list of events, not an object"]),
    (POLICE_EVENTS, "null", "null", ["file: expected a JSON list of events, not null"]),
    (POLICE_EVENTS, "wrong nesting", "[[]]", ["1: event: expected an object, not a list"]),
    (POLICE_EVENTS, "huge id", event(id=10**30), [f"1: id: {10**30} is larger than 9223372036854775807"]),
    (POLICE_EVENTS, "negative id", event(id=-1), ["1: id: not a whole number: -1"]),
    (
        POLICE_EVENTS,
        "date 0001-01-01",
        event(datetime="0001-01-01 00:00:00 +02:00"),
        [f"1: datetime: 0001-01-01 00:00:00 +02:00 {OUTSIDE_DAYS}"],
    ),
    (
        POLICE_EVENTS,
        "date 9999-12-31",
        event(datetime="9999-12-31 23:59:59 -05:00"),
        [f"1: datetime: 9999-12-31 23:59:59 -05:00 {OUTSIDE_DAYS}"],
    ),
    (
        POLICE_EVENTS,
        "month 13",
        event(datetime="2026-13-01 00:00:00 +02:00"),
        ["1: datetime: not a date and time like …"],
    ),
    (
        POLICE_EVENTS,
        "coordinates out of range",
        event(location={"name": "Arjeplog", "gps": "999,999"}),
        ["1: location.gps: not a position like \"66.051505,17.890054\": '999,999'"],
    ),
    (POLICE_EVENTS, "no address", event(url="http://[x"), ["1: url: not an address: 'http://[x'"]),
    (
        POLICE_EVENTS,
        "duplicate keys",
        '[{"id": 1, "id": 2}]',
        ["file: not JSON: the key 'id' appears twice in one object"],
    ),
    (POLICE_EVENTS, "nested too deeply", "[" * 100_000, ["file: not JSON: nested too deeply"]),
    (
        SURVEY,
        "empty file",
        "",
        ["1: kommunkod: missing column", "1: delomrade: missing column", "1: header: no question columns"],
    ),
    (SURVEY, "header only", SURVEY_HEADER + "\n", [NO_ROWS]),
    (SURVEY, "date 0001-01-01", survey(submitdate="0001-01-01"), [f"2: submitdate: 0001-01-01 {OUTSIDE_DAYS}"]),
    (SURVEY, "date 9999-12-31", survey(submitdate="9999-12-31"), [f"2: submitdate: 9999-12-31 {OUTSIDE_DAYS}"]),
    (SURVEY, "month 13", survey(submitdate="2025-13-01"), ["2: submitdate: '2025-13-01' is not a date …"]),
    (SURVEY, "unknown municipality", survey(kommunkod="9999"), ["2: kommunkod: no municipality has the code 9999"]),
    (
        SURVEY,
        "unknown answer",
        survey(answer="Vet ej alls"),
        ["2: trygg_kvall: unknown answer 'Vet ej alls'; the answers are: …"],
    ),
    (
        SURVEY,
        "duplicate column",
        "kommunkod;kommunkod;delomrade;trygg_kvall\n2506;2506;C;Mycket trygg\n",
        ["1: kommunkod: the column appears more than once"],
    ),
    (
        SURVEY,
        "personnummer",
        survey(delomrade="850101-1234"),
        ["2: delomrade: contains a personal identity number; remove it"],
    ),
    (ACTIVITIES, "empty file", "", ["1: header: missing column: activity_id"]),
    (ACTIVITIES, "header only", ACTIVITY_HEADER + "\n", [NO_ROWS]),
    (
        ACTIVITIES,
        "huge activity number",
        activity("99999999999999999999", "pagar", "", "", "", "", ""),
        ["2: activity_id: '99999999999999999999' is not the number of an activity"],
    ),
    (
        ACTIVITIES,
        "no number",
        activity("abc", "pagar", "", "", "", "", ""),
        ["2: activity_id: 'abc' is not the number of an activity"],
    ),
    (
        ACTIVITIES,
        "date 0001-01-01",
        activity("{meet}", "", "", "0001-01-01", "Torgmöte", "", ""),
        [f"2: occurrence_date: 0001-01-01 {OUTSIDE_DAYS}"],
    ),
    (
        ACTIVITIES,
        "date 9999-12-31",
        activity("{meet}", "", "", "9999-12-31", "Torgmöte", "", ""),
        ["2: occurrence_date: An occurrence is logged once it has taken place; this date is in the future."],
    ),
    (
        ACTIVITIES,
        "month 13",
        activity("{meet}", "", "", "2025-13-01", "Torgmöte", "", ""),
        ["2: occurrence_date: '2025-13-01' is not a date (YYYY-MM-DD)"],
    ),
    (
        ACTIVITIES,
        "huge count",
        activity("{meet}", "", "", "2025-04-01", "Torgmöte", "", "99999999999999999999"),
        ["2: occurrence_reached: 99999999999999999999 is larger than 2147483647"],
    ),
    (
        ACTIVITIES,
        "negative count",
        activity("{meet}", "", "", "2025-04-01", "Torgmöte", "", "-1"),
        ["2: occurrence_reached: '-1' is not a whole number"],
    ),
    (
        ACTIVITIES,
        "unknown status",
        activity("{meet}", "klar", "", "", "", "", ""),
        ["2: status: 'klar' is not one of ej_paborjad, pagar, utford, installd"],
    ),
]
IDS = [f"{importer.key}: {case}" for importer, case, _text, _expected in CASES]


def database() -> dict[str, int]:
    """The number of rows of every table of the product."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model.__module__.startswith("samverkan.")
    }


def matches(problems: list[str], importer: Importer, expected: list[str]) -> bool:
    """Each problem as expected: FILE, then ':' and a LINE or ' ' and the field; '…' ends a prefix."""
    if len(problems) != len(expected):
        return False
    for problem, wanted in zip(problems, expected, strict=True):
        of_a_row = wanted[0].isdigit()
        wanted = importer.file + (":" if of_a_row else ": ") + wanted
        if not (problem.startswith(wanted[:-1]) if wanted.endswith("…") else problem == wanted):
            return False
        if not (ROW_PROBLEM if of_a_row else FILE_PROBLEM).match(problem):
            return False
    return True


@pytest.fixture
def file_of(arjeplog_plan):  # noqa: F811 - the fixture imported above
    def of(text: str) -> bytes:
        return text.replace("{meet}", str(arjeplog_plan.meet.pk)).encode("utf-8")

    return of


@pytest.mark.usefixtures("in_english")
@pytest.mark.parametrize(("importer", "case", "text", "expected"), CASES, ids=IDS)
def test_the_command_names_every_problem_and_exits_with_status_1(
    world, file_of, tmp_path, importer, case, text, expected
):
    path = tmp_path / importer.file
    path.write_bytes(file_of(text))
    before = database()
    err = io.StringIO()
    with pytest.raises(CommandError) as failed:
        call_command(importer.command, str(path), *importer.options, stdout=io.StringIO(), stderr=err)
    assert failed.value.returncode == 1
    assert str(failed.value) == f"nothing was imported: {len(expected)} problem(s)"
    problems = err.getvalue().splitlines()
    assert matches(problems, importer, expected), problems
    assert "Traceback" not in err.getvalue()
    assert database() == before


@pytest.mark.usefixtures("in_english")
@pytest.mark.parametrize(("importer", "case", "text", "expected"), CASES, ids=IDS)
def test_the_web_upload_shows_every_problem_with_400(client, world, file_of, importer, case, text, expected):
    client.force_login(world.alice)
    before = database()
    upload = SimpleUploadedFile(importer.file, file_of(text))
    response = client.post(reverse("import_upload", args=[importer.key]), {"file": upload, **dict(importer.form)})
    assert response.status_code == 400
    problems = [str(problem) for problem in response.context["problems"]]
    assert matches(problems, importer, expected), problems
    assert database() == before


@pytest.mark.usefixtures("in_english")
@pytest.mark.parametrize("option", ["--opened-on", "--closed-on"])
def test_the_survey_import_refuses_a_wave_day_outside_the_supported_ones(world, tmp_path, option):
    path = tmp_path / SURVEY.file
    path.write_text(survey(), encoding="utf-8")
    before = database()
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(SURVEY.command, str(path), *SURVEY.options, option, "0001-01-01", stderr=err)
    field = option.removeprefix("--").replace("-", "_")
    assert err.getvalue().startswith(
        f"fel.csv: {field}: 0001-01-01 is outside the days the product holds, 2000-01-01 to "
    )
    assert database() == before
