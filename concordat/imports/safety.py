"""Checks made on an upload's bytes before any parser opens it."""

import io
import zipfile

from django.conf import settings

from .errors import ImportRefused
from .limits import Limits, refuse_part

SIGNATURES = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (such as a Word or Excel file)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an older Office document or a password-protected one"),
    (b"{\\rtf", "a Rich Text (RTF) document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
]
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
ZIP_FORMATS = {
    ".docx": ("word/document.xml", "a Word document"),
    ".xlsx": ("xl/workbook.xml", "an Excel workbook"),
    ".odt": ("content.xml", "an OpenDocument text file"),
    ".ods": ("content.xml", "an OpenDocument spreadsheet"),
}
MACRO_EXTENSIONS = {".docm", ".xlsm", ".dotm", ".xltm", ".xlsb", ".xlam", ".pptm"}
OLD_FORMATS = {".doc": "Word 97-2003 (.doc)", ".xls": "Excel 97-2003 (.xls)"}
MAX_MEMBERS = 5_000
# Parts the readers parse (the XML of the document, its sheets, shared strings and styles);
# pictures and other media are never opened, so only the whole-file limit applies to them.
PARSED_PARTS = (".xml", ".rels")
MAX_RATIO = 200
RATIO_APPLIES_ABOVE = 5 * 1024 * 1024


def describe(data):
    for signature, description in SIGNATURES:
        if data.startswith(signature):
            return description
    return None


def check_size(data):
    if not data or not data.strip():
        raise ImportRefused("The file is empty. Choose the file that holds your action plan.")
    check_upload_size(len(data))


def check_upload_size(size):
    """Refuse a file of `size` bytes (its true size, not what was read of it) if over the
    limit."""
    limit = settings.CONCORDAT_UPLOAD_MAX_BYTES
    if size > limit:
        raise ImportRefused(
            f"The file is {_megabytes(size)}, which is over the limit of "
            f"{_megabytes(limit)}. Remove pictures or split the file and try again."
        )


def check_extension(extension):
    if extension in MACRO_EXTENSIONS:
        raise ImportRefused(
            f"Macro-enabled files ({extension}) are not accepted, because macros can carry "
            "harmful code. Save the file as .docx or .xlsx and upload that."
        )
    if extension in OLD_FORMATS:
        raise ImportRefused(
            f"{OLD_FORMATS[extension]} files cannot be read. Open the file and save it as "
            f"{'.docx' if extension == '.doc' else '.xlsx'}, then upload that."
        )


def check_zip(data, extension):
    """The content of a .docx/.xlsx/.odt/.ods: a zip that is what it says and not a bomb."""
    expected_member, what = ZIP_FORMATS[extension]
    if data.startswith(OLE2):
        if ENCRYPTED_PACKAGE in data:
            raise ImportRefused(
                f"This {extension} file is password-protected (encrypted), so it cannot be "
                "read. Remove the password (File, Info, Protect) and upload it again."
            )
        raise ImportRefused(
            f"This file is named {extension} but is in an older Office format. Open it and "
            f"save it as {extension}, then upload it again."
        )
    if not data.startswith(b"PK"):
        found = describe(data)
        raise ImportRefused(
            f"This file is named {extension} but it is not {what}"
            + (f": it contains {found}." if found else ".")
            + " Check that you chose the right file."
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as error:
        raise ImportRefused(
            f"This {extension} file is damaged and cannot be opened. Save it again and "
            "upload the new copy."
        ) from error
    names = {member.filename for member in members}
    if len(members) > MAX_MEMBERS:
        raise _bomb(extension)
    unpacked = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members) or 1
    if unpacked > settings.CONCORDAT_UPLOAD_MAX_UNPACKED_BYTES or (
        unpacked > RATIO_APPLIES_ABOVE and unpacked / packed > MAX_RATIO
    ):
        raise _bomb(extension)
    part_limit = Limits.from_settings().part_bytes
    for member in members:
        if member.filename.lower().endswith(PARSED_PARTS) and member.file_size > part_limit:
            raise refuse_part(extension, member.filename, member.file_size, part_limit)
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise ImportRefused(
            "This file contains macros, which are not accepted because they can carry harmful "
            "code. Save it as a macro-free .docx or .xlsx and upload that."
        )
    if expected_member not in names:
        other = next((desc for ext, (member, desc) in ZIP_FORMATS.items() if member in names), None)
        raise ImportRefused(
            f"This file is named {extension} but it is not {what}"
            + (f": it looks like {other}." if other else ".")
            + " Check that you chose the right file."
        )
    if extension in (".odt", ".ods"):
        mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
        wanted = b"spreadsheet" if extension == ".ods" else b"text"
        if wanted not in mimetype:
            raise ImportRefused(
                f"This file is named {extension} but it is not {what}. Check that you chose "
                "the right file."
            )


def check_pdf(data):
    if b"%PDF-" not in data[:1024]:
        found = describe(data)
        raise ImportRefused(
            "This file is named .pdf but it is not a PDF document"
            + (f": it contains {found}." if found else ".")
            + " Check that you chose the right file."
        )


def check_text(data, extension):
    found = describe(data)
    if found:
        raise ImportRefused(
            f"This file is named {extension} but it is not a text file: it contains {found}. "
            "Check that you chose the right file."
        )


def _bomb(extension):
    return ImportRefused(
        f"This {extension} file expands to far more data than a plan holds when unpacked, so "
        "it was not opened. Save the plan again and upload the new copy."
    )


def _megabytes(size):
    return f"{size / (1024 * 1024):.1f} MB"
