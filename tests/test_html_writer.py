"""The HTML briefing: one self-contained file, the same tables, text escaped."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from briefing_samples import hostile_facts, seed_facts

from briefing.compose import compose
from briefing.config import Config
from briefing.errors import BriefingError
from briefing.fonts import find_fonts
from briefing.writers.html_writer import render_html, write_html


class Cells(HTMLParser):
    """Table cells and image sources, as a mail client would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self.images: list[str] = []
        self.links: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("td", "th"):
            self._cell = []
        elif tag == "img":
            self.images.append(attrs.get("src", ""))
        elif tag in ("link", "script"):
            self.links.append(tag)

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.cells.append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


@pytest.fixture(scope="module")
def fonts():
    return find_fonts()


@pytest.fixture(scope="module")
def html(fonts) -> str:
    return render_html(compose(seed_facts(), config=Config(briefing={"title": "江门简报"}),
                               fonts=fonts))


def test_tables_and_inline_chart(html):
    parsed = Cells()
    parsed.feed(html)
    for cell in ("江海区", "9%左右", "9%以上(力争11%)", "10.5%", "8%(力争8.5%)", "地区生产总值"):
        assert cell in parsed.cells
    assert len(parsed.images) == 1 and parsed.images[0].startswith("data:image/png;base64,")
    assert not parsed.links  # nothing to fetch: usable as a mail body


def test_masthead_and_sections(html):
    assert "<title>江门简报 第1期</title>" in html
    assert "一、本期要点" in html and "七、资料来源" in html
    assert re.search(r'<html lang="zh-CN">', html)


def test_article_text_is_escaped(tmp_path, fonts):
    out = tmp_path / "h.html"
    write_html(compose(hostile_facts(), config=Config(), fonts=fonts), out)
    text = out.read_text(encoding="utf-8")
    assert "&lt;b&gt;&amp;" in text and "<b>&" not in text and "\x07" not in text


def test_html_template_can_be_overridden(tmp_path, fonts):
    (tmp_path / "briefing.html.j2").write_text(
        "<p>{{ doc.masthead.title }}|{{ doc.sections|length }}</p>", encoding="utf-8")
    d = compose(seed_facts(), config=Config(), fonts=fonts)
    assert render_html(d, tmp_path) == "<p>高质量发展简报|7</p>"


def test_a_broken_user_template_is_a_one_line_error(tmp_path, fonts):
    (tmp_path / "briefing.html.j2").write_text("<p>{% for x in %}</p>", encoding="utf-8")
    document = compose(seed_facts(), config=Config(), fonts=fonts)
    with pytest.raises(BriefingError, match="template error: briefing.html.j2:1"):
        render_html(document, tmp_path)
