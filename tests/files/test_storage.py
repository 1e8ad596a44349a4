"""The shared storage: the database backend by default, S3-compatible storage when configured."""

import io
import zipfile

import boto3
import pytest
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from moto import mock_aws

from concordat.files import storage as database_storage
from concordat.files.models import StoredChunk, StoredFile
from concordat.files.storage import DatabaseStorage, shared_storage

pytestmark = pytest.mark.django_db


def test_the_default_shared_storage_is_the_database():
    assert isinstance(shared_storage(), DatabaseStorage)


def test_a_file_is_kept_in_chunks_and_read_back_whole(monkeypatch):
    monkeypatch.setattr(database_storage, "CHUNK_BYTES", 10)
    storage = DatabaseStorage()
    data = bytes(range(256)) * 3
    assert storage.save("imports/a.bin", ContentFile(data)) == "imports/a.bin"
    assert StoredChunk.objects.filter(file__name="imports/a.bin").count() == 77
    assert storage.size("imports/a.bin") == 768
    with storage.open("imports/a.bin") as handle:
        assert handle.read() == data
    with storage.open("imports/a.bin") as handle:
        handle.seek(250)
        assert handle.read(12) == data[250:262]


def test_saving_again_replaces_and_delete_removes():
    storage = DatabaseStorage()
    storage.save("downloads/x.zip", ContentFile(b"first"))
    storage.save("downloads/x.zip", ContentFile(b"second, longer"))
    assert StoredFile.objects.count() == 1
    with storage.open("downloads/x.zip") as handle:
        assert handle.read() == b"second, longer"
    assert storage.listdir("downloads") == ([], ["x.zip"])
    assert storage.listdir("") == (["downloads"], [])
    storage.delete("downloads/x.zip")
    assert not storage.exists("downloads/x.zip")
    assert StoredChunk.objects.count() == 0
    with pytest.raises(FileNotFoundError):
        storage.open("downloads/x.zip")


def test_names_that_climb_out_are_refused():
    with pytest.raises(SuspiciousFileOperation):
        DatabaseStorage().save("../etc/passwd", ContentFile(b"x"))
    assert StoredFile.objects.count() == 0


@mock_aws
def test_s3_compatible_storage_through_django_storages(settings):
    boto3.client("s3", region_name="eu-west-2").create_bucket(
        Bucket="concordat-test", CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
    )
    options = dict(settings.SHARED_STORAGE_BACKENDS["s3"]["OPTIONS"])
    options.update(bucket_name="concordat-test", region_name="eu-west-2", endpoint_url=None)
    settings.STORAGES = {
        **settings.STORAGES,
        "shared": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
    }
    assert storages["shared"].bucket_name == "concordat-test"  # rebuilt from the settings
    from concordat.api import downloads

    downloads.build_downloads()
    with shared_storage().open(downloads.STORED_NAME) as handle:
        assert "README.txt" in zipfile.ZipFile(io.BytesIO(handle.read())).namelist()
    listed = boto3.client("s3", region_name="eu-west-2").list_objects_v2(Bucket="concordat-test")
    assert [item["Key"] for item in listed["Contents"]] == [
        "concordat/downloads/concordat-open-data.zip"
    ]
    assert StoredFile.objects.count() == 0
