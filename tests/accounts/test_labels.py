"""The form labels of accounts, voice, alerts, good practice and reminders that repeat a
field's words read them from the model (`field_label`); the words people see stay as they were."""

from concordat.accounts.forms import AcceptInvitationForm, InvitationForm
from concordat.accounts.models import Invitation
from concordat.alerts.forms import FollowForm
from concordat.core.labels import field_label
from concordat.goodpractice.forms import MarkForm
from concordat.voice.forms import AskForm, PanelForm
from concordat.voice.models import Question, Verdict
from concordat.workspace.forms import ReminderPreferenceForm
from concordat.workspace.models import ReminderKind, ReminderPreference
from concordat.workspace.selectors import field_label as history_label


def test_the_models_name_their_fields():
    assert field_label(Invitation, "panel") == "Review panel"
    assert field_label(Question, "rejection_reason") == "Reason for rejecting"
    assert field_label(Verdict, "rag") == "RAG"
    assert field_label(ReminderPreference, "actions_stale") == ReminderKind.ACTIONS_STALE.label


def test_the_forms_keep_their_labels():
    assert AcceptInvitationForm.base_fields["name"].label == "Full name"
    invitation = InvitationForm.base_fields
    assert [invitation["email"].label, invitation["role"].label] == ["Email address", "Role"]
    assert AskForm.base_fields["email"].label == "Email address"
    panel = PanelForm.base_fields
    assert [panel["name"].label, panel["description"].label] == [
        "Name",
        "About the group (optional)",
    ]
    follow = FollowForm.base_fields
    assert [follow["email"].label, follow["frequency"].label] == ["Email address", "How often"]
    assert MarkForm.base_fields["theme"].label == "Theme (optional)"


def test_the_reminder_choices_are_labelled_by_their_kind():
    form = ReminderPreferenceForm(kinds=list(ReminderKind))
    assert [field.label for field in form.fields.values()] == [
        "Our plan's review is coming up",
        "Our plan's review is overdue",
        "Actions have fallen overdue",
        "Actions have had no progress update for six months",
        "Daily digest for the Concordat office",
        "Questions from the public unanswered for 20 working days",
    ]


def test_the_history_labels_from_the_models_keep_their_words():
    assert [
        history_label(name)
        for name in ("text", "rag", "retired_reason", "srg_link", "review_cycle_months", "due")
    ] == [
        "Action",
        "RAG",
        "Reason for retiring",
        "Link to the System Resilience Group",
        "Review cycle (months)",
        "Due date",
    ]
