# Two targets do all the set-up on a fresh Debian machine (run as root):
#   make briefing   build the briefing from data/ into output/
#   make test       run the test suite
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
APT_PACKAGES := fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei fonts-liberation poppler-utils
# The tests also open the Word file in LibreOffice, as a reader without Word would.
TEST_APT_PACKAGES := $(APT_PACKAGES) libreoffice-writer-nogui

.PHONY: briefing test system-deps bench clean

briefing: $(STAMP)
	$(VENV)/bin/briefing build data/articles --out output

test: $(STAMP)
	@$(MAKE) --no-print-directory system-deps APT_PACKAGES="$(TEST_APT_PACKAGES)"
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) benchmarks/bench.py

# Debian CJK fonts (TrueType outlines, which reportlab needs) and poppler for the
# PDF checks; installed only when missing so a second run is quick.
system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

$(STAMP): pyproject.toml | system-deps
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) output/*.docx output/*.pdf output/*.html
