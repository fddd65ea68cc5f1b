import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from helpers.plotting import cjk_font_path, use_cjk_font  # noqa: E402


def test_font_ships_inside_an_installed_package_not_the_matplotlib_install():
    path = cjk_font_path()
    assert path.is_file() and path.stat().st_size > 1_000_000
    assert "matplotlib" not in path.parts


def test_chinese_labels_render_without_missing_glyph_warnings(tmp_path):
    name = use_cjk_font()
    assert "CJK" in name
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from font(s)" is a UserWarning
        fig, ax = plt.subplots()
        ax.bar(["宝坻区", "武山县", "永登县", "民丰县"], [13, -2, 5, 1])
        ax.set_title("天津市→甘肃省 东西部扶贫协作 (万元)")
        ax.set_ylabel("财政援助资金")
        fig.savefig(tmp_path / "cjk.png")
        fig.savefig(tmp_path / "cjk.svg")
        plt.close(fig)
    assert (tmp_path / "cjk.png").stat().st_size > 0


def test_without_the_helper_matplotlib_default_font_lacks_chinese_glyphs(tmp_path):
    # Guards the test above: it must be able to fail.
    with matplotlib.rc_context({"font.family": "DejaVu Sans", "font.sans-serif": ["DejaVu Sans"]}):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            fig, ax = plt.subplots()
            ax.set_title("武山县")
            fig.savefig(tmp_path / "tofu.png")
            plt.close(fig)
    assert any("missing from" in str(w.message) for w in caught)
