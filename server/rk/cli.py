"""The `rk` command: build, validate and inspect the graph, serve it, query it.

Subcommands are imported lazily so that `rk build` never loads the web stack.
"""

import importlib

import click

# name -> "module:attribute" of a click command
SUBCOMMANDS = {
    "build": "rk.commands.build:build",
    "validate": "rk.commands.build:validate",
    "stats": "rk.commands.build:stats",
    "serve": "rk.commands.serve:serve",
    "reload": "rk.commands.reload:reload",
    "query": "rk.commands.query:query",
    "load": "rk.commands.load:load",
}


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module only when it runs."""

    def list_commands(self, ctx):
        return sorted(SUBCOMMANDS)

    def get_command(self, ctx, name):
        target = SUBCOMMANDS.get(name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        return getattr(importlib.import_module(module_name), attribute)


@click.group(cls=LazyGroup)
@click.version_option(package_name="ruhr-kg")
def main():
    """ruhr-kg: the linked-open-data knowledge graph of the Ruhr-Konferenz."""


if __name__ == "__main__":
    main()
