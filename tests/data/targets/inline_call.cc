// Hand-checkable attribution: the inlined header code of nf::load_be32 and nf::fold16
// must be charged to the line marked CALL, not to nfpkt.hh.
#include "nfpkt.hh"

uint32_t g_total;

extern "C" uint32_t sum_word(const nf::Packet *p)
{
    uint32_t s = nf::fold16(nf::load_be32(p->data() + 12));  // CALL
    g_total += s;  // STATE
    return s;
}  // END
