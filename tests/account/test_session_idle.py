"""A session ends after SESSION_IDLE_MINUTES (30) without a request; each request starts the 30 minutes again."""

from __future__ import annotations

import datetime


def logged_in(client) -> bool:
    return client.get("/mal/").status_code == 200


def test_it_ends_a_session_after_thirty_idle_minutes(client, world, time_machine):
    time_machine.move_to(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC), tick=False)
    client.force_login(world.alice)
    assert logged_in(client)
    time_machine.move_to(datetime.datetime(2026, 3, 2, 9, 31, tzinfo=datetime.UTC), tick=False)
    assert not logged_in(client)


def test_it_keeps_an_active_session_alive(client, world, time_machine):
    time_machine.move_to(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC), tick=False)
    client.force_login(world.alice)
    for minute in (20, 40, 59):  # a request every 20 minutes: an hour later still logged in
        time_machine.move_to(datetime.datetime(2026, 3, 2, 9, minute, tzinfo=datetime.UTC), tick=False)
        assert logged_in(client)
