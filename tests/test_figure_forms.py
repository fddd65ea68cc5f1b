"""Figure forms without a unit word after the number (sentences written for the tests)."""
import pytest

from helpers.figures import find_figures


@pytest.mark.parametrize("text, value, unit, qualifier", [
    ("带动建档立卡贫困人口8.6万,", 86000, "person", "exact"),          # the noun before the number
    ("覆盖3万多建档立卡贫困户", 30000, "household", "lower_bound"),      # the noun after, no classifier
    ("劳务协作带动近万名贫困群众外出务工", 10000, "person", "approx"),   # 近万名: one 万
    ("累计投入资金4.5亿,", 450000000, "yuan", "exact"),                # 元 left out after a money word
    ("帮扶资金总计12亿用于产业项目", 1200000000, "yuan", "exact"),
])
def test_unitless_figures(text, value, unit, qualifier):
    figs = find_figures(text)
    assert [(f.value, f.unit, f.qualifier) for f in figs] == [(value, unit, qualifier)]


@pytest.mark.parametrize("text", [
    "全县生产总值达到86亿,",        # 亿 after no money word: not an amount
    "辖区面积3.5万平方公里",
    "帮扶了数万名群众",            # 数万: no number
    "第3万名游客",
    "培训劳动力共计3万,",          # people, not money, after 共计
    "全县总人口12万,",              # the population, not the poor
    "捐赠衣物2万余,",
])
def test_not_figures(text):
    assert find_figures(text) == []


@pytest.mark.parametrize("text, value, unit, qualifier", [
    # a digit with 千/百 before the multiplier or the unit (mixed forms)
    ("全年落实帮扶资金6千万元,", 6e7, "yuan", "exact"),
    ("组织脱贫劳动力外出务工2千余人。", 2000, "person", "lower_bound"),
    ("社会各界捐款捐物5百万元。", 5e6, "yuan", "exact"),
])
def test_a_digit_with_a_thousand_or_a_hundred(text, value, unit, qualifier):
    figs = find_figures(text)
    assert [(f.value, f.unit, f.qualifier) for f in figs] == [(value, unit, qualifier)]


def test_a_distance_in_thousands_of_metres_is_no_figure():
    assert find_figures("硬化村道2千米。") == []


@pytest.mark.parametrize("text, value", [
    ("当年,3000万元年度帮扶资金全部拨付到位。", 3e7),     # 元 then 年度: the year's money
    ("落实2.4亿元年度财政援助资金", 2.4e8),
])
def test_an_amount_of_the_years_money(text, value):
    assert [f.value for f in find_figures(text)] == [value]


@pytest.mark.parametrize("text", ["连续3个年度考核为好", "实现1000万元年产值"])
def test_a_count_of_years_or_a_yearly_rate_is_no_figure(text):
    assert find_figures(text) == []


@pytest.mark.parametrize("text, value", [
    ("全年投入帮扶资金3亿4500万元。", 3.45e8),                 # the 亿 part before the 万 part: one amount
    ("实际到位资金1亿200万元,", 1.02e8),
])
def test_an_amount_in_yi_and_wan_is_one_figure(text, value):
    assert [f.value for f in find_figures(text)] == [value]
