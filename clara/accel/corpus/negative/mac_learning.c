/*
 * class:    none (negative example)
 * variant:  L2 learning switch table: small fully associative table of (MAC, port,
 *           last-seen) compared with memcmp; learning replaces the oldest entry.
 * computes: l2_fdb_lookup returns the port a MAC was learnt on, or -1 (flood).
 */
// clara-corpus: class=none entry=l2_fdb_lookup signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define FDB_SIZE 64

struct fdb_entry {
    uint8_t mac[6];
    uint16_t port;
    uint32_t seen;
    uint8_t valid;
};

static struct fdb_entry fdb[FDB_SIZE];

void l2_fdb_learn(const uint8_t mac[6], uint16_t port, uint32_t now)
{
    unsigned i, victim = 0;
    for (i = 0; i < FDB_SIZE; i++) {
        if (fdb[i].valid && memcmp(fdb[i].mac, mac, 6) == 0) {
            fdb[i].port = port;
            fdb[i].seen = now;
            return;
        }
    }
    for (i = 0; i < FDB_SIZE; i++) {
        if (!fdb[i].valid) {
            victim = i;
            break;
        }
        if (fdb[i].seen < fdb[victim].seen)
            victim = i;
    }
    memcpy(fdb[victim].mac, mac, 6);
    fdb[victim].port = port;
    fdb[victim].seen = now;
    fdb[victim].valid = 1;
}

int l2_fdb_lookup(const uint8_t mac[6])
{
    unsigned i;
    if (mac[0] & 1)
        return -1; /* group address: flood */
    for (i = 0; i < FDB_SIZE; i++)
        if (fdb[i].valid && memcmp(fdb[i].mac, mac, 6) == 0)
            return fdb[i].port;
    return -1;
}
