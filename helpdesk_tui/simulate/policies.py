"""The three candidates `helpdesk-exam simulate --policy` can play.

- `ideal` follows the answer key and the procedures and breaches no SLA: the
  scenario author's proof that the scenario can be solved, and a log with
  evidence for every competency the scenario names.
- `naive` works first come first served, one thing at a time, slowly; asks
  no questions, uses jargon, never paraphrases or relays, trusts the queue's
  priorities: the log of a candidate who should not pass.
- `idle` does nothing: every customer waits, every clock runs out.
"""

from __future__ import annotations

from helpdesk_tui.simulate.gaming import MacroPolicy, ParrotPolicy, ShotgunPolicy
from helpdesk_tui.simulate.gaming_broker import BrokerPolicy
from helpdesk_tui.simulate.gaming_clerk import ClerkPolicy
from helpdesk_tui.simulate.gaming_composite import CompositePolicy
from helpdesk_tui.simulate.gaming_courier import CourierPolicy
from helpdesk_tui.simulate.gaming_dispatcher import DispatcherPolicy
from helpdesk_tui.simulate.gaming_envoy import EnvoyPolicy
from helpdesk_tui.simulate.gaming_forger import ForgerPolicy
from helpdesk_tui.simulate.gaming_ghost import GhostPolicy
from helpdesk_tui.simulate.gaming_herald import HeraldPolicy
from helpdesk_tui.simulate.gaming_lawyer import LawyerPolicy
from helpdesk_tui.simulate.gaming_mimic import MimicPolicy
from helpdesk_tui.simulate.gaming_prompter import PrompterPolicy
from helpdesk_tui.simulate.gaming_savvy import SavvyPolicy
from helpdesk_tui.simulate.gaming_tailor import TailorPolicy
from helpdesk_tui.simulate.gaming_usher import UsherPolicy
from helpdesk_tui.simulate.jobs import Style
from helpdesk_tui.simulate.policy import IdlePolicy, Policy
from helpdesk_tui.simulate.scripted import ScriptedCandidate
from helpdesk_tui.simulate.worded import (
    WordedBPolicy,
    WordedCPolicy,
    WordedDPolicy,
    WordedEPolicy,
    WordedFPolicy,
    WordedGPolicy,
    WordedHPolicy,
    WordedIPolicy,
    WordedJPolicy,
    WordedKPolicy,
    WordedLPolicy,
    WordedMPolicy,
    WordedNPolicy,
    WordedOPolicy,
    WordedPolicy,
    WordedPPolicy,
)


class IdealPolicy(ScriptedCandidate):
    name = "ideal"
    description = "follows the answer key and the procedures; breaches no SLA"
    style = Style("ideal")


class NaivePolicy(ScriptedCandidate):
    name = "naive"
    description = "first come first served, jargon, no questions, slower"
    style = Style(
        "naive",
        ask_questions=False,
        paraphrase=False,
        empathy=False,
        plain_words=False,
        jargon=True,
        wait_for_customer=False,
        reply_timeout_s=8.0,
        by_priority=False,
        one_at_a_time=True,
        sla_updates=False,
        answer_waiting=False,
        relay=False,
        use_canned=False,
        correct_fields=False,
        pick_right_article=False,
        search_while_listening=False,
        speed=2.5,
        pickup_s=20.0,
    )


POLICIES: dict[str, type[Policy]] = {
    "ideal": IdealPolicy,
    "naive": NaivePolicy,
    "idle": IdlePolicy,
    "worded": WordedPolicy,
    "worded-b": WordedBPolicy,
    "worded-c": WordedCPolicy,
    "worded-d": WordedDPolicy,
    "worded-e": WordedEPolicy,
    "worded-f": WordedFPolicy,
    "worded-g": WordedGPolicy,
    "worded-h": WordedHPolicy,
    "worded-i": WordedIPolicy,
    "worded-j": WordedJPolicy,
    "worded-k": WordedKPolicy,
    "worded-l": WordedLPolicy,
    "worded-m": WordedMPolicy,
    "worded-n": WordedNPolicy,
    "worded-o": WordedOPolicy,
    "worded-p": WordedPPolicy,
    "shotgun": ShotgunPolicy,
    "macro": MacroPolicy,
    "parrot": ParrotPolicy,
    "savvy": SavvyPolicy,
    "lawyer": LawyerPolicy,
    "forger": ForgerPolicy,
    "mimic": MimicPolicy,
    "ghost": GhostPolicy,
    "tailor": TailorPolicy,
    "clerk": ClerkPolicy,
    "usher": UsherPolicy,
    "broker": BrokerPolicy,
    "courier": CourierPolicy,
    "envoy": EnvoyPolicy,
    "herald": HeraldPolicy,
    "prompter": PrompterPolicy,
    "dispatcher": DispatcherPolicy,
    "composite": CompositePolicy,
}
"""The policies by name, in the order `--policy` lists them."""
