"""Synthetic datasets of any size with the shape and vocabulary of the real one.

    python bench/synthetic.py TRIPLES OUT_DIR [--build-dir build] [--seed 1]

The real dataset is copy 0. Each further copy k repeats the statements of the real
`data` and `inferred` graphs that involve an instance or a blank node, with every
instance IRI (…/id/forum/04) and blank node renamed (…/id/forum/04-s7), so departments,
forums, persons, posts, events, venues, cities and moderations keep their real
proportions and links, and the catalogue queries work unchanged. The participant
numbers of each copy are scaled by a factor drawn from a seeded generator. The ontology,
shapes and meta graphs appear once. Quads are streamed to OUT_DIR/dataset.nq (never all
in memory) with a manifest.json whose version is the file's sha256, as `rk build` writes.
"""

import argparse
import hashlib
import json
import random
import re
from pathlib import Path

from rk.paths import BUILD_DIR, DATASET_NQ, MANIFEST

COPIED_GRAPHS = (b"<https://w3id.org/ruhr-konferenz/graph/data>",
                 b"<https://w3id.org/ruhr-konferenz/graph/inferred>")
_INSTANCE = re.compile(r"(<https://w3id\.org/ruhr-konferenz/id/[^>]*)>")
_BLANK = re.compile(r"(?<![\w\"])(_:[A-Za-z0-9]+)")
_COUNT = re.compile(
    r'(<https://w3id\.org/ruhr-konferenz/ontology#participants(?:Min|Max|Approximate)> )'
    r'"(\d+)"'
)


def templates(nquads: Path) -> tuple[list[str], list[str]]:
    """The lines written once, and the copied lines as format strings ({s}: suffix, {n}: factor)."""
    once, copied = [], []
    with nquads.open("rb") as stream:
        for line in stream:
            if not line.rstrip().endswith(b" .") or not any(g in line for g in COPIED_GRAPHS):
                once.append(line.decode("utf-8"))
                continue
            text = line.decode("utf-8").replace("{", "{{").replace("}", "}}")
            text, instances = _INSTANCE.subn(r"\1{s}>", text)
            text, blanks = _BLANK.subn(r"\1{b}", text)
            if not instances + blanks:  # a statement about shared things: once is enough
                once.append(line.decode("utf-8"))
                continue
            text = _COUNT.sub(r'\1"{n[\2]}"', text)
            copied.append(text)
    return once, copied


class _Scaled:
    """Formats `{n[123]}` as 123 times the copy's factor, rounded."""

    def __init__(self, factor: float):
        self.factor = factor

    def __getitem__(self, value: str) -> int:
        return round(int(value) * self.factor)


def generate(triples: int, out_dir: Path, build_dir: Path = BUILD_DIR, seed: int = 1) -> dict:
    """Write OUT_DIR/dataset.nq with about `triples` quads; returns the manifest written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    once, copied = templates(build_dir / DATASET_NQ)
    copies = max(0, round((triples - len(once) - len(copied)) / len(copied)))
    rng = random.Random(seed)
    digest, count = hashlib.sha256(), 0
    target = out_dir / DATASET_NQ
    with target.open("wb") as stream:

        def write(text: str) -> None:
            data = text.encode("utf-8")
            digest.update(data)
            stream.write(data)

        write("".join(once))
        write("".join(line.format(s="", b="", n=_Scaled(1.0)) for line in copied))
        count = len(once) + len(copied)
        for k in range(1, copies + 1):
            scaled = _Scaled(rng.uniform(0.5, 2.0))
            write("".join(line.format(s=f"-s{k}", b=f"s{k}", n=scaled) for line in copied))
            count += len(copied)
    manifest = {"version": digest.hexdigest(), "triples_total": count, "copies": copies + 1,
                "seed": seed}
    (out_dir / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("triples", type=float, help="about how many triples (1e6 works)")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--build-dir", type=Path, default=BUILD_DIR)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(json.dumps(generate(int(args.triples), args.out_dir, args.build_dir, args.seed)))


if __name__ == "__main__":
    main()
