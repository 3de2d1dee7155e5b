"""Report stage: renderers of a ``clara.insights/1`` document (text, JSON, remarks, SARIF)."""
