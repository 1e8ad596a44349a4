"""The public pages, one module per kind of page. Every view only reads, through selectors."""
