"""Onboarding calendar arithmetic: pure functions, no I/O."""
