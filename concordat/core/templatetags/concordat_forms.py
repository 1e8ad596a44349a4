"""`{% form_token %}`, beside `{% csrf_token %}` in every form that saves something.

It writes a hidden field with a token made for this page. `OncePerFormMiddleware` acts on a
post carrying a given token once: the same form posted again is sent where the first post
went, and nothing is saved twice. The tag is a builtin (settings.TEMPLATES), so no `{% load %}`
is needed.
"""

from django import template
from django.utils.html import format_html

from concordat.core.forms_once import FIELD, new_token

register = template.Library()


@register.simple_tag
def form_token():
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, new_token())
