"""The password rules: long enough, not absurdly long, and not one that attackers try
first. No composition rules (they make passwords worse, NIST SP 800-63B).

The common-password list is zxcvbn's (30,000 passwords ranked by how often they appear in
real leaks), kept by the zxcvbn project rather than typed in here.
"""

from __future__ import annotations

import functools

from zxcvbn.frequency_lists import FREQUENCY_LISTS

from diarycard.errors import FieldError, Invalid

MIN_LENGTH = 10
MAX_LENGTH = 256  # generous; argon2 hashes every character, nothing is cut off


@functools.cache
def _common() -> frozenset[str]:
    return frozenset(FREQUENCY_LISTS["passwords"])


def password_problem(password: str, login: str = "") -> str | None:
    """Why this password will not do, in words for the person choosing it; None if fine."""
    if len(password) < MIN_LENGTH:
        return f"Please use at least {MIN_LENGTH} characters. A few words together work well."
    if len(password) > MAX_LENGTH:
        return f"Please use at most {MAX_LENGTH} characters."
    if "\x00" in password:
        return "Please leave out the NUL character."
    folded = password.casefold()
    if folded in _common() or folded.replace(" ", "") in _common():
        return "That password is one of the most common ones. Please choose another."
    if len(set(folded)) < 3:
        return "That password repeats the same few characters. Please choose another."
    if login and login.casefold() in folded:
        return "Please choose a password that does not contain your login name."
    return None


def check_password(password: str, login: str = "", field: str = "password") -> None:
    problem = password_problem(password, login)
    if problem is not None:
        raise Invalid(errors=[FieldError(field, problem)])
