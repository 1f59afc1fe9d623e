"""``/dumps/``: the files of ``dist/`` for download, with ETag and Last-Modified (conditional GETs answer 304).

Only regular files directly inside the dist directory are served; ``send_from_directory``
joins paths safely, and names are also checked against the listing, so ``..`` or an absolute
path cannot escape it.
"""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, abort, render_template, send_from_directory

from gcm_graph.server.endpoint import current_endpoint
from gcm_graph.server.formats import GRAPH_FORMATS

blueprint = Blueprint("dumps", __name__)


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
