"""Finds a module's reflection prompt from the ids in a link, trusting neither id.

Modules (the content issue) carry reflection prompts as StreamField blocks. A link to write a
journal entry or a commitment names the module page and the prompt block's id; anything that
does not resolve to a prompt on a live module is ignored rather than treated as an error.
"""

from dataclasses import dataclass

from modules.models import ModulePage

PROMPT_BLOCK_TYPES = {"reflection", "reflection_prompt"}
MAX_ID_LENGTH = 64


@dataclass(frozen=True)
class Prompt:
    module: ModulePage
    block_id: str
    question: str


def _question(value) -> str:
    if isinstance(value, str):
        return value
    for key in ("prompt", "question", "text"):
        try:
            text = value[key]
        except (KeyError, TypeError, IndexError):
            continue
        if text:
            return str(getattr(text, "source", text))
    return ""


def module_from_id(module_id) -> ModulePage | None:
    """A live module page by id, or None for anything else (a draft, a forged id, rubbish)."""
    try:
        module_id = int(module_id)
    except (TypeError, ValueError):
        return None
    return ModulePage.objects.live().filter(pk=module_id).first()


def resolve_prompt(module_id, block_id) -> Prompt | None:
    """The reflection prompt `block_id` on live module `module_id`, or None."""
    if not block_id or len(str(block_id)) > MAX_ID_LENGTH:
        return None
    module = module_from_id(module_id)
    if module is None:
        return None
    for block in getattr(module, "body", None) or []:
        if block.block_type in PROMPT_BLOCK_TYPES and block.id == block_id:
            question = _question(block.value).strip()
            if question:
                return Prompt(module=module, block_id=block.id, question=question)
    return None
