"""The SPARQL endpoint: protocol, service description, editor and example queries."""
