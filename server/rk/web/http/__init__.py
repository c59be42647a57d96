"""HTTP: content negotiation, caching, CORS and error answers."""
