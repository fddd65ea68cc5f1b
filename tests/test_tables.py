"""Tables written as lines (``helpers.extract.tables``): sentences and tables written for this test."""
from __future__ import annotations

import pytest

from helpers.extract import extract_document, tables
from helpers.gazetteer import get_gazetteer
from helpers.normalize import is_table_line, normalize

from sentence_doc import Doc

NOTICE = (
    "河东区2019年对口帮扶工作情况通报\n"
    "2019年,天津市河东区结对帮扶甘肃省甘南州合作市、碌曲县。各项工作进展如下。\n"
    "表1 2019年帮扶资金到位情况\n"
    "帮扶方｜受援县｜到位资金(万元)｜实施项目(个)｜带动贫困人口(人)｜人均收入(元)\n"
    "河东区｜合作市｜2150｜18｜1960｜8200\n"
    "河东区｜碌曲县｜1830｜15｜1420｜7900\n"
    "合计｜两县｜3980｜33｜3380｜——\n"
    "注:两县本级配套资金未列入上表。\n"
)

# the same table as the page extractor writes an HTML table: bars around cells, a rule line
HTML_STYLE = (
    "河东区2019年对口帮扶工作情况通报\n"
    "2019年,天津市河东区结对帮扶甘肃省甘南州合作市、碌曲县。各项工作进展如下。\n"
    "| 帮扶方 | 受援县 | 到位资金(万元) | 实施项目(个) |\n"
    "|---|---|---|---|\n"
    "| 河东区 | 合作市 | 2150 | 18 |\n"
    "| 河东区 | 碌曲县 | 1830 | 15 |\n"
)


@pytest.fixture(scope="module")
def gz():
    return get_gazetteer()


def test_a_column_takes_its_indicator_and_unit_from_its_name():
    assert tables.column("到位资金(万元)") == tables.Column("fiscal_aid", "yuan", 1e4, False)
    assert tables.column("实施项目（个）").indicator == "projects"
    assert tables.column("带动贫困人口(人)").indicator == "poor_beneficiaries"
    assert tables.column("累计选派干部(名)") == tables.Column("cadres_sent", "person", 1.0, True)
    # a unit stated in a note above the table, per kind of column
    note = "(资金单位:万元;项目单位:个;干部、人才单位:名)"
    assert tables.column("财政援助资金", note).multiplier == 1e4
    assert tables.column("选派专业技术人才", note).indicator == "professionals_sent"
    # no aid figure: a column of names, of incomes, of rates, or a unit that does not fit
    for name in ("帮扶方", "人均收入(元)", "贫困发生率(%)", "实施项目(万元)", "受援县"):
        assert tables.column(name) is None, name


def test_table_lines_survive_cleaning_and_menus_do_not():
    assert is_table_line("河东区｜合作市｜2150｜18｜1960")
    assert is_table_line("帮扶方｜受援县｜到位资金(万元)｜实施项目(个)")
    for junk in ("首页 | 时政要闻 | 乡镇动态 | 援疆之窗", "网站地图 | 联系我们 | 2024 | 版权所有",
                 "www.某某在线|某某电影|55av在线观看|某某软件"):
        assert not is_table_line(junk), junk
    clean = normalize(NOTICE).text
    assert "河东区|合作市|2150|18|1960|8200\n河东区|碌曲县" in clean.replace("｜", "|")


def _rows(gz, text):
    rows, _ = extract_document(Doc("t", normalize(text).text, date="2019-12-20"), gz)
    return {(r["donor"].split("省")[-1], r["recipients"], r["indicator"], r["value"]) for r in rows}


def test_each_line_gives_its_pair_and_a_total_line_the_lines_above(gz):
    got = _rows(gz, NOTICE)
    hezuo, luqu = "甘肃省甘南藏族自治州合作市", "甘肃省甘南藏族自治州碌曲县"
    assert ("天津市河东区", hezuo, "fiscal_aid", 21_500_000) in got
    assert ("天津市河东区", luqu, "projects", 15) in got
    assert ("天津市河东区", luqu, "poor_beneficiaries", 1420) in got
    assert ("天津市河东区", f"{hezuo};{luqu}", "fiscal_aid", 39_800_000) in got
    # incomes are no aid, and a dash is no number
    assert not any(v in (8200, 7900) for *_, v in got)


def test_a_table_as_the_page_extractor_writes_it_is_read_the_same(gz):
    got = _rows(gz, HTML_STYLE)
    assert ("天津市河东区", "甘肃省甘南藏族自治州合作市", "fiscal_aid", 21_500_000) in got
    assert ("天津市河东区", "甘肃省甘南藏族自治州碌曲县", "projects", 15) in got


def test_a_column_of_shares_or_rates_is_no_aid():
    for name in ("占全市资金比重(%)", "资金增长率", "项目完成比例"):
        assert tables.column(name, "(单位:万元)") is None, name


ASSESSMENT = (
    "河东区2019年东西部扶贫协作考核情况\n"
    "2019年,天津市河东区结对帮扶甘肃省甘南州合作市。考核情况如下。\n"
    "考核指标 | 目标任务 | 完成情况 | 得分\n"
    "河东区财政帮扶资金 | 1200万元 | 1450万元 | 20\n"
    "选派专业技术人才 | 12名 | 19名 | 15\n"
)


def test_a_figure_in_a_column_of_goals_is_a_target_and_in_one_of_results_actual(gz):
    rows, _ = extract_document(Doc("t", normalize(ASSESSMENT).text, date="2019-12-20"), gz)
    got = {(r["indicator"], r["value"]): r["status"] for r in rows}
    assert got.get(("fiscal_aid", 12_000_000)) == "target"
    assert got.get(("fiscal_aid", 14_500_000)) == "actual"
    assert got.get(("professionals_sent", 12)) == "target"
    assert got.get(("professionals_sent", 19)) == "actual"


# lines that name the indicators, columns that name the programs (and a total of both)
BY_PROGRAM = (
    "杭州市2021年协作和支援主要指标\n"
    "2021年,杭州市东西部协作帮扶四川省甘孜州和湖北省恩施州,对口支援新疆阿克苏地区、西藏那曲市。主要指标如下。\n"
    "项目｜东西部协作｜对口支援｜合计\n"
    "拨付财政资金(亿元)｜5.6｜6.2｜11.8\n"
    "选派专业技术人才(名)｜410｜275｜685\n"
    "说明:合计为两项工作之和。\n"
)

# the same layout by years: a column named for a later year holds targets
BY_YEAR = (
    "河东区帮扶合作市主要指标\n"
    "2019年,天津市河东区结对帮扶甘肃省甘南州合作市。主要指标如下。\n"
    "指标｜2019年｜2020年\n"
    "到位资金(万元)｜2150｜2400\n"
)


def test_a_header_of_names_over_a_data_line_survives_cleaning_though_alone_it_reads_as_a_menu():
    clean = normalize(BY_PROGRAM).text.replace("｜", "|")
    assert "项目|东西部协作|对口支援|合计\n拨付财政资金" in clean
    assert "首页|东西部协作|对口支援|联系我们" not in normalize("首页|东西部协作|对口支援|联系我们\n正文。").text.replace("｜", "|")


def test_columns_of_programs_give_each_program_its_set_and_the_total_both(gz):
    got = _rows(gz, BY_PROGRAM)
    east = "四川省甘孜藏族自治州;湖北省恩施土家族苗族自治州"
    west = "新疆维吾尔自治区阿克苏地区;西藏自治区那曲市"
    assert ("杭州市", east, "fiscal_aid", 560_000_000) in got
    assert ("杭州市", west, "fiscal_aid", 620_000_000) in got
    assert ("杭州市", f"{east};{west}", "fiscal_aid", 1_180_000_000) in got
    assert ("杭州市", west, "professionals_sent", 275) in got


def test_a_column_of_a_later_year_holds_targets(gz):
    rows, _ = extract_document(Doc("t", normalize(BY_YEAR).text, date="2019-12-20"), gz)
    got = {(r["value"], r["year"]): r["status"] for r in rows if r["indicator"] == "fiscal_aid"}
    assert got == {(21_500_000, 2019): "actual", (24_000_000, 2020): "target"}
