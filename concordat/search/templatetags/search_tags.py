from django import template

from concordat.search.selectors import similar_actions as find_similar

register = template.Library()


@register.simple_tag
def similar_actions(action, limit=5):
    """Published actions of other areas like this one: `{% similar_actions action as items %}`."""
    return find_similar(action, limit=limit)
