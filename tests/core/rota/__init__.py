"""Tests of the peer supporter rota services (no Qt)."""
