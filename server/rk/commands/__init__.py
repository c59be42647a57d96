"""The `rk` subcommands, one module each (`rk.cli` lists them)."""
