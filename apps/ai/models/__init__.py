"""The credits ledger, the AI request log and admins' prompt overrides.

Balances live on User (ai_text_credits, ai_image_credits; a CHECK keeps them ≥ 0) and change
only here, each change together with its CreditEntry row, in one transaction, with the user's
row locked: the ledger of a person always sums to their balance. A request reserves its most
first (a negative entry), then settles: the unused part comes back as a refund entry, or all
of it when the call failed, was cancelled, or its worker died (the reservation expires).
"""

from .credits import (
    BALANCE_FIELDS,
    CreditEntry,
    CreditKind,
    OutOfCredits,
    monthly_allowance,
    this_month,
)
from .overrides import PromptOverride, task_choices
from .requests import AIRequest

__all__ = [
    "BALANCE_FIELDS",
    "AIRequest",
    "CreditEntry",
    "CreditKind",
    "OutOfCredits",
    "PromptOverride",
    "monthly_allowance",
    "task_choices",
    "this_month",
]
