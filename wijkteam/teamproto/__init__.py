"""The team protocol's wire formats and cryptography (DESIGN.md §11).

Qt-free and database-free: the laptop side (`wijkteam.teamsync`) and the team server
(`wijkteam.server`) both build on it. Nothing here reads or writes a store.
"""
