"""frkg: a knowledge graph of the face recognition technology trade."""

__version__ = "0.1.0"
