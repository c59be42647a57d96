"""`rk reload`: make a running `rk serve` answer from the build now in its build directory.

`rk serve` writes its process id to a pid file. `rk reload` checks that the build
directory holds a complete build (every file and dump has the size and sha256 the
manifest states), then sends SIGHUP to that
process: gunicorn starts new workers, which load the build before they accept
connections, and stops the old ones gracefully, after their requests are answered.
"""

import os
import signal
import tempfile
from pathlib import Path

import click

from rk.store.dataset import IncompleteBuild, verify_build
from rk.web.settings import BY_NAME, click_option


def pid_path(build_dir, port: int, configured: str = "") -> Path:
    """The pid file of the server on `port`: the configured path, else one in the build
    dir (in the temporary folder when there is none, as with a remote store)."""
    if configured:
        return Path(configured)
    folder = Path(build_dir) if Path(build_dir).is_dir() else Path(tempfile.gettempdir())
    return folder / f"rk-serve-{port}.pid"


def check_build(build_dir) -> str:
    """The version of the complete build in `build_dir`; raises IncompleteBuild otherwise."""
    return verify_build(Path(build_dir))["version"]


def _server_pid(path: Path) -> int:
    try:
        pid = int(path.read_text(encoding="ascii").strip())
        os.kill(pid, 0)
    except (OSError, ValueError):
        raise click.ClickException(f"no running rk serve found through {path}") from None
    return pid


@click.command()
@click_option(BY_NAME["build_dir"])
@click_option(BY_NAME["port"])
@click_option(BY_NAME["pid_file"])
def reload(build_dir: str, port: int, pid_file: str):
    """Serve the current build: check it is complete, then send SIGHUP to rk serve."""
    try:
        version = check_build(build_dir)
    except IncompleteBuild as error:
        raise click.ClickException(
            f"{build_dir} holds no complete build ({error}); the server keeps its version"
        ) from None
    pid = _server_pid(pid_path(build_dir, port, pid_file))
    os.kill(pid, signal.SIGHUP)
    click.echo(f"rk serve (pid {pid}) is switching to version {version}")
