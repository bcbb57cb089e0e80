"""Measuring the benchmark's work: a command-line run as a child process (wall and
CPU time of its whole tree, memory sampled from /proc), or a stretch of work in
this process (wall and CPU time).
"""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_EVERY = 0.25         # seconds between memory samples (reading them costs CPU too)
JIEBA_LOADED = "benchmark: jieba dictionary loaded"  # printed by traced_cli.py


@dataclass
class Run:
    """One command-line run: wall and CPU seconds, peak memory, its output."""

    wall: float
    cpu: float
    max_rss_mb: float        # the largest single process (main or a worker), sampled
    peak_tree_mb: float      # the whole tree at its largest (sum of PSS), sampled
    status: int
    output: str

    @property
    def cores_used(self) -> float:
        return self.cpu / self.wall if self.wall else 0.0


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            kids += [int(k) for k in task.read_text().split()]
        except OSError:
            pass
    return kids


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += _children(p)
    return out


def _memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process. PSS counts a page shared by n processes as 1/n,
    so the PSS of a tree adds up to what the workers really cost together."""
    found = {"Rss:": 0, "Pss:": 0}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            key = line.split(maxsplit=1)[0] if line else ""
            if key in found:
                found[key] = int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return found["Rss:"], found["Pss:"]


def run_cli(args: list[str], log: Path) -> Run:
    """Run `briefing ARGS` as a child process, sampling its tree's memory."""
    cmd = [sys.executable, "-m", "benchmarks.traced_cli", *args]
    peak_tree, peak_process = [0], [0]
    with open(log, "w", encoding="utf-8") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
        done = threading.Event()

        def sample() -> None:
            while not done.wait(SAMPLE_EVERY):
                sizes = [_memory_kb(p) for p in _tree(proc.pid)]
                peak_tree[0] = max(peak_tree[0], sum(pss for _, pss in sizes))
                peak_process[0] = max([peak_process[0]] + [rss for rss, _ in sizes])

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        done.set()
        sampler.join()
    # wait4 reports the child's CPU together with that of the workers it reaped. Its
    # ru_maxrss is no use: it keeps the size of this process, forked before the exec.
    return Run(wall=wall, cpu=usage.ru_utime + usage.ru_stime,
               max_rss_mb=peak_process[0] / 1024, peak_tree_mb=peak_tree[0] / 1024,
               status=proc.returncode, output=log.read_text(encoding="utf-8").strip())


@dataclass
class Timing:
    """Wall and CPU seconds of work done in this process.

    Ratios use CPU seconds: the machine is shared, and another program's load
    stretches wall time but not the CPU time our code needs.
    """

    wall: float
    cpu: float

    @classmethod
    def start(cls) -> Timing:
        return cls(time.perf_counter(), time.process_time())

    def stop(self) -> Timing:
        return Timing(time.perf_counter() - self.wall, time.process_time() - self.cpu)
