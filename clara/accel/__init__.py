"""Accelerator-opportunity stage: corpus, features, classifier."""
