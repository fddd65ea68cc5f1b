"""Sanity check for tests/heldout100: the CSV parses, every column value is in its vocabulary,
and every evidence string is a verbatim substring of its document after pinyin-gloss removal
and OpenCC t2s; also that the unit fits the indicator, that the value matches a number in its
evidence (as is, x1e4 or x1e8), that each document has 12-20 rows, that every evidence occurs
exactly once in its document and inside one line, and that each document is 600-2000 characters
long (whitespace not counted).
Set-specific checks (focus: one giver running several programs on one page):
- donors and recipients are full names from the province down; no row has empty recipients;
- all eight pages are plain Simplified Chinese without pinyin glosses;
- report years 2017-2023 and donors from at least five eastern provinces/municipalities;
- every document carries rows of at least two programs; mixed rows list two or more recipients;
- designated rows stay inside the donor's province, east_west/counterpart rows leave it;
- actual/expected rows are for the report year or earlier, target rows for the report year or later;
- a table-cell evidence (one holding ｜) is a whole table line whose first cell carries the unit in
  brackets, and that unit fits the row's unit (亿元/万元 -> yuan, 名 -> person, ...).
Run with the project venv (needs opencc):  .venv/bin/python tests/heldout100/check.py
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
DETAILS = {'employment': {'to_donor', 'local', 'elsewhere', 'total'},
           'poor_beneficiaries': {'benefiting', 'lifted'}}
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
EASTERN = ('北京市', '天津市', '上海市', '江苏省', '浙江省', '福建省', '山东省', '广东省')
REPORT_YEAR = {'y100_01': 2019, 'y100_02': 2020, 'y100_03': 2018, 'y100_04': 2021,
               'y100_05': 2022, 'y100_06': 2017, 'y100_07': 2023, 'y100_08': 2020}
BRACKET_UNIT = {'亿元': 'yuan', '万元': 'yuan', '元': 'yuan', '名': 'person', '人': 'person', '万人': 'person',
                '人次': 'person_time', '户': 'household', '个': 'count', '家': 'count'}
NUM = re.compile(r'\d+(?:\.\d+)?')
t2s = opencc.OpenCC('t2s')

def normalise(text):
    text = GLOSS.sub(lambda m: '' if any(c in TONE for c in m.group(1)) else m.group(0), text)
    return t2s.convert(text)

def province(name):
    return next((p for p in PROVINCES if name.startswith(p)), None)

# the codebook's indicator list, read from the shared codebook when present
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
assert sorted(docs) == [f'y100_0{i}' for i in range(1, 9)], sorted(docs)
seen = set()
for i, r in enumerate(rows, 2):
    def bad(msg):
        global errors
        errors += 1
        print(f'line {i} {r["doc_id"]}: {msg}')
    if r['doc_id'] not in docs: bad('no such document'); continue
    text = docs[r['doc_id']]
    if r['indicator'] not in INDICATORS: bad('indicator ' + r['indicator'])
    for c, v in VOCAB.items():
        if r[c] not in v: bad(f'{c} {r[c]}')
    if r['indicator'] in DETAILS and r['detail'] not in DETAILS[r['indicator']]:
        bad(f'detail {r["detail"]!r} for {r["indicator"]}')
    if not re.fullmatch(r'20(1[7-9]|2[0-4])', r['year']): bad('year ' + r['year'])
    if not re.fullmatch(r'\d+', r['value']): bad('value ' + r['value'])
    n = text.count(r['evidence'])
    if n == 0: bad('evidence not in document: ' + r['evidence'])
    elif n > 1: bad(f'evidence occurs {n} times: ' + r['evidence'])
    if r['unit'] not in UNITS.get(r['indicator'], set()): bad(f'unit {r["unit"]} for {r["indicator"]}')
    if re.fullmatch(r'\d+', r['value']):
        cands = {round(float(x) * k) for x in NUM.findall(r['evidence']) for k in (1, 10**4, 10**8)}
        if int(r['value']) not in cands: bad(f'value {r["value"]} not read from evidence: {r["evidence"]}')
    recs = [x for x in r['recipients'].split(';') if x]
    for name in [r['donor']] + recs:
        if not province(name): bad('not a full official name: ' + name)
    if not recs: bad('empty recipients (none in this set)')
    if len(recs) != len(set(recs)): bad('recipient listed twice')
    if not r['donor'].startswith(EASTERN): bad('donor not an eastern province/municipality: ' + r['donor'])
    if r['status'] == 'target' and r['qualifier'] == 'approx': bad('target with approx')
    # program vs geography
    dprov = province(r['donor'])
    inside = [province(x) == dprov for x in recs]
    if r['program'] == 'designated' and not all(inside): bad('designated row leaves the donor province')
    if r['program'] in ('east_west', 'counterpart') and any(inside): bad('east_west/counterpart row inside donor province')
    if r['program'] == 'mixed' and len(recs) < 2: bad('mixed row with fewer than two recipients')
    # status vs year
    ry, y = REPORT_YEAR[r['doc_id']], int(r['year'])
    if r['status'] in ('actual', 'expected') and y > ry: bad(f'{r["status"]} row for {y}, after report year {ry}')
    if r['status'] == 'target' and y < ry: bad(f'target row for {y}, before report year {ry}')
    # evidence inside one line; table lines whole, unit bracket fits
    lines = text.split('\n')
    if not any(r['evidence'] in line for line in lines): bad('evidence not inside one line')
    if '\n' in r['evidence']: bad('evidence spans a line break')
    if '｜' in r['evidence']:
        if r['evidence'] not in [l.strip() for l in lines]: bad('table evidence is not a whole line')
        m = re.search(r'（([^（）]+)）', r['evidence'].split('｜')[0])
        if not m: bad('table line without a unit in brackets')
        elif BRACKET_UNIT.get(m.group(1)) != r['unit']: bad(f'table unit {m.group(1)} vs {r["unit"]}')
        cells = r['evidence'].split('｜')[1:]
        scale = 10**8 if m and m.group(1) == '亿元' else 10**4 if m and m.group(1) == '万元' else 1
        if int(r['value']) not in {round(float(c) * scale) for c in cells if NUM.fullmatch(c)}:
            bad('value is not a cell of its table line at the bracket unit')
    key = tuple(r[c] for c in COLS)
    if key in seen: bad('duplicate row')
    seen.add(key)
counts = {}
for r in rows: counts[r['doc_id']] = counts.get(r['doc_id'], 0) + 1
for d in sorted(docs):
    if not 12 <= counts.get(d, 0) <= 20:
        errors += 1; print(f'{d}: {counts.get(d, 0)} rows (want 12-20)')
    progs = {r['program'] for r in rows if r['doc_id'] == d} - {'mixed'}
    if len(progs) < 2:
        errors += 1; print(f'{d}: rows of only {progs} (want two or more programs)')
provs = {province(r['donor']) for r in rows}
if len(provs) < 5:
    errors += 1; print('donors from fewer than five provinces:', provs)
if not set(REPORT_YEAR.values()) <= set(range(2017, 2024)):
    errors += 1; print('report year outside 2017-2023')
for d in sorted(raw):
    if raw[d] != docs[d]:
        errors += 1; print(f'{d}: changed by normalisation (not plain Simplified)')
    if GLOSS.search(raw[d]):
        errors += 1; print(d + ': unexpected pinyin gloss')
    n = len(re.sub(r'\s', '', raw[d]))
    if not 600 <= n <= 2000:
        errors += 1; print(f'{d}: {n} characters (want 600-2000)')
print('rows', len(rows), counts)
print('errors', errors)
sys.exit(1 if errors else 0)
