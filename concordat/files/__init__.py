"""Files that every app server must see: kept through Django's storage API ("shared" storage).

By default they live in the database (`storage.DatabaseStorage`, in chunks); with
CONCORDAT_SHARED_STORAGE=s3 they go to S3-compatible object storage through django-storages.
"""
