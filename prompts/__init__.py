"""Prompt templates for the optional LLM wording step, kept as data (loaded by qa.llm)."""
