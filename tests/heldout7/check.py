"""Sanity check for tests/heldout7: the CSV parses, every column value is in its vocabulary,
every evidence string is a verbatim substring of its document after pinyin-gloss removal and
OpenCC t2s, each document has 12-22 rows, and the files still match the sha256 list frozen in
README.md. Run with the project venv (needs opencc):  .venv/bin/python tests/heldout7/check.py
Does not import or run anything from the project itself."""
import csv, hashlib, re, sys, pathlib
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
UNIT_OF = {'fiscal_aid': {'yuan'}, 'social_aid': {'yuan'}, 'investment': {'yuan'}, 'consumption_aid': {'yuan'},
           'cadres_sent': {'person'}, 'professionals_sent': {'person'}, 'cadres_received': {'person'},
           'professionals_received': {'person'}, 'trained': {'person', 'person_time'},
           'poor_beneficiaries': {'person', 'household', 'person_time'}, 'employment': {'person'},
           'enterprises': {'count'}, 'projects': {'count'}, 'pairings': {'count'}}
EMPLOYMENT_DETAIL = {'to_donor', 'local', 'elsewhere', 'total'}
# q05 is a page saved twice (body, junk block, body again, the second copy cut short):
# its evidence may occur up to twice and is still ONE row
PAGE_COPIES = {'q05': 2}
ROWS_PER_DOC = (12, 22)
TONE = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ'
GLOSS = re.compile(r'\(([A-Za-z' + TONE + r'ü\s]+)\)')
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
def bad(where, msg):
    global errors
    errors += 1
    print(f'{where}: {msg}')

with open(HERE / 'gold.csv', newline='', encoding='utf-8') as f:
    reader = csv.DictReader(f)
    assert reader.fieldnames == COLS, reader.fieldnames
    rows = list(reader)
docs = {p.stem: normalise(p.read_text(encoding='utf-8')) for p in (HERE / 'docs').glob('*.txt')}
seen = set()
for i, r in enumerate(rows, 2):
    where = f'line {i} {r["doc_id"]}'
    if r['doc_id'] not in docs: bad(where, 'no such document'); continue
    if r['indicator'] not in INDICATORS: bad(where, 'indicator ' + r['indicator'])
    for c, v in VOCAB.items():
        if r[c] not in v: bad(where, f'{c} {r[c]}')
    if r['indicator'] in UNIT_OF and r['unit'] not in UNIT_OF[r['indicator']]:
        bad(where, f'unit {r["unit"]} for {r["indicator"]}')
    if r['indicator'] == 'employment' and r['detail'] not in EMPLOYMENT_DETAIL: bad(where, 'employment detail ' + r['detail'])
    if r['indicator'] == 'pairings' and not r['detail']: bad(where, 'pairings row without detail')
    if not re.fullmatch(r'20(1[7-9]|2[0-3])', r['year']): bad(where, 'year ' + r['year'])
    if not re.fullmatch(r'[1-9]\d*', r['value']): bad(where, 'value ' + r['value'])
    if not r['donor']: bad(where, 'empty donor')
    rec = r['recipients'].split(';') if r['recipients'] else []
    if len(set(rec)) != len(rec): bad(where, 'recipient listed twice')
    n = docs[r['doc_id']].count(r['evidence'])
    if n == 0: bad(where, 'evidence not in document: ' + r['evidence'])
    elif n > PAGE_COPIES.get(r['doc_id'], 1): bad(where, f'evidence occurs {n} times: ' + r['evidence'])
    key = tuple(r[c] for c in COLS)
    if key in seen: bad(where, 'duplicate row')
    seen.add(key)
counts = {}
for r in rows: counts[r['doc_id']] = counts.get(r['doc_id'], 0) + 1
for d in sorted(docs):
    if not ROWS_PER_DOC[0] <= counts.get(d, 0) <= ROWS_PER_DOC[1]: bad(d, f'{counts.get(d, 0)} rows')

# frozen files: every "<sha256>  <path>" line of README.md must still match
readme = HERE / 'README.md'
frozen = re.findall(r'^([0-9a-f]{64})  (\S+)$', readme.read_text(encoding='utf-8'), re.M) if readme.exists() else []
for digest, rel in frozen:
    p = HERE / rel
    if not p.exists(): bad(rel, 'listed in README.md but missing'); continue
    if hashlib.sha256(p.read_bytes()).hexdigest() != digest: bad(rel, 'sha256 differs from README.md')
if not frozen: print('note: README.md lists no sha256 yet')

print('rows', len(rows), dict(sorted(counts.items())))
print('frozen files checked', len(frozen))
print('errors', errors)
sys.exit(1 if errors else 0)
