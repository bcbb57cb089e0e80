"""`briefing` as the benchmark runs it: the real command line, plus one stderr line
each time a process actually loads jieba's dictionary (the library keeps jieba's own
log quiet, so the benchmark counts loads here instead)."""
from __future__ import annotations

import os
import sys

import jieba

from benchmarks.measure import JIEBA_LOADED
from briefing.cli import main

_initialize = jieba.Tokenizer.initialize


def _traced_initialize(self: jieba.Tokenizer, dictionary: str | None = None) -> None:
    loading = not self.initialized
    _initialize(self, dictionary)
    if loading and self.initialized:
        print(f"{JIEBA_LOADED} in process {os.getpid()}", file=sys.stderr, flush=True)


jieba.Tokenizer.initialize = _traced_initialize

if __name__ == "__main__":
    sys.exit(main())
