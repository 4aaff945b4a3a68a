"""The library API that the CLI, the web pages and reports all call.

Every operation a face offers is one call here, returning typed records (``to_dict()``
gives their JSON). Faces open the store, call one function, and choose a renderer.

    cities     search_cities, city_profile, compare_cities, list_conflicts, bibliography,
               briefing, place_identity, organization_members
    network    network_filter, network_stats, network_city, network_top, network_homophily,
               network_overview, network_communities, network_countries, network_export
    imports    import_pairs, import_table, import_edges, import_wikidata, update_wikidata
    members    import_memberships, list_organizations, network_orgs
    places     resolve_place, resolve_batch, gazetteer_status, download_geonames
    documents  extract_document, check_document, proposed_claims, review
    partners   city_typology, recommend_partners, evaluate_partners
"""

from __future__ import annotations

from citydip.api.documents import check_document, extract_document, proposed_claims, review
from citydip.api.imports import (
    import_edges,
    import_pairs,
    import_table,
    import_wikidata,
    update_wikidata,
)
from citydip.api.memberships import import_memberships, list_organizations, network_orgs
from citydip.api.network import (
    network_city,
    network_communities,
    network_countries,
    network_export,
    network_filter,
    network_homophily,
    network_overview,
    network_stats,
    network_top,
)
from citydip.api.partners import city_typology, evaluate_partners, recommend_partners
from citydip.api.places import (
    download_geonames,
    gazetteer_status,
    places_audit,
    resolve_batch,
    resolve_place,
)
from citydip.api.profiles import (
    bibliography,
    briefing,
    city_profile,
    compare_cities,
    list_conflicts,
    organization_members,
    place_identity,
    search_cities,
)
from citydip.api.records import (
    CityNetwork,
    Communities,
    CountryNetwork,
    ExportResult,
    Homophily,
    NetworkOverview,
    NetworkStats,
    Profile,
    ProposedClaim,
    ResolvedBatch,
    ReviewResult,
    SavedExtraction,
    SourceRecord,
    TieLine,
    TopPlace,
    TopPlaces,
)

__all__ = [
    "CityNetwork",
    "Communities",
    "CountryNetwork",
    "ExportResult",
    "Homophily",
    "NetworkOverview",
    "NetworkStats",
    "Profile",
    "ProposedClaim",
    "ResolvedBatch",
    "ReviewResult",
    "SavedExtraction",
    "SourceRecord",
    "TieLine",
    "TopPlace",
    "TopPlaces",
    "bibliography",
    "briefing",
    "check_document",
    "city_profile",
    "city_typology",
    "compare_cities",
    "download_geonames",
    "evaluate_partners",
    "extract_document",
    "gazetteer_status",
    "import_edges",
    "import_memberships",
    "import_pairs",
    "import_table",
    "import_wikidata",
    "list_conflicts",
    "list_organizations",
    "network_city",
    "network_communities",
    "network_countries",
    "network_export",
    "network_filter",
    "network_homophily",
    "network_orgs",
    "network_overview",
    "network_stats",
    "network_top",
    "organization_members",
    "place_identity",
    "places_audit",
    "proposed_claims",
    "recommend_partners",
    "resolve_batch",
    "resolve_place",
    "review",
    "search_cities",
    "update_wikidata",
]
