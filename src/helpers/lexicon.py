"""Cue lexicons for attributing a figure: data, not code.

Each indicator cue is ``(indicator, regex, weight_penalty)``. ``helpers.attribute`` measures the
distance in characters between a figure and every cue found in its sentence and picks the nearest
(a penalty makes a weak, generic cue such as 资金 lose against a specific one nearby). An indicator
name starting with ``reject:`` is a competing cue that marks the figure as something the panel does
not count (registered capital, jobs offered, facilities, ...), with the reason after the colon.

Cues are grouped by the unit of the figure, so money words never decide a count of people.
"""
from __future__ import annotations

# Helping to sell the other side's goods, as it is said aloud (帮…卖: the giver helps sell): a sale of
# one's own goods (卖了60万元) is no help.
HELP_SELL = r"帮(?:着|忙|助)?(?:我们|他们|群众|农户|老乡)?卖"

# a change on an earlier year (比上年增加, 较去年同期多出, 比2019年全年多, 同比增长): a difference
# between two years' figures, not an amount given or a count (conventions: changes)
CHANGE_ON_EARLIER = (r"(?:(?:较|比)(?:上年|去年|上一年|(?:19|20)\d\d年)(?:同期|全年)?|同比)"
                     r"(?:新增|增加|增长|减少|下降|提高|多出|多|少)(?![至到])")

# ---------------------------------------------------------------- money (yuan)
MONEY_CUES: tuple[tuple[str, str, int], ...] = (
    # rejections: money that is not an input the codebook counts
    ("reject:registered_capital", r"注册(资金|资本)", 0),
    ("reject:planned_investment", r"(计划|预计|项目)?总投资(额|金额|规模)?", -2),
    # investment agreed on paper (协议投资额, 签约投资, 意向投资): signed, not realised
    ("reject:signed_investment", r"(协议|签约|意向)投资(总)?(额|金额|资金)?", -2),
    # 投资N亿元、年产…项目 / 投资N亿元的…项目 / 投资N亿元在甲县实施的…项目: the size of a project
    # (an attribute of the project), not money realised
    ("reject:project_size", r"投资(?:额)?(?:达|超过|近|约)?[\d.]+(?:多|余)?[万亿]?元(?:、年产|的|在[^，,。；;]{1,10}(?:实施|建设)的)[^，,。；;]{0,16}项目", -2),
    # 增收项目/增收产业 name what money is spent on, not an income
    ("reject:income", r"(人均|户均|年均|县均)?(收入|增收(?!项目|产业|工程)|工资|月薪|年薪|产值|营业额|利润|分红)", 2),
    ("reject:average<", r"(人均|户均|县均|每户|每人|平均)", -10),
    # a price (售价每斤N元, 每公斤卖到N元, 均价N元): what one unit of a product sells for, not an
    # amount bought or given
    ("reject:price<", r"(?:售价|单价|均价|零售价|收购价|市场价)(?:为|达|达到|在|是)?(?:每|一)?(?:斤|公斤|千克|吨|件|箱|盒|袋|瓶)?"
     r"(?=[\d两一二三四五六七八九十几])|每(?:斤|公斤|千克|吨|件|箱|盒|袋|瓶)(?:售价|价格)?(?:为|达|达到|卖到|卖|能卖)?(?=[\d两一二三四五六七八九十几])", -10),
    # 每年每县N万元: a rate of a policy, not an amount given
    ("reject:rate<", r"每年每(县|村|户|人|个)|每(县|村)每年", -10),
    ("reject:credit", r"(贷款|授信|信贷|担保)", 0),
    # money of all kinds together is no one indicator (各类帮扶资金, 资金物资, 资金和物资)
    ("reject:all_kinds", r"(各类(帮扶|援助|扶贫|对口支援)?(资金|款物)|资金(、|和|及)?物资|款物资金)", -2),
    # a level that changes (从N亿元增加到M亿元, 由N增长到M): a trend, not an amount given
    ("reject:change", r"(从|由)(?=[^，,。；;]{0,12}(增加|增长|提高|猛增|上升|减少|下降)(到|至))", -4),
    ("reject:cap", r"(不超过|上限|以内)", 0),
    ("reject:donor_side_subsidy", r"(价格补贴|让利)", 0),
    ("reject:sales_target_area", r"(销售额|成交额)突破", 6),
    # the state's own subsidy to the receiving county (中央财政衔接推进乡村振兴补助资金, 省级衔接资金,
    # 中央财政专项扶贫资金): the receiving side's budget, not the giver's aid
    ("reject:state_subsidy<", r"(?<!协作)衔接(?:推进乡村振兴)?(?:补助)?资金|中央(?:财政)?(?:专项)?(?:扶贫)?资金|"
     r"(?<!协作)(?<!帮扶)(?<!援助)财政专项扶贫资金", 0),
    # the recipient's own budget (我县整合涉农资金, 县级配套资金) is not aid from the donor
    ("reject:recipient_own_money", r"((整合|统筹)[^，,。；;\d]{0,6}涉农(?:涉牧)?资金|涉农(?:涉牧)?整合资金|(县级|县本级|本级|地方)(财政)?配套(投入|安排|落实)?(资金)?|自筹(配套)?资金|"
     r"(县|市|州|旗)(级)?财政(安排|投入|统筹|落实)?[^，,。；;\d]{0,2}配套(投入|安排|落实)?(资金)?|"
     r"争取(到)?(中央|国家|省级?|上级)[^，,。；;\d]{0,30}资金)", 0),
    # 较上年增加1280万元, 比2019年增加N万元: a change from one year to another, not an amount given
    ("reject:change", CHANGE_ON_EARLIER + r"(?=[^，,。；;%％]{0,10}元)", 0),
    # contract values: commitments to buy (consumption_aid, target, detail contract)
    ("consumption_aid:contract", r"(签约总?(金)?额|(合同|订单|(采购|购销|销售)协议)(总)?金额|(约定|协议|合同)(采购|购销|销售)?(总)?(金)?额|签订[^，。；]{0,8}(合同|订单|采购协议|购销协议)(总)?金?额?|签约)", 0),
    # consumption
    # 机关食堂采购, 学校食堂采购: public canteens buying (government procurement)
    ("consumption_aid:gov_procurement", r"((机关|学校|单位|政府)[^，,。；;\d]{0,4}食堂|预算单位)[^，,。；;\d]{0,3}(采购|购买)", 0),
    ("consumption_aid", r"消费(扶贫|帮扶|协作)", 0),
    ("consumption_aid", r"(采购|销售|购买|收购|认购|代销|助销|帮销|交易额|销售额|成交额|带货|" + HELP_SELL + ")", 1),
    ("consumption_aid", r"(农副产品|农特产品|农产品|扶贫产品|特色产品|土特产)", 2),
    ("consumption_aid", r"[\u4e00-\u9fff]货(入|进|出)[\u4e00-\u9fff]", 0),
    ("consumption_aid:tourism", r"(综合消费|旅游消费|旅游收入)", 0),
    # social donations
    ("social_aid", r"社会帮扶(资金|款物|款|物资)?", 0),
    ("social_aid", r"(向|从)[^，,。；;\d]{0,8}(企业|社会|各界)[^，,。；;\d]{0,4}(筹集|募集|筹措)", -2),
    ("social_aid", r"(捐款捐物|捐资捐物|募集款物|帮扶款物|款物|捐款|捐资|捐赠|捐助|捐献|募捐|募集|义捐|义卖|善款|爱心款)", 0),
    ("social_aid:goods", r"(物资(价值|折合)?|折合人民币|折价)", 1),
    # money a government disburses in full (拨付到位资金): fiscal, though 到位资金 is investment wording
    ("fiscal_aid", r"(拨付|下达|划拨)到位(的)?(资金|经费)", 0),
    # investment by enterprises
    ("investment", r"(实际)?投资(到位)?(金)?额|到位资金|实际投资|投资到位|(企业|公司)[^，。；]{0,10}投(入|资)(资金)?|引资|投资", 0),
    # fiscal money
    ("fiscal_aid", r"(财政|专项|援助|帮扶|扶贫|协作|援建|援疆|援藏|援青|对口支援|东西部扶贫协作)(援助|帮扶|扶贫|协作)?(资金|经费|款)", 0),
    # …协作…到位资金, 帮扶已拨付资金: the aid word governs the funds a few words on
    ("fiscal_aid", r"(财政|援助|帮扶|扶贫协作|援建|援疆|援藏|援青|对口支援)(?:(?!企业|公司)[^，,。；;\d]){1,4}?(资金|经费)", 0),
    ("fiscal_aid", r"(拨付|下达|安排|投入|划拨|援助|落实)(资金|经费)?", 2),
    ("fiscal_aid:workshops", r"奖补(资金)?", 0),
    ("fiscal_aid:supplementary", r"追加(安排)?", 1),
    ("fiscal_aid:employment_subsidy", r"补贴|补助", 1),
    ("fiscal_aid:remitted_to_city", r"上解", 0),
    ("fiscal_aid", r"资金", 4),
    ("fiscal_aid", r"帮扶", 5),
)

# ---------------------------------------------------------------- people (person, person_time, household)
WEAK_POOR_NOUN = r"(建档立卡的?)?(贫困|脱贫)(户|人口|群众|家庭|残疾人)"
# labour in general (not said to be poor) is not an employment figure of the codebook
# "其中贫困户2000人": the poor part of the figure before, with no verb of its own
POOR_PART = r"其中(有)?(建档立卡)?(贫困|脱贫)(户|人口|劳动力|群众|人员)"
NON_POOR_LABOUR = r"(劳动力|(?<!医)务工|农民工|农牧民|农民|村民|群众|就业人口|劳动人员|务工人员)"
# jobs a firm, park or project creates (带动当地N人就业, 吸纳就业N人): anybody's jobs, so an employment
# figure of the codebook only when the sentence says the people are poor
JOBS_CREATED = r"(带动|吸纳|解决|提供|创造)[^，,。；;：:]{0,16}?就业"
PEOPLE_CUES: tuple[tuple[str, str, int], ...] = (
    ("reject:target_group", r"(未脱贫|返贫|致贫|贫困发生率|贫困人口减少|剩余|尚未脱贫)", 0),
    # 易地扶贫搬迁 moves the poor out: the receiving area's programme, not a helper's outcome
    ("reject:relocation", r"(易地扶贫搬迁|易地搬迁|搬迁|搬出大山|搬出深山)", 0),
    ("reject:jobs_offered", r"(岗位|招聘|就业意向|意向)", 0),
    ("reject:students", r"(学生|学员子女|儿童|孤儿)", 1),
    ("reject:visits", r"(互访|考察|代表团|交流互访|座谈|调研|参会|参加会议|观众|阅读量|点击)", 1),
    ("reject:entrepreneurs", r"创业成功", 0),
    ("reject:volunteers", r"(志愿者|奉献爱心|人次奉献)", 0),
    # what staff sent did there (诊疗患者N人次, 门诊量N人次): services, not people sent
    ("reject:services", r"(诊疗|接诊|门诊量?|义诊|诊治|救治|问诊|手术)(患者|病人|群众)?", -2),
    ("reject:two_way+", r"(互派|双向选派|双向挂职|相互选派|双向交流)", -12),
    ("reject:stock", r"(由|从)(当初|最初|原来|\d{4}年(\d{1,2}月)?[初底末]?)的", 0),
    # a count that has grown to a level (人数增至N人, 从N名增加到M名): a stock, not people sent
    ("reject:stock", r"(增至|增加到|增长到|扩大到|提高到|增加至|从[^，,。；;]{0,10}增加到)", -2),
    ("reject:returning", r"(期满|返回|返沪|返津|返京|回到|轮换回)", -6),
    ("reject:age_group", r"[5-9]0后", -6),
    ("reject:change", CHANGE_ON_EARLIER, 0),
    ("reject:awards", r"(记功|嘉奖|表彰|奖励|荣誉)", 0),
    ("reject:non_poor", r"(?<!贫困)(?<!脱贫)(?<!建档立卡)(农户|农民|群众|人口|劳动力)(?=[^贫]{0,3}(增收|受益|就业))", 3),
    # the area's labour-market statistics (城镇新增就业N人), not poor labourers placed in jobs
    ("reject:labour_market", r"(城镇新增就业|新增城镇就业|城镇就业|城镇登记失业)", -3),
    ("trained", r"(培训|参训|受训|轮训|培养)(?!基地)", 0),
    ("employment", r"(就业|(?<!医)务工|输转|转移|返岗|复工|上岗|稳岗|劳务输出)", 0),
    # workshops and firms taking on poor labour (吸纳N名贫困劳动力): jobs, not beneficiaries
    ("employment", r"吸纳[^，,。；;\d]{0,10}(劳动力|务工人员|就业)", -4),
    ("poor_beneficiaries", r"((?<![未已])脱贫(?!攻坚|监测|劳动力)|受益|惠及|增收|摘帽|稳定脱贫)", 0),
    ("poor_beneficiaries", r"(带动|帮助|助力|促使|扶持)[^，。；\d]{0,12}(贫困|脱贫|建档立卡)", 1),
    # the poor as the object of another verb (…名贫困人口来甲地就业) do not decide: a weak cue
    ("poor_beneficiaries", WEAK_POOR_NOUN, 16),
    ("pairings+", r"(结对|结亲)", 0),              # 与乙县N户贫困户结对: households twinned
    ("staff", r"(专业骨干|骨干医生|骨干教师|党政干部|领导干部|干部|专业技术人才|专业技术人员|专技人才|专技人员|专业技能人才|专业人才|"
              r"骨干教师|教师|医生|医务|医护|专家|支教|技术人员|人才|挂职)", 1),
)

# nouns that decide cadres vs professionals once a staff cue has won
# 人才 on its own is set against 干部 (其中干部63名、人才119名); 干部人才 together is MIXED_STAFF
PROFESSIONAL_NOUNS = r"(专业骨干|专业技术|专技|专业技能|专业人才|技术人才|(?:医疗|教育|卫生|农业|农技|科技|教学|文化|旅游)人才|教师|医生|医务|医护|护士|专家|支教|技术人员|科技特派员|老师|校长|院长|(?<!干部)人才(?=\s*[\d约近超逾共])|(?<=[\d名])人才)"
CADRE_NOUNS = r"(党政干部|领导干部|干部|县处级|乡科级|处级|科级|公务员)"
MIXED_STAFF = r"干部(和|与|及|、)?(专业技术|专技|技术|专业)?人(才|员)"
# staff of the receiving side taught by those sent (带教本地医护人员N名) or going east to study
# (到甲省进修): trained (conventions: going east to 挂职/跟岗 is received, to 培训/学习 trained)
# (培养 too, unless staff are hosted to be trained: 接收培养…干部 is received)
TAUGHT_BEFORE = r"(带教|传帮带|培训|轮训|(?<!接收)(?<!接受)培养)[^，,。；;\d]{0,12}$"
STUDY_AFTER = r"^[^，,。；;\d]{0,24}?(进修|培训|学习)"
# Verbs of giving a training or a course (开展/举办…培训): staff going somewhere to do them teach.
DELIVERING_VERBS = r"开展|举办|组织|进行|实施|授课|讲授|指导"
HOSTED_AFTER = r"^[^，,。；;\d]{0,24}?(挂职|跟岗|锻炼)"
# the giver's side named by its role, not its name (东部帮扶城区, 帮扶方, 结对城市)
GENERIC_DONOR_AREA = r"(东部|帮扶方|协作方|支援方|帮扶城市|帮扶城区|结对城市|结对城区|对口帮扶城市|对口帮扶市|对口协作市|援建方)"
# the giver named by its role as the subject of a clause (对口帮扶城市安排…, 帮扶方选派…, 结对城区
# 投入…): group 1 the level it names (城市/市 a city, 城区/区 a district, 方 the page's giver).
# Not the receiver's side (受帮扶方), nor 方面/方式/方案 (帮扶方面, 协作方式), nor a place after a
# verb of going or a preposition (到帮扶方挂职, 向帮扶城市输送, 与结对城区…)
GIVER_ROLE = (r"(?<![受被向为到赴在给与和同])(?:对口)?(?:帮扶|协作|支援|结对|援建)(城市|城区|市|区|方)"
              r"(?![面式案法向针略位便])")
RECEIVED_VERBS = r"(接收|接受|来[\u4e00-\u9fff]{0,3}(挂职|跟岗|学习|培训|锻炼)|到[\u4e00-\u9fff]{0,3}挂职|跟岗)"
# 其中1名任县委常委: the post some of the staff just counted hold, not more staff
ROLE_BREAKDOWN_BEFORE = r"其中[\s,，:：]*$"
ROLE_BREAKDOWN_AFTER = r"\s*(担任|挂任|兼任|任职|任)"
# 6人全部为1970年以后出生: what the people just counted are like, not a new count
DESCRIBED_AFTER = r"\s*(全部|均|都)(为|是|系)"
# 接收两地党政干部116名: the donor hosts the recipient's staff (received, even when they also train)
HOSTED_STAFF = r"(接收|接受)"
SENT_VERBS = r"(选派|派驻|派出|派遣|赴|支教|援派|援疆|援藏|援青|援滇|援黔|组织)"

# ---------------------------------------------------------------- counts (个, 家, 对, 所, 项)
COUNT_CUES: tuple[tuple[str, str, int], ...] = (
    ("reject:agreements", r"(协议|合同|备忘录)(?![^，。；]{0,4}(结对|帮扶关系))", 2),
    # 比上年多N个, 比上年新增结对企业N家: the change on the year before, not a count (conventions: changes)
    ("reject:change", CHANGE_ON_EARLIER, -4),
    # N个方面/领域/层面: kinds of work counted, not things given
    ("reject:aspects", r"(?<=[个项大类])(方面|领域|层面|环节|板块|类别|批次)", -4),
    # 五项重点工作, 十项举措: items of a work plan, not projects
    ("reject:work_items", r"(?<=[个项条])(重点|主要|具体)?(工作|任务|措施|举措|机制|制度|行动|要求|内容)", -4),
    # projects still under talks or only intended (洽谈项目, 意向项目, 协议项目): not carried out
    ("reject:projects_not_started", r"(洽谈|意向|协议|招商|签约)项目", -2),
    # workshops and bases built as projects are facilities (援建车间项目N个)
    ("reject:facilities", r"(车间|工厂|基地|厂房)项目", -2),
    ("reject:facilities", r"(扶贫车间|车间|工厂|基地|冷库|温室|大棚|园区|展台|展位|专柜|专馆|门店|实体店|网点|站点|工作站|卫生室|活动室|"
                          r"(?:分拣|仓储|物流|配送|冷链|营销|展销|体验|电商服务|便民服务)中心)", 0),
    ("reject:organisation", r"(工作组|专班|成员单位|单位|部门|小组|协会)", 1),
    ("reject:jobs_offered", r"(岗位|招聘会)", 0),
    ("reject:products", r"(产品|商品|品种|种类)(?![^，。；]{0,3}项目)", 2),
    ("reject:coverage", r"(全覆盖|纳入|覆盖|惠及|涉及)", 2),
    ("reject:poverty_stock", r"(国家级贫困县|贫困县之一|挂牌督战|深度贫困县)", 0),
    # 新开展诊疗项目30余项, 手术项目: medical services, not aid projects
    ("reject:medical_services", r"(诊疗|医疗技术|临床|手术|新技术|技术)(新)?项目", 0),
    ("reject:exits", r"(摘帽|出列|退出)", 0),
    # "+" marks a cue that reaches over the other figures of a list (A县73个村、B县20个村…结对)
    ("pairings+", r"(结对|结亲|帮扶关系|帮扶对子|结成对子|一对一|手拉手|对口帮扶关系|镇镇对接|村村对接)", 0),
    ("pairings", r"(街道|社区|乡镇)[^，。；\d]{0,10}与[^，。；\d]{0,10}(乡镇|村)", 0),
    ("pairings", r"(企业|商会|街道|社区|学校|医院)[^，。；]{0,3}与[^，。；]{0,12}(贫困村|村|乡镇|贫困户)", 0),
    # 13家企业对口帮扶漳县20个村: enterprises twinned with villages without 与
    ("pairings", r"(企业|商会)[^，,。；;]{0,3}(对口帮扶|结对帮扶)[^，,。；;]{0,12}(贫困村|村)", 0),
    ("projects", r"项目", 0),
    ("enterprises", r"(引导|引进|招引|促成|推动|吸引|带动|落地)[^，。；]{0,10}(企业|公司|[\u4e00-\u9fff]企(?!业))[^，。；]{0,12}(投资|落地|入驻|落户|注册|合作|兴业)", 0),
    # …企 after a donor's one-character name (粤企, 沪企, 甬企): that side's enterprises
    ("enterprises", r"(企业|公司|[京津沪冀苏浙闽鲁粤深穗甬厦杭]企)[^，。；]{0,12}(落地|入驻|落户|投资兴业|到位)", 1),
    # 产业园已入驻企业8家: enterprises settled in a co-built park
    ("enterprises", r"(已|新)?(入驻|落户|落地)(的)?(企业|公司)", 0),
    # 新落户乙县的甲市企业N家: the firms that came, named after where they settled
    ("enterprises", r"(入驻|落户|落地)[^，。；\d]{1,8}的[^，。；\d]{0,6}(企业|公司)", 0),
    ("enterprises", r"(引导|引进|招引|吸引|落地)[^，。；\d]{0,16}(企业|公司|[\u4e00-\u9fff]企(?!业))", 0),
    # N家企业到甲地投资: firms going to invest (…企 short for a kind of firm: 茶企, 药企, 国企)
    ("enterprises", r"(企业|公司|[\u4e00-\u9fff]企(?!业))[^，。；\d]{0,2}(到|赴)[^，。；\d]{1,10}投资", 0),
    ("enterprises", r"(引导|引进|招引|吸引)[^，。；]{0,8}家[^，。；]{0,4}(企业|公司|[\u4e00-\u9fff]企(?!业))", 0),
)

# nouns counted by a pairing figure, for detail (the twinned party on the donor side comes first)
# detail "lifted": the people are said to leave poverty (带动贫困人口4.7万人脱贫), not to earn more
LIFTED_AFTER = r"[^，,。；;\d]{0,12}?(稳定|如期|实现了?|全部)?脱贫(?!致富|攻坚|户|人口|群众)"
PAIRING_DETAIL = (
    ("subdistricts", r"(街道|街镇|镇街|街乡)"),
    ("communities", r"社区"),
    ("enterprises", r"(企业|商会|民营|企)"),
    ("schools", r"(学校|中小学|幼儿园)"),
    ("hospitals", r"(医院|卫生院)"),
    ("townships", r"(乡镇|镇)"),
    ("villages", r"(村)"),
    ("households", r"户"),
    ("counties", r"(县级市|县\(|县（|市\(县\)|市（县）|县市|区县|县区|地级市|功能区|国定贫困县|县$|区$|(县|区|市)(?=[与和同]))"),
)

# ---------------------------------------------------------------- status, period, detail
TARGET_CUES = r"(入库|力争|确保|计划|目标任务|工作目标|目标|任务为|任务是|预留|拟|争取实现|将实现)"
ACTUAL_MARKERS = r"(累计|已经|已|完成|实现了|以来)"
# 上海方面, 江苏财政, 甲省下达的资金: the province or city above the donor is credited with the figure
PARENT_CREDIT = r"(方面|财政|各界|社会各界|下达)"
# 龙岗区向乐业县…, 福田区为那坡县…: the unit named before these words gives the figure of its clause
# 慈溪市企业家协会向…捐款: a body inside the unit gives, not the unit (the donor keeps the figure)
NON_GOVERNMENT_GIVER = r"[\u4e00-\u9fff]{0,6}(协会|商会|企业|公司|集团|基金会|慈善|爱心人士|个人)"
CONTRACT_PARTY_AFTER = r"[\u4e00-\u9fff]{0,3}(签订|签署|签约|达成)"
# a sentence opening with a pointer back to the place just spoken of (2019年,在其协调下; 该县; 当地)
ANAPHORA_OPEN = r"\s*((19|20)\d\d年[^，,。]{0,6}[，,]\s*)?[^，,。；;\d]{0,3}(其|该县|该市|该区|该州|该旗|当地)"
# 仅2020年就…, 单是去年…: a sentence singling out one year (or part) of the figure told just before
SINGLED_OUT_OPEN = r"\s*(仅|单|光|单是|仅是)\s*((19|20)\d\d\s*年|今年|去年|上半年|下半年|一年)"
# A section whose heading says it plans (下一步, 明年, 今年工作安排) sets status target for its figures.
PLAN_HEADINGS = r"(下一步|工作打算|工作计划|工作安排|工作目标|任务目标|明年|重点工作|重点任务|努力方向)"

EMPLOYMENT_DETAIL = (
    ("to_donor", r"(来[\u4e00-\u9fff]就业|来[\u4e00-\u9fff]务工|赴[\u4e00-\u9fff]{1,3}(就业|务工)|到东部|东部地区|输转|转移到[\u4e00-\u9fff]{1,3}就业|来[\u4e00-\u9fff]{1,2}就业)"),
    # 扶贫车间吸纳贫困人口就业: jobs in the workshops and firms of the recipient area
    ("local", r"(就近就地|就地就近|就近|就地|本地|当地|省内|县内|家门口|吸纳)"),
    ("elsewhere", r"(其他地区|异地|外省|省外|其他省|到其他)"),
)
# the purpose of money given to each unit alike (各安排医疗卫生帮扶资金), before the fallback per_county
FISCAL_PURPOSE = (
    ("health", r"(医疗|卫生|健康)"),
    ("labour", r"(劳务|就业)"),
    ("education", r"(教育|助学|办学)"),
)
# donations for the epidemic (捐赠防疫物资, 防疫资金): social_aid detail covid
COVID_CUES = r"(防疫|抗疫|疫情防控|新冠)"
TRAINED_DETAIL = (
    ("leaders", r"带头人"),
    ("ecommerce", r"电商"),
    ("cadres", r"干部"),
    ("professionals", r"(专技|专业技术)"),
    ("labour", r"(劳动力|劳动技能|职业技能|技能)"),
)
STAFF_DETAIL = (
    ("teachers", r"(教师|支教|老师)"),
    ("doctors", r"(医生|医务|医护)"),
    ("experts", r"专家"),
)
PROJECT_DETAIL = (
    ("capital_increase", r"增资"),
    ("new_landed", r"(新增落地|新落地|落地)"),
)

# words that point back to the recipients named before (三地, 两县) rather than to all of them
BACK_REFERENCE = r"([两二三四五六七八九])(区县|县区|县市|旗县|县旗|市州|州市|地州|地|县|市|州|旗)(?!携手|共同|合作|联合|互|之间|人民|政府|党委|干部群众|签订|签署)"
# words meaning "the recipient area" in general: no recipients
GENERIC_RECIPIENT = r"(受援地区|受援地|受援县|帮扶地区|贫困地区|协作地区|对口地区|结对帮扶县|结对县|帮扶县|贫困县)"
# 大理州的11个贫困县 / 凉山州所辖各县: the counties of the place named just before
COUNTED_UNITS = (r"(的)?[“\"「]?(([\d两二三四五六七八九十]+个|各|所辖|[两二三四五六七八九十]+(?=县|旗|区县|县市))(国家级|深度|重点)?(贫困)?"
                 r"(县|区县|县市|县区|旗)|[一两二三四五六七八九十]+区[两二三四五六七八九十]+县)")
# a plan: the figures of a section that opens with these words are targets
PLAN_SECTION = r"(\d{4}\s*年(度)?(实施方案|工作要点|工作计划)|下一步|工作打算|明年|今后)"
# a title that announces a plan: every figure of the document is a target unless said to be done
PLAN_TITLE = r"(工作要点|工作计划|实施方案|工作打算|行动计划|任务清单)"
# …工作报告及2021年工作打算: a title that also reports what was done is not a plan throughout
REPORT_TITLE = r"(总结|报告|情况|成效|综述|纪实|回顾|成绩)"
POVERTY_WORDS = r"(贫困|脱贫|建档立卡|低收入)"
# each / respectively: one row per recipient with the per-unit value
# (每个 of a receiving unit only: 每个村级项目 is a rate of projects)
# (各 before the givers' own bodies, 各分行/各支行/各处室/各部门, distributes over the givers, not the receivers)
EACH_CUES = r"(各(?!类|种|项|级|地|界|方|族|部门|单位|成员|街|乡|村|县|区|企业|专项|分行|支行|分公司|子公司|处室|科室|部委|司局)|分别|" \
    r"每个(?=(?:贫困|结对|受援|帮扶){0,2}(?:县|区|市|州|旗|村)(?!级))|每县|每村)"

# 浙川, 津陇, 苏陕, 沪滇, 闽宁, 粤桂, 京蒙, 鲁渝: a pairing written with province abbreviations
EAST_ABBREVIATIONS = "京津沪苏浙闽鲁粤甬厦连"
WEST_ABBREVIATIONS = {
    "陇": "甘肃省", "川": "四川省", "黔": "贵州省", "滇": "云南省", "藏": "西藏自治区",
    "疆": "新疆维吾尔自治区", "宁": "宁夏回族自治区", "桂": "广西壮族自治区", "渝": "重庆市",
    "蒙": "内蒙古自治区", "陕": "陕西省", "冀": "河北省", "鄂": "湖北省", "湘": "湖南省",
}

# program cues
COUNTERPART_CUES = r"(对口支援|援疆|援藏|援青|支援合作)"
COUNTERPART_PROVINCES = ("新疆维吾尔自治区", "西藏自治区", "青海省")
EAST_WEST_CUES = r"(东西部扶贫协作|东西部协作|携手奔小康|扶贫协作)"
DESIGNATED_CUES = r"(定点帮扶|省内协作|省内对口|区域协作|省内结对)"


# ---------------------------------------------------------------- donors other than eastern places
# Central ministries and state-owned enterprises that run 定点扶贫/对口支援 of their own: (how texts
# write them, official name, kind). Money from an SOE is a social input (social_aid, detail soe).
def _central_givers() -> tuple[tuple[str, str, str], ...]:
    import csv
    from pathlib import Path
    path = Path(__file__).resolve().parent / "data" / "central_givers.csv"
    with open(path, encoding="utf-8", newline="") as f:
        return tuple((r["pattern"], r["name"], r["kind"]) for r in csv.DictReader(f))


# (how texts write them, official name, kind), from data/central_givers.csv
CENTRAL_DONORS: tuple[tuple[str, str, str], ...] = _central_givers()
# the giver opens its clause: 某集团对口支援乙县,落实帮扶资金…
# a time word before a central giver's verb (a year may be written in words in formal documents: 二〇二〇年)
CENTRAL_TIME = r"(?:今年|去年|全年|当年|年内|(?:\d{4}|[〇零一二三四五六七八九]{4})年度?)?"
# (a plan word may stand before the verb: 某局计划直接投入…, 某集团将继续捐赠…)
CENTRAL_GIVER_AFTER = CENTRAL_TIME + r"(?:计划|拟|将|力争)?(?:直接|持续|先后|还|又|再|继续)?(对口支援|对口援[藏疆青]|援[藏疆青]|定点帮扶|定点扶贫|对口帮扶|帮扶|援助|向|为|在|累计|共|投入|落实|捐)"
# a total over several donors (支援单位累计…, 甲市和乙市…帮助) belongs to none of them
# (19个援疆省市, 对口支援甲省的6省市: a count of the giving provinces and cities; 东部N省市 is
# the national total, read as such)
MULTI_DONOR = r"((对口)?(支援|帮扶|援助)(地区|省市|各方)?和单位|各(对口)?(支援|帮扶)(省市|单位|方)|" \
    r"(?<!东部)(?<![\d一二三四五六七八九十])[\d一二三四五六七八九十]+个?(援疆|援藏|援青|对口支援|支援|帮扶|协作)?省市)"
EAST_PROVINCE_NAMES = r"(北京|天津|上海|江苏|浙江|福建|山东|广东|辽宁)(市|省)?"
