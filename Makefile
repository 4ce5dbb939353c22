# netct: build, test, demo, benchmark, install. Run as root on Debian (test/demo/bench need
# CAP_NET_ADMIN and install missing packages themselves). The .NET 10 SDK is the one prerequisite
# they cannot install: every target that runs dotnet stops first, with one line, when it is missing.
SHELL := /bin/bash
DOTNET ?= dotnet
RID ?= linux-x64
CONFIGURATION ?= Release
PREFIX ?= /usr/local
DESTDIR ?=
PUBLISH_DIR := src/NetCt.Cli/bin/$(CONFIGURATION)/net10.0/$(RID)/publish

export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE := 1

.PHONY: all build test fuzz demo bench bench-rss bench-startup bench-exporter bench-top soak pack install uninstall clean

# The goals that run dotnet stop at once, with one line, when the .NET 10 SDK is missing (see
# tests/setup/require-build-tools.sh): before anything is installed, started or built.
SDK_GOALS := all build test fuzz demo bench bench-rss bench-startup bench-exporter bench-top soak pack
ifneq ($(filter $(SDK_GOALS),$(or $(MAKECMDGOALS),all)),)
  SDK_PROBLEM := $(shell bash tests/setup/require-build-tools.sh "$(DOTNET)" 2>&1)
  ifneq ($(SDK_PROBLEM),)
    $(error $(SDK_PROBLEM))
  endif
endif

# The packages `make demo`, `make bench` and `make soak` need (gcc and libc6-dev for the Native AOT
# link, iproute2, nftables, ...), installed when missing.
HOST_DEPS = bash tests/setup/ensure-deps.sh --host

all: build

## build: Native AOT publish of src/NetCt.Cli, copied to bin/netct (installs nothing: needs the
## .NET 10 SDK, gcc and libc6-dev)
build:
	@bash tests/setup/require-build-tools.sh --toolchain "$(DOTNET)"
	$(DOTNET) publish src/NetCt.Cli -c $(CONFIGURATION) -r $(RID) -nologo
	@mkdir -p bin
	install -m 0755 $(PUBLISH_DIR)/netct bin/netct
	@echo "built bin/netct"

## test: install/start dependencies, build, run unit and integration tests (all of them, always)
test:
	bash tests/setup/run-tests.sh

## fuzz: the seeded fuzzers (netlink decoder, argument grammar, -R files; make test runs them 2 s
## each), then AFL++ on the netlink decoders (tests/fuzz/afl.sh), each for FUZZ_SECONDS (default 300)
FUZZ_SECONDS ?= 300
fuzz:
	NETCT_FUZZ_SECONDS=$(FUZZ_SECONDS) $(DOTNET) test tests/NetCt.Tests -nologo --filter "FullyQualifiedName~NetCt.Tests.Fuzz"
	bash tests/fuzz/afl.sh $(FUZZ_SECONDS)

## demo: netct on real loopback flows in a throwaway network namespace
demo:
	bash tests/demo/demo.sh

## bench: netct vs conntrack 1.4.8 on a big table (make bench N=200000 K=5 are the defaults);
## make bench SOAK=1 adds the soak run below
bench:
	$(HOST_DEPS)
	@$(MAKE) --no-print-directory build
	bash bench/run.sh
	@if [ -n "$(SOAK)" ]; then bash bench/soak.sh $(SOAK_N); fi

## bench-rss: only the peak RSS rows and the event burst, on a table of RSS_N entries (default 1000000)
RSS_N ?= 1000000
bench-rss:
	$(HOST_DEPS)
	@$(MAKE) --no-print-directory build
	BENCH_RSS_ONLY=1 bash bench/run.sh $(RSS_N) 1

## bench-startup: only the start-up rows (-C and -G against the empty Native AOT program), on a
## table of STARTUP_N entries (default 1000: both commands cost the same on any table size)
STARTUP_N ?= 1000
bench-startup:
	$(HOST_DEPS)
	@$(MAKE) --no-print-directory build
	BENCH_STARTUP_ONLY=1 bash bench/run.sh $(STARTUP_N) 1

## bench-exporter: netct exporter on a table of N entries (default 1000000): scrape time and memory per entry
bench-exporter:
	$(HOST_DEPS)
	@$(MAKE) --no-print-directory build
	bash bench/exporter.sh $(if $(N),$(N),1000000)

## bench-top: netct top's budgets on a table of N entries (default 1000000): first screen, quiet CPU,
## 20,000 events/s, memory per entry
bench-top:
	$(HOST_DEPS)
	@$(MAKE) --no-print-directory build
	bash bench/top.sh $(if $(N),$(N),1000000)

## soak: netct -L and -D on a table of SOAK_N entries (default 1000000) while another process churns it
SOAK_N ?= 1000000
soak:
	$(HOST_DEPS)
	@$(MAKE) --no-print-directory build
	bash bench/soak.sh $(SOAK_N)

## pack: NuGet packages of the library (NetCt.Interop, NetCt.Netlink, NetCt.Conntrack) -> artifacts/
pack:
	$(DOTNET) pack native-interop/NetCt.Interop -c $(CONFIGURATION) -nologo
	$(DOTNET) pack src/NetCt.Netlink -c $(CONFIGURATION) -nologo
	$(DOTNET) pack src/NetCt.Conntrack -c $(CONFIGURATION) -nologo
	@ls artifacts/*.nupkg

## install: bin/netct -> $(PREFIX)/sbin/netct, man/netct.8 -> $(PREFIX)/share/man/man8/,
## completion/netct.bash -> $(PREFIX)/share/bash-completion/completions/netct,
## contrib/systemd/netct-exporter.service -> $(SYSTEMD_UNIT_DIR)/ (not enabled: systemctl enable --now netct-exporter)
SYSTEMD_UNIT_DIR ?= $(PREFIX)/lib/systemd/system
install:
	@test -x bin/netct || { echo "bin/netct does not exist: run 'make build' first" >&2; exit 1; }
	install -D -m 0755 bin/netct $(DESTDIR)$(PREFIX)/sbin/netct
	@if [ -f man/netct.8 ]; then \
	  install -D -m 0644 man/netct.8 $(DESTDIR)$(PREFIX)/share/man/man8/netct.8 && \
	  echo "install -D -m 0644 man/netct.8 $(DESTDIR)$(PREFIX)/share/man/man8/netct.8"; \
	else echo "man/netct.8 does not exist yet: no man page installed" >&2; fi
	install -D -m 0644 completion/netct.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/netct
	@mkdir -p $(DESTDIR)$(SYSTEMD_UNIT_DIR)
	sed 's|@SBINDIR@|$(PREFIX)/sbin|' contrib/systemd/netct-exporter.service >$(DESTDIR)$(SYSTEMD_UNIT_DIR)/netct-exporter.service
	chmod 0644 $(DESTDIR)$(SYSTEMD_UNIT_DIR)/netct-exporter.service

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/sbin/netct $(DESTDIR)$(PREFIX)/share/man/man8/netct.8 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/netct $(DESTDIR)$(SYSTEMD_UNIT_DIR)/netct-exporter.service

## clean: remove build outputs and test/bench results (keeps bench/.reference, the downloaded conntrack)
clean:
	-$(DOTNET) clean NetCt.sln -nologo -v q >/dev/null 2>&1
	rm -rf bin artifacts tests/TestResults bench/results
	find src native-interop tests bench samples -path bench/.reference -prune -o -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +
