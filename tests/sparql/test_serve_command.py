"""`rk serve` and the settings registry."""

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

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
