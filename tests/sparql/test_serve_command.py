"""`rk serve`, its front (nginx) and the settings registry."""

import os
import re
import signal
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from sparql_support import start_server
from support.procfs import children_by_parent

from rk.paths import PROJECT_ROOT
from rk.web import create_app
from rk.commands.serve import serve
from rk.web.settings import SETTINGS


def test_serve_refuses_to_start_without_a_dataset(tmp_path):
    result = CliRunner().invoke(serve, ["--build-dir", str(tmp_path), "--port", "1"])
    assert result.exit_code != 0
    assert f"no dataset.nq in {tmp_path}" in result.output


def test_every_setting_is_a_flag_with_an_environment_variable():
    help_text = CliRunner().invoke(serve, ["--help"], terminal_width=200).output
    for setting in SETTINGS:
        assert setting.flag in help_text
        assert setting.env in help_text


def test_app_reads_settings_from_the_environment_and_test_config(dataset_dir, monkeypatch):
    monkeypatch.setenv("RK_ROW_LIMIT", "7")
    monkeypatch.setenv("RK_TIME_LIMIT", "3")
    app = create_app({"STORE": "embedded", "BUILD_DIR": str(dataset_dir), "TIME_LIMIT": "4.5"})
    assert app.config["ROW_LIMIT"] == 7
    assert app.config["TIME_LIMIT"] == 4.5
    assert app.config["MAX_CONTENT_LENGTH"] == app.config["BODY_LIMIT"] == 1_000_000


def test_an_unknown_store_kind_is_rejected(dataset_dir):
    with pytest.raises(ValueError, match="RK_STORE"):
        create_app({"STORE": "remote", "BUILD_DIR": str(dataset_dir)})


def test_every_setting_is_documented_in_the_readme():
    readme = Path(PROJECT_ROOT, "README.md").read_text(encoding="utf-8")
    missing = [s.env for s in SETTINGS if not re.search(rf"\b{s.env}\b", readme)]
    assert missing == []


def front_of(pid: int) -> list[int]:
    """The nginx master among the children of the `rk serve` process `pid`."""
    return [child for child in children_by_parent().get(pid, [])
            if Path(f"/proc/{child}/comm").read_text().strip() == "nginx"]


def test_the_front_is_started_again_when_it_ends_and_stopped_with_the_server(dataset_dir, tmp_path):
    log = tmp_path / "serve.log"
    running = start_server(dataset_dir, log, "--workers", "1", "--threads", "2")
    try:
        (front,) = front_of(running.process.pid)
        words = Path(f"/proc/{front}/cmdline").read_bytes().replace(b"\0", b" ").decode().split()
        run_dir = Path(words[words.index("-p") + 1])
        group = children_by_parent().get(front, [])
        assert group  # its worker
        os.kill(front, signal.SIGKILL)  # its worker goes on holding the port
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and front_of(running.process.pid) in ([], [front]):
            time.sleep(0.2)
        (again,) = front_of(running.process.pid)
        assert again != front
        while time.monotonic() < deadline and not _answers(running):
            time.sleep(0.2)
        assert _answers(running)
        assert not any(_alive(pid) for pid in group)
        assert "ended; starting it again" in log.read_text()
    finally:
        running.stop()
    assert not _alive(again)
    assert not run_dir.exists()  # configuration, socket and temporary files removed


def _answers(running) -> bool:
    try:
        return running.get("ASK {}", timeout=2).status == 200
    except OSError:
        return False


def _alive(pid: int) -> bool:
    """Whether `pid` runs (a zombie, killed but not yet reaped, does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
