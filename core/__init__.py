"""What every stage shares: the typed model, text and number normalisation, the store.

Ingest writes documents here, the index and the answering engine read them; nothing in core
imports a stage.
"""
