"""Sanity check for tests/heldout102 (consumption aid and labour cooperation): the CSV parses, every
column value is in its vocabulary, and every evidence string is a verbatim substring of its document
after pinyin-gloss removal and OpenCC t2s; also that the unit fits the indicator, that the value
matches a number in its evidence (as is, x1e4 or x1e8), that each document has 12-20 rows, that every
evidence occurs exactly once in its document and inside one line, and that each document is 600-2000
characters long. Set-specific checks: donors and recipients are full names from the province down;
recipients are empty only on the one `mixed` row; years lie in 2018-2023; employment rows carry one of
to_donor/local/elsewhere/total as detail; lower_bound/approx rows carry their cue in the evidence;
target/expected rows carry a cue or a year after the report year; contract rows are targets; and the
listed non-row figures (turnover, own e-commerce, prices, rates, stocks, sessions) appear in their
document but in no evidence.
Run with the project venv (needs opencc):  .venv/bin/python tests/heldout102/check.py
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
REPORT_YEAR = {'y102_01': 2020, 'y102_02': 2019, 'y102_03': 2019, 'y102_04': 2020,
               'y102_05': 2018, 'y102_06': 2022, 'y102_07': 2020, 'y102_08': 2019}
EMP_DETAIL = {'to_donor', 'local', 'elsewhere', 'total'}
LOWER = ('以上', '余', '多', '超过', '突破', '不少于', '不低于')
APPROX = ('近', '约', '左右')
TARGET_CUES = ('力争', '计划', '目标', '任务', '确保', '不少于', '不低于', '合同', '签约', '将')
# figures in the text that are not panel rows (see ambiguous.md): each must be in its page and in no evidence
NOT_ROWS = {
    'y102_01': ['410亿元', '6.2%', '4.6元', '12%', '41%', '42趟', '4200元', '109%', '326期', '118场', '6.5万个', '8个展销中心'],
    'y102_02': ['2.4亿元', '35%', '180元', '直营店3家', '17场', '118.7%', '23期'],
    'y102_03': ['680元', '86亿元', '27%', '127.5%', '32场', '8个县市'],
    'y102_04': ['42.6万人', '300元', '4800元', '168期'],
    'y102_05': ['137.5%', '4200吨', '12元', '12.6万单', '42期'],
    'y102_06': ['123.3%', '展销门店46个', '62亿元', '18.6%', '110元', '286期', '68.5万人', '172亿元'],
    'y102_07': ['194%', '360元', '31%', '84期', '26场', '2.8万个'],
    'y102_08': ['600亿元', '6.8元', '15%', '46场', '3.2万个', '项目12个'],
}
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
assert sorted(docs) == [f'y102_0{i}' for i in range(1, 9)], sorted(docs)
seen = set()
for i, r in enumerate(rows, 2):
    def bad(msg):
        global errors
        errors += 1
        print(f'line {i} {r["doc_id"]}: {msg}')
    if r['doc_id'] not in docs: bad('no such document'); continue
    ev = r['evidence']
    if r['indicator'] not in INDICATORS: bad('indicator ' + r['indicator'])
    for c, v in VOCAB.items():
        if r[c] not in v: bad(f'{c} {r[c]}')
    if not re.fullmatch(r'20(1[89]|2[0-3])', r['year']): bad('year ' + r['year'])
    if not re.fullmatch(r'\d+', r['value']): bad('value ' + r['value'])
    n = docs[r['doc_id']].count(ev)
    if n == 0: bad('evidence not in document: ' + ev)
    elif n > 1: bad(f'evidence occurs {n} times: ' + ev)
    if r['unit'] not in UNITS.get(r['indicator'], set()): bad(f'unit {r["unit"]} for {r["indicator"]}')
    if re.fullmatch(r'\d+', r['value']):
        cands = {round(float(x) * k) for x in NUM.findall(ev) for k in (1, 10**4, 10**8)}
        if int(r['value']) not in cands: bad(f'value {r["value"]} not read from evidence: {ev}')
    for name in [r['donor']] + [x for x in r['recipients'].split(';') if x]:
        if not name.startswith(PROVINCES): bad('not a full official name: ' + name)
    if (not r['recipients']) != (r['program'] == 'mixed'): bad('empty recipients only on the mixed row')
    if r['program'] not in {'east_west', 'mixed'}: bad('program ' + r['program'])
    if r['indicator'] == 'employment' and r['detail'] not in EMP_DETAIL: bad('employment detail ' + r['detail'])
    if r['qualifier'] == 'lower_bound' and not any(c in ev for c in LOWER): bad('lower_bound without cue')
    if r['qualifier'] == 'approx' and not any(c in ev for c in APPROX): bad('approx without cue')
    if r['status'] == 'target' and r['qualifier'] == 'approx': bad('target with approx')
    # the sentence holding the evidence (status cues may stand before the figure, conventions: Status)
    sent = next((x for x in re.split(r'[。\n]', docs[r['doc_id']]) if ev in x), ev)
    if r['status'] == 'expected' and '预计' not in sent: bad('expected without 预计 in its sentence')
    if r['status'] == 'target' and int(r['year']) <= REPORT_YEAR[r['doc_id']] and not any(c in sent for c in TARGET_CUES):
        bad('target without cue or later year')
    if int(r['year']) > REPORT_YEAR[r['doc_id']] and r['status'] == 'actual': bad('actual figure for a later year')
    if r['detail'] == 'contract' and r['status'] != 'target': bad('contract row not target')
    if r['period'] == 'cumulative' and not re.search(r'累计|以来|三年', ev): bad('cumulative without cue')
    if not any(ev in line for line in docs[r['doc_id']].split('\n')): bad('evidence not inside one line')
    if '\n' in ev: bad('evidence spans a line break')
    key = tuple(r[c] for c in COLS)
    if key in seen: bad('duplicate row')
    seen.add(key)
counts = {}
for r in rows: counts[r['doc_id']] = counts.get(r['doc_id'], 0) + 1
for d in sorted(docs):
    if not 12 <= counts.get(d, 0) <= 20:
        errors += 1; print(f'{d}: {counts.get(d, 0)} rows (want 12-20)')
    evs = [r['evidence'] for r in rows if r['doc_id'] == d]
    for s in NOT_ROWS.get(d, []):
        if s not in docs[d]:
            errors += 1; print(f'{d}: listed non-row figure missing from page: {s}')
        elif any(s in e for e in evs):
            errors += 1; print(f'{d}: non-row figure used as evidence: {s}')
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
