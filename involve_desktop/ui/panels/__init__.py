"""The Panels area: recruitment panels, who sits on them, and how widely seats are shared."""
