"""Writing a file so that a failed or killed write leaves the old one as it was.

The new bytes go to a hidden temporary file beside the target, which is renamed
over it only once complete; a reader sees the old file or the new one, never half.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def file_mode() -> int:
    """The mode an ordinary new file gets here (mkstemp's 0600 would hide it from others)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def temp_beside(final: Path) -> Path:
    """A new empty hidden file in `final`'s folder, for its bytes to be written into."""
    fd, tmp = tempfile.mkstemp(dir=final.parent, prefix=f".{final.name}.", suffix=".part")
    os.close(fd)
    return Path(tmp)


def publish(tmp: Path, final: Path) -> None:
    """Give the finished `tmp` an ordinary file's mode and rename it over `final`."""
    os.chmod(tmp, file_mode())
    os.replace(tmp, final)


def write_bytes_atomically(final: Path, data: bytes) -> None:
    """`final.write_bytes(data)`, all or nothing."""
    tmp = temp_beside(final)
    try:
        tmp.write_bytes(data)
        publish(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)
