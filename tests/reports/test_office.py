"""Issue 16: the exports opened by a real office suite. LibreOffice (headless, with its own
throwaway profile) converts every export of both seed plans and the seed progress report to
PDF, once per run, and the tests read what it made:

- every conversion succeeds;
- the national plan's Word and OpenDocument files come out within 1.5 times the pages of the
  site's own PDF;
- the spreadsheet prints on more than one page, and no row is shorter than its wrapped text
  needs (worked out here from the column widths, the font's real glyph widths and its size).

Skipped, with a message, where LibreOffice is not installed.
"""

import io
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import pypdfium2
import pytest
from django.db import transaction
from fontTools.ttLib import TTFont
from openpyxl.utils import get_column_letter

from concordat.core.models import Area
from concordat.exports.data import plan_export
from concordat.exports.docx import plan_docx, report_docx
from concordat.exports.odt import plan_odt
from concordat.exports.pdf import plan_pdf
from concordat.exports.xlsx import plan_xlsx
from concordat.reports.models import ProgressReport
from concordat.seeds.loader import load_seeds

# django_db: the module fixture reads the test database, which is set up only for such tests.
pytestmark = [pytest.mark.office, pytest.mark.django_db]

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PLANS = ("england", "south-west-essex")
WRITERS = {"docx": plan_docx, "odt": plan_odt, "xlsx": plan_xlsx}
CONVERT_SECONDS = 600


@dataclass
class Converted:
    folder: Path
    files: dict = field(default_factory=dict)  # name → the export's bytes
    site_pdf_pages: dict = field(default_factory=dict)  # plan → pages of the site's own PDF
    log: str = ""

    def pdf(self, name):
        return self.folder / "pdf" / f"{Path(name).stem}.pdf"

    def pages(self, name):
        path = self.pdf(name)
        assert path.exists(), f"LibreOffice did not convert {name}:\n{self.log}"
        document = pypdfium2.PdfDocument(str(path))
        try:
            return len(document)
        finally:
            document.close()


def _exports():
    """Every export of the two seed plans and the seed report, read in a transaction that is
    rolled back: {file name: bytes}, and the page counts of the site's own PDFs."""
    files, site_pages = {}, {}
    with transaction.atomic():
        load_seeds()
        for slug in PLANS:
            export = plan_export(Area.objects.get(slug=slug))
            for ext, writer in WRITERS.items():
                files[f"{slug}-{ext}.{ext}"] = writer(export)
            document = pypdfium2.PdfDocument(plan_pdf(export))
            site_pages[slug] = len(document)
            document.close()
        report = ProgressReport.objects.prefetch_related("sections", "milestones").get()
        files["report-docx.docx"] = report_docx(report)
        transaction.set_rollback(True)
    return files, site_pages


@pytest.fixture(scope="module")
def converted(django_db_setup, django_db_blocker, tmp_path_factory):
    if SOFFICE is None:
        pytest.skip(
            "LibreOffice is not installed (no soffice on PATH): install Debian's "
            "libreoffice-writer-nogui and libreoffice-calc-nogui to run the office tests."
        )
    with django_db_blocker.unblock():
        files, site_pages = _exports()
    folder = tmp_path_factory.mktemp("office")
    for name, data in files.items():
        (folder / name).write_bytes(data)
    profile = folder / "profile"
    result = subprocess.run(  # noqa: S603 - a fixed command on files this test wrote
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder / "pdf"),
            *[str(folder / name) for name in files],
        ],
        capture_output=True,
        text=True,
        timeout=CONVERT_SECONDS,
        check=False,
    )
    return Converted(
        folder=folder,
        files=files,
        site_pdf_pages=site_pages,
        log=f"exit {result.returncode}\n{result.stdout}\n{result.stderr}",
    )


@pytest.mark.parametrize(
    "name",
    [f"{slug}-{ext}.{ext}" for slug in PLANS for ext in WRITERS] + ["report-docx.docx"],
)
def test_libreoffice_converts_every_export(converted, name):
    assert converted.pages(name) >= 1


@pytest.mark.parametrize("ext", ["docx", "odt"])
def test_national_plan_as_word_and_opendocument_is_near_the_pdfs_length(converted, ext):
    pages = converted.pages(f"england-{ext}.{ext}")
    pdf_pages = converted.site_pdf_pages["england"]
    assert pages <= 1.5 * pdf_pages, f"{ext}: {pages} pages against {pdf_pages} in the PDF"


# The spreadsheet -------------------------------------------------------------------------------


def _font_file(pattern):
    """The font file LibreOffice uses for a font name (fontconfig's choice)."""
    found = subprocess.run(  # noqa: S603
        ["fc-match", "-f", "%{file}", pattern],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    )
    return found.stdout.strip()


class Metrics:
    """Real glyph widths of a font, in em."""

    def __init__(self, path):
        font = TTFont(path)
        units = font["head"].unitsPerEm
        self.cmap = font.getBestCmap()
        self.advance = {name: width / units for name, (width, _lsb) in font["hmtx"].metrics.items()}
        self.fallback = self.advance[self.cmap[ord("0")]]
        hhea = font["hhea"]
        self.line = (hhea.ascent - hhea.descent + hhea.lineGap) / units

    def width(self, text, size):
        return size * sum(
            self.advance.get(self.cmap.get(ord(char)), self.fallback) for char in text
        )

    def lines(self, text, box, size):
        """Lines the text takes in a box `box` points wide, wrapped at spaces."""
        count = 0
        space = self.width(" ", size)
        for line in str(text).split("\n"):
            count += 1
            used = 0.0
            for word in line.split():
                needed = self.width(word, size)
                if used and used + space + needed <= box:
                    used += space + needed
                    continue
                if used:
                    count += 1
                while needed > box:
                    count += 1
                    needed -= box
                used = needed
        return count


@pytest.mark.parametrize("slug", PLANS)
def test_spreadsheet_prints_on_pages_with_rows_as_tall_as_their_text(converted, slug):
    name = f"{slug}-xlsx.xlsx"
    assert converted.pages(name) > 1
    sheet = openpyxl.load_workbook(io.BytesIO(converted.files[name])).active
    regular = Metrics(_font_file("Arial"))
    bold = Metrics(_font_file("Arial:bold"))
    widths = [
        sheet.column_dimensions[get_column_letter(index)].width
        for index in range(1, sheet.max_column + 1)
    ]
    checked = 0
    for row in sheet.iter_rows(min_row=5):
        if all(cell.value is None for cell in row[1:]):  # a section heading, not wrapped
            continue
        needed = 0.0
        for cell, width in zip(row, widths, strict=True):
            if cell.value is None:
                continue
            text = cell.value.strftime("%d/%m/%Y") if cell.is_date else str(cell.value)
            metrics = bold if cell.font.b else regular
            size = cell.font.sz
            # A column `width` characters wide is that many digits of the default font
            # (Arial 10: 7 pixels at 96 dpi) less about 5 pixels of the cell's margins.
            box = (width * 7 - 5) * 0.75
            lines = metrics.lines(text, box, size)
            needed = max(needed, lines * metrics.line * size + 2)
        height = sheet.row_dimensions[row[0].row].height
        assert height is not None and height >= needed, (
            f"row {row[0].row} ({row[0].value}) is {height} pt; its text needs {needed:.1f} pt"
        )
        checked += 1
    assert checked == {"england": 48, "south-west-essex": 65}[slug]  # header and actions
