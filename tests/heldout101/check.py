"""Sanity check for tests/heldout101: the CSV parses, every column value is in its vocabulary,
and every evidence string is a verbatim substring of its document after pinyin-gloss removal
and OpenCC t2s; also that the unit fits the indicator, that the value matches a number in its
evidence (as is, x1e4 or x1e8), that each document has 12-20 rows, that every evidence occurs
exactly once in its document and inside one line, and that each document is 600-2000 characters.
Set-specific checks (receiving-side pages about several givers):
- donors and recipients are full names from the province down; no row has empty recipients;
- all eight pages are plain Simplified Chinese without pinyin glosses;
- years lie in 2017-2024 (report years 2017-2023, plans up to 2024);
- every page credits figures to givers from at least two different donor provinces, and the set
  as a whole has donors from at least five different eastern provinces/municipalities;
- at least one page is written as 我州/我县/我市;
- each page has one program (east_west or counterpart) for all its rows;
- the multi-donor aggregates listed in NOT_ROWS appear in the page but in no evidence;
- stated joint totals equal the sum of the stated parts (SUMS), so the rows agree with the text;
- shared evidence (分别/各 lists) is used by exactly the expected number of rows (SHARED).
Run with the project venv (needs opencc):  .venv/bin/python tests/heldout101/check.py
Does not import or run anything from the project itself."""
import csv, re, sys, pathlib
import opencc

HERE = pathlib.Path(__file__).resolve().parent
PREFIX = 'y101'
COLS = 'doc_id,donor,recipients,program,year,period,status,indicator,value,unit,qualifier,detail,evidence'.split(',')
INDICATORS = {'fiscal_aid', 'social_aid', 'investment', 'consumption_aid', 'cadres_sent', 'professionals_sent',
              'cadres_received', 'professionals_received', 'trained', 'poor_beneficiaries', 'employment',
              'enterprises', 'projects', 'pairings'}
VOCAB = {'program': {'east_west', 'counterpart', 'designated', 'mixed'},
         'period': {'annual', 'cumulative'}, 'status': {'actual', 'target', 'expected'},
         'unit': {'yuan', 'person', 'person_time', 'household', 'count'},
         'qualifier': {'exact', 'approx', 'lower_bound'}}
EMPLOYMENT_DETAIL = {'to_donor', 'local', 'elsewhere', 'total'}
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
EASTERN = ('北京市', '天津市', '上海市', '河北省', '辽宁省', '江苏省', '浙江省', '福建省', '山东省', '广东省', '海南省')
WESTERN = ('四川省', '贵州省', '云南省', '甘肃省', '青海省', '西藏自治区', '新疆维吾尔自治区', '宁夏回族自治区',
           '内蒙古自治区')
NUM = re.compile(r'\d+(?:\.\d+)?')
PROGRAM = {'y101_01': 'east_west', 'y101_02': 'east_west', 'y101_03': 'east_west', 'y101_04': 'counterpart',
           'y101_05': 'counterpart', 'y101_06': 'counterpart', 'y101_07': 'east_west', 'y101_08': 'counterpart'}
# figures in the page that must NOT be rows (aggregates over several donor provinces, mixed counts, stock, rates)
NOT_ROWS = {
    'y101_01': ['28.6亿元', '2.46万人', '31.2亿元', '4.3亿元', '6.8万个', '214场'],
    'y101_02': ['13.27亿元', '100%'],
    'y101_03': ['9.86亿元', '46场', '320家'],
    'y101_04': ['61.5亿元', '437名', '7.1%'],
    'y101_05': ['14.6亿元', '214个', '147名', '80名', '15亿元以上'],
    'y101_06': ['26.8亿元', '1260名', '300亿元', '5000余个'],
    'y101_07': ['19.86亿元', '2.3倍'],
    'y101_08': ['32.4亿元', '46家', '400余名', '136家'],
}
# (doc, evidence of the stated total, [evidence of the stated parts]) -- the parts add up to the total
SUMS = [
    ('y101_01', '闽方两市合计拨付6.1亿元', ['拨付财政援助资金2.73亿元', '拨付财政援助资金3.37亿元']),
    ('y101_02', '杭甬两市合计5.57亿元', ['向黔东南州拨付财政帮扶资金2.96亿元', '向黔西南州拨付财政帮扶资金2.61亿元']),
    ('y101_03', '拨付财政帮扶资金2.44亿元', ['向昭觉县、布拖县、金阳县分别拨付9200万元、8100万元、7100万元']),
    ('y101_04', '粤深两地合计19.1亿元', ['落实援疆资金10.2亿元', '落实援疆资金8.9亿元']),
    ('y101_07', '两市合计3.38亿元', ['分别向昭通市拨付财政帮扶资金2.05亿元、1.33亿元']),
]
SHARED = {('y101_02', '10个县级市（区）与铜仁市10个区县全部建立结对关系'): 2,
          ('y101_03', '向昭觉县、布拖县、金阳县分别拨付9200万元、8100万元、7100万元'): 3,
          ('y101_05', '其中江孜县、亚东县各1.52亿元'): 2,
          ('y101_07', '分别向昭通市拨付财政帮扶资金2.05亿元、1.33亿元'): 2}
t2s = opencc.OpenCC('t2s')

def normalise(text):
    text = GLOSS.sub(lambda m: '' if any(c in TONE for c in m.group(1)) else m.group(0), text)
    return t2s.convert(text)

cb = pathlib.Path('/work/shared/codebook.md')
if cb.exists():
    listed = set(re.findall(r'^- (\w+)(?: \([^)]*\))?:', cb.read_text(), re.M))
    assert INDICATORS <= listed, INDICATORS - listed

errors = 0
def err(msg):
    global errors
    errors += 1
    print(msg)

with open(HERE / 'gold.csv', newline='', encoding='utf-8') as f:
    reader = csv.DictReader(f)
    assert reader.fieldnames == COLS, reader.fieldnames
    rows = list(reader)
raw = {p.stem: p.read_text(encoding='utf-8') for p in (HERE / 'docs').glob('*.txt')}
docs = {k: normalise(v) for k, v in raw.items()}
assert sorted(docs) == [f'{PREFIX}_0{i}' for i in range(1, 9)], sorted(docs)
seen = set()
for i, r in enumerate(rows, 2):
    def bad(msg):
        err(f'line {i} {r["doc_id"]}: {msg}')
    if r['doc_id'] not in docs: bad('no such document'); continue
    if r['indicator'] not in INDICATORS: bad('indicator ' + r['indicator'])
    for c, v in VOCAB.items():
        if r[c] not in v: bad(f'{c} {r[c]}')
    if not re.fullmatch(r'20(1[7-9]|2[0-4])', r['year']): bad('year ' + r['year'])
    if not re.fullmatch(r'\d+', r['value']): bad('value ' + r['value'])
    text = docs[r['doc_id']]
    n = text.count(r['evidence'])
    if n == 0: bad('evidence not in document: ' + r['evidence'])
    elif n > 1: bad(f'evidence occurs {n} times: ' + r['evidence'])
    if r['unit'] not in UNITS.get(r['indicator'], set()): bad(f'unit {r["unit"]} for {r["indicator"]}')
    if re.fullmatch(r'\d+', r['value']):
        cands = {round(float(x) * k) for x in NUM.findall(r['evidence']) for k in (1, 10**4, 10**8)}
        if int(r['value']) not in cands: bad(f'value {r["value"]} not read from evidence: {r["evidence"]}')
    if not r['donor'].startswith(EASTERN) and r['donor'] != '安徽省': bad('donor not an eastern giver: ' + r['donor'])
    for name in [r['donor']] + [x for x in r['recipients'].split(';') if x]:
        if not name.startswith(PROVINCES): bad('not a full official name: ' + name)
    recs = [x for x in r['recipients'].split(';') if x]
    if not recs: bad('empty recipients (none in this set)')
    for x in recs:
        if not x.startswith(WESTERN): bad('recipient not western: ' + x)
    if len(set(recs)) != len(recs): bad('repeated recipient')
    if r['program'] != PROGRAM[r['doc_id']]: bad('program ' + r['program'])
    if r['indicator'] == 'employment' and r['detail'] not in EMPLOYMENT_DETAIL: bad('employment detail ' + r['detail'])
    if r['status'] == 'target' and r['qualifier'] == 'approx': bad('target with approx')
    if r['period'] == 'cumulative' and not re.search(r'累计|以来', text): bad('cumulative without 累计/以来')
    if not any(r['evidence'] in line for line in text.split('\n')): bad('evidence not inside one line')
    if '\n' in r['evidence']: bad('evidence spans a line break')
    key = tuple(r[c] for c in COLS)
    if key in seen: bad('duplicate row')
    seen.add(key)

counts = {}
for r in rows: counts[r['doc_id']] = counts.get(r['doc_id'], 0) + 1
for d in sorted(docs):
    if not 12 <= counts.get(d, 0) <= 20: err(f'{d}: {counts.get(d, 0)} rows (want 12-20)')
for d in sorted(raw):
    if raw[d] != docs[d]: err(f'{d}: changed by normalisation (all pages here are Simplified)')
    if GLOSS.search(raw[d]): err(d + ': unexpected pinyin gloss')
    n = len(re.sub(r'\s', '', raw[d]))
    if not 600 <= n <= 2000: err(f'{d}: {n} characters (want 600-2000)')
# several givers per page, five eastern provinces in the set
prov = lambda name: next(p for p in PROVINCES if name.startswith(p))
for d in sorted(docs):
    ps = {prov(r['donor']) for r in rows if r['doc_id'] == d}
    if len(ps) < 2: err(f'{d}: donors from only {ps}')
east = {prov(r['donor']) for r in rows} & set(EASTERN)
if len(east) < 5: err(f'donors from only {len(east)} eastern provinces: {east}')
if not any(re.search(r'我[州县市]', t) for t in docs.values()): err('no page written as 我州/我县/我市')
# aggregates are in the text but in no evidence
for d, figs in NOT_ROWS.items():
    evs = [r['evidence'] for r in rows if r['doc_id'] == d]
    for fig in figs:
        if fig not in docs[d]: err(f'{d}: non-row figure {fig} not in text')
        if any(fig in e for e in evs): err(f'{d}: non-row figure {fig} used as evidence')
# stated totals equal their stated parts
for d, tot, parts in SUMS:
    tv = [int(r['value']) for r in rows if r['doc_id'] == d and r['evidence'] == tot]
    pv = [int(r['value']) for r in rows if r['doc_id'] == d and r['evidence'] in parts]
    if len(tv) != 1 or sum(pv) != tv[0]: err(f'{d}: total {tot} {tv} != parts {sum(pv)}')
for (d, ev), k in SHARED.items():
    m = sum(1 for r in rows if r['doc_id'] == d and r['evidence'] == ev)
    if m != k: err(f'{d}: {m} rows share {ev} (want {k})')
print('rows', len(rows), counts)
print('errors', errors)
sys.exit(1 if errors else 0)
