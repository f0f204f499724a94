"""The Kolada key figures the product starts with: crime, safety and social risk factors.

Only ids whose existence was confirmed are listed; each was found in public code that reads
them from api.kolada.se (the searches were made while writing this module):

- N07403 "Anmälda våldsbrott, antal/100 000 inv": the title exactly as Kolada returns it,
  asserted in the tests of an R client of the Kolada API (get_kpi_title("N07403")), and
  requested from api.kolada.se/v2/data/kpi/N07403,… in Xolof/incident-map
  (www/src/models/Places.js).
- N07402 "Anmälda brott om grov kvinnofridskränkning i kommunen, antal/100 000 inv",
  U07417 "Anmälda stöld- och tillgreppsbrott, antal/1000 inv",
  U07452 "Anmälda brott om skadegörelse, antal/1000 inv",
  N02905 "Invånare 15-17 år lagförda för brott, antal/1000 inv": the same request and its
  table headings in Xolof/incident-map. U07417 also appears in a saved copy of Kolada's own
  KPI metadata ("U. Anmälda stöld- och tillgreppsbrott, antal/1000 inv", source Brå).
- N07540 "Anmälda brott totalt, antal/100 000 inv": an ETL script reading it through the
  Kolada v3 API (etl/build_kolada_extra.py: "N07540 anmälda brott totalt, antal/100 000 inv"),
  and a Brå indicator build that reads N07540 together with N07403.
- N07544 "Anmälda narkotikabrott, antal/100 000 inv" and
  N07546 "Anmälda bostadsinbrott, antal/100 000 inv": that Brå indicator build
  ("Anmälda narkotikabrott, per 100 000 inv", "Anmälda bostadsinbrott, per 100 000 inv");
  N07544 also in a CAN drug-habit analysis that fetches it from api.kolada.se/v2.
- N07609 "Otrygga vid utevistelse sen kväll i eget område (NTU), andel (%)": an indicator
  catalogue chosen from Kolada's full KPI list ("id:N07609", NTU).
- N31807 "Invånare som någon gång under året erhållit ekonomiskt bistånd, andel (%) av bef.":
  dataset descriptors that fetch it from Kolada (title quoted in their comments).
- N31816 "Vuxna med långvarigt ekonomiskt bistånd, andel (%) av befolkningen": the same
  catalogue chosen from Kolada's full KPI list ("id:N31816", long-term assistance, adults).
- U79231 alcohol and U79232 narcotics in the last 12 months, pupils in årskurs 9, and
  U79235 narcotics, gymnasiet år 2: the CAN drug-habit analysis lists them as Kolada KPIs
  reported per region (not per municipality), with English labels; the Swedish titles below
  are our wording of those labels, not Kolada's.

Titles not quoted verbatim above follow Kolada's pattern; an import never depends on them:
any KPI id in a file is accepted, and one not listed here gets its id as its title.
"""

from __future__ import annotations

from dataclasses import dataclass

PER_100K = "antal/100 000 inv"
PER_1000 = "antal/1000 inv"
SHARE = "andel (%)"


@dataclass(frozen=True)
class KpiInfo:
    id: str
    title: str
    unit: str
    source: str


KPIS: dict[str, KpiInfo] = {
    kpi.id: kpi
    for kpi in (
        KpiInfo("N07540", "Anmälda brott totalt, antal/100 000 inv", PER_100K, "Brå"),
        KpiInfo("N07403", "Anmälda våldsbrott, antal/100 000 inv", PER_100K, "Brå"),
        KpiInfo("U07417", "Anmälda stöld- och tillgreppsbrott, antal/1000 inv", PER_1000, "Brå"),
        KpiInfo("U07452", "Anmälda brott om skadegörelse, antal/1000 inv", PER_1000, "Brå"),
        KpiInfo("N07546", "Anmälda bostadsinbrott, antal/100 000 inv", PER_100K, "Brå"),
        KpiInfo("N07544", "Anmälda narkotikabrott, antal/100 000 inv", PER_100K, "Brå"),
        KpiInfo("N07402", "Anmälda brott om grov kvinnofridskränkning i kommunen, antal/100 000 inv", PER_100K, "Brå"),
        KpiInfo("N02905", "Invånare 15-17 år lagförda för brott, antal/1000 inv", PER_1000, "Brå"),
        KpiInfo("N07609", "Otrygga vid utevistelse sen kväll i eget område (NTU), andel (%)", SHARE, "Brå, NTU"),
        KpiInfo("U79231", "Elever i åk 9 som druckit alkohol senaste 12 månaderna, andel (%)", SHARE, "CAN"),
        KpiInfo("U79232", "Elever i åk 9 som använt narkotika senaste 12 månaderna, andel (%)", SHARE, "CAN"),
        KpiInfo("U79235", "Elever i gymnasiet år 2 som använt narkotika senaste 12 månaderna, andel (%)", SHARE, "CAN"),
        KpiInfo(
            "N31807",
            "Invånare som någon gång under året erhållit ekonomiskt bistånd, andel (%) av bef.",
            SHARE,
            "Socialstyrelsen, SCB",
        ),
        KpiInfo(
            "N31816", "Vuxna med långvarigt ekonomiskt bistånd, andel (%) av befolkningen", SHARE, "Socialstyrelsen"
        ),
    )
}


def kpi_defaults(kpi_id: str) -> dict[str, str]:
    """Title, unit and description of a KPI: documented above, or its id as a placeholder title."""
    info = KPIS.get(kpi_id)
    if info is None:
        return {"title": kpi_id, "unit": "", "description": ""}
    return {"title": info.title, "unit": info.unit, "description": f"Källa: {info.source} via Kolada."}
