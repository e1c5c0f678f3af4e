"""Fixtures of the assistance tests live in tsc_hub/conftest.py (cast, kenya, institution, centre)."""
