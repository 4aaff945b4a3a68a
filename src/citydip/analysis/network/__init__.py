"""Network analytics of the twinning graph (igraph): build, statistics, cities, exports.

    graph.py        store → igraph Graph, with filters (kinds, statuses, years, levels)
    stats.py        whole-network statistics and the power-law fit of the degree tail
    city.py         one city: centrality and rank, reach, partner profile, waves
    homophily.py    port/capital mixing, population assortativity, tie distances
    communities.py  Leiden communities with their countries; the country-level network
    export.py       GraphML, GEXF, GeoJSON (great-circle lines), CSV node and edge lists
    ports.py        which places are port cities (curated flag, else a sourced list)

igraph is imported inside functions: ``citydip --help`` does not pay for it.
"""
