"""A sitting's register: who sits, on which scenario, which log, what state, the verdicts, the outcome.

Pure (no Textual): a TinyDB document per candidate, kept beside the logs and
made only from them (`register.Sitting`, `derive.candidate_row`), written
atomically under a lock (`store`), updated by the programs that change the
files (`hooks`). See docs/deployment.md, "A sitting".
"""

from helpdesk_tui.sitting.register import Sitting, sitting_folder
from helpdesk_tui.sitting.store import RegisterBusy, RegisterError

__all__ = ["RegisterBusy", "RegisterError", "Sitting", "sitting_folder"]
