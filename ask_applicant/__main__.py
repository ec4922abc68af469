"""`python -m ask_applicant` is the `ask-applicant` command."""

from ask_applicant.cli import main

main()
