"""The regionale rapportage: a PDF made by a Celery job from a snapshot of the data.

snapshot (aggregate reads) → presenter (template context, no queries) → charts (SVG) → pdf (WeasyPrint);
services request, claim, render and store the report; tasks run them in the worker.
"""
