"""Insights stage: one module per insight; pure functions of features, profiles and models."""
