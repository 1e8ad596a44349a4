"""Public pages served from a shared cache, keyed by a site-wide publication counter and the date.

- `registry.PUBLIC_MODELS` lists the models whose rows public pages show. Any INSERT, UPDATE
  or DELETE of their tables adds one row to `Change` in the same transaction (`counter`), so
  the counter moves exactly when public data does, whichever code wrote it (a service, a bulk
  write, the admin).
- `urls.public_urls(...)` and `urls.public_page` mark views as public pages; the middleware
  serves them from the cache to readers who are not signed in, with ETag and Last-Modified,
  and answers conditional requests with 304.
"""
