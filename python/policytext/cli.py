"""The ``policytext`` command. Each subcommand lives in ``policytext.commands.<name>``
and exposes ``register(subparsers)``, which adds its parser and sets ``run``.

Data goes to stdout or ``-o``; progress and logs go to stderr.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from ._core import Error, __version__

# In the order `policytext --help` lists them.
COMMANDS: tuple[str, ...] = ("annotate", "analyze", "evaluate", "rules", "tokenize")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policytext",
        description="What privacy policies say about sharing, retention and advertising.",
    )
    parser.add_argument("--version", action="version", version=f"policytext {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"{__package__}.commands.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        print("policytext: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except (Error, ValueError, OSError) as error:
        print(f"policytext {args.command}: error: {error}", file=sys.stderr)
        return 2
