"""Sanity check for tests/heldout94: the CSV parses, every column value is in its vocabulary,
and every evidence string is a verbatim substring of its document after pinyin-gloss removal
and OpenCC t2s; also that the unit fits the indicator, that the value matches a number in its
evidence (as is, x1e4 or x1e8), that each document has 12-20 rows, that every evidence occurs
exactly once in its document, and (for this set) that donors and recipients are full names from the
province down, that no row has empty recipients, that exactly one page (TRAD_DOC) is Traditional
Chinese (changed by OpenCC t2s) and the other seven are plain Simplified Chinese, that no page carries
pinyin glosses, that years lie in 2016-2022, that every evidence string is a line-internal substring,
that each document is 600-2000 characters long, that every row is program counterpart, that every
donor is one of this set's donor provinces (or a district of 重庆市), that every recipient lies in
西藏自治区 or 新疆维吾尔自治区, that every cumulative row of a 十三五 page is dated 2020 (the only other cumulative row is
y94_06's 2016年以来 total), and that a
Traditional page's evidence does not occur in its raw (unnormalised) text when it holds a converted character.
Run with the project venv (needs opencc):  .venv/bin/python tests/heldout94/check.py
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
TRAD_DOC = 'y94_06'  # the Traditional-Chinese mirror page (日喀则, 黑龙江/吉林)
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
DONORS = {'安徽省', '湖北省', '湖南省', '河南省', '江西省', '山西省', '黑龙江省', '吉林省', '重庆市',
          '重庆市渝北区', '重庆市九龙坡区'}
RECIPIENT_PROVINCES = ('西藏自治区', '新疆维吾尔自治区')
SHISANWU_DOCS = {'y94_02', 'y94_05', 'y94_08'}  # pages whose cumulative rows are 十三五 totals or plans
t2s = opencc.OpenCC('t2s')
s2t = opencc.OpenCC('s2t')

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
assert sorted(docs) == [f'y94_0{i}' for i in range(1, 9)], sorted(docs)
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
    if not re.fullmatch(r'20(1[6-9]|2[0-2])', r['year']): bad('year ' + r['year'])
    if not re.fullmatch(r'\d+', r['value']): bad('value ' + r['value'])
    n = docs[r['doc_id']].count(r['evidence'])
    if n == 0: bad('evidence not in document: ' + r['evidence'])
    elif r['doc_id'] in TWICE_DOCS and n != 2: bad(f'evidence occurs {n} times (want 2 in the doubled page): ' + r['evidence'])
    elif r['doc_id'] not in TWICE_DOCS and n > 1: bad(f'evidence occurs {n} times: ' + r['evidence'])
    if r['unit'] not in UNITS.get(r['indicator'], set()): bad(f'unit {r["unit"]} for {r["indicator"]}')
    if re.fullmatch(r'\d+', r['value']):
        cands = {round(float(x) * k) for x in NUM.findall(r['evidence']) for k in (1, 10**4, 10**8)}
        if int(r['value']) not in cands: bad(f'value {r["value"]} not read from evidence: {r["evidence"]}')
    # every donor and recipient of this set is a government unit written from its province down
    for name in [r['donor']] + [x for x in r['recipients'].split(';') if x]:
        if not name.startswith(PROVINCES) and name not in CENTRAL: bad('not a full official name: ' + name)
    if not r['recipients']: bad('empty recipients (none in this set)')
    if r['status'] == 'target' and r['qualifier'] == 'approx': bad('target with approx')
    if r['program'] != 'counterpart': bad('program not counterpart: ' + r['program'])
    if r['donor'] not in DONORS: bad('donor not of this set: ' + r['donor'])
    for name in [x for x in r['recipients'].split(';') if x]:
        if not name.startswith(RECIPIENT_PROVINCES): bad('recipient outside Tibet/Xinjiang: ' + name)
    if r['doc_id'] in SHISANWU_DOCS and r['period'] == 'cumulative' and r['year'] != '2020':
        bad('十三五 cumulative row not dated 2020')
    if r['period'] == 'cumulative' and r['doc_id'] not in SHISANWU_DOCS and r['doc_id'] != TRAD_DOC:
        bad('cumulative row on a page without one')
    # on the Traditional page, an evidence holding a character that has a Traditional form must not be
    # found verbatim in the raw page (it is read from the normalised text only)
    if r['doc_id'] == TRAD_DOC and s2t.convert(r['evidence']) != r['evidence'] and r['evidence'] in raw[r['doc_id']]:
        bad('Traditional page: evidence found unconverted in raw text')
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
for d in sorted(raw):
    if GLOSS.search(raw[d]):
        errors += 1; print(d + ': unexpected pinyin gloss')
    n = len(re.sub(r'\s', '', raw[d]))
    if not 600 <= n <= 2000:
        errors += 1; print(f'{d}: {n} characters (want 600-2000)')
print('rows', len(rows), counts)
print('errors', errors)
sys.exit(1 if errors else 0)
