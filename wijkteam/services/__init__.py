"""Services hold the rules. Each public method is one unit of work in its own transaction
and returns frozen records (see records.py). They are wired together in wijkteam/wiring."""
