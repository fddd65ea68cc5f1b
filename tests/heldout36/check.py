"""Sanity check for tests/heldout36: the CSV parses, every column value is in its vocabulary,
and every evidence string is a verbatim substring of its document after pinyin-gloss removal
and OpenCC t2s; also that the unit fits the indicator, that the value matches a number in its
evidence (as is, x1e4 or x1e8; full-width digits, thousands separators and Chinese-numeral
figures are read too), that each document has 12-20 rows, that every allowed repeat really
repeats (z36_05 holds its body twice, once more in a 打印版 section: each of its evidence strings
occurs exactly twice), and (for this set) that donors and recipients are full names from the
province down (中国煤炭地质总局 is the one central unit), that no row has empty recipients, that all
eight pages are Simplified (unchanged by normalisation) without pinyin glosses, that years lie
in 2015-2024, that every evidence string is a line-internal substring, that each page has
600-2500 Chinese characters, and the page forms this set is about (hard-wrapped PDF text,
full-width digits, Chinese numerals, a footer-only date, a WeChat article, thousands separators).
Run with the project venv (needs opencc):  .venv/bin/python tests/heldout36/check.py
Does not import or run anything from the project itself."""
import csv, re, sys, pathlib, unicodedata
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
# evidence that may occur more than once because the page itself repeats the figure
REPEATS_OK = {('z36_02', '投入援疆资金３６５０万元'),  # headline + body
              ('z36_04', '安排援青资金约5200万元'),  # ● digest + body (four items)
              ('z36_04', '援建项目20余个'),
              ('z36_04', '培训治多县干部、牧民超过1500人次'),
              ('z36_04', '帮助建档立卡贫困人口就近就业近300人')}
DOUBLED = {'z36_05'}  # the body is saved twice (page + 打印版): every evidence occurs exactly twice
TONE = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ'
GLOSS = re.compile(r'\(([A-Za-z' + TONE + r'ü\s]+)\)')
UNITS = {'fiscal_aid': {'yuan'}, 'social_aid': {'yuan'}, 'investment': {'yuan'}, 'consumption_aid': {'yuan'},
         'cadres_sent': {'person'}, 'professionals_sent': {'person'}, 'cadres_received': {'person'},
         'professionals_received': {'person'}, 'trained': {'person', 'person_time'},
         'poor_beneficiaries': {'person', 'household', 'person_time'}, 'employment': {'person'},
         'enterprises': {'count'}, 'projects': {'count'}, 'pairings': {'count'}}
PROVINCES = tuple('北京市 天津市 上海市 重庆市 河北省 山西省 辽宁省 吉林省 黑龙江省 江苏省 浙江省 安徽省 福建省 '
                  '江西省 山东省 河南省 湖北省 湖南省 广东省 海南省 四川省 贵州省 云南省 陕西省 甘肃省 青海省 '
                  '内蒙古自治区 广西壮族自治区 西藏自治区 宁夏回族自治区 新疆维吾尔自治区 新疆生产建设兵团'.split())
NUM = re.compile(r'\d+(?:\.\d+)?')
CENTRAL = {'中国煤炭地质总局'}  # the central SOE doing 定点帮扶 in z36_03
t2s = opencc.OpenCC('t2s')

DIGITS = dict(zip('〇零一二两三四五六七八九', [0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9]))
SMALL = {'十': 10, '百': 100, '千': 1000}
CN_RUN = re.compile('[〇零一二两三四五六七八九十百千万亿]+')

def cn_value(s):
    """Value of a Chinese-numeral figure (一千二百万 -> 12000000, 十二 -> 12)."""
    total, section, number = 0, 0, 0
    for ch in s:
        if ch in DIGITS:
            number = DIGITS[ch]
        elif ch in SMALL:
            section += (number or 1) * SMALL[ch]; number = 0
        elif ch == '万':
            total += (section + number) * 10**4; section = number = 0
        elif ch == '亿':
            total = (total + section + number) * 10**8; section = number = 0
    return total + section + number

def numbers(evidence):
    text = unicodedata.normalize('NFKC', evidence)          # full-width digits -> ASCII
    text = re.sub(r'(?<=\d),(?=\d{3})', '', text)          # 1,200 -> 1200
    found = [float(x) for x in NUM.findall(text)]
    found += [cn_value(x) for x in CN_RUN.findall(text) if x not in ('万', '亿')]
    return found

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
assert sorted(docs) == [f'z36_0{i}' for i in range(1, 9)], sorted(docs)
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
    elif r['doc_id'] in DOUBLED:
        if n != 2: bad(f'evidence in the doubled page occurs {n} times (want 2): ' + r['evidence'])
    elif n > 1 and (r['doc_id'], r['evidence']) not in REPEATS_OK: bad(f'evidence occurs {n} times: ' + r['evidence'])
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
for d, ev in sorted(REPEATS_OK):
    if docs.get(d, '').count(ev) < 2:
        errors += 1; print(f'{d}: allowed repeat does not repeat: {ev}')
for d in sorted(raw):
    if raw[d] != docs[d]:
        errors += 1; print(f'{d}: changed by normalisation (all pages of this set are Simplified)')
    if GLOSS.search(raw[d]):
        errors += 1; print(f'{d}: unexpected pinyin gloss')
# the doubled page really holds its body twice
for d in sorted(DOUBLED):
    lines = [l for l in docs.get(d, '').split('\n') if len(l) > 40]
    if not lines or any(docs[d].count(l) != 2 for l in lines) or '【打印版】' not in docs[d]:
        errors += 1; print(f'{d}: body is not saved exactly twice (page + 打印版)')
# length of every page: 600-2500 Chinese characters
for d in sorted(docs):
    han = len(re.findall(r'[\u4e00-\u9fff]', docs[d]))
    if not 600 <= han <= 2500:
        errors += 1; print(f'{d}: {han} Chinese characters (want 600-2500)')
# the page forms of this set
def want(cond, msg):
    global errors
    if not cond:
        errors += 1; print(msg)
want(max(len(l.strip()) for l in docs['z36_01'].split('\n')) <= 40, 'z36_01: not hard-wrapped like PDF text')
want(sum(1 for l in docs['z36_01'].split('\n') if l.startswith('    ')) < len(docs['z36_01'].split('\n')) // 2,
     'z36_01: too few broken sentences')
want(re.search('[０-９]{3}', docs['z36_02']) and not re.search(r'[0-9]{3}万元', docs['z36_02']),
     'z36_02: figures not in full-width digits')
want(not re.search(r'[0-9０-９]+万元', docs['z36_03']) and '一千二百万元' in docs['z36_03'], 'z36_03: figures not in Chinese numerals')
want(re.search(r'\d+(余|多)', docs['z36_04']) and '近' in docs['z36_04'] and '约' in docs['z36_04'] and '超过' in docs['z36_04'],
     'z36_04: missing 余/多/近/约/超过 figures')
want('点击蓝字' in docs['z36_06'] and '阅读原文' in docs['z36_06'], 'z36_06: not a WeChat article')
dates7 = [i for i, l in enumerate(docs['z36_07'].split('\n')) if re.search(r'20\d\d-\d\d-\d\d|20\d\d年\d+月', l)]
want(dates7 == [len(docs['z36_07'].rstrip('\n').split('\n')) - 1] and '发布时间' in docs['z36_07'].rstrip('\n').split('\n')[-1],
     'z36_07: the date must appear only as 发布时间 in the footer')
want(re.search(r'\d,\d{3}万元', docs['z36_08']), 'z36_08: no thousands separators')
print('rows', len(rows), counts)
print('errors', errors)
sys.exit(1 if errors else 0)
