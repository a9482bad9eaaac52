"""The contact list: names per privacy mode, contact details only, never restricted fields."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from involve_desktop.core.errors import PermissionDenied
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.sheets.catalogue import MemberScope, SheetParams, get_sheet
from involve_desktop.core.sheets.contact_list import (
    ContactListSheet,
    ContactRow,
    render_contact_list,
)
from involve_desktop.core.sheets.names import PrivacyMode
from involve_desktop.core.sheets.options import SheetOptions
from tests.sheets.member_helpers import (
    EMERGENCY,
    FORBIDDEN_WORDS,
    PRIVATE_NOTE,
    TODAY,
    facilitator,
    seed_group,
    sheet_data,
)
from tests.sheets.pdfread import all_text, page_lines, reader

SPEC = get_sheet("contact-list")


@pytest.fixture
def group(session, coordinator):
    return seed_group(session, coordinator)


def render(engine, actor, privacy=PrivacyMode.FULL, **params) -> bytes:
    return SPEC.render(
        SheetParams(group_name="Riverside Voices", **params),
        SheetOptions(privacy=privacy),
        sheet_data(engine, actor),
        today=TODAY,
    )


def names_in_order(pdf: bytes, candidates: list[str]) -> list[str]:
    lines = [line for page in page_lines(pdf) for line in page]
    return [line for line in lines if line in candidates]


def test_active_members_alphabetical_by_the_name_they_go_by(engine, coordinator, group):
    pdf = render(engine, coordinator)
    everyone = ["Łukasz Nowak", "Mo Brown", "Shiv Kelly", "Zoë Adams", "Rhys Resting", "Gwen Gone"]
    assert names_in_order(pdf, everyone) == ["Łukasz Nowak", "Mo Brown", "Shiv Kelly", "Zoë Adams"]
    text = all_text(pdf)
    assert "Siobhán" not in text  # her preferred name only
    assert "Active members · 4 people" in text
    assert "Confidential — contains personal information" in text


def test_contact_details_are_printed(engine, coordinator, group):
    lines = page_lines(render(engine, coordinator))[0]
    zoe = lines.index("Zoë Adams")
    assert lines[zoe : zoe + 5] == [
        "Zoë Adams",
        "she/her",
        "07700 900123",
        "zoe@example.org",
        "Text message",
    ]


@pytest.mark.parametrize(
    ("privacy", "shown", "hidden"),
    [
        (PrivacyMode.FULL, ["Zoë Adams", "Łukasz Nowak", "Shiv Kelly"], []),
        (PrivacyMode.FIRST_INITIAL, ["Zoë A.", "Łukasz N.", "Shiv K."], ["Adams", "Nowak"]),
        (PrivacyMode.INITIALS, ["Z. A.", "Ł. N.", "S. K."], ["Zoë", "Adams", "Łukasz"]),
    ],
)
def test_names_follow_the_privacy_mode(engine, coordinator, group, privacy, shown, hidden):
    lines = [line for page in page_lines(render(engine, coordinator, privacy)) for line in page]
    assert set(shown) <= set(lines)
    assert not [line for line in lines for word in hidden if word in line.split()]


def test_never_prints_restricted_fields_roles_or_labels(engine, coordinator, group):
    text = all_text(render(engine, coordinator, access_needs=True)).casefold()
    for secret in (PRIVATE_NOTE, EMERGENCY, "PRIVATE-NOTE", "EMERGENCY-PERSON", *FORBIDDEN_WORDS):
        assert secret.casefold() not in text
    assert "peer supporter" not in text


def test_role_filter_lists_only_that_role_and_never_prints_it(engine, coordinator, group):
    pdf = render(engine, coordinator, role="peer supporter")
    text = all_text(pdf)
    assert "Zoë Adams" in text
    assert "Łukasz Nowak" not in text and "Mo Brown" not in text
    assert "Peer supporter" not in text and "peer supporter" not in text.casefold()
    assert page_lines(pdf)[0][1] == "Contact list"  # the title does not name the role either


def test_stepping_back_only_when_asked_and_people_who_left_never(engine, coordinator, group):
    text = all_text(render(engine, coordinator, members=MemberScope.INCLUDING_STEPPING_BACK))
    assert "Rhys Resting" in text
    assert "Gwen Gone" not in text
    assert "Active members and those stepping back · 5 people" in text


def test_contact_not_agreed_is_not_printed(engine, coordinator, group):
    lines = page_lines(render(engine, coordinator))[0]
    assert "07700 900456" not in lines  # Shiv said no to phone calls
    shiv = lines.index("Shiv Kelly")
    assert lines[shiv : shiv + 4] == ["Shiv Kelly", "they/them", "Not agreed", "shiv@example.org"]
    assert any(line.startswith('"Not agreed": the person has not agreed') for line in lines)


def test_access_needs_only_when_asked(engine, coordinator, group):
    assert "Access needs" not in all_text(render(engine, coordinator))
    text = all_text(render(engine, coordinator, access_needs=True))
    assert "Access needs: Large print, Step-free access" in text


def test_facilitators_cannot_print_it(engine, session, coordinator, group):
    fran = facilitator(session, coordinator)
    assert not SPEC.allowed_for(fran)
    with pytest.raises(PermissionDenied, match="contact lists"):
        render(engine, fran)


def test_each_contact_list_is_noted_in_the_audit_trail(engine, session, coordinator, group):
    render(engine, coordinator, role="Peer supporter")
    session.rollback()  # end the test session's older read snapshot
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "print")).one()
    assert entry.account_name == coordinator.display_name
    assert entry.changes["sheet"] == "Contact list"
    assert entry.changes["people"] == 1


def test_unknown_role_names_the_field_and_the_choices(engine, coordinator, group):
    with pytest.raises(ValueError, match="no role called 'astronaut'.*Peer supporter") as caught:
        render(engine, coordinator, role="astronaut")
    assert caught.value.field == "role"


def test_large_print_portrait_uses_the_compact_layout():
    rows = tuple(
        ContactRow(f"Person {n} Longname", "they/them", "07700 900123", f"p{n}@example.org")
        for n in range(3)
    )
    large = render_contact_list(
        ContactListSheet(rows), SheetOptions(large_print=True, privacy=PrivacyMode.FULL)
    )
    lines = page_lines(large)[0]
    assert "Phone and email" in lines
    assert "(they/them)" in lines
    standard = page_lines(render_contact_list(ContactListSheet(rows)))[0]
    assert "Pronouns" in standard


def test_nobody_to_list_says_so():
    pdf = render_contact_list(ContactListSheet(()))
    assert "Nobody matches this list" in all_text(pdf)
    assert len(reader(pdf).pages) == 1


def test_many_people_fill_several_pages_with_the_heading_on_each():
    rows = tuple(ContactRow(f"Member {n:03d}", phone="07700 900123") for n in range(120))
    pdf = render_contact_list(ContactListSheet(rows), SheetOptions(privacy=PrivacyMode.FULL))
    pages = page_lines(pdf)
    assert len(pages) >= 3
    assert all("Preferred" in page for page in pages)
    assert pages[-1][-1].startswith("Page ") or "Member 119" in pages[-1]


def test_search_words_list_only_the_people_the_members_list_would_find(engine, coordinator, group):
    text = all_text(render(engine, coordinator, search="kelly"))
    assert "Shiv Kelly" in text and "Mo Brown" not in text
    assert "Active members · matching “kelly” · 1 person" in text
    by_email = all_text(render(engine, coordinator, search="LUKASZ@example"))
    assert "Łukasz Nowak" in by_email and "Shiv Kelly" not in by_email


def test_consent_due_lists_only_people_whose_consent_needs_reviewing(engine, coordinator, group):
    text = all_text(render(engine, coordinator, consent_due=True))
    assert "Shiv Kelly" not in text  # consent given in June, reviewed next year
    assert "Zoë Adams" in text and "Mo Brown" in text  # never recorded: due
    assert "Active members · consent review due · 3 people" in text


def test_stepping_back_only(engine, coordinator, group):
    text = all_text(render(engine, coordinator, members=MemberScope.STEPPING_BACK))
    assert "Rhys Resting" in text and "Zoë Adams" not in text and "Gwen Gone" not in text
    assert "Members stepping back · 1 person" in text


def test_the_audit_trail_notes_the_search_and_consent_filter(engine, session, coordinator, group):
    render(engine, coordinator, search="kelly", consent_due=True)
    session.rollback()
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "print")).one()
    assert entry.changes["search"] == "kelly"
    assert entry.changes["consent_due"] is True
    assert entry.changes["people"] == 0
