"""Sanity check for tests/heldout108: the CSV parses, every column value is in its vocabulary,
and every evidence string is a verbatim substring of its document after pinyin-gloss removal
and OpenCC t2s; also that the unit fits the indicator, that the value matches a number in its
evidence (as is, x1e4 or x1e8), that each document has 12-20 rows, that every evidence occurs
exactly once in its document and inside one line, and that each document is 600-2000 characters.
Set-specific checks (year-end summaries and work reports with many givers and much non-aid
statistics):
- donors are eastern (or central-western, e.g. 安徽省) full names from the province down, or a
  listed central unit; central units only with program designated and vice versa; recipients are
  western full names; only the listed row (a city-wide 受援地区 total) has empty recipients;
- the program(s) of each document and the exact set of donors credited in each document
  (parallel "A…；B…；C…" passages give each giver its own rows);
- set-valued givers: "福州、厦门两市共" / "东莞、中山两市共" / "我区与和平区共同" / "广东省和佛山市" take
  the listed common parent; joint figures of two provinces (京津两市共…) are stated but not rows;
- non-row figures (recipient GDP, investment, revenue, income, poverty stock, prices, rates,
  the area's own 招商引资, registered capital, facilities, meetings, job fairs, aggregates over
  several givers, mixed cadre counts, central funds) are stated in the document but lie inside
  no evidence; aggregates are never gold values;
- 其中 parts: each part's recipients lie within its total's and the parts sum to the total
  (exhaustive lists) or stay below it;
- 各/分别 rows share one evidence, differ in recipient, and take the shared value (各) or the
  listed values in order (分别); back references (两地, 三县, 协作地区) resolve to the named set;
- qualifier agrees with the markers in the evidence (逾/余/超过/突破/不少于/以上; 约/近/左右);
- actual annual rows carry the year the text reports on (listed exceptions aside), target rows
  the following year with a cue earlier in their sentence (or are listed as next-year figures
  without a cue); actual rows have no target cue before them in their sentence; no 预计 rows;
- cumulative rows have a cumulative cue in their sentence and the right end year (截至2019年底 →
  2019, 十三五 → 2020, else the year reported on); annual rows no 累计/以来 in their clause; a
  year written in an annual row's clause is the row's year;
- no page is changed by normalisation or carries glosses; years 2015-2024.
Run with the project venv (needs opencc):  .venv/bin/python tests/heldout108/check.py
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
DETAILS = {'', 'province', 'city', 'soe', 'teachers', 'doctors', 'to_donor', 'local', 'benefiting', 'lifted',
           'enterprises', 'villages', 'districts', 'counties'}
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
WEST = tuple('四川省 贵州省 云南省 陕西省 甘肃省 青海省 西藏自治区 宁夏回族自治区 新疆维吾尔自治区 '
             '广西壮族自治区 内蒙古自治区 重庆市'.split())
CENTRAL = {'中国煤炭地质总局'}
NUM = re.compile(r'\d+(?:\.\d+)?')
t2s = opencc.OpenCC('t2s')

# the year each text reports on (review year); targets are for the year after
REVIEW_YEAR = {'y108_01': 2019, 'y108_02': 2020, 'y108_03': 2019, 'y108_04': 2019,
               'y108_05': 2019, 'y108_06': 2019, 'y108_07': 2019, 'y108_08': 2020}
DATE_LINE = {'y108_01': '2019年12月27日', 'y108_02': '2020年12月30日', 'y108_03': '2019年12月20日',
             'y108_04': '和田地区年鉴（2020）', 'y108_05': '2020年1月15日', 'y108_06': '2019年12月28日',
             'y108_07': '2020年1月9日', 'y108_08': '2021年4月20日'}
PROGRAMS = {'y108_01': {'east_west', 'designated'}, 'y108_02': {'east_west', 'counterpart'},
            'y108_03': {'east_west'}, 'y108_04': {'counterpart'}, 'y108_05': {'counterpart'},
            'y108_06': {'east_west'}, 'y108_07': {'east_west', 'counterpart'}, 'y108_08': {'counterpart'}}
# exact set of donors credited in each document
DONORS = {
    'y108_01': {'天津市', '福建省福州市', '福建省厦门市', '山东省青岛市', '福建省', '中国煤炭地质总局'},
    'y108_02': {'江苏省', '江苏省苏州市', '江苏省南京市', '江苏省无锡市', '江苏省盐城市东台市'},
    'y108_03': {'天津市', '天津市西青区'},
    'y108_04': {'北京市', '天津市', '安徽省'},
    'y108_05': {'北京市', '天津市', '上海市', '上海市黄浦区', '上海市虹口区', '江苏省', '江苏省常州市',
                '浙江省', '山东省', '山东省滨州市'},
    'y108_06': {'广东省', '广东省广州市', '广东省深圳市', '广东省佛山市', '广东省珠海市'},
    'y108_07': {'广东省', '广东省佛山市', '浙江省'},
    'y108_08': {'上海市', '广东省', '广东省深圳市', '广东省广州市', '广东省佛山市', '山东省'},
}
# set-valued givers -> common parent
JOINT = {('y108_01', '福州、厦门两市共销售定西、临夏两地农产品2.9亿元'): '福建省',
         ('y108_06', '东莞、中山两市共向昭通市投入财政帮扶资金5.28亿元'): '广东省',
         ('y108_03', '共同向白银市捐款捐物960万元'): '天津市',
         ('y108_07', '全年投入我州财政帮扶资金9.3亿元'): '广东省',
         ('y108_07', '争取财政帮扶资金10亿元以上'): '广东省'}
EMPTY_OK = {('y108_03', '累计向受援地区投入财政帮扶资金87.6亿元')}
# annual actual rows whose year differs from the review year
OFF_YEAR = {('y108_05', '2018年安排援青资金3.2亿元'): 2018}
# next-year figures stated without a cue (a figure for a year after the report's year)
NO_CUE = {('y108_02', '2021年省级财政安排东西部协作资金10.5亿元')}
# stated figures that are not rows: must be in the document and inside no evidence
NOT_ROWS = {
    'y108_01': ['增长6.2%', '9629元', '17.5万人', '0.9%', '31个贫困县', '36.16亿元', '增长41%', '80%以上',
                '党政干部158名', '1742名', '212名党政干部', '1265名', '6.3万人次', '5.8万人', '劳务工作站36个',
                '招聘会214场', '4.2万个', '专柜420个', '44家中央单位', '43个贫困县', '扶贫车间5个', '6万人以上'],
    'y108_02': ['56个贫困县', '增长8.1%', '扶贫车间486个', '招聘会1120场', '产业园区4个', '1216名', '100%'],
    'y108_03': ['3.1%', '0.8%', '调研4次', '联席会议6次', '协议11份', '5100余人次', '开工率100%', '扶贫车间14个',
                '就业930人', '312亿元', '26个', '865亿元'],
    'y108_04': ['62.6亿元', '援疆项目427个', '2.3万人', '436.6亿元', '7.8%', '12.4%', '38.2亿元', '9236元',
                '18.6万人', '6.3%', '岗位5600个', '2.3亿元', '项目24个', '第十批'],
    'y108_05': ['27.6亿元', '援青项目563个', '17个贫困县', '53.9万人', '2966亿元', '6.3%', '9.8%', '96%',
                '28亿元以上', '100%'],
    'y108_06': ['182万人', '93个贫困县', '4.2个百分点', '增长28%', '招聘会640场', '35万个', '产业园区57个'],
    'y108_07': ['1676.3亿元', '3.7%', '6.1%', '146.2亿元', '8.2%', '10.5%', '7个贫困县', '300个贫困村',
                '16.8万人', '11.2%', '3.4%', '58.6亿元', '7%左右'],
    'y108_08': ['1150.3亿元', '4.8%', '372.6亿元', '1.9%', '8.7%', '426.5亿元', '3860户', '512亿元', '128.7亿元',
                '912.4亿元', '11263元', '16.2万人', '4个贫困县', '64.3亿元', '援疆项目618个', '2.6万人', '1860名'],
}
# aggregates over several givers (or joint provinces): never a gold value in that document
AGGREGATES = {'y108_01': [3616000000, 158, 1742, 58000, 63000, 60000],
              'y108_02': [1216], 'y108_07': [5860000000],
              'y108_04': [6260000000, 427, 23000, 230000000],
              'y108_05': [2760000000, 563, 2800000000],
              'y108_08': [6430000000, 618, 26000, 1860]}
# 其中 parts: total evidence -> (part evidences, exhaustive)
PARTS = {
    'y108_02': [('投入财政援助资金33.82亿元', ['其中省级财政资金9.6亿元', '13个设区市24.22亿元'], True)],
    'y108_03': [('区财政向麦积区、景泰县拨付帮扶资金5860万元', ['其中麦积区3620万元', '景泰县2240万元'], True)],
    'y108_04': [('北京市安排援疆资金40.2亿元', ['各安排产业发展专项资金5000万元'], False),
                ('安排援疆资金16.8亿元', ['其中于田县6.1亿元'], False)],
    'y108_05': [('2019年增至3.56亿元', ['黄浦区向玛多县安排区级帮扶资金1500万元',
                                  '虹口区向玛沁县安排1300万元'], False),
                ('安排援青资金3.96亿元', ['常州市对口支援共和县5100万元'], False),
                ('安排援青资金3.09亿元', ['滨州市对口支援祁连县4800万元'], False)],
    'y108_06': [('投入财政帮扶资金78.6亿元', ['其中省级财政32亿元', '各市财政46.6亿元'], True)],
    'y108_07': [('全年投入我州财政帮扶资金9.3亿元', ['其中省级3.1亿元', '佛山市6.2亿元'], True)],
    'y108_08': [('全年到位援疆资金18.4亿元', ['深圳市对口支援喀什市和塔什库尔干塔吉克自治县9.2亿元',
                                        '广州市对口支援疏附县5.1亿元', '佛山市对口支援伽师县4.1亿元'], True),
                ('全年到位援疆资金15.9亿元', ['对四县分别安排4.6亿元、3.8亿元、3.5亿元、4.0亿元'], True)],
}
# back references in a row's clause -> the named set of recipients
GS, HT, KS = '甘肃省', '新疆维吾尔自治区和田地区', '新疆维吾尔自治区喀什地区'
BACKREF = {
    'y108_03': {'两地': {GS + '天水市麦积区', GS + '白银市景泰县'}},
    'y108_04': {'三县': {HT + '策勒县', HT + '于田县', HT + '民丰县'}},
    'y108_08': {'四县': {KS + '疏勒县', KS + '英吉沙县', KS + '岳普湖县', KS + '麦盖提县'}},
    'y108_02': {'协作地区': {'陕西省', '青海省西宁市', '青海省海东市', '贵州省铜仁市'}},
    'y108_06': {'协作地区': {'广西壮族自治区', '四川省', '贵州省', '云南省'}},
}
LOWER = re.compile(r'(超过|突破|不少于|不低于|逾)\d|\d(?:\.\d+)?(?:万|亿)?(余|多)|\d[^，、。\d]*以上')
APPROX = re.compile(r'(近|约)\d|\d[^，、。\d]*左右')
TARGET_CUES = ('将', '计划', '力争', '确保', '拟', '争取', '下一步', '明年', '目标')
EACH = re.compile(r'各(安排|投入|选派|拨付)|分别')
CUM_CUE = re.compile(r'累计|以来|十三五|截至')

def normalise(text):
    text = GLOSS.sub(lambda m: '' if any(c in TONE for c in m.group(1)) else m.group(0), text)
    return t2s.convert(text)

def span(text, ev, stops):
    """(prefix, whole) of the stretch around the first occurrence of ev, bounded by stops"""
    i = text.find(ev)
    a = max(text.rfind(s, 0, i) for s in stops) + 1
    ends = [k for k in (text.find(s, i + len(ev)) for s in stops) if k >= 0]
    return text[a:i], text[a:min(ends) if ends else len(text)]

cb = pathlib.Path('/work/shared/codebook.md')
if cb.exists():
    listed = set(re.findall(r'^- (\w+)(?: \([^)]*\))?:', cb.read_text(), re.M))
    assert INDICATORS <= listed, INDICATORS - listed

errors = 0
def err(msg):
    global errors
    errors += 1
    print(msg)

with open(HERE / 'gold.csv', newline='', encoding='utf-8') as f:
    reader = csv.DictReader(f)
    assert reader.fieldnames == COLS, reader.fieldnames
    rows = list(reader)
raw = {p.stem: p.read_text(encoding='utf-8') for p in (HERE / 'docs').glob('*.txt')}
docs = {k: normalise(v) for k, v in raw.items()}
assert sorted(docs) == [f'y108_0{i}' for i in range(1, 9)], sorted(docs)
seen = set()
for i, r in enumerate(rows, 2):
    def bad(msg):
        err(f'line {i} {r["doc_id"]}: {msg}')
    d = r['doc_id']
    if d not in docs: bad('no such document'); continue
    text = docs[d]
    if r['indicator'] not in INDICATORS: bad('indicator ' + r['indicator'])
    for c, v in VOCAB.items():
        if r[c] not in v: bad(f'{c} {r[c]}')
    if r['detail'] not in DETAILS: bad('detail ' + r['detail'])
    if not re.fullmatch(r'20(1[5-9]|2[0-4])', r['year']): bad('year ' + r['year']); continue
    if not re.fullmatch(r'\d+', r['value']): bad('value ' + r['value']); continue
    ev = r['evidence']
    n = text.count(ev)
    if n == 0: bad('evidence not in document: ' + ev); continue
    if n > 1: bad(f'evidence occurs {n} times: ' + ev)
    if not any(ev in line for line in text.split('\n')) or '\n' in ev: bad('evidence not inside one line')
    if r['unit'] not in UNITS.get(r['indicator'], set()): bad(f'unit {r["unit"]} for {r["indicator"]}')
    cands = {round(float(x) * k) for x in NUM.findall(ev) for k in (1, 10**4, 10**8)}
    if int(r['value']) not in cands: bad(f'value {r["value"]} not read from evidence: {ev}')
    # names and programs
    recs = [x for x in r['recipients'].split(';') if x]
    if r['donor'] in CENTRAL:
        if r['program'] != 'designated': bad('central unit outside designated')
    else:
        if r['program'] == 'designated': bad('designated row without a central unit as donor')
        if not r['donor'].startswith(PROVINCES) or r['donor'].startswith(WEST):
            bad('donor not an eastern/central-western full name: ' + r['donor'])
    for name in recs:
        if not name.startswith(WEST): bad('recipient not a western full name: ' + name)
    if len(set(recs)) != len(recs): bad('repeated recipient')
    if not recs and (d, ev) not in EMPTY_OK: bad('empty recipients')
    if r['program'] not in PROGRAMS[d]: bad(f'program {r["program"]} unexpected in {d}')
    if (d, ev) in JOINT and r['donor'] != JOINT[(d, ev)]: bad(f'joint giver should be {JOINT[(d, ev)]}')
    # qualifier
    if r['qualifier'] == 'lower_bound' and not LOWER.search(ev): bad('lower_bound without marker')
    if r['qualifier'] == 'approx' and not APPROX.search(ev): bad('approx without marker')
    if r['qualifier'] == 'exact' and (LOWER.search(ev) or APPROX.search(ev)): bad('exact with a qualifier marker')
    if r['status'] == 'target' and r['qualifier'] == 'approx': bad('target with approx')
    # status and year
    y, ry = int(r['year']), REVIEW_YEAR[d]
    pre, sent = span(text, ev, '。；\n：')
    cpre, clause = span(text, ev, '，。；\n：')
    if r['status'] == 'expected' or '预计' in sent: bad('no expected figures in this set')
    if r['status'] == 'target':
        if y != ry + 1: bad(f'target year {y} (want {ry + 1})')
        if (d, ev) in NO_CUE:
            if any(c in pre + ev for c in TARGET_CUES): bad('listed as cue-less but has a cue')
        elif not any(c in pre + ev for c in TARGET_CUES): bad('target without a cue in or before its evidence')
    if r['status'] == 'actual':
        if any(c in pre for c in TARGET_CUES): bad('actual row after a target cue in its sentence')
        if r['period'] == 'annual':
            want = OFF_YEAR.get((d, ev), ry)
            if y != want: bad(f'annual actual year {y} (want {want})')
    if r['period'] == 'cumulative':
        if not CUM_CUE.search(sent): bad('cumulative row without a cumulative cue in its sentence')
        m = re.search(r'截至(20\d\d)年底', sent)
        want = int(m.group(1)) if m else 2020 if '十三五' in sent else ry
        if y != want: bad(f'cumulative year {y} (want {want})')
    else:
        if re.search(r'累计|(?<!年初)以来', clause): bad('annual row with a cumulative cue in its clause')
        m = re.search(r'(20\d\d)年', clause)
        if m and int(m.group(1)) != y: bad(f'clause states {m.group(1)}年 but year is {y}')
    # back references
    if not EACH.search(ev):
        for word, names in BACKREF.get(d, {}).items():
            if word in clause and set(recs) != names: bad(f'{word} should resolve to {sorted(names)}')
    key = tuple(r[c] for c in COLS)
    if key in seen: bad('duplicate row')
    seen.add(key)

counts = {}
for r in rows: counts[r['doc_id']] = counts.get(r['doc_id'], 0) + 1
for d in sorted(docs):
    if not 12 <= counts.get(d, 0) <= 20: err(f'{d}: {counts.get(d, 0)} rows (want 12-20)')
    got = {r['donor'] for r in rows if r['doc_id'] == d}
    if got != DONORS[d]: err(f'{d}: donors {sorted(got)} (want {sorted(DONORS[d])})')
    evs = [r['evidence'] for r in rows if r['doc_id'] == d]
    for s in NOT_ROWS.get(d, []):
        if s not in docs[d]: err(f'{d}: non-row figure {s} is not in the document')
        if any(s in e for e in evs): err(f'{d}: non-row figure {s} lies inside an evidence')
    for v in AGGREGATES.get(d, []):
        if any(r['doc_id'] == d and int(r['value']) == v for r in rows): err(f'{d}: aggregate {v} is a gold value')
    # 各 / 分别 groups
    groups = {}
    for r in rows:
        if r['doc_id'] == d: groups.setdefault(r['evidence'], []).append(r)
    for e, g in groups.items():
        if EACH.search(e):
            if len({r['recipients'] for r in g}) != len(g) or len(g) < 2:
                err(f'{d}: 各/分别 rows must be several and differ in recipient: {e}')
            vals = [int(r['value']) for r in g]
            if '分别' not in e and len(set(vals)) != 1: err(f'{d}: 各 rows must share the value: {e}')
            nums = NUM.findall(e)
            if '分别' in e and len(nums) > 1:
                listed = [round(float(x) * (10**8 if '亿' in e else 1)) for x in nums]
                if vals != listed: err(f'{d}: 分别 values {vals} not in the listed order {listed}')
    # 其中 parts
    for total, parts, exhaustive in PARTS.get(d, []):
        tg = groups.get(total)
        if not tg or len(tg) != 1: err(f'{d}: total {total} should be one row'); continue
        t = tg[0]
        prow = [r for p in parts for r in groups.get(p, [])]
        if not prow: err(f'{d}: parts of {total} missing'); continue
        s = sum(int(r['value']) for r in prow)
        if exhaustive and s != int(t['value']): err(f'{d}: parts of {total} sum to {s}, not {t["value"]}')
        if not exhaustive and s >= int(t['value']): err(f'{d}: parts of {total} not below the total')
        trec = set(t['recipients'].split(';'))
        for r in prow:
            if not all(any(x.startswith(u) for u in trec) for x in r['recipients'].split(';')):
                err(f'{d}: part {r["evidence"]} outside its total')
            if r['program'] != t['program'] or r['year'] != t['year']: err(f'{d}: part {r["evidence"]} year/program')
for (d, e) in list(JOINT) + list(EMPTY_OK) + list(OFF_YEAR) + list(NO_CUE):
    if not any(r['doc_id'] == d and r['evidence'] == e for r in rows): err(f'{d}: listed evidence has no row: {e}')
# 京津 jointly: stated, not a row
if '京津两市共' not in docs['y108_04'] or any('京津' in r['evidence'] for r in rows):
    err('y108_04: the 京津 joint figure must be stated and not be a row')
for d in sorted(raw):
    if raw[d] != docs[d]: err(f'{d}: changed by normalisation (this set is all Simplified)')
    if GLOSS.search(raw[d]): err(d + ': unexpected pinyin gloss')
    n = len(re.sub(r'\s', '', raw[d]))
    if not 600 <= n <= 2000: err(f'{d}: {n} characters (want 600-2000)')
    if DATE_LINE[d] not in '\n'.join(raw[d].split('\n')[:3]): err(f'{d}: date line {DATE_LINE[d]} not in the head')
print('rows', len(rows), counts)
print('errors', errors)
sys.exit(1 if errors else 0)
