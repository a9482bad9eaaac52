"""Tests of the Cohorts area screens."""
