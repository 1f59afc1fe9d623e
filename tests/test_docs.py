"""Every CLI command and flag is documented (README.md or docs/*.md)."""

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
