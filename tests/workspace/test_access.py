"""Every workspace page and form, for every role: it works, outsiders get 404 (another area's
draft is never leaked), people who may look but not change get 403, anonymous visitors are
sent to sign in. Refused POSTs change nothing."""

import pytest
from django.contrib.auth.models import AnonymousUser

from concordat.core.models import AuditEntry, ProgressUpdate
from concordat.core.services import action_update
from concordat.workspace.models import Submission, SubmissionComment
from concordat.workspace.services import submission_return, submission_submit_version

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "outsider",
    "area_editor",
    "other_area_editor",
    "area_lead",
    "signatory_editor",
    "other_signatory_editor",
    "office_user",
    "administrator",
]

# Expected answer per role, in the order of ROLES: "ok" (200, or a redirect that is not to
# the sign-in page), "login", 403 or 404.
VIEWERS = ["login", 404, "ok", 404, "ok", "ok", 404, "ok", "ok"]
EDITORS = ["login", 404, "ok", 404, "ok", 403, 404, 403, "ok"]
UPDATERS = ["login", 404, "ok", 404, "ok", "ok", 404, 403, "ok"]
DETAILS = ["login", 404, 403, 404, "ok", 403, 404, "ok", "ok"]
SUBMITTERS = ["login", 404, 403, 404, "ok", 403, 404, 403, "ok"]
REPLIERS = ["login", 404, "ok", 404, "ok", 403, 404, 403, "ok"]
OFFICE = ["login", 403, 403, 403, 403, 403, 403, "ok", "ok"]
SIGNED_IN = ["login", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"]


@pytest.fixture
def draft_world(world, area_editor):
    """The world with a draft: action 3.1 edited, so a draft Version 2 exists."""
    action_update(action=world.action("3.1"), actor=area_editor, subtheme="Places of safety")
    return world


def action_url(world, ref, suffix=""):
    return f"/workspace/riverside/actions/{world.current(ref).pk}/{suffix}"


GETS = {
    "home": (lambda w: "/workspace/", SIGNED_IN),
    "area": (lambda w: "/workspace/riverside/", VIEWERS),
    "action": (lambda w: action_url(w, "1.1"), VIEWERS),
    "action edit": (lambda w: action_url(w, "1.1", "edit/"), EDITORS),
    "action add": (lambda w: "/workspace/riverside/actions/new/", EDITORS),
    "action retire": (lambda w: action_url(w, "2.1", "retire/"), EDITORS),
    "order": (lambda w: "/workspace/riverside/order/", EDITORS),
    "progress on a led action": (lambda w: action_url(w, "1.1", "progress/"), UPDATERS),
    "progress on an unled action": (lambda w: action_url(w, "2.1", "progress/"), EDITORS),
    "update round": (lambda w: "/workspace/riverside/updates/", UPDATERS),
    "details": (lambda w: "/workspace/riverside/details/", DETAILS),
    "history": (lambda w: "/workspace/riverside/history/", VIEWERS),
    "changes": (lambda w: "/workspace/riverside/changes/", VIEWERS),
    "submit": (lambda w: "/workspace/riverside/submit/", SUBMITTERS),
    "review queue": (lambda w: "/workspace/review/", OFFICE),
    "reminders": (lambda w: "/workspace/reminders/", SIGNED_IN),
}


def login(client, request, role):
    user = AnonymousUser() if role == "anonymous" else request.getfixturevalue(role)
    if role != "anonymous":
        client.force_login(user)
    return user


def check(response, expected):
    if expected == "login":
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")
    elif expected == "ok":
        assert response.status_code in (200, 302), response.status_code
        if response.status_code == 302:
            assert not response["Location"].startswith("/accounts/login/")
    else:
        assert response.status_code == expected


@pytest.mark.parametrize("role_index", range(len(ROLES)), ids=ROLES)
@pytest.mark.parametrize("page", list(GETS))
def test_pages(client, request, draft_world, page, role_index):
    role = ROLES[role_index]
    login(client, request, role)
    url, expected = GETS[page]
    check(client.get(url(draft_world)), expected[role_index])


def _submitted(world, area_lead):
    return submission_submit_version(version=world.current("1.1").version, actor=area_lead)


def _returned(world, area_lead, office_user):
    submission = _submitted(world, area_lead)
    return submission_return(submission=submission, actor=office_user, comments="Add a lead")


def _review_url(request, world):
    submission = _submitted(world, request.getfixturevalue("area_lead"))
    return f"/workspace/review/{submission.pk}/"


def _reply_url(request, world):
    submission = _returned(
        world, request.getfixturevalue("area_lead"), request.getfixturevalue("office_user")
    )
    return f"/workspace/riverside/submissions/{submission.pk}/reply/"


def _edit_data(world):
    action = world.current("1.1")
    return {
        "lock_version": action.lock_version,
        "ref": "1.1",
        "section": action.section_id,
        "text": "Agree a crisis plan for all ages",
        "timescale": action.timescale,
        "start": "",
        "due": "31/05/2015",
        "lead": action.lead,
        "lead_organisations": "Testland Health Board",
        "outcomes": "Fewer under-18s in police cells",
        "status": action.status,
        "canonical_status": action.canonical_status,
        "rag": action.rag,
    }


# name: (url, data, expected per role, what must not change for a refused role)
POSTS = {
    "edit": (
        lambda r, w: action_url(w, "1.1", "edit/"),
        _edit_data,
        EDITORS,
        lambda: AuditEntry.objects.filter(field="text").count(),
    ),
    "progress": (
        lambda r, w: action_url(w, "1.1", "progress/"),
        lambda w: {"on": "1/1/2016", "note": "Plan agreed by the board"},
        UPDATERS,
        lambda: ProgressUpdate.objects.count(),
    ),
    "update round": (
        lambda r, w: "/workspace/riverside/updates/",
        lambda w: {"on": "1/1/2016", f"note_{w.current('1.1').identity_id}": "Agreed"},
        UPDATERS,
        lambda: ProgressUpdate.objects.count(),
    ),
    "details": (
        lambda r, w: "/workspace/riverside/details/",
        lambda w: {"chair": "Cllr Chair", "review_cycle_months": "6"},
        DETAILS,
        lambda: AuditEntry.objects.filter(field="chair").count(),
    ),
    "order": (
        lambda r, w: "/workspace/riverside/order/move/",
        lambda w: {"identity": w.current("1.2").identity_id, "direction": "up"},
        EDITORS,
        lambda: AuditEntry.objects.filter(verb="reordered").count(),
    ),
    "submit": (
        lambda r, w: "/workspace/riverside/submit/",
        lambda w: {"note": "Ready"},
        SUBMITTERS,
        lambda: Submission.objects.count(),
    ),
    "discard": (
        lambda r, w: "/workspace/riverside/discard/",
        lambda w: {},
        SUBMITTERS,
        lambda: AuditEntry.objects.filter(verb="discarded draft").count(),
    ),
    "review": (
        _review_url,
        lambda w: {"decision": "return", "comments": "Add a lead for 3.1"},
        OFFICE,
        lambda: Submission.objects.filter(state="returned").count(),
    ),
    "reply": (
        _reply_url,
        lambda w: {"body": "Done"},
        REPLIERS,
        lambda: SubmissionComment.objects.filter(kind="reply").count(),
    ),
}


@pytest.mark.parametrize("role_index", range(len(ROLES)), ids=ROLES)
@pytest.mark.parametrize("form", list(POSTS))
def test_forms(client, request, draft_world, form, role_index):
    role = ROLES[role_index]
    url, data, expected, measure = POSTS[form]
    address = url(request, draft_world)
    login(client, request, role)
    before = measure()
    response = client.post(address, data(draft_world))
    check(response, expected[role_index])
    if expected[role_index] == "ok":
        assert measure() != before, f"{form} as {role} changed nothing"
    else:
        assert measure() == before


def test_another_areas_action_is_404_even_for_its_own_editors(client, world, other_area_editor):
    client.force_login(other_area_editor)
    action = world.action("1.1")
    assert client.get(f"/workspace/hillside/actions/{action.pk}/").status_code == 404


def test_an_action_under_another_areas_address_is_404(client, world, area_editor):
    client.force_login(area_editor)
    national = world.action("1.1", world.national_v1)
    assert client.get(f"/workspace/riverside/actions/{national.pk}/").status_code == 404


def test_the_signatory_editor_updates_national_actions_of_their_organisation_only(
    client, world, signatory_editor
):
    client.force_login(signatory_editor)
    led = world.action("1.1", world.national_v1)
    other = world.action("1.2", world.national_v1)
    assert client.get(f"/workspace/england/actions/{led.pk}/progress/").status_code == 200
    assert client.get(f"/workspace/england/actions/{other.pk}/progress/").status_code == 403
    assert client.get(f"/workspace/england/actions/{led.pk}/edit/").status_code == 403


@pytest.mark.parametrize(
    "url, data",
    [
        ("/workspace/riverside/details/", {"chair": "Forged", "review_cycle_months": "6"}),
        ("/workspace/riverside/updates/", {"on": "1/1/2016"}),
        ("/workspace/reminders/", {}),
    ],
)
def test_every_form_needs_its_csrf_token(world, area_lead, url, data):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(area_lead)
    assert client.post(url, data).status_code == 403
    assert not AuditEntry.objects.filter(field="chair").exists()
    page = client.get(url).content.decode()
    assert 'name="csrfmiddlewaretoken"' in page


def test_text_people_typed_is_shown_as_text(client, world, area_editor):
    action_update(
        action=world.action("2.1"),
        actor=area_editor,
        text='<script>alert("x")</script> Open a café',
        lead="<b>Mind</b>",
    )
    client.force_login(area_editor)
    page = client.get(f"/workspace/riverside/actions/{world.current('2.1').pk}/")
    html = page.content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Open a café" in html
    assert "&lt;b&gt;Mind&lt;/b&gt;" in html


def test_typed_text_is_escaped_inside_the_form_fields_too(client, world, area_editor):
    action_update(
        action=world.action("2.1"),
        actor=area_editor,
        text="</textarea><script>alert(1)</script>",
        subtheme='Cafés "open" <late>',
    )
    client.force_login(area_editor)
    html = client.get(f"/workspace/riverside/actions/{world.current('2.1').pk}/edit/")
    html = html.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;</textarea>" in html
    assert 'value="Cafés &quot;open&quot; &lt;late&gt;"' in html
    assert '<option value="in_progress" selected>In progress</option>' in html
