"""diarycard: a between-session impulsivity diary for SCM and MBT, and its clinician review."""

__version__ = "0.1.0"
