"""SmartNIC targets: profiles (TOML), their opaque compilers, and the object reader.

``profile`` loads and validates target files, ``compiler`` runs a target's compiler,
``asm_reader`` attributes the compiled instructions to source lines, and ``commands``
registers ``clara targets list|show``.
"""
