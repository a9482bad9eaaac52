"""The audit log's full-entry pane lists each change on its own line, and a value typed with
"; " in it ("Moving house; back in May") stays whole on its line."""

from __future__ import annotations

from involve_desktop.core.services import audit
from involve_desktop.core.services.audit_words import change_parts
from involve_desktop.ui.audit.audit_entry_pane import entry_text


def test_a_typed_semicolon_does_not_split_a_change(session, coordinator) -> None:
    changes = {"withdrawn_reason": "Moving house; back in May", "state": ["enrolled", "withdrawn"]}
    audit.record(session, coordinator, "update", "enrolment", 7, changes)
    session.commit()
    entry = audit.list_entries(session, coordinator, entity="enrolment", entity_id=7)[0]
    parts = change_parts(entry.changes, entry.entity)
    assert parts == ["withdrawn reason: Moving house; back in May", "state: Enrolled → Withdrawn"]
    assert audit.describe_changes(entry.changes, entry.entity) == "; ".join(parts)
    lines = entry_text(entry).splitlines()
    assert lines[2:] == [
        "What changed:",
        "  withdrawn reason: Moving house; back in May",
        "  state: Enrolled → Withdrawn",
    ]
