"""The site plan: which pages and charts exist, where they live and what each shows (data only)."""
