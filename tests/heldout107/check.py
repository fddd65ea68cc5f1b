"""Sanity check for tests/heldout107: the CSV parses, every column value is in its vocabulary,
and every evidence string is a verbatim substring of its document after pinyin-gloss removal
and OpenCC t2s; also that the unit fits the indicator, that the value matches a number in its
evidence (as is, x1e4 or x1e8), that each document has 12-20 rows, that every evidence occurs
exactly once in its document and inside one line, and that each document is 600-2000 characters.
Set-specific checks (recipient-side pages: western units reporting what they received):
- donors are eastern full names from the province down, or the set's one central unit
  (中国煤炭地质总局, program designated, its money social_aid with detail soe); recipients are
  full names inside the page's own area (each page has one recipient area); no recipients empty;
- the program of each document (y107_01 carries east_west and designated);
- the allowed donors of each page (the giver named once in the headline or lead, its districts,
  and a second giver where the page has one);
- a district twinned with one county in the lead gives only to that county;
- complete recipient sets: rows whose evidence says 受援县/受援6县 list every county of the set;
- 各/分别 lists: one row per recipient, sharing value and evidence;
- figures restated in a headline, a 内容提要 digest or a reporter's closing line appear in the
  page, the restating line holds no evidence, and the body figure has exactly one gold row;
- listed non-row figures (recipient GDP, poverty stock and rates, own matching money, central
  funds, registered capital, facilities, job fairs, not-poor jobs, goods pieces, junk of the
  mirror pages) are in the page, inside no evidence and the value of no row;
- web-mirror pages (y107_03, y107_05) carry navigation/trailer junk, and all their evidence sits
  between the headline and the 责任编辑 line; y107_05 is Traditional Chinese (changed by t2s, and
  no evidence occurs in its raw text), every other page is unchanged by normalisation;
- qualifier agrees with the markers in the evidence; target rows carry a cue in their sentence
  (or are the 统筹 half of a 统筹…已到位 pair, which must be target) and a year not before the report year; actual rows a
  year not after it; expected rows 预计; cumulative rows 累计 and the report year;
- years 2018-2023, no glosses.
Run with the project venv (needs opencc):  .venv/bin/python tests/heldout107/check.py
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
EAST = tuple('北京市 天津市 上海市 江苏省 浙江省 福建省 山东省 广东省 辽宁省'.split())
CENTRAL = {'中国煤炭地质总局'}
NUM = re.compile(r'\d+(?:\.\d+)?')
t2s = opencc.OpenCC('t2s')

REPORT_YEAR = {'y107_01': 2019, 'y107_02': 2018, 'y107_03': 2019, 'y107_04': 2020,
               'y107_05': 2019, 'y107_06': 2022, 'y107_07': 2019, 'y107_08': 2022}
PROGRAMS = {'y107_01': {'east_west', 'designated'}, 'y107_02': {'east_west'}, 'y107_03': {'east_west'},
            'y107_04': {'east_west'}, 'y107_05': {'east_west'}, 'y107_06': {'counterpart'},
            'y107_07': {'east_west'}, 'y107_08': {'counterpart'}}
# each page's recipient area (every recipient starts with it)
AREA = {'y107_01': '甘肃省天水市张家川回族自治县', 'y107_02': '云南省怒江傈僳族自治州',
        'y107_03': '贵州省黔东南苗族侗族自治州', 'y107_04': '甘肃省临夏回族自治州', 'y107_05': '河北省张家口市',
        'y107_06': '青海省果洛藏族自治州', 'y107_07': '重庆市奉节县', 'y107_08': '新疆维吾尔自治区喀什地区'}
NJ, LX, ZJK, GL = AREA['y107_02'], AREA['y107_04'], AREA['y107_05'], AREA['y107_06']
DONORS = {'y107_01': {'天津市天津港保税区', '天津市滨海新区塘沽街道', '中国煤炭地质总局'},
          'y107_02': {'广东省珠海市', '广东省珠海市香洲区'},
          'y107_03': {'浙江省杭州市'},
          'y107_04': {'福建省厦门市'} | {'福建省厦门市' + x for x in ('思明区', '湖里区', '集美区', '海沧区')},
          'y107_05': {'北京市'} | {'北京市' + x for x in ('朝阳区', '海淀区', '怀柔区')},
          'y107_06': {'上海市', '上海市黄浦区'},
          'y107_07': {'山东省', '山东省滨州市'},
          'y107_08': {'广东省', '广东省广州市'}}
# a county's full names inside each page's area, to test that recipients are real members
MEMBERS = {'y107_02': {NJ + x for x in ('泸水市', '福贡县', '贡山独龙族怒族自治县', '兰坪白族普米族自治县')},
           'y107_04': {LX + x for x in ('临夏市', '东乡族自治县', '和政县', '积石山保安族东乡族撒拉族自治县')},
           'y107_05': {ZJK + x for x in ('康保县', '赤城县', '怀安县')},
           'y107_06': {GL + x for x in ('玛沁县', '班玛县', '甘德县', '达日县', '久治县', '玛多县')},
           'y107_08': {AREA['y107_08'] + '疏附县'}}
# district -> county twinning stated once in the lead (分别与…结对); a district's rows go to its county
PAIRS = {'y107_02': {'广东省珠海市香洲区': NJ + '泸水市'},
         'y107_04': {'福建省厦门市思明区': LX + '临夏市', '福建省厦门市湖里区': LX + '东乡族自治县',
                     '福建省厦门市集美区': LX + '和政县', '福建省厦门市海沧区': LX + '积石山保安族东乡族撒拉族自治县'},
         'y107_05': {'北京市朝阳区': ZJK + '康保县', '北京市海淀区': ZJK + '赤城县', '北京市怀柔区': ZJK + '怀安县'},
         'y107_06': {'上海市黄浦区': GL + '玛多县'}}
# rows whose evidence contains the marker must list the complete set of the page
COMPLETE = {'y107_02': ('受援县', MEMBERS['y107_02']), 'y107_06': ('受援', MEMBERS['y107_06'])}
# one 各/分别 list per page: marker in evidence, number of rows, whether donors differ per row
EACH = {'y107_02': ('各', 4, False), 'y107_04': ('分别', 4, True)}
# (restating string, value of the one body row): headline, 内容提要 digest or reporter's closing line
RESTATED = {'y107_03': [('杭黔协作今年投入财政帮扶资金超6亿元', 603000000)],
            'y107_05': [('今年北京投入财政帮扶资金6.85亿元', 685000000)],
            'y107_06': [('● 今年上海到位援青资金4.12亿元', 412000000), ('● 消费帮扶突破1亿元', 108000000)],
            'y107_07': [('投向奉节的帮扶资金就达到6800万元', 68000000)]}
# stated figures that are not rows: in the page, inside no evidence, never a value of that page
NOT_ROWS = {
    'y107_01': ['物资2.3万件', '财政涉农资金5.6亿元', '减少贫困人口1.3万人', '35.3%', '8650元', '岗位1200余个',
                '培训班6期', '就近就业645人', '招聘会5场'],
    'y107_02': ['9.95万人', '20.5%', '191亿元', '6420元', '展销中心2个'],
    'y107_03': ['超6亿元', '阅读：3621', '立减2000元', '多领300元', '1127亿元', '21.5万人', '16个县市', '1.68%'],
    'y107_04': ['注册资本5000万元', '县级资金1500万元', '扶贫车间9个', '专列12趟', '60.8万人', '2.1万人'],
    'y107_05': ['888元', '点击：2589', '6个贫困县', '0.89%', '1551亿元'],
    'y107_06': ['11280元', '配套资金3000万元', '补助资金2.6亿元', '突破1亿元'],
    'y107_07': ['320亿元', '25亿元', '配套资金2000万元'],
    'y107_08': ['98.6亿元', '12.3%', '配套资金8000万元', '13620元'],
}
MIRRORS = {'y107_03': '杭黔协作今年投入财政帮扶资金超6亿元', 'y107_05': '京张协作助力脱贫攻坚'}
JUNK = ('责任编辑', '上一篇', '下一篇', '版权所有', '分享到')
TRADITIONAL = {'y107_05'}
LOWER = re.compile(r'(超过|突破|不少于|不低于|逾)\d|\d(?:\.\d+)?(?:万|亿)?(余|多)|\d[^，、。\d]*以上')
APPROX = re.compile(r'(近|约)\d|\d[^，、。\d]*左右')
TARGET_CUES = ('将', '计划', '力争', '确保', '要', '明年', '下一步', '目标', '协议')

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
assert sorted(docs) == [f'y107_0{i}' for i in range(1, 9)], sorted(docs)
seen = set()

def sentence_of(text, ev):
    i = text.find(ev)
    start = max(text.rfind(c, 0, i) for c in '。；\n：') + 1
    ends = [j for j in (text.find(c, i + len(ev)) for c in '。；\n') if j >= 0]
    return text[start:min(ends) if ends else len(text)]

def numbers(s):
    # whole numbers a figure string can stand for (as is, x1e4, x1e8); 2.3 alone stands for none
    out = set()
    for x in NUM.findall(s):
        for k in (1, 10**4, 10**8):
            v = float(x) * k
            if abs(v - round(v)) < 1e-6: out.add(round(v))
    return out

for i, r in enumerate(rows, 2):
    def bad(msg):
        global errors
        errors += 1
        print(f'line {i} {r["doc_id"]}: {msg}')
    d = r['doc_id']
    if d not in docs: bad('no such document'); continue
    text = docs[d]
    if r['indicator'] not in INDICATORS: bad('indicator ' + r['indicator'])
    for c, v in VOCAB.items():
        if r[c] not in v: bad(f'{c} {r[c]}')
    if not re.fullmatch(r'20(1[89]|2[0-3])', r['year']): bad('year ' + r['year'])
    if not re.fullmatch(r'\d+', r['value']): bad('value ' + r['value'])
    ev = r['evidence']
    n = text.count(ev)
    if n == 0: bad('evidence not in document: ' + ev)
    elif n > 1: bad(f'evidence occurs {n} times: ' + ev)
    if r['unit'] not in UNITS.get(r['indicator'], set()): bad(f'unit {r["unit"]} for {r["indicator"]}')
    if re.fullmatch(r'\d+', r['value']) and int(r['value']) not in numbers(ev):
        bad(f'value {r["value"]} not read from evidence: {ev}')
    recs = [x for x in r['recipients'].split(';') if x]
    central = r['donor'] in CENTRAL
    if not (central or r['donor'].startswith(EAST)): bad('donor not an eastern full name: ' + r['donor'])
    if r['donor'] not in DONORS[d]: bad(f'donor {r["donor"]} not a giver of {d}')
    if central != (r['program'] == 'designated'): bad('designated program and central donor disagree')
    if central and r['indicator'] == 'social_aid' and r['detail'] != 'soe': bad('central unit money without detail soe')
    if r['detail'] == 'soe' and not central: bad('soe detail on a non-central donor')
    if not recs: bad('empty recipients (none in this set)')
    for name in recs:
        if not name.startswith(AREA[d]): bad(f'recipient {name} outside the page area {AREA[d]}')
        if name != AREA[d] and d in MEMBERS and name not in MEMBERS[d] and name != '新疆维吾尔自治区喀什地区':
            bad('recipient not a known county of the page: ' + name)
    if len(set(recs)) != len(recs): bad('recipient listed twice')
    if r['program'] not in PROGRAMS[d]: bad(f'program {r["program"]} unexpected in {d}')
    if d in COMPLETE and COMPLETE[d][0] in ev and set(recs) != COMPLETE[d][1]:
        bad('a 受援县 figure must list the complete recipient set')
    if d in PAIRS and r['donor'] in PAIRS[d] and recs != [PAIRS[d][r['donor']]]:
        bad(f'{r["donor"]} gives to its twinned county {PAIRS[d][r["donor"]]} only')
    if r['status'] == 'target' and r['qualifier'] == 'approx': bad('target with approx')
    if r['qualifier'] == 'lower_bound' and not LOWER.search(ev): bad('lower_bound without marker')
    if r['qualifier'] == 'approx' and not APPROX.search(ev): bad('approx without marker')
    if r['qualifier'] == 'exact' and (LOWER.search(ev) or APPROX.search(ev)): bad('exact with a qualifier marker')
    y, ry = int(r['year']), REPORT_YEAR[d]
    sent = sentence_of(text, ev) if n else ''
    if r['status'] == 'target':
        if y < ry: bad('target year before report year')
        if not (any(c in sent for c in TARGET_CUES) or ('统筹' in ev and '已到位' in sent)):
            bad('target without cue in its sentence')
    if '统筹' in ev and '已到位' in sent and r['status'] != 'target':
        bad('the 统筹 amount of a 统筹…已到位 pair must be a target')
    if r['status'] == 'actual' and y > ry: bad('actual year after report year')
    if r['status'] == 'expected' and '预计' not in ev: bad('expected without 预计')
    if r['status'] != 'expected' and '预计' in sent: bad('预计 in the sentence but status not expected')
    if r['period'] == 'cumulative':
        if '累计' not in ev: bad('cumulative without 累计')
        if y != ry: bad('cumulative row not ending in the report year')
    if '累计' in ev and r['period'] != 'cumulative': bad('累计 over years but period annual')
    if not any(ev in line for line in text.split('\n')): bad('evidence not inside one line')
    if '\n' in ev: bad('evidence spans a line break')
    if any(ev in line for line in text.split('\n') if line.lstrip().startswith('●')): bad('evidence in a digest line')
    if d in MIRRORS and n:
        head = text.find(MIRRORS[d]); tail = text.find('责任编辑')
        if not head < text.find(ev) < tail: bad('evidence outside the article body of a mirror page')
    if d in TRADITIONAL and ev in raw[d]: bad('evidence found in the raw Traditional text (should need t2s)')
    for s in NOT_ROWS.get(d, []):
        if s in ev: bad('evidence holds a non-row figure: ' + s)
        if int(r['value'] or 0) in numbers(s): bad('value equals a non-row figure: ' + s)
    key = tuple(r[c] for c in COLS)
    if key in seen: bad('duplicate row')
    seen.add(key)

counts = {}
for r in rows: counts[r['doc_id']] = counts.get(r['doc_id'], 0) + 1
for d in sorted(docs):
    if not 12 <= counts.get(d, 0) <= 20:
        errors += 1; print(f'{d}: {counts.get(d, 0)} rows (want 12-20)')
for d, items in RESTATED.items():
    lines = docs[d].split('\n')
    for s, v in items:
        hit = [l for l in lines if s in l]
        if not hit:
            errors += 1; print(f'{d}: restating string not in page: {s}')
        elif any(r['evidence'] in hit[0] for r in rows if r['doc_id'] == d):
            errors += 1; print(f'{d}: the restating line holds an evidence string: {s}')
        k = sum(1 for r in rows if r['doc_id'] == d and int(r['value']) == v)
        if k != 1:
            errors += 1; print(f'{d}: restated figure {v} has {k} gold rows (want 1)')
for d, strs in NOT_ROWS.items():
    for s in strs:
        if s not in docs[d]:
            errors += 1; print(f'{d}: non-row figure not in page: {s}')
for d, (mark, k, donors_differ) in EACH.items():
    by_ev = {}
    for r in rows:
        if r['doc_id'] == d and mark in r['evidence']:
            by_ev.setdefault(r['evidence'], []).append(r)
    if len(by_ev) != 1 or len(next(iter(by_ev.values()))) != k:
        errors += 1; print(f'{d}: want one {mark} evidence with {k} rows, got {[(e, len(v)) for e, v in by_ev.items()]}')
    else:
        grp = next(iter(by_ev.values()))
        if len({r['value'] for r in grp}) != 1 or len({r['recipients'] for r in grp}) != k:
            errors += 1; print(f'{d}: {mark} rows must share the value and differ in recipient')
        if donors_differ and len({r['donor'] for r in grp}) != k:
            errors += 1; print(f'{d}: {mark} rows must each have their own donor')
for d in sorted(raw):
    if d in TRADITIONAL:
        if raw[d] == docs[d]:
            errors += 1; print(f'{d}: should be Traditional Chinese but t2s changes nothing')
    elif raw[d] != docs[d]:
        errors += 1; print(f'{d}: changed by normalisation (only y107_05 is Traditional)')
    if d in MIRRORS and not all(j in docs[d] for j in JUNK):
        errors += 1; print(f'{d}: mirror page lacks its navigation/trailer junk')
    if GLOSS.search(raw[d]):
        errors += 1; print(d + ': unexpected pinyin gloss')
    n = len(re.sub(r'\s', '', raw[d]))
    if not 600 <= n <= 2000:
        errors += 1; print(f'{d}: {n} characters (want 600-2000)')
print('rows', len(rows), counts)
print('errors', errors)
sys.exit(1 if errors else 0)
