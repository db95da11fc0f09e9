"""Answering routes: one small module per kind of answer, each over the understood question."""
