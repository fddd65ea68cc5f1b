"""Sanity check for tests/heldout103: the CSV parses, every column value is in its vocabulary,
and every evidence string is a verbatim substring of its document after pinyin-gloss removal
and OpenCC t2s; also that the unit fits the indicator, that the value matches a number in its
evidence (as is, x1e4 or x1e8), that each document has 12-20 rows, that every evidence occurs
exactly once in its document and inside one line, that each document is 600-2000 characters long,
that donors and recipients are full names from the province down, that no row has empty recipients,
and that no page is changed by normalisation or carries glosses.
Set-specific checks (focus: years and periods):
- each document's report year (REPORT_YEAR) and its date line: y103_04 and y103_06 carry no date
  line; y103_03 and y103_08 give only a publication date and never write their report year as
  "<year>年"; the others carry the date line listed in DATE_LINE;
- annual actual rows have the report year, except the rows listed in OFF_YEAR;
- target rows have a year >= the report year;
- cumulative rows have a cumulative cue (累计, 以来, 三年来, 两年共, 十三五) in their sentence;
  a 十三五 sentence gives 2020, a 截至2019年底 sentence gives 2019;
- annual rows have no 累计/以来 in their own clause (今年以来/年初以来 excepted), and when their
  clause states a year "20xx年" the row carries that year;
- program: counterpart for y103_03 and y103_08, east_west for the rest.
Run with the project venv (needs opencc):  .venv/bin/python tests/heldout103/check.py
Does not import or run anything from the project itself."""
import csv, re, sys, pathlib
import opencc

HERE = pathlib.Path(__file__).resolve().parent
COLS = 'doc_id,donor,recipients,program,year,period,status,indicator,value,unit,qualifier,detail,evidence'.split(',')
INDICATORS = {'fiscal_aid', 'social_aid', 'investment', 'consumption_aid', 'cadres_sent', 'professionals_sent',
              'cadres_received', 'professionals_received', 'trained', 'poor_beneficiaries', 'employment',
              'enterprises', 'projects', 'pairings'}
VOCAB = {'program': {'east_west', 'counterpart', 'designated', 'mixed'},
         'period': {'annual', 'cumulative'}, 'status': {'actual', 'target', 'expected'},
         'unit': {'yuan', 'person', 'person_time', 'household', 'count'},
         'qualifier': {'exact', 'approx', 'lower_bound'}}
DETAILS = {'', 'teachers', 'doctors', 'to_donor', 'local', 'elsewhere', 'total', 'benefiting', 'lifted',
           'villages', 'townships', 'enterprises', 'districts', 'counties'}
TONE = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ'
GLOSS = re.compile(r'\(([A-Za-z' + TONE + r'ü\s]+)\)')
UNITS = {'fiscal_aid': {'yuan'}, 'social_aid': {'yuan'}, 'investment': {'yuan'}, 'consumption_aid': {'yuan'},
         'cadres_sent': {'person'}, 'professionals_sent': {'person'}, 'cadres_received': {'person'},
         'professionals_received': {'person'}, 'trained': {'person', 'person_time'},
         'poor_beneficiaries': {'person', 'household', 'person_time'}, 'employment': {'person'},
         'enterprises': {'count'}, 'projects': {'count'}, 'pairings': {'count'}}
PROVINCES = tuple('北京市 天津市 上海市 重庆市 河北省 山西省 辽宁省 吉林省 黑龙江省 江苏省 浙江省 安徽省 福建省 '
                  '江西省 山东省 河南省 湖北省 湖南省 广东省 海南省 四川省 贵州省 云南省 陕西省 甘肃省 青海省 '
                  '内蒙古自治区 广西壮族自治区 西藏自治区 宁夏回族自治区 新疆维吾尔自治区'.split())
NUM = re.compile(r'\d+(?:\.\d+)?')
REPORT_YEAR = {'y103_01': 2020, 'y103_02': 2019, 'y103_03': 2018, 'y103_04': 2018,
               'y103_05': 2017, 'y103_06': 2020, 'y103_07': 2021, 'y103_08': 2022}
DATE_LINE = {'y103_01': '2021-01-12', 'y103_02': '2019年10月18日', 'y103_03': '发布时间：2018-07-23',
             'y103_05': '2018-01-15', 'y103_07': '2022年1月20日', 'y103_08': '发布日期：2022-08-05'}
NO_DATE = {'y103_04', 'y103_06'}
PUB_ONLY = {'y103_03', 'y103_08'}
COUNTERPART = {'y103_03', 'y103_08'}
# annual actual rows whose year differs from the report year: (doc, evidence) -> year
OFF_YEAR = {('y103_01', '已下达2021年第一批财政帮扶资金12.5亿元'): 2021}
DATE_RE = re.compile(r'20\d\d(?:-\d\d-\d\d|年\d{1,2}月\d{1,2}日)')
CUM_CUE = re.compile(r'累计|以来|三年来|两年共|十三五')
t2s = opencc.OpenCC('t2s')

def normalise(text):
    text = GLOSS.sub(lambda m: '' if any(c in TONE for c in m.group(1)) else m.group(0), text)
    return t2s.convert(text)

def span(text, ev, stops):
    """the stretch of text around the (first) occurrence of ev, bounded by any of stops"""
    i = text.find(ev)
    j = i + len(ev)
    a = max(text.rfind(s, 0, i) for s in stops) + 1
    b = min([k for k in (text.find(s, j) for s in stops) if k >= 0] or [len(text)])
    return text[a:b]

cb = pathlib.Path('/work/shared/codebook.md')
if cb.exists():
    listed = set(re.findall(r'^- (\w+)(?: \([^)]*\))?:', cb.read_text(), re.M))
    assert INDICATORS <= listed, INDICATORS - listed

errors = 0
with open(HERE / 'gold.csv', newline='', encoding='utf-8') as f:
    reader = csv.DictReader(f)
    assert reader.fieldnames == COLS, reader.fieldnames
    rows = list(reader)
raw = {p.stem: p.read_text(encoding='utf-8') for p in (HERE / 'docs').glob('*.txt')}
docs = {k: normalise(v) for k, v in raw.items()}
assert sorted(docs) == [f'y103_0{i}' for i in range(1, 9)], sorted(docs)
seen = set()
for i, r in enumerate(rows, 2):
    def bad(msg):
        global errors
        errors += 1
        print(f'line {i} {r["doc_id"]}: {msg}')
    d = r['doc_id']
    if d not in docs: bad('no such document'); continue
    text = docs[d]
    if r['indicator'] not in INDICATORS: bad('indicator ' + r['indicator'])
    for c, v in VOCAB.items():
        if r[c] not in v: bad(f'{c} {r[c]}')
    if r['detail'] not in DETAILS: bad('detail ' + r['detail'])
    if not re.fullmatch(r'20(1[5-9]|2[0-4])', r['year']): bad('year ' + r['year']); continue
    if not re.fullmatch(r'\d+', r['value']): bad('value ' + r['value'])
    n = text.count(r['evidence'])
    if n == 0: bad('evidence not in document: ' + r['evidence']); continue
    if n > 1: bad(f'evidence occurs {n} times: ' + r['evidence'])
    if r['unit'] not in UNITS.get(r['indicator'], set()): bad(f'unit {r["unit"]} for {r["indicator"]}')
    if re.fullmatch(r'\d+', r['value']):
        cands = {round(float(x) * k) for x in NUM.findall(r['evidence']) for k in (1, 10**4, 10**8)}
        if int(r['value']) not in cands: bad(f'value {r["value"]} not read from evidence: {r["evidence"]}')
    for name in [r['donor']] + [x for x in r['recipients'].split(';') if x]:
        if not name.startswith(PROVINCES): bad('not a full official name: ' + name)
    if not r['recipients']: bad('empty recipients (none in this set)')
    if r['status'] == 'target' and r['qualifier'] == 'approx': bad('target with approx')
    if not any(r['evidence'] in line for line in text.split('\n')): bad('evidence not inside one line')
    if '\n' in r['evidence']: bad('evidence spans a line break')
    want_prog = 'counterpart' if d in COUNTERPART else 'east_west'
    if r['program'] != want_prog: bad(f'program {r["program"]} (want {want_prog})')
    # years and periods
    y, ry = int(r['year']), REPORT_YEAR[d]
    sent = span(text, r['evidence'], '。；\n')
    clause = span(text, r['evidence'], '，。；\n')
    if r['period'] == 'annual' and r['status'] == 'actual':
        want = OFF_YEAR.get((d, r['evidence']), ry)
        if y != want: bad(f'annual actual year {y} (want {want})')
    if r['status'] == 'target' and y < ry: bad(f'target year {y} before report year {ry}')
    if r['period'] == 'cumulative':
        if not CUM_CUE.search(sent): bad('cumulative row without a cumulative cue in its sentence')
        if '十三五' in sent and y != 2020: bad('十三五 figure not 2020')
        if '截至2019年底' in sent and y != 2019: bad('截至2019年底 figure not 2019')
        if y > ry: bad('cumulative year after report year')
    else:
        if re.search(r'累计|(?<!今年)(?<!年初)以来', clause): bad('annual row with a cumulative cue in its clause')
        m = re.search(r'(20\d\d)年(?!底)', clause)
        if m and int(m.group(1)) != y: bad(f'clause states {m.group(1)}年 but year is {y}')
    key = tuple(r[c] for c in COLS)
    if key in seen: bad('duplicate row')
    seen.add(key)
counts = {}
for r in rows: counts[r['doc_id']] = counts.get(r['doc_id'], 0) + 1
for d in sorted(docs):
    if not 12 <= counts.get(d, 0) <= 20:
        errors += 1; print(f'{d}: {counts.get(d, 0)} rows (want 12-20)')
for d in sorted(raw):
    if raw[d] != docs[d]:
        errors += 1; print(f'{d}: changed by normalisation (all pages are Simplified)')
    if GLOSS.search(raw[d]):
        errors += 1; print(d + ': unexpected pinyin gloss')
    n = len(re.sub(r'\s', '', raw[d]))
    if not 600 <= n <= 2000:
        errors += 1; print(f'{d}: {n} characters (want 600-2000)')
    head = '\n'.join(raw[d].split('\n')[:4])
    if d in NO_DATE:
        if DATE_RE.search(raw[d]): errors += 1; print(d + ': a page without date line carries a date')
    elif DATE_LINE[d] not in head:
        errors += 1; print(d + ': date line missing: ' + DATE_LINE[d])
    if d in PUB_ONLY and f'{REPORT_YEAR[d]}年' in raw[d]:
        errors += 1; print(d + ': publication-date-only page writes its report year in the text')
    if d in NO_DATE and f'{REPORT_YEAR[d]}年' not in raw[d]:
        errors += 1; print(d + ': page without date line does not state its year in the text')
print('rows', len(rows), counts)
print('errors', errors)
sys.exit(1 if errors else 0)
