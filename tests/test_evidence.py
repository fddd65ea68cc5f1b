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
            assert page.marked.get(f"r{n}") == r.evidence, (doc_id, n)
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
    assert page.marked[f"r{trained}"] in page.marked[f"r{proj}"]
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
