from django import template

from concordat.accounts.permissions import can_mark_good_practice

register = template.Library()


@register.simple_tag(takes_context=True)
def may_mark_good_practice(context, area):
    request = context.get("request")
    return bool(request and can_mark_good_practice(request.user, area))
