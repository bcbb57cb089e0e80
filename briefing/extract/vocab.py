"""Words that bound and classify project and policy names, as data.

The project and policy grammars (projects.py, policies.py, names.py) are
written against these tables, so widening the coverage to another province's
wording means adding a word here, not another regex there.  Every entry is a
word of the language of Chinese government reports, never a name from a sample.
"""
from __future__ import annotations

# --- project head nouns -----------------------------------------------------
# A project name ends in one of these.  The weight says how much the head alone
# tells that the phrase is a construction project: 2 = a park, line or work
# (产业园, 铁路); 1 = a facility that is often an institution instead (基地,
# 学院); 0 = a word that is a project only with construction verbs (中心, 大楼).
PROJECT_HEADS: dict[str, int] = {
    # works and programmes of construction
    "项目": 2, "工程": 2, "一期": 1, "二期": 1, "三期": 1, "四期": 1, "首期": 1,
    # parks and zones
    "产业园区": 2, "产业园": 2, "工业园区": 2, "工业园": 2, "科技园": 2, "物流园": 2,
    "产业基地": 2, "园区": 2, "片区": 2, "集聚区": 2, "合作区": 2, "新区": 2,
    "启动区": 2, "产业带": 2, "组团": 1, "保税区": 1, "保税物流中心": 2, "物流园区": 2,
    "基地": 2, "走廊": 1, "生产线": 1, "厂房": 1, "站房": 1, "厂": 1, "科创谷": 1, "智谷": 1,
    "硅谷": 1, "药谷": 1, "数谷": 1, "光谷": 1, "创新谷": 1, "工业城": 1, "科技城": 1, "科学城": 1, "大学城": 1,
    "职教城": 1, "物流城": 1, "汽车城": 1, "智造城": 1, "产业城": 1, "商贸城": 1,
    "会展城": 1, "创业园": 1, "文化园": 1, "软件园": 2, "食品岛": 0, "岛": 0,
    # transport
    "号线": 2, "快线": 2, "市域铁路": 2, "通道": 2, "铁路": 2, "高铁": 2, "城际": 2, "城际铁路": 2, "轻轨": 2, "地铁": 2,
    "高速公路": 2, "高速": 2, "快速路": 2, "快速通道": 2, "公路": 2, "国道": 2,
    "省道": 2, "大桥": 2, "特大桥": 2, "隧道": 2, "大道": 2, "东延线": 2, "西延线": 2,
    "南延线": 2, "北延线": 2, "延长线": 2, "连接线": 2, "环线": 1, "港区": 1,
    "码头": 1, "港": 1, "机场": 1, "航站楼": 2, "飞行区": 2, "交通枢纽": 2, "水利枢纽": 2, "枢纽": 0, "储备站": 1, "加气站": 1,
    "充电站": 1, "变电站": 1, "泵站": 1, "电站": 1, "水厂": 1, "污水处理厂": 1,
    "水库": 1, "电厂": 1, "风电场": 1, "站": 0,
    # facilities whose 中心 is a building, not an office
    "物流中心": 2, "交易中心": 2, "集散中心": 2, "处理中心": 2, "数据中心": 2,
    "会展中心": 2, "会议中心": 1, "体育中心": 1, "文化中心": 1, "中心": 0,
    "实验室": 0, "研究院": 0, "大楼": 0, "综合体": 0, "商圈": 0,
    # schools and hospitals
    "学院": 1, "大学": 0, "学校": 1, "中学": 1, "小学": 1, "初中": 1, "高中": 1,
    "幼儿园": 1, "医院": 1, "中小学校": 1, "中小学": 1, "九年一贯制学校": 1,
    # designations: named after a place, or not a project at all
    "示范区": 0, "实践区": 0, "试验区": 0, "先行区": 0, "样板区": 0, "承载区": 0,
    "核心区": 0,
}
# Words that end in a head noun without being one (株洲高新区 is a district,
# 香港 a city, 站点 a stop).
NOT_HEADS = ("高新区", "香港", "港澳", "港口", "港股", "站点", "站长", "站位", "中心城区",
             "中心镇", "中心村", "中心组", "中心工作", "基地化", "园区化", "项目化", "工程师",
             "工程化")
# 一中, 八小: numbered schools are written short.
NUMBERED_SCHOOL = r"[一二三四五六七八九十]{1,3}[中小](?![心时学间型期国华央部文])"
# Heads that make a project only when the name opens with a place (浦东新区综合
# 配套改革试验区); "全省绿色发展示范区" is a role to play, not a site.
DESIGNATION_HEADS = frozenset({"示范区", "实践区", "试验区", "先行区", "样板区",
                               "承载区", "核心区"})
# What may follow a head and still belong to the name: phases, branches, lines.
HEAD_SUFFIXES = ("一期", "二期", "三期", "四期", "首期", "新院区", "院区", "新院", "新校区",
                 "校区", "分院",
                 "扩建", "新址", "东延线", "西延线", "南延线", "北延线", "延长线")
# 工程 is a construction work after these words (技改工程, 提升工程, 主体工程), or with
# one of WORKS_WORDS in its name or a place opening it (小清河复航工程); a
# programme otherwise (工业振兴工程).
WORKS_BEFORE_GONGCHENG = ("技改", "改造", "提升", "整治", "修缮", "扩建", "新建", "加固",
                          "治理", "供水", "引水", "调水", "排水", "污水", "水利", "防洪",
                          "建设", "安装", "绿化", "管网", "电网", "输变电", "升级",
                          "一期", "二期", "三期", "配套", "道路", "扩能", "改扩建", "复航",
                          "主体", "附属", "土建")
WORKS_WORDS = ("河道", "航道", "复航", "通航", "水库", "水利", "供水", "引水", "调水", "排水",
               "污水", "堤防", "水闸", "道路", "公路", "桥梁", "隧道", "管网", "电网", "输变电",
               "电站", "场站", "厂房", "大楼", "场馆", "校舍", "灌区", "渠")
# Works words after a head that name a project of their own (广巴铁路扩能改造,
# 成渝高速公路扩容), where 建设 after a head is only the process.
WORKS_SUFFIXES = ("快速化改造", "扩能改造", "提质改造", "升级改造", "提升改造", "改扩建", "扩建", "扩容", "扩区",
                  "扩能", "改造", "复线", "改线", "提质")
# Sector-of-projects endings: 清洁能源产业项目, 水风光重大能源项目 are categories.
CATEGORY_ENDINGS = ("产业项目", "类项目", "领域项目", "行业项目", "产业重点项目",
                    "产业重大项目")

# --- words that end a name on its left --------------------------------------
# Governing verbs that also name what a facility does when a head follows them
# (社区卫生服务中心, 农业研究中心): there they are part of the name.
FACILITY_VERBS = ("服务", "研究")
# Verbs and adverbs that govern a project or policy.  A name never contains one
# of these, so the name starts after the last one before its head (projects) or
# after the verb chain that opens the clause (policies).
GOVERNING_VERBS = (
    "推进", "推动", "加快", "加速", "加大", "实施", "落实", "开展", "打造", "谋划",
    "启动", "力促", "力争", "争取", "建成", "建好", "抓好", "抓实", "共建", "引进", "招引",
    "培育", "完善", "健全", "建立", "制定", "出台", "印发", "签订", "签署", "审议通过",
    "研究讨论", "研究制定", "酝酿", "深化", "推行", "推广", "执行", "坚持", "调研", "考察",
    "视察", "走访", "用好", "激活", "巩固", "铺开", "支持", "做大做强", "做强做优", "做优",
    "做强", "做大", "做实", "发挥", "围绕", "依托", "对接", "融入", "申报", "结合", "开工",
    "动工", "投产", "试产", "竣工", "通车", "封顶", "签约", "落户", "落地", "入驻", "投入运营",
    "投入使用", "验收", "新建", "续建", "扩建", "兴建", "开通", "上马", "紧抓", "抓住",
    "聚焦", "助力", "服务", "参与", "纳入", "成为", "创建", "扩容", "提速", "编制", "优化实施",
    "预计", "计划", "紧盯", "瞄准", "布局", "实行", "探索", "推出", "建立健全", "研究",
    "完成", "投用", "新开工", "建成投用", "改建", "迁建", "做好", "确保", "抓", "提速实施",
    "加快实施", "提速建设", "位于", "进入", "共有", "拥有", "建有", "设有", "涉及", "包括",
    "包含", "涵盖", "仍有", "还有", "另有", "贯通", "投入试运营", "投入试运行", "试运营",
    "试运行", "完工", "助推", "发布", "修订", "新修订", "协调解决", "帮助解决", "已有",
    "了解", "听取", "查看", "察看", "贯彻落实", "贯彻", "开复工", "复工", "开竣工",
    "获批", "获评", "入选", "被评为", "评为", "列为", "荣获", "见证", "举行", "举办", "召开",
    "是", "为", "到", "赴", "在", "与", "把", "对", "有",
    "以", "向", "即", "并", "将", "了", "举全区之力", "举全市之力", "举全县之力", "举全省之力",
)
# Adverbs end a name only when a verb follows them (积极建设X, 顺利封顶); alone
# they may sit inside one (汾河流域重点支流整治).
ADVERBS = (
    "着力", "全力", "积极", "大力", "重点", "努力", "精心", "主动", "持续", "继续", "深入",
    "认真", "切实", "全面", "纵深", "率先", "加紧", "抓紧", "尽快", "先后", "顺利", "全线",
    "正式", "已经", "正在", "即将", "要", "正", "已", "拟", "力求", "务必", "进一步",
    "全速", "稳步", "扎实", "有序", "同步", "陆续", "相继", "如期", "按期", "提前", "逐步",
    "基本", "全部", "均", "将于", "可望", "有望",
)
# Adverbs that open a predicate and nothing else (so 重点 in 重点产业项目 does not).
PREDICATE_ADVERBS = ("要", "将", "正", "已", "已经", "正在", "即将", "积极", "全力", "大力", "持续",
                     "继续", "率先", "尽快", "加紧", "抓紧", "顺利", "陆续", "相继", "如期",
                     "按期", "提前", "逐步", "稳步", "先后", "均", "基本", "正式", "全线",
                     "努力", "可望", "有望", "将于")
# Verbs that govern only in a verb chain: 规划 is a verb in 规划建设X and a
# noun in 合作区规划范围.
CHAIN_ONLY_VERBS = ("规划",)
# Single-character governing words, and what may not follow them for the
# character to govern (以及, 以来, 在建, 到位 are other words).
SINGLE_CHARACTER_GUARDS = {"了": "解", "以": "及来上下后前外内便期至", "在": "建于", "与": "会",
                           "对": "外象于比标", "到": "位期底", "即": "将时使", "并": "购网列",
                           "为": "主止", "是": "否", "向": "导", "将": "军",
                           "有": "色限机效序关力利望益所些着"}
# 有 governs only after a place (南宁市有A、B等81个项目): elsewhere it sits inside a name
# (稀有金属, 含有), as it does after one when a guard follows (全县有色金属产业园).
EXISTENTIAL_AFTER = "省市州盟县区旗镇乡村"
# Words that open a clause without belonging to its subject (目前, 同时, 此外).
OPENERS = ("此次", "本次", "上半年", "下半年", "全年", "年初", "年底", "近年", "目前", "当前",
           "现在", "今年", "去年", "明年", "近年来", "近日", "日前", "同时",
           "此外", "另外", "其中", "接下来", "下一步", "未来", "随后", "随着", "截至目前",
           "预计", "据悉", "据介绍", "据了解", "近期", "年内", "今后")
# Verbs that describe a site instead of acting on it (产业园已有23家企业落户).
STATIVE_VERBS = ("有", "已有", "拥有", "共有", "位于", "占地", "面积", "达", "达到", "约",
                 "是", "为", "属于", "包括", "涵盖", "总", "在")
# Verbs that end a name on its left only when another governing word stands
# right before them (加快建设X, 谋划建设X); elsewhere they are part of the name
# (河道清淤改造提升建设美丽沅江工程).
NOMINAL_VERBS = ("建设", "改造")
# 本工程为天场S328连接线: a deictic works subject and a copula name the works.
DEICTIC_WORDS = ("本", "该", "此", "这一", "这个")
WORKS_SUBJECTS = ("工程", "项目", "工程项目")
COPULAS = ("为", "是")
# After these a noun phrase is a title the subject earns (成为首批…示范园区), not a site.
ROLE_VERBS = ("成为", "获批", "获评", "入选", "被评为", "评为", "列为", "荣获")
# After these a noun phrase is a place something happens in, not the project.
LOCATIVES = ("到", "赴", "在", "位于", "落户", "入驻", "落地", "来到", "走进")
# Prepositions of place after a subject: the verb comes after the place (X项目在Y开工).
LOCATIVE_PREPOSITIONS = ("在", "于")
# Prepositions whose object is a partner or a yardstick, not the thing built.
PARTNER_PREPOSITIONS = ("与", "同", "跟", "向", "对")

# --- words that make a name generic ------------------------------------------
# Where a project's capital comes from says what kind of project it is (外资项目,
# 台资企业, 中外合资项目), not which one: [origin]资 for a country, a region or an owner.
CAPITAL_ORIGINS = (
    "外资", "内资", "中资", "合资", "独资", "外商", "外商投资", "中外合资", "外商独资",
    "港资", "澳资", "台资", "侨资", "港澳台资", "欧资", "美资", "日资", "韩资", "德资",
    "法资", "英资", "荷资", "俄资", "民资", "国资", "央企",
)
# A name whose words before the head are all of these is a category, not a name
# (重点项目, 首期工业项目, 省产业园, 9个特色产业园).
GENERIC_WORDS = (
    "国家级", "省级", "市级", "区级", "县级", "国家", "全国", "全省", "全市", "全区", "全县",
    "千亿", "百亿", "十亿", "亿元级", "产值", "规模", "贸易", "总部",
    "省", "市", "区", "县", "镇", "镇街", "村", "本地", "当地", "我市", "我区", "我县",
    "重点", "重大", "重要", "特色", "示范", "先行", "试点", "现代化", "现代", "升级版",
    "一流", "高水平", "高标准", "高质量", "高端", "新型", "专业", "综合", "配套", "相关",
    "各类", "各项", "各", "一批", "一系列", "系列", "多个", "若干", "这些", "这批", "该批", "此批", "本批", "该", "此", "上述",
    "首期", "首批", "新一批", "新", "大", "小", "好", "优质", "亿元", "超亿元", "十亿元",
    "百亿元", "千亿元", "亿元以上", *CAPITAL_ORIGINS, "民营", "招商", "储备", "在建",
    "新开工", "新建", "续建", "扩建", "改建", "竣工", "投产", "产业", "工业", "经济", "产业链", "民生", "文旅", "旅游", "交通",
    "能源", "水利", "农业", "基建", "基础设施", "环保", "生态", "科技", "创新", "数字",
    "城市", "乡村", "社会", "公共", "服务", "应用", "建设", "发展", "项目", "工程", "园区",
    "未来", "战略性", "新兴", "传统", "优势", "主导", "支柱", "先进", "制造", "制造业",
    "物流", "商贸", "国际", "区域", "省际", "跨境", "外贸", "营商环境", "政策", "惠企", "扶持",
    "帮扶", "稳岗", "支持", "保障", "改革", "工作", "实施", "行动", "专项", "这个", "此类", "有关",
    "同类", "以上", "其他", "其它", "其余", "所有", "全部", "部分", "多数", "大量", "诸多", "众多",
    "科研", "课题", "合作", "公益", "培训", "扶贫", "援建", "服务业", "文化", "体育", "教育",
    "医疗", "卫生", "养老", "住房", "安居", "保障性", "市政", "环境", "治理", "改造", "提升",
    "升级", "技改", "数字化", "智能化", "绿色", "低碳", "节能", "清洁", "新能源", "新材料", "生物医药",
    "电子信息", "汽车", "装备", "化工", "食品", "纺织", "金融", "康养", "研发", "孵化", "双创",
    "人才", "招商引资", "研学", "实践", "科普", "生产", "加工", "供应", "建设项目",
    # parts of a street that a work improves, not the work's name (绿化工程, 人行道工程)
    "绿化", "亮化", "美化", "硬化", "人行道", "非机动车道", "机动车道", "车道", "路面",
    # who invests says what kind of project, not which (企业投资项目)
    "企业", "政府", "投资",
    # the tier that manages a project list (自治区层面重大项目, 市两级重点项目)
    "自治区", "层面", "两级", "三级", "各级",
    # the parts of one work (主体工程, 附属工程), not a work of its own
    "主体", "附属", "土建",
)
# Evaluative words: a phrase with one of these is a goal or a role (打造国内一流的
# 装备制造基地, 重要承载区), not the name of a site.
EVALUATIVE_WORDS = ("重要", "一流", "高水平", "世界级", "标杆", "最大", "首个", "首家",
                    "唯一", "领先", "龙头", "排头兵", "示范点", "样板", "国际化")
# …and phrases opening with a quality are goals too (高端医疗器械生产基地).
EVALUATIVE_OPENINGS = ("高端", "现代化", "高品质", "高标准", "高能级", "智慧化", "全国性",
                       "区域性", "综合性")
# Numerals of a slogan that counts kinds of work (“两重一实”项目, “双百”项目, “三个一批”):
# a short quoted label with two of these abbreviates categories, it names no site.
SLOGAN_NUMERALS = "一二两三四五六七八九十百千万双"
SLOGAN_MAX = 6
# A count or quantifier before a head turns it into a category (两个产业园,
# 151个项目, 一批项目, 三大战略).
COUNT_CLASSIFIERS = "个项家座所条处大批类期"

# --- what may follow a project name ------------------------------------------
# Process nouns that close a project phrase (X建设进度, X前期工作).
PROCESS_NOUNS = ("建设进度", "建设情况", "建设工作", "建设步伐", "建设契机", "开发建设",
                 "建设", "进度", "步伐", "前期工作", "规划编制", "规划建设", "规划", "征地",
                 "工作", "情况", "土建", "设备安装", "主体工程", "主体结构", "主体", "施工",
                 "招标", "选址", "环评", "规划设计", "进展",
                 # the site itself: 在X项目现场 visits the works, it is not a place name
                 "建设现场", "施工现场", "现场", "工地")
# Nouns of the works site after a name: 在X项目现场 is a visit to the works (X is
# the project, not the place), and a site means the works are under way.
SITE_NOUNS = ("建设现场", "施工现场", "现场", "工地")
# Measures that may follow a name as its predicate (X项目总用地面积约83万平方米,总投资…):
# they prove nothing, but the amount further on in the same chain of clauses is the name's.
MEASURE_PREDICATES = ("总用地面积", "用地面积", "占地面积", "占地", "总建筑面积", "建筑面积",
                      "规划面积", "全长", "总长")
# Predicates of progress after a process noun: X项目进展顺利, X建设进展良好.
PROGRESS_PREDICATES = ("顺利", "良好", "迅速", "较快", "平稳", "有序", "加快")
# Enumeration separators.  A 、 always separates; the conjunctions only after a
# complete name (X中心和Y基地), since 及 and 和 also join words inside one name
# (城乡供水一体化及管网改造项目).
CONJUNCTIONS = ("以及", "及", "和", "与", "、")

# --- stage of a project --------------------------------------------------------
# Checked after the name first (X动工), then before it (加快建设X); the first
# listed word found wins, so longer phrases come before their parts.
STAGE_WORDS: tuple[tuple[str, str], ...] = (
    ("前期工作", "规划"), ("规划编制", "规划"), ("谋划", "规划"), ("规划", "规划"),
    ("编制", "规划"), ("签约", "签约"), ("签订", "签约"), ("签下", "签约"), ("落户", "签约"),
    ("落地", "签约"),
    ("开工", "动工"), ("动工", "动工"), ("启动建设", "动工"), ("启动", "动工"),
    ("上马", "动工"), ("加快建设", "在建"), ("在建", "在建"), ("续建", "在建"),
    ("封顶", "在建"), ("征地", "在建"), ("开复工", "在建"), ("复工", "在建"), ("进展", "在建"), ("现场", "在建"),
    ("工地", "在建"), ("引进", "签约"), ("招引", "签约"), ("建好", "在建"), ("进度", "在建"), ("试产", "投产"), ("投产", "投产"),
    ("投入运营", "投产"), ("投入使用", "投产"), ("投用", "投产"), ("试运营", "投产"),
    ("试运行", "投产"), ("贯通", "建成"), ("建成", "建成"), ("通车", "建成"),
    ("竣工", "建成"), ("验收", "建成"), ("完工", "建成"),
)
# Stage words that count only before the name: 完成X建设 is done, but in
# X已完成建设进度的50% the work goes on.
BEFORE_ONLY_STAGE_WORDS: tuple[tuple[str, str], ...] = (("完成", "建成"),)
# Verbs that, closing a clause about a project, say it is under way (X项目加快推进);
# before a name (推进X) they say nothing of its stage.
PUSHED_ON_VERBS = ("推进", "实施")
# Words that introduce a list of names; the stage words before them are the list's
# (此次集中开工的项目包括：A、B).
INTRODUCERS = ("包括", "分别是", "分别为", "主要有", "分别有")
# How strongly the verbs around a phrase say it is a construction project:
# building and stage verbs (2) or verbs that push any kind of work along (1).
BUILD_VERBS = ("建设", "新建", "续建", "扩建", "改建", "迁建", "兴建", "建成", "建好", "开工",
               "贯通", "试运营", "试运行", "完成",
               "动工", "投产", "投用", "新开工",
               "试产", "竣工", "通车", "封顶", "签约", "签订", "签下", "落户", "落地", "投入运营",
               "投入使用", "验收", "完工", "开复工", "复工", "开竣工", "上马", "启动", "开通", "征地")
PUSH_VERBS = ("推进", "推动", "加快", "加速", "力促", "抓好", "抓实", "共建", "打造", "实施",
              "做大做强", "做强", "申报", "创建", "扩容", "完善", "激活",
              "铺开", "争取", "力争", "加大", "谋划", "规划", "提速", "成为")
# Settling verbs say little about a mere office (中心落户 is an institution moving in).
SETTLING_VERBS = ("签约", "落户", "落地", "入驻")

# --- policies -------------------------------------------------------------------
# Heads of a policy name and the category they give.  Longer heads first.
POLICY_HEADS: tuple[tuple[str, str], ...] = (
    ("行动计划", "programme"), ("实施方案", "document"), ("行动方案", "document"),
    ("工作方案", "document"), ("解决方案", "document"), ("实施意见", "document"),
    ("指导意见", "document"), ("暂行办法", "document"), ("管理办法", "document"),
    ("实施细则", "document"), ("若干措施", "document"), ("政策措施", "document"),
    ("专项行动", "programme"), ("三年行动", "programme"), ("五年行动", "programme"),
    ("方案", "document"), ("意见", "document"), ("办法", "document"), ("措施", "document"),
    ("条例", "document"), ("协议", "document"), ("规定", "document"), ("细则", "document"),
    ("纲要", "document"), ("工程", "programme"), ("行动", "programme"),
    ("计划", "programme"), ("战略", "programme"), ("机制", "mechanism"),
    ("制度", "mechanism"), ("制", "mechanism"), ("规划", "document"),
)
# Heads named only with a quoted label (“科技+金融+产业”联动机制); bare, a
# 机制 or 制度 is the ordinary machinery of government (工作机制, 住房制度).
QUOTED_ONLY_HEADS = ("机制", "制度", "规划")
# …and 规划 only right after the label: “十四五”规划 is a plan, “金凤谷”核心区发展规划
# is the planning of a site.
LABEL_ONLY_HEADS = ("规划",)
# 链长制, 河长制: a mechanism is a short name ending in 制.
MECHANISM_NAME_MAX = 10
# Owners written before a programme (省委“强县富民工程”, 省“两廊三带”战略):
# they say whose it is, and the name is what follows.
OWNER_PREFIXES = ("党中央", "中央", "国务院", "国家", "省委省政府", "省委", "省政府", "市委市政府",
                  "市委", "市政府", "区委", "区政府", "县委", "县政府", "全省", "全市", "全区",
                  "全县", "省", "市", "区", "县")
# Determiners before a quoted label point back at it (该“链长制”); they are no part of its name.
LABEL_DETERMINERS = ("这一", "这个", "这项", "该项", "此项", "上述", "该", "此", "这", "本")
# 《》 titles that end in one of these are policy documents (not newspapers,
# books or songs).  A trailing (暂行)/(2022-2024) is allowed.
TITLE_SUFFIXES = ("方案", "意见", "办法", "措施", "规划", "条例", "协议", "规定", "细则",
                  "纲要", "计划", "行动", "工程", "决定", "通知", "指引", "指南", "清单", "要点",
                  "政策", "举措", "条", "法", "标准", "制度", "机制", "战略", "规则", "公约", "守则")
# Common words ending in 制 that are not mechanisms.
NOT_MECHANISMS = ("机制", "体制", "控制", "限制", "编制", "管制", "抑制", "压制", "研制",
                  "定制", "复制", "印制", "绘制", "录制", "配制", "强制", "规制", "遏制",
                  "克制", "自制", "牵制", "节制", "建制", "法制", "税制", "学制", "专制",
                  "调制", "仿制", "监制", "炮制", "宰制", "辖制", "钳制", "轮制")
# Nouns after a policy head that make the head a modifier (战略布局, 工程项目).
NOUNS_AFTER_POLICY_HEAD = ("布局", "性", "部署", "目标", "体系", "格局", "地位", "企业", "项目",
                           "资金", "任务", "要求", "意义", "重点", "机遇", "方向", "定位", "师",
                           "车", "队", "款", "书", "表", "库", "清单", "专班", "办公室", "领导小组")
# A quoted label after these is a rank, not a programme (作为"头号工程").
LABEL_VERBS = ("作为", "列为", "列入", "纳入", "称为", "誉为", "当作", "视为", "号称")

# Status of a policy from the verbs before it: drafting words are checked
# first (研究讨论了 is still drafting), then issued, then implementing.
# A meeting's approval settles a document whatever else the clause says (审议并原则通过).
APPROVAL_WORDS = ("审议通过", "原则通过", "审定通过", "表决通过", "批准通过")
DRAFTING_WORDS = ("研究制定", "正在制定", "正制定", "酝酿", "研究讨论", "起草", "征求意见",
                  "拟出台", "拟制定", "将出台", "将制定", "谋划", "正在研究",
                  # a meeting that deliberates a draft has not issued it
                  "审议", "讨论", "送审稿", "征求意见稿")
ISSUED_WORDS = ("审议通过", "印发", "签订", "签署", "颁布", "发布", "出台了", "制定了",
                "已出台", "已制定", "已经制定", "已经出台", "通过了", "正式实施", "新修订")
CREATION_WORDS = ("制定", "出台", "编制", "建立", "推出", "印发", "修订")
IMPLEMENTING_WORDS = ("深入实施", "实施", "落实", "推进", "推动", "深化", "推行", "推广",
                      "开展", "执行", "坚持", "发挥", "完善", "健全", "用好", "结合", "实行",
                      "启动", "助推", "贯彻")
# What must govern an unquoted name: a programme is carried out, a document is
# made or issued, a mechanism is set up or applied.
PLAIN_POLICY_VERBS = {
    "programme": DRAFTING_WORDS + ISSUED_WORDS + CREATION_WORDS + IMPLEMENTING_WORDS + ("完成",),
    "document": DRAFTING_WORDS + ISSUED_WORDS + CREATION_WORDS,
    "mechanism": CREATION_WORDS + ("实施", "落实", "推行", "推广", "实行", "探索", "深化",
                                   "全面推行", "健全", "推进", "助推"),
}
# Words that say nothing of which policy is meant: a name made only of these
# (发展战略, 支持措施, 工作方案) is generic.
GENERIC_POLICY_WORDS = ("发展", "工作", "有关", "相关", "配套", "具体", "专项", "总体", "整体",
                        "支持", "扶持", "惠企", "帮扶", "政策", "改革", "实施", "建设", "管理",
                        "保障", "重点", "重大", "全面", "若干", "新", "各项", "各类", "年度",
                        "详细", "初步", "可行", "战略", "合作", "框架", "投资", "采购", "服务",
                        "整治", "检查", "督查", "排查", "宣传", "执法", "集中", "联合", "攻坚",
                        "应急", "一揽子", "这项", "该项", "此项", "上市", "融资", "招聘",
                        "招生", "销售", "经营", "培训", "学习", "教学")
# Determiners that make a policy phrase generic (一系列措施, 各类政策措施).
GENERIC_POLICY_OPENINGS = ("各类", "各项", "一系列", "系列", "相关", "有关", "这些", "该",
                           "此", "一批", "多项", "上述", "各级", "若干", "专门", "配套", "本",
                           "一揽子", "这项", "此项", "如下", "以下")
