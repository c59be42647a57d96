"""The dataset's publication: its description, the dumps and the ontology documentation."""
