"""The subject access PDF: the person's name, each section, values in words, confidential."""

from __future__ import annotations

from datetime import date

from involve_desktop.core.sheets.layout import CONFIDENTIAL_TEXT
from involve_desktop.core.sheets.subject_access import (
    TITLE,
    render_subject_access,
    sheet_from,
)
from tests.sheets.pdfread import all_text, reader

DATA = {
    "about": {"group": "Riverside Voices"},
    "member": {
        "id": 7,
        "full_name": "Siobhán Ó Briain",
        "email": "shiv@example.org",
        "date_joined": "2021-03-04",
        "lived_experience": True,
        "search_text": "siobhan o briain | shiv@example.org",
        "notes": "Likes <b>tea</b> & biscuits",
    },
    "involvement": [{"on": "2026-10-06", "area": "Meetings", "description": "Tuesday group"}],
    "related_tables": {
        "pay_line": [{"id": 1, "member_id": 7, "amount_pence": 2500, "day": "2026-09-01"}],
        "rota_assignment": [
            {"id": n, "member_id": 7, "shift_id": n, "attendance": "worked"} for n in range(120)
        ],
        "a_table_added_later": [{"id": 1, "member_id": 7, "what": "something new"}],
    },
    "audit_entries": [
        {
            "at": "2026-11-01T10:00:00",
            "account_name": "Sam",
            "action": "update",
            "entity": "member",
            "changes": {"phone": [None, "07700 900123"]},
        }
    ],
    "mentioned_in": [],
}


def test_pdf_names_the_person_and_every_section():
    pdf = render_subject_access(sheet_from(DATA, "Shiv Ó Briain"), printed_on=date(2026, 11, 27))
    text = all_text(pdf)
    for words in (
        TITLE,
        "Riverside Voices",
        "Shiv Ó Briain",
        "Siobhán Ó Briain",
        "Your details",
        "Involvement",
        "Payments for time",
        "Amount: £25.00",
        "Rota shifts",
        "A table added later",  # a new table gets a section from its name
        "Changes recorded about you",
        "07700 900123",
        "Likes <b>tea</b> & biscuits",  # typed text printed as typed
        "Date joined: Thu 4 Mar",
        "Lived experience: Yes",
        CONFIDENTIAL_TEXT,
    ):
        assert words in text, words
    assert "siobhan o briain |" not in text  # derived search columns stay in the JSON only
    assert len(reader(pdf).pages) > 1


def test_empty_sections_say_nothing_recorded():
    data = dict(DATA, involvement=[], audit_entries=[], related_tables={})
    text = all_text(render_subject_access(sheet_from(data, "Shiv Ó Briain")))
    assert text.count("Nothing recorded.") == 2


def test_pdf_says_records_and_codes_in_words_not_numbers():
    data = {
        **DATA,
        "related_tables": {
            "pay_line": [
                {
                    "id": 1,
                    "member_id": 7,
                    "group_id": 3,
                    "role_type_id": 9,
                    "source_id": 65,
                    "activity": "meeting_facilitation",
                    "method": "bank_transfer",
                    "status": "pending",
                    "description": "Facilitating: Tuesday group",
                }
            ]
        },
        "names": {"group_id": {"3": "Tuesday peer group"}, "role_type_id": {}},
    }
    text = all_text(render_subject_access(sheet_from(data, "Shiv"), printed_on=date(2026, 11, 27)))
    flat = " ".join(text.split())
    for words in (
        "Group: Tuesday peer group",
        "Role type: number 9 (since removed)",
        "Activity: Meeting facilitation",
        "Method: Bank transfer",
        "Status: Pending",
        "Description: Facilitating: Tuesday group",
    ):
        assert words in flat, words
    for code in ("Group id", "Source", "bank_transfer", "meeting_facilitation", "Id:"):
        assert code not in flat, code


def test_every_table_about_a_member_has_a_title_in_words():
    """A new table holding a member's rows needs its heading, not "Involvement activity
    member" made from its name."""
    from involve_desktop.core.models.base import Base
    from involve_desktop.core.sheets.subject_access import TABLE_TITLES

    about_members = {
        name
        for name, table in Base.metadata.tables.items()
        if any(fk.column.table.name == "member" for fk in table.foreign_keys)
    }
    assert {"rota_assignment", "spectrum_member"} <= about_members
    assert about_members - set(TABLE_TITLES) == set()
