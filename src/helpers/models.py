"""Input–output models on the analytic tables, with honest inference for small samples.

Every model returns a ``ModelResult``, never raises on data: when the data cannot support the
model (no rows, fewer rows than parameters, a constant or collinear regressor, only zeros, an
observation with leverage 1, a fit that does not converge) the result says "not estimable"
and why. Every estimate carries N and the number of clusters. Small N gets a warning with the
minimum detectable effect and the N a medium effect would need.

Kinds:
- ``ols_loglog``: log(outcome) ~ log(inputs) by OLS, HC3 standard errors (or cluster-robust).
- ``poisson`` / ``negbin``: GLM for a count outcome on log(inputs), sandwich (HC0) errors.
Fixed effects for donor and year are added when some unit is observed in more than one year
and N allows (``fixed_effects="auto"``, see ``auto_fixed_effects``). Bootstrap CIs resample rows (or clusters) with a seeded generator.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

KINDS = ("ols_loglog", "poisson", "negbin")
COEF_FORMAT = "%.6g"
LABEL_COLUMNS = ("donor", "recipient", "year")


@dataclass
class ModelResult:
    name: str
    kind: str
    formula: str
    estimable: bool
    reason: str = ""
    nobs: int = 0
    n_clusters: int = 0
    cluster: str = ""
    cov_type: str = ""
    coefs: pd.DataFrame = field(default_factory=pd.DataFrame)
    warnings: list[str] = field(default_factory=list)
    dropped: dict[str, int] = field(default_factory=dict)
    fitted: object | None = None
    y: pd.Series | None = None
    X: pd.DataFrame | None = None
    labels: pd.DataFrame | None = None

    def summary_line(self) -> str:
        head = f"{self.name or self.kind}: N={self.nobs}, clusters={self.n_clusters} ({self.cluster or '-'})"
        if not self.estimable:
            return f"{head} — not estimable: {self.reason}"
        return head + (f" — {'; '.join(self.warnings)}" if self.warnings else "")

    def table(self) -> pd.DataFrame:
        """Coefficients with the model's N, clusters and status on every row (one row if not estimable)."""
        meta = {"model": self.name, "kind": self.kind, "formula": self.formula,
                "nobs": self.nobs, "n_clusters": self.n_clusters, "cluster": self.cluster,
                "cov_type": self.cov_type, "estimable": self.estimable, "reason": self.reason,
                "warnings": "; ".join(self.warnings)}
        cols = ["term", "coef", "se", "ci_low", "ci_high", "p_value", "boot_ci_low",
                "boot_ci_high", "n_boot", "mde"]
        body = self.coefs if self.estimable and not self.coefs.empty else pd.DataFrame(
            [{c: (np.nan if c != "term" else "") for c in cols}])
        out = body.reindex(columns=cols).copy()
        for k, v in meta.items():
            out[k] = v
        return out[list(meta)[:2] + ["formula", "term"] + cols[1:] + list(meta)[3:]]


def not_estimable(name, kind, formula, reason, nobs=0, n_clusters=0, cluster="", dropped=None):
    return ModelResult(name=name, kind=kind, formula=formula, estimable=False, reason=reason,
                       nobs=nobs, n_clusters=n_clusters, cluster=cluster, dropped=dropped or {})


# --------------------------------------------------------------------------- formulas

def needs_fixed_effects(data: pd.DataFrame, unit=("donor", "recipient"), year: str = "year") -> bool:
    """True when some unit is observed in more than one year (a panel, not a cross-section)."""
    unit = [u for u in unit if u in data.columns]
    if not unit or year not in data.columns or data.empty:
        return False
    return bool((data.groupby(unit)[year].nunique() > 1).any())


MIN_RESID_DF = 10   # fixed effects are added only while this many residual degrees of freedom remain


def auto_fixed_effects(data: pd.DataFrame, outcome: str, inputs, kind: str = "ols_loglog",
                       unit=("donor", "recipient"), min_resid_df: int = MIN_RESID_DF):
    """Donor and year fixed effects where N allows → ``(effects, rows to keep, notes)``.

    None for a cross-section (no unit observed in two years). Under an effect, the only usable
    row of a donor (or of a year) is left out: its dummy would fit it exactly (leverage 1, no
    information on the inputs). An effect that would leave fewer than ``min_resid_df`` residual
    degrees of freedom is not added, and the notes say so.
    """
    inputs = list(inputs)
    logged = [outcome, *inputs] if kind == "ols_loglog" else inputs
    usable = data[logged].gt(0).all(axis=1) if logged else pd.Series(True, index=data.index)
    keep = pd.Series(True, index=data.index)
    if not needs_fixed_effects(data[usable], unit):
        return [], keep, []
    fe, notes = [], []
    for f in ("donor", "year"):
        if f not in data.columns:
            continue
        # a level seen in one usable row only: its dummy would fit that row exactly
        counts = data.loc[usable & keep, f].value_counts()
        trial = keep & ~(usable & data[f].map(counts).fillna(0).eq(1))
        rows = data[usable & trial]
        if rows[f].nunique() < 2:
            continue
        k = 1 + len(inputs) + sum(rows[g].nunique() - 1 for g in [*fe, f])
        if len(rows) - k >= min_resid_df:
            fe.append(f)
            keep = trial
        else:
            notes.append(f"{f} fixed effects not added: N={len(rows)} with {k} parameters leaves "
                         f"{len(rows) - k} residual degrees of freedom (< {min_resid_df})")
    return fe, keep, notes


def build_formula(outcome: str, inputs, kind: str = "ols_loglog", fixed_effects=()) -> str:
    """patsy formula: log–log for OLS, count outcome on log inputs for GLMs, plus C(fe) terms."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    if not inputs:
        raise ValueError("a model needs at least one input")
    lhs = f"np.log({outcome})" if kind == "ols_loglog" else outcome
    rhs = [f"np.log({x})" for x in inputs] + [f"C({f})" for f in fixed_effects]
    return f"{lhs} ~ " + " + ".join(rhs)


# --------------------------------------------------------------------------- power

def required_n(f2: float = 0.15, k: int = 1, alpha: float = 0.05, power: float = 0.8,
               n_max: int = 100_000) -> int:
    """Smallest N at which an F test of one coefficient with partial effect size f² (Cohen:
    0.02 small, 0.15 medium, 0.35 large) reaches ``power``, in a model with k regressors."""
    from scipy import stats

    if f2 <= 0:
        raise ValueError("f2 must be > 0")
    for n in range(k + 2, n_max):
        df2 = n - k - 1
        crit = stats.f.ppf(1 - alpha, 1, df2)
        if 1 - stats.ncf.cdf(crit, 1, df2, f2 * n) >= power:
            return n
    return n_max


def mde(se: float, df: float | None, alpha: float = 0.05, power: float = 0.8) -> float:
    """Minimum detectable effect of a coefficient with standard error ``se`` (two-sided test):
    (t_{1-α/2} + t_{power}) · se; normal quantiles when df is None (GLMs)."""
    from scipy import stats

    if not np.isfinite(se):
        return np.nan
    if df is None:
        return float((stats.norm.ppf(1 - alpha / 2) + stats.norm.ppf(power)) * se)
    if df <= 0:
        return np.nan
    return float((stats.t.ppf(1 - alpha / 2, df) + stats.t.ppf(power, df)) * se)


# --------------------------------------------------------------------------- fitting

def _design(data: pd.DataFrame, formula: str):
    import patsy

    with np.errstate(divide="ignore", invalid="ignore"):
        y, X = patsy.dmatrices(formula, data, return_type="dataframe", NA_action="drop")
    y = y.iloc[:, 0]
    finite = np.isfinite(y.to_numpy()) & np.isfinite(X.to_numpy()).all(axis=1)
    return y, X, finite


def _fit_once(kind, y, X, cov_type, groups=None, nb_alpha=1.0):
    import statsmodels.api as sm

    if kind == "ols_loglog":
        if cov_type == "cluster":
            return sm.OLS(y, X).fit(cov_type="cluster", cov_kwds={"groups": groups})
        return sm.OLS(y, X).fit(cov_type=cov_type)
    family = sm.families.Poisson() if kind == "poisson" else sm.families.NegativeBinomial(alpha=nb_alpha)
    if cov_type == "cluster":
        return sm.GLM(y, X, family=family).fit(cov_type="cluster", cov_kwds={"groups": groups})
    return sm.GLM(y, X, family=family).fit(cov_type="HC0")


def fit_model(data: pd.DataFrame, outcome: str, inputs, kind: str = "ols_loglog",
              formula: str | None = None, fixed_effects="auto", unit=("donor", "recipient"),
              cluster: str = "donor", cov_type: str = "HC3", bootstrap: int = 999,
              seed: int = 20240601, name: str = "", small_n: int = 30, nb_alpha: float = 1.0,
              alpha: float = 0.05) -> ModelResult:
    """Fit one model; never raises on degenerate data (returns a not-estimable result instead).

    data: an analytic table (dyad-year, donor-year or county-year). outcome/inputs: its columns.
    formula: a patsy formula overriding the built one (outcome and inputs are then only used to
    report which rows lacked data). fixed_effects: "auto", "none" or a list of columns.
    cov_type: "HC3" (OLS; GLMs use HC0) or "cluster" (by ``cluster``).
    """
    inputs = list(inputs)
    fe_notes: list[str] = []
    name = name or f"{kind}: {outcome} ~ {' + '.join(inputs)}"
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    missing = [c for c in [outcome, *inputs] if c not in data.columns]
    if formula is None and missing:
        return not_estimable(name, kind, "", f"columns not in the table: {missing}")
    dropped: dict[str, int] = {}
    df = data.copy()
    if formula is None:
        need = df[[outcome, *inputs]].notna().all(axis=1)
        dropped["outcome or an input not stated"] = int((~need).sum())
        df = df[need]
        if fixed_effects == "auto":
            fe, keep, fe_notes = auto_fixed_effects(df, outcome, inputs, kind, unit)
            if (~keep).any():
                dropped["only usable row of its donor or year (its dummy would fit it exactly)"] = \
                    int((~keep).sum())
                df = df[keep]
        elif fixed_effects in ("none", None):
            fe = []
        else:
            fe = list(fixed_effects)
        formula = build_formula(outcome, inputs, kind, fe)
    clus_n = lambda d: int(d[cluster].nunique()) if cluster in d.columns else 0  # noqa: E731
    if df.empty:
        return not_estimable(name, kind, formula, "no row states the outcome and every input "
                             "(N=0)", dropped=dropped)
    try:
        y, X, finite = _design(df, formula)
    except Exception as e:  # patsy: unknown column, bad formula, all rows dropped
        return not_estimable(name, kind, formula, f"formula cannot be evaluated: {e}",
                             dropped=dropped)
    nonfinite = int((~finite).sum())
    if nonfinite:
        dropped["zero or negative value under a log"] = nonfinite
    y, X = y[finite], X[finite]
    rows = df.loc[y.index]
    n, k = len(y), X.shape[1]
    nclus = clus_n(rows)
    base = dict(nobs=n, n_clusters=nclus, cluster=cluster if cluster in df.columns else "",
                dropped=dropped)
    if n == 0:
        return not_estimable(name, kind, formula, "no usable row after dropping zeros and "
                             "negatives under the log (N=0)", **base)
    if n <= k:
        return not_estimable(name, kind, formula, f"N={n} rows for {k} parameters: "
                             "no residual degrees of freedom", **base)
    const = [c for c in X.columns if c != "Intercept" and np.ptp(X[c].to_numpy()) == 0]
    if const:
        return not_estimable(name, kind, formula, f"regressor {const[0]} is constant over the "
                             f"{n} usable rows", **base)
    rank = np.linalg.matrix_rank(X.to_numpy())
    if rank < k:
        return not_estimable(name, kind, formula, f"regressors are collinear (rank {rank} < "
                             f"{k} parameters)", **base)
    if kind != "ols_loglog":
        if (y < 0).any():
            return not_estimable(name, kind, formula, "a count outcome is negative", **base)
        if (y == 0).all():
            return not_estimable(name, kind, formula, "the outcome is zero in every row", **base)
    elif np.ptp(y.to_numpy()) == 0:
        return not_estimable(name, kind, formula, "the outcome is constant", **base)
    if kind == "ols_loglog" and cov_type == "HC3":
        h = np.diag(X.to_numpy() @ np.linalg.pinv(X.to_numpy()))
        if (h > 1 - 1e-8).any():
            return not_estimable(name, kind, formula, f"{int((h > 1 - 1e-8).sum())} row(s) have "
                                 "leverage 1 (each alone fixes a coefficient); HC3 is undefined",
                                 **base)
    used_cov = cov_type if kind == "ols_loglog" or cov_type == "cluster" else "HC0"
    groups = None
    if cov_type == "cluster":
        if nclus < 2:
            return not_estimable(name, kind, formula, f"cluster-robust errors need ≥ 2 clusters "
                                 f"of {cluster}, found {nclus}", **base)
        groups = pd.factorize(rows[cluster])[0]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = _fit_once(kind, y, X, used_cov, groups, nb_alpha)
    except Exception as e:
        return not_estimable(name, kind, formula, f"fit failed: {type(e).__name__}: {e}", **base)
    if kind != "ols_loglog" and not getattr(res, "converged", True):
        return not_estimable(name, kind, formula, "the GLM did not converge", **base)
    bse = np.asarray(res.bse, dtype=float)
    if not np.isfinite(bse).all():
        return not_estimable(name, kind, formula, "standard errors are not finite", **base)

    df_resid = float(res.df_resid) if kind == "ols_loglog" else None
    ci = np.asarray(res.conf_int(alpha=alpha), dtype=float)
    coefs = pd.DataFrame({"term": list(X.columns), "coef": np.asarray(res.params, dtype=float),
                          "se": bse, "ci_low": ci[:, 0], "ci_high": ci[:, 1],
                          "p_value": np.asarray(res.pvalues, dtype=float)})
    coefs["mde"] = [mde(s, df_resid, alpha) for s in bse]
    notes = list(fe_notes)
    if n < small_n:
        notes.append(f"small N ({n} < {small_n}): estimates are fragile; a medium effect "
                     f"(f²=0.15) on one input needs N ≥ {required_n(0.15, k - 1, alpha)}")
    if cluster in df.columns and nclus < 10:
        notes.append(f"few clusters ({nclus} {cluster}s): observations of one {cluster} are "
                     "not independent, and cluster-robust errors would be unreliable")
    if kind == "ols_loglog" and res.df_resid < 10:
        notes.append(f"only {int(res.df_resid)} residual degrees of freedom")
    for reason, cnt in dropped.items():
        if cnt:
            notes.append(f"{cnt} row(s) dropped: {reason}")
    result = ModelResult(name=name, kind=kind, formula=formula, estimable=True, nobs=n,
                         n_clusters=nclus, cluster=base["cluster"], cov_type=used_cov,
                         coefs=coefs, warnings=notes, dropped=dropped, fitted=res, y=y, X=X,
                         labels=rows[[c for c in LABEL_COLUMNS if c in rows.columns]].copy())
    if bootstrap:
        boot = bootstrap_ci(result, draws=bootstrap, seed=seed, alpha=alpha, nb_alpha=nb_alpha)
        result.coefs = result.coefs.merge(boot, on="term", how="left")
        if (boot["n_boot"] < bootstrap / 2).any():
            result.warnings.append(f"bootstrap: only {int(boot['n_boot'].min())} of {bootstrap} "
                                   "resamples were estimable; intervals left empty")
    return result


def bootstrap_ci(result: ModelResult, draws: int = 999, seed: int = 20240601, alpha: float = 0.05,
                 by_cluster: bool | None = None, nb_alpha: float = 1.0) -> pd.DataFrame:
    """Percentile bootstrap intervals (seeded: the same seed gives the same intervals).

    Resamples clusters when there are ≥ 5 of them (``by_cluster=None``), rows otherwise.
    Resamples whose design is rank deficient are skipped and counted out of ``n_boot``.
    """
    terms = list(result.X.columns)
    y, X = result.y.to_numpy(), result.X.to_numpy()
    rng = np.random.default_rng(seed)
    groups = None
    if result.cluster and result.labels is not None and result.cluster in result.labels:
        groups = pd.factorize(result.labels[result.cluster])[0]
    use_clusters = (by_cluster if by_cluster is not None
                    else groups is not None and len(set(groups)) >= 5)
    k = X.shape[1]
    est = []
    for _ in range(draws):
        if use_clusters:
            ids = np.unique(groups)
            pick = rng.choice(ids, size=len(ids), replace=True)
            idx = np.concatenate([np.flatnonzero(groups == g) for g in pick])
        else:
            idx = rng.integers(0, len(y), size=len(y))
        Xb, yb = X[idx], y[idx]
        if np.linalg.matrix_rank(Xb) < k:
            continue
        if result.kind == "ols_loglog":
            est.append(np.linalg.lstsq(Xb, yb, rcond=None)[0])
        else:
            import statsmodels.api as sm

            fam = (sm.families.Poisson() if result.kind == "poisson"
                   else sm.families.NegativeBinomial(alpha=nb_alpha))
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    r = sm.GLM(yb, Xb, family=fam).fit()
                if r.converged and np.isfinite(r.params).all():
                    est.append(np.asarray(r.params))
            except Exception:
                continue
    n_ok = len(est)
    if n_ok >= max(draws / 2, 1):
        arr = np.vstack(est)
        lo, hi = np.percentile(arr, [100 * alpha / 2, 100 * (1 - alpha / 2)], axis=0)
    else:
        lo = hi = np.full(k, np.nan)
    return pd.DataFrame({"term": terms, "boot_ci_low": lo, "boot_ci_high": hi, "n_boot": n_ok})


# --------------------------------------------------------------------------- diagnostics

def influence_table(result: ModelResult) -> pd.DataFrame:
    """Cook's distance and leverage per observation, labelled, largest first; ``flag`` marks
    Cook's D > 4/N (a common rule of thumb for a point worth checking)."""
    cols = [*LABEL_COLUMNS, "cooks_d", "leverage", "flag"]
    if not result.estimable or result.fitted is None:
        return pd.DataFrame(columns=cols)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        inf = result.fitted.get_influence()
        cooks = np.asarray(inf.cooks_distance[0], dtype=float)
        lev = np.asarray(inf.hat_matrix_diag, dtype=float)
    out = result.labels.reset_index(drop=True).copy()
    out["cooks_d"] = cooks
    out["leverage"] = lev
    out["flag"] = out["cooks_d"] > 4 / max(result.nobs, 1)
    return out.sort_values("cooks_d", ascending=False, kind="mergesort").reset_index(drop=True)


def partial_regression(result: ModelResult, term: str) -> pd.DataFrame:
    """Added-variable data for one term: residuals of y and of the term on all other regressors
    (Frisch–Waugh: the OLS slope through these points equals the term's coefficient)."""
    if not result.estimable or term not in result.X.columns:
        raise ValueError(f"{term!r} is not a regressor of an estimable model ({result.name})")
    X = result.X
    others = X.drop(columns=term).to_numpy()
    y = result.y.to_numpy()
    if result.kind != "ols_loglog":
        # For a GLM use the working response, so the picture matches the linear predictor.
        y = np.asarray(result.fitted.model.family.link(result.fitted.mu)
                       + result.fitted.resid_working, dtype=float)
    x = X[term].to_numpy()
    if others.shape[1]:
        ry = y - others @ np.linalg.lstsq(others, y, rcond=None)[0]
        rx = x - others @ np.linalg.lstsq(others, x, rcond=None)[0]
    else:
        ry, rx = y, x
    out = result.labels.reset_index(drop=True).copy()
    out["x_resid"], out["y_resid"] = rx, ry
    return out


def input_terms(result: ModelResult) -> list[str]:
    """Regressors other than the intercept and fixed-effect dummies."""
    if result.X is None:
        return []
    return [c for c in result.X.columns if c != "Intercept" and not c.startswith("C(")]


def plot_partial_regressions(result: ModelResult):
    """One added-variable panel per input term, points labelled; returns the figure."""
    import matplotlib.pyplot as plt

    from .plotting import use_cjk_font

    use_cjk_font()  # the point labels are donor and recipient names
    terms = input_terms(result)
    fig, axes = plt.subplots(1, max(len(terms), 1), figsize=(5 * max(len(terms), 1), 4),
                             squeeze=False)
    for ax, term in zip(axes[0], terms):
        d = partial_regression(result, term)
        ax.scatter(d["x_resid"], d["y_resid"], s=25)
        slope = float(result.coefs.set_index("term").at[term, "coef"])
        xs = np.linspace(d["x_resid"].min(), d["x_resid"].max(), 2)
        if result.kind == "ols_loglog":
            ax.plot(xs, slope * xs, color="C3", lw=1)
        for _, r in d.iterrows():
            text = " ".join(str(r[c]) for c in LABEL_COLUMNS if c in d.columns and str(r[c]))
            ax.annotate(text, (r["x_resid"], r["y_resid"]), fontsize=7, alpha=0.7)
        ax.set_xlabel(f"{term} | others")
        ax.set_ylabel(f"{result.y.name} | others")
        ax.set_title(f"{term}: b={slope:.3g} (N={result.nobs})", fontsize=9)
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- tables

def coefficient_table(results) -> pd.DataFrame:
    """All models' coefficient rows, one table (order of ``results``, terms in model order)."""
    frames = [r.table() for r in results]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def side_by_side(results, terms=None) -> pd.DataFrame:
    """Terms × models: "coef [boot CI]" cells, with N, clusters and status rows, for sensitivity."""
    cols = {}
    for r in results:
        cells = {}
        if r.estimable:
            for _, c in r.coefs.iterrows():
                if terms is not None and c["term"] not in terms:
                    continue
                if c["term"].startswith("C("):
                    continue
                ci = (f" [{c['boot_ci_low']:.3g}, {c['boot_ci_high']:.3g}]"
                      if "boot_ci_low" in c and np.isfinite(c.get("boot_ci_low", np.nan)) else "")
                cells[c["term"]] = f"{c['coef']:.3g} (se {c['se']:.3g}){ci}"
        cells["N"] = str(r.nobs)
        cells["clusters"] = f"{r.n_clusters} {r.cluster}".strip()
        cells["status"] = "ok" if r.estimable else f"not estimable: {r.reason}"
        cols[r.name] = cells
    out = pd.DataFrame(cols)
    tail = ["N", "clusters", "status"]
    order = [t for t in out.index if t not in tail] + tail
    return out.reindex(order).fillna("")


def write_coefficients(results, path) -> "Path":
    from .analysis import write_table

    return write_table(coefficient_table(results), path, float_format=COEF_FORMAT)


# --------------------------------------------------------------------------- specifications

@dataclass(frozen=True)
class Spec:
    """One model to fit: which analytic table, outcome, inputs and kind."""
    table: str
    outcome: str
    inputs: tuple[str, ...]
    kind: str = "ols_loglog"

    @property
    def name(self) -> str:
        return f"{self.table}: {self.outcome} ~ {' + '.join(self.inputs)} ({self.kind})"


def as_specs(rows) -> list[Spec]:
    """Specs from plain lists (a notebook parameter): [table, outcome, [inputs], kind]."""
    out = []
    for r in rows:
        table, outcome, inputs, *kind = r
        out.append(Spec(table, outcome, tuple([inputs] if isinstance(inputs, str) else inputs),
                        kind[0] if kind else "ols_loglog"))
    return out


def coverage(data: pd.DataFrame, outcome: str, inputs) -> dict:
    """How many rows of a (framed) table state the outcome, every input, and both with values
    above zero (usable under a log): the arithmetic behind a model's N."""
    inputs = [c for c in inputs]
    have = lambda cols: data[cols].notna().all(axis=1) if all(c in data.columns for c in cols) \
        else pd.Series(False, index=data.index)  # noqa: E731
    both = have([outcome, *inputs])
    positive = both & (data[[outcome, *inputs]].gt(0).all(axis=1) if both.any() else both)
    return {"rows": int(len(data)), "with the outcome": int(have([outcome]).sum()),
            "with every input": int(have(inputs).sum()), "with both": int(both.sum()),
            "with both, > 0": int(positive.sum())}


def fit_specs(tables: dict, specs, fixed_effects=("auto", "none"), **kw) -> list[ModelResult]:
    """Fit every spec on its table, once per fixed-effects setting (results in that order)."""
    results = []
    for spec in specs:
        data = tables[spec.table]
        for fe in fixed_effects:
            label = spec.name + ("" if fe == "auto" else ", no FE")
            results.append(fit_model(data, spec.outcome, list(spec.inputs), kind=spec.kind,
                                     fixed_effects=fe, name=label, **kw))
    return results


def n_table(results) -> pd.DataFrame:
    """One line per model: N, clusters, fixed effects in the formula, status."""
    rows = []
    for r in results:
        fe = [t for t in ("donor", "year") if f"C({t})" in r.formula]
        rows.append({"model": r.name, "N": r.nobs, "clusters": r.n_clusters,
                     "fixed effects": " + ".join(fe) or "none", "estimable": r.estimable,
                     "note": r.reason or "; ".join(r.warnings)})
    return pd.DataFrame(rows, columns=["model", "N", "clusters", "fixed effects", "estimable",
                                       "note"])
