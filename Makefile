# sesame — see README.md. Every target works on a fresh clone with Go 1.26.

GO          ?= go
BIN         ?= bin/sesame
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
FUZZTIME    ?= 10s
PKGS        := ./...

.PHONY: all build run test vet fmtcheck bench bench-go bench-peers peers lint fuzz man clean

all: build

# A static binary: nothing sesame does needs cgo, and without the dynamic
# loader a one-shot `sesame pw` starts about 0.6 ms sooner.
build:
	CGO_ENABLED=0 $(GO) build -trimpath -o $(BIN) .

# Start sesame: the interactive generator at a terminal.
run: build
	./$(BIN)

fmtcheck:
	@out=$$(gofmt -l . 2>&1); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet $(PKGS)

test: fmtcheck vet
	$(GO) test -race $(PKGS)

# Go benchmarks of every package, then sesame against the kernel and its
# peers in one table.
bench: bench-go bench-peers

bench-go:
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)

bench-peers: build peers
	$(GO) run ./ui/cli/peerbench ./$(BIN)

# The peers the table compares with, from Debian when missing.
peers:
	@missing=""; for p in pwgen xkcdpass openssl python3; do command -v $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing$$missing"; \
	  pkgs=$$(echo "$$missing" | sed 's/python3/python3-minimal/'); \
	  (apt-get install -y -qq $$pkgs || (apt-get update -qq && apt-get install -y -qq $$pkgs)) >/dev/null || echo "could not install$$missing; their rows will say so"; \
	fi

# Regenerate the man pages in assets/man from the command definitions.
man:
	$(GO) run ./ui/cli/mangen assets/man

lint: fmtcheck vet
	$(GO) run $(STATICCHECK) $(PKGS)

# Each fuzz target for a short, fixed time.
fuzz:
	@set -e; for pkg in $$($(GO) list $(PKGS)); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
	    echo "fuzz $$pkg $$f ($(FUZZTIME))"; \
	    $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg; \
	  done; \
	done

clean:
	rm -rf bin
