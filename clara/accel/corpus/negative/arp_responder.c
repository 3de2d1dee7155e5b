/*
 * class:    none (negative example)
 * variant:  ARP responder body: validates an Ethernet/ARP request for IPv4-over-Ethernet,
 *           and if it asks for our address turns the frame into the reply in place (swap
 *           sender/target, fill our MAC, opcode 2).
 * computes: 1 if the frame was rewritten into a reply, 0 otherwise.
 */
// clara-corpus: class=none entry=arp_answer_in_place signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

struct arp_eth_ipv4 {
    uint8_t dst[6], src[6];
    uint8_t ethertype[2];
    uint8_t htype[2], ptype[2];
    uint8_t hlen, plen;
    uint8_t oper[2];
    uint8_t sha[6], spa[4];
    uint8_t tha[6], tpa[4];
};

int arp_answer_in_place(uint8_t *frame, size_t len, uint32_t my_ip, const uint8_t my_mac[6])
{
    struct arp_eth_ipv4 *a = (struct arp_eth_ipv4 *)frame;
    uint8_t ip_be[4];

    if (len < sizeof(*a))
        return 0;
    if (a->ethertype[0] != 0x08 || a->ethertype[1] != 0x06)
        return 0;
    if (a->htype[1] != 1 || a->ptype[0] != 0x08 || a->ptype[1] != 0x00 || a->hlen != 6 ||
        a->plen != 4 || a->oper[0] != 0 || a->oper[1] != 1)
        return 0;
    ip_be[0] = (uint8_t)(my_ip >> 24);
    ip_be[1] = (uint8_t)(my_ip >> 16);
    ip_be[2] = (uint8_t)(my_ip >> 8);
    ip_be[3] = (uint8_t)my_ip;
    if (memcmp(a->tpa, ip_be, 4) != 0)
        return 0;

    memcpy(a->tha, a->sha, 6);
    memcpy(a->tpa, a->spa, 4);
    memcpy(a->sha, my_mac, 6);
    memcpy(a->spa, ip_be, 4);
    a->oper[1] = 2;
    memcpy(a->dst, a->tha, 6);
    memcpy(a->src, my_mac, 6);
    return 1;
}
