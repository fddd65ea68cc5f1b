"""Sanity check for tests/heldout96: the CSV parses, every column value is in its vocabulary,
and every evidence string is a verbatim substring of its document after pinyin-gloss removal
and OpenCC t2s; also that the unit fits the indicator, that the value matches a number in its
evidence (as is, x1e4 or x1e8), that each document has 12-20 rows, that every evidence occurs
exactly once in its document, and (for this set) that donors and recipients are full names from the
province down, that no row has empty recipients, that all eight pages are plain Simplified Chinese
without pinyin glosses (normalisation changes none of them), that years lie in 2015-2024, that every
evidence string is a line-internal substring, and that each document is 600-2000 characters long.
Run with the project venv (needs opencc):  .venv/bin/python tests/heldout96/check.py
Set-specific (status and period scopes): each row's status must agree with the last scope marker
before the end of its evidence in its sentence (sentence = text between 。！？ or line breaks):
预计 after the last done-marker -> expected; else a plan cue after the last done-marker, or a year
later than the report's year in that stretch -> target; else actual. Listed non-cue phrases (将 as 把,
争取到, 计划 naming a past plan) are masked first. Annual actual/expected rows carry the report's
year, target rows a year not before it, cumulative rows the report's year and a 累计/以来/三年来 in
their sentence; no evidence holds a percentage.
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
REPORT_YEAR = {'y96_01': 2020, 'y96_02': 2019, 'y96_03': 2022, 'y96_04': 2023,
               'y96_05': 2018, 'y96_06': 2019, 'y96_07': 2021, 'y96_08': 2022}
CUES = ('将', '计划', '拟', '力争', '确保', '争取', '目标', '不少于', '下一步', '明年', '协议', '约定')
DONE = ('已', '实现了', '实际', '完成了')
# phrases where a cue word is not a cue (conventions.md, Status): 将 as 把, 争取到, a past plan's amount
NOT_CUES = ('黄埔区将年中', '争取到', '列入2019年度计划的', '区级计划内')
SENT = re.compile(r'[^。！？\n]+')

def scope_status(doc, ev, ryear):
    """status implied by the last scope marker before the end of ev in its sentence"""
    for m in SENT.finditer(doc):
        s = m.group(0)
        k = s.find(ev)
        if k < 0: continue
        head = s[:k + len(ev)]
        for nc in NOT_CUES: head = head.replace(nc, '＃' * len(nc))
        done = max([head.rfind(x) for x in DONE] + [-1])
        rest = head[done + 1:]
        if '预计' in rest: return 'expected', s
        if any(c in rest for c in CUES): return 'target', s
        if any(int(y) > ryear for y in re.findall(r'(20[12]\d)年', rest)): return 'target', s
        return 'actual', s
    return None, ''

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
assert sorted(docs) == [f'y96_0{i}' for i in range(1, 9)], sorted(docs)
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
    if not re.fullmatch(r'20(1[5-9]|2[0-4])', r['year']): bad('year ' + r['year'])
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
    if r['doc_id'] in docs and not any(r['evidence'] in line for line in docs[r['doc_id']].split('\n')):
        bad('evidence not inside one line')
    if '\n' in r['evidence']: bad('evidence spans a line break')
    if r['doc_id'] in docs and re.fullmatch(r'\d{4}', r['year']):
        ry, yr = REPORT_YEAR[r['doc_id']], int(r['year'])
        st, sent = scope_status(docs[r['doc_id']], r['evidence'], ry)
        if st != r['status']: bad(f'status {r["status"]} but scope reading gives {st}: {sent}')
        if r['status'] in ('actual', 'expected') and r['period'] == 'annual' and yr != ry: bad(f'annual {r["status"]} year {yr} != report year {ry}')
        if r['status'] == 'target' and yr < ry: bad(f'target year {yr} before report year {ry}')
        if r['period'] == 'cumulative':
            if yr != ry: bad(f'cumulative year {yr} != report year {ry}')
            if not re.search('累计|以来|三年来', sent): bad('cumulative row without 累计/以来/三年来 in its sentence')
        elif re.search('累计', sent) and not re.search(r'\d+—\d+月|年初|今年', sent):
            bad('annual row in a 累计 sentence with no within-year span')
    if '%' in r['evidence'] or '％' in r['evidence']: bad('evidence holds a percentage')
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
