"""archive_api package."""
