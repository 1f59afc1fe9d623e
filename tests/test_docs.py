"""Every CLI command and flag is documented (README.md or docs/*.md), and every test the documentation
names as proof of something exists."""

import re
from pathlib import Path

import click

from gcm_graph.cli import main

ROOT = Path(__file__).resolve().parents[1]


def documentation() -> str:
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    return "\n".join(page.read_text(encoding="utf-8") for page in pages)


def commands(group: click.Group, prefix: str = "gcm-graph"):
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        yield path, command
        if isinstance(command, click.Group):
            yield from commands(command, path)


def test_every_command_and_flag_is_documented():
    text = documentation()
    missing = []
    for path, command in commands(main):
        if path not in text:
            missing.append(path)
        for parameter in command.params:
            for flag in getattr(parameter, "opts", []):
                if flag.startswith("--") and flag not in text:
                    missing.append(f"{path} {flag}")
    assert missing == []


TEST_REFERENCE = re.compile(r"`(?:[\w/]*/)?(test_\w+\.py)(?:::(\w+))?")


def test_every_test_the_documentation_names_exists():
    test_files = {path.name: path for path in (ROOT / "tests").rglob("test_*.py")}
    named = TEST_REFERENCE.findall(documentation())
    assert len(named) > 20, "the security and hardening pages name their tests"
    missing = []
    for file_name, test_name in named:
        path = test_files.get(file_name)
        if path is None or (test_name and f"def {test_name}(" not in path.read_text(encoding="utf-8")):
            missing.append(f"{file_name}::{test_name}" if test_name else file_name)
    assert missing == []
