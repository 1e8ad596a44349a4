"""Bad input is refused with a plain message naming the problem; nothing else escapes."""

import io
import zipfile

import pytest

from concordat.imports.pipeline import ImportRefused, parse_plan

from .documents import docx_bytes, pdf_bytes, sample_rows, xlsx_bytes

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def refusal(data, filename, **options):
    with pytest.raises(ImportRefused) as refused:
        parse_plan(data, filename, **options)
    return refused.value.message


def plan_docx():
    return docx_bytes([("table", sample_rows())])


def with_member(data, name, content):
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            archive.writestr(item, source.read(item.filename))
        archive.writestr(name, content)
    return buffer.getvalue()


def test_a_png_named_docx():
    assert refusal(PNG, "plan.docx") == (
        "This file is named .docx but it is not a Word document: it contains a PNG image. "
        "Check that you chose the right file."
    )


def test_a_png_named_pdf_and_txt():
    assert refusal(PNG, "plan.pdf").startswith(
        "This file is named .pdf but it is not a PDF document: it contains a PNG image."
    )
    assert refusal(PNG, "plan.txt").startswith(
        "This file is named .txt but it is not a text file: it contains a PNG image."
    )


def test_a_workbook_named_docx():
    data = xlsx_bytes({"Plan": sample_rows()})
    assert refusal(data, "plan.docx") == (
        "This file is named .docx but it is not a Word document: it looks like an Excel "
        "workbook. Check that you chose the right file."
    )


@pytest.mark.parametrize("extension", [".docx", ".xlsx"])
def test_password_protected_office_files(extension):
    data = OLE2 + "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le")
    assert refusal(data, f"plan{extension}") == (
        f"This {extension} file is password-protected (encrypted), so it cannot be read. "
        "Remove the password (File, Info, Protect) and upload it again."
    )


def test_an_old_office_file_with_a_new_name():
    assert refusal(OLE2, "plan.xlsx") == (
        "This file is named .xlsx but is in an older Office format. Open it and save it as "
        ".xlsx, then upload it again."
    )


@pytest.mark.parametrize("extension", [".docm", ".xlsm"])
def test_macro_enabled_extensions(extension):
    assert refusal(plan_docx(), f"plan{extension}") == (
        f"Macro-enabled files ({extension}) are not accepted, because macros can carry "
        "harmful code. Save the file as .docx or .xlsx and upload that."
    )


def test_macros_inside_a_docx():
    data = with_member(plan_docx(), "word/vbaProject.bin", b"\x00" * 100)
    assert refusal(data, "plan.docx") == (
        "This file contains macros, which are not accepted because they can carry harmful "
        "code. Save it as a macro-free .docx or .xlsx and upload that."
    )


@pytest.mark.parametrize("data", [b"", b"   \n\t  "])
def test_an_empty_file(data):
    assert refusal(data, "plan.csv") == (
        "The file is empty. Choose the file that holds your action plan."
    )


def test_a_document_without_a_plan_table():
    data = docx_bytes([("p", "Minutes of the Concordat group"), ("p", "Apologies: none.")])
    assert refusal(data, "minutes.docx") == (
        "We could not find a table that looks like an action plan in this file. A plan needs a "
        "table with column headings such as No., Action, Timescale, Lead and Status."
    )


def test_over_the_size_limit(settings):
    settings.CONCORDAT_UPLOAD_MAX_BYTES = 1024 * 1024
    data = b"No.,Action\n" + b"1.1,x\n" * 200_000
    assert refusal(data, "plan.csv") == (
        "The file is 1.1 MB, which is over the limit of 1.0 MB. Remove pictures or split the "
        "file and try again."
    )


def test_a_docx_that_unpacks_past_the_limit(settings):
    settings.CONCORDAT_UPLOAD_MAX_UNPACKED_BYTES = 2 * 1024 * 1024
    data = with_member(plan_docx(), "word/media/padding.bin", b"\x00" * (3 * 1024 * 1024))
    assert len(data) < 200_000
    assert refusal(data, "plan.docx") == (
        "This .docx file expands to far more data than a plan holds when unpacked, so it was "
        "not opened. Save the plan again and upload the new copy."
    )


def test_an_xlsx_with_an_absurd_compression_ratio():
    data = with_member(
        xlsx_bytes({"Plan": sample_rows()}), "xl/media/zeros.bin", b"\x00" * (20 * 1024 * 1024)
    )
    assert refusal(data, "plan.xlsx").startswith("This .xlsx file expands to far more data")


def test_a_damaged_docx():
    data = plan_docx()
    assert refusal(data[: len(data) // 2], "plan.docx") == (
        "This .docx file is damaged and cannot be opened. Save it again and upload the new copy."
    )


def test_old_and_unknown_formats():
    assert refusal(b"x" * 10, "plan.doc") == (
        "Word 97-2003 (.doc) files cannot be read. Open the file and save it as .docx, then "
        "upload that."
    )
    assert refusal(b"{\\rtf1 plan}", "plan.rtf") == (
        "Files of this type (.rtf) cannot be imported. Upload the plan as .docx, .xlsx, .csv, "
        ".pdf, .txt, .odt or .ods."
    )
    assert "(without an extension)" in refusal(b"plan", "plan")


def test_a_pdf_that_is_really_text():
    assert refusal(b"No.\tAction\n1.1\tx\n", "plan.pdf") == (
        "This file is named .pdf but it is not a PDF document. Check that you chose the right file."
    )


def test_a_broken_pdf_body_is_refused_not_raised():
    data = pdf_bytes(sample_rows())
    broken = data[:200] + b"\x00garbage" * 50 + data[-100:]
    message = refusal(broken, "plan.pdf")
    assert message.startswith("The file could not be read") or "could not find a table" in message
