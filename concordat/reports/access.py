"""Who may write progress reports and enter metric values, from the permission rules in
`concordat.accounts.permissions`: the area's editors and lead, and the Concordat office."""

from django.core.exceptions import PermissionDenied

from concordat.accounts import permissions


def can_write_reports(user, area):
    return permissions.is_office(user) or permissions.is_area_member(user, area)


def require_writer(user, area):
    if not can_write_reports(user, area):
        raise PermissionDenied


def can_submit_report(user, area):
    return permissions.can_change_state(user, area, "report", "submit")
