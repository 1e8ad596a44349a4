"""Small helpers for reading the public pages in tests."""

import csv
import io
import re


def squash(html):
    return " ".join(html.split())


def page(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, f"{path} answered {response.status_code}"
    return squash(response.content.decode())


def csv_rows(response):
    body = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(body))), body


def card_titles(html):
    """The "Action …" titles of the summary cards on a page, in order."""
    return re.findall(r'class="govuk-summary-card__title">\s*Action (\S+)', html)


def card(html, ref):
    """The HTML of the summary card for action `ref`."""
    start = html.index(f'class="govuk-summary-card__title"> Action {ref} ')
    end = html.find('<div class="govuk-summary-card"', start)
    return html[start : end if end != -1 else len(html)]
