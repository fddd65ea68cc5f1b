"""Sanity check for tests/heldout79: the CSV parses, every column value is in its vocabulary,
and every evidence string is a verbatim substring of its document after pinyin-gloss removal
and OpenCC t2s; also that the unit fits the indicator, that the value matches a number in its
evidence (as is, x1e4 or x1e8; thousands separators such as 1,970 are read as one number and
Chinese-numeral figures such as 七千六百五十万 or 一亿二千六百万 are converted, as q79_05 writes them), that each document has 12-20 rows, that every evidence occurs
exactly once in its document, and (for this set) that donors and recipients are full names from the
province down, that no row has empty recipients, that q79_06 is a Traditional-Chinese page carrying
pinyin glosses (and the other seven are plain Simplified), that years lie in 2015-2024 (2025 only for a target) and that every
evidence string is a line-internal substring.
Run with the project venv (needs opencc):  .venv/bin/python tests/heldout79/check.py
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
TRAD_DOC = 'q79_06'
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
SEP = re.compile(r'(?<=\d),(?=\d{3}(?!\d))')  # thousands separator inside a figure: 1,970 -> 1970
CNUM = re.compile(r'[零〇一二两三四五六七八九十百千万亿]+')
CD = {'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
CU = {'十': 10, '百': 100, '千': 1000}

def cn_value(run):
    """Value of a Chinese numeral run (一千零八十 -> 1080, 七千六百五十万 -> 76500000), or None."""
    total, section, digit = 0, 0, None
    for ch in run:
        if ch in CD:
            digit = CD[ch]
        elif ch in CU:
            section += (1 if digit is None else digit) * CU[ch]
            digit = None
        elif ch in '万亿':
            section += digit or 0
            digit = None
            big = 10**4 if ch == '万' else 10**8
            if ch == '亿':
                total = (total + section) * big
            else:
                total += section * big
            section = 0
    section += digit or 0
    value = total + section
    return value if any(c in CD or c in CU for c in run) else None

def numbers(evidence):
    """Numbers an evidence string states: Arabic (thousands separators removed) and Chinese numerals."""
    text = SEP.sub('', evidence)
    found = [float(x) for x in NUM.findall(text)]
    for run in CNUM.findall(text):
        v = cn_value(run)
        if v is not None:
            found.append(float(v))
        v = cn_value(run.rstrip('万亿'))  # the numeral in front of a 万/亿 unit, scaled below
        if v is not None:
            found.append(float(v))
    return found
CENTRAL = set()  # no central unit in this set
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
assert sorted(docs) == [f'q79_0{i}' for i in range(1, 9)], sorted(docs)
# the Chinese-numeral reader itself
for run, want in [('一千零八十', 1080), ('七千六百五十万', 76500000), ('一亿二千六百万', 126000000), ('十八', 18),
                  ('二百一十六', 216), ('一千零六十万', 10600000), ('六十三', 63), ('四十六', 46)]:
    assert cn_value(run) == want, (run, cn_value(run), want)
assert numbers('市本级投入1,970万元') == [1970.0], numbers('市本级投入1,970万元')
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
    # years 2015-2024; a target may look ahead to 2025, the end of the 十四五 plan (q79_04)
    if not (re.fullmatch(r'20(1[5-9]|2[0-4])', r['year']) or (r['year'] == '2025' and r['status'] == 'target')):
        bad('year ' + r['year'])
    if not re.fullmatch(r'\d+', r['value']): bad('value ' + r['value'])
    n = docs[r['doc_id']].count(r['evidence'])
    if n == 0: bad('evidence not in document: ' + r['evidence'])
    elif r['doc_id'] in TWICE_DOCS and n != 2: bad(f'evidence occurs {n} times (want 2 in the doubled page): ' + r['evidence'])
    elif r['doc_id'] not in TWICE_DOCS and n > 1: bad(f'evidence occurs {n} times: ' + r['evidence'])
    if r['unit'] not in UNITS.get(r['indicator'], set()): bad(f'unit {r["unit"]} for {r["indicator"]}')
    if re.fullmatch(r'\d+', r['value']):
        cands = {round(x * k) for x in numbers(r['evidence']) for k in (1, 10**4, 10**8)}
        if int(r['value']) not in cands: bad(f'value {r["value"]} not read from evidence: {r["evidence"]}')
    # every donor and recipient of this set is a government unit written from its province down
    for name in [r['donor']] + [x for x in r['recipients'].split(';') if x]:
        if not name.startswith(PROVINCES) and name not in CENTRAL: bad('not a full official name: ' + name)
    if not r['recipients']: bad('empty recipients (none in this set)')
    if r['status'] == 'target' and r['qualifier'] == 'approx': bad('target with approx')
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
if not GLOSS.search(raw.get(TRAD_DOC, '')):
    errors += 1; print(TRAD_DOC + ': no pinyin gloss')
print('rows', len(rows), counts)
print('errors', errors)
sys.exit(1 if errors else 0)
