"""Tests of Settings tabs that belong to the lock and accounts."""
