"""Matching the target's inline instances to the IR's inlined copies by call path
(clara.dataset.inline_copies): the pure rules, on hand-made call paths."""

from __future__ import annotations

from clara.dataset.inline_copies import (
    IRCopy,
    copy_shares,
    inlined_runs,
    instance_length,
    site_keys,
)


def test_runs_are_every_consecutive_stretch_of_the_target_chains() -> None:
    runs = inlined_runs([((10, "f"), (20, "g")), ((30, "h"),)])
    assert runs == {((10, "f"),), ((20, "g"),), ((10, "f"), (20, "g")), ((30, "h"),)}


def test_an_ir_copy_runs_the_longest_prefix_the_target_inlined() -> None:
    """mix4 inlined by clara-prepare at line 83 of mix2 (inlined at 60): gcc inlined mix3 at
    line 83 too but not mix4, so the copy runs the out-of-line mix4 (length 0), told apart
    from mix3's copy on the same line by the callee name."""
    runs = inlined_runs([((83, "mix3"), (60, "mix2")), ((60, "mix2"),)])
    assert instance_length(site_keys(["83:20:mix4", "60:5:mix2"]), runs) == 0
    assert instance_length(site_keys(["83:9:mix3", "60:5:mix2"]), runs) == 2
    assert site_keys(["48:16:bucket"]) == ((48, "bucket"),)


def test_each_copy_gets_the_whole_instruction_at_its_own_depth() -> None:
    """Two copies of a helper's line: one before a loop (offset 0), one in it (offset 1).
    A target instruction at the helper's depth 0 goes to each copy in full; the copy in the
    loop takes it in its depth-1 block."""
    depths = {("f", "a"): 0, ("f", "b"): 1, ("f", "b2"): 2}
    before = IRCopy(blocks=((("f", "a"), 3),), offset=0)
    inside = IRCopy(blocks=((("f", "b"), 2), (("f", "b2"), 2)), offset=1)
    shares = copy_shares([before, inside], line=5, depth=0, depths=depths, weight=1.0)
    assert sorted(shares) == [(("f", "a"), 1.0), (("f", "b"), 1.0)]


def test_hoisted_code_goes_to_the_copys_nearest_line_at_its_depth() -> None:
    """An instruction gcc hoisted out of the helper's loop (depth 0 while the line's blocks
    are at depth 1) goes to the copy's blocks at depth 0 on its nearest other line."""
    depths = {("f", "pre"): 0, ("f", "body"): 1, ("f", "far"): 0}
    copy = IRCopy(blocks=((("f", "body"), 4),), offset=0,
                  others=((9, ("f", "pre"), 2), (30, ("f", "far"), 1)))
    assert copy_shares([copy], line=10, depth=0, depths=depths, weight=0.5) == [
        (("f", "pre"), 0.5)]
