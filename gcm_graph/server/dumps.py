"""``/dumps/``: the files of ``dist/`` for download, with ETag and Last-Modified (conditional GETs answer 304).

Only regular files directly inside the dist directory are served; ``send_from_directory``
joins paths safely, and names are also checked against the listing, so ``..`` or an absolute
path cannot escape it.

``check_dist`` runs at start-up: a dist directory must match its ``manifest.json`` (written by the
build), so a copy cut short or a file changed after the build is refused instead of served in part.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from flask import Blueprint, Response, abort, render_template, send_from_directory

from gcm_graph.server.endpoint import current_endpoint
from gcm_graph.server.formats import GRAPH_FORMATS

blueprint = Blueprint("dumps", __name__)
REBUILD = "rebuild it with 'gcm-graph build'"


class DistError(ValueError):
    """The dist directory is incomplete or corrupt; the message names the file."""


def check_dist(directory: Path) -> None:
    """Every file of ``manifest.json`` is there with its size and SHA-256, and ``void.ttl`` parses."""
    from gcm_graph.dist import MANIFEST_FILE
    from gcm_graph.server.service_description import void_triples

    manifest_path = directory / MANIFEST_FILE
    if manifest_path.is_file():
        try:
            files = json.loads(manifest_path.read_text(encoding="utf-8"))["files"]
        except (ValueError, KeyError, TypeError) as error:
            raise DistError(f"{manifest_path}: not a manifest written by the build ({error}); {REBUILD}") from None
        for name, expected in sorted(files.items()):
            _check_file(directory / name, expected)
    try:
        void_triples(directory)
    except SyntaxError as error:
        raise DistError(f"{directory / 'void.ttl'}: {error}; {REBUILD}") from None


def _check_file(path: Path, expected: dict) -> None:
    if not path.is_file():
        raise DistError(f"{path}: missing, though {path.parent / 'manifest.json'} lists it; {REBUILD}")
    data = path.read_bytes()
    if len(data) != expected.get("bytes") or hashlib.sha256(data).hexdigest() != expected.get("sha256"):
        raise DistError(
            f"{path}: {len(data):,} bytes that do not match manifest.json ({expected.get('bytes', 0):,} bytes, "
            f"sha256 {str(expected.get('sha256'))[:12]}...): the file was cut short or changed after the build; "
            f"{REBUILD}"
        )


def dump_files() -> dict[str, Path]:
    data = current_endpoint().data
    if data is None:
        return {}
    if data.is_file():
        return {data.name: data}
    return {path.name: path for path in sorted(data.iterdir()) if path.is_file() and not path.name.startswith(".")}


@blueprint.route("/dumps/")
def listing() -> str:
    files = [(name, path.stat().st_size) for name, path in dump_files().items()]
    return render_template("dumps.html", files=files)


@blueprint.route("/dumps")
def listing_without_slash() -> Response:
    return Response(status=301, headers={"Location": "/dumps/"})


@blueprint.route("/dumps/<name>")
def download(name: str) -> Response:
    files = dump_files()
    if name not in files:
        abort(404)
    extension = name.rsplit(".", 1)[-1]
    media_type = next((f.media_type for f in GRAPH_FORMATS if f.extension == extension), None)
    return send_from_directory(files[name].parent, name, mimetype=media_type, conditional=True, etag=True, max_age=300)
