"""The store as a whole: recreating it from the curated data (``citydip rebuild``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from citydip.progress import Progress


def rebuild_store(
    db: str | None = None,
    *,
    empty: bool = False,
    force: bool = False,
    drop_imports: bool = False,
    confirm: Callable[[str], bool] | None = None,
    progress: Progress | None = None,
) -> Path:
    """Recreate the store ``db`` (None: the chosen one, ``CITYDIP_DB`` or the default)
    from the curated data, or ``empty``. A file that is not a citydip store (or a corrupt
    one) is replaced only with ``force``; imported claims are dropped only with
    ``drop_imports``, or when ``confirm`` (given the question) says yes. Refused
    (``InvalidInput`` naming ``force`` or ``drop_imports``) otherwise; a folder, a device,
    a newer store and a store being written are refused too (``citydip.stores.rebuild``).
    The build tells ``progress`` its stages (``citydip.stores.build_store``)."""
    from citydip.stores import check_rebuild, rebuild

    check = check_rebuild(db)
    if check.imported_claims and not drop_imports and confirm is not None and not check.confirm:
        drop_imports = confirm(f"Rebuilding {check.path} drops {check.dropped}. Go on?")
    return rebuild(
        db, empty=empty, drop_imports=drop_imports, force=force, checked=check, progress=progress
    )
