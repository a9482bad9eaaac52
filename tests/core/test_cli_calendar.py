"""`involve-desktop calendar`: a person's shifts as a phone calendar file, from the command line."""

from __future__ import annotations

from icalendar import Calendar

from involve_desktop.cli import main


def test_calendar_of_a_demo_peer_supporter(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("INVOLVE_PASSWORD", "demo-password")
    out = tmp_path / "alan.ics"
    code = main(
        ["--demo", "calendar", "--user", "demo", "--person", "Alan Wright", "--out", str(out)]
    )
    assert code == 0, capsys.readouterr().err
    events = [c for c in Calendar.from_ical(out.read_bytes()).walk("VEVENT")]
    assert events and all("Peer support shift" in str(e["SUMMARY"]) for e in events)


def test_unknown_person_gets_one_clear_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("INVOLVE_PASSWORD", "demo-password")
    out = tmp_path / "x.ics"
    code = main(
        ["--demo", "calendar", "--user", "demo", "--person", "Nobody Atall", "--out", str(out)]
    )
    assert code == 2 and "nobody matches" in capsys.readouterr().err
    assert not out.exists()
