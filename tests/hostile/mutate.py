"""A seeded mutator for documents, shared by the suite's fuzz test and `make fuzz`.

Byte-level mutations (flip, cut, insert, zero, repeat a slice) exercise the checks made before
any parser opens a file. Most of a .docx/.xlsx/.odt/.ods is compressed, so flipped bytes rarely
get past the zip's checksums; half the time the mutator instead changes one XML part inside the
archive and packs it again, so that the XML readers themselves meet damaged, truncated and
inflated markup. Everything follows from the `random.Random` passed in, so a run is repeatable.
"""

import io
import zipfile

ZIPPED = (".docx", ".xlsx", ".odt", ".ods")
# Text that readers treat specially: markup, repeat counts, spans, control characters.
TOKENS = [
    b"<",
    b">",
    b"</w:tc>",
    b'<w:gridSpan w:val="999999"/>',
    b'table:number-columns-repeated="999999"',
    b'text:c="99999999"',
    b'<row r="1048576">',
    b"\x00",
    b"\x0b",
    b"\x1b",
    b"\xff\xfe",
    b"&amp;",
    b"&#0;",
    b'=HYPERLINK("x")',
    b'"',
    b",",
    b"\r\n",
    b"9" * 40,
    b"endobj",
    b"stream",
    b"/Length 99999999",
]


def mutate_bytes(data, rng, *, steps=None):
    data = bytearray(data)
    for _ in range(steps or rng.randint(1, 6)):
        kind = rng.choice(("flip", "flip", "flip", "cut", "insert", "token", "zero", "repeat"))
        position = rng.randrange(len(data)) if data else 0
        if kind == "flip" and data:
            data[position] ^= rng.randrange(1, 256)
        elif kind == "cut":
            data = data[:position] if rng.random() < 0.5 else data[position:]
        elif kind == "insert":
            data[position:position] = rng.randbytes(rng.randint(1, 64))
        elif kind == "token":
            data[position:position] = rng.choice(TOKENS)
        elif kind == "zero" and data:
            end = min(len(data), position + rng.randint(1, 256))
            data[position:end] = bytes(end - position)
        elif kind == "repeat" and data:
            end = min(len(data), position + rng.randint(1, 512))
            data[position:position] = data[position:end] * rng.randint(2, 50)
    return bytes(data)


def mutate_archive(data, rng):
    """One XML (or other) part of a zip changed, and the archive packed again."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [(info, archive.read(info)) for info in archive.infolist()]
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return mutate_bytes(data, rng)
    xml = [i for i, (info, _) in enumerate(members) if info.filename.endswith((".xml", ".rels"))]
    chosen = rng.choice(xml or range(len(members)))
    steps = rng.randint(1, 12)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, (info, content) in enumerate(members):
            if index == chosen:
                content = mutate_bytes(content, rng, steps=steps)
            elif rng.random() < 0.02:
                continue  # a part left out
            archive.writestr(info.filename, content)
    return out.getvalue()


def mutate(data, filename, rng):
    """A damaged copy of `data`, and the name it is uploaded under (sometimes the wrong one)."""
    if filename.endswith(ZIPPED) and rng.random() < 0.5:
        mutated = mutate_archive(data, rng)
    else:
        mutated = mutate_bytes(data, rng)
    if rng.random() < 0.05:
        filename = "plan" + rng.choice((".csv", ".docx", ".xlsx", ".odt", ".ods", ".pdf", ".txt"))
    return mutated, filename


def outcome(data, filename):
    """How the importer took one document: ("parsed" | "refused" | "damaged" | "unhandled" |
    "timeout" | "memory", detail). Reading runs as the site runs it (`parse_plan`, in its
    ceilinged child when isolation is on). "damaged" is a refusal as "could not be read" of an
    error a parser library raised on the damaged bytes (detail: its type); an error the
    project's own code raised, turned into the same refusal, counts as unhandled, since the
    point is to find them."""
    from concordat.imports.isolation import ReadingFailed
    from concordat.imports.limits import LimitExceeded
    from concordat.imports.pipeline import ImportRefused, parse_plan

    try:
        plan = parse_plan(data, filename)
        plan.to_json()
    except ReadingFailed as failure:
        if failure.raised_in == "library":
            return "damaged", failure.error_type
        return "unhandled", f"{failure.error_type}: {failure.detail.strip()[-600:]}"
    except LimitExceeded as refusal:
        if refusal.limit == "cpu_seconds":
            return "timeout", refusal.message
        if refusal.limit == "memory_mb":
            return "memory", refusal.message
        return "refused", refusal.message
    except ImportRefused as refusal:
        if not refusal.message.strip():
            return "unhandled", "a refusal without a message"
        return "refused", refusal.message
    except MemoryError:
        return "memory", "read in this process, past its memory ceiling"
    except Exception as error:  # noqa: BLE001 - counted, with its type
        return "unhandled", f"{type(error).__name__}: {error}"
    return "parsed", f"{len(plan.actions)} actions"
