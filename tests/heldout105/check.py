"""Sanity check for tests/heldout105 (social aid and its givers): the CSV parses, every column value
is in its vocabulary, and every evidence string is a verbatim substring of its document after
pinyin-gloss removal and OpenCC t2s; the unit fits the indicator; the value matches a number in its
evidence (as is, x1e4 or x1e8); each document has 12-20 rows and 600-2000 characters; every evidence
occurs exactly once in its document and inside one line.
Set-specific checks: donors and recipients are full names from the province down (or the one central
SOE of the set); no recipients are empty; no page is changed by normalisation or carries glosses; years
lie in 2017-2022; social_aid rows carry a detail from the set's giver/form vocabulary; pledge rows are
targets and pledged sums (认捐/签约捐赠/协议捐赠) carry detail pledge; soe rows (and only they) have a central donor; expected rows carry 预计 in their sentence; every
document has at least 5 social_aid rows and at least one non-social row; and the listed non-row figures
(registered capital, sales, charities' overall totals, goods pieces, donor counts, recipients' own money)
are present in the page, inside no evidence (goods pieces excepted) and the value of no row.
Run with the project venv (needs opencc):  .venv/bin/python tests/heldout105/check.py
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
NUM = re.compile(r'\d+(?:\.\d+)?')
CENTRAL = {'中国华电集团有限公司'}
SOCIAL_DETAIL = {'', 'money', 'goods', 'pledge', 'enterprise', 'charity', 'red_cross', 'chamber', 'individual', 'soe'}
# figures on the page that are NOT rows: each string must be in the page, no row of that page may carry
# its number as value (as is, x1e4 or x1e8), and it may sit inside no evidence, except the goods-piece
# counts in PIECES, which stand inside the evidence of the valued goods row they belong to
NOT_ROWS = {
    'y105_01': ['1.2万人次', '8.6万件', '注册资本1.5亿元', '销售收入9.8亿元', '约23亿元', '3个扶贫车间'],
    'y105_02': ['42家企业', '总投资5.8亿元', '1.2万余人次', 'CT设备一台'],
    'y105_03': ['9.6亿元', '88个贫困县', '120万只', '23万人次'],
    'y105_04': ['15亿元', '20名优秀学生', '7个区县'],
    'y105_05': ['配套资金1500万元', '5000亩', '超过60亿元', '600万株'],
    'y105_06': ['38.6亿元', '8.7万人次', '126亿元'],
    'y105_07': ['4.3亿元', '5600余人', '12万册', '8辆'],
    'y105_08': ['注册资本8亿元', '1.1万套', '1996年'],
}
PIECES = {'CT设备一台', '120万只', '600万株', '8辆'}
t2s = opencc.OpenCC('t2s')

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
assert sorted(docs) == [f'y105_0{i}' for i in range(1, 9)], sorted(docs)
seen = set()
for i, r in enumerate(rows, 2):
    def bad(msg):
        global errors
        errors += 1
        print(f'line {i} {r["doc_id"]}: {msg}')
    if r['doc_id'] not in docs: bad('no such document'); continue
    doc = docs[r['doc_id']]
    if r['indicator'] not in INDICATORS: bad('indicator ' + r['indicator'])
    for c, v in VOCAB.items():
        if r[c] not in v: bad(f'{c} {r[c]}')
    if not re.fullmatch(r'20(1[7-9]|2[0-2])', r['year']): bad('year ' + r['year'])
    if not re.fullmatch(r'\d+', r['value']): bad('value ' + r['value'])
    n = doc.count(r['evidence'])
    if n == 0: bad('evidence not in document: ' + r['evidence'])
    elif n > 1: bad(f'evidence occurs {n} times: ' + r['evidence'])
    if r['unit'] not in UNITS.get(r['indicator'], set()): bad(f'unit {r["unit"]} for {r["indicator"]}')
    if re.fullmatch(r'\d+', r['value']):
        cands = {round(float(x) * k) for x in NUM.findall(r['evidence']) for k in (1, 10**4, 10**8)}
        if int(r['value']) not in cands: bad(f'value {r["value"]} not read from evidence: {r["evidence"]}')
    for name in [r['donor']] + [x for x in r['recipients'].split(';') if x]:
        if not name.startswith(PROVINCES) and name not in CENTRAL: bad('not a full official name: ' + name)
    if not r['recipients']: bad('empty recipients (none in this set)')
    if r['status'] == 'target' and r['qualifier'] == 'approx': bad('target with approx')
    if not any(r['evidence'] in line for line in doc.split('\n')): bad('evidence not inside one line')
    if '\n' in r['evidence']: bad('evidence spans a line break')
    if r['indicator'] == 'social_aid' and r['detail'] not in SOCIAL_DETAIL: bad('social_aid detail ' + r['detail'])
    if r['detail'] == 'pledge' and r['status'] != 'target': bad('pledge row not a target')
    if r['indicator'] == 'social_aid' and re.search('认捐|签约捐赠|协议捐赠', r['evidence']) and r['detail'] != 'pledge':
        bad('pledged sum without detail pledge')
    if (r['detail'] == 'soe') != (r['donor'] in CENTRAL): bad('soe detail and central donor disagree')
    if r['status'] == 'expected':
        line = next((l for l in doc.split('\n') if r['evidence'] in l), '')
        sent = [s for s in re.split(r'[。；]', line) if r['evidence'] in s]
        if not sent or '预计' not in sent[0]: bad('expected row without 预计 in its sentence')
    for s in NOT_ROWS.get(r['doc_id'], []):
        if s in r['evidence'] and s not in PIECES: bad('evidence holds a non-row figure: ' + s)
        if int(r['value'] or 0) in {round(float(x) * k) for x in NUM.findall(s) for k in (1, 10**4, 10**8)}:
            bad('value equals a non-row figure: ' + s)
    key = tuple(r[c] for c in COLS)
    if key in seen: bad('duplicate row')
    seen.add(key)
for d, strs in NOT_ROWS.items():
    for s in strs:
        if s not in docs.get(d, ''):
            errors += 1; print(f'{d}: non-row figure not in page: {s}')
counts = {}
for r in rows: counts[r['doc_id']] = counts.get(r['doc_id'], 0) + 1
for d in sorted(docs):
    if not 12 <= counts.get(d, 0) <= 20:
        errors += 1; print(f'{d}: {counts.get(d, 0)} rows (want 12-20)')
    ind = [r['indicator'] for r in rows if r['doc_id'] == d]
    if ind.count('social_aid') < 5 or all(x == 'social_aid' for x in ind):
        errors += 1; print(f'{d}: wants >=5 social_aid rows and some other rows')
for d in sorted(raw):
    if raw[d] != docs[d]:
        errors += 1; print(f'{d}: changed by normalisation (all pages of this set are Simplified)')
    if GLOSS.search(raw[d]):
        errors += 1; print(d + ': unexpected pinyin gloss')
    n = len(re.sub(r'\s', '', raw[d]))
    if not 600 <= n <= 2000:
        errors += 1; print(f'{d}: {n} characters (want 600-2000)')
print('rows', len(rows), counts)
print('errors', errors)
sys.exit(1 if errors else 0)
