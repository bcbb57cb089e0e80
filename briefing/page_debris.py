"""What a saved page holds around an article: the vocabularies of its debris.

Navigation and breadcrumbs, imprint and ICP lines, web-page labels (来源：, 责任编辑：,
浏览次数：), photo captions, bylines and the heads of related-article lists. The
rules in `clean` decide where these lines sit; this module only says what they are.
Patterns are matched against the Simplified twin of a line.
"""
from __future__ import annotations

# A breadcrumb anywhere in a short line: `点新闻 首页 > 内地 > 大湾区`, `焦点> 国内> 正文`.
BREADCRUMB = (r"^[^，。；！？,;!?>＞›»]{0,16}(?:[>＞›»][^，。；！？,;!?>＞›»]{1,16}){2,}$"
              r"|^[^，。；！？,;!?>＞›»]{0,16}(?:首页|主页)\s*[>＞›»]")
# E-paper navigation: the page header runs to the last of these before the body.
NAVIGATION_PATTERNS = (
    r"上一版|下一版|上一篇|下一篇|上一期|下一期|版面导航|标题导航|返回目录|返回首页",
    r"放大\s*缩小\s*默认",
    r"^当前版\s*[:：]",
    r"^第\s*[A-Z]{0,4}\d{1,3}\s*版\s*[:：]",          # 第A05版:江海新闻 (page lists)
    r"^~~~",                                       # 标题导航 items
    r"^(?:首页|当前位置|您的位置|您现在的位置)\s*[>＞:：›»]",  # web breadcrumbs
    BREADCRUMB,
    r"字体\s*[:：]\s*[大中小]|打印本页|关闭窗口|【打印】|【关闭】|分享到|扫一扫|收藏本页|返回顶部",
    r"^(?:字体|字号)?\s*[:：]?\s*(?:(?:放大|缩小|还原|默认|[大中小])\s*){2,}$",   # 字体：放大 还原 缩小
    r"设为(?:首页|主页)|加入收藏|^您好[!！,，]?\s*今天是|^社交网站\s*[:：]?$|^今日导读$",
    r"跳(?:至|到|过)(?:主要)?(?:内容|正文|导航)",
    # the language switch of a site: 繁体 | 简体 | English
    r"^(?:繁体|简体|English|中文)(?:\s*[|/｜]\s*(?:繁体|简体|English|中文))+$",
)
# Lines that are furniture wherever they occur: imprint, jumps, web-page labels.
FURNITURE_PATTERNS = NAVIGATION_PATTERNS + (
    r"^[(（]?(?:上接|下转|转第?|接第?)\s*第?\s*[A-Z]{0,4}[\d一二三四五六七八九十]{1,3}\s*版[)）]?$",  # 上接A01版
    r"Copyright|All Rights Reserved|©",
    r"ICP备|ICP证|经营许可证|版权所有|未经授权|不得复制|不得转载|联系电话|制作及维护|社主办$",
    # reader tools and disclaimers of news sites and apps
    r"^(?:收藏|取消收藏|点赞|评论|分享|转发|打印|关闭|举报|纠错)(?:\s+(?:收藏|取消收藏|点赞|评论|分享|转发|打印|关闭|举报|纠错))*$",
    r"文责自负|不代表本(?:网|站|平台)(?:观点|立场)|仅代表作者(?:本人)?观点|如有侵权|免责声明",
    r"公网安备|网站标识码|转载请注明|内容如有不妥|如需转载",
    r"^[^，。；！？]{2,20}(?:出品|制作|监制)$",              # 某某融媒体中心出品
    r"^[(（]此件[^)）]{2,8}[)）]$",                       # （此件公开发布）under a signature
    r"^[*=＝_—─━·•~～#\-]{3,}$|^[|｜\s:\-]+$",           # a rule under a heading, empty table cells
    r"^(?:[日一二三四五六]\s*[|｜]\s*){6}[日一二三四五六]\s*[|｜]?$",   # a calendar's weekday row
    r"^(?:香港|澳门|北京)?时间\s*\d{1,2}\s*[时:：]\s*\d{2}\s*分?$",   # 香港时间11时05分
    r"^(?:视频|图集|专题|直播)\s*[:：]",                  # teasers of other media on the page
    # page numbers of a PDF (— 3 —, - 3 -, 第3页 共12页): they cut a sentence in two
    r"^[—–－-]{1,2}\s*\d{1,4}\s*[—–－-]{1,2}$|^第\s*\d{1,4}\s*页(?:\s*[/,，]?\s*共\s*\d{1,4}\s*页)?$",
)
# A credit closing a paragraph: （编辑：李四）.
CREDIT_MARK = r"[(（](?:编辑|责编|责任编辑|审核|校对)\s*[:：]\s*[\u4e00-\u9fff· ]{2,12}[)）]$"
# A jump marker inside a paragraph: the rest is on another page, the marker is no text.
JUMP_MARK = r"[(（]\s*(?:上接|下转|转|接)\s*第?\s*[A-Z]{0,4}[\d一二三四五六七八九十]{1,3}\s*版\s*[)）]"
# Web-page labels, `来源：…`, `作者/来源：…`; the credits among them may also stand alone
# on a line with the name on the next (as news apps and WeChat articles set them).
CREDIT_WORDS = ("来源", "稿源", "信息来源", "文章来源", "作者", "编辑", "责任编辑", "责编", "审核",
                "审校", "校对", "初审", "复审", "终审", "签发", "值班编辑", "统筹", "监制", "供稿",
                "撰稿", "录入", "美编", "主编", "策划", "排版", "出品")
LABEL_WORDS = CREDIT_WORDS + (
    "原标题", "版次", "版面", "版名", "发布时间", "发布日期", "发布机构", "发布单位", "发布者", "时间", "日期",
    "当前时间", "浏览次数", "浏览人次", "浏览量", "访问量", "阅读次数", "阅读量", "点击数", "点击量",
    "点击率", "字号", "索引号", "生成日期", "成文日期", "发文日期", "主题分类", "主题词", "文号",
    "发文字号", "有效性", "公开方式", "公开范围")
LABEL_WORD = "(?:" + "|".join(sorted(LABEL_WORDS, key=len, reverse=True)) + ")"
LABEL = rf"^[【\[(（]?\s*{LABEL_WORD}(?:\s*/\s*{LABEL_WORD})*\s*[:：]"
BARE_CREDIT = "^(?:" + "|".join(CREDIT_WORDS) + ")$"
CREDIT_NAME = r"^[\u4e00-\u9fff·、，,|/ ]{1,20}$"     # the name(s) on the line after one
LABEL_MAX = 80

# A line holding only a date (maybe time, weekday, labels, font-size tools, the name of
# the paper before it): a page header, not content.
DATE_LINE = (r"^(?:[\u4e00-\u9fff]{2,12}\s*)?\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*"
             r"(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:[(（]?星期\s*[一二三四五六日天][)）]?)?"
             r"(?:\s*(?:大字|中字|小字|[大中小](?:\s*[大中小]){2}))?(?:\s+\S*[:：].*)?$")

# A news dateline opens a paragraph, never continues one: 本报讯（记者…）, 某某网讯,
# 新华社广州2月8日电, 某某网3月5日报道.
DATELINE_START = (r"^(?:本报|本网|本台|本刊)讯|^[\u4e00-\u9fff]{2,10}讯\s*[(（【]"
                  r"|^[\u4e00-\u9fff]{2,12}?\d{1,2}月\d{1,2}日(?:电|报道|消息)")

# The head of a list of other articles below this one: the article ends above it.
RELATED_HEADING = (r"^[【\[]?(?:相关|延伸|推荐|更多|热点|热门|精彩|往期)?(?:新闻|阅读|报道|推荐|文章|链接)"
                   r"(?:推荐|阅读)?[】\]]?\s*[:：]?$|^猜你喜欢$|^[\u4e00-\u9fff]{1,8}精选\s*[:：]?$")

# Photo captions: kept apart from the body.
CAPTION_PATTERNS = (
    r"(?:^|[\s(（。，])[\u4e00-\u9fff·]{2,4}\s*(?:/\s*)?摄[)）]?$",   # … 邱昱 摄 / （记者 郭永乐 摄） / 现场。何鑫摄
    r"^[\u4e00-\u9fff]{2,6}社(?:记者\s*[\u4e00-\u9fff·]{2,4}\s*)?发$",   # 新华社发: a wire photo
    r"(?:供图|图片来源[:：].*|资料图(?:片)?)[)）]?$",
    r"^(?:图为|上图|下图|左图|右图|顶图|首图|题图|配图|图\d+)[:：,，\s]?",
)
CAPTION_MAX = 160

# Bylines: who wrote the piece, not what it says.
_ROLE = r"(?:(?:本报|本台)?(?:全媒体)?记者|通讯员|实习生)"
_NAME = r"[\u4e00-\u9fff·]{2,4}"
BYLINE = (r"^[□■◆◇●]?\s*(?:文/图|图/文|文图|图文|文|图|撰文|摄影|记者|本报记者|通讯员|编辑)"
          r"\s*[/:：]|^[□■◆◇]\s*\S{0,12}记者"
          # a closing line of names alone: （章三 李四）, （记者 王五）, （记者 王五 通讯员 赵六）
          rf"|^[(（](?:{_ROLE}\s*)?{_NAME}(?:[\s、，,]+(?:{_ROLE}\s*)?{_NAME})+[)）]$"
          rf"|^[(（]{_ROLE}\s*{_NAME}[)）]$"
          # a byline line of roles and names: 记者 张三 李四 通讯员 王五 (记者手记 is a column)
          rf"|^{_ROLE}\s*{_NAME}(?:\s+(?:{_ROLE}\s*)?{_NAME})+$|^{_ROLE}\s+{_NAME}$")
BYLINE_MAX = 40

