"""England's Health and Wellbeing Board areas (upper-tier local authorities) by ONS code.

Read once from the hex layout shipped in `data/` (Open Innovations, MIT licence: see
data/LICENCE-hexjson.txt): each board area's name and its place on the hex map.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HEXJSON = Path(__file__).with_name("data") / "england-upper-tier-local-authorities.hexjson"
ATTRIBUTION = "Hex layout: Open Innovations (ODI Leeds) hex maps, MIT License"
ATTRIBUTION_URL = "https://github.com/odileeds/hexmaps"


@dataclass(frozen=True)
class BoardArea:
    code: str  # ONS code, E06…, E08…, E09… or E10…
    name: str
    q: int  # column
    r: int  # row, counted from the bottom


@cache
def board_areas() -> dict[str, BoardArea]:
    """{ONS code: BoardArea}, every one of England's 151, in code order."""
    data = json.loads(HEXJSON.read_text(encoding="utf-8"))
    if data.get("layout") != "odd-r":
        raise ValueError(f"{HEXJSON.name}: expected an odd-r layout, found {data.get('layout')}")
    hexes = {
        code: BoardArea(code=code, name=fields["n"], q=int(fields["q"]), r=int(fields["r"]))
        for code, fields in data["hexes"].items()
    }
    return dict(sorted(hexes.items()))


def name_of(code: str) -> str:
    area = board_areas().get(code)
    return area.name if area else code


def unknown_codes(codes) -> list[str]:
    """The codes that are not one of England's board areas."""
    known = board_areas()
    return [code for code in codes if code not in known]
