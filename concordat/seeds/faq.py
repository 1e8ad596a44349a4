"""Seed 002, the Concordat's frequently asked questions: national organisations and roles."""

import re
from dataclasses import dataclass, field

QUESTION = re.compile(r"^\d+\.\s")


@dataclass
class RoleText:
    summary: str = ""
    commitments: list[str] = field(default_factory=list)


@dataclass
class Faq:
    signatories: list[str]
    supporters: list[str]
    signatory_role: RoleText
    supporter_role: RoleText


def _lines_after(lines, start_pattern):
    for index, line in enumerate(lines):
        if re.search(start_pattern, line):
            return lines[index + 1 :]
    raise ValueError(f"The FAQ has no line matching {start_pattern!r}.")


def _names_until_next_question(lines):
    names = []
    for line in lines:
        text = line.strip()
        if QUESTION.match(text):
            break
        if text:
            names.append(text)
    return names


def _role(lines, heading):
    role = RoleText()
    bullets = []
    for line in _lines_after(lines, rf"^{heading}:?\s*$"):
        text = line.strip()
        if text.startswith("- "):
            bullets.append(text[2:].strip())
        elif text and bullets:
            break
    if bullets:
        role.summary, role.commitments = bullets[0], bullets[1:]
    return role


def parse_faq(text):
    lines = text.splitlines()
    return Faq(
        signatories=_names_until_next_question(
            _lines_after(lines, r"Which national organisations have signed")
        ),
        supporters=_names_until_next_question(
            _lines_after(lines, r"Which national organisations are supporters")
        ),
        signatory_role=_role(lines, "A Signatory organisation"),
        supporter_role=_role(lines, "A Supporter organisation"),
    )
