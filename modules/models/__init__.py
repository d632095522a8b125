"""Wagtail pages and snippets for BoardReady's content, and each reader's progress."""

from .assurance import AssuranceQuestion, AssuranceQuestionsPage
from .case_studies import CaseStudyIndexPage, CaseStudyPage
from .lexicon import GlossaryPage, LexiconTerm
from .pages import HomePage, ModuleIndexPage, ModulePage
from .progress import ModuleProgress, ProgressStatus

__all__ = [
    "AssuranceQuestion",
    "AssuranceQuestionsPage",
    "CaseStudyIndexPage",
    "CaseStudyPage",
    "GlossaryPage",
    "HomePage",
    "LexiconTerm",
    "ModuleIndexPage",
    "ModulePage",
    "ModuleProgress",
    "ProgressStatus",
]
