/*
 * bpfcapturefilter.{cc,hh} -- classic BPF interpreter for capture filters
 */

#include <click/config.h>
#include "bpfcapturefilter.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/confparse.hh>
CLICK_DECLS

// instruction classes and fields, as in <linux/filter.h>
#define BPF_CLASS(c)    ((c) & 0x07)
#define BPF_LD          0x00
#define BPF_LDX         0x01
#define BPF_ST          0x02
#define BPF_STX         0x03
#define BPF_ALU         0x04
#define BPF_JMP         0x05
#define BPF_RET         0x06
#define BPF_MISC        0x07
#define BPF_SIZE(c)     ((c) & 0x18)
#define BPF_W           0x00
#define BPF_H           0x08
#define BPF_B           0x10
#define BPF_MODE(c)     ((c) & 0xe0)
#define BPF_IMM         0x00
#define BPF_ABS         0x20
#define BPF_IND         0x40
#define BPF_MEM         0x60
#define BPF_LEN         0x80
#define BPF_MSH         0xa0
#define BPF_OP(c)       ((c) & 0xf0)
#define BPF_SRC(c)      ((c) & 0x08)
#define BPF_X           0x08
#define BPF_RVAL(c)     ((c) & 0x18)
#define BPF_A           0x10

BPFCaptureFilter::BPFCaptureFilter()
    : _ninsns(0), _truncate(false), _accepted(0), _rejected(0), _oob(0)
{
}

int
BPFCaptureFilter::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> insns;
    for (int i = 0; i < conf.size(); i++) {
        String w = conf[i].trim_space();
        if (w.starts_with("TRUNCATE")) {
            if (!cp_bool(w.substring(8).trim_space(), &_truncate))
                return errh->error("TRUNCATE expects a boolean");
        } else
            insns.push_back(w);
    }
    if (insns.empty() || insns.size() > MAX_INSNS)
        return errh->error("need 1 to %d instructions", (int) MAX_INSNS);

    _ninsns = insns.size();
    for (int pc = 0; pc < _ninsns; pc++) {
        Vector<String> f;
        cp_spacevec(insns[pc], f);
        unsigned code, jt, jf, k;
        if (f.size() != 4 || !cp_integer(f[0], 0, &code) || !cp_integer(f[1], 0, &jt)
            || !cp_integer(f[2], 0, &jf) || !cp_integer(f[3], 0, &k)
            || code > 0xFFFF || jt > 255 || jf > 255)
            return errh->error("instruction %d: expected 'CODE JT JF K'", pc);
        bpf_insn_t &in = _prog[pc];
        in.code = code;
        in.jt = jt;
        in.jf = jf;
        in.k = k;

        switch (BPF_CLASS(code)) {
        case BPF_JMP:
            if (BPF_OP(code) == 0x00) {         // JA
                if (k >= (unsigned) (_ninsns - pc - 1))
                    return errh->error("instruction %d: jump out of program", pc);
            } else if (pc + 1 + (int) jt >= _ninsns || pc + 1 + (int) jf >= _ninsns)
                return errh->error("instruction %d: jump out of program", pc);
            break;
        case BPF_ST:
        case BPF_STX:
            if (k >= MEMWORDS)
                return errh->error("instruction %d: bad scratch index", pc);
            break;
        case BPF_LD:
        case BPF_LDX:
            if (BPF_MODE(code) == BPF_MEM && k >= MEMWORDS)
                return errh->error("instruction %d: bad scratch index", pc);
            break;
        case BPF_ALU:
            if ((BPF_OP(code) == 0x30 || BPF_OP(code) == 0x90) && BPF_SRC(code) != BPF_X && k == 0)
                return errh->error("instruction %d: division by zero", pc);
            break;
        }
    }
    if (BPF_CLASS(_prog[_ninsns - 1].code) != BPF_RET)
        return errh->error("program must end with a return");
    return 0;
}

#define LOAD_BE32(p) (((uint32_t) (p)[0] << 24) | ((uint32_t) (p)[1] << 16) | ((uint32_t) (p)[2] << 8) | (p)[3])
#define LOAD_BE16(p) (((uint32_t) (p)[0] << 8) | (p)[1])

uint32_t
BPFCaptureFilter::run(const uint8_t *pkt, uint32_t len)
{
    uint32_t A = 0, X = 0, mem[MEMWORDS];
    memset(mem, 0, sizeof(mem));
    for (const bpf_insn_t *pc = _prog; ; pc++) {
        uint32_t k = pc->k, off;
        switch (pc->code) {
        case BPF_RET | 0x00:            return k;
        case BPF_RET | BPF_A:           return A;
        case BPF_LD | BPF_W | BPF_ABS:  off = k; goto ldw;
        case BPF_LD | BPF_W | BPF_IND:  off = X + k;
        ldw:
            if (off > len || len - off < 4) goto oob;
            A = LOAD_BE32(pkt + off);
            break;
        case BPF_LD | BPF_H | BPF_ABS:  off = k; goto ldh;
        case BPF_LD | BPF_H | BPF_IND:  off = X + k;
        ldh:
            if (off > len || len - off < 2) goto oob;
            A = LOAD_BE16(pkt + off);
            break;
        case BPF_LD | BPF_B | BPF_ABS:  off = k; goto ldb;
        case BPF_LD | BPF_B | BPF_IND:  off = X + k;
        ldb:
            if (off >= len) goto oob;
            A = pkt[off];
            break;
        case BPF_LD | BPF_W | BPF_LEN:  A = len; break;
        case BPF_LDX | BPF_W | BPF_LEN: X = len; break;
        case BPF_LD | BPF_IMM:          A = k; break;
        case BPF_LDX | BPF_IMM:         X = k; break;
        case BPF_LD | BPF_MEM:          A = mem[k]; break;
        case BPF_LDX | BPF_MEM:         X = mem[k]; break;
        case BPF_LDX | BPF_B | BPF_MSH:         // X = 4 * (pkt[k] & 0xf), the IP header length
            if (k >= len) goto oob;
            X = (pkt[k] & 0x0F) << 2;
            break;
        case BPF_ST:                    mem[k] = A; break;
        case BPF_STX:                   mem[k] = X; break;
        case BPF_JMP | 0x00:            pc += k; break;
        case BPF_JMP | 0x10:            pc += (A == k) ? pc->jt : pc->jf; break;
        case BPF_JMP | 0x20:            pc += (A > k) ? pc->jt : pc->jf; break;
        case BPF_JMP | 0x30:            pc += (A >= k) ? pc->jt : pc->jf; break;
        case BPF_JMP | 0x40:            pc += (A & k) ? pc->jt : pc->jf; break;
        case BPF_JMP | 0x10 | BPF_X:    pc += (A == X) ? pc->jt : pc->jf; break;
        case BPF_JMP | 0x20 | BPF_X:    pc += (A > X) ? pc->jt : pc->jf; break;
        case BPF_JMP | 0x30 | BPF_X:    pc += (A >= X) ? pc->jt : pc->jf; break;
        case BPF_JMP | 0x40 | BPF_X:    pc += (A & X) ? pc->jt : pc->jf; break;
        case BPF_ALU | 0x00:            A += k; break;
        case BPF_ALU | 0x10:            A -= k; break;
        case BPF_ALU | 0x20:            A *= k; break;
        case BPF_ALU | 0x30:            A /= k; break;
        case BPF_ALU | 0x90:            A %= k; break;
        case BPF_ALU | 0x40:            A |= k; break;
        case BPF_ALU | 0x50:            A &= k; break;
        case BPF_ALU | 0xa0:            A ^= k; break;
        case BPF_ALU | 0x60:            A <<= (k & 31); break;
        case BPF_ALU | 0x70:            A >>= (k & 31); break;
        case BPF_ALU | 0x80:            A = -A; break;
        case BPF_ALU | 0x00 | BPF_X:    A += X; break;
        case BPF_ALU | 0x10 | BPF_X:    A -= X; break;
        case BPF_ALU | 0x20 | BPF_X:    A *= X; break;
        case BPF_ALU | 0x30 | BPF_X:    if (!X) return 0; A /= X; break;
        case BPF_ALU | 0x90 | BPF_X:    if (!X) return 0; A %= X; break;
        case BPF_ALU | 0x40 | BPF_X:    A |= X; break;
        case BPF_ALU | 0x50 | BPF_X:    A &= X; break;
        case BPF_ALU | 0xa0 | BPF_X:    A ^= X; break;
        case BPF_ALU | 0x60 | BPF_X:    A <<= (X & 31); break;
        case BPF_ALU | 0x70 | BPF_X:    A >>= (X & 31); break;
        case BPF_MISC | 0x00:           X = A; break;       // TAX
        case BPF_MISC | 0x80:           A = X; break;       // TXA
        default:
            return 0;
        }
    }
oob:
    _oob++;
    return 0;
}

void
BPFCaptureFilter::push(int, Packet *p)
{
    uint32_t snap = run(p->data(), p->length());
    if (snap == 0) {
        _rejected++;
        checked_output_push(1, p);
        return;
    }
    _accepted++;
    if (_truncate && snap < p->length())
        p->take(p->length() - snap);
    output(0).push(p);
}

void
BPFCaptureFilter::add_handlers()
{
    add_data_handlers("accepted", Handler::f_read, &_accepted);
    add_data_handlers("rejected", Handler::f_read, &_rejected);
    add_data_handlers("out_of_bounds", Handler::f_read, &_oob);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(BPFCaptureFilter)
