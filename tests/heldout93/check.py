"""Sanity check for tests/heldout93: the CSV parses, every column value is in its vocabulary,
and every evidence string is a verbatim substring of its document after pinyin-gloss removal
and OpenCC t2s; also that the unit fits the indicator, that the value matches a number in its
evidence (as is, x1e4 or x1e8), that each document has 12-20 rows, that every evidence occurs
exactly once in its document, and (for this set of scraped mirror / repost pages) that donors and
recipients are full names from the province down, that no row has empty recipients, that all eight
pages are plain Simplified Chinese without pinyin glosses, that years lie in 2016-2020, that every
evidence string is line-internal and lies in a line of report text (never in a navigation menu,
上一篇/下一篇 or related-reading list, ad/spam line, 来源/作者/编辑 line or footer) nor in the headline,
that each page carries 600-2000 non-space characters and at least 600 of them outside junk lines,
that every page has a 来源/编辑-type line and a junk list line carrying figures of other reports, that
y93_05's only date is one year in its body, that y93_01/y93_02 headlines name the pair by short
names, and that every y93_04 row takes the first year stated in its paragraph.
Run with the project venv (needs opencc):  .venv/bin/python tests/heldout93/check.py
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
# crawler junk: menus, breadcrumbs, source/author/editor lines, ads and spam, prev/next and related lists, footers
JUNK_PREFIX = ('网站首页', '首页', '当前位置', '您现在的位置', '上一篇', '下一篇', '相关', '热门', '点击', '推荐',
               '往期', '·', '▶', '▼', '【', '（本文', '来源', '本文来源', '原创', '发布时间', '发布日期', '日期',
               '声明', '版权所有', '主办', '分享', '扫', '长按', '阅读原文', '网站地图')
LIST_PREFIX = ('上一篇', '下一篇', '·', '▶')
YEAR_ONLY_DOC, ONLY_YEAR = 'y93_05', '2018'
SHORT_NAMES = {'y93_01': '闽宁协作', 'y93_02': '津甘两地'}
HEADLINE_FIGURE_DOCS = {'y93_03', 'y93_07'}
PARAGRAPH_YEAR_DOC = 'y93_04'
t2s = opencc.OpenCC('t2s')

def normalise(text):
    text = GLOSS.sub(lambda m: '' if any(c in TONE for c in m.group(1)) else m.group(0), text)
    return t2s.convert(text)

def is_junk(line):
    s = line.strip()
    return (not s or s.startswith(JUNK_PREFIX) or '首页' in s or '|' in s or '｜' in s or '>' in s or '»' in s
            or bool(re.match(r'\d+\s', s)) or bool(re.match(r'\d{4}-\d\d-\d\d', s)))

def headline(text):
    return next(l for l in text.split('\n') if not is_junk(l))

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
assert sorted(docs) == [f'y93_0{i}' for i in range(1, 9)], sorted(docs)
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
    if not re.fullmatch(r'20(1[6-9]|20)', r['year']): bad('year ' + r['year'])
    if not re.fullmatch(r'\d+', r['value']): bad('value ' + r['value'])
    text = docs[r['doc_id']]
    n = text.count(r['evidence'])
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
    lines = [l for l in text.split('\n') if r['evidence'] in l]
    if not lines: bad('evidence not inside one line')
    for l in lines:
        if is_junk(l): bad('evidence lies in a junk line: ' + l[:30])
        if l == headline(text): bad('evidence lies in the headline (use the body restatement)')
        if r['doc_id'] == PARAGRAPH_YEAR_DOC:
            first = re.search(r'(20\d\d)年', l)
            if not first or first.group(1) != r['year']:
                bad(f'year {r["year"]} is not the first year stated in its paragraph')
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
real_len = {}
for d in sorted(raw):
    if GLOSS.search(raw[d]):
        errors += 1; print(d + ': unexpected pinyin gloss')
    n = len(re.sub(r'\s', '', raw[d]))
    if not 600 <= n <= 2000:
        errors += 1; print(f'{d}: {n} characters (want 600-2000)')
    lines = docs[d].split('\n')
    real_len[d] = sum(len(re.sub(r'\s', '', l)) for l in lines if not is_junk(l))
    if real_len[d] < 600:
        errors += 1; print(f'{d}: only {real_len[d]} characters of report text outside junk lines (want 600+)')
    if not any(re.search(r'(来源|作者|编辑)：', l) for l in lines if is_junk(l)):
        errors += 1; print(f'{d}: no 来源/作者/编辑 line')
    if not any(l.strip().startswith(LIST_PREFIX) and re.search(r'\d', l) for l in lines):
        errors += 1; print(f'{d}: no prev/next or related-list line carrying a figure of another report')
    if not any(is_junk(l) for l in lines[:2]):
        errors += 1; print(f'{d}: page does not open with crawler junk (menu, breadcrumb or banner)')
    if d in HEADLINE_FIGURE_DOCS and not re.search(r'\d', headline(docs[d])):
        errors += 1; print(f'{d}: headline should carry figures')
# the year-only page: one year, stated in a body line, and no other date anywhere
t = docs[YEAR_ONLY_DOC]
years = set(re.findall(r'20\d\d', t))
if years != {ONLY_YEAR} or re.search(r'\d+月\d+日|\d{4}[-/.]\d', t):
    errors += 1; print(f'{YEAR_ONLY_DOC}: dates other than the one year {ONLY_YEAR}: {years}')
if not all(not is_junk(l) and l != headline(t) for l in t.split('\n') if ONLY_YEAR in l):
    errors += 1; print(f'{YEAR_ONLY_DOC}: the year must be stated in the body only')
for d, short in SHORT_NAMES.items():
    if short not in headline(docs[d]):
        errors += 1; print(f'{d}: headline does not name the pair as {short}')
print('rows', len(rows), counts)
print('report text outside junk', real_len)
print('errors', errors)
sys.exit(1 if errors else 0)
