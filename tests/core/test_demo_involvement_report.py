"""The demo writes the current year's annual report narrative, with no member's name in it."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.demo.seed import seed_demo
from involve_desktop.core.models.people import Member
from involve_desktop.core.services.involvement_report import read_narrative

TODAY = date(2026, 11, 27)


def test_demo_narrative_is_written_for_this_year_and_names_nobody(session: Session) -> None:
    coordinator = seed_demo(session, today=TODAY)
    words = read_narrative(session, coordinator, date(2026, 4, 1))
    assert words.version is not None
    texts = [words.year_in_brief, words.what_changed, words.next_year]
    assert all(len(t) > 100 for t in texts)
    names = session.scalars(select(Member.full_name)).all()
    for text in texts:
        for name in names:
            for part in name.split():
                if len(part) > 3:
                    assert not re.search(rf"\b{re.escape(part)}\b", text), part
    assert read_narrative(session, coordinator, date(2025, 4, 1)).version is None
