"""No text written by the public appears anywhere public before it is moderated and
answered: every public address, feed, listing and download is crawled for the marker of
each unpublished question."""

import re
import zipfile

from concordat.api.downloads import build_downloads

from .conftest import make_question

HIDDEN = {
    "unconfirmed": "HIDDEN-UNCONFIRMED-7f1",
    "waiting": "HIDDEN-WAITING-7f2",
    "accepted": "HIDDEN-ACCEPTED-7f3",
    "rejected": "HIDDEN-REJECTED-7f4",
}
SHOWN = "SHOWN-PUBLISHED-7f5"


def _body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def _links(html):
    for href in re.findall(r'href="(/[^"#?]*)', html):
        if not href.startswith(("/static/", "/workspace/", "/accounts/", "/admin/")):
            yield href


def test_no_unmoderated_text_on_any_public_address(client, world, settings, tmp_path):
    # Through the settings fixture, which restores it: override_settings used as a decorator
    # beside that fixture left publications without a ZIP rebuild for every later test.
    settings.CONCORDAT_BUILD_DOWNLOADS_ON_PUBLISH = False
    settings.MEDIA_ROOT = tmp_path
    for state, marker in HIDDEN.items():
        make_question(world, body=f"{marker} about the line", state=state, days_ago=40)
    make_question(world, body=f"{SHOWN} why?", state="published", reply=f"{SHOWN}-REPLY")
    report_question = make_question(world, body="x", state="waiting", days_ago=40)
    assert report_question.pk

    start = [
        "/",
        "/areas/",
        "/areas/disagreement/",
        "/areas/disagreement.csv",
        "/areas/riverside/",
        "/areas/riverside/plan/",
        "/areas/riverside/plan.csv",
        "/areas/riverside/plan/actions/1.1/",
        "/areas/riverside/plan/actions/1.1/ask/",
        f"/areas/riverside/reports/{world.report.pk}/",
        "/areas/riverside/feed.atom",
        "/areas/riverside/due.ics",
        "/feeds/publications.atom",
        "/search/?q=line",
        "/search/?q=HIDDEN",
        "/api/questions",
        "/api/questions.csv",
        "/api/verdicts",
        "/api/evidence",
        "/api/updates",
        "/api/actions",
        "/api/actions.csv",
        "/downloads/",
    ]
    seen, queue, bodies = set(), list(start), {}
    while queue and len(seen) < 400:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200:
            continue
        body = _body(response) if "zip" not in response.get("Content-Type", "") else ""
        bodies[path] = body
        if response.get("Content-Type", "").startswith("text/html"):
            queue.extend(link for link in _links(body) if link not in seen)

    assert len(bodies) >= 30, sorted(bodies)
    for path, body in bodies.items():
        for marker in HIDDEN.values():
            assert marker not in body, f"{marker} leaked on {path}"
    assert SHOWN in bodies["/areas/riverside/plan/actions/1.1/"]
    assert SHOWN in bodies["/areas/riverside/feed.atom"]
    assert SHOWN in bodies["/api/questions"]
    assert SHOWN in bodies["/api/questions.csv"]
    # The area's page lists the old unanswered questions by what they are about, not text.
    assert "Questions unanswered for more than 20 working days" in bodies["/areas/riverside/"]

    path, _counts = build_downloads(path=tmp_path / "open.zip")
    with zipfile.ZipFile(path) as archive:
        everything = "\n".join(archive.read(name).decode() for name in archive.namelist())
    for marker in HIDDEN.values():
        assert marker not in everything
    assert SHOWN in everything
