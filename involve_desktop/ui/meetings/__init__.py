"""The Meetings area: groups, their meetings, sign-in sheets and typing the ticks back in."""
