"""Analysts' review of machine-coded events: versions (who, when, why), users and tokens, gold files."""

from fracas.review.gold import gold_event, gold_lines, write_gold
from fracas.review.users import add_user, token_hash, user_of_token
from fracas.review.versions import (
    REVIEW_STATUSES,
    ReviewedEvent,
    accept,
    apply_changes,
    edit,
    history,
    merge,
    reject,
    reviewed_event,
    reviewed_events,
    split,
)

__all__ = [
    "REVIEW_STATUSES",
    "ReviewedEvent",
    "accept",
    "add_user",
    "apply_changes",
    "edit",
    "gold_event",
    "gold_lines",
    "history",
    "merge",
    "reject",
    "reviewed_event",
    "reviewed_events",
    "split",
    "token_hash",
    "user_of_token",
    "write_gold",
]
