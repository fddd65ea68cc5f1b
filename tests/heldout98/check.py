"""Sanity check for tests/heldout98: the CSV parses, every column value is in its vocabulary,
and every evidence string is a verbatim substring of its document after pinyin-gloss removal
and OpenCC t2s; also that the unit fits the indicator, that the value matches a number in its
evidence (as is, x1e4 or x1e8), that each document has 12-20 rows, that every evidence occurs
exactly once in its document and inside one line, and that each document is 600-2000 characters.
Set-specific checks (focus: messy pages):
- exactly y98_02 and y98_05 are Traditional (normalisation changes them and no other page), and
  their t2s text equals the Simplified copies kept in simplified/ (outside docs/);
- no evidence comes from page junk: navigation/breadcrumb lines, repeated headline lines,
  上一篇/下一篇 links, 相关新闻 items, 责任编辑/版权 trailers (and such junk lines with figures exist);
- y98_03 and y98_06 are counterpart, every other page east_west;
- donors come from at least five eastern provinces/municipalities; donors and recipients are full
  names from the province down; no row has empty recipients;
- employment rows carry a detail in to_donor/local/elsewhere/total, pairings rows a detail;
- years lie in 2019-2022; no target is approx.
Run with the project venv (needs opencc):  .venv/bin/python tests/heldout98/check.py
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
TRAD_DOCS = {'y98_02', 'y98_05'}
COUNTERPART_DOCS = {'y98_03', 'y98_06'}
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
EASTERN = tuple('北京市 天津市 上海市 辽宁省 江苏省 浙江省 福建省 山东省 广东省'.split())
NUM = re.compile(r'\d+(?:\.\d+)?')
JUNK = re.compile(r'^(首页|网站首页|当前位置|热门搜索|上一篇|下一篇|相关新闻|·|（责任编辑|责任编辑|（编辑|版权所有|主办|'
                  r'本网|本站|推荐阅读|分享到|【打印】)')
EMPLOYMENT_DETAILS = {'to_donor', 'local', 'elsewhere', 'total'}
t2s = opencc.OpenCC('t2s')

def normalise(text):
    text = GLOSS.sub(lambda m: '' if any(c in TONE for c in m.group(1)) else m.group(0), text)
    return t2s.convert(text)

def junk_lines(text):
    lines = [l.strip() for l in text.split('\n')]
    out = {l for l in lines if l and JUNK.match(l)}
    # a headline line saved twice in a row is junk too
    out |= {a for a, b in zip(lines, lines[1:]) if a and a == b}
    return out

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
assert sorted(docs) == [f'y98_0{i}' for i in range(1, 9)], sorted(docs)
junk = {k: junk_lines(v) for k, v in docs.items()}
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
    if not re.fullmatch(r'20(19|2[0-2])', r['year']): bad('year ' + r['year'])
    if not re.fullmatch(r'\d+', r['value']): bad('value ' + r['value'])
    text = docs[r['doc_id']]
    n = text.count(r['evidence'])
    if n == 0: bad('evidence not in document: ' + r['evidence'])
    elif n > 1: bad(f'evidence occurs {n} times: ' + r['evidence'])
    if r['unit'] not in UNITS.get(r['indicator'], set()): bad(f'unit {r["unit"]} for {r["indicator"]}')
    if re.fullmatch(r'\d+', r['value']):
        cands = {round(float(x) * k) for x in NUM.findall(r['evidence']) for k in (1, 10**4, 10**8)}
        if int(r['value']) not in cands: bad(f'value {r["value"]} not read from evidence: {r["evidence"]}')
    for name in [r['donor']] + [x for x in r['recipients'].split(';') if x]:
        if not name.startswith(PROVINCES): bad('not a full official name: ' + name)
    if not r['donor'].startswith(EASTERN): bad('donor not an eastern unit: ' + r['donor'])
    if not r['recipients']: bad('empty recipients (none in this set)')
    if r['status'] == 'target' and r['qualifier'] == 'approx': bad('target with approx')
    if not any(r['evidence'] in line for line in text.split('\n')): bad('evidence not inside one line')
    if '\n' in r['evidence']: bad('evidence spans a line break')
    if any(r['evidence'] in j for j in junk[r['doc_id']]): bad('evidence taken from page junk: ' + r['evidence'])
    want = 'counterpart' if r['doc_id'] in COUNTERPART_DOCS else 'east_west'
    if r['program'] != want: bad(f'program {r["program"]} (want {want})')
    if r['indicator'] == 'employment' and r['detail'] not in EMPLOYMENT_DETAILS: bad('employment detail ' + r['detail'])
    if r['indicator'] == 'pairings' and not r['detail']: bad('pairings row without detail')
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
    if trad != (d in TRAD_DOCS):
        errors += 1; print(f'{d}: Traditional/Simplified status unexpected (changed by normalisation: {trad})')
    if d in TRAD_DOCS:
        simp = HERE / 'simplified' / f'{d}.txt'
        if not simp.exists() or simp.read_text(encoding='utf-8') != docs[d]:
            errors += 1; print(f'{d}: simplified/{d}.txt missing or not equal to the t2s text')
    if GLOSS.search(raw[d]):
        errors += 1; print(d + ': unexpected pinyin gloss')
    n = len(re.sub(r'\s', '', raw[d]))
    if not 600 <= n <= 2000:
        errors += 1; print(f'{d}: {n} characters (want 600-2000)')
# messy pages: at least six pages carry 上一篇/下一篇 or 相关新闻 lines with figures of other articles
with_figures = [d for d in sorted(docs) if any(re.search(r'\d', j) and re.match(r'(上一篇|下一篇|·)', j) for j in junk[d])]
if len(with_figures) < 6:
    errors += 1; print('too few pages with figure-bearing link junk:', with_figures)
repeated = [d for d in sorted(docs) if any(a.strip() and a == b for a, b in zip(docs[d].split('\n'), docs[d].split('\n')[1:]))]
if len(repeated) < 2:
    errors += 1; print('too few pages with a repeated headline line:', repeated)
provinces = {next(p for p in EASTERN if r['donor'].startswith(p)) for r in rows if r['donor'].startswith(EASTERN)}
if len(provinces) < 5:
    errors += 1; print('donors from fewer than five eastern provinces:', provinces)
print('rows', len(rows), counts)
print('donor provinces', sorted(provinces), '| link junk with figures', with_figures, '| repeated headline', repeated)
print('errors', errors)
sys.exit(1 if errors else 0)
