"""The committed source files, checked against their recorded checksums.

The graph must be reproducible from the checkout, so a build refuses any
source file whose bytes differ from ``sources/SHA256SUMS``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

SOURCES_DIR = Path(__file__).resolve().parents[2] / "sources"
CHECKSUMS_FILE = "SHA256SUMS"

COM_2018_167 = "com-2018-167-de-with-annex-gcm-zero-draft-plus-en.txt"
IMRF_2022 = "imrf-progress-declaration-2022-draft-resolution-en.txt"
QUICK_REFERENCE_MARKDOWN = "iom-gcm-quick-reference-2021-en.markdown-extract.txt"
QUICK_REFERENCE_PLAINTEXT = "iom-gcm-quick-reference-2021-en.plaintext-extract.txt"


class SourceError(Exception):
    """A source file is missing, changed or unreadable; the message names the file."""


@dataclass(frozen=True)
class SourceFile:
    name: str
    text: str
    sha256: str
    size: int


def read_checksums(directory: Path) -> dict[str, str]:
    path = directory / CHECKSUMS_FILE
    if not path.is_file():
        raise SourceError(f"{path}: checksum list missing; expected one 'sha256  filename' line per source")
    checksums: dict[str, str] = {}
    for line_number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.split()
        if len(parts) != 2 or len(parts[0]) != 64:
            raise SourceError(f"{path}:{line_number}: expected 'sha256  filename', found {line!r}")
        checksums[parts[1]] = parts[0]
    return checksums


def load_source(name: str, directory: Path = SOURCES_DIR) -> SourceFile:
    """Read one source file after verifying its checksum."""
    expected = read_checksums(directory).get(name)
    if expected is None:
        raise SourceError(f"{directory / CHECKSUMS_FILE}: no checksum recorded for {name}")
    path = directory / name
    if not path.is_file():
        raise SourceError(f"{path}: source file missing (expected sha256 {expected})")
    data = path.read_bytes()
    actual = hashlib.sha256(data).hexdigest()
    if actual != expected:
        raise SourceError(
            f"{path}: checksum mismatch (expected sha256 {expected}, found {actual}, {len(data)} bytes); "
            "the file was changed or truncated: restore it from version control"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SourceError(f"{path}: byte {error.start}: not valid UTF-8") from error
    return SourceFile(name=name, text=text, sha256=actual, size=len(data))


def load_all_sources(directory: Path = SOURCES_DIR) -> dict[str, SourceFile]:
    names = (COM_2018_167, IMRF_2022, QUICK_REFERENCE_MARKDOWN, QUICK_REFERENCE_PLAINTEXT)
    return {name: load_source(name, directory) for name in names}
