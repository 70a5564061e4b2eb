"""The `archive` command line: the top layer (it may import every package below it)."""
