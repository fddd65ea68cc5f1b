"""The panel codebook, declared once.

Everything else is generated from this module: the pandera schema that validates the panel
(``panel_schema``), the machine-readable ``data/clean/codebook.yaml`` and the Markdown column
docs (``codebook_markdown``). The vocabulary follows ``shared/codebook.md`` (v1).
"""
from __future__ import annotations

from dataclasses import dataclass, field

CODEBOOK_VERSION = "1"


@dataclass(frozen=True)
class Indicator:
    name: str
    group: str          # input_money · input_people · output
    units: tuple[str, ...]
    doc: str
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str          # str · int · float
    doc: str
    allowed: tuple[str, ...] | None = None
    nullable: bool = False
    core: bool = True   # part of the codebook (and gold files); False for provenance columns


INDICATORS: tuple[Indicator, ...] = (
    Indicator("fiscal_aid", "input_money", ("yuan",),
              "government fiscal assistance funds",
              ("财政资金", "财政援助资金", "专项帮扶资金", "劳务协作资金")),
    Indicator("social_aid", "input_money", ("yuan",),
              "social donations in money or goods",
              ("社会帮扶资金", "募集款物", "捐款捐物", "捐赠")),
    Indicator("investment", "input_money", ("yuan",),
              "enterprise investment realised in the recipient area",
              ("实际投资到位额", "到位资金", "投资额")),
    Indicator("consumption_aid", "input_money", ("yuan",),
              "value of recipient-area products bought or sold",
              ("消费扶贫", "采购扶贫产品", "销售扶贫产品")),
    Indicator("cadres_sent", "input_people", ("person", "person_time"),
              "party/government cadres dispatched to recipient areas",
              ("选派党政干部", "挂职")),
    Indicator("professionals_sent", "input_people", ("person", "person_time"),
              "professional and technical staff dispatched",
              ("专业技术人才", "教师", "医生", "专家", "支教")),
    Indicator("cadres_received", "input_people", ("person", "person_time"),
              "recipient-area cadres hosted by the donor",
              ("接收党政干部挂职",)),
    Indicator("professionals_received", "input_people", ("person", "person_time"),
              "recipient-area professionals hosted by the donor",
              ("接收专技人才", "接收教师")),
    Indicator("trained", "input_people", ("person", "person_time"),
              "people trained",
              ("培训干部", "培训人才", "培训劳动力", "培训带头人")),
    Indicator("poor_beneficiaries", "output", ("person", "person_time", "household"),
              "registered poor people driven, benefiting or lifted",
              ("带动贫困人口", "受益贫困人口", "脱贫")),
    Indicator("employment", "output", ("person",),
              "poor labourers placed in jobs; detail: to_donor · local · elsewhere · total",
              ("来津就业", "就近就地就业", "转移就业")),
    Indicator("enterprises", "output", ("count",),
              "enterprises guided to invest or landed in recipient areas",
              ("引导企业", "引进企业", "落地企业")),
    Indicator("projects", "output", ("count",),
              "assistance projects carried out",
              ("帮扶项目", "落地项目")),
    Indicator("pairings", "output", ("count",),
              "twinning relationships",
              ("结对帮扶关系", "企业与贫困村结对")),
)

INDICATOR_NAMES: tuple[str, ...] = tuple(i.name for i in INDICATORS)
INDICATOR_BY_NAME: dict[str, Indicator] = {i.name: i for i in INDICATORS}

PROGRAMS = ("east_west", "counterpart", "designated", "mixed")
PERIODS = ("annual", "cumulative")
STATUSES = ("actual", "target", "expected")
UNITS = ("yuan", "person", "person_time", "household", "count")
QUALIFIERS = ("exact", "approx", "lower_bound")
EMPLOYMENT_DETAILS = ("to_donor", "local", "elsewhere", "total")

COLUMNS: tuple[Column, ...] = (
    Column("doc_id", "str", "file stem of the raw report"),
    Column("donor", "str", "eastern helping unit, official full name (a zone keeps its own name)"),
    Column("recipients", "str",
           "western unit(s) the figure is for, full names joined with ';'; empty when the text "
           "names none (the figure covers all of the donor's recipients)", nullable=True),
    Column("program", "str",
           "east_west (东西部扶贫协作, incl. 携手奔小康) · counterpart (对口支援) · designated "
           "(定点帮扶 within the donor's province) · mixed (text does not separate)", PROGRAMS),
    Column("year", "int", "calendar year the figure refers to (end year for cumulative figures); "
           "empty when the report states no year at all and has no date (an undated page: the "
           "figure is kept, analyses that need a year leave it out)", nullable=True),
    Column("period", "str", "annual (one year, incl. year-to-date) · cumulative (several years)",
           PERIODS),
    Column("status", "str", "actual (done) · target (plan) · expected (预计)", STATUSES),
    Column("indicator", "str", "one of the indicator vocabulary", INDICATOR_NAMES),
    Column("value", "float", "number in base units: yuan, persons, person-times, counts"),
    Column("unit", "str", "yuan · person · person_time · household · count", UNITS),
    Column("qualifier", "str", "exact · approx (近, 约, 左右) · lower_bound (以上, 余, 多, 超过, 突破, 不少于)",
           QUALIFIERS),
    Column("detail", "str", "short English word for a sub-kind (teachers, to_donor, ...)",
           nullable=True),
    Column("evidence", "str", "the shortest exact substring of the normalised text that states the figure"),
    Column("recipient_adcodes", "str", "adcodes of the recipients, ';'-joined in the same order",
           nullable=True, core=False),
    Column("start", "int", "start offset of the evidence in data/clean/text/<doc_id>.txt",
           nullable=True, core=False),
    Column("end", "int", "end offset (exclusive) of the evidence in the clean text",
           nullable=True, core=False),
    Column("raw_start", "int", "start offset of the evidence in the raw file's decoded text",
           nullable=True, core=False),
    Column("raw_end", "int", "end offset (exclusive) in the raw file's decoded text",
           nullable=True, core=False),
    Column("origin", "str", "extracted (by the rules) or correction (data/raw/corrections.csv)",
           ("extracted", "correction"), core=False),
)

CORE_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.core)
PANEL_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS)


def as_dict() -> dict:
    """The codebook as plain data (written to data/clean/codebook.yaml)."""
    return {
        "version": CODEBOOK_VERSION,
        "columns": [
            {k: v for k, v in {
                "name": c.name, "dtype": c.dtype, "doc": c.doc,
                "allowed": list(c.allowed) if c.allowed else None,
                "nullable": c.nullable, "core": c.core,
            }.items() if v is not None}
            for c in COLUMNS
        ],
        "indicators": [
            {"name": i.name, "group": i.group, "units": list(i.units), "doc": i.doc,
             "examples": list(i.examples)}
            for i in INDICATORS
        ],
        "employment_details": list(EMPLOYMENT_DETAILS),
    }


def write_yaml(path) -> None:
    import yaml

    with open(path, "w", encoding="utf-8", newline="\n") as f:
        yaml.safe_dump(as_dict(), f, allow_unicode=True, sort_keys=False, width=100)


def codebook_markdown() -> str:
    """Column and indicator docs as Markdown, for notebooks and the README of data/clean."""
    lines = [f"# Panel codebook (v{CODEBOOK_VERSION}, generated from helpers.codebook)", "",
             "| column | type | meaning | allowed |", "|---|---|---|---|"]
    for c in COLUMNS:
        allowed = " · ".join(c.allowed) if c.allowed and c.name != "indicator" else ""
        lines.append(f"| {c.name} | {c.dtype}{'?' if c.nullable else ''} | {c.doc} | {allowed} |")
    lines += ["", "| indicator | group | units | meaning | cue words |", "|---|---|---|---|---|"]
    for i in INDICATORS:
        lines.append(f"| {i.name} | {i.group} | {' · '.join(i.units)} | {i.doc} | {'、'.join(i.examples)} |")
    return "\n".join(lines) + "\n"


def panel_schema():
    """The pandera schema of the panel, built from COLUMNS and INDICATORS."""
    import pandera.pandas as pa

    checks = {
        "int": [],
        "float": [pa.Check.ge(0)],
        "str": [],
    }
    dtypes = {"int": "Int64", "float": "float64", "str": "str"}
    cols = {}
    for c in COLUMNS:
        col_checks = list(checks[c.dtype])
        if c.allowed:
            col_checks.append(pa.Check.isin(list(c.allowed)))
        if c.name == "year":
            col_checks.append(pa.Check.in_range(1990, 2035))
        cols[c.name] = pa.Column(dtypes[c.dtype], checks=col_checks, nullable=c.nullable,
                                 coerce=True)

    def unit_fits_indicator(df):
        return df.apply(lambda r: r["unit"] in INDICATOR_BY_NAME[r["indicator"]].units
                        if r["indicator"] in INDICATOR_BY_NAME else False, axis=1)

    def employment_detail(df):
        return (df["indicator"] != "employment") | df["detail"].isin(EMPLOYMENT_DETAILS)

    return pa.DataFrameSchema(
        cols,
        checks=[
            pa.Check(unit_fits_indicator, error="unit does not fit the indicator"),
            pa.Check(employment_detail, error="employment rows need detail to_donor/local/elsewhere/total"),
        ],
        strict=True,
        ordered=True,
    )


def failure_summary(err):
    """A pandera ``SchemaErrors`` as a table: failures per column and check, with examples."""
    fc = err.failure_cases
    return (fc.assign(column=fc["column"].fillna("(table)"), failure_case=fc["failure_case"].map(str))
            .groupby(["column", "check"], dropna=False)
            .agg(n=("failure_case", "size"),
                 examples=("failure_case", lambda s: ", ".join(sorted(set(s))[:3]))))
