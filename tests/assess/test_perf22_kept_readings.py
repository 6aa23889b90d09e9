"""perf22: readings of the contact (2.19, 2.22) kept per text or per log, and their answers
those of the reading made afresh.

- `_text_chunks`: a text's clauses cut once (`_chunks` of `clauses`), kept per text;
- `_own_content`: a clause's own words counted once, kept per text (and `_frame_words` reads
  each text once, however many customers it was sent to);
- `woven_borrowed` reads only the articles that hold a stem the customer does not give
  (`_articles_by_stem`), and its share must be the one every article read in turn gives
  (`every_article` below: 2.22's loop as evid35 wrote it, copied here, not imported).

The expected answers come from the fresh readings, not from the kept ones: a cache keyed by
the wrong thing (the case, the length, the first text asked) hands one text another's answer
and fails here.
"""

from __future__ import annotations

from collections import Counter

import pytest
from bundled_kit import on_scenario_runs

from helpdesk_tui.assess import integrity
from helpdesk_tui.assess.cases import Case, build_cases
from helpdesk_tui.assess.context import Context
from helpdesk_tui.assess.evidence import EvidenceGatherer

from .test_rules_2_22 import ONE_STEP_AND_OWN, WOVEN, chat


def every_article(ctx: Context, mine: str, theirs: frozenset[str]) -> float:
    """2.22's share as evid35 read it: every article in turn (the reference)."""
    width = integrity._width(len(mine))
    wanted = set(mine)
    not_theirs = wanted - theirs
    best = 0.0
    assert ctx.scenario is not None
    for article in ctx.scenario.kb:
        outside = len(not_theirs - integrity._stem_set(ctx, article.body))
        if len(wanted) - outside < integrity.WOVEN_SHARE * len(wanted):
            continue
        source = integrity._content_code(ctx, article.body)
        share, at = integrity.aligned_at(mine, source)
        left = Counter(mine) - Counter(source[at : at + width])
        extra = sum(n for ch, n in left.items() if ch in theirs) / len(mine)
        if share >= extra:
            best = max(best, share + extra)
    return best


def woven_as_before(ctx: Context, case: Case, sentence: str, action: object) -> float:
    """`woven_borrowed` with its first two returns, then `every_article`."""
    mine = integrity._content_code(ctx, sentence)
    if len(mine) < integrity.BORROWED_MIN_WORDS or ctx.scenario is None:
        return 0.0
    theirs = integrity._customer_stems(ctx, case, action)  # type: ignore[arg-type]
    if sum(1 for ch in mine if ch in theirs) >= integrity.BORROWED_SHARE_ALIGNED * len(mine):
        return 0.0
    return every_article(ctx, mine, theirs)


def theirs_given(case: Case, seq: int, theirs: frozenset[str]) -> None:
    """What the customer had said before message `seq`, set by hand (the kept stems)."""
    case.cache.setdefault("customer_stems", {})[seq] = theirs


@pytest.mark.parametrize("lang", sorted(WOVEN))
@pytest.mark.parametrize("texts", [WOVEN, ONE_STEP_AND_OWN], ids=["woven", "one-step"])
def test_woven_reads_the_same_share_as_every_article(lang: str, texts: dict[str, str]) -> None:
    ctx, case = chat(lang, texts[lang])
    read = 0
    for action in case.said():
        for chunk in integrity._text_chunks(ctx, action.text or ""):
            sentence = " ".join(chunk)
            want = woven_as_before(ctx, case, sentence, action)
            assert integrity.woven_borrowed(ctx, case, sentence, action) == want, sentence
            read += want > 0
    assert read  # a chat whose every clause reads 0.0 would compare nothing


@pytest.mark.parametrize("lang", sorted(WOVEN))
def test_woven_with_any_customers_words(lang: str) -> None:
    """The customer's words set by hand: none, each article's own stems, the clause's stems
    but one that comes back (the customer gives nine of ten distinct stems, so an article
    that holds none of the rest can still reach the share: every article is read then)."""
    ctx, case = chat(lang, WOVEN[lang])
    action = case.said()[-1]
    assert ctx.scenario is not None
    kb_sets = [integrity._stem_set(ctx, a.body) for a in ctx.scenario.kb]
    compared = 0
    for chunk in integrity._text_chunks(ctx, action.text or ""):
        sentence = " ".join(chunk)
        mine = integrity._content_code(ctx, sentence)
        if len(mine) < integrity.BORROWED_MIN_WORDS:
            continue
        wanted = sorted(set(mine))
        givens = [frozenset(), *kb_sets, frozenset(wanted[: len(wanted) // 2])]
        givens += [frozenset(wanted) - {stem} for stem in wanted]
        for theirs in givens:
            theirs_given(case, action.seq, theirs)
            want = woven_as_before(ctx, case, sentence, action)
            assert integrity.woven_borrowed(ctx, case, sentence, action) == want, (sentence, theirs)
            compared += 1
    assert compared > 10


def test_every_article_is_read_when_the_customer_gives_nearly_all() -> None:
    """A clause of ten distinct stems, nine of them an article's first and the customer's, the
    tenth in no article and said three times: the customer's words alone are under 2.15's share
    (9 of 12), and an article with the nine reaches 2.22's (9 of 10 distinct stems) though it
    holds no stem the customer did not give. Reading only the articles that hold one would read
    none here; the reference reads the article's nine in their order (0.75)."""
    ctx, case = chat("en", WOVEN["en"])
    action = case.said()[-1]
    assert ctx.scenario is not None
    article = integrity._content_code(ctx, ctx.scenario.kb[0].body)
    nine = list(dict.fromkeys(article))[:9]
    assert len(nine) == 9
    tenth = chr(0x10FFF0)  # a code no stem of this log has
    sentence = "a clause of the test"
    ctx.cache.setdefault("content_codes", {})[sentence] = "".join(nine) + tenth * 3
    theirs_given(case, action.seq, frozenset(nine))
    want = woven_as_before(ctx, case, sentence, action)
    assert want >= 0.75
    assert integrity.woven_borrowed(ctx, case, sentence, action) == want


@pytest.mark.parametrize("lang", sorted(WOVEN))
def test_chunks_and_own_words_kept_per_text(lang: str) -> None:
    """Each text's chunks and each clause's own words as read afresh, asked in turn and again
    in the other order (a cache keyed by anything but the text hands the first answer on)."""
    ctx, case = chat(lang, WOVEN[lang])
    texts = [a.text or "" for a in case.said()] + [WOVEN[lang], ONE_STEP_AND_OWN[lang]]
    fresh = {t: [list(c) for c in integrity._chunks(ctx, integrity.clauses(t))] for t in texts}
    assert len({str(v) for v in fresh.values()}) > 2
    for order in (texts, texts[::-1]):
        for text in order:
            assert [list(c) for c in integrity._text_chunks(ctx, text)] == fresh[text]
    same_length = ("printer cable toner drum", "we are so so very sorry!")  # 24 characters each
    clauses = {c for t in texts for c in integrity.clauses(t)} | set(same_length)
    own = {}
    for clause in clauses:
        mine = integrity._named_away(ctx, clause)
        frames = integrity._frame_words(ctx)
        own[clause] = len(mine) - len(integrity._covered(mine, frames, integrity.FRAME_RUN))
    assert len(set(own.values())) > 2
    assert own[same_length[0]] != own[same_length[1]]
    for order in (sorted(clauses), sorted(clauses, reverse=True)):
        for clause in order:
            assert integrity._own_content(ctx, clause) == own[clause]


RUNS = [("en-calder-valley-exam", "broker"), ("nl-verhaeghe-dinsdag", "worded")]


@pytest.mark.parametrize(("scenario_id", "policy"), on_scenario_runs(RUNS))
def test_a_run_reads_every_woven_share_as_before(
    bundled_runs, bundled_scenarios, scenario_id: str, policy: str
) -> None:
    """Every clause of every message of a whole run (broker: the cheater 2.22 reads; a phrase
    bank), `woven_borrowed` against the reference, each at its place in its case."""
    scenario = bundled_scenarios[scenario_id]
    fold = EvidenceGatherer(scenario).feed_all(
        enumerate(bundled_runs[scenario_id, policy].events, 1)
    )
    state = fold.state
    cases = build_cases(state, fold.tracker, scenario)
    ctx = Context(state, fold.tracker, scenario, state.language, cases, fold.tracker.finish(),
                  state.now, text_lang=state.language)  # fmt: skip
    shares: list[float] = []
    for case in cases:
        for action in case.said():
            for chunk in integrity._text_chunks(ctx, action.text or ""):
                sentence = " ".join(chunk)
                want = woven_as_before(ctx, case, sentence, action)
                assert integrity.woven_borrowed(ctx, case, sentence, action) == want, sentence
                shares.append(want)
    assert len(shares) > 20 and any(shares)
    frames: dict[tuple[str, ...], set[str]] = {}  # 2.19's frames as evid28 gathered them
    for _, text, who in integrity._own_words(ctx):
        for part in integrity.clauses(text):
            for run in integrity._runs(integrity._named_away(ctx, part), integrity.FRAME_RUN):
                frames.setdefault(run, set()).add(who)
    want = {r for r, who in frames.items() if len(who) >= integrity.TEMPLATE_CUSTOMERS}
    ctx.cache.pop("contact_frames", None)
    assert integrity._frame_words(ctx) == want
