"""Sentences keep offsets into the original text and carry their headings."""
from briefing.extract.sentences import split_sentences
from briefing.model import Article


def _article(text: str, plain: str | None = None) -> Article:
    return Article(id="x", path="x.txt", title="t", text=text, plain=plain or text)


def test_offsets_point_into_the_original_text():
    text = "2024年工作安排\n全市地区生产总值增长6%左右。固定资产投资增长5%；\n"
    for s in split_sentences(_article(text)):
        assert text[s.start:s.end] == s.original


def test_headings_become_context_of_the_sentences_below():
    text = "主要预期目标\n地区生产总值增长6%左右。\n"
    body = [s for s in split_sentences(_article(text)) if not s.is_heading]
    assert body[0].heading == "主要预期目标"


def test_quotes_come_from_the_traditional_original():
    trad, simp = "地區生產總值增長6%。", "地区生产总值增长6%。"
    s = split_sentences(_article(trad, simp))[0]
    i = s.text.index("增长")
    assert s.quote(i, i + 4) == "增長6%"


def test_a_short_line_stating_an_amount_is_no_heading():
    from briefing.extract.sentences import looks_like_heading
    assert not looks_like_heading("新增规上工业企业超300家")
    assert not looks_like_heading("全年完成固定资产投资超1400亿元")
    assert looks_like_heading("二、2024年主要工作安排")


def test_a_run_on_paragraph_is_cut_at_commas_into_bounded_sentences():
    from briefing.extract.sentences import MAX_SENTENCE

    clause = "全市新增规上工业企业120家，"
    text = clause * 1000 + "\n"           # 15,000 characters and not one full stop
    got = split_sentences(_article(text))
    assert all(len(s.text) <= MAX_SENTENCE for s in got)
    assert all(s.text.endswith("，") for s in got)      # cut at a comma, never inside a figure
    assert "".join(s.text for s in got) == text.strip()
    for s in got:
        assert text[s.start:s.end] == s.original


def test_a_run_on_paragraph_without_commas_is_cut_at_the_limit():
    from briefing.extract.sentences import MAX_SENTENCE

    text = "某" * (MAX_SENTENCE * 2 + 5) + "\n"
    assert [len(s.text) for s in split_sentences(_article(text))] == [
        MAX_SENTENCE, MAX_SENTENCE, 5]


def test_a_run_on_paragraph_is_never_cut_inside_a_number():
    from briefing.extract.sentences import MAX_SENTENCE

    clause = "投资1,000,000元,"
    text = clause * (MAX_SENTENCE // len(clause) * 3) + "\n"
    got = split_sentences(_article(text))
    assert len(got) > 2
    assert all(s.text.startswith("投资1,000,000元") for s in got)
