"""Every plan and report writer by file type, and the response that hands a file over."""

from django.http import HttpResponse

from . import docx as docx_export
from . import odt as odt_export
from . import pdf as pdf_export
from . import xlsx as xlsx_export

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "odt": "application/vnd.oasis.opendocument.text",
}
PLAN_WRITERS = {
    "xlsx": xlsx_export.plan_xlsx,
    "docx": docx_export.plan_docx,
    "pdf": pdf_export.plan_pdf,
    "odt": odt_export.plan_odt,
}
REPORT_WRITERS = {"docx": docx_export.report_docx, "pdf": pdf_export.report_pdf}


def download(data, *, filename, ext):
    response = HttpResponse(data, content_type=CONTENT_TYPES.get(ext, "text/csv"))
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
