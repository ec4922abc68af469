"""Translations of server-owned runs into the protocols existing chat clients speak.

Each adapter starts runs through the run manager exactly as `POST /v1/chat` does and
reads back the run's stored events; none of them runs an agent itself.
"""
