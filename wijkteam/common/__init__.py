"""Small helpers every layer may use (CSV safety, reading text files). They import nothing
of wijkteam above `domain` and `errors`."""
