from django import template

from concordat.goodpractice.services import can_mark

register = template.Library()


@register.simple_tag(takes_context=True)
def may_mark_good_practice(context, area):
    request = context.get("request")
    return bool(request and can_mark(request.user, area))
