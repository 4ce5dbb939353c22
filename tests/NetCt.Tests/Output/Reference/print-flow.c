/*
 * Reference printer for netct's output tests: reads a script on stdin that describes one ctnetlink
 * message (attributes as the kernel sends them), parses it with the reference libnetfilter_conntrack
 * (1.1.0, the library conntrack 1.4.8 uses) through nfct_nlmsg_parse, and prints it with
 * nfct_snprintf_labels, the call conntrack makes for -L and -E. Used by generate-goldens.py.
 *
 * Build: gcc -O1 -o print-flow print-flow.c -L$LIB -l:libnetfilter_conntrack.so.3 -Wl,-rpath,$LIB
 *        with LIB=/opt/conntrack-1.4.8/usr/lib/x86_64-linux-gnu
 * Script: "family N", "map FILE" (connlabel.conf), "nest TYPE" ... "end", "u8|u16|u32|u64 TYPE VALUE"
 *         (big-endian on the wire), "ip4|ip6 TYPE ADDRESS", "str TYPE TEXT", "hex TYPE BYTES",
 *         "print MSGTYPE OUTPUT FLAGS" (NFCT_T_*, NFCT_O_DEFAULT 0 / NFCT_O_XML 1, NFCT_OF_* bits).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_conntrack.h>
struct nf_conntrack; struct nfct_labelmap;
struct nf_conntrack *nfct_new(void);
void nfct_destroy(struct nf_conntrack *);
int nfct_nlmsg_parse(const struct nlmsghdr *, struct nf_conntrack *);
struct nfct_labelmap *nfct_labelmap_new(const char *);
int nfct_snprintf_labels(char *, unsigned int, const struct nf_conntrack *, unsigned, unsigned, unsigned, struct nfct_labelmap *);
#define N(x) { #x, x }
static const struct { const char *n; int v; } names[] = {
 N(CTA_TUPLE_ORIG), N(CTA_TUPLE_REPLY), N(CTA_STATUS), N(CTA_PROTOINFO), N(CTA_HELP), N(CTA_TIMEOUT), N(CTA_MARK),
 N(CTA_COUNTERS_ORIG), N(CTA_COUNTERS_REPLY), N(CTA_USE), N(CTA_ID), N(CTA_TUPLE_MASTER), N(CTA_SECMARK), N(CTA_ZONE),
 N(CTA_SECCTX), N(CTA_TIMESTAMP), N(CTA_LABELS), N(CTA_SEQ_ADJ_ORIG), N(CTA_SEQ_ADJ_REPLY), N(CTA_SYNPROXY),
 N(CTA_TUPLE_IP), N(CTA_TUPLE_PROTO), N(CTA_TUPLE_ZONE), N(CTA_IP_V4_SRC), N(CTA_IP_V4_DST), N(CTA_IP_V6_SRC), N(CTA_IP_V6_DST),
 N(CTA_PROTO_NUM), N(CTA_PROTO_SRC_PORT), N(CTA_PROTO_DST_PORT), N(CTA_PROTO_ICMP_ID), N(CTA_PROTO_ICMP_TYPE), N(CTA_PROTO_ICMP_CODE),
 N(CTA_PROTO_ICMPV6_ID), N(CTA_PROTO_ICMPV6_TYPE), N(CTA_PROTO_ICMPV6_CODE),
 N(CTA_PROTOINFO_TCP), N(CTA_PROTOINFO_DCCP), N(CTA_PROTOINFO_SCTP), N(CTA_PROTOINFO_TCP_STATE), N(CTA_PROTOINFO_TCP_WSCALE_ORIGINAL),
 N(CTA_PROTOINFO_TCP_WSCALE_REPLY), N(CTA_PROTOINFO_TCP_FLAGS_ORIGINAL), N(CTA_PROTOINFO_TCP_FLAGS_REPLY),
 N(CTA_PROTOINFO_DCCP_STATE), N(CTA_PROTOINFO_DCCP_ROLE), N(CTA_PROTOINFO_DCCP_HANDSHAKE_SEQ),
 N(CTA_PROTOINFO_SCTP_STATE), N(CTA_PROTOINFO_SCTP_VTAG_ORIGINAL), N(CTA_PROTOINFO_SCTP_VTAG_REPLY),
 N(CTA_COUNTERS_PACKETS), N(CTA_COUNTERS_BYTES), N(CTA_COUNTERS32_PACKETS), N(CTA_COUNTERS32_BYTES),
 N(CTA_TIMESTAMP_START), N(CTA_TIMESTAMP_STOP), N(CTA_HELP_NAME), N(CTA_SECCTX_NAME),
 N(CTA_SEQADJ_CORRECTION_POS), N(CTA_SEQADJ_OFFSET_BEFORE), N(CTA_SEQADJ_OFFSET_AFTER),
 N(CTA_SYNPROXY_ISN), N(CTA_SYNPROXY_ITS), N(CTA_SYNPROXY_TSOFF),
};
static int lookup(const char *s) { for (size_t i = 0; i < sizeof names / sizeof *names; i++) if (!strcmp(names[i].n, s)) return names[i].v; return atoi(s); }
static char msg[8192]; static int len; static int stack[16], depth;
static void *put(int type, const void *data, int n) {
  struct nlattr *a = (void *)(msg + len); a->nla_type = type; a->nla_len = NLA_HDRLEN + n;
  memcpy((char *)a + NLA_HDRLEN, data, n); len += NLA_ALIGN(a->nla_len); return a; }
int main(void) {
  char line[4096]; struct nfct_labelmap *map = NULL; int family = AF_INET, msgtype = IPCTNL_MSG_CT_NEW, flags = 0;
  len = NLMSG_HDRLEN + sizeof(struct nfgenmsg);
  while (fgets(line, sizeof line, stdin)) {
    char cmd[32], t[64] = "", v[2048] = "";
    line[strcspn(line, "\n")] = 0;
    if (sscanf(line, "%31s %63s %2047[^\n]", cmd, t, v) < 1 || cmd[0] == '#') continue;
    int type = lookup(t);
    if (!strcmp(cmd, "family")) family = atoi(t);
    else if (!strcmp(cmd, "map")) map = nfct_labelmap_new(t);
    else if (!strcmp(cmd, "nest")) { stack[depth++] = len; put(type | NLA_F_NESTED, "", 0); }
    else if (!strcmp(cmd, "end")) { struct nlattr *a = (void *)(msg + stack[--depth]); a->nla_len = len - stack[depth]; }
    else if (!strcmp(cmd, "u8")) { uint8_t x = strtoull(v, 0, 0); put(type, &x, 1); }
    else if (!strcmp(cmd, "u16")) { uint16_t x = htons(strtoull(v, 0, 0)); put(type, &x, 2); }
    else if (!strcmp(cmd, "u32")) { uint32_t x = htonl(strtoull(v, 0, 0)); put(type, &x, 4); }
    else if (!strcmp(cmd, "u64")) { uint64_t x = strtoull(v, 0, 0); uint64_t be = ((uint64_t)htonl(x & 0xffffffff) << 32) | htonl(x >> 32); put(type, &be, 8); }
    else if (!strcmp(cmd, "ip4")) { struct in_addr x; inet_pton(AF_INET, v, &x); put(type, &x, 4); }
    else if (!strcmp(cmd, "ip6")) { struct in6_addr x; inet_pton(AF_INET6, v, &x); put(type, &x, 16); }
    else if (!strcmp(cmd, "str")) put(type, v, strlen(v) + 1);
    else if (!strcmp(cmd, "hex")) { unsigned char b[512]; int n = 0; for (char *p = v; p[0] && p[1]; p += 2) sscanf(p, "%2hhx", &b[n++]); put(type, b, n); }
    else if (!strcmp(cmd, "print")) {
      unsigned mt = atoi(t), o = 0, f = 0; sscanf(v, "%u %u", &o, &f);
      struct nlmsghdr *h = (void *)msg; h->nlmsg_len = len; h->nlmsg_type = (NFNL_SUBSYS_CTNETLINK << 8) | msgtype; h->nlmsg_flags = flags;
      struct nfgenmsg *g = (void *)(msg + NLMSG_HDRLEN); g->nfgen_family = family; g->version = 0; g->res_id = 0;
      struct nf_conntrack *ct = nfct_new(); char buf[4096];
      int r = nfct_nlmsg_parse(h, ct); int n = nfct_snprintf_labels(buf, sizeof buf, ct, mt, o, f, map);
      printf("%s\n", buf); if (r < 0 || n < 0) printf("(parse %d, print %d)\n", r, n); nfct_destroy(ct); }
    else fprintf(stderr, "bad line: %s\n", line);
  }
  return 0;
}
