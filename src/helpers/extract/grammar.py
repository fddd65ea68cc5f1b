"""The grammar's word classes, as data: each entry is (name, pattern, the general pattern it encodes).

Reports on East–West cooperation are written in a small number of constructions. A giver
stands as the subject of a giving verb (甲市投入…, 甲区选派…), often after a time phrase
(2019年, 今年以来) or a connective (同时, 此外); a receiver follows a preposition or a verb of
helping (向乙县拨付, 为乙县培训, 帮扶乙州, 赴乙县挂职). A plan word opens a scope that runs to the
end of its sentence (将投入…,带动…). These tables hold the words; the modules of
``helpers.extract`` hold how they combine. Patterns are regular expressions over Simplified text.

Every pattern here is a class of words, not a phrase of any one report.
"""
from __future__ import annotations

from ..lexicon import HELP_SELL


def alternation(table) -> str:
    """One regex alternation of a table's patterns (longest alternatives are the table's job)."""
    return "(?:" + "|".join(p for _, p, _ in table) + ")"


# ------------------------------------------------------------------ verbs
# a word of going to a place (到甲县挂职, 赴沪跟岗, 前往乙市就业): what follows is where people go
GOING_TO = r"(?:到|赴|去|来|前往)"
# Verbs whose subject gives something to the other side (money, people, purchases, projects).
GIVING_VERBS = (
    ("fund", r"投入|提供|追加|分配|拨付|划拨|下达|安排|落实|筹集|援助|援建|资助|支持|补助|投资|出资", "money given or allocated"),
    ("donate", r"捐赠|捐助|捐款|捐资|捐献|募集|筹措", "donations"),
    ("send", r"选派|派出|派遣|派驻|选调|输送|增派|援派|组派|委派|奔赴|进驻", "people sent"),
    ("organise", r"组织|举办|开展|培训|帮助|帮扶|引导|引进|招引|推动|促成|带动|协调|助推|助力|增加|加大|新增", "organising help"),
    ("buy", r"采购|购买|销售|认购|帮销|助销|代销", "purchases"),
    ("help_sell", HELP_SELL, "helping to sell the other side's goods (spoken: 帮…卖)"),
    ("pair", r"结对|对口支援|对口帮扶|定点帮扶|携手|对接|支援|援疆|援藏|援青", "the pairing itself"),
    ("complete", r"实施|建成|完成|实现|新建|修建|争取|累计", "things done"),
)
GIVING_VERB = alternation(GIVING_VERBS)

# Words standing between a giver and its verb: adverbs, time words, the giver's own bodies.
GIVER_TAIL = (
    ("bodies", r"(?:本级|党委|政府|人民政府|党委政府|市委|区委|县委|省委|市政府|区政府|省政府|各级|各界|社会各界|"
               r"方面|财政|两级|三级|前方指挥部|前指|指挥部|工作队|工作组|工作站|援疆指挥部|援藏指挥部|"
               r"援青指挥部|帮扶工作队|挂职干部|援派干部|干部|企业|工商联|慈善总会|慈善协会|红十字会|"
               r"总工会|妇联|团委|商会|各区|各县|区县|[县区市]级)", "the giver's government and bodies"),
    ("adverbs", r"(?:再次|又一次|首次|共|累计|先后|已|已经|共计|合计|全年|今年|去年|当年|上半年|下半年|前三季度|[一二三四]季度|"
                r"再|又|还|新|积极|主动|持续|继续|另行|另外|额外|单独|"
                r"年内|历年|近年来|至今|目前|同时|也|都|均|分别|直接|陆续|专门|多次|一共|总计|为此|"
                r"计划|将|拟|力争|预计|确保|要|共有|有)",
     "adverbs and time words"),
)
GIVER_TAIL_RE = ("(?:" + "|".join(p for _, p, _ in GIVER_TAIL) +
                 r"|[\u4e00-\u9fff]{1,6}?(?:企业|公司|集团|商会|协会|单位|部门)"
                 r"|[\d\.]+(?:余|多)?(?:万|亿)?(?:名|位|人|个|家|批)"
                 r"|[\d年月日底末初以来至今，,]){0,8}")
# A task assigned to a place (下达给甲区的任务): the place is the one to do it.
ASSIGNED_TO = r"(?:下达给|分配给|交给|分解给|下达)\s*$"
ASSIGNED_AFTER = r"^的?[^，,。；;]{0,12}(?:任务|指标)"

# A place right after one of these is on the receiving end of the clause.
RECEIVER_MARKERS = (
    ("to", r"向|为|给|对|替", "preposition of the beneficiary"),
    ("help", r"帮扶|帮助|支援|援助|援建|助力|支持|扶持|资助|惠及|覆盖|结对帮扶|对口帮扶|对口支援|"
             r"定点帮扶|结对|对口|携手|驰援", "verb of helping with its object"),
    ("aid_word", r"援疆|援藏|援青", "an aid word before a place: its object (援疆甲地) or, in headlines, its giver (援藏甲市…)"),
    ("go", r"赴|到|来到|前往|深入|走进|奔赴|进驻|派驻|在|落户|落地|入驻|扎根|投资于?|落户于", "going to or settling in"),
    ("from", r"接收|接受|吸纳", "hosting people from the other side (they come from the receiver)"),
)
RECEIVER_BEFORE = "(?:" + "|".join(p for _, p, _ in RECEIVER_MARKERS) + r")(?:了|的)?\s*$"

# A place right before one of these is a venue (an event was held there), not a receiver.
VENUE_AFTER = r"^[^，,。；;：:]{0,20}(?:举办|召开|举行|开幕|闭幕|首映|展出|展映|演出|亮相)"

# A place that only bounds an area elsewhere (在乙省内其他地区, 到甲市以外的其他地区): where jobs or
# people went, not who received the aid.
AREA_BOUNDED_AFTER = r"^[省市区县州]?(?:内|以内|以外|之外)的?(?:其他|其它|其余)"

# Words that make a place into an attribute of people or things (甲市籍, 甲市企业).
ATTRIBUTE_AFTER = r"^(?:籍|户籍|的[\u4e00-\u9fff]{0,4}(?:企业|公司|干部|人才|群众|市民))"

# ------------------------------------------------------------------ givers that are not places
# Central units and other national givers: ministries, central SOEs, national associations.
# (how texts write them → kind). Kinds decide indicators: SOE money is social aid.
GIVER_KINDS = (
    ("ministry", r"(?:国务院[\u4e00-\u9fff]{0,8}办公室|国家[\u4e00-\u9fff]{1,8}(?:局|委员会|委)|[\u4e00-\u9fff]{1,6}部)(?=[^门分队长委]|$)",
     "a central ministry, commission or administration"),
    ("soe", r"中国[\u4e00-\u9fff]{1,10}(?:集团|公司)(?:有限公司|有限责任公司)?", "a central state-owned enterprise"),
)
# The kinds of central givers (``data/central_givers.csv``): they pair by 对口支援 or 定点帮扶
CENTRAL_KINDS = ("ministry", "soe", "university", "national_body")
# Charities by name (慈协 and 慈善会 are the short forms they go by: 市慈协, 区慈善会)
_CHARITY_NAMES = r"慈善总会|慈善协会|慈善联合会|慈善会|慈协|慈善基金会"
# Charities and people's bodies: the subject of a sentence when they head it (甲市慈协把…,
# 今年以来,省红十字会在…), so that the paragraph's money after it is theirs (a social donation).
CHARITY_BODIES = r"(?:" + _CHARITY_NAMES + r"|基金会|红十字会|工商联|商会|企业家协会)"
# Non-government givers of a place (the panel credits the place; their money is social aid).
NON_GOVERNMENT_BODIES = CHARITY_BODIES[:-1] + r"|爱心企业|企业|公司|集团)"
# Aggregates over the whole country or over many donors: no single donor (全国第三批N名援青干部);
# 各级财政 is everybody's money unless an aid word makes it the helper's (各级财政安排的帮扶资金).
# (全国 right after a verb of sending or inviting is a modifier of whom: 组织全国…专家N名)
NATIONAL_TOTAL = r"((?<!组织)(?<!邀请)(?<!聘请)(?<!选派)(?<!协调)(?<!动员)全国|党中央|中共中央|各省市|各地|东部\d+省市|东部[一二三四五六七八九十]+省市|(?<![\u4e00-\u9fff])中央(?!企业|单位定点)|各中央单位|国家(?![\u4e00-\u9fff]{0,8}?(?:委|局|部|集团|公司|银行))(?=[\u4e00-\u9fff]{0,4}(投入|安排|下达))|各级财政(?![^，,。；;\d]{0,6}(?:帮扶|援助|协作|对口)))"
# Bodies of a place that give in its name (the panel credits the place): these follow a place name.
# An aid team or command of a place (甲市第八批援藏工作队, 甲省援疆前方指挥部): the place gives.
AID_TEAM = r"(?:第[一二三四五六七八九十\d]+批)?(?:对口)?(?:援疆|援藏|援青|援滇|援黔|帮扶|扶贫协作|东西部扶贫协作|对口支援[\u4e00-\u9fff]{0,4})?(?:前方)?(?:工作队|指挥部|工作组|干部人才|干部)"
PLACE_BODIES = (r"(?:" + _CHARITY_NAMES + r"|红十字会|工商联|总工会|妇联|团委|商会|企业家协会|援疆指挥部|援藏指挥部|"
                r"援青指挥部|前方指挥部|工作队|工作组)")

# A place that names an institution of its own (甲县人民医院, 甲县第一中学): the institution is
# the object of the verb before it, not the place.
INSTITUTION_AFTER = r"^[\u4e00-\u9fff\d]{0,5}?(?:医院|卫生院|保健院|中学|小学|学校|幼儿园|职校|中心校)"

# The name of a table's column → the indicator of its numbers (first match wins; the unit in the
# name's brackets must fit the indicator). A column of names, rates or facilities matches none.
TABLE_COLUMNS = (
    ("social_aid", r"社会|捐|慈善", "donations"),
    ("investment", r"投资", "investment brought in"),
    ("consumption_aid", r"消费|采购|销售|购买", "products bought or sold"),
    ("fiscal_aid", r"资金|援助|财政", "money given"),
    ("projects", r"项目", "projects carried out"),
    ("cadres_received", r"接收[\u4e00-\u9fff]{0,4}干部", "cadres hosted"),
    ("professionals_received", r"接收[\u4e00-\u9fff]{0,6}(人才|教师|医生)", "professionals hosted"),
    ("cadres_sent", r"干部", "cadres sent"),
    ("professionals_sent", r"人才|教师|医生|专技|专业技术", "professionals sent"),
    ("trained", r"培训", "people trained"),
    ("employment", r"就业|务工", "jobs"),
    ("poor_beneficiaries", r"带动|受益|贫困人口|脱贫人口|贫困户", "poor people benefiting"),
    ("enterprises", r"企业", "enterprises brought in"),
    ("pairings", r"结对", "pairings"),
)

# ------------------------------------------------------------------ scopes
# Plan words: a figure after one of these, to the end of the sentence, is a target.
TARGET_CUES = (
    ("will", r"(?<![即必])将(?=(?:要|会|继续|进一步|全力|大力|着力|重点|全面|努力|持续|陆续|逐步|再|共|累计|新|力争|争取|"
             r"[\u4e00-\u9fff]{0,2}年内|于\d{4}年[^，,。；;]{0,6}?|(?:继续|再)?(?:向|为|对|给|在|与|同)[^，,。；;\d]{1,10}?)?(?:投入|实现|完成|达到|安排|选派|培训|带动|帮助|引导|采购|销售|建设|"
             r"实施|新增|落实|争取|援助|拨付|开展|组织|超过|突破|推动|促成|引进|招引|吸纳|转移|输转|捐赠|捐建|援建|派出|举办|支持|"
             r"提高|提升|增加|增至|扩大))",
     "将 + a verb, with at most an adverb between (将 + a noun phrase + verb is 将 meaning 把)"),
    ("plan", r"计划|拟|意向|规划(?=[^，,。；;、]{0,4}(?:投入|安排|建设|实施|援助|资金|项目))|预算安排|"
             r"年度任务|(?<!完成)(?<!完成了)(?:年度|全年)[\u4e00-\u9fff]{1,10}?任务(?![的率])",
     "a plan (规划 as a verb, not the planning sector; the year's task set, not one completed)"),
    ("strive", r"力争|(?<!累计)争取(?!到|了|[\u4e00-\u9fff]{0,4}?(?:资金|项目)|中央|国家|省|[^，,。；;\d]{0,16}?(?:支持|关心|帮助)(?=[，,。；;]))|确保|努力实现|(?:工作|年度|任务|预期|具体)目标|目标(?:任务(?!的?\s*[\d.]+\s*[%％倍])|是|为|[:：]|募集|实现|达到|完成|引进|带动|投入|帮助|培训|销售|采购)|任务是|任务为",
     "striving for a goal (目标 said as the goal, not 总目标 as a slogan, nor a rate of 完成目标任务的N%)"),
    ("next", r"下一步|明年|今后|未来[一二三四五两\d]*年|下步|接下来|来年|下一阶段", "what comes next"),
    ("minimum", r"不少于|不低于|至少要", "a minimum set as a goal"),
    ("agreement", r"签订|签署|签约|协议|意向", "what an agreement commits to"),
    ("pledge", r"认捐(?!到位)", "a sum pledged, not yet given (认捐资金N万元)"),
)
EXPECTED_CUES = r"预计|预期|有望"
# Done-markers: a later figure after one of these is actual even inside a plan scope.
DONE_MARKERS = r"已经|已(?!有)|(?<!在)已有(?=\s*(?:[\d二三四五六七八九十两]|$))|实现了|完成了|累计完成|实际(?:到位|完成|投入|拨付|筹集)|到位了?|共完成"
# Of those, the ones that say a thing was done wherever they stand; the others (到位, 完成了 …)
# are verbs a goal also governs (力争引导投资到位N亿元): they end a goal's scope only from a
# clause of their own.
DONE_OUTRIGHT = r"已经|已(?!有)|(?<!在)已有(?=\s*(?:[\d二三四五六七八九十两]|$))|实际(?:到位|完成|投入|拨付|筹集)"

# Period cues.
CUMULATIVE_CUES = (r"累计|(?<!今年)(?<!去年)(?<!年初)(?<!本年)以来|(?<![^十\d]一)(?<!^一)年来|多年|近[两三四五六七八九十]年|"
                   r"[两三四五六七八九十]年(?:内|来|间|中|多)|(?<![\u4e00-\u9fff\d])[两三四五六七八九十]+年(?=[,，])|"
                   r"[两三四五六七八九十\d]+批|先后|历年|十[一二三四]五|期间|共计投入|总计")
YEAR_TO_DATE = r"今年以来|年初以来|本年度|截至目前|截至\d{1,2}月|截止目前|\d{1,2}[-—至到]\d{1,2}月|上半年|前[三四五六七八九十]季度|一季度"

# ------------------------------------------------------------------ aid test
# A figure is aid when its clause or sentence shows a transfer: a giving verb or an aid noun.
AID_NOUNS = (r"帮扶|扶贫|援助|援建|援疆|援藏|援青|支援|协作|对口|结对|捐|消费|采购|销售|" + HELP_SELL + r"|选派|派出|挂职|"
             r"支教|支医|培训|就业|务工|转移|脱贫|受益|惠及|带动|增收|落户|落地|入驻|引导|引进|投资|到位|收购")
# Statistics of the receiving area's own economy and poverty (never aid).
OWN_ECONOMY = (r"生产总值|GDP|固定资产投资|财政收入|一般公共预算|社会消费品零售|城镇居民|农村居民|"
               r"人均可支配|可支配收入|贫困发生率|贫困人口(?:由|从)|减少贫困人口|贫困人口减少|减少到|下降到|降至|减贫|"
               r"剩余贫困|未脱贫|注册资本|注册资金|面积|海拔|人口总数|总人口|常住人口|辖\d|辖[一二三四五六七八九十]|"
               r"网络零售额|电商交易额|(?:电商|电子商务)?网络销售额|电商销售额|旅游(?:综合)?收入|旅游总收入|(?:现有|共有|尚有|(?<![\u4e00-\u9fff])有|(?<=全[省市县区州旗盟])有)(?:建档立卡)?(?:脱贫|贫困|监测)(?:人口|户|群众|对象)")

# Back references to receivers named just before (三县, 两地) and words for "the receiving side".
BACK_REFERENCE = r"(?<![\d\.])([两二三四五六七八九十]|[2-9](?=个?省))个?(区县|县市|县区|旗县|县旗|地|县|市|州|旗|盟|省区|省)(?![一二三四五六七八九十两]{1,3}个?(?:县|市|区)|[\u4e00-\u9fff]{0,3}个|县|市|携手|共同|合作|联合|互|之间|人民|政府|党委|干部群众|签订|签署|区)"
GENERIC_RECIPIENT = r"(?:受援地区|受援地|受援县|受援方|帮扶地区|贫困地区|协作地区|对口地区|结对地区|结对帮扶县|结对县|帮扶县|对口支援地区|对口帮扶地区|对口县|受援州|受援市)"
SELF_REFERENCE = r"我(省|区|市|州|县|旗|盟)"

# A level that grew (从A增加到B, 由A扩大至B): B is the level reached, a figure of its own words;
# A is the earlier level, a figure only when it carries its own year (从2015年的A). Falls
# (减少到, 下降到) are the area's statistics and stay with OWN_ECONOMY.
LEVEL_GROWTH = (r"(?:从|由)(?P<origin>[^，,。；;、从由]{1,18}?)(?:增加|增长|扩大|提高|上升|猛增|(?<![新])增)(?:到|至)"
                r"(?P<reached>[^，,。；;]{1,14})")
DATED_ORIGIN = r"(?:19|20)\d{2}年"

# The two sides of a pair as one subject (两地共开展…, 甲乙两省实施…, 双方签约…): a figure credited
# to the pair jointly is nobody's to give (conventions: two provinces jointly is not a row). The
# word must head its clause and be followed by what they did, not a state (两地携手共进) or a
# result (两地实现…); {short}: the one-character names of provinces and cities; what an
# agreement commits to (双方签订协议,约定…) stays with the agreement.
JOINT_PAIR_SUBJECT = (r"(?:^|(?<=[，,。；;：:\s]))(?:[{short}]{{2}})?(?:两省区|两省市|两省|两地|双方)"
                      r"(?=共|共同|联合|实施|开展|举办|签约|签订|组织|共建|建立|推动)")

# What an agreement or plan lays down (协议…其中提出…, 框架协议明确…): its figures are targets.
AGREEMENT_CONTENT = r"(?:协议|协定|备忘录|规划|方案)[^，,。；;\d]{0,4}[，,]?\s*(?:其中|并)?(?:提出|明确|约定|规定|确定)"

# 在原有N个的基础上新增M个: N is the baseline, M the increment; the total is stated elsewhere.
BASELINE = (r"在(?P<base>[^，,。；;在]{1,20}?)的?基础上[,，]?(?:再|又|还)?(?:新增|增加|增)(?:了)?"
            r"(?P<incr>[^，,。；;]{1,12})")
# N个市(州)的M个县: N counts where the M counted units are
CONTAINERS_OF_COUNT = r"\s*[（(]?(?:市|州|地|省|市州|地市)[）)]?(?:[（(][市州][）)])?的[\d一二两三四五六七八九十]"
# Verbs of one side getting or giving (争取到, 获得, 拨付…): a transfer between the sides, not a joint act.
DIRECTED_TRANSFER = r"争取|获得|接受|拨付|援助|捐赠|捐助|下达"
