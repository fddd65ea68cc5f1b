"""Sanity check for tests/heldout99 (focus: how numbers and lists are written).

Generic checks (as in the other held-out sets): the CSV parses with the standard columns, every
column value is in its vocabulary, the unit fits the indicator, the value matches a number in its
evidence (Arabic as is, x1e4 or x1e8, or a Chinese numeral such as 一千二百万 / 两千 / 一百零八),
each document has 12-20 rows, each evidence occurs exactly once in its document and inside one
line, every document is 600-2000 characters, and no page is changed by normalisation (pinyin-gloss
removal + OpenCC t2s) or carries glosses.

Set-specific checks:
- donors and recipients are full names from the province down; no row has empty recipients;
- all years lie in 2017-2023; both programs east_west and counterpart are present; counterpart
  rows go to Xinjiang / Tibet / Qinghai and east_west rows do not; donors come from at least five
  different eastern provinces / municipalities;
- the qualifier agrees with the cue words next to the number in the evidence
  (约 / 近 / 左右 -> approx; 余 / 多 / 以上 / 超过 / 逾 / 突破 / 不少于 -> lower_bound; none -> exact);
- 人次 in the evidence <-> unit person_time; 户 <-> household;
- 分别 rows: one row per listed value, each with one recipient, values in the order of the
  recipients where the recipients are named in the evidence;
- 各 rows ("N县各…"): N rows, one per recipient, all with the same per-unit value;
- evidence never carries a non-row marker (%, 增长, 县均, 人均, 招聘会, 车间, 联席会议, 总投资);
- stated totals equal (or bound) the sum of their listed parts.
Run with the project venv (needs opencc):  .venv/bin/python tests/heldout99/check.py
Does not import or run anything from the project itself."""
import csv, re, sys, pathlib
from collections import defaultdict
import opencc

HERE = pathlib.Path(__file__).resolve().parent
PREFIX = 'y99'
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
EMPLOYMENT_DETAIL = {'to_donor', 'local', 'elsewhere', 'total'}
PROVINCES = tuple('北京市 天津市 上海市 重庆市 河北省 山西省 辽宁省 吉林省 黑龙江省 江苏省 浙江省 安徽省 福建省 '
                  '江西省 山东省 河南省 湖北省 湖南省 广东省 海南省 四川省 贵州省 云南省 陕西省 甘肃省 青海省 '
                  '内蒙古自治区 广西壮族自治区 西藏自治区 宁夏回族自治区 新疆维吾尔自治区'.split())
EASTERN = tuple('北京市 天津市 上海市 河北省 辽宁省 江苏省 浙江省 福建省 山东省 广东省'.split())
COUNTERPART_AREAS = ('新疆维吾尔自治区', '西藏自治区', '青海省')
TONE = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ'
GLOSS = re.compile(r'\(([A-Za-z' + TONE + r'ü\s]+)\)')
NUM = re.compile(r'\d+(?:\.\d+)?')
CN_DIGIT = {'零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
CN_UNIT = {'十': 10, '百': 100, '千': 1000}
CN_BIG = {'万': 10**4, '亿': 10**8}
CN_NUM = re.compile('[零一二两三四五六七八九十百千万亿]+')
NUMCH = r'[\d零一二两三四五六七八九十百千万亿]'
APPROX = [re.compile(r'约' + NUMCH), re.compile(r'近' + NUMCH), re.compile(r'左右')]
LOWER = [re.compile(NUMCH + r'(?:余|多)'), re.compile(r'以上'), re.compile(r'超过' + NUMCH),
         re.compile(r'逾' + NUMCH), re.compile(r'突破' + NUMCH), re.compile(r'不少于' + NUMCH)]
NON_ROW = ['%', '增长', '县均', '人均', '招聘会', '车间', '联席会议', '总投资']
# (doc, evidence of a stated total, evidences of its parts, 'eq' = parts add up / 'le' = parts within total)
TOTALS = [('y99_01', '全年安排援疆资金7.26亿元', ['分别向策勒县、于田县、民丰县安排援疆资金2.41亿元、3.08亿元、1.77亿元'], 'eq'),
          ('y99_02', '全年下达援藏资金10.2亿元', ['分别向江孜县、亚东县、萨迦县、拉孜县、定日县安排援藏资金1.62亿元、1.24亿元、1.38亿元、1.46亿元、1.55亿元'], 'le'),
          ('y99_02', '实现转移就业3.2万人', ['其中到上海就业4600余人'], 'le'),
          ('y99_03', '全年安排援疆资金13.8亿元', ['分别向疏勒县、英吉沙县、麦盖提县、岳普湖县投入援疆资金3.9亿元、3.4亿元、3.3亿元、3.2亿元'], 'eq'),
          ('y99_03', '选派教师、医生等专业技术人才460名', ['其中支教教师312名'], 'le'),
          ('y99_03', '帮助四县贫困劳动力转移就业2.6万人', ['其中赴山东就业1260人'], 'le'),
          ('y99_04', '选派专业技术人才：246名', ['其中教师118名', '医生96名'], 'le'),
          ('y99_04', '转移就业贫困劳动力：3206人', ['其中到福建就业1120人'], 'le'),
          ('y99_05', '投入财政帮扶资金13.6亿元', ['其中百色市7.4亿元', '河池市6.2亿元'], 'eq'),
          ('y99_05', '实现转移就业3.28万人', ['其中到广东就业2.37万人'], 'le'),
          ('y99_05', '专业技术人才612名', ['教师286名', '医生203名'], 'le'),
          ('y99_07', '向广元市拨付财政援助资金约3.1亿元', ['安吉县向青川县拨付财政援助资金一千二百万元'], 'le'),
          ('y99_07', '转移就业1.2万人左右', ['其中到浙江稳岗就业两千多人'], 'le'),
          ('y99_08', '投入财政帮扶资金1.06亿元', ['分别向六枝特区、水城县、盘州市、钟山区安排财政帮扶资金3100万元、3600万元、2400万元、1500万元'], 'eq')]
t2s = opencc.OpenCC('t2s')


def normalise(text):
    text = GLOSS.sub(lambda m: '' if any(c in TONE for c in m.group(1)) else m.group(0), text)
    return t2s.convert(text)


def cn2int(s):
    """Chinese numeral (一千二百万, 两千, 一百零八, 三千一百) -> int."""
    total, section, num = 0, 0, 0
    for ch in s:
        if ch in CN_DIGIT:
            num = CN_DIGIT[ch]
        elif ch in CN_UNIT:
            section += (num or 1) * CN_UNIT[ch]
            num = 0
        elif ch in CN_BIG:
            section += num
            if ch == '万' and total and section == 0:
                total *= CN_BIG[ch]
            else:
                total += (section or 1) * CN_BIG[ch]
            section, num = 0, 0
    return total + section + num


assert cn2int('一千二百万') == 12000000 and cn2int('两千') == 2000 and cn2int('一百零八') == 108
assert cn2int('三千一百') == 3100 and cn2int('四千二百万') == 42000000 and cn2int('一百四十') == 140


def candidates(ev):
    c = {round(float(x) * k) for x in NUM.findall(ev) for k in (1, 10**4, 10**8)}
    c |= {cn2int(m) for m in CN_NUM.findall(ev)}
    return c


def amounts(ev):
    """Arabic amounts in the evidence in text order, scaled by a following 万/亿."""
    return [round(float(x) * {'万': 10**4, '亿': 10**8}.get(u, 1))
            for x, u in re.findall(r'(\d+(?:\.\d+)?)(万|亿)?', ev)]


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
assert sorted(docs) == [f'{PREFIX}_0{i}' for i in range(1, 9)], sorted(docs)
seen = set()
by_ev = defaultdict(list)
for i, r in enumerate(rows, 2):
    def bad(msg):
        global errors
        errors += 1
        print(f'line {i} {r["doc_id"]}: {msg}')
    if r['doc_id'] not in docs: bad('no such document'); continue
    ev = r['evidence']
    by_ev[(r['doc_id'], ev)].append(r)
    if r['indicator'] not in INDICATORS: bad('indicator ' + r['indicator'])
    for c, v in VOCAB.items():
        if r[c] not in v: bad(f'{c} {r[c]}')
    if not re.fullmatch(r'20(1[7-9]|2[0-3])', r['year']): bad('year outside 2017-2023: ' + r['year'])
    if not re.fullmatch(r'\d+', r['value']): bad('value ' + r['value'])
    n = docs[r['doc_id']].count(ev)
    if n == 0: bad('evidence not in document: ' + ev)
    elif n > 1: bad(f'evidence occurs {n} times: ' + ev)
    if r['unit'] not in UNITS.get(r['indicator'], set()): bad(f'unit {r["unit"]} for {r["indicator"]}')
    if re.fullmatch(r'\d+', r['value']) and int(r['value']) not in candidates(ev):
        bad(f'value {r["value"]} not read from evidence: {ev}')
    for name in [r['donor']] + [x for x in r['recipients'].split(';') if x]:
        if not name.startswith(PROVINCES): bad('not a full official name: ' + name)
    if not r['donor'].startswith(EASTERN): bad('donor not an eastern unit: ' + r['donor'])
    if not r['recipients']: bad('empty recipients (none in this set)')
    recs = r['recipients'].split(';')
    if r['program'] == 'counterpart' and not all(x.startswith(COUNTERPART_AREAS) for x in recs):
        bad('counterpart row outside Xinjiang/Tibet/Qinghai')
    if r['program'] == 'east_west' and any(x.startswith(COUNTERPART_AREAS[:2]) for x in recs):
        bad('east_west row to Xinjiang/Tibet')
    if r['status'] == 'target' and r['qualifier'] == 'approx': bad('target with approx')
    if r['indicator'] == 'employment' and r['detail'] not in EMPLOYMENT_DETAIL: bad('employment detail ' + r['detail'])
    # qualifier against the cue words
    want = 'approx' if any(p.search(ev) for p in APPROX) else 'lower_bound' if any(p.search(ev) for p in LOWER) else 'exact'
    if r['qualifier'] != want: bad(f'qualifier {r["qualifier"]}, cue words say {want}: {ev}')
    # person vs person_time, households
    if ('人次' in ev) != (r['unit'] == 'person_time'): bad(f'unit {r["unit"]} vs 人次 in evidence: {ev}')
    if r['unit'] == 'household' and not re.search(NUMCH + r'+(?:余|多)?户', ev): bad('household without 户: ' + ev)
    if re.search(r'\d(?:余|多)?户', ev) and r['unit'] != 'household': bad('户 in evidence but unit ' + r['unit'])
    for m in NON_ROW:
        if m in ev: bad(f'non-row marker {m} in evidence: {ev}')
    if not any(ev in line for line in docs[r['doc_id']].split('\n')): bad('evidence not inside one line')
    if '\n' in ev: bad('evidence spans a line break')
    key = tuple(r[c] for c in COLS)
    if key in seen: bad('duplicate row')
    seen.add(key)

# 分别 and 各 lists
for (d, ev), rs in by_ev.items():
    if '分别' in ev:
        vals = amounts(ev)
        if len(rs) != len(vals) or any(';' in r['recipients'] for r in rs):
            errors += 1; print(f'{d}: 分别 list with {len(vals)} values has {len(rs)} rows: {ev}')
        pos = []
        for r in rs:
            rec = r['recipients']
            k = next((k for k in range(len(rec), 1, -1) if rec[-k:] in ev), None)
            pos.append(ev.find(rec[-k:]) if k else None)
        if None not in pos:
            ordered = [int(r['value']) for _, r in sorted(zip(pos, rs), key=lambda t: t[0])]
            if ordered != vals:
                errors += 1; print(f'{d}: 分别 values out of recipient order: {ordered} vs {vals}')
    m = re.search(r'([一二两三四五六七八九十])县各', ev)
    if m:
        n = cn2int(m.group(1))
        if len(rs) != n or len({r['recipients'] for r in rs}) != n or len({r['value'] for r in rs}) != 1:
            errors += 1; print(f'{d}: 各 list for {n} units has {len(rs)} rows: {ev}')
# totals and parts
for d, tot_ev, part_evs, how in TOTALS:
    tot = [int(r['value']) for r in by_ev.get((d, tot_ev), [])]
    parts = [int(r['value']) for pe in part_evs for r in by_ev.get((d, pe), [])]
    if len(tot) != 1 or not parts:
        errors += 1; print(f'{d}: total/parts rows missing: {tot_ev}'); continue
    if (how == 'eq' and sum(parts) != tot[0]) or (how == 'le' and sum(parts) > tot[0]):
        errors += 1; print(f'{d}: parts {sum(parts)} vs total {tot[0]} ({how}): {tot_ev}')
# set-wide coverage
programs = {r['program'] for r in rows}
if not {'east_west', 'counterpart'} <= programs:
    errors += 1; print('programs present:', programs)
donor_prov = {next(p for p in PROVINCES if r['donor'].startswith(p)) for r in rows if r['donor'].startswith(PROVINCES)}
if len(donor_prov) < 5:
    errors += 1; print('donor provinces:', donor_prov)
cp_areas = {a for r in rows if r['program'] == 'counterpart' for a in COUNTERPART_AREAS if r['recipients'].startswith(a)}
if cp_areas != set(COUNTERPART_AREAS):
    errors += 1; print('counterpart areas covered:', cp_areas)
counts = {}
for r in rows: counts[r['doc_id']] = counts.get(r['doc_id'], 0) + 1
for d in sorted(docs):
    if not 12 <= counts.get(d, 0) <= 20:
        errors += 1; print(f'{d}: {counts.get(d, 0)} rows (want 12-20)')
for d in sorted(raw):
    if raw[d] != docs[d]:
        errors += 1; print(f'{d}: changed by normalisation (no Traditional page in this set)')
    if GLOSS.search(raw[d]):
        errors += 1; print(d + ': unexpected pinyin gloss')
    n = len(re.sub(r'\s', '', raw[d]))
    if not 600 <= n <= 2000:
        errors += 1; print(f'{d}: {n} characters (want 600-2000)')
print('rows', len(rows), counts)
print('donor provinces', len(donor_prov), sorted(donor_prov))
print('errors', errors)
sys.exit(1 if errors else 0)
