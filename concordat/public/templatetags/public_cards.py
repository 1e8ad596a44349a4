from django import template

from concordat.public.cards import render_card

register = template.Library()


@register.simple_tag
def action_card(item, heading, link=False, hide_progress=False):
    """An action's card (public/includes/action_card.html), rendered once for what it shows."""
    return render_card(item, heading=heading, link=link, hide_progress=hide_progress)
