"""Text fields of the tools. PostgreSQL cannot store NUL, so it is refused at validation
with the field named; lone surrogates never get this far (the JSON decoder refuses them).
"""

from __future__ import annotations

from typing import Annotated

from msgspec import Meta

# \A…\Z rather than ^…$: `$` would let one trailing newline through unchecked.
_NO_NUL = r"\A[^\x00]*\Z"

Line = Annotated[str, Meta(min_length=1, max_length=200, pattern=_NO_NUL)]
Short = Annotated[str, Meta(max_length=200, pattern=_NO_NUL)]
Text = Annotated[str, Meta(max_length=2000, pattern=_NO_NUL)]
Phone = Annotated[
    str, Meta(min_length=3, max_length=20, pattern=r"\A\+?[0-9][0-9 ()-]*\Z",
              description="digits, spaces, brackets and dashes; may start with +")
]
Percent = Annotated[int, Meta(ge=0, le=100)]
Version = Annotated[int, Meta(ge=0, le=1_000_000)]
