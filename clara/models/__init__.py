"""Models stage: ONNX inference wrappers (run time) and training code (the [train] extra)."""
