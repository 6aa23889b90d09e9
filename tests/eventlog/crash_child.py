"""A writer process for the crash tests: appends events until it is killed.

Prints `ack SEQ` after each append returns (the record is on disk), so the
parent knows exactly which records were acknowledged when it sends SIGKILL.

    python crash_child.py LOG KEYFILE create|reopen SEED CHECKPOINT_RECORDS
"""

from __future__ import annotations

import sys
from pathlib import Path

from helpdesk_tui.core.events import utc_now_iso
from helpdesk_tui.eventlog import CheckpointPolicy, EventLogWriter, load_private_key
from helpdesk_tui.eventlog.testing import iter_sample_events, sample_header


def main(log: Path, key: Path, mode: str, seed: int, every: int) -> None:
    signer = load_private_key(key)
    start = 1.0
    if mode == "create":
        header = sample_header(session_id=f"{seed:032x}")
        writer = EventLogWriter.create(
            log, header, signer, CheckpointPolicy(records=every, seconds=1e9)
        )
        print("ack 0", flush=True)
    else:
        writer, recovered = EventLogWriter.reopen(log, signer)
        start = recovered.last_exam_time + 1.0
        seq = writer.append(recovered.resume_event(utc_now_iso()))
        print(f"ack {seq}", flush=True)
    for event in iter_sample_events(seed, start=start, step=0.25):
        print(f"ack {writer.append(event)}", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
