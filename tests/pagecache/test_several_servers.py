"""Two app servers behind one database (issue 12): nothing one needs is on the other's disk or
in its memory. Two gunicorn servers are started on a database of their own (a fresh PostgreSQL
database on the suite's PostgreSQL server, or a SQLite file when the suite runs on SQLite),
and one browser (one cookie jar, as behind a load balancer) moves between them:

- a plan uploaded through one server is previewed and confirmed through the other;
- failed sign-ins spread over both lock the account at the limit;
- a publication through one is visible at once on the other's cached pages.
"""

import html
import http.cookiejar
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.db import connection

from tests.factories import TEST_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 3

SETUP = """
import django
django.setup()
from concordat.core.services import plan_version_import
from concordat.imports.pipeline import parse_plan
from concordat.imports.preview import organisation_registry
from concordat.workspace.services import submission_submit_version
from tests.factories import make_member
from tests.imports.web import make_world, plan_docx

world = make_world()
lead = make_member(world.other, "lead", email="lead@northbank.test")
rows = [["No.", "Action", "Timescale", "Lead", "Status"],
        ["1.1", "Open a North Bank crisis cafe.", "By March 2015", "Essex Police", "Underway"]]
from tests.imports.documents import docx_bytes
parsed = parse_plan(docx_bytes([("table", rows)]), "plan.docx", registry=organisation_registry())
version = plan_version_import(area=world.other, parsed=parsed, actor=lead)
submission = submission_submit_version(version=version, actor=lead)
print(submission.pk)
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def database_url():
    """A database of the suite's kind that the servers share (the test database is private to
    the test's own connection)."""
    if connection.vendor == "postgresql":
        import psycopg

        settings = connection.settings_dict
        name = f"concordat_servers_{uuid.uuid4().hex[:8]}"
        dsn = {
            "host": settings["HOST"],
            "port": settings["PORT"] or 5432,
            "user": settings["USER"],
            "password": settings["PASSWORD"] or None,
            "dbname": "postgres",
            "autocommit": True,
        }
        with psycopg.connect(**dsn) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        user = urllib.parse.quote(settings["USER"])
        auth = (
            f"{user}:{urllib.parse.quote(settings['PASSWORD'])}" if settings["PASSWORD"] else user
        )
        yield f"postgres://{auth}@{settings['HOST']}:{dsn['port']}/{name}"
        with psycopg.connect(**dsn) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        folder = Path(os.environ.get("TMPDIR", "/tmp")) / f"concordat-servers-{uuid.uuid4().hex}"
        folder.mkdir()
        yield f"sqlite:///{folder / 'shared.sqlite3'}"
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()


@pytest.fixture
def servers(database_url, tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_CACHE": "database",
        "DJANGO_DEBUG": "",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "CONCORDAT_SIGNIN_FAILURE_LIMIT": str(LIMIT),
        "CONCORDAT_VAR_DIR": str(tmp_path),  # each server its own local folder: none is shared
        "PYTHONPATH": str(ROOT),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    python = sys.executable
    subprocess.run(
        [python, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    out = subprocess.run(
        [python, "-c", SETUP],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "concordat.settings"},
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    submission = int(out.split()[-1])
    started = []
    for index in range(2):
        port = free_port()
        local = tmp_path / f"server-{index}"
        local.mkdir()
        log = (tmp_path / f"server-{index}.log").open("wb")
        process = subprocess.Popen(
            [
                str(Path(python).with_name("gunicorn")),
                "concordat.wsgi",
                "--workers",
                "1",
                "--bind",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env={**env, "CONCORDAT_VAR_DIR": str(local)},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        started.append((process, f"http://127.0.0.1:{port}", log))
    try:
        for process, base, _log in started:
            wait_for(process, base)
        yield [base for _process, base, _log in started], submission
    finally:
        for process, _base, log in started:
            process.terminate()
            process.wait(timeout=30)
            log.close()


def wait_for(process, base):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, "gunicorn stopped"
        try:
            urllib.request.urlopen(f"{base}/cookies/", timeout=20)  # noqa: S310
            return
        except OSError:  # refused while it starts (URLError is an OSError too)
            time.sleep(0.2)
    raise AssertionError(f"{base} did not start")


class Browser:
    """One reader's cookies, sent to whichever server a request goes to."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )

    def request(self, url, data=None, *, headers=None, content_type=None):
        headers = dict(headers or {})
        if content_type:
            headers["Content-Type"] = content_type
        if data is not None:
            headers["Referer"] = url
        request = urllib.request.Request(url, data=data, headers=headers)
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()

    def csrf(self):
        return next(c.value for c in self.jar if c.name == "csrftoken")

    def form(self, base, path, fields):
        status, _headers, page = self.request(f"{base}{path}")
        assert status == 200, page[:500]
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": self.csrf(), **fields}).encode()
        return self.request(f"{base}{path}", body, content_type="application/x-www-form-urlencoded")

    def sign_in(self, base, email, password=TEST_PASSWORD):
        return self.form(base, "/accounts/login/", {"username": email, "password": password})


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def multipart(fields, files):
    boundary = secrets.token_hex(16)
    parts = []
    for name, value in fields.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    for name, (filename, data) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


@pytest.mark.django_db(transaction=True)
def test_two_servers_share_uploads_sign_in_counts_and_the_page_cache(servers):
    from tests.imports.web import plan_docx

    (one, other), submission = servers

    # An upload through one server, previewed and confirmed through the other.
    editor = Browser()
    assert editor.sign_in(one, "editor@essex.test")[0] == 302
    editor.request(f"{one}/workspace/south-west-essex/import/")
    body, kind = multipart(
        {"csrfmiddlewaretoken": editor.csrf()}, {"plan_file": ("plan.docx", plan_docx())}
    )
    status, headers, _page = editor.request(
        f"{one}/workspace/south-west-essex/import/", body, content_type=kind
    )
    assert status == 302
    preview = headers["Location"]
    status, _headers, page = editor.request(f"{other}{preview}")
    assert status == 200
    assert "Street triage pilot." in html.unescape(page)
    digest = re.search(r'name="digest" value="([^"]+)"', page).group(1)
    status, headers, _page = editor.request(
        f"{other}{preview}confirm/",
        urllib.parse.urlencode(
            {"csrfmiddlewaretoken": editor.csrf(), "digest": digest, "base_version": ""}
        ).encode(),
        content_type="application/x-www-form-urlencoded",
    )
    assert status == 302, _page[:2000]
    status, _headers, page = editor.request(f"{one}{headers['Location']}")
    assert status == 200
    assert "Street triage pilot." in html.unescape(page)

    # Failed sign-ins spread over both servers lock the account at the limit.
    attacker = Browser()
    for attempt in range(LIMIT):
        status, _headers, page = attacker.sign_in(
            (one, other)[attempt % 2], "lead@essex.test", "not the password"
        )
        assert status == (429 if attempt == LIMIT - 1 else 200), attempt
    status, _headers, page = Browser().sign_in(other, "lead@essex.test")
    assert status == 429
    assert "locked" in page.lower()

    # A publication through one server is visible at once on the other's cached pages.
    reader = Browser()
    plan = "/areas/north-bank/plan/"
    status, first, page = reader.request(f"{other}{plan}")
    assert status == 200 and "Open a North Bank crisis cafe." not in page
    assert reader.request(f"{other}{plan}", headers={"If-None-Match": first["ETag"]})[0] == 304
    office = Browser()
    assert office.sign_in(one, "office@concordat.test")[0] == 302
    status, _headers, _page = office.form(
        one,
        f"/workspace/review/{submission}/",
        # A two-action plan meets few of the minimum expectations: publishing says why.
        {"decision": "publish", "not_met_reason": "A small plan published to test two servers."},
    )
    assert status == 302
    for base in (other, one):
        status, again, page = reader.request(
            f"{base}{plan}", headers={"If-None-Match": first["ETag"]}
        )
        assert status == 200
        assert "Open a North Bank crisis cafe." in html.unescape(page)
        assert again["ETag"] != first["ETag"]
