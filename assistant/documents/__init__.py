"""Drafting: Word templates (templates/) filled from the petition card and the registry, in kk and ru.

    from assistant.documents.render import render
    render("hearing_notice", "kk", data, Path("notice.docx"), pdf=True)

The manifest (templates/manifest.yaml, assistant.documents.manifest) says what each template needs;
assistant.documents.formatting gives dates and amounts in words and names in the right case;
assistant.documents.render checks the data, fills the template in a sandbox and writes the file atomically.
The library never imports Streamlit. (`render` is not re-exported here: the name belongs to the module.)
"""

from assistant.documents.errors import DocumentError, TemplateDataError
from assistant.documents.formatting import amount_in_words, date_in_words, decline_name
from assistant.documents.manifest import Manifest, TemplateSpec, load_manifest

__all__ = [
    "DocumentError",
    "Manifest",
    "TemplateDataError",
    "TemplateSpec",
    "amount_in_words",
    "date_in_words",
    "decline_name",
    "load_manifest",
]
