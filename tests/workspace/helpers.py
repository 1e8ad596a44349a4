import html
import re

from django.utils.html import strip_tags


def words(response):
    """The page's text as people read it: tags gone, entities decoded, whitespace collapsed."""
    return re.sub(r"\s+", " ", html.unescape(strip_tags(response.content.decode()))).strip()
