"""The ``handler`` source transformation: a corpus entry written inside a packet handler.

In a network function the algorithm rarely stands alone: a CRC or a hash is a loop written in
``push``/``simple_action`` itself, or a helper ``clara-prepare`` inlines there, so its loop
sits in a large function that also parses headers, counts and forwards. A corpus file
compiles to the bare algorithm. This module appends to a corpus file a packet handler that
parses Ethernet/IPv4 and has the entry's body pasted into it, the way a developer writes the
algorithm inline: the arguments become locals initialised from the packet, each ``return``
sets the result and jumps out, and the result is used the way NFs do (pick an output, verify
a trailer, stamp a header, count in a table). The body keeps its own line numbers
(``#line``), so its loops carry the corpus file's lines and the handler as their function;
helpers the entry calls are still calls (``clara-prepare`` inlines them as helpers).
Negatives are wrapped alike, so the handler itself teaches nothing about a class; its own
loops (a MAC swap, an IPv4 options walk) are ``none``.

``wrap_in_handler(text, entry, seed)`` returns the new text, or None when the entry cannot be
inlined generically (a parameter that is neither an integer nor a pointer, a variadic or
function-pointer parameter, a struct or float returned). The handler is appended after the
file's last line, so every line of the original keeps its number; the entry itself stays
defined (and unused).

Arguments are chosen from each parameter's type and name (as a developer would pass them):
the first byte pointers get the packet (L4 header onward, then the IP header), pointers named
like keys, outputs, contexts or tables and every other pointer get a zeroed static scratch
area, integers named like lengths get the payload length, other integers header fields
(addresses, ports, protocol, TTL) in turn. Handler names start with ``hv_`` so that they do
not hide the corpus file's globals from the pasted body.
"""

from __future__ import annotations

import itertools
import random
import re
from dataclasses import dataclass

from clara.accel.c_tokens import tokenize

_INTEGER_WORDS = frozenset(("unsigned", "signed", "int", "long", "short", "char", "size_t",
                            "ssize_t", "bool", "_Bool", "uintptr_t", "intptr_t", "ptrdiff_t"))
_QUALIFIERS = frozenset(("const", "volatile", "register", "restrict", "struct"))
_BYTE_BASES = frozenset(("uint8_t", "int8_t", "char", "unsigned char", "signed char", "void"))
_INT_TYPE_RE = re.compile(r"u?int(?:_fast|_least)?\d+_t")
_LENGTH_NAME_RE = re.compile(r"len|size|count|bytes|words|bits|remaining|avail|^n[a-z]?$|"
                             r"^cap$|^max|^m$")
_SCRATCH_NAME_RE = re.compile(r"^(?:tag|dst|digest|k|mac|my_mac|mask|map|bits|stack|host|state|"
                              r"st|h|rk|iv|nonce)$|out|key|ctx|tab")
HANDLER = "hv_handle"  # the handler's name in _PRELUDE (before a rename)
_HEADER_VALUES = ("hv_src", "hv_dst", "hv_sport", "hv_dport", "hv_proto", "hv_ttl", "hv_ident",
                  "hv_src ^ hv_dst")


@dataclass(frozen=True)
class Parameter:
    """One parameter of the entry: its type text (arrays as pointers) and name."""

    type: str
    name: str

    @property
    def is_pointer(self) -> bool:
        return "*" in self.type

    @property
    def base(self) -> str:
        """The type without qualifiers and ``*``: ``const uint8_t *`` -> ``uint8_t``."""
        words = [w for w in self.type.replace("*", " ").split() if w not in _QUALIFIERS]
        return " ".join(words)


@dataclass(frozen=True)
class Definition:
    """The entry's definition: return type text, parameters, body (the text between its
    braces) and the line of its opening brace."""

    returns: str
    parameters: tuple[Parameter, ...]
    body: str
    body_line: int


def _is_integer(type_text: str) -> bool:
    words = [w for w in type_text.split() if w not in _QUALIFIERS]
    return bool(words) and all(w in _INTEGER_WORDS or _INT_TYPE_RE.fullmatch(w)
                               for w in words)


def _parameter(text: str) -> Parameter | None:
    text = " ".join(text.split())
    m = re.fullmatch(r"(?P<type>.*?[\w*])\s*\b(?P<name>\w+)\s*(?P<array>\[[^\]]*\])?", text)
    if not m or "(" in text or "..." in text:
        return None
    type_text = m.group("type") + (" *" if m.group("array") else "")
    return Parameter(" ".join(type_text.replace("*", " * ").split()), m.group("name"))


def find_definition(text: str, entry: str) -> Definition | None:
    """The definition of ``entry`` in ``text``, or None if it cannot be inlined generically
    (see the module docstring)."""
    m = re.search(r"^(?P<ret>[\w \t\n*\"]*?)\b" + re.escape(entry)
                  + r"\s*\((?P<params>[^()]*)\)\s*\{", text, re.MULTILINE)
    if not m:
        return None
    ret = re.sub(r'extern\s+"C"|\bstatic\b|\binline\b', " ", m.group("ret"))
    ret = " ".join(ret.replace("*", " * ").split())
    params_text = m.group("params").strip()
    params: list[Parameter] = []
    if params_text and params_text != "void":
        for piece in params_text.split(","):
            p = _parameter(piece)
            if p is None or not (p.is_pointer or _is_integer(p.type)):
                return None
            params.append(p)
    if not (ret == "void" or "*" in ret or _is_integer(ret)):
        return None
    body = _braced(text[m.end():])
    if body is None:
        return None
    return Definition(ret, tuple(params), body, text.count("\n", 0, m.end()) + 1)


def _braced(text: str) -> str | None:
    """The text up to the ``}`` that closes an already open ``{``, or None."""
    depth, length = 1, 0
    for tok in tokenize(text):
        if tok.kind == "punct" and tok.text == "{":
            depth += 1
        elif tok.kind == "punct" and tok.text == "}":
            depth -= 1
            if depth == 0:
                return text[:length]
        length += len(tok.text)
    return None


def inline_returns(body: str, returns: str) -> str:
    """``body`` with every ``return E;`` made ``{ hv_result = (uint64_t)(E); goto hv_done;
    }`` (``return;``: ``goto hv_done;``), on the same lines."""
    toks = tokenize(body)
    out: list[str] = []
    i = 0
    while i < len(toks):
        if toks[i].kind != "ident" or toks[i].text != "return":
            out.append(toks[i].text)
            i += 1
            continue
        j, depth = i + 1, 0
        while j < len(toks) and not (depth == 0 and toks[j].text == ";"):
            if toks[j].kind == "punct" and toks[j].text in "([{":
                depth += 1
            elif toks[j].kind == "punct" and toks[j].text in ")]}":
                depth -= 1
            j += 1
        expr = "".join(x.text for x in toks[i + 1:j])
        if not expr.strip():
            out.append("goto hv_done;")
        else:
            value = f"(uintptr_t)({expr})" if "*" in returns else f"({expr})"
            out.append(f"{{ hv_result = (uint64_t){value}; goto hv_done; }}")
        i = j + 1
    return "".join(out)


def call_arguments(defn: Definition) -> list[str]:
    """One C expression per parameter, in terms of the handler's locals (``hv_d``, ``hv_ip``,
    ``hv_off``, ``hv_plen``, the header fields) and ``hv_scratch``."""
    args: list[str] = []
    packet_views = ["hv_d + hv_off", "hv_ip"]
    header = itertools.cycle(_HEADER_VALUES)
    scratch = 0
    for p in defn.parameters:
        cast = f"({p.type})"
        if p.is_pointer:
            if p.base in _BYTE_BASES and packet_views and not _SCRATCH_NAME_RE.search(p.name):
                args.append(f"{cast}({packet_views.pop(0)})")
            else:
                args.append(f"{cast}(void *)(hv_scratch + {scratch})")
                scratch += 64
        elif _LENGTH_NAME_RE.search(p.name):
            args.append(f"{cast}hv_plen")
        else:
            args.append(f"{cast}({next(header)})")
    return args


_PRELUDE = """\

/* ---- synthetic packet handler (clara.accel.packet_handler) ---- */
struct hv_packet {
    uint8_t *data;
    uint32_t length;
    uint32_t anno_port;
    uint64_t timestamp;
};

struct hv_counters {
    uint64_t packets, bytes, drops, runts, non_ip, options;
    uint64_t per_port[8];
    uint64_t buckets[256];
};

static struct hv_counters hv_stats;
static uint64_t hv_scratch[512];

void hv_emit(struct hv_packet *hv_p, int port);
void hv_drop(struct hv_packet *hv_p);

static inline uint32_t hv_be16(const uint8_t *hv_p)
{
    return (uint32_t)hv_p[0] << 8 | hv_p[1];
}

static inline uint32_t hv_be32(const uint8_t *hv_p)
{
    return (uint32_t)hv_p[0] << 24 | (uint32_t)hv_p[1] << 16 | (uint32_t)hv_p[2] << 8 | hv_p[3];
}

int hv_handle(struct hv_packet *hv_p)
{
    uint8_t *hv_d = hv_p->data;
    uint32_t hv_len = hv_p->length;
    hv_stats.packets++;
    hv_stats.bytes += hv_len;
    if (hv_len < 64) {
        hv_stats.runts++;
        hv_drop(hv_p);
        return -1;
    }
    uint32_t hv_ethertype = hv_be16(hv_d + 12);
    uint32_t hv_l3 = 14;
"""
_VLAN = """\
    if (hv_ethertype == 0x8100) {
        hv_ethertype = hv_be16(hv_d + 16);
        hv_l3 = 18;
    }
"""
_IPV4 = """\
    if (hv_ethertype != 0x0800) {
        hv_stats.non_ip++;
        hv_emit(hv_p, 1);
        return 1;
    }
    uint8_t *hv_ip = hv_d + hv_l3;
    uint32_t hv_ihl = (hv_ip[0] & 15u) * 4u;
    if (hv_ihl < 20 || hv_l3 + hv_ihl + 8 > hv_len) {
        hv_stats.drops++;
        hv_drop(hv_p);
        return -1;
    }
    uint32_t hv_src = hv_be32(hv_ip + 12), hv_dst = hv_be32(hv_ip + 16);
    uint32_t hv_proto = hv_ip[9], hv_ttl = hv_ip[8], hv_ident = hv_be16(hv_ip + 4);
    uint32_t hv_off = hv_l3 + hv_ihl;
    uint32_t hv_sport = hv_be16(hv_d + hv_off), hv_dport = hv_be16(hv_d + hv_off + 2);
    uint32_t hv_plen = hv_len - hv_off;
    (void)hv_src; (void)hv_dst; (void)hv_proto; (void)hv_ttl; (void)hv_ident;
    (void)hv_sport; (void)hv_dport; (void)hv_scratch;
"""
_OPTIONS_LOOP = """\
    for (uint32_t o = 20; o < hv_ihl;) {
        uint32_t kind = hv_ip[o];
        if (kind == 0)
            break;
        if (kind == 1) {
            o++;
            continue;
        }
        if (o + 1 >= hv_ihl || hv_ip[o + 1] < 2)
            break;
        hv_stats.options++;
        o += hv_ip[o + 1];
    }
"""
_MAC_SWAP_LOOP = """\
    for (uint32_t i = 0; i < 6; i++) {
        uint8_t t = hv_d[i];
        hv_d[i] = hv_d[6 + i];
        hv_d[6 + i] = t;
    }
"""
_USES = {
    "balance": """\
    uint32_t port = (uint32_t)(r % 8u);
    hv_p->anno_port = port;
    hv_stats.per_port[port]++;
    hv_emit(hv_p, (int)port);
    return (int)port;
}
""",
    "verify": """\
    if ((uint32_t)r != hv_be32(hv_d + hv_len - 4)) {
        hv_stats.drops++;
        hv_drop(hv_p);
        return -1;
    }
    hv_emit(hv_p, 0);
    return 0;
}
""",
    "stamp": """\
    hv_d[hv_off + 4] = (uint8_t)(r >> 24);
    hv_d[hv_off + 5] = (uint8_t)(r >> 16);
    hv_d[hv_off + 6] = (uint8_t)(r >> 8);
    hv_d[hv_off + 7] = (uint8_t)r;
    hv_ip[8] = (uint8_t)(hv_ttl - 1);
    hv_emit(hv_p, 0);
    return 0;
}
""",
    "monitor": """\
    uint32_t b = (uint32_t)(r ^ (r >> 32)) & 255u;
    hv_stats.buckets[b] += hv_len;
    if (hv_stats.buckets[b] > 1000000u) {
        hv_stats.buckets[b] = 0;
        hv_emit(hv_p, 2);
        return 2;
    }
    hv_emit(hv_p, 0);
    return 0;
}
""",
}
USES = tuple(_USES)


def _inlined_body(defn: Definition, lines_before: int) -> str:
    """The entry's body pasted into the handler: the arguments in ``hv_a<i>`` temporaries,
    the parameters as locals initialised from them, the body under ``#line`` so that its
    lines keep their numbers, its returns turned into ``hv_result`` and a jump to
    ``hv_done`` (``lines_before``: the file's lines up to here, to number the lines after
    it)."""
    args = call_arguments(defn)
    lines = ["    uint64_t hv_result = 0;", "    {"]
    lines += [f"        {p.type} hv_a{i} = {a};"
              for i, (p, a) in enumerate(zip(defn.parameters, args, strict=True))]
    lines += [f"        {p.type} {p.name} = hv_a{i};"
              for i, p in enumerate(defn.parameters)]
    head = "\n".join(lines) + f"\n#line {defn.body_line}\n"
    body = inline_returns(defn.body, defn.returns) + "\n"
    after = lines_before + (head + body).count("\n") + 2
    tail = [f"#line {after}", "    }", "hv_done:;"]
    if defn.returns == "void":
        tail.append("    hv_result = hv_scratch[0] ^ hv_scratch[8];")
    tail.append("    uint64_t r = hv_result;")
    return head + body + "\n".join(tail) + "\n"


def handler_source(defn: Definition, seed: int, lines_before: int = 0) -> str:
    """The handler text with ``defn``'s body inlined (VLAN parsing, an extra loop and the
    use of the result chosen by ``seed``), to be appended after ``lines_before`` lines."""
    rng = random.Random(seed)
    parts = [_PRELUDE]
    if rng.random() < 0.5:
        parts.append(_VLAN)
    parts.append(_IPV4)
    parts.append(rng.choice(("", _OPTIONS_LOOP, _MAC_SWAP_LOOP)))
    parts.append(_inlined_body(defn, lines_before + "".join(parts).count("\n")))
    parts.append(_USES[rng.choice(USES)])
    return "".join(parts)


def wrap_in_handler(text: str, entry: str, seed: int) -> str | None:
    """``text`` with a packet handler into which ``entry``'s body is pasted appended, or
    None when the entry cannot be inlined generically."""
    defn = find_definition(text, entry)
    if defn is None:
        return None
    body = text if text.endswith("\n") else text + "\n"
    return body + handler_source(defn, seed, body.count("\n"))
