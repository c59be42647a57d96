"""Catalogue queries as a web API: /api/NAME with parameters, paging and formats; OpenAPI."""
