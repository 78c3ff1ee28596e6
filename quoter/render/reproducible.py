"""Same input, same bytes: Office files are zips whose member times change on every save."""

from __future__ import annotations

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
