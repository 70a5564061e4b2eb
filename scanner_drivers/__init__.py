"""scanner_drivers package."""
