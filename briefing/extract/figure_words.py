"""The words of the figure grammar (briefing.extract.quantities), as data.

Each table is a class of words the grammar treats alike; adding a synonym is
adding it here, never a new rule.
"""
import re

# Verbs and adverbs between an indicator and its number, stripped to find the indicator.
GROWTH = ("增长", "增速", "增幅", "增长率", "提高", "提升", "上升", "上涨", "回升", "增加", "涨幅",
          "比增", "净增", "预增", "增")
DECLINE = ("下降", "降低", "减少", "回落", "下滑", "下跌")
REACH = ("增至", "增加到", "增长到", "提高到", "提高至", "提升到", "提升至", "达到", "达至", "达",
         "保持", "继续保持",
         "为", "是", "实现", "完成", "新增", "累计", "共", "共计", "合计", "总计", "有", "入库",
         "认定", "突破", "超过", "超", "控制在", "保持在", "稳定在", "降至", "降到", "下降到")
ADVERBS = ("均", "就", "同比", "比上年", "较上年", "比去年", "较去年", "可比口径",
           "按可比价格计算", "可比", "按可比价", "年均", "预计", "预期", "力争", "争取", "确保", "将", "已", "已经", "再",
           "全年", "今年", "目前", "分别", "可", "可以", "能", "能够", "有望", "将要", "实质",
           "实际", "名义", "同口径", "平均")
# Potential and distribution, not a figure of the region: 年吞吐量可达…, 分别增长5%和6%.
# 年均增长8%, 两年平均增长4.9% are averages over years, not the growth of a year.
UNREADABLE = ("可", "可以", "能", "能够", "有望", "分别", "年均", "平均")
# Verbs whose object a count before the noun measures: 引进18个项目, 筹建480套住房.
GOVERNING = (
    "新增", "新建", "建设", "建成", "筹建", "打造", "引进", "新引进", "招引", "培育", "培养",
    "实施", "完成", "开工", "动工", "启动", "签约", "安排", "拥有", "已有", "共有", "有",
    "汇聚", "集聚", "认定", "创建", "改造", "整治", "开通", "举办", "扶持", "发放",
    "供应", "收到", "受理", "帮扶", "救助", "资助", "接种", "种植", "建立", "设立", "成立",
    "组建", "招聘", "吸纳", "安置", "储备", "引育", "投放", "改建", "扩建", "新改建", "培训",
    "落地", "落户", "招商", "签下", "获批", "入选", "升级", "提档升级", "新开工", "引入", "兴建",
    "投入", "改扩建", "新改扩建", "签订", "签署",
)
# Verbs that only push: the count is a target when the noun reaches a milestone
# (推动35个工业项目动工), not when it merely "develops" (推动12条产业链发展).
CAUSATIVE = ("推动", "推进", "促进", "支持", "力促", "带动", "引导", "鼓励", "帮助", "督促")
MILESTONES = ("建设", "动工", "开工", "建成", "投产", "竣工", "落地", "签约", "上市", "实现",
              "完成", "达产", "完工", "开业", "运营", "投入使用", "入库", "纳统", "升规", "认定",
              "通过", "获批", "挂牌", "改造", "试产", "加快建设", "开工建设", "落户", "入驻")
BECOME = ("成长为", "成为", "升级为", "转为", "晋升为", "认定为", "培育为", "发展为", "发展成为")
# What may follow 的 after a figure that is still the figure: 9%的预期目标, 11%的增长.
OF_FIGURE = ("预期目标", "目标", "增长", "增速", "增幅", "水平", "任务")
# A level stated as a mark passed: 突破5000亿元大关, 迈上千亿台阶.
MARKS = ("大关", "关口", "台阶", "门槛")
# Heads too bare to stand alone: 总数达到186家 counts the indicator just named.
BARE_HEADS = ("总数", "总量", "数量", "总额", "总规模", "规模")
# Heads that name an investment: one project's is the project's, not an indicator,
# unless the sentence counts projects or the figure is a year's total (完成, 年度, 累计).
INVESTMENT = ("投资", "总投资", "投资额", "总投资额", "计划投资", "计划总投资")
AGGREGATE = ("完成", "累计", "年度", "全年", "共", "合计", "总计")
# What a project will do once built is a projection, not a target: 建成后年产值可达30亿元.
PROJECTION = re.compile(r"(?:建成|投产|达产|运营|完工)后|预计可|可(?:提供|实现|达|带动|新增|吸纳|创造|解决"
                        r"|增加|形成|容纳|满足|减少|节约)")
# A subject that is one firm or one project: its figures are not the region's.
SINGLE_SUBJECT = ("该企业", "该公司", "该项目", "该厂", "这家企业", "这家公司", "企业负责人",
                  "公司负责人", "董事长", "总经理")
FIRM = ("公司", "集团")
# An event or a person's story: its head counts (120家企业进场, 工人200多名) are not
# indicators of the region, though the headline indicators it quotes still are.
EPISODE = ("活动", "现场", "招聘会", "仪式", "发布会", "推介会", "座谈会", "比赛", "大赛", "展会",
           "博览会", "论坛", "告诉记者", "岁的", "师傅")
# 地区生产总值和一般预算收入增长10%: a rate after two coordinated indicators is each one's.
# The first conjunct must end like an indicator, so 农业和服务业增加值 stays one name.
COORDINATORS = ("以及", "和", "与", "及")
INDICATOR_HEADS = ("收入", "总额", "总值", "产值", "增加值", "投资", "率", "量", "能耗", "指数")
# 制定稳经济40条, 出台高质量发展36条: a count of articles of a package of measures is a
# policy's name, not a figure of the region.
PACKAGE_UNITS = ("条", "项")
POLICY_VERBS = ("制定", "出台", "印发", "发布", "推出", "细化", "修订", "配套")
# Reporting words: what follows them is the news the event reported, not the event:
# 观摩会现场…记者从会上获悉,今年实施重点项目185个.
REPORTED = ("获悉", "了解到", "据悉", "据了解", "据介绍", "介绍", "表示", "指出", "透露")
STRETCH = ("力争", "争取", "力求", "冲刺", "奋斗")
# Verbs that set a goal: 确定经济增长4.5%的预期目标 names the goal 经济增长, not 确定经济增长.
SETTING = ("确定", "设定", "确立", "提出")
# Marks between a governing verb and its count: 引进了, 共, 实施好 …
LINKS = ("了", "共", "好", "新", "累计", "全年", "年内", "再", "完")

# 比上年, 较2022年同期, 同比: the base of a comparison sits between indicator and verb.
COMPARISON = r"(?:比|较|同比|与)(?:上年|去年|上一年|(?:19|20)\d{2}年)?(?:同期|末|底)?(?:相比)?"
# 剔除留抵退税因素, 扣除一次性收入因素影响后: an adjustment of the basis sits there too.
ADJUSTMENT = (r"(?:剔除|扣除|扣减|除去|去除)[^,，;；。:：、]{1,20}?(?:因素|影响)(?:影响)?后?"
              r"(?:计算)?")
