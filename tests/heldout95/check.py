"""Sanity check for tests/heldout95: the CSV parses, every column value is in its vocabulary,
and every evidence string is a verbatim substring of its document after pinyin-gloss removal
and OpenCC t2s; also that the unit fits the indicator, that the value matches a number in its
evidence (as is, x1e4 or x1e8), that each document has 12-20 rows, that every evidence occurs
exactly once in its document and inside one line, and that each document is 600-2000 characters long.
Set-specific checks (focus: one donor reporting several programs on one page):
- donors and recipients are full names from the province down; empty recipients only on
  `designated` rows (a province's own key counties the page does not name);
- program against geography: `counterpart` recipients lie in Xinjiang, Tibet, Qinghai or the
  Three Gorges counties; `designated` recipients lie in the donor's own province; `east_west`
  recipients lie outside the donor's province and outside Xinjiang/Tibet; `mixed` rows list
  recipients of both kinds;
- every page has east_west, counterpart and mixed rows and at least one target;
- actual rows carry the report year, target rows the report year or the next one;
- cumulative rows have 累计/以来/年来 on their evidence line; years 2017-2023;
- all eight pages are plain Simplified Chinese without pinyin glosses.
Run with the project venv (needs opencc):  .venv/bin/python tests/heldout95/check.py
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
# no page of this set is saved twice: every evidence occurs exactly once
TWICE_DOCS = set()
TRAD_DOC = None  # no Traditional page in this set
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
CENTRAL = set()  # no central unit in this set
# set-specific: the year each page reports on
REPORT_YEAR = {'y95_01': 2019, 'y95_02': 2022, 'y95_03': 2020, 'y95_04': 2018,
               'y95_05': 2019, 'y95_06': 2021, 'y95_07': 2020, 'y95_08': 2017}
COUNTERPART_AREAS = ('新疆维吾尔自治区', '西藏自治区', '青海省')
THREE_GORGES = {'重庆市万州区', '湖北省宜昌市夷陵区'}
t2s = opencc.OpenCC('t2s')

def normalise(text):
    text = GLOSS.sub(lambda m: '' if any(c in TONE for c in m.group(1)) else m.group(0), text)
    return t2s.convert(text)

def province(name):
    return next((p for p in PROVINCES if name.startswith(p)), None)

def is_counterpart_area(name):
    return name.startswith(COUNTERPART_AREAS) or name in THREE_GORGES

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
assert sorted(docs) == [f'y95_0{i}' for i in range(1, 9)], sorted(docs)
seen = set()
for i, r in enumerate(rows, 2):
    def bad(msg):
        global errors
        errors += 1
        print(f'line {i} {r["doc_id"]}: {msg}')
    if r['doc_id'] not in docs: bad('no such document'); continue
    if r['indicator'] not in INDICATORS: bad('indicator ' + r['indicator'])
    for c, v in VOCAB.items():
        if r[c] not in v: bad(f'{c} {r[c]}')
    if not re.fullmatch(r'20(1[7-9]|2[0-3])', r['year']): bad('year ' + r['year'])
    if not re.fullmatch(r'\d+', r['value']): bad('value ' + r['value'])
    n = docs[r['doc_id']].count(r['evidence'])
    if n == 0: bad('evidence not in document: ' + r['evidence'])
    elif r['doc_id'] in TWICE_DOCS and n != 2: bad(f'evidence occurs {n} times (want 2 in the doubled page): ' + r['evidence'])
    elif r['doc_id'] not in TWICE_DOCS and n > 1: bad(f'evidence occurs {n} times: ' + r['evidence'])
    if r['unit'] not in UNITS.get(r['indicator'], set()): bad(f'unit {r["unit"]} for {r["indicator"]}')
    if re.fullmatch(r'\d+', r['value']):
        cands = {round(float(x) * k) for x in NUM.findall(r['evidence']) for k in (1, 10**4, 10**8)}
        if int(r['value']) not in cands: bad(f'value {r["value"]} not read from evidence: {r["evidence"]}')
    recs = [x for x in r['recipients'].split(';') if x]
    for name in [r['donor']] + recs:
        if not name.startswith(PROVINCES) and name not in CENTRAL: bad('not a full official name: ' + name)
    if len(recs) != len(set(recs)): bad('recipient listed twice')
    if not recs and r['program'] != 'designated': bad('empty recipients outside a designated row')
    # program against geography
    dp = province(r['donor'])
    prog = r['program']
    if prog == 'counterpart' and not all(is_counterpart_area(x) for x in recs):
        bad('counterpart row with a recipient outside Xinjiang/Tibet/Qinghai/Three Gorges')
    if prog == 'designated' and not all(province(x) == dp for x in recs):
        bad('designated row with a recipient outside the donor province')
    if prog == 'east_west' and any(province(x) == dp or x.startswith(('新疆维吾尔自治区', '西藏自治区')) for x in recs):
        bad('east_west row with a recipient in the donor province or in Xinjiang/Tibet')
    if prog == 'mixed' and not (any(is_counterpart_area(x) for x in recs) and any(not is_counterpart_area(x) for x in recs)):
        bad('mixed row does not span both programs')
    ry = REPORT_YEAR[r['doc_id']]
    if r['status'] == 'actual' and int(r['year']) != ry: bad(f'actual row not in report year {ry}')
    if r['status'] == 'target' and int(r['year']) not in (ry, ry + 1): bad(f'target row outside {ry}/{ry + 1}')
    if r['status'] == 'target' and r['qualifier'] == 'approx': bad('target with approx')
    lines = [line for line in docs[r['doc_id']].split('\n') if r['evidence'] in line]
    if not lines: bad('evidence not inside one line')
    if r['period'] == 'cumulative' and not any(re.search('累计|以来|年来', l) for l in lines):
        bad('cumulative row without 累计/以来/年来 on its line')
    if r['indicator'] == 'employment' and r['detail'] not in {'to_donor', 'local', 'elsewhere', 'total'}:
        bad('employment without kind in detail')
    if '\n' in r['evidence']: bad('evidence spans a line break')
    key = tuple(r[c] for c in COLS)
    if key in seen: bad('duplicate row')
    seen.add(key)
counts = {}
for r in rows: counts[r['doc_id']] = counts.get(r['doc_id'], 0) + 1
for d in sorted(docs):
    if not 12 <= counts.get(d, 0) <= 20:
        errors += 1; print(f'{d}: {counts.get(d, 0)} rows (want 12-20)')
    progs = {r['program'] for r in rows if r['doc_id'] == d}
    if not {'east_west', 'counterpart', 'mixed'} <= progs:
        errors += 1; print(f'{d}: programs {sorted(progs)} (want east_west, counterpart and mixed)')
    if not any(r['status'] == 'target' for r in rows if r['doc_id'] == d):
        errors += 1; print(f'{d}: no target row')
    if str(REPORT_YEAR[d]) not in docs[d]:
        errors += 1; print(f'{d}: report year not in text')
for d in sorted(raw):
    trad = raw[d] != docs[d]
    if trad != (d == TRAD_DOC):
        errors += 1; print(f'{d}: Traditional/Simplified status unexpected (changed by normalisation: {trad})')
for d in sorted(raw):
    if GLOSS.search(raw[d]):
        errors += 1; print(d + ': unexpected pinyin gloss')
    n = len(re.sub(r'\s', '', raw[d]))
    if not 600 <= n <= 2000:
        errors += 1; print(f'{d}: {n} characters (want 600-2000)')
print('rows', len(rows), counts)
print('errors', errors)
sys.exit(1 if errors else 0)
