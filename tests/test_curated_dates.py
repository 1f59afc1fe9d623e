"""Regression: an impossible unquoted date in a table used to escape as a bare ValueError from PyYAML."""

import shutil

import pytest

from gcm_graph.config import DATA_DIR
from gcm_graph.curated import CuratedDataError, load_events


def test_impossible_date_is_reported_with_file_and_line(tmp_path):
    shutil.copy(DATA_DIR / "events.yaml", tmp_path / "events.yaml")
    path = tmp_path / "events.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.strip() == 'start: "2018-12-10"')
    lines[number] = lines[number].replace('"2018-12-10"', "2018-13-45")  # unquoted: a YAML timestamp
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(CuratedDataError, match=rf"events.yaml:{number + 1}: start '2018-13-45' .* malformed"):
        load_events(path)


def test_real_dates_still_load():
    events = {event.key: event for event in load_events()}
    assert events["intergovernmental-conference-2018"].start == "2018-12-10"
