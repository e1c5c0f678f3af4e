"""The one upload rule: allowed type, size limit, content matching the name."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tsc_hub.core.exceptions import InvalidInput
from tsc_hub.core.uploads import check_upload


def test_a_real_pdf_is_accepted_with_its_content_type():
    assert check_upload(SimpleUploadedFile("plan.pdf", b"%PDF-1.7 ...")) == "application/pdf"


@pytest.mark.parametrize(
    ("name", "content", "field_error"),
    [
        ("tool.exe", b"MZ", "Type not accepted."),
        ("plan.pdf", b"<html>not a pdf</html>", "Content differs."),
        ("notes.txt", b"\xff\xfe\x00broken", "Not text."),
    ],
)
def test_other_files_are_refused_saying_why(name, content, field_error):
    with pytest.raises(InvalidInput) as refused:
        check_upload(SimpleUploadedFile(name, content))
    assert refused.value.fields == {"file": [field_error]}


def test_a_file_over_the_limit_is_refused(settings):
    settings.TSC_HUB_MAX_UPLOAD_MB = 1
    with pytest.raises(InvalidInput) as refused:
        check_upload(SimpleUploadedFile("big.txt", b"a" * (1024 * 1024 + 1)))
    assert refused.value.fields == {"file": ["File too large."]}
