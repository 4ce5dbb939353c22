#!/usr/bin/env bash
# Fetches the reference conntrack 1.4.8 (Debian trixie's build; bookworm only has 1.4.7) into
# bench/.reference/ without installing anything on the host: apt-get download with a private trixie
# source list, lists and cache, then dpkg -x. Prints the path of the binary. Run it with
#   LD_LIBRARY_PATH=bench/.reference/root/usr/lib/x86_64-linux-gnu bench/.reference/root/usr/sbin/conntrack
# or through the wrapper bench/.reference/conntrack. Idempotent: does nothing when already there.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ref=${NETCT_REFERENCE_DIR:-$bench/.reference}
root=$ref/root
binary=$root/usr/sbin/conntrack
libs=$root/usr/lib/x86_64-linux-gnu

if [ -x "$binary" ] && [ -x "$ref/conntrack" ] &&
   LD_LIBRARY_PATH=$libs "$binary" -V 2>/dev/null | grep -q '^conntrack v1\.4\.8 '; then
  echo "$binary"
  exit 0
fi

packages=(conntrack libnetfilter-conntrack3 libnfnetlink0 libmnl0 libnetfilter-cttimeout1
          libnetfilter-cthelper0 libnetfilter-queue1)
apt_dir=$ref/apt
rm -rf "$apt_dir" "$root" "$ref/debs"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/sources.list.d" "$ref/debs" "$root"
cat >"$apt_dir/sources.list.d/trixie.sources" <<'SOURCES'
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
: >"$apt_dir/sources.list"
apt_options=(
  -o "Dir::Etc::SourceList=$apt_dir/sources.list"
  -o "Dir::Etc::SourceParts=$apt_dir/sources.list.d"
  -o "Dir::State::Lists=$apt_dir/lists"
  -o "Dir::Cache=$apt_dir/cache"
  -o "Acquire::Languages=none"
  -o "APT::Architecture=amd64"
  -o "APT::Sandbox::User=root"
)

echo "fetching conntrack 1.4.8 from Debian trixie into $ref" >&2
apt-get "${apt_options[@]}" -qq update </dev/null
(cd "$ref/debs" && apt-get "${apt_options[@]}" -qq download "${packages[@]}" </dev/null)
for deb in "$ref/debs"/*.deb; do
  dpkg -x "$deb" "$root"
done
rm -rf "$apt_dir"

cat >"$ref/conntrack" <<WRAPPER
#!/bin/sh
LD_LIBRARY_PATH=$libs exec $binary "\$@"
WRAPPER
chmod +x "$ref/conntrack"

if ! LD_LIBRARY_PATH=$libs "$binary" -V 2>/dev/null | grep -q '^conntrack v1\.4\.8 '; then
  echo "the fetched conntrack is not 1.4.8:" >&2
  LD_LIBRARY_PATH=$libs "$binary" -V >&2 || true
  exit 1
fi
echo "$binary"
