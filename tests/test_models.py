"""Models: known effects are recovered, degenerate data give "not estimable: why", inference is honest."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers import analysis as A
from helpers import models as M


def loglog_data(n=60, elasticity=0.5, seed=1):
    """Beneficiaries = 3 · aid^0.5 · lognormal noise, over n donor-years of 12 donors."""
    rng = np.random.default_rng(seed)
    aid = np.exp(rng.uniform(np.log(1e5), np.log(1e8), n))
    ben = 3 * aid ** elasticity * np.exp(rng.normal(0, 0.2, n))
    return pd.DataFrame({"donor": [f"donor{i % 12}" for i in range(n)], "recipient": "",
                         "year": 2020, "fiscal_aid": aid, "poor_beneficiaries": ben})


def test_ols_loglog_recovers_a_known_elasticity_with_n_and_clusters():
    r = M.fit_model(loglog_data(), "poor_beneficiaries", ["fiscal_aid"], bootstrap=200, seed=3)
    assert r.estimable, r.reason
    coef = r.coefs.set_index("term")
    assert coef.at["np.log(fiscal_aid)", "coef"] == pytest.approx(0.5, abs=0.05)
    assert coef.at["np.log(fiscal_aid)", "ci_low"] < 0.5 < coef.at["np.log(fiscal_aid)", "ci_high"]
    assert r.nobs == 60 and r.n_clusters == 12 and r.cluster == "donor"
    assert r.cov_type == "HC3"
    t = r.table()
    assert (t["nobs"] == 60).all() and (t["n_clusters"] == 12).all()


def test_poisson_recovers_a_known_count_effect():
    rng = np.random.default_rng(5)
    aid = np.exp(rng.uniform(np.log(1e5), np.log(1e7), 400))
    jobs = rng.poisson(np.exp(-3 + 0.4 * np.log(aid)))
    df = pd.DataFrame({"donor": [f"d{i % 20}" for i in range(400)], "year": 2020,
                       "fiscal_aid": aid, "employment": jobs.astype(float)})
    r = M.fit_model(df, "employment", ["fiscal_aid"], kind="poisson", bootstrap=0)
    assert r.estimable, r.reason
    assert r.coefs.set_index("term").at["np.log(fiscal_aid)", "coef"] == pytest.approx(0.4, abs=0.05)
    assert r.cov_type == "HC0"


@pytest.mark.parametrize("rows, words", [(0, "N=0"), (1, "N=1 rows for 2 parameters"),
                                         (2, "N=2 rows for 2 parameters")])
def test_tiny_data_is_not_estimable(rows, words):
    r = M.fit_model(loglog_data().iloc[:rows], "poor_beneficiaries", ["fiscal_aid"])
    assert not r.estimable and words in r.reason
    t = r.table()
    assert len(t) == 1 and not t.at[0, "estimable"] and words in t.at[0, "reason"]


def test_constant_regressor_zeros_and_missing_columns_are_not_estimable():
    d = loglog_data(10)
    r = M.fit_model(d.assign(fiscal_aid=5e6), "poor_beneficiaries", ["fiscal_aid"])
    assert not r.estimable and "constant" in r.reason
    r = M.fit_model(d.assign(poor_beneficiaries=0.0), "poor_beneficiaries", ["fiscal_aid"])
    assert not r.estimable and "zero" in r.reason
    r = M.fit_model(d, "poor_beneficiaries", ["cadres_sent"])
    assert not r.estimable and "cadres_sent" in r.reason
    r = M.fit_model(d.assign(employment=0.0), "employment", ["fiscal_aid"], kind="poisson")
    assert not r.estimable and "zero in every row" in r.reason


def test_zeros_under_the_log_are_dropped_and_reported():
    d = loglog_data(40)
    d.loc[:4, "fiscal_aid"] = 0.0
    r = M.fit_model(d, "poor_beneficiaries", ["fiscal_aid"], bootstrap=0)
    assert r.estimable and r.nobs == 35
    assert r.dropped["zero or negative value under a log"] == 5
    assert any("5 row(s) dropped" in w for w in r.warnings)


def test_collinear_inputs_are_not_estimable():
    d = loglog_data(20).assign(social_aid=lambda x: 2 * x["fiscal_aid"])
    r = M.fit_model(d, "poor_beneficiaries", ["fiscal_aid", "social_aid"])
    assert not r.estimable and "collinear" in r.reason


def test_leverage_one_makes_hc3_undefined():
    # Donor FE with a donor seen once: that row alone fixes its dummy (leverage 1).
    d = pd.DataFrame({"donor": ["a", "a", "b", "b", "c"], "year": [2019, 2020, 2019, 2020, 2020],
                      "fiscal_aid": [1e6, 2e6, 3e6, 5e6, 4e6], "poor_beneficiaries": [100, 180, 260, 500, 90]})
    r = M.fit_model(d, "poor_beneficiaries", ["fiscal_aid"], fixed_effects=["donor"])
    assert not r.estimable and "leverage 1" in r.reason


def test_fixed_effects_are_added_only_for_panels():
    cross = loglog_data(30)
    assert "C(donor)" not in M.fit_model(cross, "poor_beneficiaries", ["fiscal_aid"], bootstrap=0).formula
    panel = cross.assign(year=[2019 + (i // 12) % 2 for i in range(30)])  # donors seen in 2 years
    r = M.fit_model(panel, "poor_beneficiaries", ["fiscal_aid"], bootstrap=0)
    assert "C(donor)" in r.formula and "C(year)" in r.formula
    r = M.fit_model(panel, "poor_beneficiaries", ["fiscal_aid"], fixed_effects="none", bootstrap=0)
    assert "C(" not in r.formula


def test_small_n_gets_a_warning_with_the_n_a_medium_effect_needs():
    r = M.fit_model(loglog_data(8), "poor_beneficiaries", ["fiscal_aid"], bootstrap=0)
    assert r.estimable
    text = " ".join(r.warnings)
    assert "small N (8 < 30)" in text and "N ≥ 55" in text


def test_required_n_matches_published_power_tables():
    # G*Power / Cohen (1988), F test of one predictor, α = .05, power = .80
    assert M.required_n(0.15, 1) == 55
    assert M.required_n(0.02, 1) == 395
    assert M.required_n(0.35, 1) == 25


def test_mde_is_the_usual_2_8_standard_errors_for_large_samples():
    assert M.mde(1.0, None) == pytest.approx(1.96 + 0.8416, abs=1e-3)
    assert M.mde(1.0, 5) > M.mde(1.0, 500)


def test_bootstrap_is_seeded_and_deterministic():
    d = loglog_data(30)
    a = M.fit_model(d, "poor_beneficiaries", ["fiscal_aid"], bootstrap=100, seed=11).coefs
    b = M.fit_model(d, "poor_beneficiaries", ["fiscal_aid"], bootstrap=100, seed=11).coefs
    c = M.fit_model(d, "poor_beneficiaries", ["fiscal_aid"], bootstrap=100, seed=12).coefs
    pd.testing.assert_frame_equal(a, b)
    assert not np.allclose(a["boot_ci_low"], c["boot_ci_low"])
    row = a.set_index("term").loc["np.log(fiscal_aid)"]
    assert row["boot_ci_low"] < row["coef"] < row["boot_ci_high"] and row["n_boot"] == 100


def test_cooks_distance_finds_the_planted_outlier_and_partial_regression_slope_is_the_coef():
    d = loglog_data(25)
    d.loc[7, "poor_beneficiaries"] *= 200
    r = M.fit_model(d, "poor_beneficiaries", ["fiscal_aid"], bootstrap=0)
    inf = M.influence_table(r)
    assert inf.iloc[0]["donor"] == d.loc[7, "donor"] and inf.iloc[0]["flag"]
    pr = M.partial_regression(r, "np.log(fiscal_aid)")
    slope = np.polyfit(pr["x_resid"], pr["y_resid"], 1)[0]
    assert slope == pytest.approx(r.coefs.set_index("term").at["np.log(fiscal_aid)", "coef"])


def test_coefficient_csv_is_deterministic_and_side_by_side_shows_n(tmp_path):
    d = loglog_data(20)
    res = [M.fit_model(d, "poor_beneficiaries", ["fiscal_aid"], bootstrap=50, name="ok"),
           M.fit_model(d.iloc[:1], "poor_beneficiaries", ["fiscal_aid"], name="tiny")]
    p1 = M.write_coefficients(res, tmp_path / "a.csv")
    p2 = M.write_coefficients(res, tmp_path / "b.csv")
    assert p1.read_bytes() == p2.read_bytes()
    sbs = M.side_by_side(res)
    assert sbs.at["N", "ok"] == "20" and sbs.at["status", "tiny"].startswith("not estimable")


def test_models_on_the_gold_seed_tables_do_not_crash(seeds_gold_path):
    gold = A.gold_panel([seeds_gold_path], resolve_adcodes=False)
    for table in (A.donor_year(gold), A.dyad_year(gold)):
        for kind, out in (("ols_loglog", "poor_beneficiaries"), ("poisson", "employment")):
            r = M.fit_model(table, out, ["fiscal_aid", "cadres_sent"], kind=kind, bootstrap=20)
            assert r.nobs < 30
            assert r.estimable or r.reason
            if r.estimable:
                assert any("small N" in w for w in r.warnings)


def test_partial_regression_plot_draws_chinese_point_labels(tmp_path):
    # Points are labelled with donor names; in a fresh process (no notebook set the font first)
    # they must not come out as empty boxes.
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent("""
        import warnings
        import matplotlib
        matplotlib.use("Agg")
        import numpy as np, pandas as pd
        from helpers import models as M
        rng = np.random.default_rng(1)
        aid = np.exp(rng.uniform(11, 18, 12))
        d = pd.DataFrame({"donor": [f"天津市区{i}" for i in range(12)], "recipient": "武山县",
                          "year": 2020, "fiscal_aid": aid,
                          "poor_beneficiaries": 3 * aid ** 0.5 * np.exp(rng.normal(0, 0.2, 12))})
        r = M.fit_model(d, "poor_beneficiaries", ["fiscal_aid"], bootstrap=0)
        warnings.simplefilter("error")
        M.plot_partial_regressions(r).savefig(%r)
    """ % str(tmp_path / "pr.png"))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-600:]


def test_fixed_effects_wait_for_enough_rows_and_drop_rows_their_dummy_would_fit():
    panel = loglog_data(30).assign(year=[2019 + (i // 12) % 2 for i in range(30)])
    lone = pd.DataFrame({"donor": ["only_once"], "recipient": "", "year": [2020],
                         "fiscal_aid": [2e6], "poor_beneficiaries": [900.0]})
    r = M.fit_model(pd.concat([panel, lone], ignore_index=True), "poor_beneficiaries",
                    ["fiscal_aid"], bootstrap=0)
    assert "C(donor)" in r.formula and r.nobs == 30
    assert r.dropped["only usable row of its donor or year (its dummy would fit it exactly)"] == 1
    # 12 rows of 6 donors in 2 years: donor effects would leave 12 - 7 = 5 residual df
    small = panel.iloc[:12].assign(donor=[f"d{i % 6}" for i in range(12)],
                                   year=[2019 + (i // 6) for i in range(12)])
    r = M.fit_model(small, "poor_beneficiaries", ["fiscal_aid"], bootstrap=0)
    assert "C(donor)" not in r.formula
    assert any("donor fixed effects not added" in w for w in r.warnings)


def test_specifications_are_fitted_and_their_coverage_counted():
    d = loglog_data(40).assign(cadres_sent=np.nan)
    specs = M.as_specs([["donor_year", "poor_beneficiaries", ["fiscal_aid"], "ols_loglog"],
                        ["donor_year", "poor_beneficiaries", ["fiscal_aid", "cadres_sent"]]])
    assert specs[1].kind == "ols_loglog" and specs[1].inputs == ("fiscal_aid", "cadres_sent")
    res = M.fit_specs({"donor_year": d}, specs, bootstrap=0)
    assert [r.name.endswith("no FE") for r in res] == [False, True, False, True]
    ns = M.n_table(res)
    assert list(ns["N"]) == [40, 40, 0, 0] and not ns["estimable"].iloc[2]
    cov = M.coverage(d, "poor_beneficiaries", ["fiscal_aid", "cadres_sent"])
    assert cov == {"rows": 40, "with the outcome": 40, "with every input": 0, "with both": 0,
                   "with both, > 0": 0}
