"""DJANGO_CACHE chooses the shared cache; CONCORDAT_SHARED_STORAGE the shared file storage."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOW = (
    "import json; from concordat import settings as s; "
    "print(json.dumps({'cache': s.CACHES['default'], 'shared': s.STORAGES['shared']}))"
)


def settings_with(**env):
    environment = {k: v for k, v in os.environ.items() if k not in ("DJANGO_CACHE",)}
    environment.update(env)
    done = subprocess.run(
        [sys.executable, "-c", SHOW], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    return done.returncode, done.stdout, done.stderr


def test_the_database_cache_and_storage_by_default():
    code, out, _ = settings_with()
    found = json.loads(out)
    assert code == 0
    assert found["cache"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert found["shared"]["BACKEND"] == "concordat.files.storage.DatabaseStorage"


def test_a_redis_address_uses_djangos_redis_backend():
    code, out, _ = settings_with(DJANGO_CACHE="redis://cache.internal:6379/2")
    assert code == 0
    assert json.loads(out)["cache"] == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://cache.internal:6379/2",
    }


def test_s3_storage_needs_a_bucket():
    code, _, err = settings_with(CONCORDAT_SHARED_STORAGE="s3")
    assert code != 0 and "CONCORDAT_SHARED_STORAGE=s3 needs CONCORDAT_S3_BUCKET" in err
    code, out, _ = settings_with(
        CONCORDAT_SHARED_STORAGE="s3",
        CONCORDAT_S3_BUCKET="plans",
        CONCORDAT_S3_ENDPOINT_URL="https://objects.example",
    )
    shared = json.loads(out)["shared"]
    assert shared["BACKEND"] == "storages.backends.s3.S3Storage"
    assert shared["OPTIONS"]["bucket_name"] == "plans"
    assert shared["OPTIONS"]["endpoint_url"] == "https://objects.example"


def test_an_unknown_cache_is_refused():
    code, _, err = settings_with(DJANGO_CACHE="memcached")
    assert code != 0 and "DJANGO_CACHE must be database, locmem or a redis:// address" in err
