"""Sanity check for tests/heldout88: the CSV parses, every column value is in its vocabulary,
and every evidence string is a verbatim substring of its document after pinyin-gloss removal
and OpenCC t2s; also that the unit fits the indicator, that the value matches a number in its
evidence (as is, x1e4 or x1e8), that each document has 12-20 rows, that every evidence occurs
exactly once in its document (exactly twice in the page saved twice), and (for this set) that donors
and recipients are full names from the province down or one of the named central units, that no row
has empty recipients, that only the Traditional mirror page (y88_04) is changed by normalisation,
that the page saved twice (y88_05) really is one text block, junk lines, the same block again,
that central SOEs' money is social_aid/soe and the ministry's is fiscal_aid, that the program of
every row matches its page (designated for central 定点帮扶, counterpart for 援疆/援藏/援青 and the
SOE's 援藏), that no donor is a set of units, that years lie in 2016-2021, that every evidence string
is a line-internal substring, and that each document is 600-2000 characters long.
Run with the project venv (needs opencc):  .venv/bin/python tests/heldout88/check.py
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
# y88_05 is one page saved twice on the same file: every evidence occurs exactly twice there
TWICE_DOCS = {'y88_05'}
TRAD_DOC = 'y88_04'  # Traditional-character mirror repost
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
# central units are donors named as themselves (no province prefix)
CENTRAL_MINISTRY = {'农业农村部'}
CENTRAL_SOE = {'中国石油化工集团有限公司', '国家开发银行'}  # a central enterprise and a state (policy) bank
CENTRAL = CENTRAL_MINISTRY | CENTRAL_SOE
# the program every row of a page carries
PROGRAM = {'y88_01': 'designated', 'y88_02': 'counterpart', 'y88_03': 'designated', 'y88_04': 'counterpart',
           'y88_05': 'counterpart', 'y88_06': 'counterpart', 'y88_07': 'counterpart', 'y88_08': 'counterpart'}
MONEY = {'fiscal_aid', 'social_aid'}
t2s = opencc.OpenCC('t2s')

def normalise(text):
    text = GLOSS.sub(lambda m: '' if any(c in TONE for c in m.group(1)) else m.group(0), text)
    return t2s.convert(text)

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
assert sorted(docs) == [f'y88_0{i}' for i in range(1, 9)], sorted(docs)
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
    if not re.fullmatch(r'20(1[6-9]|2[01])', r['year']): bad('year ' + r['year'])
    if not re.fullmatch(r'\d+', r['value']): bad('value ' + r['value'])
    n = docs[r['doc_id']].count(r['evidence'])
    if n == 0: bad('evidence not in document: ' + r['evidence'])
    elif r['doc_id'] in TWICE_DOCS and n != 2: bad(f'evidence occurs {n} times (want 2 in the doubled page): ' + r['evidence'])
    elif r['doc_id'] not in TWICE_DOCS and n > 1: bad(f'evidence occurs {n} times: ' + r['evidence'])
    if r['unit'] not in UNITS.get(r['indicator'], set()): bad(f'unit {r["unit"]} for {r["indicator"]}')
    if re.fullmatch(r'\d+', r['value']):
        cands = {round(float(x) * k) for x in NUM.findall(r['evidence']) for k in (1, 10**4, 10**8)}
        if int(r['value']) not in cands: bad(f'value {r["value"]} not read from evidence: {r["evidence"]}')
    # every donor and recipient is a government unit written from its province down, or a central unit
    for name in [r['donor']] + [x for x in r['recipients'].split(';') if x]:
        if not name.startswith(PROVINCES) and name not in CENTRAL: bad('not a full official name: ' + name)
    for name in [x for x in r['recipients'].split(';') if x]:
        if name in CENTRAL: bad('central unit as recipient: ' + name)
    if re.search(r'[、;，,]', r['donor']): bad('set-valued donor (credit the common parent): ' + r['donor'])
    if not r['recipients']: bad('empty recipients (none in this set)')
    if r['status'] == 'target' and r['qualifier'] == 'approx': bad('target with approx')
    if r['program'] != PROGRAM.get(r['doc_id']): bad(f'program {r["program"]} (page is {PROGRAM.get(r["doc_id"])})')
    # money of central SOEs (incl. the state bank) is social_aid/soe; of a ministry fiscal_aid
    if r['donor'] in CENTRAL_SOE and r['indicator'] in MONEY and (r['indicator'] != 'social_aid' or r['detail'] != 'soe'):
        bad('central SOE money must be social_aid with detail soe')
    if r['donor'] in CENTRAL_MINISTRY and r['indicator'] == 'social_aid': bad('ministry money must be fiscal_aid')
    if r['detail'] == 'soe' and r['donor'] not in CENTRAL_SOE: bad('detail soe for a non-SOE donor')
    if r['doc_id'] in docs and not any(r['evidence'] in line for line in docs[r['doc_id']].split('\n')):
        bad('evidence not inside one line')
    if '\n' in r['evidence']: bad('evidence spans a line break')
    key = tuple(r[c] for c in COLS)
    if key in seen: bad('duplicate row')
    seen.add(key)
counts = {}
for r in rows: counts[r['doc_id']] = counts.get(r['doc_id'], 0) + 1
for d in sorted(docs):
    if not 12 <= counts.get(d, 0) <= 20:
        errors += 1; print(f'{d}: {counts.get(d, 0)} rows (want 12-20)')
for d in sorted(raw):
    trad = raw[d] != docs[d]
    if trad != (d == TRAD_DOC):
        errors += 1; print(f'{d}: Traditional/Simplified status unexpected (changed by normalisation: {trad})')
# the doubled page: block + junk lines + the same block again (the second copy starts at the repeated headline)
for d in sorted(TWICE_DOCS):
    lines = docs[d].rstrip('\n').split('\n')
    starts = [k for k, line in enumerate(lines) if line == lines[0]]
    if len(starts) != 2:
        errors += 1; print(f'{d}: headline occurs {len(starts)} times (want 2)'); continue
    second = lines[starts[1]:]
    first, junk = lines[:len(second)], lines[len(second):starts[1]]
    if first != second:
        errors += 1; print(f'{d}: the two copies differ')
    if not [j for j in junk if j.strip()]:
        errors += 1; print(f'{d}: no junk lines between the copies')
    for r in rows:
        if r['doc_id'] == d and any(r['evidence'] in j for j in junk):
            errors += 1; print(f'{d}: evidence inside the junk lines: {r["evidence"]}')
# set features that must be present
def has(pred, what):
    global errors
    if not any(pred(r) for r in rows):
        errors += 1; print('missing set feature: ' + what)
line_of = lambda r: next((l for l in docs[r['doc_id']].split('\n') if r['evidence'] in l), '')
has(lambda r: r['period'] == 'cumulative' and '十三五' in line_of(r), 'a 十三五以来 cumulative figure')
has(lambda r: r['status'] == 'target' and '计划' in line_of(r), 'a 计划 target')
has(lambda r: r['donor'] in CENTRAL_MINISTRY, 'a ministry donor')
has(lambda r: r['donor'] in CENTRAL_SOE, 'a central SOE donor')
for d in sorted(raw):
    if GLOSS.search(raw[d]):
        errors += 1; print(d + ': unexpected pinyin gloss')
    n = len(re.sub(r'\s', '', raw[d]))
    if not 600 <= n <= 2000:
        errors += 1; print(f'{d}: {n} characters (want 600-2000)')
print('rows', len(rows), counts)
print('errors', errors)
sys.exit(1 if errors else 0)
