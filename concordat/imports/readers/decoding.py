"""Turn the bytes of a text or CSV file into text, whatever common encoding it was saved in."""

import codecs

from charset_normalizer import from_bytes

from ..errors import ImportRefused

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab, newline, carriage return and form feed.
CONTROL = {chr(code) for code in range(32)} - {"\t", "\n", "\r", "\f"}
MAX_CONTROL_SHARE = 0.01


def decode_text(data, *, kind="text"):
    text = _decode(data, kind)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    sample = text[:200_000]
    controls = sum(1 for char in sample if char in CONTROL)
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        raise ImportRefused(
            f"This file does not look like a {kind} file: it contains binary data. "
            "Check that you chose the right file."
        )
    return text


C1_CONTROLS = {chr(code) for code in range(0x80, 0xA0)}


def _windows_1252(data):
    """The text, if the bytes read as Windows-1252 (what Excel saves as "CSV" on a British
    Windows computer): every byte defined and no control character but tab and line ends."""
    if b"\x00" in data[:4096]:
        return None  # UTF-16 or binary: for the detector
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    sample = text[:200_000]
    if any(char in CONTROL or char in C1_CONTROLS for char in sample):
        return None
    return text


def _decode(data, kind):

    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    windows = _windows_1252(data)
    if windows is not None:
        return windows
    best = from_bytes(data[:1_000_000]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    raise ImportRefused(
        f"We could not work out how the characters in this {kind} file are encoded. "
        "Save it again as UTF-8 (in Excel: Save As, then 'CSV UTF-8') and upload it again."
    )
