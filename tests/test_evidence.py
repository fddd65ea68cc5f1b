"""Evidence pages: every row's span is marked, overlapping spans render, text is escaped."""
from dataclasses import dataclass
from html.parser import HTMLParser

import pandas as pd

from helpers import codebook, paths
from helpers.evidence import write_evidence_pages
from helpers.panel import coerce_panel, sort_panel

SEED = "000_d2a4b9fed8e568a6"
HTMLDOC = "d03"   # a report saved with its HTML tags and comments in the body


def raw(doc_id):
    return (paths.RAW / f"{doc_id}.txt").read_text(encoding="utf-8")


@dataclass
class FakeDoc:
    doc_id: str
    text: str
    status: str = "ok"
    title: str = ""
    date: str = ""
    file: str = ""


def row(doc_id, text, indicator, value, unit, evidence, recipients=None, detail=None, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(evidence, start + 1)
    return {"doc_id": doc_id, "donor": "天津市宝坻区", "recipients": recipients,
            "program": "east_west", "year": 2020, "period": "annual", "status": "actual",
            "indicator": indicator, "value": value, "unit": unit, "qualifier": "exact",
            "detail": detail, "evidence": evidence, "recipient_adcodes": None, "start": start,
            "end": start + len(evidence), "raw_start": start, "raw_end": start + len(evidence),
            "origin": "extracted"}


def fixture():
    seed, d03 = raw(SEED), raw(HTMLDOC)
    rows = [
        row(SEED, seed, "cadres_sent", 13, "person", "选派13名优秀处科级党政干部"),
        row(SEED, seed, "professionals_sent", 81, "person", "81名专业技术人才"),
        # the "各" rows: one evidence, two rows
        row(SEED, seed, "social_aid", 300000, "yuan", "捐赠社会帮扶款各30万元",
            "甘肃省天水市武山县", detail="health"),
        row(SEED, seed, "social_aid", 300000, "yuan", "捐赠社会帮扶款各30万元",
            "甘肃省兰州市永登县", detail='<b>"x" & y</b>'),
        # nested spans of different indicators: a training figure inside a longer evidence
        row(SEED, seed, "trained", 330, "person_time", "培训干部人才330人次"),
        row(SEED, seed, "projects", 7, "count", "7期培训班,培训干部人才330人次"),
        row(HTMLDOC, d03, "pairings", 101, "count", "与镇原101户贫困户结对认亲",
            "甘肃省庆阳市镇原县", detail="households"),
    ]
    panel = sort_panel(coerce_panel(pd.DataFrame(rows)[list(codebook.PANEL_COLUMNS)]))
    docs = {SEED: FakeDoc(SEED, seed, title="宝坻区 2020 <年鉴>", date="2020"),
            HTMLDOC: FakeDoc(HTMLDOC, d03, title="静海区 & 镇原县")}
    return docs, panel


class Page(HTMLParser):
    """Collects the text inside each evidence mark by row id, every tag and every comment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.comments, self.marked, self.ids = [], [], {}, set()
        self.rows = None   # data-rows of the mark we are in
        self.text = []
        self.depth = 0     # >0 inside the report text (div.text)
        self.text_tags = []  # tags met inside the report text

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if "id" in a:
            self.ids.add(a["id"])
        if self.depth:
            self.text_tags.append(tag)
            self.depth += tag == "div"
        elif tag == "div" and a.get("class") == "text":
            self.depth = 1
        if tag == "mark":
            self.rows = a["data-rows"].split()
            self.tip = a["data-tip"]

    def handle_endtag(self, tag):
        if tag == "mark":
            self.rows = None
        if tag == "div" and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        self.text.append(data)
        for r in self.rows or ():
            self.marked[r] = self.marked.get(r, "") + data

    def handle_comment(self, data):
        self.comments.append(data)


def parse(path):
    p = Page()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def test_every_row_evidence_is_marked_with_its_row_id(tmp_path):
    docs, panel = fixture()
    write_evidence_pages(docs, panel, tmp_path)
    for doc_id, rows in panel.groupby("doc_id"):
        page = parse(tmp_path / f"{doc_id}.html")
        for n, r in enumerate(rows.itertuples(), 1):
            # the highlight is the evidence, widened at most to the nearest boundary
            assert r.evidence in page.marked.get(f"r{n}", ""), (doc_id, n)
            assert len(page.marked[f"r{n}"]) <= len(r.evidence) + 30, (doc_id, n)
            assert {f"r{n}", f"m{n}"} <= page.ids      # row table ↔ mark links


def test_shared_and_nested_spans_list_every_row_on_hover(tmp_path):
    docs, panel = fixture()
    write_evidence_pages(docs, panel, tmp_path)
    html = (tmp_path / f"{SEED}.html").read_text(encoding="utf-8")
    rows = panel[panel["doc_id"] == SEED].reset_index(drop=True)
    # the two 各 rows are one mark whose tooltip names both counties
    ids = " ".join(f"r{i + 1}" for i in rows.index[rows["evidence"] == "捐赠社会帮扶款各30万元"])
    each = html[html.index(f'data-rows="{ids}"'):]
    tip = each[:each.index(">")]
    assert "甘肃省天水市武山县" in tip and "甘肃省兰州市永登县" in tip
    # the nested training figure is covered by both the projects and the trained row
    page = parse(tmp_path / f"{SEED}.html")
    proj = rows.index[rows["indicator"] == "projects"][0] + 1
    trained = rows.index[rows["indicator"] == "trained"][0] + 1
    assert rows.loc[trained - 1, "evidence"] in page.marked[f"r{proj}"]
    assert "linear-gradient" in html   # two indicators over one piece: both colours


def test_text_and_codes_are_html_escaped(tmp_path):
    docs, panel = fixture()
    write_evidence_pages(docs, panel, tmp_path)
    page = parse(tmp_path / f"{HTMLDOC}.html")
    # the report's own <p>, <strong>, <br /> and <!-- --> are shown as text, not rendered
    assert set(page.text_tags) <= {"mark", "a", "span"}
    assert page.comments == []
    shown = "".join(page.text)
    assert "<p>  <strong>“结亲”更“结心”" in shown and "<!--画中画广告start-->" in shown
    seed_html = (tmp_path / f"{SEED}.html").read_text(encoding="utf-8")
    assert '<b>"x" & y</b>' not in seed_html
    assert "&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;" in seed_html
    assert "宝坻区 2020 &lt;年鉴&gt;" in seed_html


def test_index_lists_documents_with_row_counts_and_links(tmp_path):
    docs, panel = fixture()
    docs["d99"] = FakeDoc("d99", "", status="empty")
    written = write_evidence_pages(docs, panel, tmp_path)
    assert [p.name for p in written] == [f"{SEED}.html", "d03.html", "index.html"]
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{SEED}.html">{SEED}</a>' in index
    assert "静海区 &amp; 镇原县" in index
    assert "d99" in index and 'href="d99.html"' not in index     # no page for an empty file
    assert '<td class="num">6</td>' in index and '<td class="num">1</td>' in index
    for page in ("index.html", f"{SEED}.html"):
        text = (tmp_path / page).read_text(encoding="utf-8")
        assert 'href="../02_panel.html"' in text and 'href="../index.html"' in text
        assert "http" not in text   # nothing fetched from the network


def test_pages_are_deterministic(tmp_path):
    docs, panel = fixture()
    a = write_evidence_pages(docs, panel, tmp_path / "a")
    b = write_evidence_pages(docs, panel.sample(frac=1, random_state=3), tmp_path / "b")
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]


def test_index_also_lists_files_that_were_not_extracted(tmp_path):
    docs, panel = fixture()
    table = pd.DataFrame({"doc_id": ["d03", "d03b", "SOURCES", SEED],
                          "status": ["ok", "duplicate", "reference", "ok"],
                          "duplicate_of": ["", "d03", "", ""],
                          "title": ["", "copy", "", ""], "date": ["", "", "", ""]})
    write_evidence_pages(docs, panel, tmp_path, documents_table=table)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "<td>duplicate of d03</td>" in index and 'href="d03b.html"' not in index
    assert "SOURCES" not in index                  # project tables are not reports
    assert index.index(SEED) < index.index("d03.html") < index.index("d03b")


def test_every_row_and_its_hover_card_say_who_gave_to_whom(tmp_path):
    docs, panel = fixture()
    write_evidence_pages(docs, panel, tmp_path)
    page = parse(tmp_path / f"{SEED}.html")
    html = (tmp_path / f"{SEED}.html").read_text(encoding="utf-8")
    assert "天津市宝坻区 → 甘肃省天水市武山县" in page.tip or "天津市宝坻区 → 甘肃省天水市武山县" in html
    body = html[html.index("<tbody>"):]
    rows = body.count('<tr id="r')
    assert rows == (panel["doc_id"] == SEED).sum()
    assert body.count("天津市宝坻区 →") == rows            # the donor on every row
    assert "30 万元" in body                               # money in 万元, as people read it


def test_highlights_start_and_end_at_boundaries():
    from helpers.evidence import display_span

    class Place:
        def __init__(self, text, name):
            self.start = text.index(name)
            self.end = self.start + len(name)

    text = "今年山西省共向甘肃省12个县(区)拨付帮扶资金4,800万元,用于产业。"
    cut = text.index("西省")                              # inside 山西省
    s, e = display_span(text, cut, text.index("(区") + 2, [Place(text, "山西省")])
    assert s <= text.index("山西省") and text[s:e].endswith("(区)")   # never 西省…县(区
    s, e = display_span(text, text.index("800"), text.index("万元"))   # inside 4,800
    assert "4,800" in text[s:e] and not text[s:e].startswith("800")
    text = "项目由某某农业科技有限公司承建,完成投资300万元,带动就业50人。"
    s, e = display_span(text, text.index("业科技"), text.index("万元") + 2)   # inside a name
    assert text[s:e] == "项目由某某农业科技有限公司承建,完成投资300万元"   # the whole clause
    # a neighbouring row's evidence bounds the clause rule
    s, e = display_span(text, text.index("投资"), text.index("万元") + 2,
                        floor=text.index("完成") + 1)
    assert s >= text.index("完成") + 1


def test_page_names_are_one_to_one_and_never_the_index():
    from helpers.safe_html import page_name

    ids = ["index", "INDEX", "%69ndex", "a/b", "a%2Fb", ".hidden", "天津 宝坻", "<img src=x>"]
    names = [page_name(d) for d in ids]
    assert len(set(names)) == len(ids)
    assert "index.html" not in {n.lower() for n in names}
    assert all("/" not in n and not n.startswith(".") for n in names)
    assert page_name("000_d2a4b9fed8e568a6") == "000_d2a4b9fed8e568a6.html"


def test_title_from_the_first_heading_like_line_when_the_sources_have_none(tmp_path):
    text = "\n某县东西部扶贫协作工作简报\n2020年，某区向某县投入资金100万元。\n"
    doc = FakeDoc("x1", text)
    empty = pd.DataFrame(columns=list(codebook.PANEL_COLUMNS))
    write_evidence_pages({"x1": doc}, empty, tmp_path)
    page = (tmp_path / "x1.html").read_text(encoding="utf-8")
    assert "<h1>某县东西部扶贫协作工作简报</h1>" in page
    assert "某县东西部扶贫协作工作简报" in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_each_row_links_to_its_mention_reasons(tmp_path):
    docs, panel = fixture()
    seed_rows = sort_panel(panel[panel["doc_id"] == SEED]).reset_index(drop=True)
    first = seed_rows.iloc[0]
    number = first["evidence"].index("13")
    mentions = pd.DataFrame([{
        "doc_id": SEED, "start": first["start"] + number, "end": first["start"] + number + 3,
        "text": "13名", "value": 13, "unit": "person", "qualifier": "exact", "decision": "panel",
        "indicator": "cadres_sent", "reason": "cue 党政干部",
        "donor_from": "page header", "recipients_from": "pairing of the donor", "year_from": "title"}])
    write_evidence_pages(docs, panel, tmp_path, mentions=mentions)
    html = (tmp_path / f"{SEED}.html").read_text(encoding="utf-8")
    assert 'href="#why1"' in html and 'id="why1"' in html
    why = html[html.index('id="why1"'):html.index('id="why2"')]
    assert "page header" in why and "pairing of the donor" in why and "cue 党政干部" in why
    assert "status_from" in html     # a column the extraction does not record yet is named
    # without mentions.csv the page still renders, with no reasons section
    write_evidence_pages(docs, panel, tmp_path / "plain")
    assert "why1" not in (tmp_path / "plain" / f"{SEED}.html").read_text(encoding="utf-8")


def test_palette_has_two_families_of_distinct_colours_and_a_legend_naming_each():
    from helpers import evidence

    assert set(evidence.INPUT_COLOURS) | set(evidence.OUTPUT_COLOURS) == set(codebook.INDICATOR_NAMES)
    groups = {i.name: i.group for i in codebook.INDICATORS}
    assert all(groups[n].startswith("input") for n in evidence.INPUT_COLOURS)
    assert all(groups[n] == "output" for n in evidence.OUTPUT_COLOURS)
    colours = [evidence.indicator_colour(n) for n in codebook.INDICATOR_NAMES]
    assert len(set(colours)) == len(colours)

    def rgb(c):
        return [int(c[i:i + 2], 16) for i in (1, 3, 5)]

    # no two colours closer than a clearly visible step (the old oranges were ~20 apart)
    for i, a in enumerate(colours):
        for b in colours[i + 1:]:
            assert sum((x - y) ** 2 for x, y in zip(rgb(a), rgb(b))) ** 0.5 > 40, (a, b)
    legend = evidence.legend(["fiscal_aid", "employment", "employment"])
    assert "inputs" in legend and "outputs" in legend
    assert "fiscal_aid (1)" in legend and "employment (2)" in legend
