"""Check that the trained model classifies every user message in the test stories as the
story says.

``rasa test core`` checks the actions a story predicts but takes each user message's
intent from the story itself; this script parses the messages with the model (NLU and
the exact-intent component included), so the stories test the whole turn.  Usage::

    python scripts/check_story_intents.py models/assistant.tar.gz tests/stories
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path

import yaml


def story_messages(folder: Path) -> list[tuple[str, str, str]]:
    """(story, text, intent) of every user step in the story files."""
    out: list[tuple[str, str, str]] = []
    for path in sorted(folder.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for story in data.get("stories", []):
            for step in story.get("steps", []):
                if "user" in step and "intent" in step:
                    out.append((story["story"], str(step["user"]).strip(), step["intent"]))
    return out


async def check(model: Path, folder: Path) -> int:
    from rasa.core.agent import load_agent

    import addons  # noqa: F401  (the model's custom components)

    agent = await load_agent(model_path=str(model))
    wrong = []
    messages = story_messages(folder)
    for story, text, intent in messages:
        parsed = await agent.parse_message(text)
        got = parsed["intent"]["name"]
        if got != intent:
            wrong.append((story, text, intent, got, parsed["intent"]["confidence"]))
    print(f"{len(messages) - len(wrong)} of {len(messages)} story messages classified as the "
          f"stories say")
    for story, text, intent, got, confidence in wrong:
        print(f"  {story}: {text!r} is {got} ({confidence:.2f}), the story says {intent}")
    return 1 if wrong else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("stories", type=Path)
    args = parser.parse_args(argv)
    import structlog

    logging.disable(logging.WARNING)
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    return asyncio.run(check(args.model, args.stories))


if __name__ == "__main__":
    sys.exit(main())
