"""Synthetic 部门决算 / 部门预算 disclosures with known figures, layout hazards and gold questions.

spec.generate draws a document, render.render prints it (optionally with hazards), questions.questions
asks about it; `python -m eval.synthetic OUTDIR` writes a set of them with expected.json and gold.jsonl.
"""
