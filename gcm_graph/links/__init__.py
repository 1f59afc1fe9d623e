"""External links of the curated tables: identifier scheme checks, link records, coverage."""
