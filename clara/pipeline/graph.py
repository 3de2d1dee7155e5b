"""A flattened Click configuration as a graph: nodes, edges, sources, sinks and paths.

Owns the graph view of a configuration whose classes are resolved: each element's port counts
as instantiated (the class's minimum, raised to the highest connected port + 1, as Click
does), the sources (boundary sources, or elements with no connected input), the sinks
(boundary sinks, elements without outputs, and unconnected outputs), the enumeration of
source-to-sink paths (a path never visits an element twice, which bounds cycles; at most
``MAX_PATHS`` paths), and path totals of per-element costs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from clara.pipeline.classes import SINK, SOURCE, ElementClass
from clara.pipeline.config_lang import ClickConfig, Connection, ElementDecl

MAX_PATHS = 1000


@dataclass(frozen=True)
class Node:
    """One element of the flattened configuration and its instantiated ports."""

    decl: ElementDecl
    cls: ElementClass
    inputs: int
    outputs: int

    @property
    def name(self) -> str:
        return self.decl.name


@dataclass(frozen=True)
class Hop:
    """A path's visit of one element, and the output port it leaves on (None at a sink)."""

    element: str
    port: int | None


@dataclass(frozen=True)
class PipelinePath:
    """Elements from a source to a sink; the last hop's port is set when the path ends at an
    unconnected output of that element."""

    hops: tuple[Hop, ...]

    @property
    def elements(self) -> tuple[str, ...]:
        return tuple(h.element for h in self.hops)

    def label(self, graph: PipelineGraph) -> str:
        parts = []
        for hop in self.hops:
            node = graph.nodes[hop.element]
            shown = hop.port is not None and (node.outputs > 1 or hop is self.hops[-1])
            parts.append(f"{hop.element}[{hop.port}]" if shown else hop.element)
        end = self.hops[-1]
        suffix = " (unconnected output)" if end.port is not None else ""
        return " -> ".join(parts) + suffix


@dataclass(frozen=True)
class PipelineGraph:
    """The configuration's elements (declaration order) and connections."""

    config: ClickConfig
    nodes: dict[str, Node]
    edges: tuple[Connection, ...]

    def successors(self, name: str, port: int) -> list[Connection]:
        return [e for e in self.edges if e.source == name and e.source_port == port]

    def has_inputs(self, name: str) -> bool:
        return any(e.target == name for e in self.edges)

    def sources(self) -> list[str]:
        """Boundary sources, then elements none of whose inputs is connected (in order)."""
        return [n.name for n in self.nodes.values()
                if n.cls.role == SOURCE or (n.cls.role != SINK and not self.has_inputs(n.name))]

    def is_sink(self, name: str) -> bool:
        node = self.nodes[name]
        return node.cls.role == SINK or node.outputs == 0


def _instantiated(decl: ElementDecl, cls: ElementClass,
                  connections: tuple[Connection, ...]) -> tuple[int, int]:
    used_in = [c.target_port + 1 for c in connections if c.target == decl.name]
    used_out = [c.source_port + 1 for c in connections if c.source == decl.name]
    return (max([cls.ports.inputs[0], *used_in]), max([cls.ports.outputs[0], *used_out]))


def build_graph(config: ClickConfig, classes: Mapping[str, ElementClass]) -> PipelineGraph:
    """The graph of a flattened configuration; ``classes`` maps element name -> class."""
    nodes = {}
    for decl in config.elements:
        cls = classes[decl.name]
        inputs, outputs = _instantiated(decl, cls, config.connections)
        nodes[decl.name] = Node(decl, cls, inputs, outputs)
    return PipelineGraph(config, nodes, config.connections)


def enumerate_paths(graph: PipelineGraph,
                    limit: int = MAX_PATHS) -> tuple[list[PipelinePath], bool]:
    """Every source-to-sink path (depth first, ports in order); True if ``limit`` cut it."""
    paths: list[PipelinePath] = []
    truncated = False

    def walk(name: str, hops: tuple[Hop, ...], on_path: frozenset[str]) -> None:
        nonlocal truncated
        if len(paths) >= limit:
            truncated = True
            return
        if graph.is_sink(name):
            paths.append(PipelinePath((*hops, Hop(name, None))))
            return
        for port in range(graph.nodes[name].outputs):
            targets = graph.successors(name, port)
            if not targets:
                paths.append(PipelinePath((*hops, Hop(name, port))))
                continue
            for edge in targets:
                if edge.target in on_path:
                    continue  # a cycle: the path stops before it repeats an element
                walk(edge.target, (*hops, Hop(name, port)), on_path | {edge.target})

    for source in graph.sources():
        walk(source, (), frozenset({source}))
    return paths[:limit], truncated


def path_total(path: PipelinePath, costs: Mapping[str, float]) -> float:
    """Sum of the per-element costs along ``path`` (elements without a cost count 0)."""
    return sum(costs.get(name, 0.0) for name in path.elements)
