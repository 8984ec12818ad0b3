"""The query log writes whole JSON lines in batches: late by at most its interval, at once when urgent or full."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

PRELUDE = """
import os, sys, time
from frkg.querylog import QueryLog
fd = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT | os.O_APPEND)
os.dup2(fd, 2)  # the log writes the process's own stderr

def lines_written():
    return len(open(sys.argv[1]).read().splitlines())
"""


def run_child(body: str, target: Path) -> tuple[list[str], list[dict]]:
    """Run ``body`` in a fresh interpreter with stderr on ``target``; its printed counts and the log's records."""
    code = PRELUDE + textwrap.dedent(body)
    done = subprocess.run([sys.executable, "-c", code, str(target)], capture_output=True, text=True,
                          timeout=60, check=True)
    return done.stdout.split(), [json.loads(line) for line in target.read_text().splitlines()]


def test_lines_wait_for_the_interval_and_the_rest_is_written_at_exit(tmp_path):
    printed, records = run_child("""
        log = QueryLog(flush_seconds=0.3)
        for n in range(3):
            log.write({"n": n})
        print(lines_written())
        time.sleep(1.0)
        print(lines_written())
        log.write({"n": 3})
        """, tmp_path / "log")
    assert printed == ["0", "3"]
    assert records == [{"n": 0}, {"n": 1}, {"n": 2}, {"n": 3}]  # the last one by the exit hook


def test_urgent_lines_and_a_full_buffer_are_written_at_once(tmp_path):
    printed, records = run_child("""
        log = QueryLog(flush_seconds=60, max_bytes=100)
        log.write({"status": 200})
        print(lines_written())
        log.write({"status": 503}, urgent=True)
        print(lines_written())
        for n in range(30):
            log.write({"n": n})
        print(lines_written())
        os._exit(0)  # no exit hook: only what was written already
        """, tmp_path / "log")
    assert printed[:2] == ["0", "2"]  # the urgent line takes the waiting one with it, in order
    assert 2 < int(printed[2]) < 32  # written when 100 bytes waited, not at the end
    assert records[:2] == [{"status": 200}, {"status": 503}]
    assert [record["n"] for record in records[2:]] == list(range(int(printed[2]) - 2))
