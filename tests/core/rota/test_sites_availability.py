"""Sites (create, edit, archive, audited, unique) and people's availability and limits."""

from __future__ import annotations

from datetime import date, time

import pytest

from involve_desktop.core.errors import PermissionDenied, ValidationError
from involve_desktop.core.services import audit
from involve_desktop.core.services import rota_availability as availability
from involve_desktop.core.services.rota_dto import AvailabilitySlot, SiteInput, SiteKind
from involve_desktop.core.services.rota_sites import (
    archive_site,
    create_site,
    list_sites,
    update_site,
)
from tests.core.rota.helpers import TODAY, peer


def test_site_create_edit_archive_audited(session, coordinator):
    ward = create_site(session, coordinator, SiteInput("Ward 4", accessibility_notes="Lift"))
    assert (ward.kind, ward.min_together, ward.max_peers) == (SiteKind.WARD, 2, None)
    update_site(
        session,
        coordinator,
        ward.id,
        SiteInput("Ward 4 (Elm)", SiteKind.WARD, min_together=3, max_peers=4),
    )
    archive_site(session, coordinator, ward.id)
    assert list_sites(session, coordinator) == []
    [shown] = list_sites(session, coordinator, include_archived=True)
    assert (shown.name, shown.min_together, shown.archived) == ("Ward 4 (Elm)", 3, True)
    trail = audit.list_entries(session, coordinator, "rota_site", ward.id)
    assert [e.action for e in trail] == ["update", "update", "create"]
    assert trail[1].changes["name"] == ["Ward 4", "Ward 4 (Elm)"]


@pytest.mark.parametrize(
    "data,field",
    [
        (SiteInput(" "), "name"),
        (SiteInput("Cafe", min_together=0), "min_together"),
        (SiteInput("Cafe", min_together=3, max_peers=2), "max_peers"),
    ],
)
def test_site_validation_names_field(session, coordinator, data, field):
    with pytest.raises(ValidationError) as err:
        create_site(session, coordinator, data)
    assert err.value.field == field


def test_site_names_unique_ignoring_case(session, coordinator):
    create_site(session, coordinator, SiteInput("Ward 4"))
    with pytest.raises(ValidationError, match="already a site called 'ward 4'"):
        create_site(session, coordinator, SiteInput("ward 4"))


def test_facilitator_reads_sites_but_cannot_change_them(session, coordinator, facilitator):
    create_site(session, coordinator, SiteInput("Ward 4"))
    assert [s.name for s in list_sites(session, facilitator)] == ["Ward 4"]
    with pytest.raises(PermissionDenied):
        create_site(session, facilitator, SiteInput("Cafe"))


def test_availability_limits_and_bank_shown(session, coordinator):
    slots = [AvailabilitySlot(0, time(9), time(17)), AvailabilitySlot(5, time(22), time(6))]
    bea = peer(session, coordinator, "Bea Bank", bank=True, weekly=slots, limits=(2, 30))
    availability.add_unavailable(session, coordinator, bea, date(2026, 4, 1), date(2026, 4, 14))
    got = availability.availability(session, coordinator, bea, today=TODAY)
    assert got.bank and got.weekly == tuple(slots)
    assert (got.max_shifts_per_week, got.max_hours_per_month) == (2, 30)
    assert [(u.start_on, u.end_on) for u in got.unavailable] == [
        (date(2026, 4, 1), date(2026, 4, 14))
    ]
    availability.remove_unavailable(session, coordinator, got.unavailable[0].id)
    assert availability.availability(session, coordinator, bea).unavailable == ()
    with pytest.raises(ValidationError) as err:
        availability.add_unavailable(session, coordinator, bea, date(2026, 4, 2), date(2026, 4, 1))
    assert err.value.field == "end_on"
