"""Nothing from the input becomes markup: hostile reports run through ``helpers run``.

Reports scraped from spam mirrors carry markup, and file names can be markup too. A small project
(the reference tables and a few reports written here) holds payloads in the text, in the first
line that becomes the title, in SOURCES.csv titles and in file names; the whole collection runs on
it, and every HTML file written is parsed: no element and no attribute may come from the input,
every local link must lead to a file that exists, and a report called ``index.txt`` must not take
the place of the evidence index.
"""
import hashlib
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from helpers.run import copy_project

# Each payload carries a "pwn" marker; the tests look for elements and attributes it would make.
REPORTS = {
    '<img src=x onerror=alert("pwn-1")>.txt':
        '<svg onload=alert("pwn-2")>天津市和平区2020年东西部扶贫协作工作总结\n'
        "2020年，天津市和平区向甘肃省白银市靖远县投入东西部扶贫协作财政帮扶资金1200万元"
        '<img src="x" onerror="alert(3)" data-pwn="3">，选派党政干部5名'
        '<script data-pwn="4">alert("pwn-4")</script>。\n'
        '全年帮助靖远县"><iframe src=javascript:alert("pwn-5")>贫困劳动力转移就业320人。\n',
    "index.txt":
        "天津市南开区对口支援工作简报\n"
        "2019年，天津市南开区向甘肃省庆阳市环县投入财政帮扶资金800万元，"
        '&lt;script&gt;alert("pwn-6")&lt;/script&gt;引导企业3家到环县投资。\n',
    'a&b #1?x=%41 "q\'.md':
        '# 天津市北辰区扶贫协作情况 <b onmouseover="alert(7)" data-pwn="7">x</b>\n\n'
        "2020年，天津市北辰区向甘肃省定西市渭源县投入财政帮扶资金1500万元，"
        '[link](javascript:alert("pwn-8"))带动贫困人口2100人脱贫。\n',
    "plain.txt":
        "天津市宝坻区东西部扶贫协作纪实\n"
        "2020年，天津市宝坻区向甘肃省天水市武山县投入财政帮扶资金2000万元，"
        "消费扶贫采购农产品300万元。</script><svg/onload=alert('pwn-9')>\n",
}
# SOURCES.csv titles win over the text's: a curated title can be hostile too.
SOURCE_TITLES = {"plain.txt": '标题<img src=x onerror=alert("pwn-10")>', "index.txt": ""}

EVENT_PREFIX = "on"
FORBIDDEN_TAGS = {"iframe", "object", "embed", "base"}
SAFE_SCHEMES = {"", "http", "https", "data", "mailto"}


class Collector(HTMLParser):
    """Every start tag with its attributes, and the text of every script element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: (v or "") for k, v in attrs}))
        self._in_script = tag == "script"

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def parse(path: Path) -> Collector:
    c = Collector()
    c.feed(path.read_text(encoding="utf-8"))
    c.close()
    return c


def sources_csv(raw: Path) -> str:
    lines = ["file,doc_id,publisher,url,date,title,donor,notes,sha256"]
    for name, title in SOURCE_TITLES.items():
        sha = hashlib.sha256((raw / name).read_bytes()).hexdigest()
        quoted = '"' + title.replace('"', '""') + '"'
        lines.append(f"{name},{Path(name).stem},,,,{quoted},,,{sha}")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project",
                           lambda name: name in {"pairings.csv", "corrections.csv"})
    raw = project / "data" / "raw"
    for name, text in REPORTS.items():
        (raw / name).write_text(text, encoding="utf-8")
    (raw / "SOURCES.csv").write_text(sources_csv(raw), encoding="utf-8")
    env = dict(os.environ, HELPERS_PROJECT_ROOT=str(project))
    proc = subprocess.run([sys.executable, "-m", "helpers", "run"], env=env, text=True,
                          capture_output=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    pages = sorted((project / "reports").rglob("*.html"))
    return project, pages


def test_the_payloads_reached_the_reports_as_text(hostile_project):
    # the test is only worth something if the hostile strings are on the pages at all
    project, pages = hostile_project
    shown = "".join(p.read_text(encoding="utf-8") for p in pages)
    for marker in ("pwn-1", "pwn-2", "data-pwn", "pwn-4", "pwn-10"):
        assert marker in shown, marker
    evidence = project / "reports" / "evidence"
    assert len([p for p in evidence.glob("*.html") if p.name != "index.html"]) == len(REPORTS)


def test_no_element_or_attribute_comes_from_the_input(hostile_project):
    _, pages = hostile_project
    assert len(pages) > len(REPORTS) + 4
    for page in pages:
        c = parse(page)
        for tag, attrs in c.tags:
            where = f"{page.name}: <{tag} {attrs}>"[:300]
            assert tag not in FORBIDDEN_TAGS, where
            assert not (tag == "img" and attrs.get("src") == "x"), where
            for name, value in attrs.items():
                assert not name.startswith(EVENT_PREFIX), where
                assert "pwn" not in name, where
                if name in ("href", "src", "action", "formaction"):
                    # a link may name a document (percent-encoded, checked below), never run code
                    assert urlsplit(value.strip()).scheme in SAFE_SCHEMES, where
        for script in c.scripts:
            # data inside a script (plotly's JSON) is text, never a live call
            assert 'alert("pwn' not in script and "alert('pwn" not in script, page.name


def test_every_local_link_leads_to_a_file(hostile_project):
    project, pages = hostile_project
    checked = 0
    for page in pages:
        for tag, attrs in parse(page).tags:
            href = attrs.get("href", "") if tag == "a" else ""
            parts = urlsplit(href)
            if not href or parts.scheme or href.startswith("#"):
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            assert target.exists(), (page.name, href)
            checked += 1
    assert checked > 10


def test_a_report_named_index_does_not_replace_the_evidence_index(hostile_project):
    project, _ = hostile_project
    evidence = project / "reports" / "evidence"
    index = (evidence / "index.html").read_text(encoding="utf-8")
    assert "<h1>Evidence pages</h1>" in index
    assert (evidence / "%69ndex.html").exists()
    assert "天津市南开区对口支援工作简报" in (evidence / "%69ndex.html").read_text(encoding="utf-8")
