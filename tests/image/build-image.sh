#!/usr/bin/env bash
# Builds the local Docker image the integration tests run in: Debian trixie with the reference
# conntrack 1.4.8, nftables, iproute2 and small traffic tools. No registry is reachable from CI, so
# the root filesystem is bootstrapped from Debian's packages with mmdebstrap and imported.
set -euo pipefail
image=${NETCT_TEST_IMAGE:-netct-test:trixie}
packages=conntrack,nfct,iptables,nftables,iproute2,iputils-ping,netcat-openbsd,python3-minimal,tmux,iptstate,prometheus
stamp="$packages"
if [ "$(docker image inspect -f '{{index .Config.Labels "netct.packages"}}' "$image" 2>/dev/null)" = "$stamp" ]; then
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mmdebstrap --quiet --variant=essential --include="$packages" trixie "$work/rootfs.tar" \
  http://deb.debian.org/debian
docker import --change "LABEL netct.packages=$stamp" --change 'CMD ["sleep", "infinity"]' \
  "$work/rootfs.tar" "$image" >/dev/null
echo "built $image"
