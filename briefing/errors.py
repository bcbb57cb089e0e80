"""Named errors the CLI turns into one-line messages and exit codes."""
from __future__ import annotations


class BriefingError(Exception):
    """Base class: anything the user can fix, reported as one line."""

    exit_code = 1


class InputError(BriefingError):
    """A file that cannot be read as an article (missing, empty, binary, corrupt…)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self):
        """Pickled by its two parts: ingest's worker processes send these back."""
        return type(self), (self.path, self.reason)


class FontError(BriefingError):
    """No usable CJK TrueType font: never write a PDF of empty boxes."""

    exit_code = 3


class ConfigError(BriefingError):
    """A config file or setting that cannot be used."""

    exit_code = 2


class MailError(BriefingError):
    """Sending failed for at least one recipient."""

    exit_code = 4
