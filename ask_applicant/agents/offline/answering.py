"""A specialist's answer from its tool outputs, or the one more tool it tries first.

The tools of this turn have returned: their facts, ranked for the question, become the
answer (`composer`, `reply`); a working condition is answered from the resume's own
sentence on it (`stance`), a gap between jobs from the dates (`gaps`); a thing the
profile never mentions is said to be absent; a skill it lists without dates is known
but not countable (`undated`). When the first tool found nothing, one more tool may be
tried.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from agents import FunctionTool

from ask_applicant.agents.offline import (
    career_change,
    composer,
    gaps,
    promotions,
    reasons,
    stance,
    wording,
)
from ask_applicant.agents.offline.decision import Call, Decision, Question, Reply
from ask_applicant.agents.offline.evidence import Evidence
from ask_applicant.agents.offline.intent import Intent, classify
from ask_applicant.agents.offline.lexicon import Lexicon, unknown_names, unmentioned
from ask_applicant.agents.offline.toolbox import Toolbox
from ask_applicant.agents.offline.transcript import Exchange, Transcript
from ask_applicant.agents.offline.undated import asked_thing, undated_answer, undated_sources


def answer(
    question: Question,
    transcript: Transcript,
    toolbox: Toolbox,
    done: list[Exchange],
    lexicon: Lexicon | None,
) -> Decision:
    """Answer from this turn's tool outputs, or try one more tool when they found nothing.

    Args:
        question: The question of the turn.
        transcript: The turn so far.
        toolbox: The specialist's tools.
        done: This turn's finished calls of those tools.
        lexicon: The profile's words (None: unknown).

    Returns:
        The reply, or the call of one more tool.
    """
    called = {exchange.name for exchange in done}
    noise = toolbox.name_terms(called)
    unasked = called - toolbox.matched(question.query.all)
    evidence = Evidence.gather(done, question.query.without(noise).all, strict=unasked)
    # "How about Vue?" asks what the question it continues asked.
    elliptic = question.follow_up is not None and question.follow_up.kind == "ellipsis"
    intent = classify(question.text if elliptic else transcript.question)
    # A working condition with no prepared answer: the resume's sentence on it (`stance`).
    said = stance.read(question.text, evidence.facts)
    if gaps.asked(question.text) and (said is None or said.fact is None):
        # "Any gaps in his work history?": the dates say, when no sentence does.
        told = gaps.answer(evidence.notes, korean=question.korean)
        decided = _told_or_history(told, toolbox, called, question.text, gaps.asked)
        if decided is not None:
            return decided
    yes_no = intent is Intent.YES_NO
    fields = career_change.asked(question.text)
    if fields is not None:
        # "When did she move from engineering into product?": the first job of the new
        # field after one of the old, from the work history.
        told = career_change.answer(evidence.facts, fields, korean=question.korean, yes_no=yes_no)
        decided = _told_or_history(told, toolbox, called, question.text, promotions.asked)
        if decided is not None:
            return decided
    if promotions.asked(question.text):
        # "When was he promoted?": the moves to a new role at one employer, from the dates.
        told = promotions.answer(
            evidence.notes, question.text, korean=question.korean, yes_no=yes_no
        )
        decided = _told_or_history(told, toolbox, called, question.text, promotions.asked)
        if decided is not None:
            return decided
    if said is not None and said.fact is None and len(done) == 1:
        other = stance.speaking_tool(said.topic, toolbox.tools, exclude=called)
        if other is not None:
            return Call(other.name, toolbox.arguments(other, question.text))
    if said is not None:
        asks = intent is Intent.YES_NO
        told = stance.answer(
            said, question.voice, korean=question.korean, yes_no=asks, question=question.text
        )
        return Reply(told)
    thing = None
    if evidence.empty:
        absent = wording.section_absent(
            evidence.notes, korean=question.korean, answer_no=intent is Intent.YES_NO
        )
        if absent is not None:
            # "Did she win any awards?" of a resume without awards: it lists none.
            return Reply(absent)
        undated = undated_sources(evidence.notes)
        if undated:
            # Listed without dates: known (yes), but no years to count; no other tool
            # of this area would name it.
            told = undated_answer(
                asked_thing(done), undated, korean=question.korean, yes_no=intent is Intent.YES_NO
            )
            return Reply(told)
        # No other tool can find what the profile never mentions.
        named = (unmentioned(lexicon, call, toolbox.tools) for call in done)
        thing = next((found for found in named if found is not None), None)
        if thing is None and len(done) == 1:
            retry = toolbox.pick_retry(question.text, question.query.all, exclude=called)
            if retry is not None:
                return Call(retry.tool.name, retry.arguments.values)
    if thing is None and intent in (Intent.WHEN, Intent.DURATION):
        # "How long was he at Google?": no other job's dates answer it.
        thing = unknown_names(lexicon, transcript.question, question.ignore)
    if thing is not None:
        answer_no = intent is Intent.YES_NO
        absent = wording.named_thing(thing)
        return Reply(wording.not_mentioned(absent, korean=question.korean, answer_no=answer_no))
    explained = reasons.giving(evidence.facts) if reasons.asked(question.text) else []
    if explained:
        # The prepared answer or the sentence that says why is the answer, not the jobs.
        evidence = dataclasses.replace(evidence, facts=explained, notes=[])
        intent = Intent.DESCRIBE
    elif reasons.asked(question.text):
        # "Why did she leave?": the jobs say what happened, not why; the prepared
        # answers may, when not yet asked.
        faq = next(
            (t for t in toolbox.tools if t.name not in called and reasons.explaining(t)), None
        )
        if faq is not None:
            return Call(faq.name, toolbox.arguments(faq, question.text))
        return Reply(reasons.not_said(korean=question.korean))
    told = composer.answer(
        evidence,
        question.voice,
        korean=question.korean,
        question=question.text,
        intent=intent,
        ignore=question.ignore,
    )
    if (
        intent is Intent.YES_NO
        and not question.korean
        and len(done) == 1
        and wording.is_no_mention(told)
    ):
        # "Does she blog?" of the basics, when a post sits among the publications: a
        # search of the whole resume may still find it before the answer is no. (Only
        # in English, whose names a yes must then hold; a Korean name spelt in Hangul
        # is not checked so, and "개발" of "앵귤러로 개발해 봤나요?" would find a job.)
        retry = toolbox.pick_retry(question.text, question.query.all, exclude=called)
        if retry is not None and retry.arguments.specific:
            return Call(retry.tool.name, retry.arguments.values)
    return Reply(told)


def _told_or_history(
    told: str | None,
    toolbox: Toolbox,
    called: set[str],
    question: str,
    names: Callable[[str], bool],
) -> Decision | None:
    """The answer the work history's notes gave; else the call of the tool whose
    description `names` what is asked (a function tool without required arguments, not
    yet called); else None."""
    if told is not None:
        return Reply(told)
    history = next(
        (
            tool
            for tool in toolbox.tools
            if tool.name not in called
            and isinstance(tool, FunctionTool)
            and not tool.params_json_schema.get("required")
            and names(tool.description or "")
        ),
        None,
    )
    return Call(history.name, toolbox.arguments(history, question)) if history is not None else None
