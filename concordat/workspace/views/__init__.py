"""The workspace's pages: thin function views over the selectors and services.

Outsiders get 404 (another area's draft is never leaked); people who may see an area's
workspace but not make the change asked for get 403. See `concordat.accounts.permissions`.
"""
