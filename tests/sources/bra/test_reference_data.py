"""National and county figures are reference data: an administrator's upload writes them, a municipality's never."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samverkan.organisations.models import User
from samverkan.sources.bra.models import CrimeStatistic
from tests.sources.bra.helpers import import_bra

HEADER = "Brott\tRegion\tÅr\tPeriod\tAntal\t/100 000 inv\n"
TRUE_TOTALS = HEADER + (
    "Totalt antal brott\tHela landet\t2025\tJan-dec\t1 444 863\t13 712,2\n"
    "Totalt antal brott\tNorrbottens län\t2025\tJan-dec\t31 102\t12 431,0\n"
)
# A Luleå coordinator's file: Luleå's own figure, then the country and the county overwritten with 2.
OVERWRITE = HEADER + (
    "Totalt antal brott\tLuleå kommun\t2025\tJan-dec\t9 876\t12 000,0\n"
    "Totalt antal brott\tHela landet\t2025\tJan-dec\t2\t0,0\n"
    "Totalt antal brott\tNorrbottens län\t2025\tJan-dec\t2\t0,0\n"
)


def upload(client, text: str):
    data = SimpleUploadedFile("brott.txt", text.encode("utf-8"))
    return client.post(reverse("import_upload", args=["bra"]), {"file": data})


def totals() -> dict[str, int | None]:
    return dict(CrimeStatistic.objects.values_list("region_code", "count"))


@pytest.mark.usefixtures("in_english")
def test_it_refuses_a_municipalitys_upload_of_national_and_county_figures(client, world, tmp_path):
    path = tmp_path / "brott.txt"
    path.write_text(TRUE_TOTALS, encoding="utf-8")
    import_bra(str(path))
    client.force_login(world.dave)
    response = upload(client, OVERWRITE)
    assert response.status_code == 400
    assert [str(p) for p in response.context["problems"]] == [
        "brott.txt:3: Region: Hela landet is reference data: only an administrator imports national and county figures",
        "brott.txt:4: Region: Norrbottens län is reference data: only an administrator imports national and county "
        "figures",
    ]
    assert totals() == {"00": 1444863, "25": 31102}


def test_it_takes_the_figures_from_an_administrators_upload(client, world):
    admin = User.objects.create_user("admin", password="password", is_staff=True)
    client.force_login(admin)
    token = upload(client, OVERWRITE).context["token"]
    assert client.post(reverse("import_confirm", args=["bra"]), {"token": token}).status_code == 302
    assert totals() == {"2580": 9876, "00": 2, "25": 2}


@pytest.mark.usefixtures("in_english")
def test_it_refuses_a_municipalitys_upload_that_moves_a_category(client, world, tmp_path):
    path = tmp_path / "tree.csv"
    path.write_text(
        "Brott;Region;År;Period;Antal;/100000 Inv\n"
        "Totalt antal brott;Arjeplog kommun;2024;Jan-dec;341;13 268,5\n"
        "  Brott mot brottsbalken;Arjeplog kommun;2024;Jan-dec;300;1\n"
        "    Misshandel;Arjeplog kommun;2024;Jan-dec;24;933,9\n",
        encoding="utf-8",
    )
    import_bra(str(path))
    moved = (
        "Brott;Region;År;Period;Antal;/100000 Inv\n"
        "Totalt antal brott;Arjeplog kommun;2025;Jan-dec;305;11 867,7\n"
        "  Misshandel;Arjeplog kommun;2025;Jan-dec;20;800,0\n"
    )
    client.force_login(world.alice)
    response = upload(client, moved)
    assert response.status_code == 400
    assert [str(p) for p in response.context["problems"]] == [
        "brott.txt:3: Brott: 'Misshandel' lies under 'Brott mot brottsbalken': only an administrator moves a "
        "category in Brå's tree"
    ]
    assert not CrimeStatistic.objects.filter(year=2025).exists()
