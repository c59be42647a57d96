"""The linked-data pages: dereferencing, entity pages, lists, labels and shared page helpers."""
