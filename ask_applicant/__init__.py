"""Ask the Applicant: answers recruiters' questions about one job applicant."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ask-applicant")
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"
