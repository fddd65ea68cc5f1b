"""helpers.ingest: every file gets a row, every format and bad input is handled, outputs are stable.

Fixture files are made in tmp_path from the real reports (encodings, formats, duplicates) or
built to be broken (binary junk, truncated PDF, image-only PDF, empty file).
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from helpers import paths
from helpers import ingest
from helpers.ingest import COLUMNS, ingest_dir, load_documents, read_metadata, read_sources
from helpers.normalize import normalize

SEED_001 = paths.RAW / "001_c52947674760a02e.txt"
SEED_000 = paths.RAW / "000_d2a4b9fed8e568a6.txt"
SEED_004 = paths.RAW / "004_4af18b35c03c9a8a.txt"
REPORT = ("西湖区帮扶台江县工作纪实\n"
          "2020年,西湖区投入财政帮扶资金1200万元,实施帮扶项目15个,带动贫困人口3400人脱贫。\n"
          "区里选派党政干部6名、专业技术人才40名到台江县挂职,接收台江县干部12名来杭学习。\n"
          "全年组织企业采购台江县农副产品2300万元,帮助贫困劳动力转移就业860人。")


# ------------------------------------------------------------------------------ fixture builders
def _pdf_with_text(text: str) -> bytes:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from helpers.plotting import use_cjk_font
    use_cjk_font()
    with matplotlib.rc_context({"pdf.fonttype": 3}):  # Type 3: quick to embed, text extractable
        fig = plt.figure(figsize=(8, 3))
        for k, line in enumerate(text.split("\n")):
            fig.text(0.02, 0.9 - 0.2 * k, line, fontsize=7)
        buf = io.BytesIO()
        fig.savefig(buf, format="pdf")
        plt.close(fig)
    return buf.getvalue()


def _pdf_image_only() -> bytes:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
    fig = plt.figure(figsize=(2, 2))
    plt.imshow(np.arange(100).reshape(10, 10))
    plt.axis("off")
    buf = io.BytesIO()
    fig.savefig(buf, format="pdf")
    plt.close(fig)
    return buf.getvalue()


def _docx(paragraphs: list[str], table: list[list[str]]) -> bytes:
    import docx
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    t = d.add_table(rows=len(table), cols=len(table[0]))
    for i, row in enumerate(table):
        for j, cell in enumerate(row):
            t.cell(i, j).text = cell
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A raw folder with every kind of input, ingested once."""
    raw = tmp_path_factory.mktemp("raw")
    out = tmp_path_factory.mktemp("clean")
    seed001 = SEED_001.read_text(encoding="utf-8")
    seed000 = SEED_000.read_text(encoding="utf-8")
    shutil.copy(SEED_004, raw / "a_seed004.txt")
    shutil.copy(SEED_000, raw / "b_original.txt")
    shutil.copy(SEED_000, raw / "b_saved_again.txt")                      # same bytes, new name
    (raw / "c_near_copy.md").write_text("# 宝坻区2020年东西部扶贫协作\n\n" + seed000 + "\n\n推荐阅读\n另一篇文章",
                                        encoding="utf-8")                # same report, new wrapper
    (raw / "d_gbk.txt").write_bytes(REPORT.encode("gbk"))
    (raw / "e_big5.txt").write_bytes(_big5_sample(seed001))
    (raw / "f_empty.txt").write_bytes(b"")
    (raw / "g_junk.txt").write_bytes(bytes(range(256)) * 40)
    pdf = _pdf_with_text(REPORT.replace("西湖区", "上城区"))
    (raw / "h_text.pdf").write_bytes(pdf)
    (raw / "i_truncated.pdf").write_bytes(pdf[: len(pdf) // 2])
    (raw / "j_scan.pdf").write_bytes(_pdf_image_only())
    (raw / "k_english.txt").write_text("Annual report on rural development cooperation. " * 40,
                                       encoding="utf-8")
    (raw / "l_report.docx").write_bytes(_docx(REPORT.replace("西湖区", "拱墅区").split("\n"),
                                              [["县区", "资金(万元)"], ["台江县", "1200"]]))
    (raw / "m_page.html").write_text(
        "<html><head><meta charset='utf-8'><title>滨江区帮扶剑河县 - 某某网</title></head><body>"
        "<div class='nav'><a href='/'>首页</a> | <a href='/n'>新闻</a></div><article><h1>滨江区帮扶剑河县</h1>"
        + "".join(f"<p>{x.replace('西湖区', '滨江区')}</p>" for x in REPORT.split("\n")[1:])
        + "</article><footer>Copyright 2020 浙ICP备12345号</footer></body></html>", encoding="utf-8")
    (raw / "n_table.xlsx").write_bytes(b"PK\x03\x04 not really a spreadsheet")
    (raw / "o_only_footer.txt").write_text("首页 | 新闻 | 关于我们 | 联系我们\nCopyright 2020 某某网 京ICP备1号\n",
                                           encoding="utf-8")
    (raw / "SOURCES.csv").write_text(
        "file,doc_id,publisher,url,date,title,donor,notes,sha256\n"
        "d_gbk.txt,d_gbk,西湖区融媒体中心,http://example.org/1,2020-12-01,西湖区帮扶台江县(SOURCES 标题),"
        "浙江省杭州市西湖区,test row,\n", encoding="utf-8")
    (raw / "pairings.csv").write_text("donor,recipient\n", encoding="utf-8")
    df, docs = ingest_dir(raw, out, progress=False)
    return raw, out, df.set_index("file"), docs


def _big5_sample(seed001: str) -> bytes:
    # The Traditional report itself (pinyin glosses removed), cut to what Big5 can encode.
    from helpers.normalize import PINYIN_RE
    text = PINYIN_RE.sub("", seed001).split("\n")
    keep = [x for x in text if _big5_ok(x)]
    assert len("".join(keep)) > 300
    return "\n".join(keep).encode("big5")


def _big5_ok(s: str) -> bool:
    try:
        s.encode("big5")
        return True
    except UnicodeEncodeError:
        return False


# ------------------------------------------------------------------------------ the table
def test_every_file_has_exactly_one_row(corpus):
    raw, out, df, _ = corpus
    assert sorted(df.index) == sorted(p.name for p in raw.iterdir())
    assert list(pd.read_csv(out / "documents.csv").columns) == list(COLUMNS)
    assert set(df["status"]) <= set(ingest.STATUSES)


@pytest.mark.parametrize("file,status,needle", [
    ("f_empty.txt", "empty", "empty file"),
    ("g_junk.txt", "error", "binary data"),
    ("i_truncated.pdf", "error", "truncated PDF"),
    ("j_scan.pdf", "needs_ocr", "needs OCR"),
    ("k_english.txt", "not_chinese", "not a Chinese text"),
    ("n_table.xlsx", "unsupported", "unsupported format"),
    ("o_only_footer.txt", "empty", "no report text left"),
    ("SOURCES.csv", "reference", "reference table"),
    ("pairings.csv", "reference", "reference table"),
])
def test_bad_input_gets_a_clear_status_and_message(corpus, file, status, needle):
    df = corpus[2]
    assert df.loc[file, "status"] == status
    assert needle in df.loc[file, "message"]


def test_encodings_are_detected_and_recorded(corpus):
    raw, out, df, docs = corpus
    assert df.loc["d_gbk.txt", "encoding"] == "gb18030" and df.loc["d_gbk.txt", "status"] == "ok"
    assert docs["d_gbk"].text == normalize(REPORT).text
    assert df.loc["e_big5.txt", "encoding"] == "big5" and df.loc["e_big5.txt", "script"] == "traditional"
    assert "靖远县紧紧围绕" in docs["e_big5"].text
    assert df.loc["a_seed004.txt", "encoding"] == "utf-8"


def test_utf8_with_bom(tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + REPORT.encode("utf-8"))
    df, docs = ingest_dir(tmp_path, None, progress=False)
    assert df.loc[0, "encoding"] == "utf-8-sig" and docs["bom"].text == normalize(REPORT).text


def test_formats_pdf_docx_html_md(corpus):
    df, docs = corpus[2], corpus[3]
    assert df.loc["h_text.pdf", "status"] == "ok"
    assert "上城区投入财政帮扶资金1200万元" in docs["h_text"].text
    assert df.loc["l_report.docx", "status"] == "ok"
    assert "拱墅区投入财政帮扶资金1200万元" in docs["l_report"].text
    assert "台江县1200" in docs["l_report"].text  # table rows are read too
    assert df.loc["m_page.html", "status"] == "ok"
    page = docs["m_page"].text
    assert "滨江区投入财政帮扶资金1200万元" in page and "ICP" not in page and "首页" not in page
    assert df.loc["m_page.html", "title"] == "滨江区帮扶剑河县"
    for name in ("h_text", "l_report", "m_page"):
        d = docs[name]
        assert len(d.offsets) == len(d.text) + 1 and d.offsets[-1] == len(d.raw_text)


def test_same_report_saved_twice_is_extracted_once(corpus):
    df = corpus[2]
    assert df.loc["b_original.txt", "status"] == "ok"
    assert df.loc["b_saved_again.txt", "status"] == "duplicate"
    assert df.loc["b_saved_again.txt", "duplicate_of"] == "b_original"
    assert "identical sha256" in df.loc["b_saved_again.txt", "message"]
    # Same text in another wrapper (markdown heading, a related-reading tail): near duplicate.
    assert df.loc["c_near_copy.md", "status"] == "duplicate"
    assert df.loc["c_near_copy.md", "duplicate_of"] == "b_original"


def test_repeated_half_inside_one_file(corpus):
    docs = corpus[3]
    text = docs["a_seed004"].text
    assert text.count("按照市委、市政府的工作部署,高新区承担东西部扶贫协作六盘水") == 1


def test_text_files_written_for_ok_and_duplicate_documents(corpus):
    raw, out, df, docs = corpus
    written = sorted(p.stem for p in (out / "text").glob("*.txt"))
    assert written == sorted(df.index[df["status"].isin(["ok", "duplicate"])].map(lambda f: Path(f).stem))
    assert (out / "text" / "d_gbk.txt").read_text(encoding="utf-8") == docs["d_gbk"].text


def test_sources_csv_wins_and_the_source_is_recorded(corpus):
    df = corpus[2]
    row = df.loc["d_gbk.txt"]
    assert row["title"] == "西湖区帮扶台江县(SOURCES标题)".replace("SOURCES标题", "SOURCES 标题")
    assert row["title_source"] == "sources_csv" and row["title_text"] == "西湖区帮扶台江县工作纪实"
    assert row["date"] == "2020-12-01" and row["date_source"] == "sources_csv"
    assert row["publisher"] == "西湖区融媒体中心" and row["url"] == "http://example.org/1"
    seed = df.loc["a_seed004.txt"]  # no SOURCES row: the text's own metadata
    assert seed["date"] == "2020-12-18" and seed["date_source"] == "text"
    assert seed["unit"] == "大连高新技术产业园区 对口支援定点帮扶工作领导小组办公室"
    assert seed["unit_source"] == "signature"


def test_outputs_are_byte_identical_across_runs(corpus, tmp_path):
    raw, out = corpus[0], corpus[1]
    ingest_dir(raw, tmp_path, progress=False)
    assert (tmp_path / "documents.csv").read_bytes() == (out / "documents.csv").read_bytes()
    for p in (out / "text").glob("*.txt"):
        assert (tmp_path / "text" / p.name).read_bytes() == p.read_bytes()


def test_load_documents_rebuilds_and_catches_stale_outputs(corpus, tmp_path):
    raw, out, df, docs = corpus
    loaded = load_documents(out, raw)
    assert sorted(loaded) == sorted(k for k, d in docs.items() if d.status == "ok")
    d = loaded["a_seed004"]
    assert d.text == docs["a_seed004"].text and d.offsets == docs["a_seed004"].offsets
    assert d.date == "2020-12-18"
    stale = tmp_path / "clean"
    shutil.copytree(out, stale)
    (stale / "text" / "d_gbk.txt").write_text("旧的文本", encoding="utf-8")
    with pytest.raises(ValueError, match="d_gbk.txt"):
        load_documents(stale, raw)


def test_progress_line_per_file(tmp_path, capsys):
    (tmp_path / "x.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "y.txt").write_bytes(b"")
    ingest_dir(tmp_path, None, progress=True)
    out = capsys.readouterr().out
    assert "[1/2] x.txt: ok" in out and "[2/2] y.txt: empty" in out


def test_missing_folder_and_bad_sources_are_clear_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match="no_such_dir"):
        ingest_dir(tmp_path / "no_such_dir", None, progress=False)
    (tmp_path / "SOURCES.csv").write_text("file,title\nx.txt,t\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"SOURCES.csv, line 1: header lacks column\(s\) doc_id"):
        read_sources(tmp_path)


# ------------------------------------------------------------------------------ metadata
def test_metadata_read_from_the_text():
    m = read_metadata(SEED_001.read_text(encoding="utf-8"))
    assert m["title"] == "为决战决胜加力加劲——靖远县深化东西部扶贫协作纪实"
    assert m["date"] == "2020-07-13" and m["unit"] == "西e网—白银新闻网"
    m = read_metadata((paths.RAW / "003_6c6ff32b062797d8.txt").read_text(encoding="utf-8"))
    assert m["title"].startswith("天津北辰区:2020年携手奔小康") and m["date"] == "2020-11-24"
    m = read_metadata((paths.RAW / "d08.txt").read_text(encoding="utf-8"))
    assert m["date"] == "2016-04-07"                                   # 07.04.2016 12:32
    m = read_metadata(SEED_000.read_text(encoding="utf-8"))
    assert m["title"] is None and m["date"] is None                    # yearbook entry: neither


# ------------------------------------------------------------------------------ the real data/raw
def test_real_raw_folder_every_file_listed_and_seeds_ok(tmp_path):
    df, docs = ingest_dir(paths.RAW, tmp_path, progress=False)
    assert sorted(df["file"]) == sorted(p.name for p in paths.RAW.iterdir() if p.is_file())
    reports = df[~df["file"].isin(paths.RAW_TABLES)]
    assert (reports["status"] == "ok").all(), reports.loc[reports["status"] != "ok", ["file", "message"]]
    assert (df[df["file"].isin(paths.RAW_TABLES)]["status"] == "reference").all()


def test_sources_csv_matches_the_raw_files():
    src = read_sources(paths.RAW).reset_index()
    reports = sorted(p.name for p in paths.RAW.glob("*") if p.is_file() and p.name not in paths.RAW_TABLES)
    assert sorted(src["file"]) == reports
    for rec in src.to_dict("records"):
        assert rec["sha256"] == hashlib.sha256((paths.RAW / rec["file"]).read_bytes()).hexdigest(), rec["file"]
        assert rec["doc_id"] == Path(rec["file"]).stem


# ------------------------------------------------------------------------------ large files
def test_large_file_is_streamed_in_chunks(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "LARGE_BYTES", 200_000)
    monkeypatch.setattr(ingest, "CHUNK_BYTES", 64_000)
    body = SEED_000.read_text(encoding="utf-8")
    text = "\n".join(f"{body}\n第{k}次汇编:投入资金{k}万元。" for k in range(40))
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "big.txt").write_text(text, encoding="utf-8")
    df, docs = ingest_dir(tmp_path / "raw", tmp_path / "out", progress=False)
    row = df.iloc[0]
    assert row["status"] == "ok" and "streamed" in row["message"]
    assert docs["big"].streamed and docs["big"].text == ""
    written = (tmp_path / "out" / "text" / "big.txt").read_text(encoding="utf-8")
    assert written.count("组织捐款101.54万元。") == 40 and "第39次汇编:投入资金39万元。" in written
    assert int(row["chars_clean"]) == len(written)
    assert row["sha256"] == hashlib.sha256(text.encode("utf-8")).hexdigest()



def test_large_binary_file_gets_its_whole_hash_and_size(tmp_path, monkeypatch):
    # A large .txt that is binary junk is an error row, but its sha256 and bytes must still be
    # the file's (they are how a reader tells which file it was).
    monkeypatch.setattr(ingest, "LARGE_BYTES", 100_000)
    monkeypatch.setattr(ingest, "CHUNK_BYTES", 64_000)
    data = bytes(range(256)) * 1000
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "junk.txt").write_bytes(data)
    df, _ = ingest_dir(tmp_path / "raw", tmp_path / "out", progress=False)
    row = df.iloc[0]
    assert row["status"] == "error" and "binary data" in row["message"]
    assert row["sha256"] == hashlib.sha256(data).hexdigest()
    assert int(row["bytes"]) == len(data)


def test_a_streamed_file_loads_back_as_streamed(tmp_path, monkeypatch):
    # Chunks are cut at line ends, so a sentence broken over a line at a chunk edge stays broken
    # in the streamed text: re-normalising the whole file gave another text and load_documents
    # stopped with "re-run ingest", which could never help.
    monkeypatch.setattr(ingest, "LARGE_BYTES", 200_000)
    monkeypatch.setattr(ingest, "CHUNK_BYTES", 64_000)
    text = "宝坻区帮扶工作汇编\n" + "\n".join(
        f"第{k}项:天津市宝坻区为受\n援县投入资金{k}万元,用于产业项目和\n基础设施建设。"
        for k in range(4000))
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "big.txt").write_text(text, encoding="utf-8")
    ingest_dir(tmp_path / "raw", tmp_path / "out", progress=False)
    docs = load_documents(tmp_path / "out", tmp_path / "raw")
    assert docs["big"].streamed and docs["big"].text == ""
    (tmp_path / "raw" / "big.txt").write_text(text + "\n补记。", encoding="utf-8")
    with pytest.raises(ValueError, match="big.txt: file changed since ingest"):
        load_documents(tmp_path / "out", tmp_path / "raw")

SCRIPT_50MB = textwrap.dedent("""
    import json, resource, sys
    from pathlib import Path
    from helpers.ingest import ingest_dir
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    df, docs = ingest_dir(Path(sys.argv[1]), Path(sys.argv[2]), progress=False)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"status": df.loc[0, "status"], "message": df.loc[0, "message"],
                      "grew_mb": (peak - base) / 1024, "chars_clean": int(df.loc[0, "chars_clean"])}))
""")


def test_50mb_file_in_bounded_memory(tmp_path):
    """A 50 MB text dump (a report followed by megabytes of blank padding, as broken
    conversions produce) is processed in a separate process whose memory growth is measured:
    reading it whole would need several hundred MB (text + offset map)."""
    raw = tmp_path / "raw"
    raw.mkdir()
    report = SEED_000.read_bytes()
    pad = (b" " * 1023 + b"\n") * 1024
    with open(raw / "huge.txt", "wb") as f:
        while f.tell() < 50 * 1024 * 1024:
            f.write(report + b"\n" + pad)
    proc = subprocess.run([sys.executable, "-c", SCRIPT_50MB, str(raw), str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONHASHSEED": "0"})
    assert proc.returncode == 0, proc.stderr
    res = json.loads(proc.stdout.strip().splitlines()[-1])
    assert res["status"] == "ok" and "streamed" in res["message"]
    assert res["grew_mb"] < 150, res
    assert res["chars_clean"] > 100_000


def test_metadata_from_a_web_page_head_not_from_the_report_body():
    page = ("首页 | 新闻 | 扶贫\n"
            "西湖区帮扶台江县出实招\n"
            "来源:台江县融媒体中心 记者 张三  发布时间:2020-06-01 10:20\n"
            "时间紧、任务重,2019年12月1日以来,西湖区投入帮扶资金1200万元,实施项目15个。\n")
    m = read_metadata(page)
    assert m == {"title": "西湖区帮扶台江县出实招", "date": "2020-06-01", "unit": "台江县融媒体中心",
                 "unit_from": "source_line"}
    body_only = "时间紧、任务重,2019年12月1日以来,西湖区投入帮扶资金1200万元,实施项目15个,带动就业300人。"
    assert read_metadata(body_only)["date"] is None
    signed = body_only + "\n海东市扶贫开发局\n2018年11月1日"
    m = read_metadata(signed)
    assert m["unit"] == "海东市扶贫开发局" and m["date"] == "2018-11-01" and m["unit_from"] == "signature"


def test_mojibake_contexts_show_what_set_the_flag():
    docs = {"a": ingest.Document(doc_id="a", file="a.txt", status="ok",
                                 text="宝坻区向武山县捐赠锟斤拷资金100万元,决战(zhàn)脱贫攻坚", raw_text="",
                                 offsets=[], title=None, date=None, unit=None, script="simplified"),
            "b": ingest.Document(doc_id="b", file="b.txt", status="ok", text="决?zhàn)胜脱贫攻坚",
                                 raw_text="", offsets=[], title=None, date=None, unit=None,
                                 script="simplified")}
    out = ingest.mojibake_contexts(docs, width=4)
    assert out.values.tolist() == [["a", "山县捐赠锟斤拷资金10"], ["b", "决?zhàn)胜脱贫攻"]]


def test_colliding_names_never_share_a_doc_id(tmp_path):
    for name in ("a.txt", "a.md", "a_txt.txt"):
        (tmp_path / name).write_text(f"天津市宝坻区帮扶武山县。来自{name}。", encoding="utf-8")
    table, docs = ingest_dir(tmp_path, tmp_path / "out", progress=False)
    assert table["doc_id"].is_unique and len(table) == 3
    assert len(list((tmp_path / "out" / "text").glob("*.txt"))) == 3


# ------------------------------------------------------------------------------ nothing lost
def _unix_socket(path: Path):
    import socket
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.bind(str(path))
    return s


def test_every_entry_of_a_raw_folder_gets_a_row_and_links_never_leave_it(tmp_path, capsys):
    raw, outside = tmp_path / "raw", tmp_path / "elsewhere"
    raw.mkdir()
    outside.mkdir()
    secret = "宝坻区机密文件:这段文字不属于原始报告文件夹。" * 20
    (outside / "private.txt").write_text(secret, encoding="utf-8")
    (raw / "a_report.txt").write_text(REPORT, encoding="utf-8")
    (raw / "b_folder").mkdir()
    (raw / "b_folder" / "inner.txt").write_text(REPORT, encoding="utf-8")
    os.symlink(tmp_path / "nowhere.txt", raw / "c_dangling.txt")
    os.symlink(raw / "d_loop2.txt", raw / "d_loop1.txt")
    os.symlink(raw / "d_loop1.txt", raw / "d_loop2.txt")
    os.symlink(outside / "private.txt", raw / "e_outside.txt")
    os.symlink(raw / "a_report.txt", raw / "f_inside_link.txt")
    os.mkfifo(raw / "g_pipe.txt")
    sock = _unix_socket(raw / "h_socket")
    # a file name that is not UTF-8 (a GBK name copied from a Windows disk)
    fd = os.open(os.fsencode(raw) + b"/i_\xb1\xa8\xb8\xe6.txt", os.O_WRONLY | os.O_CREAT)
    os.write(fd, REPORT.replace("西湖区", "上城区").encode("utf-8"))
    os.close(fd)
    (raw / "j_two\nlines.txt").write_text(REPORT.replace("西湖区", "拱墅区"), encoding="utf-8")
    try:
        df, docs = ingest_dir(raw, tmp_path / "out", progress=True)
    finally:
        sock.close()
    printed = capsys.readouterr().out
    assert len(df) == len(os.listdir(raw)) == 11
    by = df.set_index("file")
    assert by.loc["a_report.txt", "status"] == "ok"
    assert by.loc["b_folder", "status"] == "skipped" and "folder" in by.loc["b_folder", "message"]
    assert by.loc["c_dangling.txt", "status"] == "error"
    assert "broken symbolic link" in by.loc["c_dangling.txt", "message"]
    assert {by.loc[f"d_loop{k}.txt", "status"] for k in (1, 2)} == {"error"}
    assert "loop" in by.loc["d_loop1.txt", "message"]
    assert by.loc["e_outside.txt", "status"] == "skipped"
    assert "outside the raw folder: not followed" in by.loc["e_outside.txt", "message"]
    assert by.loc["f_inside_link.txt", "status"] == "duplicate"      # a link inside is read
    assert by.loc["g_pipe.txt", "status"] == "skipped" and "FIFO" in by.loc["g_pipe.txt", "message"]
    assert by.loc["h_socket", "status"] == "skipped" and "socket" in by.loc["h_socket", "message"]
    name = "i_\\xb1\\xa8\\xb8\\xe6.txt"            # the bytes, written out
    assert by.loc[name, "status"] == "ok" and by.loc[name, "doc_id"] == name[:-4]
    assert f"{name}: ok" in printed
    assert by.loc["j_two\nlines.txt", "doc_id"] == "j_two_lines"     # no line break in a doc_id
    # nothing of the file outside reached any output
    written = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out").rglob("*")
                      if p.is_file())
    assert "机密文件" not in written and all("机密" not in d.text for d in docs.values())
    # the documents table reads back (UTF-8, every entry)
    back = pd.read_csv(tmp_path / "out" / "documents.csv", dtype=str, keep_default_na=False)
    assert sorted(back["file"]) == sorted(df["file"])


def test_a_file_too_large_to_read_whole_gets_an_error_row_with_its_hash(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_WHOLE_BYTES", 1000)
    page = ("<html><body><p>" + REPORT + "</p></body></html>").encode("utf-8") * 4
    (tmp_path / "big.html").write_bytes(page)
    (tmp_path / "small.txt").write_text(REPORT, encoding="utf-8")
    df, _ = ingest_dir(tmp_path, None, progress=False)
    row = df.set_index("file").loc["big.html"]
    assert row["status"] == "error" and "too large to read whole" in row["message"]
    assert row["sha256"] == hashlib.sha256(page).hexdigest() and int(row["bytes"]) == len(page)


def _long_report(copies: int = 30) -> str:
    return "\n".join(REPORT.replace("1200万元", f"{1200 + k}万元") for k in range(copies))


def test_gb18030_with_a_few_bad_bytes_is_read_flagged_and_named(tmp_path):
    data = _long_report().encode("gb18030")
    at = [len(data) // 4, len(data) // 2, 3 * len(data) // 4]
    for pos in reversed(at):                 # three bytes that are not GB18030 (0xFF never is)
        pos = data.index("。".encode("gb18030"), pos) + 2
        data = data[:pos] + b"\xff" + data[pos:]
    (tmp_path / "damaged.txt").write_bytes(data)
    with pytest.warns(UserWarning, match=r"damaged\.txt: ok: 3 undecodable byte\(s\)"):
        df, docs = ingest_dir(tmp_path, None, progress=False)
    row = df.iloc[0]
    assert row["status"] == "ok" and row["encoding"] == "gb18030"
    assert int(row["replaced_bytes"]) == 3 and "mojibake" in row["flags"].split(";")
    assert "3 undecodable byte(s) replaced" in row["message"]
    assert docs["damaged"].text.count("\ufffd") == 3
    assert "1229万元" in docs["damaged"].text                  # the rest is read right


def test_utf8_with_one_bad_byte_stays_utf8(tmp_path):
    data = _long_report().encode("utf-8")
    pos = data.index("。".encode("utf-8"), len(data) // 2) + 3
    (tmp_path / "one_bad.txt").write_bytes(data[:pos] + b"\xc3" + data[pos:])
    with pytest.warns(UserWarning, match="one_bad.txt"):
        df, docs = ingest_dir(tmp_path, None, progress=False)
    assert df.loc[0, "encoding"] == "utf-8" and int(df.loc[0, "replaced_bytes"]) == 1
    assert "西湖区投入财政帮扶资金1229万元" in docs["one_bad"].text


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected(tmp_path, enc):
    (tmp_path / "wide.txt").write_bytes(REPORT.encode(enc))
    df, docs = ingest_dir(tmp_path, None, progress=False)
    assert df.loc[0, "status"] == "ok" and df.loc[0, "encoding"] == enc
    assert docs["wide"].text == normalize(REPORT).text


def test_sources_csv_missing_file_and_changed_hash_are_reported(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    real = hashlib.sha256(REPORT.encode("utf-8")).hexdigest()
    wrong = "0" * 64
    (tmp_path / "SOURCES.csv").write_text(
        ",".join(ingest.SOURCES_COLUMNS) + "\n"
        f"a.txt,a,某某网,,2020-12-01,,,,{wrong}\n"
        "gone.txt,gone,某某网,,2020-12-02,,,,\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="gone.txt: missing"):
        df, _ = ingest_dir(tmp_path, tmp_path / "out", progress=False)
    by = df.set_index("file")
    assert by.loc["gone.txt", "status"] == "missing"
    assert "listed in SOURCES.csv (line 3) but not in the raw folder" in by.loc["gone.txt", "message"]
    a = by.loc["a.txt"]
    assert a["status"] == "ok" and "sha256_mismatch" in a["flags"].split(";")
    assert wrong in a["message"] and real in a["message"] and "line 2" in a["message"]
    assert len(df) == 3      # SOURCES.csv, a.txt, and the row for the missing file


@pytest.mark.parametrize("body, problem", [
    ('a.txt,a,"某某网,,2020-12-01,,,,\n', r"line 2: unexpected end of data"),          # stray quote
    ("a.txt,a,某某网,,2020-12-01,,,,,extra\n", r"line 2: 10 fields, but the header has 9"),
    ('a.txt,a,某某网,,2020-12-01,,,,\nb.txt,b,"某某网,,2020-12-01,,,,\nc.txt,c,,,,,,,"\n',
     r"line 3: 3 fields, but the header has 9; a quote opened on line 3 runs to line 4"),
    ("a.txt,a,某某网,,2020年12月,,,,\n", r"line 2: date '2020年12月' is not ISO"),
    ("a.txt,a,,,,,,,\na.txt,a,,,,,,,\n", r"line 3: a.txt is listed twice \(first on line 2\)"),
])
def test_malformed_sources_csv_names_the_file_and_the_line(tmp_path, body, problem):
    (tmp_path / "SOURCES.csv").write_text(",".join(ingest.SOURCES_COLUMNS) + "\n" + body,
                                          encoding="utf-8")
    with pytest.raises(ValueError, match=r"SOURCES\.csv, " + problem):
        read_sources(tmp_path)


def test_a_large_file_is_extracted_section_by_section(tmp_path, monkeypatch):
    from helpers.panel import build_panel

    monkeypatch.setattr(ingest, "LARGE_BYTES", 20_000)
    monkeypatch.setattr(ingest, "CHUNK_BYTES", 8_000)
    monkeypatch.setattr(ingest, "TASK_CHARS", 3_000)
    (tmp_path / "raw").mkdir()
    text = _long_report(80)
    assert len(text.encode("utf-8")) > 20_000
    (tmp_path / "raw" / "big.txt").write_text(text, encoding="utf-8")
    (tmp_path / "raw" / "small.txt").write_text(_long_report(40).replace("西湖区", "拱墅区")[:3000],
                                                 encoding="utf-8")
    res = build_panel(tmp_path / "raw", tmp_path / "out", progress=False, jobs=1)
    doc = res.docs["big"]
    assert doc.streamed and len(doc.sections) > 3 and doc.text == ""
    rows = res.panel[res.panel["doc_id"] == "big"]
    clean = (tmp_path / "out" / "text" / "big.txt").read_text(encoding="utf-8")
    # every figure of every copy, each evidence at its offsets in the clean text file
    assert len(rows[rows["indicator"] == "fiscal_aid"]) == 80
    for r in rows.itertuples():
        assert clean[r.start:r.end] == r.evidence
    assert rows["raw_start"].isna().all()      # a streamed document keeps no raw map
    # its sections spread over workers give the same bytes
    build_panel(tmp_path / "raw", tmp_path / "out2", progress=False, jobs=2)
    for name in ("panel.csv", "mentions.csv", "documents.csv", "text/big.txt"):
        assert (tmp_path / "out" / name).read_bytes() == (tmp_path / "out2" / name).read_bytes()


def test_one_long_line_is_cut_at_sentence_ends_not_held_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "LARGE_BYTES", 20_000)
    monkeypatch.setattr(ingest, "CHUNK_BYTES", 4_000)
    line = _long_report(60).replace("\n", "")
    (tmp_path / "line.txt").write_text(line, encoding="utf-8")
    df, docs = ingest_dir(tmp_path, tmp_path / "out", progress=False)
    clean = (tmp_path / "out" / "text" / "line.txt").read_text(encoding="utf-8")
    assert "\n" not in clean and clean == normalize(line).text
    assert len(docs["line"].sections) > 1 and int(df.loc[0, "chars_clean"]) == len(clean)


def test_a_page_without_line_breaks_is_flagged_and_extracted_by_section(tmp_path, monkeypatch):
    from helpers.normalize import normalize_fragment
    from helpers.panel import build_panel

    from helpers import attribute, panel

    monkeypatch.setattr(ingest, "LONG_LINE_CHARS", 2_000)
    monkeypatch.setattr(panel, "SECTION_CHARS", 1_000)
    seen = []
    real = attribute.extract_document
    monkeypatch.setattr(attribute, "extract_document",
                        lambda doc, *a, **k: seen.append(len(doc.text)) or real(doc, *a, **k))
    (tmp_path / "raw").mkdir()
    line = _long_report(30).replace("\n", "").replace("西湖区", "杭州市西湖区")
    (tmp_path / "raw" / "one_line.txt").write_text(line, encoding="utf-8")
    res = build_panel(tmp_path / "raw", tmp_path / "out", progress=False, jobs=1)
    assert "long_line" in res.documents.loc[0, "flags"].split(";")
    assert len(seen) >= 4 and max(seen) <= 1_000         # read in sections, not whole
    doc, rows = res.docs["one_line"], res.panel
    assert len(rows[rows["indicator"] == "fiscal_aid"]) == 30
    for r in rows.itertuples():      # offsets into the clean text and back to the raw file
        assert doc.text[r.start:r.end] == r.evidence
        assert normalize_fragment(doc.raw_text[r.raw_start:r.raw_end]) == r.evidence


def test_an_entry_that_fails_in_an_unforeseen_way_is_an_error_row(tmp_path):
    # a file listed, then gone before it is read (another program moved it)
    gone = ingest.Entry(tmp_path / "gone.txt", "gone.txt", "file", 10)
    row = ingest._read_entry((gone, "gone", None))
    assert row.doc.status == "error" and "FileNotFoundError" in row.doc.message


@pytest.mark.parametrize("url, date", [
    ("http://news.example.cn/gz/201811/215644.html", "2018-11"),
    ("https://paper.example.cn/html/2022-10/28/content_1.htm", "2022-10-28"),
    ("http://example.cn/a/20190315/1.html", "2019-03-15"),
    ("http://example.cn/a/123456789.html", None),        # a long id is no date
    ("http://example.cn/a/2019/99/1.html", None),        # no month 99
    (None, None),
])
def test_a_date_is_read_from_the_page_address_when_nothing_else_gives_one(url, date):
    assert ingest.date_in_url(url) == date


@pytest.mark.parametrize("line, date", [
    ("发布时间：二〇一九年十二月二十日　来源：县融媒体中心", "2019-12-20"),
    ("二〇二〇年十二月三十一日", "2020-12-31"),
    ("二零一八年三月五日", "2018-03-05"),
    ("二〇一九年十三月二十日", None),        # no such month
])
def test_a_date_in_chinese_numerals(line, date):
    from helpers.ingest import parse_date
    assert parse_date(line) == date


def test_a_date_that_is_not_in_the_calendar_is_not_read():
    from helpers.ingest import parse_date
    assert parse_date("二〇二〇年二月三十日 2020-03-01") == "2020-03-01"
