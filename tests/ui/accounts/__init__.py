"""Tests of the account windows: first run, add account, reset and change password."""
