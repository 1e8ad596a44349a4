import html
import re

BLOCK = re.compile(
    r"</?(?:p|li|ul|ol|td|th|tr|dd|dt|dl|div|br|h[1-6]|option|label|legend|caption|summary)"
    r"\b[^>]*>",
    re.IGNORECASE,
)
TAG = re.compile(r"<[^>]+>")


def words(response):
    """The page's text as people read it: block elements apart, inline tags gone, entities
    decoded, whitespace collapsed."""
    text = TAG.sub("", BLOCK.sub(" ", response.content.decode()))
    return re.sub(r"\s+", " ", html.unescape(text)).strip()
