"""The Cohorts area: leadership programmes, their cohorts, pathways and alumni actions."""
