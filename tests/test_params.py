"""Notebook parameters: defaults from the parameters cell, rerun suffixes, choices."""
import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from helpers import params


@pytest.fixture
def nb(tmp_path):
    path = tmp_path / "10_maps.ipynb"
    nbformat.write(new_notebook(cells=[
        new_markdown_cell("# maps"),
        new_code_cell('indicator = "fiscal_aid"  # arc width\nyears = None  # None: every year\n'
                      'figure_stem = "pairing_map"\ndonor_city = None',
                      metadata={"tags": ["parameters"]})]), str(path))
    return path


def test_defaults_give_no_suffix_and_other_values_a_readable_one(nb):
    assert params.defaults(nb) == {"indicator": "fiscal_aid", "years": None,
                                   "figure_stem": "pairing_map", "donor_city": None}
    assert params.output_suffix(nb, {"indicator": "fiscal_aid", "years": None}) == ""
    assert params.output_suffix(nb, {"years": 2030}) == "--years-2030"
    assert params.output_suffix(nb, {"years": [2019, 2020], "indicator": "employment"}) == \
        "--indicator-employment_years-2019-2020"
    assert params.output_suffix(nb, {"donor_city": "大连市"}) == "--donor_city-大连市"
    assert params.output_suffix(nb, {"figure_stem": "x"}, exclude=("figure_stem",)) == ""
    # values that are not file-name safe, and long ones, still make a short safe name
    odd = params.output_suffix(nb, {"donor_city": "../../<x>/" * 20})
    assert "/" not in odd and "<" not in odd and len(odd) < 80
    assert odd != params.output_suffix(nb, {"donor_city": "../../<y>/" * 20})


def test_choices_name_every_bad_value_and_the_allowed_ones():
    params.check_choices(joint=("donor", ("donor", "split")), inputs=(["a"], ("a", "b")))
    with pytest.raises(ValueError) as err:
        params.check_choices(joint=("dnor", ("donor", "split")), inputs=(["a", "jobs"], ("a", "b")))
    text = str(err.value)
    assert "joint='dnor'" in text and "'donor', 'split'" in text and "'jobs'" in text
