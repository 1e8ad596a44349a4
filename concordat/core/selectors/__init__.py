"""Reads of the domain for pages, exports and the API. Each module covers one sub-domain."""
