"""One way to write a command's outputs: all of them, or none.

    with Staging(out_dir) as stage:
        write_quote(stage.path("quote.json"))
        write_workbook(stage.path("quote.xlsx"))
    # here every file is in out_dir; on any error (or Ctrl-C) nothing was written

:class:`Staging` makes a hidden temporary folder beside the targets (same disk, so moving a file into
place is an atomic :func:`os.replace`), hands out paths inside it and, when the ``with`` block ends
without an exception, moves every staged file to its target. Targets that exist and are not regular
files (a device such as ``/dev/full`` or ``/dev/null``, a FIFO, a folder, anything under ``/proc`` or
``/sys``, a path below a regular file) are refused with an :class:`~quoter.errors.InputError` before
anything is moved. On an exception, ``KeyboardInterrupt`` included, the staging folder is removed and no
target is touched. Every output gets the mode :data:`OUTPUT_MODE` (0o644, regardless of the umask).
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path
from types import TracebackType

from quoter.errors import InputError

OUTPUT_MODE = 0o644
"""The mode of every file quoter writes (owner read/write, everyone read), whatever the umask."""

_REFUSED_ROOTS = (Path("/proc"), Path("/sys"), Path("/dev"))


def check_target(target: Path) -> None:
    """InputError unless ``target`` can be replaced by a regular file: it is absent or a regular file,
    it is not under /proc, /sys or /dev, and no parent on its path is a regular file."""
    target = Path(target)
    resolved = Path(os.path.realpath(target))
    for root in _REFUSED_ROOTS:
        if resolved == root or root in resolved.parents:
            raise InputError(f"{target}: cannot write an output under {root}")
    for parent in resolved.parents:
        if parent.exists() and not parent.is_dir():
            raise InputError(f"{target}: {parent} is a file, not a folder")
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return
    except NotADirectoryError:
        raise InputError(f"{target}: a part of the path is a file, not a folder") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{target}: is a folder; an output file is written there")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{target}: exists and is not a regular file (a device, FIFO or socket); not replaced")


class Staging:
    """Stage outputs in a hidden folder and move them into place together (see the module docstring).

    ``Staging(out_dir)`` stages files for ``out_dir``: ``stage.path("a.docx")`` is the staged path of
    ``out_dir/a.docx``. ``stage.path(name, target=Path(...))`` stages a file for an explicit target
    (e.g. ``--out result.xlsx``) elsewhere; its staging folder is the one beside ``out_dir``, so targets
    should be on the same disk (a cross-disk target is copied, then renamed, still all or nothing per file).
    ``commit()`` returns the targets written, in the order their paths were asked for.
    """

    def __init__(self, out_dir: str | Path) -> None:
        self.out_dir = Path(out_dir)
        self._dir: Path | None = None
        self._files: list[tuple[Path, Path]] = []  # (staged, target)
        self.written: list[Path] = []
        self._created: list[Path] = []

    def __enter__(self) -> Staging:
        check_target(self.out_dir / ".quoter-probe")  # refuses /proc, /dev, a file where the folder should be
        if self.out_dir.exists() and not self.out_dir.is_dir():
            raise InputError(f"{self.out_dir}: is a file, not a folder")
        missing = [p for p in (self.out_dir, *self.out_dir.parents) if not p.exists()]
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self._created = missing  # folders made here, removed again if nothing is written
        self._dir = Path(tempfile.mkdtemp(prefix=".quoter-staging-", dir=self.out_dir))
        return self

    def path(self, name: str, target: str | Path | None = None) -> Path:
        """Where to write the output ``name`` now; it lands at ``target`` (default ``out_dir/name``)."""
        if self._dir is None:
            raise RuntimeError("Staging.path() outside the with block")
        if Path(name).name != name or name in ("", ".", ".."):
            raise ValueError(f"an output name is a plain file name, not {name!r}")
        final = Path(target) if target is not None else self.out_dir / name
        check_target(final)
        staged = self._dir / f"{len(self._files)}-{name}"
        self._files.append((staged, final))
        return staged

    def scratch(self) -> Path:
        """A fresh folder inside the staging folder (removed with it) for producers that write into a folder."""
        if self._dir is None:
            raise RuntimeError("Staging.scratch() outside the with block")
        return Path(tempfile.mkdtemp(prefix="scratch-", dir=self._dir))

    def adopt(self, made: Path, target: str | Path | None = None) -> None:
        """Stage a file a producer already wrote (in :meth:`scratch`) for ``target`` (default ``out_dir/name``)."""
        os.replace(made, self.path(made.name, target))

    def commit(self) -> list[Path]:
        """Move every staged file into place (called by ``__exit__`` on success)."""
        for staged, final in self._files:
            if not staged.is_file():
                raise RuntimeError(f"the output {final.name} was not written")
            check_target(final)
        for staged, final in self._files:
            os.chmod(staged, OUTPUT_MODE)
            final.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.replace(staged, final)
            except OSError:  # another disk: copy beside the target, then rename
                fd, tmp = tempfile.mkstemp(prefix=f".{final.name}-", dir=final.parent)
                os.close(fd)
                try:
                    shutil.copyfile(staged, tmp)
                    os.chmod(tmp, OUTPUT_MODE)
                    os.replace(tmp, final)
                finally:
                    Path(tmp).unlink(missing_ok=True)
            self.written.append(final)
        return list(self.written)

    def cleanup(self) -> None:
        """Remove the staging folder and whatever is left in it."""
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if exc_type is None:
                self.commit()
        finally:
            self.cleanup()
            if not self.written:
                for folder in self._created:  # innermost first
                    try:
                        folder.rmdir()
                    except OSError:
                        break
