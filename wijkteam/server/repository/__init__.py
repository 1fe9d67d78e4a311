"""Data access of the team server: one module per area, each function one transaction step
on a Session the route hands in (the route commits)."""
