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
