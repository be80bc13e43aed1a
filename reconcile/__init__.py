"""reconcile: atomic factual claims from news articles, matched across sources, with conflicts.

The library API (the CLI is a thin layer over it):

    from reconcile import store, ingest, reconcile
    db = store.connect("reconcile.db")
    ingest.ingest(db, ["sources/"])
    conflicts = reconcile.reconcile(db)
"""

__version__ = "0.1.0"
