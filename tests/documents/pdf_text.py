"""Reading a PDF back as text with poppler's pdftotext, whitespace made uniform."""

from __future__ import annotations

import re
import shutil
import subprocess

_SPACES = re.compile(r"[\s\u00a0\u202f]+")


def normalise(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _raw(pdf: bytes) -> str:
    assert shutil.which("pdftotext"), "poppler-utils is needed for the PDF tests"
    done = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=pdf,
                          capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def pdf_text(pdf: bytes) -> str:
    """All text in content-stream order (-raw): watermark, body, footer of each page."""
    return normalise(_raw(pdf))


def body_text(pdf: bytes) -> str:
    """The running text without each page's watermark and footer, so a paragraph that
    continues on the next page reads as one."""
    pages = []
    for page in _raw(pdf).split("\f"):
        lines = [line for line in page.splitlines() if line.strip()]
        while lines and len(lines[0].strip()) <= 1:  # the watermark, one letter a line
            lines.pop(0)
        pages.append("\n".join(lines[:-1]))  # the last line is the footer
    return normalise("\n".join(pages))


def pdf_info(pdf: bytes) -> dict[str, str]:
    done = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True)
    info = {}
    for line in done.stdout.decode("utf-8").splitlines():
        key, _sep, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def pdf_fonts(pdf: bytes) -> str:
    return subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode("utf-8")
