"""Readers and editors at once, over HTTP: the driver behind `make load` (bench/load.py) and
its short seeded version in the suite (test_load_integrity.py).

Each simulated person is a thread with its own cookies, driving the site as a browser does:
it fetches a form, sends back every field the form carries (its CSRF and one-time tokens
too) with its own changes, and follows the answer. Kinds of work:

- read: a public page (the national picture, areas, an area, its plan, an action, the plan
  CSV, the API, search);
- progress: an area editor posts a progress update on a published action, with a note that
  names it uniquely; one post in five is sent twice with the same form (a double click);
- import: an area lead uploads a plan (CSV, a unique title, N actions), confirms the preview
  and sends the draft for publication;
- publish: the Concordat office publishes that submission.

Every accepted write is recorded (`Ledger`), so that `integrity()` can check afterwards that
each is in the database exactly once and that nothing is half-saved.
"""

import contextlib
import csv
import io
import random
import re
import statistics
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookiejar import Cookie, CookieJar

PROGRESS_PREFIX = "Load note"
IMPORT_PREFIX = "Load plan"


class Forms(HTMLParser):
    """Every <form> of a page: its action and the fields a browser would send as they are."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self._form, self._textarea, self._select = [], None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {"action": attrs.get("action") or "", "fields": []}
            self.forms.append(self._form)
        elif self._form is None or "name" not in attrs and tag != "option":
            return
        elif tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("submit", "button", "file", "image"):
                self._form["fields"].append((attrs["name"], attrs.get("value") or ""))
        elif tag == "textarea":
            self._textarea = [attrs["name"], ""]
        elif tag == "select":
            self._select = [attrs["name"], None]
        elif (
            tag == "option"
            and self._select is not None
            and (self._select[1] is None or "selected" in attrs)
        ):
            self._select[1] = attrs.get("value", "")

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea" and self._textarea is not None and self._form is not None:
            self._form["fields"].append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select" and self._select is not None and self._form is not None:
            self._form["fields"].append((self._select[0], self._select[1] or ""))
            self._select = None


def forms_of(html):
    parser = Forms()
    parser.feed(html)
    return parser.forms


class Refused(Exception):
    """An answer that was not what the step needed (status, or no form to send)."""


class Browser:
    def __init__(self, base, session_key=None):
        self.base = base
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )
        if session_key:
            host = urllib.parse.urlsplit(base).hostname
            self.jar.set_cookie(_cookie("sessionid", session_key, host))

    def request(self, path, data=None, *, content_type=None, follow=True):
        """(status, final path, body text)."""
        url = path if path.startswith("http") else self.base + path
        headers = {"Referer": url}
        if content_type:
            headers["Content-Type"] = content_type
        request = urllib.request.Request(url, data=data, headers=headers)  # noqa: S310
        try:
            with self.opener.open(request, timeout=120) as response:
                status, body, location = response.status, response.read(), None
        except urllib.error.HTTPError as answer:
            status, body = answer.code, answer.read()
            location = answer.headers.get("Location")
        if follow and status in (301, 302, 303) and location:
            return self.request(urllib.parse.urljoin(url, location), follow=True)
        return status, urllib.parse.urlsplit(url).path, body.decode("utf-8", "replace"), location

    def get(self, path):
        return self.request(path)

    def send_form(self, path, *, action_ends="", changes=(), files=None, repeat=1):
        """Fetch `path`, send its form (the first whose action ends with `action_ends`) with
        `changes`, `repeat` times with the same tokens. The answers' (status, location)."""
        status, final, html, _location = self.get(path)
        if status != 200:
            raise Refused(f"GET {path} answered {status}")
        # A form without an action posts to the page itself.
        chosen = [
            f for f in forms_of(html) if (f["action"] or final).split("?")[0].endswith(action_ends)
        ]
        if not chosen:
            raise Refused(f"no form ending {action_ends!r} on {path}")
        form = chosen[0]
        changed = dict(changes)
        fields = [(k, v) for k, v in form["fields"] if k not in changed]
        fields += [(k, v) for k, values in changed.items() for v in _listed(values)]
        target = urllib.parse.urljoin(self.base + final, form["action"] or final)
        if files:
            body, content_type = _multipart(fields, files)
        else:
            body = urllib.parse.urlencode(fields).encode()
            content_type = "application/x-www-form-urlencoded"
        answers = []
        for _ in range(repeat):
            status, _final, html, location = self.request(
                target, body, content_type=content_type, follow=False
            )
            answers.append((status, location, html))
        return answers


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _listed(values):
    return values if isinstance(values, list | tuple) else [values]


def _cookie(name, value, host):
    return Cookie(
        0,
        name,
        value,
        None,
        False,
        host,
        False,
        False,
        "/",
        True,
        False,
        None,
        False,
        None,
        None,
        {},
    )


def _multipart(fields, files):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields:
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    for name, (filename, data) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: text/csv\r\n\r\n'
        )
        parts.append(head.encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


@dataclass
class Ledger:
    """What the run did: timings and errors per kind, and every write the site accepted."""

    timings: dict = field(default_factory=lambda: defaultdict(list))
    errors: dict = field(default_factory=lambda: defaultdict(list))
    notes: list = field(default_factory=list)  # accepted progress notes
    double_posts: int = 0
    imports: dict = field(default_factory=dict)  # title -> number of actions
    published: set = field(default_factory=set)  # titles
    lock: threading.Lock = field(default_factory=threading.Lock)

    def timed(self, kind, began, error=None):
        with self.lock:
            self.timings[kind].append((time.perf_counter() - began) * 1000)
            if error:
                self.errors[kind].append(error)

    def table(self):
        rows = []
        for kind in ("read", "progress", "import", "publish"):
            times = sorted(self.timings.get(kind, []))
            if not times:
                continue
            p95 = times[min(len(times) - 1, max(0, round(0.95 * len(times)) - 1))]
            rows.append(
                (kind, len(times), len(self.errors.get(kind, [])), statistics.median(times), p95)
            )
        return rows


@dataclass
class Person:
    kind: str  # "read", "progress", "import" or "publish"
    session_key: str = ""
    area: str = ""
    actions: list = field(default_factory=list)  # workspace action pks (progress)
    pages: list = field(default_factory=list)  # public paths (read)
    actions_per_import: int = 20


def plan_csv(title, count, rng):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([title])
    writer.writerow(["No.", "Action", "Timescale", "Lead", "Status"])
    for n in range(1, count + 1):
        writer.writerow(
            [
                f"{1 + n % 5}.{n}",
                f"{title}: action {n} ({rng.randrange(10**6)})",
                "March 2027",
                "",
                "Not started",
            ]
        )
    return out.getvalue().encode()


def run_person(person, base, ledger, deadline, seed, handoff):
    rng = random.Random(seed)
    browser = Browser(base, person.session_key)
    count = 0
    # Everyone works at least once; the office stays until the last submission is decided.
    while (
        count == 0 or time.monotonic() < deadline or (person.kind == "publish" and handoff.active)
    ):
        count += 1
        began = time.perf_counter()
        try:
            if person.kind == "read":
                path = rng.choice(person.pages)
                status, *_rest = browser.get(path)
                if status != 200:
                    raise Refused(f"{path} answered {status}")
            elif person.kind == "progress":
                _progress(browser, person, ledger, rng, count)
            elif person.kind == "import":
                _import(browser, person, ledger, rng, count, handoff)
            else:
                if not _publish(browser, ledger, handoff):
                    time.sleep(0.2)
                    continue
            ledger.timed(person.kind, began)
        except Exception as error:  # noqa: BLE001 - every failure is counted by kind
            ledger.timed(person.kind, began, f"{type(error).__name__}: {error}")
            time.sleep(0.2)


def _progress(browser, person, ledger, rng, count):
    pk = rng.choice(person.actions)
    note = f"{PROGRESS_PREFIX} {person.session_key[:8]} {count} {uuid.uuid4().hex[:8]}"
    twice = rng.random() < 0.2
    answers = browser.send_form(
        f"/workspace/{person.area}/actions/{pk}/progress/",
        action_ends="progress/",
        changes={"note": note},
        repeat=2 if twice else 1,
    )
    statuses = [status for status, _location, _html in answers]
    if statuses[0] != 302:
        raise Refused(f"progress answered {statuses}: {_error_text(answers[0][2])}")
    if twice and statuses[1] not in (302, 303):
        raise Refused(f"the repeated post answered {statuses[1]}")
    with ledger.lock:
        ledger.notes.append(note)
        ledger.double_posts += twice


def _import(browser, person, ledger, rng, count, handoff):
    with handoff.condition:
        handoff.active += 1
    try:
        _import_once(browser, person, ledger, rng, count, handoff)
    finally:
        with handoff.condition:
            handoff.active -= 1


def _import_once(browser, person, ledger, rng, count, handoff):
    title = f"{IMPORT_PREFIX} {person.area} {count} {uuid.uuid4().hex[:8]}"
    data = plan_csv(title, person.actions_per_import, rng)
    [(status, location, html)] = browser.send_form(
        f"/workspace/{person.area}/import/",
        action_ends="import/",
        files={"plan_file": ("plan.csv", data)},
    )
    if status != 302:
        raise Refused(f"upload answered {status}: {_error_text(html)}")
    # The new plan replaces the published one whole: the lead confirms the actions it drops.
    [(status, location, html)] = browser.send_form(
        location, action_ends="confirm/", changes={"confirm_drops": "on"}
    )
    if status != 302:
        raise Refused(f"confirm answered {status}: {_error_text(html)}")
    with ledger.lock:
        ledger.imports[title] = person.actions_per_import
    [(status, location, html)] = browser.send_form(
        f"/workspace/{person.area}/submit/", action_ends="submit/", changes={"note": title}
    )
    if status != 302 or "/submissions/" not in (location or ""):
        raise Refused(f"submit answered {status}: {_error_text(html)}")
    handoff.put((title, int(location.rstrip("/").rsplit("/", 1)[1]), person.area))
    # The next import waits until this one is published (an area has one working version).
    handoff.wait_published(title)


def _publish(browser, ledger, handoff):
    item = handoff.take()
    if item is None:
        return False
    title, pk, _area = item
    try:
        status, _final, html, _location = browser.get(f"/workspace/review/{pk}/")
        checks = [v for form in forms_of(html) for k, v in _checkboxes(html) if form is not None][
            :0
        ] or [value for _name, value in _checkboxes(html)]
        [(status, location, html)] = browser.send_form(
            f"/workspace/review/{pk}/",
            action_ends=f"/review/{pk}/",
            changes={
                "decision": "publish",
                "confirmed": checks,
                "not_met_reason": "Published by the load test.",
            },
        )
        if status != 302:
            raise Refused(f"publish answered {status}: {_error_text(html)}")
        with ledger.lock:
            ledger.published.add(title)
    finally:
        handoff.done(title)
    return True


CHECKBOX = re.compile(r'<input[^>]*name="confirmed"[^>]*value="([^"]+)"')


def _checkboxes(html):
    return [("confirmed", value) for value in CHECKBOX.findall(html)]


def _error_text(html):
    found = re.search(r'govuk-error-summary__list">(.*?)</ul>', html or "", re.S)
    text = re.sub(r"<[^>]+>", " ", found.group(1)) if found else (html or "")[:200]
    return " ".join(text.split())[:300]


class Handoff:
    """Submissions waiting for the office, and the importers waiting for them."""

    def __init__(self):
        self.condition = threading.Condition()
        self.waiting, self.finished, self.active = [], set(), 0

    def put(self, item):
        with self.condition:
            self.waiting.append(item)
            self.condition.notify_all()

    def take(self):
        with self.condition:
            return self.waiting.pop(0) if self.waiting else None

    def done(self, title):
        with self.condition:
            self.finished.add(title)
            self.condition.notify_all()

    def wait_published(self, title, seconds=300):
        with self.condition:
            self.condition.wait_for(lambda: title in self.finished, timeout=seconds)


def run(people, base, seconds, *, seed=14):
    """Everyone at once for `seconds`; the Ledger."""
    ledger, handoff = Ledger(), Handoff()
    deadline = time.monotonic() + seconds
    threads = [
        threading.Thread(
            target=run_person, args=(person, base, ledger, deadline, seed + index, handoff)
        )
        for index, person in enumerate(people)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return ledger


def session_for(user):
    """A signed-in session for `user`, as signing in leaves it; its key."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


class Server:
    """gunicorn serving the project on a free port against `database_url` (`env` adds to or
    overrides the environment it inherits). bench/load.py and bench/throughput.py use it too."""

    def __init__(
        self, *, database_url, workers=2, root=None, env=None, timeout=120, ready_path=None
    ):
        import os
        import socket
        import subprocess
        import sys
        import tempfile
        from pathlib import Path

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.NamedTemporaryFile(prefix="concordat-load-", suffix=".log")  # noqa: SIM115
        environment = {
            **os.environ,
            "DATABASE_URL": database_url,
            "DJANGO_DEBUG": "",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            **(env or {}),
        }
        command = [
            str(Path(sys.executable).with_name("gunicorn")),
            "concordat.wsgi",
            f"--workers={workers}",
            f"--bind=127.0.0.1:{self.port}",
            f"--timeout={timeout}",
            "--graceful-timeout=5",
            "--log-level=warning",
        ]
        root = root or Path(__file__).resolve().parent.parent.parent
        # A session of its own, so that stop() ends the workers with their master.
        self.process = subprocess.Popen(
            command,
            cwd=root,
            env=environment,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped: {self.output()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not start within 60 s") from None
                time.sleep(0.2)
        if ready_path:
            self._wait_for_workers(ready_path, workers)

    def _wait_for_workers(self, path, workers):
        """Until every worker answers `path` quickly: gunicorn's master listens before its
        workers have loaded Django (seconds on a busy machine), and a timing that began then
        would count the boot."""
        deadline = time.monotonic() + 120
        quick = 0
        while quick < 4 * workers:
            if time.monotonic() > deadline:
                raise RuntimeError("gunicorn's workers did not answer within 120 s")
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped: {self.output()}")
            began = time.monotonic()
            try:
                with urllib.request.urlopen(self.base + path, timeout=5):  # noqa: S310
                    pass
            except urllib.error.HTTPError:
                pass  # any answer comes from a worker that has booted
            except OSError:
                quick = 0
                time.sleep(0.2)
                continue
            quick = quick + 1 if time.monotonic() - began < 0.5 else 0

    def get(self, path):
        """(status, body) of a GET of `path`; an error status raises with gunicorn's log."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=60) as response:  # noqa: S310
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            raise RuntimeError(
                f"{path} answered {error.code}; gunicorn said:\n{self.output()}"
            ) from error

    def output(self):
        self.log.flush()
        with open(self.log.name, errors="replace") as log:
            return log.read()[-4000:]

    def stop(self):
        """SIGTERM to gunicorn and its workers; SIGKILL to all of them if they linger."""
        import os
        import signal
        import subprocess

        group = os.getpgid(self.process.pid)
        os.killpg(group, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=20)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(group, signal.SIGKILL)  # workers still finishing a request
        self.process.wait()
        self.log.close()


def integrity(ledger):
    """Problems found in the database after a run (an empty list when all is well)."""
    from django.db.models import Count

    from concordat.core.models import Action, PlanVersion, ProgressUpdate

    problems = []
    saved = defaultdict(int)
    for note in ProgressUpdate.objects.filter(note__startswith=PROGRESS_PREFIX).values_list(
        "note", flat=True
    ):
        saved[note] += 1
    accepted = set(ledger.notes)
    problems += [f"accepted update missing: {n}" for n in accepted if saved[n] == 0]
    problems += [f"update saved {saved[n]} times: {n}" for n in saved if saved[n] > 1]
    problems += [f"update saved but never accepted: {n}" for n in saved if n not in accepted]
    versions = {
        v.title: v
        for v in PlanVersion.objects.filter(title__startswith=IMPORT_PREFIX).annotate(
            actions_count=Count("actions")
        )
    }
    for title, count in ledger.imports.items():
        version = versions.get(title)
        if version is None:
            problems.append(f"accepted import missing: {title}")
        elif version.actions_count != count:
            problems.append(f"import {title} has {version.actions_count} of {count} actions")
    titles = list(
        PlanVersion.objects.filter(title__startswith=IMPORT_PREFIX).values_list("title", flat=True)
    )
    problems += [f"import saved twice: {t}" for t in set(titles) if titles.count(t) > 1]
    for title in ledger.published:
        version = versions.get(title)
        if version is None or version.state != "published" or version.published_at is None:
            problems.append(f"accepted publication not saved whole: {title}")
    # Half-saved rows anywhere: a version without actions, a published version without its
    # date, a draft or submitted version with a publication date, an action without a version.
    empty = PlanVersion.objects.annotate(n=Count("actions")).filter(n=0)
    problems += [f"version without actions: {v.pk}" for v in empty]
    undated = PlanVersion.objects.filter(state="published", published_at__isnull=True)
    problems += [f"published version without a date: {v.pk}" for v in undated]
    dated = PlanVersion.objects.exclude(state="published").filter(published_at__isnull=False)
    problems += [f"unpublished version with a publication date: {v.pk}" for v in dated]
    orphans = Action.objects.filter(version__isnull=True).count()
    if orphans:
        problems.append(f"{orphans} actions without a version")
    return problems
