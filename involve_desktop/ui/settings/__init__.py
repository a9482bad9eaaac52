"""The Settings area: the group's details, accounts, and your own account."""
