"""Proposal, SLA, NDA and service contract, in Persian and English, from a quote.

Two steps: :func:`build_context` turns a quote dict into plain, already formatted strings of one
language; :func:`render_documents` fills the .docx templates with it (docxtpl in a sandboxed jinja2
environment) and, on request, converts them to PDF with LibreOffice. See docs/documents.md.
"""

from __future__ import annotations

from quoter.render.documents.context import DEFAULT_TERMS, build_context, check_quote
from quoter.render.documents.render import (
    DOCUMENTS,
    LANGS,
    PdfError,
    convert_to_pdf,
    default_templates_dir,
    render_documents,
    template_path,
)
from quoter.render.documents.source import quote_source

__all__ = [
    "DEFAULT_TERMS",
    "DOCUMENTS",
    "LANGS",
    "PdfError",
    "build_context",
    "check_quote",
    "convert_to_pdf",
    "default_templates_dir",
    "quote_source",
    "render_documents",
    "template_path",
]
