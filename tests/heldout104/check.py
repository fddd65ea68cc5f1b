"""Sanity check for tests/heldout104: the CSV parses, every column value is in its vocabulary,
and every evidence string is a verbatim substring of its document after pinyin-gloss removal
and OpenCC t2s; also that the unit fits the indicator, that the value matches a number in its
evidence (as is, x1e4 or x1e8), that each document has 12-20 rows, that every evidence occurs
exactly once in its document and inside one line, and that each document is 600-2000 characters.
Set-specific checks (recipient-side county/prefecture pages about one eastern partner):
donors and recipients are full names from the province down; no recipients are empty; every
page names its partner (short or full name) in the headline or lead (first five lines); each
row's donor is the page partner or a listed parent/other unit of that page; each row's recipient
is the page's recipient or one of its listed sub-units/parents; the county's own statistics and
other listed non-row figures are not the value of any row of their page; years lie in 2018-2020
(reports 2018-2020, plus next-year targets); no page is changed by normalisation.
Run with the project venv (needs opencc):  /work/main/.venv/bin/python tests/heldout104/check.py
Does not import or run anything from the project itself."""
import csv, re, sys, pathlib
import opencc

HERE = pathlib.Path(__file__).resolve().parent
PREFIX = 'y104'
COLS = 'doc_id,donor,recipients,program,year,period,status,indicator,value,unit,qualifier,detail,evidence'.split(',')
INDICATORS = {'fiscal_aid', 'social_aid', 'investment', 'consumption_aid', 'cadres_sent', 'professionals_sent',
              'cadres_received', 'professionals_received', 'trained', 'poor_beneficiaries', 'employment',
              'enterprises', 'projects', 'pairings'}
VOCAB = {'program': {'east_west', 'counterpart', 'designated', 'mixed'},
         'period': {'annual', 'cumulative'}, 'status': {'actual', 'target', 'expected'},
         'unit': {'yuan', 'person', 'person_time', 'household', 'count'},
         'qualifier': {'exact', 'approx', 'lower_bound'}}
EMP_DETAIL = {'to_donor', 'local', 'elsewhere', 'total'}
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
t2s = opencc.OpenCC('t2s')

# per page: (short names of the partner that must appear in the first five lines,
#            allowed donors, allowed recipients (single names), figures that are NOT rows)
PAGES = {
    'y104_01': (('和平',), {'天津市和平区', '天津市'}, {'甘肃省白银市靖远县'},
                ['1.13万人', '3260人', '0.84%', '6.8%', '2.6亿元', '31.4亿元', '190人次', '8期', '1260人', '5场', '3200余个', '420座']),
    'y104_02': (('张家港',), {'江苏省苏州市张家港市'}, {'贵州省铜仁市沿河土家族自治县'},
                ['2.1万人', '1.2%', '9.1%', '2100万元', '14个', '11场']),
    'y104_03': (('福州', '福定'), {'福建省福州市'},
                {'甘肃省定西市', '甘肃省定西市通渭县', '甘肃省定西市岷县', '甘肃省定西市漳县'},
                ['286.5亿元', '18.3亿元', '18.6%', '100%']),
    'y104_04': (('大连',), {'辽宁省大连市'}, {'贵州省六盘水市六枝特区'},
                ['1.2万人', '11.2%', '21批次']),
    'y104_05': (('厦',), {'福建省厦门市'},
                {'甘肃省临夏回族自治州', '甘肃省临夏回族自治州东乡族自治县',
                 '甘肃省临夏回族自治州积石山保安族东乡族撒拉族自治县'},
                ['8.9万人', '11.7亿元', '76个', '3800元']),
    'y104_06': (('广州',), {'广东省广州市'}, {'贵州省毕节市赫章县'},
                ['2.06万人', '34.2%', '8920万元', '9个']),
    'y104_07': (('珠海',), {'广东省珠海市'}, {'云南省怒江傈僳族自治州贡山独龙族怒族自治县'},
                ['46.6%', '8.2%', '560万元', '3500元', '1320名']),
    'y104_08': (('昆山', '昆碧'), {'江苏省苏州市昆山市', '江苏省苏州市'}, {'贵州省铜仁市碧江区', '贵州省铜仁市'},
                ['1.96%', '185亿元', '1900户', '30万元', '80元']),
}

def normalise(text):
    text = GLOSS.sub(lambda m: '' if any(c in TONE for c in m.group(1)) else m.group(0), text)
    return t2s.convert(text)

def base_values(s):
    return {round(float(x) * k) for x in NUM.findall(s) for k in (1, 10**4, 10**8)}

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
assert sorted(docs) == [f'{PREFIX}_0{i}' for i in range(1, 9)], sorted(docs)
assert sorted(PAGES) == sorted(docs)
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
    if not re.fullmatch(r'20(1[89]|20)', r['year']): bad('year ' + r['year'])
    if not re.fullmatch(r'\d+', r['value']): bad('value ' + r['value'])
    n = docs[r['doc_id']].count(r['evidence'])
    if n == 0: bad('evidence not in document: ' + r['evidence'])
    elif n > 1: bad(f'evidence occurs {n} times: ' + r['evidence'])
    if r['unit'] not in UNITS.get(r['indicator'], set()): bad(f'unit {r["unit"]} for {r["indicator"]}')
    if re.fullmatch(r'\d+', r['value']) and int(r['value']) not in base_values(r['evidence']):
        bad(f'value {r["value"]} not read from evidence: {r["evidence"]}')
    for name in [r['donor']] + [x for x in r['recipients'].split(';') if x]:
        if not name.startswith(PROVINCES): bad('not a full official name: ' + name)
    if not r['recipients']: bad('empty recipients (none in this set)')
    if r['status'] == 'target' and r['qualifier'] == 'approx': bad('target with approx')
    if r['indicator'] == 'employment' and r['detail'] not in EMP_DETAIL: bad('employment detail ' + r['detail'])
    if r['program'] != 'east_west': bad('program (all east_west in this set)')
    if r['doc_id'] in docs and not any(r['evidence'] in line for line in docs[r['doc_id']].split('\n')):
        bad('evidence not inside one line')
    if '\n' in r['evidence']: bad('evidence spans a line break')
    short, donors, recips, _ = PAGES[r['doc_id']]
    if r['donor'] not in donors: bad('donor not allowed for this page: ' + r['donor'])
    for x in r['recipients'].split(';'):
        if x and x not in recips: bad('recipient not allowed for this page: ' + x)
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
    short, donors, recips, nonrows = PAGES[d]
    head = '\n'.join(docs[d].split('\n')[:5])
    if not any(s in head for s in short):
        errors += 1; print(f'{d}: partner {short} not named in headline/lead')
    vals = {int(r['value']) for r in rows if r['doc_id'] == d}
    for s in nonrows:
        if docs[d].count(s) < 1:
            errors += 1; print(f'{d}: non-row figure not in page: {s}')
        k = 10**4 if '万' in s else 10**8 if '亿' in s else 1
        hit = {float(x) * k for x in NUM.findall(s)}
        if any(abs(h - v) < 1e-6 for h in hit for v in vals):
            errors += 1; print(f'{d}: non-row figure {s} is the value of a row')
print('rows', len(rows), counts)
print('errors', errors)
sys.exit(1 if errors else 0)
