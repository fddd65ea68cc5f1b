"""Sanity check for tests/heldout97 (focus: the page's own pair and its sub-units).

Checks that the CSV parses with heldout87's columns, that every column value is in its vocabulary,
that the unit fits the indicator, that the value matches a number in its evidence (as is, x1e4 or
x1e8), that each document has 12-20 rows and 600-2000 characters (whitespace not counted), that
every evidence string is a verbatim substring of its document after pinyin-gloss removal and OpenCC
t2s, occurs there exactly once and lies inside one line, and that no page is changed by
normalisation or carries glosses.  Set-specific checks:
- donors and recipients are full names from the province down; no row has empty recipients;
- donors come from at least five different eastern provinces/municipalities;
- exactly one document (y97_05) is counterpart support and all its rows are `counterpart`;
  every other row is `east_west`;
- every donor of a document is the page's own donor, a higher unit of it (全市/全省/我市 totals)
  or a declared sub-unit; every recipient is one of the page's recipients or a unit above them;
- a row whose sentence (up to and including the evidence) names no place of its document belongs
  to the page's pair (page donor, recipients among the page's own recipients);
- every higher-unit row has 全市, 全省, 我市 or the higher unit's short name in its sentence, and its
  recipients are the page's, a unit above them, or a declared other recipient of the higher unit;
- the pages written by the western side (y97_04, y97_08) use the receiving wording
  (争取到 / 接收 / 引进东部企业 or 引进厦门企业);
- detail vocabularies for employment, poor_beneficiaries and pairings; cumulative rows carry
  累计 or 以来 in their sentence; target rows carry no approx qualifier; years 2018-2021.
Run with the project venv (needs opencc):  .venv/bin/python tests/heldout97/check.py
Imports and runs nothing from the project itself."""
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
UNITS = {'fiscal_aid': {'yuan'}, 'social_aid': {'yuan'}, 'investment': {'yuan'}, 'consumption_aid': {'yuan'},
         'cadres_sent': {'person'}, 'professionals_sent': {'person'}, 'cadres_received': {'person'},
         'professionals_received': {'person'}, 'trained': {'person', 'person_time'},
         'poor_beneficiaries': {'person', 'household', 'person_time'}, 'employment': {'person'},
         'enterprises': {'count'}, 'projects': {'count'}, 'pairings': {'count'}}
DETAILS = {'employment': {'to_donor', 'local', 'elsewhere', 'total'},
           'poor_beneficiaries': {'benefiting', 'lifted'},
           'pairings': {'districts', 'townships', 'subdistricts', 'villages', 'enterprises', 'schools',
                        'hospitals', 'households'}}
PROVINCES = tuple('北京市 天津市 上海市 重庆市 河北省 山西省 辽宁省 吉林省 黑龙江省 江苏省 浙江省 安徽省 福建省 '
                  '江西省 山东省 河南省 湖北省 湖南省 广东省 海南省 四川省 贵州省 云南省 陕西省 甘肃省 青海省 '
                  '内蒙古自治区 广西壮族自治区 西藏自治区 宁夏回族自治区 新疆维吾尔自治区'.split())
EASTERN = set('北京市 天津市 上海市 河北省 辽宁省 江苏省 浙江省 福建省 山东省 广东省'.split())
TONE = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ'
GLOSS = re.compile(r'\(([A-Za-z' + TONE + r'ü\s]+)\)')
NUM = re.compile(r'\d+(?:\.\d+)?')
t2s = opencc.OpenCC('t2s')

# each page's own pair: donor, sub-unit donors, higher-unit donors (with their short names),
# the page's own recipients, and the short place names whose presence in an evidence string
# means the evidence names its own giver or receiver
PAGES = {
    'y97_01': dict(donor='浙江省湖州市安吉县', sub=set(), higher={'浙江省湖州市': '湖州', '浙江省': '全省'},
                   rec={'四川省广元市青川县'}, names=('青川', '广元', '四川', '湖州', '浙江', '安吉')),
    'y97_02': dict(donor='天津市东丽区', sub=set(), higher={'天津市': '全市'},
                   rec={'甘肃省甘南藏族自治州迭部县', '甘肃省甘南藏族自治州舟曲县'},
                   names=('迭部', '舟曲', '两县', '甘肃', '东丽', '天津', '来津')),
    'y97_03': dict(donor='广东省佛山市顺德区', sub=set(), higher={'广东省佛山市': '佛山', '广东省': '全省'},
                   rec={'四川省凉山彝族自治州美姑县', '四川省凉山彝族自治州雷波县'},
                   higher_rec={'四川省甘孜藏族自治州'},
                   names=('美姑', '雷波', '两县', '凉山', '甘孜', '佛山', '顺德', '广东')),
    'y97_04': dict(donor='福建省厦门市', sub={'福建省厦门市湖里区'}, higher={},
                   rec={'甘肃省临夏回族自治州东乡族自治县'}, names=('厦门', '湖里', '福建', '东乡', '我县')),
    'y97_05': dict(donor='北京市', sub=set(), higher={},
                   rec={'新疆维吾尔自治区和田地区' + x for x in ('和田市', '和田县', '墨玉县', '洛浦县')},
                   names=('和田', '墨玉', '洛浦', '北京', '赴京')),
    'y97_06': dict(donor='山东省济南市历下区', sub=set(), higher={'山东省济南市': '我市'},
                   rec={'湖南省湘西土家族苗族自治州花垣县'}, names=('花垣', '湘西', '历下', '山东', '全区')),
    'y97_07': dict(donor='上海市闵行区', sub=set(), higher={'上海市': '全市'},
                   rec={'云南省红河哈尼族彝族自治州元阳县'}, names=('元阳', '红河', '云南', '闵行', '上海', '全区')),
    'y97_08': dict(donor='江苏省苏州市张家港市', sub=set(), higher={'江苏省苏州市': '苏州'},
                   rec={'贵州省铜仁市沿河土家族自治县'}, names=('张家港', '苏州', '江苏', '我县', '沿河')),
}
COUNTERPART_DOC = 'y97_05'
WESTERN_DOCS = {'y97_04': ('争取到', '接收', '引进厦门企业'), 'y97_08': ('争取到', '接收', '引进东部企业')}
YEARS = {str(y) for y in range(2018, 2022)}

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
assert sorted(docs) == [f'y97_0{i}' for i in range(1, 9)], sorted(docs)
assert sorted(PAGES) == sorted(docs)
seen = set()
for i, r in enumerate(rows, 2):
    def bad(msg):
        global errors
        errors += 1
        print(f'line {i} {r["doc_id"]}: {msg}')
    if r['doc_id'] not in docs: bad('no such document'); continue
    page, text, ev = PAGES[r['doc_id']], docs[r['doc_id']], r['evidence']
    # the sentence up to and including the evidence (from the last 。 or line break before it)
    head = text.split(ev)[0] if ev in text else ''
    sent = re.split(r'[。\n]', head)[-1] + ev
    if r['indicator'] not in INDICATORS: bad('indicator ' + r['indicator'])
    for c, v in VOCAB.items():
        if r[c] not in v: bad(f'{c} {r[c]}')
    if r['year'] not in YEARS: bad('year ' + r['year'])
    if not re.fullmatch(r'\d+', r['value']): bad('value ' + r['value'])
    n = text.count(ev)
    if n != 1: bad(f'evidence occurs {n} times: {ev}')
    if '\n' in ev or not any(ev in line for line in text.split('\n')): bad('evidence not inside one line')
    if r['unit'] not in UNITS.get(r['indicator'], set()): bad(f'unit {r["unit"]} for {r["indicator"]}')
    if re.fullmatch(r'\d+', r['value']):
        cands = {round(float(x) * k) for x in NUM.findall(ev) for k in (1, 10**4, 10**8)}
        if int(r['value']) not in cands: bad(f'value {r["value"]} not read from evidence: {ev}')
    if r['indicator'] in DETAILS and r['detail'] not in DETAILS[r['indicator']]:
        bad(f'detail {r["detail"]!r} for {r["indicator"]}')
    recs = [x for x in r['recipients'].split(';') if x]
    for name in [r['donor']] + recs:
        if not name.startswith(PROVINCES): bad('not a full official name: ' + name)
    if not recs: bad('empty recipients (none in this set)')
    if len(set(recs)) != len(recs): bad('recipient listed twice')
    # program
    want = 'counterpart' if r['doc_id'] == COUNTERPART_DOC else 'east_west'
    if r['program'] != want: bad(f'program {r["program"]} (want {want})')
    # donor: the page's own, a sub-unit or a higher unit
    d = r['donor']
    if d == page['donor'] or d in page['sub']:
        pass
    elif d in page['higher']:
        if not page['donor'].startswith(d): bad('higher donor is not above the page donor: ' + d)
        if not any(w in sent for w in ('全市', '全省', '我市', page['higher'][d])):
            bad('higher-unit row without 全市/全省/我市 or its name in its sentence')
    else:
        bad('donor not the page pair, a sub-unit or a higher unit: ' + d)
    for x in recs:
        if d in page['higher'] and x in page.get('higher_rec', set()):
            continue
        if x not in page['rec'] and not any(p.startswith(x) for p in page['rec']):
            bad('recipient neither the page\'s own nor above it: ' + x)
    # a figure that names no giver or receiver belongs to the page's pair
    if not any(nm in sent for nm in page['names']):
        if d != page['donor'] or not set(recs) <= page['rec']:
            bad('evidence names no place, but row is not the page pair')
    if r['period'] == 'cumulative' and not ('累计' in sent or '以来' in sent):
        bad('cumulative without 累计/以来')
    if r['status'] == 'target' and r['qualifier'] == 'approx': bad('target with approx')
    key = tuple(r[c] for c in COLS)
    if key in seen: bad('duplicate row')
    seen.add(key)

counts = {}
for r in rows: counts[r['doc_id']] = counts.get(r['doc_id'], 0) + 1
for d in sorted(docs):
    if not 12 <= counts.get(d, 0) <= 20:
        errors += 1; print(f'{d}: {counts.get(d, 0)} rows (want 12-20)')
    n = len(re.sub(r'\s', '', raw[d]))
    if not 600 <= n <= 2000:
        errors += 1; print(f'{d}: {n} characters (want 600-2000)')
    if raw[d] != docs[d]:
        errors += 1; print(f'{d}: changed by normalisation (no Traditional page in this set)')
    if GLOSS.search(raw[d]):
        errors += 1; print(d + ': unexpected pinyin gloss')
    # the page's own pair donor carries most rows of its page
    own = sum(1 for r in rows if r['doc_id'] == d and r['donor'] == PAGES[d]['donor'])
    if own * 2 < counts.get(d, 0):
        errors += 1; print(f'{d}: only {own} rows for the page donor')
for d, words in WESTERN_DOCS.items():
    if not all(w in docs[d] for w in words):
        errors += 1; print(f'{d}: western-side page lacks receiving wording {words}')
provs = {r['donor'][:3] for r in rows}
if len(provs & EASTERN) < 5 or provs - EASTERN:
    errors += 1; print('donor provinces:', sorted(provs))
for d in PAGES:
    if PAGES[d]['higher'] and not any(r['doc_id'] == d and r['donor'] in PAGES[d]['higher'] for r in rows):
        errors += 1; print(f'{d}: declared a higher unit but has no row for it')
print('rows', len(rows), dict(sorted(counts.items())))
print('donor provinces', len(provs), sorted(provs))
print('errors', errors)
sys.exit(1 if errors else 0)
