"""A tour of every main screen and dialog with demo data: what `python -m ui.screenshots`
photographs and what the layout and keyboard tests walk through."""
