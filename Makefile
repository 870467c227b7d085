# sesame — see README.md. Every target works on a fresh clone with Go 1.26.

GO          ?= go
BIN         ?= bin/sesame
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
FUZZTIME    ?= 10s
PKGS        := ./...

.PHONY: all build run test vet fmtcheck bench lint fuzz man clean

all: build

build:
	$(GO) build -trimpath -o $(BIN) .

# Start sesame: the interactive generator at a terminal.
run: build
	./$(BIN)

fmtcheck:
	@out=$$(gofmt -l . 2>&1); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet $(PKGS)

test: fmtcheck vet
	$(GO) test -race $(PKGS)

bench:
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)

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
