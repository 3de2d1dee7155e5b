"""Real-build labels (``clara.runtime.qemu.labels``) against QEMU's execution of the same code.

The labels say how many target instructions one execution of each IR block runs in the binary
QEMU runs; multiplied by the host profile's block frequencies they must give what QEMU counts
in the element's own code (split by call chain, as the labels leave API calls out).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import tomllib
from conftest import EXAMPLES

from clara.analyze import analyze_module
from clara.dataset.builder import charge, plugin_line_counts
from clara.insights.per_packet import block_frequencies
from clara.runtime.qemu.labels import read_element, real_build_labels
from clara.runtime.qemu.run import chain_split, count_execution, cross_build
from clara.toolchain.compile import CompileOptions
from clara.workload.profile import profile_nf
from clara.workload.spec import iter_packets, parse_spec
from clara.workload.trace import write_pcap

pytestmark = pytest.mark.skipif(
    shutil.which("qemu-aarch64") is None or shutil.which("aarch64-linux-gnu-g++-12") is None,
    reason="needs qemu-user and g++-12-aarch64-linux-gnu")


def test_real_build_labels_reproduce_qemu_on_dpi_matcher(tmp_path: Path) -> None:
    """DPIMatcher's DFA loop is ``scan()``, inlined into ``push()`` by clara-prepare and by
    gcc, which also keeps scan's external copy that nothing calls. Charging that copy by line
    counted the loop twice (labels 2.35x QEMU); gcc also hoists the loop's set-up out of it
    and rotates its test, which only loop-depth matching puts on the blocks that run once per
    packet. With both, labels x frequencies give QEMU's count of the element's code."""
    element = tomllib.loads((EXAMPLES / "configs.toml").read_text())["DPIMatcher"]
    source = EXAMPLES / element["source"]
    trace = tmp_path / "flows.pcap"
    write_pcap(trace, iter_packets(parse_spec("small-flows,packets=300,flows=60")))
    module = analyze_module(source, CompileOptions(), tmp_path, "dpi")
    counts = plugin_line_counts(module.features.blocks)
    binary = cross_build(source, "DPIMatcher", "bluefield2")
    reading = read_element(binary, source)
    assert any("4scan" in f for f in charge(reading, module.features, counts).uncalled)
    labels = real_build_labels(binary, source, module.features, counts)
    profile = profile_nf(source, trace=trace, work_dir=tmp_path / "profile").document
    frequencies = block_frequencies(profile, key="block")
    predicted = sum(f * (labels[k].compute + labels[k].memory)
                    for k, f in frequencies.items() if k in labels)
    pcs = tmp_path / "dpi.pcs"
    qemu = count_execution(binary, trace, element["config"], int(element["port"]),
                           require_ip=bool(element["require_ip"]),
                           outputs=element.get("outputs"), pcs=pcs)
    truth = chain_split(binary, pcs, qemu.packets).nf[0]
    assert truth > 1000  # the DFA runs over the payloads
    assert predicted == pytest.approx(truth, rel=0.03)
