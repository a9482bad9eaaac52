"""The audit log viewer: who changed what, when, filtered and exported by coordinators."""
