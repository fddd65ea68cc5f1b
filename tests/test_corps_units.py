"""Corps divisions and regiments as the reports write them (sentences written for the tests)."""
import pytest

from helpers.extract.frame import self_reference
from helpers.extract.places import _regiment_name, find_places
from helpers.gazetteer import get_gazetteer


@pytest.mark.parametrize("text, unit", [
    ("常州市对口援建兵团12师104团以来", "新疆生产建设兵团第十二师一〇四团"),
    ("援建兵团第三师四十五团幼儿园", "新疆生产建设兵团第三师四十五团"),
    ("对口支援兵团第十一师", "新疆生产建设兵团第十一师"),
    ("向农7师捐赠物资", "新疆生产建设兵团第七师"),
])
def test_corps_units(text, unit):
    assert unit in [h.unit.full_name for h in find_places(get_gazetteer(), text)]


def test_a_regiment_team_is_not_a_regiment():
    names = [h.unit.full_name for h in find_places(get_gazetteer(), "兵团第一师10团队员出发")]
    assert "新疆生产建设兵团第一师十团" not in names


@pytest.mark.parametrize("number, name", [("221", "二二一"), ("10", "十"), ("12", "十二"), ("45", "四十五"), ("七", "七")])
def test_regiment_names(number, name):
    assert _regiment_name(number) == name


def test_a_lone_self_word_at_the_end_is_not_the_writer():
    text = "甲市援疆工作组在兵团第十二师开展帮扶。" * 6 + "\n相关新闻:我区电量外送创新高"
    hits = find_places(get_gazetteer(), text)
    assert self_reference(text, hits, [], {})[0] is None


@pytest.mark.parametrize("text, units", [
    ("援建兵团第三师四十五团和兵团第三师五十一团", ["新疆生产建设兵团第三师四十五团", "新疆生产建设兵团第三师五十一团"]),
    ("对口支援兵团第十一师和兵团第十二师", ["新疆生产建设兵团第十一师", "新疆生产建设兵团第十二师"]),
    ("向乌鲁木齐市和兵团第十二师拨付资金", ["新疆维吾尔自治区乌鲁木齐市", "新疆生产建设兵团第十二师"]),
])
def test_corps_units_stay_apart(text, units):
    from helpers.extract.places import dedupe_units
    assert [u.full_name for u in dedupe_units([h.unit for h in find_places(get_gazetteer(), text)])] == units


def test_a_lone_self_word_at_the_end_of_a_receivers_report_is_the_writer():
    text = "甘肃省临潭县获天津市帮扶资金3000万元,临潭县产业发展加快。" * 5 + "下一步,我县将继续深化协作。"
    hits = find_places(get_gazetteer(), text)
    unit, word = self_reference(text, hits, [], {})
    assert word == "县" and unit is not None and unit.name == "临潭县"
