"""Dataset stage: ground-truth builders and importers of measurements from other tools."""
