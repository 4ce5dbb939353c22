/*
 * The kernel's share of a dump: bench/run.sh times this beside netct and conntrack. It asks for the
 * whole conntrack table (optionally only entries with one mark, filtered by the kernel with
 * CTA_MARK/CTA_MARK_MASK as both programs do for -m), reads every datagram into a 32 KiB buffer and
 * throws it away, so its wall time is what any program must spend waiting for the kernel.
 *   kernel-floor [MARK]
 */
#include <arpa/inet.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_conntrack.h>
#include <linux/netlink.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

static int put_u32(char *message, int offset, uint16_t type, uint32_t host_value)
{
    struct nlattr attribute = { .nla_len = NLA_HDRLEN + 4, .nla_type = type };
    uint32_t value = htonl(host_value);
    memcpy(message + offset, &attribute, sizeof attribute);
    memcpy(message + offset + NLA_HDRLEN, &value, 4);
    return offset + NLA_HDRLEN + 4;
}

int main(int argc, char **argv)
{
    int fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_NETFILTER);
    struct sockaddr_nl local = { .nl_family = AF_NETLINK };
    if (fd < 0 || bind(fd, (struct sockaddr *)&local, sizeof local) < 0) {
        perror("kernel-floor: socket");
        return 1;
    }

    char request[64] = { 0 };
    struct nlmsghdr header = {
        .nlmsg_type = (NFNL_SUBSYS_CTNETLINK << 8) | IPCTNL_MSG_CT_GET,
        .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP,
        .nlmsg_seq = 1,
    };
    struct nfgenmsg family = { .nfgen_family = AF_UNSPEC, .version = NFNETLINK_V0 };
    int length = NLMSG_HDRLEN;
    memcpy(request + length, &family, sizeof family);
    length += NLMSG_ALIGN(sizeof family);
    if (argc > 1) {
        length = put_u32(request, length, CTA_MARK, (uint32_t)strtoul(argv[1], NULL, 0));
        length = put_u32(request, length, CTA_MARK_MASK, UINT32_MAX);
    }
    header.nlmsg_len = length;
    memcpy(request, &header, sizeof header);
    if (send(fd, request, length, 0) != length) {
        perror("kernel-floor: send");
        return 1;
    }

    static char datagram[32768];
    long entries = 0;
    for (;;) {
        int received = (int)recv(fd, datagram, sizeof datagram, 0);
        if (received <= 0) {
            perror("kernel-floor: recv");
            return 1;
        }
        for (struct nlmsghdr *m = (struct nlmsghdr *)datagram; NLMSG_OK(m, received); m = NLMSG_NEXT(m, received)) {
            if (m->nlmsg_type == NLMSG_DONE || m->nlmsg_type == NLMSG_ERROR) {
                printf("%ld\n", entries);
                return m->nlmsg_type == NLMSG_DONE ? 0 : 1;
            }
            entries++;
        }
    }
}
