"""Training-program synthesis: corpus AST statistics (libclang) and the guided generator."""
