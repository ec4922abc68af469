"""Benchmarks of the service, and the fake OpenAI upstream they and the end-to-end tests use."""
