"""The ontology's documentation is made by `rk build` (pyLODE, per language) and pinned with
the build; the server shows it without ever importing pyLODE."""

import hashlib
import os
import subprocess
import sys

from pages_support import get, tree
from sparql_support import start_server

from rk.paths import ONTOLOGY_HTML

LANGUAGES = ("de", "en")


def test_the_build_writes_the_documentation_per_language_into_its_manifest(build_result):
    files = {entry["file"]: entry for entry in build_result.manifest["files"]}
    for lang in LANGUAGES:
        name = ONTOLOGY_HTML.format(lang=lang)
        made = (build_result.folder / name).read_bytes()
        assert files[name]["bytes"] == len(made) and files[name]["sha256"] == hashlib.sha256(made).hexdigest()
        assert b'id="ThematicForum"' in made or b"#ThematicForum" in made
    german = (build_result.folder / ONTOLOGY_HTML.format(lang="de")).read_text(encoding="utf-8")
    english = (build_result.folder / ONTOLOGY_HTML.format(lang="en")).read_text(encoding="utf-8")
    assert "Themenforum" in german and "Themenforum" not in english


def test_the_ontology_page_is_served_without_pylode_in_the_server(dataset_dir, tmp_path, monkeypatch):
    shadow = tmp_path / "shadow"
    (shadow / "pylode").mkdir(parents=True)
    (shadow / "pylode" / "__init__.py").write_text('raise ImportError("pyLODE imported in the server")\n')
    path = os.pathsep.join(filter(None, [str(shadow), os.environ.get("PYTHONPATH")]))
    monkeypatch.setenv("PYTHONPATH", path)
    tried = subprocess.run([sys.executable, "-c", "import pylode"], capture_output=True, text=True, timeout=60)
    assert "pyLODE imported in the server" in tried.stderr  # the shadow works

    server = start_server(dataset_dir, tmp_path / "serve.log", "--workers", "1")
    try:
        for lang, heading in (("de", "Klassen"), ("en", "Classes")):
            answer = get(server.port, f"/ontology.html?lang={lang}")
            assert answer.status == 200, (lang, answer.text[:300])
            page = tree(answer.text)
            assert page.one("html").attrs["lang"] == lang
            assert page.one("main") and page.one("footer")
            assert heading in [h.text() for h in page.all("h2")], lang
            assert 'id="ThematicForum"' in answer.text
    finally:
        server.stop()
    assert "pyLODE imported" not in (tmp_path / "serve.log").read_text()
