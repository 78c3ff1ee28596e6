"""Same input, same bytes: Office files are zips whose member times change on every save, and LibreOffice
stamps the clock and a random document ID into every PDF."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

FIXED_ZIP_TIME = (2020, 1, 1, 0, 0, 0)


def normalise_zip(path: Path, modified: str | None = None) -> None:
    """Rewrite a .docx/.xlsx in place with fixed member times and permissions, members in their order.

    ``modified`` (ISO time, e.g. ``2026-11-24T00:00:00Z``) replaces the document's last-modified
    property, which openpyxl sets to the clock on every save.
    """
    with zipfile.ZipFile(path) as src:
        members = [(info.filename, src.read(info.filename)) for info in src.infolist()]
    if modified is not None:
        members = [(n, _fix_modified(d, modified) if n == "docProps/core.xml" else d) for n, d in members]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, data)


def _fix_modified(xml: bytes, modified: str) -> bytes:
    return re.sub(
        rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + modified.encode() + rb"\g<2>", xml
    )


_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{4,14})")
_XMP_DATE = re.compile(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})")
_PDF_ID = re.compile(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)")
_PDF_CHECKSUM = re.compile(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)")
_DOCX_CREATED = re.compile(rb"<dcterms:created[^>]*>(\d{4})-(\d{2})-(\d{2})")


def docx_created(docx: Path) -> tuple[int, int, int]:
    """The creation date a .docx carries in docProps/core.xml (the quote's date), else 2020-01-01."""
    try:
        with zipfile.ZipFile(docx) as zf:
            m = _DOCX_CREATED.search(zf.read("docProps/core.xml"))
    except (OSError, KeyError, zipfile.BadZipFile):
        m = None
    return (int(m[1]), int(m[2]), int(m[3])) if m else FIXED_ZIP_TIME[:3]


def normalise_pdf(pdf: Path, source: Path) -> None:
    """Make a LibreOffice PDF depend only on its .docx: the creation and modification dates (Info and
    XMP) become the .docx's creation date at midnight, the trailer ``/ID`` and ``/DocChecksum`` a hash
    of the .docx. Every replacement has the same length as what it replaces, so the xref offsets stay valid.
    """
    year, month, day = docx_created(source)
    digest = hashlib.sha256(source.read_bytes()).hexdigest().upper().encode()
    stamp = f"{year:04d}{month:02d}{day:02d}000000".encode()
    iso = f"{year:04d}-{month:02d}-{day:02d}T00:00:00".encode()

    def same_length(text: bytes, by: bytes) -> bytes:
        return (by * (len(text) // len(by) + 1))[: len(text)]

    data = pdf.read_bytes()
    data = _PDF_DATE.sub(lambda m: m[1] + stamp[: len(m[2])], data)
    data = _XMP_DATE.sub(lambda m: m[1] + iso, data)
    data = _PDF_ID.sub(lambda m: m[1] + same_length(m[2], digest) + m[3] + same_length(m[4], digest) + m[5], data)
    data = _PDF_CHECKSUM.sub(lambda m: m[1] + same_length(m[2], digest[::-1]), data)
    pdf.write_bytes(data)
