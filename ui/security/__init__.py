"""Screens for signing in, first start, the lock screen and the coordinator tools."""
