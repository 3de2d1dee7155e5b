"""Host runtime for profiling and the reverse-ported framework API.

``host/`` holds the C++ definitions of what the Click compatibility headers declare but do not
define (SmartNIC-style containers, a fixed packet pool, configuration parsing), ``driver/`` the
pcap driver, ``nic/`` the C versions of the containers that each target's compiler builds, and
``api_costs/`` the per-target cost tables derived from that compiler output. See
docs/runtime.md.
"""
