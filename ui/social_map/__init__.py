"""The Sociale kaart page: the map of people, initiatives and organisations, its CSV import
and export, and the list of what was sought but not found."""
