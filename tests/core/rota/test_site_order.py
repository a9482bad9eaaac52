"""Sites are listed in natural order ("venue 3" before "venue 12"), case- and
accent-insensitively, the same on SQLite and PostgreSQL: the site list (Rota's site chooser,
week grid rows and set-up), the gaps at the same time, the patterns and the weekly rota sheet."""

from __future__ import annotations

from datetime import date, time

from involve_desktop.core.services import rota_sites
from involve_desktop.core.services.rota_dto import PatternInput
from involve_desktop.core.services.rota_gap_reasons import gaps_with_reasons
from involve_desktop.core.services.rota_patterns import create_pattern, list_patterns
from involve_desktop.core.sheets.params import SheetParams
from involve_desktop.core.sheets.rota_data import load_weekly_rota
from tests.core.rota.helpers import TODAY, TUE, shift, site

NAMES = ["venue 12", "Venue 3", "venue 30", "Vénue 6", "venue 15", "venue 9"]
NATURAL = ["Venue 3", "Vénue 6", "venue 9", "venue 12", "venue 15", "venue 30"]


def make_sites(session, actor) -> dict[str, int]:
    return {name: site(session, actor, name) for name in NAMES}


def test_site_list_is_in_natural_order(session, coordinator):
    make_sites(session, coordinator)
    assert [s.name for s in rota_sites.list_sites(session, coordinator)] == NATURAL


def test_gaps_at_the_same_time_list_sites_in_natural_order(session, coordinator):
    ids = make_sites(session, coordinator)
    for name in NAMES:
        shift(session, coordinator, ids[name])
    found = gaps_with_reasons(session, coordinator, TUE, TUE, today=TODAY)
    assert [g.view.slot.site_name for g in found] == NATURAL


def test_patterns_list_sites_in_natural_order(session, coordinator):
    ids = make_sites(session, coordinator)
    for name in NAMES:
        create_pattern(
            session, coordinator, PatternInput(ids[name], 1, time(9), time(13), date(2026, 1, 1))
        )
    names = {s.id: s.name for s in rota_sites.list_sites(session, coordinator)}
    assert [names[p.site_id] for p in list_patterns(session, coordinator)] == NATURAL


def test_weekly_rota_sheet_rows_follow_natural_order(session, coordinator):
    ids = make_sites(session, coordinator)
    shift(session, coordinator, ids["venue 30"])
    sheet = load_weekly_rota(session, coordinator, SheetParams(week=TUE.isoformat()), TODAY)
    assert list(sheet.sites) == NATURAL
