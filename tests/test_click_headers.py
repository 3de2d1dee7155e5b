"""The Click compatibility headers (clara/include), the example NFs and the framework API catalog.

Everything here runs the real compilers: clang++-19 for IR and the AST, the host g++ and the
GCC cross compilers of the NIC targets (aarch64, big-endian mips64) for layout checks.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import EXAMPLES, REPO

from clara.ir.catalog import load_catalog, match_api
from clara.toolchain.llvm import demangle

INCLUDE = REPO / "clara" / "include"
CLANGXX = "clang++-19"
CLANG = "clang-19"
IR_FLAGS = ["-O0", "-g", "-Xclang", "-disable-O0-optnone", "-fno-discard-value-names",
            "-Wall", "-Wextra", "-I", str(INCLUDE), "-S", "-emit-llvm"]
CATALOG = load_catalog()

CLICK_HEADERS = sorted(p.relative_to(INCLUDE).as_posix() for p in (INCLUDE / "click").iterdir()
                       if p.suffix in (".h", ".hh"))
CLICKNET_HEADERS = sorted(p.relative_to(INCLUDE).as_posix()
                          for p in (INCLUDE / "clicknet").iterdir() if p.suffix == ".h")
REQUIRED_HEADERS = [
    "click/config.h", "click/glue.hh", "click/element.hh", "click/packet.hh",
    "click/packet_anno.hh", "click/hashmap.hh", "click/hashtable.hh", "click/vector.hh",
    "click/ipaddress.hh", "click/ipflowid.hh", "click/etheraddress.hh", "click/timestamp.hh",
    "click/string.hh", "click/error.hh", "click/args.hh", "click/confparse.hh",
    "click/straccum.hh", "click/handlercall.hh", "clicknet/ip.h", "clicknet/tcp.h",
    "clicknet/udp.h", "clicknet/ether.h", "clicknet/icmp.h",
]
ALL_HEADERS_TU = "".join(f"#include <{h}>\n" for h in ["click/config.h", *CLICK_HEADERS,
                                                       *CLICKNET_HEADERS])
CXX_EXAMPLES = sorted(EXAMPLES.glob("*.cc"))
C_EXAMPLES = sorted(EXAMPLES.glob("*.c"))

# The six GCC cross/host compilers the NIC targets and the host runtime use.
GCC_COMPILERS = ["g++", "aarch64-linux-gnu-g++-12", "mips64-linux-gnuabi64-g++-12"]


def _run(argv: list[str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, input=stdin, capture_output=True, text=True, check=False)


def _need(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed")


def _compile_ir(source: Path, out: Path) -> str:
    proc = _run([CLANGXX, "-std=c++17", *IR_FLAGS, "-o", str(out), str(source)])
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == "", f"warnings compiling {source.name}:\n{proc.stderr}"
    return out.read_text()


# ---------------------------------------------------------------- headers compile


def test_required_headers_exist() -> None:
    missing = [h for h in REQUIRED_HEADERS if not (INCLUDE / h).is_file()]
    assert not missing


@pytest.mark.parametrize("header", CLICK_HEADERS + CLICKNET_HEADERS)
def test_header_is_self_contained_and_warning_free(header: str, tmp_path: Path) -> None:
    source = tmp_path / "one.cc"
    source.write_text(f"#include <click/config.h>\n#include <{header}>\n")
    proc = _run([CLANGXX, "-std=c++17", "-Wall", "-Wextra", "-fsyntax-only",
                 "-I", str(INCLUDE), str(source)])
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr


@pytest.mark.parametrize("compiler", [CLANGXX, *GCC_COMPILERS])
def test_all_headers_compile_with_O2(compiler: str, tmp_path: Path) -> None:
    _need(compiler)
    source = tmp_path / "all.cc"
    source.write_text(ALL_HEADERS_TU + "int main() { return 0; }\n")
    proc = _run([compiler, "-std=c++17", "-Wall", "-Wextra", "-O2", "-c", "-I", str(INCLUDE),
                 "-o", str(tmp_path / "all.o"), str(source)])
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr


def test_clicknet_headers_are_plain_c(tmp_path: Path) -> None:
    source = tmp_path / "net.c"
    source.write_text("".join(f"#include <{h}>\n" for h in CLICKNET_HEADERS))
    proc = _run([CLANG, "-std=c99", "-Wall", "-Wextra", "-pedantic", "-fsyntax-only",
                 "-I", str(INCLUDE), str(source)])
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr


# ---------------------------------------------------------------- examples compile


@pytest.mark.parametrize("source", CXX_EXAMPLES, ids=lambda p: p.name)
def test_example_compiles_to_ir_without_warnings(source: Path, tmp_path: Path) -> None:
    ir = _compile_ir(source, tmp_path / "x.ll")
    assert "define " in ir


@pytest.mark.parametrize("source", C_EXAMPLES, ids=lambda p: p.name)
def test_c_example_compiles_to_ir_without_warnings(source: Path, tmp_path: Path) -> None:
    proc = _run([CLANG, "-std=c11", *IR_FLAGS, "-o", str(tmp_path / "x.ll"), str(source)])
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr


@pytest.mark.parametrize("compiler", GCC_COMPILERS[1:])
@pytest.mark.parametrize("source", CXX_EXAMPLES, ids=lambda p: p.name)
def test_example_compiles_for_nic_targets(source: Path, compiler: str, tmp_path: Path) -> None:
    _need(compiler)
    proc = _run([compiler, "-Wall", "-O2", "-c", "-I", str(INCLUDE),
                 "-o", str(tmp_path / "x.o"), str(source)])
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr


# ---------------------------------------------------------------- wire layout

# (struct, field) -> (offset, size); None offset for bit-fields (checked by value below)
WIRE_LAYOUT = {
    "click_ip": (20, {"ip_tos": (1, 1), "ip_len": (2, 2), "ip_id": (4, 2), "ip_off": (6, 2),
                      "ip_ttl": (8, 1), "ip_p": (9, 1), "ip_sum": (10, 2), "ip_src": (12, 4),
                      "ip_dst": (16, 4)}),
    "click_tcp": (20, {"th_sport": (0, 2), "th_dport": (2, 2), "th_seq": (4, 4),
                       "th_ack": (8, 4), "th_flags": (13, 1), "th_win": (14, 2),
                       "th_sum": (16, 2), "th_urp": (18, 2)}),
    "click_udp": (8, {"uh_sport": (0, 2), "uh_dport": (2, 2), "uh_ulen": (4, 2),
                      "uh_sum": (6, 2)}),
    "click_ether": (14, {"ether_dhost": (0, 6), "ether_shost": (6, 6), "ether_type": (12, 2)}),
    "click_icmp": (8, {"icmp_type": (0, 1), "icmp_code": (1, 1), "icmp_cksum": (2, 2),
                       "padding": (4, 4)}),
}
# The first bytes of a real IPv4 header (version 4, IHL 5) and a TCP header with data offset 5,
# the NS bit set and SYN|ACK.
IP_BYTES = "0x45, 0x10, 0x00, 0x14, 0x12, 0x34, 0x40, 0x00, 0x40, 0x06, 0x00, 0x00, " \
           "10, 0, 0, 1, 10, 0, 0, 2"
TCP_BYTES = "0x00, 0x50, 0x1f, 0x90, 0, 0, 0, 1, 0, 0, 0, 2, 0x51, 0x12, 0x20, 0x00, 0, 0, 0, 0"
LAYOUT_INCLUDES = "".join(f"#include <{h}>\n" for h in CLICKNET_HEADERS)


def test_wire_layout_on_host(tmp_path: Path) -> None:
    lines = [LAYOUT_INCLUDES, "#include <stddef.h>\n#include <stdio.h>\n#include <string.h>\n",
             "int main() {\n  printf(\"{\");\n"]
    for struct, (_size, fields) in WIRE_LAYOUT.items():
        lines.append(f'  printf("\\"{struct}\\": [%zu, {{", sizeof({struct}));\n')
        for i, field in enumerate(fields):
            sep = "," if i else ""
            lines.append(f'  printf("{sep}\\"{field}\\": [%zu, %zu]", offsetof({struct}, {field}),'
                         f" sizeof((({struct} *) 0)->{field}));\n")
        lines.append('  printf("}], ");\n')
    lines.append(f"  unsigned char ipb[20] = {{{IP_BYTES}}}, tcpb[20] = {{{TCP_BYTES}}};\n"
                 "  click_ip ip; memcpy(&ip, ipb, 20);\n  click_tcp th; memcpy(&th, tcpb, 20);\n"
                 '  printf("\\"bits\\": [%u, %u, %u, %u, %u]", ip.ip_v, ip.ip_hl, th.th_off,'
                 " th.th_flags2, th.th_flags);\n"
                 "  click_ip w; memset(&w, 0, sizeof w); w.ip_v = 4; w.ip_hl = 6;\n"
                 "  unsigned char first; memcpy(&first, &w, 1);\n"
                 '  printf(", \\"first_byte\\": %u}\\n", first);\n  return 0;\n}\n')
    source = tmp_path / "layout.cc"
    source.write_text("".join(lines))
    exe = tmp_path / "layout"
    proc = _run([CLANGXX, "-std=c++17", "-Wall", "-I", str(INCLUDE), "-o", str(exe), str(source)])
    assert proc.returncode == 0, proc.stderr
    result = json.loads(_run([str(exe)]).stdout)
    for struct, (size, fields) in WIRE_LAYOUT.items():
        got_size, got_fields = result[struct]
        assert got_size == size, struct
        assert {k: tuple(v) for k, v in got_fields.items()} == fields, struct
    assert result["bits"] == [4, 5, 5, 1, 0x12]
    assert result["first_byte"] == 0x46


@pytest.mark.parametrize("compiler", GCC_COMPILERS)
def test_wire_layout_on_targets(compiler: str, tmp_path: Path) -> None:
    """offsetof/sizeof and bit-field placement (via constexpr bit_cast) per target ABI,
    including big-endian MIPS, where ip_v/ip_hl and th_off/th_flags2 swap declaration order."""
    _need(compiler)
    asserts = []
    for struct, (size, fields) in WIRE_LAYOUT.items():
        asserts.append(f"static_assert(sizeof({struct}) == {size}, \"{struct}\");")
        for field, (off, fsize) in fields.items():
            asserts.append(f"static_assert(offsetof({struct}, {field}) == {off} && "
                           f"sizeof((({struct} *) 0)->{field}) == {fsize}, \"{field}\");")
    source = tmp_path / "layout.cc"
    source.write_text(
        LAYOUT_INCLUDES + "#include <stddef.h>\n" + "\n".join(asserts) + "\n"
        "struct B20 { unsigned char b[20]; };\n"
        f"constexpr B20 ipb = {{{{{IP_BYTES}}}}};\n"
        f"constexpr B20 tcpb = {{{{{TCP_BYTES}}}}};\n"
        "constexpr click_ip ip = __builtin_bit_cast(click_ip, ipb);\n"
        "constexpr click_tcp th = __builtin_bit_cast(click_tcp, tcpb);\n"
        "static_assert(ip.ip_v == 4 && ip.ip_hl == 5 && ip.ip_ttl == 64, \"ip bits\");\n"
        "static_assert(th.th_off == 5 && th.th_flags2 == 1 && th.th_flags == 0x12, \"tcp\");\n")
    proc = _run([compiler, "-std=c++17", "-Wall", "-c", "-I", str(INCLUDE),
                 "-o", str(tmp_path / "layout.o"), str(source)])
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr


# ---------------------------------------------------------------- the API catalog

# demangled name -> expected catalog entry name (None: not a framework API)
KNOWN_NAMES = {
    "Click::Packet::ip_header() const": "Packet::ip_header",
    "Click::WritablePacket::tcp_header() const": "Packet::tcp_header",
    "Click::Packet::ip_header_length() const": "Packet::network_header",
    "Click::Packet::expensive_uniqueify(int, int, bool)": "Packet::uniqueify",
    "Click::Packet::push_mac_header(unsigned int)": "Packet::push",
    "Click::Packet::anno_u32(int) const": "Packet::anno",
    "Click::Element::Port::push(Click::Packet*) const": "Element::output_push",
    "Click::Element::Port::pull() const": "Element::input_pull",
    "Click::Element::checked_output_push(int, Click::Packet*) const": "Element::output_push",
    "Click::Element::add_read_handler(Click::String const&, Click::String (*)(Click::Element*,"
    " void*), int, unsigned int)": "String",
    "Click::HashMap<Click::IPFlowID, int>::findp(Click::IPFlowID const&) const": "HashMap::find",
    "Click::HashMap<int, Click::Vector<int> >::insert(int const&, Click::Vector<int> const&)":
        "HashMap::insert",
    "Click::HashMap<int, int>::iterator::operator++()": "HashMap::iterate",
    "Click::HashMap<int, int>::~HashMap()": "HashMap::lifetime",
    "Click::HashTable<int, int>::operator[](int const&)": "HashTable::find",
    "Click::Vector<Click::String>::operator[](int)": "Vector::access",
    "Click::Vector<int>::~Vector()": "Vector::lifetime",
    "click_update_in_cksum(unsigned short*, unsigned short, unsigned short)": "click_in_cksum",
    "click_in_cksum_pseudohdr_raw(unsigned int, unsigned int, unsigned int, int, int)":
        "click_in_cksum",
    "Click::Timestamp::recent()": "Timestamp::now",
    "Click::Timestamp::operator-(Click::Timestamp const&) const": "Timestamp::arith",
    "Click::operator<(Click::Timestamp const&, Click::Timestamp const&)": "Timestamp::arith",
    "Click::IPFlowID::IPFlowID(Click::Packet const*, bool)": "IPFlowID",
    "unsigned int Click::hashcode<Click::IPFlowID>(Click::IPFlowID const&)": "hashcode",
    "Click::Pair<int, int> Click::make_pair<int, int>(int const&, int const&)": "hashcode",
    "Click::Args& Click::Args::read_mp<unsigned int>(char const*, unsigned int&)": "String",
    "Click::cp_ip_prefix(Click::String const&, Click::IPAddress*, Click::IPAddress*, bool,"
    " Click::Element const*)": "String",
    "Click::operator+(Click::String const&, char const*)": "String",
    "Click::click_random(unsigned int, unsigned int)": "click_random",
    "ntohs": "byteorder",
    "memcmp": "memory.copy",
    "malloc": "memory.alloc",
    "operator delete(void*, unsigned long)": "memory.alloc",
    "__assert_fail": "assert",
    # an NF's own functions are not framework API, even with API-like words in their names
    "Click::MiniNAT::push(int, Click::Packet*)": None,
    "Click::StringMatcher::match(char const*)": None,
    "Click::free_port(int)": None,
    "Click::FlowNAT::Mapping::Mapping()": None,
    "Click::update_cksum32(unsigned short*, unsigned int, unsigned int)": None,
    "xdp_filter_prog": None,
}


def test_catalog_entries_are_well_formed() -> None:
    data = json.loads((REPO / "clara" / "ir" / "api_catalog.json").read_text())
    names = [api["name"] for api in data["apis"]]
    assert len(names) == len(set(names)), "duplicate API names"
    assert len(CATALOG) == len(names)


@pytest.mark.parametrize(("demangled", "expected"), KNOWN_NAMES.items())
def test_catalog_classifies_known_names(demangled: str, expected: str | None) -> None:
    entry = match_api(demangled, CATALOG)
    assert (entry.name if entry else None) == expected


def test_catalog_patterns_mean_the_same_in_posix_ere() -> None:
    """The plugin matches with POSIX ERE (llvm::Regex), Python with re: same answers."""
    _need("grep")
    names = sorted({n.removeprefix("Click::") for n in KNOWN_NAMES} | set(_fixture_names()))
    for entry in CATALOG:
        proc = _run(["grep", "-E", f"^({entry.pattern.pattern})"], stdin="\n".join(names) + "\n")
        assert proc.returncode in (0, 1), (entry.name, proc.stderr)
        posix = set(proc.stdout.splitlines())
        python = {n for n in names if entry.pattern.match(n)}
        assert posix == python, entry.name


# ---------------------------------------------------------------- every API is catalogued

FUNCTION_KINDS = {"FunctionDecl", "CXXMethodDecl", "CXXConstructorDecl", "CXXDestructorDecl",
                  "CXXConversionDecl"}


def _header_functions() -> list[str]:
    """'Scope::name(' for every public function declared in clara/include (from clang's AST)."""
    proc = _run([CLANGXX, "-std=c++17", "-fsyntax-only", "-Xclang", "-ast-dump=json",
                 "-I", str(INCLUDE), "-x", "c++", "-"], stdin=ALL_HEADERS_TU)
    assert proc.returncode == 0, proc.stderr
    found: list[str] = []
    current = {"file": ""}
    include_dir = str(INCLUDE.resolve())

    def see(loc: dict | None) -> None:
        # clang prints a location's file only when it differs from the previous one printed
        if not loc:
            return
        if "spellingLoc" in loc:
            see(loc["spellingLoc"])
            see(loc["expansionLoc"])
        elif "file" in loc:
            current["file"] = loc["file"]

    def walk(node: dict, scope: list[str], access: str, suffix: str = "") -> None:
        see(node.get("loc"))
        node_file = current["file"]
        see(node.get("range", {}).get("begin"))
        see(node.get("range", {}).get("end"))
        kind = node.get("kind", "")
        ours = str(Path(node_file).resolve()).startswith(include_dir) if node_file else False
        # previousDecl: an out-of-class definition of a member declared (and counted) before
        if kind in FUNCTION_KINDS and ours and access == "public" \
                and not node.get("isImplicit") and "previousDecl" not in node:
            name = node["name"]
            if kind in ("CXXConstructorDecl", "CXXDestructorDecl"):
                name = name.split("<")[0]   # the AST spells HashMap<K, V>::HashMap<K, V>
            found.append("::".join([*scope, name]) + "(")
        inner = node.get("inner", [])
        if kind == "NamespaceDecl":
            for child in inner:
                walk(child, [*scope, node.get("name", "(anonymous namespace)")], "public")
        elif kind == "ClassTemplateDecl":
            params = [c.get("name", "") for c in inner if c.get("kind", "").endswith("ParmDecl")]
            for child in inner:
                walk(child, scope, access, "<" + ", ".join(params) + ">")
        elif kind == "CXXRecordDecl" and node.get("completeDefinition"):
            member_access = "private" if node.get("tagUsed") == "class" else "public"
            inner_scope = [*scope, node.get("name", "") + suffix]
            for child in inner:
                if child.get("kind") == "AccessSpecDecl":
                    member_access = child["access"]
                    continue
                walk(child, inner_scope,
                     member_access if access == "public" else "private")
        else:
            for child in inner:
                walk(child, scope, access)

    walk(json.loads(proc.stdout), [], "public")
    return found


def test_every_header_function_matches_a_catalog_entry() -> None:
    functions = _header_functions()
    assert len(functions) > 300, len(functions)     # the walk found the headers' API
    for expected in ["Click::Packet::ip_header(", "Click::HashMap<K, V>::findp(",
                     "Click::Vector<T>::push_back(", "click_in_cksum(",
                     "Click::Timestamp::now(", "Click::Element::Port::push("]:
        assert expected in functions
    unmatched = sorted({f for f in functions if match_api(f, CATALOG) is None})
    assert not unmatched, "header functions no catalog entry matches:\n" + "\n".join(unmatched)


# A fixture that calls the framework API the examples do not, so that the real demangled names
# (template instantiations, return-type prefixes, C symbols) are checked too.
API_FIXTURE = r"""
#include <click/config.h>
#include <click/element.hh>
#include <click/packet.hh>
#include <click/packet_anno.hh>
#include <click/hashmap.hh>
#include <click/hashtable.hh>
#include <click/vector.hh>
#include <click/ipflowid.hh>
#include <click/etheraddress.hh>
#include <click/timestamp.hh>
#include <click/straccum.hh>
#include <click/error.hh>
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/handlercall.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
#include <clicknet/ether.h>
#include <clicknet/icmp.h>
CLICK_DECLS

class Fixture : public Element {
  public:
    const char *class_name() const { return "Fixture"; }
    const char *port_count() const { return "1/-"; }
    int configure(Vector<String> &conf, ErrorHandler *errh);
    void push(int port, Packet *p);
    Packet *pull(int port);
    HashMap<IPFlowID, int> _map;
    HashTable<uint32_t, Timestamp> _table;
    Vector<uint32_t> _vec;
    IPAddress _addr, _mask;
    EtherAddress _eth;
};

int Fixture::configure(Vector<String> &conf, ErrorHandler *errh) {
    String s("x");
    bool b = false;
    if (Args(conf, this, errh).read_mp("PREFIX", IPPrefixArg(true), _addr, _mask)
        .read("ETH", _eth).read_or_set("B", b, true).complete() < 0)
        return -1;
    Vector<String> words;
    cp_spacevec(conf[0], words);
    int n;
    if (!cp_integer(words[0], &n) || !(s + "y" == "xy"))
        return errh->error("bad %d", n);
    HandlerCall::call_write(this, "h", String(n));
    StringAccum sa;
    sa << _addr << ' ' << _eth << ' ' << Timestamp::now() << s;
    click_chatter("%s %s", sa.c_str(), name().c_str());
    return 0;
}

Packet *Fixture::pull(int) {
    Packet *p = input(0).pull();
    if (p && input_is_pull(0))
        p->set_timestamp_anno(Timestamp::now_steady());
    return p;
}

void Fixture::push(int, Packet *p) {
    WritablePacket *q = Packet::make(64, p->data(), p->length(), 16);
    Packet *c = p->clone();
    q = q->push(14);
    q->pull(14);
    q = q->push_mac_header(14);
    q->pull(14);
    q = q->put(4);
    q->take(4);
    q->set_ip_header(reinterpret_cast<click_ip *>(q->data()), 20);
    click_ip *iph = q->ip_header();
    iph->ip_sum = 0;
    iph->ip_sum = click_in_cksum(q->network_header(), q->network_header_length());
    click_udp *uh = q->udp_header();
    uh->uh_sum = click_in_cksum_pseudohdr(click_in_cksum(q->transport_header(), 8), iph, 8);
    if (q->has_mac_header() && q->ether_header()->ether_type == htons(ETHERTYPE_IP))
        SET_PAINT_ANNO(q, 3);
    SET_AGGREGATE_ANNO(q, AGGREGATE_ANNO(q) + q->anno_u16(VLAN_TCI_ANNO_OFFSET));
    SET_FIRST_TIMESTAMP_ANNO(q, q->timestamp_anno());
    IPFlowID f(q);
    int *v = _map.findp(f.reverse());
    _map.find_force(f, 0)++;
    for (HashMap<IPFlowID, int>::iterator it = _map.begin(); it.live(); ++it)
        it.value() += *v;
    HashTable<uint32_t, Timestamp>::iterator e = _table.find(f.hashcode());
    if (!e)
        _table.set(f.hashcode(), Timestamp::make_msec(5) + q->timestamp_anno());
    else if (e->second < Timestamp::recent())
        _table.erase(e.key());
    _table[7] = Timestamp(1, 500);
    _vec.push_back(hashcode(f) ^ click_random(0, 9) ^ (uint32_t) click_jiffies());
    if (_vec.size() > 8)
        _vec.erase(_vec.begin());
    Pair<int, int> pr = make_pair(1, 2);
    if (_eth == EtherAddress::make_broadcast() || pr.hashcode() == 0
        || IPAddress(q->dst_ip_anno()).matches_prefix(_addr, _mask))
        c->kill();
    else
        checked_output_push(1, c);
    output(0).push(q);
    p->kill();
}

CLICK_ENDDECLS
"""


def _ir_callees(ir: str) -> dict[str, str]:
    """Callee symbol -> where it is: 'declared', 'header' (defined in clara/include) or the file
    that defines it, from the IR text and its debug info."""
    files = {m[1]: m[3].rstrip("/") + "/" + m[2] if not m[2].startswith("/") else m[2]
             for m in re.finditer(r'^!(\d+) = !DIFile\(filename: "([^"]*)", directory: "([^"]*)"',
                                  ir, re.M)}
    subprograms = {m[1]: m[2] for m in re.finditer(
        r"^!(\d+) = distinct !DISubprogram\(.*?\bfile: !(\d+)", ir, re.M)}
    where: dict[str, str] = {}
    for m in re.finditer(r"^declare .*?@(\"[^\"]+\"|[\w.$]+)\(", ir, re.M):
        where[m[1].strip('"')] = "declared"
    for m in re.finditer(r"^define .*?@(\"[^\"]+\"|[\w.$]+)\(.*!dbg !(\d+)", ir, re.M):
        path = files.get(subprograms.get(m[2], ""), "")
        include_dir = str(INCLUDE.resolve())
        where[m[1].strip('"')] = "header" if str(Path(path).resolve()).startswith(
            include_dir) else path
    # C1/D1 structors are often emitted as aliases of the C2/D2 ones
    for m in re.finditer(r"^@(\"[^\"]+\"|[\w.$]+) = .*\balias\b.*@(\"[^\"]+\"|[\w.$]+)\s*$",
                         ir, re.M):
        where[m[1].strip('"')] = where.get(m[2].strip('"'), "declared")
    called = set(re.findall(r"(?:call|invoke)\b[^@\n]*@(\"[^\"]+\"|[\w.$]+)\(", ir))
    return {c.strip('"'): where.get(c.strip('"'), "declared") for c in called
            if not c.strip('"').startswith("llvm.")}


def _classification_errors(ir: str) -> list[str]:
    callees = _ir_callees(ir)
    symbols = sorted(callees)
    errors = []
    for symbol, demangled in zip(symbols, demangle(symbols), strict=True):
        entry = match_api(demangled, CATALOG)
        framework = callees[symbol] in ("declared", "header")
        if framework and entry is None:
            errors.append(f"framework call not in the catalog: {demangled}")
        if not framework and entry is not None:
            errors.append(f"NF function {demangled} matches catalog entry {entry.name}")
    return errors


_FIXTURE_CACHE: dict[str, list[str]] = {}


def _fixture_names() -> list[str]:
    """Demangled names of the API fixture's callees (compiled once)."""
    if "names" not in _FIXTURE_CACHE:
        proc = _run([CLANGXX, "-std=c++17", *IR_FLAGS, "-x", "c++", "-o", "-", "-"],
                    stdin=API_FIXTURE)
        assert proc.returncode == 0 and proc.stderr == "", proc.stderr
        _FIXTURE_CACHE["ir"] = [proc.stdout]
        _FIXTURE_CACHE["names"] = [n.removeprefix("Click::")
                                   for n in demangle(sorted(_ir_callees(proc.stdout)))]
    return _FIXTURE_CACHE["names"]


def test_api_fixture_calls_are_all_catalogued() -> None:
    names = _fixture_names()
    assert len(names) > 80
    errors = _classification_errors(_FIXTURE_CACHE["ir"][0])
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("source", CXX_EXAMPLES, ids=lambda p: p.name)
def test_example_framework_calls_are_catalogued(source: Path, tmp_path: Path) -> None:
    """Every call an example makes to an undefined or header-defined function is framework API;
    none of the example's own functions is mistaken for one."""
    errors = _classification_errors(_compile_ir(source, tmp_path / "x.ll"))
    assert not errors, "\n".join(errors)
