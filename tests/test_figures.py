"""The grammar of figures, on sentences written the way the reports write them."""
import cn2an
import pytest

from helpers.figures import cn_number, find_figures


def one(text):
    figs = find_figures(text)
    assert len(figs) == 1, figs
    return figs[0]


@pytest.mark.parametrize("text, value, unit, qualifier", [
    ("募集款物1418.21万元，超过目标任务136.37%", 14182100, "yuan", "exact"),
    ("累计投入财政资金3.75亿元", 375000000, "yuan", "exact"),
    ("宝坻区投入3000余万元专项资金", 30000000, "yuan", "lower_bound"),
    ("共发放各类补贴5.1万余元", 51000, "yuan", "lower_bound"),
    ("销售扶贫产品近10万元", 100000, "yuan", "approx"),
    ("实现到位资金5500万元以上", 55000000, "yuan", "lower_bound"),
    ("实际投资近百亿元", 1e10, "yuan", "approx"),
    ("资金 3200 万元", 32000000, "yuan", "exact"),
    ("拨付资金1,234.5万元", 12345000, "yuan", "exact"),
    ("带动1.56万名贫困人口脱贫致富", 15600, "person", "exact"),
    ("预计带动建档立卡贫困人口12.7万人", 127000, "person", "exact"),
    ("带动3600多户农民年内脱贫", 3600, "household", "lower_bound"),
    ("优秀干部教师51人次赴三地支教", 51, "person_time", "exact"),
    ("分别组织10人次以上教师、医生", 10, "person_time", "lower_bound"),
    ("不少于 **140** 名贫困人口来津就业", 140, "person", "lower_bound"),
    ("约300名专业技术人才", 300, "person", "approx"),
    ("超过400名扶贫干部赴沪培训", 400, "person", "lower_bound"),
    ("转移就业2000人左右", 2000, "person", "approx"),
    ("实施各类帮扶项目百余个", 100, "count", "lower_bound"),
    ("黄南十多所学校建立了校际结对关系", 10, "count", "lower_bound"),
    ("引导１２家企业落地", 12, "count", "exact"),          # full-width digits
    ("建立结对帮扶关系174对", 174, "count", "exact"),
    ("引进两家企业", 2, "count", "exact"),
    ("帮扶三个村", 3, "count", "exact"),           # 个 before 村 is a count, not a name
    ("组织七家乡镇企业", 7, "count", "exact"),
    ("天津三家村集体经济合作社与两县签订协议", 3, "count", "exact"),   # 村集体: a noun, not a name
    ("帮扶两家镇办企业恢复生产", 2, "count", "exact"),
    ("培训十二名致富带头人", 12, "person", "exact"),
    ("财政帮扶资金:1.86亿元", 1.86e8, "yuan", "exact"),       # a label's colon heads its figure
    ("选派专业技术人才：246名", 246, "person", "exact"),
])
def test_reads_value_unit_and_qualifier(text, value, unit, qualifier):
    f = one(text)
    assert f.value == pytest.approx(value)
    assert f.unit == unit
    assert f.qualifier == qualifier
    assert text[f.start:f.end] == f.text


def test_offsets_point_into_the_text_with_full_width_digits():
    text = "全年共接收受援地区９名党政干部"
    f = one(text)
    assert text[f.start:f.end] == "９名" and f.value == 9


def test_two_figures_in_one_phrase():
    figs = find_figures("受益195户208人")
    assert [(f.value, f.unit) for f in figs] == [(195, "household"), (208, "person")]


@pytest.mark.parametrize("text", [
    "2018年，区委区政府高度重视",            # date
    "12月18日召开联席会议",
    "超额完成10%额度",                       # percentage
    "占比不低于30％",
    "电话：022-29241234 传真:010-63691514",  # phone / fax
    "邮编:100053",
    "上午9:30召开",                            # a time
    "京ICP备09051002号-3",
    "第八届津洽会",                           # ordinal
    "第3个工作日",
    "以“1+6”框架合作协议为重点",              # slogans
    "推进“四个一百”工程",
    "安排专人进行“一对一”帮带",
    "十四五期间",
    "每年都有百名上海干部",                   # rhetoric, no count
    "一家亲青年志愿服务社",
    "在结对的三家村召开座谈会",               # a place's name (numeral + 家 + 村/镇)
    "向八家镇中心小学捐赠图书",
    "带动当地甜椒种植1万余亩",                 # area is not a unit of the codebook
    "发布相关稿件700余篇",
])
def test_not_figures(text):
    assert find_figures(text) == []


def test_cn2an_rejects_bare_hundred_which_we_read():
    # 百余个 / 千余人: cn2an cannot read a bare multiplier, so figures.cn_number handles it
    with pytest.raises(ValueError):
        cn2an.cn2an("百", "smart")
    assert cn_number("百") == 100
    assert cn_number("千") == 1000
    assert cn_number("十二") == 12
    assert cn_number("两") == 2


def test_real_report_figures(seed_text):
    text = seed_text("003_6c6ff32b062797d8")
    values = {(f.value, f.unit) for f in find_figures(text)}
    assert (375000000, "yuan") in values
    assert (8594, "person") in values
    assert (100, "count") in values           # 百余个
    # the footer's phone, postcode and ICP numbers never come out as figures
    assert not any(f.number in ("100053", "63691514", "09051002") for f in find_figures(text))


@pytest.fixture
def seed_text():
    from helpers import paths
    import opencc
    cc = opencc.OpenCC("t2s")

    def read(doc_id):
        raw = (paths.RAW / f"{doc_id}.txt").read_text(encoding="utf-8")
        return cc.convert(raw)
    return read


@pytest.mark.parametrize("text, value", [
    ("助力安顺54.58万贫困人口脱贫", 545800),
    ("助力陇南44万多贫困人口脱贫", 440000),
])
def test_head_count_without_classifier(text, value):
    f = one(text)
    assert (f.value, f.unit) == (value, "person")


@pytest.mark.parametrize("text, value, qualifier", [
    ("筹集资金两千余万元", 2e7, "lower_bound"),
    ("投入一千二百万元", 1.2e7, "exact"),
    ("援建学校十余所", 10, "lower_bound"),
    ("带动1.2万余人就业", 12000, "lower_bound"),
    ("累计投入3亿余元", 3e8, "lower_bound"),
    # a Chinese numeral with both 亿 and 万, and 一 before a multiplier (not an article)
    ("安排援助资金一亿零五百万元", 1.05e8, "exact"),
    ("累计投入资金二亿三千四百万元", 2.34e8, "exact"),
    ("计划投入资金不少于一亿元", 1e8, "lower_bound"),
    ("带动一万余人增收", 1e4, "lower_bound"),
])
def test_mixed_numerals_and_multipliers(text, value, qualifier):
    f = one(text)
    assert (f.value, f.qualifier) == (pytest.approx(value), qualifier)


def test_round2_figures():
    assert [f.value for f in find_figures("李者三所说的合作社")] == []
    assert [(f.value, f.unit) for f in find_figures("向四县各选派一名挂职副县长")] == [(1.0, "person")]
    assert [f.value for f in find_figures("一名干部介绍")] == []
    assert [f.value for f in find_figures("两地一家亲,一对一结对,一个目标")] == []
    f = one("累计带动16.8万建档立卡贫困人口脱贫")
    assert (f.value, f.unit) == (168000, "person")
    assert one("帮助2.3万贫困劳动力就业").value == 23000
    assert one("新建学校十所").value == 10
