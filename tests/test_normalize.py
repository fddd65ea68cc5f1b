"""helpers.normalize on the real raw reports and on sentences in report style."""
from __future__ import annotations

import csv
import re

import pytest

from helpers import paths
from helpers.ingest import read_metadata
from helpers.normalize import (PINYIN_RE, is_masthead, line_kind, normalize, normalize_fragment,
                               script_of, t2s, to_raw_span)

SEEDS = sorted(paths.RAW.glob("00*_*.txt"))
ALL_TXT = sorted(paths.RAW.glob("*.txt"))
GOLD_FILES = [paths.SHARED / "gold" / "seeds_gold.csv", paths.SHARED / "dev" / "gold.csv"]


def raw(name: str) -> str:
    (path,) = [p for p in paths.RAW.glob("*.txt") if p.stem.startswith(name)]
    return path.read_text(encoding="utf-8")


_CACHE: dict[str, object] = {}


def clean(name: str):
    if name not in _CACHE:
        _CACHE[name] = normalize(raw(name))
    return _CACHE[name]


def test_the_seeds_are_there():
    assert [p.name[:3] for p in SEEDS] == ["000", "001", "002", "003", "004"]


# ------------------------------------------------------------------------------ pinyin + t2s
def test_pinyin_glosses_go_real_parentheses_stay():
    n = normalize("為決戰(zhàn)決勝加力加勁,與和平區(qū)交流決定將今年的5200萬(wàn)元幫扶資金"
                  "用于富坪村(富坪村)和天津(天津)企業,李圃(右一)在ABC(AB)公司。")
    assert n.text == ("为决战决胜加力加劲,与和平区交流决定将今年的5200万元帮扶资金"
                      "用于富坪村(富坪村)和天津(天津)企业,李圃(右一)在ABC(AB)公司。")
    assert ("pinyin", "(zhàn)") in n.removed and n.counts["pinyin"] == 3


def test_a_names_glosses_of_several_syllables_go():
    # a mirror glosses a whole name, its syllables spaced or run together, even inside the name
    n = normalize("盤州市(pán zhōu shì)引進的企業向布拖(bùtuō)縣和昭覺(zhāo jué)縣捐贈")
    assert n.text == "盘州市引进的企业向布拖县和昭觉县捐赠"
    assert normalize("甲地(tian jin)乙地(GDP)").text == "甲地(tian jin)乙地(GDP)"   # no tone mark: no gloss


def test_full_width_pinyin_parentheses_also_go():
    assert normalize("決戰（zhàn）決勝").text == "决战决胜"


@pytest.mark.parametrize("name", ["001", "d06", "d10"])
def test_traditional_reports_come_out_simplified_without_pinyin(name):
    text = clean(name).text
    assert not PINYIN_RE.search(text)
    assert t2s(text) == text, "a Traditional character survived"
    assert script_of(raw(name)) == "traditional"


def test_script_of_simplified_and_mixed():
    assert script_of(raw("000")) == "simplified"
    assert script_of("东西部扶贫协作资金到位。" * 3 + "東西部扶貧協作資金到位。" * 3) == "mixed"
    assert script_of("Annual report 2020") == "none"


# ------------------------------------------------------------------------------ the five seeds
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_clean_text_has_no_pinyin_markup_or_html(seed):
    text = normalize(seed.read_text(encoding="utf-8")).text
    assert not PINYIN_RE.search(text)
    assert not re.search(r"\([a-z]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]", text)
    assert "**" not in text and "__" not in text
    assert not re.search(r"^\s*#", text, re.M)
    assert not re.search(r"</?[a-zA-Z]+[^>]*>", text)
    assert "\n\n" not in text and not text.startswith("\n") and not text.endswith("\n")


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_clean_text_has_no_boilerplate_line(seed):
    text = normalize(seed.read_text(encoding="utf-8")).text
    for line in text.split("\n"):
        assert line_kind(line) is None, f"boilerplate left: {line[:60]}"
    for phrase in ("免责声明", "Copyright", "ICP备", "传真", "邮编", "热门资讯", "您的位置", "关注微信公众号",
                   "www.daowen.com", "发布时间", "编辑:"):
        assert phrase not in text, phrase


def test_seed_boilerplate_removed_is_what_a_reader_would_remove():
    kinds_003 = {k for k, _ in clean("003").removed}
    assert {"nav", "legal"} <= kinds_003
    assert clean("003").text.startswith("天津北辰区:2020年携手奔小康")
    assert clean("003").text.endswith("与受援地携手迈进全面小康社会。")
    assert clean("000").text.endswith("组织捐款101.54万元。")
    assert ("watermark", "(www.daowen.com)") in clean("000").removed
    assert clean("001").text.startswith("为决战决胜加力加劲——靖远县深化东西部扶贫协作纪实\n今年以来")


def test_004_keeps_one_copy_of_its_twice_saved_text():
    n = clean("004")
    first = "按照市委、市政府的工作部署,高新区承担东西部扶贫协作六盘水"
    assert raw("004").count(first) == 2 and n.text.count(first) == 1
    assert n.counts["repeat"] == 1
    assert n.text.endswith("对口支援定点帮扶工作领导小组办公室")  # signature kept, date line is metadata
    assert len(n.text) < 0.55 * len(raw("004"))


def test_other_reports_are_not_cut_by_the_repeat_rule():
    for p in ALL_TXT:
        if not p.name.startswith("004"):
            assert "repeat" not in normalize(p.read_text(encoding="utf-8")).counts, p.name


def test_repeated_text_several_copies_and_a_cut_last_copy():
    block = "一、资金帮扶\n2020年投入帮扶资金300万元,带动贫困人口79人。\n二、人才支援\n选派23名骨干教师赴水城县开展支援工作。"
    assert normalize(block + "\n" + block + "\n" + block).text == block
    cut = block + "\n" + "\n".join(block.split("\n")[:3])
    assert normalize(cut).text == block
    # A heading that merely recurs is not a copy.
    text = block + "\n一、资金帮扶\n另有社会帮扶资金50万元。"
    assert normalize(text).text == text


# ------------------------------------------------------------------------------ markup, spaces, breaks
def test_markdown_and_spaces_in_002():
    text = clean("002").text
    for s in ("消费扶贫总额不少于5000万元", "2018年全区开展东西部扶贫协作", "致富带头培训班5期,共计441人",
              "南开区东西部扶贫协作和支援合作工作领导小组会议讲话稿", "全年促成6家企业在受援县投资"):
        assert s in text, s


def test_sentence_broken_across_paragraphs_is_joined():
    assert "为受援县举办致富带头培训班5期" in clean("002").text          # PDF dump: 为受\n\n援县
    assert "打造扶贫协作和支援合作亮点工程" in clean("002").text       # wrapped heading
    d25 = clean("d25").text                                            # Word dump, hard-wrapped lines
    assert "于4月拨付帮扶资金3200万元,较去年拨付额度增长6.7%。实施帮扶项目12个" in d25


def test_headings_and_list_lines_stay_on_their_own_line():
    assert "\n三、任务落实情况\n完成宝坻区162家民营企业" in clean("000").text
    assert "\n(一)东西部扶贫协作六盘水\n对标重点任务" in clean("004").text
    assert "\n一、资金来源\n江苏省追加2018年" in clean("d21").text
    assert "\n安顺11.04亿元\n陇南15.66亿元\n" in clean("d23").text


def test_spaces_kept_only_between_latin_letters_or_digits():
    assert normalize_fragment("2020-11-24 15:11 Post  Code") == "2020-11-24 15:11 Post Code"
    assert normalize_fragment("目12 个,惠及 8个乡镇") == "目12个,惠及8个乡镇"
    assert normalize_fragment("边慧夏这样的普陀区援滇干部 , 还有很多 。") == "边慧夏这样的普陀区援滇干部,还有很多。"


def test_width_and_punctuation_rule():
    assert normalize_fragment("全年投入２０２０万元，共计１２个项目（含ＡＢ类）；完成率１００％。") == \
        "全年投入2020万元,共计12个项目(含AB类);完成率100%。"
    assert normalize_fragment("“三专一平台”、《方案》") == "“三专一平台”、《方案》"


def test_html_left_in_a_text_file_d03():
    text = clean("d03").text
    assert "<" not in text and "&nbsp;" not in text
    assert "镇原县是国务院挂牌督战的52个国家级贫困县之一" in text
    assert "推广" not in text.split("\n")[0]


def test_html_entities_and_block_tags():
    n = normalize("<p>投入资金&nbsp;300万元</p><p>带动&lt;贫困&gt;人口79人。</p>")
    assert n.text == "投入资金300万元\n带动<贫困>人口79人。"


# ------------------------------------------------------------------------------ web page clean-up
def test_web_page_head_and_tail():
    page = ("首页 | 新闻 | 政务 | 专题\n您的位置:首页 > 扶贫协作\n西湖区帮扶台江县出实招\n"
            "2020-06-01 10:20 来源:台江县融媒体中心 作者:张三\n"
            "今年以来,西湖区投入帮扶资金1200万元,实施项目15个,带动贫困人口3400人。\n"
            "区里还组织(www.example.com)企业到台江投资,完成投资额2000万元。\n"
            "相关阅读\n西湖区召开扶贫协作会议\n台江县举办农产品展销会\n"
            "版权所有:台江县人民政府 黔ICP备12345678号")
    n = normalize(page)
    assert n.text == ("西湖区帮扶台江县出实招\n"
                      "今年以来,西湖区投入帮扶资金1200万元,实施项目15个,带动贫困人口3400人。\n"
                      "区里还组织企业到台江投资,完成投资额2000万元。")
    kinds = {k for k, _ in n.removed}
    assert {"nav", "meta", "watermark", "trailer", "legal"} <= kinds


def test_a_wechat_list_of_earlier_posts_after_an_emoji_marker_is_a_trailer():
    page = ("西湖台江协作这一年\n今年以来,西湖区投入帮扶资金1200万元,实施项目15个。\n"
            "💡往期推荐\n▶ 台江协作|今年投入帮扶资金超5亿元\n▶ 全县贫困村全部出列\n阅读原文")
    n = normalize(page)
    assert "5亿" not in n.text and "1200万元" in n.text


def test_long_titles_in_a_list_of_earlier_articles_are_a_trailer():
    # a bullet before, or the article's date after, marks a listed title however long it is
    page = ("西湖台江协作这一年\n今年以来,西湖区投入帮扶资金1200万元,实施项目15个。\n"
            "往期回顾\n· 台江县在杭州举办农特产品推介会 现场签订采购订单金额3.6亿元（2020-05-12）\n"
            "西湖区组织企业家赴台江县考察对接产业帮扶项目并签约投资额8亿元(2020-06-01)\n")
    n = normalize(page)
    assert "3.6亿" not in n.text and "8亿" not in n.text and "1200万元" in n.text


def test_a_ranking_of_most_read_articles_is_a_trailer():
    # 点击排行 / 阅读排行: numbered titles of other reports, their figures none of this page's
    page = ("西湖台江协作这一年\n今年以来,西湖区投入帮扶资金1200万元,实施项目15个。\n"
            "点击排行\n1 西湖区今年向台江县转移就业超2000人\n2 台江县扶贫车间投入资金300万元\n")
    n = normalize(page)
    assert "2000人" not in n.text and "300万元" not in n.text and "1200万元" in n.text


def test_short_report_headings_with_ui_words_are_kept():
    # "下载"/"招聘" inside the running text are not navigation.
    text = ("一、开展专场招聘\n为受援县举办5场专场招聘会,提供2114个岗位,帮助贫困人口就业300人。\n"
            "二、平台下载\n开发扶贫程序供群众下载使用,累计下载量达到1万次,覆盖贫困户5000户。")
    assert normalize(text).text == text


# ------------------------------------------------------------------------------ offsets
@pytest.mark.parametrize("path", ALL_TXT, ids=lambda p: p.stem)
def test_offsets_point_at_the_raw_character_each_clean_character_came_from(path):
    r = path.read_text(encoding="utf-8")
    n = normalize(r)
    assert len(n.offsets) == len(n.text) + 1 and n.offsets[-1] == len(r)
    assert all(a <= b for a, b in zip(n.offsets, n.offsets[1:])), "offsets must not go back"
    for i, ch in enumerate(n.text):
        src = r[n.offsets[i]]
        if "\u4e00" <= ch <= "\u9fff" or ch.isdigit():
            assert t2s(src) == ch or src.translate({0xFF10 + k: 0x30 + k for k in range(10)}) == ch, \
                (path.name, i, ch, src)


def test_to_raw_span_finds_the_evidence_in_the_original():
    r, n = raw("001"), clean("001")
    ev = "今年的5200万元帮扶资金"
    start = n.text.index(ev)
    rs, re_ = to_raw_span(n.offsets, start, start + len(ev))
    assert r[rs:re_] == "今年的5200萬(wàn)元幫扶資金"
    assert normalize_fragment(r[rs:re_]) == ev
    assert to_raw_span(n.offsets, 5, 5) == (n.offsets[5], n.offsets[5])
    with pytest.raises(ValueError):
        to_raw_span(n.offsets, 0, len(n.text) + 1)


# ------------------------------------------------------------------------------ gold evidence
def _gold_rows():
    rows = []
    for f in GOLD_FILES:
        if f.exists():
            with open(f, encoding="utf-8") as fh:
                rows += [(r["doc_id"], r["evidence"]) for r in csv.DictReader(fh)]
    return rows


def test_every_gold_evidence_survives_cleaning():
    rows = _gold_rows()
    if not rows:
        pytest.skip("gold files not available")
    texts = {d: normalize((paths.RAW / f"{d}.txt").read_text(encoding="utf-8")).text
             for d in sorted({d for d, _ in rows})}
    missing = [(d, e) for d, e in rows if normalize_fragment(e) not in texts[d]]
    print(f"gold evidence surviving: {len(rows) - len(missing)}/{len(rows)}")
    assert not missing
    # One copy kept: every 004 evidence is found exactly once.
    assert all(texts[d].count(normalize_fragment(e)) == 1 for d, e in rows if d.startswith("004"))


# ------------------------------------------------------------------------------ misc
def test_deterministic_and_type_checked():
    assert normalize(raw("002")) == normalize(raw("002"))
    with pytest.raises(TypeError):
        normalize(b"bytes")  # type: ignore[arg-type]
    assert normalize("").text == "" and normalize("").offsets == [0]


def test_crlf_and_bom():
    n = normalize("\ufeff标题很长的一行文字\r\n投入资金300万元,带动贫困人口79人。\r\n")
    assert n.text == "标题很长的一行文字\n投入资金300万元,带动贫困人口79人。"


def test_offsets_stay_exact_when_a_conversion_changes_length(monkeypatch):
    # OpenCC maps character for character on these texts; if a phrase rule ever changed the
    # length, the affected lines are converted character by character.
    import helpers.normalize as nz
    real = nz.t2s
    monkeypatch.setattr(nz, "t2s", lambda s: real(s).replace("资金", "资金金"))
    r = "第一行沒有變化。\n投入幫扶資金300萬元。\n第三行也沒有變化"
    n = nz.normalize(r)
    # The changed line is redone character by character: the phrase rule is dropped, the map kept.
    assert n.text == "第一行没有变化。\n投入帮扶资金300万元。\n第三行也没有变化"
    assert len(n.offsets) == len(n.text) + 1
    i = n.text.index("300")
    assert r[n.offsets[i]:n.offsets[i] + 3] == "300"
    assert r[n.offsets[n.text.index("第三行")]] == "第"
    assert all(nz.t2s(r[o]) == c for o, c in zip(n.offsets, n.text) if c != "\n")


def test_report_lines_that_look_like_bylines_are_kept():
    text = ("一、资金使用\n资金来源:江苏省财政帮扶资金4000万元\n"
            "2020-06-01 10:00,全区召开推进会,落实资金300万元。\n"
            "帮助受援村建设联系电话服务站3个,惠及群众1200人。\n"
            "分配表\n合计\n4000\n乐都区819万元\n民和县1226万元")
    assert normalize(text).text == text.replace("\n4000", "")  # a line without any Chinese goes


def test_a_ticker_of_other_stories_is_navigation_not_the_title():
    # a portal's head row of tagged headlines (【滚动】…　【财经】…) is page chrome, with its figures
    assert line_kind("某某在线　新闻频道　【滚动】全市夏粮收购进度过半　【财经】前三季度外贸增长5.1%") == "nav"
    assert line_kind("【快讯】红桥区向积石山县拨付帮扶资金2600万元") is None     # one tag: a headline
    page = "某某在线　新闻频道　【滚动】全市夏粮收购进度过半　【财经】前三季度外贸增长5.1%\n" \
           "红桥区援助积石山县交出高分报表\n2020年,红桥区向积石山县拨付帮扶资金2600万元,实施项目20个。\n"
    assert read_metadata(page)["title"] == "红桥区援助积石山县交出高分报表"


def test_one_tag_before_several_spaced_headlines_is_a_ticker():
    from helpers.normalize import line_kind
    assert line_kind("【快讯】甲县茶叶今年产量达3.1万吨  乙区新建停车位2600个  丙县春运发送旅客18万人次") == "nav"
    assert line_kind("【快讯】甲县茶叶今年产量达3.1万吨 乙区新建停车位2600个 丙县春运发送旅客18万人次") == "nav"
    # a title in two halves, or one tagged headline, is no ticker
    assert line_kind("闽宁协作结硕果 山海携手谱新篇") is None
    assert line_kind("【山海协作】甲区乙县携手奔小康 2019年到位财政帮扶资金5200万元") is None
    assert line_kind("【产业帮扶】甲区今年向乙县投入帮扶资金4200万元") is None
    assert line_kind("【热点】 甲市至乙市高速公路全线通车 ｜ 热门：丙县新建停车位2600个") == "nav"
    assert line_kind("【脱贫攻坚】甲区 乙县 携手奔小康") is None
    assert line_kind("【扶贫日】甲区领导赴乙县 调研 东西部协作工作") is None


# ------------------------------------------------------------------------------ mastheads
@pytest.mark.parametrize("line", [
    "铜仁日报　2020年9月8日　星期二　第2版　要闻",
    "宁波日报 2019年3月5日 A3版：综合新闻",
    "《 安徽日报 》（ 2021年06月17日 07 版）",
    "2022年06月04日 星期六",
])
def test_a_newspapers_masthead_is_told_from_a_headline(line):
    assert is_masthead(line)
    text = line + "\n山海携手结硕果\n本报讯　今年以来，万山区与苏州市深化东西部协作，成效明显。"
    assert read_metadata(text)["title"] == "山海携手结硕果"          # the headline under it


@pytest.mark.parametrize("line", [
    "2020年9月8日，苏州市在万山区召开东西部协作联席会议",      # a headline with a date
    "铜仁日报社举办东西部协作新闻报道培训班",                   # the paper in a headline, no date
    "2020年9月8日，记者从市扶贫办获悉，全市到位帮扶资金3.2亿元。",  # prose
])
def test_a_headline_or_sentence_with_a_date_is_no_masthead(line):
    assert not is_masthead(line)
