"""Pages of the capacity app: needs, activities (records.py) and the gap view (gaps.py)."""
