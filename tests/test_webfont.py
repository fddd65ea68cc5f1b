"""The web font subset: every character of a page, deterministic, licence kept."""
import io

from fontTools.ttLib import TTFont

from helpers import webfont


def test_subset_covers_the_page_and_is_the_same_every_time():
    text = "东西部扶贫协作 <b>1,234 万元</b> 对口支援 \\u897f"   # the last one as in plotly's JSON
    data = webfont.woff(text)
    webfont._subset_woff.cache_clear()
    assert webfont.woff(text) == data                      # no timestamp inside
    font = TTFont(io.BytesIO(data))
    cmap = font.getBestCmap()
    for ch in "东西部扶贫协作万元对口支援1,234<>":
        assert ord(ch) in cmap, ch
    assert ord("西") in cmap
    names = " ".join(r.toUnicode() for r in font["name"].names)
    assert "Open Font License" in names or "OFL" in names
    assert len(data) < 300_000


def test_embed_puts_the_font_first_in_the_head():
    page = webfont.embed("<html><head><title>t</title></head><body>宝坻区</body></html>")
    head = page[:page.index("</head>")]
    assert '@font-face{font-family:"Report CJK";src:url("data:font/woff;base64,' in head
    assert 'font-family:"Report CJK"' in head
