"""The German catalogue translates every fixed wording of the code and templates, and
English pages show that wording itself."""

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

PROJECT = Path(__file__).resolve().parents[1]
CATALOGUE = PROJECT / "server" / "rk" / "web" / "translations" / "de" / "LC_MESSAGES" / "messages.po"


def test_every_wording_has_a_german_translation(tmp_path):
    template = tmp_path / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
                    "-k", "_l", "-k", "lazy_gettext", "--no-location", "-o", str(template), "."],
                   cwd=PROJECT, check=True, timeout=120, capture_output=True)
    with template.open("rb") as stream:
        wanted = {message.id if isinstance(message.id, str) else message.id[0]
                  for message in read_po(stream) if message.id}
    with CATALOGUE.open("rb") as stream:
        german = read_po(stream)
    translated = {message.id if isinstance(message.id, str) else message.id[0]
                  for message in german if message.id and all(message.string if isinstance(message.string, tuple)
                                                              else [message.string])}
    assert len(wanted) > 150
    assert sorted(wanted - translated) == []
    assert not [m.id for m in german if m.id and m.fuzzy]
