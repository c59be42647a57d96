"""Other SPARQL stores, run locally for tests and benchmarks."""
