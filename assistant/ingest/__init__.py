"""Intake: from an incoming file (PDF, scan, DOCX, DOC, RTF, TXT) to clean, language-tagged text."""

from assistant.ingest.errors import IntakeError, IntakeWarning
from assistant.ingest.extract import ExtractedDoc, extract_file, ingest
from assistant.ingest.langid import identify, identify_document, paragraph_languages
from assistant.ingest.normalize import normalize

__all__ = [
    "ExtractedDoc",
    "IntakeError",
    "IntakeWarning",
    "extract_file",
    "identify",
    "identify_document",
    "ingest",
    "normalize",
    "paragraph_languages",
]
