"""Ground-truth execution counts under QEMU user mode (``run.py``, ``counter_plugin.c``);
see docs/qemu-validation.md."""
