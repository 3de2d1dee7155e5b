"""Clara: SmartNIC offloading insights for network functions, computed from LLVM IR."""

__version__ = "0.1.0"
