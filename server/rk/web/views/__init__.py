"""The views: pictures of the graph drawn from catalogue queries."""
