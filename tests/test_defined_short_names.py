"""A short name the text defines for a place (…(简称X)) is that place wherever it stands
(sentences written for the tests)."""
from helpers.extract.places import defined_short_names, find_places
from helpers.gazetteer import get_gazetteer


def _names(text):
    return [(h.surface, h.unit.name) for h in defined_short_names(text, find_places(get_gazetteer(), text))]


def test_defined_short_name_is_the_place():
    text = "浙江省对口支援新疆阿克苏地区的柯坪县(简称柯县)。三年来,向柯县投入援疆资金2亿元。"
    assert ("柯县", "柯坪县") in _names(text)


def test_no_definition_no_alias():
    text = "浙江省对口支援新疆阿克苏地区的柯坪县。三年来,向柯县投入援疆资金2亿元。"
    assert all(s != "柯县" for s, _ in _names(text))


def test_a_name_for_a_list_is_not_its_last_member():
    text = "宁波市对口帮扶贞丰县、册亨县(以下简称“贞册”)。贞册两县脱贫。"
    assert all(s != "贞册" for s, _ in _names(text))


def test_a_counted_name_is_not_a_place():
    text = "天津市对口支援和田地区的民丰县(简称“一县”)。向一县投入资金。"
    assert all(s != "一县" for s, _ in _names(text))
