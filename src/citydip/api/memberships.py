"""Memberships: a membership list imported, the organisations listed, networks compared.

``organization_members`` (in ``profiles``) gives one organisation's members; these calls
give the rest: ``import_memberships``, ``list_organizations``, ``network_orgs``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from citydip.progress import Progress
from citydip.store.database import Store
from citydip.vocabulary import SOURCE_KINDS, SourceKind, choice

if TYPE_CHECKING:
    from citydip.analysis.memberships import OrganizationList
    from citydip.analysis.network.graph import GraphFilter
    from citydip.analysis.network.orgs import NetworkOrgs
    from citydip.ingest.importing import ImportSummary


def import_memberships(
    store: Store,
    file: Path,
    *,
    title: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
    date: str | None = None,
    source_kind: SourceKind = "official",
    new_organisations: bool = False,
    progress: Progress | None = None,
) -> ImportSummary:
    """A membership list (CSV or JSON Lines): organisation, city, country, role, since...

    ``title``, ``url``, ``publisher`` and ``date`` describe the list (one source for the
    file); an organisation the store does not know is an error unless ``new_organisations``.
    """
    from citydip.ingest.importing import run_import
    from citydip.ingest.memberships import ListSource, memberships_batch

    source_kind = choice(source_kind, SOURCE_KINDS, "source_kind")
    source = ListSource(title, url, publisher, date, source_kind)
    batch = memberships_batch(store, file, source, new_organisations, progress=progress)
    return run_import(store, batch)


def list_organizations(store: Store, query: str | None = None) -> OrganizationList:
    """Every organisation with its number of members (distinct places), most first."""
    from citydip.analysis.memberships import list_organizations as listed

    return listed(store, query)


def network_orgs(
    store: Store,
    *,
    organizations: list[str] | None = None,
    min_members: int = 5,
    filters: GraphFilter | None = None,
) -> NetworkOrgs:
    """Co-membership between networks (and declarations), and whether members twin with
    each other more than chance predicts: observed ties among members against the
    degree-preserving and the density expectations (analysis.network.orgs)."""
    from citydip.analysis.network.graph import igraph_errors
    from citydip.analysis.network.orgs import network_orgs as compute

    with igraph_errors():
        return compute(store, organizations, min_members, filters)
