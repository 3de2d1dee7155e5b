"""IR stage: the plugin's per-block feature records, the API catalog, vocabulary compaction."""
