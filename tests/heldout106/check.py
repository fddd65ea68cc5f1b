"""Sanity check for tests/heldout106: the CSV parses, every column value is in its vocabulary,
and every evidence string is a verbatim substring of its document after pinyin-gloss removal
and OpenCC t2s; also that the unit fits the indicator, that the value matches a number in its
evidence (as is, x1e4 or x1e8), that each document has 12-20 rows, that every evidence occurs
exactly once in its document and inside one line, and that each document is 600-2000 characters.
Set-specific checks (press conferences, interviews, speeches):
- donors and recipients are full names from the province down; only the one program=mixed row
  (a total over all of Shanghai's unnamed 对口地区) has empty recipients;
- the program of each document (east_west / counterpart; y106_05 carries all three kinds);
- speaker attribution: a row whose evidence sits in a speaker's turn has a donor (and recipient)
  allowed for the unit that speaker speaks for (我省/我市/我县/我们 = that unit);
- figures restated in a reporter's question or a later answer appear twice in the text but have
  exactly one gold row; aggregates and non-aid figures of each page are not gold values;
- qualifier agrees with the markers in the evidence; target rows carry a cue in their sentence
  and a year not before the report year; actual rows a year not after it; expected rows 预计;
- 各 rows (one per recipient) share evidence and value;
- no page is changed by normalisation or carries glosses; years 2015-2024.
Run with the project venv (needs opencc):  .venv/bin/python tests/heldout106/check.py
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
WEST = tuple('四川省 贵州省 云南省 陕西省 甘肃省 青海省 西藏自治区 宁夏回族自治区 新疆维吾尔自治区'.split())
NUM = re.compile(r'\d+(?:\.\d+)?')
t2s = opencc.OpenCC('t2s')

REPORT_YEAR = {'y106_01': 2020, 'y106_02': 2019, 'y106_03': 2022, 'y106_04': 2022,
               'y106_05': 2023, 'y106_06': 2018, 'y106_07': 2021, 'y106_08': 2023}
PROGRAMS = {'y106_01': {'east_west'}, 'y106_02': {'east_west'}, 'y106_03': {'counterpart'},
            'y106_04': {'east_west'}, 'y106_05': {'east_west', 'counterpart', 'mixed'},
            'y106_06': {'east_west'}, 'y106_07': {'east_west'}, 'y106_08': {'counterpart'}}
HT = '新疆维吾尔自治区和田地区'
# speaker marker (searched backwards from the evidence line) -> allowed donors, allowed recipient prefixes
SPEAKERS = {
    'y106_01': [('田茂林', {'江苏省苏州市张家港市'}, ('贵州省铜仁市沿河土家族自治县',)),
                ('陈立新', {'江苏省苏州市'}, ('贵州省铜仁市',)),
                ('杨华', {'江苏省苏州市'}, ('贵州省铜仁市',))],
    'y106_02': [('罗建华', {'浙江省', '广东省'}, ('四川省',)),
                ('何志强', {'广东省佛山市'}, ('四川省凉山彝族自治州',)),
                ('王晓明', {'浙江省湖州市安吉县', '浙江省湖州市'}, ('四川省广元市',))],
    'y106_05': [('援疆前方指挥部副总指挥', {'上海市'}, ('新疆维吾尔自治区喀什地区',)),
                ('援滇干部联络组领队', {'上海市'}, ('云南省',)),
                ('合作交流办主任', {'上海市'}, ('云南省', '西藏自治区日喀则市', '青海省果洛藏族自治州', ''))],
    'y106_08': [('阿卜杜拉', {'天津市'}, (HT + '于田县',)),
                ('张宏', {'天津市'}, (HT,)),
                ('艾克拜尔', {'北京市', '天津市'}, (HT,))],
}
# figures said twice (statement + restatement in a question or a later turn): ONE gold row each
RESTATED = {'y106_01': [('19.6亿元', 1960000000)], 'y106_02': [('6.8亿元', 680000000), ('5.1万', 51000)],
            'y106_05': [('23.7亿元', 2370000000)], 'y106_06': [('1.86亿元', 186000000)],
            'y106_08': [('16.2亿元', 1620000000)]}
# stated figures that are not rows (aggregates over donors, mixed counts, recipient stock, rates,
# averages, facilities, job fairs, not-poor jobs, goods pieces): never a gold value in that document
NOT_ROWS = {'y106_01': [26, 5, 12, 6800, 10],
            'y106_02': [3260000000, 2426, 31, 15000000, 48, 1036000, 203000],
            'y106_03': [12000, 100, 91],
            'y106_04': [50000000, 15337, 26],
            'y106_05': [100, 92, 20],
            'y106_06': [4, 45],
            'y106_07': [16, 7],
            'y106_08': [4780000000, 95]}
EACH = {'y106_05': 4, 'y106_06': 4}  # documents with one 各 list: rows sharing that evidence
LOWER = re.compile(r'(超过|突破|不少于|不低于)\d|\d(?:\.\d+)?(?:万|亿)?(余|多)|\d[^，、。\d]*以上')
APPROX = re.compile(r'(近|约)\d|\d[^，、。\d]*左右')
TARGET_CUES = ('将', '计划', '力争', '确保', '要', '明年', '下一步', '目标')

def normalise(text):
    text = GLOSS.sub(lambda m: '' if any(c in TONE for c in m.group(1)) else m.group(0), text)
    return t2s.convert(text)

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
assert sorted(docs) == [f'y106_0{i}' for i in range(1, 9)], sorted(docs)
seen = set()

def sentence_of(text, ev):
    i = text.find(ev)
    start = max(text.rfind(c, 0, i) for c in '。；\n：') + 1
    ends = [j for j in (text.find(c, i + len(ev)) for c in '。；\n') if j >= 0]
    return text[start:min(ends) if ends else len(text)]

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
    if not re.fullmatch(r'20(1[5-9]|2[0-4])', r['year']): bad('year ' + r['year'])
    if not re.fullmatch(r'\d+', r['value']): bad('value ' + r['value'])
    n = text.count(r['evidence'])
    if n == 0: bad('evidence not in document: ' + r['evidence'])
    elif n > 1: bad(f'evidence occurs {n} times: ' + r['evidence'])
    if r['unit'] not in UNITS.get(r['indicator'], set()): bad(f'unit {r["unit"]} for {r["indicator"]}')
    if re.fullmatch(r'\d+', r['value']):
        cands = {round(float(x) * k) for x in NUM.findall(r['evidence']) for k in (1, 10**4, 10**8)}
        if int(r['value']) not in cands: bad(f'value {r["value"]} not read from evidence: {r["evidence"]}')
    recs = [x for x in r['recipients'].split(';') if x]
    if not r['donor'].startswith(PROVINCES) or r['donor'].startswith(WEST): bad('donor not an eastern full name: ' + r['donor'])
    for name in recs:
        if not name.startswith(WEST): bad('recipient not a western full name: ' + name)
    if not recs and r['program'] != 'mixed': bad('empty recipients outside the mixed total')
    if r['program'] not in PROGRAMS[d]: bad(f'program {r["program"]} unexpected in {d}')
    if r['status'] == 'target' and r['qualifier'] == 'approx': bad('target with approx')
    ev = r['evidence']
    if r['qualifier'] == 'lower_bound' and not LOWER.search(ev): bad('lower_bound without marker')
    if r['qualifier'] == 'approx' and not APPROX.search(ev): bad('approx without marker')
    if r['qualifier'] == 'exact' and (LOWER.search(ev) or APPROX.search(ev)): bad('exact with a qualifier marker')
    y, ry = int(r['year']), REPORT_YEAR[d]
    if r['status'] == 'target':
        if y < ry: bad('target year before report year')
        if not any(c in sentence_of(text, ev) for c in TARGET_CUES): bad('target without cue in its sentence')
    if r['status'] == 'actual' and y > ry: bad('actual year after report year')
    if r['status'] == 'expected' and '预计' not in ev: bad('expected without 预计')
    if r['status'] != 'expected' and '预计' in sentence_of(text, ev): bad('预计 in the sentence but status not expected')
    if r['period'] == 'cumulative' and '累计' not in ev: bad('cumulative without 累计')
    if not any(ev in line for line in text.split('\n')): bad('evidence not inside one line')
    if '\n' in ev: bad('evidence spans a line break')
    if d in SPEAKERS and n:
        lines = text.split('\n')
        li = next(k for k, line in enumerate(lines) if ev in line)
        pos = lines[li].find(ev)
        found = None
        for k in range(li, -1, -1):
            seg = lines[k][:pos] if k == li else lines[k]
            hits = [(seg.rfind(m), m, dn, rc) for m, dn, rc in SPEAKERS[d] if m in seg]
            if hits:
                found = max(hits); break
        if not found: bad('no speaker found for ' + ev)
        else:
            _, m, dn, rc = found
            if r['donor'] not in dn: bad(f'donor {r["donor"]} not allowed in the turn of {m}')
            for name in (recs or ['']):
                if not any(name.startswith(p) if p else name == '' for p in rc):
                    bad(f'recipient {name} not allowed in the turn of {m}')
    key = tuple(r[c] for c in COLS)
    if key in seen: bad('duplicate row')
    seen.add(key)

counts = {}
for r in rows: counts[r['doc_id']] = counts.get(r['doc_id'], 0) + 1
for d in sorted(docs):
    if not 12 <= counts.get(d, 0) <= 20:
        errors += 1; print(f'{d}: {counts.get(d, 0)} rows (want 12-20)')
for d, items in RESTATED.items():
    for s, v in items:
        if docs[d].count(s) < 2:
            errors += 1; print(f'{d}: restated figure {s} is not said twice')
        k = sum(1 for r in rows if r['doc_id'] == d and int(r['value']) == v)
        if k != 1:
            errors += 1; print(f'{d}: restated figure {s} has {k} gold rows (want 1)')
for d, vals in NOT_ROWS.items():
    for v in vals:
        if any(r['doc_id'] == d and int(r['value']) == v for r in rows):
            errors += 1; print(f'{d}: non-row figure {v} appears as a gold value')
for d, k in EACH.items():
    by_ev = {}
    for r in rows:
        if r['doc_id'] == d and '各' in r['evidence']:
            by_ev.setdefault(r['evidence'], []).append(r)
    if len(by_ev) != 1 or len(next(iter(by_ev.values()))) != k:
        errors += 1; print(f'{d}: want one 各 evidence with {k} rows, got {[(e, len(v)) for e, v in by_ev.items()]}')
    else:
        grp = next(iter(by_ev.values()))
        if len({r['value'] for r in grp}) != 1 or len({r['recipients'] for r in grp}) != k:
            errors += 1; print(f'{d}: 各 rows must share the value and differ in recipient')
for d in sorted(raw):
    if raw[d] != docs[d]:
        errors += 1; print(f'{d}: changed by normalisation (this set is all Simplified)')
    if GLOSS.search(raw[d]):
        errors += 1; print(d + ': unexpected pinyin gloss')
    n = len(re.sub(r'\s', '', raw[d]))
    if not 600 <= n <= 2000:
        errors += 1; print(f'{d}: {n} characters (want 600-2000)')
print('rows', len(rows), counts)
print('errors', errors)
sys.exit(1 if errors else 0)
