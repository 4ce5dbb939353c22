#!/usr/bin/env bash
# Stops with one line when what building netct needs is missing, before anything is installed or
# started. The Makefile runs it first in every target that runs dotnet.
#   require-build-tools.sh [--toolchain] [DOTNET]
# Always: the .NET 10 SDK, the one prerequisite the scripts cannot install (it is not in Debian's
# archive). With --toolchain (`make build`, which installs nothing): also the C compiler and libc
# headers the Native AOT link needs, which `make demo`, `make test` and `make bench` install
# (tests/setup/ensure-deps.sh --host).
# DOTNET: the dotnet command to check (default dotnet).
set -uo pipefail

toolchain=0
if [ "${1:-}" = --toolchain ]; then toolchain=1; shift; fi
dotnet=${1:-dotnet}
sdk_hint="which the scripts cannot install: install it (https://learn.microsoft.com/dotnet/core/install/linux-debian) and run make again"

if ! command -v "$dotnet" >/dev/null 2>&1; then
  echo "netct: building needs the .NET 10 SDK ('$dotnet' is not in PATH), $sdk_hint" >&2
  exit 1
fi
sdks=$("$dotnet" --list-sdks 2>/dev/null)
if ! grep -q '^10\.' <<<"$sdks"; then
  found=$(awk '{print $1}' <<<"$sdks" | paste -sd' ' -)
  echo "netct: building needs the .NET 10 SDK ('$dotnet' has ${found:-none}), $sdk_hint" >&2
  exit 1
fi

# The Native AOT link runs clang, or gcc when there is no clang, against libc's crt files and headers.
if [ $toolchain = 1 ]; then
  if ! { command -v clang || command -v gcc; } >/dev/null 2>&1 || [ ! -e /usr/include/stdio.h ]; then
    echo "netct: the Native AOT link needs gcc and libc6-dev: run 'bash tests/setup/ensure-deps.sh --host' as root (make demo, test and bench do) or 'apt-get install gcc libc6-dev'" >&2
    exit 1
  fi
fi
