"""Readers: one per format, each giving the same Document of tables and surrounding text."""

from ..errors import ImportRefused
from ..safety import check_pdf, check_text, check_zip

SUPPORTED = ".docx, .xlsx, .csv, .pdf, .txt, .odt or .ods"


def read_document(data, extension, *, sheet=None):
    if extension in (".txt", ".tsv", ".text"):
        from .txt import read_txt

        check_text(data, extension)
        return read_txt(data)
    if extension == ".csv":
        from .csv import read_csv

        check_text(data, extension)
        return read_csv(data)
    if extension == ".docx":
        from .docx import read_docx

        check_zip(data, extension)
        return read_docx(data)
    if extension == ".xlsx":
        from .xlsx import read_xlsx

        check_zip(data, extension)
        return read_xlsx(data, sheet=sheet)
    if extension == ".pdf":
        from .pdf import read_pdf

        check_pdf(data)
        return read_pdf(data)
    if extension in (".odt", ".ods"):
        from .odf import read_odf

        check_zip(data, extension)
        return read_odf(data, extension, sheet=sheet)
    shown = extension or "without an extension"
    raise ImportRefused(
        f"Files of this type ({shown}) cannot be imported. Upload the plan as {SUPPORTED}."
    )
