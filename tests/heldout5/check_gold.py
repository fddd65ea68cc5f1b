import csv, re, sys, collections, pathlib, opencc
from decimal import Decimal
base = pathlib.Path("/work/main/tests/heldout5")
t2s = opencc.OpenCC("t2s")
H4 = open("/work/main/tests/heldout4/gold.csv", encoding="utf-8").readline().strip()
H5 = open(base/"gold.csv", encoding="utf-8").readline().strip()
assert H4 == H5, (H4, H5)
rows = list(csv.DictReader(open(base/"gold.csv", encoding="utf-8")))
UNITS = {"fiscal_aid":{"yuan"},"social_aid":{"yuan"},"investment":{"yuan"},"consumption_aid":{"yuan"},
 "cadres_sent":{"person"},"professionals_sent":{"person","person_time"},"cadres_received":{"person"},
 "professionals_received":{"person"},"trained":{"person","person_time"},
 "poor_beneficiaries":{"person","household","person_time"},"employment":{"person"},
 "enterprises":{"count"},"projects":{"count"},"pairings":{"count"}}
docs = {p.stem: re.sub(r"[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü\s]+[)）]", "", t2s.convert(p.read_text(encoding="utf-8")))
        for p in sorted((base/"docs").glob("*.txt"))}
err = 0
def num(ev):
    m = re.findall(r"(\d+(?:\.\d+)?)(万|亿)?", ev)
    return [Decimal(a)*(10000 if b=="万" else 100000000 if b=="亿" else 1) for a,b in m]
for i,r in enumerate(rows, 2):
    def bad(msg):
        global err; err += 1; print(f"line {i} {r['doc_id']}: {msg} | {r['evidence']}")
    if r["doc_id"] not in docs: bad("no doc")
    if r["indicator"] not in UNITS: bad("indicator")
    elif r["unit"] not in UNITS[r["indicator"]]: bad("unit")
    if r["program"] not in {"east_west","counterpart","designated","mixed"}: bad("program")
    if r["period"] not in {"annual","cumulative"}: bad("period")
    if r["status"] not in {"actual","target","expected"}: bad("status")
    if r["qualifier"] not in {"exact","approx","lower_bound"}: bad("qualifier")
    if not (2017 <= int(r["year"]) <= 2024): bad("year")
    v = Decimal(r["value"])
    if v != int(v) or v <= 0: bad("value")
    if v not in num(r["evidence"]): bad(f"value {v} not in evidence numbers {num(r['evidence'])}")
    n = docs.get(r["doc_id"], "").count(r["evidence"])
    if n != 1: bad(f"evidence occurs {n} times")
    if r["detail"] and r["indicator"]=="employment" and r["detail"] not in {"to_donor","local","elsewhere","total"}: bad("emp detail")
    if r["indicator"]=="employment" and not r["detail"]: bad("emp needs detail")
# 各/分别 rows sharing evidence must differ in recipient or donor
shared = collections.defaultdict(list)
for r in rows: shared[(r["doc_id"], r["evidence"])].append(r)
for k, rs in shared.items():
    if len(rs) > 1:
        keys = {(x["donor"], x["recipients"], x["value"]) for x in rs}
        ok = len(keys) == len(rs)
        print("shared evidence:", k, len(rs), "ok" if ok else "DUPLICATE")
        if not ok: err += 1
# exact duplicate rows
c = collections.Counter(tuple(r.values()) for r in rows)
for k, n in c.items():
    if n > 1: err += 1; print("dup row", k)
print(collections.Counter(r["doc_id"] for r in rows), len(rows))
print("recipients:", sorted({x for r in rows for x in r["recipients"].split(";")}))
print("donors:", sorted({r["donor"] for r in rows}))
print("ERRORS", err)
sys.exit(1 if err else 0)
