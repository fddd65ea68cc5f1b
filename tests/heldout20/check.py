"""Sanity check for tests/heldout20: the CSV parses, every column value is in its vocabulary,
and every evidence string is a verbatim substring of its document after pinyin-gloss removal
and OpenCC t2s; also that the unit fits the indicator, that the value matches a number in its
evidence (as is, x1e4 or x1e8; full-width digits, thousands commas, spaces before the unit and
Chinese-numeral figures such as 一亿零三百万 / 近百 are read too), that each document has 12-20 rows
and 600-2500 Chinese characters, that every allowed repeat really repeats, and (for this set)
that donors and recipients are full names from the province down (新疆生产建设兵团 units
included), that no row has empty recipients, that t08 is a Traditional-Chinese page carrying
pinyin glosses (and the other seven are plain Simplified), that years lie in 2017-2023, that
every evidence string is a line-internal substring, and that the messy features the set is
about are really there (t01 page furniture and broken lines, t02 full-width digits and mixed
separators, t03 Chinese numerals, t04 no date, t05 dotted and short dates, t06 approximate
qualifiers, t07 a second truncated copy, t04 circled items).
Run with the project venv (needs opencc):  .venv/bin/python tests/heldout20/check.py
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
TRAD = 't08'
# evidence that may occur more than once because the page itself repeats the figure
REPEATS_OK = {('t06', '向巴州区拨付财政帮扶资金近1.1亿元'), ('t06', '实施协作项目40余个'),   # ● digest + body
              ('t06', '带动贫困人口约6800人增收'),
              ('t08', '向六枝特区投入财政帮扶资金4280万元'),                            # headline + lead
              # t07: the scraper saved the page twice, the second copy cut off in the 人才 paragraph
              ('t07', '向临洮县拨付东西部扶贫协作财政资金3150万元'), ('t07', '实施帮扶项目21个'),
              ('t07', '带动建档立卡贫困人口1.36万人增收'), ('t07', '向定西市投入财政帮扶资金2.33亿元'),
              ('t07', '引导4家企业在临洮县落地投产'), ('t07', '实际到位资金5600万元'),
              ('t07', '吸纳贫困劳动力就业312人'), ('t07', '选派干部3名'), ('t07', '专业技术人才25名')}
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
CENTRAL = set()  # no central unit in this set
t2s = opencc.OpenCC('t2s')

DIGITS = dict(zip('〇零一二两三四五六七八九', [0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9]))
SMALL = {'十': 10, '百': 100, '千': 1000}
CN_RUN = re.compile('[〇零一二两三四五六七八九十百千万亿]+')

def cn_value(s):
    """Value of a Chinese-numeral figure (一亿零三百万 -> 103000000, 十二 -> 12, 百 -> 100)."""
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
assert sorted(docs) == [f't0{i}' for i in range(1, 9)], sorted(docs)
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
    if not re.fullmatch(r'20(1[7-9]|2[0-3])', r['year']): bad('year ' + r['year'])
    if not re.fullmatch(r'\d+', r['value']): bad('value ' + r['value'])
    n = docs[r['doc_id']].count(r['evidence'])
    if n == 0: bad('evidence not in document: ' + r['evidence'])
    elif n > 1 and (r['doc_id'], r['evidence']) not in REPEATS_OK: bad(f'evidence occurs {n} times: ' + r['evidence'])
    if r['unit'] not in UNITS.get(r['indicator'], set()): bad(f'unit {r["unit"]} for {r["indicator"]}')
    if re.fullmatch(r'\d+', r['value']):
        cands = {round(x * k) for x in numbers(r['evidence']) for k in (1, 10**4, 10**8)}
        if int(r['value']) not in cands: bad(f'value {r["value"]} not read from evidence: {r["evidence"]}')
    # every donor and recipient of this set is a government unit written from its province down
    for name in [r['donor']] + [x for x in r['recipients'].split(';') if x]:
        if not name.startswith(PROVINCES) and name not in CENTRAL: bad('not a full official name: ' + name)
    if not r['recipients']: bad('empty recipients (none in this set)')
    if r['recipients'].split(';') != sorted(r['recipients'].split(';')): bad('recipients not in sort order')
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
    n_han = len(re.findall(r'[\u4e00-\u9fff]', raw[d]))
    if not 600 <= n_han <= 2500:
        errors += 1; print(f'{d}: {n_han} Chinese characters (want 600-2500)')
for d, ev in sorted(REPEATS_OK):
    if docs.get(d, '').count(ev) < 2:
        errors += 1; print(f'{d}: allowed repeat does not repeat: {ev}')
for d in sorted(raw):
    trad = raw[d] != docs[d]
    if trad != (d == TRAD):
        errors += 1; print(f'{d}: Traditional/Simplified status unexpected (changed by normalisation: {trad})')
    if d != TRAD and GLOSS.search(raw[d]):
        errors += 1; print(f'{d}: unexpected pinyin gloss')
if not GLOSS.search(raw.get(TRAD, '')):
    errors += 1; print(f'{TRAD}: no pinyin gloss')
# the messy features this set is about
def feature(ok, msg):
    global errors
    if not ok:
        errors += 1; print('missing feature: ' + msg)
feature(re.search(r'^— \d+ —$', docs['t01'], re.M) and re.search(r'[^。：\n]\n[^\n]', docs['t01']),
        't01 page numbers and mid-sentence line breaks')
feature(re.search('[０-９]', docs['t02']) and re.search(r'\d,\d{3}', docs['t02']) and re.search(r'\d 万元', docs['t02']),
        't02 full-width digits, thousands commas and a space before the unit')
feature('二〇二〇年' in docs['t03'] and sum(bool(CN_RUN.search(r['evidence'])) for r in rows if r['doc_id'] == 't03') >= 10,
        't03 Chinese-numeral dates and figures')
feature(not re.search(r'\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}月\d{1,2}日|\d{2}-\d{2}-\d{2}', docs['t04']) and '①' in docs['t04'],
        't04 no date at all, circled items')
feature('2019.12.31' in docs['t05'] and '19-12-31' in docs['t05'], 't05 dotted and short date lines')
feature({r['qualifier'] for r in rows if r['doc_id'] == 't06'} == {'exact', 'approx', 'lower_bound'} and '逾' in docs['t06'],
        't06 approximate qualifiers')
title7 = docs['t07'].split('\n')[0]
feature(docs['t07'].count(title7) == 2 and docs['t07'].count('相关新闻') == 1 and not docs['t07'].rstrip().endswith('。'),
        't07 a second, truncated copy of the page')
print('rows', len(rows), counts)
print('errors', errors)
sys.exit(1 if errors else 0)
