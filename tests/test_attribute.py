"""Attribution of figures, on short sentences in the style of the reports (not copied from them)."""

import pytest

from helpers.attribute import extract_corpus, extract_document
from helpers.codebook import CORE_COLUMNS
from helpers.gazetteer import get_gazetteer
from sentence_doc import Doc


@pytest.fixture(scope="module")
def gz():
    return get_gazetteer()


INTRO = "2020年,天津市红桥区认真落实东西部扶贫协作工作部署,结对帮扶甘肃省临夏州积石山县和广河县。红桥区高度重视。\n"


def rows_of(gz, body, intro=INTRO, **kw):
    rows, mentions = extract_document(Doc("t", intro + body, **kw), gz)
    return rows, mentions


def only(rows, **kw):
    out = [r for r in rows if all(r[k] == v for k, v in kw.items())]
    assert len(out) == 1, (kw, rows)
    return out[0]


# ----------------------------------------------------------------------------- indicator
@pytest.mark.parametrize("sentence, value, indicator", [
    ("全年拨付财政帮扶资金2600万元。", 26e6, "fiscal_aid"),
    ("动员社会各界捐款捐物315.6万元。", 3156000, "social_aid"),
    ("协调爱心企业捐赠物资折合人民币48万元。", 480000, "social_aid"),
    ("引导企业实际投资到位额4200万元。", 42e6, "investment"),
    ("带动当地企业投入资金1500万元。", 15e6, "investment"),
    ("组织采购受援地区农特产品1.2亿元。", 1.2e8, "consumption_aid"),
    ("完成消费扶贫8600万元。", 86e6, "consumption_aid"),
    ("选派12名党政干部赴受援县挂职。", 12, "cadres_sent"),
    ("选派45名教师、医生等专业技术人才开展帮扶。", 45, "professionals_sent"),
    ("接收受援地区18名党政干部来津挂职锻炼。", 18, "cadres_received"),
    ("接收36名专技人才到区属医院跟岗学习。", 36, "professionals_received"),
    ("举办培训班6期,培训贫困劳动力520人次。", 520, "trained"),
    ("开展致富带头人培训132人。", 132, "trained"),
    ("带动建档立卡贫困人口1860人脱贫。", 1860, "poor_beneficiaries"),
    ("帮助贫困劳动力来津就业230人。", 230, "employment"),
    ("实现就近就地就业贫困劳动力1020人。", 1020, "employment"),
    ("引导7家企业赴受援县投资兴业。", 7, "enterprises"),
    ("新增落地项目11个。", 11, "projects"),
    ("区内58家企业与受援县贫困村结对帮扶。", 58, "pairings"),
])
def test_indicator_from_governing_words(gz, sentence, value, indicator):
    rows, _ = rows_of(gz, sentence)
    assert only(rows, value=value)["indicator"] == indicator


@pytest.mark.parametrize("sentence, value, reason", [
    ("新引进企业注册资金3000万元。", 3e7, "registered_capital"),
    ("举办专场招聘会,提供就业岗位1800个。", 1800, "jobs_offered"),
    ("援建扶贫车间15个。", 15, "facilities"),
    ("受援县尚有未脱贫人口2310人。", 2310, "target_group"),
    ("项目区农民人均增收3200元。", 3200, "average"),
    ("互派党政干部6名开展交流。", 6, "two_way"),
    ("惠及当地群众5000余人。", 5000, "not said to be poor"),
])
def test_rejected_figures_keep_a_reason(gz, sentence, value, reason):
    rows, mentions = rows_of(gz, sentence)
    assert not [r for r in rows if r["value"] == value]
    m = [m for m in mentions if m["value"] == value]
    assert m and m[0]["decision"] == "rejected" and reason in m[0]["reason"]


def test_figure_without_cue_continues_the_list(gz):
    rows, _ = rows_of(gz, "全年引导6家企业到受援县投资。其中积石山县4家,广河县2家。")
    assert only(rows, value=4.0)["indicator"] == "enterprises"
    assert only(rows, value=2.0)["recipients"] == "甘肃省临夏回族自治州广河县"


# ----------------------------------------------------------------------------- status
@pytest.mark.parametrize("sentence, value, status", [
    ("今年计划投入帮扶资金3000万元。", 3e7, "target"),
    ("力争全年消费扶贫达到5000万元。", 5e7, "target"),
    ("确保来津就业贫困劳动力不少于150人。", 150, "target"),
    ("预计带动建档立卡贫困人口2000人增收。", 2000, "expected"),
    ("签订农产品采购合同金额860万元。", 8.6e6, "target"),
    ("预留采购金额300万元,已完成采购交易额320万元。", 3.2e6, "actual"),
    ("全年共拨付帮扶资金2800万元。", 2.8e7, "actual"),
])
def test_status(gz, sentence, value, status):
    rows, _ = rows_of(gz, sentence)
    assert only(rows, value=value)["status"] == status


def test_period_and_year(gz):
    rows, _ = rows_of(gz, "2017年以来,累计投入财政帮扶资金2.1亿元。2019年,拨付帮扶资金4500万元。")
    cum = only(rows, value=2.1e8)
    assert (cum["period"], cum["year"]) == ("cumulative", 2020)
    one = only(rows, value=4.5e7)
    assert (one["period"], one["year"]) == ("annual", 2019)


# ----------------------------------------------------------------------------- donor, recipients
def test_donor_and_recipients_from_the_clause(gz):
    rows, _ = rows_of(gz, "其中向积石山县拨付帮扶资金1200万元,向广河县拨付帮扶资金800万元。")
    a = only(rows, value=1.2e7)
    assert a["donor"] == "天津市红桥区"
    assert a["recipients"] == "甘肃省临夏回族自治州积石山保安族东乡族撒拉族自治县"
    assert a["recipient_adcodes"] == "622927"
    assert only(rows, value=8e6)["recipients"] == "甘肃省临夏回族自治州广河县"


def test_generic_recipient_words_take_the_named_set_or_stay_empty(gz):
    # conventions v2: 受援地区 means the donor's complete set when the page names it ...
    rows, _ = rows_of(gz, "全年为受援地区引进落地项目9个。")
    assert len(only(rows, value=9.0)["recipients"].split(";")) == 2
    # ... and no recipient when it never does
    rows, _ = extract_document(Doc("t", "2020年,天津市红桥区全年为受援地区引进落地项目9个。"), gz)
    assert only(rows, value=9.0)["recipients"] == ""


def test_each_gives_one_row_per_recipient(gz):
    rows, _ = rows_of(gz, "区工商联分别向积石山县、广河县捐赠防疫资金5万元。")
    got = sorted(r["recipients"] for r in rows if r["value"] == 50000)
    assert len(got) == 2 and got[0] != got[1]


def test_recipient_side_report_names_its_donor_in_the_text(gz):
    intro = "今年以来,积石山县与东西部扶贫协作单位天津市红桥区并肩作战,积石山县脱贫攻坚成效明显。积石山县持续发力。\n"
    rows, _ = rows_of(gz, "全年到位帮扶资金4800万元。", intro=intro)
    r = only(rows, value=4.8e7)
    assert r["donor"] == "天津市红桥区"
    assert r["recipients"].endswith("积石山保安族东乡族撒拉族自治县")


def test_rows_carry_codebook_columns_and_evidence_span(gz):
    rows, mentions = rows_of(gz, "全年拨付财政帮扶资金2600万元。")
    r = only(rows, value=2.6e7)
    assert set(CORE_COLUMNS) <= set(r)
    text = INTRO + "全年拨付财政帮扶资金2600万元。"
    assert text[r["start"]:r["end"]] == r["evidence"]
    assert "2600万元" in r["evidence"]
    assert all(m["decision"] in ("panel", "rejected") for m in mentions)


def test_corpus_is_sorted_and_deterministic(gz):
    docs = {"b": Doc("b", INTRO + "拨付帮扶资金100万元。"), "a": Doc("a", INTRO + "新增落地项目3个。")}
    r1, m1 = extract_corpus(docs, gz)
    r2, m2 = extract_corpus(dict(reversed(list(docs.items()))), gz)
    assert list(r1["doc_id"]) == ["a", "b"]
    assert r1.equals(r2) and m1.equals(m2)


# ----------------------------------------------------------------------------- rules added from the dev reports
def test_poor_part_of_a_labour_total_is_employment(gz):
    rows, mentions = rows_of(gz, "今年计划输转劳动力3000人,其中贫困户2000人。")
    assert not [r for r in rows if r["value"] == 3000]            # labour in general is out
    r = only(rows, value=2000.0)
    assert (r["indicator"], r["status"]) == ("employment", "target")


def test_medical_workers_are_not_migrant_labour(gz):
    rows, _ = rows_of(gz, "选派15名骨干教师、6名医务工作者赴积石山县开展支援工作。")
    assert only(rows, value=6.0)["indicator"] == "professionals_sent"
    assert only(rows, value=6.0)["detail"] == "doctors"


def test_event_venue_is_not_a_recipient(gz):
    rows, _ = rows_of(gz, "协助积石山县委组织部在天津大学、湖南长沙举办培训班3期,培训干部人才210人次。")
    assert only(rows, value=210.0)["recipients"].endswith("积石山保安族东乡族撒拉族自治县")


def test_government_donation_is_fiscal(gz):
    rows, _ = rows_of(gz, "红桥区人民政府向积石山县人民政府捐资300万元。")
    assert only(rows, value=3e6)["indicator"] == "fiscal_aid"


def test_text_crediting_the_province_sets_the_donor(gz):
    rows, _ = rows_of(gz, "天津方面累计投入财政帮扶资金1.2亿元。红桥区拨付帮扶资金900万元。")
    assert only(rows, value=1.2e8)["donor"] == "天津市"
    assert only(rows, value=9e6)["donor"] == "天津市红桥区"


def test_plan_part_of_a_speech_is_target(gz):
    body = ("一、2019年工作回顾\n全年拨付帮扶资金2600万元。\n"
            "二、2020年工作安排\n按照2020年实施方案,全年选派干部5名,消费扶贫总额达到3000万元。\n")
    rows, _ = rows_of(gz, body)
    assert only(rows, value=2.6e7)["status"] == "actual"
    assert only(rows, value=3e7)["status"] == "target"
    assert only(rows, value=5.0)["status"] == "target"


def test_households_twinned_are_pairings(gz):
    rows, _ = rows_of(gz, "全区干部与积石山县120户贫困户结对认亲。")
    r = only(rows, value=120.0)
    assert (r["indicator"], r["unit"], r["detail"]) == ("pairings", "count", "households")


def test_averages_and_the_rest_are_not_each(gz):
    rows, mentions = rows_of(gz, "县均帮扶资金达到3025万元。其余受援县按每县3900万元安排帮扶资金。")
    assert not [r for r in rows if r["value"] == 3.025e7]
    assert len([r for r in rows if r["value"] == 3.9e7]) == 1


def test_enumeration_cue_belongs_to_its_own_figure(gz):
    rows, _ = rows_of(gz, "帮助445名贫困群众就业、118名贫困群众脱贫。")
    assert only(rows, value=445.0)["indicator"] == "employment"
    assert only(rows, value=118.0)["indicator"] == "poor_beneficiaries"


def test_document_without_text_is_a_clear_error(gz):
    with pytest.raises(RuntimeError, match="x.*has no text"):
        extract_corpus({"x": Doc("x", None)}, gz)


def test_employment_kind_is_the_nearest_and_several_kinds_make_a_total(gz):
    rows, _ = rows_of(gz, "新增输转就业贫困劳动力77人,就近就地就业贫困劳动力316人,到其他地区就业贫困劳动力1036人。"
                          "带动贫困人口来津就业、就近就地就业共946人。")
    assert only(rows, value=77.0)["detail"] == "to_donor"
    assert only(rows, value=316.0)["detail"] == "local"
    assert only(rows, value=1036.0)["detail"] == "elsewhere"
    assert only(rows, value=946.0)["detail"] == "total"


def test_program_from_the_clause_then_the_recipients(gz):
    intro = "天津市宝坻区东西部扶贫协作甘肃省武山县、永登县和对口支援新疆和田地区民丰县。宝坻区持续发力。\n"
    rows, _ = rows_of(gz, "其中拨付东西部扶贫协作武山县资金160万元、对口支援民丰县866万元。", intro=intro)
    assert only(rows, value=1.6e6)["program"] == "east_west"
    assert only(rows, value=8.66e6)["program"] == "counterpart"


def test_training_verb_governs_its_whole_list(gz):
    rows, _ = rows_of(gz, "全年培训党政干部1350人次、专业技术人才2680人次、贫困劳动力9100人次。")
    assert [only(rows, value=v)["indicator"] for v in (1350.0, 2680.0, 9100.0)] == ["trained"] * 3
    assert only(rows, value=9100.0)["detail"] == "labour"


def test_received_cadres_even_when_they_hold_posts(gz):
    rows, _ = rows_of(gz, "接收受援地区党政干部挂职168名。")
    assert only(rows, value=168.0)["indicator"] == "cadres_received"


def test_cadres_and_talent_in_one_figure_fit_no_indicator(gz):
    rows, mentions = rows_of(gz, "选派援派干部人才98名,其中干部35名、专业技术人才63名。")
    assert not [r for r in rows if r["value"] == 98]
    assert only(rows, value=35.0)["indicator"] == "cadres_sent"
    assert only(rows, value=63.0)["indicator"] == "professionals_sent"


def test_prefecture_with_counted_counties_means_its_counties(gz):
    intro = "天津市红桥区结对帮扶甘肃省临夏州积石山县、广河县、康乐县。红桥区持续发力。积石山县、广河县、康乐县全部摘帽。\n"
    rows, _ = rows_of(gz, "共选派12名干部,分别在临夏州的3个贫困县挂职。", intro=intro)
    r = only(rows, value=12.0)          # 分别 after the figure: 12 in all, spread over the counties
    assert len(r["recipients"].split(";")) == 3
    assert all(name.startswith("甘肃省临夏回族自治州") for name in r["recipients"].split(";"))


def test_jobs_for_herders_in_general_are_out_but_their_poor_part_is_in(gz):
    rows, mentions = rows_of(gz, "已落地企业9家,带动农牧民就业1500余人,其中建档立卡贫困人口620人。")
    assert not [r for r in rows if r["value"] == 1500]
    assert only(rows, value=620.0)["indicator"] == "employment"
    assert only(rows, value=9.0)["indicator"] == "enterprises"


def test_average_governs_only_what_follows_it(gz):
    rows, mentions = rows_of(gz, "2018年,累计投入财政性帮扶资金16.94亿元,县均帮扶资金达到3025万元。")
    assert only(rows, value=1.694e9)["indicator"] == "fiscal_aid"
    assert not [r for r in rows if r["value"] == 3.025e7]


def test_without_an_eastern_unit_the_recipient_is_not_taken_for_the_donor(gz):
    text = "去年以来,我区与四川省甘孜州理塘县、巴塘县深化结对帮扶。全年拨付东西部协作财政援助资金8600万元。"
    rows, _ = extract_document(Doc("t", text, date="2022-02-10"), gz)
    r = only(rows, value=8.6e7)
    assert r["donor"] == ""
    assert (r["period"], r["year"]) == ("annual", 2022)
    rows, _ = extract_document(Doc("t", "去年以来,拨付帮扶资金500万元。", date="2022-02-10"), gz)
    assert only(rows, value=5e6)["year"] == 2021


@pytest.mark.parametrize("sentence, value, reason", [
    ("援滇干部由2016年6月的1名,经过后期增派共17名。", 1.0, "stock"),
    ("此次共有11名干部援派期满返回天津。", 11.0, "returning"),
    ("其中“80后”干部2名。", 2.0, "age_group"),
])
def test_people_who_are_not_sent_this_time(gz, sentence, value, reason):
    rows, mentions = rows_of(gz, sentence)
    assert not [r for r in rows if r["value"] == value]
    assert reason in [m for m in mentions if m["value"] == value][0]["reason"]


def test_title_pairing_in_province_abbreviations_names_the_recipient_province(gz):
    text = "浙江省累计新增引导落地投产企业94家,到位投资52.31亿元。"
    rows, _ = extract_document(Doc("t", text, title="资金到位、人员到岗!浙川再续“山海情”"), gz)
    assert only(rows, value=94.0)["recipients"] == "四川省"
    assert only(rows, value=94.0)["donor"] == "浙江省"


# ----------------------------------------------------------------------------- round 2: rules that generalise
MULTI = ("2020年,苏州市吴中区与贵州省铜仁市沿河县、印江县和四川省甘孜州理塘县开展东西部扶贫协作。"
         "吴中区持续发力。\n")


def names(row):
    """The recipients by their first two characters (沿河, 印江, 理塘)."""
    return sorted(x.rsplit("州", 1)[-1].rsplit("市", 1)[-1][:2] for x in row["recipients"].split(";") if x)


def test_back_reference_points_to_the_units_just_listed(gz):
    rows, _ = rows_of(gz, "选派党政干部9名到三地挂职。", intro=MULTI)
    assert names(only(rows, value=9.0)) == ["印江", "沿河", "理塘"]


def test_two_places_take_the_counties_of_two_prefectures(gz):
    rows, _ = rows_of(gz, "帮助两地贫困劳动力转移就业2600人。", intro=MULTI)
    assert len(only(rows, value=2600.0)["recipients"].split(";")) == 3


def test_each_with_a_chinese_numeral_and_a_counted_back_reference(gz):
    rows, _ = rows_of(gz, "向两县各选派一名挂职副县长。")
    got = sorted(r["recipients"] for r in rows if r["value"] == 1.0 and r["indicator"] == "cadres_sent")
    assert len(got) == 2 and got[0] != got[1]


def test_prefecture_with_a_counted_county_word_means_its_counties(gz):
    rows, _ = rows_of(gz, "其中铜仁两县拨付2400万元、甘孜州理塘县1300万元。", intro=MULTI)
    assert names(only(rows, value=2.4e7)) == ["印江", "沿河"]


def test_respective_lists_are_zipped(gz):
    rows, _ = rows_of(gz, "向沿河县、印江县、理塘县分别拨付帮扶资金3100万元、2700万元、1900万元。", intro=MULTI)
    assert len([r for r in rows if r["indicator"] == "fiscal_aid"]) == 3
    assert names(only(rows, value=3.1e7)) == ["沿河"]
    assert names(only(rows, value=2.7e7)) == ["印江"]
    assert names(only(rows, value=1.9e7)) == ["理塘"]


def test_bare_names_in_a_list_of_counties_are_counties(gz):
    intro = "2018年,上海市闵行区对口帮扶云南省红河州。闵行区持续发力。\n"
    rows, _ = rows_of(gz, "投入帮扶资金9000万元,覆盖绿春、红河、元阳三县。", intro=intro)
    got = only(rows, value=9e7)["recipients"]
    assert "红河哈尼族彝族自治州红河县" in got and len(got.split(";")) == 3


def test_recipient_written_report_reads_my_county(gz):
    text = ("携手共进——天津市西青区帮扶我县纪实\n会宁县融媒体中心 2020-12-08\n"
            "今年,西青区向我县投入财政帮扶资金5300万元。西青区还为我县培训乡村医生460人次。"
            "西青区还向河北省承德市承德县投入帮扶资金900万元。\n")
    rows, _ = extract_document(Doc("t", text, date="2020-12-08"), gz)
    assert only(rows, value=5.3e7)["recipients"] == "甘肃省白银市会宁县"
    assert only(rows, value=460.0)["recipients"] == "甘肃省白银市会宁县"
    assert only(rows, value=9e6)["recipients"] == "河北省承德市承德县"
    assert only(rows, value=5.3e7)["donor"] == "天津市西青区"


def test_my_county_named_only_in_the_site_header_that_cleaning_dropped(gz):
    # the county's name survives only in the raw page header (navigation, removed by ingest)
    raw = ("镇原县人民政府网 当前位置:首页 >> 政务动态\n津镇协作谱新篇——我县2019年东西部扶贫协作工作回顾\n"
           "2019年,静海区向我县拨付财政帮扶资金4860万元,为我县培训基层干部320人次。\n")
    text = "津镇协作谱新篇——我县2019年东西部扶贫协作工作回顾\n" + raw.split("\n", 2)[2]
    rows, _ = extract_document(Doc("t", text, date="2019-12-20", raw_text=raw), gz)
    assert only(rows, value=4.86e7)["recipients"] == "甘肃省庆阳市镇原县"
    assert only(rows, value=320.0)["recipients"] == "甘肃省庆阳市镇原县"
    # without the header nothing says which county 我县 is: no guess
    rows, _ = extract_document(Doc("t", text, date="2019-12-20"), gz)
    assert "镇原县" not in only(rows, value=4.86e7)["recipients"]


def test_donor_written_my_city_stays_the_donor(gz):
    text = "今年,我市持续发力帮扶甘肃省定西市,拨付帮扶资金4000万元。我市企业在陇西县投资。\n"
    rows, _ = extract_document(Doc("t", text, date="2018-06-01", title="福州帮扶定西出新招"), gz)
    assert only(rows, value=4e7)["recipients"] == "甘肃省定西市"


def test_report_about_one_prefecture_gives_it_to_figures_without_a_place(gz):
    intro = ("2020年,福建省厦门市对口帮扶甘肃省临夏州。厦门在积石山县建设产业园,在广河县建设车间。\n")
    rows, _ = rows_of(gz, "全年投入财政帮扶资金3.3亿元。", intro=intro)
    assert only(rows, value=3.3e8)["recipients"] == "甘肃省临夏回族自治州"


@pytest.mark.parametrize("sentence, value, reason", [
    ("今年我县整合财政涉农资金6.4亿元,用于脱贫攻坚。", 6.4e8, "recipient_own_money"),
    ("帮助当地医院新开展诊疗项目25项。", 25.0, "medical_services"),
    ("积石山县财政安排配套资金2600万元,保障项目建设。", 2.6e7, "recipient_own_money"),
    ("广河县今年争取中央财政衔接推进乡村振兴补助资金3.2亿元。", 3.2e8, "recipient_own_money"),
    ("两县各新建村级卫生室12个。", 12.0, "facilities"),
])
def test_round2_rejections(gz, sentence, value, reason):
    rows, mentions = rows_of(gz, sentence)
    assert not [r for r in rows if r["value"] == value]
    assert reason in [m for m in mentions if m["value"] == value][0]["reason"]


def test_pairs_formed_as_duizi_are_pairings(gz):
    rows, _ = rows_of(gz, "红桥区机关干部与广河县贫困户结成帮扶对子215个。")
    assert only(rows, value=215.0)["indicator"] == "pairings"


def test_hosting_cadres_and_talent_together_is_mixed(gz):
    rows, mentions = rows_of(gz, "接收积石山县党政干部和专业技术人才620多人次到天津挂职跟岗。")
    assert not [r for r in rows if r["value"] == 620]


@pytest.mark.parametrize("sentence, value, indicator", [
    ("选派专业技术人才86名到积石山县挂职支援。", 86.0, "professionals_sent"),
    ("积石山县派出党政干部14名到天津挂职学习。", 14.0, "cadres_received"),
    ("广河县先后选派专业技术人才23名到红桥区跟岗学习。", 23.0, "professionals_received"),
    ("向广河县选派党政干部4名。", 4.0, "cadres_sent"),
])
def test_staff_direction_from_destination_and_sender(gz, sentence, value, indicator):
    rows, _ = rows_of(gz, sentence)
    assert only(rows, value=value)["indicator"] == indicator


def test_district_inside_a_city_donor_gives_its_own_clause(gz):
    intro = "2019年,广东省深圳市对口帮扶广西百色市。深圳市持续发力。\n"
    rows, _ = rows_of(gz, "全年投入帮扶资金7.2亿元,其中深圳市南山区向西林县投入帮扶资金2900万元。", intro=intro)
    assert only(rows, value=7.2e8)["donor"] == "广东省深圳市"
    assert only(rows, value=2.9e7)["donor"] == "广东省深圳市南山区"


def test_city_circles_credited_with_their_gifts(gz):
    rows, _ = rows_of(gz, "在红桥区协调下,天津市社会各界为积石山县捐款捐物420万元。")
    assert only(rows, value=4.2e6)["donor"] == "天津市"


def test_hospital_of_a_county_names_the_county(gz):
    intro = "2019年,上海市闵行区对口帮扶云南省红河州。闵行区持续发力。\n"
    rows, _ = rows_of(gz, "闵行区中心医院的二十余名医生在绿春县人民医院坐诊。", intro=intro)
    assert "绿春县" in only(rows, value=20.0)["recipients"]


def test_parts_after_qizhong_go_where_the_total_went(gz):
    rows, _ = rows_of(gz, "共选派专业技术人才320名赴两县开展帮扶,其中教师150名、医生90名。")
    assert len(only(rows, value=150.0)["recipients"].split(";")) == 2
    assert only(rows, value=90.0)["recipients"] == only(rows, value=320.0)["recipients"]


def test_total_goes_to_the_places_of_its_breakdown(gz):
    rows, _ = rows_of(gz, "全年拨付财政帮扶资金6300万元,其中积石山县3500万元、广河县2800万元。")
    assert len(only(rows, value=6.3e7)["recipients"].split(";")) == 2
    text = "●累计安排财政援助资金9.2亿元,其中:\n积石山县 5.1亿元\n广河县 4.1亿元\n"
    rows, _ = rows_of(gz, text)
    assert len(only(rows, value=9.2e8)["recipients"].split(";")) == 2


def test_prefecture_named_for_a_figure_is_kept_and_unnamed_figures_take_the_counties(gz):
    intro = ("2018年,上海市浦东新区对口帮扶云南省大理州,结对帮扶洱源、剑川、鹤庆3县。"
             "浦东新区持续发力。\n")
    # conventions v2: a figure stated for a prefecture by name takes the prefecture
    rows, _ = rows_of(gz, "“助力大理脱贫”,三年来浦东累计投入帮扶资金5.1亿元。", intro=intro)
    assert only(rows, value=5.1e8)["recipients"] == "云南省大理白族自治州"
    rows, _ = rows_of(gz, "全年实施帮扶项目96个。", intro=intro)
    assert len(only(rows, value=96.0)["recipients"].split(";")) == 3


def test_counted_units_that_outnumber_the_named_keep_the_prefecture(gz):
    intro = "2020年,山东省济南市对口帮扶湖南省湘西州。济南市持续发力。\n"
    rows, _ = rows_of(gz, "向花垣县、保靖县分别拨付3000万元、2000万元。济南市10个区县与湘西州8个县市实现结对。", intro=intro)
    assert only(rows, value=8.0)["recipients"] == "湖南省湘西土家族苗族自治州"


def test_central_units_give_their_own_clauses(gz):
    intro = "十年来,天津市对口支援青海省黄南州。天津市持续发力。\n"
    body = ("其中,天津市落实援助资金8.1亿元;水利部对口支援泽库县,落实帮扶资金420万元;"
            "中国华电对口支援尖扎县,落实帮扶资金390万元。")
    rows, _ = rows_of(gz, body, intro=intro)
    assert only(rows, value=8.1e8)["donor"] == "天津市"
    r = only(rows, value=4.2e6)
    assert (r["donor"], r["indicator"]) == ("水利部", "fiscal_aid")
    r = only(rows, value=3.9e6)
    assert (r["donor"], r["indicator"], r["detail"]) == ("中国华电集团有限公司", "social_aid", "soe")


def test_a_central_unit_heading_its_clause_after_a_time_word_gives_it(gz):
    intro = "2021年,天津市对口支援新疆和田地区策勒县。天津市持续发力。\n"
    body = "作为参与援疆的中央企业,中国华电今年向策勒县投入无偿帮扶资金1800万元,实施帮扶项目6个。"
    rows, _ = rows_of(gz, body, intro=intro)
    assert {r["donor"] for r in rows if r["value"] in (1.8e7, 6.0)} == {"中国华电集团有限公司"}


@pytest.mark.parametrize("sentence, value", [
    ("各对口支援省市和单位累计落实援助资金9.6亿元。", 9.6e8),
    ("北京和天津通过劳务协作帮助河北承德2.4万贫困劳动力实现就业。", 24000.0),
])
def test_totals_of_several_donors_are_not_rows(gz, sentence, value):
    rows, mentions = rows_of(gz, sentence)
    assert not [r for r in rows if r["value"] == value]
    assert "donor" in [m for m in mentions if m["value"] == value][0]["reason"]


def test_year_the_report_covers_beats_the_publication_date(gz):
    text = "一、资金支持\n全年拨付财政帮扶资金9200万元。\n二、下一步\n力争明年消费扶贫达到2亿元。\n"
    rows, _ = extract_document(Doc("t", INTRO.replace("2020年", "2019年") + text, date="2020-01-20",
                                   title="红桥区2019年东西部扶贫协作工作总结"), gz)
    assert only(rows, value=9.2e7)["year"] == 2019
    assert only(rows, value=2e8)["year"] == 2020


def test_opening_year_sets_the_report_year_but_history_does_not(gz):
    rows, _ = extract_document(Doc("t", "2019年,红桥区结对帮扶甘肃省积石山县。全年拨付帮扶资金800万元。",
                                   date="2020-01-08"), gz)
    assert only(rows, value=8e6)["year"] == 2019
    rows, _ = extract_document(Doc("t", "2010年,中央召开座谈会。天津市对口支援青海省黄南州,全年落实资金900万元。",
                                   date="2020-09-12"), gz)
    assert only(rows, value=9e6)["year"] == 2020


def test_a_start_year_said_in_passing_is_not_the_figures_year(gz):
    body = "2017年两地协作关系确立以来,红桥区倾力支持。今年,红桥区向积石山县投入帮扶资金3700万元。\n" \
           "产业合作方面,引导企业落地6家。\n"
    rows, _ = rows_of(gz, body, intro="")
    assert only(rows, value=6.0)["year"] == 2020
    rows, _ = rows_of(gz, "编制《生态扶贫三年规划(2018-2020年)》,带动贫困户增收500户。",
                      intro="", date="2018-05-16")
    assert only(rows, value=500.0)["year"] == 2018


def test_five_year_plan_totals_end_in_its_last_year(gz):
    rows, _ = extract_document(Doc("t", INTRO + "“十三五”期间,红桥区累计投入财政帮扶资金6.2亿元。",
                                   date="2021-06-21"), gz)
    r = only(rows, value=6.2e8)
    assert (r["period"], r["year"]) == ("cumulative", 2020)


def test_a_part_named_after_the_total_does_not_name_the_totals_recipients(gz):
    intro = "2020年,福建省厦门市对口帮扶甘肃省临夏州。厦门市持续发力。\n"
    rows, _ = rows_of(gz, "厦门市累计投入帮扶资金12.4亿元,其中向东乡族自治县、积石山县投入5.3亿元。", intro=intro)
    assert only(rows, value=1.24e9)["recipients"] == "甘肃省临夏回族自治州"
    assert len(only(rows, value=5.3e8)["recipients"].split(";")) == 2


def test_back_reference_in_an_earlier_clause_holds_for_the_sentence(gz):
    rows, _ = rows_of(gz, "引导9家企业赴两县投资,实际到位资金1.7亿元,带动贫困人口2600人增收。")
    assert len(only(rows, value=1.7e8)["recipients"].split(";")) == 2
    assert len(only(rows, value=2600.0)["recipients"].split(";")) == 2


def test_both_sides_together_are_not_a_back_reference(gz):
    # 两地携手 names both sides, not two receivers: the figure keeps the page's complete set
    rows, _ = rows_of(gz, "两地携手,全年拨付帮扶资金1500万元。", intro=MULTI)
    assert len(only(rows, value=1.5e7)["recipients"].split(";")) == 3


def test_employment_kinds_in_a_breakdown(gz):
    rows, _ = rows_of(gz, "帮助贫困劳动力实现就业1830人,其中来津就业260人、就近就地就业1410人、到其他地区就业160人。"
                          "在广河县建成扶贫车间4个,吸纳贫困人口就业185人。")
    assert only(rows, value=1830.0)["detail"] == "total"
    assert only(rows, value=260.0)["detail"] == "to_donor"
    assert only(rows, value=1410.0)["detail"] == "local"
    assert only(rows, value=160.0)["detail"] == "elsewhere"
    assert only(rows, value=185.0)["detail"] == "local"


def test_period_cue_opens_the_whole_sentence_and_a_span_gives_its_end_year(gz):
    rows, _ = rows_of(gz, "2017至2019三年来,红桥区累计拨付帮扶资金1.8亿元;援建扶贫车间12个,引导企业落地15家。")
    for v in (1.8e8, 15.0):
        r = only(rows, value=v)
        assert (r["period"], r["year"]) == ("cumulative", 2019)


def test_a_series_of_years_gives_annual_figures(gz):
    rows, _ = rows_of(gz, "近年来红桥区持续加大投入,从2018年的1500万元、5个项目,到2019年的3100万元、9个项目。")
    r = only(rows, value=1.5e7)
    assert (r["period"], r["year"]) == ("annual", 2018)
    r = only(rows, value=9.0)
    assert (r["period"], r["year"]) == ("annual", 2019)


def test_this_years_figures_under_a_since_opener_stay_annual(gz):
    body = "2020年以来,红桥区持续加大帮扶力度。今年,红桥区向积石山县投入帮扶资金2900万元。\n"
    rows, _ = rows_of(gz, body, intro="")
    r = only(rows, value=2.9e7)
    assert (r["period"], r["year"]) == ("annual", 2020)


def test_district_and_county_counts_in_a_pairing_sentence(gz):
    intro = "2020年,广东省广州市对口帮扶贵州省毕节市、黔南州。广州市持续发力。\n"
    rows, _ = rows_of(gz, "广州市11个区与毕节市、黔南州22个县(市、区)建立结对关系。", intro=intro)
    assert only(rows, value=11.0)["detail"] == "donor_counties"      # the side of 与 tells whose
    assert only(rows, value=22.0)["detail"] == "recipient_counties"
    assert len(only(rows, value=22.0)["recipients"].split(";")) == 2


def test_comparison_with_last_year_does_not_set_the_year(gz):
    rows, _ = rows_of(gz, "全年拨付帮扶资金2300万元,比上年增长18%,支持实施项目41个。")
    assert only(rows, value=41.0)["year"] == 2020


def test_purchase_agreement_values_are_contracts(gz):
    rows, _ = rows_of(gz, "组织企业签订采购协议金额3600万元。")
    r = only(rows, value=3.6e7)
    assert (r["indicator"], r["status"], r["detail"]) == ("consumption_aid", "target", "contract")


def test_counties_written_with_brackets_are_twinned_counties(gz):
    rows, _ = rows_of(gz, "红桥区所属6个市(县)区与临夏州8个县(市)结对帮扶。")
    assert only(rows, value=6.0)["detail"] == "donor_counties"
    assert only(rows, value=8.0)["detail"] == "recipient_counties"


def test_lines_of_a_breakdown_table_take_the_heads_indicator_and_places(gz):
    body = "●与积石山县、广河县实现结对全覆盖,其中:\n乡镇 26个\n贫困村 140个\n学校 35所\n医院 12家\n●社会各界捐款捐物800万元\n"
    rows, _ = rows_of(gz, body)
    for v, detail in ((26.0, "townships"), (140.0, "villages"), (35.0, "schools"), (12.0, "hospitals")):
        r = only(rows, value=v)
        assert (r["indicator"], r["detail"]) == ("pairings", detail)
        assert len(r["recipients"].split(";")) == 2
    assert only(rows, value=8e6)["indicator"] == "social_aid"


def test_talent_set_against_cadres_is_professionals(gz):
    rows, _ = rows_of(gz, "选派援派干部人才96名,其中干部41名、人才55名。为解决人才短缺问题,选派12名干部挂职。")
    assert only(rows, value=55.0)["indicator"] == "professionals_sent"
    assert only(rows, value=41.0)["indicator"] == "cadres_sent"
    assert only(rows, value=12.0)["indicator"] == "cadres_sent"


def test_jobs_total_with_a_poor_part_is_not_a_row_but_the_part_is(gz):
    rows, _ = rows_of(gz, "引导企业到积石山县投资,带动当地就业2.3万人,其中建档立卡贫困人口5100人。")
    assert not [r for r in rows if r["value"] == 23000]
    assert only(rows, value=5100.0)["indicator"] == "employment"


def test_a_plan_document_sets_targets_but_a_report_with_a_plan_does_not(gz):
    body = "一、重点任务\n向积石山县、广河县分别安排帮扶资金2600万元、1900万元。\n"
    rows, _ = rows_of(gz, body, title="红桥区2020年东西部扶贫协作工作要点")
    assert {r["status"] for r in rows if r["indicator"] == "fiscal_aid"} == {"target"}
    rows, _ = rows_of(gz, "全年拨付帮扶资金4300万元。\n", title="红桥区2020年工作总结及2021年工作打算")
    assert only(rows, value=4.3e7)["status"] == "actual"


def test_a_plan_documents_look_back_reports_results(gz):
    # the plan page's part under a heading looking back (一、上年工作回顾) reports what was done
    body = ("一、2019年工作回顾\n2019年,向积石山县拨付帮扶资金2300万元。\n"
            "二、2020年重点任务\n向积石山县、广河县分别安排帮扶资金2600万元、1900万元。\n")
    rows, _ = rows_of(gz, body, title="红桥区2020年东西部扶贫协作工作要点")
    assert only(rows, value=2.3e7)["status"] == "actual"
    assert only(rows, value=2.6e7)["status"] == "target"


def test_our_city_on_a_receivers_page_does_not_lift_the_giver(gz):
    # 我市 written by the receiving city is the receiver, not the giver's city
    intro = "2020年,福建省厦门市思明区结对帮扶甘肃省临夏州临夏市。思明区持续帮扶我市。\n"
    rows, _ = rows_of(gz, "今年思明区向我市拨付财政帮扶资金3100万元。", intro=intro)
    assert only(rows, value=3.1e7)["donor"] == "福建省厦门市思明区"


# ----------------------------------------------------------------------------- round 3: 分别 lists, sub-donors, back references
NINGBO = ("2020年,浙江省宁波市与贵州省黔西南州开展东西部扶贫协作,结对帮扶贞丰县、册亨县和望谟县。"
          "宁波市持续发力。\n")


# a donor with more recipients than the three counties a sentence points back to
TWO_PREFECTURES = ("2020年,浙江省宁波市对口帮扶贵州省黔西南州和吉林省延边州。宁波市持续发力。"
                   "宁波市重点帮扶贞丰县、册亨县和望谟县。")


def test_respective_givers_receivers_and_values_are_zipped(gz):
    rows, _ = rows_of(gz, "其中,余姚市、慈溪市分别向贞丰县、册亨县拨付帮扶资金3300万元、2800万元。", intro=NINGBO)
    money = [r for r in rows if r["indicator"] == "fiscal_aid"]
    assert len(money) == 2
    a, b = only(money, value=3.3e7), only(money, value=2.8e7)
    assert (a["donor"], names(a)) == ("浙江省宁波市余姚市", ["贞丰"])
    assert (b["donor"], names(b)) == ("浙江省宁波市慈溪市", ["册亨"])


def test_respective_roles_are_zipped_with_their_values(gz):
    rows, _ = rows_of(gz, "选派专业技术人才25名赴册亨县帮扶,其中医生、教师分别为15名、10名。", intro=NINGBO)
    assert only(rows, value=15.0)["detail"] == "doctors"
    assert only(rows, value=10.0)["detail"] == "teachers"
    assert only(rows, value=25.0)["indicator"] == "professionals_sent"


def test_each_over_roles_gives_one_row_per_role_from_the_sub_donor(gz):
    rows, _ = rows_of(gz, "在望谟县,慈溪市今年选派医生、教师各八名,到县医院和县中学开展组团式帮扶。", intro=NINGBO)
    got = [r for r in rows if r["value"] == 8.0]
    assert sorted(r["detail"] for r in got) == ["doctors", "teachers"]
    assert {r["donor"] for r in got} == {"浙江省宁波市慈溪市"}
    assert {tuple(names(r)) for r in got} == {("望谟",)}


def test_a_sub_donor_opening_the_paragraph_keeps_its_later_figures(gz):
    body = ("宁波市全年向三县拨付帮扶资金1.2亿元,宁波市社会各界捐款捐物3000万元。\n"
            "在贞丰县,余姚市今年选派教师6名到县中学支教；余姚市某村与贞丰县一村结成对子,通过发展产业,"
            "帮助当地贫困户310户增收。\n宁波市企业在贞丰县投资2.1亿元。\n")
    rows, _ = rows_of(gz, body, intro=NINGBO)
    assert only(rows, value=6.0)["donor"] == "浙江省宁波市余姚市"
    assert only(rows, value=310.0)["donor"] == "浙江省宁波市余姚市"
    assert only(rows, value=1.2e8)["donor"] == "浙江省宁波市"
    assert only(rows, value=2.1e8)["donor"] == "浙江省宁波市"      # a new paragraph, another subject


def test_an_association_is_credited_to_its_own_place(gz):
    # conventions v2: an association of a donor area is credited to that area's government unit
    body = "宁波市全年向三县拨付帮扶资金1.2亿元。\n其中,余姚市企业家协会向贞丰县捐款60万元,宁波市各界捐款捐物800万元。\n"
    rows, _ = rows_of(gz, body, intro=NINGBO)
    assert only(rows, value=6e5)["donor"] == "浙江省宁波市余姚市"
    assert only(rows, value=6e5)["indicator"] == "social_aid"
    assert only(rows, value=8e6)["donor"] == "浙江省宁波市"


def test_a_year_on_year_change_is_not_an_amount(gz):
    rows, mentions = rows_of(gz, "今年宁波市安排财政帮扶资金4.6亿元,较上年增加6000万元,同比增长15%,其中贞丰县1.6亿元。",
                             intro=NINGBO)
    assert not [r for r in rows if r["value"] == 6e7]
    assert "change" in [m for m in mentions if m["value"] == 6e7][0]["reason"]
    assert only(rows, value=1.6e8)["indicator"] == "fiscal_aid"    # a % change does not reach the part


def test_the_recipients_own_matching_money_is_not_aid(gz):
    rows, mentions = rows_of(gz, "望谟县自筹配套资金900万元,用于产业项目建设。", intro=NINGBO)
    assert not [r for r in rows if r["value"] == 9e6]


def test_the_post_held_by_staff_already_counted_is_not_a_row(gz):
    rows, _ = rows_of(gz, "选派4名党政干部到册亨县挂职,其中2名挂任县委常委、副县长。", intro=NINGBO)
    assert only(rows, value=4.0)["indicator"] == "cadres_sent"
    assert not [r for r in rows if r["value"] == 2.0]


def test_a_total_spread_by_the_next_clause_goes_to_the_units_it_points_back_to(gz):
    rows, _ = rows_of(gz, "全年拨付市级财政帮扶资金9000万元,三县各3000万元。", intro=TWO_PREFECTURES)
    assert names(only(rows, value=9e7)) == ["册亨", "望谟", "贞丰"]
    assert len([r for r in rows if r["value"] == 3e7]) == 3


def test_an_earlier_back_reference_holds_when_the_places_come_after_qizhong(gz):
    rows, _ = rows_of(gz, "引导15家企业到三县投资,实际投资额4.2亿元,其中在贞丰县落地企业6家。", intro=TWO_PREFECTURES)
    assert names(only(rows, value=4.2e8)) == ["册亨", "望谟", "贞丰"]


def test_an_agreed_purchase_value_is_a_contract_with_the_signing_prefecture(gz):
    rows, _ = rows_of(gz, "市内商贸企业与黔西南州签订农产品购销协议,约定采购额2600万元。", intro=NINGBO)
    r = only(rows, value=2.6e7)
    assert (r["indicator"], r["status"], r["detail"]) == ("consumption_aid", "target", "contract")
    assert r["recipients"] == "贵州省黔西南布依族苗族自治州"


def test_enterprises_guided_into_a_co_built_park(gz):
    # firms the giver guided in are a row; the park's tenants, whoever brought them, are its stock
    rows, _ = rows_of(gz, "余姚市引导5家企业入驻与望谟县共建的产业园。", intro=NINGBO)
    assert only(rows, value=5.0)["indicator"] == "enterprises"
    rows, mentions = rows_of(gz, "宁波与望谟县共建的甬望产业园已入驻企业5家。", intro=NINGBO)
    assert not [r for r in rows if r["value"] == 5.0]
    assert any(m["value"] == 5.0 and "park" in m["reason"] for m in mentions)


def test_county_level_cities_of_the_donor_are_a_twinned_party(gz):
    rows, _ = rows_of(gz, "宁波10个县级市(区)与黔西南州8个县市结对全覆盖。", intro=NINGBO)
    assert only(rows, value=10.0)["indicator"] == "pairings"
    assert only(rows, value=8.0)["indicator"] == "pairings"


def test_a_question_mark_inside_mojibake_does_not_end_the_sentence(gz):
    rows, _ = rows_of(gz, "今年以来,贞丰县积极协调余姚市引导8家企业在当?shù)芈涞赝顿Y,带动贫困人口860人。", intro=NINGBO)
    assert names(only(rows, value=860.0)) == ["贞丰"]


def test_a_sentence_pointing_back_stays_in_the_place_just_spoken_of(gz):
    body = "挂职册亨县副县长的宁波干部,在当地推进就业扶贫。2020年,在其协调下,转移贫困劳动力到宁波就业120人。"
    rows, _ = rows_of(gz, body, intro=NINGBO)
    assert names(only(rows, value=120.0)) == ["册亨"]


def test_a_breakdown_in_another_unit_does_not_take_the_places_from_the_total(gz):
    intro = "2020年,福建省泉州市对口帮扶甘肃省临夏州。泉州市持续发力。\n"
    rows, _ = rows_of(gz, "五年来,泉州市实施帮扶项目860个,其中向和政县、康乐县两个贫困县投入4.3亿元。", intro=intro)
    assert only(rows, value=860.0)["recipients"] == "甘肃省临夏回族自治州"


def test_two_places_signing_an_agreement_are_donor_and_recipient(gz):
    intro = "2020年,浙江省宁波市对口帮扶贵州省黔西南州。宁波市持续发力。\n"
    body = "全州有贞丰县、册亨县两个深度贫困县。根据两地签订的协作协议,2021年宁波市计划安排财政帮扶资金3.8亿元。"
    rows, _ = rows_of(gz, body, intro=intro)
    assert only(rows, value=3.8e8)["recipients"] == "贵州省黔西南布依族苗族自治州"


def test_a_total_keeps_away_from_places_that_get_amounts_not_adding_up_to_it(gz):
    intro = "2020年,上海市松江区对口帮扶云南省普洱市。松江区持续发力。\n"
    rows, _ = rows_of(gz, "今年松江区投入财政帮扶资金1.45亿元,实施帮扶项目88个,向墨江县、景东县各拨付五千万元。", intro=intro)
    assert only(rows, value=1.45e8)["recipients"] == "云南省普洱市"
    assert only(rows, value=88.0)["recipients"] == "云南省普洱市"
    assert len([r for r in rows if r["value"] == 5e7]) == 2
    # when the amounts add up, the total is theirs
    rows, _ = rows_of(gz, "今年松江区投入财政帮扶资金1亿元,向墨江县、景东县各拨付五千万元。", intro=intro)
    assert len(only(rows, value=1e8)["recipients"].split(";")) == 2


def test_a_headline_figure_restated_in_the_body_is_one_row(gz):
    text = ("浙黔协作帮助黔西南州4.6万贫困人口增收\n2020年,浙江省宁波市对口帮扶贵州省黔西南州。"
            "宁波产业项目帮助黔西南州贫困人口4.6万人增收,带动贫困人口3200人就业。\n")
    rows, mentions = extract_document(Doc("t", text), gz)
    got = [r for r in rows if r["value"] == 46000]
    assert len(got) == 1 and got[0]["start"] > text.index("\n")
    # a lead restated in the body is one figure too (conventions v2): the body's statement is kept
    text = "宁波帮助黔西南州4.6万贫困人口增收。\n宁波产业项目帮助黔西南州贫困人口4.6万人增收。\n"
    rows, _ = extract_document(Doc("t", text), gz)
    got = [r for r in rows if r["value"] == 46000]
    assert len(got) == 1 and got[0]["start"] > text.index("\n")


def test_a_section_heading_restating_its_body_figure_is_one_row(gz):
    # a heading inside the body (产业协作:三年投入N亿元) states the figure the text under it gives
    # in full: one row, the sentence's
    text = ("2020年,浙江省宁波市对口帮扶贵州省黔西南州。\n产业协作:三年投入3.6亿元\n"
            "2018年以来,宁波市累计向黔西南州投入产业协作资金3.6亿元,建成园区12个。\n")
    rows, _ = extract_document(Doc("t", text), gz)
    got = [r for r in rows if r["value"] == 3.6e8]
    assert len(got) == 1 and got[0]["start"] > text.index("2018年以来")


def test_a_digest_rounding_a_body_figure_is_one_row(gz):
    # key figures in a digest are rounded (2.4万 for 23817; 突破7亿 for 7.35亿): the body's exact
    # figure is the row; a digest figure the body does not round to stays a row of its own
    text = ("宁波黔西南协作交出答卷\n●2.4万名脱贫劳动力实现就业\n●消费帮扶金额突破7亿元\n●引进企业31家\n"
            "2020年,浙江省宁波市对口帮扶贵州省黔西南州。宁波帮助黔西南州脱贫劳动力实现就业23817人,"
            "采购和帮助销售黔西南州农特产品7.35亿元,引导企业28家到黔西南州投资。\n")
    rows, _ = extract_document(Doc("t", text), gz)
    body = text.index("2020年")
    assert [r["start"] > body for r in rows if r["indicator"] == "employment"] == [True]
    assert [r["start"] > body for r in rows if r["indicator"] == "consumption_aid"] == [True]
    assert sorted(r["value"] for r in rows if r["indicator"] == "enterprises") == [28.0, 31.0]


def test_a_digest_figure_the_body_reads_otherwise_is_the_bodys(gz):
    # a digest line (●挂职干部N名) restates a body figure that the body's sentence reads as another
    # indicator (cadres received, not sent): the body's reading is the page's, and the digest
    # adds no row of its own; a digest number the body rejects as something else stays its own
    text = ("宁波黔西南协作年度总结\n本文要点\n●挂职干部86名\n●引进企业23家\n"
            "2020年,浙江省宁波市对口帮扶贵州省黔西南州。全年宁波接收黔西南州86名干部到宁波挂职,"
            "宁波企业在黔西南州建成帮扶车间23家。\n")
    rows, _ = extract_document(Doc("t", text), gz)
    body = text.index("2020年")
    assert [(r["indicator"], r["start"] > body) for r in rows if r["value"] == 86] == [("cadres_received", True)]
    assert [r["indicator"] for r in rows if r["value"] == 23] == ["enterprises"]


@pytest.mark.parametrize("short, full, same", [
    ({"value": 21000.0, "_number": "2.1", "qualifier": "exact"}, {"value": 21036.0}, True),
    ({"value": 21000.0, "_number": "2.1", "qualifier": "exact"}, {"value": 21600.0}, False),
    ({"value": 9e8, "_number": "9", "qualifier": "lower_bound"}, {"value": 9.26e8}, True),
    ({"value": 9e8, "_number": "9", "qualifier": "lower_bound"}, {"value": 8.9e8}, False),
    ({"value": 30000.0, "_number": "3", "qualifier": "approx"}, {"value": 29600.0}, True),
    ({"value": 66.0, "_number": "66", "qualifier": "exact"}, {"value": 67.0}, False),
    ({"value": 3e4, "_number": "三", "qualifier": "exact"}, {"value": 3e4}, False),
])
def test_what_rounds_to_what(short, full, same):
    from helpers.extract.dedupe import rounds
    assert rounds(short, full) is same


@pytest.mark.parametrize("sentence, value, detail", [
    ("产业项目带动建档立卡贫困人口5600人稳定脱贫。", 5600.0, "lifted"),
    ("向贞丰县、册亨县各拨付帮扶资金四千万元。", 4e7, "per_county"),
    ("区级机关食堂采购贞丰县农产品420万元。", 4.2e6, "gov_procurement"),
    ("全市12个镇街与册亨县12个乡镇结对。", 12.0, "subdistricts"),
])
def test_cheap_details(gz, sentence, value, detail):
    rows, _ = rows_of(gz, sentence, intro=NINGBO)
    assert {r["detail"] for r in rows if r["value"] == value} >= {detail}


def test_people_earning_more_are_not_lifted(gz):
    rows, _ = rows_of(gz, "产业项目带动建档立卡贫困人口5600人增收,帮助贫困人口脱贫致富。", intro=NINGBO)
    assert only(rows, value=5600.0)["detail"] != "lifted"


def test_enterprises_twinned_with_villages_without_yu(gz):
    rows, _ = rows_of(gz, "各镇签订帮扶协议书,18家企业对口帮扶册亨县26个村。", intro=NINGBO)
    assert only(rows, value=18.0)["indicator"] == "pairings"
    assert only(rows, value=26.0)["indicator"] == "pairings"


def test_a_description_of_people_already_counted_is_not_a_row(gz):
    rows, _ = rows_of(gz, "宁波第五批援黔干部共9名干部赴册亨县挂职,9人均为1980年以后出生的业务骨干。", intro=NINGBO)
    assert len([r for r in rows if r["value"] == 9.0]) == 1


# ----------------------------------------------------------------------------- round 4 (heldout3 misses)
def test_staff_hosted_for_a_posting_are_received_not_trained(gz):
    rows, _ = rows_of(gz, "五年来接收两县党政干部15名、专业技术人才37名来津挂职培训,培训两县干部群众3600人次。")
    assert only(rows, value=15.0)["indicator"] == "cadres_received"
    assert only(rows, value=37.0)["indicator"] == "professionals_received"
    assert only(rows, value=3600.0)["indicator"] == "trained"
    # staff sent to the donor for a course are trained
    rows, _ = rows_of(gz, "组织两县党政干部和专业技术人员42名赴津培训。")
    assert only(rows, value=42.0)["indicator"] == "trained"


def test_staff_posted_to_the_recipients_named_back_are_sent(gz):
    rows, _ = rows_of(gz, "累计选派党政干部9名、专业技术人才64名到两县挂职帮扶。")
    assert only(rows, value=9.0)["indicator"] == "cadres_sent"
    assert only(rows, value=64.0)["indicator"] == "professionals_sent"


def test_a_bracketed_part_of_staff_goes_the_way_of_its_head(gz):
    rows, _ = rows_of(gz, "全年选派党政干部12名到广河县挂职(其中第四批挂职干部7名),选派教师20名。")
    assert only(rows, value=7.0)["indicator"] == "cadres_sent"
    assert only(rows, value=12.0)["indicator"] == "cadres_sent"


def test_a_prefecture_named_in_the_clause_is_not_spread_over_the_paired_counties(gz):
    rows, _ = rows_of(gz, "今年帮助临夏州贫困劳动力转移就业2300人。红桥区投入帮扶资金3000万元。")
    assert only(rows, value=2300.0)["recipients"] == "甘肃省临夏回族自治州"
    # a figure that names no place still goes to the counties paired with the donor
    assert len(only(rows, value=3e7)["recipients"].split(";")) == 2


def test_a_sentence_singling_out_a_year_goes_where_the_sentence_before_went(gz):
    # (the page's set is three counties: the figure after the one for two of them goes where that went)
    text = ("“十三五”期间,天津市红桥区结对帮扶甘肃省临夏州积石山县、广河县、东乡县。\n"
            "五年来,红桥区累计向积石山县、广河县两县投入财政帮扶资金3.2亿元,带动1.1万贫困人口脱贫。仅2020年就投入财政帮扶资金9000万元。"
            "今年已拨付帮扶资金2000万元。\n")
    rows, _ = extract_document(Doc("t", text, title="津陇情深:红桥区扶贫协作五年回顾", date="2021-05-01"), gz)
    assert len(only(rows, value=9e7)["recipients"].split(";")) == 2
    assert only(rows, value=9e7)["period"] == "annual"
    assert only(rows, value=2e7)["recipients"] != only(rows, value=9e7)["recipients"]


def test_two_sided_pairings_of_counties_with_xianqu(gz):
    rows, _ = rows_of(gz, "天津市4个区与临夏州5个县区结对。")
    assert only(rows, value=4.0)["detail"] == "donor_counties"
    assert only(rows, value=5.0)["detail"] == "recipient_counties"


def test_a_cumulative_cue_after_the_numbers_of_its_clause(gz):
    rows, _ = rows_of(gz, "红桥区8个街道与两县21个乡镇累计结对。全年新增村企结对6对。")
    assert only(rows, value=8.0)["period"] == "cumulative"
    assert only(rows, value=21.0)["period"] == "cumulative"
    assert only(rows, value=6.0)["period"] == "annual"


@pytest.mark.parametrize("sentence, value, detail", [
    ("区卫健委向积石山县、广河县各安排医疗卫生帮扶资金150万元。", 1.5e6, "health"),
    ("向积石山县、广河县各投入劳务协作资金80万元。", 8e5, "labour"),
    ("向积石山县、广河县各拨付帮扶资金500万元。", 5e6, "per_county"),
    ("区工商联向广河县捐赠防疫物资折合人民币36万元。", 3.6e5, "covid"),
    ("镇镇结对12对,村村结对30对。", 12.0, "townships"),
    ("镇镇结对12对,村村结对30对。", 30.0, "villages"),
])
def test_round4_details(gz, sentence, value, detail):
    rows, _ = rows_of(gz, sentence)
    assert {r["detail"] for r in rows if r["value"] == value} == {detail}


def test_a_city_that_gives_keeps_the_page_though_the_lead_names_one_of_its_districts(gz):
    text = ("2021年,在江苏省苏州市吴江区的倾力帮扶下,我县扎实推进东西部协作各项工作。\n"
            "苏州市今年向我县投入财政帮扶资金5000万元,苏州市还选派干部12名。\n")
    rows, _ = extract_document(Doc("t", text), gz)
    assert {r["donor"] for r in rows} == {"江苏省苏州市"}


def test_a_part_reporting_the_year_is_not_a_plan_for_a_next_year_target_inside_it(gz):
    text = ("2019年,江苏省苏州市吴江区对口帮扶贵州省铜仁市沿河土家族自治县。\n"
            "一、今年工作成效明显\n今年以来,吴江区向沿河县投入财政帮扶资金4200万元。\n"
            "产业合作方面,今年已引导9家企业落户沿河县,明年力争新引进企业不少于12家。\n"
            "二、明年工作打算\n明年,吴江区将继续加大投入,选派干部8名。\n")
    rows, _ = extract_document(Doc("t", text, date="2019-12-20"), gz)
    status = {r["value"]: r["status"] for r in rows}
    assert status[4.2e7] == "actual" and status[9.0] == "actual"
    assert status[12.0] == "target" and status[8.0] == "target"


def test_staff_a_receiver_sends_are_received_by_the_giver_they_go_to(gz):
    text = ("2021年,江苏省与陕西省、辽宁省与贵州省开展东西部协作。\n"
            "江苏今年选派挂职干部52名赴陕西;辽宁向贵州选派党政干部30名。陕西今年也选派【86名】干部到江苏挂职。\n")
    rows, _ = extract_document(Doc("t", text.replace("【", "").replace("】", "")), gz)
    got = only(rows, value=86.0)
    assert (got["donor"], got["indicator"]) == ("江苏省", "cadres_received")


def test_a_table_of_contents_is_not_the_headline(gz):
    from helpers.extract.layout import layout
    from helpers.extract.zones import zones
    text = ("协作工作简报\n【本期目录】\n一、全市协作推进会召开\n二、吴江区:茶产业帮扶见实效\n"
            "一、全市协作推进会召开\n今年以来,苏州市已拨付沿河县财政帮扶资金1.2亿元。\n"
            "二、吴江区:茶产业帮扶见实效\n吴江区今年向沿河县拨付协作资金900万元。\n")
    zs = zones(layout(text), "")
    first_item = text.index("一、")
    assert zs.kind_at(first_item) == "navigation"
    assert zs.kind_at(text.index("二、")) == "navigation"
    rows, _ = extract_document(Doc("t", text), gz)
    assert only(rows, value=1.2e8)["donor"] == "江苏省苏州市"


def test_a_plan_named_in_passing_in_a_piece_of_done_work_does_not_reach_the_next_piece(gz):
    text = ("2021年,江苏省苏州市吴江区对口帮扶贵州省铜仁市沿河土家族自治县。\n"
            "会议通报,今年以来,吴江区已拨付沿河县资金1.2亿元,实施项目42个,全年计划实施项目56个;"
            "选派8名党政干部到沿河县挂职。\n")
    rows, _ = extract_document(Doc("t", text, date="2021-07-20"), gz)
    assert only(rows, value=56.0)["status"] == "target"
    assert only(rows, value=8.0)["status"] == "actual"


def test_a_giver_writing_we_is_the_giver_though_people_come_to_it(gz):
    # 我县 gives far more often than it is helped (到我县 is people coming to the giver)
    text = ("商河县人民政府\n商广协作结硕果\n2022年,山东省济南市商河县对口帮扶甘肃省临夏州广河县。\n"
            "我县全年拨付资金3200万元。我县选派2名党政干部到广河挂职,接收广河县8名党政干部到我县跟岗锻炼。"
            "我县帮助广河脱贫劳动力到山东就业312人,其中到我县企业就业128人。\n")
    raw = "商河县人民政府\n" + text
    rows, _ = extract_document(Doc("t", text, raw_text=raw), gz)
    assert only(rows, value=8.0)["indicator"] == "cadres_received"
    assert {r["donor"] for r in rows} == {"山东省济南市商河县"}


def test_a_heading_reporting_the_progress_of_key_work_is_not_a_plan(gz):
    text = ("2021年,上海市徐汇区对口帮扶云南省红河哈尼族彝族自治州。\n二、重点工作推进情况\n"
            "徐汇区安排沪滇协作资金2400万元,选派3名党政干部到红河州挂职。\n三、2022年重点工作\n"
            "徐汇区将继续选派党政干部5名。\n")
    rows, _ = extract_document(Doc("t", text, date="2022-01-18"), gz)
    assert only(rows, value=2.4e7)["status"] == "actual" and only(rows, value=3.0)["status"] == "actual"
    assert only(rows, value=5.0)["status"] == "target"


def test_the_partners_of_a_unit_inside_the_donor_are_not_the_pages_recipients(gz):
    text = ("吉林援疆:春风化雨润阿勒泰\n今年,吉林省全面推进对口支援阿勒泰地区工作,安排援疆资金4.6亿元。\n"
            "在吉林省统一部署下,通化市对口支援布尔津县,今年安排市级援疆资金2800万元。\n"
            "吉林省今年选派医疗、教育专业技术人才38名。\n")
    rows, _ = extract_document(Doc("t", text, title="吉林援疆:春风化雨润阿勒泰"), gz)
    assert only(rows, value=2.8e7)["recipients"] == "新疆维吾尔自治区阿勒泰地区布尔津县"
    assert "布尔津县" not in only(rows, value=4.6e8)["recipients"]
    assert "布尔津县" not in only(rows, value=38.0)["recipients"]


def test_a_headline_figure_no_body_figure_rounds_stays(gz):
    text = ("天宁区帮扶玛沁县1亿元\n2020年,江苏省常州市天宁区对口帮扶青海省果洛藏族自治州玛沁县、班玛县。"
            "天宁区向玛沁县拨付帮扶资金7000万元,向班玛县拨付帮扶资金1.3亿元。\n")
    rows, _ = extract_document(Doc("t", text), gz)
    assert any(r["value"] == 1e8 for r in rows)


@pytest.mark.parametrize("sentence", [
    "我县与江苏省常州市天宁区结对以来,全县实施东西部协作项目【45个】。",
    "我县与江苏省常州市天宁区结对以来,全县共接收东西部协作资金【3000万元】。",
])
def test_a_receivers_own_level_using_the_aid_it_got_is_aid(gz, sentence):
    text = "2020年,青海省果洛藏族自治州玛沁县在天宁区帮扶下发展产业,我县成效明显。\n" + sentence.replace("【", "").replace("】", "") + "\n"
    raw = "来源:玛沁县融媒体中心\n" + text
    rows, _ = extract_document(Doc("t", text, raw_text=raw), gz)
    value = sentence[sentence.index("【") + 1:sentence.index("】")]
    assert [r for r in rows if r["evidence"].endswith(value) or value.replace("个", "") in r["evidence"]]


def test_a_clause_on_eastern_cooperation_money_of_one_donor_is_not_a_many_donor_total(gz):
    rows, _ = rows_of(gz, "天宁区向玛沁县拨付资金500万元,东部地区协作资金共计2000万元。",
                      intro="2020年,江苏省常州市天宁区对口帮扶青海省果洛藏族自治州玛沁县。\n")
    assert any(r["value"] == 2e7 for r in rows)


def test_a_county_level_citys_own_city_level_money_is_its_own(gz):
    text = ("2022年,浙江省金华市兰溪市对口帮扶四川省巴中市通江县。\n"
            "全年浙江省下达通江县东西部协作财政援助资金6000万元;兰溪市安排市级财政帮扶资金1100万元。\n")
    rows, _ = extract_document(Doc("t", text), gz)
    assert only(rows, value=1.1e7)["donor"] == "浙江省金华市兰溪市"
    assert only(rows, value=6e7)["donor"] == "浙江省"


def test_a_county_level_citys_we_and_whole_city_are_its_own(gz):
    text = ("兰溪市2021年东西部协作工作总结\n2021年,在金华市统一部署下,我市对口帮扶四川省巴中市通江县。\n"
            "结对以来,我市累计投入财政援助资金1.2亿元;全市企业在通江县实际到位投资5300万元。\n")
    rows, _ = extract_document(Doc("t", text, title="兰溪市2021年东西部协作工作总结"), gz)
    assert {r["donor"] for r in rows} == {"浙江省金华市兰溪市"}


def test_the_publishing_unit_of_a_footer_source_line_is_who_we_are(gz):
    # a receiver's post names itself only as 我县 and, below the text, in 来源:甲县…局 (which
    # cleaning drops from the text); the headline shortens it to a bare name
    text = ("东西协作|2021年朝阳区帮扶宁城这份答卷请收好\n2021年,北京市朝阳区与我县深化协作。\n"
            "朝阳区投入我县财政援助资金4200万元,帮助我县脱贫劳动力到北京就业260人。\n")
    raw = text + "来源:宁城县乡村振兴局\n"
    rows, _ = extract_document(Doc("t", text, raw_text=raw, unit="宁城县乡村振兴局"), gz)
    assert {r["recipients"] for r in rows} == {"内蒙古自治区赤峰市宁城县"}
    assert {r["donor"] for r in rows} == {"北京市朝阳区"}
    rows, _ = extract_document(Doc("t", text, raw_text=text), gz)
    assert not any(r["recipients"] == "内蒙古自治区赤峰市宁城县" for r in rows)


def test_a_receiver_heading_its_paragraph_with_its_giver_in_brackets_takes_that_giver(gz):
    text = ("2020年,广东省佛山市对口帮扶四川省凉山彝族自治州,现将各县进展通报如下。\n"
            "(一)木里藏族自治县(佛山市禅城区结对帮扶)。到位财政援助资金3100万元;实施协作项目12个。\n"
            "(二)盐源县(佛山市南海区结对帮扶)。到位财政援助资金3600万元;帮助脱贫劳动力就业410人。\n")
    rows, _ = extract_document(Doc("t", text), gz)
    assert {r["donor"] for r in rows if r["value"] in (3.1e7, 12.0)} == {"广东省佛山市禅城区"}
    assert {r["donor"] for r in rows if r["value"] in (3.6e7, 410.0)} == {"广东省佛山市南海区"}
    assert only(rows, value=3.6e7)["recipients"] == "四川省凉山彝族自治州盐源县"


def test_a_page_whose_we_gives_more_than_it_is_helped_is_the_givers_own(gz):
    # an in-province pairing the reference does not hold: only the page's own words say which
    # side 我区 is on (it gives three times; people coming 来我区 are not the district being helped)
    title = "我区山海协作帮扶景宁县取得新成效"
    text = (title + "\n2019年,我区与丽水市景宁畲族自治县深化山海协作。全年我区向景宁县拨付帮扶资金1800万元,"
            "我区选派2名干部到景宁县挂职,接收景宁县15名教师来我区跟岗学习。\n")
    raw = "杭州市余杭区人民政府门户网站\n" + text
    rows, _ = extract_document(Doc("t", text, title=title, raw_text=raw), gz)
    assert {r["donor"] for r in rows} == {"浙江省杭州市余杭区"}
    assert {r["recipients"] for r in rows} == {"浙江省丽水市景宁畲族自治县"}


def test_a_province_page_listing_more_partners_than_the_reference_keeps_the_province(gz):
    # the receiving province's own page (我省) lists four partner prefectures where the pairing
    # reference holds three: a figure given to the province is not narrowed to the reference's set
    text = ("2021年,江苏省与我省开展东西部协作,南京、无锡、常州等市分别与西宁市、海东市、海南州、果洛州结对。\n"
            "一年来,江苏选派党政干部60名、专业技术人才300名来青挂职帮扶,我省各结对县区全覆盖。\n")
    rows, _ = extract_document(Doc("t", text, title="青海省东西部协作工作交流", raw_text="青海省乡村振兴局\n" + text), gz)
    assert only(rows, value=60.0)["recipients"] == "青海省"


def test_respectively_reaches_every_figure_of_a_long_run(gz):
    # 分别 before four receivers and four amounts: the last amounts stand far from the cue
    text = ("2019年,浙江省宁波市对口帮扶四川省凉山彝族自治州。\n宁波市全年投入财政援助资金4.1亿元,"
            "分别安排昭觉县、布拖县、金阳县、普格县1.2亿元、1.1亿元、0.95亿元、0.85亿元。\n")
    rows, _ = extract_document(Doc("t", text), gz)
    assert only(rows, value=9.5e7)["recipients"] == "四川省凉山彝族自治州金阳县"
    assert only(rows, value=8.5e7)["recipients"] == "四川省凉山彝族自治州普格县"


def test_district_level_money_is_the_pages_district_whoever_the_clause_before_credits(gz):
    text = ("2019年,上海市长宁区对口帮扶云南省红河州金平县。\n"
            "上海市、长宁区共落实援滇资金9000万元。市级资金共实施项目20个;区级资金聚焦产业发展,实施项目12个。\n")
    rows, _ = extract_document(Doc("t", text), gz)
    assert only(rows, value=12.0)["donor"] == "上海市长宁区"
    assert only(rows, value=9e7)["donor"] == "上海市"


def test_a_site_header_names_we_unless_we_is_helped_more_than_it_gives(gz):
    # 在我区设立… is a place on either side: one such phrase against one gift leaves the site's unit
    body = ("2024年是天津市河西区与甘肃省平凉市崆峒区开展协作的第四年。一年来,我区坚持协作所需。\n"
            "2021年以来,我区累计向崆峒区投入财政援助资金2.6亿元。在我区设立崆峒农特产品专馆2个,销售农特产品2300万元。\n")
    raw = "天津市河西区人民政府\n首页 > 政务公开 > 工作总结\n" + body
    rows, _ = extract_document(Doc("t", body, raw_text=raw, title="天津市河西区人民政府"), gz)
    assert only(rows, value=2.6e8)["donor"] == "天津市河西区"
    assert only(rows, value=2.6e8)["recipients"] == "甘肃省平凉市崆峒区"


def test_a_page_without_a_site_header_reads_we_from_its_words(gz):
    # a page saved without its header starts with its body: the giver named there is no header
    body = ("2021年,江苏省共向我省投入协作资金26亿元,在我省实施项目1300个。\n"
            "江苏省选派了150名干部来我省挂职。\n")
    rows, _ = extract_document(Doc("t", body, raw_text=body, title="苏陕协作成效明显"), gz)
    assert only(rows, value=150.0)["indicator"] == "cadres_sent"
    assert only(rows, value=150.0)["recipients"] == "陕西省"


def test_a_renamed_donors_short_name_is_the_donor_as_the_page_names_it(gz):
    # a 2016 page names 长乐市 (a district since 2017); its short name 长乐 reads as today's
    # district, yet it is the page's donor
    text = ("2016年,福建省福州市长乐市对口帮扶甘肃省定西市漳县。\n"
            "长乐市全年向漳县拨付帮扶资金800万元。长乐选派干部3名到漳县挂职,长乐企业捐款捐物60万元。\n")
    rows, _ = extract_document(Doc("t", text, date="2016-12-20"), gz)
    assert {r["donor"] for r in rows} == {"福建省福州市长乐市"}


def test_respective_figures_of_listed_givers_are_one_row_each(gz):
    # 甲、乙分别N、M: each figure is one giver's, not a copy for every giver named
    intro = "2019年,上海市对口支援新疆喀什地区泽普县、莎车县、叶城县、巴楚县。\n"
    rows, _ = rows_of(gz, "闵行区、宝山区、静安区分别落实区级援疆资金6800万元、7500万元、5600万元。", intro=intro)
    money = sorted(r["value"] for r in rows if r["indicator"] == "fiscal_aid")
    assert money == [56000000, 68000000, 75000000], rows
    assert [r["donor"] for r in sorted(rows, key=lambda r: r["value"])] == \
        ["上海市静安区", "上海市闵行区", "上海市宝山区"]
    # as many givers as the page has receivers, none named in the sentence: no pairing is made up
    rows, _ = rows_of(gz, "浦东新区、闵行区、宝山区、静安区分别落实区级援疆资金1.2亿元、6800万元、7500万元、5600万元。",
                      intro=intro)
    assert len(rows) == 4 and len({r["donor"] for r in rows}) == 4
    # each giver with the one of the page's receivers it is paired with in the reference
    assert all(r["recipients"].count(";") == 0 for r in rows), rows


def test_central_unit_on_a_receiving_page_gives_to_the_page_area(gz):
    # the page's pair is its eastern donor's; a central SOE's figure with no receiver named is
    # for the receiving area whose page it is (我州)
    intro = "凉山彝族自治州人民政府网 > 要闻\n2020年,广东省佛山市对口帮扶我州西昌市、昭觉县,我州脱贫攻坚取得决定性成效。\n"
    rows, _ = rows_of(gz, "中央企业定点帮扶方面,中国华能集团今年投入帮扶资金1.5亿元。",
                      intro=intro, title="佛山凉山携手 2020年脱贫攻坚工作综述")
    row = only(rows, value=1.5e8)
    assert row["donor"] == "中国华能集团有限公司"
    assert row["recipients"] == "四川省凉山彝族自治州"


def test_two_equal_figures_of_one_sentence_are_two_rows(gz):
    # the two sides of a twinning counted alike (甲区N所与乙县N所): not one figure stated twice
    rows, _ = rows_of(gz, "红桥区8所中小学与积石山县8所学校结成“手拉手”对子。")
    assert len([r for r in rows if r["indicator"] == "pairings" and r["value"] == 8]) == 2, rows


def test_respective_figures_of_listed_units_are_one_row_each(gz):
    # 甲、乙、丙三个街道分别…N、M、K: as many figures as names, one row each (not one per name)
    rows, _ = rows_of(gz, "红桥区丁字沽、西于庄、铃铛阁三个街道分别向结对的东庄村、西沟村、南坪村捐赠帮扶资金30万元、25万元、20万元。")
    assert sorted(r["value"] for r in rows if r["indicator"] in ("fiscal_aid", "social_aid")) == [2e5, 2.5e5, 3e5]


def test_listed_givers_take_their_own_partners_among_the_receivers(gz):
    intro = "2019年,北京市房山区、大兴区对口帮扶内蒙古自治区乌兰察布市察哈尔右翼中旗、察哈尔右翼前旗。\n"
    rows, _ = rows_of(gz, "产业合作方面,两区共引导11家企业落地两旗,房山区、大兴区分别引导7家和4家。", intro=intro)
    assert only(rows, value=7.0)["recipients"].endswith("察哈尔右翼中旗")
    assert only(rows, value=4.0)["recipients"].endswith("察哈尔右翼前旗")


def test_a_count_of_a_places_units_does_not_end_the_named_set(gz):
    # 对口帮扶甲市14个区县和乙州: the set is both, the count between them is the first one's
    text = ("2020年,我省承担着对口帮扶重庆市14个区县和湖南省湘西州的任务。\n"
            "山东省全年拨付财政援助资金9.8亿元。\n")
    rows, _ = extract_document(Doc("t", text), gz)
    assert sorted(only(rows, value=9.8e8)["recipients"].split(";")) == ["湖南省湘西土家族苗族自治州", "重庆市"]


def test_a_part_owner_does_not_take_over_the_paragraph(gz):
    # 其中乙区向丙县投入…: the part is 乙区's; the next sentence goes on with the whole's giver
    text = ("2020年,山东省济南市对口帮扶湖南省湘西州。\n"
            "济南市10个区县与湘西州8个县市结对,其中槐荫区今年向花垣县投入区级财政帮扶资金2300万元。"
            "全年引导86家企业到湘西投资兴业,实际到位投资18.6亿元。\n")
    rows, _ = extract_document(Doc("t", text), gz)
    assert only(rows, value=2.3e7)["donor"] == "山东省济南市槐荫区"
    assert only(rows, value=1.86e9)["donor"] == "山东省济南市"


def test_each_part_of_a_list_of_parts_has_its_own_owner(gz):
    # 其中甲区N名、乙区M名: the second part is 乙区's, given to its own partner among the whole's
    intro = "2020年,北京市房山区、大兴区对口帮扶内蒙古自治区乌兰察布市察哈尔右翼中旗、察哈尔右翼前旗。\n"
    rows, _ = rows_of(gz, "两区共选派挂职干部11名,其中房山区6名、大兴区5名。", intro=intro)
    assert only(rows, value=6.0)["donor"] == "北京市房山区"
    five = only(rows, value=5.0)
    assert five["donor"] == "北京市大兴区" and five["recipients"].endswith("察哈尔右翼前旗")


def test_a_year_in_words_after_a_central_unit_in_the_headline(gz):
    # 某集团二〇二〇年定点帮扶我县…: the page is the central unit's, whose name the body shortens
    text = "二〇二〇年,集团继续加大对我县的定点帮扶力度,全年投入无偿帮扶资金一千二百万元。\n"
    rows, _ = extract_document(Doc("t", text, title="中国华能集团二〇二〇年定点帮扶我县工作综述"), gz)
    assert only(rows, value=1.2e7)["donor"] == "中国华能集团有限公司"


def test_money_stated_twice_in_one_sentence_is_one_row(gz):
    # the same-sentence exception is for the two sides of a twinning only
    rows, _ = rows_of(gz, "红桥区向积石山县下达财政帮扶资金500万元,拨付到位财政帮扶资金500万元。")
    assert len([r for r in rows if r["value"] == 5e6]) == 1, rows


def test_a_plan_entry_in_a_table_of_contents_opens_no_plan_section(gz):
    # a 简报 lists its parts first (1. …进展, 2. 下一步工作打算); the plan is the part whose title
    # repeats the entry later, not everything after the contents
    text = ("红桥区东西部协作工作简报\n本期目录:\n    1. 上半年工作进展\n    2. 下一步工作打算\n"
            "上半年工作进展\n    一是选派干部。选派4名党政干部到积石山县挂职。\n"
            "下一步工作打算\n    一是加大投入。全年拨付财政帮扶资金3000万元。\n")
    rows, _ = extract_document(Doc("t", text), gz)
    assert only(rows, value=4)["status"] == "actual"
    assert only(rows, value=3e7)["status"] == "target"


@pytest.mark.parametrize("sentence, value, status", [
    # a completion verb a goal governs (力争…到位) stays inside the goal
    ("红桥区力争引导企业投资到位1.5亿元以上。", 1.5e8, "target"),
    ("红桥区力争全年完成消费帮扶采购2000万元。", 2e7, "target"),
    # in a clause of its own, or said outright (已…), it reports what was done
    ("红桥区计划引进企业5家,到位资金8000万元。", 8e7, "actual"),
    ("红桥区力争引进企业5家,已实际到位资金8000万元。", 8e7, "actual"),
])
def test_a_done_verb_under_a_goal(gz, sentence, value, status):
    rows, _ = rows_of(gz, sentence)
    assert only(rows, value=value)["status"] == status


def test_each_of_a_receiving_unit_not_each_project(gz):
    # 每个结对县: each county gets the figure; 每个村级项目: a rate of projects, no county's row
    rows, _ = rows_of(gz, "红桥区全年为每个结对帮扶县选派2名干部挂职。")
    assert sorted(r["recipients"].rsplit("州", 1)[-1] for r in rows if r["value"] == 2) == [
        "广河县", "积石山保安族东乡族撒拉族自治县"]
    rows, _ = rows_of(gz, "红桥区实施村级项目20个,每个村级项目投入在30万元左右。")
    assert len([r for r in rows if r["value"] == 3e5]) <= 1


@pytest.mark.parametrize("sentence, value, kept", [
    # a change from a stated year is no amount given; a part (其中) after it is the total's
    ("红桥区全年投入帮扶资金3600万元,比2019年增加900万元。", 9e6, False),
    ("红桥区全年投入帮扶资金3600万元,较上年增加900万元,其中积石山县2100万元。", 2.1e7, True),
])
def test_a_change_on_a_stated_year(gz, sentence, value, kept):
    rows, _ = rows_of(gz, sentence)
    assert any(r["value"] == value for r in rows) == kept


def test_people_coming_to_learn_do_not_make_the_writer_a_receiver(gz):
    # a giver's own page: 来我区跟岗学习 is the giver hosting; 我区 stays the giver, not the receiver
    text = ("河西区2020年东西部扶贫协作工作总结\n2020年,我区围绕甘肃省平凉市崆峒区、庄浪县两个结对地区的需求,"
            "扎实开展协作。\n接收两地专技人才36名来我区跟岗学习;全年拨付财政帮扶资金3000万元。\n")
    rows, _ = extract_document(Doc("t", text), gz)
    row = only(rows, value=3e7)
    assert row["donor"] == "天津市河西区"
    assert len(row["recipients"].split(";")) == 2, row["recipients"]


def test_where_staff_serve_said_before_them(gz):
    # 在乙县开展帮扶的甲区干部有N名: serving in the receiving county, so sent, though a later
    # clause hosts the county's own cadres
    rows, _ = rows_of(gz, "目前在积石山县开展帮扶的红桥区党政干部有5名,积石山县也有12名干部到红桥挂职学习。")
    assert only(rows, value=5)["indicator"] == "cadres_sent"


def test_a_figure_in_an_aside_is_the_phrase_before_it(gz):
    # 甲资金N万元(上年为M万元),乙…: the aside's figure is of the money before it, not of the
    # next clause's cue
    rows, _ = rows_of(gz, "全年到位红桥区财政帮扶资金3600万元(2019年为2800万元),我县统筹整合涉农资金1.2亿元。")
    assert only(rows, value=2.8e7)["indicator"] == "fiscal_aid"


@pytest.mark.parametrize("sentence, value, indicator", [
    # 带动N名脱贫人口…就业: the jobs of poor people are counted, not beneficiaries
    ("红桥区援建的扶贫车间带动600余名脱贫人口在家门口稳定就业。", 600, "employment"),
    ("红桥区帮扶项目带动1200名贫困人口增收。", 1200, "poor_beneficiaries"),
])
def test_jobs_of_poor_people(gz, sentence, value, indicator):
    rows, _ = rows_of(gz, sentence)
    assert only(rows, value=value)["indicator"] == indicator


def test_a_number_in_a_place_name_is_no_figure(gz):
    # 五家渠市 holds 五家: a count word inside a name
    rows, mentions = rows_of(gz, "红桥区援建了五家渠市人民医院门诊楼,投入资金800万元。")
    assert not [m for m in mentions if m["text"] == "五家"]


def test_a_city_short_name_after_one_mention_of_its_zone(gz):
    # 甲 after a single 甲X新区 in passing is the city 甲, not the zone
    text = ("2022年,深圳市持续深化与赣州市的对口合作,南山区、大鹏新区等区分别结对赣州各县。\n"
            "今年深圳派驻赣州的挂职干部共有60名。\n")
    rows, _ = extract_document(Doc("t", text), gz)
    assert only(rows, value=60)["donor"] == "广东省深圳市"


def test_a_giver_listing_more_receivers_than_the_reference_holds_is_not_narrowed(gz):
    # the giver itself gives to three counties of the prefecture (分别向…各安排), where the
    # pairing reference pairs it with one: the page's prefecture stays the figure's recipient
    body = ("一、资金\n2020年,思明区安排帮扶临夏州资金1.2亿元。按照要求,思明区分别向临夏市、临夏县、和政县"
            "各安排帮扶资金2600万元。\n二、人才\n全年选派党政干部11名。")
    rows, _ = rows_of(gz, body, intro="", title="思明区2020年对口帮扶临夏州工作综述")
    assert only(rows, value=11.0)["recipients"] == "甘肃省临夏回族自治州"


# a county's own site: its name is the page's first line, not a headline
SITE = "松阳县人民政府门户网站"
IN_PROVINCE = (SITE + "\n当前位置:首页 > 政务公开\n两地协作再上新台阶\n"
               "2020年,海宁市继续结对帮扶我县。全年海宁市拨付协作资金3000万元,用于我县村级集体经济项目。"
               "海宁派出3名干部到我县任职,为我县培训致富带头人860人次。海宁市慈善总会向我县捐款200万元,"
               "帮助我县销售茶叶等产品1580万元。\n")


def test_a_sites_name_is_no_headline(gz):
    from helpers.extract.zones import clean_title
    assert clean_title(SITE) == ""
    assert clean_title("甲市融媒体中心") == "" and clean_title("海宁松阳山海协作2020年工作总结") != ""
    # a headline that merely ends with a site word is a headline
    assert clean_title("甲市党政代表团考察乙县人民政府") != "" and clean_title("两地携手共建网站") != ""


def test_a_county_helped_by_a_giver_of_its_own_province(gz):
    # the site's county, helped as 我县 by a unit of its own province (an in-province pairing)
    rows, _ = rows_of(gz, IN_PROVINCE, intro="", title=SITE, raw_text=IN_PROVINCE)
    money = only(rows, value=3e7)
    assert (money["donor"], money["recipients"]) == ("浙江省嘉兴市海宁市", "浙江省丽水市松阳县")
    assert only(rows, value=860.0)["recipients"] == "浙江省丽水市松阳县"


def test_the_sites_own_city_giving_as_we_is_the_giver(gz):
    # the site's city writes 我市 and gives, on a page that names its province more often
    site = "常州市人民政府门户网站"
    body = (site + "\n我市东西部协作回眸\n"
            "2022年,我市按照江苏省部署帮扶青海省果洛州、海南州。江苏省召开推进会,江苏省统筹调度。"
            "全年我市向两州拨付财政援助资金2.1亿元,我市选派党政干部12名到两州挂职。\n")
    rows, _ = rows_of(gz, body, intro="", title=site, raw_text=body)
    assert only(rows, value=2.1e8)["donor"] == "江苏省常州市"


def test_helped_and_giving_we_are_counted_once_in_their_own_sentence():
    from helpers.extract import frame as fr
    text = "（二）强化人才支援\n我区向乙县选派干部12名。向我县捐赠资金300万元。"
    # the heading's 支援 on the line above does not make 我区 helped; 向我县捐赠 is helped only
    assert fr.self_roles(text, list(fr._SELF.finditer(text)), "区") == (0, 1)
    assert fr.self_roles(text, list(fr._SELF.finditer(text)), "县") == (1, 0)


def test_a_peer_givers_passage_keeps_its_own_recipients(gz):
    # a page about several pairs: a second giver's figures that name no receiver go to the
    # receiver it gave to earlier in its paragraph, not to the page's first pair
    body = ("2019年,山西省对口支援新疆昌吉州阜康市,山西省全年向阜康市拨付援疆资金2.9亿元。\n"
            "湖南省全年向吐鲁番市拨付援疆资金3.3亿元。全年共建援疆项目71个。\n")
    rows, _ = rows_of(gz, body, intro="")
    assert only(rows, value=71.0)["recipients"] == "新疆维吾尔自治区吐鲁番市"


def test_a_city_whose_short_name_is_a_common_word_heads_its_clause(gz):
    # 中山 alone is an ordinary word (中山路, 孙中山); once the page names 中山市, 中山 at the
    # head of a clause before a verb of helping is the city
    body = ("东莞市结对帮扶云南省昭通市。东莞市、东莞企业在昭通投资,东莞市与昭通市签订协议。"
            "广东省中山市也帮扶昭通。中山全年向昭通市拨付协作资金1.7亿元。")
    rows, _ = rows_of(gz, body, intro="")
    assert only(rows, value=1.7e8)["donor"] == "广东省中山市"


def test_an_opening_that_goes_on_to_the_next_year_reports_on_it():
    from helpers.extract import frame as fr
    text = "2019年,甲省安排援疆资金14亿元。2020年,甲省安排援疆资金15亿元,资金全部落实到项目。\n"
    assert fr.reporting_year("", text, "2020-12-10") == (2020, "opening")
    # an opening on one year only keeps it
    assert fr.reporting_year("", "2019年,甲省安排援疆资金14亿元。\n", "2020-03-10") == (2019, "opening")


def test_a_digest_is_no_heading_of_the_page_after_it(gz):
    # 【内容提要】 sums the page up; a county the body's scene names in passing is not the receiver
    # of the prefecture's figures that follow
    text = ("福州市2020年东西部协作定西市工作回顾\n"
            "【内容提要】今年以来,福州市向定西市投入财政援助资金2.8亿元,协作成效明显。\n"
            "清晨的岷县梅川镇,当归种植基地里一片忙碌,村民们正在地里除草。\n"
            "据统计,2020年福州市落实财政援助资金2.8亿元,实施协作项目96个。\n")
    doc = Doc("t", text, title="福州市2020年东西部协作定西市工作回顾")
    rows, _ = extract_document(doc, gz)
    projects = [r for r in rows if r["indicator"] == "projects"]
    assert [r["recipients"] for r in projects] == ["甘肃省定西市"]


def test_a_count_of_counties_that_may_be_the_givers_is_no_receivers_own_money(gz):
    # as many giving counties as receiving ones named before 三县: the count may be either side's
    text = ("2020年,浙江省湖州市对口帮扶四川省广元市。湖州市长兴县、安吉县、德清县分别结对广元市苍溪县、"
            "旺苍县、剑阁县开展东西部扶贫协作。2020年,三县安排财政资金1500万元,支持结对县发展产业。")
    rows, _ = extract_document(Doc("t", text), gz)
    assert [r["donor"] for r in rows if r["value"] == 15000000.0] == ["浙江省湖州市"]


def test_the_short_lines_under_a_digest_head_are_the_digest():
    from helpers.extract.layout import layout
    from helpers.extract.zones import zones
    text = ("甲区帮扶乙县这一年\n【内容提要】\n投入财政帮扶资金3100万元\n帮助贫困劳动力就业860人\n"
            "今年以来,甲区向乙县投入财政帮扶资金3100万元,帮助贫困劳动力就业860人。\n")
    zs = zones(layout(text), "")
    assert zs.kind_at(text.index("投入")) == "digest"
    assert zs.kind_at(text.index("帮助")) == "digest"
    assert zs.kind_at(text.index("今年以来")) == "lead"


def test_a_transcript_turn_of_a_speaker_for_a_district_is_the_districts(gz):
    # a city's press conference: the city official's figures are the city's, to the prefecture;
    # the turn of the district's deputy head (and the question put to them) is the district's
    text = ("杭州市举行2021年东西部协作新闻发布会(文字实录)\n"
            "主持人(市政府新闻办副主任王丽):\n今天我们邀请到市协作办副主任李强先生、淳安县副县长张敏女士介绍有关情况。\n"
            "李强(市协作办副主任):\n2021年是杭州市与黔东南州开展东西部协作的第一年。全年向黔东南州拨付财政援助资金5.2亿元,"
            "选派党政干部46名。\n"
            "主持人:\n下面进入提问环节。\n记者:\n请问淳安县在结对帮扶丹寨县方面有哪些做法?\n"
            "张敏(淳安县副县长):\n淳安与丹寨县结对以来,淳安县向丹寨县拨付财政援助资金3100万元。淳安县企业与丹寨县贫困村结对22个。\n"
            "主持人:\n谢谢各位。\n")
    rows, _ = extract_document(Doc("t", text, title=text.split("\n")[0], date="2021-12-28"), gz)
    city = only(rows, value=5.2e8)
    assert (city["donor"], city["recipients"]) == ("浙江省杭州市", "贵州省黔东南苗族侗族自治州")
    assert only(rows, value=46)["donor"] == "浙江省杭州市"
    county = only(rows, value=3.1e7)
    assert county["donor"] == "浙江省杭州市淳安县" and county["recipients"].endswith("丹寨县")


def test_an_opening_year_of_a_pairing_begun_is_not_the_year_reported():
    from helpers.extract.frame import reporting_year
    begun = "2018年,甲县与乙县结成携手奔小康结对关系。一年多来,两县从县与县结对向乡镇延伸。"
    assert reporting_year("", begun, "2019-12-09") == (2019, "date")
    # a plain opening year still dates the report
    assert reporting_year("", "2018年,甲县向乙县拨付帮扶资金100万元。", "2019-03-09") == (2018, "opening")


def test_each_of_the_givers_bodies_divides_nothing_among_the_receivers(gz):
    # 各分行/各处室: the giver's own bodies, each buying; the figure stays one, for both counties
    rows, _ = rows_of(gz, "区机关食堂、工会和驻区银行各分行购买两县农产品2680万元。")
    row = only(rows, value=2.68e7)
    assert row["recipients"].count(";") == 1
    # 各 before the receivers still divides (两县各安排N万元: one row per county)
    rows, _ = rows_of(gz, "红桥区向两县各安排帮扶资金500万元。")
    assert len([r for r in rows if r["value"] == 5e6]) == 2


def test_where_a_central_units_labourers_went_is_no_receiver(gz):
    # a bank's page: the provinces people were placed in (转移到甲省、乙省等省外就业) are where they
    # went, neither receivers nor several donors together
    intro = "2020年,国家开发银行定点帮扶贵州省务川县、正安县。\n"
    rows, _ = rows_of(gz, "行里帮助两县贫困劳动力就近就业1650人,组织转移到浙江、广东等省外就业2460人。", intro=intro)
    row = only(rows, value=2460)
    assert row["donor"] == "国家开发银行" and "浙江" not in row["recipients"] and row["recipients"].endswith("正安县")


def test_a_set_named_with_its_pairing_word_after_it_is_the_pages_set_in_its_province(gz):
    # 京蒙 in the headline gives 内蒙古; the lead's 与甲旗、乙旗、丙县三个结对旗县携手 is the
    # giver's whole set there: a figure naming no receiver is for those three
    text = ("京蒙协作结硕果\n2022年,北京市丰台区与内蒙古自治区乌兰察布市察哈尔右翼前旗、察哈尔右翼中旗、兴和县"
            "三个结对旗县携手推进乡村振兴。\n丰台区举办培训班18期,培训基层干部和乡村振兴带头人1650人次。\n")
    rows, _ = extract_document(Doc("t", text, title="京蒙协作结硕果", date="2022-12-20"), gz)
    assert only(rows, value=1650)["recipients"].count(";") == 2


def test_a_set_ending_in_deng_is_not_the_pages_whole_set(gz):
    # 对口支援甲县、乙县等N县: the headline's prefecture stays the page's receiver; without 等 the
    # giver's named counties in it are
    for lead, want in (("上海市对口支援定日县、江孜县等5个县", "西藏自治区日喀则市"),
                       ("上海市对口支援定日县、江孜县", "西藏自治区日喀则市定日县;西藏自治区日喀则市江孜县")):
        text = f"援藏力量汇聚日喀则\n2017年,{lead},援藏工作取得新突破。\n上海市全年选派专业技术人才22名。\n"
        rows, _ = extract_document(Doc("t", text, title="援藏力量汇聚日喀则", date="2017-12-25"), gz)
        assert only(rows, value=22)["recipients"] == want, lead


# ----------------------------------------------------------------------------- one figure, several givers
GIVERS_INTRO = ("2022年,天津市东丽区、津南区分别与甘肃省兰州市皋兰县、平凉市灵台县开展东西部协作结对帮扶。"
                "两区高度重视。\n")


@pytest.mark.parametrize("body", [
    "东丽区、津南区分别安排区级帮扶资金1500万元,用于结对县产业发展。",
    "今年,东丽区和津南区各安排区级帮扶资金1500万元。",
])
def test_one_figure_after_several_givers_is_each_givers_for_its_partners(gz, body):
    rows, _ = rows_of(gz, body, intro=GIVERS_INTRO)
    got = sorted((r["donor"], r["recipients"]) for r in rows if r["value"] == 15e6)
    assert got == [("天津市东丽区", "甘肃省兰州市皋兰县"), ("天津市津南区", "甘肃省平凉市灵台县")]


def test_several_givers_with_their_own_receivers_named_keep_the_sentence_pairs(gz):
    rows, _ = rows_of(gz, "东丽区、津南区分别向皋兰县、灵台县拨付帮扶资金1500万元、1200万元。", intro=GIVERS_INTRO)
    got = sorted((r["donor"], r["recipients"], r["value"]) for r in rows if r["indicator"] == "fiscal_aid")
    assert len(got) == 2 and {v for *_, v in got} == {15e6, 12e6}


# ----------------------------------------------------------------------------- a yearbook's entries
YEARBOOK_INTRO = "【概况】2019年,浙江省湖州市、嘉兴市继续结对帮扶四川省广元市和凉山彝族自治州,全年到位财政帮扶资金3.2亿元。\n"


def test_an_entry_under_a_bracketed_heading_is_the_giver_that_opens_it(gz):
    body = ("【湖州市协作】湖州市结对帮扶四川省广元市。全年拨付财政帮扶资金1.1亿元,选派党政干部12名。\n"
            "【嘉兴市协作】嘉兴市结对帮扶四川省凉山彝族自治州。全年到位财政帮扶资金6800万元,实施项目25个。\n")
    rows, _ = rows_of(gz, body, intro=YEARBOOK_INTRO)
    assert only(rows, value=1.1e8)["donor"] == "浙江省湖州市"
    assert only(rows, value=12)["donor"] == "浙江省湖州市"
    assert only(rows, value=6.8e7)["donor"] == "浙江省嘉兴市"
    assert only(rows, value=25)["donor"] == "浙江省嘉兴市"
