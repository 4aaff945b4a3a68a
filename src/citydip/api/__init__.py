"""The library API that the CLI, the web pages and reports all call.

Every operation a face offers is one call here, returning typed records (``to_dict()``
gives their JSON). Faces open the store, call one function, and choose a renderer.

    cities     search_cities, city_profile, compare_cities, list_conflicts, bibliography,
               briefing, briefing_report, place_identity, organization_members
    network    network_filter, network_stats, network_city, network_top, network_homophily,
               network_overview, network_communities, network_countries, network_export
    imports    import_pairs, import_table, import_edges, import_wikidata, update_wikidata
    members    import_memberships, list_organizations, network_orgs
    places     resolve_names, resolve_place, resolve_batch, gazetteer_status, download_geonames
    documents  extract_document, check_document, proposed_claims, review
    partners   city_typology, recommend_partners, evaluate_partners
    stores     rebuild_store
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from citydip.lazy import lazy_exports

if TYPE_CHECKING:
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
        resolve_names,
        resolve_place,
    )
    from citydip.api.profiles import (
        bibliography,
        briefing,
        briefing_report,
        city_profile,
        compare_cities,
        list_conflicts,
        organization_members,
        place_identity,
        search_cities,
    )
    from citydip.api.records import (
        BriefingReport,
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
    from citydip.api.stores import rebuild_store

__all__ = [
    "BriefingReport",
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
    "briefing_report",
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
    "rebuild_store",
    "recommend_partners",
    "resolve_batch",
    "resolve_names",
    "resolve_place",
    "review",
    "search_cities",
    "update_wikidata",
]

_LAZY = {
    "BriefingReport": "citydip.api.records",
    "CityNetwork": "citydip.api.records",
    "Communities": "citydip.api.records",
    "CountryNetwork": "citydip.api.records",
    "ExportResult": "citydip.api.records",
    "Homophily": "citydip.api.records",
    "NetworkOverview": "citydip.api.records",
    "NetworkStats": "citydip.api.records",
    "Profile": "citydip.api.records",
    "ProposedClaim": "citydip.api.records",
    "ResolvedBatch": "citydip.api.records",
    "ReviewResult": "citydip.api.records",
    "SavedExtraction": "citydip.api.records",
    "SourceRecord": "citydip.api.records",
    "TieLine": "citydip.api.records",
    "TopPlace": "citydip.api.records",
    "TopPlaces": "citydip.api.records",
    "bibliography": "citydip.api.profiles",
    "briefing": "citydip.api.profiles",
    "briefing_report": "citydip.api.profiles",
    "check_document": "citydip.api.documents",
    "city_profile": "citydip.api.profiles",
    "city_typology": "citydip.api.partners",
    "compare_cities": "citydip.api.profiles",
    "download_geonames": "citydip.api.places",
    "evaluate_partners": "citydip.api.partners",
    "extract_document": "citydip.api.documents",
    "gazetteer_status": "citydip.api.places",
    "import_edges": "citydip.api.imports",
    "import_memberships": "citydip.api.memberships",
    "import_pairs": "citydip.api.imports",
    "import_table": "citydip.api.imports",
    "import_wikidata": "citydip.api.imports",
    "list_conflicts": "citydip.api.profiles",
    "list_organizations": "citydip.api.memberships",
    "network_city": "citydip.api.network",
    "network_communities": "citydip.api.network",
    "network_countries": "citydip.api.network",
    "network_export": "citydip.api.network",
    "network_filter": "citydip.api.network",
    "network_homophily": "citydip.api.network",
    "network_orgs": "citydip.api.memberships",
    "network_overview": "citydip.api.network",
    "network_stats": "citydip.api.network",
    "network_top": "citydip.api.network",
    "organization_members": "citydip.api.profiles",
    "place_identity": "citydip.api.profiles",
    "places_audit": "citydip.api.places",
    "proposed_claims": "citydip.api.documents",
    "rebuild_store": "citydip.api.stores",
    "recommend_partners": "citydip.api.partners",
    "resolve_batch": "citydip.api.places",
    "resolve_names": "citydip.api.places",
    "resolve_place": "citydip.api.places",
    "review": "citydip.api.documents",
    "search_cities": "citydip.api.profiles",
    "update_wikidata": "citydip.api.imports",
}


__getattr__ = lazy_exports(__name__, _LAZY)
